"""bench/run.py and bench/stress.py: the scripts behind `make bench` and `make stress` still run.

They are not imported by the package, so nothing else would notice a broken name in them
(a missing ``config`` import broke both paths of `make bench` once, unnoticed).
"""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_runs_on_a_small_corpus_and_writes_its_verdicts(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "20", "--configs", "pandas:1",
                           "--repeat", "1", "--peer-size", "0", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    results = out.read_text(encoding="utf-8")
    row = next(line for line in results.splitlines() if line.startswith("| 20 | pandas | 1 |"))
    assert float(row.split("|")[5].split()[0]) > 0  # articles per second
    assert "recall 0.97" in results or "recall 1.00" in results  # the seed gold score of our extractor


def test_stress_builds_its_long_article_from_the_seeds():
    stress = runpy.run_path(str(ROOT / "bench" / "stress.py"), run_name="stress")
    text = stress["long_text"](5_000)
    assert 5_000 <= len(text) < 10_000 and text.startswith("Update 0: ") and "\n\nUpdate 1: " in text
