"""Fit the map from the event coder's raw confidence to a probability, on the project's own sentences only.

Each training sentence (data/training/event_sentences*.jsonl, written for this project) says which PLOVER type
it reports, or NONE. The sentences are split in folds; for each fold the classifier is retrained on the other
folds, and the full coder (lexicon + that classifier) codes the held-out sentences, so no sentence is judged
by a model that saw it. Every event coded is right when its type is the sentence's label (any event in a NONE
sentence is wrong; a second, true act in a sentence also counts wrong, so the map errs on the cautious side).
A two-parameter logistic map (Platt scaling) of logit(raw confidence) is fitted to those outcomes and written
to src/dateline/data/classifier/confidence_calibration.json, which `dateline.events.ranking` applies.

Usage: python scripts/calibrate_confidence.py [--folds 5] [--no-save]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_classifier import data_digest, data_files, folds_for, read_rows  # noqa: E402

from dateline import nlp  # noqa: E402
from dateline.classifier import ENV_MODEL, NONE_LABEL, load_classifier, sentence_features, train  # noqa: E402
from dateline.events import ranking  # noqa: E402
from dateline.lexicon import load_plover  # noqa: E402
from dateline.models import Document  # noqa: E402
from dateline.pipeline import analyse_document  # noqa: E402

OUT = ranking.CALIBRATION_FILE
BINS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def fit_platt(raw: np.ndarray, correct: np.ndarray, iters: int = 200) -> tuple[float, float]:
    """Newton's method on the log-loss of sigmoid(a * logit(raw) + b): two parameters, no library needed."""
    x = logit(raw)
    a, b = 1.0, 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(a * x + b)))
        g = np.array([np.sum((p - correct) * x), np.sum(p - correct)])
        w = p * (1 - p) + 1e-9
        h = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(h, g)
        a, b = a - step[0], b - step[1]
        if np.abs(step).max() < 1e-8:
            break
    return float(a), float(b)


def ece(conf: np.ndarray, correct: np.ndarray) -> float:
    total = 0.0
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = (conf >= lo) & (conf < hi)
        if inside.any():
            total += inside.mean() * abs(conf[inside].mean() - correct[inside].mean())
    return float(total)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)

    paths = data_files()
    rows = read_rows(paths)
    t0 = time.perf_counter()
    docs = nlp.parse_many([r["text"] for r in rows])
    feats = [sentence_features(d[:]) for d in docs]
    print(f"parsed {len(rows)} own sentences in {time.perf_counter() - t0:.1f} s")
    labels = sorted(set(list(load_plover().types) + [NONE_LABEL]))
    temperature = load_classifier().model.temperature  # the shipped model's scale, so folds read like it
    fold = folds_for([r["type"] for r in rows], args.folds)
    raw: list[float] = []
    right: list[bool] = []
    ranking.CALIBRATION = None  # measure the raw confidence
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            train_ix = [i for i in range(len(rows)) if fold[i] != k]
            model = train([feats[i] for i in train_ix], [rows[i]["type"] for i in train_ix],
                          [rows[i].get("mode") for i in train_ix], type_labels=labels, temperature=temperature)
            path = Path(tmp) / f"fold{k}.npz"
            model.save(path)
            os.environ[ENV_MODEL] = str(path)
            ranking.use_classifier(None)  # reload: the coder now consults this fold's model
            for i in (i for i in range(len(rows)) if fold[i] == k):
                out = analyse_document(Document(id=f"cal{i}", text=rows[i]["text"]), sdoc=docs[i])
                for ev in out.events:
                    raw.append(ev.confidence)
                    right.append(ev.event_type == rows[i]["type"])
            print(f"fold {k + 1}/{args.folds}: {len(raw)} events so far")
    os.environ.pop(ENV_MODEL, None)
    r, c = np.array(raw), np.array(right, dtype=float)
    a, b = fit_platt(r, c)
    cal = 1 / (1 + np.exp(-(a * logit(r) + b)))
    report = {
        "a": round(a, 4), "b": round(b, 4), "events": len(raw), "sentences": len(rows),
        "accuracy": round(float(c.mean()), 4), "mean_raw_confidence": round(float(r.mean()), 4),
        "ece_raw": round(ece(r, c), 4), "ece_calibrated": round(ece(cal, c), 4),
        "data_files": data_digest(paths), "folds": args.folds,
    }
    print(json.dumps({k: v for k, v in report.items() if k != "data_files"}, indent=1))
    if not args.no_save:
        OUT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
