"""Make the README's pictures of the annual report: the demo's 2026, closed on 5 January 2027 as
the stuurgroep reads it, on a desktop (1280 px) and a phone (390 px), in headless Chromium.

    .venv/bin/python docs/screenshots.py      # writes docs/jaarverslag-desktop.png, -phone.png
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from smederij_cli.ledger import Ledger  # noqa: E402
from smederij_cli.store import Store  # noqa: E402
from tests.chrome import Browser  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, page = Path(tmp) / "demo.db", Path(tmp) / "jaarverslag-2026.html"
        smederij = [sys.executable, "-m", "smederij_cli", "--db", str(db)]
        subprocess.run([*smederij, "demo"], check=True, capture_output=True, cwd=ROOT)
        with Store(db) as store:
            Ledger(store).rollover(2026, today=dt.date(2027, 1, 5))
        # the rollover is stamped with today; the picture shows it as run on 5 January 2027
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE year SET closed_at = '2027-01-05T06:00:00+00:00' "
                         "WHERE year = 2026")
        subprocess.run([*smederij, "report", "--year", "2026", "--format", "html", "--output",
                        str(page)], check=True, capture_output=True, cwd=ROOT)
        with Browser() as browser:
            browser.open(page, 1280, 900)
            browser.screenshot(ROOT / "docs" / "jaarverslag-desktop.png", height=1650)
            browser.open(page, 390, 844, mobile=True)
            browser.screenshot(ROOT / "docs" / "jaarverslag-phone.png", height=1900)
    print("wrote docs/jaarverslag-desktop.png and docs/jaarverslag-phone.png")


if __name__ == "__main__":
    main()
