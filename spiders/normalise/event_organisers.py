"""The event's organisers: the page's own statement (a labelled field, structured data) when
it has one; else the organiser wording of its text and the bodies the event's name calls its own."""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import organisers
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.organiser_catalogue import catalogue, state_code
from confwatch.spiders.normalise.organiser_owner import page_owner


def read_organisers(
    raw: RawEvent, country: str | None, explain: Explanation | None = None
) -> list[str]:
    """Organisers: a labelled field or structured data when the page has one (it is the page's
    own statement, so bodies the text merely mentions are not added); else the organiser
    wording of the text, then the bodies the event's name calls its own; failing all, the body
    heading its own event page that invites the reader in the first person. An organisation
    named beside one of its own organs ("the United Nations" beside its Office of
    Counter-Terrorism) is left out: the organ holds the event; so is a state's government named
    beside one of that state's own bodies (a ministry, a permanent mission)."""
    found: list[str] = []
    evidence, rule = None, ""
    if raw.organiser_text:
        found += organisers.split_organisers(raw.organiser_text, country=country)
        evidence, rule = raw.organiser_text, "labelled organisers"
    for name in raw.structured.get("organisers", []) or []:
        found.append(organisers.canonical_organiser(str(name), country=country))
        rule = rule or "structured data (schema.org organizer)"
    if not found:
        text = "\n\n".join(filter(None, [raw.title, raw.body_text]))
        from_text = organisers.find_organisers(text, country=country)
        from_title = organisers.title_organisers(raw.title or "", country=country)
        found += from_text + from_title
        rule = "organiser wording in the text" if from_text else "the event's name"
        if not found and (owner := page_owner(raw.body_text or "", country=country)):
            found.append(owner)
            rule = "the page's owner, inviting in the first person"
    out: list[str] = []
    for name in found:
        if organisers.titled_person(name):
            continue  # "Organiser: Dr X" names a person, who is no body (§5.10)
        if name and not any(organisers.same_body(name, o) for o in out):
            out.append(name)
    out = [name for name in out if not any(name in _organisations_of(o) for o in out)]
    out = [name for name in out if not _government_beside_its_body(name, out)]
    if explain is not None:
        if out:
            explain.chose("organisers", out, evidence, rule)
        else:
            explain.abstained("organisers", "no body named as organiser, host or co-organiser")
    return out


@lru_cache(maxsize=1)
def _organs() -> dict[str, frozenset[str]]:
    """Each catalogued body, with the organisations whose spelling opens one of its spellings:
    "United Nations Office of Counter-Terrorism" is an organ of the United Nations, though the
    catalogue keeps the two apart (UNOCT and UNODC are different bodies)."""
    cat = catalogue()
    parents: dict[str, set[str]] = {}
    for spelling, name in cat.by_alias.items():
        words = spelling.split()
        for k in range(1, len(words)):
            parent = cat.by_alias.get(" ".join(words[:k]))
            if parent and parent != name:
                parents.setdefault(name, set()).add(parent)
    return {name: frozenset(found) for name, found in parents.items()}


def _organisations_of(name: str) -> frozenset[str]:
    return _organs().get(name, frozenset())


_GOVERNMENT = re.compile(r"^Government of (?:the )?(?P<state>.+)$")
# The last "of" names the state a body belongs to: "Ministry of Finance of Poland"; or the
# state's short name opens it: "U.S. Department of State".
_OF_STATE = re.compile(r"^.*\bof (?:the )?(?P<state>[^,()]+)$")
_STATE_FIRST = re.compile(r"^(?P<state>\S+)\s+(?:Department|Ministry|Mission|Embassy)\b")


def _government_beside_its_body(name: str, names: list[str]) -> bool:
    """Whether ``name`` is a state's government and another organiser is a body of that state
    ("Government of Poland" beside "Ministry of Finance of Poland", "Government of Morocco"
    beside "Permanent Mission of the Kingdom of Morocco", "Government of the United States"
    beside "U.S. Department of State"): the body holds the event, and the government is the
    state it belongs to."""
    gov = _GOVERNMENT.match(name)
    code = state_code(gov.group("state")) if gov else None
    if code is None:
        return False
    for other in names:
        if other == name or _GOVERNMENT.match(other):
            continue
        for body in (_OF_STATE.search(other), _STATE_FIRST.match(other)):
            if body and state_code(body.group("state").strip()) == code:
                return True
    return False
