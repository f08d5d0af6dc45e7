"""Text reuse: which articles share text, aligned sentences, and what was changed."""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from helpers import corpus, quotes, terms
from helpers.text import TOKEN_RE, escape, normalise, squash, words


def shingles(text: str, *, n: int = 3) -> set[tuple[str, ...]]:
    """Word n-grams of the normalised, lower-cased text.

    Args:
        text: any text.
        n: words per shingle.

    Returns:
        The set of n-grams.
    """
    tokens = words(squash(text))
    return {tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n + 1, 0))}


# Column names and dtypes of the tables returned, so that an empty table keeps its columns and types.
SIMILARITY_COLUMNS = {"article_id": "str", "other_id": "str", "share": "float64"}
PAIR_COLUMNS = {"article_a": "str", "article_b": "str", "share_a_in_b": "float64", "share_b_in_a": "float64",
                **dict.fromkeys(["aligned", "identical", "edited", "only_in_a", "only_in_b", "attributions_only_in_a",
                                 "attributions_only_in_b"], "int64")}
ALIGNED_COLUMNS = {"article_a": "str", "outlet_a": "str", "sentence_a": "int64", "text_a": "str",
                   "start_a": "int64", "article_b": "str", "outlet_b": "str", "sentence_b": "int64",
                   "text_b": "str", "start_b": "int64", "score": "float64"}
EDIT_COLUMNS = {"article_a": "str", "outlet_a": "str", "sentence_a": "int64", "article_b": "str",
                "outlet_b": "str", "sentence_b": "int64", "op": "str", "text_a": "str", "text_b": "str",
                "families": "str", "touches_term": "bool", "touches_quote": "bool", "framing_edit": "bool",
                "score": "float64"}
MAX_ARTICLES = 100  # default cap: a shingle found in more articles than this is not counted
_BATCH = 1_000_000  # pair increments generated at once (bounds the working memory)


