"""Titles: which name an event gets when the page's heading is a section label, or when the text
gives the name without quotes."""

from __future__ import annotations

from confwatch.spiders.normalise.titles import (
    choose_title,
    in_passing,
    with_quotes_closed,
    without_dangling_word,
)


def test_section_label_heading_gives_way_to_the_name_in_the_text() -> None:
    sentences = [
        "Border Security Conference",
        "Mombasa, Kenya",
        "We are proud to offer this conference to the officers who guard our borders every day.",
    ]
    assert choose_title("About the Conference", sentences) == "Border Security Conference"


def test_title_without_quotes_is_the_name_behind_a_headline() -> None:
    sentences = [
        "The ministry will host a seminar on border security in Bari on 3 May.",
        "According to the ministry, the seminar, entitled Securing the Mediterranean Borders "
        "Together, will bring together 80 experts.",
    ]
    heading = "Ministry to host seminar on border security"
    assert choose_title(heading, sentences) == "Securing the Mediterranean Borders Together"


def test_name_at_a_distance_is_the_title_of_a_page_without_heading() -> None:
    sentences = [
        "12-03-2019, Kampala (Uganda): The Minister of Internal Affairs opened a workshop held "
        "in Kampala by the East African Community (EAC) on Cross-Border Cooperation against "
        "Terrorist Financing.",
        "Some 40 officials are attending the two-day workshop.",
    ]
    assert choose_title(None, sentences) == ("Cross-Border Cooperation against Terrorist Financing")


def test_headline_with_meet_gives_the_event_it_names() -> None:
    heading = "Ministers meet in Lisbon for Maritime Security Forum"
    sentences = ["Ministers from 12 countries will gather in Lisbon on 4 May for the forum."]
    assert choose_title(heading, sentences) == "Maritime Security Forum"


def test_german_headline_with_a_modal_keeps_only_the_event_name() -> None:
    heading = "Fachtagung Radikalisierungsprävention will Schulen stärken"
    sentences = ["Die Fachtagung findet am 3. März in Kassel statt."]
    assert choose_title(heading, sentences) == "Fachtagung Radikalisierungsprävention"


def test_headline_naming_a_bare_label_gives_way_to_the_lead_description() -> None:
    heading = "Border cooperation focus of OSCE workshop in Moldova"
    sentences = [
        "CHISINAU, 3 May 2016 – A workshop on cross-border cooperation against terrorist "
        "financing ended today in Chisinau.",
    ]
    assert choose_title(heading, sentences) == (
        "Workshop on cross-border cooperation against terrorist financing"
    )


def test_headline_event_noun_with_purpose_infinitive_is_the_title() -> None:
    heading = "Embassy supports meeting to strengthen dialogue between police and communities"
    sentences = ["About forty police officers and community leaders attended the event."]
    assert choose_title(heading, sentences) == (
        "Meeting to strengthen dialogue between police and communities"
    )


def test_heading_opening_with_its_place_gives_way_to_the_text_name() -> None:
    heading = "В Казани пройдет международная конференция"
    sentences = [
        "В Казани 5 мая пройдет Международная конференция по противодействию экстремизму в "
        "молодежной среде.",
    ]
    assert choose_title(heading, sentences) == (
        "Международная конференция по противодействию экстремизму в молодежной среде"
    )


def test_heading_quoting_the_name_of_an_event_it_reports_on_gives_the_quoted_name() -> None:
    heading = "Students take part in the round table “Cities against Hate”"
    sentences = ["Students of the faculty joined an online debate on 12 March."]
    assert choose_title(heading, sentences) == "Cities against Hate"


def test_heading_quoting_a_capitalised_event_keeps_its_noun_phrase() -> None:
    heading = "On the Regional Expert Conference “Borders and Terrorism”"
    sentences = ["The conference gathered 60 experts in Vilnius on 2 June."]
    assert choose_title(heading, sentences) == "Regional Expert Conference “Borders and Terrorism”"


