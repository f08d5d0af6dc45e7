"""Coverage over time: periods, per-period measures with their counts, first use, and the same tables
from the streaming pipeline as from the notebook."""

from __future__ import annotations

import shutil
from collections import Counter

import pandas as pd
import pytest

from helpers import config, corpus, findings, pipeline, study, terms, timeline

HARBOUR = config.PROJECT_ROOT / "tests" / "studies" / "harbour-corpus"
HARBOUR_STUDY = config.PROJECT_ROOT / "tests" / "studies" / "harbour"


def test_the_period_follows_the_span_and_weeks_start_on_monday():
    assert timeline.choose_period(["2025-03-04", "2025-03-20"], articles=34, outlets=2) == "day"  # daily coverage
    assert timeline.choose_period(["2025-03-04", "2025-03-20"], articles=10, outlets=2) == "week"  # sparse: weeks
    assert timeline.choose_period(["2025-01-01", "2025-06-30"]) == "week"
    assert timeline.choose_period(["2016-01-04", "2016-12-30"]) == "month"
    assert timeline.choose_period(["2016-01-04"], "week") == "week"
    with pytest.raises(ValueError, match="fortnight"):
        timeline.choose_period([], "fortnight")
    assert timeline.period_of(pd.Series(["2025-03-09", "2025-03-10"]), "week").tolist() == ["2025-03-03", "2025-03-10"]


def _counts() -> Counter:
    """Two outlets over two months, written for the test."""
    days = {"g1": "2025-03-04", "g2": "2025-04-02", "h1": "2025-03-20"}
    counts = timeline.day_counts(
        days,
        quotes=[{"article_id": "g1", "outlet": "Gazette", "side": "Port", "act": "speech"},
                {"article_id": "g1", "outlet": "Gazette", "side": "Fishers", "act": "speech"},
                {"article_id": "g1", "outlet": "Gazette", "side": "Fishers", "act": "belief"},  # not speech: not counted
                {"article_id": "h1", "outlet": "Herald", "side": "Port", "act": "speech"},
                {"article_id": "x9", "outlet": "Herald", "side": "Port", "act": "speech"}],  # undated: left out
        terms=[{"article_id": "g2", "outlet": "Gazette", "family": "blame"}],
        sentences=[{"article_id": a, "outlet": o} for a, o in (("g1", "Gazette"), ("g2", "Gazette"), ("h1", "Herald"))])
    articles = pd.DataFrame({"outlet": ["Gazette", "Gazette", "Herald", "Herald"],
                             "published": ["2025-03-04", "2025-04-02", "2025-03-20", None], "n_words": [200, 500, 100, 50]})
    return counts + timeline.article_counts(articles)


def test_measures_per_month_keep_their_counts_and_zeros():
    table = timeline.timeline_table(_counts(), "month").set_index(["measure", "period", "outlet", "key"])
    assert table.loc[("articles", "2025-03", "Gazette", ""), ["count", "total"]].tolist() == [1, 2]
    assert table.loc[("articles", "2025-04", "Herald", ""), ["count", "total"]].tolist() == [0, 1]  # wrote nothing: a 0
    assert table.loc[("side_share", "2025-03", "Gazette", "Fishers"), ["value", "count", "total"]].tolist() == [0.5, 1, 2]
    assert table.loc[("side_share", "2025-03", "Herald", "Fishers"), ["value", "count", "total"]].tolist() == [0.0, 0, 1]
    assert table.loc[("term_rate", "2025-04", "Gazette", "blame"), ["value", "count", "total"]].tolist() == [2.0, 1, 500]
    assert table.loc[("term_rate", "2025-03", "Herald", "blame"), "value"] == 0.0  # wrote that month, used none
    assert ("side_share", "2025-04", "Gazette", "Port") not in table.index  # no attribution that month: no share


