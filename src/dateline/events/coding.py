"""Turn an argument's head token into a coded Actor, using the actor mentions the actors stage found."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from ..actors import patron_side
from ..animacy import animate, person_nouns
from ..models import Actor
from ..nlp import text_of
from .grammar import load_grammar

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct"})
RIGHT_PHRASE_PREPS = frozenset({"of", "under", "from", "in", "with"})
STATE_SECTORS = frozenset({"GOV", "JUD", "MIL", "COP", "LEG", "SPY"})
G = load_grammar()
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "upper", "lower"})


class MentionIndex:
    """Actor mentions sorted by offset, for 'which mention lies in this span' in O(log n)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.mentions = sorted((a for a in actors if a.start is not None and a.end is not None),
                               key=lambda a: (a.start or 0, -(a.end or 0)))
        self.starts = [a.start or 0 for a in self.mentions]

    def within(self, start: int, end: int) -> list[Actor]:
        i = bisect_right(self.starts, end)
        return [a for a in self.mentions[:i] if (a.start or 0) >= start and (a.end or 0) <= end]

    def covering(self, start: int, end: int) -> list[Actor]:
        i = bisect_right(self.starts, start)
        return [a for a in self.mentions[:i] if (a.end or 0) >= end]

    def before(self, offset: int) -> list[Actor]:
        i = bisect_right(self.starts, offset)
        return self.mentions[:i]


def list_item_apposition(tok: Token) -> bool:
    """'Gondor, Rohan and Arnor met': the small parser reads the second name of a list as an apposition of the
    first, with 'and Z' hung on it or on the first. Such an apposition is another party, not another name."""
    if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.pos_ != "PROPN":
        return False
    return any(any(g.dep_ == "cc" for g in holder.children) and any(
        g.dep_ == "conj" and g.pos_ == "PROPN" and g.i > tok.i for g in holder.children)
        for holder in (tok, tok.head))


def core_tokens(head: Token) -> list[Token]:
    """The words that name an argument: its left modifiers, the head, and 'of/under/from' phrases; no clauses."""
    keep: list[Token] = []

    def walk(tok: Token, depth: int) -> None:
        keep.append(tok)
        for c in tok.children:
            if c.dep_ in CLAUSE_DEPS or list_item_apposition(c):
                continue
            if (c.i > tok.i and c.dep_ == "prep" and c.lemma_.lower() not in RIGHT_PHRASE_PREPS
                    and not _authored_by(tok, c)):
                continue
            if depth < 4:
                walk(c, depth + 1)

    walk(head, 0)
    return sorted(keep, key=lambda t: t.i)


def _authored_by(tok: Token, prep: Token) -> bool:
    """'a report by Amnesty', 'a statement by the ministry': a text speaks for its author."""
    return prep.lower_ == "by" and tok.lemma_.lower() in G.document_nouns


