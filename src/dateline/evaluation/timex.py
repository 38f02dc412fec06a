"""Suite `time`: temporal expressions on TempEval-3 platinum and MEANTIME, TempEval-3 span and value F1."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .base import Context, DataMissing, Row, SuiteResult, Table, failed_row, gather
from .scorers import Span, make_span, timex_scores

COLUMNS = ["strict_f1", "relaxed_f1", "value_f1", "type_f1", "relaxed_p", "relaxed_r", "value_accuracy", "predicted"]
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_ANCHOR_SCORE = re.compile(r"^(strict|relaxed|value|type)\s+P=([\d.]+)\s+R=([\d.]+)\s+F1=([\d.]+)")


@dataclass
class TimexDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Span] = field(default_factory=list)
    scored_end: int | None = None  # predictions starting here or later fall outside the annotated part


def parse_timeml(markup: str) -> tuple[str, list[Span]]:
    """Plain text of TimeML markup and its TIMEX3 spans (offsets into that plain text); other tags dropped."""
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    spans: list[Span] = []
    pos = 0
    for m in _TAG.finditer(markup):
        piece = html.unescape(markup[pos : m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name, attrs = m[1], m[2].upper(), m[3]
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
            if m[4]:  # an empty <TIMEX3/> marks nothing in the text
                open_timex = None
        elif open_timex is not None:
            start, attributes = open_timex
            spans.append(make_span(start, length, value=attributes.get("value"), type=attributes.get("type")))
            open_timex = None
    out.append(html.unescape(markup[pos:]))
    return "".join(out), spans


def _element(markup: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", markup, re.S)
    return m[1] if m else None


def read_te3_gold(path: Path) -> TimexDoc:
    markup = path.read_text(encoding="utf-8")
    dct_markup = _element(markup, "DCT") or ""
    dct = re.search(r'value="([^"]+)"', dct_markup)
    body = _element(markup, "TEXT")
    if body is None:
        raise DataMissing(f"{path}: no <TEXT> element")
    text, spans = parse_timeml(body)
    return TimexDoc(path.stem, text, dct[1][:10] if dct else None, spans)


def read_anchor(path: Path) -> tuple[str, list[Span]]:
    """A tagger's TimeML output: the body of <TimeML> with its TIMEX3 tags."""
    markup = path.read_text(encoding="utf-8")
    return parse_timeml(_element(markup, "TimeML") or markup)


class Aligner:
    """Maps offsets in one rendering of a text to another that differs only in whitespace.

    Taggers re-emit the text with their own line breaks and spacing, so offsets are carried through
    the count of non-space characters, which both renderings share.
    """

    def __init__(self, source: str, target: str) -> None:
        self.source_ns = [i for i, ch in enumerate(source) if not ch.isspace()]
        self.target_ns = [i for i, ch in enumerate(target) if not ch.isspace()]
        self.ok = "".join(source[i] for i in self.source_ns) == "".join(target[i] for i in self.target_ns)

    def start(self, offset: int) -> int:
        k = bisect_right(self.source_ns, offset - 1)  # first non-space char at or after offset
        return self.target_ns[k] if k < len(self.target_ns) else (self.target_ns[-1] + 1 if self.target_ns else 0)

    def end(self, offset: int) -> int:
        k = bisect_right(self.source_ns, offset - 1) - 1  # last non-space char before offset
        return self.target_ns[k] + 1 if k >= 0 else 0

    def span(self, span: Span) -> Span:
        return Span(self.start(span.start), self.end(span.end), span.attrs)


def published_anchor_scores(path: Path) -> dict[str, dict[str, float]]:
    """The anchors' F1 figures from time/anchors/anchor-scores.txt, keyed by tool folder name."""
    figures: dict[str, dict[str, float]] = {}
    if not path.exists():
        return figures
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            current = line[3:].strip()
            figures[current] = {}
        elif current and (m := _ANCHOR_SCORE.match(line.strip())):
            figures[current][f"{m[1]}_f1"] = float(m[4])
    return figures


def _dateline_spans(ctx: Context, docs: list[TimexDoc], label: str) -> Iterator[list[Span]]:
    from .. import nlp
    from ..times import tag_times

    parsed = nlp.load().pipe(d.text for d in docs)
    for doc, sdoc in ctx.track(zip(docs, parsed, strict=True), len(docs), label):
        found = tag_times(doc.text, doc.dct, sdoc)
        yield [make_span(t.start, t.end, value=t.value, type=t.type) for t in found
               if doc.scored_end is None or t.start < doc.scored_end]


def _dateline_row(ctx: Context, docs: list[TimexDoc], label: str) -> Row:
    try:
        predicted = list(_dateline_spans(ctx, docs, label))
    except Exception as err:  # a stage under construction must not take the other rows down
        return failed_row("dateline", err)
    return Row("dateline", "dateline", _metrics(timex_scores(zip((d.timexes for d in docs), predicted, strict=True))))


