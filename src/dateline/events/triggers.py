"""Find event triggers in a sentence: verbs, nominalisations and multiword expressions from the lexicon."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from .grammar import load_grammar

Entry = Mapping[str, Any]

MIN_WEIGHT = 0.5  # entries below this are too unsure to fire alone (the lexicon marks ambiguous heads low)
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
COMPLEMENT_DEPS = frozenset({"oprd", "acomp", "advmod", "xcomp", "prt", "ccomp", "dobj", "prep"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "compound:prt"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(frozen=True)
class TriggerIndex:
    """O(1) look-ups of lexicon entries by kind and head lemma; phrases by their first lemma."""

    verbs: Mapping[str, tuple[Entry, ...]]
    nouns: Mapping[str, tuple[Entry, ...]]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], Entry], ...]]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> TriggerIndex:
        verbs: dict[str, list[Entry]] = defaultdict(list)
        nouns: dict[str, list[Entry]] = defaultdict(list)
        phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        for e in entries:
            kind = e.get("kind", "verb")
            if kind == "phrase":
                words = tuple(str(e["phrase"]).lower().split())
                if words:
                    phrases[words[0]].append((words, e))
            elif kind == "noun":
                nouns[str(e["lemma"]).lower()].append(e)
            else:
                verbs[str(e["lemma"]).lower()].append(e)
        for plist in phrases.values():
            plist.sort(key=lambda p: -len(p[0]))  # longest phrase first
        return cls(
            {k: tuple(v) for k, v in verbs.items()},
            {k: tuple(v) for k, v in nouns.items()},
            {k: tuple(v) for k, v in phrases.items()},
        )


@dataclass
class Trigger:
    token: Token  # syntactic head of the trigger expression
    entry: Entry
    tokens: list[Token] = field(default_factory=list)
    specificity: int = 1

    @property
    def event_type(self) -> str:
        return str(self.entry["type"])

    @property
    def kind(self) -> str:
        return str(self.entry.get("kind", "verb"))

    def _span_tokens(self) -> list[Token]:
        """The head and the trigger words near it; a far-off object or preposition is not part of the span."""
        idx = sorted({t.i for t in self.tokens})
        head = self.token.i
        lo = hi = head
        for i in sorted((i for i in idx if i < head), reverse=True):
            if lo - i <= 3:
                lo = i
        for i in (i for i in idx if i > head):
            if i - hi <= 3:
                hi = i
        return [self.token.doc[lo], self.token.doc[hi]]

    @property
    def start_char(self) -> int:
        return self._span_tokens()[0].idx

    @property
    def end_char(self) -> int:
        last = self._span_tokens()[1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        first, last = self._span_tokens()
        return self.token.doc[first.i : last.i + 1].text  # Doc.text rebuilds the whole text on every access


@lru_cache(maxsize=1)
def default_index() -> TriggerIndex:
    from .. import lexicon

    return TriggerIndex.build(_entry_of(t) for t in lexicon.load_triggers())


def _entry_of(t: Any) -> dict[str, Any]:
    """The lexicon's validated trigger as the plain mapping this matcher reads."""
    return {
        "kind": t.kind, "lemma": t.lemma, "phrase": " ".join(t.words), "particle": t.particle,
        "object": sorted(t.objects) or None, "complement": t.complement, "modifier": sorted(t.modifiers) or None,
        "type": t.type, "mode": t.mode, "cameo": t.cameo, "recipient_preps": list(t.recipient_preps) or None,
        "weight": t.weight, "reversed_roles": t.reversed_roles,
    }


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v).lower() for v in (value if isinstance(value, list | tuple) else [value])]


CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp"})


def _phrase(head: Token) -> list[Token]:
    """The noun phrase without its clauses: 'plans to lift the curfew' names plans, not a curfew; nor its owner:
    'welcomed the president's statement' welcomes a statement, not the president."""
    out = [head]
    for c in head.children:
        if c.dep_ not in CLAUSE_DEPS and c.dep_ != "poss":
            out.extend(_phrase(c))
    return out


