"""Headlines (and sentences of the same shape) read right: joint exercises, signing, hedged or conditional
coercion, verbs the tagger misreads in headlines, and a few general trigger words. All text is our own."""

from __future__ import annotations

import pytest

from event_helpers import events_of


def headline(title: str) -> tuple[str, str | None] | None:
    from dateline import nlp
    from dateline.events import _headline_act, default_index

    return _headline_act(nlp.parse(title), default_index())


def headline_type(title: str) -> str | None:
    act = headline(title)
    return act[0] if act else None


@pytest.mark.parametrize("title", [
    "Peru and Chile Stage Joint Naval Drills Off Coast",
    "Ghana Frigate Holds Joint Training Exercises With Togo Navy",
    "Soldiers From Laos and Vietnam Held Joint Military Drills Near Border",
    "Kenyan and Tanzanian troops conduct joint live-fire exercises",
])
def test_joint_exercises_are_cooperation(title: str) -> None:
    # codebook: joint exercises are COOPERATE; one country's drills stay MOBILIZE
    assert headline_type(title) == "COOPERATE"


def test_one_countrys_drills_stay_mobilisation() -> None:
    assert headline_type("Iran Holds Naval Drills in the Gulf") == "MOBILIZE"


@pytest.mark.parametrize("title", [
    "Norway and Iceland Sign Fisheries Agreement",
    "Kenya and Uganda ratify treaty on border demarcation",
    "Fiji and Samoa sign historic maritime agreement",
])
def test_signing_or_ratifying_an_agreement_is_support(title: str) -> None:
    # the tagger reads 'sign'/'ratify' after a plural subject as a noun; the noun 'agreement' must not win
    assert headline_type(title) == "SUPPORT"


@pytest.mark.parametrize("title, mode", [
    ("Serbia Floats Prospect Of Sanctions On Neighbour", "relations"),
    ("Opposition Leader Raises Possibility of Curfew in Capital", None),
    ("Hungary Says It May Expel Foreign Observers", "expel"),
    ("Minister Says Georgia Could Cut Ties With Belarus", "relations"),
    ("Junta to Arrest Strikers if They Stay Off Work", "arrest"),
    ("Rebels Vow To Resume Shelling Unless Army Withdraws", "violence"),
    ("Mayor pledges a curfew if looting continues", None),
])
def test_hedged_promised_or_conditional_coercion_is_a_threat(title: str, mode: str | None) -> None:
    act = headline(title)
    assert act is not None and act[0] == "THREATEN"
    if mode is not None:
        assert act[1] == mode


def test_a_promise_to_give_something_up_stays_a_concession() -> None:
    # 'end the curfew': the curfew is what the promise gives up, not a threatened act
    assert headline_type("Governor Promises to End Curfew After Vote") == "CONCEDE"


@pytest.mark.parametrize("sentence, mode", [
    ("The Hungarian government suggested on Monday that it might expel the foreign observers.", "expel"),
    ("The rebels vowed on Sunday to resume shelling the port.", "violence"),
    ("Serbia's foreign minister raised the possibility of sanctions against Croatia.", None),
    ("Police in Harare will arrest the strikers if they do not return to work.", "arrest"),
])
def test_threats_in_body_sentences(sentence: str, mode: str | None) -> None:
    events = events_of(sentence)
    assert [e.event_type for e in events] == ["THREATEN"]
    if mode is not None:
        assert events[0].mode == mode


def test_a_third_partys_guess_is_no_threat() -> None:
    # 'analysts say the army could ...': nobody announced anything
    assert events_of("Analysts said the army could impose a curfew in the capital.") == []


@pytest.mark.parametrize("title, expected", [
    ("Students in Lima Decry Tuition Hike", "ACCUSE"),
    ("Ecuador Denounces Remarks By Colombia", "ACCUSE"),
    ("Morocco Commends Tunisia for Election Conduct", "SUPPORT"),
    ("Uruguay Approves of Paraguay's Stance", "SUPPORT"),
    ("Nepal and Bhutan Reject Calls for New Talks", "REJECT"),
])
def test_headline_verbs_the_tagger_misreads(title: str, expected: str) -> None:
    assert headline_type(title) == expected


@pytest.mark.parametrize("title", [
    "Protest March Target of Police Crackdown",  # 'target of' is a noun
    "Report on Prison Abuses Published",  # a noun after a preposition is no verb
])
def test_nouns_are_not_taken_for_headline_verbs(title: str) -> None:
    assert headline_type(title) not in ("ASSAULT", "REJECT")


@pytest.mark.parametrize("title, expected", [
    ("Chile and Peru Broaden Diplomatic Ties", "SUPPORT"),
    ("Brazil and Angola Express Deep Admiration for Each Other", "SUPPORT"),
    ("Mali and Niger Improve Diplomatic Cooperation", "SUPPORT"),
    ("Kenya Lawmakers Set Up Investigative Committee", "ACCUSE"),
    ("Reservists Called Into Service As Tensions Rise", "MOBILIZE"),
    ("Leaders of Benin and Togo Open Joint Railway Project", "COOPERATE"),
])
def test_general_trigger_words(title: str, expected: str) -> None:
    assert headline_type(title) == expected


def test_warned_of_reprisals_with_the_preposition_on_the_object() -> None:
    # the parser hangs 'of' on the warned party: 'warned Latvia of reprisals'
    assert headline("Lithuania Warns Latvia Of Reprisals") == ("THREATEN", "violence")
