"""Does a phrase name several meetings rather than one?

"11 встреч и лекций", "20 мероприятий с охватом ...", "workshops in parallel", "technical
sessions", "a series of seminars": a count or a plural event noun tells of meetings in general
(a programme's tally, the parts of an event), so the phrase is no event's name (eval-format
§5.12). The title rules leave such phrases out of their candidates; with no other name the page
then gives no event, which is right for a tally of outreach work (null beats wrong, §5.13).
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon

__all__ = ["names_several"]

# A count opens the phrase: "11 встреч", "20 events"; not an ordinal ("10th", "34-е", "3.") or
# a year ("2019 Conference"), which number one event.
_COUNT = re.compile(r"^\s*(?P<n>\d{1,3})(?=\s+[^\W\d_])")
# The event nouns a plural is read against: English rows only, where the plural is the noun
# and an "s" (Spanish "jornadas", French "assises", German "Gespräche" name one event).
_NAME_KINDS = ("large", "small", "meeting", "session", "generic")


@lru_cache(maxsize=1)
def _english_noun() -> re.Pattern[str]:
    rows = lexicon.select("event_noun", _NAME_KINDS, langs=("en",))
    # A row may spell its own plural ("seminars?"): the singular is what "s" is added to.
    alternatives = "|".join(r.source for r in rows)
    return re.compile(rf"(?:{alternatives})", re.IGNORECASE)


def _plural(token: str) -> bool:
    """``token`` is an English event noun's plural: "workshops", "Sessions"."""
    if len(token) < 5 or not token.isascii() or token[-1:].lower() != "s":
        return False
    singular = token[:-1]
    return singular[-1:].lower() != "s" and bool(_english_noun().fullmatch(singular))


def names_several(name: str) -> bool:
    """``name`` counts its meetings or names them only in the plural."""
    if (m := _COUNT.match(name)) and int(m.group("n")) > 1:
        return True
    tokens = re.findall(r"[^\W\d_]+", name)
    if not any(t[-1:] in ("s", "S") for t in tokens):
        return False  # no plural to read: most names, asked cheaply
    nouns = [t for t in tokens if _plural(t) or bool(_english_noun().fullmatch(t))]
    return bool(nouns) and all(_plural(t) for t in nouns)
