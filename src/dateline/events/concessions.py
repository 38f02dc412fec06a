"""Promised concessions: a commitment whose content gives something up is a CONCEDE (PLOVER: verbal concessions
without immediate material effect — promised easing of restrictions, meeting demands, compensation, releases).

The lexicon codes 'lift the curfew' as CONCEDE, but many yielding acts ('compensate the families', 'raise wages',
'meet their demands') are no event on their own; promised, they are the concession the story reports.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from ..lexicon import intent_code
from .grammar import load_grammar
from .triggers import (
    PEOPLE_CLASS,
    VIOLENCE_CLASS,
    Trigger,
    _names_people,
    _names_violence,
    _object_tokens,
    condition_clauses,
    names_a_state,
)

G = load_grammar()
PROMISE_TYPES = frozenset({"AGREE"})
# CAMEO 035 'express intent to yield': these concessions are promised, not yet made
ENTRY = {"kind": "verb", "type": "CONCEDE", "mode": None, "cameo": "035", "weight": 0.8, "yielding": True}
NOUN_OBJECT_PREPS = frozenset({"of", "to", "on", "in"})  # 'an end to', 'a freeze on', 'a halt in'


def _violent(tok: Token) -> bool:
    """'stop shelling', 'halt the raids': a noun or verb the lexicon reads as an assault."""
    if tok.pos_ == "NOUN":
        return _names_violence(tok)
    if tok.pos_ != "VERB":
        return False
    from ..lexicon import load_triggers

    return any(e.type == "ASSAULT" for e in load_triggers().match_token(tok))


def _noun_objects(tok: Token) -> list[Token]:
    """What a nominal act is done to: 'the lifting of the ban', 'an end to the shelling', 'a freeze on building'."""
    out = [c for c in tok.children if c.dep_ in ("compound", "poss")]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in NOUN_OBJECT_PREPS:
            out.extend(t for g in prep.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree
                       if t.i - g.left_edge.i < 8)
    return out


def _content_key(tok: Token, table: Mapping[str, frozenset[str]], nouns: Mapping[str, str]
                 ) -> tuple[str, list[Token]] | None:
    """The table's key for a verb ('hand over', 'work together' with its particle or adverb) or for a nominal act
    (through `nouns`), and the act's objects."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        verb = nouns.get(lemma)
        return (verb, _noun_objects(tok)) if verb else None
    if tok.pos_ != "VERB":
        return None
    for c in tok.children:
        if c.dep_ in ("prt", "advmod", "prep") and f"{lemma} {c.lower_}" in table:
            return f"{lemma} {c.lower_}", _object_tokens(tok)
    return (lemma, _object_tokens(tok)) if lemma in table else None


def content_of_class(tok: Token, table: Mapping[str, frozenset[str]], nouns: Mapping[str, str] | None = None) -> bool:
    """Is this act, with its object, one the table lists (verb -> objects; empty: any object)?"""
    found = _content_key(tok, table, nouns or {})
    if found is None:
        return False
    key, objs = found
    objects = table[key]
    if not objects:
        return True
    return any(t.lemma_.lower() in objects or t.lower_ in objects or (PEOPLE_CLASS in objects and _names_people(t))
               or (VIOLENCE_CLASS in objects and _violent(t)) for t in objs)


def yielding(tok: Token) -> bool:
    """Is this act, with its object, one of giving something up ('ease travel restrictions', 'free them',
    'extradite the suspects', 'stop shelling', 'the lifting of the curfew')? Yielding, permitting and
    de-escalating verbs form the class; their nouns count as the verb does."""
    return content_of_class(tok, G.yielding_contents, G.yielding_nouns)


