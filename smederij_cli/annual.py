"""The HTML annual report: one self-contained page the stuurgroep reads on a screen, on a phone
and on paper.

Rendering only, like ``writers``: it takes the plain dicts the ledger returns (money in integer
cents) and gives text. Nothing is fetched (inline CSS, no script, no image from anywhere); every
text is escaped. The layout answers three readers:

- a desktop screen: cards, bar charts and tables side by side;
- a phone (390 px): the cards and chart rows reflow into one column, wide tables scroll inside
  their own keyboard-reachable region, the page itself never scrolls sideways, chart text stays
  at least 11 px (the charts are HTML, not a scaled picture);
- A4 paper: every column of every table fits the page's width, cards and charts are not split
  across pages, charts keep their legends, nothing scrolls, and every page has the report's title
  and its page number (CSS ``@page`` margin boxes).

Colours stay apart in greyscale and for colour-blind readers: each segment of a chart differs in
lightness and, where two would be close, in pattern (stripes, dots); the legend shows the same.
Dates and counts are written in the report's language (``1 december 2026``, ``1.200``).
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from smederij_cli.labels import format_count, format_date, label
from smederij_cli.money import format_cents
from smederij_cli.writers import (ACTIVE, STATUSES, _sum_figures, counts_people, scope,
                                  status, used_share)

PROJECTS_PER_SMEDERIJ = 200  # funded projects listed per Smederij; the rest are counted
SEGMENTS = ("spent", "committed", "available", "carried_out_available",
            "carried_out_committed", "carried_out", "lapsed")
def format_share(share: float, lang: str) -> str:
    return f"{share:.0%}"


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters, digits and spaces as a
    hex escape, so nothing typed can end the string or the style sheet."""
    return '"' + "".join(c if c.isalnum() and c.isascii() or c == " " else f"\\{ord(c):x} "
                         for c in text) + '"'


# -- the figures, gathered in one pass over the years ----------------------------------------------

KEYS = ("carried_in_cents", "allocated_cents", "committed_cents", "spent_cents",
        "available_cents", "carried_out_cents", "lapsed_cents", "carried_out_available_cents",
        "carried_out_committed_cents")


def _add(into: dict, figures: dict) -> None:
    for k in KEYS:
        if k in figures:
            into[k] = into.get(k, 0) + figures[k]


@dataclass
class _Group:
    """The figures of one group (a stream, a wijkteam, wijk or dorp, a Smederij) per year, and
    how many Smederijen and projects it has."""

    name: str
    years: dict[int, dict] = field(default_factory=dict)
    smederijen: set = field(default_factory=set)
    projects: int = 0
    funded: int = 0

    def add(self, year: int, figures: dict) -> None:
        _add(self.years.setdefault(year, {}), figures)

    def figures(self) -> dict:
        """Summed within a year; over several years combined as the writers combine them (a
        statement of movements, when the figures branch has it)."""
        items = [self.years[y] for y in sorted(self.years)]
        if not items:
            return dict.fromkeys(KEYS, 0)
        combined = _sum_figures([{k: i.get(k, 0) for k in KEYS} for i in items])
        return {**dict.fromkeys(KEYS, 0), **combined}


def _gather(reports: Iterable[dict], streams: dict[str, dict]) -> dict[str, Any]:
    """Reads ``reports`` once: per year the totals, and per stream, wijkteam, kind and Smederij
    their figures and project counts (from each report's counts by status)."""
    years: list[tuple[int, dict]] = []
    closed = False
    groups: dict[str, dict[str, _Group]] = {"stream": {}, "team": {}, "kind": {},
                                             "smederij": {}}
    for report in reports:
        year = report["year"]
        years.append((year, report["totals"]))
        closed = bool(report.get("closed"))  # of the last year
        for sm in report["smederijen"]:
            counts = sm.get("projects") or {}
            n, funded = sum(counts.values()), sum(counts.get(s, 0) for s in ACTIVE)
            owners = [("smederij", sm["code"], sm["name"]),
                      ("team", sm.get("team") or "", sm.get("team") or "—"),
                      ("kind", sm.get("kind") or "", sm.get("kind") or "—")]
            for kind, key, name in owners:
                group = groups[kind].setdefault(key, _Group(name))
                group.smederijen.add(sm["code"])
                group.projects += n
                group.funded += funded
                for f in sm["streams"].values():
                    group.add(year, f)
            for code, f in sm["streams"].items():
                group = groups["stream"].setdefault(
                    code, _Group(streams.get(code, {}).get("name") or code))
                group.smederijen.add(sm["code"])
                group.add(year, f)
    return {"years": years, "groups": groups, "closed": closed}


