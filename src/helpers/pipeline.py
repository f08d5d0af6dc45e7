"""Run every per-article analysis in one call."""

from __future__ import annotations

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
    parts: dict[str, list] = {name: [] for name in TABLES}
    headlines = articles["headline"].fillna("") if "headline" in articles.columns else [""] * len(articles)
    for record in zip(articles["article_id"], articles["outlet"], articles["text"], headlines):
        for name, rows in analyze_article(*record).items():
            parts[name].extend(rows)
    return to_frames(parts)
