"""Putting finished output folders in place: all of them or none, never half done by an interrupt.

Used by ``python -m helpers analyze`` (one output folder, checked, locked and replaced: the second half
of this module) and by the report build (reports, figures and processed tables). Each new folder is written beside its
target under a hidden name (:func:`beside`), so the final move is a rename on one
file system.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import threading
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on POSIX: no output lock
    fcntl = None


def beside(path: Path, tag: str) -> Path:
    """A hidden, unused path in ``path``'s folder, such as ``.results.partial-<random>``.

    Example:
        >>> beside(Path("/tmp/results"), "old").name.startswith(".results.old-")
        True
    """
    return path.with_name(f".{path.name}.{tag}-{uuid.uuid4().hex}")


@contextmanager
def interrupts_deferred():
    """Hold SIGINT and SIGTERM until the block ends, then deliver them to their handlers.

    Python runs signal handlers between any two statements, so an interrupt could otherwise leave an
    output moved aside and the new one not yet in its place. Only the main thread can set handlers;
    elsewhere this does nothing (handlers run in the main thread anyway).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    held = [s for s in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(s) is not None]  # None: set outside Python
    previous = {s: signal.signal(s, lambda signum, frame: caught.append(signum)) for s in held}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for s in dict.fromkeys(caught):
            signal.raise_signal(s)


def swap_folders(pairs: list[tuple[Path, Path]]) -> None:
    """Put each finished folder in place of its target, all or none; the earlier targets are removed last.

    Interrupts wait until every folder is in place. When a move fails, the folders already moved go
    back and the earlier targets are restored before the error is raised; removing the earlier
    targets afterwards can be interrupted.

    Args:
        pairs: ``(finished folder, target)``, each finished folder beside its target.

    Raises:
        OSError: from the move that failed; every target is then as it was.
    """
    done: list[tuple[Path, Path, Path | None]] = []
    with interrupts_deferred():
        try:
            for staged, target in pairs:
                done.append((staged, target, _move_aside(target)))
                staged.rename(target)
        except OSError:
            for staged, target, old in reversed(done):
                if target.exists() and not staged.exists():  # this one was swapped: move it back
                    target.replace(staged)
                if old is not None:
                    old.replace(target)
            raise
    for _, _, old in done:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _move_aside(target: Path) -> Path | None:
    """Rename an existing ``target`` to a hidden name beside it and return that name (None if absent)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        return None
    old = beside(target, "old")  # a unique name, even with a stale one beside it
    target.rename(old)
    return old


# ---------------------------------------------------------------- one analyze output folder, safely


class OutputError(ValueError):
    """The output path cannot be used or replaced safely: a file, a link, a mount point, a folder holding
    other files or the corpus, or a folder that cannot be created."""


RUN_MARKER = "_analyze_run.json"  # written last into an analyze output folder: marks it as one a rerun may replace


def check_output_folder(out: Path, where: Path, tables: list[str]) -> None:
    """Refuse an output path that cannot be written or replaced safely, before any work is done.

    ``out`` must be absolute and ``where`` the resolved corpus path. Allowed: a new path, an empty folder, or an earlier output of
    :func:`helpers.pipeline.analyze_to_files` (it holds :data:`RUN_MARKER` and the folders named in ``tables`` only).
    """
    real, here = out.resolve(), Path(os.getcwd()).resolve()
    if where == real or real in where.parents:
        raise OutputError(f"{out}: the output folder holds the corpus ({where}); pass a folder outside it")
    if here == real or real in here.parents:
        raise OutputError(f"{out}: the output folder is the current folder or holds it; it would be replaced "
                          "under you; pass a sub-folder such as 'results'")
    if out.is_symlink():
        raise OutputError(f"{out}: the output path is a symbolic link; pass the folder it points to")
    if out.is_file():
        raise OutputError(f"{out}: the output path is a file; pass a folder")
    if not out.is_dir():
        return
    if os.path.ismount(out):
        raise OutputError(f"{out}: the output folder is a mount point, which cannot be replaced; pass a folder "
                          "inside it")
    entries = sorted(os.listdir(out))
    if not entries:
        return
    tables = [e for e in entries if e in tables and (out / e).is_dir()]
    foreign = [e for e in entries if e != RUN_MARKER and e not in tables]
    if RUN_MARKER in entries:
        foreign += _foreign_parts(out, tables)
    if foreign or RUN_MARKER not in entries:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        what = f"files this command did not write ({shown})" if foreign else f"no {RUN_MARKER}"
        raise OutputError(f"{out}: the output folder holds {what}, so it is not an earlier output of this "
                          "command; pass a new or empty folder, or an earlier output folder (which is replaced)")


def _foreign_parts(out: Path, tables: list[str]) -> list[str]:
    """Entries of an earlier output's table folders that are not part files this command writes, as ``table/name``.

    Part files are ``part-NNNNN.<format>``, in the format the earlier run's :data:`RUN_MARKER` names (either, if
    it cannot be read): a user's ``notes.txt`` there would otherwise be deleted with the output.
    """
    try:
        fmt = json.loads((out / RUN_MARKER).read_text(encoding="utf-8"))["format"]
    except (OSError, ValueError, KeyError, TypeError):
        fmt = None
    suffix = re.escape(fmt) if fmt in {"parquet", "csv"} else "(?:parquet|csv)"
    part = re.compile(rf"part-\d{{5,}}\.{suffix}")
    foreign = []
    for table in tables:
        try:
            entries = sorted(os.scandir(out / table), key=lambda e: e.name)
        except OSError:
            foreign.append(f"{table}/ (cannot be read)")
            continue
        foreign += [f"{table}/{e.name}" for e in entries if not (part.fullmatch(e.name) and e.is_file(follow_symlinks=False))]
    return foreign


@contextmanager
def output_lock(out: Path):
    """Hold an exclusive lock on ``.NAME.lock`` beside ``out`` for the block (no-op without ``fcntl``).

    Two runs into one output would otherwise race to replace it. The lock is not waited for: a second run
    fails at once, naming the holder's pid. The lock file is removed at the end; a run that finds the file
    replaced after locking it (its holder just removed it) locks the new one.

    Raises:
        OutputError: when another process holds the lock, or the lock file cannot be created.
    """
    path = out.with_name(f".{out.name}.lock")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd = _lock_file(path, out) if fcntl else None
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder beside it ({exc.strerror})") from None
    try:
        yield
    finally:
        if fd is not None:
            with suppress(FileNotFoundError):
                os.unlink(path)  # while still locked: a waiting opener sees the change and retries
            os.close(fd)


def _lock_file(path: Path, out: Path) -> int:
    """Open and lock ``path`` without waiting, write this pid into it and return its descriptor."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputError(f"{out} is being written by another analyze run (pid {holder}); wait for it or "
                              "choose another --out") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            return fd
        os.close(fd)  # the previous holder removed the file between our open and lock: lock the new one


def replace_folder(staging: Path, out: Path) -> None:
    """Move the finished ``staging`` folder to ``out``, replacing an earlier output there (restored on failure)."""
    existed = out.exists()
    try:
        swap_folders([(staging, out)])
    except OSError as exc:
        raise OutputError(f"{out}: could not put the finished output in place ({exc.strerror}); "
                          f"{'the earlier output is unchanged' if existed else 'nothing was written'}") from None
