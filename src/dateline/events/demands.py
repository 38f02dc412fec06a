"""Demands whose content is a clause: 'reiterated its demand that X ease the curbs', 'insisted on demands that X's
government free the detainees', 'issued a reminder to X that it must comply'.

PLOVER codes the recipient of a demand as the party asked to act, here the subject of the that-clause (or the
party the demand is issued to). The act demanded has not happened: it is the demand's content, not an event.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import OBJECT_DEPS
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()
# Types a demand noun's trigger may carry: a demand, or a warning ('issued a warning to X that it must stop').
DEMAND_TYPES = frozenset({"REQUEST", "THREATEN"})
_DEMAND = {"kind": "noun", "type": "REQUEST", "mode": None, "cameo": "100", "weight": 0.8}


# Auxiliaries of a clause that tells a fact ('that the militia has stepped up raids'), not an act asked for.
_TELLING_AUX = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "do",
                          "can", "could", "may", "might"})


def _asked_for(clause: Token) -> bool:
    """A clause that asks for an act: a bare subjunctive ('that X ease', 'that control be handed over') or one of
    obligation ('that it must comply', 'that X should withdraw'); a tensed clause tells ('that X has ...')."""
    aux = [a.lower_ for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if any(a in G.obligation_aux | G.advisory_aux for a in aux):
        return True
    if any(a in _TELLING_AUX for a in aux):
        return False
    return "be" in aux or clause.tag_ not in ("VBD", "VBZ", "VBN", "VBG")  # 'that control be handed over'


def that_clause(head: Token) -> Token | None:
    """The that-clause a demand verb or noun takes as the act it asks for, with a subject of its own ('that X
    ease'); the small parser tags a bare subjunctive verb as a noun at times ('that X's government release')."""
    for c in head.children:
        if c.dep_ in ("ccomp", "acl") and c.i > head.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and any(
                s.dep_ in ("nsubj", "nsubjpass") for s in c.children) and _asked_for(c):
            return c
    return None


def _demand_nouns(tok: Token) -> list[Token]:
    """The demand nouns a trigger stands for: itself, or the verb's object ('reiterated its demand') or the object
    of its preposition ('insisted on its demands')."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return [tok]
    out = [c for c in tok.children if c.dep_ in OBJECT_DEPS and c.lemma_.lower() in G.demand_nouns]
    out += [g for c in tok.children if c.dep_ == "prep" for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in G.demand_nouns]
    return out


def demand_clause(tok: Token) -> Token | None:
    """The clause a demand trigger asks for: the verb's own that-clause ('demanded that X end') or its demand
    noun's ('reiterated its demand that X ease'); the parser may hang the noun's clause on the verb."""
    for head in [tok, *_demand_nouns(tok)]:
        clause = that_clause(head)
        if clause is not None:
            return clause
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in OBJECT_DEPS:
        return that_clause(tok.head)  # 'gave a reminder to X on Friday that it must': the clause on the verb
    return None


def _issued_to(verb: Token, noun: Token) -> Token | None:
    """The party a message is issued to: 'issued a warning to X', 'gave X a reminder'."""
    for holder in (verb, noun):
        for c in holder.children:
            if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN"):
                return c
            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                found = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
                if found is not None:
                    return found
    return None


