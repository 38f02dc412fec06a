"""Cold start: `dateline extract` of one article in a fresh process, N times, with and without the table cache.

usage: python bench/cold_start.py [--runs 5] [--article ../shared/seed/000_2c408a7fb241b5bb.txt]

Each run is a new interpreter (imports, model load, tables, the article), as a user's first command is.
The two settings take turns so that a shared machine's drifting load falls on both alike; the minimum is
the figure least moved by other jobs. The first cached run after a code or data change rebuilds the cache,
so one unmeasured run warms it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_2c408a7fb241b5bb.txt"


def one_run(article: Path, cache: bool) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one `dateline extract` process."""
    env = {**os.environ, "DATELINE_CACHE": "1" if cache else "0"}
    exe = shutil.which("dateline") or sys.exit("dateline is not on PATH: activate the project's venv")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([exe, "extract", str(article), "--format", "json"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--article", type=Path, default=SEED)
    args = ap.parse_args()
    if not args.article.exists():
        sys.exit(f"no such article: {args.article}")
    one_run(args.article, cache=True)  # builds the cache if the code or data changed since the last run
    results: dict[str, list[tuple[float, float]]] = {"cache on": [], "cache off": []}
    for i in range(args.runs):
        for name in (("cache on", "cache off") if i % 2 == 0 else ("cache off", "cache on")):
            results[name].append(one_run(args.article, cache=name == "cache on"))
    for name, runs in results.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"{name:9s}: wall min {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
              f"CPU min {min(cpus):.2f} s, median {statistics.median(cpus):.2f} s  ({len(runs)} runs)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
