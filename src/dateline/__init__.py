"""dateline: read news, write down what it reports — who did what to whom, when and where."""

import logging

from . import spacy_startup

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
spacy_startup.defer_cli_import()  # spaCy's own command line is never used; importing it is a third of spaCy's import


def extract(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Shortcut for :func:`dateline.pipeline.extract` (imported lazily: spaCy is heavy)."""
    from .pipeline import extract as _extract

    return _extract(*args, **kwargs)
