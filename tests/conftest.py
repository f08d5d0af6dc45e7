"""Shared fixtures."""

from __future__ import annotations


import pandas as pd
import pytest

from helpers import config, corpus, reports


def one_article(text: str, *, headline: str = "") -> pd.DataFrame:
    """A one-article corpus made of ``text`` (paragraphs split on blank lines), with an optional headline."""
    body = (headline + "\n\n" + text) if headline else text
    return pd.DataFrame({"article_id": ["t"], "outlet": ["test"], "headline": [headline], "text": [body]})


@pytest.fixture(scope="session")
def articles() -> pd.DataFrame:
    """The five seed articles."""
    return corpus.load_articles(config.RAW_DIR)


def build_reports(out, *, data_dir=None, study=None, only=None):
    """Execute the notebooks into ``out`` (HTML, figures and tables all under it), as `make reports` does."""
    with reports.environment(HELPERS_PROCESSED_DIR=str(out / "processed"), HELPERS_FIGURES_DIR=str(out / "figures"),
                             DATA_DIR=str(data_dir) if data_dir else None, STUDY=str(study) if study else None):
        return reports.build(out=out, only=only)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Execute every notebook once on the seeds into a temporary reports folder."""
    out = tmp_path_factory.mktemp("reports")
    return out, build_reports(out)
