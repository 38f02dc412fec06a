"""Stage: find place names in the body and resolve them with the offline gazetteer."""

from __future__ import annotations

import functools
import json
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc, Span, Token

from ..models import Document, Place
from ..nlp import ents_of, text_of
from .gazetteer import DATA_DIR, Candidate, Entry, Gazetteer, haversine_km, key, load

__all__ = ["country_centroid", "distance_km", "find_places", "main_country", "resolve_name"]

MAX_TOKENS = 6
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities that are never toponyms: demonyms (NORP), dates ("March", "May"), amounts, titles of works.
NON_PLACE_LABELS = {"NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "WORK_OF_ART",
                    "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
# Lower-case words allowed inside a multi-word name ("Isle of Man", "Rio de Janeiro", "Stratford-upon-Avon").
CONNECTORS = {"of", "de", "del", "la", "le", "el", "al", "upon", "on", "and", "the", "du", "des", "da", "do", "dos",
              "y", "-", "&", "sur", "am", "an", "im"}
# Words that name the kind of place next to a name: "the province of X", "X region", "X County".
TYPE_WORDS = {"province": "admin1", "provinces": "admin1", "region": "admin1", "state": "admin1", "oblast": "admin1",
              "governorate": "admin1", "prefecture": "admin1", "territory": "admin1", "republic": "country",
              "county": "admin2", "district": "admin2", "parish": "admin2", "municipality": "city", "city": "city",
              "town": "city", "village": "city", "capital": "city", "township": "city", "borough": "city",
              "suburb": "city", "port": "city", "country": "country", "nation": "country"}
# Prepositions that put a name in a locative slot; a gazetteer match without an NER label needs one (or a strong entry).
LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "throughout", "around", "toward",
            "towards", "via", "through", "between", "within", "off", "of", "visit", "visited", "northern",
            "southern", "eastern", "western", "central", "north", "south", "east", "west"}
PREPOSITIONS = {"in", "at", "near", "from", "to", "into", "outside", "inside", "throughout", "around", "across",
                "toward", "towards", "via"}
# Words before a name that narrow it without renaming it ("Northeast Georgia", "Greater Manchester").
AREA_PREFIXES = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
                 "southern", "eastern", "western", "central", "upper", "lower", "greater", "metro", "downtown",
                 "mid", "inner", "outer", "coastal", "rural", "occupied"}
KIND_BONUS = {"country": 4.0, "region": 3.5, "feature": 3.5, "admin1": 2.0, "admin2": -2.0, "city": 0.0}
CAPITAL_BONUS = 1.5
PRIMARY_BONUS = 2.0  # the surface is the entry's own name, not one of its alternates
FEATURE_POPULATION = 10_000_000  # hand-kept regions and features carry no population; rank them like a big city
MIN_CITY_POPULATION = 1000  # smaller towns only with the text's own support (hierarchy, NER label and context)
STRONG_CITY_POPULATION = 100_000  # a city this big is taken even when spaCy calls the name a person or an org
NEAR_KM = 300.0
COUNTRY_NEAR_KM = 800.0
ADMIN1_VOTE_BONUS = 1.5
COUNTRY_SHARE_BONUS = 2.0
MAX_POOL = 60
MEGACITY_POPULATION = 5_000_000
UNKNOWN_TOWN_BOOST = 3.0  # "TOWN, Country": the country named next to a town it lacks outranks namesakes abroad
DATELINE_WINDOW = 400  # characters from the top where a date line may open a line
DATELINE_AFTER = re.compile(r"\s*(,|\(|\u2014|\u2013|-\s|:)")


class HasLatLon(Protocol):
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class Mention:
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    text: str
    key: str
    candidates: list[Candidate]
    label: str | None = None  # spaCy label of the entity it coincides with
    hint: str | None = None  # kind named by a neighbouring type word
    boost: dict[int, float] = field(default_factory=dict)  # entry idx -> bonus from the text's hierarchy
    city_of: dict[int, Entry] = field(default_factory=dict)  # admin1 entry -> the same-named city news means
    best: Entry | None = None
    score: float = 0.0
    dateline: bool = False  # opens the story's date line


# ---------------------------------------------------------------- recognition

