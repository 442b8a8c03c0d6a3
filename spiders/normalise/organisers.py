"""Who organises an event: canonical organiser names, read from lists and from running text.

The names live in ``confwatch/spiders/data/organisers.json``: each body has one canonical name
("OSCE", "UNOCT", "OSCE TNTD"), its spellings and acronyms, and optionally the organisation it is
a unit of (``parent``) or the state it belongs to (``country``). Host governments and ministries
are built from pycountry names: "Government of Belarus", "Ministry of Foreign Affairs of Mongolia".

Known names are protected before a list is split, so "Organization for Security and Co-operation
in Europe" is never cut at its "and"; an unknown piece that does not look like an organisation
("Trade" in "Ministry of Foreign Affairs and Trade") is glued back to the piece before it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from confwatch.spiders.normalise import lexicon
from confwatch.spiders.normalise.places import country_code, country_name, fold

__all__ = [
    "canonical_organiser",
    "find_organisers",
    "is_known_body",
    "same_body",
    "split_organisers",
    "title_organisers",
]


@dataclass(frozen=True)
class _Body:
    name: str
    parent: str | None
    country: str | None
    acronyms: tuple[str, ...]


@dataclass(frozen=True)
class _Catalogue:
    bodies: dict[str, _Body]  # canonical name -> body
    by_alias: dict[str, str]  # folded spelling -> canonical name
    by_acronym: dict[str, str]  # acronym exactly as written -> canonical name
    protect: re.Pattern[str]  # every spelling and acronym, longest first
    demonyms: dict[str, str]  # folded adjective -> ISO code
    org_words: frozenset[str]


def _spelling_pattern(spelling: str) -> str:
    """Regex for a name that tolerates line breaks and hyphen variants ("Counter-\\nTerrorism")."""
    out: list[str] = []
    for ch in spelling:
        if ch.isspace():
            out.append(r"\s+")
        elif ch in "-‐‑–":
            out.append(r"(?:[-‐‑–]\s*|\s+)?")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@cache
def _catalogue() -> _Catalogue:
    raw = resources.files("confwatch.spiders.data").joinpath("organisers.json").read_text("utf-8")
    data = json.loads(raw)
    bodies: dict[str, _Body] = {}
    by_alias: dict[str, str] = {}
    by_acronym: dict[str, str] = {}
    alias_texts: list[str] = []
    acronym_texts: list[str] = []
    for entry in data["bodies"]:
        name = entry["name"]
        acronyms = tuple(entry.get("acronyms", []))
        bodies[name] = _Body(name, entry.get("parent"), entry.get("country"), acronyms)
        for spelling in [name, *entry.get("aliases", [])]:
            by_alias.setdefault(fold(spelling), name)
            (acronym_texts if spelling.isupper() else alias_texts).append(spelling)
        for acronym in acronyms:
            by_acronym[acronym] = name
            acronym_texts.append(acronym)
    # Spellings match case-insensitively; acronyms only as written ("RAN" is not "ran").
    spelled = "|".join(
        _spelling_pattern(s) for s in sorted(set(alias_texts), key=len, reverse=True)
    )
    shortened = "|".join(re.escape(a) for a in sorted(set(acronym_texts), key=len, reverse=True))
    protect = re.compile(
        rf"(?<![\w/])(?:(?i:{spelled})|{shortened})(?![\w/])(?:\s*\((?P<acr>[^()\n]{{2,12}})\))?"
    )
    return _Catalogue(
        bodies=bodies,
        by_alias=by_alias,
        by_acronym=by_acronym,
        protect=protect,
        demonyms={fold(k): v for k, v in data["demonyms"].items()},
        org_words=frozenset(fold(w) for w in data["org_words"]),
    )


# --- one name -------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_LEADING = re.compile(
    r"^(?:(?:the|both|jointly|also|and|by|with|of|le|la|les|l['’])(?:\s+|$))+", re.IGNORECASE
)
_TRAILING_ACRONYM = re.compile(r"\s*\((?P<acr>[^()]{2,12})\)\s*$")
_GOVERNMENT = re.compile(r"^(?:the\s+)?government\s+of\s+(?:the\s+)?(?P<rest>.+)$", re.IGNORECASE)
_X_GOVERNMENT = re.compile(r"^(?:the\s+)?(?P<adj>\w+)\s+government$", re.IGNORECASE)
_MINISTRY = re.compile(
    r"^(?:(?P<adj>[A-Z]\w+)\s+)?(?P<kind>(?:Federal\s+)?(?:Ministry|Department))\s+of\s+(?P<what>.+)$"
)
_FOREIGN_MINISTRY = re.compile(
    r"^(?:(?P<adj>[A-Z]\w+)\s+)?(?:foreign\s+ministry|mfa|министерство\s+иностранных\s+дел|мид"
    r"|ministère\s+des\s+affaires\s+étrangères)$",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^[A-ZА-Я][A-ZА-Я/&.-]{1,9}$")
# A written short form: "FMU", "SECI Center", "CTP, KP" is not one.
_ACRONYM_LIKE = re.compile(r"^[A-ZА-Я][A-ZА-Яa-z&.-]*[A-ZА-Я][A-Za-zА-Яа-я&.-]*(?:\s[A-Z][a-z]+)?$")
# "the MFA of the Republic of Belarus", "Foreign Affairs Ministry of Korea": the foreign ministry
# named with its state.
_FOREIGN_MINISTRY_OF = re.compile(
    r"^(?:mfa|foreign\s+ministry|foreign\s+affairs\s+ministry|ministry\s+of\s+foreign\s+affairs)"
    r"\s+of\s+(?P<state>.+)$",
    re.IGNORECASE,
)


def _clean(name: str) -> str:
    text = _SPACES.sub(" ", name).strip(" \t\n\r-–—•:;,.\"'“”‘’")
    return _LEADING.sub("", text).strip(" ,.;:")


def _government(code: str) -> str:
    return f"Government of {country_name(code, article=True) or code}"


def _ministry(what: str, code: str | None) -> str:
    base = f"Ministry of {what}"
    if code is None:
        return base
    return f"{base} of {country_name(code, article=True) or code}"


def _resolve(name: str, country: str | None) -> tuple[str, str | None, bool]:
    """(canonical name, the body's country, known) for one organiser name."""
    cat = _catalogue()
    text = _clean(name)
    if not text:
        return "", None, False
    hit = cat.by_alias.get(fold(text)) or cat.by_acronym.get(text)
    written_acronym: str | None = None
    if hit is None and (m := _TRAILING_ACRONYM.search(text)):
        acr = m.group("acr").strip()
        text = text[: m.start()].strip()
        hit = cat.by_alias.get(fold(text)) or cat.by_acronym.get(text) or cat.by_acronym.get(acr)
        written_acronym = acr
    if hit is None and "/" in text:
        # "TNTD/Action against Terrorism Unit": one unit under two of its names.
        parts = [p.strip() for p in text.split("/")]
        hit = next(
            (h for p in parts if (h := cat.by_alias.get(fold(p)) or cat.by_acronym.get(p))), None
        )
    if hit is not None:
        return hit, cat.bodies[hit].country, True
    if m := _FOREIGN_MINISTRY_OF.match(text):
        code = country_code(m.group("state"))
        if code:
            return _ministry("Foreign Affairs", code), code, True
    first, _, rest = text.partition(" ")
    if rest and fold(first) in cat.demonyms:
        # "Albanian OSCE Chairmanship" -> the Chairmanship; the state is in the page text.
        hit = cat.by_alias.get(fold(rest)) or cat.by_acronym.get(rest)
        if hit is not None:
            return hit, cat.bodies[hit].country, True
    if m := _GOVERNMENT.match(text):
        code = country_code(m.group("rest"))
        if code:
            return _government(code), code, True
    if m := _X_GOVERNMENT.match(text):
        code = cat.demonyms.get(fold(m.group("adj")))
        if code:
            return _government(code), code, True
    code = country_code(text)
    if code and fold(text) not in cat.by_alias:
        return _government(code), code, True  # a state named as organiser is its government
    if m := _FOREIGN_MINISTRY.match(text):
        code = cat.demonyms.get(fold(m.group("adj") or "")) or country
        return _ministry("Foreign Affairs", code), code, True
    if m := _MINISTRY.match(text):
        return _read_ministry(m, country)
    if written_acronym and _ACRONYM_LIKE.match(written_acronym):
        # An uncatalogued body keeps the acronym the page gives it: "Financial Monitoring Unit
        # (FMU)" is matched by either of its names (``same_body``).
        return f"{text} ({written_acronym})", None, False
    return text, None, False


def _read_ministry(m: re.Match[str], country: str | None) -> tuple[str, str | None, bool]:
    what = m.group("what").strip()
    code: str | None = None
    # "Foreign Affairs of the Republic of Tajikistan": the last "of X" that is a country.
    parts = re.split(r"\s+of\s+", what)
    for cut in range(1, len(parts)):
        tail = " of ".join(parts[cut:])
        found = country_code(tail)
        if found:
            code, what = found, " of ".join(parts[:cut])
            break
    if code is None and m.group("adj"):
        code = _catalogue().demonyms.get(fold(m.group("adj")))
    what_prefix = m.group("adj") + " " if code is None and m.group("adj") else ""
    code = code or country
    kind = m.group("kind")
    if kind != "Ministry":
        label = f"{what_prefix}{kind} of {what}"
        return (f"{label} of {country_name(code) or code}" if code else label), code, True
    return what_prefix + _ministry(what, code), code, True


def looks_like_organisation(text: str) -> bool:
    """Whether a short text is an organisation's name (a known body, or a name with an
    organisation word such as Ministry, Centre, Council) rather than a title or a sentence."""
    if not isinstance(text, str) or len(text) > 120 or re.search(r"[.!?:;]\s*$", text):
        return False
    return is_known_body(text) or (_org_like(_clean(text)) and country_code(_clean(text)) is None)


def is_known_body(name: str) -> bool:
    """Whether ``name`` is a catalogued organisation's spelling ("Global Counterterrorism
    Forum")."""
    cat = _catalogue()
    text = _clean(name) if isinstance(name, str) else ""
    return bool(text) and (fold(text) in cat.by_alias or text in cat.by_acronym)


def canonical_organiser(name: str, *, country: str | None = None) -> str:
    """Canonical name of one organiser; ``country`` (ISO code) completes "the Ministry of ..."."""
    if not isinstance(name, str):
        return ""
    return _resolve(name, country)[0]


# --- lists and running text -----------------------------------------------------------------

_MARK = "\x00"
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
# Role phrases (organised by, in co-operation with, with the support of, ...) come from the
# lexicon (``lexicon.py``), per language; eval-format §5.10 says which roles are organisers.


@lru_cache(maxsize=1)
def _roles() -> dict[str, re.Pattern[str]]:
    """The organisers' wording, built once from the lexicon's role rows."""
    partner = lexicon.fragment("role", "partner", "auspices")
    not_organiser = lexicon.fragment("role", "support", "funder", "patron")
    label = lexicon.fragment("role", "label")
    cue = lexicon.fragment("role", "organiser", "initiative", "auspices")
    return {
        # Items of a list: "X, Y and Z", "X in cooperation with Y", "X совместно с Y".
        "separator": re.compile(
            r"(\s*;\s*|\s*\n\s*(?:[-•*]\s*)?"
            rf"|\s*,?\s+(?:(?:and\s+)?{partner}"
            r"|and|as\s+well\s+as|along\s+with|и|et)\s+|\s*,\s*)",
            re.IGNORECASE,
        ),
        # Support is no organisation: "... and UNOCT, with the support of the EU" ends the list.
        "support": re.compile(rf"\s*,?\s+(?:and\s+)?{not_organiser}(?!\w)", re.IGNORECASE),
        "label": re.compile(rf"^\s*{label}\s*[:\-–]?\s*", re.IGNORECASE),
        # "organised by", "under the auspices of", "organisé par", "организованная",
        # "veranstaltet von", "organizada por", or a label on its own line ("Organizers:").
        "cue": re.compile(
            rf"(?<!\w){cue}(?!\w)\s*:?"
            rf"|^[ \t-]*{label}[ \t]*:?[ \t]*$\n?"
            rf"|^[ \t-]*{label}[ \t]*:",
            re.IGNORECASE | re.MULTILINE,
        ),
        "participation": re.compile(
            rf",?\s+{lexicon.fragment('role', 'participant')}(?!\w)", re.IGNORECASE
        ),
    }


# Only "and" or "," may join two halves of one name ("Ministry of Foreign Affairs and Trade").
_GLUE = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?$|^\s*,\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FILLER = frozenset(fold(w) for w in ["the", "its", "their", "of", "and", "s", "with"])


def _protect(text: str) -> tuple[str, list[str]]:
    """Replace known names by placeholders so splitting cannot cut them."""
    found: list[str] = []
    cat = _catalogue()

    def swap(m: re.Match[str]) -> str:
        spelled = m.group(0)
        if m.group("acr"):
            spelled = spelled[: spelled.rfind("(")].strip()
        found.append(cat.by_alias.get(fold(spelled)) or cat.by_acronym.get(spelled, spelled))
        return f"{_MARK}{len(found) - 1}{_MARK}"

    return cat.protect.sub(swap, text), found


def _restore(text: str, names: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda m: names[int(m.group(1))], text)


# Lower-case words a name may carry between its capitalised ones.
_NAME_LINKS = frozenset(
    fold(w)
    for w in (
        "of",
        "for",
        "and",
        "on",
        "in",
        "the",
        "to",
        "at",
        "against",
        "with",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "à",
        "en",
        "по",
        "и",
        "для",
        "при",
        "с",
        "в",
    )
)
_MAX_LOWER_WORDS = 3


def _org_like(text: str) -> bool:
    cat = _catalogue()
    words = _WORD.findall(text)
    if not words or len(words) > 14:
        return False
    if not (words[0][0].isupper() or words[0].isupper()):
        # "the government of the Republic of Uzbekistan": a state's bodies written in lower case.
        return bool(
            _GOVERNMENT.match(text.strip())
            or _MINISTRY.match(text.strip()[:1].upper() + text.strip()[1:])
        )
    if _ACRONYM.match(text.strip()):
        return True
    # A phrase with many lower-case words is prose ("Office in Tajikistan on the draft national
    # strategy to counter ..."), not a name; Cyrillic names decline but stay short.
    lower = [w for w in words if w[0].islower() and fold(w) not in _NAME_LINKS]
    if len(lower) > _MAX_LOWER_WORDS:
        return False
    return any(fold(w) in cat.org_words for w in words) or country_code(text) is not None


_BASED = re.compile(r"(?:\b[A-Z][\w.]*\s+)*[A-Z][\w.]*-based\s+")
_UNIT_OF = re.compile(
    rf"^\s*(?:the\s+)?{_MARK}(\d+){_MARK}\s+of\s+(?:the\s+)?{_MARK}\d+{_MARK}\s*$", re.I
)
_PROSE_AFTER = re.compile(r"^\s+(?:of|at|in|on|the|an?|to|from|which|who|is|was|will|has)\s")


def _item(piece: str, names: list[str], country: str | None) -> tuple[str, str | None] | None:
    """Canonical name and country of one split piece, or None when it is no organiser."""
    marks = _PLACEHOLDER.findall(piece)
    if len(marks) == 1:
        before, _, after = _PLACEHOLDER.sub("\x01", piece).partition("\x01")
        # "the Abu Dhabi-based International Centre ...": a descriptor is not part of the name.
        before = _BASED.sub(" ", before)
        leftover = [w for w in _WORD.findall(before) if fold(w) not in _FILLER]
        # "Albanian OSCE Chairmanship" is the Chairmanship; "Mission of X to the OSCE" and
        # "the UN Secretary-General" are not the OSCE or the UN.
        # "UNOCT at the Ministry ...", "TNTD of Organization for Security ...", "X a regional
        # conference is ...": the name ends where the prose goes on in lower case.
        prose = _PROSE_AFTER.match(after)
        if len(leftover) <= 1 and (not _WORD.search(after) or prose):
            name = names[int(marks[0])]
            body = _catalogue().bodies.get(name)
            return name, body.country if body else None
    unit_of = _UNIT_OF.match(piece)
    if unit_of:
        # "Transnational Threats Department of the OSCE": the unit, which is the organisation's.
        name = names[int(unit_of.group(1))]
        body = _catalogue().bodies.get(name)
        return name, body.country if body else None
    text = _clean(_restore(piece, names))
    if not text or not _org_like(text):
        return None
    canonical, code, _ = _resolve(text, country)
    return (canonical, code) if canonical else None


def _split(clause: str, country: str | None, *, strict: bool) -> list[str]:
    """Split a list of organisers; ``strict`` stops at the first piece that is no organiser."""
    protected, names = _protect(clause)
    chunks = _roles()["separator"].split(protected)
    pieces: list[str] = []
    for index, chunk in enumerate(chunks):
        if index % 2:  # a separator: remember it to glue "and Trade" back
            continue
        sep = chunks[index - 1] if index else ""
        restored = _clean(_restore(chunk, names))
        glue = pieces and _GLUE.match(sep) and restored and not _org_like(restored)
        if glue and _PLACEHOLDER.search(chunk) is None and not _is_wordy(restored):
            pieces[-1] = f"{pieces[-1]}{sep}{chunk}"
            continue
        pieces.append(chunk)
    resolved: list[tuple[str, str | None]] = []
    for piece in pieces:
        if not _clean(_restore(piece, names)):
            continue
        item = _item(piece, names, country)
        if item is None:
            if strict and resolved:
                break
            continue
        resolved.append(item)
    if country is None:
        # A clause naming one state's bodies tells whose "Ministry of Foreign Affairs" it is.
        hint = next((code for _, code in resolved if code), None)
        if hint is not None:
            resolved = [
                (_resolve(name, hint)[0] if code is None and _is_ministry(name) else name, code)
                for name, code in resolved
            ]
    return _unique(name for name, _ in resolved)


def _is_ministry(name: str) -> bool:
    return name.startswith("Ministry")


def _is_wordy(text: str) -> bool:
    """A sentence fragment rather than the tail of a name ("the event concluded today")."""
    words = text.split()
    return len(words) > 4 or (bool(words) and words[0][0].islower())


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out


def split_organisers(text: str, *, country: str | None = None) -> list[str]:
    """Organisers from a field that is a list ("Source: OSCE Secretariat, OSCE ODIHR")."""
    if not isinstance(text, str):
        return []
    body = _roles()["label"].sub("", text.strip())
    return _split(body, country, strict=False)


_CLAUSE_END = re.compile(
    r"(?<![A-Z])\.(?=\s|$)|\n\s*\n|\n[ \t]*-?[ \t]*[A-Z][\w /]{0,40}:[ \t]*(?:\n|$)|\bPhoto\b"
    r"|,?\s+(?:will|would|shall|takes?|took|taking|is|are|was|were|has|have|had|which|who|whose|that"
    r"|where|when|since|during|aims?|aimed|remains?|brings?|brought|concluded|started|opens?|opened"
    r"|held|builds?|seeks?|provides?|focus(?:es)?|to\s+(?:discuss|strengthen|promote|address|share|explore)"
    r"|on\s+(?:the\s+)?(?:day|\d)|from\s+\d|(?:in|on)\s+(?:\d|January|February|March|April|May|June|July"
    r"|August|September|October|November|December))\b"
    r"|,\s*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th)\b"
    # Russian puts the event after its organisers: "организованное A и B мероприятие «X»".
    r"|\s+(?:мероприяти[еяюй]|конференци[яюией]|семинар[аеу]?|совещани[еяю]|форум[аеу]?"
    r"|встреч[аиуе]|кругл(?:ый|ого)\s+стол)(?=[\s«\"„.,]|$)|\s*«",
)
_MAX_CLAUSE = 400
_JOINT = re.compile(
    r"\b[Jj]oint\s+(?P<list>\S.{1,80}?)\s+(?=(?:Regional|High-[Ll]evel|International|Inter-[Rr]egional"
    r"|Conference|Seminar|Workshop|Meeting|Forum|Expert|Event|Initiative)\b)"
)
# "X and Y (recently) co-organised / held its / is organizing / convened ... the conference".
_SUBJECT_VERB = re.compile(
    r"(?:\s*,)?\s+(?:recently\s+|jointly\s+|successfully\s+|also\s+|today\s+)?"
    r"(?:(?:is|are|will|has|have|had|was)\s+(?:be\s+|been\s+|now\s+)?)?"
    r"(?:co-?)?(?:organi[sz](?:es|ed|ing|e)|host(?:s|ed|ing)|hold(?:s|ing)?|held|conven(?:es|ed|ing|e)"
    r"|launch(?:es|ed)|complet(?:es|ed))\b(?!\s+by\b)"
    r"|\s+(?:(?:a|ont)\s+)?(?:co-?)?organis(?:é|e|ent)\b|\s+(?:a|ont)\s+accueilli\b",
    re.IGNORECASE,
)
# What the subject organises must be an event ("held its annual Ministerial meetings"): an event
# noun of the lexicon within the rest of the sentence.
_OBJECT_REACH = 140
_OBJECT_END = re.compile(r"[.!?\n]")
_EVENT_KINDS = lexicon.STRONG | lexicon.WEAK


def _event_object(text: str, start: int) -> bool:
    window = text[start : start + _OBJECT_REACH]
    if stop := _OBJECT_END.search(window):
        window = window[: stop.start()]
    return lexicon.has_event_word(window, _EVENT_KINDS)


def _participation(text: str) -> re.Match[str] | None:
    return _roles()["participation"].search(text)


# A sentence starts after its full stop, a line break, or a dateline ("Geneva, 12 June 2013 - ",
# "20 SEPTEMBER 2023, NEW YORK | ").
_SENTENCE_START = re.compile(r"(?:[.!?]\s+(?=[A-ZА-Я“\"«])|\n|\s\|\s|(?<=\d{4})\s+[–—-]\s+)")
_DATE_ASIDE = re.compile(r"\s+(?:on|from|between)\s+[^,]{0,40}\d[^,]{0,20},?\s*$")
_DASH_ASIDE = re.compile(r"\s+[–—-]\s+[^–—]{3,120}?\s+[–—]\s*$")
_MAX_SUBJECT = 250


def _clause_after(text: str, start: int) -> tuple[str, int]:
    window = text[start : start + _MAX_CLAUSE]
    protected, names = _protect(window)
    # "..., with the participation of X": participants are no organisers (§5.10).
    ends = [m.start() for m in (_CLAUSE_END.search(protected), _participation(protected)) if m]
    clause = protected[: min(ends)] if ends else protected
    support = _roles()["support"].search(clause)
    if support and support.start() > 0:
        clause = clause[: support.start()]
    restored = _restore(clause, names)
    return restored, start + len(restored)


def find_organisers(text: str, *, country: str | None = None) -> list[str]:
    """Organisers named in running text ("co-organized by the Government of Hungary and UNOCT")."""
    if not isinstance(text, str) or not text.strip():
        return []
    found: list[tuple[int, int, str]] = []  # (position, order within clause, name)
    consumed = 0
    for cue in _roles()["cue"].finditer(text):
        if cue.start() < consumed:
            continue
        clause, consumed = _clause_after(text, cue.end())
        # Running text wraps lines anywhere ("the Government \nof Switzerland"): not a list break.
        flat = " ".join(clause.split())
        for rank, name in enumerate(_split(flat, country, strict=True)):
            found.append((cue.start(), rank, name))
    for joint in _JOINT.finditer(text):
        names = _joint_list(joint.group("list"), country)
        found.extend((joint.start(), rank, name) for rank, name in enumerate(names))
    for verb in _SUBJECT_VERB.finditer(text):
        if not _event_object(text, verb.end()):
            continue
        start = max(0, verb.start() - _MAX_SUBJECT)
        starts = [m.end() for m in _SENTENCE_START.finditer(text, start, verb.start())]
        start = starts[-1] if starts else start
        names = _subject_list(text[start : verb.start()], country)
        found.extend((start, rank, name) for rank, name in enumerate(names))
    found.sort(key=lambda hit: (hit[0], hit[1]))
    return _unique(name for _, _, name in found)


def _joint_list(text: str, country: str | None) -> list[str]:
    """Pieces of "United Arab Emirates-UNOCT-Hedayah": each must be a known body or a state."""
    protected, names = _protect(text)
    pieces = [p for p in re.split(r"\s*[-–—/]\s*", protected) if p.strip()]
    if len(pieces) < 2:
        return []
    out: list[str] = []
    for piece in pieces:
        item = _item(piece, names, country)
        if item is None or (not _PLACEHOLDER.search(piece) and country_code(_clean(piece)) is None):
            return []
        out.append(item[0])
    return _unique(out)


def _subject_list(text: str, country: str | None) -> list[str]:
    """The organisations ending the subject of "On 25 April, the Council of Europe organised ...":
    the pieces read back from the verb while each is an organisation; an opening date, place or
    phrase ends them. An aside between dashes or a date before the verb is skipped."""
    text = " ".join(text.split())
    if support := _roles()["support"].search(text):
        text = text[: support.start()]  # "UNODC and FMU with support from the X fund, convened"
    text = _DASH_ASIDE.sub("", _DATE_ASIDE.sub("", text)).strip(" ,")
    protected, names = _protect(text)
    chunks = _roles()["separator"].split(protected)
    pieces = [p for i, p in enumerate(chunks) if i % 2 == 0]
    seps = [""] + [p for i, p in enumerate(chunks) if i % 2 == 1]
    out: list[str] = []
    k = len(pieces) - 1
    while k >= 0:
        piece = pieces[k]
        # "Centre for Middle Eastern and Strategic Studies": a piece that is no name on its own
        # is the tail of the piece before it.
        while (
            k > 0
            and _GLUE.match(seps[k])
            and not _PLACEHOLDER.search(piece)
            and (_clean(_restore(piece, names)) and not _org_like(_clean(_restore(piece, names))))
            and len(piece.split()) <= 3
        ):
            k -= 1
            piece = f"{pieces[k]}{seps[k + 1]}{piece}"
        if not _clean(_restore(piece, names)):
            k -= 1
            continue
        item = _item(piece, names, country)
        if item is None:
            break
        out.append(item[0])
        k -= 1
    return _unique(reversed(out))


# The event noun of a title, after which its own bodies are named ("Seminar of UNOCT and OSCE").
_TITLE_KINDS = frozenset({"large", "small", "qualified", "meeting", "session"})
_OWN_SUFFIX = re.compile(r"^(?:-wide|-led)?(?![\w-])")


def title_organisers(title: str, *, country: str | None = None) -> list[str]:
    """Bodies an event's name gives as its own: "2019 OSCE High-level Regional Conference",
    "Council of Europe regional conference", "Twelfth GCTF Coordinating Committee Meeting", and
    the Russian genitive "Семинар Контртеррористического управления ООН и ОБСЕ"."""
    if not isinstance(title, str) or not title.strip():
        return []
    found = lexicon.event_words(title, _TITLE_KINDS)
    if not found:
        return []
    event = found[0]
    protected, names = _protect(title[: event.start])
    out: list[str] = []
    for m in _PLACEHOLDER.finditer(protected):
        before = protected[: m.start()]
        # "EU-Central Asia seminar", "Latvia-UNOCT": a partner in a hyphenated pair is not alone.
        if before.endswith(("-", "–")) or not _OWN_SUFFIX.match(protected[m.end() :]):
            continue
        out.append(names[int(m.group(1))])
    after = title[event.end :]
    owner = re.match(r"^\s+(?:of\s+(?:the\s+)?)?(?P<list>.{3,160})", after)
    if owner:
        protected, names = _protect(owner.group("list"))
        lead = re.match(rf"^(?:{_MARK}\d+{_MARK}(?:\s+(?:и|and|et)\s+|\s*,\s*)?)+", protected)
        if lead:
            out += [names[int(i)] for i in _PLACEHOLDER.findall(lead.group(0))]
    return _unique(out)


# --- comparing names ------------------------------------------------------------------------

_MINOR = frozenset(
    ["of", "for", "and", "in", "on", "the", "de", "la", "le", "des", "du", "to", "at"]
)


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-‐–/]+", name) if w]
    return "".join(w[0] for w in words if w.casefold() not in _MINOR and w[0].isalpha()).upper()


