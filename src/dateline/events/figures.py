"""False events in political prose, read from the words around an act's word (data: event_grammar.json).

- figures of speech: 'struck a conciliatory tone', 'rang the closing bell', 'seized on the remark', 'targeted
  suburban voters', 'talking about turnout' (figurative_objects, figurative_preps, topic_talk_verbs);
- violence as a topic: 'how to respond to mass shootings' (generic_act_types, generic_act_preps);
- crimes as a legal category: 'exceptions for rape or incest' (category_act_nouns, category_act_preps);
- campaign rallies: 'Senator X's rally' (campaign_event_nouns, campaign_words);
- attacks of words: 'a scathing attack on the bill', 'attacked him with ads' are ACCUSE (verbal_attack_modifiers,
  verbal_attack_instruments);
- political struggles: politicians 'fighting' a program or 'battling' a legislature (struggle_words);
- elections won: a party 'took control of the House' (electoral_party_sectors, electoral_body_sectors);
- attacks of words by unplaced doers: 'rival candidates attacked him over the tax' (verbal_attacker_nouns,
  verbal_attack_objects);
- acts as the topic: 'the inquiry has dragged on', 'the bombing dominated the campaign' (background_verbs);
- trips at home: 'the senator traveled to Ohio' visits no host."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Actor, Event
from .grammar import load_grammar
from .triggers import Trigger, split_word

G = load_grammar()


def _particle(verb: Token) -> str | None:
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects, or a passive verb's subject ('the law was struck down'), with their conjuncts;
    an adjective complement counts too ('pleaded guilty')."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.tag_ == "VBN"
    deps = ("dobj", "nsubjpass") if passive else ("dobj", "acomp", "oprd")
    objs = [c for c in verb.children if c.dep_ in deps]
    if passive and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        objs.append(verb.head)  # 'the rule struck down last year'
    return objs + [c for o in objs for c in o.conjuncts]


def _figurative_object(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    prt = _particle(verb)
    names = [lemma] if prt is None else [f"{lemma} {prt}", lemma]
    listed = next((G.figurative_objects[n] for n in names if n in G.figurative_objects), None)
    if not listed:
        return False
    objs = [o for o in _objects(verb) if not o.is_punct]
    # 'seeking re-election' parsed as objects 're', '-', 'election': the split word counts once, whole
    parts = {o.doc[o.i - 2].i for o in objs if split_word(o)}
    objs = [o for o in objs if o.i not in parts]
    return bool(objs) and all(o.lemma_.lower() in listed or o.lower_ in listed or split_word(o) in listed
                              for o in objs)


def _figurative_prep(verb: Token, own_particle: str | None) -> bool:
    preps = G.figurative_preps.get(verb.lemma_.lower())
    if not preps:
        return False
    # an entry's own preposition names another sense ('target at', 'charge with'), unless the verb's particle
    # makes it a phrasal verb of its own ('charged ahead with the vote')
    other_sense = bool(own_particle) and own_particle not in preps
    # the parser often hangs the phrase on the object: 'targeted two of its bases for closure'
    near = list(verb.children) + [t for o in _objects(verb) for t in o.subtree if t is not o]
    for c in near:
        if c.dep_ not in ("prep", "prt", "advmod") or c.lower_ not in preps or (other_sense and c.dep_ == "prep"):
            continue
        listed = preps[c.lower_]
        if not listed:
            return True
        # ('walked out of prison': the place hangs on the particle's own 'of')
        objects = [g for g in c.children if g.dep_ == "pobj"] + [
            g for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        if any(g.lemma_.lower() in listed for g in objects):
            return True
    return False


_INTERLOCUTOR_PREPS = frozenset({"with", "to"})


def _talk_on_a_topic(verb: Token) -> bool:
    """'Democrats are talking about turnout', 'have talked impeachment': one party's talk on a topic, with no one talked with or to and no
    second party in the subject ('Kerry and Lavrov talked about Syria' consult)."""
    if verb.lemma_.lower() not in G.topic_talk_verbs:
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # 'some Democrats have talked impeachment': a common noun as the object is the topic too
    topic_object = bool(objects) and all(o.dep_ == "dobj" and o.pos_ == "NOUN" and not o.ent_type_ for o in objects)
    if preps & _INTERLOCUTOR_PREPS or not (("about" in preps and not objects) or topic_object):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.conjuncts for s in subjects)


def figurative(trig: Trigger) -> bool:
    """Whether a verb trigger is a figure of speech by its object or preposition. An entry naming its own objects
    ('strike a deal', 'seize control') is a sense of its own and is not second-guessed, unless what it matched is
    a word inside a figurative object's phrase."""
    verb = trig.token
    if trig.kind != "verb" or verb.pos_ not in ("VERB", "AUX"):
        return False
    own = trig.entry.get("object")
    if own:
        # only when the entry matched on a word inside the object's phrase ('released a video of its leader'),
        # not on the object itself
        heads = [o for o in _objects(verb) if not o.is_punct]
        return bool(heads) and not any(o.lemma_.lower() in own or o.lower_ in own for o in heads) and (
            _figurative_object(verb))
    particle = trig.entry.get("particle")
    return (_figurative_object(verb) or _figurative_prep(verb, str(particle) if particle else None)
            or (not particle and _talk_on_a_topic(verb)) or _shows(verb))


