"""The attribute ruler and lemmatizer of the English pipeline, memoised per token shape: same output, less time.

In `en_core_web_sm` these two components are pure Python loops over every token (the ruler's matcher sets
POS and morphology from the tag, the rule lemmatizer then reads them) and cost about a fifth of the whole
pipeline, as much as the parser. Almost all of their rules look at one token only — its text, tag,
dependency label and whether it is whitespace — so their answer for a token is a function of those four
things. This component asks the real components once per distinct shape (on a one-token document), keeps
the answer, and writes it back with numpy arrays.

What a one-token document cannot show is handled so the output stays identical:

- the ruler's one common two-token rule ("there *is*": a copula after an expletive is a VERB) is part of
  the shape (the previous token's label when it is `expl`);
- for the rare colloquial two-token rules ("gon na", "let 's", "y' all", "ai n't") the whole document goes
  through the real components;
- a shape whose answer changes the tag or the dependency label (whitespace tokens) is written token by
  token.

spaCy's own components are kept in the pipeline, disabled, so `nlp.get_pipe("lemmatizer")` still works and
`DATELINE_FAST_MORPH=0` turns this off. tests/test_fastmorph.py checks the output equals spaCy's.
"""

from __future__ import annotations

import os
import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

NAME = "dateline_fast_morph"
REPLACES = ("attribute_ruler", "lemmatizer")
ENV = "DATELINE_FAST_MORPH"
# Distinct shapes kept before the memo starts over: bounds memory on a long corpus run (~100 bytes each).
MAX_SHAPES = 300_000
_EXPL_COPULAS = frozenset({"is", "are", "was", "were", "'s", "'re"})
_EXPL_COPULA_IDS = frozenset(get_string_id(w) for w in _EXPL_COPULAS)

Shape = tuple[int, int, int, int, bool]  # orth, tag, label class, is_space, after an expletive
Answer = tuple[int, int, int, int, int]  # tag, pos, morph, lemma, label the ruler sets (0: left as it was)
RuleKey = tuple[int, int, bool, bool, int]  # tag, label class, is_space, after an expletive, word (0: any word)
OTHER = 1  # the class of every dependency label no rule names (no string hashes to 1)


def enabled() -> bool:
    return os.environ.get(ENV, "1").strip() not in {"0", "false", "no", "off"}