def test_heading_ending_with_a_date_in_an_unread_language_keeps_its_name() -> None:
    heading = "Διεθνές Φόρουμ για την ασφάλεια 3-5 Μαΐου 2019"
    sentences = [
        "In recent years the region has faced many new threats from organised crime and "
        "terrorist groups alike.",
        "The Regional Office attended the annual meeting.",
    ]
    assert choose_title(heading, sentences) == "Διεθνές Φόρουμ για την ασφάλεια"


def test_an_unquoted_theme_before_its_postposition_is_the_title() -> None:
    # Kazakh and Turkish put the theme before the word "on the topic", often without quotes.
    kk = ["Облыста Жастар және қауіпсіздік тақырыбында арнайы семинар өтті."]
    assert choose_title(None, kk) == "Жастар және қауіпсіздік"
    tr = ["Dün İzmir'de Göç ve Güvenlik konulu bir konferans düzenlendi."]
    assert choose_title(None, tr) == "Göç ve Güvenlik"


def test_a_dedication_to_a_topic_named_elsewhere_is_no_part_of_the_name() -> None:
    sentences = [
        "Faculdade dinamiza debate sobre Radicalização Violenta na 3.ª edição do Seminário "
        "Nacional dedicado ao tema",
        "Especialistas reuniram-se na faculdade para a 3.ª edição do Seminário Nacional sobre "
        "Radicalização Violenta, que decorreu ontem.",
    ]
    assert choose_title(None, sentences) == "Seminário Nacional sobre Radicalização Violenta"


def test_a_one_word_theme_gives_way_to_the_proper_name_beside_it() -> None:
    sentences = [
        "A faculdade promove amanhã, em Coimbra, o 3º Congresso de Segurança Interna, "
        "subordinado ao tema “Fronteiras”."
    ]
    assert choose_title(None, sentences) == "3º Congresso de Segurança Interna"


def test_a_quoted_whole_name_beats_the_body_that_organises_the_event() -> None:
    sentences = [
        "Ayer comenzó la “Reunión regional de fiscales sobre financiamiento del terrorismo”, que "
        "reúne a 40 expertos de la región.",
        "El encuentro es organizado por el Congreso Andino de Fiscales y la Oficina regional.",
    ]
    assert (
        choose_title(None, sentences)
        == "Reunión regional de fiscales sobre financiamiento del terrorismo"
    )


def test_a_headline_telling_what_people_did_gives_way_to_the_quoted_name() -> None:
    heading = "Le ministre a rassemblé des élus : un forum sur la sécurité réunira 300 experts"
    sentences = [
        heading,
        "Partager",
        "Imprimer la page",
        "Taille du texte",
        "La sécurité des villes, la place des écoles : le programme a été précisé jeudi.",
        "Le contenu du forum a été présenté mardi par les organisateurs de la ville.",
        "La tenue du forum « Villes sûres : prévenir ensemble » avait déjà été annoncée en mai.",
    ]
    assert choose_title(heading, sentences) == "Villes sûres : prévenir ensemble"


def test_a_russian_headline_with_a_past_verb_gives_way_to_the_quoted_name() -> None:
    heading = "Министр принял участие в форуме по вопросам безопасности на транспорте"
    sentences = [heading, "В Самаре прошёл региональный форум «Безопасный транспорт»."]
    assert choose_title(heading, sentences) == "Безопасный транспорт"


def test_a_passing_word_inside_another_word_puts_no_event_in_the_background() -> None:
    from confwatch.spiders.normalise.titles import in_passing

    # "representantes" ends in "antes" ("before"), which is no word of its own here.
    sentence = "Se reunieron los representantes del Foro Andino de Seguridad en Lima."
    assert not in_passing("Foro Andino de Seguridad", sentence)
    assert in_passing("Foro Andino de Seguridad", "Antes del Foro Andino de Seguridad, hubo otra.")


