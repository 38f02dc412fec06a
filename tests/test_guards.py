"""Per-document guards: caps, the time budget (main thread and worker threads) and what the store records."""

from __future__ import annotations

import codecs
import gzip
import signal
import threading
import time
from collections.abc import Iterator

import pytest

from dateline import clean, engine, guards, pipeline
from dateline.ingest import MAX_BYTES, InputError, RawArticle, decode, read_bytes
from dateline.models import Document, EventDocument
from dateline.store import Store

PROSE = ("The council met on Tuesday and agreed to open the bridge to traffic again. "
         "Residents said the delay had cost shops in the old town a great deal of trade. ")


def _spin(limit: float = 30.0) -> str:
    """Busy Python loop; returns only if nobody stops it (then the test fails instead of hanging)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        pass
    return "not stopped"


def test_budget_returns_the_value_when_in_time() -> None:
    assert guards.within_budget(lambda x: x * 2, 21, seconds=5) == 42


def test_budget_stops_a_runaway_call_in_the_main_thread() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(guards.TimeBudgetExceeded, match="time budget exceeded"):
        guards.within_budget(_spin, seconds=0.2)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_budget_stops_a_runaway_call_in_a_worker_thread() -> None:
    outcome: list[object] = []

    def work() -> None:
        try:
            outcome.append(guards.within_budget(_spin, seconds=0.2))
        except guards.TimeBudgetExceeded as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert len(outcome) == 1 and isinstance(outcome[0], guards.TimeBudgetExceeded)


def test_no_interrupt_lands_after_the_call_returned() -> None:
    def later() -> str:
        guards.within_budget(lambda: None, seconds=0.05)
        time.sleep(0.3)  # past the budget: a leaked timer would raise here
        return "fine"

    assert later() == "fine"
    result: list[str] = []
    thread = threading.Thread(target=lambda: result.append(later()))
    thread.start()
    thread.join(10)
    assert result == ["fine"]


def test_nested_budget_runs_under_the_outer_one() -> None:
    assert guards.within_budget(lambda: guards.within_budget(lambda: "inner", seconds=0.01), seconds=5) == "inner"
    with pytest.raises(guards.TimeBudgetExceeded):
        guards.within_budget(lambda: guards.within_budget(_spin, seconds=100), seconds=0.2)


def test_budget_zero_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(guards.BUDGET_ENV, "0")
    assert guards.budget_seconds() == 0
    assert guards.within_budget(lambda: "ran") == "ran"
    monkeypatch.setenv(guards.BUDGET_ENV, "nonsense")
    assert guards.budget_seconds() == guards.DEFAULT_BUDGET_SECONDS


def test_stages_cannot_swallow_the_interrupt() -> None:
    def careless() -> str:
        try:
            return _spin()
        except Exception:  # noqa: BLE001 - what a stage's own error handling looks like
            return "swallowed"

    with pytest.raises(guards.TimeBudgetExceeded):
        guards.within_budget(careless, seconds=0.2)


# -- caps ---------------------------------------------------------------------------------------------


def _doc(text: str, language: str = "en") -> Document:
    return Document(id="x", text=text, language=language)


def test_normal_article_passes_the_caps() -> None:
    guards.check_document(_doc(PROSE * 20))


def test_body_over_the_length_cap_is_refused() -> None:
    with pytest.raises(guards.DocumentRefused, match="character cap"):
        guards.check_document(_doc((PROSE + "\n") * (guards.MAX_TEXT_CHARS // len(PROSE) + 2)))


def test_run_on_sentence_is_refused_before_parsing() -> None:
    run_on = " ".join(["the crowd in the square shouted at the guards"] * 200)
    assert guards.longest_sentence_words(run_on) == 1800
    with pytest.raises(guards.DocumentRefused, match="without sentence punctuation"):
        guards.check_document(_doc(run_on))
    # The same words broken into lines are prose-sized runs.
    guards.check_document(_doc(run_on.replace(" guards the", " guards.\nThe")))


def test_uncoded_bodies_are_not_refused() -> None:
    run_on = " ".join(["word"] * 5000)
    guards.check_document(_doc(run_on, language="und"))
    guards.check_document(_doc("   "))


def test_clean_refuses_a_run_on_body() -> None:
    with pytest.raises(guards.DocumentRefused):
        clean.clean(RawArticle(content=" ".join(["the army said that rebels attacked"] * 400)))


# -- inputs: size, encoding, language, empty pages --------------------------------------------------------


def test_size_cap_applies_to_files_and_to_gzip_contents() -> None:
    with pytest.raises(InputError, match="MB limit"):
        decode(b"a" * (MAX_BYTES + 1))
    bomb = gzip.compress(b"a" * (MAX_BYTES + 1))
    assert len(bomb) < MAX_BYTES
    with pytest.raises(InputError, match="MB limit"):
        decode(bomb)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_encodings_are_detected(encoding: str) -> None:
    # cp1252 English: the typographic quotes and dashes are what Windows pages carry. (Accented letters alone
    # cannot tell cp1252 from cp1250 in a short text; the detector may pick either.)
    text = ("Le ministre a déclaré que la réunion à Genève était « très utile » pour la région. " * 3
            if encoding != "cp1252" else "The minister’s “very useful” meeting in Geneva — said aides. " * 3)
    data = text.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert decode(data).strip() == text.strip()


def test_binary_input_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        list(read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.png"))


def _fake_analyse(raw: RawArticle) -> EventDocument:
    """The pipeline without spaCy: cleaning only, and a hang when the text says so."""
    document, warnings = clean.clean(raw)
    if "HANG" in document.text:
        _spin()
    out = EventDocument(document=document, warnings=warnings)
    if not document.text.strip():
        out.warnings.append("empty body: nothing to code")
    return out


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pipeline, "analyse", _fake_analyse)
    monkeypatch.setattr(pipeline, "analyse_many", lambda raws, batch_size=16: (_fake_analyse(r) for r in raws))
    monkeypatch.setenv(guards.BUDGET_ENV, "3")
    clean.clean(RawArticle(content="<html><body><p>warm</p></body></html>", is_html=True))  # imports trafilatura
    yield


def _rows(store: Store) -> dict[str, tuple[str, str | None]]:
    rows = store.con.execute("SELECT origin, status, reason FROM documents").fetchall()
    return {origin: (status, reason) for origin, status, reason in rows}


def test_store_records_why_each_document_was_not_coded(fake_pipeline: None) -> None:
    raws = [
        RawArticle(content=PROSE * 3, origin="prose"),
        RawArticle(content=PROSE + "HANG " + PROSE, origin="hang"),
        RawArticle(content=" ".join(["the army said that rebels attacked"] * 400), origin="run-on"),
        RawArticle(content=("Der Minister sagte am Dienstag, dass die Brücke wieder geöffnet werde und die "
                            "Händler in der Altstadt viel Umsatz verloren hätten. ") * 4, origin="german"),
        RawArticle(content="<html><body><nav>Home</nav><p>Menu</p><div>Search</div><div>Log in</div></body></html>",
                   is_html=True, origin="nav-only", url="https://example.org/nav"),
        # Empty bodies are keyed by URL (two empty pages without one are the same document).
        RawArticle(content="Advertisement\nShare this article\nSubscribe now\n", origin="boilerplate",
                   url="https://example.org/furniture"),
        RawArticle(content=PROSE * 2, origin="after"),
    ]
    with Store(":memory:") as store:
        report = engine.run(store, raws, batch_size=2, recluster=False)
        rows = _rows(store)
    assert report.seen == len(raws) and report.added == len(raws)
    assert rows["prose"][0] == "ok" and rows["after"][0] == "ok"  # the run went on past the bad ones
    assert rows["hang"] == ("failed", "TimeBudgetExceeded: time budget exceeded (3 s)")
    assert rows["run-on"][0] == "failed" and "sentence punctuation" in (rows["run-on"][1] or "")
    assert rows["german"][0] == "skipped" and "English" in (rows["german"][1] or "")
    assert rows["nav-only"][0] == "skipped" and "no article text" in (rows["nav-only"][1] or "")
    assert rows["boilerplate"][0] == "skipped" and "no body text found" in (rows["boilerplate"][1] or "")


def test_a_failure_over_budget_keeps_its_input_for_retry(fake_pipeline: None) -> None:
    with Store(":memory:") as store:
        engine.run(store, [RawArticle(content=PROSE + "HANG", origin="hang")], recluster=False)
        failures = store.failures()
    assert len(failures) == 1 and failures[0]["raw_json"] and "HANG" in failures[0]["raw_json"]


def test_cpu_budget_stops_a_runaway_call() -> None:
    with pytest.raises(guards.TimeBudgetExceeded, match="CPU"):
        guards.within_budget(_spin, seconds=0.2, cpu=True)
    assert signal.getitimer(signal.ITIMER_PROF)[0] == 0


def test_json_with_a_huge_integer_is_bad_input_not_a_crash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """json.loads raises a plain ValueError (not JSONDecodeError) past 4,300 digits (found by the fuzzer)."""
    from dateline.sources import iter_jsonl

    huge = '{"text": "Troops moved in.", "id": ' + "9" * 5000 + "}"
    with pytest.raises(InputError, match="invalid JSON"):
        list(read_bytes(huge.encode(), "a.json"))
    with pytest.raises(InputError, match="invalid JSON"):
        list(read_bytes(f'{{"text": "a"}}\n{huge}\n'.encode(), "a.jsonl"))
    (raw,) = read_bytes(huge.encode(), "a.txt")  # not JSON Lines after all: read as the text it is
    assert raw.content == huge
    path = tmp_path / "dump.jsonl"
    path.write_text(f'{{"text": "first"}}\n{huge}\n{{"text": "third"}}\n')
    raws = list(iter_jsonl(str(path)))
    assert [r.content for r in raws][::2] == ["first", "third"]  # one bad line costs only itself
    assert "invalid JSON" in str(raws[1].extra["error"])
