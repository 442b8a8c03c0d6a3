"""A list of organisers split into names: "X, Y and Z", "X in cooperation with Y", "X совместно
с Y", with the halves of one name glued back ("Ministry of Foreign Affairs and Trade"),
catalogued and quoted names kept whole, and a plural head shared out ("Permanent Missions of
Qatar and Switzerland").

Separate from one name's canonical form (``organiser_names``), which it asks of every piece.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, quotes
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_acronyms import (
    ACRONYM,
    ACRONYM_LIKE,
    TRAILING_ACRONYM,
    name_initials,
    spells_own_acronym,
)
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    protect_spelled,
    restore,
)
from confwatch.spiders.normalise.organiser_complements import (
    adjective_on_body,
    genitive_portfolio,
    remit_goes_on,
)
from confwatch.spiders.normalise.organiser_names import resolve
from confwatch.spiders.normalise.organiser_shape import NAME_LINKS, org_like, reads_as_name
from confwatch.spiders.normalise.organiser_states import (
    OF_STATE,
    X_GOVERNMENT,
    government,
    ministry_name,
    read_ministry,
    read_portfolio,
)
from confwatch.spiders.normalise.organiser_words import (
    CYRILLIC,
    LEADING,
    PAREN,
    PROSE,
    QUOTES,
    WORD,
    clean,
    unique,
)
from confwatch.spiders.normalise.places import city_country, country_name, fold

__all__ = [
    "QUOTED_UNIT",
    "is_slash",
    "list_separator",
    "mask_names",
    "slash_parts",
    "split_list",
]


_BASED = re.compile(r"(?:\b[A-Z][\w.]*\s+)*[A-Z][\w.]*-based\s+")
_UNIT_OF = re.compile(
    rf"^\s*(?:the\s+)?{MARK}(\d+){MARK}\s+(?:of|de|du|der|des)\s+(?:the\s+|la\s+|l['’])?"
    rf"{MARK}\d+{MARK}\s*$",
    re.I,
)
_PROSE_AFTER = re.compile(
    r"^\s+(?:of|at|in|on|the|an?|to|from|which|who|is|was|will|has|dans|à|au|en|de|en|y|in|im|"
    r"am|an|zu|auf|в|на|из)\s"
    # German puts the verb last: "unter der Ägide der OSZE stattfinden".
    r"|^\s+(?:stattfinden|stattfand|stattfindet|veranstaltet|organisiert|durchgeführt|statt)\s*$"
)
_REMIT_AFTER = re.compile(r"^\s+(?:en|pour|sur|contre)\s+(?:la\s+|le\s+|les\s+|l['’])?[a-zà-öø-ÿ]")
_FILLER = frozenset(fold(w) for w in ["the", "its", "their", "of", "and", "s", "with"])
# "Ahmed Ali" or "H.E. Ms. Ahmed Ali" after a body: its official, named in apposition.
_PERSON_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)*(?:[A-ZА-ЯЁ][\w'’.-]+\s*){1,3}$"
)


# The head of an organisation, written before its name ("Secretary-General of the", "Генерального
# секретаря", "Secrétaire général de l'").
_HEAD_OF = re.compile(
    r"^(?:secretary[\s-]general|executive\s+director|генеральн\w+\s+секретар\w+"
    r"|исполнительн\w+\s+директор\w*|secrétaire\s+général|secretario\s+general"
    r"|generalsekretär\w*)(?:\s+(?:of|de|del|der|des|l))?$",
    re.IGNORECASE,
)
# The head's own name, then the sentence going on: "Антониу Гутерриша в гибридном формате".
_PERSON_THEN_PROSE = re.compile(
    r"^\s*(?:[A-ZА-ЯЁ][\w'’.-]+\s+){1,3}(?:в|на|in|at|à|en|am|on|le|el)\s"
)


def _person_then(after: str) -> bool:
    """Whether the words after a body are a person's name and then the sentence going on
    (not a unit's name: "Mission in Skopje")."""
    m = _PERSON_THEN_PROSE.match(after)
    return m is not None and not any(cat.is_org_word(w) for w in WORD.findall(m.group(0)))


_COMMA_MARK = "\x03"
# A quoted name is one name: "„Zentrum für Analyse und Forschung“", "«Нур Отан» и ...".
_QUOTED = re.compile(quotes.quoted(lambda ch: f"[A-ZÀ-ÞА-ЯЁ]{ch}{{2,80}}", own=False, stop="\n"))
_IN_NAME = quotes.inside(quotes.MARKS + "\n")
_SPACE_MARK = "\x04"
# "„Zentrum für Analyse und Forschung“ (ZAF) am Bundesamt für Verfassungsschutz": a unit named in
# quotes, at the body it belongs to, is named by its quoted name.
QUOTED_UNIT = re.compile(
    rf"^(?P<name>{_IN_NAME}{{3,80}}){quotes.CLOSING}(?P<acr>\s*\([^()]{{2,12}}\))?\s+"
    r"(?:am|an\s+der|beim|bei|at\s+the|auprès\s+d[eu]|au|à\s+la|en\s+el|при)\s"
)
_ASIDE = re.compile(r"\s[–—]\s")


# A lower-case description of a body, then its own name in quotes (and its acronym).
_DESCRIBED = re.compile(
    rf"^(?:the\s+)?[a-zà-öø-ÿ]{_IN_NAME}{{2,40}}?\s{quotes.OPENING}\s*(?P<name>[A-ZÀ-Þ]{_IN_NAME}{{2,80}})"
    rf"{quotes.CLOSING}"
    r"(?P<acr>\s*\([^()\s]{2,12}\))?\s*$"
)
# A catalogued acronym in brackets closing a list piece.
_GLOSSED = re.compile(rf"\(\s*{MARK}(\d+){MARK}\s*\)\s*$")
_MAX_GLOSSED_WORDS = 14
# "Permanent Mission of Qatar to the United Nations (UN)": a state's office at a body.
_TO_THE_BODY = re.compile(r"\b(?:to|at|auprès|bei|при|ante|presso)\b", re.I)


def _glossed_name(before: str) -> bool:
    """Whether the words before a bracketed acronym are a name it glosses: capitalised, short,
    and no person or prose ("Ufficio antiterrorismo delle Nazioni Unite", not "said the head of
    the agency")."""
    words = WORD.findall(before)
    return (
        0 < len(words) <= _MAX_GLOSSED_WORDS
        and words[0][0].isupper()
        and not PROSE.search(before)
        and not _PERSON_AFTER.match(before)
    )


class _Protected:
    """A list's text with its catalogued names as placeholders: their canonical names, and
    their spellings on the page (to put an uncatalogued name that contains one back together as
    written)."""

    def __init__(self, text: str) -> None:
        self.text, self.names, self.spelled = protect_spelled(text)

    def written(self, piece: str) -> str:
        text = restore(piece, self.spelled).replace(_COMMA_MARK, ",")
        return clean(text.replace(_SPACE_MARK, " "))


def _item(piece: str, where: _Protected, country: str | None) -> tuple[str, str | None] | None:
    """Canonical name and state of one split piece, or None when it is no organiser."""
    names = where.names
    marks = PLACEHOLDER.findall(piece)
    if len(marks) == 1:
        before, _, after = PLACEHOLDER.sub("\x01", piece).partition("\x01")
        # "the Abu Dhabi-based International Centre ...": a descriptor is not part of the name.
        before = _BASED.sub(" ", before).strip(" " + QUOTES)
        leftover = [w for w in WORD.findall(before) if fold(w) not in _FILLER]
        leftover = [w for w in leftover if not LEADING.fullmatch(w + " ")]
        # "Albanian OSCE Chairmanship" is the Chairmanship; "Mission of X to the OSCE" and
        # "the UN Secretary-General" are not the OSCE or the UN.
        # "UNOCT at the Ministry ...", "TNTD of Organization for Security ...", "X a regional
        # conference is ...": the name ends where the prose goes on in lower case.
        after = after.strip(QUOTES)
        prose = _PROSE_AFTER.match(after)
        adjective = len(leftover) == 1 and (
            cat.demonym_code(leftover[0]) is not None
            or (leftover[0].endswith(("'s", "’s")) and cat.state_code(leftover[0][:-2]) is not None)
        )
        short = len(leftover) == 1 and (adjective or len(before) < 12)
        # "Chaire UNESCO en prévention de ...": an organisation word before the body and a
        # lower-case remit after it name a unit of its own, not the body.
        own_unit = (
            len(leftover) == 1 and cat.is_org_word(leftover[0]) and bool(_REMIT_AFTER.match(after))
        )
        if (
            (not leftover or short)
            and not own_unit
            and (
                not WORD.search(after) or prose or _PERSON_AFTER.match(after) or _person_then(after)
            )
        ):
            name = names[int(marks[0])]
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
        if _HEAD_OF.match(" ".join(leftover)) and (
            not WORD.search(after) or prose or _person_then(after)
        ):
            # "по инициативе Генерального секретаря ООН Антониу Гутерриша в ...": the
            # organisation's head acts for it.
            name = names[int(marks[0])]
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
    if marks and (glossed := _GLOSSED.search(piece)):
        # "l'Ufficio antiterrorismo delle Nazioni Unite (UNOCT)": a name in a language the
        # catalogue does not spell, glossed by a catalogued acronym, is that body.
        name = names[int(glossed.group(1))]
        before = restore(piece[: glossed.start()], where.spelled)
        if _glossed_name(where.written(before)) and not _TO_THE_BODY.search(before):
            body = cat.catalogue().bodies.get(name)
            return name, body.country if body else None
    unit_of = _UNIT_OF.match(piece)
    if unit_of:
        # "Transnational Threats Department of the OSCE": the unit, which is the organisation's.
        name = names[int(unit_of.group(1))]
        body = cat.catalogue().bodies.get(name)
        return name, body.country if body else None
    text = where.written(piece)
    if quoted := QUOTED_UNIT.match(text):
        name = quoted.group("name") + (quoted.group("acr") or "")
        if org_like(text[quoted.end() :].strip()):
            # Its parent's name says it is a body, whatever its own name's words.
            canonical, code, _ = resolve(name, country)
            return (canonical, code) if canonical else None
        text = name
    if text and (described := _DESCRIBED.match(text)):
        # "gruppo di lavoro “Voce delle Vittime del Terrorismo” (VVT)", "the working group
        # 'X'": a lower-case description, then the body's own name in quotes.
        text = described.group("name").strip() + (described.group("acr") or "")
        if org_like(text) or reads_as_name(text):
            canonical, code, _ = resolve(text, country)
            return (canonical, code) if canonical else None
    if text and X_GOVERNMENT.match(text):
        # "jointly hosted by the government and CTED": the event's state's government, when the
        # event's state is known; otherwise no organiser.
        canonical, code, _ = resolve(text, country)
        return (canonical, code) if code else None
    if text and (plural := _PLURAL_HEAD.match(text)):
        # "the governments of Australia and Denmark": the first state's body here, the others'
        # in ``_distribute``.
        canonical, code, _ = resolve(_singular(plural), country)
        if code:
            return canonical, code
    if text and not org_like(text) and (acronym := _lower_glossed(text)):
        return acronym, None
    if not text or not org_like(text):
        return None
    if len(marks) == 1 and not org_like(clean(restore(piece, names).replace(_SPACE_MARK, " "))):
        # "Muhammad R. Shah of the UN Office of Counter-Terrorism", "der Organisation für
        # Sicherheit ... stattfinden": the organisation word is the catalogued body's, and the
        # words around it make no name.
        return None
    canonical, code, _ = resolve(_without_inner_demonym(_without_kind(text)), country)
    return (canonical, code) if canonical else None


_MIN_GLOSS_LETTERS = 3


def _lower_glossed(text: str) -> str | None:
    """The acronym glossing a name the page wrote all in lower case ("le centrafricain de
    formation ... pour le développement (CAFRAD)"): its acronym is the body's name."""
    m = TRAILING_ACRONYM.search(text)
    if m is None or not ACRONYM.match(acr := m.group("acr").strip()):
        return None
    words = WORD.findall(text[: m.start()])
    if len(re.sub(r"[^A-ZА-ЯЁ]", "", acr)) < _MIN_GLOSS_LETTERS or len(words) < 2:
        return None
    if not all(w[0].islower() for w in words) or PROSE.search(text[: m.start()]):
        return None
    return acr if city_country(acr) is None and cat.state_code(acr) is None else None


# "Fondation allemande Friedrich Ebert": a Romance state adjective between a body's head and its
# own capitalised name says whose the body is; the name is the head and the proper name.
_INNER_DEMONYM = re.compile(
    r"^(?P<head>[A-ZÀ-Þ][\w'’-]+)\s+(?P<adj>[a-zà-öø-ÿ][\w-]+)\s+(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s+\S+)*)$"
)


# A lower-case word after a capitalised name saying what kind of body it is: "the European
# Values think-tank", "the Alder Trust charity".
_KIND_AFTER = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w'’&.-]*(?:\s+(?:of|for|and|de|the|[A-ZÀ-Þ][\w'’&.-]*))*)"
    r"\s+(?:think[\s-]tank|charity|non-profit|nonprofit|NGO)$"
)


