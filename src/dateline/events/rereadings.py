"""Re-readings of a coded event by who does it: stones thrown by protesters are a riot, a state that 'protests'
complains, investigators asking the public for help investigate, an army's plain attack is conventional force."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import cameo_for
from ..models import Event
from .figures import word_targets
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()


def as_riot(event: Event, trig: Trigger | None = None) -> Event:
    """Stones thrown and cars burned by protesters, or by anyone in the course of a demonstration ('youths threw
    stones during the protests'), are a riot (PROTEST/riot), not an armed assault."""
    if event.event_type != "ASSAULT" or not event.actors or (event.mode or "") in G.riot_excluded_modes:
        return event
    if not (all(set(a.sectors or [a.sector]) & G.riot_sectors for a in event.actors)
            or (trig is not None and during_a_protest(trig.token))):
        return event
    return event.model_copy(update={"event_type": "PROTEST", "mode": "riot", "cameo": "145"})


def during_a_protest(tok: Token) -> bool:
    """'threw stones during demonstrations against X', 'burned cars at a rally'."""
    heads = [tok, tok.head] if tok.dep_ in ("pcomp", "xcomp") else [tok]
    return any(p.dep_ == "prep" and p.lower_ in ("during", "at", "in") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in G.riot_occasions for o in p.children)
        for h in heads for p in h.children)


def conventional_force(event: Event) -> Event:
    """CAMEO splits PLOVER's ASSAULT: 18 is unconventional violence (beatings, abductions, bombings), 19 the use
    of conventional military force. An ASSAULT of no particular mode with an army or a state among its parties
    is the latter (190), as CAMEO coders code 'troops attacked', 'the army killed'."""
    if event.event_type != "ASSAULT" or event.mode or event.cameo not in (None, "180"):
        return event
    parties = event.actors + event.recipients
    if not any(p.kind == "state" or set(p.sectors or [p.sector]) & G.military_sectors for p in parties):
        return event
    return event.model_copy(update={"cameo": "190"})


def as_pullout(event: Event, trig: Trigger | None = None) -> Event:
    """'A rights group withdrew from Chad', 'the charity pulled out of Yemen', 'the UN inspectors withdrew from
    the country': a civilian body or mission pulling out pulls its own people out (SANCTION withdraw, as withdrawn
    staff are), not a military retreat."""
    if event.event_type != "RETREAT" or event.mode != "withdraw" or not event.actors:
        return event
    if not (all(set(a.sectors or [a.sector]) & G.pullout_sectors for a in event.actors)
            or (trig is not None and _mission_pulls_out(trig.token))):
        return event
    return event.model_copy(update={"event_type": "SANCTION", "mode": "withdraw", "cameo": "164"})


def _mission_pulls_out(verb: Token) -> bool:
    """The verb has no object of its own and its subject is a civilian mission or its people (event_grammar
    pullout_nouns: 'the commission of inquiry has withdrawn', 'monitors pulled out of the town')."""
    from .arguments import subject_of

    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    subj, passive = subject_of(verb)
    return subj is not None and not passive and subj.lemma_.lower() in G.pullout_nouns


def as_restitution(event: Event, trig: Trigger) -> Event:
    """'Paid compensation to the families for land seized in 1990', 'compensated them for the homes they lost':
    compensation for property gives back its value (RETREAT, CAMEO 0842 return property), not aid."""
    if event.event_type != "AID":
        return event
    words = [t for t in (trig.token, *trig.tokens) if t.lemma_.lower() in G.restitution_words]
    if not words or not any(_for_property(p) for p in _for_phrases(trig.token)):
        return event
    return event.model_copy(update={"event_type": "RETREAT", "mode": None, "cameo": "0842"})


