"""Deaths nobody caused: an accident or a natural disaster told as the cause of a death or injury.

PLOVER ASSAULT is violence an actor uses. 'Ten people were killed in a bus crash', 'the flood killed 40',
'four soldiers died when their helicopter crashed' tell a loss, not an act: the death word is the only trigger,
and its cause is a mishap (event_grammar.json: outcome_verbs, mishap_nouns, mishap_verbs).
"""

from __future__ import annotations

from spacy.tokens import Token

from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()
# Prepositions that give a death its cause ('killed in a crash', 'killed by the quake', 'died during the storm');
# 'after' only dates it ('killed in shelling after the earthquake').
CAUSE_PREPS = frozenset({"in", "by", "during", "from"})
WHEN_MARKS = frozenset({"when", "as"})


def _mishap(noun: Token) -> bool:
    return noun.lemma_.lower() in G.mishap_nouns or noun.lower_ in G.mishap_nouns


def caused_by_mishap(tok: Token) -> bool:
    """The outcome verb's cause is an accident or a disaster, and the text names no one who did it."""
    if tok.lemma_.lower() not in G.outcome_verbs:
        return False
    has_object = any(c.dep_ in ("dobj", "obj") for c in tok.children)
    for c in tok.children:
        doer = c if c.dep_ == "nsubj" and has_object else None  # 'the flood killed 40'; not 'ten people died'
        if c.dep_ == "agent":
            doer = next((g for g in c.children if g.dep_ == "pobj"), None)
        if doer is not None:
            return _mishap(doer)  # 'rebels killed ...' names a doer; 'killed by the crash' names a mishap
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS:
            if any(g.dep_ == "pobj" and _mishap(g) for g in c.children):
                return True
        if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS for m in c.children):
            # 'died when their helicopter crashed', 'were killed as an avalanche buried the camp'
            if c.lemma_.lower() in G.mishap_verbs or any(s.dep_ == "nsubj" and _mishap(s) for s in c.children):
                return True
    return False


def without_mishap_deaths(triggers: list[Trigger]) -> list[Trigger]:
    """Drop the death words a mishap caused, unless the sentence tells an act of violence besides ('killed when
    their helicopter crashed after rebels fired on it'): then the death may be that act's."""
    mishap = [t for t in triggers if t.event_type == "ASSAULT" and caused_by_mishap(t.token)]
    if not mishap:
        return triggers
    if any(t.event_type == "ASSAULT" and t.token.lemma_.lower() not in G.outcome_verbs for t in triggers):
        return triggers
    return [t for t in triggers if t not in mishap]
