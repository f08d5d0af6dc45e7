"""Run every per-article analysis in one call."""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import os
import shutil
import signal
import sys
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers import config, corpus, export, frames, outputs, quotes, terms, timeline
from helpers.outputs import RUN_MARKER, OutputError
from helpers.study import Study, choose_study
from helpers.text import normalise


TABLES = {
    "sentences": list(corpus.Sentence._fields),
    "quotes": quotes.QUOTE_COLUMNS,
    "terms": terms.TERM_COLUMNS,
    "frames": frames.FRAME_COLUMNS,
}

TIMELINE_TABLES = ["timeline", "timeline_first_use"]  # helpers.timeline, from the per-chunk day counts
FILE_TABLES = ["articles", "load_report", *TABLES, *TIMELINE_TABLES]  # what analyze_to_files writes


def analyze_article(article_id: str, outlet: str, text: str, headline: str = "", *,
                    study: Study | None = None) -> dict[str, list]:
    """Every per-article analysis for one cleaned article, as plain records (no pandas).

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        headline: the headline ("" when none).
        study: the study whose speakers, lexicon and codebook are used (default :func:`choose_study`).

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` lists of records.
    """
    study = study or choose_study()
    norm = normalise(text)  # once: every step reads the normalised text
    sents = corpus.article_sentences(article_id, outlet, text, headline, norm=norm)
    spans = quotes.article_quote_spans(article_id, text)
    atts = quotes.article_quotes(article_id, outlet, text, sents, spans, norm=norm, speakers=study.speakers)
    found = terms.article_terms(article_id, outlet, text, sents, spans, atts, terms.load_lexicon(study.lexicon),
                                norm=norm)
    tagged = frames.article_frames(sents, frames.load_codebook(study.codebook))
    return {"sentences": [s._asdict() for s in sents], "quotes": atts, "terms": found, "frames": tagged}


def to_frames(parts: dict[str, list]) -> dict[str, pd.DataFrame]:
    """Turn record lists into DataFrames with the documented columns.

    Args:
        parts: ``{"sentences", "quotes", "terms", "frames"}`` record lists.

    Returns:
        The same keys, as DataFrames.
    """
    return {name: pd.DataFrame(parts.get(name, []), columns=cols) for name, cols in TABLES.items()}


def analyze_records(records, study: Study | None = None) -> dict[str, list]:
    """Analyse a batch of ``(article_id, outlet, text, headline)`` records (used by every engine).

    Args:
        records: an iterable of article records.
        study: see :func:`analyze_article`.

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` record lists, in input order.
    """
    parts: dict[str, list] = {name: [] for name in TABLES}
    study = study or choose_study()
    for record in records:
        for name, rows in analyze_article(*record, study=study).items():
            parts[name].extend(rows)
    return parts


def _merge(batches: list[dict[str, list]]) -> dict[str, list]:
    merged: dict[str, list] = {name: [] for name in TABLES}
    for batch in batches:
        for name in TABLES:
            merged[name].extend(batch[name])
    return merged


