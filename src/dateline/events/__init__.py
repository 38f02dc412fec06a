"""Stage: PLOVER event coding from triggers and the dependency parse, with provenance for every field."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..kb import Entry as KBEntry
from ..lexicon import cameo_for, intent_code
from ..models import Actor, Event, EventDocument, Evidence, Location, Modality, Place
from ..nlp import text_of
from ..prefilter import may_hold_event
from . import attach, headline, ranking
from . import recipients as targets
from .arguments import (
    ARMED_SECTORS,
    Arguments,
    arguments,
    armed_noun,
    conjuncts,
    launch_verb,
    light_verb_of,
    subject_of,
)
from .coding import STATE_SECTORS, MentionIndex, code_argument, same_actor, same_party, unlisted
from .concessions import (
    content_of_class,
    finalised_concessions,
    promised_cameo,
    promised_concessions,
    threatened_acts,
)
from .cooperation import finalised_cooperation
from .counts import find_counts
from .custody import custody_states
from .demands import clause_complaints, demanded_contents, passive_agent
from .diplomacy import promised_cooperation
from .explainers import described, habitual
from .figures import (
    electoral_control,
    figurative_arms,
    literal_triggers,
    political_struggle,
    trip_at_home,
    unplaced_verbal_attack,
)
from .grammar import load_grammar
from .implied import authorities, flag, own_society, place_target, state_authorities
from .mishaps import without_mishap_deaths
from .modes import clause_modes, content_modes, force_mode, meeting_mode, munition_modes, threatened_mode
from .promises import campaign_promise, empty_commitment, expressed_accord, unasserted_readiness
from .refusals import impossible_acts
from .reported import accuses_another, perpetrator
from .rereadings import (
    as_closure_order,
    as_complaint,
    as_inquiry,
    as_own_training,
    as_pullout,
    as_restitution,
    as_riot,
    as_verbal_attack,
    conventional_force,
    during_a_protest,
    prepared_attack,
)
from .triggers import (
    Trigger,
    TriggerIndex,
    condition_clauses,
    default_index,
    find_triggers,
    headline_passives,
    misread_verbs,
)

__all__ = ["code_events", "find_counts", "TriggerIndex", "find_triggers"]

MIN_CONFIDENCE = 0.4
SAME_PLACE_KM = 50.0
SERIES_NOUNS = frozenset({"series", "number", "package", "set", "raft", "range", "list"})  # two mentions placed further apart than this are not one act
G = load_grammar()


def _plover(event_type: str) -> dict:  # type: ignore[type-arg]
    from .. import lexicon

    return lexicon.load_plover().types.get(event_type, {})


def _paragraph_start(text: str, offset: int) -> int:
    cut = text.rfind("\n\n", 0, offset)
    return 0 if cut < 0 else cut + 2


def _event_id(doc_id: str, trig: Trigger, event_type: str) -> str:
    return hashlib.sha1(f"{doc_id}:{trig.start_char}:{event_type}".encode()).hexdigest()[:16]


def _main_country(places: list[Place]) -> Place | None:
    from .. import places as places_module

    fn = getattr(places_module, "main_country", None)
    iso = fn(places) if fn else None
    if iso is None:
        counts = Counter(p.country for p in places if p.country)
        iso = counts.most_common(1)[0][0] if counts else None
    if iso is None:
        return None
    return _country_place(iso, places)


def _country_place(iso: str, places: list[Place]) -> Place:
    """The country as a place: its mention in the text if any, else a bare country."""
    country_place = next((p for p in places if p.country == iso and p.kind == "country"), None)
    if country_place is not None:
        return country_place
    return Place(text=iso, start=0, end=0, name=iso, country=iso, kind="country")


def _names_a_party(p: Place, sdoc: Doc) -> bool:
    """A country named as a party rather than a place ('U.S. forces', 'the United States said'): such mentions
    say whose, not where — a story of a US strike in Somalia names the US more often than Somalia, but happens in
    Somalia."""
    if p.kind != "country":
        return False
    span = sdoc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and attach.country_as_party(span.root)


# The last document's act places: asked for once per event, the same for a whole document (identity-checked).
_LAST_ACT_PLACES: list[tuple[EventDocument, list[Place]]] = []


def _act_places(out: EventDocument) -> list[Place]:
    """The document's places less those that only seat a party ('a London-based monitor said troops shelled the
    town'): the monitor's base is neither where the shelling happened nor whose troops they were; and less those
    inside a news outlet's name."""
    last = _LAST_ACT_PLACES[0] if _LAST_ACT_PLACES else None
    if last is not None and last[0] is out:
        return last[1]
    places = _find_act_places(out)
    _LAST_ACT_PLACES[:] = [(out, places)]
    return places


def _find_act_places(out: EventDocument) -> list[Place]:
    text = out.document.text
    # a place inside a news outlet's name ('The New York Times', 'the Jerusalem Post') is the outlet's home, not
    # where what it reports happened (a state body's or a school's place is theirs: 'the Kenyan government')
    names = [(a.start, a.end) for a in out.actors if "MED" in (a.sectors or [a.sector]) and a.start is not None
             and a.end is not None]
    return [p for p in out.places if _base_word(text[p.end : p.end + 20]) not in G.base_participles
            and _based_in(text[max(0, p.start - 30) : p.start]) not in G.base_participles
            and not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in names)]


def _base_word(after: str) -> str:
    m = re.match(r"\s?-\s?([a-z]+)", after)
    return m[1] if m else ""


def _based_in(before: str) -> str:
    """'a monitor based in London', 'the group, which is headquartered in Doha': the participle before the
    place, as 'London-based' has it after."""
    m = re.search(r"\b([a-z]+)\s+in\s+(?:the\s+)?$", before)
    return m[1] if m else ""


def _code_all(heads: list[Token], index: MentionIndex) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        actor = code_argument(head, index)
        for one in _split_flags(head, actor) if actor is not None else []:
            if not any(same_actor(one, a) for a in out):
                out.append(one)
    return out


def _split_flags(head: Token, actor: Actor) -> list[Actor]:
    """'Kenyan and Ugandan ministers', 'U.S. and Russian negotiators': coordinated flags on one noun are two
    parties, one per country."""
    from ..kb import load_kb

    kb = load_kb()
    def flag_of(f: Token) -> str | None:
        # 'South Korean': the flag word with the words compounded onto it
        words = [c.text for c in f.lefts if c.dep_ in ("amod", "compound")] + [f.text]
        for text in (" ".join(words), f.text):
            country = next((e.country for e in kb.lookup(text) if e.source in ("demonym", "country") and e.country),
                           None)
            if country:
                return country
        return None

    for mod in head.children:
        if mod.dep_ not in ("amod", "compound", "nmod") or mod.i > head.i:
            continue
        flags = [mod] + [c for c in mod.children if c.dep_ == "conj" and c.i < head.i]
        if len(flags) < 2:
            continue
        countries = [flag_of(f) for f in flags]
        if all(countries) and len(set(countries)) == len(countries):
            return [actor.model_copy(update={"country": c, "name": f"{kb.country_name(c) or c} {head.text}"})
                    for c in countries]
    return [actor]


def _plural_anaphor(head: Token, index: MentionIndex, sent: Span) -> list[Actor]:
    """'the two leaders', 'both sides': the last two distinct persons or states mentioned before."""
    if not any(c.lower_ in ("two", "both") for c in head.children) and head.lower_ != "both":
        return []
    noun = head.lemma_.lower()
    want_person = noun in ("leader", "president", "minister", "man", "official", "counterpart", "head")
    # "the two leaders" are heads of state or government when the text has two; else any two people.
    leaders = [a for a in index.before(sent.start_char) if a.kind == "person" and _is_leader(a)]
    pool = leaders if noun in ("leader", "president", "head") and len({a.name for a in leaders}) >= 2 else None
    found: list[Actor] = []
    for a in reversed(pool if pool is not None else index.before(sent.start_char)):
        if want_person and a.kind != "person":
            continue
        if not want_person and a.kind not in ("state", "person"):
            continue
        if any(same_actor(a, f) or (a.country and a.country == f.country) for f in found):
            continue
        found.append(a)
        if len(found) == 2:
            break
    return found if len(found) == 2 else []


def _antecedent(actor: Actor, index: MentionIndex) -> Actor:
    """'the troops', 'their forces' with no flag of their own: the last flagged mention of that sector."""
    if actor.country or actor.org or actor.kind not in ("group", "unknown") or not actor.sector or actor.start is None:
        return actor
    for prev in reversed(index.before(actor.start - 1)):
        if prev.sector == actor.sector and (prev.country or prev.org) and prev.kind in ("group", "org", "igo"):
            return actor.model_copy(update={"country": prev.country, "org": prev.org, "name": prev.name})
    return actor


def _pronoun_recipient(heads: list[Token], actors: list[Actor], index: MentionIndex, sent: Span) -> list[Actor]:
    """'Putin backed his claims': a pronoun that would make an actor its own target points further back."""
    pronouns = [t for h in heads for t in h.subtree if t.pos_ == "PRON" and t.lower_ in ("his", "her", "him", "their", "them")]
    if not pronouns:
        return []
    want_plural = pronouns[0].lower_ in ("their", "them")
    for a in reversed(index.before(sent.start_char)):
        if (a.kind == "person") == want_plural or any(same_actor(a, x) for x in actors):
            continue
        if a.kind in ("person", "state", "igo", "group"):
            return [a]
    return []


def _speaker_for_pronoun(heads: list[Token], gov: Token, index: MentionIndex,
                         pronouns: tuple[str, ...] = ("it", "they", "we")) -> list[Actor]:
    """'The ministry said it had sent troops': a bare 'it'/'they'/'we' in reported speech is the speaker; as a
    target ('Armenia says shells were fired at it'), 'it'/'us'."""
    if not heads or heads[0].pos_ != "PRON" or heads[0].lower_ not in pronouns:
        return []
    speech = attach.speech_governor(gov)
    if speech is None:
        return []
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    return _code_all([speaker], index) if speaker is not None else []


def _speakers_own(parties: list[Actor], gov: Token, index: MentionIndex) -> list[Actor]:
    """'Kenya said two of its soldiers were killed', 'the alliance said its troops had left': in reported speech
    an unflagged party the speaker's 'its' or 'their' owns is the speaker's ('its own towns' is the clause
    subject's, left to the place)."""
    if not any(p.kind in ("group", "unknown") and not (p.country or p.org) and p.start is not None for p in parties):
        return parties
    speech = attach.speech_governor(gov)
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None) if speech is not None else None
    home = next((a for a in _code_all([speaker], index) if a.country or a.org), None) if speaker is not None else None
    if home is None or home.kind not in ("state", "igo", "org", "group"):
        return parties
    doc = gov.doc
    out = []
    for p in parties:
        owned = p.kind in ("group", "unknown") and not (p.country or p.org) and p.start is not None and any(
            t.dep_ == "poss" and t.lower_ in G.speaker_possessives and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "own")
            for t in gov.sent if p.start <= t.head.idx < (p.end or p.start))  # the head's own 'its': 'its soldiers'
        out.append(p.model_copy(update={"country": home.country, "org": home.org}) if owned else p)
    return out


def _speaker_of_declared(gov: Token, index: MentionIndex) -> list[Actor]:
    """'The minister announced that the curfew would be lifted': an agentless concession declared for later is
    the speaker's own — only the one who holds the power to grant it announces it so."""
    speech = attach.speech_governor(gov)
    if speech is None:
        return []
    speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
    return _code_all([speaker], index) if speaker is not None else []