def passive_agent(clause: Token) -> Token | None:
    """The doer of a passive clause: 'that the prisoners be freed by X'."""
    return next((g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _demand_nouns_read(triggers: list[Trigger]) -> list[Trigger]:
    """'repeated its call that X free the prisoners': a demand noun the lexicon reads only with an object ('a call
    for talks') is a demand when its that-clause asks for an act."""
    if not triggers:
        return triggers  # no act read in the sentence: nothing a demand could be made of either
    held = {t.i for trig in triggers for t in (trig.token, *trig.tokens)}
    added = [Trigger(token=noun, entry=dict(_DEMAND), tokens=[noun], specificity=1) for noun in triggers[0].token.sent
             if noun.pos_ == "NOUN" and noun.i not in held and noun.lemma_.lower() in G.demand_nouns
             and demand_clause(noun) is not None]
    return sorted([*triggers, *added], key=lambda t: t.token.i) if added else triggers


def demanded_contents(triggers: list[Trigger]) -> list[Trigger]:
    """A demand with a that-clause is aimed at the clause's subject, or at the party it is issued to; the acts in
    the clause are what is demanded and are dropped (as 'called for the withdrawal of X' is one demand)."""
    triggers = _demand_nouns_read(triggers)
    dropped: set[int] = set()
    out: list[Trigger] = []
    for t in triggers:
        clause = demand_clause(t.token) if t.event_type in DEMAND_TYPES else None
        if clause is None or (t.event_type == "THREATEN" and not any(
                n.lemma_.lower() in G.demand_nouns for n in [t.token, *t.tokens])):
            out.append(t)
            continue
        # an act named as the clause's subject is going on already ('ordered that the raids continue', 'demanded
        # that the shelling stop'): only what the clause asks of it is not yet done
        told = {x.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
        inside = {x.i for x in clause.subtree} - told
        inner = [o for o in triggers if o is not t and o.token.i in inside]
        dropped.update(o.token.i for o in inner)
        entry = dict(t.entry)
        if entry.get("addressee") is None and entry.get("addressed_in") is None:
            noun = next((n for n in [t.token, *t.tokens] if n.lemma_.lower() in G.demand_nouns), None)
            told = _issued_to(t.token if t.token.pos_ in ("VERB", "AUX") else t.token.head, noun or t.token)
            if told is not None:
                entry["addressee"] = told.i
            elif (agent := passive_agent(clause)) is not None:
                entry["addressee"] = agent.i  # 'that the fishermen be freed by X': X is asked to free them
            else:  # 'an ultimatum that the rebels must leave': the rebels are warned as well as asked
                entry["addressed_in"] = clause.i
        if t.event_type == "REQUEST":
            # the demand is as sure as its clause says: 'its demand that X ease ...' is one, whatever the noun's weight
            entry["weight"] = max(0.8, float(entry.get("weight", 1.0)))
            if inner and not entry.get("asked_from"):
                entry["asked_from"] = inner[0].event_type  # the classifier reading the demanded act backs it
        out.append(Trigger(token=t.token, entry=entry, tokens=t.tokens, specificity=t.specificity))
    return [t for t in out if t.token.i not in dropped]


_COMPLAINT = {"kind": "verb", "type": "ACCUSE", "mode": "disapprove", "cameo": "111", "weight": 0.8}


def _finite_clause(tok: Token) -> Token | None:
    """A clause complement with a subject of its own, before or after the verb ('protested that X had ...', 'X is
    failing ..., the group protested'); not an infinitive."""
    return next((c for c in tok.children if c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass")
                 for s in c.children) and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _inverted_report(tok: Token) -> tuple[Token, Token] | None:
    """'X is failing ..., a rights group protested': the small parser hangs the reporting verb after the clause on
    its speaker as a participle ('group' -acl-> 'protested', that noun an apposition), or on the clause's last
    noun as a relative clause whose subject is the speaker ('journalists' -relcl-> 'complained'); the speaker
    follows a comma after the sentence's finite main clause. The clause and the speaker."""
    if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.dep_ == "appos" and tok.head.i < tok.i:
        speaker = tok.head
    elif tok.dep_ == "relcl" and tok.tag_ == "VBD":
        # no relative word ('journalists who complained' is a relative clause proper) and nothing reported after
        speaker = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if speaker is None or speaker.tag_ in ("WP", "WDT") or any(
                c.dep_ in ("dobj", "ccomp", "xcomp") or c.tag_ in ("WP", "WDT") for c in tok.subtree if c is not speaker):
            return None
    else:
        return None
    start = speaker.left_edge.i
    root = tok.sent.root
    if start == 0 or tok.doc[start - 1].text != "," or root.i >= start or root.pos_ not in ("VERB", "AUX"):
        return None
    return (root, speaker) if any(s.dep_ in ("nsubj", "nsubjpass") for s in root.children) else None


def clause_complaints(triggers: list[Trigger]) -> list[Trigger]:
    """'The embassy protested that the police had mistreated its citizens', 'Y is failing to ..., a rights group
    protested': a protest verb reporting a clause is a verbal complaint (ACCUSE disapprove), not a demonstration,
    aimed at the clause's subject (grammar `clause_complaint_verbs`)."""
    out: list[Trigger] = []
    for t in triggers:
        tok = t.token
        if t.kind != "verb" or tok.lemma_.lower() not in G.clause_complaint_verbs or t.event_type not in (
                "PROTEST", "ACCUSE"):
            out.append(t)
            continue
        clause = _finite_clause(tok)
        speaker = None
        if clause is None and (inverted := _inverted_report(tok)) is not None:
            clause, speaker = inverted
        subj = speaker if speaker is not None else next(
            (c for c in tok.children if c.dep_ == "nsubj"), None)
        if clause is None or (subj is not None and subj.lemma_.lower() in G.street_crowds):
            out.append(t)
            continue
        # the classifier cannot tell a protest in words from one in the street: its PROTEST reading backs this
        entry = {**_COMPLAINT, "accused_in": clause.i, "reread_from": t.event_type}
        if speaker is not None:
            entry["speaker"] = speaker.i
        out.append(Trigger(token=tok, entry=entry, tokens=t.tokens, specificity=t.specificity))
    return out
