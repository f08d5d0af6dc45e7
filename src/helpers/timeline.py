"""Coverage over time: when each outlet wrote, and how its voices, loaded terms and frames moved.

The counting is split so that a large corpus streams: :func:`day_counts` and :func:`first_uses` read one
batch of analysed articles (plain records, as :mod:`helpers.pipeline` workers hold them) and give small
per-day results that add up across batches (:func:`merge_first_uses`); :func:`timeline_table` rolls the
days up to the period chosen from the corpus span (:func:`choose_period`) and turns counts into shares
and rates, keeping every count behind them.

Limits: an article counts on its publication date (``published``); undated articles are counted apart
and left out of the timelines. A week starts on Monday. "First use" is the earliest dated article of an
outlet that uses a term, a naming choice or a frame; articles of one day are ordered by id, so a tie on
the first day is shown as a tie (``days_after_first`` 0), not resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

PERIODS = ("day", "week", "month")
MEASURES = {  # measure -> (counted measure, its denominator, factor, unit)
    "side_share": ("attributions", "attributions_total", 1.0, "share of the outlet's attributions (0-1)"),
    "term_rate": ("terms", "words", 1000.0, "occurrences per 1,000 words"),
    "frame_share": ("frame_sentences", "sentences", 1.0, "share of the outlet's sentences (0-1)"),
}
TIMELINE_COLUMNS = ["period", "outlet", "measure", "key", "value", "count", "total"]
FIRST_USE_COLUMNS = ["kind", "family", "item", "outlet", "first_date", "article_id", "sentence", "order",
                     "days_after_first", "first_overall"]


def day_of(value) -> str | None:
    """The ISO day of a date-like value, or None when it is missing or unreadable.

    >>> day_of("2016-10-09T21:00:00"), day_of(None), day_of("not a date")
    ('2016-10-09', None, None)
    """
    if isinstance(value, pd.Timestamp):  # what the loader gives: no parsing
        return None if pd.isna(value) else value.strftime("%Y-%m-%d")
    stamp = pd.to_datetime(value, errors="coerce") if value is not None else pd.NaT
    return None if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")


def choose_period(days: Iterable[str], period: str = "auto", *, articles: int = 0, outlets: int = 1) -> str:
    """``period`` when given; otherwise from the span of the dates: day up to 45 days, week up to 240, else month.
    A day is chosen only when the outlets published about daily (``articles`` at least one per outlet per day of
    the span); a sparser short corpus gets weeks, so that its lines are not isolated points.

    >>> choose_period(["2016-01-04", "2016-12-30"]), choose_period(["2016-01-04", "2016-01-20"], articles=40, outlets=2)
    ('month', 'day')
    >>> choose_period(["2016-09-08", "2016-10-07"], articles=84, outlets=7), choose_period([], "week")
    ('week', 'week')
    """
    if period != "auto":
        if period not in PERIODS:
            raise ValueError(f"period {period!r} is not one of {', '.join(PERIODS)} or 'auto'")
        return period
    stamps = pd.to_datetime(pd.Series(list(days), dtype=object), errors="coerce").dropna()
    span = (stamps.max() - stamps.min()).days if len(stamps) else 0
    if span <= 45:
        return "day" if articles >= max(outlets, 1) * (span + 1) else "week"
    return "week" if span <= 240 else "month"


def period_of(days: pd.Series, period: str) -> pd.Series:
    """The period label of each ISO day: the day itself, the Monday its week starts on, or ``YYYY-MM``.

    >>> period_of(pd.Series(["2016-10-13"]), "week").tolist(), period_of(pd.Series(["2016-10-13"]), "month").tolist()
    (['2016-10-10'], ['2016-10'])
    """
    stamps = pd.to_datetime(days)
    if period == "day":
        return stamps.dt.strftime("%Y-%m-%d")
    if period == "week":
        return (stamps - pd.to_timedelta(stamps.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
    return stamps.dt.strftime("%Y-%m")


def all_periods(days: Iterable[str], period: str) -> list[str]:
    """Every period label from the first day's to the last day's, those without articles included (so that a
    timeline's axis is even in time).

    >>> all_periods(["2016-09-28", "2016-10-02"], "day")[:3], all_periods(["2016-09-28", "2016-12-02"], "month")
    (['2016-09-28', '2016-09-29', '2016-09-30'], ['2016-09', '2016-10', '2016-11', '2016-12'])
    """
    stamps = pd.to_datetime(pd.Series(sorted(set(days)), dtype=object))
    if not len(stamps):
        return []
    every_day = pd.Series(pd.date_range(stamps.min(), stamps.max(), freq="D").strftime("%Y-%m-%d"))
    return list(dict.fromkeys(period_of(every_day, period)))


def day_counts(days: Mapping[str, str], *, quotes: Iterable[dict] = (), terms: Iterable[dict] = (),
               frames: Iterable[dict] = (), sentences: Iterable[dict] = (), acts: tuple = ("speech",)) -> Counter:
    """Counts per day, outlet, measure and key, for the articles in ``days`` (the undated are skipped).

    Measures: ``attributions`` (key: the speaker's side; acts in ``acts`` only), ``terms`` (key: the family),
    ``frame_sentences`` (key: the frame) and ``sentences``. Rows are records with at least ``article_id`` and
    ``outlet`` (pipeline records, or ``DataFrame.to_dict("records")``).

    >>> day_counts({"a1": "2016-10-09"}, quotes=[{"article_id": "a1", "outlet": "X", "side": "Left", "act": "speech"},
    ...                                           {"article_id": "a2", "outlet": "X", "side": "Left", "act": "speech"}])
    Counter({('2016-10-09', 'X', 'attributions', 'Left'): 1})
    """
    counts: Counter = Counter()
    for measure, rows, key in (("attributions", quotes, "side"), ("terms", terms, "family"),
                               ("frame_sentences", frames, "frame"), ("sentences", sentences, None)):
        for row in rows:
            day = days.get(row["article_id"])
            if day is None or (measure == "attributions" and row.get("act", "speech") not in acts):
                continue
            counts[(day, row["outlet"], measure, row[key] if key else "")] += 1
    return counts


def article_counts(articles: pd.DataFrame) -> Counter:
    """``articles`` and ``words`` per day and outlet for the dated articles.

    >>> article_counts(pd.DataFrame({"outlet": ["X"], "published": ["2016-10-09"], "n_words": [120]}))
    Counter({('2016-10-09', 'X', 'words', ''): 120, ('2016-10-09', 'X', 'articles', ''): 1})
    """
    counts: Counter = Counter()
    for outlet, published, words in zip(articles["outlet"], articles["published"], articles["n_words"]):
        day = day_of(published)
        if day is not None:
            counts[(day, outlet, "articles", "")] += 1
            counts[(day, outlet, "words", "")] += int(words)
    return counts


def first_uses(days: Mapping[str, str], *, terms: Iterable[dict] = (), frames: Iterable[dict] = (),
               naming_families: Iterable[str] = ()) -> dict:
    """For each term, naming choice and frame, the earliest dated use by each outlet in these rows.

    Returns:
        ``{(kind, family, item, outlet): (day, article_id, sentence)}``; kind is ``term``, ``naming`` (a term
        of a naming-pair family) or ``frame``.
    """
    naming = set(naming_families)
    found: dict = {}
    for row in terms:
        kind = "naming" if row["family"] in naming else "term"
        _keep_first(found, (kind, row["family"], row["term"], row["outlet"]), days, row)
    for row in frames:
        _keep_first(found, ("frame", "", row["frame"], row["outlet"]), days, row)
    return found


def _keep_first(found: dict, key: tuple, days: Mapping[str, str], row: dict) -> None:
    """Keep ``row`` under ``key`` when it is dated and earlier (day, then article id) than what is kept."""
    day = days.get(row["article_id"])
    if day is not None:
        candidate = (day, row["article_id"], row["sentence"])
        if key not in found or candidate[:2] < found[key][:2]:
            found[key] = candidate


def merge_first_uses(into: dict, more: dict) -> dict:
    """Merge the first uses of another batch into ``into`` (the earlier of the two wins); returns ``into``."""
    for key, value in more.items():
        if key not in into or value[:2] < into[key][:2]:
            into[key] = value
    return into


def timeline_table(counts: Counter, period: str) -> pd.DataFrame:
    """Roll day counts up to ``period`` and compute the measures, each with its count and total.

    Returns:
        Columns ``period, outlet, measure, key, value, count, total``: ``articles`` (value = count = the
        outlet's articles, 0 included; total = all outlets' articles in the period), ``side_share``, ``term_rate``
        (per 1,000 words) and ``frame_share`` (see :data:`MEASURES`). Periods in which an outlet published
        nothing have no rows.
    """
    if not counts:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    tidy = pd.DataFrame([(*k, n) for k, n in counts.items()], columns=["day", "outlet", "measure", "key", "n"])
    tidy["period"] = period_of(tidy["day"], period)
    summed = tidy.groupby(["period", "outlet", "measure", "key"], as_index=False)["n"].sum()
    periods = all_periods(tidy["day"], period)
    frames = [_articles(summed, periods)] + [_measure(summed, name, spec) for name, spec in MEASURES.items()]
    out = pd.concat([f for f in frames if len(f)], ignore_index=True) if any(len(f) for f in frames) else frames[0]
    return out[TIMELINE_COLUMNS].sort_values(["measure", "key", "period", "outlet"], ignore_index=True)


def _articles(summed: pd.DataFrame, periods: list[str]) -> pd.DataFrame:
    """Articles per period and outlet, a 0 included for every outlet in every period of the span (an outlet
    that published nothing that day is a 0 on the chart, not a gap)."""
    rows = summed[summed["measure"] == "articles"].set_index(["period", "outlet"])["n"]
    grid = pd.MultiIndex.from_product([periods, sorted(summed["outlet"].unique())], names=["period", "outlet"])
    out = rows.reindex(grid, fill_value=0).rename("count").reset_index()
    out["measure"], out["key"] = "articles", ""
    out["value"] = out["count"].astype(float)
    out["total"] = out.groupby("period")["count"].transform("sum")
    return out


def _measure(summed: pd.DataFrame, name: str, spec: tuple) -> pd.DataFrame:
    """One measure: its counts per key over the period's denominator (all attributions, words, sentences).
    Every key gets a row, zero included, in each period in which the outlet has a denominator: an outlet
    that wrote but never used a family that month is a 0 on the chart, not a gap."""
    counted, denominator, factor, _ = spec
    rows = summed[summed["measure"] == counted]
    if denominator == "attributions_total":
        totals = rows.groupby(["period", "outlet"])["n"].sum()
    else:
        totals = summed[summed["measure"] == denominator].set_index(["period", "outlet"])["n"]
    totals = totals[totals > 0]
    keys = sorted(rows["key"].unique())
    if not keys or not len(totals):
        return pd.DataFrame(columns=[*TIMELINE_COLUMNS, "n"])
    grid = pd.MultiIndex.from_tuples([(p, o, k) for (p, o) in totals.index for k in keys],
                                     names=["period", "outlet", "key"])
    counts = rows.set_index(["period", "outlet", "key"])["n"].reindex(grid, fill_value=0)
    out = counts.rename("count").reset_index()
    out["total"] = [int(totals[(p, o)]) for p, o in zip(out["period"], out["outlet"])]
    out["value"] = factor * out["count"] / out["total"]
    out["measure"] = name
    return out


def first_use_table(found: dict) -> pd.DataFrame:
    """First uses as a table: for each item, its outlets in the order they first used it.

    Returns:
        Columns :data:`FIRST_USE_COLUMNS`: ``order`` 1 is the first outlet (outlets on the same first day
        share it), ``days_after_first`` counts from the first use by any outlet, ``first_overall`` marks the
        outlets that used it on that first day.
    """
    if not found:
        return pd.DataFrame(columns=FIRST_USE_COLUMNS)
    rows = pd.DataFrame([(*k, *v) for k, v in found.items()],
                        columns=["kind", "family", "item", "outlet", "first_date", "article_id", "sentence"])
    rows = rows.sort_values(["kind", "family", "item", "first_date", "outlet"], ignore_index=True)
    group = rows.groupby(["kind", "family", "item"])["first_date"]
    first = pd.to_datetime(group.transform("min"))
    rows["days_after_first"] = (pd.to_datetime(rows["first_date"]) - first).dt.days
    rows["order"] = group.rank(method="min").astype(int)
    rows["first_overall"] = rows["days_after_first"] == 0
    return rows[FIRST_USE_COLUMNS]


def dated(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles with a readable publication date, and those without (listed in the report)."""
    days = articles["published"].map(day_of)
    return articles[days.notna()], articles[days.isna()]


def corpus_timeline(articles: pd.DataFrame, results: Mapping[str, pd.DataFrame], *, period: str = "auto",
                    naming_families: Iterable[str] = (), acts: tuple = ("speech",)) -> dict:
    """The timeline and first-use tables of an analysed corpus (what notebook 06 shows).

    Args:
        articles: the articles table (with ``published`` and ``n_words``).
        results: :func:`helpers.pipeline.analyze` output.
        period: ``day``, ``week``, ``month`` or ``auto`` (:func:`choose_period`).
        naming_families: the lexicon's naming-pair families (their terms are naming choices).
        acts: attribution acts counted in the side shares.

    Returns:
        ``{"period", "days", "timeline", "first_use"}``; ``days`` is the number of distinct publication days.
    """
    days = {a: d for a, d in zip(articles["article_id"], map(day_of, articles["published"])) if d is not None}
    terms_, frames_ = results["terms"].to_dict("records"), results["frames"].to_dict("records")
    counts = article_counts(articles) + day_counts(
        days, quotes=results["quotes"].to_dict("records"), terms=terms_, frames=frames_,
        sentences=results["sentences"][["article_id", "outlet"]].to_dict("records"), acts=acts)
    dated_outlets = articles.loc[articles["article_id"].isin(days), "outlet"].nunique()
    chosen = choose_period(days.values(), period, articles=len(days), outlets=dated_outlets)
    found = first_uses(days, terms=terms_, frames=frames_, naming_families=naming_families)
    return {"period": chosen, "days": len(set(days.values())), "timeline": timeline_table(counts, chosen),
            "first_use": first_use_table(found)}


def top_keys(timeline_: pd.DataFrame, measure: str, *, n: int = 6) -> list[str]:
    """The ``n`` keys of a measure with the most counts over the whole corpus (the panels a report shows).

    >>> tl = pd.DataFrame({"measure": ["term_rate"] * 3, "key": ["a", "b", "a"], "count": [1, 5, 2]})
    >>> top_keys(tl, "term_rate", n=1)
    ['b']
    """
    rows = timeline_[timeline_["measure"] == measure]
    return rows.groupby("key")["count"].sum().sort_values(ascending=False, kind="stable").head(n).index.tolist()


def adoption(first_use: pd.DataFrame) -> pd.DataFrame:
    """One row per term, naming choice and frame: who used it first, when, and how the others followed.

    Returns:
        Columns ``kind, family, item, first_date, first_outlets, outlets`` (how many used it),
        ``last_date, days_to_last`` (from the first use to the last outlet's first use); the items most
        outlets used first.
    """
    if not len(first_use):
        return pd.DataFrame(columns=["kind", "family", "item", "first_date", "first_outlets", "outlets",
                                     "last_date", "days_to_last"])
    rows = []
    for (kind, family, item), sub in first_use.groupby(["kind", "family", "item"], sort=False):
        lead = sub[sub["order"] == 1]
        rows.append({"kind": kind, "family": family, "item": item, "first_date": lead["first_date"].iloc[0],
                     "first_outlets": ", ".join(sorted(lead["outlet"])), "outlets": sub["outlet"].nunique(),
                     "last_date": sub["first_date"].max(), "days_to_last": int(sub["days_after_first"].max())})
    return pd.DataFrame(rows).sort_values(["outlets", "kind", "item"], ascending=[False, True, True], ignore_index=True)
