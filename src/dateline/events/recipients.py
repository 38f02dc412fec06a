"""Targets that the trigger verb does not hold itself: the owner of a rejected proposal, the target of a
threatened or promised act, the addressee of a demand.

PLOVER codes the recipient of a verbal act as the party it is aimed at. In "rejected an Indian proposal" the
object is the proposal, in "threatened to cut electricity to X" and "demanded that X end the curbs" the target
sits in the embedded clause; the trigger's own object or prepositions name nobody.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import AREA_NOUNS
from .arguments import OBJECT_DEPS, _prep_objects, conjuncts
from .grammar import load_grammar
from .triggers import condition_clauses

# Nouns that stand for another party's move: whoever made it is what a rejection or acceptance answers.
PROPOSAL_NOUNS = frozenset({
    "proposal", "request", "demand", "call", "offer", "appeal", "plan", "initiative", "ultimatum", "invitation",
    "overture", "proposition", "suggestion", "bid", "condition", "terms", "plea", "pressure",
    # moves of another party that one accepts or refuses: 'opposed French mediation', 'rejected Turkey's membership'
    "mediation", "deployment", "intervention", "presence", "involvement", "membership",
})
# Prepositions that name the demand a refusal stands against: 'declined to resign despite calls from X'.
DEFIANCE_PREPS = frozenset({"despite"})
# Types that answer a proposal: rejecting, accepting or giving in to it.
ANSWER_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE"})
# Types whose trigger verb carries a to-infinitive with the act ('threatened to cut', 'refused to meet').
EMBEDDING_TYPES = frozenset({"THREATEN", "REJECT", "AGREE", "CONCEDE"})
# Demands addressed through a that-clause: 'demanded that X end'.
ADDRESSED_TYPES = frozenset({"REQUEST"})
# Prepositions that name who bears an act in the embedded clause.
ACT_PREPS = frozenset({"to", "against", "with", "on", "from", "in", "into", "for", "between", "among"})
# Owners named by modifier: an entity adjective or noun before the head, or a possessive.
OWNER_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def prefixed_owner(noun: Token, participles: frozenset[str]) -> list[Token]:
    """The party before a hyphened participle on a noun: 'the NATO-led force', 'a Saudi-led offensive', 'the
    US-backed plan' (the parser hangs the party on the participle)."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ not in ("amod", "compound") or c.i > noun.i or c.lower_ not in participles:
            continue
        if c.i >= 2 and doc[c.i - 1].text == "-":
            party = doc[c.i - 2]
            if party.head.i == c.i and (party.pos_ == "PROPN" or party.ent_type_ in OWNER_ENTS):
                return [party]
    return []


def _agent_of_participle(noun: Token, verbs: frozenset[str] | None = None) -> list[Token]:
    """The agent of a participle on a noun: 'a plan put forward by X', 'a bill signed by X's minister'; with
    `verbs`, only of those participles (the ones whose agent owns the thing: 'the vote boycotted by X' is not X's)."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and (verbs is None or c.lemma_.lower() in verbs):
            for a in c.children:
                if a.dep_ == "agent":
                    return [t for g in a.children if g.dep_ == "pobj" for t in conjuncts(g)]
    return []


def proposal_owners(noun: Token) -> list[Token]:
    """Who made a proposal: "a U.S. request", "North Korea's demand", "calls by X", "an offer from X", "a plan put
    forward by X", "the US-backed plan"."""
    owners: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.ent_type_ in OWNER_ENTS):
            owners.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from", "of") and not owners:
            owners.extend(x for g in c.children if g.dep_ == "pobj" and g.ent_type_ in OWNER_ENTS | {""}
                          and g.pos_ in ("PROPN", "NOUN") for x in conjuncts(g))  # 'calls from X and Y
    if not owners:
        g = load_grammar()
        owners = (prefixed_owner(noun, g.leader_participles | g.sponsor_participles)
                  or _agent_of_participle(noun, g.authoring_participles))
    return owners


