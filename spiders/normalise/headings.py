"""Whether a page heading is an event's name, a news headline about it, or page furniture.

A heading is the first candidate for an event's title, but it is often something else: a
publication line or a date ("Published on 1 May 2020"), breadcrumbs, a headline that reports on
the event ("... opened on June 20", "В Москве эксперты обсудили ...", "Rabat : Forum ..."), a
section label ("About the Conference") or an organisation's name. These predicates tell them
apart for ``titles.choose_title``; they read a heading as a whole, where ``names`` reads the noun
phrases inside a sentence, and are kept apart for that reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, quotes
from confwatch.spiders.normalise.name_words import (
    LOWER_MODIFIERS,
    NOT_MODIFIERS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    STRONG_KINDS,
    TRAILING,
    has_event_word,
    headline_verbs,
    is_event_noun,
    is_modifier,
    is_ordinal,
    is_past_verb,
    is_verb,
    qualifier_words,
    starts_with_noun,
)
from confwatch.spiders.normalise.names import event_token, links_a_topic, name_tokens, quoted_name
from confwatch.spiders.title_case import mostly_capitalised, title_words

__all__ = [
    "clean_heading",
    "dated_heading",
    "is_headline",
    "is_kind_label",
    "is_menu_row",
    "is_name_like",
    "is_section_label",
    "is_title_junk",
    "opens_with_place",
    "quoted_after_label",
    "quoted_in_heading",
    "reports_on",
    "tells_of",
    "title_before_kind",
    "without_document_word",
    "written_as_name",
]


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

    return (
        not text or bool(_JUNK_TITLE.match(text.strip())) or is_furniture(text) or is_menu_row(text)
    )


# A site's menu or breadcrumbs as one line: items of a few words each, set apart by bars
# ("Home | News | Sport | Events") or by arrows ("Home > Events > Event details").
_BAR = re.compile(r"\s+[|¦•·]\s+")
_CRUMB = re.compile(r"\s+(?:>|»|›|>>)\s+")
_MENU_ITEM_WORDS = 4
_MENU_ITEM_CHARS = 32
_MENU_ITEMS = 3  # bar-set items: fewer may be a name and its site ("Forum X | Ministry")


def is_menu_row(text: str) -> bool:
    """The line is a site's menu or its breadcrumbs, not a heading: three or more short items set
    apart by bars, two short items neither of which names an event, or short items set apart by
    arrows ("Home > Events > Details") whose last one names no meeting."""
    text = text.strip()
    for sep, least in ((_CRUMB, 2), (_BAR, 2)):
        items = [item.strip() for item in sep.split(text)]
        if len(items) < least:
            continue
        if not all(
            item and len(item) <= _MENU_ITEM_CHARS and len(item.split()) <= _MENU_ITEM_WORDS
            for item in items
        ):
            continue
        if sep is _CRUMB:
            # "Home » Events » Seminar on X": the last crumb may be the page's own title.
            return not lexicon.has_event_word(items[-1], lexicon.STRONG)
        if len(items) >= _MENU_ITEMS:
            return True
        return not any(has_event_word(item) for item in items)
    return False


# "Human rights ... explored at OSCE Counter-Terrorism Conference in Rome": a report from an event.
@lru_cache(maxsize=1)
def _at_event() -> re.Pattern[str]:
    strong = lexicon.fragment("event_noun", *STRONG_KINDS)
    return pattern_cache.compiled(
        rf"^\S+(?:\s+\S+){{1,}}?\s+(?:at|during)\s+(?:the\s+)?(?:[\w“”\"'’-]+\s+){{0,8}}?{strong}(?!\w)",
        re.IGNORECASE,
    )


_NAME_FOLLOWS = re.compile(r"\s+(?!(?:In|At|On|To|For|With|From|By)\b)[A-Z]")


# "UNODC Supports ...", "OSCE Hosts ...": a heading that opens with a body's acronym and then a
# verb has a subject and its verb, a headline's grammar; a name does not open with its holder's
# acronym and a verb.
_ACRONYM_SUBJECT = re.compile(r"^[A-Z][A-Z0-9&]{1,9}\s+$")


_OBJECT_QUALIFIERS = 2  # words: "Hosts Regional Conference", "Hosts Annual Regional Workshop"


def _event_follows(title: str, end: int) -> bool:
    """The verb's object is an event: "X Jointly Organized Symposium on Y", "X Hosts Workshop",
    "X Hosts Regional Conference on Y" (a qualifier before the noun); in a name the capitalised
    participle qualifies another noun ("Organized Crime")."""
    nxt = title[end:].split()[: _OBJECT_QUALIFIERS + 1]
    if not nxt:
        return False
    if event_token(nxt[0]) is not None:
        return True
    before = qualifier_words("before")
    for k, word in enumerate(nxt[1:], 1):
        if not all(before.fullmatch(w.strip(TRAILING)) for w in nxt[:k]):
            return False
        if event_token(word) is not None:
            return True
    return False


def is_headline(title: str) -> bool:
    """A heading that reports on an event ("... opened on June 20", "X attended the Y Forum",
    "... explored at OSCE Counter-Terrorism Conference"). A capitalised verb form inside a name
    ("... Trafficking and Organized Crime") is part of the name."""
    for m in headline_verbs().finditer(title):
        word = m.group(0)
        if (
            m.start() > 0
            and word[0].isupper()
            and _NAME_FOLLOWS.match(title, m.end())
            and not _event_follows(title, m.end())
            and not _ACRONYM_SUBJECT.match(title[: m.start()])
        ):
            continue
        return True
    return bool(_at_event().search(title) and not starts_with_noun(title))


def _clean_heading(title: str) -> str:
    # "Main » 2018 » May » 8 » High-Level Conference ...": the last crumb is the title.
    # A "»" closing a "«" quotes a name ("Journées « X » — Paris"): no crumb.
    if "»" in title and title.count("«") < title.count("»"):
        title = title.rsplit("»", 1)[1]
    return title.strip()


# "On the occasion of the International Day of ...": an occasion, not a name.
_NOT_A_NAME = re.compile(r"^(?:on|in|at|for|to|during|with|from|by|about|as|upon)\s", re.IGNORECASE)


def _is_organisation(heading: str) -> bool:
    """A site header naming its organisation ("Anti-Terrorism Centre of the CIS Member States")."""
    from confwatch.spiders.normalise.organisers import looks_like_organisation

    return looks_like_organisation(heading)


# A full stop ending one sentence and a word starting the next: "... del usuario. Más
# información en ...". A word in lower case before the stop, so "U.S. Forum" is no end; a
# question mark is not read (a title may ask: "fait ou fiction? Autopsie ...").
_SENTENCE_BREAK = re.compile(r"(?<!\w)[^\W\d_][^\W\d_A-ZÀ-Þ]+\.\s+[^\W\d_]")
_RUNNING_WORDS = 15  # words: a heading this long that holds a sentence's end is running text


def _running_text(text: str) -> bool:
    """A long line of several sentences (a cookie notice, a lead paragraph): running text, no
    heading."""
    return len(text.split()) >= _RUNNING_WORDS and bool(_SENTENCE_BREAK.search(text))


# The kind of page a heading is set on, put before it: "Press release: X", "Communiqué de
# presse : X", "Pressemitteilung: X", "Nota de prensa: X", "Пресс-релиз: X".
_KIND_LABEL = re.compile(
    r"^(?:press\s+release|news\s+release|media\s+release|communiqué\s+de\s+presse"
    r"|pressemitteilung|presseinformation|nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa)?"
    r"|пресс-релиз)\s*:\s*(?=\S)",
    re.IGNORECASE,
)


def clean_heading(heading: str | None) -> str | None:
    """A heading as a name may be read from it: no furniture, icon word, site name or crumbs."""
    text = _unquoted_heading(heading)
    if text is None or _running_text(text):
        return None
    text = _KIND_LABEL.sub("", text)
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
    if (
        len(text) > 2
        and text[0] in QUOTE_OPEN
        and text[-1] in QUOTE_CLOSE.get(text[0], "")
        and text[0] not in text[1:-1]
        and text[-1] not in text[1:-1]
    ):
        # „Extremismus und Sozialisation“: the name, quoted; not '"X" Fachtagung zu "Y"'.
        text = text[1:-1].strip()
    return _without_quoted_statement(text)


# A news headline opening with what someone said, then a colon and the event ("“X is a threat to
# the region”: Conference on Y", "« Il faut agir » : colloque sur Y"): the statement is the
# story's, the event is what follows the colon.
_QUOTED_STATEMENT = re.compile(
    rf"^{quotes.quoted('{3,}', group='q', own=False)}\s*:\s*(?P<rest>\S.*)$"
)


def _without_quoted_statement(text: str) -> str:
    m = _QUOTED_STATEMENT.match(text)
    if (
        m is None
        or has_event_word(quotes.quoted_text(m, "q") or "")
        or not has_event_word(m.group("rest"))
    ):
        return text
    return m.group("rest")


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
    if hits and has_event_word(text[hits[0][2] :]):
        return text  # "В Н.Новгороде 30 ноября состоится семинар ...": a headline goes on
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
# A list of short items after a colon ("Akteure - Methoden - Bekämpfung", "Causes, Actors,
# Responses"): a subtitle enumerating what a title covers; a headline after a kicker has a verb.
_ENUMERATION = re.compile(
    r"^[^\W\d_][\w’'-]*(?:\s[^\W\d_][\w’'-]*)?"
    r"(?:(?:\s[-–—]\s|,\s|\s(?:and|und|et|y|e|и)\s)[^\W\d_][\w’'-]*(?:\s[^\W\d_][\w’'-]*)?){2,}$"
)
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
        if event_token(tok) is None:
            continue
        quoted = quoted_name(tokens, i)
        if quoted is None or links_a_topic(quoted):
            continue
        j = i
        while j > 0 and is_modifier(tokens[j - 1], first=j - 1 == 0):
            j -= 1
        if j == 0:
            return None
        if any(t[:1].isupper() for t in tokens[j:i]):
            # "On the High Level International Conference “X”": a proper name with its title.
            k = tokens.index(quoted, i)
            return " ".join(tokens[j : k + 1]).strip(TRAILING)
        return quoted.strip(TRAILING + quotes.MARKS)
    return None


def opens_with_place(head: str) -> bool:
    """A heading that opens with where its event happens ("У Мінску пройдзе ... канферэнцыя",
    "A Roma la Conferenza ..."): a news story's lead-in, not a name."""
    return bool(_PLACE_FIRST.match(head)) and has_event_word(head)


