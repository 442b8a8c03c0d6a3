"""The event's dates, read by evidence: structured data, a labelled field, or the best of the
date mentions in the page's text; and the registration deadline.

Every date in the event's sentences, and every relative day ("opened today", "will start on
Thursday", "вчера") resolved against the page's own date (``page_date``), becomes a candidate.
Some are no candidates at all and are passed over with the reason: the release's dateline and
publication stamp (the page's date, not the event's: eval-format §5.4), a site's date header, a
historic date ("since 11 September 2001", "the events of September 11, 2001"), a registration
deadline, another year than the event's name gives, a date far before the page's own date (a
meeting in the background), another kind of meeting. The others are weighed by their evidence:
the sentence says an event is held, names an event, opens the page; the date stands beside that
wording, or is a heading line with the event's hours ("9.30 – 16.30 Uhr"). The best one wins; on
a tie, the earlier in the reader's sentence order. A stated length fills the other end ("two-day
... concluded today"), and so does the other end said in the same sentence ("which opened on
Monday, concluded today") or after "until" ("runs through Friday", "продлится до пятницы"); an
opening day alone leaves the end unknown, a closing day the start (§5.5). A year-less date takes
no year from another month's date ("in June 2020"); with no page date it takes the year of the
event's name, of its own sentences, or of a numbered press release ("Pressemitteilung 63/2019").
Nothing left: no dates (null beats wrong).

``read_dates`` says which text the dates came from, so the place is looked for there first.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import (
    dates,
    event_place,
    lexicon,
    page_date,
    quotes,
    relative_dates,
)
from confwatch.spiders.normalise.explain import Explanation
from confwatch.spiders.normalise.phrases import vocabulary
from confwatch.spiders.normalise.sentences import split_sentences
from confwatch.spiders.normalise.text_cache import short_text_cache

_REGISTRATION = re.compile(
    r"(?:registration\s+deadline|deadline\s+for\s+registration|register\s+(?:by|before|no\s+later\s+than)"
    r"|registrations?\s+(?:close|closes|is\s+open\s+until|are\s+open\s+until))\s*(?:is|:|-|–)?\s*(?P<date>[^.;\n]{4,60})",
    re.I,
)

_SCANNED = 80  # sentences of the reader's order searched for dates (the best come first)
_RELATIVE_LEAD = 20  # sentences of the page's opening searched for day words
_LEAD = 3  # sentences that open the page (its lead paragraph)
_CONTEXT = 12  # sentences of the page's opening searched for the event's stated length
_BACKGROUND_DAYS = 183  # a date this far before the page's own date is another meeting's
_JOIN = dt.timedelta(days=7)  # the longest event an opening and a closing day make together


@dataclass(frozen=True)
class EventDates:
    """The event's first and last day; either may be unknown ("opened on 3 March": no end)."""

    start: dt.date | None
    end: dt.date | None

    def shown(self) -> str:
        if self.start is not None and self.start == self.end:
            return str(self.start)
        return f"{self.start or '?'} – {self.end or '?'}"


@dataclass
class _Candidate:
    found: EventDates
    sentence: str
    order: int  # position in the reader's order of sentences
    score: int
    rule: str
    weekday: dt.date | None = None  # the day a weekday's name was counted to from the page's date


def read_dates(
    raw: RawEvent,
    sentences: list[str],
    langs: list[str] | None,
    explain: Explanation | None = None,
) -> tuple[EventDates | None, str | None]:
    """The event's dates and the sentence (or label) they came from."""
    found, evidence, rule = _date_range(raw, sentences, langs, explain)
    if explain is not None:
        if found is None:
            explain.abstained("dates", "no date of this event on the page")
        else:
            explain.chose("dates", found.shown(), evidence, rule)
    return found, evidence


def _whole(found: dates.DateRange) -> EventDates:
    return EventDates(found.start, found.end)


def _date_range(
    raw: RawEvent, sentences: list[str], langs: list[str] | None, explain: Explanation | None
) -> tuple[EventDates | None, str | None, str]:
    """The event's dates, the text they came from, and the rule that found them."""
    if raw.structured.get("start_date"):
        start = dates.parse_single_date(str(raw.structured["start_date"]), languages=langs)
        end_text = raw.structured.get("end_date")
        end = dates.parse_single_date(str(end_text), languages=langs) if end_text else start
        if start and end and end >= start:
            return EventDates(start, end), None, "structured data (schema.org Event)"
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, languages=langs)
        if found:
            return _span_from_report(found, sentences, langs), raw.date_text, "labelled date"
        # "3-4 September, Minsk": the year is missing; a full date in the text with the same
        # day and month supplies it before the page's own date (or the crawl date) is used.
        for sentence in sentences:
            for found, _, _ in dates.find_date_ranges(
                _without_deadlines(sentence), languages=langs
            ):
                guess = dates.parse_date_range(
                    raw.date_text, published=found.start, languages=langs
                )
                if guess == found:
                    return (
                        _whole(found),
                        sentence,
                        "labelled date, its year from the same date in the text",
                    )
    title_year = _title_year(raw.title)
    page_order = split_sentences(raw.body_text or "")
    page_day = raw.published
    if page_day is None:
        own = page_date.own_date(page_order, langs)
        page_day = own[0] if own else None
    # "2020 Virtual Counter-Terrorism Week ... from 6-10 July": the name's year dates a
    # year-less day when the page shows no date of its own; so does the one year the event's
    # own sentences give ("between 25-26 March in Bratislava. Organized by Slovakia's 2019 OSCE
    # Chairmanship").
    stamp = None if page_day else (_month_stamp(page_order) or _month_dateline(page_order, langs))
    year = title_year or (
        None
        if page_day or stamp
        else _text_year(sentences[:_YEAR_SENTENCES])
        or _heading_year(page_order, sentences)
        or _release_year(page_order)
        or _page_year(page_order)
    )
    if year and not title_year and _weekdays_deny(page_order, year, langs):
        year = None
    reference = page_day or (dt.date(year, 7, 1) if year else stamp)
    if raw.date_text:
        found = dates.parse_date_range(raw.date_text, published=reference, languages=langs)
        if found:
            year_from = "the page's date" if page_day else "the event's name"
            rule = f"labelled date, its year from {year_from}"
            return _span_from_report(found, sentences, langs), raw.date_text, rule
    reader = _Reader(raw.title, sentences, page_order, page_day, reference, title_year, langs)
    chosen = reader.decide(explain)
    if chosen is None:
        return None, None, ""
    return chosen.found, chosen.sentence, chosen.rule


