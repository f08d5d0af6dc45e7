"""helpers.corpus on the real seeds and on bad input."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import config, corpus, synthetic
from helpers.text import normalise, sentence_spans

IDS = ["000_22ad30d77ef84d46", "001_1cb68c8d987a8725", "002_72572ea6659044dd",
       "003_600b6cc6296a0fc2", "004_95f8cc32a9bf2268"]


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return corpus.load_articles(config.RAW_DIR)


def test_raw_files_are_the_seeds_unchanged():
    assert sorted(p.stem for p in config.RAW_DIR.glob("*.txt")) == IDS
    shared = config.PROJECT_ROOT.parent / "shared" / "seeds"
    if shared.is_dir():  # only a check, never an input
        for p in shared.glob("*.txt"):
            assert (config.RAW_DIR / p.name).read_bytes() == p.read_bytes()


def test_all_seeds_load_with_manifest(articles):
    report = corpus.load_report(config.RAW_DIR)
    assert report["status"].tolist() == ["loaded"] * 5
    assert articles["article_id"].tolist() == IDS
    assert articles.set_index("article_id").loc["003_600b6cc6296a0fc2", "outlet"] == "Tasnim"
    # page dates from 2024 are not the publication date
    assert (articles["published"] == pd.Timestamp("2023-09-19")).all()
    assert articles.set_index("article_id").loc["000_22ad30d77ef84d46", "page_dates"] == ["Mon. Jun 10th, 2024"]


REMOVED = {
    "000_22ad30d77ef84d46": [(1, "date_stamp"), (26, "source_link"), (28, "byline"), (30, "comment_form"),
                             (32, "comment_form")],
    "001_1cb68c8d987a8725": [(1, "breadcrumb"), (19, "source_credit"), (51, "hashtags"), (52, "date_stamp"),
                             (54, "comment_form"), (56, "comment_form")],
    "002_72572ea6659044dd": [(19, "source_credit"), (25, "related_links"), (27, "related_links"),
                             (29, "related_links")],
    "003_600b6cc6296a0fc2": [],
    "004_95f8cc32a9bf2268": [(1, "date_stamp"), (2, "breadcrumb"), (22, "desk_byline"), (23, "desk_byline"),
                             (24, "self_description"), (26, "related_links"), (29, "related_links")],
}


@pytest.mark.parametrize("article_id", IDS)
def test_removed_lines_exact(articles, article_id):
    removed = corpus.removed_lines(articles)
    got = removed[removed["article_id"] == article_id]
    assert list(zip(got["line_no"], got["rule"])) == REMOVED[article_id]


@pytest.mark.parametrize("article_id", IDS)
def test_every_other_line_is_kept(articles, article_id):
    row = articles.set_index("article_id").loc[article_id]
    removed_nos = {n for n, _ in REMOVED[article_id]}
    kept = [ln.strip() for i, ln in enumerate(row.raw_text.split("\n"), 1)
            if ln.strip() and i not in removed_nos]
    assert row.text.split("\n\n") == kept


HEADLINES = {
    "001_1cb68c8d987a8725": "Azerbaijan Launches “Anti-Terrorist Campaign” in Nagorno-Karabakh: Targeting Military Buildings",
    "003_600b6cc6296a0fc2": "Azerbaijan Launches New Military Operation in Nagorno-Karabakh",
    "004_95f8cc32a9bf2268": "Azerbaijan launches military operation in Nagorno-Karabakh",
}


@pytest.mark.parametrize("article_id,headline", HEADLINES.items())
def test_headline_kept_once(articles, article_id, headline):
    row = articles.set_index("article_id").loc[article_id]
    assert row.headline == headline
    assert row.text.startswith(headline + "\n\n")
    assert row.text.count(headline) == 1


@pytest.mark.parametrize("line", [
    "Source link", "By Joy", "Leave a Reply", "News Desk", "Hot News", "read more", "related posts",
    "Home » today » World »", "2023-09-19 15:19:33", "#Azerbaijan #launches", "(Al Jazeera)",
    "Defence Today covers global defence and security news.",
])
def test_no_boilerplate_left(articles, line):
    assert not any(line in t for t in articles["text"])


def test_sentences_tile_each_paragraph(articles):
    """Sentences cover every paragraph's text in order, without gaps (other than spaces) or overlaps."""
    sents = corpus.sentences(articles)
    for para in corpus.paragraphs(articles).itertuples():
        inside = sents[(sents["article_id"] == para.article_id) & (sents["paragraph"] == para.paragraph)]
        assert len(inside) >= 1
        text = "".join(t for t in inside["text"])
        assert text.replace(" ", "") == para.text.replace(" ", "")


