"""Is a page (or a section of one) about a conference on counter-terrorism or violent extremism?

Two kinds of evidence, in English, Russian, French and German: wording of an event (conference,
seminar, workshop, round table, ...) and a counter-terrorism topic (terrorism, violent extremism,
radicalisation, VERLT, P/CVE, FTFs, terrorism financing, ...). The title weighs more than the body:
a topic word in the title suffices, in the body it must occur at least twice.

A press release reporting on a seminar that was held ("A two-day national seminar ... concluded
today in Ulaanbaatar") is relevant: it describes a real CT event, and whether it has usable dates
is the caller's decision. Pages whose title is a statement, a visit, an appointment or an election
report are not conferences unless the title itself names one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["RelevanceRule", "Verdict", "judge"]

_STRONG_EVENT = (
    r"conferences?|seminars?|workshops?|forums?|fora|symposi(?:um|a)|round[\s-]?tables?|webinars?"
    r"|high[\s-]level\s+(?:meeting|event|dialogue|segment)|expert(?:s|-level)?\s+meetings?|summits?"
    r"|congress(?:es)?|colloqui(?:um|a)|side[\s-]events?|panel\s+discussions?|table[\s-]top\s+exercises?"
    r"|конференци\w*|семинар\w*|форум\w*|круглы\w+\s+стол\w*|симпозиум\w*|вебинар\w*|саммит\w*"
    r"|conférences?|séminaires?|ateliers?|tables?[\s-]rondes?|colloques?|sommets?"
    r"|\w*konferenz(?:en)?|tagung(?:en)?"
)
_WEAK_EVENT = (
    r"meetings?|dialogues?|consultations?|trainings?|training\s+courses?|courses?|sessions?"
    r"|совещани\w*|встреч\w*|тренинг\w*|мероприяти\w*|réunions?|dialogues?|formations?"
)
# A meeting word with a qualifier that makes it a session of its own: "the ninth meeting of the
# Committee", "today's online meeting", "a joint Web Dialogue", "annual Ministerial meetings".
_QUALIFIED_WEAK = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+tieth|\d+(?:st|nd|rd|th)|online|virtual|web|annual|plenary|joint|ministerial|regional"
    r"|international|expert|coordinating\s+committee|steering\s+committee)\s+"
    r"(?:meetings?|dialogues?|consultations?|sessions?)"
)
_EVENT_STRONG = re.compile(rf"\b(?:{_STRONG_EVENT}|{_QUALIFIED_WEAK})\b", re.IGNORECASE)
_EVENT_ANY = re.compile(rf"\b(?:{_STRONG_EVENT}|{_WEAK_EVENT})\b", re.IGNORECASE)
_NOT_EVENTS = re.compile(
    r"\b(?:press\s+conferences?|news\s+conferences?|conference\s+room|пресс-конференци\w*"
    r"|conférences?\s+de\s+presse)\b",
    re.IGNORECASE,
)
_TOPIC_WORDS = (
    r"terroris[mt]s?\w*|counter-?\s?terror\w*|anti-?\s?terror\w*|extremis[mt]\w*|radicali[sz]ation\w*"
    r"|radicali[sz]ed|foreign\s+terrorist\s+fighters?|террор\w*|контртеррор\w*|экстремиз\w*|экстремист\w*"
    r"|радикализ\w*|terroris\w*|extrémis\w*|radicalisation\w*"
)
_TOPIC = re.compile(rf"\b(?:{_TOPIC_WORDS})\b", re.IGNORECASE)
# Acronyms only as written: "cve" inside a URL or "ftf" in lower case are something else.
# The counter-terrorism bodies' own acronyms name the topic: a GCTF or CTED meeting is a CT event.
_TOPIC_ACRONYMS = re.compile(
    r"\b(?:VERLT|P/CVE|PCVE|P/CVERLT|CVE|PVE|FTFs?|CFT|AML/CFT|CT|GCTF|CTED|UNOCT|UNCCT|CTITF|CTC|АТЦ)\b"
)
_TITLE_NOT_EVENT = re.compile(
    r"^\s*(?:statement|remarks|speech|address|interview|op-?ed|vacanc|appointment|obituary)"
    r"|\b(?:visits?|visited|meets|met\s+with|appoint(?:s|ed|ment)|elections?|statement\s+by"
    r"|remarks\s+by|speech\s+by|election\s+observation)\b",
    re.IGNORECASE,
)
# "Meeting with the Minister", "Meeting with partner institution X": a visit, not a conference.
_BILATERAL = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:meeting|meets|met|talks)\s+with\b", re.IGNORECASE)
_BODY_TOPIC_MIN = 2
_BODY_EVENT_MIN = 1


@dataclass(frozen=True)
class RelevanceRule:
    require_event_words: bool = True
    require_topic_words: bool = True
    extra_topic_words: tuple[str, ...] = ()  # per-source additions ("border security", ...)
    exclude_words: tuple[str, ...] = ()  # per-source exclusions ("vacancy", "tender", ...)

    @classmethod
    def from_config(cls, data: Mapping[str, object] | None) -> RelevanceRule:
        """Build from a source's ``relevance`` table; unknown keys and bad types are ignored."""
        if not data:
            return cls()

        def flag(name: str, default: bool) -> bool:
            value = data.get(name, default)
            return value if isinstance(value, bool) else default

        def words(name: str) -> tuple[str, ...]:
            value = data.get(name, ())
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list | tuple):
                return ()
            return tuple(str(w).strip() for w in value if str(w).strip())

        return cls(
            require_event_words=flag("require_event_words", True),
            require_topic_words=flag("require_topic_words", True),
            extra_topic_words=words("extra_topic_words"),
            exclude_words=words("exclude_words"),
        )


