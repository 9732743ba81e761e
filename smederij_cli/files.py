"""Which files smederij may read and write, decided in one place.

- ``ledger_path``: what ``--db`` / ``SMEDERIJ_DB`` names (``~`` is the home folder; an SQLite
  ``file:`` URI is refused).
- ``network_location``: whether a ledger lies on a network file system (NFS, SMB/CIFS, sshfs,
  ...; a UNC path on Windows), where SQLite's WAL mode and locking cannot be trusted.
- ``open_output``: where a report, an export or a backup goes. The target is resolved first
  (symlinks, hard links, ``..``); the ledger, its ``-wal``/``-shm``/``-journal`` files and any
  other SQLite database are refused; ``-`` is standard output; a FIFO or character device is
  written through as a stream; a regular file is written whole or not at all (a temporary file
  beside it, then renamed over it), and a symlink keeps being a link to the new content.

No SQL and no printing here; everything refused is one ``InvalidInput`` line. Only the standard
library's cheapest modules are imported: this runs on every command's start.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from smederij_cli.errors import InvalidInput, LedgerFileError
from smederij_cli.labels import say

SQLITE_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")  # the first bytes of an SQLite -wal file
LEDGER_SIDE_FILES = ("-wal", "-shm", "-journal")
MOUNTINFO = "/proc/self/mountinfo"
# File system types (as /proc/self/mountinfo names them) on which SQLite's locking and WAL mode
# are unreliable or do not work: network and cluster-over-network file systems, FUSE mounts of
# remote storage, and 9p (WSL's Windows drives, virtual machines' shared folders).
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph",
    "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "sshfs", "fuse.sshfs", "fuse.rclone",
    "fuse.s3fs", "fuse.gcsfuse", "fuse.davfs2", "fuse.glusterfs", "fuse.cephfs", "fuse.smbnetfs",
    "fuse.curlftpfs", "fuse.gvfsd-fuse", "fuse.juicefs", "fuse.goofys", "fuse.mergerfs.remote",
})


# Why the system refused a file, in the run's language (the OS's own words otherwise).
_OS_REASONS = {errno.EACCES: "file_os_denied", errno.EPERM: "file_os_denied",
               errno.ENOSPC: "file_os_full", errno.EROFS: "file_os_read_only",
               errno.ENOENT: "file_os_missing", errno.ENOTDIR: "file_os_not_folder",
               errno.EISDIR: "file_os_folder", getattr(errno, "EDQUOT", -1): "file_os_quota"}


def os_reason(error: OSError) -> str:
    """What went wrong with a file, as a person reads it: "geen toestemming" in Dutch."""
    key = _OS_REASONS.get(error.errno)  # type: ignore[arg-type]
    return say(key) if key else (error.strerror or str(error))


# -- the ledger's own path -------------------------------------------------------------------------


def ledger_path(value: str | os.PathLike[str]) -> Path:
    """``--db`` / ``SMEDERIJ_DB`` as a path: ``~`` expanded; an SQLite URI refused."""
    text = os.fspath(value)
    if text.lower().startswith("file:"):
        raise InvalidInput(say("file_db_uri", text=text))
    if not text.strip():
        raise InvalidInput(say("file_db_empty"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # SMEDERIJ_DB with bytes that are not UTF-8
        raise InvalidInput(say("file_db_not_utf8")) from None
    return Path(text).expanduser()


def is_unc(text: str) -> bool:
    """Whether a Windows path names a network share: \\\\server\\share\\..., also written with
    slashes or as \\\\?\\UNC\\server\\share (but not a local \\\\?\\C:\\ or \\\\.\\ device)."""
    text = text.replace("/", "\\")
    if text.upper().startswith("\\\\?\\UNC\\"):
        return True
    return text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape_mount(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def network_fs(path: str, mountinfo: str) -> str | None:
    """The network file system type that holds the absolute, resolved ``path``, read from the
    text of /proc/self/mountinfo (the last mount on the longest matching mount point wins), or
    None when it is a local one."""
    best, kind = "", None
    for line in mountinfo.splitlines():
        fields = line.split(" ")
        try:
            separator = fields.index("-", 6)
            mount, fstype = _unescape_mount(fields[4]), fields[separator + 1]
        except (ValueError, IndexError):
            continue
        inside = path == mount or path.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, kind = mount, fstype
    if kind is None:
        return None
    base = kind.split(".", 1)[0]
    return kind if kind in NETWORK_FS or base in ("nfs", "nfs4", "cifs", "smb3") else None


def network_location(path: Path) -> str | None:
    """What makes ``path`` a network location ("nfs4", "a UNC path"), or None if it is local."""
    if os.name == "nt":
        return say("file_unc") if is_unc(os.path.abspath(path)) else None
    try:
        with open(MOUNTINFO, encoding="utf-8", errors="surrogateescape") as f:
            table = f.read()
    except OSError:  # no /proc (macOS, BSD): nothing to tell
        return None
    return network_fs(os.path.realpath(path), table)


def refuse_network(path: Path) -> None:
    """Refuse to write a ledger that lies on a network file system."""
    kind = network_location(path)
    if kind:
        raise LedgerFileError(say("file_network", path=path, kind=kind))


# -- where output goes -----------------------------------------------------------------------------


def file_kind(path: Path) -> str:
    """'sqlite' (an SQLite database or -wal file), 'empty', or 'other', from the first bytes."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError:
        return "other"
    if not head:
        return "empty"
    return "sqlite" if head == SQLITE_HEADER or head[:4] in WAL_MAGIC else "other"


