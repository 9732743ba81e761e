"""Writing the site into a folder: idempotent, and only files whose bytes changed.

The folder belongs to the site: a list of the files smederij wrote (``.smederij-site``) is kept in
it, so that a page that is no longer made is removed, and a folder that holds files smederij did
not write is refused rather than mixed into. Each file is written whole or not at all (a
temporary file beside it, then renamed), so a web server never serves half a page.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from smederij_cli.errors import InvalidInput
from smederij_cli.files import os_reason
from smederij_cli.labels import say

MANIFEST = ".smederij-site"


@dataclass(frozen=True)
class Published:
    written: int
    unchanged: int
    removed: int


def publish(folder: Path, tree: dict[str, bytes]) -> Published:
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(say("file_site_is_file", folder=folder))
    manifest = folder / MANIFEST
    before: set[str] = set()
    if folder.is_dir():
        if manifest.is_file():
            before = {line for line in manifest.read_text("utf-8").splitlines() if line}
        elif any(folder.iterdir()):
            raise InvalidInput(say("file_site_not_ours", folder=folder))
    written = unchanged = removed = 0
    try:
        for name, content in sorted(tree.items()):
            path = folder / name
            if path.is_file() and path.stat().st_size == len(content) \
                    and path.read_bytes() == content:
                unchanged += 1
                continue
            _write(path, content)
            written += 1
        for name in sorted(before - set(tree)):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
                removed += 1
            _prune(folder, (folder / name).parent)
        listing = "".join(f"{name}\n" for name in sorted(tree)).encode("utf-8")
        if not (manifest.is_file() and manifest.read_bytes() == listing):
            _write(manifest, listing)
    except OSError as e:
        raise InvalidInput(say("file_site_cannot_write", folder=folder,
                               why=os_reason(e))) from None
    return Published(written, unchanged, removed)


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _prune(folder: Path, directory: Path) -> None:
    """Remove the folders a removed page leaves empty (never the site's own folder)."""
    while directory != folder and folder in directory.parents:
        try:
            directory.rmdir()
        except OSError:  # not empty (or not ours to remove): stop
            return
        directory = directory.parent
