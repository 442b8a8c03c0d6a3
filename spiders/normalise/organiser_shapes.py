"""Sentence shapes that name organisers with neither a role phrase nor an organising verb's
subject: a joint event of several bodies ("the joint United Arab Emirates-UNOCT-Hedayah Regional
Conference"), the German passive with its participle at the end ("wird vom belarussischen
Außenministerium und der OSZE organisiert"), a meeting that belongs to a body ("the 26th meeting
of the APEC Counter-Terrorism Task Force was held") and a state named the host in apposition
("Kenya, the host country,").

Separate because each is read by a pattern of its own, apart from the role phrases' lists.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, quotes
from confwatch.spiders.normalise import organiser_catalogue as cat
from confwatch.spiders.normalise.organiser_acronyms import ACRONYM_LIKE
from confwatch.spiders.normalise.organiser_catalogue import (
    MARK,
    PLACEHOLDER,
    protect,
    restore,
)
from confwatch.spiders.normalise.organiser_clauses import (
    SENTENCE_END,
    SENTENCE_START,
    SENTENCE_STOP,
    of_earlier_event,
    sentence_of,
)
from confwatch.spiders.normalise.organiser_lists import split_list
from confwatch.spiders.normalise.organiser_mentions import Mention
from confwatch.spiders.normalise.organiser_names import canonical_organiser, resolve
from confwatch.spiders.normalise.organiser_role_phrases import EVENT_KINDS, organising_verbs
from confwatch.spiders.normalise.organiser_shape import org_like
from confwatch.spiders.normalise.organiser_states import government
from confwatch.spiders.normalise.organiser_words import WORD, clean, unique
from confwatch.spiders.normalise.places import fold

__all__ = [
    "appositive_mentions",
    "german_passive_mentions",
    "host_state_mentions",
    "joint_mentions",
    "owner_mentions",
]


# --- a joint event of several bodies --------------------------------------------------------------

_JOINT = re.compile(
    r"\b[Jj]oint\s+(?P<list>\S.{1,80}?)\s+(?=(?:Regional|High-[Ll]evel|International|Inter-[Rr]egional"
    r"|Conference|Seminar|Workshop|Meeting|Forum|Expert|Event|Initiative)\b)"
)


def joint_mentions(text: str, country: str | None) -> list[Mention]:
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
        evidence = sentence_of(text, joint.start(), joint.end())
        out += [Mention(n, "joint", joint.start(), k, evidence) for k, n in enumerate(unique(got))]
    return out


# --- German passive with the participle at the end --------------------------------------------

_GERMAN_PASSIVE = re.compile(
    r"(?:\b(?:von|vom|durch)\s+|\bin\s+(?:Kooperation|Zusammenarbeit|Partnerschaft)\s+zwischen\s+)"
    r"(?P<list>[^.;!?]{3,300}?)\s+(?:gemeinsam\s+)?(?:organisiert|veranstaltet|ausgerichtet"
    r"|durchgeführt|einberufen)\b",
)
_GERMAN_AUX = re.compile(r"\b(?:wird|wurde|werden|wurden|worden|ist|war|sind|waren)\b")


def german_passive_mentions(text: str, country: str | None) -> list[Mention]:
    if "organisiert" not in text and "veranstaltet" not in text and "ausgerichtet" not in text:
        return []
    out: list[Mention] = []
    for m in _GERMAN_PASSIVE.finditer(text):
        evidence = sentence_of(text, m.start(), m.end())
        if not _GERMAN_AUX.search(evidence):
            continue
        names = split_list(" ".join(m.group("list").split()), country, strict=True)
        out += [Mention(n, "organiser", m.start(), k, evidence) for k, n in enumerate(names)]
    return out + _german_attributive(text, country)


# The participle used as an adjective, its agent before it: "die vom Landesamt organisierte
# Fachtagung", "bei der von X und Y veranstalteten Tagung". The event noun follows the participle.
_GERMAN_ATTRIBUTIVE = re.compile(
    r"\b(?:der|die|das|den|dem|des|eine[mnr]?)\s+(?:gemeinsam\s+)?(?:von|vom|durch)\s+"
    r"(?P<list>[^.;!?\n]{3,250}?)\s+(?:gemeinsam\s+)?(?:organisiert|veranstaltet|ausgerichtet"
    r"|durchgeführt|einberufen)e[nmrs]?\s+(?=[A-ZÄÖÜ„“\"])"
)
_ATTRIBUTIVE_REACH = 40


def _german_attributive(text: str, country: str | None) -> list[Mention]:
    out: list[Mention] = []
    for m in _GERMAN_ATTRIBUTIVE.finditer(text):
        found = lexicon.event_words(text[m.end() : m.end() + _ATTRIBUTIVE_REACH], EVENT_KINDS)
        if not found or found[0].start > 0:
            continue  # the participle's noun must be the event: "die ... organisierte Tagung"
        evidence = sentence_of(text, m.start(), m.end())
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


def owner_mentions(text: str, country: str | None) -> list[Mention]:
    """ "The 26th meeting of the APEC Counter-Terrorism Task Force was held", "the Council of
    Europe will host a special meeting of the Security Council Counter-Terrorism Committee": a
    body's meeting, which the sentence says is held, is organised by that body."""
    out: list[Mention] = []
    for event in lexicon.event_words(text, _OWNER_KINDS):
        owners = _possessive_owner(text, event, country)
        if not owners and _ends_a_name(text, event.start):
            owners = _owner_before(text, event)
        if not owners and (named := _named_before(text, event)):
            owners = [resolve(named, country)[0] or named]
        if not owners:
            # A genitive owner's name starts in capitals ("семинаре ОБСЕ").
            genitive = (
                _CYRILLIC_NOUN.match(event.text) is not None
                and _CAPITAL_AFTER.match(text, event.end) is not None
            )
            at = event.end
            if not genitive and (head := _CAPITALISED_QUALIFIER.match(event.text)) is not None:
                # "заседание Комитета секретарей ... ОДКБ": the qualifier read with the noun
                # ("заседание комитета") is, capitalised, the first word of its owner's name.
                at = event.start + head.end()
                genitive = True
            if (quoted := _QUOTED_NAME.match(text, at, at + 200)) is not None:
                at = quoted.end()  # "la conférence « Internet et ... » de l'UNESCO"
            # The owner is named in the noun's own sentence: a full stop or a blank line (a
            # heading's end) closes it ("Congresso de Investigação Criminal\n\nRepresentantes
            # do FBI ..." names no owner of the congress).
            stop = SENTENCE_STOP.search(text, at, at + _GLOSS_REACH)
            end = stop.start() if stop else at + _GLOSS_REACH
            if not genitive and not _OWNER_GATE.match(text, at, end):
                continue
            protected, names = protect(text[at : min(end, at + _OWNER_REACH)])
            m = _OWNER.match(protected)
            owners = [names[int(m.group(1))]] if m else []
            if genitive and (g := _GENITIVE_OWNERS.match(protected)):
                owners = [names[int(i)] for i in PLACEHOLDER.findall(g.group(1))]
            if not owners and (glossed := _glossed_owner(text, at, end, country)):
                owners = [glossed]
        if not owners or not (
            _held_with(text, event) or (event.start < _LEAD and event.kind in _LEAD_KINDS)
        ):
            continue
        evidence = sentence_of(text, event.start, event.end)
        # "a week after the third meeting of the X Board": an earlier meeting's owner.
        earlier = of_earlier_event(text, event.start)
        out += [
            Mention(n, "owner", event.start, k, evidence, earlier)
            for k, n in enumerate(unique(owners))
        ]
    # "the 10th conference of RATS and the 2nd conference of the CIS will be held": a sentence
    # that gives two meetings two owners says whose each is, not who organises the page's event.
    owned: dict[str, dict[int, set[str]]] = {}
    for mention in out:
        owned.setdefault(mention.evidence, {}).setdefault(mention.start, set()).add(mention.name)
    return [o for o in out if len({frozenset(v) for v in owned[o.evidence].values()}) == 1]


