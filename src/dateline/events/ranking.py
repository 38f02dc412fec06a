"""Second opinion and story salience: the trained sentence classifier weighs each lexicon event, and each event
gets a salience — how central it is to the story — so a user (or a scorer) can ask for the story's main event.

Why both: the lexicon proposes every act a sentence mentions, with a weight that knows nothing of context;
the classifier reads the whole sentence ("struck a conciliatory tone" is no attack). Salience is separate from
confidence: a background act can be certain and still not be what the article reports.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..models import Event
from .grammar import load_grammar

G = load_grammar()

NONE = "NONE"
# How much of the lexicon's confidence the classifier can take away: an event the classifier finds
# implausible keeps (1 - CLASSIFIER_SHARE) of its confidence, one it agrees with keeps all of it.
CLASSIFIER_SHARE = 0.4
# A weak lexicon entry the classifier gives almost no chance is dropped, not just discounted.
VETO_WEIGHT = 0.7
VETO_RELATIVE = 0.05
# Where the story is told: the title and the lead sentences weigh most, later sentences less.
LEAD_SENTENCES = 2
TITLE_WEIGHT = 2.0
# An event of the type the headline's main verb names weighs this much more (a headline states the story's act).
HEADLINE_MATCH = 1.5
# Salience of every event but the main one stays below it, so the main event is the one marked 1.0.
MAX_BELOW_MAIN = 0.99
# An act told as the content of an accusation weighs this much of its own salience.
EMBEDDED_IN_ACCUSATION = 0.6
ACCUSATION_TYPES = frozenset({"ACCUSE", "REJECT"})
# An act told as what a party helps another do ('will help Ukraine fight Russia', 'helped the militia attack the
# base') is the help's content: the sentence tells the help, as a demand's content weighs (EMBEDDED_IN_REQUEST).
EMBEDDED_IN_HELP = 0.3
# An act told as the content of a demand ('demanded that the government lift the curfew') has not happened:
# it is what is asked for, so it weighs much less than the demand (PLOVER codes the REQUEST).
EMBEDDED_IN_REQUEST = 0.3
REQUEST_TYPES = frozenset({"REQUEST"})
# An act told in a clause that only sets the scene (a relative clause, a clause of time or cause) stays below
# this share of the act its sentence's main clause tells, however violent the background ('resigned as
# protesters threatened to storm his office'): the story prior reads the whole sentence and would favour it.
BELOW_MAIN_CLAUSE = 0.9
# An act the text dates more than this many days before publication ('In 2018, the US imposed sanctions') is
# history the story recalls, not its news: it weighs HISTORY of its salience and is not the headline's act
# while a recent one of that type is.
HISTORY_DAYS = 31
HISTORY = 0.5
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp", "pobj", "amod", "compound", "npadvmod", "nmod"})

Probs = dict[str, float]


CALIBRATION_FILE = Path(__file__).resolve().parents[1] / "data" / "classifier" / "confidence_calibration.json"


@lru_cache(maxsize=1)
def _calibration() -> tuple[float, float] | None:
    try:
        data = json.loads(CALIBRATION_FILE.read_text("utf-8"))
        return float(data["a"]), float(data["b"])
    except (OSError, ValueError, KeyError):
        return None


# Tests and scripts/calibrate_confidence.py set this to None to read the raw score.
CALIBRATION: Callable[[], tuple[float, float] | None] | None = _calibration


def calibrated(raw: float) -> float:
    """Raw confidence -> probability that the event's type is right, by the map fitted on the project's own
    held-out sentences (scripts/calibrate_confidence.py). Monotonic, so thresholds on the raw score keep meaning."""
    params = CALIBRATION() if CALIBRATION is not None else None
    if params is None:
        return raw
    a, b = params
    x = math.log(min(max(raw, 1e-4), 1 - 1e-4) / (1 - min(max(raw, 1e-4), 1 - 1e-4)))
    return round(1 / (1 + math.exp(-(a * x + b))), 3)


def use_classifier(_: None = None) -> None:
    """Forget the loaded classifier so the next sentence reads DATELINE_CLASSIFIER_MODEL again."""
    _classifier.cache_clear()


@lru_cache(maxsize=1)
def _classifier() -> Callable[[Span], list[tuple[str, float]]] | None:
    try:
        from ..classifier import default_model_path, load_classifier

        return load_classifier(default_model_path()).predict
    except (OSError, ValueError, KeyError):  # a missing or foreign model file: the lexicon alone decides
        return None


_PROBS = "dateline.sentence_probs"


def sentence_probs(sent: Span) -> Probs:
    """The classifier's type distribution for one sentence; empty when no model is available. Kept with the
    Doc: a lead sentence is read both for its own events and for the story's prior."""
    predict = _classifier()
    if predict is None:
        return {}
    memo = sent.doc.user_data.setdefault(_PROBS, {})
    key = (sent.start, sent.end)
    probs = memo.get(key)
    if probs is None:
        probs = memo[key] = dict(predict(sent))
    return dict(probs)


