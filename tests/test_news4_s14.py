"""False events in domestic US news (round 4): crimes named as a legal category, campaign rallies with a
hyphenated or a campaign holder, abstract objects of 'destroy' and 'whip', and attacks made with ads or tweets.
Each rule keeps its true reading. Sentences are our own."""

from __future__ import annotations

from event_helpers import events_of


def _types(text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.mode) for e in events_of(text)]


# --- crimes as a legal category: no ASSAULT / COERCE for the bare noun after a topic preposition or copula


def test_a_crime_named_as_a_category_is_no_act() -> None:
    for text in (
            "Its sponsors said the Ohio measure has exceptions only for rape and incest.",
            "Prosecutors in Denver said the statute raises penalties for assault and murder.",
            "The council in Leeds passed a ban on torture last spring.",
            "The charity says refugees deserve to live free from hunger, persecution and fear.",
            "The lawyer said her client in Tucson was a candidate for home detention.",
            "“Torture is torture,” the two senators from Maine said.",
            "Murder is a crime in every province, the minister reminded the panel."):
        assert not [t for t in _types(text) if t[0] in ("ASSAULT", "COERCE")], text


def test_a_crime_told_with_its_own_words_or_after_a_verb_stays_an_act() -> None:
    for text, expected in (
            ("Guards subjected the prisoners in Kirkuk to torture and beatings, the report said.",
             ("ASSAULT", "torture")),
            ("The court heard evidence of torture by the secret police in Minsk.", ("ASSAULT", "torture")),
            ("Militiamen raped dozens of women in the town last week.", ("ASSAULT", "sexual")),
            ("Torture is routine in the northern prisons, the monitors said.", ("ASSAULT", "torture"))):
        assert expected in _types(text), text


def test_a_policy_of_an_abuse_still_tells_the_abuse() -> None:
    # 'of' is left out of the category prepositions: a policy or campaign of torture tells acts
    text = "The monitors documented a policy of torture in the army's jails."
    assert ("ASSAULT", "torture") in _types(text)


# --- campaign rallies: a hyphenated campaign modifier or a campaign as holder


def test_election_night_rallies_of_candidates_are_no_protest() -> None:
    for text in (
            "Mayor Diaz and Governor Ortiz canceled their primary-night rallies Monday in Iowa amid the storm.",
            "The mayor's campaign still holds rallies every weekend despite the heat.",
            "The campaign's rally in Tulsa drew a small crowd on Saturday."):
        assert not [t for t in _types(text) if t[0] == "PROTEST"], text


def test_rallies_of_protesters_or_workers_stay_protests() -> None:
    for text in (
            "Workers held a night rally outside the steel plant on Friday.",
            "Farmers held rallies in four towns on Saturday against the fuel tax."):
        assert ("PROTEST", "demo") in _types(text), text


# --- figures of speech: 'destroy trust', 'whip the votes'


def test_destroying_an_abstraction_is_no_assault() -> None:
    for text in (
            "Critics in Lagos say the scandal destroyed any trust in the electoral agency.",
            "The leaked memo destroyed the senator's credibility with donors.",
            "Her deputies whipped votes for the measure."):
        assert not [t for t in _types(text) if t[0] == "ASSAULT"], text


def test_destroying_a_thing_stays_an_assault() -> None:
    text = "Troops destroyed the rebels' bridge near Kismayo on Monday."
    assert ("ASSAULT", "destroy") in _types(text)


# --- attacks made with words


def test_an_attack_with_ads_is_criticism() -> None:
    text = "The PAC is attacking the sheriff with television ads."
    types = _types(text)
    assert ("ACCUSE", "disapprove") in types and not [t for t in types if t[0] == "ASSAULT"]


def test_an_attack_with_weapons_stays_an_assault() -> None:
    text = "Rebels attacked the convoy with rockets on Friday."
    assert [t for t in _types(text) if t[0] == "ASSAULT"]


# --- information provided is no aid


def test_providing_a_summary_or_feedback_is_no_aid() -> None:
    for text in (
            "Attorney General Maria Lopez gave lawmakers a briefing and provided a written summary of the audit.",
            "Senator Elena Ruiz has provided more detail on housing than Senator Tom Lake has.",
            "Professor Alan Cho had provided feedback to the ministry on the draft rules."):
        assert not [t for t in _types(text) if t[0] == "AID"], text


def test_providing_goods_or_money_stays_aid() -> None:
    for text in (
            "Governor Lena Park provided tents and blankets to the flood victims.",
            "Norway provided funding to the clinic in Gulu."):
        assert [t for t in _types(text) if t[0] == "AID"], text


# --- a law or a rate targeted is no attack


def test_targeting_a_law_or_a_rate_is_no_assault() -> None:
    for text in (
            "A new executive order from Mayor Lin Soto targeted the city's parking rules.",
            "Banks say the overdraft fees targeted by Senator Ana Ruiz help them cover losses.",
            "Senator Ana Ruiz targeted the payday lending rates in her new bill."):
        assert not [t for t in _types(text) if t[0] == "ASSAULT"], text


def test_targeting_a_base_or_facilities_stays_an_assault() -> None:
    for text in (
            "Israeli jets targeted the nuclear program's facilities near Natanz.",
            "Rebels targeted the army base with mortars."):
        assert [t for t in _types(text) if t[0] == "ASSAULT"], text
