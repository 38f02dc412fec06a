"""Fuzz the whole pipeline: raw bytes -> ingest.read_bytes -> pipeline.analyse, under the time budget.

A seeded mutation fuzzer (not coverage-guided; atheris does not build here): it mutates the project's own
example articles (examples/, tests/demo_articles.py) with byte flips, truncation, encoding swaps, tag soup,
huge repeats, binary blobs, nulls, RTL and emoji runs, control characters and run-on lines, and mixes in
purely random inputs. Every output is validated against the pydantic model and checked with
guards.span_errors (every offset points at its own words).

Outcomes per input: ok, refused (InputError: bad input, size cap, DocumentRefused), budget (time budget
exceeded), invalid (output breaks the model or an offset), crash (any other exception). Crashing and
invalid inputs are saved to --out for replay:

    nice .venv/bin/python scripts/fuzz.py -n 10000 --seed 1 --out fuzz-crashes
    .venv/bin/python scripts/fuzz.py --replay fuzz-crashes
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/demo_articles.py is one of the seed sources

from dateline import guards, pipeline  # noqa: E402
from dateline.ingest import InputError, read_bytes  # noqa: E402
from dateline.models import EventDocument  # noqa: E402

Mutator = Callable[[random.Random, bytes], bytes]


def seed_inputs() -> list[tuple[str, bytes]]:
    """(file name, bytes) of the project's own articles: examples/ files and the demo articles as text."""
    seeds = [(p.name, p.read_bytes()) for p in sorted((ROOT / "examples").iterdir())
             if p.suffix in (".txt", ".html", ".jsonl", ".json")]
    from tests.demo_articles import demo_documents

    for i, out in enumerate(demo_documents()):
        doc = out.document
        seeds.append((f"demo{i}.txt", f"{doc.title or ''}\n{doc.published or ''}\n\n{doc.text}\n".encode()))
        paras = "".join(f"<p>{p}</p>" for p in doc.text.split("\n\n"))
        seeds.append((f"demo{i}.html", f"<html><head><title>{doc.title}</title></head><body><article>"
                                       f"<h1>{doc.title}</h1>{paras}</article></body></html>".encode()))
    return seeds


# -- mutators: each takes and returns bytes ---------------------------------------------------------

_TAGS = ["<p>", "</p>", "<div>", "</div>", "<script>var x = '</p>';", "</script>", "<!--", "-->", "<br>",
         "<table><tr><td>", "</td></tr></table>", "<b><i>", "</b>", "<![CDATA[", "]]>", "<style>p{}</style>",
         "<a href='javascript:alert(1)'>", "</a>", "<html>", "<body>", "<!DOCTYPE html>", "<meta charset=koi8-r>",
         "<h1>", "</h1>", "<li>", "<svg><foreignObject>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<<<>>>", "<p <p"]
_RTL = ["\u202e", "\u202b", "\u200f", "\u061c", "مظاهرات في القاهرة", "הפגנה בירושלים", "\u2067", "\u2069"]
_EMOJI = ["🔥", "👩‍👩‍👧‍👦", "🇺🇦", "\u200d", "\ufe0f", "e\u0301\u0301\u0301", "𝕿𝖍𝖊", "\U0010ffff", "\ufeff", "ﷺ"]
_CONTROL = [chr(c) for c in (*range(0, 32), 127, *range(0x80, 0xA0))] + ["\u2028", "\u2029", "\x85"]
_ENCODINGS = ["cp1252", "latin-1", "utf-16", "utf-16-le", "utf-32", "shift_jis", "koi8-r", "cp1250", "gb18030",
              "utf-8-sig", "mac_roman", "iso8859_7"]


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data or b"x")
    for _ in range(rng.choice([1, 2, 8, 64])):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def window(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data) + 1)
    return data[start : start + rng.choice([50, 300, 1500, 4000])]


def swap_encoding(rng: random.Random, data: bytes) -> bytes:
    return _text(data).encode(rng.choice(_ENCODINGS), errors="replace")


def tag_soup(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randrange(1, 40)):
        data = _insert(rng, data, rng.choice(_TAGS).encode())
    return data


