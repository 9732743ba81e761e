"""The ``smederij`` command line: parse what was typed, call the ledger, render the answer.

Nothing here decides a rule or runs SQL. A user's mistake arrives as a ``SmederijError`` and leaves
as one line on stderr with exit status 1 (usage errors, such as a missing option, exit 2).
"""

import datetime as _dt
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from smederij_cli import __version__
from smederij_cli import completion as tab
from smederij_cli.errors import SmederijError
from smederij_cli.tree import LazyGroup, click_command

ENV_DB = "SMEDERIJ_DB"
ENV_LANG = "SMEDERIJ_LANG"
_run: dict[str, Any] = {"lang": None, "amounts": "nl"}
"""This run's --lang (None: the programme's), and the language amounts are read in."""


class SmederijGroup(LazyGroup):
    """Turns every user mistake into one line on stderr instead of a traceback or a panel.

    A part of the program with many commands of its own (the idea rounds) is loaded only when
    one of them is run or help lists them: building its commands costs every other command
    start-up time, and every Tab of shell completion runs the program (``tree``: each command
    is built when it is used)."""

    LAZY = {"round": ("smederij_cli.cli_rounds", "round_app")}

    def invoke(self, ctx: Any) -> Any:
        """A reader that has gone (`smederij ... | head`) ends the command quietly with status
        0, whichever command was writing (Click would make it status 1)."""
        import os

        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush
            raise typer.Exit(0) from None

    def _main_shell_completion(self, ctx_args: Any, prog_name: str,
                               complete_var: str | None = None) -> None:
        """A Tab in the shell (``smederij completion SHELL`` set it up): Typer's completion
        protocol, installed only now (``add_completion`` stays off: see the README)."""
        import os

        if os.environ.get(complete_var or tab.COMPLETE_VAR):
            tab.register()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra: Any) -> Any:
        import shlex

        from typer import _click
        from typer.exceptions import Abort

        if not (sys.argv[1:] if args is None else args) and _status_on_terminal():
            args = ["status"]  # 'smederij' alone on a terminal: a clerk's first look of the day
        # What the user typed, for the audit trail of any write this command makes.
        argv = list(sys.argv[1:] if args is None else args)
        self.command_line = ""
        _early_language(argv)
        try:
            from smederij_cli.text import refuse_undecodable

            refuse_undecodable([str(a) for a in argv])
            self.command_line = shlex.join(["smederij", *map(str, argv)])
            rv = super().main(args=args, prog_name=prog_name or "smederij",
                              complete_var=complete_var, standalone_mode=False, **extra)
        except SmederijError as e:
            _fail(str(e), 1)
        except _click.exceptions.NoArgsIsHelpError as e:
            help_text = e.ctx.get_help()  # rich help prints itself and returns ""
            if help_text:
                sys.stdout.write(help_text + "\n")
            sys.exit(0)
        except _click.exceptions.UsageError as e:
            from smederij_cli.labels import say

            message = _usage_message(e)
            _fail(say("cli_see_help", message=message, command=e.ctx.command_path)
                  if e.ctx else message, e.exit_code)
        except _click.exceptions.ClickException as e:
            _fail(e.format_message(), e.exit_code)
        except Abort:
            from smederij_cli.labels import say

            _fail(say("cli_aborted"), 1)
        sys.exit(rv if isinstance(rv, int) else 0)


def _early_language(argv: list) -> None:
    """The language of what is said before --lang has been read (a mistake in the program's
    own options): its --lang or SMEDERIJ_LANG as typed, else Dutch, the programme's default."""
    import os

    from smederij_cli import labels

    given = os.environ.get(ENV_LANG)
    args = iter(map(str, argv))
    for arg in args:  # the program's own options, up to the command
        if arg == "--lang":
            given = next(args, given)
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
        elif arg == "--db":
            next(args, None)
        elif not arg.startswith("-"):
            break
    labels.message_language = given if given in labels.LANGUAGES else "nl"


def _usage_message(e: Any) -> str:
    """Click's usage error (exit 2) in the run's language, made from the exception's kind and
    facts; an English run reads what Click says."""
    import re

    from typer._click import exceptions as x

    from smederij_cli import labels
    from smederij_cli.labels import say

    if labels.message_language == "en":
        return e.format_message()

    def either(options: Iterable[str]) -> str:
        options = sorted(options)
        return (", ".join(options[:-1]) + f" {say('or')} " if len(options) > 1 else "") \
            + options[-1]

    def hint(param_hint: Any) -> str:
        if param_hint is None and e.param is not None:
            param_hint = e.param.get_error_hint(e.ctx)
        return x._join_param_hints(param_hint) or ""

    if isinstance(e, x.MissingParameter):
        kind = e.param_type or (e.param.param_type_name if e.param is not None else "")
        key = {"option": "cli_missing_option", "argument": "cli_missing_argument"}.get(
            kind, "cli_missing_parameter")
        return say(key, name=hint(e.param_hint))
    if isinstance(e, x.BadParameter):
        number = re.fullmatch(r"(.*) is not a valid (?:int|integer)\.", e.message, re.DOTALL)
        if number:
            return say("cli_not_a_number", name=hint(e.param_hint), value=number.group(1))
        return say("cli_bad_value", name=hint(e.param_hint), value=e.message)
    if isinstance(e, x.NoSuchOption):
        if e.possibilities:
            return say("cli_no_such_option_close", name=e.option_name,
                       options=either(e.possibilities))
        return say("cli_no_such_option", name=e.option_name)
    if isinstance(e, x.BadOptionUsage):
        wants = re.search(r"requires (an argument|(\d+) arguments)", e.message)
        if wants:
            return (say("cli_option_needs_values", name=repr(e.option_name), n=wants.group(2))
                    if wants.group(2) else
                    say("cli_option_needs_value", name=repr(e.option_name)))
        if "does not take a value" in e.message:
            return say("cli_option_no_value", name=repr(e.option_name))
    elif type(e) is x.UsageError:  # the group's own: a command or arguments it does not know
        command = re.fullmatch(r"No such command (.*?)\.(?: Did you mean (.*)\?)?", e.message)
        if command:
            name, close = command.groups()
            return (say("cli_no_such_command_close", name=name,
                        options=either(close.split(", "))) if close else
                    say("cli_no_such_command", name=name))
        extra = re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", e.message,
                             re.DOTALL)
        if extra:
            return say("cli_extra_arguments", args=extra.group(1))
        if e.message == "Missing command.":
            return say("cli_missing_command")
    return say("cli_usage", message=e.format_message())


def _status_on_terminal() -> bool:
    """``smederij`` alone on a terminal shows the status, when there is a ledger to show; piped
    or without a ledger it shows the help, as before."""
    import os

    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        return False
    return Path(os.environ.get(ENV_DB) or default_db_path()).is_file()


def _fail(message: str, code: int) -> None:
    from smederij_cli import render

    render.error(message)
    sys.exit(code)


app = typer.Typer(
    cls=SmederijGroup, no_args_is_help=True, add_completion=False,
    pretty_exceptions_enable=False, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Budget administration for De Smederijen: a double-entry ledger of allocations, "
         "projects and payments per Smederij.\n\n"
         "\b\nExample: smederij --db demo.db demo && smederij --db demo.db report --year 2026")


def _group(name: str, help: str) -> typer.Typer:
    group = typer.Typer(no_args_is_help=True, help=help, rich_markup_mode=None)
    app.add_typer(group, name=name)
    return group


smederijen_app = _group("smederijen", "List and show the Smederijen with their balances.\n\n"
                        "\b\nExample: smederij smederijen show krakeel --year 2026")