class _Reader:
    """Candidates from the text, each with its evidence, and the decision between them."""

    def __init__(
        self,
        title: str | None,
        sentences: list[str],
        page_order: list[str],
        page_day: dt.date | None,
        reference: dt.date | None,
        title_year: int | None,
        langs: list[str] | None,
    ) -> None:
        self.title = title
        self.sentences = sentences
        self.page_order = page_order
        self.position = {s: i for i, s in reversed(list(enumerate(page_order)))}
        self.page_day = page_day
        self.reference = reference
        self.title_year = title_year
        self.langs = langs
        self.candidates: list[_Candidate] = []
        # spans of days in sentences that name another kind of meeting: the event's own span
        # only when they start on its opening day in the next sentence
        self.other_spans: list[tuple[EventDates, str]] = []
        self._stamped: dict[dt.date, set[str]] | None = None  # day -> its dateline sentences

    def decide(self, explain: Explanation | None) -> _Candidate | None:
        for order, sentence in enumerate(self.sentences[:_SCANNED]):
            self._read(order, sentence, explain)
        if not self.candidates:
            return None
        self._align_weekdays()
        best = max(self.candidates, key=lambda c: (c.score, -c.order))
        # "will be held from 6-10 July" and "will be launched on Monday 6 July": the span that
        # holds the day says more.
        # A span of days said of the event by its name gives way only to as strong a longer one:
        # "The Harbour conference will gather ... this weekend (3-5 August)" keeps its days
        # against "associated events from 30 July to 6 August" (but "the Joint Experts' Meeting
        # took place 24-26 November" gives way to "Typologies Workshop: 24 - 28 November").
        several = best.found.end is not None and best.found.end != best.found.start
        slack = 0 if several and _names_event(self.title, best.sentence) else 1
        spans = [
            c
            for c in self.candidates
            if c.score >= best.score - slack
            and _holds(c.found, best.found)
            and c.found != best.found
        ]
        if spans:
            best = max(spans, key=lambda c: (c.score, -c.order))
        if explain is not None:
            for c in self.candidates:
                if c is not best and c.found != best.found:
                    why = f"weaker evidence ({c.score} against {best.score})"
                    explain.passed("dates", c.found.shown(), c.sentence, c.rule, why)
        found = self._joined(best)
        if (found.start is not None and found.start == found.end) or found.end is None:
            found = _extended(found, self.sentences, self.langs)
        best.found = found
        return best

    def _joined(self, best: _Candidate) -> EventDates:
        """An opening day without an end, or a closing day without a start, and the other end
        said as strongly in the same or the next sentence ("which opened on Monday, concluded
        today"; "... opened today. The minister will close it tomorrow"): the days between."""
        found = best.found
        for c in self.candidates:
            if not self._neighbours(c.sentence, best.sentence) or c.score < best.score:
                continue
            if found.end is None and c.found.start is None:
                start, end = found.start, c.found.end  # opened ..., concluded ...
            elif found.start is None and c.found.end is None:
                start, end = c.found.start, found.end  # concluded ..., having opened ...
            else:
                continue
            if start is not None and end is not None and start < end <= start + _JOIN:
                return EventDates(start, end)
        # "... concluded on Friday. Over three days, from March 6 to 8, ...": a span in the same
        # or the next sentence that ends on the closing day (starts on the opening day) is the
        # event's, however weakly worded.
        spans = [(c.found, c.sentence) for c in self.candidates] + self.other_spans
        for span, sentence in spans:
            if span.start is None or span.end is None or span.start >= span.end:
                continue
            if not self._neighbours(sentence, best.sentence) or span.end > span.start + _JOIN:
                continue
            if (found.start is None and span.end == found.end) or (
                found.end is None and span.start == found.start
            ):
                return span
        # "Today experts convened a meeting ... Participants in this event, which will end next
        # Friday, ...": an opening day, and the closing day said later of the event itself
        # within a week; one such day only, else the end stays unknown (§5.5).
        ends = {
            c.found.end
            for c in self.candidates
            if found.start is not None
            and found.end is None
            and c.found.start is None
            and c.found.end is not None
            and found.start < c.found.end <= found.start + _JOIN
            and _THIS_EVENT.search(c.sentence)
        }
        if len(ends) == 1:
            return EventDates(found.start, ends.pop())
        return found

    def _prose_before(self, index: int) -> int:
        """The sentences of running text before ``index``: the headline, a date stamp and a
        photo caption, lines that end in no full stop, do not push a sentence out of the lead."""
        return sum(1 for s in self.page_order[:index] if _PROSE_END.search(s))

    def _neighbours(self, one: str, other: str) -> bool:
        """The same sentence, or two sentences next to each other on the page."""
        if one == other:
            return True
        i, j = self.position.get(one), self.position.get(other)
        return i is not None and j is not None and abs(i - j) == 1

    # -- one sentence ------------------------------------------------------------------------

    def _read(self, order: int, sentence: str, explain: Explanation | None) -> None:
        text = _without_deadlines(sentence)
        hits = dates.find_date_ranges(text, published=self.reference, languages=self.langs)
        sentence_day = self.page_day
        if hits:
            use = page_date.classify(text, hits[0], self.langs)
            if use.kind == "dateline":
                # "Dakar, le 18 novembre 2019 - ... ce lundi 18 novembre": the dateline dates its
                # own paragraph, its year-less dates and its "today".
                sentence_day = hits[0][0].start
                if sentence_day != self.reference:
                    hits = dates.find_date_ranges(
                        text, published=sentence_day, languages=self.langs
                    )
        index = self.position.get(sentence)
        lead = index is not None and index < _LEAD
        relative_ok = sentence_day is not None and (
            (index is not None and index < _RELATIVE_LEAD) or _cue(sentence)
        )
        words: list[relative_dates.DayWord] = []
        if relative_ok and sentence_day is not None:
            taken = [(s, e) for _, s, e in hits]
            words = relative_dates.day_words(text, sentence_day, self.langs, taken=taken)
        recent = (
            relative_dates.last_days(text, sentence_day)
            if relative_ok and sentence_day is not None
            else None
        )
        if not hits and not words and recent is None:
            return  # most sentences name no day: the cue and the other event are not asked
        cue = _cue(sentence)
        other = _about_another_event(self.title, sentence) and not self._title_name_near(sentence)
        for hit in hits:
            self._explicit(order, sentence, text, hit, lead, cue, other, explain)
        pair = _day_pair(text, words)
        if pair is not None and not other and lexicon.has_event_word(text, _NOUNS):
            # "toma parte, hoje e amanhã, em Abuja, na Conferência": two days in a row, said
            # together in a sentence that names the event, are its days
            first, last = pair
            score = 2 * cue + 1 + lead + _NEAR_SCORE["noun"]
            rule = f"'{text[first.start : last.end]}' counted from the page's own date"
            span = EventDates(first.day, last.day)
            self.candidates.append(_Candidate(span, sentence, order, score, rule))
            words = [w for w in words if w is not first and w is not last]
        if recent is not None and not other:
            self._last_days(order, sentence, text, recent, lead, cue)
        for word in words:
            self._relative(order, sentence, text, word, lead, cue, other, explain)

    def _last_days(
        self,
        order: int,
        sentence: str,
        text: str,
        last: tuple[dt.date, dt.date, int, int],
        lead: bool,
        cue: bool,
    ) -> None:
        """ "In the last two days some 70 officials worked through ... The seminar was held on
        ...": the days ending on the page's date, when the sentence names the event or the next
        one says it was held (§5.4-5.5)."""
        near = "noun" if lexicon.has_event_word(text, _NOUNS) else self._told_next(sentence)
        if near is None:
            return
        first, end, at, to = last
        score = 2 * cue + 1 + lead + _NEAR_SCORE[near]
        rule = f"'{text[at:to]}' counted back from the page's own date"
        self.candidates.append(_Candidate(EventDates(first, end), sentence, order, score, rule))

    def _explicit(
        self,
        order: int,
        sentence: str,
        text: str,
        hit: tuple[dates.DateRange, int, int],
        lead: bool,
        cue: bool,
        other: bool,
        explain: Explanation | None,
    ) -> None:
        found, start, end = hit
        why = self._not_the_event(sentence, text, hit, other)
        if why:
            if explain is not None:
                explain.passed("dates", found, sentence, "a date in the text", why)
            return
        use = page_date.classify(text, hit, self.langs)
        near = relative_dates.held_near(text, start, end)
        near_score = 0 if near is None else _NEAR_SCORE.get(near, 0)
        score = 2 * cue + lexicon.has_event_word(text, _NOUNS) + lead + near_score
        if (len(text.split()) <= _HEADING_LINE or _FIELD_BAR.search(text[:start])) and _names_event(
            self.title, text[:start]
        ):
            # "2014 Typologies Workshop: 24 – 28 November 2014, Bangkok": a heading line gives
            # the event by its name, then its days; "Name of the meeting | 15 April 2031 |
            # Videoconference": the bars part a long name from its fields, however long the name
            score += 2
        rule = "a date in the event's key sentence" if cue else "a date in the text"
        if self.page_day and found.end < self.page_day - dt.timedelta(days=_BACKGROUND_DAYS):
            score -= 3  # long before the page's own date: likely a meeting in the background
            rule = "a date long before the page's own date"
        if self._with_hours(sentence, use):
            score += 2  # "Montag, 17. November 2025 / 9.30 – 16.30 Uhr": the event's schedule
            rule = "a date line with the event's hours"
        elif use.kind == "line":
            score -= 2  # a date on a line of its own: an event's heading, or a page's date line
            rule = "a date line"
        elif score <= 0 and found.start == found.end:  # a span of days is an event's
            if explain is not None:
                why = "nothing in its sentence speaks of an event"
                explain.passed("dates", found, sentence, rule, why)
            return
        # "On 3 March 2022, the high-level conference ... opened": the sentence's own verb.
        verb = near if near not in (None, "noun") else relative_dates.sentence_verb(text)
        if found.start == found.end and _from_day(text, start):
            verb = "opening"  # "desde el 3 de octubre": its first day, its end unknown (§5.5)
        shaped = _shape(
            found, self._opened_next(sentence, verb, found.start), self._length(text, sentence)
        )
        self.candidates.append(_Candidate(shaped, sentence, order, score, rule))

    def _not_the_event(
        self, sentence: str, text: str, hit: tuple[dates.DateRange, int, int], other: bool
    ) -> str | None:
        """Why a date in the text is not the event's, if it is not."""
        found, start, end = hit
        index = self.position.get(sentence)
        first = index is not None and page_date.opens_page(self.page_order, index)
        use = page_date.classify(text, hit, self.langs)
        if use.kind == "dateline":
            return "the release's own date"
        if use.kind == "stamp":
            return "the page's publication stamp"
        if use.kind == "clock":
            return "a site's clock ('Today: ...'), not the event's date"
        if (
            use.kind == "line"
            and use.weekday
            and (found.start == self.page_day or first)
            and not self._with_hours(sentence, use)
            and not _with_venue(text, end)
            and not self._under_event_label(sentence)
        ):
            # "mercredi 23 août 2017" above the headline, "Monday, 9 November 2009" under it
            return "a date line of the page: its own date or the site's header"
        if (
            use.kind == "line"
            and found.start == found.end == self.page_day
            and not _YEAR.search(text, start, end)
            and not self._with_hours(sentence, use)
        ):
            # "24 октября" / "13:44 2022" under the headline: an event's heading line gives its
            # year; a year-less line on the page's own day is the page's date
            return "a year-less date line of the page's own day"
        if (
            use.kind == "line"
            and found.start == found.end
            and found.start in self._stamped_days(sentence)
            and not self._with_hours(sentence, use)
        ):
            # "08 de febrero de 2023" over "08 de febrero de 2023 | Las Noticias del ...": a
            # masthead prints the day its dateline or stamp gives; the page's date, twice
            return "the page's own date again (its dateline gives the same day)"
        if relative_dates.is_historic(text, start, end):
            return "a historic date in the background"
        if _TAKES_EFFECT.search(text, max(0, start - _EFFECT_REACH), start):
            return "the day a decision takes effect ('with effect from ...')"
        if _recalled_before(text, start):
            return "a meeting the text looks back on ('welcomed the successful ...')"
        if not _YEAR.search(text, start, end) and (self.page_day is None or use.kind == "line"):
            weekday = _stated_weekday(text, start, self.langs)
            if weekday is not None and weekday != found.start.weekday():
                # "lundi 14 octobre" dated to a year by a lone year elsewhere in the text, in
                # which 14 October is no Monday: the lent year is not the date's (§5.7, §5.13);
                # nor is the page's year that of a date line ("Суббота, 7 Июня": a site's clock
                # of another year). A sentence's weekday against the page's date is a slip.
                return "the weekday written with it does not fall on it in the year lent to it"
        if self.title_year and found.start.year != self.title_year:
            return f"not the year the event's name gives ({self.title_year})"
        if other:
            if found.start < found.end:
                self.other_spans.append((_whole(found), sentence))
            return "the sentence is about another kind of meeting"
        return None

    def _stamped_days(self, line: str) -> set[dt.date]:
        """The days the datelines and publication stamps of the page's opening give (another
        sentence than ``line``)."""
        if self._stamped is None:
            self._stamped = {}
            for s in self.page_order[:_CONTEXT]:
                hits = dates.find_date_ranges(s[:200], languages=self.langs)
                if hits and page_date.classify(s, hits[0], self.langs).kind in _STAMPED:
                    self._stamped.setdefault(hits[0][0].start, set()).add(s)
        return {day for day, where in self._stamped.items() if where - {line}}

    def _under_event_label(self, line: str) -> bool:
        """A date line under an event page's label of its kind, with the event's name between
        at most: "Colloque / La radicalisation saisie par le droit / jeudi 30 novembre 2017",
        "Policy Dialogue / How to counter ...? / EVENT / Tuesday, 04 July 2017". A news page's
        date line stands under its headline, with no such label."""
        index = self.position.get(line)
        if index is None:
            return False
        return any(
            _event_label(above) for above in self.page_order[max(0, index - _LABEL_REACH) : index]
        )

    def _with_hours(self, sentence: str, use: page_date.DateUse) -> bool:
        """A date line with an event's hours beside or under it ("10:00 - 16:30")."""
        if use.kind != "line":
            return False
        index = self.position.get(sentence)
        after = self.page_order[index + 1 : index + 2] if index is not None else []
        return use.hours or page_date.hours_line(after)

    def _relative(
        self,
        order: int,
        sentence: str,
        text: str,
        word: relative_dates.DayWord,
        lead: bool,
        cue: bool,
        other: bool,
        explain: Explanation | None,
    ) -> None:
        near = relative_dates.held_near(text, word.start, word.end)
        rule = f"'{word.text}' counted from the page's own date"
        if near is None and not other and _SENTENCE_TAIL.fullmatch(text, word.end):
            # "X and Y opened their joint ... Week in Addis Ababa today.": a day word that ends
            # its sentence says when the sentence's own verb happened, however far it stands
            near = _sentence_event_verb(text)
            if near is not None:
                rule += ", the day word ends the sentence of the event's verb"
        if near is None and not other:
            near = self._told_next(sentence)
            if near is not None:
                rule += ", the next sentences say what happened that day"
        if near is None or other:
            if explain is not None:
                why = (
                    "the sentence is about another kind of meeting"
                    if other
                    else "not said of the event (no event wording beside it)"
                )
                explain.passed("dates", word.day, sentence, rule, why)
            return
        score = 2 * cue + lexicon.has_event_word(text, _NOUNS) + lead + _NEAR_SCORE[near]
        day = dates.DateRange(word.day, word.day)
        shaped = _shape(
            day, self._opened_next(sentence, near, word.day), self._length(text, sentence)
        )
        weekday = word.day if word.kind == "weekday" else None
        self.candidates.append(_Candidate(shaped, sentence, order, score, rule, weekday))

    def _align_weekdays(self) -> None:
        """A weekday counted from the page's date ("kicks off on Monday" in Saturday's paper:
        the Monday before) and the same weekday a week away that the text dates in full ("will
        open on Monday (28 August)"): the text's date is the day meant."""
        dated = {
            day
            for c in self.candidates
            if c.weekday is None
            for day in (c.found.start, c.found.end)
            if day is not None
        }
        week = dt.timedelta(days=7)
        dropped: list[_Candidate] = []
        for c in self.candidates:
            day = c.weekday
            if day is None or day in dated:
                continue
            meant = [d for d in (day - week, day + week) if d in dated]
            if len(meant) != 1:
                continue
            shift = meant[0] - day
            c.found = EventDates(
                c.found.start + shift if c.found.start else None,
                c.found.end + shift if c.found.end else None,
            )
            c.weekday = meant[0]
            c.rule += f", the weekday the text dates in full ({meant[0]})"
            # the same day said in full: that sentence is the evidence, with the better score
            same = [e for e in self.candidates if e.weekday is None and e.found == c.found]
            if same:
                same[0].score = max(same[0].score, c.score)
                dropped.append(c)
        self.candidates = [c for c in self.candidates if all(c is not d for d in dropped)]

    def _told_next(self, sentence: str) -> str | None:
        """A report's lead names the day and the next sentences the event ("... said Sunday
        that ... She ... The Home Minister was addressing the inaugural ceremony of a regional
        workshop"; "... обсудили в четверг ... Там состоялось 35-е заседание"): the held,
        opening or closing wording of the first of the next two sentences that has it and an
        event noun, and no date of its own."""
        index = self.position.get(sentence)
        if index is None or self._prose_before(index) >= _LEAD + 1:
            return None
        for nxt in self.page_order[index + 1 : index + 3]:
            verb = relative_dates.sentence_verb(nxt)
            # "took place", "opened", "inaugural": not "organised" (or "организаций")
            if verb in ("passive", "opening", "closing") and lexicon.has_event_word(nxt, _NOUNS):
                return None if dates.find_date_ranges(nxt, languages=self.langs) else verb
        return None

    def _length(self, text: str, sentence: str) -> int | None:
        """The event's stated length: in its sentence, else beside an event noun in the page's
        opening ("A two-day ... meeting will be held in Suva this week. The meeting will start
        on Thursday")."""
        found = relative_dates.stated_days(text)
        if found:
            return found[0]
        days = self._length_next(sentence)
        if days is not None:
            return days
        for other in self.page_order[:_CONTEXT]:
            found = relative_dates.stated_days(other)
            if (
                found
                and (_beside_noun(other, found[1], found[2]) or _before_held(other, found[2]))
                and not _length_of_another(self.title, other, found[1], found[2])
            ):
                return found[0]
        return None

    def _opened_next(self, sentence: str, verb: str | None, day: dt.date | None) -> str | None:
        """The page's own day said of the event by a plain verb ("experts gathered in Seoul
        today for a conference") and the next sentence opening it with no day of its own ("The
        minister opened the conference"): a release filed the day an event opens cannot know
        its end (§5.5). A report filed later ("was held on 24 November ... was opened by")
        tells a one-day event."""
        index = self.position.get(sentence)
        if verb not in ("passive", "active") or index is None or day != self.page_day:
            return verb
        for nxt in self.page_order[index + 1 : index + 2]:
            if (
                relative_dates.sentence_verb(nxt) == "opening"
                and lexicon.has_event_word(nxt, _NOUNS)
                and not dates.find_date_ranges(nxt, published=self.reference, languages=self.langs)
            ):
                return "opening"
        return verb

    def _title_name_near(self, sentence: str) -> bool:
        """The title's quoted name in the sentence or the next one ("Séminaire « Lutter contre
        le terrorisme »" and "Le 1er symposium ... s'est tenu les 19 et 20 novembre. Sous
        l'intitulé « Lutter contre le terrorisme », cette rencontre ..."): the sentence speaks of
        the page's own event, whatever other noun it gives it."""
        name = _quoted_name(self.title or "")
        if name is None:
            return False
        index = self.position.get(sentence)
        near = self.page_order[index : index + 2] if index is not None else [sentence]
        return any(name in _folded(s) for s in near)

    def _length_next(self, sentence: str) -> int | None:
        """A length stated in the next sentence, which names the event and no day of its own
        ("... met from Monday in Rabat. Organised over three days by the centre, the
        conference ..."): a report tells the day first and the length after it."""
        index = self.position.get(sentence)
        if index is None:
            return None
        for nxt in self.page_order[index + 1 : index + 2]:
            found = relative_dates.stated_days(nxt)
            if (
                found
                and lexicon.has_event_word(nxt, _NOUNS)
                and not _length_of_another(self.title, nxt, found[1], found[2])
                and not dates.find_date_ranges(nxt, published=self.reference, languages=self.langs)
            ):
                return found[0]
        return None


