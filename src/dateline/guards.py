"""Per-document guards: caps checked before a body is parsed, and a time budget around the analysis.

A pathological page must cost only itself: the caps refuse bodies the NLP stages would take minutes over
(the event coder is quadratic in sentence length), and the budget stops whatever the caps did not foresee.
Both end as an exception that `engine.analyse_batch` stores as the document's failure reason, with its
raw input kept so `dateline retry` can run it again; the run goes on.
"""

from __future__ import annotations

import ctypes
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from .ingest import InputError
from .models import Document, EventDocument

T = TypeVar("T")

# spaCy refuses bodies over 1,000,000 characters; the longest article in the 38k-article evaluation corpus
# has 77k. Anything over this cap is a dump, not an article.
MAX_TEXT_CHARS = 300_000
# Words between two sentence ends or line breaks. Parse and event coding cost grow with the square of the
# sentence length (a 3,200-token run-on sentence takes ~10 s to code); real prose stays far below this.
MAX_SENTENCE_WORDS = 1_000
DEFAULT_BUDGET_SECONDS = 60.0
BUDGET_ENV = "DATELINE_TIME_BUDGET"  # seconds per document; 0 turns the budget off

_SENTENCE_END = re.compile(r"[.!?;:\u3002]\s|\n")


class DocumentRefused(InputError):
    """A body the pipeline must not parse; the message is the reason stored with the document."""


class TimeBudgetExceeded(RuntimeError):
    """The analysis of a document (or a batch) ran past its time budget and was stopped."""


class _Interrupt(BaseException):
    """Raised into the analysing thread when the budget runs out.

    A BaseException so that the stages' own `except Exception` handlers (htmldate, the batch fallback)
    cannot swallow it; `within_budget` turns it into TimeBudgetExceeded."""


def longest_sentence_words(text: str) -> int:
    """Word count of the longest stretch between sentence punctuation or line breaks: a cheap, pre-parse
    upper bound on the longest sentence spaCy will find."""
    return max((len(part.split()) for part in _SENTENCE_END.split(text)), default=0)


def check_document(document: Document) -> None:
    """Raise DocumentRefused when a body that would be parsed is over a cap; bodies that are not coded
    (empty, not English) pass, since nothing expensive runs over them."""
    text = document.text
    if not text.strip() or not (document.language or "en").startswith("en"):
        return
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentRefused(f"body of {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character cap")
    longest = longest_sentence_words(text)
    if longest > MAX_SENTENCE_WORDS:
        raise DocumentRefused(
            f"a run of {longest:,} words without sentence punctuation is over the {MAX_SENTENCE_WORDS:,}-word cap"
        )


def budget_seconds() -> float:
    """Seconds one document may take: $DATELINE_TIME_BUDGET, else the default; 0 or less means no budget."""
    value = os.environ.get(BUDGET_ENV)
    if not value:
        return DEFAULT_BUDGET_SECONDS
    try:
        return float(value)
    except ValueError:
        return DEFAULT_BUDGET_SECONDS


_local = threading.local()


def within_budget(fn: Callable[..., T], *args: object, seconds: float | None = None, cpu: bool = False) -> T:
    """Call fn(*args); stop it with TimeBudgetExceeded after `seconds` (default: budget_seconds()).

    Seconds are wall-clock time; with cpu=True (main thread only) they are this process's CPU time, which
    on a machine shared with other jobs measures the document's own cost rather than the neighbours' load.

    In the main thread (the CLI, a process-pool worker) a SIGALRM timer interrupts the call; in any other
    thread (a Dask or web-server worker thread) a watchdog timer raises into the calling thread. Either way
    the interrupt lands between Python bytecodes, so one long call into C (a regex, the parser) finishes
    first: the caps in check_document bound those. A call nested in another budgeted call runs under the
    outer budget.
    """
    seconds = budget_seconds() if seconds is None else seconds
    if seconds <= 0 or getattr(_local, "active", False):
        return fn(*args)
    _local.active = True
    try:
        with _armed(seconds, cpu):
            return fn(*args)
    except _Interrupt:
        raise TimeBudgetExceeded(f"time budget exceeded ({seconds:g} s{' CPU' if cpu else ''})") from None
    finally:
        _local.active = False


