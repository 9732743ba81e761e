"""Text a person types, and text on its way to a terminal or a file that is not UTF-8.

- ``CONTROL`` is what no typed text may hold: C0 controls (line breaks, tabs, escape), DEL, C1
  controls (U+0080-U+009F, e.g. U+0085 next line, U+009B a terminal's escape) and the
  bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make a text show
  in another order than it is stored ("Trojan source"). ``refuse_controls`` refuses them, for
  every reader of typed text: the command line (``ledger.clean_text``), the registry YAML and the
  payments CSV.
- ``escape`` shows such characters, where older text still holds them, as ``\\x85``/``\\u202e``.
- ``legacy_output`` makes standard output and error safe for a stream that is not UTF-8 (a
  Windows code page, ``PYTHONIOENCODING=cp1252``): ``€`` becomes ``EUR``, box drawing becomes
  ASCII, and what the code page cannot hold is replaced; never a UnicodeEncodeError.
"""

from __future__ import annotations

import codecs
import io
import re
import sys

from smederij_cli.errors import InvalidInput
from smederij_cli.labels import say

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def refuse_controls(text: str, what: str) -> str:
    """``text`` as it is, or one InvalidInput naming the first control character in it."""
    found = CONTROL.search(text)
    if found:
        raise InvalidInput(say("file_control", what=what, code=f"U+{ord(found.group()):04X}",
                               at=found.start() + 1))
    return text


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with each control character written as an escape: safe to show on one line."""
    return CONTROL.sub(_escaped, text) if CONTROL.search(text) else text


def refuse_undecodable(args: list[str]) -> None:
    """Arguments that were not valid UTF-8 (Python keeps their bytes as lone surrogates):
    one InvalidInput naming the option they were given to."""
    for i, arg in enumerate(args):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            name, _, _ = arg.partition("=")
            if arg.startswith("--") and "=" in arg and name.isascii():
                what = name
            elif i and args[i - 1].startswith("-") and args[i - 1].isascii():
                what = args[i - 1]
            else:
                what = say("file_argument", n=i + 1)
            raise InvalidInput(say("file_not_utf8", what=what)) from None


# -- output to a stream that is not UTF-8 ----------------------------------------------------------

# What a code page without these characters gets instead (rich's tables are drawn in ASCII by
# rich itself when the stream is not UTF-8; the lean tables and messages come here).
ASCII = {"€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...",
         "·": "-", "✓": "v", "✗": "x", "•": "*", "→": "->", "←": "<-", "≤": "<=", "≥": ">="}
BOX_LINES = {**dict.fromkeys("─━┄┅┈┉═╌╍╴╶╸╺", "-"), **dict.fromkeys("│┃┆┇┊┋║╎╏╵╷╹╻", "|")}
ERRORS = "smederij-ascii"


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    out = []
    for char in error.object[error.start:error.end]:
        plain = ASCII.get(char)
        if plain is None and "\u2500" <= char <= "\u257f":  # box drawing: corners, joints
            plain = BOX_LINES.get(char, "+")
        if plain is None:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        out.append(plain or "?")
    return "".join(out), error.end


class _LegacyText(io.TextIOWrapper):
    """A text stream in a code page that is not UTF-8: money as EUR, the rest as near as the
    code page allows."""

    def write(self, text: str) -> int:
        super().write(text.replace("€", "EUR"))
        return len(text)


def is_utf8(stream: object) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig", "cp65001")


def legacy_output() -> None:
    """Rewrap standard output and error when they are not UTF-8 (cheap when they are)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or is_utf8(stream) or not hasattr(stream, "buffer"):
            continue
        if name == "stdout":
            from smederij_cli import money

            money.EURO = "EUR"
        codecs.register_error(ERRORS, _ascii_fallback)
        stream.flush()
        wrapped = _LegacyText(stream.buffer, encoding=stream.encoding, errors=ERRORS,
                              newline=None, line_buffering=stream.line_buffering,
                              write_through=getattr(stream, "write_through", False))
        stream.detach()
        setattr(sys, name, wrapped)
