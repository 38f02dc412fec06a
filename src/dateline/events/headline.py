"""The headline read as a one-sentence story: which parse to read its act from, its mentions, and events whose
evidence lies in the title.

A headline states the story's act; when the body tells that act in words the coder does not read (or a wire
story's body drifts to background), the headline is the only place the act is coded. Its events say so:
`evidence.in_title` — their offsets, and their actors' offsets, point into `document.title`.
"""

from __future__ import annotations

import functools
import hashlib

from spacy.tokens import Doc, Span, Token

from ..models import Actor, Document, Event, EventDocument
from .triggers import counted_noun

_READING = "dateline.headline_reading"


def reading(title_doc: Doc) -> Doc:
    """The parse to read the headline from. A Title Case headline's capitals make the tagger read its verbs as
    names ('Kenya Condemns Shelling' as one noun phrase), so its syntax (tags, lemmas, heads) is taken from the
    lower-cased copy's parse, its words and entities from the headline as written — save an entity that runs
    over a verb of that parse ('Cops Fined', 'Condemns Attacks'). Built once per headline."""
    from .. import nlp

    text = nlp.text_of(title_doc)
    if not nlp.title_case(text):
        return title_doc
    built = title_doc.user_data.get(_READING)
    if built is None:
        built = title_doc.user_data[_READING] = _recased(title_doc, nlp.lowered(title_doc))
    return built


def _recased(cased: Doc, lowered: Doc) -> Doc:
    if [t.idx for t in lowered] != [t.idx for t in cased] or len(lowered.text) != len(cased.text):
        return cased  # tokenised apart (rare letters whose lower case is longer): read the headline as written
    verbs = {t.i for t in lowered if t.pos_ in ("VERB", "AUX")}
    iob = ["O"] * len(cased)
    for ent in cased.ents:
        if verbs.isdisjoint(range(ent.start, ent.end)):
            iob[ent.start : ent.end] = [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(ent) - 1)
    return Doc(cased.vocab, words=[t.text for t in cased], spaces=[bool(t.whitespace_) for t in cased],
               tags=[t.tag_ for t in lowered], pos=[t.pos_ for t in lowered], morphs=[str(t.morph) for t in lowered],
               lemmas=[t.lemma_ for t in lowered], heads=[t.head.i for t in lowered], deps=[t.dep_ for t in lowered],
               ents=iob)


# The links by which a headline's main verb reaches the act it states: 'Rebels agree to disarm', 'Army announces
# withdrawal', 'Talks collapse and fighting resumes', and headline grammar's verbless forms: 'Leader sentenced to
# prison' (a participle the parser hangs on its noun), 'Aruba: Widespread torture' (an apposition). An act in a
# prepositional phrase, an adverbial or a relative clause is background, not what the headline reports.
_STATING_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "dobj", "conj", "acl", "appos"})
# A yes/no question ('Will Xland invade?') reports nothing; a wh-question presupposes its act ('Why is Xland
# threatening to invade?').
_QUESTION_OPENERS = frozenset({"is", "are", "was", "were", "can", "could", "will", "would", "should", "do", "does",
                               "did", "has", "have", "may", "might"})


# Newsroom labels that mark a piece as comment, not report: 'OPINION: ...', 'Analysis | ...'.
_COMMENT_LABELS = frozenset({"opinion", "analysis", "commentary", "comment", "editorial", "column", "op-ed", "oped",
                             "letters", "letter", "review", "perspective", "satire", "view", "viewpoint"})


def states_act(token: Token, sent: Span, misread: bool = False) -> bool:
    """Whether the headline reports this act: reached from the headline's root through stating links, or the
    subject of a root that says it happened ('Talks begin', 'Riots break out' — not 'Why X's talk is dangerous',
    where a copula says what the talk is), in a headline that is neither a yes/no question nor labelled comment."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or (words[0].lower_ in _QUESTION_OPENERS and sent.text.rstrip().endswith("?")):
        return False
    label = sent.text.lstrip().split(":", 1)[0].split("|", 1)[0].strip().lower()
    if label in _COMMENT_LABELS and len(label) < len(sent.text.strip()):
        return False
    if misread:
        return True  # a verb the tagger took for a noun ('Peru Denounces Actions'): its parse links mean nothing
    if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
        return (token.head.lemma_.lower() != "be" and not _pending(token.head)
                and token.pos_ in ("NOUN", "PROPN"))
    node = token
    while node.dep_ != "ROOT":
        if counted_noun(node):  # 'Dozens of prisoners freed': the counted noun stands for its quantity
            node = node.head.head
            continue
        if (node.dep_ not in _STATING_DEPS and not _factual_clause(node)) or node.head is node:
            return False
        if node.dep_ == "nsubj" and _pending(node.head):
            return False  # 'Truce hopes rise', read with 'hopes' as the verb: the act is hoped for, not told
        if node.dep_ == "compound" and node.head.lemma_.lower() in _PENDING_HEADS:
            return False  # 'Cease-fire hopes flicker', 'Truce talks stall': the act only names the hope or talks
        node = node.head
    return True


# Verbs whose headline subject has not happened: 'Peace deal nears', 'Ceasefire looms', 'Truce hopes fade' (the
# parser often reads 'hopes' as the verb).
_PENDING_VERBS = frozenset({"near", "loom", "await", "hope", "fear", "want", "wish", "need", "seek", "expect"})
def _pending(verb: Token) -> bool:
    # the small model lemmatises a misread 'hopes' as 'hop': the plain form is read too
    return verb.lemma_.lower() in _PENDING_VERBS or verb.lower_.removesuffix("s") in _PENDING_VERBS


# Head nouns that make an act compounded on them a topic: 'ceasefire hopes', 'sanctions threat', 'truce talks'.
_PENDING_HEADS = frozenset({"hope", "fear", "prospect", "chance", "odds", "talk", "plan", "bid", "push", "call",
                            "threat", "risk", "rumor", "rumour", "deadline"})


# A headline's 'as' clause tells a second act happening with the first: 'Crowds cheer as Xland lifts curfew'. An
# 'after' or 'when' clause is the background of the main act; 'if', 'unless' or a purpose 'to' have not happened.
_FACTUAL_MARKS = frozenset({"as"})


def _factual_clause(node: Token) -> bool:
    """An adverbial clause the headline tells as happening alongside its main verb."""
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _FACTUAL_MARKS for c in node.children)


def mentions(title_doc: Doc, document: Document) -> EventDocument:
    """The headline's times, places and actors, found by the same stages as the body's over the headline's
    reading (names keep their capitals there). Called only when the headline's act is coded from the headline."""
    # The events stage calls the earlier stages here because only it knows, after reading the body, whether the
    # headline must be coded at all; running them on every title would cost every article for a few.
    from .. import actors, nlp, places, times

    title_doc = reading(title_doc)
    text = nlp.text_of(title_doc)
    title = Document(id=document.id, title=None, text=text, published=document.published, url=document.url,
                     language=document.language)
    out = EventDocument(document=title)
    out.times = times.tag_times(text, document.published, title_doc)
    out.places = places.find_places(title_doc, title)
    out.actors = actors.find_actors(title_doc, title, out.places)
    return out