def _without_kind(text: str) -> str:
    m = _KIND_AFTER.match(text)
    return m.group("name") if m else text


def _without_inner_demonym(text: str) -> str:
    m = _INNER_DEMONYM.match(text)
    if (
        m is None
        or not cat.is_org_word(m.group("head"))
        or cat.demonym_code(m.group("adj")) is None
    ):
        return text
    first = m.group("name").split()[0]
    if cat.state_code(first) or cat.demonym_code(first) or cat.is_org_word(first):
        return text
    return f"{m.group('head')} {m.group('name')}"


@lru_cache(maxsize=1)
def list_separator() -> re.Pattern[str]:
    """Items of a list: "X, Y and Z", "X in cooperation with Y", "X совместно с Y", Polish "X, Y
    oraz Z" ("oraz", as well as, never joins one name; "i" may, as "and" does)."""
    partner = lexicon.fragment("role", "partner")
    return pattern_cache.compiled(
        # "A / B / C": a slash between spaces parts bodies ("ACSRT/CAERT" is one body's two names).
        r"(\s*;\s*|\s+/\s+|\s*\n\s*(?:[-•*]\s*)?"
        rf"|\s*,?\s+(?:(?:and\s+|ва\s+)?(?:{partner})"
        r"|and|as\s+well\s+as|along\s+with|alongside|ainsi\s+que|así\s+como|sowie|а\s+также"
        # Tajik "ва" and Mongolian "болон" (and)
        r"|oraz|и|і|et|und|y|e|i|ва|болон"
        # Dutch "and" before its article: "de Universiteit X en het Kenniscentrum Y" (French
        # "en" alone is "in": "Ambassade de France en Algérie" is one body).
        r"|en(?=\s+(?:het|de)\s))"
        r"\s+|\s*,\s*)",
        re.IGNORECASE,
    )


