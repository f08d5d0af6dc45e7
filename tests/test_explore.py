"""Explorer cells: the same rows as a live form in JupyterLab and as a plain table in a report."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import explore, notebook, terms

LINES = pd.DataFrame({
    "outlet": ["Harbour Gazette", "Harbour Gazette", "Coast Radio"],
    "family": ["blame", "threat", "blame"],
    "voice": ["author", "direct_quote", "reported"],
    "left": ["The council ", "Fishers warned of ", "The mayor said the "],
    "match": ["sabotaged", "ruin", "sabotage"],
    "right": [" the pier talks.", " if the quota holds.", " claim <b>was</b> false."],
})


def test_kwic_splits_a_sentence_around_its_content_and_leaves_other_rows_whole():
    rows = pd.DataFrame({"sentence": ["Ms Diaz said the ferry will run on Sunday.", "He added that fares rise."],
                         "quote": ["the ferry will run on Sunday", "fares rise next year"]})
    got = explore.sentence_kwic(rows)
    assert got[["left", "match", "right"]].values.tolist() == [
        ["Ms Diaz said ", "the ferry will run on Sunday", "."],
        ["He added that fares rise.", "", ""]]  # content not inside this sentence: the sentence, nothing highlighted
    assert list(rows.columns) == ["sentence", "quote"]  # the rows given are not modified


def test_choices_and_search_select_the_rows():
    assert explore.choose(LINES, {"outlet": "Harbour Gazette", "family": "blame"})["match"].tolist() == ["sabotaged"]
    assert explore.choose(LINES, {"outlet": explore.ALL, "voice": "reported"})["outlet"].tolist() == ["Coast Radio"]
    assert explore.choose(LINES, {}, search="QUOTA")["match"].tolist() == ["ruin"]
    assert explore.choose(LINES, {"family": "no such family"}).empty


def test_the_report_form_is_an_escaped_table_of_every_row_with_the_term_highlighted():
    shown = explore.explorer(LINES, filters=["outlet", "family", "voice", "not a column"], caption="Terms")
    assert shown.filters == ["outlet", "family", "voice"]
    bundle = shown._repr_mimebundle_()
    html = bundle["text/html"]
    assert html.count("<tr>") == 1 + len(LINES) and "<mark>sabotaged</mark>" in html
    assert "<b>was</b>" not in html and "&lt;b&gt;was&lt;/b&gt;" in html


def test_the_live_form_follows_the_choices():
    pytest.importorskip("ipywidgets")
    shown = explore.explorer(LINES, filters=["outlet", "voice"], caption="Terms")
    bundle = shown._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "text/html" in bundle
    form = shown.widget()
    outlet, voice = form.children[0].children
    assert [value for _, value in outlet.options] == [explore.ALL, "Harbour Gazette", "Coast Radio"]
    outlet.value = "Harbour Gazette"
    assert form.children[2].value.count("<tr>") == 1 + 2
    voice.value = "direct_quote"
    assert form.children[2].value.count("<tr>") == 1 + 1 and "<mark>ruin</mark>" in form.children[2].value
    form.children[1].value = "pier"  # the search box: no line of this outlet and voice says "pier"
    assert form.children[2].value.count("<tr>") == 1


def test_an_explorer_over_the_seed_terms_offers_each_outlet_and_family():
    start = notebook.start()
    found = start.analysis()["terms"]
    lines = terms.kwic_terms(found, start.articles)
    shown = explore.explorer(lines, filters=["outlet", "family"], caption="Terms")
    assert set(shown.rows["outlet"]) == set(found["outlet"]) and len(shown.rows) == len(found)
    assert all(m.lower() in s.lower() for m, s in zip(lines["match"], found["sentence"]))