def huge_repeat(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data) + 1)
    piece = data[start : start + rng.choice([1, 7, 80, 600])] or b"a"
    return _insert(rng, data, piece * rng.choice([100, 2000, 20000, 200000 // len(piece) + 1]))


def binary_blob(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, rng.randbytes(rng.choice([4, 64, 2048])))


def nulls(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randrange(1, 10)):
        data = _insert(rng, data, b"\x00" * rng.choice([1, 3, 5000]))
    return data


def _unicode_runs(pool: list[str]) -> Mutator:
    def mutate(rng: random.Random, data: bytes) -> bytes:
        text = _text(data)
        for _ in range(rng.randrange(1, 30)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pool) * rng.choice([1, 1, 3, 50]) + text[at:]
        return text.encode("utf-8", errors="surrogatepass")
    return mutate


def long_lines(rng: random.Random, data: bytes) -> bytes:
    """Sentence punctuation and line breaks gone: the run-on text that made the event coder quadratic."""
    text = _text(data).replace("\n", " ")
    if rng.random() < 0.5:
        text = text.replace(". ", " ").replace("? ", " ").replace("! ", " ")
    return text.encode()


def huge_token(rng: random.Random, data: bytes) -> bytes:
    return _insert(rng, data, b" " + rng.choice([b"x", b"ab-", b"9", b"\xc3\xa9", b"http://a.b/"]) * 60000 + b" ")


def splice(rng: random.Random, data: bytes) -> bytes:
    other = rng.choice(SEEDS)[1]
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]


def as_json(rng: random.Random, data: bytes) -> bytes:
    text = _text(data)
    record: dict[str, object] = {rng.choice(["text", "html", "content", "body"]): text}
    if rng.random() < 0.7:
        record["title"] = rng.choice([None, "", 7, ["a"], text[:80], "\u202e" * 3])
        record["published"] = rng.choice([None, "", "2023-02-30", "yesterday", 20230101, "0000-00-00",
                                          "9999-12-31T25:61", "2023-06-01", "June 31, 2023"])
        record["url"] = rng.choice([None, "", "not a url", "https://ex.org/a", "http://[::1", 5])
    dumped = json.dumps(record, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.5:
        return (dumped + "\n" + dumped[: rng.randrange(len(dumped) + 1)] + "\n").encode()
    return dumped.encode()


MUTATORS: list[Mutator] = [
    flip_bytes, truncate, window, window, swap_encoding, tag_soup, huge_repeat, binary_blob, nulls,
    _unicode_runs(_RTL), _unicode_runs(_EMOJI), _unicode_runs(_CONTROL), long_lines, huge_token, splice, as_json,
]


def random_input(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    size = rng.choice([0, 1, 10, 200, 3000, 50000])
    if kind == 0:
        return rng.randbytes(size)
    if kind == 1:  # any code point, lone surrogates included
        return "".join(chr(rng.randrange(0x110000)) for _ in range(size)).encode("utf-8", "surrogatepass")
    if kind == 2:  # printable words, no structure
        letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,;:'\"!?()-\n0123456789"
        return "".join(rng.choice(letters) for _ in range(size)).encode()
    return bytes(rng.choice(b"<>/ \n\"'=&;#") for _ in range(size))


_NAMES = ["in.txt", "in.html", "in.json", "in.jsonl", "in", "in.htm", "in.ndjson"]


def make_input(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.15:
        name, data = rng.choice(_NAMES), random_input(rng)
    else:
        name, data = rng.choice(SEEDS)
        for _ in range(rng.choice([1, 1, 2, 3, 4])):
            data = rng.choice(MUTATORS)(rng, data)
        if rng.random() < 0.2:
            name = rng.choice(_NAMES)
    if rng.random() < 0.03:
        data = gzip.compress(data)[: None if rng.random() < 0.7 else rng.randrange(40)]
        name += ".gz"
    return name, data


def run_one(name: str, data: bytes, budget: float) -> tuple[str, str, int]:
    """Outcome, detail (traceback or problems) and the number of articles read from one input."""
    try:
        raws = list(read_bytes(data, name))
    except InputError as exc:
        return "refused", str(exc), 0
    except Exception:  # noqa: BLE001 - the point of the fuzzer
        return "crash", traceback.format_exc(), 0
    outcome, detail = "ok", ""
    for raw in raws:
        try:
            # CPU seconds: on the shared machine wall time measured the neighbours' load, not the input's cost.
            out = guards.within_budget(pipeline.analyse, raw, seconds=budget, cpu=True)
        except guards.TimeBudgetExceeded as exc:
            outcome, detail = "budget", str(exc)
            continue
        except InputError as exc:
            outcome, detail = ("refused", str(exc)) if outcome == "ok" else (outcome, detail)
            continue
        except Exception:  # noqa: BLE001
            return "crash", traceback.format_exc(), len(raws)
        try:
            EventDocument.model_validate_json(out.model_dump_json())
        except Exception:  # noqa: BLE001
            return "invalid", traceback.format_exc(), len(raws)
        problems = guards.span_errors(out)
        if problems:
            return "invalid", "\n".join(problems[:20]), len(raws)
    return outcome, detail, len(raws)


def save(folder: Path, name: str, data: bytes, outcome: str, detail: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(data).hexdigest()[:16]
    (folder / f"{key}.bin").write_bytes(data)
    (folder / f"{key}.json").write_text(json.dumps({"name": name, "outcome": outcome, "detail": detail}, indent=1))
    return key


def signature(detail: str) -> str:
    """The last frame in dateline plus the exception line: crashes with one cause share it."""
    lines = detail.strip().splitlines()
    frames = [ln.strip() for ln in lines if ln.strip().startswith("File ") and "dateline" in ln]
    return f"{frames[-1] if frames else ''} | {lines[-1] if lines else ''}"


def fuzz(n: int, seed: int, out: Path, budget: float, report_every: int) -> dict[str, object]:
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    saved: dict[str, str] = {}
    articles = 0
    slowest: list[tuple[float, str]] = []
    started = time.monotonic()
    for i in range(1, n + 1):
        name, data = make_input(rng)
        t0 = time.monotonic()
        outcome, detail, count = run_one(name, data, budget)
        took = time.monotonic() - t0
        slowest = sorted([*slowest, (round(took, 2), f"#{i} {name} {len(data)} bytes {outcome}")], reverse=True)[:5]
        outcomes[outcome] += 1
        articles += count
        if outcome in ("crash", "invalid", "budget"):
            key = save(out, name, data, outcome, detail)
            if outcome != "budget":
                sig = signature(detail) if outcome == "crash" else detail.splitlines()[0][:160]
                kinds[sig] += 1
                saved.setdefault(sig, key)
        if i % report_every == 0:
            print(f"{i} inputs, {time.monotonic() - started:.0f} s: {dict(outcomes)}", file=sys.stderr, flush=True)
    return {"inputs": n, "articles": articles, "seed": seed, "budget_seconds": budget,
            "seconds": round(time.monotonic() - started, 1), "outcomes": dict(outcomes),
            "distinct_failures": {sig: {"count": c, "example": saved[sig]} for sig, c in kinds.items()},
            "slowest": slowest}


def replay(folder: Path, budget: float) -> dict[str, object]:
    outcomes: Counter[str] = Counter()
    still: list[str] = []
    for path in sorted(folder.glob("*.bin")):
        meta = json.loads(path.with_suffix(".json").read_text())
        outcome, detail, _ = run_one(meta["name"], path.read_bytes(), budget)
        outcomes[outcome] += 1
        if outcome in ("crash", "invalid"):
            still.append(f"{path.stem}: {signature(detail) if outcome == 'crash' else detail.splitlines()[0]}")
    return {"replayed": sum(outcomes.values()), "outcomes": dict(outcomes), "still_failing": still}


SEEDS: list[tuple[str, bytes]] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=10_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="where failing inputs go")
    parser.add_argument("--budget", type=float, default=20.0, help="time budget per article, CPU seconds")
    parser.add_argument("--every", type=int, default=250, help="progress line every N inputs")
    parser.add_argument("--replay", type=Path, help="re-run the inputs saved in this folder instead")
    args = parser.parse_args()
    SEEDS.extend(seed_inputs())
    result = replay(args.replay, args.budget) if args.replay else fuzz(args.n, args.seed, args.out, args.budget,
                                                                         args.every)
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
