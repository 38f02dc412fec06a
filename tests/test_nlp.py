"""The per-Doc caches and the title parsed with the body's batch."""

from __future__ import annotations

from dateline import nlp

TEXT = "Rebels attacked Goma on Monday. The army of Congo said it repelled them near Lake Kivu."


def test_text_and_entities_are_cached_and_equal_spacy_s() -> None:
    doc = nlp.parse(TEXT)
    assert nlp.text_of(doc) == doc.text == TEXT
    assert nlp.text_of(doc) is nlp.text_of(doc)
    assert [(e.start, e.end, e.label_) for e in nlp.ents_of(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    for sent in doc.sents:
        assert [(e.start, e.end) for e in nlp.ents_within(sent)] == [(e.start, e.end) for e in sent.ents]


def test_attached_title_is_used_only_for_its_own_text() -> None:
    body = nlp.parse(TEXT)
    title = nlp.parse("Rebels attack Goma")
    nlp.attach_title(body, title)
    assert nlp.title_doc(body, "Rebels attack Goma") is title
    other = nlp.title_doc(body, "Army repels rebels")
    assert other is not title and other.text == "Army repels rebels"
    assert nlp.title_doc(None, "Rebels attack Goma").text == "Rebels attack Goma"


def test_batch_attaches_titles_to_their_own_bodies(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dateline import pipeline
    from dateline.ingest import RawArticle

    seen: list[tuple[str, str]] = []
    real = pipeline.analyse_document

    def spy(document, warnings=None, sdoc=None, **kw):  # type: ignore[no-untyped-def]
        attached = sdoc.user_data.get("dateline.title") if sdoc is not None else None
        seen.append((document.title or "", attached.text if attached is not None else ""))
        return real(document, warnings, sdoc, **kw)

    monkeypatch.setattr(pipeline, "analyse_document", spy)
    raws = [RawArticle.from_text(TEXT, title="Rebels attack Goma"),
            RawArticle.from_text("Die Regierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen, sagte der Sprecher. " * 5, title="Mesures"),
            RawArticle.from_text("Kenya sent police officers to Haiti on Tuesday.", title="Kenya sends police")]
    list(pipeline.analyse_many(raws, batch_size=8))
    assert seen[0] == ("Rebels attack Goma", "Rebels attack Goma")
    assert seen[1] == ("Mesures", "")  # not English: neither body nor title is parsed
    assert seen[2] == ("Kenya sends police", "Kenya sends police")


def test_parse_many_remembers_each_text_without_rebuilding_it() -> None:
    texts = [TEXT, "  Troops left.\n\nThe talks resumed. "]
    docs = nlp.parse_many(texts)
    assert [d.user_data["dateline.text"] for d in docs] == texts == [d.text for d in docs]


def test_title_case_headlines_are_read_lower_cased_from_the_batch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dateline import pipeline
    from dateline.ingest import RawArticle

    assert nlp.title_case("Rebels Storm Town Hall In Goma")
    assert not nlp.title_case("Rebels storm the town hall in Goma")
    lowered: list[str] = []

    def spy(document, warnings=None, sdoc=None, **kw):  # type: ignore[no-untyped-def]
        title = sdoc.user_data.get("dateline.title")
        lowered.append(nlp.text_of(title.user_data["dateline.lowered"]) if "dateline.lowered" in title.user_data else "")
        return real(document, warnings, sdoc, **kw)

    real = pipeline.analyse_document
    monkeypatch.setattr(pipeline, "analyse_document", spy)
    raws = [RawArticle.from_text(TEXT, title="Rebels Storm Town Hall In Goma"),
            RawArticle.from_text("Kenya sent police officers to Haiti on Tuesday.", title="Kenya sends police to Haiti")]
    list(pipeline.analyse_many(raws, batch_size=8))
    assert lowered == ["rebels storm town hall in goma", ""]
    # a stage asking for the lower-cased copy gets the one parsed in the batch, not a new parse
    title = nlp.parse("Rebels Storm Town Hall")
    copy = nlp.parse("rebels storm town hall")
    nlp.attach_title(nlp.parse(TEXT), title, copy)
    assert nlp.lowered(title) is copy
    assert nlp.text_of(nlp.lowered(nlp.parse("Army Repels Rebels"))) == "army repels rebels"


def test_a_title_case_headline_is_sentence_cased_keeping_the_names_the_kb_knows() -> None:
    assert nlp.sentence_cased("Peru Makes Concessions to Chile on Fishing Rights") == (
        "Peru makes concessions to Chile on fishing rights")
    assert nlp.sentence_cased("NATO Troops Leave  the Capital") == "NATO troops leave  the capital"  # spacing kept
    # names kept give the parser its subject: the verb is read as a verb, not as part of a noun phrase
    doc = nlp.parse(nlp.sentence_cased("Peru Makes Concessions to Chile"))
    assert [t.dep_ for t in doc if t.lower_ == "makes"] == ["ROOT"]


def test_a_paragraph_break_ends_a_sentence() -> None:
    doc = nlp.load()("MAPUTO, Mozambique (AP) —\n\nSoldiers fired on a convoy on Sunday.\n\n"
                     "Photo caption without a stop\n\nThe army said five people died. Two were soldiers.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts == ["MAPUTO, Mozambique (AP) —", "Soldiers fired on a convoy on Sunday.", "Photo caption without a stop",
                      "The army said five people died.", "Two were soldiers."]


def test_a_wire_date_line_is_not_the_leads_subject() -> None:
    from dateline.ingest import RawArticle
    from dateline.pipeline import analyse_many

    raw = RawArticle.from_text("KANDAHAR, Afghanistan - Taliban fighters attacked a police post on Saturday.",
                               title="Police post attacked", published="2015-02-16")
    doc = list(analyse_many([raw]))[0]
    ev = next(e for e in doc.events if e.event_type == "ASSAULT")
    assert [a.text for a in ev.actors] == ["Taliban fighters"]
