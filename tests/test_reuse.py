"""helpers.reuse on real sentence pairs: several articles derive from one report; what each changed."""

from __future__ import annotations

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
    summary = reuse.pair_summary(aligned, sents, quotes.extract_quotes(articles), reuse.similarity_matrix(articles))
    row = summary.set_index(["article_a", "article_b"]).loc[(AJ[1], AJ[2])]
    assert row["aligned"] == len(aligned[(aligned["article_a"] == AJ[1]) & (aligned["article_b"] == AJ[2])]) >= 5
    assert row["only_in_a"] + row["aligned"] == (sents["article_id"] == AJ[1]).sum()  # every sentence of A counted once


def test_similarity_is_containment(data):
    articles = data[0]
    sim = reuse.similarity_matrix(articles)
    assert (sim.values.diagonal() == 1).all()
    assert sim.loc[AJ[0], AJ[1]] > 0.3 and sim.loc["002_72572ea6659044dd", AJ[0]] < 0.05
