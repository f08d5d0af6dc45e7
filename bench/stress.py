"""Stress test: build every report on 20,000 short synthetic articles and measure wall time and peak memory.

Usage: python bench/stress.py [--articles 20000] [--paragraphs 3] [--article-mb 50] [--limit-gb 0] [--keep]

Writes a DATA_DIR of synthetic articles (seed paragraphs recombined,
:mod:`helpers.synthetic`) in a temporary folder, then builds the reports as
``python -m helpers.reports`` does (:func:`helpers.reports.build`, called with
``out`` set so that HTML, figures and tables go to the temporary folder, not to
``reports/`` and ``data/processed/``). Every 0.5 s it sums the resident memory
(RSS, from ``/proc``) of the whole process tree, notebook kernels included, and
prints the wall time and the peak, overall and per notebook. ``--limit-gb``
kills the tree once the sum exceeds that many GB (0: no limit), so that a run
that would exhaust the machine stops early and says so.

Then, for very long articles: ``python -m helpers analyze`` on one article of
``--article-mb`` MB (distinct paragraphs) and on one single line of a tenth of
that, with wall time and peak memory; and the per-article analysis time of an
80,000- and a 320,000-character article (best of 5, garbage collector paused), whose ratio must stay
at most 5.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
BUILD = ("import sys; from pathlib import Path; from helpers import reports\n"
         "try:\n    reports.build(out=Path(sys.argv[1]))\n"
         "except reports.ReportError as exc:\n    print(f'error: {exc}', file=sys.stderr); sys.exit(1)\n")


def tree_rss(root: int) -> int:
    """Summed resident memory in bytes of ``root`` and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def write_corpus(folder: Path, *, articles: int, paragraphs: int, seed: int) -> Path:
    """Write the synthetic DATA_DIR (``<article_id>.txt`` plus ``articles.csv``)."""
    from helpers import synthetic

    frame = synthetic.synthetic_articles(articles, seed=seed, paragraphs=paragraphs)
    return synthetic.write_folder(frame, folder)


def run(data_dir: Path, out: Path, *, interval: float, limit_gb: float) -> dict:
    """Build the reports in a child process, sampling the tree's RSS; return timings and peaks."""
    env = dict(os.environ, DATA_DIR=str(data_dir), HELPERS_PROCESSED_DIR=str(out.parent / "processed"),
               HELPERS_FIGURES_DIR=str(out.parent / "figures"))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", BUILD, str(out)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    state = {"notebook": "(start-up)", "lines": [], "err": []}
    marks: dict[str, float] = {}

    def read_stdout():
        for line in child.stdout:
            state["lines"].append(line.rstrip())
            if line.startswith("executing "):
                state["notebook"] = line.split()[1]
                marks[state["notebook"]] = time.perf_counter()
            print(f"  [{time.perf_counter() - start:7.1f}s] {line.rstrip()}", flush=True)

    def read_stderr():
        state["err"].extend(line.rstrip() for line in child.stderr)

    threads = [threading.Thread(target=read_stdout, daemon=True), threading.Thread(target=read_stderr, daemon=True)]
    for t in threads:
        t.start()
    peak, by_notebook, killed = 0, {}, False
    while child.poll() is None:
        rss = tree_rss(child.pid)
        peak = max(peak, rss)
        by_notebook[state["notebook"]] = max(by_notebook.get(state["notebook"], 0), rss)
        if limit_gb and rss > limit_gb * 1e9 and not killed:
            print(f"  summed RSS {rss / 1e9:.2f} GB > --limit-gb {limit_gb}: killing the run "
                  f"(during {state['notebook']})", flush=True)
            os.killpg(child.pid, signal.SIGKILL)
            killed = True
        time.sleep(interval)
    for t in threads:
        t.join(timeout=5)
    return {"start": start, "seconds": time.perf_counter() - start, "peak": peak, "by_notebook": by_notebook,
            "marks": marks, "returncode": child.returncode, "killed": killed, "stderr": state["err"]}


def long_text(n_chars: int, *, one_line: bool = False) -> str:
    """Distinct seed paragraphs ("Update N: ..."), about ``n_chars`` long: cleaning drops repeated lines."""
    from helpers import config, corpus

    paras = [p for t in corpus.load_articles(config.RAW_DIR, warn=False)["text"] for p in t.split("\n\n")]
    out, size, i = [], 0, 0
    while size < n_chars:
        out.append(f"Update {i}: {paras[i % len(paras)]}")
        size, i = size + len(out[-1]) + 2, i + 1
    return (" " if one_line else "\n\n").join(out)