def condition_party(heads: list[Token], marks: frozenset[str]) -> list[Token]:
    """Who must meet a threat's condition: the subject of its 'if'/'unless' clause ('threatened to recall its envoy
    if Togo kept up the raids'). PLOVER's target of a threat is the party it means to move, and the condition names
    it even when the threatened act's own object (the envoy, the talks) names nobody. The clause may hang on the
    threat verb or on the threatened act."""
    seen = list(heads) + [c for h in heads for c in h.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    for head in seen:
        for c in condition_clauses(head, marks):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return conjuncts(subj)
    return []


MOVING_PREPS = frozenset({"to", "into", "from"})
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _own_forces_moved(verb: Token, obj: Token) -> bool:
    """'refused to send troops to Mali': unflagged forces moved somewhere are the subject's own, not the target."""
    if obj.lemma_.lower() not in load_grammar().deployed_forces:
        return False
    if any(c.dep_ in OWNER_DEPS and (c.pos_ == "PROPN" or c.ent_type_ in OWNER_ENTS) for c in obj.children):
        return False  # 'to send Kenyan troops': someone else's forces
    return any(c.dep_ == "prep" and c.lower_ in MOVING_PREPS for c in (*verb.children, *obj.children))


def _objects_and_preps(verb: Token) -> list[Token]:
    """Who bears an act: its object, then the objects of its prepositions (on the verb, its particle or its object).
    Phrases that name no actor ("electricity") are dropped later by the actor coder."""
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if obj is None:
        # 'refused to allow UN monitors to enter': the parser makes the one allowed the infinitive's subject
        obj = next((s for c in verb.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                    for a in c.children) for s in c.children if s.dep_ == "nsubj"), None) or helped_subject(verb)
    out = conjuncts(obj) if obj is not None and not _own_forces_moved(verb, obj) else []
    holders = [verb] + [c for c in verb.children if c.dep_ == "prt"] + ([obj] if obj is not None else [])
    for holder in holders:
        out += [t for t in _prep_objects(holder, set(ACT_PREPS)) if t not in out]
    return out


def answered_party(tok: Token, event_type: str) -> list[Token]:
    """The maker of the proposal a rejection, acceptance or concession answers ('rejected an Indian proposal',
    'accepted demands from the rebels', 'gave in to the union's demands')."""
    if event_type not in ANSWER_TYPES:
        return []
    nouns = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    nouns += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if event_type == "REJECT":
        # 'declined to resign despite pressure from X': the refusal answers X's pressure (on the verb or its act)
        holders = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
        nouns += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in DEFIANCE_PREPS
                  for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        if noun.lemma_.lower() in PROPOSAL_NOUNS:
            owners = proposal_owners(noun) or invited_to(noun)
            if owners:
                return owners
    if event_type == "REJECT":
        # 'reneged on its commitment to the voters', 'went back on its pledge to Chad': a promise gone back on
        # lets down the party it was made to
        kept = [*nouns, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
                          for g in c.children if g.dep_ == "pobj")]
        for noun in kept:
            if noun.lemma_.lower() in load_grammar().commitment_nouns:
                promised = [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"
                            for g in c.children if g.dep_ == "pobj" for x in conjuncts(g)]
                if promised:
                    return promised
    return []


def invited_to(noun: Token) -> list[Token]:
    """The host of what an invitation with no named maker invites to: 'an invitation to visit China', 'to join
    talks hosted by Ethiopia', 'to attend a meeting of Andean states' (the party visited, or the owners of the
    meeting joined). PLOVER's recipient of an accepted or refused invitation is who made it: the host."""
    if noun.lemma_.lower() not in load_grammar().inviting_nouns:
        return []
    acts = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    # 'an invitation to talks hosted by X': the meeting itself after 'to'
    meetings = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                if g.dep_ == "pobj"]
    found = [t for act in acts for t in _objects_and_preps(act)] + meetings
    return found + [o for t in found for o in _owners(t) if o not in found]


