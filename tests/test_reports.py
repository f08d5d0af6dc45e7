"""The report build: all-or-nothing, with a message naming the notebook, the cell and the reason."""

from __future__ import annotations


import os
from pathlib import Path

import nbformat
import pytest
from conftest import build_reports

from helpers import reports


def _notebook(folder, name: str, *code: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}\n\nA notebook written for the test."),
                *(nbformat.v4.new_code_cell(c) for c in code)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / f"{name}.ipynb")


WRITE_TABLE = ("import os, pathlib\n"
               "folder = pathlib.Path(os.environ['HELPERS_PROCESSED_DIR']); folder.mkdir(parents=True, exist_ok=True)\n"
               "(folder / 'counts.csv').write_text(os.environ.get('RUN_LABEL', 'first') + '\\n')")
MAYBE_FAIL = "import os\nif os.environ.get('FAIL_HERE'):\n    raise ValueError('the river gauge table is empty')"


def _snapshot(*folders) -> dict:
    return {str(p): p.read_bytes() for f in folders if f.exists() for p in sorted(f.rglob("*")) if p.is_file()}


@pytest.fixture
def fake(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks, "00-tables", WRITE_TABLE)
    _notebook(notebooks, "01-check", "print('fine')", MAYBE_FAIL)
    out, processed = tmp_path / "reports", tmp_path / "processed"
    monkeypatch.setenv("HELPERS_PROCESSED_DIR", str(processed))
    monkeypatch.setenv("HELPERS_FIGURES_DIR", str(out / "figures"))
    return notebooks, out, processed


def test_a_failed_build_leaves_the_previous_complete_set(fake, monkeypatch):
    notebooks, out, processed = fake
    reports.build(folder=notebooks, out=out)
    before = _snapshot(out, processed)
    assert (processed / "counts.csv").read_text() == "first\n" and (out / "01-check.html").exists()
    monkeypatch.setenv("RUN_LABEL", "second")
    monkeypatch.setenv("FAIL_HERE", "1")
    with pytest.raises(reports.ReportError) as caught:
        reports.build(folder=notebooks, out=out)
    message = str(caught.value)
    assert message.startswith("01-check.ipynb, cell 2 (import os)") and "ValueError: the river gauge table is empty" in message
    assert "Traceback" not in message
    assert _snapshot(out, processed) == before  # the first notebook's new table was not swapped in
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]  # no staging folder left behind
    monkeypatch.delenv("FAIL_HERE")
    reports.build(folder=notebooks, out=out)
    assert (processed / "counts.csv").read_text() == "second\n"


def test_a_cell_that_runs_too_long_is_named(fake, monkeypatch):
    notebooks, out, _ = fake
    _notebook(notebooks, "02-slow", "import time\ntime.sleep(30)")
    monkeypatch.setenv("REPORT_CELL_TIMEOUT", "3")
    with pytest.raises(reports.ReportError, match=r"02-slow.ipynb, cell 1 \(import time\): took longer than 3 s"):
        reports.build(folder=notebooks, out=out)
    assert not out.exists()


def test_a_corpus_with_no_loadable_article_is_named_and_changes_nothing(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.bin").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("earlier reports", encoding="utf-8")
    with pytest.raises(reports.ReportError) as caught:
        build_reports(out, data_dir=empty)
    assert caught.value.args[0].startswith("00-corpus.ipynb, cell")
    assert "no article could be loaded" in str(caught.value)
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "earlier reports"


def test_rerunning_one_notebook_keeps_the_other_reports_and_tables(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks, "00-tables", WRITE_TABLE)
    _notebook(notebooks, "01-check", "print('fine')")
    out = tmp_path / "reports"
    monkeypatch.setenv("HELPERS_PROCESSED_DIR", str(out / "processed"))  # nested, as the test fixtures do
    monkeypatch.setenv("HELPERS_FIGURES_DIR", str(out / "figures"))
    reports.build(folder=notebooks, out=out)
    paths = reports.build(folder=notebooks, out=out, only=["01-check"])
    assert [p.name for p in paths] == ["01-check.html", "index.html"]
    assert (out / "00-tables.html").exists() and (out / "processed" / "counts.csv").read_text() == "first\n"
    assert "00-tables.html" in (out / "index.html").read_text(encoding="utf-8")


def test_a_full_build_keeps_what_the_notebooks_do_not_write_in_the_tables_folder(fake):
    notebooks, out, processed = fake
    (processed / "run1" / "articles").mkdir(parents=True)
    (processed / "run1" / "articles" / "part-00000.csv").write_text("kept\n")
    (processed / "README.md").write_text("what the tables are\n")
    (processed / "stale.csv").write_text("from an earlier corpus\n")
    reports.build(folder=notebooks, out=out)
    assert (processed / "run1" / "articles" / "part-00000.csv").read_text() == "kept\n"
    assert (processed / "README.md").exists() and not (processed / "stale.csv").exists()
    assert (processed / "counts.csv").exists()


def test_a_swap_that_fails_half_way_puts_every_earlier_output_back(fake, monkeypatch):
    notebooks, out, processed = fake
    reports.build(folder=notebooks, out=out)
    before = _snapshot(out, processed)
    real_rename, calls = Path.rename, []

    def flaky(self, target):
        calls.append(self)
        if ".staging-" in self.name and Path(target) == processed:  # the second folder cannot be put in place
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", flaky)
    monkeypatch.setenv("RUN_LABEL", "second")
    with pytest.raises(reports.ReportError, match="previous ones are unchanged"):
        reports.build(folder=notebooks, out=out)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert _snapshot(out, processed) == before
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]


