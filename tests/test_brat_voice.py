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


def hand_file(tmp_path, rows: list[tuple[str, str, str]], name: str = "hand.csv"):
    """A hand voice file for STORM: (phrase, which occurrence 'first'/'last', voice) per row."""
    lines = ["article_id,start,end,match,voice"]
    for phrase, which, voice in rows:
        start = STORM.index(phrase) if which == "first" else STORM.rindex(phrase)
        lines.append(f"storm,{start},{start + len(phrase)},{phrase},{voice}")
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


STORM_BY_HAND = [("devastating", "first", "author"), ("catastrophic", "first", "reported"),
                 ("devastating", "last", "direct_quote"), ("fiasco", "first", "scare_quote"),
                 # by hand, the stance "backed a massive strike" is the author's word, not reported speech
                 ("massive", "first", "author")]


def test_hand_labels_are_matched_by_place_and_scored(storm, tmp_path):
    result = evaluation.evaluate_attributions(storm, voice_gold=hand_file(tmp_path, STORM_BY_HAND))
    assert result["hand_voice_accuracy"] == 1.0 and result["n_hand_voice"] == 5
    assert result["voice_accuracy"] == pytest.approx(4 / 5)  # the derived voice calls "massive" reported
    assert result["n_hand_not_found"] == 0 and result["n_hand_unlabelled"] == 0
    rows = result["hand_voice_rows"]
    assert list(rows["hand_voice"]) == [v for _, _, v in STORM_BY_HAND]
    assert rows.loc[rows["hand_voice"] == "direct_quote", "start"].item() == STORM.rindex("devastating")


def test_hand_labels_count_terms_missing_on_either_side(storm, tmp_path):
    rows = [("flattened", "first", "author"), ("catastrophic", "first", "author")]  # "flattened" is no lexicon term
    result = evaluation.evaluate_attributions(storm, voice_gold=hand_file(tmp_path, rows))
    assert (result["n_hand_voice"], result["n_hand_not_found"], result["n_hand_unlabelled"]) == (1, 1, 4)
    assert result["hand_voice_accuracy"] == 0.0 and result["hand_voice_recall"]["author"] == (0, 1)
    assert brat_voice.format_hand_voice(result, source="hand.csv") == (
        "voice against the hand labels of hand.csv: accuracy 0.00 (of 1 occurrences; 1 labelled term not found; "
        "4 found terms without a label); right by hand voice: author 0 of 1")


def test_cli_prints_the_hand_voice_line(storm, tmp_path, capsys):
    path = hand_file(tmp_path, STORM_BY_HAND)
    assert main(["evaluate-attributions", str(storm), "--voice-gold", str(path)]) == 0
    printed = " ".join(capsys.readouterr().out.split())  # the line is wrapped at 100 characters
    assert "voice against the hand labels of hand.csv: accuracy 1.00 (of 5 occurrences); right by hand voice: " \
           "author 2 of 2, reported 1 of 1, direct_quote 1 of 1, scare_quote 1 of 1" in printed
    assert f"--voice-gold {path}" in printed


