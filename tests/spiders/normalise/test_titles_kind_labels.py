"""Titles: quoted titles set in American typography, headings that shorten the quoted title, and
kind labels ("Policy Dialogue", "Workshop in Graz") that stand beside the event's own title, and
quotations after a report's label."""

from __future__ import annotations

from confwatch.spiders.normalise.headings import (
    is_kind_label,
    quoted_after_label,
    title_before_kind,
)
from confwatch.spiders.normalise.titles import choose_title, text_candidates


def test_a_fronted_title_with_its_comma_inside_the_quotes_is_the_events_name() -> None:
    sentence = (
        'Titled "Rivers Without Borders in the Andean Region," the seminar will take place '
        "on 3 May at the city library."
    )
    found = [c.name for c in text_candidates([sentence])]
    assert found == ["Rivers Without Borders in the Andean Region"]


def test_a_quoted_phrase_that_is_a_sentences_subject_is_no_title() -> None:
    sentence = 'Titled "Rivers Without Borders," said the minister at the seminar.'
    assert [c.name for c in text_candidates([sentence])] == []


def test_a_heading_that_begins_the_quoted_title_gives_way_to_the_whole_title() -> None:
    sentences = [
        "Rivers Without Borders",
        "Experts will meet at the Northern University seminar on 3-4 May.",
        'Entitled "Rivers Without Borders in the Andean Region," the seminar is free.',
    ]
    assert choose_title("Rivers Without Borders", sentences) == (
        "Rivers Without Borders in the Andean Region"
    )


def test_a_kind_label_says_only_what_kind_of_event_it_is() -> None:
    assert is_kind_label("Regional Workshop")
    assert is_kind_label("Podiumsdiskussion im Stadthaus Lübeck")
    assert is_kind_label("Séminaire à la Maison de l'Europe")
    assert not is_kind_label("Conference on River Pollution")
    assert not is_kind_label("Meeting of the Harbour Council")  # named by its holder


def test_a_heading_that_gives_a_title_and_then_the_kind_gives_the_title() -> None:
    sentences = ["The city hall hosts the evening; entry is free for students."]
    heading = "Who Owns the River? – Workshop in the City Hall"
    assert choose_title(heading, sentences) == "Who Owns the River?"


def test_a_heading_after_a_dash_that_says_more_than_the_kind_is_kept() -> None:
    assert title_before_kind("Who Owns the River? – Conference on River Pollution") is None
    assert title_before_kind("Lübeck – Regional Workshop") is None  # one word is no title


def test_the_line_under_a_kind_label_at_the_top_of_a_page_is_the_title() -> None:
    sentences = [
        "Contact",
        "Roundtable",
        "Can small towns keep their rivers clean?",
        "Monday, 3 May",
        "Mayors and engineers from the valley met to compare notes on keeping rivers clean.",
    ]
    assert choose_title(None, sentences) == "Can small towns keep their rivers clean?"


def test_no_title_is_read_under_a_kind_label_from_a_date_or_address_line() -> None:
    sentences = [
        "International Conference",
        "The Lantern, Quay Street 12, Galway",
        "Engineers from the valley met to compare notes on keeping rivers clean.",
    ]
    assert choose_title(None, sentences) != "The Lantern, Quay Street 12, Galway"


def test_the_quotation_after_a_reports_label_is_the_events_title() -> None:
    heading = "Tagungsbericht: „Flüsse ohne Grenzen. Wasser – Macht – Frieden“"
    assert choose_title(heading, []) == "Flüsse ohne Grenzen. Wasser – Macht – Frieden"
    assert quoted_after_label("Compte rendu : « Les rivières et la ville »") == (
        "Les rivières et la ville"
    )


def test_a_quotation_after_a_speakers_name_is_no_title() -> None:
    assert quoted_after_label("Minister Larsen: “Rivers belong to everyone”") is None
    assert quoted_after_label("Report: “Rivers in the Twenty-First Century”") is None


def test_a_documents_heading_gives_the_lower_case_event_it_reports_on() -> None:
    heading = "Informe del tercer seminario para alcaldes sobre la gestión de los ríos"
    sentences = ["El seminario se centró en los retos de las ciudades ribereñas."]
    assert choose_title(heading, sentences) == (
        "tercer seminario para alcaldes sobre la gestión de los ríos"
    )


def test_a_headlines_rubric_and_the_events_setting_are_cut_from_its_event_phrase() -> None:
    heading = (
        "Rivières : séminaire final du réseau européen FLUVIA à l’occasion de l’anniversaire "
        "de la ville à Lyon"
    )
    assert choose_title(heading, []) == "séminaire final du réseau européen FLUVIA"


def test_a_rubric_before_a_phrase_that_is_no_event_gives_nothing_of_its_own() -> None:
    heading = "Rivières : la ville nettoie ses berges à l’occasion de la Semaine de l’eau"
    assert choose_title(heading, []) != "la ville nettoie ses berges"


def test_a_kind_described_in_lower_case_gives_way_to_its_quoted_name() -> None:
    # The kind and its lower-case description only say what the event is; the quotation is its
    # name (§5.12), in every language that quotes a title after its kind.
    sentences = ["Die Stadt lädt alle Interessierten herzlich ein."]
    assert choose_title('Fachtagung "Wasser - Quelle des Friedens"', sentences) == (
        "Wasser - Quelle des Friedens"
    )
    assert choose_title("Convegno regionale su “Acqua: una risorsa comune”", []) == (
        "Acqua: una risorsa comune"
    )
    assert choose_title("Региональный семинар «Новые формы сотрудничества городов»", []) == (
        "Новые формы сотрудничества городов"
    )


def test_a_kind_that_is_a_name_of_its_own_keeps_its_quoted_name() -> None:
    # A capitalised word after the first, an ordinal, an English link ("on", "called") or a
    # quotation listing topic words: the kind and the quotation together are the name.
    assert choose_title("Joint Meeting on “River Basins in Transition”", []) == (
        "Joint Meeting on “River Basins in Transition”"
    )
    assert choose_title("Roundtable on “River basins in transition”", []) == (
        "Roundtable on “River basins in transition”"
    )
    assert choose_title("IV форум «Город и вода»", []) == "IV форум «Город и вода»"
    assert choose_title("Fachtagung „Wasser, Boden und Klima“", []) == (
        "Fachtagung „Wasser, Boden und Klima“"
    )


def test_a_heading_that_stands_under_a_kind_label_is_the_title() -> None:
    lines = [
        "Montag, 3. März 2031",
        "Internationales Kolloquium",
        "Die Sprache der Gewalt",
        "Forschende aus zwölf Ländern trafen sich in Kassel, um über Gewalt zu sprechen.",
    ]
    assert choose_title("Die Sprache der Gewalt", lines) == "Die Sprache der Gewalt"


def test_a_title_line_over_its_kind_subline_beats_a_button_row_heading() -> None:
    lines = [
        "Menü",
        "Seite drucken Schrift größer Schrift kleiner",
        "Die Sprache der Gewalt",
        "Podiumsdiskussion im Rathaus Kassel",
        "Am Dienstag lud der Verein zu einem Abend über Gewalt und Sprache ein.",
    ]
    heading = "Seite drucken Schrift größer Schrift kleiner"
    assert choose_title(heading, lines) == "Die Sprache der Gewalt"