# French and Spanish verbs of a report that an event gathers, hosts or debates: "Une conférence
# sur X rassemblera 400 experts", "Debaten sobre extremismo y terrorismo".
_REPORT_VERBS = re.compile(
    r"(?<!\w)(?:rassembl(?:e|ent|era|eront)|réuni(?:t|ssent|ra|ront)|accueill(?:e|ent|era|eront)"
    r"|abrit(?:e|ent|era|eront)|tiendra|tiendront|s['’]ouvrira|débatt(?:ent|ront)"
    r"|reúnen?|reunió|reunieron|reunirán?|acoge|acogió|acogerá|debaten|debatieron|debatirán"
    r"|analizan|analizaron|analizarán|discuten|discutieron|discutirán"
    # Who opens, holds or closes it: "El Centro X inicia un seminario regional sobre ...",
    # "Segurança Pública promove debate ...", "Symposium des BfV diskutiert ...".
    r"|inicia|iniciaron|inaugura|inauguró|clausura|clausuró|arranca|culmina|concluye"
    r"|promove|promoveu|realiza|realizou|diskutier(?:t|en|ten)|eröffnet|berät|beraten|tagt|tagten"
    # What it takes up: "Encontro de Alto Nível aborda ...", "Séminaire ... examine ...".
    r"|aborda|abordam|abordou|debatem|discutem|analisa|analisam|abordan|aborde|abordent|examine"
    r"|examinent|discutent|addresses|examines|explores|tackles|tackled"
    # Who gets it ready: "Angola e Itália preparam conferência ...", "X prepara un congreso ...".
    r"|prepara|preparam|prepararam|preparou|preparan|prepararon|préparent|préparera|preparano"
    r"|prepares)(?!\w)"
    # "X, thème d'un atelier ...", "X im Mittelpunkt einer Tagung": the topic, then its event.
    r"|(?<!\w)(?:th[èe]me\s+d(?:['’]|u\s|e\s|es\s)|au\s+c(?:œ|oe)ur\s+d(?:['’]|u\s|e\s|es\s)"
    r"|im\s+Mittelpunkt\s|Thema\s+(?:einer|eines)\s"
    r"|topic\s+of\s|theme\s+of\s)",
    re.IGNORECASE,
)
_LOWER_CYRILLIC = re.compile(r"(?<![\w'’-])[а-яёіїєґ][а-яёіїєґ'’-]*(?![\w'’-])")