def _lineage(name: str) -> list[str]:
    bodies = _catalogue().bodies
    chain = [name]
    if name not in bodies and (parent := _unit_parent(name)):
        chain.append(parent)
    while (body := bodies.get(chain[-1])) and body.parent and body.parent not in chain:
        chain.append(body.parent)
    return chain


_UNIT_WORDS = re.compile(
    r"^(?:Office|Secretariat|Mission|Programme|Program|Centre|Center|Department|Unit|Division"
    r"|Section|Presence|Project|Committee|Delegation|Representation|Branch|Chairmanship"
    r"|Chairpersonship|Presidency)\b",
    re.IGNORECASE,
)


def _unit_parent(name: str) -> str | None:
    """The catalogued organisation a unit named after it belongs to: "OSCE Office in Tajikistan"
    and "Action against Terrorism Unit of the OSCE" are the OSCE's."""
    cat = _catalogue()
    protected, names = _protect(name)
    m = re.match(rf"^{_MARK}(\d+){_MARK}\s+(?P<rest>.+)$", protected)
    if m and _UNIT_WORDS.match(m.group("rest")):
        return names[int(m.group(1))]
    m = re.search(rf"\bof\s+(?:the\s+)?{_MARK}(\d+){_MARK}$", protected)
    if (
        m
        and m.start() > 0
        and any(fold(w) in cat.org_words for w in _WORD.findall(protected[: m.start()]))
    ):
        return names[int(m.group(1))]
    return None


