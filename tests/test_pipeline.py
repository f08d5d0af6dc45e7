"""helpers.pipeline and the command line: one call for every analysis, identical on both engines, streamed to files."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pandas as pd
import pytest

from helpers import corpus, frames, pipeline, quotes, synthetic, terms
from helpers.__main__ import analyze_to_files, main


def test_analyze_matches_the_individual_functions(articles):
    res = pipeline.analyze(articles)
    pd.testing.assert_frame_equal(res["quotes"], quotes.extract_quotes(articles))
    pd.testing.assert_frame_equal(res["terms"], terms.find_terms(articles))
    pd.testing.assert_frame_equal(res["frames"], frames.tag_frames(articles))
    pd.testing.assert_frame_equal(res["sentences"], corpus.sentences(articles))
    sentences = set(zip(res["sentences"]["article_id"], res["sentences"]["sentence"]))
    for name in ("quotes", "terms", "frames"):  # every row points at a sentence of the sentences table
        assert set(zip(res[name]["article_id"], res[name]["sentence_no"])) <= sentences, name
    assert set(res["quotes"]["act"]) <= {"speech", "belief", "evidence"} and (res["quotes"]["act"] == "speech").any()


def test_unknown_engine():
    with pytest.raises(ValueError, match="engine 'spark' is not available"):
        pipeline.analyze(pd.DataFrame(columns=["article_id", "outlet", "text"]), engine="spark")


def test_dask_engine_identical_on_a_few_thousand_articles():
    if importlib.util.find_spec("distributed") is None:
        if os.environ.get("CI"):
            pytest.fail("dask/distributed missing on CI: `make test` installs the [scale] extra")
        pytest.skip("dask not installed (pip install -e '.[scale]')")
    articles = synthetic.synthetic_articles(2000, seed=7)
    expected = pipeline.analyze(articles, progress=False)
    got = pipeline.analyze(articles, engine="dask", n_workers=2, npartitions=8, progress=False)
    for name in pipeline.TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
    assert len(expected["quotes"]) > 10_000


def test_cli_streams_parts(tmp_path, articles):
    out = tmp_path / "out"
    counts = analyze_to_files(corpus.config.RAW_DIR, out, fmt="parquet", chunk=2, progress=False)
    parts = sorted((out / "quotes").glob("part-*.parquet"))
    assert len(parts) == 3  # 5 articles + the manifest, two inputs per chunk
    got = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    pd.testing.assert_frame_equal(got, quotes.extract_quotes(articles), check_dtype=False)
    assert counts["articles"] == 5 and counts["terms"] == len(terms.find_terms(articles))
    report = pd.concat([pd.read_parquet(p) for p in sorted((out / "load_report").glob("part-*.parquet"))])
    # every input once; articles of earlier chunks are not listed as missing in the last one
    assert list(report["status"]) == ["loaded"] * 5


@pytest.mark.parametrize("engine, workers", [("pandas", 2), ("dask", 2)])
def test_cli_parallel_workers_write_the_same_tables(tmp_path, engine, workers):
    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        if os.environ.get("CI"):
            pytest.fail("dask/distributed missing on CI: `make test` installs the [scale] extra")
        pytest.skip("dask not installed (pip install -e '.[scale]')")
    folder = tmp_path / "corpus"
    synthetic.write_folder(synthetic.synthetic_articles(300, seed=3), folder)
    serial = analyze_to_files(folder, tmp_path / "serial", chunk=70, progress=False)
    parallel = analyze_to_files(folder, tmp_path / "parallel", chunk=70, workers=workers, engine=engine, progress=False)
    assert parallel == serial and serial["articles"] == 300 and serial["quotes"] > 2000
    for name in serial:
        a, b = ([pd.read_parquet(p) for p in sorted((tmp_path / run / name).glob("*.parquet"))]
                for run in ("serial", "parallel"))
        pd.testing.assert_frame_equal(pd.concat(b, ignore_index=True), pd.concat(a, ignore_index=True), obj=name)


@pytest.mark.parametrize("total, workers", [(0, 2), (1, 2), (49, 2), (100, 1), (1001, 2), (10_001, 2), (100_000, 4)])
def test_chunk_sizes_cover_the_corpus_and_end_in_half_chunks(total, workers):
    sizes = pipeline.chunk_sizes(total, workers)
    size = pipeline.auto_chunk(total, workers)
    last = total - sum(sizes)  # the inputs beyond the listed sizes form the last chunk
    assert all(s >= 1 for s in sizes) and 0 <= last <= -(-size // 2)
    chunks = sizes + ([last] if last else [])
    tail = [s for s in chunks if s < size]
    assert chunks == [size] * (len(chunks) - len(tail)) + tail  # full chunks, then the short ones
    assert sum(tail) >= min(total, workers * size)  # at least one chunk per worker's worth runs in short chunks
    assert max(tail, default=0) - min(tail, default=0) <= 1


def _parts(folder, name):
    return sorted((folder / name).glob("part-*"))


def test_articles_and_load_report_are_written_in_large_parts_whatever_the_chunk(tmp_path):
    folder = tmp_path / "corpus"
    synthetic.write_folder(synthetic.synthetic_articles(120, seed=5), folder)
    counts = analyze_to_files(folder, tmp_path / "out", chunk=10, progress=False)
    assert counts["articles"] == 120 and len(_parts(tmp_path / "out", "quotes")) == 13  # one per chunk of 10 inputs
    # 121 inputs (120 articles and the manifest), fewer than FLUSH_ROWS: one part each, not one per chunk
    assert [len(_parts(tmp_path / "out", n)) for n in ("articles", "load_report")] == [1, 1]
    articles = pd.read_parquet(tmp_path / "out" / "articles")
    expected, _ = corpus.read_corpus(folder, progress=False)
    pd.testing.assert_frame_equal(articles, expected.drop(columns=["raw_text", "removed", "page_dates", "credits"]))


def test_a_rerun_replaces_the_earlier_output_instead_of_mixing_parts(tmp_path, articles):
    """Before, a rerun overwrote parts by number only: a second run with fewer chunks left the
    first run's later parts in place, and reading the folder mixed the two runs."""
    folder = tmp_path / "corpus"
    synthetic.write_folder(synthetic.synthetic_articles(40, seed=6), folder)
    out = tmp_path / "out"
    analyze_to_files(folder, out, chunk=5, progress=False)
    assert len(_parts(out, "quotes")) == 9  # 41 inputs (the manifest too), 5 per chunk
    counts = analyze_to_files(corpus.config.RAW_DIR, out, chunk=2, progress=False)
    assert len(_parts(out, "quotes")) == 3
    assert len(pd.read_parquet(out / "quotes")) == counts["quotes"] == len(quotes.extract_quotes(articles))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]  # no staging or old folder left


