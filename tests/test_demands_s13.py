"""Who a demand, a refusal or a complaint is aimed at: the subject of a demanded that-clause, the party a reminder
is issued to, the asker a refusal answers, the party measures are called for against, the subject of a clause a
protest reports. Sentences are our own."""

from __future__ import annotations

from event_helpers import events_of, main_of


def _targets(text: str, event_type: str) -> set[str | None]:
    ev = next(e for e in events_of(text) if e.event_type == event_type)
    return {r.country or r.kind for r in ev.recipients}


# --- a demand whose content is a that-clause: aimed at the clause's subject; the act asked for is no event


def test_a_demand_noun_with_a_that_clause_is_aimed_at_its_subject() -> None:
    for text, country in (
            ("The African Union reiterated its demand on Monday that Sudan open its border to aid convoys.", "SDN"),
            ("Teachers' unions in Accra insisted on their demands that Ghana's government raise public pay.", "GHA"),
            ("Canada repeated its call on Friday that Venezuela free the jailed opposition leaders.", "VEN")):
        ev = main_of(text)
        assert ev.event_type == "REQUEST", text
        assert country in {r.country for r in ev.recipients}, text


def test_the_act_a_that_clause_demands_is_not_coded_as_done() -> None:
    for text in ("The African Union reiterated its demand on Monday that Sudan open its border to aid convoys.",
                 "Brazil demanded that Paraguay expel the smugglers.",
                 "Canada repeated its call on Friday that Venezuela free the jailed opposition leaders."):
        assert [e.event_type for e in events_of(text)] == ["REQUEST"], text


def test_a_passive_demanded_clause_is_aimed_at_its_agent() -> None:
    ev = main_of("Kenya demanded that the detained fishermen be freed by Uganda.")
    assert ev.event_type == "REQUEST" and [r.country for r in ev.recipients] == ["UGA"]


def test_a_tensed_clause_after_a_demand_noun_tells_and_is_not_demanded() -> None:
    # 'have shelled', 'had arrested' tell what happened: the acts stay events of their own
    for text, act in (("The envoy delivered a reminder that rebel troops have already shelled the town twice.",
                       "ASSAULT"),
                      ("The envoy issued a reminder that rebels had arrested two aid workers.", "COERCE")):
        assert act in [e.event_type for e in events_of(text)], text


# --- a reminder issued to a party with a that-clause of obligation


def test_a_reminder_issued_to_a_party_is_a_demand_aimed_at_it() -> None:
    for text, country in (
            ("The Kenyan president gave a firm reminder to Somalia on Friday that it must respect the truce.", "SOM"),
            ("The Chilean foreign minister issued a sharp reminder to Bolivia that it must honour the water treaty.",
             "BOL")):
        ev = main_of(text)
        assert ev.event_type == "REQUEST" and [r.country for r in ev.recipients] == [country], text


# --- refusals aimed at their asker


def test_a_refusal_despite_pressure_is_aimed_at_who_pressed() -> None:
    assert _targets("The Georgian prime minister has declined to resign despite mounting pressure from the "
                    "European Union.", "REJECT") == {"igo"}
    assert _targets("The Bolivian president refused to step down despite calls from Brazil and Argentina.",
                    "REJECT") == {"BRA", "ARG"}
    assert _targets("Serbia refused to hand over the general despite repeated demands by the Netherlands.",
                    "REJECT") == {"NLD"}


def test_refusing_to_allow_a_party_to_act_is_aimed_at_that_party() -> None:
    assert _targets("The Ugandan cabinet refused to allow Kenyan inspectors to visit the dam.", "REJECT") == {"KEN"}
    assert _targets("Myanmar's junta refused to allow UN envoys to enter Rakhine state.", "REJECT") == {"igo"}


# --- calls for measures against a party


def test_a_call_for_measures_against_a_party_is_aimed_at_it() -> None:
    for text, country in (("Britain called for sanctions against Zimbabwe after the disputed vote.", "ZWE"),
                          ("The European Parliament called for an arms embargo on Myanmar.", "MMR"),
                          ("Germany appealed for tougher measures against Belarus.", "BLR")):
        assert country in _targets(text, "REQUEST"), text


