"""Is a page (or a section of one) about a conference on counter-terrorism or violent extremism?

Two kinds of evidence, in every language of the lexicon (``lexicon.py``): wording of an event
(conference, seminar, workshop, round table, круглый стол, Tagung, reunión ministerial, ...) and a
counter-terrorism topic (terrorism, violent extremism, radicalisation, VERLT, P/CVE, FTFs,
financement du terrorisme, противодействие экстремизму, returning fighters, ...). The title
weighs more than the body: a topic word in the title suffices, in the body it must occur at least
twice. A training course is no conference (eval-format §5.1), nor is a body's bare session.

A press release reporting on a seminar that was held ("A two-day national seminar ... concluded
today in Ulaanbaatar") is relevant: it describes a real CT event, and whether it has usable dates
is the caller's decision. Pages whose title is a statement, a visit, an appointment or an election
report are not conferences unless the title itself names one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache

__all__ = ["RelevanceRule", "Verdict", "judge"]

# Every word below comes from the lexicon (``data/lexicon.toml``): event nouns of each kind, topic
# words, titles of pages that are no event pages, wording that says a meeting is held.
# Strong event words name an event on their own ("conference", "круглый стол", "Fachtagung",
# "réunion ministérielle", "special meeting", "35-е заседание"); any event word also counts the
# bare meetings, sessions, events and trainings.
_STRONG_KINDS = lexicon.STRONG
_ANY_KINDS = lexicon.STRONG | lexicon.WEAK
# "The meeting will take place", "состоялось мероприятие": a meeting said to be held is an event;
# a body's session ("прошло заседание") or a training course said to be held is not (§5.1).
_HELD_KINDS = frozenset({"large", "small", "qualified", "meeting", "generic"})
# A title naming a body's bare session ("прошло заседание НАК") names no event of its own.
_TITLE_KINDS = _HELD_KINDS | {"training"}


def _title_not_event() -> re.Pattern[str]:
    return _compiled_title_rules()[0]


def _bilateral() -> re.Pattern[str]:
    return _compiled_title_rules()[1]


def _training_headline() -> re.Pattern[str]:
    return _compiled_title_rules()[2]


# Read apart from the other titles: a headline that trains people is a course's page, and the
# verdict says so.
_OWN_VERDICT = frozenset({"bilateral", "training"})


@lru_cache(maxsize=1)
def _compiled_title_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rows = lexicon.select("title_not_event")
    start = "|".join(r.source for r in rows if r.place == "start" and r.kind not in _OWN_VERDICT)
    anywhere = "|".join(r.source for r in rows if r.place != "start" and r.kind not in _OWN_VERDICT)
    # "Statement by ...", "Visit of ...": a statement, a visit, an appointment or an election item.
    title = pattern_cache.compiled(rf"^\s*(?:{start})|(?<!\w)(?:{anywhere})(?!\w)", re.IGNORECASE)
    # "Meeting with the Minister", "Встреча с ...": a visit, not a conference.
    talks = lexicon.fragment("title_not_event", "bilateral")
    bilateral = re.compile(rf"^\s*(?:\w+\s+){{0,3}}?{talks}(?!\w)", re.IGNORECASE)
    # "The Agency trains 40 officers", "capacitan a funcionarios": a body training people.
    trains = lexicon.fragment("title_not_event", "training")
    training = re.compile(rf"(?<!\w){trains}(?!\w)", re.IGNORECASE)
    return title, bilateral, training


_BODY_TOPIC_MIN = 2
# The sentences of a page's lead searched for a meeting named with its topic.
_TOPIC_SENTENCES = 40
_TRAINING_MIN = 2
_BODY_EVENT_MIN = 1
# The marks of a course (lexicon "teaching"); two kinds of them make a workshop a course. A
# "course_meeting" is a workshop named for teaching its audience ("talleres formativos"); "skills",
# an aim put as the participants' own skills ("renforcer leurs compétences"); "audience", a
# meeting held for a school's own students or telling them ("провёл для обучающихся").
_TEACHING = (
    "certificate",
    "module",
    "trainee",
    "practice",
    "simulation",
    "course_meeting",
    "skills",
    "audience",
)
_TEACHING_MIN = 2


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
    hits = lexicon.words("topic").count(text)
    return hits + (_count(extra, text) if extra else 0)


def _body_topic_min(title: str, body: str) -> int:
    """Topic words the text needs when the title names none. A headline naming a security body
    ("спецслужбы съехались", "Jahrestagung des Landeskriminalamtes") makes terrorism named once
    in the text enough: it is then one item of the meeting's agenda, not a word in passing on a
    page about something else. "Security" alone does not: a security review conference's page
    may name terrorism once in a unit's name ("Action against Terrorism Unit"). Nor does a
    single word in passing; but one in the sentence that names a conference or seminar is its
    subject ("held the Seminar on Transnational Threats: Terrorism and Cybercrime"). A bare
    meeting's agenda does not do ("the two-day meeting will take up ... and terrorism"): a
    body's statutory session reads so too."""
    if lexicon.words("security", "agency").search(title):
        return 1
    if _topic_of_meeting(body, agenda=bool(lexicon.words("agenda", "headline").search(title))):
        return 1
    return _BODY_TOPIC_MIN


