"""World news: questions put are no requests, a state's service officers are that state's, and a family-name-first
person named again by the family name alone is still that person. Sentences are our own."""

from __future__ import annotations

from dateline.pipeline import extract
from event_helpers import events_of


def _types(text: str) -> list[str]:
    return [e.event_type for e in events_of(text)]


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.name, a.country, a.sector) for a in extract(text, published="2023-05-05").actors if a.kind == "person"]


# --- asking a question is not asking for something


def test_a_quoted_question_after_asked_is_no_request() -> None:
    for text in ('Startled, Senator Amy Klobuchar asked, "Are you really going to jail the governor?"',
                 'The anchor Lester Holt then asked Senator Tim Scott, "Will the committee vote on Friday?"',
                 'Senator Amy Klobuchar asked once more, "but will the panel really jail her?"',
                 'Senator Ted Cruz spoke to reporters in Austin. "Do you recall when they said I would lose the '
                 'primary?" he asked.',
                 '"So the officials in Ottawa told you to stay away from the inspector?" asked Rep. Ana Ortiz, '
                 'an Ohio Democrat.'):
        assert "REQUEST" not in _types(text), text


def test_asked_someone_about_something_is_an_inquiry() -> None:
    for text in ("At one point Senator Mike Lee asked Senator Ron Wyden about a report on the missing files.",
                 "Kenya's foreign minister asked his Ugandan counterpart about the border incident."):
        assert "REQUEST" not in _types(text), text


def test_a_request_in_quotes_or_to_do_something_stays_a_request() -> None:
    for text in ('Senator Mike Lee asked, "Please release the files now."',
                 '"Release the prisoners now," asked Rep. Ana Ortiz, an Ohio Democrat.',
                 "Senator Mike Lee asked the Pentagon to release the files.",
                 "Kenya asked Japan for help with the drought."):
        assert "REQUEST" in _types(text), text


# --- a service noun between the country and the title


def test_a_country_before_a_service_and_title_codes_the_person() -> None:
    people = _people("Kenya police spokesman Charles Owino said the gunmen had fled. "
                     "Owino also accused the gunmen of kidnapping two teachers.")
    assert people == [("Charles Owino", "KEN", "COP"), ("Charles Owino", "KEN", "COP")]
    assert _people("Nigerian military spokesman John Enenche said soldiers killed 12 insurgents.") == [
        ("John Enenche", "NGA", "MIL")]
    ev = next(e for e in events_of("Egyptian military spokesman Tamer Rifai accused the militants of "
                                   "planting the bombs.") if e.event_type == "ACCUSE")
    assert [a.country for a in ev.actors] == ["EGY"]


def test_a_service_title_without_a_country_stays_uncoded() -> None:
    assert _people("Police spokesman Tom Hart said the road was closed.") == [("Tom Hart", None, None)]


# --- a family name standing alone


def test_a_family_name_first_person_named_again_by_the_family_name() -> None:
    ev = next(e for e in events_of("President Joe Biden will see Pyongyang's ruler Kim Jong Un in Hanoi. "
                                   "Kim freed two South Korean fishermen last week.") if e.evidence.trigger == "freed")
    assert [a.country for a in ev.actors] == ["PRK"]
    ev = next(e for e in events_of("Chinese Foreign Ministry spokeswoman Hua Chunying spoke in Beijing. "
                                   "Hua also accused Canada of meddling.") if e.event_type == "ACCUSE")
    assert [a.country for a in ev.actors] == ["CHN"]


def test_a_lone_first_name_of_a_given_name_first_person_is_not_that_person() -> None:
    ev = next(e for e in events_of("British ambassador Kim Darroch met Chinese officials on Monday. "
                                   "Kim accused Beijing of stalling.") if e.event_type == "ACCUSE")
    assert [a.country for a in ev.actors] == [None]


# --- a short form of a KB person's given name


def test_a_short_given_name_of_an_official_in_office_is_that_official() -> None:
    people = extract("Treasury Secretary Steve Mnuchin met Chinese negotiators in Beijing.", published="2019-05-01").actors
    assert [(a.name, a.country) for a in people if a.kind == "person"] == [("Steven Mnuchin", "USA")]


def test_a_short_given_name_out_of_office_or_of_someone_else_stays_unknown() -> None:
    for text, date in (("Steve Mnuchin met Chinese negotiators in Beijing.", "2012-05-01"),
                       ("Steve Martin met Chinese negotiators in Beijing.", "2019-05-01")):
        people = [a for a in extract(text, published=date).actors if a.kind == "person"]
        assert [a.country for a in people] == [None], text


# --- a plea in court


def test_a_plea_to_a_charge_is_no_request() -> None:
    for text in ("Former Kenyan minister Ali Hassan has pleaded not guilty to the charges.",
                 "Former Brazilian governor Sergio Cabral has pleaded innocent to the bribery counts."):
        assert "REQUEST" not in _types(text), text


def test_pleading_with_or_for_a_party_stays_a_request() -> None:
    assert "REQUEST" in _types("Kenya pleaded with Uganda to reopen the border.")
    assert "REQUEST" in _types("Brazil pleaded for calm after the riots.")


# --- an instrument signed alone


def test_signing_an_order_bill_or_decree_is_no_agreement() -> None:
    for text in ("President Lula will sign an executive order on Monday giving his ministers new powers.",
                 "Kenyan President William Ruto signed the finance bill into law on Monday.",
                 "The signing of the decree by Mexican President Andres Manuel Lopez Obrador came on Friday."):
        assert not {"SUPPORT", "AGREE"} & set(_types(text)), text


def test_signing_a_deal_or_accord_with_a_party_stays_an_agreement() -> None:
    assert "SUPPORT" in _types("Kenya and Uganda signed a trade deal on Monday.")
    assert "SUPPORT" in _types("President Ruto signed the accord with Ethiopia.")
    assert "SUPPORT" in _types("Kenya and Uganda signed on Monday.")


# --- a city named before an attack is where it happened


def test_a_capital_compounded_before_an_attack_is_no_state_doer() -> None:
    for text in ("Survivors of the 2015 Paris attacks testified in court on Monday.",
                 "A Lima court heard survivors of the 1992 Lima car bombing.",
                 "Relatives of victims of the Nairobi mall attack met the president."):
        for ev in events_of(text):
            if ev.event_type == "ASSAULT":
                assert all(a.kind != "state" for a in ev.actors), text


def test_a_possessive_capital_or_a_country_before_an_attack_still_does_it() -> None:
    ev = next(e for e in events_of("Moscow's strikes on Kharkiv killed five.") if e.event_type == "ASSAULT")
    assert [a.country for a in ev.actors] == ["RUS"]
    ev = next(e for e in events_of("US strikes on Syria killed five.") if e.event_type == "ASSAULT")
    assert [a.country for a in ev.actors] == ["USA"]
