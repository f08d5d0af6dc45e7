"""Putting finished output folders in place: all of them or none, never half done by an interrupt.

Used by ``python -m helpers analyze`` (one output folder) and by the report build
(reports, figures and processed tables). Each new folder is written beside its
target under a hidden name (:func:`beside`), so the final move is a rename on one
file system.
"""

from __future__ import annotations

import shutil
import signal
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path


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