_NOUNS = lexicon.STRONG | lexicon.WEAK
# "today and tomorrow", "hoje e amanhã", "aujourd'hui et demain", "сегодня и завтра"
_AND = re.compile(r"\s*,?\s*(?:and|et|e|y|und|и|і|ve|va)\s+", re.IGNORECASE)
# Two weekdays in a row may have a few words between "and" and the second: "on Thursday and on
# Friday", "two sessions on Monday and three on Tuesday", "jeudi et le vendredi".
_AND_WEEKDAY = re.compile(
    r"\s*,?\s*(?:and|et|e|y|und|и|і|ve|va)\s+(?:[^\W\d_]+\s+){0,3}", re.IGNORECASE
)


def _day_pair(
    text: str, words: list[relative_dates.DayWord]
) -> tuple[relative_dates.DayWord, relative_dates.DayWord] | None:
    """Two day words joined by "and" that name two days in a row ("today and tomorrow"); two
    weekdays may have a few words between ("on Monday and on Tuesday")."""
    for first, last in itertools.pairwise(words):
        if last.day != first.day + dt.timedelta(days=1):
            continue
        weekdays = first.kind == last.kind == "weekday"
        if (_AND_WEEKDAY if weekdays else _AND).fullmatch(text, first.end, last.start):
            return first, last
    return None