# Stances taken on a thing ('condemned as illegal X's decision'): the thing's owner is the target.
STANCE_TYPES = frozenset({"ACCUSE", "REJECT"})


def shifted_object(verb: Token) -> Token | None:
    """The object a verb's 'as' phrase was moved in front of ('condemned as a provocation Japan's decision',
    'denounced as illegal Estonia's removal of ...'): the parser hangs it on the 'as' noun, as an apposition or as
    the noun itself; a verb with an object of its own has none ('condemned the move as illegal')."""
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None
    for noun in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                 if g.dep_ == "pobj"):
        moved = next((c for c in noun.children if c.dep_ == "appos"), None)
        if moved is None and any(t.dep_ == "amod" and t.pos_ == "ADJ" and t.i < noun.i for t in noun.subtree):
            moved = noun  # 'as illegal Estonia's removal': the predicate adjective runs into the object
        if moved is not None:
            return moved
    return None


def embedded_targets(tok: Token, event_type: str) -> list[Token]:
    """Targets of the act a verbal trigger embeds ('threatened to cut electricity to X', 'demanded that X end');
    empty when there is none."""
    if event_type in STANCE_TYPES and (moved := shifted_object(tok)) is not None:
        found = _owners(moved)
        if found:
            return found
    if event_type in EMBEDDING_TYPES:
        for c in tok.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                found = _objects_and_preps(c)
                if found:
                    return found
    if event_type in ADDRESSED_TYPES:
        for c in tok.children:
            # 'pushed for Serbia to recognise Kosovo': a for-infinitive clause asks its subject as a that-clause does
            if c.dep_ in ("ccomp", "advcl") and any(m.dep_ == "mark" and (m.lower_ == "that" and c.dep_ == "ccomp" or (
                    m.lower_ == "for" and m.i < c.i)) for m in c.children):
                subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
                if subj is not None:
                    return conjuncts(subj)
        # 'demanded the removal of President X', 'demanded support from the assembly': the demanded act's party
        # 'called for sanctions against X': the object of the verb's 'for' is the act asked for
        asked = [g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "for" for g in c.children
                 if g.dep_ == "pobj"]
        # 'pressed for Turkey to release ...' parsed with 'Turkey' as the preposition's object: the for-infinitive's
        # subject is the party asked
        infinitive = any(c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                         for c in tok.children)
        named = [g for g in asked if infinitive and g.pos_ == "PROPN" and g.i + 1 < len(g.doc)
                 and g.doc[g.i + 1].lower_ == "to"]
        if named:
            return conjuncts(named[0])
        for obj in [*(c for c in tok.children if c.dep_ in OBJECT_DEPS), *asked]:
            found = _owners(obj)
            if found:
                return found
    return []


# Verbs of a protest's purpose clause ('marched to demand ...', 'went on hunger strike to protest ...').
PURPOSE_VERBS = frozenset({"demand", "protest", "press", "denounce", "oppose", "call", "show", "voice", "express",
                           "condemn", "urge", "seek", "reject", "decry", "challenge"})
OWNER_PREPS = frozenset({"of", "for", "from", "by", "against", "to", "on", "with", "between", "among"})



def _owners(noun: Token, depth: int = 0) -> list[Token]:
    """Parties a noun phrase is about or belongs to: "the resignation of President X", "X's failure",
    "their anger at Kenya's new tariffs" (two steps at most)."""
    out: list[Token] = prefixed_owner(noun, load_grammar().leader_participles)
    # "Iran's proxies", "Moscow's allies": the owner is the other side of the relation, not the party (patron_nouns)
    related = noun.lemma_.lower() in load_grammar().patron_nouns
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in OWNER_ENTS):
            if c.lower_ not in ("their", "its", "his", "her", "our", "my", "your") and not related:
                out.append(c)
        elif c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if c.lower_ == "on" and g.lemma_.lower() in AREA_NOUNS:
                    continue  # 'a village on the Ugandan border': where the thing lies, not whose it is
                out += [t for t in conjuncts(g) if t not in out]  # 'talks between X and Y': both
                if depth < 1:
                    out += _owners(g, depth + 1)
    if depth == 0:
        # 'hacked computers used by X', 'a tuition rise ordered by X': who made or holds the thing itself
        out += [t for t in _agent_of_participle(noun, load_grammar().authoring_participles) if t not in out]
    return out