STOPWORDS_FILE = DATA_DIR / "gazetteer_stopwords.txt"
ENV_STOPWORDS = "DATELINE_GAZETTEER_STOPWORDS"
# A capitalised word after a name that makes the whole a street, not the place ("Memphis Street").
STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
                "way", "highway", "hwy", "pike", "parkway", "pkwy", "place", "pl", "terrace", "court", "ct", "circle"}
# Words after a name inside a PERSON/ORG entity that show the name is still the place ("Alexandria Police").
INSTITUTION_WORDS = {"police", "county", "sheriff", "fire", "parks", "city", "council", "school", "schools",
                     "department", "court", "commonwealth", "state", "university", "college", "hospital", "airport",
                     "mayor", "governor", "government", "officials", "authorities", "residents", "'s", "’s"}
# A capitalised word after a name that makes the whole a building ("Webb Center"); only big places survive it.
FACILITY_WORDS = {"center", "centre", "hall", "building", "tower", "stadium", "arena", "theatre", "theater", "museum",
                  "library", "mall", "hotel", "club", "church", "cathedral", "chapel", "gallery", "plaza", "field"}
# Nouns after a name that show it is a person's ("the Bush administration").
PERSON_NOUNS = {"administration", "family", "campaign", "era", "presidency", "doctrine", "estate", "foundation"}
# Words before a surname ("coach Ripley"): the name after them is a person's.
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "minister",
          "judge", "justice", "coach", "officer", "sgt", "sergeant", "lt", "capt", "captain", "col", "gen", "general",
          "deputy", "chief", "pastor", "rev", "reverend", "father", "sister", "brother", "prof", "professor",
          "detective", "trooper", "mayor", "councilman", "councilwoman", "commissioner", "superintendent",
          "principal", "chairman", "secretary", "ambassador", "king", "queen", "prince", "princess", "pope", "saint"}
# Nouns a town's name modifies even when spaCy took the name for a person's ("an Alexandria woman").
RESIDENT_NOUNS = INSTITUTION_WORDS | {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident",
                                      "native", "couple", "parents", "student", "students", "area"}


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Keys of demonyms ('Russian', 'Kazakhs'): never places. Read from the actor KB's country table."""
    path = DATA_DIR / "kb" / "countries.json"
    if not path.exists():
        return frozenset()
    table = json.loads(path.read_text(encoding="utf-8")).get("countries", {})
    names = {key(n) for c in table.values() for n in [c.get("name", "")] + c.get("aliases", [])}
    return frozenset(k for c in table.values() for d in c.get("demonyms", []) if (k := key(d)) not in names)


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Names that are common words; the shipped list plus files in $DATELINE_GAZETTEER_STOPWORDS."""
    paths = [STOPWORDS_FILE] + [Path(p) for p in os.environ.get(ENV_STOPWORDS, "").split(os.pathsep) if p]
    words: set[str] = set()
    for path in paths:
        words.update(key(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
    return frozenset(words)


def _capitalised(tok: Token) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper()


def _name_word(tok: Token) -> bool:
    """A capitalised word that belongs to a name: not just a capitalised sentence opener like 'In' or 'The'."""
    return _capitalised(tok) and not tok.is_stop and not (tok.is_sent_start and tok.pos_ not in ("PROPN", "NOUN"))


@dataclass(slots=True)
class _View:
    """What the rules read from a Doc many times, computed once (Doc.text and Doc.ents rebuild on every access)."""

    doc: Doc
    text: str
    ents: dict[int, Span]  # token number -> covering entity
    person_words: set[str]  # keys of the words of multi-word PERSON entities


_LAST = threading.local()  # one view per thread, for the doc being processed; holds the doc so its id stays its own


def _view(sdoc: Doc) -> _View:
    view = getattr(_LAST, "view", None)
    if view is None or view.doc is not sdoc:
        ents = list(ents_of(sdoc))
        view = _View(sdoc, text_of(sdoc), {i: e for e in ents for i in range(e.start, e.end)},
                     {key(t.text) for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_alpha})
        _LAST.view = view
    return view


def _text(sdoc: Doc) -> str:
    return _view(sdoc).text


def _ent_index(sdoc: Doc) -> dict[int, Span]:
    return _view(sdoc).ents


def _ents_over(sdoc: Doc, start: int, end: int) -> list[Span]:
    index = _ent_index(sdoc)
    return list(dict.fromkeys(index[i] for i in range(start, end) if i in index))


def _scan(sdoc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Longest gazetteer matches over runs of capitalised tokens (connectors allowed inside)."""
    text = _text(sdoc)
    out: list[Mention] = []
    n = len(sdoc)
    resume = 0
    for i in _capitalised_positions(sdoc, text):
        if i < resume:
            continue
        tok = sdoc[i]
        found: Mention | None = None
        limit = min(n, i + MAX_TOKENS)
        j = i + 1
        ends = []
        while j <= limit:
            last = sdoc[j - 1]
            if last.is_space or (j - 1 > i and last.is_sent_start):
                break
            if _capitalised(last):
                ends.append(j)
            elif last.lower_ in ("'s", "\u2019s") and j - 1 > i:
                # "St. John's, Nfld." ends on the possessive; "Cuba's government" does not;
                # and "Democratic People's Republic of Korea" runs on over it
                if j < n and sdoc[j].text == ",":
                    ends.append(j)
            elif last.text == "." and j - 1 > i and not sdoc[j - 2].whitespace_ and _capitalised(sdoc[j - 2]):
                pass  # the dot of an abbreviation spaCy split off ("Ft" "." "Worth")
            elif last.lower_ not in CONNECTORS:
                break
            if "\n" in last.whitespace_:
                break
            j += 1
        for j in reversed(ends):
            start_char, end_char = tok.idx, sdoc[j - 1].idx + len(sdoc[j - 1])
            surface = text[start_char:end_char]
            k = gaz.known(key(surface))
            if k is not None:
                found = Mention(i, j, start_char, end_char, surface, k, gaz.lookup_key(k))
                break
        if found:
            out.append(found)
            resume = found.end
    return out


