"""Notebooks: committed without outputs, laid out as the house style says, and every one executes cleanly."""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers import config, reports

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
        assert re.search(r'<img[^>]+src="data:image/png;base64', html), f"{path.name} has no figure"
        assert 'class="dataframe"' not in html, f"{path.name} shows a bare DataFrame (a cell's last value?)"
    index = (out / "index.html").read_text(encoding="utf-8")
    for nb in NOTEBOOKS:
        assert f'href="{nb.stem}.html"' in index


def test_problems_detects_stderr_and_errors():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stderr", text="UserWarning: careful"),
                           nbformat.v4.new_output("error", ename="ValueError", evalue="bad", traceback=[])]
    assert reports.problems(nb) == ["cell 0: stderr: UserWarning: careful", "cell 0: ValueError: bad"]
