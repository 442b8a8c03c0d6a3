"""The subject of an organising verb that holds an event: "Kuwait, Tajikistan and UNOCT will
jointly organise the conference", "La France accueille une réunion", "Am 14. Mai organisierte
das LKA ... den Fachtag", and the subject after the verb of a Romance relative clause ("la
Conferencia que organizó el Gobierno argentino"). Russian and Arabic word orders are read in
``organiser_russian`` and ``organiser_arabic``.

Separate from the role phrases: no phrase names the role, the sentence's shape does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_arabic import (
    ARABIC_RESUMPTIVE,
    ARABIC_WORD,
    arabic_subject,
    arabic_verb_first,
)
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    restore,
)
from confwatch.spiders.normalise.organiser_clauses import (
    RELATIVE_REACH,
    SENTENCE_START,
    clause_after,
    sentence_of,
    without_funds,
)
from confwatch.spiders.normalise.organiser_lists import (
    QUOTED_UNIT,
    is_slash,
    list_separator,
    mask_names,
    slash_parts,
    split_list,
)
from confwatch.spiders.normalise.organiser_lowercase import lowercase_names
from confwatch.spiders.normalise.organiser_mentions import Mention
from confwatch.spiders.normalise.organiser_names import resolve
from confwatch.spiders.normalise.organiser_role_phrases import (
    EVENT_KINDS,
    NOT_A_VERB,
    not_counted,
    organising_verbs,
    role_cues,
)
from confwatch.spiders.normalise.organiser_russian import after_object
from confwatch.spiders.normalise.organiser_shape import org_like, reads_as_name
from confwatch.spiders.normalise.organiser_words import PAREN, PROSE, WORD, clean, unique
from confwatch.spiders.normalise.places import city_country

__all__ = ["MAX_SUBJECT", "subject_list", "subject_mentions"]


# What the subject organises must be an event ("held its annual Ministerial meetings"): an event
# noun of the lexicon within the rest of the sentence.
_OBJECT_REACH = 160
# A full stop after a day number is a German ordinal ("am 16. und 17. September"), and one after
# a single capital an abbreviation ("en Washington D.C. un taller"), not an end.
_OBJECT_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)(?<!\b[A-Z])[.!?]|\n")


# German separable verbs whose particle comes after the object: "lädt ... ein", "richtet ... aus",
# "führt ... durch", "hält ... ab" (the verb's first word, up to the object).
_SEPARABLE = re.compile(
    r"^(?:lädt|laden|lud|luden|richtet|richten|richtete|richteten|führt|führen|führte|führten"
    r"|hält|halten|hielt|hielten|bietet|bieten|bot|boten)\s+(?=\S+(?:\s+\S+)*\s+(?:ein|aus|durch|ab|an)$)",
    re.IGNORECASE,
)


# A German participle used as an adjective, with its agent before it in the same sentence
# ("die vom X organisierte Tagung"): it has no subject.
_ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"^(?:organisiert|veranstaltet|ausgerichtet|durchgeführt)e[nmrs]?$", re.IGNORECASE
)
_AGENT_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|eine[mnr]?)\s+(?:gemeinsam\s+)?(?:von|vom|durch)\s+"
    r"[^.;!?\n]+$"
)


# Words before the verb that belong to it, not to the subject: "will jointly", "has recently",
# Polish "X oraz Y wspólnie zorganizowały" (jointly organised).
_VERB_LEAD = re.compile(
    r"(?:\s+(?:recently|jointly|successfully|also|today|together|conjointement|ensemble"
    r"|совместно|gemeinsam|conjuntamente|wspólnie|razem|również|także"
    r"|is|are|will|has|have|had|was|were|be|been|now|to"
    r"|a|ont|va|vont|wird|hat|haben|ha|han|будет|будут"
    # "was chosen to host", "is pleased to host", "is set to host": the subject's lead-in.
    r"|chosen|selected|expected|scheduled|set|due|proud|pleased|honou?red|delighted|glad"
    r"|ready"
    # A German separable verb whose particle is far off ("X lädt zusammen mit Y zur Tagung ...
    # ein"): the verb, not the subject's name's end.
    r"|lädt|laden|lud|luden|richtet|richten|richtete|richteten))+\s*$",
    re.IGNORECASE,
)


_DATE_ASIDE = re.compile(r"\s+(?:on|from|between)\s+[^,]{0,40}\d[^,]{0,20},?\s*$")
_DASH_ASIDE = re.compile(r"\s+[–—-]\s+[^–—]{3,120}?\s+[–—]\s*$")
# "La Universidad X, a través de su Instituto Y, organiza": the unit it works through, between
# commas, is an aside; the subject is the body before it.
_THROUGH_ASIDE = re.compile(
    r",\s*(?:through|via|by\s+way\s+of|a\s+través\s+de|por\s+medio\s+de|por\s+intermedio\s+de"
    r"|à\s+travers|par\s+l['’]intermédiaire\s+d[eu]s?|par\s+le\s+biais\s+d[eu]s?|über|durch"
    r"|через|por\s+meio\s+d[eoa]s?|tramite|attraverso)\s[^,]{3,160},?\s*$",
    re.IGNORECASE,
)
MAX_SUBJECT = 250
# How far back a subject list is read from its verb: four bodies with long names glossed by their
# acronyms ("La Chaire ... (Unesco-Prev), l'OIF, le Réseau ... (FrancoPrev) et ...") fill 400.
_SUBJECT_REACH = 400


# An announcement's body inviting its reader to an event is the event's host: "the X Consortium
# invites you to join an online workshop", "L'Institut X vous invite à un colloque" (the lexicon's
# invite/public rows).


# "X a organisé, en collaboration avec Y (...) et Z (...), et avec la participation de W, une
# journée d'étude": an aside between commas right after the verb puts the object further off.
_ASIDE_REACH = 400
_ASIDE_FIRST = re.compile(r"\s*,\s")


def _event_after(text: str, start: int) -> lexicon.EventWord | None:
    reach = _ASIDE_REACH if _ASIDE_FIRST.match(text, start) else _OBJECT_REACH
    window = text[start : start + reach]
    if stop := _OBJECT_END.search(window):
        window = window[: stop.start()]
    found = lexicon.event_words(window, EVENT_KINDS)
    return found[0] if found else None


def _opens_with_role_phrase(before: str) -> bool:
    """Whether the sentence before a verb opens with an organiser's role phrase ("Organised by X
    and Y, the second edition offers ..."): its bodies are that phrase's, and the verb's subject is
    the event."""
    cues = role_cues(before)
    return bool(cues) and cues[0].role != "partner" and not before[: cues[0].start].strip()


def subject_mentions(text: str, country: str | None) -> list[Mention]:
    out: list[Mention] = []
    verbs = sorted(
        [*organising_verbs().finditer(text), *lexicon.words("invite", "public").finditer(text)],
        key=lambda m: m.start(),
    )
    for verb in verbs:
        word = verb.group(0)
        if NOT_A_VERB.match(word) or re.search(r"\bby$", word, re.I):
            continue
        if re.match(r"\s+(?:by|par|por|von|vom)\b", text[verb.end() : verb.end() + 6], re.I):
            continue  # "organised by X": a role phrase, read above
        if _ATTRIBUTIVE_PARTICIPLE.match(word) and _AGENT_BEFORE.search(
            text[max(0, verb.start() - MAX_SUBJECT) : verb.start()]
        ):
            continue  # "zu der vom X organisierten Tagung": an adjective, read in the shapes
        if ARABIC_RESUMPTIVE.match(word):
            out += arabic_subject(text, verb)
            continue
        # A separable verb holds its object ("lädt zu einem Fachtag ein", "richtet die Konferenz
        # aus"): the event is looked for from the verb's first word on.
        object_from = verb.end()
        if (split := _SEPARABLE.match(word)) is not None:
            object_from = verb.start() + split.end()
        event = _event_after(text, object_from)
        first = arabic_verb_first(text, verb) if event and ARABIC_WORD.fullmatch(word) else []
        if first:
            out += first
            continue
        if event is None:
            out += (
                _relative_subject(text, verb, country)
                or after_object(text, verb, country)
                or _people_convened(text, verb, country)
            )
            continue
        begin = max(0, verb.start() - _SUBJECT_REACH)
        starts = [m.end() for m in SENTENCE_START.finditer(text, begin, verb.start())]
        begin = starts[-1] if starts else begin
        evidence = sentence_of(text, verb.start(), verb.end())
        if _opens_with_role_phrase(text[begin : verb.start()]):
            continue  # "Organizado por X y Y, esta edición ofrecerá ...": read as a role phrase
        names = subject_list(text[begin : verb.start()], country)
        if not names:  # "the national coordination unit for ... organized"
            names = lowercase_names(text[begin : verb.start()], lambda t: subject_list(t, country))
        if (not names or any(_COMPLEMENTISER.search(n) for n in names)) and (
            que := list(_COMPLEMENTISER.finditer(text, begin, verb.start()))
        ):
            # "C'est sous ce thème que le pôle X organise ce colloque", "el seminario que la
            # Universidad X organiza": a Romance "que" opens the clause its subject starts.
            names = subject_list(text[que[-1].end() : verb.start()], country)
        if not names:
            # "Am 14. Mai organisierte das LKA gemeinsam mit ... den Fachtag": the subject
            # follows the verb, up to the event it organises.
            after = text[object_from : object_from + event.start]
            names = _inverted_subject(after, country)
        scope = _own_clause(text, begin, object_from + event.end)
        out += [Mention(n, "subject", begin, k, evidence, scope=scope) for k, n in enumerate(names)]
        if names and event.kind in lexicon.STRONG:
            out += _held_with_body(text, object_from + event.end, country, begin, evidence)
    return out + _opening_subjects(text, country) + _invited_after_verb(text, country)


# German puts the finite verb second: after a fronted time or place ("Am Mittwoch", "Im November
# 2021", "Heute"), the subject follows it. "Am Mittwoch lud die X zu einer Tagung ein", "Im Mai
# luden die X und das Y zu einer Fachkonferenz ein": the bodies between the inviting verb and
# the "zu" of the event invite to it, host it. With the subject first ("Der Minister lud die
# Polizei zu einem Treffen ein") the body after the verb is its object: not read.
_INVITED_AFTER_VERB = re.compile(
    r"(?<!\w)(?:lädt|laden|lud|luden)\s+(?P<subject>(?:die|der|das|den)\s+[^.!?\n]{3,200}?)"
    r"\s+zu[mr]?\s+(?=\S)"
)
_FRONTED = re.compile(
    r"^\s*(?:(?:Am|Im|In|Zum|Zur|Vom|Nach|Vor|Seit|Anfang|Ende|Mitte|Heute|Gestern|Morgen|Dazu"
    r"|Nun|Jetzt|Erneut|Bereits|Deshalb|Daher"
    # A date's month opens the sentence read after its ordinal day ("21. Februar 2018 lud ...").
    r"|Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember)(?!\w)|\d)"
)


def _invited_after_verb(text: str, country: str | None) -> list[Mention]:
    out: list[Mention] = []
    for m in _INVITED_AFTER_VERB.finditer(text):
        event = _event_after(text, m.end())
        if event is None or text[m.end() : m.end() + event.start].strip(" ,").count(" ") > 2:
            continue  # the event must be what the "zu" invites to: "zu einer Fachtagung"
        begin = max(0, m.start() - _SUBJECT_REACH)
        starts = [s.end() for s in SENTENCE_START.finditer(text, begin, m.start())]
        begin = starts[-1] if starts else begin
        if not _FRONTED.match(text[begin : m.start()]):
            continue
        evidence = sentence_of(text, m.start(), m.end())
        names = split_list(" ".join(m.group("subject").split()), country, strict=True)
        out += [Mention(n, "subject", m.start(), k, evidence) for k, n in enumerate(names)]
    return out


@lru_cache(maxsize=1)
def _opening_verbs() -> lexicon.Words:
    return lexicon.words("held", "opening")


# A person who opens an event opens someone else's: a head of state, a minister, an official.
_OPENER_PERSON = re.compile(
    r"(?<!\w)(?:president|président\w*|presidente|präsident\w*|президент\w*|prime|premier"
    r"|king|roi|rey|secretary|secrétaire|secretari[oa]|governor|gouverneur|gobernador|mayor"
    r"|maire|alcalde|general|général|rector|recteur|dean|doyen|decan[oa]|Dr|Prof|M|Mme|Mr|Ms)"
    r"(?!\w)",
    re.IGNORECASE,
)


_OPENED_KINDS = frozenset({"large", "small", "qualified", "meeting", "week"})


def _opening_subjects(text: str, country: str | None) -> list[Mention]:
    """The bodies that open their event: "La Guardia Civil y la FEMP han inaugurado las XX
    Jornadas", "L'Institut X a ouvert ce lundi un colloque", "the U.S. Mission and the African
    Union opened their joint CVE Week". Not a person who opens it (a minister, a president)."""
    out: list[Mention] = []
    for verb in _opening_verbs().finditer(text):
        if re.match(r"\s+(?:by|par|por|von|vom|durch)\b", text[verb.end() : verb.end() + 6], re.I):
            continue  # "opened by the Minister": a person, mostly
        window = text[verb.end() : verb.end() + _OBJECT_REACH]
        if stop := _OBJECT_END.search(window):
            window = window[: stop.start()]
        found = lexicon.event_words(window, _OPENED_KINDS)
        if not found or found[0].kind not in _OPENED_KINDS:
            continue
        begin = max(0, verb.start() - _SUBJECT_REACH)
        starts = [m.end() for m in SENTENCE_START.finditer(text, begin, verb.start())]
        begin = starts[-1] if starts else begin
        raw = text[begin : verb.start()]
        if PROSE.search(raw) or _OPENER_PERSON.search(raw):
            continue
        names = subject_list(raw, country)
        evidence = sentence_of(text, verb.start(), verb.end())
        out += [Mention(n, "subject", begin, k, evidence) for k, n in enumerate(names)]
    return out


