"""Score the extractors against the hand-annotated gold files in ``tests/gold/``.

Gold rows locate an item by ``context``: a verbatim snippet of the article
(unique in its cleaned text) that contains the item. A predicted row matches a
gold row in the same article when its position falls inside that snippet and
its words agree (the cue's first word for quotes; the matched text for terms).
Matching is one-to-one and greedy, in text order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import config
from helpers.text import normalise

GOLD_DIR = config.PROJECT_ROOT / "tests" / "gold"


class GoldError(ValueError):
    """A gold row cannot be located in the cleaned text."""


def read_gold(name: str, *, folder: Path | None = None) -> pd.DataFrame:
    """Read ``tests/gold/<name>.csv``.

    Args:
        name: ``quotes_gold`` or ``terms_gold``.
        folder: another folder.

    Returns:
        The gold table, empty strings for blanks.
    """
    return pd.read_csv((folder or GOLD_DIR) / f"{name}.csv", dtype=str, keep_default_na=False)


def locate(gold: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``ctx_start, ctx_end``: where each gold context lies in the cleaned text.

    Args:
        gold: a gold table with ``article_id, context``.
        articles: the articles table.

    Returns:
        A copy of ``gold`` with the two offset columns.

    Raises:
        GoldError: naming the row, when the context is missing.
    """
    texts = {a.article_id: normalise(a.text) for a in articles.itertuples()}
    starts, ends = [], []
    for i, row in enumerate(gold.itertuples()):
        text = texts.get(row.article_id)
        if text is None:
            raise GoldError(f"gold row {i}: article {row.article_id} is not loaded")
        ctx = normalise(row.context)
        pos = text.find(ctx)  # a context repeated in the text is taken at its first place
        if pos < 0:
            raise GoldError(f"gold row {i} ({row.article_id}): context not in the cleaned text: {row.context!r}")
        starts.append(pos)
        ends.append(pos + len(ctx))
    return gold.assign(ctx_start=starts, ctx_end=ends)


def _head(value: str) -> str:
    words = normalise(str(value)).lower().split()
    return words[0] if words else ""


def match(gold: pd.DataFrame, pred: pd.DataFrame, *, pos_col: str, key_gold, key_pred) -> pd.DataFrame:
    """One-to-one greedy matching of predictions to located gold rows.

    Args:
        gold: located gold rows (see :func:`locate`).
        pred: predictions with ``article_id`` and the position column.
        pos_col: the prediction's position column (e.g. ``cue_start``).
        key_gold: function(gold row) -> comparison key.
        key_pred: function(pred row) -> comparison key.

    Returns:
        Columns ``gold_index, pred_index`` (either may be missing: a miss or a false alarm).
    """
    pairs, used = [], set()
    for gi, g in gold.iterrows():
        candidates = pred[(pred["article_id"] == g["article_id"]) & (pred[pos_col] >= g["ctx_start"])
                          & (pred[pos_col] < g["ctx_end"])]
        hit = next((pi for pi, p in candidates.iterrows() if pi not in used and key_pred(p) == key_gold(g)), None)
        if hit is not None:
            used.add(hit)
        pairs.append({"gold_index": gi, "pred_index": hit})
    pairs += [{"gold_index": None, "pred_index": pi} for pi in pred.index if pi not in used]
    return pd.DataFrame(pairs, columns=["gold_index", "pred_index"])


def side_by_side(gold: pd.DataFrame, pred: pd.DataFrame, pairs: pd.DataFrame, *, fields: dict[str, str],
                 context_pred: str) -> pd.DataFrame:
    """Gold and predicted rows side by side, misses and false alarms included.

    Args:
        gold: located gold rows.
        pred: predictions.
        pairs: :func:`match` output.
        fields: output name -> column name, present in both tables (e.g. ``{"cue": "cue"}``);
            each becomes ``gold_<name>`` and ``pred_<name>``.
        context_pred: the prediction column shown as context for false alarms.

    Returns:
        Columns ``article_id, context`` and a gold/pred pair per field.
    """
    rows = []
    for pr in pairs.itertuples():
        g = gold.loc[pr.gold_index] if pd.notna(pr.gold_index) else None
        p = pred.loc[pr.pred_index] if pd.notna(pr.pred_index) else None
        row = {"article_id": (g if g is not None else p)["article_id"],
               "context": g["context"] if g is not None else p[context_pred]}
        for name, column in fields.items():
            row[f"gold_{name}"] = g[column] if g is not None else None
            row[f"pred_{name}"] = p[column] if p is not None else None
        rows.append(row)
    return pd.DataFrame(rows)


