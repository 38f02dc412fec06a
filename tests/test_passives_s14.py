"""Acts the coder used to miss entirely: a passive accusation whose 'by' party comes after other material, an
investigation a person is placed under, a complaint voiced after the clause it is about, pressure for a party to
act, and people sent to help. Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from event_helpers import events_of


def _one(text: str, event_type: str) -> Event:
    found = [e for e in events_of(text) if e.event_type == event_type]
    assert found, f"no {event_type} in {text!r}: {[e.event_type for e in events_of(text)]}"
    return found[0]


def _countries(parties: list) -> set[str | None]:  # type: ignore[type-arg]
    return {p.country for p in parties}


# --- a passive accusation whose 'by' phrase follows other material, set off by a comma


def test_a_detached_by_phrase_is_the_accuser() -> None:
    for text, accuser, accused in (
            ("The Chilean ambassador was accused of spying on exiles, including several students, by Bolivian "
             "intelligence officers.", "BOL", "CHL"),
            ("A senior Peruvian judge was accused of taking bribes from a mining firm, some paid in cash, by Peru's "
             "attorney general.", "PER", "PER"),
            ("The Latvian consul has been accused of selling visas, most of them to smugglers, by Estonian "
             "border guards.", "EST", "LVA")):
        ev = _one(text, "ACCUSE")
        assert _countries(ev.actors) == {accuser}, text
        assert accused in _countries(ev.recipients), text


def test_a_by_phrase_of_a_participle_without_a_comma_is_not_the_accuser() -> None:
    ev = _one("The Kenyan minister was accused of lying, a charge denied by his lawyers.", "REJECT")
    assert "lawyers" in ev.actors[0].text
    assert not any(any("lawyers" in a.text for a in e.actors) for e in events_of(
        "The Kenyan minister was accused of lying, a charge denied by his lawyers.") if e.event_type == "ACCUSE")


# --- placed or put under investigation: the state where it happens investigates, as for an arrest


def test_put_under_investigation_at_a_place_is_that_states_inquiry() -> None:
    for text, state, person in (
            ("Two Dutch activists were put under investigation in Egypt.", "EGY", "NLD"),
            ("A Canadian journalist has been placed under investigation in France for alleged spying.", "FRA", "CAN")):
        ev = _one(text, "ACCUSE")
        assert ev.mode == "investigate", text
        assert _countries(ev.actors) == {state} and _countries(ev.recipients) == {person}, text


def test_police_putting_someone_under_investigation_investigate() -> None:
    ev = _one("Police put the mayor of Quito under investigation.", "ACCUSE")
    assert ev.mode == "investigate" and _countries(ev.actors) == {"ECU"}


# --- a complaint voiced after the clause it is about


def test_a_trailing_complaint_is_aimed_at_the_clauses_subject() -> None:
    for text, accused in (
            ("The Kenyan police are failing to protect journalists, a press freedom group complained on "
             "Tuesday.", "KEN"),
            ("Police in Uganda are failing to protect gay men, a rights organisation protested on Friday.", "UGA"),
            ("The Bolivian army is neglecting the miners in Potosi, a human rights group protested.", "BOL")):
        ev = _one(text, "ACCUSE")
        assert ev.mode == "disapprove", text
        assert accused in _countries(ev.recipients), text


def test_a_singular_rights_group_is_a_party() -> None:
    ev = _one("A human rights group protested on Wednesday that Peruvian soldiers had beaten farmers.", "ACCUSE")
    assert ev.actors and ev.actors[0].sector == "NGO"


def test_a_relative_clause_with_its_pronoun_is_no_trailing_complaint() -> None:
    text = "The Kenyan police are failing to protect journalists who complained on Tuesday."
    assert not any("KEN" in _countries(e.recipients) for e in events_of(text) if e.event_type == "ACCUSE")


# --- pushing or pressing for a party to act


def test_pushing_for_a_party_to_act_asks_that_party() -> None:
    for text, asker, asked in (
            ("Germany is pushing hard for Serbia to recognise Kosovo.", "DEU", "SRB"),
            ("Washington pushed again for Pakistan to crack down on militants.", "USA", "PAK"),
            ("The EU pressed for Turkey to release the jailed journalists.", None, "TUR")):
        ev = _one(text, "REQUEST")
        if asker:
            assert _countries(ev.actors) == {asker}, text
        assert _countries(ev.recipients) == {asked}, text


# --- people sent to help


def test_a_team_sent_to_help_is_aid() -> None:
    ev = _one("Norway dispatched a team of engineers to help repair the dam in Laos.", "AID")
    assert _countries(ev.actors) == {"NOR"}
    for text in ("Interpol will send a team to help identify the dead.",
                 "Japan will send experts to help Chile assess the flood damage."):
        ev = _one(text, "AGREE")  # declared for later: intent to give aid (CAMEO 033)
        assert ev.cameo == "033", text


def test_a_team_sent_with_no_helping_purpose_is_no_aid() -> None:
    assert not [e for e in events_of("The club will send a team to the tournament.")
                if e.event_type in ("AID", "AGREE")]


# --- a civilian body pulling out of a place


def test_a_civilian_body_withdrawing_pulls_its_people_out() -> None:
    for text in ("A human rights group withdrew from Chad on Monday, citing threats to its staff.",
                 "Aid workers withdrew from the camp."):
        ev = _one(text, "SANCTION")
        assert ev.mode == "withdraw", text
    ev = _one("Ugandan troops withdrew from the town.", "RETREAT")  # forces still retreat
    assert ev.mode == "withdraw"


# --- a party named by a name on the word 'party', which the KB does not list


def test_a_named_party_the_kb_lacks_is_a_party_of_the_place() -> None:
    for text, country in (
            ("The Tawhid party said it will boycott Tunisia's elections unless the president steps down.", "TUN"),
            ("The small Mwangaza party will boycott the vote in Kenya unless the electoral board is replaced.", "KEN")):
        ev = _one(text, "THREATEN")  # a boycott held over a condition
        assert _countries(ev.actors) == {country}, text
        assert ev.actors[0].sector == "PTY", text


# --- an allegation about a named party, whatever its clause says


def test_an_allegation_accuses_the_party_its_clause_is_about() -> None:
    for text, accused in (("Kenya alleged that Somalia knew of the plans.", "SOM"),
                          ("The opposition alleged that the Zambian electoral commission had hidden ballots.", "ZMB")):
        ev = _one(text, "ACCUSE")
        assert _countries(ev.recipients) == {accused}, text
    ev = _one("Ghana alleged that it was a misunderstanding.", "ACCUSE")
    assert not ev.recipients  # 'it' names no party
