"""Text reuse: which articles share text, aligned sentences, and what was changed."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np
import pandas as pd

from helpers import corpus, terms
from helpers.text import normalise, squash, words


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


def similarity_matrix(articles: pd.DataFrame, *, n: int = 3) -> pd.DataFrame:
    """Share of each article's word n-grams that also occur in another article.

    Containment, not Jaccard: row A, column B is the share of A's shingles found
    in B, so a short copy of a long report scores high on its own row. Computed
    as a matrix product over the shingles that occur in two or more articles.

    Args:
        articles: the articles table.
        n: words per shingle.

    Returns:
        A square table indexed and labelled by ``article_id`` (diagonal 1.0).
    """
    ids = list(articles["article_id"])
    sets = [shingles(t, n=n) for t in articles["text"]]
    seen: dict[tuple, int] = {}
    shared: dict[tuple, int] = {}
    for s in sets:
        for sh in s:
            seen[sh] = seen.get(sh, 0) + 1
    for sh, count in seen.items():
        if count > 1:
            shared[sh] = len(shared)
    matrix = np.zeros((len(ids), max(len(shared), 1)), dtype=np.float32)
    for i, s in enumerate(sets):
        cols = [shared[sh] for sh in s if sh in shared]
        matrix[i, cols] = 1.0
    inter = matrix @ matrix.T
    sizes = np.array([max(len(s), 1) for s in sets], dtype=np.float64)[:, None]
    values = inter / sizes
    np.fill_diagonal(values, [1.0 if s else 0.0 for s in sets])
    return pd.DataFrame(values, index=pd.Index(ids, name="article_id"), columns=ids)


def candidate_pairs(similarity: pd.DataFrame, *, min_overlap: float = 0.08,
                    max_pairs: int | None = None) -> list[tuple[str, str]]:
    """Article pairs worth aligning: containment at least ``min_overlap`` either way, most similar first.

    Args:
        similarity: :func:`similarity_matrix` output.
        min_overlap: minimum containment (either direction).
        max_pairs: keep at most this many pairs (all by default).

    Returns:
        ``(article_a, article_b)`` with ``article_a < article_b``.
    """
    values = similarity.to_numpy()
    both = np.maximum(values, values.T)
    ids = list(similarity.index)
    ii, jj = np.triu_indices(len(ids), k=1)
    keep = both[ii, jj] >= min_overlap
    order = np.argsort(-both[ii, jj][keep], kind="stable")
    pairs = [tuple(sorted((ids[a], ids[b]))) for a, b in zip(ii[keep][order], jj[keep][order])]
    return pairs[:max_pairs] if max_pairs else pairs


def top_articles(similarity: pd.DataFrame, *, n: int = 25) -> pd.DataFrame:
    """The sub-matrix of the ``n`` articles with the largest overlap with any other (for readable heatmaps).

    Args:
        similarity: :func:`similarity_matrix` output.
        n: articles kept.

    Returns:
        A square sub-matrix (the whole matrix when it is small enough).
    """
    if len(similarity) <= n:
        return similarity
    values = similarity.to_numpy().copy()
    np.fill_diagonal(values, 0)
    best = np.maximum(values.max(axis=0), values.max(axis=1))
    keep = similarity.index[np.argsort(-best, kind="stable")[:n]]
    return similarity.loc[keep, keep]


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


_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    norm = normalise(text)
    return [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(norm)]


def _score(a: list[str], b: list[str]) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_sentences(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None, min_score: float = 0.5,
                    min_article_overlap: float = 0.08, max_pairs: int | None = None,
                    similarity: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pair each sentence with its closest counterpart in every other article that shares wording.

    Article pairs are compared only when their 5-gram containment reaches
    ``min_article_overlap`` either way. Within a pair, sentence pairs are scored
    with difflib's ratio on word tokens and matched one-to-one, best first.

    Args:
        articles: the articles table.
        sentences: precomputed :func:`helpers.corpus.sentences`.
        min_score: minimum similarity for an aligned pair (0-1).
        min_article_overlap: minimum containment for comparing two articles.
        max_pairs: align at most this many article pairs, the most similar first.
        similarity: a precomputed :func:`similarity_matrix`.

    Returns:
        Columns ``article_a, outlet_a, sentence_a, text_a, start_a, article_b, outlet_b, sentence_b, text_b,
        start_b, score`` with ``article_a < article_b``.
    """
    sents = corpus.sentences(articles) if sentences is None else sentences
    sim = similarity_matrix(articles) if similarity is None else similarity
    toks = {(s.article_id, s.sentence): [t[0] for t in _tokens(s.text)] for s in sents.itertuples()}
    by_article = {aid: grp for aid, grp in sents.groupby("article_id")}
    rows = []
    for a, b in candidate_pairs(sim, min_overlap=min_article_overlap, max_pairs=max_pairs):
        candidates = []
        for sa in by_article[a].itertuples():
            ta = toks[(a, sa.sentence)]
            set_a = set(ta)
            for sb in by_article[b].itertuples():
                tb = toks[(b, sb.sentence)]
                if len(set_a & set(tb)) < 0.3 * min(len(set_a), len(set(tb))):
                    continue
                score = _score(ta, tb)
                if score >= min_score:
                    candidates.append((score, sa, sb))
        used_a, used_b = set(), set()
        for score, sa, sb in sorted(candidates, key=lambda c: (-c[0], c[1].sentence, c[2].sentence)):
            if sa.sentence in used_a or sb.sentence in used_b:
                continue
            used_a.add(sa.sentence)
            used_b.add(sb.sentence)
            rows.append({"article_a": a, "outlet_a": sa.outlet, "sentence_a": sa.sentence, "text_a": sa.text,
                         "start_a": sa.start, "article_b": b, "outlet_b": sb.outlet, "sentence_b": sb.sentence,
                         "text_b": sb.text, "start_b": sb.start, "score": round(score, 4)})
    cols = ["article_a", "outlet_a", "sentence_a", "text_a", "start_a", "article_b", "outlet_b", "sentence_b",
            "text_b", "start_b", "score"]
    return pd.DataFrame(rows, columns=cols).sort_values(["article_a", "article_b", "sentence_a"]).reset_index(drop=True)