@dataclass
class _Projects:
    """What the report says about projects, read in one pass: counts, co-funding and volunteers
    of the funded ones (approved, in progress, completed; co-funding and volunteers only in a
    project's own year: ``writers.counts_people``), per theme the number in each status,
    and per Smederij its funded projects (at most PROJECTS_PER_SMEDERIJ listed)."""

    all: int = 0
    funded: int = 0
    cofunding: int = 0
    volunteers: int = 0
    themes: dict[str, dict[str, int]] = field(default_factory=dict)
    listed: dict[str, list[dict]] = field(default_factory=dict)
    unlisted: dict[str, int] = field(default_factory=dict)
    per_smederij: dict[str, list[int]] = field(default_factory=dict)  # cofunding, volunteers

    def read(self, projects: Iterable[dict]) -> "_Projects":
        for p in projects:
            self.all += 1
            now = status(p)  # of a closed year: as at its close
            theme = self.themes.setdefault(p["theme"] or "none", dict.fromkeys(STATUSES, 0))
            theme[now] += 1
            if now not in ACTIVE:
                continue
            self.funded += 1
            mine = self.per_smederij.setdefault(p["smederij"], [0, 0])
            if counts_people(p):  # once, in the project's own year (not where it was carried)
                self.cofunding += p["cofunding_cents"]
                self.volunteers += p["volunteers"]
                mine[0] += p["cofunding_cents"]
                mine[1] += p["volunteers"]
            listed = self.listed.setdefault(p["smederij"], [])
            if len(listed) < PROJECTS_PER_SMEDERIJ:
                listed.append({**{k: p.get(k) for k in ("id", "year", "title", "theme",
                                                        "stream", "committed_cents",
                                                        "paid_cents", "carried_from")},
                               "status": now})
            else:
                self.unlisted[p["smederij"]] = self.unlisted.get(p["smederij"], 0) + 1
        return self


# -- pieces of the page ----------------------------------------------------------------------------

E = html.escape


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}-{self.n}"


def _table(ids: _Ids, caption: str, head: list[tuple[str, bool]],
           rows: list[tuple[list[str], str]], *, wide: bool = False) -> str:
    """A table with its caption, in a region of its own that scrolls sideways on a narrow
    screen (reachable by keyboard: it has a name and takes focus). ``head``: (title, numeric);
    ``rows``: (cells, css class), escaped here."""
    cid = ids("t")
    out = [f'<div class="scroll{" wide" if wide else ""}" role="region" tabindex="0" '
           f'aria-labelledby="{cid}"><table><caption id="{cid}">{E(caption)}</caption>'
           "<thead><tr>"]
    out += [f'<th scope="col"{" class=n" if num else ""}>{E(h)}</th>' for h, num in head]
    out.append("</tr></thead><tbody>")
    for cells, cls in rows:
        out.append(f'<tr class="{cls}">' if cls else "<tr>")
        for n, (c, (_, num)) in enumerate(zip(cells, head)):
            tag = "th scope=row" if n == 0 and cls == "total" else "td"
            out.append(f'<{tag}{" class=n" if num else ""}>{E(c)}</{tag.split()[0]}>')
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _card(key: str, value: str, sub: str = "", kind: str = "") -> str:
    return (f'<div class="card {kind}"><div class="k">{E(key)}</div>'
            f'<div class="v">{E(value)}</div><div class="s">{E(sub)}</div></div>')


