"""The site's HTML pages: pure functions of ``SiteContent``, each page one self-contained file.

Phone first: one column that widens on a desktop, tables that become labelled rows on a narrow
screen, nothing wider than the screen. No external fonts, scripts or images: the CSS is inline
and the charts are inline SVG with a text alternative (the same figures are always in a table or
in the text). The home page's search and sort are a few lines of inline JavaScript on top of a
complete table: without JavaScript every figure is still there. Every text a person typed is
escaped.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable

from smederij_cli.labels import format_count, format_date, label
from smederij_cli.money import format_cents
from smederij_cli.site.content import FIGURES, PROGRESS_STEPS, SiteContent, smederij_figures, \
    stream_totals, summed

# Colours with clear steps of lightness, so the bars stay apart in greyscale and for colour-blind
# readers; each also has its own word in the legend and in every bar's text.
COLOURS = {"spent": "#1b4f72", "committed": "#5d9cce", "available": "#cfe3f3",
           "moved": "#b0b0b0"}

CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
background:#f6f6f3}
a{color:#0b5394}
a:focus,button:focus,input:focus{outline:3px solid #e69f00;outline-offset:2px}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
header p{margin:.2rem 0;color:#444}
nav.crumbs{font-size:.9rem;margin-top:.5rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.25rem;margin:1.6rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.6rem}
.card{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem .8rem;
overflow-wrap:anywhere}
.card b{display:block;font-size:1.15rem;white-space:nowrap}
.card span{font-size:.85rem;color:#444}
.panel{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem .8rem;
margin:.6rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{padding:.35rem .4rem;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
th.n,td.n{text-align:right;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;
color:inherit;text-align:inherit}
tr.total td{font-weight:700;border-top:2px solid #999}
.bar{display:flex;height:.8rem;border-radius:.2rem;overflow:hidden;background:#eee;
min-width:4rem}
.bar i{display:block;height:100%}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem;margin:.3rem 0}
.legend i{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;margin-right:.3rem;
border:1px solid #666}
.note{font-size:.85rem;color:#444}
.progress{white-space:nowrap;font-size:.85rem}
svg text{font-size:12px;fill:#1a1a1a}
input[type=search]{font:inherit;width:100%;max-width:24rem;padding:.4rem;margin:.3rem 0}
footer{font-size:.85rem;color:#444;padding:2rem 1rem}
@media (max-width:48rem){
 table.rows thead{position:absolute;left:-9999px}
 table.rows tr{display:block;border-bottom:1px solid #ccc;padding:.3rem 0}
 table.rows td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.1rem 0;
  text-align:right}
 table.rows td::before{content:attr(data-label);font-weight:600;text-align:left}
 table.rows td.name{display:block;text-align:left;font-weight:600}
 table.rows td.name::before{content:none}
}
@media print{body{background:#fff}.panel,.card{break-inside:avoid}input,nav.crumbs{display:none}}
"""

SORT_SCRIPT = """
(function(){
var t=document.getElementById('smederijen'),q=document.getElementById('zoek');
if(!t)return;var b=t.tBodies[0];
q.hidden=false;q.previousElementSibling.hidden=false;
q.addEventListener('input',function(){var s=q.value.toLowerCase();
for(var r of b.rows){r.hidden=s&&r.textContent.toLowerCase().indexOf(s)<0;}});
t.querySelectorAll('th').forEach(function(th,i){var btn=document.createElement('button');
btn.type='button';btn.textContent=th.textContent;th.textContent='';th.appendChild(btn);
btn.addEventListener('click',function(){var up=th.getAttribute('aria-sort')!=='ascending';
t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',up?'ascending':'descending');
var rows=Array.from(b.rows);rows.sort(function(x,y){var a=x.cells[i].dataset.v||
x.cells[i].textContent,c=y.cells[i].dataset.v||y.cells[i].textContent;
var r=(x.cells[i].dataset.v?Number(a)-Number(c):a.localeCompare(c));return up?r:-r;});
rows.forEach(function(r){b.appendChild(r);});});});
})();
"""


