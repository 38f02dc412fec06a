"""Kill -9 `dateline ingest` at random moments, resume it, and check the store equals an uninterrupted run's.

Usage: python scripts/kill_resume.py [--input ../shared/corpus/political-news.jsonl.gz] [--limit 200] [--kills 10]

Every table is compared row by row (a fingerprint of its sorted rows, leaving out only the ingest timestamp),
not just counted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpus" / "political-news.jsonl.gz"

# Columns compared per table; ingested_at is when a row was written, so it differs by design.
FINGERPRINTS = {
    "documents": "SELECT * EXCLUDE (ingested_at) FROM documents",
    "events": "SELECT * FROM events",
    "event_actors": "SELECT * FROM event_actors",
    "clusters": "SELECT * FROM clusters",
}


def ingest_cmd(input_path: str, db: Path, limit: int, batch_size: int) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "ingest", input_path, "--db", str(db), "--limit", str(limit),
            "--batch-size", str(batch_size), "--quiet", "--json"]


def fingerprint(db: Path) -> dict[str, tuple[int, str]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for table, query in FINGERPRINTS.items():
        n = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
        # Order-independent digest of every row's full content.
        digest = con.execute(f"SELECT coalesce(bit_xor(hash(t)), 0)::VARCHAR FROM ({query}) t").fetchone()[0]
        out[table] = (int(n), str(digest))
    con.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=str(DEFAULT_INPUT))
    ap.add_argument("--limit", type=int, default=200, help="articles per run")
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", default=None, help="where the two stores go (default: a temp dir)")
    args = ap.parse_args()
    if not Path(args.input).exists():
        print(f"no input {args.input}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="dateline-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    ref, victim = work / "uninterrupted.duckdb", work / "killed.duckdb"
    for p in (ref, victim, Path(f"{ref}.wal"), Path(f"{victim}.wal")):
        p.unlink(missing_ok=True)

    # Start-up (imports, spaCy) and time per batch set the range kills are drawn from.
    scratch = work / "startup.duckdb"
    t0 = time.monotonic()
    subprocess.run(ingest_cmd(args.input, scratch, 1, 1), capture_output=True, cwd=ROOT, check=False)
    startup = time.monotonic() - t0
    for p in (scratch, Path(f"{scratch}.wal")):
        p.unlink(missing_ok=True)
    t0 = time.monotonic()
    done = subprocess.run(ingest_cmd(args.input, ref, args.limit, args.batch_size), capture_output=True, text=True,
                          cwd=ROOT, check=False)
    ref_seconds = time.monotonic() - t0
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return 2
    batches = -(-args.limit // args.batch_size)
    per_batch = max(0.5, (ref_seconds - startup) / batches)
    print(f"start-up {startup:.1f} s, {per_batch:.1f} s per batch; uninterrupted run: {ref_seconds:.1f} s, "
          f"{done.stdout.strip()}")

    kills = attempts = 0
    log = []
    while kills < args.kills and attempts < args.kills * 4:
        attempts += 1
        # A fifth of the kills land during start-up (imports, spaCy); the rest from half a batch to three
        # batches after it, so they fall mid-batch, mid-commit or, near the end, in the reclustering.
        early = rng.random() < 0.2
        delay = (rng.uniform(0.3 * startup, startup) if early
                 else rng.uniform(startup + 0.5 * per_batch, startup + 3 * per_batch))
        proc = subprocess.Popen(ingest_cmd(args.input, victim, args.limit, args.batch_size), cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        out, err = proc.communicate()
        if proc.returncode == -signal.SIGKILL:
            kills += 1
            con = duckdb.connect(str(victim), read_only=True)
            docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
            log.append({"kill": kills, "after_s": round(delay, 2), "documents_at_kill": docs})
            print(f"kill {kills}: after {delay:.2f} s, {docs} documents stored")
        elif proc.returncode == 0:
            print(f"run finished before the kill ({delay:.2f} s): {out.strip()}")
            break
        else:
            print(f"run failed: {err.strip()[-500:]}", file=sys.stderr)
            return 2
    final = subprocess.run(ingest_cmd(args.input, victim, args.limit, args.batch_size), capture_output=True,
                           text=True, cwd=ROOT, check=False)
    print(f"final resume: {final.stdout.strip()}")
    a, b = fingerprint(ref), fingerprint(victim)
    same = a == b
    result = {"kills": kills, "attempts": attempts, "limit": args.limit, "uninterrupted": {k: v[0] for k, v in a.items()},
              "killed_and_resumed": {k: v[0] for k, v in b.items()}, "identical_rows": same, "log": log}
    print(json.dumps(result, indent=1))
    if kills < args.kills:
        print(f"only {kills} kills landed before the run completed; use a larger --limit", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
