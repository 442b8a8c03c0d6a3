"""The conference's own name, read from a page heading or from the sentences that present it.

A news headline is not a conference's name ("High-level regional conference on Counter-Terrorism
opened on June 20", "Deputy Minister attended the Inter-Regional Conference on ..."), a text
capture often starts with site navigation, and some pages have no heading at all. The name is
then the phrase the text uses for the event: a quoted name attached to an event word
(conference “X”, workshop titled “X”), or a noun phrase built around one ("Regional Conference on
X", "Twelfth GCTF Coordinating Committee Meeting", "первая Конференция высокого уровня ...").
Which of them an event gets (the heading, or a name from the text) is ``titles.choose_title``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.places import city_country, country_code
from confwatch.spiders.normalise.text_cache import short_text_cache
from confwatch.spiders.normalise.whole_words import dispatched
from confwatch.spiders.title_case import SMALL_WORDS, mostly_capitalised, title_words

__all__ = [
    "event_name",
    "is_event_noun",
    "is_headline",
    "is_title_junk",
    "name_tokens",
]

# Event words come from the lexicon (``lexicon.py``): large and small ones name a meeting on their
# own ("conference", "круглый стол", "Fachtagung"); meeting words ("Coordinating Committee
# Meeting", "Counter-Terrorism Week", "réunion") are a name only with a capitalised modifier.
_STRONG_KINDS = frozenset({"large", "small"})
_NAME_KINDS = _STRONG_KINDS | {"meeting", "session", "generic", "week"}


@short_text_cache(maxsize=16384)  # asked of every token of the sentences names are read from
def is_event_noun(word: str) -> bool:
    """A token that is an event noun a name may end with ("Conference", "Meeting", "круглом
    столе"); a press conference is none."""
    return _kind(word) in _NAME_KINDS


def _is_strong_noun(word: str) -> bool:
    return _kind(word) in _STRONG_KINDS


@short_text_cache(maxsize=16384)  # asked of every token of the sentences names are read from
def _kind(word: str) -> str | None:
    # "Anti-Terrorismus-Konferenz", "OSCE-Conference": a hyphenated compound ends with its noun.
    return lexicon.word_kind(word) or lexicon.word_kind(word.rsplit("-", 1)[-1])


@lru_cache(maxsize=2)
def _qualifier(place: str) -> re.Pattern[str]:
    """Words that make a meeting a named event of its own, before it ("special", "ninth") or
    after it ("international", "ministerial", "de haut niveau"): the lexicon's qualifiers."""
    rows = [r for r in lexicon.select("qualifier") if r.place == place]
    return re.compile("(?:" + "|".join(r.source for r in rows) + ")", re.IGNORECASE)


def _has_event_word(text: str) -> bool:
    return lexicon.has_event_word(text, _NAME_KINDS)


def _starts_with_noun(text: str) -> bool:
    found = lexicon.event_words(text, _NAME_KINDS)
    return bool(found) and found[0].start == 0


_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ]
)

# Lower-case words that belong to a name before its event word ("high-level regional conference").
_LOWER_MODIFIERS = _ORDINALS | frozenset(
    [
        "high-level",
        "high",
        "level",
        "regional",
        "international",
        "inter-regional",
        "interregional",
        "sub-regional",
        "national",
        "annual",
        "expert",
        "experts",
        "expert-level",
        "joint",
        "ministerial",
        "technical",
        "global",
        "thematic",
        "european",
        "closed",
        "open",
        "online",
        "virtual",
        "parliamentary",
        "interactive",
        "multi-stakeholder",
        "inaugural",
        "biennial",
        "первая",
        "первый",
        "первое",
        "вторая",
        "второй",
        "третья",
        "третий",
        "международная",
        "международный",
        "международное",
        "региональная",
        "региональный",
        "региональное",
        "антитеррористическая",
        "антитеррористический",
        "научно-практическая",
        "научно-практический",
        "высокого",
        "уровня",
        "internationale",
        "internationalen",
        "regionale",
        "internationale",
        "régionale",
        "international",
        "régional",
    ]
)
_N_DAY = re.compile(r"^(?:\w+|\d+)-day$", re.IGNORECASE)
# "7th", "10-я", "35-е", "5e", "9.", "VI", "cinquième", "zweite", "tercera", "quinta".
_ORDINAL = re.compile(
    r"^(?:\d{1,3}(?:st|nd|rd|th|e|er|re|ème|eme|ª|º|\.|-?(?:ая|яя|я|ое|ее|е|ый|ий|ой|й|ого|его|го))|[IVX]{1,5}"
    r"|premi(?:er|ère)|\w+ième|erste[nrsm]?|zweite[nrsm]?|dritte[nrsm]?|vierte[nrsm]?|fünfte[nrsm]?"
    r"|sechste[nrsm]?|siebte[nrsm]?|achte[nrsm]?|neunte[nrsm]?|zehnte[nrsm]?|primer[ao]?|segund[ao]"
    r"|tercer[ao]?|cuart[ao]|quint[ao]|sext[ao]|séptim[ao]|octav[ao]|noven[ao]|décim[ao]|prim[ao]"
    r"|terz[ao])$"
)


def _is_ordinal(word: str) -> bool:
    bare = word.strip(_TRAILING + '“”"«»‘’()')
    return bare.lower() in _ORDINALS or bool(_ORDINAL.match(bare) or _ORDINAL.match(bare.lower()))


# Headline verbs: a heading that reports on an event is not the event's name. Besides these, the
# lexicon's wording that says an event is held, opens or ends, in every language ("ООН проведет
# конференцию", "Ташкент организует конференцию", "EEUU reunirá a ...").
_HEADLINE_WORDS = (
    r"opens?|opened|concludes?|concluded|closes|closed|attends?|attended|participates?|participated"
    r"|gives|gave|holds|held|hosts|hosted|organi[sz]es|organi[sz]ed|discuss(?:es|ed)|convenes|convened"
    r"|launch(?:es|ed)|kicks?\s+off|took\s+place|takes\s+place|will\s+be|was|were|is|are|begins|began"
    r"|starts|started|sends?|underway|wraps?\s+up|ready|focus\s+of|facilitates|supports|calls|urges"
    # "FMs meet in Istanbul for ...", "UAE Engages in Key ... Meeting": who took part, not a name.
    r"|meets?|met|engages|engaged|joins|joined|takes?\s+part|took\s+part"
    # German modals and their future: "Fachtagung X will Vorbeugung verbessern".
    r"|wird|werden|soll|sollen|will\s+(?!be\b)\w+\s+\w+"
    r"|пройдет|прошла|прошел|прошло|состоится|состоялась|состоялся|открылась|открылся|завершилась"
    r"|findet|fand|beginnt|s['’]ouvre|s['’]est\s+tenu\w*|aura\s+lieu"
    # "Tajikistan, Turkiye to Strengthen Cooperation ...": an English headline's future.
    r"|to\s+(?:host|hold|strengthen|discuss|boost|launch|meet|attend|sign|open|convene|join|step\s+up"
    r"|tackle|enhance|expand|deepen|debate|examine|explore|address|gather|bring|focus|review|mark"
    r"|highlight|promote|stage|organi[sz]e|welcome|unite|cooperate|co-operate|counter|fight|combat)"
)


@lru_cache(maxsize=1)
def _headline() -> re.Pattern[str]:
    held = lexicon.fragment("held")
    return re.compile(rf"(?<!\w)(?:{_HEADLINE_WORDS}|{held})(?!\w)", re.IGNORECASE)


