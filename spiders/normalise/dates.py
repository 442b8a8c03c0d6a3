"""Dates and date ranges as conference pages write them, turned into day-precise `DateRange`s.

This module owns the date grammar: day ranges ("20-21 June 2019"), cross-month and cross-year
ranges, "from ... to ..." / "... and ...", US order ("December 18-19, 2019"), numeric day-first
("17.12.2019", "06-11-2018") and ISO dates, year-first dates ("2014 йил 18 ноябрь", "2019 оны 6
дугаар сарын 20-21", "2019年6月20日"), a range whose ends carry times ("27.11.2019, 13:30 Uhr,
bis Donnerstag, 28.11.2019"), a missing year, and other languages; and the weekday names
``relative_dates`` resolves against a page's date. Neither dateparser nor
datefinder parses ranges (field-notes "Dates"), so the grammar is ours: a few regular expressions
whose month and weekday words come from dateparser's own locale data, so every language dateparser
knows is spoken here too. dateparser itself is only a fallback for short texts the grammar cannot
read, always with `languages` set (~1 ms instead of ~7) and all of day, month and year required.

Never invents a day ("June 2018" is no date) or a year (unknown stays None), never returns an end
before its start, and never raises, whatever the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib.util
import itertools
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from confwatch.spiders.normalise import lexicon, pattern_cache
from confwatch.spiders.normalise.text_cache import MAX_CACHED

# The languages our sources write in, when a page does not say its own: month names of all of
# them are read on every page (a text capture carries no language, and "12 marzo 2019" is on it).
# Turkish, Azerbaijani, Georgian, Uzbek and Kazakh month names ("18 Nisan 2019") are no ordinary
# words of the others, nor are Arabic ones, whose wire datelines ("الرباط 07 رجب 1442 هـ الموافق
# 19 فبراير 2021 م واس") page_date tells from an event's date.
DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "fr", "ru", "de", "es", "it", "pt", "uk", "be")
DEFAULT_LANGUAGES += ("tr", "az", "ka", "uz", "kk", "ar")
DEFAULT_LANGUAGES += ("pl",)  # Polish: "28 czerwca 2012", "w dniach 21-22 listopada 2018"
DEFAULT_LANGUAGES += ("nl",)  # Dutch: "14 maart 2019", "van 3 tot en met 5 oktober 2022"
MAX_TEXT = 500_000  # characters read; a body is far smaller, and a scan must stay well under 1 s
MAX_FALLBACK_TEXT = 64  # longer texts are sentences, which dateparser.parse cannot read anyway
YEAR_WINDOW = dt.timedelta(days=183)  # a missing year puts the date within ~6 months of the anchor

# dateparser's locale data keys months and weekdays by their English names.
_MONTH_KEYS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june")
_MONTH_KEYS += ("july", "august", "september", "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Month abbreviations that are ordinary words of another language ("12 out of 15", "a set of 3").
_NOT_MONTHS = frozenset({"out", "set", "sen", "ago"})


# Month names a language writes that dateparser's locale data lacks. Arabic: the Levantine and
# Iraqi names (Syriac in origin, written in Syria, Lebanon, Jordan, Palestine and Iraq) beside the
# Egyptian "يناير"; each with and without its hamza or madda, as both are printed.
_LEVANTINE = (
    ("كانون الثاني", "كانون الثانى"),
    ("شباط",),
    ("آذار", "اذار"),
    ("نيسان",),
    ("أيار", "ايار"),
    ("حزيران",),
    ("تموز",),
    ("آب", "اب"),
    ("أيلول", "ايلول"),
    ("تشرين الأول", "تشرين الاول"),
    ("تشرين الثاني", "تشرين الثانى"),
    ("كانون الأول", "كانون الاول"),
)
# The Maghreb's names, from French: Algeria and Tunisia ("جانفي", "جوان", "أوت"), Morocco
# ("يوليوز", "غشت", "شتنبر", "دجنبر"); and "إبريل" with its hamza below.
_MAGHREB = (
    ("جانفي",),
    ("فيفري",),
    (),
    ("أفريل", "افريل", "إبريل"),
    ("ماي",),
    ("جوان",),
    ("جويلية", "يوليوز"),
    ("أوت", "اوت", "غشت"),
    ("شتنبر",),
    (),
    ("نونبر",),
    ("دجنبر",),
)
# Azerbaijani and Uzbek (Latin) month names that take a case ending in news ("oktyabrda",
# "noyabrın 12-də", "15-noyabrdagi"): the full names only, read with the endings below, so that
# "maydon" (a square) or "martaba" (a rank) stay words.
_TURKIC_LATIN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("yanvar",),
    ("fevral",),
    ("mart",),
    ("aprel",),
    ("may",),
    ("iyun",),
    ("iyul",),
    ("avqust", "avgust"),
    ("sentyabr", "sentabr"),
    ("oktyabr", "oktabr"),
    ("noyabr",),
    ("dekabr",),
)
_TURKIC_LATIN = {
    form: number for number, forms in enumerate(_TURKIC_LATIN_MONTHS, start=1) for form in forms
}
_TURKIC_LATIN_LANGUAGES = frozenset({"az", "uz", "uz-Latn"})
_CYRILLIC_TURKIC_LANGUAGES = frozenset({"kk", "ky", "uz", "uz-Cyrl"})
# Case endings after a month name: locative, ablative, genitive, dative, "of the" (Uzbek -dagi),
# "until" (-dək, -gacha), the possessive of a date ("noyabrı").
_TURKIC_ENDING = (
    r"(?:da|də|dan|dən|dək|adək|ədək|dagi|gacha|ga|ning|nın|nin|ın|in|un|ün|ında|ində|unda|ündə"
    r"|a|ə|ı|i)"
)
# Georgian: the locale data lists the nominative ("ოქტომბერი") only; news write the dative of a
# date ("12 ოქტომბერს"), the genitive ("ოქტომბრის"), "from" and "until" ("ოქტომბრიდან",
# "ოქტომბრამდე") and "in" ("ოქტომბერში"), the months in -ერი/-არი/-ალი dropping that vowel
# before a vowel ending. Each month: its stem before a consonant ending, and before a vowel one.
_GEORGIAN = (
    ("იანვარ", "იანვრ"),
    ("თებერვალ", "თებერვლ"),
    ("მარტ", "მარტ"),
    ("აპრილ", "აპრილ"),
    ("მაის", "მაის"),
    ("ივნის", "ივნის"),
    ("ივლის", "ივლის"),
    ("აგვისტო", "აგვისტო"),
    ("სექტემბერ", "სექტემბრ"),
    ("ოქტომბერ", "ოქტომბრ"),
    ("ნოემბერ", "ნოემბრ"),
    ("დეკემბერ", "დეკემბრ"),
)


def _georgian_forms(whole: str, syncopated: str) -> tuple[str, ...]:
    if whole.endswith("ო"):  # "აგვისტო": the endings join the vowel
        return (whole, whole + "ს", whole + "დან", whole + "მდე", whole + "ში")
    return (whole + "ს", whole + "ში", syncopated + "ის", syncopated + "იდან", syncopated + "ამდე")


# Tajik: dateparser has no Tajik; its months are the Russian stems, bare ("12 октябр") or with
# the izofat ("12 октябри 2023", "моҳи майи"), read wherever Russian is.
_TAJIK = (
    ("январ", "январи"),
    ("феврал", "феврали"),
    ("марти",),
    ("апрел", "апрели"),
    ("майи",),
    ("июни",),
    ("июли",),
    ("августи",),
    ("сентябр", "сентябри"),
    ("октябр", "октябри"),
    ("ноябр", "ноябри"),
    ("декабр", "декабри"),
)
_EXTRA_MONTHS: dict[str, dict[str, int]] = {
    "ar": {
        form: number
        for names in (_LEVANTINE, _MAGHREB)
        for number, forms in enumerate(names, start=1)
        for form in forms
    },
    "ka": {
        form: number
        for number, stems in enumerate(_GEORGIAN, start=1)
        for form in _georgian_forms(*stems)
    },
    "ru": {form: number for number, forms in enumerate(_TAJIK, start=1) for form in forms},
}
# Mongolian names a month by its ordinal ("аравдугаар сарын 12"), as the numbers do ("10 дугаар
# сарын 12", "10-р сарын"); dateparser's locale writes them with "сар", so its words are not read.
_MONGOLIAN_MONTHS = {
    "нэгдүгээр": 1,
    "хоёрдугаар": 2,
    "гуравдугаар": 3,
    "дөрөвдүгээр": 4,
    "тавдугаар": 5,
    "зургаадугаар": 6,
    "долоодугаар": 7,
    "наймдугаар": 8,
    "есдүгээр": 9,
    "аравдугаар": 10,
    "арван нэгдүгээр": 11,
    "арван хоёрдугаар": 12,
}
# Arabic-Indic and Persian digits ("٢٥ تشرين الثاني ٢٠٢٥"), read as the ASCII digits they are;
# one character each, so offsets into the text stay the same.
_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_TO_ASCII = str.maketrans(
    {**{chr(0x660 + i): str(i) for i in range(10)}, **{chr(0x6F0 + i): str(i) for i in range(10)}}
)


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Persian digits written as ASCII digits (same length)."""
    return text.translate(_TO_ASCII) if _EASTERN_DIGITS.search(text) else text


