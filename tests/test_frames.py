"""helpers.frames: one real corpus sentence per frame, prominence, shares, codebook."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import config, corpus, frames


def tagged_frames(text: str) -> set[str]:
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["test"], "headline": [""], "text": [text]})
    return set(frames.tag_frames(articles)["frame"])


# one real sentence per frame (the frame must be among those tagged)
CASES = {
    "security_military": "As part of the activities, only legitimate military installations and infrastructure are "
                         "targeted and incapacitated using high-precision weapons.",
    "terrorism_justification": "Baku blamed the incidents on “a subversive group of illegal Armenian military formations” "
                               "and opened a criminal case for terrorism.",
    "humanitarian": "The ministry also mentioned the creation of humanitarian corridors to facilitate the evacuation of "
                    "civilians.",
    "casualties": "Azerbaijan declared the operation after six of its citizens were killed in two separate incidents.",
    "legality_sovereignty": "According to international law, the territory belongs to Azerbaijan, but ethnic Armenians "
                            "live there.",
    "diplomacy_mediation": "The two sides have since been unable to reach a lasting peace settlement despite mediation "
                           "efforts by the European Union, United States and Russia.",
    "peacekeeping_russia": "It is called the Lachin corridor, and Russian peacekeepers police it.",
    "historical_background": "The last large-scale conflict broke out in 2020 and lasted for six weeks before a "
                             "Russian-brokered truce.",
    "escalation_war_risk": "This move may signal the start of a new war in the area.",
}


@pytest.mark.parametrize("frame,sentence", CASES.items(), ids=CASES.keys())
def test_frame_cues(frame, sentence):
    assert frame in tagged_frames(sentence)


def test_no_frame_on_neutral_sentence():
    assert tagged_frames("Send the file to the desk.") == set()


def test_codebook_has_required_frames_with_notes():
    book = frames.load_codebook()
    assert list(book.frames["frame"]) == list(CASES)
    assert (book.cues["note"] != "").all()
    assert book.frames["source"].str.len().gt(0).all()


def test_bad_codebook_names_file(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("frames:\n  - frame: x\n    cues:\n      - {cue: '[oops'}\n")
    with pytest.raises(frames.CodebookError, match="f.yaml: frame x: bad cue"):
        frames.load_codebook(str(path))


@pytest.fixture(scope="module")
def corpus_frames():
    articles = corpus.load_articles(config.RAW_DIR)
    sents = corpus.sentences(articles)
    return articles, sents, frames.tag_frames(articles, sentences=sents)


def test_cues_recorded(corpus_frames):
    _, _, tagged = corpus_frames
    row = tagged[(tagged["article_id"] == "003_600b6cc6296a0fc2") & (tagged["sentence_no"] == 0)]
    assert set(row["frame"]) == {"security_military"}
    assert row.iloc[0]["cues"] == "Military Operation" and row.iloc[0]["role"] == "headline"


def test_shares_overall_and_lead(corpus_frames):
    articles, sents, tagged = corpus_frames
    overall = frames.frame_shares(tagged, sents).set_index(["outlet", "frame"])
    lead = frames.frame_shares(tagged, sents, lead_only=True).set_index(["outlet", "frame"])
    assert len(overall) == 5 * 9 and (overall["share"].between(0, 1)).all()
    tasnim = lead.loc[("Tasnim", "security_military")]
    assert tasnim["sentences"] == 2 and tasnim["sentences_with_frame"] == 2  # headline + one lead sentence
    assert overall.loc[("Tasnim", "security_military"), "sentences"] == 15


def test_lead_frame_per_article(corpus_frames):
    articles, _, tagged = corpus_frames
    lead = frames.lead_frames(tagged, articles).set_index("article_id")
    assert len(lead) == 5
    assert lead.loc["003_600b6cc6296a0fc2", "lead_frame"] == "security_military"
    assert lead.loc["001_1cb68c8d987a8725", "lead_frame"] == "terrorism_justification"
