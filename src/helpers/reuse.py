"""Text reuse: which articles share text, aligned sentences, and what was changed."""

from __future__ import annotations

import pandas as pd

from helpers.text import squash, words


def shingles(text: str, *, n: int = 5) -> set[tuple[str, ...]]:
    """Word n-grams of the normalised, lower-cased text.

    Args:
        text: any text.
        n: words per shingle.

    Returns:
        The set of n-grams.
    """
    tokens = words(squash(text))
    return {tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n + 1, 0))}


def similarity_matrix(articles: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """Share of each article's word n-grams that also occur in another article.

    Containment, not Jaccard: row A, column B is the share of A's shingles found
    in B, so a short copy of a long report scores high on its own row.

    Args:
        articles: the articles table.
        n: words per shingle.

    Returns:
        A square table indexed and labelled by ``article_id`` (diagonal 1.0).
    """
    sets = {a.article_id: shingles(a.text, n=n) for a in articles.itertuples()}
    ids = list(sets)
    return pd.DataFrame(
        [[len(sets[a] & sets[b]) / len(sets[a]) if sets[a] else 0.0 for b in ids] for a in ids],
        index=pd.Index(ids, name="article_id"), columns=ids)


def overlap_pairs(similarity: pd.DataFrame) -> pd.DataFrame:
    """The off-diagonal cells of a similarity matrix as a long table, largest first.

    Args:
        similarity: the output of :func:`similarity_matrix`.

    Returns:
        Columns ``article_id, other_id, share``.
    """
    long = similarity.rename_axis(index="article_id", columns="other_id").stack().rename("share").reset_index()
    return (long[long["article_id"] != long["other_id"]]
            .sort_values(["share", "article_id"], ascending=[False, True]).reset_index(drop=True))