def _object_tokens(tok: Token) -> list[Token]:
    """Objects of a verb, and for passives the subject; with the first few words of each object phrase."""
    out: list[Token] = []
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ in SUBJECT_LIKE for c in tok.children):
        # 'were detained and later released', '... imprisoned for dissent were released': a passive conjunct
        # acts on the subject it shares with its head
        out.extend(t for c in tok.head.children if c.dep_ in SUBJECT_LIKE for t in _phrase(c))
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS:
            out.extend(t for t in _phrase(child) if t.i - child.left_edge.i < 8)
        elif child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX") and not (
                child.dep_ == "ccomp" and child.i < tok.i):
            # "threatened to expel", "refused to resign": the infinitive is the object; a quotation before its
            # verb ("'... are being released,' he told reporters") is what was said, not what was ordered
            out.append(child)
            if (child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
                    or _lemma(tok) in load_grammar().help_verbs):
                # "allowed UN inspectors to visit": the parser makes the one allowed the infinitive's subject;
                # so too the one helped before a bare infinitive ("helped Chile rebuild the port")
                out.extend(t for g in child.children if g.dep_ == "nsubj" for t in _phrase(g)
                           if t.i - g.left_edge.i < 8)
            if _lemma(tok) in load_grammar().permission_verbs:
                # "allowed the opposition to hold a rally": what is permitted is the infinitive's act and its object
                out.extend(t for g in child.children if g.dep_ == "dobj" for t in _phrase(g)
                           if t.i - g.left_edge.i < 8)
        elif child.lower_ in ("away", "out") and any(p.dep_ == "prep" for p in child.children):
            # 'walked away from the deal', 'backed out of the accord': the parser hangs the phrase on the adverb
            out.extend(t for p in child.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"
                       for t in _phrase(g) if t.i - g.left_edge.i < 8)
        elif child.dep_ in ("prep", "prt"):
            # "withdrew from the treaty", "called for a ceasefire": the object of the preposition
            for g in child.children:
                if g.dep_ == "pobj":  # without its clauses: 'in line with efforts to end the fighting'
                    out.extend(t for t in _phrase(g) if t.i - g.left_edge.i < 8)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        # "announced a halt to its attacks": the parser often hangs the noun's 'to/of/on' phrase on the verb
        for prep in tok.head.children:
            if prep.dep_ == "prep" and prep.i == tok.right_edge.i + 1 and prep.lower_ in ("to", "of", "on"):
                out.extend(t for g in prep.children if g.dep_ == "pobj" for t in g.subtree if t.i - g.left_edge.i < 8)
    return out


SUBJECT_LIKE = frozenset({"nsubj", "nsubjpass"})
PEOPLE_CLASS = "@people"  # an object class in the lexicon: any person or group the text names


def _names_people(tok: Token) -> bool:
    """'the prime minister', 'Ana Reyes', 'three journalists': a person or group, by entity type or KB title/noun."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.ent_type_ in ("PERSON", "NORP"):
        return True
    from ..kb import load_kb

    return any(e.source in ("title", "noun", "person") and e.kind in ("person", "group")
               for e in load_kb().lookup(_lemma(tok)))


PARTY_CLASS = "@party"  # an object class: a person or group, a country ('defended Iraq against criticism') or a body


def _names_a_country(tok: Token) -> bool:
    """A country by the KB, not any place: 'defended Ruritania' is a stance, 'defended the town' a battle."""
    from ..kb import load_kb

    return tok.pos_ == "PROPN" and any(e.source == "country" or e.kind == "state" for e in load_kb().lookup(tok.text))


def _names_a_body(tok: Token) -> bool:
    """An organisation the KB knows by name, by the word or the name it is part of: 'asked Interpol for help',
    'urged NATO to act', 'helped the African Union'."""
    if tok.pos_ != "PROPN":
        return False
    from ..kb import load_kb

    names = [tok.text, *(e[1:].text if e[0].dep_ == "det" else e.text for e in tok.doc.ents if e.start <= tok.i < e.end)]
    return any(e.source in ("org", "igo") for n in names for e in load_kb().lookup(n))


def _of_a_noun(tok: Token) -> bool:
    """A name inside a noun's prepositional phrase ('the town of Avdiivka', 'the port near Haifa') says which
    thing the object is; the party acted on is the object itself."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN"


