"""The conference's own name, read from the sentences that present it (or a heading).

A news headline is not a conference's name ("High-level regional conference on Counter-Terrorism
opened on June 20", "Deputy Minister attended the Inter-Regional Conference on ..."), a text
capture often starts with site navigation, and some pages have no heading at all. The name is
then the phrase the text uses for the event: a quoted name attached to an event word
(conference “X”, workshop titled “X”), or a noun phrase built around one ("Regional Conference on
X", "Twelfth GCTF Coordinating Committee Meeting", "первая Конференция высокого уровня ...").
Which of them an event gets (the heading, or a name from the text) is ``titles.choose_title``'s.

This module tokenises a sentence and reads the noun phrase around each event noun (``names_in``,
``event_name``). The word classes it asks about are ``name_words``'; where a name ends after its
noun is ``name_tail``'s; whether a heading is a name or a headline is ``headings``'; quoted and
postposed themes ("a conference on the topic “X”") are ``name_themes``'.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, quotes
from confwatch.spiders.normalise.name_tail import (
    MAX_TAIL_WORDS,
    TOPIC_LINKS,
    name_tail,
    starts_with_place,
)
from confwatch.spiders.normalise.name_words import (
    DEDICATED,
    LOWER_MODIFIERS,
    MONTHS,
    N_DAY,
    NON_RUSSIAN_CYRILLIC,
    QUOTE_OPEN,
    SCOPE,
    TRAILING,
    VERB_STOP,
    has_event_word,
    is_event_noun,
    is_modifier,
    is_ordinal,
    is_strong_noun,
    qualifier_words,
)
from confwatch.spiders.normalise.text_cache import short_text_cache
from confwatch.spiders.normalise.whole_words import dispatched, starts_in_block
from confwatch.spiders.title_case import SMALL_WORDS, title_words

__all__ = [
    "body_meeting",
    "event_name",
    "event_token",
    "has_subject",
    "is_proper",
    "links_a_topic",
    "name_tokens",
    "names_in",
    "quoted_name",
]


_MONTH_YEAR = re.compile(rf"^(?:{MONTHS})\s+\d{{4}}$")


_TOKEN_REST = (
    r"\(\s*[A-ZА-Я][\w/&+.-]{1,15}\s*\)"
    rf"|{quotes.QUOTATION_TOKEN}|[^\s(]+|\("
)


_ARABIC = ("\u0600", "\u06ff")  # the Arabic block


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
        elif starts_in_block(alt, *_ARABIC):
            # "[وف]?(?:[بلك]?ال|لل)?مؤتمر...": its optional clitics were tried at every word of
            # every sentence (most of the tokenising); behind a look-ahead, only at Arabic ones.
            anywhere.append(f"(?=(?-i:[{_ARABIC[0]}-{_ARABIC[1]}]))(?:{alt})")
        else:
            anywhere.append(alt)
    glued = "|".join(filter(None, [dispatched(list(groups.items())), *anywhere])) or "(?!)"
    return pattern_cache.compiled(rf"(?<!\S)(?i:{glued})[,.;:]?(?!\S)|{_TOKEN_REST}")


def name_tokens(sentence: str) -> list[str]:
    """The words of a sentence as names are read from it; an event noun of several words
    ("round table", "круглом столе", "press conference") is one."""
    return list(_tokens_of(sentence or ""))


@short_text_cache(maxsize=2048)  # a sentence is tokenised for its names, title and organisers
def _tokens_of(sentence: str) -> tuple[str, ...]:
    return tuple(_token().findall(sentence))


@short_text_cache(maxsize=16384)  # every token of the sentences names are read from
def event_token(tok: str) -> str | None:
    """The token's word, when it is an event noun (or a compound ending in one)."""
    word = tok.strip(TRAILING + quotes.MARKS)
    if not word or not (is_event_noun(word) or is_event_noun(word.rsplit("-", 1)[-1])):
        return None
    return word


def _short_name(tok: str) -> bool:
    """A short quoted name that is written as one: a capital and a letter more ("“Bridg&”",
    "«CERA»"), not a quoted common word."""
    inner = tok.strip(TRAILING + quotes.MARKS)
    return len(inner) >= 4 and inner[:1].isupper() and not inner.islower()


