"""How a path appears in a one-line message, and whether confwatch may write to a folder.

A path the system refused as too long can be thousands of characters: messages show its start
and end and say how long it is, so the one line stays readable.
"""

from __future__ import annotations

import os
from pathlib import Path

_HEAD, _TAIL = 80, 40


def shown(path: str | os.PathLike[str] | bytes) -> str:
    text = os.fsdecode(path)
    if len(text) <= _HEAD + _TAIL + 20:
        return text
    return f"{text[:_HEAD]}…{text[-_TAIL:]} ({len(text):,} characters)"


def writable(folder: Path, *files: Path) -> bool:
    """True when this process may create files in ``folder`` and write the existing ``files``
    (``access`` answers for read-only mounts too, where even root cannot write)."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return all(os.access(f, os.W_OK) for f in files if f.exists())
