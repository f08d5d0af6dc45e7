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


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Execute every notebook once, as `make reports` does, into a temporary reports folder."""
    out = tmp_path_factory.mktemp("reports")
    return out, reports.build(out=out)
