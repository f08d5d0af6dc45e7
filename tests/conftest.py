"""Shared fixtures."""

from __future__ import annotations

import pytest

from helpers import reports


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Execute every notebook once, as `make reports` does, into a temporary reports folder."""
    out = tmp_path_factory.mktemp("reports")
    return out, reports.build(out=out)
