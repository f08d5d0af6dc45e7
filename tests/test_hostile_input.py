"""Hostile corpus text: inert in every report, drawn literally in charts, harmless in exported CSV.

The inputs are built here: outlet names, sources and article lines that carry
Markdown links and images, emphasis, math, spreadsheet formulas, CJK and very
long names.
"""

from __future__ import annotations

import csv
import html as htmllib
import os
import re
import shutil
import subprocess
import sys
import threading

import pandas as pd
import pytest
from conftest import build_reports
from lxml import html as lxml_html
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from helpers import charts, corpus, display, synthetic
from helpers.text import escape

LINK = "[x](javascript:alert(1))"
IMAGE = "![b](http://127.0.0.1:9/beacon.png)"
HOSTILE_OUTLETS = [LINK, IMAGE, "**bold** and _it_ $^$ \\(a\\)", "新华社 Xinhua", "=HYPERLINK(\"http://x\",\"y\")",
                   "The Extremely Long Name of a Regional Evening Newspaper and Its Weekend Supplement"]


def rendered(markdown: str) -> lxml_html.HtmlElement:
    """Markdown as nbconvert renders a display output in a report."""
    return lxml_html.fromstring(f"<div>{markdown2html_mistune(markdown)}</div>")


@pytest.mark.parametrize("payload", [
    LINK, IMAGE, "<https://example.org/a>", "https://example.org/b", "www.example.org", "ann@example.org",
    "**bold**", "_it_", "`code`", "~~gone~~", "a | b", "# Heading", "line\n\n- item", "1. first", "- item",
    "[ref]: https://example.org/c", "<img src=x onerror=alert(1)>"])
def test_escaped_text_is_inert_markdown(payload):
    root = rendered(display.md(f"Outlet *{escape(payload)}* said so.").data)
    assert not root.xpath("//a | //img | //code | //del | //table | //h1 | //ul | //ol | //li"), payload
    assert [e.text_content() for e in root.xpath("//em")] == [payload], payload  # the template's emphasis only
    assert payload in root.text_content()


def test_math_in_corpus_text_sits_where_math_typesetting_skips():
    math = escape("$x^2$ and \\(y\\)")
    root = rendered(display.md(f"Outlet *{math}*").data)
    holder = root.xpath("//*[contains(text(), '$x^2$')]")[0]
    classes = " ".join(a.get("class", "") for a in holder.iterancestors())
    assert "tex2jax_ignore" in classes and "mathjax_ignore" in classes
    for frame_html in (display.table(pd.DataFrame({"a": ["$x$"]})).data,
                       display.kwic(pd.DataFrame({"left": ["$"], "match": ["x"], "right": ["$"]})).data):
        assert frame_html.startswith(f'<div class="{display.NO_MATH}">')


def test_chart_labels_are_literal_short_and_drawn_without_warnings(tmp_path, recwarn):
    values = pd.Series([3, 2, 1, 4], index=["$^$", "新华社", "x" * 70, "BBC"])
    colors = charts.outlet_colors(values.index)
    chart = charts.outlet_bars(values, title="t", xlabel="articles", colors=colors)  # drawn once, as PNG
    labels = [t.get_text() for t in chart.axes[0].get_yticklabels()]
    assert "$^$" in labels and "新华社" in labels
    assert max(map(len, labels)) <= charts.LABEL_WIDTH
    assert not [w for w in recwarn if "Glyph" in str(w.message) or "math" in str(w.message)]


def test_chart_alt_text_is_escaped_in_the_image_tag():
    values = pd.Series([2, 1], index=['<script>alert(1)</script>', 'A "quoted" outlet'])
    html = charts.outlet_bars(values, title="Articles per outlet", xlabel="articles", colors={})._repr_html_()
    assert "<script>" not in html and '"quoted"' not in html
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert htmllib.unescape(alt) == ('Bar chart: Articles per outlet. articles per outlet: '
                                     '<script>alert(1)</script> 2; A "quoted" outlet 1.')


def test_short_labels_stay_distinct():
    names = ["A" * 40 + " morning", "A" * 40 + " evening"]
    labels = charts.short_labels(names)
    assert len(set(labels)) == 2 and all(len(label) <= charts.LABEL_WIDTH for label in labels)


