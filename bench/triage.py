"""Triage benchmark. Prints its figures; it asserts nothing (see the Triage engine issue's closing note).

    .venv/bin/python bench/triage.py [--runs 3]

Pure Python (no Django, no database), pinned to one core with one BLAS thread. Prints:
- the cold training time of the base model (what the first process after a change of the examples pays);
- the load time in a fresh process of the learned model (from the cache) and of lingua's language models;
- `classify` latency p50/p95/max after warm-up, over every training and held-out message, `--runs` times.
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = """
import pathlib, sys, time
started = time.perf_counter()
from wegwijs.triage import registry
registry.configure(cache_dir=pathlib.Path({cache!r}))
registry.base_model()
loaded = time.perf_counter()
from wegwijs.triage.language import detect_language
detect_language("warm up the language models")
print(round((loaded - started) * 1000), round((time.perf_counter() - loaded) * 1000), "sklearn" in sys.modules)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from wegwijs.triage import classify, registry

    cache = Path(tempfile.mkdtemp(prefix="wegwijs-bench-triage-"))
    registry.configure(cache_dir=cache)
    started = time.perf_counter()
    model = registry.base_model()
    print(
        f"base model {model.version}: trained on {model.trained_on} examples in {time.perf_counter() - started:.1f} s"
    )
    print(f"urgent threshold (cross-validated on the training examples): {model.urgent_threshold}")

    command = [sys.executable, "-c", LOAD.format(cache=str(cache))]
    runs = [subprocess.check_output(command, cwd=ROOT, text=True).split() for _ in range(3)]  # noqa: S603 - our code
    model_ms, lingua_ms = sorted(int(run[0]) for run in runs), sorted(int(run[1]) for run in runs)
    print(
        f"learned model loaded in a fresh process: {model_ms[1]} ms (median of 3; scikit-learn imported: {runs[0][2]})"
    )
    print(f"lingua's language models loaded on the first detection: {lingua_ms[1]} ms (median of 3)")

    texts = [
        example.text for path in (registry.EXAMPLES, registry.HELD_OUT) for example in registry.load_examples(path)
    ]
    for text in texts[:50]:
        classify(text)  # warm-up
    timings = []
    for _ in range(options.runs):
        for text in texts:
            started = time.perf_counter()
            classify(text)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(
        f"classify on one core, {len(timings)} calls: p50 {statistics.median(timings):.2f} ms, "
        f"p95 {p95:.2f} ms, max {timings[-1]:.2f} ms"
    )


if __name__ == "__main__":
    main()