def _promised_noun(noun: Token, promise_heads: set[int]) -> int | None:
    """The promise (its token's index) the noun is what commits to: as its object ('promised measures') or the
    object of its 'on' or 'to' ('agreed on measures', 'committed to steps')."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i != noun.i:
        return _promised_noun(head.head, promise_heads)  # "a package of measures to ..."
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "to"):
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head.i if head.i in promise_heads or head.lemma_.lower() in G.commitment_governors else None


def _purpose_of_noun(tok: Token) -> bool:
    """'measures to lift the curbs': an infinitive clause saying what a noun is for."""
    return tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _committed(tok: Token, promise_heads: set[int]) -> bool:
    """The act is promised or declared for later: 'will ease', 'pledged to ease', 'plans to ease', 'ready to ease'."""
    if any(c.dep_ == "aux" and c.lower_ in G.future_aux | {"would"} for c in tok.children):
        return True
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("to", "on"):
        head = head.head  # "committed to compensating", "agreed on lifting"
    elif tok.dep_ == "dobj" and tok.pos_ == "NOUN":
        return head.i in promise_heads  # "promised an end to the shelling"
    elif _purpose_of_noun(tok):
        # "agreed on measures to lift the curbs", "pledged steps to ease the curfew": what the promised measures
        # are for is promised with them
        return _promised_noun(head, promise_heads) is not None
    elif tok.dep_ not in ("xcomp", "acl", "ccomp", "conj", "advcl"):
        return False
    if tok.dep_ == "conj" or (tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        # "pledged to free the prisoners and reopen the border"; "promised to work with X to scrap the curbs":
        # the purpose of a promised act is promised too
        return _committed(head, promise_heads)
    lemma = head.lemma_.lower()
    return (head.i in promise_heads or lemma in G.commitment_governors or lemma in G.commitment_adjectives
            or (head.pos_ == "NOUN" and lemma in G.commitment_nouns))


def promised_cameo(promise: Token, act_cameo: str | None) -> str:
    """CAMEO for a promised concession: 'agreed to free' accedes, so it is the yielding's own code (0841); 'vowed
    to free' is an intent to yield (0353); an act with no code of its own is yielding (080) or intent (035)."""
    if promise.lemma_.lower() in G.acceding_verbs:
        return act_cameo if act_cameo and act_cameo.startswith("08") else "080"
    return intent_code(act_cameo) or ENTRY["cameo"]