def tells_of(head: str) -> bool:
    """A heading whose verb tells what people did at an event ("Губернатор принял участие в
    форуме ...", "Une conférence ... rassemblera 400 experts", "Debaten sobre X"): a headline,
    not a name, though a page whose text names its event no better may still be titled by it."""
    if _REPORT_VERBS.search(head):
        return True
    return any(is_past_verb(w) for w in _LOWER_CYRILLIC.findall(head))


_DOCUMENT_LINK = re.compile(
    r"^[\s:–—-]*(?:(?:of|on|del|de|du|des|der|über|о|об)\s+)?(?:the\s+|la\s+|el\s+|l['’])?"
)


def without_document_word(head: str) -> str:
    """A document's heading without its kind: "КОММЮНИКЕ VI СОВЕЩАНИЯ ..." -> "VI СОВЕЩАНИЯ
    ...", "Report of the Regional Workshop ..." -> "Regional Workshop ...": the event the
    document is about; any other heading as it is."""
    m = _DOCUMENT.match(head)
    if m is None:
        return head
    rest = head[m.end() :]
    link = _DOCUMENT_LINK.match(rest)
    rest = rest[link.end() :] if link else rest
    return rest if has_event_word(rest) else head


def reports_on(head: str) -> bool:
    """A heading that reports on an event rather than naming it: a headline with a verb, a
    kicker before a colon, a document's title."""
    if is_headline(head) or _DOCUMENT.match(head):
        return True
    if any(is_verb(w) for w in re.findall(r"[а-яё-]+", head)):
        return True  # "В Петербурге эксперты обсудили ...", "ОБСЕ поддерживает в Астане ..."
    if _event_in_passing(head) or _attributed(head):
        return True
    m = _KICKER.match(head)
    if not m or _ENUMERATION.match(m.group(2)):
        return False  # "Terrorismus: Akteure - Methoden - Bekämpfung": a title's subtitle
    kicker = m.group(1).split()
    return all(w[:1].isupper() for w in kicker) and not has_event_word(m.group(1))


