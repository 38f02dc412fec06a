"""A headline act with no codable party is coded only when the headline reads literally: a person or group acts,
the act is done to someone, or the act is the subject. A thing that acts, a feeling given, an arrest of a thing or
a subordinate clause the parser took for the root state no act. Headlines are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline import animacy, nlp
from dateline.events import headline
from dateline.pipeline import extract

QUIET_BODY = ("The weather in the capital was mild on Tuesday. Shops reopened and traffic returned to normal "
              "in the old town.")


def _headline_types(title: str) -> list[str]:
    out = extract(QUIET_BODY, title=title, published="2021-05-04")
    return [e.event_type for e in out.events if e.evidence.in_title]


@pytest.mark.parametrize("title", [
    "New tax offers joy and relief to pensioners",         # a feeling given, by a thing
    "Budget Plan Offers Support To Small Farms",           # a thing that offers (Title Case)
    "Glossy brochures offer support for harbour scheme",   # a thing that offers (sentence case)
    "Startup nabs big contract",                           # an arrest of a thing
])
def test_a_figurative_headline_adds_no_party_less_event(title: str) -> None:
    assert _headline_types(title) == []


@pytest.mark.parametrize(("title", "event_type"), [
    ("Landlord promises free repairs", "AGREE"),            # a person noun the KB has no entry for (a candidate's
                                                            # promise is a campaign pledge: no event, session 15)
    ("Tenants stage rent strike in Leeds", "PROTEST"),      # a group noun from the data list
    ("Food aid arrives in drought-hit north", "AID"),       # the subject is an act itself
    ("Ceasefire holds in border towns", "RETREAT"),         # ... though tagged a name as the first word
    ("Curfew lifted in northern towns", "CONCEDE"),         # a headline passive the parser read as past tense
    ("Six detained after harbour brawl", "COERCE"),         # a count of people, acted on
    ("Council offers relief to flooded shops", "AGREE"),    # a body offers something that is not a feeling
])
def test_a_literal_headline_act_is_coded_with_no_party(title: str, event_type: str) -> None:
    assert _headline_types(title) == [event_type]


def _first(text: str, word: str) -> object:
    doc = nlp.parse(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("The candidate spoke on Monday.", "candidate", True),
    ("Angry protesters gathered outside.", "protesters", True),
    ("Yesterday she spoke at length.", "she", True),
    ("The rebel group spoke on Monday.", "group", True),
    ("The new policy was announced on Monday.", "policy", False),
    ("The opinion pages were printed on Monday.", "pages", False),
    ("The plan was announced on Monday.", "plan", False),
    ("Yesterday it rained at length.", "it", False),
])
def test_animacy_tells_people_from_things(text: str, word: str, expected: bool) -> None:
    assert animacy.animate(_first(text, word)) is expected  # type: ignore[arg-type]


def _built(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    return Doc(nlp.load().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_subordinate_clause_parsed_as_the_root_is_figurative() -> None:
    # the shape the small parser gives an article-less headline: the 'until' clause's verb as root
    words = ["Mayor", "delays", "vote", "until", "strike", "ends"]
    doc = _built(words, heads=[1, 5, 1, 5, 5, 5], deps=["compound", "dep", "dobj", "mark", "nsubj", "ROOT"],
                 pos=["NOUN", "NOUN", "NOUN", "SCONJ", "NOUN", "VERB"], tags=["NN", "NNS", "NN", "IN", "NN", "VBZ"])
    assert headline.figurative(doc[5])
    main = _built(["Strike", "ends", "at", "plant"], heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"],
                  pos=["NOUN", "VERB", "ADP", "NOUN"], tags=["NN", "VBZ", "IN", "NN"])
    assert not headline.figurative(main[1])


def test_a_feeling_given_is_figurative_whoever_gives_it() -> None:
    doc = nlp.parse("Senator offers hope to flood victims")
    verb = next(t for t in doc if t.lemma_ == "offer")
    assert headline.figurative(verb)
    doc = nlp.parse("Senator offers shelter to flood victims")
    verb = next(t for t in doc if t.lemma_ == "offer")
    assert not headline.figurative(verb)
