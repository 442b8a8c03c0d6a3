"""The kinds of word a conference's name is read by: event nouns, the modifiers and ordinals that
go before them, and the verbs and relatives that end a name.

``names`` walks a sentence token by token and asks of each word what it is: an event noun a name
ends with ("Conference", "круглом столе", "Fachtagung"), a modifier that belongs to the name before
it ("high-level", "Twelfth", "международная"), a headline verb ("opened", "пройдет"), or a finite
verb or relative that starts the clause's predicate ("will", "which", "состоялась", "reunió").
These word classes, in every language of the lexicon, are kept apart from the readers that use them
(``names``, ``name_tail``, ``headings``, ``name_themes``) so that each reader stays short.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, quotes
from confwatch.spiders.normalise.text_cache import short_text_cache

__all__ = [
    "DEDICATED",
    "IN_QUOTE",
    "LOWER_MODIFIERS",
    "MONTHS",
    "NON_RUSSIAN_CYRILLIC",
    "NOT_MODIFIERS",
    "N_DAY",
    "QUOTE_CLOSE",
    "QUOTE_OPEN",
    "SCOPE",
    "STRONG_KINDS",
    "TRAILING",
    "VERB_STOP",
    "has_event_word",
    "headline_verbs",
    "is_event_noun",
    "is_modifier",
    "is_ordinal",
    "is_past_verb",
    "is_strong_noun",
    "is_verb",
    "qualifier_words",
    "starts_with_noun",
]


# Words that say how far an event reaches: "an international conference titled “X”".
SCOPE = re.compile(
    r"(?:inter|sub|supra)?-?(?:national|regional|continental)|global|local|worldwide"
    r"|international(?:e[nrs]?)?|internacional(?:es)?|internazional[ei]|internationa(?:l|le|ux)"
    r"|régiona(?:l|le|ux)|regionale[nrs]?|nationale[nrs]?"
    # Russian: how far it reaches, and the kind of meeting it is ("научно-практическая
    # конференция под названием «X»": a scholarly conference whose name is X).
    r"|(?:меж)?(?:международн|региональн|всероссийск|республиканск|областн|городск)\w*"
    r"|научн\w*(?:-\w+)?",
    re.IGNORECASE,
)


# Punctuation stripped from a token's ends, and the quotes a quoted name opens and closes with
# (the table in ``quotes``). Inside a quoted name, an apostrophe between letters is no closing
# quote ("« Lutter contre le terrorisme aujourd’hui »", "“ICT’s World Summit”").
TRAILING = " ,.;:–—-"
QUOTE_OPEN = quotes.OPENERS
QUOTE_CLOSE = quotes.CLOSE  # each opening mark: the marks that close it („: “ or ”)
IN_QUOTE = quotes.IN_QUOTE


MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)


# Event words come from the lexicon (``lexicon.py``): large and small ones name a meeting on their
# own ("conference", "круглый стол", "Fachtagung"); meeting words ("Coordinating Committee
# Meeting", "Counter-Terrorism Week", "réunion") are a name only with a capitalised modifier.
STRONG_KINDS = frozenset({"large", "small"})
_NAME_KINDS = STRONG_KINDS | {"meeting", "session", "generic", "week"}


@short_text_cache(maxsize=16384)  # asked of every token of the sentences names are read from
def is_event_noun(word: str) -> bool:
    """A token that is an event noun a name may end with ("Conference", "Meeting", "круглом
    столе"); a press conference is none."""
    return _kind(word) in _NAME_KINDS


def is_strong_noun(word: str) -> bool:
    """An event noun that names a meeting on its own ("conference", "круглый стол")."""
    return _kind(word) in STRONG_KINDS


@short_text_cache(maxsize=16384)  # asked of every token of the sentences names are read from
def _kind(word: str) -> str | None:
    # "Anti-Terrorismus-Konferenz", "OSCE-Conference": a hyphenated compound ends with its noun.
    return lexicon.word_kind(word) or lexicon.word_kind(word.rsplit("-", 1)[-1])


@lru_cache(maxsize=2)
def qualifier_words(place: str) -> re.Pattern[str]:
    """Words that make a meeting a named event of its own, before it ("special", "ninth") or
    after it ("international", "ministerial", "de haut niveau"): the lexicon's qualifiers."""
    rows = [r for r in lexicon.select("qualifier") if r.place == place]
    return pattern_cache.compiled("(?:" + "|".join(r.source for r in rows) + ")", re.IGNORECASE)


def has_event_word(text: str) -> bool:
    """The text holds an event noun a name may end with (not a press conference)."""
    return lexicon.has_event_word(text, _NAME_KINDS)


def first_event_word(text: str) -> int | None:
    """Where the first event noun a name may end with starts in ``text``, if it holds one."""
    found = lexicon.event_words(text, _NAME_KINDS)
    return found[0].start if found else None


def first_event_phrase(text: str) -> tuple[int, int] | None:
    """Where the first event noun a name may end with starts and ends in ``text`` ("Круглый
    стол", "table ronde": a noun of two words is one phrase)."""
    found = lexicon.event_words(text, _NAME_KINDS)
    return (found[0].start, found[0].end) if found else None


def starts_with_noun(text: str) -> bool:
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
LOWER_MODIFIERS = _ORDINALS | frozenset(
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
N_DAY = re.compile(r"^(?:\w+|\d+)-day$", re.IGNORECASE)
# "7th", "10-я", "35-е", "5e", "9.", "VI", "cinquième", "zweite", "tercera", "quinta".
_ORDINAL = re.compile(
    r"^(?:\d{1,3}(?:st|nd|rd|th|e|er|re|ème|eme|ª|º|\.|-?(?:ая|яя|я|ое|ее|е|ый|ий|ой|й|ого|его|го))|[IVX]{1,5}"
    r"|premi(?:er|ère)|\w+ième|erste[nrsm]?|zweite[nrsm]?|dritte[nrsm]?|vierte[nrsm]?|fünfte[nrsm]?"
    r"|sechste[nrsm]?|siebte[nrsm]?|achte[nrsm]?|neunte[nrsm]?|zehnte[nrsm]?|primer[ao]?|segund[ao]"
    r"|tercer[ao]?|cuart[ao]|quint[ao]|sext[ao]|séptim[ao]|octav[ao]|noven[ao]|décim[ao]|prim[ao]"
    r"|terz[ao])$"
)


def is_ordinal(word: str) -> bool:
    bare = word.strip(TRAILING + quotes.MARKS + "()")
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
    # "X participa de seminário sobre ...", "Cumbre ... prosigue en ...": who took part, or that
    # it goes on, in the Romance languages.
    r"|participa|participam|participou|participará|participan|participó|partecipa|partecipano"
    r"|participe|participent|participera|participeront"
    r"|prosigue|prosiguen|prossegue|prosseguem|prosegue|proseguono|continúa|continúan"
    # "El Congreso ... insta a poner ...": what it calls for, as "calls" and "urges" in English.
    r"|insta|instan|exhorta|exhortan|pide|piden|reclama|reclaman|apela|apelam|esorta|esortano"
    # "Lisboa será sede del ...", "Madrid acogerá el ...": the future of being, or hosting, in the
    # Romance languages, as "will be" and "hosts" in English.
    r"|será|serán|sera|seront|sarà|saranno"
    r"|acoge|acogen|acogerá|acogió|albergará|albergó|sedia|sediará|sediou|ospita|ospiterà|ospitò"
    r"|accueille|accueillera"
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
def headline_verbs() -> re.Pattern[str]:
    held = lexicon.fragment("held")
    return pattern_cache.compiled(rf"(?<!\w)(?:{_HEADLINE_WORDS}|{held})(?!\w)", re.IGNORECASE)


VERB_STOP = re.compile(
    r"^(?:will|would|shall|was|were|is|are|has|have|had|took|takes|taking|held|holds|opened|opens|opening"
    r"|concluded|concludes|closed|ended|ends|continued|continues|began|begins|started|starts"
    r"|brought|brings|gathered|focused|focuses"
    r"|aims?|aimed|organi[sz]ed|co-organi[sz]ed|convened|hosted|jointly|which|who|where|when|while|whose"
    r"|comes|came|kicked|wrapped|sends|attracted|featured|provided|provides|marked|marks|explored"
    r"|examined|addressed|discussed|gives|gave|and\s+convenes|этой|которая|который|которое|которые"
    r"|пройдет|прошла|прошел|прошло|состоится|состоялась|состоялся|состоявш\w*|организованн\w*"
    r"|findet|fand|soll|wurde|wird|qui|s['’]est|aura|se|a"
    r"|diskutiert|diskutieren|erörtert|erörtern|beleuchtet|thematisiert|befasst|tagt|tagte|eröffnet"
    # Finite verbs and relatives that end a name in the other languages of the lexicon.
    r"|sera|seront|servira|serviront|était|sont|est|ont|réunit|réunira|réuniront|tiendra|accueille"
    r"|rassemble|rassemblent|rassemblera|rassembleront|réunissent|abrite|abritera"
    r"|accueillera|organisée?s?|prévue?s?|tenue?s?|portera|permettra|ist|sind|hat|haben|veranstaltet"
    r"|beginnt|stattfindet|será|fue|es|son|tendrá|reunirá|celebrará|organizad[oa]s?|sarà|è|ha|hanno"
    r"|organizzat[oa]|que|che|dass|где|когда|чтобы|что|при|а|но|الذي|التي|والذي|والتي|الذين"
    # Modals and the verb "to be" start a clause's predicate: "... session to look at how X can
    # be taken further", "Rencontre régionale doit permettre ...", "Мероприятие было ...".
    r"|can|could|may|might|must|should|doit|doivent|devra|devront|peut|peuvent|pourra|pourront"
    r"|vise|visent|был|была|было|были|будет|будут|является|являлась|являлся"
    # Portuguese and Spanish finite verbs a report puts after the event's name ("a Conferência
    # sobre X decorreu ...", "el Seminario sobre X reunió ...").
    r"|foi|foram|ficou|decorreu|decorre|decorrerá|decorrerão|teve|terá|contou|contará|reuniu"
    r"|reunirá|realizou|realiza|está|estão|vai|vão|irá|irão|juntou|aborda|abordou|abordará|terminou"
    r"|reunió|contó|tuvo|estuvo|están|va|van|inició|concluyó|abordó"
    r"|continúa|continúan|prosigue|prosiguen|prossegue|prosseguem|participa|participan|participó"
    r"|insta|instan|exhorta|exhortan|pide|piden|reclama|reclaman"
    # Participles saying where or when it was held: "la Conferencia X celebrada en Washington".
    r"|celebrad[oa]s?|realizad[oa]s?|promovid[oa]s?|tenut[oa]|svolt[oa]"
    r"|ocorre|ocorreu|ocorrerá|acontece|aconteceu|acontecerá"
    # English reporting verbs: "... of the Forum Secretariat remarked that ...".
    r"|said|says|remarked|noted|stated|stressed|emphasi[sz]ed|underlined|told|added)$",
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


NOT_MODIFIERS = frozenset(
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
        # German: "Beim Präventionsgipfel 2018 ...", "Am Forum nahmen ... teil".
        "beim",
        "am",
        "im",
        "zum",
        "zur",
        "vom",
    ]
)
_CYRILLIC_ADJECTIVE = re.compile(r"^[А-ЯЁа-яё-]+(?:ая|ый|ий|ое|ой|ые|ых|ую|ого|ому|ей)$")


# A Ukrainian adjective: its suffix, then its ending ("антитерористична конференція",
# "на антитерористичній конференції", "міжнародному форумі").
_UKRAINIAN_ADJECTIVE = re.compile(
    r"^[а-яіїєґ'’-]{2,}(?:[бвгджзклмнпрстфхцчшщй]н|ськ|цьк|зьк)(?:а|ий|ій|е|і|ого|ої|ому|ім|их|у|ою)$"
)


_UKRAINIAN_LETTER = re.compile("[іїєґ]", re.IGNORECASE)


# Acronyms spelled as an article is: "the UN Global Strategy" ("un" is French, Spanish, Italian).
_ACRONYMS_LIKE_ARTICLES = frozenset(["UN"])


def is_modifier(word: str, *, first: bool) -> bool:
    bare = word.strip(quotes.MARKS + "()")
    if not bare or (bare.lower() in NOT_MODIFIERS and bare not in _ACRONYMS_LIKE_ARTICLES):
        return False
    if N_DAY.match(bare):
        return not first  # "Third two-day meeting": inside a name, not before it
    if is_ordinal(bare):
        return True
    if re.match(r"[А-ЯЁа-яёІЇЄҐії]", bare) and not bare.isupper():
        # A capitalised one only with a letter Russian lacks: "Астане", "Казахстана" are nouns.
        ukrainian = _UKRAINIAN_ADJECTIVE.match(bare.lower()) and (
            bare[0].islower() or _UKRAINIAN_LETTER.search(bare)
        )
        return bool(_CYRILLIC_ADJECTIVE.match(bare) or ukrainian)
    if bare.lower() in LOWER_MODIFIERS or qualifier_words("before").fullmatch(bare):
        return True
    if first and bare.lower() in ("the", "a", "an", "this", "its", "their"):
        return False
    return (
        (bare[0].isupper() or bare[0].isdigit())
        and not VERB_STOP.match(bare)
        and not headline_verbs().fullmatch(bare)
    )


# Letters of the Cyrillic alphabets of Kazakh, Kyrgyz, Uzbek, Tajik, Mongolian, Bashkir, Tatar
# that Russian lacks: in their sentences the Russian genitive-tail rule reads whole clauses.
NON_RUSSIAN_CYRILLIC = re.compile("[қғҳҷӣӯөүәңұһҚҒҲҶӢӮӨҮӘҢҰҺ]")


# A participle that dedicates an event to its subject or its purpose ("destinée à dresser un
# état des lieux de ..."): the name goes on after it.
DEDICATED = re.compile(
    r"^(?:посвящ[её]нн\w*|dédié(?:e|s|es)?|consacré(?:e|s|es)?|destiné(?:e|s|es)?|dedicated"
    r"|devoted|dedicad[oa]s?|dedicat[oa]|gewidmet\w*)$"
)


_RU_PARTICIPLE = re.compile(
    r"^[а-яё-]{2,}(?:ованн|ированн|званн|веденн|вш|ющ|ящ|ущ|ащ)(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ой|ей|ому|ему|ом|ем|ую|юю"
    r"|ых|их|ым|им|ыми|ими)$"
)

# A Russian short passive participle, the predicate of its clause ("На круглом столе
# запланированы выступления ...", "конференция организована ..."): a name ends before it.
_RU_SHORT_PARTICIPLE = re.compile(
    r"^[а-яё-]{3,}(?:ован|ирован|еван|веден|влен|шен|щен|жен|чен)(?:а|о|ы)?$"
)


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


def is_past_verb(tok: str) -> bool:
    word = tok.strip(TRAILING).replace("ё", "е")
    if _ROMANCE_PAST.match(word):
        return True
    return bool(_SLAVIC_PAST.match(word)) and word not in _NOUNS_LIKE_PAST


def is_verb(low: str) -> bool:
    """A Russian finite verb, past form or participle ("обсудили", "состоится", "созванном"): a
    name ends there, but for one dedicating it to its subject ("посвященная")."""
    low = low.replace("ё", "е")  # "пройдёт" is "пройдет": ё is optional in Russian print
    if DEDICATED.match(low):
        return False
    return (
        bool(_RU_VERB.match(low) or _RU_PARTICIPLE.match(low) or _RU_SHORT_PARTICIPLE.match(low))
        and low not in _RU_NOUNS_LIKE_VERBS
    )
