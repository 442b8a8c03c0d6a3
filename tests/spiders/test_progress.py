"""The live progress line of a crawl on a terminal: it fits the terminal's width, whatever the
number of sources, so it never wraps (a wrapped line cannot be redrawn in place)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
import threading
from pathlib import Path

from confwatch.spiders.context import CrawlContext
from confwatch.spiders.progress import Progress
from confwatch.spiders.sources import CrawlSettings
from tests.conftest import REPO, ReplaySite


def busy_context(sources: int) -> CrawlContext:
    ctx = CrawlContext(store=None, crawl=CrawlSettings(), sources={})  # type: ignore[arg-type]
    for i in range(sources):
        p = ctx.of(f"ministry-of-foreign-affairs-{i}")
        p.pages, p.not_modified, p.items, p.new, p.changed, p.errors = 1234, 567, 89, 12, 3, 4
    return ctx


def test_progress_line_of_many_sources_fits_an_80_column_terminal() -> None:
    line = Progress(busy_context(20)).line(width=80)
    assert 0 < len(line) < 80
    assert "20 sources" in line


def test_progress_line_keeps_the_totals_on_a_narrow_terminal() -> None:
    line = Progress(busy_context(3)).line(width=40)
    assert len(line) < 40
    assert "pages" in line


def _read_all(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            return
        if not chunk:
            return
        into.append(chunk)


def test_crawl_progress_on_an_80_column_terminal_never_draws_past_the_edge(
    home: Path, replay_site: ReplaySite
) -> None:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {
        "PATH": "/usr/bin:/bin",
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_REPLAY_URL": replay_site.url,
        "CONFWATCH_DOWNLOAD_DELAY": "0",
        "TERM": "xterm",
    }
    proc = subprocess.Popen(
        [str(REPO / ".venv/bin/confwatch"), "crawl", "--no-feeds"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(master, chunks), daemon=True)
    reader.start()
    proc.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    # A redraw is CR, erase-line, then the line; a log line written meanwhile erases it first
    # and draws it again after its own newline.
    drawn = [seg.rsplit("\n", 1)[-1] for seg in screen.split("\r\x1b[K")[1:]]
    drawn = [d for d in drawn if d.strip()]
    assert drawn, screen[-2000:]
    assert max(len(d) for d in drawn) < 80, max(drawn, key=len)
    # What stays on screen of each line is what follows its last CR: a log line never lands
    # at the end of a progress line.
    lines = screen.replace("\r\n", "\n").split("\n")  # the terminal sends CR LF for LF
    visible = [line.replace("\x1b[K", "").rsplit("\r", 1)[-1] for line in lines]
    logged = [v for v in visible if re.search(r" (INFO|WARNING|ERROR) ", v)]
    assert logged, screen[-2000:]
    assert all(re.match(r"\d\d:\d\d:\d\d ", v) for v in logged), [
        v for v in logged if not re.match(r"\d\d:\d\d:\d\d ", v)
    ][:3]
