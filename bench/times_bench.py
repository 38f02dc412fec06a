"""Benchmark: time tagging per article against the spaCy parse it rides on (issue #4: must add <= 10%)."""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import time
from pathlib import Path

from dateline import nlp
from dateline.times import tag_times

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "political-news.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in itertools.islice(fh, args.limit)]
    rows = [r for r in rows if r.get("text")]
    model = nlp.load()
    model("warm up")
    tag_times("warm up on Friday", "2020-01-01")
    parse_s: list[float] = []
    times_s: list[float] = []
    n_expr = 0
    for row in rows:
        t0 = time.perf_counter()
        sdoc = model(row["text"])
        t1 = time.perf_counter()
        exprs = tag_times(row["text"], row.get("published"), sdoc)
        t2 = time.perf_counter()
        parse_s.append(t1 - t0)
        times_s.append(t2 - t1)
        n_expr += len(exprs)
    chars = sum(len(r["text"]) for r in rows)
    print(f"articles={len(rows)} chars={chars} expressions={n_expr}")
    print(f"nlp parse  : total {sum(parse_s):.2f}s  mean {statistics.mean(parse_s) * 1000:.1f} ms/article")
    print(f"tag_times  : total {sum(times_s):.2f}s  mean {statistics.mean(times_s) * 1000:.2f} ms/article")
    print(f"ratio tag_times / parse = {sum(times_s) / sum(parse_s):.3f}")


if __name__ == "__main__":
    main()