# The page's own event named again: "this event", "the event, which ...", "cet événement",
# "dieses Treffen", "este evento", "это мероприятие".
_THIS_EVENT = re.compile(
    r"\b(?:this|the)\s+(?:event|meeting|workshop|seminar|conference|forum)\b(?!\s+(?:on|of)\b)"
    r"|\b(?:cet|cette|ce)\s+(?:événement|évènement|rencontre|réunion|atelier|séminaire|forum)\b"
    r"|\b(?:diese[rsnm]?)\s+(?:Veranstaltung|Treffen|Tagung|Konferenz|Workshop|Seminar)\b"
    r"|\b(?:este|esta)\s+(?:evento|encuentro|reunión|taller|seminario|foro|conferencia)\b"
    r"|(?<!\w)(?:это|этот|эта|данн\w+)\s+(?:мероприяти\w+|встреч\w+|семинар\w*|форум\w*)",
    re.IGNORECASE,
)
_STAMPED = ("dateline", "stamp")  # the page's own date, never the event's
# A quoted name of three words or more, in any pair of quotation marks.
_QUOTED = re.compile(quotes.quoted(r"{12,160}?", group="q", own=False))


def _quoted_name(title: str) -> str | None:
    m = _QUOTED.search(title)
    name = quotes.quoted_text(m, "q") if m is not None else None
    if name is None or len(name.split()) < 3:
        return None
    return _folded(name)


