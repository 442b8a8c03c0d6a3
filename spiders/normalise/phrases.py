"""Phrases the readers share, compiled once from the lexicon (``lexicon.py``): an event opened
or concluded "today", an online adjective before an event noun, an "About us" page."""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache


def _verb_then_today(verb: str, today: str) -> re.Pattern[str]:
    """ "opened today", "s'est ouverte aujourd'hui", "завершился сегодня"."""
    return pattern_cache.compiled(rf"(?<!\w){verb}(?!\w)[^.]{{0,60}}(?<!\w){today}(?!\w)", re.I)


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, re.Pattern[str]]:
    """The event vocabulary these rules need, from the lexicon (``lexicon.py``), built once."""
    today = lexicon.fragment("relative", "today")
    opening = lexicon.fragment("held", "opening")
    closing = lexicon.fragment("held", "closing")
    nouns = lexicon.fragment("event_noun", "large", "small", "meeting", "session", "generic")
    adjective = lexicon.fragment("online", "adjective")
    about_start = "|".join(r.source for r in lexicon.select("about_page") if r.place == "start")
    about_anywhere = "|".join(r.source for r in lexicon.select("about_page") if r.place != "start")
    return {
        "today_start": _verb_then_today(opening, today),
        "today_end": _verb_then_today(closing, today),
        "opening": pattern_cache.compiled(rf"(?<!\w){opening}(?!\w)", re.I),
        "closing": pattern_cache.compiled(rf"(?<!\w){closing}(?!\w)", re.I),
        # "online meeting", "virtual format": an online adjective before an event noun.
        "online": pattern_cache.compiled(
            rf"(?<!\w){adjective}[\s-](?:{nouns}|formats?)(?!\w)", re.I
        ),
        # An "About us" page, or a fact sheet.
        "about": pattern_cache.compiled(
            rf"^\s*(?:{about_start})\s*(?:\n|$)|:\s*about\s+the\b|(?<!\w)(?:{about_anywhere})(?!\w)",
            re.I,
        ),
    }
