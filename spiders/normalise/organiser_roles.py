"""Who the running text says organises: every body named in an organiser role becomes a
``Mention`` with its role, the sentence it was read from and whether the role makes it an
organiser (eval-format §5.10).

This module reads the lists after the role phrases (``organiser_role_phrases``): organiser,
initiative and auspices, and the partner phrases that add co-organisers to a list. Funders,
patrons and participants are read too, so the explanation can say they were passed over. A
partner phrase also names the bodies it joins its list to ("SEARCCT, in collaboration with the
Army, conducted a forum"). It then gathers the other readers: the subject of an organising verb
(``organiser_subjects``, ``organiser_russian``, ``organiser_arabic``), the fixed sentence
shapes (``organiser_shapes``) and the phrases whose body comes before them
(``organiser_body_first``: Turkish, Azerbaijani).
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.organiser_acronyms import name_initials
from confwatch.spiders.normalise.organiser_body_first import body_first_mentions
from confwatch.spiders.normalise.organiser_clauses import (
    CLAUSE_END,
    SENTENCE_END,
    SENTENCE_START,
    clause_after,
    of_earlier_event,
    sentence_of,
    without_funds,
)
from confwatch.spiders.normalise.organiser_lists import sole_name, split_list
from confwatch.spiders.normalise.organiser_lowercase import lowercase_names
from confwatch.spiders.normalise.organiser_mentions import Mention, dated_before, page_year
from confwatch.spiders.normalise.organiser_persons import chairs_a_part
from confwatch.spiders.normalise.organiser_role_phrases import (
    CHAIR,
    COUNTED_KINDS,
    EVENT_KINDS,
    FUND,
    NOT_COUNTED,
    SUPPORT,
    Cue,
    organising_verbs,
    role_cues,
)
from confwatch.spiders.normalise.organiser_russian import with_copula
from confwatch.spiders.normalise.organiser_shape import NAME_LINKS
from confwatch.spiders.normalise.organiser_shapes import (
    appositive_mentions,
    german_passive_mentions,
    host_state_mentions,
    joint_mentions,
    owner_mentions,
)
from confwatch.spiders.normalise.organiser_subjects import (
    MAX_SUBJECT,
    subject_list,
    subject_mentions,
)
from confwatch.spiders.normalise.places import fold

__all__ = ["find_mentions"]


# Arabic vowel marks and the stretching tatweel are optional in writing ("نظّمت" is "نظمت"):
# words are matched without them.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


# A list (or its partners after "with") opening with a class of bodies glossed by its acronym,
# then the bodies themselves after a comma: "in partnership with two Research Units (RUs), X
# and Y", "in collaboration with a non-governmental organisation (NGO), the Z Foundation". An
# indefinite article or a plural acronym, spelling the description's own initials, says the
# gloss names a kind of body, not one: it is none of the list's bodies.
_CLASS_GLOSS = re.compile(
    r"(?:^|(?<=\bwith\s)|(?<=\bavec\s)|(?<=\bcon\s)|(?<=\bmit\s))"
    r"(?P<article>(?:[Aa]n?|[Uu]ne?|[Uu]na|[Ee]ine?)\s+)?(?P<words>[^,()]{3,80}?)\s*"
    r"\((?P<acr>[A-Z]{2,8})(?P<plural>s?)\)\s*,\s*"
    r"(?=(?:(?:the|la|le|el|der|die|das)\s+|l['’])?[A-ZÀ-Þ])"
)


def _without_class_gloss(flat: str) -> str:
    def drop(m: re.Match[str]) -> str:
        if not (m.group("article") or m.group("plural")):
            return m.group(0)
        return "" if name_initials(m.group("words")).endswith(m.group("acr")) else m.group(0)

    return _CLASS_GLOSS.sub(drop, flat)


# The aside a role phrase holds between its participle and its agent: "organisé, <aside>, par".
_HELD_ASIDE = re.compile(r",\s+(?P<aside>[^,]+),\s+\S+\s*$")


def _aside_partners(cue: Cue, country: str | None, evidence: str) -> list[Mention]:
    """The bodies of a partner phrase held as an aside inside a role phrase ("organisé, avec le
    soutien de l'Algérie, par X"): partners of the event as much as X is its organiser."""
    m = _HELD_ASIDE.search(cue.text)
    if m is None:
        return []
    aside = m.group("aside")
    inner = role_cues(aside)
    if not inner or inner[0].role != "partner" or aside[: inner[0].start].strip():
        return []
    names = split_list(" ".join(aside[inner[0].end :].split()), country, strict=True)
    return [Mention(n, "partner", cue.start, 50 + k, evidence) for k, n in enumerate(names)]


def find_mentions(text: str, *, country: str | None = None) -> list[Mention]:
    """Every body the text names in an organiser role (and the funders, patrons and participants
    it names), in the order the text gives them."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = _ARABIC_MARKS.sub("", text)
    found: list[Mention] = []
    consumed = 0
    cues = role_cues(text)
    for index, cue in enumerate(cues):
        if cue.start < consumed:
            continue
        cue = with_copula(text, cue)
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
        # A partner phrase after "and" is a role phrase of its own too: "по инициативе X и при
        # содействии Y", "organisée par X et en partenariat avec Y".
        limit = next(
            (
                c.start
                for c in cues[index + 1 :]
                if c.role != "partner"
                or (
                    _COORDINATED.search(text[max(0, c.start - 8) : c.start])
                    and not _PASSIVE_SUPPORT.match(c.text)  # "X and supported by Y": a list
                )
            ),
            len(text),
        )
        clause, consumed, stop = clause_after(text, cue.end, limit)
        # Running text wraps lines anywhere ("the Government \nof Switzerland"): not a list break.
        flat = _without_class_gloss(" ".join(clause.split()))
        if _german_cue(cue.text):
            flat = _german_name_end(flat)
        evidence = sentence_of(text, cue.start, cue.end)
        funded: list[str] = []
        if role == "partner" and SUPPORT.search(cue.text) and FUND.search(flat):
            role = "funder"  # "with support from the UN peace fund"
        if CHAIR.search(cue.text) and chairs_a_part(text, cue.start):
            # "La cérémonie d'ouverture, présidée par Madame X, ...": who chairs the ceremony
            # speaks at the event (§5.10).
            role = "participant"
        if role in NOT_COUNTED or CHAIR.search(cue.text):
            # Funders are read to be passed over; co-chairs are people, each with their body
            # ("co-chaired by H.E. X, Ministry of Foreign Affairs of Japan; and H.E. Y, ...").
            names = split_list(flat, country, strict=False)
        else:
            flat, funded = without_funds(flat)
            names = split_list(flat, country, strict=True)
            if not names and role in COUNTED_KINDS:  # "organisé par le centre mauritanien"
                names = lowercase_names(flat, lambda t: split_list(t, country, strict=True))
            if (
                not names
                and role in COUNTED_KINDS
                and not _BYLINE.search(text[: cue.end])
                and _SAME_LINE.match(text, cue.end)
                and "\n" not in cue.text
                and (sole := sole_name(flat))
            ):
                names = [sole]  # "organizzato dall'Anaspol dal titolo ..."
        if role == "partner" and names:
            found += _partnered(text, cue, country)
        earlier = of_earlier_event(text, cue.start)
        found += [Mention(n, role, cue.start, k, evidence, earlier) for k, n in enumerate(names)]
        found += _aside_partners(cue, country, evidence)
        for k, piece in enumerate(funded):
            for name in split_list(piece, country, strict=False):
                found.append(Mention(name, "funder", cue.start, 100 + k, evidence))
        if stop:
            consumed = cue.end + len(clause)
        if not names:
            # A role phrase that names no body ("проводимая сегодня в Баку при поддержке X")
            # leaves the role phrases after it to name theirs.
            consumed = cue.end
    found += joint_mentions(text, country)
    found += subject_mentions(text, country)
    found += german_passive_mentions(text, country)
    found += owner_mentions(text, country)
    found += host_state_mentions(text)
    found += appositive_mentions(text, country)
    found += body_first_mentions(text, country)
    found.sort(key=lambda m: (m.start, m.rank))
    year = page_year(text)
    return [
        Mention(m.name, m.role, m.start, m.rank, m.evidence, True, m.scope)
        if dated_before(m.scope or m.evidence, year)
        else m
        for m in found
    ]


# A byline, "By" opening its line: the writer or the agency, not the event's organiser.
_BYLINE = re.compile(r"(?:^|\n)[ \t]*By\s+$")
# The word on the role phrase's own line: after a bare label ("Organized by" and a line break)
# the next line is another thing ("Terrorism remains ...").
_SAME_LINE = re.compile(r"[^\S\n]*[^\s]")


@lru_cache(maxsize=1)
def _german_role() -> re.Pattern[str]:
    rows = [r for r in lexicon.select("role") if r.lang == "de" and r.kind != "label"]
    return re.compile("|".join(f"(?:{r.pattern})" for r in rows), re.IGNORECASE)


def _german_cue(cue: str) -> bool:
    return bool(_german_role().fullmatch(cue.strip().rstrip(":").strip()))


# German writes every noun capitalised and a name's adjectives before its noun, or after one of
# its links ("für politische Bildung", "gegen rechte Gewalt"): a lower-case word right after a
# capitalised one is the sentence going on ("Auf Einladung der X diskutierten ...", "... der X
# statt"), not the name. A legal form ("e.V.", "gGmbH") stays with its name.
_GERMAN_LINK = re.compile(
    r"^(?:für|und|sowie|der|die|das|des|dem|den|von|vom|zu|zur|zum|in|im|am|an|auf|bei|beim|mit"
    r"|nach|über|unter|vor|gegen|aus|e\.\s?v\.?|ev|g?gmbh|mbh)$",
    re.IGNORECASE,
)
_GERMAN_WORDS = re.compile(r"\S+")


def _german_name_end(flat: str) -> str:
    previous = ""
    for m in _GERMAN_WORDS.finditer(flat):
        word = m.group(0)
        core = word.strip("\"'„“”«»()[],;")
        if (
            core[:1].islower()
            and not _GERMAN_LINK.match(core)
            and fold(core) not in NAME_LINKS  # a name in another language: "Institute for"
            and not core.lower().startswith(("e.v", "ggmbh", "gmbh"))
            and previous[:1].isupper()
            and not previous.endswith((",", ";", ")"))
        ):
            return flat[: m.start()].rstrip()
        previous = word.strip("\"'„“”«»(")
    return flat


def _partnered(text: str, cue: Cue, country: str | None) -> list[Mention]:
    """The bodies a partner phrase joins its list to, when they open the sentence: "SEARCCT, in
    collaboration with the Army, conducted a forum", "L'Institut X, en partenariat avec Y, a
    tenu ..." (the list after the phrase is read by the caller)."""
    begin = max(0, cue.start - MAX_SUBJECT)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, cue.start)]
    begin = starts[-1] if starts else begin
    before = text[begin : cue.start]
    if organising_verbs().search(before) or CLAUSE_END.search(before):
        return []  # "BEI organised the workshop with the support of X": the verb's subject
    if role_cues(before):
        return []  # "Coordenada pela X, a atividade contou com o apoio da Y": X is read there
    names = subject_list(before, country)
    evidence = sentence_of(text, cue.start, cue.end)
    return [Mention(n, "subject", cue.start - 1, k, evidence) for k, n in enumerate(names)]


