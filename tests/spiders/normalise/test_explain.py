"""``--explain``: per field, the value, the text it was read from, the rule, and what was passed
over. The explanation describes the very reading that produced the fields (no second reader)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from confwatch.scheduler.cli import main
from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise
from confwatch.spiders.normalise.explain import Explanation
from tests.conftest import FIXTURES

SITES = FIXTURES / "sites"
OSCE_2020 = SITES / "www.osce.org/event/osce-wide-counter-terrorism-conference-2020/index.html"
BODY = (
    "An international conference on countering terrorism and preventing violent extremism will "
    "be held in Tashkent on 12-13 May 2031, organized by the OSCE Secretariat."
)


def explained(raw: RawEvent) -> tuple[Explanation, dict[str, object]]:
    why = Explanation()
    done = normalise(raw, explain=why)
    assert done.fields is not None, done.skipped
    return why, done.fields.to_json()


def chosen(why: Explanation, name: str) -> dict[str, object]:
    (choice,) = [c for c in why.to_json() if c["field"] == name]
    return choice


def test_each_field_names_its_value_its_sentence_and_its_rule() -> None:
    raw = RawEvent(
        source="t",
        url="https://t.test/x",
        title="International Conference on Countering Terrorism",
        body_text=BODY,
    )
    why, fields = explained(raw)
    dates = chosen(why, "dates")["chosen"]
    assert dates["value"] == f"{fields['start_date']} – {fields['end_date']}"  # type: ignore[index]
    assert dates["evidence"] == BODY and "key sentence" in dates["rule"]  # type: ignore[index]
    place = chosen(why, "place")["chosen"]
    assert place["value"] == "Tashkent, UZ"  # type: ignore[index]
    assert chosen(why, "organisers")["chosen"]["value"] == "OSCE"  # type: ignore[index]
    assert chosen(why, "title")["chosen"]["rule"] == "the page's heading"  # type: ignore[index]


def test_a_dateline_date_is_shown_as_passed_over_with_the_reason() -> None:
    raw = RawEvent(
        source="t",
        url="https://t.test/x",
        title="Regional Seminar on Terrorist Financing",
        body_text=(
            "ASTANA, 12 October 2030 – A regional seminar on countering the financing of terrorism "
            "will take place on 3-4 November 2030, organized by the OSCE."
        ),
    )
    why, fields = explained(raw)
    assert fields["start_date"] == "2030-11-03"
    passed = chosen(why, "dates")["passed_over"]
    assert [(p["value"], p["why_not"]) for p in passed] == [  # type: ignore[union-attr]
        ("2030-10-12", "the release's own date")
    ]


def test_without_a_date_the_reader_abstains_and_says_so() -> None:
    raw = RawEvent(
        source="t",
        url="https://t.test/x",
        title="International Conference on Countering Terrorism",
        body_text="An international conference on countering terrorism will be held in Tashkent.",
    )
    why, fields = explained(raw)
    assert fields["start_date"] is None
    assert chosen(why, "dates")["chosen"] is None
    assert "no date" in str(chosen(why, "dates")["why"])


def test_extract_explain_prints_the_reasons_and_json_carries_them() -> None:
    runner = CliRunner()
    url = "https://www.osce.org/event/osce-wide-counter-terrorism-conference-2020"
    text = runner.invoke(main, ["extract", str(OSCE_2020), "--url", url, "--explain"])
    assert text.exit_code == 0, text.output
    assert "why:" in text.stdout and "dates:" in text.stdout and "organisers:" in text.stdout
    data = runner.invoke(main, ["extract", str(OSCE_2020), "--url", url, "--explain", "--json"])
    (event,) = json.loads(data.stdout)
    fields = {c["field"]: c for c in event["explain"]}
    assert {"title", "dates", "place", "organisers"} <= set(fields)
    shown = fields["dates"]["chosen"]["value"]
    assert shown.startswith(event["start_date"])


def test_without_explain_the_json_is_the_contract_alone() -> None:
    runner = CliRunner()
    url = "https://www.osce.org/event/osce-wide-counter-terrorism-conference-2020"
    data = runner.invoke(main, ["extract", str(OSCE_2020), "--url", url, "--json"])
    (event,) = json.loads(data.stdout)
    assert "explain" not in event
