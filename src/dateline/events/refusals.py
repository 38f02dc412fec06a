"""Acts a party declares impossible: 'Chile said lifting the tariffs is out of the question', 'talks with the
rebels are not on the table, the minister said' refuse the act as 'ruled out lifting the tariffs' does (PLOVER
REJECT, CAMEO 12), with the refused act's mode (lifting a measure: yield; talks: meet). The refused act is not
done, so it is no event of its own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import cameo_for
from .concessions import yielding
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()
# prepositions that name who bears the refused act: 'tariffs on Peru', 'talks with the rebels'
_PARTY_PREPS = frozenset({"on", "with", "against", "to", "for", "from", "between"})


def _words_after(cop: Token) -> list[str]:
    """The copula's predicate as words ('not on the table'), without adverbs other than the negation ('is plainly
    out of the question')."""
    doc = cop.doc
    return ["not" if t.lower_ == "n't" else t.lower_ for t in doc[cop.i + 1 : cop.right_edge.i + 1]
            if not (t.dep_ == "advmod" and t.head.i == cop.i and t.lower_ not in ("not", "n't"))]


def _declared_impossible(cop: Token) -> bool:
    words = _words_after(cop)
    return any(words[: len(p)] == p for p in (ph.split() for ph in G.impossibility_phrases))


def _bearer(act: Token) -> Token | None:
    """The party the refused act would bear on: a preposition's object on the act or on its object."""
    heads = [act, *(c for c in act.children if c.dep_ == "dobj")]
    return next((g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in _PARTY_PREPS
                 for g in c.children if g.dep_ == "pobj"), None)


def impossible_acts(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """A REJECT on the speech verb whose that-clause declares an act impossible ('X said that Y is out of the
    question'); the refused act's own triggers give the mode and are dropped. Only a named act (not 'it', 'that')
    said by someone: a bare 'talks are out of the question' names no one who refuses."""
    by_token = {t.token.i: t for t in triggers}
    out = list(triggers)
    for cop in sent:
        if cop.lemma_.lower() not in G.impossibility_copulas or cop.dep_ != "ccomp":
            continue
        speech = cop.head
        if speech.lemma_.lower() not in G.speech_verbs or speech.i in by_token or not _declared_impossible(cop):
            continue
        act = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if act is None or act.pos_ in ("PRON", "DET"):
            continue
        inside = {t.i for t in act.subtree}
        refused = [t for t in triggers if t.token.i in inside]
        mode = next((m for t in refused if (m := G.asked_modes.get(f"{t.event_type}/{t.entry.get('mode')}")
                                                 or G.asked_modes.get(t.event_type))), None)
        if mode is None and yielding(act):
            mode = "yield"  # 'lifting the tariffs': giving something up, as a refused concession
        entry: dict[str, object] = {"kind": "verb", "type": "REJECT", "mode": mode, "cameo": cameo_for("REJECT", mode),
                                    "weight": 0.9, "declared_impossible": True}
        bearer = _bearer(act)
        if bearer is not None:
            entry["addressee"] = bearer.i
        out = [t for t in out if t.token.i not in inside]
        out.append(Trigger(token=speech, entry=entry, tokens=[speech, cop], specificity=2))
    return sorted(out, key=lambda t: t.token.i)
