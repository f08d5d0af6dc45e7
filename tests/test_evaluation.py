"""helpers.evaluation: scoring attributions against brat standoff annotations.

The corpus is written here by hand (invented sentences about a city council); no PolNeAR text is used.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import evaluation
from helpers.__main__ import main

COUNCIL = (
    "City Council Backs New Bike Lanes\n"
    "\n"
    '"We are finally putting cyclists first," Mayor Linda Ortiz said on Tuesday.\n'
    "\n"
    'Councillor Tom Baker said the lanes would cost "far more than anyone admits" and urged a delay.\n'
    "\n"
    "The transport office said that construction would begin in the spring.\n"
    "\n"
    "Residents, the report noted, have asked for safer streets for years.\n"
    "\n"
    "Critics warned that parking would vanish, and that shops would suffer.\n"
    "\n"
    "It is expected that the work will finish by autumn.\n"
    "\n"
    "The mayor later told reporters that funding was secure.\n"
)
PARK = (
    "Parks director Ana Cruz spoke at the meeting.\n"
    "\n"
    "\u201cThe fountain stays,\u201d she said.\n"
    "\n"
    "Mr. Lee, a resident, said the fountain was too loud.\n"
)


def at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


class Ann:
    """Build a brat .ann file line by line."""

    def __init__(self, text: str):
        self.text, self.lines, self.t, self.e = text, [], 0, 0

    def span(self, kind: str, *phrases: str) -> str:
        self.t += 1
        spans = [at(self.text, p) for p in phrases]
        offsets = ";".join(f"{a} {b}" for a, b in spans)
        self.lines.append(f"T{self.t}\t{kind} {offsets}\t{' '.join(self.text[a:b] for a, b in spans)}")
        return f"T{self.t}"

    def event(self, cue: str | None = None, source: str | None = None, content=(), content2=(), *,
              kind: str = "Attribution") -> None:
        roles = []
        if content:
            roles.append(f"Content:{self.span('Content', *content)}")
        if content2:
            roles.append(f"Content2:{self.span('Content', *content2)}")
        if cue:
            roles.append(f"Cue:{self.span('Cue', cue)}")
            trigger = self.span(kind, cue)
        else:
            trigger = self.span(kind, content[0])
        if source:
            roles.append(f"Source:{self.span('Source', source)}")
        self.e += 1
        self.lines.append(f"E{self.e}\t{kind}:{trigger} " + " ".join(roles))

    def write(self, path) -> None:
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")


@pytest.fixture()
def brat(tmp_path):
    """Two articles: ``council`` annotated by two annotators (alice is used), ``park`` by one."""
    (tmp_path / "council.txt").write_text(COUNCIL, encoding="utf-8")
    (tmp_path / "park.txt").write_text(PARK, encoding="utf-8")
    a = Ann(COUNCIL)
    a.event("said", "Mayor Linda Ortiz", ["We are finally putting cyclists first,"])  # direct
    a.event("said", "Councillor Tom Baker", ['the lanes would cost "far more than anyone admits"'])  # mixed
    a.event("said", "The transport office", ["that construction would begin in the spring"])  # indirect
    a.event("noted", "the report", ["Residents", "have asked for safer streets for years"])  # discontinuous
    a.event("warned", "Critics", ["parking would vanish"], ["shops would suffer"])  # Content2
    a.event("is expected", None, ["the work will finish by autumn"], kind="Attribution-no-source")  # no source
    a.event("told", "The mayor", ["funding was secure"])  # nobody predicts it
    a.event("urged", "Councillor Tom Baker")  # no content: not gold
    a.lines.append("#1\tAnnotatorNotes T1\tfine")
    a.lines.append("A1\tConfidence E1 High")
    a.write(tmp_path / "council_alice.ann")
    b = Ann(COUNCIL)
    b.event("said", "Mayor Linda Ortiz", ["We are finally putting cyclists first"])
    b.write(tmp_path / "council_bob.ann")
    p = Ann(PARK)
    p.event("said", "she", ["The fountain stays,"])  # direct, curly marks, pronoun source
    p.event("said", "Mr. Lee", ["the fountain was too loud"])
    p.write(tmp_path / "park.ann")
    return tmp_path


def pred_row(articles: pd.DataFrame, article_id: str, content: str, cue: str, speaker: str, mention: str = "",
             *, nth: int = 0) -> dict:
    """A hand-made prediction with offsets into the cleaned text."""
    text = articles.set_index("article_id").loc[article_id, "text"]
    q = at(text, content, nth) if content else (0, 0)
    c = at(text, cue)
    if not content:
        q = (c[0], c[0])
    return {"article_id": article_id, "speaker": speaker, "speaker_mention": mention or speaker, "kind": "",
            "cue": cue, "quote": content, "quote_start": q[0], "quote_end": q[1], "cue_start": c[0],
            "cue_end": c[1], "start": min(q[0], c[0]), "end": max(q[1], c[1]), "sentence": content or cue,
            "act": "speech"}


def fake_extract(articles: pd.DataFrame) -> pd.DataFrame:
    rows = [
        pred_row(articles, "council", "We are finally putting cyclists first,", "said", "Linda Ortiz",
                 "Mayor Linda Ortiz"),  # 1.0
        pred_row(articles, "council", "far more than anyone admits", "said", "he"),  # 5/9, wrong source
        pred_row(articles, "council", "construction would begin in the spring", "said", "transport office"),  # 6/7
        pred_row(articles, "council", "The transport office said that construction would begin", "said",
                 "council"),  # 4/8 with the same gold: loses to the one above
        pred_row(articles, "council", "Residents, the report noted, have asked for safer streets for years", "noted",
                 "the report"),  # 8/11: the discontinuous gold leaves out "the report noted"
        pred_row(articles, "council", "shops would suffer", "warned", "Critics"),  # 3/6 thanks to Content2
        pred_row(articles, "council", "the work will finish by autumn", "is expected", "unknown", ""),  # 1.0
        pred_row(articles, "council", "City Council Backs New Bike Lanes", "Backs", "City Council"),  # false positive
        pred_row(articles, "council", "", "urged", "Tom Baker"),  # empty content: located by its cue, cannot match
        pred_row(articles, "park", "The fountain stays,", "said", "Ana Cruz", "she"),  # pronoun rule
        pred_row(articles, "park", "the fountain was too loud", "said", "Mr. Cruz", "Mr. Cruz"),  # only the title
    ]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- reading


def test_read_brat_takes_the_first_annotator_and_unions_roles(brat):
    raw, gold = evaluation.read_brat(brat)
    assert sorted(raw) == ["council", "park"]
    assert raw["council"] == COUNCIL
    council = gold[gold.article_id == "council"]
    assert len(council) == 7  # alice's file (bob's has one event); the event without content is dropped
    assert set(council.ann_file) == {"council_alice.ann"}
    assert gold.loc[gold.cue == "warned", "content"].item() == "parking would vanish ... shops would suffer"
    noted = gold.loc[gold.cue == "noted", "content_spans"].item()
    assert noted == [at(COUNCIL, "Residents"), at(COUNCIL, "have asked for safer streets for years")]
    assert gold.loc[gold.cue == "is expected", "source_spans"].item() == []


def test_form_classification(brat):
    _, gold = evaluation.read_brat(brat)
    forms = dict(zip(gold.cue + "/" + gold.article_id + "/" + gold.source, gold.form))
    assert forms["said/council/Mayor Linda Ortiz"] == "direct"
    assert forms["said/council/Councillor Tom Baker"] == "mixed"  # 5 of 9 words inside the marks
    assert forms["said/council/The transport office"] == "indirect"
    assert forms["said/park/she"] == "direct"  # curly marks
    assert forms["noted/council/the report"] == "indirect"


def test_quotation_spans_stay_in_their_paragraph():
    text = 'He said "one two\nthree "four" five\n\u201csix\u201d seven \u201d eight'
    spans = [text[a:b] for a, b in evaluation.quotation_spans(text)]
    assert spans == ["one two", "four", "six"]  # unclosed runs to the paragraph end; a stray closing mark is ignored


def test_polnear_layout_and_held_out_split(tmp_path):
    for split in ("dev", "train"):
        (tmp_path / "data" / split / "text").mkdir(parents=True)
        (tmp_path / "data" / split / "attributions").mkdir()
    dev = tmp_path / "data" / "dev"
    (dev / "text" / "a_b.txt").write_text(PARK, encoding="utf-8")
    Ann(PARK).write(dev / "attributions" / "a_b_zz.ann")
    p = Ann(PARK)
    p.event("said", "she", ["The fountain stays,"])
    p.write(dev / "attributions" / "a_b_aa.ann")
    for root in (tmp_path, tmp_path / "data"):
        raw, gold = evaluation.read_brat(root)
        assert list(raw) == ["a_b"] and list(gold.ann_file) == ["a_b_aa.ann"]
    with pytest.raises(evaluation.BratError, match="test"):
        evaluation.read_brat(tmp_path, split="test")
    with pytest.raises(evaluation.BratError, match="no brat .ann/.txt pairs"):
        evaluation.read_brat(tmp_path, split="train")


def test_malformed_ann_line_names_file_and_line(tmp_path):
    (tmp_path / "x.txt").write_text("The clerk said the vote passed.", encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1\tCue 10 14\tsaid\nT2\tSource four 9\tThe clerk\n", encoding="utf-8")
    with pytest.raises(evaluation.BratError, match=r"x\.ann line 2"):
        evaluation.read_brat(tmp_path)
    (tmp_path / "x.ann").write_text("T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Content:T7\n", encoding="utf-8")
    with pytest.raises(evaluation.BratError, match=r"x\.ann line 2: role Content points to T7"):
        evaluation.read_brat(tmp_path)
    (tmp_path / "x.ann").write_text("T1\tCue 10 99\tsaid\n", encoding="utf-8")  # beyond the text
    with pytest.raises(evaluation.BratError, match=r"x\.ann line 1"):
        evaluation.read_brat(tmp_path)


def test_span_text_over_a_line_break_is_a_continuation(tmp_path):
    text = "Sources said\nthe vote passed."
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1\tCue 8 29\tsaid\nthe vote passed.\nE1\tAttribution:T1 Content:T1\n",
                                    encoding="utf-8")
    _, gold = evaluation.read_brat(tmp_path)
    assert list(gold.content) == ["said the vote passed."]


# ---------------------------------------------------------------- locating and matching


def test_locate_normalises_quotes_dashes_and_spaces():
    said = "The chair said \u201cno \u2014 never\u201d"
    raw = {"a": f"Head\n\n{said}  and\nleft.\n\n{said}."}
    clean = 'Head\n\nThe chair said "no - never" and left.\n\nThe chair said "no - never".'
    articles = pd.DataFrame({"article_id": ["a"], "text": [clean]})
    q1, q2 = clean.index('"no'), clean.rindex('"no')
    end = len(clean)  # the last prediction has neither content nor cue
    pred = pd.DataFrame({"article_id": ["a", "a", "a"], "quote_start": [q2, q1, end],
                         "quote_end": [q2 + 12, q1 + 12, end], "cue_start": [q2 - 5, q1 - 5, end],
                         "cue_end": [q2 - 1, q1 - 1, end]})
    loc = evaluation.locate_predictions(pred, raw, articles)
    first, second = raw["a"].index("\u201cno"), raw["a"].rindex("\u201cno")
    assert list(loc.raw_start[:2]) == [first, second]  # the repeated quotation is told apart by position
    assert raw["a"][loc.raw_start[0]:loc.raw_end[0]] == "\u201cno \u2014 never\u201d"
    assert list(loc.located) == [True, True, False]  # rows come back in text order


def test_matching_at_both_thresholds(brat):
    result = evaluation.evaluate_attributions(brat, extract=fake_extract)
    assert (result["n_gold"], result["n_pred"], result["n_articles"], result["n_unlocated"]) == (9, 11, 2, 0)
    assert result["n_matched_03"] == 8 and result["n_matched_08"] == 5
    assert result["precision_03"] == pytest.approx(8 / 11) and result["recall_03"] == pytest.approx(8 / 9)
    assert result["precision_08"] == pytest.approx(5 / 11) and result["recall_08"] == pytest.approx(5 / 9)
    assert result["f1_03"] == pytest.approx(2 * (8 / 11) * (8 / 9) / (8 / 11 + 8 / 9))
    assert (result["recall_direct"], result["recall_mixed"]) == (1.0, 1.0)
    assert result["recall_indirect"] == pytest.approx(5 / 6)
    assert (result["n_gold_direct"], result["n_gold_mixed"], result["n_gold_indirect"]) == (2, 1, 6)
    pairs = result["pairs"].set_index("gold_source", drop=False)
    assert pairs.loc["The transport office", "pred_speaker"] == "transport office"  # 6/7 beats 4/8
    assert pairs.loc["the report", "overlap"] == pytest.approx(8 / 11, abs=1e-3)
    assert pairs.loc["Critics", "overlap"] == pytest.approx(0.5)
    assert list(result["missed_cues"].itertuples(index=False)) == [("told", 1)]
    assert set(result["pairs"].pred_act.dropna()) == {"speech"}  # carried through


def test_source_accuracy(brat):
    result = evaluation.evaluate_attributions(brat, extract=fake_extract)
    assert result["n_source_pairs"] == 7  # the event without a source is not judged
    assert result["source_accuracy"] == pytest.approx(5 / 7)
    errors = result["errors"]
    assert sorted(errors.type) == ["false_positive"] * 3 + ["miss"] + ["wrong_source"] * 2
    assert set(errors.loc[errors.type == "wrong_source", "gold_source"]) == {"Councillor Tom Baker", "Mr. Lee"}
    assert list(errors.columns) == evaluation.ERROR_COLUMNS


@pytest.mark.parametrize("speaker, mention, gold, right", [
    ("Linda Ortiz", "Mayor Linda Ortiz", "Mayor Ortiz", True),
    ("Ana Cruz", "she", "she", True),  # a pronoun for a pronoun
    ("he", "he", "They", True),
    ("he", "he", "Councillor Tom Baker", False),
    ("Mr. Cruz", "Mr. Cruz", "Mr. Lee", False),  # titles do not count
    ("the council", "", "the mayor", False),  # nor do determiners
    ("Dr. Lee", "", "Mr. Lee", True),
    ("", "", "Mr. Lee", False),
    ("unknown", "", "she", False),  # an empty speaker is wrong
])
def test_source_rule(speaker, mention, gold, right):
    assert evaluation.source_right(speaker, mention, gold) is right


def test_errors_csv_is_spreadsheet_safe(tmp_path):
    errors = pd.DataFrame({"type": ["miss"], "gold_content": ["=HYPERLINK(\"x\")"], "gold_cue": ["-said"],
                           "gold_source": ["@mayor"], "pred_content": ["+1 vote"], "sentence": ["fine"]})
    evaluation.write_errors(errors, tmp_path / "e.csv")
    back = pd.read_csv(tmp_path / "e.csv", dtype=str)
    assert back.iloc[0].tolist() == ["miss", "'=HYPERLINK(\"x\")", "'-said", "'@mayor", "'+1 vote", "fine"]


# ---------------------------------------------------------------- command line and the real extractor


def test_cli_empty_folder_exits_2(tmp_path, capsys):
    assert main(["evaluate-attributions", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "no brat .ann/.txt pairs" in err and "Traceback" not in err


def test_cli_malformed_line_exits_2(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("The clerk said the vote passed.", encoding="utf-8")
    (tmp_path / "x.ann").write_text("T1 Cue 10 14 said\n", encoding="utf-8")
    assert main(["evaluate-attributions", str(tmp_path)]) == 2
    assert "x.ann line 1" in capsys.readouterr().err


def test_real_extractor_end_to_end(brat, tmp_path, capsys):
    result = evaluation.evaluate_attributions(brat)
    assert set(evaluation.FIGURE_KEYS) <= set(result)
    assert result["n_gold"] == 9 and result["n_articles"] == 2
    out = tmp_path / "errors.csv"
    assert main(["evaluate-attributions", str(brat), "--errors", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "precision" in printed and "reproduce: python -m helpers evaluate-attributions" in printed
    assert list(pd.read_csv(out).columns) == evaluation.ERROR_COLUMNS


def test_an_annotation_file_of_another_text_is_not_taken_for_an_annotators(tmp_path):
    for stem in ("report", "report_2"):
        (tmp_path / f"{stem}.txt").write_text("The mayor said the bridge would close.", encoding="utf-8")
    (tmp_path / "report_2.ann").write_text("", encoding="utf-8")
    assert [stem for stem, _, _ in evaluation.brat_pairs(tmp_path)] == ["report_2"]