def analyze(articles: pd.DataFrame, *, engine: str = "pandas", scheduler: str | None = None,
            npartitions: int | None = None, n_workers: int = 2, progress: bool | None = None,
            study: Study | str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Sentences, attributions, loaded terms and frames for a set of articles.

    Both engines run the same per-article functions and return identical tables.

    Args:
        articles: the articles table from :func:`helpers.corpus.load_articles`.
        engine: ``"pandas"`` (in this process) or ``"dask"`` (a ``dask.bag`` on a
            ``distributed`` cluster; needs ``pip install -e .[scale]``).
        scheduler: for dask, a scheduler address (``tcp://host:8786``); default a LocalCluster.
        npartitions: for dask, the number of partitions (default about 500 articles each, at least 2).
        n_workers: for dask's LocalCluster, worker processes.
        progress: show a progress bar (default: for 1,000 articles or more).
        study: a study folder or :class:`helpers.study.Study` (default :func:`helpers.study.choose_study`).

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` DataFrames.

    Raises:
        ValueError: for an unknown engine.
        ImportError: for the dask engine when dask is not installed (names the extra to install).
        helpers.study.StudyError: when the study cannot be read.
    """
    records = corpus.article_records(articles)
    study = choose_study(study)
    if engine == "pandas":
        items = corpus.progress_bar(records, total=len(records), desc="analysing", progress=progress)
        return to_frames(analyze_records(items, study))
    if engine == "dask":
        return to_frames(_merge(_dask_batches(records, scheduler=scheduler, npartitions=npartitions,
                                              n_workers=n_workers, progress=progress, study=study)))
    raise ValueError(f"engine {engine!r} is not available; use 'pandas' or 'dask'")


@contextmanager
def _dask_client(scheduler: str | None, n_workers: int):
    """A ``distributed`` client on the given scheduler, or on a LocalCluster of ``n_workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError("the dask engine needs the optional extra: pip install -e '.[scale]'") from exc
    cluster = None if scheduler else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_batches(records: list, *, scheduler: str | None, npartitions: int | None, n_workers: int,
                  progress: bool | None, study: Study) -> list[dict[str, list]]:
    import dask.bag as db

    parts = npartitions or max(2, -(-len(records) // 500))
    with _dask_client(scheduler, n_workers) as client:
        bag = db.from_sequence(records, npartitions=parts).map_partitions(lambda rs: [analyze_records(rs, study)])
        futures = client.compute(bag.to_delayed())
        if progress or (progress is None and len(records) >= 1000 and os.environ.get("HELPERS_PROGRESS", "1") != "0"):
            from distributed import progress as dask_progress

            dask_progress(futures)
        return [batch for part in client.gather(futures) for batch in part]


# ---------------------------------------------------------------- streaming to files


def write_part(frame: pd.DataFrame, folder: Path, name: str, part: int, fmt: str) -> None:
    """Write one chunk of one table as ``<folder>/<name>/part-NNNNN.<fmt>`` (CSV: :func:`helpers.export.write_csv`)."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"part-{part:05d}.{fmt}"
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        export.write_csv(frame, path)


def analyze_part(records: list, out: str | Path | None, part: int, fmt: str, study: Study | None = None,
                 days: dict | None = None) -> dict:
    """Analyse one chunk of article records and write its tables (run in a worker process).

    Args:
        records: ``(article_id, outlet, text, headline)`` tuples.
        out: the output folder; ``None`` returns the tables instead of writing them.
        part: the chunk number (part file name).
        fmt: ``parquet`` or ``csv``.
        study: see :func:`analyze_article`.
        days: publication day per article id (the undated left out), for the timeline counts.

    Returns:
        ``{table: rows}``, plus ``"tables"`` (the DataFrames) when ``out`` is ``None`` and ``"timeline"``
        (:func:`helpers.timeline.day_counts` and :func:`helpers.timeline.first_uses` of the chunk) when
        ``days`` is given.
    """
    parts = analyze_records(records, study)
    counts: dict = {name: len(rows) for name, rows in parts.items()}
    if days is not None:
        naming = terms.load_lexicon((study or choose_study()).lexicon).naming_pairs
        counts["timeline"] = (timeline.day_counts(days, quotes=parts["quotes"], terms=parts["terms"],
                                                  frames=parts["frames"], sentences=parts["sentences"]),
                              timeline.first_uses(days, terms=parts["terms"], frames=parts["frames"],
                                                  naming_families=naming))
    if out is None:
        counts["tables"] = to_frames(parts)
        return counts
    for name, cols in TABLES.items():
        if not parts[name]:
            continue
        if fmt == "parquet":  # records straight to Arrow: skips a round trip through pandas strings
            target = Path(out) / name
            target.mkdir(parents=True, exist_ok=True)
            columns = zip(*map(itemgetter(*cols), parts[name]))  # rows of dicts -> one tuple per column
            pq.write_table(pa.Table.from_arrays([pa.array(c) for c in columns], names=cols),
                           target / f"part-{part:05d}.parquet")
        else:
            write_part(pd.DataFrame(parts[name], columns=cols), Path(out), name, part, fmt)
    return counts


def auto_chunk(total: int, workers: int) -> int:
    """Inputs per chunk: 500, or fewer for small corpora so every worker gets several chunks.

    Args:
        total: number of inputs.
        workers: worker processes.

    Returns:
        Between 50 and 500 (about eight chunks per worker below 8,000 inputs per worker).
    """
    return max(50, min(500, -(-total // (8 * workers))))


def chunk_sizes(total: int, workers: int) -> list[int]:
    """The default chunking for streaming: chunks of :func:`auto_chunk` inputs, halved near the end.

    The last chunks are half as long so that the workers finish at about the same
    time: one long last chunk leaves the other workers idle while it runs.

    Args:
        total: number of inputs.
        workers: worker processes.

    Returns:
        Chunk sizes in order; inputs beyond their sum form one more chunk (see
        :func:`helpers.corpus.iter_corpus`).
    """
    size = auto_chunk(total, workers)
    full = max(0, total - workers * size) // size  # leave at least `workers` chunks' worth for the tail
    tail = total - full * size
    k = -(-tail // -(-size // 2))  # tail chunks of at most half a chunk, as equal as can be
    return [size] * full + [tail // k + (i < tail % k) for i in range(k - 1)]


def default_workers() -> int:
    """Worker processes for the command line: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


FLUSH_ROWS = 500  # articles / load_report rows per part file: small chunks do not mean many small files
_DROPPED = {"raw_text", "removed", "page_dates", "credits"}  # article columns not written to files
_WRITTEN = [c for c in corpus.ARTICLE_COLUMNS if c not in _DROPPED]


def analyze_to_files(source: str | Path, out: str | Path, *, fmt: str = "parquet", engine: str = "pandas",
                     chunk: int | None = None, workers: int = 1, scheduler: str | None = None, columns: dict | None = None,
                     progress: bool | None = None, study: Study | str | Path | None = None) -> dict[str, int]:
    """Stream a corpus through every per-article analysis and write every table in parts.

    The calling process loads and cleans the corpus chunk by chunk (duplicate
    detection spans chunks); each chunk is then analysed and written by a worker:
    in this process (``workers=1``), in a pool of processes (``workers>1``), or on a
    dask cluster (``engine="dask"``). At most two chunks per worker are in flight,
    so memory stays flat with corpus size. The tables are identical in every mode.

    The tables are written to a new folder beside ``out``, which replaces ``out`` only
    when the run succeeds: a failed run leaves ``out`` as it was, and a rerun never
    mixes its parts with an earlier run's.

    Args:
        source: a folder of articles or a CSV / JSONL / Parquet file.
        out: output folder (one sub-folder per table); it must be new, empty, or an
            earlier output of this function (which is replaced).
        fmt: ``parquet`` or ``csv``.
        engine: ``pandas`` or ``dask``.
        chunk: inputs per chunk (one part file per analysis table and chunk); default :func:`chunk_sizes`.
        workers: worker processes (pandas engine) or LocalCluster workers (dask engine).
        scheduler: dask scheduler address (default: a LocalCluster). A remote cluster
            sends the tables back and this process writes them.
        columns: table column names (``text_col`` ...).
        progress: show progress bars.
        study: a study folder or :class:`helpers.study.Study`; default :func:`helpers.study.choose_study`
            for ``source`` (``STUDY``, a study beside the corpus, the seed study for ``data/raw``, else generic).

    Returns:
        Rows written per table.

    Raises:
        ValueError: for an unknown engine or fewer than one worker.
        OutputError: when ``out`` is a file, a symbolic link, a mount point, the current folder, holds the
            corpus or anything but an earlier output, is being written by another run (a lock file
            ``.NAME.lock`` beside it), or cannot be created or put in place.
        corpus.CorpusError: when the corpus cannot be read, or no article at all could be loaded from it
            (the message counts the reasons); ``out`` is then left as it was.
    """
    if engine not in {"pandas", "dask"}:
        raise ValueError(f"engine {engine!r} is not available; use 'pandas' or 'dask'")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    out = Path(os.path.abspath(out))  # "." and "results/.." have no name to put a staging folder beside
    where = config.data_dir(source)
    study = choose_study(study, data_dir=where)  # before any work: a bad study fails fast
    with outputs.output_lock(out):
        outputs.check_output_folder(out, where, FILE_TABLES)  # under the lock: another run cannot change the folder after the check
        staging = outputs.beside(out, "partial")
        try:
            staging.mkdir()  # not tempfile.mkdtemp: its folder is private (0700), and the output follows the umask
        except OSError as exc:
            raise OutputError(f"{out}: cannot create the output folder beside it ({exc.strerror})") from None
        try:
            counts = _stream(where, staging, fmt=fmt, engine=engine, chunk=chunk, workers=workers,
                             scheduler=scheduler, columns=columns, progress=progress, study=study)
            (staging / RUN_MARKER).write_text(json.dumps({
                "source": str(where), "study": study.path, "format": fmt, "engine": engine, "workers": workers,
                "rows": counts}, indent=1) + "\n", encoding="utf-8")
            outputs.replace_folder(staging, out)  # Ctrl-C or SIGTERM never leaves the swap half done
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return counts


def _stream(source, out: Path, *, fmt: str, engine: str, chunk: int | None, workers: int, scheduler: str | None,
            columns: dict | None, progress: bool | None, study: Study) -> dict[str, int]:
    """The body of :func:`analyze_to_files`, writing into ``out``.

    Raises:
        corpus.CorpusError: when no article at all could be loaded (the message counts the reasons).
    """
    counts = {name: 0 for name in FILE_TABLES}
    loaded, skipped = 0, Counter()  # problems are counted only until an article loads: no cost on a good corpus
    next_part = {"articles": 0, "load_report": 0}
    buffered: dict[str, list] = {"articles": [], "load_report": []}
    as_frame = {"articles": lambda rows: corpus.article_frame(rows, columns=_WRITTEN),
                "load_report": corpus.report_frame}

    def flush(final: bool) -> None:  # articles and load report, in parts of FLUSH_ROWS rows or more
        for name, rows in buffered.items():
            if rows and (final or len(rows) >= FLUSH_ROWS):
                write_part(as_frame[name](rows), out, name, next_part[name], fmt)
                counts[name] += len(rows)
                next_part[name] += 1
                buffered[name] = []

    day_totals, firsts = Counter(), {}  # the timeline's day counts and first uses, summed over chunks
    with _executor(engine, workers, scheduler, study) as (submit, wait_any, remote):
        pending: dict = {}  # future -> part number

        def collect(done) -> None:  # any finished chunks, in whatever order they finished
            for future in done:
                part = pending.pop(future)
                result = future.result()
                chunk_days, chunk_firsts = result.pop("timeline")
                day_totals.update(chunk_days)
                timeline.merge_first_uses(firsts, chunk_firsts)
                for name, frame in result.pop("tables", {}).items():
                    if len(frame):
                        write_part(frame, out, name, part, fmt)
                for name in TABLES:
                    counts[name] += result[name]

        size = chunk or (lambda total: chunk_sizes(total, workers))
        for part, (rows, report) in enumerate(corpus.iter_corpus_rows(source, chunk=size, columns=columns,
                                                                      progress=progress)):
            loaded += len(rows)
            if not loaded:
                skipped.update(r["problem"] for r in report if r["status"] in {"skipped", "missing"})
            kept = ({k: v for k, v in row.items() if k not in _DROPPED} for row in rows)  # raw text is not held
            buffered["articles"] += kept
            buffered["load_report"] += report
            flush(final=False)
            if rows:
                days = {r["article_id"]: d for r in rows if (d := timeline.day_of(r["published"])) is not None}
                day_totals.update(timeline.article_counts(pd.DataFrame(rows, columns=["outlet", "published", "n_words"])))
                future = submit(analyze_part, corpus.row_records(rows), None if remote else str(out), part, fmt, study,
                                days)
                pending[future] = part
            collect([f for f in pending if f.done()])
            while len(pending) > 2 * workers:  # at most two chunks per worker in flight: wait for any one
                collect(wait_any(list(pending)))
        if not loaded:
            raise corpus.CorpusError(corpus.nothing_loaded(Path(source), skipped))
        flush(final=True)
        while pending:
            collect(wait_any(list(pending)))
    _write_timeline(day_totals, firsts, out, fmt, counts)
    return counts


def _write_timeline(day_totals: Counter, firsts: dict, out: Path, fmt: str, counts: dict) -> None:
    """Write the ``timeline`` and ``timeline_first_use`` tables (period chosen from the corpus span)."""
    dated = {(day, outlet): n for (day, outlet, measure, _), n in day_totals.items() if measure == "articles"}
    period = timeline.choose_period({day for day, _ in dated}, articles=sum(dated.values()),
                                    outlets=len({outlet for _, outlet in dated}))
    for name, frame in (("timeline", timeline.timeline_table(day_totals, period)),
                        ("timeline_first_use", timeline.first_use_table(firsts))):
        if len(frame):
            write_part(frame, out, name, 0, fmt)
        counts[name] = len(frame)


class _Inline:
    """A stand-in executor that runs each call at once, in this process."""

    class _Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

        def done(self) -> bool:
            return True

    def submit(self, fn, *args):
        return self._Done(fn(*args))


@contextmanager
def _executor(engine: str, workers: int, scheduler: str | None, study: Study):
    """``(submit, wait_any, remote)`` for the engine: inline, a process pool, or a dask client.

    ``wait_any(futures)`` blocks until at least one of them is done and returns the done ones.
    """
    if engine == "dask":
        from distributed import wait

        with _dask_client(scheduler, workers) as client:
            yield ((lambda fn, *args: client.submit(fn, *args, pure=False)),
                   (lambda futures: wait(futures, return_when="FIRST_COMPLETED").done), scheduler is not None)
    elif workers == 1:
        yield _Inline().submit, (lambda futures: futures), False
    else:
        warm_up(study)  # before the workers are forked: they inherit the compiled lexicons instead of each building them
        # fork on Linux (the default before Python 3.14): workers share warm_up's caches and are children of this
        # process, whose pid _init_worker checks
        fork = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=fork, initializer=_init_worker,
                                   initargs=(os.getpid(), study))
        try:
            yield pool.submit, (lambda futures: futures_wait(futures, return_when=FIRST_COMPLETED).done), False
        except BaseException:
            _stop_pool(pool)  # not shutdown(wait=True): it would run every queued chunk first
            raise
        pool.shutdown(wait=True)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued chunks and end the pool's workers now (after an error or an interrupt)."""
    workers = list((pool._processes or {}).values())  # noqa: SLF001 (no public way before Python 3.14)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()
    for process in workers:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _init_worker(parent: int, study: Study | None = None) -> None:
    """Start a pool worker: die with the parent, leave interrupts to it, then :func:`warm_up`.

    Ctrl-C reaches the whole process group; the parent stops the workers itself, so they ignore SIGINT
    (no traceback from each) and take SIGTERM's default action, not the parent's handler forked with them.
    On Linux the kernel sends SIGTERM when the parent dies, even by SIGKILL, so no worker is left waiting
    for work forever; ``parent`` (the pid that forked this worker) closes the race of a parent that died
    before that request.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGTERM))
        except (OSError, AttributeError):  # no prctl in this libc: the worker can still be orphaned
            pass
        if os.getppid() != parent:  # the parent is already gone
            os._exit(1)
    warm_up(study)


def warm_up(study: Study | None = None) -> None:
    """Build every cached lexicon, codebook, speaker table and compiled pattern the per-article functions use
    (those of ``study``, default :func:`helpers.study.choose_study`).

    Worker processes forked afterwards share them; with another start method each
    worker runs this once when it starts.
    """
    analyze_article("warm-up", "warm-up", 'Officials said it was "a so-called operation".\n\nIt said so.', "", study=study)