_VERB_STOP = re.compile(
    r"^(?:will|would|shall|was|were|is|are|has|have|had|took|takes|taking|held|holds|opened|opens|opening"
    r"|concluded|concludes|closed|ended|ends|continued|continues|began|begins|started|starts"
    r"|brought|brings|gathered|focused|focuses"
    r"|aims?|aimed|organi[sz]ed|co-organi[sz]ed|convened|hosted|jointly|which|who|where|when|while|whose"
    r"|comes|came|kicked|wrapped|sends|attracted|featured|provided|provides|marked|marks|explored"
    r"|examined|addressed|discussed|gives|gave|and\s+convenes|этой|которая|который|которое|которые"
    r"|пройдет|прошла|прошел|прошло|состоится|состоялась|состоялся|состоявш\w*|организованн\w*"
    r"|findet|fand|soll|wurde|wird|qui|s['’]est|aura|se|a"
    # Finite verbs and relatives that end a name in the other languages of the lexicon.
    r"|sera|seront|servira|serviront|était|sont|est|ont|réunit|réunira|réuniront|tiendra|accueille"
    r"|rassemble|rassemblent|rassemblera|rassembleront|réunissent|abrite|abritera"
    r"|accueillera|organisée?s?|prévue?s?|portera|permettra|ist|sind|hat|haben|veranstaltet"
    r"|beginnt|stattfindet|será|fue|es|son|tendrá|reunirá|celebrará|organizad[oa]s?|sarà|è|ha|hanno"
    r"|organizzat[oa]|que|che|dass|где|когда|чтобы|что|при|а|но|الذي|التي|والذي|والتي|الذين"
    # Modals and the verb "to be" start a clause's predicate: "... session to look at how X can
    # be taken further", "Rencontre régionale doit permettre ...", "Мероприятие было ...".
    r"|can|could|may|might|must|should|doit|doivent|devra|devront|peut|peuvent|pourra|pourront"
    r"|vise|visent|был|была|было|были|будет|будут|является|являлась|являлся"
    # Portuguese and Spanish finite verbs a report puts after the event's name ("a Conferência
    # sobre X decorreu ...", "el Seminario sobre X reunió ...").
    r"|foi|foram|ficou|decorreu|decorre|decorrerá|decorrerão|teve|terá|contou|contará|reuniu"
    r"|reunirá|realizou|realiza|está|estão|vai|vão|irá|irão|juntou|abordou|abordará|terminou"
    r"|reunió|contó|tuvo|estuvo|están|va|van|inició|concluyó|abordó)$",
    re.IGNORECASE,
)
# A Russian finite verb or short participle (-ется, -лся, -ала, -ает, ...) ends a name; the nouns
# that end alike are listed.
_RU_VERB = re.compile(
    r"^[а-яё-]{3,}(?:ется|ются|ится|ятся|лся|лась|лось|лись|ала|ила|ела|ыла|яла|али|или|ели|ыли"
    r"|яли|ало|ило|ело|ает|яет|еет|ует|ают|яют|еют|уют|ит|ят|ут|ет)$"
)
_RU_NOUNS_LIKE_VERBS = frozenset(
    [
        "совет",
        "комитет",
        "бюджет",
        "предмет",
        "секретариат",
        "институт",
        "аппарат",
        "формат",
        "мандат",
        "визит",
        "кредит",
        "лимит",
        "приоритет",
        "авторитет",
        "университет",
        "паритет",
        "портрет",
        "маршрут",
        "абсолют",
        "детали",
        "модели",
        "недели",
        "земли",
        "дела",
        "села",
        "тела",
        "числа",
        "стола",
        "посла",
        "угла",
    ]
)
# A Russian genitive noun or adjective goes on a name ("конференция глав ведомств", "заседание
# Совета РАТС"): its ending.
_RU_TAIL_WORD = re.compile(r"^[а-яё][а-яё-]{2,}$")
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# A date ahead ends a name: "on 12 May", "ce 17 décembre", "los días 28 y 29", "am 9. Mai".
_DATE_AHEAD = re.compile(
    r"^(?:(?:on|from|in|at|between|during|the|du|le|les|ce|cette|au|am|vom|den|dem|el|los|las|días"
    rf"|dias|del|с|в|со|от|на|по)\s+){{0,2}}(?:\d|(?:{_MONTHS})\b)",
    re.I,
)
_QUOTE_OPEN = "“\"«‘„'"
_QUOTE_CLOSE = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“", "'": "'"}
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
_MAX_TAIL_WORDS = 30
_MONTH_YEAR = re.compile(rf"^(?:{_MONTHS})\s+\d{{4}}$")
# "Конференция высокого уровня ...": a Russian name goes on in the genitive.
_GENITIVE = re.compile(r"^[а-яё-]+(?:ого|его|ых|их)$")
# Inside a quoted name, an apostrophe between letters is no closing quote ("« Lutter contre le
# terrorisme aujourd’hui »", "“ICT’s World Summit”"): French elision, English possessives.
_IN_QUOTE = r"(?:[^“”\"«»‘’„']|(?<=\w)[’'](?=\w))"
_TOKEN_REST = (
    r"\(\s*[A-ZА-Я][\w/&+.-]{1,15}\s*\)"
    rf"|[“\"«‘„']{_IN_QUOTE}{{3,250}}[”\"»’“']|[^\s(]+|\("
)


@lru_cache(maxsize=1)
def _token() -> re.Pattern[str]:
    """Tokens of a sentence; an event noun of several words ("round table", "круглом столе",
    "mesa redonda", "press conference") is one token."""
    several = [
        alt
        for row in lexicon.select("event_noun")
        for alt in lexicon.alternatives(row.pattern)
        if "\\s" in alt
    ]
    # Grouped by first letter behind look-aheads (whole_words.dispatched): the alternation is
    # tried at every word of every sentence read for names, and has grown with each language.
    groups: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for alt in several:
        first = alt[:1]
        if first.isalpha() and not alt[1:2].startswith(("?", "*", "+", "{")):
            letters = "".join(sorted({first.lower(), first.upper()}))
            groups.setdefault(letters, []).append(alt[1:])
        else:
            anywhere.append(alt)
    glued = "|".join(filter(None, [dispatched(list(groups.items())), *anywhere])) or "(?!)"
    return re.compile(rf"(?<!\S)(?i:{glued})[,.;:]?(?!\S)|{_TOKEN_REST}")


_TRAILING = " ,.;:–—-"
_ANY_YEAR = __import__("datetime").date(2000, 6, 30)
_JUNK_TITLE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*.{0,40}\d|\W*\d[\d\s./:-]*\d\W*"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\d.{0,30}|\d{1,2}\s+\w+,?\s+\d{4}(?:,?\s+\d\d?:\d\d)?)$",
    re.IGNORECASE,
)


def is_title_junk(text: str | None) -> bool:
    """A publication line, a date, a clock time or other page furniture is never a title
    ("Published on 1 May 2020", "Skip to main content", "flag Freitag, 26 April 2024")."""
    from confwatch.spiders.normalise.furniture import is_furniture

    return not text or bool(_JUNK_TITLE.match(text.strip())) or is_furniture(text)


# "Human rights ... explored at OSCE Counter-Terrorism Conference in Rome": a report from an event.
@lru_cache(maxsize=1)
def _at_event() -> re.Pattern[str]:
    strong = lexicon.fragment("event_noun", *_STRONG_KINDS)
    return re.compile(
        rf"^\S+(?:\s+\S+){{1,}}?\s+(?:at|during)\s+(?:the\s+)?(?:[\w“”\"'’-]+\s+){{0,8}}?{strong}(?!\w)",
        re.IGNORECASE,
    )


_NAME_FOLLOWS = re.compile(r"\s+(?!(?:In|At|On|To|For|With|From|By)\b)[A-Z]")


