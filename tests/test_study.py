"""helpers.study, helpers.drafting and the study threading: a second study written for the tests
(tests/studies/harbour, a fictional harbour dispute) next to the shipped seed and generic studies."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import compare, config, corpus, drafting, frames, pipeline, quotes, study, terms
from helpers.__main__ import main

HERE = Path(__file__).parent / "studies"
HARBOUR, CORPUS = HERE / "harbour", HERE / "harbour-corpus"
EVENT_WORDS = ("Azerbaijan", "Armenia", "Karabakh", "Khankendi", "Stepanakert")


@pytest.fixture(scope="module")
def harbour_articles() -> pd.DataFrame:
    return corpus.load_articles(CORPUS, warn=False)


def write_study(folder: Path, yaml_text: str, speakers: str = "canonical,aliases,side,role,type\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "study.yaml").write_text(yaml_text, encoding="utf-8")
    (folder / "speakers.csv").write_text(speakers, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- reading a study


def test_the_shipped_studies_read_and_differ():
    seed, generic = study.load_study(config.SEED_STUDY), study.load_study(config.GENERIC_STUDY)
    assert seed.sides[:3] == ("Azerbaijan", "Armenia", "Nagorno-Karabakh") and seed.gold_file("quotes_gold")
    assert not generic.has_sides and not generic.measures and generic.gold_file("quotes_gold") is None
    assert generic.side_order == ["Unknown"]


def test_generic_lexicon_and_codebook_name_no_event():
    generic = study.load_study(config.GENERIC_STUDY)
    for path in (generic.lexicon, generic.codebook):
        text = Path(path).read_text(encoding="utf-8")
        assert not any(w.lower() in text.lower() for w in EVENT_WORDS), path
    assert len(frames.load_codebook(generic.codebook).frames) == 14  # the MFC dimensions but "Other"
    assert not terms.load_lexicon(generic.lexicon).naming_pairs


def test_a_side_filled_in_the_table_but_not_listed_gets_a_palette_colour():
    harbour = study.load_study(HARBOUR)
    assert harbour.sides == ("Council", "Residents", "Harbour services")
    assert harbour.side_colors["Harbour services"] in study.PALETTE
    assert harbour.side_colors["Harbour services"] not in {"#0072B2", "#D55E00"}  # not a listed side's colour


def test_files_a_study_does_not_have_come_from_the_generic_study():
    harbour = study.load_study(HARBOUR)
    assert Path(harbour.codebook) == (config.GENERIC_STUDY / "frames.yaml").resolve()
    assert Path(harbour.lexicon) == (HARBOUR / "loaded_terms.yaml").resolve()


@pytest.mark.parametrize("yaml_text, message", [
    ("sides: [{side: Left}]\n", "side 'Left' needs a colour"),
    ("sides: [{side: Left, color: red}]\n", "side 'Left' needs a colour like"),
    ("sides: [{side: Unknown, color: '#000000'}]\n", "reserved name 'Unknown'"),
    ("measures: [{measure: x, kind: side_share}]\n", "measure 'x' \\(side_share\\) needs sides"),
    ("measures: [{measure: x, kind: pie}]\n", "a measure needs 'measure'"),
    ("lexicon: missing.yaml\n", "'lexicon' names missing.yaml, which does not exist"),
    ("sides: [unclosed\n", "cannot be read as YAML"),
    ("- just\n- a list\n", "expected a mapping of settings"),
])
def test_a_malformed_study_is_refused_naming_the_file(tmp_path, yaml_text, message):
    folder = write_study(tmp_path / "bad", yaml_text)
    with pytest.raises(study.StudyError, match=message) as info:
        study.load_study(folder)
    assert str(folder) in str(info.value)


def test_a_folder_without_study_yaml_says_how_to_make_one(tmp_path):
    with pytest.raises(study.StudyError, match="no study.yaml in it.*init-study"):
        study.load_study(tmp_path)


def test_choosing_a_study(tmp_path, monkeypatch):
    monkeypatch.delenv("STUDY", raising=False)
    assert study.choose_study(data_dir=config.RAW_DIR).path == str(config.SEED_STUDY.resolve())
    assert study.choose_study(data_dir=CORPUS).name == "generic (no event)"
    beside = write_study(tmp_path / "study", "name: beside\n")
    (tmp_path / "texts").mkdir()
    assert study.choose_study(data_dir=tmp_path / "texts").path == str(beside)  # a study/ folder beside the corpus
    monkeypatch.setenv("STUDY", str(HARBOUR))
    assert study.choose_study(data_dir=tmp_path / "texts").name == "Old harbour dredging dispute"
    assert study.choose_study(config.GENERIC_STUDY, data_dir=tmp_path / "texts").name == "generic (no event)"


# ---------------------------------------------------------------- the study in the analysis


def test_speakers_take_the_sides_of_the_study_given(harbour_articles):
    got = quotes.extract_quotes(harbour_articles, speakers=study.load_study(HARBOUR).speakers)
    sides = got.groupby("speaker")["side"].first()
    assert sides["Ruth Ames"] == "Council" and sides["Tom Okafor"] == "Residents"
    assert sides["Port Authority"] == "Harbour services"
    assert set(got.loc[got["speaker_mention"] == "he", "speaker"]) == {"Tom Okafor"}  # the pronoun takes the table's name


def test_without_a_study_another_corpus_gets_no_sides_and_no_event(harbour_articles, monkeypatch):
    monkeypatch.delenv("STUDY", raising=False)
    with monkeypatch.context() as m:
        m.setenv("DATA_DIR", str(CORPUS))
        got = quotes.extract_quotes(harbour_articles)
        found = terms.find_terms(harbour_articles)
    assert set(got["side"]) == {"Unknown"}
    assert {"Ruth Ames", "Tom Okafor"} <= set(got["speaker"])  # named without a table
    assert not any(w in " ".join(found["family"]) for w in ("anti_terrorist", "capital_name"))


def test_panels_add_the_study_measures_and_leave_out_what_never_occurs(harbour_articles):
    harbour = study.load_study(HARBOUR)
    results = pipeline.analyze(harbour_articles, study=harbour)
    panels = compare.panels(harbour_articles, results, study=harbour)
    council = panels[panels["measure"] == "Council share of attributions"].set_index("outlet")
    q = quotes.speech(results["quotes"])
    expected = (q["side"] == "Council").groupby(q["outlet"]).mean()
    assert council["value"].to_dict() == pytest.approx(expected.to_dict())
    generic = compare.panels(harbour_articles, pipeline.analyze(harbour_articles, study=study.load_study(config.GENERIC_STUDY)),
                             study=study.load_study(config.GENERIC_STUDY))
    assert set(generic["measure"]) == set(compare.MEASURES)  # no event measures, none all zero by construction
    summary = compare.summary(harbour_articles, results, study=harbour)
    assert "works" in summary.columns and "most_heard_side" in summary.columns


def test_a_study_measure_with_nothing_to_count_is_left_out(harbour_articles, tmp_path):
    folder = write_study(tmp_path / "s", "measures: [{measure: Greens share, kind: side_share, sides: [Greens]},"
                                         " {measure: war frame, kind: frame_share, frame: no_such_frame}]\n")
    s = study.load_study(folder)
    panels = compare.panels(harbour_articles, pipeline.analyze(harbour_articles, study=s), study=s)
    assert "war frame" not in set(panels["measure"])
    assert "Greens share" in set(panels["measure"])  # attributions exist: a true zero share, not an empty measure


# ---------------------------------------------------------------- drafting a study


def test_draft_speakers_merge_one_persons_mentions_and_rank_them(harbour_articles):
    q = quotes.extract_quotes(harbour_articles, speakers=study.load_study(config.GENERIC_STUDY).speakers)
    drafted = drafting.draft_speakers(q)
    assert list(drafted.columns) == drafting.SPEAKER_COLUMNS
    assert drafted["attributions"].is_monotonic_decreasing
    ames = drafted.set_index("canonical").loc["Ruth Ames"]
    assert set(ames["aliases"].split("|")) >= {"Ames", "Mayor Ruth Ames"} and ames["side"] == ""
    assert ames["type"] == "person" and "Ames" in ames["example"]
    assert not drafted["canonical"].str.lower().isin(["he", "she", "they", "it"]).any()


def test_init_study_drafts_a_study_that_reruns_with_sides(tmp_path, harbour_articles, capsys):
    out = tmp_path / "draft"
    assert main(["init-study", str(CORPUS), "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"study.yaml", "speakers.csv", "candidate_terms.csv",
                                               "loaded_terms.yaml", "frames.yaml"}
    assert "fill in the side column" in capsys.readouterr().out
    drafted = study.load_study(out)
    assert not drafted.has_sides
    rows = list(csv.DictReader((out / "speakers.csv").open(encoding="utf-8")))
    for row in rows:  # the researcher fills in sides
        row["side"] = {"Ruth Ames": "Council", "Tom Okafor": "Residents"}.get(row["canonical"], "")
    with (out / "speakers.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    finished = study.load_study(out)
    assert set(finished.sides) == {"Council", "Residents"}
    got = quotes.extract_quotes(harbour_articles, speakers=finished.speakers)
    assert set(got.loc[got["speaker"] == "Ruth Ames", "side"]) == {"Council"}
    candidates = pd.read_csv(out / "candidate_terms.csv")
    assert {"outlet", "word", "g2", "kwic"} <= set(candidates.columns)
    assert candidates["kwic"].str.contains(r"\[", regex=True).all()


def test_init_study_refuses_a_folder_in_use_and_an_empty_corpus(tmp_path, capsys):
    used = tmp_path / "used"
    used.mkdir()
    (used / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["init-study", str(CORPUS), "--out", str(used)]) == 2
    assert "exists and is not an empty folder" in capsys.readouterr().err
    assert (used / "notes.txt").read_text(encoding="utf-8") == "mine"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["init-study", str(empty), "--out", str(tmp_path / "d")]) == 2
    assert not (tmp_path / "d").exists()


def test_drafted_csv_cells_are_spreadsheet_safe(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("Vote result\n\n=HYPERLINK(\"http://x\") Ann Lee said the vote was fair and the count "
                                 "was checked twice by the clerk.\n", encoding="utf-8")
    drafting.draft_study(texts, tmp_path / "draft")
    cells = [c for row in csv.reader((tmp_path / "draft" / "speakers.csv").open(encoding="utf-8")) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_analyze_takes_a_study(tmp_path):
    out = tmp_path / "tables"
    assert main(["analyze", str(CORPUS), "--out", str(out), "--format", "csv", "--workers", "1",
                 "--study", str(HARBOUR)]) == 0
    got = pd.concat(pd.read_csv(p) for p in (out / "quotes").glob("*.csv"))
    assert "Council" in set(got["side"])
    assert main(["analyze", str(CORPUS), "--out", str(tmp_path / "t2"), "--study", str(tmp_path)]) == 2


def test_no_event_word_in_the_package():
    """The seed event lives in data/studies/; the code (docstring examples included) names none of it."""
    event = re.compile(r"azerbaij|armenia|karabakh|khankendi|stepanakert|artsakh", re.I)
    found = [f"{p.name}:{n}" for p in sorted((config.PROJECT_ROOT / "src" / "helpers").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if event.search(line)]
    assert not found
