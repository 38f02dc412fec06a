"""Stage: find actor mentions and code them (country, sector, organisation), with simple coreference.

How it works, in passes over the spaCy doc (each pass is linear in tokens; KB lookups are dict hits):

1. Gazetteer: at each token whose first word starts some KB surface form, try spans longest-first
   (bounded by the longest form) and keep the first the KB knows and the context allows: case rules
   (acronyms exact), named-entity type (no "Mexico" inside "New Mexico", no capital inside a person's
   name), a geocoded place in another country (Georgia the US state). Results are *units*.
2. Persons: KB names and spaCy PERSON entities (proper nouns only), widened leftwards over titles and
   country/organisation modifiers ("Russia's Defence Minister Sergei Shoigu"), coded from an appositive
   ("X, the Kazakh foreign minister,") or a US party-state tag ("D-Ohio"). KB people take the office held
   on the publication date; the article's own title outranks the KB; out of office they keep the
   country with sector ELI. Honorifics and middle initials are dropped before KB/earlier-name lookups.
3. Later single names (whatever the tagger calls them) map to the last full mention with that name.
4. Titles with a country and no name ("the Russian president", "foreign minister of Iran") become the
   office holder on the date; "the president" with no country uses the article's main country (named
   at least twice before) when the KB knows exactly one holder.
5. Sector nouns ("troops", "security agencies") take country/organisation from modifiers in their noun
   phrase ("Kazakhstan's", "CSTO", "Moscow-led") or an "of/from X" right after. Weak nouns ("forces",
   "officials") need such a modifier; event nouns ("protests") are never actors here.
6. Remaining countries, capitals, seats, IGOs and named bodies become actors, except places (object of
   in/at/across..., "the heart of X", capital datelines) and modifiers of ordinary nouns ("U.S. soil").
   Unknown ORG entities are kept when they say what they are ("... Party") or carry a KB word.
7. Pronouns (he/him/his/she/her, never inside quotation marks), in order of preference: the subject of
   the pronoun's own clause (for object/possessive pronouns) or of the verb reporting its clause ("X said
   that he..."); the latest person earlier in the same sentence; the latest person who was a subject in
   the previous three sentences; the only person in that window. KB gender is respected. "The country"
   is the most-mentioned country within the last three sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .kb import HEAD_ROLES, KB, Entry, Person, first_word, load_kb, normalise, role_key
from .models import Actor, Document, Place
from .nlp import ents_of, text_of

MODIFIER_SOURCES = {"country", "demonym", "capital", "seat", "region", "igo", "org", "person", "people"}
# sectors of a service noun that may stand between a country and a title: "Kenyan police spokesman X"
SERVICE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
COUNTRY_SOURCES = {"country", "demonym", "capital", "seat"}
LOCATIVE = {"in", "at", "across", "throughout", "inside", "within", "around", "near", "outside", "over", "into"}
PERSON_PREFIXES = {"former", "deputy", "acting", "outgoing", "then", "new", "interim", "senior", "top", "chief",
                   "vice", "ex", "-", "late", "incoming", "first", "current", "junior", "assistant"}
AREA_NOUNS = {"heart", "center", "centre", "outskirts", "street", "streets", "north", "south", "east", "west",
              "part", "parts", "city", "capital", "region", "province", "border", "borders", "area", "areas",
              "rest", "coast", "suburb", "suburbs", "downtown", "territory", "soil", "corner", "corners"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
STANCE_PREFIXES = {"anti", "pro"}
# '-led' keeps the flag (a Saudi-led coalition is led by Saudi Arabia); these name a patron, not the actor.
PATRON_SUFFIXES = {"backed", "funded", "sponsored", "supported", "armed", "trained", "allied", "aligned", "friendly"}
BLOCKING_ENTS = {"PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
# Links that make a lower-case body name part of something else: 'party congress', 'state senate', 'senate race'
BARE_LOWER_BLOCKS = {"compound", "amod", "nummod", "poss", "nmod", "npadvmod"}
QUANTIFIERS = {"hundreds", "thousands", "dozens", "tens", "scores", "millions", "some", "many", "others", "several",
               "most", "few", "all", "both", "crowds"}
US_PARTY_STATE = re.compile(r"\s*[,(]\s*(?:D|R|I)-[A-Z][A-Za-z.]*")
ORG_HEADS = {"party", "committee", "council", "ministry", "agency", "department", "association", "union", "court",
             "bank", "army", "group", "front", "movement", "commission", "institute", "foundation", "university",
             "authority", "office", "board", "service", "services", "forces", "guard", "corps", "police", "network",
             "organization", "organisation", "federation", "alliance", "coalition", "congress", "parliament",
             "assembly", "senate", "campaign", "caucus", "times", "post", "news", "press", "journal", "tribune",
             "brigade", "brigades", "battalion", "militia", "center", "centre", "fund", "bureau", "administration"}
# Nouns that stand for the body a name before them names ('the Hamas movement', 'a Taliban faction').
BODY_HEADS = frozenset({"movement", "group", "faction", "organisation", "organization", "network", "wing", "alliance",
                        "coalition", "front", "outfit", "leadership"})
NOT_PERSON_HEADS = {"awards", "award", "act", "day", "prize", "sam", "street", "avenue", "square", "county"}
# Words naming the kind of a place after its name: 'the Kirov region', 'Kandahar province'.
PLACE_KIND_WORDS = frozenset({"region", "province", "state", "district", "county", "oblast", "prefecture", "city",
                              "municipality", "governorate", "department"})
STAFF_TITLES = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "official", "secretary",
                "director", "manager", "staff", "strategist", "chairman", "chairwoman", "counsel"}
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "officers", "chief", "chiefs", "members",
                 "spokesman", "spokeswoman", "spokesperson", "commanders", "representatives", "authorities"}
GENERIC_TITLES = {"counterpart", "leader", "official", "aide", "adviser", "advisor"}
CoreferenceWindow = 3  # sentences a pronoun or "the country" may look back


@dataclass
class _Unit:
    start: int  # token indices, end exclusive
    end: int
    entries: list[Entry]

    def first(self, sources: set[str]) -> Entry | None:
        return next((e for e in self.entries if e.source in sources), None)

    @property
    def source(self) -> str:
        return self.entries[0].source


def _place_conflict(entry: Entry, start: int, end: int, places: dict[int, Place]) -> bool:
    """A geocoder reading of the same words in another country wins (Georgia the US state).

    ``places`` is keyed by every character offset a place covers, so the check is a few dict hits."""
    for char in (start, end - 1):
        p = places.get(char)
        if p is not None and p.country and entry.country and p.country != entry.country:
            return True
    return False


def _ent_blocks(sdoc: Doc, i: int, j: int, labels: set[str]) -> bool:
    """True when tokens i..j sit inside a longer entity of one of ``labels`` (a part of a bigger name)."""
    tok = sdoc[i]
    if tok.ent_type_ not in labels:
        return False
    ent_start = i
    while ent_start > 0 and sdoc[ent_start].ent_iob_ == "I":
        ent_start -= 1
    ent_end = j
    while ent_end < len(sdoc) and sdoc[ent_end].ent_iob_ == "I" and sdoc[ent_end].lower_ not in POSSESSIVE:
        ent_end += 1
    return ent_start < i or ent_end > j


def after_stance_prefix(tok: Token, patrons: bool = True) -> bool:
    """'anti-Syria', 'pro-Iranian': the country word after 'anti-'/'pro-' names a stance, not whose the actor is;
    nor does one before '-backed' ('Saudi-backed militias' are not Saudi: their patron is) unless `patrons` is
    False (the patron itself asked for: 'rejected the Saudi-backed plan')."""
    doc = tok.doc
    if patrons and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in PATRON_SUFFIXES:
        return True
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCE_PREFIXES


def _former_head(person: Person, date: str | None, kb: KB) -> bool:
    """'Obama said' in 2019: a lone name of someone who led a state before the date is that person, when every
    KB person of that family name is of the same state (Michelle Obama is American too: the country is sure)."""
    if not date:
        return False
    heads = [t for t in person.terms if role_key(t.role) in HEAD_ROLES and t.end is not None and t.end <= date]
    if not heads:
        return False
    country = heads[-1].country
    namesakes = kb.surnames.get(normalise(person.name).split()[-1], [])
    return all(t.country in (country, None) for p in namesakes for t in p.terms)  # (an IGO post has no state)


def _fits(entry: Entry, sdoc: Doc, i: int, j: int, places: dict[int, Place], date: str | None, kb: KB) -> bool:
    tok = sdoc[i]
    if entry.source == "person":
        if j - i > 1 or len(normalise(entry.surface).split()) > 1:
            return not _ent_blocks(sdoc, i, j, {"PERSON"})
        # A lone surname from the KB: only for someone in office on the date, unambiguous, tagged as a name.
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "") or _ent_blocks(sdoc, i, j, {"PERSON", "ORG"}):
            return False
        assert entry.person is not None
        _term, current = entry.person.term_at(date)
        rivals = [e.person for e in kb.phrases.get(normalise(entry.surface), ()) if e.source == "person"
                  and e.person is not entry.person and e.person is not None and e.person.term_at(date)[1]]
        if rivals:
            return False
        # Out of office, a lone name still counts after an honorific or title ("Mr. Obama" in 2018), and for a
        # former head of state or government whose namesakes in the KB are all of the same state.
        prev = sdoc[i - 1].lower_ if i > 0 else ""
        return current or prev in HONORIFICS or _former_head(entry.person, date, kb) or bool(
            kb.lookup(sdoc[i - 1].text) if i > 0 else False) and any(
            e.source == "title" for e in kb.lookup(sdoc[i - 1].text))
    if entry.source in ("noun", "title"):
        return True
    if entry.bare_lower and (j - i > 1 or tok.dep_ in BARE_LOWER_BLOCKS or any(
            c.dep_ in BARE_LOWER_BLOCKS for c in tok.children)):
        # 'congress' alone names the body; 'the party congress', 'state senate', 'the senate floor' do not
        return False
    if _ent_blocks(sdoc, i, j, BLOCKING_ENTS):
        return False
    if entry.source in ("igo", "org") and _ent_blocks(sdoc, i, j, {"ORG"}) and sdoc[i - 1].lower_ != "the":
        return False  # "Security Council" inside "the National Security Council"
    if entry.source in ("country", "demonym", "capital"):
        if after_stance_prefix(tok):
            return False  # "an anti-Syria journalist", "pro-Iranian militias": a stance, not a nationality
        if _ent_blocks(sdoc, i, j, {"GPE", "LOC", "NORP", "ORG"}) and tok.ent_type_ != "ORG":
            return False  # "Mexico" inside "New Mexico"
        if entry.ambiguous and tok.ent_type_ not in ("GPE", "NORP", "LOC"):
            return False
        if entry.source == "capital" and tok.ent_type_ in ("PERSON", "ORG"):
            return False
        if _place_conflict(entry, tok.idx, sdoc[j - 1].idx + len(sdoc[j - 1]), places):
            return False
    return True


def _gazetteer(sdoc: Doc, kb: KB, place_list: list[Place], date: str | None) -> list[_Unit]:
    text = text_of(sdoc)
    places = {c: p for p in place_list for c in range(p.start, p.end)}
    units: list[_Unit] = []
    n = len(sdoc)
    # Offsets from arrays: this scan looks at every token, and a Token object per look costs more than the test.
    starts = sdoc.to_array(IDX).tolist()
    ends = [s + length for s, length in zip(starts, sdoc.to_array(LENGTH).tolist(), strict=True)]
    firsts: dict[str, str] = {}
    prefixes = kb.key_prefixes
    i = 0
    while i < n:
        word = text[starts[i]:ends[i]]
        first = firsts.get(word)
        if first is None:
            first = firsts[word] = first_word(word) if not word.isspace() else "\0"  # no key opens with a space
        if first not in kb.first_words:
            i += 1
            continue
        found = None
        # Spans whose key is a phrase, shortest first, up to the first whose key no phrase starts with.
        keyed = []
        for j in range(i + 1, min(n, i + kb.max_tokens, i + kb.span_tokens.get(first, kb.max_tokens)) + 1):
            key = normalise(text[starts[i]: ends[j - 1]])
            if key not in prefixes:
                break
            if key in kb.phrases:
                keyed.append(j)
        for j in reversed(keyed):  # the longest that fits wins
            entries = kb.lookup(text[starts[i]: ends[j - 1]])
            entries = [e for e in entries if _fits(e, sdoc, i, j, places, date, kb)]
            if entries:
                found = _Unit(i, j, entries)
                break
        if found:
            units.append(found)
            i = found.end
        else:
            i += 1
    return units


@dataclass
class _Coding:
    country: str | None = None
    org: str | None = None
    sectors: tuple[str, ...] = ()
    via_person: bool = False
    label: str | None = None  # a named body's own name ("Republican Party"), for labelling what it modifies


def _coding_of(unit: _Unit, date: str | None) -> _Coding:
    entry = unit.first(MODIFIER_SOURCES)
    if entry is None:
        return _Coding()
    if entry.source == "person" and entry.person is not None:
        term, _current = entry.person.term_at(date)
        return _Coding(country=term.country if term else None, org=term.org if term else None, via_person=True)
    sectors = ("GOV",) if entry.source in ("capital", "seat") else () if entry.source == "region" else entry.sectors
    return _Coding(country=entry.country, org=entry.org, sectors=sectors,
                   label=entry.name if entry.source in ("org", "people") else None)


def _merge(codings: list[_Coding]) -> _Coding:
    """Nearest modifier wins for each field (codings are ordered nearest first), except that a country word
    outranks the country of a named body: 'Serbian Labour Minister' is Serbia's, whoever else has a Labour party."""
    out = _Coding()
    for c in codings:
        out.country = out.country or c.country
        out.org = out.org or c.org
        out.sectors = out.sectors or c.sectors
        out.label = out.label or c.label
    said = next((c.country for c in codings if c.country and c.label is None and not c.via_person and not c.org), None)
    if said and any(c.label is not None and c.country and c.country != said for c in codings):
        out.country = said
    return out


