"""The gate (fixer n1's round): a page that opens with background naming no event (an attack,
the state of the world) and then turns, in a paragraph of its own, to the meeting it announces
reports that meeting; one more meeting told in the middle of a paragraph about a body's work is
not what the page announces. Every sentence is invented."""

from __future__ import annotations

from tests.spiders.normalise.inline_pages import fields_of, skipped

_BACKGROUND = (
    "Last winter a series of bomb attacks struck three cities of the region. Many families lost "
    "their relatives, and the trust between neighbours was badly shaken. Schools, mosques and "
    "churches have tried since to answer the questions of young people. The public debate about "
    "the roots of violent extremism is far from over, and the answers remain difficult."
)


def test_a_round_table_announced_after_an_opening_of_background_is_reported() -> None:
    body = (
        f"{_BACKGROUND}\n\n"
        "Two weeks after the attacks, the Faculty of Law organised on 12 March 2019 in Lyon a "
        "round table entitled “Freedom and terrorism: what answers?” with judges, journalists "
        "and researchers.\n\nThe debate was recorded."
    )
    fields = fields_of(body, title="Freedom and terrorism: the questions that remain")
    assert fields.title == "Freedom and terrorism: what answers?"


def test_a_workshop_told_in_the_middle_of_a_paragraph_is_only_mentioned() -> None:
    body = (
        f"{_BACKGROUND}\n\n"
        "The Agency has worked against terrorist propaganda online since 2006. In addition, a "
        "workshop on violent extremism was held in Lyon on 12 March 2009 with the police."
    )
    assert skipped(body, title="Preventing violent extremism") == (
        "not a conference page: the event is only mentioned in passing"
    )