def test_title_fronted_before_the_event_it_names_is_the_title() -> None:
    sentences = [
        "La faculté de droit organisera un colloque à Lyon les 2 et 3 juin.",
        "Sous le titre « Frontières et menaces : quelle coopération ? », le colloque réunira "
        "trente chercheurs.",
    ]
    assert choose_title(None, sentences) == "Frontières et menaces : quelle coopération ?"


def test_event_the_text_says_was_named_so_takes_the_quoted_name() -> None:
    heading = "Участники конференции в Бишкеке обсудили безопасность границ"
    sentences = [
        "В Бишкеке прошла региональная конференция экспертов.",
        "Конференцию назвали «Границы без угроз: опыт соседей».",
    ]
    assert choose_title(heading, sentences) == "Границы без угроз: опыт соседей"


def test_quotation_alone_after_a_release_dateline_titles_the_event() -> None:
    heading = "Polizei und Stadt veranstalten eine Fachtagung am 3. Mai in Kassel"
    sentences = [
        'Kassel (ots) - "Hass im Netz: Was hilft wirklich?"',
        "Die Tagung richtet sich an Fachleute aus Schule und Jugendarbeit.",
    ]
    assert choose_title(heading, sentences) == "Hass im Netz: Was hilft wirklich?"


def test_without_heading_the_opening_names_the_event_not_a_later_proper_name() -> None:
    sentences = [
        "A workshop on border security and migration was held in Accra on 4 May.",
        "Officials from nine countries took part.",
        "They discussed the threats the region faces.",
        "Speakers praised the work of local police.",
        "The police have long worked with customs.",
        "Many called for more training.",
        "He said the police now use working groups in the District Safety Forums to prevent "
        "crime across the region.",
    ]
    assert choose_title(None, sentences) == "Workshop on border security and migration"


def test_a_side_event_of_a_conference_is_not_named_by_the_conference() -> None:
    sentences = [
        "A roundtable on Youth and Resilience was held in Kigali on 3 May as a side event of "
        "the Africa Peace Leadership Conference.",
    ]
    assert choose_title(None, sentences) == "Roundtable on Youth and Resilience"


def test_body_holding_its_own_meeting_names_it() -> None:
    sentences = [
        "The Regional Customs Committee (RCC) held its annual meeting in Apia on 2-3 May 2019.",
        "The Committee's meeting on security and trade covered many issues.",
    ]
    assert choose_title(None, sentences) == "Annual meeting of the Regional Customs Committee (RCC)"


def test_title_does_not_end_with_a_linking_word() -> None:
    assert without_dangling_word("Regional workshop on border control for") == (
        "Regional workshop on border control"
    )
    assert without_dangling_word("Coloquio sobre seguridad y") == "Coloquio sobre seguridad"
    assert without_dangling_word("Forum on Security") == "Forum on Security"


def test_theme_of_sessions_does_not_replace_the_forum_a_headline_names() -> None:
    heading = "Two Hundred Experts Attend 5th Lisbon Maritime Forum"
    sentences = [
        "Two hundred experts met in Lisbon on 3-4 May for the fifth annual Lisbon Maritime Forum.",
        "Officials and academics took part in six sessions on the theme “Ports, Crime and the "
        "Open Sea.”",
    ]
    assert choose_title(heading, sentences) == "Fifth annual Lisbon Maritime Forum"


def test_capitalised_name_around_a_quoted_theme_is_the_whole_name() -> None:
    sentences = [
        "Visit our city",
        "On the Regional Expert Conference “Safer Ports, Safer Seas”",
        "On 4 May Valletta hosted the regional expert conference “Safer Ports, Safer Seas”, "
        "organized by the ministry.",
    ]
    assert choose_title("Visit our city", sentences) == (
        "Regional Expert Conference “Safer Ports, Safer Seas”"
    )


