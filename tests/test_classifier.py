"""Tests for the second-opinion event classifier (features, model, shipped file, training data)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from dateline.classifier import (
    NONE_LABEL,
    EventClassifier,
    TrainedModel,
    default_model_path,
    fit_softmax,
    fit_temperature,
    load_classifier,
    sentence_features,
    train,
)
from dateline.lexicon import load_plover

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data" / "training"


def _data_files() -> list[Path]:
    return sorted(DATA_DIR.glob("event_sentences*.jsonl"))


def _rows() -> list[dict]:
    return [
        json.loads(line)
        for path in _data_files()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_training_data_is_valid_and_balanced() -> None:
    rows = _rows()
    plover = load_plover()
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts))
    for r in rows:
        if r["type"] != NONE_LABEL:
            assert plover.has_mode(r["type"], r.get("mode")), r
    counts = Counter(r["type"] for r in rows)
    assert set(counts) == set(plover.types) | {NONE_LABEL}
    assert min(counts.values()) >= 150
    assert counts[NONE_LABEL] >= 300
    # Every mode of every type has a few examples, so the mode model has something to learn from.
    modes = Counter((r["type"], r.get("mode")) for r in rows)
    for name in plover.types:
        for mode in plover.types[name]["modes"]:
            assert modes[(name, mode)] >= 5, (name, mode)


def test_shipped_model_was_trained_on_the_current_data() -> None:
    clf = load_classifier()
    current = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _data_files()}
    assert clf.meta["data_files"] == current, (
        "data/training/event_sentences*.jsonl changed: run scripts/train_classifier.py"
    )
    assert clf.meta["sentences"] == len(_rows())
    assert default_model_path().stat().st_size < 2_000_000


def test_features_read_frames_negation_and_modality(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Lithuania did not impose sanctions on the company.")
    feats = sentence_features(doc[:])
    assert "vo:impose_sanction" in feats
    assert "neg" in feats and "neg:impose" in feats
    assert not any("lithuania" in f for f in feats)  # proper names are not features
    assert "lex:SANCTION" in feats
    doc = nlp("The army could withdraw from the valley.")
    assert "md:could" in sentence_features(doc[:])


def test_predict_is_a_sorted_distribution_over_all_labels(nlp) -> None:  # type: ignore[no-untyped-def]
    clf = load_classifier()
    assert load_classifier() is clf
    out = clf.predict(nlp("Fishermen from the island rallied outside the port authority.")[:])
    assert {t for t, _ in out} == set(load_plover().types) | {NONE_LABEL}
    assert sum(p for _, p in out) == pytest.approx(1.0, abs=1e-5)
    assert [p for _, p in out] == sorted((p for _, p in out), reverse=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of nurses marched through the capital on Sunday to demand better pay.", "PROTEST"),
        ("The air force bombed a bridge near the frontier overnight.", "ASSAULT"),
        ("Police in the port city arrested four reporters on Tuesday.", "COERCE"),
        ("The finance minister flew to Beijing for talks with Chinese officials.", "CONSULT"),
        ("The cabinet condemned the raid on the newspaper's offices.", "ACCUSE"),
        ("The state employs roughly 90,000 teachers.", NONE_LABEL),
    ],
)
def test_predicts_unseen_sentences(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert load_classifier().predict(nlp(text)[:])[0][0] == expected


def test_predict_mode_and_explain(nlp) -> None:  # type: ignore[no-untyped-def]
    clf = load_classifier()
    sent = nlp("Warplanes carried out air strikes on the northern villages.")[:]
    modes = clf.predict_mode(sent, "ASSAULT")
    assert modes[0][0] == "aerial"
    assert sum(p for _, p in modes) == pytest.approx(1.0, abs=1e-5)
    assert clf.predict_mode(sent, "AGREE") == [(None, 1.0)]  # AGREE has no modes
    why = clf.explain(sent, "ASSAULT", top=5)
    assert 0 < len(why) <= 5 and all(isinstance(f, str) and isinstance(w, float) for f, w in why)


def test_softmax_fit_is_deterministic_and_learns() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(60, 4)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int) + 2 * (x[:, 1] > 0).astype(int)
    w1, b1 = fit_softmax(x, y, 4, iters=200)
    w2, b2 = fit_softmax(x, y, 4, iters=200)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    assert ((x @ w1 + b1).argmax(axis=1) == y).mean() > 0.9


def test_temperature_softens_overconfident_logits() -> None:
    logits = np.array([[8.0, 0.0], [8.0, 0.0], [8.0, 0.0], [0.0, 8.0]])
    y = np.array([0, 1, 0, 1])  # one in four confident answers is wrong
    assert fit_temperature(logits, y) > 1.0


def test_small_model_round_trips_through_a_file(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = {
        "Rebels shelled the town.": ("ASSAULT", "heavy-weapons"),
        "Troops shelled the village.": ("ASSAULT", "heavy-weapons"),
        "Students marched in the capital.": ("PROTEST", "demo"),
        "Workers marched on the ministry.": ("PROTEST", "demo"),
        "The town has a cathedral.": (NONE_LABEL, None),
        "The village has a school.": (NONE_LABEL, None),
    }
    feats = [sentence_features(nlp(t)[:]) for t in texts]
    model = train(feats, [v[0] for v in texts.values()], [v[1] for v in texts.values()], iters=100)
    path = tmp_path / "m.npz"
    model.save(path)
    clf = EventClassifier(TrainedModel.read(path))
    assert clf.predict(nlp("Farmers marched in the city.")[:])[0][0] == "PROTEST"
    assert load_classifier(path).types == sorted({"ASSAULT", "PROTEST", NONE_LABEL})


# Sentences written for this test only (not in data/training), in shapes the first 963 training sentences
# lacked: headlines, passives, nominalisations, reported speech, trigger words used in a non-event sense.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants kidnap aid workers in desert", "ASSAULT"),
        ("Three soldiers were killed when their patrol was ambushed near the border.", "ASSAULT"),
        ("Dockworkers walk out over unpaid wages", "PROTEST"),
        ("The withdrawal of the peacekeepers from the valley began on Monday.", "RETREAT"),
        ("Officials said the country had cut diplomatic ties with its neighbour.", "SANCTION"),
        ("Lawmakers approved the treaty with the neighbouring republic on Wednesday.", "SUPPORT"),
        ("The chancellor struck a conciliatory tone in her address to the nation.", NONE_LABEL),
        ("The company said it could not meet its obligations to suppliers this quarter.", NONE_LABEL),
    ],
)
def test_predicts_unseen_news_shapes(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert text not in {r["text"] for r in _rows()}
    assert load_classifier().predict(nlp(text)[:])[0][0] == expected


def test_mode_model_is_fitted_per_type() -> None:
    # Hand-made feature lists: "shell" only ever occurs with ASSAULT, so PROTEST's mode columns must not use it,
    # and a type with a single mode needs no mode weights at all.
    feats = [["v:shell", "n:town"], ["v:shell", "n:village"], ["v:shoot", "n:town"], ["v:shoot", "n:village"],
             ["v:march", "n:town"], ["v:march", "n:village"], ["v:strike", "n:town"], ["v:strike", "n:village"],
             ["v:agree", "n:town"], ["v:agree", "n:village"]]
    types = ["ASSAULT"] * 4 + ["PROTEST"] * 4 + ["AGREE"] * 2
    modes = ["heavy-weapons", "heavy-weapons", "firearms", "firearms", "demo", "demo", "strike", "strike", None, None]
    model = train(feats, types, modes, iters=150)
    col = {m: i for i, m in enumerate(model.modes)}
    shell = model.vocab.index("v:shell")
    assert model.w_mode[shell, [col["PROTEST/demo"], col["PROTEST/strike"]]].tolist() == [0.0, 0.0]
    assert model.w_mode[:, col["AGREE/-"]].tolist() == [0.0] * len(model.vocab)
    clf = EventClassifier(model)
    assert clf.predict_mode_features(["v:shell", "n:town"], "ASSAULT")[0][0] == "heavy-weapons"
    assert clf.predict_mode_features(["v:strike", "n:town"], "PROTEST")[0][0] == "strike"
