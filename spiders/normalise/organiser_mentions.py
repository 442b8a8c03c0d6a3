"""A body named in an organiser role (``Mention``), the roles that make it an organiser
(eval-format §5.10), and the final decision among a page's mentions: the counted roles, read
from sentences about the page's own time when there are any.

Separate so that every reader of running text makes mentions, and the callers decide on them,
without importing one another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["COUNTED", "Mention", "dated_before", "decide", "names_person", "page_year"]


# Roles that make a body an organiser (§5.10); the others are read to be passed over.
COUNTED = frozenset(
    {"organiser", "initiative", "auspices", "partner", "subject", "joint", "owner", "label", "host"}
)


@dataclass(frozen=True)
class Mention:
    name: str
    role: str  # organiser | initiative | auspices | partner | subject | joint | owner | funder ...
    start: int  # where the role phrase or the subject starts in the text
    rank: int  # order within its list
    evidence: str  # the sentence it was read from
    background: bool = False  # the sentence is dated before the page's own year
    # The words whose years date the mention when narrower than its sentence: a subject's own
    # clause ("Le Burkina abrite ce type de réunion pour la deuxième fois, après l'atelier
    # d'avril 2013": the hosting is not the 2013 workshop's).
    scope: str = ""

    @property
    def counts(self) -> bool:
        return self.role in COUNTED


_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)")


def page_year(text: str) -> int | None:
    """The year the page is mostly about: a year it names more often than any other (a footer's
    "© 2025" named once decides nothing)."""
    counts: dict[int, int] = {}
    for m in _YEAR.finditer(text):
        year = int(m.group(0))
        counts[year] = counts.get(year, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# A body's founding year describes the body, not the event: "l'Observatoire X, créé en 2016",
# "the Centre, founded in 2009", "el Instituto, creado en 2010", "gegründet 2005".
_FOUNDED = re.compile(
    r"\b(?:cré(?:é|ée|és|ées)|fond(?:é|ée|és|ées)|founded|established|created|set\s+up|creat[oa]"
    r"|cread[oa]|fundad[oa]|criad[oa]|istituit[oa]|gegründet)\s+(?:(?:en|in|em|nel|im)\s+)?"
    r"(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def dated_before(sentence: str, year: int | None) -> bool:
    years = [int(y) for y in _YEAR.findall(_FOUNDED.sub(" ", sentence))]
    return year is not None and bool(years) and max(years) < year


# A person named by the title of a chair or an adviser is a speaker, not a body (§5.10): "Co-Chairs
# Ann Lee", "Chairperson of the Council Ann Lee", "Ann Lee Conseiller auprès de ...". Capitalised
# titles only ("la Chambre des conseillers" is a body); "Chairpersonship" is a body's office, and
# "Office of the National Security Adviser" a body named after a person's post.
_PERSON_TITLE = re.compile(
    r"\b(?:Chair(?:person|woman|man)|Co-?[Cc]hairs?|Conseill(?:er|ère)|Counsell?or|Advis[eo]r)\b"
)
_POST_OFFICE = re.compile(
    r"\b(?:office|bureau|cabinet|secretariat|secrétariat|oficina|büro|аппарат)\s+(?:of|d[eu]|de\s+la"
    r"|des|del)\b",
    re.IGNORECASE,
)


# A news agency credited as a page's source ("Source: X Press Agency") reported the event.
_NEWS_AGENCY = re.compile(
    r"\b(?:press|news)\s+agency\b|\bagence\s+(?:de\s+presse|france[\s-]presse)\b"
    r"|\bagencia\s+de\s+(?:noticias|prensa)\b|\bnachrichtenagentur\b"
    r"|информационн\w*\s+агентств|\bинформагентств|وكالة\s+(?:ال)?أنباء",
    re.IGNORECASE,
)


# A fragment of a sentence read as a name: a Roman numeral numbering the event ("la III
# Conferencia"), a clause opening with a preposition ("Under their joint programme", "At the
# initiative of X", "In line with the decision of"), a dateline ("3 September 2014 (WIC) - The
# 455th Meeting of ...").
_FRAGMENT = re.compile(
    r"^(?:[IVXLC]+$"
    r"|(?:Under|At|In|Within|Through|During|Following|After|According\s+to)\s+(?:the|their|its"
    r"|line\s+with)\s"
    r"|(?:[A-Z][\w ]{1,30},\s*)?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+(?:19|20)\d\d\b)"
)


def names_person(name: str) -> bool:
    """Whether a mention's name is a person by a chair's or an adviser's title."""
    return bool(_PERSON_TITLE.search(name)) and not _POST_OFFICE.search(name)


def decide(mentions: list[Mention]) -> list[Mention]:
    """The organisers among the mentions: the counted roles, and of those, the ones read from
    sentences about the page's own time when there are any ("At the initiative of the UN
    Secretary-General, ... a conference in June 2018" is background on a 2019 page). A person
    named by a chair's or an adviser's title is no body, nor a news agency a page credits as its
    source, nor a fragment of the sentence (a numeral, a prepositional clause, a dateline)."""
    counted = [
        m
        for m in mentions
        if m.counts
        and not names_person(m.name)
        and not _FRAGMENT.match(m.name)
        and not (m.role == "label" and _NEWS_AGENCY.search(m.name))
    ]
    current = [m for m in counted if not m.background]
    return current or counted
