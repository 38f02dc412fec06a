"""Attach to an event what its clause says: date, place, size and modality (negation, future, claims)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..animacy import animate
from ..models import Count, DateInfo, Location, Modality, Place, TimeExpr
from .arguments import gerund_governor, step_taker
from .grammar import load_grammar

OWN_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis"})
# Entities whose name may hold a country's that is no place of theirs ('Air Canada', 'Malaysia Airlines').
NAME_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
G = load_grammar()


def clause_of(gov: Token) -> set[int]:
    """Token indices of the governor's own clause: its subtree without embedded clauses of their own."""
    out: set[int] = set()
    stack = [gov]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for c in tok.children:
            if c.dep_ in OWN_CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"):
                continue
            stack.append(c)
    return out


def _ancestors(tok: Token) -> list[Token]:
    out = []
    cur = tok
    while cur.head is not cur and len(out) < 12:
        cur = cur.head
        out.append(cur)
    return out


def _root_at(sent: Span, start: int, end: int) -> Token | None:
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _tiers(gov: Token, sent: Span, items: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Indices of items in the clause, in clauses above it, and elsewhere in the sentence, in that order."""
    tiers: list[list[int]] = [[], [], []]
    roots: list[tuple[int, int]] = []
    for n, (start, end) in enumerate(items):
        if start < sent.start_char or end > sent.end_char:
            continue
        root = _root_at(sent, start, end)
        if root is not None:
            roots.append((n, root.i))
    if not roots:  # most triggers have no place or date in their sentence: no clause to work out
        return tiers
    own = clause_of(gov)
    above = _above(gov) if any(i not in own for _, i in roots) else set()
    for n, i in roots:
        tiers[0 if i in own else 1 if i in above else 2].append(n)
    return tiers


def _above(gov: Token) -> set[int]:
    """Token indices of the clauses above the governor's: its ancestors, their non-clausal children, and the
    whole of their prepositional and adverbial modifiers."""
    above: set[int] = set()
    for anc in _ancestors(gov):
        above.add(anc.i)
        for c in anc.children:
            dep = c.dep_
            if dep not in OWN_CLAUSE_DEPS:
                above.add(c.i)
            if dep in ("prep", "npadvmod", "advmod"):
                above.update(t.i for t in c.subtree)
    return above


def event_date(gov: Token, sent: Span, times: Sequence[TimeExpr], published: str | None,
               paragraph_start: int, future: bool) -> DateInfo | None:
    dates = [t for t in times if t.type in ("DATE", "TIME") and t.interval and t.interval.start]
    if not future:
        # A deadline or a future date does not date a past act.
        dates = [t for t in dates if not (t.tense == "future") or future]
        if published:
            # nor does a day after the story was filed: 'proposed holding talks on Jan. 9', 'demanded the
            # withdrawal by April 10', 'cancelled next month's summit' date the talks, the withdrawal, the summit
            dates = [t for t in dates if t.interval and str(t.interval.start)[:10] <= published[:10]]
    dates = [t for t in dates if not _topic_date(t, gov) and not _describes_person(t, gov)]
    # 'two days after the vote on Monday': Monday dates the vote; the act is two days on from it, and with no
    # count of days ('months after the vote on Monday') it has no day we can name. A month or longer stays: 'a week
    # after the vote in March' is still about March
    offsets: dict[int, int] = {}
    for t in list(dates):
        offset = _offset_days(t, gov, times) if t.precision in ("day", "time") else None
        if offset is None:
            continue
        day = _shifted_day(t, offset) if offset else None
        if day is None or not future and published and day > published[:10]:
            dates.remove(t)
        else:
            offsets[id(t)] = offset
    tiers = _tiers(gov, sent, [(t.start, t.end) for t in dates])
    # a named day ('9/11', 'the September 11 attacks') dates its own act and what is framed by it, not an act
    # elsewhere in the sentence that only mentions it ('jailing critics and spreading 9/11 conspiracy theories')
    tiers[2] = [n for n in tiers[2] if dates[n].anchor != "named"]
    for tier, source in zip(tiers, ("clause", "sentence", "sentence"), strict=True):
        if tier:
            # Prefer the expression nearest the governor.
            best = min(tier, key=lambda n: abs(dates[n].start - gov.idx))
            info = _date_info(dates[best], source, published, future)
            if id(dates[best]) in offsets:
                info = _shifted(info, offsets[id(dates[best])])
            if published and info.start and info.start[:10] <= published[:10] and _since_clause(dates[best], gov):
                # 'since the governor declared an emergency on Monday, soldiers have arrested ...': the
                # arrests fall between that day and the story, as 'since Monday' would have them
                info = info.model_copy(update={"end": published})
            if not future and published and info.end and info.end[:10] > published[:10]:
                # a past or present act is not after the story: 'earlier this month', 'this year' end today
                info = info.model_copy(update={"end": published})
            return info
    # A time that opens a span ('since 1994', 'since the army seized power in 1980') is background to its
    # sentence, not the day the story has reached: the next sentence's act is not dated by it.
    before = [t for t in dates if paragraph_start <= t.end <= sent.start_char and t.role not in ("deadline", "since")
              and t.anchor != "named"
              and not _since_clause(t, None, sent.doc)]
    if before:
        return _date_info(before[-1], "previous", published, future)
    if published:
        return DateInfo(value=published, start=published, end=published, precision="day", inferred=True,
                        source="publication")
    return None


def _offset_days(t: TimeExpr, gov: Token, times: Sequence[TimeExpr]) -> int | None:
    """Days from the time to the act when the time sits in the object of 'after'/'before' under a span ('arrested
    him two days after the rally on Monday': +2; 0 when the span is no count of days or weeks). None when the time
    is not so placed, or the governor is itself inside that object."""
    span = gov.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for tok in _ancestors(span.root):
        if tok.i == gov.i or tok.dep_ in OWN_CLAUSE_DEPS:
            return None
        sign = G.date_offset_preps.get(tok.lower_)
        if tok.dep_ != "prep" or sign is None or gov.i in {x.i for x in tok.subtree}:
            continue
        measures = [c for c in tok.children if c.dep_ == "npadvmod"]
        if not measures:
            return None  # 'after the rally on Monday': the act's day is not told, Monday's is the nearest
        lo, hi = measures[0].left_edge.idx, measures[0].idx + len(measures[0])
        for d in times:
            if d.type == "DURATION" and d.value and lo <= d.start and d.end <= hi:
                m = re.fullmatch(r"P(\d+)([DW])", d.value)
                return sign * int(m[1]) * (7 if m[2] == "W" else 1) if m else 0
        return 0
    return None


def _shifted_day(t: TimeExpr, days: int) -> str | None:
    """The ISO day `days` from a day-precise time."""
    if not t.interval or not t.interval.start:
        return None
    return (dt.date.fromisoformat(str(t.interval.start)[:10]) + dt.timedelta(days=days)).isoformat()


def _shifted(info: DateInfo, days: int) -> DateInfo:
    day = (dt.date.fromisoformat(str(info.start)[:10]) + dt.timedelta(days=days)).isoformat()
    return info.model_copy(update={"value": day, "start": day, "end": day, "precision": "day", "text": None})


def _topic_date(t: TimeExpr, gov: Token) -> bool:
    """Whether the time modifies the object of a topic preposition that does not hold the governor
    ('asked about the Aug. 3 letter', 'sanctions over its May 12 test'): it dates the topic, not the act."""
    span = gov.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    own = {x.i for x in span}
    for tok in _ancestors(span.root):
        if tok.i == gov.i or tok.dep_ in OWN_CLAUSE_DEPS:
            return False
        if (tok.dep_ == "pobj" and tok.i not in own and tok.head.lower_ in G.date_topic_preps
                and gov.i not in {x.i for x in tok.subtree}):
            return True
    return False


def _describes_person(t: TimeExpr, gov: Token) -> bool:
    """Whether a month or longer sits in a clause that describes a person ('Lopez, who led the talks in 2016,
    praised …', 'the aide released by Iran this summer'), not holding the governor: it dates that person's past,
    not the act. A day there is more often the same episode ('protesters who gathered on Saturday chanted …')."""
    if t.precision in ("time", "day", "week"):
        return False
    span = gov.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for tok in [span.root, *_ancestors(span.root)]:
        if tok.i == gov.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.pos_ in ("VERB", "AUX"):
            return gov.i not in {x.i for x in tok.subtree} and tok.head.i != gov.i and animate(tok.head)
    return False


def _since_clause(t: TimeExpr, gov: Token | None, doc: Doc | None = None) -> bool:
    """Whether the time sits in a 'since' clause or phrase ('since the army seized power in 1980', 'since the
    end of French rule in 1960') that the governor is not part of: for the rest of the sentence it marks where
    a span begins, not when an act happened."""
    doc = gov.doc if gov is not None else doc
    if doc is None:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for tok in [span.root, *_ancestors(span.root)]:
        if (tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children)) or (
                tok.dep_ == "prep" and tok.lower_ == "since" and span.root.head.i != tok.i):
            # (a bare 'since 1994' is the tagger's own span: only a time deeper in the phrase is read here,
            # 'since the end of French rule in 1960')
            return gov is None or gov.i not in {x.i for x in tok.subtree}
    return False


def _date_info(t: TimeExpr, source: str, published: str | None, future: bool) -> DateInfo:
    start = t.interval.start if t.interval else None
    end = t.interval.end if t.interval else None
    if t.role == "deadline" and published and future:
        # "will complete by January 19": the act falls between publication and the deadline.
        start = min(published, end or published)
    return DateInfo(text=t.text, value=t.value, start=start, end=end or start, precision=t.precision,
                    source=source)


def event_location(gov: Token, sent: Span, places: Sequence[Place], main_country: Place | None,
                   actor_spans: Sequence[tuple[int, int]], targets: frozenset[str] = frozenset(),
                   speaker: Place | None = None, speaker_spans: Sequence[tuple[int, int]] | None = None,
                   speaker_names: Sequence[tuple[int, int]] = (), protest: bool = False,
                   outward: bool = False, launch_sites: Sequence[tuple[int, int]] = ()) -> Location | None:
    """The act's place. `targets`: the recipients' countries — a speaker that is itself the target ('Lebanon said
    rockets were fired at it') is where the act happened. `speaker_spans` (a statement's: words and stances): only
    a place the text puts the speaker in, or one naming the speaker (`speaker_names`: 'Seoul warned'), counts, and
    with none the speaker's own country (`speaker`) does. An act told in reported speech does not happen where
    the speech was made ('told reporters in Geneva that troops had shelled a town'); a `protest` is not where the
    state it is against is ('rallied in Jakarta, chanting against Australia'). An `outward` act (done to another
    state: an attack, aid) is not placed by the doer's own name (`speaker_names`: 'Tanzania's
    invasion of Uganda', 'Norway sent food aid to Sudan'). `launch_sites`: where fire came from ('rockets fired
    from X hit Y'), which is not where the attack happened."""
    told = speech_governor(gov) if speaker_spans is None else None
    # only the sentence's own places can be chosen (the tiers are clauses of the sentence), so only they are read,
    # each parsed once
    roots = {id(p): _root_at(sent, p.start, p.end) for p in places
             if (p.lat is not None or p.country) and sent.start_char <= p.start and p.end <= sent.end_char}
    usable = [p for p in places if id(p) in roots and not _owner_name(p, roots[id(p)], sent, actor_spans)
              and not (_speaking_place(p, roots[id(p)], gov) and p.country not in targets)
              and not _describing_clause(roots[id(p)], gov)
              # a region no state holds ('war in the Middle East') fails any country check: the story's country
              # is the better guess when there is one
              and (p.country or main_country is None)
              and (speaker_spans is None or _speakers_place(roots[id(p)], gov, speaker_spans)
                   or any(s <= p.start and p.end <= e for s, e in speaker_names))
              and not (told is not None and _speakers_place(roots[id(p)], told, ()))
              and not (protest and _protest_aim(roots[id(p)]))
              and not (outward and p.kind == "country" and any(s <= p.start and p.end <= e for s, e in speaker_names))
              and not any(s <= p.start and p.end <= e for s, e in launch_sites)]
    tiers = _tiers(gov, sent, [(p.start, p.end) for p in usable])
    for tier, precision in zip(tiers, ("clause", "clause", "sentence"), strict=True):
        if not tier:
            continue
        def rank(n: int) -> tuple[int, int, int, int]:
            p = usable[n]
            root = roots[id(p)]
            site = _under_site(root)
            locative = int(site or bool(root is not None and root.dep_ == "pobj"
                                        and root.head.lemma_.lower() in G.locative_preps))
            is_actor = int((any(s <= p.start and p.end <= e for s, e in actor_spans) and not site)
                           or _describes_party(root, actor_spans))
            finer = int(p.kind not in ("country", None))
            # a place inside a party's own phrase ('the US commander in Iraq') describes the party, not the act;
            # a region no state holds ('the worst unrest in the Middle East') says less than any place a state
            # holds in the clause, even one not in a locative phrase ('SANAA, Yemen — … stormed the embassy')
            return (is_actor, -int(bool(p.country)), -locative, -finer)
        p = usable[min(tier, key=rank)]
        if speaker_spans is not None and p.kind == "country" and any(
                s <= p.start and p.end <= e for s, e in speaker_names):
            precision = "country"  # 'Britain condemned …': the speaker's name tells its country, not a site
        return _location(p, precision)
    if speaker is not None:
        return _location(speaker, "country")
    if main_country is not None:
        return _location(main_country, "country")
    return None


def _speakers_place(root: Token | None, gov: Token, speaker_spans: Sequence[tuple[int, int]]) -> bool:
    """'said in Geneva', 'at a press briefing in Lima, the minister accused …', 'speaking in Brussels, she said',
    'officials in Kabul said', 'during a visit to Hanoi': the place hangs, through locative phrases only, on the
    statement's verb (or a verb it is told under) or on the speaker. A place in what is said or in whom it is said
    to ('called on Ukraine', 'condemned Iran's test', 'accused Russia of aggression in Ukraine') is not where the
    speaker spoke."""
    if root is None:
        return False
    verbs = {gov.i, *(a.i for a in _ancestors(gov))}
    node = root
    placed = False  # a locative preposition has governed the place's phrase
    for _ in range(10):
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            prep = node.head
            word = prep.lower_
            # ('on a visit to Hanoi': any preposition before a journey, 'to' after one)
            if word in G.statement_place_preps or node.lemma_.lower() in G.visit_nouns or (
                    word == "to" and prep.head.lemma_.lower() in G.visit_nouns):
                placed = True
            elif not (placed and word in G.statement_linking_preps
                      and (word != "of" or prep.head.pos_ in ("NOUN", "PROPN"))):
                return False
            node = prep.head
        elif node.dep_ in ("appos", "compound", "conj") or node.dep_ in ("advcl", "acl") and node.tag_ == "VBG":
            # a name's parts ('Hamburg, Germany'), or a participle on the verb or the speaker ('speaking in
            # Brussels, she said')
            node = node.head
        else:
            return False
        if placed and (node.i in verbs or any(s <= node.idx < e for s, e in speaker_spans)):
            return True
    return False


def _protest_aim(root: Token | None) -> bool:
    """'chanting against Australia', 'a march against Beijing': the place is what the protest is against (its
    government), not where the crowd is."""
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in G.protest_aim_preps


def _describes_party(root: Token | None, actor_spans: Sequence[tuple[int, int]]) -> bool:
    """'the US commander in Iraq', 'rebels from Chad': the place's phrase hangs on a party's noun and says where
    the party is from or serves, not where the act happens."""
    if root is None or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    owner = root.head.head
    if owner.pos_ not in ("NOUN", "PROPN") or _a_site(owner):
        return False  # 'stormed the embassy compound in Bamako': a site's place is where the act on it happens
    return any(s <= owner.idx < e for s, e in actor_spans)


def _under_site(root: Token | None) -> bool:
    """'stormed the embassy compound in Yemen's capital': the place is in a site's own phrase (through 'in',
    a possessive or an apposition), so it says where the site, and the act on it, is."""
    node = root
    for _ in range(5):
        if node is None or node.dep_ not in ("pobj", "prep", "poss", "appos", "compound") or node.head is node:
            return False
        node = node.head
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ != "pobj" and _a_site(node):
            return True
    return False


def _a_site(noun: Token) -> bool:
    """A seat or installation (event_grammar placed_objects), not a person or body: the embassy, an embassy
    compound, a base, a depot. (An unlisted noun may be a person the animacy lists lack: 'an engineer from X'.)"""
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(w.lemma_.lower() in G.placed_objects for w in words)


def country_as_party(root: Token) -> bool:
    """A country's name standing for a party, not a place: a flag on a noun ('U.S. forces', 'the Belarus
    president') or the doer of a verb ('Russia warned', 'the U.S. targeted its leaders')."""
    return (root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN")
            or root.dep_ == "nsubj" and root.head.pos_ == "VERB")


def _speaking_place(p: Place, root: Token | None, gov: Token | None = None) -> bool:
    """'Russia warned that US strikes on a Syrian base …', 'what Washington says was a gas attack': a place that
    speaks is a party (its government), not where anything it tells of happened. So is a country doing any
    other act of the sentence ('Iran warned of a response while Russia called the reports worrying')."""
    if root is None or root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return False
    # (not the subject of a verb above the act, which the act shares: 'X kept its policy, putting pressure on Y')
    return root.head.lemma_.lower() in G.speech_verbs or (
        p.kind == "country" and gov is not None and gov not in root.head.subtree)


def _describing_clause(root: Token | None, gov: Token) -> bool:
    """'the monitor, which is based in Britain, said jets bombed the town', 'sanctions on a firm that runs ships
    from Cuba': a place inside a relative clause on some other noun tells of that noun, not of the act (unless
    the act itself, or the site acted on, is in that clause)."""
    if root is None:
        return False
    for anc in [root, *_ancestors(root)]:
        if anc.i == gov.i or anc.head.i == anc.i:
            return False
        if anc.dep_ == "relcl" and anc.pos_ in ("VERB", "AUX"):
            return gov not in anc.subtree and not _a_site(anc.head)
    return False


def _owner_name(p: Place, root: Token | None, sent: Span, actor_spans: Sequence[tuple[int, int]]) -> bool:
    """A country named as a party's owner or inside a name, not as a place: 'the Belarus president', 'the U.S.
    embassy' (a flag on a party's noun), 'Air Canada', 'a Malaysia Airlines jet' (part of a company's name)."""
    if p.kind != "country":
        return False
    if any(e.label_ in NAME_LABELS and e.start_char <= p.start and p.end <= e.end_char
           and (e.start_char, e.end_char) != (p.start, p.end) for e in sent.ents):
        return True
    # a flag on a party's noun, or on any noun of people ('U.S. special forces flew aircraft that destroyed …'),
    # or on a building or craft a state owns abroad ('a guard died when militants raided the U.S. consulate')
    return (root is not None and root.dep_ in ("compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN")
            and (any(s <= root.head.idx < e for s, e in actor_spans)
                 or animate(root.head) and root.head.ent_type_ not in ("GPE", "LOC", "FAC")
                 or root.head.lemma_.lower() in G.owned_things))


def place_location(p: Place) -> Location:
    """A place the clause ties to the act itself ('an embassy in X'), as a location of clause precision."""
    return _location(p, "clause")


def _location(p: Place, precision: str) -> Location:
    return Location(text=p.text, name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                    geonames_id=p.geonames_id, precision=precision, kind=p.kind)


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "neg")} | {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("aux", "auxpass")
    }


def _condition_marked(tok: Token) -> bool:
    """An 'if', 'unless' or 'whether' on the verb or on the first of the verbs it is coordinated with: 'if the
    army storms the camp or shells it' puts the shelling under the condition too."""
    node = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ != "conj" or node.head.i == node.i:
            return False
        node = node.head
    return False


def modality(trigger: Token, gov: Token) -> Modality:
    m = Modality()
    chain = [trigger] if trigger is gov else [trigger, gov]
    conditional = False
    modals: set[str] = set()
    for tok in chain:
        words = _aux_lemmas(tok)
        if any(c.dep_ == "neg" for c in tok.children) or words & {"not", "n't", "never"}:
            m.negated = True
        if words & G.future_aux or ("going" in words and "to" in words):
            m.future = True
        modals |= words & G.hypothetical_aux
        if _condition_marked(tok):
            conditional = True
    # "offered no concessions", "no shots were fired": an act whose object or self is "no ..." did not happen
    if any(d.dep_ == "det" and d.lower_ == "no" for tok in chain for word in [tok, *_objects(tok)]
           for d in word.children):
        m.negated = True
    # "nobody has been captured", "none were arrested": no one underwent (or did) the act
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in G.negative_pronouns
           for tok in chain for c in tok.children):
        m.negated = True
    m.hypothetical = bool(modals) or conditional
    if modals == {"would"} and not conditional and speech_governor(gov) is not None:
        # "said it would withdraw": the future of a past statement, not a condition.
        m.hypothetical, m.future = False, True
    # "plans to withdraw", "vowed to retaliate": the act lies ahead; "in an effort to quell": an intention.
    # "ruled out cancelling the deal", "refused to withdraw": the embedded act did not happen.
    for head in {trigger, gov}:
        if head.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and head.tag_ in ("VBG", "VB") and (
                negative_implicative(head.head)):
            m.negated = True
    for head in {trigger, gov}:
        if _told_as_ability(head):
            m.hypothetical = True  # 'hackers capable of launching attacks': able to, not done
    for head in {trigger, gov}:
        if head.dep_ in ("ccomp", "xcomp") and head.tag_ == "VB" and head.head.lemma_.lower() in G.help_verbs and not (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)):
            # 'will help Ukraine fight Russia': the act helped lies ahead as the help does ('helped the militia
            # attack the base' happened; 'never helped them fight' did not). A help told as a purpose ('sent
            # groups to help support the cause') leaves its act as the purpose's own reading made it.
            outer = modality(head.head, head.head)
            m.negated |= outer.negated
            m.future |= outer.future
    for head in {trigger, gov}:
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            continue
        governor = head.head.lemma_.lower()
        taker = step_taker(head)
        if taker is not None:
            # "took steps to expand freedoms" happened as far as taking the steps did ("will take steps to" not yet)
            outer = modality(taker, taker)
            m.negated |= outer.negated
            m.future |= outer.future
            m.hypothetical |= outer.hypothetical
            continue
        if head.dep_ == "xcomp" and implicative(head.head):
            # "began to withdraw", "voted to impose" happened as far as their own verb did: "will begin to
            # withdraw", "is expected to vote to impose", "refused to vote to condemn" did not (yet)
            outer = modality(head.head, head.head)
            m.negated |= outer.negated
            m.future |= outer.future
            m.hypothetical |= outer.hypothetical
            continue
        if governor in G.request_governors:
            m.hypothetical = True  # "urged Russia to withdraw": asked for, not done
            continue
        if (_complement(head) and governor in G.future_governors | G.commitment_adjectives) or _committed_by_noun(head):
            m.future = True
        else:
            m.hypothetical = True  # "asked them to leave", "in an effort to quell", "officers to fight"
    alleged = gerund_governor(gov, G.alleging_verbs)
    if alleged is not None:
        # 'accused Russia of shelling the town': the act is the accuser's claim
        m.claimed = True
        speaker = next((c for c in alleged.children if c.dep_ == "nsubj"), None)
        if speaker is not None:
            m.source = " ".join(t.text for t in speaker.subtree if t.i <= speaker.i + 3)[:80]
    for anc in [gov, *_ancestors(gov)]:
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in G.speech_verbs:
            m.claimed = True
            speaker = next((c for c in anc.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if speaker is not None and m.source is None:
                m.source = " ".join(t.text for t in speaker.subtree if t.i <= speaker.i + 3)[:80]
            break
    return m


def _told_as_ability(head: Token) -> bool:
    """'capable of launching attacks', 'the capability to strike', 'able to wage war': what a party can do."""
    owner = head.head.head if head.dep_ in ("pcomp", "pobj") and head.head.dep_ == "prep" else head.head
    if head.dep_ in ("pcomp", "pobj") and head.head.lower_ != "of":
        return False
    if head.dep_ not in ("pcomp", "pobj", "xcomp", "acl"):
        return False
    return owner.lemma_.lower() in G.ability_words


def negative_implicative(verb: Token) -> bool:
    """'refused', 'ruled out': a verb whose complement act does not happen ('ruled' alone is a court's ruling)."""
    lemma = verb.lemma_.lower()
    if lemma not in G.negative_implicatives:
        return False
    particle = G.negative_implicative_particles.get(lemma)
    return particle is None or any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == particle for c in verb.children)


def _objects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]