@dataclass(frozen=True)
class DateRange:
    start: dt.date
    end: dt.date  # == start for one-day events; never before start


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _locale_info(code: str) -> dict[str, Any]:
    """dateparser's locale data for ``code`` (``dateparser.data.date_translation_data.<code>``).

    The module is run from its file, without importing the ``dateparser`` package: that import
    costs ~0.1 s in every crawl process, which needs only these dictionaries of month and weekday
    names (the data modules import nothing). Once dateparser is loaded its module is used.
    """
    name = f"dateparser.data.date_translation_data.{code}"
    loaded = sys.modules.get(name)
    if loaded is not None:
        return dict(loaded.info)
    package = importlib.util.find_spec("dateparser")  # locates it without importing it
    if package is None or not package.submodule_search_locations:
        raise ImportError(name)
    folder = Path(package.submodule_search_locations[0], "data", "date_translation_data")
    spec = importlib.util.spec_from_file_location(
        f"_confwatch_locale_{code}", folder / f"{code}.py"
    )
    if spec is None or spec.loader is None:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.info)


@lru_cache(maxsize=64)
def _lexicon(languages: tuple[str, ...]) -> tuple[dict[str, int], frozenset[str]]:
    """Month words -> month number, and weekday words, from dateparser's locale data."""
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for code in languages:
        if not _LANGUAGE_CODE.fullmatch(code):
            continue  # never import a module named by arbitrary configuration text
        try:
            info = _locale_info(code)
        except Exception:  # an unknown language is simply not understood
            continue
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, []):
                # The word, then its unaccented form: in this order in every process (a set's
                # order follows the string hash's seed), so the patterns' text is the same.
                lowered = word.lower().rstrip(".")
                for form in dict.fromkeys((lowered, _strip_accents(lowered))):
                    # Two-letter abbreviations ("ma", "di") are ordinary words in running text.
                    if len(form) >= 3 and form.isalpha() and form not in _NOT_MONTHS:
                        months.setdefault(form, number)
        for key in _WEEKDAY_KEYS:
            weekdays.update(w.lower().rstrip(".") for w in info.get(key, []) if len(w) >= 3)
        for form, number in _EXTRA_MONTHS.get(code, {}).items():
            months.setdefault(form, number)
    return months, frozenset(weekdays)