_PASSIVE_SUPPORT = re.compile(r"^(?:supported|unterstützt)\b", re.IGNORECASE)


# A sentence that opens with its role phrase continues the one before: "Organised by X and Y.
# Supported by Z." (a credits block), "Durchgeführt wird sie vom X. Unterstützt durch Y, Z."
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_PREVIOUS_REACH = 300
_PREVIOUS_END = re.compile(r"(?<![A-Z])[.!?]\s+|\n")


_COORDINATED = re.compile(r"[\s,](?:and|et|und|y|e|и|і)\s+$", re.IGNORECASE)


def _attached_to_event(text: str, cue: Cue, earlier: list[Cue]) -> bool:
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
        return any(c.role in COUNTED_KINDS and previous <= c.start < cue.start for c in earlier)
    sentence = sentence_of(text, cue.start, cue.end)
    if _ALONGSIDE.match(cue.text) and _TAKING_PART.search(
        text[max(0, cue.start - _PREVIOUS_REACH) : cue.start].split(". ")[-1]
    ):
        return False  # "Participan representantes de X, junto al Centro Y": Y takes part too
    if lexicon.has_event_word(sentence, EVENT_KINDS):
        return True
    if _EVENT_PRONOUN.match(sentence) and lexicon.has_event_word(
        _sentence_before(text, cue.start), EVENT_KINDS
    ):
        return True  # "The workshop was held in X. It was organised in cooperation with Y."
    # "Coordenada pela Secretaria X, a atividade contou com o apoio da Y": an organiser phrase
    # earlier in the sentence says the sentence is about the event.
    return any(
        c.role in COUNTED_KINDS
        and cue.start - c.start < _PREVIOUS_REACH
        and not SENTENCE_END.search(text, c.end, cue.start)
        for c in earlier
    )


