"""Stage: direct and partial quotes with their speakers.

Quote marks are paired per paragraph: curly and guillemet pairs by their shape, straight double quotes in
order, single curly quotes only when they open after a space and close before a non-letter (so apostrophes
are never taken for quotes). An unclosed quote runs to the end of its paragraph (the newspaper convention
for quotes continued in the next paragraph).

The speaker is found through the speech verb: among the verbs of the quote's sentence(s) that lie outside
the quote and have a speech-verb lemma, the one governing the quote wins, else the nearest. Its subject
gives the speaker; a subjectless participle or conjunct ("..., adding", "saying") climbs to the verb it
hangs from. "X: 'quote'" takes the actor just before the colon. A quote with no speech verb continues
the previous quote's speaker when that quote was in the same or the previous sentence. Short scare quotes
("terrorists") are partial quotes and use the same verb rule, so they get a speaker only when one is clear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .actors import actor_at
from .kb import load_kb
from .models import Actor, Quote
from .nlp import text_of

OPEN_CLOSE = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
SCARE_WORDS = 3  # a partial quote this short is a scare quote
MAX_MENTION = 300  # characters: no actor mention is longer, so lookups need only actors starting this close
_PARA = re.compile(r"\n\s*\n|\n")
_MARK = re.compile("[\u201c\u00ab\u201e\"\u2018]")  # the characters that can open a quote


@dataclass
class _Mark:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or paragraph end when unclosed)


def _pairs(text: str) -> list[_Mark]:
    """Quote spans, paragraph by paragraph."""
    marks: list[_Mark] = []
    pos = 0
    for para_end in [m.start() for m in _PARA.finditer(text)] + [len(text)]:
        marks.extend(_pairs_in(text, pos, para_end))
        pos = para_end
    return marks


def _pairs_in(text: str, start: int, end: int) -> list[_Mark]:
    out: list[_Mark] = []
    i = start
    while i < end:
        found = _MARK.search(text, i, end)  # every other character is stepped over: jump to the next mark
        if found is None:
            break
        i = found.start()
        ch = text[i]
        close: int | None = None
        if ch in OPEN_CLOSE:
            close = text.find(OPEN_CLOSE[ch], i + 1, end)
        elif ch == '"':
            if i > start and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace()):
                i += 1  # a closer with no opener here: the quote began in an earlier paragraph
                continue
            close = text.find('"', i + 1, end)
        elif ch == "\u2018" and (i == start or not text[i - 1].isalnum()):
            j = i + 1
            close = -1
            while j < end:
                j = text.find("\u2019", j, end)
                if j < 0:
                    break
                if j + 1 >= end or not text[j + 1].isalpha():
                    close = j
                    break
                j += 1
        else:
            i += 1
            continue
        if close is None or close < 0:
            if ch in OPEN_CLOSE or ch == '"':
                out.append(_Mark(i, end))  # continued in the next paragraph
            i = end if ch != "\u2018" else i + 1
            continue
        out.append(_Mark(i, close))
        i = close + 1
    return out


def _inner(text: str, mark: _Mark) -> tuple[int, int]:
    """Content offsets without the marks, surrounding spaces or a trailing comma."""
    s, e = mark.open + 1, mark.close
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _climb_subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb a participle/conjunct hangs from."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
            if child.dep_ == "agent":  # "was called X by Y": the speaker is Y
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None  # "X was accused of ...", "X was told": X is not the speaker
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "dep", "prep", "pobj") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


class _Quoter:
    def __init__(self, sdoc: Doc, actors: list[Actor]) -> None:
        self.sdoc = sdoc
        self.text = text_of(sdoc)
        self.actors = sorted((a for a in actors if a.start is not None and a.end is not None),
                             key=lambda a: a.start or 0)
        self.actor_starts = [a.start or 0 for a in self.actors]
        self.sents = list(sdoc.sents)
        self.sent_starts = [sent.start_char for sent in self.sents]

    def sent_of(self, char: int) -> int:
        """Index of the sentence holding ``char`` (binary search over sentence starts)."""
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def near(self, start: int, end: int) -> list[Actor]:
        """Actors starting in [start - MAX_MENTION, end): all that can overlap the span, found by bisection."""
        lo = bisect.bisect_left(self.actor_starts, start - MAX_MENTION)
        hi = bisect.bisect_left(self.actor_starts, end)
        return self.actors[lo:hi]

    def before(self, i: int) -> int:
        """Index of the last non-space character before ``i`` (-1 if none)."""
        i -= 1
        while i >= 0 and self.text[i].isspace():
            i -= 1
        return i

    def speaker_of(self, mark: _Mark) -> tuple[Actor | None, str | None]:
        s_first = self.sent_of(mark.open)
        s_last = self.sent_of(max(mark.open, mark.close - 1))
        # A trailing "X said." parsed as its own sentence belongs to the quote before it.
        if s_last + 1 < len(self.sents) and self.sents[s_last + 1].start_char <= mark.close + 2 \
                and len(self.sents[s_last + 1]) <= 10:
            s_last += 1
        tokens = [t for n in range(s_first, s_last + 1) for t in self.sents[n]]
        outside = [t for t in tokens if not (mark.open <= t.idx <= mark.close)]
        speech = load_kb().speech_verbs
        verbs = [t for t in outside if t.lemma_.lower() in speech and t.pos_ in ("VERB", "AUX")]
        if verbs:
            inside_tok = next((t for t in tokens if t.idx > mark.open), None)

            def rank(v: Token) -> tuple[int, int]:
                governs = inside_tok is not None and v.left_edge.i <= inside_tok.i <= v.right_edge.i
                dist = min(abs(v.idx - mark.open), abs(v.idx - mark.close))
                return (0 if governs else 1, dist)

            for verb in sorted(verbs, key=rank):
                subject = _climb_subject(verb)
                if subject is None:
                    continue
                span_start = subject.left_edge.idx
                span_end = subject.right_edge.idx + len(subject.right_edge)
                # The subject's head word first: "said Tim Miller, the president of LionHeart Group" is Miller.
                actor = actor_at(self.near(subject.idx, subject.idx + len(subject)), subject.idx,
                                 subject.idx + len(subject)) or actor_at(self.near(span_start, span_end),
                                                                         span_start, span_end)
                if actor is not None:
                    return actor, actor.name
                if subject.pos_ in ("PROPN", "NOUN"):
                    # The subject up to its head word: "Trumka, who pointed to ..." is "Trumka".
                    return None, self.text[span_start:subject.idx + len(subject)]
        # "X: 'quote'"
        colon = self.before(mark.open)
        if colon >= 0 and self.text[colon] == ":":
            sent = self.sents[s_first]
            cands = [a for a in self.near(sent.start_char, colon)
                     if a.end is not None and a.start is not None and sent.start_char <= a.start and a.end <= colon]
            if cands:
                best = max(cands, key=lambda a: a.end or 0)
                return best, best.name
        return None, None

    def run(self) -> list[Quote]:
        quotes: list[Quote] = []
        last: tuple[int, Quote] | None = None
        for mark in _pairs(self.text):
            start, end = _inner(self.text, mark)
            if end <= start:
                continue
            body = self.text[start:end]
            partial = self._partial(mark, body)
            words = body.split()
            titled = partial and len(words) <= SCARE_WORDS and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
            if titled:
                actor, speaker = None, None  # a title or name in quotes ("New Day", "Great Society"), not speech
            else:
                actor, speaker = self.speaker_of(mark)
            sent_no = self.sent_of(mark.open)
            if speaker is None and not titled and last is not None and sent_no - last[0] <= 1 and last[1].speaker:
                actor, speaker = last[1].speaker_actor, last[1].speaker
            quote = Quote(speaker=speaker, speaker_actor=actor, text=body, start=start, end=end, partial=partial)
            quotes.append(quote)
            last = (self.sent_of(mark.close - 1 if mark.close > mark.open else mark.open), quote)
        return quotes

    def _partial(self, mark: _Mark, body: str) -> bool:
        """Direct quotes open a sentence or follow ':' / ','; anything embedded mid-clause is partial."""
        if len(body.split()) <= SCARE_WORDS:
            return True
        prev = self.before(mark.open)
        opens_sentence = prev < 0 or self.text[prev] in ".:,!?\n" or self.text[mark.open - 1:mark.open] == "\n"
        return not (opens_sentence and body[:1].isupper())


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch, marks excluded."""
    return [(m.open + 1, m.close) for m in _pairs(text)]


def find_quotes(sdoc: Doc, actors: list[Actor]) -> list[Quote]:
    """Direct and partial quotes in the body, each with its speaker when the syntax makes it clear."""
    return _Quoter(sdoc, actors).run()


__all__ = ["find_quotes", "quote_spans"]
