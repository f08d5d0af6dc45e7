"""helpers.terms: voice per occurrence on real sentences, lexicon, KWIC, keyness, naming, gold accuracy."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import one_article

from helpers import config, evaluation, terms
from helpers.display import kwic as kwic_html


def one(text: str, *, headline: str = "") -> pd.DataFrame:
    return terms.find_terms(one_article(text, headline=headline))


@pytest.fixture(scope="module")
def found(articles) -> pd.DataFrame:
    return terms.find_terms(articles)


# (sentence from the corpus, match, expected voice, quoted, distanced, speaker)
VOICE_CASES = {
    "author voice": ("Karabakh is recognized internationally as part of Azerbaijan but has an overwhelmingly ethnic "
                     "Armenian population.", "Karabakh", "author", False, False, ""),
    "reported, cue after": ("Azerbaijan has launched an operation in the breakaway region of Nagorno Karabakh, its "
                            "defence minister said.", "breakaway", "reported", False, False,
                            "Azerbaijan Ministry of Defence"),
    "reported, cue before": ("Armenia has accused Azerbaijan of causing a months-long humanitarian crisis in "
                             "Nagorno-Karabakh.", "humanitarian crisis", "reported", False, False, "Government of Armenia"),
    "direct quote, curly": ("“The Azerbaijani Armed Forces are carrying out local counter-terrorism activities in the "
                            "Karabakh region of Azerbaijan,” the Azerbaijani Defense Ministry said in a statement on Tuesday.",
                            "counter-terrorism", "direct_quote", True, False, "Azerbaijan Ministry of Defence"),
    "direct quote, straight": ('In a statement released on Tuesday, the ministry said, "Local anti-terrorist activities '
                               'carried out by the Armed Forces of Azerbaijan are ongoing."', "anti-terrorist",
                               "direct_quote", True, False, "the ministry"),  # no antecedent: unresolved, kept as written
    "scare quote, distanced": ("Azerbaijan’s Defense Ministry said it had launched a so-called “anti-terrorist campaign” "
                               "in the breakaway region.", "anti-terrorist", "scare_quote", True, True,
                               "Azerbaijan Ministry of Defence"),
    "scare quote in reported speech, what it has labeled": (
        "Armenia's foreign ministry has called on Russian peacekeeping troops to halt what it has labeled Azerbaijan's "
        "\"full-scale aggression\" against the local population.", "full-scale aggression", "scare_quote", True, True,
        "Armenia Ministry of Foreign Affairs"),
    "distancing marker, unquoted": ("In an effort to restore constitutional order and remove what they claim to be "
                                    "Armenian military formations, Azerbaijan has launched an offensive.",
                                    "Armenian military formations", "reported", False, True, "Government of Azerbaijan"),
    "author after a quoted fragment is not distanced": (
        "Azerbaijan has launched what it called “anti-terrorist activities” in the breakaway region.",
        "breakaway", "author", False, False, ""),
}


@pytest.mark.parametrize("text,match,voice,quoted,distanced,speaker", VOICE_CASES.values(), ids=VOICE_CASES.keys())
def test_voice(text, match, voice, quoted, distanced, speaker):
    got = one(text)
    row = got[got["match"] == match].iloc[0]
    assert (row.voice, bool(row.quoted), bool(row.distanced), row.speaker) == (voice, quoted, distanced, speaker)


ANOTHER_TOPIC = (
    'Story highlights\n\n"We will not stand by," Senator Jane Miller said. "This regime has crossed a line."\n\n'
    "Miller tweeted that the strike was a catastrophe.\n\nOfficials said Monday that the attack was devastating.\n\n"
    "Senator Patrick Leahy, a Vermont Democrat, said he feared a humanitarian catastrophe.\n\n"
    "The strike was a disaster, experts said Thursday.\n\nThe move adds more uncertainty to a chaotic situation.\n\n"
    "The inspectors investigated an alleged massive gas attack on a village.")


def test_voice_on_another_topic_with_the_generic_lexicon():
    """The constructions that once cost voice accuracy on news of another topic: a quotation continued after
    "X said.", "tweeted", "said Monday that", an appositive before "said he", "experts said Thursday",
    "adds" without a clause, "alleged" before a term."""
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    found = terms.find_terms(one_article(ANOTHER_TOPIC, headline="Senators Weigh New Sanctions"),
                             generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    got = list(zip(found["match"], found["voice"], found["speaker"], found["distanced"]))
    assert got == [("regime", "direct_quote", "Jane Miller", False), ("catastrophe", "reported", "Jane Miller", False),
                   ("devastating", "reported", "Officials", False), ("catastrophe", "reported", "Patrick Leahy", False),
                   ("disaster", "reported", "experts", False), ("chaotic", "author", "", False),
                   ("massive", "author", "", True)]


def test_headline_scare_quote():
    got = one("Azerbaijan’s Defense Ministry said it had launched an operation.",
              headline="Azerbaijan Launches “Anti-Terrorist Campaign” in Nagorno-Karabakh: Targeting Military Buildings")
    head = got[got["paragraph"] == 0].set_index("match")
    assert head.loc["Anti-Terrorist", "voice"] == "scare_quote" and head.loc["Anti-Terrorist", "role"] == "headline"
    assert head.loc["Campaign", "family"] == "military_action"
    assert head.loc["Nagorno-Karabakh", "voice"] == "author"


def test_family_boundaries():
    got = one("Counter-terrorism and anti-terrorist activities in Nagorno-Karabakh, not Karabakh or Stephanakert.")
    assert list(zip(got["family"], got["term"])) == [
        ("anti_terrorist", "counter-terrorism"), ("anti_terrorist", "anti-terrorist"), ("military_action", "activities"),
        ("region_name", "Nagorno-Karabakh"), ("region_name", "Karabakh"), ("capital_name", "Stepanakert")]


def test_lexicon_covers_required_families():
    lex = terms.load_lexicon()
    required = {"anti_terrorist", "aggression", "separatists", "breakaway", "enclave", "military_action",
                "armed_formations", "constitutional_order", "humanitarian_crisis", "ethnic_cleansing", "genocide",
                "capital_name", "region_name"}
    assert required <= set(lex.families["family"])
    assert lex.families["note"].astype(bool).sum() >= 11


def test_bad_lexicon_names_file(tmp_path):
    bad = tmp_path / "lex.yaml"
    bad.write_text("families:\n  - family: x\n    terms:\n      - {term: y, pattern: '(unclosed'}\n")
    with pytest.raises(terms.LexiconError, match="lex.yaml: family x, term y: bad regex"):
        terms.load_lexicon(str(bad))


def test_counts_on_corpus(found):
    counts = found.groupby("family").size().to_dict()
    assert counts["anti_terrorist"] == 12 and counts["aggression"] == 2 and counts["enclave"] == 3
    assert counts.get("ethnic_cleansing", 0) == 0 and counts.get("genocide", 0) == 0


def test_rates_per_1000(found, articles):
    r = terms.rates(found, articles).set_index(["outlet", "family"])
    row = r.loc[("Re-post site (El Diario)", "enclave")]
    assert row["count"] == 3 and row["words"] == 395
    assert row["per_1000"] == pytest.approx(1000 * 3 / 395)
    assert r.loc[("Tasnim", "enclave"), "count"] == 0


def test_naming_table(found, articles):
    n = terms.naming_table(found, articles).set_index(["outlet", "pair", "name"])
    assert n.loc[("Tasnim", "capital_name", "Khankendi"), "both_in_one_sentence"]
    assert "known as Stepanakert to Armenians and Khankendi" in n.loc[("Tasnim", "capital_name", "Khankendi"), "evidence"]
    el = n.loc[("Re-post site (El Diario)", "capital_name")]
    assert el.loc["Stepanakert", "count"] == 1 and el.loc["Khankendi", "count"] == 0


def test_kwic_rows_and_escaping(articles):
    rows = terms.kwic(articles, r"so-called", width=20)
    assert len(rows) == 1 and rows.iloc[0]["right"].startswith(" “anti-terrorist")
    evil = pd.DataFrame({"outlet": ["<b>x</b>"], "left": ["<script>"], "match": ["a&b"], "right": ["</td>"]})
    html = kwic_html(evil).data
    assert "<script>" not in html and "&lt;script&gt;" in html and "<mark>a&amp;b</mark>" in html


def test_keyness(articles):
    key = terms.keyness(articles, min_freq=3)
    el = key[key["outlet"] == "Re-post site (El Diario)"].set_index("word")
    assert el.loc["enclave", "count"] == 3 and el.loc["enclave", "count_rest"] == 0
    assert el.loc["enclave", "g2"] > 3.84 and el.loc["enclave", "in_lexicon"]
    assert (key["log_ratio"] > 0).all() and (key["count"] >= 3).all()


def test_accuracy_against_gold(articles, found):
    """Hand-annotated gold (data/studies/nagorno-karabakh/gold/terms_gold.csv, 115 occurrences): recall >= 0.95, voice accuracy >= 0.9."""
    score = evaluation.score_terms(found, articles)
    gold_rows = pd.read_csv(config.DATA / "studies" / "nagorno-karabakh" / "gold" / "terms_gold.csv")
    assert score["n_gold"] == len(gold_rows)  # every gold row is scored, none dropped
    assert score["recall"] >= 0.95
    assert score["voice_accuracy"] >= 0.9
    assert score["distanced_accuracy"] >= 0.9


@pytest.mark.parametrize("text, match, voice", [
    ("At the forum the mayor discussed conspiracy theories about the dam.", "conspiracy theories", "author"),
    ("Lee responded to the councillor's rant about the dam on Friday.", "rant", "author"),
    ("The mayor talked about how the crisis at the dam began.", "crisis", "reported"),  # a clause: what was said
    ("The mayor said the crisis at the dam was over.", "crisis", "reported"),
    ("After that fiasco, we might recall, the league changed its rules.", "fiasco", "author"),  # the writer's "we"
    ("After that fiasco, the coach recalled, the league changed its rules.", "fiasco", "reported"),
    ('The coach called the ensuing chaos "a lesson for the whole club."', "chaos", "author"),  # before a quoted label
    ("The coach called the season a disaster.", "disaster", "reported"),  # an unquoted label stays the speaker's
    ('The coach called for an end to the chaos "in the stands."', "chaos", "reported"),  # "called for" asks
    ('Critics branded the reform a catastrophe that would leave "millions" without care.', "catastrophe", "reported"),
    ('The senator called the tax cut a hoax, a "giveaway to the rich."', "hoax", "reported"),  # the label itself
    ('The senator called the tax cut an outrageous "giveaway."', "outrageous", "reported"),  # a partly quoted label
    ('The senator described the vote as a disaster for "working families."', "disaster", "reported"),
])
def test_a_topic_or_the_writer_s_own_recollection_keeps_the_author_s_voice(text, match, voice):
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    found = terms.find_terms(one_article(text), generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    assert found.set_index("match").loc[match, "voice"] == voice


def test_a_long_quotation_nobody_is_found_saying_is_a_direct_quote_not_a_scare_quote():
    text = ("The mayor began Sunday with a short post about the storm. “Woke up to the devastating news from the "
            "coast. My thoughts are with every family.” Residents called the repairs “a fiasco.”")
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    found = terms.find_terms(one_article(text), generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    rows = found.set_index("match")
    assert rows.loc["devastating", "voice"] == "direct_quote" and rows.loc["devastating", "speaker"] == ""
    assert rows.loc["fiasco", "voice"] == "scare_quote"


@pytest.mark.parametrize("text, match, voice", [
    ("Lee commented the plan was a disaster for the harbour.", "disaster", "reported"),  # a clause, not a topic
    ("As we reported on Monday, officials said the dam faces a crisis.", "crisis", "reported"),  # not the writer's
])
def test_a_clause_or_another_speaker_inside_stays_reported(text, match, voice):
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    found = terms.find_terms(one_article(text), generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    assert found.set_index("match").loc[match, "voice"] == voice


def test_a_single_quoted_headline_content_is_reported_not_the_writer_s():
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    text = "Flood Barrier Was A ‘Disaster,’ Engineer Tells Inquiry.\n\nThe inquiry resumes on Monday."
    found = terms.find_terms(one_article(text), generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    assert found.set_index("match").loc["Disaster", "voice"] == "reported"


@pytest.mark.parametrize("text, match, voice", [
    ("When asked about the county's housing crisis, the mayor said he knows the problem.", "crisis", "author"),
    ("Reporters asked the mayor about the housing crisis on Monday.", "crisis", "author"),  # a topic after "about"
    ("Reporters asked the mayor whether the housing crisis was over.", "crisis", "reported"),  # a question's content
    ("Lee asked about 200 residents whether the crisis had hurt them.", "crisis", "reported"),  # "about" a number
])
def test_what_someone_is_asked_about_is_a_topic(text, match, voice):
    generic = config.PROJECT_ROOT / "data" / "studies" / "generic"
    found = terms.find_terms(one_article(text), generic / "loaded_terms.yaml", speakers=generic / "speakers.csv")
    assert found.set_index("match").loc[match, "voice"] == voice
