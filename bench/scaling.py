"""Scaling: the same corpus articles through the engine on dask with 1 and 2 workers, and on the local engine.

usage: python bench/scaling.py [--limit 360] [--batch-size 8] [--configs local,dask1,dask2,writer] [--rounds 1]
       [--input ../shared/corpus/political-news.jsonl.gz] [--json out/scaling.json]

Each configuration ingests the articles into a fresh store. Prints per configuration: articles/s (wall, from
the first batch to the last commit; cluster start-up and model loading are timed apart), each analysing
process's CPU seconds and peak RSS, articles per worker CPU-second, and the CPU the rest of the machine used
meanwhile (the machine is shared: wall-clock ratios are only clean when that is near zero). Then the dask
2-vs-1 speed-up and whether every store holds the same rows as the first configuration's. `writer` replays
the local configuration's analyses without analysing: the articles/s the single writer alone sustains.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import psutil

from dateline.engine import analyse_batch, raw_hash, run
from dateline.executors import Dask, Executor, InProcess, ProcessPool, warm_up
from dateline.ingest import RawArticle
from dateline.models import EventDocument
from dateline.sources import iter_sources
from dateline.store import Store

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "political-news.jsonl.gz"

# Every column but the time a row was written, in insertion order (the single writer's order).
TABLES = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY rowid",
    "events": "SELECT * FROM events ORDER BY rowid",
    "event_actors": "SELECT * FROM event_actors ORDER BY rowid",
    "clusters": "SELECT * FROM clusters ORDER BY ALL",
}


def fingerprint(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: f"{len(rows)}:{hashlib.sha256(repr(rows).encode()).hexdigest()[:16]}"
                for t, q in TABLES.items() for rows in [con.execute(q).fetchall()]}
    finally:
        con.close()


def usage() -> dict[str, float]:
    """This process: CPU seconds and peak RSS. Runs on dask workers too.

    Peak RSS is /proc's VmHWM, not ru_maxrss: ru_maxrss survives fork and exec, so a worker spawned by a
    process that holds spaCy would report its parent's peak."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    status = Path("/proc/self/status").read_text()
    hwm_kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return {"pid": os.getpid(), "cpu": r.ru_utime + r.ru_stime, "peak_rss_mb": hwm_kb / 1024}


def machine_busy() -> dict[str, float]:
    """CPU seconds the whole machine has spent busy so far, niced processes apart."""
    t = psutil.cpu_times()
    return {"nice": t.nice, "busy": t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0)}


# The local configuration's analyses, kept so the `writer` configuration can replay them.
ANALYSED: dict[str, EventDocument | Exception] = {}