def test_first_use_orders_outlets_and_counts_the_days_after():
    days = {"g1": "2025-03-04", "h1": "2025-03-20", "c1": "2025-03-04", "h0": "2025-03-25"}
    rows = [{"article_id": a, "outlet": o, "family": "blame", "term": "sabotage", "sentence": s}
            for a, o, s in (("h1", "Herald", "The Herald repeats 'sabotage'."), ("g1", "Gazette", "Gazette: sabotage."),
                            ("c1", "Coast Radio", "Coast Radio: sabotage."), ("h0", "Herald", "Later use."))]
    found = timeline.first_uses(days, terms=rows[:2], naming_families=["capital_name"])
    found = timeline.merge_first_uses(found, timeline.first_uses(days, terms=rows[2:]))  # a second batch
    table = timeline.first_use_table(found).set_index("outlet")
    assert table.loc["Herald", ["first_date", "order", "days_after_first", "sentence"]].tolist() == [
        "2025-03-20", 3, 16, "The Herald repeats 'sabotage'."]
    assert table.loc["Gazette", "first_overall"] and table.loc["Coast Radio", "first_overall"]  # a tie is shown as one
    adopted = timeline.adoption(timeline.first_use_table(found))
    assert adopted.loc[0, ["first_outlets", "outlets", "days_to_last"]].tolist() == ["Coast Radio, Gazette", 3, 16]


def test_the_seed_corpus_spans_one_day_and_says_so():
    articles = corpus.load_articles(config.RAW_DIR, warn=False)
    results = pipeline.analyze(articles)
    over = timeline.corpus_timeline(articles, results)
    assert over["days"] == 1 and over["timeline"]["period"].nunique() == 1
    with_date, undated = timeline.dated(articles)
    days = with_date["published"].map(timeline.day_of).tolist()
    finding = findings.over_time_finding(over["timeline"], over["first_use"], dated=len(with_date),
                                         undated=len(undated), period=over["period"], days=days)
    assert finding == "All 5 dated articles are dated 19 September 2023, so there is no timeline."


def _dated_corpus(tmp_path):
    """The fictional harbour articles with one moved to the next month and one left undated."""
    folder = tmp_path / "harbour"
    shutil.copytree(HARBOUR, folder)
    manifest = pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False)
    manifest.loc[manifest["article_id"] == "herald-2", "published"] = "2025-05-15"
    manifest.loc[manifest["article_id"] == "gazette-2", "published"] = ""
    manifest.to_csv(folder / "articles.csv", index=False)
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_analyze_writes_the_same_timeline_as_the_notebook(tmp_path, workers):
    folder = _dated_corpus(tmp_path)
    chosen = study.load_study(HARBOUR_STUDY)
    out = tmp_path / f"out{workers}"
    counts = pipeline.analyze_to_files(folder, out, fmt="csv", workers=workers, chunk=1, study=chosen)
    written = pd.concat(pd.read_csv(p, keep_default_na=False) for p in sorted((out / "timeline").glob("*.csv")))
    articles = corpus.load_articles(folder, warn=False)
    over = timeline.corpus_timeline(articles, pipeline.analyze(articles, study=chosen),
                                    naming_families=terms.load_lexicon(chosen.lexicon).naming_pairs)
    expected = over["timeline"]
    assert counts["timeline"] == len(expected) == len(written)
    pd.testing.assert_frame_equal(written.reset_index(drop=True)[["period", "outlet", "measure", "key", "count", "total"]],
                                  expected[["period", "outlet", "measure", "key", "count", "total"]].astype(
                                      {"count": int, "total": int}).reset_index(drop=True), check_dtype=False)
    assert over["period"] == "week" and expected["period"].nunique() >= 2  # March to mid-May: weeks
    firsts = pd.concat(pd.read_csv(p, keep_default_na=False) for p in (out / "timeline_first_use").glob("*.csv"))
    assert "gazette-2" not in set(firsts["article_id"])  # undated: not a first use
    pd.testing.assert_frame_equal(
        firsts.sort_values(["kind", "item", "outlet"]).reset_index(drop=True)[["kind", "item", "outlet", "first_date", "order"]],
        over["first_use"].sort_values(["kind", "item", "outlet"]).reset_index(drop=True)[["kind", "item", "outlet", "first_date", "order"]],
        check_dtype=False)