def test_a_failed_run_leaves_the_output_folder_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "out"
    analyze_to_files(corpus.config.RAW_DIR, out, chunk=2, progress=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))

    def broken(*args):
        raise RuntimeError("worker failed")

    monkeypatch.setattr(pipeline, "analyze_part", broken)
    with pytest.raises(RuntimeError, match="worker failed"):
        analyze_to_files(corpus.config.RAW_DIR, out, chunk=2, progress=False)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # the partial folder is removed


def test_an_output_folder_holding_other_files_is_refused_by_name(tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(pipeline.OutputError, match=r"mine: the output folder holds files this command did not "
                                                   r"write \(notes.txt\)"):
        analyze_to_files(corpus.config.RAW_DIR, out, progress=False)
    assert (out / "notes.txt").read_text() == "keep me" and [p.name for p in out.iterdir()] == ["notes.txt"]
    assert main(["analyze", str(corpus.config.RAW_DIR), "--out", str(out / "notes.txt")]) == 2
    assert "notes.txt: the output path is a file" in capsys.readouterr().err


def test_a_corpus_inside_the_output_folder_is_refused_and_kept(tmp_path, capsys):
    """Found in review: a folder whose only entry was `articles/` passed for an earlier output,
    and `analyze data/articles --out data` replaced the corpus with the output."""
    data = tmp_path / "data"
    synthetic.write_folder(synthetic.synthetic_articles(6, seed=9), data / "articles")
    before = sorted(p.name for p in (data / "articles").iterdir())
    assert main(["analyze", str(data / "articles"), "--out", str(data)]) == 2
    assert "the output folder holds the corpus" in capsys.readouterr().err
    assert sorted(p.name for p in (data / "articles").iterdir()) == before
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "quotes").mkdir()  # table names alone do not make an earlier output
    with pytest.raises(pipeline.OutputError, match="holds no _analyze_run.json"):
        analyze_to_files(data / "articles", tmp_path / "old", progress=False)


