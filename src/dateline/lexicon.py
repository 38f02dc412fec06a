"""Loads and validates the PLOVER ontology and the event-trigger lexicon (bundled files plus user extras)."""

from __future__ import annotations

import functools
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

ENV_EXTRA = "DATELINE_LEXICON_EXTRA"
PLOVER_FILE = "plover.json"
TRIGGERS_FILE = "triggers.json"

TriggerKind = Literal["verb", "noun", "phrase"]
KINDS: tuple[str, ...] = ("verb", "noun", "phrase")
_CAMEO_RE = re.compile(r"^[0-9]{2,4}$")
_ENTRY_KEYS = frozenset(
    {
        "kind",
        "lemma",
        "phrase",
        "particle",
        "object",
        "complement",
        "modifier",
        "type",
        "mode",
        "cameo",
        "recipient_preps",
        "reversed_roles",
        "weight",
        "note",
        "remove",
    }
)


class LexiconError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


# --------------------------------------------------------------------------- PLOVER ontology


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER types, modes, contexts and CAMEO crosswalk from plover.json."""

    data: dict[str, Any]

    @property
    def types(self) -> dict[str, dict[str, Any]]:
        return self.data["types"]

    @property
    def contexts(self) -> list[str]:
        return self.data["contexts"]

    def modes(self, event_type: str) -> dict[str, dict[str, Any]]:
        return self.types[event_type]["modes"]

    def has_mode(self, event_type: str, mode: str | None) -> bool:
        return mode is None or mode in self.types.get(event_type, {}).get("modes", {})

    def cameo_for(self, event_type: str, mode: str | None = None) -> str:
        """The CAMEO code that best stands for a PLOVER type (and mode)."""
        spec = self.types.get(normalize_type(event_type, self))
        if spec is None:
            raise KeyError(f"unknown PLOVER type {event_type!r}")
        if mode is not None and mode in spec["modes"]:
            return spec["modes"][mode]["cameo"]
        return spec["default_cameo"]

    def plover_for_cameo(self, code: str) -> tuple[str, str | None] | None:
        """(type, mode) for a CAMEO code; unknown 4- and 3-digit codes fall back to their parent.

        None means PLOVER drops the code (CAMEO 01 public statements) or it is not a CAMEO code.
        """
        entry = self._crosswalk_entry(code)
        return (entry[0], entry[1]) if entry else None

    def contexts_for_cameo(self, code: str) -> list[str]:
        entry = self._crosswalk_entry(code)
        return list(entry[2]) if entry and len(entry) > 2 else []

    def _crosswalk_entry(self, code: str) -> list[Any] | None:
        code = str(code).strip()
        table = self.data["cameo_to_plover"]
        while code:
            if code in table:
                return table[code]
            if len(code) <= 2:
                return None
            code = code[:-1]
        return None

    def intent_code(self, code: str | None) -> str | None:
        """CAMEO's 03 'express intent' code for an act's code (0841 release -> 0353), or None if CAMEO has none."""
        table = self.data.get("cameo_intents", {})
        code = str(code or "").strip()
        while len(code) >= 2:
            if code in table:
                return table[code]
            code = code[:-1]
        return None

    def legacy(self, label: str) -> tuple[str | None, str | None]:
        """Map an old-draft PLOVER label (FIGHT, DEMAND, DISAPPROVE ...) to the current (type, mode)."""
        label = label.strip().upper()
        if label in self.types:
            return label, None
        if label in self.data["legacy_labels"]:
            return self.data["legacy_labels"][label], self.data.get("legacy_label_modes", {}).get(label)
        raise KeyError(f"unknown PLOVER label {label!r}")

    def normalize_mode(self, event_type: str, mode: str | None) -> str | None:
        """A mode of the current codebook for a possibly old mode name (assassinate -> targeted)."""
        if mode is None or self.has_mode(event_type, mode):
            return mode
        key = f"{event_type}:{mode}"
        if key in self.data.get("legacy_modes", {}):
            return self.data["legacy_modes"][key]
        raise KeyError(f"unknown mode {mode!r} for {event_type}")


def normalize_type(label: str, plover: Plover | None = None) -> str:
    """The current PLOVER type for a current or legacy label."""
    plover = plover or load_plover()
    mapped, _ = plover.legacy(label)
    if mapped is None:
        raise KeyError(f"PLOVER label {label!r} has no current equivalent")
    return mapped


def _parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(
            f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc


def _read_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc})") from exc
    return _parse_json(text, str(path))


def _bundled(name: str) -> str:
    return resources.files("dateline").joinpath("data", name).read_text(encoding="utf-8")


def validate_plover(data: Any, name: str = PLOVER_FILE) -> None:
    """Check the ontology file is internally consistent; raise LexiconError naming the bad part."""
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: top level must be an object")
    for key in ("version", "types", "contexts", "cameo_to_plover", "legacy_labels"):
        if key not in data:
            raise LexiconError(f"{name}: missing key {key!r}")
    types = data["types"]
    for tname, spec in types.items():
        where = f"{name}: types.{tname}"
        if tname != tname.upper():
            raise LexiconError(f"{where}: type names are upper case")
        for key in ("description", "cameo_root", "default_cameo", "recipient_preps", "modes"):
            if key not in spec:
                raise LexiconError(f"{where}: missing {key!r}")
        if not str(spec["default_cameo"]).startswith(spec["cameo_root"]):
            raise LexiconError(
                f"{where}: default_cameo {spec['default_cameo']} is not under root {spec['cameo_root']}"
            )
        for mname, mspec in spec["modes"].items():
            if not _CAMEO_RE.match(str(mspec.get("cameo", ""))):
                raise LexiconError(f"{where}.modes.{mname}: cameo must be a 2-4 digit string")
    crosswalk = data["cameo_to_plover"]
    for code, intent in data.get("cameo_intents", {}).items():
        if not (_CAMEO_RE.match(code) and _CAMEO_RE.match(str(intent)) and str(intent).startswith("03")):
            raise LexiconError(f"{name}: cameo_intents[{code!r}] must map a CAMEO code to an 03x code")
    for code, entry in crosswalk.items():
        where = f"{name}: cameo_to_plover[{code!r}]"
        if not _CAMEO_RE.match(code):
            raise LexiconError(f"{where}: not a CAMEO code")
        if entry is None:
            continue
        if not isinstance(entry, list) or len(entry) not in (2, 3):
            raise LexiconError(f"{where}: must be null or [type, mode, contexts?]")
        etype, mode = entry[0], entry[1]
        if etype not in types:
            raise LexiconError(f"{where}: unknown type {etype!r}")
        if mode is not None and mode not in types[etype]["modes"]:
            raise LexiconError(f"{where}: mode {mode!r} is not a mode of {etype}")
        for ctx in entry[2] if len(entry) == 3 else []:
            if ctx not in data["contexts"]:
                raise LexiconError(f"{where}: unknown context {ctx!r}")
    for tname, spec in types.items():
        for code in [spec["default_cameo"], *(m["cameo"] for m in spec["modes"].values())]:
            if code not in crosswalk:
                raise LexiconError(f"{name}: types.{tname} uses CAMEO {code} which is not in cameo_to_plover")
    for old, new in data["legacy_labels"].items():
        if new is not None and new not in types:
            raise LexiconError(f"{name}: legacy_labels[{old!r}] points to unknown type {new!r}")
    for old, mode in data.get("legacy_label_modes", {}).items():
        if mode not in types.get(data["legacy_labels"].get(old), {}).get("modes", {}):
            raise LexiconError(f"{name}: legacy_label_modes[{old!r}] is not a mode of its new type")
    for key, mode in data.get("legacy_modes", {}).items():
        etype = key.split(":", 1)[0]
        if etype not in types or (mode is not None and mode not in types[etype]["modes"]):
            raise LexiconError(f"{name}: legacy_modes[{key!r}] -> {mode!r} is not a current mode")


@functools.lru_cache(maxsize=1)
def load_plover() -> Plover:
    """The bundled PLOVER ontology, validated, cached per process."""
    data = _parse_json(_bundled(PLOVER_FILE), PLOVER_FILE)
    validate_plover(data)
    return Plover(data)


def cameo_for(event_type: str, mode: str | None = None) -> str:
    return load_plover().cameo_for(event_type, mode)


def plover_for_cameo(code: str) -> tuple[str, str | None] | None:
    return load_plover().plover_for_cameo(code)


def intent_code(code: str | None) -> str | None:
    return load_plover().intent_code(code)


# --------------------------------------------------------------------------- triggers


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: the words that signal an event of a PLOVER type (and mode)."""

    kind: str
    lemma: str
    words: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    complement: str | None = None
    modifiers: frozenset[str] = frozenset()
    recipient_preps: tuple[str, ...] = ()
    # the subject is acted on and the recipient preposition's party acts ('received arms from X')
    reversed_roles: bool = False
    weight: float = 1.0
    note: str | None = None
    source: str = TRIGGERS_FILE
    alias_of: str | None = None  # set on copies made for a tagger's lemma variant (see lemma_aliases)

    @property
    def phrase(self) -> str | None:
        return " ".join(self.words) if self.kind == "phrase" else None

    @property
    def key(self) -> tuple[Any, ...]:
        """Identity for overriding: same words and same constraints."""
        return (self.kind, self.words, self.particle, self.objects, self.complement, self.modifiers)

    @property
    def specificity(self) -> int:
        """How many constraints the entry carries; the coder prefers the most specific match."""
        return (
            (len(self.words) - 1)
            + (self.particle is not None)
            + bool(self.objects)
            + (self.complement is not None)
            + bool(self.modifiers)
        )

    def accepts(
        self,
        *,
        particles: Iterable[str] = (),
        objects: Iterable[str] = (),
        complements: Iterable[str] = (),
        modifiers: Iterable[str] = (),
    ) -> bool:
        """True when every constraint of the entry is met by the lemmas found around the head."""
        if self.particle is not None and self.particle not in set(particles):
            return False
        if self.objects and not (self.objects & set(objects)):
            return False
        if self.complement is not None and self.complement not in set(complements):
            return False
        return not (self.modifiers and not (self.modifiers & set(modifiers)))


