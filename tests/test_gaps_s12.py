"""Sentences that used to code no event at all: parser repairs, attempts, warnings, journeys to talks and a few
lexicon gaps. Sentences are our own."""

from __future__ import annotations

from event_helpers import events_of, main_of


def _types(text: str) -> list[str]:
    return [e.event_type for e in events_of(text)]


# --- an oath whose infinitive the parser hangs as an adverbial clause ('X have sworn to fight on ...')


def test_an_oath_to_fight_parsed_as_an_adverbial_clause_is_a_threat() -> None:
    for text in ("Kachin guerrillas in Myanmar have sworn to fight on until the army leaves their state.",
                 "Houthi fighters in Yemen have sworn to fight until the Saudi blockade ends."):
        ev = next(e for e in events_of(text) if e.evidence.trigger == "fight")
        assert (ev.event_type, ev.mode) == ("THREATEN", "violence"), text


def test_a_purpose_clause_after_a_journey_is_not_read_as_a_promise() -> None:
    # 'to meet' two words after its verb but after 'to Paris': a purpose, not a complement
    ev = main_of("Kenya's foreign minister travelled to Paris on Monday to meet President Macron.")
    assert ev.event_type == "CONSULT" and not ev.modality.future


# --- 'ruled' alone is a court's ruling, not 'ruled out'


def test_a_ruling_about_an_ongoing_act_does_not_negate_it() -> None:
    ev = main_of("A Kenyan court ruled that police are illegally detaining the activists.")
    assert (ev.event_type, ev.mode) == ("COERCE", "arrest")
    ev = main_of("Judges in Ankara ruled the army is holding the journalists illegally.")
    assert ev.event_type == "COERCE" and [a.country for a in ev.actors] == ["TUR"]


def test_ruling_out_an_act_still_refuses_it() -> None:
    assert main_of("Nigeria ruled out sending troops to Mali.").event_type == "REJECT"
    assert "MOBILIZE" not in _types("Nigeria ruled out sending troops to Mali.")


# --- an attempted attack told as made is the attack (CAMEO 185)


def test_a_foiled_attempt_on_a_life_is_an_assault() -> None:
    for text in ("Mexican police said they had foiled an attempt on Sunday to kill the mayor of Tijuana.",
                 "Colombian police foiled an attempt to assassinate a senator in Cali.",
                 "The Kenyan MP survived a bid to kill him near Mombasa."):
        ev = main_of(text)
        assert ev.event_type == "ASSAULT" and not ev.modality.hypothetical, text


def test_an_attempt_planned_or_not_made_is_no_assault() -> None:
    assert "ASSAULT" not in _types("Rebels plan an attempt to kill the governor of Kano.")
    assert "ASSAULT" not in _types("Rebels made no attempt to attack the Malian army base.")
    assert "ASSAULT" not in _types("An FBI informant stopped a planned attempt to bomb a Kansas apartment complex.")


def test_other_acts_attempted_stay_intentions() -> None:
    assert "AGREE" not in _types("An attempt to reach a deal between Ghana and Togo failed.")


# --- 'will no longer tolerate X': a warning (THREATEN), with the tolerated act its content


def test_a_declared_intolerance_is_a_threat() -> None:
    for text, actor in (("Peru's interior minister said officers will no longer tolerate road blockades by miners "
                         "in Puno.", "PER"),
                        ("The Egyptian government said it will not tolerate any attacks on its embassy.", "EGY"),
                        ("Turkey will never tolerate a terror corridor on its southern border, Erdogan said.", "TUR")):
        ev = main_of(text)
        assert ev.event_type == "THREATEN" and ev.actors[0].country == actor, text


def test_the_act_not_tolerated_is_not_an_event_of_its_own() -> None:
    types = _types("The Thai army said it would not tolerate further protests by students in Bangkok.")
    assert types == ["THREATEN"]


def test_an_example_given_of_what_is_not_tolerated_still_happened() -> None:
    types = _types("The Palestinian leader said he will not tolerate attacks such as Friday's suicide bombing in "
                   "Tel Aviv.")
    assert "THREATEN" in types and "ASSAULT" in types


def test_intolerance_told_of_the_past_is_no_warning() -> None:
    assert "THREATEN" not in _types("The Kenyan government did not tolerate protests by students in the 1990s.")


# --- a conclusion is a statement: 'concluded that X must', 'concluded that X was behind'