def _table(rows: list[dict] | dict, columns: dict[str, str]) -> pd.DataFrame:
    """A table with exactly ``columns`` (name -> dtype), also when there are no rows."""
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def _shingle_index(texts, *, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed shingles per article: ``(keys, owners, sizes)``, sorted by key then owner, one row per (shingle, article).

    Shingles are kept as 64-bit hashes, not tuples, to hold large corpora; two distinct shingles colliding (odds
    below one in 10**7 for 10**6 distinct shingles) would count as one.
    """
    keys, owners, sizes = [], [], []
    for i, text in enumerate(texts):
        found = shingles(text, n=n)
        keys.append(np.unique(np.fromiter(map(hash, found), dtype=np.int64, count=len(found))))
        owners.append(np.full(len(keys[-1]), i, dtype=np.int32))
        sizes.append(len(found))
    keys_, owners_ = np.concatenate(keys or [np.empty(0, np.int64)]), np.concatenate(owners or [np.empty(0, np.int32)])
    order = np.lexsort((owners_, keys_))
    return keys_[order], owners_[order], np.array(sizes, dtype=np.int64)


def _runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and length of each run of equal keys in a sorted array."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.empty(0, np.int64)
    return starts, np.diff(np.r_[starts, len(keys)])


def _merge(codes: list[np.ndarray], counts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Sum the counts of equal pair codes."""
    uniq, inverse = np.unique(np.concatenate(codes), return_inverse=True)
    total = np.bincount(inverse, weights=np.concatenate(counts), minlength=len(uniq))
    return uniq, total.astype(np.int32)


def _shared_counts(owners: np.ndarray, starts: np.ndarray, lengths: np.ndarray, n_articles: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Shingles shared by each article pair ``i < j`` (as code ``i * n_articles + j``), from the posting lists.

    Posting lists of one length are stacked, identical ones counted once with
    their multiplicity (a passage copied by many articles costs one list), and
    expanded to pairs in batches of at most ``_BATCH`` increments; batches are
    summed into the running total once they outgrow it, so memory stays within
    a few times the number of distinct pairs.
    """
    total = (np.empty(0, np.int64), np.empty(0, np.int32))
    codes, counts, held = [], [], 0
    for k in np.unique(lengths):
        ii, jj = np.triu_indices(int(k), 1)
        rows = starts[lengths == k]
        step = max(_BATCH // len(ii), 1)
        for lo in range(0, len(rows), step):
            lists, mult = np.unique(owners[rows[lo:lo + step, None] + np.arange(k)], axis=0, return_counts=True)
            codes.append((lists[:, ii].astype(np.int64) * n_articles + lists[:, jj]).ravel())
            counts.append(np.repeat(mult.astype(np.int32), len(ii)))
            held += len(codes[-1])
            if held > max(_BATCH, len(total[0])):
                total = _merge([total[0], *codes], [total[1], *counts])
                codes, counts, held = [], [], 0
    return _merge([total[0], *codes], [total[1], *counts])


def similarity_pairs(articles: pd.DataFrame, *, n: int = 3, max_articles: int | None = MAX_ARTICLES) -> pd.DataFrame:
    """Share of each article's word n-grams found in another article, for every pair that shares one.

    Containment, not Jaccard: the row (A, B) is the share of A's shingles found
    in B, so a short copy of a long report scores high on its own row. Only pairs
    sharing at least one counted shingle are listed (a sparse table, not an
    n x n matrix); the work runs over an inverted index shingle -> articles.

    The cap: a shingle found in more than ``max_articles`` articles (boilerplate,
    stock phrases, or a passage re-posted more than that many times) is not
    counted. It still counts in A's total, so every share is a lower bound of the
    exact containment: lower for pairs that have such shingles in common, and
    pairs sharing only such shingles are absent. Each shingle then costs at most
    ``max_articles ** 2 / 2`` pair updates, so the work grows about linearly
    with the corpus. A corpus of at most ``max_articles`` articles is exact;
    :func:`skipped_shingles` lists what the cap left out.

    Args:
        articles: the articles table (``article_id`` unique, ``text``).
        n: words per shingle.
        max_articles: the cap (at least 2); ``None`` counts every shingle (quadratic in the worst case).

    Returns:
        Columns ``article_id, other_id, share``: largest share first, then by ids.

    Example:
        >>> two = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two three four", "two three four five six"]})
        >>> similarity_pairs(two).values.tolist()
        [['a', 'b', 0.5], ['b', 'a', 0.3333333333333333]]
    """
    _check_options(articles, n=n, max_articles=max_articles)
    ids = articles["article_id"].astype("str").array
    keys, owners, sizes = _shingle_index(articles["text"], n=n)
    starts, lengths = _runs(keys)
    del keys
    keep = (lengths >= 2) & (lengths <= (max_articles or len(ids)))
    codes, shared = _shared_counts(owners, starts[keep], lengths[keep], len(ids))
    a, b = np.divmod(codes, max(len(ids), 1))
    del codes
    first, other = np.concatenate([a, b]).astype(np.int32), np.concatenate([b, a]).astype(np.int32)
    share = np.concatenate([shared / sizes[a], shared / sizes[b]])
    del a, b, shared
    rank = np.argsort(np.argsort(ids.to_numpy(dtype=object), kind="stable"), kind="stable").astype(np.int32)
    order = np.lexsort((rank[other], rank[first], -share))
    return _table({"article_id": ids.take(first[order]), "other_id": ids.take(other[order]), "share": share[order]},
                  SIMILARITY_COLUMNS)


def _check_options(articles: pd.DataFrame, *, n: int, max_articles: int | None) -> None:
    """Fail loudly on options or tables the similarity functions cannot use."""
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles table lacks column(s) {sorted(missing)}")
    if not articles["article_id"].is_unique:
        dup = articles["article_id"][articles["article_id"].duplicated()].iloc[0]
        raise ValueError(f"article_id must be unique; {dup!r} occurs more than once")
    if n < 1:
        raise ValueError(f"n (words per shingle) must be at least 1, not {n}")
    if max_articles is not None and max_articles < 2:
        raise ValueError(f"max_articles must be at least 2 (or None for no cap), not {max_articles}")


def skipped_shingles(articles: pd.DataFrame, *, n: int = 3, max_articles: int | None = MAX_ARTICLES) -> pd.DataFrame:
    """The shingles :func:`similarity_pairs` does not count: found in more than ``max_articles`` articles.

    Args:
        articles: the articles table.
        n: words per shingle.
        max_articles: the cap used for :func:`similarity_pairs`.

    Returns:
        Columns ``shingle`` (the words joined by spaces), ``articles`` (how many contain it), most common first.

    Example:
        >>> three = pd.DataFrame({"article_id": list("abc"), "text": ["all rights reserved"] * 3})
        >>> skipped_shingles(three, max_articles=2).values.tolist()
        [['all rights reserved', 3]]
    """
    _check_options(articles, n=n, max_articles=max_articles)
    keys, _, _ = _shingle_index(articles["text"], n=n)
    starts, lengths = _runs(keys)
    over = lengths > (max_articles or len(articles))
    counts = dict(zip(keys[starts[over]].tolist(), lengths[over].tolist()))
    names: dict[int, str] = {}
    for text in articles["text"]:
        if len(names) == len(counts):
            break
        names.update((hash(sh), " ".join(sh)) for sh in shingles(text, n=n) if hash(sh) in counts)
    frame = pd.DataFrame({"shingle": [names[k] for k in counts], "articles": list(counts.values())},
                         columns=["shingle", "articles"])
    return frame.sort_values(["articles", "shingle"], ascending=[False, True], ignore_index=True)


def candidate_pairs(similarity: pd.DataFrame, *, min_overlap: float = 0.08,
                    max_pairs: int | None = None) -> list[tuple[str, str]]:
    """Article pairs worth aligning: containment at least ``min_overlap`` either way, most similar first.

    Pairs absent from ``similarity`` (no counted shingle in common) are never
    candidates, even with ``min_overlap=0``. Ties are ordered by article ids.

    Args:
        similarity: :func:`similarity_pairs` output.
        min_overlap: minimum containment (either direction).
        max_pairs: keep at most this many pairs (all by default).

    Returns:
        ``(article_a, article_b)`` with ``article_a < article_b``.

    Example:
        >>> sim = pd.DataFrame({"article_id": ["b", "a"], "other_id": ["a", "b"], "share": [0.5, 0.1]})
        >>> candidate_pairs(sim, min_overlap=0.2)
        [('a', 'b')]
    """
    hits = similarity[similarity["share"] >= min_overlap]
    first, other = hits["article_id"].to_numpy(dtype=object), hits["other_id"].to_numpy(dtype=object)
    swap = first > other if len(hits) else np.zeros(0, dtype=bool)
    both = (pd.DataFrame({"article_a": np.where(swap, other, first), "article_b": np.where(swap, first, other),
                          "share": hits["share"].to_numpy()})
            .groupby(["article_a", "article_b"], as_index=False)["share"].max()
            .sort_values(["share", "article_a", "article_b"], ascending=[False, True, True]))
    pairs = list(zip(both["article_a"], both["article_b"]))
    return pairs[:max_pairs] if max_pairs else pairs


def top_articles(similarity: pd.DataFrame, ids, *, n: int = 25) -> pd.DataFrame:
    """The square matrix of the ``n`` articles with the largest overlap with any other (for readable heatmaps).

    Args:
        similarity: :func:`similarity_pairs` output.
        ids: every ``article_id`` of the corpus, in display order (articles with no overlap included).
        n: articles kept (all of them when there are at most ``n``).

    Returns:
        A square table indexed by ``article_id``, columns the same ids; cell (A, B) is the share of A's
        shingles found in B, 0 where the pair shares none, 1 on the diagonal.

    Example:
        >>> sim = pd.DataFrame({"article_id": ["a", "b"], "other_id": ["b", "a"], "share": [0.5, 0.25]})
        >>> top_articles(sim, ["a", "b", "c"], n=2).values.tolist()
        [[1.0, 0.5], [0.25, 1.0]]
    """
    ids = list(ids)
    if len(ids) > n:
        best = pd.concat([similarity.groupby(col)["share"].max() for col in ("article_id", "other_id")])
        best = best.groupby(level=0).max().reindex(ids, fill_value=0.0).to_numpy()
        ids = [ids[i] for i in np.argsort(-best, kind="stable")[:n]]
    sub = similarity[similarity["article_id"].isin(ids) & similarity["other_id"].isin(ids)]
    square = sub.pivot(index="article_id", columns="other_id", values="share").reindex(index=ids, columns=ids)
    values = square.fillna(0.0).to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=pd.Index(ids, name="article_id"), columns=ids)


def overlap_note(similarity: pd.DataFrame, labels: pd.Series, *, skipped: pd.DataFrame | None = None, n: int = 3,
                 max_articles: int | None = MAX_ARTICLES) -> str:
    """Markdown narrative of :func:`similarity_pairs`: the largest overlap, or that no two articles share text.

    Labels and shingles come from the corpus and are escaped.

    Args:
        similarity: :func:`similarity_pairs` output.
        labels: :func:`article_labels` output (its length is the number of articles).
        skipped: :func:`skipped_shingles` output, named when not empty.
        n: words per shingle.
        max_articles: the cap used.

    Returns:
        One or two sentences.

    Example:
        >>> overlap_note(pd.DataFrame(columns=SIMILARITY_COLUMNS), pd.Series({"a": "A", "b": "B"}))
        'No two articles share text: no word 3-gram of one article occurs in another.'
    """
    cap = ""
    if skipped is not None and len(skipped):
        common = "; ".join(f"“{escape(r.shingle)}” in {r.articles:,}" for r in skipped.head(3).itertuples())
        cap = (f"{len(skipped):,} word {n}-grams found in more than {max_articles:,} articles each are not counted "
               f"(boilerplate or widely re-posted text; most common: {common}).")
    if not len(similarity):
        return (f"No two articles share text: no word {n}-gram of one article occurs in another"
                + (f", apart from the uncounted ones. {cap}" if cap else "."))
    best = similarity.loc[similarity["share"].idxmax()]
    pairs = len(labels) * (len(labels) - 1)
    return (f"The largest overlap: **{best.share:.0%}** of the word {n}-grams of *{escape(labels[best.article_id])}* "
            f"also occur in *{escape(labels[best.other_id])}*. {int((similarity['share'] >= 0.2).sum()):,} of "
            f"{pairs:,} ordered pairs share at least 20%, {len(similarity):,} share at least one {n}-gram. {cap}").strip()


def no_pairs_note(similarity: pd.DataFrame, *, min_overlap: float = 0.08, n: int = 3) -> str:
    """Markdown: why no article pair was aligned (empty when some pair reaches ``min_overlap``).

    Args:
        similarity: :func:`similarity_pairs` output.
        min_overlap: the containment a pair needs either way (as in :func:`candidate_pairs`).
        n: words per shingle.

    Returns:
        One sentence, or ``""``.

    Example:
        >>> no_pairs_note(pd.DataFrame(columns=SIMILARITY_COLUMNS))
        'No two articles share text, so there are no sentences to align or compare.'
    """
    if not len(similarity):
        return "No two articles share text, so there are no sentences to align or compare."
    if candidate_pairs(similarity, min_overlap=min_overlap, max_pairs=1):
        return ""
    return (f"No pair of articles shares at least {min_overlap:.0%} of either's word {n}-grams (the largest share is "
            f"{similarity['share'].max():.1%}), so there are no sentences to align or compare.")


def derived_groups(aligned: pd.DataFrame, sentences: pd.DataFrame, *, min_share: float = 0.25,
                   min_sentences: int = 3) -> pd.DataFrame:
    """Group articles that derive from one report: enough of their sentences align.

    Two articles are linked when at least ``min_sentences`` sentence pairs align
    and they make up at least ``min_share`` of the shorter article's sentences;
    groups are the connected components.

    Args:
        aligned: :func:`align_sentences` output.
        sentences: :func:`helpers.corpus.sentences` output.
        min_share: share of the shorter article's sentences that must align.
        min_sentences: minimum aligned pairs.

    Returns:
        Columns ``article_id, outlet, group`` (1-based, singletons included), ``group_size``.
    """
    ids = list(dict.fromkeys(sentences["article_id"]))
    n_sent = sentences.groupby("article_id").size()
    parent = {i: i for i in ids}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    counts = aligned.groupby(["article_a", "article_b"]).size()
    for (a, b), n in counts.items():
        if n >= min_sentences and n >= min_share * min(n_sent[a], n_sent[b]):
            parent[find(a)] = find(b)
    roots = {r: n for n, r in enumerate(dict.fromkeys(find(i) for i in ids), start=1)}
    outlets = sentences.drop_duplicates("article_id").set_index("article_id")["outlet"]
    frame = pd.DataFrame({"article_id": ids, "outlet": [outlets[i] for i in ids], "group": [roots[find(i)] for i in ids]})
    frame["group_size"] = frame.groupby("group")["article_id"].transform("size")
    return frame


def _tokens(text: str) -> list[tuple[str, int, int]]:
    norm = normalise(text)
    return [(m.group(0).lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]


def _score(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_sentences(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None, min_score: float = 0.5,
                    min_article_overlap: float = 0.08, max_pairs: int | None = None,
                    similarity: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pair each sentence with its closest counterpart in every other article that shares wording.

    Article pairs are compared only when their word 3-gram containment
    (:func:`similarity_pairs`) reaches ``min_article_overlap`` either way. Within
    a pair, sentence pairs are scored with difflib's ratio on word tokens and
    matched one-to-one, best first. Only the articles of compared pairs are tokenised.

    Args:
        articles: the articles table.
        sentences: precomputed :func:`helpers.corpus.sentences`.
        min_score: minimum similarity for an aligned pair (0-1).
        min_article_overlap: minimum containment for comparing two articles.
        max_pairs: align at most this many article pairs, the most similar first.
        similarity: a precomputed :func:`similarity_pairs`.

    Returns:
        Columns ``article_a, outlet_a, sentence_a, text_a, start_a, article_b, outlet_b, sentence_b, text_b,
        start_b, score`` with ``article_a < article_b`` (no rows, same columns, when no pair qualifies).

    Example:
        >>> two = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "headline": ["", ""],
        ...                     "text": ["The council met on Monday.", "The council met on Tuesday."]})
        >>> align_sentences(two)[["text_a", "text_b"]].values.tolist()
        [['The council met on Monday.', 'The council met on Tuesday.']]
    """
    sim = similarity_pairs(articles) if similarity is None else similarity
    pairs = candidate_pairs(sim, min_overlap=min_article_overlap, max_pairs=max_pairs)
    if not pairs:
        return _table([], ALIGNED_COLUMNS)
    needed = {i for pair in pairs for i in pair}
    sents = corpus.sentences(articles[articles["article_id"].isin(needed)]) if sentences is None else \
        sentences[sentences["article_id"].isin(needed)]
    by_article = {aid: [(s, [t[0] for t in _tokens(s.text)]) for s in grp.itertuples()]
                  for aid, grp in sents.groupby("article_id")}
    rows = [row for a, b in pairs for row in _align_pair(a, b, by_article.get(a, []), by_article.get(b, []),
                                                         min_score=min_score)]
    return (_table(rows, ALIGNED_COLUMNS).sort_values(["article_a", "article_b", "sentence_a"])
            .reset_index(drop=True))


def _align_pair(a: str, b: str, sents_a: list, sents_b: list, *, min_score: float) -> list[dict]:
    """One-to-one best-first matches between the (sentence, tokens) lists of two articles."""
    candidates = []
    for sa, ta in sents_a:
        set_a = set(ta)
        for sb, tb in sents_b:
            set_b = set(tb)
            if len(set_a & set_b) < 0.3 * min(len(set_a), len(set_b)):
                continue
            score = _score(ta, tb)
            if score >= min_score:
                candidates.append((score, sa, sb))
    rows, used_a, used_b = [], set(), set()
    for score, sa, sb in sorted(candidates, key=lambda c: (-c[0], c[1].sentence, c[2].sentence)):
        if sa.sentence in used_a or sb.sentence in used_b:
            continue
        used_a.add(sa.sentence)
        used_b.add(sb.sentence)
        rows.append({"article_a": a, "outlet_a": sa.outlet, "sentence_a": sa.sentence, "text_a": sa.text,
                     "start_a": sa.start, "article_b": b, "outlet_b": sb.outlet, "sentence_b": sb.sentence,
                     "text_b": sb.text, "start_b": sb.start, "score": round(score, 4)})
    return rows


def _term_spans(text: str, lex) -> list[tuple[int, int, str]]:
    norm = normalise(text)
    return [(m.start(), m.end(), fam) for fam, pat in lex.patterns.items() for m in pat.finditer(norm)]


def _quote_spans_in(text: str) -> list[tuple[int, int]]:
    """Quotations in one sentence, their marks included (an edit that adds or drops a mark touches the quote);
    found by :func:`helpers.quotes.article_quote_spans` (an unpaired mark runs to the end)."""
    return [(max(r["start"] - 1, 0), min(r["end"] + 1, len(text))) for r in quotes.article_quote_spans("", text)]


def edits(aligned: pd.DataFrame, *, lexicon=None) -> pd.DataFrame:
    """Token-level edits between aligned sentences (difflib, ``autojunk=False``), with framing flags.

    An edit is a *framing edit* when it touches a lexicon term (in either
    version) or a quotation (a quotation mark or text inside quotation marks).

    Args:
        aligned: :func:`align_sentences` output.
        lexicon: a :class:`helpers.terms.Lexicon`; default the study's (:func:`helpers.terms.load_lexicon`).

    Returns:
        Columns ``article_a, outlet_a, sentence_a, article_b, outlet_b, sentence_b, op`` (replace / delete /
        insert), ``text_a, text_b`` (the changed words as written), ``families`` (lexicon families touched),
        ``touches_term, touches_quote, framing_edit, score``.
    """
    lex = lexicon or terms.load_lexicon()
    rows = []
    for pair in aligned.itertuples():
        ta, tb = _tokens(pair.text_a), _tokens(pair.text_b)
        terms_a, terms_b = _term_spans(pair.text_a, lex), _term_spans(pair.text_b, lex)
        quotes_a, quotes_b = _quote_spans_in(pair.text_a), _quote_spans_in(pair.text_b)
        matcher = SequenceMatcher(None, [t[0] for t in ta], [t[0] for t in tb], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            span_a = (ta[i1][1], ta[i2 - 1][2]) if i2 > i1 else _gap(ta, i1, pair.text_a)
            span_b = (tb[j1][1], tb[j2 - 1][2]) if j2 > j1 else _gap(tb, j1, pair.text_b)
            fams = sorted({f for s, e, f in terms_a if s < span_a[1] and e > span_a[0] and i2 > i1}
                          | {f for s, e, f in terms_b if s < span_b[1] and e > span_b[0] and j2 > j1})
            changed = [t[0] for t in ta[i1:i2]] + [t[0] for t in tb[j1:j2]]
            in_quote = (any(s < span_a[1] and e > span_a[0] for s, e in quotes_a) and i2 > i1) or \
                       (any(s < span_b[1] and e > span_b[0] for s, e in quotes_b) and j2 > j1)
            touches_quote = '"' in changed or in_quote
            rows.append({"article_a": pair.article_a, "outlet_a": pair.outlet_a, "sentence_a": pair.sentence_a,
                         "article_b": pair.article_b, "outlet_b": pair.outlet_b, "sentence_b": pair.sentence_b,
                         "op": op, "text_a": pair.text_a[span_a[0]:span_a[1]] if i2 > i1 else "",
                         "text_b": pair.text_b[span_b[0]:span_b[1]] if j2 > j1 else "",
                         "families": ", ".join(fams), "touches_term": bool(fams), "touches_quote": touches_quote,
                         "framing_edit": bool(fams) or touches_quote, "score": pair.score})
    return _table(rows, EDIT_COLUMNS)


def _gap(tokens: list[tuple[str, int, int]], index: int, text: str) -> tuple[int, int]:
    pos = tokens[index][1] if index < len(tokens) else len(text)
    return pos, pos


def pair_summary(aligned: pd.DataFrame, sentences: pd.DataFrame, quotes_: pd.DataFrame,
                 similarity: pd.DataFrame, *, min_article_overlap: float = 0.08,
                 max_pairs: int | None = None) -> pd.DataFrame:
    """Per article pair: sentences kept verbatim, edited, dropped and added; attributions dropped and added.

    "Dropped" are sentences of A with no counterpart in B, "added" sentences of B
    with none in A (the direction is alphabetical; read it as "A versus B").

    Args:
        aligned: :func:`align_sentences` output.
        sentences: :func:`helpers.corpus.sentences` output.
        quotes_: :func:`helpers.quotes.extract_quotes` output.
        similarity: :func:`similarity_pairs` output.
        min_article_overlap: pairs below this containment both ways are left out.
        max_pairs: at most this many pairs, the most similar first (as in :func:`align_sentences`).

    Returns:
        One row per compared pair, columns ``PAIR_COLUMNS`` (no rows, same columns, when no pair qualifies).

    Example:
        >>> empty = pd.DataFrame(columns=SIMILARITY_COLUMNS)
        >>> list(pair_summary(pd.DataFrame(columns=ALIGNED_COLUMNS), pd.DataFrame(), pd.DataFrame(), empty).columns)[:4]
        ['article_a', 'article_b', 'share_a_in_b', 'share_b_in_a']
    """
    pairs = candidate_pairs(similarity, min_overlap=min_article_overlap, max_pairs=max_pairs)
    if not pairs:
        return _table([], PAIR_COLUMNS)
    needed = {i for pair in pairs for i in pair}
    share = similarity[similarity["article_id"].isin(needed) & similarity["other_id"].isin(needed)]
    share = dict(zip(zip(share["article_id"], share["other_id"]), share["share"]))
    n_sent = sentences.groupby("article_id").size()
    quoted_sents = quotes_.groupby("article_id")["sentence_no"].agg(set)
    rows = []
    for a, b in pairs:
        pair = aligned[(aligned["article_a"] == a) & (aligned["article_b"] == b)]
        only_a = set(range(n_sent.get(a, 0))) - set(pair["sentence_a"])
        only_b = set(range(n_sent.get(b, 0))) - set(pair["sentence_b"])
        rows.append({
            "article_a": a, "article_b": b, "share_a_in_b": round(float(share.get((a, b), 0.0)), 3),
            "share_b_in_a": round(float(share.get((b, a), 0.0)), 3), "aligned": len(pair),
            "identical": int((pair["score"] >= 0.999).sum()), "edited": int((pair["score"] < 0.999).sum()),
            "only_in_a": len(only_a), "only_in_b": len(only_b),
            "attributions_only_in_a": len(only_a & quoted_sents.get(a, set())),
            "attributions_only_in_b": len(only_b & quoted_sents.get(b, set())),
        })
    return _table(rows, PAIR_COLUMNS)


def unaligned(aligned: pd.DataFrame, sentences: pd.DataFrame, article_a: str, article_b: str) -> pd.DataFrame:
    """Sentences of either article with no counterpart in the other.

    Args:
        aligned: :func:`align_sentences` output.
        sentences: :func:`helpers.corpus.sentences` output.
        article_a: first article (as in ``aligned``).
        article_b: second article.

    Returns:
        Columns ``article_id, outlet, sentence, text, only_in``.
    """
    pair = aligned[(aligned["article_a"] == article_a) & (aligned["article_b"] == article_b)]
    a = sentences[(sentences["article_id"] == article_a) & ~sentences["sentence"].isin(pair["sentence_a"])]
    b = sentences[(sentences["article_id"] == article_b) & ~sentences["sentence"].isin(pair["sentence_b"])]
    out = pd.concat([a.assign(only_in=article_a), b.assign(only_in=article_b)])
    return out[["article_id", "outlet", "sentence", "text", "only_in"]].reset_index(drop=True)


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """Readable labels for articles: the outlet when each outlet has one article, else "outlet · article_id".

    Args:
        articles: the articles table.

    Returns:
        A Series indexed by ``article_id``.
    """
    outlets = articles.set_index("article_id")["outlet"]
    if outlets.is_unique:
        return outlets
    return outlets + " · " + outlets.index.to_series()
