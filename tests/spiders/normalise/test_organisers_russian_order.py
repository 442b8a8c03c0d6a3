"""Russian puts the event after its organisers: the list ends at the event noun."""

from __future__ import annotations

from confwatch.spiders.normalise.organisers import find_organisers


def test_russian_organiser_list_ends_at_the_event_noun() -> None:
    text = (
        "В Ташкенте состоялся организованный Контртеррористическим управлением ООН и "
        "Региональным центром ООН по превентивной дипломатии для Центральной Азии семинар "
        "«Противодействие финансированию терроризма»."
    )
    assert find_organisers(text) == ["UNOCT", "UNRCCA"]