def is_headline(title: str) -> bool:
    """A heading that reports on an event ("... opened on June 20", "X attended the Y Forum",
    "... explored at OSCE Counter-Terrorism Conference"). A capitalised verb form inside a name
    ("... Trafficking and Organized Crime") is part of the name."""
    for m in _headline().finditer(title):
        word = m.group(0)
        if m.start() > 0 and word[0].isupper() and _NAME_FOLLOWS.match(title, m.end()):
            continue
        return True
    return bool(_at_event().search(title) and not _starts_with_noun(title))


def _clean_heading(title: str) -> str:
    # "Main » 2018 » May » 8 » High-Level Conference ...": the last crumb is the title.
    # A "»" closing a "«" quotes a name ("Journées « X » — Paris"): no crumb.
    if "»" in title and title.count("«") < title.count("»"):
        title = title.rsplit("»", 1)[1]
    return title.strip()


def _is_place(words: list[str]) -> bool:
    for n in (3, 2, 1):
        phrase = " ".join(w.strip(_TRAILING) for w in words[:n])
        if phrase and phrase[0].isupper() and (city_country(phrase) or country_code(phrase)):
            return True
    return False


_NOT_MODIFIERS = frozenset(
    [
        # Portuguese articles: "O Seminário sobre X" opens a sentence, not a name.
        "o",
        "os",
        "um",
        "uma",
        "several",
        "many",
        "some",
        "all",
        "each",
        "every",
        "both",
        "other",
        "others",
        "further",
        "next",
        "previous",
        "this",
        "that",
        "these",
        "those",
        # "Cette rencontre", "Diese Tagung", "Esta reunión": a demonstrative, not a name's word.
        "cette",
        "cet",
        "ces",
        "diese",
        "dieser",
        "dieses",
        "diesen",
        "este",
        "esta",
        "estos",
        "estas",
        "этот",
        "эта",
        "это",
        "эти",
        "our",
        "his",
        "her",
        "their",
        "its",
        "during",
        "at",
        "after",
        "before",
        "following",
        "opening",
        "closing",
        "since",
        "while",
        "on",
        "in",
        "of",
        "for",
        "by",
        "the",
        "a",
        "an",
        "to",
        "with",
        "from",
        "as",
        "and",
        "or",
        "но",
        "на",
        "в",
        "во",
        "о",
        "об",
        "по",
        "с",
        "со",
        "к",
        "из",
        "за",
        "при",
        "для",
        "задача",
        "после",
        "перед",
        # Articles: "Une conférence belge ...", "A Roma la Conferenza ...", "Die Tagung".
        "un",
        "une",
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "el",
        "los",
        "las",
        "lo",
        "il",
        "gli",
        "uno",
        "una",
        # Prepositions fused with an article: "Alla conferenza ...", "Au colloque", "Del foro".
        "al",
        "alla",
        "allo",
        "alle",
        "agli",
        "ai",
        "della",
        "dello",
        "delle",
        "degli",
        "dei",
        "nella",
        "nello",
        "nel",
        "nelle",
        "sulla",
        "sul",
        "dalla",
        "dal",
        "au",
        "aux",
        "du",
        "del",
    ]
)
_CYRILLIC_ADJECTIVE = re.compile(r"^[А-ЯЁа-яё-]+(?:ая|ый|ий|ое|ой|ые|ых|ую|ого|ому|ей)$")


def _is_modifier(word: str, *, first: bool) -> bool:
    bare = word.strip('“”"«»‘’()')
    if not bare or bare.lower() in _NOT_MODIFIERS:
        return False
    if _N_DAY.match(bare):
        return not first  # "Third two-day meeting": inside a name, not before it
    if _is_ordinal(bare):
        return True
    if re.match(r"[А-ЯЁа-яё]", bare) and not bare.isupper():
        return bool(_CYRILLIC_ADJECTIVE.match(bare))
    if bare.lower() in _LOWER_MODIFIERS or _qualifier("before").fullmatch(bare):
        return True
    if first and bare.lower() in ("the", "a", "an", "this", "its", "their"):
        return False
    return (
        (bare[0].isupper() or bare[0].isdigit())
        and not _VERB_STOP.match(bare)
        and not _headline().fullmatch(bare)
    )


# Role phrases say who stands behind an event, not what it is: "a round table with the support
# of the OSCE", "круглый стол при поддержке ОБСЕ", "colloque organisé par ...". A name ends there.
_ROLE_KINDS = ("organiser", "initiative", "auspices", "partner", "funder", "patron")


def _role_at(tokens: list[str], start: int) -> int:
    """The index of the first token after ``start`` that opens a role phrase (len: none)."""
    rest = tokens[start : start + _MAX_TAIL_WORDS + 2]
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


# Letters of the Cyrillic alphabets of Kazakh, Kyrgyz, Uzbek, Tajik, Mongolian, Bashkir, Tatar
# that Russian lacks: in their sentences the Russian genitive-tail rule reads whole clauses.
# "государства - члены", "государствами - участниками": Russian officialese's member, participant
# and observer states, often typed with a spaced hyphen that elsewhere ends a name.
_MEMBER_STATES = re.compile(r"^(?:член|участник|наблюдател)[а-яё]*[,.;]?$")
_NON_RUSSIAN_CYRILLIC = re.compile("[қғҳҷӣӯөүәңұһҚҒҲҶӢӮӨҮӘҢҰҺ]")


def _tail(
    tokens: list[str], start: int, *, proper: bool = False, russian: bool = True
) -> list[str]:
    """The words after the event word that still belong to the name; ``russian``: the sentence
    has none of the letters of the other Cyrillic alphabets."""
    out: list[str] = []
    i = start
    linked = False
    role = _role_at(tokens, start)
    while i < len(tokens) and len(out) < _MAX_TAIL_WORDS and i < role:
        tok = tokens[i]
        if not russian and not (tok[0] in _QUOTE_OPEN and len(tok) > 4):
            # Kazakh, Uzbek, Kyrgyz, Tajik, Mongolian put a name's words before its noun; the
            # words after it are the clause's ("Конференцияда ШҲТ аъзо давлатлари ... қатнашди").
            break
        low = tok.lower().strip(_TRAILING)
        if tok[0] in _QUOTE_OPEN and len(tok) > 4:
            out.append(tok)
            i += 1
            if not tok.rstrip().endswith(tuple(_QUOTE_CLOSE.values())) or tok.endswith((".", ";")):
                break
            continue
        if not out and not linked:
            if _DATE_AHEAD.match(" ".join(tokens[i : i + 3])):
                break
            if proper and low in ("in", "at", "в", "à") and _is_place(tokens[i + 1 :]):
                break  # "OSCE Conference in Rome": the place is not part of a proper name
            if low in _TAIL_LINK or tok in (":", ","):
                linked = True
                out.append(tok)
                i += 1
                continue
            if _qualifier("after").fullmatch(low):
                out.append(tok)  # "colloque international sur ...", "reunión ministerial sobre ..."
                i += 1
                if tok.endswith((",", ".", ";", ":")):
                    break
                continue
            if _DEDICATED.match(low):
                linked = True  # "séminaire dédié à ...", "встреча, посвященная ..."
                out.append(tok)
                i += 1
                continue
            if (russian and _GENITIVE.match(tok)) or (
                tok[0].isupper() and not _VERB_STOP.match(low) and not _is_place(tokens[i:])
            ):
                out.append(tok)  # "Conference OSCE ..." / "конференция БРИКС+"
                i += 1
                continue
            if (
                russian
                and _RU_TAIL_WORD.match(tok)
                and not _is_verb(low)
                and not _is_past_verb(tok)
                and not _VERB_STOP.match(low)
                and low not in _NOT_MODIFIERS
            ):
                linked = True  # "конференция глав антитеррористических ведомств ..."
                out.append(tok)
                i += 1
                continue
            break
        if tok == "(" and out and out[-1].lower().strip(_TRAILING) in _TOPIC_LINKS:
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
            _VERB_STOP.match(low)
            or tok in ("(", "—", "–", "-")
            or _is_verb(low)
            or _is_past_verb(tok)
        ):
            break
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
            and _is_place(tokens[i + 1 :])
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
            if _DEDICATED.match(nxt.lower()):
                continue  # "конференция, посвященная роли молодежи ..."
            if not nxt or not nxt[0].isupper() or _is_place(tokens[i:]):
                break
            if nxt.endswith(",") and _is_place(tokens[i + 1 :]):
                break  # "..., Karambunai, Malaysia": a town the country after it places
    while out and (out[-1].lower().strip(_TRAILING) in _TAIL_LINK or out[-1] in (":", ",")):
        out.pop()
    return _without_anaphoric_topic(out)


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
            _DEDICATED.match(tok.lower().strip(_TRAILING))
            and 0 < len(rest) <= _ANAPHOR_WORDS
            and rest[-1].lower().strip(_TRAILING) in _TOPIC_NOUNS
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


