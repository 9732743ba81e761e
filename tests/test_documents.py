"""The report files opened by the programs their readers use: CSV and XLSX in LibreOffice Calc set
to Dutch, the HTML annual report in headless Chromium (on a desktop, on a phone, printed on A4)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import subprocess
from pathlib import Path

import pytest

from tests import office
from tests.conftest import Cli
from tests.test_reports import rep, run  # noqa: F401  (rep is a fixture)

AMOUNTS = ("carried_in", "allocated", "committed", "spent", "available", "carried_out", "lapsed",
           "used")


def _sheet_rows(path: Path) -> list[dict]:
    from openpyxl import load_workbook

    rows = list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


# -- CSV in LibreOffice Calc, Dutch ---------------------------------------------------------------


def test_dutch_csv_opens_in_dutch_calc_with_every_amount_a_number(rep, tmp_path):
    path = tmp_path / "jaarverslag.csv"
    run(rep, "--year", "2026", "--format", "csv", "--output", str(path))
    rows = _sheet_rows(office.dutch_csv(path, tmp_path / "calc"))
    assert rows and list(rows[0])[0] == "smederij"  # the BOM is read as such, not as text
    for row in rows:
        for key in AMOUNTS:
            assert isinstance(row[key], (int, float)), (key, row)
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["spent"] == pytest.approx(1234.56)
    assert krakeel["allocated"] == pytest.approx(10000)
    # the control: decimal points, as the CSV had before, are not what Dutch Calc reads as money
    run(rep, "--year", "2026", "--format", "csv", "--decimal-point", "--output", str(path))
    rows = _sheet_rows(office.dutch_csv(path, tmp_path / "calc-points"))
    krakeel = next(r for r in rows if r["smederij"] == "krakeel" and r["stream"] == "korte-klap")
    assert krakeel["spent"] != pytest.approx(1234.56)


# -- XLSX -----------------------------------------------------------------------------------------


@pytest.fixture
def workbook(rep, tmp_path):
    path = tmp_path / "jaarverslag.xlsx"
    run(rep, "--year", "2026", "--format", "xlsx", "--output", str(path))
    return path


def test_xlsx_every_sheet_has_its_year_a_title_a_filter_and_a_print_setup(workbook):
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    assert book.properties.title == "Smederijen 2026: waar elke cent staat"
    for ws in book.worksheets:
        assert "2026" in ws.title and "2026" in ws["A1"].value, ws.title
        assert ws.freeze_panes == "A3"
        last = ws.max_column
        assert ws.auto_filter.ref == f"A2:{ws.cell(2, last).column_letter}{ws.max_row}"
        assert ws.cell(2, last).value and ws.cell(2, last + 1).value is None  # every column
        assert ws.print_title_rows == "$1:$2"  # title and header on every printed page
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.oddFooter.center.text == "Pagina &P van &N"
        assert ws.oddHeader.center.text == ws["A1"].value
    payments = book["Betalingen 2026"]
    date = payments["B3"]
    assert date.is_date and date.value.date().isoformat() == "2026-03-01"
    projects = book["Projecten 2026"]
    assert [c.value for c in projects[3]][2:4] == ["Krakeel", "Korte klap"]  # names, not codes
    header = [c.value for c in projects[2]]
    for column in ("Ingediend", "Goedgekeurd op"):  # the project's days, as dates
        cell = projects.cell(3, header.index(column) + 1)
        assert cell.is_date and cell.value.date().isoformat() == "2026-03-01", column


def test_xlsx_in_libreoffice_shows_dates_euros_and_typed_text_as_typed(workbook, tmp_path):
    from tests.test_reports import EVIL_TITLE

    shown = office.sheets_as_csv(workbook, tmp_path / "shown", as_shown=True)
    values = office.sheets_as_csv(workbook, tmp_path / "values", as_shown=False)
    assert sorted(shown) == ["Betalingen 2026", "Projecten 2026", "Smederijen 2026"]
    titles = [row[4] for row in shown["Projecten 2026"][2:]]
    head = shown["Projecten 2026"][1]
    assert shown["Projecten 2026"][2][head.index("Ingediend")] == "1-3-2026"
    assert EVIL_TITLE in titles and not any(t.startswith("'") for t in titles)
    payment = shown["Betalingen 2026"][2]
    assert payment[1] == "1-3-2026"  # a date cell in the Dutch date format, not ISO text
    assert payment[6:8] == ["+31 Hovenier", "-F1"]  # not a number, not a formula
    assert "€" in payment[8] and values["Betalingen 2026"][2][8] == "1234.56"
    for row in values["Smederijen 2026"][2:]:
        for cell in row[2:-1]:
            float(cell)  # every amount a number (the last column, used, is a percentage)


def test_xlsx_printed_by_libreoffice_has_every_column_and_page_numbers(workbook, tmp_path):
    pages = office.pdf_text(office.convert(workbook, "pdf", tmp_path / "pdf"))
    first = pages[0]
    for heading in ("Smederij", "Budgetsoort", "Overgeheveld in", "Toegekend", "Verplicht",
                    "Besteed", "Beschikbaar", "Overgeheveld uit", "Teruggevloeid", "Benut"):
        assert heading in first, heading
    assert "Smederijen 2026: waar elke cent staat" in first
    assert "Pagina 1 van" in first
    projects = next(p for p in pages if "Projecten 2026" in p)
    for heading in ("Titel", "Aangevraagd", "Cofinanciering", "Vrijwilligers"):
        assert heading in projects, heading


def test_multi_year_xlsx_has_each_years_totals_below_its_rows(rep, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "overzicht.xlsx"
    run(rep, "--from", "2025", "--to", "2026", "--format", "xlsx", "--output", str(path))
    book = load_workbook(path)
    assert book.sheetnames == ["Smederijen 2025–2026", "Projecten 2025-2026",
                               "Betalingen 2025-2026"]
    rows = list(book.worksheets[0].iter_rows(min_row=3, values_only=True))
    kinds = [("total" if r[1] == "Totaal" else "row", r[0]) for r in rows]
    first_2026 = kinds.index(("row", 2026))
    assert kinds[first_2026 - 1] == ("total", 2025)
    assert kinds[-2:] == [("total", 2026), ("total", "2025–2026")]
    assert all(k == ("row", 2025) for k in kinds[:first_2026 - 1])


# -- the HTML annual report in Chromium -----------------------------------------------------------

CLOSED = dt.date(2027, 1, 5)  # the rollover of 2026, when the stuurgroep reads its report


@pytest.fixture(scope="module")
def annual(tmp_path_factory) -> dict[str, Path]:
    """The demo's 2026 (with a hostile project title) rolled over into 2027: the report of the
    closed year 2026, in Dutch and English, and of 2027, which compares itself with 2026."""
    from smederij_cli.ledger import Ledger
    from smederij_cli.store import Store
    from tests.test_reports import SCRIPT_TITLE

    folder = tmp_path_factory.mktemp("annual")
    db = folder / "ledger.db"
    Cli(db).ok("demo")
    with Store(db) as store:
        led = Ledger(store)
        hostile = led.add_project(smederij="krakeel", stream="korte-klap", year=2026,
                                  title=SCRIPT_TITLE, amount_cents=100_00, theme="play",
                                  volunteers=1_234, date=dt.date(2026, 6, 1))
        led.approve(hostile, dt.date(2026, 6, 1))
        led.rollover(2026, today=CLOSED)
    pages = {}
    for name, args in {"2026": ("--year", "2026"), "2026-en": ("--year", "2026", "--lang", "en"),
                       "2027": ("--year", "2027"),
                       "2026-2027": ("--from", "2026", "--to", "2027")}.items():
        pages[name] = folder / f"jaarverslag-{name}.html"
        Cli(db).ok("report", *args, "--format", "html", "--output", str(pages[name]))
    return pages


@pytest.fixture(scope="module")
def chrome():
    from tests.chrome import Browser, chromium

    chromium()  # skips, saying why, where there is no browser
    with Browser() as b:
        yield b


@pytest.mark.parametrize("width,mobile", [(1280, False), (390, True)])
def test_annual_report_fits_a_desktop_and_a_phone(annual, chrome, width, mobile):
    from tests.chrome import LAYOUT

    for name in ("2026", "2027", "2026-2027"):
        chrome.open(annual[name], width, 900, mobile=mobile)
        m = chrome.evaluate(LAYOUT)
        assert m["innerWidth"] == width
        assert m["scrollWidth"] <= m["innerWidth"], (name, m["outside"])  # no sideways scroll
        assert m["outside"] == [], name
        assert m["chartTexts"] > 20 and m["chartFont"] >= 11, m["chartFont"]
        assert not any(c["clipped"] for c in m["cards"]), m["cards"]
        assert all(0 <= c["left"] and c["right"] <= width for c in m["cards"])
        for region in m["regions"]:  # tables scroll inside named regions a keyboard reaches
            assert region["role"] == "region" and region["tabIndex"] == 0 and region["name"]
        if mobile:
            assert len({c["left"] for c in m["cards"]}) <= 2  # the cards reflowed


PRINTED = """(() => [...document.querySelectorAll('table')].map(t => ({
  caption: t.caption ? t.caption.textContent : '',
  head: [...t.querySelectorAll('thead th')].map(th => th.textContent).filter(x => x),
  total: [...t.querySelectorAll('tr.total > *')].map(c => c.textContent).filter(x => x),
  overflow: getComputedStyle(t.parentElement).overflowX,
  fits: t.getBoundingClientRect().right <= innerWidth + 0.5
        && t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1,
})))()"""


def test_annual_report_prints_on_a4_with_every_column_and_page_numbers(annual, chrome,
                                                                       tmp_path):
    # the print style at A4's text width (210 mm - 2 x 12 mm = 186 mm = 703 CSS px)
    for name in ("2026-2027", "2027", "2026"):
        chrome.open(annual[name], 703, 1000)
        chrome.send("Emulation.setEmulatedMedia", session=True, media="print")
        tables = chrome.evaluate(PRINTED)
        chrome.send("Emulation.setEmulatedMedia", session=True, media="")
        assert len(tables) > 10
        assert [t["caption"] for t in tables if not t["fits"]] == [], name
        assert {t["overflow"] for t in tables} == {"visible"}  # no scrollbar on paper
    page = annual["2026"]
    pages = office.pdf_text(chrome.print_pdf(tmp_path / "jaarverslag.pdf"))
    info = subprocess.run(["pdfinfo", str(tmp_path / "jaarverslag.pdf")], capture_output=True,
                          text=True).stdout
    assert "(A4)" in info
    for n, text in enumerate(pages, 1):
        assert "Jaarverslag 2026 · De Smederijen" in text.splitlines()[0], n
        assert f"Pagina {n} van {len(pages)}" in text, n
    whole = "\n".join(pages)
    squeezed = " ".join(whole.split())
    for table in tables:  # every column header and every total, as text on paper
        for cell in table["head"] + table["total"]:
            assert " ".join(cell.split()) in squeezed, (table["caption"], cell)
    # a chart's legend is printed on the page of its chart
    legend = next(p for p in pages if "Besteed" in p and "Teruggevloeid" in p
                  and "Overgeheveld uit" in p and "Centrum" in p)
    assert "Benut" in legend


def test_annual_report_has_no_serious_accessibility_violations(annual, chrome):
    """At a phone's width too: there the tables scroll, and their regions must take focus."""
    from tests.chrome import axe_script

    axe = axe_script()
    for name, width, mobile in (("2026", 1280, False), ("2026", 390, True),
                                ("2027", 390, True)):
        chrome.open(annual[name], width, 900, mobile=mobile)
        chrome.evaluate(axe.read_text(encoding="utf-8"))
        result = chrome.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})))")
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        assert serious == [], (name, width, serious)
        assert [v for v in result if v["id"] == "landmark-unique"] == []  # names apart





