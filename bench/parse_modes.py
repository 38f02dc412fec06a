"""Quality in one parse mode: runs a `dateline` CLI command with the pre-filter on or off everywhere.

usage: python bench/parse_modes.py {candidates|full} -- eval geo --limit 60 --json /tmp/geo-candidates.json
       python bench/parse_modes.py counts [--limit 200]   (outputs per corpus article in both modes)

The pipeline reads the mode from $DATELINE_PARSE; evaluation suites that call spaCy directly
(`nlp.load().pipe`, as the geo and time suites do) get a model whose `pipe` and `__call__` parse the
pre-filter's text, so every suite sees what the pipeline would parse. Run it once per mode, with the same
code, and compare the JSON reports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


class Prefiltered:
    """The loaded Language, reading only the sentences the pre-filter keeps."""

    def __init__(self, model: Language) -> None:
        self._model = model

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)

    def __call__(self, text: str, **kwargs: Any) -> Doc:
        from dateline import prefilter

        return self._model(prefilter.plan(text, "candidates").text, **kwargs)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        from dateline import prefilter

        return self._model.pipe((prefilter.plan(t, "candidates").text for t in texts), **kwargs)


def counts(limit: int) -> None:
    """Events, places, actors, times, quotes per corpus article in both modes, same code, same articles."""
    from throughput import DEFAULT_CORPUS, read

    from dateline import pipeline
    from dateline.ingest import RawArticle

    raws = [RawArticle.from_record(r) for r in read(DEFAULT_CORPUS, limit)]
    keys = ("events", "places", "actors", "times", "quotes", "counts")
    outs = {m: list(pipeline.analyse_many(raws, parse=m)) for m in ("full", "candidates")}  # type: ignore[misc]
    print(f"{len(raws)} corpus articles")
    for key in keys:
        full = [len(getattr(o, key)) for o in outs["full"]]
        cand = [len(getattr(o, key)) for o in outs["candidates"]]
        differ = sum(a != b for a, b in zip(full, cand, strict=True))
        print(f"  {key:7s} per article: full {sum(full) / len(raws):6.2f}  candidates {sum(cand) / len(raws):6.2f}"
              f"  ({differ} articles differ)")
    same = sum(
        [(e.event_type, e.evidence.trigger_start) for e in a.events] == [(e.event_type, e.evidence.trigger_start) for e in b.events]
        for a, b in zip(outs["full"], outs["candidates"], strict=True))
    print(f"  articles with the same events (type and trigger offset): {same} of {len(raws)}")


def main() -> None:
    if sys.argv[1:2] == ["counts"]:
        limit = int(sys.argv[3]) if sys.argv[2:3] == ["--limit"] else 200
        counts(limit)
        return
    mode, *rest = sys.argv[1:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    if mode not in ("candidates", "full"):
        raise SystemExit("mode must be candidates or full")
    os.environ["DATELINE_PARSE"] = mode
    from dateline import nlp

    if mode == "candidates":
        model = nlp.load()
        proxy = Prefiltered(model)
        nlp.load = lambda: proxy  # type: ignore[assignment,method-assign]
    from dateline.cli import app

    app(rest)


if __name__ == "__main__":
    main()
