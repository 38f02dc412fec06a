"""Signed material cooperation: 'ratified the extradition treaty', 'signed a defence pact' starts the judicial,
military or intelligence cooperation the agreement names (PLOVER COOPERATE), where signing a bare, political or
trade agreement stays the finalising of an agreement (SUPPORT)."""

from __future__ import annotations

from spacy.tokens import Token

from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()

SIGNING_NOUNS = frozenset({"signing", "ratification", "approval", "conclusion"})
FIELD_PREPS = frozenset({"on", "for"})


def _field_words(agreement: Token) -> list[Token]:
    """The agreement's own modifiers ('an extradition treaty', 'a military accord') and its 'on'/'for' topic ('a
    pact on defence'), with words joined to them ('defence and intelligence'). A clause ('an agreement to expand
    intelligence work') says what the parties hope for and is left out."""
    words = [c for c in agreement.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [o for c in agreement.children if c.dep_ == "prep" and c.lower_ in FIELD_PREPS
              for o in c.children if o.dep_ == "pobj"]
    words += [g for w in list(words) for g in w.children if g.dep_ in ("conj", "compound", "amod")]
    return words


def _signed(trig: Trigger) -> list[Token]:
    """What a signing trigger binds: the verb's object or passive subject; a signing noun's 'of' object."""
    tok = trig.token
    if trig.kind == "verb" and tok.lemma_.lower() in G.finalising_verbs:
        return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.lemma_.lower() in SIGNING_NOUNS:
        return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                if o.dep_ == "pobj"]
    return []


def material_field(agreement: Token) -> str | None:
    """The CAMEO of the material cooperation an agreement is named by, if any."""
    for w in _field_words(agreement):
        key = w.lemma_.lower() if w.lemma_.lower() in G.material_agreements else w.lower_
        if key in G.material_agreements:
            return G.material_agreements[key]
    return None


def finalised_cooperation(triggers: list[Trigger]) -> list[Trigger]:
    """A SUPPORT of signing or ratifying whose agreement is named by a material field is that cooperation."""
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type == "SUPPORT":
            cameo = next((c for c in map(material_field, _signed(t)) if c), None)
            if cameo is not None:
                t = Trigger(token=t.token, entry={**t.entry, "type": "COOPERATE", "mode": None, "cameo": cameo,
                                                  "finalised_from": "SUPPORT"},
                            tokens=t.tokens, specificity=t.specificity)
        out.append(t)
    return out