def _shows(verb: Token) -> bool:
    """'the protests demonstrate how deep the anger runs', 'the vote demonstrated the party's strength': with a
    clause or an object, to show, not to march."""
    return verb.lemma_.lower() in G.showing_verbs and any(c.dep_ in ("ccomp", "csubj", "dobj") for c in verb.children)


_OWN_DEPS = frozenset({"det", "poss", "nummod", "prep", "appos", "acl", "relcl", "case", "quantmod", "npadvmod"})


def generic_act(trig: Trigger) -> bool:
    """'How the country should respond to mass shootings': a plural act noun with nothing of its own (no article,
    owner, number, place, target, clause or dating word) as the object of a preposition of topic or reference
    ('respond to', 'worry about', 'a spate of') names violence as a category. As a subject ('Airstrikes killed nine') or an object ('launched attacks', 'used missiles'), or in
    the singular ('engaged in ethnic cleansing', 'days of fighting'), it is kept as an act."""
    tok = trig.token
    if (trig.kind == "verb" or trig.event_type not in G.generic_act_types or tok.tag_ != "NNS"
            or tok.dep_ != "pobj" or tok.head.lower_ not in G.generic_act_preps):
        return False
    for c in tok.children:
        if c.dep_ in _OWN_DEPS or c.lower_ in G.specific_act_words or c.lemma_.lower() in G.specific_act_words:
            return False
        if c.dep_ in ("compound", "amod", "nmod") and (c.pos_ in ("PROPN", "NUM") or c.ent_type_):
            return False  # 'the Paris attacks', '9/11 attacks'
    return True


def _bare(tok: Token) -> bool:
    """Nothing of the noun's own tells one act: no article, owner, number, place, clause or dating word."""
    for c in tok.children:
        if c.dep_ in _OWN_DEPS or c.lower_ in G.specific_act_words or c.lemma_.lower() in G.specific_act_words:
            return False
        if c.dep_ in ("compound", "amod", "nmod") and (c.pos_ in ("PROPN", "NUM") or c.ent_type_):
            return False
    return True


def category_act(trig: Trigger) -> bool:
    """'Exceptions for rape or incest', 'penalties for assault and murder', 'free from persecution', 'Torture is a
    crime': a crime or abuse noun (category_act_nouns), bare and singular, after a preposition of topic or reference
    (category_act_preps; not 'of': 'a policy of torture' tells acts) or as the subject of a copula with a noun complement, names the crime as a legal category, not an act that
    happened. 'The torture of prisoners', 'torture in the jails' have words of their own and stay acts."""
    tok = trig.token
    if (trig.kind == "verb" or trig.event_type not in G.generic_act_types or tok.tag_ != "NN"
            or tok.lemma_.lower() not in G.category_act_nouns):
        return False
    first = tok
    while first.dep_ == "conj" and first.head is not first:  # 'for assault and murder': read at the first
        first = first.head
    if not all(_bare(t) for t in {tok, first}):
        return False
    if first.dep_ == "pobj":
        # the preposition hangs on a noun or an adjective ('penalties for', 'free from'): on a verb the act may
        # be told ('subjected them to torture', 'told of torture')
        prep = first.head
        return (prep.lower_ in G.category_act_preps
                and prep.head.pos_ in ("NOUN", "PROPN", "ADJ") and prep.head is not prep
                # the parser may hang the doer on the noun before ('evidence of torture by the police')
                and not any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in prep.head.children))
    # 'Rape is a crime': a statement about the category; 'torture is widespread there' may tell acts. The
    # complement of such a statement is the category too ('rape is rape')
    if first.head.lemma_ != "be" or first.dep_ not in ("nsubj", "attr"):
        return False
    subj = first if first.dep_ == "nsubj" else next((c for c in first.head.children if c.dep_ == "nsubj"), None)
    if subj is not first and (subj is None or subj.tag_ != "NN" or subj.lemma_.lower() not in G.category_act_nouns
                              or not _bare(subj)):
        return False
    return any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in first.head.children)


