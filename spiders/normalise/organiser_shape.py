"""Whether a phrase reads as an organisation's name: a name with an organisation word and few
lower-case words (``org_like``), or a body's name with none, its words capitalised and joined by
prepositions (``reads_as_name``).

Separate from resolving a name (``organiser_names``): this judges a phrase's form, not which
body it is, and list splitting and subject reading ask it of every piece.
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_acronyms import (
    ACRONYM,
    ACRONYM_LIKE,
    TRAILING_ACRONYM,
    spells_own_acronym,
)
from confwatch.spiders.normalise.organiser_complements import without_remit
from confwatch.spiders.normalise.organiser_states import GOVERNMENT, leader_state, read_ministry
from confwatch.spiders.normalise.organiser_words import CYRILLIC, MINOR, PAREN, PROSE, WORD
from confwatch.spiders.normalise.places import city_country, fold

__all__ = ["NAME_LINKS", "org_like", "reads_as_name"]


_ARABIC = re.compile(r"[\u0600-\u06ff]")

# Lower-case words a name may carry between its capitalised ones.
NAME_LINKS = frozenset(
    fold(w)
    for w in [
        "of",
        "for",
        "and",
        "on",
        "in",
        "the",
        "to",
        "at",
        "against",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "à",
        "en",
        "por",
        "para",
        "del",
        "los",
        "las",
        "y",
        "e",
        "für",
        "und",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "von",
        "vom",
        "zur",
        "zum",
        "bei",
        "am",
        "über",
        "по",
        "и",
        "для",
        "при",
        "с",
        "в",
        "на",
        "у",
        "і",
        "па",
        "ў",
        # Polish: "Centrum Badań nad Terroryzmem", "Fundacja na rzecz ...", "Biuro do Spraw ...",
        # "Szkoła im. X", "Wyższa Szkoła Policji w Szczytnie"
        "nad",
        "na",
        "rzecz",
        "do",
        "spraw",
        "ds",
        "im",
        "w",
        "we",
        "i",
        "dla",
    ]
)
_MAX_LOWER_WORDS = 3
_MAX_LOWER_WORDS_HEAD_FIRST = 8  # "Commission nationale de lutte contre le terrorisme"
_MAX_LOWER_WORDS_GLOSSED = 12  # a name headed by its organisation word, with its acronym after
_ROMANCE_LINKS = frozenset(["de", "du", "des", "del", "la", "le", "por", "para", "pour"])
_ELIDED = re.compile(r"^[dl]['’]\w", re.IGNORECASE)


# Russian names a body after a person: "университет им. К. Л. Хетагурова", "имени Ломоносова".
_NAMED_AFTER = re.compile(r"\s+(?:им\.|имени)\s*(?:[А-ЯЁ]\.\s*){0,2}[А-ЯЁ][а-яё-]+\s*$")


_MAX_ACRONYM_NOT_CITY = 3
# Organisation words that in lower case are common nouns: a project is a body only by its name
# ("Projet FSVC-SHIGA", "the Prevention Project").
_COMMON_HEADS = frozenset(
    fold(w) for w in ["project", "projet", "proyecto", "progetto", "projeto", "projekt"]
)
# An ordinal numbering a unit is part of its name: "2ª Câmara", "1st Division", "3e Bureau".
_ORDINAL = re.compile(r"^\s*\d{1,3}(?:ª|º|°|st|nd|rd|th|e|er|ème|re)\.?\s+(?=\w)")
# A Russian acronym with "по" and a territory names that body's branch there: "УФСБ по Брянской
# области", "УМВД по Алтайскому краю", "УФСИН по Республике Татарстан".
_RU_BRANCH = re.compile(
    r"^[А-ЯЁ]{2,8}\s+по\s+(?:[А-ЯЁ][а-яё-]+\s+(?:области|краю|округу|району)"
    r"|(?:Республике|городу)\s+[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)?)$"
)
# Russian writes a local government's body in lower case after the adjective of its level:
# "областное управление ...", "городской совет", "районная администрация".
_RU_LEVEL = re.compile(
    r"^(?:областн|городск|районн|краев|окружн|республиканск|муниципальн)"
    r"(?:ое|ой|ая|ый|ий|ого|ому|ым|ом|ую|ые|ых|ыми|ей)$",
    re.IGNORECASE,
)


# Russian writes a body's kind in lower case before its quoted name: "общественное объединение
# «X»", "благотворительный фонд «Y»".
_KIND_THEN_QUOTED = re.compile(
    r"^(?P<kind>(?:[а-яё][а-яё-]+\s+){0,2}[а-яё][а-яё-]+)\s+«[A-ZА-ЯЁ\u0400-\u04ff][^«»]{1,60}»?$"
)


def _ru_local_body(words: list[str]) -> bool:
    """ "областное управление ...": a level adjective and an organisation word; "областной
    центр" is a region's capital city, not a body."""
    return (
        len(words) > 1
        and bool(_RU_LEVEL.match(words[0]))
        and cat.is_org_word(words[1])
        and not words[1].lower().startswith("центр")
    )


