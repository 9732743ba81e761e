"""The public site "Ons budget" (smederij site): what it shows, what it never shows, how it is
written, and how it lays out in a real browser."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smederij_cli.demo import build_demo
from smederij_cli.ledger import Ledger
from smederij_cli.rounds.service import Rounds
from smederij_cli.store import Store

from conftest import Cli, dump


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> Path:
    """The demo's 2026, rolled over, and a 2027 with money on a carried project."""
    path = tmp_path_factory.mktemp("site") / "ledger.db"
    with Store(path) as store:
        led = Ledger(store)
        build_demo(led)
        led.rollover(2026, today=dt.date(2027, 1, 2))
        led.allocate_from_config(2027, dt.date(2027, 1, 2))
        carried = next(p for p in led.projects(status="in_progress")
                       if led.project_detail(p["id"])["left_cents"] >= 10_00)
        led.pay(carried["id"], 10_00, dt.date(2027, 2, 1), payee="Jansen Hovenier",
                reference="F2027-0001")
        led.add_project(smederij="krakeel", stream="korte-klap", year=2027,
                        title='<script>alert("x")</script> & "Speeltuin"', amount_cents=500_00,
                        date=dt.date(2027, 2, 2), note="geheime notitie van de clerk")
        rounds = Rounds(led)  # Noordscheschut 2008: the first idea that no longer fits gets
        spring = rounds.new(smederij="noordscheschut", stream="korte-klap", year=2027,  # the rest
                            name="voorjaar", budget_cents=6_000_00, vote_type="approval",
                            rule="greedy-partial", max_marks=2)
        for title, cents in (("Veegmachine ijsbaan", 3_000_00), ("Jeu de boules", 2_500_00),
                             ("Bankjes dorpsplein", 2_840_00)):
            rounds.add_idea(spring, title=title, amount_cents=cents, signatures=40)
        rounds.close_ideas(spring)
        for n, marks in enumerate(["1,2", "1,3", "1,2", "2", "3", "1"], 1):
            rounds.add_ballot(spring, f"JanDeVries-{n}", marks)
        autumn = rounds.new(smederij="noordscheschut", stream="lange-klap", year=2027,
                            name="najaar", budget_cents=1_000_00, vote_type="approval",
                            rule="greedy")
        rounds.add_idea(autumn, title="Buurtkoor", amount_cents=400_00, signatures=12)
    return path


@pytest.fixture
def ledger_copy(two_years, tmp_path) -> Path:
    path = tmp_path / "ledger.db"
    shutil.copyfile(two_years, path)
    return path


