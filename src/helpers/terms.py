"""Loaded terms: which charged words each outlet uses, and in whose voice.

The lexicon lives in ``data/lexicons/loaded_terms.yaml``. Voice reuses the
quotation spans and attributions of :mod:`helpers.quotes`; there is no second
quote parser here.
"""

from __future__ import annotations

import itertools

import math
import numbers
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd
from nltk.probability import FreqDist

from helpers import config, corpus, quotes
from helpers.study import choose_study
from helpers.speedups import PatternSet
from helpers.text import normalise, read_list, read_yaml, words

TERM_COLUMNS = ["article_id", "outlet", "family", "term", "side", "match", "voice", "quoted", "distanced", "speaker",
                "speaker_side", "paragraph", "role", "sentence_no", "sentence", "start", "end"]
VOICES = ["author", "reported", "scare_quote", "direct_quote"]
SCARE_QUOTE_MAX_WORDS = 5


class LexiconError(ValueError):
    """The lexicon file is malformed."""


@dataclass(frozen=True)
class Lexicon:
    """A parsed lexicon: families with compiled patterns, distancing markers, naming pairs."""

    families: pd.DataFrame  # family, label, side, note
    terms: pd.DataFrame  # family, term, side, pattern
    patterns: dict  # family -> compiled regex with one named group per term
    distancing: tuple  # compiled marker regexes
    naming_pairs: dict  # family -> list of term names
    path: str
    groups: dict  # (family, regex group) -> term row (term, side)

    @cached_property
    def pattern_set(self) -> PatternSet:
        """All family patterns, searched together (same matches as each pattern's ``finditer``)."""
        return PatternSet(self.patterns)

    @cached_property
    def distancing_set(self) -> PatternSet:
        """The distancing markers, for a cheap test of whether any can occur in a window."""
        return PatternSet(dict(enumerate(self.distancing)))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and compile the loaded-term lexicon.

    Args:
        path: a YAML file; default the study in use (:func:`helpers.study.choose_study`).

    Returns:
        The compiled :class:`Lexicon`.

    Raises:
        LexiconError: naming the file and the entry, when a field is missing or a regex is invalid.
    """
    return _load_lexicon(str(path or choose_study().lexicon))


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> Lexicon:
    path = Path(path)
    spec = read_yaml(path) or {}
    fams, terms, patterns = [], [], {}
    for fam in spec.get("families", []):
        if "family" not in fam or not fam.get("terms"):
            raise LexiconError(f"{path}: a family needs 'family' and 'terms': {fam!r}")
        groups = []
        for i, t in enumerate(fam["terms"]):
            if "term" not in t or "pattern" not in t:
                raise LexiconError(f"{path}: family {fam['family']}: a term needs 'term' and 'pattern': {t!r}")
            try:
                re.compile(t["pattern"])
            except re.error as exc:
                raise LexiconError(f"{path}: family {fam['family']}, term {t['term']}: bad regex: {exc}") from None
            groups.append(f"(?P<t{i}>{t['pattern']})")
            terms.append({"family": fam["family"], "term": t["term"], "side": t.get("side", fam.get("side", "neutral")),
                          "pattern": t["pattern"], "group": f"t{i}"})
        patterns[fam["family"]] = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.I)
        fams.append({"family": fam["family"], "label": fam.get("label", fam["family"]),
                     "side": fam.get("side", "neutral"), "note": fam.get("note", "")})
    distancing = tuple(re.compile(r"(?<![\w-])(?:" + d["pattern"] + r")(?![\w-])", re.I)
                       for d in spec.get("distancing", []))
    term_table = pd.DataFrame(terms)
    groups = {(r.family, r.group): r for r in term_table.itertuples()}
    return Lexicon(pd.DataFrame(fams), term_table, patterns, distancing, dict(spec.get("naming_pairs", {})), str(path),
                   groups)


def _distanced(norm: str, start: int, sent_start: int, markers: tuple, gate: PatternSet | None = None) -> bool:
    """A distancing marker ends at most five words before the term, with no clause punctuation or closed quotation between."""
    window = norm[max(sent_start, start - 60):start]
    if gate is not None and not gate.may_match(window):
        return False
    for marker in markers:
        for m in marker.finditer(window):
            gap = window[m.end():]
            if not re.search(r"[,.;:()]", gap) and len(gap.split()) <= 5 and gap.count('"') < 2:
                return True  # a quoted fragment after the marker bounds what it distances from
    return False


def article_terms(article_id: str, outlet: str, text: str, sents: list[corpus.Sentence], spans: list[dict],
                  atts: list[dict], lex: Lexicon, *, norm: str | None = None) -> list[dict]:
    """Lexicon occurrences in one article with voice (see :func:`find_terms` for the fields).

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        sents: its :class:`helpers.corpus.Sentence` records.
        spans: its quotation spans (:func:`helpers.quotes.article_quote_spans`).
        atts: its attributions (:func:`helpers.quotes.article_quotes`).
        lex: the lexicon.
        norm: ``normalise(text)`` when the caller has it (computed when omitted).

    Returns:
        One record per occurrence, ordered by position then family.
    """
    norm = normalise(text) if norm is None else norm
    starts = [s.start for s in sents]
    contents = _Contents(atts)
    spans = sorted(spans, key=lambda sp: sp["start"])
    span_starts = [sp["start"] for sp in spans]
    records = []
    for family, matches in lex.pattern_set.find(norm).items():
        for m in matches:
            group = next(g for g, v in m.groupdict().items() if v is not None)
            info = lex.groups[(family, group)]
            pos = m.start()
            sent = sents[max(bisect_right(starts, pos) - 1, 0)]
            voice, att = _voice(pos, m.end(), spans, contents, span_starts, norm)
            records.append({
                "article_id": article_id, "outlet": outlet, "family": family, "term": info.term,
                "side": info.side, "match": text[m.start():m.end()], "voice": voice,
                "quoted": voice in {"direct_quote", "scare_quote"},
                "distanced": _distanced(norm, pos, sent.start, lex.distancing, lex.distancing_set),
                "speaker": att["speaker"] if att is not None else "",
                "speaker_side": att["side"] if att is not None else "",
                "paragraph": sent.paragraph, "role": sent.role, "sentence_no": sent.sentence,
                "sentence": sent.text, "start": m.start(), "end": m.end(),
            })
    records.sort(key=lambda r: (r["start"], r["family"]))
    return records


def find_terms(articles: pd.DataFrame, lexicon: str | Path | Lexicon | None = None, *,
               quotes_: pd.DataFrame | None = None, sentences: pd.DataFrame | None = None,
               speakers: str | Path | None = None) -> pd.DataFrame:
    """One row per occurrence of a lexicon term, with its voice.

    Voice: ``direct_quote`` inside a quotation of six words or more (with its speaker when an
    attribution holds it; a long quotation nobody is found saying is still somebody's words, and a long
    title in quotation marks is read as one too); ``scare_quote`` inside a quoted fragment of at most
    five words; ``reported`` inside the content of an indirect attribution; ``author`` otherwise
    (headlines included), also inside a content that only names a topic ("discussed the crisis",
    ``topic_lemmas``) or whose speaker is the writer ("we might recall", ``writer_pronouns``; both in
    ``attribution_context.yaml``).

    Args:
        articles: the articles table.
        lexicon: a lexicon path or :class:`Lexicon`; default the study's (:func:`load_lexicon`).
        quotes_: precomputed :func:`helpers.quotes.extract_quotes` output.
        sentences: precomputed :func:`helpers.corpus.sentences` output.
        speakers: the speaker table for the attributions when ``quotes_`` is not given (default: the study in use).

    Returns:
        Columns ``article_id, outlet, family, term, side, match, voice, quoted,
        distanced, speaker, speaker_side, paragraph, role, sentence_no, sentence,
        start, end`` (offsets into the cleaned text).
    """
    lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(str(lexicon) if lexicon else None)
    sents_df = corpus.sentences(articles) if sentences is None else sentences
    atts_df = quotes.extract_quotes(articles, sentences=sents_df, speakers=speakers) if quotes_ is None else quotes_
    sents = corpus.sentences_by_article(sents_df)
    atts: dict[str, list[dict]] = {}
    for rec in atts_df.to_dict("records"):
        atts.setdefault(rec["article_id"], []).append(rec)
    records = []
    for aid, outlet, text in zip(articles["article_id"], articles["outlet"], articles["text"]):
        records += article_terms(aid, outlet, text, sents.get(aid, []), quotes.article_quote_spans(aid, text),
                                 atts.get(aid, []), lex)
    return pd.DataFrame(records, columns=TERM_COLUMNS)


class _Contents:
    """Attribution contents of one article, for "which content holds this position".

    Sorted by start; ``reach[i]`` is the furthest end among the first ``i + 1``, so that a search
    walking back from a position stops as soon as no earlier content can reach it: a bisection and
    a few steps when contents do not nest, though a content spanning most of the article makes
    every search walk back to it.
    """

    def __init__(self, atts: list[dict]):
        self.atts = sorted(atts, key=lambda a: a["quote_start"])
        self.starts = [a["quote_start"] for a in self.atts]
        self.reach = list(itertools.accumulate((a["quote_end"] for a in self.atts), max))

    def innermost(self, start: int, end: int) -> dict | None:
        """The attribution with the latest start whose content covers ``[start, end]`` (None if none)."""
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self.reach[i] >= end:
            if self.atts[i]["quote_end"] >= end:
                return self.atts[i]
            i -= 1
        return None


def _voice(start: int, end: int, spans: list[dict], contents: _Contents,
           span_starts: list[int], text: str) -> tuple[str, dict | None]:
    """Voice of an occurrence and the attribution it sits in (if any); ``text`` is the text searched."""
    att = contents.innermost(start, end)
    i = bisect_right(span_starts, start) - 1
    span = spans[i] if i >= 0 and spans[i]["end"] >= end else None
    if span is not None:
        if span["n_words"] <= SCARE_QUOTE_MAX_WORDS:
            return "scare_quote", att
        attributed = contents.innermost(span["start"], span["end"] - 1)
        return "direct_quote", attributed  # a long quotation is somebody's words, found or not
    if (att is not None and not _writer_speaks(att) and not _topic_only(att, text)
            and not _before_label(att, start, end, spans, span_starts, text)):
        return "reported", att
    return "author", None


def _before_label(att: dict, start: int, end: int, spans: list[dict], span_starts: list[int], text: str) -> bool:
    """Whether an occurrence outside quotation marks names what a speaker labels, right before the quoted label
    ('The mayor called the ensuing chaos "a lesson"': "chaos" is the writer's, the label the mayor's), for the
    cue lemmas in ``labelling_lemmas``. At most three words may come between, none a comma or a word that
    starts another phrase ("called it a hoax, a "giveaway"", "a catastrophe that would leave "millions"" stay
    reported), and the object before the term must not open a label ("a", "as": 'called the plan an
    outrageous "giveaway"', 'described it as a disaster for "families"' stay reported; so does an object that
    opens with "a"). An unquoted label ("called the plan a disaster") is not told apart: it stays reported.

    Example:
        >>> text = 'The mayor called the ensuing chaos "a lesson."'
        >>> spans = [{"start": 35, "end": 46}]
        >>> att = {"cue_end": 16, "quote_end": 46}
        >>> [_before_label({**att, "cue": c}, 29, 34, spans, [35], text) for c in ("called", "said")]
        [True, False]
    """
    cue = str(att.get("cue") or "").lower().split()
    cues, ctx = quotes.cue_lexicon(), quotes.context_words()
    if len(cue) != 1 or cue[0] not in cues or cues[cue[0]].lemma not in ctx["labelling_lemmas"]:
        return False  # "called for" asks for something
    i = bisect_right(span_starts, end)
    if i >= len(spans) or spans[i]["start"] >= att["quote_end"]:
        return False
    between = text[end:spans[i]["start"]]
    words = _WORD_RE.findall(between.lower())
    if len(words) > 3 or re.search(r"[,;:()]", between) or set(words) & ctx["phrase_links"]:
        return False
    before = _WORD_RE.findall(text[int(att["cue_end"]):start].lower())  # the object up to the term
    return not set(before) & ctx["label_openers"]  # 'called the plan an outrageous "giveaway"': in the label


def _writer_speaks(att: dict) -> bool:
    """Whether an attribution outside quotation marks is the writer's own ("we might recall that ..."): its
    speaker is "I" or "we" and its content holds no cue of another speaker ("As we reported, officials said
    ..." stays reported).

    Example:
        >>> [_writer_speaks({"speaker_mention": m, "quote": q}) for m, q in [("we", "the vote was a fiasco"),
        ...     ("Lee", "the vote was a fiasco"), ("we", "officials said the vote was a fiasco")]]
        [True, False, False]
    """
    if str(att.get("speaker_mention") or "").lower() not in quotes.context_words()["writer_pronouns"]:
        return False
    cues = quotes.cue_lexicon()
    return not any(w in cues for w in _content_words(att))


def _after_about(att: dict, text: str) -> bool:
    """Whether an attribution's content follows "about" ("asked the mayor about the crisis").

    >>> _after_about({"quote": "the crisis", "quote_start": 26}, "Lee asked the mayor about the crisis")
    True
    """
    start = att.get("quote_start")
    before = text[max(0, int(start) - 40):int(start)] if isinstance(start, numbers.Integral) and text else ""
    quote = str(att.get("quote") or "").lower()
    if quote.startswith("about "):
        quote = quote[6:]
    elif not _ABOUT_RE.search(before):
        return False
    return not quote[:1].isdigit()


_ABOUT_RE = re.compile(r"\babout\s*$", re.I)  # "asked about 200 residents whether ...": "about" is a number's


def _topic_only(att: dict, text: str = "") -> bool:
    """Whether a content only names what was talked about: a noun phrase after a topic cue
    ("discussed the crisis", "responded to the mayor's rant"), not a clause ("talked about how the crisis
    began", "commented the plan was a disaster": a finite verb makes it one).

    Example:
        >>> [_topic_only({"cue": c, "quote": q}) for c, q in [("discussed", "the harbour crisis"),
        ...     ("responded", "to the mayor's rant."), ("talked", "about how the crisis began"), ("said", "a crisis"),
        ...     ("commented", "the plan was a disaster"), ("responded", "to a demand that could cause chaos")]]
        [True, True, False, False, False, True]
    """
    ctx, cues = quotes.context_words(), quotes.cue_lexicon()
    cue = str(att.get("cue") or "").lower().split()
    lemma = cues[cue[0]].lemma if cue and cue[0] in cues else ""
    if lemma not in ctx["topic_lemmas"] and not (lemma in ctx["about_topic_lemmas"] and _after_about(att, text)):
        return False
    content = _content_words(att)
    while content and content[0] in ctx["adjunct_preps"]:
        content = content[1:]
    if not content or not str(att.get("quote") or "").lstrip()[:1].isalnum() or (
            content[0] in ctx["content_clause_openers"]):
        return False  # nothing, a colon or a quotation mark, or a clause ("about how ...")
    head = itertools.takewhile(lambda w: w not in ctx["content_clause_openers"], content)  # not "a way that could"
    return not any(w in ctx["finite_verbs"] for w in head)


def _content_words(att: dict) -> list[str]:
    """The lower-cased words of an attribution's content.

    >>> _content_words({"quote": "to the mayor's rant."})
    ['to', 'the', "mayor's", 'rant']
    """
    return _WORD_RE.findall(str(att.get("quote") or "").lower())


_WORD_RE = re.compile(r"[\w'’-]+")  # a word with its apostrophes and hyphens: "mayor's", "so-called"


# ---------------------------------------------------------------- summaries


def rates(found: pd.DataFrame, articles: pd.DataFrame, *, by: str = "family") -> pd.DataFrame:
    """Occurrences per 1,000 words, per outlet and family (or term).

    Args:
        found: :func:`find_terms` output.
        articles: the articles table (for word counts; outlets without hits get 0).
        by: ``family`` or ``term``.

    Returns:
        Tidy columns ``outlet, <by>, count, words, per_1000``.
    """
    words_per_outlet = articles.groupby("outlet")["n_words"].sum().rename("words")
    counts = found.groupby(["outlet", by]).size().rename("count")
    keys = found[by].unique() if len(found) else []
    grid = pd.MultiIndex.from_product([words_per_outlet.index, keys], names=["outlet", by])
    table = counts.reindex(grid, fill_value=0).reset_index().merge(words_per_outlet.reset_index(), on="outlet")
    table["per_1000"] = 1000 * table["count"] / table["words"]
    return table


def voice_table(found: pd.DataFrame) -> pd.DataFrame:
    """Occurrences per outlet, family and voice, plus the distanced count.

    Args:
        found: :func:`find_terms` output.

    Returns:
        Tidy columns ``outlet, family, voice, count, distanced``.
    """
    return (found.groupby(["outlet", "family", "voice"])
            .agg(count=("match", "size"), distanced=("distanced", "sum")).reset_index())


def naming_table(found: pd.DataFrame, articles: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Which name of each naming pair each outlet uses, and whether it gives two names in one sentence.

    Args:
        found: :func:`find_terms` output.
        articles: the articles table (outlets with no hits are listed with 0).
        lexicon: default the project lexicon.

    Returns:
        Tidy columns ``outlet, pair, name, count, both_in_one_sentence, evidence`` (a
        sentence giving two names of the pair, e.g. "Oldtown, known as Newtown to its new rulers").
    """
    lex = lexicon or load_lexicon()
    rows = []
    for outlet in sorted(articles["outlet"].unique()):
        for family, names in lex.naming_pairs.items():
            hits = found[(found["outlet"] == outlet) & (found["family"] == family)]
            together = hits.groupby(["article_id", "sentence_no"])["term"].nunique()
            both = together[together > 1]
            evidence = (hits.set_index(["article_id", "sentence_no"]).loc[[both.index[0]], "sentence"].iloc[0]
                        if len(both) else "")
            for name in names:
                rows.append({"outlet": outlet, "pair": family, "name": name, "count": int((hits["term"] == name).sum()),
                             "both_in_one_sentence": bool(len(both)), "evidence": evidence})
    return pd.DataFrame(rows, columns=["outlet", "pair", "name", "count", "both_in_one_sentence", "evidence"])


def kwic(articles: pd.DataFrame, pattern: str, *, width: int = 50, flags: int = re.I) -> pd.DataFrame:
    """Keyword in context: one row per match, left and right context as columns.

    Works like NLTK's ``ConcordanceIndex`` but on the cleaned text with a regex,
    so multi-word patterns and offsets work, and it returns rows instead of printing.

    Args:
        articles: the articles table.
        pattern: a regex (matched on normalised text, case-insensitive by default).
        width: characters of context on each side.
        flags: regex flags.

    Returns:
        Columns ``article_id, outlet, left, match, right, start, end``.
    """
    regex = re.compile(pattern, flags)
    rows = []
    for a in articles.itertuples():
        for m in regex.finditer(normalise(a.text)):
            rows.append({"article_id": a.article_id, "outlet": a.outlet,
                         **_context(a.text, m.start(), m.end(), width), "start": m.start(), "end": m.end()})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "left", "match", "right", "start", "end"])