# Only a bare "and" or a comma may join two halves of one name ("Ministry of Foreign Affairs and
# Trade", "Ministry of Education, Culture and Science").
_BARE_AND = re.compile(r"^\s+(?:and|et|und|y|e|и|і|i|ва)\s+$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*$")
_SLASH = re.compile(r"^\s+/\s+$")
_LINK_START = re.compile(r"^(?:(?:de|du|des|of|del|für)\s|d['’])")
_SECOND_COMPLEMENT = re.compile(
    r"^(?:de|des|of|del|für)\s+(?!(?:la|le|les|los|las|the|el|der|die|das)\b)[a-zà-öø-ÿ]{3,}"
)
# A name's complement, after which "and X" may still be the name: "Institute for Strategic and
# Regional Studies", "Kompetenzzentrum für Deradikalisierung und Risikoanalyse", "агентства по
# социальным инновациям и обслуживанию граждан".
# Romance "de" is English "of": "Facultad de Derecho y Relaciones Internacionales de la ...".
_COMPLEMENT = re.compile(
    r"\b(?:for|für|pour|para|on|против|по|of|de|del|di|do|da|du|des)\s+\S+(?:\s+\S+)?$", re.I
)
# A name's object after "against" ("Office against Drugs and Crime", "Centro contra el
# Terrorismo y el Crimen Organizado", "Ufficio contro la droga e il crimine"): its second noun may
# carry its own article.
_AGAINST = re.compile(
    r"\b(?:against|contre|contra|contro|gegen|против|проти)\s+(?:\S+\s+)?\S+$", re.I
)
_OWN_ARTICLE = re.compile(
    r"^\s*(?:the|le|la|les|el|los|las|il|lo|gli|o|a|os|as|der|die|das|den)\s+", re.I
)
_MAX_OBJECT_WORDS = 5
_ARTICLE_FIRST = re.compile(
    r"^\s*(?:(?:the|le|la|les|el|los|las|der|die|das|dem|den|des|il|lo|gli|dal|dalla|del|della)\b"
    r"|(?:l|dall|dell)['’])",
    re.I,
)
_PLURAL_HEAD = re.compile(
    r"^(?P<head>(?:the\s+)?(?:Permanent\s+)?(?:Missions|Embassies|Ministries|Governments"
    r"|Delegations|Offices|Ministerios|Ministères|Ambassades|Misiones|Gobiernos|Gouvernements))\s+"
    r"(?P<link>of|de|des|du|del)\s+(?:the\s+)?(?P<rest>.+)$",
    re.IGNORECASE,
)
_SINGULAR = {
    "missions": "Mission",
    "embassies": "Embassy",
    "ministries": "Ministry",
    "governments": "Government",
    "delegations": "Delegation",
    "offices": "Office",
    "ministerios": "Ministerio",
    "ministères": "Ministère",
    "ambassades": "Ambassade",
    "misiones": "Misión",
    "gobiernos": "Gobierno",
    "gouvernements": "Gouvernement",
}


