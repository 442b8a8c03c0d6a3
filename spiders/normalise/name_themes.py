"""The name a sentence gives its event as a theme or title, quoted or set off by a title word.

"Конференция на тему «X»", "a conference on the topic: “X”", "a seminar entitled Building
Resilience in the Sahel, held ...", "«X» тақырыбы бойынша ... конференция", "Жастар және
қауіпсіздік тақырыбында семинар өтті": the name is the phrase a lexicon word introduces (before
or after it), not a noun phrase around the event noun as ``names`` reads it. Kept apart because
these readers work on the sentence's characters around the introducing words, language by
language, rather than on its tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache, quotes
from confwatch.spiders.normalise.name_words import (
    IN_QUOTE,
    N_DAY,
    NON_RUSSIAN_CYRILLIC,
    SCOPE,
    TRAILING,
    has_event_word,
    is_event_noun,
    is_modifier,
)
from confwatch.spiders.normalise.names import event_token, has_subject, name_tokens

__all__ = [
    "has_own_subject",
    "postposed_theme",
    "quoted_before_noun",
    "theme_name",
    "theme_phrase",
    "unquoted_title",
]


def has_own_subject(name: str, theme: str) -> bool:
    """The words before a name's quoted theme say what it is about already ("вторая конференция
    ООН по борьбе с терроризмом на тему «X»"), unlike "Конференция на тему «X»"."""
    before = name.split(theme, 1)[0]
    before = _theme_intro_tail().sub("", before.rstrip(" :" + quotes.OPENERS))
    return has_subject(before.strip(TRAILING))


@lru_cache(maxsize=1)
def _theme_intro_tail() -> re.Pattern[str]:
    intro = "|".join(r.source for r in lexicon.select("name_intro") if r.place != "after")
    return pattern_cache.compiled(rf"(?:[\s,]*(?:{intro}))\s*$", re.IGNORECASE)


# Any opening mark and any closing one; typewriter single quotes only around a name of their own
# (an apostrophe inside holds no quotation open).
_DOUBLE_OPEN = quotes.OPENERS.replace("'", "")
_DOUBLE_CLOSE = quotes.CLOSERS.replace("'", "")
_QUOTED = rf"(?:[{_DOUBLE_OPEN}]({IN_QUOTE}{{3,250}})[{_DOUBLE_CLOSE}]|'([^']{{3,250}})'(?!\w))"
_QUOTED_OPENS = quotes.OPENERS  # the characters a match of _QUOTED starts with
# Two single quotes typed for one double quote, where a keyboard has no double one: ‘’X’’.
_DOUBLED = rf"(?:‘’|‘‘|’’|'')({IN_QUOTE}{{3,250}})(?:’’|‘‘|'')"
# A quotation holding a quotation of its own: English typography nests “…” inside “…” ("“Dal
# “secolo breve” al XXI secolo” è il titolo del convegno"). The outer pair encloses the name.
_NESTED = rf"“((?:{IN_QUOTE}|“{IN_QUOTE}{{1,80}}”){{3,250}})”"


@lru_cache(maxsize=1)
def _themes() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    rows = lexicon.select("name_intro")
    before = "|".join(r.source for r in rows if r.place != "after")
    after = "|".join(r.source for r in rows if r.place == "after")
    return (
        # '""X"': an opening quote typed twice is one.
        pattern_cache.compiled(
            rf"(?<!\w)(?:{before})(?!\w)\s*:?\s*\"?(?:{_DOUBLED}|{_QUOTED})", re.IGNORECASE
        ),
        re.compile(rf"(?:{_NESTED}|{_QUOTED})\s*(?:{after})(?!\w)", re.IGNORECASE)
        if after
        else None,
    )


_THEME_REACH = 120  # characters between an event noun and the words introducing its theme
_SUBJECT_WORDS = 4  # words a sentence's subject ("Le premier colloque", "The annual forum") is in


def theme_name(sentence: str) -> str | None:
    """The quoted name a sentence gives an event as its theme or title: "a conference on the
    topic: “X”", "Конференция на тему «X»", "Wissenschaftskonferenz zum Thema „X“", "«X»
    тақырыбы бойынша ... конференция"; None without an event noun near it."""
    found = theme_phrase(sentence)
    return found[0] if found else None