budget_app = _group("budget", "Allocate budget to Smederijen, transfer between them, show it.\n\n"
                    "\b\nExample: smederij budget allocate --year 2026 --stream korte-klap "
                    "--total 300.000,00 --method weighted --base 5.000,00")
project_app = _group("project", "Projects from proposal to completion: add, approve, start, "
                     "complete, reject, withdraw, list, show.\n\n"
                     "\b\nExample: smederij project add --smederij krakeel --stream korte-klap "
                     "--title 'Jeu de boules-baan' --amount 4.500,00")
payment_app = _group("payment", "Invoices paid for projects: add, list, reverse.\n\n"
                     "\b\nExample: smederij payment add --project 12 --amount 1.250,00 "
                     "--date 2026-05-04 --payee 'Hoveniersbedrijf Pesse'")


# -- shared plumbing ---------------------------------------------------------------------------------


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("smederij", appauthor=False) / "smederij.db"


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # not while a Tab is being completed
        from smederij_cli.labels import say

        typer.echo(say("cli_version", version=__version__))
        raise typer.Exit()


def _set_lang(value: str | None) -> str | None:
    """--lang (or SMEDERIJ_LANG): this run's language, checked before anything is opened."""
    from smederij_cli import labels
    from smederij_cli.errors import InvalidInput

    labels.message_language = "nl"  # the programme's default until the ledger says otherwise
    if value is not None and value not in labels.LANGUAGES:
        raise InvalidInput(labels.say("unknown_language", text=repr(value), env=ENV_LANG))
    _run.update(lang=value, amounts=value or "nl")
    labels.message_language = value or "nl"
    return value


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar=ENV_DB, help="Ledger file (default: smederij.db in your data folder; "
        "see 'smederij info').", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", envvar=ENV_LANG, callback=_set_lang, help="nl or en: the language of words "
        "and amounts (default: the programme's language).", show_default=False,
        autocompletion=tab.languages)] = None,
) -> None:
    from smederij_cli.files import ledger_path

    ctx.obj = {"db": default_db_path() if db is None else ledger_path(db)}


@contextmanager
def ledger(ctx: typer.Context, *, create: bool = False) -> Iterator[Any]:
    """Open the ledger named by --db. Reading commands refuse a missing file rather than make one."""
    from smederij_cli.ledger import Ledger
    from smederij_cli.store import Store

    with Store(ctx.obj["db"], create=create) as store, store.guard():
        store.audit_context["command"] = getattr(ctx.find_root().command, "command_line", "")
        led = Ledger(store)
        _speak(_lang(led))
        yield led


@contextmanager
def _marked(led, name: str, detail: str = "") -> Iterator[None]:
    """Note, once the block has succeeded, that ``name`` happened now: for 'smederij status',
    outside the audit trail (``Store.record_mark``)."""
    yield
    led.store.record_mark(name, detail)


def _speak(lang: str) -> None:
    """From here on this run reads amounts and says everything in ``lang``."""
    from smederij_cli import labels

    _run["amounts"] = labels.message_language = lang


def _lang(led) -> str:
    """The run's language: --lang (or SMEDERIJ_LANG), else the programme's."""
    return _run["lang"] or led.programme().get("language", "nl")


def _words(led, **given: str | None) -> dict[str, str | None]:
    """Options naming a Smederij, stream, status or theme (keyword = kind) read as codes."""
    words = led.words()
    return {kind: words.read(kind, text) for kind, text in given.items()}


def _word(led, kind: str, text: str | None) -> str | None:
    return _words(led, **{kind: text})[kind]


def _show(ctx: typer.Context, json_: bool, fetch: Callable[[Any], Any], draw: str,
          wide: bool = False) -> None:
    """The reading commands' one shape: fetch from the ledger, then print JSON or draw it with
    ``render.<draw>(data, lang)`` after the ledger is closed (``wide``: --wide)."""
    from smederij_cli import render

    render.show_wide(wide)

    with ledger(ctx) as led:
        data = fetch(led)
        lang = _lang(led)
    render.print_json(data) if json_ else getattr(render, draw)(data, lang)


def _amount(text: str | None, what: str) -> int | None:
    from smederij_cli.money import parse_amount

    return None if text is None else parse_amount(text, what=what, lang=_run["amounts"])


def _date(text: str | None, what: str = "--date") -> _dt.date | None:
    """A date as typed, or None: the ledger then dates the entry itself (today, or 1 January of
    a budget year that has not begun; see ``dates``)."""
    from smederij_cli.dates import check_range
    from smederij_cli.money import parse_date

    return None if text is None else check_range(parse_date(text, what), what)


Json = Annotated[bool, typer.Option("--json", help="Print JSON (money in integer cents).")]
Wide = Annotated[bool, typer.Option(
    "--wide", help="Every column at full width on a terminal too, as piped output has it "
    "(without it, columns that do not fit the terminal are left out and named under the "
    "table).")]
DateOpt = Annotated[str | None, typer.Option(
    "--date", help="Date: YYYY-MM-DD or DD-MM-YYYY (default: today; for a budget year that has "
    "not begun, its 1 January).", show_default=False)]
NoteOpt = Annotated[str, typer.Option("--note", help="Why: kept in the project's history.")]
YearOpt = Annotated[int, typer.Option("--year", help="Budget year.", autocompletion=tab.years)]
StreamOpt = Annotated[str, typer.Option("--stream", help="Stream (budgetsoort), e.g. korte-klap.",
                                        autocompletion=tab.streams)]


# -- setup and information ---------------------------------------------------------------------------


@app.command()
def init(
    ctx: typer.Context,
    config: Annotated[Path | None, typer.Option(
        "--config", help="Registry YAML (default: the example for Hoogeveen).",
        show_default=False)] = None,
) -> None:
    """Create or migrate the ledger and load the registry; run again to sync it.

    New Smederijen, teams and streams are added, changed names updated, and those no longer in
    the file deactivated. Nothing is ever deleted.

    \b
    Example: smederij init --config data/hoogeveen.yaml
    """
    from smederij_cli import render
    from smederij_cli.config import default_config_path, load_config
    from smederij_cli.labels import say

    cfg = load_config(config or default_config_path())
    _speak(_run["lang"] or cfg.language)  # the registry just read says the language
    with ledger(ctx, create=True) as led:
        _speak(_run["lang"] or cfg.language)
        changes = led.load_registry(cfg)
        path = led.store.path
        _speak(_lang(led))  # a new ledger speaks its programme's language from here
    summary = "; ".join(say(f"cli_registry_{what}") + ": "
                        + ", ".join(say(f"cli_changed_{k}", n=n) for k, n in c.items() if n)
                        for what, c in changes.items() if any(c.values()))
    render.message(say("cli_registry_loaded", ledger=path, config=cfg.path, changes=summary)
                   if summary else
                   say("cli_registry_up_to_date", ledger=path, config=cfg.path))