def _campaign_word(tok: Token) -> bool:
    return tok.lower_ in G.campaign_words or tok.lemma_.lower() in G.campaign_words


def _campaign_modified(rally: Token) -> bool:
    """'A campaign rally', and one level down 'an election-night rally' or 'a primary-eve rally' (the parser
    hangs the first part of the hyphenated modifier on the second)."""
    for c in rally.children:
        if c.dep_ not in ("compound", "amod", "nmod"):
            continue
        if _campaign_word(c) or any(g.dep_ in ("compound", "amod", "nmod") and _campaign_word(g) for g in c.children):
            return True
    return False


def _holder(verb: Token) -> Token | None:
    """Who holds the rally: the verb's subject, or the subject of the verb it completes ('continues to hold')."""
    for v in (verb, verb.head if verb.dep_ == "xcomp" else None):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None) if v is not None else None
        if subj is not None:
            return subj
    return None


def campaign_event(trig: Trigger) -> bool:
    """'Biden's rally in Detroit', 'a reelection rally', 'the campaign will hold rallies': a candidate's or
    campaign's rally is no protest."""
    tok = trig.token
    if trig.kind == "verb" and trig.event_type in ("PROTEST", "THREATEN"):
        # 'held a campaign rally', 'will hold a reelection rally' (a declared protest reads as a threat): the
        # light verb's object is the rally; only its campaign words tell (a leader's held rally may be a protest),
        # or a campaign as its holder ('his campaign keeps holding rallies', session 14)
        rally = next((t for t in trig.tokens[1:] if t.lemma_.lower() in G.campaign_event_nouns), None)
        if rally is None:
            return False
        holder = _holder(tok)
        return _campaign_modified(rally) or (holder is not None and holder.lemma_.lower() == "campaign")
    if trig.kind == "verb" or trig.event_type != "PROTEST" or tok.lemma_.lower() not in G.campaign_event_nouns:
        return False
    for c in tok.children:
        if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and not c.ent_type_)
                                 or c.lemma_.lower() == "campaign"):
            return True  # 'Warren's rally', 'the campaign's rally'; a place's or an organisation's may be a protest
    holder = _holder(tok.head) if tok.dep_ == "dobj" else None  # 'his campaign keeps holding rallies'
    return _campaign_modified(tok) or (holder is not None and holder.lemma_.lower() == "campaign")


_WORDS_ENTRY = {"type": "ACCUSE", "mode": "disapprove", "cameo": "111"}


def as_words(trig: Trigger) -> Trigger:
    """'personal attacks', 'a scathing attack on the plan': an attack noun qualified as one of words is criticism
    (ACCUSE disapprove, CAMEO 111)."""
    tok = trig.token
    if (trig.event_type != "ASSAULT" or trig.entry.get("mode")
            or tok.lemma_.lower() not in G.verbal_attack_verbs):
        return trig
    if trig.kind == "verb":
        return _words_entry(trig) if _verbal_instrument(tok) else trig
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    mods += [g for c in mods for g in c.conjuncts]  # 'frontal, mean-spirited attacks'
    if not any(m.lower_ in G.verbal_attack_modifiers or m.lemma_.lower() in G.verbal_attack_modifiers for m in mods):
        return trig
    return _words_entry(trig)


def _words_entry(trig: Trigger) -> Trigger:
    return Trigger(token=trig.token, entry={**trig.entry, **_WORDS_ENTRY}, tokens=trig.tokens,
                   specificity=trig.specificity)


