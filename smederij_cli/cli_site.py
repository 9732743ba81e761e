"""``smederij site``: the public site "Ons budget", written as static files into a folder.

Parse what was typed, read the ledger, hand the content to ``smederij_cli.site``; no rules, no
SQL, no HTML here.
"""

from pathlib import Path
from typing import Annotated

import typer

from smederij_cli import completion as tab

def site(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option(
        "--output", help="Folder to write the site into (new, empty, or an earlier site).",
        show_default=False)],
    year: Annotated[int | None, typer.Option(
        "--year", help="The year the home page shows (default: the open year).",
        show_default=False, autocompletion=tab.years)] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="nl or en (default: the programme's language).",
        show_default=False, autocompletion=tab.languages)] = None,
    internal: Annotated[bool, typer.Option(
        "--internal", help="Include payees, references and notes (for the stuurgroep only; "
        "never publish it).")] = False,
) -> None:
    """Write the public site: the programme, one page per Smederij and per project, open data.

    Static files only (HTML, CSV, JSON, .pb): put the folder on any web server. Public by
    default: no payees, references, notes or audit data. Run it again after bookings: only
    files whose content changed are rewritten.

    \b
    Example: smederij site --output /var/www/onsbudget
    """
    from smederij_cli import render
    from smederij_cli.cli import ledger
    from smederij_cli.errors import InvalidInput
    from smederij_cli import labels
    from smederij_cli.labels import LANGUAGES, format_count, say
    from smederij_cli.site import build, content, publish

    if lang is not None and lang not in LANGUAGES:
        raise InvalidInput(say("file_site_lang", text=repr(lang)))
    with ledger(ctx) as led:
        gathered = content.gather(led, year=year, lang=lang, internal=internal)
    files = build.tree(gathered)
    done = publish.publish(output, files)
    pages = sum(1 for name in files if name.endswith(".html"))
    count = {name: format_count(n, labels.message_language) for name, n in (
        ("pages", pages), ("data", len(files) - pages), ("written", done.written),
        ("unchanged", done.unchanged), ("removed", done.removed))}
    render.message(say("file_site_written", folder=output, **count)
                   + (" " + say("file_site_internal") if internal else ""))
