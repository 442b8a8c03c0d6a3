"""The event vocabulary per language: one table (``data/lexicon.toml``) that every rule reads.

Event nouns, qualifiers that make a meeting an event of its own, wording that says an event is
held, organiser phrases, online words, status words, counter-terrorism topic words, the titles of
pages that are no event pages and relative-day words live there as rows (category, language,
kind, pattern, examples). This module compiles them once, lazily, into what the rules use:

- ``words(category, *kinds)``: the rows as whole words, with ``search``/``finditer``/``count``;
- ``fragment(category, *kinds)``: the rows as one alternation, to build into a longer expression;
- ``event_words(text, kinds)``: every event noun of a text with its kind ("qualified" for a
  meeting with a qualifier of its own language: "special meeting", "réunion ministérielle"); at
  one place the longest row wins ("session de formation" is a training, not a "session").

Adding a language is adding rows to the table. ``whole_words.Words`` keeps the patterns fast on
long pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from confwatch.spiders.normalise import pattern_cache
from confwatch.spiders.normalise.whole_words import Words, alternatives, may_open, openings

__all__ = [
    "EVENT_KINDS",
    "STRONG",
    "WEAK",
    "EventWord",
    "Row",
    "Words",
    "alternatives",
    "event_kinds",
    "event_words",
    "fragment",
    "has_event_word",
    "rows",
    "select",
    "word_kind",
    "words",
]

# Kinds of event noun, by priority. Where rows match at one place, the longest match is the
# noun ("session de formation", not "session"); where rows spell the same words, the row that
# spells more of them itself wins ("Fortbildungsveranstaltung": a row naming the whole compound,
# not "\w+veranstaltung", which names only its head), and then the first kind here (a press
# conference is no conference).
EVENT_KINDS = ("not_event", "large", "small", "meeting", "session", "generic", "week", "training")
STRONG = frozenset({"large", "small", "qualified"})  # name an event on their own
WEAK = frozenset({"meeting", "session", "generic", "training"})  # need a qualifier or "held"
# A meeting, session or generic noun with a qualifier is "qualified" (and still that noun).
_QUALIFIABLE = frozenset({"meeting", "session", "generic"})
_WINDOW = 80  # characters before a noun searched for its qualifiers


@dataclass(frozen=True)
class Row:
    category: str
    lang: str
    kind: str
    pattern: str
    examples: tuple[str, ...]
    case: bool = False  # case-sensitive: acronyms, markers written in capitals
    place: str | None = None  # qualifiers: "before" or "after" the noun
    aux: bool = False  # status: an English participle that needs "has been", "is", ...
    label: bool = False  # status: a marker written on its own ("POSTPONED")
    agent: bool = False  # held active: a finite verb whose subject is always the organiser
    # role: the body comes before the phrase, as Turkish and Azerbaijani write it ("AGİT
    # tarafından düzenlenen", "İçişleri Bakanlığının ev sahipliğinde"); read back from the phrase
    before: bool = False
    note: str = ""

    @property
    def source(self) -> str:
        """The row's pattern as one group, with its own case rule."""
        return f"(?-i:{self.pattern})" if self.case else f"(?i:{self.pattern})"

    def source_parts(self) -> tuple[str, bool]:
        """The pattern and whether it is case-sensitive, for ``Words``."""
        return self.pattern, self.case


@lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    """Every row of the table, in file order (read on first use: importing costs nothing)."""
    import tomllib
    from importlib import resources

    text = resources.files("confwatch.spiders.data").joinpath("lexicon.toml").read_text("utf-8")
    out: list[Row] = []
    for category, items in tomllib.loads(text).items():
        if not isinstance(items, list):
            continue
        for item in items:
            out.append(
                Row(
                    category=category,
                    lang=item["lang"],
                    kind=item["kind"],
                    pattern=item["pattern"],
                    examples=tuple(item.get("examples", ())),
                    case=bool(item.get("case", False)),
                    place=item.get("place"),
                    aux=bool(item.get("aux", False)),
                    label=bool(item.get("label", False)),
                    agent=bool(item.get("agent", False)),
                    before=bool(item.get("before", False)),
                    note=item.get("note", ""),
                )
            )
    return tuple(out)