def quoted_name(tokens: list[str], i: int) -> str | None:
    """A quoted name after the event word: conference “X”, seminar on “X”, ... entitled “X”."""
    for j in range(i + 1, min(i + 3, len(tokens))):
        tok = tokens[j]
        if tok[0] in QUOTE_OPEN and (len(tok) > 8 or _short_name(tok)):
            return tok
        low = tok.lower().strip(TRAILING)
        # "conferenza internazionale “X”": Romance languages put the qualifier after the noun.
        if low not in ("on", ":", ",") and not (
            j == i + 1 and qualifier_words("after").fullmatch(low)
        ):
            break
    complemented = _after_complement(tokens, i)
    if complemented is not None:
        return complemented
    for j in range(i + 1, min(i + 7, len(tokens) - 1)):
        if tokens[j].lower().strip(TRAILING) in (
            "entitled",
            "titled",
            "called",
            "named",
            "themed",
        ):
            nxt = tokens[j + 1]
            return nxt if nxt[0] in QUOTE_OPEN and len(nxt) > 8 else None
        if VERB_STOP.match(tokens[j].lower().strip(TRAILING)) or tokens[j].endswith((".", ";")):
            return None
    return None


# Words that open a noun's complement ("réunion de haut niveau des experts", "meeting of
# experts", "taller de capacitación", "seminario di studi"): of, de, des, du, del, della, di, der.
_COMPLEMENT_LINKS = frozenset(
    ["of", "de", "des", "du", "del", "della", "dei", "di", "degli", "delle", "der", "da", "do"]
)
_ELIDED_DE = re.compile(r"^d['’][^\W\d_]+$")  # "réunion d'experts"
# Nouns of what a meeting belongs to, which a quotation after them names instead of the meeting.
_OWNER_NOUN = re.compile(
    r"^(?:projec?ts?|projets?|proyectos?|projekts?|groups?|groupes?|grupos?|gruppen?|networks?"
    r"|réseaux?|redes?|netzwerks?|programm?es?|programas?|initiatives?|iniciativas?|platforms?"
    r"|plateformes?|plataformas?|campaigns?|campagnes?|campañas?|committees?|comités?|commissions?"
    r"|associations?|asociación|clubs?|movements?|mouvements?|movimientos?)$",
    re.IGNORECASE,
)
_COMPLEMENT_REACH = 6  # lower-case words between an event noun and the quoted name after them


def _after_complement(tokens: list[str], i: int) -> str | None:
    """A quoted name after the lower-case complements of the event noun: "la réunion de haut
    niveau des experts “X”", "the meeting of experts “X”". The complements say what kind of
    meeting it is; the quotation that follows them is its name."""
    first = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    if first not in _COMPLEMENT_LINKS and not _ELIDED_DE.match(first):
        return None
    for j in range(i + 2, min(i + 2 + _COMPLEMENT_REACH, len(tokens))):
        tok = tokens[j]
        if tok[0] in QUOTE_OPEN and len(tok) > 8:
            if _OWNER_NOUN.match(tokens[j - 1]):
                return None  # "the meeting of the project “X”": the quotation names the project
            return tok if len(tok.strip(TRAILING + quotes.MARKS).split()) >= 2 else None
        if (
            not (tok.isalpha() and tok.islower())
            or tok in TOPIC_LINKS
            or VERB_STOP.match(tok)
            or is_event_noun(tok)
        ):
            return None  # "séminaire d'experts sur « X »": a topic's tail is read as one
    return None


def _strong_word(word: str) -> bool:
    return is_strong_noun(word) or is_strong_noun(word.rsplit("-", 1)[-1])


