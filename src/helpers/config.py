"""Project paths, in one place. Every other module takes its paths from here."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA = PROJECT_ROOT / "data"
RAW_DIR = DATA / "raw"
MANIFEST = DATA / "articles.csv"
LEXICON_DIR = DATA / "lexicons"  # general English word lists, the same for every study
STUDIES_DIR = DATA / "studies"  # one folder per event (helpers.study)


def _seed_study() -> Path:
    """The study of the seed articles in ``data/raw``, named in ``data/studies/seed.yaml`` (``seed: FOLDER``)."""
    pointer = STUDIES_DIR / "seed.yaml"
    for line in pointer.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "seed" and value.strip():
            return STUDIES_DIR / value.strip()
    raise ValueError(f"{pointer}: no 'seed: FOLDER' line naming the seed articles' study")


SEED_STUDY = _seed_study()  # the study of the seed articles in data/raw
GENERIC_STUDY = STUDIES_DIR / "generic"  # any corpus without a study of its own
# Generated outputs; the environment variables let tests and batch runs write elsewhere.
PROCESSED_DIR = Path(os.environ.get("HELPERS_PROCESSED_DIR") or DATA / "processed")
REPORTS_DIR = PROJECT_ROOT / "reports"
FIGURES_DIR = Path(os.environ.get("HELPERS_FIGURES_DIR") or REPORTS_DIR / "figures")
SHARED_DIR_ENV = "HELPERS_SHARED_DIR"  # set by a report build: where helpers.buildcache shares tables between notebooks
HEADLINE_CLASS = "report-headline"  # the HTML class of a report's headline finding, which the index copies
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """Resolve the folder of articles to analyse.

    Args:
        value: an explicit folder; when empty, the ``DATA_DIR`` environment
            variable is used, and when that is unset too, ``data/raw``.

    Returns:
        The folder as an absolute path.
    """
    chosen = value or os.environ.get("DATA_DIR") or RAW_DIR
    return Path(chosen).expanduser().resolve()