def _context(text: str, start: int, end: int, width: int) -> dict:
    return {"left": text[max(0, start - width):start].replace("\n", " "), "match": text[start:end],
            "right": text[end:end + width].replace("\n", " ")}


def kwic_terms(found: pd.DataFrame, articles: pd.DataFrame, *, width: int = 50) -> pd.DataFrame:
    """Keyword-in-context rows for lexicon occurrences (the evidence behind the term charts).

    Args:
        found: :func:`find_terms` output (filter it first, e.g. to one family).
        articles: the articles table.
        width: characters of context on each side.

    Returns:
        ``found``'s ``article_id, outlet, family, voice, distanced, speaker`` with ``left, match, right``.
    """
    texts = articles.set_index("article_id")["text"]
    ctx = [_context(texts[r.article_id], r.start, r.end, width) for r in found.itertuples()]
    base = found[["article_id", "outlet", "family", "voice", "distanced", "speaker"]].reset_index(drop=True)
    return pd.concat([base, pd.DataFrame(ctx, columns=["left", "match", "right"])], axis=1)


@lru_cache(maxsize=2)
def stopwords(path: str | None = None) -> frozenset[str]:
    """The shipped English stopword list (``data/lexicons/stopwords.txt``).

    Args:
        path: another one-word-per-line file.

    Returns:
        Lower-case words.
    """
    return frozenset(w.lower() for w in read_list(path or config.LEXICON_DIR / "stopwords.txt"))