def _term_spans(text: str, lex) -> list[tuple[int, int, str]]:
    norm = normalise(text)
    return [(m.start(), m.end(), fam) for fam, pat in lex.patterns.items() for m in pat.finditer(norm)]


def _quote_spans_in(text: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks in one sentence (an unpaired mark runs to the end)."""
    marks = [i for i, ch in enumerate(normalise(text)) if ch == '"']
    spans = [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(text)))
    return spans


def edits(aligned: pd.DataFrame, *, lexicon=None) -> pd.DataFrame:
    """Token-level edits between aligned sentences (difflib, ``autojunk=False``), with framing flags.

    An edit is a *framing edit* when it touches a lexicon term (in either
    version) or a quotation (a quotation mark or text inside quotation marks).

    Args:
        aligned: :func:`align_sentences` output.
        lexicon: a :class:`helpers.terms.Lexicon`; default the project lexicon.

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
    cols = ["article_a", "outlet_a", "sentence_a", "article_b", "outlet_b", "sentence_b", "op", "text_a", "text_b",
            "families", "touches_term", "touches_quote", "framing_edit", "score"]
    return pd.DataFrame(rows, columns=cols)


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
        similarity: :func:`similarity_matrix` output.
        min_article_overlap: pairs below this containment both ways are left out.
        max_pairs: at most this many pairs, the most similar first (as in :func:`align_sentences`).

    Returns:
        One row per compared pair.
    """
    rows = []
    n_sent = sentences.groupby("article_id").size()
    quoted_sents = quotes_.groupby("article_id")["sentence_no"].agg(set)
    for a, b in candidate_pairs(similarity, min_overlap=min_article_overlap, max_pairs=max_pairs):
        pair = aligned[(aligned["article_a"] == a) & (aligned["article_b"] == b)]
        only_a = set(range(n_sent[a])) - set(pair["sentence_a"])
        only_b = set(range(n_sent[b])) - set(pair["sentence_b"])
        rows.append({
            "article_a": a, "article_b": b, "share_a_in_b": round(float(similarity.at[a, b]), 3),
            "share_b_in_a": round(float(similarity.at[b, a]), 3), "aligned": len(pair),
            "identical": int((pair["score"] >= 0.999).sum()), "edited": int((pair["score"] < 0.999).sum()),
            "only_in_a": len(only_a), "only_in_b": len(only_b),
            "attributions_only_in_a": len(only_a & quoted_sents.get(a, set())),
            "attributions_only_in_b": len(only_b & quoted_sents.get(b, set())),
        })
    return pd.DataFrame(rows)


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
