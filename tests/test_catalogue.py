"""One catalogue of words (labels.py), both languages for every message, and no message that
escapes it (issue 15, section 1: one language per run)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from smederij_cli import labels

PACKAGE = Path(labels.__file__).parent
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
ERRORS = {"SmederijError", "InvalidInput", "ConfigError", "NotFound", "NotAllowed",
          "InsufficientFunds", "LedgerFileError"}
# Calls whose text a person reads: a literal sentence there is a sentence in one language only.
SPOKEN = {"message", "error", "note", "echo"}

# Modules whose sentences are still written in English in the code; each part of issue 15's
# sweep takes its modules out of this set. It must end empty.
NOT_YET: set[str] = set()


def _fields(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)", text))


@pytest.mark.parametrize("key", sorted(labels._MESSAGES))
def test_every_message_has_both_languages_with_the_same_blanks(key):
    nl, en = labels._MESSAGES[key]
    assert nl.strip() and en.strip(), key
    assert _fields(nl) == _fields(en), key
    assert nl == nl.strip() and en == en.strip(), "no leading or trailing spaces"


def test_every_label_has_both_languages():
    nl, en = labels._LABELS["nl"], labels._LABELS["en"]
    assert set(en) <= set(nl), set(en) - set(nl)
    # English shows a status or theme by its code ("in_progress" as "in progress")
    from smederij_cli.domain import ALL_THEMES, STATUSES

    codes = {*STATUSES, *ALL_THEMES, "none"}
    assert set(nl) - set(en) <= codes, set(nl) - set(en) - codes
    for key in en:
        assert _fields(nl[key]) == _fields(en[key]), key


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in MODULES)


def test_every_message_said_is_in_the_catalogue():
    said = set(re.findall(r"\b(?:say|note)\(\s*\"(\w+)\"", _source()))
    assert said, "the scan found no say() calls"
    assert said <= set(labels._MESSAGES), said - set(labels._MESSAGES)


def test_no_message_is_dead():
    source = _source().replace(Path(labels.__file__).read_text(encoding="utf-8"), "")
    quoted = set(re.findall(r"\"(\w+)\"", source)) | set(re.findall(r"'(\w+)'", source))
    prefixes = set(re.findall(r"f\"(\w+)_\{", source)) | set(re.findall(r"\"(\w+_)\" \+", source))
    dead = {key for key in labels._MESSAGES
            if key not in quoted and not any(key.startswith(p + "_") or key.startswith(p)
                                             for p in prefixes)}
    assert not dead, f"messages no code says: {sorted(dead)}"


def _literal(node: ast.AST) -> bool:
    """A sentence written in the code: a string or f-string with a letter in its fixed part."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_literal(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


def _key(node: ast.AST) -> bool:
    """A catalogue key (an audit note's: ``store.note("log_approved", ...)``), not a sentence."""
    return isinstance(node, ast.Constant) and node.value in labels._MESSAGES


def literal_sentences(path: Path) -> list[str]:
    """Each place in ``path`` that raises a user's error, or says something, in words written
    in the code rather than taken from the catalogue."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        call = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id in ERRORS:
                call = node.exc
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in SPOKEN:
            call = node
        if call is not None and call.args and _literal(call.args[0]) \
                and not _key(call.args[0]):
            found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_sentence_is_written_outside_the_catalogue(path):
    if str(path.relative_to(PACKAGE)) in NOT_YET:
        pytest.skip("issue 15 sweep: still to do")
    assert literal_sentences(path) == []


def test_the_sweep_is_finished():
    assert not NOT_YET, "modules still to take out of NOT_YET"