def test_same_chart_gives_the_same_svg_bytes(tmp_path):
    def draw(folder):
        chart = charts.outlet_bars(pd.Series([1, 2], index=["a", "b"]), title="t", xlabel="n", colors={})
        return [p.read_bytes() for p in charts.save(chart.figure, "same", folder=folder, png=chart.png)]

    assert draw(tmp_path / "one") == draw(tmp_path / "two")


def test_exported_csv_runs_no_formula(tmp_path):
    frame = pd.DataFrame({"text": ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "plain"], "n": [-1, 2, 3, 4, 5, 6]},
                         index=[0, 0, 1, 1, 2, 2])  # repeated labels, as after pd.concat
    path = charts.export_table(frame, "cells", folder=tmp_path)
    cells = pd.read_csv(path, keep_default_na=False)
    assert cells["text"].tolist() == ["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "plain"]
    assert cells["n"].tolist() == [-1, 2, 3, 4, 5, 6]  # numbers stay numbers
    assert frame["text"].iloc[0] == "=1+1"  # the frame given is not changed


def _hostile_corpus(folder):
    arts = synthetic.synthetic_articles(12, seed=3)
    arts = arts.assign(outlet=[HOSTILE_OUTLETS[i % len(HOSTILE_OUTLETS)] for i in range(len(arts))])
    arts.loc[0, "text"] += f"\n\n=HYPERLINK(\"http://x\",\"y\") {IMAGE} {LINK} **bold** $^$"
    synthetic.write_folder(arts, folder)
    manifest = pd.read_csv(folder / "articles.csv")
    manifest["original_source"] = [IMAGE if i % 2 else LINK for i in range(len(manifest))]
    manifest.to_csv(folder / "articles.csv", index=False)
    page = ("<html><head><title>Ceasefire talks resume</title><meta property='og:site_name' content='"
            + LINK.replace("'", "&#39;") + "'></head><body><article><h1>Ceasefire talks resume</h1>"
            + "".join(f"<p>{p}</p>" for p in arts.loc[1, "text"].split("\n\n")[1:]) + "</article></body></html>")
    (folder / "page_2023.html").write_text(page, encoding="utf-8")
    return folder


def test_reports_on_hostile_names_build_and_stay_inert(tmp_path):
    out = tmp_path / "reports"
    paths = build_reports(out, data_dir=_hostile_corpus(tmp_path / "corpus"))
    for path in paths:
        page = path.read_text(encoding="utf-8")
        root = lxml_html.fromstring(page)
        hrefs = [a.get("href", "") for a in root.xpath("//a")]
        assert not [h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I)], path.name
        assert not [i for i in root.xpath("//img/@src") if not i.startswith("data:image/png")], path.name
        assert not [e for e in root.xpath("//strong | //em | //b") if e.text_content().strip() in ("bold", "it")], path.name
        assert not re.search(r"<script[^>]*mathjax|MathJax.Hub", page, re.I), path.name
        assert not re.search(r"Traceback|Warning:", page), path.name
    assert LINK in lxml_html.fromstring((out / "00-corpus.html").read_text(encoding="utf-8")).text_content()
    for table in (out / "processed").glob("*.csv"):
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        assert re.fullmatch(r"[-+]?\d+(\.\d+)?(e[-+]?\d+)?", cell), (table.name, cell)


# ---------------------------------------------------------------- files that are not plain articles

BODY = ("Officials said on Monday that the talks on the river dispute would resume next week in Geneva. "
        "The statement was read to reporters in the capital by a spokesman, who took no questions. ") * 3


def _report(folder) -> pd.DataFrame:
    _, report = corpus.read_corpus(folder)
    return report.set_index("file")