def _topic_of_meeting(body: str, *, agenda: bool = False) -> bool:
    """A sentence of the lead that names a conference-like event and a counter-terrorism topic
    together. Only a sentence of running text, ended as one: a line that is only a name (a
    listing's link, a menu entry, a caption) names no subject of this page's meeting. With
    ``agenda`` (the headline is on security), the topic may also be one item of what the
    conference discusses."""
    from confwatch.spiders.normalise.sentences import split_sentences

    topic = lexicon.words("topic")
    for s in split_sentences(body)[:_TOPIC_SENTENCES]:
        if not _ENDED.search(s):
            continue
        hits = [m.start() for m in topic.finditer(s)]
        if not hits:
            continue
        for word in lexicon.event_words(s, _STRONG_KINDS):
            if any(at > word.end and _subject_gap(s[word.end : at]) for at in hits):
                return True
            if agenda and _on_agenda(s, word.end, hits):
                return True
        # Any meeting organised by a body named for the topic is on it, a bare one too.
        first = lexicon.event_words(s, _HELD_KINDS)
        if first and _organised_by_topic_body(s, first[0].end, hits):
            return True
    return False


# Between a conference noun and the verb of its agenda: a few words of the same clause ("the
# conference will discuss", "участники конференции обсудят", "the seminar, held in Riga, examined").
_AGENDA_GAP = 60


def _on_agenda(sentence: str, after: int, hits: list[int]) -> bool:
    """The meeting named just before ``after`` goes on to discuss, debate or examine items of
    which one is a counter-terrorism topic ("the participants of the conference will discuss
    regional security, ... and cooperation against terrorism"): under a headline on security,
    the topic is on its agenda, an item of the meeting's own subject, though not its name. A
    clause after a semicolon ("discussed trade; terrorism was mentioned") is another statement.
    Under any other headline the list is a trade forum's ("discussed trade, tourism and,
    briefly, terrorism"), and terrorism an item in passing."""
    m = lexicon.words("agenda", "discuss").search(sentence, after)
    if m is None or m.start() - after > _AGENDA_GAP:
        return False
    clause_end = sentence.find(";", m.end())
    end = clause_end if clause_end >= 0 else len(sentence)
    return any(m.end() < at < end for at in hits)


def _organised_by_topic_body(sentence: str, after: int, hits: list[int]) -> bool:
    """The meeting is organised by a body named for the topic ("la Reunión ..., organizada por el
    Comité Interamericano contra el Terrorismo"): such a body's meetings are on its subject."""
    for m in lexicon.words("role", "organiser").finditer(sentence):
        if m.start() < after:
            continue
        start = _AFTER_ROLE.match(sentence, m.end())
        if start is None:
            continue
        name = _name_after(sentence, start.end())
        end = start.end() + len(name)
        if any(
            start.end() < at < end and _TOPIC_PREPOSITION.search(sentence, start.end(), at)
            for at in hits
        ):
            return True
    return False


# "contra el Terrorismo", "against Terrorism", "по борьбе с терроризмом": a body named for a topic.
_TOPIC_PREPOSITION = re.compile(
    r"(?<!\w)(?:on|for|against|contra|contre|sur|sobre|gegen|für|по|против|contro)(?!\w)",
    re.IGNORECASE,
)


def _subject_gap(gap: str) -> bool:
    return bool(_SUBJECT_GAP.match(gap) or _BODY_SUBJECT_GAP.match(gap) or _theme_gap(gap))


# After the words that introduce a meeting's theme: a colon or an opening quote, then at most a
# few words of the theme's own phrase, within the clause.
_AFTER_THEME = re.compile(r"\s*[:«\"“„]?\s*[«\"“„]?[^.;!?\n]{0,80}$")