# "X organised a joint webinar with the Y Council", "IPI co-hosted the seminar with the OIF",
# "a organisé un colloque avec l'Université Z": the body the subject holds its event with, right
# after the event noun, holds it too.
_WITH = re.compile(r"\s+(?:together\s+)?(?:with|avec|con|com)\s+(?=\S)", re.IGNORECASE)


def _held_with_body(
    text: str, event_end: int, country: str | None, begin: int, evidence: str
) -> list[Mention]:
    m = _WITH.match(text, event_end, event_end + 20)
    if m is None or role_cues(text[m.start() : m.end() + 40])[:1]:
        return []  # "with the support of": a role phrase, read with its own role
    clause, _, _ = clause_after(text, m.end())
    if PROSE.search(clause):
        return []  # "with the Minister of X": a meeting with a person, no co-host
    names = split_list(" ".join(clause.split()), country, strict=True)
    return [Mention(n, "partner", begin, 50 + k, evidence) for k, n in enumerate(names)]


# French, Spanish and Portuguese "que" (complementiser or object relative) comes before its
# clause's subject.
_COMPLEMENTISER = re.compile(r"(?<!\w)(?:que\s+|qu['’])", re.IGNORECASE)


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


def _relative_subject(text: str, verb: re.Match[str], country: str | None) -> list[Mention]:
    """The subject after the verb of a relative clause whose antecedent is an event:
    "Conferencia ... que organizó el Gobierno argentino." (Romance languages put it there)."""
    if not _RELATIVE.search(text[max(0, verb.start() - 12) : verb.start()]):
        return []
    before = text[max(0, verb.start() - RELATIVE_REACH) : verb.start()]
    if stop := list(re.finditer(r"[.!?\n]", before)):
        before = before[stop[-1].end() :]
    if not lexicon.event_words(before, EVENT_KINDS):
        return []
    clause, _, _ = clause_after(text, verb.end())
    names = split_list(" ".join(clause.split()), country, strict=True)
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(n, "subject", verb.start(), k, evidence) for k, n in enumerate(names)]


