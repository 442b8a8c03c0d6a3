"""The words after an event noun that still belong to its name.

"Regional Conference on Countering the Financing of Terrorism", "конференция глав
антитеррористических ведомств", "colloque international sur ...": a name goes on past its event
noun with a topic, a body's name or a Russian genitive, and ends at a verb, a date, a place, a
role phrase ("with the support of ...") or another event. ``name_tail`` reads how far; it is kept
apart from ``names`` (which finds the event nouns and the words before them) because the rules of
where a name ends are many and language by language.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import lexicon, quotes
from confwatch.spiders.normalise.name_words import (
    DEDICATED,
    MONTHS,
    NOT_MODIFIERS,
    QUOTE_OPEN,
    TRAILING,
    VERB_STOP,
    is_event_noun,
    is_modifier,
    is_ordinal,
    is_past_verb,
    is_strong_noun,
    is_verb,
    qualifier_words,
)
from confwatch.spiders.normalise.places import city_country, country_code

__all__ = ["MAX_TAIL_WORDS", "TOPIC_LINKS", "name_tail", "starts_with_place"]


# A Russian genitive noun or adjective goes on a name ("конференция глав ведомств", "заседание
# Совета РАТС"): its ending.
_RU_TAIL_WORD = re.compile(r"^[а-яё][а-яё-]{2,}$")


# A date ahead ends a name: "on 12 May", "ce 17 décembre", "los días 28 y 29", "am 9. Mai".
_DATE_AHEAD = re.compile(
    r"^(?:(?:on|from|in|at|between|during|the|du|le|les|ce|cette|au|am|vom|den|dem|el|los|las|días"
    rf"|dias|del|с|в|со|от|на|по)\s+){{0,2}}(?:\d|(?:{MONTHS})\b)",
    re.I,
)


_TAIL_LINK = frozenset(
    [
        "on",
        "of",
        "for",
        "against",
        "to",
        "about",
        "under",
        "in",
        "towards",
        "toward",
        "with",
        "entitled",
        "titled",
        "called",
        "named",
        "themed",
        "по",
        "о",
        "об",
        "на",
        "для",
        "в",
        "против",
        "с",
        "zur",
        "zum",
        "der",
        "des",
        "über",
        "für",
        "gegen",
        "von",
        "sur",
        "de",
        "du",
        "des",
        "contre",
        "pour",
        # Spanish, Portuguese, Italian: "seminario sobre ...", "conferenza sulla ...".
        "sobre",
        "acerca",
        "contra",
        # "de" contracted with the article: "Reunião do Grupo ...", "Reunión del Comité ...".
        "do",
        "da",
        "dos",
        "das",
        "del",
        "sulla",
        "sul",
        "sullo",
        "sui",
        "sulle",
        "contro",
        # Arabic: "المؤتمر الإقليمي حول ..." (the regional conference on ...).
        "حول",
        "بشأن",
    ]
)
MAX_TAIL_WORDS = 30


def _goes_on_after_quote(tokens: list[str], i: int) -> bool:
    """A name goes on after a closed quotation only with a word that links more of it ("«X» по
    вопросам ...", "“X” of the OSCE", "„X“ des BKA") or a bracketed acronym."""
    if i >= len(tokens):
        return False
    nxt = tokens[i]
    low = nxt.lower().strip(TRAILING)
    if not any(c.isalnum() for c in nxt):
        return nxt != ":"  # punctuation: what follows decides (a colon opens something else)
    return (
        low in _TAIL_LINK
        or bool(DEDICATED.match(low))
        or nxt.startswith("(")
        or (nxt[:1].isupper() and not VERB_STOP.match(low))
    )


# A bracketed tag after an event noun: its language, a code ("(ENG)", "(FR)").
_TAG = re.compile(r"^\([A-Z]{2,6}\)$")


# The event's own acronym in brackets right after its noun: "форум (БАФ)", "Forum (RCF)".
_OWN_ACRONYM = re.compile(r"^\([A-ZА-ЯЁ][A-ZА-ЯЁ0-9+&-]{1,9}\)$")


def _links_on(tokens: list[str], i: int, russian: bool) -> bool:
    """The name goes on at ``tokens[i]``: a word linking more of it ("of", "по") or a Russian
    genitive ("стран")."""
    if i >= len(tokens):
        return False
    tok = tokens[i]
    low = tok.lower().strip(TRAILING)
    return low in _TAIL_LINK or (russian and bool(_GENITIVE.match(tok) or _RU_TAIL_WORD.match(tok)))


# German separable particles that close a clause ("fand ... statt", "nahmen ... teil").
_SEPARABLE = frozenset(["statt", "teil", "an", "auf", "zusammen", "vor", "bei"])


# A year right after a name's event noun is its edition ("Präventionsgipfel 2018"), not a date.
_EDITION_YEAR = re.compile(r"^(?:19|20)\d\d[,.;:]?$")


# "Конференция высокого уровня ...": a Russian name goes on in the genitive.
_GENITIVE = re.compile(r"^[а-яё-]+(?:ого|его|ых|их)$")


# Words that start a tail saying what an event is about: a meeting "on X" is an event of its own.
TOPIC_LINKS = frozenset(
    [
        "on",
        "about",
        "regarding",
        "concerning",
        "sur",
        "sobre",
        "по",
        "о",
        "об",
        "über",
        "zu",
        "zum",
        "zur",
        "sul",
        "sulla",
        "su",
        "dedicated",
        "devoted",
        "حول",
        "بشأن",
    ]
)


def starts_with_place(words: list[str]) -> bool:
    """The words start with a country or a city ("Rome", "New York", "Abu Dhabi")."""
    for n in (3, 2, 1):
        phrase = " ".join(w.strip(TRAILING) for w in words[:n])
        if phrase and phrase[0].isupper() and (city_country(phrase) or country_code(phrase)):
            return True
    return False


# Role phrases say who stands behind an event, not what it is: "a round table with the support
# of the OSCE", "круглый стол при поддержке ОБСЕ", "colloque organisé par ...". A name ends there.
_ROLE_KINDS = ("organiser", "initiative", "auspices", "partner", "funder", "patron")


def _role_at(tokens: list[str], start: int) -> int:
    """The index of the first token after ``start`` that opens a role phrase (len: none)."""
    rest = tokens[start : start + MAX_TAIL_WORDS + 2]
    text = " ".join(rest)
    m = lexicon.words("role", *_ROLE_KINDS).search(text)
    if m is None:
        return len(tokens)
    at = 0
    for k, tok in enumerate(rest):
        if at >= m.start():
            return start + k
        at += len(tok) + 1
    return len(tokens)


# "государства - члены", "государствами - участниками": Russian officialese's member, participant
# and observer states, often typed with a spaced hyphen that elsewhere ends a name.
_MEMBER_STATES = re.compile(r"^(?:член|участни[кц]|наблюдател)[а-яё]*[,.;]?$")


def name_tail(
    tokens: list[str], start: int, *, proper: bool = False, russian: bool = True
) -> list[str]:
    """The words after the event word that still belong to the name; ``russian``: the sentence
    has none of the letters of the other Cyrillic alphabets."""
    out: list[str] = []
    i = start
    linked = False
    role = _role_at(tokens, start)
    while i < len(tokens) and len(out) < MAX_TAIL_WORDS and i < role:
        tok = tokens[i]
        if not russian and not (tok[0] in QUOTE_OPEN and len(tok) > 4):
            # Kazakh, Uzbek, Kyrgyz, Tajik, Mongolian put a name's words before its noun; the
            # words after it are the clause's ("Конференцияда ШҲТ аъзо давлатлари ... қатнашди").
            break
        low = tok.lower().strip(TRAILING)
        if tok[0] in QUOTE_OPEN and len(tok) > 4:
            out.append(tok)
            i += 1
            if not tok.rstrip().endswith(tuple(quotes.CLOSERS)) or tok.endswith((".", ";")):
                break
            if not _goes_on_after_quote(tokens, i):
                break  # 'Veranstaltung "X" mussten wir absagen': the clause goes on, not the name
            continue
        if not out and not linked:
            if proper and i == start and _EDITION_YEAR.match(tok):
                out.append(tok)  # "Präventionsgipfel 2018", "Forum 2019": the edition's year
                i += 1
                if tok.endswith((",", ".", ";", ":")):
                    break
                continue
            if _DATE_AHEAD.match(" ".join(tokens[i : i + 3])):
                break
            if proper and low in ("in", "at", "в", "à") and starts_with_place(tokens[i + 1 :]):
                break  # "OSCE Conference in Rome": the place is not part of a proper name
            if low in _TAIL_LINK or tok in (":", ","):
                linked = True
                out.append(tok)
                i += 1
                continue
            if (
                _OWN_ACRONYM.match(tok)
                and not _TAG.match(tok)
                and _links_on(tokens, i + 1, russian)
            ):
                out.append(tok)  # "форум (БАФ) стран ЕАЭС": the event's acronym, then its name
                i += 1
                continue
            if _TAG.match(tok) and i + 1 < len(tokens) and tokens[i + 1] == ":":
                out.append(tok)  # "Webinar (ENG): X": a tag between the noun and its title
                i += 1
                continue
            if qualifier_words("after").fullmatch(low):
                out.append(tok)  # "colloque international sur ...", "reunión ministerial sobre ..."
                i += 1
                if tok.endswith((",", ".", ";", ":")):
                    break
                continue
            if DEDICATED.match(low):
                linked = True  # "séminaire dédié à ...", "встреча, посвященная ..."
                out.append(tok)
                i += 1
                continue
            if (russian and _GENITIVE.match(tok)) or (
                tok[0].isupper() and not VERB_STOP.match(low) and not starts_with_place(tokens[i:])
            ):
                out.append(tok)  # "Conference OSCE ..." / "конференция БРИКС+"
                i += 1
                continue
            if (
                russian
                and _RU_TAIL_WORD.match(tok)
                and not is_verb(low)
                and not is_past_verb(tok)
                and not VERB_STOP.match(low)
                and low not in NOT_MODIFIERS
            ):
                linked = True  # "конференция глав антитеррористических ведомств ..."
                out.append(tok)
                i += 1
                continue
            break
        if tok == ":" and out and out[-1].rstrip()[-1:] in '”»“"’':
            break  # "форум «X» : в нём ...": a colon after the quoted name opens what follows
        if tok == "(" and out and out[-1].lower().strip(TRAILING) in TOPIC_LINKS:
            # "conference on (X: Y)", "المؤتمر الإقليمي حول (...)": the name some pages set in
            # brackets where others quote it, after the word that links a topic.
            bracketed = _bracketed(tokens, i)
            if bracketed is not None:
                out.append(bracketed)
            break
        if tok == "-" and i + 1 < len(tokens) and _MEMBER_STATES.match(tokens[i + 1]):
            out.append(tok)  # "государствами - членами ШОС": one compound, typed with spaces
            i += 1
            continue
        if (
            (
                VERB_STOP.match(low)
                and not (proper and _title_case_word(tokens, i, out))
                and not _article_after_link(low, out)
            )
            or tok in ("(", "—", "–", "-")
            or is_verb(low)
            or is_past_verb(tok)
        ):
            break
        if low == "that" and i + 1 < len(tokens) and _SINGULAR_VERB.match(tokens[i + 1]):
            break  # "a workshop in X that brings together ...": a relative clause, its verb
        if low in _SEPARABLE and (tok.endswith((".", ",", ";", "!")) or i + 1 == len(tokens)):
            break  # "... fand eine Fachtagung des X statt.": the verb's particle ends the clause
        if low == "to" and i + 1 < len(tokens) and tokens[i + 1].lower() == "be":
            break  # "Conference of Heads of Agencies to be held on ...": its predicate
        if low in _AND and _another_event_ahead(tokens, i + 1):
            break  # "X Conference and the 2nd Conference of Y": two events, not one name
        rest = " ".join(tokens[i : i + 3])
        if low in _DATE_WORDS and _DATE_AHEAD.match(rest):
            break
        if (
            low in ("in", "at", "в", "у", "à", "en", "em", "a")
            and i + 1 < len(tokens)
            and starts_with_place(tokens[i + 1 :])
        ):
            break
        if (
            low in ("at", "held", "and")
            and i + 1 < len(tokens)
            and tokens[i + 1].lower() in ("the", "convenes")
        ):
            break
        out.append(tok)
        i += 1
        if tok.endswith((".", ";", "!", "?", "·")) and not re.search(r"\b[A-Z]\.$", tok):
            break
        if tok.endswith(","):
            nxt = tokens[i] if i < len(tokens) else ""
            if DEDICATED.match(nxt.lower()):
                continue  # "конференция, посвященная роли молодежи ..."
            if not nxt or not nxt[0].isupper() or starts_with_place(tokens[i:]):
                break
            if nxt.endswith(",") and starts_with_place(tokens[i + 1 :]):
                break  # "..., Karambunai, Malaysia": a town the country after it places
    while out and (
        out[-1].lower().strip(TRAILING) in _TAIL_LINK
        or out[-1] in (":", ",")
        or DEDICATED.match(out[-1].lower().strip(TRAILING))
    ):
        out.pop()  # "... (TRIFORIS) gewidmet": a participle ending the clause, dedicating nothing
    return _without_anaphoric_topic(out)


# "on a common approach", "sobre a prevenção", "contra a radicalização": right after the word that
# links a name's topic, "a" is the topic's article (English, Portuguese), never the French or
# Portuguese verb that ends a clause ("le séminaire a réuni"), which follows a noun.
_ARTICLE_LINKS = TOPIC_LINKS | {"against", "contra"}


def _article_after_link(low: str, out: list[str]) -> bool:
    return low == "a" and bool(out) and out[-1].lower().strip(TRAILING) in _ARTICLE_LINKS


# A lower-case English verb of the third person singular ("brings", "aims", "focuses"): after
# "that" it makes a relative clause of what follows, no part of a name. A plural verb ("... and
# Radicalization that Lead to Terrorism") may be a name's own wording and is not read here.
_SINGULAR_VERB = re.compile(r"^[a-z]{2,}[^s\W]s$")


# Capitalised words that stop a title-case run: a headline's prepositions and articles.
_TITLE_LINKS = frozenset(["by", "in", "at", "on", "to", "for", "with", "from", "of", "the"])


def _title_case_word(tokens: list[str], i: int, out: list[str]) -> bool:
    """A capitalised word inside a title-case run ("Terrorism, Organized Crime and ...", "Crimen
    Organizado y Ciberseguridad") is a word of the name, though in lower case ("organizado por")
    it would start the clause that says who held the event: the name goes on after it."""
    if not tokens[i][:1].isupper() or not out or not out[-1][:1].isupper():
        return False
    k = i + 1
    if k < len(tokens) and tokens[k].lower() in _AND:
        k += 1
    nxt = tokens[k] if k < len(tokens) else ""
    return nxt[:1].isupper() and nxt.lower().strip(TRAILING) not in _TITLE_LINKS


# "dedicada ao tema", "dedicated to the topic", "посвященная этой теме": the topic named before,
# elsewhere; the words say nothing of the event and are no part of its name.
_TOPIC_NOUNS = frozenset(
    ["tema", "theme", "topic", "subject", "thème", "sujet", "теме", "темі", "thema", "argomento"]
)
_ANAPHOR_WORDS = 4  # "dedicated to this very topic"


def _without_anaphoric_topic(out: list[str]) -> list[str]:
    for k, tok in enumerate(out):
        rest = out[k + 1 :]
        if (
            DEDICATED.match(tok.lower().strip(TRAILING))
            and 0 < len(rest) <= _ANAPHOR_WORDS
            and rest[-1].lower().strip(TRAILING) in _TOPIC_NOUNS
        ):
            return out[:k]
    return out


_BRACKETED_WORDS = 40  # tokens a bracketed name may hold


def _bracketed(tokens: list[str], start: int) -> str | None:
    """The bracketed words from ``tokens[start]`` (an opening bracket) to the closing one, when
    they are a name of two words or more; None for an aside left open."""
    for j in range(start + 1, min(start + 1 + _BRACKETED_WORDS, len(tokens))):
        tok = tokens[j]
        if "(" in tok:
            return None
        if ")" in tok:
            inner = [*tokens[start + 1 : j], tok[: tok.index(")")]]
            words = " ".join(inner).split()
            return f"({' '.join(words)})" if len(words) >= 2 else None
    return None


_DATE_WORDS = frozenset(
    [
        "on",
        "from",
        "in",
        "at",
        "between",
        "during",
        "the",
        "du",
        "le",
        "les",
        "ce",
        "cette",
        "au",
        "am",
        "vom",
        "den",
        "dem",
        "el",
        "los",
        "las",
        "del",
        "с",
        "в",
        "со",
        "от",
        "на",
        "по",
    ]
)


_AND = frozenset(["and", "и", "et", "und", "y", "e"])
_AHEAD = 4  # tokens after a conjunction searched for another event's noun


def _another_event_ahead(tokens: list[str], start: int) -> bool:
    """The words after a conjunction start another event's name: an ordinal or a modifier and an
    event noun within a few words ("и 2-я конференция СНГ", "and the Third Regional Workshop")."""
    ahead = tokens[start : start + _AHEAD]
    if not ahead or not (
        is_ordinal(ahead[0]) or ahead[0][:1].isupper() or ahead[0].lower() in ("the", "a", "an")
    ):
        return False
    for k, tok in enumerate(ahead):
        word = tok.strip(TRAILING)
        if (k and is_strong_noun(word)) or (k and is_event_noun(word) and is_ordinal(ahead[0])):
            return True
        if k and not is_modifier(tok, first=False) and tok.lower() not in ("the", "a", "an"):
            return False
    return False
