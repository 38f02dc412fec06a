"""Suite `events`: event coding on the PLOVER gold records, NGEC's synthetic stories and PETRARCH-2's AFP set."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .base import Context, DataMissing, Row, SuiteResult, Table, failed_row
from .scorers import accuracy, macro_f1, per_label_f1

# PLOVER 0.5b1 (2016) labels used by the gold records, renamed in the PLOVER 2021 manual that dateline codes to.
# The 2021 crosswalk shows where the old CAMEO roots went: 09 investigate and 11 disapprove -> ACCUSE,
# 10 demand -> REQUEST, 19 fight -> ASSAULT. Every other old label kept its name.
LEGACY_PLOVER = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
# NGEC spells two modes differently from the PLOVER codebook.
NGEC_MODE_SPELLING = {"PRIMATIVE": "PRIMITIVE", "SIEZE": "SEIZE"}
GROUP_CODES = {"IGO", "NGO"}  # non-state actor codes compared with dateline's actor kind, not a country
BATCH = 32
NGEC_FILE = "gpt_synthetic_events_2023-10-19_19.csv.zip"


@dataclass
class Case:
    """One gold record to code: its text, and what the gold says about it."""

    dataset: str
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    event_type: str | None = None  # PLOVER type; None when the gold says there is no event
    types: set[str] = field(default_factory=set)  # acceptable PLOVER types (PETR2: from CAMEO via the crosswalk)
    mode: str | None = None
    cameo_roots: set[str] = field(default_factory=set)
    sentence: bool = False  # a single gold sentence rather than a whole story
    source_codes: set[str] = field(default_factory=set)
    target_codes: set[str] = field(default_factory=set)
    source_sectors: set[str] = field(default_factory=set)
    target_sectors: set[str] = field(default_factory=set)
    # PETRARCH codes 'A and B met' as directed pairs A->B, B->A; PLOVER as one event with both as actors and no
    # recipient. With pairwise gold, such a reciprocal event's other actors stand in its target slot.
    pairwise: bool = False


# ---------------------------------------------------------------- readers


def _norm_type(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().upper()
    return LEGACY_PLOVER.get(label, label)


def _norm_mode(mode: str | None) -> str | None:
    if not mode or not mode.strip():
        return None
    mode = mode.strip().upper().replace("_", "-")
    return NGEC_MODE_SPELLING.get(mode, mode)


def _our_mode(event_type: str | None, mode: str | None, legacy: dict[str, str | None]) -> str | None:
    """A gold mode in dateline's vocabulary. NGEC's codebook keeps modes the PLOVER codebook dateline follows
    merged into others (COERCE and THREATEN `ban` -> `restrict`; `assassinate`, `execute`, `massacre` ->
    `targeted`): those go through plover.json's `legacy_modes`, as any old mode name does. A mode PLOVER dropped
    (RETREAT `return`, ASSAULT `cleansing`) keeps its name, so it still counts, as a miss."""
    if not event_type or not mode:
        return mode
    mapped = legacy.get(f"{event_type}:{mode.lower()}")
    return _norm_mode(mapped) if mapped else mode


def _actor_list(value: object) -> list[dict[str, str]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


# Country codes of the older CAMEO/KEDS dictionaries the GSR still uses, and the ISO 3166 code that replaced them.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _codes(actors: list[dict[str, str]]) -> set[str]:
    codes = {a["code"].strip().upper()[:3] for a in actors if a.get("code") and a["code"].strip() not in ("***", "")}
    return {LEGACY_COUNTRY_CODES.get(c, c) for c in codes}


def _sectors(actors: list[dict[str, str]]) -> set[str]:
    # sector codes may carry an ethnic/religious suffix (CVLalb, REBkur): the first three letters are the sector
    return {a["sector"].strip().upper()[:3] for a in actors
            if a.get("sector") and a["sector"].strip() not in ("***", "")}


def read_plover_gsr(path: Path) -> list[Case]:
    cases = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue  # the header record documents the file
        event_type = _norm_type(rec.get("event"))
        sources, targets = _actor_list(rec.get("source")), _actor_list(rec.get("target"))
        cases.append(Case(
            "plover-gsr", rec["id"], rec["text"], published=rec.get("date"), event_type=event_type, sentence=True,
            types={event_type} if event_type else set(), mode=_norm_mode(rec.get("mode")),
            source_codes=_codes(sources), target_codes=_codes(targets),
            source_sectors=_sectors(sources), target_sectors=_sectors(targets),
        ))
    return cases


def read_ngec(path: Path) -> list[Case]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
        with archive.open(name) as handle:
            rows = list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8")))
    from ..lexicon import load_plover

    legacy = load_plover().data.get("legacy_modes", {})
    cases = []
    for i, row in enumerate(rows):
        # the prompt's first line is the filled-in headline; the `title` column is its template
        headline = (row.get("prompt") or "").split("\n", 1)[0].strip() or None
        event_type = _norm_type(row.get("label"))
        cases.append(Case("ngec-synthetic", str(i), row.get("text") or "", title=headline, event_type=event_type,
                          types={event_type} if event_type else set(),
                          mode=_our_mode(event_type, _norm_mode(row.get("mode")), legacy)))
    return cases


def read_crosswalk(path: Path) -> dict[str, set[str]]:
    """CAMEO code -> PLOVER types from CAMEO2PLOVER (a root may map to two types, e.g. 08)."""
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\d{2,4}):\s*([A-Z]+)", line):
            table.setdefault(m[1], set()).add(m[2])
    return table


def plover_of(code: str, crosswalk: dict[str, set[str]]) -> set[str]:
    """The most specific crosswalk entry for a CAMEO code (longest known prefix)."""
    for n in range(len(code), 1, -1):
        if code[:n] in crosswalk:
            return crosswalk[code[:n]]
    return set()


_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTRS = re.compile(r'(\w+)="([^"]*)"')


_NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "!", "?", "'s", "n't", ")", "%"})


def _parse_text(body: str) -> str:
    """The sentence told by a record's CoNLL-U <Parse> (word forms in column 2), for a record whose <Text> is
    empty: the gold coding is of that sentence, so it is graded like the others."""
    parse = re.search(r"<Parse>(.*?)</Parse>", body, re.S)
    words = [cols[1] for line in (parse[1].splitlines() if parse else [])
             if len(cols := line.split("\t")) > 1 and cols[0].isdigit()]
    out = ""
    for word in words:
        out += word if not out or word in _NO_SPACE_BEFORE else f" {word}"
    return out


def read_petrarch(path: Path, crosswalk: dict[str, set[str]]) -> list[Case]:
    """PETR2_GSR_validation.xml. Read with patterns: the file carries '#' banner lines that are not XML."""
    cases = []
    for m in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
        attrs = dict(_ATTRS.findall(m[1]))
        body = m[2]
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_m:
            continue
        text = " ".join(text_m[1].split()) or _parse_text(body)
        codings = [dict(_ATTRS.findall(c)) for c in re.findall(r"<EventCoding\b([^>]*)/?>", body)]
        codings = [c for c in codings if c.get("eventcode")]
        date = attrs.get("date", "")
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        types = set().union(*(plover_of(c["eventcode"], crosswalk) for c in codings)) if codings else set()
        cases.append(Case(
            "petrarch2-gsr", attrs.get("id", str(len(cases))), text, published=published,
            sentence=True,
            event_type=sorted(types)[0] if types else None, types=types,
            cameo_roots={c["eventcode"][:2] for c in codings},
            # '---' is PETRARCH's code for a slot it found no actor for: nothing to agree with
            source_codes={c["sourcecode"][:3] for c in codings if c.get("sourcecode", "---")[:3] != "---"},
            target_codes={c["targetcode"][:3] for c in codings if c.get("targetcode", "---")[:3] != "---"},
            pairwise=True,
        ))
    return cases


# ---------------------------------------------------------------- running dateline


def code_cases(ctx: Context, cases: Sequence[Case]) -> tuple[list[list[object] | None], int, str | None]:
    """Dateline's events for every case (None where the pipeline failed), the number of failures, the first error.

    Whole stories take the user's path (`analyse_many` over raw articles, clean stage included). A gold
    sentence is already the body: it goes straight to `analyse_document`, because the clean stage would
    read a lone line without a full stop as a headline and leave no body to code.
    """
    from .. import nlp
    from ..clean import content_id
    from ..ingest import RawArticle
    from ..models import Document
    from ..pipeline import analyse, analyse_document, analyse_many

    def document(case: Case) -> Document:
        return Document(id=content_id(None, case.text), text=case.text, title=case.title, published=case.published,
                        published_source="input" if case.published else "none")

    def raw(case: Case) -> RawArticle:
        return RawArticle.from_text(case.text, title=case.title, published=case.published)

    def one(case: Case) -> list[object]:
        return list((analyse_document(document(case)) if case.sentence else analyse(raw(case))).events)

    def batch(chunk: Sequence[Case]) -> list[list[object]]:
        if chunk[0].sentence:
            parsed = nlp.load().pipe((c.text for c in chunk), batch_size=BATCH)
            return [list(analyse_document(document(c), sdoc=sdoc).events)
                    for c, sdoc in zip(chunk, parsed, strict=True)]
        return [list(out.events) for out in analyse_many([raw(c) for c in chunk], batch_size=BATCH)]

    def chunks() -> Iterator[Sequence[Case]]:
        start = 0
        for i in range(1, len(cases) + 1):  # a chunk never mixes sentences and stories
            if i == len(cases) or i - start == BATCH or cases[i].sentence != cases[start].sentence:
                yield cases[start:i]
                start = i

    results: list[list[object] | None] = []
    failures = 0
    first_error: str | None = None
    planned = list(chunks())
    for chunk in ctx.track(planned, len(planned), f"events: {len(cases)} texts (batches of {BATCH})"):
        try:
            results.extend(batch(chunk))
        except Exception:  # find the text that broke the batch; the others still count
            for case in chunk:
                try:
                    results.append(one(case))
                except Exception as err:
                    failures += 1
                    first_error = first_error or f"{type(err).__name__}: {err}"
                    results.append(None)
    return results, failures, first_error


def top_event(events: Sequence[object] | None) -> object | None:
    """The event a gold record is compared with: dateline's main event (most salient, then most confident, then
    earliest). Outputs without salience fall back to confidence alone."""
    if not events:
        return None
    return sorted(events, key=lambda e: (-(getattr(e, "salience", None) or 0.0), -e.confidence,  # type: ignore[attr-defined]
                                         e.evidence.start))[0]  # type: ignore[attr-defined]


def _actor_codes(actors: Sequence[object]) -> set[str]:
    """The CAMEO-style codes an actor answers to: its country, and IGO/NGO for an international body and for the
    people and units of one ('UN Secretary-General X', 'NATO troops' carry the body's sector, as CAMEO codes them)."""
    codes = set()
    for a in actors:
        if a.country:  # type: ignore[attr-defined]
            codes.add(a.country.upper())  # type: ignore[attr-defined]
        if a.kind in ("igo", "ngo"):  # type: ignore[attr-defined]
            codes.add(a.kind.upper())  # type: ignore[attr-defined]
        elif not a.country and a.org and "IGO" in a.sectors:  # type: ignore[attr-defined]
            codes.add("IGO")
        elif not a.country and a.kind == "group" and _transnational_armed(a.name):  # type: ignore[attr-defined]
            codes.add("IMG")
    return codes


# Sectors of an armed group; one the KB lists under its name with no country is transnational.
ARMED_SECTORS = frozenset({"INS", "REB", "MIL"})


def _transnational_armed(name: str) -> bool:
    """A named armed group the KB knows with no home state (al-Qaeda, Islamic State): CAMEO codes such groups
    IMG, 'international militarized group', as it codes international bodies IGO. A group with no country only
    because the text gave none ('militants') is not one: the KB must list it by name."""
    from ..kb import load_kb

    return any(e.source == "org" and not e.country and ARMED_SECTORS & set(e.sectors) for e in load_kb().lookup(name))


def _actor_sectors(actors: Sequence[object]) -> set[str]:
    return {s.upper()[:3] for a in actors for s in ([a.sector] if a.sector else []) + list(a.sectors)}  # type: ignore[attr-defined]


def _share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def agreement(cases: Sequence[Case], events: Sequence[Sequence[object] | None]) -> dict[str, float | int | None]:
    """Type accuracy (top event and any event) and actor agreement on the top event, over gold-event records."""
    type_top, type_any, mode, src, tgt, src_sec, tgt_sec, cameo, joint, quiet = ([] for _ in range(10))
    covered = 0
    for case, evs in zip(cases, events, strict=True):
        top = top_event(evs)
        if not case.types:
            quiet.append(not evs)  # gold says: nothing to code here
            continue
        covered += bool(evs)
        type_top.append(top is not None and top.event_type in case.types)  # type: ignore[attr-defined]
        type_any.append(any(e.event_type in case.types for e in evs or []))  # type: ignore[attr-defined]
        if case.mode:
            mode.append(top is not None and _norm_mode(top.mode) == case.mode)  # type: ignore[attr-defined]
        actors = list(top.actors) if top is not None else []  # type: ignore[attr-defined]
        recipients = list(top.recipients) if top is not None else []  # type: ignore[attr-defined]
        if case.source_codes:
            src.append(bool(case.source_codes & _actor_codes(actors)))
        if case.target_codes:
            reciprocal = case.pairwise and not recipients and len(_actor_codes(actors)) >= 2
            tgt.append(bool(case.target_codes & _actor_codes(actors if reciprocal else recipients)))
        if case.source_sectors:
            src_sec.append(bool(case.source_sectors & _actor_sectors(actors)))
        if case.target_sectors:
            tgt_sec.append(bool(case.target_sectors & _actor_sectors(recipients)))
        if case.cameo_roots:
            root = top is not None and (top.cameo or "")[:2] in case.cameo_roots  # type: ignore[attr-defined]
            cameo.append(root)
            # PETRARCH-style agreement: the root and both actors' countries at once
            joint.append(root and (not case.source_codes or src[-1]) and (not case.target_codes or tgt[-1]))
    return {
        "type_accuracy": _share(type_top), "type_any": _share(type_any),
        "coverage": covered / len(type_top) if type_top else None, "mode_accuracy": _share(mode),
        "cameo_root": _share(cameo), "root_and_actors": _share(joint), "source_country": _share(src), "target_country": _share(tgt),
        "source_sector": _share(src_sec), "target_sector": _share(tgt_sec), "no_event_right": _share(quiet),
    }


def ngec_tables(cases: Sequence[Case], events: Sequence[Sequence[object] | None], table: Table) -> Table:
    """Fill the NGEC summary row; return the per-type table (one row per gold PLOVER type)."""
    pairs = []
    for case, evs in zip(cases, events, strict=True):
        top = top_event(evs)
        pairs.append((case.event_type, top.event_type if top is not None else None))  # type: ignore[attr-defined]
    labels = sorted({g for g, _ in pairs if g})
    stats = per_label_f1(pairs)
    table.rows.append(Row("dateline", "dateline", {
        "macro_f1": macro_f1(stats, labels), "accuracy": accuracy(pairs),
        "mode_accuracy": agreement(cases, events)["mode_accuracy"],
        "coverage": sum(p is not None for _, p in pairs) / len(pairs) if pairs else None,
    }))
    per_type = Table(f"{table.dataset} per type", ["f1", "precision", "recall", "support", "predicted"], n=table.n,
                     unit=table.unit, notes=["dateline's per-type scores; rows are gold PLOVER types."])
    for label in labels:
        prf = stats[label]
        per_type.rows.append(Row(label, "dateline", {"f1": prf.f1, "precision": prf.precision, "recall": prf.recall,
                                                     "support": int(prf.tp + prf.fn), "predicted": int(prf.tp + prf.fp)}))
    return per_type


def confusion_table(sets: dict[str, list[Case]], by_set: dict[str, list[list[object] | None]], top: int = 8) -> Table:
    """The commonest gold -> predicted type confusions of the main event, per dataset (docs/events-errors.md)."""
    counts: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in sets}
    for name, cases in sets.items():
        for case, evs in zip(cases, by_set[name], strict=True):
            if not case.types:
                continue
            main = top_event(evs)
            got = main.event_type if main is not None else "(none)"  # type: ignore[attr-defined]
            if got not in case.types:
                gold = case.event_type or sorted(case.types)[0]
                counts[name][(gold, got)] += 1
    total: Counter[tuple[str, str]] = Counter()
    for c in counts.values():
        total.update(c)
    table = Table("confusions", [*sets, "total"], n=sum(len(v) for v in sets.values()), unit="records",
                  notes=["Gold type → dateline's main event type, where they differ; '(none)': no event coded."])
    for (gold, got), n in total.most_common(top):
        table.rows.append(Row(f"{gold} → {got}", "dateline",
                              {**{name: counts[name][(gold, got)] for name in sets}, "total": n}))
    return table