# A participle that dedicates an event to its subject: the name goes on after it.
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
_DEDICATED = re.compile(
    r"^(?:посвящ[её]нн\w*|dédié(?:e|s|es)?|consacré(?:e|s|es)?|dedicated|devoted|dedicad[oa]s?"
    r"|dedicat[oa]|gewidmet\w*)$"
)


_RU_PARTICIPLE = re.compile(
    r"^[а-яё-]{2,}(?:ованн|ированн|званн|веденн|вш|ющ|ящ|ущ|ащ)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ому|ему|ом|ем|ую|юю"
    r"|ых|их|ым|им|ыми|ими)$"
)


_AND = frozenset(["and", "и", "et", "und", "y", "e"])
_AHEAD = 4  # tokens after a conjunction searched for another event's noun


def _another_event_ahead(tokens: list[str], start: int) -> bool:
    """The words after a conjunction start another event's name: an ordinal or a modifier and an
    event noun within a few words ("и 2-я конференция СНГ", "and the Third Regional Workshop")."""
    ahead = tokens[start : start + _AHEAD]
    if not ahead or not (
        _is_ordinal(ahead[0]) or ahead[0][:1].isupper() or ahead[0].lower() in ("the", "a", "an")
    ):
        return False
    for k, tok in enumerate(ahead):
        word = tok.strip(_TRAILING)
        if (k and _is_strong_noun(word)) or (k and is_event_noun(word) and _is_ordinal(ahead[0])):
            return True
        if k and not _is_modifier(tok, first=False) and tok.lower() not in ("the", "a", "an"):
            return False
    return False


# A Russian or Ukrainian past-tense verb of a man or a thing ("выступил", "присутствовал",
# "виступив", "заявив"): in "на конференции выступил глава делегации" the clause's predicate
# follows the event noun, and the name ends there. Lower-case words only (first names such as
# "Михаил" end alike); the nouns that end alike are listed.
_SLAVIC_PAST = re.compile(r"^[а-яёіїєґ][а-яёіїєґ'’-]{2,}(?:ил|ал|ел|ыл|ял|ив|ав)$")
_NOUNS_LIKE_PAST = frozenset(
    [
        "материал",
        "капитал",
        "сигнал",
        "канал",
        "журнал",
        "финал",
        "потенциал",
        "персонал",
        "генерал",
        "арсенал",
        "терминал",
        "мемориал",
        "ритуал",
        "интервал",
        "минерал",
        "криминал",
        "фестивал",
        "трибунал",
        "идеал",
        "начал",
        "правил",
        "могил",
        "раздел",
        "предел",
        "отдел",
        "пробел",
        "архив",
        "архів",
        "актив",
        "мотив",
        "коллектив",
        "колектив",
        "массив",
        "масив",
        "позитив",
        "негатив",
        "детектив",
        "устав",
        "состав",
        "держав",
        "застав",
        "сплав",
        "рукав",
        "прав",
    ]
)


# The Spanish and Portuguese preterite of a report ("la Conferencia sobre X destacó ...", "o
# Seminário sobre X juntou ..."): few nouns end in a stressed -ó or in -ou.
_ROMANCE_PAST = re.compile(r"^[a-záéíóúâêôãõçñü]{3,}(?:ó|ou)$")


def _is_past_verb(tok: str) -> bool:
    word = tok.strip(_TRAILING).replace("ё", "е")
    if _ROMANCE_PAST.match(word):
        return True
    return bool(_SLAVIC_PAST.match(word)) and word not in _NOUNS_LIKE_PAST


def _is_verb(low: str) -> bool:
    """A Russian finite verb, past form or participle ("обсудили", "состоится", "созванном"): a
    name ends there, but for one dedicating it to its subject ("посвященная")."""
    low = low.replace("ё", "е")  # "пройдёт" is "пройдет": ё is optional in Russian print
    if _DEDICATED.match(low):
        return False
    return (
        bool(_RU_VERB.match(low) or _RU_PARTICIPLE.match(low)) and low not in _RU_NOUNS_LIKE_VERBS
    )


def _short_name(tok: str) -> bool:
    """A short quoted name that is written as one: a capital and a letter more ("“Bridg&”",
    "«CERA»"), not a quoted common word."""
    inner = tok.strip(_TRAILING + '“”"«»‘’„')
    return len(inner) >= 4 and inner[:1].isupper() and not inner.islower()


def _quoted(tokens: list[str], i: int) -> str | None:
    """A quoted name after the event word: conference “X”, seminar on “X”, ... entitled “X”."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        tok = tokens[j]
        if tok[0] in _QUOTE_OPEN and (len(tok) > 8 or _short_name(tok)):
            return tok
        low = tok.lower().strip(_TRAILING)
        # "conferenza internazionale “X”": Romance languages put the qualifier after the noun.
        if low not in ("on", ":", ",") and not (j == i + 1 and _qualifier("after").fullmatch(low)):
            break
    for j in range(i + 1, min(i + 7, len(tokens) - 1)):
        if tokens[j].lower().strip(_TRAILING) in (
            "entitled",
            "titled",
            "called",
            "named",
            "themed",
        ):
            nxt = tokens[j + 1]
            return nxt if nxt[0] in _QUOTE_OPEN and len(nxt) > 8 else None
        if _VERB_STOP.match(tokens[j].lower().strip(_TRAILING)) or tokens[j].endswith((".", ";")):
            return None
    return None


def _without_joint_list(pre: list[str]) -> list[str]:
    """ "Joint Latvia-UNOCT-Hedayah Regional Conference": the partners are not the name."""
    if not pre or pre[0].lower() != "joint":
        return pre
    last = max(
        (k for k, t in enumerate(pre) if "-" in t and re.search(r"(?:^|-)[A-ZА-Я]{2,}(?:-|$)", t)),
        default=-1,
    )
    return pre[last + 1 :] if last >= 0 else pre[1:]


def name_tokens(sentence: str) -> list[str]:
    """The words of a sentence as names are read from it; an event noun of several words
    ("round table", "круглом столе", "press conference") is one."""
    return list(_tokens_of(sentence or ""))


@short_text_cache(maxsize=2048)  # a sentence is tokenised for its names, title and organisers
def _tokens_of(sentence: str) -> tuple[str, ...]:
    return tuple(_token().findall(sentence))


@short_text_cache(maxsize=16384)  # every token of the sentences names are read from
def _event_token(tok: str) -> str | None:
    """The token's word, when it is an event noun (or a compound ending in one)."""
    word = tok.strip(_TRAILING + '“”"«»‘’')
    if not word or not (is_event_noun(word) or is_event_noun(word.rsplit("-", 1)[-1])):
        return None
    return word


# "U.N.", "U.S.": an abbreviation's dots end no clause.
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def _names(sentence: str) -> list[tuple[bool, str]]:
    """(strong event word, name) for every conference name in a sentence, in order."""
    return list(_names_of(sentence))