def is_slash(sep: str) -> bool:
    return _SLASH.match(sep) is not None


def slash_parts(before: str, after: str) -> bool:
    """Whether a slash between spaces parts two bodies ("Alpha Institute / Beta University"):
    the name before it is whole (an organisation word, an acronym or a bracket last, or an
    organisation word first in a name of several words), not one
    name's two words ("Preventing / Countering Violent Extremism Coordinators")."""
    before = before.rstrip()
    words = WORD.findall(before)
    last = (words[-1:] or [""])[0]
    # "Università di Pisa / Comune di Pisa": a Romance name opens with its organisation word
    # and ends with what it is of; it is whole too.
    whole = (
        cat.is_org_word(last)
        or bool(ACRONYM.match(last))
        or before.endswith(")")
        or (len(words) > 1 and cat.is_org_word(words[0]))
    )
    return whole and org_like(before) and org_like(after)


def _glued(previous: str, sep: str, chunk: str, where: _Protected) -> bool:
    """Whether ``chunk`` after ``sep`` is the rest of the name in ``previous``."""
    restored = where.written(chunk)
    if _SLASH.match(sep):
        return not slash_parts(where.written(previous), restored)
    if restored and _BARE_AND.match(sep) and _SECOND_COMPLEMENT.match(chunk.lstrip()):
        # "Centre africain d'études et de recherches sur le terrorisme de l'Union africaine": a
        # name never starts with a preposition and a lower-case noun, even when a catalogued
        # body follows in the complement.
        return True
    if (
        _BARE_AND.match(sep)
        and (inner := _INNER_GLOSS.match(chunk))
        and not PLACEHOLDER.search(inner.group("head"))
        and _object_tail(where.written(previous), sep, where.written(inner.group(0)))
    ):
        # "Centro contra el Terrorismo y el Crimen Organizado (CITCO) del Ministerio del
        # Interior": the second object, glossed by the acronym, then the parent body.
        return True
    if not restored or PLACEHOLDER.search(chunk):
        return False
    before = where.written(previous)
    if _coordinated_adjective(before, sep, chunk, restored):
        return True  # "the Informational and Analytical Center for International Relations"
    if (closed := TRAILING_ACRONYM.search(before)) and ACRONYM_LIKE.match(closed.group("acr")):
        return False  # "Centre of Excellence (CoECVE) and Paigham-e-Pakistan": the acronym ends it
    if (_BARE_AND.match(sep) or _COMMA.match(sep)) and (m := TRAILING_ACRONYM.search(restored)):
        # "Institute for Strategic and Regional Studies under the President (ISRS)": the two
        # halves together spell the acronym, the second alone does not.
        acr = re.sub(r"[^A-ZА-ЯЁ]", "", m.group("acr"))
        joined = name_initials(before + sep + restored[: m.start()])
        alone = name_initials(restored[: m.start()])
        if len(acr) >= 3 and joined.startswith(acr) and not alone.startswith(acr):
            return True
        if (
            len(acr) >= 3
            and acr[0] == joined[:1]
            and acr[-1] == joined[-1:]
            and acr[0] != alone[:1]
        ):
            return True
    if _object_tail(before, sep, restored):
        return True
    if (
        _BARE_AND.match(sep)
        and (gloss := TRAILING_ACRONYM.search(restored))
        and ACRONYM_LIKE.match(gloss.group("acr"))
        and not org_like(restored[: gloss.start()].strip())
        and name_initials(restored[: gloss.start()])
        != re.sub(r"[^A-ZА-ЯЁ]", "", gloss.group("acr").upper())
        and cat.state_code(restored[: gloss.start()].strip()) is None
        and org_like(before)
        and not TRAILING_ACRONYM.search(before)
    ):
        # "Centro para el Estudio de la Radicalización y la Violencia Política (ICSR)": the
        # acronym glosses the whole name; the piece before it has no organisation word.
        return True
    if (
        _BARE_AND.match(sep)
        and _LINK_START.match(chunk.lstrip())
        and cat.state_code(restored) is None  # "gouvernements du Canada et de la France"
    ):
        # "Institut d'étude et de sécurité", "Centre of Studies and of Research": a name never
        # starts with a lower-case preposition, so the piece is the name's second complement.
        return True
    if _BARE_AND.match(sep) and genitive_portfolio(before, restored):
        return True  # "Министерство образования и науки": one Russian ministry, two portfolios
    if _ARTICLE_FIRST.match(chunk) or (
        read_portfolio(restored.lower()) is not None and before[:6].lower() in ("minist", "минист")
    ):
        return False  # "and the Public Opinion Research Institute", "Exteriores e Interior"
    words = restored.split()
    first = words[0]
    cyrillic = bool(CYRILLIC.search(first))
    if (
        (_BARE_AND.match(sep) or _COMMA.match(sep))
        and remit_goes_on(before, restored)
        and org_like(f"{before}{sep}{restored}")
    ):
        return True  # "Министерство по внешним связям, национальной политике и печати"
    if (
        _BARE_AND.match(sep)
        and (first[0].isupper() or cyrillic)
        and not cat.is_org_word(first)
        and cat.demonym_code(first) is None
        and cat.state_code(restored) is None
        and _COMPLEMENT.search(before)
    ):
        return True
    if (
        _BARE_AND.match(sep)
        and len(words) <= 2
        and all(w[0].islower() for w in words)
        and not any(cat.is_org_word(w) for w in words)
        and (head := before.split()[:1])
        and head[0][0].islower()
        and cat.is_org_word(head[0])
        and adjective_on_body(words)
    ):
        # "les autorités fédérales et provinciales belges": adjectives coordinated on a body
        # written in lower case are that body's; a name does not start in lower case.
        return True
    if (
        _BARE_AND.match(sep)
        and len(words) <= 2
        and all(w[0].islower() and not cat.is_org_word(w) for w in words)
        and not _OTHERS.match(first)
        and _LOWER_COMPLEMENT.search(before)
    ):
        return True  # "Centre d'études en droits humains et démocratie": one lower-case complement
    if _polish_genitive_goes_on(before, sep, words):
        return True
    if org_like(restored) or len(words) > 2 or first[0].islower():
        return False
    if ACRONYM.match(before.strip()):
        return False  # "UPO e Miur": no name goes on after a bare acronym
    if _dotted_short(restored) or _dotted_short(before):
        return False  # "Università X, Ce.Ri.S e Y": a dotted short name is a body of its own
    if _COMMA.match(sep) and _CITY_NAME.match(restored) and city_country(restored) is not None:
        return False  # "Bahria University, Islamabad": a city after a comma is the body's seat
    return bool(_BARE_AND.match(sep)) or (bool(_COMMA.match(sep)) and len(words) == 1)


