"""The descriptive phrase of a page that never names its event (eval-format §5.12)."""

from __future__ import annotations

from confwatch.spiders.normalise.lead_phrase import described_event


def test_stated_length_belongs_to_the_descriptive_phrase() -> None:
    body = (
        "Nairobi, 4 March 2019\n\n"
        "Some forty police officers from the region attended a three-day workshop held in "
        "Nairobi this week.\n\nThey discussed the protection of crowded places."
    )
    assert described_event(body) == "three-day workshop"


def test_bare_noun_still_describes_nothing() -> None:
    body = (
        "Police officers from the region attended a workshop held in Nairobi this week with "
        "their colleagues.\n\nThey discussed the protection of crowded places."
    )
    assert described_event(body) is None


def test_a_meeting_named_after_the_sentence_that_gathers_people_is_described() -> None:
    body = (
        "Lisbon, Portugal | March 3-4, 2022\n\n"
        "The Example Institute and the Harbour Network convened some thirty youth workers and "
        "researchers from across southern Europe.\n\n"
        "During the two-day seminar, participants compared ways to prevent violent extremism "
        "online.\n\nA short summary will follow."
    )
    assert described_event(body) == "two-day seminar"


def test_a_meeting_named_without_any_gathering_before_it_is_not_described() -> None:
    body = (
        "Lisbon, Portugal | March 3-4, 2022\n\n"
        "The Example Institute published a report on youth work in southern Europe.\n\n"
        "During the two-day seminar, participants compared ways to prevent violent extremism "
        "online.\n\nA short summary will follow."
    )
    assert described_event(body) is None


def test_descriptive_phrase_stops_at_a_role_phrase() -> None:
    # Who supports or organises the event is no part of what it is.
    ru = (
        "Министерство проводит международный круглый стол при поддержке ОБСЕ для экспертов "
        "из соседних стран."
    )
    assert described_event(ru) == "международный круглый стол"
    en = (
        "We are pleased to host a regional expert workshop with the support of the European "
        "Union for border officials."
    )
    assert described_event(en) == "regional expert workshop"


def test_a_stated_length_after_the_noun_is_no_part_of_the_phrase() -> None:
    fr = (
        "Le groupe de travail tient une réunion de coordination d'une journée le 6 mai à Dakar, "
        "consacrée aux frontières."
    )
    assert described_event(fr) == "réunion de coordination"
    es = "El ministerio organiza un seminario regional de tres días en Lima para fiscales locales."
    assert described_event(es) == "seminario regional"


def test_qualifiers_come_before_the_noun_in_uzbek_and_kazakh() -> None:
    uz = (
        "Тошкентда ўтган ҳафта иккинчи халқаро илмий-амалий конференция бўлиб ўтди ва унда "
        "олимлар қатнашди."
    )
    assert described_event(uz) == "халқаро илмий-амалий конференция"
    kk = "Облыста жастар туралы тақырыбында арнайы семинар өтті және оған жүз адам қатысты."
    assert described_event(kk) == "арнайы семинар"


def test_a_bare_noun_referring_back_gives_way_to_a_later_description() -> None:
    body = (
        "Sous le thème de la coopération, ce forum réunira, du 3 au 4 mai, des experts en "
        "sécurité et des diplomates.\n\n"
        "Pendant deux jours, Niamey abritera la 2e édition du Forum régional sur la sécurité "
        "des frontières, qui doit rassembler 300 experts."
    )
    assert described_event(body) == "Forum régional sur la sécurité des frontières"


def test_a_finite_auxiliary_ends_the_descriptive_phrase() -> None:
    # "seminar was jointly": the auxiliary and its adverb belong to the verb, not the event.
    body = (
        "The seminar was jointly organised by the city police and a local college on its "
        "campus in Chittagong on Tuesday.\n\nStudents asked many questions."
    )
    assert described_event(body) is None


def test_a_descriptive_phrase_stops_at_its_auxiliary() -> None:
    body = (
        "A regional expert roundtable on school safety was quietly convened by the city "
        "council in Porto last week.\n\nIts findings will follow."
    )
    assert described_event(body) == "regional expert roundtable on school safety"


def test_a_meeting_noun_with_its_complement_describes_the_event() -> None:
    body = (
        "Глава исполкома сообщил журналистам новости.\n\n"
        "В июне в Бишкеке состоится встреча руководителей пограничных ведомств, важное "
        "мероприятие для региона.\n\nПодробности позже."
    )
    assert described_event(body) == "встреча руководителей пограничных ведомств"


def test_a_relative_pronoun_ends_the_descriptive_phrase() -> None:
    # "encuentro regional que ...": the relative clause says something about the meeting.
    body = (
        "Los especialistas de la región fueron convocados al encuentro regional que organizaron "
        "dos fundaciones en Rosario esta semana.\n\nDebatieron sobre la seguridad de los puertos."
    )
    assert described_event(body) == "encuentro regional"


def test_a_noun_followed_only_by_a_relative_clause_describes_nothing() -> None:
    body = (
        "Esperti e studenti hanno partecipato al convegno che si terrà a Trieste il prossimo "
        "mese.\n\nSi parlerà della sicurezza dei porti."
    )
    assert described_event(body) is None