RELIABILITY_BINS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability_table(sets: dict[str, list[Case]], by_set: dict[str, list[list[object] | None]]) -> Table:
    """Is `confidence` a probability? Per confidence bin of the main event: how often its type is the gold type.
    ECE = the records-weighted gap between mean confidence and accuracy."""
    points: list[tuple[float, bool]] = []
    for name, cases in sets.items():
        for case, evs in zip(cases, by_set[name], strict=True):
            main = top_event(evs)
            if case.types and main is not None:
                points.append((float(main.confidence), main.event_type in case.types))  # type: ignore[attr-defined]
    table = Table("reliability", ["records", "mean_confidence", "accuracy", "gap"], n=len(points), unit="main events",
                  notes=["Main events of every gold record with a type (all event sets pooled), binned by confidence."])
    ece = 0.0
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in points if lo <= c < hi]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(points) * abs(conf - acc)
        table.rows.append(Row(f"{lo:.1f}–{min(hi, 1.0):.1f}", "dateline",
                              {"records": len(inside), "mean_confidence": conf, "accuracy": acc, "gap": conf - acc}))
    if points:
        table.notes.append(f"Expected calibration error (ECE): {ece:.3f} over {len(points)} main events.")
    return table


def run(ctx: Context) -> SuiteResult:
    crosswalk = read_crosswalk(ctx.path("events", "plover-gsr", "CAMEO2PLOVER-2021.txt"))
    readers: dict[str, Callable[[], list[Case]]] = {
        "plover-gsr": lambda: read_plover_gsr(ctx.path("events", "plover-gsr", "PLOVER_GSR_CAMEO.txt")),
        "ngec-synthetic": lambda: read_ngec(ctx.path("events", "ngec-synthetic", NGEC_FILE)),
        "petrarch2-gsr": lambda: read_petrarch(ctx.path("events", "petrarch2", "PETR2_GSR_validation.xml"), crosswalk),
    }
    sets, missing = {}, []
    for name, read in readers.items():
        try:
            sets[name] = list(ctx.take(read()))
        except DataMissing as err:
            missing.append(str(err))
    result = _score(ctx, sets)
    result.skipped = "; ".join(missing) or None
    return result


