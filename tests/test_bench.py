"""bench/run.py and bench/stress.py: the scripts behind `make bench` and `make stress` still run.

They are not imported by the package, so nothing else would notice a broken name in them
(a missing ``config`` import broke both paths of `make bench` once, unnoticed).
"""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_runs_on_a_small_corpus_and_writes_its_verdicts(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "20", "--configs", "pandas:1",
                           "--repeat", "1", "--peer-size", "0", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    results = out.read_text(encoding="utf-8")
    row = next(line for line in results.splitlines() if line.startswith("| 20 | pandas | 1 |"))
    assert float(row.split("|")[5].split()[0]) > 0  # articles per second
    assert "recall 0.97" in results or "recall 1.00" in results  # the seed gold score of our extractor


def test_stress_builds_its_long_article_from_the_seeds():
    stress = runpy.run_path(str(ROOT / "bench" / "stress.py"), run_name="stress")
    text = stress["long_text"](5_000)
    assert 5_000 <= len(text) < 10_000 and text.startswith("Update 0: ") and "\n\nUpdate 1: " in text


SPORT = ("The coach backed the new striker on Monday.\n\nThe club backed away from the deal.\n\n"
         "The mayor backed the plan, aides said.\n")


def _sport_brat(folder: Path) -> None:
    """One article written for the test, annotated in brat: "backed" is a cue once in three uses."""
    (folder / "sport.txt").write_text(SPORT, encoding="utf-8")
    lines, n = [], 0

    def span(kind: str, phrase: str) -> str:
        nonlocal n
        n += 1
        start = SPORT.index(phrase)
        lines.append(f"T{n}\t{kind} {start} {start + len(phrase)}\t{phrase}")
        return f"T{n}"

    for e, (cue, source, content) in enumerate([("backed", "The coach", "the new striker"),
                                                ("said", "aides", "The mayor backed the plan")], 1):
        roles = f"Content:{span('Content', content)} Cue:{span('Cue', cue)}"
        lines.append(f"E{e}\tAttribution:{span('Attribution', cue)} {roles} Source:{span('Source', source)}")
    (folder / "sport.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cue_readings_counts_how_often_a_candidate_forms_readings_match(tmp_path):
    _sport_brat(tmp_path)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "cue_readings.py"), str(tmp_path),
                           "--forms", "backed|said", "--rank"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 forms added" in done.stdout  # "said" is in the cue list already
    assert "backed           readings    3  matched    1  precision 0.33" in done.stdout
    assert "needs readings from at least five articles" in done.stdout  # one article: no ranking


def test_cue_readings_ranks_by_cross_validation_over_articles():
    tool = runpy.run_path(str(ROOT / "bench" / "cue_readings.py"), run_name="cue_readings")
    data = [({"next": "that" if right else "up"}, right, f"a{k}") for k in range(10) for right in (True, False)]
    scored = tool["rank"](data)
    assert len(scored) == 20 and [y for _, y in scored[:10]] == [True] * 10  # the telling word ranks them


HARBOUR = "Ann Lee met fishermen on Monday.\n\nShe said the harbour would reopen in May.\n"


def test_pronoun_check_draws_outside_the_repository_and_scores_the_written_referents(tmp_path):
    """bench/pronoun_check.py on one article written for the test: a "she" the reader says is Ann Lee."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    spans = {"Attribution": "said", "Cue": "said", "Source": "She", "Content": "the harbour would reopen in May"}
    lines = [f"T{k}\t{kind} {HARBOUR.index(p)} {HARBOUR.index(p) + len(p)}\t{p}" for k, (kind, p) in
             enumerate(spans.items(), 1)]
    lines.append("E1\tAttribution:T1 Cue:T2 Source:T3 Content:T4")
    (corpus / "harbour.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tool = [sys.executable, str(ROOT / "bench" / "pronoun_check.py"), str(corpus)]
    inside = subprocess.run(tool + ["--draw", str(ROOT / "reports" / "draw")], capture_output=True, text=True,
                            timeout=300)
    assert inside.returncode != 0 and "outside the repository" in inside.stderr
    draw = tmp_path / "draw"
    done = subprocess.run(tool + ["--draw", str(draw)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 matched pairs with a pronoun source, 0 in earlier draws; 1 drawn" in done.stdout
    assert "Ann Lee" not in (draw / "items.csv").read_text(encoding="utf-8").split("\n")[0]  # no answer in the header
    (draw / "referents.csv").write_text("item,referent\n1,Ann Lee\n", encoding="utf-8")
    done = subprocess.run(tool + ["--score", str(draw)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "pronoun sources resolved right: 1 of 1 = 1.00" in done.stdout
    again = subprocess.run(tool + ["--draw", str(tmp_path / "second"), "--exclude", str(draw)], capture_output=True,
                           text=True, timeout=300)
    assert "1 in earlier draws; 0 drawn" in again.stdout  # a new draw leaves out the items drawn before
