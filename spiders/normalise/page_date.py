"""The page's own date: the day a press release or news post was written, read from its text.

A page says when it was written in a dateline ("Strasbourg, 13.04.2011 –", "QUÉBEC, le 25 mai
2016 /CNW Telbec/ -", "06-11-2018, Djibouti (Djibouti):", "WASHINGTON, DC--(Marketwired -
February 18, 2016) -") or on a line of its own under the headline ("Monday, 9 November 2009",
"EUROPA PRESS 07/06/2016 13:22", "Publié le mardi 7 decembre 2021", "12 marzo 2019 | 09.30").
That day is not the event's: an event's "today", "Thursday" or "two-day" is resolved against it
(eval-format §5.4), and a year-less date takes its year from it (§5.7).

A site's crawl-time header ("mercredi 23 août 2017" above the headline, "Freitag, 26 April 2024")
is no page date: a weekday date line that opens the page is passed over. Nor is an event's heading,
a date line with the event's hours beside or under it ("Montag, den 17. November 2025" / "9.30 –
16.30 Uhr"): a page is posted at one time, an event runs for hours. Nor is a date line right under
an invitation ("... invite you to the symposium" / "Thursday, May 27 2021"): that is the day one
is invited to. The crawl date never stands in for the page's date here.

``classify`` says what a date found in a sentence is (a dateline, a date line, a publication
stamp, or running text); ``own_date`` reads the page's date from the opening of its text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from confwatch.spiders.normalise import dates

__all__ = ["DateUse", "classify", "hours_line", "opens_page", "own_date"]

_OPENING = 12  # sentences of a page read for its own date (a letterhead may come first)
_PREFIX = 70  # characters of a dateline before its date
# Small words a dateline's place may carry before the date ("QUÉBEC, le", "Wien, am").
_PREFIX_WORDS = frozenset({"le", "la", "am", "den", "el", "il", "du", "de", "on", "the", "dc"})
_TIME = r"\d{1,2}(?:[:.]\d{2}|h\d{2})(?:\s?(?:[ap]\.?m\.?|uhr|hs|h|ч\.?|et|gmt|utc|cet|msk))?"
# What follows a dateline's date: a time, an agency ("(WAM)", "/CNW Telbec/", ", Asia-Plus"), a
# place ("06-11-2018, Djibouti (Djibouti):"), then a dash, a colon, a closing parenthesis or
# the end of the line.
_DATELINE_TAIL = re.compile(
    rf"\s*(?:,?\s*(?:at\s+|à\s+|um\s+)?{_TIME})?\s*"
    # "/Independent Balkan News Agency" closing the line: an agency after one slash
    r"(?:\([^()]{1,30}\)|/[^/]{1,40}/|/\s?[^\W\d_][^/\n]{0,40}?\s*$"
    r"|,\s*[^\W\d_][^,:;–—()\n]{0,40}?(?:\s*\([^()]{1,30}\))?)?"
    r"\s*(?:--?|[–—:|]|\)|\.(?=\s|$)|$)",
    re.IGNORECASE,
)
_SECONDS = re.compile(r"\s{0,3}[,|]?\s{0,3}(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d(?!\d)")
_CLOCK_FIRST = re.compile(rf"\s*{_TIME}\s*[,|]?\s*", re.IGNORECASE)
_STAMP_TIME = re.compile(rf"(?<!\d){_TIME}(?!\d)", re.IGNORECASE)
_PUBLISHED = re.compile(
    r"\b(?:published|posted|updated|last\s+updated|date\s+of\s+publication|publication\s+date"
    r"|publié|mis\s+(?:en\s+ligne|à\s+jour)|опубликовано|обновлено|дата\s+публикации"
    r"|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato"
    r"|data\s+publikacji|opublikowano|data\s+dodania|dodano|data\s+aktualizacji|zaktualizowano)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# An event's hours: a span of clock times ("9.30 – 16.30 Uhr", "10:00 - 17:00", "from 9 am to
# 5 pm", "de 9h30 à 17h", "с 10:00 до 18:00", "von 9 bis 17 Uhr", "de 9:00 a 13:00"). A page's
# own date carries one time (when it was posted), never a span: a date line with hours is an
# event's heading.
_CLOCK = (
    r"(?:[01]?\d|2[0-3])"
    r"(?:[:.h][0-5]\d(?![./]\d)\s?(?:uhr|h|hrs|[ap]\.?m\.?)?|\s?(?:uhr|h|[ap]\.?m\.?)(?!\w))"
)
# An events calendar may print the start and end times side by side: "01.11.2031 09:00 17:00".
_TWO_CLOCKS = r"(?:[01]?\d|2[0-3]):[0-5]\d\s{1,3}(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:.])"
_HOURS = re.compile(
    rf"(?<![\w.:/-])(?:{_CLOCK}\s*(?:[-–—]|to|till|until|à|a|bis|до|hasta)\s*{_CLOCK}|{_TWO_CLOCKS})",
    re.IGNORECASE,
)
_FROM = r"(?:from|de|von|с|desde|de\s+las)\s+"
_HOURS_LINE = re.compile(
    rf"(?:{_FROM}(?:[01]?\d|2[0-3])\s*(?:to|à|a|bis|до|hasta)\s*{_CLOCK}|(?:{_FROM})?{_HOURS.pattern})"
    r"\s*(?:uhr|h|hrs)?\s*(?:\([^()]{1,20}\))?\W*",
    re.IGNORECASE,
)
_LISTED = 2  # sentences between two date lines of a list (a post's title, then its date)
_LINE_LEFT = 4  # words a date line may carry besides its date ("EUROPA PRESS", "FE Report")
_MENU_WORDS = 3  # a menu line above a date line: a few words between bars ("FR | EN")


@dataclass(frozen=True)
class DateUse:
    """What a date in a sentence is, for the page: ``dateline`` (the release's own date at the
    opening of its text), ``stamp`` (a line that is only a publication date, with a clock time
    or a "Published" word), ``line`` (a line that is only a date), ``clock`` (a site's "Today:"
    header: neither the page's date nor the event's) or ``text`` (running text)."""

    kind: str
    weekday: bool = False  # a weekday name stands beside the date
    published: bool = False  # a "Published" word says whose date it is
    hours: bool = False  # an event's hours follow the date ("17 May 2018 10:00 - 16:30")


def classify(
    sentence: str, hit: tuple[dates.DateRange, int, int], languages: Sequence[str] | None
) -> DateUse:
    """What the date ``hit`` (from ``dates.find_date_ranges(sentence)``) is."""
    found, start, end = hit
    before, after = sentence[:start], sentence[end:]
    weekday = _weekday_near(before, after, languages)
    single = found.start == found.end
    if single and _TODAY_HEADER.fullmatch(before) and not _LETTERS.search(after):
        return DateUse("clock", weekday)  # "Today: Friday, May 25th, 2018": the site's clock
    if single and _START_END_LABEL.search(before):
        # "Start: February 27, 2019 8:00 am / End: ...": an events calendar's fields, never a stamp
        return DateUse("line", weekday, hours=True)
    if single and _HOURS.match(after.lstrip(" ,|–—-")):
        return DateUse("line", weekday, hours=True)  # "Date: Thursday, 17 May 2018 10:00 - 16:30"
    if single and _SECONDS.match(after):
        # "Monday, 20 March 2023, 18:57:19 — Baku": a clock to the second is a site's live clock
        # or a posting time, never an event's schedule
        return DateUse("stamp", weekday)
    if single and _CLOCK_FIRST.fullmatch(before):
        return DateUse("stamp", weekday)  # "13:50 12/09/2019 В Петербурге эксперты ..."
    if single and _PUBLISHED.search(before[-30:]):
        # "... inquiétude Publié le mardi 7 decembre 2021"; "Publié le ..." opening the page is
        # no dateline's place either
        return DateUse("stamp", weekday, True)
    if single and start <= _PREFIX and _wire_dateline(before, after):
        return DateUse("dateline", weekday)  # "الدوحة في 5 مارس 2023 /قنا/ اختتمت ..."
    if single and len(before.split()) <= 1 and _CAPS_DATELINE.match(after):
        return DateUse("dateline", weekday)  # "date 2025-01-31 ISLAMABAD - The institute ..."
    if single and start <= _PREFIX and (not before.strip() or _place_prefix(before, languages)):
        tail = _DATELINE_TAIL.match(after)
        if tail and (tail.end() < len(after) or before.strip()):
            return DateUse("dateline", weekday)
        if not before.strip() and _story_date_follows(after, found.start, languages):
            return DateUse("dateline", weekday)
    rest = _WORD.findall(_STAMP_TIME.sub(" ", f"{before} {after}"))
    names = _weekdays(_langs(languages))
    words = [w for w in rest if w.lower().strip(".,") not in names]
    running = [
        w
        for w in words
        if (w[0].islower() and w.lower() not in _PREFIX_WORDS) or _ELIDED_WORD.match(w)
    ]
    if single and len(words) <= _LINE_LEFT and len(running) <= 1 and len(sentence) <= 90:
        stamped = _STAMP_TIME.search(before + " " + after) or _PUBLISHED.search(before)
        return DateUse("stamp" if stamped else "line", weekday)
    return DateUse("text", weekday)


# An events calendar's label before its start or end date: "Start:", "Ends:", "Beginn:", "Début :".
_START_END_LABEL = re.compile(
    r"(?<!\w)(?:starts?|ends?|begins?|beginn|ende|d[ée]but|fin|inicio|in[íi]cio|fim|inizio)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
# A site's running clock before a date: "Today: Friday, May 25th, 2018", "Сегодня: 5 мая 2020",
# "Aujourd'hui : ...", "Heute ist ...". The day the page was read, never the day it was written
# (eval-format §5.4).
_TODAY_HEADER = re.compile(
    r"\W*(?:today(?:\s+is)?|aujourd['’]hui(?:\s+nous\s+sommes)?|heute(?:\s+ist)?|hoy(?:\s+es)?"
    r"|oggi(?:\s+è)?|сегодня|бүгүн|бүгін|bugun|бугун)\s*[:,–—-]?\s*(?:\w+\s*,?\s*)?",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{3,}")  # a word after a clock's date: a sentence goes on
# A dateline's city in capitals and its dash right after a date: "2025-01-31 ISLAMABAD - ...".
_CAPS_DATELINE = re.compile(r"\s{1,3}(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ .'-]{2,30}?)\s?[-–—:]\s")

# An Arabic wire dateline: a place of one to three words (Arabic has no capitals to mark it),
# "في" or a comma, and a Hijri date with "هـ الموافق" ("corresponding to") before the Gregorian
# one: "الرياض 12 شعبان 1445 هـ الموافق 22 فبراير 2024 م واس", "الدوحة في 5 مارس 2023 /قنا/".
_WIRE_PLACE = re.compile(
    r"[^\W\d_]{2,}(?:[\s-][^\W\d_]{2,}){0,2}\s*[,،]?\s*(?:في\s+)?"
    r"(?:(?:\d{1,2}\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+\d{3,4}\s*هـ?\.?\s*الموافق\s*(?:لـ?\s*)?)?",
)
# After the Gregorian date ("م" marks it as such), the agency that sent the release: its name
# (Saudi SPA, Qatari QNA, Emirati WAM, Bahraini BNA, Kuwaiti KUNA, Yemeni Saba, Jordanian Petra,
# Syrian SANA, Palestinian WAFA, Iraqi INA, Omani ONA, Egyptian MENA), in brackets or slashes or
# not; or any short name between slashes, or in brackets before a dash ("(وكالات) -"). A date
# at a story's opening with none of these is the story's.
_WIRE_AGENCY = r"واس|قنا|وام|بنا|كونا|سبأ|بترا|سانا|وفا|واع|العمانية|أ\s?ش\s?أ"
_WIRE_TAIL = re.compile(
    rf"\s*(?:م\.?\s*)?(?:[-–—:]\s*)?(?:[(/]\s*)?(?:{_WIRE_AGENCY})(?![^\W\d_])"
    r"|\s*(?:م\.?\s*)?(?:/[^/\d]{2,20}/|\([^()\d]{2,20}\)\s*[-–—:])",
)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TASHKEEL = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def _wire_dateline(before: str, after: str) -> bool:
    """An Arabic news agency's dateline: a place, an optional Hijri date "... هـ الموافق", the
    Gregorian date, then the agency ("واس", "(بنا) -", "/قنا/"). The date is the
    release's, never an event's: a story's own first line opens with a verb or "في", and an
    event's date in running text has no agency after it."""
    head = _TASHKEEL.sub("", before).strip()  # "عمّان": vowel marks are no letters to \w
    if not head or not _ARABIC.search(head) or _WIRE_PLACE.fullmatch(head) is None:
        return False
    if head.split()[0] in _WIRE_OPENERS:
        return False  # "في 19 فبراير 2021 -": a story opening on its date, no place before it
    return _WIRE_TAIL.match(after) is not None