# Polish names put their head first and its complements after it in the genitive, two of them
# joined by "i": "Wyższa Szkoła Bezpieczeństwa Publicznego i Indywidualnego", "Fundacja na rzecz
# promocji nauki i rozwoju". A genitive adjective or noun after "i" goes on such a name; a new
# body starts with its own head ("i Uniwersytet X").
_POLISH_AND = re.compile(r"^\s+i\s+$")
_POLISH_GENITIVE = re.compile(r"\w+(?:ego|ej|ych|ich|ów|ości|ji|ii|u)$", re.IGNORECASE)


def _polish_genitive_goes_on(before: str, sep: str, words: list[str]) -> bool:
    head = before.split()[:2]  # "Wyższa Szkoła": an adjective may come before the head
    return (
        bool(_POLISH_AND.match(sep))
        and len(head) == 2
        and any(cat.is_org_word(w) for w in head)
        and _POLISH_GENITIVE.fullmatch(words[0]) is not None
        and not cat.is_org_word(words[0])
    )


# A short name written with dots between its syllables or initials ("Ce.Ri.S", "U.N.I.").
_DOTTED_SHORT = re.compile(r"[A-Z][A-Za-z]{0,2}(?:\.[A-Za-z]{1,3}){2,}\.?")


def _dotted_short(text: str) -> bool:
    """A syllable abbreviation has a lower-case letter ("U.S.A." is a state's initials)."""
    text = text.strip()
    return bool(_DOTTED_SHORT.fullmatch(text)) and any(c.islower() for c in text)


# A Romance name's complement written in lower case, ending the name before a bare "and": its
# coordinated noun after the "and" is the name's own ("... en droits humains et démocratie").
_LOWER_COMPLEMENT = re.compile(
    r"(?:\s(?:de|du|des|en|pour|sur|contre|para|por|sobre|contra|di|del|della|em|do|da|dos|das)\s"
    r"|\s[dl]['’])(?:[a-zà-öø-ÿ][\w'’-]*\s+){0,3}[a-zà-öø-ÿ][\w'’-]*$"
)
_OTHERS = re.compile(
    r"^(?:autres|otros|otras|altri|altre|outros|outras|partenaires|socios|partner)$", re.I
)


# A piece's head glossed by its acronym, with more after it: "el Crimen Organizado (CITCO) del ...".
_INNER_GLOSS = re.compile(r"^(?P<head>[^()]+?)\s*\([^()\s]{2,12}\)(?=\s+\S)")


# An English adjective's ending: "Informational", "Strategic", "Comparative", "Disciplinary".
_ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ary)$")


def _coordinated_adjective(before: str, sep: str, chunk: str, restored: str) -> bool:
    """Whether ``before`` is one capitalised adjective coordinated with the first word of the
    name in ``chunk``: "Informational and Analytical Center ...", "Strategic and Regional
    Studies Institute" (no body is named by an adjective alone)."""
    words = WORD.findall(before)
    if not _BARE_AND.match(sep) or len(words) != 1 or _ARTICLE_FIRST.match(chunk):
        return False
    word = words[0]
    return (
        word[0].isupper()
        and not word.isupper()
        and bool(_ADJECTIVE_END.search(word))
        and not cat.is_org_word(word)
        and cat.state_code(word) is None
        and cat.demonym_code(word) is None
        and org_like(restored)
    )


def _object_tail(before: str, sep: str, chunk: str) -> bool:
    """Whether ``chunk`` after a bare "and" is the second object of a name's "against ...": "the
    Centre against Terrorism and the Organised Crime (CATCO)". A body of its own ("and the
    Ministry of ...", "and the Netherlands", "and the RUSI") is not."""
    if not _BARE_AND.match(sep) or not _AGAINST.search(before):
        return False
    bare = TRAILING_ACRONYM.sub("", chunk)
    words = WORD.findall(bare)
    if not words or len(words) > _MAX_OBJECT_WORDS or CYRILLIC.search(bare):
        return False
    if any(cat.is_org_word(w) or (w.isupper() and len(w) > 1) for w in words):
        return False
    return cat.state_code(_OWN_ARTICLE.sub("", bare)) is None and cat.state_code(bare) is None


def _distribute(items: list[tuple[str, str | None]], pieces: list[str], where: _Protected) -> None:
    """ "Permanent Missions of Qatar and Switzerland", "Ministries of Foreign Affairs and the
    Interior": a plural head names one body per state or portfolio after it."""
    for k, piece in enumerate(pieces[:-1]):
        m = _PLURAL_HEAD.match(where.written(piece))
        if m is None:
            continue
        head = _singular_head(m)
        items[k] = (_named(_singular(m)), items[k][1])
        nxt = where.written(pieces[k + 1])
        code = cat.state_code(nxt)
        if code or read_portfolio(nxt.lower()):
            items[k + 1] = (_named(f"{head} {m.group('link')} {nxt}"), code)