def _ledger_files(ledger: Path | None) -> tuple[dict[str, str], dict[tuple[int, int], str]]:
    """The names the ledger and its side files have (as given and resolved), and the (device,
    inode) of those that exist (a hard link has another name but the same inode), each with
    what it is: "the ledger itself", "the ledger's -wal file", ..."""
    names: dict[str, str] = {}
    ids: dict[tuple[int, int], str] = {}
    if ledger is None:
        return names, ids
    for base in {os.path.abspath(ledger), os.path.realpath(ledger)}:
        for suffix in ("", *LEDGER_SIDE_FILES):
            which = (say("file_the_side_file", suffix=suffix) if suffix
                     else say("file_the_ledger"))
            for name in (base + suffix, os.path.realpath(base + suffix)):
                names[name] = which
                with contextlib.suppress(OSError):
                    st = os.stat(name)
                    ids[(st.st_dev, st.st_ino)] = which
    return names, ids


class Output:
    """An open output: ``file`` to write bytes to. ``path`` is the temporary file that will
    replace the target (None for a stream: standard output, a pipe, a device). A plain class,
    not a dataclass: this module is imported on every start, and a dataclass costs ~1 ms."""

    __slots__ = ("file", "path", "target", "stream")

    def __init__(self, file: BinaryIO, path: Path | None, target: Path, stream: bool) -> None:
        self.file, self.path, self.target, self.stream = file, path, target, stream


def resolve_output(target: Path, ledger: Path | None, what: str, *,
                   may_replace: Callable[[Path], bool] | None = None) -> tuple[str, Path]:
    """Decide how ``target`` may be written: ('stdout' | 'stream' | 'file', resolved path).
    Refuses the ledger and its side files (by name, through links, and by inode), any SQLite
    database (unless ``may_replace`` accepts it), folders, sockets and block devices."""
    text = os.fspath(target)
    if text == "-":
        return "stdout", target
    real = Path(os.path.realpath(target))
    try:
        st: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise InvalidInput(say("file_cannot_write", what=what, target=target,
                                       why=os_reason(e))) from None
    names, ids = _ledger_files(ledger)
    which = names.get(str(real)) or (ids.get((st.st_dev, st.st_ino)) if st else None)
    if which:
        raise InvalidInput(say("file_output_ledger", what=what, target=target, which=which,
                               ledger=ledger))
    if st is None:
        if not real.parent.is_dir():
            raise InvalidInput(say("file_no_folder", what=what, target=target,
                                   folder=real.parent))
        return "file", real
    if stat.S_ISDIR(st.st_mode):
        raise InvalidInput(say("file_output_folder", what=what, target=target))
    if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
        return "stream", real
    if not stat.S_ISREG(st.st_mode):
        raise InvalidInput(say("file_output_special", what=what, target=target))
    if file_kind(real) == "sqlite" and not (may_replace and may_replace(real)):
        raise InvalidInput(say("file_output_sqlite", what=what, target=target))
    return "file", real


@contextlib.contextmanager
def open_output(target: Path, ledger: Path | None, what: str = "--output", *,
                may_replace: Callable[[Path], bool] | None = None,
                mode: int | None = None) -> Iterator[Output]:
    """Write to ``target`` (see ``resolve_output``). For a regular file, whatever is written
    replaces the target only when the block ends without an error; otherwise the target is left
    as it was. The new file gets ``mode``, else the target's permissions (a new one the usual
    ones). A closed pipe on standard output ends the writing quietly."""
    kind, real = resolve_output(target, ledger, what, may_replace=may_replace)
    if kind == "stdout":
        with contextlib.suppress(BrokenPipeError):
            sys.stdout.flush()
        try:
            yield Output(sys.stdout.buffer, None, target, True)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # `smederij ... | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as e:
            raise InvalidInput(say("file_stdout", why=os_reason(e))) from None
        return
    if kind == "stream":
        try:
            fd = os.open(real, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        except OSError as e:
            raise InvalidInput(say("file_cannot_write", what=what, target=target,
                                           why=os_reason(e))) from None
        try:
            with os.fdopen(fd, "wb") as f:
                yield Output(f, None, target, True)
        except BrokenPipeError:
            pass
        except OSError as e:
            raise InvalidInput(say("file_cannot_write", what=what, target=target,
                                           why=os_reason(e))) from None
        return
    import tempfile

    try:
        fd, name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as e:
        raise InvalidInput(say("file_cannot_write", what=what, target=target,
                                       why=os_reason(e))) from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            yield Output(f, temporary, target, False)
        if mode is None:
            try:
                mode = stat.S_IMODE(os.stat(real).st_mode)
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException as e:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(e, OSError):
            raise InvalidInput(say("file_cannot_write", what=what, target=target,
                                           why=os_reason(e))) from None
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