def org_like(text: str) -> bool:
    """Whether a phrase reads as an organisation's name: an acronym, a state, or a name with an
    organisation word and few lower-case words (more when the name starts with its head noun, as
    in French, Spanish and Russian)."""
    if (named := _NAMED_AFTER.search(text)) and named.start() > 0:
        return org_like(text[: named.start()])  # "МГУ им. М. В. Ломоносова"
    if (short := without_remit(text)) != text:
        return org_like(short)  # "Центр по вопросам формирования ... и профилактики экстремизма"
    if (numbered := _ORDINAL.match(text)) and numbered.end() < len(text):
        return org_like(text[numbered.end() :])  # "2ª Câmara de Coordenação", "1st Division"
    words = WORD.findall(text)
    # A long name glossed by its acronym after it is still a name ("Regional Network of ...
    # Coordinators of the Western Balkan Six (RNNC)").
    if not words or len(words) > (24 if TRAILING_ACRONYM.search(text) else 16):
        return False
    stripped = text.strip()
    if PROSE.search(text) and not cat.known(text):
        # Prose or a person, unless it names a ministry or a state's leader ("the Minister of
        # Foreign Affairs of Kazakhstan", "Premier ministre irakien").
        upper = stripped[:1].upper() + stripped[1:]
        return bool(read_ministry(upper, None) or leader_state(upper)) and len(words) <= 10
    if not (words[0][0].isupper() or words[0].isupper()):
        # "the government of the Republic of Uzbekistan", "préfecture du Nord", "министерства
        # образования": a body written in lower case, headed by its organisation word.
        if GOVERNMENT.match(stripped) or read_ministry(stripped[:1].upper() + stripped[1:], None):
            return True
        if _ru_local_body(words):
            return True
        if (quoted := _KIND_THEN_QUOTED.match(stripped)) and any(
            cat.is_org_word(w) for w in WORD.findall(quoted.group("kind"))
        ):
            return True  # "общественным объединением «Ұшқыр жебе»": its kind, then its name
        if fold(words[0]) in _COMMON_HEADS:
            return False  # "le projet européen « X » se terminant": a project named, no body
        return cat.is_org_word(words[0]) and (
            any(w[0].isupper() for w in words[1:])
            or bool(CYRILLIC.search(text))
            # Arabic has no capitals: its organisation word heads the name ("جامعة بغداد").
            or (len(words) > 1 and bool(_ARABIC.search(words[0])))
            or (len(words) > 1 and cat.demonym_code(words[-1]) is not None)
        )
    if _RU_BRANCH.match(stripped):
        return True  # "УФСБ по Брянской области": a body's branch for a territory
    if ACRONYM.match(stripped):
        # "RIYADH" in a dateline is a city; three capitals are an acronym ("IPU", not Ipu).
        return len(stripped) <= _MAX_ACRONYM_NOT_CITY or city_country(stripped) is None
    if spells_own_acronym(stripped):
        return True
    if read_ministry(stripped, None) or leader_state(stripped):
        return True
    head_first = cat.is_org_word(words[0]) or (len(words) > 1 and cat.is_org_word(words[1]))
    # Romance names write their complements in lower case: "Centre d’études en droits humains
    # et démocratie" is French by its elided "d’" as much as by a "de".
    foreign = bool(CYRILLIC.search(text)) or any(
        fold(w) in _ROMANCE_LINKS or _ELIDED.match(w) for w in words
    )
    limit = _MAX_LOWER_WORDS_HEAD_FIRST if head_first and foreign else _MAX_LOWER_WORDS
    if (
        head_first
        and (gloss := TRAILING_ACRONYM.search(stripped))
        and ACRONYM_LIKE.match(gloss.group("acr"))
    ):
        # "Réseau francophone de prévention de la radicalisation et de l'extrémisme violents
        # pouvant conduire au terrorisme (FrancoPrev)": a long name its acronym glosses.
        limit = _MAX_LOWER_WORDS_GLOSSED
    # A phrase with many lower-case words is prose ("Office in Tajikistan on the draft national
    # strategy to counter ..."), not a name; Cyrillic names decline but stay short.
    lower = [w for w in words if w[0].islower() and fold(w) not in NAME_LINKS]
    if len(lower) > limit:
        return False
    return any(cat.is_org_word(w) for w in words) or cat.state_code(text) is not None


# A body's name without an organisation word still reads as a name: its words capitalised,
# joined by a preposition ("Projet de Prévention des Conflits", "Center for Global Dialogue"),
# or glossed by its acronym; a person ("Jean de La Fontaine") has fewer capitalised words.
_NAME_LINK = re.compile(r"^(?:de|du|des|of|for|del|für|on|pour|para|по|для)$")
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|dr|prof|professor|m|mme|mlle|me|sr|sra|don|doña|herr|frau|г-н|г-жа)\.?$", re.I
)
_MIN_CAPITALISED = 3


def reads_as_name(text: str) -> bool:
    """Whether a phrase with no organisation word reads as a body's name (§5.10 subjects)."""
    # "de l'Homme": an elided article is no word of the name.
    words = [w for w in (re.sub(r"^[ldLD]['’]", "", w) for w in WORD.findall(text)) if w]
    if not words or _HONORIFIC.match(words[0]) or PROSE.search(text):
        return False
    if cat.state_code(text) or city_country(text) or re.search(r"\d", text):
        return False
    if spells_own_acronym(text):
        return True
    # The words of the name itself, not of a bracket after it ("Research on Terrorism (ACSRT)").
    words = [w for w in WORD.findall(PAREN.sub(" ", text)) if w]
    words = [re.sub(r"^[ldLD]['’]", "", w) for w in words]
    links = [w for w in words if _NAME_LINK.match(w)]
    content = [w for w in words if not _NAME_LINK.match(w) and fold(w) not in MINOR]
    return (
        bool(links)
        and len(content) >= _MIN_CAPITALISED
        and all(w[0].isupper() for w in content)
        and not _NAME_LINK.match(words[0])
    )