def _verbal_instrument(verb: Token) -> bool:
    """'Attacked the sheriff with television ads', 'assailed her with tweets' (verbal_attack_instruments): the
    attack is made with words. The parser may hang the 'with' phrase on the object."""
    near = list(verb.children) + [t for o in _objects(verb) for t in o.children]
    for c in near:
        if c.dep_ != "prep" or c.lower_ != "with":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        objs += [x for g in objs for x in g.conjuncts]
        if objs and all(o.lemma_.lower() in G.verbal_attack_instruments for o in objs):
            return True
    return False


def ballot_cast(trig: Trigger) -> bool:
    """'Voters in Maine voted for him twice': the electorate's vote is a ballot, not support or opposition
    between parties; a body's vote ('the Senate voted against the bill') is kept."""
    verb = trig.token
    if trig.kind != "verb" or verb.lemma_.lower() != "vote":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and all(t.lemma_.lower() in G.ballot_voters or t.lower_ in G.ballot_voters
                                    for t in [subj, *subj.conjuncts])


def background_act(trig: Trigger) -> bool:
    """'The inquiry has dragged on', 'the bombing dominated the campaign', 'briefed about the shooting': an act
    noun that is the subject of a verb of lasting or taking attention, or follows a preposition of topic or
    backdrop, is the topic, not an act the sentence reports."""
    tok = trig.token
    if trig.kind == "verb" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in G.background_verbs:
        return True
    # 'was briefed about the shooting', 'amid the protests', 'anger over the killing': the act is what is talked
    # or felt about, or the backdrop of another act, not the act the sentence tells
    # a dated or counted act ('spoke about the recent bombings', 'questions about several raids') happened and is
    # told as such, as for generic_act (specific_act_words)
    return (tok.dep_ == "pobj" and tok.head.lower_ in G.background_preps
            and not any(c.lower_ in G.specific_act_words or c.lemma_.lower() in G.specific_act_words
                        for c in tok.children))


def literal_triggers(triggers: list[Trigger]) -> list[Trigger]:
    return [as_words(t) for t in triggers
            if not figurative(t) and not generic_act(t) and not category_act(t) and not campaign_event(t) and not ballot_cast(t)
            and not background_act(t)]


def _political(party: Actor) -> bool:
    return party.kind in ("person", "org") and bool(set(party.sectors or [party.sector]) & G.political_sectors)


def word_targets(event: Event) -> bool:
    """Whether all the event's recipients are ones politicians fight with words: persons and organisations with
    no armed sector, groups of politicians, officials or the press ('lawmakers', 'reporters'), or the place of the
    actors' own country that an unnamed target defaults to ('the two senators clashed in Ohio')."""
    def words_only(r: Actor) -> bool:
        sectors = set(r.sectors or [r.sector])
        if r.kind in ("person", "org"):
            return not sectors & G.military_sectors
        if r.kind == "group":
            return bool(sectors & G.verbal_target_sectors)
        return (r.kind == "state" and event.location is not None and r.text == event.location.text
                and bool(r.country) and all(a.country == r.country for a in event.actors))
    return all(words_only(r) for r in event.recipients)


def political_struggle(event: Event, trig: Trigger) -> bool:
    """'The senator fought the surveillance program', 'the mayor is fighting to keep the base', 'the candidates
    will clash again': politicians, parties or officials fighting with no weapon and no armed or state party on
    either side wage a political struggle, not violence (no event, nor a threat of one)."""
    if (trig.entry.get("declared_from") or trig.event_type) != "ASSAULT" or (
            trig.token.lemma_.lower() not in G.struggle_words):
        return False
    # a declared fight is a threat of plain 'violence'; any other mode names a weapon or a kind of attack
    if event.mode not in ((None,) if event.event_type == "ASSAULT" else (None, "violence")):
        return False
    if not event.actors or not all(_political(a) for a in event.actors):
        return False
    if not word_targets(event):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.lemma_.lower() in G.instrument_modes for g in c.children) for c in trig.token.children)


def electoral_control(event: Event) -> bool:
    """'Democrats took control of the House', 'Republicans retook three statehouses', 'hopes of retaking the
    Senate': a party that takes control wins a vote; a seizure by parties only, or by no one of a legislature
    only, is no event. Soldiers, rebels or a state that take a parliament keep the seizure."""
    if event.event_type != "COERCE" or event.mode != "seize":
        return False
    if event.actors:
        return all(a.kind in ("org", "group") and set(a.sectors or [a.sector]) <= G.electoral_party_sectors
                   and bool(set(a.sectors or [a.sector]) & G.electoral_party_sectors) for a in event.actors)
    return bool(event.recipients) and all(
        r.kind == "org" and set(r.sectors or [r.sector]) <= G.electoral_body_sectors for r in event.recipients)