def analyze_command(folder: Path, out: Path, *, interval: float) -> tuple[float, int, int]:
    """Run ``python -m helpers analyze folder --workers 1``; return seconds, peak summed RSS and exit code."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "helpers", "analyze", str(folder), "--out", str(out),
                              "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss(child.pid))
        time.sleep(interval)
    return time.perf_counter() - start, peak, child.returncode


def long_articles(work: Path, *, megabytes: float, interval: float) -> bool:
    """Analyse one very long article and one very long line; time 80k against 320k characters. True if linear."""
    from helpers import pipeline

    for name, chars, one_line in (("article", megabytes * 1e6, False), ("single line", megabytes * 1e5, True)):
        folder = work / name.replace(" ", "_")
        folder.mkdir()
        (folder / "long.txt").write_text(long_text(int(chars), one_line=one_line), encoding="utf-8")
        seconds, peak, code = analyze_command(folder, work / f"{folder.name}_out", interval=interval)
        print(f"one {name} of {chars / 1e6:.1f} MB: {seconds:.1f} s, peak summed RSS {peak / 1e9:.2f} GB"
              + ("" if code == 0 else f", FAILED (exit {code})"), flush=True)
    times = {chars: [] for chars in (80_000, 320_000)}
    texts = {chars: long_text(chars) for chars in times}
    for _ in range(5):  # the two lengths in turn, the garbage collector paused: its full collections depend on
        for chars, text in texts.items():  # the whole process's heap, not on this analysis
            gc.collect()
            gc.disable()
            t = time.perf_counter()
            pipeline.analyze_article("long", "test", text, "")
            times[chars].append(time.perf_counter() - t)
            gc.enable()
    best = {chars: min(runs) for chars, runs in times.items()}
    ratio = best[320_000] / best[80_000]
    print(f"per-article analysis: 80k characters {best[80_000]:.2f} s, 320k {best[320_000]:.2f} s "
          f"(best of 5, collector paused): {ratio:.1f}x for 4x the length (target at most 5x)")
    return ratio <= 5


def report(result: dict, *, articles: int) -> None:
    """Print wall time, peak summed RSS and the per-notebook peaks."""
    status = ("killed at the memory limit" if result["killed"] else
              "ok" if result["returncode"] == 0 else f"failed (exit {result['returncode']})")
    print(f"\n{articles:,} articles: {status}")
    print(f"wall time: {result['seconds']:.1f} s")
    print(f"peak summed RSS of the process tree: {result['peak'] / 1e9:.2f} GB")
    marks = sorted(result["marks"].items(), key=lambda kv: kv[1])
    ends = [t for _, t in marks[1:]] + [result["start"] + result["seconds"]]
    took = {name: end - t for (name, t), end in zip(marks, ends)}
    for name, rss in result["by_notebook"].items():
        seconds = f"{took[name]:7.1f} s" if name in took else " " * 9
        print(f"  {name:<28} {seconds}  peak {rss / 1e9:6.2f} GB")
    if result["returncode"] not in (0, None) and result["stderr"]:
        print("stderr (last 40 lines):\n  " + "\n  ".join(result["stderr"][-40:]))


def main(argv: list[str] | None = None) -> int:
    """Command line: build the corpus, run the reports, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--paragraphs", type=int, default=3, help="body paragraphs per article (short articles)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument("--limit-gb", type=float, default=0.0, help="kill the run above this summed RSS (0: never)")
    parser.add_argument("--article-mb", type=float, default=50, help="size of the one long article (0: skip)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="helpers-stress-"))
    try:
        t0 = time.perf_counter()
        data_dir = write_corpus(work / "corpus", articles=args.articles, paragraphs=args.paragraphs, seed=args.seed)
        print(f"wrote {args.articles:,} articles to {data_dir} in {time.perf_counter() - t0:.1f} s", flush=True)
        result = run(data_dir, work / "reports", interval=args.interval, limit_gb=args.limit_gb)
        report(result, articles=args.articles)
        linear = long_articles(work, megabytes=args.article_mb, interval=args.interval) if args.article_mb else True
        return 0 if result["returncode"] == 0 and linear else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