def _legend(items: list[tuple[str, str]]) -> str:
    return '<ul class="legend">' + "".join(
        f'<li><i class="sw p-{cls}" aria-hidden="true"></i>{E(text)}</li>' for text, cls in items
    ) + "</ul>"


def _chart(name: str, legend: list[tuple[str, str]],
           rows: list[tuple[str, list[tuple[str, int]], str]]) -> str:
    """Horizontal stacked bars drawn in HTML (so their text is real text at a readable size on
    any screen), each row (label, [(segment class, value)], note); the chart is one image for
    assistive technology, named ``name`` (its figures are in the table that follows)."""
    biggest = max((sum(v for _, v in parts) for _, parts, _ in rows), default=0) or 1
    out = [f'<figure class="chart"><figcaption>{_legend(legend)}</figcaption>'
           f'<div class="bars" role="img" aria-label="{E(name)}">']
    for text, parts, note in rows:
        out.append(f'<div class="row"><span class="name">{E(text)}</span><span class="bar">')
        for cls, value in parts:
            if value > 0:
                out.append(f'<i class="seg p-{cls}" style="width:{100 * value / biggest:.2f}%">'
                           "</i>")
        out.append(f'</span><span class="note">{E(note)}</span></div>')
    out.append("</div></figure>")
    return "".join(out)


def _segments(f: dict) -> list[tuple[str, int]]:
    """Where a budget went, as chart segments: spent, committed, available, and at a closed
    year's end carried out (budget and commitments apart, when the figures say) and lapsed."""
    parts = [("spent", f["spent_cents"]), ("committed", f["committed_cents"]),
             ("available", f["available_cents"])]
    if "carried_out_available_cents" in f and "carried_out_committed_cents" in f and (
            f["carried_out_available_cents"] + f["carried_out_committed_cents"]
            == f["carried_out_cents"]):
        parts += [("carried_out_available", f["carried_out_available_cents"]),
                  ("carried_out_committed", f["carried_out_committed_cents"])]
    else:
        parts.append(("carried_out", f["carried_out_cents"]))
    parts.append(("lapsed", f["lapsed_cents"]))
    return parts


# -- the page --------------------------------------------------------------------------------------


