"""Russian names whose remit is itself a list, so that a list separator inside it does not end
the name; and adjectives coordinated on a body written in lower case.

Russian names a body's remit after "по" with abstract nouns coordinated by commas and "и":
"Министерство по внешним связям, национальной политике, печати и информации", "Центр по
вопросам формирования ..., предупреждения ... и профилактики экстремизма". Such a remit is
written in lower case and names no body or person; a lower-case piece that names a body
("администрацией района") or people ("представителями духовенства") is the list's next item.

Separate from ``organiser_lists``, which asks it of every piece after a comma or "и".
"""

from __future__ import annotations

import re

from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_words import CYRILLIC

__all__ = ["adjective_on_body", "genitive_portfolio", "remit_goes_on", "without_remit"]

# The remit after "по" up to the piece: lower-case words (and commas, "и", "у") only.
_RU_REMIT = re.compile(r"\sпо\s+[а-яё]+(?:(?:\s*,\s*|\s+)[а-яё]+)*\s*$")
# People are not a remit: "представителями духовенства", "студенты и школьники".
_RU_PEOPLE = re.compile(
    r"^(?:представител|участник|студент|школьник|учащ|эксперт|сотрудник|руководител|депутат"
    r"|член|преподавател|специалист|жител|глав|гост|ветеран|волонт[её]р|активист|духовенств"
    r"|священнослужител|педагог|учител|родител|молодые|граждан)",
    re.IGNORECASE,
)
_MAX_REMIT_WORDS = 6
# The territory a Russian regional body serves, in the genitive, ends its name: "Брянской
# области", "Алтайского края", "Республики Татарстан", "города Москвы".
_RU_TERRITORY = re.compile(
    r"\s+(?:[А-ЯЁ][а-яё-]+\s+(?:области|края|округа|района)"
    r"|(?:Республики|города)\s+[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+)?)\s*$"
)
# A Russian adjective's endings, in every case and gender ("федеральной", "местные").
_RU_ADJECTIVE = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими)$", re.IGNORECASE
)


def remit_goes_on(before: str, chunk: str) -> bool:
    """Whether ``chunk``, after a comma or "и", continues the lower-case remit after "по" that
    ends ``before`` ("Министерство по внешним связям" + "национальной политике")."""
    # "... и спорту Брянской области": a regional body's name ends with its territory.
    words = _RU_TERRITORY.sub("", chunk).split()
    if not words or len(words) > _MAX_REMIT_WORDS or not CYRILLIC.search(chunk):
        return False
    if not all(re.fullmatch(r"[а-яё]+", w) for w in words):
        return False  # a capital, an acronym or a number: a name of its own ("СОГУ им. ...")
    if _RU_PEOPLE.match(words[0]) or any(cat.is_org_word(w) for w in words):
        return False
    return bool(_RU_REMIT.search(" " + before))


def adjective_on_body(words: list[str]) -> bool:
    """Whether lower-case ``words`` coordinated on a lower-case body are its adjectives ("les
    autorités fédérales et provinciales", "местными и федеральными органами"); a Russian noun
    ("представителями духовенства") is not."""
    first = words[0]
    if CYRILLIC.search(first):
        return bool(_RU_ADJECTIVE.search(first))
    return True


# A Russian ministry named by its portfolio in the genitive, in lower case: "Министерство
# образования", "министерством культуры", "Министерство региональной политики"; so too a
# department, directorate or committee ("Департамент образования и науки города Москвы").
_RU_MINISTRY = re.compile(
    r"^(?:минист|департамент|управлени|комитет)[а-яё]*\s+"
    r"(?:[а-яё]+(?:ой|ого|ых|их|ей)\s+)?[а-яё]+$",
    re.IGNORECASE,
)
_MAX_PORTFOLIO_WORDS = 3
_RU_SEAT = re.compile(r"\s(?:города|республики|области|края|района)\s+[А-ЯЁ][а-яё-]+$", re.I)


def genitive_portfolio(before: str, chunk: str) -> bool:
    """Whether ``chunk`` after "и" is the second portfolio of the Russian ministry ``before``
    ("Министерство образования" + "науки ЧР"): one ministry, as "Министерство образования и
    министерство культуры" names two. So too the second genitive noun of another body's remit
    ("центром духовности" + "просвещения"), one word or an adjective and its noun."""
    words = chunk.split()
    # The place the body serves closes its name and counts for no portfolio: "... города Москвы".
    seat = 2 if _RU_SEAT.search(chunk) else 0
    if not words or len(words) - seat > _MAX_PORTFOLIO_WORDS:
        return False
    first = words[0]
    if not (
        bool(re.fullmatch(r"[а-яё]+", first))
        and not cat.is_org_word(first)
        and not _RU_PEOPLE.match(first)
    ):
        return False
    if _RU_MINISTRY.match(before.strip()):
        return True
    body = _RU_GENITIVE_REMIT.match(before.strip())
    return (
        body is not None
        and cat.is_org_word(body.group("head"))
        and (len(words) == 1 or (len(words) == 2 and bool(_RU_ADJECTIVE.search(first))))
        and all(re.fullmatch(r"[а-яё]+", w) for w in words)
    )


# A Russian body's name ending in its remit, a lower-case noun in the genitive: "центром
# духовности", "Республиканским центром духовности" (its head is the organisation word).
_RU_GENITIVE_REMIT = re.compile(
    r"^(?:[А-ЯЁа-яё]+(?:ий|ый|ой|ая|ое|им|ым|ого|его|ым|ой)\s+)?(?P<head>[А-ЯЁа-яё]+)"
    r"\s+[а-яё]+(?:ости|ения|ания|ии|ства|ики|ки|ы|и)$"
)


# A remit ending a name: "по" and lower-case words, commas and "и" to its end.
_RU_WHOLE_REMIT = re.compile(r"\sпо\s+[а-яё]+(?P<rest>(?:(?:\s*,\s*|\s+)[а-яё]+)+)\s*$")


def without_remit(text: str) -> str:
    """A Russian name with its lower-case remit cut to its first word, so that a long remit
    ("по вопросам формирования ..., предупреждения ... и профилактики экстремизма") does not
    read as prose: "Центр по вопросам"."""
    m = _RU_WHOLE_REMIT.search(text)
    return text[: m.start("rest")] if m else text
