"""Targets given by the maker of a proposal, the owner of a thing and the doer of what a protest is against
(session 14). Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from event_helpers import events_of, main_of


def _targets(ev: Event) -> set[str | None]:
    return {r.country for r in ev.recipients}


def _of_type(text: str, event_type: str, mode: str | None = None) -> Event:
    found = [e for e in events_of(text) if e.event_type == event_type and (mode is None or e.mode == mode)]
    assert found, f"no {event_type} in {text!r}"
    return found[0]


# --- the maker of a proposal answered: by the agent of a participle, or a party before '-backed'/'-sponsored'


def test_a_plan_put_forward_by_a_party_is_that_partys() -> None:
    ev = main_of("Hanoi rejected a plan put forward by Beijing to share the fishing grounds.")
    assert ev.event_type == "REJECT" and _targets(ev) == {"CHN"}
    ev = main_of("The separatists turned down a peace proposal drafted by Norway.")
    assert ev.event_type == "REJECT" and "NOR" in _targets(ev)


def test_a_sponsored_or_backed_proposal_is_its_patrons() -> None:
    ev = main_of("Bolivia rejected a Chilean-sponsored proposal on water rights.")
    assert ev.event_type == "REJECT" and _targets(ev) == {"CHL"}
    ev = main_of("Bolivia accepted the Brazilian-backed plan for the mine.")
    assert ev.event_type == "AGREE" and _targets(ev) == {"BRA"}


def test_a_backed_group_is_still_not_its_patrons() -> None:
    # the patron owns a move, not a group: 'Brazilian-backed militias' are not Brazilian
    ev = main_of("Brazilian-backed militias attacked the town.")
    assert all(a.country != "BRA" for a in ev.actors)


# --- '-led': the leader owns the thing, as a possessive would


def test_refusing_to_join_a_led_mission_is_aimed_at_its_leader() -> None:
    ev = main_of("Spain refused to contribute troops to the French-led mission in Mali.")
    assert ev.event_type == "REJECT" and "FRA" in _targets(ev)
    ev = main_of("Cameroon refused to send envoys to the Qatari-led summit on Chad.")
    assert ev.event_type == "REJECT" and "QAT" in _targets(ev)


# --- a protest addresses whoever did the act it is against


def test_a_strike_over_a_measure_signed_by_a_party_targets_that_party() -> None:
    ev = _of_type("Fishermen in Dakar went on strike over a fishing accord signed by the Mauritanian government.",
                  "PROTEST")
    assert _targets(ev) == {"MRT"}
    ev = main_of("Hundreds of students rallied on Friday against a tuition rise ordered by the Kenyan education ministry.")
    assert ev.event_type == "PROTEST" and _targets(ev) == {"KEN"}


def test_an_unflagged_body_a_protest_addresses_is_of_the_protests_state() -> None:
    # the doer named by a bare body noun takes the country the protest's authorities would have
    ev = main_of("Thousands protested in Delhi against a citizenship law passed by parliament.")
    assert ev.event_type == "PROTEST" and _targets(ev) == {"IND"}
    ev = main_of("Students rallied in Nairobi against fees imposed by the cabinet.")
    assert ev.event_type == "PROTEST" and _targets(ev) == {"KEN"}


def test_stones_thrown_during_protests_against_abuses_target_the_abuser() -> None:
    ev = _of_type("Villagers in Bihar threw stones during protests against the demolition of homes by Nepalese "
                  "border guards.", "PROTEST", "riot")
    assert _targets(ev) == {"NPL"}
    ev = _of_type("Youths in Peshawar hurled rocks during demonstrations against the jailing of an imam by the "
                  "Afghan authorities.", "PROTEST", "riot")
    assert _targets(ev) == {"AFG"}


# --- police and local administrations act at home: a refusal or warning naming no one falls on their society


def test_a_local_administrations_refusal_falls_on_its_own_society() -> None:
    ev = main_of("Kampala's district administration denied a permit for a new church in the district.")
    assert ev.event_type == "REJECT" and _targets(ev) == {"UGA"}
    ev = main_of("Punjab's provincial government denied permission for an opposition rally in Lahore.")
    assert ev.event_type == "REJECT" and _targets(ev) == {"PAK"}


def test_a_police_warning_naming_no_one_falls_on_its_own_society() -> None:
    ev = main_of("Chilean police said they would no longer tolerate road blockades by truckers.")
    assert ev.event_type == "THREATEN" and _targets(ev) == {"CHL"}
    ev = main_of("Nairobi's police chief warned that officers will no longer tolerate marches by the Umoja youth movement.")
    assert ev.event_type == "THREATEN" and _targets(ev) == {"KEN"}


def test_a_national_governments_refusal_naming_no_one_stays_without_target() -> None:
    # it may answer a foreign party: no home target is supposed
    assert not main_of("The Kenyan government rejected the report.").recipients


# --- an area after 'on' is where the thing acted on lies, not whose it is


def test_an_area_on_phrase_names_no_target() -> None:
    ev = main_of("Rebels attacked a village on the Ugandan border.")
    assert ev.event_type == "ASSAULT" and "UGA" not in _targets(ev)
    ev = main_of("Pirates hijacked a trawler on the Somali coast.")
    assert ev.event_type == "ASSAULT" and "SOM" not in _targets(ev)
    ev = main_of("Ethiopian troops captured part of a rebel base on the Kenyan border after three days of fighting.")
    assert ev.event_type == "COERCE" and "KEN" not in _targets(ev)
    # the area itself acted on still names its state
    assert _targets(main_of("Rebels shelled the Turkish border.")) == {"TUR"}


def test_only_an_authoring_participle_makes_its_agent_the_owner() -> None:
    # the party that boycotted a vote did not hold it
    assert "PER" not in _targets(main_of("Chile rejected the vote boycotted by Peru."))
    ev = main_of("Mexico rejected a draft resolution tabled by Canada.")
    assert ev.event_type == "REJECT" and _targets(ev) == {"CAN"}


# --- an invitation with no named maker is the host's


def test_an_invitation_to_visit_or_join_is_the_hosts() -> None:
    ev = main_of("The Kenyan president accepted an invitation to visit China next year.")
    assert ev.event_type == "AGREE" and _targets(ev) == {"CHN"}
    ev = main_of("The Ogaden rebels turned down an invitation to join talks hosted by Djibouti.")
    assert ev.event_type == "REJECT" and "DJI" in _targets(ev)
    # a named maker still comes first
    ev = main_of("Bolivia accepted an invitation from Brazil to attend the talks in Quito.")
    assert ev.event_type == "AGREE" and _targets(ev) == {"BRA"}


# --- the parties a thing is between or among


def test_mediation_ended_between_parties_is_aimed_at_each() -> None:
    ev = main_of("Ugandan officers ended their mediation between Kenya and Somalia.")
    assert ev.event_type == "SANCTION" and _targets(ev) == {"KEN", "SOM"}
    ev = main_of("Norway suspended its mediation among Colombia, Venezuela and Ecuador.")
    assert ev.event_type == "SANCTION" and _targets(ev) == {"COL", "VEN", "ECU"}