@app.command()
def info(ctx: typer.Context, json_: Json = False) -> None:
    """Where the ledger is, its schema version, and what it holds.

    \b
    Example: smederij info --json
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        data = led.info()
        lang = _lang(led)
    render.print_json(data) if json_ else render.info(data, lang)


@app.command()
def demo(
    ctx: typer.Context,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same ledger.")] = 2026,
) -> None:
    """Fill an empty ledger with the example registry and a realistic 2026.

    Projects in every state with their payments, reproducible from the seed. Refuses a ledger
    that already holds other entries.

    \b
    Example: smederij --db demo.db demo && smederij --db demo.db report --year 2026
    """
    from smederij_cli import render
    from smederij_cli.demo import build_demo

    with ledger(ctx, create=True) as led:
        summary = build_demo(led, seed=seed)
    render.message(summary)


@app.command()
def check(ctx: typer.Context, json_: Json = False,
          deep: Annotated[bool, typer.Option(
              "--deep", help="Also read every page of the file (SQLite's integrity_check and "
                             "foreign_key_check), however large it is.")] = False) -> None:
    """Verify every invariant of the ledger; exit 1 if any fails.

    Each transaction sums to zero; no available, committed or spent balance is negative; no
    project is paid more than was committed to it; per Smederij, stream and year carried in +
    allocated = spent + committed + available + carried out + lapsed; rollovers conserve money
    and leave nothing available or committed in a closed year. SQLite's own integrity and
    foreign-key checks of every page run too when the file is at most 64 MiB (a Hoogeveen
    ledger is ~10 MB), and always with --deep: for a ledger of a gigabyte they take half a
    minute.

    \b
    Example: smederij check || echo 'restore from backup'
    Example: smederij check --deep   # monthly, after a crash, before archiving a copy
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        file_checked = led.checks_file(deep)
        problems = led.check(deep=deep)
        if not problems:  # for 'smederij status'; no audit row: a check changes nothing
            led.store.record_mark("check", "deep" if deep else "")
        lang = _lang(led)
    if json_:
        render.print_json({"ok": not problems, "violations": problems,
                           "file_checked": file_checked})
    else:
        render.check(problems, file_checked, lang)
    if problems:
        raise typer.Exit(1)


@app.command()
def status(ctx: typer.Context, json_: Json = False) -> None:
    """What needs attention today, each with the command that deals with it.

    The open budget year and the days to its end; projects proposed more than four weeks ago
    without a decision; approved projects with no payment for a year; budgets of the open year
    90% or more committed or spent; idea rounds waiting for a count or an award; the last
    backup and the last successful check. 'smederij' alone on a terminal shows it too.

    \b
    Example: smederij status --json
    """
    from smederij_cli import render
    from smederij_cli.status import overview

    with ledger(ctx) as led:
        data = overview(led)
        lang = _lang(led)
    render.print_json(data) if json_ else render.status(data, lang)


@app.command("completion")
def completion_(
    shell: Annotated[str, typer.Argument(
        metavar="SHELL", help="bash, zsh, fish or powershell.", show_default=False,
        autocompletion=tab.shells)],
) -> None:
    """Print the script that makes Tab complete smederij's commands, options and values.

    Values come from the ledger in use: Smederij codes, streams, statuses, themes, years,
    project ids with their titles, idea rounds. Load the script from your shell's start-up
    file; the README shows how for each shell.

    \b
    Example: eval "$(smederij completion bash)"   (in ~/.bashrc)
    """
    from smederij_cli.errors import InvalidInput
    from smederij_cli.labels import say

    if shell not in tab.SHELLS:
        raise InvalidInput(say("completion_unknown_shell", shell=repr(shell),
                               shells=", ".join(tab.SHELLS[:-1])))
    typer.echo(tab.script(shell))


report_app = typer.Typer(
    invoke_without_command=True, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(report_app, name="report")

FORMATS = ("table", "json", "csv", "markdown", "html", "xlsx")
# What an --output file's name says its format is, when --format is not given.
EXTENSIONS = {".xlsx": "xlsx", ".html": "html", ".htm": "html", ".csv": "csv",
              ".md": "markdown", ".markdown": "markdown", ".json": "json"}
FormatOpt = Annotated[str | None, typer.Option(
    "--format", help="table, json, csv, markdown, html or xlsx (default: from the --output "
    "file's extension, else table).", show_default=False, autocompletion=tab.choices(*FORMATS))]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the report to this file and say where (xlsx needs it); "
    "its extension gives the format; '-' is standard output.",
    show_default=False)]
LangOpt = Annotated[str | None, typer.Option(
    "--lang", help="nl or en: labels, statuses and money (default: the programme's language).",
    show_default=False, autocompletion=tab.languages)]
DelimiterOpt = Annotated[str | None, typer.Option(
    "--delimiter", help="CSV field separator (default: ';' for nl, which Dutch Excel opens by "
    "double-click, ',' for en).", show_default=False)]
DecimalCommaOpt = Annotated[bool | None, typer.Option(
    "--decimal-comma/--decimal-point", help="CSV amounts as 1234,56 or 1234.56 (default: comma "
    "for nl, point for en).", show_default=False)]
FromOpt = Annotated[int | None, typer.Option(
    "--from", help="First year of a multi-year overview (with --to).", show_default=False,
    autocompletion=tab.years)]
ToOpt = Annotated[int | None, typer.Option(
    "--to", help="Last year of a multi-year overview (with --from).", show_default=False,
    autocompletion=tab.years)]
ReportYear = Annotated[int, typer.Option(help="Budget year.", autocompletion=tab.years)]
SmederijFilter = Annotated[str | None, typer.Option(help="Only this Smederij (code).",
                                                    autocompletion=tab.smederijen)]
StreamFilter = Annotated[str | None, typer.Option(help="Only this stream.",
                                                  autocompletion=tab.streams)]


def _output_format(format: str | None, output: Path | None, known: dict[str, str],
                   default: str | None) -> str | None:
    """--format, or the one --output's extension names; a contradiction between them refused."""
    from smederij_cli.errors import InvalidInput
    from smederij_cli.labels import say

    implied = known.get(output.suffix.lower()) if output is not None else None
    if format is None:
        return implied or default
    if implied is not None and format != implied:
        raise InvalidInput(say("cli_format_contradicts", format=format, output=output,
                               implied=implied))
    return format


def _report_options(ctx: typer.Context, format: str | None, output: Path | None,
                    lang: str | None, delimiter: str | None) -> str:
    """Refuse what cannot work before the ledger is opened or anything is written; return the
    format (from --output's extension when --format is not given)."""
    from smederij_cli.errors import InvalidInput
    from smederij_cli.files import resolve_output
    from smederij_cli.labels import LANGUAGES, say

    format = _output_format(format, output, EXTENSIONS, "table")
    if format not in FORMATS:
        raise InvalidInput(say("cli_unknown_format", text=repr(format),
                               formats=", ".join(FORMATS)))
    if lang is not None and lang not in LANGUAGES:
        raise InvalidInput(say("cli_unknown_report_language", text=repr(lang)))
    if format == "xlsx" and output is None:
        raise InvalidInput(say("cli_xlsx_needs_output"))
    if delimiter is not None and (len(delimiter) != 1 or delimiter in "\"\r\n"):
        raise InvalidInput(say("cli_delimiter", text=repr(delimiter)))
    if output is not None:
        resolve_output(output, ctx.obj["db"], "--output")
    return format


