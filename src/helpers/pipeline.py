"""Run every per-article analysis in one call."""

from __future__ import annotations

import pandas as pd

from helpers import corpus, frames, quotes, terms


def analyze(articles: pd.DataFrame, *, engine: str = "pandas") -> dict[str, pd.DataFrame]:
    """Sentences, attributions, loaded terms and frames for a set of articles.

    Args:
        articles: the articles table from :func:`helpers.corpus.load_articles`.
        engine: ``"pandas"`` (the only engine available so far).

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` DataFrames.

    Raises:
        ValueError: for an unknown engine.
    """
    if engine != "pandas":
        raise ValueError(f"engine {engine!r} is not available; use 'pandas'")
    sents = corpus.sentences(articles)
    q = quotes.extract_quotes(articles, sentences=sents)
    t = terms.find_terms(articles, quotes_=q, sentences=sents)
    f = frames.tag_frames(articles, sentences=sents)
    return {"sentences": sents, "quotes": q, "terms": t, "frames": f}
