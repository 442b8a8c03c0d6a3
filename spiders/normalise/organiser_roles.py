"""Who the running text says organises: every body named in an organiser role becomes a
``Mention`` with its role, the sentence it was read from and whether the role makes it an
organiser (eval-format §5.10).

Roles come from the lexicon's ``role`` rows, per language: organiser ("organised by",
"организованная", "veranstaltet von", "co-chaired by"), initiative and auspices, and the partner
phrases that add co-organisers to a list ("in co-operation with", "with the support of",
"совместно с"). Funders, patrons and participants are read too, so the explanation can say they
were passed over, but they are no organisers and end a list of organisers. A support phrase that
names a fund ("with support from the UN peace fund", "через Целевой фонд") is funding.

Besides the role phrases, these sentence shapes name organisers: the subject of an active verb
that holds an event ("Kuwait, Tajikistan and UNOCT will jointly organise the conference", "La
France accueille une réunion", "Am 14. Mai organisierte das LKA ... den Fachtag"), the subject
after the verb of a Romance relative clause ("la Conferencia que organizó el Gobierno
argentino"), the bodies a partner phrase joins its list to ("SEARCCT, in collaboration with the
Army, conducted a forum"), the German passive with its participle at the end ("wird vom
belarussischen Außenministerium und der OSZE organisiert"), and a meeting that belongs to a body
("the 26th meeting of the APEC Counter-Terrorism Task Force was held").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_catalogue import MARK, PLACEHOLDER, protect, restore
from confwatch.spiders.normalise.organiser_names import (
    QUOTED_UNIT,
    clean,
    government,
    list_separator,
    mask_names,
    org_like,
    reads_as_name,
    resolve,
    split_list,
    unique,
)
from confwatch.spiders.normalise.places import fold
from confwatch.spiders.normalise.whole_words import dispatched

__all__ = ["COUNTED", "Mention", "decide", "find_mentions", "list_label"]

# Roles that make a body an organiser (§5.10); the others are read to be passed over.
COUNTED = frozenset(
    {"organiser", "initiative", "auspices", "partner", "subject", "joint", "owner", "label", "host"}
)


@dataclass(frozen=True)
class Mention:
    name: str
    role: str  # organiser | initiative | auspices | partner | subject | joint | owner | funder ...
    start: int  # where the role phrase or the subject starts in the text
    rank: int  # order within its list
    evidence: str  # the sentence it was read from
    background: bool = False  # the sentence is dated before the page's own year
    # The words whose years date the mention when narrower than its sentence: a subject's own
    # clause ("Le Burkina abrite ce type de réunion pour la deuxième fois, après l'atelier
    # d'avril 2013": the hosting is not the 2013 workshop's).
    scope: str = ""

    @property
    def counts(self) -> bool:
        return self.role in COUNTED


_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)")


def _page_year(text: str) -> int | None:
    """The year the page is mostly about: a year it names more often than any other (a footer's
    "© 2025" named once decides nothing)."""
    counts: dict[int, int] = {}
    for m in _YEAR.finditer(text):
        year = int(m.group(0))
        counts[year] = counts.get(year, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _dated_before(sentence: str, year: int | None) -> bool:
    years = [int(y) for y in _YEAR.findall(sentence)]
    return year is not None and bool(years) and max(years) < year


def decide(mentions: list[Mention]) -> list[Mention]:
    """The organisers among the mentions: the counted roles, and of those, the ones read from
    sentences about the page's own time when there are any ("At the initiative of the UN
    Secretary-General, ... a conference in June 2018" is background on a 2019 page)."""
    counted = [m for m in mentions if m.counts]
    current = [m for m in counted if not m.background]
    return current or counted


# --- the role phrases, built once from the lexicon -------------------------------------------

_NOT_COUNTED = ("funder", "patron", "participant")
_COUNTED_KINDS = ("organiser", "initiative", "auspices")


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    role: str
    text: str


def _spread(alt: str) -> list[str]:
    """An alternative with a leading optional group as the alternatives without it and with each
    of its branches ("(?:co-?)?organised by" -> "organised by", "co-?organised by"), so that
    every alternative starts with a letter."""
    if not alt.startswith("(?:"):
        return [alt]
    depth, i = 0, 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        if depth == 0:
            break
        i += 1
    inner, rest = alt[3:i], alt[i + 1 :]
    if rest.startswith("?"):
        out = [a + rest[1:] for a in lexicon.alternatives(inner)] + [rest[1:]]
    else:
        out = [a + rest for a in lexicon.alternatives(inner)]
    return [b for a in out for b in _spread(a)] if out != [alt] else [alt]