@lru_cache(maxsize=64)
def weekday_names(languages: tuple[str, ...]) -> dict[str, int]:
    """Full weekday names (lower case) -> weekday number (Monday 0), from dateparser's locale
    data: "thursday", "jeudi", "четверг", "в среду" as "среду". Abbreviations ("sat", "sun",
    "mi") are ordinary words and left out, as is a name that only begins a longer one
    (Portuguese "quarta" of "quarta-feira" is also "fourth")."""
    out: dict[str, int] = {}
    for code in _languages(languages):
        if not _LANGUAGE_CODE.fullmatch(code):
            continue
        try:
            info = _locale_info(code)
        except Exception:  # an unknown language is simply not understood
            continue
        for number, key in enumerate(_WEEKDAY_KEYS):
            forms = {w.lower().rstrip(".") for w in info.get(key, [])}
            for form in forms:
                if len(form) < 5 or any(f.startswith(form + "-") for f in forms):
                    continue
                out.setdefault(form, number)
                # Slavic accusative ("в пятницу", "у сераду", "в п'ятницю").
                if form[-1] in "ая" and not form.isascii():
                    out.setdefault(form[:-1] + ("у" if form[-1] == "а" else "ю"), number)
    return out


@lru_cache(maxsize=64)
def weekday_forms(languages: tuple[str, ...]) -> frozenset[str]:
    """Every weekday name and abbreviation (lower case, two letters or more: "sa", "mer",
    "пн"), to tell a line that is only a weekday and a date."""
    out: set[str] = set()
    for code in _languages(languages):
        if not _LANGUAGE_CODE.fullmatch(code):
            continue
        try:
            info = _locale_info(code)
        except Exception:  # an unknown language is simply not understood
            continue
        for key in _WEEKDAY_KEYS:
            out.update(w.lower().rstrip(".") for w in info.get(key, []) if len(w) >= 2)
    return frozenset(out)


@lru_cache(maxsize=64)
def weekday_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    """The full weekday names of ``weekday_names`` as whole words, case-insensitive."""
    names = weekday_names(languages)
    return re.compile(rf"(?<![^\W\d_])(?:{_alternation(sorted(names))})(?![^\W\d_])", re.IGNORECASE)