def _quoted_topic(tail: list[str]) -> str | None:
    """The quoted name a tail ends with after its topic link ("with the X Council on “Y”"), when
    the words before it are no topic of their own (no link opens the tail)."""
    tail = [t for t in tail if t.strip(TRAILING)]
    if len(tail) < 3 or tail[-1][:1] not in QUOTE_OPEN or tail[-2].lower() not in TOPIC_LINKS:
        return None
    if tail[0].lower() in TOPIC_LINKS:
        return None  # "workshop on X on “Y”": the tail's own topic comes first
    inner = tail[-1].strip(TRAILING + quotes.MARKS)
    return inner if len(inner.split()) >= 2 and inner[:1].isupper() else None


def _modifies(tokens: list[str], k: int) -> bool:
    """``tokens[k]`` belongs to the noun phrase of the event noun after it."""
    tok = tokens[k]
    return is_modifier(tok, first=k == 0) and not (
        tok.endswith((",", ".", ":")) and not _DOTTED.match(tok)
    )


# Small words a title-case name holds between its capitalised words.
_NAME_LINKS = frozenset(["of", "and", "&"])


# Before a lower-case event noun, a title-case name may hold any of a title's small words: "the
# Implementing the UN Strategy in Southern Africa forum" (the name, then the kind of event).
_LOWER_NOUN_LINKS = _NAME_LINKS | frozenset(["the", "in", "for", "on", "to", "against"])


def _links_title_words(tokens: list[str], k: int, noun: str = "") -> bool:
    """``tokens[k]`` is a small word between two capitalised words of one title-case name:
    "Trajectories of Radicalisation and De-radicalisation conference"."""
    before = tokens[k - 1]
    links = _LOWER_NOUN_LINKS if noun.islower() else _NAME_LINKS
    # A small word written in title case is the name's own: "No Money For Terror Conference".
    title_cased = tokens[k][:1].isupper() and tokens[k][1:].islower()
    return (
        (tokens[k] in links or (title_cased and tokens[k].casefold() in _LOWER_NOUN_LINKS))
        and tokens[k + 1][:1].isupper()
        and before[:1].isupper()
        and not before.isupper()
        and _modifies(tokens, k - 1)
    )


# An article elided onto the next word: "L'International Workshop", "l’Atelier régional".
_ELIDED_ARTICLE = re.compile(r"^[Ll]['’](?=\w)")


def _described(pre: list[str], word: str, *, at_start: bool, next_to: bool = False) -> bool:
    """The words before a quoted name describe its event in lower case, so the quotation alone
    is its name: "the international conference entitled “X”", "zum internationalen Kolloquium
    „X“" (German capitalises every noun: the lower-case adjective before it says the phrase is
    no name), "Межвузовский студенческий форум «X»" (a sentence's first word is capitalised
    whatever it is). "Fachtag „X“", "OSCE Conference “X”" are names whole."""
    bare = [_ELIDED_ARTICLE.sub("", t) for t in pre]
    if (
        next_to
        and word.isascii()
        and bare
        and all(SCOPE.fullmatch(t.strip(TRAILING)) for t in bare)
    ):
        # "L'International Workshop “X”": a label saying how far it reaches; the quote right
        # after it names it ("Regional Conference on ‘X’ to ..." is a name whole).
        return True
    rest = pre[1:] if at_start and pre and not pre[0].isupper() else pre
    if any(t[0].isupper() for t in rest):
        return False
    if word.islower():
        return True
    return bool(rest) and word[0].isupper() and word[1:].islower()


def _without_joint_list(pre: list[str]) -> list[str]:
    """ "Joint Latvia-UNOCT-Hedayah Regional Conference": the partners are not the name."""
    if not pre or pre[0].lower() != "joint":
        return pre
    last = max(
        (k for k, t in enumerate(pre) if "-" in t and re.search(r"(?:^|-)[A-ZА-Я]{2,}(?:-|$)", t)),
        default=-1,
    )
    return pre[last + 1 :] if last >= 0 else pre[1:]


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
_CYRILLIC_ACRONYM = re.compile(r"^[А-ЯЁІЇЄҐ]{2,}[,.;:]?$")


def _names(sentence: str) -> list[tuple[bool, str]]:
    """(strong event word, name) for every conference name in a sentence, in order; a name the
    sentence makes the one organising something (``organises``) is a body, not an event."""
    return list(_event_names_of(sentence))


