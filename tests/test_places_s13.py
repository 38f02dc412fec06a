"""Targets given by places, meetings, investigations and owners (session 13). Sentences are our own."""

from __future__ import annotations

from dateline import nlp
from dateline.models import Event
from event_helpers import main_of


def _targets(ev: Event) -> set[str | None]:
    return {r.country for r in ev.recipients}


# --- the seat or destination of the thing acted on names the state concerned


def test_an_embassy_opened_abroad_names_the_host_state() -> None:
    ev = main_of("Chile opened an embassy in Hanoi on Monday, the foreign ministry said.")
    assert (ev.event_type, ev.cameo) == ("SUPPORT", "054") and _targets(ev) == {"VNM"}
    ev = main_of("Peru opened a consulate in Casablanca last week.")
    assert ev.event_type == "SUPPORT" and _targets(ev) == {"MAR"}
    # with any other object a verb's place is a venue: 'in Paris' is where the accord was signed
    assert "FRA" not in _targets(main_of("Kenya and Uganda signed a trade accord in Paris."))


def test_inspectors_sent_to_a_site_name_the_state_it_lies_in() -> None:
    ev = main_of("The IAEA dispatched inspectors to the Arak heavy water plant in Iran.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"IRN"}
    ev = main_of("The OPCW sent inspectors to a chemical depot in northern Syria.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"SYR"}


def test_refuge_sought_abroad_names_the_host_state() -> None:
    ev = main_of("Eritrean opposition leaders sought asylum in Sweden.")
    assert ev.event_type == "REQUEST" and _targets(ev) == {"SWE"}
    ev = main_of("Several Burundian opposition politicians sought refuge in Rwanda last week.")
    assert ev.event_type == "REQUEST" and _targets(ev) == {"RWA"}


def test_aid_halted_in_a_foreign_city_names_that_state_but_not_at_home() -> None:
    ev = main_of("UNICEF officials suspended aid deliveries in Kabul after a convoy was attacked.")
    assert ev.event_type == "SANCTION" and _targets(ev) == {"AFG"}
    ev = main_of("Kenya suspended aid deliveries in Nairobi.")
    assert ev.event_type == "SANCTION" and not ev.recipients


# --- meetings and mediation between parties


def test_talks_hosted_between_two_parties_name_both() -> None:
    ev = main_of("Egypt hosted talks between Israel and Hamas on Sunday.")
    assert ev.event_type == "CONSULT" and _targets(ev) == {"ISR", "PSE"}
    ev = main_of("Ghana said it would host a meeting among Liberia, Guinea and Sierra Leone.")
    assert _targets(ev) == {"LBR", "GIN", "SLE"}


def test_an_offer_to_host_a_meeting_names_the_parties_it_would_bring_together() -> None:
    ev = main_of("Norway offered to host a meeting between the Sudanese army and the rebels of Darfur.")
    assert ev.event_type == "AGREE" and "SDN" in _targets(ev)


def test_undertaking_a_mediation_mission_is_mediation_not_a_promise() -> None:
    ev = main_of("The Qatari emir undertook a mediation mission between Sudan and Chad.")
    assert (ev.event_type, ev.cameo) == ("CONSULT", "045") and _targets(ev) == {"SDN", "TCD"}
    ev = main_of("An OAU envoy undertook a mediation effort between Ethiopia and Eritrea last month.")
    assert (ev.event_type, ev.cameo) == ("CONSULT", "045") and _targets(ev) == {"ETH", "ERI"}
    # undertaking to act is still a promise
    assert main_of("Kenya undertook to withdraw its troops from Somalia.").event_type in ("AGREE", "CONCEDE")


# --- investigations and accusations aimed at the accused, not the victims


def test_an_investigation_targets_whoever_is_suspected() -> None:
    ev = main_of("Ugandan prosecutors opened an inquiry into killings committed by Congolese soldiers against "
                 "Rwandan refugees.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"COD"}
    # a state investigating its own nationals: same country, still the target
    ev = main_of("Kenya is investigating alleged abuses by Kenyan soldiers against Somali traders.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"KEN"}


def test_a_condemned_act_targets_its_doer() -> None:
    ev = main_of("Amnesty condemned the killing of Nigerian students by Cameroonian gendarmes.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"CMR"}


def test_a_predicative_as_phrase_does_not_hide_the_owner_of_the_denounced_act() -> None:
    ev = main_of("Ghana on Monday denounced as a grave injustice Togo's treatment of Ghanaian fishermen.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"TGO"}
    ev = main_of("The Estonian government condemned as illegal Russia's seizure of two fishing boats.")
    assert ev.event_type == "ACCUSE" and _targets(ev) == {"RUS"}


def test_an_allegation_investigated_does_not_target_its_maker() -> None:
    # the claim's maker is not the suspect: the act is the claim's content
    from dateline.events.recipients import accused_act

    doc = nlp.load()("The panel opened an inquiry into an allegation by the union that managers stole funds.")
    verb = next(t for t in doc if t.lower_ == "opened")
    assert accused_act([verb]) == (None, [])


# --- help given through a purpose clause


def test_a_purpose_clause_names_the_party_helped() -> None:
    ev = main_of("Poland is ready to send equipment to help defend Lithuania.")
    assert ev.event_type == "AGREE" and _targets(ev) == {"LTU"}
    ev = main_of("Canada will provide helicopters to assist Mali in fighting the insurgents.")
    assert _targets(ev) == {"MLI"}
    ev = main_of("Turkey dispatched troops to help protect Azerbaijan.")
    assert _targets(ev) == {"AZE"}
    # a request's addressee stays its target: the party to be helped is not the one asked
    ev = main_of("Kenya urged Uganda to help protect Somalia.")
    assert ev.event_type == "REQUEST" and _targets(ev) == {"UGA"}


# --- officials named by the title of a place


def test_a_title_of_a_place_before_a_name_gives_the_person_its_state() -> None:
    ev = main_of("Gunmen killed the deputy mayor of Mombasa, Ali Hassan, on Tuesday.")
    assert _targets(ev) == {"KEN"}
    ev = main_of("Gunmen killed the deputy governor of the Kirov region, Ivan Petrov, on Tuesday.")
    assert _targets(ev) == {"RUS"}
