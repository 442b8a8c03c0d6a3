"""Regular expressions compiled once per installation instead of once per process.

CPython's ``re`` compiles a pattern in pure Python (``re._parser`` parses it, ``re._compiler``
turns the tree into a list of integers) and only then hands that program to ``_sre.compile``.
The lexicon's alternations are tens of thousands of characters each: in a fresh process they
cost about 1.5 s of CPU over its first pages, and every crawl is a fresh process. The program
depends only on the pattern, the flags and the Python build, so ``compiled()`` keeps it in one
``marshal`` file in the home's cache folder beside the gazetteer (``use_cache_dir``) and gives
it back to ``_sre.compile``, which checks it (``invalid SRE code``) before it makes the very
pattern ``re.compile`` would have made (decision 0022).

- The file is stamped with the exact Python version and ``_sre``'s magic number, code size and
  limits, and its programs carry a CRC-32 (``_sre`` checks a program's structure, not that it is
  the pattern's: a flipped bit could make another valid one); a file from another build, a
  damaged one, or an entry ``_sre`` refuses is ignored and the pattern compiled by ``re`` as
  usual. The file is rewritten when the process exits, with
  what it compiled afresh; a folder that may not be written (a read-only home) is only read.
- Without a cache folder, on another implementation or version, or for bytes, ``DEBUG`` and
  ``TEMPLATE``, ``compiled()`` is ``re.compile``.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # CPython's regex engine has no stubs
import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path
from typing import Any

_FORMAT = 1
_FILE = f"patterns.v{_FORMAT}.marshal"
_MAX_ENTRIES = 20_000  # past this, a rewrite keeps only what its own process used
_CODE = "I" if array("I").itemsize == _sre.CODESIZE else "L"
# The steps of ``re._compiler.compile`` that run in Python, checked line by line for these
# versions (decision 0022); on any other, ``compiled`` is ``re.compile``.
_CHECKED = sys.implementation.name == "cpython" and sys.version_info[:2] in {
    (3, 11),
    (3, 12),
    (3, 13),
}
_STAMP = (
    _FORMAT,
    sys.version,
    sys.implementation.cache_tag,
    _sre.MAGIC,
    _sre.CODESIZE,
    _sre.MAXREPEAT,
    _sre.MAXGROUPS,
)
_PLAIN_ONLY = re.DEBUG | getattr(re, "TEMPLATE", 0)  # printed, or deprecated and warned of

_Key = tuple[str, int]
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_folder: Path | None = None
_write = False
_known: dict[_Key, _Entry] | None = None  # the file's programs, read on first need
_used: set[_Key] = set()
_new: dict[_Key, _Entry] = {}
_saving = False


def use_cache_dir(folder: Path | None, *, write: bool = True) -> None:
    """Keep compiled programs in ``folder`` (None: compile in memory only); ``write=False``
    only reads a file already there."""
    global _folder, _write, _known, _saving
    _folder, _write, _known = folder, write and folder is not None, None
    _used.clear()
    _new.clear()
    if _write and not _saving:
        atexit.register(save)
        _saving = True


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache folder's program when it holds one."""
    flags = int(flags)
    if _folder is None or not _CHECKED or not isinstance(pattern, str) or flags & _PLAIN_ONLY:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _programs().get(key)
    if entry is not None:
        try:
            found = _from_entry(pattern, entry)
        except Exception:
            pass
        else:
            _used.add(key)
            return found
    try:
        entry = _program(pattern, flags)
        made = _from_entry(pattern, entry)
    except Exception:
        return re.compile(pattern, flags)
    _new[key] = entry
    return made


def save() -> None:
    """Write the programs this process compiled afresh, merged with the file's (another process
    may have written it meanwhile); nothing when there are none or the folder is not writable."""
    if not _write or not _new or _folder is None:
        return
    path = _folder / _FILE
    merged = {**_read(path), **_new}
    if len(merged) > _MAX_ENTRIES:
        merged = {key: merged[key] for key in _used | set(_new) if key in merged}
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        _folder.mkdir(parents=True, exist_ok=True)
        payload = marshal.dumps(merged)
        temp.write_bytes(marshal.dumps((_STAMP, zlib.crc32(payload), payload)))
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()
        return
    _new.clear()


def _programs() -> dict[_Key, _Entry]:
    global _known
    if _known is None:
        _known = _read(_folder / _FILE) if _folder is not None else {}
    return _known


def _read(path: Path) -> dict[_Key, _Entry]:
    """The programs a cache file holds; empty for a missing, damaged or foreign file."""
    try:
        stamp, checksum, payload = marshal.loads(path.read_bytes())
        if stamp != _STAMP or zlib.crc32(payload) != checksum:
            return {}
        entries = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _program(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, the code packed as bytes."""
    parser: Any = re._parser  # type: ignore[attr-defined]
    compiler: Any = re._compiler  # type: ignore[attr-defined]
    tree = parser.parse(pattern, flags)
    code = compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    packed = array(_CODE, code).tobytes()
    return flags | tree.state.flags, packed, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _from_entry(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, packed, groups, groupindex, indexgroup = entry
    code = array(_CODE)
    code.frombytes(packed)
    made: re.Pattern[str] = _sre.compile(
        pattern, final_flags, code.tolist(), groups, dict(groupindex), tuple(indexgroup)
    )
    return made