def _folded(text: str) -> str:
    """Lower case, apostrophes and spaces made alike: the same name in two sentences."""
    return " ".join(text.replace("’", "'").lower().split())


_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_PROSE_END = re.compile(r"[.!?…][»”\"’)]?\s*$")
# A date beside the event's verb ("was held from 21-22 March") says more than one beside an event
# noun ("the 9th ASEAN Regional Forum on 30 July 2002").
_NEAR_SCORE = {"closing": 2, "opening": 2, "passive": 2, "active": 2, "noun": 1}


@short_text_cache(maxsize=2048)  # each sentence is read for several candidate dates
def _cue(sentence: str) -> bool:
    """The sentence says an event is, was or will be held, opens or closes (the lexicon's held
    wording, and the opening and closing words of the date rows)."""
    return bool(
        lexicon.words("held").search(sentence)
        or lexicon.words("date_word", "opening", "closing").search(sentence)
    )


_SENTENCE_TAIL = re.compile(r"\s*[.!]?[»”\"’)]?\s*")  # nothing but the full stop after a word


def _sentence_event_verb(text: str) -> str | None:
    """The sentence's own held, opening or closing verb, when it also names an event."""
    verb = relative_dates.sentence_verb(text)
    if verb in ("passive", "opening", "closing") and lexicon.has_event_word(
        text, _NOUNS | {"week"}
    ):
        return verb
    return None


def _recalled_before(text: str, start: int) -> bool:
    """The date follows, in its sentence, a meeting the participants look back on: "They also
    welcomed the successful workshop ... held in Honolulu on 24-26 March", "rappelant les
    résultats du séminaire de mars": another, earlier meeting (eval-format §5.2)."""
    return lexicon.words("date_word", "recalled").search(text[:start]) is not None


# A weekday's name right before a date: "lundi 14 octobre", "Samstag, den 7. November", "в
# пятницу, 23 июня", "Friday, June 23", "el martes 3 de marzo".
_WEEKDAY_BEFORE = re.compile(
    r"([^\W\d_]+)\.?,?\s{1,3}(?:(?:den|der|le|el|il|the|de|o|a)\s{1,3})?$", re.IGNORECASE
)


def _stated_weekday(text: str, start: int, langs: list[str] | None) -> int | None:
    """The weekday (Monday 0) written right before the date at ``start``, if one is."""
    found = _WEEKDAY_BEFORE.search(text[max(0, start - 30) : start])
    if found is None:
        return None
    return dates.weekday_names(tuple(langs or ())).get(found.group(1).lower())


