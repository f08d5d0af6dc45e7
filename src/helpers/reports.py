"""Execute every notebook in order and export HTML reports (``python -m helpers.reports``).

A report must carry no error, traceback or warning: any error output, any text
on stderr, or a cell that fails stops the build with a message naming the
notebook, the cell and the reason. The notebooks write into a staging folder;
``reports/`` and the processed tables are replaced only when every notebook
succeeded, so a failed build leaves the previous complete set in place.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import queue
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from helpers import config, outputs, speedups
from helpers.text import escape

speedups.skip_iri_grammar()  # before nbformat is imported
import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402

TEMPLATES = Path(__file__).parent / "templates"  # "report": the lab page without MathJax
NOTEBOOK_RE = re.compile(r"^\d\d-[\w-]+\.ipynb$")
# The kernel logs only errors to the terminal: its one warning on a build is that a local TCP socket is not
# encrypted. What a notebook prints to stderr still reaches its cell output and stops the build (problems()).
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
PATH_PARAMETERS = ("DATA_DIR", "MANIFEST", "EVAL_BRAT", "EVAL_VOICE_GOLD")  # made absolute before the kernels start


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


def execute(path: Path, *, timeout: int | None = None, km=None, reset: bool = False) -> nbformat.NotebookNode:
    """Execute one notebook in its own folder with the current Python's kernel.

    Args:
        path: the notebook.
        timeout: seconds allowed per cell; default ``REPORT_CELL_TIMEOUT`` or 1,800.
        km: a running kernel's manager to execute in (see :class:`Kernel`); default a new kernel, shut down after.
        reset: first clear what an earlier notebook left in that kernel (:data:`Kernel.RESET`).

    Returns:
        The executed notebook.

    Raises:
        ReportError: naming the notebook, the cell and the reason when a cell fails, runs out of
            time, kills the kernel or prints to stderr.
    """
    timeout = timeout or int(os.environ.get("REPORT_CELL_TIMEOUT") or 1800)
    nb = nbformat.read(path, as_version=4)
    prelude = [nbformat.v4.new_code_cell(Kernel.RESET)] if reset else []
    nb.cells[:0] = prelude
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", km=km, store_widget_state=False,
                            extra_arguments=list(KERNEL_ARGUMENTS),
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
        failure = None
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        failure = exc
    finally:
        del nb.cells[:len(prelude)]
        if km is not None and client.kc is not None:
            client.kc.stop_channels()
    if failure is not None:
        raise _failure(path, nb, failure, timeout) from None
    found = problems(nb)
    if found:
        raise ReportError(f"{path.name}: the report would show errors or warnings:\n  " + "\n  ".join(found))
    return nb


def _failure(path: Path, nb: nbformat.NotebookNode, exc: Exception, timeout: int) -> ReportError:
    """The error a failed execution reports: the notebook, the cell and the reason."""
    where = f"{path.name}, {_failed_cell(nb)}"
    if isinstance(exc, CellExecutionError):
        return ReportError(f"{where}: {exc.ename}: {_first_lines(exc.evalue)}")
    if isinstance(exc, CellTimeoutError):
        return ReportError(f"{where}: took longer than {timeout} s (set REPORT_CELL_TIMEOUT to allow more)")
    return ReportError(f"{where}: the kernel died (out of memory, or killed)")


class Kernel:
    """One kernel that executes several notebooks in turn, its namespace cleared between them.

    Starting a kernel and importing pandas, matplotlib and the helpers costs about two seconds of CPU;
    a build pays it once per worker instead of once per notebook. Before each notebook but the first,
    IPython's own reset deletes every name the earlier one defined and its output history, and the
    figures are closed; imported modules stay loaded.
    """

    RESET = ("get_ipython().reset(new_session=False)\n"
             "import matplotlib.pyplot as _plt\n_plt.close('all')\ndel _plt")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.km = None
        self._client = None

    def run(self, path: Path) -> nbformat.NotebookNode:
        """Execute ``path`` (:func:`execute`) in this kernel, starting it on first use."""
        if self.km is None:
            self._client = NotebookClient(nbformat.v4.new_notebook(), kernel_name="python3", shutdown_kernel="immediate",
                                          resources={"metadata": {"path": str(self.folder)}})
            self.km = self._client.create_kernel_manager()
            return execute(path, km=self.km)
        return execute(path, km=self.km, reset=True)

    def close(self) -> None:
        """Shut the kernel down (nothing to do when it never started)."""
        if self.km is not None and self._client is not None:
            self._client._cleanup_kernel()
            self.km = None


def _failed_cell(nb: nbformat.NotebookNode) -> str:
    """'cell N (its first line)': the cell with an error output, else the last cell that started running."""
    code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    failed = [(i, c) for i, c in code if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    started = [(i, c) for i, c in code if c.get("execution_count")]
    if not (failed or started):
        return "before the first cell"
    i, cell = failed[0] if failed else started[-1]
    line = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
    return f"cell {i} ({line[:60]})"


def _first_lines(text: str, *, n: int = 6) -> str:
    """The first ``n`` lines of an error message, without terminal colour codes."""
    lines = re.sub(r"\x1b\[[0-9;]*m", "", str(text)).strip().splitlines()
    return "\n".join(lines[:n]) + (f"\n  ... ({len(lines) - n} more lines)" if len(lines) > n else "")


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
    nb = _without_live_widgets(nb)
    exporter = HTMLExporter(template_name="report", extra_template_basedirs=[str(TEMPLATES)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _without_live_widgets(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the notebook whose outputs carry no live widget view where they have an HTML form (an explorer
    shows its table in a report: no kernel runs there, and a widget would need a script from the network)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data and "text/html" in data:
                del data[WIDGET_VIEW]
    return nb


_HEADLINE_RE = re.compile(r'<div class="' + config.HEADLINE_CLASS + r'[^"]*"><p><b>Finding:</b> (.*?)</p></div>', re.S)


def headline_of(html: str) -> str | None:
    """The escaped headline finding a report's notebook displayed (:func:`helpers.display.headline`, class :data:`helpers.config.HEADLINE_CLASS`), or None."""
    found = _HEADLINE_RE.search(html)
    return found.group(1) if found else None


