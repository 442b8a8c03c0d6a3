"""A Russian event name put back in the nominative case, as a name is written on its own.

A name read out of running text keeps the case its sentence gave it: "в заседании Комитета
секретарей ...", "на Пятой научно-практической конференции ...", "провели онлайн-конференцию на
тему ...". The event's name is the nominative ("заседание Комитета секретарей ...", eval-format
§5.12). Only the head noun phrase changes, the event noun and the agreeing modifiers before it
("Пятой научно-практической конференции" → "Пятая научно-практическая конференция"); the
words after it (a genitive "Комитета секретарей", a topic "по борьбе с ...") are the name's own
and stay as they are; the preposition before an oblique name ("в", "на") goes. The grammar is
pymorphy3's (OpenCorpora's dictionary), loaded only when a Russian name's event noun is not
already in its dictionary form.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from confwatch.spiders.normalise import lexicon

__all__ = ["nominative"]

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Letters of the other Cyrillic languages of the lexicon (uk, be, kk, ky, tg, uz, mn, sr, mk, bg
# spelled with them): such a name is not Russian, and the Russian dictionary must not read it.
_NOT_RUSSIAN = re.compile(r"[іїєґўәғқңөұүһӣӯҳҷјљњћџѓќѕ]", re.IGNORECASE)
_ROMAN = re.compile(r"[IVXLC]+\Z")
# "34-е", "V", "2": numbers before the noun that read the same in the nominative.
_NUMBER = re.compile(r"\d+(?:-(?:е|я|й|ый|ий|ая|ое))?\Z")
_MAX_BEFORE = 4  # modifiers before the event noun ("II Международная научно-практическая ...")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# "в заседании Комитета ...", "на конференции ...": the preposition the sentence put before the
# name governs its case; it is no word of the name.
_PREPOSITIONS = frozenset(["в", "во", "на", "о", "об", "при", "к", "ко", "по", "с", "со"])
_EVENT_KINDS = frozenset(lexicon.EVENT_KINDS) - {"not_event"}


@lru_cache(maxsize=1)
def _dictionary_forms() -> frozenset[str]:
    """Each Russian event noun row's first example: its dictionary (nominative) form."""
    return frozenset(
        r.examples[0].casefold()
        for r in lexicon.select("event_noun", langs=("ru",))
        if r.examples and r.kind != "not_event"
    )


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # type: ignore[import-untyped]  # 16 MB of dictionaries: only when needed

    # Its "Loading dictionaries from ..." is no event of ours: the log stays one line per event.
    logging.getLogger("pymorphy3").setLevel(logging.WARNING)
    return pymorphy3.MorphAnalyzer(lang="ru")


def nominative(name: str | None) -> str | None:
    """``name`` with its head noun phrase in the nominative when it is a Russian name whose
    event noun (and the modifiers before it) the text left in an oblique case; else ``name``."""
    if not name or not _CYRILLIC.search(name) or _NOT_RUSSIAN.search(name):
        return name
    found = lexicon.event_words(name, _EVENT_KINDS)
    if not found or found[0].text.casefold() in _dictionary_forms():
        return name
    start, end = found[0].start, found[0].end
    while start > 0 and not name[start - 1].isspace():
        start -= 1  # "онлайн-конференцию": the whole word
    while end < len(name) and (name[end].isalnum() or name[end] == "-"):
        end += 1
    before = name[:start].split()
    span = name[start:end].split()
    governed = bool(before) and before[0].casefold() in _PREPOSITIONS
    if governed:
        before = before[1:]
    if len(before) + len(span) > _MAX_BEFORE + 2 or not span:
        return name
    words = _in_nominative(before, span, governed=governed)
    if words is None:
        return name
    return " ".join(words) + _own_tail(name[end:])


_CLAUSE_POS = frozenset(["VERB", "PRTS", "INFN"])