def _years(year: int, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The --from/--to range, or None for the single --year."""
    from smederij_cli.errors import InvalidInput

    if start is None and end is None:
        return None
    if start is None or end is None:
        from smederij_cli.labels import say

        raise InvalidInput(say("cli_from_and_to"))
    return start, end


def _deliver(ctx: typer.Context, content: Iterable[str | bytes], output: Path | None,
             what: str) -> None:
    """Write the pieces of a document to stdout, or to ``output`` as ``files.open_output``
    allows: a regular file whole or not at all, a pipe or device as a stream, ``-`` stdout;
    ``what`` names the document in the line that says where it went."""
    import os

    from smederij_cli import render
    from smederij_cli.files import open_output

    if output is None:
        try:
            for chunk in content:
                sys.stdout.write(chunk)  # type: ignore[arg-type]  # xlsx always has an output
            sys.stdout.flush()
        except BrokenPipeError:  # `smederij report ... | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    with open_output(output, ctx.obj["db"], "--output") as out:
        for chunk in content:
            out.file.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    if str(output) != "-":
        from smederij_cli.labels import say

        render.message(say("cli_wrote", what=what, target=output))


def _document(format: str, sheets: list, lang: str, delimiter: str | None,
              decimal_comma: bool | None, json_data: Any, html: Any) -> Iterable[str | bytes]:
    """The report in one format, as pieces to write one after the other (the text formats are
    streamed: a multi-year report is never whole in memory): the first sheet is the main one
    (table, CSV, Markdown); XLSX gets every sheet; HTML is built by ``html()``."""
    from smederij_cli import render, writers

    if format == "json":
        return render.json_chunks(json_data)
    if format == "table":
        return render.sheet_chunks(sheets[0], lang)
    if format == "csv":
        delimiter, decimal_comma = writers.csv_style(lang, delimiter, decimal_comma)
        return writers.csv_chunks(sheets[0], delimiter=delimiter, decimal_comma=decimal_comma)
    if format == "markdown":
        return writers.markdown_chunks(sheets[:1], lang)
    if format == "xlsx":
        return [writers.write_xlsx(sheets, lang)]
    return [html()]


def _names(led) -> dict[str, dict[str, str]]:
    """What people read instead of codes in a report: Smederijen's and streams' names."""
    return {"smederij": {s["code"]: s["name"] for s in led.store.smederijen(active_only=False)},
            "stream": {s["code"]: s["name"] for s in led.store.streams(active_only=False)}}


def _listing_sheets(projects: Iterable, payments: Iterable, lang: str, when: str,
                    smederij: str | None, stream: str | None,
                    names: dict[str, dict[str, str]] | None = None) -> list:
    """The sheets of projects and payments of a report: titles and sheet names say the
    year(s) and the filters; Smederijen and streams by name."""
    from smederij_cli import writers

    filters = {"smederij": smederij, "stream": stream}
    return [writers.projects_sheet(
                projects, lang, writers.label("projects_title", lang, year=when)
                + writers.scope(filters, lang), writers.sheet_name("projects", lang, when,
                                                                   filters), names=names),
            writers.payments_sheet(
                payments, lang, writers.label("payments_title", lang, year=when)
                + writers.scope(filters, lang), writers.sheet_name("payments", lang, when,
                                                                   filters), names=names)]


@report_app.callback()
def report(
    ctx: typer.Context,
    year: ReportYear = _dt.date.today().year,
    smederij: SmederijFilter = None,
    stream: StreamFilter = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    delimiter: DelimiterOpt = None,
    decimal_comma: DecimalCommaOpt = None,
    wide: Wide = False,
) -> None:
    """Where every cent of a year stands, per Smederij and stream, with totals.

    JSON is the stable scripting interface: money in integer cents, and per Smederij and stream
    carried_in + allocated = spent + committed + available + carried_out + lapsed.

    With --from and --to: every year of the range, and the totals over them (JSON: from, to,
    currency, years: one report per year, totals). XLSX adds sheets of projects and payments;
    HTML is the annual report with charts; CSV has English headers and plain numbers.
    For the project listing: smederij report projects --help.

    \b
    Example: smederij report --year 2026 --format xlsx --output jaarverslag-2026.xlsx
    """
    if ctx.invoked_subcommand is not None:
        return
    from smederij_cli import render, writers
    from smederij_cli.labels import say

    format = _report_options(ctx, format, output, lang, delimiter)
    span = _years(year, start, end)
    with ledger(ctx) as led:
        lang = lang or _lang(led)
        smederij, stream = _words(led, smederij=smederij, stream=stream).values()
        # Nothing is laid out yet: a multi-year report's years and every sheet's rows are
        # built as the chosen format reads them, so what is not printed is never built.
        if span is None:
            data = led.report(year, smederij=smederij, stream=stream)
            reports, span = [data], (year, year)
            sheet = writers.report_sheet(data, lang, _names(led))
        else:
            data = led.overview(*span, smederij=smederij, stream=stream)
            reports = data["years"]
            sheet = writers.overview_sheet(data, lang, _names(led))
        if format == "table" and output is None:
            render.show_wide(wide)
            render.sheet(sheet, lang)
            return
        projects = payments = ()
        if format == "xlsx":  # its sheets of projects and payments, read as they are written
            projects = led.iter_report_projects(*span, smederij=smederij, stream=stream)
            payments = led.iter_report_payments(*span, smederij=smederij, stream=stream)
        programme, path = led.programme(), led.store.path
        when = str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"
        sheets = [sheet, *_listing_sheets(projects, payments, lang, when, smederij, stream,
                                          _names(led))]
        content = _document(format, sheets, lang, delimiter, decimal_comma, data,
                            lambda: _annual(led, reports, span, smederij, stream, lang))
        _deliver(ctx, content, output, say("cli_wrote_report", when=when, format=format))


def _refuse_rows(e) -> None:
    """An import refused: each bad row on its own line of stderr, then the summary; exit 1."""
    from smederij_cli import render

    for line in e.lines():
        render.error(line)
    render.error(str(e))
    raise typer.Exit(1) from None


def _annual(led, reports, span: tuple[int, int], smederij: str | None, stream: str | None,
            lang: str) -> str:
    """The HTML annual report: a one-year report compares with the year before."""
    from smederij_cli.annual import write_annual

    previous = (led.report(span[0] - 1, smederij=smederij, stream=stream)
                if span[0] == span[1] and span[0] > 2000 else None)
    projects = (led.annual_projects(span[0], smederij=smederij, stream=stream)
                if span[0] == span[1]
                else led.iter_report_projects(*span, smederij=smederij, stream=stream))
    return write_annual(reports, projects,
                        lang, programme=led.programme(), ledger=led.store.path.name,
                        previous=previous, streams=led.store.streams(active_only=False),
                        filters={"smederij": smederij, "stream": stream},
                        closed_on=_closed_on(led, span[1]))


def _closed_on(led, year: int) -> _dt.date | None:
    closed_at = led.store.year_closed_at(year) if led.is_closed(year) else None
    return _dt.date.fromisoformat(closed_at[:10]) if closed_at else None


@report_app.command("projects")
def report_projects(
    ctx: typer.Context,
    year: ReportYear = _dt.date.today().year,
    smederij: SmederijFilter = None,
    stream: StreamFilter = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
    lang: LangOpt = None,
    start: FromOpt = None,
    end: ToOpt = None,
    delimiter: DelimiterOpt = None,
    decimal_comma: DecimalCommaOpt = None,
    wide: Wide = False,
) -> None:
    """The projects of a year (or --from/--to) with requested, committed, paid, co-funding,
    supporters and volunteers, and a totals row.

    JSON is the same list as 'smederij project list --json'; XLSX adds a sheet of the payments.

    \b
    Example: smederij report projects --year 2026 --format csv --output projecten.csv
    """
    from smederij_cli import writers
    from smederij_cli.labels import say

    format = _report_options(ctx, format, output, lang, delimiter)
    span = _years(year, start, end) or (year, year)
    with ledger(ctx) as led:  # open while the sheets are written: payments are read as they go
        lang = lang or _lang(led)
        smederij, stream = _words(led, smederij=smederij, stream=stream).values()
        projects = led.report_projects(*span, smederij=smederij, stream=stream)
        payments = (led.iter_report_payments(*span, smederij=smederij, stream=stream)
                    if format == "xlsx" else ())
        programme = led.programme()
        when = str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"
        sheets = _listing_sheets(projects, payments, lang, when, smederij, stream, _names(led))
        if format == "table" and output is None:
            from smederij_cli import render

            render.show_wide(wide)
            render.sheet(sheets[0], lang)
            return
        subtitle = " · ".join(x for x in (programme.get("name"), programme.get("municipality"))
                              if x)
        content = _document(format, sheets, lang, delimiter, decimal_comma, projects,
                            lambda: writers.write_html_sheets(sheets[:1], lang,
                                                              heading=sheets[0].title,
                                                              subtitle=subtitle))
        _deliver(ctx, content, output, say("cli_wrote_projects", when=when, format=format))


@app.command()
def rollover(
    ctx: typer.Context,
    year: YearOpt,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show exactly what would move; write nothing.")] = False,
    early: Annotated[bool, typer.Option(
        "--early", help="Close the current year before 31 December (deliberately: entries "
        "dated later in it are refused from then on).")] = False,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """Close a budget year and carry what is left into the next, by each stream's policy.

    Unspent available budget carries over or lapses to the municipality's funding as the
    configuration says (none, full, capped, max_years); open commitments always move on with
    their project. One transaction: interrupted, it leaves the year open and nothing moved.
    Safe to run twice (the second run changes nothing and says so); years close in order.
    A year may be closed from its 31 December (before that only with --early), and only once
    it received money; --dry-run may always look, and says when the year may be closed.

    \b
    Example: smederij rollover --year 2026 && smederij budget allocate --year 2027 --from-config
    """
    import os

    from smederij_cli import render

    hook = None
    if os.environ.get(PAUSE_ROLLOVER):  # tests only: be killed in the middle of a rollover
        def hook() -> None:
            import time

            sys.stderr.write("rollover paused inside its transaction\n")
            sys.stderr.flush()
            time.sleep(float(os.environ[PAUSE_ROLLOVER]))

    with ledger(ctx) as led:
        data = led.rollover(year, dry_run=dry_run, early=early, on_moves_written=hook)
        names = {s["code"]: s["name"] for s in led.store.smederijen(active_only=False)}
        closed_at = led.store.year_closed_at(year)
        note = led.closing_note(year) if data["status"] == "dry_run" else None
        lang = _lang(led)
    if json_:
        render.print_json(data)
        return
    render.show_wide(wide)
    render.rollover(data, names, closed_at, lang)
    if note:
        render.message(note)


PAUSE_ROLLOVER = "SMEDERIJ_TEST_PAUSE_ROLLOVER"


@app.command()
def log(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(help="Only changes on or after this date.",
                                              show_default=False)] = None,
    project: Annotated[int | None, typer.Option(help="Only changes to this project.",
                                                show_default=False,
                                                autocompletion=tab.projects)] = None,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """The audit trail: who changed the ledger, when (UTC), with which command, and what.

    Every command that writes adds one line, in the same transaction as its change; refused
    commands and dry runs add none. The trail cannot be edited or deleted.

    \b
    Example: smederij log --since 2026-03-01 --project 12
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        from smederij_cli.money import parse_date

        rows = led.audit_log(since=None if since is None else parse_date(since, "--since"),
                             project_id=project)
        lang = _lang(led)
    render.show_wide(wide)
    if json_:
        from smederij_cli.history import json_rows

        render.print_json(json_rows(rows, lang))
    else:
        render.audit_log(rows, lang)


@app.command()
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite FILE if it exists.")] = False,
) -> None:
    """Copy the ledger to FILE, consistently even while others write, and verify the copy.

    Uses SQLite's online backup API; the copy is one self-contained file, readable by its owner
    only. Refuses to overwrite an existing FILE unless --force, and never writes over the ledger
    or another program's database; FILE '-' (or a pipe) gets the copy as a stream.

    \b
    Example: smederij backup ~/backups/smederij-$(date +%F).db
    """
    from smederij_cli import render

    with ledger(ctx) as led, _marked(led, "backup", str(file)):
        summary = led.store.backup_to(file, force=force)
    if str(file) != "-":  # '-': standard output is the copy itself
        render.message(summary)


