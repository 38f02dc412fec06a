"""Tests for the PLOVER ontology, the CAMEO crosswalk and the trigger lexicon loader."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from dateline import lexicon
from dateline.lexicon import LexiconError, Trigger, load_plover, load_triggers

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
DATA = Path(lexicon.__file__).parent / "data"


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(lexicon.ENV_EXTRA, raising=False)
    lexicon.clear_cache()


def write_extra(tmp_path: Path, entries: object, name: str = "extra.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


# ----------------------------------------------------------------- ontology


def test_plover_has_the_sixteen_current_types() -> None:
    assert set(load_plover().types) == PLOVER_TYPES


@pytest.mark.parametrize(
    ("event_type", "modes"),
    [
        ("CONSULT", {"visit", "third-party", "multilateral", "phone"}),
        ("RETREAT", {"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
        ("REQUEST", {"assist", "change", "yield", "meet"}),
        ("REJECT", {"assist", "change", "yield", "meet"}),
        ("ACCUSE", {"disapprove", "investigate", "allege"}),
        ("THREATEN", {"restrict", "arrest", "relations", "expel", "territory", "violence"}),
        ("PROTEST", {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
        ("SANCTION", {"convict", "expel", "withdraw", "discontinue"}),
        ("MOBILIZE", {"troops", "weapons", "police", "militia"}),
        ("AGREE", set()),
    ],
)
def test_plover_modes_match_codebook(event_type: str, modes: set[str]) -> None:
    assert set(load_plover().modes(event_type)) == modes


def test_plover_coerce_and_assault_modes() -> None:
    plover = load_plover()
    assert {"arrest", "curfew", "martial-law", "seize", "censor", "cyber"} <= set(plover.modes("COERCE"))
    assert {"targeted", "crowd-control", "heavy-weapons", "drone", "primitive"} <= set(
        plover.modes("ASSAULT")
    )
    assert "assassinate" not in plover.modes("ASSAULT")


def test_plover_bundled_file_validates() -> None:
    lexicon.validate_plover(json.loads((DATA / "plover.json").read_text(encoding="utf-8")))


def test_plover_validation_names_the_bad_part() -> None:
    data = json.loads((DATA / "plover.json").read_text(encoding="utf-8"))
    data["cameo_to_plover"]["173"] = ["COERCE", "handcuff"]
    with pytest.raises(LexiconError, match=r"plover.json: cameo_to_plover\['173'\]: mode 'handcuff'"):
        lexicon.validate_plover(data)


def test_crosswalk_covers_every_cameo_root() -> None:
    table = load_plover().data["cameo_to_plover"]
    for root in range(1, 21):
        assert f"{root:02d}" in table
        assert f"{root:02d}0" in table


def test_crosswalk_drops_public_statements() -> None:
    assert lexicon.plover_for_cameo("010") is None
    assert lexicon.plover_for_cameo("013") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("1724", ("COERCE", "martial-law")),
        ("173", ("COERCE", "arrest")),
        ("145", ("PROTEST", "riot")),
        ("0841", ("RETREAT", "release")),
        ("041", ("CONSULT", "phone")),
        ("190", ("ASSAULT", None)),
        ("106", ("REQUEST", "meet")),
        ("0256", ("REQUEST", "yield")),
        ("163", ("SANCTION", "discontinue")),
        ("116", ("SANCTION", "convict")),
        ("186", ("ASSAULT", "targeted")),
    ],
)
def test_crosswalk_known_codes(code: str, expected: tuple[str, str | None]) -> None:
    assert lexicon.plover_for_cameo(code) == expected


def test_crosswalk_unknown_subcode_falls_back_to_parent() -> None:
    assert lexicon.plover_for_cameo("1459") == ("PROTEST", "riot")
    assert lexicon.plover_for_cameo("99") is None


def test_crosswalk_round_trips_types_and_exact_modes() -> None:
    plover = load_plover()
    for event_type, spec in plover.types.items():
        assert plover.plover_for_cameo(lexicon.cameo_for(event_type)) == (event_type, None) or (
            plover.plover_for_cameo(lexicon.cameo_for(event_type))[0] == event_type
        )
        for mode, mspec in spec["modes"].items():
            back = plover.plover_for_cameo(lexicon.cameo_for(event_type, mode))
            if mspec.get("cameo_inexact"):
                continue  # declared in plover.json: no CAMEO code stands for this mode alone
            assert back == (event_type, mode), (event_type, mode, back)


def test_crosswalk_contexts_are_known() -> None:
    plover = load_plover()
    assert plover.contexts_for_cameo("1124") == ["military", "legal"]
    for code in plover.data["cameo_to_plover"]:
        assert set(plover.contexts_for_cameo(code)) <= set(plover.contexts)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("FIGHT", ("ASSAULT", None)),
        ("DEMAND", ("REQUEST", None)),
        ("DISAPPROVE", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", ("ACCUSE", "investigate")),
        ("protest", ("PROTEST", None)),
    ],
)
def test_legacy_labels_map_to_current_types(label: str, expected: tuple[str, str | None]) -> None:
    assert load_plover().legacy(label) == expected


def test_legacy_modes_and_unknown_labels() -> None:
    plover = load_plover()
    assert plover.normalize_mode("ASSAULT", "assassinate") == "targeted"
    assert plover.normalize_mode("CONSULT", "host") == "visit"
    assert lexicon.normalize_type("FIGHT") == "ASSAULT"
    with pytest.raises(KeyError):
        plover.legacy("SHRUG")
    with pytest.raises(KeyError):
        lexicon.normalize_type("CRIME")


# ----------------------------------------------------------------- bundled triggers


def test_triggers_load_and_are_many() -> None:
    index = load_triggers()
    assert len(index) >= 600
    assert all(isinstance(t, Trigger) for t in index)


def test_every_type_has_triggers_of_several_kinds() -> None:
    by_type = load_triggers().by_type()
    assert set(by_type) == PLOVER_TYPES
    for event_type, trigs in by_type.items():
        assert len(trigs) >= 30, event_type
        assert {t.kind for t in trigs} >= {"verb", "noun"}, event_type


def test_every_mode_has_several_triggers() -> None:
    counts: dict[tuple[str, str | None], int] = defaultdict(int)
    for trig in load_triggers():
        counts[(trig.type, trig.mode)] += 1
    for event_type, spec in load_plover().types.items():
        for mode in spec["modes"]:
            assert counts[(event_type, mode)] >= 3, (event_type, mode)


def test_every_trigger_mode_and_cameo_is_consistent() -> None:
    plover = load_plover()
    for trig in load_triggers():
        assert plover.has_mode(trig.type, trig.mode)
        mapped = plover.plover_for_cameo(trig.cameo)
        assert (mapped is not None and mapped[0] == trig.type) or trig.cameo == plover.cameo_for(
            trig.type, trig.mode
        )
        assert 0 < trig.weight <= 1
        assert trig.recipient_preps


def test_no_conflicting_object_constraints() -> None:
    """Two entries for one head and particle must not claim the same object lemma for different events."""
    groups: dict[tuple[object, ...], list[Trigger]] = defaultdict(list)
    for trig in load_triggers():
        if trig.objects:
            groups[(trig.kind, trig.lemma, trig.particle, trig.complement, trig.modifiers)].append(trig)
    for key, trigs in groups.items():
        for i, a in enumerate(trigs):
            for b in trigs[i + 1 :]:
                if a.objects & b.objects:
                    assert (a.type, a.mode) == (b.type, b.mode), (key, sorted(a.objects & b.objects))


def test_british_and_american_spellings_both_present() -> None:
    verbs = load_triggers().lemmas("verb")
    for gb, us in [
        ("criticise", "criticize"),
        ("mobilise", "mobilize"),
        ("apologise", "apologize"),
        ("organise", "organize"),
    ]:
        assert gb in verbs and us in verbs


@pytest.mark.parametrize(
    ("kind", "lemma", "context", "expected"),
    [
        ("verb", "pull", {"particles": ["out"]}, ("RETREAT", "withdraw")),
        ("verb", "step", {"particles": ["down"]}, ("RETREAT", "resign")),
        ("verb", "crack", {"particles": ["down"]}, ("COERCE", None)),
        ("verb", "declare", {"objects": ["curfew"]}, ("COERCE", "curfew")),
        ("verb", "impose", {"objects": ["sanction"]}, ("SANCTION", "discontinue")),
        ("verb", "set", {"complements": ["ablaze"]}, ("ASSAULT", "primitive")),
        ("verb", "hold", {"objects": ["call"]}, ("CONSULT", "phone")),
        ("verb", "release", {"objects": ["prisoner"]}, ("RETREAT", "release")),
        ("verb", "call", {"particles": ["for"], "objects": ["ceasefire"]}, ("REQUEST", "yield")),
        ("verb", "lift", {"objects": ["curfew"]}, ("CONCEDE", None)),
        ("verb", "expel", {"objects": ["ambassador"]}, ("SANCTION", "expel")),
        ("verb", "expel", {"objects": ["migrant"]}, ("COERCE", "deport")),
        ("verb", "withdraw", {"particles": ["from"], "objects": ["treaty"]}, ("SANCTION", "withdraw")),
        ("noun", "strike", {"modifiers": ["general"]}, ("PROTEST", "strike")),
        ("noun", "strike", {"modifiers": ["drone"]}, ("ASSAULT", "drone")),
        ("noun", "call", {"modifiers": ["phone"]}, ("CONSULT", "phone")),
    ],
)
def test_select_prefers_constrained_entries(
    kind: str, lemma: str, context: dict[str, list[str]], expected: tuple[str, str | None]
) -> None:
    found = load_triggers().select(kind, lemma, **context)
    assert found, (kind, lemma, context)
    assert (found[0].type, found[0].mode) == expected


def test_select_drops_entries_whose_constraints_fail() -> None:
    index = load_triggers()
    statement = index.select("verb", "release", objects=["statement"])
    assert all(not t.objects for t in statement)
    assert all(t.weight < 0.5 for t in statement)
    assert index.select("verb", "pull", particles=["over"]) == []


def test_lookup_is_case_insensitive_and_ordered_by_specificity() -> None:
    found = load_triggers().lookup("verb", "Withdraw")
    assert found
    assert [t.specificity for t in found] == sorted((t.specificity for t in found), reverse=True)


def test_phrases_match_longest_first() -> None:
    index = load_triggers()
    lemmas = ["prisoner", "go", "on", "hunger", "strike", "today"]
    assert [t.phrase for t in index.match_phrases(lemmas, 3)] == ["hunger strike"]
    lemmas = ["they", "declare", "a", "state", "of", "emergency"]
    assert index.match_phrases(lemmas, 3)[0].type == "COERCE"
    assert index.match_phrases(lemmas, 5) == []


def test_phrases_fall_back_to_surface_forms() -> None:
    index = load_triggers()
    lemmas = ["sign", "a", "memorandum", "of", "understand"]
    texts = ["signed", "a", "memorandum", "of", "understanding"]
    assert index.match_phrases(lemmas, 2) == []
    assert index.match_phrases(lemmas, 2, texts)[0].phrase == "memorandum of understanding"


# ----------------------------------------------------------------- user extras


def test_extra_file_adds_entries(tmp_path: Path) -> None:
    extra = write_extra(tmp_path, [{"kind": "verb", "lemma": "kettle", "type": "COERCE", "mode": "restrict"}])
    index = load_triggers([extra])
    (trig,) = index.lookup("verb", "kettle")
    assert (trig.type, trig.mode, trig.cameo, trig.source) == ("COERCE", "restrict", "172", str(extra))
    assert len(index) == len(load_triggers()) + 1


def test_extra_file_overrides_and_removes(tmp_path: Path) -> None:
    extra = write_extra(
        tmp_path,
        {
            "triggers": [
                {"kind": "verb", "lemma": "visit", "type": "CONSULT", "mode": None, "weight": 0.5},
                {
                    "kind": "phrase",
                    "phrase": "martial law",
                    "type": "COERCE",
                    "mode": "martial-law",
                    "remove": True,
                },
            ]
        },
    )
    index = load_triggers([extra])
    (visit,) = index.lookup("verb", "visit")
    assert (visit.mode, visit.weight) == (None, 0.5)
    assert all(t.phrase != "martial law" for t in index.phrases_starting("martial"))
    # the bundled index is untouched
    assert load_triggers().lookup("verb", "visit")[0].mode == "visit"


def test_extra_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = write_extra(
        tmp_path, [{"kind": "noun", "lemma": "kettling", "type": "COERCE", "mode": "restrict"}]
    )
    monkeypatch.setenv(lexicon.ENV_EXTRA, str(extra))
    assert load_triggers().lookup("noun", "kettling")
    lex = lexicon.load_lexicon()
    assert lex.triggers.lookup("noun", "kettling") and "ASSAULT" in lex.plover.types


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "verb", "lemma": "kettle", "type": "KETTLE"}, "unknown PLOVER type 'KETTLE'"),
        (
            {"kind": "verb", "lemma": "kettle", "type": "COERCE", "mode": "riot"},
            "mode 'riot' is not a mode of COERCE",
        ),
        (
            {"kind": "verb", "lemma": "kettle", "type": "COERCE", "cameo": 173},
            "cameo must be a 2-4 digit string",
        ),
        (
            {"kind": "verb", "lemma": "kettle", "type": "COERCE", "cameo": "145"},
            "CAMEO 145 belongs to PROTEST",
        ),
        ({"kind": "verb", "lemma": "kettle", "type": "COERCE", "cameo": "9999"}, "not in the crosswalk"),
        ({"kind": "verb", "lemma": "kettle", "type": "COERCE", "objects": ["x"]}, "unknown key"),
        ({"kind": "adverb", "lemma": "kettle", "type": "COERCE"}, "kind must be one of"),
        ({"kind": "phrase", "phrase": "kettle", "type": "COERCE"}, "two or more words"),
        ({"kind": "verb", "lemma": "kettle in", "type": "COERCE"}, "lemma must be one word"),
        ({"kind": "verb", "lemma": "kettle", "type": "COERCE", "weight": 2}, "weight must be"),
        (
            {"kind": "verb", "lemma": "kettle", "type": "COERCE", "modifier": ["police"]},
            "'modifier' applies to nouns",
        ),
        ({"kind": "noun", "lemma": "sit-in", "type": "PROTEST"}, "hyphenated words never match"),
        ({"kind": "verb", "lemma": "stage", "type": "PROTEST", "object": ["sit-in"]}, "hyphenated"),
        ({"kind": "verb", "lemma": "obtain", "type": "AID", "reversed_roles": "yes"}, "reversed_roles must be"),
    ],
)
def test_invalid_entries_name_file_and_entry(tmp_path: Path, entry: dict[str, object], message: str) -> None:
    extra = write_extra(tmp_path, [{"kind": "verb", "lemma": "ok", "type": "AGREE"}, entry])
    with pytest.raises(LexiconError) as err:
        load_triggers([extra])
    text = str(err.value)
    assert str(extra) in text and "entry 1" in text and message in text


def test_duplicate_in_one_file_is_an_error(tmp_path: Path) -> None:
    entry = {"kind": "verb", "lemma": "kettle", "type": "COERCE"}
    with pytest.raises(LexiconError, match="duplicates entry 0"):
        load_triggers([write_extra(tmp_path, [entry, entry])])


def test_bad_json_and_bad_removal(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.json: invalid JSON"):
        load_triggers([broken])
    gone = write_extra(tmp_path, [{"kind": "verb", "lemma": "kettle", "type": "COERCE", "remove": True}])
    with pytest.raises(LexiconError, match="names no existing entry"):
        load_triggers([gone])


def test_lemma_aliases_copy_entries_under_the_tagger_lemma(tmp_path: Path) -> None:
    index = load_triggers()
    (copy,) = index.select("verb", "stag", objects=["protest"])
    assert (copy.type, copy.mode, copy.alias_of) == ("PROTEST", "demo", "stage")
    assert all(t.alias_of is None for trigs in index.by_type().values() for t in trigs)
    extra = write_extra(
        tmp_path,
        {
            "lemma_aliases": {"verb": {"kettl": "kettle"}},
            "triggers": [{"kind": "verb", "lemma": "kettle", "type": "COERCE", "mode": "restrict"}],
        },
    )
    assert load_triggers([extra]).lookup("verb", "kettl")[0].alias_of == "kettle"


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ({"verb": {"arrest": "detain"}}, "clashes with existing verb entries"),
        ({"verb": {"kettl": "kettle"}}, "has no verb entries"),
        ({"adverb": {"x": "y"}}, "must be an object under 'verb' or 'noun'"),
    ],
)
def test_bad_lemma_aliases(tmp_path: Path, aliases: dict[str, object], message: str) -> None:
    extra = write_extra(tmp_path, {"lemma_aliases": aliases, "triggers": []})
    with pytest.raises(LexiconError, match=message):
        load_triggers([extra])


# ----------------------------------------------------------------- against the parser


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("Police arrested 40 people in the capital on Sunday.", "arrested", ("COERCE", "arrest")),
        ("Foreign troops began pulling out of the region on Monday.", "pulling", ("RETREAT", "withdraw")),
        ("The interior minister stepped down after a week of unrest.", "stepped", ("RETREAT", "resign")),
        ("Rioters set several police cars ablaze.", "set", ("ASSAULT", "primitive")),
        ("Both presidents held a phone call on Thursday.", "held", ("CONSULT", "phone")),
        ("Authorities imposed a curfew in the port city.", "imposed", ("COERCE", "curfew")),
        ("The army deployed 2,000 troops to the border.", "deployed", ("MOBILIZE", "troops")),
        ("The opposition leader was released on Friday.", "released", ("RETREAT", "release")),
        ("The ministry cracked down on independent media.", "cracked", ("COERCE", None)),
        ("The envoy called on both sides to show restraint.", "called", ("REQUEST", None)),
        ("The union called for a ceasefire.", "called", ("REQUEST", "yield")),
        ("The government lifted the curfew on Tuesday.", "lifted", ("CONCEDE", None)),
        ("The court found the former mayor guilty of fraud.", "found", ("SANCTION", "convict")),
        ("The country withdrew from the treaty last year.", "withdrew", ("SANCTION", "withdraw")),
        ("Gunmen kidnapped three aid workers.", "kidnapped", ("ASSAULT", "abduct")),
        ("Nurses staged a strike at two hospitals.", "staged", ("PROTEST", "strike")),
        ("Drones struck two military bases overnight.", "struck", ("ASSAULT", None)),
        ("The rebels threatened to seize the airport.", "threatened", ("THREATEN", "territory")),
    ],
)
def test_verb_entries_match_parsed_sentences(
    sentence: str, head: str, expected: tuple[str, str | None]
) -> None:
    from dateline import nlp

    doc = nlp.parse(sentence)
    tok = next(t for t in doc if t.text == head)
    found = load_triggers().match_token(tok)
    assert found, (tok.lemma_, lexicon.token_context(tok))
    assert (found[0].type, found[0].mode) == expected, (found[0], lexicon.token_context(tok))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The president declared a state of emergency in two provinces.", "state of emergency"),
        ("Dock workers went on strike over pay.", "go on strike"),
        ("Students staged a sit-in at the ministry.", "sit - in"),
        ("Thousands took to the streets of the capital.", "take to the street"),
        ("Police fired tear gas at the crowd.", "tear gas"),
        ("The ministers signed a memorandum of understanding on energy.", "memorandum of understanding"),
        ("A drone strike hit the convoy.", "drone strike"),
    ],
)
def test_phrase_entries_match_parsed_sentences(sentence: str, expected: str) -> None:
    from dateline import nlp

    doc = nlp.parse(sentence)
    lemmas = [t.lemma_ for t in doc]
    texts = [t.text for t in doc]
    index = load_triggers()
    phrases = {t.phrase for i in range(len(doc)) for t in index.match_phrases(lemmas, i, texts)}
    assert expected in phrases, (lemmas, phrases)


# ----------------------------------------------------------------- evaluation floor (needs ../shared)


@pytest.mark.shared
def test_lexicon_type_recall_on_plover_gsr(shared_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """The gold type is among the triggers the lexicon fires (weight >= 0.5) in most GSR sentences.

    This measures the lexicon alone, not the event coder; labels from the old draft are mapped first.
    Measured 0.717 (231/322) when written; the floor guards against a broken or shrunken lexicon.
    """
    path = shared_dir / "eval" / "events" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        pytest.skip("PLOVER GSR file not present")
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    plover, index = load_plover(), load_triggers()
    hits = 0
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        gold, _ = plover.legacy(rec["event"])
        lemmas, texts = [t.lemma_ for t in doc], [t.text for t in doc]
        fired: set[str] = set()
        for tok in doc:
            found = index.match_token(tok)[:1] + index.match_phrases(lemmas, tok.i, texts)[:1]
            fired.update(t.type for t in found if t.weight >= 0.5)
        hits += gold in fired
    recall = hits / len(records)
    print(f"GSR lexicon type recall: {hits}/{len(records)} = {recall:.3f}")
    assert recall >= 0.65


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("The release of 40 prisoners was welcomed.", "release", ("RETREAT", "release")),
        ("A general strike shut the port.", "strike", ("PROTEST", "strike")),
        ("The drone strike killed two men.", "strike", ("ASSAULT", "drone")),
        ("Their calls for a ceasefire went unanswered.", "calls", ("REQUEST", "yield")),
    ],
)
def test_noun_entries_match_parsed_sentences(
    sentence: str, head: str, expected: tuple[str, str | None]
) -> None:
    from dateline import nlp

    tok = next(t for t in nlp.parse(sentence) if t.text == head)
    found = load_triggers().match_token(tok)
    assert found and (found[0].type, found[0].mode) == expected, (found, lexicon.token_context(tok))


def test_proper_noun_month_is_not_a_march() -> None:
    from dateline import nlp

    doc = nlp.parse("The vote was held in March, weeks after a march through the capital.")
    months = [t for t in doc if t.text == "March"]
    marches = [t for t in doc if t.text == "march"]
    assert months and all(load_triggers().match_token(t) == [] for t in months)
    assert marches and load_triggers().match_token(marches[0])[0].type == "PROTEST"