def _theme_gap(gap: str) -> bool:
    """The meeting's theme is introduced by the lexicon's theme words ("a round table on the
    topic «Countering extremism»", "круглый стол на тему: «...»", "colloque sur le thème"): what
    follows is the meeting's subject, as after a preposition of topic."""
    m = lexicon.words("name_intro", "theme").search(gap)
    return m is not None and not gap[: m.start()].strip() and bool(_AFTER_THEME.match(gap, m.end()))


_ENDED = re.compile(r"[.!?…][\s\"'»”)]*$")

# What lies between a conference noun and its subject: a preposition of topic (or a colon or an
# opening quote), then at most a few words within the clause ("Seminar on Transnational Threats:
# Terrorism", "colloque sur le thème « La lutte contre le terrorisme »"). "The conference
# discussed trafficking; links to terrorism were mentioned" names terrorism in passing.
_SUBJECT_GAP = re.compile(
    r"\s*(?:(?:on|about|against|regarding|sur|sobre|contra|acerca\s+de|über|gegen|zu[mr]?|по|о|об"
    r"|sul(?:la)?|su|contro)(?!\w)|[:«\"“„])[^.;!?\n]{0,80}$",
    re.IGNORECASE,
)
# Or the meeting is a body's, and the body is named for the topic: the name follows the noun
# (in the genitive, or after "of"), and its own preposition of topic brings the subject ("the
# plenary week of the Eurasian Group on combating ... terrorism financing", "пленарная неделя
# Евразийской группы по противодействию ... финансированию терроризма"). A body named for
# countering terrorism holds meetings on it.
_BODY_SUBJECT_GAP = re.compile(
    r"\s+(?:(?:of|de|des|du|del)\s+(?:(?:the|la|le|l['’])\s*)?)?(?-i:[A-ZА-ЯЁ])[\w-]*"
    r"(?:\s+[\w-]+){0,3}?\s+(?:on|for|against|по|sur|contre|sobre|contra|gegen)\s"
    # A topic's phrase goes on in lower case; "on Monday", "on 5 May" say when, not what.
    r"(?-i:(?![A-ZА-ЯЁ0-9]))[^.;!?\n]{0,80}$",
    re.IGNORECASE,
)


def _event_hits(text: str, kinds: frozenset[str]) -> int:
    """Event words of these kinds; a press conference or a conference room is none, nor is a word
    of a list of kinds of event ("its courses, conferences, symposia, seminars and workshops"):
    such a list says what a body does, not that a meeting is held."""
    found = lexicon.event_words(text, _ANY_KINDS)
    listed = _listed(text, found)
    return sum(1 for i, w in enumerate(found) if i not in listed and w.kind in kinds)


# Between two items of a list of event kinds: a comma or a conjunction, and at most one word (an
# adjective: "and mobile training programs").
_LIST_GAP = re.compile(
    r"\s*[,;/]?\s*(?:(?:and|or|as\s+well\s+as|et|ou|y|o|e|und|oder|sowie|и|или|та|або)\s+)?"
    r"(?:[^\W\d_]+\s+)?",
    re.IGNORECASE,
)
_LIST_MIN = 3  # event nouns in a row make a list of kinds


def _listed(text: str, found: list[lexicon.EventWord]) -> set[int]:
    """The indexes of words that stand in a list of at least three event nouns joined by commas
    and conjunctions, at least one comma among them."""
    out: set[int] = set()
    run = [0] if found else []
    commas = 0
    for i in range(1, len(found) + 1):
        gap = text[found[i - 1].end : found[i].start] if i < len(found) else None
        if gap is not None and _LIST_GAP.fullmatch(gap):
            run.append(i)
            commas += "," in gap
            continue
        if len(run) >= _LIST_MIN and commas:
            out.update(run)
        run, commas = [i], 0
    return out