def write_index(entries: list[tuple[str, str, str]], folder: Path) -> Path:
    """Write ``index.html`` linking each report with its headline finding (or, without one, its question).

    The corpus is named by the last two parts of its path ("polnear/dev"), never a machine path; nothing in the page depends on the
    build time, so a rebuild writes the same bytes.

    Args:
        entries: ``(file name, title, finding)`` in order; ``finding`` is HTML already escaped
            (:func:`headline_of`, or the escaped question).
        folder: the reports folder.

    Returns:
        The index path.
    """
    data = Path(os.environ.get("DATA_DIR") or config.RAW_DIR)
    name = "the seed articles (data/raw)" if data.resolve() == config.RAW_DIR.resolve() else "/".join(data.parts[-2:])
    items = "\n".join(
        f'<li><a href="{escape(f)}">{escape(t)}</a> &mdash; {s}</li>' for f, t, s in entries)
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Framing analysis reports</title>"
        "<style>body{font-family:sans-serif;max-width:52em;margin:2em auto;line-height:1.5}</style></head><body>"
        "<h1>Framing analysis reports</h1>"
        f"<p>Corpus: <b>{escape(name)}</b>. Each report was executed from the notebooks in "
        "<code>notebooks/</code> by <code>make reports</code>; code is hidden. Each line gives the report's "
        "headline finding, computed from the data; the report shows the evidence.</p>"
        f"<ol>{items}</ol></body></html>")
    path = folder / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def build(*, folder: Path | None = None, out: Path | None = None, only: list[str] | None = None) -> list[Path]:
    """Execute every notebook in order and write ``reports/<notebook>.html`` plus ``index.html``.

    The notebooks share the tables they have in common through :mod:`helpers.buildcache` (computed once per
    build). Everything is written to a staging folder first; the reports folder, the figures and the
    processed tables are swapped in only when every notebook succeeded.

    Args:
        folder: the notebooks folder.
        out: the reports folder.
        only: notebook names to run (all by default); the other reports are kept.

    Returns:
        The written HTML paths, index last.

    Raises:
        ReportError: naming the notebook, the cell and the reason; nothing was replaced.
    """
    out = (out or config.REPORTS_DIR).resolve()
    targets = {"reports": out,
               "processed": Path(os.environ.get("HELPERS_PROCESSED_DIR") or config.DATA / "processed").resolve(),
               "figures": Path(os.environ.get("HELPERS_FIGURES_DIR") or out / "figures").resolve()}
    os.environ["HELPERS_PROGRESS"] = "0"  # progress bars go to stderr, which a report must not show
    for key in PATH_PARAMETERS:  # the kernels run in notebooks/: a relative path means the caller's folder
        if os.environ.get(key):
            os.environ[key] = str(Path(os.environ[key]).expanduser().resolve())
    roots = {k: p for k, p in targets.items() if not any(o in p.parents for o in targets.values())}
    stages = {k: outputs.beside(p, "staging") for k, p in roots.items()}  # same disk as the target
    staged = {k: next(stages[r] / p.relative_to(rp) for r, rp in roots.items() if p == rp or rp in p.parents)
              for k, p in targets.items()}
    try:
        try:
            for key, root in roots.items():
                _stage(root, stages[key], keep=bool(only), notebook_tables=key == "processed")
            for path in staged.values():
                path.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="helpers-build-") as shared, \
                    environment(HELPERS_PROCESSED_DIR=str(staged["processed"]), HELPERS_FIGURES_DIR=str(staged["figures"]),
                                **{config.SHARED_DIR_ENV: shared}):
                names = _run_notebooks(folder, staged["reports"], only=only, previous=out)
        except OSError as exc:  # a full disk or a folder that cannot be written, outside any notebook cell
            raise ReportError(f"could not write the reports ({exc.strerror or exc}: {exc.filename or ''}); "
                              "the previous ones are unchanged") from None
        _swap_all([(stages[k], roots[k]) for k in roots])
    finally:
        for stage in stages.values():
            shutil.rmtree(stage, ignore_errors=True)
    return [out / name for name in names]