class FastMorph:
    """Drop-in for `attribute_ruler` + `lemmatizer` (in that order) with the same output."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.memo: dict[Shape, Answer] = {}
        # The ruler's answer per rule key: a few thousand keys cover a corpus, so the ruler (a Matcher over
        # 179 patterns, most of a new shape's cost) runs on a new key, not on every new word.
        self.rules: dict[RuleKey, Answer] = {}
        self._lowers, self._regexes = self._named_lowers()
        self._named_words: dict[int, bool] = {}
        self._index_as_sets()
        self._firsts, self._seconds = self._multi_token_words()
        # The same words as string ids, so a Doc's LOWER column is tested without looking its strings up.
        self._first_ids = frozenset(get_string_id(w) for w in self._firsts)
        self._second_ids = frozenset(get_string_id(w) for w in self._seconds)
        self._expl = self.vocab.strings.add("expl")
        named = self._named_labels()
        self._labels = frozenset(self.vocab.strings.add(label) for label in named) | {0}
        # A label standing for all the others when the real components are asked about a shape.
        parser_labels = nlp.get_pipe("parser").labels if "parser" in nlp.component_names else ()  # type: ignore[attr-defined]
        self._other = next((x for x in sorted(parser_labels) if x not in named), "dep")

    def _index_as_sets(self) -> None:
        """The rule lemmatizer tests `form in index` against word *lists* (57k nouns): a linear scan per rule
        per new word, most of its time. Sets answer the same membership at once."""
        table = self.lemmatizer.lookups.get_table("lemma_index", None)  # type: ignore[attr-defined]
        if table is None:
            return
        for pos, words in list(table.items()):
            if isinstance(words, list):
                table[pos] = frozenset(words)

    def _named_labels(self) -> set[str]:
        """Dependency labels some ruler pattern tests (by value, IN or NOT_IN): the only ones whose identity
        can change the ruler's answer; all the others look alike to it."""
        out = {"expl"}
        for pattern in self.ruler.patterns:  # type: ignore[attr-defined]
            for spec in pattern["patterns"][0]:
                dep = spec.get("DEP")
                if isinstance(dep, str):
                    out.add(dep)
                elif isinstance(dep, dict):
                    for values in dep.values():
                        out.update(v for v in values if isinstance(v, str))
        return out - {""}

    def _named_lowers(self) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
        """Every lower-case word a ruler pattern names (by value, IN list or regex): for any other word
        the ruler's answer does not depend on the word."""
        lowers: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        for pattern in self.ruler.patterns:  # type: ignore[attr-defined]
            for spec in pattern["patterns"][0]:
                for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
                    value = spec.get(attr)
                    if isinstance(value, str):
                        lowers.add(value.lower())
                    elif isinstance(value, dict):
                        lowers.update(v.lower() for v in value.get("IN", ()) if isinstance(v, str))
                        lowers.update(v.lower() for v in value.get("NOT_IN", ()) if isinstance(v, str))
                        if isinstance(value.get("REGEX"), str):
                            regexes.append(re.compile(value["REGEX"], re.IGNORECASE))
        return frozenset(lowers), tuple(regexes)

    def _multi_token_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """Lower-case words that open or close one of the ruler's multi-token rules, other than the
        expletive rule (which the shape covers). A regex word test is answered by trying the rule's forms."""
        firsts: set[str] = set()
        seconds: set[str] = set()
        for pattern in self.ruler.patterns:  # type: ignore[attr-defined]
            tokens = pattern["patterns"][0]
            if len(tokens) < 2 or "DEP" in tokens[0]:
                continue
            for spec, bucket in ((tokens[0], firsts), (tokens[-1], seconds)):
                lower = spec.get("LOWER")
                if isinstance(lower, str):
                    bucket.add(lower)
                elif isinstance(lower, dict) and "IN" in lower:
                    bucket.update(lower["IN"])
                elif isinstance(lower, dict) and "REGEX" in lower:
                    # "^y'?$", "^n'?t$": the words such a pattern can match, spelled out
                    bucket.update({"y", "y'", "nt", "n't", "n’t"})
        return frozenset(firsts), frozenset(seconds)

    def _needs_full(self, lowers: list[int]) -> bool:
        """Two neighbouring words (LOWER ids) could open and close a multi-token rule."""
        firsts, seconds = self._first_ids, self._second_ids
        return any(a in firsts and b in seconds for a, b in zip(lowers, lowers[1:], strict=False))

    def _slow(self, doc: Doc) -> Doc:
        return self.lemmatizer(self.ruler(doc))  # type: ignore[operator]

    def _rule_key(self, shape: Shape) -> RuleKey:
        """What the ruler's answer depends on: the shape without its word, unless a rule names the word."""
        orth, tag, label, is_space, after_expl = shape
        return (tag, label, is_space, after_expl, orth if self._is_named(orth) else 0)

    def _is_named(self, orth: int) -> bool:
        named = self._named_words.get(orth)
        if named is None:
            lower = self.vocab.strings[orth].lower()
            named = self._named_words[orth] = lower in self._lowers or any(r.match(lower) for r in self._regexes)
        return named

    def _fill_rules(self, keys: list[RuleKey], shapes: list[Shape]) -> None:
        """Ask the real ruler about new rule keys, each through one shape that has it, all in one document.
        Each shape is one token; a separator follows one that could open a multi-token rule, and an
        expletive precedes one whose shape says so."""
        strings = self.vocab.strings
        words: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        at: list[int] = []
        for orth, tag, label, _is_space, after_expl in shapes:
            if after_expl:
                words.append("there"), tags.append("EX"), deps.append("expl")
            at.append(len(words))
            word = strings[orth]
            dep = self._other if label == OTHER else strings[label] if label else ""
            words.append(word), tags.append(strings[tag] if tag else ""), deps.append(dep)
            if dep == "expl" or word.lower() in self._firsts:
                words.append("|"), tags.append("NFP"), deps.append("punct")
        doc = Doc(self.vocab, words=words, spaces=[True] * len(words), tags=tags, deps=deps,
                  heads=list(range(len(words))))
        before = [t.dep for t in doc]
        doc = self.ruler(doc)  # type: ignore[operator]
        for key, i in zip(keys, at, strict=True):
            t = doc[i]
            self.rules[key] = (t.tag, t.pos, t.morph.key, t.lemma, t.dep if t.dep != before[i] else 0)

    def _fill(self, shapes: list[Shape]) -> None:
        """Answer new shapes: the ruler's part from the rule memo (asking the ruler about new keys), then the
        real lemmatizer over the words with those attributes (its rules read the word, POS and morphology)."""
        keys = [self._rule_key(s) for s in shapes]
        new: dict[RuleKey, Shape] = {}
        for key, shape in zip(keys, shapes, strict=True):
            if key not in self.rules and key not in new:
                new[key] = shape
        if new:
            self._fill_rules(list(new), list(new.values()))
        strings = self.vocab.strings
        doc = Doc(self.vocab, words=[strings[s[0]] for s in shapes], spaces=[True] * len(shapes))
        answers = [self.rules[k] for k in keys]
        doc.from_array([TAG, POS, MORPH, LEMMA], np.array([a[:4] for a in answers], dtype="uint64"))
        doc = self.lemmatizer(doc)  # type: ignore[operator]
        for shape, t, answer in zip(shapes, doc, answers, strict=True):
            self.memo[shape] = (t.tag, t.pos, t.morph.key, t.lemma, answer[4])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, TAG, DEP, IS_SPACE, LOWER]).tolist()
        if self._needs_full([row[4] for row in rows]):
            return self._slow(doc)
        if len(self.memo) > MAX_SHAPES:
            self.memo.clear()
            self._named_words.clear()
        memo = self.memo
        expl = self._expl
        labels = self._labels
        shapes: list[Shape] = []
        prev_dep = 0
        for orth, tag, dep, is_space, lower in rows:
            shapes.append((orth, tag, dep if dep in labels else OTHER, is_space,
                           prev_dep == expl and lower in _EXPL_COPULA_IDS))
            prev_dep = dep
        missing = list(dict.fromkeys(s for s in shapes if s not in memo))
        if missing:
            self._fill(missing)
        answers = np.array([memo[s] for s in shapes], dtype="uint64")  # rows: tag, pos, morph, lemma, dep
        doc.from_array([POS, MORPH, LEMMA], answers[:, 1:4])
        tags = np.array([row[1] for row in rows], dtype="uint64")
        # The few tokens whose tag the ruler changed or whose label it set, found without a Token per word.
        for i in np.flatnonzero((answers[:, 0] != tags) | (answers[:, 4] != 0)).tolist():
            token = doc[i]
            token.tag = int(answers[i, 0])
            if answers[i, 4]:
                token.dep = int(answers[i, 4])
        return doc


@Language.factory(NAME)
def make_fast_morph(nlp: Language, name: str) -> Any:
    return FastMorph(nlp)


def install(nlp: Language) -> Language:
    """Put the memoised component in place of spaCy's two (kept, disabled), if they are there in order."""
    names = nlp.pipe_names
    if NAME in names or not all(n in names for n in REPLACES):
        return nlp
    if names.index(REPLACES[1]) != names.index(REPLACES[0]) + 1:
        return nlp
    nlp.add_pipe(NAME, after=REPLACES[1])
    for n in REPLACES:
        nlp.disable_pipe(n)
    return nlp


__all__ = ["ENV", "FastMorph", "NAME", "enabled", "install"]
