"""Explainer prose: acts told as what a party does by habit ('a senator who speaks with the governor regularly',
'has long opposed the plan', 'has long argued that ...') describe a practice or a stance, not an act the report
tells (no event). Only verbal acts: reports of routine beatings or arrests are coded as the abuses they tell."""

from __future__ import annotations

from spacy.tokens import Token

from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()

_ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "pobj")
RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})


def _verb_of(trig: Trigger) -> Token | None:
    """The verb that tells the act: the trigger verb, or the verb whose subject or object the act noun is."""
    tok = trig.token
    if trig.kind == "verb" and tok.pos_ in ("VERB", "AUX"):
        return tok
    if tok.dep_ in _ARGUMENT_DEPS:
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        return head if head.pos_ in ("VERB", "AUX") else None
    return None


def habitual(trig: Trigger) -> bool:
    """'speaks with the governor regularly', 'often agrees with the governor', 'has long opposed the plan': a
    frequency adverb on the act's verb (habitual_adverbs), or 'long' on a perfect ('has long
    argued'), tells a habit or a lasting stance. 'Repeatedly refused' tells acts that happened and is kept."""
    if trig.event_type not in G.habitual_types:
        return False  # a practice of abuse or arrests is coded as the acts it is made of
    verb = _verb_of(trig)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ != "advmod":
            continue
        if c.lower_ in G.habitual_adverbs:
            return True
        if c.lower_ == "long" and any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in verb.children):
            return True
    return False


def described(trig: Trigger) -> bool:
    """'a group that opposes immigrant detention', 'the party, which backs the bill, ...': a verbal act in a
    relative clause in the simple present tells what its noun stands for, not an act the report tells."""
    if trig.event_type not in G.habitual_types:
        return False
    verb = _verb_of(trig)
    # the relative pronoun is the subject: 'when the leaders meet' (a time clause) tells an act
    return (verb is not None and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_SUBJECTS for c in verb.children))
