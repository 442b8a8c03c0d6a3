"""Title case: how English names, and headings set above a paragraph, are written.

One word list and one measure for both readers that ask it: ``extract`` (short title-case lines
heading a hard-wrapped paragraph) and ``headings`` (a heading written as a name, not a headline).
"""

from __future__ import annotations

import re

# Words a title leaves in lower case ("Countering Terrorism through Dialogue in the Region").
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "and/or",
        "against",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "its",
        "lead",
        "leads",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "through",
        "to",
        "with",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def title_words(text: str) -> list[str]:
    """The words of ``text`` a title would capitalise (small words left out)."""
    return [w for w in _WORD.findall(text) if w.lower() not in SMALL_WORDS]


def mostly_capitalised(words: list[str]) -> bool:
    """At least three quarters of ``words`` start with a capital (True for no words)."""
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)