_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE_WORDS = frozenset({"who", "that", "which"})


def _doer_word(verb: Token) -> Token | None:
    """The word naming who does the verb: its subject, a relative pronoun's antecedent ('pundits who attack
    him'), or the subject of the verb a gerund or infinitive hangs from ('the Tories are focused on attacking')."""
    tok: Token | None = verb
    for _ in range(3):
        if tok is None:
            return None
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE_WORDS and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ not in ("pcomp", "xcomp", "advcl", "conj") and tok.head.dep_ != "prep":
            return None
        tok = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return None


def _time_word(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or any(c.ent_type_ in ("DATE", "TIME") for c in tok.subtree)


def unplaced_verbal_attack(event: Event, trig: Trigger) -> bool:
    """'The Democratic contenders attacked Trump', 'pundits who attack the governor', 'focused on attacking the
    premier's record', 'attacked Macron over pension reform, saying ...': an attack verb with no party the coder
    can place, whose doer, object or wording makes it one of words, is criticism by no one codable: no event (a
    coded politician's attack of words is recoded ACCUSE by as_verbal_attack)."""
    verb = trig.token
    if (event.event_type != "ASSAULT" or event.mode or event.actors or trig.kind != "verb"
            or verb.lemma_.lower() not in G.verbal_attack_verbs or not word_targets(event)):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False  # 'attacked him with a knife'
    doer = _doer_word(verb)
    if doer is not None and (doer.lemma_.lower() in G.verbal_attacker_nouns or doer.lower_ in G.verbal_attacker_nouns
                             or doer.lemma_.lower() in G.commentator_nouns):
        return True
    if any(o.lemma_.lower() in G.verbal_attack_objects for o in _objects(verb)):
        return True
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "over" and not any(_time_word(g) for g in c.children):
            return True  # 'attacked him over the tax' ('over the weekend' dates an assault)
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in G.speech_verbs:
            return True  # 'attacked the senator, saying ...'
    return False


def _destinations(verb: Token) -> list[Token]:
    """Where a verb of travel goes: 'traveled to Ohio', 'arrived in Reno', 'visited Iowa'."""
    return [*(g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
              for g in c.children if g.dep_ == "pobj"), *(c for c in verb.children if c.dep_ == "dobj")]


def trip_at_home(event: Event, trig: Trigger) -> bool:
    """'The senator traveled to Ohio', 'she had flown home to Oregon to vote': a visit (CONSULT 042) with no
    host, told in the clause as a place of the traveller's own country, or made by a person the KB cannot place,
    meets no one (a campaign stop, a trip home); a visit abroad names its host state ('visited Nairobi'). So does
    a trip announced for later ('the senator will travel to Ohio'): no meeting is promised (no AGREE 036)."""
    visit = (event.event_type == "CONSULT" and event.mode == "visit"
             or trig.entry.get("declared_from") == "CONSULT" and trig.entry.get("declared_mode") == "visit")
    if not visit or event.recipients:
        return False
    if trig.kind == "verb" and event.actors and all(a.kind == "person" and not a.country and not (a.sector or a.sectors)
                                                    for a in event.actors):
        return True  # a voter or a patient the KB cannot place, 'traveled home to vote'
    loc = event.location
    if trig.kind != "verb" or loc is None or not loc.country or not loc.text:
        return False  # the destination is not told or not placed: the visit may still be abroad
    if not any(loc.text in " ".join(t.text for t in d.subtree) for d in _destinations(trig.token)):
        return False  # the place is not where the verb goes ('Suriname's minister embarked on a tour')
    return bool(event.actors) and all(a.country == loc.country for a in event.actors)


def figurative_arms(event: Event) -> bool:
    """'giving new ammunition to her rival', 'handed the critics a weapon': arms passed between politicians are a
    figure of speech; military aid (CAMEO 072) goes to states and armed groups."""
    if event.event_type != "AID" or event.cameo != "072" or not event.actors or not event.recipients:
        return False
    return all(_political(a) for a in event.actors) and all(
        r.kind == "person" or _political(r) for r in event.recipients) and word_targets(event)
