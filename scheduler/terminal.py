"""Text for a terminal: what a terminal would act on instead of showing, made visible.

Scraped text can hold an ESC (it starts a sequence that can clear the screen, set the window
title or hide text), a CR (it overwrites the line) or a bidi override (it reorders a title on
screen). Everything printed for people, command output and readable log lines alike, goes through
``terminal_text``. No dependencies: the crawl child's log formatter uses it too.
"""

from __future__ import annotations

import re

# What a terminal acts on rather than shows: C0 controls but tab and LF, DEL, C1 controls; the
# bidi embeddings, overrides and isolates; lone surrogates (they cannot even be encoded).
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def terminal_text(text: str) -> str:
    """``text`` safe to print to a terminal: control and bidi characters as visible escapes
    (ESC as ``\\x1b``, U+202E as ``\\u202e``, CR as ``\\r``); tab and newline kept."""
    return _TERMINAL_UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")
