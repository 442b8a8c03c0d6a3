"""Slugs: the short lower-case names in anchors, file names and keys.

    >>> slug("OSCE-wide CT Conference")
    'osce-wide-ct-conference'

One rule: lower-case, every run of other characters one ``-``, none at either end, at most
``length`` characters, ``fallback`` when nothing is left. A published slug is part of something
that must not change (a section's anchor is part of a stored event's URL, a feed's file name
is in its subscribers' readers), so the options below keep each one as it was first published:

- ``letters``: which letters a slug keeps. ``"any"`` keeps every alphabet's letters and digits
  ("konferenz-zur-erörterung", "конференция"). ``"ascii"`` keeps a-z and 0-9 only, for names
  that must be ASCII (source keys). ``"latin-ascii"`` keeps a-z and 0-9 of the Latin alphabet
  (accented Latin letters separate words, as when these slugs were ASCII-only) and every other
  alphabet's letters and digits: "Côte d'Ivoire" stays "c-te-d-ivoire", "Конференция" is no
  longer lost.
- ``fold``: accents removed and case folded first ("Genève" -> "geneve", "Straße" -> "strasse").
- ``strip_cut``: a slug cut at ``length`` loses a ``-`` it ends on.

python-slugify was considered: it transliterates other alphabets to Latin (or keeps accented
letters with ``allow_unicode``) and drops apostrophes ("d'Ivoire" -> "divoire"), so it would
change published slugs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

Letters = Literal["any", "ascii", "latin-ascii"]

_ASCII_KEPT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ASCII_ALNUM = _ASCII_KEPT | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DASHES = re.compile(r"-+")
_LATIN_BLOCKS_END = "\u0250"  # Basic Latin, Latin-1 Supplement, Latin Extended-A and -B


def slug(
    text: str,
    *,
    fallback: str = "x",
    letters: Letters = "any",
    fold: bool = False,
    strip_cut: bool = True,
    length: int = 60,
) -> str:
    """``text`` as a slug (see the module's docstring for the options)."""
    lowered = _folded(text) if fold else text.lower()
    dashed = _DASHES.sub("-", "".join(c if _kept(c, letters) else "-" for c in lowered))
    cut = dashed.strip("-")[:length]
    return (cut.strip("-") if strip_cut else cut) or fallback


def _folded(text: str) -> str:
    """Accents removed, case folded ("Genève" -> "geneve")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)
def _kept(c: str, letters: Letters) -> bool:
    if c in _ASCII_KEPT:
        return True
    if letters == "ascii" or not c.isalnum():
        return False
    return letters == "any" or not _latin(c)


def _latin(c: str) -> bool:
    """A letter or digit of the Latin alphabet: in Unicode's first Latin blocks ("é", "ł", "µ"),
    named so ("FULLWIDTH LATIN CAPITAL LETTER A") or a compatibility form of one ("²", "ﬁ")."""
    if c < _LATIN_BLOCKS_END or "LATIN" in unicodedata.name(c, "").split():
        return True
    return unicodedata.normalize("NFKD", c)[:1] in _ASCII_ALNUM
