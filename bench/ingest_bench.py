"""Corpus-mode benchmark: ingest N articles, re-ingest, export and load back, sample clusters to spot-check.

Usage: python bench/ingest_bench.py [--input ../shared/corpus/political-news.jsonl.gz] [--limit 2000]
       [--sample busiest-days|first]
       [--db out/bench.duckdb] [--spot-check 30 --spot-file out/spot_check.md] [--json out/ingest_bench.json]

Prints articles/s, events/article, store size, the second run's added rows, cluster figures and export checks.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.ingest import RawArticle

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "political-news.jsonl.gz"


def _size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists()) / 1e6


def busiest_days(input_path: str, limit: int) -> Iterator[RawArticle]:
    """The articles of the dates with the most articles, until `limit`: same-day stories from several
    outlets are what dedup is for, and the corpus's own order spreads them over a thousand dates."""
    from dateline.sources import iter_jsonl

    per_day: Counter[str] = Counter(r.published for r in iter_jsonl(input_path) if r.published)
    days: set[str] = set()
    total = 0
    for day, n in sorted(per_day.items(), key=lambda kv: (-kv[1], kv[0])):
        if total >= limit:
            break
        days.add(day)
        total += n
    chosen = (r for r in iter_jsonl(input_path) if r.published in days)
    return itertools.islice(chosen, limit)


def run_ingest(db: Path, input_path: str, limit: int, batch_size: int, sample: str) -> dict[str, Any]:
    from dateline.engine import IngestReport, run
    from dateline.sources import iter_sources
    from dateline.store import Store

    last = [0.0]

    def tick(r: IngestReport) -> None:
        if time.monotonic() - last[0] > 30:
            last[0] = time.monotonic()
            print(f"  {r.seen} articles, {r.events} events, {r.articles_per_second:.2f} art/s", file=sys.stderr)

    with Store(db) as store:
        before = store.counts()
        t0 = time.monotonic()
        raws = busiest_days(input_path, limit) if sample == "busiest-days" else iter_sources([input_path])
        report = run(store, raws, batch_size=batch_size, limit=limit, progress=tick)
        seconds = time.monotonic() - t0
        store.con.execute("CHECKPOINT")
        after = store.counts()
        stats = store.stats(top=10)
    return {"report": report.as_dict(), "seconds": round(seconds, 1), "before": before, "after": after,
            "added_rows": {k: after[k] - before[k] for k in after}, "stats": stats}


def check_exports(db: Path, out_dir: Path) -> dict[str, Any]:
    import duckdb

    from dateline.export import ACLED_COLUMNS, GDELT_COLUMNS, export
    from dateline.store import Store

    out: dict[str, Any] = {}
    with Store(db) as store:
        for fmt, name in (("parquet", "events.parquet"), ("plover", "events.plover.jsonl"),
                          ("gdelt", "clusters.gdelt.csv"), ("acled", "clusters.acled.csv")):
            path = out_dir / name
            t0 = time.monotonic()
            n = export(store, fmt, path)
            out[fmt] = {"rows": n, "seconds": round(time.monotonic() - t0, 2), "path": str(path)}
    con = duckdb.connect()
    out["parquet"]["loaded_back"] = con.execute(
        f"SELECT count(*) FROM read_parquet('{out_dir / 'events.parquet'}')").fetchone()[0]
    out["plover"]["loaded_back"] = con.execute(
        f"SELECT count(*) FROM read_json_auto('{out_dir / 'events.plover.jsonl'}')").fetchone()[0]
    for fmt, name, columns in (("gdelt", "clusters.gdelt.csv", GDELT_COLUMNS),
                               ("acled", "clusters.acled.csv", ACLED_COLUMNS)):
        with (out_dir / name).open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            rows = sum(1 for _ in reader)
            out[fmt]["header_ok"] = tuple(reader.fieldnames or ()) == columns
        out[fmt]["loaded_back"] = rows
        out[fmt]["duckdb_rows"] = con.execute(f"SELECT count(*) FROM read_csv('{out_dir / name}', header=true, "
                                              f"all_varchar=true)").fetchone()[0]
    return out


