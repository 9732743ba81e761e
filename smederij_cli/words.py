"""Their words: what people type for a Smederij, a stream, a status or a theme, read as its code.

Wherever the program shows a word, it accepts it back: a Smederij or stream by code or by name
("noordscheschut", "Noordscheschut", "korte klap"), a status or theme in Dutch or English
("goedgekeurd", "approved", "in uitvoering", "spelen"). Case, accents, spaces, hyphens and
underscores do not matter. An unknown word is refused with the closest matches (difflib), so a
typing error is answered with what was meant. Pure: the registry comes in as plain pairs.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

from smederij_cli import domain as d
from smederij_cli import labels
from smederij_cli.errors import InvalidInput, NotFound
from smederij_cli.labels import LANGUAGES, label, say

KINDS = ("smederij", "stream", "status", "theme")
_SPACES = re.compile(r"[\s\-_./]+")


def normalise(text: str) -> str:
    """``"  Grote-Kerk "`` -> ``"grote kerk"``: no accents, case folded, one space between."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", plain.casefold()).strip()


class Vocabulary:
    """The words of one kind: each code with the words that name it."""

    def __init__(self, kind: str, entries: Iterable[tuple[str, Iterable[str]]], *,
                 known_hint: str | None = None, error: type[Exception] = NotFound,
                 worded: bool = False) -> None:
        self.kind = kind
        self.worded = worded  # the choices named in the run's language (statuses, themes)
        self.error = error
        self.known_hint = known_hint
        self.codes: list[str] = []
        self.index: dict[str, str] = {}  # normalised word -> code
        self.shown: dict[str, str] = {}  # normalised word -> the word as written
        for code, names in entries:
            self.codes.append(code)
            for word in (*names, code):
                key = normalise(word)
                if key and key not in self.index:  # the first word wins: names before codes
                    self.index[key] = code
                    self.shown[key] = word

    def code(self, text: str | None) -> str | None:
        """The code ``text`` names (None stays None), or the error with the closest words."""
        if text is None:
            return None
        key = normalise(text)
        if key in self.index:
            return self.index[key]
        close = difflib.get_close_matches(key, list(self.index), n=6, cutoff=0.6)
        options: list[str] = []
        for match in close:  # one word per code: the closest
            if self.index[match] not in {self.index[normalise(o)] for o in options}:
                options.append(self.shown[match])
        what = say(f"kind_{self.kind}")
        if options:
            shown = f" {say('or')} ".join(options[:3])
            raise self.error(say("unknown_word_close", kind=what, text=repr(text),
                                 options=shown))
        if self.known_hint:
            raise self.error(say("unknown_word_see", kind=what, text=repr(text),
                                 where=self.known_hint))
        known = [label(c, labels.message_language) if self.worded else c for c in self.codes]
        raise self.error(say("unknown_word", kind=what, text=repr(text), known=", ".join(known)))


class Words:
    """Every kind of word of one ledger's registry, each read with ``Words.<kind>(text)``."""

    def __init__(self, smederijen: Sequence[tuple[str, str]], streams: Sequence[tuple[str, str]]
                 ) -> None:
        self.kinds = {
            "smederij": Vocabulary("smederij", ((c, [n]) for c, n in smederijen),
                                   known_hint="'smederij smederijen list'"),
            "stream": Vocabulary("stream", ((c, [n]) for c, n in streams)),
            "status": Vocabulary("status", _labelled(d.STATUSES), error=InvalidInput,
                                 worded=True),
            "theme": Vocabulary("theme", _labelled(d.ALL_THEMES), error=InvalidInput,
                                worded=True),
        }

    def smederij(self, text: str | None) -> str | None:
        return self.kinds["smederij"].code(text)

    def stream(self, text: str | None) -> str | None:
        return self.kinds["stream"].code(text)

    def status(self, text: str | None) -> str | None:
        return self.kinds["status"].code(text)

    def theme(self, text: str | None) -> str | None:
        return self.kinds["theme"].code(text)

    def read(self, kind: str, text: str | None) -> str | None:
        return self.kinds[kind].code(text)


def _labelled(codes: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Codes with their words in every language (``in_progress``: in uitvoering, in progress)."""
    return [(code, [label(code, lang) for lang in LANGUAGES]) for code in codes]
