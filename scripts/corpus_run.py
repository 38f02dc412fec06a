"""Run a corpus through `dateline ingest` into a DuckDB store and report what the store holds.

    # ingest (here the first 300 articles) and report
    nice .venv/bin/python scripts/corpus_run.py ../shared/corpus/political-news.jsonl.gz --db /tmp/c300.duckdb --limit 300
    # report on an existing store only; works while another process is still writing it (reads a copy)
    .venv/bin/python scripts/corpus_run.py ../shared/corpus/political-news.jsonl.gz --db /work/runs/corpus38k.duckdb \
        --report-only --run-json /work/runs/run1.json --run-log /work/runs/run1.err

The report: input records, documents ok / skipped by reason / failed by reason, events, wall time, and
unhandled exceptions (tracebacks in the ingest log, a non-zero exit, and failed rows whose reason is an
exception other than the guards' and bad-input ones). --markdown prints the tables docs/reliability.md uses.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

# Failure reasons that are the pipeline refusing on purpose, not a crash.
EXPECTED_FAILURES = ("TimeBudgetExceeded", "DocumentRefused", "InputError")


def count_records(path: Path) -> int | None:
    """Non-empty lines of a JSON Lines file (plain or .gz); None for other inputs."""
    if not path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return None
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        return sum(1 for line in fh if line.strip())


def ingest(corpus: Path, db: Path, limit: int | None, workers: int, log: Path) -> dict[str, Any]:
    """`dateline ingest` in a child process: its own JSON report, exit code and wall time."""
    exe = Path(sys.executable).with_name("dateline")
    cmd = [str(exe), "ingest", str(corpus), "--db", str(db), "--quiet", "--json", "--workers", str(workers)]
    if limit:
        cmd += ["--limit", str(limit)]
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    started = time.monotonic()
    with log.open("w") as err:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=err, text=True, check=False)
    wall = time.monotonic() - started
    try:
        report = json.loads(proc.stdout) if proc.stdout.strip() else {}
    except json.JSONDecodeError:
        report = {"stdout": proc.stdout[-2000:]}
    return {"command": " ".join(cmd), "exit_code": proc.returncode, "wall_seconds": round(wall, 1), "ingest": report}


@contextmanager
def open_read_only(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The store read-only; if a writer holds its lock, a copy of it (file and WAL) in a temporary folder."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.IOException:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / db.name
            shutil.copyfile(db, copy)
            wal = db.with_name(db.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
            con = duckdb.connect(str(copy))  # a private copy: replaying its WAL touches nothing shared
            try:
                yield con
            finally:
                con.close()
        return
    try:
        yield con
    finally:
        con.close()


def _shape(reason: str | None) -> str:
    """A reason with its figures replaced, so '(3 words)' and '(5 words)' count as one reason."""
    return re.sub(r"\d[\d,.]*", "N", (reason or "(none)").strip())[:160]


def store_report(db: Path) -> dict[str, Any]:
    with open_read_only(db) as con:
        status = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall())
        by_reason: dict[str, dict[str, int]] = {"skipped": {}, "failed": {}}
        for st, reason, n in con.execute(
                "SELECT status, reason, count(*) FROM documents WHERE status <> 'ok' GROUP BY ALL").fetchall():
            bucket = by_reason.setdefault(st, {})
            key = _shape(reason)
            bucket[key] = bucket.get(key, 0) + n
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        docs_with_events = con.execute("SELECT count(*) FROM documents WHERE num_events > 0").fetchone()[0]  # type: ignore[index]
        types = con.execute("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 20").fetchall()
    unexpected = {r: n for r, n in by_reason.get("failed", {}).items() if not r.startswith(EXPECTED_FAILURES)}
    return {
        "documents": sum(status.values()), "ok": status.get("ok", 0), "skipped": status.get("skipped", 0),
        "failed": status.get("failed", 0),
        "skipped_by_reason": dict(sorted(by_reason.get("skipped", {}).items(), key=lambda kv: -kv[1])),
        "failed_by_reason": dict(sorted(by_reason.get("failed", {}).items(), key=lambda kv: -kv[1])),
        "failed_unexpected_exception": sum(unexpected.values()),
        "events": events, "documents_with_events": docs_with_events, "event_types": dict(types),
    }


def log_tracebacks(log: Path | None) -> int | None:
    if log is None or not log.exists():
        return None
    return log.read_text(errors="replace").count("Traceback (most recent call last)")


def markdown(result: dict[str, Any]) -> str:
    s = result["store"]
    run = result.get("run", {})
    rows = [
        ("input records", result.get("input_records")),
        ("documents stored", s["documents"]),
        ("ok", s["ok"]), ("skipped", s["skipped"]), ("failed", s["failed"]),
        ("events", s["events"]), ("documents with events", s["documents_with_events"]),
        ("wall time, s", run.get("wall_seconds")),
        ("articles/s", run.get("articles_per_second")),
        ("unhandled exceptions (log tracebacks + failed rows with an unexpected exception + non-zero exit)",
         result["unhandled_exceptions"]),
    ]
    out = ["| figure | value |", "|---|---:|", *(f"| {k} | {'' if v is None else v} |" for k, v in rows), ""]
    for title, key in (("skipped, by reason", "skipped_by_reason"), ("failed, by reason", "failed_by_reason")):
        out += [f"| {title} | documents |", "|---|---:|"]
        out += [f"| {r.replace('|', '/')} | {n} |" for r, n in list(s[key].items())[:15]] or ["| (none) | 0 |"]
        out.append("")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the corpus file (JSON Lines, .gz)")
    parser.add_argument("--db", type=Path, required=True, help="DuckDB store to fill, or to report on")
    parser.add_argument("--limit", type=int, help="ingest only the first N articles")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--report-only", action="store_true", help="do not ingest; report on --db as it is")
    parser.add_argument("--run-json", type=Path, help="with --report-only: the JSON `dateline ingest --json` wrote")
    parser.add_argument("--run-log", type=Path, help="the ingest's stderr log (default: DB.err when ingesting)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables instead of JSON")
    args = parser.parse_args()

    result: dict[str, Any] = {"corpus": str(args.corpus), "db": str(args.db)}
    log = args.run_log
    exit_code = 0
    if not args.report_only:
        log = log or args.db.with_name(args.db.name + ".err")
        run = ingest(args.corpus, args.db, args.limit, args.workers, log)
        exit_code = run["exit_code"]
        ingest_report = run.pop("ingest")
        result["run"] = {**run, **{k: ingest_report.get(k) for k in ("seen", "known", "duplicates", "added", "ok",
                                                                     "skipped", "failed", "events",
                                                                     "articles_per_second")}}
    elif args.run_json and args.run_json.exists() and args.run_json.stat().st_size:
        ingest_report = json.loads(args.run_json.read_text())
        result["run"] = {"wall_seconds": ingest_report.get("seconds"),
                         **{k: ingest_report.get(k) for k in ("seen", "known", "duplicates", "added",
                                                              "articles_per_second")}}
    records = count_records(args.corpus) if args.corpus.exists() else None
    result["input_records"] = min(records, args.limit) if records is not None and args.limit else records
    result["store"] = store_report(args.db)
    tracebacks = log_tracebacks(log)
    result["log_tracebacks"] = tracebacks
    result["unhandled_exceptions"] = ((tracebacks or 0) + result["store"]["failed_unexpected_exception"]
                                      + (exit_code != 0))
    print(markdown(result) if args.markdown else json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