def _residents(parties: list[Actor], heads: list[Token], country: str, peoples: bool = True,
               placed: bool = True) -> list[Actor]:
    """'ethnic Hungarians in Slovakia': an ethnic group is coded by the state it lives in, the place of the
    act, as CAMEO and PLOVER code residents (the ethnicity is not a nationality). A people the KB gives a home
    state ('Chechen men attacked a policeman in Vienna') too, unless the place is only the name of the state
    addressed (`peoples` false: 'Oromo elders accused Kenya' keeps Ethiopia)."""
    def people(h: Token) -> list[Token]:  # the head, or what it counts: 'hundreds of ethnic Russians'
        return [h] + [g for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]

    from ..kb import load_kb

    kb = load_kb()
    # 'ethnic Hungarians', or a people the KB gives a home state ('Chechen brothers' in Boston are residents)
    ethnic = [h for h in heads if any((t.lower_ == "ethnic" and t.i < p.i) or peoples and any(
        e.source == "people" and e.country for e in kb.lookup(t.text)) for p in people(h) for t in p.subtree)]
    # a people of several states ('Kurds in Diyarbakir') is placed only while it has no country: 'Syrian
    # Kurdish forces' keep the state the text gives them
    stateless = [h for h in heads if placed and any(e.source == "people" and not e.country
                                                    for p in people(h) for t in p.subtree for e in kb.lookup(t.text))]
    if not ethnic and not stateless:
        return parties
    out = []
    for p in parties:
        if p.country != country and p.kind == "group" and any(
                (p.start or 0) <= h.idx < (p.end or 0) for h in (ethnic if p.country else ethnic + stateless)):
            p = p.model_copy(update={"country": country, "name": f"ethnic {p.text} ({country})"})
        out.append(p)
    return out


def _wrong_patient(trig: Trigger, index: MentionIndex) -> bool:
    """Selectional restriction: 'the release of 1,600 officers' sends them out; it frees no captives."""
    banned = G.mode_patient_sectors_excluded.get(f"{trig.event_type}/{trig.entry.get('mode')}")
    if not banned:
        return False
    tok = trig.token
    patients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    patients += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for p in patients:
        actor = code_argument(p, index)
        if actor is not None and set(actor.sectors or [actor.sector]) & banned:
            return True
    return False


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in G.definite_determiners for c in noun.children)


def _tells_an_act(noun: Token) -> bool:
    """A bare nominal event with no actor is told, not mentioned, when it is a subject or the sentence itself."""
    return noun.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos") or (
        noun.dep_ == "pobj" and noun.head.lower_ in G.reference_preps and not _definite(noun))


def _local_target(head: Token, country: str) -> Actor:
    """The unnamed target of a domestic act ('stormed the presidential residence') is of the event's country."""
    from ..kb import load_kb

    words = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("amod", "compound", "poss") or t is head]
    sector = None
    for t in [head, *words]:
        for entry in load_kb().lookup(t.lemma_.lower()):
            if entry.sectors:
                sector = entry.sectors[0]
                break
        if sector:
            break
    start, end = head.left_edge.idx, head.idx + len(head.text)
    text = " ".join(t.text for t in head.subtree if head.left_edge.i <= t.i <= head.i)
    # Actor.text is the span's own words (offsets contract); the name keeps the tidied form.
    return Actor(text=text_of(head.doc)[start:end], name=f"{text} ({country})", country=country, sector=sector,
                 sectors=[sector] if sector else [], kind="group", start=start, end=end)


def _state_power(trig: Trigger) -> bool:
    """An act only a state's officers do: arresting, deporting, investigating (grammar `state_powers`)."""
    modes = G.state_powers.get(trig.event_type)
    by_verb = (trig.token.lemma_.lower() in G.state_power_verbs.get(trig.event_type, ())
               and float(trig.entry.get("weight", 1.0)) >= 0.8)  # 'indicted', 'charged with'; not a fee charged
    if not by_verb and (modes is None or trig.entry.get("mode") not in modes):
        return False
    # told as a reported act ('was arrested last week'), not a description ('immigrants convicted of murder',
    # 'while they are incarcerated')
    tok = trig.token
    if any(c.dep_ == "aux" and c.lower_ in G.future_aux | G.hypothetical_aux for c in tok.children):
        return False  # 'hoped they would be indicted', 'may be deported': expected by someone, not the state's act
    return any(c.dep_ == "auxpass" for c in tok.children) and tok.dep_ not in ("advcl", "relcl", "acl")


def _present_state(tok: Token) -> bool:
    """'2,000 are locked up', 'many are charged only with truancy': a simple-present passive states how things
    stand (a statistic), not an act reported; 'is being conducted', 'was charged' report one."""
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    return bool(aux) and all(a.tag_ in ("VBZ", "VBP") for a in aux) and not any(
        c.dep_ == "aux" for c in tok.children)


def _names_the_actor(location: Location, actors: list[Actor]) -> bool:
    """'Norway sent relief supplies': the only place in reach is the acting state's own name."""
    # 'The United States' names the place 'United States': the article is not part of the name
    return any(a.kind == "state" and a.country == location.country and bool(location.text)
               and _without_article(location.text) == _without_article(a.text) for a in actors)


def _without_article(text: str | None) -> str:
    return (text or "").removeprefix("the ").removeprefix("The ").strip()


def _is_leader(actor: Actor) -> bool:
    role = (actor.role or "").lower()
    return any(w in role for w in G.leader_roles)


def _generic_actor(head: Token, event_type: str, location_country: str | None) -> Actor | None:
    """Unnamed crowds in a domestic event are coded as people of the event's country, as ICEWS and ACLED do."""
    if event_type not in G.domestic_types or not location_country:
        return None
    word = head.lower_
    if word not in G.group_words and head.lemma_.lower() not in G.group_words:
        return None
    text = " ".join(t.text for t in head.subtree if t.i <= head.i)
    sector = G.domestic_types.get(event_type, "CVL")
    # The span covers the words `text` joins ('the attackers', not only the head), as Actor offsets must.
    start, end = head.left_edge.idx, head.idx + len(head.text)
    return Actor(text=text_of(head.doc)[start:end], name=f"{text} ({location_country})", country=location_country,
                 sector=sector, sectors=[sector], kind="group", start=start, end=end)


def _placed_groups(heads: list[Token], places: list[Place]) -> list[Actor]:
    """'Opposition groups in Uganda', 'elders in Kenya', 'inhabitants of Gulu': people the text names only by where
    they are belong to that place's country (the KB has no entry for the noun, the place codes it)."""
    from ..kb import load_kb

    for head in heads:
        if head.pos_ != "NOUN":
            continue
        # plural nouns of people; a singular noun ('a report in Kenya') is not a group, but a state organ is the
        # organ of the state it sits in ('a court in Lagos', 'the ministry in Kabul': courts act at home)
        organ = next((e for e in load_kb().lookup(head.lemma_.lower()) if e.source == "noun"
                      and e.sectors and e.sectors[0] in STATE_SECTORS), None) if head.tag_ == "NN" else None
        seat = _seat(head, places)
        body = next((e for e in load_kb().lookup(head.lemma_.lower()) if e.source == "noun" and e.sectors), None)
        if seat is not None and (body is not None or head.lemma_.lower() in G.seated_bodies):
            # 'a newspaper based in Beirut', 'a Nairobi-based charity': a body belongs where it is based
            return [_placed_actor(head, seat, body, "org")]
        if head.tag_ not in ("NNS", "NNPS") and organ is None:
            continue
        place = _prep_place(head, ("in", "of", "from"), places)
        if place is not None:
            return [_placed_actor(head, place, organ, "group")]
    return []


def _placed_actor(head: Token, place: Place, entry: KBEntry | None, kind: str) -> Actor:
    """The actor a noun phrase names, of the place's country, with the KB noun entry's sector if it has one."""
    start, end = head.left_edge.idx, head.idx + len(head.text)
    text = text_of(head.doc)[start:end]
    how = {"sector": entry.sectors[0], "sectors": list(entry.sectors),
           "kind": entry.kind if entry.kind != "unknown" else "org"} if entry is not None else {"kind": kind}
    return Actor(text=text, name=f"{text} ({place.country})", country=place.country, start=start, end=end, **how)


def _published_text(heads: list[Token], places: list[Place], index: MentionIndex) -> list[Actor]:
    """'A report released in the Kenyan capital alleged ...', 'a statement put out on Monday by the ministry': a
    text with no author on the noun speaks for the agent of the participle that put it out, else for the country
    of the place it was put out in (as an agentless state act is the place's)."""
    from ..kb import load_kb

    for head in heads:
        if head.lemma_.lower() not in G.document_nouns:
            continue
        for verb in head.children:
            if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_.lower() not in G.publishing_participles:
                continue
            agents = [t for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
                      for t in conjuncts(g)]
            if agents:
                return [a for a in _code_all(agents, index) if a.country or a.org]
            if any(w.lemma_.lower() in G.joint_documents for w in (head, *head.children)):
                break  # a meeting's text: the city it came out in is the host's, not the authors'
            country = None
            for obj in (g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                        if g.dep_ == "pobj"):
                place = next((p for p in places if p.country and p.start <= obj.idx < p.end), None)
                # 'in the Kenyan capital': a country's flag on a common noun of place
                flags = [] if obj.pos_ != "NOUN" else [e.country for m in obj.children if m.dep_ == "amod"
                                                       for e in load_kb().lookup(m.text)
                                                       if e.source == "demonym" and e.country]
                country = place.country if place is not None else (flags[0] if flags else None)
            if country:
                start, end = head.left_edge.idx, head.idx + len(head.text)
                text = text_of(head.doc)[start:end]
                return [Actor(text=text, name=f"{text} ({country})", country=country, kind="group",
                              start=start, end=end)]
    return []


def _seated(actors: list[Actor], heads: list[Token], places: list[Place]) -> list[Actor]:
    """'A rights group based in Bogota': a body the KB knows only by its noun takes the country of its seat."""
    out = []
    for actor in actors:
        if actor.country is None and actor.start is not None:
            seat = next((s for h in heads if actor.start <= h.idx < (actor.end or h.idx + 1)
                         and (s := _seat(h, places)) is not None), None)
            if seat is not None:
                actor = actor.model_copy(update={"country": seat.country, "name": f"{actor.name} ({seat.country})"})
        out.append(actor)
    return out


def _seat(head: Token, places: list[Place]) -> Place | None:
    """The place a body is based in: 'based in Beirut' after the noun, 'Beirut-based' before it."""
    for part in head.children:
        if part.lower_ not in G.base_participles or part.dep_ not in ("acl", "amod"):
            continue
        place = _prep_place(part, ("in",), places) or next(
            (p for p in places if p.country and part.left_edge.idx <= p.start < part.idx), None)
        if place is not None:
            return place
    return None


def _prep_place(head: Token, preps: tuple[str, ...], places: list[Place]) -> Place | None:
    """The first place with a country named in one of the head's prepositional phrases ('elders in Kenya')."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            place = next((p for p in places if p.country and p.start <= obj.idx < p.end), None)
            if obj.dep_ == "pobj" and place is not None:
                return place
    return None


def _off_site(location: Location | None, origin: Place | None) -> Location | None:
    """The story's country, when it is the launch site, is not where the fire landed."""
    if origin is not None and location is not None and location.precision == "country" and (
            location.country == origin.country):
        return None
    return location