_CAPITAL_AFTER = re.compile(r"\s+[A-ZА-ЯЁ]")
# How far after a meeting noun its owner's name is looked for, and its acronym's gloss.
_OWNER_REACH = 160
_GLOSS_REACH = 200
_CAPITALISED_QUALIFIER = re.compile(r"^[а-яё]+(?=\s+[А-ЯЁ][а-яё]+$)")
# A conference a body owns, named in the page's headline or lead, is the page's event, held or
# not yet: "Engaging youth ... topic of OSCE seminar in Kazakhstan", "une grande conférence de
# l'UNESCO à Québec du 30 octobre au 1er novembre".
_LEAD = 500
# The event's own name in quotes right after its noun.
_QUOTED_NAME = re.compile(r"\s*" + quotes.quoted("{3,160}", own=False, stop="\n"))
_LEAD_KINDS = frozenset({"large", "small", "qualified"})
# A body the catalogue does not know, after the meeting noun and glossed by its acronym,
# perhaps through its members: "el LI Pleno de Representantes del Grupo de Acción Financiera de
# Latinoamérica (GAFILAT)", "the 5th meeting of the Asia Pacific Group (APG)".
_GLOSSED_AFTER = re.compile(
    r"\s+(?:of|de|du|des|der|del)\s+(?:the\s+|la\s+|l['’])?"
    r"(?:[\w-]+\s+(?:of|de|du|des|del|der)\s+(?:the\s+|la\s+|l['’])?)?"
    r"(?P<name>[A-ZÀ-Þ][^()\n.;:]{2,120}?)\s*\((?P<acr>[^()\s]{2,12})\)"
)