@lru_cache(maxsize=1)
def _role_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every role phrase, grouped by first letter (the engine enters only the
    branches that can match at a place); group ``rN`` is a phrase of role ``roles[N]``. Funding,
    patronage and participation come first: at one place, "with the financial support of" is
    funding before it is support."""
    roles: list[str] = []
    groups: dict[str, list[str]] = {}
    plain: list[str] = []
    for kind in (*_NOT_COUNTED, *_COUNTED_KINDS, "partner"):
        for row in lexicon.select("role", (kind,)):
            flag = "-i" if row.case else "i"
            for alt in (b for a in lexicon.alternatives(row.pattern) for b in _spread(a)):
                name = f"r{len(roles)}"
                roles.append(kind)
                first = alt[:1]
                if first.isalpha() and not alt[1:2].startswith(("?", "*", "+", "{")):
                    key = first if row.case else "".join(sorted({first.lower(), first.upper()}))
                    # The group's letter is taken by the group ("[Ww]"), its branch reads the
                    # rest: a branch that starts with a character class is skipped by the engine
                    # at a glance, and the groups are chunked behind look-aheads
                    # (``whole_words.dispatched``). Only the match's span and ``lastgroup`` are
                    # read, and they are the same.
                    groups.setdefault(key, []).append(f"(?P<{name}>(?{flag}:{alt[1:]}))")
                else:
                    plain.append(f"(?P<{name}>(?{flag}:{alt}))")
    parts = [dispatched(list(groups.items()))] if groups else []
    body = "|".join(parts + plain)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)\s*:?"), tuple(roles)


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern[str]:
    label = lexicon.fragment("role", "label")
    return re.compile(
        rf"^[ \t-]*(?:{label})[ \t]*:?[ \t]*$\n?|^[ \t-]*(?:{label})[ \t]*:",
        re.IGNORECASE | re.MULTILINE,
    )


def _cues(text: str) -> list[_Cue]:
    """Every role phrase of the text, in order."""
    pattern, roles = _role_pattern()
    found = [
        _Cue(m.start(), m.end(), roles[int((m.lastgroup or "r0")[1:])], m.group(0))
        for m in pattern.finditer(text)
    ]
    found += [_Cue(m.start(), m.end(), "label", m.group(0)) for m in _label_line().finditer(text)]
    found.sort(key=lambda c: c.start)
    return found


@lru_cache(maxsize=1)
def list_label() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{lexicon.fragment('role', 'label')})\s*[:\-–]?\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _not_counted() -> re.Pattern[str]:
    """Funding, patronage, participation: the end of a list of organisers."""
    return re.compile(
        rf",?\s+(?:(?:and|et|und|y|и)\s+)?(?:{lexicon.fragment('role', *_NOT_COUNTED)})(?!\w)",
        re.IGNORECASE,
    )


_CHAIR = re.compile(r"chair|présid|presidid|председател", re.IGNORECASE)
_SUPPORT = re.compile(
    r"support|assistance|soutien|appui|concours|apoyo|поддержк|содейств|unterstütz", re.IGNORECASE
)
_FUND = re.compile(r"(?<!\w)(?:fund|funds|fonds|fondo|фонд\w*|через|trust)(?!\w)", re.IGNORECASE)


# --- clauses ---------------------------------------------------------------------------------

# A full stop after an initial ("К. Л. Хетагурова") or "им." (named after) ends no clause.
_CLAUSE_END = re.compile(
    # A full stop ends a list, except after an initial ("М. В. Ломоносова"); after an acronym
    # ("... San Pablo CEU. El acto ...") it does, but not after French "MM." (Messieurs).
    r"(?:(?<![A-ZА-ЯЁ])|(?<=[A-ZА-ЯЁ]{2})(?<!\bMM))(?<!\bим)\.(?=\s|$)"
    r"|\n\s*\n|\n[ \t]*-?[ \t]*[A-Z][\w /]{0,40}:[ \t]*(?:\n|$)"
    r"|\bPhoto\b"
    r"|,?\s+(?:will|would|shall|takes?|took|taking|is|are|was|were|has|have|had|which|who|whose|that"
    r"|where|when|since|during|aura|auront|sera|seront|será|serán|tendrá|tendrán"
    # Italian and Portuguese auxiliaries: "in collaborazione con X hanno partecipato ...".
    r"|hanno|ha|è|sono|sarà|saranno|si\s+(?:è|terrà|svolge\w*)|foi|foram|são|serão|irá|irão"
    r"|aims?|aimed|remains?|brings?|brought|concluded|started|opens?|opened"
    r"|held|builds?|seeks?|provides?|focus(?:es)?|to\s+(?:discuss|strengthen|promote|address|share|explore)"
    r"|on\s+(?:the\s+)?(?:day|\d)|from\s+\d|(?:in|on)\s+(?:\d|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)|under\s+the\s+(?:theme|title|motto|slogan)"
    r"|a\s+(?:rassemblé|réuni)|rassembl\w+|réuni\w*|pour\s+(?:discuter|renforcer)"
    r"|bajo\s+el\s+lema|und\s+(?:findet|fand)|brachte|собрал\w*|состоял\w*|состоится"
    r"|пройд[её]т|прош(?:ла|[её]л|ли)|сегодня|вчера|на\s+тему|посвящ\w+)\b"
    # A relative or final clause after a comma: ", qui", ", die", ", которые", ", para".
    r"|,\s*(?:qui|dont|afin|que|para|die|der|das|um|в\s+котор\w+|которы\w+|чтобы)\b"
    r"|,\s*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th)\b"
    # Russian puts the event after its organisers: "организованное A и B мероприятие «X»".
    r"|\s+(?:мероприяти[еяюй]|конференци[яюией]|семинар[аеу]?|совещани[еяю]|форум[аеу]?"
    r"|встреч[аиуе]|кругл(?:ый|ого)\s+стол)(?=[\s«\"„.,]|$)",
)
_MAX_CLAUSE = 400
# A sentence starts after its full stop, a line break, or a dateline ("Geneva, 12 June 2013 - ",
# "RIYADH, 17 February — ", "20 SEPTEMBER 2023, NEW YORK | ").
_SENTENCE_START = re.compile(
    r"(?:[.!?]\s+(?=[A-ZА-ЯЁ“\"«„])|\n(?=\s*[^\W\d_a-zа-яё]|\s*[-•*\d\"“«„])|\s\|\s|(?<=\d{4})\s+[–—-]\s+"
    r"|^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,30},[^–—\n]{2,40}?\s[–—-]\s|^\([^()\n]{2,40}\)\s+"
    # "Баку, Азербайджан – ", "Vienna, Austria - ": a dateline's city and country, as written.
    r"|^[A-ZА-ЯЁ][\w.'’-]+(?:\s[A-ZА-ЯЁ][\w.'’-]+){0,2},\s*[A-ZА-ЯЁ][\w.'’-]+"
    r"(?:\s[A-ZА-ЯЁ][\w.'’-]+){0,2}\s[–—-]\s)",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=\s|$)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    begin = max(0, start - 300)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, begin, start)]
    begin = starts[-1] if starts else begin
    stop = _SENTENCE_END.search(text, end)
    return " ".join(text[begin : stop.end() if stop else min(len(text), end + 300)].split())


_TRAILING_AND = re.compile(r"(?:,|\s)\s*(?:and|et|und|y|и|as\s+well\s+as|ainsi\s+que)?\s*$", re.I)


def _clause_after(text: str, start: int, limit: int | None = None) -> tuple[str, int, str | None]:
    """The list after a role phrase (up to ``limit``, where another role's list starts), where
    it ends, and the role phrase that ended it when that was funding, patronage or
    participation (its bodies are read as such)."""
    window = text[start : min(start + _MAX_CLAUSE, limit or len(text))]
    # Names go back as the page spells them: lengths stay the page's, and an uncatalogued name
    # holding a catalogued one ("... Initiative Center on combating crime (SECI Center)") stays
    # one name.
    protected, _, spelled = cat.protect_spelled(window)
    ends = [m.start() for m in (_CLAUSE_END.search(protected),) if m]
    if (main := _main_clause(protected)) is not None:
        ends.append(main)
    stop = _not_counted().search(protected)
    if stop and (not ends or stop.start() < min(ends)):
        clause = protected[: stop.start()]
        restored = restore(clause, spelled)
        return restored, start + len(restore(protected[: stop.end()], spelled)), "stop"
    clause = protected[: min(ends)] if ends else protected
    restored = restore(clause, spelled)
    # Cut where the next role's list starts: "X and [co-organized by]" leaves its "and".
    return _TRAILING_AND.sub("", restored), start + len(restored), None


# A comma, then an event noun (with its article) or an organising verb: the sentence's main
# clause after a list ("Organizado em parceria com X, o encontro reuniu ...", "X, em parceria
# com Y, realizou a mesa redonda", "بالتعاون مع X، ورشة ...").
_COMMA_THEN = re.compile(
    r"[,،]\s*(?:(?:the|an?|o|a|os|as|el|la|los|las|il|lo|le|les|der|die|das|ال)\s+|l['’])?",
    re.IGNORECASE,
)


def _main_clause(protected: str) -> int | None:
    """Where the main clause starts after a list: a comma followed by an event noun or by an
    organising verb."""
    for comma in _COMMA_THEN.finditer(protected):
        rest = protected[comma.end() : comma.end() + 40]
        words = lexicon.event_words(rest, _EVENT_KINDS)
        if words and words[0].start == 0:
            return comma.start()
        verb = _verbs().search(rest)
        # Not "organised by", which opens another list.
        word = verb.group(0) if verb and verb.start() == 0 else ""
        if word and not _NOT_A_VERB.match(word) and not re.search(r"\bby$", word):
            return comma.start()
    return None


def _without_funds(clause: str) -> tuple[str, list[str]]:
    """A clause without its support phrases that name a fund, and those phrases' texts."""
    cut: list[str] = []
    for m in list_separator().finditer(clause):
        if not _SUPPORT.search(m.group(0)):
            continue
        rest = clause[m.end() :]
        nxt = list_separator().search(rest)
        piece = rest[: nxt.start()] if nxt else rest
        if _FUND.search(piece) or _FUND.search(rest[:120]):
            cut.append(rest)
            return clause[: m.start()], cut
    return clause, cut


# --- running text ----------------------------------------------------------------------------


# Arabic vowel marks and the stretching tatweel are optional in writing ("نظّمت" is "نظمت"):
# words are matched without them.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def find_mentions(text: str, *, country: str | None = None) -> list[Mention]:
    """Every body the text names in an organiser role (and the funders, patrons and participants
    it names), in the order the text gives them."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = _ARABIC_MARKS.sub("", text)
    found: list[Mention] = []
    consumed = 0
    cues = _cues(text)
    for index, cue in enumerate(cues):
        if cue.start < consumed:
            continue
        cue = _with_copula(text, cue)
        nxt = cues[index + 1] if index + 1 < len(cues) else None
        if nxt is not None and nxt.start >= cue.end and not text[cue.end : nxt.start].strip():
            # "организовано при содействии X", "organisé en collaboration avec X": the second
            # phrase says what the bodies after it are (funding stays funding).
            continue
        role = cue.role
        if role == "partner" and (
            not _attached_to_event(text, cue, cues[:index]) or _relative_of_other(text, cue)
        ):
            continue
        # "initiated by X in partnership with Y and co-organized by Z": the next role phrase
        # (not a partner phrase, which joins a list) starts a list of its own.
        limit = next((c.start for c in cues[index + 1 :] if c.role != "partner"), len(text))
        clause, consumed, stop = _clause_after(text, cue.end, limit)
        # Running text wraps lines anywhere ("the Government \nof Switzerland"): not a list break.
        flat = " ".join(clause.split())
        evidence = _sentence(text, cue.start, cue.end)
        funded: list[str] = []
        if role == "partner" and _SUPPORT.search(cue.text) and _FUND.search(flat):
            role = "funder"  # "with support from the UN peace fund"
        if role in _NOT_COUNTED or _CHAIR.search(cue.text):
            # Funders are read to be passed over; co-chairs are people, each with their body
            # ("co-chaired by H.E. X, Ministry of Foreign Affairs of Japan; and H.E. Y, ...").
            names = split_list(flat, country, strict=False)
        else:
            flat, funded = _without_funds(flat)
            names = split_list(flat, country, strict=True)
        if role == "partner" and names:
            found += _partnered(text, cue, country)
        found += [Mention(n, role, cue.start, k, evidence) for k, n in enumerate(names)]
        for k, piece in enumerate(funded):
            for name in split_list(piece, country, strict=False):
                found.append(Mention(name, "funder", cue.start, 100 + k, evidence))
        if stop:
            consumed = cue.end + len(clause)
    found += _joint(text, country)
    found += _subjects(text, country)
    found += _german_passive(text, country)
    found += _owners(text, country)
    found += _host_states(text)
    found.sort(key=lambda m: (m.start, m.rank))
    year = _page_year(text)
    return [
        Mention(m.name, m.role, m.start, m.rank, m.evidence, True, m.scope)
        if _dated_before(m.scope or m.evidence, year)
        else m
        for m in found
    ]


# Russian names the organisers after a copula: "Организаторами (мероприятия) выступают X и Y",
# "Организатором форума стал X", "Организатор конференции – X".
_RU_ORGANISER_NOUN = re.compile(r"^организатор(?:ы|ами|ом)?\s*$", re.IGNORECASE)
_RU_COPULA = re.compile(
    r"^(?P<what>(?:[а-яё]+\s+){0,2}?)(?:(?:выступа(?:ет|ют|л[аио]?|ли)|выступил[аио]?|выступ(?:ит|ят)"
    r"|стал[аио]?|стан(?:ет|ут)|явля(?:ется|ются|лся|лась|лись))\s+|[–—-]\s+)",
    re.IGNORECASE,
)


def _with_copula(text: str, cue: _Cue) -> _Cue:
    """A Russian "организатор(ами)" cue with the words that link it to its bodies: the event it
    names (the organiser of an attack is no organiser) and the copula or dash."""
    if not _RU_ORGANISER_NOUN.match(cue.text):
        return cue
    m = _RU_COPULA.match(text[cue.end : cue.end + 60])
    if m is None:
        return cue
    what = m.group("what").strip()
    if what and not lexicon.event_words(what, _EVENT_KINDS | {"generic"}):
        return cue
    return _Cue(cue.start, cue.end + m.end(), cue.role, cue.text + m.group(0))


def _partnered(text: str, cue: _Cue, country: str | None) -> list[Mention]:
    """The bodies a partner phrase joins its list to, when they open the sentence: "SEARCCT, in
    collaboration with the Army, conducted a forum", "L'Institut X, en partenariat avec Y, a
    tenu ..." (the list after the phrase is read by the caller)."""
    begin = max(0, cue.start - _MAX_SUBJECT)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, begin, cue.start)]
    begin = starts[-1] if starts else begin
    before = text[begin : cue.start]
    if _verbs().search(before) or _CLAUSE_END.search(before):
        return []  # "BEI organised the workshop with the support of X": the verb's subject
    names = _subject_list(before, country)
    evidence = _sentence(text, cue.start, cue.end)
    return [Mention(n, "subject", cue.start - 1, k, evidence) for k, n in enumerate(names)]


