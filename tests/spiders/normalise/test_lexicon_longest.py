"""Event nouns: at one place of a text the longest row wins, and of rows that read the same words
the one that spells more of them itself.

A longer, more specific phrase written later in the table ("session de formation", a training)
beats an earlier short noun that starts it ("session"), and a row naming a whole compound
("rondetafelconferentie", a round table) beats a row that names only its head
("\\w*conferentie"). Every sentence here is invented.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.whole_words import Words

ALL = set(lexicon.EVENT_KINDS) | {"qualified"}

# A short noun first, longer phrases that start with it later; a compound row with an open start.
ROWS = [
    (r"sessions?", False),
    (r"семінар\w*", False),
    (r"(?:regular\s+)?sessions?\s+of\s+the\s+General\s+Assembly", False),
    (r"sessions?\s+de\s+formation", False),
    (r"семінар\w*-тренінг\w*", False),
    (r"\w*konferenz", False),
    (r"tagung", False),
    (r"tagung\s+der\s+Innenminister", False),
]


def _spans(words: Words, text: str, *, longest: bool) -> list[str]:
    return [m.group(0) for m in words.finditer(text, longest=longest)]


def test_a_longer_phrase_written_later_wins_over_the_short_noun_that_starts_it() -> None:
    text = "une session de formation à Dakar, puis une session plénière"
    assert _spans(Words.of(ROWS), text, longest=True) == ["session de formation", "session"]


def test_without_longest_the_scan_stays_the_plain_alternation() -> None:
    text = "une session de formation à Dakar"
    assert _spans(Words.of(ROWS), text, longest=False) == ["session"]


def test_a_hyphenated_compound_row_wins_over_its_first_half() -> None:
    text = "відбувся семінар-тренінг для поліцейських"
    assert _spans(Words.of(ROWS), text, longest=True) == ["семінар-тренінг"]


def test_a_longer_row_of_a_later_tier_wins_at_one_place() -> None:
    words = Words.of([(r"tagung", False)], [(r"tagung\s+der\s+Innenminister", False)])
    assert _spans(words, "die Tagung der Innenminister in Bonn", longest=True) == [
        "Tagung der Innenminister"
    ]


def test_the_scan_goes_on_after_the_longer_match() -> None:
    text = "session de formation; Sicherheitskonferenz; sessions of the General Assembly"
    assert _spans(Words.of(ROWS), text, longest=True) == [
        "session de formation",
        "Sicherheitskonferenz",
        "sessions of the General Assembly",
    ]


_SAMPLES = [
    "session",
    "sessions",
    "de",
    "formation",
    "of",
    "the",
    "General",
    "Assembly",
    "regular",
    "семінар-тренінг",
    "семінар",
    "Tagung",
    "der",
    "Innenminister",
    "Sicherheitskonferenz",
    "-",
    ",",
    "Vienna",
]


@given(st.lists(st.sampled_from(_SAMPLES), max_size=10))
def test_the_longest_match_at_each_place_is_no_shorter_than_the_plain_one(
    words: list[str],
) -> None:
    """Each match is one the plain alternation could give there, and never a shorter one."""
    text = " ".join(words)
    body = "|".join(f"(?i:{p})" for p, _ in ROWS)
    plain = re.compile(rf"(?<!\w)(?:{body})(?!\w)")
    found = list(Words.of(ROWS).finditer(text, longest=True))
    assert [m.start() for m in found] == sorted({m.start() for m in found})
    for m in found:
        assert plain.fullmatch(text, m.start(), m.end())
        first = plain.match(text, m.start())
        assert first is not None and first.end() <= m.end()


# --- the table itself ------------------------------------------------------------------------


def test_a_conference_cum_workshop_is_one_conference() -> None:
    found = lexicon.event_words("a regional conference-cum-workshop in Tashkent", ALL)
    assert [(w.text, w.kind) for w in found] == [("conference-cum-workshop", "large")]


def test_a_turkish_training_programme_is_one_training_noun() -> None:
    found = lexicon.event_words("polis memurları için eğitim programı düzenlendi", ALL)
    assert [(w.text, w.kind) for w in found] == [("eğitim programı", "training")]


def test_a_turkish_conference_with_an_apostrophe_suffix_is_read_whole() -> None:
    found = lexicon.event_words("Konferans’ı Ankara’da açtı", ALL)
    assert [w.text for w in found] == ["Konferans’ı"]


def test_a_row_naming_the_whole_compound_beats_one_naming_its_head() -> None:
    assert lexicon.word_kind("rondetafelconferentie") == "small"
    assert lexicon.word_kind("Sicherheitskonferenz") == "large"


def test_a_press_conference_stays_no_event_whatever_its_length() -> None:
    for text in ("Pressekonferenz", "press conference", "conference room", "conférence de presse"):
        assert lexicon.event_kinds(f"the {text} was held") == set(), text
