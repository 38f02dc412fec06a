"""Benchmark: gazetteer load time and memory, bare resolution rate, and places per second over parsed articles."""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "political-news.jsonl.gz"
# A spread of names: big cities, small towns, countries, admin units, features, alternates and misses.
NAMES = ["Paris", "Springfield", "Georgia", "Nur Sultan", "Mangistau", "Kiev", "Bombay", "Darfur", "Black Sea",
         "Gainesville", "Alexandria", "U.S.", "Hall County", "Aleppo", "Queensland", "Notaplace", "Almaty",
         "Donbas", "Kashmir", "Lagos"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=100, help="articles to parse for the find_places rate")
    ap.add_argument("--names", type=int, default=20_000, help="bare resolve_name calls")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from dateline.places import gazetteer  # imports spaCy and pydantic too; timed apart from the load

    import_s = time.perf_counter() - t0
    before = rss_mb()
    t0 = time.perf_counter()
    gaz = gazetteer.load()
    load_s = time.perf_counter() - t0
    print(f"import dateline.places: {import_s:.2f} s, max RSS {before:.0f} MB")
    print(f"gazetteer load: {load_s:.2f} s, {len(gaz.rows)} entries, {len(gaz.index)} names; "
          f"max RSS {rss_mb():.0f} MB (+{rss_mb() - before:.0f} MB for the gazetteer)")

    from dateline.places import resolve_name

    t0 = time.perf_counter()
    for name in itertools.islice(itertools.cycle(NAMES), args.names):
        resolve_name(name)
    dt = time.perf_counter() - t0
    print(f"resolve_name: {args.names / dt:,.0f} names/s")

    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; skipping the find_places rate")
        return
    from dateline import nlp
    from dateline.models import Document
    from dateline.places import find_places

    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        texts = [r["text"] for r in map(json.loads, itertools.islice(fh, args.limit)) if r.get("text")]
    sdocs = nlp.parse_many(texts)
    t0 = time.perf_counter()
    n = 0
    for i, sdoc in enumerate(sdocs):
        n += len(find_places(sdoc, Document(id=str(i), text=sdoc.text)))
    dt = time.perf_counter() - t0
    print(f"find_places: {len(sdocs)} parsed articles, {n} toponyms in {dt:.2f} s = {n / dt:,.0f} toponyms/s, "
          f"{dt / len(sdocs) * 1000:.1f} ms/article (spaCy parse excluded); max RSS {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
