"""Ingestion beyond .txt: Markdown, HTML (trafilatura), CSV / JSONL / Parquet exports, language flags."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from helpers import config, corpus

TASNIM = (config.RAW_DIR / "003_600b6cc6296a0fc2.txt").read_text(encoding="utf-8")
PARAS = [p for p in TASNIM.split("\n") if p.strip()]
SPANISH = ("El martes, las autoridades de Nagorno Karabaj acusaron a Bakú de lanzar una ofensiva militar a gran escala "
           "contra el enclave, que pertenece a Azerbaiyán pero está poblado por armenios. En este momento la capital y "
           "otras ciudades están bajo un bombardeo masivo de artillería, dijo el comunicado del ministerio.")


def html_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[1:])
    return (f"<!DOCTYPE html><html><head><title>{PARAS[0]}</title>"
            "<meta property='og:site_name' content='Tasnim News Agency'>"
            "<meta property='article:published_time' content='2023-09-19T14:05:00+03:30'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{PARAS[0]}</h1>{body}</article>"
            "<footer>Copyright Tasnim. All rights reserved. <a href='/privacy'>Privacy</a></footer></body></html>")


def test_markdown_and_html_files(tmp_path):
    (tmp_path / "tasnim_md.md").write_text(TASNIM, encoding="utf-8")
    (tmp_path / "tasnim_page.html").write_text(html_page(), encoding="utf-8")
    articles, report = corpus.read_corpus(tmp_path)
    assert report.set_index("file")["status"].to_dict() == {"tasnim_md.md": "loaded_with_warning",
                                                           "tasnim_page.html": "skipped"}
    # the same text twice: the HTML copy is a duplicate of the Markdown one
    assert report.set_index("file").loc["tasnim_page.html", "problem"] == "duplicate"


def test_html_extraction_with_metadata(tmp_path):
    (tmp_path / "page.html").write_text(html_page(), encoding="utf-8")
    articles, report = corpus.read_corpus(tmp_path)
    row = articles.iloc[0]
    assert row.outlet == "Tasnim News Agency"  # site name from the page's metadata
    assert row.headline == PARAS[0]
    assert row.published == pd.Timestamp("2023-09-19")
    assert "Copyright" not in row.text and "Privacy" not in row.text and "Home" not in row.text
    assert 'In a statement released on Tuesday, the ministry said, "Local anti-terrorist activities' in row.text
    assert row.text.count(PARAS[0]) == 1


def test_csv_jsonl_parquet_exports(tmp_path):
    table = pd.DataFrame({"story_id": ["a1", "a2", "a3"], "body": [TASNIM, "", SPANISH],
                          "media_name": ["Tasnim", "X", "El Diario"], "title": ["", "", ""],
                          "publish_date": ["2023-09-19 10:00:00", "", "2023-09-19"], "url": ["https://t/1", "", ""]})
    table.to_csv(tmp_path / "export.csv", index=False)
    (tmp_path / "export.jsonl").write_text("\n".join(json.dumps(r) for r in table.to_dict("records")))
    table.to_parquet(tmp_path / "export.parquet")
    for name in ("export.csv", "export.jsonl", "export.parquet"):
        articles, report = corpus.read_corpus(tmp_path / name, columns=dict(
            text_col="body", id_col="story_id", outlet_col="media_name", date_col="publish_date"))
        assert articles["article_id"].tolist() == ["a1"], name
        assert articles.iloc[0]["outlet"] == "Tasnim" and articles.iloc[0]["url"] == "https://t/1"
        assert articles.iloc[0]["published"] == pd.Timestamp("2023-09-19 10:00:00")
        status = report.set_index("article_id")[["status", "problem"]].to_dict("index")
        assert status["a2"] == {"status": "skipped", "problem": "empty"}
        assert status["a3"] == {"status": "skipped", "problem": "not_english"}
        assert f"{name} row 2: not English" in report.set_index("article_id").loc["a3", "message"]


def test_table_without_text_column_names_the_file(tmp_path):
    pd.DataFrame({"content": ["x"]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(corpus.CorpusError, match=r"t.csv: no text column 'text'; columns are \['content'\]"):
        corpus.read_corpus(tmp_path / "t.csv")


def test_broken_parquet_names_the_file(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with pytest.raises(corpus.CorpusError, match="bad.parquet: cannot be read as PARQUET"):
        corpus.read_corpus(tmp_path / "bad.parquet")


@pytest.mark.parametrize("text,english", [(TASNIM, True), (SPANISH, False)])
def test_english_share(text, english):
    share, n = corpus.english_share(text)
    assert n > 20
    assert (share >= corpus.ENGLISH_MIN_SHARE) == english


@pytest.mark.parametrize("text", [
    "Azerbaijan\u2019s \u201canti-terrorist\u201d operation \u2014 don't stop",  # curly marks, dash
    "Xank\u0259ndi (Stepanakert) caf\u00e9 th\u00e9 \u00bd \u00b2",  # non-ASCII letters and numerals
    "\u0130stanbul \u017fo \u212aelvin it\u2019s",  # characters with ASCII case twins
])
def test_english_share_fast_paths_count_the_same_tokens(text):
    tokens = [w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)]
    stops = corpus._stopwords()
    assert corpus.english_share(text) == (sum(t in stops for t in tokens) / len(tokens), len(tokens))


def test_seeds_are_english(articles):
    shares = [corpus.english_share(t)[0] for t in articles["text"]]
    assert min(shares) > 0.3


def test_progress_bar_on_terminal(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(PARAS[1] + f" Number {i}.", encoding="utf-8")
    corpus.read_corpus(tmp_path, progress=True)
    assert "loading" in capsys.readouterr().err


def test_a_date_in_a_file_name_is_the_last_fallback_for_the_publication_date(tmp_path):
    story = ("The harbour board said on Monday that the new pier would open in the spring, after two years of delays "
             "and a dispute with the fishers' cooperative over berths and fees for the smaller boats.")
    files = tmp_path / "files"
    files.mkdir()
    (files / "gazette_2025-03-04_pier-opens.txt").write_text("Pier to open in spring\n\n" + story)
    (files / "herald_2025-13-40_not-a-date.txt").write_text("Pier delays\n\n" + story.replace("Monday", "Tuesday"))
    (files / "coast_2025-03-05_printed.txt").write_text("Pier\n\n2025-02-01\n\n" + story.replace("Monday", "Friday"))
    articles = corpus.load_articles(files, warn=False).set_index("article_id")
    assert articles.loc["gazette_2025-03-04_pier-opens", "published"] == pd.Timestamp("2025-03-04")
    assert pd.isna(articles.loc["herald_2025-13-40_not-a-date", "published"])  # no such month: left empty
    assert articles.loc["coast_2025-03-05_printed", "published"] == pd.Timestamp("2025-02-01")  # the text's date first
    rows = pd.DataFrame({"id": ["r1"], "text": [story], "outlet": ["Gazette"]})
    rows.to_csv(tmp_path / "export_2025-06-30.csv", index=False)
    table, _ = corpus.read_corpus(tmp_path / "export_2025-06-30.csv", columns=dict(id_col="id"))
    assert pd.isna(table.iloc[0]["published"])  # a table file's name does not date its rows