@dataclass(slots=True)
class TriggerIndex:
    """Triggers indexed for O(1) look-up by (kind, head lemma); phrases by their first lemma."""

    plover: Plover
    _by_key: dict[tuple[str, str], list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    _phrases: dict[str, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    _all: dict[tuple[Any, ...], Trigger] = field(default_factory=dict)
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)

    def expand_aliases(self) -> None:
        """Copy each aliased lemma's entries under the lemma the tagger actually produces.

        en_core_web_sm lemmatises some inflected forms wrongly ("staged" -> "stag", "fined" -> "fin");
        the copies let a plain (kind, token lemma) look-up still find the entry.
        """
        for (kind, alias), lemma in self.aliases.items():
            for trig in [
                t for t in self._all.values() if t.kind == kind and t.lemma == lemma and t.alias_of is None
            ]:
                self.add(replace(trig, lemma=alias, words=(alias,), alias_of=lemma))

    def add(self, trig: Trigger) -> None:
        """Add an entry; an entry with the same words and constraints replaces the earlier one."""
        old = self._all.get(trig.key)
        if old is not None:
            self._discard(old)
        self._all[trig.key] = trig
        if trig.kind == "phrase":
            bucket = self._phrases[trig.words[0]]
            bucket.append(trig)
            bucket.sort(key=lambda t: (-len(t.words), -t.weight))
        else:
            bucket = self._by_key[(trig.kind, trig.lemma)]
            bucket.append(trig)
            bucket.sort(key=lambda t: (-t.specificity, -t.weight))

    def remove(self, key: tuple[Any, ...]) -> bool:
        old = self._all.pop(key, None)
        if old is None:
            return False
        self._discard(old)
        return True

    def _discard(self, trig: Trigger) -> None:
        bucket = (
            self._phrases[trig.words[0]] if trig.kind == "phrase" else self._by_key[(trig.kind, trig.lemma)]
        )
        bucket.remove(trig)

    def lookup(self, kind: str, lemma: str) -> list[Trigger]:
        """Every verb or noun entry for a head lemma, most specific first (constraints not checked)."""
        return list(self._by_key.get((kind, lemma.lower()), ()))

    def select(
        self,
        kind: str,
        lemma: str,
        *,
        particles: Iterable[str] = (),
        objects: Iterable[str] = (),
        complements: Iterable[str] = (),
        modifiers: Iterable[str] = (),
    ) -> list[Trigger]:
        """Entries for a head whose constraints the surrounding lemmas satisfy, most specific first."""
        parts, objs, comps, mods = (frozenset(x) for x in (particles, objects, complements, modifiers))
        return [
            t
            for t in self._by_key.get((kind, lemma.lower()), ())
            if t.accepts(particles=parts, objects=objs, complements=comps, modifiers=mods)
        ]

    def phrases_starting(self, lemma: str) -> list[Trigger]:
        """Phrase entries whose first lemma is `lemma`, longest first."""
        return list(self._phrases.get(lemma.lower(), ()))

    def match_phrases(
        self, lemmas: Sequence[str], start: int, texts: Sequence[str] | None = None
    ) -> list[Trigger]:
        """Phrase entries that match at `start`, longest first.

        A phrase word matches a token when it equals the token's lemma or, if `texts` is given, its
        lower-cased text: the tagger sometimes lemmatises inside fixed phrases ("memorandum of
        understanding" -> "understand"), and the surface form keeps those phrases matchable.
        """
        first = {lemmas[start].lower()} | ({texts[start].lower()} if texts is not None else set())
        if self._phrases.keys().isdisjoint(first):
            return []  # the common case: no phrase opens with this word
        out = []
        candidates = {id(t): t for w in first for t in self._phrases.get(w, ())}
        for trig in sorted(candidates.values(), key=lambda t: (-len(t.words), -t.weight)):
            n = len(trig.words)
            if start + n > len(lemmas):
                continue
            if all(
                word == lemmas[start + k].lower() or (texts is not None and word == texts[start + k].lower())
                for k, word in enumerate(trig.words)
            ):
                out.append(trig)
        return out

    def match_token(self, tok: Any) -> list[Trigger]:
        """Entries for a parsed spaCy token, constraints read from its children as docs/plover.md says.

        Verbs are VERB/AUX tokens, nouns are common nouns only (a PROPN "March" is a month, not a march).
        """
        kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ == "NOUN" else None
        if kind is None or (kind, tok.lemma_.lower()) not in self._by_key:
            return []  # no entry for this head: its children need not be read
        return self.select(kind, tok.lemma_, **token_context(tok))

    def lemmas(self, kind: str) -> set[str]:
        if kind == "phrase":
            return {w for w, b in self._phrases.items() if b}
        return {lemma for (k, lemma), b in self._by_key.items() if k == kind and b}

    def by_type(self) -> dict[str, list[Trigger]]:
        out: dict[str, list[Trigger]] = defaultdict(list)
        for trig in self._all.values():
            if trig.alias_of is None:
                out[trig.type].append(trig)
        return dict(out)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self._all.values())

    def __len__(self) -> int:
        return len(self._all)