def test_a_conclusion_that_another_party_must_act_is_a_demand() -> None:
    ev = main_of("A panel of African Union envoys concluded that Sudan must let aid workers into Darfur.")
    assert ev.event_type == "REQUEST" and [r.country for r in ev.recipients] == ["SDN"]


def test_a_conclusion_that_a_party_was_responsible_is_an_accusation() -> None:
    ev = main_of("A UN panel concluded that Rwandan troops were responsible for the massacre.")
    assert ev.event_type == "ACCUSE" and [r.country for r in ev.recipients] == ["RWA"]


# --- travelling somewhere 'for talks': the travellers hold them


def test_travellers_returning_for_talks_hold_them() -> None:
    ev = main_of("Indian and Pakistani diplomats went back to Vienna on Monday for talks on the water treaty.")
    assert ev.event_type == "CONSULT"
    assert {a.country for a in ev.actors + ev.recipients} == {"IND", "PAK"}
    ev = main_of("Thousands of Kenyans went to Nairobi for a rally against the new tax.")
    assert ev.event_type == "PROTEST" and [a.country for a in ev.actors] == ["KEN"]


def test_a_visit_verb_keeps_its_own_reading() -> None:
    ev = main_of("The Iranian foreign minister flew to Moscow for talks with Russian officials.")
    assert (ev.event_type, ev.mode) == ("CONSULT", "visit")


# --- lexicon: receiving monitors, sending inspectors, letting deliveries through, blocking transport


def test_receiving_observers_lets_them_in() -> None:
    for text in ("Kazakhstan's president received a team of election monitors sent by the African Union.",
                 "Myanmar's junta received UN human rights monitors in Naypyidaw for the first time."):
        ev = main_of(text)
        assert (ev.event_type, ev.mode) == ("RETREAT", "access"), text


def test_receiving_a_minister_is_still_a_visit() -> None:
    ev = main_of("Kazakhstan's president received the Turkish foreign minister in Astana on Monday.")
    assert ev.event_type == "CONSULT"


def test_sending_inspectors_opens_an_inquiry() -> None:
    for text in ("The United Nations sent inspectors to Libya to examine the chemical weapons depot.",
                 "The European Commission has dispatched investigators to Malta to look into the fraud."):
        ev = main_of(text)
        assert (ev.event_type, ev.mode) == ("ACCUSE", "investigate"), text


def test_letting_a_delivery_through_is_access() -> None:
    ev = main_of("Turkey agreed to permit the delivery of medicine to Armenia across its eastern frontier.")
    assert ev.event_type in ("RETREAT", "CONCEDE")
    ev = main_of("Chad allowed a shipment of food to cross into Sudan on Tuesday.")
    assert (ev.event_type, ev.mode) == ("RETREAT", "access")


def test_blocking_transport_is_an_obstruction() -> None:
    ev = main_of("Striking Ghanaian cocoa farmers blocked public transport on the Accra highway for six hours.")
    assert (ev.event_type, ev.mode) == ("PROTEST", "obstruct")


# --- 'X is committed to ...': a state of commitment, not a passive with an unnamed agent


def test_a_party_committed_to_an_act_is_its_actor() -> None:
    ev = main_of("The Turkish government is committed to talks with the Kurdish rebels.")
    assert ev.event_type == "AGREE" and [a.country for a in ev.actors] == ["TUR"]
    ev = main_of("Ghana is committed to reopening its border with Togo, the foreign minister said.")
    assert ev.event_type == "CONCEDE" and [a.country for a in ev.actors] == ["GHA"]


# --- 'staged two weeks of drills': the stretch an act is counted in stands for it as the verb's object


def test_an_act_counted_in_days_or_rounds_has_the_verbs_subject_as_actor() -> None:
    ev = main_of("Iran staged three days of military exercises near the Strait of Hormuz.")
    assert ev.event_type == "MOBILIZE" and [a.country for a in ev.actors] == ["IRN"]
    ev = main_of("Indian and Chinese navies staged two weeks of naval drills in the Bay of Bengal.")
    assert {a.country for a in ev.actors + ev.recipients} == {"IND", "CHN"}


def test_a_misread_lemma_of_a_light_verb_still_carries_the_act() -> None:
    # the tagger lemmatises 'staged' as 'stag'
    ev = main_of("Pakistan staged military exercises along the Indian border on Thursday.")
    assert ev.event_type == "MOBILIZE" and [a.country for a in ev.actors] == ["PAK"]


# --- hyphenated lexicon phrases ('sit - in') reach the coder: the prefilter needs no bare hyphen word


