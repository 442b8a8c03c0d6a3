"""Which warnings of a page stand once its mentions of one meeting are merged (``same_meeting``).

``normalise`` reads one mention at a time and warns when a field is not found ("URL: start_date:
no date found", "URL: city: no place found"). A page read in sections may name its meeting
twice, once without a city and once with it; the event stored (and printed by ``extract``,
shown by ``try``) is the merged one, and a warning beside it that says it has no city is false.
So a field's warning stands only when the meeting as stored lacks the field, and then once per
meeting: the warning of the mention whose title the meeting keeps, else of its first mention
that gave one. Every other warning stands as it was; a meeting of one mention keeps all of its.
``extract``, ``try`` and the crawl (when a page closes) all settle a page's warnings here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from confwatch.fields import EventFields
from confwatch.spiders.normalise.same_meeting import Meeting

# When the meeting as stored still lacks what a field's warning says was not found. "No place
# found" is said only when neither a city nor a country was read: a country alone is a place.
_LACKS: dict[str, Callable[[EventFields], bool]] = {
    "start_date": lambda e: e.start_date is None,
    "city": lambda e: e.city is None and e.country is None,
}


def standing(
    meetings: Sequence[Meeting],
    warnings: Sequence[Sequence[str]],
    missing: Sequence[Mapping[str, str]],
) -> list[list[str]]:
    """Each event's warnings that stand (``warnings[i]`` and ``missing[i]`` are event ``i``'s
    from ``normalise``; ``meetings`` is ``one_event_per_meeting`` of the same events), in the
    order they were given."""
    dropped: list[set[str]] = [set() for _ in warnings]
    for meeting in meetings:
        if len(meeting.merged) == 1:
            continue
        for name, lacks in _LACKS.items():
            said = [i for i in meeting.merged if name in missing[i]]
            if not said:
                continue
            kept = meeting.index if meeting.index in said else said[0]
            for i in said:
                if i != kept or not lacks(meeting.fields):
                    dropped[i].add(missing[i][name])
    return [[w for w in ws if w not in gone] for ws, gone in zip(warnings, dropped, strict=True)]


def said_at_once(warnings: Sequence[str], missing: Mapping[str, str]) -> list[str]:
    """An item's warnings said as it is read: all but those of a field not found (``missing``),
    which wait for the page's meetings (``settled``)."""
    waiting = set(missing.values())
    return [w for w in warnings if w not in waiting]


def settled(meetings: Sequence[Meeting], missing: Sequence[Mapping[str, str]]) -> list[list[str]]:
    """Per item of a closed page, its warnings of a field not found that stand (``standing``)."""
    return standing(meetings, [list(m.values()) for m in missing], missing)