def test_a_report_that_cannot_be_written_is_named_and_changes_nothing(fake, monkeypatch):
    notebooks, out, processed = fake
    reports.build(folder=notebooks, out=out)
    before = _snapshot(out, processed)
    real_write = Path.write_text

    def full_disk(self, *args, **kwargs):
        if self.name == "01-check.html":
            raise OSError(28, "No space left on device", str(self))
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(reports.ReportError, match="No space left on device.*previous ones are unchanged"):
        reports.build(folder=notebooks, out=out)
    monkeypatch.setattr(Path, "write_text", real_write)
    assert _snapshot(out, processed) == before


def test_a_kernel_reused_for_the_next_notebook_starts_it_with_nothing_defined(tmp_path, monkeypatch):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    _notebook(notebooks, "00-define", "river_level = 3.2")
    _notebook(notebooks, "01-use", "print(river_level)")
    monkeypatch.setenv("REPORT_WORKERS", "1")  # both in one kernel, one after the other
    monkeypatch.setenv("HELPERS_PROCESSED_DIR", str(tmp_path / "processed"))
    with pytest.raises(reports.ReportError, match=r"01-use.ipynb, cell 1 \(print\(river_level\)\): NameError"):
        reports.build(folder=notebooks, out=out)


def test_the_notebooks_of_a_build_share_a_table_computed_once(tmp_path, monkeypatch):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    log = tmp_path / "computed.log"
    compute = ("from helpers import buildcache\n"
               f"def count():\n    open({str(log)!r}, 'a').write('x')\n    return 'tide table'\n"
               "print(buildcache.cached('tides', 'harbour', count))")
    for name in ("00-a", "01-b", "02-c"):
        _notebook(notebooks, name, compute)
    monkeypatch.setenv("HELPERS_PROCESSED_DIR", str(tmp_path / "processed"))
    reports.build(folder=notebooks, out=out)
    assert log.read_text() == "x"  # three notebooks, two kernels at once: computed by one
    assert "tide table" in (out / "02-c.html").read_text(encoding="utf-8")
    assert not os.environ.get("HELPERS_SHARED_DIR")  # the build's shared folder is gone with the build


def test_the_longest_notebook_of_the_last_build_runs_first():
    paths = [Path(f"{n}.ipynb") for n in ("00-a", "01-b", "02-c", "03-new")]
    order = reports._longest_first(paths, {"00-a": 1.0, "01-b": 6.5, "02-c": 2.0})
    assert [p.stem for p in order] == ["03-new", "01-b", "02-c", "00-a"]


def test_a_failure_stops_the_notebooks_not_started_and_is_named(tmp_path, monkeypatch):
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    notebooks.mkdir()
    for name in ("00-later", "01-later", "02-later"):
        _notebook(notebooks, name, "print('never needed')")
    _notebook(notebooks, "03-fails", "raise ValueError('no tide readings')")
    out.mkdir()  # the last build's times put 03 first; the others are still waiting when it fails
    (out / reports.TIMES_FILE).write_text('{"03-fails": 9.0, "00-later": 1.0, "01-later": 1.0, "02-later": 1.0}')
    monkeypatch.setenv("REPORT_WORKERS", "1")
    monkeypatch.setenv("HELPERS_PROCESSED_DIR", str(tmp_path / "processed"))
    with pytest.raises(reports.ReportError, match=r"^03-fails.ipynb, cell 1 .*ValueError: no tide readings"):
        reports.build(folder=notebooks, out=out)
    assert [p.name for p in out.iterdir()] == [reports.TIMES_FILE]  # the previous output is unchanged
