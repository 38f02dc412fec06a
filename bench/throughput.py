"""Throughput: the full pipeline against bare spaCy `nlp.pipe` on the same corpus articles, in one run.

usage: python bench/throughput.py [--limit N] [--corpus PATH] [--batch 16]

Prints articles/s and words/s for both, the ratio (dateline / bare spaCy; >= 1.0 means dateline is
faster), per-stage seconds for dateline, and peak RSS. The corpus is ../shared/corpus by default.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline import actors, events, nlp, pipeline, places, quotes, times
from dateline.ingest import RawArticle

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "political-news.jsonl.gz"


def read(path: Path, limit: int) -> list[dict[str, Any]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def timed(name: str, fn: Callable[..., Any], clock: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            clock[name] += time.perf_counter() - t

    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--batch", type=int, default=16)
    args = ap.parse_args()
    rows = read(args.corpus, args.limit)
    raws = [RawArticle.from_record(r) for r in rows]
    words = sum(len(r["text"].split()) for r in rows)
    model = nlp.load()
    list(model.pipe([r["text"] for r in rows[:4]]))  # warm both paths
    list(pipeline.analyse_many(raws[:4]))

    t = time.perf_counter()
    for _ in model.pipe((r["text"] for r in rows), batch_size=args.batch):
        pass
    bare = time.perf_counter() - t

    clock: dict[str, float] = defaultdict(float)
    # Wrap the stage functions the pipeline calls, so their share can be read off one run.
    pipeline.times = type("T", (), {"tag_times": staticmethod(timed("times", times.tag_times, clock))})  # type: ignore[assignment]
    pipeline.places = type("P", (), {"find_places": staticmethod(timed("places", places.find_places, clock))})  # type: ignore[assignment]
    pipeline.actors = type("A", (), {"find_actors": staticmethod(timed("actors", actors.find_actors, clock))})  # type: ignore[assignment]
    pipeline.quotes = type("Q", (), {"find_quotes": staticmethod(timed("quotes", quotes.find_quotes, clock))})  # type: ignore[assignment]
    pipeline.events = type("E", (), {  # type: ignore[assignment]
        "find_counts": staticmethod(timed("counts", events.find_counts, clock)),
        "code_events": staticmethod(timed("events", events.code_events, clock)),
    })
    t = time.perf_counter()
    n_events = sum(len(out.events) for out in pipeline.analyse_many(raws, batch_size=args.batch))
    full = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(rows)
    print(f"articles: {n}, words: {words}")
    print(f"bare spaCy nlp.pipe : {bare:7.1f} s  {n / bare:6.2f} articles/s  {words / bare:8.0f} words/s")
    print(f"dateline pipeline   : {full:7.1f} s  {n / full:6.2f} articles/s  {words / full:8.0f} words/s")
    print(f"ratio (dateline throughput / bare spaCy): {bare / full:.2f}")
    stages = sum(clock.values())
    print(f"spaCy + clean inside dateline: {full - stages:.1f} s ({(full - stages) / full:.0%})")
    for name, sec in sorted(clock.items(), key=lambda kv: -kv[1]):
        print(f"  {name:8s} {sec:6.2f} s ({sec / full:.1%})")
    print(f"events/article: {n_events / n:.2f}; peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
