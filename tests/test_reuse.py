"""helpers.reuse on real sentence pairs: several articles derive from one report; what each changed."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from helpers import config, corpus, quotes, reuse

AJ = ["000_22ad30d77ef84d46", "001_1cb68c8d987a8725", "003_600b6cc6296a0fc2"]


@pytest.fixture(scope="module")
def data():
    articles = corpus.load_articles(config.RAW_DIR)
    sents = corpus.sentences(articles)
    aligned = reuse.align_sentences(articles, sentences=sents)
    return articles, sents, aligned, reuse.edits(aligned)


def pair_articles(a: str, b: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a", "b"], "outlet": ["A", "B"], "headline": ["", ""], "text": [a, b]})


def test_three_articles_derive_from_one_report(data):
    _, sents, aligned, _ = data
    groups = reuse.derived_groups(aligned, sents)
    by_id = groups.set_index("article_id")["group"]
    assert by_id[AJ[0]] == by_id[AJ[1]] == by_id[AJ[2]]
    assert groups.groupby("group").size().sort_values().tolist() == [1, 1, 3]


@pytest.mark.parametrize("a,b,old,new", [
    ("Armenia’s foreign ministry called on Russian peacekeepers to intervene in Armenian-majority areas and stop what "
     "it called Azerbaijan’s “total aggression” against the local population.",
     "Armenia's foreign ministry has called on Russian peacekeeping troops deployed in the region to intervene and halt "
     "what it has labeled Azerbaijan's \"full-scale aggression\" against the local population.", "total", "full-scale"),
    ("An AFP reporter said explosions were heard in the region’s de facto capital, known as Stepanakert to Armenians and "
     "Khankendi to Azerbaijanis.",
     "A reporter of the AFP news agency said explosions were heard in the region’s de facto capital, known as "
     "Stepanakert to Armenians and Khankendi in Azerbaijani.", "to Azerbaijanis", "in Azerbaijani"),
])
def test_token_edits(a, b, old, new):
    articles = pair_articles(a, b)
    aligned = reuse.align_sentences(articles, min_article_overlap=0.0)
    assert len(aligned) == 1
    e = reuse.edits(aligned)
    assert ((e["text_a"] == old) & (e["text_b"] == new)).any()


def test_aggression_edit_is_a_framing_edit(data):
    _, _, _, e = data
    row = e[(e["text_a"] == "total") & (e["text_b"] == "full-scale")].iloc[0]
    assert row["families"] == "aggression" and row["touches_quote"] and row["framing_edit"]


def test_khankendi_variants(data):
    _, _, aligned, _ = data
    khan = aligned[aligned["text_a"].str.contains("Khankendi") & aligned["text_b"].str.contains("Khankendi")]
    phrases = set()
    for text in pd.concat([khan["text_a"], khan["text_b"]]):
        phrases.add(text.split("Khankendi")[1].strip(" .,").split(",")[0])
    assert {"in Azerbaijani", "to Azerbaijanis", "in Azerbaijan"} <= phrases


def test_dropped_quote(data):
    articles, sents, aligned, _ = data
    only = reuse.unaligned(aligned, sents, AJ[1], AJ[2])
    dujarric = only[only["text"].str.contains("Dujarric told Al Jazeera")]
    assert dujarric["only_in"].tolist() == [AJ[1]]  # Tasnim dropped the UN quote


def test_pair_summary(data):
    articles, sents, aligned, _ = data
    summary = reuse.pair_summary(aligned, sents, quotes.extract_quotes(articles), reuse.similarity_pairs(articles))
    row = summary.set_index(["article_a", "article_b"]).loc[(AJ[1], AJ[2])]
    assert row["aligned"] == len(aligned[(aligned["article_a"] == AJ[1]) & (aligned["article_b"] == AJ[2])]) >= 5
    assert row["only_in_a"] + row["aligned"] == (sents["article_id"] == AJ[1]).sum()  # every sentence of A counted once


def test_similarity_is_containment(data):
    articles = data[0]
    sim = reuse.top_articles(reuse.similarity_pairs(articles), articles["article_id"])
    assert (sim.values.diagonal() == 1).all()
    assert sim.loc[AJ[0], AJ[1]] > 0.3 and sim.loc["002_72572ea6659044dd", AJ[0]] < 0.05


# Articles written for these tests, on other topics: a council story, two copies of it, a rail strike that shares
# a stock phrase with it, an unrelated bakery story, and a two-word note with no 3-gram at all.
COUNCIL = ("The town council approved a budget of four million euros on Monday evening. "
           "The mayor said in a statement that the money would repair the old bridge over the river. "
           "Opposition members walked out before the vote, calling the plan rushed. "
           "Work on the bridge is expected to begin in the spring and last eight months.")
TEXTS = {
    "council": COUNCIL,
    "council_repost": COUNCIL.replace("walked out before the vote, calling the plan rushed",
                                      "left the chamber before the vote and called the plan reckless"),
    "council_excerpt": "The town council approved a budget of four million euros on Monday evening. "
                       "Readers may comment below.",
    "rail": ("Train drivers will strike for two days next week over pay. The union said in a statement that talks "
             "had failed. Commuters were told to work from home where they could."),
    "bakery": ("A bakery on Mill Lane has sold sourdough loaves since dawn for thirty years. Its owner plans to retire "
               "in June and hand the ovens to her nephew."),
    "note": "Correction appended.",
}


def articles_of(texts: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(texts), "outlet": [f"Outlet {k}" for k in texts], "headline": "",
                         "text": list(texts.values())})


def dense_containment(texts: dict[str, str], *, n: int = 3, max_articles: int | None = None) -> dict:
    """The straightforward computation: every ordered pair, share of A's shingles (counted ones) found in B."""
    sets = {k: reuse.shingles(t, n=n) for k, t in texts.items()}
    df = Counter(sh for s in sets.values() for sh in s)
    counted = {k: {sh for sh in s if max_articles is None or df[sh] <= max_articles} for k, s in sets.items()}
    return {(a, b): len(counted[a] & counted[b]) / len(sets[a])
            for a in texts for b in texts if a != b and counted[a] & counted[b]}