# A sentence whose subject is a pronoun for the event the sentence before names: "It was
# organised in cooperation with X", "Il a été organisé en partenariat avec Y".
_EVENT_PRONOUN = re.compile(
    r"^(?:It|This|Il|Elle|Es|Er|Sie|Esto|Este|Esta|Fue|Ha\s+sido|È\s+stat[oa])\s+"
    r"(?:was|is|will\s+be|has\s+been|had\s+been|a\s+été|est|sera|wurde|wird|ist|fue|será)\b"
)


def _sentence_before(text: str, at: int) -> str:
    """The sentence before the one ``at`` is in."""
    begin = max(0, at - 2 * _PREVIOUS_REACH)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, at)]
    if not starts:
        return ""
    previous = starts[-2] if len(starts) > 1 else begin
    return text[previous : starts[-1]]


# Partner phrases that only say "alongside": in a sentence about taking part they join
# participants, not organisers ("in cooperation with" says more).
_ALONGSIDE = re.compile(
    r"^(?:junto|together|along|alongside|zusammen|gemeinsam|вместе|совместно|conjuntamente"
    r"|conjointement|insieme)",
    re.IGNORECASE,
)
_TAKING_PART = re.compile(
    r"(?<!\w)(?:particip(?:an|aron|ó|a|ará|arán|ent|ait|aient|ated|ates|ate|ating)|took\s+part"
    r"|take\s+part|attended|asistieron|asisten|ont\s+pris\s+part|prennent\s+part"
    r"|участв\w+|приняли\s+участие|nahmen\s+teil|nehmen\s+teil)(?!\w)",
    re.IGNORECASE,
)


# A relative clause opening after a comma: ", which is run in partnership with X", "، الذي
# ينفذ بالشراكة مع X" (which is carried out in partnership with X).
_RELATIVE_CLAUSE = re.compile(
    r"[,،]\s*(?:(?:which|que|qui|che|который|которая|которое|которые)\b|الذي|التي|الذين)"
    r"[^,،.!?\n]{0,40}$",
    re.IGNORECASE,
)
_ANTECEDENT_REACH = 60


def _relative_of_other(text: str, cue: Cue) -> bool:
    """A partner phrase in a relative clause whose antecedent is no event ("as part of a
    project, which is run in partnership with X") names the partners of that other thing."""
    before = text[max(0, cue.start - _ANTECEDENT_REACH - 60) : cue.start]
    relative = _RELATIVE_CLAUSE.search(before)
    if relative is None:
        return False
    # The antecedent: the phrase between the comma before it and the relative's comma.
    antecedent = before[max(0, relative.start() - _ANTECEDENT_REACH) : relative.start()]
    antecedent = re.split(r"[,،.!?\n]", antecedent)[-1]
    return not lexicon.has_event_word(antecedent, EVENT_KINDS)
