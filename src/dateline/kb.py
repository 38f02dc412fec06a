"""Knowledge base for actor coding: countries, IGOs, national bodies, dated office holders and sector words."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import EventDocument

KB_DIR = Path(__file__).resolve().parent / "data" / "kb"
KB_FILES = ("countries.json", "igos.json", "orgs.json", "people.json", "leaders.json", "sectors.json", "speech.json",
            "peoples.json")
ENV_EXTRA = "DATELINE_KB_EXTRA"  # os.pathsep-separated list of the user's own KB JSON files

_WORD = re.compile(r"\w+")
_PIECE = re.compile(r"\w+|[^\w\s]")


def normalise(text: str) -> str:
    """The lookup key of a surface form: lower case, straight apostrophes, single spaces."""
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def role_key(role: str) -> str:
    """Spelling-neutral key of an office title: 'Defense Secretary' and 'defence secretary' agree."""
    return normalise(role).replace("defense", "defence")


def first_word(text: str) -> str:
    """First run of word characters; the cheap prefilter a token must pass before span lookups."""
    match = _WORD.search(normalise(text))
    return match.group() if match else ""


@dataclass(frozen=True, slots=True)
class Term:
    role: str
    country: str | None
    sectors: tuple[str, ...]
    start: str
    end: str | None
    org: str | None = None


HEAD_ROLES = {"president", "prime minister", "chancellor", "premier", "king", "queen", "emir", "supreme leader",
              "taoiseach", "un secretary-general", "pope"}
OPEN_END = "2026-01-01"  # stands in for "still in office" when comparing term lengths


def _term_length(term: Term) -> tuple[str, str]:
    """Sort key approximating a term's length by its dates (ISO strings subtract badly; years suffice)."""
    end = term.end or OPEN_END
    years = int(end[:4]) - int(term.start[:4])
    return (f"{years:04d}", term.start)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    gender: str | None
    terms: tuple[Term, ...]

    def term_at(self, date: str | None) -> tuple[Term | None, bool]:
        """The office held on ``date`` (ISO) and whether it is current.

        Several covering terms: the latest-starting wins (Speaker beats the long Representative term).
        No covering term: the nearest term is returned with False, so the caller keeps the country only.
        No date: the defining office (see below), taken as current.
        """
        if not self.terms:
            return None, False
        if not date:
            # Undated article: the person's defining office, i.e. the latest head-of-state/government term,
            # else the longest-held one (Senator Rubio rather than his latest post).
            heads = [t for t in self.terms if role_key(t.role) in HEAD_ROLES]
            if heads:
                return max(heads, key=lambda t: t.start), True
            return max(self.terms, key=_term_length), True
        covering = [t for t in self.terms if t.start <= date and (t.end is None or date < t.end)]
        if covering:
            return max(covering, key=lambda t: t.start), True
        past = [t for t in self.terms if t.start <= date]
        return (max(past, key=lambda t: t.end or "") if past else min(self.terms, key=lambda t: t.start)), False


@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form's meaning. ``source`` says which table it came from and drives how actors use it."""

    source: str  # country, demonym, capital, seat, region, igo, org, person, noun, title, people
    name: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    kind: str = "unknown"
    org: str | None = None
    surface: str = ""
    case_sensitive: bool = False
    ambiguous: bool = False
    person: Person | None = None
    members: tuple[str, ...] = ()
    lead: str | None = None
    not_actor: bool = False
    bare_lower: bool = False  # a body's name as some outlets print it, in lower case ('pressured by congress')

    def accepts(self, text: str) -> bool:
        """Case rules: acronyms exactly as listed; capitalised names need a capital in the text, anywhere in it:
        the rule keeps lower-case words ('turkey', 'chad') out, and 'iRAN' or 'SyRIA' typed with the shift key
        misplaced is no common word."""
        text = text.replace("\u2019", "'")
        if self.bare_lower:
            return text.islower()
        if self.case_sensitive:
            return text == self.surface
        if self.surface[:1].isupper():
            return any(c.isupper() for c in text)
        return True


