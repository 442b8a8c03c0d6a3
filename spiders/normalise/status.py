"""Whether an event is scheduled, postponed or cancelled, from what its page says.

Only statements about the event itself count: a verb form ("has been postponed", "is cancelled",
"will be rescheduled", "new dates"), a marker written as a label ("POSTPONED", "[Cancelled]",
"Postponed:"), or the Russian, French and Spanish equivalents. An adjective elsewhere ("the
cancelled flights") and a negation ("has not been cancelled") do not count. Cancelled beats
postponed: a page that reports both has usually cancelled the postponed event.
"""

from __future__ import annotations

import re

__all__ = ["detect_status"]

SCHEDULED = "scheduled"
POSTPONED = "postponed"
CANCELLED = "cancelled"

_AUX = (
    r"(?:has|have|had|is|are|was|were|will|would|shall|must|may|might|to)\s+"
    r"(?:now\s+|also\s+|therefore\s+|unfortunately\s+)?(?:be\s+|been\s+|being\s+)?"
)
_CANCEL_WORD = r"(?:cancell?ed|called\s+off|annulled|scrapped)"
_POSTPONE_WORD = r"(?:postponed|rescheduled|deferred|moved\s+to\s+(?:a\s+)?(?:later|new)\s+date)"

_CANCEL = re.compile(
    rf"\b{_AUX}{_CANCEL_WORD}\b"
    r"|\bwill\s+(?:not|no\s+longer)\s+(?:take\s+place|be\s+held|go\s+ahead)\b"
    r"|\bcancell?ation\s+of\s+the\s+(?:event|conference|meeting|seminar|workshop|forum|webinar)\b"
    r"|\bотмен[её]н[аоы]?\b|\bотменяется\b|\bне\s+состоится\b"
    r"|\bannul[ée]e?s?\b|\bn['’]aura\s+pas\s+lieu\b|\bcancelad[oa]s?\b",
    re.IGNORECASE,
)
_POSTPONE = re.compile(
    rf"\b{_AUX}{_POSTPONE_WORD}\b"
    r"|\bnew\s+dates?\b|\bto\s+a\s+later\s+date\b|\buntil\s+further\s+notice\b"
    r"|\bперенес[её]н[аоы]?\b|\bпереносится\b|\bперенос\s+(?:конференции|семинара|мероприятия)\b"
    r"|\breport[ée]e?s?\b|\bà\s+une\s+date\s+ultérieure\b"
    r"|\b(?:ha\s+sido\s+|se\s+ha\s+|queda\s+|fue\s+)?(?:aplazad[oa]s?|pospuest[oa]s?)\b",
    re.IGNORECASE,
)
# A label written on its own: "POSTPONED", "[Cancelled]", "Postponed:", "(CANCELED)".
_LABEL = re.compile(
    r"(?:^|[\[(]|\n)\s*(?P<word>POSTPONED|CANCELL?ED|Postponed|Cancell?ed|ОТМЕНЕНО|ПЕРЕНЕСЕНО|ANNULÉ|REPORTÉ)"
    r"\s*(?:[\])]|:|\s*[-–—]|\n|$)"
    r"|\b(?P<caps>POSTPONED|CANCELL?ED)\b",
)
_NEGATION = re.compile(r"\b(?:not|no|never|n['’]t|нe|не|pas)\b[^.!?\n]{0,12}$", re.IGNORECASE)
# A trigger needs the event nearby: "new dates for registration" is no postponement.
_EVENT_NOUN = re.compile(
    r"\b(?:event|conference|meeting|seminar|workshop|forum|webinar|session|symposium|round\s*table|"
    r"dialogue|consultations?|training|course|summit|week|it|conferencia|seminario|taller|reuni[oó]n|semana|evento|конференци\w*|семинар\w*|встреч\w*|"
    r"мероприяти\w*|совещани\w*|форум\w*|conférence|séminaire|réunion|atelier|événement)\b",
    re.IGNORECASE,
)


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), -1) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left:right]


# The postponed thing is something else: "Registration for the webinar is postponed".
_OTHER_SUBJECT = re.compile(
    r"\b(?:registration|deadline|application|submission|payment|publication|report|flights?|launch"
    r"|elections?|vote|visit|trial|hearing)\b",
    re.IGNORECASE,
)


def _stated(pattern: re.Pattern[str], text: str) -> bool:
    for match in pattern.finditer(text):
        if _NEGATION.search(text[max(0, match.start() - 24) : match.start()]):
            continue
        sentence = _sentence_at(text, match.start(), match.end())
        head = sentence[: max(0, sentence.find(match.group(0)))]
        if _OTHER_SUBJECT.search(head):
            continue
        if _EVENT_NOUN.search(sentence):
            return True
    return False


def detect_status(text: str) -> str:
    """The status a page's text (title included) states: scheduled, postponed or cancelled."""
    if not isinstance(text, str) or not text:
        return SCHEDULED
    labels = {(m.group("word") or m.group("caps") or "").upper() for m in _LABEL.finditer(text)}
    if labels & {"CANCELLED", "CANCELED", "ОТМЕНЕНО", "ANNULÉ"} or _stated(_CANCEL, text):
        return CANCELLED
    if labels & {"POSTPONED", "ПЕРЕНЕСЕНО", "REPORTÉ"} or _stated(_POSTPONE, text):
        return POSTPONED
    return SCHEDULED