def test_relative_output_paths_and_the_current_folder(tmp_path, monkeypatch, articles):
    monkeypatch.chdir(tmp_path)
    counts = analyze_to_files(corpus.config.RAW_DIR, "results", progress=False)
    expected = len(quotes.extract_quotes(articles))
    assert counts["quotes"] == expected and len(pd.read_parquet(tmp_path / "results" / "quotes")) == expected
    assert (tmp_path / "results" / pipeline.RUN_MARKER).is_file()
    umask = os.umask(0)
    os.umask(umask)
    assert oct((tmp_path / "results").stat().st_mode & 0o777) == oct(0o777 & ~umask)  # not mkdtemp's 0700
    monkeypatch.chdir(tmp_path / "results")
    with pytest.raises(pipeline.OutputError, match="the output folder is the current folder"):
        analyze_to_files(corpus.config.RAW_DIR, ".", progress=False)


def test_links_and_leftovers_beside_the_output(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(pipeline.OutputError, match="link: the output path is a symbolic link"):
        analyze_to_files(corpus.config.RAW_DIR, tmp_path / "link", progress=False)
    analyze_to_files(corpus.config.RAW_DIR, tmp_path / "out", progress=False)
    (tmp_path / ".out.old-1").mkdir()  # a leftover of a killed run does not block the swap
    (tmp_path / ".out.old-1" / "x").write_text("x")
    assert analyze_to_files(corpus.config.RAW_DIR, tmp_path / "out", progress=False)["terms"] == len(
        terms.find_terms(corpus.load_articles(corpus.config.RAW_DIR)))


def test_a_failed_swap_restores_the_earlier_output(tmp_path, monkeypatch):
    out = tmp_path / "out"
    analyze_to_files(corpus.config.RAW_DIR, out, chunk=2, progress=False)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    rename = Path.rename

    def failing(self, target):
        if Path(target) == out:
            raise OSError(16, "Device or resource busy")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(pipeline.OutputError, match="could not put the finished output in place .*earlier output is "
                                                   "unchanged"):
        analyze_to_files(corpus.config.RAW_DIR, out, progress=False)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_cli_on_a_csv_export(tmp_path, articles, capsys):
    export = tmp_path / "export.csv"
    articles[["article_id", "outlet", "text"]].rename(columns={"text": "body"}).to_csv(export, index=False)
    assert main(["analyze", str(export), "--out", str(tmp_path / "o"), "--format", "csv", "--text-col", "body",
                 "--id-col", "article_id"]) == 0
    assert f"quotes {len(quotes.extract_quotes(articles))}" in capsys.readouterr().out
    assert main(["analyze", str(export), "--out", str(tmp_path / "o2"), "--text-col", "nope"]) == 2
    assert "no text column 'nope'" in capsys.readouterr().err


def test_ascii_fast_paths_give_what_the_general_paths_give(articles):
    """Fast paths run on ASCII text only; a non-ASCII letter in a last paragraph sends every
    article down the general paths, and the rows for the shared text must not change."""
    fast = pipeline.analyze(articles)
    marked = articles.assign(text=articles["text"] + "\n\nCaf\u00e9.")
    assert not any(t.isascii() for t in marked["text"])
    general = pipeline.analyze(marked)
    for name in ("quotes", "terms", "frames"):
        got = general[name]
        got = got[~got["sentence"].str.contains("Caf\u00e9", regex=False)].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, fast[name], obj=name)
    assert len(fast["quotes"]) > 50 and len(fast["terms"]) > 100  # the comparison covered real rows