# "On 8 December 2015 the Permanent Missions ...", "Am 9. Mai hat ...": an opening date.
_OPENING_DATE = re.compile(
    r"^(?:(?:on|in|from|le|el|am|в|со?)\s+)?(?:[^,]{0,40}?\b(?:1[89]|20)\d\d\b"
    # A Russian year is followed by its noun in the genitive or locative: "3 апреля 2018 года",
    # "в 2018 году", "в 2018 г.".
    r"(?:\s+(?:года|году|г\.))?"
    r"|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\.?\s+[^\W\d]{3,10}\.?),?\s+",
    re.IGNORECASE,
)


# A name never begins with a lower-case preposition: a piece that does ("de l'extrémisme
# violent (RPC-Prev)", "of Justice and Home Affairs") is the rest of the name before its "and".
_AND_OR_COMMA = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$|^\s*,\s*$", re.IGNORECASE)


def _all_lower(text: str) -> bool:
    """Whether every word of ``text`` but an acronym in brackets is in lower case."""
    words = WORD.findall(PAREN.sub(" ", text))
    return bool(words) and all(w[0].islower() for w in words)


_BARE_AND = re.compile(r"^\s+(?:and|et|und|y|e|и)\s+$", re.IGNORECASE)
_LINK_FIRST = re.compile(r"^\s*(?:(?:de|du|des|of|for|pour|para|por|del|für|по|для)\s|d['’])")


