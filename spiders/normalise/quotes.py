"""Quotation marks: the pairs the languages confwatch reads quote a name with, and the patterns
every reader of a quoted name builds from them ("the seminar entitled “X”", «X», „X“, ‘X’, 'X').

One table for all readers: a pair added here is read by every reader of quoted names. An
apostrophe inside a word (l’université, don't, Ivoire's) is no quotation mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "CLOSE",
    "CLOSERS",
    "CLOSING",
    "IN_QUOTE",
    "IN_WORD_APOSTROPHE",
    "MARKS",
    "NOT_APOSTROPHES",
    "OPENERS",
    "OPENING",
    "PAIRS",
    "QUOTATION_TOKEN",
    "inside",
    "quoted",
    "quoted_text",
]

PAIRS: tuple[tuple[str, str], ...] = (
    ("“", "”"),  # English, Spanish, Italian, Portuguese, Turkish
    ("„", "“"),  # German, Czech, Slovak, Bulgarian, Lithuanian
    ("„", "”"),  # Polish, Romanian, Hungarian, Dutch, Croatian
    ("«", "»"),  # French (« X », with inner spaces), Russian, Spanish, Italian, Arabic
    ("‹", "›"),  # single guillemets: Swiss, French
    ("‘", "’"),  # English single quotes
    ("‚", "‘"),  # German single quotes
    ("'", "'"),  # typewriter single quotes
    ('"', '"'),  # typewriter double quotes
)
OPENERS = "".join(dict.fromkeys(o for o, _ in PAIRS))
CLOSERS = "".join(dict.fromkeys(c for _, c in PAIRS))
MARKS = "".join(dict.fromkeys(OPENERS + CLOSERS))
# The marks no one types for an apostrophe: “”„«»‹›‚ and the typewriter double quote.
NOT_APOSTROPHES = "".join(c for c in MARKS if c not in "‘’'")
# What closes a quotation each opening mark opens: „ closes with “ (German) or ” (Polish).
CLOSE: dict[str, str] = {o: "".join(c for p, c in PAIRS if p == o) for o in OPENERS}
# French and Swiss typography set a (narrow, no-break) space inside guillemets: « X ».
_SPACED = "«‹"
_APOSTROPHES = "’'"
# An apostrophe between letters elides or possesses ("aujourd’hui", "ICT’s"): no closing quote.
IN_WORD_APOSTROPHE = r"(?<=\w)[’'](?=\w)"
# One character inside a quoted name, whichever marks quote it.
IN_QUOTE = rf"(?:[^{MARKS}]|{IN_WORD_APOSTROPHE})"


def inside(excluded: str) -> str:
    """One character of a quotation that holds none of ``excluded`` (an apostrophe inside a
    word excepted)."""
    char = f"[^{excluded}]"
    return f"(?:{char}|{IN_WORD_APOSTROPHE})" if set(_APOSTROPHES) & set(excluded) else char


def _open(mark: str) -> str:
    # A typewriter apostrophe after a letter ends a word ("the members' meeting"): it opens none.
    return r"'(?<!\w')" if mark == "'" else re.escape(mark)


def _close(marks: str) -> str:
    # ... and one before a letter starts one ("'tis", "don't"): it closes none.
    return r"'(?!\w)" if marks == "'" else f"[{marks}]"


# Any opening mark, any closing one, for a reader that does not pair them: a typewriter
# apostrophe only where no word goes on on its side.
_TYPED = "'"
OPENING = f"(?:[{OPENERS.replace(_TYPED, '')}]|{_open(_TYPED)})"
CLOSING = f"(?:[{CLOSERS.replace(_TYPED, '')}]|{_close(_TYPED)})"
# Any opening mark and any closing one, for a reader that takes a quotation as one token: a
# typewriter double quote read by the space beside it. Between a space and a word it only opens,
# between a word and a space only closes ('the project "X invites to the workshop "Y" on ...':
# the second mark opens Y, and the stray first one opens nothing, as none closes it); spaced on
# both sides (' " Y "') it may do either.
_DOUBLE = '"'
_DOUBLE_OPENS = r'(?:(?<!\S)"|"(?!\s))'
_DOUBLE_CLOSES = r'(?:"(?!\S)|(?<!\s)")'


def _marks(marks: str, double: str) -> str:
    return "|".join(double if m == _DOUBLE else re.escape(m) for m in marks)


# One quotation as one token: an opening double mark closes at a double one, a single at a
# single ("... the 'X' Conference" is no quotation from " to '), but a page's sloppy pairs of
# one weight (« with ", “ with ») still quote.
_DOUBLES = "“”„«»" + _DOUBLE


def _closers(opener: str) -> str:
    double = opener in _DOUBLES
    return "".join(c for c in CLOSERS if (c in _DOUBLES) == double)


QUOTATION_TOKEN = "|".join(
    f"(?:{_marks(o, _DOUBLE_OPENS)}){IN_QUOTE}{{3,250}}(?:{_marks(_closers(o), _DOUBLE_CLOSES)})"
    for o in OPENERS
)


def quoted(
    body: str | Callable[[str], str] = "+",
    *,
    group: str | None = None,
    own: bool = True,
    stop: str = "",
    spaced: bool = True,
    openers: str = OPENERS,
) -> str:
    """A pattern for a quotation in any of the pairs: each opening mark, the name, a mark that
    closes it.

    ``body``: the repetition of one inside character ("+", "{8,250}"), or a function of the
    inside character's pattern that gives the name's pattern. ``group``: capture the name in
    groups ``{group}_0``, ``{group}_1``, ... (read with ``quoted_text``). ``own``: the name holds
    no mark of its own pair (a «X “Y” Z» holds another); else no mark at all. ``stop``: more
    characters no name holds ("\\n"). ``spaced``: guillemets may hold spaces inside, left out
    of the name. ``openers``: the opening marks read (a reader narrower than all says why).
    """
    alternatives = []
    for i, mark in enumerate(openers):
        closers = CLOSE[mark]
        excluded = (mark + closers if own else MARKS) + stop
        char = inside(excluded)
        if callable(body):
            name = body(char)
        else:
            name = char + body
            if spaced and mark in _SPACED and not body.endswith("?"):
                name += "?"
        if group is not None:
            name = f"(?P<{group}_{i}>{name})"
        pad = r"\s*" if spaced and mark in _SPACED else ""
        alternatives.append(f"{_open(mark)}{pad}{name}{pad}{_close(closers)}")
    return "(?:" + "|".join(alternatives) + ")"


def quoted_text(m: re.Match[str], group: str) -> str | None:
    """The name a match of ``quoted(..., group=group)`` captured."""
    prefix = group + "_"
    for key, value in m.groupdict().items():
        if value is not None and key.startswith(prefix) and key[len(prefix) :].isdigit():
            return value
    return None
