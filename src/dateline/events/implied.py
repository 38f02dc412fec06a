"""Parties the text implies but does not name: the authorities a protest addresses, the society a state's
measure falls on, the state a place lies in, the flag of unnamed groups acting somewhere."""

from __future__ import annotations

from ..models import Actor, Location
from .coding import STATE_SECTORS, foreign_group
from .grammar import load_grammar
from .triggers import Trigger

G = load_grammar()


def authorities(location: Location | None, actors: list[Actor]) -> list[Actor]:
    """A protest that names no addressee ('Young Kenyans blocked the highway') is aimed at the authorities where it
    happens — the place's state, else the protesters' own (as ICEWS codes a protest with no named target)."""

    country = (location.country if location is not None else None) or next(
        (a.country for a in actors if a.country), None)
    return [state_authorities(country)] if country else []


def state_authorities(country: str) -> Actor:
    """The officers of the state where an act that only a state does took place, unnamed ('was arrested in
    Uganda'): coded as its government, as ICEWS and the GSR code an agentless arrest."""
    from ..kb import load_kb

    name = load_kb().country_name(country) or country
    return Actor(text=name, name=f"{name} (authorities)", country=country, sector="GOV", sectors=["GOV"],
                 kind="state")


def own_society(trig: Trigger, actors: list[Actor], local: bool = False) -> list[Actor]:
    """'The government extended the curfew', 'the junta will impose martial law': a state's measure that names no
    one it falls on falls on its own society (as CAMEO and the PLOVER gold code a domestic restriction: the
    state's country on both sides). Police, and a local administration (`local`: 'the district administration'),
    act only at home: their warning or refusal naming no one falls there too (event_grammar home_organ_types)."""
    modes = G.self_directed_types.get(trig.event_type)
    if (modes is None or (modes and trig.entry.get("mode") not in modes)) and not (
            trig.event_type in G.home_organ_types and actors and (local or all(
                "COP" in (a.sectors or [a.sector]) and a.kind != "state" for a in actors))):
        return []
    countries = {a.country for a in actors}
    if len(countries) != 1 or None in countries or not all(
            a.kind == "state" or set(a.sectors or [a.sector]) & STATE_SECTORS for a in actors):
        return []
    from ..kb import load_kb

    country = next(iter(countries))
    name = load_kb().country_name(country) or str(country)
    return [Actor(text=name, name=f"{name} (society)", country=country, kind="state")]


def place_target(location: Location) -> Actor:
    """An attack on, a raid in, a deployment to a named place with no named target: the state that place is in
    bears it (as GDELT and ICEWS code an act against a location's country)."""
    from ..kb import load_kb

    name = load_kb().country_name(location.country) or str(location.country)
    return Actor(text=location.text or name, name=name, country=location.country, kind="state")


def flag(actor: Actor, country: str, event_type: str) -> Actor:
    """An unnamed group, or an official the KB does not know, acting in a country is of that country."""
    if actor.kind == "person" and not (actor.country or actor.org) and set(actor.sectors or [actor.sector]) & STATE_SECTORS:
        # 'President X', 'Judge X', 'General X' whom the KB does not know: an office of state is held in the
        # state where the act takes place (a foreign official would be named with a flag: 'Ugandan President X').
        return actor.model_copy(update={"country": country})
    if actor.country or actor.org or actor.kind in ("state", "person", "igo") or stateless_by_name(actor) or (
            foreign_group(actor)):
        return actor
    if event_type in G.domestic_types or (actor.sector and actor.kind in ("group", "org")):
        return actor.model_copy(update={"country": country})
    return actor


BODY_SECTORS = frozenset({"MIL", "GOV", "COP", "REB", "SPY", "JUD", "LEG", "PTY", "INS"})


def stateless_by_name(actor: Actor) -> bool:
    """A named group the KB knows without a country ('al-Qaeda', 'Islamic State') acts across borders: the place
    of one of its acts does not make it that place's group. Nor does a people of several states ('Kurds',
    'Druze') take the story's country: only a place its own clause gives it codes it (`events._residents`)."""
    from ..kb import load_kb

    kb = load_kb()
    if any(e.source == "org" and e.country is None for e in kb.lookup(actor.name)):
        return True
    # a people itself ('Kurds', 'Druze clerics'), not a body or force named by it ('Kurdish authority')
    return actor.kind == "group" and not set(actor.sectors or [actor.sector]) & BODY_SECTORS and any(
        e.source == "people" and e.country is None for e in kb.lookup(actor.name))
