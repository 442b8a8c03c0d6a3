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
from functools import cache
from importlib import resources

from confwatch.spiders.normalise.places import country_code, country_name, fold

__all__ = ["canonical_organiser", "find_organisers", "is_known_body", "same_body", "split_organisers"]


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
    if hit is None and (m := _TRAILING_ACRONYM.search(text)):
        acr = m.group("acr").strip()
        text = text[: m.start()].strip()
        hit = cat.by_alias.get(fold(text)) or cat.by_acronym.get(text) or cat.by_acronym.get(acr)
    if hit is not None:
        return hit, cat.bodies[hit].country, True
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


def is_known_body(name: str) -> bool:
    """Whether ``name`` is a catalogued organisation's spelling ("Global Counterterrorism Forum")."""
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
_SEPARATOR = re.compile(
    r"(\s*;\s*|\s*\n\s*(?:[-•*]\s*)?"
    r"|\s*,?\s+(?:and|as\s+well\s+as|together\s+with|along\s+with|jointly\s+with|with\s+the\s+(?:financial\s+)?"
    r"support\s+(?:of|from)|with\s+support\s+(?:of|from)|supported\s+by|under\s+the\s+auspices\s+of"
    r"|in\s+(?:close\s+)?(?:co-?operation|collaboration|partnership|coordination|co-ordination)\s+with"
    r"|и|et|совместно\s+с|при\s+поддержке|en\s+coopération\s+avec|avec\s+le\s+soutien\s+de)\s+|\s*,\s*)",
    re.IGNORECASE,
)
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


def _org_like(text: str) -> bool:
    cat = _catalogue()
    words = _WORD.findall(text)
    if not words or len(words) > 14 or not (words[0][0].isupper() or words[0].isupper()):
        return False
    if _ACRONYM.match(text.strip()):
        return True
    return any(fold(w) in cat.org_words for w in words) or country_code(text) is not None


def _item(piece: str, names: list[str], country: str | None) -> tuple[str, str | None] | None:
    """Canonical name and country of one split piece, or None when it is no organiser."""
    marks = _PLACEHOLDER.findall(piece)
    if len(marks) == 1:
        before, _, after = _PLACEHOLDER.sub("\x01", piece).partition("\x01")
        leftover = [w for w in _WORD.findall(before) if fold(w) not in _FILLER]
        # "Albanian OSCE Chairmanship" is the Chairmanship; "Mission of X to the OSCE" and
        # "the UN Secretary-General" are not the OSCE or the UN.
        if len(leftover) <= 1 and not _WORD.search(after):
            name = names[int(marks[0])]
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
    chunks = _SEPARATOR.split(protected)
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


_LABEL = re.compile(
    r"^\s*(?:organi[sz]ed\s+by|organi[sz]ers?|co-organi[sz]ers?|source|hosts?|partners?|"
    r"организатор(?:ы)?|organisateurs?)\s*[:\-–]?\s*",
    re.IGNORECASE,
)


def split_organisers(text: str, *, country: str | None = None) -> list[str]:
    """Organisers from a field that is a list ("Source: OSCE Secretariat, OSCE ODIHR")."""
    if not isinstance(text, str):
        return []
    body = _LABEL.sub("", text.strip())
    return _split(body, country, strict=False)