def _capitalised_positions(sdoc: Doc, text: str) -> list[int]:
    """The tokens a place name can start at (capitalised, not whitespace), read from arrays: building a Token
    for every word of an article cost more than the gazetteer look-ups."""
    if not len(sdoc):
        return []
    arr = sdoc.to_array([IDX, IS_SPACE]).tolist()
    return [i for i, (idx, is_space) in enumerate(arr) if not is_space and text[idx].isupper()]


def _ner_mentions(sdoc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """GPE/LOC/FAC entities the scan missed: strip 'the' and type words, then look the rest up."""
    out = []
    text = _text(sdoc)
    for ent in ents_of(sdoc):
        if ent.label_ not in PLACE_LABELS or any(i in taken for i in range(ent.start, ent.end)):
            continue
        toks = list(ent)
        while toks and (toks[0].lower_ in ("the", "a") or toks[0].lower_ in TYPE_WORDS):
            toks = toks[1:]
        hint = None
        while toks and (toks[-1].lower_ in TYPE_WORDS or toks[-1].lower_ in ("'s", "’s")):
            hint = TYPE_WORDS.get(toks[-1].lower_, hint)
            toks = toks[:-1]
        if not toks or not _capitalised(toks[0]):
            continue
        start_char, end_char = toks[0].idx, toks[-1].idx + len(toks[-1])
        surface = text[start_char:end_char]
        k = gaz.known(key(surface)) or ""
        if k and k not in demonyms() and not (len(toks) == 1 and k in stopwords() and ent.label_ != "GPE"):
            m = Mention(toks[0].i, toks[-1].i + 1, start_char, end_char, surface, k, gaz.lookup_key(k),
                        label=ent.label_, hint=hint)
            if not _titled(sdoc, m) and not (len(toks) == 1 and k in _person_words(sdoc)):
                out.append(m)
    return out


def _type_hint(sdoc: Doc, m: Mention) -> str | None:
    """Kind named by 'province of X' / 'X province' / 'X County'."""
    if m.end < len(sdoc) and sdoc[m.end].lower_ in TYPE_WORDS:
        return TYPE_WORDS[sdoc[m.end].lower_]
    if m.start >= 2 and sdoc[m.start - 1].lower_ == "of" and sdoc[m.start - 2].lower_ in TYPE_WORDS:
        return TYPE_WORDS[sdoc[m.start - 2].lower_]
    return None


def _locative(sdoc: Doc, m: Mention) -> bool:
    """'in X', 'the province of X', 'X, Kazakhstan', 'an X man': the name sits where places sit."""
    i = m.start - 1
    while i >= 0 and (sdoc[i].lower_ in ("the", "a", "an") or sdoc[i].lower_ in TYPE_WORDS):
        i -= 1
    if i >= 0 and sdoc[i].lower_ in LOCATIVE:
        return True
    after = sdoc[m.end] if m.end < len(sdoc) else None
    if after is not None and after.text == "," and m.end + 1 < len(sdoc) and _capitalised(sdoc[m.end + 1]):
        return True
    # the container slot of "St. John's, Nfld.": a province or country after a name and a comma
    if m.start >= 2 and sdoc[m.start - 1].text == "," and not sdoc[m.start - 2].is_punct and any(
            c.entry.kind in ("admin1", "country") for c in m.candidates):
        return True
    # a name modifying a common noun ("Alexandria woman", "Gainesville police") is a place, not a person;
    # only for a place's own name: GeoNames alternates include stunts and brands ("Google" for Topeka).
    # When spaCy calls the name a person, only nouns for people and offices of a place count ("Bush tax cuts").
    last = sdoc[m.end - 1]
    head = last.head
    return last.dep_ == "compound" and head.i >= m.end and head.pos_ == "NOUN" and any(
        c.primary for c in m.candidates) and (m.label != "PERSON" or head.lower_ in RESIDENT_NOUNS)


def _person_words(sdoc: Doc) -> set[str]:
    return _view(sdoc).person_words


def _regional(m: Mention) -> bool:
    """A country or province reading ('Canada', 'BC'): such names stay places inside organisations' names."""
    return any(c.entry.kind in ("country", "admin1") and (c.primary or m.text.isupper()) for c in m.candidates)


def _strong(c: Candidate) -> bool:
    e = c.entry
    if e.kind in ("country", "region", "feature", "admin1"):
        return True
    return c.primary and (e.population >= STRONG_CITY_POPULATION or e.capital)


def _titled(sdoc: Doc, m: Mention) -> bool:
    """'coach Ripley', 'Sen. Warren': a single name after a title is a person's."""
    return m.end - m.start == 1 and m.start > 0 and sdoc[m.start - 1].lower_.rstrip(".") in TITLES


def _accept(sdoc: Doc, m: Mention) -> bool:
    """Is this gazetteer match a toponym here? NER labels first, then how strong the gazetteer entry is."""
    ents = _ents_over(sdoc, m.start, m.end)
    ent = ents[0] if ents else None
    label = ent.label_ if ent is not None else None
    exact = ent is not None and ent.start == m.start and ent.end == m.end
    m.label = label
    single = m.end - m.start == 1
    if m.key in demonyms():
        return False
    if single and m.key in stopwords() and not (label == "GPE" and exact):
        return False
    # abbreviations: "Ms." is a title, "Mass" a noun; alternates of 4 letters or fewer must be written in capitals
    if len(m.key) <= 4 and not any(c.primary for c in m.candidates):
        # (spaCy may split the final dot off: "Nfld" ".")
        dotted = m.text.endswith(".") or _text(sdoc)[m.end_char:m.end_char + 1] == "."
        if not (m.text.isupper() or dotted and "." in m.text[:-1] or dotted and label in PLACE_LABELS
                or dotted and m.start >= 2 and sdoc[m.start - 1].text == ","):
            return False
    prev = sdoc[m.start - 1] if m.start > 0 else None
    after = sdoc[m.end] if m.end < len(sdoc) else None
    if after is not None and after.lower_.rstrip(".") in STREET_WORDS and _capitalised(after):
        return False
    strong = any(_strong(c) for c in m.candidates)
    if after is not None and _capitalised(after) and after.lower_ in FACILITY_WORDS and not strong:
        return False
    if after is not None and after.text == "-" and m.end + 1 < len(sdoc):
        after_word = sdoc[m.end + 1]  # "Bush-era"
    else:
        after_word = after
    if after_word is not None and after_word.lower_ in PERSON_NOUNS:
        return False
    if single and label != "GPE" and m.key in _person_words(sdoc):
        return False  # "Jordan" after "Michael Jordan": the name is that person's
    if _titled(sdoc, m):
        return False
    if prev is not None and prev.text in ("-", "&") and not prev.whitespace_ and m.start >= 2 \
            and _capitalised(sdoc[m.start - 2]):  # "Wal-Mart", "AT&T"
        return False
    if label in NON_PLACE_LABELS:
        # spaCy sometimes calls a country or a town NORP ("Kazakhstan's", "in Greer"): exact country/admin1
        # names, and towns right after a locative preposition (demonyms were dropped above)
        if not exact:
            return False
        if any(c.primary and c.entry.kind in ("country", "admin1") for c in m.candidates):
            return True
        # ('the town of X' names a place as surely as 'in X' does)
        return label == "NORP" and (prev is not None and prev.lower_ in PREPOSITIONS or m.hint is not None) and any(
            c.primary and c.entry.population >= MIN_CITY_POPULATION for c in m.candidates)
    short = len(m.text) <= 2 or (m.text.isupper() and len(m.text) <= 3 and "." not in m.text)
    if short and not any(c.entry.kind in ("country", "region") for c in m.candidates):
        # "GA", "OK", "PA": postal codes are common words and acronyms; only the container in "Town, GA"
        return prev is not None and prev.text == ","
    # inside a longer name: "Street" in "Downing Street", "Jordan" in "Michael Jordan", "Hilton" in "Paris Hilton"
    if prev is not None and _name_word(prev) and not prev.is_sent_start and (ent is None or ent.start < m.start) \
            and prev.lower_ not in AREA_PREFIXES \
            and not (label in ("GPE", "LOC") and exact) and not (label == "ORG" and _regional(m)):
        return False  # (a country or province closing an organisation's name is still named: "Air Canada")
    if label in ("GPE", "LOC") or label == "FAC" and exact:
        return True
    if label == "PERSON":
        if exact:  # spaCy mislabels places ("Nur Sultan", "Alexandria"): strong entries in a place slot,
            # and towns right after a locative preposition ("horses nearby in Riverdale")
            if strong and (not single or _locative(sdoc, m) or m.hint is not None):
                return True
            return (prev is not None and prev.lower_ in PREPOSITIONS or m.hint is not None) and any(
                c.primary and c.entry.population >= MIN_CITY_POPULATION for c in m.candidates)
        return ent.start == m.start and after is not None and after.lower_ in INSTITUTION_WORDS and strong
    if label in ("ORG", "FAC"):
        if exact:  # (an exact FAC was taken above) a place named for its club or council is still named
            return strong
        # "the Mansfield Police Department", "University of Texas": the place inside an institution's name,
        # but not a first name ("Nadia Moayyad" tagged ORG) nor a word in a brand ("Wal-Mart")
        if after is not None and after.i < ent.end and after.pos_ == "PROPN" and after.lower_ not in INSTITUTION_WORDS \
                and not strong:
            return False
        return any(c.primary and c.entry.population >= MIN_CITY_POPULATION or c.entry.kind in ("country", "admin1")
                   for c in m.candidates)
    if label is not None:
        return strong
    first = sdoc[m.start]
    if first.is_sent_start and single and first.pos_ != "PROPN":
        return False
    if not any(t.pos_ == "PROPN" for t in sdoc[m.start:m.end]) and not strong:
        return False
    if strong:
        return True
    eligible = any(c.entry.population >= MIN_CITY_POPULATION for c in m.candidates)
    return eligible and (_locative(sdoc, m) or m.hint is not None)


def recognise(sdoc: Doc, gaz: Gazetteer | None = None) -> list[Mention]:
    gaz = gaz or load()
    mentions = []
    for m in _scan(sdoc, gaz):
        m.hint = _type_hint(sdoc, m)
        if _accept(sdoc, m):
            mentions.append(m)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _ner_mentions(sdoc, gaz, taken)
    mentions.sort(key=lambda m: m.start)
    _mark_dateline(_text(sdoc), mentions)
    return mentions


def _mark_dateline(text: str, mentions: list[Mention]) -> None:
    """'COLUMBUS, Ohio (AP) —' / 'MOSCOW, Jan 14 -': a place opening a line near the top is where the story is
    filed from; it weighs double as context."""
    for m in mentions[:3]:
        if m.start_char > DATELINE_WINDOW:
            break
        line_start = text.rfind("\n", 0, m.start_char) + 1
        if not text[line_start:m.start_char].strip() and DATELINE_AFTER.match(text, m.end_char) \
                and m.text[:1].isupper():
            m.dateline = True
            return


# ---------------------------------------------------------------- resolution


def _base_score(c: Candidate, hint: str | None) -> float:
    e = c.entry
    population = max(e.population, FEATURE_POPULATION) if e.kind in ("region", "feature") else e.population
    score = math.log10(population + 100) + KIND_BONUS.get(e.kind, 0.0) + (PRIMARY_BONUS if c.primary else 0.0)
    if e.capital:
        score += CAPITAL_BONUS
    if hint:
        if hint == e.kind or (hint == "admin1" and e.kind in ("region", "admin1")):
            score += 3.0
        elif hint in ("admin1", "admin2") and e.kind == "city":
            score -= 2.0
    return score


def _hierarchy(sdoc: Doc, mentions: list[Mention]) -> None:
    """'Almaty, Kazakhstan' / 'Gainesville, Ga.' / 'Aktau in Mangistau': the container backs the contained."""
    text = _text(sdoc)
    for n, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
        between = text[a.end_char:b.start_char].strip()
        if between not in (",", "in", ", in"):
            continue
        # "California, Texas and Oklahoma" is a list, not a town in Texas: the pair must not run on into one
        after = text[b.end_char:b.end_char + 6].lstrip()
        following = mentions[n + 2] if n + 2 < len(mentions) else None
        peers = any(c.primary and c.entry.kind in ("admin1", "country") for c in a.candidates)
        if between == "," and peers and (after.startswith(("and ", "or ")) or after.startswith(",")
                                         and following is not None
                                         and text[b.end_char:following.start_char].strip(" ,") in ("", "and", "or")):
            continue
        _unknown_town(a, b, between)
        for ca in a.candidates:
            for cb in b.candidates:
                ea, eb = ca.entry, cb.entry
                if ea.idx == eb.idx or ea.country is None or ea.country != eb.country:
                    continue
                inside = eb.kind == "country" or (eb.kind == "admin1" and ea.admin1 == eb.name) or (
                    eb.kind == "admin2" and ea.admin1 == eb.admin1 and ea.kind == "city")
                if inside:
                    a.boost[ea.idx] = max(a.boost.get(ea.idx, 0.0), 6.0)
                    b.boost[eb.idx] = max(b.boost.get(eb.idx, 0.0), 3.0)


def _unknown_town(a: Mention, b: Mention, between: str) -> None:
    """'KRASNOARMEISK, Ukraine —': a town opening the date line that the gazetteer lacks in the country named after
    it (renamed, too small) is in that country, not the namesake it has elsewhere ('Asia, Canada' in a running
    list is no town); it takes the country's reading, which one sense per
    discourse then gives its later mentions too."""
    country = next((c for c in b.candidates if c.primary and c.entry.kind == "country"), None)
    if (not a.dateline or between != "," or country is None or not a.candidates
            or any(c.entry.kind not in ("city", "admin2") or c.entry.country == country.entry.country
                   for c in a.candidates)):
        return
    a.candidates = [*a.candidates, Candidate(country.entry, primary=False)]
    a.boost[country.entry.idx] = max(a.boost.get(country.entry.idx, 0.0), UNKNOWN_TOWN_BOOST)


@dataclass(slots=True)
class _Context:
    countries: Counter[str]
    points: dict[tuple[float, float, float], set[int]]
    total: int
    # how many mentions could lie in each admin1 (any of their candidates): places in one story cluster
    admin1_votes: Counter[tuple[str, str]]
    admin1_of: list[set[tuple[str, str]]]


def _admin1_key(e: Entry) -> tuple[str, str] | None:
    if e.country and e.kind == "admin1":
        return (e.country, e.name)
    if e.country and e.admin1 and e.kind in ("admin2", "city"):
        return (e.country, e.admin1)
    return None


def _context(mentions: list[Mention], pools: list[list[Candidate]]) -> _Context:
    countries: Counter[str] = Counter()  # per distinct name: a name said five times is one piece of evidence
    points: dict[tuple[float, float, float], set[int]] = {}  # (lat, lon, radius) -> mentions placed there
    counted: set[str] = set()
    for n, m in enumerate(mentions):
        e = m.best
        if e is None:
            continue
        if e.country and m.key not in counted:
            counted.add(m.key)
            countries[e.country] += 2 if m.dateline else 1
        radius = COUNTRY_NEAR_KM if e.kind == "country" else NEAR_KM if e.kind != "region" else 0.0
        if radius:
            points.setdefault((e.lat, e.lon, radius), set()).add(n)
    admin1_of = [{a for c in pool if (a := _admin1_key(c.entry))} for pool in pools]
    votes: Counter[tuple[str, str]] = Counter()
    seen_keys: dict[str, set[tuple[str, str]]] = {}
    for m, keys in zip(mentions, admin1_of, strict=True):
        seen_keys.setdefault(m.key, set()).update(keys)
    for keys in seen_keys.values():  # each distinct name votes once, however often it recurs
        votes.update(keys)
    for m in mentions:  # the date line's own region votes again
        if m.dateline and m.best is not None and (a1 := _admin1_key(m.best)):
            votes[a1] += 1
    return _Context(countries, points, sum(countries.values()), votes, admin1_of)


@functools.lru_cache(maxsize=1)
def _demonym_table() -> dict[str, str]:
    """Demonym key ('lebanese', 'kazakhs') -> the country's ISO3, from the actor KB's country table."""
    path = DATA_DIR / "kb" / "countries.json"
    if not path.exists():
        return {}
    table = json.loads(path.read_text(encoding="utf-8")).get("countries", {})
    return {key(d): iso for iso, c in table.items() for d in c.get("demonyms", [])}


def _demonym_countries(sdoc: Doc) -> set[str]:
    """The countries whose people the text names ('the north Lebanese port'), each once."""
    table = _demonym_table()
    return {iso for t in sdoc if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.text[:1].isupper()
            and (iso := table.get(key(t.text))) is not None}


def _near_any(e: Entry, n: int, points: dict[tuple[float, float, float], set[int]]) -> bool:
    for (lat, lon, radius), owners in points.items():
        # a degree of latitude is ~111 km: most points fail this cheap test before the trigonometry
        if abs(lat - e.lat) * 111.0 < radius and (len(owners) > 1 or n not in owners) \
                and haversine_km(e.lat, e.lon, lat, lon) < radius:
            return True
    return False


def _score(m: Mention, n: int, c: Candidate, ctx: _Context | None) -> float:
    e = c.entry
    score = _base_score(c, m.hint) + m.boost.get(e.idx, 0.0)
    if ctx is None:
        return score
    own = m.best
    if e.country and ctx.total:
        same = ctx.countries[e.country] - (1 if own and own.country == e.country else 0)
        others = ctx.total - (1 if own and own.country else 0)
        if same > 0 and others > 0:
            score += 1.0 + COUNTRY_SHARE_BONUS * same / others
    a1 = _admin1_key(e)
    if a1 is not None and e.kind != "country":
        # other names that could lie in the same admin1 (this name's own vote removed)
        score += ADMIN1_VOTE_BONUS * min(ctx.admin1_votes[a1] - 1, 3)
    if e.kind != "country" and _near_any(e, n, ctx.points):
        score += 1.0
    return score


def _eligible(m: Mention) -> list[Candidate]:
    """Readings worth scoring: towns below the size floor only with support, and at most MAX_POOL of them
    ("Washington" has hundreds; context can lift a reading a few points, not past hundreds of bigger ones)."""
    keep = [c for c in m.candidates if c.entry.kind != "city" or c.entry.population >= MIN_CITY_POPULATION
            or c.entry.idx in m.boost or m.label in PLACE_LABELS] or m.candidates
    if len(keep) > MAX_POOL:
        ranked = sorted(keep, key=lambda c: -(_base_score(c, m.hint) + m.boost.get(c.entry.idx, 0.0)))
        keep = ranked[:MAX_POOL]
    return keep


def _city_or_state(m: Mention) -> None:
    """'New York', 'Washington', 'Kiev': a city and an admin1 of one name and country. When the region reading
    wins, news means the city if it is the capital, a megacity or holds half the region's people (see _swap);
    'Oklahoma' stays the state."""
    if any(c.entry.kind == "country" and c.primary for c in m.candidates):
        return  # "Mexico" is the country before the state or the capital
    cities: dict[str | None, Entry] = {}
    for c in m.candidates:  # the most populous city of that name in each country
        e = c.entry
        if e.kind == "city" and (e.country not in cities or e.population > cities[e.country].population):
            cities[e.country] = e
    for c in m.candidates:  # both read the surface ("Almaty" is the city and, short for Almaty Oblysy, the region)
        e = c.entry
        city = cities.get(e.country) if e.kind == "admin1" and e.country else None
        if city is not None and (city.capital or city.population * 2 >= e.population
                                 or city.population >= MEGACITY_POPULATION):
            m.city_of[e.idx] = city


def _swap(m: Mention, best: Entry) -> Entry:
    return m.city_of.get(best.idx, best) if m.hint is None else best


def resolve(sdoc: Doc, mentions: list[Mention]) -> None:
    """Pick each mention's entry: population, kind, type words, the text's hierarchy, then the other places."""
    _hierarchy(sdoc, mentions)
    for m in mentions:
        _city_or_state(m)
    pools = [_eligible(m) for m in mentions]
    for n, (m, pool) in enumerate(zip(mentions, pools, strict=True)):
        m.best = _swap(m, max(pool, key=lambda c: _score(m, n, c, None)).entry)
    told = _demonym_countries(sdoc)
    for _ in range(2):
        ctx = _context(mentions, pools)
        for iso in told:  # 'Tripoli …, the north Lebanese port': a people named is evidence for its country
            ctx.countries[iso] += 1
            ctx.total += 1
        for n, (m, pool) in enumerate(zip(mentions, pools, strict=True)):
            scored = [(_score(m, n, c, ctx), c.entry) for c in pool]
            m.score, best = max(scored, key=lambda s: s[0])
            m.best = _swap(m, best)
    # one sense per discourse: every mention of a name takes the sense its best-scored mention got
    by_key: dict[str, Mention] = {}
    for m in mentions:
        if m.key not in by_key or m.score > by_key[m.key].score:
            by_key[m.key] = m
    for m in mentions:
        m.best = by_key[m.key].best


def _place(m_text: str, start: int, end: int, e: Entry) -> Place:
    return Place(text=m_text, start=start, end=end, name=e.name, country=e.country,
                 admin1=e.admin1 if e.kind != "country" else None, lat=e.lat, lon=e.lon, geonames_id=e.gid,
                 kind=e.kind, population=e.population or None)


def find_places(sdoc: Doc, document: Document) -> list[Place]:
    """Every toponym in the body, resolved (country ISO3, admin1, lat/lon, geonames id)."""
    mentions = recognise(sdoc)
    resolve(sdoc, mentions)
    return [_place(m.text, m.start_char, m.end_char, m.best) for m in mentions if m.best is not None]


def resolve_name(name: str, countries: set[str] | None = None) -> Place | None:
    """Resolve a bare place name, preferring candidates in `countries`; offsets are 0."""
    gaz = load()
    k = gaz.known(key(name)) or ""
    candidates = gaz.lookup_key(k)
    if not candidates:
        return None
    m = Mention(0, 0, 0, 0, name, k, candidates)
    _city_or_state(m)

    def score(c: Candidate) -> float:
        return _score(m, 0, c, None) + (5.0 if countries and c.entry.country in countries else 0.0)

    best = _swap(m, max(_eligible(m), key=score).entry)
    return _place(name, 0, 0, best)


def main_country(places: Sequence[Place]) -> str | None:
    """The article's dominant country: most places in it, the earliest mention breaking ties."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    first = {}
    for n, p in enumerate(places):
        if p.country:
            first.setdefault(p.country, n)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def country_centroid(iso3: str) -> tuple[float, float] | None:
    """GeoNames-style centre point of a country (ISO 3166-1 alpha-3)."""
    entry = load().countries.get(iso3)
    return (entry.lat, entry.lon) if entry else None


def distance_km(a: HasLatLon | tuple[float, float], b: HasLatLon | tuple[float, float]) -> float | None:
    """Great-circle distance between two places (Place/Location objects or (lat, lon) pairs); None without points."""
    pa = a if isinstance(a, tuple) else (a.lat, a.lon)
    pb = b if isinstance(b, tuple) else (b.lat, b.lon)
    if None in pa or None in pb:
        return None
    return haversine_km(pa[0], pa[1], pb[0], pb[1])  # type: ignore[arg-type]