# A statement, a colon and who made it ("X cannot compromise on terrorism: FS", "We must act
# now: Minister"): a news story's quotation of its speaker, not a name. Only a statement naming
# no event ("Regional Conference on X: Vienna" is a name and its place), in sentence case: a
# title-case one is a title and its subtitle ("Countering Extremism in the Balkans: Lessons
# Learned").
_ATTRIBUTION = re.compile(
    r"^(?P<said>[^:]+?)\s?:\s+(?P<who>[^\W\d_][^\s:\d]*(?:\s+[^\s:\d]+){0,2})$"
)
_SAID_WORDS = 6


def _attributed(head: str) -> bool:
    m = _ATTRIBUTION.match(head.strip())
    return (
        m is not None
        and len(m.group("said").split()) >= _SAID_WORDS
        and m.group("who")[:1].isupper()
        and not has_event_word(head)
        and not written_as_name(m.group("said"))
    )


_STATEMENT_WORDS = 8  # words: a heading this long that names its event in passing is a sentence
# Where a statement places its event: "at", "in", "to" and the Romance and German contractions
# with the article ("no", "nel", "au", "beim"). An article alone or "of" ("Organisation de la
# conférence ...", "un séminaire pour ...") starts a description of the event, not a statement.
_AT_LINES = (
    "at in to",  # en
    "à au aux en",  # fr, es
    "em no na nos nas num numa",  # pt
    "nel nella nello al",  # it, es
    "im am beim zum zur",  # de
)
_AT_WORDS = frozenset(w for line in _AT_LINES for w in line.split())


def _event_in_passing(head: str) -> bool:
    """A long heading that comes to its event only late, in lower case after a word that places it
    ("Campus safety and radicalisation set the agenda at the national seminar"): a statement
    about the event, not its name, which starts with its own words."""
    tokens = head.split()
    if len(tokens) < _STATEMENT_WORDS or not tokens[0][:1].isupper() or event_token(tokens[0]):
        return False
    return any(
        tok[:1].islower()
        and event_token(tok) is not None
        and has_event_word(tok)
        and tokens[i - 1] in _AT_WORDS
        for i, tok in enumerate(tokens[2:], 2)
    )


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
    if not rest or len(rest) > _LABEL_WORDS or event_token(rest[-1]) is None:
        return False
    return all(
        t.lower().strip(TRAILING) in _LABEL_FILLERS or t.lower() in LOWER_MODIFIERS
        for t in rest[:-1]
    )


_LABEL_FILLERS = NOT_MODIFIERS | frozenset(["du", "de", "del", "della", "dello"])


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


