"""Text utilities: the one-pass pattern search must give exactly what each pattern's finditer gives."""

from __future__ import annotations

import re

import pytest
import yaml
from nltk.tokenize.punkt import PunktSentenceTokenizer

from helpers import config, corpus, frames, synthetic, terms, text
from helpers.speedups import BOUND_LEFT, BOUND_RIGHT, PatternSet, survives_normalise, trie_regex
from helpers.text import normalise, read_yaml, sentence_tokenizer


def _spans(found: dict) -> dict:
    return {name: [(m.start(), m.end(), m.groupdict()) for m in ms] for name, ms in found.items()}


def _finditer(patterns: dict, text: str) -> dict:
    return {name: [(m.start(), m.end(), m.groupdict()) for m in p.finditer(text)] for name, p in patterns.items()}


def _bounded(body: str) -> re.Pattern:
    return re.compile(BOUND_LEFT + body + BOUND_RIGHT, re.I)


@pytest.mark.parametrize("which", ["frames", "terms"])
def test_pattern_set_equals_finditer_on_real_and_synthetic_text(articles, which):
    patterns = frames.load_codebook().patterns if which == "frames" else terms.load_lexicon().patterns
    pset = PatternSet(patterns)
    assert set(pset.gated) == set(patterns)  # every shipped family has readable leading letters
    texts = list(articles["text"]) + list(synthetic.synthetic_articles(60, seed=7)["text"])
    units = [normalise(t) for t in texts]
    if which == "frames":  # frames are searched per sentence
        units = [s.norm for a in articles.itertuples()
                 for s in corpus.article_sentences(a.article_id, a.outlet, a.text, a.headline)]
    n = 0
    for text in units:
        got = _spans(pset.find(text))
        assert got == _finditer(patterns, text)
        n += sum(map(len, got.values()))
    assert n > 100  # the comparison is not vacuous


@pytest.mark.parametrize("text", [
    # from 000: "anti-terrorist" inside a quotation, then "terrorist" alone
    'Azerbaijan launched "anti-terrorist measures" against what it called terrorist formations.',
    # overlapping candidates: "military aggression" vs "aggression", repeated
    "It was military aggression, aggression and more aggression.",
    # a hyphen before the word blocks the match; digits and an underscore are word characters
    "pre-aggression x_aggression 2aggression aggression.",
    # non-ASCII text falls back to finditer
    "Xank\u0259ndi residents fled the aggression.",
])
def test_pattern_set_edge_cases(text):
    patterns = {
        "agg": _bounded(r"(?P<t0>(?:total|military) aggression)|(?P<t1>aggression)"),
        "terror": _bounded(r"(?P<t0>anti-?terror(?:ist)?)|(?P<t1>terrorists?)"),
        "klass": _bounded(r"[A-Z]\w+ formations"),  # starts with a class: searched everywhere
    }
    pset = PatternSet(patterns)
    assert pset.plain == ["klass"]
    assert _spans(pset.find(text)) == _finditer(patterns, text)


def test_pattern_set_other_shapes_fall_back():
    patterns = {"free": re.compile(r"aggress\w+", re.I)}  # not word-bounded: no gate
    pset = PatternSet(patterns)
    assert pset.plain == ["free"] and pset.scan is None
    assert _spans(pset.find("Aggression, aggressor.")) == _finditer(patterns, "Aggression, aggressor.")


@pytest.mark.parametrize("words", [["un", "united", "unit"], ["said", "say", "says", "saying"], ["a"]])
def test_trie_regex_matches_like_a_longest_first_alternation(words):
    flat = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    trie = re.compile(r"\b" + trie_regex(words) + r"\b")
    text = "united unit un unite a said says saying say sayings unitedly"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@pytest.mark.parametrize("words", [[], [""], ["said", ""]])
def test_trie_regex_refuses_what_would_match_everywhere(words):
    with pytest.raises(ValueError, match="at least one word and no empty word"):
        trie_regex(words)


@pytest.mark.parametrize("name", ["lexicons/boilerplate.yaml", "studies/nagorno-karabakh/frames.yaml",
                                  "studies/nagorno-karabakh/loaded_terms.yaml", "studies/generic/frames.yaml"])