def _singular_head(plural: re.Match[str]) -> str:
    words = plural.group("head").split()
    return " ".join(_SINGULAR.get(w.casefold(), w) for w in words if w.casefold() != "the")


def _singular(plural: re.Match[str]) -> str:
    """ "Governments of Australia and Denmark" -> "Government of Australia and Denmark"."""
    return f"{_singular_head(plural)} {plural.group('link')} {plural.group('rest')}"


def _named(text: str) -> str:
    found = read_ministry(text, None)
    if found:
        return found[0]
    m = OF_STATE.match(text)
    if m and (code := cat.state_code(m.group("state"))):
        if X_GOVERNMENT.match(m.group("what")):
            return government(code)  # "Gouvernements du Canada et de la France"
        return f"{m.group('what')} of {country_name(code, article=True) or code}"
    return text


def mask_names(text: str) -> str:
    """``text`` with the commas in brackets and the spaces and commas of quoted names masked, so
    that no list separator splits them; ``clean`` and ``split_list`` unmask."""
    masked = PAREN.sub(lambda m: m.group(0).replace(",", _COMMA_MARK), text)
    return _QUOTED.sub(
        lambda m: m.group(0).replace(",", _COMMA_MARK).replace(" ", _SPACE_MARK), masked
    )


_MAX_SANDWICHED_WORDS = 8
# An office a person holds, named between a person and their body: "Undersecretary of State".
_OFFICE_HELD = re.compile(
    r"^(?:(?:deputy|vice|under|assistant|chief|head|acting)[\s-]*)*(?:secretary|undersecretary"
    r"|commissioner|governor|mayor|chairman|chairperson|chair|president|consul|counsellor"
    r"|advisor|adviser|officer|head|chief|general|colonel|attaché|secrétaire|conseill\w+"
    r"|secretario|subsecretario|staatssekretär\w*)\b",
    re.IGNORECASE,
)


def _between_bodies(piece: str, rest: list[str], where: _Protected, country: str | None) -> bool:
    """Whether a capitalised name without an organisation word sits between two bodies of one
    list ("the IPU, the House of Representatives of Egypt and UNODC"): a list of bodies names
    bodies, so it is one too."""
    text = where.written(piece)
    words = WORD.findall(text)
    if not words or len(words) > _MAX_SANDWICHED_WORDS or not words[0][0].isupper():
        return False
    # Its head is no person or prose ("Director of ...", "Representatives of ..."); words after
    # the head may be ("House of Representatives").
    if (
        PROSE.match(words[0])
        or _OFFICE_HELD.match(text)
        or re.search(r"\d", text)
        or city_country(text) is not None
    ):
        return False
    lower = [w for w in words if w[0].islower() and fold(w) not in NAME_LINKS]
    # "House of Representatives of Egypt", not a person ("John Smith"): a name of linked words.
    if lower or len(words) < 3 or not any(fold(w) in NAME_LINKS for w in words[1:]):
        return False
    return any(_item(p, where, country) is not None for p in rest[:1])


# "organised by the X Society in Malaga, Spain": where the body is, its city and that city's
# state after a comma, is no part of its name, and the state is no body of the list.
_PLACE = re.compile(
    r"\s+(?P<prep>in|à|en|a|im|of|de|du)\s+"
    r"(?P<city>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:[\s-][A-ZÀ-ÖØ-Þ][\w'’.-]+)?)"
    r"\s*,\s*(?P<state>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+)?)"
    r"(?=\s*(?:,|$)|\s+(?:and|et|y|und|e)\s)"
)
# The name before "of <city>, <state>" (back to the list's separator before it).
_NAME_BEFORE = re.compile(r"(?:^|,\s*|\s(?:and|et|y|und|e)\s+)(?P<name>[^,]*)$")
# A complement or an acronym that completes a name before its seat: "Centre on X", "(ISS)".
_COMPLETE = re.compile(r"\s(?:on|for|of|against|de|pour|para|für)\s|\)$")


def _seat_of(clause: str, m: re.Match[str]) -> bool:
    """Whether "of <city>" after a name is where its body sits, not its name's end: "the Centre
    on X of Washington DC, United States", "the Institute (ISS) of Pretoria, South Africa" (a
    name already complete), not "the University of Pretoria, South Africa"."""
    if m.group("prep") not in ("of", "de", "du"):
        return True
    before = _NAME_BEFORE.search(clause[: m.start()])
    name = clean(before.group("name")) if before else ""
    words = WORD.findall(name)
    return (
        len(words) >= 3
        and not cat.is_org_word(words[-1])
        and bool(_COMPLETE.search(name))
        and org_like(name)
    )


def _without_place(clause: str) -> str:
    """The clause without where its bodies sit: a city and that city's state after a comma
    ("organised by the X Society in Malaga, Spain", "the Y Centre of Pretoria, South Africa and
    ..."): no part of a name, and the state is no body of the list."""
    out, at = [], 0
    for m in _PLACE.finditer(clause):
        code = cat.state_code(m.group("state"))
        if code is not None and city_country(m.group("city")) == code and _seat_of(clause, m):
            out.append(clause[at : m.start()])
            at = m.end()
    return "".join(out) + clause[at:] if out else clause


# A footnote's mark after a name ("the Rabita Mohammadia of Ulemas[1]") is no part of it.
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_MIN_BODIES_BEFORE_LAST = 2
_ONE_WORD = re.compile(r"^[A-ZÀ-Þ][\w’'.]*(?:-[\w’'.]+)*$")


def _separator_before(piece: str, where: _Protected) -> str:
    """The separator right before the last ``piece`` of the masked list text."""
    at = where.text.rfind(piece)
    chunks = list_separator().split(where.text[:at] + "\x00")
    return chunks[-2] if len(chunks) > 1 else ""


def _list_ends_after(rest: list[str], where: _Protected) -> bool:
    """Whether the list ends after a piece: nothing follows, or the sentence going on in lower
    case ("..., ended on Friday")."""
    return not rest or where.written(rest[0]).strip()[:1].islower()