# A body's name: capitalised words joined by these short words ("Foro de Cooperación Económica
# de Asia Pacífico", "Comité Interamericano contra el Terrorismo de la Organización ...").
_NAME_JOINERS = frozenset(
    {"of", "the", "for", "on", "and", "against", "in", "de", "del", "la", "las", "los", "el"}
    | {"y", "e", "contra", "en", "et", "des", "du", "le", "les", "d", "l", "für", "der", "die"}
    | {"das", "und", "gegen"}
)
_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# "(APEC", "(CJL)", "(GCTF, por su sigla": an acronym glossing the name before it.
_ACRONYM_GLOSS = re.compile(r"\(\s*[A-Z][A-Za-z&-]*[A-Z]\b")
# The roles whose phrase is followed by a body, never by a meeting: "organizado por el", "under
# the auspices of the", "patrocinado por", "with the support of".
_AGENT_ROLES = ("organiser", "partner", "funder", "auspices", "initiative", "patron")
_ARTICLE = r"(?:(?:the|el|la|los|las|le|les|l[\x27’]|del|de\s+la|des|du|der|die|das|dem|den)\s*)?"
_NAME_MAX_WORDS = 16
_COORDINATED = re.compile(
    r"\s+(?:and|y|e|et|und)\s+(?:(?:the|el|la|los|las|le|les|der|die|das)\s+)?", re.IGNORECASE
)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_before(text: str, end: int) -> str:
    """The capitalised name that ends at ``end`` (walking back over joiners), or ""."""
    words = list(_NAME_WORD.finditer(text, max(0, end - 300), end))
    start = None
    for m in reversed(words[-_NAME_MAX_WORDS:]):
        gap = text[m.end() : start if start is not None else end]
        if gap.strip() or "\n" in gap:
            break
        if _capitalised(m.group(0)):
            start = m.start()
        elif m.group(0).casefold() not in _NAME_JOINERS:
            break
        else:
            start = m.start() if start is not None else None
            if start is None:
                break
    if start is None:
        return ""
    return _trim_joiners(text[start:end])


def _name_after(text: str, start: int) -> str:
    """The capitalised name that starts at ``start`` (joiners inside it), or ""."""
    end = start
    for count, m in enumerate(_NAME_WORD.finditer(text, start, start + 300)):
        gap = text[end : m.start()]
        if count >= _NAME_MAX_WORDS or (count and (gap.strip() or "\n" in gap)):
            break
        if count == 0 and m.start() != start:
            break
        if not _capitalised(m.group(0)) and m.group(0).casefold() not in _NAME_JOINERS:
            break
        end = m.end()
    return _trim_joiners(text[start:end])


def _trim_joiners(name: str) -> str:
    words = name.split()
    while words and words[-1].casefold() in _NAME_JOINERS:
        words.pop()
    while words and words[0].casefold() in _NAME_JOINERS:
        words.pop(0)
    return " ".join(words)


_AFTER_ROLE = re.compile(rf"\s+{_ARTICLE}(?=[^\W\d_])", re.IGNORECASE)


def _agent_starts(body: str) -> list[int]:
    """Where a name starts after an organiser, partner, funder or patron phrase. The phrases are
    found as whole words grouped by first letter (a plain alternation of every language's role
    rows, tried at every word of a long page, cost more than the rest of the gate)."""
    starts = []
    for m in lexicon.words("role", *_AGENT_ROLES).finditer(body):
        after = _AFTER_ROLE.match(body, m.end())
        if after:
            starts.append(after.end())
    return starts


@lru_cache(maxsize=64)
def _named_bodies(body: str) -> tuple[str, ...]:
    """Names of bodies that contain an event noun, as the text shows them to be bodies: named as
    the agent of a role ("organizado por el Congreso Judío Latinoamericano", "under the auspices
    of the Global Counterterrorism Forum"), or glossed with an acronym that is such an agent
    ("Foro de Cooperación Económica de Asia Pacífico (APEC)" ... "patrocinado por APEC"). A
    meeting does not organise, host, fund or sponsor anything. An acronym alone proves nothing:
    meetings are glossed so too ("the Defence Against Terrorism Conference (DAT)")."""
    agents = [_name_after(body, start) for start in _agent_starts(body)]
    heads = {a.split()[0] for a in agents if a}
    # "el Congreso ... y el Comité ...": each body of a list by itself too.
    names = [n for a in agents for n in (a, *_COORDINATED.split(a)) if len(n.split()) >= 2]
    for m in _ACRONYM_GLOSS.finditer(body):
        acronym = m.group(0).lstrip("( \t")
        if acronym in heads or _coordinated_with_body(body, m.start()):
            names.append(_name_before(body, m.start()))
    return tuple(dict.fromkeys(n for n in names if len(n.split()) >= 2 and lexicon.event_kinds(n)))


# The head words of an organisation's name: a committee, a council, a ministry, a foundation.
_BODY_HEADS = frozenset(
    {
        "committee",
        "comité",
        "comite",
        "comitato",
        "commission",
        "comisión",
        "comision",
        "council",
        "consejo",
        "conseil",
        "organization",
        "organisation",
        "organización",
        "organizacion",
        "ministry",
        "ministerio",
        "ministère",
        "foundation",
        "fundación",
        "fundacion",
        "fondation",
        "institute",
        "instituto",
        "institut",
        "centre",
        "center",
        "centro",
        "agency",
        "agencia",
        "agence",
        "office",
        "oficina",
        "bureau",
        "university",
        "universidad",
        "université",
    }
)
# ") y el Comité", ") and the Council", ") et la Fondation": the next item of a list of names.
_NEXT_ITEM = re.compile(
    r"[^()\n]{0,12}\)\s*,?\s*(?:and|y|e|et|und)\s+"
    r"(?:(?:the|el|la|los|las|le|les|l['’]|der|die|das|o|a)\s*)?([^\W\d_]+)",
    re.IGNORECASE,
)