# Compass words between 'of' and a place: 'the Albanians of southern Serbia'.
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "northeastern", "northwestern", "southeastern", "southwestern"})
GLUED = re.compile(r"[a-z]{3,}[A-Z]")
NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "miss"}


def _bare_name(name: str) -> str:
    """A name without honorifics and middle initials, the form the KB and earlier mentions use."""
    words = [w for w in name.split() if w.lower() not in HONORIFICS]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)] + [words[-1]]
    return " ".join(words) or name


def _uniq(items: list[str | None]) -> list[str]:
    return list(dict.fromkeys(s for s in items if s))


class _Finder:
    def __init__(self, sdoc: Doc, document: Document, places: list[Place], kb: KB) -> None:
        self.sdoc = sdoc
        self.text = text_of(sdoc)
        self.date = (document.published or "")[:10] or None
        self.kb = kb
        self.places = places
        self.units = _gazetteer(sdoc, kb, places, self.date)
        self.unit_at: dict[int, _Unit] = {}
        for u in self.units:
            for t in range(u.start, u.end):
                self.unit_at[t] = u
        self.consumed: set[int] = set()
        self.actors: list[tuple[int, int, Actor]] = []  # token start, token end, actor
        self.actor_at_token: dict[int, Actor] = {}
        self._country_prefix: list[tuple[int, str | None]] | None = None
        self.seen: dict[str, Actor] = {}
        self.seen_at: dict[str, list[tuple[int, Actor]]] = {}

    # -- helpers -----------------------------------------------------------------------------------
    def _actor(self, i: int, j: int, **kw: object) -> Actor:
        while j - 1 > i and self.sdoc[j - 1].is_space:  # entities can end in a line break
            j -= 1
        start = self.sdoc[i].idx
        last = self.sdoc[j - 1]
        end = last.idx + len(last)
        actor = Actor(text=self.text[start:end], start=start, end=end, **kw)  # type: ignore[arg-type]
        self.actors.append((i, j, actor))
        self.consumed.update(range(i, j))
        for t in range(i, j):
            self.actor_at_token.setdefault(t, actor)
        return actor

    def _left_context(self, i: int, allow_titles: bool) -> tuple[int, list[_Unit], list[_Unit], bool]:
        """Walk left from token i over titles, country/organisation modifiers, possessives and prefixes.

        Returns the new start, modifier units (nearest first), title units (nearest first), and 'former'.
        """
        start = i
        mods: list[_Unit] = []
        titles: list[_Unit] = []
        former = False
        k = i - 1
        while k >= 0:
            tok = self.sdoc[k]
            unit = self.unit_at.get(k)
            if k in self.consumed:
                break
            if unit is not None and unit.first(MODIFIER_SOURCES) and unit.source != "person":
                if unit.first({"org"}) and unit.first({"org"}).not_actor:  # type: ignore[union-attr]
                    break
                mods.append(unit)
                k = unit.start - 1
                start = unit.start
                continue
            if unit is not None and allow_titles and unit.first({"title"}):
                titles.append(unit)
                k = unit.start - 1
                start = unit.start
                continue
            if unit is not None and allow_titles and titles and tok.dep_ in ("compound", "amod", "nmod") \
                    and SERVICE_SECTORS & set(getattr(unit.first({"noun"}), "sectors", ())):
                # "Kenya police spokesman X", "Egyptian army spokesman X": the service is part of the title,
                # so the walk goes on to the country before it
                titles.append(unit)
                k = unit.start - 1
                start = unit.start
                continue
            low = tok.lower_
            if low in POSSESSIVE or low in PERSON_PREFIXES:
                if low in ("former", "ex", "late"):
                    former = True
                k -= 1
                continue
            break
        # Trailing prefixes/possessives before any unit are not part of the mention.
        return start, mods, titles, former

    def _appositive(self, j: int) -> tuple[list[_Unit], list[_Unit], bool]:
        """After a name: ', [the] [Russian|Russia's] defence minister[ of Russia],' -> modifiers, titles, end."""
        sdoc = self.sdoc
        if j >= len(sdoc) or sdoc[j].text not in (",", "(", "\u2013", "-"):
            return [], [], False
        k = j + 1
        former = False
        mods: list[_Unit] = []
        titles: list[_Unit] = []
        limit = min(len(sdoc), j + 12)
        while k < limit:
            tok = sdoc[k]
            unit = self.unit_at.get(k)
            if unit is not None and unit.first({"title"}):
                titles.append(unit)
                k = unit.end
                continue
            if unit is not None and unit.first(MODIFIER_SOURCES) and unit.source != "person":
                mods.append(unit)
                k = unit.end
                continue
            if tok.lower_ in ("the", "a", "an", "of") or tok.lower_ in POSSESSIVE or tok.lower_ in PERSON_PREFIXES:
                former = former or tok.lower_ in ("former", "ex", "late")
                k += 1
                continue
            break
        if not titles:
            return [], [], False
        nxt = sdoc[k] if k < len(sdoc) else None
        if nxt is not None and (nxt.ent_type_ == "PERSON" or (k in self.unit_at and self.unit_at[k].first({"person"}))):
            return [], [], False  # the title opens the next name ("Putin, Defence Minister Sergei Shoigu")
        return mods, titles, former

    def _title_apposed(self, i: int, j: int) -> int | None:
        """'the interior minister, Ali Mohammed, said', 'Norway's envoy to the talks, Lars Berg,': a name after a
        comma that the parse hangs on an earlier title as its apposition, the words between being the title's
        own phrase. Returns the token end of the title; None for a list ('the president, X and Y' names two)."""
        sdoc = self.sdoc
        if i < 2 or sdoc[i - 1].text != ",":
            return None
        for tok in sdoc[i:j]:
            head = tok.head
            if tok.dep_ != "appos" or head.i >= i - 1 or i - head.i > 12 or any(
                    c.dep_ in ("cc", "conj") for c in tok.children):
                continue
            unit = self.unit_at.get(head.i)
            if unit is None or unit.end != head.i + 1 or not unit.first({"title"}) or head.i in self.consumed:
                continue
            if all(k in self.sdoc[head.i].subtree for k in sdoc[unit.end:i - 1]):
                return unit.end
        return None

    def _placed_title(self, i: int) -> tuple[_Unit, str] | None:
        """'the deputy governor of the Kirov region, Ivan Petrov': a title held in a named place, set before the
        name as an apposition, makes its holder an official of the place's state."""
        sdoc = self.sdoc
        k = i - 1
        if k < 3 or sdoc[k].text != ",":
            return None
        k -= 1
        while k > 0 and sdoc[k].lower_ in PLACE_KIND_WORDS:
            k -= 1
        place = next((p for p in self.places if p.country and p.start <= sdoc[k].idx < p.end), None)
        if place is None:
            return None
        while k > 0 and place.start <= sdoc[k].idx < place.end:
            k -= 1
        if sdoc[k].lower_ == "the":
            k -= 1
        if k < 1 or sdoc[k].lower_ != "of":
            return None
        unit = self.unit_at.get(k - 1)
        if unit is None or unit.end != k or not unit.first({"title"}) or (k - 1) in self.consumed:
            return None
        return unit, place.country

    # -- passes ------------------------------------------------------------------------------------
    def persons(self) -> None:
        sdoc = self.sdoc
        spans: list[tuple[int, int, Entry | None]] = []
        for u in self.units:
            entry = u.first({"person"})
            if entry is not None:
                spans.append((u.start, u.end, entry))
        covered = {t for s, e, _ in spans for t in range(s, e)}
        other = {t for u in self.units if u.first(MODIFIER_SOURCES - {"person"}) for t in range(u.start, u.end)}
        for ent in ents_of(sdoc):
            if ent.label_ != "PERSON" or any(t in covered or t in other for t in range(ent.start, ent.end)):
                continue
            end = ent.end
            while end > ent.start and sdoc[end - 1].lower_ in POSSESSIVE:
                end -= 1
            # The small model calls some capitalised phrases PERSON ("Caucus turnout"): names are proper nouns.
            words = sdoc[ent.start:end]
            if any(GLUED.search(t.text) for t in words):
                continue  # "Donald John TrumpTrump": link text glued to the next word on a scraped page
            if end > ent.start and all(t.pos_ == "PROPN" or t.is_punct for t in words):
                spans.append((ent.start, end, None))
        spans.sort(key=lambda s: s[0])
        seen = self.seen  # normalised name tokens -> latest full actor, for later surnames
        for i, j, entry in spans:
            if any(t in self.consumed for t in range(i, j)):
                continue
            name_text = self.text[sdoc[i].idx: sdoc[j - 1].idx + len(sdoc[j - 1])]
            if entry is None:
                bare = _bare_name(name_text)  # "Mrs May" -> "May", "James B. Comey" -> "James Comey"
                known = [e for e in self.kb.lookup(bare) if e.source == "person"] if " " in bare else []
                entry = known[0] if len(known) == 1 else self._short_given_name(bare) if not known else None
                prior = seen.get(normalise(bare)) or seen.get(normalise(name_text))
            else:
                prior = seen.get(normalise(name_text))
                if prior is not None and entry.person is not None and prior.name != entry.person.name \
                        and self._kb_reading_wins(i, prior, entry.person):
                    prior = None
            if prior is not None and entry is None or (prior is not None and len(name_text.split()) == 1):
                self._actor(i, j, name=prior.name, country=prior.country, sector=prior.sector,
                            sectors=list(prior.sectors), org=prior.org, kind="person", role=prior.role)
                continue
            start, mods, titles, former = self._left_context(i, allow_titles=True)
            apposed = self._title_apposed(i, j) if not titles and not mods else None
            if apposed is not None:
                # 'Ghana's foreign minister, Jane Doe,': the title set before the name as an apposition codes it;
                # the mention takes in the title only when nothing stands between them (else the title keeps
                # its own mention, which the argument's head finds)
                t_start, mods, titles, former = self._left_context(apposed, allow_titles=True)
                start = t_start if apposed == i - 1 else i
            a_mods, a_titles, a_former = self._appositive(j)
            held = self._of_modifier(j) if titles and not mods and not a_mods else None
            if held is not None and held.first({"country", "igo"}):
                a_mods = [held]  # 'Prime Minister X of Japan', 'President Y of Tanzania': the office's state
            former = former or (a_former and not titles)
            if not titles and not mods:
                start = i
            placed = None if titles or mods or a_titles or a_mods else self._placed_title(i)
            if entry is None and not titles and not mods and not a_titles and not placed:
                # A bare unknown name with nothing to code it by: one word is too often a tagger slip
                # ("Instagram"); a name ending in an organisation word is not a person ("Tony Awards").
                if j - i == 1 or sdoc[j - 1].lower_ in ORG_HEADS | NOT_PERSON_HEADS:
                    continue
            coding = _merge([self._unit_coding(u) for u in mods + a_mods])
            if coding.country is None and US_PARTY_STATE.match(self.text, sdoc[j - 1].idx + len(sdoc[j - 1])):
                coding.country = "USA"  # "Rep. Jane Roe (D-Ohio)" / ", R-Texas,"
            if placed is not None and coding.country is None:
                coding.country = placed[1]  # 'the mayor of Mombasa, Ali Hassan': a Kenyan official
            local = self._of_local_place(a_titles[-1].end) if a_titles and coding.country is None else None
            if local is not None:
                coding.country = local[1]  # 'Ali Hassan, the mayor of Mombasa,': the same, set after the name
                self.consumed.update(range(a_titles[-1].end, local[0]))
            title_units = titles[::-1] or a_titles or ([placed[0]] if placed else [])
            title_sectors = _uniq([s for u in title_units for e in u.entries if e.source == "title" for s in e.sectors])
            service = [s for u in title_units for e in u.entries if e.source == "noun" for s in e.sectors
                       if s in SERVICE_SECTORS]
            title_sectors = _uniq(service + title_sectors)  # "army spokesman": a military officer
            staff = all(normalise(e.name).split()[-1] in STAFF_TITLES for u in title_units for e in u.entries
                        if e.source == "title")
            if title_units and staff and not (coding.country or coding.org or coding.sectors):
                title_sectors = []  # "Crossroads spokesman": a spokesman of whom is unknown, so no sector
            if titles and not mods and start > 0 and sdoc[start - 1].ent_type_ == "ORG" and (start - 1) not in self.unit_at:
                title_sectors = []  # "NEA President X": the title belongs to a body the KB does not know
            if not title_sectors and entry is None and coding.sectors and not coding.country:
                title_sectors = list(coding.sectors)  # "Democrat Bruce King" -> PTY
            role_words = self._role_text(mods, titles) if titles else (
                self._role_text(a_mods, a_titles[::-1]) if a_titles else None)
            kw = self._code_person(entry, name_text, coding, title_sectors, role_words, former)
            actor = self._actor(start, j, **kw)
            self.consumed.update(t for u in a_titles + a_mods for t in range(u.start, u.end))
            if placed is not None:  # 'the mayor of Mombasa, Ali Hassan': the title is this person's, no other mention
                self.consumed.update(range(placed[0].start, placed[0].end))
            for key in self._name_keys(actor.name, name_text, actor.country in self.kb.family_name_first):
                seen[key] = actor
                self.seen_at.setdefault(key, []).append((i, actor))

    def _short_given_name(self, bare: str) -> Entry | None:
        """'Steve Mnuchin' for the KB's 'Steven Mnuchin', 'Chris Van Hollen' for 'Christopher Van Hollen': a
        given name that is the start of a KB person's given name (or the reverse), same family name, in office
        on the date, and the only such person."""
        words = normalise(bare).split()
        if len(words) != 2 or len(words[0]) < 3:
            return None
        found = []
        for person in self.kb.surnames.get(words[1], ()):
            given = normalise(person.name).split()[0]
            if given != words[0] and (given.startswith(words[0]) or words[0].startswith(given)) \
                    and person.term_at(self.date)[1]:
                found.append(person)
        if len(found) != 1:
            return None
        return next((e for e in self.kb.lookup(found[0].name) if e.source == "person"), None)

    def _kb_reading_wins(self, i: int, prior: Actor, person: Person) -> bool:
        """A lone name after a namesake's full mention ("Jeh Johnson" ... "Johnson") is the namesake, unless
        an honorific contradicts the namesake's gender ("Melania Trump" ... "Mr. Trump") or the KB person
        was named in full more recently."""
        honorific = self.sdoc[i - 1].lower_.rstrip(".") if i > 0 else ""
        known = self.kb.people.get(prior.name)
        if known is not None and known.gender and honorific in ("mr", "mrs", "ms", "miss"):
            if (honorific == "mr") != (known.gender == "m"):
                return True
        mentions = self.seen_at.get(normalise(person.name), [])
        prior_at = max((start for start, a in self.seen_at.get(normalise(prior.name), []) if start < i), default=-1)
        return any(prior_at < start < i for start, _a in mentions)

    def surnames(self) -> None:
        """Later single names the tagger did not call PERSON ("Qureshi said" tagged ORG) -> earlier full name."""
        for tok in self.sdoc:
            if tok.i in self.consumed or tok.pos_ != "PROPN" or tok.lower_ in NAME_SUFFIXES:
                continue
            unit = self.unit_at.get(tok.i)
            if unit is not None and not unit.first({"person"}):
                continue  # a KB country, organisation or title, whatever the tagger says
            prior = next((a for start, a in reversed(self.seen_at.get(normalise(tok.text), [])) if start < tok.i), None)
            if prior is not None:
                first = tok.i - 1 if tok.i > 0 and self.sdoc[tok.i - 1].lower_ in HONORIFICS \
                    and tok.i - 1 not in self.consumed else tok.i
                self._actor(first, tok.i + 1, name=prior.name, country=prior.country, sector=prior.sector,
                            sectors=list(prior.sectors), org=prior.org, kind="person", role=prior.role)

    def _role_text(self, mods: list[_Unit], titles: list[_Unit]) -> str:
        """Role as written: seat modifiers belong to it ("White House press secretary"), countries do not."""
        parts = [u for u in mods if u.first({"seat", "igo"}) or (u.first({"org"}) and "PTY" not in u.first({"org"}).sectors)] + titles  # type: ignore[union-attr]
        parts.sort(key=lambda u: u.start)
        return " ".join(self.sdoc[u.start:u.end].text for u in parts)

    @staticmethod
    def _name_keys(name: str, text: str, family_first: bool = False) -> list[str]:
        keys = {normalise(text), normalise(name)}
        words = [w for w in normalise(name).split() if w not in NAME_SUFFIXES]
        if len(words) > 1:
            keys.add(words[-1])
            keys.add(" ".join(words[1:]))
            if family_first:
                keys.add(words[0])  # 'Kim Jong Un' ... 'Kim': the family name comes first
        return sorted(keys)

    def _code_person(self, entry: Entry | None, name_text: str, coding: _Coding, title_sectors: list[str],
                     role: str | None, former: bool) -> dict:
        country, org = coding.country, coding.org
        if role and normalise(role).split()[-1] in GENERIC_TITLES:
            role = None  # "his Kazakh counterpart X": the KB office says more
        sectors: list[str] = []
        name = name_text
        if entry is not None and entry.person is not None:
            name = entry.person.name
            term, current = entry.person.term_at(self.date)
            if term is not None:
                # (out of office, a last post with no state, an IGO envoy's, leaves the state of the person's
                # latest office that had one; one holding such a post speaks for the body, not a state)
                country = country or term.country or (None if current else next(
                    (t.country for t in sorted(entry.person.terms, key=lambda t: t.start, reverse=True)
                     if t.country and (not self.date or t.start <= self.date)), None))
                org = org or term.org
                if current and not former:
                    sectors = list(term.sectors)
                    role = role or term.role
                elif not title_sectors and self.date and term.end and term.end <= self.date:
                    sectors = ["ELI"]  # out of office; before a first office there is nothing to say
                if not current and not title_sectors and coding.sectors and not coding.country:
                    title_sectors = list(coding.sectors)  # "Democrat Gavin Newsom" before his KB office -> PTY
        else:
            while name.endswith(("'s", "\u2019s")):
                name = name[:-2]
        if former:
            sectors = ["ELI"] + sectors
            title_sectors = []
        # The article's own title for the person outranks the KB's idea of their office.
        sectors = _uniq(title_sectors + sectors) if title_sectors and "ELI" not in sectors else _uniq(
            sectors + title_sectors)
        if org and not country and "IGO" not in sectors and coding.org:
            sectors.append("IGO")
        return {"name": name, "country": country, "sector": sectors[0] if sectors else None, "sectors": sectors,
                "org": org, "kind": "person", "role": role}

    def titles_alone(self) -> None:
        for u in self.units:
            entry = u.first({"title"})
            if entry is None or u.start in self.consumed:
                continue
            head = self.sdoc[u.end - 1]
            if head.pos_ not in ("NOUN", "PROPN") or self._modifies_noun(head):
                continue  # "Israel's justice ministry": the title word is part of another noun
            start, mods, titles, former = self._left_context(u.start, allow_titles=False)
            right = self._of_modifier(u.end)
            mods = mods + ([right] if right else [])
            coding = _merge([self._unit_coding(m) for m in mods])
            local = self._of_local_place(u.end) if not coding.country and not coding.org else None
            if local is not None:
                # 'the governor of Lagos', 'the mayor of Lyon': an office of a city or province is its state's
                # (the national office holder is not looked up: the office is local)
                end, country = local
                sectors = _uniq((["ELI"] if former else []) + list(entry.sectors))
                label = self.kb.country_name(country) or country
                self._actor(start, end, name=f"{label} {entry.name} ({self.sdoc[u.end:end].text})", country=country,
                            sector=sectors[0] if sectors else None, sectors=sectors, kind="person",
                            role=self._role_text([], [u]))
                continue
            host = self._visit_host(u, head) if not coding.country and not coding.org and not former else None
            if host is not None:
                # 'X arrived in Kabul. She held talks with the president': the host state's leader
                holder = self.kb.holder(host, entry.name, self.date)
                if holder is not None:
                    person, term = holder
                    sectors = _uniq(list(term.sectors) + list(entry.sectors))
                    self._actor(u.start - 1, u.end, name=person.name, country=term.country, sector=sectors[0],
                                sectors=sectors, org=term.org, kind="person", role=term.role)
                else:
                    self._actor(u.start - 1, u.end, name=f"{self.kb.country_name(host) or host} {entry.name}",
                                country=host, sector=entry.sectors[0] if entry.sectors else None,
                                sectors=list(entry.sectors), kind="person", role=entry.name)
                continue
            if not coding.country and not coding.org:
                # "the president" with no country: the office holder of the article's main country, if the
                # KB knows exactly one and the country has been named at least twice before.
                main = self._main_country(u.start)
                prev = self.sdoc[u.start - 1] if u.start > 0 else None
                holder = self.kb.holder(main, entry.name, self.date) if main and prev is not None \
                    and prev.lower_ == "the" and not former else None
                if holder is not None:
                    person, term = holder
                    sectors = _uniq(list(term.sectors) + list(entry.sectors))
                    self._actor(u.start - 1, u.end, name=person.name, country=term.country, sector=sectors[0],
                                sectors=sectors, org=term.org, kind="person", role=term.role)
                continue
            end = right.end if right else u.end
            role = self._role_text(mods, [u])
            holder = self.kb.holder(coding.country, entry.name, self.date) if coding.country and not former else None
            if holder is not None:
                person, term = holder
                sectors = _uniq(list(term.sectors) + list(entry.sectors))
                self._actor(start, end, name=person.name, country=term.country, sector=sectors[0], sectors=sectors,
                            org=term.org, kind="person", role=role)
            else:
                sectors = _uniq((["ELI"] if former else []) + list(entry.sectors) + (["IGO"] if coding.org and not
                                                                                      coding.country else []))
                label = coding.org or coding.label or self.kb.country_name(coding.country) or ""
                self._actor(start, end, name=f"{label} {entry.name}".strip(), country=coding.country,
                            sector=sectors[0] if sectors else None, sectors=sectors, org=coding.org, kind="person",
                            role=role)

    def _unit_coding(self, u: _Unit) -> _Coding:
        """A unit's coding; a name that is both a country and a state of the article's main country
        ("Georgia" in an American story) codes as the state."""
        region = u.first({"region"})
        if region is not None and region.country == self._main_country(u.start):
            return _Coding(country=region.country)
        return _coding_of(u, self.date)

    def _main_country(self, before: int) -> str | None:
        """The country named most often (countries, demonyms, capitals, seats, national bodies, KB people)
        in the units before token ``before``; needs two mentions. Prefix counts are built once."""
        if self._country_prefix is None:
            counts: dict[str, int] = {}
            best: list[tuple[int, str | None]] = []
            top: str | None = None
            for u in self.units:
                c = _coding_of(u, self.date).country if u.first(MODIFIER_SOURCES) else None
                if c:
                    counts[c] = counts.get(c, 0) + 1
                    if top is None or counts[c] >= counts[top]:
                        top = c
                best.append((u.start, top if top and counts[top] >= 2 else None))
            self._country_prefix = best
        k = bisect.bisect_left(self._country_prefix, (before,)) - 1
        return self._country_prefix[k][1] if k >= 0 else None

    def _of_modifier(self, j: int) -> _Unit | None:
        """'of Russia' / 'from the CSTO' straight after a noun or title."""
        sdoc = self.sdoc
        if j < len(sdoc) and sdoc[j].lower_ in ("of", "from"):
            k = j + 1
            if k < len(sdoc) and sdoc[k].lower_ == "the" and k not in self.unit_at:
                k += 1
            unit = self.unit_at.get(k)
            if unit is not None and unit.start == k and unit.first(MODIFIER_SOURCES - {"demonym"}) \
                    and k not in self.consumed and not self._owns_relation(unit):
                return unit
        return None

    def _owns_relation(self, unit: _Unit) -> bool:
        return patron_side(self.sdoc[unit.end - 1])

    def _visit_host(self, u: _Unit, head: Token) -> str | None:
        """The host of a visit told just before a bare 'the president' whom the traveller meets: the country of the
        last place a visit verb (event_grammar host_visit_verbs) reaches, earlier in the sentence or in the one
        before. Only for a leader's title as an object ('met the president', 'talks with the premier'): as a
        subject, 'the president' may be the traveller."""
        from .events.grammar import load_grammar

        g = load_grammar()
        sdoc = self.sdoc
        if u.start < 1 or sdoc[u.start - 1].lower_ != "the" or head.dep_ not in ("dobj", "pobj") or (
                normalise(sdoc[u.start:u.end].text) not in g.leader_roles):
            return None
        sent = head.sent
        first = sdoc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        host = None
        for verb in sdoc[first:u.start]:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in g.host_visit_verbs:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"] + [
                g_ for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "at")
                for g_ in c.children if g_.dep_ == "pobj"]
            for obj in objs:
                place = next((p for p in self.places if p.country and p.start <= obj.idx < p.end), None)
                if place is not None:
                    host = place.country
        return host

    def _of_local_place(self, j: int) -> tuple[int, str] | None:
        """'of [the] Lagos [state]' straight after a title: the token end and country of a place below the state
        (countries are KB units, read by `_of_modifier`)."""
        sdoc = self.sdoc
        if j >= len(sdoc) - 1 or sdoc[j].lower_ != "of":
            return None
        k = j + 1 + int(sdoc[j + 1].lower_ == "the")
        if k >= len(sdoc) or k in self.consumed or k in self.unit_at:
            return None
        place = next((p for p in self.places if p.country and p.kind not in ("country", None)
                      and p.start == sdoc[k].idx), None)
        if place is None:
            return None
        end = k
        while end < len(sdoc) and sdoc[end].idx < place.end:
            end += 1
        if end < len(sdoc) and sdoc[end].lower_ in PLACE_KIND_WORDS:
            end += 1
        return end, place.country

    def sector_nouns(self) -> None:
        sdoc = self.sdoc
        for u in self.units:
            entry = u.first({"noun"})
            if entry is None or u.start in self.consumed or normalise(entry.name) in self.kb.event_nouns:
                continue
            head = sdoc[u.end - 1]
            if head.pos_ not in ("NOUN", "PROPN") and not (head.pos_ == "ADJ" and head.dep_ in ("nsubj", "nsubjpass")):
                continue
            if sdoc[u.start].is_title and _ent_blocks(sdoc, u.start, u.end, {"ORG", "FAC", "WORK_OF_ART", "LAW"}):
                continue  # "Government" in "Oversight and Government Reform Committee"
            if (head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN")
                    and head.head.lemma_.lower() not in BODY_HEADS):
                continue  # "police vehicles", "military equipment": a modifier, not an actor ("a rebel group" is one)
            left = min(head.left_edge.i, u.start)
            mods: list[_Unit] = []
            for k in range(u.start - 1, left - 1, -1):
                m = self.unit_at.get(k)
                if m is not None and m.start >= left and m not in mods and m.first(MODIFIER_SOURCES) \
                        and k not in self.consumed and not patron_side(sdoc[m.end - 1]):
                    mods.append(m)
            person_mods = [self._person_actor_at(k) for k in range(left, u.start)]
            right = self._of_modifier(u.end)
            if right is not None:
                mods.append(right)
            codings = [self._unit_coding(m) for m in mods]
            codings += [_Coding(country=a.country, org=a.org) for a in person_mods if a is not None]
            coding = _merge(codings)
            # 'the opposition party', 'a rebel group': a sector noun before a weak head says what the body is
            noun_mods = [m.first({"noun"}) for c in head.children if c.dep_ in ("compound", "amod") and c.i < u.start
                         for m in [self.unit_at.get(c.i)] if m is not None and m.first({"noun"}) is not None]
            weak = normalise(entry.name) in self.kb.weak_nouns
            names_a_body = head.dep_ == "compound" and head.head.lemma_.lower() in BODY_HEADS  # 'a rebel group'
            if weak and not (coding.country or coding.org or noun_mods or names_a_body):
                continue
            start = min([m.start for m in mods if m is not right] + [u.start])
            end = right.end if right is not None else u.end
            sectors = _uniq(list(entry.sectors) + [s for s in coding.sectors if s != "GOV" or entry.sectors == ("GOV",)])
            if weak and noun_mods:
                sectors = _uniq([s for m in noun_mods for s in m.sectors] + sectors)  # type: ignore[union-attr]
                start = min([start] + [c.i for c in head.children if c.dep_ in ("compound", "amod") and c.i < u.start
                                       and c.i in self.unit_at])
            if coding.org and not coding.country and "IGO" not in sectors and coding.org in self.kb.igos:
                sectors.append("IGO")
            if normalise(entry.name) in GENERIC_HEADS:
                if coding.label and coding.sectors:
                    sectors = _uniq(list(coding.sectors) + sectors)  # "Pentagon officials" -> MIL, "Democratic leaders" -> PTY
                # "police leaders", "business officials": the noun before a generic head says the sector.
                for child in head.children:
                    m = self.unit_at.get(child.i)
                    if child.dep_ in ("compound", "amod") and child.i < u.start and m is not None and m.first({"noun"}):
                        sectors = _uniq(list(m.first({"noun"}).sectors) + sectors)  # type: ignore[union-attr]
                        start = min(start, m.start)
            name = coding.org or coding.label or self.kb.country_name(coding.country) or normalise(
                sdoc[start:u.end].text)
            self._actor(start, end, name=name, country=coding.country, sector=sectors[0], sectors=sectors,
                        org=coding.org, kind=entry.kind if entry.kind in ("person", "group", "org") else "group")

    def _person_actor_at(self, k: int) -> Actor | None:
        actor = self.actor_at_token.get(k)
        return actor if actor is not None and actor.kind == "person" else None

    def named(self) -> None:
        sdoc = self.sdoc
        for u in self.units:
            if u.start in self.consumed:
                continue
            entry = u.first({"country", "capital", "seat", "igo", "org", "demonym", "people"})
            if entry is None or entry.not_actor:
                continue
            region = u.first({"region"})
            if region is not None and entry.country != region.country and region.country == self._main_country(u.start):
                continue  # "Georgia" in an American story is the state
            head = sdoc[u.end - 1]
            if entry.source in ("country", "capital", "seat") and self._is_location(u):
                continue
            if entry.source in ("country", "capital", "seat", "org") and self._modifies_noun(head):
                continue  # "U.S. soil", "Paris attacks", "House seat": a modifier, not an actor
            if entry.source == "demonym":
                # Only a people noun ("the Russians") names an actor; an adjective ("Russian claims") does not.
                if not (head.tag_ in ("NNPS", "NNS") or (head.pos_ in ("PROPN", "NOUN") and head.dep_ in (
                        "nsubj", "nsubjpass", "dobj", "pobj") and head.tag_ != "JJ")):
                    continue
                start, country = u.start, entry.country
                home = self._residence(u, head)
                end = u.end
                if home is not None and home.start > u.start:  # 'the Albanians of southern Serbia'
                    end, country = home.end, home.first({"country", "region"}).country  # type: ignore[union-attr]
                elif home is not None:  # 'Bosnian Serbs', 'Iraqi Kurds': a people coded by the state they live in
                    start, country = home.start, home.first({"country", "demonym"}).country  # type: ignore[union-attr]
                self._actor(start, end, name=entry.name, country=country, sector=None, sectors=[], kind="group")
                continue
            if entry.source == "people":
                # 'the Copts', 'Uighurs protested': a people noun names the group; 'Uighur culture' does not
                if head.tag_ in ("NNPS", "NNS") or head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                    start, end, country = u.start, u.end, entry.country
                    home = self._residence(u, head) if country is None else None
                    if home is not None and home.start > u.start:  # 'the Kurds of Iraq'
                        end, country = home.end, home.first({"country", "region"}).country  # type: ignore[union-attr]
                    elif home is not None:  # 'Syrian Kurds', 'Lebanese Druze': a people of several states placed
                        start, country = home.start, home.first({"country", "demonym"}).country  # type: ignore[union-attr]
                    self._actor(start, end, name=entry.name, country=country, sector="CVL", sectors=["CVL"],
                                kind="group")
                continue
            if entry.source in ("capital", "seat"):
                self._actor(u.start, u.end, name=entry.name, country=entry.country, sector="GOV", sectors=["GOV"],
                            kind="state")
            elif entry.source == "country":
                self._actor(u.start, u.end, name=entry.name, country=entry.country, sector=None, sectors=[],
                            kind="state")
            else:
                sectors = list(entry.sectors)
                self._actor(u.start, u.end, name=entry.name, country=entry.country,
                            sector=sectors[0] if sectors else None, sectors=sectors, org=entry.org,
                            kind=entry.kind if entry.kind in ("igo", "ngo", "group", "org", "state") else "org")

    def _home_of(self, j: int) -> _Unit | None:
        """'the Albanians of southern Serbia', 'the Kurds of Iraq': a people 'of' a place belongs to that place's
        state ('from' tells where they came from, 'in' where they are: neither makes them residents)."""
        sdoc = self.sdoc
        if j >= len(sdoc) or sdoc[j].lower_ != "of":
            return None
        k = j + 1
        while k < len(sdoc) and (sdoc[k].lower_ == "the" or sdoc[k].lower_ in COMPASS_WORDS) and k not in self.unit_at:
            k += 1
        unit = self.unit_at.get(k)
        entry = unit.first({"country", "region"}) if unit is not None and unit.start == k else None
        return unit if entry is not None and entry.country else None

    def _residence(self, u: _Unit, head: Token) -> _Unit | None:
        """The state word before a people noun of another country ('Bosnian Serbs', 'Kosovo Albanians'): CAMEO
        codes an ethnic group by the state it lives in, and English names that state first. Peoples named as one
        word with their state ('Turkish Cypriots') are demonyms of that state in the KB and never get here."""
        home = self._home_of(u.end)
        if home is not None:
            return home
        mod = self.unit_at.get(u.start - 1)
        if normalise(head.text) in self.kb.diaspora_peoples or mod is None or mod.end != u.start or self.sdoc[u.start - 1].dep_ not in ("amod", "compound"):
            return None
        entry = mod.first({"country", "demonym"})
        if entry is None or not entry.country or entry.country == u.entries[0].country:
            return None
        return mod if self.sdoc[mod.end - 1].head.i == head.i else None

    def _modifies_noun(self, tok: Token) -> bool:
        """True when ``tok`` is a compound/adjectival modifier of a later noun that is not itself an actor word."""
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i <= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.head.lemma_.lower() in BODY_HEADS:
            return False  # "the Hamas movement", "the Fatah faction": the noun is the named body itself
        head_unit = self.unit_at.get(tok.head.i)
        return head_unit is None or not head_unit.first({"noun", "title", "person", "org", "igo"})

    def _is_location(self, u: _Unit) -> bool:
        """'in Moscow', 'across Kazakhstan', 'capital Nur Sultan', 'WASHINGTON, D.C., UNITED STATES (...)'."""
        head = self.sdoc[u.end - 1]
        words = self.sdoc[u.start:u.end].text
        if words.isupper() and len(words) > 3 and (u.end < len(self.sdoc) and self.sdoc[u.end].text in ("(", ",", "-")):
            return True  # a dateline in capitals
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in AREA_NOUNS:
            return True  # "the heart of Paris", "parts of Egypt"
        prev = self.sdoc[u.start - 1] if u.start > 0 else None
        nxt = self.sdoc[u.end] if u.end < len(self.sdoc) else None
        capital = u.first({"capital"}) is not None
        if capital and (prev is None or "\n" in prev.text) and nxt is not None and nxt.text == "(":
            return True  # "Washington (CNN) --" dateline
        return prev is not None and prev.lower_ in ("capital", "city", "town", "province", "region")

    def entities(self) -> None:
        """ORG entities the KB does not know: kept with whatever a country word inside them says."""
        for ent in ents_of(self.sdoc):
            if ent.label_ != "ORG" or any(t in self.consumed for t in range(ent.start, ent.end)):
                continue
            end = ent.end
            while end > ent.start and self.sdoc[end - 1].lower_ in POSSESSIVE:
                end -= 1
            if end <= ent.start or not ent.text[:1].isupper() or (ent.text.isupper() and len(ent.text) <= 2):
                continue
            if self._modifies_noun(self.sdoc[end - 1]):
                continue  # "Navy drone", "CBS poll"
            inside_kb = any(t in self.unit_at for t in range(ent.start, end))
            acronym = ent.text.isupper() and 3 <= len(ent.text) <= 5 and end - ent.start == 1
            # Bare ORG names the KB does not know are often not actors (programmes, bands, brands):
            # keep those that say what they are ("... Party", "... Ministry") or carry a KB word.
            if not (inside_kb or acronym or self.sdoc[end - 1].lower_ in ORG_HEADS):
                continue
            coding = _merge([self._unit_coding(self.unit_at[t]) for t in range(ent.start, end) if t in self.unit_at])
            nouns = [e for t in range(ent.start, end) if t in self.unit_at for e in self.unit_at[t].entries
                     if e.source == "noun"]
            sectors = _uniq([s for e in nouns for s in e.sectors] + list(coding.sectors))
            name = self.text[self.sdoc[ent.start].idx: self.sdoc[end - 1].idx + len(self.sdoc[end - 1])]
            self._actor(ent.start, end, name=name, country=coding.country, sector=sectors[0] if sectors else None,
                        sectors=sectors, org=coding.org, kind="org")

    def anaphora(self) -> None:
        """Pronouns and "the country", resolved in one left-to-right pass (see the module docstring).

        he/him/his/she/her, outside quotation marks (inside them they point away from the speaker):
        1. an object or possessive pronoun takes its own clause's subject when that is a person;
        2. else the latest compatible person earlier in the same sentence;
        3. else the latest compatible person who was a subject in the previous sentences of the window;
        4. else the only compatible person in the window; several and no subject: left unresolved.
        "the country" takes the country mentioned most so far (ties: the latest), within the window.
        """
        sdoc = self.sdoc
        ordered = sorted(self.actors, key=lambda a: a[0])
        sent_index = {}
        for n, sent in enumerate(sdoc.sents):
            for t in range(sent.start, sent.end):
                sent_index[t] = n
        person_at = {t: a for i0, j0, a in ordered if a.kind == "person" for t in range(i0, j0)}
        quoted = self._quoted_chars()
        pos = 0
        seen_people: list[tuple[int, bool, Actor]] = []  # sentence, was subject, actor
        country_count: dict[str, int] = {}
        country_last: dict[str, tuple[int, int, Actor]] = {}  # iso3 -> (sentence, order, actor)
        new: list[tuple[int, int, Actor]] = []
        # Only pronouns and "the" can start a resolution: visit those words, not a Token for every word.
        wanted = {get_string_id(w) for w in (*self.kb.pronouns, "the")}
        resume = 0
        for i in [i for i, low in enumerate(sdoc.to_array(LOWER).tolist()) if low in wanted] if len(sdoc) else []:
            if i < resume:
                continue
            while pos < len(ordered) and ordered[pos][0] <= i:
                a_start, a_end, actor = ordered[pos]
                if actor.kind == "person":
                    head = sdoc[a_end - 1]
                    seen_people.append((sent_index.get(a_start, 0), head.dep_ in ("nsubj", "nsubjpass"), actor))
                elif actor.country and (actor.kind == "state" or actor.kind in ("group", "org")):
                    country_count[actor.country] = country_count.get(actor.country, 0) + 1
                    country_last[actor.country] = (sent_index.get(a_start, 0), pos, actor)
                pos += 1
            tok = sdoc[i]
            here = sent_index.get(i, 0)
            gender = self.kb.pronouns.get(tok.lower_)
            if gender and i not in self.consumed and tok.pos_ == "PRON" and tok.idx not in quoted:
                exclude = None
                if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative", "pobj"):
                    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    exclude = person_at[subj.i].name if subj is not None and subj.i in person_at else None
                antecedent = self._clause_subject_person(tok, person_at, gender) or (
                    None if _unnamed_person_before(tok, person_at) else self._salient_person(
                        [p for p in seen_people if p[2].name != exclude], here, gender))
                if antecedent is not None:
                    new.append((i, i + 1, antecedent.model_copy(update={
                        "text": tok.text, "start": tok.idx, "end": tok.idx + len(tok)})))
            if tok.lower_ == "the" and country_count:
                recent = {c: v for c, v in country_last.items() if here - v[0] <= CoreferenceWindow}
                if recent:
                    best = max(recent, key=lambda c: (country_count[c], recent[c][1]))
                    state = recent[best][2]
                    for n in (3, 2):
                        if i + n <= len(sdoc) and normalise(sdoc[i:i + n].text) in self.kb.country_anaphora:
                            span = sdoc[i:i + n]
                            name = self.kb.country_name(best) or state.name
                            new.append((i, i + n, Actor(text=span.text, start=span.start_char, end=span.end_char,
                                                        name=name, country=best, kind="state")))
                            resume = i + n
                            break
        self.actors.extend(new)

    def _compatible(self, actor: Actor, gender: str) -> bool:
        known = self.kb.people.get(actor.name)
        return known is None or known.gender in (None, gender)

    def _salient_person(self, seen: list[tuple[int, bool, Actor]], here: int, gender: str) -> Actor | None:
        window = []
        for s, subj, a in reversed(seen):  # newest first; stop at the window's edge so this stays local
            if here - s > CoreferenceWindow:
                break
            if self._compatible(a, gender):
                window.append((s, subj, a))
        window.reverse()
        same = [a for s, _subj, a in window if s == here]
        if same:
            return same[-1]
        subjects = [a for _s, subj, a in window if subj]
        if subjects:
            return subjects[-1]
        distinct = {a.name for _s, _subj, a in window}
        return window[-1][2] if len(distinct) == 1 else None

    def _quoted_chars(self) -> set[int]:
        """Character offsets inside quotation marks (cheap: only the marks' positions are stored as ranges)."""
        from .quotes import quote_spans  # local import: quotes builds on this module

        inside: set[int] = set()
        for start, end in quote_spans(self.text):
            inside.update(range(start, end))
        return inside

    def _clause_subject_person(self, tok: Token, person_at: dict[int, Actor], gender: str) -> Actor | None:
        """A possessive or object pronoun usually points at its own clause's subject when that is a person
        ("Johnson named Weld as his running mate" -> Johnson)."""
        if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative", "pobj"):
            return None  # an object pronoun is someone other than its clause's subject ("Steele asked him")
        if tok.dep_ in ("nsubj", "nsubjpass"):
            # "X notes that he ...": a subject pronoun of a reported clause is the reporter.
            clause = tok.head
            if clause.dep_ in ("ccomp", "advcl") and clause.head.i < tok.i:
                for child in clause.head.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i in person_at:
                        actor = person_at[child.i]
                        return actor if self._compatible(actor, gender) else None
            return None
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i and child.i in person_at:
                actor = person_at[child.i]
                known = self.kb.people.get(actor.name)
                if known is None or known.gender in (None, gender):
                    return actor
        return None

    def offices(self) -> None:
        """'Israel's defence minister signalled ...' then 'Defence Minister Moshe Levi said': a name the KB does
        not know, under a bare office, takes the state of the story's earlier holders of that office when they
        are all of one state (a story of two presidents leaves it open); a staff title ('spokesman') is anyone's."""
        people = sorted((a for _i, _j, a in self.actors if a.kind == "person" and a.role), key=lambda a: a.start or 0)
        fixed: dict[str, str] = {}
        for a in people:
            if a.country or a.org or a.name in self.kb.people or (
                    normalise(a.role or "").split() or [""])[-1] in STAFF_TITLES:
                continue
            key = role_key(a.role or "")
            span = self.sdoc.char_span(a.start or 0, a.end or 0, alignment_mode="expand")
            prev = self.sdoc[span.start - 1] if span is not None and span.start > 0 else None
            if prev is not None and prev.pos_ == "PROPN":
                continue  # 'National Urban League President X': the office of a body, not a state's
            states = {h.country for h in people if h.country and (h.start or 0) < (a.start or 0)
                      and role_key(h.role or "") == key}
            if len(states) == 1:
                fixed[a.name] = a.country = states.pop()
        for a in people:
            if a.country is None and a.org is None and a.name in fixed:
                a.country = fixed[a.name]  # the same person named again before this pass ran

    def run(self) -> list[Actor]:
        self.persons()
        self.surnames()
        self.titles_alone()
        self.offices()
        self.sector_nouns()
        self.named()
        self.entities()
        self.anaphora()
        return [a for _i, _j, a in sorted(self.actors, key=lambda x: (x[0], -x[1]))]