VIOLENCE_CLASS = "@violence"  # an object class: any noun the lexicon reads as an assault ("warfare", "raids")


def _names_violence(tok: Token) -> bool:
    if tok.pos_ != "NOUN":
        return False
    from ..lexicon import load_triggers

    return any(e.type == "ASSAULT" for e in load_triggers().match_token(tok))


def _hyphen_joined(tok: Token) -> str:
    """'cease-fire' is 'ceasefire', 'sit-in' 'sitin': the word a hyphenated pair spells, read at its last part."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        return doc[tok.i - 2].lower_ + _lemma(tok)
    return ""


def split_word(tok: Token) -> str:
    """'seeking re-election' parsed as three objects ('re', '-', 'election'): the hyphenated word the parser
    split into siblings, read whole at its last part ('re-election'); '' when the token is no such part."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return ""
    first = doc[tok.i - 2]
    if first.head.i != tok.head.i or first.dep_ != tok.dep_:
        return ""
    return f"{first.lower_}-{tok.lower_}"


def _match_entry(tok: Token, entry: Entry, more_objects: Sequence[Token] = ()) -> tuple[bool, int, list[Token]]:
    """Does the entry's requirements hold around this token? Returns (ok, specificity, extra tokens).
    `more_objects` are words that count as objects besides the parse's (a headline's passive subject)."""
    extra: list[Token] = []
    spec = 1
    particle = _as_list(entry.get("particle"))
    if particle:
        hits = [c for c in tok.children if c.dep_ in PARTICLE_DEPS and _lemma(c) in particle]
        if any(c.dep_ == "prt" and _lemma(c) not in particle for c in tok.children):
            # 'called out for a false claim' is 'call out' (criticise), not 'call for': the particle makes the verb
            hits = [h for h in hits if h.dep_ == "prt"]
        # 'warned Ruritania of reprisals': the parser hangs the preposition on the verb's object
        hits = hits or [g for c in tok.children if c.dep_ == "dobj" for g in c.children
                        if g.dep_ == "prep" and _lemma(g) in particle]
        # 'pushed for Serbia to recognise Kosovo': a for-infinitive clause, whose 'for' the parser marks on the
        # clause's verb
        hits = hits or [m for c in tok.children if c.dep_ in ("advcl", "ccomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for m in c.children
            if m.dep_ == "mark" and _lemma(m) in particle and m.i < c.i]
        if not hits:
            return False, 0, []
        extra.extend(hits[:1])
        spec += 1
    objects = _as_list(entry.get("object"))
    if objects:
        obj_tokens = [*_object_tokens(tok), *more_objects]
        if particle and extra[0].dep_ == "prep" and extra[0].head.i == tok.i:
            # 'went back on its promise': with a prepositional particle, an object in another preposition's phrase
            # is not the particle's ('went back to Vienna on Monday for talks on the treaty'); the verb's own
            # object still is ('police were called to the port')
            other = {t.i for c in tok.children if c.dep_ == "prep" and c.i != extra[0].i for t in c.subtree}
            obj_tokens = [t for t in obj_tokens if t.i not in other]
        # a split word is its whole ('re-election' is no election sought): only its own spelling can match
        hits = [t for t in obj_tokens if (not split_word(t) or split_word(t) in objects or _hyphen_joined(t) in objects)
                and (_lemma(t) in objects or t.text.lower() in objects
                or _hyphen_joined(t) in objects
                or (PEOPLE_CLASS in objects and _names_people(t) and not _of_a_noun(t))
                or (PARTY_CLASS in objects and (_names_people(t) or _names_a_country(t) or _names_a_body(t))
                    and not _of_a_noun(t))
                or (VIOLENCE_CLASS in objects and _names_violence(t)))]
        # 'captured a rebel camp' captured a camp: a noun compounded onto the object's head only says what kind
        # ('a mediation effort' is mediation: a frame noun says the modifier is the act; 'violated the truce deal'
        # violated the truce: a pact is kept or broken as the act it names)
        g = load_grammar()
        hits = [t for t in hits if not (t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i
                                        and t.head.lemma_.lower() not in g.frame_nouns and not (
                                            t.head.lemma_.lower() in g.pact_nouns
                                            and (_lemma(t) in g.pact_acts or _hyphen_joined(t) in g.pact_acts)))]
        if not hits:
            return False, 0, []
        extra.extend(hits[:1])
        spec += 1
    complement = _as_list(entry.get("complement"))
    if complement:
        hits = [c for c in tok.children if c.dep_ in COMPLEMENT_DEPS and (_lemma(c) in complement or c.text.lower() in complement)]
        if not hits:
            return False, 0, []
        extra.extend(hits[:1])
        spec += 1
    modifier = _as_list(entry.get("modifier"))
    if modifier:
        mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
        # 'joint training exercises', 'a joint infrastructure project': a compound's modifier qualifies the head
        mods += [g for c in mods if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
        hits = [c for c in mods if _lemma(c) in modifier]
        if not hits:
            return False, 0, []
        extra.extend(hits[:1])
        spec += 1
    return True, spec, extra


def _best(tok: Token, entries: Iterable[Entry], more_objects: Sequence[Token] = ()) -> Trigger | None:
    best: Trigger | None = None
    for entry in entries:
        ok, spec, extra = _match_entry(tok, entry, more_objects)
        if not ok:
            continue
        weight = float(entry.get("weight", 1.0))
        if best is None or (spec, weight) > (best.specificity, float(best.entry.get("weight", 1.0))):
            best = Trigger(token=tok, entry=entry, tokens=[tok, *extra], specificity=spec)
    return best


_WH_WORDS = frozenset({"whether", "if", "what", "why", "how", "who", "whom", "which", "when", "where"})


def _press_occasion(trig: Trigger) -> bool:
    """'held a news conference', 'opened his press conference': a party speaking to reporters meets no
    counterpart (no CONSULT); 'a joint news conference' is held by parties who met, and stays."""
    if trig.event_type != "CONSULT":
        return False
    occasions = load_grammar().press_occasions
    for t in trig.tokens:
        if t.pos_ != "NOUN":
            continue
        kids = list(t.children)
        if any(c.dep_ == "compound" and c.lemma_.lower() in occasions for c in kids) and not any(
                c.dep_ == "amod" and c.lower_ == "joint" for c in kids):
            return True
    return False


_QUESTION_VERBS = frozenset({"ask", "press"})
_QUESTION_NOUNS = frozenset({"question", "query"})
# what a bare speech tag ('"Why now?" she asked.') may have besides its subject
_TAG_DEPS = frozenset({"nsubj", "punct", "aux", "advmod", "npadvmod", "cc", "neg"})


def _asks_a_question(tok: Token, trig: Trigger) -> bool:
    """'said when asked about the fire', 'asked whether the army would leave', 'pressed him if the deal was
    dead', 'asked him tough questions', a bare '"Why?" she asked': a question put, not a request."""
    lemma = _lemma(tok)
    if trig.event_type != "REQUEST" or lemma not in _QUESTION_VERBS or trig.entry.get("particle"):
        return False
    if lemma == "ask" and tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and not any(
            c.dep_.startswith("nsubj") for c in tok.children):
        return True  # 'when asked', 'asked about it, he said'
    if any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in _QUESTION_NOUNS for c in tok.children):
        return True
    if lemma == "ask" and any(True for _ in tok.children) and all(c.dep_ in _TAG_DEPS for c in tok.children):
        return True  # '"Is that fair?" she asked.', '"Why now?" Democrats ask.': the quoted question was asked
    asked = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "dative"))]  # the parser hangs 'about' on either
    if lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "about" for h in asked for c in h.children) \
            and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return True  # 'asked the minister about the report': an inquiry, unless something is asked to be done
    if lemma == "ask" and any(_quoted_question(tok, c) for c in tok.children
                              if c.dep_ == "ccomp" or c.dep_ == "conj" and c.i > tok.i):
        return True  # 'asked, "Are you going to arrest him?"', '"Will he go?" she asked': the question put
    return any(c.dep_ in ("ccomp", "advcl") and any(
        g.lower_ in _WH_WORDS and g.i < c.i and (c.dep_ == "ccomp" or g.dep_ == "mark") for g in c.subtree)
        for c in tok.children)