_PASSIVE_SUPPORT = re.compile(r"^(?:supported|unterstützt)\b", re.IGNORECASE)


# A sentence that opens with its role phrase continues the one before: "Organised by X and Y.
# Supported by Z." (a credits block), "Durchgeführt wird sie vom X. Unterstützt durch Y, Z."
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_PREVIOUS_REACH = 300
_PREVIOUS_END = re.compile(r"(?<![A-Z])[.!?]\s+|\n")


def _attached_to_event(text: str, cue: _Cue, earlier: list[_Cue]) -> bool:
    """A partner phrase on its own ("held in cooperation with the OSCE") names organisers only in
    a sentence about an event. A passive "supported by X" on its own is mostly funding: it adds
    an organiser only within a list of organisers, or as the sentence right after an organiser
    phrase's sentence, opened by it ("Organised by X. Supported by Y.")."""
    if _PASSIVE_SUPPORT.match(cue.text):
        if not _OPENS_SENTENCE.search(text[max(0, cue.start - 3) : cue.start]):
            return False
        # The sentence before: back from its own full stop to the one before it.
        base = max(0, cue.start - _PREVIOUS_REACH)
        head = text[base : cue.start].rstrip()[:-1]
        ends = [m.end() for m in _PREVIOUS_END.finditer(head)]
        previous = base + (ends[-1] if ends else 0)
        return any(c.role in _COUNTED_KINDS and previous <= c.start < cue.start for c in earlier)
    sentence = _sentence(text, cue.start, cue.end)
    return lexicon.has_event_word(sentence, _EVENT_KINDS)