@pytest.mark.parametrize(("content", "message"), [
    ("article_id,start,end,voice\nstorm,1,2,author\n", "missing column(s) match"),
    ("article_id,start,end,match,voice\nstorm,12,4,x,author\n", "line 2: start and end must be offsets"),
    ("article_id,start,end,match,voice\nstorm,0,5,Storm,quoted\n", "line 2: voice 'quoted' is not one of"),
    ("article_id,start,end,match,voice\nstorm,0,5,Storm,author\n\nstorm,6,10,Rain,author\n",
     "line 4: storm [6:10] holds 'Hits', not 'Rain'"),  # the blank line counts
    ("article_id,start,end,match,voice\nstorm,0,5,Storm,author\nstorm,0,5,Storm,reported\n",
     "line 3: the same place as line 2 is labelled again"),
    ("article_id,start,end,match,voice\nstorm,\u00b2,5,Storm,author\n", "line 2: start and end must be offsets"),
    ("article_id,start,end,match,voice\nflood,0,5,Storm,author\n", "line 2: article 'flood' is not among"),
])
def test_a_bad_hand_file_is_named_with_its_problem(storm, tmp_path, capsys, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    assert main(["evaluate-attributions", str(storm), "--voice-gold", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}") and message in err and "Traceback" not in err


def test_a_missing_hand_file_is_named(storm, tmp_path):
    with pytest.raises(brat_voice.VoiceGoldError, match="nowhere.csv: cannot read"):
        evaluation.evaluate_attributions(storm, voice_gold=tmp_path / "nowhere.csv")


def test_hand_rows_pair_exact_places_first(storm, tmp_path):
    """A wide hand row ("massive strike") does not take the term an exact row ("massive") labels."""
    start = STORM.index("massive")
    path = tmp_path / "wide.csv"
    path.write_text("article_id,start,end,match,voice\n"
                    f"storm,{start},{start + 14},massive strike,author\nstorm,{start},{start + 7},massive,reported\n",
                    encoding="utf-8-sig")  # a BOM is read too
    result = evaluation.evaluate_attributions(storm, voice_gold=path)
    rows = result["hand_voice_rows"]
    assert list(zip(rows["match"], rows["hand_voice"])) == [("massive", "reported")]
    assert result["n_hand_not_found"] == 1 and result["n_hand_unplaced"] == 0


def test_a_folder_of_texts_alone_is_scored_for_voice_only(tmp_path, capsys):
    """Texts with no .ann at all and a hand voice file: the hand voice is scored, nothing else is claimed."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "storm.txt").write_text(STORM, encoding="utf-8")
    path = hand_file(tmp_path, STORM_BY_HAND)
    result = evaluation.evaluate_attributions(folder, voice_gold=path)
    assert result["n_gold"] == 0 and result["n_articles"] == 1
    assert result["hand_voice_accuracy"] == 1.0 and result["n_hand_voice"] == 5
    assert main(["evaluate-attributions", str(folder), "--voice-gold", str(path)]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "1 articles with no annotated attribution: content, form and source figures need brat" in printed
    assert "precision" not in printed and "voice of loaded terms" not in printed  # nothing to compare them with
    assert "voice against the hand labels of hand.csv: accuracy 1.00 (of 5 occurrences)" in printed


def test_a_folder_of_texts_alone_needs_a_hand_voice_file(tmp_path, capsys):
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    assert main(["evaluate-attributions", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no brat .ann/.txt pairs found" in err and "only with a hand voice file" in err


def test_texts_beside_annotated_ones_are_still_left_out(storm, tmp_path):
    """A folder with some .ann files is an annotated corpus: an unannotated text there is not read as voice-only."""
    (storm / "other.txt").write_text("The other text.\n", encoding="utf-8")
    raw_texts, _ = evaluation.read_brat(storm, texts_only=True)
    assert list(raw_texts) == ["storm"]


def test_the_shipped_hand_voice_files_read_cleanly():
    """The gold files of the generic study: valid offsets and voices; the two held-out BBC readings label the
    same 200 places and agree on all but a few; the development sample shares no article with the held-out one."""
    from helpers import config

    gold = config.STUDIES_DIR / "generic" / "gold"
    first, second = (brat_voice.read_hand_voice(gold / f"bbc_heldout_voice{s}.csv") for s in ("", "_second"))
    dev = brat_voice.read_hand_voice(gold / "bbc_dev_voice.csv")
    assert len(first) == len(second) == len(dev) == 200
    places = ["article_id", "start", "end", "match"]
    assert first[places].equals(second[places])
    assert (first["voice"] == second["voice"]).sum() == 196
    assert not set(dev["article_id"]) & set(first["article_id"])
    assert len(brat_voice.read_hand_voice(gold / "polnear_dev_voice.csv")) == 131


def test_a_voice_only_folder_names_the_user_s_folder_in_its_errors(tmp_path, capsys):
    hand = hand_file(tmp_path, STORM_BY_HAND)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["evaluate-attributions", str(empty), "--voice-gold", str(hand)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {empty}: no brat .ann/.txt pairs found")
    blank = tmp_path / "blank"
    blank.mkdir()
    (blank / "storm.txt").write_text("", encoding="utf-8")
    assert main(["evaluate-attributions", str(blank), "--voice-gold", str(hand)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {blank}: none of its 1 .txt files could be loaded") and "brat-eval-" not in err


def test_a_voice_only_folder_writes_no_error_or_voice_file(tmp_path, capsys):
    """--errors and --voice compare with annotations; with none they would list every prediction as false."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "storm.txt").write_text(STORM, encoding="utf-8")
    errors, voice = tmp_path / "errors.csv", tmp_path / "voice.csv"
    assert main(["evaluate-attributions", str(folder), "--voice-gold", str(hand_file(tmp_path, STORM_BY_HAND)),
                 "--errors", str(errors), "--voice", str(voice)]) == 0
    captured = capsys.readouterr()
    assert "--errors and --voice (which compare with the annotations) are not written" in captured.err
    assert not errors.exists() and not voice.exists() and "--errors" not in captured.out.split("reproduce:")[1]
