"""Command line: ``python -m helpers analyze PATH --out DIR`` for corpora too large for a notebook.

Reads the corpus in chunks, runs every per-article analysis, and writes each
table as numbered part files, so memory stays flat with corpus size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from helpers import corpus, pipeline

TABLES = ["articles", "load_report", *pipeline.TABLES]


def write_part(frame: pd.DataFrame, folder: Path, name: str, part: int, fmt: str) -> None:
    """Write one chunk of one table as ``<folder>/<name>/part-NNNNN.<fmt>``."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"part-{part:05d}.{fmt}"
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)


def analyze_to_files(source: str | Path, out: str | Path, *, fmt: str = "parquet", engine: str = "pandas",
                     chunk: int = 2000, scheduler: str | None = None, columns: dict | None = None,
                     progress: bool | None = None) -> dict[str, int]:
    """Stream a corpus through :func:`helpers.pipeline.analyze` and write every table in parts.

    Args:
        source: a folder of articles or a CSV / JSONL / Parquet file.
        out: output folder (one sub-folder per table).
        fmt: ``parquet`` or ``csv``.
        engine: ``pandas`` or ``dask``.
        chunk: inputs per chunk.
        scheduler: dask scheduler address.
        columns: table column names (``text_col`` ...).
        progress: show progress bars.

    Returns:
        Rows written per table.
    """
    out = Path(out)
    counts = {name: 0 for name in TABLES}
    for part, (articles, report) in enumerate(corpus.iter_corpus(source, chunk=chunk, columns=columns,
                                                                 progress=progress)):
        tables = {"articles": articles.drop(columns=["raw_text", "removed", "page_dates", "credits"]),
                  "load_report": report}
        if len(articles):
            tables.update(pipeline.analyze(articles, engine=engine, scheduler=scheduler, progress=progress))
        for name, frame in tables.items():
            if len(frame):
                write_part(frame, out, name, part, fmt)
                counts[name] += len(frame)
    return counts


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
    a.add_argument("--chunk", type=int, default=2000, help="articles per chunk (memory stays flat)")
    for col in ("text", "id", "outlet", "title", "date", "url"):
        a.add_argument(f"--{col}-col", dest=f"{col}_col", help=f"table column holding the {col}")
    args = parser.parse_args(argv)
    columns = {k: v for k, v in vars(args).items() if k.endswith("_col") and v}
    start = time.perf_counter()
    try:
        counts = analyze_to_files(args.path, args.out, fmt=args.format, engine=args.engine, chunk=args.chunk,
                                  scheduler=args.scheduler, columns=columns)
    except corpus.CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
