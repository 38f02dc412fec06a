"""Pre-filter: which sentences can hold anything the later stages read, decided before spaCy runs.

spaCy is most of the pipeline's time, and most news sentences tell no event: they are parsed only to be
thrown away. This module reads each sentence's lower-cased surface words and keeps it when it could feed
a stage:

- events: a form of a trigger from the lexicon (with simple inflection and spaCy's own irregular forms),
  together with the words the entry requires (particle, object, complement, modifier, rest of a phrase);
  a speech verb with an accusation word ('said the rebels were responsible');
- places and actors: a run of capitalised words (or part of one) that is a gazetteer or knowledge-base
  name ('Lisbon', 'NATO', 'Putin', 'Egypt-US'); a function word that merely opens the sentence is none;
- counts and times: a digit, a number word, or a calendar word ('Tuesday', 'yesterday', 'spring');
- quotes: the sentence overlaps a quoted stretch;
- coreference: a kept sentence with a personal pronoun ('she', 'their', 'both') keeps the sentence just
  before it when that one has a capitalised word, because the person it points to may be named there.

The others are blanked with whitespace of the same length (newlines kept), so every character offset
into the parsed text is an offset into the document text and the stages need no mapping; spaCy reads a
blanked run as one or two whitespace tokens, which cost next to nothing.

Of the kept sentences only those that can tell an event (a trigger, a quote, or the sentence a pronoun in one
points back to) are read by the entity recogniser, which is half of spaCy's time and needs none of the other
components: the rest ("light": a name, number or date only) are tagged and parsed, and their entities are the
names the KB knows, with the label spaCy gives such a name (`names`). What that costs: a person or body
named only in a sentence without an event, and unknown to the KB, is no entity.

Modes (`DATELINE_PARSE`, or `mode=`): "lean" (the default) as above; "candidates" lets the recogniser read every
kept sentence; "full" parses everything, to compare quality against.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .places.gazetteer import Gazetteer

ParseMode = Literal["full", "candidates", "lean"]
MODE_ENV = "DATELINE_PARSE"
MODES: tuple[str, ...] = ("full", "candidates", "lean")
DEFAULT_MODE: ParseMode = "lean"

# Words: letters with inner apostrophes or hyphens ("cease-fire", "Xi's"); the parts of a hyphenated word are
# looked up as well, because spaCy splits on the hyphen.
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
# Sentence ends: ., ! or ? (with closing quotes or brackets) before a space and a capital, digit or opening mark.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
# Short words before a full stop that do not end a sentence ("Mr. Smith", "Gen. Milley", "U.S. troops").
_ABBREV = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "jr", "sr", "inc", "corp",
    "co", "ltd", "vs", "no", "prof", "rev", "hon", "capt", "maj", "adm", "cmdr", "pres", "sec", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "mt", "fig",
    "approx", "est", "etc", "al", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
})


def mode_from_env() -> ParseMode:
    value = os.environ.get(MODE_ENV, DEFAULT_MODE).strip().lower()
    return value if value in MODES else DEFAULT_MODE  # type: ignore[return-value]


# --------------------------------------------------------------------------- tables, built once per process


@dataclass(frozen=True, slots=True)
class Tables:
    """Surface-form sets; every test in `keep` is a set or dict look-up per word."""

    triggers: frozenset[str]  # forms that make a sentence a candidate on their own
    conditional: dict[str, tuple[tuple[frozenset[str], ...], ...]]  # form -> alternatives of required word sets
    speech: frozenset[str]
    accusation: frozenset[str]
    numbers: frozenset[str]
    calendar: frozenset[str]
    common: frozenset[str]  # function words: a capital on these at sentence start is no name
    kb_names: frozenset[str]  # gazetteer-style keys of KB names and titles: 'Turkey', 'NATO', 'Putin', 'President'
    name_labels: dict[str, str]  # key of a KB name -> the entity label spaCy gives such a name (PERSON, ORG, NORP, GPE)
    places: Gazetteer  # has_key() is a dict look-up
    place_stopwords: frozenset[str]


def _inflections(lemma: str, irregular: dict[str, set[str]]) -> set[str]:
    """The forms spaCy's rule lemmatiser maps back to `lemma` (its suffix rules run backwards), and its
    exception forms. Over-generating only keeps a sentence more, so the rules ignore part of speech."""
    out = {lemma}
    if " " in lemma or not lemma.isalpha():
        return out | irregular.get(lemma, set())
    out |= {lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "er", lemma + "est"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing", lemma + "r", lemma + "st"}
    if lemma.endswith("ie"):
        out.add(lemma[:-2] + "ying")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ier", lemma[:-1] + "iest"}
    if lemma.endswith("f"):
        out.add(lemma[:-1] + "ves")
    if lemma.endswith("fe"):
        out.add(lemma[:-2] + "ves")
    if lemma.endswith("man"):
        out.add(lemma[:-3] + "men")
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "stopped", "planning"
    return out | irregular.get(lemma, set())


def _irregular() -> dict[str, set[str]]:
    """lemma -> irregular forms, from the loaded model's own exception table (no second source of truth)."""
    from . import nlp

    out: dict[str, set[str]] = {}
    try:
        lookups = nlp.load().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        exc = lookups.get_table("lemma_exc")
    except (KeyError, AttributeError, ValueError):
        return out
    for pos in ("verb", "noun", "adj", "adv"):
        for form, lemmas in exc.get(pos, {}).items():
            for lemma in lemmas:
                out.setdefault(lemma.lower(), set()).add(form.lower())
    return out