def _coordinated_with_body(body: str, gloss: int) -> bool:
    """The name glossed at ``gloss`` is followed, as the next item of a list, by a name headed
    by an organisation word ("el Congreso X (CJL) y el Comité Y (CICTE)"): the items of one list
    are of one kind, so the first name is a body's too, whatever its own head noun says."""
    m = _NEXT_ITEM.match(body, gloss + 1)
    return m is not None and m.group(1).casefold() in _BODY_HEADS


def _in_named_body(text: str, word: lexicon.EventWord, bodies: tuple[str, ...]) -> bool:
    folded = text.casefold()
    for name in bodies:
        key = name.casefold()
        at = folded.find(key)
        while at >= 0:
            if at <= word.start and word.end <= at + len(key):
                return True
            at = folded.find(key, at + 1)
    return False


def _title_event_words(title: str, body: str, kinds: frozenset[str]) -> int:
    """Event words of the title that are not part of a body's name the text gives."""
    found = lexicon.event_words(title, kinds)
    if not found:
        return 0
    bodies = _named_bodies(body)
    return sum(1 for w in found if not _in_named_body(title, w, bodies))


def _names_a_body(title: str, body: str) -> bool:
    """A title with event nouns, all inside a body's name ("Congreso Judío Latinoamericano",
    "Technical Support to a Global Counterterrorism Forum Initiative"): it names no meeting."""
    return bool(lexicon.event_words(title, _ANY_KINDS)) and not _title_event_words(
        title, body, _ANY_KINDS
    )


# A new meeting is introduced with an indefinite article or its topic ("a conference on ...");
# the press conference's own "conference" is neither.
_NEW_MEETING_BEFORE = re.compile(r"(?:^|\s)(?:an?|une?|una|eine[nm]?|ein)\s+(?:\w+\s+)?$", re.I)
_NEW_MEETING_AFTER = re.compile(r"\s+(?:on|about|sur|sobre|по|über|zum|zur)\s", re.I)


def _without_press_echoes(body: str) -> str:
    """The body with "the conference" blanked where it echoes a press conference, the last
    meeting named before it in its paragraph ("Пресс-конференция ... состоялась. Речь на
    конференции шла о ...", "At the press conference ... the conference heard"): the bare noun
    names the press conference again."""
    found = lexicon.event_words(body, _ANY_KINDS | {"not_event"})
    if not any(w.kind == "not_event" for w in found):
        return body
    out = body
    for last, w in itertools.pairwise(found):
        if last.kind == "not_event" and w.kind in _STRONG_KINDS and _echoes(body, w, last):
            out = out[: w.start] + " " * (w.end - w.start) + out[w.end :]
    return out


def _echoes(body: str, word: lexicon.EventWord, press: lexicon.EventWord) -> bool:
    if "\n\n" in body[press.end : word.start]:
        return False
    if word.text.casefold()[:6] not in press.text.casefold():
        return False
    line_start = body.rfind("\n", 0, word.start) + 1
    before = body[max(line_start, word.start - 30) : word.start]
    after = body[word.end : word.end + 8]
    return not (_NEW_MEETING_BEFORE.search(before) or _NEW_MEETING_AFTER.match(after))


# The lead of a news item: what the page reports is named within it.
_LEAD_CHARS = 700


def _press_page(body: str) -> bool:
    """The page's first meeting is a press conference ("Rueda de prensa posterior al Consejo de
    Ministros", "The minister told a news conference"), and no other meeting is named in its
    lead: it reports what was said there, and meetings named further down ("the summit convened
    by the French minister") are its context. The title names none (the caller checks)."""
    found = lexicon.event_words(body, _ANY_KINDS | {"not_event"})
    if not found or found[0].kind != "not_event":
        return False
    return _lead_names_no_conference(found)


def _lead_names_no_conference(found: list[lexicon.EventWord]) -> bool:
    """No conference-like word within the lead that the first event word opens."""
    lead_end = found[0].end + _LEAD_CHARS
    return not any(w.kind in _STRONG_KINDS and w.start < lead_end for w in found)


