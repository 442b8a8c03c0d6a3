"""The owner of an organisation's own event page: the body whose name heads the page and which
invites its reader in the first person ("Grüner Vogel e.V." ... "Wir laden Sie ein, ...", "We
invite you to join us") holds the event (§5.10: the host). Read only when the page names no
organiser in its sentences.

Separate from the sentence readers: no sentence names the body, the page's shape does.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.organiser_names import (
    canonical_organiser,
    is_known_body,
    looks_like_organisation,
)

__all__ = ["page_owner"]


# A legal form ending an association's name: "Grüner Vogel e.V.", "X gGmbH", "X asbl".
_LEGAL_FORM = re.compile(
    r"\s(?:e\.\s?V\.?|gGmbH|gUG|a\.?s\.?b\.?l\.?|ONLUS|APS|Inc\.?|Ltd\.?|CIC)$"
)
# A page's heading line holds a name, not a sentence or a menu.
_NOT_A_HEADING = re.compile(r"[|:;!?»«\"“”]|\s[-–—]\s|\d")
_MAX_HEADING = 80


def page_owner(body: str, *, country: str | None = None) -> str | None:
    """The body heading the page when the page invites its reader in the first person."""
    if not isinstance(body, str) or lexicon.words("invite", "first_person").search(body) is None:
        return None
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if not first or len(first) > _MAX_HEADING or _NOT_A_HEADING.search(first):
        return None
    if not (_LEGAL_FORM.search(first) or looks_like_organisation(first) or is_known_body(first)):
        return None
    if _LEGAL_FORM.search(first):
        return first  # the legal form is the name's own: "Grüner Vogel e.V." keeps its dot
    return canonical_organiser(first, country=country)
