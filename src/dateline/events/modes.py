"""Modes the trigger word leaves open: read from what the act asks for, refuses or threatens ('rejected a plea
for food assistance': REJECT assist), from the force that is mobilised ('militias began patrolling': MOBILIZE
militia) and from who meets where ('Serbia and Bolivia held talks in Geneva': CONSULT third-party)."""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

from ..lexicon import cameo_for
from ..models import Event
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()

# Dependents that are not what an act is about: its doer, its clause frame, a side clause of time or reason.
_NOT_CONTENT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "aux", "auxpass", "neg", "mark", "cc",
                          "punct", "advcl", "advmod", "npadvmod", "tmod", "det", "poss", "appos", "relcl", "parataxis"})
_MODED_BY_CONTENT = ("REQUEST", "REJECT", "THREATEN")


def _content(tok: Token) -> list[Token]:
    """Tokens of what the act is about, nearest first (breadth-first under the trigger, leaving out its doer)."""
    out: list[Token] = []
    queue = deque(c for c in tok.children if c.dep_ not in _NOT_CONTENT)
    while queue:
        t = queue.popleft()
        out.append(t)
        queue.extend(c for c in t.children if c.dep_ not in _NOT_CONTENT)
    return out


def _mode_for(event_type: str, inner: Trigger) -> str | None:
    mode = inner.entry.get("mode")
    if event_type == "THREATEN":  # the threatened act's declared form says what is threatened
        return threatened_mode(inner)
    return G.asked_modes.get(f"{inner.event_type}/{mode}") or G.asked_modes.get(inner.event_type)


def threatened_mode(act: Trigger) -> str | None:
    """The THREATEN mode of an act declared or threatened: territory for an act that takes land ('invade',
    'annex'), else its row in future_acts ('arrest' -> arrest, an attack -> violence)."""
    if act.event_type in ("ASSAULT", "COERCE") and act.token.lemma_.lower() in G.territorial_acts:
        return "territory"
    mode = act.entry.get("mode")
    row = G.future_acts.get(f"{act.event_type}/{mode}") or G.future_acts.get(act.event_type)
    return row[1] if row is not None and row[0] == "THREATEN" else None


def content_modes(triggers: list[Trigger], found: list[Trigger]) -> list[Trigger]:
    """A request, refusal or threat whose word names no mode takes the mode of the nearest act in its content
    that has one ('urged X to pull out': REQUEST yield; 'threatened to crush the riots by force': THREATEN violence). `found` are
    all the sentence's lexicon readings, including acts folded into another trigger."""
    by_token = {t.token.i: t for t in found}
    out: list[Trigger] = []
    for t in triggers:
        if t.event_type not in _MODED_BY_CONTENT or t.entry.get("mode"):
            out.append(t)
            continue
        mode = next((m for c in _content(t.token) if c.i in by_token and c.i != t.token.i
                     and (m := _mode_for(t.event_type, by_token[c.i]))), None)
        if mode is None:
            out.append(t)
            continue
        entry = {**t.entry, "mode": mode, "cameo": cameo_for(t.event_type, mode)}
        out.append(Trigger(token=t.token, entry=entry, tokens=t.tokens, specificity=t.specificity))
    return out


def force_mode(event: Event, heads: list[Token]) -> Event:
    """A mobilisation takes its mode from the force mobilised when its word names none ('began patrolling'),
    and a non-state armed group's is `militia` whatever the word ('Hezbollah mobilised troops'); readied weapons
    keep theirs. `heads` are the argument heads that name the force (object and subject)."""
    if event.event_type != "MOBILIZE" or event.mode == "weapons":
        return event
    sectors = {s for a in event.actors for s in (a.sectors or [a.sector]) if s}
    modes = {G.force_sector_modes[s] for s in sectors if s in G.force_sector_modes}
    militia = "militia" in modes or bool(_force_words_of(heads) & G.militia_words)
    if militia and event.actors and all(a.kind != "state" for a in event.actors):
        mode: str | None = "militia"
    elif event.mode is None and len(modes) == 1:
        mode = next(iter(modes))
    else:
        return event
    if mode == event.mode:
        return event
    return event.model_copy(update={"mode": mode, "cameo": cameo_for("MOBILIZE", mode)})