def _common_words() -> set[str]:
    """Function words: a capital on these at sentence start names nothing. (spaCy's lemma index is no use
    here: it comes from WordNet, which lists 'Istanbul' and 'Decatur' as nouns.)"""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w.lower() for w in STOP_WORDS}


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    """The tables, the word sets from the on-disk cache when nothing they come from changed (they take a
    second to build: every trigger's inflections, every KB name's key)."""
    from . import cache, nlp
    from .places import stopwords as place_stopwords
    from .places.gazetteer import load as load_gazetteer

    words = cache.cached("prefilter", _word_tables, [nlp.model_package()])
    return Tables(**words, places=load_gazetteer(), place_stopwords=place_stopwords())


def _word_tables() -> dict[str, Any]:
    from . import kb as kb_module
    from . import lexicon
    from .events.counts import SCALE, WORD_NUMBERS
    from .events.grammar import load_grammar
    from .events.triggers import MIN_WEIGHT
    from .places.gazetteer import key
    from .times.lexicon import load_lexicon as load_times

    irregular = _irregular()

    def forms(words: Iterable[str]) -> frozenset[str]:
        out: set[str] = set()
        for w in words:
            for part in w.lower().replace("-", " ").split() + [w.lower()]:
                out |= _inflections(part, irregular)
        return frozenset(out)

    triggers: set[str] = set()
    conditional: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for t in lexicon.load_triggers():
        if t.weight < MIN_WEIGHT:
            continue  # the coder never fires on these alone
        words = list(t.words) if t.kind == "phrase" else [t.lemma]
        # 'sit - in': a phrase spells a hyphen as a token of its own, but no surface word is a bare hyphen
        words = [w for w in words if any(ch.isalnum() for ch in w)] or words
        needs: list[frozenset[str]] = [forms([w]) for w in words[1:]]
        if t.particle:
            needs.append(forms([t.particle]))
        if t.objects and not any(o.startswith("@") for o in t.objects):
            # an object class ('@party': a named party, '@violence') is no surface word: the trigger alone keeps
            needs.append(forms(t.objects))
        if t.complement:
            needs.append(forms([t.complement]))
        if t.modifiers:
            needs.append(forms(t.modifiers))
        for form in forms([words[0]]):
            if needs:
                conditional.setdefault(form, []).append(tuple(needs))
            else:
                triggers.add(form)
    g = load_grammar()
    # 'is out of the question', 'not on the table': an act declared impossible is refused (events/refusals.py)
    for phrase in g.impossibility_phrases:
        first, *rest = phrase.split()
        for form in forms([first]):
            conditional.setdefault(form, []).append(tuple(forms([w]) for w in rest))
    times = load_times()
    calendar = set(times["weekdays"]) | set(times["day_words"]) | set(times["parts_of_day"]) | set(times["seasons"])
    calendar |= set(times["decade_words"]) | (set(times["months"]) - set(times["ambiguous_months"]))
    calendar |= {w for h in times["holidays"] for w in h.split()} - {"day", "eve", "new", "the"}
    kb = kb_module.load_kb()
    kb_names = {key(k) for k in kb.phrases} | {key(k) for k in kb.surnames}
    name_labels = {key(k): "PERSON" for k in kb.surnames}
    for k, entries in kb.phrases.items():
        label = next((_ENTRY_LABELS[e.source] for e in entries if e.source in _ENTRY_LABELS), None)
        if label:
            name_labels[key(k)] = label
    return dict(
        # 'will not tolerate': a warning the coder reads from the negated verb, which has no lexicon entry
        triggers=frozenset(triggers) | forms(g.intolerance_verbs),
        conditional={k: tuple(v) for k, v in conditional.items() if k not in triggers},
        speech=forms(g.speech_verbs),
        accusation=forms(g.accusation_words),
        numbers=frozenset(WORD_NUMBERS) | frozenset(SCALE),
        calendar=frozenset(w.lower() for w in calendar),
        common=frozenset(_common_words()),
        kb_names=frozenset(kb_names),
        name_labels=name_labels,
    )