@dataclass
class KB:
    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_tokens: int = 8
    # first word -> most tokens a phrase opening with it can take (its words and marks, +2 for stray spaces):
    # the actor scan tries no longer spans than that.
    span_tokens: dict[str, int] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> common name
    igos: dict[str, Entry] = field(default_factory=dict)  # acronym -> entry
    igo_seats: dict[str, str] = field(default_factory=dict)  # acronym -> ISO3 of the country the body sits in
    people: dict[str, Person] = field(default_factory=dict)  # canonical name -> person
    surnames: dict[str, list[Person]] = field(default_factory=dict)  # normalised last word -> people
    sector_codes: dict[str, str] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)
    country_anaphora: set[str] = field(default_factory=set)
    weak_nouns: set[str] = field(default_factory=set)
    speech_verbs: set[str] = field(default_factory=set)
    event_nouns: set[str] = field(default_factory=set)
    diaspora_peoples: set[str] = field(default_factory=set)
    family_name_first: set[str] = field(default_factory=set)  # ISO3 of countries naming family name first
    roles: dict[tuple[str, str], list[Person]] = field(default_factory=dict)  # (ISO3, role key) -> holders

    def add(self, surface: str, entry: Entry) -> None:
        key = normalise(surface)
        if not key:
            return
        bucket = self.phrases.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        first = first_word(key)
        self.first_words.add(first)
        self.span_tokens[first] = max(self.span_tokens.get(first, 0), len(_PIECE.findall(key)) + 2)

    @functools.cached_property
    def key_prefixes(self) -> frozenset[str]:
        """Every leading part of every phrase key: a span whose key is none of them cannot be extended into
        a phrase (a longer span's key starts with a shorter one's), so the actor scan stops there."""
        return frozenset(key[:n] for key in self.phrases for n in range(1, len(key) + 1))

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose surface form is ``text`` and whose case rules it meets."""
        return [e for e in self.phrases.get(normalise(text), ()) if e.accepts(text)]

    def country_name(self, iso3: str | None) -> str | None:
        return self.countries.get(iso3 or "")

    def holder(self, country: str, role: str, date: str | None) -> tuple[Person, Term] | None:
        """Who held ``role`` in ``country`` on ``date``: 'the Russian president' -> Putin in 2022."""
        found = []
        for person in self.roles.get((country, role_key(role)), ()):
            term, current = person.term_at(date)
            if current and term is not None and term.country == country and role_key(term.role) == role_key(role):
                found.append((person, term))
        return found[0] if len(found) == 1 else None


def _is_acronym(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


def _entry(surface: str, **kw: object) -> Entry:
    return Entry(surface=surface.replace("\u2019", "'"), case_sensitive=_is_acronym(surface), **kw)  # type: ignore[arg-type]


def _load_countries(kb: KB, data: dict) -> None:
    ambiguous = {normalise(a) for a in data.get("_ambiguous", [])}
    for iso3, c in data.get("countries", {}).items():
        name = c["name"]
        kb.countries[iso3] = name
        base = {"name": name, "country": iso3, "sectors": ("GOV",), "kind": "state"}
        for surface in [name, f"the {name}", *c.get("aliases", [])]:
            kb.add(surface, _entry(surface, source="country", ambiguous=normalise(surface) in ambiguous, **base))
        for surface in c.get("demonyms", []):
            kb.add(surface, _entry(surface, source="demonym", ambiguous=normalise(surface) in ambiguous, **base))
        for surface in c.get("capitals", []):
            kb.add(surface, _entry(surface, source="capital", ambiguous=normalise(surface) in ambiguous, **base))
        for surface in c.get("seats", []):
            kb.add(surface, _entry(surface, source="seat", **base))
        for surface in c.get("regions", []):
            kb.add(surface, _entry(surface, source="region", name=name, country=iso3, kind="state"))


def _load_igos(kb: KB, data: dict) -> None:
    kb.igo_seats.update(data.get("seats", {}))
    for g in data.get("igos", []):
        sector = g.get("sector")
        entry_kw = {
            "name": g["org"] if g.get("acronyms") else g["name"],
            "country": None,
            "sectors": ("IGO", sector) if sector else ("IGO",),
            "kind": "igo",
            "org": g["org"],
            "members": tuple(g.get("members", [])),
            "lead": g.get("lead"),
        }
        for surface in [*g.get("acronyms", []), *g.get("aliases", []), g["name"]]:
            entry = _entry(surface, source="igo", **entry_kw)
            kb.add(surface, entry)
            kb.igos.setdefault(g["org"], entry)


def _load_orgs(kb: KB, data: dict) -> None:
    for o in data.get("orgs", []):
        sectors = tuple(o.get("sectors") or ([o["sector"]] if o.get("sector") else []))
        for surface in [o["name"], *o.get("aliases", [])]:
            kb.add(surface, _entry(surface, source="org", name=o["name"], country=o.get("country"), sectors=sectors,
                                   kind=o.get("kind", "org"), org=o.get("org"), not_actor=bool(o.get("not_actor"))))
        for surface in o.get("lower_aliases", []):
            kb.add(surface, _entry(surface, source="org", name=o["name"], country=o.get("country"), sectors=sectors,
                                   kind=o.get("kind", "org"), org=o.get("org"), bare_lower=True))


def _load_people(kb: KB, data: dict) -> None:
    for p in data.get("people", []):
        terms = tuple(
            Term(role=t[0], country=t[1], sectors=tuple(s for s in t[2].split("+") if s), start=t[3], end=t[4],
                 org=t[5] if len(t) > 5 else None)
            for t in p.get("terms", [])
        )
        person = Person(name=p["name"], gender=p.get("g"), terms=terms)
        kb.people[person.name] = person
        for surface in [p["name"], *p.get("aliases", [])]:
            kb.add(surface, Entry(source="person", name=person.name, kind="person", person=person,
                                  surface=surface, case_sensitive=_is_acronym(surface)))
        kb.surnames.setdefault(normalise(p["name"]).split()[-1], []).append(person)
        for term in terms:
            if term.country:
                holders = kb.roles.setdefault((term.country, role_key(term.role)), [])
                if person not in holders:
                    holders.append(person)


TITLE_PREFIXES = ("vice ", "deputy ", "co ", "acting ")


def _load_sectors(kb: KB, data: dict) -> None:
    kb.sector_codes.update(data.get("codes", {}))
    for noun, (sector, kind) in data.get("nouns", {}).items():
        kb.add(noun, Entry(source="noun", name=noun, sectors=(sector,), kind=kind, surface=noun))
    for title, sectors in data.get("titles", {}).items():
        entry = Entry(source="title", name=title, sectors=tuple(sectors), kind="person", surface=title)
        kb.add(title, entry)
        if title.startswith(TITLE_PREFIXES):
            # 'Vice-President', 'Deputy-Governor': wire copy hyphenates the prefix of an office
            kb.add(title.replace(" ", "-", 1), entry)
    kb.weak_nouns.update(normalise(w) for w in data.get("weak_nouns", []))
    kb.speech_verbs.update(v.lower() for v in data.get("speech_verbs", []))
    kb.event_nouns.update(normalise(w) for w in data.get("event_nouns", []))
    kb.diaspora_peoples.update(normalise(w) for w in data.get("diaspora_peoples", []))
    kb.family_name_first.update(data.get("family_name_first", []))
    kb.pronouns.update(data.get("pronouns", {}))
    kb.country_anaphora.update(normalise(a) for a in data.get("country_anaphora", []))


def _load_peoples(kb: KB, data: dict) -> None:
    """Ethnic and religious peoples with one home state: a group of that state's civilians ('Yoruba leaders' ->
    NGA, CVL); a people of several states (country null) is a group with no country, which only a place the
    text gives it codes ('Kurds in Diyarbakir', 'Iraqi Kurds'), so nothing is guessed."""
    for p in data.get("peoples", []):
        for surface in p["names"]:
            kb.add(surface, _entry(surface, source="people", name=p["names"][0], country=p.get("country"),
                                   sectors=("CVL",), kind="group"))


_LOADERS = (_load_countries, _load_igos, _load_orgs, _load_people, _load_sectors, _load_peoples)


def _read(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _extra_paths(extra: Iterable[str | os.PathLike[str]] | None) -> tuple[str, ...]:
    paths = [str(p) for p in (extra or [])]
    paths += [p for p in os.environ.get(ENV_EXTRA, "").split(os.pathsep) if p]
    return tuple(paths)


def load_kb(extra: Iterable[str | os.PathLike[str]] | None = None) -> KB:
    """The packaged KB plus the user's files (``extra`` and $DATELINE_KB_EXTRA), built once per file set.

    A user file may hold any of the keys countries, igos, orgs, people, peoples, codes/nouns/titles in the packaged
    layout.
    """
    return _build(_extra_paths(extra))


@functools.lru_cache(maxsize=8)
def _build(extra: tuple[str, ...]) -> KB:
    from . import cache

    return cache.cached("kb", lambda: _build_kb(extra), [Path(p) for p in extra])


def _build_kb(extra: tuple[str, ...]) -> KB:
    kb = KB()
    datasets = [_read(KB_DIR / name) for name in KB_FILES] + [_read(Path(p)) for p in extra]
    for data in datasets:
        for loader in _LOADERS:
            loader(kb, data)
    kb.max_tokens = max(8, *(len(k.split()) + 4 for k in kb.phrases))
    return kb


def reset_cache() -> None:
    _build.cache_clear()




@functools.lru_cache(maxsize=1)
def _successions() -> dict[str, tuple[str, str]]:
    data = json.loads((KB_DIR / "successions.json").read_text(encoding="utf-8"))
    return {s["state"]: (s["from"], s["since"]) for s in data["successions"]}


def state_on(country: str | None, date: str | None) -> str | None:
    """The state a country code's land belonged to on ``date`` (YYYY-MM-DD...): Juba was Sudan's before South
    Sudan's independence (kb/successions.json). Codes without a listed split, or no date, are kept."""
    if not country or not date:
        return country
    split = _successions().get(country)
    return split[0] if split is not None and date[:10] < split[1] else country


def date_states(out: EventDocument, published: str | None) -> None:
    """Recode states that split from another later than the story (`state_on`) in every place, actor, event party
    and event location of one document, once, so every stage's codes agree."""
    if not published:
        return
    things = [*out.places, *out.actors] + [a for e in out.events for a in (*e.actors, *e.recipients)]
    things += [e.location for e in out.events if e.location is not None]
    for thing in things:
        dated = state_on(thing.country, published)
        if dated != thing.country:
            thing.country = dated


__all__ = ["KB", "Entry", "Person", "Term", "load_kb", "normalise", "first_word", "role_key", "reset_cache", "ENV_EXTRA",
           "state_on", "date_states"]