# Words that open a story, never a dateline's place ("in", "on", "held", "organised").
_WIRE_OPENERS = frozenset({"في", "يوم", "تعقد", "عقد", "عقدت", "نظمت", "ينظم", "تنظم", "انطلقت"})


def _story_date_follows(after: str, day: dt.date, languages: Sequence[str] | None) -> bool:
    """Another date opens the text right after this one ("03.09.2021 2 сентября ... состоялся",
    "12/05/2019 Le 10 mai, ..."): a story never opens with two dates in a row, so the first is
    the page's own, printed glued to its first line. The story's date is written in words: two
    numeric dates in a row are a table's start and end columns."""
    gap = len(after) - len(after.lstrip())
    if gap == 0:
        return False
    hits = dates.find_date_ranges(after[: gap + 44], published=day, languages=languages)
    if not hits or not _STORY_OPENING.fullmatch(after, gap, hits[0][1]):
        return False
    return _LETTER.search(after, hits[0][1], hits[0][2]) is not None


_LETTER = re.compile(r"[^\W\d_]")
# What may open a story before its date: nothing, or one short word ("On", "Le", "El", "Am").
_STORY_OPENING = re.compile(r"(?:[^\W\d_]{1,3}\s{1,3})?")


def own_date(
    sentences: Sequence[str], languages: Sequence[str] | None = None
) -> tuple[dt.date, str] | None:
    """The page's date from the opening sentences of its text (``split_sentences``), and the
    sentence it is in: a dateline or a publication stamp first, else a date line under the
    headline. A year-less dateline ("ISLAMABAD, Jul 11 (APP):") gives no date.

    A weekday date line is a site's crawl-time header when it opens the page ("mercredi 23 août
    2017" above the headline, or under a language menu "FR | EN") or when the opening prints
    another date of the page ("Флаг Суббота, 23 ноября 2024" above "28 мая 2018, 17:31");
    otherwise it is the page's date ("Monday, 9 November 2009" under the headline)."""
    found: list[tuple[int, int, dt.date, str]] = []  # (rank, index, day, sentence)
    for i, sentence in enumerate(sentences[:_OPENING]):
        hits = dates.find_date_ranges(sentence[:200], languages=languages)
        if not hits:
            continue
        use = classify(sentence, hits[0], languages)
        if use.kind in ("text", "clock") or use.hours or hours_line(sentences[i + 1 : i + 2]):
            continue  # running text, a site's clock, or an event's date with its hours
        if use.kind == "line" and i and _INVITATION.search(sentences[i - 1]):
            continue  # "... invite you to the symposium" / "Thursday, May 27 2021": its date
        header = not use.published and (
            use.weekday or _only_weekday_line(sentence, hits[0], languages)
        )
        if header and opens_page(sentences, i):
            continue
        rank = 2 * header + (use.kind == "line")
        found.append((rank, i, hits[0][0].start, sentence))
    if not found:
        return None
    rank, index, day, sentence = min(found)
    if rank % 2 and any(
        r == rank and d != day and abs(i - index) <= _LISTED for r, i, d, _ in found
    ):
        # "Workshops on CTF / February 20, 2019 / Mock Trial ... / March 14, 2019": date lines
        # of other days close together are a list of other posts, none of them this page's
        return None
    return day, sentence