class Words:
    """The site's words, numbers and dates in its language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def money(self, cents: int) -> str:
        return format_cents(cents, self.lang)

    def count(self, n: int) -> str:
        return format_count(n, self.lang)

    def date(self, iso: str) -> str:
        return format_date(_dt.date.fromisoformat(iso[:10]), self.lang)

    def percent(self, part: int, whole: int) -> str:
        return f"{round(100 * part / whole)}%" if whole > 0 else "–"


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


# -- building blocks -------------------------------------------------------------------------------


def page(c: SiteContent, *, title: str, heading: str, body: str, depth: int,
         crumbs: Iterable[tuple[str, str]] = (), script: str = "") -> str:
    """One whole page. ``depth``: how many folders below the site's root it lives (for links)."""
    w = Words(c.lang)
    root = "../" * depth
    programme = " · ".join(x for x in (c.programme.get("name"), c.programme.get("municipality"))
                           if x) or "De Smederijen"
    trail = "".join(f'<a href="{root}{href}">{e(text)}</a> › ' for href, text in crumbs)
    # Only the home page says how recent the figures are: a date on every page would rewrite
    # every page after any booking.
    updated = (f"<p>{e(w('site_updated', date=w.date(c.updated)))}</p>"
               if c.updated and depth == 0 else "")
    internal = (f'<p class="note"><b>{e(w("site_internal"))}</b></p>' if c.internal else "")
    return (f'<!DOCTYPE html><html lang="{e(c.lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
            f'<header><nav class="crumbs" aria-label="{e(w("site_trail"))}">{trail}</nav>'
            f"<h1>{e(heading)}</h1><p>{e(programme)}</p>{internal}</header>"
            f"<main>{body}</main>"
            f'<footer><p>{e(w("site_footer"))} <a href="{root}data/">{e(w("site_open_data"))}'
            f"</a>.</p>{updated}</footer>"
            + (f"<script>{script}</script>" if script else "") + "</body></html>\n")


def cards(items: Iterable[tuple[str, str, str]]) -> str:
    return '<div class="cards">' + "".join(
        f'<div class="card"><span>{e(k)}</span><b>{e(v)}</b>'
        + (f"<span>{e(sub)}</span>" if sub else "") + "</div>" for k, v, sub in items) + "</div>"


def bar(f: dict[str, int], w: Words) -> str:
    """Spent, committed and available as one bar, named in words for those who cannot see it."""
    parts = [("spent", f["spent_cents"]), ("committed", f["committed_cents"]),
             ("available", f["available_cents"]),
             ("moved", f["carried_out_cents"] + f["lapsed_cents"])]
    whole = sum(v for _, v in parts if v > 0)
    text = ", ".join(f"{w(k if k != 'moved' else 'site_moved')} {w.money(v)}"
                     for k, v in parts if v)
    inner = "".join(f'<i style="width:{100 * v / whole:.2f}%;background:{COLOURS[k]}"></i>'
                    for k, v in parts if v > 0) if whole else ""
    return f'<div class="bar" role="img" aria-label="{e(text or w.money(0))}">{inner}</div>'


def legend(w: Words) -> str:
    return '<div class="legend">' + "".join(
        f'<span><i style="background:{COLOURS[k]}"></i>{e(w(k if k != "moved" else "site_moved"))}'
        "</span>" for k in COLOURS) + "</div>"


def table(caption: str, head: list[tuple[str, bool]], rows: Iterable[list[tuple[str, str]]],
          *, total: list[tuple[str, str]] | None = None, table_id: str = "",
          stacked: bool = True, quiet_caption: bool = False) -> str:
    """A table with a caption; ``rows`` are lists of (html, sort value). ``stacked``: on a
    narrow screen each row becomes a block of labelled lines (no sideways scrolling)."""
    labels = [h for h, _ in head]
    attrs = (f' id="{table_id}"' if table_id else "") + (' class="rows"' if stacked else "")

    def cell(i: int, content: str, value: str) -> str:
        cls = "n" if head[i][1] else ("name" if i == 0 else "")
        return (f'<td{f" class={cls}" if cls else ""} data-label="{e(labels[i])}"'
                + (f' data-v="{e(value)}"' if value else "") + f">{content}</td>")

    body = "".join("<tr>" + "".join(cell(i, c, v) for i, (c, v) in enumerate(row)) + "</tr>"
                   for row in rows)
    foot = ("<tfoot><tr class=total>" + "".join(cell(i, c, "") for i, (c, _) in
                                                enumerate(total)) + "</tr></tfoot>"
            if total else "")
    caption_attrs = ' class="sr"' if quiet_caption else ""
    return (f"<table{attrs}><caption{caption_attrs}>{e(caption)}</caption><thead><tr>"
            + "".join(f'<th scope="col"{" class=n" if n else ""}>{e(h)}</th>' for h, n in head)
            + f"</tr></thead><tbody>{body}</tbody>{foot}</table>")


def money_cell(w: Words, cents: int) -> tuple[str, str]:
    return e(w.money(cents)), str(cents)