def protest_aim(tok: Token) -> list[Token]:
    """Whom a protest is aimed at, from its purpose clause: the object of 'to demand/protest/press ...' and the
    parties that object belongs to. PLOVER's target of a protest is the authority it addresses."""
    heads = [tok] + ([tok.head] if tok.dep_ in OBJECT_DEPS | {"attr"} and tok.head.pos_ in ("VERB", "AUX") else [])
    for head in heads:
        # 'blocked roads in defiance of the police', 'marched in protest at the new tariffs'
        for frame in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                      if g.dep_ == "pobj" and g.lemma_.lower() in load_grammar().defiance_nouns):
            found = [t for p in _prep_objects(frame, set(OWNER_PREPS)) for t in [p, *_owners(p)]]
            if found:
                return found
    for head in heads:
        for c in head.children:
            if c.dep_ not in ("advcl", "xcomp") or c.lemma_.lower() not in PURPOSE_VERBS:
                continue
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            found: list[Token] = []
            for obj in (g for g in c.children if g.dep_ in OBJECT_DEPS):
                found += conjuncts(obj) + _owners(obj)
            found += _prep_objects(c, set(OWNER_PREPS))
            if found:
                return found
    return []


def patient_owners(trigger: Token, heads: list[Token]) -> list[Token]:
    """Parties behind a patient that names no actor: the owner of a thing acted on ('hacked the computers of
    X's officers', 'a market for X traders was attacked'), the partner of a nominal act ('a suspension of
    flights with X', 'established ties with X', 'investigating crimes by X'). Looked at only when the trigger's
    own arguments coded nobody."""
    nouns = list(heads)
    nouns += [c for c in trigger.children if c.dep_ in OBJECT_DEPS and c not in nouns]
    if trigger.pos_ in ("NOUN", "PROPN"):
        nouns.append(trigger)
    out: list[Token] = []
    for noun in nouns:
        out += [t for t in _owners(noun) if t not in out]
    return out


# Prepositions that hold the act an accusation or inquiry is about: 'an inquiry into the killings', 'denounced as
# a crime X's crackdown' (a predicative 'as' phrase may come between the verb and its object).
ACCUSED_ACT_PREPS = frozenset({"into", "as"})
PRONOUN_OWNERS = frozenset({"their", "its", "his", "her", "our", "my", "your"})


def _doers(noun: Token) -> list[Token]:
    """Who did the act a noun names: its possessor ('X's crackdown'), its 'by' party ('abuses by X'), the agent
    of a participle on it ('crimes committed by X') or its leader ('the US-led invasion'). The possessor of an
    act done to a person is its victim ('Nemtsov's killing': event_grammar patient_owner_nouns)."""
    gram = load_grammar()
    if noun.lemma_.lower() not in gram.patient_owner_nouns:
        for c in noun.children:
            if c.dep_ == "poss" and c.lower_ not in PRONOUN_OWNERS and c.pos_ in ("PROPN", "NOUN"):
                return conjuncts(c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return [t for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]
    return _agent_of_participle(noun) or prefixed_owner(noun, gram.leader_participles)


def accused_act(tokens: list[Token], preps: frozenset[str] = ACCUSED_ACT_PREPS,
                objects: bool = True) -> tuple[Token | None, list[Token]]:
    """The act an accusation or inquiry is about and who did it: 'investigating abuses by X against Y',
    'an inquiry into killings committed by X', 'condemned as illegal X's seizure of boats'. PLOVER's target of
    ACCUSE is the accused party, so the doer outranks the act's victims. A protest is read the same way through
    its own prepositions ('rallies against abuses by X': `protested_act`)."""
    holders = [*tokens, *(c for t in tokens for c in t.children if c.dep_ in OBJECT_DEPS)]
    nouns = [c for t in tokens for c in t.children if c.dep_ in OBJECT_DEPS] if objects else []
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in preps):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                nouns += [pobj, *(a for a in pobj.children if a.dep_ == "appos")]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() in load_grammar().claim_nouns:
            # a named party is the target itself, not an act; a claim's maker ('an allegation by X that Y ...')
            # is not the one it accuses
            continue
        doers = _doers(noun)
        if doers:
            return noun, doers
    return None, []


