"""Command line: ``python -m helpers analyze PATH --out DIR`` for corpora too large for a notebook.

Reads the corpus in chunks, runs every per-article analysis (in worker processes), and writes each
table as numbered part files, so memory stays flat with corpus size.

``python -m helpers evaluate-attributions PATH`` scores the attribution extractor against brat
annotations (PolNeAR or your own brat / INCEpTION export) and prints precision, recall and F1.

``python -m helpers init-study CORPUS --out FOLDER`` drafts a study (speakers, candidate loaded
terms, a codebook to edit) for a new event; see :mod:`helpers.drafting`.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from helpers import config, corpus, drafting, evaluation
from helpers.brat_voice import VoiceGoldError
from helpers.study import StudyError
from helpers.pipeline import RUN_MARKER, OutputError, analyze_to_files, default_workers

__all__ = ["analyze_to_files", "main"]


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _add_evaluate(sub: argparse._SubParsersAction) -> None:
    """The ``evaluate-attributions`` subcommand's arguments."""
    e = sub.add_parser(
        "evaluate-attributions", help="score the attribution extractor against brat annotations",
        description="Run the attribution extractor on brat-annotated articles and print precision, recall and F1 "
                    "of the content spans (word-token overlap >= 0.3 and >= 0.8, one-to-one), recall by form "
                    "(direct / mixed / indirect) and source accuracy.")
    e.add_argument("path", help="the PolNeAR root (with data/<split>/text and data/<split>/attributions), its data "
                                "folder, or a folder of brat NAME.ann + NAME.txt pairs (with --voice-gold, also "
                                "a folder of .txt files alone: only the voice is scored)")
    e.add_argument("--split", choices=evaluation.SPLITS, default="dev",
                   help="PolNeAR split to score (default: %(default)s; ignored for a plain folder; "
                        "the held-out test split is never read)")
    e.add_argument("--errors", metavar="FILE",
                   help="write misses, false positives and wrong sources to this CSV (a type column tells which)")
    e.add_argument("--voice", metavar="FILE",
                   help="write every loaded term of the study's lexicon with its voice and the voice derived from the "
                        "annotations to this CSV")
    e.add_argument("--voice-gold", metavar="FILE",
                   help="also score the voice of the loaded terms against this CSV of voices labelled by hand "
                        "(article_id, start, end, match, voice; offsets into the .txt files)")
    e.add_argument("--study", help="the study whose speaker table and lexicon are used (default: the generic one)")


def _code_version() -> str:
    """The project's git commit, marked when the work tree has changes ("" outside git)."""
    try:
        def git(*cmd: str) -> str:
            return subprocess.run(["git", "-C", str(config.PROJECT_ROOT), *cmd], capture_output=True, text=True,
                                  timeout=10, check=True).stdout.strip()

        return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if git("status", "--porcelain") else "")
    except (OSError, subprocess.SubprocessError):
        return ""