def agreement(probs: Probs, event_type: str) -> float:
    """How strongly the classifier backs this type, relative to its favourite event type (1.0 = its favourite)."""
    if not probs:
        return 1.0
    best = max((p for t, p in probs.items() if t != NONE), default=0.0)
    return probs.get(event_type, 0.0) / best if best > 0 else 0.0


def vetoed(weight: float, probs: Probs, event_type: str) -> bool:
    return bool(probs) and weight < VETO_WEIGHT and agreement(probs, event_type) < VETO_RELATIVE


def weigh(confidence: float, probs: Probs, event_type: str, act_type: str | None = None) -> float:
    """Discount by the classifier's disagreement. A declared or refused act ('will withdraw' coded CONCEDE,
    'will not accept' coded REJECT) is backed by the classifier reading either the declaration or the act."""
    agree = max(agreement(probs, event_type), agreement(probs, act_type) if act_type else 0.0)
    return round(confidence * (1 - CLASSIFIER_SHARE + CLASSIFIER_SHARE * agree), 3)


def story_prior(sdoc: Doc, title_doc: Doc | None) -> Probs:
    """What the story is about, by the classifier: its title and lead sentences, normalised over event types."""
    total: dict[str, float] = {}
    parts: list[tuple[Span, float]] = [(s, 1.0) for s in list(sdoc.sents)[:LEAD_SENTENCES]]
    if title_doc is not None and len(title_doc):
        parts.append((title_doc[:], TITLE_WEIGHT))
    for span, w in parts:
        for t, p in sentence_probs(span).items():
            if t != NONE:
                total[t] = total.get(t, 0.0) + w * p
    norm = sum(total.values())
    return {t: v / norm for t, v in total.items()} if norm else {}


def _clause_weight(tok: Token) -> float:
    """A trigger that is the sentence's main act (or the act a speaker reports) outranks one in a side clause."""
    node = tok
    for _ in range(6):
        if node.dep_ == "ROOT":
            return 1.0
        if node.dep_ in SUBORDINATE_DEPS:
            return 0.7
        if node.dep_ == "ccomp" and node.head.dep_ == "ROOT":
            return 0.95
        node = node.head
    return 0.85


def _in_background(tok: Token) -> bool:
    """Whether the trigger sits in a relative clause or a finite clause of time or cause."""
    node = tok
    while node.dep_ != "ROOT" and node.head is not node:
        if node.dep_ == "relcl" or (node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in G.background_clause_marks for c in node.children)):
            return True
        node = node.head
    return False


def _below_main_clause(events: Sequence[Event], raw: list[float], sdoc: Doc) -> list[float]:
    """Cap each background act below the strongest main-clause act of its own sentence."""
    sentence: list[int | None] = []
    background: list[bool] = []
    for ev in events:
        tok = _trigger_token(ev, sdoc)
        sentence.append(tok.sent.start if tok is not None else None)
        background.append(tok is not None and _in_background(tok))
    main: dict[int, float] = {}
    for s, bg, r in zip(sentence, background, raw, strict=True):
        if s is not None and not bg:
            main[s] = max(main.get(s, 0.0), r)
    return [min(r, BELOW_MAIN_CLAUSE * main[s]) if bg and s in main else r
            for s, bg, r in zip(sentence, background, raw, strict=True)]


def _history(ev: Event, published: str | None) -> bool:
    """Whether the event's own date (not one inherited from publication) ended well before publication."""
    d = ev.date
    if published is None or d is None or d.inferred or d.source == "publication":
        return False
    last = d.end or d.start
    if not last:
        return False
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(last[:10])).days > HISTORY_DAYS
    except ValueError:
        return False


