"""Command line: ``python -m helpers analyze PATH --out DIR`` for corpora too large for a notebook.

Reads the corpus in chunks, runs every per-article analysis (in worker processes), and writes each
table as numbered part files, so memory stays flat with corpus size.
"""

from __future__ import annotations

import argparse
import sys
import time

from helpers import corpus
from helpers.pipeline import OutputError, analyze_to_files, default_workers

__all__ = ["analyze_to_files", "main"]


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyse a folder or table of articles and write the tables")
    a.add_argument("path", help="folder of .txt/.md/.html articles, or a .csv/.jsonl/.parquet file")
    a.add_argument("--out", required=True, help="output folder")
    a.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    a.add_argument("--engine", choices=["pandas", "dask"], default="pandas")
    a.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    a.add_argument("--chunk", type=_positive, help="inputs per chunk (default: 500, fewer for small corpora)")
    a.add_argument("--workers", type=_positive, default=default_workers(),
                   help="worker processes (default: the CPUs available, here %(default)s)")
    for col in ("text", "id", "outlet", "title", "date", "url"):
        a.add_argument(f"--{col}-col", dest=f"{col}_col", help=f"table column holding the {col}")
    args = parser.parse_args(argv)
    columns = {k: v for k, v in vars(args).items() if k.endswith("_col") and v}
    start = time.perf_counter()
    try:
        counts = analyze_to_files(args.path, args.out, fmt=args.format, engine=args.engine, chunk=args.chunk,
                                  workers=args.workers, scheduler=args.scheduler, columns=columns)
    except (corpus.CorpusError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
