"""The conference's own name, read from a page heading or from the sentences that present it.

A news headline is not a conference's name ("High-level regional conference on Counter-Terrorism
opened on June 20", "Deputy Minister attended the Inter-Regional Conference on ..."), a text
capture often starts with site navigation, and some pages have no heading at all. The name is
then the phrase the text uses for the event: a quoted name attached to an event word
(conference “X”, workshop titled “X”), or a noun phrase built around one ("Regional Conference on
X", "Twelfth GCTF Coordinating Committee Meeting", "первая Конференция высокого уровня ...").
``choose_title`` keeps a heading that already is a name and looks for the name otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.places import city_country, country_code

__all__ = [
    "choose_title",
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


def is_event_noun(word: str) -> bool:
    """A token that is an event noun a name may end with ("Conference", "Meeting", "круглом
    столе"); a press conference is none."""
    return _kind(word) in _NAME_KINDS


def _is_strong_noun(word: str) -> bool:
    return _kind(word) in _STRONG_KINDS


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
# Headline verbs: a heading that reports on an event is not the event's name. Besides these, the
# lexicon's wording that says an event is held, opens or ends, in every language ("ООН проведет
# конференцию", "Ташкент организует конференцию", "EEUU reunirá a ...").
_HEADLINE_WORDS = (
    r"opens?|opened|concludes?|concluded|closes|closed|attends?|attended|participates?|participated"
    r"|gives|gave|holds|held|hosts|hosted|organi[sz]es|organi[sz]ed|discuss(?:es|ed)|convenes|convened"
    r"|launch(?:es|ed)|kicks?\s+off|took\s+place|takes\s+place|will\s+be|was|were|is|are|begins|began"
    r"|starts|started|sends?|underway|wraps?\s+up|ready|focus\s+of|facilitates|supports|calls|urges"
    r"|пройдет|прошла|прошел|прошло|состоится|состоялась|состоялся|открылась|открылся|завершилась"
    r"|findet|fand|beginnt|s['’]ouvre|s['’]est\s+tenu\w*|aura\s+lieu"
)


@lru_cache(maxsize=1)
def _headline() -> re.Pattern[str]:
    held = lexicon.fragment("held")
    return re.compile(rf"(?<!\w)(?:{_HEADLINE_WORDS}|{held})(?!\w)", re.IGNORECASE)


_VERB_STOP = re.compile(
    r"^(?:will|would|shall|was|were|is|are|has|have|had|took|takes|taking|held|holds|opened|opens|opening"
    r"|concluded|concludes|closed|began|begins|started|starts|brought|brings|gathered|focused|focuses"
    r"|aims?|aimed|organi[sz]ed|co-organi[sz]ed|convened|hosted|jointly|which|who|where|when|while|whose"
    r"|comes|came|kicked|wrapped|sends|attracted|featured|provided|provides|marked|marks|explored"
    r"|examined|addressed|discussed|gives|gave|and\s+convenes|этой|которая|который|которое|которые"
    r"|пройдет|прошла|прошел|прошло|состоится|состоялась|состоялся|состоявш\w*|организованн\w*"
    r"|findet|fand|soll|wurde|wird|qui|s['’]est|aura|se|a)$",
    re.IGNORECASE,
)
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_AHEAD = re.compile(
    rf"^(?:on|from|in|at|between|during|du|le|am|vom|с|в)?\s*(?:\d|(?:{_MONTHS})\b)", re.I
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
    ]
)
_MAX_TAIL_WORDS = 30
_MONTH_YEAR = re.compile(rf"^(?:{_MONTHS})\s+\d{{4}}$")
# "Конференция высокого уровня ...": a Russian name goes on in the genitive.
_GENITIVE = re.compile(r"^[а-яё-]+(?:ого|его|ых|их)$")
_TOKEN_REST = r"\(\s*[A-ZА-Я][\w/&+.-]{1,15}\s*\)|[“\"«‘„'][^“”\"«»‘’„']{3,250}[”\"»’“']|[^\s(]+|\("


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
    glued = "|".join(several) or "(?!)"
    return re.compile(rf"(?<!\S)(?i:{glued})[,.;:]?(?!\S)|{_TOKEN_REST}")


_TRAILING = " ,.;:–—-"
_JUNK_TITLE = re.compile(
    r"^(?:(?:published|posted|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*.{0,40}\d|\W*\d[\d\s./:-]*\d\W*"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\d.{0,30}|\d{1,2}\s+\w+,?\s+\d{4}(?:,?\s+\d\d?:\d\d)?)$",
    re.IGNORECASE,
)


def is_title_junk(text: str | None) -> bool:
    """A publication line, a date or a clock time is never a title ("Published on 1 May 2020")."""
    return not text or bool(_JUNK_TITLE.match(text.strip()))


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
    if "»" in title:
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
    ]
)
_CYRILLIC_ADJECTIVE = re.compile(r"^[А-ЯЁа-яё-]+(?:ая|ый|ий|ое|ой|ые|ых|ую|ого|ому|ей)$")


def _is_modifier(word: str, *, first: bool) -> bool:
    bare = word.strip('“”"«»‘’()')
    if not bare or _N_DAY.match(bare) or bare.lower() in _NOT_MODIFIERS:
        return False
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