def _table(dataset: str, docs: list[TimexDoc], unit: str = "documents") -> Table:
    n_gold = sum(len(d.timexes) for d in docs)
    return Table(
        dataset=dataset, columns=COLUMNS, n=len(docs), unit=unit,
        notes=[f"{n_gold} gold TIMEX3 (document creation time excluded). strict = exact extent, relaxed = overlap, "
               "value/type = relaxed match with the same attribute; P over predicted, R over gold (TempEval-3)."],
    )


def _metrics(scores: dict[str, float]) -> dict[str, float | int | None]:
    return {k: scores[k] for k in COLUMNS} | {"gold": scores["gold"], "value_norm_f1": scores["value_norm_f1"]}


def run_te3(ctx: Context) -> Table:
    root = ctx.path("time", "te3-platinum", "gold")
    files = sorted(root.glob("*.tml"))
    docs = [read_te3_gold(p) for p in ctx.take(files)]
    table = _table("te3-platinum", docs)
    table.rows.append(_dateline_row(ctx, docs, "time: te3 dateline"))
    anchors = ctx.data / "time" / "anchors"
    published = published_anchor_scores(anchors / "anchor-scores.txt")
    for folder in sorted(p for p in anchors.glob("*") if p.is_dir()):
        pairs, misaligned = [], 0
        for doc in docs:
            path = folder / f"{doc.name}.tml"
            spans: list[Span] = []
            if path.exists():
                text, raw = read_anchor(path)
                aligner = Aligner(text, doc.text)
                misaligned += not aligner.ok
                spans = [aligner.span(s) for s in raw]
            pairs.append((doc.timexes, spans))
        note = f"{misaligned} documents' text differs beyond whitespace" if misaligned else None
        table.rows.append(Row(folder.name, "anchor", _metrics(timex_scores(pairs)),
                              published=published.get(folder.name, {}) if ctx.whole(len(files)) else {}, note=note))
    return table


_SPACE_BEFORE_NOT = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
_SPACE_AFTER_NOT = {"(", "[", "{", "$", "``"}


def read_meantime(path: Path) -> TimexDoc:
    """A MEANTIME (NAF-like CAT) file: tokens joined into text, TIMEX3 markables as spans over their tokens.

    The title (sentence 0) is kept as the first paragraph; the date line holding the creation time is dropped
    and given as the document date instead, as TempEval does. MEANTIME annotates only the first sentences of
    each article: the whole text is tagged, but only the annotated sentences are scored.
    """
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    timexes = list(root.iter("TIMEX3"))
    dct, dct_tokens = None, set()
    for tx in timexes:
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = (tx.get("value") or "")[:10] or None
            dct_tokens = {a.get("t_id") for a in tx.iter("token_anchor")}
    dct_sentences = {s for tid, s, _ in tokens if tid in dct_tokens}
    sentence_of = {tid: s for tid, s, _ in tokens}
    markables = root.find("Markables")
    anchored = [sentence_of.get(a.get("t_id", ""), -1) for a in (markables.iter("token_anchor")
                                                                  if markables is not None else [])]
    last_annotated = max(anchored, default=max((s for _, s, _ in tokens), default=0))
    scored_end: int | None = None
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, prev_sentence, prev_text = 0, None, ""
    for tid, sentence, text in tokens:
        if sentence in dct_sentences:
            continue
        if sentence > last_annotated and scored_end is None:
            scored_end = length
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence and prev_sentence == 0:
            sep = "\n\n"  # the headline is its own paragraph
        elif text in _SPACE_BEFORE_NOT or prev_text in _SPACE_AFTER_NOT:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        length += len(sep)
        offsets[tid] = (length, length + len(text))
        parts.append(text)
        length += len(text)
        prev_sentence, prev_text = sentence, text
    spans = []
    for tx in timexes:
        ids = [a.get("t_id") for a in tx.iter("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME" or not ids or any(i not in offsets for i in ids):
            continue
        start = min(offsets[i][0] for i in ids)  # type: ignore[index]
        end = max(offsets[i][1] for i in ids)  # type: ignore[index]
        spans.append(make_span(start, end, value=tx.get("value"), type=tx.get("type")))
    return TimexDoc(path.stem, "".join(parts), dct, sorted(spans, key=lambda s: s.start), scored_end)


def run_meantime(ctx: Context) -> Table:
    root = ctx.path("time", "meantime-en", "intra-doc_annotation")
    docs = [read_meantime(p) for p in ctx.take(sorted(root.glob("*/*.xml")))]
    table = _table("meantime-en", docs)
    table.notes.append("Text rebuilt from MEANTIME's tokens (no space before closing punctuation). MEANTIME annotates "
                       "only each article's first sentences: the whole text is tagged, predictions after the last "
                       "annotated sentence are not scored. No anchor outputs.")
    table.rows.append(_dateline_row(ctx, docs, "time: meantime dateline"))
    return table


def run(ctx: Context) -> SuiteResult:
    return gather("time", [lambda: run_te3(ctx), lambda: run_meantime(ctx)])
