"""A whole event name quoted in a sentence, and a body's name after a role phrase."""

from __future__ import annotations

import pytest

from confwatch.spiders.normalise.quoted_names import after_role, datelined_title, quoted_event_names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Ayer comenzó la “Reunión regional de fiscales sobre financiamiento del terrorismo”, "
            "que reúne a 40 expertos.",
            "Reunión regional de fiscales sobre financiamiento del terrorismo",
        ),
        (
            "‘Securing Ports Together: IMO Workshop on Maritime Threats’, sponsored by the IMO, "
            "was opened on Monday by the director.",
            "Securing Ports Together: IMO Workshop on Maritime Threats",
        ),
        (
            "В Казани открылся «Международный форум молодых юристов по вопросам безопасности».",
            "Международный форум молодых юристов по вопросам безопасности",
        ),
    ],
)
def test_a_quotation_holding_its_event_noun_is_the_events_name(sentence: str, name: str) -> None:
    assert quoted_event_names(sentence) == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        # A theme: its event noun is lower case and far from its start.
        "The seminar discussed “Why the role of every conference on migration is overrated”.",
        # Speech: sentences inside the quotes.
        "“We will hold a Conference next year. It will be in Rome”, the minister said.",
        # A quotation without an event noun.
        "Le colloque « Jeunesse et radicalisation : comprendre pour agir » a réuni 200 personnes.",
    ],
)
def test_a_quoted_theme_or_speech_is_no_events_name(sentence: str) -> None:
    assert quoted_event_names(sentence) == []


def test_a_name_after_a_role_phrase_is_a_body() -> None:
    sentence = "El seminario es organizado por el Foro Andino de Juristas y la universidad."
    assert after_role("Foro Andino de Juristas", sentence)
    assert not after_role("Foro Andino de Juristas", "El Foro Andino de Juristas abrió ayer.")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ('Kassel (ots) - "Hass im Netz: Was hilft wirklich?"', "Hass im Netz: Was hilft wirklich?"),
        ("LYON, 4 mai 2021 – « Villes sûres et ouvertes »", "Villes sûres et ouvertes"),
        ("ACCRA (GNA): “Borders That Protect and Connect”", "Borders That Protect and Connect"),
    ],
)
def test_quotation_alone_after_a_dateline_is_a_title(sentence: str, title: str) -> None:
    assert datelined_title(sentence) == title


@pytest.mark.parametrize(
    "sentence",
    [
        'Kassel (ots) - "Wir lassen uns nicht einschüchtern. Das ist klar."',  # speech
        "Paris – « Nous ne céderons jamais ! »",  # an exclamation
        'The mayor said "Borders That Protect and Connect"',  # no dateline
        'Kassel (ots) - "Hass im Netz" sagte der Minister',  # the line goes on
    ],
)
def test_speech_or_a_quotation_inside_a_sentence_is_no_datelined_title(sentence: str) -> None:
    assert datelined_title(sentence) is None


def test_a_theme_far_from_the_event_noun_that_is_the_sentences_subject_is_its_name() -> None:
    from confwatch.spiders.normalise.name_themes import theme_name

    sentence = (
        "Le deuxième séminaire organisé par le Centre d’études maritimes (CEM) de l’Université "
        "de Brest avec l’appui de la préfecture maritime s’est ouvert à Brest, mardi 3 mars 2031, "
        "sur le thème : « Les ports face aux menaces hybrides »."
    )
    assert theme_name(sentence) == "Les ports face aux menaces hybrides"
    # A theme far from a noun that is not the subject names no event.
    other = (
        "Les experts du Centre d’études maritimes (CEM) de l’Université de Brest, réunis avec "
        "ceux de la préfecture maritime, de la douane et de la gendarmerie nationale, ont "
        "publié une note sur le thème : « Les ports face aux menaces hybrides »."
    )
    assert theme_name(other) is None
