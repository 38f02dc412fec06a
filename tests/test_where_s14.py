"""Event places in real news: a country's name before a building or craft it owns ('the U.S. consulate'), a
place inside a relative clause on another noun, a party's seat 'based in' a city, a country acting in another
clause of the sentence, and a region no state holds. Sentences are our own."""

from __future__ import annotations

from dateline.models import Event
from dateline.pipeline import extract


def _event(text: str, event_type: str, trigger: str) -> Event:
    return next(e for e in extract(text, published="2021-03-10").events
                if e.event_type == event_type and trigger in e.evidence.trigger)


def _country(e: Event) -> str | None:
    return e.location.country if e.location else None


# --- a country named before a building or craft it owns says whose it is, not where the act was


def test_a_flag_on_an_owned_building_or_craft_is_no_place() -> None:
    for text, trigger, want in (
            ("Rebels held the north of Mali for months. A guard was killed when militants raided the U.S. "
             "consulate outside the desert town.", "killed", "MLI"),
            ("Fighting went on across Yemen. Two sailors were wounded when gunmen fired on a Britain tanker.",
             "fired on", "YEM")):
        assert _country(_event(text, "ASSAULT", trigger)) == want, text
    text = "A consul died when gunmen raided the U.S. consulate."
    assert all(_country(e) != "USA" for e in extract(text, published="2021-03-10").events)


# --- a place inside a relative clause on some other noun, or a party's seat 'based in' a city


def test_a_place_in_a_relative_clause_on_another_noun_is_not_the_act_place() -> None:
    # (with no other place, the story's country may still be guessed: but not as a place the sentence ties)
    text = "The regional council imposed sanctions on a firm that operates a freighter detained off Peru."
    loc = _event(text, "SANCTION", "sanctions").location
    assert loc is None or loc.precision == "country"
    text = "Officials in Chad said that rebels who had trained in Libya attacked a garrison near the border."
    assert _country(_event(text, "ASSAULT", "attacked")) != "LBY"


def test_a_seat_based_in_a_city_is_no_act_place() -> None:
    for text in ("The monitoring group, which is based in Britain, said jets bombed the town.",
                 "A watchdog based in Geneva reported that militia fighters burned a market.",
                 "An observatory headquartered in Paris said shells hit a school."):
        assert all(_country(e) not in ("GBR", "CHE", "FRA") for e in extract(text, published="2021-03-10").events
                   if e.event_type == "ASSAULT"), text


def test_a_site_described_by_its_own_relative_clause_still_places_the_act() -> None:
    text = "Soldiers stormed the embassy, which is located in Tehran."
    assert _country(_event(text, "PROTEST", "stormed")) == "IRN"


# --- a country doing another act of the sentence is a party, not the place of this one


def test_a_country_acting_in_another_clause_is_no_place() -> None:
    for text, event_type, trigger, bad in (
            ("Iran warned of a harsh response while Russia called the reports worrying.", "THREATEN", "warned",
             "RUS"),
            ("Turkey threatened retaliation, and Greece put its navy on alert.", "THREATEN", "threatened", "GRC")):
        assert _country(_event(text, event_type, trigger)) != bad, text


def test_a_country_doing_the_act_itself_stays_its_place() -> None:
    text = "Kenya has deployed troops along the coast."
    assert _country(_event(text, "MOBILIZE", "deployed")) == "KEN"
    # the subject of a verb above the act is the act's own doer too
    text = "Ghana has kept a firm line on Togo, putting pressure on its leaders."
    assert _country(_event(text, "REQUEST", "putting pressure")) == "GHA"


# --- a region no state holds yields to the story's country


def test_a_region_without_a_state_yields_to_the_story_country() -> None:
    for text, event_type, trigger, want in (
            ("Jordan's army went on alert. Airstrikes hit depots across the Middle East on Sunday.", "ASSAULT", "hit",
             "JOR"),
            ("The strike in Chad's capital was called off. Gunmen raided villages throughout the Sahel on Monday.",
             "COERCE", "raided", "TCD")):
        assert _country(_event(text, event_type, trigger)) == want, text


# --- a day after the story was filed does not date a past act


def test_a_date_after_publication_does_not_date_a_past_act() -> None:
    for text, event_type in (("Ghana demanded the withdrawal of Togolese troops by June 15.", "REQUEST"),
                             ("Kenya cancelled next month's summit with Uganda.", "REJECT")):
        e = next(e for e in extract(text, published="2015-06-01").events if e.event_type == event_type)
        assert e.date is not None and e.date.start <= "2015-06-01", text


def test_a_future_act_keeps_its_later_date() -> None:
    e = next(e for e in extract("Kenya will host the summit with Uganda on June 12.", published="2015-06-01").events
             if e.event_type == "AGREE")
    assert e.date is not None and e.date.start == "2015-06-12"
