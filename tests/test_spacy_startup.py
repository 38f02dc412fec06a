"""The start-up shortcuts load exactly what spaCy would load, and leave spaCy's own API working."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

from dateline import nlp, spacy_startup


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    return done.stdout.strip()


def test_importing_spacy_through_dateline_leaves_out_spacys_command_line() -> None:
    out = _python(
        "import sys, dateline.nlp\n"
        "print('weasel' in sys.modules, 'spacy.cli' in sys.modules, 'spacy.cli.info' in sys.modules)"
    )
    assert out == "False False False"


def test_spacy_info_and_spacys_command_line_still_work_afterwards() -> None:
    out = _python(
        "import sys, dateline.nlp, spacy\n"
        "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
        "import spacy.cli.info\n"
        "print(sys.modules['spacy.cli.info'].__file__.endswith('info.py'), callable(sys.modules['spacy.cli.info'].info))"
    )
    assert out.split() == ["True", "True", "True"]


def test_the_quick_pipeline_tokenizes_and_tags_like_the_shipped_one() -> None:
    text = (
        "Don't wait: the U.S. envoy can't land at 3:30 p.m. in St. Petersburg, e-mail press@example.org or "
        "see https://example.org/a?b=1 :) — 10km away, $5.00 each, y'all gonna see."
    )
    shipped = nlp.load_shipped()(text)
    quick = nlp.load_shipped(quick_start=True)(text)
    def view(doc):  # type: ignore[no-untyped-def]
        return [(t.text, t.whitespace_, t.tag_, t.ent_type_, t.dep_, t.head.i, t.norm_) for t in doc]

    assert view(quick) == view(shipped)
    assert nlp.load_shipped(quick_start=True).tokenizer.rules  # the package's special cases were loaded


def test_indexed_entry_points_answer_the_same_as_a_scan() -> None:
    import catalogue

    spacy_startup.index_entry_points()
    spacy_startup.index_entry_points()  # idempotent
    for group in ("spacy_factories", "spacy_languages", "console_scripts", "no_such_group"):
        scanned = sorted(ep.name for ep in importlib.metadata.entry_points(group=group))
        assert sorted(ep.name for ep in catalogue.AVAILABLE_ENTRY_POINTS.select(group=group)) == scanned
