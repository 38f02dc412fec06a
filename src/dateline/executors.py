"""Where the engine's batches are analysed: in this process, in a local process pool, or on dask.distributed.

An executor only analyses; the engine's calling process stays the single writer and takes results back in
input order, so every executor leaves the same rows in the store.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import socket
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from .ingest import RawArticle
from .models import EventDocument

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

LOGGER = logging.getLogger(__name__)

Results = list[EventDocument | Exception]
Analyse = Callable[[list[RawArticle]], Results]
ENGINES = ("local", "dask")
# distributed retries a refused connection until its timeout; ten seconds is long enough for a busy scheduler.
CONNECT_TIMEOUT = 10.0
ENV_WORKER_BATCHES = "DATELINE_WORKER_BATCHES"
DEFAULT_WORKER_BATCHES = 64  # at 32 articles a batch: a fresh process every ~2,000 articles
# How often a wait for a dask batch checks that a local cluster still has its workers (see Dask.heal).
HEAL_EVERY = 30.0

# Made up for the warm-up: one short article touches every stage (model, lexicons, places, dates).
_WARM_UP = RawArticle(
    content="Teachers rally in Porto\n\nTeachers rallied outside the town hall in Porto on Monday to demand "
            "higher pay, and the education minister agreed to meet their union.",
    title="Teachers rally in Porto", published="2024-05-06", origin="warm-up")


class EngineError(RuntimeError):
    """The executor cannot run (scheduler unreachable, lost, or workers cannot start); one line for the user."""


class WorkerDied(RuntimeError):
    """Stored as a document's failure reason when the worker analysing it kept dying."""


class Handle(Protocol):
    def result(self) -> Results: ...


class _Done:
    """A result computed at submit time, shaped like a future."""

    def __init__(self, value: Results) -> None:
        self.value = value

    def result(self) -> Results:
        return self.value


class Executor:
    """Analyses batches; `in_flight` is how many submitted batches the engine keeps ahead of its writer."""

    in_flight: int = 0

    def submit(self, analyse: Analyse, raws: list[RawArticle]) -> Handle:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class InProcess(Executor):
    """One worker: analyse at submit time, in this process."""

    def __init__(self) -> None:
        self.settled = False

    def submit(self, analyse: Analyse, raws: list[RawArticle]) -> Handle:
        done = _Done(analyse(raws))
        if not self.settled:  # the first batch has loaded the model and tables
            settle()
            self.settled = True
        return done


def batches_per_worker() -> int:
    """Batches a worker process analyses before a fresh one takes its place ($DATELINE_WORKER_BATCHES).

    spaCy's vocabulary and lemma cache keep every new word they meet, so a worker's memory creeps up over a
    long corpus (the big jumps were spaCy batches, now bounded by `nlp.PIPE_BATCH`); a new process costs a
    few seconds of model loading."""
    try:
        return max(1, int(os.environ.get(ENV_WORKER_BATCHES, DEFAULT_WORKER_BATCHES)))
    except ValueError:
        return DEFAULT_WORKER_BATCHES


class ProcessPool(Executor):
    """Several local processes (spawned, so each loads spaCy itself), replaced after `batches_per_worker()`
    batches to bound their memory."""

    def __init__(self, workers: int) -> None:
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        max_tasks_per_child=batches_per_worker(), initializer=warm_up)
        self.in_flight = workers * 2  # every worker busy, and no more in memory than that

    def submit(self, analyse: Analyse, raws: list[RawArticle]) -> Handle:
        return self.pool.submit(analyse, raws)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def warm_up() -> None:
    """Load the model and tables into this process's caches (they are lru_cached per process)."""
    from . import pipeline

    pipeline.analyse(_WARM_UP)
    settle()


def settle() -> None:
    """Once the model and tables are loaded: what is alive now lives as long as the process. Frozen, the
    collector's full passes no longer walk it (on 60 corpus articles, time in the collector 0.56 s -> 0.23 s
    of ~31 s; on 36 others 0.35 -> 0.07 s of 15.6 s)."""
    import gc

    gc.freeze()


def _warm_up_plugin() -> Any:
    from distributed import WorkerPlugin

    class WarmUp(WorkerPlugin):
        """Runs on every worker as it joins, restarted ones too, so no task pays for loading spaCy."""

        name = "dateline-warm-up"

        async def setup(self, worker: Any) -> None:
            # In a thread: loading takes seconds and the worker's event loop must keep answering heartbeats.
            await asyncio.get_running_loop().run_in_executor(None, warm_up)

    return WarmUp()


def _probe(address: str, timeout: float) -> None:
    """Fail fast with a plain reason for an address that is malformed or refuses connections."""
    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            socket.create_connection(parse_host_port(location), timeout=timeout).close()
    except (ValueError, OSError) as exc:
        raise EngineError(f"cannot reach the dask scheduler at {address}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


LOCAL_CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "100ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
}


ENV_WORKER_LIFETIME = "DATELINE_DASK_WORKER_LIFETIME"
# A spaCy process keeps every new word and some memory of every batch: like the local pool's workers
# (DATELINE_WORKER_BATCHES), a local cluster's workers are replaced, here after a time (~2,000 articles).
DEFAULT_WORKER_LIFETIME = "20 minutes"


def _lifetime_config(lifetime: str | None) -> dict[str, object]:
    """Dask retires a worker after `lifetime` (staggered by a tenth, so workers do not all go at once) and its
    nanny starts a fresh one; a batch it was running is run again elsewhere. "off" keeps workers for good."""
    import dask.utils

    value = (lifetime or os.environ.get(ENV_WORKER_LIFETIME) or DEFAULT_WORKER_LIFETIME).strip()
    if value.lower() in {"off", "none", "0"}:
        return {}
    seconds = dask.utils.parse_timedelta(value)
    return {
        "distributed.worker.lifetime.duration": f"{seconds}s",
        "distributed.worker.lifetime.stagger": f"{seconds / 10}s",
        "distributed.worker.lifetime.restart": True,
    }