def theme_phrase(sentence: str) -> tuple[str, str | None] | None:
    """(theme, the whole phrase) for the quoted name a sentence gives an event. The whole phrase
    is given for a title given to a qualified event ("a high-level international conference
    called “X”" -> "High-level international conference called “X”"), whose noun phrase is part
    of the name; a theme ("on the topic: “X”") is the name alone."""
    if not any(quote in (sentence or "") for quote in _QUOTED_OPENS):
        return None  # both patterns need a quote: most sentences have none
    before, after = _themes()
    for m in before.finditer(sentence or ""):
        near = sentence[max(0, m.start() - _THEME_REACH) : m.start()]
        if has_event_word(near):
            theme = _quoted(m)
            return theme, _titled_phrase(sentence, m, near)
        if has_event_word(_intro(m)):
            # "L'intitulé de cet atelier est : « X »", "Тема встречи — «X»": the words giving
            # the title name the event themselves, in the genitive.
            return _quoted(m), None
        if _fronted(sentence, m):
            # "Sous le titre «X», l'évènement rassemblera ...": the title leads the sentence and
            # the event it names is the subject right after it.
            return _quoted(m), None
        if has_event_word(" ".join(sentence[: m.start()].split()[:_SUBJECT_WORDS])):
            # "Le premier colloque organisé par ... s'est ouvert à Abidjan, jeudi ..., sur le
            # thème : « X »": the event is the sentence's subject, however far its theme comes.
            return _quoted(m), None
    if after is not None:
        for m in after.finditer(sentence or ""):
            if has_event_word(sentence[m.end() : m.end() + _THEME_REACH]):
                return _quoted(m), None
    return None


def _intro(m: re.Match[str]) -> str:
    """The words of a theme pattern's match before its quotation."""
    at = next(k for k in range(1, (m.lastindex or 0) + 1) if m.group(k) is not None)
    return m.string[m.start() : m.start(at)]


def _quoted(m: re.Match[str]) -> str:
    """The words inside a theme pattern's quotation, whichever kind of quotes hold them."""
    return next(g for g in m.groups() if g is not None).strip(TRAILING)


_FRONTED_SUBJECT = 4  # words after a fronted title before the event noun: ", l'évènement"
_INVERTED_SUBJECT = 2  # an article and the event noun: "Si intitola «X» il convegno"
_FRONTED_REACH = 160  # characters after a fronted German title searched for its event noun
_GERMAN_TITLE = re.compile(r"unter\s+dem\s+(?:Titel|Motto)|mit\s+dem\s+Titel", re.IGNORECASE)
_FRONTED_LEAD = re.compile(r"^\W*(?:(?:and|et|und|y|и)\s+)?$", re.IGNORECASE)


def _fronted(sentence: str, m: re.Match[str]) -> bool:
    """The words giving a title open the sentence, and the event noun is among the first words
    after the quoted name, set off by a comma: "Under the title “X”, the conference will ...",
    "Sous le titre « X », le colloque ...". Without the comma the quoted name may be the
    sentence's subject, not the event's title."""
    if not _FRONTED_LEAD.match(sentence[: m.start()]):
        return False
    # American typography sets the comma inside the quotes: 'Titled "X," the conference ...'.
    inner = next(g for g in m.groups() if g is not None)
    if not sentence[m.end() :].lstrip(" ").startswith(",") and not inner.rstrip().endswith(","):
        # Romance languages put the subject after a fronted verb of titling: "Si intitola «X»
        # il convegno che ...": the event noun, its article before it, right after the name.
        if any(has_event_word(w) for w in sentence[m.end() :].split()[:_INVERTED_SUBJECT]):
            return True
        # German puts the verb right after a fronted phrase, no comma: "Unter dem Titel „X“
        # wollen die Minister bei der eintägigen Konferenz ... erörtern".
        rest = sentence[m.end() : m.end() + _FRONTED_REACH]
        return _GERMAN_TITLE.match(sentence[m.start() :]) is not None and has_event_word(rest)
    words = sentence[m.end() :].lstrip(" ,").split()[:_FRONTED_SUBJECT]
    return any(has_event_word(w) for w in words)


@lru_cache(maxsize=1)
def _title_intros() -> tuple[re.Pattern[str], ...]:
    """The "name_intro" rows of kind "title", compiled once (as strings to ``re.match`` they
    were compiled again whenever ``re``'s cache had dropped them)."""
    return tuple(
        pattern_cache.compiled(r.source, re.I)
        for r in lexicon.select("name_intro")
        if r.kind == "title"
    )


def _titled_phrase(sentence: str, m: re.Match[str], near: str) -> str | None:
    intro = sentence[m.start() : m.end()]
    if not any(p.match(intro) for p in _title_intros()):
        return None
    tokens = name_tokens(near.rstrip(" ,"))
    if not tokens or not is_event_noun(tokens[-1].strip(TRAILING)):
        return None
    j = len(tokens) - 1
    while j > 0 and is_modifier(tokens[j - 1], first=j - 1 == 0):
        j -= 1
    pre = [t for t in tokens[j:-1] if not N_DAY.match(t)]
    if not pre or all(SCOPE.fullmatch(t.strip(TRAILING)) for t in pre):
        # "the seminar entitled “X”", "an international conference titled “X”": the quoted
        # words are the name; how far the event reaches describes it, a rank ("high-level")
        # is part of what it is called.
        return None
    noun = " ".join([*pre, tokens[-1]])
    return f"{noun[0].upper()}{noun[1:]} {intro.strip()}"


