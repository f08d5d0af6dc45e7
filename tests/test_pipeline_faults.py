"""Adversarial review of `python -m helpers analyze`: nothing to load, signals, two runs at once, user files in
an earlier output, CSV injection. Each hostile input is built here, small enough to run in seconds."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import config, pipeline, synthetic
from helpers.__main__ import analyze_to_files, main

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; PR_SET_PDEATHSIG is Linux's")

GERMAN = ("Die Regierung hat am Dienstag erklärt, dass die Truppen in der Region bleiben werden und dass die "
          "Verhandlungen mit den Vertretern der Bevölkerung in der nächsten Woche fortgesetzt werden sollen, "
          "obwohl die Lage weiterhin sehr schwierig ist.")
FRENCH = ("Le gouvernement a déclaré mardi que les troupes resteraient dans la région et que les négociations "
          "avec les représentants de la population reprendraient la semaine prochaine, bien que la situation "
          "reste très difficile pour les habitants.")


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder`` with a digest of its bytes ("" for folders)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else ""
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def earlier(tmp_path) -> tuple[Path, dict[str, str]]:
    """A good earlier output of the seed articles, and its snapshot."""
    out = tmp_path / "out"
    analyze_to_files(config.RAW_DIR, out, chunk=2, progress=False)
    return out, _snapshot(out)


# ---------------------------------------------------------------- 1. nothing could be loaded


@pytest.mark.parametrize("files, reason", [
    ({}, "the folder holds no article files"),
    ({"de.txt": GERMAN, "fr.txt": FRENCH, "blob.txt": b"\x00\x01\x02binary\x00" * 20},
     "3 files skipped (2 not English, 1 binary)"),
])
def test_a_corpus_with_no_loadable_article_exits_2_and_keeps_the_earlier_output(tmp_path, earlier, capsys,
                                                                                files, reason):
    out, before = earlier
    source = tmp_path / "corpus"
    source.mkdir()
    for name, data in files.items():
        (source / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    assert main(["analyze", str(source), "--out", str(out), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: no article could be loaded from {source}: {reason}; see ") and err.count("\n") == 1
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]  # no staging folder or lock left


# ---------------------------------------------------------------- 2. SIGTERM / SIGKILL with a process pool


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """A Parquet export of synthetic articles that takes two workers several seconds (half a minute on slow CPUs)."""
    path = tmp_path_factory.mktemp("big") / "articles.parquet"
    synthetic.synthetic_articles(6000, seed=11)[["article_id", "outlet", "text"]].to_parquet(path)
    return path


def _children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (zombies count as gone), from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state not in {"Z", "X"}:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    except OSError:
        return False


def _wait_for(check, what: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def _running(source: Path, out: Path):
    """Start `analyze --workers 2` and yield it with its two workers once they analyse chunks; kill leftovers after."""
    run = subprocess.Popen([sys.executable, "-m", "helpers", "analyze", str(source), "--out", str(out),
                            "--workers", "2", "--chunk", "40"], cwd=out.parent, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env={**os.environ, "HELPERS_PROGRESS": "0"})
    workers: list[int] = []
    try:
        workers += _wait_for(lambda: (w := _children(run.pid)) and len(w) == 2 and w, "two pool workers")
        _wait_for(lambda: any((p / "quotes").is_dir() for p in out.parent.glob(f".{out.name}.partial-*")),
                  "the first parts")
        assert run.poll() is None, run.communicate()
        yield run, workers
    finally:  # a failing test leaves no process behind either
        for pid in [run.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        run.wait()
        run.stdout.close()
        run.stderr.close()


@linux_only
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_run_leaves_no_worker_behind_and_sigterm_cleans_up(tmp_path, earlier, big_corpus, sig):
    out, before = earlier
    with _running(big_corpus, out) as (run, workers):
        os.kill(run.pid, sig)
        run.wait(timeout=30)
        _wait_for(lambda: not any(map(_alive, workers)), "the workers to exit", seconds=10)
        err = run.stderr.read()
    assert _snapshot(out) == before
    if sig == signal.SIGTERM:
        assert run.returncode == 128 + signal.SIGTERM
        assert err.strip() == f"error: interrupted; {out} is unchanged"  # one line, no traceback
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # staging folder and lock removed
    else:
        assert run.returncode == -signal.SIGKILL


# ---------------------------------------------------------------- 3. two runs into one output


@linux_only
def test_a_second_run_into_the_same_output_is_refused_while_the_first_runs(tmp_path, earlier, big_corpus, capsys):
    out, before = earlier
    with _running(big_corpus, out) as (run, _):
        assert main(["analyze", str(config.RAW_DIR), "--out", str(out), "--workers", "1"]) == 2
        assert capsys.readouterr().err == (f"error: {out} is being written by another analyze run (pid {run.pid}); "
                                           "wait for it or choose another --out\n")
        assert _snapshot(out) == before
        run.terminate()
        assert run.wait(timeout=30) == 128 + signal.SIGTERM
    assert _snapshot(out) == before
    assert main(["analyze", str(config.RAW_DIR), "--out", str(out), "--workers", "1"]) == 0  # the lock is gone
    assert main(["analyze", str(config.RAW_DIR), "--out", str(out), "--workers", "1"]) == 0  # not "foreign"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and (out / pipeline.RUN_MARKER).is_file()


def test_the_lock_is_taken_before_any_work_and_released_after(tmp_path, earlier, monkeypatch):
    out, before = earlier
    seen = []

    def stream(*args, **kwargs):
        seen.append(sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".lock")))
        raise RuntimeError("stop")

    monkeypatch.setattr(pipeline, "_stream", stream)
    with pytest.raises(RuntimeError, match="stop"):
        analyze_to_files(config.RAW_DIR, out, progress=False)
    assert seen == [[".out.lock"]] and _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ---------------------------------------------------------------- 4. a user's file inside a table folder


@pytest.mark.parametrize("name", ["articles/notes.txt", "quotes/part-00000.csv", "terms/sub/part-00000.parquet"])
def test_a_users_file_inside_a_table_folder_is_refused_by_name_and_kept(earlier, capsys, name):
    out, _ = earlier
    (out / name).parent.mkdir(exist_ok=True)
    (out / name).write_text("keep me")
    before = _snapshot(out)
    shown = name.rsplit("/", 1)[0] if name.count("/") == 2 else name  # a sub-folder is named, not its files
    assert main(["analyze", str(config.RAW_DIR), "--out", str(out), "--workers", "1"]) == 2
    assert f"holds files this command did not write ({shown})" in capsys.readouterr().err
    assert _snapshot(out) == before and (out / name).read_text() == "keep me"


# ---------------------------------------------------------------- 5. CSV injection


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(tmp_path, capsys):
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "x_1.txt").write_text(
        "=HYPERLINK(\"http://x\",\"y\")\n\n"
        "Officials said on Tuesday that the offensive in the region had ended after a day of fighting.\n\n"
        "=HYPERLINK(\"http://x\",\"y\")\n\n"
        "@SUM(1+1) was posted by an account that the ministry said was not its own.\n\n"
        "+cmd|' /C calc'!A0 appeared in the comments under the report, the outlet said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(source), "--out", str(out), "--format", "csv", "--workers", "1"]) == 0
    cells = [cell for path in out.rglob("*.csv") for row in csv.reader(path.open(encoding="utf-8")) for cell in row]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells
    risky = [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))
             or (c.startswith("-") and not c.lstrip("-").replace(".", "", 1).isdigit())]
    assert risky == []
    assert not [p for p in out.rglob("*") if ".partial" in p.name]