@short_text_cache(maxsize=2048)
def _event_names_of(sentence: str) -> tuple[tuple[bool, str], ...]:
    return tuple((strong, n) for strong, n in _names_of(sentence) if not organises(n, sentence))


@lru_cache(maxsize=1)
def _agent_after() -> re.Pattern[str]:
    """The name, perhaps its acronym in brackets, then a finite verb of organising (the lexicon's
    agent rows: "El Congreso Judío X organizó un taller"), not followed by its agent. Participles
    ("organised in Vienna", "organizado por") are no agent rows: there the name is the event."""
    verbs = lexicon.fragment("held", "active", agent=True)
    return re.compile(
        rf"\s*(?:\([^()]{{1,20}}\)\s*)?{verbs}(?!\w)(?!\s+(?:by|par|por|da|von)\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _agent_before() -> re.Pattern[str]:
    """Romance relative clauses put the subject after the verb: "el encuentro que organizaron el
    Congreso X", "le colloque qu'organise la Fondation X": the name after the verb is its
    subject."""
    verbs = lexicon.fragment("held", "active", agent=True)
    return re.compile(
        rf"(?<!\w)(\w+)\s+(?:que|qu['’]|che)\s*{verbs}\s+"
        r"(?:el|la|los|las|le|les|l['’]|il|lo|i|gli|o|a|os|as)?\s*$",
        re.IGNORECASE,
    )


_AGENT_REACH = 60  # characters before a name that hold the words making it a body

# A director's or secretary-general's office names the body the person serves, never a meeting:
# "el director ejecutivo del Congreso X", "executive director of the X Forum".
_DIRECTED = re.compile(
    r"(?<!\w)(?:(?:executive\s+)?director(?:\s+general)?|director[a]?\s+(?:ejecutiv[oa]|general)"
    r"|directeur|directrice|direktor(?:in)?|secretary[-\s]general|secretari[oa]\s+general"
    r"|secrétaire\s+général|presidente|président(?:e)?|präsident(?:in)?)\s+(?:of\s+the|of|del|de\s+la|du|de\s+l['’]|des|der|des)\s*$",
    re.IGNORECASE,
)


def organises(name: str, sentence: str) -> bool:
    """The sentence makes ``name`` the subject of a verb of organising: "X (XYZ) organised a
    workshop", "the meeting that X organised" in Romance word order ("la reunión que organizó
    la Fundación X"), or the body a director serves ("director of the X"). An event does not
    organise and has no director; a body that carries an event noun in its own name does."""
    at = sentence.find(name)
    if at < 0:
        return False
    lead = sentence[max(0, at - _AGENT_REACH) : at]
    if _agent_after().match(sentence, at + len(name)) or _DIRECTED.search(lead):
        return True
    before = _agent_before().search(lead)
    return before is not None and is_event_noun(before.group(1))


@short_text_cache(maxsize=2048)  # titles and event names ask about the same opening sentences
def _names_of(sentence: str) -> tuple[tuple[bool, str], ...]:
    tokens = name_tokens(sentence)
    out: list[tuple[bool, str]] = []
    russian = not NON_RUSSIAN_CYRILLIC.search(sentence)
    for i, tok in enumerate(tokens):
        word = event_token(tok)
        if word is None:
            continue
        j = i
        while j > 0:
            if _modifies(tokens, j - 1):
                j -= 1
            elif j < i and j >= 2 and _links_title_words(tokens, j - 1, word):
                j -= 2  # "Trajectories of Radicalisation and De-radicalisation conference"
            else:
                break
        pre = _without_joint_list(tokens[j:i])
        while pre and N_DAY.match(pre[0].strip(quotes.MARKS + "()")):
            pre = pre[1:]  # "two-day conference on X": the duration is not the name
        capitalised = any(t[0].isupper() or t[0].isdigit() for t in pre) or word[0].isupper()
        # "антитеррористическая конференция ОБСЕ": Russian and Ukrainian write an event's name
        # in lower case; the body's acronym after the noun makes it a name.
        by_acronym = (
            not capitalised and i + 1 < len(tokens) and bool(_CYRILLIC_ACRONYM.match(tokens[i + 1]))
        )
        capitalised = capitalised or by_acronym
        if _in_venue_name(tokens, i):
            continue  # "Centre International de Conférences", "Palais des Congrès": a building
        if re.match(r"(?i)(?:press|news|пресс)-", word) or (
            i and tokens[i - 1].lower() in ("press", "news")
        ):
            continue  # a press conference is no conference
        quoted = quoted_name(tokens, i)
        tail = (
            []
            if tok.endswith((".", ";"))
            else name_tail(tokens, i + 1, proper=capitalised, russian=russian)
        )
        if by_acronym and not (_strong_word(word) and _words(tail) >= 3):
            # Named by its body's acronym alone: the name ends with the acronyms ("на конференции
            # ОБСЕ Украина представила ...": the capitalised word after them is the subject).
            tail = list(itertools.takewhile(_CYRILLIC_ACRONYM.match, tail))
        if (
            tok.endswith(",")
            and tail
            and not DEDICATED.match(tail[0].lower())
            and not tail[0][:1].isupper()
        ):
            tail = []  # "на семинаре, созванном ...": the clause after the comma is no name
        if tail and tail[0].strip(TRAILING).lower() in _BODY_HEADS:
            continue  # "the Forum Secretariat", "Forum Office": a body, not a meeting
        strong = (
            is_strong_noun(word)
            or is_strong_noun(word.rsplit("-", 1)[-1])
            # "семинар-совещание", "seminar-workshop": a compound of two event nouns.
            or (is_strong_noun(word.split("-", 1)[0]) and is_event_noun(word.rsplit("-", 1)[-1]))
            or any(qualifier_words("before").fullmatch(t.strip(TRAILING)) for t in pre)
            or bool(tail and qualifier_words("after").fullmatch(tail[0].strip(TRAILING).lower()))
            or _topical(tail)
        )
        if quoted is not None and links_a_topic(quoted):
            # 'international workshop "on the role of democracy in ..."': the quote is the tail.
            tail = [quoted.strip(TRAILING + quotes.MARKS)]
            quoted = None
        next_to = i + 1 < len(tokens) and tokens[i + 1] == quoted
        if quoted is not None and _described(pre, word, at_start=j == 0, next_to=next_to):
            # "the international conference entitled “X”": the quoted words are the name.
            out.append((True, quoted.strip(TRAILING + quotes.MARKS)))
            continue
        topic = _quoted_topic(tail)
        if topic is not None and _described(pre, word, at_start=j == 0):
            # "a joint webinar with the X Council (XC) on ‘Y’": who with, then the quoted name.
            out.append((True, topic))
            continue
        # "the ninth meeting of the OSCE PA's Ad Hoc Committee", "a special meeting of the Security
        # Council Counter-Terrorism Committee": a numbered or qualified session of a body.
        numbered = any(is_ordinal(t) or qualifier_words("before").fullmatch(t) for t in pre) and (
            _of_a_body(tail)
        )
        qualified = strong and any(t.lower() in LOWER_MODIFIERS for t in pre)
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
            not any(t[0].isupper() for t in pre if t.lower() not in LOWER_MODIFIERS)
            and word.islower()
        )
        if generic and tok.endswith((",", ":")) and len(tail) >= 3 and tail[0][0].isupper():
            # "the international conference, Regional Cooperation ..., opened": the apposition.
            out.append((True, " ".join(tail).strip(TRAILING)))
            continue
        if tail and _OF_ITS_KIND.match(" ".join(tail)):
            continue  # "the first event of its kind": how rare the event is, not its name
        name = " ".join([*pre, tok.strip(",;:."), *tail]).strip(TRAILING)
        name = _ELIDED_ARTICLE.sub("", name)  # "L'International Workshop": no article
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
    return pattern_cache.compiled(rf"(?:{lexicon.fragment('held', 'active')})", re.IGNORECASE)


