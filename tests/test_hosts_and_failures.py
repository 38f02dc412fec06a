"""Hosts and failed agreements: who a welcome is for, whose act an arrival of peacekeepers is, what a failed
agreement codes, and promises sworn. Sentences are our own."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract


def _events(text: str, published: str = "2023-03-01") -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(e.event_type, e.mode, [a.country or a.name for a in e.actors], [a.country or a.name for a in e.recipients])
            for e in extract(text, published=published).events]


def test_a_welcomed_leader_is_the_counterpart_not_the_city() -> None:
    events = _events("The French president welcomed the Kenyan president to Paris on Friday.")
    assert ("CONSULT", "visit", ["FRA"], ["KEN"]) in events


def test_a_welcomed_named_leader_is_coded_despite_the_classifier() -> None:
    events = _events("President Emmanuel Macron of France welcomed Kenyan President William Ruto to Paris on Friday.")
    consult = [e for e in events if e[0] == "CONSULT"]
    assert consult and consult[0][3] == ["KEN"]


def test_welcoming_a_decision_is_no_visit() -> None:
    assert all(e[0] != "CONSULT" for e in _events("The prime minister of Peru welcomed the court's decision."))


@pytest.mark.parametrize("text", [
    "Serbia failed to reach a border deal with Croatia.",
    "Serbia and Croatia failed to agree on the border on Sunday.",
])
def test_a_failed_agreement_is_a_rejection(text: str) -> None:
    types = [e[0] for e in _events(text)]
    assert types and types[0] == "REJECT"
    assert "SUPPORT" not in types and "AGREE" not in types


def test_a_failed_attack_is_no_event() -> None:
    assert _events("Serbia failed to attack Croatia.") == []


@pytest.mark.parametrize("text, sender, host", [
    ("The first batch of Nepali peacekeeping troops arrived in Mali on Tuesday.", "NPL", "MLI"),
    ("Kenyan peacekeepers arrived in Somalia on Monday.", "KEN", "SOM"),
])
def test_arriving_peacekeepers_are_let_in_by_their_host(text: str, sender: str, host: str) -> None:
    events = _events(text)
    assert ("RETREAT", "access", [host], [sender]) in events


def test_arriving_soldiers_behind_a_group_noun_are_deployed() -> None:
    events = _events("A contingent of French soldiers arrived in Chad.")
    assert events and events[0][:2] == ("MOBILIZE", "troops") and events[0][2] == ["FRA"]


def test_an_arriving_minister_still_visits() -> None:
    events = _events("The Kenyan foreign minister arrived in Ethiopia for talks.")
    assert events and events[0][:2] == ("CONSULT", "visit")


def test_a_sworn_attack_is_a_threat_not_an_attack() -> None:
    types = [e[0] for e in _events("The Syrian rebels swore to attack the capital.")]
    assert "THREATEN" in types and "ASSAULT" not in types


def test_a_swearing_in_is_no_promise() -> None:
    assert _events("The new president of Chile was sworn in on Monday.") == []


def _claims(text: str) -> list[tuple[list[str], list[str]]]:
    return [([a.country or a.name for a in e.actors], [r.country or r.name for r in e.recipients])
            for e in extract(text, published="2023-03-01").events if e.event_type == "ACCUSE"]


def test_a_state_reporting_another_partys_attack_accuses_it() -> None:
    text = "Kenya said al-Shabaab militants killed five soldiers near the border."
    assert _claims(text) == [(["KEN"], ["SOM"])]
    attack = [e for e in extract(text, published="2023-03-01").events if e.event_type == "ASSAULT"]
    assert attack and attack[0].modality.claimed  # the attack is still coded, as what Kenya claims


def test_a_state_attacked_by_someone_unnamed_accuses() -> None:
    # (session 16: fire with no agent is blamed on the place it came from)
    assert _claims("Israel said a rocket was fired at it from Lebanon on Tuesday.") == [(["ISR"], ["LBN"])]


@pytest.mark.parametrize("text", [
    "Kenya said its troops killed five militants near the border.",  # its own act
    "Norway said it had expelled three Iranian envoys.",  # its own act, and no violence
    "Rebels attacked the town of Goma, police said.",  # a source named after the news
    "Austria said last week it would back a draft text which seeks an arms embargo against Belarus.",
])
def test_no_accusation_without_another_partys_violence_told_as_fact(text: str) -> None:
    assert _claims(text) == []


@pytest.mark.parametrize("text, giver, receiver", [
    ("Nepal received a soft loan from India last month.", "IND", "NPL"),
    ("Ethiopian rebels received weapons from Eritrea, officials said.", "ERI", "ETH"),
])
def test_what_is_received_is_given_by_the_from_party(text: str, giver: str, receiver: str) -> None:
    aid = [e for e in _events(text) if e[0] == "AID"]
    assert aid and aid[0][2] == [giver] and aid[0][3] == [receiver]


def test_sending_a_team_within_days_is_no_deployment() -> None:
    text = "Interpol said it would send a team in two days to identify the victims of the crash."
    assert all(e[0] != "MOBILIZE" for e in _events(text))
    assert ("MOBILIZE", "troops", ["NGA"], ["NGA"]) in _events("Nigeria sent in the army to restore order in Jos.")


@pytest.mark.parametrize("text, country", [
    ("The Kenyan government lifted the curfew on Monday.", "KEN"),
    ("Bolivia's interim government said it was ready to impose martial law.", "BOL"),
])
def test_a_states_domestic_measure_falls_on_its_own_society(text: str, country: str) -> None:
    measures = [e for e in _events(text) if e[0] in ("CONCEDE", "THREATEN")]
    assert measures and measures[0][2] == [country] and measures[0][3] == [country]


def test_a_measure_against_a_named_party_keeps_that_party() -> None:
    events = _events("Kenyan police arrested ten Ugandan traders in Busia.")
    assert events and events[0][0] == "COERCE" and events[0][3] == ["UGA"]


def test_a_verb_the_tagger_read_as_a_noun_is_read_as_a_verb_with_its_subjects() -> None:
    """The tagger reads 'pledge' in an article-less headline as a noun with a subject; the verb's entry and
    subjects apply (built as the tagger parses it, so the test does not depend on the model's mood)."""
    from spacy.tokens import Doc

    from dateline import nlp
    from dateline.events.arguments import arguments
    from dateline.events.triggers import find_triggers

    vocab = nlp.load().vocab
    doc = Doc(vocab, words=["Belgium", "and", "Peru", "pledge", "to", "increase", "cooperation"],
              pos=["PROPN", "CCONJ", "PROPN", "NOUN", "PART", "VERB", "NOUN"],
              tags=["NNP", "CC", "NNP", "NN", "TO", "VB", "NN"],
              lemmas=["Belgium", "and", "Peru", "pledge", "to", "increase", "cooperation"],
              heads=[3, 0, 0, 3, 5, 3, 5], deps=["nsubj", "cc", "conj", "ROOT", "aux", "xcomp", "dobj"])
    (trig,) = [t for t in find_triggers(doc[:]) if t.token.i == 3]
    assert trig.kind == "verb"
    assert [t.text for t in arguments(trig, {"with"}).actors] == ["Belgium", "Peru"]


@pytest.mark.parametrize("text, expected", [
    ("Police in Nairobi appealed for help to identify the driver who killed six pedestrians.", "ACCUSE"),
    ("Detectives in Lima asked residents for help in solving the murder of a taxi driver.", "ACCUSE"),
    ("Kenyan police asked Interpol for help to find the suspect.", "REQUEST"),  # a named body is asked
    ("The Kenyan government appealed for international help after the floods.", "REQUEST"),  # not investigators
    ("Kenyan police appealed for calm after the riots.", "REQUEST"),  # not for help
])
def test_investigators_asking_the_public_for_help_are_investigating(text: str, expected: str) -> None:
    events = _events(text)
    assert events and events[0][0] == expected
    if expected == "ACCUSE":
        assert events[0][1] == "investigate"


@pytest.mark.parametrize("text, event_type, mode", [
    ("Djibouti deported a Kenyan rights activist last week.", "COERCE", "deport"),
    ("Djibouti expelled two Kenyan students last week.", "COERCE", "deport"),
    ("Ethiopia announced the expulsion of two American aid workers.", "COERCE", "deport"),
    ("Russia expelled two British diplomats.", "SANCTION", "expel"),
])
def test_expelling_individuals_is_deportation_and_diplomats_a_sanction(text: str, event_type: str, mode: str) -> None:
    events = _events(text)
    assert events and events[0][:2] == (event_type, mode)


def test_calling_someone_out_for_something_is_criticism_not_a_call_for_it() -> None:
    events = _events("The Kenyan opposition called out the government for its false claims.")
    assert [e[:2] for e in events] == [("ACCUSE", "disapprove")]
    assert _events("Kenya called for calm.")[0][0] == "REQUEST"
    assert _events("Kenya called in the army.")[0][:2] == ("MOBILIZE", "troops")


def test_a_promise_not_to_use_force_is_a_concession() -> None:
    assert [e[0] for e in _events("The mayor of Lima said his officers would not beat the marchers.")] == ["CONCEDE"]
    assert _events("The army did not attack the village.") == []


def test_a_title_case_headline_keeps_its_names_to_find_its_verb() -> None:
    doc = extract("The statement was issued on Monday in the capital.",
                  title="Peru Makes Concessions to Chile on Fishing Rights", published="2020-01-01")
    stated = [(e.event_type, [a.country for a in e.actors], [r.country for r in e.recipients])
              for e in doc.events if e.evidence.in_title]
    assert stated == [("CONCEDE", ["PER"], ["CHL"])]


@pytest.mark.parametrize("text, expected", [
    ("Bolivia's interim government said it was ready to impose martial law.", ["THREATEN"]),
    ("Turkey is ready to resume talks with Greece.", ["AGREE"]),
    ("Kenya is ready to help Somalia.", ["AGREE"]),  # no act of its own in the content: the readiness is coded
])
def test_readiness_for_an_act_is_coded_once_as_that_act_declared(text: str, expected: list[str]) -> None:
    assert [e[0] for e in _events(text)] == expected


def test_a_named_body_asked_is_the_recipient() -> None:
    assert _events("Ukraine asked NATO for weapons.")[0][3] == ["NATO"]
    assert _events("Kenyan police asked Interpol for help to find the suspect.")[0][3] == ["Interpol"]


def test_readiness_stays_when_its_act_is_not_coded() -> None:
    text = "Our government is ready to cooperate fully with you, the minister told his visitor."
    assert "AGREE" in [e[0] for e in _events(text)]
