"""Role phrases whose body comes before them, as Turkish and Azerbaijani write them: "AGİT
tarafından düzenlenen konferans" (the conference organised by the OSCE), "İçişleri Bakanlığının
ev sahipliğinde" (hosted by the Ministry of the Interior), "X ile Y iş birliğiyle" (in
co-operation with X and Y), "TÜBA’nın katkılarıyla".

The lexicon's ``role`` rows flagged ``before`` are read here, backwards: the body is the run of
capitalised words (with the links "ve", "ile" and glossed acronyms between them) that ends right
before the phrase, its last word without the genitive or an apostrophe's case ending.

Separate because the other readers read a role phrase's list after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from confwatch.spiders.normalise import lexicon, pattern_cache
from confwatch.spiders.normalise.organiser_catalogue import is_org_word
from confwatch.spiders.normalise.organiser_clauses import SENTENCE_END, sentence_of
from confwatch.spiders.normalise.organiser_lists import split_list
from confwatch.spiders.normalise.organiser_mentions import Mention
from confwatch.spiders.normalise.organiser_role_phrases import EVENT_KINDS

__all__ = ["body_first_mentions"]


# Read in this order at one place: "mali desteğiyle" is funding before "desteğiyle" is support.
_KINDS = ("funder", "patron", "participant", "organiser", "initiative", "auspices", "partner")
_COUNTED = frozenset({"organiser", "initiative", "auspices", "partner"})


@lru_cache(maxsize=1)
def _cues() -> tuple[lexicon.Words, tuple[tuple[re.Pattern[str], str], ...]]:
    """The phrases as whole words (grouped by first letter, gated by stems: most pages hold no
    Turkic phrase, and one alternation of them all cost a third of a millisecond a page), and
    each row on its own with its role, in order: at one place the first row that matches is
    the one the alternation took."""
    rows = [row for kind in _KINDS for row in lexicon.select("role", (kind,), before=True)]
    each = tuple(
        (pattern_cache.compiled(rf"(?<!\w)(?:{row.source})(?!\w)"), row.kind) for row in rows
    )
    return lexicon.Words.of([row.source_parts() for row in rows]), each


def _role(text: str, cue: re.Match[str]) -> str:
    cues = _cues()[1]
    return next((kind for rx, kind in cues if rx.match(text, cue.start())), cues[0][1])


# Words that join the parts of one name, or two names: "Terörizm ve Güvenlik Araştırmaları
# Merkezi", "X ile Y iş birliğiyle"; Azerbaijani "və", "ilə"; Uzbek "va", "ва", "hamda";
# Kazakh "және"; Kyrgyz "жана".
_LINKS = frozenset({"ve", "ile", "və", "ilə", "va", "ва", "hamda", "ҳамда", "және", "жана"})
# Uzbek, Kazakh and Kyrgyz write a body's name in sentence case ("Ички иштер министрлиги",
# "Ichki ishlar vazirligi", "Дін істері агенттігі"): words in lower case belong to the run when
# an organisation word ends it, up to this many, and the run still starts with a capital.
_LOWER_IN_NAME = 3
# What ends the run of a name going back: a sentence's or a clause's punctuation, a quotation.
_RUN_STOP = re.compile(r"[.!?;:\n“”\"«»„]")
_TOKEN = re.compile(r"\([^()\s]{2,12}(?:\s[^()\s]{2,12})?\)|[^\s,()]+|,")
# The last word's case: an apostrophe's ending ("TÜBA’nın", "AGİT'in") or the genitive after a
# vowel ("Bakanlığının", "Nazirliyinin"): the phrases after a body take it in the genitive.
_APOSTROPHE = re.compile(r"['’][^\W\d_]{1,5}$")
_GENITIVE = re.compile(r"(?<=[aeıioöuüə])n[ıiuü]n$")
_MAX_RUN = 400
_EVENT_AFTER = 60  # "X’in düzenlediği konferans": the phrase qualifies the event after it


def body_first_mentions(text: str, country: str | None) -> list[Mention]:
    """The bodies before every body-first role phrase in a sentence about a held event."""
    found: list[Mention] = []
    for m in _cues()[0].finditer(text):
        role = _role(text, m)
        if not _about_event(text, m):
            continue
        names = _bodies(text[max(0, m.start() - _MAX_RUN) : m.start()], country)
        evidence = sentence_of(text, m.start(), m.end())
        found += [Mention(n, role, m.start(), k, evidence) for k, n in enumerate(names)]
    return found


def _about_event(text: str, cue: re.Match[str]) -> bool:
    """The phrase's sentence names an event, and the phrase or the rest of its sentence says it
    is held ("tarafından ... düzenlenmiştir"), or the phrase qualifies an event right after it
    ("Bakanlığın düzenlediği konferans")."""
    sentence = sentence_of(text, cue.start(), cue.end())
    if not lexicon.has_event_word(sentence, EVENT_KINDS):
        return False
    stop = SENTENCE_END.search(text, cue.end())
    rest = text[cue.start() : stop.start() if stop else len(text)]
    if lexicon.words("held").search(rest):
        return True
    return lexicon.has_event_word(text[cue.end() : cue.end() + _EVENT_AFTER], EVENT_KINDS)


def _bodies(before: str, country: str | None) -> list[str]:
    """The bodies named right before a phrase: the run of capitalised words up to it."""
    stops = list(_RUN_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end() :]
    tokens = _TOKEN.findall(before)
    run: list[str] = []
    lower = 0  # lower-case words taken since the last capital, the first an organisation word
    for token in reversed(tokens):
        if token[0].isupper() or token[0] == "(" or token in _LINKS or token == ",":
            run.insert(0, token)
            lower = 0
        elif token[0].isalpha() and (
            0 < lower < _LOWER_IN_NAME or (lower == 0 and is_org_word(_without_case(token)))
        ):
            run.insert(0, token)
            lower += 1
        else:
            break
    while run and run[0][0].islower() and run[0] not in _LINKS:
        run = run[1:]  # a name starts with a capital: "... ўтказилди. Ички ишлар вазирлиги"
    # An event noun in the run ("Konferans BDT Parlamenter Asamblesi ... tarafından") is the
    # sentence's subject, not the body: the body starts after it.
    for i in range(len(run) - 1, -1, -1):
        if lexicon.word_kind(run[i].strip(",")) is not None:
            run = run[i + 1 :]
            break
    while run and (run[0] in _LINKS or run[0] == ","):
        run = run[1:]
    if not run or run[-1] in _LINKS or run[-1] == ",":
        return []  # "X ve tarafından": no body right before the phrase
    run[-1] = _without_case(run[-1])
    # Each piece in turn, up to the first that is no body ("strict", as after a role phrase); an
    # acronym is a body the catalogue may not know ("TÜBA iş birliği ile", "AGİT ve BM").
    out: list[str] = []
    for piece in _listed(run).split(","):
        piece = piece.strip()
        names = [piece] if _acronym(piece) else split_list(piece, country, strict=True)
        if not names:
            break
        out += names
    return out


def _without_case(word: str) -> str:
    if m := _APOSTROPHE.search(word):
        return word[: m.start()]
    if acronym := _acronym_case(word):
        return acronym  # "ЕККУнун", "ЕҚЫҰ-мен", "ATƏT-in": the acronym
    if len(word) > 6 and (m := _GENITIVE.search(word) or _GENITIVE_AFTER_CONSONANT.search(word)):
        return word[: m.start()]
    return word


# An acronym with a case ending glued on or after a hyphen (Kazakh, Kyrgyz, Uzbek Cyrillic,
# Azerbaijani): "ЕККУнун", "ЕҚЫҰ-мен", "BMT-nin"; the ending in lower case ("TÜBA" is whole).
_ACRONYM_CASE = re.compile(r"^([^\W\d_]{2,10})-?([^\W\d_]{1,5})$")


def _acronym_case(word: str) -> str | None:
    first_lower = next((i for i, char in enumerate(word) if char.islower()), None)
    if first_lower is None:
        return None
    head = word[:first_lower].rstrip("-")
    m = _ACRONYM_CASE.match(word)
    if m and head.isupper() and len(head) >= 2 and word[first_lower:].islower():
        return head
    return None


# The genitive of Uzbek, Kazakh and Kyrgyz: "вазирлигининг", "министрлігінің", "комитетинин",
# "vazirligining"; the words before a phrase take it ("... министрлігінің ұйымдастыруымен").
_GENITIVE_AFTER_CONSONANT = re.compile(r"(?:нинг|ning|[нтд][ыі]ң|[нтд][ыиуү]н)$")


def _listed(run: list[str]) -> str:
    """The run as a list: a link after a whole name ("... Merkezi (SAM) ile X") parts two
    bodies, one inside a name ("Terörizm ve Güvenlik Araştırmaları Merkezi") does not."""
    out: list[str] = []
    for i, token in enumerate(run):
        previous = out[-1] if out else ""
        if token in _LINKS and i + 1 < len(run) and _ends_name(previous):
            out.append(",")
        else:
            if previous[:1].islower() and token[:1].isupper() and is_org_word(previous):
                out.append(",")  # "Ички иштер министрлиги ЕККУнун ... офиси": two bodies
            out.append(token)
    return " ".join(out).replace(" ,", ",")


def _acronym(word: str) -> bool:
    """A word in capitals ("AGİT", "TÜBA"; the shared acronym pattern has no Turkish letters)."""
    return 2 <= len(word) <= 10 and word.isalpha() and word.isupper()


def _ends_name(word: str) -> bool:
    return word.startswith("(") or _acronym(word) or is_org_word(word)
