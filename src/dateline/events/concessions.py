"""Promised concessions: a commitment whose content gives something up is a CONCEDE (PLOVER: verbal concessions
without immediate material effect — promised easing of restrictions, meeting demands, compensation, releases).

The lexicon codes 'lift the curfew' as CONCEDE, but many yielding acts ('compensate the families', 'raise wages',
'meet their demands') are no event on their own; promised, they are the concession the story reports.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .grammar import load_grammar
from .triggers import PEOPLE_CLASS, Trigger, _names_people, _object_tokens

G = load_grammar()
PROMISE_TYPES = frozenset({"AGREE"})
ENTRY = {"kind": "verb", "type": "CONCEDE", "mode": None, "cameo": "080", "weight": 0.8, "yielding": True}


def yielding(tok: Token) -> bool:
    """Is this verb, with its object, an act of giving something up ('ease travel restrictions', 'free them')?"""
    if tok.pos_ != "VERB":
        return False
    objects = G.yielding_contents.get(tok.lemma_.lower())
    if objects is None:
        return False
    if not objects:
        return True
    return any(t.lemma_.lower() in objects or t.lower_ in objects or (PEOPLE_CLASS in objects and _names_people(t))
               for t in _object_tokens(tok))


def _committed(tok: Token, promise_heads: set[int]) -> bool:
    """The act is promised or declared for later: 'will ease', 'pledged to ease', 'plans to ease', 'ready to ease'."""
    if any(c.dep_ == "aux" and c.lower_ in G.future_aux | {"would"} for c in tok.children):
        return True
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("to", "on"):
        head = head.head  # "committed to compensating", "agreed on lifting"
    elif tok.dep_ not in ("xcomp", "acl", "ccomp", "conj", "advcl"):
        return False
    if tok.dep_ == "conj" or (tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # "pledged to free the prisoners and reopen the border"; "promised to work with X to scrap the curbs":
        # the purpose of a promised act is promised too
        return _committed(head, promise_heads)
    lemma = head.lemma_.lower()
    return (head.i in promise_heads or lemma in G.commitment_governors or lemma in G.commitment_adjectives
            or (head.pos_ == "NOUN" and lemma in G.commitment_nouns))


def promised_concessions(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """Add a CONCEDE trigger for each promised yielding act; a promised act the lexicon reads otherwise
    ('will compensate' as aid) becomes the concession it is."""
    promise_heads = {t.token.i for t in triggers if t.event_type in PROMISE_TYPES}
    by_token = {t.token.i: t for t in triggers}
    added: dict[int, Trigger] = {}
    for tok in sent:
        if not yielding(tok) or not _committed(tok, promise_heads):
            continue
        old = by_token.get(tok.i)
        if old is not None and old.event_type in G.concession_types:
            continue
        tokens = old.tokens if old is not None else [tok]
        added[tok.i] = Trigger(token=tok, entry=ENTRY, tokens=tokens, specificity=max(2, old.specificity if old else 2))
    if not added:
        return triggers
    kept = [added.pop(t.token.i, t) for t in triggers]
    return sorted([*kept, *added.values()], key=lambda t: t.token.i)