def test_quotation_cut_at_its_question_mark_is_put_back_together() -> None:
    sentences = [
        "Am 3. Mai fand eine Tagung zum Thema „Grenzschutz – Was hilft wirklich?",
        "“ statt. Danach sprach die Ministerin.",
        "Es kamen 80 Gäste.",
    ]
    assert with_quotes_closed(sentences) == [
        "Am 3. Mai fand eine Tagung zum Thema „Grenzschutz – Was hilft wirklich? “ statt. "
        "Danach sprach die Ministerin.",
        "Es kamen 80 Gäste.",
    ]


def test_sentence_without_an_open_quotation_is_not_joined_to_the_next() -> None:
    sentences = [
        "Le colloque « Frontières et sécurité » aura lieu à Lyon.",
        "» Tel est le mot du président.",
    ]
    assert with_quotes_closed(sentences) == sentences


def test_open_quotation_is_not_joined_to_a_sentence_that_opens_another() -> None:
    sentences = [
        "Il a dit : « Nous verrons bien.",
        "Un autre « colloque » suivra en mai.",
    ]
    assert with_quotes_closed(sentences) == sentences


def test_descriptive_heading_gives_way_to_the_quoted_title_it_shortens() -> None:
    heading = "Tagung zum Thema Grenzschutz im Rathaus"
    sentences = [
        "Am 3. Mai fand im Rathaus eine Tagung zum Thema „Grenzschutz – Was hilft wirklich?",
        "“ statt.",
    ]
    assert choose_title(heading, sentences) == "Grenzschutz – Was hilft wirklich?"


def test_english_heading_shortening_an_entitled_forum_gives_way_to_its_title() -> None:
    heading = "Forum on Maritime Security in the Gulf"
    sentences = [
        'On 2 June the two-day forum entitled "Maritime Security and Port Safety in the Gulf" '
        "opened in Muscat.",
    ]
    assert choose_title(heading, sentences) == "Maritime Security and Port Safety in the Gulf"


def test_descriptive_heading_stays_when_the_quoted_theme_starts_with_another_word() -> None:
    heading = "Tagung zum Thema Grenzschutz im Rathaus"
    sentences = ["Am 3. Mai fand im Rathaus eine Tagung zum Thema „Sichere Häfen heute“ statt."]
    assert choose_title(heading, sentences) == heading


def test_heading_repeated_as_a_quoted_title_far_down_stays_without_its_tag() -> None:
    heading = "Les frontières de la mer : nouvelles menaces et vieilles routes (COMPLET)"
    sentences = [
        "Date : passé.",
        "Type : Colloques et congrès Lieu : Campus de Brest.",
        "Salle 12 Coût : Gratuit",
        "Ce colloque réunit des chercheurs de dix pays.",
        "Il est organisé par l'université.",
        "Les inscriptions sont closes.",
        "Intitulé « Les frontières de la mer : nouvelles menaces et vieilles routes », le "
        "colloque se tiendra à Brest.",
    ]
    assert choose_title(heading, sentences) == (
        "Les frontières de la mer : nouvelles menaces et vieilles routes"
    )


def test_a_lower_case_headline_gives_way_to_the_proper_name_of_its_event_in_the_lead() -> None:
    heading = "Regional conference to discuss ports and smuggling"
    sentences = [
        "Shipping, customs fraud and smuggling networks will be discussed in Gdansk next week.",
        "The Harbours of Europe and Beyond conference will gather 40 researchers on campus.",
    ]
    assert choose_title(heading, sentences) == "Harbours of Europe and Beyond conference"


def test_a_headline_naming_its_event_in_title_case_keeps_it() -> None:
    heading = "Institute holds Seminar on Port Security in the Baltic"
    sentences = [
        "The Institute, with the Harbour Network, organized a Seminar on Port Security in Gdansk.",
        "The Harbours of Europe and Beyond conference will follow in May.",
    ]
    assert choose_title(heading, sentences) == "Seminar on Port Security in the Baltic"