def _signs_alone(tok: Token, trig: Trigger) -> bool:
    """'will sign an executive order', 'signed the bill into law': the bare 'sign' reading (an agreement signed,
    CAMEO 057) with an instrument a party signs alone (event_grammar unilateral_instruments) as its object."""
    if trig.event_type != "SUPPORT" or trig.entry.get("object") or _lemma(tok) not in ("sign", "signing"):
        return False
    instruments = load_grammar().unilateral_instruments
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in instruments for h in heads)


def _court_plea(tok: Token, trig: Trigger) -> bool:
    """'pleaded not guilty to the charges', 'pleaded no contest': a defendant's plea (event_grammar court_pleas);
    so are 'his guilty plea' and the deal a defendant makes with prosecutors ('a plea agreement', 'plea deal')."""
    pleas = load_grammar().court_pleas
    nouns = [t for t in (tok, *trig.tokens) if t.pos_ == "NOUN"] + [c for c in tok.children if c.dep_ == "dobj"]
    for noun in nouns:
        mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
        if (_lemma(noun) == "plea" and (mods & pleas or noun.dep_ == "compound")) or "plea" in mods:
            return True
    if trig.event_type != "REQUEST" or _lemma(tok) != "plead":
        return False
    return any(c.lower_ in pleas or any(g.lower_ in pleas for g in c.children) for c in tok.children
               if c.dep_ in ("acomp", "oprd", "advmod", "dobj", "npadvmod", "ccomp", "xcomp"))