def _distant_name(tokens: list[str], start: int) -> str | None:
    """The name an English sentence gives its event after the complements of a participle: "a
    workshop held in Djibouti by the Intergovernmental Authority on Development (IGAD) on
    Strategies on Law Enforcement and ..." -> "Strategies on Law Enforcement and ...". The name is
    the title-case words after "on" that run to the sentence's end; the complements between are
    places, bodies (an acronym in brackets closes one) and their linking words, nothing else."""
    if start >= len(tokens) or not _participle().fullmatch(tokens[start].strip(TRAILING)):
        return None
    for k in range(start + 1, min(start + _DISTANT, len(tokens))):
        tok = tokens[k]
        low = tok.lower().strip(TRAILING)
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
    for tok in tokens[start : start + MAX_TAIL_WORDS]:
        if _ACRONYM.match(tok) or tok == "(" or any(c.isdigit() for c in tok):
            return None
        if tok[:1].islower() and title_words(tok):
            break
        run.append(tok)
        if tok.endswith((".", ";", "!", "?", ",")):
            break
    while run and run[-1].lower().strip(TRAILING) in SMALL_WORDS:
        run.pop()
    text = " ".join(run).strip(TRAILING)
    words = title_words(text)
    if len(words) < _RUN_WORDS or not run[0][:1].isupper() or _MONTH_START.match(text):
        return None
    return text if all(w[0].isupper() for w in words) else None