def _alternation(words: Sequence[str]) -> str:
    """A regex matching any of the words, as a trie: each character is tried once, not once per
    word, which keeps a scan of a large page fast (a flat alternation of ~150 words is not)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # end of a word

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here; the longer ones are tried first (greedy "?")
            return f"(?:{body})?"
        return body

    return pattern(trie) or "(?!)"


# Every form names its parts alike; a single date fills the first or the second half only.
_PART_NAMES = ("d1", "m1", "y1", "d2", "m2", "y2")
_Parts = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def _parts(match: re.Match[str]) -> _Parts:
    found = match.groupdict()
    d1, m1, y1, d2, m2, y2 = (found.get(name) for name in _PART_NAMES)
    if m2 is None and found.get("mw"):  # a Mongolian month by its ordinal ("арван нэгдүгээр")
        m2 = " ".join(str(found["mw"]).split())
    middle = found.get("mid")
    if middle and d1 and d2:
        days = [int(d1), *(int(d) for d in re.findall(r"[0-9]+", middle)), int(d2)]
        if any(b != a + 1 for a, b in itertools.pairwise(days)):
            d1 = str(days[-2])  # not one run of days: the last two, as a pair of days reads
    return d1, m1, y1, d2, m2, y2


@lru_cache(maxsize=64)
def _grammar(languages: tuple[str, ...]) -> tuple[dict[str, int], tuple[re.Pattern[str], ...]]:
    """Month words and the compiled forms for one set of languages."""
    months, weekdays = _lexicon(languages)
    month = rf"(?<![^\W\d_])(?:{_alternation(list(months))})(?![^\W\d_])\.?"
    weekday = rf"(?:(?:{_alternation(sorted(weekdays))})\.?,?\s{{1,6}})?"

    def day(name: str) -> str:
        # Not part of a longer number, a time ("10:00") or a decimal; ordinals "21st", "1er".
        # The second day of a range follows a separator, which may be a hyphen.
        left = r"(?<![\w.:/+@#№-])" if name == "d1" else ""
        return rf"{left}(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?![0-9:])(?:st|nd|rd|th|er)?\b"

    def year(name: str) -> str:
        of = r",?\s{1,6}(?:of\s{1,6}|de\s{1,6})?"  # "June, 2019", "de junio de 2019"
        russian_suffix = r"(?:\s?(?:года|год|г\.|г\b))?"  # "2019 г.", "2019 года"
        return rf"(?:{of}(?P<{name}>(?:19|20)[0-9]{{2}})(?![0-9]){russian_suffix})?"

    # Whitespace runs are bounded: a date never spans a page of blanks, and the scan stays linear.
    # The range words of every language ("to", "au", "bis", "tot en met", "do", "and", "en")
    # are the lexicon's date_word range rows.
    sep = (
        r"(?:\s{0,6}(?:[-–—‒―−/&]|\.\.)\s{0,6}"
        rf"|\s{{1,6}}{lexicon.fragment('date_word', 'range_to', 'range_and')}\s{{1,6}}"
        # the second day may repeat its article: "entre el 25 y el 29", "le 15 et le 16"
        r"(?:(?:el|il|le|the|o)\s{1,6})?"
        # Arabic glues its "and" to the second day: "يومي 12 و13 مارس"
        r"|\s{1,6}و(?=[0-9]))"
    )
    of = r"(?:\s{1,6}(?:of|de|del))?\s{1,6}"
    # "20-21 June 2019", "30 September - 1 October 2020", "6 July 2017", "17 December"
    # "16.Mai 2018": a German ordinal's dot may stand for the space before the month.
    glued = rf"(?:{of}|(?<=[0-9]\.))"
    # "Les 21, 22 et 23 novembre", "28,29 y 30 de enero": a list of days runs from its first to
    # its last when its days follow each other ("21" and "23" are the range's ends); otherwise
    # ("Article 5, 21 and 22 November") the last two make it, as before.
    middle = r"(?P<mid>(?:\s{0,3},\s{0,6}(?:3[01]|[12][0-9]|0?[1-9])(?![0-9:])\.?){1,4})"
    dmy = (
        rf"{day('d1')}\.?(?:(?:{of}(?P<m1>{month}){year('y1')}|{middle})?{sep}{weekday}"
        rf"{day('d2')}\.?)?"
        rf"{glued}(?P<m2>{month})(?:\s{{0,2}}/\s{{0,2}}{month})?{year('y2')}"
    )
    # "December 18-19, 2019", "June 30 - July 2, 2019", "December 17". Month-first dates are
    # written with a capital; lowercase "may 2" is the verb ("it may 2 times").
    capital = r"(?-i:(?=[A-ZÀ-ÖØ-ÞА-ЯЁ]))"
    mdy = (
        rf"{capital}(?P<m1>{month})\s{{1,6}}{day('d1')}{year('y1')}"
        rf"(?:{sep}(?:{weekday}(?P<m2>{month})\s{{1,6}})?{day('d2')}{year('y2')})?"
    )
    nd = r"(?P<{}>3[01]|[12][0-9]|0?[1-9])"
    nm = r"(?P<{}>1[0-2]|0?[1-9])"
    ny = r"(?P<{}>(?:19|20)[0-9]{{2}})"
    num_left = r"(?<![\w.:/+-])"
    num_right = r"(?![0-9]|[./][0-9])"
    num_end = rf"{nd.format('d2')}[./]{nm.format('m2')}[./]{ny.format('y2')}{num_right}"
    # "17.12.2019"; "12-13.11.2019", "30.09-1.10.2020", "12.11.2019 - 13.11.2019"
    num = rf"{num_left}{num_end}"
    # "Freitag, 11.02. (10:30 Uhr) bis Samstag, 12.02.2022": a dotted day and month, its hours
    # in brackets, a range word and the second day's weekday.
    hours = r"(?:\.?\s{0,3}\([^()\n0-9]{0,8}[0-9]{1,2}[:.h][0-9]{2}[^()\n]{0,24}\))?"
    to_word = lexicon.fragment("date_word", "range_to")
    num_range = (
        rf"{num_left}{nd.format('d1')}(?:[./]{nm.format('m1')}(?:[./]{ny.format('y1')})?)?{hours}"
        rf"(?:\s{{0,6}}[-–—]\s{{0,6}}|\.?\s{{1,6}}{to_word}\s{{1,6}})"
        rf"{weekday}{num_end}"
    )
    iso = r"(?P<{y}>(?:19|20)[0-9]{{2}})-(?P<{m}>1[0-2]|0[1-9])-(?P<{d}>3[01]|[12][0-9]|0[1-9])"
    iso_sep = r"(?:\s{0,6}[-–—/]\s{0,6}|\s{1,6}(?:to|until|through)\s{1,6})"
    # "2019-10-24", "2020-09-10 to 2020-09-11"
    iso_range = (
        rf"(?<![\w.-]){iso.format(y='y1', m='m1', d='d1')}"
        rf"(?:{iso_sep}{iso.format(y='y2', m='m2', d='d2')})?(?![0-9])"
    )
    # "06-11-2018" (day first, as the dotted form; "2019-10-24" is ISO and starts with the year)
    num_dash = (
        rf"{num_left}{nd.format('d2')}-{nm.format('m2')}-{ny.format('y2')}(?![0-9]|[-./][0-9])"
    )
    # Year first: "2014 йил 18 ноябрь" (Uzbek, Kazakh, Tajik write the year, a year word, then
    # the day and month); "2019 оны 6 дугаар сарын 20-21" (Mongolian: month number, days);
    # "2019年6月20日", "2019년 6월 20일".
    # Azerbaijani "2023-cü il", "2023-cü ilin": the ordinal's ending, then the year word;
    # Georgian "2023 წლის".
    year_word = (
        r"(?:йил\w*|yil\w*|жыл\w*|соли|года?|г\.|m\.|წლის|წ\.|(?:c[iıuü]\s{1,3})?il(?:in|də)?)"
    )
    days = rf"{day('d1')}(?:\s{{0,3}}[-–]\s{{0,3}}{day('d2')})?"
    year_first = (
        rf"(?<![0-9]){ny.format('y2')}-?\s{{0,3}}{year_word}\s{{1,6}}{days}\s{{1,6}}(?P<m2>{month})"
    )
    # The month by its number or, after a year, its ordinal ("2023 оны аравдугаар сарын 12");
    # with its number the year may be left out ("10 дугаар сарын 12-нд").
    ordinal = "|".join(
        w.replace(" ", r"\s{1,3}") for w in sorted(_MONGOLIAN_MONTHS, key=len, reverse=True)
    )
    mongolian_days = (
        r"\s{1,6}сарын\s{1,6}"
        rf"{nd.format('d1')}(?:\s{{0,3}}[-–]\s{{0,3}}{nd.format('d2')})?(?![0-9])"
    )
    mongolian_year = rf"{ny.format('y2')}\s{{0,3}}оны\s{{1,6}}"
    mongolian_month = rf"{nm.format('m2')}(?:\s{{0,3}}-?\s{{0,3}}(?:р|дугаар|дүгээр))?"
    # Each form starts with its digits, which keeps the scan of a page fast.
    mongolian = rf"(?<![0-9]){mongolian_year}{mongolian_month}{mongolian_days}"
    mongolian_word = rf"(?<![0-9]){mongolian_year}(?P<mw>{ordinal}){mongolian_days}"
    mongolian_no_year = (
        rf"(?<![0-9]){nm.format('m2')}\s{{0,3}}-?\s{{0,3}}(?:р|дугаар|дүгээр){mongolian_days}"
    )
    cjk = (
        rf"(?<![0-9]){ny.format('y2')}\s{{0,2}}[年년]\s{{0,2}}{nm.format('m2')}\s{{0,2}}[月월]"
        rf"\s{{0,2}}{nd.format('d1')}\s{{0,2}}[日일]"
    )
    # "9/18/2020": a second number above 12 is no month, so the slashed date is month first (US).
    us_num = (
        rf"{num_left}{nm.format('m2')}/(?P<d2>3[01]|2[0-9]|1[3-9])/{ny.format('y2')}{num_right}"
    )
    # Central Asian languages written in Cyrillic inflect the month and mark the day with a
    # suffix, often after a hyphen: "27-уми июни соли 2022" (Tajik), "2018-жылдын 20-ноябрында"
    # (Kyrgyz). The month is read by its stem ("ноябр" of "ноябрь"), with the year always given.
    stems = _stems(months)
    cyrillic_stem = rf"(?:{_alternation(list(stems))})[^\W\d_]{{0,6}}"
    # Azerbaijani and Uzbek: a Latin month's full name, with a case ending or none.
    latin = {} if _TURKIC_LATIN_LANGUAGES.isdisjoint(languages) else _TURKIC_LATIN
    latin_stem = rf"(?:{_alternation(list(latin))}){_TURKIC_ENDING}?" if latin else "(?!)"
    stem = rf"(?<![^\W\d_])(?P<m2>{cyrillic_stem}|{latin_stem})(?![^\W\d_])"
    ending = r"(?:-[^\W\d_]{1,4})?(?:\s{1,6}|-)"
    # "12-13 октябри соли 2023", "12 ва 13 октябри 2023": a range of days before the month
    span = rf"(?:(?:-[^\W\d_]{{1,4}})?{sep}{day('d2')})?"
    inflected = (
        rf"{day('d1')}{span}{ending}{stem}\s{{1,6}}(?:соли\s{{1,3}})?{ny.format('y2')}(?![0-9])"
    )
    # "2018-жылдын 20-ноябрында", "2023-yil 15-noyabr", "2023 жылғы 12-13 қарашада"
    days_inflected = rf"{day('d1')}(?:\s{{0,3}}[-–]\s{{0,3}}{day('d2')})?{ending}{stem}"
    year_first_inflected = (
        rf"(?<![0-9]){ny.format('y2')}-?\s{{0,3}}{year_word}\s{{1,6}}{days_inflected}"
    )
    forms: tuple[str, ...] = (dmy, mdy, num_range, num, iso_range, num_dash, year_first)
    forms += (mongolian, mongolian_word, mongolian_no_year, cjk, us_num, inflected)
    forms += (year_first_inflected,)
    # The forms whose year may be left out (the page's, or a nearby date's), read by ``_needed``.
    year_free = {dmy, mdy, mongolian_no_year}
    # Turkic day-first dates with no year of their own (the page's, or a nearby date's), in one
    # form: Azerbaijani and Uzbek "12 oktyabrda", "15-noyabr kuni", "12-13 oktyabrda" (a case
    # ending, or a hyphen before the month), Kazakh, Kyrgyz and Uzbek "12 қазанда", "20-ноябрында"
    # (a Cyrillic month's stem in the locative).
    turkic_days = rf"{day('d1')}(?:\s{{0,3}}[-–]\s{{0,3}}{day('d2')})?"
    turkic_months: list[str] = []
    if latin:
        names = _alternation(list(latin))
        turkic_months += [rf"(?<=-)(?:{names}){_TURKIC_ENDING}?", rf"(?:{names}){_TURKIC_ENDING}"]
    if not _CYRILLIC_TURKIC_LANGUAGES.isdisjoint(languages):
        turkic_months.append(rf"(?:{_alternation(list(stems))})[^\W\d_]{{0,4}}(?:да|де|та|те)")
    if turkic_months:
        forms += (
            rf"{turkic_days}(?:\s{{1,6}}|-)(?P<m2>{'|'.join(turkic_months)})(?![^\W\d_])"
            rf"(?:\s{{1,6}}{ny.format('y2')}(?![0-9]))?",
        )
        year_free.add(forms[-1])
    if latin:
        # Azerbaijani "oktyabrın 12-də", "2023-cü il noyabrın 15-16-da": the month in the
        # genitive, then the day with its ending (the year from the page or a nearby date).
        forms += (
            rf"(?<![^\W\d_])(?P<m2>{_alternation(list(latin))})(?:ın|in|un|ün)\s{{1,6}}"
            rf"{turkic_days}-[^\W\d_]{{1,4}}(?![^\W\d_])",
        )
        year_free.add(forms[-1])
    months_and_forms = {**stems, **months, **_MONGOLIAN_MONTHS}
    for form, number in latin.items():
        months_and_forms.setdefault(form, number)
    compiled = tuple(pattern_cache.compiled(form, re.IGNORECASE) for form in forms)
    for source, pattern in zip(forms, compiled, strict=True):
        _NEEDS[id(pattern)] = (source not in year_free, source == cjk)
    return months_and_forms, compiled


def _stems(months: dict[str, int]) -> dict[str, int]:
    """The stems of the full Cyrillic month names an inflection is added to ("ноябрь" ->
    "ноябр", "июнь" -> "июн", "марта" -> "март", "май"), to read "ноябрында", "июни".
    Abbreviations ("нояб", "лис") and Latin-script names are left out: a short stem and any
    ending make ordinary words ("лисица", "mar" of "market")."""
    # The Tajik forms are whole words already ("октябри"), and would make "май" look like an
    # abbreviation of "майи".
    tajik = _EXTRA_MONTHS["ru"]
    cyrillic = [(f, n) for f, n in months.items() if _CYRILLIC.fullmatch(f) and f not in tajik]
    out: dict[str, int] = {}
    for form, number in cyrillic:
        if not _VOWEL.search(form) or any(
            o != form and o.startswith(form) for o, m in cyrillic if m == number
        ):
            continue  # an abbreviation ("снж", "нояб") of a longer name of the same month
        base = form[:-1] if form[-1] in "ьяай" and len(form) >= 4 else form
        out.setdefault(base, number)
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]{3,}")
_VOWEL = re.compile("[аеёиоуыэюяіїєў]")


def _month_number(token: str, months: dict[str, int]) -> int | None:
    token = token.rstrip(".").lower()
    if token.isdigit():
        return int(token)
    found = months.get(token) or months.get(_strip_accents(token))
    if found is None:
        # an inflected month: the longest known name it starts with ("oktyabrda", "ноябрында")
        for size in range(len(token) - 1, 2, -1):
            if found := months.get(token[:size]):
                break
    return found


def _infer_year(month: int, day: int, anchor: dt.date) -> int:
    """The year putting (month, day) within ~6 months of the anchor (published date)."""
    # Day 28 stands in for a 29 February so that the comparison itself cannot fail.
    candidate = dt.date(anchor.year, month, min(day, 28))
    if candidate < anchor - YEAR_WINDOW:
        return anchor.year + 1  # announced well ahead: next year's event
    if candidate > anchor + YEAR_WINDOW:
        return anchor.year - 1  # reported long after: last year's event
    return anchor.year


def _assemble(parts: _Parts, months: dict[str, int], anchor: dt.date | None) -> DateRange | None:
    d1s, m1s, y1s, d2s, m2s, y2s = parts
    if d1s is None:  # a single numeric date fills the second half only
        d1s, m1s, y1s, d2s, m2s, y2s = d2s, m2s, y2s, None, None, None
    if d1s is None:
        return None
    d1 = int(d1s)
    d2 = int(d2s) if d2s is not None else d1
    m1 = _month_number(m1s, months) if m1s else None
    m2 = _month_number(m2s, months) if m2s else None
    m1, m2 = m1 or m2, m2 or m1  # "20-21 June" shares the end's month, "June 20-21" the start's
    if m1 is None or m2 is None:
        return None
    y1 = int(y1s) if y1s else None
    y2 = int(y2s) if y2s else (y1 if d2s is None else None)
    # Only an explicit later month in an earlier position crosses a year: "30 December - 2 January".
    wraps = m1 > m2
    try:
        if y1 is None and y2 is not None:
            y1 = y2 - 1 if wraps else y2  # "20 to 21 June, 2019", "30 December - 2 January 2020"
        elif y1 is not None and y2 is None:
            y2 = y1 + 1 if wraps else y1
        elif y1 is None or y2 is None:
            if anchor is None:
                return None  # unknown stays unknown
            y1 = _infer_year(m1, d1, anchor)
            y2 = y1 + 1 if wraps else y1
        start, end = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
    except (ValueError, OverflowError):  # "31 June", "29 February 2019", an anchor in year 1
        return None
    return DateRange(start, end) if end >= start else None


def _languages(languages: Sequence[str] | None) -> tuple[str, ...]:
    if not languages:
        return DEFAULT_LANGUAGES
    # English is always understood: pages in any language quote English dates.
    return tuple(dict.fromkeys([*(str(code) for code in languages), "en"]))


# Every form holds a day of one or two digits standing alone ("6", "20", not part of "2019"),
# and every form but those whose year may be left out (day-month-year, month-day-year, the
# Turkic and Mongolian forms without a year) a year: a text without them is not scanned by the
# forms that need them (the scans cost as much on a text that holds no date as on one that does).
_DIGIT_RUN = re.compile("[0-9]+")
_YEAR = re.compile("(?:19|20)[0-9]{2}")
# Per form of ``_grammar`` (by the compiled pattern's id: hashing a pattern hashes its code):
# whether it needs a year, and whether it is the form written with "年" or "년".
_NEEDS: dict[int, tuple[bool, bool]] = {}


def _needed(text: str, forms: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The forms that may match ``text``: those the pre-checks above leave."""
    if not any(len(run) <= 2 for run in _DIGIT_RUN.findall(text)):
        return ()
    year = _YEAR.search(text) is not None
    cjk = "年" in text or "년" in text
    if year and cjk:
        return forms
    return tuple(
        f for f in forms if (year or not _NEEDS[id(f)][0]) and (cjk or not _NEEDS[id(f)][1])
    )