def find_actors(sdoc: Doc, document: Document, places: list[Place]) -> list[Actor]:
    """Every actor mention in the body, with start/end offsets, coded and coreferred."""
    return _Finder(sdoc, document, places, load_kb()).run()


def actor_at(actors: list[Actor], start: int, end: int) -> Actor | None:
    """The best actor mention for the char span [start, end): most overlap, then the one ending nearest
    the span's end (English heads come last), then the longest."""
    best: tuple[int, int, int] | None = None
    chosen = None
    for a in actors:
        if a.start is None or a.end is None or a.end <= start or a.start >= end:
            continue
        overlap = min(a.end, end) - max(a.start, start)
        key = (overlap, -abs(end - a.end), a.end - a.start)
        if best is None or key > best:
            best, chosen = key, a
    return chosen


def code_noun_phrase(span: Span, actors: list[Actor]) -> Actor | None:
    """Code any noun phrase: an actor mention inside it if there is one, else a KB sector noun at or under its
    head ("violent protests" -> PRO, no country), else a bare quantifier ("Hundreds", "some") as an
    uncoded group. Returns None for anything else (pronouns like "they", things, places)."""
    inside = actor_at(actors, span.start_char, span.end_char)
    if inside is not None:
        return inside
    kb = load_kb()
    head = span.root
    for tok in _head_and_of_object(head):
        for text in (tok.text, tok.lemma_):
            for entry in kb.lookup(text):
                if entry.source == "noun":
                    return Actor(text=span.text, start=span.start_char, end=span.end_char, name=normalise(tok.text),
                                 sector=entry.sectors[0], sectors=list(entry.sectors), kind="group")
    if head.lower_ in QUANTIFIERS:
        return Actor(text=span.text, start=span.start_char, end=span.end_char, name="unidentified group",
                     kind="group")
    return None