class Dask(Executor):
    """Batches as dask.distributed tasks: on a scheduler at `scheduler`, else on a LocalCluster of `workers`
    single-threaded processes. Tasks carry only the batch; each worker loads the model once, at join."""

    def __init__(self, workers: int = 1, scheduler: str | None = None, *, warm: bool = True,
                 connect_timeout: float | None = None, lifetime: str | None = None) -> None:
        from distributed import Client, LocalCluster

        timeout = CONNECT_TIMEOUT if connect_timeout is None else connect_timeout
        self.cluster: LocalCluster | None = None
        if scheduler:
            _probe(scheduler, timeout)
            try:
                self.client: Client = Client(scheduler, timeout=timeout)
            except (OSError, ValueError) as exc:
                raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {_first_line(exc)}") from None
        else:
            import dask

            # Any free port for the scheduler's web page: the default 8787 may be held by another run. No
            # statistical profiler: it wakes every 10 ms in each worker and takes the GIL from the pipeline.
            # Slower housekeeping clocks (event-loop tick 20 ms -> 100 ms, resource polling 0.5 s -> 2 s,
            # nanny memory checks 0.1 s -> 0.5 s): on a small machine the scheduler and nannies share the
            # cores with the workers, and batches take seconds, so finer clocks only cost CPU.
            with dask.config.set({**LOCAL_CLUSTER_CONFIG, **_lifetime_config(lifetime)}):
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")
            self.client = Client(self.cluster)
        try:
            if warm:
                self.client.register_plugin(_warm_up_plugin())
            threads = sum(self.client.nthreads().values())
        except Exception as exc:
            self.close()
            raise EngineError(f"dask workers could not start: {_first_line(exc)}") from None
        if not threads:
            LOGGER.warning("no dask workers are connected to %s yet; batches wait for one", scheduler)
        self.workers = workers
        self.in_flight = 2 * max(threads, 1)
        self.heal_every = HEAL_EVERY

    def submit(self, analyse: Analyse, raws: list[RawArticle]) -> Handle:
        return _DaskHandle(self, analyse, raws)

    def _submit(self, analyse: Analyse, raws: list[RawArticle]) -> Future:
        # pure=False: two batches never share a key, whatever their contents.
        return self.client.submit(analyse, raws, pure=False)

    def wait(self, future: Future) -> Results:
        """The task's results, checking every `heal_every` seconds that the cluster still has its workers."""
        from distributed.client import FutureCancelledError
        from distributed.comm import CommClosedError

        while True:
            try:
                return future.result(timeout=self.heal_every)
            except TimeoutError:
                self.heal()
            except (FutureCancelledError, CommClosedError) as exc:
                raise EngineError(f"lost the dask scheduler: {_first_line(exc)}") from None

    def heal(self) -> None:
        """Bring a local cluster back to its size. A retired worker's nanny starts a fresh process, but if
        that takes longer than `distributed.deploy.lost-worker-timeout` (a slow start on a busy machine) the
        cluster drops the worker for good, and with no workers left a run would wait forever. Re-asking for
        the same size starts only the workers that are gone; one still restarting is left alone."""
        if self.cluster is None:
            return  # a remote cluster's workers are its operator's; batches wait for them
        if len(self.cluster.workers) < self.workers:
            LOGGER.warning("the local dask cluster lost %d worker(s); starting new ones",
                           self.workers - len(self.cluster.workers))
        self.cluster.scale(self.workers)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class _DaskHandle:
    """One submitted batch. A worker that died while running it (dask has already retried it
    `distributed.scheduler.allowed-failures` times) costs only the article that kills it: the batch is
    run again one article per task, and an article that still kills its worker is recorded as failed."""

    def __init__(self, executor: Dask, analyse: Analyse, raws: list[RawArticle]) -> None:
        self.executor, self.analyse, self.raws = executor, analyse, raws
        self.future = executor._submit(analyse, raws)

    def result(self) -> Results:
        from distributed.scheduler import KilledWorker

        try:
            return self.executor.wait(self.future)
        except KilledWorker:
            LOGGER.warning("a worker died on a batch of %d; running its articles one by one", len(self.raws))
        singles = [self.executor._submit(self.analyse, [raw]) for raw in self.raws]
        done: list[Results | None] = []
        for future in singles:
            try:
                done.append(self.executor.wait(future))
            except KilledWorker:
                done.append(None)
        # Those that died run again, one at a time, once the others have finished.
        return [d for raw, r in zip(self.raws, done, strict=True) for d in (r if r is not None else self._alone(raw))]

    def _alone(self, raw: RawArticle) -> Results:
        """A dying worker takes down every task queued on it, so one death does not convict an article:
        it runs once more on its own before it is recorded as failed."""
        from distributed.scheduler import KilledWorker

        try:
            return self.executor.wait(self.executor._submit(self.analyse, [raw]))
        except KilledWorker:
            return [WorkerDied("the dask worker analysing this article died")]


def make_executor(engine: str = "local", workers: int = 1, scheduler: str | None = None) -> Executor:
    """`local`: this process for one worker, a process pool for more. `dask`: see Dask."""
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler is for --engine dask")
        return ProcessPool(workers) if workers > 1 else InProcess()
    if engine == "dask":
        return Dask(workers, scheduler)
    raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