def _accused(clause: Token) -> list[Token]:
    """Who a claim of a hostile act blames: the act's doer. A passive's subject is its victim ('said two soldiers
    were killed by militants' blames the militants), and fire with no agent is blamed on the place it came from
    ('said shells were fired at it from X')."""
    doer, agentless = perpetrator(clause)
    if not agentless or clause.lemma_.lower() not in G.launch_verbs:
        return [doer] if doer is not None else []
    return [g for c in clause.children if c.dep_ == "prep" and c.lower_ in G.origin_preps
            for g in c.subtree if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")][:1]


def _launch_site(verb: Token, places: list[Place]) -> Place | None:
    """The first place with a country in the verb's origin phrase, however deep: 'fired from inside Syria',
    'launched from positions in Yemen'."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in G.origin_preps):
        for tok in prep.subtree:
            place = next((p for p in places if p.country and p.start <= tok.idx < p.end), None)
            if place is not None:
                return place
    return None


def _origin(head: Token, places: list[Place]) -> str | None:
    """'a journalist from Lyon was detained in Istanbul': where a person comes from, not where the act happens,
    says whose they are."""
    place = _prep_place(head, ("from",), places)
    return place.country if place is not None else None


def _confidence(trig: Trigger, actors: list[Actor], recipients: list[Actor], mod: Modality) -> float:
    weight = float(trig.entry.get("weight", 1.0))
    coded = any(a.country or a.org for a in actors)
    score = 0.35 + 0.25 * weight + (0.25 if coded else 0.1 if actors else 0.0) + (0.1 if recipients else 0.05)
    score += 0.05 * (trig.specificity - 1)
    if mod.hypothetical:
        score *= 0.5
    elif mod.future:
        score *= 0.85
    return round(min(score, 0.99), 3)


def code_events(sdoc: Doc, out: EventDocument) -> list[Event]:
    """All events in the document, one per real-world act per sentence."""
    if not out.document.text:
        return []
    index = MentionIndex(out.actors)
    main_country = _main_country([p for p in _act_places(out) if not _names_a_party(p, sdoc)])
    published = out.document.published
    lexicon_index = default_index()
    events: list[Event] = []
    text = text_of(sdoc)
    for sent in sdoc.sents:
        if not may_hold_event(text[sent.start_char : sent.end_char]):
            continue  # no trigger word in it: walking its tokens would find none
        read = _read_in_sentence(sent, literal_triggers(find_triggers(sent, lexicon_index)))
        triggers = munition_modes(clause_modes(content_modes(_settled(read, index), read), read)) + _reported_accusations(
            sent, read)
        triggers = without_mishap_deaths(triggers)  # 'killed in a bus crash' tells no one's act
        triggers = custody_states(triggers)  # 'died in police custody' tells no arrest
        triggers = [_literal_fire(t, index) for t in triggers]
        probs = ranking.sentence_probs(sent) if triggers else {}
        coded: dict[int, list[Event]] = {}
        for trig in triggers:
            if ranking.vetoed(float(trig.entry.get("weight", 1.0)), probs, trig.event_type):
                continue  # a weak lexicon reading the sentence as a whole contradicts
            coded.setdefault(trig.token.i, []).extend(
                _code_trigger(trig, sent, out, index, main_country, published, probs))
        events.extend(ev for trig in triggers if not _readiness_told_by_its_act(trig, coded)
                      for ev in coded.pop(trig.token.i, []))
    events = _merge_duplicates(_carried_whereabouts(events))
    title_doc = _title_doc(out, sdoc)
    found = _headline_trigger(title_doc, lexicon_index) if title_doc is not None else None
    act = _act_of(found)
    if found is not None and title_doc is not None and not any(e.event_type == found[0].event_type for e in events):
        events += _headline_events(found, title_doc, out, main_country)
    ranked = ranking.assign_salience(events, sdoc, ranking.story_prior(sdoc, title_doc), act[0] if act else None,
                                    published)
    return [_unidentified_attackers(e) for e in _headline_mode(ranked, act)]


def _headline_mode(events: list[Event], headline: tuple[str, str | None] | None) -> list[Event]:
    """'Four killed in air strike' over 'Four people were killed on Monday ...': the headline names the story's act,
    so a main event of the headline's type whose own words name no mode takes the headline's."""
    if headline is None or headline[1] is None:
        return events
    main = ranking.main_event(events)
    if main is None or main.event_type != headline[0] or main.mode is not None:
        return events
    moded = main.model_copy(update={"mode": headline[1], "cameo": cameo_for(main.event_type, headline[1])})
    return [moded if e is main else e for e in events]


def _literal_fire(trig: Trigger, index: MentionIndex) -> Trigger:
    """'Peacekeepers came under fire near Tyre', 'soldiers came under fire from gunmen': for armed people fired on
    by armed people or by no one named, the fire is shot, not words (ASSAULT 190); 'the government came under fire
    from rights groups', 'police came under fire over the arrests' stay criticism. Read before the classifier's
    veto, which would drop the weak criticism reading of a sentence about shooting."""
    if (trig.event_type != "ACCUSE" or not trig.entry.get("reversed_roles")
            or not any(t.lemma_.lower() in G.gunfire_objects for t in trig.tokens)):
        return trig
    args = arguments(trig, set(trig.entry.get("recipient_preps") or []))
    fired_on, firers = args.actors, args.recipients  # before the roles are reversed
    if not fired_on or not any(armed_noun(h) or _armed_org(h, index) for h in fired_on):
        return trig
    if firers and not any(armed_noun(h) or _armed_org(h, index) for h in firers):
        return trig
    if not firers and any(c.dep_ == "prep" and c.lower_ in ("over", "for") for c in trig.token.children):
        return trig
    return Trigger(token=trig.token, tokens=trig.tokens, specificity=trig.specificity,
                   entry={**trig.entry, "type": "ASSAULT", "mode": None, "cameo": "190", "weight": 0.8,
                          "fired_on": True})


def _armed_org(head: Token, index: MentionIndex) -> bool:
    """A head the actors stage codes as an armed body ('UNIFIL peacekeepers', 'the army')."""
    return any(set(a.sectors or [a.sector]) & ARMED_SECTORS for a in index.covering(head.idx, head.idx + len(head)))


def _unidentified_attackers(event: Event) -> Event:
    """'A roadside bomb near Garissa killed two soldiers': an attack with no named perpetrator is by unidentified
    attackers of the place, as ICEWS codes 'Unidentified Gunmen (Kenya)'. Added once events are merged and
    ranked, so the inferred party changes neither (they weigh what the text names)."""
    loc = event.location
    if event.actors or event.event_type != "ASSAULT" or loc is None or not loc.country:
        return event
    if any((_aimed_at(event, r) or loc.kind == "country" and r.kind == "state") and r.text == loc.text
           for r in event.recipients) or _aimed_at_place(event, loc.text):
        # 'rockets were fired at Israel', '… at Kharkiv', 'missile strikes on Syria', 'why are they attacking
        # Syria': the place attacked is no home of the attackers
        return event
    if any(r.kind != "state" and re.search(rf"(?<!\w){re.escape(loc.text or '')}(?!\w)", r.text) for r in event.recipients):
        return event  # 'a roadside bomb killed one U.S. soldier': the only place is the victims' own flag
    actor = _unnamed_attackers(loc.country, event.evidence.trigger, event.evidence.trigger_start,
                               event.evidence.trigger_end)
    return event.model_copy(update={"actors": [actor]})


def _unnamed_attackers(country: str, text: str, start: int | None, end: int | None) -> Actor:
    return Actor(text=text, name=f"Unidentified attackers ({country})", country=country, sector="UAF",
                 sectors=["UAF"], kind="group", start=start, end=end)


# Prepositions that aim an act at a whole state from outside ('fired at Israel', 'launched into Lebanon').
AIMED_PREPS = frozenset({"at", "against", "into", "toward", "towards"})


def _aimed_at_place(event: Event, name: str | None) -> bool:
    """The place is named after a preposition of direction in the sentence ('were fired at Kharkiv')."""
    preps = "|".join(sorted(AIMED_PREPS))
    return bool(name) and re.search(rf"(?i)\b(?:{preps})\s+(?:the\s+)?{re.escape(name or '')}(?!\w)",
                                    event.evidence.sentence) is not None


def _aimed_at(event: Event, party: Actor) -> bool:
    """The party is a state the act was aimed at through a preposition of direction, as the sentence words it."""
    if party.kind != "state" or party.start is None:
        return False
    before = event.evidence.sentence[: max(party.start - event.evidence.start, 0)].split()
    return bool(before) and before[-1].lower() in AIMED_PREPS


def _read_in_sentence(sent: Span, found: list[Trigger]) -> list[Trigger]:
    """The lexicon's triggers plus what the sentence's shape adds: threats, promised concessions, alleged acts."""
    return impossible_acts(sent, _intolerance_warnings(sent, _alleged_acts(sent, promised_concessions(sent, threatened_acts(
        sent, _helping_dispatch(sent, _arriving_forces(_kind_of_help(found))))))))


_WARNING = {"kind": "verb", "type": "THREATEN", "mode": None, "cameo": "130", "weight": 0.8, "warning": True}


def _no_longer(tok: Token) -> bool:
    """'will not tolerate', 'will no longer tolerate', 'will never tolerate': the verb is negated, also where the
    parser hangs the 'no' on 'longer'."""
    return any(c.dep_ == "neg" or c.lower_ == "never" or (c.lower_ == "longer" and any(
        g.lower_ == "no" for g in c.children)) for c in tok.children)


def _told_as_content(obj: Token) -> set[int]:
    """The words of what is not to be tolerated: the object phrase without its relative clauses and 'such as'
    examples ('attacks such as last week's bombing' names a bombing that did happen)."""
    out: set[int] = set()
    stack = [obj]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl") and not (
            c.dep_ == "prep" and (c.lower_ == "like" or c.lower_ == "as" and c.i > 0 and c.nbor(-1).lower_ == "such")))
    return out


def _intolerance_warnings(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """'Officers will no longer tolerate road blockades', 'said it would not tolerate attacks on its ships': a party
    declaring it will stop putting up with an act warns it will act against it (PLOVER THREATEN, CAMEO 130).
    The tolerated act is the threat's content, not an event of its own."""
    out = list(triggers)
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in G.intolerance_verbs or not _no_longer(tok):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in G.future_aux | {"would"} for c in tok.children):
            continue  # 'did not tolerate dissent' tells a past policy, not a warning
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
        if obj is None:
            continue  # 'we will not tolerate it' with nothing named is too vague to code
        told = _told_as_content(obj)
        out = [t for t in out if t.token.i != tok.i and t.token.i not in told]
        out.append(Trigger(token=tok, entry=dict(_WARNING), tokens=[tok], specificity=2))
    return sorted(out, key=lambda t: t.token.i)


_DEPLOYMENT = {"kind": "verb", "type": "MOBILIZE", "mode": "troops", "cameo": "154"}
_DELIVERY = {"kind": "verb", "type": "AID", "mode": None, "cameo": "070"}
_ADMISSION = {"kind": "verb", "type": "RETREAT", "mode": "access", "cameo": "086", "reversed_roles": True}


