"""Where statements happen: a statement (accusing, asking, rejecting, threatening, backing, agreeing) is placed
where the text puts its speaker, else in the speaker's own country, never in the country it is about or addressed
to; an act told in reported speech is not placed where the speech was made; a protest is not placed in the state
it is against. Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from dateline.pipeline import extract


def _event(text: str, event_type: str, trigger: str) -> Event:
    return next(e for e in extract(text, published="2021-03-10").events
                if e.event_type == event_type and trigger in e.evidence.trigger)


def _country(e: Event) -> str | None:
    return e.location.country if e.location else None


# --- a statement is not placed in the country it is about or addressed to


def test_a_statement_is_placed_in_the_speakers_country_not_the_addressees() -> None:
    for text, event_type, trigger, want in (
            ("Chile called on Peru to withdraw its troops from the disputed strip.", "REQUEST", "called on", "CHL"),
            ("The Kenyan government urged Somalia to release the fishermen.", "REQUEST", "urged", "KEN"),
            ("Norway's foreign minister accused Sudan of bombing villages in Darfur.", "ACCUSE", "accused", "NOR"),
            ("Japan warned North Korea against another missile launch over the Sea of Japan.", "THREATEN",
             "warned", "JPN")):
        assert _country(_event(text, event_type, trigger)) == want, text


def test_a_place_the_text_puts_the_speaker_in_places_the_statement() -> None:
    for text, event_type, trigger, want in (
            ("Speaking in Geneva, the Kenyan foreign minister accused Somalia of holding the fishermen.", "ACCUSE",
             "accused", "CHE"),
            ("Brazil's foreign minister, on a visit to Lisbon, demanded that Venezuela free the activists.",
             "REQUEST", "demanded", "PRT"),
            ("Officials in Nairobi accused Uganda of aggression in the border region near Busia.", "ACCUSE",
             "accused", "KEN")):
        assert _country(_event(text, event_type, trigger)) == want, text


def test_a_place_in_what_is_said_does_not_place_the_statement() -> None:
    # the crisis and the aggression are what is spoken of: the speakers spoke at home
    text = "Moscow urged Georgia to open talks on ending the crisis in Abkhazia."
    assert _country(_event(text, "REQUEST", "urged")) == "RUS"
    text = "Ghana accused Togo of aggression in the border town of Aflao."
    assert _country(_event(text, "ACCUSE", "accused")) == "GHA"


# --- an act told in reported speech is not placed where the speech was made


def test_an_act_told_in_reported_speech_is_not_placed_where_the_speech_was_made() -> None:
    text = ("Fighting flared in northern Kenya this week. The Kenyan foreign minister told reporters in Geneva "
            "that Somali troops had shelled a border town.")
    assert _country(_event(text, "ASSAULT", "shelled")) != "CHE"
    text = ("Clashes went on in eastern Congo. Speaking in Brussels on Tuesday, the Belgian minister said rebels "
            "burned a village.")
    e = _event(text, "ASSAULT", "burned")
    assert _country(e) != "BEL"
    assert all(a.country != "BEL" for a in e.actors)


# --- a protest is not placed in the state it is against


def test_a_protest_is_not_placed_in_the_state_it_is_against() -> None:
    text = "Hundreds of students rallied in Jakarta on Friday, chanting slogans against Australia."
    for e in extract(text, published="2021-03-10").events:
        if e.event_type == "PROTEST":
            assert _country(e) == "IDN", e.evidence.trigger
            assert all(a.country != "AUS" for a in e.actors)
    text = "Thousands of farmers marched through Dhaka, chanting against India."
    for e in extract(text, published="2021-03-10").events:
        if e.event_type == "PROTEST":
            assert _country(e) == "BGD", e.evidence.trigger


# --- an act done to another state is not placed by the doer's own name


def test_an_act_done_to_another_state_is_not_placed_at_the_doers_name() -> None:
    for text, event_type, trigger, want in (
            ("Chad's invasion of Niger in 1983 ended the dispute.", "ASSAULT", "invasion", "NER"),
            ("Ethiopia has carried out airstrikes against Eritrea.", "ASSAULT", "airstrikes", "ERI"),
            ("Norway sent food aid to Sudan.", "AID", "aid", "SDN")):
        assert _country(_event(text, event_type, trigger)) == want, text
    # with no other state acted on, the doer may act at home, and the place it names is the only guess
    assert _country(_event("Belarus carried out two executions last year.", "ASSAULT", "executions")) == "BLR"
    assert _country(_event("Norway sent food aid.", "AID", "aid")) == "NOR"


# --- a person's whereabouts that day, told earlier in the story


def test_a_persons_statement_is_placed_where_the_story_put_them_that_day() -> None:
    text = ("The Canadian foreign minister arrived in Jakarta on Monday for a regional security meeting. She urged "
            "Myanmar to release the detained reporters.")
    assert _country(_event(text, "REQUEST", "urged")) == "IDN"
    text = ("President Macron met Asian leaders at a summit in Manila on Tuesday. Macron criticised China for its "
            "island building.")
    assert _country(_event(text, "ACCUSE", "criticised")) == "PHL"
    # a day apart, the person may have gone home
    text = ("President Macron met Asian leaders at a summit in Manila on Monday. On Wednesday Macron criticised "
            "China for its island building.")
    assert _country(_event(text, "ACCUSE", "criticised")) == "FRA"


# --- a body with no country of its own speaks where it sits


def test_a_body_with_no_country_speaks_where_it_sits() -> None:
    for text, event_type, trigger, want in (
            ("NATO accused Serbia of massing troops on the border.", "ACCUSE", "accused", "BEL"),
            ("The African Union called on Sudan's generals to hand power to civilians.", "REQUEST", "called on",
             "ETH"),
            # a place the text puts the speaker in still comes first
            ("Speaking in Bangkok, the UN envoy urged Myanmar to free the detained journalists.", "REQUEST", "urged",
             "THA")):
        assert _country(_event(text, event_type, trigger)) == want, text


def test_talks_declared_for_later_are_placed_where_the_speaker_is() -> None:
    # a meeting promised is words said at home; only a declared visit keeps its destination
    text = "The Thai prime minister said his government will hold talks with Cambodia."
    assert _country(_event(text, "AGREE", "talks")) == "THA"