def promised_concessions(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """Add a CONCEDE trigger for each promised yielding act; a promised act the lexicon reads otherwise
    ('will compensate' as aid) becomes the concession it is."""
    promise_heads = {t.token.i for t in triggers if t.event_type in PROMISE_TYPES
                     and t.token.lemma_.lower() not in G.tentative_promises}  # an offer promises nothing yet
    by_token = {t.token.i: t for t in triggers}
    added: dict[int, Trigger] = {}
    merged: set[int] = set()
    for tok in sent:
        if not yielding(tok) or not _committed(tok, promise_heads):
            continue
        old = by_token.get(tok.i)
        at = _promised_noun(tok.head, promise_heads) if _purpose_of_noun(tok) else None
        promise = by_token.get(at) if at is not None else None  # token 0 is a promise like any other
        if promise is not None and promise.event_type in PROMISE_TYPES:
            # the promise of measures whose purpose yields is the concession, one act as 'agreed to lift' is
            entry = {**promise.entry, "type": "CONCEDE", "mode": None,
                     "cameo": promised_cameo(promise.token, old.entry.get("cameo") if old is not None else None)}
            inner = old.tokens if old is not None else [tok]
            added[promise.token.i] = Trigger(token=promise.token, entry=entry, tokens=[*promise.tokens, *inner],
                                             specificity=promise.specificity)
            if old is not None and old.event_type in G.concession_types:
                merged.add(tok.i)
            continue
        if old is not None and old.event_type in G.concession_types:
            continue
        tokens = old.tokens if old is not None else [tok]
        added[tok.i] = Trigger(token=tok, entry=ENTRY, tokens=tokens, specificity=max(2, old.specificity if old else 2))
    if not added:
        return triggers
    kept = [added.pop(t.token.i, t) for t in triggers if t.token.i not in merged]
    return sorted([*kept, *added.values()], key=lambda t: t.token.i)


CLAUSE_DEPS = frozenset({"acl", "relcl"})


def _binds_a_concession(obj: Token) -> bool:
    """'a ceasefire agreement', 'the withdrawal of troops', 'an accord that eases the curbs on rallies': the thing
    signed or approved is itself a concession (a noun of a conceding or retreating act, or a clause yielding)."""
    from ..lexicon import load_triggers

    lexicon = load_triggers()
    words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
    if any(e.type in G.concession_types for w in words if w.pos_ == "NOUN" for e in lexicon.match_token(w)):
        return True
    if yielding(obj):
        return True
    return any(yielding(t) for c in obj.children if c.dep_ in CLAUSE_DEPS for t in c.subtree)


def finalised_concessions(triggers: list[Trigger]) -> list[Trigger]:
    """A SUPPORT of signing or approving whose object binds a concession is that concession (CONCEDE)."""
    out: list[Trigger] = []
    for t in triggers:
        tok = t.token
        if t.event_type == "SUPPORT" and t.kind == "verb" and tok.lemma_.lower() in G.finalising_verbs and any(
                c.dep_ in ("dobj", "nsubjpass") and _binds_a_concession(c) for c in tok.children):
            t = Trigger(token=tok, entry={**t.entry, "type": "CONCEDE", "mode": None, "cameo": "080",
                                          "finalised_from": "SUPPORT"}, tokens=t.tokens, specificity=t.specificity)
        out.append(t)
    return out


THREAT_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def _as_threat(at: Token, inner: Trigger, old: Trigger | None) -> Trigger:
    from ..lexicon import cameo_for
    from .modes import threatened_mode

    mode = threatened_mode(inner)
    weight = max(float(inner.entry.get("weight", 1.0)), float(old.entry.get("weight", 0.0)) if old else 0.0, 0.8)
    entry = {"kind": "verb", "type": "THREATEN", "mode": mode, "cameo": cameo_for("THREATEN", mode),
             "weight": weight, "threatened_from": inner.event_type}
    tokens = [*(old.tokens if old is not None else [at]), *inner.tokens] if at.i != inner.token.i else inner.tokens
    return Trigger(token=at, entry=entry, tokens=tokens, specificity=max(2, inner.specificity))


_RETALIATION = {"kind": "verb", "type": "THREATEN", "mode": None, "cameo": "130", "threatened_from": "AGREE"}


def _retaliation(tok: Token) -> bool:
    """'respond in kind', 'strike back', 'take revenge': the promised verb with its particle, its 'in' phrase or
    its object is one of paying back (retaliation_phrases)."""
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    forms = {lemma}
    for c in tok.children:
        if c.dep_ in ("prt", "advmod", "dobj"):
            forms.add(f"{lemma} {c.lemma_.lower()}")
        if c.dep_ == "prep":
            forms.update(f"{lemma} {c.lower_} {g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj")
    return bool(forms & G.retaliation_phrases)


def _promised_contents(tok: Token, acts: set[int]) -> list[Token]:
    """What a promise names: 'vowed to resume the bombing campaign', 'promised arrests' — the complement verb,
    the object, and the object's own compounds (not acts mentioned further down). The object of a complement
    that is an act of its own or gives something up ('promised to end the curfew') is not promised."""
    out: list[Token] = []
    for c in tok.children:
        # 'vow to resume': the parser sometimes hangs the infinitive as an adverbial clause; its 'to' says complement
        infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if (c.dep_ not in ("xcomp", "dobj", "ccomp") and not infinitive) or yielding(c):
            continue  # 'promised to scale back its presence' gives something up: a concession, not a threat
        out.append(c)
        if c.dep_ != "dobj" and c.i in acts:
            continue
        objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ in ("dobj", "nsubjpass", "xcomp")]
        for o in objs:
            out.extend(x for x in (o, *o.children) if x.dep_ in ("dobj", "nsubjpass", "xcomp", "compound", "amod"))
    return out