def _spans(text: str, forms: tuple[re.Pattern[str], ...]) -> tuple[tuple[int, int, _Parts], ...]:
    """Non-overlapping matches in text order; at one position the longest form wins."""
    found = [
        (match.start(), match.end(), _parts(match))
        for form in _needed(text, forms)
        for match in form.finditer(text)
    ]
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    chosen: list[tuple[int, int, _Parts]] = []
    for start, end, parts in found:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, parts))
    return tuple(chosen)


@lru_cache(maxsize=2048)
def _spans_cached(text: str, languages: tuple[str, ...]) -> tuple[tuple[int, int, _Parts], ...]:
    """``_spans`` of a short text. A sentence is read with several published dates (a miss in
    ``_read_cached``), its forms' matches are the same: a third of the scans were repeats.
    Keyed by the languages, not the forms: hashing a compiled pattern hashes all its code."""
    return _spans(text, _grammar(languages)[1])


def _has_year(parts: _Parts) -> bool:
    return parts[2] is not None or parts[5] is not None


# Every form holds a digit (a day or a year): a text without one holds no date.
_ANY_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")


def _resolve(
    text: str, published: dt.date | None, languages: Sequence[str] | None
) -> list[tuple[DateRange | None, int, int]]:
    if not _ANY_DIGIT.search(text):
        return []
    langs = _languages(languages)
    # A page's sentences are scanned for dates by several readers: scan each once.
    read = _read_cached if len(text) <= MAX_CACHED else _read  # a body is not kept
    return list(read(text, published, langs))