@app.command()
def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made with 'smederij backup'.")],
) -> None:
    """Put a backup back as the ledger, after checking it; the replaced ledger is kept.

    The backup must be an intact smederij ledger whose 'check' passes; otherwise nothing
    changes. The current ledger is first copied to <ledger>.replaced-<timestamp> next to it.

    \b
    Example: smederij restore ~/backups/smederij-2026-03-01.db
    """
    from smederij_cli import render
    from smederij_cli.ledger import restore_ledger

    render.message(restore_ledger(ctx.obj["db"], file,
                                  command=getattr(ctx.find_root().command, "command_line", "")))


# -- smederijen ----------------------------------------------------------------------------------------


@smederijen_app.command("list")
def smederijen_list(
    ctx: typer.Context,
    year: Annotated[int, typer.Option(help="Year of the balances.",
                                      autocompletion=tab.years)] = _dt.date.today().year,
    all_: Annotated[bool, typer.Option("--all", help="Include inactive Smederijen.")] = False,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """The Smederijen with their available budget per stream.

    \b
    Example: smederij smederijen list --year 2026
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        figures = {sm["code"]: sm["streams"] for sm in led.report(year)["smederijen"]}
        rows = [{"code": s["code"], "name": s["name"], "kind": s["kind"],
                 "team": s["team_name"] or s["team"], "inhabitants": s["inhabitants"],
                 "active": bool(s["active"]),
                 "available": {st: f["available_cents"]
                               for st, f in figures.get(s["code"], {}).items()}}
                for s in led.store.smederijen(active_only=not all_)]
        lang, streams = _lang(led), _names(led)["stream"]
    render.show_wide(wide)
    render.print_json(rows) if json_ else render.smederijen(rows, lang, streams)


@smederijen_app.command("show")
def smederijen_show(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="Smederij code or name, e.g. krakeel.",
                                        autocompletion=tab.smederijen)],
    year: Annotated[int, typer.Option(help="Budget year.",
                                      autocompletion=tab.years)] = _dt.date.today().year,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """One Smederij and where its money stands per stream.

    \b
    Example: smederij smederijen show krakeel --year 2026
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        code = _word(led, "smederij", code)
        s = led.smederij(code)
        row = {"code": s["code"], "name": s["name"], "kind": s["kind"],
               "team": s["team_name"] or s["team"], "inhabitants": s["inhabitants"],
               "active": bool(s["active"]), "year": year,
               "streams": led.smederij_balances(code, year)}
        lang = _lang(led)
    render.show_wide(wide)
    render.print_json(row) if json_ else render.smederij(row, lang)


# -- budget ---------------------------------------------------------------------------------------


@budget_app.command("allocate")
def budget_allocate(
    ctx: typer.Context,
    year: YearOpt,
    stream: Annotated[str | None, typer.Option(
        help="Stream (budgetsoort), e.g. korte-klap.", show_default=False,
        autocompletion=tab.streams)] = None,
    smederij: Annotated[str | None, typer.Option(help="One Smederij (with --amount).",
                                                 autocompletion=tab.smederijen)] = None,
    amount: Annotated[str | None, typer.Option(help="Amount for one Smederij.")] = None,
    total: Annotated[str | None, typer.Option(help="Total to split over all active "
                                                   "Smederijen (with --method).")] = None,
    method: Annotated[str | None, typer.Option(help="equal, or weighted: --base each and the "
                                                    "rest by inhabitants.",
                                               autocompletion=tab.choices("equal", "weighted"))
                      ] = None,
    base: Annotated[str | None, typer.Option(help="Fixed base per Smederij (weighted).")] = None,
    date: DateOpt = None,
    from_config: Annotated[bool, typer.Option(
        "--from-config", help="Apply the configuration's yearly allocation plans (every stream); "
        "a plan already applied to the year is refused.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the split; write nothing.")] = False,
    json_: Json = False,
) -> None:
    """Allocate a year's budget from the municipality's funding to Smederijen.

    Either one Smederij (--smederij, --amount), a total split over all active Smederijen
    (--total, --method), or the plans of the configuration (--from-config); the shares add up to
    the total exactly, to the cent.

    \b
    Example: smederij budget allocate --year 2026 --stream korte-klap --total 300.000,00 --method weighted --base 5.000,00 --dry-run
    """
    from smederij_cli import render
    from smederij_cli.errors import InvalidInput
    from smederij_cli.labels import say

    with ledger(ctx) as led:
        smederij, stream = _words(led, smederij=smederij, stream=stream).values()
        if from_config:
            if any(v is not None for v in (stream, smederij, amount, total, method, base)):
                raise InvalidInput(say("cli_from_config_alone"))
            results = led.allocate_from_config(year, _date(date), dry_run=dry_run)
        elif stream is None:
            raise InvalidInput(say("cli_give_stream"))
        else:
            results = [led.allocate(
                year, stream, _date(date), smederij=smederij,
                amount_cents=_amount(amount, "--amount"), total_cents=_amount(total, "--total"),
                method=method, base_cents=(_amount(base, "--base") or 0), dry_run=dry_run)]
        names = {s["code"]: s["name"] for s in led.store.smederijen(active_only=False)}
        lang = _lang(led)
    out = [{"year": year, "stream": r.stream, "dry_run": dry_run, "transaction": r.txn_id,
            "shares": r.shares, "total_cents": sum(r.shares.values())} for r in results]
    if json_:
        render.print_json(out if from_config else out[0])
        return
    for r in results:
        title = (say("cli_would_allocate", stream=r.stream, year=year,
                     nothing=say("dry_run_nothing")) if dry_run else
                 say("cli_allocated", stream=r.stream, year=year, txn=r.txn_id))
        render.allocation(r.shares, names, title, lang)


@budget_app.command("transfer")
def budget_transfer(
    ctx: typer.Context,
    year: YearOpt,
    stream: StreamOpt,
    source: Annotated[str, typer.Option("--from", help="Smederij that gives.",
                                        autocompletion=tab.smederijen)],
    target: Annotated[str, typer.Option("--to", help="Smederij that receives.",
                                        autocompletion=tab.smederijen)],
    amount: Annotated[str, typer.Option(help="Amount, e.g. 1.500,00.")],
    date: DateOpt = None,
    note: NoteOpt = "",
) -> None:
    """Move available budget from one Smederij to another (same year and stream).

    \b
    Example: smederij budget transfer --year 2026 --stream korte-klap --from krakeel --to pesse --amount 2.000,00
    """
    from smederij_cli import render
    from smederij_cli.labels import say

    with ledger(ctx) as led:
        stream = _word(led, "stream", stream)
        source, target = _word(led, "smederij", source), _word(led, "smederij", target)
        cents = _amount(amount, "--amount")
        txn = led.transfer(year, stream, source, target, cents, _date(date), note)
        lang = _lang(led)
    render.message(say("cli_transferred", amount=render.money(cents, lang), source=source,
                       target=target, stream=stream, year=year, txn=txn))


@budget_app.command("show")
def budget_show(ctx: typer.Context, year: YearOpt, json_: Json = False,
                wide: Wide = False) -> None:
    """Allocated and available budget per Smederij and stream, and the year's allocations and
    transfers.

    \b
    Example: smederij budget show --year 2026
    """
    from smederij_cli import render

    render.show_wide(wide)
    with ledger(ctx) as led:
        data = led.budget(year)
        lang, streams = _lang(led), _names(led)["stream"]
    render.print_json(data) if json_ else render.budget(data, lang, streams)


# -- projects -------------------------------------------------------------------------------------


@project_app.command("add")
def project_add(
    ctx: typer.Context,
    smederij: Annotated[str, typer.Option(help="Smederij code or name.",
                                          autocompletion=tab.smederijen)],
    title: Annotated[str, typer.Option(help="What residents propose.")],
    stream: StreamOpt,
    amount: Annotated[str, typer.Option(help="Requested amount.")],
    theme: Annotated[str | None, typer.Option(
        help="greenery, play, traffic, facilities, meeting, activities, health, care, safety, "
             "jobs or language (or the Dutch word: groen, spelen, ...).",
        autocompletion=tab.themes)] = None,
    supporters: Annotated[int, typer.Option(help="Signatures of support (draagvlak).")] = 0,
    volunteers: Annotated[int, typer.Option(help="Residents who help (eigen inzet).")] = 0,
    cofunding: Annotated[list[str] | None, typer.Option(
        help="SOURCE=AMOUNT from a sponsor or fund; repeatable.")] = None,
    year: Annotated[int, typer.Option(help="Budget year.",
                                      autocompletion=tab.years)] = _dt.date.today().year,
    date: DateOpt = None,
    note: NoteOpt = "",
    json_: Json = False,
) -> None:
    """Add a proposed project; prints its id.

    \b
    Example: smederij project add --smederij pesse --stream korte-klap --title 'Speeltuin Brink' --amount 12.500,00 --theme play --supporters 45 --cofunding 'Oranje Fonds=2.500,00'
    """
    from functools import partial

    from smederij_cli import render
    from smederij_cli.ledger import parse_cofunding
    from smederij_cli.money import parse_amount

    with ledger(ctx) as led:
        smederij, stream, theme = _words(led, smederij=smederij, stream=stream,
                                         theme=theme).values()
        project_id = led.add_project(
            smederij=smederij, stream=stream, year=year, title=title,
            amount_cents=_amount(amount, "--amount"), theme=theme, supporters=supporters,
            volunteers=volunteers, cofunding=parse_cofunding(
                cofunding or [], partial(parse_amount, lang=_run["amounts"])),
            date=_date(date), note=note)
    render.print_json({"id": project_id}) if json_ else render.message(str(project_id))


@project_app.command("approve")
def project_approve(
    ctx: typer.Context,
    project_id: Annotated[int, typer.Argument(metavar="ID", help="Project id.",
                                              autocompletion=tab.projects_for("approve"))],
    amount: Annotated[str | None, typer.Option(
        help="Amount to commit (default: the requested amount).", show_default=False)] = None,
    date: DateOpt = None,
    note: NoteOpt = "",
) -> None:
    """Approve a proposed project and commit its money from the Smederij's available budget.

    Refused, with the shortfall named, when there is not enough available.

    \b
    Example: smederij project approve 12 --amount 10.000,00 --note 'stuurgroep 3 maart'
    """
    from smederij_cli import render
    from smederij_cli.labels import say

    with ledger(ctx) as led:
        led.approve(project_id, _date(date), amount_cents=_amount(amount, "--amount"),
                    note=note)
        p = led.project_detail(project_id)
        lang = _lang(led)
    render.message(say("cli_approved", id=project_id, amount=render.money(p["left_cents"], lang)))


def _status_command(step: str, doc: str) -> None:
    def command(
        ctx: typer.Context,
        project_id: Annotated[int, typer.Argument(metavar="ID", help="Project id.",
                                                  autocompletion=tab.projects_for(step))],
        date: DateOpt = None,
        note: NoteOpt = "",
    ) -> None:
        from smederij_cli import render
        from smederij_cli.labels import label, say

        with ledger(ctx) as led:
            before = led.project_detail(project_id)
            led.change_status(project_id, step, _date(date), note)
            after = led.project_detail(project_id)
            lang = _lang(led)
        released = before["left_cents"] - after["left_cents"]
        render.message("; ".join(
            [say("cli_status_now", id=project_id, status=label(after["status"], lang))]
            + ([say("cli_released", amount=render.money(released, lang))] if released else [])))

    command.__doc__ = doc
    project_app.command(step)(command)


_status_command("start", "Mark an approved project as in progress.\n\n"
                "\b\nExample: smederij project start 12 --date 2026-04-01")
_status_command("complete", "Complete an in-progress project; what is left of its commitment "
                "is released.\n\n\b\nExample: smederij project complete 12 --note 'opgeleverd'")
_status_command("reject", "Reject a proposed project.\n\n"
                "\b\nExample: smederij project reject 14 --note 'te weinig draagvlak'")
_status_command("withdraw", "Withdraw a project; what is left of its commitment is released.\n\n"
                "\b\nExample: smederij project withdraw 12 --note 'initiatiefnemers gestopt'")


@project_app.command("list")
def project_list(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(help="Budget year.",
                                             autocompletion=tab.years)] = None,
    smederij: Annotated[str | None, typer.Option(help="Smederij code or name.",
                                                 autocompletion=tab.smederijen)] = None,
    status: Annotated[str | None, typer.Option(help="proposed, approved, in_progress, "
                                                    "completed, rejected or withdrawn; or in "
                                                    "Dutch: voorgesteld, goedgekeurd, ...",
                                               autocompletion=tab.statuses)] = None,
    stream: Annotated[str | None, typer.Option(help="Stream.",
                                               autocompletion=tab.streams)] = None,
    theme: Annotated[str | None, typer.Option(help="Theme, in English or Dutch.",
                                              autocompletion=tab.themes)] = None,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """List projects, filtered by year, Smederij, status, stream or theme.

    \b
    Example: smederij project list --year 2026 --smederij krakeel --status approved
    """
    _show(ctx, json_, lambda led: led.projects(year=year, **_words(
        led, smederij=smederij, status=status, stream=stream, theme=theme)), "projects", wide)


@project_app.command("show")
def project_show(
    ctx: typer.Context,
    project_id: Annotated[int, typer.Argument(metavar="ID", help="Project id.",
                                              autocompletion=tab.projects)],
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """A project's details, status history, payments, and committed / paid / left.

    \b
    Example: smederij project show 12
    """
    _show(ctx, json_, lambda led: led.project_detail(project_id), "project", wide)


# -- payments -------------------------------------------------------------------------------------


@payment_app.command("add")
def payment_add(
    ctx: typer.Context,
    project: Annotated[int, typer.Option(help="Project id.",
                                         autocompletion=tab.projects_for("pay"))],
    amount: Annotated[str, typer.Option(help="Invoice amount, e.g. 1.250,00.")],
    date: Annotated[str, typer.Option(help="Payment date: YYYY-MM-DD or DD-MM-YYYY.")],
    payee: Annotated[str, typer.Option(help="Who was paid.")] = "",
    ref: Annotated[str | None, typer.Option(help="Invoice or bank reference.")] = None,
    raise_commitment: Annotated[bool, typer.Option(
        "--raise-commitment", help="Commit the shortfall from the available budget when the "
        "invoice is more than what is left.")] = False,
    duplicate_ref: Annotated[bool, typer.Option(
        "--duplicate-ref", help="Book it even though --ref is already on a payment that was "
        "not reversed (the audit log says so).")] = False,
    json_: Json = False,
) -> None:
    """Book a payment on an approved or in-progress project.

    Refused beyond what is left of the project's commitment, unless --raise-commitment; refused
    when --ref is already on a payment that was not reversed, unless --duplicate-ref. The date
    must be in the budget year the project's money is in, not before its approval.

    \b
    Example: smederij payment add --project 12 --amount 1.250,00 --date 2026-05-04 --payee 'Hoveniersbedrijf Pesse' --ref F2026-117
    """
    from smederij_cli import render

    with ledger(ctx) as led:
        payment_id = led.pay(project, _amount(amount, "--amount"), _date(date), payee=payee,
                             reference=ref, raise_commitment=raise_commitment,
                             duplicate_ref=duplicate_ref)
    render.print_json({"id": payment_id}) if json_ else render.message(str(payment_id))


@payment_app.command("list")
def payment_list(
    ctx: typer.Context,
    project: Annotated[int | None, typer.Option(help="Project id.",
                                                autocompletion=tab.projects)] = None,
    year: Annotated[int | None, typer.Option(help="Year of the payment date.",
                                             autocompletion=tab.years)] = None,
    smederij: Annotated[str | None, typer.Option(help="Smederij code or name.",
                                                 autocompletion=tab.smederijen)] = None,
    json_: Json = False,
    wide: Wide = False,
) -> None:
    """List payments, reversed ones marked.

    \b
    Example: smederij payment list --smederij krakeel --year 2026
    """
    _show(ctx, json_, lambda led: led.payments(project_id=project, year=year,
                                               **_words(led, smederij=smederij)), "payments",
          wide)


@payment_app.command("reverse")
def payment_reverse(
    ctx: typer.Context,
    payment_id: Annotated[int, typer.Argument(metavar="ID", help="Payment id.")],
    reason: Annotated[str, typer.Option(help="Why the payment is reversed.")],
    date: DateOpt = None,
) -> None:
    """Book a reversing transaction for a payment (nothing is deleted).

    \b
    Example: smederij payment reverse 31 --reason 'dubbel geboekt'
    """
    from smederij_cli import render

    from smederij_cli.labels import say

    with ledger(ctx) as led:
        txn = led.reverse_payment(payment_id, reason, _date(date))
    render.message(say("cli_reversed", id=payment_id, txn=txn))


# -- interchange ------------------------------------------------------------------------------------

import_app = _group("import", "Read entries from files: payments from a CSV, a project "
                    "register from a spreadsheet.\n\n"
                    "\b\nExample: smederij import payments betalingen.csv --dry-run")


EXPORT_EXTENSIONS = {".journal": "hledger", ".hledger": "hledger", ".ledger": "hledger",
                     ".beancount": "beancount", ".csv": "csv"}


@app.command("export")
def export_(
    ctx: typer.Context,
    format: Annotated[str | None, typer.Option(
        "--format", help="hledger (also read by Ledger), beancount or csv (default: from the "
        "--output file's extension: .journal, .beancount, .csv).", show_default=False,
        autocompletion=tab.choices("hledger", "beancount", "csv"))] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: standard output).",
        show_default=False)] = None,
) -> None:
    """Export the whole ledger for hledger, Ledger, beancount or a spreadsheet.

    Every transaction with its date, description and postings in EUR. hledger and CSV use the
    ledger's own account names (funding:korte-klap, 2026:krakeel:korte-klap:available, ...);
    beancount gets them renamed to its rules (Equity:Funding:Korte-klap,
    Assets:2026:Krakeel:Korte-klap:Available, ...). CSV: one row per posting.

    \b
    Example: smederij export --format hledger --output smederij.journal && hledger -f smederij.journal bal
    """
    import io
    import os

    from smederij_cli.errors import InvalidInput
    from smederij_cli.files import open_output, resolve_output
    from smederij_cli.interchange import EXPORT_FORMATS, export

    from smederij_cli.labels import say

    format = _output_format(format, output, EXPORT_EXTENSIONS, None)
    if format is None:
        raise InvalidInput(say("cli_give_format", formats=", ".join(EXPORT_FORMATS)))
    if format not in EXPORT_FORMATS:
        raise InvalidInput(say("cli_unknown_export_format", text=repr(format),
                               formats=", ".join(EXPORT_FORMATS)))
    if output is not None:
        resolve_output(output, ctx.obj["db"], "--output")
    with ledger(ctx) as led:
        if output is None:
            out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
            try:
                export(led, format, out)
                out.flush()
            except BrokenPipeError:  # `smederij export ... | head`: the reader has had enough
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            finally:
                out.detach()
            return
        # A file is written beside the target and renamed: a reader never sees half a file.
        with open_output(output, ctx.obj["db"], "--output") as target:
            text = io.TextIOWrapper(target.file, encoding="utf-8", newline="")
            try:
                export(led, format, text)
                text.flush()
            finally:
                text.detach()