# A relative clause opening after a comma: ", which is run in partnership with X", "، الذي
# ينفذ بالشراكة مع X" (which is carried out in partnership with X).
_RELATIVE_CLAUSE = re.compile(
    r"[,،]\s*(?:(?:which|que|qui|che|который|которая|которое|которые)\b|الذي|التي|الذين)"
    r"[^,،.!?\n]{0,40}$",
    re.IGNORECASE,
)
_ANTECEDENT_REACH = 60


def _relative_of_other(text: str, cue: _Cue) -> bool:
    """A partner phrase in a relative clause whose antecedent is no event ("as part of a
    project, which is run in partnership with X") names the partners of that other thing."""
    before = text[max(0, cue.start - _ANTECEDENT_REACH - 60) : cue.start]
    relative = _RELATIVE_CLAUSE.search(before)
    if relative is None:
        return False
    # The antecedent: the phrase between the comma before it and the relative's comma.
    antecedent = before[max(0, relative.start() - _ANTECEDENT_REACH) : relative.start()]
    antecedent = re.split(r"[,،.!?\n]", antecedent)[-1]
    return not lexicon.has_event_word(antecedent, _EVENT_KINDS)


_JOINT = re.compile(
    r"\b[Jj]oint\s+(?P<list>\S.{1,80}?)\s+(?=(?:Regional|High-[Ll]evel|International|Inter-[Rr]egional"
    r"|Conference|Seminar|Workshop|Meeting|Forum|Expert|Event|Initiative)\b)"
)


def _joint(text: str, country: str | None) -> list[Mention]:
    """ "The joint United Arab Emirates-UNOCT-Hedayah Regional Conference": each piece must be a
    known body or a state."""
    out: list[Mention] = []
    for joint in _JOINT.finditer(text):
        protected, names = protect(joint.group("list"))
        pieces = [p for p in re.split(r"\s*[-–—/]\s*", protected) if p.strip()]
        if len(pieces) < 2:
            continue
        got: list[str] = []
        for piece in pieces:
            restored = clean(restore(piece, names))
            if not PLACEHOLDER.search(piece) and cat.state_code(restored) is None:
                got = []
                break
            whole = PLACEHOLDER.fullmatch(piece.strip())
            got.append(names[int(whole.group(1))] if whole else resolve(restored, country)[0])
        evidence = _sentence(text, joint.start(), joint.end())
        out += [Mention(n, "joint", joint.start(), k, evidence) for k, n in enumerate(unique(got))]
    return out


# --- the subject of an organising verb -------------------------------------------------------

