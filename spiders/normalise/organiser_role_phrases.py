"""The role phrases, built once from the lexicon's ``role`` rows, per language: organiser
("organised by", "организованная", "veranstaltet von", "co-chaired by"), initiative and
auspices, the partner phrases that add co-organisers to a list ("in co-operation with", "with
the support of", "совместно с"), and funding, patronage and participation, which are read to be
passed over and end a list of organisers. Also the organising verbs and event kinds that the
sentence readers look for.

Separate so that the lexicon is turned into patterns in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache
from confwatch.spiders.normalise.whole_words import dispatched, factored

__all__ = [
    "CHAIR",
    "COUNTED_KINDS",
    "EVENT_KINDS",
    "FUND",
    "NOT_A_VERB",
    "NOT_COUNTED",
    "SUPPORT",
    "Cue",
    "list_label",
    "not_counted",
    "organising_verbs",
    "role_cues",
]


# --- the role phrases, built once from the lexicon -------------------------------------------

NOT_COUNTED = ("funder", "patron", "participant")
COUNTED_KINDS = ("organiser", "initiative", "auspices")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    role: str
    text: str


def _spread(alt: str) -> list[str]:
    """An alternative with a leading optional group as the alternatives without it and with each
    of its branches ("(?:co-?)?organised by" -> "organised by", "co-?organised by"), so that
    every alternative starts with a letter."""
    if not alt.startswith("(?:"):
        return [alt]
    depth, i = 0, 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if depth == 0:
            break
        i += 1
    inner, rest = alt[3:i], alt[i + 1 :]
    if rest.startswith("?"):
        out = [a + rest[1:] for a in lexicon.alternatives(inner)] + [rest[1:]]
    else:
        out = [a + rest for a in lexicon.alternatives(inner)]
    return [b for a in out for b in _spread(a)] if out != [alt] else [alt]


@lru_cache(maxsize=1)
def _role_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every role phrase, grouped by first letter (the engine enters only the
    branches that can match at a place); group ``rN`` is a phrase of role ``roles[N]``. Funding,
    patronage and participation come first: at one place, "with the financial support of" is
    funding before it is support."""
    roles: list[str] = []
    groups: dict[str, list[tuple[str, bool, str]]] = {}
    plain: list[str] = []
    for kind in (*NOT_COUNTED, *COUNTED_KINDS, "partner"):
        for row in lexicon.select("role", (kind,), before=False):
            flag = "-i" if row.case else "i"
            for alt in (b for a in lexicon.alternatives(row.pattern) for b in _spread(a)):
                name = f"r{len(roles)}"
                roles.append(kind)
                first = alt[:1]
                if first.isalpha() and not alt[1:2].startswith(("?", "*", "+", "{")):
                    key = first if row.case else "".join(sorted({first.lower(), first.upper()}))
                    # The group's letter is taken by the group ("[Ww]"), its branch reads the
                    # rest: a branch that starts with a character class is skipped by the engine
                    # at a glance, and the groups are chunked behind look-aheads
                    # (``whole_words.dispatched``). Only the match's span and ``lastgroup`` are
                    # read, and they are the same.
                    groups.setdefault(key, []).append(
                        (alt[1:], row.case, f"(?P<{name}>(?{flag}:{{}}))")
                    )
                else:
                    plain.append(f"(?P<{name}>(?{flag}:{alt}))")
    branches = [(key, factored(rests)) for key, rests in groups.items()]
    parts = [dispatched(branches)] if groups else []
    body = "|".join(parts + plain)
    return pattern_cache.compiled(rf"(?<!\w)(?:{body})(?!\w)\s*:?"), tuple(roles)


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern[str]:
    label = lexicon.fragment("role", "label")
    return pattern_cache.compiled(
        rf"^[ \t-]*(?:{label})[ \t]*:?[ \t]*$\n?|^[ \t-]*(?:{label})[ \t]*:",
        re.IGNORECASE | re.MULTILINE,
    )


def role_cues(text: str) -> list[Cue]:
    """Every role phrase of the text, in order."""
    pattern, roles = _role_pattern()
    found = [
        Cue(m.start(), m.end(), roles[int((m.lastgroup or "r0")[1:])], m.group(0))
        for m in pattern.finditer(text)
    ]
    found += [Cue(m.start(), m.end(), "label", m.group(0)) for m in _label_line().finditer(text)]
    found.sort(key=lambda c: c.start)
    return found


@lru_cache(maxsize=1)
def list_label() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{lexicon.fragment('role', 'label')})\s*[:\-–]?\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def not_counted() -> re.Pattern[str]:
    """Funding, patronage, participation: the end of a list of organisers."""
    return pattern_cache.compiled(
        rf",?\s+(?:(?:and|et|und|y|и)\s+)?(?:{lexicon.fragment('role', *NOT_COUNTED)})(?!\w)",
        re.IGNORECASE,
    )


CHAIR = re.compile(r"chair|présid|presidid|председател", re.IGNORECASE)
SUPPORT = re.compile(
    r"support|assistance|soutien|appui|concours|apoyo|поддержк|содейств|unterstütz", re.IGNORECASE
)
FUND = re.compile(r"(?<!\w)(?:fund|funds|fonds|fondo|фонд\w*|через|trust)(?!\w)", re.IGNORECASE)


# --- organising verbs and the events they hold ----------------------------------------------------

# The event nouns an organising verb's object, or a role phrase's sentence, must name.
EVENT_KINDS = lexicon.STRONG | lexicon.WEAK
# Nouns the Russian verb row also matches ("организация", "организаторы").
NOT_A_VERB = re.compile(r"^(?:организаци|организатор|провод(?:ник|ы))", re.IGNORECASE)


@lru_cache(maxsize=1)
def organising_verbs() -> lexicon.Words:
    return lexicon.words("held", "active")