def test_read_yaml_gives_what_the_pure_python_safe_loader_gives(name):
    path = config.DATA / name
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_read_yaml_names_the_file_when_it_is_not_yaml(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.yaml: not valid YAML"):
        read_yaml(bad)


def _contexts() -> list[str]:
    words = ["said", "Gen", "gen", "U.S", "St", "Mr", "A", "x", "1990", "No", "Jan", "km", "co-op", "Lt-Col",
             "anti-terrorist", "Baku", "it", "...", "ok..", "Stepanakert", "é", "café"]
    nexts = ["The", "the", '"We', "(AP)", "—", "2023", "Azerbaijan's", "it.", "A", "ə", "'", "..."]
    spaces = [" ", "  ", "\t", " \u00a0"]
    return [w + "." + sp + n for w in words for sp in spaces for n in nexts]


def test_punkt_shortcut_agrees_with_nltk(articles):
    ours = sentence_tokenizer()
    nltk_punkt = PunktSentenceTokenizer(ours._params)
    texts = list(articles["text"]) + list(synthetic.synthetic_articles(50, seed=3)["text"])
    paragraphs = [normalise(p) for t in texts for p in t.split("\n") if p.strip()] + [
        'The mayor said: "We will rebuild." (He left.) Then -- briefly -- rain.', "Wait... what? Yes!! 'Done.' [Ok.]",
        "It cost $3.5m. Dr. Ann Lee agreed.\u201d Later: \u00abfine.\u00bb End."]  # closing quotes and brackets
    contexts = [c for p in paragraphs for _, c in ours._match_potential_end_contexts(p)] + _contexts()
    shortcut = [c for c in contexts if ours._SIMPLE_BREAK.fullmatch(c)]
    assert len(shortcut) > 100 and len(contexts) - len(shortcut) > 100  # both ways are exercised
    assert [ours.text_contains_sentbreak(c) for c in contexts] == [nltk_punkt.text_contains_sentbreak(c) for c in contexts]
    assert [list(ours.span_tokenize(p)) for p in paragraphs] == [list(nltk_punkt.span_tokenize(p)) for p in paragraphs]


@pytest.mark.parametrize("pattern, expected", [
    (r'[^"]+', False),  # matches a curly quote, not the straight one it becomes
    (r"\u201c.*", False),  # a literal curly quote
    (r"(?!x).*", False),  # negative lookahead: not read
    (r"[\u00bb>] .*", False),  # "»" becomes '"', which the class lacks
    (r"(a)\1", False),
    (r"a`b", False),  # the backtick becomes an apostrophe
    (r"\t", False),
    (r"\s\S\w\W\d.", True),
    (r"[ -~]+", True),  # holds the backtick and the apostrophe alike
    (r'[\s"]+', True),
    (r"(?<=a)b|x{2,}?", True),
    (r".{0,80}\b(?:covers|brings you)\b.*", True),
])
def test_survives_normalise(pattern, expected):
    assert survives_normalise(re.compile(pattern)) is expected


def test_patterns_that_survive_normalise_match_the_normalised_line():
    """The property the boilerplate matcher relies on, on lines full of the characters normalising changes."""
    patterns = [r.pattern for r in corpus.boilerplate_rules()] + [re.compile(p, re.I) for p in (
        r"\s\S\w\W\d.*", r"[ -~]+", r'[\s"]+.*', r".*\bsaid\b.*", r"\W*home\W+.*", r"[^a-z]+")]
    specials = "".join(text._CHAR_MAP)
    lines = [f"{q}Home {q} world{q}" for q in specials] + [f"said{q}1{q}" for q in specials] + [
        "Home \u00bb World", "\u201cQuote\u201d \u2014 said", "2023\u201309\u201319", "By\u00a0Staff", "#tag\u2003#two",
        "`read more`", "\tleave a reply", "\u2018\u2019\u201c\u201d\u00ab\u00bb"]
    lines += [ln.strip() for path in sorted(config.RAW_DIR.glob("*.txt"))
              for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
    checked = 0
    for pattern in patterns:
        if survives_normalise(pattern):
            for line in lines:
                if pattern.fullmatch(line):
                    assert pattern.fullmatch(normalise(line)), (pattern.pattern, line)
                    checked += line != normalise(line)
    assert checked > 20
