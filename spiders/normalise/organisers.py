"""Who organises an event: canonical organiser names, read from lists, running text and the
event's own name.

The pieces live in their own modules: ``organiser_catalogue`` (the bodies confwatch knows, in
every language and case), ``organiser_names`` (one name's canonical form and comparing names,
with ``organiser_lists``, ``organiser_shape``, ``organiser_words``, ``organiser_acronyms`` and
``organiser_states``) and ``organiser_roles`` (the roles running text gives bodies: organiser,
partner, funder, participant ...; its readers are the ``organiser_role_phrases``,
``organiser_clauses``, ``organiser_subjects``, ``organiser_shapes``, ``organiser_russian`` and
``organiser_arabic`` modules, and ``organiser_mentions`` decides; ``organiser_persons`` says
which names are people and which chairs chair only a part of the event). This module is what
the rest of confwatch calls.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.organiser_acronyms import ACRONYM_LIKE
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    is_org_word,
    name_spans,
    protect,
)
from confwatch.spiders.normalise.organiser_lists import split_list
from confwatch.spiders.normalise.organiser_mentions import Mention, decide
from confwatch.spiders.normalise.organiser_names import (
    canonical_organiser,
    is_known_body,
    looks_like_organisation,
    same_body,
)
from confwatch.spiders.normalise.organiser_persons import titled_person
from confwatch.spiders.normalise.organiser_role_phrases import list_label
from confwatch.spiders.normalise.organiser_roles import find_mentions
from confwatch.spiders.normalise.organiser_words import unique

__all__ = [
    "Mention",
    "canonical_organiser",
    "find_mentions",
    "find_organisers",
    "is_known_body",
    "looks_like_organisation",
    "same_body",
    "split_organisers",
    "title_organisers",
    "titled_person",
]


def split_organisers(text: str | None, *, country: str | None = None) -> list[str]:
    """Organisers from a field that is a list ("Source: OSCE Secretariat, OSCE ODIHR")."""
    if not isinstance(text, str):
        return []
    body = list_label().sub("", text.strip())
    return split_list(body, country, strict=False)


def find_organisers(text: str, *, country: str | None = None) -> list[str]:
    """Organisers named in running text ("co-organized by the Government of Hungary and UNOCT"):
    the bodies of every organiser role, funders, patrons and participants left out (§5.10)."""
    # A person is no body (§5.10), whatever role phrase names them: "organised by Dr X".
    mentions = [m for m in find_mentions(text, country=country) if not titled_person(m.name)]
    names = unique(m.name for m in decide(mentions))
    return [n for n in names if not _part_of_another(n, names)]


def _part_of_another(name: str, names: list[str]) -> bool:
    """Whether an uncatalogued unit's name is another name the text gives in full without its
    parent ("Office in Tajikistan" beside "OSCE Office in Tajikistan"): the same unit, written
    short ("Malaysian Army" beside "Royal Malaysian Army" is no unit of a body)."""
    if is_known_body(name):
        return False
    for other in names:
        parent = other[: -len(name)].strip(" ,")
        if other != name and other.endswith(" " + name) and parent and is_known_body(parent):
            return True
    return False


# The event noun of a title, after which its own bodies are named ("Seminar of UNOCT and OSCE").
_TITLE_KINDS = frozenset({"large", "small", "qualified", "meeting", "session"})
_OWN_SUFFIX = re.compile(r"^(?:-wide|-led|-Konferenz\w*|-konferenz\w*)?(?![\w-])")
# A body inside the name's theme owns another thing, not the event: "Implementing the UN Global
# Strategy ... forum", "Countering the OSCE region's threats seminar": a gerund or a preposition
# (with an article) just before the body starts the theme.
_IN_THEME = re.compile(
    r"(?:\b[A-Za-z]+ing|\b(?:on|of|for|against|to|about|sur|contre|pour|sobre|contra|para|über"
    r"|gegen|zur?|zum))\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|der\s+|die\s+|des\s+)?$",
    re.IGNORECASE,
)
_OWNER = re.compile(
    r"^\s+(?:(?:of|de|du|des|der|des|del)\s+(?:the\s+|la\s+|l['’]|los\s+)?)?(?P<list>.{3,160})",
    re.IGNORECASE,
)

# The owner named after the event noun with its acronym, ending the title.
_GLOSSED_OWNER = re.compile(
    r"^\s+(?:of|de|du|des|der|del)\s+(?:the\s+|la\s+|l['’]|los\s+)?"
    r"(?P<name>[A-Z][^()\n]{2,120}?)\s*\((?P<acr>[^()\s]{2,12})\)\s*$"
)


# An owner named after the event noun in the genitive, up to a preposition or the title's end.
_NAMED_OWNER = re.compile(
    r"^\s+(?:der|des|of\s+the|de\s+la|du|de\s+l['’])\s*"
    r"(?P<name>[A-ZÄÖÜÀ-Þ][^\n\"“”„«»()]{2,100}?)"
    r"(?=\s+(?:zu|zum|zur|über|im|am|vom|on|in|at|sur|en|à|\d+)\s|\s*[\"“”„«»:–—]|\s*$)"
)


def title_organisers(title: str, *, country: str | None = None) -> list[str]:
    """Bodies an event's name gives as its own: "2019 OSCE High-level Regional Conference",
    "Council of Europe regional conference", "Twelfth GCTF Coordinating Committee Meeting",
    "Anti-Terrorismus-Konferenz der OSZE", the Russian genitive "Семинар Контртеррористического
    управления ООН и ОБСЕ", and a body's own meeting named by the body ("Global Counterterrorism
    Forum (GCTF)")."""
    if not isinstance(title, str) or not title.strip():
        return []
    spans = name_spans(title)
    if len(spans) == 1 and not title[: spans[0][0]].strip() and not title[spans[0][1] :].strip():
        return [spans[0][2]]
    # An event noun inside a body's name ("Global Counterterrorism Forum") is no event noun.
    found = [
        w
        for w in lexicon.event_words(title, _TITLE_KINDS | {"not_event"})
        if not any(s <= w.start < e for s, e, _ in spans)
    ]
    if not found or found[0].kind == "not_event":
        return []
    event = found[0]
    out: list[str] = []
    for start, end, name in spans:
        if end > event.start:
            break
        # "EU-Central Asia seminar", "Latvia-UNOCT": a partner in a hyphenated pair is not alone.
        if title[:start].endswith(("-", "–")) or not _OWN_SUFFIX.match(title[end:]):
            continue
        if _IN_THEME.search(title[:start]):
            continue
        out.append(name)
    protected, names = protect(title[event.end :])
    owner = _OWNER.match(protected)
    if owner:
        lead = re.match(
            rf"^(?:{MARK}\d+{MARK}(?:\s+(?:и|and|et|und|y)\s+|\s*,\s*)?)+", owner.group("list")
        )
        if lead:
            out += [names[int(i)] for i in PLACEHOLDER.findall(lead.group(0))]
    if not out and (own := _GLOSSED_OWNER.match(title[event.end :])):
        # "Fifth Typologies Workshop of the Asia Pacific Group on Money Laundering (APG)": a
        # body the catalogue does not know, glossed with its acronym, owns the meeting.
        name, acr = own.group("name").strip(), own.group("acr")
        if ACRONYM_LIKE.match(acr) and acr[0] == name[0] and looks_like_organisation(name):
            out.append(canonical_organiser(f"{name} ({acr})", country=country))
    if not out and (own := _NAMED_OWNER.match(title[event.end :])):
        # "Fachtagung der Bundeszentrale für politische Bildung zu ...", "Seminar of the Alder
        # Institute on ...": the genitive after the event noun names whose event it is, when it
        # is headed by an organisation word ("Points Focaux du Centre ..." are people).
        name = own.group("name").strip()
        words = name.split()
        if (is_org_word(words[0]) or is_org_word(words[-1])) and looks_like_organisation(name):
            out.append(canonical_organiser(name, country=country))
    del country
    return unique(out)