_MONTH_START = re.compile(rf"^(?:{MONTHS})\b")


# A building named for the meetings it houses: "Centre International de Conférences", "Palais
# des Congrès", "Centro de Convenciones", "Palazzo dei Congressi". The event noun there is no event.
_VENUE_HEADS = frozenset(["centre", "center", "centro", "palais", "palazzo", "palacio", "salle"])
_VENUE_LINKS = frozenset(["de", "des", "du", "di", "dei", "del", "delle", "de los", "das", "dos"])
_VENUE_REACH = 3  # tokens between the building's word and its link ("Centre International de")


def _in_venue_name(tokens: list[str], i: int) -> bool:
    if i < 2 or tokens[i - 1].lower() not in _VENUE_LINKS:
        return False
    before = tokens[max(0, i - 1 - _VENUE_REACH) : i - 1]
    return any(t.strip(TRAILING).lower() in _VENUE_HEADS and t[:1].isupper() for t in before)


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


_TOPICAL_TAIL = 4  # words


def _words(tokens: list[str]) -> int:
    return sum(len(t.split()) for t in tokens)


def _topical(tail: list[str]) -> bool:
    """A tail that says what the event is about ("meeting on countering the financing of ...",
    "встреча, посвященная проблемам ..."), not whom it is with."""
    if _words(tail) < _TOPICAL_TAIL:
        return False
    first = tail[0].strip(TRAILING + quotes.MARKS).split(" ", 1)[0].lower()
    return first in TOPIC_LINKS or bool(DEDICATED.match(first)) or _purpose(tail)


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


def links_a_topic(quoted: str) -> bool:
    """A quotation that starts with a linking word ("“on the role of democracy in ...”")."""
    first = quoted.strip(TRAILING + quotes.MARKS).split(" ", 1)[0]
    return first in TOPIC_LINKS or first in ("of", "for", "de", "du", "des")


def _of_a_body(tail: list[str]) -> bool:
    """A tail naming whose session it is: "of the OSCE PA's Ad Hoc Committee ..."."""
    return len(tail) >= 2 and tail[0].lower() == "of" and any(t[0].isupper() for t in tail[1:4])


def _is_body(words: list[str]) -> bool:
    """ "Global Counterterrorism Forum" is an organisation, not a meeting."""
    from confwatch.spiders.normalise.organisers import is_known_body

    return is_known_body(" ".join(words))


_TITLED = re.compile(
    r"\b(?:entitled|titled|called|under\s+the\s+(?:title|theme))\s*:?\s*"
    + quotes.quoted("{8,250}", group="q", own=False),
    re.IGNORECASE,
)