@lru_cache(maxsize=256)
def select(
    category: str,
    kinds: tuple[str, ...] = (),
    *,
    aux: bool | None = None,
    label: bool | None = None,
    agent: bool | None = None,
    langs: tuple[str, ...] = (),
    before: bool | None = None,
) -> tuple[Row, ...]:
    """The rows of a category, of some kinds (all kinds when none are given)."""
    return tuple(
        r
        for r in rows()
        if r.category == category
        and (not kinds or r.kind in kinds)
        and (aux is None or r.aux == aux)
        and (label is None or r.label == label)
        and (agent is None or r.agent == agent)
        and (not langs or r.lang in langs)
        and (before is None or r.before == before)
    )


@lru_cache(maxsize=256)
def fragment(
    category: str,
    *kinds: str,
    aux: bool | None = None,
    label: bool | None = None,
    agent: bool | None = None,
) -> str:
    """``(?:a|b|...)`` of the rows, without word boundaries, to build into a longer expression
    (whose words follow the rows: a role phrase whose body comes before it is left out).
    Matches nothing when no row is selected."""
    chosen = select(category, kinds, aux=aux, label=label, agent=agent, before=False)
    return "(?:" + "|".join(r.source for r in chosen) + ")" if chosen else "(?!)"


@lru_cache(maxsize=256)
def words(category: str, *kinds: str, aux: bool | None = None, label: bool | None = None) -> Words:
    """The rows of a category (of some kinds) as whole words, case-insensitive unless a row is
    case-sensitive."""
    # The rows keep the table's order whatever the order of the kinds asked for, so one set of
    # kinds is one ``Words``: two readers that name them in two orders share its patterns.
    return _words(category, tuple(sorted(set(kinds))), aux, label)


@lru_cache(maxsize=256)
def _words(category: str, kinds: tuple[str, ...], aux: bool | None, label: bool | None) -> Words:
    return Words.of([r.source_parts() for r in select(category, kinds, aux=aux, label=label)])


# --- event nouns ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventWord:
    start: int
    end: int
    kind: str  # one of EVENT_KINDS, or "qualified"
    noun: str  # the noun's own kind (a qualified meeting's is "meeting")
    text: str


# A compound's open start ("\w*konferenz", "[A-ZÄÖÜ]\w*treffen"): any modifier before the head.
_OPEN_START = re.compile(r"(?:\[[^\]]*\])?\\w[*+]")


@dataclass(frozen=True)
class _NounRow:
    row: Row
    opens: str | None  # the letters its matches start with; None: it may start otherwise

    @cached_property
    def whole(self) -> re.Pattern[str]:  # the row
        return pattern_cache.compiled(self.row.source)

    def may_be(self, found: str) -> bool:
        """Whether the row may match ``found``: its first letter opens the row. Compiling all
        ~420 rows cost a process its first classified noun (~0.04 s); most never match."""
        if self.opens is not None and not may_open(self.opens, self.row.case, found[:1]):
            return False
        return self.whole.fullmatch(found) is not None


@lru_cache(maxsize=1)
def _row_patterns() -> tuple[_NounRow, ...]:
    """Each event noun row, by kind."""
    by_kind = sorted(select("event_noun"), key=lambda r: EVENT_KINDS.index(r.kind))
    return tuple(_NounRow(r, openings(r.pattern)) for r in by_kind)


_openers: tuple[tuple[_NounRow, ...], dict[str, tuple[_NounRow, ...]]] | None = None


def _opening(char: str) -> tuple[_NounRow, ...]:
    """The event noun rows, in order, that a word starting with ``char`` may be (``may_be``'s
    first-letter test, done once per letter instead of once per row and noun found: asking
    all ~420 rows about each new noun was most of classifying it)."""
    global _openers
    nouns = _row_patterns()
    if _openers is None or _openers[0] is not nouns:  # the rows were read again (tests)
        _openers = (nouns, {})
    rows = _openers[1].get(char)
    if rows is None:
        rows = _openers[1][char] = tuple(
            n for n in nouns if n.opens is None or may_open(n.opens, n.row.case, char)
        )
    return rows


@cache
def _parted(row: Row) -> tuple[re.Pattern[str] | None, tuple[re.Pattern[str], ...]]:
    """A row's alternatives that spell a word from its start, and the rest of those that open
    a compound; compiled only for a row that matched a word (most rows never do)."""
    flag = "-i" if row.case else "i"
    closed: list[str] = []
    heads: list[re.Pattern[str]] = []
    for alt in alternatives(row.pattern):
        opening = _OPEN_START.match(alt)
        if opening:
            heads.append(re.compile(f"(?{flag}:{alt[opening.end() :]})"))
        else:
            closed.append(alt)
    spelt = pattern_cache.compiled(f"(?{flag}:{'|'.join(closed)})") if closed else None
    return spelt, tuple(heads)