@dataclass(frozen=True)
class Verdict:
    relevant: bool
    reason: str


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _phrase(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _topic_hits(text: str, extra: re.Pattern[str] | None) -> int:
    hits = _count(_TOPIC, text) + _count(_TOPIC_ACRONYMS, text)
    return hits + (_count(extra, text) if extra else 0)


def _event_hits(text: str, pattern: re.Pattern[str]) -> int:
    return _count(pattern, _NOT_EVENTS.sub(" ", text))


_HELD = re.compile(
    r"\b(?:was|were|is|are|will\s+be)\s+(?:held|organi[sz]ed|convened)\b|\btak(?:es|ing)\s+place\b|\btook\s+place\b"
    r"|\bсостоял\w*|\bсостоится\b|\bпрош(?:ла|ел|ло)\b|\bпройд[её]т\b|\bs['’]est\s+tenu\w*|\ba\s+eu\s+lieu\b",
    re.IGNORECASE,
)


def _held_event(body: str) -> bool:
    """A meeting word in a sentence saying it is or was held ("состоялось ... мероприятие")."""
    from confwatch.spiders.normalise.sentences import split_sentences

    return any(
        _HELD.search(s) and _EVENT_ANY.search(_NOT_EVENTS.sub(" ", s))
        for s in split_sentences(body)[:40]
    )


def judge(
    title: str | None,
    text: str,
    *,
    rule: RelevanceRule = RelevanceRule(),  # frozen, so sharing the default is safe
    has_date: bool = True,
) -> Verdict:
    """Decide whether a page announces or reports a CT/P-CVE conference-like event.

    ``has_date=False`` (the caller found no date) asks for the event wording in the title.
    """
    title = title if isinstance(title, str) else ""
    body = text if isinstance(text, str) else ""
    try:
        hash(rule)
    except TypeError:  # a rule built by hand with lists: judged without the cache
        return _judge.__wrapped__(title, body, rule, has_date)
    return _judge(title, body, rule, has_date)


# A page is judged twice over (its heading while choosing the title, then the item): the verdict
# depends on nothing but the arguments, so the second time is a lookup.
@lru_cache(maxsize=64)
def _judge(title: str, body: str, rule: RelevanceRule, has_date: bool) -> Verdict:
    excluded = _phrase(rule.exclude_words)
    if excluded and (found := excluded.search(f"{title}\n{body}")):
        return Verdict(False, f"excluded by source rule: {found.group(0)!r}")
    extra = _phrase(rule.extra_topic_words)
    title_event = _event_hits(title, _EVENT_ANY) > 0
    if rule.require_event_words:
        if _BILATERAL.search(title):
            return Verdict(False, "title is a bilateral meeting or visit")
        if _TITLE_NOT_EVENT.search(title) and not title_event:
            return Verdict(False, "title is a statement, visit, appointment or election item")
        body_event = _event_hits(body, _EVENT_STRONG) >= _BODY_EVENT_MIN or _held_event(body)
        if not has_date and not title_event:
            return Verdict(False, "no date and no conference/meeting wording in the title")
        if not (title_event or body_event):
            return Verdict(False, "no conference/meeting wording")
    if rule.require_topic_words:
        title_topic = _topic_hits(title, extra) > 0
        if not title_topic and _topic_hits(body, extra) < _BODY_TOPIC_MIN:
            return Verdict(False, "no counter-terrorism topic")
    return Verdict(True, "conference-like event on counter-terrorism / violent extremism")
