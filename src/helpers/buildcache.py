"""Tables the notebooks share, computed once per ``make reports`` build.

Every notebook needs the articles and most need the same analysis tables (sentences, attributions,
loaded terms, frames). During a build, :mod:`helpers.reports` sets ``HELPERS_SHARED_DIR`` to a fresh
folder: the first notebook that asks for a table computes it and leaves it there, and the others
read it. A notebook that asks while another one is computing the same table waits for it (a file
lock), so each table is computed once. The folder is deleted when the build ends.

Outside a build (JupyterLab, a script) nothing is cached: each call computes.

Limits: the cache is keyed on the arguments and on the articles' content, not on the code, so it
must not outlive one build; pickles are read only from the folder the build created.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import config, corpus, pipeline
from helpers.study import Study

ENV = config.SHARED_DIR_ENV


def folder() -> Path | None:
    """The build's shared folder, or None outside a build."""
    value = os.environ.get(ENV)
    return Path(value) if value else None


def cached(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or its result from the build's shared folder when a notebook already computed it.

    Args:
        name: the table's name (part of the file name).
        key: what the result depends on, as text (hashed into the file name).
        compute: makes the value (called at most once per build and key).

    Returns:
        The value.

    >>> cached("answer", "k", lambda: 42)  # outside a build: computed
    42
    """
    shared = folder()
    if shared is None:
        return compute()
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    path = shared / f"{name}-{digest}.pickle"
    with open(shared / f"{name}-{digest}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second notebook waits here while the first computes
        if path.exists():
            with open(path, "rb") as f:
                return pickle.load(f)
        value = compute()
        partial = path.with_suffix(".partial")
        with open(partial, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
        return value


def read_corpus(data_dir: str = "", manifest: str = "") -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`helpers.corpus.read_corpus` (the articles and the load report), once per build.

    Args:
        data_dir: the corpus folder or table ("" for ``DATA_DIR`` or ``data/raw``).
        manifest: a manifest CSV ("" for the default).

    Returns:
        Copies of ``(articles, report)``.
    """
    key = f"{Path(data_dir or os.environ.get('DATA_DIR') or '').resolve()}|{manifest}"
    loaded, report = cached("corpus", key, lambda: corpus.read_corpus(data_dir or None, manifest=manifest or None))
    return loaded.copy(), report.copy()


def articles(data_dir: str = "", manifest: str = "") -> pd.DataFrame:
    """:func:`helpers.corpus.load_articles` without warnings, from :func:`read_corpus` (once per build).

    Raises:
        helpers.corpus.CorpusError: when no article could be loaded (the message gives the reasons).
    """
    loaded, report = read_corpus(data_dir, manifest)
    return corpus.require_articles(loaded, report, data_dir=data_dir or None)


def fingerprint(articles_: pd.DataFrame) -> str:
    """A digest of the articles' ids, outlets, headlines and texts (what every analysis reads)."""
    columns = [c for c in ("article_id", "outlet", "headline", "text") if c in articles_.columns]
    hashed = pd.util.hash_pandas_object(articles_[columns], index=False).to_numpy()
    return hashlib.sha256(hashed.tobytes()).hexdigest()


def analysis(articles_: pd.DataFrame, study: Study) -> dict[str, pd.DataFrame]:
    """:func:`helpers.pipeline.analyze` of these articles with this study, once per build.

    Args:
        articles_: the articles (outlets already bucketed, as the notebook shows them).
        study: the study whose speakers, lexicon and codebook are used.

    Returns:
        ``{"sentences", "quotes", "terms", "frames"}`` DataFrames (copies: a notebook may change them).
    """
    files = [Path(study.path) / "study.yaml", Path(study.speakers), Path(study.lexicon), Path(study.codebook)]
    stamps = ",".join(f"{p}:{p.stat().st_mtime_ns}" for p in files if p.exists())
    tables = cached("analysis", f"{fingerprint(articles_)}|{stamps}",
                    lambda: pipeline.analyze(articles_, study=study, progress=False))
    return {name: table.copy() for name, table in tables.items()}


def brat_evaluation(path: str, *, split: str = "dev", voice_gold: str = "") -> dict:
    """:func:`helpers.evaluation.evaluate_attributions` of a brat-annotated corpus, once per build.

    Args:
        path: the PolNeAR root or a folder of brat ``.ann`` + ``.txt`` pairs.
        split: the PolNeAR split (``dev`` or ``train``).
        voice_gold: a CSV of voices labelled by hand for these texts ("" for none).

    Returns:
        The evaluation's figures and tables (reports 02 and 03 read different parts of it).
    """
    from helpers import evaluation  # late: only a build given EVAL_BRAT needs it

    hand = str(Path(voice_gold).expanduser().resolve()) if voice_gold else ""
    key = f"{Path(path).expanduser().resolve()}|{split}|{os.environ.get('STUDY', '')}|{hand}"
    return cached("brat-evaluation", key,
                  lambda: evaluation.evaluate_attributions(path, split=split, voice_gold=hand or None))