def recording(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    results = analyse_batch(raws)
    ANALYSED.update((raw_hash(r), d) for r, d in zip(raws, results, strict=True))
    return results


def replay(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    """No analysis: what is left is the single writer's share (hashing, rows, DuckDB, recluster)."""
    return [ANALYSED[raw_hash(r)] for r in raws]


def load_analysed(db: Path) -> None:
    """Fill ANALYSED from a store an earlier run wrote (the whole EventDocument is kept in doc_json)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for key, doc_json in con.execute("SELECT raw_hash, doc_json FROM documents WHERE status <> 'failed'")\
                .fetchall():
            ANALYSED[key] = EventDocument.model_validate_json(doc_json)
    finally:
        con.close()


def make(config: str) -> Executor:
    if config == "writer":
        if not ANALYSED:
            raise SystemExit("the writer configuration replays analyses: list local first, or --replay-from")
        return InProcess()
    if config == "local":
        warm_up()  # the in-process engine loads spaCy at its first batch; do it before the clock starts
        return InProcess()
    if config == "local2":
        return ProcessPool(2)
    if config.startswith("dask"):
        return Dask(workers=int(config[4:]))
    raise SystemExit(f"unknown configuration {config!r}")


def worker_usage(executor: Executor) -> list[dict[str, float]]:
    if isinstance(executor, Dask):
        return sorted(executor.client.run(usage).values(), key=lambda u: u["pid"])
    return [usage()] if isinstance(executor, InProcess) else []


def measure(config: str, raws: list[RawArticle], batch_size: int, workdir: Path) -> dict[str, Any]:
    db = workdir / f"{config}.duckdb"
    db.unlink(missing_ok=True)
    t0 = time.monotonic()
    executor = make(config)
    startup = time.monotonic() - t0
    try:
        before_workers, before_machine, before_self = worker_usage(executor), machine_busy(), usage()
        load_before = os.getloadavg()
        with Store(db) as store:
            analyse = {"local": recording, "writer": replay}.get(config, analyse_batch)
            report = run(store, raws, batch_size=batch_size, executor=executor, analyse=analyse)
        load_after = os.getloadavg()
        after_workers, after_machine, after_self = worker_usage(executor), machine_busy(), usage()
    finally:
        executor.close()
    wall = report.seconds
    workers = [{"cpu_s": round(a["cpu"] - b["cpu"], 1), "peak_rss_mb": round(a["peak_rss_mb"])}
               for b, a in zip(before_workers, after_workers, strict=True)]
    own = after_self["cpu"] - before_self["cpu"]
    if isinstance(executor, Dask):
        own += sum(w["cpu_s"] for w in workers)
    busy = after_machine["busy"] - before_machine["busy"]
    worker_cpu = sum(w["cpu_s"] for w in workers)
    return {
        "config": config, "articles": report.seen, "failed": report.failed, "events": report.events,
        "startup_s": round(startup, 1), "wall_s": round(wall, 1),
        "articles_per_s": round(report.seen / wall, 3),
        "workers": workers,
        "articles_per_worker_cpu_s": round(report.seen / worker_cpu, 3) if worker_cpu else None,
        "main_cpu_s": round(after_self["cpu"] - before_self["cpu"], 1),
        "others_cpu_s": round(busy - own, 1),
        "others_nice_cpu_s": round(after_machine["nice"] - before_machine["nice"], 1),
        "cores_free_for_us": round((psutil.cpu_count() * wall - max(busy - own, 0.0)) / wall, 2) if wall else None,
        "load_avg": [round(load_before[0], 2), round(load_after[0], 2)],
        "rows": fingerprint(db),
    }


def _worker_cpu(run: dict[str, Any]) -> float:
    return float(sum(w["cpu_s"] for w in run["workers"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--limit", type=int, default=360)
    ap.add_argument("--batch-size", type=int, default=8,
                    help="small batches keep both workers busy to the end of a short run")
    ap.add_argument("--configs", default="local,dask1,dask2,writer")
    ap.add_argument("--rounds", type=int, default=1, help="repeat every configuration, interleaved")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--replay-from", default=None, help="a store of the same articles, for `writer` alone")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    if not Path(args.input).exists():
        print(f"no corpus at {args.input}", file=sys.stderr)
        return 2
    raws = list(itertools.islice(iter_sources([args.input]), args.limit))
    if args.replay_from:
        load_analysed(Path(args.replay_from))
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="scaling-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"{len(raws)} articles, batch size {args.batch_size}, {psutil.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    results: list[dict[str, Any]] = []
    for round_no in range(args.rounds):
        for config in args.configs.split(","):
            r = measure(config, raws, args.batch_size, workdir)
            r["round"] = round_no + 1
            results.append(r)
            print(f"[{r['round']}] {config:6} {r['articles_per_s']:6.2f} art/s  wall {r['wall_s']:6.1f}s  "
                  f"start {r['startup_s']:5.1f}s  per worker CPU-s {r['articles_per_worker_cpu_s']}  workers "
                  f"{[(w['cpu_s'], w['peak_rss_mb']) for w in r['workers']]} (cpu s, peak MB)  main cpu "
                  f"{r['main_cpu_s']}s  others {r['others_cpu_s']}s (nice {r['others_nice_cpu_s']}s)  "
                  f"cores free {r['cores_free_for_us']}  load {r['load_avg']}", flush=True)
    summary: dict[str, Any] = {"runs": results}
    for round_no in range(1, args.rounds + 1):
        by = {r["config"]: r for r in results if r["round"] == round_no}
        if "dask1" in by and "dask2" in by:
            one, two = by["dask1"], by["dask2"]
            wall_ratio = two["articles_per_s"] / one["articles_per_s"]
            # Had the cores been ours alone: 1 worker takes its CPU time (the main process runs beside it on
            # the other core); 2 workers and the main process share the cores, so their CPU time over cores.
            cores = psutil.cpu_count() or 2
            wall_one = max(_worker_cpu(one), one["main_cpu_s"])
            wall_two = max(max(w["cpu_s"] for w in two["workers"]),
                           (_worker_cpu(two) + two["main_cpu_s"]) / cores)
            cpu_ratio = wall_one / wall_two
            summary.setdefault("speedup", []).append({"round": round_no, "wall": round(wall_ratio, 2),
                                                      "cpu_time": round(cpu_ratio, 2)})
            print(f"[{round_no}] dask 2 vs 1 workers: {wall_ratio:.2f}x wall clock; "
                  f"{cpu_ratio:.2f}x from per-worker CPU time", flush=True)
    first = fingerprint(Path(args.replay_from)) if args.replay_from else results[0]["rows"]
    same = all(r["rows"] == first for r in results)
    summary["identical_rows"] = same
    print(f"identical rows in every store: {same} {first}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(summary, indent=1))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
