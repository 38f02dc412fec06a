"""Where the pipeline's time goes: pyinstrument over `analyse_many` on corpus articles.

usage: python bench/profile_pipeline.py [--limit 32] [--parse candidates|full] [--html out.html]

Prints the frames with the largest self time (time spent in the frame itself, not its callees) and the
call tree down to a few levels. Models and tables are loaded before profiling starts, so one-off
loading does not hide per-article costs; if a loader still shows up in the profile, something is
re-initialised per article.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.frame import Frame
from throughput import DEFAULT_CORPUS, read

from dateline import pipeline, prefilter
from dateline.ingest import RawArticle


def _self_times(frame: Frame, out: dict[str, float]) -> None:
    out[f"{frame.function} ({Path(frame.file_path or '?').name}:{frame.line_no})"] += frame.total_self_time
    for child in frame.children:
        _self_times(child, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=32)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--parse", choices=["candidates", "full"], default="candidates")
    ap.add_argument("--html", type=Path)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    raws = [RawArticle.from_record(r) for r in read(args.corpus, args.limit + 4)]
    list(pipeline.analyse_many(raws[:4], parse=args.parse))  # load models, tables, gazetteer, KB
    prefilter.tables()
    profiler = Profiler(interval=0.002)
    profiler.start()
    list(pipeline.analyse_many(raws[4:], parse=args.parse))
    session = profiler.stop()
    root = session.root_frame()
    if root is None:
        raise SystemExit("nothing was sampled")
    selfs: dict[str, float] = defaultdict(float)
    _self_times(root, selfs)
    # On a loaded machine the sampler also records time the thread waited for a core; it lands on the
    # synthetic frames (the thread's root, "[self]"), so shares are of the time spent in real frames.
    # Compiled spaCy/thinc frames (gemm, ...) hang off the thread root, not off the pipeline's frames.
    synthetic = [k for k in selfs if k.startswith(("[self]", "MainThread", "<thread>"))]
    waited = sum(selfs.pop(k) for k in synthetic)
    total = sum(selfs.values())
    print(f"{args.limit} articles, parse={args.parse}: {total:.1f} s in frames, {waited:.1f} s waiting "
          f"(process CPU time {session.cpu_time:.1f} s)")
    print("top frames by self time, share of time in frames:")
    for name, sec in sorted(selfs.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {sec / total:6.1%}  {name}")
    stages = _time_in(root, "analyse_document")
    print(f"analyse_document (the stages after spaCy): {stages / total:.1%} of time in frames")
    print(profiler.output_text(unicode=False, color=False, show_all=False, time="percent_of_total"))
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")


def _time_in(frame: Frame, function: str) -> float:
    """Time under every outermost frame of `function` (the samples split one call across several)."""
    if frame.function == function:
        return frame.time
    return sum(_time_in(child, function) for child in frame.children)


if __name__ == "__main__":
    main()