def _head_and_of_object(head: Token) -> list[Token]:
    """The head, then the object of its 'of' ("hundreds of protesters" -> protesters)."""
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


__all__ = ["find_actors", "actor_at", "code_noun_phrase"]


def _unnamed_person_before(tok: Token, person_at: dict[int, Actor]) -> bool:
    """'A gunman shot nine people before he was killed by police': a singular person introduced by an indefinite
    common noun earlier in the pronoun's own sentence is what 'he' or 'she' points to, not a person named sentences
    before."""
    from .animacy import person_nouns

    if tok.lower_ not in ("he", "she", "him", "her", "his"):
        return False
    nouns = person_nouns()
    # indefinite only: 'the president ... he' is the president named before
    return any(t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and t.i not in person_at
               and t.lemma_.lower() in nouns and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children)
               for t in tok.sent)


def patron_side(tok: Token) -> bool:
    """'Russia's ally', 'Russia's militia ally', 'Iran's proxy militia': the owner names the
    other side of a relation (event_grammar patron_nouns), not the party the noun stands for."""
    from .events.grammar import load_grammar

    if tok.head.i <= tok.i or tok.pos_ == "PRON" or tok.ent_type_ == "PERSON":
        return False  # a politician's allies ('Trump's allies', 'his allies') are mostly of his own country
    words = load_grammar().patron_nouns
    noun = tok.head
    if tok.dep_ in ("compound", "amod", "nmod"):
        # 'a U.S. ally', 'an American ally': a state's flag on the noun itself with no owner names the patron;
        # 'Arab allies', 'NATO allies', 'America's Saudi ally' and 'the US and Arab allies' name the allies' side
        return (noun.lemma_.lower() in words and not any(c.dep_ == "poss" for c in noun.children)
                and not any(c.dep_ in ("conj", "cc") for c in tok.children) and tok.dep_ != "conj"
                and any(e.source in ("country", "demonym") and e.country for e in load_kb().lookup(tok.text)))
    if tok.dep_ != "poss":
        return False
    return noun.lemma_.lower() in words or any(
        c.dep_ in ("amod", "compound") and c.i > tok.i and c.lemma_.lower() in words for c in noun.children)