# The label spaCy's recogniser gives each kind of KB name; titles and common nouns are no entity.
_ENTRY_LABELS = {"person": "PERSON", "org": "ORG", "igo": "ORG", "demonym": "NORP", "country": "GPE",
                 "capital": "GPE", "seat": "ORG", "region": "GPE"}


# --------------------------------------------------------------------------- sentences and the keep test


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence-like stretch: lines, cut after end punctuation. It errs towards
    longer stretches (abbreviations do not cut), which only keeps more text."""
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in _END.finditer(line):
            before = _WORD.findall(line[start - pos : m.start()][-12:])
            last = before[-1].lower() if before else ""
            if last in _ABBREV or len(last) == 1:  # "Mr.", "U.S.", "J. Smith"
                continue
            yield start, pos + m.end()
            start = pos + m.end()
        if start < pos + len(line):
            yield start, pos + len(line)
        pos += len(line) + 1


Word = tuple[int, str]  # (start offset, the word with any possessive ending cut)


def _capital_runs(text: str, start: int, end: int, t: Tables) -> Iterator[list[Word]]:
    """The runs of capitalised words in text[start:end], where a name can be: the parts of a hyphenated word
    count on their own ("Egypt-US", "Canada-wide"), a possessive is cut ("Russia's", "GOP’s": the key of the
    name itself), and a capital that only opens the sentence ("The", "But") names nothing."""
    run: list[Word] = []
    first = True
    for m in _WORD.finditer(text, start, end):
        word, pos = m.group(), m.start()
        for part in word.split("-") if "-" in word and word[:1].isupper() else [word]:
            w = _POSSESSIVE.sub("", part)
            if w[:1].isupper():
                if not (first and w.lower() in t.common and w.lower() not in t.kb_names):
                    run.append((pos, w))
            elif run:
                yield run
                run = []
            first = False
            pos += len(part) + 1
    if run:
        yield run


def _named(sentence: str, t: Tables) -> bool:
    """A run of capitalised words naming a place or a knowledge-base actor (n-grams up to 4 words)."""
    from .places.gazetteer import key

    for run in _capital_runs(sentence, 0, len(sentence), t):
        for a in range(len(run)):
            for b in range(a + 1, min(len(run), a + 4) + 1):
                k = key(" ".join(w for _, w in run[a:b]))
                if k in t.kb_names or (t.places.has_key(k) and k not in t.place_stopwords):
                    return True
    return False


def names(text: str, start: int, end: int, t: Tables | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) of the KB names in text[start:end], in the runs `_named` reads, each run read left to
    right taking the longest name (up to 4 words) at each point: the entities of a sentence the recogniser does
    not read. A KB name takes its kind's label; a name only the gazetteer knows is left to the places stage's
    own rules (a quarter-million names, many of them also surnames and words), and a capitalised run no table
    knows stays unlabelled: the sentence's loss."""
    from .places.gazetteer import key

    t = t or tables()
    out: list[tuple[int, int, str]] = []
    for run in _capital_runs(text, start, end, t):
        a = 0
        while a < len(run):
            for b in range(min(len(run), a + 4), a, -1):
                label = t.name_labels.get(key(" ".join(w for _, w in run[a:b])))
                if label is not None:
                    out.append((run[a][0], run[b - 1][0] + len(run[b - 1][1]), label))
                    a = b
                    break
            else:
                a += 1
    return out


