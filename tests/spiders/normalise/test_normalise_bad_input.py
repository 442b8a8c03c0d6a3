"""Bad input: what a page lacks stays unknown, with a warning naming the URL and the field."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise

URL = "https://www.osce.org/event/x"
BODY = (
    "The Regional Conference on Countering Violent Extremism and Radicalization that Lead to "
    "Terrorism will bring together experts from OSCE participating States to discuss terrorism."
)


def raw(**kw: object) -> RawEvent:
    base: dict[str, object] = {
        "source": "osce",
        "url": URL,
        "title": "Regional Conference on Countering Terrorism",
        "body_text": BODY,
    }
    base.update(kw)
    return RawEvent(**base)  # type: ignore[arg-type]


def test_missing_date_and_place_stay_null_with_warnings_naming_url_and_field() -> None:
    done = normalise(raw())
    assert done.fields is not None
    assert (
        done.fields.start_date,
        done.fields.end_date,
        done.fields.city,
        done.fields.country,
    ) == (None,) * 4
    assert any(URL in w and "start_date" in w for w in done.warnings)
    assert any(URL in w and "city" in w for w in done.warnings)


def test_garbled_date_field_is_a_warning_not_a_crash() -> None:
    done = normalise(raw(date_text="32-35 Smarch 20x9"))
    assert done.fields is not None and done.fields.start_date is None
    assert any("start_date" in w and "32-35 Smarch" in w for w in done.warnings)


def test_impossible_range_is_not_taken() -> None:
    done = normalise(raw(date_text="21-20 June 2019"))
    assert done.fields is not None and done.fields.start_date is None


def test_page_that_is_not_a_conference_is_skipped_with_a_reason() -> None:
    done = normalise(
        raw(
            title="Annual report on border management",
            body_text="The mission published its annual report on border management and customs.",
        )
    )
    assert done.fields is None
    assert done.skipped and "not a conference page" in done.skipped


def test_missing_year_is_taken_from_the_page_date() -> None:
    done = normalise(raw(date_text="3-4 September", published=dt.date(2019, 8, 1)))
    assert done.fields is not None
    assert (done.fields.start_date, done.fields.end_date) == (
        dt.date(2019, 9, 3),
        dt.date(2019, 9, 4),
    )


def test_missing_year_without_any_page_date_stays_unknown() -> None:
    done = normalise(raw(date_text="3-4 September"))
    assert done.fields is not None and done.fields.start_date is None


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(max_size=200),
    body=st.text(max_size=2000),
    date_text=st.one_of(st.none(), st.text(max_size=80)),
    place=st.one_of(st.none(), st.text(max_size=80)),
)
def test_any_text_never_raises_and_never_ends_before_it_starts(
    title: str, body: str, date_text: str | None, place: str | None
) -> None:
    done = normalise(raw(title=title, body_text=body, date_text=date_text, place_text=place))
    if done.fields and done.fields.start_date and done.fields.end_date:
        assert done.fields.end_date >= done.fields.start_date


def test_missing_year_comes_from_a_full_date_in_the_text_before_the_crawl_date() -> None:
    body = (
        "The International High-level Conference on Counter-Terrorism takes place "
        "3-4 September 2019 in Minsk, Belarus."
    )
    done = normalise(raw(date_text="3-4 September, Minsk, Belarus", body_text=body))
    assert done.fields is not None
    assert (done.fields.start_date, done.fields.end_date) == (
        dt.date(2019, 9, 3),
        dt.date(2019, 9, 4),
    )
