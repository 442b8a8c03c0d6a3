"""Relative dates and stated lengths, resolved against the page's own date (eval-format §5.4-5.5).

"opened today", "started here Wednesday", "will start on Thursday", "ce lundi", "вчера",
"mañana", "the two-day meeting", "продлится до 17 июня", "through Friday", "in the last two
days" (the days ending on the page's date): a day word is resolved
against a full date printed on the page (its dateline or publication date, ``page_date``), never
the crawl date; a weekday is the last such day on or before that date, or the first one on or
after it when the clause speaks of what will be ("next Thursday": the first one after it). A
stated length fills the other end of a one-day date. The words come from the lexicon
(``relative`` and ``date_word`` rows), the weekday names from dateparser's locale data
(``dates.weekday_names``).

Whether a day word dates the event at all is the reader's decision (``event_dates``): here a
word is only found, resolved and told what it stands next to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from confwatch.spiders.normalise import dates, lexicon
from confwatch.spiders.normalise.text_cache import short_text_cache

__all__ = [
    "DayWord",
    "day_words",
    "held_near",
    "is_historic",
    "last_days",
    "sentence_verb",
    "stated_days",
    "until_positions",
    "until_weekday",
]

_HELD_KINDS = ("closing", "opening", "passive", "active")
_NEAR = 60  # characters between a day word or date and the verb or noun it belongs to
_NOUN_NEAR = 40
_COMMA_GAP = 20  # characters a comma adds between a day and a verb after it, in ranking
_TENSE_BEFORE = 80  # characters before a weekday searched for a future marker
_TENSE_AFTER = 40
_CLAUSE_END = re.compile(r"[.;!?]\s|\s[—–]\s")


@dataclass(frozen=True)
class DayWord:
    """A relative day in a sentence, resolved: "today", "yesterday", "Thursday"."""

    day: dt.date
    start: int
    end: int
    kind: str  # "today" | "yesterday" | "tomorrow" | "weekday"
    text: str


def _langs(languages: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(languages) if languages else dates.DEFAULT_LANGUAGES


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, lexicon.Words], ...]:
    return (
        ("today", lexicon.words("relative", "today")),
        ("yesterday", lexicon.words("date_word", "yesterday")),
        ("tomorrow", lexicon.words("date_word", "tomorrow")),
    )


_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}


def day_words(
    sentence: str,
    page_day: dt.date,
    languages: Sequence[str] | None = None,
    *,
    taken: Sequence[tuple[int, int]] = (),
) -> list[DayWord]:
    """The relative days of ``sentence`` resolved against ``page_day``, in text order. Words
    inside or right beside the spans ``taken`` (the explicit dates: "Thursday, 17 May 2018")
    are part of those dates, not days of their own; where two words overlap the longer wins
    ("esta mañana" is this morning, not tomorrow)."""
    found: list[DayWord] = []
    for kind, words in _words():
        for m in words.finditer(sentence):
            day = page_day + dt.timedelta(days=_OFFSET[kind])
            found.append(DayWord(day, m.start(), m.end(), kind, m.group(0)))
    names = dates.weekday_names(_langs(languages))
    for m in dates.weekday_pattern(_langs(languages)).finditer(sentence):
        weekday = names.get(m.group(0).lower())
        if weekday is None:
            continue
        ahead = _future(sentence, m.start(), m.end(), _langs(languages))
        following = _next(sentence, m.start(), m.end())
        if not following and _THIS.search(sentence, max(0, m.start() - _THIS_REACH), m.start()):
            day = _this_week(page_day, weekday, ahead)
        else:
            day = _weekday(page_day, weekday, ahead, following)
        found.append(DayWord(day, m.start(), m.end(), "weekday", m.group(0)))
    found.sort(key=lambda w: (w.start, w.start - w.end))
    out: list[DayWord] = []
    for w in found:
        if out and w.start < out[-1].end:
            continue  # inside a longer word already taken
        if any(_beside(sentence, w, s, e) for s, e in taken):
            continue
        out.append(w)
    return out


# What separates a dateline's date from its story ("Москва, 15 мая 2024 г. – Вчера ..."): a day
# word past it is the story's, not part of the date.
_DATELINE_BREAK = re.compile(r"[-–—:|]")


def _beside(sentence: str, word: DayWord, start: int, end: int) -> bool:
    """``word`` is written beside the date at ``start:end``, as part of it ("Thursday, 17 May")."""
    if not (start - 4 <= word.end and word.start <= end + 4):
        return False
    gap = sentence[end : word.start] if word.start >= end else sentence[word.end : start]
    return not _DATELINE_BREAK.search(gap)


# "this Saturday", "ce samedi", "este sábado", "nesta sexta-feira", "questo sabato", "an diesem
# Samstag", "в эту субботу": the weekday of the page's own week.
_THIS = re.compile(
    r"\b(?:this|ce|este|esta|neste|nesta|questo|questa|diesen|diesem|в\s+эт[уоты]|в\s+это)\s+$",
    re.IGNORECASE,
)
_THIS_REACH = 12  # characters before a weekday searched for "this"


def _this_week(page_day: dt.date, weekday: int, ahead: bool) -> dt.date:
    """The weekday of the page's own week, Monday to Sunday ("opens this Saturday" in a
    Friday's paper: the next day; "s'est ouvert ce lundi" on a Friday: four days before); a
    day already past in a clause that speaks of what will be is the next week's."""
    day = page_day + dt.timedelta(days=weekday - page_day.weekday())
    return day + dt.timedelta(days=7) if ahead and day < page_day else day


