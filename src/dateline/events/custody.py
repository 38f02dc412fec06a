"""Custody as a state: 'died while in police custody', 'was beaten in detention'.

A custody noun after 'in' tells where someone is held, not an arrest made ('taken into custody', 'placed in
detention' still tell one: event_grammar custody_entry_verbs). Violence told in that same clause with no doer of
its own ('died of torture in police custody', 'was beaten while in army custody') is the custodian's (PLOVER
ASSAULT; CAMEO 1822 torture), and the one who died of it is its victim.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import _noun_arguments, subject_of
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()


def _held_in(trig: Trigger) -> bool:
    """'in (police) custody', 'while in detention': a custody noun held by 'in', not entered into."""
    tok = trig.token
    if trig.kind != "noun" or trig.event_type != "COERCE" or tok.lemma_.lower() not in G.custody_nouns:
        return False
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in G.custody_preps:
        return False
    return prep.head.lemma_.lower() not in G.custody_entry_verbs  # 'placed in detention', 'remanded in custody'


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause a word is in: the word itself for a verb, else its nearest verb ancestor."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok


def _own_doer(trig: Trigger) -> bool:
    """The act's words name who did it: a subject or 'by' agent of the verb, an owner or 'by' phrase of the
    noun ('police torture', 'torture by guards')."""
    tok = trig.token
    if trig.kind == "verb":
        subj, passive = subject_of(tok)
        return (subj is not None and not passive) or any(c.dep_ == "agent" for c in tok.children)
    return bool(_noun_arguments(tok, set(), True, trig.event_type).actors)


def custody_states(triggers: list[Trigger]) -> list[Trigger]:
    """Drop custody held as a state; give an assault told in its clause with no doer the custodian as doer and,
    for a death of it ('died of torture'), the one who died as its victim."""
    held = [t for t in triggers if _held_in(t)]
    if not held:
        return triggers
    out: list[Trigger] = []
    for trig in triggers:
        if trig in held:
            continue
        if trig.event_type == "ASSAULT" and "custodian" not in trig.entry and not _own_doer(trig):
            verb = _clause_verb(trig.token)
            custody = next((h for h in held if _clause_verb(h.token.head) == verb), None)
            if custody is not None:
                custodians = _noun_arguments(custody.token, set(), False, "COERCE").actors
                entry = {**trig.entry, "custodian": [c.i for c in custodians]}
                if trig.kind != "verb" and verb.lemma_.lower() in G.outcome_verbs:
                    victim, passive = subject_of(verb)
                    if victim is not None and not passive:
                        entry["victim"] = victim.i  # 'a prisoner died of torture': the prisoner was tortured
                trig = Trigger(token=trig.token, entry=entry, tokens=trig.tokens, specificity=trig.specificity)
        out.append(trig)
    return out
