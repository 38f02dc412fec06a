"""Lean parsing: the entity recogniser reads only sentences that may tell an event; the others get the names
the KB knows (texts written for these tests)."""

from __future__ import annotations

from dateline import events, nlp, pipeline, prefilter, times
from dateline.models import Document

STORY = (
    "Rebels attacked an army convoy near Goma on Monday, the United Nations said.\n\n"
    "Vladimir Putin and Angela Merkel were in Lyon with Zephyrin Quaglio that week.\n\n"
    "The weather stayed mild. Nobody seemed to mind much.\n\n"
    "Police arrested twelve protesters outside the parliament in Lisbon."
)
EVENT_1 = STORY.index("Rebels")
LIGHT = STORY.index("Vladimir")
LIGHT_END = STORY.index("\n\nThe weather")


def test_lean_plan_hides_only_light_sentences_from_the_recogniser() -> None:
    plan = prefilter.plan(STORY, "lean")
    assert plan.ner_text is not None and len(plan.ner_text) == len(plan.text) == len(STORY)
    assert plan.ner_text[EVENT_1:LIGHT] == plan.text[EVENT_1:LIGHT]  # an event sentence is read
    assert not plan.ner_text[LIGHT:LIGHT_END].strip()  # a name-only sentence is not
    assert plan.text[LIGHT:LIGHT_END] == STORY[LIGHT:LIGHT_END]  # but it is still tagged and parsed
    found = {STORY[s:e]: label for s, e, label in plan.names}
    assert found.get("Vladimir Putin") == "PERSON"
    assert found.get("Lyon") is None  # a place only the gazetteer knows is left to the places stage
    assert "Zephyrin Quaglio" not in found  # nobody knows him
    assert all(LIGHT <= s < e <= LIGHT_END for s, e, _ in plan.names)


def test_candidates_plan_lets_the_recogniser_read_every_kept_sentence() -> None:
    plan = prefilter.plan(STORY, "candidates")
    assert plan.ner_text is None and plan.names == ()


def test_entities_come_from_the_recogniser_or_the_kb_never_both() -> None:
    plan = prefilter.plan(STORY, "lean")
    doc = nlp.parse_many([plan.text], ner_texts=[plan.ner_text], names=[plan.names])[0]
    ents = [(e.text, e.label_, e.start_char) for e in nlp.ents_of(doc)]
    assert ("Monday", "DATE", STORY.index("Monday")) in ents  # read by the recogniser
    assert ("Vladimir Putin", "PERSON", LIGHT) in ents  # from the KB
    assert not any(e[2] >= LIGHT and e[0].startswith("Zephyrin") for e in ents)
    assert len(doc.to_array("ENT_IOB")) == len(doc)  # set_ents accepted them: no two overlap
    assert doc.has_annotation("DEP")  # the light sentence is parsed all the same:
    light_tokens = [t for t in doc if LIGHT <= t.idx < LIGHT_END]
    assert any(t.dep_ == "nsubj" for t in light_tokens)


def test_lean_codes_the_same_events_as_candidates() -> None:
    doc = Document(id="t", text=STORY, title="", published="2024-03-06")
    lean = pipeline.analyse_document(doc, parse="lean")
    cand = pipeline.analyse_document(doc, parse="candidates")
    assert lean.events
    key = [(e.event_type, e.evidence.trigger_start, [a.country for a in e.actors]) for e in cand.events]
    assert [(e.event_type, e.evidence.trigger_start, [a.country for a in e.actors]) for e in lean.events] == key


def test_a_number_inside_a_time_expression_counts_nothing() -> None:
    text = "Voters in the 1998 referendum were angry, and 300 farmers marched on the capital."
    sdoc = next(nlp.load().pipe([text], disable=["ner"]))  # no recogniser: nothing calls 1998 a date
    found = times.tag_times(text, "2001-05-01", sdoc)
    assert any(t.text.endswith("1998") for t in found)
    with_times = {c.value for c in events.find_counts(sdoc, found)}
    assert 300 in with_times and 1998 not in with_times
    assert 1998 in {c.value for c in events.find_counts(sdoc)}  # what the time spans guard against