def test_sentence_offsets_point_into_cleaned_text(articles):
    sents = corpus.sentences(articles)
    texts = articles.set_index("article_id")["text"]
    for s in sents.itertuples():
        assert texts[s.article_id][s.start:s.end] == s.text
        assert s.norm == normalise(s.text)


@pytest.mark.parametrize("article_id,sentence,expected", [
    # headline is its own sentence, never merged with the first body sentence
    ("003_600b6cc6296a0fc2", 0, "Azerbaijan Launches New Military Operation in Nagorno-Karabakh"),
    # a quotation left open at the paragraph end is still one sentence
    ("003_600b6cc6296a0fc2", 2, 'In a statement released on Tuesday, the ministry said, "Local anti-terrorist activities '
                                'carried out by the Armed Forces of Azerbaijan in the Karabakh region of Azerbaijan are ongoing.'),
    # closing curly quote stays with its sentence
    ("001_1cb68c8d987a8725", 12, "“It is very important that all activities cease and that both sides resume ongoing "
                                 "dialogue to avoid any further conflict,” Dujarric told Al Jazeera."),
])
def test_sentence_boundaries(articles, article_id, sentence, expected):
    sents = corpus.sentences(articles).set_index(["article_id", "sentence"])
    assert sents.loc[(article_id, sentence), "text"] == expected


def test_a_sentence_never_starts_lower_case_or_with_punctuation(articles):
    """Punkt breaks after unknown abbreviations ("(D-Ore.) said") and inside "!!!,"; such pieces join the
    sentence before ("military operations. warning." stays one sentence)."""
    sents = corpus.sentences(articles)
    later = sents[sents.duplicated(["article_id", "paragraph"])]  # not the first of its paragraph
    assert not any(t[:1].islower() or t[:1] in ",;:!?.)" for t in later["text"])
    assert any(t.endswith("operations. warning.") for t in sents["text"])
    text = '"We won," Rep. Ann Lee (D-Ore.) said. "Go team, go!!!," she added.'
    assert [text[a:b] for a, b in sentence_spans(text)] == ['"We won," Rep. Ann Lee (D-Ore.) said.',
                                                           '"Go team, go!!!," she added.']


def test_roles(articles):
    paras = corpus.paragraphs(articles)
    first = paras[paras["article_id"] == IDS[3]].head(3)
    assert first["role"].tolist() == ["headline", "lead", "body"]
    assert first.iloc[1]["text"].startswith("TEHRAN (Tasnim)")


def test_abbreviations_do_not_split():
    frame = pd.DataFrame({"article_id": ["x"], "outlet": ["o"], "headline": [""],
                          "text": ["The U.S. and the E.U. urged restraint, said Mr. Blinken on Sept. 19. Baku did not reply."]})
    got = corpus.sentences(frame)["text"].tolist()
    assert got == ["The U.S. and the E.U. urged restraint, said Mr. Blinken on Sept. 19.", "Baku did not reply."]


def test_functions_do_not_mutate(articles):
    before = articles.copy(deep=True)
    corpus.sentences(articles)
    corpus.removed_lines(articles)
    pd.testing.assert_frame_equal(articles, before)


# ---------------------------------------------------------------- bad input


@pytest.fixture()
def folder(tmp_path):
    shutil.copy(config.RAW_DIR / f"{IDS[3]}.txt", tmp_path / f"{IDS[3]}.txt")
    manifest = pd.read_csv(config.MANIFEST)
    manifest[manifest["article_id"] == IDS[3]].to_csv(tmp_path / "articles.csv", index=False)
    return tmp_path


