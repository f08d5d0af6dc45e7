"""A synthetic corpus for benchmarks and scale tests: real seed paragraphs, recombined (seeded, reproducible)."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from helpers import config, corpus


def synthetic_articles(n: int, *, seed: int = 0, outlets: int = 30, paragraphs: int = 8,
                       source: str | Path | None = None) -> pd.DataFrame:
    """Build ``n`` articles by recombining real paragraphs of the seed articles.

    Each article takes a headline from one seed and ``paragraphs`` body paragraphs
    drawn (without replacement within the article) from all seeds. Outlets follow
    a skewed (Zipf-like) distribution over ``outlets`` names, so a few outlets
    have many articles and many have few, as in real exports.

    Args:
        n: number of articles.
        seed: random seed; the same seed gives the same corpus.
        outlets: number of distinct outlet names.
        paragraphs: body paragraphs per article.
        source: folder of seed articles (default ``data/raw``).

    Returns:
        An articles table with ``article_id, outlet, headline, text, n_words`` (cleaned text, headline first).
    """
    seeds = corpus.load_articles(source or config.RAW_DIR, warn=False)
    rng = random.Random(seed)
    heads = [h for h in seeds["headline"] if h]
    body = [p.text for p in corpus.paragraphs(seeds).itertuples() if p.role != "headline"]
    names = [f"Outlet {i:02d}" for i in range(outlets)]
    weights = [1 / (i + 1) for i in range(outlets)]
    rows = []
    for i in range(n):
        headline = rng.choice(heads)
        text = "\n\n".join([headline, *rng.sample(body, min(paragraphs, len(body)))])
        rows.append({"article_id": f"syn{i:06d}", "outlet": rng.choices(names, weights)[0], "headline": headline,
                     "text": text})
    frame = pd.DataFrame(rows)
    frame["n_words"] = [len(t.split()) for t in frame["text"]]
    return frame


def write_folder(articles: pd.DataFrame, folder: str | Path) -> Path:
    """Write articles as ``<article_id>.txt`` files plus an ``articles.csv`` manifest.

    Args:
        articles: a table with ``article_id, outlet, text``.
        folder: destination (created).

    Returns:
        The folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for row in articles.itertuples():
        (folder / f"{row.article_id}.txt").write_text(row.text + "\n", encoding="utf-8")
    manifest = articles[["article_id", "outlet"]].assign(original_source="synthetic (recombined seed paragraphs)",
                                                         published="2023-09-19", language_original="en")
    manifest.to_csv(folder / "articles.csv", index=False)
    return folder
