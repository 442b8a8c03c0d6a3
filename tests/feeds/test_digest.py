"""The digest's content: periods, filters, grouping of changes, escaping and headers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import email.policy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from confwatch.feeds import digest as render
from confwatch.store.api import Store
from confwatch.store.migrate import upgrade
from tests.digest_seed import HOSTILE_TITLE, NOW, seed_store

W47 = render.period_for("weekly", NOW)


@pytest.fixture(scope="module")
def reads(tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:  # type: ignore[type-arg]
    url = f"sqlite:///{tmp_path_factory.mktemp('render') / 'c.db'}"
    upgrade(url)
    with Store.open(url) as store:
        seed_store(store)
        return store.changes(), store.events(upcoming_after=NOW.date())


def build(reads: tuple[list, list], **filters: tuple[str, ...]) -> render.Digest:  # type: ignore[type-arg]
    return render.build_digest(W47, reads[0], reads[1], now=NOW, filters=render.Filters(**filters))


def test_weekly_period_is_the_last_complete_iso_week() -> None:
    assert W47.key == "2026-W47"
    assert (W47.start, W47.end) == (
        dt.datetime(2026, 11, 16, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
    )
    assert W47.label == "week 47, 16–22 November 2026"


def test_daily_period_is_yesterday() -> None:
    day = render.period_for("daily", NOW)
    assert (day.key, day.label) == ("2026-11-22", "22 November 2026")


def test_week_key_uses_the_iso_year_at_new_year() -> None:
    assert render.period_for("weekly", dt.datetime(2027, 1, 5, tzinfo=dt.UTC)).key == "2026-W53"


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)))
def test_a_period_is_complete_before_now_and_starts_on_a_monday(now: dt.datetime) -> None:
    period = render.period_for("weekly", now.replace(tzinfo=dt.UTC))
    assert period.end <= now.replace(tzinfo=dt.UTC) < period.end + dt.timedelta(days=7)
    assert period.end - period.start == dt.timedelta(days=7)
    assert period.start.weekday() == 0


def test_only_changes_inside_the_period_are_reported(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    digest = build(reads)
    titles = [i.title for i in digest.new]
    assert "Late Addition Conference" not in titles  # recorded in week 48
    assert "2026 OSCE-wide Counter-Terrorism Conference" not in titles  # new in week 46
    assert len(digest.new) == 3 and len(digest.changed) == 2


def test_changed_conference_shows_before_and_after(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    (osce,) = [i for i in build(reads).changed if i.title.startswith("2026 OSCE")]
    assert "Dates changed: 10–11 December 2026 → 14–15 December 2026" in osce.changes
    assert osce.dates == "14–15 December 2026"
    assert (
        "osce.org",
        "https://www.osce.org/event/2026-osce-wide-counter-terrorism-conference",
    ) in osce.sources


@pytest.mark.parametrize(
    ("filters", "new_titles"),
    [
        ({"countries": ("MN",)}, ["Ulaanbaatar Dialogue on Preventing Violent Extremism"]),
        (
            {"organisers": ("unoct",)},
            ["Regional Conference on Countering the Financing of Terrorism"],
        ),
        ({"keywords": ("youth",)}, [HOSTILE_TITLE]),
        (
            {"topics": ("p/cve",)},
            [HOSTILE_TITLE, "Ulaanbaatar Dialogue on Preventing Violent Extremism"],
        ),
        ({"countries": ("MN",), "organisers": ("OSCE",)}, []),
    ],
)
def test_filters_choose_the_conferences(
    reads: tuple[list, list],
    filters: dict[str, tuple[str, ...]],  # type: ignore[type-arg]
    new_titles: list[str],
) -> None:
    assert [i.title for i in build(reads, **filters).new] == new_titles


def test_a_conference_moving_out_of_a_watched_country_is_still_reported(
    reads: tuple[list, list],
) -> None:  # type: ignore[type-arg]
    from confwatch.store.records import FieldChange

    change = reads[0][2]  # the OSCE conference's change in week 47
    assert change.kind == "changed"
    after = dataclasses.replace(change.event, country="DE")
    moved = dataclasses.replace(change, changes=[FieldChange("country", "AT", "DE")], event=after)
    digest = render.build_digest(
        W47, [moved], [], now=NOW, filters=render.Filters(countries=("AT",))
    )
    assert digest.changed and digest.changed[0].changes == [
        "Place changed: Vienna, Austria → Vienna, Germany"
    ]


def test_an_edit_undone_within_the_period_is_no_change(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    from confwatch.store.records import FieldChange

    base = reads[0][1]  # Rome: postponed in week 47
    there = dataclasses.replace(
        base, revision_id=901, changes=[FieldChange("city", "Rome", "Milan")]
    )
    back = dataclasses.replace(
        base,
        revision_id=902,
        at=base.at + dt.timedelta(hours=1),
        changes=[FieldChange("city", "Milan", "Rome")],
    )
    assert render.build_digest(W47, [there, back], [], now=NOW).changed == []


def test_upcoming_and_deadline_sections_look_30_and_14_days_ahead(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    digest = build(reads)
    assert [i.dates for i in digest.upcoming] == [
        "2–3 December 2026",
        "3–4 December 2026",
        "14–15 December 2026",
    ]
    assert [i.deadline for i in digest.deadlines] == ["30 November 2026", "1 December 2026"]


def letterhead() -> render.Letterhead:
    return render.Letterhead(
        mail_from="digest@confwatch.example",
        base_url="https://confwatch.example",
        unsubscribe_url="https://confwatch.example/unsubscribe?email={email}",
    )


def test_scraped_markup_is_escaped_in_the_html_part(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    html, text = render.render(build(reads), name=None, letterhead=letterhead(), unsubscribe=[])
    assert "<script>" not in html and "&lt;script&gt;alert(" in html
    assert "<b>against</b>" not in html
    assert HOSTILE_TITLE in text  # plain text is not HTML: shown as the page said it


def test_message_headers_subject_ids_and_unsubscribe(reads: tuple[list, list]) -> None:  # type: ignore[type-arg]
    msg = render.compose(
        build(reads),
        recipient="ana@example.org",
        name="Ana\r\nBcc: victim@example.org",
        letterhead=letterhead(),
        now=NOW,
    )
    parsed = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    assert (
        parsed["Subject"]
        == "[confwatch] 3 new, 2 changed conferences – week 47, 16–22 November 2026"
    )
    assert parsed["Bcc"] is None and "\n" not in str(parsed["To"])
    assert parsed["Message-ID"] == render.message_id(
        "ana@example.org", "2026-W47", "confwatch.example"
    )
    assert parsed["Date"].datetime == NOW
    assert (
        "<mailto:digest@confwatch.example?subject=unsubscribe%20ana%40example.org>"
        in parsed["List-Unsubscribe"]
    )
    assert (
        "https://confwatch.example/unsubscribe?email=ana%40example.org"
        in parsed["List-Unsubscribe"]
    )


def test_message_id_is_the_same_for_the_same_subscriber_and_period() -> None:
    a = render.message_id("Ana@Example.org", "2026-W47", "confwatch.example")
    assert a == render.message_id("ana@example.org", "2026-W47", "confwatch.example")
    assert a != render.message_id("ana@example.org", "2026-W48", "confwatch.example")
    assert a.startswith("<digest.2026-W47.") and a.endswith("@confwatch.example>")


def _new(revision: int, title: str, start: dt.date, end: dt.date | None) -> object:
    from tests.feeds.factories import change

    at = dt.datetime(2026, 11, 18, 6, revision, tzinfo=dt.UTC)  # inside W47
    return change(revision, event_id=revision, at=at, title=title, start_date=start, end_date=end)


def test_a_conference_held_before_it_was_first_seen_is_kept_out_of_new() -> None:
    changes = [
        _new(1, "Held in 2017", dt.date(2017, 5, 1), dt.date(2017, 5, 2)),
        _new(2, "Later next year", dt.date(2027, 6, 1), dt.date(2027, 6, 2)),
        _new(3, "Held in July", dt.date(2026, 7, 8), None),
        _new(4, "Early next year", dt.date(2027, 2, 1), dt.date(2027, 2, 2)),
    ]
    digest = render.build_digest(W47, changes, [], now=NOW)  # type: ignore[arg-type]
    # Where people plan, by the conference's dates; the record, latest held first.
    assert [i.title for i in digest.new] == ["Early next year", "Later next year"]
    assert [i.title for i in digest.reported] == ["Held in July", "Held in 2017"]
    assert "2 new conferences, 2 already held" in digest.subject("[confwatch]")
    letterhead = render.Letterhead(mail_from="confwatch@example.org")
    html, text = render.render(digest, name=None, letterhead=letterhead, unsubscribe=[])
    for part in (html, text):
        cut = part.casefold().index("recently reported, already held")  # text: upper case
        new_part, held_part = part[:cut], part[cut:]
        assert "Early next year" in new_part and "Held in 2017" not in new_part
        assert "Held in 2017" in held_part and "Held in July" in held_part


def test_a_digest_of_only_conferences_already_held_is_not_empty() -> None:
    changes = [_new(1, "Held in 2017", dt.date(2017, 5, 1), dt.date(2017, 5, 2))]
    digest = render.build_digest(W47, changes, [], now=NOW)  # type: ignore[arg-type]
    assert not digest.empty and digest.new == []
