"""dateline: read news, write down what it reports — who did what to whom, when and where."""

import logging

__version__ = "0.1.0"
__all__ = ["__version__", "extract"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Shortcut for :func:`dateline.pipeline.extract` (imported lazily: spaCy is heavy)."""
    from .pipeline import extract as _extract

    return _extract(*args, **kwargs)
