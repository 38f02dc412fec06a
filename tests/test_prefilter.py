"""The pre-filter: what it keeps, what it blanks, and that blanking moves no offset (texts written for these tests)."""

from __future__ import annotations

import pytest

from dateline import pipeline, prefilter
from dateline.models import Document

ARTICLE = (
    "Police arrested twelve protesters outside the parliament in Lisbon on Tuesday.\n\n"
    "The weather was mild and the mood was calm. Nobody seemed to mind much.\n\n"
    "The interior minister said the detainees would be released by the weekend. "
    "It was, in the end, a quiet sort of day.\n\n"
    "\u201cWe will keep marching. We are not afraid of anyone,\u201d one of the organisers told reporters.\n\n"
    "That is really all there is to say about it."
)


def _kept(text: str) -> list[str]:
    planned = prefilter.plan(text, "candidates").text
    return [text[s:e].strip() for s, e in prefilter.sentences(text) if planned[s:e].strip()]


def _dropped(text: str) -> list[str]:
    planned = prefilter.plan(text, "candidates").text
    return [text[s:e].strip() for s, e in prefilter.sentences(text) if text[s:e].strip() and not planned[s:e].strip()]


@pytest.mark.parametrize("sentence", [
    "the rebels attacked the convoy near the border.",  # a trigger, no capital after the first word
    "the rebels fought for hours.",  # an irregular form of a trigger lemma
    "we walked around Lisbon for a while.",  # a place name
])
def test_keep_reads_lowercase_surface_forms(sentence: str) -> None:
    assert prefilter.keep(sentence) is True


@pytest.mark.parametrize("sentence", [
    "The food was good and the music was loud.",
    "That is really all there is to say about it.",
    "Nobody seemed to mind much.",
])
def test_keep_drops_plainly_empty_sentences(sentence: str) -> None:
    assert prefilter.keep(sentence) is False


@pytest.mark.parametrize("sentence", [
    "It cost them 40 of their best.",  # a digit (a count or a date)
    "It happened yesterday, as it often does.",  # a calendar word
    "But Macron was not there.",  # a capitalised name after the first word
])
def test_keep_sentences_with_counts_times_or_names(sentence: str) -> None:
    assert prefilter.keep(sentence) is True


def test_conditional_trigger_needs_its_required_word() -> None:
    """An entry with a required particle or object keeps a sentence only when that word is there too."""
    t = prefilter.tables()
    frame = {"so", "it", "goes"}
    form, required = next(
        (f, sorted(alts[0][0])[0]) for f, alts in sorted(t.conditional.items())
        if f.isalpha() and len(alts) == 1 and len(alts[0]) == 1 and not alts[0][0] & frame
        and not frame & t.triggers and f not in t.calendar | t.numbers and required_ok(sorted(alts[0][0])[0], t))
    assert prefilter.keep(f"so it goes: {form}.") is False
    assert prefilter.keep(f"so it goes: {form} {required}.") is True


def required_ok(word: str, t: prefilter.Tables) -> bool:
    """A required word that would keep the sentence by itself proves nothing."""
    return word.isalpha() and word not in t.triggers and word not in t.calendar | t.numbers


def test_plan_keeps_triggers_places_and_quotes_and_blanks_the_rest() -> None:
    kept = _kept(ARTICLE)
    assert any(s.startswith("Police arrested") for s in kept)
    assert any(s.startswith("The interior minister said") for s in kept)
    # Inside a quote: the second quoted sentence has no signal of its own but the quote stage reads it.
    assert any("We are not afraid" in s for s in kept)
    dropped = _dropped(ARTICLE)
    assert "The weather was mild and the mood was calm." in dropped
    assert "That is really all there is to say about it." in dropped


def test_plan_keeps_length_lines_and_kept_characters() -> None:
    planned = prefilter.plan(ARTICLE, "candidates")
    assert len(planned.text) == len(ARTICLE)
    assert [i for i, c in enumerate(planned.text) if c == "\n"] == [i for i, c in enumerate(ARTICLE) if c == "\n"]
    assert all(p == o or p == " " for p, o in zip(planned.text, ARTICLE, strict=True))
    assert 0 < planned.dropped < planned.sentences
    assert prefilter.plan(ARTICLE, "full").text == ARTICLE