def _for_phrases(head: Token) -> list[Token]:
    """The 'for' prepositions of the clause's phrases, not of clauses inside it: the parser hangs 'for land' on
    the verb, its object or the one paid ('paid compensation to the families for land')."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                out.append(c)
            elif c.dep_ in ("dobj", "dative", "prep", "pobj", "conj"):
                stack.append(c)
    return out


def _for_property(prep: Token) -> bool:
    """A 'for' phrase naming property (also through its 'of': 'for the loss of their farms')."""
    for obj in (g for g in prep.children if g.dep_ == "pobj"):
        owned = [obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj")]
        if any(o.lemma_.lower() in G.restitution_objects or o.lower_ in G.restitution_objects
               for t in owned for o in (t, *t.conjuncts)):
            return True
    return False


def as_own_training(event: Event, trig: Trigger) -> Event:
    """'North Korea has trained 500 hackers', 'Iran trained thousands of new recruits': training (AID 072 when the
    trainees are another party's, 'trained Malian soldiers') with no other party among the recipients builds up the
    trainer's own force (CAMEO 154, PLOVER MOBILIZE troops); the trainees are no target."""
    if event.event_type != "AID" or trig.token.lemma_.lower() not in G.training_verbs or not event.actors:
        return event
    own = {a.country for a in event.actors}
    # 'hackers able to strike against the US': a party the force is meant against is its target, not its owner
    against = [t.doc[t.i : t.right_edge.i + 1] for t in trig.token.subtree if t.dep_ == "prep" and t.lower_ == "against"]
    aimed = [r for r in event.recipients if any(
        p.start_char <= r.start < p.end_char if r.start is not None else r.text in p.text for p in against)]
    if None in own or any(r.country not in own and r.country is not None or r.kind in ("state", "igo", "ngo")
                          for r in event.recipients if r not in aimed):
        return event
    return event.model_copy(update={"event_type": "MOBILIZE", "mode": "troops", "recipients": aimed,
                                    "cameo": cameo_for("MOBILIZE", "troops")})


def prepared_attack(trig: Trigger) -> Trigger | None:
    """'The army was preparing to resume shelling the town', 'rebels prepared an offensive', 'preparing for an
    assault': an attack being readied is not made yet; readying forces for it is a military move short of force
    (PLOVER MOBILIZE, CAMEO 15: artillery or air power readied is weapons, else troops), neither the attack nor a
    threat's words. 'We are prepared to strike' (a participle or adjective after 'be') is willingness and stays
    a declaration. The reading's trigger is the preparing verb, whose subject readies."""
    if trig.event_type != "ASSAULT":
        return None
    tok = trig.token
    for _ in range(3):  # through a verb of starting: 'preparing to resume / launch ...'
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            tok = tok.head
        head = tok.head
        if tok.dep_ not in ("xcomp", "dobj", "prep") or head.i == tok.i or head.pos_ != "VERB":
            return None
        if head.lemma_.lower() in G.preparation_verbs:
            break
        tok = head
    else:
        return None
    if head.tag_ == "VBN" and (head.dep_ in ("acomp", "amod") or any(
            c.dep_ == "auxpass" or c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)):
        return None  # 'we are prepared to strike', 'workers, who were prepared to strike': willing, not readied
    mode = G.prepared_attack_modes.get(str(trig.entry.get("mode") or ""), "troops")
    entry = {**trig.entry, "type": "MOBILIZE", "mode": mode, "cameo": cameo_for("MOBILIZE", mode),
             "reread_from": "ASSAULT"}
    act = trig.token
    # the force is readied against what the attack would strike: its object, or its 'against / on' party
    aim = next((c for c in act.children if c.dep_ == "dobj"), None) or next(
        (g for c in act.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "into")
         for g in c.children if g.dep_ == "pobj"), None)
    if aim is not None:
        entry["addressee"] = aim.i
    return Trigger(token=head, entry=entry, tokens=[head, act], specificity=trig.specificity)


def as_complaint(event: Event, trig: Trigger) -> Event:
    """'Uganda protested to Kenya', 'a rights group protested the arrests': a state, a body or an official that
    protests complains (PLOVER ACCUSE disapprove); PROTEST is people in the street."""
    if event.event_type != "PROTEST" or trig.kind != "verb" or trig.token.lemma_.lower() not in G.complaint_verbs:
        return event
    if not event.actors and not _complaining_subject(trig.token):
        return event
    if not all(a.kind in G.complaint_kinds or set(a.sectors or [a.sector]) & G.complaint_sectors for a in event.actors):
        return event
    # the authorities a street protest is presumed to address are no addressee of a complaint
    recipients = [r for r in event.recipients if not r.name.endswith("(authorities)")]
    return event.model_copy(update={"event_type": "ACCUSE", "mode": "disapprove", "recipients": recipients,
                                    "cameo": cameo_for("ACCUSE", "disapprove")})