@import_app.command("projects")
def import_projects(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The project register: .xlsx (first sheet) or "
                                              ".csv with a header row.", show_default=False)],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check and book every row, then undo it all: say what would be "
                          "booked; write nothing.")] = False,
    year: Annotated[int | None, typer.Option(
        help="Only the rows of this year (to rebuild past years one at a time).",
        show_default=False)] = None,
    json_: Json = False,
) -> None:
    """Bring in a project register from a spreadsheet: every row booked through the ledger's
    own rules (approval commits, payments spend, completion releases), all or nothing.

    Columns (Dutch or English names, in any order; extra columns are ignored): Jaar, Smederij
    (code or name), Budgetsoort, Titel, Status (Dutch or English), Aangevraagd; and, when
    known, Thema, Toegekend (committed; default: what was requested), Betaald, Datum voorstel,
    Datum besluit, Datum betaling, Datum afronding (each in the row's year, in that order),
    Cofinanciering with Cofinancier, Steunbetuigers, Vrijwilligers. Every bad row is reported
    with its line and field, and then nothing is booked. A project already in the ledger (same
    year, Smederij and title) is skipped, so importing the same file twice books it once.
    'smederij import template' writes the workbook to fill in.

    \b
    Example: smederij import projects projecten-2025.xlsx --dry-run
    """
    from smederij_cli import render
    from smederij_cli.interchange import RowErrors
    from smederij_cli.project_import import import_projects as run, read_project_file

    register = read_project_file(file)
    with ledger(ctx) as led:
        lang = _lang(led)
        try:
            result = run(led, register, dry_run=dry_run, lang=lang, year=year)
        except RowErrors as e:
            _refuse_rows(e)
    if json_:
        render.print_json({"rows": result.rows, "imported": result.imported,
                           "already_imported": result.already, "statuses": result.statuses,
                           "committed_cents": result.committed_cents,
                           "paid_cents": result.paid_cents, "dry_run": result.dry_run})
        return
    from smederij_cli.labels import label, say

    counts = ", ".join(f"{n} {label(s, lang)}" for s, n in result.statuses.items())
    render.message(
        say("register_would_import" if dry_run else "register_imported", source=file,
            n=result.imported) + (f" ({counts})" if counts else "") + ", "
        + say("register_summary", committed=render.money(result.committed_cents, lang),
              paid=render.money(result.paid_cents, lang), already=result.already)
        + (f"; {say('dry_run_nothing')}" if dry_run else ""))