# --- a protest verb reporting a clause is a complaint about the clause's subject


def test_a_protest_reporting_a_clause_is_a_complaint_aimed_at_its_subject() -> None:
    for text, country in (
            ("Police in Moldova are failing to protect minority voters, Amnesty International protested on Tuesday.",
             "MDA"),
            ("Hungarian officials are failing to protect Roma families, Human Rights Watch complained on Monday.",
             "HUN"),
            ("The Philippine embassy protested that Malaysian police had mistreated its citizens.", "MYS")):
        ev = next(e for e in events_of(text) if e.evidence.trigger in ("protested", "complained"))
        assert (ev.event_type, ev.mode) == ("ACCUSE", "disapprove"), text
        assert [r.country for r in ev.recipients] == [country], text


def test_crowds_that_protest_a_claim_still_protest() -> None:
    assert main_of("Thousands of students protested that tuition fees were too high.").event_type == "PROTEST"
    assert main_of("Teachers protested in front of parliament.").event_type == "PROTEST"


# --- an obligation laid on a named party in reported speech: must, should, has to, needs to


def test_a_party_said_to_be_obliged_is_asked() -> None:
    for text, country in (("Kenya said Somalia should withdraw its troops.", "SOM"),
                          ("Kenya said Somalia has to withdraw its troops.", "SOM"),
                          ("Tanzania's president said Kenya needs to reopen the border.", "KEN"),
                          ("Kenya said the detained fishermen must be freed by Uganda.", "UGA")):
        ev = main_of(text)
        assert ev.event_type == "REQUEST" and [r.country for r in ev.recipients] == [country], text


def test_an_obligation_laid_on_no_party_is_no_demand() -> None:
    assert "REQUEST" not in [e.event_type for e in events_of(
        "Ghana's finance minister said the budget deficit must shrink.")]
    assert "REQUEST" not in [e.event_type for e in events_of(
        "Many senators suggested that before the vote, Kenya might have to settle its dispute with Uganda.")]
    # the one who 'has to be given' time is not asked: whoever gives it is, and no one is named
    assert "REQUEST" not in [e.event_type for e in events_of(
        "The White House said the Kenyan president has to be given more time to negotiate a ceasefire.")]


# --- protection sought in a state is asked of that state


def test_asylum_sought_in_a_state_is_asked_of_it() -> None:
    for text, country in (("Two Belarusian pilots sought refuge in Lithuania.", "LTU"),
                          ("The Afghan general sought asylum in Tajikistan after the fall of Kabul.", "TJK"),
                          ("Several Venezuelan opposition leaders have sought refuge in the Spanish embassy.", "ESP")):
        ev = main_of(text)
        assert ev.event_type == "REQUEST" and [r.country for r in ev.recipients] == [country], text


def test_a_warning_or_ultimatum_with_a_clause_of_obligation_is_aimed_at_its_subject() -> None:
    for text, country in (
            ("Sudan's army gave an ultimatum that the rebels must leave El Fasher by Friday.", "SDN"),
            ("Serbia's president issued a stern warning that Kosovo must not deploy police in the north.", "XKX")):
        ev = main_of(text)
        assert ev.event_type == "THREATEN" and [r.country for r in ev.recipients] == [country], text


def test_an_act_named_as_the_demanded_clauses_subject_is_still_told() -> None:
    # 'that the cyberattacks continue': the attacks go on already; only their continuing is asked for
    text = "He ordered that the cyberattacks on Iranian servers continue."
    assert "COERCE" in [e.event_type for e in events_of(text)]


# --- a condemnation whose object is moved after its 'as' phrase


def test_a_condemned_act_moved_after_its_as_phrase_names_the_target() -> None:
    for text, country in (("China condemned as a provocation Japan's decision to buy the islands.", "JPN"),
                          ("Russia denounced as illegal Estonia's removal of the war memorial.", "EST"),
                          ("Iran condemned as unacceptable the British seizure of its tanker.", "GBR")):
        assert _targets(text, "ACCUSE") == {country}, text