def assign_salience(events: Sequence[Event], sdoc: Doc, prior: Probs, headline_type: str | None = None,
                    published: str | None = None) -> list[Event]:
    """Salience in (0, 1]: 1.0 for the story's main event; position, clause, the story prior and the act the
    headline names decide. The headline states the story's act: when it names one, the most salient event of
    that type is the main event, whatever outweighs it in the body."""
    if not events:
        return list(events)
    starts = [s.start_char for s in sdoc.sents]
    raw: list[float] = []
    for ev in events:
        if ev.evidence.in_title:  # the headline's own main verb: first place, main clause
            position, clause = 1.0, 1.0
        else:
            index = sum(1 for s in starts if s <= ev.evidence.start) - 1
            position = 1.0 / (1.0 + 0.3 * max(index, 0))
            span = sdoc.char_span(ev.evidence.trigger_start, ev.evidence.trigger_end, alignment_mode="expand")
            clause = _clause_weight(span.root) if span is not None and len(span) else 0.85
        fit = 0.5 + prior.get(ev.event_type, 0.0) if prior else 1.0
        if headline_type is not None and ev.event_type == headline_type:
            fit *= HEADLINE_MATCH
        raw.append(ev.confidence * position * clause * fit)
    raw = [r * (EMBEDDED_IN_ACCUSATION if _inside_accusation(ev, events, sdoc) else 1.0)
           * (EMBEDDED_IN_REQUEST if _inside_accusation(ev, events, sdoc, REQUEST_TYPES) else 1.0)
           * (EMBEDDED_IN_HELP if _helped_act(ev, events, sdoc) else 1.0)
           for ev, r in zip(events, raw, strict=True)]
    raw = _below_main_clause(events, raw, sdoc)
    history = [_history(ev, published) for ev in events]
    raw = [r * HISTORY if old else r for r, old in zip(raw, history, strict=True)]
    top = max(raw) or 1.0
    salience = [r / top for r in raw]
    named = [i for i, ev in enumerate(events) if ev.event_type == headline_type]
    named = [i for i in named if not history[i]] or named
    if named:
        main = max(named, key=lambda i: raw[i])
        salience = [1.0 if i == main else min(v, MAX_BELOW_MAIN) for i, v in enumerate(salience)]
    return [ev.model_copy(update={"salience": round(v, 3)}) for ev, v in zip(events, salience, strict=True)]


def _trigger_token(ev: Event, sdoc: Doc) -> Token | None:
    if ev.evidence.in_title:
        return None  # its offsets point into the title, not into this Doc
    span = sdoc.char_span(ev.evidence.trigger_start, ev.evidence.trigger_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _inside_accusation(ev: Event, events: Sequence[Event], sdoc: Doc,
                       speech_types: frozenset[str] = ACCUSATION_TYPES) -> bool:
    """'accused the army of torture', 'investigating the killing': the act is what the accusation is about,
    so the story is the accusation. With REQUEST_TYPES: the act is what a demand asks for."""
    if ev.event_type in speech_types:
        return False
    tok = _trigger_token(ev, sdoc)
    if tok is None:
        return False
    for other in events:
        if other.event_type not in speech_types or other.evidence.start != ev.evidence.start:
            continue
        head = _trigger_token(other, sdoc)
        if head is not None and head.i != tok.i and head in tok.ancestors and (
                speech_types is ACCUSATION_TYPES or _asked_of_another(tok, head)):
            return True
    return False


def _helped_act(ev: Event, events: Sequence[Event], sdoc: Doc) -> bool:
    """The act is the clause a helping verb's event governs ('helped the militia attack the base')."""
    tok = _trigger_token(ev, sdoc)
    if tok is None:
        return False
    for other in events:
        if other is ev or other.evidence.start != ev.evidence.start:
            continue
        head = _trigger_token(other, sdoc)
        if head is not None and head.i != tok.i and head.lemma_.lower() in G.help_verbs and tok.head.i == head.i and (
                tok.dep_ in ("ccomp", "xcomp")):
            return True
    return False


def _asked_of_another(tok: Token, head: Token) -> bool:
    """The act lies in a clause the demand puts to another party ('demanded that X lift', 'urged X to lift'),
    not in the asker's own aim ('seeking to deepen ties' is the asker's act)."""
    clause = next((a for a in [tok, *tok.ancestors] if a.head.i == head.i), None)
    if clause is None:
        return False
    if clause.dep_ == "ccomp" or clause.dep_ == "acl" and head.pos_ == "NOUN":
        return True  # 'demanded that X lift', 'its demand that X lift'
    return clause.dep_ == "xcomp" and any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)


def main_event(events: Sequence[Event]) -> Event | None:
    """The event the story is about: most salient, then most confident, then earliest."""
    if not events:
        return None
    return sorted(events, key=lambda e: (-(e.salience if e.salience is not None else 0.0), -e.confidence,
                                         e.evidence.start))[0]