def _own_tail(tail: str) -> str:
    """The words after an oblique event noun that are the name's own: a genitive or a topic
    ("заседании Совета ...", "конференции по борьбе с ..."). A word that reads only as a
    nominative noun, or a verb, right after it starts the sentence's clause ("на совещании
    эксперты приступили к ...": its subject and predicate), and the name ends before it."""
    words = tail.split()
    if not words or not re.fullmatch(r"[а-яё-]+", words[0], re.IGNORECASE):
        return tail
    parses = _known(_analyzer(), words[0].casefold())
    if not parses:
        return tail
    if parses[0].tag.POS in _CLAUSE_POS:
        return ""
    nouns = [p for p in parses if p.tag.POS == "NOUN"]
    if nouns and len(nouns) == len(parses) and all(p.tag.case == "nomn" for p in nouns):
        return ""
    return tail


def _in_nominative(before: list[str], span: list[str], *, governed: bool) -> list[str] | None:
    """The words up to and including the event noun, in the nominative; None when they are no
    noun phrase in an oblique case (a modifier that does not agree, an unknown word)."""
    morph = _analyzer()
    tokens = before + span
    head_at = next(
        (
            i
            for i in range(len(before), len(tokens))
            if not any(c.isdigit() for c in tokens[i])
            and (parses := _known(morph, tokens[i]))
            and parses[0].tag.POS == "NOUN"
        ),
        None,
    )
    if head_at is None or head_at > _MAX_BEFORE:
        return None
    modifiers = tokens[:head_at]
    agreed = _agreeing(morph, tokens[head_at], modifiers, governed=governed)
    if agreed is None or agreed[0] == "nomn":
        return None
    out: list[str] = []
    for tok in modifiers:
        if _ROMAN.match(tok) or _NUMBER.match(tok):
            out.append(tok)
            continue
        out.append(_inflected(morph, tok, agreed, {"ADJF", "PRTF"}))
    out.append(_inflected(morph, tokens[head_at], agreed, {"NOUN"}))
    out.extend(tokens[head_at + 1 :])  # "заседании Совета": the genitive stays
    return out if all(out) else None


def _known(morph: Any, word: str) -> list[Any]:
    parts = word.split("-")
    if not all(morph.word_is_known(p) for p in parts if p):
        return []
    return list(morph.parse(word))


def _grammemes(parse: Any) -> tuple[str, str, str] | None:
    tag = parse.tag
    if tag.case not in _CASES or tag.number is None:
        return None
    gender = tag.gender if tag.number == "sing" else ""
    return str(tag.case), str(tag.number), str(gender or "")


def _agreeing(
    morph: Any, head: str, modifiers: list[str], *, governed: bool
) -> tuple[str, str, str] | None:
    """(case, number, gender) of the head noun that the modifiers agree with: the nominative
    when any such reading is one (a name already in its own form), else the likeliest;
    ``governed``: a preposition went before the name, so no reading is nominative."""
    options: list[tuple[str, str, str]] = []
    for p in _known(morph, head):
        if p.tag.POS == "NOUN" and (g := _grammemes(p)) is not None and g not in options:
            options.append(g)
    for tok in modifiers:
        if _ROMAN.match(tok) or _NUMBER.match(tok):
            continue
        readings = {
            g
            for p in _known(morph, tok)
            if p.tag.POS in ("ADJF", "PRTF") and (g := _grammemes(p)) is not None
        }
        options = [o for o in options if any(_agree(o, r) for r in readings)]
    if not options:
        return None
    if governed:
        # After "в", "на": never the nominative ("на конференции" is no plural name).
        options = [o for o in options if o[0] != "nomn"]
        return options[0] if options else None
    nominal = [o for o in options if o[0] == "nomn"]
    return nominal[0] if nominal else options[0]


def _agree(noun: tuple[str, str, str], modifier: tuple[str, str, str]) -> bool:
    case, number, gender = noun
    return (
        modifier[0] == case
        and modifier[1] == number
        and (number != "sing" or modifier[2] == gender)
    )


def _inflected(morph: Any, word: str, agreed: tuple[str, str, str], pos: set[str]) -> str:
    """``word`` in the nominative, written as it was (capitals kept); "" when it cannot be."""
    number = agreed[1]
    for p in _known(morph, word):
        if p.tag.POS in pos and _grammemes(p) == agreed:
            form = p.inflect({"nomn", number})
            if form is not None:
                return _written_as(str(form.word), word)
    return ""


def _written_as(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