def _weekday(page_day: dt.date, weekday: int, ahead: bool, following: bool = False) -> dt.date:
    """The weekday's date: the next one on or after the page's date for what will be, else the
    last one on or before it. A report names its own day's weekday for that day, in either tense
    ("opened on Thursday", "will be discussed on Thursday" in a Thursday's release, filed before
    the meeting): a day a week on is ``following``, "next Thursday", or a date."""
    if following:
        return page_day + dt.timedelta(days=(weekday - page_day.weekday() - 1) % 7 + 1)
    if ahead:
        return page_day + dt.timedelta(days=(weekday - page_day.weekday()) % 7)
    return page_day - dt.timedelta(days=(page_day.weekday() - weekday) % 7)


def _clause(sentence: str, start: int, end: int, before: int, after: int) -> tuple[int, int]:
    """The part of the sentence around ``start:end`` that belongs to its clause, within reach."""
    lo = max(0, start - before)
    hi = min(len(sentence), end + after)
    for m in _CLAUSE_END.finditer(sentence, lo, hi):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _within(words: lexicon.Words, text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Whole-word matches reaching into ``text[lo:hi]`` (the words are judged in all the text:
    "findet heute an der ... Akademie ... statt" holds the day word)."""
    return [m for m in words.finditer(text) if m.start() < hi and m.end() > lo]


_ADJACENT = 2  # characters between a weekday and a "next" written beside it


def _next(sentence: str, start: int, end: int) -> bool:
    """A future word written right beside the weekday: "next Thursday", "jeudi prochain", "в
    следующий четверг", "el próximo jueves" (a day after the page's, never the page's own)."""
    return any(
        start - _ADJACENT <= m.end() <= start or end <= m.start() <= end + _ADJACENT
        for m in lexicon.words("date_word", "future").finditer(sentence)
        if sentence[min(m.end(), end) : max(m.start(), start)].isspace()
    )


def _future(sentence: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
    lo, hi = _clause(sentence, start, end, _TENSE_BEFORE, _TENSE_AFTER)
    word = sentence[start:end].lower()
    return bool(
        _within(_future_words(_weekday_languages(languages).get(word, ())), sentence, lo, hi)
    )


@lru_cache(maxsize=16)
def _weekday_languages(languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each weekday name of ``weekday_names`` and the languages that spell it so."""
    out: dict[str, tuple[str, ...]] = {}
    for code in languages:
        for name in dates.weekday_names((code,)):
            out[name] = (*out.get(name, ()), code)
    return out


@lru_cache(maxsize=64)
def _future_words(languages: tuple[str, ...]) -> lexicon.Words:
    """The future markers of the weekday's own languages. A tense ending is a fact of one
    language: the French future "-era", "-ira" is a Spanish or Portuguese noun ("la Consejera",
    "primeira"). A language with no rows (or a name no language claims) keeps them all."""
    rows = lexicon.select("date_word", ("future",), langs=languages) if languages else ()
    if not rows:
        return lexicon.words("date_word", "future")
    return lexicon.Words.of([r.source_parts() for r in rows])


def held_near(sentence: str, start: int, end: int) -> str | None:
    """What the text at ``start:end`` (a date, a day word) stands next to in its clause: the
    event "closing", "opening", "passive" ("is held"), "active" ("hosts") wording of the lexicon,
    "noun" for an event noun alone, or None. The nearest wins; closing and opening before
    the others at the same distance."""
    lo, hi = _clause(sentence, start, end, _NEAR, _NEAR)
    best = _nearest(sentence, start, end, lo, hi)
    if best is not None:
        return best
    nlo, nhi = _clause(sentence, start, end, _NOUN_NEAR, _NOUN_NEAR)
    if lexicon.has_event_word(sentence[nlo:nhi], lexicon.STRONG | lexicon.WEAK):
        return "noun"
    return None


def sentence_verb(sentence: str) -> str | None:
    """The event wording of a whole sentence ("On 3 March 2022, the ... conference ... opened
    in Tashkent"): its "closing", "opening", "passive" or "active" word nearest the start."""
    return _nearest(sentence, 0, 0, 0, len(sentence), reach=len(sentence))


@short_text_cache(maxsize=512)
def _held_words(sentence: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """The spans of each kind's event wording in the sentence, kinds in ``_HELD_KINDS`` order:
    a sentence is asked about each of its dates and day words, and its words are the same."""
    out: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    for kind in _HELD_KINDS:
        found = list(lexicon.words("held", kind).finditer(sentence))
        if kind in ("opening", "closing", "passive"):
            found += lexicon.words("date_word", kind).finditer(sentence)
        out.append((kind, tuple(m.span() for m in found)))
    return tuple(out)


def _nearest(
    sentence: str, start: int, end: int, lo: int, hi: int, reach: int = _NEAR
) -> str | None:
    best: tuple[int, int, str] | None = None
    for rank, (kind, spans) in enumerate(_held_words(sentence)):
        for m_start, m_end in spans:
            if not (m_start < hi and m_end > lo):
                continue  # not reaching into the clause (as ``_within``)
            if _complement(sentence, m_start):
                continue  # "colloque de clôture", "séance d'ouverture": a name, no verb
            gap = max(start - m_end, m_start - end, 0)
            if gap > reach:
                continue
            if m_start >= end and "," in sentence[end:m_start]:
                # "which opened on Monday, concluded today": the verb before the day, not the
                # one past the comma, is the day's (the one past it still is, alone)
                gap += _COMMA_GAP
            if best is None or (gap, rank) < best[:2]:
                best = (gap, rank, kind)
    return best[2] if best is not None else None


_COMPLEMENT = re.compile(r"(?:\b(?:de|du)\s+|\bd['’]\s?)$", re.IGNORECASE)


def _complement(sentence: str, start: int) -> bool:
    return bool(_COMPLEMENT.search(sentence[max(0, start - 4) : start]))


def is_historic(sentence: str, start: int, end: int) -> bool:
    """A historic date in the background: "since 11 September 2001", "the anniversary of ...",
    "Ten years after the September 11 terrorist attacks"."""
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 30]
    since = lexicon.words("date_word", "since")
    if any(m.end() >= len(before) - 6 for m in since.finditer(before)):
        return True
    attack = lexicon.words("date_word", "attack").search(after)
    return bool(attack and attack.start() <= 20)


_DAYS = tuple(f"days{n}" for n in range(1, 6))


@short_text_cache(maxsize=2048)  # asked of the event's sentence and the page's opening, per date
def stated_days(text: str) -> tuple[int, int, int] | None:
    """A stated length ("two-day", "de deux jours", "двухдневная", "la jornada"): the number
    of days and where it is written."""
    if not lexicon.words("date_word", *_DAYS).search(text):
        return None  # one scan for the five lengths: most texts state none
    best: tuple[int, int, int] | None = None
    for n, kind in enumerate(_DAYS, start=1):
        m = lexicon.words("date_word", kind).search(text)
        if m and (best is None or m.start() < best[1]):
            best = (n, m.start(), m.end())
    return best


_LAST_DAYS = ("last2", "last3")


def last_days(text: str, page_day: dt.date) -> tuple[dt.date, dt.date, int, int] | None:
    """ "in the last two days", "ces trois derniers jours", "за последние два дня": the days
    ending on the page's own date, and where the words are written."""
    for n, kind in enumerate(_LAST_DAYS, start=2):
        m = lexicon.words("date_word", kind).search(text)
        if m:
            return page_day - dt.timedelta(days=n - 1), page_day, m.start(), m.end()
    return None


def until_weekday(text: str, languages: Sequence[str] | None = None) -> int | None:
    """The weekday (Monday 0) that opens ``text``, the words after an "until" phrase: "Friday",
    "vendredi", and the Slavic genitive "до" asks for ("до пятницы", "до четверга")."""
    m = _UNTIL_DAY.match(text)
    if m is None:
        return None
    word = m.group(1).lower()
    names = dates.weekday_names(_langs(languages))
    if word in names:
        return names[word]
    return _genitives(_langs(languages)).get(word)


# A weekday's name may be hyphenated: Portuguese "quinta-feira", "sexta-feira".
_UNTIL_DAY = re.compile(r"\s*(?:l[ea]\s+|el\s+|zum\s+)?([^\W\d_]+(?:-[^\W\d_]+)?)")


@lru_cache(maxsize=16)
def _genitives(languages: tuple[str, ...]) -> dict[str, int]:
    """Cyrillic weekday names in the genitive: "-а" → "-ы" (пятница → пятницы), "-е" → "-я"
    (воскресенье → воскресенья), a consonant → "+а" (четверг → четверга)."""
    out: dict[str, int] = {}
    for name, number in dates.weekday_names(languages).items():
        if name.isascii() or name.endswith("у"):
            continue
        if name.endswith("а"):
            out[name[:-1] + "ы"] = number
        elif name.endswith("е"):
            out[name[:-1] + "я"] = number
        elif name[-1] not in "аеёиоуыэюяь":
            out[name + "а"] = number
    return out


def until_positions(sentence: str) -> list[int]:
    """Where the text after an "until" phrase begins ("will last until | June 21", "продлится
    до | 17 июня", "through | Friday")."""
    return [m.end() for m in lexicon.words("date_word", "until").finditer(sentence)]
