"""Promises and agreements that commit no one to another party: a candidate's campaign pledge to voters, and
agreeing with a view. PLOVER AGREE is a party's commitment to cooperate with another (to meet, aid, settle, sign);
CAMEO's 'express accord' (019), agreeing with someone's position, has no PLOVER event at all."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Actor, Event
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()

_SUBJECTS = ("nsubj", "nsubjpass")
_NAME_PARTS = ("compound", "amod", "appos")


def _other_party(event: Event) -> bool:
    """A recipient that is another state, an international body or a party of another country than the actors':
    a promise made to it is a commitment to cooperate, whoever makes it."""
    home = {a.country for a in event.actors if a.country}
    return any(r.kind in ("state", "igo") and r.country not in home or r.country and r.country not in home
               or r.kind == "igo" for r in event.recipients)


def _lemmas(tok: Token, deps: tuple[str, ...]) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in deps} | {
        c.lower_ for c in tok.children if c.dep_ in deps}


def _campaign_marked(tok: Token) -> bool:
    """'his campaign promise', 'an election pledge', 'vowed during the campaign', 'pledged on the campaign
    trail': the promise is made in or as part of a run for office."""
    if _lemmas(tok, ("compound", "amod")) & G.campaign_occasions:
        return True
    return any(c.dep_ == "prep" and g.dep_ == "pobj" and (g.lemma_.lower() in G.campaign_occasions
                                                         or _lemmas(g, ("compound", "amod")) & G.campaign_occasions)
               for c in tok.children for g in c.children)


def _won_office(clause: Token) -> bool:
    """'if elected', 'if re-elected', 'if he wins the nomination', 'once she wins the presidency'."""
    lemma = clause.lemma_.lower()
    # 'if she is re-elected' may be parsed with the participle as a complement of 'is'
    if lemma in G.election_verbs or any(c.dep_ == "acomp" and c.lemma_.lower() in G.election_verbs
                                        for c in clause.children):
        return True
    return lemma == "win" and any(c.dep_ == "dobj" and c.lemma_.lower() in G.election_prizes for c in clause.children)


def _if_elected(tok: Token) -> bool:
    """A condition of winning office on the promise or on what is promised ('vowed, if elected, to ...',
    'pledged to cut taxes if she wins the presidency')."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "acl"))]
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in G.election_condition_marks
                                         for m in c.children) and _won_office(c)
               for h in heads for c in h.children)


def _promisers(tok: Token) -> list[Token]:
    """The words naming who promises: the verb's subject, the passive 'by' agent ('the revolution promised by
    Sanders'), a promise noun's possessor."""
    out = [c for c in tok.children if c.dep_ in (*_SUBJECTS, "poss")]
    if tok.pos_ == "NOUN":  # 'a candidate promise', as the parser may read 'every candidate promises'
        out += [c for c in tok.children if c.dep_ == "compound"]
    out += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "xcomp" and not out:
        out = [c for c in tok.head.children if c.dep_ in _SUBJECTS]
    return out


def _named_candidate(tok: Token) -> bool:
    """'every Republican candidate promises', 'the nominee, Mitt Romney, pledged', 'promised by front-runner X'."""
    for who in _promisers(tok):
        words = {who.lemma_.lower(), who.lower_} | _lemmas(who, _NAME_PARTS)
        words |= {g.lemma_.lower() for c in who.children if c.dep_ in _NAME_PARTS for g in c.children
                  if g.dep_ in _NAME_PARTS}
        if who.dep_ == "appos":
            words |= {who.head.lemma_.lower()}
        if words & G.candidate_words or any("-".join(w.split()) in G.candidate_words for w in words):
            return True
        # the hyphenated 'front-runner' is split by the tokenizer: read the words before the name
        before = who.doc[max(who.left_edge.i, who.i - 4): who.i].text.lower().replace(" - ", "-")
        if any(w in before.split() for w in G.candidate_words):
            return True
    return False


def _to_voters(tok: Token) -> bool:
    """'promised voters lower taxes', 'pledged to her supporters', 'promising a group of supporters'."""
    objs = [c for c in tok.children if c.dep_ in ("dative", "dobj")]
    objs += [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children
             if g.dep_ == "pobj"]
    objs += [g for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in G.campaign_audiences for o in objs)


def campaign_promise(event: Event, trig: Trigger) -> bool:
    """'the governor vowed during the campaign to build a stadium', 'if elected, she pledged to cancel student debt', 'the
    nominee promised voters a balanced budget', 'his campaign promise to abolish the agency': a pledge made in a
    run for office, about the candidate's own programme, to voters or to no one, commits no one to cooperate with
    another party (no event). A promise to another state or body ('pledged, if elected, to meet Putin') stays."""
    if event.event_type != "AGREE" or trig.token.lemma_.lower() not in G.promise_words:
        return False
    if _other_party(event) or any(a.kind in ("state", "igo") for a in event.actors):
        return False
    tok = trig.token
    return _campaign_marked(tok) or _if_elected(tok) or _named_candidate(tok) or _to_voters(tok)


def _state_like(party: Actor) -> bool:
    return party.kind in ("state", "igo")


def _agreed_act(clause: Token) -> bool:
    """'agreed (that) they would pursue talks': a that-clause of an act to come is an agreement to do it, where
    'agrees that the plan will be costly' or 'that the tax cut should be extended' states a view."""
    if clause.dep_ != "ccomp" or clause.lemma_.lower() == "be" or clause.pos_ != "VERB":
        return False
    aux = [c for c in clause.children if c.dep_ == "aux"]
    return any(a.lower_ in G.future_aux | {"would", "shall"} for a in aux)


def expressed_accord(event: Event, trig: Trigger) -> bool:
    """'Harris agreed', 'the professor agrees that ...', 'agreed with Graham that the bill was flawed': agreeing
    with a view (CAMEO 019 'express accord', which PLOVER leaves uncoded) commits the party to nothing. Agreeing
    to or on something ('agreed to talks', 'agreed on a truce', 'agreed to withdraw') stays AGREE, and so does a
    state's or an international body's agreement, or one between parties of two countries ('Iran and Iraq agreed
    that the crossing would reopen'): that is how terms are settled."""
    tok = trig.token
    if (event.event_type != "AGREE" or trig.kind != "verb" or trig.entry.get("declared_from")
            or tok.lemma_.lower() not in G.accord_verbs):
        return False
    if any(c.dep_ in ("xcomp", "dobj", "pcomp", "attr", "nsubjpass") or c.dep_ == "prep"
           and c.lower_ in G.accord_content_preps or _agreed_act(c) for c in tok.children):
        return False  # something agreed: 'agreed to talks', 'the accord was agreed', 'agreed they would pursue'
    parties = event.actors + event.recipients
    if not event.actors or any(_state_like(p) for p in parties):
        return False
    return len({p.country for p in parties if p.country}) <= 1


def _names_an_act(noun: Token) -> bool:
    """What a commitment noun commits to, told on it: a clause ('a promise to build', 'an assurance that ...'),
    a gerund ('a pledge of sending troops') or an act noun of the lexicon ('a pledge of aid', 'a proposal for a
    ceasefire')."""
    from .triggers import default_index

    nouns = default_index().nouns
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "xcomp", "relcl"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" or g.dep_ == "pobj" and g.lemma_.lower() in nouns
                                    for g in c.children):
            return True
    return False


