"""Where sentences and clauses start and end: the sentence a mention is read from, the list after
a role phrase up to where the sentence goes on, and the support phrases in a list that name a
fund ("with support from the UN peace fund" is funding).

Separate because every reader of running text (role phrases, subjects, meeting owners) cuts its
text with these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_catalogue import (
    restore,
)
from confwatch.spiders.normalise.organiser_lists import list_separator
from confwatch.spiders.normalise.organiser_role_phrases import (
    EVENT_KINDS,
    FUND,
    NOT_A_VERB,
    SUPPORT,
    not_counted,
    organising_verbs,
)

__all__ = [
    "CLAUSE_END",
    "RELATIVE_REACH",
    "SENTENCE_END",
    "SENTENCE_START",
    "SENTENCE_STOP",
    "clause_after",
    "of_earlier_event",
    "sentence_of",
    "without_funds",
]


# A full stop after an initial ("К. Л. Хетагурова") or "им." (named after) ends no clause.
CLAUSE_END = re.compile(
    # A full stop ends a list, except after an initial ("М. В. Ломоносова"); after an acronym
    # ("... San Pablo CEU. El acto ...") it does, but not after French "MM." (Messieurs).
    r"(?:(?<![A-ZА-ЯЁ])|(?<=[A-ZА-ЯЁ]{2})(?<!\bMM))(?<!\bим)\.(?=\s|$)"
    r"|\n\s*\n|\n[ \t]*-?[ \t]*[A-Z][\w /]{0,40}:[ \t]*(?:\n|$)"
    r"|\bPhoto\b"
    r"|,?\s+(?:will|would|shall|takes?|took|taking|is|are|was|were|has|have|had|which|who|whose|that"
    # "promovida pelo Conselho da Europa desde 1994": since when is no part of a name.
    r"|where|when|since|desde|depuis|seit|during|aura|auront|sera|seront|será|serán|tendrá|tendrán"
    # Italian and Portuguese auxiliaries: "in collaborazione con X hanno partecipato ...".
    r"|hanno|ha|è|sono|sarà|saranno|si\s+(?:è|terrà|svolge\w*)|foi|foram|são|serão|irá|irão"
    # Polish auxiliaries and held verbs: "organizowanej przez X oraz Y była: ...".
    r"|był[aoy]?|byli|jest|są|będzie|będą|został[aoy]?|zostali|zostanie|zostaną"
    r"|odbył[aoy]?|odbędzie|odbędą|w\s+dniach?|w\s+ramach"
    # Tajik held verbs close the sentence after its bodies: "бо ташкили X доир гардид".
    r"|баргузор\s+(?:гардид|мегардад|шуд|гардида|мешавад|карда)|доир\s+(?:гардид|мегардад|шуд)"
    r"|ташкил\s+(?:карда|гардид|шуд|кард|намуд)\w*"
    r"|aims?|aimed|remains?|brings?|brought|concluded|started|opens?|opened"
    r"|held|builds?|seeks?|provides?|focus(?:es)?|to\s+(?:discuss|strengthen|promote|address|share|explore)"
    # A day word or a purpose ("to" and a verb) ends a body's name: "hosted by the X Council
    # today to exchange knowledge" ("Mission to the UN" has its article, "to" a capital).
    r"|today|tonight|tomorrow|yesterday|here|che|to\s+(?!(?:the|an?|its|their|all|both)\b)[a-z]{3,}"
    # A topic after "on" is the event's, not the body's: "with the X Council on 'Y'", "by the
    # Office in Tajikistan on the draft national strategy" (a name's words are capitalised).
    r"|on(?=\s+[‘'\"“«])|on\s+the\s+(?=[a-z])"
    # "... Task Force in the fight against terrorism": an English name's words are capitalised.
    r"|in\s+the\s+(?=[a-z])"
    r"|on\s+(?:the\s+)?(?:day|\d)|from\s+\d"
    # No body is named after a weekday: "... the X think-tank Monday" is the sentence's time.
    r"|(?:on\s+|last\s+|next\s+)?(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:in|on)\s+(?:\d|January|February|March|April|May|June|July"
    r"|August|September|October|November|December)|under\s+the\s+(?:theme|title|motto|slogan)"
    r"|a\s+(?:rassemblé|réuni)|rassembl\w+|réuni\w*|pour\s+(?:discuter|renforcer)"
    # The French main verb after its subject list: "... (EIFORCES) a obtenu l'adhésion de ...".
    r"|(?:a|ont)\s+(?:été|eu|obtenu|reçu|permis|pris|mis|connu|vu|fait|suscité|enregistré"
    r"|accueilli|ouvert|débuté|démarré|commencé|lancé|regroupé|mobilisé|drainé|marqué)"
    # A French reflexive main verb: "organisé par l'Institut X s'est ouvert à Abidjan".
    r"|s['’]est\s+(?:tenue?|déroulée?|ouverte?|clôturée?|achevée?|terminée?)s?"
    r"|se\s+(?:sont|tiendr\w+|tient|déroul\w+)|s['’]ouvr\w+"
    # "..., a atividade contou com o apoio da X": the main verb after the list.
    r"|cont(?:ou|aram|ó|aron)\s+com?"
    r"|sous\s+le\s+(?:thème|titre)|bajo\s+el\s+(?:tema|título)|sob\s+o\s+tema"
    r"|bajo\s+el\s+lema|und\s+(?:findet|fand)|brachte|bereits|erstmals|zum\s+\w+\s+Mal|собрал\w*|состоял\w*|состоится"
    r"|пройд[её]т|прош(?:ла|[её]л|ли)|сегодня|вчера|на\s+тему|посвящ\w+"
    # Where a body sits is no part of its name: "Представительства X (TIKA) в городе Ташкенте".
    r"|в\s+городе)\b"
    # A relative or final clause after a comma: ", qui", ", die", ", которые", ", para".
    # German "der", "die", "das" before a capitalised noun are its article in the list going on
    # (", der Botschaft X und der Universität Y"), not a relative pronoun.
    r"|,\s*(?:qui|dont|afin|que|para|(?:die|der|das)\b(?!\s+[A-ZÄÖÜ])|um|в\s+котор\w+|которы\w+"
    r"|чтобы)\b"
    r"|,\s*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th)\b"
    # The sentence's own organising verb after its subjects: "X together with Y organized a
    # workshop", "X, en partenariat avec Y, ont organisé un colloque" (not "organised by").
    r"|,?\s+(?i:(?:co-?)?(?:organi[sz](?:ed|es|e)|hosted|convened|convenes"
    r"|(?:a|ont)\s+(?:co-?)?organisé|(?:co-?)?organisent|organizó|organizaron|realizó|realizaron"
    r"|organizou|organizaram|realizou|realizaram|organisierte|organisierten|veranstaltete[n]?"
    # German puts the participle last: "wird in Zusammenarbeit mit dem Kreis X veranstaltet".
    r"|organisiert|veranstaltet|ausgerichtet|durchgeführt"
    # Russian: "X в партнерстве с Y и Z провел онлайн-конференцию".
    r"|провел[аи]?|провёл|организовал[аи]?"
    # Italian: "X, in collaborazione con Y e Z, organizza il convegno".
    r"|organizza(?:no|va|vano)?|promuov(?:e|ono))"
    r"(?!\s+(?:by|par|por|pel[oa]s?|von|vom|durch|jointly|conjointement)\b))\b"
    # A frame phrase says what the event belongs to, and no body's name holds one: "organised by
    # X as part of the Y project", "dans le cadre du", "en el marco del", "im Rahmen", "в рамках".
    r"|,?\s+(?i:as\s+part\s+of|(?:with)?in\s+the\s+(?:framework|context)\s+of"
    r"|dans\s+le\s+cadre\s+(?:d['’]|de|du|des)|en\s+el\s+marco\s+(?:de|del)"
    r"|no\s+(?:âmbito|quadro)\s+d[eoa]s?|nell['’]ambito\s+(?:di|del|della|dello|dei|delle|degli)"
    r"|im\s+Rahmen|в\s+рамках|у\s+межах)\b"
    # German puts the event, in the accusative, after its organisers: "gemeinsam mit dem X den
    # Fachtag", "mit der Y einen Workshop"; no body's name holds that article.
    r"|\s+(?:den|einen)\s+(?=(?:\S+\s+){0,2}?\S*(?:[Tt]ag|[Tt]agung|[Kk]onferenz|[Ss]eminar"
    r"|[Ww]orkshop|[Ff]orum|[Kk]ongress|[Ss]ymposium|[Gg]ipfel)\b)"
    # Russian puts the event after its organisers: "организованное A и B мероприятие «X»".
    r"|\s+(?:мероприяти[еяюйи]|конференци[яюией]|семинар[аеу]?|совещани[еяюи]|форум[аеу]?"
    r"|встреч[аиуе]|кругл(?:ый|ого)\s+стол)(?=[\s«\"„.,]|$)",
)
_MAX_CLAUSE = 400
# A title before a person's name ends no sentence with its full stop: "coordenada pelo Prof.
# Leandro Piquet", "chaired by Dr. Smith".
_NOT_AN_END = "".join(
    rf"(?<!\b{w})"
    for w in (
        "Prof",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Mme",
        "Mlle",
        "Sr",
        "Sra",
        "Dra",
        "St",
        "Gen",
        "Col",
    )
)
# A sentence starts after its full stop, a line break, or a dateline ("Geneva, 12 June 2013 - ",
# "RIYADH, 17 February — ", "20 SEPTEMBER 2023, NEW YORK | ", "ISLAMABAD - ").
SENTENCE_START = re.compile(
    rf"(?:{_NOT_AN_END}(?<!\b[A-Z])[.!?]\s+(?=[A-ZА-ЯЁ“\"«„])"
    r"|\n(?=\s*[^\W\d_a-zа-яё]|\s*[-•*\d\"“«„])|\s\|\s|(?<=\d{4})\s+[–—-]\s+"
    r"|^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{2,30},[^–—\n]{2,40}?\s[–—-]\s|^\([^()\n]{2,40}\)\s+"
    # "Баку, Азербайджан – ", "Vienna, Austria - ": a dateline's city and country, as written.
    r"|^[A-ZА-ЯЁ][\w.'’-]+(?:\s[A-ZА-ЯЁ][\w.'’-]+){0,2},\s*[A-ZА-ЯЁ][\w.'’-]+"
    r"(?:\s[A-ZА-ЯЁ][\w.'’-]+){0,2}\s[–—-]\s"
    # "ISLAMABAD - ", "2025-01-31 NEW DELHI – ": a dateline's city in capitals, then a dash.
    r"|(?:^|(?<=\d)\s)[A-ZА-ЯЁ]{3,}(?:\s[A-ZА-ЯЁ]{3,}){0,2}\s[–—-]\s)",
    re.MULTILINE,
)
SENTENCE_END = re.compile(rf"(?<![A-Z]){_NOT_AN_END}[.!?](?=\s|$)|\n")
# A sentence's end where running text may wrap its lines: a full stop, or a blank line (a new
# paragraph, a heading's end); a single line break is no end.
SENTENCE_STOP = re.compile(rf"\n[ \t]*\n|(?<![A-Z]){_NOT_AN_END}[.!?](?=\s|$)")


def sentence_of(text: str, start: int, end: int) -> str:
    begin = max(0, start - 300)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, start)]
    begin = starts[-1] if starts else begin
    stop = SENTENCE_END.search(text, end)
    return " ".join(text[begin : stop.end() if stop else min(len(text), end + 300)].split())


_TRAILING_AND = re.compile(r"(?:,|\s)\s*(?:and|et|und|y|e|и|as\s+well\s+as|ainsi\s+que)?\s*$", re.I)


def clause_after(text: str, start: int, limit: int | None = None) -> tuple[str, int, str | None]:
    """The list after a role phrase (up to ``limit``, where another role's list starts), where
    it ends, and the role phrase that ended it when that was funding, patronage or
    participation (its bodies are read as such)."""
    window = text[start : min(start + _MAX_CLAUSE, limit or len(text))]
    # Names go back as the page spells them: lengths stay the page's, and an uncatalogued name
    # holding a catalogued one ("... Initiative Center on combating crime (SECI Center)") stays
    # one name.
    protected, _, spelled = cat.protect_spelled(window)
    ends = [m.start() for m in (CLAUSE_END.search(protected),) if m]
    if (main := _main_clause(protected)) is not None:
        ends.append(main)
    stop = not_counted().search(protected)
    if stop and (not ends or stop.start() < min(ends)):
        clause = protected[: stop.start()]
        restored = restore(clause, spelled)
        return restored, start + len(restore(protected[: stop.end()], spelled)), "stop"
    clause = protected[: min(ends)] if ends else protected
    restored = restore(clause, spelled)
    if ends and (resumed := _after_relative(protected, min(ends))) is not None:
        # "Los organizadores son el Club X, que agrupa a ..., y el Centro Y": the list goes on
        # after a relative clause that glosses one of its bodies.
        skip = start + len(restore(protected[:resumed], spelled))
        tail, consumed, ended = clause_after(text, skip, limit)
        if tail:
            return f"{_TRAILING_AND.sub('', restored)} and {tail}", consumed, ended
    # Cut where the next role's list starts: "X and [co-organized by]" leaves its "and".
    return _TRAILING_AND.sub("", restored), start + len(restored), None


# A relative clause after a comma that glosses the body before it ("X, which groups ...,",
# "X, que agrupa ...,", "X, qui réunit ...,"), then the list going on with a capitalised name.
_GLOSS = re.compile(
    r",\s*(?:which|who|que|qui|die|der|das|который|которая|которое)\s[^.!?;:\n]{3,120}?"
    r",\s*(?:and|y|et|und|e|и)\s+"
    r"(?=(?:(?:the|el|la|le|les|los|las|der|die|das|il|lo)\s+|l['’])?[A-ZÀ-ÖØ-ÞА-ЯЁ\x00])"
)


def _after_relative(protected: str, end: int) -> int | None:
    """Where the list resumes after a relative clause that starts at ``end``, if it does."""
    m = _GLOSS.match(protected, end)
    return m.end() if m else None


# A comma, then an event noun (with its article) or an organising verb: the sentence's main
# clause after a list ("Organizado em parceria com X, o encontro reuniu ...", "X, em parceria
# com Y, realizou a mesa redonda", "بالتعاون مع X، ورشة ...").
_COMMA_THEN = re.compile(
    r"[,،]\s*(?:(?:the|an?|o|a|os|as|el|la|los|las|il|lo|le|les|der|die|das|ال)\s+|l['’])?",
    re.IGNORECASE,
)


# German names the event after its organisers with no comma: "X lädt gemeinsam mit Y zur
# Fachtagung ein", "X organisiert mit Y einen Workshop" (a name may hold "zur Förderung", never
# "zur Fachtagung").
_OBJECT_ARTICLE = re.compile(r"\s(?:zu[mr]|die|das|den|einen?|eine|une?|un[ao]|uma?)\s+(?=\S)")


def _main_clause(protected: str) -> int | None:
    """Where the main clause starts after a list: a comma followed by an event noun or by an
    organising verb, or a German event noun after its preposition or article."""
    german = next(
        (
            obj.start()
            for obj in _OBJECT_ARTICLE.finditer(protected)
            if (words := lexicon.event_words(protected[obj.end() : obj.end() + 40], EVENT_KINDS))
            and words[0].start == 0
        ),
        None,
    )
    for comma in _COMMA_THEN.finditer(protected):
        if german is not None and comma.start() > german:
            break
        rest = protected[comma.end() : comma.end() + 40]
        words = lexicon.event_words(rest, EVENT_KINDS)
        if words and words[0].start == 0:
            return comma.start()
        verb = organising_verbs().search(rest)
        # Not "organised by", which opens another list.
        word = verb.group(0) if verb and verb.start() == 0 else ""
        if word and not NOT_A_VERB.match(word) and not re.search(r"\bby$", word):
            return comma.start()
    return german


def without_funds(clause: str) -> tuple[str, list[str]]:
    """A clause without its support phrases that name a fund, and those phrases' texts."""
    cut: list[str] = []
    for m in list_separator().finditer(clause):
        if not SUPPORT.search(m.group(0)):
            continue
        rest = clause[m.end() :]
        nxt = list_separator().search(rest)
        piece = rest[: nxt.start()] if nxt else rest
        if FUND.search(piece) or FUND.search(rest[:120]):
            cut.append(rest)
            return clause[: m.start()], cut
    return clause, cut


# How far back before an organising verb its object, an event, is looked for: a relative
# clause's antecedent, or the object Russian and Arabic may name first.
RELATIVE_REACH = 120


# An event named as what came before the page's own: "The seminar came after a student forum
# organised by X", "a week after the third meeting of the X Board", "après le colloque organisé
# par X", "после конференции, организованной X". Its bodies are background (§5.2).
@lru_cache(maxsize=1)
def _earlier() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w){lexicon.fragment('background', 'earlier')}\s+(?:(?:the|a|an|its|le|la|les"
        r"|l['’]|un|une|el|der|die|dem|den|einer?|il|lo)\s+)?(?:[\w'’-]+\s+){0,3}$",
        re.IGNORECASE,
    )


# Between the earlier event's noun and the role phrase: its adjectives or short theme, no clause.
_NOUN_TO_CUE = re.compile(r"^[^,;:.!?\n()]{0,60}$")
_EARLIER_REACH = 250


def of_earlier_event(text: str, at: int) -> bool:
    """Whether the role phrase or event noun at ``at`` belongs to an event its sentence names
    as an earlier one (the noun itself, or the last event noun before the role phrase)."""
    begin = max(0, at - _EARLIER_REACH)
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, at)]
    before = " ".join(text[starts[-1] if starts else begin : at].split()) + " "
    if _earlier().search(before):
        return True  # "a week after the third meeting ...": the noun at ``at`` is the earlier one
    nouns = lexicon.event_words(before, EVENT_KINDS)
    if not nouns:
        return False
    last = nouns[-1]
    return bool(_NOUN_TO_CUE.match(before[last.end :])) and bool(
        _earlier().search(before[: last.start])
    )
