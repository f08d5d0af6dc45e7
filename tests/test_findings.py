"""helpers.findings: each report's headline sentence states what its table says (tables written for the test)."""

from __future__ import annotations

import pandas as pd

from helpers import findings
from helpers.study import Study

NO_SIDES = Study(path="s", name="generic", speakers="", lexicon="", codebook="")
SIDES = Study(path="s", name="harbour", speakers="", lexicon="", codebook="", sides=("Council", "Residents"))


def test_speakers_finding_names_each_outlets_most_heard_side_and_never_unknown():
    q = pd.DataFrame({"outlet": ["Gazette"] * 4 + ["Herald"] * 2,
                      "side": ["Unknown", "Unknown", "Unknown", "Council", "Residents", "Residents"],
                      "speaker": ["a", "b", "c", "Ames", "Okafor", "Okafor"]})
    got = findings.speakers_finding(q, SIDES)
    assert got == "Most-heard side: Gazette gives Council 25% of its 4 attributions; Herald gives Residents 100% of its 2 attributions."
    assert findings.speakers_finding(q, NO_SIDES).startswith(  # four speakers tied: all counted, none picked by sort order
        "Most-attributed speaker: Gazette gives Ames, a, b and 1 more 25% each of its 4 attributions;")
    tied = pd.DataFrame({"outlet": ["Herald"] * 4, "side": ["Council", "Residents", "Council", "Residents"],
                         "speaker": ["Ames", "Okafor", "Ames", "Okafor"]})
    assert findings.speakers_finding(tied, SIDES) == (
        "Most-heard side: Herald gives Council and Residents 50% each of its 4 attributions.")
    assert findings.most_heard(tied["side"].value_counts(), 4) == "Council and Residents (2 of 4 each)"
    assert findings.speakers_finding(q.iloc[0:0], SIDES) == "No attribution was found."


def test_terms_finding_leaves_place_names_out():
    found = pd.DataFrame({"family": ["capital", "capital", "capital", "hyperbole"], "voice": ["author"] * 3 + ["reported"]})
    assert findings.terms_finding(found, naming_pairs=["capital"]) == (
        "The commonest loaded-term family is hyperbole: 1 occurrences, 0 in the outlets' own voice.")


def test_corpus_and_reuse_findings_count():
    articles = pd.DataFrame({"outlet": ["A", "A", "B"], "published": [None, "2025-03-04", "2025-03-07"]})
    assert findings.corpus_finding(articles, SIDES) == "3 articles from 2 outlets, dated 2025-03-04 to 2025-03-07; study: harbour."
    groups = pd.DataFrame({"group": [1, 2, 3], "group_size": [1, 1, 1]})
    assert findings.reuse_finding(groups).startswith("No two of the 3 articles")