def _one_word_name(text: str) -> bool:
    """Whether ``text`` is one capitalised word that is no place, state, people, event or prose:
    "Hedayah", "Paigham-e-Pakistan"."""
    text = text.strip()
    if not _ONE_WORD.match(text) or PROSE.search(text) or re.search(r"\d", text):
        return False
    if cat.state_code(text) or cat.demonym_code(text) or city_country(text) is not None:
        return False
    return lexicon.word_kind(text) is None  # "and Forum", "and Conference": an event word


# One word opening a role's list, then where the sentence goes on: its end, a comma or bracket,
# or a lower-case word ("organizzato dall'Anaspol dal titolo ...").
_SOLE_WORD = re.compile(
    r"^(?P<word>\S+?)(?=[,;:()]|\s*$"
    # Not "and" (a list of such words), nor "of" (the name goes on: "Senate of the Oliy Majlis").
    r"|\s+(?!(?:and|et|und|y|e|i|o|or|ou|oder|и|или|of|for|de|du|des|di|del|della|der|für"
    r"|van|von|do|dos|da)\s)[a-zà-öø-ÿ])"
)
_MIN_SOLE_LETTERS = 4  # "Nat" is a name cut short, not a name


def sole_name(clause: str) -> str | None:
    """The one capitalised word a role phrase's list names when no organisation word, acronym or
    catalogue says it is a body ("organised by Hedayah, the centre ...", "organizzato
    dall'Anaspol dal titolo ..."): a name standing alone as the agent is a body's. A place, a
    state, a people, an event word or prose is none."""
    text = LEADING.sub("", " ".join(clause.split()))
    m = _SOLE_WORD.match(text)
    if m is None:
        return None
    word = m.group("word").rstrip(".")
    if _person_title().fullmatch(word):
        return None  # "organised by Dr. X": the clause was cut after the title
    if len(word) < _MIN_SOLE_LETTERS or word.isupper() or cat.is_org_word(word):
        return None  # an acronym or "the Senate" is read as such, or not at all
    return word if _one_word_name(word) else None


@lru_cache(maxsize=1)
def _person_title() -> re.Pattern[str]:
    return re.compile(lexicon.fragment("person_title"), re.IGNORECASE)


_CITY_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+)?$")
# The agent's preposition opening a list piece: "by", "par", "por", "da"/"dalla", "von"/"vom";
# Portuguese repeats the genitive of "com organização da X e do Y".
_REPEATED_AGENT = re.compile(
    r"^(?:by|par|por|pel[oa]|da|dal|dalla|dallo|dall['’]|von|vom|d[oa]s|do)\s*(?<=\s|['’])(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _seat(piece: str, before: list[str], where: _Protected) -> bool:
    """Whether ``piece`` is a city right after a body and a comma: where that body sits. Only a
    city's bare name ("Islamabad", "Abu Dhabi"), not a venue ("the Palais des Nations")."""
    text = where.written(piece).strip()
    if not before or not _CITY_NAME.match(text):
        return False
    sep = where.text[: where.text.rfind(piece)]
    return sep.rstrip().endswith(",") and city_country(text) is not None


_LAST_CAPITALISED = re.compile(
    r"(?:^|\s)(?P<city>[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+)?)$"
)


def _seat_state(piece: str, previous: str, where: _Protected, state: str | None = None) -> bool:
    """Whether ``piece`` is a state after a comma, right after a name or a city ending in a city
    of that state, or a national body of that state (``state``): where the body before sits
    ("the University of Pretoria, South Africa", "Bahria University, Islamabad, Pakistan", "the
    National Authority (NA), Pakistan")."""
    code = cat.state_code(where.written(piece).strip())
    if code is None or not _COMMA.match(_separator_before(piece, where)):
        return False
    if state is not None and state == code:
        return True
    last = _LAST_CAPITALISED.search(where.written(previous).strip())
    if last is None:
        return False
    city = last.group("city")
    return city_country(city) == code or city_country(city.split()[-1]) == code


# A person named with an honorific: "M. Bernard X", "H.E. Mr. John Y", "Sra. Ana Z".
_TITLED_PERSON = re.compile(
    r"^(?:(?:H\.\s?E\.|S\.\s?E\.|M\.|MM\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sr\.|Sra\.|Herr|Frau"
    r"|г-н|г-жа)\s+)+(?:[A-ZÀ-ÞА-ЯЁ][\w'’.-]+\s*){1,4}$"
)


def _person_holding(piece: str, rest: list[str], where: _Protected) -> bool:
    """Whether ``piece`` is a person whose office, after a comma, names a ministry: "à
    l'invitation de M. X, ministre de l'Intérieur de la France" is the ministry's invitation."""
    if not rest or not _TITLED_PERSON.match(where.written(piece)):
        return False
    if not _COMMA.match(_separator_before(rest[0], where)):
        return False
    office = where.written(rest[0])
    return read_ministry(office[:1].upper() + office[1:], None) is not None


# A piece opening with a genitive preposition and its article: the previous name's parent.
_GENITIVE_FIRST = re.compile(
    r"^\s*(?:della|dello|degli|delle|dei|del\s+la|de\s+la|du|des|of\s+the|del)\s", re.IGNORECASE
)


def _before_aside(piece: str) -> str:
    """A piece up to an aside after a dash, unless the dash is inside brackets ("(Radicalisation
    Awareness Network – RAN)")."""
    brackets = [m.span() for m in PAREN.finditer(piece)]
    for m in _ASIDE.finditer(piece):
        if not any(s <= m.start() < e for s, e in brackets):
            return piece[: m.start()]
    return piece


# Names coordinated before one plural organisation word: "Birmingham, Leicester and Luton
# Councils", "the Kenyan and Somali Governments" (English puts the shared head last).
_SHARED_TAIL = re.compile(
    r"(?P<names>(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?\s*,\s*)*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
    r"\s*,?\s+and\s+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+(?P<plural>(?:City\s+)?Councils"
    r"|Universities|Ministries|Governments|Municipalities|Embassies|Police\s+Forces)\b"
)
_SINGULAR_TAIL = {
    "councils": "Council",
    "city councils": "City Council",
    "universities": "University",
    "ministries": "Ministry",
    "governments": "Government",
    "municipalities": "Municipality",
    "embassies": "Embassy",
    "police forces": "Police Force",
}


def _shared_tail(clause: str) -> str:
    """ "Birmingham, Leicester and Luton Councils" -> "Birmingham Council, Leicester Council and
    Luton Council": each name with the organisation word they share."""

    def spread(m: re.Match[str]) -> str:
        head = _SINGULAR_TAIL[" ".join(m.group("plural").lower().split())]
        return re.sub(
            r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?=\s*,|\s+and\b|$)",
            lambda n: f"{n.group(0)} {head}",
            m.group("names"),
        )

    return _SHARED_TAIL.sub(spread, clause) if " and " in clause else clause


