"""Animacy: whether a noun names a person or a group of people ('candidate', 'protesters', 'Kenyans', 'she')
or a thing ('policy', 'pages', 'plan'). A headline whose thing-subject acts ('Policy offers joy') is a figure of
speech, not a report of an act.

spaCy's small English model has no animacy feature and WordNet is not bundled, so the test is put together from
what the project already knows (entity labels, the KB's sector nouns, titles, organisations and demonyms) and a
small general-English list of person and group nouns (data/animacy.json).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from spacy.tokens import Token

# Entity labels that name people or bodies of people (a GPE acts through its government: 'Kenya bans imports').
_ANIMATE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Personal pronouns; 'it', 'this' and 'that' stand as often for things.
_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "me", "us", "him", "her", "them"})
# KB entry kinds that are actors; a KB 'place' or an unknown entry says nothing about animacy.
_ACTOR_KINDS = frozenset({"person", "group", "org", "state", "igo", "ngo"})


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("dateline").joinpath("data", "animacy.json").read_text(encoding="utf-8"))
    return {key: frozenset(w.lower() for w in words) for key, words in data.items() if not key.startswith("_")}


def person_nouns() -> frozenset[str]:
    """Lemmas of general-English nouns that name a person or a group of people."""
    return _lists()["person_nouns"]


def animate(tok: Token) -> bool:
    """Whether the noun phrase headed by ``tok`` names a person or a group of people: a personal pronoun, a count
    of people ('Six indicted'), a name, a person or body the KB knows (sector nouns, titles, organisations,
    plural demonyms), a body head ('rebel group') or a person noun from the data list ('candidate', 'tenants')."""
    from .actors import BODY_HEADS
    from .kb import load_kb

    lower, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "PRON":
        return lower in _PERSONAL_PRONOUNS
    if tok.pos_ == "NUM":
        return True  # a headline's bare count is of people: 'Three charged over fraud'
    if tok.ent_type_ in _ANIMATE_LABELS and not _common_noun(tok):
        return True
    if tok.pos_ == "PROPN" and not tok.is_sent_start:
        return True  # a name the entity tagger missed; a headline's first word is capitalised anyway
    if lemma in BODY_HEADS or lemma in person_nouns() or lower in person_nouns():
        return True
    kb = load_kb()
    # the whole noun phrase too: 'dock workers', 'rights groups'
    phrase = " ".join(t.text for t in tok.subtree if t.dep_ in ("compound", "amod") or t is tok)
    return any(e.kind in _ACTOR_KINDS and not e.not_actor
               for text in {tok.text, lemma, phrase} for e in kb.lookup(text))


def _common_noun(tok: Token) -> bool:
    """A Title Case headline's capitals make the tagger label common nouns as names ('Opinion Pages' as an ORG);
    the tag (read from the lower-cased parse) says it is an ordinary noun, so its label is not trusted."""
    return tok.pos_ == "NOUN" and not tok.text.isupper()


def feeling_given(verb: Token) -> bool:
    """'Policy offers joy and relief', 'Verdict brings closure': a giving verb whose object is a feeling names an
    effect on someone, not a transfer of goods, aid or support."""
    feelings = _lists()["feeling_nouns"]
    if verb.lemma_.lower() not in _lists()["giving_verbs"]:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    objects += [c for o in list(objects) for c in o.conjuncts]
    # 'a bit of good news': the object is what the measure is of
    objects += [g for o in list(objects) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in feelings or o.lower_ in feelings for o in objects)


def thing_patient(verb: Token, mode: str | None) -> bool:
    """'Senator nabs endorsement': an act whose mode is done to a person ('arrest', 'abduct') with a thing for its
    object is a figure of speech."""
    if mode not in _lists()["person_patient_modes"]:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(animate(o) for o in objects)