@short_text_cache(maxsize=2048)  # titles and event names ask about the same opening sentences
def _names_of(sentence: str) -> tuple[tuple[bool, str], ...]:
    tokens = name_tokens(sentence)
    out: list[tuple[bool, str]] = []
    russian = not _NON_RUSSIAN_CYRILLIC.search(sentence)
    for i, tok in enumerate(tokens):
        word = _event_token(tok)
        if word is None:
            continue
        j = i
        while (
            j > 0
            and _is_modifier(tokens[j - 1], first=j - 1 == 0)
            and not (tokens[j - 1].endswith((",", ".", ":")) and not _DOTTED.match(tokens[j - 1]))
        ):
            j -= 1
        pre = _without_joint_list(tokens[j:i])
        while pre and _N_DAY.match(pre[0].strip('“”"«»‘’()')):
            pre = pre[1:]  # "two-day conference on X": the duration is not the name
        capitalised = any(t[0].isupper() or t[0].isdigit() for t in pre) or word[0].isupper()
        if re.match(r"(?i)(?:press|news|пресс)-", word) or (
            i and tokens[i - 1].lower() in ("press", "news")
        ):
            continue  # a press conference is no conference
        quoted = _quoted(tokens, i)
        tail = (
            []
            if tok.endswith((".", ";"))
            else _tail(tokens, i + 1, proper=capitalised, russian=russian)
        )
        if (
            tok.endswith(",")
            and tail
            and not _DEDICATED.match(tail[0].lower())
            and not tail[0][:1].isupper()
        ):
            tail = []  # "на семинаре, созванном ...": the clause after the comma is no name
        if tail and tail[0].strip(_TRAILING).lower() in _BODY_HEADS:
            continue  # "the Forum Secretariat", "Forum Office": a body, not a meeting
        strong = (
            _is_strong_noun(word)
            or _is_strong_noun(word.rsplit("-", 1)[-1])
            # "семинар-совещание", "seminar-workshop": a compound of two event nouns.
            or (_is_strong_noun(word.split("-", 1)[0]) and is_event_noun(word.rsplit("-", 1)[-1]))
            or any(_qualifier("before").fullmatch(t.strip(_TRAILING)) for t in pre)
            or bool(tail and _qualifier("after").fullmatch(tail[0].strip(_TRAILING).lower()))
            or _topical(tail)
        )
        if quoted is not None and _links_a_topic(quoted):
            # 'international workshop "on the role of democracy in ..."': the quote is the tail.
            tail = [quoted.strip(_TRAILING + '“”"«»‘’„')]
            quoted = None
        if quoted is not None and not any(t[0].isupper() for t in pre) and word.islower():
            # "the international conference entitled “X”": the quoted words are the name.
            out.append((True, quoted.strip(_TRAILING + '“”"«»‘’„')))
            continue
        # "the ninth meeting of the OSCE PA's Ad Hoc Committee", "a special meeting of the Security
        # Council Counter-Terrorism Committee": a numbered or qualified session of a body.
        numbered = any(_is_ordinal(t) or _qualifier("before").fullmatch(t) for t in pre) and (
            _of_a_body(tail)
        )
        qualified = strong and any(t.lower() in _LOWER_MODIFIERS for t in pre)
        if not capitalised and not tail and quoted is None and not tok.endswith((",", ".", ";")):
            distant = _distant_name(tokens, i + 1)
            if distant is not None:
                out.append((True, distant))  # "a workshop held in X by Y on Title Case Name"
                continue
        if not capitalised and not (strong and _words(tail) >= 3) and not numbered:
            if qualified and not tail:
                # "a two-day high-level roundtable discussion ...": a bare description, the
                # last resort of a page that names its event no better.
                out.append((False, " ".join([*pre, tok.strip(",;:.")]).capitalize()))
            continue
        if _is_body([*pre, word]) or (len(pre) >= 2 and _MONTH_YEAR.match(" ".join(pre[:2]))):
            continue  # an organisation, or another event named by its date ("the March 2019 Forum")
        generic = (
            not any(t[0].isupper() for t in pre if t.lower() not in _LOWER_MODIFIERS)
            and word.islower()
        )
        if generic and tok.endswith((",", ":")) and len(tail) >= 3 and tail[0][0].isupper():
            # "the international conference, Regional Cooperation ..., opened": the apposition.
            out.append((True, " ".join(tail).strip(_TRAILING)))
            continue
        name = " ".join([*pre, tok.strip(",;:."), *tail]).strip(_TRAILING)
        name = name[0].upper() + name[1:] if name else name
        if len(name) >= 8 and len(name.split()) >= 2:
            out.append((strong, name))
    return tuple(out)


_DISTANT = 25  # tokens between a held participle and the name it introduces
# Lower-case words of the complements between an event noun and a name at a distance: "held in
# Djibouti by the Intergovernmental Authority on Development (IGAD) on ...".
_COMPLEMENT_WORDS = frozenset(["in", "at", "by", "the", "of", "for", "and", "on", "near"])
_ACRONYM = re.compile(r"^\(\s*[A-ZА-Я][\w/&+.-]{1,15}\s*\)[,;.]?$")


@lru_cache(maxsize=1)
def _participle() -> re.Pattern[str]:
    """A word saying an event is held or organised ("held", "organised", "hosted"): the
    lexicon's active held words, as one token."""
    return re.compile(rf"(?:{lexicon.fragment('held', 'active')})", re.IGNORECASE)


def _distant_name(tokens: list[str], start: int) -> str | None:
    """The name an English sentence gives its event after the complements of a participle: "a
    workshop held in Djibouti by the Intergovernmental Authority on Development (IGAD) on
    Strategies on Law Enforcement and ..." -> "Strategies on Law Enforcement and ...". The name is
    the title-case words after "on" that run to the sentence's end; the complements between are
    places, bodies (an acronym in brackets closes one) and their linking words, nothing else."""
    if start >= len(tokens) or not _participle().fullmatch(tokens[start].strip(_TRAILING)):
        return None
    for k in range(start + 1, min(start + _DISTANT, len(tokens))):
        tok = tokens[k]
        low = tok.lower().strip(_TRAILING)
        if low == "on" and k > start + 1:
            name = _title_case_run(tokens, k + 1)
            if name is not None:
                return name
        if tok.endswith((".", ";", "!", "?")):
            return None
        if not (low in _COMPLEMENT_WORDS or tok[:1].isupper() or _ACRONYM.match(tok)):
            return None  # a verb or a common noun: the clause goes on about something else
    return None


_RUN_WORDS = 3  # title words a name at a distance holds at least


def _title_case_run(tokens: list[str], start: int) -> str | None:
    """The words from ``start`` written as a name, up to the clause's end or the first lower-case
    word a title would capitalise (a verb: "... Violent Extremism opened today"): title case, no
    acronym in brackets (that ends a body's name), no digit (a date)."""
    run: list[str] = []
    for tok in tokens[start : start + _MAX_TAIL_WORDS]:
        if _ACRONYM.match(tok) or tok == "(" or any(c.isdigit() for c in tok):
            return None
        if tok[:1].islower() and title_words(tok):
            break
        run.append(tok)
        if tok.endswith((".", ";", "!", "?", ",")):
            break
    while run and run[-1].lower().strip(_TRAILING) in SMALL_WORDS:
        run.pop()
    text = " ".join(run).strip(_TRAILING)
    words = title_words(text)
    if len(words) < _RUN_WORDS or not run[0][:1].isupper() or _MONTH_START.match(text):
        return None
    return text if all(w[0].isupper() for w in words) else None


_MONTH_START = re.compile(rf"^(?:{_MONTHS})\b")