# An invitation's wording: the date line right under it is the day one is invited to, not the
# day the page was written ("... invite you to the international symposium" / "Thursday, May 27
# 2021"; "laden Sie herzlich ein"; "vous invitent à"; "приглашает принять участие").
_INVITATION = re.compile(
    r"\b(?:invites?\s+you|(?:cordially|kindly)\s+invited?|you\s+are\s+invited|invitation\s+to"
    r"|vous\s+invit(?:e|ent|ons)|invitation\s+à|laden?\s+(?:Sie|euch|dich)\b|Einladung\s+zu[mr]?"
    r"|приглаша(?:ет|ют|ем)|(?:les?|os)\s+invita(?:n|mos)?|vi\s+invita(?:no)?)",
    re.IGNORECASE,
)


def opens_page(sentences: Sequence[str], index: int) -> bool:
    """The sentence at ``index`` opens the page: nothing but menu lines of a few words between
    bars ("FR | EN", "Français | English") stands above it (a short headline is no menu)."""
    return all(len(_WORD.findall(s)) <= _MENU_WORDS and "|" in s for s in sentences[:index])


def hours_line(lines: Sequence[str]) -> bool:
    """The first of ``lines`` is an event's hours on a line of their own ("9.30 – 16.30 Uhr",
    "10:00 - 17:00 (CET)", "de 9h30 à 17h"): the date line above it is the event's."""
    return bool(lines) and _HOURS_LINE.fullmatch(lines[0].strip()) is not None