def test_links_fifos_and_odd_files_are_listed_and_the_rest_loads(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    done = {}
    worker = threading.Thread(target=lambda: done.update(report=_report(tmp_path)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert "report" in done, "loading blocked on a FIFO"
    report = done["report"]
    assert report.loc["good.txt", "status"].startswith("loaded")
    assert report.loc["dangling.txt", ["status", "problem"]].tolist() == ["skipped", "broken_link"]
    assert report.loc["loop.txt", ["status", "problem"]].tolist() == ["skipped", "link_loop"]
    assert report.loc["pipe.txt", ["status", "problem"]].tolist() == ["skipped", "not_a_file"]
    assert all(str(tmp_path) in m for m in report["message"])  # each message names its file


def test_an_unreadable_file_is_listed_even_for_root(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(BODY + " A second text.", encoding="utf-8")
    os.chmod(tmp_path / "secret.txt", 0)
    code = (f"from helpers import corpus; r = corpus.read_corpus({str(tmp_path)!r})[1].set_index('file'); "
            "print(r.loc['secret.txt', 'problem'], r.loc['good.txt', 'status'])")
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:  # root reads any file: drop the override for the reading process
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot drop CAP_DAC_OVERRIDE")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.stdout.split() == ["unreadable", "loaded_with_warning"], run.stderr[-2000:]


def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path):
    (tmp_path / "le16.txt").write_bytes(("\ufeff" + BODY).encode("utf-16-le"))
    (tmp_path / "be16.txt").write_bytes(("\ufeff" + BODY + " Two.").encode("utf-16-be"))
    (tmp_path / "any32.txt").write_bytes((BODY + " Three.").encode("utf-32"))
    articles, report = corpus.read_corpus(tmp_path)
    assert len(articles) == 3 and all(t.startswith("Officials said") for t in articles["text"])
    assert sorted(report["encoding"]) == ["utf-16", "utf-16", "utf-32"]
    assert not report["problem"].str.contains("not_utf8").any()


def test_control_characters_after_the_sniffed_start_are_removed_and_reported(tmp_path):
    (tmp_path / "nul.txt").write_bytes((BODY * 40 + "Late\x00 NUL and \x1b[31mescape.").encode())
    articles, report = corpus.read_corpus(tmp_path)
    assert "\x00" not in articles["text"][0] and "\x1b" not in articles["text"][0]
    assert "control_characters" in report["problem"][0] and "U+0000" in report["message"][0]


def test_table_values_that_are_not_text_are_skipped_with_a_reason(tmp_path):
    path = tmp_path / "rows.jsonl"
    pd.DataFrame({"text": [BODY, 12345, ["a", "b"], {"k": "v"}]}).to_json(path, orient="records", lines=True)
    articles, report = corpus.read_corpus(path)
    assert len(articles) == 1
    assert report["problem"].tolist()[1:] == ["not_text"] * 3
    assert "of type int" in report["message"][1] and "of type list" in report["message"][2]


def test_control_characters_in_titles_and_outlets_are_removed_and_reported(tmp_path):
    path = tmp_path / "rows.jsonl"
    pd.DataFrame({"text": [BODY], "title": ["River\x1b[31m talks\x07"], "outlet": ["Daily\x00 Post"]}).to_json(
        path, orient="records", lines=True)
    articles, report = corpus.read_corpus(path)
    assert articles["headline"][0] == "River[31m talks" and articles["outlet"][0] == "Daily Post"
    assert not corpus.CONTROL_RE.search(articles["text"][0])
    assert "headline" in report["message"][0]
    assert "control_characters" in report["problem"][0] and "outlet" in report["message"][0]


def test_csv_protection_covers_categories_repeated_columns_and_headers(tmp_path):
    frame = pd.DataFrame([["=cmd", "@x", "ok"]], columns=["a", "a", "=SUM(1)"]).astype({"=SUM(1)": "category"})
    frame["b"] = pd.Categorical(["+1"])
    path = charts.export_table(frame, "odd", folder=tmp_path)
    with path.open(encoding="utf-8", newline="") as handle:
        header, row = list(csv.reader(handle))
    assert header == ["a", "a", "'=SUM(1)", "b"] and row == ["'=cmd", "'@x", "ok", "'+1"]
    assert frame.iloc[0, 0] == "=cmd"  # the frame given is unchanged


@pytest.mark.parametrize("payload", ["- item", "+ item", "1. first", "# Heading", "> quoted", "===", "---",
                                     "| a | b |\n|---|---|", "    indented code", "```\nfenced\n```"])
def test_escaped_text_at_the_start_of_a_line_opens_no_block(payload):
    root = rendered(display.md(escape(payload) + "\n\n" + escape(payload)).data)
    assert not root.xpath("//ul | //ol | //h1 | //h2 | //blockquote | //hr | //table | //pre | //code"), payload
    assert root.text_content().count(payload) == 2, payload