def _tail(tokens: list[str], start: int, *, proper: bool = False) -> list[str]:
    """The words after the event word that still belong to the name."""
    out: list[str] = []
    i = start
    linked = False
    while i < len(tokens) and len(out) < _MAX_TAIL_WORDS:
        tok = tokens[i]
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
            if _GENITIVE.match(tok) or (
                tok[0].isupper() and not _VERB_STOP.match(low) and not _is_place(tokens[i:])
            ):
                out.append(tok)  # "Conference OSCE ..." / "конференция БРИКС+"
                i += 1
                continue
            break
        if _VERB_STOP.match(low) or tok == "(":
            break
        rest = " ".join(tokens[i : i + 3])
        if low in (
            "on",
            "from",
            "in",
            "at",
            "between",
            "during",
            "с",
            "в",
            "am",
            "vom",
        ) and _DATE_AHEAD.match(rest):
            break
        if (
            low in ("in", "at", "в", "à", "in")
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
        if tok.endswith((".", ";", "!", "?")) and not re.search(r"\b[A-Z]\.$", tok):
            break
        if tok.endswith(","):
            nxt = tokens[i] if i < len(tokens) else ""
            if not nxt or not nxt[0].isupper() or _is_place(tokens[i:]):
                break
    while out and (out[-1].lower().strip(_TRAILING) in _TAIL_LINK or out[-1] in (":", ",")):
        out.pop()
    return out


def _quoted(tokens: list[str], i: int) -> str | None:
    """A quoted name after the event word: conference “X”, seminar on “X”, ... entitled “X”."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        tok = tokens[j]
        if tok[0] in _QUOTE_OPEN and len(tok) > 8:
            return tok
        if tok.lower().strip(_TRAILING) not in ("on", ":", ","):
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
    return _token().findall(sentence or "")


def _names(sentence: str) -> list[tuple[bool, str]]:
    """(strong event word, name) for every conference name in a sentence, in order."""
    tokens = name_tokens(sentence)
    out: list[tuple[bool, str]] = []
    for i, tok in enumerate(tokens):
        word = tok.strip(_TRAILING + '“”"«»‘’')
        if not word or not (is_event_noun(word) or is_event_noun(word.rsplit("-", 1)[-1])):
            continue
        j = i
        while (
            j > 0
            and _is_modifier(tokens[j - 1], first=j - 1 == 0)
            and not tokens[j - 1].endswith((",", ".", ":"))
        ):
            j -= 1
        pre = _without_joint_list(tokens[j:i])
        capitalised = any(t[0].isupper() or t[0].isdigit() for t in pre) or word[0].isupper()
        if re.match(r"(?i)(?:press|news|пресс)-", word) or (
            i and tokens[i - 1].lower() in ("press", "news")
        ):
            continue  # a press conference is no conference
        quoted = _quoted(tokens, i)
        tail = [] if tok.endswith((".", ";")) else _tail(tokens, i + 1, proper=capitalised)
        strong = _is_strong_noun(word) or _is_strong_noun(word.rsplit("-", 1)[-1])
        if quoted is not None and not any(t[0].isupper() for t in pre) and word.islower():
            # "the international conference entitled “X”": the quoted words are the name.
            out.append((True, quoted.strip(_TRAILING + '“”"«»‘’„')))
            continue
        # "the ninth meeting of the OSCE PA's Ad Hoc Committee", "a special meeting of the Security
        # Council Counter-Terrorism Committee": a numbered or qualified session of a body.
        numbered = any(
            t.lower() in _ORDINALS or _qualifier("before").fullmatch(t) for t in pre
        ) and _of_a_body(tail)
        if not capitalised and not (strong and len(tail) >= 3) and not numbered:
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
    return out


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


def choose_title(heading: str | None, sentences: list[str]) -> str | None:
    """The conference's name: the heading when it is one, else the name the text gives the event.

    ``sentences``: the page's opening sentences (or the event's key sentences), best first. A proper
    name ("Annual OSCE-wide Counter-Terrorism Conference") beats a description ("a conference to
    review ...").
    """
    head = _clean_heading(heading) if heading and not is_title_junk(heading) else None
    if head and _has_event_word(head) and not is_headline(head):
        return head
    if head and is_headline(head):
        found = event_name(head)
        if found:
            return found
    if (
        head
        and not _has_event_word(head)
        and len(head.split()) >= 6
        and not is_headline(head)
        and not _NOT_A_NAME.match(head)
        and not _is_organisation(head)
    ):
        return head  # a long heading without an event word is a name ("Empowering Youth and ...")
    candidates = [n for n in (event_name(s) for s in sentences) if n]
    candidates.sort(key=lambda n: not _proper(n))  # stable: page order within each kind
    for found in candidates[:1]:
        # A heading without an event word is the name when the text's name repeats it
        # ("Empowering Youth ..." under "... Conference on Empowering Youth ...").
        if (
            head
            and _tokens(head)
            and len(_tokens(head) & _tokens(found)) >= 0.8 * len(_tokens(head))
        ):
            return head
        return found
    return head