@pytest.mark.parametrize("max_articles", [None, 100, 2])
def test_similarity_pairs_equal_dense_containment(max_articles):
    sim = reuse.similarity_pairs(articles_of(TEXTS), max_articles=max_articles)
    assert list(sim.columns) == ["article_id", "other_id", "share"]
    assert dict(zip(zip(sim["article_id"], sim["other_id"]), sim["share"])) == \
        dense_containment(TEXTS, max_articles=max_articles)
    assert sim["share"].is_monotonic_decreasing
    if max_articles is None:  # containment is asymmetric: the short excerpt is mostly in the long story
        share = sim.set_index(["article_id", "other_id"])["share"]
        assert share[("council_excerpt", "council")] > 0.7 > 0.3 > share[("council", "council_excerpt")]
        assert ("rail", "council") in share.index and ("note", "council") not in share.index


def test_cap_leaves_out_boilerplate_and_lists_it():
    boiler = " All rights reserved by the publisher."
    texts = {k: t + boiler for k, t in TEXTS.items()}
    capped = reuse.similarity_pairs(articles_of(texts), max_articles=3)
    assert not ((capped["article_id"] == "bakery") & (capped["other_id"] == "note")).any()  # only boilerplate shared
    assert set(reuse.skipped_shingles(articles_of(texts), max_articles=3)["shingle"]) >= {"all rights reserved"}
    assert len(reuse.similarity_pairs(articles_of(texts), max_articles=None)) > len(capped)


def test_similarity_rejects_duplicate_ids():
    with pytest.raises(ValueError, match="'council' occurs more than once"):
        reuse.similarity_pairs(pd.concat([articles_of(TEXTS), articles_of(TEXTS).head(1)]))