# What the subject organises must be an event ("held its annual Ministerial meetings"): an event
# noun of the lexicon within the rest of the sentence.
_OBJECT_REACH = 160
# A full stop after a day number is a German ordinal ("am 16. und 17. September"), not an end.
_OBJECT_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?]|\n")
_EVENT_KINDS = lexicon.STRONG | lexicon.WEAK
# Words before the verb that belong to it, not to the subject: "will jointly", "has recently".
_VERB_LEAD = re.compile(
    r"(?:\s+(?:recently|jointly|successfully|also|today|together|conjointement|ensemble"
    r"|совместно|gemeinsam|conjuntamente|is|are|will|has|have|had|was|were|be|been|now|to"
    r"|a|ont|va|vont|wird|hat|haben|ha|han|будет|будут))+\s*$",
    re.IGNORECASE,
)
# Nouns the Russian verb row also matches ("организация", "организаторы").
_NOT_A_VERB = re.compile(r"^(?:организаци|организатор|провод(?:ник|ы))", re.IGNORECASE)
_DATE_ASIDE = re.compile(r"\s+(?:on|from|between)\s+[^,]{0,40}\d[^,]{0,20},?\s*$")
_DASH_ASIDE = re.compile(r"\s+[–—-]\s+[^–—]{3,120}?\s+[–—]\s*$")
_MAX_SUBJECT = 250


@lru_cache(maxsize=1)
def _verbs() -> lexicon.Words:
    return lexicon.words("held", "active")


def _event_after(text: str, start: int) -> lexicon.EventWord | None:
    window = text[start : start + _OBJECT_REACH]
    if stop := _OBJECT_END.search(window):
        window = window[: stop.start()]
    found = lexicon.event_words(window, _EVENT_KINDS)
    return found[0] if found else None


def _subjects(text: str, country: str | None) -> list[Mention]:
    out: list[Mention] = []
    for verb in _verbs().finditer(text):
        word = verb.group(0)
        if _NOT_A_VERB.match(word) or re.search(r"\bby$", word, re.I):
            continue
        if re.match(r"\s+(?:by|par|por|von|vom)\b", text[verb.end() : verb.end() + 6], re.I):
            continue  # "organised by X": a role phrase, read above
        if _ARABIC_RESUMPTIVE.match(word):
            out += _arabic_subject(text, verb)
            continue
        event = _event_after(text, verb.end())
        first = _arabic_verb_first(text, verb) if event and _ARABIC_WORD.fullmatch(word) else []
        if first:
            out += first
            continue
        if event is None:
            out += _relative_subject(text, verb, country) or _after_object(text, verb, country)
            continue
        begin = max(0, verb.start() - _MAX_SUBJECT)
        starts = [m.end() for m in _SENTENCE_START.finditer(text, begin, verb.start())]
        begin = starts[-1] if starts else begin
        evidence = _sentence(text, verb.start(), verb.end())
        names = _subject_list(text[begin : verb.start()], country)
        if not names:
            # "Am 14. Mai organisierte das LKA gemeinsam mit ... den Fachtag": the subject
            # follows the verb, up to the event it organises.
            after = text[verb.end() : verb.end() + event.start]
            names = _inverted_subject(after, country)
        scope = _own_clause(text, begin, verb.end() + event.end)
        out += [Mention(n, "subject", begin, k, evidence, scope=scope) for k, n in enumerate(names)]
    return out


# Where a clause ends after the event its subject holds: a comma, a semicolon, a sentence's end.
_CLAUSE_STOP = re.compile(r"[,;:]\s|[.!?](?=\s|$)|\n")


def _own_clause(text: str, begin: int, event_end: int) -> str:
    """The subject's clause: from the subject to the event it holds and on to the clause's end
    (a year after a comma belongs to another clause: "... pour la deuxième fois, après
    l'atelier d'avril 2013")."""
    stop = _CLAUSE_STOP.search(text, event_end, event_end + _OBJECT_REACH)
    return text[begin : stop.start() if stop else event_end + _OBJECT_REACH]


# "la Conferencia ... que organizó el Gobierno argentino", "le colloque qu'organise l'OIF": the
# event, a relative pronoun, then the verb and its subject.
_RELATIVE = re.compile(r"(?:\bque|\bqu['’])\s*$", re.IGNORECASE)
_RELATIVE_REACH = 120


def _relative_subject(text: str, verb: re.Match[str], country: str | None) -> list[Mention]:
    """The subject after the verb of a relative clause whose antecedent is an event:
    "Conferencia ... que organizó el Gobierno argentino." (Romance languages put it there)."""
    if not _RELATIVE.search(text[max(0, verb.start() - 12) : verb.start()]):
        return []
    before = text[max(0, verb.start() - _RELATIVE_REACH) : verb.start()]
    if stop := list(re.finditer(r"[.!?\n]", before)):
        before = before[stop[-1].end() :]
    if not lexicon.event_words(before, _EVENT_KINDS):
        return []
    clause, _, _ = _clause_after(text, verb.end())
    names = split_list(" ".join(clause.split()), country, strict=True)
    evidence = _sentence(text, verb.start(), verb.end())
    return [Mention(n, "subject", verb.start(), k, evidence) for k, n in enumerate(names)]


# Russian may put the event (its object) first and the subject after a finite verb:
# "Конференцию организовала миссия ОБСЕ", "Семинар проводит Министерство ...".
_FINITE_RU = re.compile(
    r"^(?:организовал[аои]?|организу(?:ет|ют)|провел[аои]?|провёл|провод(?:ит|ят)"
    r"|провед[её]т|проведут)$",
    re.IGNORECASE,
)


def _after_object(text: str, verb: re.Match[str], country: str | None) -> list[Mention]:
    """The subject after a Russian finite organising verb whose object, an event, opens the
    sentence before it."""
    if not _FINITE_RU.match(verb.group(0)):
        return []
    before = text[max(0, verb.start() - _RELATIVE_REACH) : verb.start()]
    if stop := list(re.finditer(r"[.!?\n]\s", before)):
        before = before[stop[-1].end() :]
    if "," in before or not lexicon.event_words(before, _EVENT_KINDS):
        return []  # a comma: the event is another clause's ("На конференции, где ... провел")
    clause, _, _ = _clause_after(text, verb.end())
    names = split_list(" ".join(clause.split()), country, strict=True)
    evidence = _sentence(text, verb.start(), verb.end())
    return [Mention(n, "subject", verb.start(), k, evidence) for k, n in enumerate(names)]


