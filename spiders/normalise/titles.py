"""Which name an event gets: the page's heading, the name inside a headline, or the name the
text gives the event, decided from candidates with their evidence (eval-format §5.12).

A page's heading is the event's name when it names an event ("Regional Seminar on Terrorist
Financing"). It is not when it is page furniture (a menu, a date header), a news headline ("ООН
проведет конференцию глав антитеррористических служб", "AU highlights Algeria's experience in
counterterrorism") or a bare label the text spells out ("OSCE-supported conference", "12th Plenary
Meeting"). The text offers names of its own: a quoted name introduced as the event's theme or
title ("a conference on the topic: “X”", "Конференция на тему «X»", "zum Thema „X“"), a proper
name ("Annual OSCE-wide Counter-Terrorism Conference"), a description built around an event noun
("international workshop on the role of democracy in ..."). Each is a candidate with its tier
(how good a name it is), its place on the page and the sentence it came from; ``choose_title``
takes one and says why, and what it passed over, when an ``Explanation`` is given.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from confwatch.spiders.normalise import (
    furniture,
    headings,
    lexicon,
    name_case,
    name_count,
    name_themes,
    name_words,
    names,
    pattern_cache,
    quotes,
)
from confwatch.spiders.normalise.quoted_names import (
    after_role,
    datelined_title,
    quoted_event_names,
)

if TYPE_CHECKING:
    from confwatch.spiders.normalise.explain import Explanation

__all__ = [
    "TitleCandidate",
    "choose_title",
    "text_candidates",
    "with_quotes_closed",
    "without_dangling_word",
]

# Tiers: the lower, the better a name. A quoted theme or title is the name the page gives the
# event; a proper name beats a description; a description saying what the event is about beats a
# bare noun phrase.
THEME, PROPER, DESCRIBED, BARE = 0, 1, 2, 3
_RELATED_SHARE = 0.6  # of a short name's word stems that a longer name must repeat to spell it out
_REPEATED_SHARE = 0.8  # of a heading's words a text name repeats when the heading is the name
_STEM = 5  # characters compared: "конференцию" and "конференция" are one word here
_OPENING = 6  # sentences: a story names its own event near the start


@dataclass(frozen=True)
class TitleCandidate:
    name: str
    tier: int
    order: int  # the sentence it came from, in the order given (the heading is -1)
    evidence: str  # the heading or sentence it was read from

    @property
    def rule(self) -> str:
        return _RULES[self.tier]


_RULES = {
    THEME: "the quoted name the text gives the event",
    PROPER: "the proper name the text gives the event",
    DESCRIBED: "the phrase the text names the event with",
    BARE: "the event noun phrase of the text",
}


def _stems(text: str) -> set[str]:
    folded = text.casefold().replace("ё", "е")
    return {w[:_STEM] for w in re.findall(r"\w+", folded) if len(w) > 2}


def _spells_out(longer: str, short: str, share: float = _RELATED_SHARE) -> bool:
    """``longer`` repeats most of ``short``, beyond its event noun, and says more: the same
    event, named in full ("12th Plenary Meeting" -> "12th Plenary Meeting of the Council of
    Europe Committee on Counter-Terrorism"; not "U.N. Conference" -> "Conference on campus")."""
    a, b = _stems(longer), _stems(short)
    a |= _expanded(longer, short)
    nouns = {w for w in b if name_words.is_event_noun(w)} | {
        w[:_STEM] for w in re.findall(r"\w+", short.casefold()) if name_words.is_event_noun(w)
    }
    if not b - nouns or not (a & b) - nouns:
        return False
    return len(a) > len(b) and len(a & b) >= share * len(b)


def _keeps_names(longer: str, short: str) -> bool:
    """``longer`` repeats the words of ``short`` that name who holds its event by their
    initials or a joined pair ("Pakistan-US counterterrorism dialogue", "EU-Africa forum",
    "OSCE seminar"): "a dialogue on counter-terrorism" does not spell out the first, since
    whose dialogue it is, is part of its name."""
    held_by = [w for w in re.findall(r"[^\W\d_][\w-]*", short) if any(c.isupper() for c in w[1:])]
    return all(
        _stems(w) <= _stems(longer) | _expanded(longer, w) or w.casefold() in longer.casefold()
        for w in held_by
    )


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _expanded(longer: str, short: str) -> set[str]:
    """The acronyms of ``short`` that ``longer`` spells out word by word ("CTF" in "Symposium on
    CTF" and "Counter Terrorism Financing"), as stems: the same words, shortened."""
    initials = "".join(w[0] for w in re.findall(r"\w+", longer)).upper()
    return {a.casefold()[:_STEM] for a in _ACRONYM.findall(short) if a in initials}


def _tier(name: str, strong: bool) -> int:
    if names.is_proper(name):
        return PROPER
    if names.has_subject(name) and strong:
        return DESCRIBED
    return BARE


# Words that put an event in the background of a sentence: something else happened there
# ("on the margins of", "a week after", "ahead of", "the outcome of"; lexicon category background).
@lru_cache(maxsize=1)
def passing() -> re.Pattern[str]:
    """The end of a text that names what follows as background: a background word, its
    prepositions and article, and up to three words of the event's own name."""
    return pattern_cache.compiled(
        rf"(?<!\w){lexicon.fragment('background')}"
        r"(?:\s+(?:of|for|at|to|de|du|des|la|le|l['’]|der|des|dem|del|в|на))*"
        r"\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}$",
        re.IGNORECASE,
    )


def in_passing(name: str, sentence: str) -> bool:
    """The sentence names the event as the setting or the past of something else ("a week
    after the third meeting of ...", "on the margins of the X Workshop")."""
    at = sentence.casefold().find(name.casefold())
    return at > 0 and bool(passing().search(sentence[:at]))


def _theme_in_passing(theme: str, sentence: str, found: list[tuple[bool, str]]) -> bool:
    """'В рамках форума «X» состоялся круглый стол': the quoted theme names the setting of
    another event the sentence names (the quotation mark before it is no word of the lead);
    alone in its sentence, a theme is its event's, however the sentence places it."""
    at = sentence.find(theme)
    others = any(theme not in n and n not in theme for _, n in found)
    if at <= 0 or not (others or name_words.has_event_word(sentence[at + len(theme) :])):
        return False
    return bool(passing().search(sentence[:at].rstrip(" " + quotes.OPENERS) + " "))


# A quotation closed within a sentence; what is left holds an opening quote only when one is
# still open. Only the pairs whose opening mark is no closing one: a typewriter quote left alone
# may close a quotation as well as open one, or be an apostrophe.
_CLOSERS = {o: c for o, c in quotes.CLOSE.items() if o not in c}
_CLOSED_QUOTE = re.compile(quotes.quoted("*", openers="".join(_CLOSERS), spaced=False))
_CLOSE_REACH = 250  # characters of the next sentence a quotation's end is looked for in


def _open_quote(sentence: str) -> str | None:
    rest = _CLOSED_QUOTE.sub("", sentence)
    at = max(rest.rfind(q) for q in _CLOSERS)
    return rest[at] if at >= 0 else None


def with_quotes_closed(sentences: list[str]) -> list[str]:
    """The sentences, a quotation cut in two put back together: a splitter ends a sentence at
    the question mark of a quoted title ("zum Thema „X – Gibt es Rezepte? “ statt.") and a line
    break may fall inside a quoted name; the next sentence then begins with the rest of the
    quotation, up to its closing quote."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        opener = _open_quote(sentence)
        if opener is not None and i + 1 < len(sentences):
            nxt = sentences[i + 1]
            close = min((at for q in _CLOSERS[opener] if (at := nxt.find(q)) >= 0), default=-1)
            if 0 <= close <= _CLOSE_REACH and opener not in nxt[:close]:
                out.append(f"{sentence.rstrip()} {nxt.lstrip()}")
                i += 2
                continue
        out.append(sentence)
        i += 1
    return out


def text_candidates(sentences: list[str]) -> list[TitleCandidate]:
    """Every name the sentences give an event, in sentence order (several per sentence)."""
    out: list[TitleCandidate] = []
    seen: set[str] = set()
    for i, sentence in _story_order(with_quotes_closed(sentences)):
        found = names.names_in(sentence)
        phrase = name_themes.theme_phrase(sentence)
        if phrase is None:
            # "la conferenza, denominata X, tratterà ...": the title given without quotes.
            unquoted = name_themes.unquoted_title(sentence)
            # "X тақырыбында семинар": a theme some languages put before its postposition.
            unquoted = unquoted or name_themes.postposed_theme(sentence)
            unquoted = unquoted or name_themes.quoted_before_noun(sentence)
            phrase = (unquoted, None) if unquoted else None
        theme = phrase[0] if phrase else None
        if phrase and theme:
            # "вторая конференция ООН по борьбе с терроризмом на тему «X»": a name that says
            # what it is about besides its theme keeps both.
            own = [
                n
                for _, n in found
                if theme in n and name_themes.has_own_subject(n, theme) and _designated(n, theme)
            ]
            name = own[0] if own else phrase[1] or theme
            if name not in seen and not _theme_in_passing(name, sentence, found):
                seen.add(name)
                out.append(TitleCandidate(name, _theme_tier(name, found), i, sentence))
        # "The X Committee held its annual meeting": the meeting, named by the body holding it.
        held = names.body_meeting(sentence)
        if held is not None and held not in seen and not in_passing(held, sentence):
            seen.add(held)
            out.append(TitleCandidate(held, _tier(held, True), i, sentence))
        # "des conclusions de la session extraordinaire de la Conférence X": a name inside a
        # name the sentence puts in the background is in the background too.
        passing = [n for _, n in found if in_passing(n, sentence)]
        for strong, name in found:
            if (
                in_passing(name, sentence)
                or after_role(name, sentence)
                or any(name in n for n in passing)
                or (_quoted_alone(name, sentence) and _theme_in_passing(name, sentence, found))
            ):
                continue  # the setting of something else; a body organising it
            if name not in seen and (theme is None or theme not in name):
                seen.add(name)
                # A name the sentence gives in quotes alone ('конференцию "X"') is its title.
                # "the event, which is called The X Workshop": a name a title word gives it.
                titled = _quoted_alone(name, sentence) or _after_title_word(name, sentence)
                tier = THEME if titled else _tier(name, strong)
                out.append(TitleCandidate(name, tier, i, sentence))
        # 'Mainz (ots) - "X"': a release that opens with a quotation alone titles its event so.
        alone = datelined_title(sentence)
        if alone is not None and alone not in seen:
            seen.add(alone)
            out.append(TitleCandidate(alone, THEME, i, sentence))
        # "comenzó la “Reunión de especialistas para ...”": a whole name quoted, noun and all.
        for name in quoted_event_names(sentence):
            if (
                name not in seen
                and not any(name in c.name for c in out)
                and not in_passing(name, sentence)
            ):
                seen.add(name)
                out.append(TitleCandidate(name, THEME, i, sentence))
    # "Fachtagung 2025 | Kontakt": the items of a site's menu, read as a name; no event's name
    # has a bar between its words. "11 встреч", "workshops in parallel": a phrase (not a proper
    # or quoted name) that counts meetings names several, none of them the page's event.
    return [
        c
        for c in out
        if not _MENU_BAR.search(c.name)
        and not (c.tier >= DESCRIBED and name_count.names_several(c.name))
    ]


_MENU_BAR = re.compile(r"\s[|¦]\s")


@lru_cache(maxsize=1)
def _title_word_end() -> re.Pattern[str]:
    """A title-giving word ("called", "intitulé", "под названием") and perhaps an article, at
    the end of the text before a name."""
    intro = "|".join(
        r.source for r in lexicon.select("name_intro", ("title",)) if r.place != "after"
    )
    return re.compile(
        rf"(?<!\w)(?:{intro})\s*:?\s+(?:(?:the|a|an|le|la|les|el|der|die|das)\s+)?$",
        re.IGNORECASE,
    )


_TITLE_WORD_REACH = 40  # characters before a name searched for the word that gives it


def _after_title_word(name: str, sentence: str) -> bool:
    """The sentence gives ``name`` right after a title-giving word, perhaps in quotes: "this
    event, which is called The Sub-Regional Workshop on X", 'Entitled “X,” the conference',
    'под названием «X»'. The title word says the words after it are the event's name."""
    at = sentence.find(name)
    before = sentence[max(0, at - _TITLE_WORD_REACH) : at].rstrip(" " + quotes.OPENERS)
    return at > 0 and bool(_title_word_end().search(before + " "))


def _designated(name: str, theme: str) -> bool:
    """The words before a name's quoted theme make a name of their own: a body or a proper word
    ("конференция ООН по борьбе с терроризмом"), a number ("Вторая конференция ..."). A lower-case
    description ("Круглый стол по противодействию экстремизму на тему «X»") only says what the
    event is; the quoted theme is its name (§5.12). Read only in scripts that have capitals."""
    before = name.split(theme, 1)[0]
    if not any(c.islower() for c in before):
        return True  # a script without capitals (Arabic): no telling a name by its case
    words = before.split()
    return bool(words) and (
        name_words.is_ordinal(words[0].strip(_ORDINAL_MARKS))
        or any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    )


_ORDINAL_MARKS = " ,;:" + quotes.MARKS
_FURNITURE_WORDS = 3  # "Partager par courriel", "Imprimer la page": a page's buttons and menus


def _story_order(sentences: list[str]) -> list[tuple[int, str]]:
    """Each sentence with its place in the story: a short line without a full stop (a share
    button, a menu item) is page furniture and does not push the lead further down."""
    out, order = [], 0
    for sentence in sentences:
        out.append((order, sentence))
        words = sentence.split()
        if len(words) > _FURNITURE_WORDS or sentence.rstrip().endswith((".", "!", "?", "»", "”")):
            order += 1
    return out


def _theme_tier(theme: str, found: list[tuple[bool, str]]) -> int:
    """A theme of one word ("o 5º Congresso de X, subordinado ao tema “Terrorismo”") names a
    topic, not the event: a proper name the sentence gives the event beats it."""
    if len(theme.split()) == 1 and any(names.is_proper(n) for _, n in found if theme not in n):
        return BARE
    return THEME


_QUOTE_SPACES = ("", " ", "\u00a0", "\u202f")


# The whole-name rule below reads the pairs it was fitted on: with the Polish „X” too, a
# German kind and topic list ("Fachtagung „Freiheit, Islam und Extremismus”") beat the theme the
# text quotes alone, against its label (1 dev page).
_PAIRS = frozenset(quotes.PAIRS)
_WHOLE_NAME_PAIRS = _PAIRS - {("„", "”")}


def _quoted_alone(name: str, sentence: str, pairs: frozenset[tuple[str, str]] = _PAIRS) -> bool:
    """``name`` stands in ``sentence`` between the marks of a pair and nothing else; French
    typography sets a (narrow, no-break) space inside its guillemets: « X »."""
    if not name:
        return False
    at = sentence.find(name)
    while at >= 0:
        end = at + len(name)
        for space in _QUOTE_SPACES:
            width = len(space)
            if (
                at - width >= 1
                and sentence[at - width : at] == space
                and sentence[end : end + width] == space
                and (sentence[at - width - 1], sentence[end + width : end + width + 1]) in pairs
            ):
                return True
        at = sentence.find(name, at + 1)
    return False


def _quotes(name: str, theme: str) -> bool:
    """``name`` is a capitalised name with ``theme`` in quotes after it."""
    return (
        names.is_proper(name)
        and _quoted_alone(theme, name, _WHOLE_NAME_PAIRS)
        and not name.startswith(theme)
    )


def _best(found: list[TitleCandidate]) -> TitleCandidate | None:
    """The best name: by tier, then one that says what its event is about, then one that gives
    its edition ("10th meeting of the X working group" over "a meeting to step up ..."), then
    page order."""
    return min(
        found,
        key=lambda c: (c.tier, not names.has_subject(c.name), not _numbered(c.name), c.order),
        default=None,
    )


def _numbered(name: str) -> bool:
    """The name opens with its edition's number: "10th meeting", "VI Совещание", "34-е"."""
    first = name.split(None, 1)[0] if name.strip() else ""
    return name_words.is_ordinal(first.strip(name_words.TRAILING))


def choose_title(
    heading: str | None, sentences: list[str], *, explain: Explanation | None = None
) -> str | None:
    """The event's name: the heading when it names the event, else the best name in the text.

    ``sentences``: the page's opening sentences (or the event's key sentences), best first.
    """
    head = headings.clean_heading(heading)
    if head is not None and headings.is_section_label(head):
        head = None  # "About the Conference": a section's label; the text names the event
    if heading is None and sentences:
        head = _opening_headline(sentences[0])
    candidates = text_candidates(sentences)
    kicker = _under_kind_label(sentences)
    chosen: str | None
    evidence: str | None
    # The heading may itself be the title line under the label ("Internationale Tagung" over
    # "X"): the label confirms the heading as the event's own title.
    if kicker is not None and (
        head is None or headings.is_kind_label(head) or kicker == head or _above(head, sentences)
    ):
        chosen, rule, evidence = kicker, "the title line under the event's kind label", kicker
    else:
        chosen, rule, evidence = _decide(head, candidates, dated=headings.dated_heading(heading))
    quoted = _quoted_after_kind(chosen)
    if quoted is not None:
        chosen, rule = quoted, rule + " (the quoted name after the event's kind)"
    # "на Пятой научно-практической конференции ...": a Russian name as the text declined it.
    chosen = name_case.nominative(without_dangling_word(chosen))
    if explain is not None:
        if chosen is None:
            explain.abstained("title", "no heading names an event and the text names none")
        else:
            explain.chose("title", chosen, evidence, rule)
            if head and chosen != head:
                explain.passed("title", head, heading, "the page's heading", _why_not(head))
            for c in candidates[:8]:
                if c.name != chosen:
                    explain.passed("title", c.name, c.evidence, c.rule, "a worse or later name")
    return chosen


# "Konferenz „X“", "Региональный семинар «X»", "Convegno internazionale su “X”": the event's
# kind, then the quoted name and nothing after it.
_KIND_THEN_QUOTE = re.compile(rf"^(?P<kind>{quotes.IN_QUOTE}+?)\s*{quotes.quoted(group='q')}\s*$")
_KIND_WORDS = 6  # words before the quotation: a kind and its description, not a sentence
# "Radikalisierung, Extremismus und Religiosität": a list of single topic words, joined by commas
# and one conjunction, names the event's topics; the kind and the list together are the name.
_CONJUNCTIONS = frozenset(
    ("and", "und", "et", "e", "y", "ed", "or", "oder", "ou", "o", "и", "или", "та", "і")
)
_MAX_TOPICS = 4
# An English name holds its kind ("Roundtable on “X”", "conference called “X”"): the kind and
# its link are part of the name, and "the" before the quotation makes the quotation part of a
# noun phrase ("meeting on the “Role of X”").
_ENGLISH_LINKS = frozenset(("on", "called", "entitled", "titled", "named", "the", "about"))


def _topic_list(quoted: str) -> bool:
    words = quoted.replace(",", " , ").split()
    items = [w for w in words if w != "," and w.casefold() not in _CONJUNCTIONS]
    links = len(words) - len(items)
    # one word between each pair of links: "A und B", "A, B und C"
    return 2 <= len(items) <= _MAX_TOPICS and links == len(items) - 1


def _quoted_after_kind(name: str | None) -> str | None:
    """The quoted name of a name made of its event's kind described in lower case and the
    quotation ("Fachkonferenz „X“", "Региональный семинар «X»", "Séminaire international sur « X
    »"): the kind only says what the event is; the quotation is its name (§5.12). A kind made a
    name of its own keeps its words: an ordinal ("IV форум «X»"), a capitalised word after the
    first that is no event noun ("Joint Meeting on “X”", "OSCE Conference “X”")."""
    if name is None:
        return None
    m = _KIND_THEN_QUOTE.match(name.strip())
    if m is None:
        return None
    words = m.group("kind").split()
    if not words or len(words) > _KIND_WORDS or name_words.is_ordinal(words[0]):
        return None
    # A noun of two words counts as one ("Круглый стол", "экспертная площадка", "table ronde").
    if not name_words.has_event_word(m.group("kind")):
        return None
    if (
        any(c.isdigit() for c in words[0])
        or any(c.isupper() for c in words[0][1:])
        or any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
    ):
        return None  # "RADPol2020 conference", "Joint Meeting on": a name of its own
    if _ENGLISH_LINKS & {w.casefold() for w in words}:
        return None
    quoted = (quotes.quoted_text(m, "q") or "").strip(" ,;")
    if len(quoted.split()) < 2 or _topic_list(quoted):
        return None
    return quoted


_HEADLINE_WORDS = 20
_TOP_LINES = 8  # lines at the top of a page, before its running text, read for a title
_TITLE_LINE_WORDS = 15
_KIND_LINE_WORDS = 8


def _under_kind_label(sentences: list[str]) -> str | None:
    """An event page's top sets the event's kind on a line of its own ("Policy Dialogue",
    "Workshop in Graz") right above the event's title ("Who Guards the Guardians?"): the title
    line is the event's name, the label only says what kind of event it is. Only the lines
    before the page's running text are read. (The line above a label is not read: there a
    page's top holds its menu and its buttons as often as a title.)"""
    top: list[str] = []
    for sentence in sentences[:_TOP_LINES]:
        if len(sentence.split()) > _TITLE_LINE_WORDS or sentence.rstrip().endswith("."):
            break  # running text: what follows is the story, not the page's top
        top.append(sentence.strip())
    for line, under in itertools.pairwise(top):
        if _labels(line, under):
            return under
    # A title line, then its kind label as the last line before the running text ("X" over
    # "Podiumsdiskussion in der Y"): the label is the title's subline.
    if len(top) >= 2 and len(top) < min(len(sentences), _TOP_LINES) and _labels(top[-1], top[-2]):
        return top[-2]
    return None


def _labels(label: str, title: str) -> bool:
    """``label`` is a short kind label ("Policy Dialogue") and ``title`` a title line, no
    furniture, that it may stand beside."""
    return (
        len(label.split()) <= _KIND_LINE_WORDS
        and headings.is_kind_label(label)
        and headings.is_title_line(title)
        and not furniture.is_furniture(title)
    )


def _above(head: str, sentences: list[str]) -> bool:
    """The heading is a line of the page's top with no event word: the site's own furniture
    (a banner, a row of buttons) above the event's kind label and title, not a headline."""
    top = [s.strip() for s in sentences[:_TOP_LINES]]
    return head in top and not name_words.has_event_word(head)


def _opening_headline(first: str) -> str | None:
    """A page given without a heading whose text opens with its headline, a line of its own
    that reports on an event ("Riyadh hosts Counter Terrorism Conference"): read as the
    heading it is, so the text's fuller name of the event is preferred to the headline's."""
    line = first.strip()
    if len(line.split()) > _HEADLINE_WORDS or line.endswith((".", "!", "?", "…")):
        return None
    if not name_words.has_event_word(line) or not headings.reports_on(line):
        return None
    return headings.clean_heading(line)


# Words that link a name to what follows it: a name cut before its place or date ("Regional
# workshop on X at", "... contra el extremismo violento y") ends with one, a whole name never does.
_LINKING_LINES = (
    "a an the on in at of for to by with and or from since",  # en
    "à au aux de du des d' en et ou sur par pour avec le la les l' depuis",  # fr
    "am im an der die das den dem des vom zum zur und oder für mit seit",  # de
    "el los las al del con para por y o e desde hasta",  # es (desde, hasta: pt too)
    "в во на с со по и о об к для от при",  # ru
)
_LINKING_WORDS = frozenset(w for line in _LINKING_LINES for w in line.split())


def without_dangling_word(name: str | None) -> str | None:
    """``name`` without the linking words it ends with, when it was cut after one; None when
    nothing of it is left."""
    if name is None:
        return None
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _LINKING_WORDS:
        words.pop()
    return " ".join(words).rstrip(" ,;:–—-") or None


def _why_not(head: str) -> str:
    if headings.reports_on(head):
        return "a news headline, not the event's name"
    if name_words.has_event_word(head):
        return "a label the text spells out in full"
    return "names no event, and the text does"


_KIND_AT = 2  # words a heading may hold before its event noun and still open with it


def _opens_with_kind(head: str) -> bool:
    """The heading is shaped as a name: it opens with its event's kind, perhaps after an
    ordinal or a qualifier ("Colloque international sur ...", "Quatrième séminaire régional
    ...", "«Круглый стол» по"), or ends with it ("2020 Virtual Counter-Terrorism Week")."""
    text = head.lstrip(" |" + quotes.OPENERS)
    at = name_words.first_event_word(text)
    words = text.split()
    ends = bool(words) and name_words.is_event_noun(words[-1].strip(name_words.TRAILING))
    return at is not None and (len(text[:at].split()) < _KIND_AT or ends)


def _decide(
    head: str | None, candidates: list[TitleCandidate], *, dated: bool = False
) -> tuple[str | None, str, str | None]:
    """(name, rule, evidence); ``dated``: the heading ended with a date, cut from ``head``."""
    opening = [c for c in candidates if c.order < _OPENING]
    if head is None:
        # Without a heading, the story's opening names its own event; a name further down is
        # often another meeting the story mentions ("the County Engagement Forums").
        best = _best(opening) or _best(candidates)
        return (best.name, best.rule, best.evidence) if best else (None, "", None)
    theme = name_themes.theme_name(head)
    if theme and not name_themes.has_own_subject(head, theme):
        return _with_subtitle(theme, candidates), "the quoted name in the page's heading", head
    quoted = headings.quoted_in_heading(head)
    if quoted is not None:
        return _with_subtitle(quoted, candidates), "the quoted name in the page's heading", head
    labelled = headings.quoted_after_label(head)
    if labelled is not None:
        return labelled, "the quoted name in the page's heading, after its label", head
    titled = headings.title_before_kind(head)
    if titled is not None:
        return titled, "the title in the page's heading, before the event's kind", head
    if headings.reports_on(head) or (
        (headings.opens_with_place(head) or headings.tells_of(head))
        and any(c.tier <= DESCRIBED for c in opening)
    ):
        # "У Мінску пройдзе канферэнцыя ...": a lead-in; when the text names the event, its name.
        return _from_headline(head, opening, candidates)
    if name_words.has_event_word(head):
        # A label ("12th Plenary Meeting", "OSCE-supported conference") the text spells out; a
        # heading that says what its event is about is replaced only by a name repeating it.
        # A heading that says what its event is about gives way only to a proper name.
        held_by = _named_under_holder(head, opening)
        if held_by is not None:
            return held_by.name, held_by.rule + " (the heading names its holder)", held_by.evidence
        told = names.has_subject(head)
        share, tier = (_REPEATED_SHARE, PROPER) if told else (_RELATED_SHARE, DESCRIBED)
        fuller = [
            c
            for c in opening
            if c.tier <= tier and _spells_out(c.name, head, share) and _keeps_names(c.name, head)
        ]
        best = _best(fuller)
        if best is not None:
            return best.name, best.rule + " (the heading's name in full)", best.evidence
        if not told and not names.is_proper(head):
            # "OSCE-supported conference": a label; the lead's description says what it was.
            lead = _lead_description(opening)
            if lead is not None:
                return lead.name, lead.rule + " (the heading is a bare label)", lead.evidence
        shortened = _theme_shortened(head, opening)
        if shortened is not None:
            return shortened.name, shortened.rule + " (the heading shortens it)", shortened.evidence
        described = _theme_of_description(head, opening)
        if described is not None:
            rule = described.rule + " (the heading describes its event)"
            return described.name, rule, described.evidence
        # "Bouaké, la sensibilisation ... au centre d'une conférence": a headline that tells of
        # its event, the kind further in, gives way to the title the text quotes for it (§5.12:
        # a quoted name is the event's own); a heading that opens with the kind is a name.
        themed = [c for c in opening if c.tier == THEME and c.name not in head]
        if themed and not _opens_with_kind(head):
            return themed[0].name, themed[0].rule + " (the heading tells of it)", themed[0].evidence
        # "Conference explores countering terrorism" over 'Entitled “X,” the conference ...': a
        # headline whose verb tells what happened gives way to a quotation the text introduces as
        # the event's title, wherever the text gives it.
        entitled = [
            c
            for c in candidates
            if c.tier == THEME and c.name not in head and _after_title_word(c.name, c.evidence)
        ]
        if entitled and headings.tells_of(head):
            best = entitled[0]
            return best.name, best.rule + " (a title the text gives it)", best.evidence
        return head, "the page's heading", head
    # A heading that names no event: the name when the text repeats it or when it is written as
    # one (title case, quoted); else the text's name, when that says what the event is about.
    # A quoted name repeating the heading confirms it wherever the text gives it ("Intitulé
    # « X », le colloque ..." under a long description): a page quotes its event's title once.
    quoted_later = [c for c in candidates if c.tier == THEME and c.order >= _OPENING]
    for c in candidates[:1] + opening + quoted_later:
        if _stems(head) and len(_stems(head) & _stems(c.name)) >= _REPEATED_SHARE * len(
            _stems(head)
        ):
            if c.tier == THEME and len(c.name) < len(head) and head.startswith(c.name):
                # "X (COMPLET)": the heading adds a tag to the name the text quotes.
                return c.name, c.rule + " (the page's heading, as the text quotes it)", c.evidence
            if c.tier == THEME and _begins(c.name, head):
                # "Water Security" over 'Titled "Water Security in the Sahel," the seminar ...':
                # the heading is the start of the title the text quotes in full.
                return c.name, c.rule + " (the page's heading shortens it)", c.evidence
            return head, "the page's heading, repeated in the text as the event's name", head
    themes = [c for c in opening if c.tier == THEME]
    if themes:
        # "the High Level Conference “X”" in one line, "a conference “X”" in the next: the
        # capitalised name around the quoted theme is the whole name (§5.12).
        whole = [c for c in opening if c.tier == PROPER and _quotes(c.name, themes[0].name)]
        best = whole[0] if whole else themes[0]
        return best.name, best.rule, best.evidence
    if _titled_by_topic(head, opening):
        return head, "the page's heading (a title on what the text's event is about)", head
    standing = _standing_name(opening)
    if standing is not None:
        # A tagline or a site's motto over the event's own name on a line of its own.
        rule = standing.rule + " (a line of its own under the heading)"
        return standing.name, rule, standing.evidence
    if headings.is_name_like(head) and headings.written_as_name(head):
        return head, "the page's heading (a name without an event word)", head
    if dated and headings.is_name_like(head, dated=True) and not headings.reports_on(head):
        return head, "the page's heading, dated as an event's own page heads it", head
    good = [
        c for c in opening if c.tier == THEME or (c.tier <= DESCRIBED and names.has_subject(c.name))
    ]
    if good:
        best = _best(good)
        assert best is not None
        defined = _defined_by(best, opening)
        if defined is not None:
            rule = defined.rule + " (the text's description calls it by its acronym)"
            return defined.name, rule, defined.evidence
        return best.name, best.rule, best.evidence
    if headings.is_name_like(head):
        return head, "the page's heading (a name without an event word)", head
    best = _best(candidates)
    if best is not None:
        return best.name, best.rule, best.evidence
    return head, "the page's heading", head


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def _defined_by(described: TitleCandidate, opening: list[TitleCandidate]) -> TitleCandidate | None:
    """The proper name that gives the acronym a description calls its event by ("the No Money
    for Terror (NMFT) Ministerial Conference" before "the third conference of the NMFT"): one
    event, and the proper name is its own name (§5.12)."""
    if described.tier != DESCRIBED:
        return None
    words = set(re.findall(r"\w+", described.name))
    for c in opening:
        if c.tier == PROPER and any(a in words for a in _BRACKETED_ACRONYM.findall(c.name)):
            return c
    return None


_SUBTITLE_MARKS = ":–—"  # what sets a title's subtitle after its main title: "X: Y", "X – Y"


def _with_subtitle(quoted: str, candidates: list[TitleCandidate]) -> str:
    """The heading's quoted name, or the title the text quotes in full when the heading gave only
    its main title: 'a conference “X”' over 'entitled “X: Y”' gives "X: Y" (§5.12: the event's
    own name, subtitle and all)."""
    for c in candidates:
        rest = c.name[len(quoted) :].lstrip() if c.name.startswith(quoted) else ""
        if c.tier == THEME and rest[:1] in tuple(_SUBTITLE_MARKS) and len(rest.split()) > 1:
            return c.name
    return quoted


# "Fachtag der Bundesarbeitsgemeinschaft X", "Conference of the Y": an event noun and the body
# holding it, in the genitive. Capitalised words only after the link: a body's name.
_HOLDER_LINK = r"(?:der|des|of\s+the|of|de\s+la|de\s+l['’]|del|du|de|della|dello|dell['’])"
_NOUN_OF_HOLDER = re.compile(
    rf"^(?P<noun>[^\W\d_][\w-]*)\s+(?P<link>{_HOLDER_LINK})\s+(?P<body>(?:[A-ZÀ-Þ][\w’'.&-]*\s*)+)$"
)


def _named_under_holder(head: str, opening: list[TitleCandidate]) -> TitleCandidate | None:
    """A heading that names its event only by the body holding it ("Fachtag der
    Bundesarbeitsgemeinschaft X") and a text giving the same noun a name of its own before the
    same link to a body ("der Fachtag Radikalisierungsprävention im Kontext Y der BAG X"): the
    event's own name (§5.12); the heading says only whose event it is."""
    m = _NOUN_OF_HOLDER.match(head.strip())
    if m is None or not name_words.is_event_noun(m.group("noun")):
        return None
    noun, link = re.escape(m.group("noun")), m.group("link")
    own = re.compile(rf"^{noun}\s+(?P<own>[A-ZÀ-Þ][\w-]*\s.*?)\s+{link}\s+\S", re.IGNORECASE)
    for c in opening:
        found = own.match(c.name)
        if c.tier <= DESCRIBED and found and found.group("own").split()[0][:1].isupper():
            return c
    return None


def _begins(name: str, head: str) -> bool:
    """``name`` opens with all of ``head``'s words and says more."""
    a, b = re.findall(r"\w+", name.casefold()), re.findall(r"\w+", head.casefold())
    return len(a) > len(b) > 0 and a[: len(b)] == b


_TOPIC_TITLE = re.compile(r"^(?P<topic>[^:]{3,40}):\s+\S")
_TOPIC_WORDS = 3


def _titled_by_topic(head: str, opening: list[TitleCandidate]) -> bool:
    """A heading "Topic: subtitle" with no event word ("Terrorismus: Akteure - Methoden -
    Bekämpfung") over a text whose event is about that topic ("ein Symposium über Terrorismus"):
    the heading is the event's title, the text only says what kind of event it is."""
    m = _TOPIC_TITLE.match(head)
    if m is None or len(m.group("topic").split()) > _TOPIC_WORDS:
        return False
    topic = _stems(m.group("topic"))
    for c in opening:
        if not topic or c.tier > DESCRIBED or not names.has_subject(c.name):
            continue
        words = re.findall(r"\w+", c.name.casefold())
        nouns = {w[:_STEM] for w in words if name_words.is_event_noun(w)}
        if topic <= _stems(c.name) - nouns:
            return True
    return False


_STANDING_ORDER = 2  # sentences: the line right under the heading


def _standing_name(opening: list[TitleCandidate]) -> TitleCandidate | None:
    """A proper name that says what its event is about standing as a line of its own right
    under a heading that names no event ("Enhancing Peace and Security in the Region" over
    "African Union Extraordinary Summit on Terrorism"): the event's name, set as a subtitle."""
    for c in opening:
        if (
            c.order < _STANDING_ORDER
            and c.tier == PROPER
            and c.name == c.evidence.strip()
            and names.has_subject(c.name)
        ):
            return c
    return None


_THEME_START = 6  # characters of a quoted theme's first word: a word, not an article


def _theme_shortened(head: str, opening: list[TitleCandidate]) -> TitleCandidate | None:
    """The quoted name the text gives the event a descriptive heading shortens: the heading
    gives the event noun and the first word of the quoted theme unquoted ("Konferenz zum Thema
    Prävention in der Residenz" over "eine Konferenz zum Thema „Prävention – was wirkt?“"). The
    quotation is the event's own name (§5.12); the heading only describes it."""
    if names.is_proper(head):
        return None
    nouns = {w[:_STEM] for w in re.findall(r"\w+", head.casefold()) if name_words.is_event_noun(w)}
    for c in opening:
        if c.tier != THEME or not nouns or not nouns & _stems(c.evidence):
            continue
        first = re.match(r"\w+", c.name)
        if first is None or len(first.group()) < _THEME_START:
            continue
        head_words = re.findall(r"\w+", head.casefold())
        if first.group().casefold() in head_words and len(c.name.split()) > 1:
            return c
    return None


def _theme_of_description(head: str, opening: list[TitleCandidate]) -> TitleCandidate | None:
    """A heading that describes its event in lower case, its kind first ("«Круглый стол» по
    профилактике терроризма", "Conférence sur la lutte contre ...") over a text that quotes the
    theme of an event of that kind ("в «Круглом столе» по теме: «Профилактика терроризма в
    ...»") on the heading's topic: the quotation is the event's name (§5.12); the heading only
    says what kind of event it is and what about. An ordinal or a capitalised word makes the
    heading a name of its own ("Quatrième séminaire régional sur la Prévention ...")."""
    text = head.strip(" |" + quotes.MARKS)
    span = name_words.first_event_phrase(text)
    words = text.split()
    if span is None or text[: span[0]].strip(quotes.MARKS + " ") or names.is_proper(text):
        return None
    if name_words.is_ordinal(words[0]) or any(c.isupper() for w in words[1:] for c in w):
        return None
    nouns = _stems(text[span[0] : span[1]])
    topic = _stems(text) - nouns
    for c in opening:
        if (
            c.tier == THEME
            and c.name not in head
            and nouns & _stems(c.evidence)
            and topic & (_stems(c.name) - nouns)
        ):
            return c
    return None


_LEAD = 2  # sentences: the lead of a story says what its event is


def _lead_description(opening: list[TitleCandidate]) -> TitleCandidate | None:
    """The lead's first name that says what its event is about ("a roundtable meeting on
    engaging youth ..."), for a heading that names the event by a bare label."""
    for c in opening:
        if c.order < _LEAD and c.tier <= DESCRIBED and names.has_subject(c.name):
            return c
    return None


def _of_the_event(theme: TitleCandidate, inner: str) -> bool:
    """A theme the text gives is the theme of the event a headline names by its proper name only
    when its sentence speaks of that event's noun ("... Security Forum" and "the forum, under the
    theme “X”"), not of something held there ("nine sessions on the theme “X”")."""
    if not names.is_proper(inner):
        return True
    nouns = {w.casefold()[:_STEM] for w in re.findall(r"\w+", inner) if name_words.is_event_noun(w)}
    return not nouns or bool(nouns & _stems(theme.evidence))


def _named_by_text(inner: str, opening: list[TitleCandidate]) -> TitleCandidate | None:
    """A headline describes its event in lower case ("International conference to tackle
    terrorism"); the lead gives the same kind of event a proper name ("The Trajectories of
    Radicalisation conference will gather ..."): the name is the event's (§5.12)."""
    if names.is_proper(inner) or any(w[:1].isupper() for w in inner.split()[1:]):
        return None
    nouns = {w[:_STEM] for w in re.findall(r"\w+", inner.casefold()) if name_words.is_event_noun(w)}
    same = [
        c
        for c in opening
        if c.tier == PROPER
        and nouns
        & {w[:_STEM] for w in re.findall(r"\w+", c.name.casefold()) if name_words.is_event_noun(w)}
    ]
    return same[0] if same else None


def _names_in_full(candidate: TitleCandidate, inner: str) -> bool:
    """A proper name in the text that holds the headline's name up to its event noun and says
    more ("Regional High-level Conference to strengthen ..." over "The African Regional
    High-level Conference on Counter Terrorism ... started today"): the same event, named in
    full; what the headline adds after its noun is the headline's own talk."""
    if candidate.tier != PROPER:
        return False
    tokens = names.name_tokens(inner)
    at = next((k for k, t in enumerate(tokens) if names.event_token(t) is not None), None)
    if at is None or at == 0:
        return False  # the noun alone ("Conference to ...") is no name to find
    head = " ".join(tokens[: at + 1]).strip(name_words.TRAILING).casefold()
    name = candidate.name.casefold()
    return head in name and len(name) > len(head)


_LEAD_WORDS = 3  # ordinals and qualifiers before a document's event noun: "sixth regional"


def _documented_event(head: str) -> str | None:
    """A document's heading whose kind is followed by an event noun phrase in lower case
    ("Informe del sexto seminario para fiscales sobre X", "Report of the annual meeting on Y"):
    the phrase is the event the document reports on, named as the document names it."""
    rest = headings.without_document_word(head)
    if rest == head:
        return None
    words = rest.split()
    k = 0
    while k < min(_LEAD_WORDS, len(words)) and (
        name_words.is_ordinal(words[k])
        or name_words.qualifier_words("before").fullmatch(words[k]) is not None
    ):
        k += 1
    if not name_words.starts_with_noun(" ".join(words[k:])) or len(words) <= k + 1:
        return None
    return rest


# "Radicalisation : conférence finale ...", "Prävention: Fachtag der X": a rubric of a word or two
# and a colon before the heading proper.
_RUBRIC = re.compile(r"^[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s*:\s+(?P<rest>\S.*)$")
# Where a phrase turns to the setting of its event: "à l'occasion de X", "on the occasion of X".
_SETTING = re.compile(
    r"\s+(?:à\s+l['’]occasion|dans\s+le\s+cadre|en\s+marge|on\s+the\s+(?:occasion|sidelines|margins)"
    r"|in\s+the\s+framework|im\s+Rahmen|anlässlich|en\s+el\s+marco|con\s+motivo|в\s+рамках)\b.*$",
    re.IGNORECASE,
)


def _after_rubric(head: str) -> str | None:
    """A headline under a rubric whose rest is a lower-case event phrase ("Radicalisation :
    conférence finale du projet X à l'occasion de Y"): the phrase, up to where it turns to its
    event's setting, is the name the page gives the event (§5.12)."""
    m = _RUBRIC.match(head.strip())
    if m is None:
        return None
    rest = _SETTING.sub("", m.group("rest")).strip(" ,;:–—-")
    words = rest.split()
    k = 0
    while k < min(_LEAD_WORDS, len(words)) and (
        name_words.is_ordinal(words[k])
        or name_words.qualifier_words("before").fullmatch(words[k]) is not None
    ):
        k += 1
    if len(words) <= k + 1 or not name_words.starts_with_noun(" ".join(words[k:])):
        return None
    return rest


def _from_headline(
    head: str, opening: list[TitleCandidate], candidates: list[TitleCandidate]
) -> tuple[str | None, str, str | None]:
    """A news headline: the text's full name of the event the headline names, else the name
    inside the headline, else the text's best name."""
    inner = names.event_name(headings.without_document_word(head))
    if inner is None:
        documented = _documented_event(head)
        if documented is not None:
            return documented, "the event the document in the page's heading reports on", head
        rubric = _after_rubric(head)
        if rubric is not None and not any(c.tier <= DESCRIBED for c in opening):
            return rubric, "the event phrase after the heading's rubric", head
    if inner and not names.is_proper(inner) and not names.has_subject(inner):
        # "Hedayah convened global conference assesses ...": the text names it better.
        best = _best([c for c in opening if c.tier <= PROPER])
        if best is not None:
            return best.name, best.rule, best.evidence
        # "... topic of OSCE seminar in Kazakhstan": a label; the lead says what the event was.
        lead = _lead_description(opening)
        if lead is not None:
            return lead.name, lead.rule + " (the headline names a bare label)", lead.evidence
    if inner:
        fuller = [
            c
            for c in opening
            if (c.tier <= DESCRIBED and _spells_out(c.name, inner) and c.name != head)
            or (_names_in_full(c, inner) and c.name.casefold() not in head.casefold())
        ]
        themes = [c for c in opening if c.tier == THEME and _of_the_event(c, inner)]
        best = _best(fuller + themes)
        if best is not None:
            return best.name, best.rule + " (the headline's event in full)", best.evidence
        named = _named_by_text(inner, opening)
        if named is not None:
            return named.name, named.rule + " (the headline describes it)", named.evidence
        return inner, "the event named in the page's headline", head
    best = _best([c for c in opening if c.tier <= DESCRIBED] or candidates)
    if best is not None:
        return best.name, best.rule, best.evidence
    # A headline about something else ("ОДКБ, ШОС и СНГ подписали меморандум ...") and a text
    # that names no event: nothing here is an event's name.
    return None, "", None
