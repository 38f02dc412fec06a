"""Who did it to whom: actor and recipient phrases of a trigger, from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors import AREA_NOUNS
from .coding import list_item_apposition
from .grammar import load_grammar
from .triggers import Trigger, _best, _names_a_body, _names_a_country, _names_people, default_index

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
G = load_grammar()
# Passive subjects that are the mover, not the moved: "troops were deployed", "aid was provided".
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "week", "weekend", "month", "year", "morning", "evening", "night", "afternoon", "day",
})
PARTICLES = frozenset({"out", "away", "back", "off", "down", "up"})
SELF_MOVING_TYPES = frozenset({"MOBILIZE", "RETREAT", "AID"})
FALLBACK_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "from"})


@dataclass
class Arguments:
    actors: list[Token] = field(default_factory=list)  # heads of actor phrases
    recipients: list[Token] = field(default_factory=list)
    governor: Token | None = None  # the verb whose clause the event lives in
    requesters: list[Token] = field(default_factory=list)  # "at the request of X"
    by_prep: list[Token] = field(default_factory=list)  # "sent aid to X": the prepositional target, if the object codes nobody
    passive_no_agent: bool = False


def conjuncts(tok: Token) -> list[Token]:
    """A head and the phrases coordinated with it: 'Gondor and Osgiliath' -> both. The small parser reads the
    second item of a list of names as an apposition ('Gondor, Rohan and Arnor met': Rohan appos, Arnor its
    conj); an apposition that opens a coordination is a list item, not another name for the head."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(conjuncts(c))
        elif list_item_apposition(c):
            out.extend(conjuncts(c))
    return out


def _split_subjects(subj: Token) -> list[Token]:
    """'The AU, Ethiopia, and Kenya met': the parser may hang the last item of the list on the verb as a second
    subject, with the 'and' left on the first. Such a second subject is coordinated with the first."""
    if subj.dep_ != "nsubj" or not any(c.dep_ == "cc" for c in subj.children):
        return []
    return [c for c in subj.head.children if c.dep_ == "nsubj" and c.i > subj.i and c.pos_ in ("PROPN", "NOUN")]