# "The two sides discussed ...": the parties of a bilateral talk, in the languages of the lexicon;
# "собеседники обсудили" (the interlocutors discussed), "Стороны условились" (the sides agreed),
# "Сторони поділилися досвідом" (the sides shared their experience):
# two people talking, not a meeting of many.
_TWO_SIDES = re.compile(
    r"(?<!\w)(?:the\s+two\s+sides|both\s+sides|les\s+deux\s+parties|обе\s+стороны"
    r"|ambas\s+partes|las\s+dos\s+partes|beide\s+seiten|le\s+due\s+parti"
    r"|the\s+interlocutors|les\s+interlocuteurs|собеседники|los\s+interlocutores|обидві\s+сторони"
    # "Сторони, зокрема, поділилися досвідом": an aside may stand between the sides and their verb.
    r"|(?:the\s+sides|стороны|сторони)[,\s]+(?:\w+,?\s+){0,2}?(?:discussed|agreed|exchanged"
    r"|обсудили|условились|договорились|обменялись|обговорили|домовилися|обмінялися|поділилися))"
    r"(?!\w)",
    re.IGNORECASE,
)


def _bilateral_page(body: str) -> bool:
    """The page reports talks between two sides ("the two sides reviewed ..."), its first meeting
    is a bare meeting (the talks themselves), and no conference-like word follows within its
    lead: a visit or bilateral talk (eval-format §5.1); a conference named further down ("efforts
    to make the Baghdad conference a success") is its context. The title names none (the caller
    checks)."""
    found = lexicon.event_words(body, _ANY_KINDS | {"not_event"})
    if not found or found[0].kind in _STRONG_KINDS:
        return False
    sides = _TWO_SIDES.search(body, 0, found[0].end + _LEAD_CHARS)
    return sides is not None and _lead_names_no_conference(found)


# The meeting where a statement was made: a preposition of place, an article, at most three words
# ("Speech by X at the UN Security Council Open Debate", "Discours de X à la conférence de
# Genève", "Rede von X auf der Konferenz"). "Statement of the participants of the conference" is
# the meeting's own outcome, and stays.
_AT_MEETING = re.compile(
    r"(?<!\w)(?:at|before|à|au|aux|devant|en|ante|na|no|nella|alla|al|all['’]|на|в|во|перед|bei"
    r"|auf|vor|an)\s+(?:(?:the|la|le|l['’]|les|el|los|las|a|o|der|dem|den|die|das)\s*)?"
    r"(?:[^\W\d_][\w'’-]*\s+){0,3}$",
    re.IGNORECASE,
)


# The opening sentences of a page searched for the conference a talk is given at.
_TALK_LEAD = 2
_TALK_SENTENCE_WORDS = 4  # shorter ones are a dateline's pieces ("5.", "MAI 2021")


def _talk_at_announced_conference(title: str, body: str) -> bool:
    """A title announcing a talk ("Vortrag zum Terrorismus am 6. Mai", "Public talk on
    radicalisation") over a text whose opening says a conference is held and by whom ("Das
    Institut und die Universität organisieren ihre erste Online-Konferenz zum Thema ..."): the
    speaker's page announces the conference the talk is part of, an event of its own (§5.1)."""
    from confwatch.spiders.normalise.sentences import announces_event, split_sentences

    lecture = lexicon.words("title_not_event", "lecture")
    if not lecture.search(title) or _title_not_event().search(title) is None:
        return False
    running = [
        s
        for s in split_sentences(body)[:_TOPIC_SENTENCES]
        if _ENDED.search(s) and len(s.split()) >= _TALK_SENTENCE_WORDS
    ]
    return any(
        announces_event(s) and any(w.kind == "large" for w in lexicon.event_words(s, _ANY_KINDS))
        for s in running[:_TALK_LEAD]
    )


def _statement_at_meeting(title: str) -> bool:
    """A title that opens as a statement ("Discours de ...", "Statement by ...") and names its
    meetings only as the place the statement was made: a speech's page, not the meeting's
    (eval-format §5.1)."""
    opening = _title_not_event().match(title)
    if opening is None or title[opening.end() : opening.end() + 1].isalnum():
        return False
    found = lexicon.event_words(title, _ANY_KINDS)
    return bool(found) and all(_AT_MEETING.search(title[: w.start]) for w in found)


# "of the Interagency Permanent Commission", "de la commission interministérielle",
# "межведомственной комиссии": a body of one government's agencies, whatever its head noun; or a
# ministry's own board ("коллегия").
_INTERAGENCY_BODY = re.compile(
    r"\s+(?:(?:of|de|du|des|del|de\s+la|der|des)\s+(?:(?:the|la|le|l['’]|el)\s*)?)?"
    r"(?:[^\W\d_][\w-]*\s+){0,3}?(?:inter-?agency|inter-?departmental|inter-?ministerial"
    r"|interministériel\w*|interministeriale|interinstitucional|межведомственн\w*"
    # A ministry's or an agency's board ("заседание коллегии прокуратуры", "засідання колегії
    # міністерства"): its sittings review the body's own work, like an inter-agency commission's.
    r"|коллеги(?:я|и|ю|ей)|колегі(?:я|ї|ю|єю))(?!\w)",
    re.IGNORECASE,
)


