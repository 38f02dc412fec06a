"""Tense of the clause a time expression sits in: from the spaCy parse when given, else from nearby words."""

from __future__ import annotations

import bisect
import re
from typing import Literal

from spacy.tokens import Doc, Token

from ..nlp import text_of

Tense = Literal["past", "present", "future"]

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
# Modals that look ahead unless followed by "have" ("should be completed in October").
_PROSPECTIVE_MODALS = {"should", "must", "may", "might", "can"}
# Present-tense frames that put their complement in the future ("is due to meet", "plans to vote").
_FUTURE_FRAMES = {"due", "set", "scheduled", "expected", "planned", "plan", "going", "intend", "aim", "hope", "slated", "poised"}
# "made them leave on Monday": a bare infinitive under these is no imperative
_CAUSATIVES = {"make", "let", "help", "have", "see", "watch", "hear", "bid"}
_SENT_END = re.compile(r"[.!?\n]")
_LEX_FUTURE = re.compile(
    r"\b(?:will|shall|won't|going to|might|may|must|should|can|(?:is|are) (?:due|set|scheduled|expected|slated|poised) to|"
    r"(?:plans?|intends?|expects?|hopes?|aims?|needs?) to)\b(?! have\b)|'ll\b",
    re.I,
)
_LEX_PAST = re.compile(
    r"\b(?:said|was|were|had|did|told|met|went|came|took|gave|made|left|held|began|saw|won|lost|fled|fell|"
    r"killed|[a-z]{3,}ed)\b",
    re.I,
)


# The parse found the governing verb but it fixes no time of its own; do not fall back to nearby words.
_UNKNOWN = "unknown"


class TenseFinder:
    """Answers "what tense governs the text at this offset" for one document."""

    def __init__(self, text: str, sdoc: Doc | None) -> None:
        self.text = text
        self.sdoc = sdoc if sdoc is not None and text_of(sdoc) == text else None
        self._starts = [t.idx for t in self.sdoc] if self.sdoc is not None else []

    def at(self, start: int, end: int) -> Tense | None:
        if self.sdoc is not None and len(self.sdoc):
            i = max(0, bisect.bisect_right(self._starts, start) - 1)
            tense = _parse_tense(self.sdoc[i])
            if tense == _UNKNOWN:
                return None
            if tense is not None:
                return tense  # type: ignore[return-value]
        return self._lexical(start, end)

    def _lexical(self, start: int, end: int) -> Tense | None:
        left = max((m.end() for m in _SENT_END.finditer(self.text, max(0, start - 300), start)), default=max(0, start - 300))
        right_m = _SENT_END.search(self.text, end)
        window = self.text[left : right_m.start() if right_m else len(self.text)]
        if _LEX_FUTURE.search(window):
            return "future"
        if _LEX_PAST.search(window):
            return "past"
        return "present"


def _verb_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if "going" in lowers or (lowers & _PROSPECTIVE_MODALS and not lowers & {"have", "'ve"}):
        return "future"
    if (
        verb.tag_ == "VB" and verb.dep_ in ("ROOT", "ccomp", "parataxis", "xcomp") and not auxes
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
        and not (verb.dep_ == "xcomp" and verb.head.lemma_ in _CAUSATIVES)
    ):
        return "future"  # an imperative: "call me on Sunday"
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and lowers & {"has", "have", "had", "'ve", "'s"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "ROOT"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in _FUTURE_AUX else None
    return None


def _parse_tense(token: Token, depth: int = 0) -> Tense | str | None:
    """Walk up from the expression to the first verb and read its tense; an infinitive asks its governor."""
    node = token
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") and node.tag_ != "VBG" or node.tag_ == "VBG" and any(
            c.dep_ == "aux" for c in node.children
        ):
            tense = _verb_tense(node)
            if node.tag_ == "VB" and tense is None:
                # "to meet on Friday" under "plans"/"is due": the frame makes it future
                head = node.head
                if head is not node and (head.lower_ in _FUTURE_FRAMES or head.lemma_ in _FUTURE_FRAMES):
                    return "future"
                if head is not node and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
                    # "wants to meet on Friday": a present-tense governor looks ahead
                    # an infinitive under a past verb ("agreed to meet") says nothing of its own time
                    governing = _parse_tense(head, depth + 1) if depth < 4 else None
                    return "future" if governing in ("present", "future") else _UNKNOWN
            if tense is not None:
                return tense
        if node.head is node:
            break
        node = node.head
    return None