def _spelled(found: str, noun: _NounRow) -> int:
    """How much of ``found`` a row that matches it spells itself: all of it, unless only an
    alternative that opens a compound matches, which spells its head (13 of the 25 letters of
    "Fortbildungsveranstaltung" for "\\w+veranstaltung")."""
    closed, heads = _parted(noun.row)
    if closed is not None and closed.fullmatch(found):
        return len(found)
    for i in range(len(found) + 1):
        if any(h.fullmatch(found, i) for h in heads):
            return len(found) - i
    return len(found)


@lru_cache(maxsize=4096)
def _classify(found: str) -> tuple[str, tuple[str, ...]]:
    """The kind of an event noun as found, and the languages whose rows of that kind match it:
    of the rows that match it whole, the first kind among those spelling most of it themselves."""
    matching = [(n, _spelled(found, n)) for n in _opening(found[:1]) if n.whole.fullmatch(found)]
    most = max((spelled for _, spelled in matching), default=0)
    kind = next((n.row.kind for n, spelled in matching if spelled == most), "")
    langs = [n.row.lang for n, _ in matching if n.row.kind == kind]
    return kind or "generic", tuple(dict.fromkeys(langs))


@lru_cache(maxsize=64)
def _qualifiers(lang: str, place: str) -> re.Pattern[str] | None:
    chosen = [r for r in select("qualifier", langs=(lang,)) if r.place == place]
    if not chosen:
        return None
    q = "(?:" + "|".join(r.source for r in chosen) + ")"
    if place == "before":
        # "Coordinating Committee Meeting", "ninth plenary meeting": up to two qualifiers.
        return pattern_cache.compiled(rf"(?<!\w){q}(?:[\s-]+{q})?[\s-]+\Z")
    return pattern_cache.compiled(rf"\s+{q}(?!\w)")


def _qualified(text: str, start: int, end: int, langs: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the noun at ``start:end`` with a qualifier of its language, if it has one."""
    window = text[max(0, start - _WINDOW) : start]
    for lang in langs:
        before = _qualifiers(lang, "before")
        m = before.search(window) if before else None
        if m:
            return start - (len(window) - m.start()), end
        after = _qualifiers(lang, "after")
        m = after.match(text, end) if after else None
        if m:
            return start, m.end()
    return None


@lru_cache(maxsize=1)
def _nouns() -> Words:
    # Press conferences, videoconferences, General Assembly sessions first: they contain a noun.
    others = tuple(k for k in EVENT_KINDS if k != "not_event")
    return Words.of(
        [r.source_parts() for r in select("event_noun", ("not_event",))],
        [r.source_parts() for r in select("event_noun", others)],
    )


@lru_cache(maxsize=256)
def _scan(text: str) -> tuple[EventWord, ...]:
    out: list[EventWord] = []
    for m in _nouns().finditer(text, longest=True):
        kind, langs = _classify(m.group(0))
        start, end = m.span()
        if kind in _QUALIFIABLE and (span := _qualified(text, start, end, langs)):
            out.append(EventWord(*span, "qualified", kind, text[span[0] : span[1]]))
        else:
            out.append(EventWord(start, end, kind, kind, m.group(0)))
    return tuple(out)


@lru_cache(maxsize=8192)
def word_kind(word: str) -> str | None:
    """The kind of event noun one word (or glued phrase: "round table") is, as a whole; None
    when it is no event noun. "press conference" is "not_event"."""
    if not _nouns().fullmatch(word):
        return None
    return _classify(word)[0]


def event_words(text: str, kinds: frozenset[str] | set[str]) -> list[EventWord]:
    """Event nouns of the given kinds in ``text``, in order (a press conference, a conference
    room or a videoconference is none unless "not_event" is asked for). A qualified meeting
    counts as "qualified" and as its noun's kind."""
    if not text:
        return []
    return [
        w for w in _scan(text) if w.kind in kinds or (w.kind == "qualified" and w.noun in kinds)
    ]


def has_event_word(text: str, kinds: frozenset[str] | set[str]) -> bool:
    return bool(event_words(text, kinds))


def event_kinds(text: str) -> set[str]:
    """The kinds of event noun ``text`` names (press conferences and the like left out)."""
    return {w.kind for w in _scan(text or "")} - {"not_event"}