_CUE = re.compile(
    r"(?:\b(?:co-?)?(?:organi[sz]ed|convened|hosted|sponsored|initiated|chaired|arranged|funded|"
    r"supported|run)\s+(?:(?:jointly|together|both|in\s+partnership)\s+)?by\b\s*:?"
    r"|\b(?:at|on|upon)\s+the\s+(?:joint\s+)?initiative\s+of\b"
    r"|\bunder\s+the\s+auspices\s+of\b"
    r"|\bjointly\s+(?:organi[sz]ed|convened|hosted)\s+by\b"
    r"|^[ \t-]*(?:source|organi[sz]ers?|co-organi[sz]ers?|organi[sz]ed\s+by|hosted\s+by)"
    r"[ \t]*:?[ \t]*$\n?"
    r"|^[ \t-]*(?:source|organi[sz]ers?|co-organi[sz]ers?|hosts?)[ \t]*:"
    r"|\borgani[sz](?:ée|é|ées|és)\s+par\b|\bорганизован[аоы]?\s+|\bорганизатор(?:ами|ом)\s+)",
    re.IGNORECASE | re.MULTILINE,
)
_CLAUSE_END = re.compile(
    r"(?<![A-Z])\.(?=\s|$)|\n\s*\n|\n[ \t]*-?[ \t]*[A-Z][\w /]{0,40}:[ \t]*(?:\n|$)|\bPhoto\b"
    r"|,?\s+(?:will|would|shall|takes?|took|taking|is|are|was|were|has|have|had|which|who|whose|that"
    r"|where|when|since|during|aims?|aimed|remains?|brings?|brought|concluded|started|opens?|opened"
    r"|held|builds?|seeks?|provides?|focus(?:es)?|to\s+(?:discuss|strengthen|promote|address|share|explore)"
    r"|on\s+(?:the\s+)?(?:day|\d)|from\s+\d|in\s+(?:\d|January|February|March|April|May|June|July"
    r"|August|September|October|November|December))\b"
    r"|,\s*the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th)\b"
    r"|,?\s+with\s+the\s+participation\s+of\b",
)
_MAX_CLAUSE = 400
_JOINT = re.compile(
    r"\b[Jj]oint\s+(?P<list>\S.{1,80}?)\s+(?=(?:Regional|High-[Ll]evel|International|Inter-[Rr]egional"
    r"|Conference|Seminar|Workshop|Meeting|Forum|Expert|Event|Initiative)\b)"
)
_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?P<subj>[A-Z][^.\n]{1,100}?)\s+"
    r"(?:co-?)?(?:organi[sz]es|organi[sz]ed|hosts|hosted|holds|convenes|convened|launches)\b(?!\s+by\b)",
    re.MULTILINE,
)


def _clause_after(text: str, start: int) -> tuple[str, int]:
    window = text[start : start + _MAX_CLAUSE]
    protected, names = _protect(window)
    end = _CLAUSE_END.search(protected)
    clause = protected[: end.start()] if end else protected
    restored = _restore(clause, names)
    return restored, start + len(restored)


def find_organisers(text: str, *, country: str | None = None) -> list[str]:
    """Organisers named in running text ("co-organized by the Government of Hungary and UNOCT")."""
    if not isinstance(text, str) or not text.strip():
        return []
    found: list[tuple[int, int, str]] = []  # (position, order within clause, name)
    consumed = 0
    for cue in _CUE.finditer(text):
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
    for subject in _SUBJECT.finditer(text):
        names = _subject_list(subject.group("subj"), country)
        found.extend((subject.start(), rank, name) for rank, name in enumerate(names))
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
    """The subject of "OSCE organizes ...": it counts only when every piece is a known body."""
    protected, names = _protect(text)
    pieces = [p for i, p in enumerate(_SEPARATOR.split(protected)) if i % 2 == 0 and p.strip()]
    out: list[str] = []
    for piece in pieces:
        item = _item(piece, names, country)
        if item is None or not _PLACEHOLDER.search(piece):
            return []
        out.append(item[0])
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
    while (body := bodies.get(chain[-1])) and body.parent and body.parent not in chain:
        chain.append(body.parent)
    return chain


def same_body(a: str, b: str) -> bool:
    """Whether two names denote one body: spellings, acronyms and full names, and a unit and
    its organisation ("OSCE TNTD" is the OSCE; UNOCT and UNODC are different bodies)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    ca, cb = canonical_organiser(a), canonical_organiser(b)
    if not ca or not cb:
        return False
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
