"""`DATA_DIR=... make reports` on a user corpus with many outlets: every report completes and stays readable."""

from __future__ import annotations

import re

from conftest import build_reports

from helpers import reports, synthetic


def test_reports_on_a_synthetic_corpus_with_many_outlets(tmp_path):
    folder = synthetic.write_folder(synthetic.synthetic_articles(60, seed=5, outlets=30), tmp_path / "corpus")
    out = tmp_path / "reports"
    paths = build_reports(out, data_dir=folder)
    assert [p.name for p in paths] == [f"{nb.stem}.html" for nb in reports.notebooks()] + ["index.html"]
    html = (out / "01-framing.html").read_text(encoding="utf-8")
    assert "Corpus: 60 articles" in html or "60 articles" in (out / "00-corpus.html").read_text(encoding="utf-8")
    # outlets beyond the top 12 are grouped as "other"; charts show at most 13 outlets
    comparison = (out / "processed" / "comparison_summary.csv").read_text(encoding="utf-8").splitlines()
    assert len(comparison) - 1 == 13 and any(line.startswith("other,") for line in comparison)
    # the gold scores are not shown for a corpus they do not cover
    assert "not scored" in (out / "02-quoted-speakers.html").read_text(encoding="utf-8")
    assert len(list((out / "figures").glob("*.png"))) >= 10
    for path in paths:
        assert not re.search(r"Traceback|Warning:", path.read_text(encoding="utf-8")), path.name