def test_a_meeting_whose_results_something_follows_is_named_in_passing() -> None:
    sentence = (
        "Об этом министр сообщил журналистам по итогам заседания Совета министров обороны в Минске."
    )
    assert in_passing("заседания Совета министров обороны", sentence)


def test_a_lower_case_description_before_a_quoted_theme_gives_way_to_the_theme() -> None:
    sentence = (
        "В Самаре прошёл круглый стол по профилактике экстремизма среди студентов на тему "
        "«Молодёжь и безопасность в сети»."
    )
    assert choose_title(None, [sentence]) == "Молодёжь и безопасность в сети"


def test_a_name_with_its_body_before_a_quoted_theme_keeps_it() -> None:
    sentence = (
        "В Самаре прошла конференция ОДКБ по противодействию экстремизму на тему «Молодёжь и "
        "безопасность в сети»."
    )
    assert choose_title(None, [sentence]) == (
        "Конференция ОДКБ по противодействию экстремизму на тему «Молодёжь и безопасность в сети»"
    )


def test_a_name_the_text_says_the_event_is_dubbed_is_its_title() -> None:
    sentences = [
        "Port officials from nine countries concluded a two-day meeting in Riga yesterday.",
        "The meeting dubbed ‘2031 Baltic Harbour Security Meeting’, was organized to share "
        "intelligence on smuggling.",
    ]
    heading = "Harbour chiefs meet in Riga"
    assert choose_title(heading, sentences) == "2031 Baltic Harbour Security Meeting"


def test_a_quote_right_after_a_scope_label_is_the_name() -> None:
    sentence = (
        'L\'International Workshop "Ports and Borders in the Baltic", organizzato '
        "dall'Università, si terrà a Trieste dal 3 al 5 maggio 2031."
    )
    assert choose_title(None, [sentence]) == "Ports and Borders in the Baltic"


def test_a_quoted_topic_after_on_keeps_the_whole_name() -> None:
    sentence = "The Regional Conference on ‘Port Safety’ to Prevent Smuggling opened in Riga."
    assert choose_title(None, [sentence]) == (
        "Regional Conference on ‘Port Safety’ to Prevent Smuggling"
    )


def test_a_headline_saying_what_a_meeting_takes_up_gives_way_to_the_texts_name() -> None:
    heading = "Encontro Regional aborda segurança dos portos"
    sentence = (
        "A delegação participa, hoje e amanhã, em Luanda, na Conferência Regional de Alto Nível "
        "sobre Segurança Portuária e Fronteiras."
    )
    assert choose_title(heading, [sentence]) == (
        "Conferência Regional de Alto Nível sobre Segurança Portuária e Fronteiras"
    )


def test_a_headline_giving_a_workshops_theme_gives_way_to_the_quoted_theme() -> None:
    heading = "La sécurité des ports, thème d'un atelier balte à Riga"
    # The page types the opening quote twice.
    sentence = (
        'Un atelier initié par l\'Institut balte sous le thème ""Ports et frontières: enjeux en '
        'cours" a débuté ses travaux ce jeudi à Riga.'
    )
    assert choose_title(heading, [sentence]) == "Ports et frontières: enjeux en cours"


def test_a_german_title_fronted_before_its_verb_names_the_event_after_it() -> None:
    sentences = [
        "Internationale Hafen-Konferenz am Freitag in Riga",
        "Unter dem Titel „Häfen sicher machen“ wollen die Minister bei der eintägigen Konferenz "
        "ein gemeinsames Konzept erörtern.",
    ]
    assert choose_title(None, sentences) == "Häfen sicher machen"
    strategy = "Unter dem Titel „Häfen sicher machen“ hat die Regierung eine Strategie vorgestellt."
    assert choose_title(None, [strategy]) is None


def test_a_headline_whose_clause_goes_on_after_its_date_is_not_cut_there() -> None:
    heading = "В Риге 12 мая состоится семинар с руководителями портовых служб"
    sentence = (
        "Во вторник в Риге пройдет методический семинар с руководителями портовых служб "
        "Балтийского региона."
    )
    assert choose_title(heading, [sentence]) == (
        "Методический семинар с руководителями портовых служб Балтийского региона"
    )