def empty_commitment(event: Event, trig: Trigger) -> bool:
    """'Booker unveiled his proposal on Monday', 'the promise of Brazil feels remote': a promise or proposal noun
    that names no act and no party it is made to tells a policy plan or a prospect, not a commitment to cooperate
    with another party (no event). A state's or an international body's proposal, one made to a party ('offered
    Sudan a proposal'), or one whose act is named ('a pledge of aid', 'a promise to withdraw') stays."""
    tok = trig.token
    if event.event_type != "AGREE" or trig.kind == "verb" or tok.lemma_.lower() not in G.bare_commitment_nouns:
        return False
    # 'the promise of Brazil' is a prospect: a state named only as the noun's 'of' object makes no promise
    of_spans = [(g.left_edge.idx, g.idx + len(g)) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    promisers = [a for a in event.actors if not any(lo <= (a.start if a.start is not None else -1) < hi
                                                    for lo, hi in of_spans)]
    if event.recipients or any(_state_like(a) for a in promisers):
        return False
    return not _names_an_act(tok)


def _question(verb: Token) -> bool:
    """'Will the lawmakers be willing to ...?': an auxiliary or copula before its subject in a sentence that ends
    with a question mark."""
    sent = verb.sent
    if not sent.text.rstrip().rstrip('"”’\'').endswith("?"):
        return False
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return False
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))])
    return first < subj.left_edge.i


def _few(verb: Token) -> bool:
    """'Few senators were willing': a subject quantified by few or no denies what it is said of ('a few' does not)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None:
        return False
    words = [c for c in subj.children if c.dep_ in ("amod", "det")]
    return any(w.lower_ in G.negative_quantifiers and not (w.i > 0 and w.nbor(-1).lower_ == "a") for w in words)


def unasserted_readiness(event: Event, trig: Trigger) -> bool:
    """'Few senators were willing to work with him', 'is not ready to back the highway bill', 'unless Republicans are
    willing to cross their voters', 'whether she would be willing to sign it', 'Will lawmakers be willing to lose
    the funding?': a readiness the sentence denies, questions or only supposes commits no one (no AGREE). The
    readiness adjective's copula carries the negation, the condition or the question; 'said they were ready to restart
    talks if ...' is asserted and stays."""
    if event.event_type != "AGREE":
        return False
    tok = trig.token
    adj = tok if tok.lemma_.lower() in G.commitment_adjectives else (
        tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in G.commitment_adjectives else None)
    if adj is None:
        return False
    cop = adj.head if adj.dep_ == "acomp" else adj
    if any(c.dep_ == "neg" for c in (*cop.children, *adj.children)):
        return True
    if any(c.dep_ == "mark" and c.lower_ in G.unasserting_marks for c in cop.children):
        return True
    return _question(cop) or _few(cop)
