"""Shared fixtures: the spaCy pipeline once per session, and where the evaluation data lives."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# The run's derived-table cache (dateline.cache) lives in a directory of its own, not in the user's
# ~/.cache; set before any test imports dateline, so spawned workers inherit it too.
os.environ.setdefault("DATELINE_CACHE_DIR", tempfile.mkdtemp(prefix="dateline-test-cache-"))


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from dateline import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present (a user's fresh clone has none)")
    return SHARED