def _arrival_reading(subj: Token) -> dict[str, object] | None:
    """What an arrival is by what arrives: peacekeepers are let in by their host (PLOVER RETREAT access, 'allow
    peacekeepers into the country'), forces are deployed, aid is delivered; anyone else visits. A measure or group noun stands for what it is 'of' ('the first batch of troops')."""
    words = [subj, *subj.conjuncts]
    words += [g for w in words for c in w.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    if any(w.lemma_.lower().removesuffix("s") in G.admitted_forces
           or any(m.lower_ in G.admitted_forces for m in w.children if m.dep_ in ("amod", "compound"))
           for w in words):
        return _ADMISSION
    if any(w.lemma_.lower().removesuffix("s") in G.deployed_forces for w in words):
        return _DEPLOYMENT
    if any(w.lemma_.lower() in G.delivered_goods or w.lower_ in G.delivered_goods for w in words):
        return _DELIVERY
    return None


def _helping_dispatch(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """'Interpol will send a team to help identify the victims', 'dispatched experts to assist the inquiry': people
    sent with a purpose clause of help are aid (AID 070), when the lexicon reads nothing on the verb (grammar
    `helping_dispatch_verbs`, `helping_dispatch_nouns`)."""
    held = {t.token.i for t in triggers}
    added: list[Trigger] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in held or tok.lemma_.lower() not in G.helping_dispatch_verbs:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in G.helping_dispatch_nouns:
            continue
        # the purpose clause: 'to help (V)', which the parser may read with 'help' as the auxiliary of V
        purpose = [c for c in (*tok.children, *obj.children) if c.dep_ in ("advcl", "xcomp", "acl")
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if any(c.lemma_.lower() in G.help_verbs or any(a.dep_ == "aux" and a.lemma_.lower() in G.help_verbs
                                                       for a in c.children) for c in purpose):
            added.append(Trigger(token=tok, entry={**_DELIVERY, "weight": 0.8}, tokens=[tok, obj], specificity=2))
    return sorted([*triggers, *added], key=lambda t: t.token.i) if added else triggers


def _help_purpose(tok: Token) -> list[Token]:
    """What a party is helped to do or with: the helping verb's infinitive ('helped X rebuild', 'to defend'),
    the gerund or noun after 'in' or 'with' ('assisted X in retaking', 'helped X with tents')."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB" and c.i > tok.i:
            out.append(c)
        elif c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("in", "with"):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _kind_of_help(triggers: list[Trigger]) -> list[Trigger]:
    """'helped Chile rebuild the port' is economic aid, 'is helping Niger fight the insurgents' military aid,
    'helped Peru house the victims' humanitarian: the purpose or the 'with' object of plain help (AID 070) says
    which aid it is (grammar `help_kinds`), as an act the lexicon codes in the purpose clause does
    (`helped_act_kinds`: 'helped the militia attack the base' is military aid; the attack stays coded)."""
    types_at = {t.token.i: t.event_type for t in triggers}
    out = []
    for trig in triggers:
        tok = trig.token
        if trig.event_type == "AID" and trig.entry.get("cameo") == "070" and tok.lemma_.lower() in G.help_verbs:
            purpose = _help_purpose(tok)
            kinds = [G.help_kinds.get(p.lemma_.lower()) or G.helped_act_kinds.get(types_at.get(p.i, ""))
                     for p in purpose]
            kind = next((k for k in kinds if k), None)
            if kind:
                trig = Trigger(token=tok, entry={**trig.entry, "cameo": kind}, tokens=trig.tokens,
                               specificity=trig.specificity)
        out.append(trig)
    return out


def _arriving_forces(triggers: list[Trigger]) -> list[Trigger]:
    """'Peacekeepers arrived in X' is a deployment (MOBILIZE), 'relief supplies arrived in the port' aid delivered
    there (AID): the lexicon's 'arrive in' is a diplomat's visit."""
    out = []
    for trig in triggers:
        subj = next((c for c in trig.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        reading = _arrival_reading(subj) if (subj is not None and trig.event_type == "CONSULT"
                                             and trig.entry.get("mode") == "visit") else None
        if reading is not None:
            entry = {**reading, "weight": 0.8, "recipient_preps": ["in", "to", "into"]}
            trig = Trigger(token=trig.token, entry=entry, tokens=trig.tokens, specificity=trig.specificity)
        out.append(trig)
    return out


def _settled(triggers: list[Trigger], index: MentionIndex, headline: bool = False) -> list[Trigger]:
    """One trigger per act, in one place for the body and the headline: aims, nouns shadowed by their verb,
    concessions and cooperation promised, concessions signed."""
    return finalised_cooperation(finalised_concessions(promised_cooperation(_concessions_promised(
        _drop_shadowed(_own_aims(_press_exchanges(_forgone(clause_complaints(demanded_contents(
            _promises_gone_back_on(triggers)))))), index, headline)))))


def _promises_gone_back_on(triggers: list[Trigger]) -> list[Trigger]:
    """'reneged on his pledge to cut fuel prices', 'went back on its promise to free them', 'rejected plans to
    meet': what a promise or plan refused or gone back on held is refused, not promised or done now; the acts in
    the commitment noun's phrase are no events of their own (the refusal takes its mode from them)."""
    held: set[int] = set()
    for t in triggers:
        if t.event_type == "REJECT":
            held.update(x.i for w in t.tokens if w.i != t.token.i and w.lemma_.lower() in G.commitment_nouns
                        for x in w.subtree if x.i != w.i)
    return [t for t in triggers if t.token.i not in held] if held else triggers


def _readiness_told_by_its_act(trig: Trigger, coded: dict[int, list[Event]]) -> bool:
    """'ready to impose martial law', 'prepared to resume talks': when the act a party says it is ready for was
    coded itself (as declared: a threat, a promise), the readiness adds no second event."""
    tok = trig.token
    return (trig.event_type == "AGREE" and tok.pos_ == "ADJ" and tok.lemma_.lower() in G.commitment_adjectives
            and any(c.dep_ == "xcomp" and coded.get(c.i) for c in tok.children))


def _headline_type(title_doc: Doc, lexicon_index: TriggerIndex) -> str | None:
    """The act the headline's main verb names ('Government promises to ease curfew' -> CONCEDE)."""
    act = _headline_act(title_doc, lexicon_index)
    return act[0] if act else None


def _headline_act(title_doc: Doc, lexicon_index: TriggerIndex) -> tuple[str, str | None] | None:
    """Type and mode of the act the headline's main verb names: a headline states the story's event."""
    return _act_of(_headline_trigger(title_doc, lexicon_index))


def _act_of(found: tuple[Trigger, Span] | None) -> tuple[str, str | None] | None:
    return (found[0].event_type, found[0].entry.get("mode")) if found else None


def _headline_trigger(title_doc: Doc, lexicon_index: TriggerIndex) -> tuple[Trigger, Span] | None:
    """The trigger of the headline's main act (the one nearest the root) and the sentence it is in. A Title
    Case headline is read from its lower-cased parse: capitals make the tagger read its verbs as names."""
    doc = headline.reading(title_doc)
    best: tuple[int, Trigger, Span] | None = None
    for sent in doc.sents:
        found = headline_passives(sent, lexicon_index, find_triggers(sent, lexicon_index))
        read = _read_in_sentence(sent, misread_verbs(sent, lexicon_index, found))
        for t in munition_modes(clause_modes(content_modes(_settled(read, MentionIndex([]), headline=True), read),
                                             read)):
            # a verb the tagger misread ('Argentina Denounces Actions') is the headline's main verb
            depth = -1 if t.entry.get("headline_verb") else sum(1 for _ in t.token.ancestors)
            if best is None or depth < best[0]:
                best = (depth, t, sent)
        break  # the headline proper; a second sentence is a subtitle
    return (best[1], best[2]) if best else None


def _headline_events(found: tuple[Trigger, Span], title_doc: Doc, out: EventDocument,
                     main_country: Place | None) -> list[Event]:
    """The act the headline names, coded from the headline itself (its evidence points into the title): for a
    story whose body tells that act in words the coder does not read, or does not tell it at all."""
    trig, sent = found
    if not headline.states_act(trig.token, sent, bool(trig.entry.get("headline_verb"))):
        return []
    title_out = headline.mentions(title_doc, out.document)
    # Title Case runs a name into the capitalised verb after it ('Cops Fined a Woman'): no party is its own act.
    title_out.actors = [a for a in title_out.actors
                        if (a.end or 0) <= trig.start_char or (a.start or 0) >= trig.end_char]
    probs = ranking.sentence_probs(sent)
    if ranking.vetoed(float(trig.entry.get("weight", 1.0)), probs, trig.event_type):
        return []
    # A headline that states an act is the story's event even when it names no party ('Investigation begins
    # into the shooting', 'Six indicted by grand jury'): the act is kept unattributed, as for a killing.
    trig = Trigger(token=trig.token, entry={**trig.entry, "stated_in_headline": True}, tokens=trig.tokens,
                   specificity=trig.specificity)
    coded = _code_trigger(trig, sent, title_out, MentionIndex(title_out.actors), main_country,
                          out.document.published, probs)
    return [headline.in_title(e, title_out.document.text, out.document.id) for e in coded]


def _title_doc(out: EventDocument, sdoc: Doc | None = None) -> Doc | None:
    title = (out.document.title or "").strip()
    if not title or title == out.document.text[: len(title)]:
        return None
    from .. import nlp

    return nlp.title_doc(sdoc, title[: nlp.TITLE_CHARS])  # parsed in the body's batch when the pipeline did so


def _concessions_promised(triggers: list[Trigger]) -> list[Trigger]:
    """'agreed to a truce', 'promised to release the prisoners': a promise whose content is a concession is one
    CONCEDE (PLOVER: verbal concessions without immediate material effect), not a promise plus a future act."""
    by_token = {t.token.i: t for t in triggers}
    dropped: set[int] = set()
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type != "AGREE" or t.token.lemma_.lower() in G.tentative_promises:
            out.append(t)  # "offered to withdraw": an offer (AGREE), not yet the promised concession
            continue
        content = [c for c in t.token.children if c.dep_ in ("xcomp", "dobj", "ccomp", "acl")]
        content += [g for c in t.token.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for g in c.children
                    if g.dep_ in ("pobj", "pcomp")]
        # "agreed to a series of concessions": the content is what the series is of
        content += [g for c in list(content) if c.lemma_.lower() in SERIES_NOUNS for p in c.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        # "promised to work with X to scrap the curbs": the purpose of the promised act is promised too
        content += [g for c in list(content) for g in c.children if g.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in g.children)]
        # "willing to make concessions": the object of a light verb in the content is the content
        content += [o for c in list(content) if c.lemma_.lower() in G.light_verbs for o in c.children
                    if o.dep_ == "dobj"]
        inner = next((by_token[c.i] for c in content if c.i in by_token
                      and by_token[c.i].event_type in G.concession_types), None)
        if inner is None:
            out.append(t)
            continue
        dropped.add(inner.token.i)
        # the promise is as sure as its surer word: "vowed" alone is weak, "vowed to lift the curfew" is not
        weight = max(float(t.entry.get("weight", 1.0)), float(inner.entry.get("weight", 1.0)))
        entry = {**t.entry, "type": "CONCEDE", "mode": None, "weight": weight,
                 "cameo": promised_cameo(t.token, inner.entry.get("cameo"))}
        out.append(Trigger(token=t.token, entry=entry, tokens=[*t.tokens, *inner.tokens], specificity=t.specificity))
    return [t for t in out if t.token.i not in dropped]


def _alleged_acts(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """'X claimed that Y had attacked Z': the claim accuses Y (ACCUSE allege, whose target is the clause's subject);
    'claim' alone is too weak a word for the lexicon to fire on, and the attack it reports is not the story."""
    by_token = {t.token.i: t for t in triggers if t.event_type == "ACCUSE"}
    out = list(triggers)
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in G.allegation_verbs:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None or not (any(o.event_type in G.alleged_types and o.token in comp.subtree
                                    and _done_by_someone_named(o.token) for o in triggers)
                                or tok.lemma_.lower() in G.clause_allegation_verbs and _names_its_subject(comp)):
            continue
        own = by_token.get(tok.i)
        entry = {**(own.entry if own is not None else {"kind": "verb", "type": "ACCUSE", "mode": "allege",
                                                       "cameo": "112"}), "accused_in": comp.i}
        entry["weight"] = max(0.8, float(entry.get("weight", 1.0)))
        if own is not None:
            out.remove(own)
        out.append(Trigger(token=tok, entry=entry, tokens=own.tokens if own is not None else [tok],
                           specificity=own.specificity if own is not None else 2))
    return out


def _names_its_subject(clause: Token) -> bool:
    """'that Somalia knew of the plans', 'that the army had lied': the clause is about a party named by a name or a
    noun (not 'it', 'there'), so an allegation verb reporting it accuses that party."""
    subj, _ = subject_of(clause)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i > clause.sent.start


def _done_by_someone_named(tok: Token) -> bool:
    """The reported act has a named doer ('Y had attacked', not 'such uses are not permitted', 'they attacked')."""
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    # 'alleged that the army helped to organise and carry out raids': the doer may be inherited through the
    # verbs that embed the act
    verb = light_verb_of(tok) if tok.pos_ == "NOUN" else tok  # 'carry out the massacres': the light verb's doer
    if verb is None:
        return False
    subj, passive = subject_of(verb)
    return subj is not None and not passive and subj.pos_ in ("NOUN", "PROPN")


def _reported_accusations(sent: Span, triggers: list[Trigger]) -> list[Trigger]:
    """'X said the rebels were responsible for the attack': the speaker accuses, whatever the speech verb.
    'X said Y must hand over the suspects': the speaker demands (PLOVER REQUEST); the act is only asked for."""
    taken = {t.token.i for t in triggers if t.event_type in ("ACCUSE", "REJECT", "REQUEST")}
    out: list[Trigger] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in G.speech_verbs or tok.i in taken:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            addressee = _addressee(tok)
            if _demanded(comp) or (addressee is not None and _demanded(comp, own_pronouns=False)):
                # the classifier reading the demanded act ('must be ready to talk': AGREE) backs the demand too
                asked = next((t.event_type for t in triggers if t.token in comp.subtree), None)
                entry = {"kind": "verb", "type": "REQUEST", "mode": None, "weight": 0.8, "addressed_in": comp.i,
                         "asked_from": asked, "party_asked": True}
                if addressee is not None:  # 'told Iraq that it must cooperate': the one told is the one asked
                    entry = {**entry, "addressed_in": None, "addressee": addressee.i}
                elif passive := next((v for v in (comp, *(x for x in comp.children if x.dep_ == "xcomp"))
                                      if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)), None):
                    # 'the prisoners must be freed (by X)', 'X has to be given credit': the party asked is the
                    # doer, not the one acted on
                    agent = passive_agent(passive)
                    if agent is None and not (passive is comp and any(
                            c.dep_ == "aux" and c.lower_ in G.obligation_aux for c in comp.children)):
                        break  # 'X should be taken at his word': advice about a thing, asked of no one
                    entry = {**entry, "addressed_in": None, "party_asked": agent is not None,
                             "addressee": agent.i if agent is not None else None}
                out.append(Trigger(token=tok, entry=entry, tokens=[tok], specificity=2))
                break
            word = next((t for t in comp.subtree if t.lemma_.lower() in G.accusation_words
                         and t.dep_ in ("acomp", "attr", "prep", "advmod", "ROOT", "ccomp", "xcomp", "dobj")), None)
            if word is None and accuses_another(tok, comp, triggers):
                word = comp  # 'Israel said rockets were fired at it': a claim against whoever fired them
            if word is None:
                continue
            entry = {"kind": "verb", "type": "ACCUSE", "mode": None, "weight": 0.8, "accused_in": comp.i}
            out.append(Trigger(token=tok, entry=entry, tokens=[tok, word], specificity=2))
            break
    return out


def _addressee(verb: Token) -> Token | None:
    """Whom a speech verb is addressed to: 'told Iraq', 'warned Kenya', 'said to the envoy'."""
    told = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")), None)
    if told is None:
        told = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                     if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
    if told is None or told.lemma_.lower() in G.press_audiences:
        return None  # 'told reporters that he must': the press is told, not asked
    return told


def _demanded(comp: Token, own_pronouns: bool = True) -> bool:
    """A reported clause that obliges another party: 'Y must withdraw' ('we must', 'it must' bind the speaker,
    unless the speech is addressed to someone: 'told Iraq that it must' binds Iraq)."""
    if not any(c.dep_ == "aux" and c.lower_ in G.obligation_aux | G.advisory_aux for c in comp.children) and not (
            comp.lemma_.lower() in G.obligation_verbs and any(
                x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
                for x in comp.children)
            and not any(a.dep_ == "aux" and a.lower_ in G.hypothetical_aux | G.hedge_aux for a in comp.children)):
        return False  # 'Y has to withdraw', 'Y needs to pay' oblige; 'Y might have to' only guesses
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    if own_pronouns and subj.lower_ in G.self_pronouns or not own_pronouns and subj.pos_ == "PRON" and (
            subj.lower_ not in ("it", "they")):
        return False  # only 'it'/'they' can be the party addressed ('he must' is most often the speaker)
    return not any(c.dep_ == "poss" and c.lower_ in G.self_pronouns for c in subj.children)  # 'his government must'


def _press_exchanges(triggers: list[Trigger]) -> list[Trigger]:
    """'declined to comment', 'a message seeking comment', 'a request for comment': the reporter's exchange with a
    party is no event of the story's."""
    def asks_for_comment(tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ in ("xcomp", "dobj") and c.lemma_.lower() in G.press_queries:
                return True
            if c.dep_ == "prep" and c.lower_ == "for" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in G.press_queries for g in c.children):
                return True
        return False

    return [t for t in triggers if not (t.event_type in ("REQUEST", "REJECT", "AGREE") and asks_for_comment(t.token))]


def _forgone(triggers: list[Trigger]) -> list[Trigger]:
    """'instead of arresting the protesters', 'talks rather than sanctions': an act named as the one not taken."""
    def forgone(tok: Token) -> bool:
        start = min(tok.left_edge.i, tok.i)
        before = " ".join(t.lower_ for t in tok.doc[max(start - 2, 0):start])
        # 'Rather than negotiate, the army shelled …': the marker opens the act's own side clause
        opening = " ".join(t.lower_ for t in tok.doc[start:min(start + 2, tok.i)])
        own_clause = tok.dep_ in ("advcl", "pcomp", "pobj", "xcomp") and tok.doc[start].head.i in (tok.i, start + 1)
        return before in G.forgone_markers or (own_clause and opening in G.forgone_markers)
    return [t for t in triggers if not forgone(t.token)]


def _own_aims(triggers: list[Trigger]) -> list[Trigger]:
    """'seeking to deepen ties', 'wants to help X': a verb of aim with an infinitive and no object of its own is the
    actor's intent to act (the act is coded as declared), not a request made of anyone ('sought help from X' is)."""
    return [t for t in triggers if not (
        t.event_type == "REQUEST" and t.kind == "verb" and t.token.lemma_.lower() in G.commitment_governors
        and not any(c.dep_ in ("dobj", "dative") for c in t.token.children)
        and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in t.token.children))]


def _executed_acts(triggers: list[Trigger]) -> list[Trigger]:
    """'launched a raid', 'carried out a cyber attack': a verb of execution only says the act took place, so the
    act is what its object noun names (a police raid is COERCE, not the ASSAULT 'launched an attack' is)."""
    nouns = {t.token.i: t for t in triggers if t.kind != "verb"}
    out: list[Trigger] = []
    for t in triggers:
        obj = next((nouns[x.i] for x in t.tokens if x.i in nouns and x.i != t.token.i), None)
        if obj is None and t.kind == "verb" and t.token.lemma_.lower() in G.execution_verbs:
            # 'undertook a mediation mission': the frame noun object is the act its modifier names
            frame = next((c for c in t.token.children if c.dep_ == "dobj" and c.lemma_.lower() in G.frame_nouns), None)
            obj = next((nouns[c.i] for c in frame.children if c.dep_ == "compound" and c.i in nouns), None) if (
                frame is not None) else None
            if obj is not None and frame is not None:
                t = Trigger(token=t.token, entry=t.entry, tokens=[*t.tokens, frame, obj.token],
                            specificity=t.specificity)
        if (t.kind == "verb" and t.token.lemma_.lower() in G.execution_verbs and obj is not None
                and float(obj.entry.get("weight", 1.0)) >= 0.8 and (obj.event_type != t.event_type or (
                    obj.entry.get("mode") and not t.entry.get("mode")))):
            # a different act ('launched a raid'), or the same act told more exactly ('launched an air strike')
            entry = {**t.entry, "type": obj.event_type, "mode": obj.entry.get("mode"), "cameo": obj.entry.get("cameo")}
            if obj.event_type != t.event_type and obj.entry.get("recipient_preps"):
                entry["recipient_preps"] = obj.entry["recipient_preps"]  # the act's own: 'a mediation between X and Y'
            t = Trigger(token=t.token, entry=entry, tokens=t.tokens, specificity=t.specificity)
        out.append(t)
    return out


def _poll_share(head: Token) -> bool:
    """'a majority of Americans', '52 percent of voters', 'most Republicans': a share of a population, as polls
    report it (event_grammar poll_shares). A share of a legislature, a court, a government or an army ('a
    majority of senators') acts as a body and is kept."""
    from ..kb import load_kb

    words = {head.lemma_.lower(), head.lower_}
    population = head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and ({head.head.head.lemma_.lower(), head.head.head.lower_}
                                                              & G.poll_shares or head.head.head.ent_type_ == "PERCENT"):
        pass  # the parser's head is the population: 'a majority of Americans'
    elif words & G.poll_shares or head.ent_type_ == "PERCENT":
        population = next((g for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"), None)
        if population is None:
            return False
    elif not any(c.dep_ in ("amod", "det", "nummod") and c.lower_ in G.poll_shares for c in head.children):
        return False
    # 'Democrats in the House': the body they sit in counts as theirs
    names = [population, *(g for p in population.children if p.dep_ == "prep" and p.lower_ == "in"
                           for g in p.children if g.dep_ == "pobj")]
    # a people ('Americans') polled is no state body, whatever sector its demonym carries
    sectors = {s for t in names for text in {t.text, t.lemma_} for e in load_kb().lookup(text)
               if e.kind != "state" for s in e.sectors}
    return not sectors & G.body_sectors


def _popularity(noun: Token) -> bool:
    """A party's own 'support' or 'approval' with nothing said of whom or what it is for (event_grammar
    popularity_nouns): the backing the party enjoys, as polls measure it, not backing it gives. 'Russia's support
    of the rebels', 'her support for the bill' and 'won Obama's support' (received: receiving_verbs) are acts."""
    lemma = noun.lemma_.lower()
    phrases = {f"{c.lower_} {lemma}" for c in noun.children if c.dep_ in ("compound", "amod")}
    if not (lemma in G.popularity_nouns or phrases & G.popularity_nouns) or not any(
            c.dep_ == "poss" for c in noun.children):
        return False
    # the aim may hang on the noun or on the verb that gives it ('threw their support behind Biden')
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    if any(c.dep_ == "prep" and c.lower_ in G.popularity_aims for h in holders for c in h.children):
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in G.receiving_verbs)


def _marks(tok: Token) -> set[str]:
    """The words that introduce the clause headed by ``tok``: 'like', 'as if'."""
    marks = [c for c in tok.children if c.dep_ == "mark"]
    return {c.lower_ for c in marks} | {f"{a.lower_} {b.lower_}" for a, b in zip(marks, marks[1:], strict=False)}


def _likened(tok: Token) -> bool:
    """An act in a comparison (event_grammar likening_marks): a 'like' clause or phrase on a copula ('it is like
    the minister being shot', 'that would be like Russia invading Canada'), or an 'as if' clause. 'Attacks like
    the one in Nairobi' give real examples and are kept (no copula)."""
    for x in (tok, tok.head):
        if _marks(x) & G.likening_marks and (x.head.lemma_.lower() == "be" or "like" not in _marks(x)):
            return True
        if (x.dep_ in ("pcomp", "pobj") and x.head.lower_ in G.likening_marks
                and x.head.head.lemma_.lower() == "be"):
            return True
        if x.dep_ not in ("pcomp", "pobj", "acl", "relcl", "xcomp") or x.head is x:
            break
    return False


def _held_open(tok: Token) -> bool:
    """An act that is the object of 'open to' and the like (event_grammar openness_adjectives): a party that is
    'open to easing sanctions' weighs the option, as one 'considering' it does (no PLOVER event)."""
    prep = tok.head
    return (tok.dep_ in ("pobj", "pcomp") and prep.dep_ == "prep" and prep.lower_ == "to"
            and prep.head.pos_ == "ADJ" and prep.head.lemma_.lower() in G.openness_adjectives)


def _drop_shadowed(triggers: list[Trigger], index: MentionIndex, headline: bool = False) -> list[Trigger]:
    """A nominal trigger governed by another trigger is part of that event: 'slammed the attack' is one act."""
    triggers = _executed_acts(triggers)
    heads = {t.token.i for t in triggers if t.kind == "verb"}
    inside_verbs = {tok.i for t in triggers if t.kind == "verb" for tok in t.tokens if tok.i != t.token.i}
    trigger_words = {tok.i for t in triggers for tok in (t.token, *t.tokens)}
    demand_words = {tok.i for t in triggers if t.event_type == "REQUEST" and t.kind in ("verb", "phrase")
                    for tok in t.tokens if tok.i != t.token.i}
    words = [frozenset(tok.i for tok in t.tokens) or frozenset({t.token.i}) for t in triggers]
    kept: list[Trigger] = []
    for t, own in zip(triggers, words, strict=True):
        if any(own < other and o.event_type == t.event_type for o, other in zip(triggers, words, strict=True)):
            continue  # "went on strike" and "on strike": the longer match of the same type is the one act
        if (t.kind == "verb" and t.entry.get("mode") == "resign" and t.token.lemma_.lower() in G.tenure_end_verbs
                and any(c.dep_ == "mark" and c.lower_ in G.time_clause_marks for c in t.token.children)):
            continue  # 'since she left office', 'before he leaves office': a term's end dates something else
        if t.kind == "noun" and _popularity(t.token):
            continue  # 'the president's support grew among voters', 'Obama's job approval': a standing, not an act
        if _likened(t.token):
            continue  # 'it is like Russia invading Canada', 'acted as if the army had seized it': a comparison
        if _held_open(t.token):
            continue  # 'is open to easing the sanctions', 'amenable to talks': an option weighed, not an act
        if (t.kind == "verb" and t.token.dep_ in ("amod", "compound") and t.token.tag_ != "VBZ"
                and not t.entry.get("headline_verb")):
            continue  # "the proposed tariffs", "a disputed region": a participle used as an adjective
        if t.kind != "verb" and t.token.i in inside_verbs:
            continue  # "announced a truce": the noun is part of the verb's trigger
        if t.kind == "noun" and any(c.dep_ in ("amod", "compound") and c.lower_ in G.medical_modifiers.get(
                t.token.lemma_.lower(), ()) for c in t.token.children):
            continue  # 'died of a heart attack', 'suffered a cardiac arrest': an illness
        if t.kind == "noun" and any(c.lower_ in G.kind_reference_words for c in t.token.children) and any(
                o is not t and o.event_type == t.event_type for o in triggers):
            continue  # 'a grenade hit the office in the second such attack within a week': the attack told
        if t.kind != "verb":
            head = t.token
            if any(a.kind in ("group", "igo", "org") for a in index.covering(head.idx, head.idx + len(head.text))):
                continue  # "peacekeeping forces", "protest movement": a name for actors, not an act
            if (not headline and not _title_cased(t.token.sent) and t.tokens
                    and all(x.pos_ == "PROPN" and x.text[:1].isupper() for x in t.tokens)):
                continue  # 'under the US-Chile Free Trade Agreement': an accord's name, not an act told
            if not headline and head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i > head.i \
                    and head.head.i not in trigger_words and head.head.lemma_.lower() not in G.frame_nouns \
                    and head.head.lemma_.lower() not in G.compound_act_heads:
                # "attack dog", "protest song": the act only says what kind of thing the head is (a frame such
                # as "mediation effort" or "aid convoy" is the act itself). Not in headlines, whose dropped
                # copulas the parser reads as compounds ('Demonstration Target of Crackdown').
                continue
            if t.token.dep_ in ("dobj", "nsubjpass") and t.token.head.lemma_.lower() in G.deliberation_verbs:
                continue  # 'is weighing a prisoner swap', 'sanctions are being considered': an option, not an act
            gov = t.token.head
            if gov.dep_ == "prep" and gov.i in demand_words:
                continue  # 'called for the withdrawal of X': the act demanded is the demand's content, not yet done
            if gov.i in heads and gov.i != t.token.i:
                verb_trig = next(v for v in triggers if v.kind == "verb" and v.token.i == gov.i)
                if (gov.lemma_.lower() not in G.light_verbs and not (
                        verb_trig.event_type == "AGREE" and t.event_type in G.concession_types)):
                    continue  # "agreed a ceasefire" stays, for the promise to take it as its content
                # "declared a state of emergency": keep one of verb and noun; the verb carries the arguments.
                # "agreed to end the fighting": the fighting is what the promise gives up, not an act told.
                if verb_trig.event_type == t.event_type or verb_trig.entry.get("yielding"):
                    continue
            # A past or future event named only as a time reference: "after the deployment", "before talks".
            if t.token.dep_ == "pobj" and t.token.head.lower_ in G.reference_preps and _definite(t.token):
                continue  # "after the protests" points back to an act told elsewhere; "after violent protests" tells it
        kept.append(t)
    # A light verb whose object is a trigger is not an event of its own.
    objects_of = {t.token.head.i for t in kept if t.kind != "verb"}
    return [t for t in kept if not (t.kind == "verb" and t.token.i in objects_of and not t.entry.get("yielding")
                                     and t.token.lemma_.lower() in G.light_verbs and float(t.entry.get("weight", 1)) < 1)]


def _code_trigger(trig: Trigger, sent: Span, out: EventDocument, index: MentionIndex, main_country: Place | None,
                  published: str | None, probs: ranking.Probs | None = None) -> list[Event]:
    trig = prepared_attack(trig) or trig  # 'was preparing to resume shelling': the readying, not the attack
    info = _plover(trig.event_type)
    preps = set(trig.entry.get("recipient_preps") or info.get("recipient_preps") or ["against", "with", "on", "to"])
    args: Arguments = arguments(trig, preps)
    if trig.entry.get("reversed_roles"):
        # 'peacekeepers arrived in X' (X let them in), 'rebels received arms from X': the subject is acted on,
        # the party of the entry's preposition acts
        args.actors, args.recipients = args.recipients, args.actors
        if not args.actors:  # 'came under attack from Turkish jets': the parser hangs the party on the act noun
            args.actors = [p for t in trig.tokens if t.pos_ == "NOUN" and t.i != trig.token.i for c in t.children
                           if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"
                           for p in conjuncts(g)]
    addressed = trig.entry.get("accused_in", trig.entry.get("addressed_in"))
    if addressed is not None:
        if "accused_in" in trig.entry:
            args.recipients = _accused(sent.doc[int(addressed)])
        else:  # 'demanded that X be released': the demanded clause's subject, passive or not, names who must act
            asked, _ = subject_of(sent.doc[int(addressed)])
            args.recipients = [asked] if asked is not None else []
    if trig.entry.get("addressee") is not None:
        args.recipients = conjuncts(sent.doc[int(trig.entry["addressee"])])
    if trig.entry.get("speaker") is not None:  # 'X is failing ..., a rights group protested': the misparsed speaker
        args.actors = conjuncts(sent.doc[int(trig.entry["speaker"])])
    if trig.entry.get("custodian") and not args.actors:  # 'died of torture in Ruritanian police custody'
        args.actors = [sent.doc[int(i)] for i in trig.entry["custodian"]]
    if trig.entry.get("victim") is not None and not args.recipients:  # 'a prisoner died of torture'
        args.recipients = conjuncts(sent.doc[int(trig.entry["victim"])])
    gov = args.governor or trig.token
    speech_head = trig.token if trig.token.pos_ in ("VERB", "AUX", "ADJ") else gov
    owners = targets.answered_party(speech_head, trig.event_type)
    if owners:
        args.recipients = owners  # 'rejected an Indian proposal': the proposer, not the proposal
    suspects = False
    if trig.event_type == "ACCUSE":
        # 'investigating abuses by X against Y', 'denounced as a crime X's crackdown': the accused is who did the
        # act, not its victims (the act's own word names no party)
        act, doers = targets.accused_act(list({t.i: t for t in [speech_head, trig.token, *trig.tokens]}.values()))
        if act is not None and not index.covering(act.idx, act.idx + len(act.text)):
            args.recipients, suspects = doers, True
    elif trig.event_type == "PROTEST" or (trig.event_type == "ASSAULT" and not args.recipients
                                          and during_a_protest(trig.token)):
        # 'a strike over a decree signed by X', 'threw stones during rallies against abuses by X' (a riot, read
        # so later): the protest addresses who did the act it is against, not the act's victims
        act, doers = targets.protested_act(list({t.i: t for t in [speech_head, trig.token, *trig.tokens]}.values()))
        if act is not None and not index.covering(act.idx, act.idx + len(act.text)):
            args.recipients = doers
    mod = attach.modality(trig.token, gov)
    if trig.entry.get("warning"):
        # 'will no longer tolerate': the negation and the future are the warning's own words, given now
        mod = mod.model_copy(update={"negated": False, "future": False, "hypothetical": False})
    if mod.hypothetical and trig.event_type in G.attempted_types and attach.attempt_made(trig.token):
        # 'police foiled an attempt to kill the governor': the attempt is the attack (CAMEO 185), not an intention
        mod = mod.model_copy(update={"hypothetical": False, "future": False})
    if mod.hypothetical and trig.entry.get("threatened_from") and (
            trig.entry.get("reported_hedge") or _own_conditional_hedge(trig.token)):
        # 'the AU may suspend its mediation if the fighting goes on': a hedged act held over a condition is the
        # actor's ultimatum, made now
        mod = mod.model_copy(update={"hypothetical": False, "future": False})
    if mod.negated and not mod.hypothetical:
        trig, mod = _as_refusal(trig, mod)
    if attach.declared_future(trig.token, gov, mod):
        trig = _as_declaration(trig, _conditional(trig.token, gov))
    if mod.negated or mod.hypothetical:
        # "did not attack" is not an attack; "in an effort to quell", "would attack": intentions are not events
        return []
    actors: list[Actor] = []
    for head in args.actors:
        actors = _plural_anaphor(head, index, sent)
        if actors:
            break
    actors = actors or [_antecedent(a, index) for a in _code_all(args.actors, index)]
    actors = _seated(actors, args.actors, out.places)
    if not actors:
        actors = _speaker_for_pronoun(args.actors, gov, index)
    if not actors and not args.actors and trig.event_type == "CONCEDE" and mod.future:
        actors = _speaker_of_declared(gov, index)
    recipients = [r for r in _code_all(args.recipients, index) if not any(
        # a state may investigate its own nationals: 'Kenya is investigating abuses by Kenyan soldiers'
        same_party(r, a) and (not suspects or r.sector == a.sector) for a in actors)]
    if not recipients:
        # 'Armenia says shells were fired at it from the hills': the speaker is the target, not the launch site
        pronoun = next((h for h in [*args.recipients, *args.by_prep] if h.pos_ == "PRON"), None)
        recipients = [r for r in _speaker_for_pronoun([pronoun] if pronoun is not None else [], gov, index,
                                                      ("it", "us")) if not any(same_party(r, a) for a in actors)]
    if not recipients and args.by_prep and args.by_prep != args.recipients:
        # 'sent aerial photographs to X': the object names no party, the preposition does
        recipients = [r for r in _code_all(args.by_prep, index) if not any(same_party(r, a) for a in actors)]
    if not recipients and actors:
        recipients = _pronoun_recipient(args.recipients, actors, index, sent)
    if not recipients and trig.event_type == "THREATEN":
        # 'threatened to halt the talks if X deploys missiles': the party the condition must move
        recipients = [r for r in _code_all(targets.condition_party([speech_head, gov], G.threat_condition_marks), index)
                      if not any(same_party(r, a) for a in actors)]
    embedded: list[Token] = []
    if not recipients:
        # 'threatened to cut electricity to X', 'demanded that X end': the target is in the embedded clause
        embedded = (targets.protest_aim(trig.token) if trig.event_type == "PROTEST"
                    else targets.embedded_targets(speech_head, trig.event_type))
        # A protest may address its own government: same country, another sector is still a target.
        recipients = [r for r in _code_all(embedded, index) if not any(
            same_party(r, a) and (trig.event_type != "PROTEST" or r.sector == a.sector) for a in actors)]
    if not recipients or all(r.kind == "group" and (not r.country or any(r.country == a.country for a in actors))
                             for r in recipients):
        # 'sent troops to help protect X': the party the act is for outranks the actor's own forces moved
        helped = [r for r in _code_all(targets.helped_party(trig.token), index)
                  if not any(same_party(r, a) for a in actors)]
        recipients = helped or recipients
    if not recipients:
        # 'a suspension of flights with X', 'a market for X traders was attacked': the patient's owner or partner
        # (the act's own 'by' party is its actor: 'a drone strike by the army' is owned by no target)
        # 'refused to join the NATO-led force': the owner of the embedded act's patient, as of the verb's own
        owners = [t for t in targets.patient_owners(trig.token, [*args.recipients, *embedded]) if t not in args.actors]
        recipients = [r for r in _code_all(owners, index) if not any(same_party(r, a) for a in actors)]
    if trig.entry.get("party_asked") and not any(r.country or r.org for r in recipients):
        # 'the minister said the economy must grow': an obligation laid on no party that codes is no demand
        return []
    actors, recipients = _speakers_own(actors, gov, index), _speakers_own(recipients, gov, index)
    flags = {a.country for a in actors if a.country}
    if (trig.event_type == "MOBILIZE" and len(flags) >= 2 and {r.country for r in recipients} <= flags
            and any(t.lemma_.lower() in G.exercise_nouns for t in [trig.token, *trig.tokens])):
        # 'Indian and Chinese navies staged naval drills': an exercise held by two states' forces is a joint one,
        # military cooperation (COOPERATE 062, as the lexicon codes 'joint exercise')
        trig = Trigger(token=trig.token, entry={**trig.entry, "type": "COOPERATE", "mode": None, "cameo": "062"},
                       tokens=trig.tokens, specificity=trig.specificity)
        recipients = []
    if not recipients and trig.event_type in ("CONSULT", "COOPERATE") and len(actors) == 2:
        actors, recipients = actors[:1], actors[1:]
    actor_spans = [(a.start or 0, a.end or 0) for a in actors + recipients]
    # the parties' own words, coded or not yet: 'a nurse from Lyon was detained in Istanbul' happens in
    # Turkey whether or not the nurse is coded before the place is chosen (places named as parties excepted)
    actor_spans += [(h.left_edge.idx, h.idx + len(h)) for h in [*args.actors, *args.recipients]
                    if h.ent_type_ not in ("GPE", "LOC", "FAC")]
    launched = launch_verb(trig)
    origin = _launch_site(launched, out.places) if launched is not None else None
    sites = [(origin.start, origin.end)] if origin is not None else []
    location = attach.event_location(gov, sent, _act_places(out), main_country, actor_spans,
                                     frozenset(r.country for r in recipients if r.country),
                                     protest=trig.event_type == "PROTEST",
                                     launch_sites=sites)
    location = _off_site(location, origin)
    if origin is not None and origin.country:
        # 'militants fired rockets at the town from X': unflagged attackers are of the place they fire from, not
        # of the place they hit; with none named, unidentified attackers of that place
        actors = [flag(a, origin.country, trig.event_type) for a in actors] or [
            _unnamed_attackers(origin.country, trig.text, trig.start_char, trig.end_char)]
    if not actors:
        for head in args.actors:
            generic = _generic_actor(head, trig.event_type, location.country if location else None)
            if generic is not None:
                actors = [generic]
                break
        if not actors:
            actors = _placed_groups(args.actors, out.places)
        if not actors:
            actors = _published_text(args.actors, _act_places(out), index)
        if (not actors and trig.kind != "verb" and trig.event_type in G.domestic_types and location
                and location.country and _tells_an_act(trig.token)):
            generic = _generic_actor(trig.token, trig.event_type, location.country)
            if generic is None and trig.event_type == "PROTEST":
                actors = [Actor(text=trig.text, name=f"Protesters ({location.country})", country=location.country,
                                sector="PRO", sectors=["PRO"], kind="group")]
        if (not actors and args.passive_no_agent and location is not None and location.country
                and (location.precision in ("clause", "sentence") or location.precision == "country"
                     and not _present_state(trig.token)) and _state_power(trig)):
            # 'a Kenyan student was arrested in Uganda': only the state where it happens arrests, deports or
            # investigates (as CAMEO and the GSR code an agentless arrest: that country's authorities)
            actors = [state_authorities(location.country)]
    if trig.event_type in G.poll_types and args.actors and all(_poll_share(h) for h in args.actors):
        return []  # 'supported by a majority of Americans', 'most voters oppose the deal': an opinion poll
    if _wrong_patient(trig, index) or (not actors and not _unattributed(trig, args, probs or {})):
        return []
    if "party_asked" in trig.entry and actors and all(_unplaced_person(a) for a in actors):
        return []  # 'Tokyo should not agree, said a fellow at an institute': a commentator's view, no demand
    if actors and all(unlisted(a) for a in actors) and (
            float(trig.entry.get("weight", 1.0)) < 0.8 or ranking.agreement(probs or {}, trig.event_type) < 0.5):
        # a party the text names but nothing codes is kept on the terms of an act with no named party: the
        # lexicon is sure of the word and the classifier reads the sentence the same way ('X stood behind him')
        return []
    if not recipients and args.recipients and location is not None and location.country and (
            trig.event_type in G.domestic_types):
        recipients = [_local_target(h, _origin(h, out.places) or location.country)
                      for h in args.recipients[:1] if h.dep_ in ("dobj", "nsubjpass")]
    if all(not (r.country or r.org or r.sector) and r.kind in ("org", "unknown") for r in recipients):
        # 'opened an embassy in Hanoi', 'suspended aid deliveries in X': the object's seat names the host state
        # (also over a site named but coded as nobody: 'sent inspectors to the Nakuru plant in Kenya')
        recipients = _seat_state(targets.object_seats(trig.token), out.places, actors) or recipients
    if not recipients and location is not None and location.country and location.precision in ("clause", "sentence") \
            and trig.event_type in G.place_target_types and not (
                (trig.event_type in G.outward_types or f"{trig.event_type}/{trig.entry.get('mode')}" in G.own_place_types)
                and _names_the_actor(location, actors)):
        recipients = [place_target(location)]
    if location is not None and location.country:
        # Unnamed protesters, police or ministries with no flag of their own belong to the place where they act;
        # a statement or meeting aimed at a state happens nowhere by that state's name ('the minister accused
        # Syria' makes no Syrian minister), as acts done at a place (place_target_types) do.
        addressed = trig.event_type not in G.place_target_types and location.kind == "country" and _names_the_actor(
            location, [r for r in recipients if r.start is not None])
        if not addressed:
            actors = [flag(a, location.country, trig.event_type) for a in actors]
        # So do the unnamed groups acted on there: 'police detained workers in Lagos' -> Nigerian workers. An
        # outward act whose only place is the acting state's own name ('the US sent weapons to Kurdish
        # fighters') says nothing of where those acted on are from.
        if not (trig.event_type in G.outward_types and _names_the_actor(location, actors)):
            recipients = [flag(r, location.country, trig.event_type) if r.kind in ("group", "person") and r.sector
                          else r for r in recipients]
        if location.precision in ("clause", "sentence"):
            # a people of several states is placed only by a place that is not a party's name ('the Kurds
            # accused Baghdad' says nothing of which Kurds)
            placed = not _names_the_actor(location, [a for a in (*actors, *recipients) if a.start is not None])
            actors = _residents(actors, args.actors, location.country, peoples=not addressed, placed=placed)
            recipients = _residents(recipients, args.recipients, location.country, placed=placed)
    elif trig.event_type in G.domestic_types:
        # No place named: police act at home, so the unnamed people they act on are of the police's own state
        # ('Egyptian police dispersed demonstrators'); an army may act abroad, so only police speak for this.
        home = next((a.country for a in actors if a.country and "COP" in (a.sectors or [a.sector])), None)
        if home is not None:
            recipients = [flag(r, home, trig.event_type) if r.kind in ("group", "person") and r.sector else r
                          for r in recipients]
    if trig.event_type == "PROTEST":
        home = authorities(location, actors)
        # 'protests against a law passed by parliament': an unflagged state body a protest addresses is that of
        # the authorities it would otherwise be aimed at (the place's state, else the protesters')
        recipients = [r.model_copy(update={"country": home[0].country}) if home and not (r.country or r.org) and set(
            r.sectors or [r.sector]) & STATE_SECTORS else r for r in recipients] or home
    if not recipients:
        # 'the district administration denied a permit': a local organ's refusal falls on its own society
        local = any(t.lower_ in G.home_organ_words for h in args.actors for t in h.subtree if t.i <= h.i)
        recipients = own_society(trig, actors, local)
    if (trig.event_type in G.unplaced_stance_types and not recipients and actors
            and all(_unplaced_person(a) for a in actors)):
        return []  # 'Lund supports some of the changes': the stance of a person the KB cannot place, to no one
    # A statement happens where its speaker is: a place the text puts the speaker in, else the speaker's country,
    # never the country spoken of or to ('Britain condemned Iran's missile test'). That country still tells whose
    # the unnamed parties spoken of are, so the parties are read on `location` and the event is placed on `place`.
    place = location
    names = [(a.start, a.end) for a in actors if a.start is not None and a.end is not None]
    if trig.event_type in G.aimed_place_types and {r.country for r in recipients if r.country} - {
            a.country for a in actors}:
        # an act done to another state does not happen at the doer's own name ('Norway sent food aid to Sudan');
        # one with no other state told may be done at home ('Belarus carried out two executions')
        place = attach.event_location(gov, sent, _act_places(out), main_country, actor_spans,
                                      frozenset(r.country for r in recipients if r.country), speaker_names=names,
                                      outward=True, launch_sites=sites) or location
        place = _off_site(place, origin)
    # (a visit declared for later is placed where it is to go, as the visit itself would be: 'the senator will
    # travel to Ohio')
    if trig.event_type in G.statement_types and trig.entry.get("declared_mode") != "visit":
        # (a body with no country speaks where it sits: 'NATO accused …' in Belgium, not in the state it accuses)
        from ..kb import load_kb

        seats = load_kb().igo_seats
        speaker = next((a.country for a in actors if a.country), None) or next(
            (seats[a.org] for a in actors if a.org in seats), None)
        place = attach.event_location(
            gov, sent, _act_places(out), main_country, actor_spans,
            speaker=_country_place(speaker, out.places) if speaker else None,
            # (the trigger's own nouns too: 'agreed to hold talks in Cairo' places the talks agreed on)
            speaker_spans=[(a.start or 0, a.end or 0) for a in actors] + [
                (h.left_edge.idx, h.right_edge.idx + len(h.right_edge)) for h in args.actors] + [
                (t.idx, t.idx + len(t)) for t in [trig.token, *trig.tokens] if t.pos_ == "NOUN"],
            speaker_names=names)
    date = attach.event_date(gov, sent, out.times, published, _paragraph_start(out.document.text, sent.start_char),
                             future=mod.future or mod.hypothetical)
    size = {attach.size_key(c, sent): c.value for c in out.counts if sent.start_char <= c.start < sent.end_char}
    mode = trig.entry.get("mode")
    event = Event(
        id=_event_id(out.document.id, trig, trig.event_type),
        event_type=trig.event_type,
        mode=mode,
        cameo=trig.entry.get("cameo") or info.get("default_cameo"),
        actors=actors,
        recipients=recipients,
        date=date,
        location=place,
        size=size,
        modality=mod,
        evidence=Evidence(sentence=sent.text, start=sent.start_char, end=sent.end_char, trigger=trig.text,
                          trigger_start=trig.start_char, trigger_end=trig.end_char),
        confidence=ranking.weigh(_confidence(trig, actors, recipients, mod), probs or {}, trig.event_type,
                                 trig.entry.get("declared_from") or trig.entry.get("negated_from")
                                 or trig.entry.get("asked_from") or trig.entry.get("reread_from")),
    )
    if (political_struggle(event, trig) or figurative_arms(event) or electoral_control(event)
            or unplaced_verbal_attack(event, trig) or trip_at_home(event, trig)
            or campaign_promise(event, trig) or expressed_accord(event, trig) or empty_commitment(event, trig)
            or unasserted_readiness(event, trig) or habitual(trig) or described(trig)):
        return []
    event = conventional_force(as_closure_order(as_inquiry(as_complaint(as_verbal_attack(
        as_riot(as_pullout(as_restitution(as_own_training(event, trig), trig), trig), trig), trig), trig), trig), trig))
    event = meeting_mode(force_mode(event, [*args.recipients, *args.actors]))
    if event.confidence < MIN_CONFIDENCE:  # the threshold reads the raw score; the output carries a probability
        return []
    event.confidence = ranking.calibrated(event.confidence)
    result = [event]
    requesters = _code_all(args.requesters, index)
    if requesters:
        req_info = _plover("REQUEST")
        result.append(event.model_copy(update={
            "id": _event_id(out.document.id, trig, "REQUEST"), "event_type": "REQUEST", "mode": None,
            "cameo": req_info.get("default_cameo"), "actors": requesters, "recipients": actors, "size": {},
            "modality": Modality(), "context": [],
        }))
    return result


def _title_cased(sent: Span) -> bool:
    """A title written into the text ('Kenya Signs Trade Agreement With Uganda'): most words capitalised, so a
    capital says nothing of a name."""
    words = [t for t in sent if t.is_alpha]
    return bool(words) and sum(t.text[0].isupper() for t in words) > 0.6 * len(words)


def _unplaced_person(actor: Actor) -> bool:
    """A person the KB gives neither a state nor a sector: in news prose, one quoted for a view (an analyst,
    a columnist, a voter), whose 'X should' is advice, not a demand made of X by a party to the story."""
    return actor.kind == "person" and not actor.country and not (actor.sector or actor.sectors)


def _seat_state(tokens: list[Token], places: list[Place], actors: list[Actor]) -> list[Actor]:
    """The state of the first place among these words that is not an actor's own: an embassy opened in a
    country's own capital or aid halted at home names no other party."""
    for tok in tokens:
        place = next((p for p in places if p.country and p.start <= tok.idx < p.end), None)
        if place is not None and not any(a.country == place.country for a in actors):
            return [place_target(attach.place_location(place))]
    return []


def _unattributed(trig: Trigger, args: Arguments, probs: ranking.Probs) -> bool:
    """'Four villagers were killed', 'a roadside bomb killed two soldiers', 'the expulsion of 40 diplomats': the
    text names no actor we can code, yet the act is told. Kept with no actor (as ACLED codes an unidentified group) when the lexicon is sure of the word, the
    classifier reads the sentence the same way, and the type is one whose perpetrators news often leaves out."""
    weight = float(trig.entry.get("weight", 1.0))
    if trig.entry.get("fired_on"):
        return True  # 'soldiers came under fire': the attackers are unnamed, the attack is told
    headline_act = bool(trig.entry.get("stated_in_headline"))
    if headline_act and headline.figurative(trig.token, trig.entry.get("mode")):
        return False  # 'Policy offers joy', 'Senator nabs endorsement': no act is told
    # A thing that acts ('Opinion pages offer support') states no act; such a headline is read as a body sentence.
    stated = headline_act and headline.literal(trig.token)
    if stated and trig.specificity > 1 and weight >= 0.7:
        return True  # a headline's verb read with its object ('Truce begins', 'Hostilities stop') is sure by itself
    return ((trig.event_type in G.unattributed_types or stated)
            and weight >= 0.8
            and ranking.agreement(probs, trig.event_type) >= 0.5)


def _as_refusal(trig: Trigger, mod: Modality) -> tuple[Trigger, Modality]:
    """'will not accept', 'did not allow': a negated consent verb, said now, is a REJECT that happened."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    # 'said it would not provide aid': a cooperative act declared not to be done is refused now
    declared = mod.future and trig.event_type in G.refused_future_types
    # 'failed to reach agreement', 'failed to agree on the border': the parties refused each other's terms
    failed = (trig.event_type in G.failed_agreement_types and tok.dep_ == "xcomp"
              and tok.head.lemma_.lower() in G.failing_governors)
    if (trig.kind == "verb" and mod.future and trig.event_type in G.forsworn_types
            and any(c.dep_ == "neg" for c in tok.children)):
        # 'police will not beat protesters', 'said it would not use force': a promise to refrain is a concession
        # CAMEO: an intent to yield (035), to de-escalate (0356) when the act forsworn is violence
        refrained = intent_code("087" if trig.event_type == "ASSAULT" else "08") or cameo_for("CONCEDE", None)
        entry = {"kind": "verb", "type": "CONCEDE", "mode": None, "weight": 0.8, "cameo": refrained,
                 "negated_from": trig.event_type}
        return (Trigger(token=tok, entry=entry, tokens=trig.tokens, specificity=trig.specificity),
                mod.model_copy(update={"negated": False, "future": False}))
    if trig.kind != "verb" or (lemma not in G.negated_rejections and not declared and not failed):
        return trig, mod
    if not failed and not any(c.dep_ == "neg" for c in tok.children):
        return trig, mod  # negated only through its governor ("refused to accept" is coded by "refused")
    mode = (G.negated_rejections.get(lemma) if lemma in G.negated_rejections or failed
            else G.refused_future_types[trig.event_type])
    entry = {"kind": "verb", "type": "REJECT", "mode": mode, "weight": 0.8,
             "cameo": cameo_for("REJECT", mode), "negated_from": trig.event_type}
    return (Trigger(token=tok, entry=entry, tokens=trig.tokens, specificity=trig.specificity),
            mod.model_copy(update={"negated": False, "future": False}))


def _own_conditional_hedge(tok: Token) -> bool:
    """'X may/could/would <act> if/unless Y', said by X itself: the sentence's own clause, or reported by a
    speaker of X's side ('..., its foreign minister said'). Analysts' hedges about X are no threat by X."""
    if not any(c.dep_ == "aux" and c.lower_ in G.hypothetical_aux | G.hedge_aux for c in tok.children):
        return False
    if not condition_clauses(tok, G.threat_condition_marks):
        return False
    if tok.dep_ == "ROOT":
        speech = next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in
                       G.speech_verbs), None)
    else:
        speech = tok.head if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in G.speech_verbs else None
        if speech is None:
            return False
    if speech is None:
        return True
    speaker, _ = subject_of(speech)
    return speaker is not None and (speaker.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.lower_ in G.self_pronouns | {"their"} for c in speaker.children))


def _conditional(tok: Token, gov: Token) -> bool:
    """'will pull out unless the union pays': the act is held over another party."""
    return any(condition_clauses(t, G.condition_marks) for t in {tok, gov})


def _as_declaration(trig: Trigger, conditional: bool = False) -> Trigger:
    """'will pull out' is a concession made now, 'said it would impose sanctions' a threat: code the declaration.
    An act declared on a condition the other party must meet is an ultimatum, whatever the act (THREATEN)."""
    row = G.future_acts.get(f"{trig.event_type}/{trig.entry.get('mode')}") or G.future_acts.get(trig.event_type)
    aim = trig.token.dep_ == "xcomp" and trig.token.head.lemma_.lower() in G.aim_verbs
    if not conditional and not aim and trig.event_type in ("SUPPORT", "COOPERATE") and content_of_class(
            trig.token, G.diplomatic_contents):
        # "will resume diplomatic relations", "decided to establish ties": declaring diplomatic cooperation opens it
        entry = {**trig.entry, "type": "SUPPORT", "mode": None, "cameo": "050", "declared_from": trig.event_type}
        return Trigger(token=trig.token, entry=entry, tokens=trig.tokens, specificity=trig.specificity)
    if conditional and trig.event_type != "THREATEN" and (row is None or row[0] != "THREATEN"):
        row = ("THREATEN", None, "130")
    if row is None:
        if trig.event_type == "CONCEDE" and (promised := intent_code(trig.entry.get("cameo"))):
            # 'will lift the curfew': still CONCEDE (a promise of future concessions), CAMEO 0351
            entry = {**trig.entry, "cameo": promised}
            return Trigger(token=trig.token, entry=entry, tokens=trig.tokens, specificity=trig.specificity)
        return trig
    event_type, mode, cameo = row
    if event_type in ("AGREE", "CONCEDE"):
        # CAMEO files a promise under 03 by what is promised: 'will free' 0353, 'will send aid' 033
        cameo = intent_code(trig.entry.get("cameo")) or cameo
    if event_type == "THREATEN" and (taken := threatened_mode(trig)) == "territory":
        mode, cameo = taken, cameo_for("THREATEN", taken)  # 'will invade': a threat to take land
    entry = {**trig.entry, "type": event_type, "mode": mode, "cameo": cameo, "declared_from": trig.event_type,
             "declared_mode": trig.entry.get("mode")}
    return Trigger(token=trig.token, entry=entry, tokens=trig.tokens, specificity=trig.specificity)


def _carried_whereabouts(events: list[Event]) -> list[Event]:
    """'The Canadian minister arrived in Jakarta on Monday. She urged Myanmar to …': a person's statement whose own
    sentence places no speaker is made where the story last put that person on the same day — a town or site
    (not a country's name, which may be a party's) of a meeting, a visit, a joint act or a statement — rather
    than at home. A state does not travel; a day apart, the person may have."""
    seen: dict[str, tuple[Location, str]] = {}
    out = list(events)
    for n in sorted(range(len(events)), key=lambda n: events[n].evidence.start):
        e = events[n]
        loc, day = e.location, e.date.start if e.date else None
        persons = [a for a in e.actors if a.kind == "person"]
        if not (loc is not None and day and persons):
            continue
        if e.event_type in G.statement_types and loc.precision == "country" and (
                e.actors[0] is persons[0] and persons[0].country == loc.country):
            carried = seen.get(persons[0].name)
            if carried is not None and carried[1] == day:
                out[n] = e.model_copy(update={"location": carried[0].model_copy(update={"precision": "document"})})
        elif loc.precision in ("clause", "sentence") and loc.kind != "country" and e.event_type in G.presence_types:
            # (a meeting puts both sides there; anything else only its doer)
            for a in persons + [r for r in e.recipients if r.kind == "person" and e.event_type == "CONSULT"]:
                seen[a.name] = (loc, day)
    return out


def _merge_duplicates(events: list[Event]) -> list[Event]:
    """The same act told twice in one article ('began pulling out' ... 'commenced their withdrawal') is one event."""
    kept: list[Event] = []
    # an act told with its doer outranks the same act told without ('killed in Israeli shelling': the shelling)
    for ev in sorted(events, key=lambda e: (not e.actors, -e.confidence)):
        dup = next((i for i, k in enumerate(kept) if _same_event(k, ev)), None)
        if dup is None:
            kept.append(ev)
        elif (not kept[dup].recipients and ev.recipients and ev.evidence.start == kept[dup].evidence.start
              and not {r.name for r in ev.recipients} & {a.name for a in kept[dup].actors}):
            # 'launched rocket fire against camps, killing 50': the telling that names the target lends it (not
            # the doer itself: 'killed in a shootout with police' names police as the shootout's other side)
            kept[dup] = kept[dup].model_copy(update={"recipients": ev.recipients})
    return sorted(kept, key=lambda e: e.evidence.trigger_start)


def _km(a: Location, b: Location) -> float:
    from ..places import distance_km

    return float(distance_km((a.lat, a.lon), (b.lat, b.lon)))


def _key_actors(actors: list[Actor]) -> set[str]:
    return {a.org or a.country or a.name for a in actors}


def _same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or a.modality.future != b.modality.future:
        return False
    if a.mode and b.mode and a.mode != b.mode:  # a march and the riot that grew out of it are two acts
        return False
    if _key_actors(a.actors) != _key_actors(b.actors) and not (
            (not a.actors or not b.actors) and a.evidence.start == b.evidence.start):
        return False  # one sentence telling an act twice may name its doer only once
    ra, rb = _key_actors(a.recipients), _key_actors(b.recipients)
    if ra and rb and ra != rb:  # a retelling may leave out the target
        return False
    la, lb = a.location, b.location
    if (la and lb and la.precision != "country" and lb.precision != "country" and None not in (la.lat, lb.lat)
            and _km(la, lb) > SAME_PLACE_KM):
        return False  # the same kind of act in two cities is two acts
    da, db = a.date, b.date
    if da is None or db is None or da.inferred or db.inferred:
        return a.evidence.start == b.evidence.start
    return (da.start, da.end) == (db.start, db.end)