# Arabic puts the subject after its verb, and a verb whose object was named before carries it as
# a pronoun: "المؤتمر ... الذي نظمته المملكة المغربية" (the conference ... which the Kingdom of
# Morocco organised), "المؤتمر ... وتنظمه جامعة ..." (and a university organises it).
_ARABIC_RESUMPTIVE = re.compile(r"^[\u0600-\u06ff]+(?:ه|ها|هما|هم)$")
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
_ARABIC_STOP = re.compile(r"[.،,·:؛!?\n«»\"()]")
_ARABIC_SENTENCE_END = re.compile(r"[.!?\n·]")
_ARABIC_NAME_WORDS = 6


def _arabic_subject(text: str, verb: re.Match[str]) -> list[Mention]:
    """The body after an Arabic organising verb whose object, an event, came before it: a state
    (its government) or a name headed by an organisation word (جامعة, وزارة, منظمة ...)."""
    before = text[max(0, verb.start() - _RELATIVE_REACH) : verb.start()]
    if stop := list(_ARABIC_SENTENCE_END.finditer(before)):
        before = before[stop[-1].end() :]
    if not lexicon.event_words(before, _EVENT_KINDS):
        return []
    name = _arabic_body(text[verb.end() : verb.end() + 120])
    if not name:
        return []
    evidence = _sentence(text, verb.start(), verb.end())
    return [Mention(name, "subject", verb.start(), 0, evidence)]


def _arabic_verb_first(text: str, verb: re.Match[str]) -> list[Mention]:
    """The body right after an Arabic organising verb that opens its clause, its object (an
    event) after it: "نظمت جامعة بغداد ... ورشة" (Baghdad University organised a workshop);
    Arabic's usual order is verb, subject, object."""
    name = _arabic_body(text[verb.end() : verb.end() + 120])
    if not name:
        return []
    evidence = _sentence(text, verb.start(), verb.end())
    return [Mention(name, "subject", verb.start(), 0, evidence, scope=evidence)]


def _arabic_body(after: str) -> str:
    """The body opening ``after``: a state (its government) or a name headed by an organisation
    word (جامعة, وزارة, مؤسسة ...), up to a punctuation mark or a word opening with "و" (and)."""
    if stop_after := _ARABIC_STOP.search(after):
        after = after[: stop_after.start()]
    words: list[str] = []
    for token in after.split():
        # "... واستمر ثلاثة أيام": a word opening with "و" (and) after the first starts a clause.
        if not _ARABIC_WORD.fullmatch(token) or (words and token.startswith("و")):
            break
        words.append(token)
        if len(words) == _ARABIC_NAME_WORDS:
            break
    name = ""
    for n in range(min(3, len(words)), 0, -1):
        if code := cat.state_code(" ".join(words[:n])):
            name = government(code)
            break
    head = words[0].removeprefix("ال") if words else ""
    if not name and head and cat.is_org_word(head):
        name = " ".join(words)
    return name


# "On 8 December 2015 the Permanent Missions ...", "Am 9. Mai hat ...": an opening date.
_OPENING_DATE = re.compile(
    r"^(?:(?:on|in|from|le|el|am|в|со?)\s+)?(?:[^,]{0,40}?\b(?:1[89]|20)\d\d\b"
    r"|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\.?\s+[^\W\d]{3,10}\.?),?\s+",
    re.IGNORECASE,
)


# A name never begins with a lower-case preposition: a piece that does ("de l'extrémisme
# violent (RPC-Prev)", "of Justice and Home Affairs") is the rest of the name before its "and".
_AND_OR_COMMA = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$|^\s*,\s*$", re.IGNORECASE)
_LINK_FIRST = re.compile(r"^\s*(?:(?:de|du|des|of|for|pour|para|por|del|für|по|для)\s|d['’])")


def _subject_list(text: str, country: str | None) -> list[str]:
    """The organisations ending the subject of "On 25 April, the Council of Europe organised ...":
    the pieces read back from the verb while each is an organisation; an opening date, place or
    phrase ends them. An aside between dashes or a date before the verb is skipped."""
    text = " ".join(text.split())
    text = _VERB_LEAD.sub("", text)
    if stop := _not_counted().search(text):
        text = text[: stop.start()]
    text, _ = _without_funds(text)
    text = _DASH_ASIDE.sub("", _DATE_ASIDE.sub("", text)).strip(" ,")
    text = mask_names(_OPENING_DATE.sub("", text))
    # Names go back as the page spells them ("Intergovernmental Authority on Development's
    # (IGAD's) Capacity Building Program (ICPAT)" stays one name).
    protected, _, names = cat.protect_spelled(text)
    chunks = list_separator().split(protected)
    pieces = [p for i, p in enumerate(chunks) if i % 2 == 0]
    seps = [""] + [p for i, p in enumerate(chunks) if i % 2 == 1]
    k = len(pieces) - 1
    start = None
    # Each piece read, with the tails glued to it, and the names with no organisation word.
    whole: dict[int, str] = {}
    absorbed: set[int] = set()
    capitalised: set[int] = set()
    while k >= 0:
        piece, top = pieces[k], k
        # "Centre for Middle Eastern and Strategic Studies": a piece that is no name on its own
        # is the tail of the piece before it.
        while (
            k > 0
            and re.match(r"^\s*(?:,\s*)?(?:(?:and|et|und|y|e|и)\s+)?$|^\s*,\s*$", seps[k], re.I)
            and not PLACEHOLDER.search(piece)
            and (clean(restore(piece, names)) and not org_like(clean(restore(piece, names))))
            and (
                _LINK_FIRST.match(piece) is not None
                # "Centre for Middle Eastern and Strategic Studies"; in French "et Marie Curie"
                # may be a person's name, "et de sécurité" is the name's own.
                or (len(piece.split()) <= 3 and _AND_OR_COMMA.match(seps[k]) is not None)
            )
        ):
            k -= 1
            piece = f"{pieces[k]}{seps[k + 1]}{piece}"
        if not clean(restore(piece, names)):
            k -= 1
            continue
        got = split_list(restore(piece, names), country, strict=True)
        if not got and reads_as_name(clean(restore(piece, names))):
            capitalised.add(k)
        elif not got or not _is_whole(piece, names):
            break
        whole[k] = piece
        absorbed.update(range(k + 1, top + 1))
        start = k
        k -= 1
    if start is None:
        return []
    if capitalised:
        # A name with no organisation word is read as the page writes it, piece by piece.
        return unique(
            n
            for i in sorted(set(whole) - absorbed)
            for n in (
                [resolve(clean(restore(whole[i], names)), country)[0]]
                if i in capitalised
                else split_list(restore(whole[i], names), country, strict=False)
            )
        )
    subject = "".join((seps[i] if i > start else "") + pieces[i] for i in range(start, len(pieces)))
    return split_list(restore(subject, names), country, strict=False)