@import_app.command("template")
def import_template(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the workbook "
                                         "(.xlsx).", show_default=False)],
) -> None:
    """Write the workbook to fill in for 'smederij import projects'.

    Dutch headers, one example row (replace it), and drop-down lists of this ledger's
    Smederijen and streams, the statuses and the themes, so that the common typing errors
    cannot happen.

    \b
    Example: smederij import template --output projecten.xlsx
    """
    from smederij_cli import render
    from smederij_cli.labels import say
    from smederij_cli.project_import import write_template

    with ledger(ctx) as led:
        write_template(led, output)
    render.message(say("template_written", target=output))


@import_app.command("payments")
def import_payments(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="CSV with the columns project,date,amount,payee,"
                                              "reference (or project,datum,bedrag,begunstigde,"
                                              "kenmerk).", show_default=False)],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Check every row and say what would be booked; write nothing.")] = False,
    json_: Json = False,
) -> None:
    """Book the payments of a CSV file: every row checked first, then all booked, or none.

    Columns (header row required, separated by , or ;): project (id), date (YYYY-MM-DD or
    DD-MM-YYYY), amount (e.g. 1.250,00), payee, reference (invoice or bank reference, required).
    The Dutch names work too: project, datum, bedrag, begunstigde, kenmerk; amounts are read in
    the run's language (in Dutch 1.250 is a thousand two hundred and fifty euros).
    Every bad row is reported with its line number, and then nothing is booked. A reference that
    is already on a payment is skipped, so importing the same file twice books it once.

    \b
    Example: smederij import payments betalingen.csv --dry-run
    """
    from dataclasses import replace

    from smederij_cli import render
    from smederij_cli.interchange import RowErrors, import_payments as run, read_payment_file
    from smederij_cli.labels import say

    with ledger(ctx) as led:
        lang = _lang(led)
        payments = replace(read_payment_file(file), lang=lang)  # amounts in the run's language
        try:
            with render.progress(2 * len(payments.rows),
                                 say("render_progress_payments", lang)) as advance:
                result = run(led, payments, dry_run=dry_run, advance=advance)
        except RowErrors as e:
            _refuse_rows(e)
    if json_:
        render.print_json({"rows": result.rows, "booked": result.booked,
                           "already_booked": result.already_booked,
                           "total_cents": result.total_cents, "dry_run": result.dry_run,
                           "transactions": [result.txn_ids[0], result.txn_ids[-1]]
                           if result.txn_ids else None})
        return
    render.message("; ".join(
        [say("cli_payments_would_book" if dry_run else "cli_payments_booked", source=file,
             n=result.booked, total=render.money(result.total_cents, lang),
             already=result.already_booked)]
        + ([say("cli_transactions", first=result.txn_ids[0], last=result.txn_ids[-1])]
           if result.txn_ids else [])
        + ([say("dry_run_nothing")] if dry_run else [])))


