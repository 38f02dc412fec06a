"""Start-up work spaCy does that dateline never reads, skipped so a one-article command starts in time.

Three costs of `import spacy` and of loading a packaged pipeline, measured in a fresh process (docs/profile.md):

- `spacy/__init__.py` imports `spacy.cli.info` for `spacy.info`, which imports spaCy's whole command line
  (every command, weasel, requests): ~0.3-0.5 s of CPU for code a library user never calls;
- catalogue (spaCy's registry) filters the full list of installed entry points on every registry look-up,
  ~250 times while a pipeline is built;
- the pipeline's tokenizer is built from the language defaults (2,700 special cases compiled) and then
  replaced, rules and all, by the package's own serialised tokenizer.

Each is skipped without changing what is loaded: `spacy.info` still works (it imports the real module when
called), the registry sees the same entry points, and the tokenizer comes from the same file.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

_CLI_INFO = "spacy.cli.info"
EMPTY_TOKENIZER = "dateline.empty_tokenizer.v1"


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported on first call."""
    if isinstance(sys.modules.get(_CLI_INFO), _InfoStub):
        del sys.modules[_CLI_INFO]
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _InfoStub(ModuleType):
    """Stands in for `spacy.cli.info` while spaCy imports; any other name loads the real module."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for `__path__` and the like: a plain module has none
            raise AttributeError(name)
        if sys.modules.get(_CLI_INFO) is self:
            del sys.modules[_CLI_INFO]
        import importlib

        return getattr(importlib.import_module(_CLI_INFO), name)


def defer_cli_import() -> None:
    """Before spaCy is imported: let `import spacy` find a stand-in for `spacy.cli.info` (called by the package's
    `__init__`, so any import of spaCy through dateline is covered). `drop_cli_stub` removes it."""
    if "spacy" in sys.modules or _CLI_INFO in sys.modules:
        return
    stub = _InfoStub(_CLI_INFO)
    stub.info = _real_info  # type: ignore[attr-defined]
    sys.modules[_CLI_INFO] = stub


def drop_cli_stub() -> None:
    """Once spaCy is in: a later `import spacy.cli` (spaCy's own command line) gets the real module."""
    if isinstance(sys.modules.get(_CLI_INFO), _InfoStub):
        del sys.modules[_CLI_INFO]


class _EntryPointsByGroup:
    """catalogue's snapshot of installed entry points, answered by group from a dict: the same entry points,
    without a scan of all of them per registry look-up."""

    def __init__(self, groups: dict[str, list[Any]]) -> None:
        self._groups = groups

    def select(self, group: str) -> list[Any]:
        return self._groups.get(group, [])

    def get(self, group: str, default: Any = None) -> Any:
        return self._groups.get(group, default)


def index_entry_points() -> None:
    """Replace catalogue's entry-point snapshot with one indexed by group (idempotent)."""
    import catalogue

    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if available is None or isinstance(available, _EntryPointsByGroup):
        return
    groups: dict[str, list[Any]] = {}
    if isinstance(available, dict):  # Python 3.11's SelectableGroups: a dict of group -> entry points
        groups = {group: list(eps) for group, eps in dict.items(available)}
    else:  # Python 3.12+: one flat EntryPoints
        for ep in available:
            groups.setdefault(ep.group, []).append(ep)
    catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointsByGroup(groups)


def register_empty_tokenizer() -> None:
    """A tokenizer with no rules, for a pipeline whose package carries its own serialised tokenizer (which
    `from_disk` loads over it, resetting every setting first)."""
    import spacy

    if EMPTY_TOKENIZER in spacy.registry.tokenizers:
        return

    from spacy.tokenizer import Tokenizer

    def empty_tokenizer() -> Callable[[Any], Tokenizer]:
        return lambda nlp: Tokenizer(nlp.vocab)

    spacy.registry.tokenizers(EMPTY_TOKENIZER, func=empty_tokenizer)


__all__ = ["EMPTY_TOKENIZER", "defer_cli_import", "drop_cli_stub", "index_entry_points", "register_empty_tokenizer"]
