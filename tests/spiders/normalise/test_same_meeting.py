"""One page, one event per meeting: events a page's sections gave that name the same meeting are
merged after normalising (``same_meeting``), as ``confwatch extract`` reads the page."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from confwatch.fields import EventFields
from confwatch.spiders.normalise.field_warnings import standing
from confwatch.spiders.normalise.same_meeting import one_event_per_meeting, same_meeting
from confwatch.spiders.offline import extract_page
from confwatch.spiders.registry import offline_source
from tests.system.conftest import confwatch

D = dt.date


def event(
    title: str,
    start: D | None = None,
    end: D | None = None,
    city: str | None = None,
    organisers: tuple[str, ...] = (),
) -> EventFields:
    return EventFields(
        title,
        start,
        end or start,
        city,
        {"Riga": "LV", "Tallinn": "EE"}.get(city or ""),
        list(organisers),
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # One title holds the other's event noun and topic: the name, and a phrase about it.
        (
            event("Baltic Counter-Extremism Forum", D(2031, 3, 10), city="Riga"),
            event("Forum under the theme", D(2031, 3, 10), D(2031, 3, 12), "Riga"),
        ),
        # A dateless, placeless reading of the same forum.
        (event("Baltic Counter-Extremism Forum", D(2031, 3, 10)), event("Forum on extremism")),
        # A headline naming no meeting, with the meeting's own days and city.
        (
            event("Twelve states pledge to share data on extremism", D(2031, 3, 11), city="Riga"),
            event("Baltic Counter-Extremism Forum", D(2031, 3, 10), D(2031, 3, 12), "Riga"),
        ),
    ],
)
def test_two_readings_of_one_meeting_on_a_page_are_the_same_meeting(
    a: EventFields, b: EventFields
) -> None:
    assert same_meeting(a, b) and same_meeting(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two conferences of one listing, on different topics.
        (
            event("Regional Conference on Terrorist Financing", city="Riga"),
            event("Regional Conference on Violent Extremism", city="Riga"),
        ),
        # The same name, in two cities.
        (
            event("Counter-Terrorism Workshop", D(2031, 3, 10), city="Riga"),
            event("Counter-Terrorism Workshop", D(2031, 3, 10), city="Tallinn"),
        ),
        # The same name, on days that do not overlap: two sessions of a series.
        (
            event("Counter-Terrorism Workshop", D(2031, 3, 10)),
            event("Counter-Terrorism Workshop", D(2031, 4, 14)),
        ),
        # A workshop is not a forum, even on the same days.
        (
            event("Baltic Counter-Extremism Forum", D(2031, 3, 10), city="Riga"),
            event("Workshop on extremism", D(2031, 3, 10), city="Riga"),
        ),
        # A headline and a meeting without the plain evidence (no date on one side).
        (
            event("Researchers discuss contemporary Islamism", D(2031, 3, 10)),
            event("Round Table", city="Riga"),
        ),
    ],
)
def test_different_meetings_of_one_page_stay_apart(a: EventFields, b: EventFields) -> None:
    assert not same_meeting(a, b) and not same_meeting(b, a)


def test_merged_meeting_keeps_the_fuller_title_the_wider_dates_and_every_organiser() -> None:
    (meeting,) = one_event_per_meeting(
        [
            event("Baltic Counter-Extremism Forum", D(2031, 3, 10), city="Riga"),
            event("Forum under the theme", D(2031, 3, 10), D(2031, 3, 12), "Riga", ("OSCE",)),
        ]
    )
    assert (meeting.index, meeting.dates_from, meeting.merged) == (0, 1, (0, 1))
    got = meeting.fields
    assert (got.title, got.start_date, got.end_date, got.city, got.country, got.organisers) == (
        "Baltic Counter-Extremism Forum",
        D(2031, 3, 10),
        D(2031, 3, 12),
        "Riga",
        "LV",
        ["OSCE"],
    )


PAGE = """Riga to host regional forum on countering extremism

Minister Jane Doe will on Tuesday, March 10, open the Baltic Counter-Extremism Forum in Riga.

Latvia, with the support of the Organization for Security and Co-operation in Europe (OSCE), is \
hosting a regional counter-extremism forum under the theme 'Resilient Communities', in Riga, \
from March 10 to March 12.

The forum will bring together officials, researchers and civil society to compare how online \
radicalisation is met across the region.

March 2, 2031
"""


def test_extract_gives_a_news_story_about_one_forum_as_one_event() -> None:
    url = "https://news.example/riga-forum"
    got = extract_page(
        PAGE,
        url=url,
        source=offline_source("generic", url),
        is_text=True,
        published=D(2031, 3, 2),
    )
    assert [(e.title, e.start_date, e.end_date, e.city, e.organisers) for e in got.events] == [
        (
            "Baltic Counter-Extremism Forum",
            D(2031, 3, 10),
            D(2031, 3, 12),
            "Riga",
            ["Government of Latvia", "OSCE"],
        )
    ]


def test_extract_explains_the_merged_event_with_the_dates_it_kept() -> None:
    url = "https://news.example/riga-forum"
    got = extract_page(
        PAGE, url=url, source=offline_source("generic", url), is_text=True, explain=True
    )
    (why,) = got.explanations
    dates = why.fields["dates"].chosen
    assert dates is not None and "March 12" in (dates.evidence or "")


# Invented: the lead names the forum with its first day and one organiser but no city; a later
# paragraph gives the city, all three days and two more organisers.
TWO_MENTIONS = """Estonia to host forum on online radicalisation

State Secretary John Roe will on Monday, May 5, open the Nordic-Baltic Forum on Preventing \
Violent Extremism, organised by the Council of the Baltic Sea States.

