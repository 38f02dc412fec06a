"""The memoised attribute ruler + lemmatizer must give exactly what spaCy's own components give."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline import fastmorph, nlp

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Shapes the memo must not get wrong: expletive + copula, the colloquial two-token rules, whitespace runs
# (the pre-filter's blanked stretches), pronouns whose morphology depends on their label, auxiliaries.
TRICKY = [
    "There is no agreement yet, and there were protests. There's a deal, the minister said.",
    "We're gon na win, y' all. Let 's go! It ai n't over, he said; I told you it was.",
    "Police      arrested\n\n\n      twelve people.   \n  They had done nothing, but they did go.",
    "Did the army shell the town? It did, and it has said so. That is what I saw.",
    "ABC's CEO met Mr. O'Neil in Washington D.C. on Jan. 3rd — 40% of 1,000 voters agreed.",
]


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str, int]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def models() -> tuple[Language, Language]:
    shipped = nlp.load_shipped()
    fast = fastmorph.install(nlp.load_shipped())
    return shipped, fast


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    return texts + TRICKY


def test_the_component_replaces_the_two_it_memoises(models: tuple[Language, Language]) -> None:
    _, fast = models
    assert fastmorph.NAME in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(fast.disabled)
    assert fast.get_pipe("lemmatizer").lookups is not None  # still reachable for the pre-filter's tables


@pytest.mark.parametrize("i", range(len(_texts())))
def test_same_output_as_spacy(models: tuple[Language, Language], i: int) -> None:
    shipped, fast = models
    text = _texts()[i]
    assert _annotations(fast(text)) == _annotations(shipped(text))


def test_same_output_when_the_memo_is_warm(models: tuple[Language, Language]) -> None:
    shipped, fast = models
    for _ in range(2):  # the second round is answered from the memo only
        for text in TRICKY:
            assert _annotations(fast(text)) == _annotations(shipped(text))
    assert fast.get_pipe(fastmorph.NAME).memo


def test_expletive_copula_is_a_verb_only_after_an_expletive(models: tuple[Language, Language]) -> None:
    _, fast = models
    doc = fast("There were clashes. The clashes were brief.")
    were = [t for t in doc if t.lower_ == "were"]
    assert were[0].pos_ == "VERB" and were[1].pos_ == "AUX"


def test_colloquial_multi_token_rules_use_spacy_itself(models: tuple[Language, Language]) -> None:
    _, fast = models
    doc = fast("We are gon na stay.")
    gon, na = (t for t in doc if t.lower_ in {"gon", "na"})
    assert (gon.lemma_, na.lemma_) == ("go", "to")


def test_switched_off_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fastmorph.ENV, "0")
    assert not fastmorph.enabled()
    monkeypatch.setenv(fastmorph.ENV, "1")
    assert fastmorph.enabled()


def test_install_is_idempotent(models: tuple[Language, Language]) -> None:
    _, fast = models
    names = list(fast.pipe_names)
    assert fastmorph.install(fast).pipe_names == names


def test_the_ruler_is_asked_once_per_rule_key_not_per_word(models: tuple[Language, Language]) -> None:
    shipped, fast = models
    fm = fast.get_pipe(fastmorph.NAME)
    text = "The generals inspected the bridges, the barracks and the tanks near the harbours."
    assert _annotations(fast(text)) == _annotations(shipped(text))
    plural_nouns = {fm._rule_key((t.orth, t.tag, fastmorph.OTHER, False, False)) for t in shipped(text) if t.tag_ == "NNS"}
    assert len(plural_nouns) == 1  # five words, one answer from the ruler
    a, dog = shipped("a dog")
    assert fm._rule_key((a.orth, a.tag, 0, False, False))[-1] == a.orth  # 'a' is named by a ruler pattern
    assert fm._rule_key((dog.orth, dog.tag, 0, False, False))[-1] == 0