def _child(tok: Token, deps: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return _firer(g) or g
    return _agent_on_gerund(verb)


def _firer(weapon: Token) -> Token | None:
    """'blown up by a missile fired by rebels': a weapon's own 'by' party is who used it."""
    if weapon.lemma_.lower() not in G.instrument_modes:
        return None
    for acl in weapon.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for c in acl.children:
                if c.dep_ == "agent":
                    return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _agent_on_gerund(verb: Token) -> Token | None:
    """'X was accused of stealing funds by officials': the parser hangs the passive's 'by' phrase on the gerund
    that ends the clause. Taken only for a name or a plural noun ('by officials'), since 'by' under a gerund
    is also a place or a means ('killing people by the river', 'by forging papers')."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for gerund in prep.children:
            if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG":
                continue
            for by in gerund.children:
                if by.dep_ not in ("prep", "agent") or by.lower_ != "by":
                    continue
                obj = next((g for g in by.children if g.dep_ == "pobj"), None)
                if obj is not None and (obj.pos_ == "PROPN" or obj.tag_ in ("NNS", "NNPS")):
                    return obj
    return None


def _detached_agent(verb: Token) -> Token | None:
    """'X has been accused of misusing funds, much of it stolen, by Y officials': a 'by' phrase set off by a comma
    after intervening material is the passive's agent even where the parser hangs it, and the passive under it,
    on a later verb. Taken only for a name or a plural noun, as for `_agent_on_gerund`; with no comma ('much
    of it hidden by his aides') the 'by' belongs to the participle before it."""
    # the verb the parser hung the passive on, or a participle it hung on the passive ('..., some paid in cash,')
    hosts = [verb.head] if verb.dep_ in ("ccomp", "conj", "advcl") and verb.head.i > verb.i else []
    hosts += [c for c in verb.children if c.dep_ in ("conj", "advcl") and c.tag_ == "VBN"]
    for by in (c for h in hosts for c in h.children):
        if by.dep_ not in ("prep", "agent") or by.lower_ != "by" or by.i <= verb.i or by.nbor(-1).text != ",":
            continue
        obj = next((g for g in by.children if g.dep_ == "pobj"), None)
        if obj is not None and (obj.pos_ == "PROPN" or obj.tag_ in ("NNS", "NNPS") or any(
                c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in obj.children)):
            return obj  # 'by Peru's attorney general', not 'by the end of May'
    return None


def _fight_foe(verb: Token) -> Token | None:
    """The 'with' side of the fight a passive act happened in ('killed in a shootout with police',
    'wounded during a gun battle with troops'), a name or a noun of people (grammar `fight_nouns`)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for fight in prep.children:
            if fight.dep_ != "pobj" or fight.lemma_.lower() not in G.fight_nouns:
                continue
            for w in fight.children:
                if w.dep_ == "prep" and w.lower_ == "with":
                    return next((g for g in w.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
    return None


def _gerund_by_party(tok: Token) -> Token | None:
    """The 'by' party of a bare gerund act in a preposition ('killed in shelling by X', 'hurt in beatings by
    police'): a name or a plural noun, as for `_agent_on_gerund` ('by the river' is a place)."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("pcomp", "pobj") or tok.head.dep_ != "prep":
        return None
    for by in tok.children:
        if by.dep_ in ("prep", "agent") and by.lower_ == "by":
            obj = next((g for g in by.children if g.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.tag_ in ("NNS", "NNPS")):
                return obj
    return None


def _relcl_antecedent(verb: Token) -> Token | None:
    """In 'forces, which comprise troops', the subject of the relative clause is the noun it modifies."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return None


def misread_participle(verb: Token) -> bool:
    """'The civilians imprisoned for dissent were released by X': the small parser makes the reduced relative
    'imprisoned' the main verb and the real main verb its conjunct (a passive with no subject and no 'and'
    before it). The participle then says what was done to its noun, not what the noun did."""
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "ROOT" or _child(verb, SUBJECT_DEPS) is None or _child(verb, OBJECT_DEPS):
        return False
    for c in verb.children:
        if (c.dep_ == "conj" and c.i > verb.i and _child(c, frozenset({"auxpass"})) is not None
                and _child(c, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) is None
                and not any(t.dep_ == "cc" and t.head.i == verb.i for t in verb.doc[verb.i + 1 : c.i])):
            return True
    return False


def step_taker(verb: Token) -> Token | None:
    """'took steps to expand freedoms', 'adopted measures to ease the curfew': the verb that takes the step noun
    (event_grammar step_nouns) whose to-infinitive this verb is; the parser hangs the infinitive on the noun (acl,
    relcl) or on the taking verb (advcl)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if verb.dep_ == "advcl":
        steps = any(c.dep_ == "dobj" and c.lemma_.lower() in G.step_nouns for c in verb.head.children)
        return verb.head if steps and verb.head.pos_ in ("VERB", "AUX") else None
    step = verb.head
    if (verb.dep_ in ("acl", "relcl") and step.lemma_.lower() in G.step_nouns and step.dep_ == "dobj"
            and step.head.pos_ in ("VERB", "AUX") and _child(step, frozenset({"poss"})) is None):
        return step.head
    return None


def gerund_governor(verb: Token, governors: frozenset[str]) -> Token | None:
    """The verb of `governors` whose 'of'/'for' gerund this is ('accused Russia of shelling' -> 'accused')."""
    prep = verb.head
    if (verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep" and prep.lower_ in ("of", "for")
            and prep.head.lemma_.lower() in governors):
        return prep.head
    return None


def _controlling_object(verb: Token) -> Token | None:
    """The object of an object-control verb over this 'of'/'for' gerund ('accused Russia of shelling',
    'blamed the rebels for attacking'), the gerund's doer (event_grammar object_control_verbs)."""
    head = gerund_governor(verb, G.object_control_verbs)
    return next((c for c in head.children if c.dep_ == "dobj"), None) if head is not None else None


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The verb's subject, inherited up xcomp/conj/advcl chains; second value: it is a passive subject."""
    taker = step_taker(verb) if depth < 4 else None
    if taker is not None:
        return subject_of(taker, depth + 1)  # "X took steps to expand freedoms": X expands them
    if misread_participle(verb):
        return _child(verb, SUBJECT_DEPS), True
    if verb.dep_ == "conj" and misread_participle(verb.head) and _child(verb, frozenset({"auxpass"})) is not None:
        return _child(verb.head, SUBJECT_DEPS), True  # '... were released by X': the noun is released
    subj = _child(verb, SUBJECT_DEPS)
    if subj is not None:
        if subj.dep_ == "nsubj" and subj.lower_ in ("who", "which", "that"):
            ante = _relcl_antecedent(verb)
            if ante is not None:
                return ante, False
        return subj, False
    psubj = _child(verb, PASSIVE_SUBJECT_DEPS)
    if psubj is not None:
        return psubj, True
    for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i):
        hung = _child(aux, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if hung is not None:  # 'Chile is opposed to ...': the small parser may hang the subject on the auxiliary
            return hung, aux.dep_ == "auxpass" or hung.dep_ in PASSIVE_SUBJECT_DEPS
    ante = _relcl_antecedent(verb)
    if ante is not None:
        return ante, False
    prep = verb.head
    controller = _controlling_object(verb)
    if depth < 4 and controller is not None:
        return controller, False  # 'accused Russia of shelling the town': the object did it (as claimed)
    if (depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.lower_ in G.gerund_control_preps and prep.head.pos_ in ("VERB", "ADJ")
            and _child(prep.head, OBJECT_DEPS) is None):
        # 'police responded by firing tear gas', 'miners resorted to blocking roads', 'both armies are guilty of
        # breaking the truce': with no object to control it, the gerund is done by its verb's (or adjective's)
        # subject, also a passive one ('was accused of inciting violence')
        subj, _ = subject_of(prep.head, depth + 1)
        return subj, False
    # "France is ready to contribute": an adjective's subject is its copula's.
    if depth < 4 and verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "demonstrators setting fire to cars" / "activists detained by police": a reduced relative clause
            if verb.tag_ == "VBG":
                if head.lemma_.lower() in G.document_nouns and head.dep_ == "dobj" and head.head.pos_ == "VERB":
                    return subject_of(head.head, depth + 1)  # "X issued a statement demanding ...": X demands
                return head, False
            if verb.tag_ == "VBN":
                return head, True
            # "the decision to withdraw": the noun's own owner is the subject when there is one
            owner = _child(head, frozenset({"poss"}))
            if ((owner is None or owner.pos_ == "PRON") and head.lemma_.lower() in G.commitment_nouns
                    and head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX")):
                # "X announced plans to lift", "X announced their intention to disarm": X holds the plan
                return subject_of(head.head, depth + 1)
            return owner, False
        if head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ" and head.dep_ in ("acomp", "ROOT", "xcomp"):
            subj, passive = subject_of(head, depth + 1)  # "it was prepared to lift": the adjective's subject
            if passive and verb.dep_ == "xcomp" and not _child(verb, frozenset({"auxpass"})):
                # "X was scheduled to attend", "X was forced to resign": the passive subject does the infinitive
                return subj, False
            return subj, passive
    return None, False


def _area_on(tok: Token) -> bool:
    """'on the Ugandan border', 'on the coast': an area named after 'on', where a thing acted on lies."""
    return tok.head.lower_ == "on" and tok.lemma_.lower() in AREA_NOUNS


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        # 'provide support to X': the parser also calls the 'to' of a recipient 'dative'
        if (c.dep_ in ("prep", "agent") or c.dep_ == "dative" and c.pos_ == "ADP") and c.lemma_.lower() in preps:
            objects = [g for g in c.children if g.dep_ == "pobj"] or _stolen_object(c)
            for g in objects:
                if g.ent_type_ not in NON_ACTOR_ENTS and g.lower_ not in CALENDAR_WORDS:
                    out.extend(conjuncts(g))
                else:
                    out.extend(name for name in [_name_before_date(g)] if name is not None)
    return out


def _stolen_object(prep: Token) -> list[Token]:
    """'granted asylum to five officers holed up in its embassy': the small parser makes the preposition's object
    the subject of the participle after it and leaves the preposition empty; the noun right after it is its object."""
    if prep.i + 1 >= len(prep.doc):
        return []
    nxt = prep.doc[prep.i + 1]
    noun = next((t for t in [nxt, *nxt.ancestors] if t.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None or noun.left_edge.i != prep.i + 1 or noun.head.i <= noun.i:
        return []
    return [noun]


def _name_before_date(date: Token) -> Token | None:
    """'met with President X Tuesday': the parser makes the bare weekday the head of the phrase and the name its
    compound; the name is the party."""
    names = [c for c in date.children if c.dep_ == "compound" and c.i < date.i and c.pos_ == "PROPN"
             and c.ent_type_ not in NON_ACTOR_ENTS]
    if not any(c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") for n in names for c in n.subtree):
        return None
    return names[0]  # the leftmost: its phrase holds the title and flag ('Syrian President X')


def _requesters(verb: Token) -> list[Token]:
    """'at the request of X', 'at X's invitation', 'on the orders of X'."""
    out: list[Token] = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lemma_.lower() not in ("at", "on", "upon", "following", "after"):
            continue
        for frame in prep.children:
            if frame.dep_ == "pobj" and frame.lemma_.lower() in G.request_frames:
                poss = _child(frame, frozenset({"poss"}))
                if poss is not None:
                    out.extend(conjuncts(poss))
                out.extend(_prep_objects(frame, {"of", "from", "by"}))
    return out


def claim_owners(obj: Token) -> list[Token]:
    """Owners of a claim noun: 'Russian claims', 'Moscow's allegations', 'claims by X', '... calling them X claims'."""
    owners: list[Token] = []
    stack = [obj]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "prep" and c.lemma_.lower() in G.topic_preps:
                continue  # what the claim is about
            if c.dep_ in ("poss", "amod", "compound", "nmod") and tok.lemma_.lower() in G.claim_nouns and c.i < tok.i:
                owners.append(c)
            elif c.dep_ in ("agent", "prep") and c.lemma_.lower() in ("by", "from"):
                owners.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("acl", "relcl", "oprd", "dobj", "appos", "xcomp", "ccomp"):
                stack.append(c)
    return owners


def _frame_of(noun: Token) -> Token | None:
    """'a mediation effort', 'a relief operation': the frame noun the nominal act modifies."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in G.frame_nouns:
        return noun.head
    return None


def _verb_lemma(verb: Token) -> str:
    """The verb's lemma as the lexicon spells it: the tagger lemmatises some forms wrongly ('staged' -> 'stag')."""
    from ..lexicon import load_triggers

    lemma = verb.lemma_.lower()
    return load_triggers().aliases.get(("verb", lemma), lemma)


def _span_of(noun: Token) -> Token | None:
    """'staged two weeks of naval drills', 'held a second round of talks': the stretch or round the act is counted
    in stands in its place as the verb's object."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in G.span_nouns and of.head.i < noun.i:
        return of.head
    return None


def light_verb_of(noun: Token) -> Token | None:
    """The verb whose subject does the nominal act: a light verb ('held talks') or a verb that carries the act out
    ('reimposed blockades', `carrier_verbs`), also through a frame noun ('launched a mediation effort')."""
    noun = _frame_of(noun) or _span_of(noun) or noun
    if noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        lemma = _verb_lemma(noun.head)
        # 'called the inquiry a waste of time', 'declared the strike illegal': an object predicate says what the
        # act is, its naming subject does not do it
        if (lemma in G.light_verbs or lemma in G.carrier_verbs) and not any(
                c.dep_ == "oprd" for c in noun.head.children):
            return noun.head
    return None


def _counted_object(verb: Token) -> Token | None:
    """'kidnapped up to 16 advisers', 'killed up to 30 people': the parser reads 'up' as the verb's particle and the
    counted object as the object of 'to'."""
    for prt in verb.children:
        if prt.dep_ in ("prt", "advmod") and prt.lower_ == "up":
            for prep in prt.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if obj is not None and any(c.dep_ == "nummod" for c in obj.children):
                        return obj
    return None


def _raised_object(verb: Token, trig: Trigger) -> Token | None:
    """'allowed UN inspectors to visit', 'helped Chile rebuild': the parser makes the one allowed or helped the
    subject of the infinitive; when the trigger's entry matched it as the verb's object, it is the object."""
    raised = next((t for t in trig.tokens if t.dep_ == "nsubj" and t.head.dep_ in ("ccomp", "xcomp")
                   and t.head.head.i == verb.i and t.head.i > verb.i), None)
    if raised is None and verb.lemma_.lower() in G.help_verbs:
        # the help entry may match a word inside the subject's phrase ('helped the Slovak Republic build'); a
        # compound before the one allowed ('allowed candidate X to run') stays the allower's own reading
        matched = {t.i for t in trig.tokens}
        raised = next((s for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i
                       for s in c.children if s.dep_ == "nsubj" and any(s.left_edge.i <= i < s.i for i in matched)),
                      None)
    return raised


def _split_compound_owner(tok: Token) -> Token | None:
    """'killed in Israeli tank shelling': the small parser ends the noun phrase at 'tank' and reads 'shelling' as a
    verb with no subject. The noun just before it, object of the same preposition run, is the act's owner."""
    if tok.tag_ != "VBG" or tok.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children):
        return None
    prev = tok.doc[tok.i - 1]
    if prev.dep_ == "pobj" and prev.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") for c in prev.children):
        return prev
    return None


def _hung_on_its_object(tok: Token) -> bool:
    """A headline verb the parser made a modifier of its own object, right after the subject's name."""
    return (tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i
            and tok.i > tok.sent.start and tok.doc[tok.i - 1].pos_ in ("PROPN", "NOUN")
            and tok.doc[tok.i - 1].head.i == tok.head.i)


def launch_verb(trig: Trigger) -> Token | None:
    """The launching verb of an attack ('fired', 'launched'), whose 'from' phrase says where it came from."""
    if trig.event_type != "ASSAULT":
        return None
    return next((t for t in (trig.token, *trig.tokens) if t.pos_ == "VERB" and t.lemma_.lower() in G.launch_verbs),
                None)


def arguments(trig: Trigger, recipient_preps: set[str]) -> Arguments:
    """Heads of the trigger's actor and recipient phrases (see `_arguments`), less the launch site and the weapon
    of an attack launched from a place: 'rockets were fired at X from Y' is aimed at X only."""
    args = _arguments(trig, recipient_preps)
    verb = launch_verb(trig)
    if verb is None:
        return args
    drop = {t.i for t in _prep_objects(verb, set(G.origin_preps))}
    # the weapon as the verb's subject: 'rockets were fired at X', and the parser's 'Rockets fired (VBD) from Y'
    drop |= {t.i for t in [*args.recipients, *args.actors] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i
             and _projectile(t)}
    if drop:
        args.actors = [t for t in args.actors if t.i not in drop]
        args.recipients = [t for t in args.recipients if t.i not in drop]
        args.by_prep = [t for t in args.by_prep if t.i not in drop]
    return args


def _projectile(tok: Token) -> bool:
    # a sentence-initial 'Rockets' may be tagged a proper noun and keep its plural as its lemma
    words = {tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")}
    return bool(words & G.projectile_nouns)


def _arguments(trig: Trigger, recipient_preps: set[str]) -> Arguments:
    tok = trig.token
    args = Arguments()
    # An adjective of willingness ("ready to", "willing to") takes its copula's subject as actor; one of blame
    # ("responsible for") describes the accused, not the accuser.
    adjective_actor = tok.pos_ == "ADJ" and tok.lemma_.lower() not in G.accusation_words
    misread_verb = trig.kind == "verb" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if trig.entry.get("headline_verb") and _hung_on_its_object(tok):
        # 'Peru denounces actions by Chile' parsed as one noun phrase: the name before the verb is its subject,
        # the noun it hangs on its object, and that noun's 'by'/'of'/'from' party the one the act is aimed at
        args.governor = tok
        args.actors = conjuncts(tok.doc[tok.i - 1])
        obj = tok.head
        args.recipients = [obj] + _prep_objects(obj, recipient_preps | {"by", "of", "from"})
        return args
    if (tok.pos_ in ("NOUN", "PROPN") and not misread_verb) or (
            trig.kind in ("noun", "phrase") and tok.pos_ not in ("VERB", "AUX") and not adjective_actor):
        return _noun_arguments(tok, recipient_preps, _of_patient(trig), trig.event_type)
    args.governor = tok
    subj, passive = subject_of(tok)
    owner = _split_compound_owner(tok)
    if owner is not None:
        # 'children died in Ruritanian tank shelling': the tank's side shells, the clause's subject suffers
        args.actors = [owner]
        args.recipients = conjuncts(subj) if subj is not None and subj.i < owner.i else []
    elif passive:
        agent = _agent(tok) or _detached_agent(tok)
        if agent is not None:
            args.actors = conjuncts(agent)
            args.recipients = conjuncts(subj) if subj is not None else []
        elif subj is not None and trig.event_type == "ASSAULT" and (foe := _fight_foe(tok)) is not None:
            # 'two gunmen were killed in a shootout with police': the side they fought killed them
            args.actors = conjuncts(foe)
            args.recipients = conjuncts(subj)
        elif subj is not None and trig.event_type in SELF_MOVING_TYPES:
            args.actors = conjuncts(subj)
            args.passive_no_agent = True
        elif subj is not None and (tok.lower_ in G.commitment_adjectives or tok.lower_ in G.stance_participles):
            # 'Ghana is committed to reopening the border': a state, not a passive; the subject commits itself
            args.actors = conjuncts(subj)
        elif subj is not None:
            args.recipients = conjuncts(subj)
            args.passive_no_agent = True
    elif subj is not None:
        args.actors = conjuncts(subj) + _split_subjects(subj)
    elif (by := _gerund_by_party(tok)) is not None:
        # 'four civilians died in shelling by government troops': the gerund's 'by' party acts, the clause's
        # subject suffers
        args.actors = conjuncts(by)
        victims = _child(tok.head.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if victims is not None and tok.head.head.lemma_.lower() in G.outcome_verbs:
            args.recipients = conjuncts(victims)
    obj = _child(tok, OBJECT_DEPS) or _counted_object(tok) or _raised_object(tok, trig)
    object_in_trigger = obj is not None and bool(trig.entry.get("object") or any(t.i == obj.i for t in trig.tokens))
    if obj is not None and object_in_trigger:
        # The object is part of the trigger ("voiced support for X", "set fire to X"): X is the target.
        # the one let in ('allowed UN inspectors to visit') is the other party whatever noun names it
        raised = obj.dep_ == "nsubj"
        named_party = conjuncts(obj) if raised or _names_people(obj) or _names_a_country(obj) or _names_a_body(
            obj) else []
        of_party = _prep_objects(obj, {"of"}) if trig.event_type == "REQUEST" else []
        if trig.event_type == "CONSULT" and named_party:
            # 'welcomed the Kenyan president to Paris': the guest met is the counterpart, 'to Paris' the venue
            args.recipients = named_party
        elif of_party:
            # 'demanded the withdrawal of Rwandan troops from Congo': the party asked to act is the one the
            # demanded act is of, not the place it is to leave
            args.recipients = of_party
        else:
            args.recipients = (_prep_objects(obj, recipient_preps) or _prep_objects(tok, recipient_preps | {"to"})
                               or named_party)
        # 'expelled two Russian diplomats', 'summoned Niger's ambassador': the people object is the target
    elif not passive and obj is not None and obj.lemma_.lower() in G.claim_nouns:
        # "rejected Russian claims about the US": the target is who made the claims, not what they are about.
        args.recipients = claim_owners(obj)
    elif not passive and obj is not None and trig.event_type not in SELF_MOVING_TYPES:
        args.recipients = conjuncts(obj)
    # PLOVER codes the target of many events through a preposition: "withdraw from X", "protest against X".
    by_prep = _prep_objects(tok, recipient_preps)
    if obj is not None:
        # 'attacked a village on the Ugandan border': with an object acted on, an area 'on' phrase is where
        by_prep = [t for t in by_prep if not _area_on(t)]
    for prt in tok.children:
        # "pull out of X", "back down from X": the particle carries the preposition (the parser calls it either)
        if prt.dep_ == "prt" or (prt.dep_ in ("prep", "advmod") and prt.lower_ in PARTICLES):
            by_prep += _prep_objects(prt, recipient_preps | ({"of"} if prt.lower_ == "out" else set()))
    if any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in tok.children):
        by_prep += _prep_objects(tok, {"of"})
    in_trigger = {t.i for t in trig.tokens}
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i in in_trigger):
        # 'advised against travel to Mali': the party hangs on the object of the trigger's own preposition
        by_prep += [t for g in prep.children if g.dep_ in ("pobj", "pcomp") and g.i in in_trigger
                    for t in _prep_objects(g, recipient_preps) if t not in by_prep]
    if "to" not in recipient_preps:
        # 'complained to ASEAN about Chinese ships': the parser may hang the matter on the addressee
        by_prep += [t for to in _prep_objects(tok, {"to"}) for t in _prep_objects(to, recipient_preps) if t not in by_prep]
    if by_prep and not args.recipients:
        args.recipients = by_prep
    # When the object names no party ('providing aerial photographs to X', 'seized weapons from X'), the
    # party sits in a preposition of transfer or contact, whatever the type's own prepositions are.
    args.by_prep = by_prep + [t for t in _prep_objects(tok, set(FALLBACK_PREPS)) if t not in by_prep
                              and not (obj is not None and _area_on(t))]
    if not args.recipients and not passive and trig.event_type not in SELF_MOVING_TYPES:
        # The small parser often reads "backed his claims, saying ..." as a clause whose subject is the object.
        for comp in tok.children:
            if comp.dep_ in ("ccomp", "xcomp") and comp.tag_ == "VBG":
                subj_of_comp = _child(comp, frozenset({"nsubj"}))
                if subj_of_comp is not None and subj_of_comp.left_edge.i <= tok.i + 2:
                    args.recipients = conjuncts(subj_of_comp)
                    break
    if not args.recipients and trig.event_type not in SELF_MOVING_TYPES and not object_in_trigger:
        if obj is not None:
            # "voiced support for X's efforts", "slammed claims by X": the owner of the object is the target
            args.recipients = _prep_objects(obj, recipient_preps | {"of", "by"})
    if not args.recipients and trig.event_type == "REQUEST":
        # 'called for the withdrawal of Syrian forces': the demanded act sits behind the trigger's own preposition
        for prep in (c for c in tok.children if c.dep_ == "prep" and any(t.i == c.i for t in trig.tokens)):
            for act in (g for g in prep.children if g.dep_ == "pobj"):
                args.recipients = args.recipients or _prep_objects(act, {"of"})
    if not args.recipients and trig.event_type in ("ASSAULT", "COERCE"):
        args.recipients = _dispersed(tok)
    args.requesters = _requesters(tok)
    return args


def _dispersed(tok: Token) -> list[Token]:
    """'police opened fire to disperse the crowd', 'used tear gas to break up a rally': force used to scatter
    people is aimed at them (grammar `dispersal_verbs`)."""
    for comp in tok.children:
        if comp.dep_ in ("advcl", "xcomp") and comp.lemma_.lower() in G.dispersal_verbs and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            obj = _child(comp, frozenset({"dobj"}))
            return conjuncts(obj) if obj is not None else []
    return []


def _of_patient(trig: Trigger) -> bool:
    """The nominal act's 'of' phrase names whom it is done to ('the arrest of two journalists', 'the killing of
    protesters', 'the release of hostages'), not who does it ('the withdrawal of troops')."""
    if trig.token.lemma_.lower() in G.agentive_act_nouns:
        return False  # 'the violence of the police', 'the advance of the rebels'
    return (trig.token.lemma_.lower() in G.patient_owner_nouns or trig.event_type in G.patient_of_acts
            or f"{trig.event_type}/{trig.entry.get('mode')}" in G.patient_of_acts)


def _noun_arguments(noun: Token, recipient_preps: set[str], of_patient: bool = False,
                    event_type: str | None = None) -> Arguments:
    args = Arguments()
    verb = light_verb_of(noun)
    if verb is not None:
        args.governor = verb
        subj, passive = subject_of(verb)
        if subj is not None and not passive:
            args.actors = conjuncts(subj) + _split_subjects(subj)
        elif passive:
            agent = _agent(verb)
            if agent is not None:
                args.actors = conjuncts(agent)
        args.requesters = _requesters(verb)
    else:
        args.governor = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
        mods = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        # 'US drone strike', 'Israeli tank shelling': the flag sits on the weapon that modifies the act
        mods += [g for c in mods if c.dep_ == "compound" and c.ent_type_ == "" for g in c.children
                 if g.dep_ in ("compound", "amod", "nmod") and g.i < c.i]
        owner = [c for c in mods if c.pos_ in ("PROPN", "PRON", "ADJ", "NOUN") and c.ent_type_ in (
            "GPE", "NORP", "ORG", "PERSON", "LOC", "FAC") or c.dep_ == "poss" or _force_compound(c)]
        if owner and owner[0].dep_ == "compound" and owner[0].ent_type_ == "GPE" and (
                noun.lemma_.lower() in G.topic_compound_nouns):
            # 'the Russia investigation', 'the Iran probe': a country named before an inquiry is what it looks into
            args.recipients = conjuncts(owner[0])
            owner = []
        if owner and event_type == "ASSAULT" and _city_compound(owner[0]):
            # 'the 2004 Madrid train bombings', 'the London subway attacks': a city named before an attack is
            # where it happened, not who did it ('Moscow's strikes' and 'a Russian attack' still name the doer)
            owner = []
        if owner and _patient_owner(noun, owner[0]):
            # 'Nemtsov's killing', 'the Flynn prosecution', 'his impeachment': the person is the one it is done to
            args.recipients = conjuncts(owner[0])
            owner = []
        if owner and owner[0].pos_ == "PRON" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            # "X repeated its demand", "X renewed their offer": the pronoun is the clause's subject
            subj, passive = subject_of(noun.head)
            if subj is not None and not passive and subj.pos_ != "PRON":
                owner = [subj]
        if owner:
            args.actors = conjuncts(owner[0])
        by = _prep_objects(noun, {"by"} if of_patient else {"by", "of"})
        if not args.actors and by:
            args.actors = by
        if of_patient:
            args.recipients = _prep_objects(noun, {"of"})
        if not args.actors:
            # 'an endorsement from Senator X', 'an onslaught from Mr. Obama': a named person the act comes from
            # does it (not a place: 'rocket fire from Gaza'; nor a body, whose 'inquiries from' a newspaper or
            # 'a restriction from Congress' are as often requests or rules as acts)
            args.actors = [g for g in _prep_objects(noun, {"from"}) if g.ent_type_ == "PERSON"]
        if not args.actors:
            # 'concessions made by Kenya', 'attacks carried out by the rebels': the participle's agent acts
            agents = [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in [_agent(c)] if a is not None]
            if agents:
                args.actors = conjuncts(agents[0])
        frame = _framing_verb(noun)
        if not args.actors and frame is not None:
            # 'Rebels engaged peacekeepers in a firefight', 'joined Uganda in talks': the clause's subject acts,
            # its object is the other party.
            subj, _ = subject_of(frame)
            args.actors = conjuncts(subj) if subj is not None else []
            args.governor = frame
            obj = _child(frame, OBJECT_DEPS)
            if obj is not None:
                args.recipients = conjuncts(obj)
                return args
    if verb is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in G.receiving_verbs:
        # 'the plan got an endorsement from X', 'the mayor won the backing of Senator X' (a verb the lexicon
        # does not take as the noun's light verb): the giver acts, the clause's subject is given to
        giver = _prep_objects(noun.head, {"from"}) or _prep_objects(noun, {"from"}) or [
            t for t in _prep_objects(noun, {"of"}) if t.pos_ == "PROPN"]
        if giver:
            subj, passive = subject_of(noun.head)
            args.actors = giver
            args.recipients = conjuncts(subj) if subj is not None and not passive else []
            args.governor = noun.head
            return args
    if not args.actors and verb is None:
        side = _fighting_side(noun)
        if side is not None:
            # 'soldiers pushed into the valley during clashes with militias': the subject fought; 'with' names the foe
            args.actors = conjuncts(side)
            args.governor = side.head
    if verb is not None and verb.lemma_.lower() in G.receiving_verbs:
        # 'Kenya received a loan from China', 'won support from X': the giver acts, the subject is given to;
        # 'received the endorsement of Senator X': a named 'of' party gives too ('a loan of $5m' names none)
        args.recipients = args.actors
        args.actors = _prep_objects(verb, {"from"}) or _prep_objects(noun, {"from"}) or [
            t for t in _prep_objects(noun, {"of"}) if t.pos_ == "PROPN"]
        return args
    frame_noun = _frame_of(noun)
    by_prep = _prep_objects(noun, recipient_preps) or (
        _prep_objects(frame_noun, recipient_preps) if frame_noun else [])
    if not by_prep and verb is not None and verb.lemma_.lower() not in G.receiving_verbs:
        # 'offered asylum to two doctors', 'launched an attack on the base': the parser may hang the act's
        # preposition on its light verb
        by_prep = _prep_objects(verb, recipient_preps)
    if not by_prep and verb is not None and args.actors:
        # 'X launched a mediation effort between Y and Z': the doer is the verb's subject, the parties are between
        by_prep = _prep_objects(noun, {"between"}) or (_prep_objects(frame_noun, {"between"}) if frame_noun else [])
    if by_prep:
        args.recipients = [t for t in by_prep if t not in args.actors]
    return args


def _city_compound(mod: Token) -> bool:
    """A compounded name the KB knows only as a capital city (not also as a country or its people's name)."""
    from ..kb import load_kb

    if mod.dep_ != "compound" or mod.pos_ != "PROPN":
        return False
    entries = load_kb().lookup(mod.text)
    return bool(entries) and all(e.source == "capital" for e in entries)


def _force_compound(mod: Token) -> bool:
    """'the police shooting of a teenager', 'an army crackdown': a compound noun naming a force or an arm of
    the state (event_grammar compound_doer_sectors) is who does the act."""
    from ..kb import load_kb

    if mod.dep_ != "compound" or mod.pos_ != "NOUN" or mod.i > mod.head.i or mod.lemma_.lower() in G.deployed_forces:
        return False  # 'a troop surge', 'troop withdrawal': the troops are what is moved, not who moves them
    return any(e.source == "noun" and e.kind in ("group", "org") and set(e.sectors) & G.compound_doer_sectors
               for e in load_kb().lookup(mod.text))


_PERSONAL_OWNERS = frozenset({"his", "her", "their"})


def _patient_owner(noun: Token, owner: Token) -> bool:
    """A person owning a noun of an act done to people, with no 'of' phrase naming another patient, is the one it
    is done to (event_grammar patient_owner_nouns): 'Nemtsov's killing', 'the Manafort and Gates indictments'."""
    if noun.lemma_.lower() not in G.patient_owner_nouns or noun.tag_ not in ("NN", "NNS"):
        return False
    if noun.tag_ == "NNS" and owner.dep_ == "poss":
        return False  # 'Stalin's purges', 'Mueller's indictments': a leader's or prosecutor's many acts
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False  # 'the governor's prosecution of the bankers': the owner does it
    if owner.pos_ == "PRON":
        return owner.lower_ in _PERSONAL_OWNERS
    return owner.ent_type_ == "PERSON" or (owner.pos_ == "PROPN" and owner.ent_type_ in ("", "GPE", "ORG") and
                                           _unknown_name(owner))


def _unknown_name(tok: Token) -> bool:
    """A name the KB does not list as a state, people, city or body: the tagger calls some surnames places
    ('Khashoggi's murder' tagged GPE, 'Nemtsov's killing' ORG); a state or body the KB knows ('Iran's
    execution of …') does the act."""
    from ..kb import load_kb

    return not any(e.source != "person" for e in load_kb().lookup(tok.text))


# Prepositions that put a reciprocal nominal act just before or around the clause's own act.
SEQUEL_PREPS = frozenset({"after", "following", "during"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "UAF"})


def armed_noun(tok: Token) -> bool:
    """A noun of armed people the KB knows by sector: soldiers, police, rebels, militants, peacekeepers."""
    from ..kb import load_kb

    return any(e.source == "noun" and ARMED_SECTORS & set(e.sectors) for e in load_kb().lookup(tok.lemma_.lower()))


def _fighting_side(noun: Token) -> Token | None:
    """'Soldiers pushed into the valley during clashes with militias', 'the army withdrew following clashes
    with militants': an act done 'with' a foe, told as what came before the clause's act, was fought by the
    clause's subject. Only an armed or state subject is taken: 'villagers abandoned their farms after clashes' did
    not fight."""
    prep = noun.head
    if (noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in SEQUEL_PREPS
            or prep.head.pos_ not in ("VERB", "AUX")):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return None
    subj = _child(prep.head, SUBJECT_DEPS)
    if subj is None:
        return None
    if subj.pos_ == "PROPN" and subj.ent_type_ in ("GPE", "ORG", "NORP"):
        return subj
    from ..kb import load_kb

    armed = any(e.source == "noun" and ARMED_SECTORS & set(e.sectors) for e in load_kb().lookup(subj.lemma_.lower()))
    return subj if armed else None


def _framing_verb(noun: Token) -> Token | None:
    """The active transitive verb whose 'in' phrase the nominal act is ('engaged X in a firefight'), or a verb of
    taking part (`participation_verbs`: 'engaged in', 'took part in'); other intransitive and passive clauses
    ('died in an attack', 'was wounded in an attack') name victims, not parties. Also a gathering or journey
    verb's 'for' phrase ('went back to Vienna for talks') and a holding verb's 'as' phrase ('used villagers as
    human shields')."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "as" and prep.head.dep_ == "dobj" and (
            prep.head.head.lemma_.lower() in G.holding_verbs):
        return prep.head.head  # 'kept hundreds of families as human shields': the parser hangs 'as' on the object
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    if prep.lower_ in ("for", "to", "at") and verb.lemma_.lower() in G.gathering_verbs and _child(
            verb, SUBJECT_DEPS) is not None:
        return verb  # 'thousands converged for a rally', 'crowds gathered at a demonstration': they hold it
    if (prep.lower_ == "for" and verb.lemma_.lower() in G.journey_verbs and _child(verb, SUBJECT_DEPS) is not None
            and _best(verb, default_index().verbs.get(verb.lemma_.lower(), ())) is None):
        # 'diplomats went back to Vienna for talks': the travellers hold the talks ('flew to Cairo for talks' is
        # coded by its own verb: a visit)
        return verb
    if prep.lower_ == "as" and verb.lemma_.lower() in G.holding_verbs and _child(verb, OBJECT_DEPS) is not None:
        return verb  # 'troops used villagers as human shields', 'held them as hostages': the subject holds them
    if prep.lower_ != "in":
        return None
    if verb.lemma_.lower() in G.participation_verbs and (
            _child(verb, SUBJECT_DEPS) is not None or _child(verb, PASSIVE_SUBJECT_DEPS) is not None):
        return verb  # 'X engaged in ethnic cleansing', 'X were involved in the raid': the subject takes part
    if _child(verb, OBJECT_DEPS) is None or _child(verb, SUBJECT_DEPS) is None:
        return None
    return verb
