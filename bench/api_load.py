"""Load test: N concurrent clients hit /events and /extract on loopback for a fixed time; prints errors and latency.

Starts `dateline serve` in a subprocess on a free port (over --db, or a temporary store built from the
made-up test articles), runs the clients, stops the server. Bounded: it ends by itself after --seconds.

    .venv/bin/python bench/api_load.py --clients 100 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent

# Short invented articles for /extract: the load is the request path plus a real analysis each time.
EXTRACT_TEXTS = [
    "Hundreds of teachers marched to the parliament in Lisbon on Tuesday to demand higher wages, union leaders said.",
    "The foreign ministers of two neighbouring states met in Vienna on Monday and agreed to reopen border crossings.",
    "Rebels attacked an army convoy near a northern town on Sunday, killing four soldiers, the military said.",
    "The government accused a foreign broadcaster of spreading false reports about the election on Thursday.",
]
EVENT_QUERIES = [
    {}, {"type": "PROTEST"}, {"country": "CHL"}, {"actor": "FRA"}, {"since": "2024-05-08"},
    {"near": "45.7,4.8", "radius": "100"}, {"text": "police"}, {"limit": "10", "offset": "5"},
]


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"/events": [], "/extract": []})
    errors: dict[str, int] = field(default_factory=lambda: {"/events": 0, "/extract": 0})
    samples: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(path: Path, copies: int) -> None:
    """A store of the test articles, each repeated under a different URL so queries have rows to page through."""
    sys.path.insert(0, str(ROOT / "tests"))
    from dateline.store import Store
    from demo_articles import demo_documents

    docs = []
    for i in range(copies):
        for out in demo_documents():
            out = out.model_copy(deep=True)
            out.document.url = f"{out.document.url}?copy={i}"
            out.document.id = f"{i:04d}{out.document.id[4:]}"
            docs.append(out)
    with Store(path) as store:
        store.add_documents(docs)


async def client(http: httpx.AsyncClient, base: str, deadline: float, extract_share: float, tally: Tally,
                 rng: random.Random) -> None:
    while time.monotonic() < deadline:
        if rng.random() < extract_share:
            name = "/extract"
            request = http.post(f"{base}/extract", json={"text": rng.choice(EXTRACT_TEXTS), "published": "2024-05-06"})
        else:
            name = "/events"
            request = http.get(f"{base}/events", params=rng.choice(EVENT_QUERIES))
        t0 = time.perf_counter()
        try:
            resp = await request
            ok = resp.status_code == 200
            if not ok and len(tally.samples) < 5:
                tally.samples.append(f"{name}: HTTP {resp.status_code} {resp.text[:200]}")
        except httpx.HTTPError as exc:
            ok = False
            if len(tally.samples) < 5:
                tally.samples.append(f"{name}: {type(exc).__name__}: {exc}")
        elapsed = time.perf_counter() - t0
        if ok:
            tally.latencies[name].append(elapsed)
        else:
            tally.errors[name] += 1


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


async def run_clients(base: str, first: int, clients: int, deadline: float, extract_share: float,
                      timeout: float) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=timeout, limits=limits, trust_env=False) as http:
        await asyncio.gather(*(client(http, base, deadline, extract_share, tally, random.Random(first + i))
                               for i in range(clients)))
    return tally


def client_process(args: tuple[str, int, int, float, float, float]) -> Tally:
    base, first, clients, deadline_wall, extract_share, timeout = args
    # time.monotonic() is per-boot, so one deadline holds across the processes
    return asyncio.run(run_clients(base, first, clients, deadline_wall, extract_share, timeout))


def run_load(base: str, clients: int, seconds: float, extract_share: float, timeout: float, processes: int) -> Tally:
    """The clients are spread over a few processes: one Python process cannot drive 100 clients on its own."""
    # One warm-up extraction so loading spaCy in the worker is not counted as latency.
    httpx.post(f"{base}/extract", json={"text": EXTRACT_TEXTS[0]}, timeout=timeout, trust_env=False)
    deadline = time.monotonic() + seconds
    shares = [clients // processes + (i < clients % processes) for i in range(processes)]
    jobs = [(base, sum(shares[:i]), n, deadline, extract_share, timeout) for i, n in enumerate(shares) if n]
    with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
        parts = pool.map(client_process, jobs)
    tally = Tally()
    for part in parts:
        for name in tally.latencies:
            tally.latencies[name] += part.latencies[name]
            tally.errors[name] += part.errors[name]
        tally.samples += part.samples[: max(0, 5 - len(tally.samples))]
    return tally


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--extract-share", type=float, default=0.2, help="Share of requests that go to /extract.")
    parser.add_argument("--timeout", type=float, default=120.0, help="Per-request client timeout (s).")
    parser.add_argument("--db", type=Path, help="Existing store; default: a temporary one of the test articles.")
    parser.add_argument("--copies", type=int, default=50, help="Copies of the test articles in the temporary store.")
    parser.add_argument("--processes", type=int, default=4, help="Client processes the clients are spread over.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "load.duckdb"
            build_store(db, args.copies)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        # The server's log goes to a file: an unread pipe would fill and stall the server mid-run.
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 - closed below
        proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_ready(base, proc)
            t0 = time.monotonic()
            tally = run_load(base, args.clients, args.seconds, args.extract_share, args.timeout, args.processes)
            wall = time.monotonic() - t0
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()

    print(f"{args.clients} clients in {args.processes} processes, {args.seconds:g} s, {args.extract_share:.0%} /extract, "
          f"loopback, wall {wall:.1f} s with start-up")
    total_errors = 0
    for name in ("/events", "/extract"):
        lat = tally.latencies[name]
        errors = tally.errors[name]
        total_errors += errors
        print(f"{name:9s} ok={len(lat):6d} errors={errors:4d} rps={len(lat) / args.seconds:7.1f} "
              f"p50={percentile(lat, 50) * 1000:8.1f} ms p99={percentile(lat, 99) * 1000:8.1f} ms")
    for sample in tally.samples:
        print("  e.g.", sample)
    print(f"errors total: {total_errors}")
    sys.exit(1 if total_errors else 0)


if __name__ == "__main__":
    main()