def _clause(tok: Token) -> list[Token]:
    """The clause an act is told in: the verb it hangs from through a preposition ('went on strike in protest')
    and, for a participle or clause hung on another verb ('a truck bomb went off ..., killing 30'), that verb."""
    root = tok
    while root.dep_ in ("pobj", "pcomp", "prep") and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("advcl", "xcomp", "conj", "acl") and root.head.pos_ in ("VERB", "AUX"):
        root = root.head
    return list(root.subtree)


def clause_modes(triggers: list[Trigger], found: list[Trigger]) -> list[Trigger]:
    """An act whose word names no mode, or only its type's general one ('were killed', 'marched'), takes the
    mode of the nearest act of its type in its clause that names a more specific one: the instrument ('killed
    after an explosion ripped through the market': explosives) or the manner ('marched ..., blocking a highway': obstruct); for
    an ASSAULT also a doer or weapon the lexicon does not read as an act ('warplanes struck a building': aerial)."""
    out: list[Trigger] = []
    for t in triggers:
        general = G.clause_general_modes.get(t.event_type)
        if general is None or t.entry.get("mode") not in general:
            out.append(t)
            continue
        clause = {w.i for w in _clause(t.token)}
        options = [(abs(o.token.i - t.token.i), str(o.entry["mode"])) for o in found
                   if o.token.i in clause and o.token.i != t.token.i and o.event_type == t.event_type
                   and o.entry.get("mode") not in general]
        if t.event_type == "ASSAULT":
            options += [(abs(w.i - t.token.i), G.instrument_modes[w.lemma_.lower()]) for w in t.token.doc
                        if w.i in clause and w.pos_ == "NOUN" and w.lemma_.lower() in G.instrument_modes]
        if not options:
            out.append(t)
            continue
        mode = min(options)[1]
        entry = {**t.entry, "mode": mode, "cameo": cameo_for(t.event_type, mode)}
        out.append(Trigger(token=t.token, entry=entry, tokens=t.tokens, specificity=t.specificity))
    return out


# Modes of munitions fired by an armed force: an explosion they cause is that force's attack, not a bombing.
FIRED_MODES = frozenset({"heavy-weapons", "aerial", "drone"})


def munition_modes(triggers: list[Trigger]) -> list[Trigger]:
    """'A depot was blown up by Russian missiles': an explosion whose agent or instrument is a fired munition
    (missile, rocket, shell: PLOVER heavy-weapons, CAMEO 194) is the munition's mode, not `explosives` (mines,
    IEDs, car and roadside bombs, CAMEO 183)."""
    out: list[Trigger] = []
    for t in triggers:
        mode = t.entry.get("mode")
        if t.event_type == "ASSAULT" and mode == "explosives":
            weapons = [g for c in t.token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("by", "with"))
                       for g in c.children if g.dep_ == "pobj"]
            fired = [G.instrument_modes[w.lemma_.lower()] for w in weapons
                     if G.instrument_modes.get(w.lemma_.lower()) in FIRED_MODES]
            if fired:
                entry = {**t.entry, "mode": fired[0], "cameo": cameo_for("ASSAULT", fired[0])}
                t = Trigger(token=t.token, entry=entry, tokens=t.tokens, specificity=t.specificity)
        out.append(t)
    return out


def _force_words_of(heads: list[Token]) -> set[str]:
    """Lemmas naming the force: each head, the words before it ('paramilitary police force') and the noun of its
    of-phrase ('members of its militia')."""
    nouns = list(heads) + [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"]
    return {w.lemma_.lower() for h in nouns for w in h.subtree if h.left_edge.i <= w.i <= h.i}


def meeting_mode(event: Event) -> Event:
    """A meeting with no mode of its own: with an international organisation among its parties it is
    `multilateral`; between parties of two or more states met in a third state's city it is hosted there,
    `third-party` (codebook: 'a meeting between two actors is hosted by a third actor')."""
    if event.event_type != "CONSULT" or event.mode:
        return event
    parties = event.actors + event.recipients
    if any(p.kind == "igo" for p in parties):
        mode = "multilateral"
    else:
        loc = event.location
        countries = {p.country for p in parties if p.country}
        if (loc is None or not loc.country or loc.precision not in ("clause", "sentence") or len(countries) < 2
                or loc.country in countries):
            return event
        mode = "third-party"
    return event.model_copy(update={"mode": mode, "cameo": cameo_for("CONSULT", mode)})
