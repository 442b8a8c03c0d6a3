"""A body the page writes in lower case ("organisé par le centre mauritanien de recherches",
"the national coordination unit for preventing violent extremism organized"): its head words
capitalised, so that the list readers, which take a name by its capitals, can read it.

Only where a role already says a body comes (after a strong role phrase, before an organising
verb), and only for a name that goes on past its organisation word: "organised by the
university" names no one in particular.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from confwatch.spiders.normalise.organiser_catalogue import is_org_word

__all__ = ["capitalised_head", "lowercase_names"]


_ARTICLE = re.compile(r"^\s*(?:(?:the|le|la|les|el|il|lo|der|die|das)\s+|l['’]\s*)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# How many lower-case words may stand before the organisation word: "national coordination unit".
_MAX_BEFORE = 2


def capitalised_head(text: str) -> str | None:
    """``text`` with the lower-case words opening it after its article, up to and including the
    organisation word, capitalised; None when it opens otherwise. The organisation word must
    have a word before it ("national ... unit") or a lower-case word after it ("centre
    mauritanien", "unit for ..."): a bare "the centre" is a reference, not a name."""
    article = _ARTICLE.match(text)
    if article is None:
        return None
    at = article.end()
    words: list[re.Match[str]] = []
    for _ in range(_MAX_BEFORE + 1):
        m = _WORD.match(text, at)
        if m is None or not m.group(0)[0].islower():
            return None
        words.append(m)
        if is_org_word(m.group(0)):
            break
        at = m.end()
        if not text[at : at + 1].isspace():
            return None
        at += len(text[at:]) - len(text[at:].lstrip())
    else:
        return None
    after = _WORD.match(text[words[-1].end() :].lstrip())
    if after is not None and after.group(0)[0].isupper():
        return None  # "the dutch project Extreme Beliefs": a description, then the name
    if len(words) == 1 and after is None:
        return None
    out = text
    for m in reversed(words):
        out = out[: m.start()] + m.group(0)[0].upper() + out[m.start() + 1 :]
    return out


def _written(text: str) -> str:
    """The head as the text writes it: its words up to the first after the organisation word."""
    head = _ARTICLE.sub("", text, count=1).split()
    for k, word in enumerate(head[: _MAX_BEFORE + 1]):
        if is_org_word(word):
            return " ".join(head[: k + 2]).casefold()
    return ""


def lowercase_names(text: str, read: Callable[[str], list[str]]) -> list[str]:
    """The names ``read`` gives for ``text`` with its lower-case head capitalised, those that
    keep the head and the word after it as written ("Centre mauritanien de ...", not "the
    government has ..." resolved to a state's government: a reference to a body, no name)."""
    head = capitalised_head(text)
    if head is None:
        return []
    written = _written(text)
    return [n for n in read(head) if written and written in " ".join(n.split()).casefold()]