def event_name(sentence: str) -> str | None:
    """The conference name in a sentence or heading (a conference before a meeting), or None."""
    titled = _TITLED.search(sentence or "")
    if titled and has_event_word(sentence):
        return (quotes.quoted_text(titled, "q") or "").strip(TRAILING)  # 'Titled “X”, the ...'
    found = _names(sentence)
    for strong, name in found:
        if strong:
            return name
    return found[0][1] if found else None


def _proper(name: str) -> bool:
    """A proper name: a quoted part, or capitalised words up to its event word ("Annual OSCE-wide
    Counter-Terrorism Conference"), unlike a description ("a conference to review ...")."""
    words = name.split()
    if any(w[0] in QUOTE_OPEN for w in words[1:]):
        return True
    head: list[str] = []
    for w in words:
        head.append(w)
        if is_event_noun(w.strip(TRAILING)):  # a hyphenated compound is read by its noun
            break
    return len(head) < len(words) + 1 and sum(w[0].isupper() or w[0].isdigit() for w in head) >= 2


def names_in(sentence: str) -> list[tuple[bool, str]]:
    """(strong event noun, name) for every event name in a sentence, in order."""
    return _names(sentence)


def is_proper(name: str) -> bool:
    """A proper name: capitalised words up to its event noun, or a quoted part."""
    return _proper(name)


_PLACE_LINK = frozenset(["in", "at", "à", "en", "в", "во", "im", "a"])


def has_subject(name: str) -> bool:
    """The name says what its event is about: words after its event noun ("Conference on X",
    "35-е заседание Совета РАТС ШОС") or a quoted theme, not only a place ("roundtable in Abu
    Dhabi") or nothing ("Annual OSCE-wide Counter-Terrorism Conference")."""
    if any(q in name for q in quotes.NOT_APOSTROPHES):
        return True
    tokens = name_tokens(name)
    for i, tok in enumerate(tokens):
        if is_event_noun(tok.strip(TRAILING + quotes.MARKS)):
            rest = tokens[i + 1 :]
            break
    else:
        return False
    if rest and rest[0].lower() in _PLACE_LINK and starts_with_place(rest[1:]):
        return False
    if _OF_ITS_KIND.match(" ".join(rest)):
        return False  # "the first event of its kind": how rare it is, not what it is about
    return len(rest) >= 2


_OF_ITS_KIND = re.compile(
    r"^(?:of\s+its\s+kind|of\s+this\s+kind|de\s+ce\s+(?:genre|type)|en\s+son\s+genre"
    r"|de\s+(?:su|este)\s+(?:tipo|género|clase)|dieser\s+Art|seiner\s+Art|такого\s+рода"
    r"|подобного\s+рода)[,.;:!]?$",
    re.IGNORECASE,
)


# "The Regional Security Committee (RSC) held its annual meeting": a body holds its own meeting,
# which the page describes in lower case; the body names it.
_BODY_WORD = r"(?:[A-Z][\w'’.&/-]*|\([A-Z][\w/&.-]{1,15}\))"
_BODY_MEETING = re.compile(
    rf"(?:^|(?<=\s))(?:The\s+)?(?P<body>{_BODY_WORD}"
    rf"(?:\s+(?:(?:of|on|for|and|against|the)\s+)*{_BODY_WORD})*)"
    r"\s+(?:held|holds|will\s+hold|has\s+held|convened|convenes)\s+its"
    r"(?P<event>(?:\s+[a-z\d][\w-]*){1,4})"
)


def body_meeting(sentence: str) -> str | None:
    """The meeting a body holds as its own, named by the body: "The Regional Security Committee
    (RSC) held its annual meeting in ..." -> "Annual meeting of the Regional Security Committee
    (RSC)". Only a description in lower case: a capitalised name ("its 12th Plenary Meeting")
    is read as a name is."""
    for m in _BODY_MEETING.finditer(sentence or ""):
        words = m.group("event").split()
        ends = [k for k, w in enumerate(words) if is_event_noun(w)]
        if not ends or len(re.findall(r"[A-Z]", m.group("body"))) < 2:
            continue  # no meeting; a body of one capital ("The Board held its ...")
        event = " ".join(words[: ends[-1] + 1])
        return f"{event[0].upper()}{event[1:]} of the {m.group('body')}"
    return None