def test_a_hyphenated_phrase_alone_in_its_sentence_is_read() -> None:
    ev = main_of("Nurses in Lagos began a sit-in outside the health ministry on Monday.")
    assert (ev.event_type, ev.mode) == ("PROTEST", "obstruct")
    ev = main_of("Two gunmen died in a shoot-out with Kenyan police in Mombasa.")
    assert (ev.event_type, ev.mode) == ("ASSAULT", "firearms")


# --- an exercise held by two states' forces is a joint one (COOPERATE 062), as 'joint exercise' is


def test_war_games_by_two_flags_are_military_cooperation() -> None:
    ev = main_of("Indian and Chinese navies staged two weeks of naval drills in the Bay of Bengal.")
    assert (ev.event_type, ev.cameo) == ("COOPERATE", "062")
    assert {a.country for a in ev.actors + ev.recipients} == {"IND", "CHN"}
    ev = main_of("Russia and Belarus held military exercises near the Polish border.")
    assert ev.event_type == "COOPERATE"


def test_one_states_exercise_is_still_a_show_of_force() -> None:
    assert main_of("Russian troops held drills in Crimea, Ukraine said.").event_type == "MOBILIZE"


# --- a name the KB does not know, as the doer of a coded act, is a party (uncoded), not a reason to drop the act


def test_an_unlisted_body_that_acts_is_kept_as_the_actor() -> None:
    ev = main_of("The Bulawayo Vendors Collective demanded that Zimbabwean police return the seized goods.")
    assert ev.event_type == "REQUEST" and "Vendors Collective" in ev.actors[0].text
    ev = main_of("The Bulawayo Vendors Collective accused Zimbabwean police of seizing their goods.")
    assert ev.event_type == "ACCUSE" and [r.country for r in ev.recipients] == ["ZWE"]
    ev = main_of("The talks were boycotted by the Sauti Youth Forum, Kenyan media said.")
    assert ev.event_type == "REJECT" and "Sauti Youth Forum" in ev.actors[0].text


def test_members_of_an_unlisted_body_act_for_it() -> None:
    ev = main_of("Members of the Coalition of Sahel Lawyers investigated the deaths of 30 prisoners in Mali.")
    assert (ev.event_type, ev.mode) == ("ACCUSE", "investigate") and "Sahel Lawyers" in ev.actors[0].text


def test_members_of_an_unlisted_body_acted_on_are_placed_where_it_happens() -> None:
    ev = main_of("Kenyan police arrested 12 members of the Sauti Youth Forum in Mombasa.")
    assert [r.country for r in ev.recipients] == ["KEN"]


# --- a gerund under 'by/to/of' on a verb or adjective with no object is done by that verb's subject


def test_a_gerund_of_means_or_resort_is_done_by_the_clauses_subject() -> None:
    ev = main_of("Kenyan police responded by firing tear gas at the protesters in Nairobi.")
    assert ev.event_type == "ASSAULT" and ev.actors[0].text == "Kenyan police"
    ev = main_of("Angry Bolivian miners resorted to blocking roads near La Paz.")
    assert (ev.event_type, ev.mode) == ("PROTEST", "obstruct") and [a.country for a in ev.actors] == ["BOL"]


def test_those_guilty_of_an_act_did_it() -> None:
    ev = next(e for e in events_of("The Malian army and the Tuareg rebels are both guilty of breaking the truce, "
                                   "a UN report found.") if e.event_type == "ASSAULT")
    assert "MLI" in [a.country for a in ev.actors]


def test_an_object_controls_the_gerund_and_is_not_read_as_its_doer() -> None:
    ev = main_of("Ugandan police accused the opposition leader of inciting violence.")
    assert ev.event_type == "ACCUSE" and [a.country for a in ev.actors] == ["UGA"]


# --- 'used villagers as human shields': the subject holds them (CAMEO 184)


def test_those_who_use_people_as_human_shields_are_the_actor() -> None:
    ev = main_of("Syrian troops used villagers as human shields near Homs, a rights group said.")
    assert (ev.event_type, ev.cameo) == ("ASSAULT", "184")
    assert ev.actors[0].text == "Syrian troops" and [r.text for r in ev.recipients] == ["villagers"]
    ev = main_of("Islamist fighters in Mosul kept hundreds of Iraqi families as human shields.")
    assert ev.event_type == "ASSAULT" and "fighters" in ev.actors[0].text
