"""Retrain the second-opinion event classifier from data/training/event_sentences*.jsonl and report its CV figures."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline import nlp
from dateline.classifier import (
    MODEL_FILE,
    NONE_LABEL,
    EventClassifier,
    TrainedModel,
    fit_temperature,
    sentence_features,
    train,
)
from dateline.lexicon import load_plover

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data" / "training"
DATA_GLOB = "event_sentences*.jsonl"
OUT = ROOT / "src" / "dateline" / "data" / "classifier" / MODEL_FILE
LEXICON = ROOT / "src" / "dateline" / "data" / "triggers.json"


def data_files(data_dir: Path = DATA_DIR, exclude: Sequence[str] = ()) -> list[Path]:
    """Every training file in name order, leaving out the names in `exclude` (used for held-out checks)."""
    return [p for p in sorted(data_dir.glob(DATA_GLOB)) if p.name not in set(exclude)]


def data_digest(paths: Sequence[Path]) -> dict[str, str]:
    """sha256 per training file, so the shipped model can be checked against the data it came from."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def read_rows(paths: Sequence[Path]) -> list[dict]:
    rows = [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    plover = load_plover()
    for r in rows:
        if r["type"] != NONE_LABEL and not plover.has_mode(r["type"], r.get("mode")):
            raise SystemExit(f"unknown type/mode in training data: {r}")
    return rows


def folds_for(types: list[str], k: int, seed: int = 0) -> np.ndarray:
    """Stratified fold number per row: each type's rows shuffled with a fixed seed, then dealt round-robin."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(types), dtype=int)
    for t in sorted(set(types)):
        idx = np.array([i for i, x in enumerate(types) if x == t])
        idx = idx[rng.permutation(len(idx))]
        fold[idx] = np.arange(len(idx)) % k
    return fold


def macro_f1(gold: list[str], pred: list[str], labels: list[str]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    table = {}
    for t in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p == t)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != t and p == t)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[t] = (prec, rec, f1, tp + fn)
    return float(np.mean([v[2] for v in table.values()])), table


def reliability(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> list[tuple[str, int, float, float]]:
    out = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if m.any():
            out.append((f"{lo:.1f}-{hi:.1f}", int(m.sum()), float(conf[m].mean()), float(correct[m].mean())))
    return out


def cross_validate(feats: list[list[str]], rows: list[dict], k: int, l2: float, iters: int, labels: list[str]) -> float:
    types = [r["type"] for r in rows]
    modes = [r.get("mode") for r in rows]
    fold = folds_for(types, k)
    logits = np.zeros((len(rows), len(labels)))
    mode_pred: dict[int, str | None] = {}
    for f in range(k):
        tr = [i for i in range(len(rows)) if fold[i] != f]
        te = [i for i in range(len(rows)) if fold[i] == f]
        model = train([feats[i] for i in tr], [types[i] for i in tr], [modes[i] for i in tr],
                      type_labels=labels, l2=l2, iters=iters)
        clf = EventClassifier(model)
        for i in te:
            logits[i] = clf._type_logits(feats[i])
            if types[i] != NONE_LABEL:
                mode_pred[i] = clf.predict_mode_features(feats[i], types[i])[0][0]
    y = np.array([labels.index(t) for t in types])
    temperature = fit_temperature(logits, y)
    # Reliability on probabilities whose temperature was fitted without the row's own fold.
    probs = np.zeros_like(logits)
    for f in range(k):
        m = fold == f
        t_f = fit_temperature(logits[~m], y[~m])
        e = np.exp((logits[m] - logits[m].max(axis=1, keepdims=True)) / t_f)
        probs[m] = e / e.sum(axis=1, keepdims=True)
    pred = [labels[i] for i in probs.argmax(axis=1)]
    acc = float(np.mean([p == g for p, g in zip(pred, types, strict=True)]))
    mf1, table = macro_f1(types, pred, labels)
    event_labels = [t for t in labels if t != NONE_LABEL]
    mf1_events, _ = macro_f1(types, pred, event_labels)
    print(f"{k}-fold CV on {len(rows)} sentences: type accuracy {acc:.3f}, macro-F1 (17 labels incl. NONE) {mf1:.3f}, "
          f"macro-F1 (16 PLOVER types) {mf1_events:.3f}")
    print("\n| type | n | precision | recall | F1 |\n|---|---|---|---|---|")
    for t in labels:
        p, r, f1, n = table[t]
        print(f"| {t} | {n} | {p:.2f} | {r:.2f} | {f1:.2f} |")
    conf_pairs = Counter((g, p) for g, p in zip(types, pred, strict=True) if g != p)
    print("\ncommonest confusions (gold -> predicted):")
    for (g, p), c in conf_pairs.most_common(8):
        print(f"  {g} -> {p}: {c}")
    with_mode = [i for i in mode_pred if modes[i]]
    mode_acc = float(np.mean([mode_pred[i] == modes[i] for i in with_mode])) if with_mode else 0.0
    print(f"\nmode accuracy given the gold type, on {len(with_mode)} sentences with a gold mode: {mode_acc:.3f}")
    conf = probs.max(axis=1)
    correct = np.array([p == g for p, g in zip(pred, types, strict=True)], dtype=float)
    ece = sum(n * abs(c - a) for _, n, c, a in reliability(conf, correct)) / len(rows)
    print(f"\nreliability of the top probability (temperature fitted per held-out fold; final T={temperature:.2f}), ECE {ece:.3f}:")
    print("| confidence | n | mean confidence | accuracy |\n|---|---|---|---|")
    for name, n, c, a in reliability(conf, correct):
        print(f"| {name} | {n} | {c:.2f} | {a:.2f} |")
    return temperature


def evaluate_file(model: TrainedModel, path: Path, labels: list[str]) -> None:
    """Accuracy and macro-F1 of a trained model on one file it was not trained on."""
    rows = read_rows([path])
    docs = nlp.parse_many([r["text"] for r in rows])
    clf = EventClassifier(model)
    pred = [clf.predict_features(sentence_features(doc[:]))[0][0] for doc in docs]
    gold = [r["type"] for r in rows]
    acc = float(np.mean([p == g for p, g in zip(pred, gold, strict=True)]))
    present = sorted(set(gold))
    mf1, table = macro_f1(gold, pred, present)
    print(f"\nheld-out {path.name} ({len(rows)} sentences, not trained on): accuracy {acc:.3f}, "
          f"macro-F1 over its {len(present)} labels {mf1:.3f}")
    print("  " + ", ".join(f"{t} {table[t][2]:.2f}" for t in present))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR, help=f"reads every {DATA_GLOB} in it")
    ap.add_argument("--exclude", action="append", default=[], metavar="NAME",
                    help="leave this training file out (repeatable); combine with --eval for a held-out check")
    ap.add_argument("--eval", type=Path, action="append", default=[], metavar="FILE",
                    help="after training, report accuracy on this file (repeatable)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--iters", type=int, default=250)
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation (temperature stays 1)")
    ap.add_argument("--no-save", action="store_true", help="report figures only")
    args = ap.parse_args(argv)

    paths = data_files(args.data_dir, args.exclude)
    rows = read_rows(paths)
    t0 = time.perf_counter()
    docs = nlp.parse_many([r["text"] for r in rows])
    feats = [sentence_features(doc[:]) for doc in docs]
    print(f"parsed {len(rows)} sentences from {len(paths)} files in {time.perf_counter() - t0:.1f} s")
    counts = Counter(r["type"] for r in rows)
    print("sentences per type: " + ", ".join(f"{t} {counts[t]}" for t in sorted(counts)))
    labels = sorted(set(list(load_plover().types) + [NONE_LABEL]))
    temperature = 1.0 if args.no_cv else cross_validate(feats, rows, args.folds, args.l2, args.iters, labels)
    if args.no_save and not args.eval:
        return 0
    model: TrainedModel = train(feats, [r["type"] for r in rows], [r.get("mode") for r in rows],
                                type_labels=labels, l2=args.l2, iters=args.iters, temperature=temperature)
    for path in args.eval:
        evaluate_file(model, path, labels)
    if args.no_save:
        return 0
    if args.exclude:
        raise SystemExit("refusing to save a model trained without every data file (drop --exclude or add --no-save)")
    files = data_digest(paths)
    model.meta = {
        "data_files": files,
        "data_sha256": hashlib.sha256("".join(files[name] for name in sorted(files)).encode()).hexdigest(),
        # The lexicon's proposals are features: retrain when triggers.json changes much.
        "lexicon_sha256": hashlib.sha256(LEXICON.read_bytes()).hexdigest(),
        "sentences": len(rows),
        "l2": args.l2,
        "iters": args.iters,
        "spacy_model": nlp.model_name(),
        "features": len(model.vocab),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"\nwrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB, {len(model.vocab)} features, "
          f"{len(model.modes)} type/mode labels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