def progress(w: Words, p: dict) -> str:
    if p["progress"] is None:
        return e(w(p["status"]))
    return (f'<span class="progress">{e(w(p["status"]))} '
            f'({e(w("site_step", step=p["progress"], steps=PROGRESS_STEPS))})</span>')


def year_chart(w: Words, rows: list[tuple[int, int, int]]) -> str:
    """Allocated and spent per year as a small SVG, with its figures as the text alternative."""
    if not rows:
        return ""
    top = max(max(a, s) for _, a, s in rows) or 1
    height, step = 120, 44
    bars = []
    for i, (year, allocated, spent) in enumerate(rows):
        x = 8 + i * step
        for j, (value, colour) in enumerate(((allocated, COLOURS["committed"]),
                                             (spent, COLOURS["spent"]))):
            h = round(height * value / top)
            bars.append(f'<rect x="{x + j * 16}" y="{height - h + 4}" width="14" height="{h}" '
                        f'fill="{colour}"/>')
        bars.append(f'<text x="{x + 15}" y="{height + 20}" text-anchor="middle">'
                    f"{str(year)[2:]}</text>")
    width = 16 + len(rows) * step
    summary = "; ".join(f"{y}: {w('allocated').lower()} {w.money(a)}, {w('spent').lower()} "
                        f"{w.money(s)}" for y, a, s in rows)
    return (f'<svg role="img" viewBox="0 0 {width} {height + 26}" width="100%" '
            f'style="max-width:{width}px" aria-label="{e(summary)}">'
            f"<title>{e(w('site_chart_years'))}</title>{''.join(bars)}</svg>"
            f'<div class="legend"><span><i style="background:{COLOURS["committed"]}"></i>'
            f'{e(w("allocated"))}</span><span><i style="background:{COLOURS["spent"]}"></i>'
            f'{e(w("spent"))}</span></div>')


FIGURE_KEYS = [k[:-len("_cents")] for k in FIGURES]


def figures_table(w: Words, caption: str, first: str, rows: list[tuple[str, dict]],
                  total: dict | None) -> str:
    """Figures with one column per item (a stream, or the total) and one row per figure: as
    narrow as the items are few, so it fits a phone without becoming a list."""
    items = rows + ([(w("total"), total)] if total is not None and len(rows) > 1 else [])
    head = [(first, False)] + [(name, True) for name, _ in items]
    body = [[(e(w(k)), "")] + [money_cell(w, f[f"{k}_cents"]) for _, f in items]
            for k in FIGURE_KEYS]
    return table(caption, head, body, quiet_caption=True)


def years_table(w: Words, caption: str, rows: list[tuple[int, dict]]) -> str:
    """One row per year, every figure a column (a labelled list on a phone)."""
    head = [(w("year"), False)] + [(w(k), True) for k in FIGURE_KEYS]
    body = [[(str(y), str(y))] + [money_cell(w, f[f"{k}_cents"]) for k in FIGURE_KEYS]
            for y, f in rows]
    return table(caption, head, body, quiet_caption=True)


# -- the pages -------------------------------------------------------------------------------------


def home(c: SiteContent) -> str:
    w = Words(c.lang)
    year = c.year
    per_stream = stream_totals(c, year)
    names = {s["code"]: s["name"] for s in c.streams}
    parts = [f"<p>{e(w('site_intro', year=year))}</p>"]
    everything = summed(per_stream) if per_stream else dict.fromkeys(FIGURES, 0)
    parts.append(cards([
        (w("allocated"), w.money(everything["allocated_cents"]),
         f"{w('carried_in')}: {w.money(everything['carried_in_cents'])}"
         if everything["carried_in_cents"] else ""),
        (w("committed"), w.money(everything["committed_cents"]), ""),
        (w("spent"), w.money(everything["spent_cents"]), ""),
        (w("available"), w.money(everything["available_cents"]), ""),
    ]))
    if per_stream:
        parts.append(f"<h2>{e(w('site_per_stream', year=year))}</h2><div class=panel>")
        parts.append(figures_table(w, w("site_per_stream", year=year), w("stream"),
                                   [(names.get(k, k), f) for k, f in per_stream.items()],
                                   everything))
        parts.append("</div>")
    parts.append(f"<h2>{e(w('smederijen'))}</h2><div class=panel>")
    parts.append(f'<label for="zoek" hidden>{e(w("site_search"))}</label> '
                 '<input type="search" id="zoek" hidden>')
    parts.append(legend(w))
    head = [(w("smederij"), False), (w("site_team"), False), (w("allocated"), True),
            (w("committed"), True), (w("spent"), True), (w("available"), True),
            (w("site_bar"), False)]
    rows = []
    report = {r["code"]: r for r in c.reports[year]["smederijen"]}
    for sm in c.smederijen:
        f = summed(report[sm["code"]]["streams"]) if sm["code"] in report else \
            dict.fromkeys(FIGURES, 0)
        rows.append([
            (f'<a href="{e(sm["code"])}/">{e(sm["name"])}</a>', sm["name"]),
            (e(sm["team_name"]), sm["team_name"]),
            money_cell(w, f["allocated_cents"]), money_cell(w, f["committed_cents"]),
            money_cell(w, f["spent_cents"]), money_cell(w, f["available_cents"]),
            (bar(f, w), str(f["spent_cents"] + f["committed_cents"]))])
    parts.append(table(w("site_smederijen_caption", year=year), head, rows,
                       table_id="smederijen"))
    parts.append("</div>")
    others = [y["year"] for y in c.years if y["year"] != year]
    if others:
        parts.append(f"<p class=note>{e(w('site_other_years'))} "
                     + ", ".join(str(y) for y in others) + " — "
                     f'<a href="data/">{e(w("site_open_data"))}</a>.</p>')
    title = w("site_title", year=year)
    return page(c, title=title, heading=title, body="".join(parts), depth=0, script=SORT_SCRIPT)