_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quoted_question(tok: Token, comp: Token) -> bool:
    """A quoted complement of the verb (the parser may take the quote's verb for a conjunct) whose quotation
    ends in '?'."""
    doc = tok.doc
    if comp.i < tok.i:
        # '"... ?" she asked', '"... ?" asked Rep. X': the quotation's last mark, before the verb, follows a '?'
        closing = [t for t in doc[comp.left_edge.i : tok.i] if t.text in _QUOTES]
        k = closing[-1].i - 1 if closing else -1
        while k >= comp.left_edge.i and doc[k].is_punct and doc[k].text not in _QUOTES:
            if doc[k].text == "?":
                return True
            k -= 1
        return False
    if not any(doc[k].text in _QUOTES for k in range(tok.i + 1, comp.left_edge.i + 1)):
        return False
    k = comp.right_edge.i + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text not in _QUOTES:
        if doc[k].text == "?":
            return True
        k += 1
    return doc[comp.right_edge.i].text == "?"


def find_triggers(sent: Span, index: TriggerIndex | None = None) -> list[Trigger]:
    """Every trigger in the sentence, at most one per head token; phrases win over their single words."""
    index = index or default_index()
    found: dict[int, Trigger] = {}
    covered: set[int] = set()
    toks_of = list(sent)  # each pass over a Span builds its Tokens anew
    lemmas = [_lemma(t) for t in toks_of]
    # 'Mali is opposed to X' tagged as an adjective: the stance is the verb's ('oppose')
    stance = load_grammar().stance_participles
    lemmas = [stance.get(t.lower_, lemma) if t.pos_ == "ADJ" else lemma for t, lemma in zip(toks_of, lemmas, strict=True)]
    # Multiword expressions first ("state of emergency", "tear gas", "martial law").
    for i, lemma in enumerate(lemmas):
        for words, entry in index.phrases.get(lemma, ()):
            toks = sent[i : i + len(words)]
            if len(toks) == len(words) and all(
                _lemma(t) == w or t.text.lower() == w for t, w in zip(toks, words, strict=True)
            ):
                head = toks.root
                trig = Trigger(token=head, entry=entry, tokens=list(toks), specificity=len(words) + 1)
                if head.i not in found or found[head.i].specificity < trig.specificity:
                    found[head.i] = trig
                    covered.update(t.i for t in toks)
                break
    verbs, nouns = index.verbs, index.nouns
    for tok, lemma in zip(toks_of, lemmas, strict=True):
        if lemma not in verbs and lemma not in nouns:  # no entry: nothing below could find one
            continue
        if tok.i in found or tok.is_punct or tok.is_stop and tok.pos_ not in ("VERB",):
            continue
        trig: Trigger | None = None
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT") or (
                tok.pos_ == "ADJ" and tok.lower_ in stance):
            trig = _best(tok, index.verbs.get(lemma, ()))
            if trig is None and tok.tag_ in ("VBG", "VBN"):
                trig = _best(tok, index.nouns.get(lemma, ()))
        elif tok.pos_ == "NOUN" and any(c.dep_ in SUBJECT_LIKE for c in tok.children):
            # 'Kenya and Chile pledge to ...': a noun does not take a subject; the tagger misread a verb
            trig = _best(tok, index.verbs.get(lemma, ())) or _best(tok, index.nouns.get(lemma, ()))
        elif tok.pos_ == "NOUN":  # not PROPN: "March" the month is no protest
            trig = _best(tok, index.nouns.get(lemma, ()))
            if trig is None and tok.pos_ == "NOUN":
                # The tagger sometimes reads a plural verb as a noun ("protests"), or a noun-verb lemma as a verb.
                trig = _best(tok, [e for e in index.verbs.get(lemma, ()) if e.get("noun_ok")])
        if (trig is not None and tok.i not in covered and float(trig.entry.get("weight", 1.0)) >= MIN_WEIGHT
                and not _asks_a_question(tok, trig) and not _court_plea(tok, trig)
                and not _signs_alone(tok, trig) and not _press_occasion(trig)):
            found[tok.i] = trig
    return [found[i] for i in sorted(found)]


