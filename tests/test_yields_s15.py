"""Material concessions, access, civilians withdrawn and custody (session 15). Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from event_helpers import events_of, main_of


def _of_type(text: str, event_type: str, mode: str | None = None) -> Event:
    found = [e for e in events_of(text) if e.event_type == event_type and (mode is None or e.mode == mode)]
    assert found, f"no {event_type} in {text!r}: {[(e.event_type, e.mode) for e in events_of(text)]}"
    return found[0]


def _types(text: str) -> set[str]:
    return {e.event_type for e in events_of(text)}


# --- civilians a party sent, pulled out: SANCTION withdraw; declared for the future, a threat


def test_withdrawn_inspectors_and_aid_workers_are_a_sanction() -> None:
    ev = main_of("Germany withdrew its police experts from Afghanistan last year.")
    assert (ev.event_type, ev.mode) == ("SANCTION", "withdraw")
    assert {a.country for a in ev.actors} == {"DEU"} and {r.country for r in ev.recipients} == {"AFG"}
    ev = main_of("Japan pulled out its election monitors from Haiti on Friday.")
    assert (ev.event_type, ev.mode) == ("SANCTION", "withdraw")
    ev = main_of("Sweden withdrew the last of its volunteers from Liberia as fighting spread.")
    assert ev.event_type == "SANCTION"


def test_inspectors_to_be_withdrawn_is_a_threat_not_a_retreat() -> None:
    ev = main_of("The IAEA said on Friday that it would withdraw its nuclear inspectors from Syria.")
    assert ev.event_type == "THREATEN"
    assert "CONCEDE" not in _types("Canada will withdraw its aid workers from Haiti unless the gangs disarm.")


def test_troops_withdrawn_stay_a_retreat() -> None:
    ev = main_of("Uganda withdrew its troops from the Congolese border town.")
    assert (ev.event_type, ev.mode) == ("RETREAT", "withdraw")


# --- a bridge or airspace opened: access (RETREAT 0863)


def test_opening_a_bridge_or_airspace_lets_others_in() -> None:
    ev = main_of("Armenia reopened the bridge across the river to Georgian trucks.")
    assert (ev.event_type, ev.mode) == ("RETREAT", "access")
    ev = main_of("Jordan opened its airspace to relief flights bound for Iraq.")
    assert (ev.event_type, ev.mode) == ("RETREAT", "access") and {a.country for a in ev.actors} == {"JOR"}
    ev = main_of("Turkey opened the bridge to let food convoys reach northern Syria.")
    assert ev.event_type == "RETREAT" and {a.country for a in ev.actors} == {"TUR"}


# --- freedoms widened or restored: CONCEDE 0811; steps taken to an act are the act


def test_widening_or_restoring_freedoms_is_a_concession() -> None:
    ev = main_of("The Bolivian president restored press freedom on Monday.")
    assert (ev.event_type, ev.cameo) == ("CONCEDE", "0811")
    ev = main_of("Kazakhstan's parliament broadened civil liberties in a new law.")
    assert ev.event_type == "CONCEDE" and {a.country for a in ev.actors} == {"KAZ"}


def test_steps_taken_to_an_act_are_the_act_by_their_taker() -> None:
    ev = main_of("The Egyptian government took steps to expand political freedoms.")
    assert ev.event_type == "CONCEDE" and {a.country for a in ev.actors} == {"EGY"}
    ev = main_of("Vietnam's leaders have taken several cautious steps to broaden press freedom.")
    assert ev.event_type == "CONCEDE" and {a.country for a in ev.actors} == {"VNM"}
    ev = main_of("The Turkish army took measures to seal the border with Syria.")
    assert ev.event_type == "COERCE" and {a.country for a in ev.actors} == {"TUR"}


def test_steps_not_taken_or_only_urged_are_no_act() -> None:
    assert "CONCEDE" not in _types("Cuba took no steps to widen civil liberties.")
    assert "CONCEDE" not in _types("Iran urged Iraq to take steps to expand political freedoms.")
    assert "CONCEDE" not in _types("The Egyptian government made efforts to expand political freedoms.")


# --- custody as a state; violence in custody is the custodian's


def test_being_in_custody_is_no_arrest() -> None:
    assert "COERCE" not in _types("The Saudi dissident died in detention last year.")
    assert "COERCE" not in _types("Two suspects remain in Nigerian police custody.")


def test_entering_custody_is_still_an_arrest() -> None:
    ev = main_of("Police in Uganda took two Kenyan traders into custody.")
    assert (ev.event_type, ev.mode) == ("COERCE", "arrest")
    ev = main_of("A Bahraini court remanded the activist in custody.")
    assert (ev.event_type, ev.mode) == ("COERCE", "arrest")


def test_torture_in_custody_is_the_custodians_assault() -> None:
    ev = main_of("A Syrian detainee died of torture in Turkish police custody.")
    assert (ev.event_type, ev.mode) == ("ASSAULT", "torture")
    assert {a.country for a in ev.actors} == {"TUR"} and {r.country for r in ev.recipients} == {"SYR"}
    ev = main_of("An Iranian journalist died of torture in the custody of the Revolutionary Guards.")
    assert ev.event_type == "ASSAULT" and ev.actors[0].text == "Revolutionary Guards"
    ev = main_of("Rights groups said an Egyptian blogger was tortured to death in Egyptian military custody.")
    assert (ev.event_type, ev.mode) == ("ASSAULT", "torture") and "COERCE" not in _types(
        "Rights groups said an Egyptian blogger was tortured to death in Egyptian military custody.")


# --- a rally or march allowed: CONCEDE (ease political dissent), the permitted infinitive's object read


def test_allowing_a_rally_is_a_concession_on_dissent() -> None:
    ev = main_of("Belarus permitted opposition leaders to stage a march in Minsk.")
    assert (ev.event_type, ev.cameo) == ("CONCEDE", "082") and {a.country for a in ev.actors} == {"BLR"}
    ev = main_of("Kenyan police allowed opposition leader Raila Odinga to hold a rally in Kisumu.")
    assert (ev.event_type, ev.cameo) == ("CONCEDE", "082") and {a.country for a in ev.actors} == {"KEN"}
    ev = main_of("Bangladesh allowed the opposition party to take out a procession in Dhaka.")
    assert (ev.event_type, ev.cameo) == ("CONCEDE", "082")


def test_refusing_to_allow_a_rally_is_no_concession() -> None:
    assert "CONCEDE" not in _types("Russia refused to allow the opposition to hold a rally in Moscow.")


# --- compensation for property taken or lost gives back its value: RETREAT 0842; other compensation stays aid


def test_compensation_for_property_is_a_return_of_property() -> None:
    ev = main_of("Kenya paid compensation to 60 Somali families for land seized by the army in 1990.")
    assert (ev.event_type, ev.cameo) == ("RETREAT", "0842")
    assert {a.country for a in ev.actors} == {"KEN"} and {r.country for r in ev.recipients} == {"SOM"}
    ev = main_of("Peru compensated Bolivian farmers for the homes they lost in the border dispute.")
    assert (ev.event_type, ev.cameo) == ("RETREAT", "0842")
    ev = main_of("Chile compensated the families of 30 Peruvian fishermen for the loss of their boats.")
    assert ev.event_type == "RETREAT"


def test_the_old_act_in_the_for_clause_does_not_outrank_the_payment() -> None:
    ev = main_of("Ghana said it had paid compensation to 40 Togolese traders for goods they lost when the army "
                 "expelled them 20 years ago.")
    assert ev.event_type == "RETREAT" and {a.country for a in ev.actors} == {"GHA"}


def test_compensation_for_harm_to_people_stays_aid() -> None:
    ev = main_of("Norway compensated Swedish fishermen for the deaths of two crew members.")
    assert ev.event_type == "AID"
    ev = main_of("Japan paid compensation to South Korean victims of forced labour.")
    assert ev.event_type == "AID" and {a.country for a in ev.actors} == {"JPN"}


def test_a_civilian_mission_pulling_out_is_a_sanction() -> None:
    ev = main_of("A UN rights commission looking at the killings has withdrawn from Burundi.")
    assert (ev.event_type, ev.mode) == ("SANCTION", "withdraw") and {r.country for r in ev.recipients} == {"BDI"}
    ev = main_of("European Union election monitors pulled out of Zimbabwe on Sunday.")
    assert (ev.event_type, ev.mode) == ("SANCTION", "withdraw")
    ev = main_of("The Rwandan army pulled out of Congo.")
    assert (ev.event_type, ev.mode) == ("RETREAT", "withdraw")