Estonia, in co-operation with the United Nations Office of Counter-Terrorism (UNOCT), is hosting \
the forum on violent extremism in Tallinn, from May 5 to May 7.

The forum will bring together police, teachers and platform staff to compare how online \
radicalisation is met in the region.

April 20, 2031
"""


def test_merged_meeting_says_which_readings_gave_its_place_and_organisers() -> None:
    (meeting,) = one_event_per_meeting(
        [
            event("Baltic Counter-Extremism Forum", D(2031, 3, 10), organisers=("OSCE",)),
            event("Forum under the theme", D(2031, 3, 10), D(2031, 3, 12), "Riga", ("OSCE",)),
            event("Forum on extremism", organisers=("Government of Latvia",)),
        ]
    )
    assert (meeting.index, meeting.merged) == (0, (0, 1, 2))
    assert dict(meeting.gave) == {
        "title": (0,),
        "dates": (1,),
        "place": (1,),  # the only reading with a place
        "organisers": (0, 2),  # the first gave OSCE, the third added the government
    }


def _explain_json(tmp_path: Path, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    page = tmp_path / "page.txt"
    page.write_text(text, "utf-8")
    url = "https://news.example/tallinn-forum"
    done = confwatch(dict(os.environ), "extract", str(page), "--url", url, "--explain", "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    (found,) = json.loads(done.stdout)
    return found, {c["field"]: c for c in found["explain"]}


def test_extract_explains_each_field_of_a_merged_meeting_by_the_mention_that_gave_it(
    tmp_path: Path, home: Path
) -> None:
    one_organiser = TWO_MENTIONS.replace(", organised by the Council of the Baltic Sea States", "")
    found, why = _explain_json(tmp_path, one_organiser)
    assert (found["title"], found["end_date"], found["city"], found["organisers"]) == (
        "Nordic-Baltic Forum on Preventing Violent Extremism",
        "2031-05-07",
        "Tallinn",
        ["Government of Estonia", "UNOCT"],
    )
    assert why["title"]["chosen"]["value"] == found["title"]
    assert why["dates"]["chosen"]["value"] == "2031-05-05 – 2031-05-07"
    assert why["place"]["chosen"]["value"] == "Tallinn, EE"
    assert "in Tallinn" in why["place"]["chosen"]["evidence"]
    assert why["organisers"]["chosen"]["value"] == "Government of Estonia; UNOCT"


def test_extract_explains_organisers_joined_from_two_mentions_by_both(
    tmp_path: Path, home: Path
) -> None:
    found, why = _explain_json(tmp_path, TWO_MENTIONS)
    assert found["organisers"] == [
        "Government of Estonia",
        "Council of the Baltic Sea States",
        "UNOCT",
    ]
    organisers = why["organisers"]
    assert organisers["chosen"]["value"] == "; ".join(found["organisers"])
    # Each mention's own choice, named in the reason.
    assert "2 mentions" in organisers["why"]
    assert "Government of Estonia; Council of the Baltic Sea States (" in organisers["why"]
    assert "Government of Estonia; UNOCT (" in organisers["why"]


def _extract(tmp_path: Path, text: str, *args: str) -> tuple[list[dict[str, Any]], str]:
    page = tmp_path / "page.txt"
    page.write_text(text, "utf-8")
    done = confwatch(dict(os.environ), "extract", str(page), *args, "--json")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout), done.stderr


NO_CITY = "city: no place found"


def test_extract_gives_no_city_warning_beside_a_merged_meeting_one_mention_places(
    tmp_path: Path, home: Path
) -> None:
    # The lead names the forum without a city; the second paragraph's mention gives Tallinn.
    (found,), said = _extract(tmp_path, TWO_MENTIONS, "--url", "https://news.example/f")
    assert found["city"] == "Tallinn"
    assert NO_CITY not in said


def test_extract_still_warns_once_of_a_meeting_without_a_city(tmp_path: Path, home: Path) -> None:
    (found,), said = _extract(tmp_path, TWO_MENTIONS.replace(" in Tallinn", ""))
    assert found["city"] is None
    assert said.count(NO_CITY) == 1


def _mention(warned: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    return [*warned.values(), "https://news.example/f: something else"], warned


def test_merged_meeting_keeps_one_warning_of_each_field_it_still_lacks() -> None:
    url = "https://news.example/f"
    events = [
        event("Baltic Counter-Extremism Forum", D(2031, 3, 10)),
        event("Forum on extremism"),
    ]
    meetings = one_event_per_meeting(events)
    first = _mention({"city": f"{url}#a: {NO_CITY}"})
    second = _mention(
        {"start_date": f"{url}#b: start_date: no date found", "city": f"{url}#b: {NO_CITY}"}
    )
    said = standing(meetings, [first[0], second[0]], [first[1], second[1]])
    # The dates one mention gave stand for both; no place in either: said once, by the first.
    assert said == [
        [f"{url}#a: {NO_CITY}", f"{url}: something else"],
        [f"{url}: something else"],
    ]


def test_extract_without_url_gives_a_section_its_anchor_alone(tmp_path: Path, home: Path) -> None:
    # Read in sections (each mention with its anchor), then merged: no made-up file:// address.
    (found,), _ = _extract(tmp_path, TWO_MENTIONS)
    assert found["url"] == "#nordic-baltic-forum-on-preventing-violent-extremism"
    (given,), _ = _extract(tmp_path, TWO_MENTIONS, "--url", "https://news.example/f")
    assert given["url"] == "https://news.example/f" + found["url"]


def test_extract_without_url_gives_a_page_read_whole_no_url(tmp_path: Path, home: Path) -> None:
    (found,), _ = _extract(tmp_path, TWO_MENTIONS.replace(" in Tallinn", ""))
    assert found["url"] is None