def _one_name(joined: str, names: list[str], country: str | None) -> bool:
    """Whether two pieces read forward are one name ("Department of Interior" + "and Local
    Government"): the list reader glues them back."""
    text = clean(restore(joined, names))
    if not text:
        return False
    # "la Mission de l’Union africaine pour le Mali" + "et le Sahel (MISAHEL)": a catalogued
    # name inside the first piece does not keep the second from being its rest.
    return len(split_list(text, country, strict=True)) == 1 and org_like(text)


# People from somewhere, as a subject: its names say where they come from.
_PEOPLE_FROM = re.compile(
    r"(?<!\w)(?:experts?|representatives?|delegates?|delegations?|officials?|participants?"
    r"|specialists?|scholars?|researchers?|practitioners?|expert[oa]s|representantes|delegad[oa]s"
    r"|funcionari[oa]s|représentants|délégués|délégations|spécialistes|Vertreter(?:innen)?"
    r"|Expert(?:inn)?en|представител\w*|эксперт\w*|делегаци\w*)\s+(?:from|of|de|des|du|del|aus|von|из)"
    r"(?!\w)",
    re.IGNORECASE,
)


# What a body convenes when its sentence names no event: people, counted or not ("convened some
# 25 representatives of civil society", "will bring together non-state actors", "a réuni une
# trentaine d'experts"). Gathering people is holding their meeting; the event is named elsewhere.
_PEOPLE_OBJECT = re.compile(
    r"\s+(?:together\s+)?(?:(?:some|about|around|over|nearly|almost|up\s+to|more\s+than|at\s+least"
    r"|près\s+de|plus\s+de|environ|une?\s+\w+aine\s+d['’]|más\s+de|cerca\s+de|unos|unas|rund|über"
    r"|mehr\s+als|etwa|около|более|свыше)\s+)?(?:\d[\d,.\s]*\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:representatives|experts|participants|officials|delegates|delegations|specialists|scholars"
    r"|researchers|practitioners|actors|stakeholders|leaders|heads|members|professionals|academics"
    r"|représentants|experts|participants|délégués|spécialistes|chercheurs|acteurs|responsables"
    r"|representantes|expertos|participantes|delegados|especialistas|funcionarios|actores"
    r"|Vertreter(?:innen)?|Expert(?:inn)?en|Teilnehmende|Teilnehmer(?:innen)?|Fachleute"
    r"|представител\w*|эксперт\w*|участник\w*|специалист\w*|глав)(?!\w)",
    re.IGNORECASE,
)