def smederij_page(c: SiteContent, sm: dict) -> str:
    w = Words(c.lang)
    names = {s["code"]: s["name"] for s in c.streams}
    code = sm["code"]
    kind = w("site_wijk") if sm["kind"] == "wijk" else w("site_dorp")
    parts = [f"<p>{e(kind)}" + (f" · {e(w('site_team'))}: {e(sm['team_name'])}"
                                if sm["team_name"] else "") + "</p>"]
    now = smederij_figures(c, code, c.year)
    total = summed(now) if now else dict.fromkeys(FIGURES, 0)
    parts.append(cards([(w("allocated"), w.money(total["allocated_cents"]), str(c.year)),
                        (w("committed"), w.money(total["committed_cents"]), ""),
                        (w("spent"), w.money(total["spent_cents"]), ""),
                        (w("available"), w.money(total["available_cents"]), "")]))
    parts.append(f"<h2>{e(w('site_budget_year', year=c.year))}</h2><div class=panel>")
    parts.append(legend(w))
    parts.append("".join(f"<h3>{e(names.get(k, k))}</h3>{bar(f, w)}" for k, f in now.items()))
    parts.append(figures_table(w, w("site_budget_year", year=c.year), w("stream"),
                               [(names.get(k, k), f) for k, f in now.items()], total))
    parts.append("</div>")

    history = []
    for y in c.years:
        f = smederij_figures(c, code, y["year"])
        if f and any(summed(f).values()):
            history.append((y["year"], summed(f)))
    if history:
        parts.append(f"<h2>{e(w('site_past_years'))}</h2><div class=panel>")
        if len(history) > 1:
            parts.append(year_chart(w, [(y, f["allocated_cents"], f["spent_cents"])
                                        for y, f in history]))
        parts.append(years_table(w, w("site_past_years"), history))
        moved = [(y, f) for y, f in history if f["carried_out_cents"] or f["lapsed_cents"]]
        if moved:
            parts.append("<p class=note>" + " ".join(
                e(w("site_year_end", year=y, carried=w.money(f["carried_out_cents"]),
                    lapsed=w.money(f["lapsed_cents"]))) for y, f in moved) + "</p>")
        parts.append("</div>")

    mine = [p for p in c.projects if p["smederij"] == code]
    parts.append(f"<h2>{e(w('projects'))}</h2>")
    if not mine:
        parts.append(f"<p>{e(w('site_no_projects'))}</p>")
    for year in sorted({p["year"] for p in mine}, reverse=True):
        rows = [[(f'<a href="../project/{p["id"]}/">{e(p["title"])}</a>', p["title"]),
                 (e(names.get(p["stream"], p["stream"])), ""),
                 (e(w(p["theme"] or "none")), ""), (progress(w, p), ""),
                 money_cell(w, p["committed_cents"]), money_cell(w, p["paid_cents"])]
                for p in mine if p["year"] == year]
        head = [(w("title"), False), (w("stream"), False), (w("theme"), False),
                (w("status"), False), (w("committed"), True), (w("paid"), True)]
        parts.append('<div class="panel">' + table(w("site_projects_year", year=year), head,
                                                  rows) + "</div>")
    rounds = [r for r in c.rounds if r.get("smederij") == code]
    if rounds:
        parts.append(f"<h2>{e(w('site_rounds'))}</h2>" + "".join(round_block(w, r)
                                                                   for r in rounds))
    return page(c, title=f"{sm['name']} · {w('site_title', year=c.year)}", heading=sm["name"],
                body="".join(parts), depth=1, crumbs=[("", w("site_home"))])


