"""Atomic file replacement: a reader of the path sees the old bytes or the new, never a mix.

The steps are the ones SQLite and QSaveFile rely on: write a temporary file in the same
folder, fsync it, ``os.replace`` it over the target, then fsync the folder so the rename
itself survives a power cut.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

TEMP_MARK = ".tmp-"
"""Temporary files are named ``<target>.tmp-<pid>-<n>``, so strays can be found and removed."""

_counter = 0


def temp_path(target: Path) -> Path:
    global _counter
    _counter += 1
    return target.with_name(f"{target.name}{TEMP_MARK}{os.getpid()}-{_counter}")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
        # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data``; on any failure the target is untouched and no temp remains."""
    tmp = temp_path(target)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(target.parent)


def remove_stray_temps(target: Path) -> list[Path]:
    """Delete temporary files left beside ``target`` by a writer that died; call under the write lock."""
    removed = []
    for stray in target.parent.glob(f"{target.name}{TEMP_MARK}*"):
        try:
            stray.unlink()
            removed.append(stray)
        except OSError:
            pass
    return removed