def _glossed_owner(text: str, at: int, end: int, country: str | None) -> str | None:
    m = _GLOSSED_AFTER.match(text, at, end)
    if m is None:
        return None
    name, acr = m.group("name").strip(), m.group("acr")
    if not (ACRONYM_LIKE.match(acr) and acr[0] == name[0] and org_like(name)):
        return None
    return canonical_organiser(f"{name} ({acr})", country=country)


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

# Capitalised words right before a meeting noun, after an article, a year or an ordinal: "The
# 2024 AVERT Research Network Symposium", "the Asia Security Forum Conference".
_CAPITALISED_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“«]))(?P<name>(?:[A-Z][\w&'’.]*[ \t]+){1,5}[A-Z][\w'’.]*)[ \t]+$"
)
_NAME_LEAD = re.compile(r"^(?:The|A|An|Its|Their|This|Our)\s+")


def _named_before(text: str, event: lexicon.EventWord) -> str | None:
    """A body the catalogue does not know, named right before the meeting noun as its modifier,
    its last word an organisation word: "The 2024 AVERT Research Network Symposium gathered"."""
    before = text[max(0, event.start - _NAME_REACH) : event.start]
    m = _CAPITALISED_BEFORE.search(before)
    if m is None or before[: m.start()].endswith(("-", "–", "/")):
        return None
    name = _NAME_LEAD.sub("", m.group("name").strip())
    words = name.split()
    if len(words) < 2 or not cat.is_org_word(words[-1]) or cat.is_org_word(words[0]):
        # "Network Symposium" alone names no body; "Council Conference" is headed by its word.
        return None
    if any(lexicon.word_kind(w) is not None for w in words):
        return None  # "International Research Network Conference": an event word in it
    return name


# "the Pacific Islands Forum's annual Regional Security Committee meeting", "the OSCE's first
# expert workshop": a body's possessive before the meeting noun and its modifiers owns it.
_POSSESSIVE = re.compile(
    r"(?P<owner>[A-ZÀ-Þ][\w.&-]*(?:[ \t]+(?:of|for|on|and|the|[A-ZÀ-Þ][\w.&-]*)){0,8})['’]s[ \t]+"
    r"(?:(?:annual|inaugural|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|\d{1,3}(?:st|nd|rd|th)|regular|extraordinary|special|regional|international|joint"
    r"|expert|high-level|ministerial|biennial|upcoming|latest|next|[A-Z][\w-]*)[ \t]+){0,6}$"
)


def _possessive_owner(text: str, event: lexicon.EventWord, country: str | None) -> list[str]:
    before = text[max(0, event.start - _NAME_REACH) : event.start]
    if "'s " not in before and "’s " not in before:
        return []
    m = _POSSESSIVE.search(before)
    if m is None:
        return []
    # The owner's name is a catalogued one ending there, else the longest name that reads as a
    # body ("June for the Pacific Islands Forum" is the Forum).
    words = [w.start() for w in re.finditer(r"(?<!\S)[A-ZÀ-Þ]", m.group("owner"))]
    suffixes = [clean(m.group("owner")[at:]) for at in words]
    known = next((cat.known(x) for x in suffixes if cat.known(x)), None)
    if known is not None:
        return [known]
    owner = next(
        (x for x in suffixes if len(x.split()) > 1 and not _DATE_WORD.match(x) and org_like(x)),
        None,
    )
    return [resolve(owner, country)[0] or owner] if owner else []


_DATE_WORD = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


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
    starts = [m.end() for m in SENTENCE_START.finditer(text, begin, event.start)]
    begin = starts[-1] if starts else begin
    stop = SENTENCE_END.search(text, event.end)
    after = text[event.end : stop.start() if stop else event.end + 200]
    before = text[begin : event.start]
    if _BRACKET_OPEN.search(before) and _BRACKET_CLOSE.search(after[:200]):
        return True  # "findet heute in Berlin das 9. Symposium des BfV statt"
    # "Die Herbsttagung des BKA fand in der Zeit vom 18. - 19. November in Mainz statt": the
    # bracket after the noun, over the full stops of German ordinals.
    if (
        (opened := _BRACKET_OPEN.search(text, event.end, event.end + 60))
        and (closed := _BRACKET_CLOSE.search(text, opened.end(), opened.end() + 200))
        and not _GERMAN_END.search(text, opened.end(), closed.start())
    ):
        return True
    if _CYRILLIC_NOUN.match(event.text) and _passive().search(before):
        return True  # Russian puts the verb first as often as not: "прошла конференция ОБСЕ"
    verb = _subject_verbs().search(after[:40])
    if (verb and not after[: verb.start()].strip()) or _GATHERED.match(after):
        return True  # "The X Symposium gathered experts", "the Y forum opened": its own verb
    if _opening().search(before):
        return True  # "se inauguró en San Salvador el LI Pleno de ...", "opened the X forum"
    return bool(organising_verbs().search(before)) or bool(_passive().search(after[:200]))