def round_block(w: Words, r: dict) -> str:
    """One idea round: its ideas, their votes and the result."""
    voted = r["state"] != "open"
    head = [(w("title"), False), (w("amount"), True)]
    head += [(w("site_votes"), True), (w("site_result"), False)] if voted else \
        [(w("supporters"), True)]
    rows = []
    for i in r["ideas"]:
        row = [(e(i["title"]), ""), money_cell(w, i["cost_cents"])]
        if voted:
            outcome = w("site_outcome_" + i["outcome"])
            if i["outcome"] == "partial":
                outcome += f" ({w.money(i['awarded_cents'])})"
            row += [(w.count(i["votes"]), str(i["votes"])), (e(outcome), "")]
        else:
            row += [(w.count(i["signatures"]), str(i["signatures"]))]
        rows.append(row)
    about = w("site_round_about", budget=w.money(r["budget_cents"]),
              ballots=w.count(r["ballots"])) if voted else w("site_round_open")
    if r.get("no_vote"):
        about = w("site_round_no_vote", budget=w.money(r["budget_cents"]))
    link = (f'<p class=note><a href="../data/rounds/{r["id"]}.pb">{e(w("site_pb"))}</a></p>'
            if r.get("pb") else "")
    return ('<div class="panel">' + f"<p>{e(about)}</p>"
            + table(f"{w('site_round')} {r['name']} {r['year']}", head, rows) + link + "</div>")


def project_page(c: SiteContent, p: dict, sm: dict) -> str:
    w = Words(c.lang)
    names = {s["code"]: s["name"] for s in c.streams}
    parts = [f'<p><a href="../../{e(sm["code"])}/">{e(sm["name"])}</a> · '
             f"{e(names.get(p['stream'], p['stream']))} {p['year']} · "
             f"{e(w(p['theme'] or 'none'))}</p>",
             f"<p>{e(w('status'))}: {progress(w, p)}</p>"]
    parts.append(cards([(w("requested"), w.money(p["requested_cents"]), ""),
                        (w("committed"), w.money(p["committed_cents"]), ""),
                        (w("paid"), w.money(p["paid_cents"]), ""),
                        (w("supporters"), w.count(p["supporters"]), ""),
                        (w("volunteers"), w.count(p["volunteers"]), "")]))
    if p["cofunding"]:
        rows = [[(e(source), ""), money_cell(w, cents)] for source, cents in
                p["cofunding"].items()]
        parts.append('<div class="panel">' + table(
            w("cofunding"), [(w("site_source"), False), (w("amount"), True)], rows,
            total=[(e(w("total")), ""), money_cell(w, sum(p["cofunding"].values()))])
            + "</div>")
    parts.append(f"<h2>{e(w('site_story'))}</h2><div class=panel><ol>")
    for step in p["history"]:
        note = f" — {e(step['note'])}" if step.get("note") else ""
        parts.append(f"<li><b>{e(w.date(step['date']))}</b>: {e(w(step['to']))}{note}</li>")
    parts.append("</ol></div>")
    if p["payments"]:
        head = [(w("date"), False), (w("amount"), True)]
        if c.internal:
            head += [(w("payee"), False), (w("reference"), False)]
        rows = []
        for pm in p["payments"]:
            row = [(e(w.date(pm["date"])), pm["date"]), money_cell(w, pm["amount_cents"])]
            if c.internal:
                row += [(e(pm["payee"]), ""), (e(pm["reference"]), "")]
            if pm["reversed"]:
                row[1] = (f"<s>{row[1][0]}</s> ({e(w('reversed').lower())})", row[1][1])
            rows.append(row)
        parts.append('<div class="panel">' + table(w("payments"), head, rows) + "</div>")
    return page(c, title=f"{p['title']} · {sm['name']}", heading=p["title"],
                body="".join(parts), depth=2,
                crumbs=[("", w("site_home")), (f"{sm['code']}/", sm["name"])])


def data_page(c: SiteContent, files: list[tuple[str, str]]) -> str:
    """The open-data folder's index: every file with what it holds."""
    w = Words(c.lang)
    items = "".join(f'<li><a href="{e(name)}">{e(name)}</a>: {e(about)}</li>'
                    for name, about in files)
    body = (f"<p>{e(w('site_data_intro'))}</p><div class=panel><ul>{items}</ul></div>")
    return page(c, title=w("site_open_data"), heading=w("site_open_data"), body=body, depth=1,
                crumbs=[("", w("site_home"))])