def test_annual_report_of_a_closed_year_shows_its_year_end(annual):
    page = annual["2026"].read_text(encoding="utf-8")
    from smederij_cli.labels import MONTHS

    today = dt.datetime.now(dt.timezone.utc).date()  # the day the rollover ran
    assert f"Jaar afgesloten op {today.day} {MONTHS['nl'][today.month - 1]} {today.year}" in page
    assert "Overgeheveld uit" in page and "Teruggevloeid" in page
    assert 'class="seg p-lapsed"' in page  # chart segments of their own
    assert 'class="seg p-carried_out_available"' in page
    assert 'class="seg p-carried_out_committed"' in page
    for column in ("Overgeheveld uit: budget", "Overgeheveld uit: verplichtingen",
                   "Teruggevloeid"):
        assert f'<th scope="col" class=n>{column}</th>' in page
    assert "Korte klap" in page and "Lange klap" in page  # the split by stream, by name
    assert "Wijkteam Noord" in page and ">wijk<" in page and ">dorp<" in page
    assert "Gefinancierde projecten van Krakeel" in page and "Begrippen" in page
    assert "&lt;script&gt;alert(&#x27;buurt&#x27;)&lt;/script&gt; Speeltuin" in page
    assert "<script" not in page
    volunteers = re.search(r'Vrijwilligers</div><div class="v">([\d.]+)<', page)[1]
    assert re.fullmatch(r"\d\.\d{3}", volunteers)  # counts in Dutch: 1.234 and more
    nxt = annual["2027"].read_text(encoding="utf-8")
    assert "Vergeleken met 2026" in nxt and "Kerncijfers 2026 en 2027" in nxt
    english = annual["2026-en"].read_text(encoding="utf-8")
    assert "Annual report 2026" in english and '"Page "' in english
    assert f'>{volunteers.replace(".", ",")}<' in english
    assert '<html lang="en">' in english


