"""Open a generated report in headless Chromium and check that its figures render.

Chromium comes from Debian's `chromium` package, installed by `.ci/run` (never
downloaded by a test tool). On CI a missing browser fails; elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np
import pytest
from matplotlib import image

from helpers import charts

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed on CI; .ci/run installs Debian's chromium package")
    pytest.skip("Chromium not installed (apt-get install chromium); CI installs it")


def test_report_renders_figures(built, tmp_path):
    browser = chromium()
    out, _ = built
    page = out / "00-corpus.html"
    shot = tmp_path / "shot.png"
    run = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,2600",
                          f"--screenshot={shot}", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.exists(), f"no screenshot: {run.stderr[-2000:]}"
    pixels = (image.imread(shot)[..., :3] * 255).astype(int)
    # the article-length chart draws every outlet's bar in its own colour: each must be on screen
    colors = charts.outlet_colors(["Defence Today", "Re-post blog (Joy)", "Re-post site (El Diario)", "Tasnim", "World Today News"])
    for outlet, hex_color in colors.items():
        if outlet == charts.OTHER:
            continue
        rgb = np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)])
        near = (np.abs(pixels - rgb).sum(axis=-1) < 30).sum()
        assert near > 500, f"{outlet}'s bar colour {hex_color} not rendered ({near} pixels)"


def test_report_dom_has_no_errors(built, tmp_path):
    browser = chromium()
    out, paths = built
    for page in paths:
        dom = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
        assert "<html" in dom.lower(), page.name
        i = dom.find("Traceback")
        assert i < 0, (page.name, dom[max(0, i - 300):i + 100])