def _trigger(lowered: set[str], t: Tables) -> bool:
    if not lowered.isdisjoint(t.triggers):
        return True
    if not lowered.isdisjoint(t.speech) and not lowered.isdisjoint(t.accusation):
        return True
    for w in lowered:
        for needs in t.conditional.get(w, ()):
            if all(not lowered.isdisjoint(n) for n in needs):
                return True
    return False


def _lowered(words: list[str]) -> set[str]:
    lowered = {w.lower() for w in words}
    lowered.update([p for w in lowered if "-" in w for p in w.split("-")])
    return lowered


def may_hold_event(sentence: str, t: Tables | None = None) -> bool:
    """Could this sentence hold a trigger (or a speech verb with an accusation word)? A set look-up per word,
    so a stage can pass over the sentences that cannot before walking their tokens."""
    return _trigger(_lowered(_WORD.findall(sentence)), t or tables())


def keep(sentence: str, t: Tables | None = None) -> bool:
    """Could this sentence feed a stage? (Quotes and antecedents are decided over the whole text, in `plan`.)"""
    return _classify(sentence, t or tables()) > DROP


DROP, LIGHT, EVENT = 0, 1, 2  # feeds nothing; feeds places, actors, times or counts only; may tell an event


def _classify(sentence: str, t: Tables) -> int:
    words = _WORD.findall(sentence)
    lowered = _lowered(words)
    if _trigger(lowered, t):
        return EVENT
    if _DIGIT.search(sentence):
        return LIGHT  # counts, dates, ages, sums
    if not words:
        return DROP
    if not lowered.isdisjoint(t.numbers) or not lowered.isdisjoint(t.calendar) or _named(sentence, t):
        return LIGHT
    return DROP


@dataclass(frozen=True, slots=True)
class Plan:
    text: str  # what spaCy parses: the document text with dropped sentences blanked
    sentences: int
    dropped: int
    dropped_chars: int
    ner_text: str | None = None  # what the entity recogniser reads, when less than `text`
    names: tuple[tuple[int, int, str], ...] = ()  # known names (start, end, label) where it does not read


def _blank(chunk: str) -> str:
    return re.sub(r"[^\n]", " ", chunk)


def plan(text: str, mode: ParseMode = DEFAULT_MODE) -> Plan:
    """The text spaCy should parse for this document."""
    if mode == "full" or not text:
        return Plan(text, 0, 0, 0)
    from .quotes import quote_spans

    t = tables()
    quoted = quote_spans(text)
    qi = 0
    spans: list[tuple[int, int]] = []
    kept: list[bool] = []
    full: list[bool] = []
    for start, end in sentences(text):
        chunk = text[start:end]
        if not chunk.strip():
            continue
        while qi < len(quoted) and quoted[qi][1] <= start:
            qi += 1
        # Inside or touching a quote: the quote stage reads the whole quoted stretch.
        kind = _classify(chunk, t)
        is_full = kind == EVENT or qi < len(quoted) and quoted[qi][0] < end
        ok = is_full or kind == LIGHT
        if ok and spans and not kept[-1] and _anaphoric(chunk):
            # 'He said ...' after a dropped sentence: the person it points to may be named there.
            prev = text[spans[-1][0]:spans[-1][1]]
            kept[-1] = full[-1] = any(w[:1].isupper() for w in _WORD.findall(prev)[1:])
        elif is_full and spans and _anaphoric(chunk):
            full[-1] = kept[-1]
        spans.append((start, end))
        kept.append(ok)
        full.append(is_full)
    drop = [span for span, ok in zip(spans, kept, strict=True) if not ok]
    planned = _blanked(text, drop) if drop else text
    ner_text, found = None, []
    if mode == "lean":
        light = [span for span, ok, f in zip(spans, kept, full, strict=True) if ok and not f]
        ner_text = _blanked(planned, light) if light else planned
        found = [n for s, e in light for n in names(text, s, e, t)]
    return Plan(planned, len(spans), len(drop), sum(e - s for s, e in drop), ner_text, tuple(found))


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces.append(text[pos:start])
        pieces.append(_blank(text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


_ANAPHORS = frozenset({"he", "she", "they", "him", "her", "his", "them", "their", "hers", "theirs", "both", "two"})


def _anaphoric(sentence: str) -> bool:
    return not _ANAPHORS.isdisjoint(w.lower() for w in _WORD.findall(sentence))


__all__ = ["MODE_ENV", "MODES", "ParseMode", "Plan", "Tables", "keep", "may_hold_event", "mode_from_env", "plan", "sentences", "tables"]
