"""Derived tables kept on disk between runs, so a cold start does not rebuild them.

Some tables are built from the package's data files at start-up (the gazetteer's 250k rows, the
pre-filter's inflected trigger forms); building them is a large share of a cold `dateline extract`.
A built table is pickled under the user's cache directory and reused while nothing it was built
from has changed. The key covers dateline's version, Python's, every file of the installed package
(code and data, by size and modification time), the caller's own inputs (user extras files, model
version) and every DATELINE_* environment variable, so an edited file or a new extras path builds afresh.

The cache is an optimisation only: an unreadable, corrupt or unwritable cache builds the table in
memory as if there were none. `DATELINE_CACHE=0` turns it off; `DATELINE_CACHE_DIR` moves it
(default: $XDG_CACHE_HOME/dateline, else ~/.cache/dateline).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV_ENABLED = "DATELINE_CACHE"
ENV_DIR = "DATELINE_CACHE_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get(ENV_ENABLED, "1").strip().lower() not in {"0", "false", "no", "off"}


def directory() -> Path:
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline"


def _stat(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


@functools.lru_cache(maxsize=1)
def _package_fingerprint() -> str:
    # The installed package does not change under a running process; one walk per process (~100 stats).
    from . import __version__

    h = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(_stat(path).encode())
    return h.hexdigest()


def key(name: str, inputs: Iterable[str | os.PathLike[str]] = ()) -> str:
    """The cache key of table `name` built from `inputs` (paths are keyed by size and mtime, other values as text)."""
    h = hashlib.sha256(f"{name}|{_package_fingerprint()}".encode())
    for item in inputs:
        h.update(b"\0")
        h.update(_stat(Path(item)).encode() if isinstance(item, os.PathLike) else str(item).encode())
    for var in sorted(v for v in os.environ if v.startswith("DATELINE_") and v not in (ENV_ENABLED, ENV_DIR)):
        h.update(f"\0{var}={os.environ[var]}".encode())
        for part in os.environ[var].split(os.pathsep):
            if part and os.path.isfile(part):  # an extras file may change while its path stays the same
                h.update(_stat(Path(part)).encode())
    return h.hexdigest()[:24]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling a table makes tens of thousands of objects, none of them garbage: each run of the cyclic
    collector it sets off walks everything alive, spaCy included (0.18 s of a 0.2 s KB load in a fresh
    process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cached(name: str, build: Callable[[], T], inputs: Iterable[str | os.PathLike[str]] = ()) -> T:
    """`build()`, or the table it built last time from the same inputs."""
    if not enabled():
        return build()
    inputs = list(inputs)
    path = directory() / f"{name}-{key(name, inputs)}.pickle"
    try:
        with open(path, "rb") as fh, _collector_paused():
            return pickle.load(fh)  # noqa: S301 - the user's own cache directory, written by this module
    except Exception:  # not there yet, truncated or foreign: build it and write it afresh
        pass
    value = build()
    _write(path, name, value)
    return value


def _write(path: Path, name: str, value: object) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except Exception:  # read-only home, full disk, an unpicklable table: it was built in memory, that is enough
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        return
    for old in path.parent.glob(f"{name}-*.pickle"):
        if old != path:
            try:
                old.unlink()  # one version per table; stale ones would only fill the disk
            except OSError:
                pass