def _people_convened(text: str, verb: re.Match[str], country: str | None) -> list[Mention]:
    """The bodies that convene people, on a page whose event the sentence does not name:
    "RUSI and the Prevention Project convened some 25 representatives", "ECOWAS will bring
    together non-state actors"."""
    if _PEOPLE_OBJECT.match(text, verb.end()) is None:
        return []
    begin = max(0, verb.start() - _SUBJECT_REACH)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, verb.start())]
    begin = starts[-1] if starts else begin
    if lexicon.event_words(text[begin : verb.start()], EVENT_KINDS):
        return []  # "The Symposium gathered practitioners": the event is the subject
    names = subject_list(text[begin : verb.start()], country)
    evidence = sentence_of(text, verb.start(), verb.end())
    return [Mention(n, "subject", begin, k, evidence) for k, n in enumerate(names)]


def _names_a_body(text: str) -> bool:
    """Whether ``text`` names a catalogued body or one with an organisation word."""
    return bool(cat.name_spans(text)) or any(cat.is_org_word(w) for w in text.split())


# A dateline's city and dash before the subject: "Rabat - Le ministère ...", "VIENNA – The X".
_DATELINE = re.compile(r"^(?P<city>[^\W\d][\w'’. ]{1,30}?)\s+[-–—]\s+")


# A verb reporting speech, with its optional "that": the reported clause's subject follows it.
_REPORTED = re.compile(
    r"(?<!\w)(?:said|says|announced|stated|noted|explained|reported|added|confirmed|revealed"
    r"|disclosed|declared|indicated)(?:\s+on\s+\w+day)?(?:\s+that)?\s+",
    re.IGNORECASE,
)


# A subject opened by a quantifier names a kind of body, not one: "Some earlier holders of the
# Presidency", "Several universities", "Many NGOs", "Plusieurs associations", "Varias
# universidades", "Mehrere Vereine", "Некоторые ведомства".
_QUANTIFIED = re.compile(
    r"^(?:some|several|many|various|numerous|most|other|few|plusieurs|certaines?|de\s+nombreu(?:x|ses)"
    r"|d['’]autres|varias|varios|muchas|muchos|algunas|algunos|otras|otros|mehrere|einige|viele"
    r"|zahlreiche|andere|некоторые|многие|несколько|другие)\s",
    re.IGNORECASE,
)


