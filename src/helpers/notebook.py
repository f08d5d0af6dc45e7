"""The start every notebook shares: the study, the articles with outlets bucketed, outlet colours and
the corpus note under each chart. Keeps the notebooks' first cell after the imports to one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import buildcache, charts, config, corpus
from helpers.study import Study, choose_study
from helpers.text import escape


@dataclass(frozen=True)
class Start:
    """What a notebook starts from (see :func:`start`)."""

    study: Study
    articles: pd.DataFrame
    colors: dict
    note: str

    def analysis(self) -> dict[str, pd.DataFrame]:
        """Sentences, attributions, loaded terms and frames of these articles with this study
        (:func:`helpers.pipeline.analyze`), computed once per report build (:mod:`helpers.buildcache`)."""
        return buildcache.analysis(self.articles, self.study)


def start(data_dir: str = "", manifest: str = "", *, top_outlets: int = 12, study: str = "",
          articles: pd.DataFrame | None = None) -> Start:
    """Choose the study, load the articles (unless given), bucket small outlets and fix their colours.

    Args:
        data_dir: the corpus folder or table ("" for ``DATA_DIR`` or ``data/raw``).
        manifest: a manifest CSV ("" for ``articles.csv`` beside or above the corpus).
        top_outlets: outlets shown by name; the rest become ``other``.
        study: a study folder ("" for :func:`helpers.study.choose_study`).
        articles: articles already loaded (notebook 00 loads them with its load report).

    Returns:
        A :class:`Start` with ``study, articles, colors, note``.

    >>> s = start(top_outlets=12)  # doctest: +SKIP
    >>> s.study.has_sides, len(s.articles)  # the seed study and the five seed articles  # doctest: +SKIP
    (True, 5)
    """
    chosen = choose_study(study or None, data_dir=data_dir or None)
    if articles is None:
        articles = buildcache.articles(data_dir, manifest)
    articles = corpus.bucket_outlets(articles, top=top_outlets)
    return Start(chosen, articles, charts.outlet_colors(articles["outlet"]), charts.corpus_note(articles))


def shown_path(path: str | Path) -> str:
    """A path as a report shows it: relative to the project when inside it, else the last two parts
    (no home folder or machine layout in a shared report)."""
    path = Path(path)
    try:
        return path.resolve().relative_to(config.PROJECT_ROOT).as_posix()
    except ValueError:
        return "/".join(path.parts[-2:])


def annotated_corpus(path: str, split: str | None) -> str:
    """How reports 02 and 03 name a brat-annotated corpus: its folder name and the split scored.

    >>> annotated_corpus("/data/polnear/", "dev")
    '<code>polnear</code> (dev)'
    """
    return f"<code>{escape(Path(path.rstrip('/')).name)}</code> ({escape(split or 'folder')})"


def study_line(study: Study) -> str:
    """One Markdown line naming the study in use and where its files are."""
    return f"Study: **{escape(study.name)}** (<code>{escape(shown_path(study.path))}</code>)."


def no_sides_line(study: Study) -> str:
    """The sentence a report shows instead of its charts by side when the study has no sides."""
    return (f"The study **{escape(study.name)}** assigns no sides to speakers, so the charts and tables by side "
            f"are left out. To see them, fill in the <code>side</code> column of "
            f"<code>{escape(shown_path(study.speakers))}</code> (draft a study with "
            f"<code>python -m helpers init-study CORPUS --out FOLDER</code>) and rerun with <code>STUDY=FOLDER</code>.")