def _score(ctx: Context, sets: dict[str, list[Case]]) -> SuiteResult:
    everything = [c for cases in sets.values() for c in cases]
    try:
        coded, failures, first_error = code_cases(ctx, everything)
    except Exception as err:  # the pipeline itself does not load: report it in every table, do not crash
        tables = [Table(name, [], n=len(cases)) for name, cases in sets.items()]
        for table in tables:
            table.rows.append(failed_row("dateline", err))
        return SuiteResult("events", tables)
    by_set: dict[str, list[list[object] | None]] = {name: [] for name in sets}
    for case, evs in zip(everything, coded, strict=True):
        by_set[case.dataset].append(evs)
    def failed(name: str) -> list[str]:
        n = sum(evs is None for evs in by_set[name])
        return [f"{n} texts failed in the pipeline and count as no events (first: {first_error})."] if n else []

    how = ("A gold record is compared with dateline's main event (highest salience, then confidence, then earliest); "
           "type_any: any of its events has the gold type. Actor agreement: a gold source/target code is among the "
           "top event's actor/recipient countries (IGO/NGO: actor kind; IMG: a named armed group the KB gives no "
           "state); sector: first three letters.")

    tables = []
    if "plover-gsr" in sets:
        gsr = Table("plover-gsr", ["type_accuracy", "type_any", "coverage", "source_country", "target_country",
                                   "source_sector", "target_sector"],
                    n=len(sets["plover-gsr"]), unit="records",
                    notes=[how, "Old PLOVER labels mapped: " + ", ".join(f"{k}→{v}" for k, v in LEGACY_PLOVER.items()),
                           "Old CAMEO country codes mapped to ISO 3166: "
                           + ", ".join(f"{k}→{v}" for k, v in LEGACY_COUNTRY_CODES.items())]
                    + failed("plover-gsr"))
        gsr.rows.append(Row("dateline", "dateline", agreement(sets["plover-gsr"], by_set["plover-gsr"])))
        tables.append(gsr)
    if "ngec-synthetic" in sets:
        ngec = Table("ngec-synthetic", ["macro_f1", "accuracy", "mode_accuracy", "coverage"],
                     n=len(sets["ngec-synthetic"]), unit="stories",
                     notes=["Story label = type of dateline's main event (see above); macro-F1 over the gold PLOVER types; "
                            "mode accuracy over stories with a gold mode."]
                     + failed("ngec-synthetic"))
        per_type = ngec_tables(sets["ngec-synthetic"], by_set["ngec-synthetic"], ngec)
        tables += [ngec, per_type]
    if "petrarch2-gsr" in sets:
        petr = Table("petrarch2-gsr", ["root_and_actors", "cameo_root", "type_accuracy", "source_country", "target_country",
                                       "no_event_right", "coverage"],
                     n=len(sets["petrarch2-gsr"]), unit="sentences",
                     notes=[how, "root_and_actors: the CAMEO root and both actors' countries agree at once (the acceptance "
                            "figure). PETRARCH codes a reciprocal act ('A and B met') as directed pairs; an event "
                            "of ours with two or more actors and no recipient offers those actors for the target "
                            "slot. '---' (PETRARCH found no actor) is not graded; cameo_root: the top event's CAMEO root is a gold root; type_accuracy: its PLOVER "
                            "type is what CAMEO2PLOVER-2021 gives for a gold code; no_event_right over sentences the "
                            "gold leaves uncoded. PETRARCH-2 is the reference coder (its own output is the gold)."]
                     + failed("petrarch2-gsr"))
        petr.rows.append(Row("dateline", "dateline", agreement(sets["petrarch2-gsr"], by_set["petrarch2-gsr"])))
        tables.append(petr)
    if sets:
        tables += [confusion_table(sets, by_set), reliability_table(sets, by_set)]
    return SuiteResult("events", tables)