def _interagency_session(title: str) -> bool:
    """A title naming only a meeting or session of an inter-agency commission ("Eighth meeting
    of the Interagency Commission on the Counter-Terrorism Strategy"): the government's own
    agencies reviewing their work in a routine sitting, not a conference (eval-format §5.1)."""
    found = lexicon.event_words(title, _ANY_KINDS)
    return bool(found) and all(
        (w.kind in ("meeting", "session") or w.noun in ("meeting", "session"))
        and _INTERAGENCY_BODY.match(title, w.end)
        for w in found
    )


def _training_title(title: str) -> bool:
    """A title that names a training course and no other meeting: no event (§5.1)."""
    found = lexicon.event_words(title, _ANY_KINDS)
    return bool(found) and all(w.kind == "training" for w in found)


# "en plus de formations, un séminaire", "besides its courses, a conference": the training named
# as another of the body's activities, beside the meeting the page is about.
_BESIDES = re.compile(
    r"(?<!\w)(?:in\s+addition\s+to|besides|apart\s+from|en\s+plus\s+(?:de|des|d['’])|outre"
    r"|au-delà\s+(?:de|des|d['’])|además\s+de|aparte\s+de|além\s+de|oltre\s+(?:a|ai|alle)"
    r"|neben|помимо|кроме)\s+(?:(?:its|their|the|ses|leurs|les|des|sus|los|las|seus|os|as)\s+)?"
    r"(?:[^\W\d_][\w-]*\s+)?$",
    re.IGNORECASE,
)


def _another_training(text: str, word: lexicon.EventWord) -> bool:
    """A training noun that names no course of the page's meeting: another activity set beside
    the meeting ("in addition to courses, a seminar"). A training centre's name stays a mark of
    teaching: what a training centre holds is mostly a course."""
    if word.kind != "training":
        return False
    line_start = text.rfind("\n", 0, word.start) + 1
    before = text[max(line_start, word.start - 80) : word.start]
    return bool(_BESIDES.search(before))


def _course_words(text: str) -> list[lexicon.EventWord]:
    """The event words of a text, less training nouns that name no course of its meeting."""
    return [w for w in lexicon.event_words(text, _ANY_KINDS) if not _another_training(text, w)]


def _training_page(title: str, body: str) -> bool:
    """No conference-like word anywhere, and the meeting the page speaks of is mostly called a
    training or a course ("the training course ... the event was held"): no event (§5.1)."""
    found = _course_words(title) + _course_words(body)
    kinds = [w.kind for w in found]
    training = kinds.count("training")
    if any(k in _STRONG_KINDS for k in kinds):
        return _workshop_called_training(title, kinds, training)
    return training >= _TRAINING_MIN and training > len(kinds) - training


# A small meeting's word against the training words that rename it: at least this many of them
# per workshop or seminar.
_TRAINING_PER_WORKSHOP = 2


def _workshop_called_training(title: str, kinds: list[str], training: int) -> bool:
    """A workshop the text goes on to call a training, again and again ("completed the training
    of 30 officers ... the workshop covered ... during the training"): the small meeting's noun
    and the training's name one course (eval-format §5.1). Only with no
    conference-size or qualified word anywhere, no small meeting named in the title, and the
    training words at least twice the small ones."""
    if any(k not in ("small", "training") and k in _STRONG_KINDS for k in kinds):
        return False
    if any(w.kind == "small" for w in lexicon.event_words(title, _STRONG_KINDS)):
        return False
    small = kinds.count("small")
    return training >= _TRAINING_MIN and training >= _TRAINING_PER_WORKSHOP * small


@lru_cache(maxsize=1)
def _field_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def label(kind: str) -> re.Pattern[str]:
        words = lexicon.fragment("event_field", kind)
        # The label opens its line, alone or before a colon or a dash: "Venue: ...", "Key Speakers".
        return re.compile(rf"^[ \t]*{words}[ \t]*(?::|[–—-]|$)", re.IGNORECASE | re.MULTILINE)

    return label("venue"), label("speakers")