def cluster_figures(db: Path) -> dict[str, Any]:
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        q = store.con.execute
        return {
            "clusters": q("SELECT count(*) FROM clusters").fetchone()[0],
            "multi_article": q("SELECT count(*) FROM clusters WHERE num_articles > 1").fetchone()[0],
            "multi_source": q("SELECT count(*) FROM clusters WHERE num_sources > 1").fetchone()[0],
            "events_in_multi_source": q("SELECT coalesce(sum(num_events), 0) FROM clusters "
                                        "WHERE num_sources > 1").fetchone()[0],
            "max_sources": q("SELECT coalesce(max(num_sources), 0) FROM clusters").fetchone()[0],
            "by_type": dict(q("SELECT event_type, count(*) FROM clusters WHERE num_sources > 1 GROUP BY 1 "
                              "ORDER BY 2 DESC LIMIT 10").fetchall()),
        }


def spot_check(db: Path, k: int, path: Path, seed: int) -> int:
    """Write k randomly chosen multi-source clusters with every member's evidence, to judge by hand."""
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute(
            "SELECT id FROM clusters WHERE num_sources > 1 ORDER BY id").fetchall()]
        chosen = sorted(random.Random(seed).sample(ids, min(k, len(ids))))
        lines = [f"# Dedup spot-check: {len(chosen)} of {len(ids)} multi-source clusters (seed {seed})", "",
                 "Judge each: SAME (all mentions report one real-world event) or MIXED (say which differ).", ""]
        for n, cid in enumerate(chosen, 1):
            c = store.get_cluster(cid)
            assert c is not None
            lines.append(f"## {n}. {cid} {c['event_type']} {c['date_start']}..{c['date_end']} "
                         f"sources={c['num_sources']} articles={c['num_articles']} countries={c['actor_countries']}")
            for ev in store.query_events(cluster_id=cid, limit=None):
                actors = "; ".join(f"{a}[{b or ''}]" for a, b in zip(ev["actor_names"], ev["actor_countries"],
                                                                      strict=False))
                recips = "; ".join(f"{a}[{b or ''}]" for a, b in zip(ev["recipient_names"],
                                                                     ev["recipient_countries"], strict=False))
                lines.append(f"- {ev['source'] or ev['host']} ({ev['published']}): {actors} -> {recips} "
                             f"@ {ev['location_name'] or ev['country'] or '-'} | "
                             f"{(ev['sentence'] or '').strip()[:300]}")
            lines += ["- verdict: ", ""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(chosen)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--sample", choices=("busiest-days", "first"), default="busiest-days",
                    help="which articles: all of the busiest dates (same-day stories), or the file's first N")
    ap.add_argument("--db", default=str(ROOT / "out" / "bench.duckdb"))
    ap.add_argument("--keep", action="store_true", help="do not delete an existing store first")
    ap.add_argument("--skip-second", action="store_true")
    ap.add_argument("--spot-check", type=int, default=30)
    ap.add_argument("--spot-file", default=str(ROOT / "out" / "spot_check.md"))
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--json", default=None, help="also write the figures here")
    args = ap.parse_args()
    if not Path(args.input).exists():
        print(f"no input {args.input}", file=sys.stderr)
        return 2
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    if not args.keep:
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
    figures: dict[str, Any] = {"input": args.input, "limit": args.limit, "sample": args.sample}
    first = run_ingest(db, args.input, args.limit, args.batch_size, args.sample)
    rep = first["report"]
    figures["first_run"] = {
        "articles": rep["seen"], "seconds": first["seconds"], "articles_per_second": rep["articles_per_second"],
        "documents_ok": first["stats"]["documents_ok"], "documents_skipped": first["stats"]["documents_skipped"],
        "documents_failed": first["stats"]["documents_failed"], "events": first["stats"]["events"],
        "events_per_article": round(first["stats"]["events"] / max(1, rep["seen"]), 3),
        "events_per_ok_article": round(first["stats"]["events"] / max(1, first["stats"]["documents_ok"]), 3),
        "store_mb": round(_size_mb(db), 1), "top_types": first["stats"]["top_types"],
    }
    print(json.dumps(figures["first_run"], default=str))
    if not args.skip_second:
        second = run_ingest(db, args.input, args.limit, args.batch_size, args.sample)
        figures["second_run"] = {"seconds": second["seconds"], "added_rows": second["added_rows"],
                                 "known": second["report"]["known"]}
        print(json.dumps(figures["second_run"]))
    figures["clusters"] = cluster_figures(db)
    print(json.dumps(figures["clusters"]))
    figures["exports"] = check_exports(db, db.parent)
    print(json.dumps(figures["exports"]))
    if args.spot_check:
        n = spot_check(db, args.spot_check, Path(args.spot_file), args.seed)
        figures["spot_check"] = {"clusters": n, "file": args.spot_file}
        print(f"spot-check sample of {n} clusters written to {args.spot_file}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