@pytest.fixture(scope="module")
def public_site(two_years, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("public") / "site"
    Cli(two_years).ok("site", "--output", str(out))
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class Cells(HTMLParser):
    """The tables of a page: caption -> rows of (text, data-v) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[tuple[str, str | None]]]] = {}
        self._caption: str | None = None
        self._in_caption = False
        self._row: list | None = None
        self._cell: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self._in_caption, self._caption = True, ""
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ["", dict(attrs).get("data-v")]

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
            self.tables[self._caption] = []
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append((self._cell[0].strip(), self._cell[1]))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._caption].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._in_caption:
            self._caption += data
        elif self._cell is not None:
            self._cell[0] += data


def tables(path: Path) -> dict:
    parser = Cells()
    parser.feed(path.read_text("utf-8"))
    return parser.tables


def test_each_smederij_page_shows_the_report_figures(public_site, two_years):
    report = json.loads(Cli(two_years).ok("report", "--year", "2027", "--format",
                                          "json").stdout)
    streams = {s["code"]: s["name"] for s in Store(two_years, create=False).streams()}
    labels = {"Overgeheveld in": "carried_in_cents", "Toegekend": "allocated_cents",
              "Verplicht": "committed_cents", "Besteed": "spent_cents",
              "Beschikbaar": "available_cents", "Overgeheveld uit": "carried_out_cents",
              "Teruggevloeid": "lapsed_cents"}
    checked = 0
    for sm in report["smederijen"]:
        table = tables(public_site / sm["code"] / "index.html")["Budget 2027"]
        head = [text for text, _ in table[0]]
        for row in table[1:]:
            figure = labels[row[0][0]]
            for (text, cents), column in zip(row[1:], head[1:]):
                code = next((c for c, n in streams.items() if n == column), None)
                expected = (sm["streams"][code][figure] if code else
                            sum(f[figure] for f in sm["streams"].values()))
                assert int(cents) == expected, (sm["code"], figure, column)
                checked += 1
    assert checked >= len(report["smederijen"]) * 7 * 3


def test_home_shows_the_programme_per_stream_and_every_smederij(public_site, two_years):
    report = json.loads(Cli(two_years).ok("report", "--year", "2027", "--format",
                                          "json").stdout)
    home = tables(public_site / "index.html")
    per_stream = home["Per budgetsoort in 2027"]
    total = [int(v) for _, v in per_stream[2][1:]]  # the row of Toegekend
    assert total[-1] == report["totals"]["allocated_cents"]
    rows = home["Alle Smederijen in 2027"][1:]
    assert [r[0][0] for r in rows] == [s["name"] for s in report["smederijen"]]
    for row, sm in zip(rows, report["smederijen"]):
        assert int(row[2][1]) == sum(f["allocated_cents"] for f in sm["streams"].values())


def test_the_public_site_holds_no_payee_reference_or_note(public_site, two_years):
    store = Store(two_years, create=False)
    secrets = {p["payee"] for p in store.payments() if p["payee"]}
    secrets |= {p["reference"] for p in store.payments() if p["reference"]}
    secrets |= {e["note"] for p in store.projects() for e in store.project_events(p["id"])
                if e["note"]}
    assert "Jansen Hovenier" in secrets and "geheime notitie van de clerk" in secrets
    text = "\n".join(p.read_text("utf-8", errors="replace") for p in public_site.rglob("*")
                     if p.is_file())
    leaked = sorted(s for s in secrets if s in text or s.replace('"', "&quot;") in text)
    assert leaked == []


def test_internal_site_includes_payees_and_notes(two_years, tmp_path):
    out = tmp_path / "intern"
    result = Cli(two_years).ok("site", "--output", str(out), "--internal")
    assert "(intern: met begunstigden en notities; niet publiceren)" in result.stdout
    text = "".join(p.read_text("utf-8") for p in out.rglob("*.html"))
    assert "Jansen Hovenier" in text and "F2027-0001" in text
    assert "geheime notitie van de clerk" in text


def test_typed_text_is_escaped(public_site):
    text = "".join(p.read_text("utf-8") for p in pages(public_site))
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Speeltuin&quot;" in text


def test_every_page_is_small_and_self_contained(public_site):
    for page in pages(public_site):
        text = page.read_text("utf-8")
        assert page.stat().st_size < 200_000, page
        assert not re.search(r'(src|href)="(https?:)?//', text), page
        assert "@import" not in text and "url(" not in text, page


def test_open_data_matches_the_report(public_site, two_years):
    for year in (2026, 2027):
        report = json.loads(Cli(two_years).ok("report", "--year", str(year), "--format",
                                              "json").stdout)
        rows = [r for r in json.loads((public_site / "data/budget.json").read_text())["rows"]
                if r["year"] == year]
        assert sum(r["allocated_cents"] for r in rows) == report["totals"]["allocated_cents"]
        assert sum(r["lapsed_cents"] for r in rows) == report["totals"]["lapsed_cents"]
        assert sum(r["carried_out_cents"] for r in rows) == \
            report["totals"]["carried_out_cents"]
    csv_text = (public_site / "data/budget.csv").read_text("utf-8-sig")
    schema = json.loads((public_site / "data/schema.json").read_text())
    assert csv_text.splitlines()[0].split(",") == list(schema["budget"])
    projects = json.loads((public_site / "data/projects.json").read_text())["projects"]
    assert len(projects) == len(list((public_site / "project").iterdir()))
    assert all("payee" not in pm for p in projects for pm in p["payments"])


def test_rebuilding_rewrites_only_what_changed(ledger_copy, tmp_path):
    out = tmp_path / "site"
    cli = Cli(ledger_copy)
    first = cli.ok("site", "--output", str(out)).stdout
    written = int(re.search(r"(\d+) geschreven", first).group(1))
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    again = cli.ok("site", "--output", str(out)).stdout
    assert re.search(r"\b0 geschreven, (\d+) ongewijzigd", again).group(1) == str(written)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps
    project = {"id": int(cli.ok("project", "add", "--smederij", "pesse", "--stream",
                                "korte-klap", "--year", "2027", "--title", "Bankje bij de kerk",
                                "--amount", "100", "--date", "2027-03-01").stdout)}
    cli.ok("project", "approve", str(project["id"]), "--date", "2027-03-02")
    third = cli.ok("site", "--output", str(out)).stdout
    changed = {p.relative_to(out).as_posix() for p in out.rglob("*")
               if p.is_file() and stamps.get(p) != p.stat().st_mtime_ns}
    assert "pesse/index.html" in changed and "index.html" in changed
    assert f"project/{project['id']}/index.html" in changed
    assert "krakeel/index.html" not in changed
    assert re.search(r"(\d+) geschreven", third).group(1) == str(len(changed - {".smederij-site"}))


def test_a_folder_of_other_files_is_refused_and_left_alone(two_years, tmp_path):
    out = tmp_path / "www"
    out.mkdir()
    (out / "index.html").write_text("de gemeentesite")
    result = Cli(two_years)("site", "--output", str(out))
    assert result.exit_code == 1
    assert "bevat bestanden die smederij niet schreef" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (out / "index.html").read_text() == "de gemeentesite"
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_a_page_no_longer_made_is_removed(ledger_copy, tmp_path):
    out = tmp_path / "site"
    cli = Cli(ledger_copy)
    cli.ok("site", "--output", str(out))
    (out / "extra.txt").write_text("van de webmaster")  # not the site's: kept
    with Store(ledger_copy) as store:  # a Smederij that leaves the registry
        store.conn.execute("UPDATE smederij SET active = 0 WHERE code = 'elim'")
        store.conn.commit()
    elim_projects = len(Store(ledger_copy, create=False).projects(smederij="elim"))
    result = cli.ok("site", "--output", str(out)).stdout
    assert not (out / "elim").exists()
    assert re.search(rf"\b{1 + elim_projects} verwijderd", result)
    assert (out / "extra.txt").read_text() == "van de webmaster"


def test_site_is_a_reading_command(ledger_copy, tmp_path):
    before = dump(ledger_copy)
    Cli(ledger_copy).ok("site", "--output", str(tmp_path / "s"))
    assert dump(ledger_copy) == before


def test_english_site(two_years, tmp_path):
    out = tmp_path / "en"
    Cli(two_years).ok("site", "--output", str(out), "--lang", "en", "--year", "2026")
    home = (out / "index.html").read_text("utf-8")
    assert "<h1>Our budget 2026</h1>" in home and 'lang="en"' in home
    assert "Budget 2026" in tables(out / "krakeel" / "index.html")


@pytest.mark.parametrize("args, message", [
    (["--lang", "fr"], "--lang 'fr'"),
    (["--year", "1999"], "year 1999"),
])
def test_bad_options_are_one_line(two_years, tmp_path, args, message):
    result = Cli(two_years)("site", "--output", str(tmp_path / "s"), *args)
    assert result.exit_code == 1 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()



def test_a_smederij_page_shows_its_idea_rounds_and_their_result(public_site, two_years):
    page = tables(public_site / "noordscheschut" / "index.html")
    spring = page["Ideeënronde voorjaar 2027"]
    assert [row[0][0] for row in spring[1:]] == ["Veegmachine ijsbaan", "Jeu de boules",
                                                 "Bankjes dorpsplein"]
    assert [row[2][1] for row in spring[1:]] == ["4", "3", "2"]  # votes
    assert [row[3][0] for row in spring[1:]] == ["toegekend", "toegekend",
                                                 "deels toegekend (€ 500,00)"]
    autumn = page["Ideeënronde najaar 2027"]  # still collecting ideas: signatures, no result
    assert autumn[1][0][0] == "Buurtkoor" and autumn[1][2][1] == "12"
    assert not (public_site / "data" / "rounds" / "2.pb").exists()


def test_a_rounds_ballots_are_published_to_recount_without_who_cast_them(public_site,
                                                                           two_years):
    from smederij_cli.rounds.pabulib import count_file

    pb = public_site / "data" / "rounds" / "1.pb"
    text = pb.read_text("utf-8")
    assert "JanDeVries" not in text
    result = count_file(pb)
    assert result.to_json()["winners_external"] == ["1", "2", "3"]
    assert result.spent_cents == 6_000_00
    assert Cli(two_years).ok("round", "count", "1", "--json").stdout.count('"partial"') == 1


# -- in a real browser ------------------------------------------------------------------------------

PAGE_FACTS = """(() => {
const small = [];
document.querySelectorAll('svg text').forEach(t => {
  const svg = t.ownerSVGElement, box = svg.viewBox.baseVal;
  const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
  const size = parseFloat(getComputedStyle(t).fontSize) * scale;
  if (size < 11) small.push(size);
});
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
        title: document.title, links: [...document.links].map(a => a.href), small: small};
})()"""


@pytest.fixture(scope="module")
def browser():
    from tests.chrome import Browser, chromium

    chromium()  # skips, saying why, where Chromium is not installed
    with Browser() as b:
        yield b


def test_in_chromium_every_page_fits_a_phone_and_every_link_resolves(public_site, browser):
    root = public_site.resolve().as_uri()
    broken, too_wide, small = set(), [], []
    for page in pages(public_site):
        browser.open(page, 390, 800, mobile=True)
        facts = browser.evaluate(PAGE_FACTS)
        assert facts["innerWidth"] == 390 and facts["title"], page
        if facts["scrollWidth"] > facts["innerWidth"]:
            too_wide.append((page, facts["scrollWidth"]))
        small += [(page, size) for size in facts["small"]]
        for link in facts["links"]:
            assert link.startswith(root), (page, link)  # nothing outside the site
            target = Path(public_site, link[len(root) + 1:].split("#")[0])
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.add((page, link))
    assert too_wide == [] and small == [] and broken == set()


def test_in_chromium_no_serious_accessibility_violations(public_site, browser):
    from tests.chrome import axe_script

    axe = axe_script()
    sample = [public_site / "index.html", public_site / "noordscheschut" / "index.html",
              public_site / "data" / "index.html",
              next((public_site / "project").iterdir()) / "index.html"]
    for page in sample:
        for width, mobile in ((1280, False), (390, True)):
            browser.open(page, width, 900, mobile=mobile)
            browser.evaluate(axe.read_text(encoding="utf-8"))
            found = browser.evaluate(
                "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})))")
            assert [v for v in found if v["impact"] in ("serious", "critical")] == [], \
                (page, width, found)
