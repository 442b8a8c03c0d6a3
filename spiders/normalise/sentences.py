"""Finding the sentences that state an event's own date and place.

A conference page mentions many dates: the event's, the page's, past meetings in the background.
The sentence that matters says the event "will be held", "takes place", "is organized"... and
carries a date. ``event_sentences`` returns such sentences first, in page order, so the first
date and place found in them are the event's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, titles
from confwatch.spiders.normalise.text_cache import short_text_cache

# "Am 10./11. Mai", "den 9. Oktober": a German ordinal day's dot before a month ends no sentence.
# Every break starts with a blank, which the pattern takes first (so the engine skips ahead to
# the next blank instead of trying every character; the lookbehinds then end with that blank):
# after ".", "!" or "?" before a capital or digit, or a run of two or more newlines, or one
# line break before a line that does not run on in lower case: a body's single line breaks part a
# heading's lines ("Experts gathered in Kazan" over its dateline), which end no sentence with a
# full stop. (A list's items, "\u2022 X", are left together: a menu is one run of text.)
_SPLIT = re.compile(
    r"\s(?:(?<=[.!?]\s)(?<!\b\d\.\s)(?<!\b\d\d\.\s)\s*(?=[A-Z0-9“\"«А-Я])|(?<=\n)\n+|(?<=\n)(?=[^\s\u2022])(?![a-zа-яё])"
    r"|(?<=\b\d\.\s)\s*(?=[A-Z0-9“\"«А-Я])(?!(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\w*\b)"
    r"|(?<=\b\d\d\.\s)\s*(?=[A-Z0-9“\"«А-Я])(?!(?:Jan|Feb|Mär|Mar|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\w*\b))"
)
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Art|para|Vol|Oct|Sept|Sep|Nov|Dec|Jan|Feb|Aug|Jun|Jul|Apr|Mar|e\.g|i\.e|U\.S|U\.N|г|гг|обл|ул|им|ст|пос|с)\.$"
)
# The event's own sentence says it "will be held", "took place", "opened", "se tiendra",
# "состоится", "findet ... statt", "se celebrará" (the lexicon's held wording), or that someone
# "hosted a regional conference".
_HELD_KINDS = ("passive", "opening", "closing")


@lru_cache(maxsize=1)
def _held_object() -> re.Pattern[str]:
    nouns = lexicon.fragment("event_noun", "large", "small", "meeting")
    return pattern_cache.compiled(
        r"\b(?:held|hosted|convened|organi[sz]ed|organi[sz]ing|hosting|convening)\s+(?:a|an|its|the)"
        rf"\s+(?:[\w-]+\s+){{0,8}}?{nouns}(?!\w)",
        re.IGNORECASE,
    )


@short_text_cache(maxsize=2048)  # a page's sentences are asked about by several readers
def _cue(sentence: str) -> bool:
    """The sentence says an event is, was or will be held."""
    return bool(
        lexicon.words("held", *_HELD_KINDS).search(sentence) or _held_object().search(sentence)
    )


_BACKGROUND = re.compile(
    r"\b(?:follows?\s+(?:on\s+)?from|builds?\s+on|previous|last\s+year|first-ever|first\s+(?:UN\s+)?High-Level"
    r"|in\s+a\s+series|was\s+convened\s+in\s+\w+\s+\d{4}"
    r"|\b(?:since|at|during)\s+the\s+(?:last|previous|preceding)\b)",
    re.I,
)
_HAS_DIGIT = re.compile(r"\d")


_ABBREV_REACH = 6  # characters: the longest abbreviation with its stop ("Sept.", "para.") and more
_MAX_QUOTED = 600  # characters: a quote left open longer than this was never a name


def _open_quote(text: str) -> bool:
    """A quotation is still open at the end of ``text``.

    The pairs of ``quotes.PAIRS`` a count tells open: the typewriter double quote, English “”
    (its opening mark closes German „X“, which then only adds to the closing side) and the
    guillemets «» and ‹›. Narrower on purpose: „ closes with “ or ”, which English uses too, and
    single marks are apostrophes as often as quotes. (Written out: this runs on every sentence.)
    """
    return (
        _typewriter_open(text)
        or text.count("“") > text.count("”")
        or text.count("«") > text.count("»")
        or text.count("‹") > text.count("›")
    )


def _typewriter_open(text: str) -> bool:
    """A typewriter double quote is still open at the end of ``text``: the last mark is read by
    the space beside it. Between a space and a word it opens (``lädt zum Fachtag "Jugend``), so
    the quotation is open; between a word and a space, or at the end, it closes (``... "Y" am``),
    so it is not, whatever stray mark stands before it (``Das Projekt "X lädt zum Fachtag "Y"``).
    Spaced on both sides or inside a word: the count of marks tells."""
    at = text.rfind('"')
    if at < 0:
        return False
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if before.isspace() and not after.isspace():
        return True
    if after.isspace() and not before.isspace():
        return False
    return text.count('"') % 2 == 1


def split_sentences(text: str) -> list[str]:
    """Sentences and paragraphs of running text, with whitespace collapsed."""
    # Reading one page splits its body five or six times over (title, relevance, dates, place):
    # split once. A copy, since callers may change their list.
    return list(_split_sentences(text or ""))


@lru_cache(maxsize=64)
def _split_sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    buffer = ""
    for piece in _SPLIT.split(text):
        if piece is None:
            continue
        piece = " ".join(piece.split())
        if not piece:
            continue
        buffer = f"{buffer} {piece}".strip() if buffer else piece
        # "Mr." or "Dec." did not end the sentence. Only the end can match ("$"; no newline
        # is left in the buffer): read from there, not over the whole buffer each time (``\b``
        # still sees the character before ``pos``).
        if _ABBREV.search(buffer, max(0, len(buffer) - _ABBREV_REACH)):
            continue
        if _open_quote(buffer) and len(buffer) < _MAX_QUOTED:
            continue  # 'entitled "WHY TERRORISM? Addressing ..."': a "?" inside a quoted name
        out.append(buffer)
        buffer = ""
    if buffer:
        out.append(buffer)
    return tuple(out)


def event_sentences(title: str | None, body: str, *, limit: int = 60) -> list[str]:
    """Sentences likely to state the event's date and place, best first; background left out."""
    sentences, background, scored = _ranked(body)
    best = [s for _, _, s in scored[:limit]]
    chosen = set(best)
    # Background sentences ("follows on from the first-ever conference held in June 2018") never
    # give the event's date or place.
    rest = [
        s for s, past in zip(sentences, background, strict=True) if s not in chosen and not past
    ]
    lead = [title] if title else []
    return best + lead + rest


@lru_cache(maxsize=64)  # one body is ranked for the title, the dates and the place: rank it once
def _ranked(
    body: str,
) -> tuple[tuple[str, ...], tuple[bool, ...], tuple[tuple[int, int, str], ...]]:
    """The body's sentences, whether each is background, and the cued ones scored, best first."""
    sentences = split_sentences(body)[:400]
    background = tuple(bool(_BACKGROUND.search(s)) for s in sentences)
    scored: list[tuple[int, int, str]] = []
    for i, s in enumerate(sentences):
        score = 0
        if _cue(s):
            score += 2
        if _HAS_DIGIT.search(s):
            score += 1
        if background[i]:
            score -= 3
        if score >= 2:
            scored.append((-score, i, s))
    scored.sort()
    return tuple(sentences), background, tuple(scored)


# Any event noun: a training or a bare session is still something the page says was held.
_ANNOUNCED_KINDS = lexicon.STRONG | lexicon.WEAK | {"week"}


def announces_event(sentence: str, *, before: Sequence[str] = ()) -> bool:
    """A sentence that says an event is, was or will be held ("The Regional Conference will take
    place ...", "X and Y convened experts to a roundtable", "Minsk hosted the conference").

    ``before``: the sentences right before it in the page's opening. A report often says first
    who gathered, and names the meeting they gathered for only after ("RUSI convened some 25
    practitioners. ... During the two-day workshop, participants ..."): a sentence naming an
    event noun (not as the setting or the past of something else) announces it when one of those
    sentences says people were gathered, convened or brought together and names no event itself.
    """
    if _says_held(sentence) and lexicon.has_event_word(sentence, _ANNOUNCED_KINDS):
        return True
    return any(gathers(s) for s in before[-_GATHERING_REACH:]) and _names_own_event(sentence)


# Sentences after a gathering ("convened 25 experts") that may name the meeting it was: the
# report's next thought, not a later paragraph about something else.
_GATHERING_REACH = 2


def _says_held(sentence: str) -> bool:
    return bool(_cue(sentence) or lexicon.words("held", "active", "gather").search(sentence))


def gathers(sentence: str) -> bool:
    """The sentence says people were gathered, convened or brought together, or that they
    gathered ("convened some 25 practitioners", "experts gathered in Vienna", "съехались в
    Казань"), without naming the event: the lexicon's held wording and no event noun."""
    return _says_held(sentence) and not lexicon.has_event_word(sentence, _ANNOUNCED_KINDS)


def _names_own_event(sentence: str) -> bool:
    """The sentence names an event noun of its own: not as the setting or the past of something
    else, nor a meeting the page gives as background."""
    if _BACKGROUND.search(sentence):
        return False
    for w in lexicon.event_words(sentence, lexicon.STRONG):
        if not titles.passing().search(sentence[: w.start]):
            return True
    return False