def protested_act(tokens: list[Token]) -> tuple[Token | None, list[Token]]:
    """The act a protest is against and who did it, from the protest's 'against'/'over' phrase or that of a
    protest noun framing the act told ('threw stones during rallies against abuses by X', 'went on strike over a
    decree signed by X'): PLOVER's target of a protest is the party it addresses, so the doer outranks the act's
    victims, as for an accusation."""
    g = load_grammar()
    frames = [f for t in tokens for c in t.children if c.dep_ == "prep" for f in c.children
              if f.dep_ == "pobj" and f.lemma_.lower() in g.protest_nouns]
    return accused_act([*tokens, *frames], g.protest_aim_preps, objects=False)


def helped_subject(verb: Token) -> Token | None:
    """'helped Chile rebuild the port', 'refused to help Chile rebuild': the parser makes the one helped the subject
    of the bare infinitive after a helping verb (grammar `help_verbs`)."""
    if verb.lemma_.lower() not in load_grammar().help_verbs:
        return None
    return next((s for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for s in c.children
                 if s.dep_ == "nsubj" and s.i < c.i), None)


def helped_party(tok: Token) -> list[Token]:
    """Whom an act is for, from its purpose clause: 'willing to send arms to help defend X', 'sent engineers to
    help rebuild X', 'deployed troops to assist X'. The clause may hang on the verb, on its object, or on the act
    a promise embeds ('willing to send arms ...')."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    holders = [*verbs, *(c for v in verbs for c in v.children if c.dep_ in OBJECT_DEPS)]
    for holder in holders:
        for c in holder.children:
            if c.dep_ not in ("advcl", "acl", "xcomp") or c.lemma_.lower() not in load_grammar().help_verbs:
                continue
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            for verb in (c, *(g for g in c.children if g.dep_ == "xcomp" and g.pos_ == "VERB")):
                obj = next((g for g in verb.children if g.dep_ in OBJECT_DEPS), None) or helped_subject(verb)
                if obj is not None:
                    return conjuncts(obj)
    return []


# Prepositions of a seat or a destination: 'an embassy in X', 'sent inspectors to X', 'fled into X'.
SEAT_PREPS = frozenset({"in", "to", "into", "inside"})


def _placed(noun: Token) -> bool:
    g = load_grammar()
    lemma = noun.lemma_.lower()
    return lemma in g.placed_objects or lemma in g.delivered_goods or lemma.removesuffix("s") in g.deployed_forces


def object_seats(tok: Token) -> list[Token]:
    """Where the thing an act is done to is or goes: 'opened an embassy in X', 'suspended aid deliveries in X',
    'sought asylum in X', 'dispatched inspectors to a plant in X' (the parser hangs the phrase on the verb or on
    the object; a place inside the destination's own 'in' phrase counts too). Only objects whose seat says whom
    the act concerns (event_grammar placed_objects): with any other object a verb's place is a venue."""
    objects = [c for c in tok.children if c.dep_ in OBJECT_DEPS and _placed(c)]
    if not objects:
        return []
    out: list[Token] = []
    for holder in (tok, *objects):
        # the parser may call a 'to' of destination 'dative'
        for prep in (c for c in holder.children if c.dep_ in ("prep", "dative") and c.lower_ in SEAT_PREPS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                out.append(pobj)
                out += [g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "in"
                        for g in p.children if g.dep_ == "pobj"]
    return out