def test_dates_and_counts_in_the_report_language():
    from smederij_cli.annual import css_string, format_count, format_date

    assert format_date(dt.date(2026, 12, 1), "nl") == "1 december 2026"
    assert format_date(dt.date(2027, 1, 5), "en") == "5 January 2027"
    assert format_count(1200, "nl") == "1.200" and format_count(1200, "en") == "1,200"
    assert format_count(12, "nl") == "12"
    assert css_string('a"}</style>') == '"a\\22 \\7d \\3c \\2f style\\3e "'


def test_chart_segments_stay_apart_in_greyscale():
    """Every two segments of one chart differ in pattern or clearly in lightness (CIE L*)."""
    from smederij_cli.annual import PATTERNS, SEGMENTS
    from smederij_cli.writers import STATUSES

    def lightness(hex_colour: str) -> float:
        rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        return 116 * y ** (1 / 3) - 16 if y > 0.008856 else 903.3 * y

    def look(css: str) -> tuple[str, float]:
        colours = re.findall(r"#[0-9a-f]{6}", css)
        kind = ("dots" if "radial" in css else re.search(r"\((-?\d+deg)", css)[1]
                if "linear" in css else "solid")
        return kind, sum(map(lightness, colours)) / len(colours)

    for chart in ([k for k in SEGMENTS if k != "carried_out"], ["carried_out"] + list(
            SEGMENTS[:3]) + ["lapsed"], [f"st-{s}" for s in STATUSES]):
        for a, b in itertools.combinations(chart, 2):
            (kind_a, l_a), (kind_b, l_b) = look(PATTERNS[a]), look(PATTERNS[b])
            assert kind_a != kind_b or abs(l_a - l_b) >= 15, (a, b, l_a, l_b)


