"""Publishing files atomically: readers see the old file or the new one, never a partial one.

``atomic_write`` publishes one file. A build publishes many: it ``stage``s each file as soon as
it is rendered (so it never holds them all in memory), then ``publish``es them all once every one
rendered, or ``discard``s the staged files when one failed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

# Published files are served by a web server that may run as another user.
FILE_MODE = 0o644


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder, fsync and os.replace."""
    path = Path(path)
    tmp_name = stage(path, data)
    try:
        publish(tmp_name, path)
    except BaseException:
        discard(tmp_name)
        raise
    fsync_dir(path.parent)


def stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temp file beside ``path``, fsynced and readable by others; its
    name, for ``publish`` (or ``discard``). Nothing is left behind if the write fails."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, FILE_MODE)
    except BaseException:
        discard(tmp_name)
        raise
    return tmp_name


def publish(tmp_name: str, path: Path) -> None:
    """Swap the staged file in: readers see the old file or the new one, never a partial one.
    Call ``fsync_dir`` on the folder afterwards to make the rename itself durable."""
    os.replace(tmp_name, path)


def discard(tmp_name: str) -> None:
    """Remove a staged file that will not be published (already gone is fine)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp_name)


def fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (e.g. Windows).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
