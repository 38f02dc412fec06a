"""Loads the time tagger's word lists (data/times/lexicon.json), merged with a user's own file if given."""

from __future__ import annotations

import functools
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

# A user extends the lexicon by pointing this variable at a JSON file of the same shape.
USER_LEXICON_ENV = "DATELINE_TIMES_LEXICON"


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, val in extra.items():
        if isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **val}
        elif isinstance(val, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in val if v not in out[key]]
        else:
            out[key] = val
    return out


@functools.lru_cache(maxsize=4)
def load_lexicon(user_file: str | None = None) -> dict[str, Any]:
    """The packaged lexicon, with `user_file` (or $DATELINE_TIMES_LEXICON) merged over it."""
    text = resources.files("dateline").joinpath("data/times/lexicon.json").read_text(encoding="utf-8")
    lex: dict[str, Any] = json.loads(text)
    path = user_file or os.environ.get(USER_LEXICON_ENV)
    if path:
        lex = _merge(lex, json.loads(Path(path).read_text(encoding="utf-8")))
    return lex