def _weekdays_deny(page_order: list[str], year: int, langs: list[str] | None) -> bool:
    """A year-less date of the page written with its weekday ("Freitag, den 6. November") that
    does not fall on that weekday in ``year``: the year the text lends is not the events'."""
    for line in page_order:
        for found, start, end in dates.find_date_ranges(
            line, published=dt.date(year, 7, 1), languages=langs
        ):
            if _YEAR.search(line, start, end):
                continue
            weekday = _stated_weekday(line, start, langs)
            if weekday is not None and weekday != found.start.weekday():
                return True
    return False


_FROM_REACH = 24  # characters before a date searched for its "from" word


def _from_day(text: str, start: int) -> bool:
    """The date at ``start`` follows a word that makes it a first day ("desde el 3 de octubre",
    "à partir du 3 octobre", "vanaf 3 oktober"): the event runs from it, to an end not said."""
    before = text[max(0, start - _FROM_REACH) : start]
    return any(
        not before[m.end() :].strip() for m in lexicon.words("date_word", "from").finditer(before)
    )


_NAME_WORD = re.compile(r"[^\W\d_]{4,}")  # a name's words, not its year or small words
_NAMED_SHARE = 2 / 3  # of the name's words the sentence must give
_HEADING_LINE = 14  # words of a heading line: a name, its days and its place
_FIELD_BAR = re.compile(r"[^\W\d_][^\w|]{0,3}\|\s{0,3}$")  # "Name ... | " right before a date


@short_text_cache(maxsize=2048)
def _name_words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _NAME_WORD.findall(text))


def _with_venue(line: str, end: int) -> bool:
    """A date line that goes on to a venue and its town: "Donnerstag, 23. Juni 2016, Kursaal
    Bern". A page's own date line (its header, its stamp) names no venue."""
    return line[end:].strip(" ,.|/–—-") != "" and event_place.date_line_venue(line) is not None


_LABEL_REACH = 3  # lines above a date line searched for the event page's label
_LABEL_WORDS = 3  # words of a label: "Colloque", "Policy Dialogue", "EVENT"
_LABEL_WORD = re.compile(r"[^\W\d_]+")


def _event_label(line: str) -> bool:
    """A line that is only an event noun, as an event page labels its kind: "Colloque",
    "Policy Dialogue", "Séminaire", "EVENT"."""
    words = _LABEL_WORD.findall(line)
    if not 1 <= len(words) <= _LABEL_WORDS or any(ch.isdigit() for ch in line):
        return False
    return bool(lexicon.event_kinds(line) - {"not_event"})


def _names_event(title: str | None, text: str) -> bool:
    """The text calls the event by its name: most of the title's words ("2014 APG Typologies
    Workshop" in "2014 Typologies Workshop: 24 – 28 November 2014, Bangkok")."""
    name = _name_words(title or "")
    if len(name) < 2:
        return False
    return len(name & _name_words(text)) >= _NAMED_SHARE * len(name)


def _holds(span: EventDates, day: EventDates) -> bool:
    """``span`` is a longer run of days that contains ``day``."""
    if None in (span.start, span.end, day.start) or span.start == span.end:
        return False
    assert span.start is not None and span.end is not None and day.start is not None
    last = day.end or day.start
    return (
        span.start <= day.start
        and last <= span.end
        and (span.start, span.end)
        != (
            day.start,
            last,
        )
    )


# A "Week" in an event's name ("Counter-Terrorism Week") is a large meeting of meetings.
_NAMED_WEEK = re.compile(r"\bWeek\b")


def _length_of_another(title: str | None, text: str, start: int, end: int) -> bool:
    """A stated length beside another kind of meeting than the event's ("the Week ... will
    feature a conference followed by a two-day workshop"): a part's length, not the event's."""
    own = _kinds(title or "") | ({"large"} if _NAMED_WEEK.search(title or "") else set())
    after = text[start : end + 60]  # "a two-day ... workshop"; else "un séminaire de deux jours"
    window = after if lexicon.has_event_word(after, _NOUNS) else text[max(0, start - 30) : end]
    named = {k for k, nouns in _KINDS.items() if lexicon.has_event_word(window, nouns)}
    return bool(own and named and not own & named)


_HELD_AFTER = 25  # characters after a stated length searched for the meeting's verb


def _before_held(text: str, end: int) -> bool:
    """A stated length right before the meeting's own verb ("Durante tres días se reunieron en
    Santiago ...", "For three days experts met"): the meeting's length, said without its noun."""
    return lexicon.words("held").search(text[end : end + _HELD_AFTER]) is not None


def _beside_noun(text: str, start: int, end: int) -> bool:
    """A stated length that qualifies an event noun ("the three-day workshop", "conférence de
    deux jours"), not any span of days."""
    window = text[max(0, start - 30) : end + 40]
    return lexicon.has_event_word(window, _NOUNS)


def _shape(found: dates.DateRange, near: str | None, days: int | None) -> EventDates:
    """A one-day date with what the text says of it: a stated length fills the other end
    ("concluded today" after two days: the day before and today); an opening day alone has no
    known end and a closing day no known start (eval-format §5.5)."""
    if found.start != found.end:
        return _whole(found)
    day = found.start
    if days is not None and days >= 1:
        span = dt.timedelta(days=days - 1)
        if near == "closing":
            return EventDates(day - span, day)
        return EventDates(day, day + span)
    if near == "opening":
        return EventDates(day, None)
    if near == "closing":
        return EventDates(None, day)
    return EventDates(day, day)


def _today_start() -> re.Pattern[str]:
    """ "A two-day conference opened in Dushanbe today", "s'est ouverte aujourd'hui"."""
    return vocabulary()["today_start"]


def _today_end() -> re.Pattern[str]:
    """ "The seminar concluded today", "завершился сегодня"."""
    return vocabulary()["today_end"]


# The day a decision or mandate takes effect, not a meeting's: "proroger le mandat de six mois, à
# compter du 1er octobre", "with effect from 1 July", "mit Wirkung vom 1. Juli", "con efecto a
# partir del 1 de julio", "вступает в силу с 1 июля".
_TAKES_EFFECT = re.compile(
    r"(?:à\s+compter\s+du|with\s+effect\s+from|effective\s+(?:from|as\s+of)"
    r"|(?:prend|prendra|entre|entrera)\s+effet\s+(?:le|au|à\s+partir\s+du)|mit\s+Wirkung\s+(?:vom|zum|ab)"
    r"|con\s+efectos?\s+(?:a\s+partir\s+)?del?|вступа\w*\s+в\s+силу\s+с|вступ\w+\s+в\s+силу\s+с)"
    r"\s*(?:the\s+|le\s+)?$",
    re.IGNORECASE,
)
_EFFECT_REACH = 40  # characters before a date searched for the wording