@lru_cache(maxsize=1)
def _opening() -> lexicon.Words:
    return lexicon.words("held", "opening")


@lru_cache(maxsize=1)
def _subject_verbs() -> lexicon.Words:
    """What an event does as its sentence's subject: gathers, opens, takes place."""
    return lexicon.words("held", "passive", "opening")


# The event gathering its participants: "the Symposium gathered", "le Forum a réuni".
_GATHERED = re.compile(
    r"\s*(?:gathered|gathers|brought\s+together|a\s+réuni|réunit|reunió|reúne|versammelte)\b"
)


# German encloses the subject between the verb and its particle: "findet ... statt", however
# many words the subject has.
_BRACKET_OPEN = re.compile(r"\b(?:findet|finden|fand|fanden)\b")
_BRACKET_CLOSE = re.compile(r"\bstatt\b")
_GERMAN_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s|$)|\n")


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


def host_state_mentions(text: str) -> list[Mention]:
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
        evidence = sentence_of(text, m.start(), m.end())
        out.append(Mention(government(code), "host", m.start(), 0, evidence))
    return out


# --- a body named the event's organiser in apposition ------------------------------------------

# "fuentes del Club de Madrid, organizador de la Cumbre", "l'Institut X, organisateur du colloque",
# "the Alder Institute, the organiser of the forum,": the name before the comma organises the
# event the role noun names.
_ROLE_NOUN = re.compile(
    r"\s*,\s*(?:(?:the|el|la|le|l['’]|il|o|a|der|die)\s*)?(?:main\s+|principal\s+)?"
    r"(?:co-?)?(?:organi[sz]er|organisat(?:eur|rice)|organizador[a]?|organizzat(?:ore|rice)"
    r"|Veranstalter(?:in)?)\s+(?:of|de|du|del|de\s+la|de\s+l['’]|des|der|des|della|dello"
    r"|dell['’]|do|da)\s*(?:(?:the|la|le|les|el|los|las|il|lo|der|die|das)\s+|l['’])?",
    re.IGNORECASE,
)
# The name ending right before the comma: capitalised words and the links between them.
_NAME_TAIL = re.compile(
    r"(?:(?<=\s)|^)(?:[dlDL]['’])?(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w'’.&-]*|\([^()\s]{2,12}\))"
    r"(?:\s+(?:(?:of|for|on|and|de|du|des|del|la|le|el|für|der|di|della|y|et|e|und)\s+)*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.&-]*|\([^()\s]{2,12}\)))*)$"
)
_ROLE_STEMS = ("rganis", "rganiz", "eranstalter")


_FIRST_LINK = re.compile(r"\s(?:of|de|du|des|del|di|della|der|für)\s+(?:(?:the|la|le|el|der)\s+)?")


def _body_of(name: str) -> str:
    """ "Professor John Smith of the Alder Institute": a head with no organisation word before
    its first link is a person's name; the body is after the link."""
    link = _FIRST_LINK.search(name)
    if link is None or cat.known(name):
        return name
    head = name[: link.start()]
    if any(cat.is_org_word(w) for w in WORD.findall(head)) or cat.known(head):
        return name
    return name[link.end() :]


def appositive_mentions(text: str, country: str | None) -> list[Mention]:
    if not any(stem in text for stem in _ROLE_STEMS):
        return []
    out: list[Mention] = []
    for comma in re.finditer(r",", text):
        m = _ROLE_NOUN.match(text, comma.start())
        if m is None:
            continue
        found = lexicon.event_words(text[m.end() : m.end() + 60], EVENT_KINDS)
        if not found or found[0].start != 0:
            continue
        before = text[max(0, comma.start() - 120) : comma.start()].rstrip()
        tail = _NAME_TAIL.search(before)
        if tail is None:
            continue
        name = _body_of(clean(tail.group("name")))
        if not name or not (org_like(name) or cat.known(name)):
            continue
        canonical = resolve(name, country)[0]
        if canonical:
            evidence = sentence_of(text, comma.start(), m.end())
            out.append(Mention(canonical, "organiser", comma.start(), 0, evidence))
    return out