def _span_of(tokens: Sequence[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _merge(base: Actor, other: Actor) -> Actor:
    """Fill what the head mention lacks (country, org) from a modifier mention: 'CSTO forces', 'Russian troops'."""
    data = base.model_copy()
    if not data.country and other.country:
        data.country = other.country
    if not data.org and other.org:
        data.org = other.org
    return data


def code_argument(head: Token, index: MentionIndex) -> Actor | None:
    """The coded actor an argument head stands for, or None when nothing in it is an actor."""
    tokens = core_tokens(head)
    start, end = _span_of(tokens)
    head_start, head_end = head.idx, head.idx + len(head.text)
    covering = [a for a in index.covering(head_start, head_end) if (a.start or 0) >= start - 1]
    inside = index.within(start, end)
    base: Actor | None = None
    if covering:
        base = max(covering, key=lambda a: (a.end or 0) - (a.start or 0))
    # "Russia's ally Belarus", 'a commander of Russia's militia ally': the owner of an ally is the other side
    # of the relation and codes neither the ally nor its officers; "Moscow's allies" alone codes nobody
    others = [a for a in inside if a is not base]
    patrons = [a for a in others if _patron_mention(a, head)]
    if patrons:
        others = [a for a in others if a not in patrons]
        nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
        if base is None and not others and head.lemma_.lower() in G.patron_nouns and nxt is not None \
                and nxt.pos_ == "PROPN":
            # 'ally Belarus' read as two subjects: the name right after the noun is still its apposition
            others = [a for a in index.covering(nxt.idx, nxt.idx + len(nxt.text)) if (a.start or 0) == nxt.idx]
        if base is None and not others:
            return None
    if base is None:
        if not others:
            return _with_allegiance(_kb_word(head) or _placed_role(head, index) or _group_noun(head)
                                    or _unlisted_name(head), head, index)
        # No mention at the head ("Kazakhstan's security agencies" is not itself one): the head's owner codes it.
        left = [a for a in others if (a.end or 0) <= head_start]
        pick = left[-1] if left else others[0]
        base = pick.model_copy(update={"text": head.doc[tokens[0].i : tokens[-1].i + 1].text, "start": start, "end": end})
        sector = _sector_from_head(head, index)
        if sector:
            base.sector = sector
            base.sectors = [sector]
            base.kind = "group" if base.kind in ("state", "unknown") else base.kind
        others = [a for a in others if a is not pick]
    for other in others:
        base = _merge(base, other)
    return _with_allegiance(base, head, index)


def _patron_mention(actor: Actor, head: Token) -> bool:
    if actor.kind == "person":
        return False  # 'the senator's allies': a person's allies are mostly compatriots
    last = next((t for t in head.subtree if t.idx < (actor.end or 0) <= t.idx + len(t.text)), None)
    return last is not None and patron_side(last)


def _with_allegiance(actor: Actor | None, head: Token, index: MentionIndex) -> Actor | None:
    if actor is None or actor.country or actor.org or actor.kind not in ("group", "unknown"):
        return actor
    foreign = next((m for m in head.lefts if m.dep_ == "amod" and m.lower_ in FOREIGN_WORDS), None)
    if foreign is not None and actor.kind == "group":
        # 'foreign troops': not the place's own, whatever place the act has; the name keeps the word so
        # `implied.flag` leaves the group unflagged
        return actor.model_copy(update={"name": f"{foreign.lower_} {actor.name}"})
    patron = _allegiance(head, index)
    return actor.model_copy(update={"country": patron}) if patron is not None else actor


def _allegiance(head: Token, index: MentionIndex) -> str | None:
    """'Troops loyal to the Libyan government', 'workers affiliated with the Kenyan teachers' union': the country
    of the party a group is loyal to or a member of (event_grammar allegiance_words)."""
    from .grammar import load_grammar

    words = load_grammar().allegiance_words
    for mod in head.children:
        if mod.dep_ not in ("amod", "acl") or mod.i < head.i or mod.lower_ not in words:
            continue
        for prep in mod.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                continue
            for obj in prep.children:
                party = code_argument(obj, index) if obj.dep_ == "pobj" else None
                if party is not None and party.country:
                    return party.country
    return None


def _ends_other_name(head: Token) -> bool:
    """'Mexico' as the head of 'New Mexico', 'Wales' of 'New South Wales': a country's name ending another
    name, which the actors stage did not take for the country. Compass words alone keep the country
    ('South Lebanon' is a part of Lebanon)."""
    doc = head.doc
    in_name = head.ent_iob_ == "I"
    words: list[Token] = []
    k = head.i - 1
    while k >= 0 and doc[k].is_title and doc[k].pos_ == "PROPN" and (in_name or doc[k].dep_ == "compound"):
        words.append(doc[k])
        if in_name and doc[k].ent_iob_ == "B":
            break
        k -= 1
    return any(w.lower_ not in COMPASS_WORDS for w in words)


def _kb_word(head: Token) -> Actor | None:
    """A lone modifier the actors stage had no noun for: 'crazy Russian claims' -> RUS; or a noun the KB does
    not list whose flag is a modifier: 'Israeli tanks', 'Iraqi Kurds' -> a group of that country."""
    from ..actors import after_stance_prefix
    from ..kb import load_kb, normalise

    kb = load_kb()
    if after_stance_prefix(head, patrons=False):
        return None  # a patron asked for as the argument itself ('the Saudi-backed plan': its owner) still codes
    for entry in kb.lookup(head.text):
        if entry.source in ("country", "capital") and _ends_other_name(head):
            continue
        if entry.source in ("country", "demonym", "capital", "seat", "igo") and (entry.country or entry.org):
            if entry.source == "demonym" and head.tag_ in ("NNS", "NNPS") and normalise(head.text) not in kb.diaspora_peoples:
                # 'Bosnian Serbs': a people is coded by the state it lives in, which English names first
                home = next((e for m in head.lefts if m.dep_ in ("amod", "compound") and m.i == head.i - 1
                             for e in kb.lookup(m.text) if e.source in ("country", "demonym") and e.country
                             and e.country != entry.country), None)
                if home is not None:
                    start = head.i - 1
                    return Actor(text=text_of(head.doc)[head.doc[start].idx:head.idx + len(head.text)],
                                 name=home.name, country=home.country, kind="group", start=head.doc[start].idx,
                                 end=head.idx + len(head.text))
            return Actor(text=head.text, name=entry.name, country=entry.country, org=entry.org,
                         sector=entry.sectors[0] if entry.sectors else None, sectors=list(entry.sectors),
                         kind="igo" if entry.source == "igo" else "state", start=head.idx, end=head.idx + len(head.text))
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    # 'US drone attacks', 'Russian air force jets': the flag may sit on a compound of the head, not the head
    mods = [m for m in head.lefts if m.dep_ in ("amod", "compound", "nmod", "poss")]
    mods += [g for m in mods if m.dep_ == "compound" for g in m.lefts if g.dep_ in ("amod", "compound", "nmod")]
    for mod in sorted(mods, key=lambda m: m.i):
        if after_stance_prefix(mod) or patron_side(mod):
            continue  # 'Iran's proxy militias': the owner is the patron
        entry = next((e for e in kb.lookup(mod.text) if e.source in ("country", "demonym", "people") and e.country),
                     None)
        if entry is None:
            continue
        sector = next((e.sectors[0] for e in kb.lookup(head.lemma_.lower()) if e.source == "noun" and e.sectors), None)
        if sector is None and entry.source == "people":
            sector = "CVL"  # 'Oromo elders': a people's members are civilians unless their noun says otherwise
        start = mod.idx
        return Actor(text=text_of(head.doc)[start:head.idx + len(head.text)], name=entry.name, country=entry.country,
                     sector=sector, sectors=[sector] if sector else [], kind="group", start=start,
                     end=head.idx + len(head.text))
    return None


def _group_noun(head: Token) -> Actor | None:
    """'Students marched', 'police detained workers': a plural sector noun alone. The actors stage does not list
    it (in running text such a noun is too often no actor), but as the argument of a coded act it names the
    group that acted or was acted on: its sector is known, its country is not said."""
    from ..kb import load_kb, normalise

    if head.pos_ != "NOUN":
        return None
    entry = next((e for e in load_kb().lookup(head.text) if e.source == "noun" and e.kind == "group" and e.sectors),
                 None)
    if entry is None:
        return None
    return Actor(text=head.text, name=normalise(head.text), sector=entry.sectors[0], sectors=list(entry.sectors),
                 kind="group", start=head.idx, end=head.idx + len(head.text))


# Modifiers that say a group is from elsewhere: no place or actor of the sentence flags it.
FOREIGN_WORDS = frozenset({"foreign", "overseas", "outside", "multinational", "international"})


def foreign_group(actor: Actor) -> bool:
    return actor.kind == "group" and not actor.country and actor.name.split(" ", 1)[0].lower() in FOREIGN_WORDS


def _unlisted_name(head: Token) -> Actor | None:
    """'the talks were boycotted by the Sauti Youth Forum', 'the Bamako Lawyers Collective said ...': a name the
    recogniser tags as a person or organisation, unknown to the KB. The actors stage does not list such names
    (in running text many are brands or programmes), but as the argument of a coded act the name is a party:
    kept uncoded (no country), as a sector noun alone is. Only as the doer (subject or 'by' agent): the patient
    of a domestic act is placed by where it happens ('police arrested 12 members of X in Mombasa': Kenyans)."""
    doer = head
    while doer.dep_ in ("conj", "appos"):
        doer = doer.head
    if not (doer.dep_ == "nsubj" or doer.dep_ == "pobj" and doer.head.dep_ == "agent"):
        return None
    if head.pos_ == "NOUN" and not animate(head):
        return None  # 'the Medicaid expansion gave states funding', 'the Senate bill repeals …': a thing, no party
    names = [head] if head.pos_ == "PROPN" else [
        m for m in head.lefts if m.dep_ in ("compound", "nmod") and m.pos_ == "PROPN"]  # 'the Ruritanian Liberty party'
    if not names and head.pos_ == "NOUN" and head.tag_ == "NNS":
        # 'members of the Coalition of X', 'leaders of the Y movement': people who speak for the body
        names = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                 if g.dep_ == "pobj" and (g.pos_ == "PROPN" or any(m.pos_ == "PROPN" for m in g.lefts))]
        names += [m for g in list(names) if g.pos_ != "PROPN" for m in g.lefts if m.pos_ == "PROPN"]
    ent = next((e for n in names for e in head.sent.ents if e.start <= n.i < e.end and e.label_ in ("ORG", "PERSON")),
               None)
    body = _body_noun_sector(head) if names else None
    if ent is None and body is None:
        return None
    if ent is None:
        # 'the Umma party': a name on the noun of a kind of political body is that body, whether or not the
        # recogniser tags the name; the noun says its sector, so it is placed where it acts, as a party is
        start, end = min(n.left_edge.idx for n in names), head.idx + len(head.text)
        text = text_of(head.doc)[start:end]
        return Actor(text=text, name=text, kind="org", sector=body, sectors=[body], start=start, end=end)
    start = min(ent.start_char, head.left_edge.idx if head.pos_ != "PROPN" else ent.start_char)
    end = max(ent.end_char, head.idx + len(head.text))
    text = text_of(head.doc)[start:end]
    if body is not None:
        return Actor(text=text, name=ent.text, kind="org", sector=body, sectors=[body], start=start, end=end)
    return Actor(text=text, name=ent.text, kind="unknown", start=start, end=end)


# Sectors of bodies that news names by a name on their kind noun, lower case ('the Umma party'); a company or a
# court so named ('the Acme company') is too often no party to an act.
NAMED_BODY_SECTORS = frozenset({"PTY"})


def _body_noun_sector(head: Token) -> str | None:
    """The sector of a singular noun the KB lists as a kind of political body ('party' PTY), for a name the KB lacks."""
    from ..kb import load_kb

    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    return next((e.sectors[0] for e in load_kb().lookup(head.lemma_.lower())
                 if e.source == "noun" and e.kind == "org" and e.sectors and e.sectors[0] in NAMED_BODY_SECTORS), None)


def unlisted(actor: Actor) -> bool:
    """A party known only by a name the KB does not list (see `_unlisted_name`): nothing codes it."""
    return actor.kind == "unknown" and not (actor.country or actor.org or actor.sector)


def _placed_role(head: Token, index: MentionIndex) -> Actor | None:
    """'Prosecutors in Kenya', 'officials in Lima': a role noun the KB knows, placed in a country or city,
    is that country's (the place phrase is left out of the argument's core, so no mention covers it)."""
    sector = _sector_from_head(head, index)
    title = sector is None and head.pos_ == "NOUN"
    if title:
        sector = _sector_from_title(head)  # "the mayor of Lusaka": an office of that place
    if sector not in STATE_SECTORS:
        return None  # "a student in Nairobi" is no Kenyan actor; "officials in Nairobi" speak for Kenya
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in (("in", "from", "of") if title else ("in", "from")):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            place = next((a for a in index.covering(obj.idx, obj.idx + len(obj.text)) if a.country and a.kind == "state"),
                         None) or _kb_word(obj)
            if place is not None and place.country and place.kind == "state":
                start, end = head.left_edge.idx, obj.idx + len(obj.text)
                return Actor(text=text_of(head.doc)[start:end], name=f"{head.lemma_} ({place.country})",
                             country=place.country, sector=sector, sectors=[sector], kind="group", start=start, end=end)
    return None


def _sector_from_title(head: Token) -> str | None:
    """The sector of an office title the KB lists ('mayor', 'governor'), for a title used as a common noun."""
    from ..kb import load_kb

    return next((e.sectors[0] for e in load_kb().lookup(head.lemma_.lower())
                 if e.source == "title" and e.kind == "person" and e.sectors), None)


def _sector_from_head(head: Token, index: MentionIndex) -> str | None:
    from ..kb import load_kb

    for entry in load_kb().lookup(head.lemma_.lower()):
        if entry.source == "noun" and entry.sectors:
            return entry.sectors[0]
    return None


def same_actor(a: Actor, b: Actor) -> bool:
    return a.name == b.name or (a.kind == "person" and b.kind == "person" and a.name.split()[-1] == b.name.split()[-1])


def same_party(a: Actor, b: Actor) -> bool:
    """An actor cannot be its own target, but two parts of one state can: 'Kenyan students stoned the Kenyan
    government', 'Ugandan police arrested Ugandan activists' (both are named after their country, so the name
    alone would merge them). Different known sectors keep them apart, and so does a state or body against its
    people; PLOVER drops only the same party, not the same country."""
    return same_actor(a, b) and not (a.sector and b.sector and a.sector != b.sector) and not (
        _a_people(a) and (b.sector or b.kind == "state") or _a_people(b) and (a.sector or a.kind == "state"))


def _a_people(actor: Actor) -> bool:
    """'Kenyans', 'Ugandan refugees': a nationality or people noun with no office or sector is the country's people,
    another party than its state or any of its bodies ('Kenyan police arrested three Kenyans')."""
    from ..kb import load_kb

    if actor.kind != "group" or actor.sector or actor.org or not actor.text:
        return False
    # named by a KB demonym or people ('Kenyans', 'Copts') or a person noun ('residents'); 'an American attack'
    # coded from its flag, or a title-case headline's noun ('Peru Denounces Actions'), is no people
    word = actor.text.split()[-1]
    if any(e.source in ("demonym", "people") for e in load_kb().lookup(word)):
        return True
    low, nouns = word.lower(), person_nouns()
    return any(w in nouns for w in (low, low.removesuffix("s"), low.removesuffix("es")))
