"""What every suite shares: the run context (data paths, limit, progress) and the result tables it returns."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

TOLERANCE = 0.01  # an anchor re-score agrees with its published figure within this


class DataMissing(RuntimeError):
    """An evaluation set is not where it should be; the message names the path."""


@dataclass
class Row:
    """One system's figures on one dataset; `published` holds the anchor's own figures, when known."""

    system: str
    kind: str  # "dateline" or "anchor"
    metrics: dict[str, float | int | None]
    published: dict[str, float] = field(default_factory=dict)
    note: str | None = None

    def agreement(self) -> dict[str, bool]:
        """Per published metric: does the re-score agree within TOLERANCE?"""
        out = {}
        for key, want in self.published.items():
            got = self.metrics.get(key)
            # distances are published rounded to the km or 0.1 km: allow that rounding, or 1 % when larger
            tol = max(0.5, TOLERANCE * abs(want)) if key.endswith("_km") else TOLERANCE
            out[key] = got is not None and abs(float(got) - want) <= tol + 1e-9
        return out


@dataclass
class Table:
    """One dataset of a suite: the metric columns, the rows (dateline first), notes on how it was scored."""

    dataset: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    n: int = 0
    unit: str = "documents"
    notes: list[str] = field(default_factory=list)


@dataclass
class SuiteResult:
    suite: str
    tables: list[Table] = field(default_factory=list)
    skipped: str | None = None
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for table, raw in zip(self.tables, data["tables"], strict=True):
            for row, raw_row in zip(table.rows, raw["rows"], strict=True):
                raw_row["agrees"] = row.agreement()
        return data


class Progress:
    """Progress reporting for suites; the silent default lets suites run in tests and scripts."""

    def track(self, items: Iterable[T], total: int | None, description: str) -> Iterator[T]:
        yield from items


@dataclass
class Context:
    """Where the data is and how much of it to use."""

    data: Path
    limit: int | None = None
    progress: Progress = field(default_factory=Progress)

    @property
    def shared(self) -> Path:
        """The folder above the evaluation data: seed/, gold/ and tools/ live there."""
        return self.data.parent

    def path(self, *parts: str) -> Path:
        """A path under the data folder that must exist."""
        p = self.data.joinpath(*parts)
        if not p.exists():
            raise DataMissing(f"{p} is missing")
        return p

    def take(self, items: Sequence[T]) -> Sequence[T]:
        """The first `limit` items (all when no limit), so quick runs stay comparable across systems."""
        return items[: self.limit] if self.limit else items

    def whole(self, total: int) -> bool:
        """True when the limit leaves a dataset of `total` items whole, so published figures apply."""
        return not self.limit or self.limit >= total

    def track(self, items: Iterable[T], total: int | None, description: str) -> Iterator[T]:
        return self.progress.track(items, total, description)


def gather(suite: str, parts: Sequence[Callable[[], Table]]) -> SuiteResult:
    """Run a suite's datasets one by one: a missing dataset is noted as skipped, the others still run."""
    result = SuiteResult(suite)
    missing = []
    for part in parts:
        try:
            result.tables.append(part())
        except DataMissing as err:
            missing.append(str(err))
    if missing:
        result.skipped = "; ".join(missing)
    return result


def failed_row(system: str, err: BaseException) -> Row:
    """A row for a system that crashed: the suite goes on and the table says why the figures are missing."""
    return Row(system, "dateline", {}, note=f"failed: {type(err).__name__}: {err}")


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        return round(time.perf_counter() - self.start, 1)