NEWS = [
    "The harbour master announced {} new ferry crossings for the summer season.",
    "A local teacher collected {} signatures against the school lunch menu.",
    "The fire brigade ran a drill at the old mill with {} volunteers.",
    "Our weather desk measured {} millimetres of rain on the hills overnight.",
    "The museum curator will show {} Roman coins found near the quarry.",
    "A city planner proposed a cycle lane of {} metres on Bridge Street.",
    "The youth league final drew {} spectators despite the cold wind.",
    "Hospital nurses worked {} extra night shifts during the flu outbreak.",
    "The library board extended Sunday opening hours by {} minutes.",
    "A young farmer sold {} pumpkins at the harvest festival.",
]


def news_corpus(n: int, *, seed: int = 0) -> pd.DataFrame:
    """``n`` short local-news articles (test-written sentences, random numbers); every tenth copies the one before."""
    rng, texts = random.Random(seed), {}
    for i in range(n):
        if i % 10 == 9:
            texts[f"n{i:05d}"] = texts[f"n{i - 1:05d}"].replace(" the ", " a ", 1) + " Updated later."
        else:
            texts[f"n{i:05d}"] = " ".join(rng.choice(NEWS).format(rng.randint(2, 9999)) for _ in range(5))
    return articles_of(texts)


MEASURE = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from test_reuse import news_corpus
from helpers import reuse
articles = news_corpus(int(sys.argv[2]))
reuse.similarity_pairs(articles.head(50))  # imports and first-call allocations out of the way
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reuse.similarity_pairs(articles)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * (1 if sys.platform == "darwin" else 1024))
"""


def test_similarity_memory_stays_far_below_a_dense_matrix():
    n, bound = 3_000, 32 * 2**20
    assert bound < n * n * 8  # the old code held an n x n float64 matrix (72 MB here), an n x n float32 one and more
    run = subprocess.run([sys.executable, "-c", MEASURE, str(Path(__file__).parent), str(n)],
                         capture_output=True, text=True, check=True)
    grown = int(run.stdout.split()[-1])
    assert grown < bound, f"similarity_pairs grew the peak RSS by {grown / 2**20:.0f} MiB for {n} articles"
    sim = reuse.similarity_pairs(news_corpus(n))
    top = sim.drop_duplicates("article_id").set_index("article_id")["other_id"]  # each article's closest other
    copies = [f"n{i:05d}" for i in range(9, n, 10)]
    assert all(top[c] == f"n{int(c[1:]) - 1:05d}" for c in copies)
    assert len(sim) < n * (n - 1) / 50


UNRELATED = {
    "garden": "Volunteers planted tomatoes, beans and marigolds along the old railway embankment. "
              "The plots will be shared by forty families.",
    "match": "A header in stoppage time gave the visitors a narrow win on Saturday. Their coach praised the defenders.",
    "weather": "Hailstones the size of peas damaged orchards overnight. Forecasters expect calmer skies by Thursday.",
}


def test_no_shared_text_gives_empty_tables_with_their_columns():
    articles = articles_of(UNRELATED)
    sents = corpus.sentences(articles)
    sim = reuse.similarity_pairs(articles)
    aligned = reuse.align_sentences(articles, sentences=sents, similarity=sim)
    pairs = reuse.pair_summary(aligned, sents, quotes.extract_quotes(articles, sentences=sents), sim)
    edits = reuse.edits(aligned)
    assert sim.empty and list(sim.columns) == ["article_id", "other_id", "share"]
    assert reuse.candidate_pairs(sim, min_overlap=0.0) == []
    assert aligned.empty and list(aligned.columns)[:3] == ["article_a", "outlet_a", "sentence_a"]
    assert pairs.empty and list(pairs.columns)[:4] == ["article_a", "article_b", "share_a_in_b", "share_b_in_a"]
    assert edits.empty and list(edits[edits["framing_edit"]].columns) == list(edits.columns)
    assert pairs["article_a"].map(reuse.article_labels(articles)).empty
    square = reuse.top_articles(sim, articles["article_id"])
    assert (square.to_numpy() == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]).all()
    assert reuse.derived_groups(aligned, sents)["group_size"].eq(1).all()
    assert reuse.overlap_note(sim, reuse.article_labels(articles)).startswith("No two articles share text")
    assert reuse.no_pairs_note(sim).startswith("No two articles share text")