def _read(
    text: str, published: dt.date | None, languages: tuple[str, ...]
) -> tuple[tuple[DateRange | None, int, int], ...]:
    months, forms = _grammar(languages)
    text = ascii_digits(text)  # read once per text: the results are cached
    spans = _spans_cached(text, languages) if len(text) <= MAX_CACHED else _spans(text, forms)
    # Without a published date, a year-less date takes its year from the nearest full date.
    dated = [
        (start, r.start)
        for start, _end, parts in spans
        if _has_year(parts) and (r := _assemble(parts, months, None)) is not None
    ]
    positions = [start for start, _ in dated]
    results: list[tuple[DateRange | None, int, int]] = []
    for start, end, parts in spans:
        anchor = published
        if anchor is None and dated and not _has_year(parts):
            after = bisect.bisect_left(positions, start)
            near = [i for i in (after - 1, after) if 0 <= i < len(dated)]
            anchor = dated[min(near, key=lambda i: abs(positions[i] - start))][1]
        results.append((_assemble(parts, months, anchor), start, end))
    return tuple(_joined(text, results))


_read_cached = lru_cache(maxsize=2048)(_read)


# Between two dates, only times, a weekday and a "to": "27.11.2019, 13:30 Uhr, bis Donnerstag,
# 28.11.2019", "10 May 2019, 10:00 – 12 May 2019, 18:00", "26.11.2031 - 11:00 Uhr bis
# 27.11.2031". (A weekday is any one word here.)
_TIME = r"(?:\d{1,2}[:.h]\d{2}|\d{1,2}\s?(?:am|pm))(?:\s?(?:Uhr|h|hrs|ET|GMT|CET|UTC|am|pm))?"
_JOIN = re.compile(
    rf"\s{{0,3}}(?:(?:,|[-–—])?\s{{0,3}}(?:at\s|um\s|à\s|в\s)?{_TIME}\s{{0,3}})?,?\s{{0,3}}"
    r"(?:[-–—]|to|until|till|through|bis|au|jusqu['’]au|до|по|al|hasta)\s{1,3}"
    r"(?:[^\W\d_]{2,12}\.?,?\s{1,3})?",
    re.IGNORECASE,
)
_JOIN_DAYS = 31  # the longest span two joined dates may make


