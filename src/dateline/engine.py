"""Runs the pipeline over many raw articles in batches and writes each batch to the store in one transaction."""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from .executors import Executor, Handle, make_executor
from .ingest import RawArticle
from .models import EventDocument
from .store import Store, document_row, event_rows

LOGGER = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What one run did; `progress` callbacks get this object after every batch."""

    seen: int = 0  # articles read from the inputs
    known: int = 0  # skipped before analysis: this exact input is already stored
    duplicates: int = 0  # analysed, but the same document (url + text) is already stored
    added: int = 0  # new document rows
    ok: int = 0
    skipped: int = 0  # stored with status skipped: empty, not English, ...
    failed: int = 0  # stored with status failed and the reason
    events: int = 0  # events of the added documents
    clusters: int | None = None  # after reclustering, if it ran
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def articles_per_second(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("started")
        out["articles_per_second"] = round(self.articles_per_second, 3)
        return out


def raw_hash(raw: RawArticle) -> str:
    """Key of the input as it arrived, so a re-run skips it before any analysis.

    An input that could not even be read has no content; its origin tells it apart from other such inputs."""
    if raw.extra.get("error"):
        return hashlib.sha256(f"unreadable\n{raw.origin or ''}\n{raw.url or ''}".encode()).hexdigest()[:24]
    return hashlib.sha256(f"{raw.url or ''}\n{raw.content}".encode()).hexdigest()[:24]


def _raw_json(raw: RawArticle) -> str:
    return json.dumps({"content": raw.content, "is_html": raw.is_html, "title": raw.title, "url": raw.url,
                       "published": raw.published, "source": raw.source, "origin": raw.origin},
                      ensure_ascii=False)


def raw_from_json(text: str) -> RawArticle:
    return RawArticle(**json.loads(text))


def failed_row(raw: RawArticle, key: str, reason: str) -> dict[str, Any]:
    from .store import _now, host_of

    return {
        "id": key, "raw_hash": key, "url": raw.url, "host": host_of(raw.url), "title": raw.title,
        "published": None, "published_raw": raw.published, "source": raw.source, "language": None,
        "text": None, "status": "failed", "reason": reason[:2000], "origin": raw.origin, "num_events": 0,
        "doc_json": None, "raw_json": _raw_json(raw) if raw.content else None, "ingested_at": _now(),
    }


def analyse_batch(raws: list[RawArticle]) -> list[EventDocument | Exception]:
    """The pipeline over one batch; if the batched pass fails, each article runs alone so one bad
    article costs only itself."""
    from . import guards, pipeline

    try:  # the batch gets the sum of its documents' budgets (guards.py); over it, each runs alone on its own
        return guards.within_budget(lambda: list(pipeline.analyse_many(raws, batch_size=max(1, len(raws)))),
                                    seconds=guards.budget_seconds() * len(raws))
    except Exception:  # noqa: BLE001 - retried one by one below, where the error is recorded per article
        LOGGER.debug("batch failed; retrying one by one", exc_info=True)
    results: list[EventDocument | Exception] = []
    for raw in raws:
        try:
            results.append(guards.within_budget(pipeline.analyse, raw))
        except Exception as exc:  # noqa: BLE001 - recorded as the document's failure reason
            results.append(exc)
    return results


def _batches(items: Iterable[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class _Nothing:
    """The result of a batch whose articles were all known or unreadable."""

    def result(self) -> list[EventDocument | Exception]:
        return []


_NOTHING = _Nothing()


@dataclass
class _Pending:
    """One batch between analysis and writing: its rows so far and the analysis still to come."""

    unreadable: list[dict[str, Any]]
    readable: list[tuple[str, RawArticle]]
    result: Handle


def run(store: Store, raws: Iterable[RawArticle], *, batch_size: int = 32, recluster: bool = True,
        progress: Callable[[IngestReport], None] | None = None, limit: int | None = None,
        analyse: Callable[[list[RawArticle]], list[EventDocument | Exception]] | None = None,
        workers: int = 1, engine: str = "local", scheduler: str | None = None,
        executor: Executor | None = None) -> IngestReport:
    """Ingest articles: skip known inputs, analyse the rest, commit per batch, recluster at the end.

    Killed at any moment, a re-run ends with the same rows as an uninterrupted run: every batch is one
    transaction, inputs already stored are skipped, and clusters are recomputed from all events.
    workers > 1 analyses batches in that many processes; engine="dask" analyses them on dask.distributed
    (a LocalCluster of `workers`, or the cluster at `scheduler`); a caller may pass its own `executor`
    (and closes it). Batches are always written one by one, in input order, by this process, so
    the store ends the same whatever analysed them.
    """
    analyse = analyse or analyse_batch  # looked up per call, so tests and callers can swap the analyser
    report = IngestReport()
    if limit is not None:
        raws = itertools.islice(raws, limit)
    seen_keys: set[str] = set()
    own = executor is None
    executor = executor or make_executor(engine, workers, scheduler)
    pending: deque[_Pending] = deque()
    try:
        for batch in _batches(raws, batch_size):
            report.seen += len(batch)
            keyed = [(raw_hash(r), r) for r in batch]
            # Unreadable inputs (missing file, HTTP error) are tried again on every run; their row stays as is.
            known = store.known_raw_hashes(k for k, r in keyed if not r.extra.get("error"))
            unreadable: list[dict[str, Any]] = []
            readable: list[tuple[str, RawArticle]] = []
            for key, raw in keyed:
                if key in known or key in seen_keys:
                    report.known += 1
                    continue
                seen_keys.add(key)
                if raw.extra.get("error"):
                    unreadable.append(failed_row(raw, key, str(raw.extra["error"])))
                else:
                    readable.append((key, raw))
            todo = [r for _, r in readable]
            result = executor.submit(analyse, todo) if todo else _NOTHING
            pending.append(_Pending(unreadable, readable, result))
            # Keep every worker busy, and no more in memory than that.
            while len(pending) > executor.in_flight:
                _finish(store, pending.popleft(), report, progress)
        while pending:
            _finish(store, pending.popleft(), report, progress)
    finally:
        if own:
            executor.close()
    if recluster and store.clusters_stale:
        report.clusters = store.recluster()
    report.seconds = time.monotonic() - report.started
    return report


def _finish(store: Store, batch: _Pending, report: IngestReport,
            progress: Callable[[IngestReport], None] | None) -> None:
    """Turn one analysed batch into rows and write them in one transaction."""
    results = batch.result.result()
    docs = list(batch.unreadable)
    events: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    for (key, raw), result in zip(batch.readable, results, strict=True):
        if isinstance(result, Exception):
            docs.append(failed_row(raw, key, f"{type(result).__name__}: {result}"))
            continue
        row = document_row(result, raw_hash=key, origin=raw.origin)
        docs.append(row)
        ev, ac = event_rows(row["id"], result)
        events += ev
        actors += ac
    # A source that failed to read on an earlier run and reads now: its failure row goes, in the same batch.
    stale = store.unreadable_failures([r.origin for _, r in batch.readable if r.origin])
    added_ids = _write(store, docs, events, actors, replace_ids=stale)
    for d in docs:
        if d["id"] in added_ids:
            report.added += 1
            report.ok += d["status"] == "ok"
            report.skipped += d["status"] == "skipped"
            report.failed += d["status"] == "failed"
        else:
            report.duplicates += 1
    report.events += sum(1 for e in events if e["document_id"] in added_ids)
    report.seconds = time.monotonic() - report.started
    if progress:
        progress(report)


def _write(store: Store, docs: list[dict[str, Any]], events: list[dict[str, Any]],
           actors: list[dict[str, Any]], replace_ids: list[str] | None = None) -> set[str]:
    before = store.known_document_ids(d["id"] for d in docs) - set(replace_ids or ())
    store.write_batch(docs, events, actors, replace_ids=replace_ids or ())
    # First copy within the batch wins, as in write_batch.
    added: set[str] = set()
    for d in docs:
        if d["id"] not in before and d["id"] not in added:
            added.add(d["id"])
    return added


def retry_failed(store: Store, *, batch_size: int = 16, recluster: bool = True,
                 analyse: Callable[[list[RawArticle]], list[EventDocument | Exception]] | None = None,
                 progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Re-run every failed document whose input was kept; a success replaces the failure row."""
    analyse = analyse or analyse_batch
    report = IngestReport()
    failures = [f for f in store.failures() if f["raw_json"]]
    for chunk in [failures[i:i + batch_size] for i in range(0, len(failures), batch_size)]:
        raws = [raw_from_json(f["raw_json"]) for f in chunk]
        report.seen += len(raws)
        results = analyse(raws)
        for f, raw, result in zip(chunk, raws, results, strict=True):
            if isinstance(result, Exception):
                report.failed += 1
                with store.transaction() as con:
                    con.execute("UPDATE documents SET reason = ? WHERE id = ?",
                                [f"{type(result).__name__}: {result}"[:2000], f["id"]])
                continue
            row = document_row(result, raw_hash=f["id"], origin=raw.origin)
            ev, ac = event_rows(row["id"], result)
            added = store.write_batch([row], ev, ac, replace_ids=[f["id"]])
            report.added += added
            report.duplicates += 1 - added
            report.ok += int(added == 1 and row["status"] == "ok")
            report.skipped += int(added == 1 and row["status"] == "skipped")
            report.events += len(ev) if added else 0
        report.seconds = time.monotonic() - report.started
        if progress:
            progress(report)
    if recluster and store.clusters_stale:
        report.clusters = store.recluster()
    report.seconds = time.monotonic() - report.started
    return report
