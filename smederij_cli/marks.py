"""When the things that change nothing last happened (a backup, a successful check), for
``smederij status``.

Kept beside the ledger, in ``<ledger>.marks.json``, never in it: a reading command leaves the
ledger byte for byte as it was (README: "reading commands add nothing"). A mark is a
convenience, never a failure: a folder that cannot be written, or a file that is damaged,
too large or not ours, simply means no mark.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
from pathlib import Path

MAX_BYTES = 64 * 1024


def path_for(ledger: Path) -> Path:
    return ledger.with_name(ledger.name + ".marks.json")


def read(ledger: Path) -> dict[str, dict]:
    """{name: {"at": UTC time, "detail": text}}; empty when there are none (or none readable)."""
    path = path_for(Path(ledger))
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {name: {"at": str(m.get("at")), "detail": str(m.get("detail", ""))}
            for name, m in data.items() if isinstance(m, dict) and m.get("at")}


def record(ledger: Path, name: str, detail: str = "") -> bool:
    """Note that ``name`` happened now; False when it could not be noted."""
    path = path_for(Path(ledger))
    marks = read(ledger)
    marks[name] = {"at": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
                   "detail": detail}
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(marks, indent=1, sort_keys=True) + "\n", "utf-8")
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    return True
