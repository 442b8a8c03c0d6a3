"""What an exception that escapes a command means for the user: one line and an exit status.

``ConfwatchError`` says it itself. Some failures of the machine are the user's to fix and get
exit status 2 with a line saying what to do: a damaged or newer database, a CONFWATCH_HOME that
cannot be written, a path longer than the system allows, a file that is missing or not allowed.
Anything else is unexpected: exit status 1, its type and first line. Every line, and the
traceback ``--debug`` prints, is masked for the configured secrets.
"""

from __future__ import annotations

import errno
import os
import traceback
from pathlib import Path

from confwatch.errors import ConfigError, ConfwatchError
from confwatch.scheduler.config import Settings
from confwatch.scheduler.database import explain_database_error, not_writable
from confwatch.scheduler.logs import mask, secret_spellings
from confwatch.scheduler.paths import shown

# A path the user gave (or CONFWATCH_HOME) is wrong: bad usage or configuration.
_USAGE = {
    errno.ENAMETOOLONG,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ELOOP,
}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}


def explain(exc: BaseException, settings: Settings | None) -> ConfwatchError | None:
    """The user's error for ``exc``, or None when it is unexpected."""
    if isinstance(exc, ConfwatchError):
        return exc
    if settings is not None:
        known = explain_database_error(settings, exc)
        if known is not None:
            return known
    if isinstance(exc, OSError) and exc.filename is not None:
        return _path_error(exc, settings)
    return None


def _path_error(exc: OSError, settings: Settings | None) -> ConfwatchError:
    path = os.fsdecode(exc.filename)
    reason = exc.strerror or type(exc).__name__
    if settings is not None and _inside(Path(path), settings.home):
        if exc.errno in _NOT_WRITABLE:
            return not_writable(settings, f"{reason}: {shown(path)}")
        if exc.errno == errno.ENAMETOOLONG:
            return ConfigError(f"CONFWATCH_HOME {shown(settings.home)}: {reason}")
    return ConfwatchError(f"{shown(path)}: {reason}", exit_code=2 if exc.errno in _USAGE else 1)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path == folder or path.is_relative_to(folder)
    except (OSError, ValueError):
        return False


def unexpected_line(exc: BaseException) -> str:
    first = (str(exc).splitlines() or [""])[0][:300]
    return f"unexpected {type(exc).__name__}: {first} (run with --debug for details)"


def masker(settings: Settings | None) -> list[str]:
    """Every spelling of every configured secret (nothing before the settings are read)."""
    return secret_spellings(settings.secrets()) if settings is not None else []


def traceback_text(exc: BaseException, spellings: list[str]) -> str:
    return mask("".join(traceback.format_exception(exc)), spellings).rstrip("\n")
