"""Notebooks: committed without outputs, laid out as the house style says, and every one executes cleanly."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest
from conftest import build_reports

from helpers import config, reports

HARBOUR = config.PROJECT_ROOT / "tests" / "studies"
EVENT_WORDS = ("Azerbaijan", "Armenia", "Karabakh", "Khankendi", "Stepanakert")

NOTEBOOKS = reports.notebooks()


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:1] == ["00-corpus.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {i} has outputs"
            assert cell.execution_count is None, f"{path.name} cell {i} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_layout(path):
    nb = nbformat.read(path, as_version=4)
    first, params = nb.cells[0], nb.cells[1]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for word in ("Question", "Steps", "Inputs", "Outputs"):
        assert f"**{word}:**" in first.source, f"{path.name}: first cell lacks {word}"
    assert "parameters" in params.metadata.get("tags", []), f"{path.name}: second cell is not tagged parameters"
    assert "DATA_DIR" in params.source
    source = "\n".join(c.source for c in nb.cells)
    assert "nltk.download" not in source and "sys.path" not in source


def test_every_notebook_executes_and_exports(built):
    out, paths = built
    assert [p.name for p in paths] == [f"{p.stem}.html" for p in NOTEBOOKS] + ["index.html"]
    for path in paths[:-1]:
        html = path.read_text(encoding="utf-8")
        assert "Traceback" not in html and "Warning:" not in html, path.name
        if path.stem == "06-over-time":  # the seeds span one day: no timeline chart, one sentence saying so
            assert "All 5 dated articles are dated 19 September 2023, so there is no timeline." in html
            assert "<img" not in html
        else:
            assert re.search(r'<img[^>]+src="data:image/png;base64', html), f"{path.name} has no figure"
        images = re.findall(r"<img\b[^>]*>", html)
        assert all(re.search(r'\balt="[^"]{20,}"', img) for img in images), f"{path.name}: an image without alt text"
        assert 'class="dataframe"' not in html, f"{path.name} shows a bare DataFrame (a cell's last value?)"
    index = (out / "index.html").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert f'href="{nb.stem}.html"' in index
    # the index answers: each line is the report's computed finding, and no machine path is printed
    assert "5 articles from 5 outlets, dated 2023-09-19" in index
    assert "Most-heard side: World Today News gives Azerbaijan" in index
    assert index.count('class="report-headline') == 0 and str(config.PROJECT_ROOT) not in index
    for path in paths[:-1]:
        assert reports.headline_of(path.read_text(encoding="utf-8")), f"{path.name} shows no finding"
    # long tables get the report's own search, sort and paging script, inlined (offline), the same bytes in every report
    script = (reports.TEMPLATES / "report" / "tables.js").read_text(encoding="utf-8")
    speakers = (out / "02-quoted-speakers.html").read_text(encoding="utf-8")
    assert script.strip() in speakers and len(re.findall(r'<table[^>]*class="[^"]*evidence', speakers)) >= 3


def test_problems_detects_stderr_and_errors():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stderr", text="UserWarning: careful"),
                           nbformat.v4.new_output("error", ename="ValueError", evalue="bad", traceback=[])]
    assert reports.problems(nb) == ["cell 0: stderr: UserWarning: careful", "cell 0: ValueError: bad"]


@pytest.fixture(scope="module")
def built_other(tmp_path_factory):
    """Every notebook on the harbour corpus (another topic) with no study given: the generic study."""
    out = tmp_path_factory.mktemp("other")
    return out, build_reports(out, data_dir=HARBOUR / "harbour-corpus")


def test_reports_on_another_topic_name_no_event_and_leave_out_what_has_no_data(built_other):
    out, paths = built_other
    for path in paths:
        html = path.read_text(encoding="utf-8")
        assert not [w for w in EVENT_WORDS if w.lower() in html.lower()], path.name
        assert "0% vs 0%" not in html and "Traceback" not in html, path.name
        assert "Study: <strong>generic (no event)</strong>" in html or path.name in {"index.html"}, path.name
    speakers = (out / "02-quoted-speakers.html").read_text(encoding="utf-8")
    assert "assigns no sides to speakers" in speakers and "Ruth Ames" in speakers
    figures = {p.stem for p in (out / "figures").glob("*.png")}
    assert "02-sides-per-outlet" not in figures and "02-quoted-words" not in figures
    shares = pd.read_csv(out / "processed" / "frames_shares.csv")
    charted = shares[shares["where"] == "all"].groupby("frame")["sentences_with_frame"].sum()
    panels = pd.read_csv(out / "processed" / "comparison_panels.csv")
    assert set(panels["measure"]) == set(__import__("helpers.compare", fromlist=["MEASURES"]).MEASURES)
    assert (charted > 0).any()


def test_a_study_with_sides_gets_its_side_charts(tmp_path):
    paths = build_reports(tmp_path, data_dir=HARBOUR / "harbour-corpus", study=HARBOUR / "harbour",
                          only=["02-quoted-speakers.ipynb", "04-outlet-comparison.ipynb"])
    html = (tmp_path / "02-quoted-speakers.html").read_text(encoding="utf-8")
    assert "Most-heard side per outlet" in html and "Council" in html and "assigns no sides" not in html
    assert (tmp_path / "figures" / "02-sides-per-outlet.png").exists()
    panels = pd.read_csv(tmp_path / "processed" / "comparison_panels.csv")
    assert "Council share of attributions" in set(panels["measure"])
    assert paths[-1].name == "index.html"