def _names_of(name: str) -> list[str]:
    """A name and, for "Full Name (ACR)", each of its two forms."""
    m = _TRAILING_ACRONYM.search(name)
    if not m:
        return [name]
    return [name, name[: m.start()].strip(), m.group("acr").strip()]


def same_body(a: str, b: str) -> bool:
    """Whether two names denote one body: spellings, acronyms and full names, and a unit and
    its organisation ("OSCE TNTD" is the OSCE; UNOCT and UNODC are different bodies)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    if len(_names_of(a)) > 1 or len(_names_of(b)) > 1:
        return any(_same_body(x, y) for x in _names_of(a) for y in _names_of(b))
    return _same_body(a, b)


def _same_body(a: str, b: str) -> bool:
    ca, cb = canonical_organiser(a), canonical_organiser(b)
    if not ca or not cb:
        return False
    # An uncatalogued "Full Name (ACR)" compares by its full name here (its acronym: above).
    ca, cb = (
        _names_of(ca)[1 if len(_names_of(ca)) > 1 else 0],
        _names_of(cb)[1 if len(_names_of(cb)) > 1 else 0],
    )
    if fold(ca) == fold(cb):
        return True
    if ca in _lineage(cb) or cb in _lineage(ca):
        return True
    for short, long in ((ca, cb), (cb, ca)):
        letters = re.sub(r"[^A-Za-z]", "", short)
        acronym = _ACRONYM.match(short) and len(letters) >= 2 and " " in long
        if acronym and letters.upper() == _initials(long):
            return True
    return False