def _hedged_by_speaker(act: Token) -> Token | None:
    """'suggested it may ban the party', 'says Ruritania could cut ties': a coercive act with a hedging modal,
    reported by its speaker. The act's subject must be the speaker's own side (a pronoun, a name, the same
    noun), not a third party whose moves the speaker only guesses at ('analysts say the army could...')."""
    if act.pos_ != "VERB" or act.dep_ != "ccomp" or act.head.lemma_.lower() not in G.speech_verbs | G.possibility_verbs:
        return None
    aux = {c.lower_ for c in act.children if c.dep_ == "aux"}
    if not aux & G.hedge_aux or any(c.dep_ == "neg" for c in act.children):
        return None
    speaker = _speaker(act.head)
    subj = next((c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None:
        return None
    if subj is not None and subj.pos_ not in ("PRON", "PROPN") and subj.lemma_.lower() != speaker.lemma_.lower() \
            and not names_a_state(subj):
        return None
    return act.head


def _speaker(speech: Token) -> Token | None:
    return next((c for c in speech.children if c.dep_ == "nsubj"), None)


def _named_other_party(act: Token, speech: Token) -> bool:
    """The hedged act's subject is a named party other than the speaker ('the EU may ..., the French minister
    said'): the threat is that party's, not the speaker's."""
    speaker = _speaker(speech)
    subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
    if speaker is None or subj is None or subj.pos_ == "PRON":
        return False
    return (subj.pos_ == "PROPN" or names_a_state(subj)) and subj.lemma_.lower() != speaker.lemma_.lower()


def _commentator(speech: Token) -> bool:
    speaker = _speaker(speech)
    return speaker is not None and speaker.lemma_.lower() in G.commentator_nouns


def _possibility_raised(act: Token) -> Token | None:
    """'raised the possibility of bans', 'floated the prospect of imposing curbs': the verb raising it."""
    if act.dep_ not in ("pobj", "pcomp") or act.head.lower_ != "of":
        return None
    noun = act.head.head
    if noun.lemma_.lower() not in G.possibility_nouns:
        return None
    gov = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if gov.pos_ != "VERB" or gov.lemma_.lower() not in G.possibility_verbs or gov is noun:
        return None
    return None if any(c.dep_ == "neg" for c in gov.children) else gov


def _conditional_act(act: Token) -> bool:
    """'to detain reporters if they publish', 'will strike unless the convoy turns back': an act held over a
    condition, not yet done (a past 'arrested anyone who' is an act)."""
    return act.pos_ == "VERB" and act.tag_ not in ("VBD", "VBN") and bool(
        condition_clauses(act, G.threat_condition_marks))


def threatened_acts(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """A coercive act (ASSAULT, COERCE, SANCTION) that its actor announces as possible, promised or conditional
    is a THREATEN (CAMEO 13x) with the threatened act's mode, coded on the announcing word: a promise of force
    ('vowed to resume the shelling'), a hedged statement ('said it might expel the envoys'), a possibility
    raised ('floated the prospect of a ban'), an ultimatum ('will jail strikers if they do not return')."""
    by_token = {t.token.i: t for t in triggers}
    replaced: dict[int, Trigger] = {}
    dropped: set[int] = set()
    for t in triggers:
        if (t.event_type == "AGREE" and t.kind == "verb" and t.token.lemma_.lower() in G.threat_promises
                and not any(c.dep_ == "neg" for c in t.token.children)):
            inner = next((by_token[c.i] for c in _promised_contents(t.token, set(by_token)) if c.i in by_token
                          and by_token[c.i].event_type in THREAT_ACTS), None)
            if inner is not None:
                replaced[t.token.i] = _as_threat(t.token, inner, t)
                dropped.add(inner.token.i)
            elif any(_retaliation(c) for c in _promised_contents(t.token, set(by_token))):
                # 'vowed to respond in kind': a promise to pay back a blow or a measure threatens one (CAMEO
                # 130; no weapon or measure named), it agrees to nothing
                replaced[t.token.i] = Trigger(token=t.token, entry={**_RETALIATION, "weight": max(
                    0.8, float(t.entry.get("weight", 1.0)))}, tokens=t.tokens, specificity=max(2, t.specificity))
            continue
        if t.event_type not in THREAT_ACTS or t.token.i in dropped:
            continue
        at = _hedged_by_speaker(t.token)
        if at is not None and _commentator(at):
            continue  # 'Iran could strike, an analyst said': a guess about Iran, no threat by anyone
        if at is not None and _named_other_party(t.token, at):
            # 'the EU may halt aid if ..., the French minister said': the named party's threat, reported
            entry = {**_as_threat(t.token, t, None).entry, "reported_hedge": True}
            replaced[t.token.i] = Trigger(token=t.token, entry=entry, tokens=t.tokens,
                                          specificity=max(2, t.specificity))
            continue
        at = at or _possibility_raised(t.token)
        if at is not None:
            old = by_token.get(at.i)
            if old is not None and old.event_type != "THREATEN":
                continue  # the announcing word is an act of its own ('accused ... could')
            replaced[at.i] = _as_threat(at, t, old)
            dropped.add(t.token.i)
        elif _conditional_act(t.token):
            replaced[t.token.i] = _as_threat(t.token, t, None)
    if not replaced:
        return triggers
    kept = [replaced.pop(t.token.i, t) for t in triggers if t.token.i not in dropped or t.token.i in replaced]
    return sorted([*kept, *replaced.values()], key=lambda t: t.token.i)