def split_list(clause: str, country: str | None, *, strict: bool) -> list[str]:
    """Split a list of organisers; ``strict`` stops at the first piece that is no organiser (a
    list after a role phrase is the role's; what follows it is the sentence going on)."""
    clause = _shared_tail(_without_place(_FOOTNOTE.sub("", clause)))
    where = _Protected(mask_names(clause))
    chunks = list_separator().split(where.text)
    pieces: list[str] = []
    for index, chunk in enumerate(chunks):
        if index % 2:  # a separator: remember it to glue "and Trade" back
            continue
        sep = chunks[index - 1] if index else ""
        if pieces and _glued(pieces[-1], sep, chunk, where):
            pieces[-1] = f"{pieces[-1]}{sep}{chunk}"
            continue
        pieces.append(chunk)
    resolved: list[tuple[str, str | None]] = []
    kept: list[str] = []
    pieces = [p for p in pieces if where.written(p)]
    for index, piece in enumerate(pieces):
        # "Secrétaire d'État des États-Unis – depuis les Etats-Unis": an aside after a dash.
        # Not a dash inside a glossed name: "Community Resilience Activity – North (CRA-North)".
        if not spells_own_acronym(where.written(piece)):
            piece = _before_aside(piece)
        if _COMMA.match(_separator_before(piece, where)) and _GENITIVE_FIRST.match(piece):
            continue  # "X (VVT), della Rete Y": whose unit X is, not a body of the list
        item = _item(piece, where, country)
        if item is None and resolved and resolved[-1][0].startswith("Ministry of"):
            # "Ministerio de Asuntos Exteriores e Interior": the second portfolio's ministry.
            portfolio = read_portfolio(where.written(piece).lower())
            if portfolio is not None and not portfolio[1]:
                item = (ministry_name(portfolio[0], resolved[-1][1]), resolved[-1][1])
        if (
            item is None
            and resolved
            and _between_bodies(piece, pieces[index + 1 :], where, country)
        ):
            item = (resolve(where.written(piece), country)[0], None)
        if (
            item is None
            and len(resolved) >= _MIN_BODIES_BEFORE_LAST
            and _list_ends_after(pieces[index + 1 :], where)
            and _BARE_AND.match(_separator_before(piece, where))
            and (
                _one_word_name(where.written(piece))
                or reads_as_name(written := clean(where.written(piece)))
            )
        ):
            # "by the X Council, the Y Centre and Hedayah": the last of a list of bodies, one
            # capitalised word or a name of capitalised words joined by a preposition ("et la
            # Rabita Mohammadia des Oulémas"), is a body too.
            one_word = _one_word_name(where.written(piece))
            item = (where.written(piece) if one_word else written, None)
        if (
            item is None
            and len(resolved) == 1
            and ACRONYM.match(where.written(kept[-1]).strip())
            and _list_ends_after(pieces[index + 1 :], where)
            and _BARE_AND.match(_separator_before(piece, where))
            and _one_word_name(where.written(piece))
        ):
            # "organizzato da UPO e Miur": a word after an acronym and "and", ending the list, is
            # a body written as a word (Italian writes acronyms so).
            item = (where.written(piece).strip(), None)
        if item is None and resolved and (agent := _REPEATED_AGENT.match(where.written(piece))):
            # "organizzato dalla Questura X e da Unimore", "organisé par X et par Y": the agent's
            # preposition repeated after "and" says the next piece is an agent too, whatever its
            # words.
            rest = agent.group("rest")
            if _BARE_AND.match(_separator_before(piece, where)) and (
                _one_word_name(rest) or reads_as_name(rest) or org_like(rest)
            ):
                item = (rest, None)
        if item is None and resolved and _dotted_short(where.written(piece)):
            # "insieme all'Università X, Ce.Ri.S e Y": a name shortened by dotted syllables,
            # after a body of the list, is a body of the list too.
            item = (where.written(piece).strip(), None)
        if item is None and _person_holding(piece, pieces[index + 1 :], where):
            continue  # "M. Bernard X, ministre de l'Intérieur de la France": the office names it
        if item is None and resolved and _seat(piece, pieces[:index], where):
            continue  # "Bahria University, Islamabad and ...": the body's city, the list goes on
        if (
            item is not None
            and resolved
            and _seat_state(piece, pieces[index - 1], where, resolved[-1][1])
        ):
            continue  # "the University of Pretoria, South Africa": the seat's state, no body
        if item is None:
            if strict and not X_GOVERNMENT.match(where.written(piece)):
                break  # a government of no known state is a body still: the list goes on
            continue
        resolved.append(item)
        kept.append(piece)
    _distribute(resolved, kept, where)
    if country is None:
        # A clause naming one state's bodies tells whose "Ministry of Foreign Affairs" it is.
        hint = next((code for _, code in resolved if code), None)
        if hint is not None:
            resolved = [
                (resolve(n, hint)[0] if code is None and n.startswith("Ministry") else n, code)
                for n, code in resolved
            ]
    return unique(name for name, _ in resolved)
