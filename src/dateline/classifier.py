"""Second-opinion PLOVER event classifier: softmax regression over a sentence's parse features."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span, Token

from dateline.lexicon import TriggerIndex, load_triggers
from dateline.nlp import ents_within

ENV_MODEL = "DATELINE_CLASSIFIER_MODEL"
MODEL_FILE = "event_classifier.npz"
NONE_LABEL = "NONE"
NULL_MODE = "-"

# Dependencies whose head noun is what a verb acts on ("imposed sanctions", "sanctions were imposed").
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
_PARTICLE_DEPS = frozenset({"prt"})
_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
_MOD_DEPS = frozenset({"amod", "compound", "nmod"})
# Lemmas too common in news to say anything about the event type on their own.
_SKIP_LEMMAS = frozenset({"be", "have", "do", "say", "tell", "-PRON-"})


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def sentence_features(sent: Span | Sequence[Token], triggers: TriggerIndex | None = None) -> list[str]:
    """Sparse binary features of one parsed sentence: content lemmas, verb frames, modality, entity types,
    and the types the trigger lexicon proposes.

    Proper-noun lemmas are left out on purpose: the training sentences name particular countries, and a
    model that learnt "Russia" → ASSAULT would not generalise; entity *types* are kept instead.
    The lexicon's proposals are features (not the answer) because a few hundred sentences cannot teach
    every trigger word; the model learns from context when a proposal, above all a weak one, is wrong.
    """
    index = triggers if triggers is not None else load_triggers()
    feats: set[str] = set()
    toks = list(sent)  # each pass over a Span builds its Tokens anew; one list serves both passes
    # Each `pos_`, `dep_`, `lemma_` read looks its string up again: read once per token.
    lemmas = [_lemma(t) for t in toks]
    _lexicon_features(toks, index, feats, lemmas)
    prev: str | None = None
    for tok, lem in zip(toks, lemmas, strict=True):
        if tok.is_punct or tok.is_space:
            if tok.text in {'"', "“", "”"}:
                feats.add("quote")
            prev = None
            continue
        if tok.like_num:
            feats.add("num")
            prev = None
            continue
        pos, dep = tok.pos_, tok.dep_
        if prev is not None and pos != "PROPN":
            feats.add(f"bi:{prev}_{lem}")
        prev = lem if pos in {"VERB", "NOUN", "ADJ", "ADV", "ADP", "PART"} else None
        if dep == "neg":
            feats.add("neg")
            feats.add(f"neg:{_lemma(tok.head)}")
        if tok.tag_ == "MD":
            feats.add(f"md:{lem}")
            feats.add(f"md:{lem}_{_lemma(tok.head)}")
        if dep == "auxpass":
            feats.add("passive")
        if pos == "VERB" and lem not in _SKIP_LEMMAS:
            _verb_features(tok, lem, feats)
        elif pos == "NOUN":
            feats.add(f"n:{lem}")
            for child in tok.children:
                if child.dep_ in _MOD_DEPS and child.pos_ in {"NOUN", "ADJ", "VERB"}:
                    feats.add(f"nm:{_lemma(child)}_{lem}")
        elif pos == "ADJ":
            feats.add(f"a:{lem}")
        elif pos == "ADV" and dep != "neg":
            feats.add(f"adv:{lem}")
        if dep == "ROOT":
            feats.add(f"root:{lem}")
            feats.add(f"roottag:{tok.tag_}")
    for ent in ents_within(sent) if isinstance(sent, Span) else ():
        feats.add(f"ent:{ent.label_}")
    return sorted(feats)


def _lexicon_features(toks: list[Token], index: TriggerIndex, feats: set[str], lemmas: list[str]) -> None:
    texts = [t.lower_ for t in toks]
    for i, tok in enumerate(toks):
        if tok.pos_ == "PROPN":
            continue
        entries = index.match_token(tok) + index.match_phrases(lemmas, i, texts)
        if not entries:
            continue
        best = entries[0]
        feats.add(f"lex:{best.type}")
        feats.add(f"lexm:{best.type}/{best.mode or NULL_MODE}")
        if best.weight < 0.5:
            feats.add(f"lexweak:{best.type}")
        for other in entries[1:]:
            feats.add(f"lexalt:{other.type}")


def _verb_features(tok: Token, lem: str, feats: set[str]) -> None:
    feats.add(f"v:{lem}")
    for child in tok.children:
        dep = child.dep_
        clem = _lemma(child)
        if dep in _PARTICLE_DEPS or (dep == "advmod" and clem in {"down", "up", "out", "off", "back", "away"}):
            feats.add(f"vp:{lem}_{clem}")
        elif dep in _OBJECT_DEPS and child.pos_ == "NOUN":
            feats.add(f"vo:{lem}_{clem}")
        elif dep in _CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}:
            feats.add(f"vx:{lem}_{clem}")
        elif dep in {"prep", "agent"}:
            feats.add(f"vprep:{lem}_{clem}")
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN":
                    feats.add(f"vpo:{lem}_{clem}_{_lemma(pobj)}")
        elif dep in {"acomp", "advmod"} and child.pos_ in {"ADJ", "ADV"}:
            feats.add(f"vc:{lem}_{clem}")
    # The verb a clausal complement hangs from carries the speech act ("urged X to free", "refused to resign").
    if tok.dep_ in _CLAUSE_DEPS and tok.head.pos_ in {"VERB", "AUX"}:
        feats.add(f"xv:{_lemma(tok.head)}_{lem}")


# --- model ------------------------------------------------------------------------------------------------


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class _SparseRows:
    """The non-zero entries of a mostly-zero matrix, for the two products softmax training needs.

    A sentence has some 40 of the ~20,000 features, so dense products spend almost all their time on
    zeros (minutes instead of seconds for 3,000 sentences). scipy.sparse would do this, but scipy is not
    a dependency of dateline; two `np.add.reduceat` calls over index arrays are all that is needed, and
    they are deterministic (fixed summation order).
    """

    def __init__(self, x: np.ndarray) -> None:
        self.shape = x.shape
        rows, cols = np.nonzero(x)  # row-major order: each row's entries are contiguous
        self.vals = x[rows, cols].astype(np.float32)[:, None]
        self.rows, self.cols = rows, cols
        self.row_ids, self.row_starts = np.unique(rows, return_index=True)
        self.by_col = np.argsort(cols, kind="stable")
        self.col_ids, self.col_starts = np.unique(cols[self.by_col], return_index=True)

    def dot(self, w: np.ndarray) -> np.ndarray:
        """x @ w"""
        out = np.zeros((self.shape[0], w.shape[1]), dtype=np.float32)
        if len(self.rows):
            out[self.row_ids] = np.add.reduceat(w[self.cols] * self.vals, self.row_starts, axis=0)
        return out

    def tdot(self, g: np.ndarray) -> np.ndarray:
        """x.T @ g"""
        out = np.zeros((self.shape[1], g.shape[1]), dtype=np.float32)
        if len(self.rows):
            terms = (g[self.rows] * self.vals)[self.by_col]
            out[self.col_ids] = np.add.reduceat(terms, self.col_starts, axis=0)
        return out


def fit_softmax(
    x: np.ndarray, y: np.ndarray, n_classes: int, *, l2: float = 1e-4, iters: int = 250, lr: float = 0.1
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam; returns (weights d×k, bias k).

    Hand-written (some thirty lines of numpy) rather than adding scikit-learn: the data set is a few
    hundred sentences, numpy is already a dependency, and CI installs from scratch on every run.
    Full-batch with zero initialisation makes the result deterministic.
    """
    n, d = x.shape
    w = np.zeros((d, n_classes), dtype=np.float32)
    b = np.zeros(n_classes, dtype=np.float32)
    onehot = np.zeros((n, n_classes), dtype=np.float32)
    onehot[np.arange(n), y] = 1.0
    xs = _SparseRows(x)
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = np.zeros_like(b)
    v_b = np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, iters + 1):
        p = _softmax(xs.dot(w) + b)
        g = (p - onehot) / n
        gw = xs.tdot(g) + l2 * w
        gb = g.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * gw
        v_w = beta2 * v_w + (1 - beta2) * gw * gw
        m_b = beta1 * m_b + (1 - beta1) * gb
        v_b = beta2 * v_b + (1 - beta2) * gb * gb
        c1 = 1 - beta1**step
        c2 = 1 - beta2**step
        w -= lr * (m_w / c1) / (np.sqrt(v_w / c2) + eps)
        b -= lr * (m_b / c1) / (np.sqrt(v_b / c2) + eps)
    return w, b


