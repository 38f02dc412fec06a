"""Throughput: the full pipeline against bare spaCy `nlp.pipe` on the same corpus articles, in one run.

usage: python bench/throughput.py [--limit N] [--skip 0] [--corpus PATH] [--batch 16] [--chunk 32]
                                  [--parse candidates|full|both]

Prints articles/s and words/s for both, the ratio (dateline / bare spaCy; >= 1.0 means dateline is
faster; measured in CPU seconds of the process, which other jobs' load barely moves; wall seconds are
shown too), per-stage CPU seconds for dateline, outputs per article, the share of sentences the pre-filter left
unparsed, peak RSS and the load average. The systems (bare spaCy, dateline in each parse mode asked for)
take turns chunk by chunk so that a shared machine's drifting load falls on all of them alike. Because
the ratio is of CPU seconds, a long run can be split into shards (--skip/--limit) run side by side and
their seconds added up. The corpus is ../shared/corpus by default.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline import actors, clean, events, executors, nlp, pipeline, places, prefilter, quotes, times
from dateline.ingest import RawArticle

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "political-news.jsonl.gz"


def read(path: Path, limit: int, skip: int = 0) -> list[dict[str, Any]]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            rows.append(json.loads(line))
            if len(rows) >= limit:
                break
    return rows


def timed(name: str, fn: Callable[..., Any], clock: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            clock[name] += time.process_time() - t

    return wrapper


class _TimedNlp:
    """`nlp` as the pipeline sees it, with the batch's `nlp.parse_many` timed as the stage "spacy"."""

    def __init__(self, clock: dict[str, float]) -> None:
        self.clock = clock

    def __getattr__(self, name: str) -> Any:
        return getattr(nlp, name)

    def parse_many(self, texts: list[str], **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return nlp.parse_many(texts, **kwargs)
        finally:
            self.clock["spacy"] += time.process_time() - t


def _wrap_stages(clock: dict[str, float]) -> None:
    """Wrap the stage functions the pipeline calls, so their share can be read off one run."""
    pipeline.times = type("T", (), {"tag_times": staticmethod(timed("times", times.tag_times, clock))})  # type: ignore[assignment]
    pipeline.places = type("P", (), {"find_places": staticmethod(timed("places", places.find_places, clock))})  # type: ignore[assignment]
    pipeline.actors = type("A", (), {"find_actors": staticmethod(timed("actors", actors.find_actors, clock))})  # type: ignore[assignment]
    pipeline.quotes = type("Q", (), {"find_quotes": staticmethod(timed("quotes", quotes.find_quotes, clock))})  # type: ignore[assignment]
    pipeline.events = type("E", (), {  # type: ignore[assignment]
        "find_counts": staticmethod(timed("counts", events.find_counts, clock)),
        "code_events": staticmethod(timed("events", events.code_events, clock)),
    })
    pipeline.clean = type("C", (), {"clean": staticmethod(timed("clean", clean.clean, clock))})  # type: ignore[assignment]
    pipeline.nlp = _TimedNlp(clock)  # type: ignore[assignment]
    pipeline.prefilter = type("F", (), {  # type: ignore[assignment]
        "plan": staticmethod(timed("prefilter", prefilter.plan, clock)),
        "mode_from_env": staticmethod(prefilter.mode_from_env),
    })


def _report(name: str, sec: float, wall: float, n: int, words: int, bare: tuple[float, float] | None) -> None:
    ratio = f"  ratio: {bare[0] / sec:.3f} CPU, {bare[1] / wall:.3f} wall" if bare else ""
    print(f"{name:22s}: CPU {sec:7.1f} s  {n / sec:6.2f} articles/s  {words / sec:7.0f} words/s;"
          f"  wall {wall:7.1f} s  {n / wall:6.2f} articles/s{ratio}")


def _shares(clock: dict[str, float], total: float) -> None:
    stages = sum(clock.values())
    print(f"  not in a stage (glue, models, GC): {total - stages:.1f} s ({(total - stages) / total:.1%})")
    for name, sec in sorted(clock.items(), key=lambda kv: -kv[1]):
        print(f"  {name:9s} {sec:6.2f} s ({sec / total:.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--skip", type=int, default=0, help="start after this many articles (to run shards side by side)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--parse", choices=[*prefilter.MODES, "both", "all"], default=prefilter.mode_from_env(),
                    help="what spaCy reads (default: $DATELINE_PARSE or the pipeline's default); both = lean and "
                         "candidates, all = every mode")
    ap.add_argument("--chunk", type=int, default=32, help="articles each system runs on before the next takes over")
    args = ap.parse_args()
    rows = read(args.corpus, args.limit, args.skip)
    raws = [RawArticle.from_record(r) for r in rows]
    words = sum(len(r["text"].split()) for r in rows)
    # The baseline is the English pipeline exactly as shipped (dateline's own copy runs memoised components).
    model = nlp.load_shipped()
    list(model.pipe([r["text"] for r in rows[:4]]))  # warm both paths
    list(pipeline.analyse_many(raws[:4], parse="lean"))
    executors.settle()  # as dateline's engines do once a worker has loaded (it helps bare spaCy alike)

    modes: list[prefilter.ParseMode] = {"both": ["lean", "candidates"], "all": list(prefilter.MODES)}.get(
        args.parse, [args.parse])  # type: ignore[assignment]
    # The machine is shared and its load drifts: every system runs on each chunk in turn, in rotating
    # order, so all of them see the same load and the ratios compare like with like.
    systems = ["bare", *modes]
    seconds: dict[str, float] = defaultdict(float)  # CPU seconds of this process: what the ratio compares
    walls: dict[str, float] = defaultdict(float)  # wall seconds: shown, but other jobs' load is in them
    clocks: dict[str, dict[str, float]] = {m: defaultdict(float) for m in modes}
    counts: dict[str, dict[str, int]] = {m: defaultdict(int) for m in modes}
    for k, lo in enumerate(range(0, len(rows), args.chunk)):
        chunk_rows, chunk_raws = rows[lo : lo + args.chunk], raws[lo : lo + args.chunk]
        for system in systems[k % len(systems):] + systems[: k % len(systems)]:
            t, w = time.process_time(), time.perf_counter()
            if system == "bare":
                for _ in model.pipe((r["text"] for r in chunk_rows), batch_size=args.batch):
                    pass
                seconds[system] += time.process_time() - t
                walls[system] += time.perf_counter() - w
                continue
            _wrap_stages(clocks[system])
            outs = list(pipeline.analyse_many(chunk_raws, batch_size=args.batch, parse=system))  # type: ignore[arg-type]
            seconds[system] += time.process_time() - t
            walls[system] += time.perf_counter() - w
            for key in ("events", "places", "actors", "times", "quotes", "counts"):
                counts[system][key] += sum(len(getattr(o, key)) for o in outs)
    n = len(rows)
    print(f"articles: {n}, words: {words}, chunk: {args.chunk}, batch: {args.batch}")
    _report("bare spaCy nlp.pipe", seconds["bare"], walls["bare"], n, words, None)
    for mode in modes:
        _report(f"dateline ({mode})", seconds[mode], walls[mode], n, words, (seconds["bare"], walls["bare"]))
        _shares(clocks[mode], seconds[mode])
        print("  per article: " + ", ".join(f"{k} {v / n:.2f}" for k, v in counts[mode].items()))
    if set(modes) - {"full"}:
        plans = [prefilter.plan(clean.clean(r)[0].text, "lean") for r in raws]
        n_sent = sum(p.sentences for p in plans)
        chars = sum(len(p.text) for p in plans)
        print(f"pre-filter: {sum(p.dropped for p in plans) / n_sent:.1%} of {n_sent} sentences and "
              f"{sum(p.dropped_chars for p in plans) / chars:.1%} of characters left unparsed")
        if "lean" in modes:
            unread = sum((p.ner_text or p.text).count(" ") - p.text.count(" ") for p in plans)
            print(f"lean: a further {unread / chars:.1%} of characters parsed but not read by the recogniser")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB; load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
