"""Execute every notebook in order and export HTML reports (``python -m helpers.reports``).

A report must carry no error, traceback or warning: any error output, any text
on stderr, or a cell that fails stops the build with a message naming the
notebook and the cell.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

from helpers import config
from helpers.text import escape

TEMPLATES = Path(__file__).parent / "templates"  # "report": the lab page without MathJax
NOTEBOOK_RE = re.compile(r"^\d\d-[\w-]+\.ipynb$")


class ReportError(RuntimeError):
    """A notebook failed or printed an error or warning."""


def notebooks(folder: Path | None = None) -> list[Path]:
    """The ``NN-topic.ipynb`` notebooks in run order.

    Args:
        folder: default ``notebooks/``.

    Returns:
        Sorted paths.
    """
    folder = folder or config.NOTEBOOKS_DIR
    return sorted(p for p in folder.iterdir() if NOTEBOOK_RE.match(p.name))


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Error outputs and stderr text in an executed notebook.

    Args:
        nb: an executed notebook.

    Returns:
        One line per problem, naming the cell; empty when clean.
    """
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr" and out.get("text", "").strip():
                found.append(f"cell {i}: stderr: {out['text'].strip()[:300]}")
    return found


def execute(path: Path, *, timeout: int = 900) -> nbformat.NotebookNode:
    """Execute one notebook in its own folder with the current Python's kernel.

    Args:
        path: the notebook.
        timeout: seconds allowed per cell.

    Returns:
        The executed notebook.

    Raises:
        ReportError: naming the notebook and cell when a cell fails or prints to stderr.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise ReportError(f"{path.name}: a cell failed:\n{exc}") from None
    found = problems(nb)
    if found:
        raise ReportError(f"{path.name}: the report would show errors or warnings:\n  " + "\n  ".join(found))
    return nb


def summary(nb: nbformat.NotebookNode) -> tuple[str, str]:
    """Title and one-line summary from the notebook's first markdown cell.

    Args:
        nb: a notebook whose first cell is markdown: ``# Title`` then a question.

    Returns:
        ``(title, summary)``.
    """
    lines = [ln.strip() for ln in nb.cells[0].source.splitlines() if ln.strip()]
    title = next((ln.lstrip("# ") for ln in lines if ln.startswith("#")), "")
    text = next((ln for ln in lines if not ln.startswith("#")), "")
    return title, re.sub(r"[*_`]", "", text)


def to_html(nb: nbformat.NotebookNode) -> str:
    """Export an executed notebook to HTML with the code hidden and no math typesetting (``templates/report``).

    Args:
        nb: an executed notebook.

    Returns:
        The HTML page.
    """
    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def write_index(entries: list[tuple[str, str, str]], folder: Path) -> Path:
    """Write ``index.html`` linking each report with its one-line summary.

    Args:
        entries: ``(file name, title, summary)`` in order.
        folder: the reports folder.

    Returns:
        The index path.
    """
    data = os.environ.get("DATA_DIR") or str(config.RAW_DIR)
    items = "\n".join(
        f'<li><a href="{escape(f)}">{escape(t)}</a> &mdash; {escape(s)}</li>' for f, t, s in entries)
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Framing analysis reports</title>"
        "<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.5}</style></head><body>"
        "<h1>Framing analysis reports</h1>"
        f"<p>Articles analysed from <code>{escape(data)}</code>. Each report was executed from the notebooks in "
        "<code>notebooks/</code> by <code>make reports</code>; code is hidden.</p>"
        f"<ol>{items}</ol></body></html>")
    path = folder / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def build(*, folder: Path | None = None, out: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Execute every notebook in order and write ``reports/<notebook>.html`` plus ``index.html``.

    Args:
        folder: the notebooks folder.
        out: the reports folder.
        only: notebook names to run (all by default).

    Returns:
        The written HTML paths, index last.
    """
    out = out or config.REPORTS_DIR
    out.mkdir(parents=True, exist_ok=True)
    os.environ["HELPERS_PROGRESS"] = "0"  # progress bars go to stderr, which a report must not show
    if os.environ.get("DATA_DIR"):
        os.environ["DATA_DIR"] = str(Path(os.environ["DATA_DIR"]).expanduser().resolve())
    written, entries = [], []
    for path in notebooks(folder):
        if only and path.name not in only and path.stem not in only:
            continue
        print(f"executing {path.name} ...", flush=True)
        nb = execute(path)
        html_path = out / f"{path.stem}.html"
        html_path.write_text(to_html(nb), encoding="utf-8")
        written.append(html_path)
        entries.append((html_path.name, *summary(nb)))
        print(f"  wrote {html_path.relative_to(out.parent)}")
    built = {e[0] for e in entries}
    for path in notebooks(folder):  # keep earlier reports in the index when only some notebooks were rerun
        html_path = out / f"{path.stem}.html"
        if html_path.name not in built and html_path.exists():
            entries.append((html_path.name, *summary(nbformat.read(path, as_version=4))))
    entries.sort()
    written.append(write_index(entries, out))
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.reports [NOTEBOOK ...]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="notebooks to run (default: all)")
    args = parser.parse_args(argv)
    try:
        paths = build(only=args.only or None)
    except ReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"reports written: {paths[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
