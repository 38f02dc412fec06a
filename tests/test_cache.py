"""The on-disk cache of derived tables: reused while its inputs stand still, rebuilt when one changes."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from dateline import cache


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_ENABLED, raising=False)
    return tmp_path / "cache"


def counting_builder(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_second_call_reads_the_cache_instead_of_building(cache_dir: Path) -> None:
    calls, build = counting_builder({"a": frozenset({"x"})})
    assert cache.cached("t", build) == {"a": frozenset({"x"})}
    assert cache.cached("t", build) == {"a": frozenset({"x"})}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("t-*.pickle"))) == 1


def test_changed_input_file_rebuilds_and_replaces_the_old_entry(cache_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "extras.json"
    source.write_text("[1]")
    calls, build = counting_builder([1])
    cache.cached("t", build, [source])
    source.write_text("[1, 2]")  # another size: another key even within one mtime tick
    cache.cached("t", build, [source])
    assert len(calls) == 2
    assert len(list(cache_dir.glob("t-*.pickle"))) == 1  # the stale version is gone


def test_a_dateline_environment_variable_is_part_of_the_key(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, build = counting_builder(1)
    cache.cached("t", build)
    monkeypatch.setenv("DATELINE_KB_EXTRA", "/nowhere/people.json")
    cache.cached("t", build)
    assert len(calls) == 2


def test_corrupt_file_is_rebuilt_not_raised(cache_dir: Path) -> None:
    calls, build = counting_builder("value")
    cache.cached("t", build)
    (entry,) = cache_dir.glob("t-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.cached("t", build) == "value"
    assert len(calls) == 2
    assert pickle.loads(entry.read_bytes()) == "value"


def test_disabled_cache_builds_every_time_and_writes_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_ENABLED, "0")
    calls, build = counting_builder(3)
    cache.cached("t", build)
    cache.cached("t", build)
    assert len(calls) == 2
    assert not cache_dir.exists()


def test_unwritable_directory_still_returns_the_built_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    assert cache.cached("t", lambda: [1, 2]) == [1, 2]


def test_cached_gazetteer_and_prefilter_tables_equal_freshly_built_ones(cache_dir: Path) -> None:
    from dateline import prefilter
    from dateline.places import gazetteer

    built = gazetteer._read_table(gazetteer.GAZETTEER_FILE)
    gazetteer.Gazetteer.from_file(gazetteer.GAZETTEER_FILE)  # writes the cache
    again = gazetteer.Gazetteer.from_file(gazetteer.GAZETTEER_FILE)  # reads it
    assert (again.rows, again.index) == built
    fresh = prefilter._word_tables()
    cache.cached("prefilter", prefilter._word_tables)
    assert cache.cached("prefilter", lambda: pytest.fail("rebuilt")) == fresh
    assert os.listdir(cache_dir)
