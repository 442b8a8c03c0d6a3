"""The normaliser's own steps around the field rules: the description is the first paragraph of
prose, not the heading or a label list; a page that reports its event is told from one that only
mentions it in passing (sentence splitting: test_sentences.py)."""

from __future__ import annotations

from confwatch.spiders.items import RawEvent
from confwatch.spiders.normalise import normalise


def test_description_skips_the_heading_and_label_lists() -> None:
    body = (
        "National seminar on countering terrorism\n\n\u2022 Date:\n\u2022 6 July 2017\n\n"
        "The seminar on terrorism brought together 70 participants from ten countries."
    )
    raw = RawEvent(
        source="t", url="u", title="National seminar on countering terrorism", body_text=body
    )
    fields = normalise(raw).fields
    assert fields is not None and fields.description is not None
    assert fields.description.startswith("The seminar on terrorism brought together")


def _report(heading: str, lead: str) -> RawEvent:
    body = (
        f"{heading}\n\nVilnius, 3 May 2021 - BNS. {lead}\n\n"
        "The main topic of the conference will be countering the financing of terrorism. "
        "Delegates will also visit the old town and the national museum."
    )
    return RawEvent(source="t", url="u", title=heading, body_text=body)


_NAMED = "Prosecutors began to arrive for the Third Baltic Conference on Terrorist Financing"


def test_headline_saying_people_gathered_reports_the_meeting_its_lead_names() -> None:
    done = normalise(_report("Prosecutors of 40 countries gathered in Vilnius", _NAMED))
    assert done.fields is not None
    assert done.fields.title == "Third Baltic Conference on Terrorist Financing"


def test_headline_where_nobody_gathers_does_not_report_the_meeting_its_lead_names() -> None:
    done = normalise(_report("Baltic prosecutors worry about terrorist financing", _NAMED))
    assert done.fields is None and done.skipped is not None
    assert "only mentioned in passing" in done.skipped


def test_an_event_page_whose_text_names_no_event_is_titled_by_its_heading() -> None:
    # The page is about a meeting of its own (the gate passed), but no sentence names it: the
    # headline that names the study day stands as its title rather than losing the event.
    body = (
        "Am Mittwoch trafen sich Fachleute aus Schule, Polizei und Jugendhilfe in Magdeburg, um "
        "über Prävention von Islamismus und Radikalisierung zu sprechen.\n\n"
        "Die Teilnehmenden diskutierten neue Wege der Extremismusprävention im Netz."
    )
    heading = "Fachtag zur Islamismusprävention in Magdeburg"
    result = normalise(
        RawEvent(source="generic", url="https://example.org/a", title=heading, body_text=body)
    )
    assert result.fields is not None, result.skipped
    assert result.fields.title == heading


def test_a_headline_naming_no_meeting_is_no_fallback_title() -> None:
    # No sentence names the meeting and the headline names none either ("signed a memorandum"):
    # nothing stands as the event's title, so no event is reported (§5.1: an MoU signing).
    body = (
        "28 мая, Москва. Секретариат ОДКБ и Антитеррористический центр СНГ подписали меморандум "
        "о совместном противодействии терроризму и экстремизму.\n\n"
        "Документ подписан в ходе заседания Совета, которое прошло в Москве."
    )
    heading = "ОДКБ и СНГ подписали меморандум о противодействии терроризму"
    result = normalise(
        RawEvent(source="generic", url="https://example.org/b", title=heading, body_text=body)
    )
    # The headline of a signing is itself refused (lexicon title_not_event "signing") first.
    assert result.fields is None and result.skipped in (
        "no title",
        "not a conference page: title is a statement, visit, appointment or election item",
    )


def test_headline_saying_people_gathered_over_its_dateline_on_the_next_line() -> None:
    # One line break between the headline and the dateline ends the headline's sentence.
    raw = _report("Prosecutors of 40 countries gathered in Vilnius", _NAMED)
    raw.body_text = (raw.body_text or "").replace("\n\n", "\n", 1)
    done = normalise(raw)
    assert done.fields is not None, done.skipped
    assert done.fields.title == "Third Baltic Conference on Terrorist Financing"


_MENU = "\u2022 Fields of work\n\u2022 Review Conferences\n\u2022 Summit meetings"


def test_a_sites_menu_above_the_heading_names_no_event() -> None:
    # A menu item ("Review Conferences") is a section of the site, not the page's event: the
    # title is read from the heading down, so the seminar the headline names is reported.
    heading = "Young experts discuss prevention of violent extremism at a seminar in Almaty"
    body = (
        f"{_MENU}\n\nPress release\n\n{heading}\n\n"
        "ALMATY, 12 May 2031 - Fifteen young experts from Central Asia met to discuss the "
        "prevention of violent extremism and terrorism."
    )
    done = normalise(RawEvent(source="t", url="u", title=heading, body_text=body))
    assert done.fields is not None, done.skipped
    assert "Review" not in done.fields.title


def test_a_short_sentence_of_a_running_paragraph_announces_the_event() -> None:
    # "Пленарное заседание состоится 4 октября." has four words: still the lead's running text.
    body = (
        "Совет соберется в 12-й раз\n\n"
        "Совет начальников портовой полиции стран Балтии соберется в Гданьске. Пленарное "
        "заседание состоится 4 октября.\n\n"
        "Главной темой станет защита паромов от терроризма. Участники также рассмотрят "
        "программу противодействия экстремизму на 2031-2033 годы."
    )
    raw = RawEvent(source="generic", url="https://example.org/a", title=None, body_text=body)
    done = normalise(raw)
    assert done.fields is not None, done.skipped


def test_a_lead_ending_with_a_spaced_closing_quote_announces_its_event() -> None:
    # French typography: a space between the exclamation mark and the closing guillemet.
    body = (
        "Le mardi 4 mars dernier, l'Institut des sciences sociales a organisé, avec la ville de "
        "Namur, une journée d'étude intitulée « Radicalisation violente et école, parlons-en ! »"
        "\n\nCette journée a rappelé que la prévention de l'extrémisme violent commence en classe."
    )
    done = normalise(RawEvent(source="generic", url="https://example.org/a", body_text=body))
    assert done.fields is not None, done.skipped


def test_a_long_lead_sentence_that_lost_its_full_stop_still_announces_the_event() -> None:
    # The lead runs into the next line without its mark: at thirty words, no headline.
    body = (
        "С 3 по 4 марта текущего года в городе Энске по инициативе Секретариата Региональной "
        "организации полиции и при содействии Министерства внутренних дел Республики Энской "
        "состоялась международная конференция по проекту «Щит» для стран Северной Азии, "
        "посвященная вопросам борьбы с терроризмом и экстремизмом в регионе\n\n"
        "В конференции участвовали представители более 20\n"
        "государств и международных организаций."
    )
    from confwatch.spiders.normalise import _running_text

    assert _running_text(body, 2)[0].startswith("С 3 по 4 марта")
    done = normalise(RawEvent(source="generic", url="https://example.org/a", body_text=body))
    assert done.fields is not None, done.skipped


def test_a_run_of_headlines_without_marks_is_no_running_text() -> None:
    from confwatch.spiders.normalise import _running_text

    ticker = " ".join(
        f"Pays {n}: le forum sur le terrorisme s'est tenu à Ville {n}" for n in range(6)
    )
    body = f"{ticker}\n\nLe ministre a reçu l'ambassadeur en audience ce vendredi à midi."
    assert all("Pays" not in s for s in _running_text(body, 4))