def declared_future(trigger: Token, gov: Token, mod: Modality) -> bool:
    """The actor says it will act ('will withdraw', 'said it would boycott', 'plans to impose'): a commitment
    or a threat made now. Acts others ask for ('urged them to leave') or expect are not the actor's word."""
    if not mod.future or mod.hypothetical or mod.negated:
        return False
    chain = [trigger] if trigger is gov else [trigger, gov]
    # 'will vote to impose', 'plans to begin to withdraw': the word of the verb the act is done through
    chain += [h for tok in chain for h in _implicative_heads(tok) if h not in chain]
    if any(_aux_lemmas(tok) & (G.future_aux | {"would", "going"}) for tok in chain):
        return True
    return any(_complement(tok) and tok.head.lemma_.lower() in G.commitment_governors | G.commitment_adjectives
               or _committed_by_noun(tok)
               for tok in chain)


def implicative(verb: Token) -> bool:
    """A verb whose infinitive complement happened as far as the verb did ('began to withdraw'); a vote only when
    a body casts it on its own content ('the Senate voted to impose'), not a member's vote or a purpose clause
    after one ('he voted to repeal', 'they voted against the bill to poison the package')."""
    lemma = verb.lemma_.lower()
    if lemma not in G.implicative_verbs:
        return False
    if lemma not in G.body_implicative_verbs:
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "i"):
        return False  # one person's vote decides nothing
    # 'voted against the bill to ...', 'voted with Republicans to ...': the infinitive is a purpose, not the content
    return not any(c.dep_ == "prep" or c.dep_ == "dobj" and not any(t.like_num for t in c.subtree)
                   for c in verb.children if c.i < verb.i + 4)


