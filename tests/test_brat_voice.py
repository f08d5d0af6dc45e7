"""helpers.brat_voice: the voice of loaded terms scored against voices derived from brat attributions.

Every text here is written for the test (a storm, a strike, a museum); no PolNeAR text is used.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_evaluation import Ann, at

from helpers import brat_voice, evaluation
from helpers.__main__ import main

STORM = (
    "Storm Hits the Coast\n"
    "\n"
    "The devastating storm flattened three piers on Tuesday.\n"
    "\n"
    "Mayor Ann Cole said the damage to the harbour was catastrophic.\n"
    "\n"
    '"This was the most devastating night our harbour has ever seen," Cole said.\n'
    "\n"
    'Residents called the emergency response a "fiasco".\n'
    "\n"
    "The dock workers' union backed a massive strike over the repairs.\n"
)


def voice_of(text: str, phrase: str, contents: list[str]) -> str:
    start, end = at(text, phrase)
    return brat_voice.gold_voice(start, end, text=text, quotes=brat_voice.voice_quote_spans(text),
                                 contents=[at(text, c) for c in contents])


@pytest.mark.parametrize(("text", "phrase", "contents", "voice"), [
    ("The museum's new wing is a disaster for the old town.", "disaster", [], "author"),
    ("The curator said the new wing was a disaster for the old town.", "disaster",
     ["the new wing was a disaster for the old town"], "reported"),
    ('The curator called the wing "a disaster" on Friday.', "disaster", ["the wing \"a disaster\""], "scare_quote"),
    ('"The wing is a disaster for everyone who loves this town," the curator said.', "disaster",
     ["The wing is a disaster for everyone who loves this town,"], "direct_quote"),
    # a long quotation nobody is annotated as saying is not a direct quote (the seed gold's convention)
    ('A banner read "The wing is a disaster for everyone who loves this town" above the door.', "disaster", [],
     "scare_quote"),
    # two apostrophes print a double quotation mark in some newspapers
    ("''The wing is a disaster for everyone who loves this town,'' the curator said.", "disaster",
     ["The wing is a disaster for everyone who loves this town,"], "direct_quote"),
    ("The curator's ''disaster'' remark drew letters.", "disaster", [], "scare_quote"),
])
def test_gold_voice_follows_the_annotations_and_the_quotation_marks(text, phrase, contents, voice):
    assert voice_of(text, phrase, contents) == voice


def test_a_quotation_does_not_run_into_the_next_paragraph():
    text = '"The wing is a disaster for the town and everyone in it\n\nThe wing, a disaster for taxpayers, opened.'
    assert voice_of(text, "disaster for the", []) == "scare_quote"  # unclosed: runs to its paragraph's end
    assert voice_of(text, "disaster for taxpayers", []) == "author"


def test_raw_place_maps_cleaned_offsets_and_refuses_what_it_cannot_find():
    raw = "Share this article\n\nThe  devastating storm hit.\nThe devastating storm passed."
    clean = "The devastating storm hit.\nThe devastating storm passed."
    first, second = clean.index("devastating"), clean.rindex("devastating")
    c, r = evaluation.squeeze(clean), evaluation.squeeze(raw)
    assert brat_voice.raw_place(c, r, first, first + 11) == (raw.index("devastating"), raw.index("devastating") + 11)
    assert brat_voice.raw_place(c, r, second, second + 11) == (raw.rindex("devastating"), raw.rindex("devastating") + 11)
    other = evaluation.squeeze("A calm night on the coast.")
    assert brat_voice.raw_place(c, other, first, first + 11) is None


@pytest.fixture()
def storm(tmp_path):
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    a = Ann(STORM)
    a.event("said", "Mayor Ann Cole", ["the damage to the harbour was catastrophic"])
    a.event("said", "Cole", ["This was the most devastating night our harbour has ever seen,"])
    a.event("called", "Residents", ['the emergency response a "fiasco"'])
    a.event("backed", "The dock workers' union", ["a massive strike over the repairs"])  # a stance: no cue word of ours
    a.write(tmp_path / "storm.ann")
    return tmp_path


def test_voice_scored_from_the_extractor_s_own_attributions(storm):
    result = evaluation.evaluate_attributions(storm)
    rows = result["voice_rows"].set_index("match")
    assert list(result["voice_rows"]["gold_voice"]) == ["author", "reported", "direct_quote", "scare_quote",
                                                        "reported"]
    assert rows.loc["catastrophic", "voice"] == "reported" and rows.loc["catastrophic", "speaker"] == "Ann Cole"
    assert rows.loc["fiasco", "voice"] == "scare_quote"
    assert rows.loc["massive", "voice"] == "author"  # the stance is not read as speech, so this one is wrong
    assert result["voice_accuracy"] == pytest.approx(4 / 5)
    assert result["voice_recall"]["reported"] == (1, 2) and result["n_voice_unlocated"] == 0
    assert result["voice_lexicon"].endswith("generic/loaded_terms.yaml")


def test_cli_prints_the_voice_line_and_writes_the_rows(storm, tmp_path, capsys):
    out = tmp_path / "voice.csv"
    assert main(["evaluate-attributions", str(storm), "--voice", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "voice of loaded terms of generic/loaded_terms.yaml: accuracy 0.80 (of 5 occurrences)" in printed
    assert f"--voice {out}" in printed
    written = pd.read_csv(out)
    assert list(written.columns) == brat_voice.VOICE_COLUMNS and len(written) == 5


def test_another_extractor_s_rows_get_no_voice(storm):
    empty = pd.DataFrame(columns=["article_id", "quote_start", "quote_end", "cue_start", "cue_end"])
    assert "voice_accuracy" not in evaluation.evaluate_attributions(storm, extract=lambda articles: empty)


def test_terms_of_articles_the_gold_lacks_are_counted_apart_not_scored(storm):
    result = evaluation.evaluate_attributions(storm)
    articles = pd.DataFrame({"article_id": ["storm"], "text": [STORM]})
    stray = pd.DataFrame([{"article_id": "elsewhere", "family": "hyperbole", "match": "massive", "voice": "author",
                           "speaker": "", "sentence": "A massive crowd.", "start": 2, "end": 9}])
    scored = brat_voice.score_voice(stray, {"storm": STORM}, pd.DataFrame(columns=["article_id", "content_spans"]),
                                    articles)
    assert scored["n_voice"] == 0 and scored["n_voice_unlocated"] == 1 and scored["voice_accuracy"] != scored["voice_accuracy"]
    assert brat_voice.format_voice(scored) == "voice of loaded terms: none scored (1 not found in the raw text)"
    assert result["n_voice"] == 5
