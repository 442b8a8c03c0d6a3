"""Alternations of whole words, compiled to stay fast on long texts.

A page is read by many rules, and an alternation of a hundred words tried at every word of it
costs milliseconds. ``Words`` groups the alternatives by their first letter (the regex engine
skips a group whose first letter differs without entering it), and tries a pattern that may start
anywhere in a word (a German compound "\\w*konferenz", an Arabic word with clitics) only on a
text that contains its stem. Each such pattern is compiled once on its own and the matches of
the patterns a text needs are merged as the alternation would choose them (leftmost, then the
earlier alternative): compiling one alternation per text cost a third of extraction time. The
answers are those of the plain alternation; ``finditer(text, longest=True)`` instead takes at
each place the longest match any alternative gives there (the event nouns read so).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from confwatch.spiders.normalise import pattern_cache

__all__ = [
    "Words",
    "alternatives",
    "by_second",
    "dispatched",
    "factored",
    "may_open",
    "openings",
    "starts_in_block",
]

_QUANTIFIER = ("?", "*", "+", "{")


def _closing(text: str, i: int) -> int:
    """Index of the parenthesis closing the group that opens at ``text[i]``."""
    depth, in_class = 0, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1


def alternatives(text: str) -> list[str]:
    """The top-level alternatives of a pattern; a leading group without a quantifier is
    distributed ("(?:press|news)\\s+conference" -> "press\\s+conference", "news\\s+conference")."""
    out: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
        i += 1
    out.append(text[start:])
    spread: list[str] = []
    for alt in out:
        if alt.startswith("(?:"):
            end = _closing(alt, 0)
            rest = alt[end + 1 :]
            if not rest.startswith(_QUANTIFIER):
                spread += [inner + rest for inner in alternatives(alt[3:end])]
                continue
        spread.append(alt)
    return spread


def _stem(alt: str) -> str | None:
    """A run of three or more letters every match of ``alt`` contains, if one is plain to see:
    "\\w*konferenz(?:en)?" -> "konferenz". A longer plain ASCII run later in ``alt`` is taken
    over the first when it holds no "i" or "s" (letters whose case-insensitive matches
    ``str.lower`` does not give: "ı", "ſ"): "(?:sessions?|meetings?) of the General Assembly"
    is read only on a text that says "general", not on every text that says "the"."""
    runs, split = _runs(alt)
    if not runs:
        return None
    first = runs[0]
    if split:
        return first
    rarer = [
        r for r in runs if len(r) > len(first) and r.isascii() and not {"i", "s"} & set(r.lower())
    ]
    return max(rarer, key=len) if rarer else first


def _runs(alt: str) -> tuple[list[str], bool]:
    """The runs of three or more letters every match of ``alt`` contains, in order, up to a
    top-level "|" (and whether there was one)."""
    i, run, runs = 0, "", []
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
            if i < len(alt) and alt[i] in "?*+{":
                i += 1
            if len(run) >= 3:
                runs.append(run)
            run = ""
            continue
        if c in "[(":
            i = (_closing(alt, i) if c == "(" else alt.index("]", i + 1)) + 1
            optional = i < len(alt) and alt[i] in "?*{"
            if len(run) >= 3:
                runs.append(run)
            run = ""
            if optional or (i < len(alt) and alt[i] == "+"):
                i += 1
            continue
        if c.isalpha():
            if i + 1 < len(alt) and alt[i + 1] in "?*{":
                if len(run) >= 3:
                    runs.append(run)
                run, i = "", i + 2
                continue
            run += c
        else:
            if len(run) >= 3:
                runs.append(run)
            run = ""
            if c == "|":
                return runs, True
        i += 1
    if len(run) >= 3:
        runs.append(run.lower())
    return runs, False


_GROUPING = frozenset("[]()?:|")


def starts_in_block(alt: str, low: str, high: str) -> bool:
    """Whether every match of ``alt`` starts with a character from ``low`` to ``high`` (one
    script's block), as far as is plain to see: optional classes and groups made of the block's
    characters only ("[وف]?", "(?:[بلك]?ال|لل)?"), then one of its characters, a class of them,
    or a group whose branches each start so. False when unsure (an escape, a look-behind, a
    flag group, a range)."""
    i = 0
    while i < len(alt):
        if alt[i] == "[":
            end = alt.find("]", i + 1)
        elif alt.startswith("(?:", i):
            end = _closing(alt, i)
        else:  # one character, not optional
            return low <= alt[i] <= high and not alt[i + 1 : i + 2].startswith(("?", "*", "{"))
        element, after = alt[i : end + 1], alt[end + 1 : end + 2]
        if after == "?":  # optional: a match may start with it or with what follows
            if end < 0 or not all(low <= c <= high or c in _GROUPING for c in element):
                return False
            i = end + 2
            continue
        if end < 0 or after in ("*", "{"):
            return False
        if element.startswith("["):
            return all(low <= c <= high for c in element[1:-1])
        return all(starts_in_block(branch, low, high) for branch in alternatives(element[3:-1]))
    return False


def openings(pattern: str) -> str | None:
    """The letters a match of ``pattern`` may start with, one per top-level alternative; None
    when an alternative may start with something else (a class, ``\\w*``, an optional letter)."""
    letters = ""
    for alt in alternatives(pattern):
        first = alt[:1]
        if not first.isalpha() or alt[1:2].startswith(_QUANTIFIER):
            return None
        letters += first
    return letters


@lru_cache(maxsize=8192)
def may_open(letters: str, case: bool, char: str) -> bool:
    """Whether ``char`` is one of ``letters`` as the regex engine compares them: its case
    folding pairs letters ``str.lower`` does not ("ſ" and "s", "ᲀ" and "в")."""
    return _opener(letters, case).match(char) is not None


@cache  # one per row that opens with letters (a few hundred)
def _opener(letters: str, case: bool) -> re.Pattern[str]:
    # Kept compiled here: as a string handed to ``re.match`` each of these patterns went
    # through ``re``'s 512-entry cache, which they overran, and were compiled again and again
    # (two thirds of the compiling a warm process did).
    flag = "-i" if case else "i"
    return re.compile(f"(?{flag}:[{letters}])")


class Words:
    """Rows compiled as whole words. Each tier holds alternatives grouped by first letter (always
    tried) and alternatives that need a stem (tried only on a text that contains it); at one
    place in a text, an earlier tier's alternatives are tried first."""

    def __init__(
        self,
        tiers: tuple[tuple[str, tuple[tuple[tuple[str, ...], str], ...]], ...],
        spanning: str = "",
        always: str = "",
    ) -> None:
        self.tiers = tiers
        # Every pattern is compiled when a text first needs it, not here: a process reads few
        # texts before it exits (a crawl's child, ``confwatch extract``), and compiling every
        # alternative of every ``Words`` it touches was most of its first pages' cost.
        self._spanning_body = spanning or "(?!)"
        self._spanning_pattern: re.Pattern[str] | None = None
        # Longest first; ties by their text, so that the pattern is the same in every process.
        stems = sorted(
            {stem for _, gated in tiers for stems, _ in gated for stem in stems},
            key=lambda stem: (-len(stem), stem),
        )
        # One pass over a text tells whether it holds any stem at all (most texts hold none).
        self._stems = pattern_cache.compiled(_any_of(stems)) if stems else None
        self._stem_list = tuple(stems)
        # The alternatives in order, as small patterns: a run of always-tried ones is one
        # pattern, each gated one its own. Compiling one alternation per set of stems a text
        # holds cost a third of extraction time (a new set on most pages).
        parts: list[tuple[frozenset[str], str]] = []
        for grouped, gated in tiers:
            for stem_set, body in ([((), grouped)] if grouped else []) + list(gated):
                if not stem_set and parts and not parts[-1][0]:
                    parts[-1] = (parts[-1][0], f"{parts[-1][1]}|{body}")
                elif (frozenset(stem_set), body) not in parts:
                    # A gated alternative given twice (rows of two languages spell "curso") is
                    # tried once: the second copy's matches are the first's, which win ties.
                    parts.append((frozenset(stem_set), body))
        self._part_stems = tuple(stem_set for stem_set, _ in parts)
        self._part_bodies = tuple(body for _, body in parts)
        self._part_patterns: list[re.Pattern[str] | None] = [None] * len(parts)
        # On a text that holds no stem (most texts) only the always-tried parts are left, and
        # with the gated ones between them gone they are adjacent: one alternation, nothing
        # to merge per match (``always``: the same alternatives, letter groups of all tiers
        # dispatched at once).
        self._always_body = always or "|".join(b for st, b in parts if not st)
        self._always: tuple[re.Pattern[str], ...] | None = None
        # Gated parts after the last always-tried one: on a text that holds their stems they
        # follow the one alternation in order, so the always-tried parts need no patterns of
        # their own (a gated part before an always-tried one, as a first tier's before a
        # second's, needs them: at one place it must win over the later part only).
        last_always = max((i for i, st in enumerate(self._part_stems) if not st), default=-1)
        self._after_always = last_always + 1

    def _part(self, i: int) -> re.Pattern[str]:
        pattern = self._part_patterns[i]
        if pattern is None:
            pattern = self._part_patterns[i] = _whole(self._part_bodies[i])
        return pattern

    def _plain(self) -> tuple[re.Pattern[str], ...]:
        if self._always is None:
            self._always = (_whole(self._always_body),) if self._always_body else ()
        return self._always

    @property
    def _spanning(self) -> re.Pattern[str]:
        # The alternatives that may hold a character no word has (a space, a hyphen): only
        # they can run past the end of a word, so only they can lengthen a match.
        if self._spanning_pattern is None:
            self._spanning_pattern = _whole(self._spanning_body)
        return self._spanning_pattern

    @classmethod
    def of(cls, *tiers: list[tuple[str, bool]]) -> Words:
        """Words of (pattern, case-sensitive) pairs; earlier tiers win at one place of a text."""
        spanning = [
            f"(?{'-i' if case else 'i'}:{alt})"
            for rows in tiers
            for pattern, case in rows
            for alt in alternatives(pattern)
            if _may_span(alt)
        ]
        sorted_tiers = [_sorted(rows) for rows in tiers if rows]
        # The always-tried alternatives in order, the letter groups of successive tiers
        # dispatched together (a word's first letter then skips one set of look-aheads, not
        # one per tier). ``dispatched`` keeps the order of groups that share a letter, so at one
        # place an earlier tier's branch is still tried first; an always-tried alternative that
        # is no letter group closes the run, as it comes before the next tier's groups.
        always: list[str] = []
        letters: list[tuple[str, list[str]]] = []
        for groups, plain, _ in sorted_tiers:
            letters += groups
            ungated = [body for stems, body in plain if not stems]
            if ungated:
                always += [dispatched(letters), *ungated] if letters else ungated
                letters = []
        if letters:
            always.append(dispatched(letters))
        return cls(
            tuple((dispatched(g), (*p, *gated)) for g, p, gated in sorted_tiers),
            "|".join(spanning),
            "|".join(always),
        )

    def active(self, text: str) -> tuple[re.Pattern[str], ...]:
        """The patterns worth trying on ``text``, in order: those whose stem it holds."""
        if self._stems is None:
            return self._plain()
        lower = text.lower()
        if not self._stems.search(lower):
            return self._plain()
        # Stems overlap ("radicali", "radicalis"): test each.
        found = frozenset(filter(lower.__contains__, self._stem_list))
        held = [
            i for i, stems in enumerate(self._part_stems) if stems and not found.isdisjoint(stems)
        ]
        if held[0] >= self._after_always:
            return (*self._plain(), *(self._part(i) for i in held))
        return tuple(
            self._part(i)
            for i, stems in enumerate(self._part_stems)
            if not stems or not found.isdisjoint(stems)
        )

    def fullmatch(self, word: str) -> bool:
        """Whether one of the alternatives is the whole of ``word``: one that needs a stem
        matches only a word that holds it, so the patterns ``active`` gives are enough."""
        return any(p.fullmatch(word) for p in self.active(word))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The match the whole alternation finds first: the leftmost, and at one place the
        earliest alternative (patterns are in order, so ties keep the first)."""
        best: re.Match[str] | None = None
        for pattern in self.active(text):
            m = pattern.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str, *, longest: bool = False) -> Iterator[re.Match[str]]:
        """The matches the whole alternation's ``finditer`` gives. Each pattern's next match is
        kept until the scan passes its start; a match is found at its place whatever the search
        started from (look-behinds see before it), so a kept one stays right.

        With ``longest``, the match at each place is the longest any alternative gives there
        (reaching at most ``_REACH`` characters), not the earliest alternative's: a later, more
        specific phrase ("session de formation") beats a short noun that starts it ("session").
        Without it, the answers are the plain alternation's."""
        patterns = self.active(text)
        if len(patterns) == 1:  # the usual case: nothing to merge
            if not longest:
                yield from patterns[0].finditer(text)
                return
            found = patterns[0].search(text)
            while found is not None:
                found = self._longest_at(text, found)
                yield found
                found = patterns[0].search(text, found.end() + (found.end() == found.start()))
            return
        pending = [p.search(text) for p in patterns]
        pos = 0
        while True:
            best: re.Match[str] | None = None
            for i, m in enumerate(pending):
                if m is not None and m.start() < pos:
                    m = pending[i] = patterns[i].search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            if longest:
                best = self._longest_at(text, best)
            yield best
            pos = best.end() if best.end() > best.start() else best.end() + 1

    def _longest_at(self, text: str, found: re.Match[str]) -> re.Match[str]:
        """The longest match of any alternative at ``found``'s start. A longer one holds the
        character after ``found`` (which no word character is), so it is an alternative that
        may hold one, and it ends at a later word end: those are tried from the farthest, each
        asking such alternatives to end exactly there. An alternative that ends in a look-ahead
        is not lengthened this way."""
        start, end = found.span()
        if end >= len(text) or self._spanning.match(text, start) is None:
            return found
        stop_at = min(len(text), start + _REACH)
        for stop in reversed([m.end() for m in _WORD.finditer(text, end, stop_at)]):
            if stop == len(text) or not _WORD_CHAR.match(text, stop):
                longer = self._spanning.fullmatch(text, start, stop)
                if longer is not None:
                    return longer
        return found

    def count(self, text: str) -> int:
        return sum(1 for _ in self.finditer(text))


_WRAP_START, _WRAP_END = len(r"(?<!\w)(?:"), -len(r")(?!\w)")
_REACH = 80  # characters from a match's start within which a longer alternative is sought
_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


_GROUP_SYNTAX = re.compile(r"\\[wd]|\(\?(?:[ims]*(?:-[ims]+)?)?:|\[\^?(?:\w-\w|\w|\\w)+\]")
_WORD_SYNTAX = re.compile(r"[\w()|?*+{},]*")


def _may_span(alt: str) -> bool:
    """Whether ``alt`` may match a character that is no word character: unless it is made of
    letters, ``\\w``, ``\\d``, classes of letters, groups and quantifiers only, it may."""
    return not _WORD_SYNTAX.fullmatch(_GROUP_SYNTAX.sub("", alt))


def _any_of(strings: list[str]) -> str:
    """A pattern that matches where one of ``strings`` starts, for telling whether a text holds
    any of them: their letters as a trie, so that the engine reads each place of a text once
    rather than once per string (the stems' plain alternation took twice as long). A string
    that starts a longer one ends its branch: where the longer is found, so is the shorter.
    Built in sorted order, so that the text is the same in every process."""
    heads: dict[str, list[str]] = {}
    for string in sorted(set(strings)):
        if not string:
            return ""
        heads.setdefault(string[0], []).append(string[1:])
    branches = [re.escape(head) + _any_of(rests) for head, rests in heads.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _whole(body: str) -> re.Pattern[str]:
    return pattern_cache.compiled(rf"(?<!\w)(?:{body})(?!\w)")


_Gated = list[tuple[tuple[str, ...], str]]


def _sorted(
    rows: list[tuple[str, bool]],
) -> tuple[list[tuple[str, list[str]]], _Gated, _Gated]:
    """The tier's alternatives grouped by first letter (for ``dispatched``), and the others
    with the stems that gate them (none: always tried), plain before gated as ever, so that
    their order is kept."""
    groups: dict[str, list[tuple[str, bool, str]]] = {}
    plain: _Gated = []
    gated: _Gated = []
    for pattern, case in rows:
        flag = "-i" if case else "i"
        for alt in alternatives(pattern):
            first = alt[:1]
            if first.isalpha() and not alt[1:2].startswith(_QUANTIFIER):
                letters = first if case else "".join(sorted({first.lower(), first.upper()}))
                groups.setdefault(letters, []).append((alt[1:], case, f"(?{flag}:{{}})"))
                continue
            wrapped = f"(?{flag}:{alt})"
            stem = _stem(alt)
            if stem:
                gated.append(((stem.lower(),), wrapped))
            else:
                plain.append((_branch_stems(alt, case), wrapped))
    return [(k, by_second(v)) for k, v in groups.items()], plain, gated


# ASCII letters whose case-insensitive match is the letter's two cases and no other character
# ("i" also matches "ı" and "İ", "s" "ſ", "k" the Kelvin sign).
_TWO_CASES = frozenset("abcdefghjlmnopqrtuvwxyzABCDEFGHJLMNOPQRTUVWXYZ")


def by_second(rests: list[tuple[str, bool, str]]) -> list[str]:
    """A letter group's branches (the rest after its first letter, whether case-sensitive, and
    a format that wraps a branch's body), those that go on with a plain letter grouped once more
    by it: "c" has some ninety role phrases, and a word that starts with "c" need not enter those
    that go on with another letter. Branches that go on otherwise keep their place between the
    runs grouped, so at one place the earliest branch still wins (``dispatched`` keeps the order
    of groups that share a letter)."""
    out: list[str] = []
    run: list[tuple[str, list[str]]] = []
    for rest, case, wrap in rests:
        second = rest[:1]
        if (
            second.isalpha()
            and not rest[1:2].startswith(_QUANTIFIER)
            and (case or second in _TWO_CASES)
        ):
            key = second if case else "".join(sorted({second.lower(), second.upper()}))
            branch = wrap.format(rest[1:])
            if run and run[-1][0] == key:
                run[-1][1].append(branch)
            else:
                run.append((key, [branch]))
            continue
        if run:
            out.append(dispatched(run))
            run = []
        out.append(wrap.format(rest))
    if run:
        out.append(dispatched(run))
    return out


_SPACES = "\\s+"
_DEPTH = 4  # letters read as nested groups (measured: 3 to 6 are about as fast, 1 slower)


def factored(rests: list[tuple[str, bool, str]], depth: int = 0) -> list[str]:
    """``by_second``, read further: the branches of a letter run are grouped again by their next
    letter (up to ``_DEPTH`` letters), and the branches that go on with spaces and then a letter
    ("in\\s+collaboration", "in\\s+cooperation", "in\\s+partnership") are read behind one
    "\\s+" and grouped by that letter: a word that starts a phrase ("in", "co", "a") no longer
    enters some fifty branches each. Equal to the alternation: "\\s+" before a letter can only
    take the whole run of spaces; branches that start with spaces and those that start with a
    letter never match at one place, so the spaced ones may go after the letter ones (until a
    branch that starts otherwise, kept in its place)."""
    out: list[str] = []
    run: list[tuple[str, list[tuple[str, bool, str]]]] = []
    spaced: list[tuple[str, bool, str]] = []

    def close_run() -> None:
        if run:
            out.append(dispatched([(key, factored(inner, depth + 1)) for key, inner in run]))
            run.clear()

    def close_spaced() -> None:
        if spaced:
            out.append(rf"\s+(?:{'|'.join(factored(list(spaced), depth + 1))})")
            spaced.clear()

    for rest, case, wrap in rests:
        first = rest[:1]
        lettered = first.isalpha() and not rest[1:2].startswith(_QUANTIFIER)
        if lettered and depth < _DEPTH and (case or first in _TWO_CASES):
            key = first if case else "".join(sorted({first.lower(), first.upper()}))
            if run and run[-1][0] == key:
                run[-1][1].append((rest[1:], case, wrap))
            else:
                run.append((key, [(rest[1:], case, wrap)]))
            continue
        after = rest[len(_SPACES) :]
        if rest.startswith(_SPACES) and _letter_first(after):
            spaced.append((after, case, wrap))
            continue
        close_run()
        if not lettered:  # it may start with a space: the spaced branches before it go first
            close_spaced()
        out.append(wrap.format(rest))
    close_run()
    close_spaced()
    return out


def _letter_first(alt: str) -> bool:
    """Whether every match of ``alt`` starts with a letter: a letter, or a group that must be
    taken and whose branches each start with one ("(?:aanwezigheid|het\\s+bijzijn)\\s+van")."""
    if alt.startswith("(?:"):
        end = _closing(alt, 0)
        if alt[end + 1 : end + 2].startswith(_QUANTIFIER):
            return False
        return all(_letter_first(branch) for branch in alternatives(alt[3:end]))
    return alt[:1].isalpha() and not alt[1:2].startswith(_QUANTIFIER)


_CHUNK = 8  # letter groups behind one look-ahead (measured: 4 to 16 are about as fast)


def dispatched(groups: list[tuple[str, list[str]]]) -> str:
    """The letter groups as one alternation, in chunks each behind a look-ahead for its letters,
    so that a word's first letter skips most groups at once. Groups that share no letter never
    match at one place, so they may be reordered; groups that share one keep their order."""
    # Groups linked by a shared letter form one component, kept together and in order.
    components: list[tuple[set[str], list[int]]] = []
    for i, (letters, _) in enumerate(groups):
        chars = set(letters)
        linked = [c for c in components if c[0] & chars]
        for c in linked:
            components.remove(c)
            chars |= c[0]
        components.append((chars, sorted([i, *(j for c in linked for j in c[1])])))
    components.sort(key=lambda c: min(c[0]))
    parts: list[str] = []
    for k in range(0, len(components), _CHUNK):
        chunk = components[k : k + _CHUNK]
        letters = "".join(sorted(set().union(*(c[0] for c in chunk))))
        indices = sorted(i for c in chunk for i in c[1])
        body = "|".join(f"[{groups[i][0]}](?:{'|'.join(groups[i][1])})" for i in indices)
        parts.append(f"(?=[{letters}])(?:{body})")
    return "|".join(parts)


_GROUP_OPEN = re.compile(r"\(\?(?:[ims]*(?:-[ims]+)?)?:")  # (?:...), (?i:...), (?-i:...)


def _branch_stems(alt: str, case: bool = False) -> tuple[str, ...]:
    """Stems, one of which every match of ``alt`` holds, from the first group that ``alt``
    cannot skip and whose branches each have a stem: "[وف]?(?:منتدى|ملتقى|قمة)\\w*" holds one
    of the three nouns, "(?-i:Treffen|[A-ZÄÖÜ]\\w*treffen)" holds "treffen". Only stems whose
    letters ``str.lower`` folds as the pattern's case-insensitive match does (no "i" or "s", no
    cased letters beyond ASCII): otherwise none, and the alternative is always tried. A group
    read case-sensitively ("(?-i:...)", or any group of a case-sensitive row that does not turn
    "i" back on) needs no folding: a text that holds "Gespräche" holds "gespräche" once lowered."""
    i = 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _class_end(alt, i)
        elif c == "(":
            end = _closing(alt, i)
            opening = _GROUP_OPEN.match(alt, i)
            skippable = alt[end + 1 : end + 2] in ("?", "*", "{")
            if opening and not skippable:
                stems = [_stem(branch) for branch in alternatives(alt[opening.end() : end])]
                on, _, off = opening.group(0)[2:-1].partition("-")
                sensitive = "i" in off or (case and "i" not in on)
                # "Σ" lowers by its context (final "ς"), so a stem that holds it may not be found.
                plainly = sensitive and not any("Σ" in s for s in stems if s)
                if all(stems) and (plainly or all(_folds_plainly(s) for s in stems if s)):
                    return tuple(dict.fromkeys(s.lower() for s in stems if s))
            i = end + 1
        else:
            i += 1
    return ()


def _class_end(text: str, i: int) -> int:
    """Index after the character class that opens at ``text[i]`` ("[^]a-z\\]]" included)."""
    i += 1
    if text[i : i + 1] == "^":
        i += 1
    if text[i : i + 1] == "]":
        i += 1
    while i < len(text) and text[i] != "]":
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _folds_plainly(stem: str) -> bool:
    return all(
        (c.isascii() and c.lower() not in "is") or (not c.isascii() and c.lower() == c.upper())
        for c in stem
    )