_NOT_VERB_BEFORE = frozenset({"DET", "ADP", "PART", "CCONJ", "SCONJ", "PUNCT", "NUM"})
# where the parser puts a headline verb it took for a noun or an auxiliary: the root, or a modifier of the object
_MISREAD_DEPS = frozenset({"ROOT", "compound", "nmod", "amod", "aux"})
# or hung on, or made the subject of, the subject's last name ('in Abuja decry ...', 'Ecuador denounces remarks', 'Wallis and Futuna cuts off ...')
_NAME_FOLLOWING_DEPS = frozenset({"pobj", "conj", "appos", "nsubj"})


def condition_clauses(tok: Token, marks: frozenset[str]) -> list[Token]:
    """The adverbial clauses of ``tok`` opened by one of ``marks`` ('if', 'unless'): the conditions it is held over."""
    return [c for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                                                 for m in c.children)]


def names_a_state(tok: Token) -> bool:
    """A country's name, also where a lower-cased headline left it a common noun ('ruritania')."""
    from ..kb import load_kb

    return tok.ent_type_ == "GPE" or any(e.source == "country" or e.kind == "state"
                                         for e in load_kb().lookup(tok.text.title()))


def _names_a_party(tok: Token) -> bool:
    """A name, or a country's name that a lower-cased headline left as a common noun."""
    return tok.pos_ == "PROPN" or names_a_state(tok)


def _verb_lemma(tok: Token, index: TriggerIndex) -> str | None:
    """The lexicon verb a word's form spells, if it is a plain or third-person form ('sign', 'decries')."""
    low = tok.lower_
    for form in (_lemma(tok), low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else "",
                 low[:-3] + "y" if low.endswith("ies") else ""):
        if form and form in index.verbs and form not in index.nouns and low in (form, form + "s", form + "es",
                                                                                  form[:-1] + "ies"):
            return form
    return None


def counted_noun(tok: Token) -> bool:
    """'Dozens of prisoners', 'Hundreds of troops': the noun a headline's quantity root counts."""
    of = tok.head
    return (tok.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ == "ROOT" and of.head.pos_ in ("NOUN", "NUM")
            and of.head.i < tok.i)