def build_vocab(feature_lists: Iterable[Sequence[str]], min_count: int = 2) -> list[str]:
    """Features seen in at least `min_count` training sentences.

    With a few hundred sentences every verb frame was kept from one sighting; with 3,000 the one-off
    features (half the vocabulary) only memorise their sentence and double the model file, so every
    feature now has to recur.
    """
    counts: dict[str, int] = {}
    for feats in feature_lists:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, c in counts.items() if c >= min_count)


def vectorise(feature_lists: Sequence[Sequence[str]], index: dict[str, int]) -> np.ndarray:
    """Dense L2-normalised binary matrix (rows: sentences) — the training set is small enough for dense."""
    x = np.zeros((len(feature_lists), len(index)), dtype=np.float32)
    for row, feats in enumerate(feature_lists):
        cols = [index[f] for f in feats if f in index]
        if cols:
            x[row, cols] = 1.0 / np.sqrt(len(cols))
    return x


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises held-out negative log-likelihood (grid search, deterministic)."""
    best_t, best_nll = 1.0, float("inf")
    for t in np.round(np.arange(0.3, 4.01, 0.05), 2):
        p = _softmax(logits / t)
        nll = float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


@dataclass
class TrainedModel:
    """Arrays of a trained classifier, as saved in the .npz file."""

    vocab: list[str]
    types: list[str]
    w_type: np.ndarray
    b_type: np.ndarray
    modes: list[str]
    w_mode: np.ndarray
    b_mode: np.ndarray
    temperature: float = 1.0
    meta: dict[str, Any] = field(default_factory=dict)

    def save(self, path: str | os.PathLike[str]) -> None:
        # float16 halves the file; the weights need nowhere near float32 precision.
        np.savez_compressed(
            path,
            vocab=np.array("\n".join(self.vocab)),
            types=np.array("\n".join(self.types)),
            modes=np.array("\n".join(self.modes)),
            w_type=self.w_type.astype(np.float16),
            b_type=self.b_type.astype(np.float32),
            w_mode=self.w_mode.astype(np.float16),
            b_mode=self.b_mode.astype(np.float32),
            temperature=np.array(self.temperature, dtype=np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> TrainedModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(
                vocab=str(z["vocab"]).split("\n"),
                types=str(z["types"]).split("\n"),
                modes=str(z["modes"]).split("\n"),
                w_type=z["w_type"].astype(np.float32),
                b_type=z["b_type"].astype(np.float32),
                w_mode=z["w_mode"].astype(np.float32),
                b_mode=z["b_mode"].astype(np.float32),
                temperature=float(z["temperature"]),
                meta=json.loads(str(z["meta"])),
            )


def mode_label(event_type: str, mode: str | None) -> str:
    return f"{event_type}/{mode or NULL_MODE}"


def train(
    feature_lists: Sequence[Sequence[str]],
    types: Sequence[str],
    modes: Sequence[str | None],
    *,
    type_labels: Sequence[str] | None = None,
    l2: float = 1e-4,
    iters: int = 250,
    temperature: float = 1.0,
) -> TrainedModel:
    """Train the type model on every sentence and the mode model on the sentences that have an event."""
    vocab = build_vocab(feature_lists)
    index = {f: i for i, f in enumerate(vocab)}
    x = vectorise(feature_lists, index)
    labels = sorted(set(type_labels or types))
    label_ix = {t: i for i, t in enumerate(labels)}
    w_t, b_t = fit_softmax(x, np.array([label_ix[t] for t in types]), len(labels), l2=l2, iters=iters)
    has_event = [i for i, t in enumerate(types) if t != NONE_LABEL]
    mode_names = sorted({mode_label(types[i], modes[i]) for i in has_event})
    mode_ix = {m: i for i, m in enumerate(mode_names)}
    w_m = np.zeros((len(vocab), len(mode_names)), dtype=np.float32)
    b_m = np.zeros(len(mode_names), dtype=np.float32)
    # One softmax per type over that type's modes: prediction only ever compares the modes of one type
    # (predict_mode_features), so this is the model inference uses. A feature never seen with a type keeps
    # weight 0 in its columns, which makes the matrix mostly zeros and the compressed file small.
    for event_type in sorted({types[i] for i in has_event}):
        rows = [i for i in has_event if types[i] == event_type]
        cols = [mode_ix[m] for m in mode_names if m.split("/", 1)[0] == event_type]
        if len(cols) < 2:
            continue  # a single mode needs no weights
        local = {c: j for j, c in enumerate(cols)}
        y_m = np.array([local[mode_ix[mode_label(types[i], modes[i])]] for i in rows])
        w, b = fit_softmax(x[rows], y_m, len(cols), l2=l2, iters=iters)
        w_m[:, cols] = w
        b_m[cols] = b
    return TrainedModel(vocab, labels, w_t, b_t, mode_names, w_m, b_m, temperature)


class EventClassifier:
    """Predicts a PLOVER type (or NONE) and a mode for a parsed sentence."""

    def __init__(self, model: TrainedModel) -> None:
        self.model = model
        self._index = {f: i for i, f in enumerate(model.vocab)}
        self.types: list[str] = list(model.types)
        self.meta = model.meta
        self._modes_of: dict[str, list[int]] = {}
        for i, label in enumerate(model.modes):
            self._modes_of.setdefault(label.split("/", 1)[0], []).append(i)

    def _columns(self, feats: Sequence[str]) -> tuple[list[int], float]:
        cols = [self._index[f] for f in feats if f in self._index]
        return cols, (1.0 / np.sqrt(len(cols)) if cols else 0.0)

    def _type_logits(self, feats: Sequence[str]) -> np.ndarray:
        cols, scale = self._columns(feats)
        return self.model.w_type[cols].sum(axis=0) * scale + self.model.b_type

    def predict(self, sent: Span | Sequence[Token]) -> list[tuple[str, float]]:
        """Every type including NONE with its calibrated probability, most probable first."""
        return self.predict_features(sentence_features(sent))

    def predict_features(self, feats: Sequence[str]) -> list[tuple[str, float]]:
        p = _softmax(self._type_logits(feats) / self.model.temperature)
        order = np.argsort(-p, kind="stable")
        return [(self.types[i], float(p[i])) for i in order]

    def prob(self, sent: Span | Sequence[Token], event_type: str) -> float:
        """Probability of one type (0.0 for a label the model does not know)."""
        return dict(self.predict(sent)).get(event_type, 0.0)

    def predict_mode(self, sent: Span | Sequence[Token], event_type: str) -> list[tuple[str | None, float]]:
        """Modes of `event_type` with probabilities (None = no particular mode), most probable first."""
        return self.predict_mode_features(sentence_features(sent), event_type)

    def predict_mode_features(self, feats: Sequence[str], event_type: str) -> list[tuple[str | None, float]]:
        rows = self._modes_of.get(event_type)
        if not rows:
            return [(None, 1.0)]
        cols, scale = self._columns(feats)
        logits = self.model.w_mode[cols][:, rows].sum(axis=0) * scale + self.model.b_mode[rows]
        p = _softmax(logits)
        order = np.argsort(-p, kind="stable")
        out: list[tuple[str | None, float]] = []
        for i in order:
            mode = self.model.modes[rows[i]].split("/", 1)[1]
            out.append((None if mode == NULL_MODE else mode, float(p[i])))
        return out

    def explain(
        self, sent: Span | Sequence[Token], event_type: str | None = None, top: int = 10
    ) -> list[tuple[str, float]]:
        """The features that push hardest toward `event_type` (default: the predicted type), with their logit share."""
        feats = sentence_features(sent)
        target = event_type or self.predict_features(feats)[0][0]
        k = self.types.index(target)
        cols, scale = self._columns(feats)
        contrib = [(self.model.vocab[c], float(self.model.w_type[c, k] * scale)) for c in cols]
        contrib.sort(key=lambda fc: -abs(fc[1]))
        return contrib[:top]


def default_model_path() -> Path:
    override = os.environ.get(ENV_MODEL)
    if override:
        return Path(override)
    return Path(str(resources.files("dateline") / "data" / "classifier" / MODEL_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> EventClassifier:
    return EventClassifier(TrainedModel.read(path))


def load_classifier(path: str | os.PathLike[str] | None = None) -> EventClassifier:
    """The shipped classifier (or the file named by DATELINE_CLASSIFIER_MODEL / `path`), loaded once per process."""
    return _load(str(path or default_model_path()))


__all__ = [
    "EventClassifier",
    "TrainedModel",
    "load_classifier",
    "sentence_features",
    "train",
    "fit_softmax",
    "fit_temperature",
    "build_vocab",
    "vectorise",
    "NONE_LABEL",
]
