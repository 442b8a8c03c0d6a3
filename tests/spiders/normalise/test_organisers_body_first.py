"""Role phrases whose body comes before them (Turkish, Azerbaijani, Uzbek, Kazakh, Kyrgyz):
"AGİT tarafından düzenlenen konferans", "İçişleri Bakanlığının ev sahipliğinde", "X ile Y iş
birliğiyle"."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise import lexicon, organisers

_HELD = {
    "tr": "Sempozyum OSCE {} düzenlendi.",
    "az": "Konfrans OSCE {} keçirildi.",
    "uz": "Konferensiya OSCE {} o'tkazildi.",
    "kk": "Конференция 3 мамырда OSCE {} өтті.",  # not "Конференция OSCE": a Russian genitive
    "ky": "Конференция 3 майда OSCE {} өттү.",
}
_COUNTED = {"organiser", "initiative", "auspices", "partner"}


@pytest.mark.parametrize(
    ("row", "example"),
    [
        pytest.param(r, e, id=f"{r.lang}-{r.kind}-{e}")
        for r in lexicon.rows()
        if r.before
        for e in r.examples
    ],
)
def test_every_body_first_role_phrase_is_read_by_its_kind(row: lexicon.Row, example: str) -> None:
    found = organisers.find_organisers(_HELD[row.lang].format(example))
    assert found == (["OSCE"] if row.kind in _COUNTED else [])


def test_body_first_rows_are_no_phrase_a_list_follows() -> None:
    assert organisers.find_organisers("Seminer tarafından OSCE düzenlendi.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Konferans AGİT tarafından düzenlendi.", ["AGİT"]),
        (
            "İçişleri Bakanlığının ev sahipliğinde düzenlenen konferans Ankara’da yapıldı.",
            ["İçişleri Bakanlığı"],
        ),
        (
            "Seminer, Adalet Bakanlığı ile Ankara Üniversitesi Hukuk Fakültesi işbirliğiyle "
            "düzenlendi.",
            ["Adalet Bakanlığı", "Ankara Üniversitesi Hukuk Fakültesi"],
        ),
        ("Sempozyum TÜBA’nın katkılarıyla gerçekleştirildi.", ["TÜBA"]),
        (
            "Polis Akademisi Terörizm ve Güvenlik Araştırmaları Merkezi tarafından 3-4 Mayıs "
            "2031 tarihlerinde Antalya’da sempozyum düzenlenmiştir.",
            ["Polis Akademisi Terörizm ve Güvenlik Araştırmaları Merkezi"],
        ),
    ],
)
def test_turkish_bodies_before_their_role_phrase_organise(text: str, expected: list[str]) -> None:
    assert organisers.find_organisers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Karar AGİT tarafından kabul edildi.",  # no event: a passive's agent
        "Konferans Dışişleri Bakanlığının mali desteğiyle düzenlendi.",  # funding
        "Açılış konuşması Prof. Dr. Ayşe Kaya tarafından yapılan konferans sona erdi.",  # a person
    ],
)
def test_turkish_bodies_before_other_phrases_are_no_organisers(text: str) -> None:
    assert organisers.find_organisers(text) == []