def _complaining_subject(verb: Token) -> bool:
    """'The administration protested the ruling': a subject the coder leaves without a country (a bare
    'administration', 'ministry', 'companies') is still a government or business by its KB sector noun."""
    from ..kb import load_kb

    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN":
        return False
    return any(set(e.sectors) & G.complaint_sectors for e in load_kb().lookup(subj.lemma_.lower())
               if e.source == "noun")


def as_closure_order(event: Event, trig: Trigger) -> Event:
    """'The government ordered the opposition paper to suspend publication', 'a court ordered the station to stop
    broadcasting': a state body commanding a news outlet to close or stop is censorship (PLOVER COERCE censor,
    CAMEO 1721), not a demand it may refuse. Only state actors, only outlets or their publishing."""
    if event.event_type != "REQUEST" or trig.token.lemma_.lower() not in G.command_verbs or not event.actors:
        return event
    if not all(a.kind == "state" or set(a.sectors or [a.sector]) & G.state_body_sectors for a in event.actors):
        return event
    told = next((c for c in trig.token.children if c.dep_ in ("xcomp", "ccomp")), None)
    if told is None or told.lemma_.lower() not in G.closure_verbs:
        return event
    outlets = [c for c in [*trig.token.children, *told.children] if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    things = [*outlets, *(g for c in told.children if c.dep_ in ("dobj", "xcomp") for g in [c])]
    if not any(t.lemma_.lower() in G.outlet_words or (t.dep_ == "xcomp" and t.lemma_.lower() in G.publishing_words)
               or t.lemma_.lower() in G.publishing_words for t in things):
        return event
    return event.model_copy(update={"event_type": "COERCE", "mode": "censor", "cameo": cameo_for("COERCE", "censor")})


def as_inquiry(event: Event, trig: Trigger) -> Event:
    """'Police appealed for help to find the attackers': investigators asking the public for help, information or
    witnesses are investigating (PLOVER ACCUSE investigate, CAMEO 09); a plea to a named state or body stays a
    REQUEST. Only police and investigating bodies, only for help (mode assist)."""
    if event.event_type != "REQUEST" or event.mode != "assist" or not event.actors:
        return event
    if not all(set(a.sectors or [a.sector]) & G.investigating_sectors for a in event.actors):
        return event
    if any(r.kind in ("state", "igo", "ngo", "org") or r.country and r.kind == "person" for r in event.recipients):
        return event
    if any(c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_) for c in trig.token.children):
        return event  # 'asked Interpol for help': a named body is asked
    return event.model_copy(update={"event_type": "ACCUSE", "mode": "investigate", "recipients": [],
                                    "cameo": cameo_for("ACCUSE", "investigate")})


def as_verbal_attack(event: Event, trig: Trigger) -> Event:
    """'Trump attacked Bolton', 'Democrats attacked Republicans over health care': politicians and parties that
    attack a person, a party or a plan, with no weapon, criticise (PLOVER ACCUSE disapprove, CAMEO 111). A state,
    an armed group or a place on either side keeps the attack an assault ('Putin attacked Georgia')."""
    if event.event_type != "ASSAULT" or event.mode or trig.token.lemma_.lower() not in G.verbal_attack_verbs:
        return event
    # a group of politicians ('conservative lawmakers') attacks with words what is only words ('the report')
    words_object = any(o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in G.verbal_attack_objects
                       for o in trig.token.children)
    kinds = ("person", "org", "group") if words_object else ("person", "org")
    if not event.actors or not all(set(a.sectors or [a.sector]) & G.political_sectors and a.kind in kinds
                                   for a in event.actors):
        return event
    if not word_targets(event):
        return event
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.token.children):
        return event  # 'attacked him with a knife'
    return event.model_copy(update={"event_type": "ACCUSE", "mode": "disapprove",
                                    "cameo": cameo_for("ACCUSE", "disapprove")})
