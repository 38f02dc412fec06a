"""Violence told by a party about another: 'Israel said a mortar was fired at it from Gaza', 'The US said Iraq had
attacked its own towns'. A state or international body that leads with a hostile act by someone else makes a claim
against them (PLOVER ACCUSE; CAMEO 112, as PETRARCH codes such reports); the act itself is still coded, as what
the claim is about. A report of the speaker's own act ('Switzerland said it had expelled two diplomats') and a
source named after the news ('..., officials said') are not accusations."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .arguments import subject_of
from .grammar import load_grammar
from .triggers import Trigger, names_a_state

G = load_grammar()

# Material conflict a party would be blamed for.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE"})
# The speaker's own act or admission is no claim against another.
_OWN_ACT_VERBS = frozenset({"admit", "acknowledge", "confirm"})
# Pronouns that point back at the speaker as the target ('fired at it', 'attacked us').
_SPEAKER_AS_TARGET = frozenset({"it", "us", "them"})


def _speaker_is_a_party(speaker: Token) -> bool:
    from ..kb import load_kb

    return names_a_state(speaker) or any(e.kind == "igo" for e in load_kb().lookup(speaker.text))


def perpetrator(act: Token) -> tuple[Token | None, bool]:
    """Who the reported clause says did it, and whether the clause is a passive without its agent."""
    subj, passive = subject_of(act)
    if not passive:
        return subj, False
    agent = next((g for c in act.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return agent, agent is None


def _told_as_fact(act: Token, comp: Token) -> bool:
    """The act is what the reported clause asserts happened: its verb or a conjunct of it, not an aim, a relative
    clause or a future ('a resolution that aims to impose a blockade', 'will withdraw unless rebels fight')."""
    node = act
    while node.i != comp.i:
        if node.dep_ not in ("conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    modals = G.future_aux | G.hypothetical_aux  # the grammar's own lists of future and hedging auxiliaries
    return not any(c.dep_ == "aux" and c.lower_ in modals for c in act.children)


def accuses_another(verb: Token, comp: Token, triggers: Sequence[Trigger]) -> bool:
    """Whether 'SPEAKER <verb> [comp]' blames someone other than the speaker for a hostile act in comp."""
    if verb.lemma_.lower() in _OWN_ACT_VERBS or comp.i < verb.i:
        return False
    speaker, _ = subject_of(verb)
    if speaker is None or not _speaker_is_a_party(speaker):
        return False
    for trig in triggers:
        if (trig.event_type not in HOSTILE_TYPES or trig.kind != "verb" or trig.token not in comp.subtree
                or not _told_as_fact(trig.token, comp)):
            continue
        doer, agentless = perpetrator(trig.token)
        if agentless:
            if any(t.lower_ in _SPEAKER_AS_TARGET and t.dep_ in ("pobj", "dobj") for t in trig.token.subtree):
                return True  # 'a mortar was fired at it': the speaker was attacked by someone
            continue
        if doer is None or doer.pos_ == "PRON" or doer.lower_ == speaker.lower_:
            continue
        if any(c.dep_ == "poss" and c.lower_ in G.self_pronouns for c in doer.children):
            continue  # 'its forces killed': the speaker's own
        return True
    return False
