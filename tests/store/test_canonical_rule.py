"""The canonical rule (store/changes.py) is a pure function of the SET of an event's sightings."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from confwatch.store.changes import Voice, canonical_of, precedence
from confwatch.store.records import EventFields

DAY = dt.date(2019, 6, 20)


def voice(
    source: str, title: str = "Conference", organisation: str | None = None, **values: object
):  # type: ignore[no-untyped-def]
    return Voice(
        source, f"https://{source}.example/event", EventFields(title, **values), organisation
    )  # type: ignore[arg-type]


@st.composite
def voices(draw: st.DrawFn) -> list[Voice]:
    """2-4 pages of one conference from distinct sources, saying overlapping, conflicting things."""
    sources = draw(
        st.lists(
            st.sampled_from(["gia-mn", "osce", "unoct", "mfa-mn"]),
            min_size=2,
            max_size=4,
            unique=True,
        )
    )
    out = []
    for source in sources:
        start = draw(st.sampled_from([None, DAY, DAY + dt.timedelta(days=1)]))
        end = (
            None
            if start is None
            else draw(st.sampled_from([None, start, start + dt.timedelta(days=1)]))
        )
        fields = EventFields(
            title=draw(
                st.sampled_from(
                    ["Regional Conference", "regional  conference", "Regional Confrence", ""]
                )
            ),
            start_date=start,
            end_date=end,
            city=draw(st.sampled_from([None, "Ulaanbaatar", "ulaanbaatar"])),
            country=draw(st.sampled_from([None, "MN"])),
            organisers=draw(
                st.lists(
                    st.sampled_from(["OSCE", "UNOCT", "osce", "Government of Mongolia"]), max_size=3
                )
            ),
            topics=draw(st.lists(st.sampled_from(["youth", "Youth", "dialogue"]), max_size=2)),
            description=draw(st.sampled_from([None, "Short.", "Longer text.", "Other text.."])),
            url=draw(st.sampled_from([None, f"https://{source}.example/event"])),
            status=draw(st.sampled_from(["scheduled", "scheduled", "postponed", "cancelled"])),
        )
        organisation = draw(st.sampled_from([None, "OSCE", "UNOCT", "Government of Mongolia"]))
        out.append(Voice(source, f"https://{source}.example/event", fields, organisation))
    return out


@given(st.data())
def test_any_order_of_the_same_sightings_gives_the_same_canonical_fields(
    data: st.DataObject,
) -> None:
    pages = data.draw(voices())
    shuffled = data.draw(st.permutations(pages))
    assert canonical_of(shuffled) == canonical_of(pages)
    assert precedence(shuffled) == precedence(pages)


@given(voices())
def test_the_canonical_end_date_is_never_before_its_start_date(pages: list[Voice]) -> None:
    fields = canonical_of(pages)
    if fields.start_date and fields.end_date:
        assert fields.end_date >= fields.start_date


def test_an_organisers_own_page_outranks_a_majority_of_other_pages() -> None:
    own = voice(
        "mfa-mn",
        organisation="Government of Mongolia",
        organisers=["Government of Mongolia"],
        start_date=DAY,
        end_date=DAY + dt.timedelta(days=2),
    )
    others = [
        voice(s, start_date=DAY, end_date=DAY + dt.timedelta(days=1)) for s in ("osce", "unoct")
    ]
    assert canonical_of([*others, own]).end_date == DAY + dt.timedelta(days=2)


def test_among_equals_the_value_most_pages_give_wins() -> None:
    pages = [
        voice("gia-mn", "Regional Confrence"),
        voice("osce", "Regional Conference"),
        voice("unoct", "regional  conference"),
    ]
    # Case and spacing do not split the vote; the winner is written as its first page writes it.
    assert canonical_of(pages).title == "Regional Conference"


def test_a_tie_goes_to_the_lead_organisers_page() -> None:
    """Both pages are their organisers' own; both organisers are named, OSCE by both pages."""
    osce = voice("osce", "OSCE Title", organisation="OSCE", organisers=["OSCE TNTD"])
    gia = voice("gia-mn", "GIA Title", organisation="GIA", organisers=["GIA", "OSCE"])
    assert canonical_of([gia, osce]).title == "OSCE Title"
    assert precedence([gia, osce]) == [osce, gia]


def test_without_organisers_pages_a_tie_goes_to_the_first_source_by_key() -> None:
    assert canonical_of([voice("unoct", "B"), voice("osce", "A")]).title == "A"


def test_the_end_date_comes_from_pages_that_agree_on_the_start_date() -> None:
    late_start = voice("gia-mn", start_date=DAY + dt.timedelta(days=5))  # no end date
    early = voice("osce", start_date=DAY, end_date=DAY + dt.timedelta(days=1))
    also_late = voice(
        "unoct", start_date=DAY + dt.timedelta(days=5), end_date=DAY + dt.timedelta(days=6)
    )
    fields = canonical_of([late_start, early, also_late])
    assert (fields.start_date, fields.end_date) == (
        DAY + dt.timedelta(days=5),
        DAY + dt.timedelta(days=6),
    )