# A year standing on its own in a name, not inside a document symbol ("CM(2022)27").
_YEAR_SENTENCES = 4  # the event's first sentences searched for the year its dates leave out


def _text_year(sentences: list[str]) -> int | None:
    """The one year the event's key sentences give on its own, when they give a year-less date
    and no full one. A year with a month of its own ("in June 2020") is that month's: it dates
    a year-less day of the same month only ("... on 7-8 November ... ahead of the summit in June
    2020" leaves November's year unknown)."""
    years: set[int] = set()
    month_years: list[tuple[int, int]] = []
    dated: set[int] = set()  # the months of the year-less dates
    for sentence in sentences:
        text = sentence
        for _found, start, end in reversed(dates.find_date_ranges(sentence)):
            text = text[:start] + " " + text[end:]
        for found, _, _ in dates.find_date_ranges(sentence, published=dt.date(2000, 6, 30)):
            dated |= {found.start.month, found.end.month}
        for month, year, start, end in reversed(dates.month_years(text)):
            month_years.append((month, year))
            text = text[:start] + " " + text[end:]
        years |= {int(y) for y in _TITLE_YEAR.findall(_HORIZON.sub(" ", text))}
    years |= {year for month, year in month_years if month in dated}
    return years.pop() if dated and len(years) == 1 else None