from smederij_cli.cli_site import site as _site  # noqa: E402 (light: typer only)

app.command("site")(_site)
# 'smederij round ...' (smederij_cli.cli_rounds) is loaded when used: SmederijGroup.LAZY


def main() -> None:
    """The console script: standard output made safe for a stream that is not UTF-8 first, and
    a standard output that cannot be written (a full disk, ``> /dev/full``) one line on stderr
    and exit 1 at the end; a closed pipe (``| head``) stays quiet."""
    import errno

    from smederij_cli.text import legacy_output

    legacy_output()
    code: Any = 0
    try:
        click_command(app)()  # what app() runs, each command built only when it is used
    except SystemExit as e:
        code = e.code
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EPIPE):
            raise
        code = _stdout_failed(e) or code
    try:
        sys.stdout.flush()
    except OSError as e:
        code = _stdout_failed(e) or code
    if code == 0 or code is None:
        return
    sys.exit(code)


def _stdout_failed(error: OSError) -> int:
    """After a failed write to standard output: quiet for a closed pipe, else one line."""
    import errno
    import os

    try:  # what is still buffered cannot be written either: drop it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if error.errno == errno.EPIPE:
        return 0
    from smederij_cli import render
    from smederij_cli.files import os_reason
    from smederij_cli.labels import say

    render.error(say("cli_stdout_failed", why=os_reason(error)))
    return 1