def _stage(source: Path, stage: Path, *, keep: bool, notebook_tables: bool) -> None:
    """Copy an output folder to its staging folder: all of it when ``keep``; otherwise, for the processed
    tables' folder, everything but the tables the notebooks write (its README, a user's sub-folders)."""
    if not source.is_dir() or not (keep or notebook_tables):
        return
    ignore = None if keep else (lambda folder, names: [n for n in names if folder == str(source) and n.endswith(".csv")])
    shutil.copytree(source, stage, ignore=ignore, symlinks=True)


def _swap_all(pairs: list[tuple[Path, Path]]) -> None:
    """Put every staged folder in place of its target, all or none (:func:`helpers.outputs.swap_folders`).

    Raises:
        ReportError: when a folder cannot be moved; the previous outputs are then in place.
    """
    try:
        outputs.swap_folders(pairs)
    except OSError as exc:
        raise ReportError(f"could not put the new reports in place ({exc}); the previous ones are unchanged") from None


def _set_environment(values: dict[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@contextmanager
def environment(**values: str | None):
    """Set (``None``: unset) environment variables inside the block, for the kernels it starts; then restore them."""
    saved = {k: os.environ.get(k) for k in values}
    _set_environment(values)
    try:
        yield
    finally:
        _set_environment(saved)


def _entry(name: str, nb: nbformat.NotebookNode, html: str) -> tuple[str, str, str]:
    """An index entry: file name, title, and the headline finding (the escaped question when there is none)."""
    title, question = summary(nb)
    return name, title, headline_of(html) or escape(question)


TIMES_FILE = "build-seconds.json"  # in the reports folder: how long each notebook took in the last build


def _previous_seconds(folder: Path) -> dict[str, float]:
    """Seconds per notebook from the last build in ``folder`` (empty when there is none or it cannot be read)."""
    try:
        seconds = json.loads((folder / TIMES_FILE).read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in seconds.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _longest_first(paths: list[Path], seconds: dict[str, float]) -> list[Path]:
    """The notebooks ordered by the seconds they took in the previous build, longest (or new) first, so that
    the last one to finish is a short one (the order of the reports and the index does not change).

    >>> [p.name for p in _longest_first([Path("00-a.ipynb"), Path("01-b.ipynb"), Path("02-c.ipynb")], {"00-a": 1, "01-b": 5})]
    ['02-c.ipynb', '01-b.ipynb', '00-a.ipynb']
    """
    return sorted(paths, key=lambda p: -seconds.get(p.stem, float("inf")))


def _run_notebooks(folder: Path | None, out: Path, *, only: list[str] | None, previous: Path) -> list[str]:
    """Execute the notebooks into ``out``, several at once (``REPORT_WORKERS``, default the CPUs available), each
    worker reusing one kernel (:class:`Kernel`), the longest first (:func:`_longest_first` reads ``previous``);
    return the file names of the reports and the index. On a failure the notebooks not started are cancelled
    and, once the running ones have stopped, the first failure in notebook order is raised."""
    chosen = [p for p in notebooks(folder) if not only or p.name in only or p.stem in only]
    workers = max(1, min(len(chosen), int(os.environ.get("REPORT_WORKERS") or len(os.sched_getaffinity(0)))))
    kernels = [Kernel(chosen[0].parent if chosen else config.NOTEBOOKS_DIR) for _ in range(workers)]
    seconds = _previous_seconds(previous)
    free = queue.Queue()
    for kernel in kernels:
        free.put(kernel)

    def run(path: Path) -> tuple[nbformat.NotebookNode, float]:
        kernel = free.get()
        started = time.perf_counter()
        try:
            return kernel.run(path), time.perf_counter() - started
        finally:
            free.put(kernel)

    done: dict[Path, tuple[str, tuple]] = {}
    failed: dict[Path, BaseException] = {}
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            running = {pool.submit(run, path): path for path in _longest_first(chosen, seconds)}
            print("executing " + ", ".join(p.name for p in chosen) + f" ({workers} at a time) ...", flush=True)
            for future in as_completed(running):
                path = running[future]
                if future.cancelled():  # not started because another notebook failed
                    continue
                try:
                    nb, seconds[path.stem] = future.result()
                except BaseException as exc:  # noqa: BLE001 - re-raised below, after the running ones stop
                    failed[path] = exc
                    for other in running:
                        other.cancel()
                    continue
                html = to_html(nb)
                (out / f"{path.stem}.html").write_text(html, encoding="utf-8")
                done[path] = (f"{path.stem}.html", _entry(f"{path.stem}.html", nb, html))
                print(f"  done {path.stem} ({seconds[path.stem]:.1f} s)", flush=True)
    finally:
        for kernel in kernels:
            kernel.close()
    if failed:
        raise failed[min(failed)]
    (out / TIMES_FILE).write_text(json.dumps({k: round(v, 2) for k, v in sorted(seconds.items())}, indent=1) + "\n",
                                  encoding="utf-8")
    names = [done[p][0] for p in chosen]
    entries = [done[p][1] for p in chosen]
    for path in notebooks(folder):  # keep earlier reports in the index when only some notebooks were rerun
        html_path = out / f"{path.stem}.html"
        if path not in done and html_path.exists():
            entries.append(_entry(html_path.name, nbformat.read(path, as_version=4), html_path.read_text(encoding="utf-8")))
    entries.sort()
    names.append(write_index(entries, out).name)
    return names


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.reports [NOTEBOOK ...]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="notebooks to run (default: all)")
    args = parser.parse_args(argv)
    try:
        paths = build(only=args.only or None)
    except ReportError as exc:
        print(f"error: {exc}\nThe previous reports and tables are unchanged.", file=sys.stderr)
        return 1
    print(f"reports written: {paths[-1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
