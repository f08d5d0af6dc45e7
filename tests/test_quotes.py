"""helpers.quotes: one-sentence cases from the corpus, edge cases, and accuracy against the gold file."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import one_article

from helpers import config, corpus, evaluation, quotes
from helpers.text import normalise


def one(text: str, *, headline: str = "") -> pd.DataFrame:
    return quotes.extract_quotes(one_article(text, headline=headline))


@pytest.fixture(scope="module")
def extracted(articles) -> pd.DataFrame:
    return quotes.extract_quotes(articles)


# (text, expected rows as (cue, speaker, side, kind)) — every text is a real corpus sentence
CASES = {
    "direct, cue after": (
        "“As part of the campaign, only legitimate military installations and infrastructure will be targeted and "
        "incapacitated using high-precision weapons,” the Azerbaijani Defense Ministry said.",
        [("said", "Azerbaijan Ministry of Defence", "Azerbaijan", "direct")]),
    "direct, cue before, straight quotes": (
        'In a statement released on Tuesday, the Azerbaijani Defense Ministry said, "Local anti-terrorist activities '
        'carried out by the Armed Forces of Azerbaijan in the Karabakh region of Azerbaijan are ongoing."',
        [("said", "Azerbaijan Ministry of Defence", "Azerbaijan", "direct")]),
    "inverted subject after cue": (
        "“At the moment, the capital Stephanakert and other cities and plains are under massive artillery bombardment,” "
        "said the statement of the Ministry of Foreign Affairs of Karabakh.",
        [("said", "Nagorno-Karabakh Ministry of Foreign Affairs", "Nagorno-Karabakh", "direct")]),
    "read a statement": (
        "“Local anti-terrorist activities carried out by the Armed Forces of Azerbaijan in the Karabakh region of "
        "Azerbaijan are ongoing,” read a Ministry of Defense statement published on Tuesday.",
        [("read", "Azerbaijan Ministry of Defence", "Azerbaijan", "direct")]),
    "according to X": (
        "Explosions were reported in the region's de facto capital, known as Stepanakert to Armenians and Khankendi in "
        "Azerbaijan, according to an AFP news agency reporter on the ground.",
        [("according to", "AFP", "Media", "indirect")]),
    "X told Y": (
        "“It is very important that all activities cease and that both sides resume ongoing dialogue to avoid any "
        "further conflict,” Dujarric told Al Jazeera.",
        [("told", "Stephane Dujarric", "International", "direct")]),
    "TASS quoted X as saying": (
        "The TASS news agency quoted Russian Foreign Ministry spokesperson Maria Zakharova as saying that Russia was "
        "deeply shocked by the “dramatic escalation” in the disputed area.",
        [("quoted", "Maria Zakharova", "Russia", "mixed")]),
    "appositive spokesperson, stating that": (
        "Maria Zakharova, a spokesperson for Russia's foreign ministry, conveyed Russia's alarm, stating that Azerbaijan "
        "had alerted Russian peacekeepers in the region just minutes before launching its military action.",
        [("conveyed", "Maria Zakharova", "Russia", "indirect"), ("stating", "Maria Zakharova", "Russia", "indirect")]),
    "accused Y of": (
        "Armenia has accused Azerbaijan of causing a months-long humanitarian crisis in Nagorno-Karabakh after Baku last "
        "year blocked the sole road linking the mountainous region with Armenia.",
        [("accused", "Government of Armenia", "Armenia", "indirect")]),
    "called on + what it called": (
        "Armenia’s foreign ministry called on Russian peacekeepers to intervene in Armenian-majority areas and stop what "
        "it called Azerbaijan’s “total aggression” against the local population.",
        [("called on", "Armenia Ministry of Foreign Affairs", "Armenia", "indirect"),
         ("called", "Armenia Ministry of Foreign Affairs", "Armenia", "mixed")]),
    "denied and reported": (
        "Armenia denies having any armed forces in Karabakh and reports that the situation on their own border with "
        "Azerbaijan is stable.",
        [("denies", "Government of Armenia", "Armenia", "indirect"), ("reports", "Government of Armenia", "Armenia", "indirect")]),
    "announced, mixed": (
        "For its part, Azerbaijan’s Defense Ministry announced the launch of an “anti-terrorist operation” in the region, "
        "following two landmine explosions and a small arms and mortar attack that Baku attributed to Armenia.",
        [("announced", "Azerbaijan Ministry of Defence", "Azerbaijan", "mixed"),
         ("attributed", "Government of Azerbaijan", "Azerbaijan", "indirect")]),
    "noted": (
        "Azerbaijan noted that the “anti-terrorist actions” are aimed at “expelling Armenian armed formations” from the "
        "territories of Azerbaijan.",
        [("noted", "Government of Azerbaijan", "Azerbaijan", "mixed")]),
    "claimed + relative said": (
        "Armenia claimed that Baku’s actions, which they said had caused a humanitarian catastrophe, were illegal.",
        [("claimed", "Government of Armenia", "Armenia", "indirect"), ("said", "Government of Armenia", "Armenia", "indirect")]),
    "blamed": (
        "Baku blamed the incidents on “a subversive group of illegal Armenian military formations” and opened a criminal "
        "case for terrorism.",
        [("blamed", "Government of Azerbaijan", "Azerbaijan", "mixed")]),
    "expressed concern": (
        "United Nations spokesman Stephane Dujarric also expressed concern.",
        [("expressed", "Stephane Dujarric", "International", "indirect")]),
    "highlighted": (
        "United Nations spokesperson Stephane Dujarric highlighted the need for a peaceful resolution to the situation.",
        [("highlighted", "Stephane Dujarric", "International", "indirect")]),
    "reported, cue after": (
        "Meanwhile, Russia has expressed deep concern about the escalating situation in the contested region, TASS reported.",
        [("expressed", "Government of Russia", "Russia", "indirect"), ("reported", "TASS", "Media", "indirect")]),
    "warned": (
        "Armenia’s foreign ministry warned that Azerbaijan was preparing for some form of military action.",
        [("warned", "Armenia Ministry of Foreign Affairs", "Armenia", "indirect")]),
    "passive reported is not an attribution": (
        "Explosions were reported in the region's de facto capital.", []),
    "spelling variant alias": (
        "Forestier Walker said the situation for residents of the Nagorno-Kabalakh region has been “dire” for months.",
        [("said", "Robin Forestier-Walker", "Media", "mixed")]),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=CASES.keys())
def test_one_sentence_cases(text, expected):
    got = one(text)
    assert list(zip(got["cue"], got["speaker"], got["side"], got["kind"])) == expected


def test_pronoun_resolution_and_follow_on():
    text = ("Forestier Walker said the situation for residents of the Nagorno-Kabalakh region has been “dire” for months.\n\n"
            "“Their main supply route to Karabakh from Armenia has been cut off,” he added.\n\n"
            "“The situation has changed recently and Azerbaijani authorities are able to provide some assistance.”")
    got = one(text)
    assert got["cue"].tolist() == ["said", "added", ""]
    assert got["speaker"].tolist() == ["Robin Forestier-Walker"] * 3
    assert got["kind"].tolist() == ["mixed", "direct", "direct"]
    assert got.iloc[1]["speaker_mention"] == "he"


def test_she_resolves_to_person_it_to_organisation():
    text = ("The TASS news agency quoted Russian Foreign Ministry spokesperson Maria Zakharova as saying that Russia was "
            "deeply shocked.\n\nShe also said that Azerbaijan sent a message to Russian peacekeepers.")
    assert one(text)["speaker"].tolist() == ["Maria Zakharova", "Maria Zakharova"]


def test_quote_across_paragraphs(articles, extracted):
    tasnim = extracted[extracted["article_id"] == "003_600b6cc6296a0fc2"]
    said = tasnim[tasnim["cue"] == "said"].iloc[0]
    added = tasnim[tasnim["cue"] == "added"].iloc[0]
    assert said["kind"] == added["kind"] == "direct"
    assert said["quote"].startswith("Local anti-terrorist activities") and said["quote"].endswith("are ongoing.")
    assert added["speaker"] == "Azerbaijan Ministry of Defence" and added["confidence"] == "high"
    spans = quotes.quote_spans(articles)
    assert spans[(spans["article_id"] == "003_600b6cc6296a0fc2") & spans["continued"]].shape[0] == 1


def test_unbalanced_marks_do_not_crash_and_are_low_confidence():
    text = "Forestier Walker said the situation for residents of the region has been “dire for months.\n\nNext paragraph."
    got = one(text)
    assert got["cue"].tolist() == ["said"]
    assert got.iloc[0]["confidence"] == "low"
    assert one("“”“ said, ”“ according to")["cue"].tolist() is not None  # garbage in, no exception


def test_headline_scare_quote_is_not_an_attribution():
    got = one("Azerbaijan’s Defense Ministry said it had launched an operation.",
              headline="Azerbaijan Launches “Anti-Terrorist Campaign” in Nagorno-Karabakh: Targeting Military Buildings")
    assert got["paragraph"].tolist() == [1]


def test_unknown_speaker_kept_with_side_unknown():
    got = one("A local resident told reporters that the shelling had not stopped.")
    assert got[["speaker", "side"]].values.tolist() == [["A local resident", "Unknown"]]


def test_offsets_point_into_text(articles, extracted):
    texts = articles.set_index("article_id")["text"]
    for row in extracted.itertuples():
        assert texts[row.article_id][row.cue_start:row.cue_end] == row.cue
        assert row.quote.strip(" ,.") in texts[row.article_id][row.start:row.end] or row.quote == ""


def test_speaker_table_is_data(tmp_path):
    table = quotes.speaker_table()
    assert {"canonical", "aliases", "side", "role", "type"} <= set(table.columns)
    fw = table.set_index("canonical").loc["Robin Forestier-Walker", "aliases"]
    assert "Forestier Walker" in fw and "Forestier-Walker" in fw
    assert set(table["side"]) <= set(quotes.SIDES)


def test_accuracy_against_gold(articles, extracted):
    """Hand-annotated gold (tests/gold/quotes_gold.csv, 71 attributions): target >= 0.9 on each measure."""
    score = evaluation.score_quotes(extracted, articles)
    assert score["n_gold"] == 71
    assert score["precision"] >= 0.9
    assert score["recall"] >= 0.9
    assert score["speaker_accuracy"] >= 0.9
    assert score["side_accuracy"] >= 0.9


def test_alias_fast_path_finds_what_the_ignorecase_regex_finds(articles):
    """The lower-cased trie of aliases gives the same matches as the IGNORECASE alternation."""
    pattern, _ = quotes._alias_index()
    fast = quotes._alias_re_lower()
    assert fast is not None
    texts = [normalise(t) for t in articles["text"]] + [a.upper() for a in quotes._alias_index()[1]]
    texts = [t for t in texts if t.isascii()]
    n = 0
    for text in texts:
        expected = [(m.start(), m.end()) for m in pattern.finditer(text)]
        assert [(m.start(), m.end()) for m in fast.finditer(text.lower())] == expected
        n += len(expected)
    assert n > 100
    assert quotes._ascii_equivalent("\u212a") and not quotes._ascii_equivalent("\u00e9")  # Kelvin sign ~ k; é ~ nothing


def test_according_to_does_not_hide_later_cues_in_the_sentence():
    """Both attributions are found whichever path (ASCII fast path or general) reads the sentence."""
    text = "According to the ministry, the troops withdrew, Nikol Pashinyan said."
    for body in (text, text + "\n\nCaf\u00e9."):  # the second is not ASCII: the general path
        found = quotes.extract_quotes(one_article(body))
        assert list(found["cue"]) == ["according to", "said"]
        assert list(found["speaker"])[1] == "Nikol Pashinyan"


def test_fast_path_equals_general_path_on_mixed_sentences(articles, monkeypatch):
    """Two real sentences fused into one mix constructions ("according to" then "said"...);
    the lower-cased fast path must give what the general path gives on every one."""
    sents = [s.norm.rstrip(".") for a in articles.itertuples()  # normalised: ASCII, so the fast path applies
             for s in corpus.article_sentences(a.article_id, a.outlet, a.text, a.headline)
             if s.norm.isascii() and 40 < len(s.text) < 220]
    special = [s for s in sents if any(k in s.lower() for k in ("according to", "quoted", " read ", "what "))]
    firsts = special + sents[::4]
    texts = [f"{a}, {b[0].lower()}{b[1:]}." for a in firsts for b in sents[:12]]
    texts += [f"{b}, {a[0].lower()}{a[1:]}." for a in special for b in sents[:12]]

    def run(text):
        sent_list = corpus.article_sentences("t", "test", text, "")
        return quotes.article_quotes("t", "test", text, sent_list)

    fast = [run(t) for t in texts]

    class General(quotes._Article):
        def __init__(self, *args):
            super().__init__(*args)
            self.low = None

    monkeypatch.setattr(quotes, "_Article", General)
    assert all(t.isascii() for t in texts)
    assert [run(t) for t in texts] == fast
    assert len(texts) > 200 and sum(map(len, fast)) > 200


@pytest.mark.parametrize("rows, mention, expected", [
    ("Ильхам Алиев,,Azerbaijan,government,person\n", "Ilham Aliyev , said", None),  # no ASCII alias at all
    ("Ильхам Алиев,,Azerbaijan,government,person\n", "Ильхам Алиев", "Ильхам Алиев"),
    ("", "Ilham Aliyev , said", None),  # an empty table
])
def test_speaker_tables_without_ascii_aliases_match_nothing_instead_of_everything(tmp_path, rows, mention, expected):
    path = tmp_path / "speakers.csv"
    path.write_text("canonical,aliases,side,role,type\n" + rows, encoding="utf-8")
    pattern, lookup = quotes._alias_index(str(path))
    fast = quotes._alias_re_lower(str(path))
    assert fast is None or fast.search(mention.lower()) is None  # ASCII text: no alias can be in it
    found = [lookup[m.group(0).lower()].canonical for m in pattern.finditer(normalise(mention))]
    assert found == ([expected] if expected else [])


def test_empty_reporting_verb_forms_are_ignored(tmp_path):
    path = tmp_path / "verbs.csv"
    path.write_text("lemma,forms\nsay,said||says\n", encoding="utf-8")
    assert quotes.reporting_verbs(str(path)) == {"said": "say", "says": "say"}
    assert [m.group(0) for m in quotes._cue_re_lower(str(path)).finditer("he said, she says")] == ["said", "says"]
