"""Run every per-article analysis in one call."""

from __future__ import annotations

import os

import pandas as pd

from helpers import corpus, frames, quotes, terms

TABLES = {
    "sentences": list(corpus.Sentence._fields),
    "quotes": quotes.QUOTE_COLUMNS,
    "terms": terms.TERM_COLUMNS,
    "frames": frames.FRAME_COLUMNS,
}


def analyze_article(article_id: str, outlet: str, text: str, headline: str = "") -> dict[str, list]:
    """Every per-article analysis for one cleaned article, as plain records (no pandas).

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        headline: the headline ("" when none).

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` lists of records.
    """
    sents = corpus.article_sentences(article_id, outlet, text, headline)
    spans = quotes.article_quote_spans(article_id, text)
    atts = quotes.article_quotes(article_id, outlet, text, sents, spans)
    found = terms.article_terms(article_id, outlet, text, sents, spans, atts, terms.load_lexicon())
    tagged = frames.article_frames(sents, frames.load_codebook())
    return {"sentences": [s._asdict() for s in sents], "quotes": atts, "terms": found, "frames": tagged}


def to_frames(parts: dict[str, list]) -> dict[str, pd.DataFrame]:
    """Turn record lists into DataFrames with the documented columns.

    Args:
        parts: ``{"sentences", "quotes", "terms", "frames"}`` record lists.

    Returns:
        The same keys, as DataFrames.
    """
    return {name: pd.DataFrame(parts.get(name, []), columns=cols) for name, cols in TABLES.items()}


def analyze_records(records) -> dict[str, list]:
    """Analyse a batch of ``(article_id, outlet, text, headline)`` records (used by every engine).

    Args:
        records: an iterable of article records.

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` record lists, in input order.
    """
    parts: dict[str, list] = {name: [] for name in TABLES}
    for record in records:
        for name, rows in analyze_article(*record).items():
            parts[name].extend(rows)
    return parts


def _merge(batches: list[dict[str, list]]) -> dict[str, list]:
    merged: dict[str, list] = {name: [] for name in TABLES}
    for batch in batches:
        for name in TABLES:
            merged[name].extend(batch[name])
    return merged


def analyze(articles: pd.DataFrame, *, engine: str = "pandas", scheduler: str | None = None,
            npartitions: int | None = None, n_workers: int = 2, progress: bool | None = None) -> dict[str, pd.DataFrame]:
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

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` DataFrames.

    Raises:
        ValueError: for an unknown engine.
        ImportError: for the dask engine when dask is not installed (names the extra to install).
    """
    records = corpus.article_records(articles)
    if engine == "pandas":
        items = corpus.progress_bar(records, total=len(records), desc="analysing", progress=progress)
        return to_frames(analyze_records(items))
    if engine == "dask":
        return to_frames(_merge(_dask_batches(records, scheduler=scheduler, npartitions=npartitions,
                                              n_workers=n_workers, progress=progress)))
    raise ValueError(f"engine {engine!r} is not available; use 'pandas' or 'dask'")


def _dask_batches(records: list, *, scheduler: str | None, npartitions: int | None, n_workers: int,
                  progress: bool | None) -> list[dict[str, list]]:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError("the dask engine needs the optional extra: pip install -e '.[scale]'") from exc
    parts = npartitions or max(2, -(-len(records) // 500))
    cluster = None if scheduler else LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        bag = db.from_sequence(records, npartitions=parts).map_partitions(lambda rs: [analyze_records(rs)])
        futures = client.compute(bag.to_delayed())
        if progress or (progress is None and len(records) >= 1000 and os.environ.get("HELPERS_PROGRESS", "1") != "0"):
            from distributed import progress as dask_progress

            dask_progress(futures)
        return [batch for part in client.gather(futures) for batch in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