def _implicative_heads(tok: Token) -> list[Token]:
    """The verbs an act's infinitive is done through: 'voted' and 'began' over 'voted to begin to withdraw'."""
    heads = []
    while tok.dep_ == "xcomp" and implicative(tok.head) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and len(heads) < 4:
        tok = tok.head
        heads.append(tok)
    return heads


def _complement(tok: Token) -> bool:
    """The verb's infinitive complement: an xcomp, or a 'to'-infinitive right after its verb that the parser hung
    as an adverbial clause ('X have sworn to fight on ...': the oath's content, not a purpose)."""
    if tok.dep_ == "xcomp":
        return True
    return (tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and tok.i == tok.head.i + 2
            and tok.doc[tok.i - 1].lower_ == "to" and tok.doc[tok.i - 1].head.i == tok.i)


def attempt_made(trigger: Token) -> bool:
    """'Police foiled an attempt to kill the mayor', 'survived a bid to assassinate him': the act's to-infinitive
    hangs on an attempt noun whose own clause tells the attempt as made (not planned, denied or hypothetical)."""
    noun = trigger.head
    if trigger.dep_ != "acl" or noun.lemma_.lower() not in G.attempt_nouns or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    if any(d.dep_ == "det" and d.lower_ == "no" or d.dep_ == "amod" and d.lemma_.lower() in G.future_governors
           for d in noun.children):
        return False  # 'no attempt to kill was made', 'stopped a planned attempt to bomb': none was made
    # the verb that tells the attempt: 'was foiled', 'survived', or the one over 'in a failed attempt to ...'
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in G.future_governors | G.request_governors | G.aim_verbs:
        return False  # 'rebels plan an attempt to kill': the attempt itself lies ahead
    told = modality(verb, verb)
    return not (told.negated or told.hypothetical or told.future)


def _committed_by_noun(tok: Token) -> bool:
    """'announced plans to lift the curfew', 'a pledge to free them': the noun commits its holder to the act."""
    return tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in G.commitment_nouns


def speech_governor(gov: Token) -> Token | None:
    for anc in [gov, *_ancestors(gov)]:
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in G.speech_verbs:
            return anc.head
    return None


def size_key(count: Count, sent: Span) -> str:
    head = _root_at(sent, count.start, count.end)
    if head is not None:
        verb = head
        for _ in range(3):
            if verb.pos_ == "VERB":
                break
            verb = verb.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in G.size_verbs:
            return G.size_verbs[verb.lemma_.lower()]
    last = count.what.split()[-1].lower() if count.what else ""
    for key in (last, last.rstrip("s")):
        if key in G.size_nouns:
            return G.size_nouns[key]
    return last or "count"
