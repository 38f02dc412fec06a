"""Tests for the evaluation scorers and readers, on small made-up cases worked out by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dateline.cli_eval import data_dir, eval_command
from dateline.evaluation import events as ev
from dateline.evaluation import extraction, geo, pubdate, timex
from dateline.evaluation.base import Row
from dateline.evaluation.scorers import (
    MAX_ERROR_KM,
    PRF,
    accuracy,
    accuracy_at,
    error_auc,
    exact,
    f1,
    geo_scores,
    haversine_km,
    macro_f1,
    make_span,
    match_spans,
    normalise_timex_value,
    per_label_f1,
    shingle_counts,
    shingle_prf,
    shingles,
    span_prf,
    timex_scores,
)
from dateline.models import Actor, Event, Evidence

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/eval is not available")


# ---------------------------------------------------------------- F1 arithmetic


def test_f1_is_harmonic_mean_and_zero_when_both_zero() -> None:
    assert f1(0.5, 1.0) == pytest.approx(2 / 3)
    assert f1(0.0, 0.0) == 0.0


def test_prf_counts_and_sum() -> None:
    total = PRF(tp=3, fp=1, fn=2) + PRF(tp=1, fp=1, fn=0)
    assert (total.tp, total.fp, total.fn) == (4, 2, 2)
    assert total.precision == pytest.approx(4 / 6)
    assert total.recall == pytest.approx(4 / 6)
    assert PRF().f1 == 0.0


def test_per_label_and_macro_f1() -> None:
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", None), ("C", "A")]
    stats = per_label_f1(pairs)
    # A: tp 1, fp 1 (from C), fn 1 -> P 1/2, R 1/2; B: tp 1, fp 1, fn 1; C: tp 0, fn 1
    assert (stats["A"].tp, stats["A"].fp, stats["A"].fn) == (1, 1, 1)
    assert (stats["B"].tp, stats["B"].fp, stats["B"].fn) == (1, 1, 1)
    assert stats["C"].f1 == 0.0
    assert macro_f1(stats, ["A", "B", "C"]) == pytest.approx((0.5 + 0.5 + 0.0) / 3)
    assert accuracy(pairs) == pytest.approx(2 / 5)


# ---------------------------------------------------------------- 4-gram overlap


def test_shingles_are_word_4grams_and_short_texts_give_one() -> None:
    assert shingles("one two three four five") == {("one", "two", "three", "four"): 1,
                                                   ("two", "three", "four", "five"): 1}
    assert shingles("just two") == {("just", "two"): 1}
    assert shingles("") == {}


def test_shingle_counts_are_normalised_per_page() -> None:
    gold = "a b c d e"  # shingles abcd, bcde
    pred = "a b c d x y"  # shingles abcd, bcdx, cdxy
    tp, fp, fn = shingle_counts(gold, pred)
    assert (tp, fp, fn) == pytest.approx((1 / 4, 2 / 4, 1 / 4))
    assert shingle_counts("same words in order here", "same words in order here") == (1.0, 0.0, 0.0)


def test_shingle_prf_averages_pages_and_skips_undefined() -> None:
    pages = [
        shingle_counts("a b c d e", "a b c d x y"),  # P 1/3, R 1/2
        shingle_counts("p q r s", ""),  # nothing predicted: recall 0, not in the precision average
    ]
    scores = shingle_prf(pages)
    assert scores["precision"] == pytest.approx(1 / 3)
    assert scores["recall"] == pytest.approx((1 / 2 + 0) / 2)
    assert scores["f1"] == pytest.approx(f1(1 / 3, 1 / 4))


# ---------------------------------------------------------------- spans


def test_match_spans_overlap_is_one_to_one() -> None:
    gold = [make_span(0, 10), make_span(20, 25)]
    pred = [make_span(5, 22), make_span(8, 9), make_span(30, 40)]
    # gold 0 takes the first overlapping prediction; gold 1 can use what is left
    assert match_spans(gold, pred) == [(0, 0)]
    assert span_prf(gold, pred) == PRF(tp=1, fp=2, fn=1)


def test_match_spans_prefers_exact_partners() -> None:
    gold = [make_span(0, 5), make_span(6, 12)]
    pred = [make_span(3, 12), make_span(0, 5)]
    # the sloppy 3-12 overlaps gold 0 too, but gold 0's exact partner is taken first
    assert match_spans(gold, pred) == [(0, 1), (1, 0)]
    assert match_spans(gold, pred, exact) == [(0, 1)]
    assert match_spans([make_span(0, 5)], [make_span(5, 9)]) == []  # touching is not overlapping


# ---------------------------------------------------------------- TIMEX3


def test_timex_value_normalisation() -> None:
    assert normalise_timex_value(" p1de ") == "P10Y"
    assert normalise_timex_value("P2CE") == "P200Y"
    assert normalise_timex_value("2013-03-22T10:00Z") == "2013-03-22T10:00"
    assert normalise_timex_value("2013-W11") == "2013-W11"
    assert normalise_timex_value(None) == ""


def test_timex_scores_te3_arithmetic() -> None:
    gold = [make_span(0, 6, value="2013-03-22", type="DATE"), make_span(10, 17, value="P10Y", type="DURATION"),
            make_span(30, 35, value="2012", type="DATE")]
    pred = [make_span(0, 6, value="2013-03-22", type="DATE"),  # exact, right value
            make_span(8, 17, value="P1DE", type="DURATION"),  # overlap, value right only once normalised
            make_span(50, 55, value="2011", type="DATE")]  # spurious
    s = timex_scores([(gold, pred)])
    assert s["strict_p"] == pytest.approx(1 / 3) and s["strict_r"] == pytest.approx(1 / 3)
    assert s["relaxed_f1"] == pytest.approx(2 / 3)
    assert s["value_f1"] == pytest.approx(1 / 3)
    assert s["value_norm_f1"] == pytest.approx(2 / 3)
    assert s["type_f1"] == pytest.approx(2 / 3)
    assert s["value_accuracy"] == pytest.approx(1 / 2)
    # value F1 is relaxed F1 times value accuracy when P and R share the same denominators
    assert s["value_f1"] == pytest.approx(s["relaxed_f1"] * s["value_accuracy"])


def test_parse_timeml_offsets_and_entities() -> None:
    text, spans = timex.parse_timeml(
        'Talks &amp; votes on <TIMEX3 tid="t1" type="DATE" value="2020-05-01">Friday</TIMEX3>, '
        '<EVENT eid="e1">said</EVENT> officials.')
    assert text == "Talks & votes on Friday, said officials."
    assert [(text[s.start:s.end], s.get("value"), s.get("type")) for s in spans] == [("Friday", "2020-05-01", "DATE")]


def test_aligner_carries_offsets_across_whitespace() -> None:
    source, target = "It  rained\non Monday.", "It rained on   Monday."
    aligner = timex.Aligner(source, target)
    assert aligner.ok
    start, end = source.index("Monday"), source.index("Monday") + 6
    moved = aligner.span(make_span(start, end))
    assert target[moved.start:moved.end] == "Monday"
    assert not timex.Aligner("abc", "abd").ok


def test_read_meantime_rebuilds_text_and_drops_the_date_line(tmp_path: Path) -> None:
    tokens = [("1", 0, "Mayor"), ("2", 0, "quits"), ("3", 1, "June"), ("4", 1, "2"), ("5", 1, ","), ("6", 1, "2011"),
              ("7", 2, "She"), ("8", 2, "left"), ("9", 2, "on"), ("10", 2, "Monday"), ("11", 2, "."),
              ("12", 3, "Unannotated"), ("13", 3, "tail"), ("14", 3, ".")]
    xml = ['<Document doc_id="1">']
    xml += [f'<token t_id="{i}" sentence="{s}">{t}</token>' for i, s, t in tokens]
    xml += ["<Markables>",
            '<TIMEX3 m_id="1" type="DATE" value="2011-06-02" functionInDocument="CREATION_TIME">'
            + "".join(f'<token_anchor t_id="{i}"/>' for i in (3, 4, 5, 6)) + "</TIMEX3>",
            '<TIMEX3 m_id="2" type="DATE" value="2011-05-30" functionInDocument="NONE"><token_anchor t_id="10"/></TIMEX3>',
            '<TIMEX3 m_id="3" type="DATE" value="2011" functionInDocument="NONE"></TIMEX3>',
            "</Markables></Document>"]
    path = tmp_path / "1_doc.xml"
    path.write_text("\n".join(xml), encoding="utf-8")
    doc = timex.read_meantime(path)
    assert doc.text == "Mayor quits\n\nShe left on Monday. Unannotated tail."
    assert doc.scored_end == len("Mayor quits\n\nShe left on Monday.")  # only annotated sentences are scored
    assert doc.dct == "2011-06-02"
    assert [(doc.text[s.start:s.end], s.get("value")) for s in doc.timexes] == [("Monday", "2011-05-30")]


def test_published_time_anchor_scores(tmp_path: Path) -> None:
    path = tmp_path / "scores.txt"
    path.write_text("== tagger-1\ngold=10 sys=8\nstrict   P=0.500 R=0.400 F1=0.444\nvalue    P=0.1 R=0.1 F1=0.100\n")
    assert timex.published_anchor_scores(path) == {"tagger-1": {"strict_f1": 0.444, "value_f1": 0.1}}


# ---------------------------------------------------------------- geography


def test_haversine_distances() -> None:
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 90.0) == pytest.approx(math.pi / 2 * 6371.0)
    assert haversine_km(90.0, 0.0, -90.0, 0.0) == pytest.approx(math.pi * 6371.0)
    # one degree of latitude is about 111.2 km anywhere
    assert haversine_km(40.0, -3.0, 41.0, -3.0) == pytest.approx(111.19, abs=0.01)


def test_accuracy_at_161_is_strictly_under() -> None:
    assert accuracy_at([0.0, 160.9, 161.0, 500.0]) == 0.5
    assert accuracy_at([]) == 0.0


def test_error_auc_trapezoid() -> None:
    assert error_auc([0.0, 0.0, 0.0]) == 0.0
    assert error_auc([5.0]) == 0.0  # undefined for one point
    # log(1 + (MAX - 1)) / log(MAX) = 1: one trapezoid from 0 to 1 has area 0.5
    assert error_auc([MAX_ERROR_KM - 1, 0.0]) == pytest.approx(0.5)
    y = math.log1p(100.0) / math.log(MAX_ERROR_KM)
    assert error_auc([0.0, 100.0, MAX_ERROR_KM - 1]) == pytest.approx(((0 + y) / 2 + (y + 1) / 2) / 2)


def test_geo_scores_match_then_measure() -> None:
    gold = [make_span(0, 5, lat=0.0, lon=0.0), make_span(10, 16, lat=0.0, lon=1.0), make_span(20, 25, lat=5.0, lon=5.0)]
    pred = [make_span(1, 4, lat=0.0, lon=0.0), make_span(10, 16, lat=0.0, lon=3.0), make_span(40, 45, lat=1.0, lon=1.0)]
    s = geo_scores([(gold, pred)])
    assert (s["precision"], s["recall"], s["matched"]) == (pytest.approx(2 / 3), pytest.approx(2 / 3), 2)
    two_degrees = haversine_km(0.0, 1.0, 0.0, 3.0)
    assert s["mean_km"] == pytest.approx(two_degrees / 2)
    assert s["median_km"] == pytest.approx(two_degrees / 2)
    assert s["acc161"] == 0.5


def test_eupeg_line_parsing_drops_unresolved() -> None:
    line = "Springfield,,Springfield,,39.8,,-89.6,,12,,23||Nowhere,,Nowhere,,,,,,30,,37||Big Lake,,Lake,,1.5,,2.5,,40,,44,,99.0||"
    spans = geo.parse_line(line)
    assert [(s.start, s.end, s.get("lat"), s.get("lon")) for s in spans] == [(12, 23, 39.8, -89.6), (40, 44, 1.5, 2.5)]


def test_eupeg_published_scores(tmp_path: Path) -> None:
    path = tmp_path / "anchor-scores.txt"
    path.write_text("== SetA: docs=2 gold toponyms=3\nparser  P  R  F1  n_res  Acc161  meanKm  medKm  AUC\n"
                    "ToolX  0.5  0.25  0.333  7  0.9  120  0.0  0.1\n")
    assert geo.published_scores(path) == {("SetA", "ToolX"): {
        "precision": 0.5, "recall": 0.25, "f1": 0.333, "acc161": 0.9, "mean_km": 120.0, "median_km": 0.0, "auc": 0.1}}


def test_row_agreement_tolerances() -> None:
    row = Row("tool", "anchor", {"f1": 0.955, "mean_km": 1296.6, "median_km": 0.02}, {"f1": 0.958, "mean_km": 1297,
                                                                                     "median_km": 0.0})
    assert row.agreement() == {"f1": True, "mean_km": True, "median_km": True}
    assert Row("tool", "anchor", {"f1": 0.94}, {"f1": 0.958}).agreement() == {"f1": False}


# ---------------------------------------------------------------- readers of the other suites


def test_extraction_published_figures(tmp_path: Path) -> None:
    readme = tmp_path / "README.rst"
    readme.write_text("Results::\n\n                version  F1  precision recall\n"
                      "    toolkit     1.0.0    0.900 ± 0.010  0.800 ± 0.010  0.950 ± 0.005  0.1 ± 0.1\n"
                      "Older::\n    toolkit     0.1    0.100 ± 0.010  0.100 ± 0.010  0.100 ± 0.005\n")
    assert extraction.published_figures(readme) == {"toolkit": {"f1": 0.9, "precision": 0.8, "recall": 0.95}}


def test_pubdate_accuracy_counts_rightly_absent_dates() -> None:
    assert pubdate.gold_date(float("nan")) is None
    assert pubdate.gold_date("2020-06-07") == "2020-06-07"
    scores = pubdate.date_accuracy([("2020-01-01", "2020-01-01"), (None, None), ("2020-01-02", None),
                                    ("2020-01-03", "2020-01-04")])
    assert scores == {"accuracy": 0.5, "precision": 0.5, "coverage": 0.5}


def _event(kind: str, confidence: float, start: int, actors: list[Actor] | None = None,
           recipients: list[Actor] | None = None, cameo: str | None = None, mode: str | None = None) -> Event:
    evidence = Evidence(sentence="s", start=start, end=start + 1, trigger="t", trigger_start=start, trigger_end=start + 1)
    return Event(id=f"e{start}", event_type=kind, confidence=confidence, evidence=evidence, actors=actors or [],
                 recipients=recipients or [], cameo=cameo, mode=mode)


def test_legacy_plover_labels_are_mapped() -> None:
    assert ev._norm_type("fight") == "ASSAULT"
    assert ev._norm_type("DEMAND") == "REQUEST"
    assert ev._norm_type("DISAPPROVE") == "ACCUSE"
    assert ev._norm_type("PROTEST") == "PROTEST"
    assert ev._norm_mode("primative") == "PRIMITIVE"


def test_gold_modes_are_read_in_our_mode_vocabulary() -> None:
    legacy = {"COERCE:ban": "restrict", "ASSAULT:massacre": "targeted", "RETREAT:return": None}
    assert ev._our_mode("COERCE", "BAN", legacy) == "RESTRICT"
    assert ev._our_mode("ASSAULT", "MASSACRE", legacy) == "TARGETED"
    assert ev._our_mode("RETREAT", "RETURN", legacy) == "RETURN"  # a mode we dropped still counts, as a miss
    assert ev._our_mode("THREATEN", "BAN", legacy) == "BAN"  # only the type's own entry maps
    assert ev._our_mode("COERCE", None, legacy) is None


def test_top_event_is_most_confident_then_earliest() -> None:
    first, second, third = _event("PROTEST", 0.6, 50), _event("ASSAULT", 0.9, 80), _event("COERCE", 0.9, 10)
    assert ev.top_event([first, second, third]) is third
    assert ev.top_event([]) is None


def test_event_agreement_on_made_up_records() -> None:
    gov = Actor(text="the ministry", name="Ruritania", country="RUR", sector="GOV")
    rebels = Actor(text="rebels", name="rebels", country="GRN", sector="REB")
    cases = [
        ev.Case("x", "1", "t", event_type="ASSAULT", types={"ASSAULT"}, source_codes={"RUR"}, target_codes={"GRN"},
                source_sectors={"GOV"}, cameo_roots={"19"}),
        ev.Case("x", "2", "t", event_type="PROTEST", types={"PROTEST"}, source_codes={"GRN"}),
        ev.Case("x", "3", "t"),  # gold: no event
    ]
    coded = [
        [_event("ASSAULT", 0.8, 0, [gov], [rebels], cameo="190"), _event("PROTEST", 0.3, 5)],
        [_event("ACCUSE", 0.7, 0, [gov]), _event("PROTEST", 0.6, 9)],
        [],
    ]
    scores = ev.agreement(cases, coded)
    assert scores["type_accuracy"] == 0.5
    assert scores["type_any"] == 1.0
    assert scores["coverage"] == 1.0
    assert scores["source_country"] == 0.5  # case 2's top event has RUR, gold says GRN
    assert scores["target_country"] == 1.0
    assert scores["source_sector"] == 1.0
    assert scores["cameo_root"] == 1.0
    assert scores["root_and_actors"] == 1.0
    assert scores["no_event_right"] == 1.0


def test_root_and_actors_needs_all_three_at_once() -> None:
    gov = Actor(text="the ministry", name="Ruritania", country="RUR", sector="GOV")
    rebels = Actor(text="rebels", name="rebels", country="GRN", sector="REB")
    cases = [ev.Case("x", str(i), "t", event_type="ASSAULT", types={"ASSAULT"}, source_codes={"RUR"},
                     target_codes={"GRN"}, cameo_roots={"19"}) for i in range(3)]
    coded = [
        [_event("ASSAULT", 0.8, 0, [gov], [rebels], cameo="190")],  # all three agree
        [_event("ASSAULT", 0.8, 0, [rebels], [gov], cameo="190")],  # root right, actors swapped
        [_event("ASSAULT", 0.8, 0, [gov], [rebels], cameo="180")],  # actors right, root wrong
    ]
    scores = ev.agreement(cases, coded)
    assert scores["cameo_root"] == 2 / 3
    assert scores["root_and_actors"] == 1 / 3


def test_old_cameo_country_codes_read_as_iso() -> None:
    assert ev._codes([{"code": "JAPGOV"}, {"code": "ITL"}, {"code": "RUS"}]) == {"JPN", "ITA", "RUS"}


def test_pairwise_gold_meets_a_reciprocal_event() -> None:
    gondor = Actor(text="Gondor", name="Gondor", country="GON")
    rohan = Actor(text="Rohan", name="Rohan", country="ROH")
    case = ev.Case("x", "1", "t", event_type="CONSULT", types={"CONSULT"}, source_codes={"GON", "ROH"},
                   target_codes={"GON", "ROH"}, cameo_roots={"04"})
    met = [_event("CONSULT", 0.8, 0, [gondor, rohan], [], cameo="040")]
    assert ev.agreement([case], [met])["target_country"] == 0.0  # one-directional gold: no target given
    case.pairwise = True
    assert ev.agreement([case], [met])["target_country"] == 1.0
    alone = [_event("CONSULT", 0.8, 0, [gondor], [], cameo="040")]
    assert ev.agreement([case], [alone])["target_country"] == 0.0  # one actor is no reciprocal act


def test_event_agreement_survives_no_events_at_all() -> None:
    cases = [ev.Case("x", "1", "t", event_type="AGREE", types={"AGREE"}, source_codes={"RUR"})]
    scores = ev.agreement(cases, [None])
    assert scores["type_accuracy"] == 0.0 and scores["source_country"] == 0.0 and scores["coverage"] == 0.0


def test_crosswalk_and_petrarch_reader(tmp_path: Path) -> None:
    walk = tmp_path / "walk.txt"
    walk.write_text("# header\n04: CONSULT\n042: CONSULT, visit, # travel\n08: CONCEDE\n08: RETREAT\n")
    table = ev.read_crosswalk(walk)
    assert ev.plover_of("0421", table) == {"CONSULT"}
    assert ev.plover_of("081", table) == {"CONCEDE", "RETREAT"}
    xml = tmp_path / "petr.xml"
    xml.write_text(
        "<Validation>\n# banner <EventCoding...> not xml\n<Sentences>\n"
        '<Sentence date="20200102" id="S1"/>\n<EventCoding eventcode="042" sourcecode="RURGOV" targetcode="GRN" />\n'
        "<Text>\nThe envoy arrived\nin the capital.\n</Text>\n"
        '<Sentence date="20200102" id="S3"/>\n<EventCoding eventcode="190" sourcecode="---" targetcode="GRN" />\n'
        "<Text>Gunmen attacked a village.</Text>\n"
        '<Sentence date="20200103" id="S2"/>\n<EventCoding noevents="True" />\n<Text>Nothing here.</Text>\n'
        '<Sentence date="20200104" id="S4"/>\n<EventCoding eventcode="190" sourcecode="GRN" targetcode="---" />\n'
        "<Text>\n</Text>\n<Parse>\n1\tRebels\trebel\tNOUN\n2\tshelled\tshell\tVERB\n3\tthe\tthe\tDET\n"
        "4\tport\tport\tNOUN\n5\t.\t.\tPUNCT\n</Parse></Sentence>\n"
        "</Sentences></Validation>\n")
    cases = ev.read_petrarch(xml, table)
    assert [(c.id, c.text, c.published, c.types, c.cameo_roots, c.source_codes) for c in cases] == [
        ("S1", "The envoy arrived in the capital.", "2020-01-02", {"CONSULT"}, {"04"}, {"RUR"}),
        ("S3", "Gunmen attacked a village.", "2020-01-02", set(), {"19"}, set()),
        ("S2", "Nothing here.", "2020-01-03", set(), set(), set()),
        # a record whose <Text> is empty is read from its parse: its coding is of that sentence
        ("S4", "Rebels shelled the port.", "2020-01-04", set(), {"19"}, {"GRN"}),
    ]
    assert cases[1].target_codes == {"GRN"}  # '---' (no actor found) leaves only the source slot ungraded


# ---------------------------------------------------------------- command line


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("eval")(eval_command)
    app.command("noop")(lambda: None)  # a second command keeps `eval` a subcommand, as in the real CLI
    return app


def test_eval_command_exits_2_without_data(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "evaluation data not found" in result.output


def test_eval_command_rejects_unknown_suite(tmp_path: Path) -> None:
    result = CliRunner().invoke(_app(), ["eval", "nonsense", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown suite" in result.output


def test_data_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATELINE_EVAL_DATA", str(tmp_path))
    assert data_dir(None) == tmp_path
    assert data_dir(Path("/elsewhere")) == Path("/elsewhere")
    monkeypatch.delenv("DATELINE_EVAL_DATA")
    assert data_dir(None) == Path("../shared/eval")


def test_eval_command_writes_json_for_a_made_up_dataset(tmp_path: Path) -> None:
    root = tmp_path / "eval"
    gold = root / "time" / "te3-platinum" / "gold"
    anchors = root / "time" / "anchors" / "toytagger"
    gold.mkdir(parents=True)
    anchors.mkdir(parents=True)
    (gold / "doc1.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-09">April 9, 2021</TIMEX3></DCT>'
        '<TEXT>The council met <TIMEX3 tid="t1" type="DATE" value="2021-04-08">yesterday</TIMEX3> for '
        '<TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3>.</TEXT></TimeML>')
    (anchors / "doc1.tml").write_text(
        '<TimeML>The council met <TIMEX3 tid="t1" type="DATE" value="2021-04-08">yesterday</TIMEX3>\n'
        "for three hours.</TimeML>")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(_app(), ["eval", "time", "--data", str(root), "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    te3 = report["suites"]["time"]["tables"][0]
    toy = next(r for r in te3["rows"] if r["system"] == "toytagger")
    assert toy["metrics"]["strict_f1"] == pytest.approx(f1(1.0, 0.5))
    assert toy["metrics"]["value_f1"] == pytest.approx(f1(1.0, 0.5))
    assert te3["rows"][0]["system"] == "dateline"
    # MEANTIME is absent from the made-up folder: the suite says so instead of crashing
    assert report["suites"]["time"]["skipped"] and "meantime" in report["suites"]["time"]["skipped"]


# ---------------------------------------------------------------- the anchors, re-scored (needs ../shared)


@needs_shared
def test_trafilatura_anchor_reproduces_published_f1() -> None:
    root = SHARED / "extraction" / "scrapinghub-aeb"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = extraction._load_output(root / "output" / "trafilatura.json")
    scores = shingle_prf([shingle_counts(truth[k]["articleBody"], bodies.get(k, "")) for k in truth])
    assert scores["f1"] == pytest.approx(0.958, abs=0.01)


@needs_shared
def test_clavin_anchor_reproduces_acc161_on_geowebnews() -> None:
    root = SHARED / "geo" / "eupeg"
    gold = geo.read_annotations(root / "gold" / "GeoWebNews_gold.txt")
    predicted = geo.read_annotations(root / "anchors" / "GeoWebNews_CLAVIN.txt")
    scores = geo_scores(zip(gold, predicted, strict=True))
    assert scores["acc161"] == pytest.approx(0.932, abs=0.01)
    assert scores["f1"] == pytest.approx(0.565, abs=0.01)


@needs_shared
def test_heideltime_anchor_reproduces_te3_scores() -> None:
    docs = [timex.read_te3_gold(p) for p in sorted((SHARED / "time" / "te3-platinum" / "gold").glob("*.tml"))]
    pairs = []
    for doc in docs:
        text, spans = timex.read_anchor(SHARED / "time" / "anchors" / "heideltime-2.2.1_news" / f"{doc.name}.tml")
        aligner = timex.Aligner(text, doc.text)
        pairs.append((doc.timexes, [aligner.span(s) for s in spans]))
    scores = timex_scores(pairs)
    assert scores["gold"] == 138
    assert scores["strict_f1"] == pytest.approx(0.818, abs=0.01)
    assert scores["relaxed_f1"] == pytest.approx(0.907, abs=0.01)
    assert scores["value_f1"] == pytest.approx(0.781, abs=0.01)


# ---------------------------------------------------------------- docs/benchmarks.md rendering


def _render_module():  # type: ignore[no-untyped-def]
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "render_benchmarks.py"
    spec = importlib.util.spec_from_file_location("render_benchmarks", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_render_rewrites_only_the_marked_section(tmp_path: Path) -> None:
    render = _render_module()
    report = {
        "command": "dateline eval time", "limit": None, "date": "2030-01-01T00:00:00Z", "dateline_version": "0.0",
        "seconds": 3.0, "data": "/data",
        "suites": {"time": {"suite": "time", "skipped": None, "seconds": 1.0, "tables": [{
            "dataset": "toy", "columns": ["f1"], "n": 2, "unit": "documents", "notes": ["made up"],
            "rows": [{"system": "dateline", "kind": "dateline", "metrics": {"f1": 0.5}, "published": {}, "note": None,
                      "agrees": {}},
                     {"system": "tool", "kind": "anchor", "metrics": {"f1": 0.8}, "published": {"f1": 0.85},
                      "note": None, "agrees": {"f1": False}}]}]}},
    }
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nintro\n\n{render.START}\nold table\n{render.END}\n\n## Throughput\nkept\n")
    assert render.main([str(_write_json(tmp_path, report)), "--doc", str(doc)]) == 0
    text = doc.read_text()
    assert text.startswith("# Benchmarks\n\nintro\n\n")
    assert text.endswith("\n\n## Throughput\nkept\n")
    assert "old table" not in text
    assert "| **dateline** | 0.500 |" in text
    assert "| tool | 0.800 | f1 0.850 ✗ |" in text
    assert "**0/1**" in text and "toy/tool" in text


def _write_json(tmp_path: Path, report: dict[str, object]) -> Path:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report))
    return path


def test_ngec_story_labels_and_per_type_table() -> None:
    cases = [ev.Case("ngec", str(i), "t", event_type=gold, types={gold}, mode=mode)
             for i, (gold, mode) in enumerate([("PROTEST", "DEMO"), ("PROTEST", None), ("AID", None)])]
    coded = [[_event("PROTEST", 0.9, 0, mode="demo")], [_event("AID", 0.5, 0)], []]
    summary = ev.Table("ngec", ["macro_f1"], n=3)
    per_type = ev.ngec_tables(cases, coded, summary)
    metrics = summary.rows[0].metrics
    # PROTEST: tp 1, fn 1 -> F1 2/3; AID: fp 1, fn 1 -> F1 0
    assert metrics["macro_f1"] == pytest.approx((2 / 3 + 0) / 2)
    assert metrics["accuracy"] == pytest.approx(1 / 3)
    assert metrics["mode_accuracy"] == 1.0
    assert metrics["coverage"] == pytest.approx(2 / 3)
    rows = {r.system: r.metrics for r in per_type.rows}
    assert rows["PROTEST"]["support"] == 2 and rows["PROTEST"]["predicted"] == 1
    assert rows["AID"]["f1"] == 0.0


def test_actor_codes_count_the_people_and_units_of_an_international_body_as_igo() -> None:
    from dateline.models import Actor

    envoy = Actor(text="UN envoy Ana Diaz", name="Ana Diaz", kind="person", org="UN", sector="IGO", sectors=["IGO"])
    troops = Actor(text="NATO troops", name="NATO", kind="group", org="NATO", sector="MIL", sectors=["MIL", "IGO"])
    consul = Actor(text="French consul", name="France", country="FRA", kind="person", sector="GOV", sectors=["GOV"])
    party = Actor(text="Labour", name="Labour", kind="org", org="LAB", sector="PTY", sectors=["PTY"])
    assert ev._actor_codes([envoy]) == {"IGO"}
    assert ev._actor_codes([troops]) == {"IGO"}
    assert ev._actor_codes([consul]) == {"FRA"}
    assert ev._actor_codes([party]) == set()