def subject_list(text: str, country: str | None) -> list[str]:
    """The organisations ending the subject of "On 25 April, the Council of Europe organised ...":
    the pieces read back from the verb while each is an organisation; an opening date, place or
    phrase ends them. An aside between dashes or a date before the verb is skipped."""
    text = " ".join(text.split())
    # "Dec 8-9, Bamako, Mali: HSC together with ...": a dateline or label before a colon.
    text = text.rsplit(": ", 1)[-1]
    if (dateline := _DATELINE.match(text)) and city_country(dateline.group("city")) is not None:
        text = text[dateline.end() :]  # "Rabat - Le ministère X a organisé": the dateline's city
    if reported := list(_REPORTED.finditer(text)):
        # "the presidency said Nigeria, with the support of X, is organising": the subject of
        # the reported clause starts after the verb that reports it.
        text = text[reported[-1].end() :]
    if (people := list(_PEOPLE_FROM.finditer(text))) and not _names_a_body(
        text[people[-1].end() :]
    ):
        # "experts from Latin America and the United States convened a meeting": people are the
        # subject, the states only where they come from (not "representatives of the OSCE").
        text = text[: people[-1].start()]
    text = _VERB_LEAD.sub("", text)
    if _QUANTIFIED.match(text):
        return []  # "Some earlier holders of the Presidency have organised workshops": no body
    if stop := not_counted().search(text):
        text = text[: stop.start()]
    text, _ = without_funds(text)
    text = _DASH_ASIDE.sub("", _DATE_ASIDE.sub("", _THROUGH_ASIDE.sub("", text))).strip(" ,")
    text = mask_names(_OPENING_DATE.sub("", text))
    # Names go back as the page spells them ("Intergovernmental Authority on Development's
    # (IGAD's) Capacity Building Program (ICPAT)" stays one name).
    protected, _, names = cat.protect_spelled(text)
    chunks = list_separator().split(protected)
    pieces = [p for i, p in enumerate(chunks) if i % 2 == 0]
    seps = [""] + [p for i, p in enumerate(chunks) if i % 2 == 1]
    # "Preventing / Countering Violent Extremism Coordinators": a slash inside one name.
    for i in range(len(pieces) - 1, 0, -1):
        if is_slash(seps[i]) and not slash_parts(
            clean(restore(pieces[i - 1], names)), clean(restore(pieces[i], names))
        ):
            pieces[i - 1 : i + 1] = [pieces[i - 1] + seps[i] + pieces[i]]
            del seps[i]
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
            and (
                (
                    clean(restore(piece, names))
                    and not org_like(clean(restore(piece, names)))
                    and (
                        _LINK_FIRST.match(piece) is not None
                        # "Centre for Middle Eastern and Strategic Studies"; in French "et Marie
                        # Curie" may be a person's name, "et de sécurité" is the name's own.
                        or (len(piece.split()) <= 3 and _AND_OR_COMMA.match(seps[k]) is not None)
                        # "... sur les intégrismes religieux et la radicalisation (CEFIR)": a
                        # piece in lower case after its article is no name's start.
                        or (
                            _all_lower(clean(restore(piece, names)))
                            and _BARE_AND.match(seps[k]) is not None
                        )
                    )
                )
                or _one_name(f"{pieces[k - 1]}{seps[k]}{piece}", names, country)
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


_GERMAN_PLACE_AFTER = re.compile(
    r"\s(?:im|in|am|auf|beim)(?:\s+(?=(?:der|dem|den)\s|[A-ZÄÖÜ])|\s*$)"
)


def _inverted_subject(after: str, country: str | None) -> list[str]:
    after = _OBJECT_ARTICLE.sub("", " ".join(after.split()))
    # "lädt der X zum Fachtag ein": the "zum" of the event invited to is no part of the name.
    after = re.sub(r"\s+zu[mr]?$", "", after)
    # "veranstaltet das Ministerium im Forum X die Konferenz": between a verb-second verb and its
    # object, a place after the body is the sentence's adverbial, not part of the name.
    after = _GERMAN_PLACE_AFTER.split(after, maxsplit=1)[0]
    after = re.sub(r"\s+\S+$", "", after) if re.search(r"\d", after[-12:]) else after
    if not after or len(after) > MAX_SUBJECT:
        return []
    if stop := not_counted().search(after):
        after = after[: stop.start()]
    return split_list(after, country, strict=True)
