"""LibreOffice Calc (Debian's ``libreoffice-calc-nogui``, installed by ``.ci/run``) as the tests'
spreadsheet reader: a report file is opened headless the way a Dutch office opens it and saved
again in a form the tests can read back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

DUTCH = 1043  # LibreOffice's language id of nl-NL
CSV_FILTER = "CSV:{sep},34,76,1,,{lang}"  # separator, quote ", UTF-8, from line 1, language


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("LibreOffice Calc (soffice) is not installed: .ci/run installs "
                    "libreoffice-calc-nogui")
    return path


def convert(source: Path, to: str, out: Path, *, infilter: str | None = None,
            one_file: bool = True) -> Path:
    """``source`` converted by LibreOffice to ``to`` (xlsx, csv, pdf...) in ``out``, with a
    profile of its own (so no user setting and no other LibreOffice process interferes)."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    argv = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--nolockcheck"]
    if infilter:
        argv.append(f"--infilter={infilter}")
    argv += ["--convert-to", to, "--outdir", str(out), str(source)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=180)
    result = out / f"{source.stem}.{to.split(':')[0]}"
    assert result.exists() or not one_file, f"LibreOffice did not convert {source.name}: {done.stderr[-500:]}"
    return result


def dutch_csv(source: Path, out: Path, separator: str = ";") -> Path:
    """A CSV file opened as Calc set to Dutch (nl-NL) opens it, saved as XLSX to read back."""
    return convert(source, "xlsx", out,
                   infilter=CSV_FILTER.format(sep=ord(separator), lang=DUTCH))


def sheets_as_csv(source: Path, out: Path, *, as_shown: bool) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as LibreOffice reads it, by sheet name: its cells as shown
    (formatted: dates, euros) or as their plain values."""
    import csv

    options = f"44,34,76,1,,1033,false,true,{'true' if as_shown else 'false'},false,false,-1"
    convert(source, f"csv:Text - txt - csv (StarCalc):{options}", out, one_file=False)
    sheets = {}
    for path in out.glob(f"{source.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            sheets[path.stem[len(source.stem) + 1:]] = list(csv.reader(f))
    assert sheets, f"LibreOffice wrote no sheet of {source.name}"
    return sheets


def pdf_text(pdf: Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext, keeping the layout)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed: .ci/run installs poppler-utils")
    text = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