def write_annual(reports: Iterable[dict], projects: Iterable[dict], lang: str, *,
                 programme: dict, ledger: str = "", today: _dt.date | None = None,
                 previous: dict | None = None, streams: list[dict] | None = None,
                 heading: str | None = None, filters: dict | None = None,
                 closed_on: _dt.date | None = None) -> str:
    """The annual report (one year) or the overview (several) as one self-contained page.

    ``reports``: one ``Ledger.report`` per year, read once as they come; ``projects``: the
    years' projects (read once); ``previous``: the report of the year before (a one-year report
    compares with it); ``streams``: the streams' rows (names and descriptions); ``heading``:
    the page's title (default: "Jaarverslag 2026" or "Meerjarenoverzicht 2017–2026", with the
    filters, e.g. "(Smederij krakeel)"); ``filters``: {"smederij": ..., "stream": ...};
    ``closed_on``: the day the (last) year was rolled over, said under the title.

    Over several years the figures are a statement of movements (``movements.py``): carried in
    is the opening balance of the first year, never summed over the years."""
    L = lambda key, **kw: label(key, lang, **kw)  # noqa: E731
    money = lambda cents: format_cents(cents, lang)  # noqa: E731
    count = lambda n: format_count(n, lang)  # noqa: E731
    share = lambda s: format_share(s, lang)  # noqa: E731
    ids = _Ids()
    stream_rows = {s["code"]: s for s in streams or []}
    gathered = _gather(reports, stream_rows)
    years, groups = gathered["years"], gathered["groups"]
    if not years:
        raise ValueError("an annual report needs at least one year")
    first, last = years[0][0], years[-1][0]
    one_year = first == last
    heading = heading or ((L("annual_report", year=first) if one_year
                           else L("overview_report", start=first, end=last))
                          + scope(filters, lang))
    totals = {**dict.fromkeys(KEYS, 0),
              **_sum_figures([{k: t.get(k, 0) for k in KEYS} for _, t in years])}
    p = _Projects().read(projects)
    allocated = totals["allocated_cents"]
    per_euro_cents = (200 * p.cofunding + allocated) // (2 * allocated) if allocated else 0
    year_end = gathered["closed"] or totals["carried_out_cents"] or totals["lapsed_cents"]
    closed_year = one_year and gathered["closed"] and "carried_out_available_cents" in totals
    # over several years carried in is the opening balance (carried into the first year)
    carried_in = "carried_in" if one_year else "opening"
    subtitle = " · ".join(x for x in (programme.get("name"), programme.get("municipality"))
                          if x) or "De Smederijen"
    today = today or _dt.date.today()
    body: list[str] = []
    if closed_on is not None:
        body.append(f'<p class="status">{E(L("closed_on", date=format_date(closed_on, lang)))}'
                    "</p>")

    # key figures
    cards = [_card(L("allocated"), money(allocated),
                   f"{L(carried_in)}: {money(totals['carried_in_cents'])} · {L('to_spend')}: "
                   f"{money(totals['carried_in_cents'] + allocated)}", "allocated"),
             _card(L("spent"), money(totals["spent_cents"]),
                   f"{L('used')}: {share(used_share(totals))}", "spent")]
    if not closed_year:  # a closed year holds nothing committed or available: it carried it
        cards += [_card(L("committed"), money(totals["committed_cents"]), kind="committed"),
                  _card(L("available"), money(totals["available_cents"]), kind="available")]
    if year_end:
        split = ""
        if "carried_out_available_cents" in totals:
            split = (f"{L('available').lower()} {money(totals['carried_out_available_cents'])}"
                     f" · {L('committed').lower()} "
                     f"{money(totals.get('carried_out_committed_cents', 0))}")
        cards += [_card(L("carried_out"), money(totals["carried_out_cents"]), split,
                        "carried_out"),
                  _card(L("lapsed"), money(totals["lapsed_cents"]), kind="lapsed")]
    cards += [_card(L("projects"), count(p.all), f"{count(p.funded)} {L('funded_projects')}",
                    "people"),
              _card(L("cofunding"), money(p.cofunding), kind="people"),
              _card(L("cofunding_per_euro"), money(per_euro_cents), L("cofunding_note"),
                    "people"),
              _card(L("volunteers"), count(p.volunteers), L("volunteers_note"), "people")]
    body.append(f'<section aria-labelledby="{(kid := ids("h"))}"><h2 id="{kid}">'
                f'{E(L("key_figures"))}</h2><div class="cards">{"".join(cards)}</div></section>')

    if closed_year:  # its year end: carried out (budget and commitments apart) and lapsed
        figure_keys = ["allocated", "carried_in", "spent", "carried_out_available",
                       "carried_out_committed", "lapsed"]
    else:
        figure_keys = ["allocated", "carried_in", "committed", "spent", "available"]
        if year_end:
            figure_keys += ["carried_out", "lapsed"]

    def figure_head(first_title: str, keys: list[str] = figure_keys, *, per_year: bool = False
                    ) -> list[tuple[str, bool]]:
        words = {"carried_in": carried_in} if not per_year else {}
        return ([(first_title, False)] + [(L(words.get(k, k)), True) for k in keys]
                + [(L("used"), True)])

    def figure_cells(f: dict, keys: list[str] = figure_keys) -> list[str]:
        return [money(f[f"{k}_cents"]) for k in keys] + [share(used_share(f))]

    # comparison with the year before
    if one_year and previous is not None and (
            any(previous["totals"].values())
            or any(any(sm.get("projects", {}).values()) for sm in previous["smederijen"])):
        before = previous["totals"]
        before_counts = [sum(sm.get("projects", {}).values()) for sm in previous["smederijen"]]
        before_funded = [sum(sm.get("projects", {}).get(s, 0) for s in ACTIVE)
                         for sm in previous["smederijen"]]
        now_all = sum(g.projects for g in groups["smederij"].values())
        now_funded = sum(g.funded for g in groups["smederij"].values())
        rows = []
        for k in figure_keys:
            a, b = before.get(f"{k}_cents", 0), totals[f"{k}_cents"]
            rows.append(([L(k), money(a), money(b), _signed(money(b - a), b - a)], ""))
        for key, a, b in (("projects", sum(before_counts), now_all),
                          ("funded_projects_title", sum(before_funded), now_funded)):
            rows.append(([L(key), count(a), count(b), _signed(count(b - a), b - a)], ""))
        kid = ids("h")
        body.append(f'<section aria-labelledby="{kid}"><h2 id="{kid}">'
                    f'{E(L("compared_with", year=previous["year"]))}</h2>'
                    + _table(ids, L("compared_caption", before=previous["year"], year=first),
                             [("", False), (str(previous["year"]), True), (str(first), True),
                              (L("difference"), True)], rows) + "</section>")

    # per stream
    rows = []
    notes = []
    for code, group in groups["stream"].items():
        f = group.figures()
        rows.append(([group.name] + figure_cells(f), ""))
        description = stream_rows.get(code, {}).get("description")
        if description:
            notes.append(f"<li><b>{E(group.name)}</b>: {E(description)}</li>")
    rows.append(([L("total")] + figure_cells(totals), "total"))
    kid = ids("h")
    body.append(f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("per_stream"))}</h2>'
                + (f'<ul class="note">{"".join(notes)}</ul>' if notes else "")
                + _table(ids, L("per_stream_caption"), figure_head(L("stream")), rows)
                + "</section>")

    # per Smederij: chart and table
    legend = [(L("spent"), "spent")]
    if not closed_year:  # (a closed year has nothing committed or available left)
        legend += [(L("committed"), "committed"), (L("available"), "available")]
    if year_end:
        if "carried_out_available_cents" in totals:
            legend += [(L("carried_out_available"), "carried_out_available"),
                       (L("carried_out_committed"), "carried_out_committed")]
        else:
            legend.append((L("carried_out"), "carried_out"))
        legend.append((L("lapsed"), "lapsed"))
    smederijen = [(code, g, g.figures()) for code, g in groups["smederij"].items()]
    bars = [(g.name, _segments(f),
             f"{L('to_spend')} {money(f['carried_in_cents'] + f['allocated_cents'])} · "
             f"{L('used')} "
             f"{share(used_share(f))}") for _, g, f in smederijen]
    rows = [([g.name] + figure_cells(f) + [count(g.projects)],
             "warn" if used_share(f) > 0.9 else "") for _, g, f in smederijen]
    rows.append(([L("total")] + figure_cells(totals)
                 + [count(sum(g.projects for _, g, _ in smederijen))], "total"))
    kid = ids("h")
    body.append(f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("per_smederij"))}</h2>'
                f'<p class="note">{E(L("budget_note"))}</p>'
                + _chart(L("chart_budget_name"), legend, bars)
                + _table(ids, L("per_smederij_caption"),
                         figure_head(L("smederij")) + [(L("projects"), True)], rows, wide=True)
                + "</section>")

    # per wijkteam and per wijk / dorp
    kid = ids("h")
    parts = [f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("per_team_kind"))}</h2>']
    # (without carried in, which the tables above have: two columns more would not fit A4)
    keys = [k for k in figure_keys if k != "carried_in"]
    for kind, title in (("team", L("team")), ("kind", L("kind"))):
        rows = []
        for key, group in groups[kind].items():
            f = group.figures()
            name = L(key) if kind == "kind" and key else group.name
            rows.append(([name, count(len(group.smederijen))] + figure_cells(f, keys)
                         + [count(group.projects)], ""))
        rows.append(([L("total"), count(len(groups["smederij"]))] + figure_cells(totals, keys)
                     + [count(sum(g.projects for g in groups[kind].values()))], "total"))
        head = ([(title, False), (L("smederijen"), True)] + figure_head("", keys)[1:]
                + [(L("projects"), True)])
        parts.append(_table(ids, L(f"per_{kind}_caption"), head, rows, wide=True))
    body.append("".join(parts) + "</section>")

    # per year (an overview)
    if not one_year:
        rows = [([str(year)] + figure_cells({**dict.fromkeys(KEYS, 0), **t}), "")
                for year, t in years]
        rows.append(([L("total")] + figure_cells(totals), "total"))
        kid = ids("h")
        body.append(f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("per_year"))}</h2>'
                    + _table(ids, L("per_year"), figure_head(L("year"), per_year=True), rows)
                    + "</section>")

    # themes and statuses
    ordered = sorted(p.themes.items(), key=lambda kv: -sum(kv[1].values()))
    kid = ids("h")
    body.append(
        f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("by_theme_status"))}</h2>'
        + _chart(L("chart_themes_name"), [(L(s), f"st-{s}") for s in STATUSES],
                 [(L(theme), [(f"st-{s}", n) for s, n in counts.items()],
                   f"{count(sum(counts.values()))} {L('n_projects')}")
                  for theme, counts in ordered])
        + _table(ids, L("by_theme_status_caption"),
                 [(L("theme"), False)] + [(L(s), True) for s in STATUSES]
                 + [(L("total"), True)],
                 [([L(theme)] + [count(counts[s]) for s in STATUSES]
                   + [count(sum(counts.values()))], "") for theme, counts in ordered]
                 + [([L("total")] + [count(sum(c[s] for c in p.themes.values()))
                                     for s in STATUSES] + [count(p.all)], "total")])
        + "</section>")

    # the funded projects of each Smederij
    kid = ids("h")
    parts = [f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("funded_projects_title"))}'
             f'</h2><p class="note">{E(L("funded_note"))}</p>']
    carried = any(x.get("carried_from") for listed in p.listed.values() for x in listed)
    for code, group, _ in smederijen:
        listed = p.listed.get(code)
        if not listed:
            continue
        head = [(L("title"), False), (L("theme"), False), (L("status"), False),
                (L("stream"), False), (L("committed"), True), (L("paid"), True)]
        if not one_year:
            head.insert(0, (L("year"), True))
        if carried:
            head.append((L("carried_from"), True))
        rows = []
        for x in listed:
            cells = [x["title"], L(x["theme"] or "none"), L(x["status"]),
                     stream_rows.get(x["stream"], {}).get("name") or x["stream"],
                     money(x["committed_cents"]), money(x["paid_cents"])]
            if not one_year:
                cells.insert(0, str(x["year"]))
            if carried:
                cells.append(str(x["carried_from"] or ""))
            rows.append((cells, ""))
        more = p.unlisted.get(code, 0)
        cofunding, volunteers = p.per_smederij.get(code, [0, 0])
        n = len(listed) + more
        total = ([f"{count(n)} {L('n_projects')}", "", "", "",
                  money(sum(x["committed_cents"] for x in listed)),
                  money(sum(x["paid_cents"] for x in listed))]
                 + ([""] if carried else []))
        if not one_year:
            total.insert(0, "")
        rows.append((total, "total"))
        sid = ids("h")
        parts.append(
            f'<section class="smederij" aria-labelledby="{sid}"><h3 id="{sid}">{E(group.name)}'
            "</h3>"
            f'<p class="note">{E(L("cofunding"))}: {E(money(cofunding))} · '
            f'{E(L("volunteers"))}: {E(count(volunteers))}'
            + (f" · {E(L('more_projects', n=count(more)))}" if more else "") + "</p>"
            + _table(ids, L("funded_caption", smederij=group.name), head, rows) + "</section>")
    body.append("".join(parts) + "</section>")

    # the words used
    kid = ids("h")
    terms = ["allocated", "carried_in", "committed", "spent", "available", "carried_out",
             "lapsed", "used", "cofunding"]
    body.append(f'<section aria-labelledby="{kid}"><h2 id="{kid}">{E(L("terms"))}</h2><dl '
                'class="terms">' + "".join(f"<dt>{E(L(t))}</dt><dd>{E(L(f'means_{t}'))}</dd>"
                                           for t in terms) + "</dl></section>")

    footer = L("generated", date=format_date(today, lang), ledger=ledger)
    return page(heading, subtitle, "".join(body), lang, footer=footer)


