"""One line on a terminal, redrawn in place under the log lines: a crawl's live progress.

The cursor rests at the end of the shown line, so a log line written meanwhile would land on it:
``write_above`` erases the line, writes the log line and draws the line again (what tqdm's
``write`` does). The text is the caller's to fit to ``terminal_width``: a line that wraps can no
longer be erased with one carriage return. No dependencies: the logging setup imports it.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TextIO

ERASE = "\r\033[K"  # back to the line's start, erase to its end


def terminal_width(stream: TextIO, default: int = 80) -> int:
    """Columns of the terminal ``stream`` writes to (``COLUMNS`` wins, as for ``shutil``)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or default
    except (OSError, ValueError, AttributeError):
        return default


class LiveLine:
    def __init__(self) -> None:
        self.text = ""
        self._lock = threading.RLock()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    def show(self, text: str) -> None:
        with self._lock:
            self.stream.write(ERASE + text)
            self.stream.flush()
            self.text = text

    def clear(self) -> None:
        """Erase the line; what is written next starts on a clean line."""
        with self._lock:
            if self.text:
                self.stream.write(ERASE)
                self.stream.flush()
                self.text = ""

    def write_above(self, line: str, stream: TextIO) -> None:
        """Write ``line`` (and a newline) to ``stream``, keeping the live line under it."""
        with self._lock:
            live = bool(self.text) and stream is self.stream
            if live:
                stream.write(ERASE)
            stream.write(line + "\n")
            if live:
                stream.write(self.text)
            stream.flush()


LIVE = LiveLine()  # the one live line of this process, on stderr