@pytest.mark.parametrize("closed", [True, False])
def test_a_national_annual_report_still_fits_a4(chrome, tmp_path, closed):
    """Totals of a billion euros and Smederijen of millions: every column still on the page."""
    from smederij_cli.annual import write_annual

    def figures(cents: int) -> dict:
        year_end = cents if closed else 0
        return {"carried_in_cents": cents, "allocated_cents": cents, "committed_cents": cents,
                "spent_cents": cents, "available_cents": cents, "carried_out_cents": year_end,
                "lapsed_cents": year_end, "carried_out_available_cents": year_end // 2,
                "carried_out_committed_cents": year_end - year_end // 2,
                "to_spend_cents": 2 * cents}

    report = {"year": 2026, "closed": closed, "totals": figures(1_234_567_890_12),
              "smederijen": [{"code": f"s{n:05d}", "name": f"Smederij {n:05d} Oud-Beijerland",
                              "kind": "dorp", "team": "Wijkteam Noordoost-Polder",
                              "streams": {"korte-klap": figures(12_345_678_90),
                                          "lange-klap": figures(9_876_543_21)},
                              "projects": {"approved": 1_234}} for n in range(40)]}
    page = tmp_path / "national.html"
    page.write_text(write_annual([report], [], "nl", programme={"name": "Landelijk"},
                                 previous=report), encoding="utf-8")
    chrome.open(page, 703, 1000)
    chrome.send("Emulation.setEmulatedMedia", session=True, media="print")
    tables = chrome.evaluate(PRINTED)
    chrome.send("Emulation.setEmulatedMedia", session=True, media="")
    assert [t["caption"] for t in tables if not t["fits"]] == []