# A year, not part of a number, a path or a bracketed reference; a full stop after it ends the
# sentence ("... Africa 2024. More than ...") unless a digit or letter follows ("2024.06").
_TITLE_YEAR = re.compile(r"(?<![\w/.(-])((?:19|20)\d\d)(?![\w/)-]|\.[\w/])")
# A plan's horizon, not the year of a meeting: "a plan of action until 2027", "план действий до
# 2027 года", "d'ici 2030", "bis 2030", "hasta 2030".
_HORIZON = re.compile(
    r"\b(?:until|till|by|through|up\s+to|до|к|jusqu['’]en|d['’]ici(?:\s+à)?|bis|hasta)"
    r"\s+(?:(?:the\s+)?end\s+of\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_HEADING_WORDS = 6  # a heading line that is an event's name and its year ("Kriminalforum 2017")


def _heading_year(page_order: list[str], sentences: list[str]) -> int | None:
    """The year of a heading line of the page's opening that is an event's name and a year
    ("Kriminalforum 2017", "Jahrestagung 2019"), when one of the event's sentences calls the
    event by that name with a year-less date ("auf ihrem Kriminalforum am 29. Juni"): the year
    the event's name gives (eval-format §5.7)."""
    for line in page_order[:_CONTEXT]:
        if _PROSE_END.search(line) or len(line.split()) > _HEADING_WORDS:
            continue
        years = _TITLE_YEAR.findall(line)
        if len(years) != 1 or dates.find_date_ranges(line):
            continue
        name = _folded(_TITLE_YEAR.sub(" ", line)).strip(" -–—:|,")
        if len(name) < 4 or not lexicon.has_event_word(name, _NOUNS):
            continue
        year = int(years[0])
        named = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
        for sentence in sentences[:_SCANNED]:
            if (
                named.search(_folded(sentence))
                and not _TITLE_YEAR.search(sentence)
                and dates.find_date_ranges(sentence, published=dt.date(year, 7, 1))
            ):
                return year
    return None


# A press release's number and year in its header: "Pressemitteilung der Landeszentrale 63/2019",
# "Press release No. 12/2031", "Communiqué de presse n° 4/2031", "Пресс-релиз № 5/2031".
_RELEASE_NUMBER = re.compile(
    r"\b(?:Pressemitteilung|Pressemeldung|Presseinformation|Medienmitteilung|Medieninformation"
    r"|press\s+release|news\s+release|communiqué(?:\s+de\s+presse)?|comunicado(?:\s+de\s+prensa)?"
    r"|comunicato(?:\s+stampa)?|пресс-релиз)(?!\w)[^\n\d]{0,80}?(?:Nr\.?|No\.?|n[°º]|№)?\s*"
    r"\d{1,4}\s*/\s*((?:19|20)\d\d)(?![\d/.])",
    re.IGNORECASE,
)


# A page's own date to the month, opening its text: "date 2017-11", "2017-11".
_MONTH_STAMP = re.compile(r"\s*(?:date\s*:?\s*)?((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\d./-])", re.I)


def _month_stamp(page_order: list[str]) -> dt.date | None:
    """The month a page stamps itself with at its opening ("date 2017-11 ..."): no day, so no
    page date, but the year of the year-less days it announces (eval-format §5.7)."""
    found = _MONTH_STAMP.match(page_order[0]) if page_order else None
    return dt.date(int(found.group(1)), int(found.group(2)), 15) if found else None


_DATELINE_DASH = re.compile(r"\s{0,3}[-–—]\s")
_DATELINE_PLACE = re.compile(
    r"[^\W\d_][^\d,;:.!?]{0,30}(?:,\s{0,3}[^\W\d_][^\d,;:.!?]{0,30}){0,2},?\s{0,3}"
)
_DATELINE_REACH = 70  # characters of a dateline before its month and year


def _month_dateline(page_order: list[str], langs: list[str] | None) -> dt.date | None:
    """The month and year of a release's dateline ("Paris, France, janvier 2020 – Conduit
    ..."): no day, so no page date, but the year of the year-less days the release announces
    (eval-format §5.7)."""
    for line in page_order[:_CONTEXT]:
        found = dates.month_years(line[: _DATELINE_REACH + 30], langs)
        if not found:
            continue
        month, year, start, end = found[0]
        before = line[:start]
        if (
            start <= _DATELINE_REACH
            and (not before.strip() or _DATELINE_PLACE.fullmatch(before))
            and _DATELINE_DASH.match(line, end)
            and not dates.find_date_ranges(line[: end + 3], languages=langs)
        ):
            return dt.date(year, month, 15)
    return None


def _release_year(page_order: list[str]) -> int | None:
    """The year of a numbered press release ("Pressemitteilung ... 63/2019"): offices number
    their releases within the year, so the number's year is the release's, and the year of the
    year-less dates it announces (eval-format §5.7)."""
    for line in page_order[:_CONTEXT]:
        found = _RELEASE_NUMBER.search(line)
        if found:
            return int(found.group(1))
    return None


_FULL_YEAR = re.compile(r"(?:19|20)\d\d")  # a date written with its year
_NOUN_BEFORE_YEAR = 60  # characters before a page's year searched for another meeting's noun
_SINCE_WORDS = lexicon.words("date_word", "since")  # "since", "the anniversary of"


def _page_year(page_order: list[str]) -> int | None:
    """The one year the page names, standing alone, when the page prints no date with a year
    at all (no full date, no "June 2020") and the event's sentences give none: "the results of
    the commissions' work in 2010" beside "on 30 November" (eval-format §5.7, "the rest of the
    text"). A year of another dated thing or named meeting is that one's; a historic year
    ("since 2001"), a heading's year ("Annual report 2031") and a plan's horizon ("until 2030")
    are no such year; two different years leave it unknown."""
    years: set[int] = set()
    for line in page_order:
        if dates.month_years(line) or any(
            _FULL_YEAR.search(line, start, end)
            for _, start, end in dates.find_date_ranges(line, published=dt.date(2000, 6, 30))
        ):
            return None  # a dated thing: its year is its own
        if not _PROSE_END.search(line):
            continue  # a heading's year ("Annual report 2031") is its own thing's
        text = _HORIZON.sub(" ", line)
        for m in _TITLE_YEAR.finditer(text):
            before = text[max(0, m.start() - _NOUN_BEFORE_YEAR) : m.start()]
            if _SINCE_WORDS.search(text[: m.start()]) or relative_dates.is_historic(
                text, m.start(), m.end()
            ):
                continue  # "the anniversary of the great march, held in 1994": a past year
            if lexicon.has_event_word(before, _NOUNS):
                continue  # "to host the conference in Mongolia in 2019": another meeting's year
            years.add(int(m.group(1)))
            if len(years) > 1:
                return None
    return years.pop() if years else None


def _title_year(title: str | None) -> int | None:
    """The one year an event's name gives ("2017 Chairmanship OSCE-wide ... Conference"); a
    year inside a full date of a heading ("1430th meeting, 30 March 2022") is that date's."""
    text = title or ""
    for _, start, end in reversed(dates.find_date_ranges(text)):
        text = text[:start] + " " + text[end:]
    years = set(_TITLE_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None


# Kinds of meeting: a page may call its seminar a roundtable, but not a workshop a conference.
# Large (conference, forum, summit, Tagung, ...) and small (seminar, workshop, round table,
# webinar, ... and training courses) event nouns of the lexicon.
_KINDS = {"large": frozenset({"large"}), "small": frozenset({"small", "training"})}
# A council is no event noun, but "the OSCE Ministerial Council, meeting in Basel on 4-5 December"
# is a large meeting of its own.
_COUNCIL = re.compile(r"\bcouncils?\b", re.I)


def _kinds(text: str) -> set[str]:
    return set(_kinds_of(text))


@short_text_cache(maxsize=2048)  # the title is asked about once per sentence of the page
def _kinds_of(text: str) -> frozenset[str]:
    found = {k for k, nouns in _KINDS.items() if lexicon.has_event_word(text, nouns)}
    return frozenset(found | {"large"} if _COUNCIL.search(text) else found)


def _about_another_event(title: str | None, sentence: str) -> bool:
    """A sentence naming only another kind of meeting than the page's event ("The Swiss OSCE
    Chairmanship convened on 23-24 April 2014 an OSCE-wide conference" under a workshop's title)."""
    own, named = _kinds(title or ""), _kinds(sentence)
    if not own or not named or own & named:
        return False
    return not re.search(r"\b(?:this|the)\s+(?:[\w-]+\s+){0,2}event\b", sentence, re.I)


def _extended(found: EventDates, sentences: list[str], langs: list[str] | None) -> EventDates:
    """A one-day or open-ended date, and "The conference will last until June 21", "продлится
    до 17 июня" elsewhere: its end (within a week of the start)."""
    start = found.start
    if start is None:
        return found
    for sentence in sentences[:40]:
        for at in relative_dates.until_positions(sentence):
            end = dates.parse_single_date(sentence[at : at + 40], published=start, languages=langs)
            if end is None:
                weekday = relative_dates.until_weekday(sentence[at : at + 20], langs)
                if weekday is not None:
                    # "runs through Friday": the first such weekday from the start on
                    end = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
            if end and start < end <= start + dt.timedelta(days=7):
                return EventDates(start, end)
    return found


_DEADLINE_PHRASE = re.compile(_REGISTRATION.pattern, re.I)


def _without_deadlines(sentence: str) -> str:
    """A registration deadline is not the event's date."""
    return _DEADLINE_PHRASE.sub(lambda m: " " * len(m.group(0)), sentence)


def _span_from_report(
    found: dates.DateRange, sentences: list[str], langs: list[str] | None
) -> EventDates:
    """A press release's "Date: 6 July 2017" is the day it was issued; when its dateline sentence
    says "a two-day seminar ... concluded today", the event spans the days before it."""
    if found.start != found.end:
        return _whole(found)
    for sentence in sentences[:5]:
        hits = dates.find_date_ranges(_without_deadlines(sentence), languages=langs)
        if hits and _reported_span(hits[0][0], found, sentence):
            # "Date: 28 September 2017 ... co-hosted the meeting last 18-21 September 2017": a
            # report issued after the meeting it dates in full.
            return _whole(hits[0][0])
        if hits and hits[0][0] == found:
            if _today_end().search(sentence) or _today_start().search(sentence):
                near = "closing" if _today_end().search(sentence) else "opening"
                days = relative_dates.stated_days(sentence)
                if days is not None:
                    return _shape(found, near, days[0])
            return _whole(found)
    return _whole(found)


_REPORT_LAG = dt.timedelta(days=31)  # the longest a report of a meeting follows it


def _reported_span(span: dates.DateRange, issued: dates.DateRange, sentence: str) -> bool:
    """A span of several days, with its year, ending before the report's own day (within a
    month), in a sentence that names an event and its held, hosted, opening or closing verb."""
    return (
        span.start < span.end < issued.start <= span.end + _REPORT_LAG
        and relative_dates.sentence_verb(sentence) is not None
        and lexicon.has_event_word(sentence, _NOUNS | {"week"})
    )


def read_registration(raw: RawEvent, langs: list[str] | None) -> dt.date | None:
    """The registration deadline the page states, if any."""
    texts = [raw.registration_text] if raw.registration_text else []
    texts += [m.group("date") for m in _REGISTRATION.finditer(raw.body_text or "")]
    for text in texts:
        day = dates.parse_single_date(text, published=raw.published, languages=langs)
        if day:
            return day
    return None
