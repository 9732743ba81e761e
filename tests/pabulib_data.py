"""Where the shared pabulib oracle data lives, for the idea-round tests.

CI lays a copy of shared/ beside the clone (``../shared/`` from the repository root, so
``Path(__file__).parents[2]/"shared"``); a developer's worktree may sit one folder deeper, so the
folders above are tried as well. Tests that need the data skip with a clear reason without it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve()
CANDIDATES = [_HERE.parents[2] / "shared" / "data" / "pabulib"] + [
    parent / "shared" / "data" / "pabulib" for parent in _HERE.parents[3:5]]
DATA = next((p for p in CANDIDATES if (p / "expected_winners.json").is_file()), None)

needs_data = pytest.mark.skipif(
    DATA is None, reason="shared/data/pabulib not found beside the repository "
    f"(looked in {', '.join(str(p) for p in CANDIDATES)})")


def pb_files() -> list[Path]:
    return sorted(DATA.glob("*.pb")) if DATA else []


def expected() -> list[dict]:
    if DATA is None:
        return []
    return json.loads((DATA / "expected_winners.json").read_text(encoding="utf-8"))["files"]