def _signed(text: str, value: int) -> str:
    return f"+{text}" if value > 0 else text


PAGE_OF = {"nl": ("Pagina ", " van "), "en": ("Page ", " of ")}


def page(heading: str, subtitle: str, body: str, lang: str, *, footer: str = "") -> str:
    """The whole document: its style, a header with the title, the body and a footer; the
    title and page numbers on every printed page."""
    running = css_string(f"{heading} · {subtitle}")
    page_word, of = PAGE_OF.get(lang, PAGE_OF["en"])
    style = CSS + ("@page{size:A4;margin:16mm 12mm 16mm 12mm;"
                   f"@top-center{{content:{running};font:9pt Arial,sans-serif;color:#444}}"
                   f"@bottom-center{{content:{css_string(page_word)} counter(page) "
                   f"{css_string(of)} counter(pages);font:9pt Arial,sans-serif;color:#444}}}}")
    return (f'<!DOCTYPE html><html lang="{E(lang)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{E(heading)}</title><style>{style}</style></head><body>"
            f'<header><div class="in"><h1>{E(heading)}</h1><p>{E(subtitle)}</p></div></header>'
            f"<main>{body}</main>"
            f'<footer><div class="in">{E(footer)}</div></footer></body></html>\n')


# Segments differ in lightness first (dark navy, mid orange, light green, ...), and where two
# are close also in pattern, so greyscale print and colour-blind readers keep them apart.
PATTERNS = {
    "spent": "#1f4e79",
    "committed": "repeating-linear-gradient(45deg,#b86e00 0 3px,#f3c27a 3px 6px)",
    "available": "#b5ddae",
    "carried_out": "repeating-linear-gradient(90deg,#3f6b94 0 2px,#c9d8e8 2px 5px)",
    "carried_out_available": "repeating-linear-gradient(90deg,#3f6b94 0 2px,#c9d8e8 2px 5px)",
    "carried_out_committed": "repeating-linear-gradient(-45deg,#6d4c8a 0 2px,#ddd0ea 2px 5px)",
    "lapsed": "radial-gradient(circle,#444 1px,#d9dce1 1.3px) 0 0/5px 5px",
    "st-proposed": "#e3e6ea",
    "st-approved": "repeating-linear-gradient(45deg,#b86e00 0 3px,#f3c27a 3px 6px)",
    "st-in_progress": "#5b9bd5",
    "st-completed": "#1f3a5f",
    "st-rejected": "radial-gradient(circle,#7a1f1f 1px,#f0c4c4 1.3px) 0 0/5px 5px",
    "st-withdrawn": "repeating-linear-gradient(90deg,#6d4c8a 0 2px,#ddd0ea 2px 5px)",
}

CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:#1d2733;font:15px/1.45 "Segoe UI",Roboto,"Helvetica Neue",
Arial,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:1180px;margin:0 auto;padding:0 28px 24px}
header{background:#1f3a5f;color:#fff;padding:30px 0 26px;margin-bottom:22px}
header .in,footer .in{max-width:1180px;margin:0 auto;padding:0 28px}
header h1{margin:0;font-size:32px;font-weight:600;letter-spacing:.2px}
header p{margin:6px 0 0;color:#dfe7f1;font-size:16px}
footer{color:#4f5a68;font-size:13px;padding:0 0 30px}
h2{font-size:20px;margin:32px 0 8px;color:#1f3a5f;border-bottom:2px solid #d5dce5;
padding-bottom:6px;break-after:avoid}
h3{font-size:16px;margin:22px 0 4px;color:#1f3a5f;break-after:avoid}
.note{margin:0 0 12px;color:#4f5a68;font-size:13.5px}
.status{margin:0 0 4px;font-size:14px;font-weight:600;color:#1f3a5f}
ul.note{padding-left:18px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,230px),1fr));gap:14px}
.card{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08);
border-top:4px solid #1f3a5f;break-inside:avoid;min-width:0}
.card .k{font-size:13px;color:#4f5a68;text-transform:uppercase;letter-spacing:.5px}
.card .v{font-size:23px;font-weight:600;margin-top:4px;overflow-wrap:anywhere}
.card .s{font-size:13px;color:#4f5a68}
.card.spent{border-top-color:#1f4e79}.card.committed{border-top-color:#b86e00}
.card.available{border-top-color:#5f9e57}.card.people{border-top-color:#6d4c8a}
.card.carried_out{border-top-color:#3f6b94}.card.lapsed{border-top-color:#777}
.chart{background:#fff;border-radius:8px;padding:14px 16px;margin:0 0 14px;
box-shadow:0 1px 2px rgba(0,0,0,.08);break-inside:avoid}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;list-style:none;margin:0 0 10px;padding:0;
font-size:13px}
.sw{display:inline-block;width:14px;height:14px;border:1px solid #555;margin-right:6px;
vertical-align:-2px}
.bars .row{display:grid;grid-template-columns:190px minmax(0,1fr) 210px;gap:4px 12px;
align-items:center;font-size:13px;padding:2px 0}
.bars .name{text-align:right;overflow-wrap:anywhere}
.bar{display:flex;height:16px;background:#f1f3f6;min-width:0}
.seg{display:block;height:100%;border-right:1px solid #fff}
.bars .note{white-space:nowrap;color:#1d2733}
.scroll{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.08);
overflow-x:auto;margin:0 0 14px}
.scroll:focus{outline:3px solid #1f6fd1;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
caption{text-align:left;font-weight:600;color:#1f3a5f;padding:10px 10px 4px}
th,td{padding:6px 8px;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:top}
thead th{background:#f4f6f9;color:#1f3a5f;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead th.n{white-space:normal}
tr.total td,tr.total th{font-weight:700;border-top:2px solid #1f3a5f;background:#f4f6f9}
tr.warn td{background:#fff4df}
dl.terms{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;background:#fff;
border-radius:8px;padding:14px 16px;margin:0;font-size:14px}
dl.terms dt{font-weight:600}dl.terms dd{margin:0}
@media (max-width:640px){
main{padding:0 12px 20px}header .in,footer .in{padding:0 12px}
header h1{font-size:25px}
.bars .row{grid-template-columns:minmax(0,1fr) auto;font-size:12px}
.bars .name{text-align:left}.bars .bar{grid-column:1/-1;grid-row:2}
.bars .note{font-size:12px}
table{font-size:12.5px}th,td{padding:5px 6px}
dl.terms{grid-template-columns:1fr}dl.terms dd{margin:0 0 6px}
}
@media print{
body{background:#fff;font-size:10pt}
header{background:#fff;color:#1f3a5f;padding:0;margin:0 0 8pt;border-bottom:2px solid #1f3a5f}
header .in,footer .in,main{max-width:none;padding:0}
header p{color:#1d2733}
.card,.chart,.scroll,dl.terms{box-shadow:none;border:1px solid #c9d0d8}
.cards{grid-template-columns:repeat(4,1fr);gap:6pt}
.card{padding:6pt 8pt}.card .v{font-size:13pt}.card .k,.card .s{font-size:8pt}
.scroll{overflow:visible}
table{font-size:7pt}th,td{padding:2pt 2pt}td.n{white-space:normal}
.wide table{font-size:6.5pt}.wide th,.wide td{padding:2pt 1.5pt}
caption{padding:4pt 3pt 2pt}
tr{break-inside:avoid}thead{display:table-header-group}
.bars .row{grid-template-columns:130px minmax(0,1fr) 150px;font-size:8pt}
h2{font-size:14pt;margin:14pt 0 4pt}h3{font-size:11pt}
.smederij{break-inside:avoid}
}
""" + "".join(f".p-{k}{{background:{v}}}" for k, v in PATTERNS.items())