def _only_weekday_line(
    sentence: str, hit: tuple[dates.DateRange, int, int], languages: Sequence[str] | None
) -> bool:
    """A line of a weekday, even abbreviated ("Sa 27.07.2024", "Флаг Суббота, 23 ноября 2024"),
    and its date."""
    _, start, end = hit
    forms = dates.weekday_forms(_langs(languages))
    words = _WORD.findall(sentence[:start] + " " + sentence[end:])
    return any(w.lower().strip(".,") in forms for w in words) and len(words) <= 2


def _langs(languages: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(languages) if languages else dates.DEFAULT_LANGUAGES


@lru_cache(maxsize=16)
def _weekdays(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(dates.weekday_names(languages))


def _weekday_near(before: str, after: str, languages: Sequence[str] | None) -> bool:
    names = _weekdays(_langs(languages))
    near = _WORD.findall(before[-25:]) + _WORD.findall(after[:25])
    return any(w.lower().strip(".,") in names for w in near)


# What sets a dateline's place apart from its date: "Wien, am", "APS : ", "DC--(Marketwired - ".
_PLACE_MARK = re.compile(r"[,:;()/|–—-]")
_ON_DAY = re.compile(r"\s(?:am|on)$", re.IGNORECASE)  # "X am 6. Juni", "X on 6 June": X's day
# An elided French word before a lower-case one ("C'était le vendredi ...", "L'an dernier",
# "Qu'il"): the opening of a sentence, never a place ("N'Djamena", "L'Aquila" go on in capitals).
_ELIDED_WORD = re.compile(r"[^\W\d_]['’][a-zà-ÿ]")


def _place_prefix(before: str, languages: Sequence[str] | None) -> bool:
    """The text before a date is a dateline's place and agency ("DUSHANBE, ", "QUÉBEC, le ",
    "WASHINGTON, DC--(Marketwired - ", "APS : Wednesday, "): capitalised words, no sentence."""
    text = before.strip()
    if not text:
        return True
    if re.search(r"[.!?]\s", text) or len(text) > _PREFIX:
        return False
    if _ON_DAY.search(text) and not _PLACE_MARK.search(text):
        return False  # "4. TRIFORIS am 06. Juni 2017": an event's heading ("Wien, am" has a comma)
    names = _weekdays(_langs(languages))
    words = _WORD.findall(text)
    forms = dates.weekday_forms(_langs(languages))
    if words and all(w.lower().strip(".,") in forms for w in words):
        return False  # "Fri, 23 Feb 2018": an abbreviated weekday is no place either
    place = False
    for word in words:
        plain = word.lower().strip(".,")
        if plain in _PREFIX_WORDS or plain in names:
            continue
        if not word[0].isupper() or _ELIDED_WORD.match(word):
            return False
        place = True
    # Only a weekday before the date ("Monday, 9 November 2009") is a date line, not a dateline.
    return place