def _is_whole(piece: str, names: list[str]) -> bool:
    """A subject piece is one name, not a sentence's opening with a name at its end ("In a joint
    initiative last spring, UNODC")."""
    restored = clean(restore(piece, names))
    if QUOTED_UNIT.match(restored):
        return True  # "„Zentrum für Analyse“ am Bundesamt für Verfassungsschutz"
    if PLACEHOLDER.search(piece) and len(PLACEHOLDER.findall(piece)) == 1:
        before = piece[: piece.index(MARK)]
        return len(clean(before).split()) <= 2 or org_like(restored)
    return org_like(restored)


_OBJECT_ARTICLE = re.compile(
    r"\s+(?:den|die|das|dem|einen?|ein|seine[nm]?|ihre[nm]?|the|an?|un|une|le|la|les|el|los)\s*$",
    re.IGNORECASE,
)


def _inverted_subject(after: str, country: str | None) -> list[str]:
    after = _OBJECT_ARTICLE.sub("", " ".join(after.split()))
    after = re.sub(r"\s+\S+$", "", after) if re.search(r"\d", after[-12:]) else after
    if not after or len(after) > _MAX_SUBJECT:
        return []
    if stop := _not_counted().search(after):
        after = after[: stop.start()]
    return split_list(after, country, strict=True)


# --- German passive with the participle at the end --------------------------------------------

_GERMAN_PASSIVE = re.compile(
    r"(?:\b(?:von|vom|durch)\s+|\bin\s+(?:Kooperation|Zusammenarbeit|Partnerschaft)\s+zwischen\s+)"
    r"(?P<list>[^.;!?]{3,300}?)\s+(?:gemeinsam\s+)?(?:organisiert|veranstaltet|ausgerichtet"
    r"|durchgeführt|einberufen)\b",
)
_GERMAN_AUX = re.compile(r"\b(?:wird|wurde|werden|wurden|worden|ist|war|sind|waren)\b")


def _german_passive(text: str, country: str | None) -> list[Mention]:
    if "organisiert" not in text and "veranstaltet" not in text and "ausgerichtet" not in text:
        return []
    out: list[Mention] = []
    for m in _GERMAN_PASSIVE.finditer(text):
        evidence = _sentence(text, m.start(), m.end())
        if not _GERMAN_AUX.search(evidence):
            continue
        names = split_list(" ".join(m.group("list").split()), country, strict=True)
        out += [Mention(n, "organiser", m.start(), k, evidence) for k, n in enumerate(names)]
    return out


# --- a meeting that belongs to a body --------------------------------------------------------

_OWNER = re.compile(
    rf"^\s+(?:of|de|du|des|der|del)\s+(?:the\s+|la\s+|l['’])?(?:[^\s{MARK}]+\s+){{0,4}}?\(?{MARK}(\d+){MARK}",
    re.I,
)
_OWNER_GATE = re.compile(r"\s+(?:of|de|du|des|der|del|d['’])\s", re.I)
_OWNER_KINDS = frozenset({"meeting", "session", "qualified", "large", "small"})
# Russian names a meeting's owner in the genitive right after the noun, with no preposition
# ("в семинаре Контртеррористического управления ООН и ОБСЕ, состоявшемся в Душанбе").
_GENITIVE_OWNERS = re.compile(rf"^\s+((?:{MARK}\d+{MARK}(?:\s+и\s+|\s*,\s*(?={MARK}))?)+)")
_CYRILLIC_NOUN = re.compile(r"^[а-яё]", re.IGNORECASE)


def _owners(text: str, country: str | None) -> list[Mention]:
    """ "The 26th meeting of the APEC Counter-Terrorism Task Force was held", "the Council of
    Europe will host a special meeting of the Security Council Counter-Terrorism Committee": a
    body's meeting, which the sentence says is held, is organised by that body."""
    out: list[Mention] = []
    for event in lexicon.event_words(text, _OWNER_KINDS):
        owners = _owner_before(text, event) if _ends_a_name(text, event.start) else []
        if not owners:
            # A genitive owner's name starts in capitals ("семинаре ОБСЕ").
            genitive = (
                _CYRILLIC_NOUN.match(event.text) is not None
                and _CAPITAL_AFTER.match(text, event.end) is not None
            )
            if not genitive and not _OWNER_GATE.match(text, event.end):
                continue
            protected, names = protect(text[event.end : event.end + 160])
            m = _OWNER.match(protected)
            owners = [names[int(m.group(1))]] if m else []
            if genitive and (g := _GENITIVE_OWNERS.match(protected)):
                owners = [names[int(i)] for i in PLACEHOLDER.findall(g.group(1))]
        if not owners or not _held_with(text, event):
            continue
        evidence = _sentence(text, event.start, event.end)
        out += [Mention(n, "owner", event.start, k, evidence) for k, n in enumerate(unique(owners))]
    del country
    # "the 10th conference of RATS and the 2nd conference of the CIS will be held": a sentence
    # that gives two meetings two owners says whose each is, not who organises the page's event.
    owned: dict[str, dict[int, set[str]]] = {}
    for mention in out:
        owned.setdefault(mention.evidence, {}).setdefault(mention.start, set()).add(mention.name)
    return [o for o in out if len({frozenset(v) for v in owned[o.evidence].values()}) == 1]