# Words after an event noun that make it a body: "Forum Secretariat", "Conference Centre".
_BODY_HEADS = frozenset(
    [
        "secretariat",
        "secretary",
        "office",
        "centre",
        "center",
        "institute",
        "agency",
        "foundation",
        "fund",
        "unit",
        "department",
        "ministry",
        "bureau",
        "directorate",
        "commission",
        "secretariado",
        "secrétariat",
        "секретариат",
        "секретарь",
    ]
)
# Words that start a tail saying what an event is about: a meeting "on X" is an event of its own.
_TOPIC_LINKS = frozenset(
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
_TOPICAL_TAIL = 4  # words


def _words(tokens: list[str]) -> int:
    return sum(len(t.split()) for t in tokens)


def _topical(tail: list[str]) -> bool:
    """A tail that says what the event is about ("meeting on countering the financing of ...",
    "встреча, посвященная проблемам ..."), not whom it is with."""
    if _words(tail) < _TOPICAL_TAIL:
        return False
    first = tail[0].strip(_TRAILING + '“”"«»‘’„').split(" ", 1)[0].lower()
    return first in _TOPIC_LINKS or bool(_DEDICATED.match(first)) or _purpose(tail)


# Words after "to" that make it no infinitive: a determiner ("to the region"), "be" ("to be
# held"), a pronoun.
_NOT_INFINITIVE = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "all",
        "each",
        "every",
        "be",
        "it",
        "them",
        "him",
        "us",
        "take",
    ]
)


def _purpose(tail: list[str]) -> bool:
    """An English event noun with a purpose infinitive says what it is for ("a meeting to promote
    public-private partnerships ...", "a conference to review ..."), as "on X" says what it is
    about; "to be held", "to the region" say nothing of the kind."""
    if len(tail) < 2 or tail[0].lower() != "to":
        return False
    verb = tail[1]
    return verb[:1].islower() and verb.isalpha() and verb.lower() not in _NOT_INFINITIVE


def _links_a_topic(quoted: str) -> bool:
    """A quotation that starts with a linking word ("“on the role of democracy in ...”")."""
    first = quoted.strip(_TRAILING + '“”"«»‘’„').split(" ", 1)[0]
    return first in _TOPIC_LINKS or first in ("of", "for", "de", "du", "des")


def _of_a_body(tail: list[str]) -> bool:
    """A tail naming whose session it is: "of the OSCE PA's Ad Hoc Committee ..."."""
    return len(tail) >= 2 and tail[0].lower() == "of" and any(t[0].isupper() for t in tail[1:4])


def _is_body(words: list[str]) -> bool:
    """ "Global Counterterrorism Forum" is an organisation, not a meeting."""
    from confwatch.spiders.normalise.organisers import is_known_body

    return is_known_body(" ".join(words))


_TITLED = re.compile(
    r"\b(?:entitled|titled|called|under\s+the\s+(?:title|theme))\s*:?\s*[“\"«„]([^“”\"«»„]{8,250})[”\"»“]",
    re.IGNORECASE,
)


def event_name(sentence: str) -> str | None:
    """The conference name in a sentence or heading (a conference before a meeting), or None."""
    titled = _TITLED.search(sentence or "")
    if titled and _has_event_word(sentence):
        return titled.group(1).strip(_TRAILING)  # 'Titled “X”, the workshop ...'
    found = _names(sentence)
    for strong, name in found:
        if strong:
            return name
    return found[0][1] if found else None