def test_plan_keeps_the_named_sentence_before_a_pronoun() -> None:
    text = "Ms Okafor was never a fan of crowds. She attacked the plan at once."
    assert _kept(text) == ["Ms Okafor was never a fan of crowds.", "She attacked the plan at once."]
    assert _kept("It was never a fan of crowds. She attacked the plan at once.") == ["She attacked the plan at once."]


def test_sentences_do_not_cut_at_abbreviations() -> None:
    text = "Mr. Smith visited the U.S. Army base. He left.\nA new line"
    assert [text[s:e] for s, e in prefilter.sentences(text)] == [
        "Mr. Smith visited the U.S. Army base.", " He left.", "A new line"]


def test_entities_in_a_blanked_doc_have_the_offsets_of_the_full_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    planned = prefilter.plan(ARTICLE, "candidates").text
    full, blank = nlp(ARTICLE), nlp(planned)
    kept = [(s, e) for s, e in prefilter.sentences(ARTICLE) if planned[s:e].strip()]

    def in_kept(start: int) -> bool:
        return any(s <= start < e for s, e in kept)

    ents_full = {(e.start_char, e.end_char, e.label_, e.text) for e in full.ents if in_kept(e.start_char)}
    ents_blank = {(e.start_char, e.end_char, e.label_, e.text) for e in blank.ents}
    assert len(ents_blank) >= 3  # Lisbon, Tuesday, twelve ...: the test means something only with names in it
    assert ents_blank == ents_full
    assert all(ARTICLE[s:e] == text for s, e, _, text in ents_blank)


def _doc(text: str) -> Document:
    return Document(id="t", text=text, published="2024-03-08")


def test_full_mode_is_the_whole_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    """parse='full' gives exactly what the pipeline gave before the pre-filter: stages over nlp(text)."""
    before = pipeline.analyse_document(_doc(ARTICLE), sdoc=nlp(ARTICLE))
    full = pipeline.analyse_document(_doc(ARTICLE), parse="full")
    assert full.model_dump() == before.model_dump()


def test_env_switch_selects_full_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prefilter.MODE_ENV, "full")
    assert prefilter.mode_from_env() == "full"
    monkeypatch.setenv(prefilter.MODE_ENV, "candidates")
    assert prefilter.mode_from_env() == "candidates"
    monkeypatch.setenv(prefilter.MODE_ENV, "lean")
    assert prefilter.mode_from_env() == "lean"
    monkeypatch.setenv(prefilter.MODE_ENV, "everything")
    assert prefilter.mode_from_env() == prefilter.DEFAULT_MODE
    monkeypatch.delenv(prefilter.MODE_ENV)
    assert prefilter.mode_from_env() == prefilter.DEFAULT_MODE == "lean"


def test_candidate_mode_codes_the_same_events_with_clean_evidence() -> None:
    full = pipeline.analyse_document(_doc(ARTICLE), parse="full")
    cand = pipeline.analyse_document(_doc(ARTICLE), parse="candidates")
    assert full.events  # an arrest at least
    key = [(e.event_type, e.evidence.trigger, e.evidence.trigger_start) for e in full.events]
    assert [(e.event_type, e.evidence.trigger, e.evidence.trigger_start) for e in cand.events] == key
    for e in cand.events:
        assert e.evidence.sentence == ARTICLE[e.evidence.start : e.evidence.end]
        assert e.evidence.sentence == e.evidence.sentence.strip()
    assert [(p.start, p.end, p.name) for p in cand.places] == [(p.start, p.end, p.name) for p in full.places]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Troops withdrew from the capital on Sunday.", True),
    ("Police arrested dozens of protesters.", True),
    ("The minister said the rebels were responsible for the blast.", True),
    ("The weather in Lisbon was mild on Sunday.", False),
    ("   \n  ", False),
    # session 15: an entry whose object is a class ('help' + a named party) is kept on the trigger alone
    ("Japan will help Tonga.", True),
])
def test_may_hold_event_is_the_trigger_test_alone(sentence: str, expected: bool) -> None:
    assert prefilter.may_hold_event(sentence) is expected
