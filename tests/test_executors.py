"""The local process pool replaces its workers after a set number of batches, to bound their memory."""

from __future__ import annotations

import os

import pytest

from dateline.executors import DEFAULT_WORKER_BATCHES, ENV_WORKER_BATCHES, ProcessPool, batches_per_worker
from dateline.ingest import RawArticle

RAW = RawArticle(content="Farmers marched through Lyon.", url="https://x.example/1")


def pid_of(raws: list[RawArticle]) -> list[int]:
    """Stands in for the pipeline: which process analysed the batch."""
    return [os.getpid()] * len(raws)


def _pids(workers_batches: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    monkeypatch.setenv(ENV_WORKER_BATCHES, workers_batches)
    pool = ProcessPool(1)
    try:
        return [pool.submit(pid_of, [RAW]).result()[0] for _ in range(3)]  # type: ignore[arg-type, index]
    finally:
        pool.close()


def test_a_worker_is_replaced_after_its_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(set(_pids("1", monkeypatch))) == 3


def test_a_worker_keeps_going_below_its_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(set(_pids("100", monkeypatch))) == 1


def test_batches_per_worker_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_WORKER_BATCHES, raising=False)
    assert batches_per_worker() == DEFAULT_WORKER_BATCHES
    monkeypatch.setenv(ENV_WORKER_BATCHES, "0")
    assert batches_per_worker() == 1
    monkeypatch.setenv(ENV_WORKER_BATCHES, "many")
    assert batches_per_worker() == DEFAULT_WORKER_BATCHES


def test_in_process_freezes_what_the_first_batch_loaded_and_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from dateline import executors
    from dateline.executors import InProcess

    calls: list[int] = []
    real = executors.settle
    monkeypatch.setattr(executors, "settle", lambda: (calls.append(1), real())[-1])
    gc.unfreeze()
    try:
        executor = InProcess()
        assert executor.submit(pid_of, [RAW]).result() == [os.getpid()]  # type: ignore[arg-type]
        assert gc.get_freeze_count() > 0
        # A later batch may free a frozen object (a replaced cache entry), so count the freezes, not the objects.
        executor.submit(pid_of, [RAW])  # type: ignore[arg-type]
        assert calls == [1]
    finally:
        gc.unfreeze()