def load_warned(folder, expected: str) -> pd.DataFrame:
    """Load with warnings on, and check that one of them says ``expected`` (a regex)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = corpus.load_articles(folder)
    messages = [str(w.message) for w in caught if issubclass(w.category, corpus.CorpusWarning)]
    assert any(re.search(expected, m) for m in messages), messages
    return articles


def _status(report, name):
    row = report.set_index("file").loc[name]
    return row.status, row.problem, row.message


def test_empty_file(folder):
    (folder / "empty.txt").write_text("  \n")
    articles = load_warned(folder, "empty.txt: the file is empty")
    assert len(articles) == 1
    assert _status(corpus.load_report(folder), "empty.txt")[:2] == ("skipped", "empty")


def test_binary_file(folder):
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    load_warned(folder, "image.txt: binary data")


def test_non_utf8_file_decoded_with_warning(folder):
    (folder / "bbc_cp1252.txt").write_bytes("Baku’s “anti-terrorist” operation began on Tuesday.\n\nMore text follows here."
                                            .encode("cp1252"))
    articles = load_warned(folder, "bbc_cp1252.txt: not valid UTF-8; decoded as cp1252")
    row = articles.set_index("article_id").loc["bbc_cp1252"]
    assert row.encoding == "cp1252"
    assert "Baku’s “anti-terrorist”" in row.text
    assert row.outlet == "bbc"  # no manifest row: outlet from the file name


def test_html_file_refused_clearly(folder):
    (folder / "page.txt").write_text("<!DOCTYPE html><html><body><p>Azerbaijan launched</p></body></html>")
    load_warned(folder, "page.txt: the file holds HTML markup")
    assert _status(corpus.load_report(folder), "page.txt")[:2] == ("skipped", "html")


def test_missing_manifest_row_warns_and_loads(folder):
    shutil.copy(config.RAW_DIR / f"{IDS[4]}.txt", folder / "defencetoday_2023.txt")
    pd.read_csv(config.MANIFEST).to_csv(folder / "articles.csv", index=False)
    articles = load_warned(folder, "defencetoday_2023.txt: no manifest row")
    assert articles.set_index("article_id").loc["defencetoday_2023", "outlet"] == "defencetoday"
    assert articles.set_index("article_id").loc[IDS[3], "outlet"] == "Tasnim"


def test_manifest_row_without_file_is_listed(folder):
    pd.read_csv(config.MANIFEST).to_csv(folder / "articles.csv", index=False)
    report = corpus.load_report(folder)
    missing = report[report["status"] == "missing"]
    assert sorted(missing["article_id"]) == sorted(set(IDS) - {IDS[3]})
    assert missing["message"].str.contains("has no file").all()
    assert _status(report, "articles.csv")[0] == "manifest"


def test_duplicate_text_skipped(folder):
    shutil.copy(folder / f"{IDS[3]}.txt", folder / "zz_copy.txt")
    articles = load_warned(folder, f"zz_copy.txt: same text as {IDS[3]}.txt")
    assert articles["article_id"].tolist() == [IDS[3]]


def test_other_file_types_listed(folder):
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    assert _status(corpus.load_report(folder), "notes.docx")[:2] == ("skipped", "unsupported_type")


def test_bad_manifest_names_file(folder):
    (folder / "articles.csv").write_text("id,source\nx,y\n")
    with pytest.raises(corpus.CorpusError, match=r"articles.csv: manifest lacks required column\(s\) \['article_id', 'outlet'\]"):
        corpus.load_articles(folder)


def test_duplicate_manifest_rows(folder):
    (folder / "articles.csv").write_text("article_id,outlet\na,X\na,Y\n")
    with pytest.raises(corpus.CorpusError, match="manifest repeats article_id"):
        corpus.load_articles(folder)


def test_missing_folder_and_nothing_loadable(tmp_path):
    with pytest.raises(corpus.CorpusError, match="does not exist"):
        corpus.load_articles(tmp_path / "nope")
    (tmp_path / "a.txt").write_text("")
    with pytest.raises(corpus.CorpusError, match=r"no article could be loaded from .*: 1 file skipped \(1 empty\); .*\n  a.txt: skipped \(empty\)"):
        corpus.load_articles(tmp_path, warn=False)


def test_data_dir_env(monkeypatch, folder):
    (folder / "articles.csv").unlink()
    monkeypatch.setenv("DATA_DIR", str(folder))
    assert corpus.load_articles(warn=False)["article_id"].tolist() == [IDS[3]]


@pytest.mark.parametrize("published, page_date, expected_message, expected", [
    ("sometime in September", "2023-09-20 10:00",
     r"published date 'sometime in September' from the manifest is not a date", pd.Timestamp("2023-09-20")),
    ("", "2023-19-45 10:00", r"the date printed in the article, '2023-19-45 10:00', is not a date", pd.NaT),
])
def test_unreadable_dates_warn_instead_of_raising_or_vanishing(folder, published, page_date, expected_message, expected):
    manifest = pd.read_csv(folder / "articles.csv")
    manifest["published"] = published
    manifest.to_csv(folder / "articles.csv", index=False)
    text = (folder / f"{IDS[3]}.txt").read_text(encoding="utf-8")
    (folder / f"{IDS[3]}.txt").write_text(page_date + "\n" + text, encoding="utf-8")
    articles = load_warned(folder, expected_message)
    got = articles["published"].iloc[0]
    assert (pd.isna(got) and pd.isna(expected)) or got == expected
    assert _status(corpus.load_report(folder), f"{IDS[3]}.txt")[:2] == ("loaded_with_warning", "unreadable_date")


def test_manifest_is_recognised_after_a_change_of_working_folder(folder, monkeypatch):
    monkeypatch.chdir(folder)
    first = corpus.load_report(".", manifest="articles.csv")
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "articles.csv").write_text(f"article_id,outlet\n{IDS[3]},Z\n")  # same relative name, other file
    monkeypatch.chdir(elsewhere)
    second = corpus.load_report(folder, manifest="articles.csv")
    assert _status(first, "articles.csv")[0] == "manifest"
    assert _status(second, "articles.csv")[:2] == ("skipped", "unsupported_type")  # not this run's manifest


RULES_WITH_FLAGS = [
    corpus.Rule("verbose", re.compile(r"share \s on \s twitter", re.X)),
    corpus.Rule("ascii_only", re.compile(r"\w+ photo", re.A)),
    corpus.Rule("multiline", re.compile(r"^advert$", re.M | re.I)),
    corpus.Rule("plain", re.compile(r"read more")),
    corpus.Rule("caseless", re.compile(r"subscribe now", re.I)),
]


@pytest.mark.parametrize("line, rule", [
    ("share on twitter", "verbose"),
    ("AFP photo", "ascii_only"),
    ("Şəki photo", None),  # \w under re.A does not match "Ş"
    ("ADVERT", "multiline"),
    ("read more", "plain"),
    ("Read more", None),
    ("SUBSCRIBE NOW", "caseless"),
])
def test_custom_rules_keep_their_own_flags(line, rule):
    cleaned = corpus.clean_text(f"A headline\n\n{line}\n\nThe body of the article.", rules=tuple(RULES_WITH_FLAGS))
    assert [r["rule"] for r in cleaned.removed] == ([rule] if rule else [])
    for rules in (tuple(RULES_WITH_FLAGS), tuple(r for r in RULES_WITH_FLAGS if not r.pattern.flags & ~(re.I | re.U))):
        matcher = corpus._rule_matcher(rules)
        loop = next((r for r in rules if r.pattern.fullmatch(line)), None)
        assert matcher(line, line) == loop


def test_rule_matcher_equals_a_loop_over_the_rules_on_every_raw_line():
    """Rules that survive normalising are tried on the normalised line only; the result must not change."""
    rules = corpus.boilerplate_rules()
    lines = [ln.strip() for path in sorted(config.RAW_DIR.glob("*.txt"))
             for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    lines += ["Home \u00bb World \u00bb Asia", "Home > World", "\u201cRead more\u201d", "Leave\u00a0a reply",
              "Source:\u00a0IRNA", "By\u2003Staff", "2023\u201309\u201319 10:00", "Tuesday,\u00a019 September 2023",
              "#Karabakh\u2002#Armenia", "Defence Today covers global defence \u2014 and security news"]
    matcher = corpus._rule_matcher(rules)
    loop = [next((r for r in rules if r.pattern.fullmatch(ln) or r.pattern.fullmatch(normalise(ln))), None)
            for ln in lines]
    assert [matcher(ln, normalise(ln)) for ln in lines] == loop
    assert sum(r is not None for r in loop) > 20 and sum(ln != normalise(ln) for ln in lines) > 20


@pytest.mark.parametrize("name", ["a.txt", "a.b.html", ".hidden", "a.", "noext", "..", "a..txt", ".a.txt", "x.TXT"])
def test_file_names_split_as_pathlib_splits_them(name):
    assert corpus._stem_suffix(name) == (Path(name).stem, Path(name).suffix)


def test_load_report_names_files_as_before_in_every_kind_of_folder(folder, monkeypatch):
    """Plain-string paths give the report the same file paths as pathlib did (``str(folder / name)``)."""
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    monkeypatch.chdir(folder.parent)
    for given in (folder, Path(folder.name), Path(f"./{folder.name}/"), Path(f"{folder.name}/../{folder.name}")):
        report = corpus.load_report(given).set_index("file")
        expected = str(config.data_dir(given) / "notes.docx")
        assert report.loc["notes.docx", "message"] == f"{expected}: not an article file; save articles as UTF-8 .txt, .md or .html"


def test_iter_corpus_cuts_chunks_at_the_given_sizes(tmp_path):
    folder = tmp_path / "corpus"
    synthetic.write_folder(synthetic.synthetic_articles(20, seed=8), folder)  # 21 inputs with the manifest
    lengths = [len(report) for _, report in corpus.iter_corpus(folder, chunk=[8, 5, 5], progress=False)]
    assert lengths == [8, 5, 5, 3]
    lengths = [len(report) for _, report in corpus.iter_corpus(folder, chunk=lambda total: [total - 1], progress=False)]
    assert lengths == [20, 1]
    assert [len(r) for _, r in corpus.iter_corpus(folder, chunk=10, progress=False)] == [10, 10, 1]
    assert [len(r) for _, r in corpus.iter_corpus(folder, chunk=None, progress=False)] == [21]
    assert [len(r) for _, r in corpus.iter_corpus(folder, chunk=np.int64(10), progress=False)] == [10, 10, 1]
    with pytest.raises(TypeError):
        next(corpus.iter_corpus(folder, chunk=2.5, progress=False))