def _joined(
    text: str, results: list[tuple[DateRange | None, int, int]]
) -> list[tuple[DateRange | None, int, int]]:
    """Two one-day dates with only times, a weekday and a "to" between them make one range."""
    out: list[tuple[DateRange | None, int, int]] = []
    for found, start, end in results:
        if out and found is not None and found.start == found.end:
            before, b_start, b_end = out[-1]
            if (
                before is not None
                and before.start == before.end
                and before.end < found.start <= before.end + dt.timedelta(days=_JOIN_DAYS)
                and start - b_end <= 40
                and _JOIN.fullmatch(text, b_end, start)
            ):
                out[-1] = (DateRange(before.start, found.end), b_start, end)
                continue
        out.append((found, start, end))
    return out


def find_date_ranges(
    text: str | None, *, published: dt.date | None = None, languages: Sequence[str] | None = None
) -> list[tuple[DateRange, int, int]]:
    """Every date or date range mentioned in running text, with (start, end) character offsets,
    in text order. Used to find 'will be held in Abu Dhabi on December 18-19, 2019' in a body."""
    if not isinstance(text, str):
        return []
    try:
        text = text[:MAX_TEXT]
        return [(r, start, end) for r, start, end in _resolve(text, published, languages) if r]
    except Exception:  # bad content never raises out of the normaliser
        return []