def score_quotes(pred: pd.DataFrame, articles: pd.DataFrame, *, gold: pd.DataFrame | None = None) -> dict:
    """Precision and recall of attributions, and speaker accuracy on the matched ones.

    Args:
        pred: :func:`helpers.quotes.extract_quotes` output.
        articles: the articles table.
        gold: default ``tests/gold/quotes_gold.csv``.

    Returns:
        ``precision, recall, speaker_accuracy, side_accuracy, kind_accuracy, n_gold, n_pred, n_matched`` and
        ``table``: gold and predicted rows side by side (misses and false alarms included).
    """
    gold = locate(read_gold("quotes_gold") if gold is None else gold, articles)
    pred = pred.assign(_pos=[p.cue_start if p.cue else p.quote_start for p in pred.itertuples()])
    pairs = match(gold, pred, pos_col="_pos", key_gold=lambda g: _head(g["cue"]), key_pred=lambda p: _head(p["cue"]))
    matched = pairs.dropna()
    table = side_by_side(gold, pred, pairs, context_pred="sentence",
                         fields={"cue": "cue", "speaker": "speaker", "kind": "kind", "side": "side"})
    both = table.dropna(subset=["gold_cue", "pred_cue"])
    n = len(matched)
    return {
        "precision": n / len(pred) if len(pred) else 0.0,
        "recall": n / len(gold) if len(gold) else 0.0,
        "speaker_accuracy": float(((both.gold_speaker == both.pred_speaker) & (both.gold_side == both.pred_side)).mean()) if n else 0.0,
        "side_accuracy": float((both.gold_side == both.pred_side).mean()) if n else 0.0,
        "kind_accuracy": float((both.gold_kind == both.pred_kind).mean()) if n else 0.0,
        "n_gold": len(gold), "n_pred": len(pred), "n_matched": n, "table": table,
    }


def score_terms(pred: pd.DataFrame, articles: pd.DataFrame, *, gold: pd.DataFrame | None = None) -> dict:
    """Recall and precision of term occurrences, and voice / distanced accuracy on the matched ones.

    Args:
        pred: :func:`helpers.terms.find_terms` output.
        articles: the articles table.
        gold: default ``tests/gold/terms_gold.csv``.

    Returns:
        ``recall, precision, voice_accuracy, distanced_accuracy, family_accuracy, n_gold, n_pred, n_matched``
        and ``table`` (gold and predicted side by side).
    """
    gold = locate(read_gold("terms_gold") if gold is None else gold, articles)
    key = lambda row: normalise(str(row["match"])).lower()  # noqa: E731
    pairs = match(gold, pred, pos_col="start", key_gold=key, key_pred=key)
    gold = gold.assign(distanced=gold["distanced"].str.lower() == "true")
    pred = pred.assign(distanced=pred["distanced"].astype(bool))
    table = side_by_side(gold, pred, pairs, context_pred="sentence",
                         fields={"match": "match", "family": "family", "voice": "voice", "distanced": "distanced"})
    both = table.dropna(subset=["gold_match", "pred_match"])
    n = len(both)
    return {
        "recall": n / len(gold) if len(gold) else 0.0,
        "precision": n / len(pred) if len(pred) else 0.0,
        "voice_accuracy": float((both.gold_voice == both.pred_voice).mean()) if n else 0.0,
        "distanced_accuracy": float((both.gold_distanced == both.pred_distanced).mean()) if n else 0.0,
        "family_accuracy": float((both.gold_family == both.pred_family).mean()) if n else 0.0,
        "n_gold": len(gold), "n_pred": len(pred), "n_matched": n, "table": table,
    }