def _armed(seconds: float, cpu: bool = False) -> AbstractContextManager[None]:
    if not hasattr(signal, "setitimer"):
        return _watchdog(seconds)
    timer, signum = (signal.ITIMER_PROF, signal.SIGPROF) if cpu else (signal.ITIMER_REAL, signal.SIGALRM)
    if _can_use_alarm(timer, signum):
        return _alarm(seconds, timer, signum)
    return _watchdog(seconds)


def _can_use_alarm(timer: int, signum: int) -> bool:
    # Never clobber a timer someone else set (pytest-timeout, an outer application).
    return (
        threading.current_thread() is threading.main_thread()
        and signal.getitimer(timer)[0] == 0
        and signal.getsignal(signum) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


def _raise_interrupt(signum: int, frame: object) -> None:
    raise _Interrupt


@contextmanager
def _alarm(seconds: float, timer: int, signum: int) -> Iterator[None]:
    previous = signal.signal(signum, _raise_interrupt)
    signal.setitimer(timer, seconds)
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    armed = True

    def fire() -> None:
        with lock:
            if armed:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Interrupt))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            armed = False
            # An interrupt sent but not yet raised must not land after the call has returned.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        timer.cancel()



def span_errors(out: EventDocument) -> list[str]:
    """Every offset in a result that does not point at its own words in document.text (empty when sound).

    The contract of models.py: all start/end offsets index Document.text. The fuzzer and the property tests
    check it on every output."""
    text = out.document.text
    problems: list[str] = []

    def check(kind: str, words: str | None, start: int | None, end: int | None, source: str | None = None) -> None:
        text = out.document.text if source is None else source
        if start is None and end is None:
            return
        if start is None or end is None or not 0 <= start <= end <= len(text):
            problems.append(f"{kind} {words!r}: span {start}..{end} outside a text of {len(text)}")
        elif words is not None and text[start:end] != words:
            problems.append(f"{kind} {words!r}: text[{start}:{end}] is {text[start:end]!r}")

    for e in out.entities:
        check("entity", e.text, e.start, e.end)
    for t in out.times:
        check("time", t.text, t.start, t.end)
    for p in out.places:
        check("place", p.text, p.start, p.end)
    for c in out.counts:
        check("count", c.text, c.start, c.end)
    for q in out.quotes:
        check("quote", q.text, q.start, q.end)
    for a in out.actors:
        check("actor", a.text, a.start, a.end)
    for ev in out.events:
        # an act coded from the headline points into the title (Evidence.in_title)
        source = (out.document.title or "") if ev.evidence.in_title else text
        check("evidence", ev.evidence.sentence, ev.evidence.start, ev.evidence.end, source)
        check("trigger", ev.evidence.trigger, ev.evidence.trigger_start, ev.evidence.trigger_end, source)
        for a in [*ev.actors, *ev.recipients]:
            check("event actor", a.text, a.start, a.end, source)
    return problems


def drop_blanked_spans(out: EventDocument) -> EventDocument:
    """Drop the mentions whose words are not the document's own (in place; returns `out`).

    With the pre-filter, spaCy reads a copy of the text with skipped sentences blanked; an entity, place or
    actor it runs across a blanked stretch ('Lyon' + the spaces of the next, skipped headline) has words the
    document does not have at those offsets. Such a mention is an artefact of the blanking, not a mention.
    """
    text = out.document.text

    def own(words: str, start: int | None, end: int | None) -> bool:
        return start is None or end is None or text[start:end] == words

    out.entities = [e for e in out.entities if own(e.text, e.start, e.end)]
    out.times = [t for t in out.times if own(t.text, t.start, t.end)]
    out.places = [p for p in out.places if own(p.text, p.start, p.end)]
    out.counts = [c for c in out.counts if own(c.text, c.start, c.end)]
    out.quotes = [q for q in out.quotes if own(q.text, q.start, q.end)]
    out.actors = [a for a in out.actors if own(a.text, a.start, a.end)]
    for ev in out.events:
        if ev.evidence.in_title:
            continue  # read from the title, which is never blanked
        ev.actors = [a for a in ev.actors if own(a.text, a.start, a.end)]
        ev.recipients = [a for a in ev.recipients if own(a.text, a.start, a.end)]
    return out