def _event_fields(body: str) -> bool:
    """An event's own page by its labels, though it never names the kind of meeting: a venue and
    the speakers ("Venue: Thon Hotel ... | City: ...", "Key Speakers"), as events calendars print
    them. A vacancy or a course has a place, not speakers; a statement, a speaker, no venue."""
    venue, speakers = _field_labels()
    return bool(venue.search(body) and speakers.search(body))


def _teaching_page(title: str, body: str) -> bool:
    """A workshop or seminar that is a course: no conference-size word anywhere, and two kinds
    of the marks of teaching (a training noun, certificates, modules, trainees, practical
    exercises, a simulation), as in "participants were awarded a certificate" after "the
    second workshop of the module" (eval-format §5.1)."""
    found = _course_words(title) + _course_words(body)
    if not found or any(w.kind == "large" for w in found):
        return False
    kinds = 1 if any(w.kind == "training" for w in found) else 0
    for kind in _TEACHING:
        words = lexicon.words("teaching", kind)
        kinds += bool(words.search(title) or words.search(body))
        if kinds >= _TEACHING_MIN:
            return True
    return False


def _session_page(title: str, body: str) -> bool:
    """The title names only a body's bare session ("Sitzung der Arbeitsgruppe", "Session of the
    Council"), the text never says a meeting was held, and no conference-like word stands in the
    lead the first event word opens: the page reports the sitting, and a conference named further
    down ("for next year the council plans a symposium") is another event in passing, as a press
    conference's page names its context (eval-format §5.1, §5.2)."""
    named = lexicon.event_words(title, _ANY_KINDS)
    if not named or any(w.kind != "session" for w in named):
        return False
    found = lexicon.event_words(body, _ANY_KINDS)
    return bool(found) and _lead_names_no_conference(found) and not _held_event(body)


def _held_event(body: str) -> bool:
    """A meeting word in a sentence saying it is or was held ("состоялось 35-е заседание",
    "This digital meeting will take place via WebEx"). "The event" alone ("Мероприятие
    состоялось в г.Чистополь") is the meeting the text named first: when that is a body's bare
    session ("на совместном заседании комиссии"), the session is what was held (§5.1)."""
    from confwatch.spiders.normalise.sentences import split_sentences

    # "gather": the participants met or gathered ("experts gathered in Abuja for the meeting").
    held = lexicon.words("held", "passive", "gather")
    for s in split_sentences(body)[:40]:
        if not held.search(s):
            continue
        kinds = {w.kind for w in lexicon.event_words(s, _HELD_KINDS)}
        if kinds and (kinds != {"generic"} or not _session_first(body)):
            return True
    return False


def _session_first(body: str) -> bool:
    """The first meeting the text names is a body's bare session ("заседание", "session")."""
    found = lexicon.event_words(body, _ANY_KINDS)
    return bool(found) and found[0].kind == "session"


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
    body = _without_press_echoes(body)
    title_event = _title_event_words(title, body, _TITLE_KINDS) > 0
    if rule.require_event_words:
        if _names_a_body(title, body):
            return Verdict(False, "the title names a body, not a meeting")
        if _bilateral().search(title):
            return Verdict(False, "title is a bilateral meeting or visit")
        if (
            _title_not_event().search(title)
            and not title_event
            and not _talk_at_announced_conference(title, body)
        ):
            return Verdict(False, "title is a statement, visit, appointment or election item")
        if _statement_at_meeting(title):
            return Verdict(False, "title is a statement made at a meeting")
        if _interagency_session(title):
            return Verdict(False, "a session of an inter-agency commission, not a conference")
        if (
            (not title_event and _training_headline().search(title))
            or _training_title(title)
            or _training_page(title, body)
            or _teaching_page(title, body)
        ):
            return Verdict(False, "a training course, not a conference")
        body_event = (
            _event_hits(body, _STRONG_KINDS) >= _BODY_EVENT_MIN
            or _held_event(body)
            or _event_fields(body)
        )
        if not has_date and not title_event:
            return Verdict(False, "no date and no conference/meeting wording in the title")
        if not (title_event or body_event):
            return Verdict(False, "no conference/meeting wording")
        if not title_event and _press_page(body):
            return Verdict(False, "a press conference, not a conference")
        if not title_event and _bilateral_page(body):
            return Verdict(False, "bilateral talks, not a conference")
        if not title_event and _session_page(title, body):
            return Verdict(False, "a body's session, not a conference")
    if rule.require_topic_words:
        title_topic = _topic_hits(title, extra) > 0
        if not title_topic and _topic_hits(body, extra) < _body_topic_min(title, body):
            return Verdict(False, "no counter-terrorism topic")
    return Verdict(True, "conference-like event on counter-terrorism / violent extremism")