# 'Truce begins', 'Fighting stops', 'Ceasefire holds': without an object these verbs take as subject the act that
# starts, stops or lasts, so the subject is what their entry's object list names (an unaccusative reading).
ASPECTUAL_VERBS = frozenset({"begin", "start", "stop", "cease", "halt", "end", "hold"})


def headline_passives(sent: Span, index: TriggerIndex, found: list[Trigger]) -> list[Trigger]:
    """Headlines drop the passive's auxiliary ('Riot police called to Lusaka', 'Militia formed in the north'): a
    participle with a subject and no object of its own, or hung on the headline's noun, reads that subject or
    noun as the object its entry may need.
    For headlines only: in prose 'police called to the crowd' is active. A reading is taken only where it is
    more specific than the trigger the parse gave the word."""
    have = {t.token.i: t for t in found}
    out = list(found)
    for tok in sent:
        # headlines tell past acts in the present, so a past form there is a participle (the tagger may say VBD)
        aspectual = tok.tag_ in ("VBZ", "VBP", "VB") and _lemma(tok) in ASPECTUAL_VERBS  # the tagger may say VB
        if tok.pos_ != "VERB" or (tok.tag_ not in ("VBN", "VBD") and not aspectual) or any(
                c.dep_ in ("dobj", "obj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue  # 'has called' is active; 'was called' the parser reads itself
        if tok.dep_ == "acl" and tok.head.dep_ == "ROOT":
            # 'Paramilitary group formed in X': the participle hung on the headline's noun
            words = list(sent.doc[tok.head.left_edge.i : tok.head.i + 1])
        elif tok.dep_ == "acl" and counted_noun(tok.head):
            # 'Dozens of prisoners freed in X': hung on the noun the headline's quantity counts
            words = list(sent.doc[tok.head.head.head.left_edge.i : tok.head.i + 1])
        elif tok.dep_ in ("ROOT", "conj") and (subj := [c for c in tok.children if c.dep_ == "nsubj"]):
            words = [t for t in subj[0].subtree if t.i - subj[0].left_edge.i < 8]
        else:
            continue
        trig = _best(tok, index.verbs.get(_lemma(tok), ()), words)
        old = have.get(tok.i)
        if trig is None or float(trig.entry.get("weight", 1.0)) < MIN_WEIGHT or (aspectual and not trig.entry.get("object")) or (
                old is not None and old.specificity >= trig.specificity):
            continue
        # the subject is the act's party, not a word of its trigger (the title's actors must not overlap it)
        trig = Trigger(token=tok, entry=trig.entry, tokens=[t for t in trig.tokens if t not in words],
                       specificity=trig.specificity)
        out = [t for t in out if t.token.i != tok.i] + [trig]
    return sorted(out, key=lambda t: t.token.i)


def _verb_read_as_subject(sent: Span, index: TriggerIndex, found: list[Trigger]) -> list[Trigger] | None:
    """'Ruritania Government Rejects Request to Delay Vote': the tagger reads the headline's verb as a plural noun
    and the object after it as the verb. When the word just before a lexicon verb is such a plural, hangs on it
    as subject or head, spells a third-person lexicon verb and follows a named party ('Ruritania Government'),
    that word is the headline's act and the verb its object. ('Student Protests Demand Reform' is not read so:
    'Student' names no party.)"""
    for t in found:
        root = t.token
        if t.kind != "verb" or root.pos_ != "VERB" or root.i - sent.start < 2:
            continue
        subj = sent.doc[root.i - 1]
        # either parse: the plural 'noun' as the root's subject, or as the root with the real object as its verb
        as_subject = subj.dep_ == "nsubj" and subj.head.i == root.i and root.dep_ == "ROOT"
        as_root = subj.dep_ == "ROOT" and root.head.i == subj.i and root.dep_ in ("dobj", "compound")
        if not (as_subject or as_root) or subj.tag_ not in ("NNS", "NNPS") or not subj.lower_.endswith("s"):
            continue
        party = [w for w in sent.doc[sent.start : subj.i] if w.is_alpha]
        if not party or not any(_names_a_party(w) for w in party):
            continue
        lemma = _verb_lemma(subj, index)
        if lemma is None:
            continue
        trig = _best(subj, index.verbs[lemma], [root])
        if trig is None or float(trig.entry.get("weight", 1.0)) < MIN_WEIGHT:
            continue
        entry = {**trig.entry, "headline_verb": True}
        rest = [x for x in found if x.token.i not in (root.i, subj.i)]
        return sorted([*rest, Trigger(token=subj, entry=entry, tokens=[subj, root], specificity=trig.specificity)],
                      key=lambda x: x.token.i)
    return None


def misread_verbs(sent: Span, index: TriggerIndex, found: list[Trigger]) -> list[Trigger]:
    """A headline's verb the tagger reads as a noun, a name or an auxiliary ('Argentina Denounces Actions',
    'X and Y ratify agreement', 'Venezuela Commends Belize'): when the parse has no lexicon verb of its own,
    the first word after the subject spelling a lexicon verb (and no lexicon noun) is the headline's act.
    For headlines only: news prose rarely drops its articles and auxiliaries as headlines do."""
    swapped = _verb_read_as_subject(sent, index, found)
    if swapped is not None:
        return swapped
    if any(t.kind == "verb" and t.token.pos_ == "VERB" and t.token.dep_ not in ("amod", "compound")
           for t in found):
        return found
    # a verb hung as a modifier ('sign/VERB trade deal') is read again; words of other triggers are not
    misparsed = {t.token.i for t in found if t.kind == "verb" and t.token.dep_ in ("amod", "compound")}
    taken = {x.i for t in found if t.token.i not in misparsed for x in (t.token, *t.tokens)}
    toks = list(sent)
    for k, tok in enumerate(toks):
        if k == 0 or tok.i in taken or tok.pos_ not in ("NOUN", "PROPN", "AUX", "ADJ", "VERB"):
            continue
        if toks[k - 1].pos_ in _NOT_VERB_BEFORE or not toks[k - 1].is_alpha:
            continue
        lemma = _verb_lemma(tok, index)
        if lemma is None:
            continue
        if tok.dep_ not in _MISREAD_DEPS and not (
                tok.dep_ in _NAME_FOLLOWING_DEPS and k + 1 < len(toks) and _names_a_party(toks[k - 1])):
            continue  # 'in Abuja decry new policy' (a verb after a name, with its object) is read; 'on abuses' not
        if k + 1 < len(toks) and toks[k + 1].lower_ == "of" and tok.lower_ == lemma:
            continue  # 'Demonstration Target of Crackdown' is a noun; 'Approves of' a verb
        if tok.lower_ == lemma and not any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("and", ",") for t in toks[:k]):
            continue  # a bare verb form needs a plural subject ('X and Y sign', 'Activists decry')
        entries = index.verbs[lemma]
        trig = _best(tok, entries)
        if tok.dep_ in ("compound", "nmod", "amod") and tok.head.i > tok.i:
            # 'ratify agreement', 'sign trade agreement' read as one noun: the noun it hangs on is its object
            objs = [tok.head]
            while objs[-1].dep_ == "compound" and objs[-1].head.i > objs[-1].i:
                objs.append(objs[-1].head)
            obj = objs[-1]
            for entry in entries:
                objects = _as_list(entry.get("object"))
                if objects and not entry.get("particle") and not entry.get("complement") and (
                        _lemma(obj) in objects or obj.lower_ in objects):
                    cand = Trigger(token=tok, entry=entry, tokens=[tok, obj], specificity=2)
                    if trig is None or (2, float(entry.get("weight", 1.0))) > (
                            trig.specificity, float(trig.entry.get("weight", 1.0))):
                        trig = cand
        if trig is None or float(trig.entry.get("weight", 1.0)) < MIN_WEIGHT:
            continue
        entry = {**trig.entry, "headline_verb": True}
        found = [t for t in found if t.token.i != tok.i]
        return sorted([*found, Trigger(token=tok, entry=entry, tokens=trig.tokens, specificity=trig.specificity)],
                      key=lambda t: t.token.i)
    return found