def _evaluate(args: argparse.Namespace) -> int:
    """Run ``evaluate-attributions``: print the figures and a reproduce line; 2 on a bad path or annotation file."""
    start = time.perf_counter()
    try:
        result = evaluation.evaluate_attributions(args.path, split=args.split, study=args.study,
                                                  voice_gold=args.voice_gold)
        if not result["n_gold"] and (args.errors or args.voice):
            print("note: no annotated attribution, so --errors and --voice (which compare with the annotations) "
                  "are not written", file=sys.stderr)
            args.errors = args.voice = None
        if args.errors:
            evaluation.write_errors(result["errors"], args.errors)
        if args.voice and "voice_rows" in result:
            evaluation.write_errors(result["voice_rows"], args.voice)
    except (evaluation.BratError, corpus.CorpusError, StudyError, VoiceGoldError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    split = result["split"]
    title = f"attributions in {args.path}" + (f", {split} split" if split else "")
    print(evaluation.format_report(result, title=title))
    if args.errors:
        print(f"\nwrote {len(result['errors'])} error rows to {args.errors}")
    if args.voice and "voice_rows" in result:
        print(f"wrote {len(result['voice_rows'])} loaded terms with their voices to {args.voice}")
    hint = ["python", "-m", "helpers", "evaluate-attributions", str(Path(args.path).resolve())]
    hint += (["--split", split] if split else []) + (["--errors", args.errors] if args.errors else [])
    hint += ["--voice", args.voice] if args.voice else []
    hint += ["--voice-gold", args.voice_gold] if args.voice_gold else []
    hint += ["--study", args.study] if args.study else []
    version = _code_version()
    print(f"\nreproduce: {shlex.join(hint)}  ({'code ' + version + ', ' if version else ''}{seconds:.1f} s)")
    return 0


@contextmanager
def _terminate_as_interrupt():
    """Make SIGTERM raise KeyboardInterrupt while the block runs, so it cleans up as Ctrl-C does.

    Yields the list of signals received (empty for Ctrl-C), for the exit code.
    """
    received: list[int] = []

    def interrupt(signum: int, frame) -> None:
        received.append(signum)
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():  # only the main thread can set handlers
        yield received
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield received
    finally:
        signal.signal(signal.SIGTERM, previous)


def _output_stamp(out: str) -> tuple | None:
    """Identity of ``out``'s run marker (None when there is none): it changes when a run replaces the output."""
    try:
        st = os.stat(Path(out) / RUN_MARKER)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_mtime_ns


def _analyze(args: argparse.Namespace) -> int:
    """Run ``analyze``: 2 on a bad corpus or output path, 130 / 143 when interrupted by Ctrl-C / SIGTERM."""
    columns = {k: v for k, v in vars(args).items() if k.endswith("_col") and v}
    start, before = time.perf_counter(), _output_stamp(args.out)
    try:
        with _terminate_as_interrupt() as received:
            counts = analyze_to_files(args.path, args.out, fmt=args.format, engine=args.engine, chunk=args.chunk,
                                      workers=args.workers, scheduler=args.scheduler, columns=columns,
                                      study=args.study)
    except (corpus.CorpusError, OutputError, StudyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        state = "is unchanged" if _output_stamp(args.out) == before else "was written before it stopped"
        print(f"error: interrupted; {args.out} {state}", file=sys.stderr)
        return 128 + (received[0] if received else signal.SIGINT)
    seconds = time.perf_counter() - start
    print(f"wrote {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + f" ({seconds:.1f} s)")
    return 0


def _init_study(args: argparse.Namespace) -> int:
    """Run ``init-study``: 2 on a bad corpus or output folder."""
    try:
        counts = drafting.draft_study(args.corpus, args.out, name=args.name or "")
    except (corpus.CorpusError, drafting.DraftError, StudyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote a draft study to {args.out}: {counts['speakers']} speakers from {counts['articles']} articles, "
          f"{counts['candidate_terms']} candidate terms. Next: fill in the side column of "
          f"{Path(args.out) / 'speakers.csv'}, then run STUDY={args.out} DATA_DIR={args.corpus} make reports")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
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
    a.add_argument("--study", help="a study folder (default: STUDY, a study beside the corpus, else the generic one)")
    _add_evaluate(sub)
    i = sub.add_parser("init-study", help="draft a study (speakers, candidate terms, codebook) from a corpus")
    i.add_argument("corpus", help="folder of articles, or a .csv/.jsonl/.parquet file")
    i.add_argument("--out", required=True, help="the new study folder")
    i.add_argument("--name", help="the study's name (default: the folder's name)")
    args = parser.parse_args(argv)
    if args.command == "evaluate-attributions":
        return _evaluate(args)
    if args.command == "init-study":
        return _init_study(args)
    return _analyze(args)


def _run() -> int:
    """:func:`main`, without a traceback when the reader of its output goes away (``... | head``): exit code 1,
    as the Python documentation advises for a broken pipe."""
    try:
        return main()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 1


if __name__ == "__main__":
    raise SystemExit(_run())
