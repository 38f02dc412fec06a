"""Promised diplomatic cooperation: 'agreed to restore relations', 'pledged to work together' is the cooperation
itself (PLOVER SUPPORT: initiate, resume, improve or expand diplomatic cooperation) — between states the agreement
is how ties are opened or widened — rather than a promise (AGREE) of something still to come."""

from __future__ import annotations

from spacy.tokens import Token

from .concessions import content_of_class
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()


def _contents(promise: Token) -> list[Token]:
    """What the promise is to do: its to-infinitive ('agreed to cooperate'), the gerund after 'to' ('committed
    to working together') and acts joined to them. A that-clause ('agreed that they should cooperate') says what
    ought to happen, not what was agreed to be done, and is left out."""
    out = [c for c in promise.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    out += [g for c in promise.children if c.dep_ in ("prep", "prt") and c.lower_ == "to" for g in c.children
            if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    out += [g for c in list(out) for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]
    return out


def promised_cooperation(triggers: list[Trigger]) -> list[Trigger]:
    """An AGREE whose content is diplomatic cooperation becomes one SUPPORT; the content's own trigger is merged."""
    merged: set[int] = set()
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type != "AGREE" or t.kind != "verb" or t.token.lemma_.lower() in G.tentative_promises:
            out.append(t)  # an offer or a readiness is willingness (AGREE)
            continue
        hits = [c for c in _contents(t.token) if content_of_class(c, G.diplomatic_contents)]
        if not hits:
            out.append(t)
            continue
        inside = {c.i for c in hits} | {g.i for c in hits for g in c.subtree}
        merged |= inside
        entry = {**t.entry, "type": "SUPPORT", "mode": None, "cameo": "050", "promised_from": "AGREE"}
        out.append(Trigger(token=t.token, entry=entry, tokens=[*t.tokens, *hits], specificity=t.specificity))
    return [t for t in out if t.token.i not in merged]