_CAPITAL_AFTER = re.compile(r"\s+[A-ZА-ЯЁ]")
# The word before a meeting noun that may end a name: a capitalised word, or an acronym in
# brackets ("Centre (COE-DAT) conference").
_CAPITAL_BEFORE = re.compile(r"(?:([A-ZА-ЯЁ][\w.-]*)|\(([^()\s]{2,12})\))\s+$")


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    """The last word of every catalogued spelling and acronym, folded."""
    catalogue = cat.catalogue()
    spellings = [*catalogue.by_alias, *(fold(a) for a in catalogue.by_acronym)]
    return frozenset(w.split()[-1] for w in spellings if w.split())


def _ends_a_name(text: str, at: int) -> bool:
    """Whether the word before ``at`` may end a catalogued name (a quick look before the
    catalogue's pattern is tried): "OSCE seminar", "(COE-DAT) conference"."""
    m = _CAPITAL_BEFORE.search(text, max(0, at - 40), at)
    if m is None:
        return False
    words = fold(m.group(1) or m.group(2) or "").split()
    return bool(words) and words[-1] in _last_words()


_NAME_REACH = 120  # the longest name looked for before a meeting noun


def _owner_before(text: str, event: lexicon.EventWord) -> list[str]:
    """A catalogued body written right before the meeting noun, as its modifier: "a NATO Centre
    of Excellence Defence Against Terrorism conference held Oct. 13", "the OSCE seminar will be
    held". Not a partner in a hyphenated pair ("EU-Central Asia seminar") nor a noun inside the
    body's own name ("Global Counterterrorism Forum")."""
    begin = max(0, event.start - _NAME_REACH)
    spans = cat.name_spans(text[begin : event.end])
    k = bisect.bisect_right([s for s, _, _ in spans], event.start - begin) - 1
    if k < 0:
        return []
    start, end, name = spans[k]
    start, end = start + begin, end + begin
    if end > event.start or text[end : event.start].strip() or not text[end : event.start]:
        return []  # the noun is inside the name, or words stand between them
    if start > 0 and text[start - 1] in "-–/":
        return []
    return [name]


def _held_with(text: str, event: lexicon.EventWord) -> bool:
    """Whether the sentence holds the meeting: a passive held verb after the noun ("meeting ...
    was held") or an active one before it ("will host a special meeting")."""
    begin = max(0, event.start - 120)
    starts = [m.end() for m in _SENTENCE_START.finditer(text, begin, event.start)]
    begin = starts[-1] if starts else begin
    stop = _SENTENCE_END.search(text, event.end)
    after = text[event.end : stop.start() if stop else event.end + 200]
    before = text[begin : event.start]
    if _BRACKET_OPEN.search(before) and _BRACKET_CLOSE.search(after[:200]):
        return True  # "findet heute in Berlin das 9. Symposium des BfV statt"
    if _CYRILLIC_NOUN.match(event.text) and _passive().search(before):
        return True  # Russian puts the verb first as often as not: "прошла конференция ОБСЕ"
    return bool(_verbs().search(before)) or bool(_passive().search(after[:200]))


# German encloses the subject between the verb and its particle: "findet ... statt", however
# many words the subject has.
_BRACKET_OPEN = re.compile(r"\b(?:findet|finden|fand|fanden)\b")
_BRACKET_CLOSE = re.compile(r"\bstatt\b")


@lru_cache(maxsize=1)
def _passive() -> lexicon.Words:
    return lexicon.words("held", "passive")


# --- a state named the host in apposition ---------------------------------------------------

# "Ministère de l'Intérieur du Royaume du Maroc, pays hôte ;", "Macky Sall, le président du
# Sénégal et puissance invitante,", "Kenya, the host country,": the state just before the phrase
# hosts. The phrase must end its apposition (punctuation or the sentence going on in lower case):
# in "France and host country Kenya" the host is the name after it, which is not read here.
_HOST_PHRASE = re.compile(
    r"(?<!\w)(?:host\s+(?:country|nation|state|government)|pays\s+(?:hôte|d['’]accueil)"
    r"|puissance\s+invitante|[ée]tat\s+hôte|país\s+(?:anfitrión|sede)|стран[аыу]-хозя(?:йка|йки|йку)"
    r"|Gastgeberland|Gastland)(?=\s*[,;.:)]|\s*$|(?-i:\s+[a-zа-яё]))",
    re.IGNORECASE,
)
# What joins the phrase to the name before it: a comma, "and", "as".
_HOST_LEAD = re.compile(
    r"(?:,\s*(?:(?:the|le|la|l['’]|el)\s+)?|\s+(?:et|and|y|и)\s+"
    r"|\s+(?:as|en\s+tant\s+que|au\s+titre\s+de|comme|como|в\s+качестве)\s+(?:(?:the|le)\s+)?)$",
    re.IGNORECASE,
)
_HOST_REACH = 80


_HOST_STEMS = (
    "host ",
    "Host ",
    "HOST ",
    "hôte",
    "accueil",
    "invitante",
    "anfitri",
    "sede",
    "хозя",
    "astgeber",
    "astland",
)


def _host_states(text: str) -> list[Mention]:
    if not any(stem in text for stem in _HOST_STEMS):
        return []  # a quick look before the pattern is tried at every word
    out: list[Mention] = []
    for m in _HOST_PHRASE.finditer(text):
        lead = _HOST_LEAD.search(text[max(0, m.start() - 40) : m.start()])
        if lead is None:
            continue
        end = m.start() - (len(lead.group(0)))
        words = text[max(0, end - _HOST_REACH) : end].split()
        code = None
        for n in range(1, min(4, len(words)) + 1):
            if code := cat.state_code(" ".join(words[-n:]).strip('()«»"')):
                break
        if code is None:
            continue
        evidence = _sentence(text, m.start(), m.end())
        out.append(Mention(government(code), "host", m.start(), 0, evidence))
    return out