@lru_cache(maxsize=16)
def _date_parser(languages: tuple[str, ...]) -> Any:
    """One dateparser parser per set of languages: ``dateparser.parse`` builds a new one on every
    call that names languages (~50 ms with twenty of them), and keeps no state between texts
    when previous locales are not tried (its default)."""
    from dateparser.date import DateDataParser  # imported late: ~0.3 s, most texts never get here

    return DateDataParser(
        languages=list(languages),
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],  # no "today", no "2 days ago"
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def _fallback(text: str, languages: Sequence[str] | None) -> dt.date | None:
    """dateparser on a short text the grammar could not read; day, month and year required."""
    text = ascii_digits(text.strip())
    if len(text) > MAX_FALLBACK_TEXT or not re.search(
        r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", text
    ):
        return None
    try:
        parsed = _date_parser(_languages(languages)).get_date_data(text)["date_obj"]
    except Exception:  # dateparser has raised on odd input before; any failure is "no date"
        return None
    return parsed.date() if parsed is not None else None


def parse_date_range(
    text: str | None, *, published: dt.date | None = None, languages: Sequence[str] | None = None
) -> DateRange | None:
    """Parse a text that IS a date or date range (a 'Date:' field, a heading line such as
    '15-17 May 2019 Dushanbe, Tajikistan' - leading/trailing non-date words allowed)."""
    if not isinstance(text, str):
        return None
    try:
        text = text[:MAX_TEXT]
        resolved = _resolve(text, published, languages)
        if resolved:
            # The first date is the field's; an impossible one is no date, not a cue to guess.
            return resolved[0][0]
        day = _fallback(text, languages)
        return DateRange(day, day) if day else None
    except Exception:  # bad content never raises out of the normaliser
        return None


def parse_single_date(
    text: str, *, published: dt.date | None = None, languages: Sequence[str] | None = None
) -> dt.date | None:
    """'Registration deadline: 10 September 2020' -> 2020-09-10; 'POSTED: 2019-10-24' -> 2019-10-24.

    A range gives its first day."""
    found = parse_date_range(text, published=published, languages=languages)
    return found.start if found else None


@lru_cache(maxsize=16)
def _month_year_pattern(languages: tuple[str, ...]) -> re.Pattern[str]:
    months, _ = _lexicon(languages)
    # A Russian month in another case than the locale data lists ("в июне 2020 года").
    month = rf"(?<![^\W\d_])(?P<m>{_alternation(list(months))})[а-я]{{0,2}}(?![^\W\d_])\.?"
    return pattern_cache.compiled(
        rf"{month},?\s{{1,6}}(?:(?:of|de|del)\s{{1,6}})?(?P<y>(?:19|20)[0-9]{{2}})(?![0-9])",
        re.IGNORECASE,
    )


def month_years(
    text: str | None, languages: Sequence[str] | None = None
) -> list[tuple[int, int, int, int]]:
    """Month-precision dates in running text ("in June 2020", "nel giugno 2020", "в июне 2020
    года", "junio de 2020"): (month, year, start, end) each. No day: never an event's date
    (eval-format §5.6), but whose year it is matters."""
    if not isinstance(text, str):
        return []
    months, _ = _lexicon(_languages(languages))
    out: list[tuple[int, int, int, int]] = []
    for m in _month_year_pattern(_languages(languages)).finditer(ascii_digits(text[:MAX_TEXT])):
        number = _month_number(m.group("m"), months)
        if number is not None:
            out.append((number, int(m.group("y")), m.start(), m.end()))
    return out