def in_title(event: Event, title: str, doc_id: str) -> Event:
    """An event coded from the headline's reading parse, its words put back as the title writes them and marked
    as pointing into the title; its id kept apart from a body event at the same offsets."""
    ev = event.evidence
    evidence = ev.model_copy(update={"sentence": title[ev.start : ev.end],
                                     "trigger": title[ev.trigger_start : ev.trigger_end], "in_title": True})
    return event.model_copy(update={
        "id": hashlib.sha1(f"{doc_id}:title:{ev.trigger_start}:{event.event_type}".encode()).hexdigest()[:16],
        "evidence": evidence,
        "actors": [_cased(a, title) for a in event.actors],
        "recipients": [_cased(a, title) for a in event.recipients],
    })


def _cased(actor: Actor, title: str) -> Actor:
    if actor.start is None or actor.end is None:
        return actor
    return actor.model_copy(update={"text": title[actor.start : actor.end]})


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Links through which a verb with no subject of its own shares its governor's: 'Rebels agree to disarm',
# 'Army withdraws and hands over bases'.
_SHARED_SUBJECT = frozenset({"xcomp", "conj"})


def literal(act: Token) -> bool:
    """Whether a headline tells its act literally enough to code it with no party: the act is the subject
    ('Talks begin'), the subject is acted on ('Six indicted', 'Curfew lifted'), or a person or group does it
    ('Candidate pledges ...', 'Tenants stage rent strike'). A thing that acts ('Policy offers joy', 'Opinion pages
    offer support') is a figure of speech, unless the thing is an act itself ('Truce holds', 'Aid arrives')."""
    from .. import animacy

    if act.dep_ in _SUBJECTS:
        return True
    verb = _verb(act)
    if verb is None:
        return act.dep_ == "ROOT"  # a verbless headline naming its act: 'Curfew in the capital'
    subj = _subject(verb)
    if subj is None or subj.dep_ == "nsubjpass" or _headline_passive(verb):
        return True  # what the act is done to
    return animacy.animate(subj) or _names_act(subj)


def figurative(act: Token, mode: str | None = None) -> bool:
    """Whether the headline's verb cannot be read literally whoever its subject: a feeling given ('Senator offers
    hope', 'Policy offers joy and relief'), an arrest of a thing ('Senator nabs endorsement'), or a clause opened by
    'until', 'if' or 'after', background even where the small parser makes it the root of an article-less headline
    ('... until shutdown ends')."""
    from .. import animacy

    verb = None if act.dep_ in _SUBJECTS else _verb(act)
    return verb is not None and (animacy.feeling_given(verb) or animacy.thing_patient(verb, mode)
                                 or _subordinate(verb))


def _verb(act: Token) -> Token | None:
    return act if act.pos_ in ("VERB", "AUX") else act.head if act.head.pos_ in ("VERB", "AUX") else None


def _subject(verb: Token) -> Token | None:
    node = verb
    while True:
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subj is not None or node.dep_ not in _SHARED_SUBJECT or node.head is node:
            return subj
        node = node.head


def _subordinate(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ not in _FACTUAL_MARKS and c.lower_ != "that" for c in verb.children)


def _headline_passive(verb: Token) -> bool:
    """'Six indicted', 'Curfew lifted in north': headlines drop the passive's 'was' and tell active acts in the
    present tense, so a past form with no object is a participle, whatever tag the parser gave it."""
    if verb.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBD" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)


@functools.cache
def _act_nouns() -> frozenset[str]:
    from ..kb import load_kb
    from ..lexicon import load_triggers

    return frozenset(load_triggers().lemmas("noun")) | frozenset(load_kb().event_nouns)


def _names_act(subj: Token) -> bool:
    """'Truce holds', 'Fighting resumes', 'Relief supplies arrive': the subject is an act itself. Read from the
    word, not the tag: a sentence-case headline's first word is often tagged a name ('Truce' as PROPN)."""
    return subj.lemma_.lower() in _act_nouns() or subj.lower_ in _act_nouns()