def _tokens(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def _proper(name: str) -> bool:
    """A proper name: a quoted part, or capitalised words up to its event word ("Annual OSCE-wide
    Counter-Terrorism Conference"), unlike a description ("a conference to review ...")."""
    words = name.split()
    if any(w[0] in _QUOTE_OPEN for w in words[1:]):
        return True
    head: list[str] = []
    for w in words:
        head.append(w)
        if is_event_noun(w.strip(_TRAILING)):  # a hyphenated compound is read by its noun
            break
    return len(head) < len(words) + 1 and sum(w[0].isupper() or w[0].isdigit() for w in head) >= 2


# "On the occasion of the International Day of ...": an occasion, not a name.
_NOT_A_NAME = re.compile(r"^(?:on|in|at|for|to|during|with|from|by|about|as|upon)\s", re.IGNORECASE)


def _is_organisation(heading: str) -> bool:
    """A site header naming its organisation ("Anti-Terrorism Centre of the CIS Member States")."""
    from confwatch.spiders.normalise.organisers import looks_like_organisation

    return looks_like_organisation(heading)


def clean_heading(heading: str | None) -> str | None:
    """A heading as a name may be read from it: no furniture, icon word, site name or crumbs."""
    text = _unquoted_heading(heading)
    if text is None:
        return None
    text = _without_date_tail(text)
    return text if text and not is_title_junk(text) else None


def dated_heading(heading: str | None) -> bool:
    """The heading ends with its event's date ("World Forum on X 7-10 May 2015"): the way an
    event's own page or listing heads it, the name and then when it is; a news headline says
    when in its text."""
    text = _unquoted_heading(heading)
    return text is not None and _without_date_tail(text) != text


def _unquoted_heading(heading: str | None) -> str | None:
    from confwatch.spiders.normalise.furniture import strip_furniture

    if heading is None or is_title_junk(heading):
        return None
    text = _clean_heading(strip_furniture(heading))
    if len(text) > 2 and text[0] in _QUOTE_OPEN and text[-1] == _QUOTE_CLOSE.get(text[0]):
        text = text[1:-1].strip()  # „Extremismus und Sozialisation“: the name, quoted
    return text


# A day (or days), a month's word and a year ending a heading are its date in any language
# ("... 7-10 Σεπτεμβρίου 2015").
_DAY_MONTH_YEAR_END = re.compile(
    r"(?<!\S)\d{1,2}\.?(?:\s*[-–]\s*\d{1,2}\.?)?\s+[^\W\d_]{3,}\.?,?\s+(?:19|20)\d\d\s*$"
)


def _without_date_tail(text: str) -> str:
    """A heading cut before the date it ends with ("Colloque de clôture ce 17 décembre 2021 de 9h
    à 16h30", "Report ..., Karambunai, Malaysia, 21-22 March 2003"): a date is no part of a name."""
    from confwatch.spiders.normalise.dates import find_date_ranges

    hits = find_date_ranges(text, published=_ANY_YEAR)
    at = hits[0][1] if hits else -1
    if at < 12:
        bare = _DAY_MONTH_YEAR_END.search(text)  # a month the date parser does not read
        at = bare.start() if bare else -1
    if at < 12:
        return text
    head = text[:at].rstrip()
    head = re.sub(
        r"(?:[\s,;–—-]+|\s+(?:ce|cette|le|les|on|am|du|the|el|los|в|с|from|от))+$", "", head
    )
    return head if len(head.split()) >= 2 else text


# A news heading that reports on something, though it holds no verb: a kicker before a colon
# ("Rabat : Forum pour la lutte ...", "Марис Доминьш: конференция в Душанбе ..."), a document
# about an event ("Report of the Co-Chair of ...", "КОММЮНИКЕ VI СОВЕЩАНИЯ ...", "Teilnahme an
# ...").
_KICKER = re.compile(r"^([^\s:]+(?:\s+[^\s:]+){0,2})\s?:\s+(\S+(?:\s+\S+){3,})$")
_DOCUMENT = re.compile(
    r"^(?:report|summary|co-?chairs?['’]?\s+summary|communiqu[eé]|коммюнике|отч[её]т|доклад|итоги"
    r"|rapport|compte[\s-]rendu|bericht|informe|teilnahme\s+an|participation\s+(?:in|at|à|au)"
    r"|участие\s+в)\b",
    re.IGNORECASE,
)


# A heading that opens with where it happened ("В Москве ...", "У Мінску ...", "A Roma la ...",
# "À Paris, ..."): a news story's lead-in; a name starts with its own words. Lower-case
# prepositions of Latin script are left out: "In Search of ..." may be a name.
_PLACE_FIRST = re.compile(r"^(?:В|Во|У|Ў|A|À|En|Im|W|We)\s+[A-ZА-ЯЁІЎЇЄ][\w’'-]+,?\s+\S")


def quoted_in_heading(head: str) -> str | None:
    """The quoted name a heading gives its event after words of its own ("Faculty participant in
    the round table “Security and Countering Terrorism”"): the heading is about the event and
    the quotation is its name. A heading that is the noun phrase itself ("Round table “X”",
    "OSCE Conference “X”") is None: it names the event whole."""
    tokens = name_tokens(head)
    for i, tok in enumerate(tokens):
        if _event_token(tok) is None:
            continue
        quoted = _quoted(tokens, i)
        if quoted is None or _links_a_topic(quoted):
            continue
        j = i
        while j > 0 and _is_modifier(tokens[j - 1], first=j - 1 == 0):
            j -= 1
        if j == 0:
            return None
        if any(t[:1].isupper() for t in tokens[j:i]):
            # "On the High Level International Conference “X”": a proper name with its title.
            k = tokens.index(quoted, i)
            return " ".join(tokens[j : k + 1]).strip(_TRAILING)
        return quoted.strip(_TRAILING + '“”"«»‘’„')
    return None


def opens_with_place(head: str) -> bool:
    """A heading that opens with where its event happens ("У Мінску пройдзе ... канферэнцыя",
    "A Roma la Conferenza ..."): a news story's lead-in, not a name."""
    return bool(_PLACE_FIRST.match(head)) and _has_event_word(head)


# French and Spanish verbs of a report that an event gathers, hosts or debates: "Une conférence
# sur X rassemblera 400 experts", "Debaten sobre extremismo y terrorismo".
_REPORT_VERBS = re.compile(
    r"(?<!\w)(?:rassembl(?:e|ent|era|eront)|réuni(?:t|ssent|ra|ront)|accueill(?:e|ent|era|eront)"
    r"|abrit(?:e|ent|era|eront)|tiendra|tiendront|s['’]ouvrira|débatt(?:ent|ront)"
    r"|reúnen?|reunió|reunieron|reunirán?|acoge|acogió|acogerá|debaten|debatieron|debatirán"
    r"|analizan|analizaron|analizarán|discuten|discutieron|discutirán)(?!\w)",
    re.IGNORECASE,
)
_LOWER_CYRILLIC = re.compile(r"(?<![\w'’-])[а-яёіїєґ][а-яёіїєґ'’-]*(?![\w'’-])")


def tells_of(head: str) -> bool:
    """A heading whose verb tells what people did at an event ("Губернатор принял участие в
    форуме ...", "Une conférence ... rassemblera 400 experts", "Debaten sobre X"): a headline,
    not a name, though a page whose text names its event no better may still be titled by it."""
    if _REPORT_VERBS.search(head):
        return True
    return any(_is_past_verb(w) for w in _LOWER_CYRILLIC.findall(head))


def reports_on(head: str) -> bool:
    """A heading that reports on an event rather than naming it: a headline with a verb, a
    kicker before a colon, a document's title."""
    if is_headline(head) or _DOCUMENT.match(head):
        return True
    if any(_is_verb(w) for w in re.findall(r"[а-яё-]+", head)):
        return True  # "В Петербурге эксперты обсудили ...", "ОБСЕ поддерживает в Астане ..."
    m = _KICKER.match(head)
    if not m:
        return False
    kicker = m.group(1).split()
    return all(w[:1].isupper() for w in kicker) and not _has_event_word(m.group(1))


def names_in(sentence: str) -> list[tuple[bool, str]]:
    """(strong event noun, name) for every event name in a sentence, in order."""
    return _names(sentence)


def is_proper(name: str) -> bool:
    """A proper name: capitalised words up to its event noun, or a quoted part."""
    return _proper(name)


def has_event_word(text: str) -> bool:
    """The text holds an event noun a name may end with (not a press conference)."""
    return _has_event_word(text)


_PLACE_LINK = frozenset(["in", "at", "à", "en", "в", "во", "im", "a"])


def has_subject(name: str) -> bool:
    """The name says what its event is about: words after its event noun ("Conference on X",
    "35-е заседание Совета РАТС ШОС") or a quoted theme, not only a place ("roundtable in Abu
    Dhabi") or nothing ("Annual OSCE-wide Counter-Terrorism Conference")."""
    if any(q in name for q in '“”"«»„'):
        return True
    tokens = name_tokens(name)
    for i, tok in enumerate(tokens):
        if is_event_noun(tok.strip(_TRAILING + '“”"«»‘’')):
            rest = tokens[i + 1 :]
            break
    else:
        return False
    if rest and rest[0].lower() in _PLACE_LINK and _is_place(rest[1:]):
        return False
    return len(rest) >= 2


def has_own_subject(name: str, theme: str) -> bool:
    """The words before a name's quoted theme say what it is about already ("вторая конференция
    ООН по борьбе с терроризмом на тему «X»"), unlike "Конференция на тему «X»"."""
    before = name.split(theme, 1)[0]
    before = _theme_intro_tail().sub("", before.rstrip(" :“\"«„‘'"))
    return has_subject(before.strip(_TRAILING))


@lru_cache(maxsize=1)
def _theme_intro_tail() -> re.Pattern[str]:
    intro = "|".join(r.source for r in lexicon.select("name_intro") if r.place != "after")
    return re.compile(rf"(?:[\s,]*(?:{intro}))\s*$", re.IGNORECASE)


_QUOTED = rf"(?:[“\"«„‘]({_IN_QUOTE}{{3,250}})[”\"»“’]|'([^']{{3,250}})'(?!\w))"
_QUOTED_OPENS = "“\"«„‘'"  # the characters a match of _QUOTED starts with


@lru_cache(maxsize=1)
def _themes() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    rows = lexicon.select("name_intro")
    before = "|".join(r.source for r in rows if r.place != "after")
    after = "|".join(r.source for r in rows if r.place == "after")
    return (
        re.compile(rf"(?<!\w)(?:{before})(?!\w)\s*:?\s*{_QUOTED}", re.IGNORECASE),
        re.compile(rf"{_QUOTED}\s*(?:{after})(?!\w)", re.IGNORECASE) if after else None,
    )


_THEME_REACH = 120  # characters between an event noun and the words introducing its theme


def theme_name(sentence: str) -> str | None:
    """The quoted name a sentence gives an event as its theme or title: "a conference on the
    topic: “X”", "Конференция на тему «X»", "Wissenschaftskonferenz zum Thema „X“", "«X»
    тақырыбы бойынша ... конференция"; None without an event noun near it."""
    found = theme_phrase(sentence)
    return found[0] if found else None


def theme_phrase(sentence: str) -> tuple[str, str | None] | None:
    """(theme, the whole phrase) for the quoted name a sentence gives an event. The whole phrase
    is given for a title given to a qualified event ("a high-level international conference
    called “X”" -> "High-level international conference called “X”"), whose noun phrase is part
    of the name; a theme ("on the topic: “X”") is the name alone."""
    if not any(quote in (sentence or "") for quote in _QUOTED_OPENS):
        return None  # both patterns need a quote: most sentences have none
    before, after = _themes()
    for m in before.finditer(sentence or ""):
        near = sentence[max(0, m.start() - _THEME_REACH) : m.start()]
        if _has_event_word(near):
            theme = (m.group(1) or m.group(2)).strip(_TRAILING)
            return theme, _titled_phrase(sentence, m, near)
    if after is not None:
        for m in after.finditer(sentence or ""):
            if _has_event_word(sentence[m.end() : m.end() + _THEME_REACH]):
                return (m.group(1) or m.group(2)).strip(_TRAILING), None
    return None


def _titled_phrase(sentence: str, m: re.Match[str], near: str) -> str | None:
    intro = sentence[m.start() : m.end()]
    if not any(
        r.kind == "title" and re.match(r.source, intro, re.I) for r in lexicon.select("name_intro")
    ):
        return None
    tokens = name_tokens(near.rstrip(" ,"))
    if not tokens or not is_event_noun(tokens[-1].strip(_TRAILING)):
        return None
    j = len(tokens) - 1
    while j > 0 and _is_modifier(tokens[j - 1], first=j - 1 == 0):
        j -= 1
    pre = [t for t in tokens[j:-1] if not _N_DAY.match(t)]
    if not pre:
        return None  # "the seminar entitled “X”": the quoted words are the name
    noun = " ".join([*pre, tokens[-1]])
    return f"{noun[0].upper()}{noun[1:]} {intro.strip()}"


# The name after a title-giving word: unquoted, starting with a letter, up to the clause's end.
_UNQUOTED_NAME = re.compile(r"\s+(?=[^\W\d_])([^,;.!?“”\"«»„]{8,250}?)\s*(?:[,;.!?]|$)")
_UNQUOTED_WORDS = (3, 30)
_NOUN_TO_INTRO = 40  # characters: "la conferenza, denominata X", "a seminar entitled X"


def unquoted_title(sentence: str) -> str | None:
    """The name a sentence gives its event without quotes, set off as an apposition: "la
    conferenza, denominata Prevenzione della radicalizzazione: ..., tratterà", "a seminar
    entitled Building Resilience in the Sahel, held ...". The word that gives the title comes
    right after the event noun (a comma between), and the name starts with a capital."""
    for intro in lexicon.words("name_intro", "title").finditer(sentence or ""):
        m = _UNQUOTED_NAME.match(sentence, intro.end())
        if m is None:
            continue
        name = m.group(1).strip(_TRAILING)
        if not name[:1].isupper() or not (
            _UNQUOTED_WORDS[0] <= len(name.split()) <= _UNQUOTED_WORDS[1]
        ):
            continue
        before = sentence[max(0, intro.start() - _NOUN_TO_INTRO) : intro.start()].rstrip(" ,")
        tokens = name_tokens(before)
        if tokens and _event_token(tokens[-1]) is not None:
            return name
    return None


@lru_cache(maxsize=1)
def _about_start() -> re.Pattern[str]:
    about = "|".join(
        r.source for r in lexicon.select("about_page", ("about",)) if r.place == "start"
    )
    return re.compile(rf"^\s*(?:{about})(?!\w)\s*", re.IGNORECASE)


_LABEL_WORDS = 4  # words after "About": "the Conference", "the Annual Forum"


def is_section_label(head: str) -> bool:
    """An event site's section label that names its event by its noun alone ("About the
    Conference", "À propos du colloque"): the page's event, whose name is given elsewhere."""
    m = _about_start().match(head)
    if not m:
        return False
    rest = name_tokens(head[m.end() :])
    if not rest or len(rest) > _LABEL_WORDS or _event_token(rest[-1]) is None:
        return False
    return all(
        t.lower().strip(_TRAILING) in _LABEL_FILLERS or t.lower() in _LOWER_MODIFIERS
        for t in rest[:-1]
    )


_LABEL_FILLERS = _NOT_MODIFIERS | frozenset(["du", "de", "del", "della", "dello"])


def written_as_name(head: str) -> bool:
    """Written the way English names are and headlines mostly are not: in title case
    ("Whole-of-Society-Approach to Preventing and Countering Violent Extremism ...")."""
    text = head.strip()
    words = title_words(text)
    if len(words) < 3 or not all(w.isascii() for w in words):
        return False  # sentence case is how other languages write names too: no evidence
    return mostly_capitalised(words)


_NAME_LIKE_WORDS = 6
_DATED_NAME_WORDS = 3  # a heading with its date is a name at shorter length


def is_name_like(head: str, *, dated: bool = False) -> bool:
    """A long heading without an event word that reads as a name ("Empowering Youth and
    Promoting Tolerance: ..."), not a headline, an occasion or an organisation."""
    return (
        len(re.findall(r"\w+", head) if dated else head.split())
        >= (_DATED_NAME_WORDS if dated else _NAME_LIKE_WORDS)
        and not is_headline(head)
        and not _NOT_A_NAME.match(head)
        and not _is_organisation(head)
    )


_SOV_QUOTE_REACH = (
    4  # words between a quoted theme and its event noun: "«X» сэдэвт бүс нутгийн бага хурал"
)


def quoted_before_noun(sentence: str | None) -> str | None:
    """In a sentence of a language that puts a name's words before its noun (Kazakh, Uzbek,
    Kyrgyz, Tajik, Mongolian: told by their letters), a quoted name a few words before an event
    noun is its theme or title: "«X» сэдэвт бүс нутгийн бага хурал болно" -> "X"."""
    if not sentence or not _NON_RUSSIAN_CYRILLIC.search(sentence):
        return None
    for m in re.finditer(_QUOTED, sentence):
        ahead = name_tokens(sentence[m.end() :])[: _SOV_QUOTE_REACH + 1]
        if any(_event_token(t) for t in ahead):
            theme = (m.group(1) or m.group(2)).strip(_TRAILING)
            return theme if len(theme.split()) >= 2 else None
    return None


_THEME_AND = frozenset(["ve", "va", "ва", "және", "жана", "ба", "ile", "и", "and"])
_POSTPOSED_WORDS = 8  # words a theme before its postposition holds at most
_POSTPOSED_REACH = 40  # characters between the postposition and the event noun it qualifies
# A Turkic locative ("Астанада", "үйінде", "Ankara'da"): the place of the event, not its theme.
_LOCATIVE = re.compile(r"(?:да|де|та|те|нда|нде|da|de|ta|te)[,;:]?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _postposed_intro() -> re.Pattern[str] | None:
    after = "|".join(r.source for r in lexicon.select("name_intro") if r.place == "after")
    return re.compile(rf"(?<!\w)(?:{after})(?!\w)", re.IGNORECASE) if after else None


def postposed_theme(sentence: str) -> str | None:
    """An unquoted theme before the postposition that introduces it, in the languages that put
    it there (Kazakh "X тақырыбында", Turkish "X konulu", Uzbek "X mavzusida"), followed by an
    event noun: "Облыста Жастар және қауіпсіздік тақырыбында семинар өтті" -> "Жастар және
    қауіпсіздік". Without quotes, the theme starts at its capital letter: the nearest capitalised
    word before the postposition that follows a lower-case word, a locative or the start."""
    intro = _postposed_intro()
    if intro is None or sentence is None:
        return None
    for m in intro.finditer(sentence):
        if not _has_event_word(sentence[m.end() : m.end() + _POSTPOSED_REACH]):
            continue
        words = sentence[: m.start()].split()[-_POSTPOSED_WORDS:]
        for k in range(len(words) - 1, -1, -1):
            if not words[k][:1].isupper():
                continue
            if _LOCATIVE.search(words[k]):
                return None  # "Облыста жастар тақырыбында": the place, then a lower-case theme
            before = words[k - 1] if k else ""
            if before.casefold() in _THEME_AND:
                continue  # "Terör ve Güvenlik konulu": a conjunction inside a title-cased theme
            if k == 0 or not before[:1].isupper() or _LOCATIVE.search(before):
                theme = " ".join(words[k:]).strip(_TRAILING + '“”"«»„')
                return theme if len(theme.split()) >= 2 and len(theme) >= 8 else None
        return None
    return None