# What links a kind label to where it is held: "Workshop in Graz", "Podiumsdiskussion in der
# X-Stiftung", "Séminaire à l'Université Y", "семинар в Казани". Not a genitive: "Meeting of the
# X Council", "Sitzung des Y" name an event by the body holding it.
_KIND_LINK = re.compile(
    r"^(?:in\s+der|in\s+den|an\s+der|bei\s+der|(?:in|at)(?:\s+the)?|im|am|beim"
    r"|à\s+la|à\s+l['’]|en\s+el|en\s+la|à|au|en|chez|na|no|nel|nella|alla|presso|в|во|на)"
    r"\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_KIND_PLACE_WORDS = 5  # capitalised words of the place or body a kind label names


# The small words inside a place's or a house's name: "Maison de l'Europe", "House of the Arts".
_PLACE_LINKS = frozenset(
    ["de", "du", "des", "d'", "of", "the", "der", "die", "das", "la", "le", "l'", "del", "della"]
)


def _place_word(word: str) -> bool:
    low = word.casefold()
    return (
        word[:1].isupper()
        or word[:1].isdigit()
        or low in _PLACE_LINKS
        or bool(re.match(r"[dl]['’][A-ZÀ-Þ]", word))
    )


@lru_cache(maxsize=2)
def _qualifiers(place: str) -> re.Pattern[str]:
    return qualifier_words(place)


def _kind_word(word: str) -> bool:
    bare = word.strip(TRAILING)
    return bool(bare) and (
        is_event_noun(bare)
        or is_ordinal(bare)
        or bool(_qualifiers("before").fullmatch(bare))
        or bool(_qualifiers("after").fullmatch(bare))
    )


def is_kind_label(text: str) -> bool:
    """Only what kind of event it is, perhaps with where it is held: "Policy
    Dialogue", "Regional Workshop", "Podiumsdiskussion im Rathaus Bonn". No words say what the
    event is about: on an event's page such a label stands beside the event's own title, as a
    kicker above it or a line under it."""
    words = text.strip().rstrip(".").split()
    if not words or len(words) > 2 * _KIND_PLACE_WORDS or not has_event_word(text):
        return False
    core = words
    for k in range(1, len(words)):
        m = _KIND_LINK.match(" ".join(words[k:]))
        if m is None:
            continue
        rest = m.group("rest").split()
        if len(rest) <= _KIND_PLACE_WORDS and rest[0][:1].isupper() and all(map(_place_word, rest)):
            core = words[:k]
            break
    return any(is_event_noun(w.strip(TRAILING)) for w in core) and all(_kind_word(w) for w in core)


_KIND_AFTER_DASH = re.compile(r"^(?P<title>.+?)\s+[–—-]\s+(?P<kind>[^–—]+)$")
_TITLE_WORDS = (2, 15)


def title_before_kind(head: str) -> str | None:
    """The title of a heading that gives it and then, after a dash, only the event's kind ("Who
    Guards the Guardians? – Panel Discussion in the City Hall"): the title is the event's name,
    the rest says what kind of event carries it."""
    m = _KIND_AFTER_DASH.match(head.strip())
    if m is None or not is_kind_label(m.group("kind")):
        return None
    title = m.group("title").strip()
    return title if is_title_line(title) else None


def is_title_line(text: str) -> bool:
    """A line that may be an event's title beside its kind label: a few words, no full stop, no
    event word, no date, number or address (a line with a digit), not an organisation's name."""
    text = text.strip()
    low, high = _TITLE_WORDS
    return (
        low <= len(text.split()) <= high
        and not text.endswith((".", ":", ";", ","))
        and not any(c.isdigit() for c in text)
        and not has_event_word(text)
        and not is_title_junk(text)
        and not is_menu_row(text)
        and not _is_organisation(text)
    )


# "Tagungsbericht: „X“", "Review: “X”": a report's label, a colon, and a quotation that fills
# the rest of the heading. Only a word for a report on an event: "Guterres: “X”" quotes a man,
# "Report: “X”" may title a document.
_REPORT_WORD = (
    r"(?:(?:tagungs|konferenz|veranstaltungs|seminar|nach)bericht|rückblick|nachlese|recap"
    r"|(?:event|conference|meeting|workshop)\s+report|compte[-\s]rendu|retour\s+sur|crónica"
    r"|relatoría|resoconto)"
)
_LABEL_THEN_QUOTE = re.compile(
    rf"^(?P<label>(?:[^\W\d_][\w-]*\s+)?{_REPORT_WORD})\s*:\s*{quotes.quoted(group='q')}\s*$",
    re.IGNORECASE,
)


def quoted_after_label(head: str) -> str | None:
    """The quotation a heading gives after a report's label ("Tagungsbericht: „X“", "Rückblick:
    “X”", "Compte rendu : « X »"): the label says what kind of page it is; the quotation is the
    title of the event it reports on."""
    m = _LABEL_THEN_QUOTE.match(head.strip())
    if m is None or has_event_word(m.group("label")):
        return None
    quoted = (quotes.quoted_text(m, "q") or "").strip()
    return quoted if len(quoted.split()) >= 2 else None