def _g2(a: int, b: int, c: int, d: int) -> float:
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0)


def keyness(articles: pd.DataFrame, *, by: str = "outlet", min_freq: int = 3, min_g2: float = 3.84, top: int = 15,
            lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Words each outlet over-uses relative to the rest of the corpus.

    Dunning's log-likelihood (G2) with an effect size (log2 ratio of relative
    frequencies, 0.5 added to zero counts), keeping words used at least
    ``min_freq`` times by the outlet, not stopwords, over-used (log ratio > 0)
    and with G2 of at least ``min_g2`` (3.84 is p < 0.05 with one degree of freedom).

    Args:
        articles: the articles table.
        by: grouping column.
        min_freq: minimum count in the target group.
        min_g2: minimum log-likelihood.
        top: rows kept per group, by G2.
        lexicon: to flag words already covered by the lexicon.

    Returns:
        Columns ``outlet, word, count, count_rest, per_1000, per_1000_rest, g2, p_value, log_ratio, in_lexicon``.
    """
    lex = lexicon or load_lexicon()
    stops = stopwords()
    tokens = {g: FreqDist(w.lower() for text in grp["text"] for w in words(text)
                          if w.lower() not in stops and not w.isdigit() and len(w) > 1)
              for g, grp in articles.groupby(by)}
    total = FreqDist()
    for fd in tokens.values():
        total.update(fd)
    rows = []
    for group, fd in tokens.items():
        c, d = fd.N(), total.N() - fd.N()
        if d == 0:
            continue
        for word, a in fd.items():
            if a < min_freq:
                continue
            b = total[word] - a
            ratio = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
            if ratio <= 0:
                continue
            g2 = _g2(a, b, c, d)
            if g2 < min_g2:
                continue
            rows.append({by: group, "word": word, "count": a, "count_rest": b, "per_1000": 1000 * a / c,
                         "per_1000_rest": 1000 * b / d, "g2": g2, "p_value": math.erfc(math.sqrt(g2 / 2)),
                         "log_ratio": ratio,
                         "in_lexicon": any(p.search(word) for p in lex.patterns.values())})
    cols = [by, "word", "count", "count_rest", "per_1000", "per_1000_rest", "g2", "p_value", "log_ratio", "in_lexicon"]
    table = pd.DataFrame(rows, columns=cols)
    if table.empty:
        return table
    return (table.sort_values([by, "g2", "word"], ascending=[True, False, True]).groupby(by).head(top)
            .reset_index(drop=True))