def test_a_communiques_heading_names_the_meeting_it_is_about() -> None:
    heading = "КОММЮНИКЕ V СОВЕЩАНИЯ РУКОВОДИТЕЛЕЙ ПОРТОВЫХ СЛУЖБ"
    sentence = "12 мая 2031 г. в Риге состоялось V Совещание руководителей портовых служб."
    assert choose_title(heading, [heading, sentence]) == (
        "V СОВЕЩАНИЯ РУКОВОДИТЕЛЕЙ ПОРТОВЫХ СЛУЖБ"
    )


def test_a_quoted_statement_before_a_headlines_colon_is_not_the_events_name() -> None:
    heading = "“Los puertos son la primera frontera”: Conferencia de Seguridad Portuaria"
    sentence = (
        "Expertos de doce países asistieron a la II Conferencia Regional de Seguridad Portuaria, "
        "celebrada en Valparaíso."
    )
    assert choose_title(heading, [heading, sentence]) == (
        "II Conferencia Regional de Seguridad Portuaria"
    )
    # A quoted name before the colon is kept: it is the event's own.
    assert "Foro" in (choose_title("“Foro Puertos Seguros”: balance del año", [sentence]) or "")


def test_heading_quoting_a_main_title_gives_way_to_the_text_quoting_it_with_its_subtitle() -> None:
    heading = "Students take part in the round table “Cities against Hate”"
    sentences = [
        "The round table is entitled “Cities against Hate: local answers to extremism”.",
        "It gathered 40 students in Lyon on 12 March.",
    ]
    assert choose_title(heading, sentences) == "Cities against Hate: local answers to extremism"


def test_heading_quoting_a_title_keeps_it_when_the_text_adds_no_subtitle() -> None:
    heading = "Students take part in the round table “Cities against Hate”"
    sentences = ["The round table “Cities against Hate speech online” gathered 40 students."]
    assert choose_title(heading, sentences) == "Cities against Hate"


def test_a_description_calling_its_event_by_an_acronym_gives_way_to_the_name_defining_it() -> None:
    heading = "Gulf states stay away"
    sentences = [
        "Ten states will not attend the Safe Harbours For Sailors (SHFS) Ministerial Conference "
        "next week.",
        "The second conference of the SHFS, on 4-5 May, will be hosted by the Port Authority.",
    ]
    assert choose_title(heading, sentences) == (
        "Safe Harbours For Sailors (SHFS) Ministerial Conference"
    )


def test_heading_naming_its_holders_by_a_joined_pair_is_not_spelt_out_by_a_plain_description() -> (
    None
):
    heading = "Chile-EU port security dialogue"
    sentences = [
        "Officials will meet in Valparaíso next week.",
        "The ministry confirmed the dates on Friday.",
        "They will hold a broad dialogue on port security and draw up plans for joint patrols.",
    ]
    assert choose_title(heading, sentences) == "Chile-EU port security dialogue"


def test_heading_with_its_holders_pair_gives_way_to_a_name_repeating_it() -> None:
    heading = "Chile-EU port security dialogue"
    sentences = [
        "Officials will meet in Valparaíso next week.",
        "The ministry confirmed the dates on Friday.",
        "The Chile-EU dialogue on port security and joint patrols opens on Monday.",
    ]
    assert (
        choose_title(heading, sentences) == "Chile-EU dialogue on port security and joint patrols"
    )


def test_title_does_not_end_with_a_preposition_of_time_cut_from_its_clause() -> None:
    assert without_dangling_word("Primer encuentro de los Estados Parte desde") == (
        "Primer encuentro de los Estados Parte"
    )
    assert without_dangling_word("Troisième réunion du groupe de travail depuis") == (
        "Troisième réunion du groupe de travail"
    )