# Dependency labels that carry each kind of constraint (spaCy's English labels).
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "advmod"})  # the parser often tags 'down'/'out' as advmod
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "xcomp", "ccomp"})
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "advmod", "xcomp", "ccomp"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def token_context(tok: Any) -> dict[str, list[str]]:
    """Lemmas around a head token: particles, objects, complements and modifiers.

    Objects include the object of any preposition under the head, so an entry with particle "from"
    and object "treaty" matches "withdrew from the treaty", and a noun entry with object "prisoner"
    matches "release of prisoners".
    """
    ctx: dict[str, list[str]] = {"particles": [], "objects": [], "complements": [], "modifiers": []}
    for child in tok.children:
        lemma = child.lemma_.lower()
        if child.dep_ in PARTICLE_DEPS:
            ctx["particles"].append(lemma)
            ctx["objects"].extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        if child.dep_ in OBJECT_DEPS:
            ctx["objects"].append(lemma)
        if child.dep_ in COMPLEMENT_DEPS:
            ctx["complements"].append(lemma)
        if child.dep_ in MODIFIER_DEPS:
            ctx["modifiers"].append(lemma)
    return ctx


def _as_set(value: Any, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: {key!r} must be a string or a list of strings")
    return frozenset(v.strip().lower() for v in value)


def _opt_str(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise LexiconError(f"{where}: {key!r} must be a non-empty string")
    return value.strip().lower()


def parse_trigger(entry: Any, plover: Plover, where: str, source: str = TRIGGERS_FILE) -> Trigger:
    """Validate one raw entry and build a Trigger; `where` names the file and position for errors."""
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: entry must be an object")
    label = entry.get("phrase") or entry.get("lemma")
    where = f"{where} ({entry.get('kind')} {label!r})"
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise LexiconError(f"{where}: kind must be one of {list(KINDS)}, got {kind!r}")
    if kind == "phrase":
        phrase = _opt_str(entry, "phrase", where)
        if phrase is None:
            raise LexiconError(f"{where}: a phrase entry needs 'phrase'")
        words = tuple(phrase.split())
        if len(words) < 2:
            raise LexiconError(f"{where}: a phrase needs two or more words; use kind verb or noun")
        lemma = words[0]
    else:
        lemma_opt = _opt_str(entry, "lemma", where)
        if lemma_opt is None:
            raise LexiconError(f"{where}: a {kind} entry needs 'lemma'")
        if " " in lemma_opt:
            raise LexiconError(f"{where}: lemma must be one word; use 'particle', 'object' or kind 'phrase'")
        lemma, words = lemma_opt, (lemma_opt,)
    etype = entry.get("type")
    if etype not in plover.types:
        raise LexiconError(f"{where}: unknown PLOVER type {etype!r} (known: {', '.join(plover.types)})")
    mode = entry.get("mode")
    if mode is not None and mode not in plover.modes(etype):
        raise LexiconError(
            f"{where}: mode {mode!r} is not a mode of {etype} (modes: {list(plover.modes(etype))})"
        )
    cameo = entry.get("cameo")
    if cameo is None:
        cameo = plover.cameo_for(etype, mode)
    if not isinstance(cameo, str) or not _CAMEO_RE.match(cameo):
        raise LexiconError(f"{where}: cameo must be a 2-4 digit string, got {cameo!r}")
    mapped = plover.data["cameo_to_plover"].get(cameo, False)
    if mapped is False:
        raise LexiconError(f"{where}: CAMEO {cameo} is not in the crosswalk of {PLOVER_FILE}")
    # The code must belong to the entry's type, unless it is the type/mode's own designated code
    # (RETREAT:resign -> 0831 is filed under CONCEDE by the crosswalk).
    if (mapped is None or mapped[0] != etype) and cameo != plover.cameo_for(etype, mode):
        raise LexiconError(
            f"{where}: CAMEO {cameo} belongs to {mapped[0] if mapped else 'no PLOVER type'}, not {etype}"
        )
    weight = entry.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0 < weight <= 1:
        raise LexiconError(f"{where}: weight must be a number in (0, 1]")
    preps = entry.get("recipient_preps")
    if preps is None:
        preps = plover.types[etype]["recipient_preps"]
    if not isinstance(preps, list) or not all(isinstance(p, str) for p in preps):
        raise LexiconError(f"{where}: recipient_preps must be a list of strings")
    objects = _as_set(entry.get("object"), where, "object")
    modifiers = _as_set(entry.get("modifier"), where, "modifier")
    if kind == "verb" and modifiers:
        raise LexiconError(f"{where}: 'modifier' applies to nouns; use 'object' or 'particle' on verbs")
    if kind == "phrase" and (objects or modifiers or entry.get("particle") or entry.get("complement")):
        raise LexiconError(f"{where}: phrase entries take no particle/object/complement/modifier constraints")
    single = {lemma if kind != "phrase" else "", *objects, *modifiers}
    single |= {_opt_str(entry, "particle", where) or "", _opt_str(entry, "complement", where) or ""}
    if any("-" in w for w in single):
        # The tokenizer splits "sit-in" into three tokens, so a hyphenated single word never matches.
        raise LexiconError(f"{where}: hyphenated words never match one token; write a phrase like 'sit - in'")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise LexiconError(f"{where}: note must be a string")
    reversed_roles = entry.get("reversed_roles", False)
    if not isinstance(reversed_roles, bool):
        raise LexiconError(f"{where}: reversed_roles must be true or false")
    return Trigger(
        kind=kind,
        lemma=lemma,
        words=words,
        type=etype,
        mode=mode,
        cameo=cameo,
        particle=_opt_str(entry, "particle", where),
        objects=objects,
        complement=_opt_str(entry, "complement", where),
        modifiers=modifiers,
        recipient_preps=tuple(p.lower() for p in preps),
        reversed_roles=reversed_roles,
        weight=float(weight),
        note=note,
        source=source,
    )


def _entries_of(data: Any, name: str) -> list[Any]:
    # A user file may be a bare list of entries or {"triggers": [...]}.
    if isinstance(data, dict) and "triggers" in data:
        data = data["triggers"]
    if not isinstance(data, list):
        raise LexiconError(f"{name}: expected a JSON list of trigger entries (or an object with 'triggers')")
    return data


def _add_aliases(index: TriggerIndex, data: Any, name: str) -> None:
    aliases = data.get("lemma_aliases", {}) if isinstance(data, dict) else {}
    if not isinstance(aliases, dict):
        raise LexiconError(f"{name}: lemma_aliases must map a kind to {{tagger lemma: lexicon lemma}}")
    for kind, table in aliases.items():
        if kind not in ("verb", "noun") or not isinstance(table, dict):
            raise LexiconError(f"{name}: lemma_aliases[{kind!r}] must be an object under 'verb' or 'noun'")
        for alias, lemma in table.items():
            if not isinstance(lemma, str) or not isinstance(alias, str) or " " in alias.strip():
                raise LexiconError(
                    f"{name}: lemma_aliases[{kind!r}][{alias!r}] must map one word to one lemma"
                )
            index.aliases[(kind, alias.strip().lower())] = lemma.strip().lower()


def _add_file(index: TriggerIndex, data: Any, name: str) -> None:
    _add_aliases(index, data, name)
    seen: dict[tuple[Any, ...], int] = {}
    for i, raw in enumerate(_entries_of(data, name)):
        where = f"{name} entry {i}"
        trig = parse_trigger(
            {k: v for k, v in raw.items() if k != "remove"} if isinstance(raw, dict) else raw,
            index.plover,
            where,
            source=name,
        )
        if trig.key in seen:
            # Within one file a repeated key is a mistake; across files it is an intended override.
            raise LexiconError(f"{where}: duplicates entry {seen[trig.key]} (same words and constraints)")
        seen[trig.key] = i
        if isinstance(raw, dict) and raw.get("remove"):
            # {"remove": true} lets a user drop a bundled entry they find too greedy.
            if not index.remove(trig.key):
                raise LexiconError(f"{where}: 'remove' names no existing entry")
            continue
        index.add(trig)


def extra_paths_from_env() -> list[Path]:
    raw = os.environ.get(ENV_EXTRA, "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


def load_triggers(extra: Iterable[str | os.PathLike[str]] | None = None) -> TriggerIndex:
    """The bundled trigger lexicon plus any extra files (later files override earlier entries).

    Extra files come from `extra` and then from $DATELINE_LEXICON_EXTRA (os.pathsep-separated).
    """
    paths = tuple(str(Path(p)) for p in (extra or ())) + tuple(str(p) for p in extra_paths_from_env())
    return _load_triggers_cached(paths)


@functools.lru_cache(maxsize=8)
def _load_triggers_cached(paths: tuple[str, ...]) -> TriggerIndex:
    from . import cache

    return cache.cached("triggers", lambda: _build_triggers(paths), [Path(p) for p in paths])


def _build_triggers(paths: tuple[str, ...]) -> TriggerIndex:
    plover = load_plover()
    index = TriggerIndex(plover)
    _add_file(index, _parse_json(_bundled(TRIGGERS_FILE), TRIGGERS_FILE), TRIGGERS_FILE)
    for p in paths:
        path = Path(p)
        _add_file(index, _read_file(path), str(path))
    for (kind, alias), lemma in index.aliases.items():
        if index.lookup(kind, alias):
            raise LexiconError(
                f"lemma alias {alias!r} -> {lemma!r} clashes with existing {kind} entries for {alias!r}"
            )
        if not index.lookup(kind, lemma):
            raise LexiconError(f"lemma alias {alias!r} points to {lemma!r}, which has no {kind} entries")
    index.expand_aliases()
    return index


@dataclass(frozen=True, slots=True)
class Lexicon:
    plover: Plover
    triggers: TriggerIndex


def load_lexicon(extra_paths: Iterable[str | os.PathLike[str]] | None = None) -> Lexicon:
    """Ontology and triggers together, the way the event coder uses them."""
    return Lexicon(load_plover(), load_triggers(extra_paths))


def clear_cache() -> None:
    """Forget loaded files (tests, or after editing a user file in a long-running process)."""
    load_plover.cache_clear()
    _load_triggers_cached.cache_clear()


__all__ = [
    "ENV_EXTRA",
    "Lexicon",
    "LexiconError",
    "Plover",
    "Trigger",
    "TriggerIndex",
    "cameo_for",
    "clear_cache",
    "load_lexicon",
    "load_plover",
    "load_triggers",
    "intent_code",
    "normalize_type",
    "parse_trigger",
    "plover_for_cameo",
    "token_context",
    "validate_plover",
]