# The name after a title-giving word (a colon may set it off): unquoted, starting with a letter,
# up to the clause's end.
_UNQUOTED_NAME = re.compile(r"\s*:?\s+(?=[^\W\d_])([^,;.!?“”\"«»„]{8,250}?)\s*(?:[,;.!?]|$)")
_UNQUOTED_WORDS = (3, 30)
_NOUN_TO_INTRO = 40  # characters: "la conferenza, denominata X", "a seminar entitled X"


def unquoted_title(sentence: str) -> str | None:
    """The name a sentence gives its event without quotes, set off as an apposition: "la
    conferenza, denominata Prevenzione della radicalizzazione: ..., tratterà", "a seminar
    entitled Building Resilience in the Sahel, held ...". The word that gives the title comes
    right after the event noun (a comma between), and the name starts with a capital."""
    for intro in lexicon.words("name_intro", "title").finditer(sentence or ""):
        m = _UNQUOTED_NAME.match(sentence, intro.end())
        if m is None:
            continue
        name = m.group(1).strip(TRAILING)
        if not name[:1].isupper() or not (
            _UNQUOTED_WORDS[0] <= len(name.split()) <= _UNQUOTED_WORDS[1]
        ):
            continue
        before = sentence[max(0, intro.start() - _NOUN_TO_INTRO) : intro.start()].rstrip(" ,")
        tokens = name_tokens(before)
        if tokens and event_token(_ELISION.sub("", tokens[-1])) is not None:
            return name  # "l'événement a pour titre X": the article elided onto the noun
    return None


_ELISION = re.compile(r"^(?:[ldLD]|dell|all|nell|dall|sull)['’]")


_SOV_QUOTE_REACH = (
    4  # words between a quoted theme and its event noun: "«X» сэдэвт бүс нутгийн бага хурал"
)


def quoted_before_noun(sentence: str | None) -> str | None:
    """In a sentence of a language that puts a name's words before its noun (Kazakh, Uzbek,
    Kyrgyz, Tajik, Mongolian: told by their letters), a quoted name a few words before an event
    noun is its theme or title: "«X» сэдэвт бүс нутгийн бага хурал болно" -> "X"."""
    if not sentence or not NON_RUSSIAN_CYRILLIC.search(sentence):
        return None
    for m in re.finditer(_QUOTED, sentence):
        ahead = name_tokens(sentence[m.end() :])[: _SOV_QUOTE_REACH + 1]
        if any(event_token(t) for t in ahead):
            theme = (m.group(1) or m.group(2)).strip(TRAILING)
            return theme if len(theme.split()) >= 2 else None
    return None


_THEME_AND = frozenset(["ve", "va", "ва", "және", "жана", "ба", "ile", "и", "and"])
_POSTPOSED_WORDS = 8  # words a theme before its postposition holds at most
_POSTPOSED_REACH = 40  # characters between the postposition and the event noun it qualifies
# A Turkic locative ("Астанада", "үйінде", "Ankara'da"): the place of the event, not its theme.
_LOCATIVE = re.compile(r"(?:да|де|та|те|нда|нде|da|de|ta|te)[,;:]?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _postposed_intro() -> re.Pattern[str] | None:
    after = "|".join(r.source for r in lexicon.select("name_intro") if r.place == "after")
    return re.compile(rf"(?<!\w)(?:{after})(?!\w)", re.IGNORECASE) if after else None


def postposed_theme(sentence: str) -> str | None:
    """An unquoted theme before the postposition that introduces it, in the languages that put
    it there (Kazakh "X тақырыбында", Turkish "X konulu", Uzbek "X mavzusida"), followed by an
    event noun: "Облыста Жастар және қауіпсіздік тақырыбында семинар өтті" -> "Жастар және
    қауіпсіздік". Without quotes, the theme starts at its capital letter: the nearest capitalised
    word before the postposition that follows a lower-case word, a locative or the start."""
    intro = _postposed_intro()
    if intro is None or sentence is None:
        return None
    for m in intro.finditer(sentence):
        if not has_event_word(sentence[m.end() : m.end() + _POSTPOSED_REACH]):
            continue
        words = sentence[: m.start()].split()[-_POSTPOSED_WORDS:]
        for k in range(len(words) - 1, -1, -1):
            if not words[k][:1].isupper():
                continue
            if _LOCATIVE.search(words[k]):
                return None  # "Облыста жастар тақырыбында": the place, then a lower-case theme
            before = words[k - 1] if k else ""
            if before.casefold() in _THEME_AND:
                continue  # "Terör ve Güvenlik konulu": a conjunction inside a title-cased theme
            if k == 0 or not before[:1].isupper() or _LOCATIVE.search(before):
                theme = " ".join(words[k:]).strip(TRAILING + quotes.NOT_APOSTROPHES)
                return theme if len(theme.split()) >= 2 and len(theme) >= 8 else None
        return None
    return None
