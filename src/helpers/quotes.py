"""Quotations and attributions: who each outlet lets speak, and in what form.

The extractor is rule-based and works on the normalised cleaned text (offsets are
valid on the original). It needs no speaker table: any subject noun phrase or
name can be a speaker, and :mod:`helpers.mentions` merges one person's mentions
and resolves pronouns. The speaker table (``data/speakers.csv``) only adds
canonical names, sides and roles to mentions it matches as a whole.

1. :func:`article_quote_spans` finds quotation-mark spans, including quotations
   continued across paragraphs and unbalanced marks.
2. :func:`extract_quotes` finds cues (``data/lexicons/reporting_verbs.csv``: speech,
   belief and evidence verbs; "according to"; noun cues after a possessor; a colon),
   and reads each with one construction (one function each, below): "X said (that) C",
   "C, X said", "C, said X", "'C1,' X said, 'C2'", "A, X said, B", "..., saying C",
   "according to X", "what X called C", "X called Y 'Z'", "X quoted Y as saying C",
   "her claim that C", "X was blunt: 'C'", "Name: C", "C - Name (@handle)",
   "C was criticized by X", and, with the speaker left empty because the text names
   nobody, "Asked about C, X said", "C is expected to ..." and "C appears to ...".
3. Quotations continued in the next sentences of a paragraph join the content (the
   attribution's own words between the parts are left out: ``content_spans``); so
   does a paragraph that is only a quotation, after an attribution that quoted (one
   attribution over several paragraphs); after one that quoted nothing it is a row of
   its own, with the previous speaker and no cue.

Limits: no parser or tagger, so a subject is the noun phrase read off the words
before the cue (appositives and relative clauses between commas skipped); cues
inside quotation marks are part of the quotation, not attributions; a noun cue
without a possessor ("the announcement of"), a passive followed by neither an agent
nor "to", "about" or a question word ("was reported.", "is seen as") and evidence
without a verb are not extracted; a content after its cue runs to the end
of the sentence or to the next attribution in it.
"""

from __future__ import annotations

import csv
import itertools
import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers import config, corpus
from helpers.mentions import (DETERMINERS, NAME_SUFFIXES, WEEKDAYS_MONTHS, ArticleMentions, gender_of, given_names,
                              is_epithet, is_fragment, person_evidence, kind_of, mention_words, name_words,
                              other_gender)
from helpers.study import UNKNOWN_SIDE, choose_study
from helpers.speedups import trie_regex
from helpers.text import TOKEN_RE, normalise, read_yaml

QUOTE_COLUMNS = [
    "article_id", "outlet", "paragraph", "sentence_no", "sentence", "speaker", "speaker_mention", "side", "role",
    "kind", "act", "cue", "quote", "start", "end", "cue_start", "cue_end", "quote_start", "quote_end",
    "content_spans", "quoted_words", "confidence",
]


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class Speaker:
    """One row of the speaker table."""

    canonical: str
    side: str
    role: str
    type: str


def default_speakers() -> str:
    """The speaker table of the study in use (:func:`helpers.study.choose_study`)."""
    return choose_study().speakers


def speaker_table(path: str | None = None) -> pd.DataFrame:
    """A study's editable speaker table (its ``speakers.csv``).

    Args:
        path: a CSV with columns ``canonical, aliases, side, role`` (and ``type``); default
            :func:`default_speakers`. A side is checked against the study's sides when the
            study is loaded (:func:`helpers.study.load_study`); an empty side is ``Unknown``.

    Returns:
        One row per speaker; ``aliases`` is a list that includes the canonical name.

    Raises:
        ValueError: naming the file, when it cannot be read or a column is missing.
    """
    return _speaker_table(_table_key(path or default_speakers()))


def _table_key(path: str | Path) -> str:
    """The speaker table's path with its modification time, so that the caches below see an edited table."""
    try:
        return f"{path}\0{os.stat(path).st_mtime_ns}"
    except OSError:
        return f"{path}\0"


@lru_cache(maxsize=8)
def _speaker_table(key: str) -> pd.DataFrame:
    path = key.split("\0")[0]
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the speaker table ({exc})") from None
    missing = {"canonical", "aliases", "side", "role"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: speaker table lacks column(s) {sorted(missing)}")
    if "type" not in table.columns:
        table["type"] = "organisation"
    table["side"] = table["side"].str.strip().replace("", UNKNOWN_SIDE)
    table["aliases"] = [[a.strip() for a in (row.aliases.split("|") + [row.canonical]) if a.strip()]
                        for row in table.itertuples()]
    return table


def _alias_key(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"[\w'.-]+", normalise(text)))


@lru_cache(maxsize=8)
def _alias_lookup(key: str) -> dict[tuple[str, ...], Speaker]:
    """Aliases as word tuples (lower case) -> speaker; an empty alias matches nothing (``key``: :func:`_table_key`)."""
    lookup: dict[tuple[str, ...], Speaker] = {}
    for row in _speaker_table(key).itertuples():
        for alias in row.aliases:
            key = _alias_key(alias)
            if key:
                lookup.setdefault(key, Speaker(row.canonical, row.side, row.role, row.type))
    return lookup


def match_speaker(mention: str, *, path: str | None = None) -> Speaker | None:
    """Map a whole mention to the speaker table.

    The longest alias that ends the mention wins, and only when every capitalised
    word before it is a title or names the same side: a generic alias ("Defense
    Ministry") does not make "the South Korean Defense Ministry" one of the table's
    ministries, while "<the owner's name>'s Ministry of Defense" keeps its owner.

    With a table whose ministry has the alias "Defense Ministry", "the Defense Ministry" and
    "<the owner's name>'s Defense Ministry" match it, and "The South Korean Defense Ministry" does not.

    A person or document noun after a name ("an AFP reporter", "a ministry statement") takes the
    name's entry. ``path``: the speaker table, default :func:`default_speakers`.
    """
    return _match_speaker(mention, _table_key(path or default_speakers()))


@lru_cache(maxsize=65536)
def _match_speaker(mention: str, path: str) -> Speaker | None:
    lookup = _alias_lookup(path)
    words = re.findall(r"[\w'.-]+", normalise(mention))
    low = tuple(w.lower() for w in words)
    for start in range(len(low)):
        found = lookup.get(low[start:])
        if found is not None:
            return found if _compatible_prefix(words[:start], found, lookup) else None
    mw = mention_words()
    if 1 < len(words) <= 12 and (low[-1] in mw.person_nouns or low[-1] in mw.document_nouns):
        return _match_speaker(" ".join(words[:-1]), path)  # "an AFP reporter", "a ministry statement"
    return None


def _compatible_prefix(words: list[str], found: Speaker, lookup: dict) -> bool:
    """Words before an alias keep the match when they add no other name: lower-case words and titles,
    or a name of the same side (the owner's name before "Defense Ministry"); any prefix for a person."""
    if found.type == "person":
        return True
    titles = mention_words().titles
    rest = list(words)
    while rest and (not rest[0][:1].isupper() or rest[0].lower().rstrip(".") in titles or rest[0].lower() in DETERMINERS):
        rest.pop(0)
    if not rest:
        return True
    key = tuple(w.lower() for w in rest)
    key = key[:-1] + (key[-1].removesuffix("'s"),)
    owner = lookup.get(key)
    return owner is not None and owner.side == found.side


class CueWord(NamedTuple):
    """One cue form of the lexicon."""

    lemma: str
    act: str
    audience: bool
    noun_too: bool
    needs: frozenset = frozenset()
    unless: frozenset = frozenset()
    subject: str = ""
    clause: bool = False


@lru_cache(maxsize=4)
def cue_lexicon(path: str | None = None) -> dict[str, CueWord]:
    """Cue forms mapped to their lemma and act (``data/lexicons/reporting_verbs.csv``).

    Args:
        path: another CSV with columns ``lemma, forms`` and optionally ``act`` (speech, belief,
            evidence), ``audience`` (1 when the verb takes a hearer: "told reporters") and
            ``noun_too`` (1 when a form is also a noun: "states", "claims") and ``needs`` (words of
            which one must follow: "spoke of|about") and ``unless`` (words after which the form is no
            cue: "added to", "continued on") and ``subject`` ("document" when only a document can be its
            subject: "the statement reads"; "linked" for an adjective after a linking verb: "is convinced
            that") and ``clause`` (1 when a content after it must open with
            "that", a colon or a quotation: "added that ...", not "adds more uncertainty").

    Returns:
        ``{form: CueWord}`` for every form, lower case.

    Raises:
        ValueError: naming the file, when a column is missing or an act is unknown.
    """
    path = Path(path) if path else config.LEXICON_DIR / "reporting_verbs.csv"
    forms: dict[str, CueWord] = {}
    with open(path, encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not {"lemma", "forms"} <= set(reader.fieldnames or []):
            raise ValueError(f"{path}: the cue lexicon needs columns lemma and forms")
        for row in reader:
            act = (row.get("act") or "speech").strip()
            if act not in {"speech", "belief", "evidence"}:
                raise ValueError(f"{path}: act {act!r} of {row['lemma']!r} is not speech, belief or evidence")
            needs, unless = (frozenset(w.strip().lower() for w in (row.get(col) or "").split("|") if w.strip())
                             for col in ("needs", "unless"))
            cue = CueWord(row["lemma"], act, bool((row.get("audience") or "").strip()),
                          bool((row.get("noun_too") or "").strip()), needs, unless, (row.get("subject") or "").strip(),
                          bool((row.get("clause") or "").strip()))
            for form in row["forms"].split("|"):
                if form.strip():  # "said||says" has an empty form, which would match everywhere
                    forms.setdefault(form.strip().lower(), cue)
    return forms


def reporting_verbs(path: str | None = None) -> dict[str, str]:
    """Cue forms mapped to their lemma (see :func:`cue_lexicon`).

    >>> reporting_verbs()["said"]
    'say'
    """
    return {form: cue.lemma for form, cue in cue_lexicon(path).items()}


@lru_cache(maxsize=1)
def _candidates_re() -> re.Pattern:
    """Any word that can open an attribution (cue forms, noun cues, "according", "what"), in lower-cased
    text: a sentence without one (or a colon) is not tokenised."""
    ctx = context_words()
    words = set(cue_lexicon()) | ctx["speech_nouns"] | ctx["belief_nouns"] | ctx["in_evidence_heads"] | ctx[
        "hearsay_adverbs"] | {"according", "what"}
    return re.compile(r"\b" + trie_regex(sorted(w.lower() for w in words)) + r"\b")


@lru_cache(maxsize=1)
def _phrase_openers() -> frozenset:
    """Prepositions that open a phrase before a sentence's subject: the adjunct prepositions and
    ``opening_preps`` ("On Monday, ...", "Like Trump, ...")."""
    ctx = context_words()
    return ctx["adjunct_preps"] | ctx["opening_preps"]


@lru_cache(maxsize=4)
def context_words(path: str | None = None) -> dict[str, frozenset]:
    """Word lists that decide a construction (``data/lexicons/attribution_context.yaml``)."""
    source = path or str(config.LEXICON_DIR / "attribution_context.yaml")
    data = read_yaml(source) or {}
    for key, values in data.items():
        if not isinstance(values, list) or not all(isinstance(w, str) for w in values):
            raise ValueError(f"{source}: {key} must be a list of words (quote on, off, yes and no, "
                             "which YAML reads as true or false)")
    return {key: frozenset(w.lower() for w in values) for key, values in data.items()}


# ---------------------------------------------------------------- quotation spans


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def article_quote_spans(article_id: str, text: str) -> list[dict]:
    """Spans inside quotation marks (straight or curly) in one cleaned text.

    Curly marks say which way they face (a closing mark with no word before it,
    nothing open and another mark after it in the paragraph is a misprinted opening
    mark). A straight mark faces the way its spacing shows (:func:`_straight_faces`): an
    opening one while a quotation is open closes that one first (a quotation whose
    paragraph break was lost: ``said: "We won. "Next year ..."``), and a closing one with
    nothing open is ignored; a straight mark whose spacing shows neither way alternates, and
    so does a doubled apostrophe ('' as some archives write quotation marks). A quotation
    still open at the end of a paragraph continues when the next paragraph opens
    with a quotation mark (news convention); otherwise it is closed at the
    paragraph end and marked unbalanced.

    Args:
        article_id: the article's id.
        text: the cleaned text.

    Returns:
        Records with ``article_id, start, end`` (the text between the marks),
        ``text, n_words, paragraph, continued, balanced``.
    """
    records = []
    marks = quote_marks(text)

    def span(start: int, end: int, paragraph: int, continued: bool, balanced: bool) -> None:
        inner = text[start:end]
        records.append({"article_id": article_id, "start": start, "end": end, "text": inner,
                        "n_words": len(inner.split()), "paragraph": paragraph, "continued": continued,
                        "balanced": balanced})

    paras = _paragraph_spans(text)
    for i, (p_start, p_end) in enumerate(paras):
        open_at, inner = None, False
        for m in _MARK_RE.finditer(marks, p_start, p_end):
            j, ch = m.start(), m.group(0)
            if ch == '"' and _FEET_INCHES_RE.search(marks, max(p_start, j - 6), j):
                continue  # 6'3": an inch mark, no quotation mark
            faces = _straight_faces(marks, j, p_start, p_end) if ch == '"' else None
            if faces == "close" and (open_at is None or inner):
                inner = False
                continue  # a stray closing mark opens nothing; an inner quotation's closes nothing
            if faces == "open" and open_at is not None and not _after_sentence(marks, j, open_at):
                inner = True
                continue  # '"They call it a "crisis" but ...,"': a quotation inside the open one
            opening = ch in "\u201c\u201e\u00ab" or faces == "open" or (ch == '"' and not faces and open_at is None)
            if ch == "\u201d" or ch == "\u00bb" or (ch == '"' and not faces and open_at is not None):
                opening = (ch == "\u201d" and open_at is None and (j == p_start or marks[j - 1].isspace())
                           and _MARK_RE.search(marks, j + 1, p_end) is not None)
                # a closing mark with no word before it, nothing open and a mark after it is a misprinted opening mark
            if opening and open_at is None:
                open_at = j + 1
            elif not opening and open_at is not None:
                span(open_at, j, i, False, True)
                open_at = None
            elif opening and open_at is not None:  # a second opening mark: close the first as unbalanced
                span(open_at, j, i, False, False)
                open_at = j + 1
        if open_at is not None:
            nxt = paras[i + 1] if i + 1 < len(paras) else None
            continued = bool(nxt) and normalise(marks[nxt[0]]) == '"'
            span(open_at, p_end, i, continued, continued)
    return records


_MARK_RE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")
_FEET_INCHES_RE = re.compile(r"(?<![\w.])\d{1,2}['\u2019]\d{1,2}$")  # a height before an inch mark: 6'3", 5'10"
_OPENS_AFTER = frozenset(" \t([{\u2014\u2013-/")  # what may come before an opening straight mark
_CLOSES_BEFORE = frozenset(" \t.,;:!?)]}\u2014\u2013-/\"'")  # what may come after a closing one


def _after_sentence(marks: str, j: int, open_at: int) -> bool:
    """Whether the mark at ``j`` follows the end of a sentence inside the quotation open since ``open_at``
    (a stop, then space): a new quotation after a lost paragraph break, not one quoted inside it.

    >>> [_after_sentence(t, t.rindex('"'), 1) for t in ('"We won. "Next', '"They call it a "crisis', '"He said: "Go')]
    [True, False, False]
    """
    k = j - 1
    while k >= open_at and marks[k].isspace():
        k -= 1
    return k >= open_at and k < j - 1 and marks[k] in ".?!"


def _straight_faces(marks: str, j: int, start: int, end: int) -> str | None:
    """``"open"`` or ``"close"`` when the spacing around the straight mark at ``j`` shows which way it
    faces (a space or bracket before and a word after opens; a word or stop before and a space or
    stop after closes), ``None`` when it shows both or neither (``a " b``, ``a"b``).

    >>> [_straight_faces(t, t.index('"'), 0, len(t)) for t in ('said "We', 'won." He', 'a " b', 'it"s', 'a ". B')]
    ['open', 'close', None, None, None]
    """
    before = marks[j - 1] if j > start else " "
    after = marks[j + 1] if j + 1 < end else " "
    opens = before in _OPENS_AFTER and not after.isspace() and after not in ".,;:!?"  # 'a disaster ". The' closes
    closes = not before.isspace() and before not in "([{" and after in _CLOSES_BEFORE
    return "open" if opens and not closes else "close" if closes and not opens else None


def quote_marks(text: str) -> str:
    """``text`` with each doubled apostrophe written as a straight quotation mark and a space (same length).

    >>> quote_marks("''We won,'' she said.")
    '" We won,"  she said.'

    Three apostrophes after a word close a single quotation inside a double one (same length):

    >>> print(quote_marks("''They say 'no,''' he said."))
    " They say 'no,'"  he said.
    """
    if "''" not in text:
        return text
    return _CLOSING_TRIPLE_RE.sub("'\" ", text).replace("''", '" ')


_CLOSING_TRIPLE_RE = re.compile(r"(?<=[^\s'])'{3}")


# ---------------------------------------------------------------- attribution

_WORD_RE = re.compile(r"\w+")


class _Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    quoted: bool  # inside quotation marks

    @property
    def word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_" or self.quoted  # a quotation is one word-like token

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


_new_tok = tuple.__new__


@dataclass
class _Att:
    cue: str
    cue_start: int
    cue_end: int
    act: str
    mention: str = ""
    m_start: int = -1
    m_end: int = -1
    q_start: int = -1
    q_end: int = -1
    right: bool = False  # content after the cue (so a later attribution may cut it)
    gaps: list = field(default_factory=list)  # (start, end) inside the content that is not content ('he said')
    construction: str = ""
    speaker: str = ""
    follow_on: bool = False
    sentence: corpus.Sentence | None = None

    @property
    def start(self) -> int:
        return min(x for x in (self.cue_start, self.m_start, self.q_start) if x >= 0)


@dataclass
class _Reader:
    """One article being read: its text, quotation spans, mentions and attributions so far."""

    text: str
    norm: str
    spans: list[tuple[int, int, bool]]
    mentions: ArticleMentions = field(default_factory=ArticleMentions)
    atts: list[_Att] = field(default_factory=list)
    last_speaker: str = ""  # the latest resolved speaker, for "the statement said"
    speakers: str = ""  # the speaker table's path (default: the study in use)
    speaking: dict[str, int] | None = None  # a name -> where it last stands before a cue (see _speaks_later)
    labels: frozenset[str] | None = None  # the turn labels of a transcript (see _turn_labels)
    before: corpus.Sentence | None = None  # the sentence before the one being read (see _previous_subject)

    def __post_init__(self) -> None:
        self.speakers = _table_key(self.speakers or default_speakers())  # what the speaker caches are keyed by
        self.spans.sort()
        self._span_starts = [s[0] for s in self.spans]
        self.lex = cue_lexicon()
        self.ctx = context_words()
        self.words = mention_words()
        self._comma_single = ",'" in self.norm  # see _plain_tokens

    def span_at(self, pos: int) -> tuple[int, int, bool] | None:
        """The quotation span holding ``pos``, if any."""
        i = bisect_right(self._span_starts, pos) - 1
        return self.spans[i] if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1] else None

    def spans_between(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """The quotation spans that overlap ``[start, end)``."""
        first = max(bisect_right(self._span_starts, start) - 1, 0)
        return [s for s in self.spans[first:bisect_right(self._span_starts, end)] if s[1] > start and s[0] < end]

    def tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens of ``norm[start:end]`` with absolute offsets and whether each is quoted.

        The words inside a quotation are one token (quoted, its text stripped): no construction
        reads inside a quotation, and a long quotation would otherwise cost a token per word.
        """
        first = max(bisect_right(self._span_starts, start) - 1, 0)
        out: list[_Tok] = []
        at = start
        for a, b, _ in self.spans[first:bisect_right(self._span_starts, end)]:
            a, b = max(a, start), min(b, end)
            if b <= at:
                continue
            out += self._plain_tokens(at, a)
            inner = self.norm[a:b]
            lead = len(inner) - len(inner.lstrip())
            text = inner.strip()
            if text:
                out.append(_new_tok(_Tok, (text, text.lower(), a + lead, a + lead + len(text), True)))
            at = b
        return out + self._plain_tokens(at, end)

    def _plain_tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens outside quotation marks. A single closing mark right after a comma is no token: single marks are
        no quotation marks here, and "‘We will stay,’ the mayor said" reads as "We will stay, the mayor said"
        (British quotations, headlines).
        """
        # tuple.__new__ builds the named tuple without its Python-level __new__ (half the cost per token)
        norm = self.norm
        toks = [_new_tok(_Tok, (w, w.lower(), m.start(), m.end(), False))
                for m in _TOKEN_RE.finditer(norm, start, end) for w in (m.group(),)]
        if self._comma_single:
            toks = [t for t in toks if t.text != "'" or norm[t.start - 1] != ","]
        return toks


def _n_words(toks: list[_Tok], *, enough: int = 1 << 30) -> int:
    """Words in a run of tokens, counting the words inside a quotation token (counting stops at ``enough``)."""
    n = 0
    for t in toks:
        n += len(_WORD_RE.findall(t.text)) if t.quoted else t.word
        if n >= enough:
            break
    return n


def _comma_in(toks: list[_Tok], start: int, stop: int) -> int | None:
    """The index of the first comma outside quotation marks in tokens ``start``..``stop`` (exclusive), or None.

    >>> # 'He said "yes, no" and then, later, left' -> the comma after "then"
    """
    return next((k for k in range(start, stop) if toks[k].text == "," and not toks[k].quoted), None)


def _skip_aux_left(r: _Reader, toks: list[_Tok], j: int) -> int:
    """Index of the last token before ``j`` (inclusive) that is not an auxiliary, an adverb or a time
    phrase ("has also", "on Tuesday", "last week", "in 2010", "in the past")."""
    while j >= 0:
        low = toks[j].low
        if low in r.ctx["aux_adverbs"] or low.endswith("n't") or _ly_adverb(r, toks[j]):
            j -= 1
        elif low in WEEKDAYS_MONTHS or low in r.ctx["time_words"]:
            j -= 1
            while j >= 0 and toks[j].low in r.ctx["time_words"] | {"on", "in", "the", "this", "that", "next"}:
                j -= 1
        elif j > 0 and toks[j - 1].low in {"in", "since"} and len(low) == 4 and low.isdigit() and low[:2] in {"19", "20"}:
            j -= 2  # "who in 2010 said"
        else:
            break
    return j


def _ly_adverb(r: _Reader, t: _Tok) -> bool:
    """Whether ``t`` is an adverb in -ly ("regularly", "publicly"), not a noun that ends so ("the family", "the
    assembly") nor a capitalised word."""
    return (t.low.endswith("ly") and len(t.low) > 4 and not t.cap and t.low not in r.words.person_nouns
            and t.low not in r.words.org_heads)


_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+\b|" + TOKEN_RE.pattern)  # "2,000" is one token: "A survey of 2,000 adults"
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
_NP_LINKS = frozenset({"of", "for", "and", "&", "from", "within", "at", "on", "in", "around"})  # "a professor at Yale", "Commission on X"


_RATIO_WORDS = frozenset({"in", "out", "of"})


def _ratio_link(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` joins the two numbers of a ratio ("four in 10", "one out of five").

    >>> # "About four in 10 said" -> the subject is "About four in 10", not "10"
    """
    def number(n: int) -> bool:
        return 0 <= n < len(toks) and (toks[n].text[:1].isdigit() or toks[n].low in r.ctx["quantity_words"]
                                       or toks[n].low in {"one", "ten"})
    low = toks[k].low
    return (low == "in" and number(k - 1) and number(k + 1)) or (
        low == "out" and k + 1 < len(toks) and toks[k + 1].low == "of" and number(k - 1) and number(k + 2)) or (
        low == "of" and k > 0 and toks[k - 1].low == "out" and number(k - 2) and number(k + 1))


def _modifies_head(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether the cue word at ``k`` is a noun modifying a role or organisation noun after an article or a
    possessive: "the rail operator" (not a verb: an article takes no verb), but not a belief or speech noun ("The
    fear residents expressed").

    >>> # "The rail operator said" -> "The rail operator"; "officials rail against the plan" -> no
    """
    return 0 < k < len(toks) - 1 and toks[k - 1].low in _ARTICLES_POSSESSIVES and (
        toks[k + 1].low in r.words.person_nouns or toks[k + 1].low in r.words.org_heads) and not (
        toks[k].low in r.ctx["belief_nouns"] or toks[k].low in r.ctx["speech_nouns"])  # not "The fear residents felt"


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_ARTICLES_POSSESSIVES = frozenset({"the", "a", "an", "this", "these", "those"}) | _POSSESSIVES


def _np_left(r: _Reader, toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at ``j``, read leftwards.

    >>> # "Chris Murphy, the senator from Connecticut, said" -> "Chris Murphy" (appositive skipped by the caller)
    >>> # "a source close to him said" -> "a source close to him"; "Fans - old and young - say" -> "Fans"
    """
    if j >= 0 and toks[j].text == ")":
        opening = next((n for n in range(j - 1, max(-1, j - 8), -1) if toks[n].text == "("), None)
        found = _np_left(r, toks, opening - 1) if opening else None
        return (found[0], j) if found else None
    if j >= 0 and toks[j].text == "-":  # "Many speakers - including two bishops - said": the aside is skipped
        while j > 0 and toks[j - 1].text == "-":
            j -= 1  # "--" is one dash
        opening = next((n for n in range(j - 1, max(-1, j - 40), -1) if toks[n].text == "-"), None)
        while opening and toks[opening - 1].text == "-":
            opening -= 1
        return _np_left(r, toks, opening - 1) if opening else None
    if j > 0 and toks[j].text == "." and (toks[j - 1].low in NAME_SUFFIXES or "." in toks[j - 1].text):
        found = _np_left(r, toks, j - 1)  # "James B. Comey Jr., the director, said", "the F.B.I. has said"
        return (found[0], j) if found else None
    if j > 0 and toks[j].text == "%" and toks[j - 1].text[:1].isdigit():
        return j - 1, j  # "42% say"
    if j < 0 or not toks[j].word:
        return None
    if toks[j].low in {"here", "there"} and j >= 1 and toks[j - 1].word and toks[j - 1].low not in r.ctx["finite_verbs"]:
        return _np_left(r, toks, j - 1)  # "officials here said", "critics of the rules here say"
    if toks[j].low in {"them", "us", "you"} and j >= 2 and toks[j - 1].low == "of":
        found = _np_left(r, toks, j - 2)  # "most of them said"
        return (found[0], j) if found else None
    if toks[j].low in _OBJECT_PRONOUNS and j >= 2 and toks[j - 1].low in r.ctx["postmodifier_preps"] and not (
            j >= 3 and toks[j - 2].low in r.ctx["relation_adjectives"]):
        found = _np_left(r, toks, j - 2)  # "those around him say", "a spokesman for her said"
        return (found[0], j) if found else None
    if toks[j].low in _OBJECT_PRONOUNS and j >= 3 and toks[j - 2].low in r.ctx["relation_adjectives"]:
        found = _np_left(r, toks, j - 3)  # "a source close to him said"
        return (found[0], j) if found else None
    if toks[j].low in r.words.pronouns:
        return (j, j) if toks[j].low != "that" and (toks[j].low != "which" or _which_names_a_source(r, toks, j)) else None
    k = j
    while k >= 0 and j - k < 16:
        t = toks[k]
        if t.text == ")" and k < j:  # "Sen. Jack Reed (D-R.I.)": keep the parenthesis in the mention
            opening = next((n for n in range(k - 1, max(-1, k - 8), -1) if toks[n].text == "("), None)
            if opening is None:
                break
            k = opening - 1
            continue
        if t.word:
            if t.low in _RATIO_WORDS and k < j and _ratio_link(r, toks, k):
                pass  # "four in 10 voters said", "one out of five said"
            elif t.low == "than" and 0 < k < j and toks[k - 1].low in {"more", "fewer", "less"} and (
                    toks[k + 1].text[:1].isdigit() or toks[k + 1].low in r.ctx["quantity_words"]):
                pass  # "more than 4 in 10 said"
            elif t.low in _NP_LINKS:
                if k == j or (t.low == "and" and not (toks[k + 1].cap and k > 0 and toks[k - 1].cap)
                              and not _joined_people(r, toks, k) and not _paired_modifier(r, toks, k)):
                    break  # not "Ann Lee and Bo Diaz", "teachers and union officials", "current and former aides"
            elif t.low in ("that", "by") and _links_noun_phrase(r, toks, k):
                pass
            elif (t.low in r.ctx["stop_left"] and not t.cap) or (
                    t.low in r.lex and k != j and not t.cap and not r.lex[t.low].noun_too
                    and not _modifies_head(r, toks, k)):
                break  # another verb; "state Sen. Ann Lee", "the report", "the rail operator" stay in the phrase
            elif k != j and not t.cap and t.low.endswith("ed") and t.low not in r.words.person_nouns and not (
                    toks[k + 1].cap and (k == 0 or toks[k - 1].text in {",", '"'})) and not (
                    k > 0 and toks[k - 1].low in {"the", "a", "an"}):
                break  # a verb: "the ministry released a statement stating"; "retired Gen. Ann Lee" is a name,
                # "the unsigned opinion" a noun phrase
            elif t.cap and t.low in r.ctx["stop_left"] and k < j and not (t.text.isupper() and len(t.text) > 1):
                break  # "But", "When"; not "US" in "the US Geological Survey"
        elif not (t.text == "." and k > 0 and (toks[k - 1].low in r.words.titles or len(toks[k - 1].text) == 1
                                              or "." in toks[k - 1].text or toks[k - 1].low in NAME_SUFFIXES)
                  ) and not _plural_possessive(toks, k):
            break
        k -= 1
    a = k + 1
    while a <= j and (toks[a].low in _NP_LINKS or toks[a].low == "." or not toks[a].word
                      or (toks[a].low in r.ctx["stop_left"] and toks[a].low not in r.words.pronouns)):
        a += 1  # a link word, or a capitalised opener ("When asked ...", "If pressed ...")
    if a <= j and a >= 3 and toks[a - 1].low in {"to", "with"} and toks[a - 2].low in r.ctx["relation_adjectives"]:
        found = _np_left(r, toks, a - 3)  # "people close to Ann Lee say", "people familiar with the talks said"
        return (found[0], j) if found else None
    if a <= j and a >= 2 and toks[a - 1].low == "with" and toks[a - 2].low in r.ctx["with_heads"]:
        found = _np_left(r, toks, a - 2)  # "officials with the agency said", "a person with knowledge of it"
        return (found[0], j) if found else None
    return (a, j) if a <= j else None


def _finite_verb_in(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> int | None:
    """The first finite verb (``finite_verbs``) inside the noun phrase ``span`` after its first word, with no
    relative pronoun before it ("A neighbor who has lived here" has none), else None.

    >>> # "Investors had held high" -> "had"; "The mayors have in the past" -> "have"
    """
    for n in range(span[0] + 1, span[1] + 1):
        low = toks[n].low
        if low in _RELATIVES or low == "that":
            return None
        if low in r.ctx["finite_verbs"] and not toks[n].cap:  # not "Yin Myint May", "Will Rogers"
            return n
    return None


def _verb_follows(r: _Reader, toks: list[_Tok], n: int, end: int) -> bool:
    """Whether a verb follows the finite verb at ``n`` up to ``end``: a word in -ed, or two words that are no
    adverb, preposition, determiner or word of time. Then the phrase is a clause and the word after it is no verb
    of its own ("Investors had held high [hopes]"); otherwise the finite verb is the cue's own auxiliary before
    an adverbial ("The mayors have in the past [said]").
    """
    adverbs = r.ctx["aux_adverbs"] | r.ctx["time_words"]
    words = [t.low for t in toks[n + 1:end + 1] if t.word and t.low not in adverbs and not t.low.endswith("ly")]
    if words and words[0] in r.ctx["adjunct_preps"]:
        return False  # "The mayors have in recent years [said]": an adverbial, then the cue
    rest = [w for w in words if w not in r.ctx["adjunct_preps"] and w not in DETERMINERS]
    return len(rest) >= 2 or any(w.endswith("ed") for w in rest)


def _relative_head(r: _Reader, toks: list[_Tok], subject: tuple[int, int]) -> tuple[int, int]:
    """The subject a restrictive relative clause belongs to, when the noun phrase read left of a cue ends one:
    "The judges who ruled against [the law] said" -> "The judges", "A neighbor who [saw the fire] said" -> "A
    neighbor". ``subject`` is returned when no "who", "which" or "whose" stands within twelve words before it (with
    a verb between, and no punctuation, conjunction or subordinator: "Fans who waited were angry and the club
    said"), or no noun phrase precedes that pronoun.

    >>> # "Officials who spoke with the Post said" -> "Officials"; "Lee, whose aide said" is not read here
    """
    a = subject[0]
    k = next((n for n in range(a - 1, max(-1, a - 13), -1) if (not toks[n].word and toks[n].text != ".") or toks[n].quoted
              or toks[n].low in r.ctx["content_clause_openers"] or toks[n].low in r.ctx["clause_openers"]
              or toks[n].low in r.ctx["subordinators"]), None)  # "who ... in a year when voters cried", "... and the club"
    verb_read = toks[a].word and not toks[a].cap and toks[a].low not in DETERMINERS and toks[a].low not in r.words.pronouns
    if k is None or k < 1 or (k == a - 1 and not verb_read) or toks[k].low not in _RELATIVES or (
            toks[a].low in r.words.pronouns and toks[a].low not in _OBJECT_PRONOUNS):
        return subject  # "who Lee said", "..., he said", "who he thought"; but "A neighbor who [saw the fire] said"
    head = _np_left(r, toks, k - 1)
    return head if head is not None and toks[head[1]].low not in r.words.pronouns else subject


def _joined_people(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether the "and" at ``k`` joins two subjects for people: a plural person noun before it that opens its
    phrase (at the sentence start, after a comma, a quotation mark or a function word such as "where", past at most
    two modifiers): "Teachers and union officials said", "Local residents and the city council said"; not "laid off
    300 employees and the union said", "hurt farmers and economists warned".

    >>> # "Teachers and union officials said" at "and" -> True; "300 employees and the union said" -> False
    """
    if k < 1 or not toks[k - 1].low.endswith("s") or toks[k - 1].low not in r.words.person_nouns:
        return False
    start = k - 1
    while start > 0 and k - start <= 3 and toks[start - 1].word and toks[start - 1].low not in r.lex and (
            toks[start - 1].cap or toks[start - 1].low in DETERMINERS or toks[start - 1].low.endswith(("al", "ive", "ic"))):
        start -= 1
    return start == 0 or toks[start - 1].text in {",", '"', ":", "-"} or toks[start - 1].low in r.ctx["stop_left"]


def _paired_modifier(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether the "and" at ``k`` joins two modifiers that open a noun phrase: one lower-case word before it,
    after the sentence start, a comma, a quotation mark or a determiner ("current and former officials said").

    >>> # ", current and former officials said" -> True; "the bridge closed and officials said" -> False
    >>> # "the program and its oversight" -> False
    """
    if k < 1 or k + 2 >= len(toks) or not all(t.word and (not t.cap or n == k - 1 == 0) and t.low not in r.lex
                                              and t.low not in r.ctx["stop_left"] and t.low not in DETERMINERS
                                              for n, t in ((k - 1, toks[k - 1]), (k + 1, toks[k + 1]))):
        return False  # "the program and its oversight", "the inquiry and Democrats": a second noun phrase
    return k == 1 or toks[k - 2].text in {",", '"', ":", "-"} or toks[k - 2].low in DETERMINERS


def _which_names_a_source(r: _Reader, toks: list[_Tok], j: int) -> bool:
    """Whether a relative "which" at ``j`` stands for an organisation that can speak: it follows a comma after a
    noun phrase headed by an organisation word ("the Huffington Post, which said ...", "the agency, which said").

    >>> # "the Post, which said" -> True; "the bridge, which said" -> False
    """
    if j < 2 or toks[j - 1].text != "," or (j + 1 < len(toks) and toks[j + 1].low in r.ctx["be_forms"]):
        return False  # not "the ministry, which is expected to ..."
    head = _np_left(r, toks, j - 2)
    return head is not None and any(t.low in r.words.org_heads for t in toks[head[0]:head[1] + 1])


def _plural_possessive(toks: list[_Tok], k: int) -> bool:
    """Whether token ``k`` is the apostrophe of a plural possessive ("the farmers' union").

    >>> # "the farmers' union said" -> True at "'"; "'We won,' she said" -> False
    """
    return (toks[k].text == "'" and 0 < k < len(toks) - 1 and toks[k - 1].word and toks[k - 1].low.endswith("s")
            and toks[k - 1].end == toks[k].start and toks[k + 1].word and toks[k + 1].start == toks[k].end + 1)


def _links_noun_phrase(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether a word that usually ends a subject read leftwards is inside a noun phrase here:
    "that" as a determiner after a preposition, "by" after a document or evidence noun.

    >>> # "one of [that] report's authors", "a study [by] the city" -> True; "said [that]" -> False
    """
    low, prev = toks[k].low, toks[k - 1].low if k > 0 else ""
    if low == "that":
        return prev in _NP_LINKS and prev != "and"
    return low == "by" and (prev in r.words.evidence_nouns or prev in r.words.document_nouns)


def _np_right(r: _Reader, toks: list[_Tok], i: int, *, stop: frozenset = frozenset(),
              any_noun: bool = False) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at ``i``, read rightwards ("said [the senator from Ohio]").

    ``stop`` adds words that end it; unless ``any_noun``, the phrase must hold a name, a pronoun
    or a noun for people, organisations, documents or evidence.
    """
    k = i
    while k < len(toks) and k - i < 10:
        t = toks[k]
        if t.word:
            if (t.low in r.ctx["stop_right"] and not (t.cap and k > i)) or t.low in stop or (
                    t.low in WEEKDAYS_MONTHS and not (k > i and toks[k - 1].low in DETERMINERS)):
                break  # "said Monday"; but "a January 2016 study"
            if k > i and not t.cap and (t.low in r.lex or (t.low.endswith("ed") and t.low not in r.words.person_nouns)) \
                    and toks[k - 1].low not in DETERMINERS and toks[k - 1].low != "of":
                break  # a verb; but "an archived version", "the embattled mayor", "secretary of state"
            if k > i and (t.low in r.words.pronouns or t.low in DETERMINERS) and toks[k - 1].low not in {"of", "for"} and not (
                    t.low in DETERMINERS and toks[k - 1].low in DETERMINERS):
                break  # "told reporters it would close", "told reporters the vote ...": the content begins
        elif k > i and t.text == '"' and k + 2 < len(toks) and toks[k + 1].quoted and toks[k + 2].text == '"' \
                and len(toks[k + 1].text.split()) <= 6:
            k += 3  # a quoted title inside the phrase: 'the "Medicare for all" document'
            continue
        elif not (t.text == "." and k > i and (toks[k - 1].low in r.words.titles or len(toks[k - 1].text) == 1
                                               or "." in toks[k - 1].text)):
            break  # "Sen.", "J.", "F.A.A." keep their full stop
        k += 1
    b = k - 1
    while b >= i and toks[b].low in {"of", "for", "and", "the", "a", "an", "."}:
        b -= 1
    if b < i:
        return None
    if not any_noun and not any(_nominal(r, t) for t in toks[i:b + 1]):
        return None
    return i, b


def _nominal(r: _Reader, t: _Tok) -> bool:
    """Whether a token can head a speaker: a name, a pronoun, or a noun for people, organisations,
    documents or evidence ("the agency", "a spokesman", "the statement", "polls")."""
    return ((t.cap and t.low not in DETERMINERS and t.low not in r.ctx["stop_left"]) or t.low in r.words.person_nouns or t.low in r.words.pronouns or t.low in r.words.org_heads
            or t.low in r.words.evidence_nouns or t.low in r.words.document_nouns)


_RELATIVES = frozenset({"who", "which", "whose"})  # pronouns that open a relative clause between commas


def _appositive_subject(r: _Reader, toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """The subject before appositives, relative clauses or asides between commas, the last ending at ``comma``.

    Of several commas, the leftmost phrase that can be a subject wins ("Facebook built it, a
    spokeswoman, Ann Lee, said": "a spokeswoman").

    >>> # "Mo Elleithee, director of Georgetown's Institute of Politics, says ..." -> "Mo Elleithee"
    >>> # "Ann Lee, the county clerk, for example, said ..." -> "Ann Lee"
    >>> # "The governor, speaking to reporters in Albany, said ..." -> "The governor"
    """
    commas, k = [], comma
    while k >= 0 and toks[k].text == ",":
        j = _phrase_start(toks, k)
        if j > 0 and toks[j].text == ")":  # "Sen. Ann Lee (D-Ohio), a Democrat, said": the parenthesis is the name's
            j = _before_parenthesis(toks, j)
        relative = next((n for n in range(j + 1, k) if toks[n].low in _RELATIVES), k)
        aside = j + 1 < k and (toks[j + 1].low.endswith("ing") or toks[j + 1].low in _phrase_openers())
        # "The governor, speaking to reporters, said", "Lee, in the wake of a poll showing X, told"
        aside = aside or _continues_relative(r, toks, j, k)
        if j + 1 >= k or (not aside and _has_verb_cue(r, toks, j + 1, relative)):  # an -ing aside's cues are its own
            break  # a cue in a relative clause is the clause's ("a Republican who has been mentioned as ...")
        if _predicate_after_comma(r, toks, j):
            break  # a predicate, not an appositive: "Many countries, such as Chad, do not insure, said an expert"
        commas.append(k)
        if j < 1 or toks[j].text != ",":
            break
        k = j
    for k, nxt in reversed(list(zip(commas[1:], commas))):  # commas[0] is ``comma``: no appositive's subject before it
        subject = _subject_before(r, toks, k) or _named_description(r, toks, k, nxt)
        if subject is not None:
            return subject
    return None


def _predicate_after_comma(r: _Reader, toks: list[_Tok], comma: int) -> bool:
    """Whether a finite verb opens the phrase after ``comma``: the subject's predicate resumes after an
    aside ("Many countries, such as Chad, do not insure ..."), unless a relative clause before it is still
    going on ("Rubio, whose hometown, Miami, is ...").

    >>> # "Many countries, such as Chad, do not insure, said an expert" -> the phrase "do not insure" is no appositive
    """
    nxt = toks[comma + 1]
    return (comma >= 0 and toks[comma].text == "," and nxt.low in r.ctx["finite_verbs"] and not nxt.cap
            and not any(t.low in _RELATIVES for t in toks[:comma]))  # not "The manager, Will Still, said"


def _named_description(r: _Reader, toks: list[_Tok], comma: int, after: int) -> tuple[int, int] | None:
    """A description that a name between ``comma`` and ``after`` names, whatever its noun: '"Go," the assailant,
    John McGraw, told ...' -> "the assailant". It opens with a determiner after the sentence start, a quotation
    mark or a comma, and the name opens with a known given name (``data/lexicons/first_names.yaml``) or the
    description holds a person noun ("the county's chief planner, Priya Shah,").

    >>> # "the assailant, John McGraw," -> "the assailant"; "the bridge, Main Street," -> None (no given name)
    """
    subject = _np_left(r, toks, comma - 1)
    words = toks[comma + 1:after]
    if subject is None or toks[subject[0]].low not in DETERMINERS or len(words) < 2 or not all(t.cap for t in words):
        return None
    if (_finite_verb_in(r, toks, subject) or subject[1]) < subject[1]:
        return None  # "The plant has closed, Mark Evans, ...": a clause, not a description
    if subject[0] > 0 and toks[subject[0] - 1].text not in {",", '"'}:
        return None
    name = r.norm[words[0].start:words[-1].end]
    person = name.split()[0].lower() in given_names() or any(
        t.low in r.words.person_nouns for t in toks[subject[0]:subject[1] + 1])  # "the council's transport chief, Priya Shah,"
    return subject if person and len(name_words(name)) >= 2 else None


def _continues_relative(r: _Reader, toks: list[_Tok], j: int, k: int) -> bool:
    """Whether the phrase between commas ``j`` and ``k`` goes on with a relative clause opened before it: a
    relative pronoun comes earlier and each cue word in the phrase is an infinitive ("Lee, who flew to Columbus,
    Ohio, on Friday to announce the rules, said"); a finite cue is a clause of its own ("The company, which has
    500 staff, plans to hire more, its chief, Ann Lee, said").

    >>> # ", on Friday to announce the rules," after "who flew to Columbus" -> True; ", plans to hire more," -> False
    """
    if not any(t.low in _RELATIVES for t in toks[:j]):
        return False
    return all(toks[n - 1].low == "to" for n in range(max(j + 1, 1), k) if toks[n].low in r.lex and not toks[n].cap)


def _person_head(r: _Reader, t: _Tok) -> bool:
    """Whether ``t`` heads a description of a person: a lower-case person noun or title ("the Celtic manager",
    "now the Senate majority leader"), so that capitalised words before it do not make the phrase a name."""
    return not t.cap and (t.low in r.words.person_nouns or t.low in r.words.titles)


def _appositive_name(r: _Reader, toks: list[_Tok], subject: tuple[int, int], comma: int) -> tuple[int, int] | None:
    """The name in an appositive after a description subject: "a spokeswoman, Ann Lee, said" -> "Ann Lee"
    (the capitalised words that open the appositive, two or more and a person's). None when the subject
    is a name itself or the appositive opens with no name ("The governor, speaking in Albany, said")."""
    first = next((t for t in toks[subject[0]:subject[1] + 1] if t.low not in DETERMINERS and not t.low.endswith("'s")
                  and t.low not in r.ctx["quantity_words"] and t.low not in r.ctx["singular_quantity_words"]), None)
    start = subject[1] + 2
    head = toks[subject[1]]
    described = _person_head(r, head)
    if first is None or (first.cap and not described) or start > comma or toks[start - 1].text != ",":
        return None  # but "Nasa's administrator, Bill Nelson,": a possessor's description; "the Celtic manager"
    link = next((k for k in range(subject[1] - 1, subject[0], -1) if toks[k].low in {"for", "to"}), None)
    if link is not None and any(t.low in r.words.titles or (t.low in r.words.person_nouns and not t.low.endswith("s"))
                                for t in toks[link + 1:subject[1] + 1]):  # but "a lawyer for the outlets, Ann Lee,"
        return None  # "a spokesman for the prime minister, Rishi Sunak,": the name is the prime minister's; but
        # "A friend of the victim, Sarah Kerr," is the friend
    end = start
    while end + 1 < comma and (toks[end + 1].cap or toks[end + 1].text == "."):
        end += 1
    name = r.norm[toks[start].start:toks[end].end]
    words = name_words(name)
    given = len(words) == 1 and words[0].lower() in given_names()  # "Her mother, Susan, 58, said"
    return (start, end) if toks[start].cap and (len(words) >= 2 or given) and kind_of(name) == "person" else None


def _name_speaks(r: _Reader, toks: list[_Tok], att: _Att, named: tuple[int, int]) -> None:
    """Make the name in tokens ``named`` (an appositive's, :func:`_appositive_name`) the speaker of ``att``."""
    att.speaker = r.last_speaker = _resolve(r, r.norm[toks[named[0]].start:toks[named[1]].end], toks[named[0]].start)


def _before_parenthesis(toks: list[_Tok], close: int) -> int:
    """The index of the last comma, quotation mark or clause mark before the parenthesis that ends at
    ``close``, or ``close`` itself when the parenthesis does not open within eight tokens.

    >>> # "Sen. Ann Lee (D-Ohio), a Democrat, said" at ")" -> -1 (the sentence start)
    """
    opening = next((n for n in range(close - 1, max(-1, close - 8), -1) if toks[n].text == "("), None)
    return close if opening is None else _phrase_start(toks, opening)


def _phrase_start(toks: list[_Tok], end: int) -> int:
    """The index of the comma, quotation mark, parenthesis or clause mark before the phrase that ends just
    before ``end`` (-1 at the sentence start), looking back at most 23 tokens."""
    j = end - 1
    while j >= 0 and toks[j].text not in {",", '"', ";", "(", ")", ":"} and end - j < 24:
        j -= 1
    return j


def _short_organisation(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> bool:
    """Whether a noun phrase is a determiner and at most two words ending in an organisation noun ("the
    council" in "In Leeds, the council, a Labour authority, said"; not "the dam held firm").

    >>> # "the city council" -> True; "the dam held firm" -> False
    """
    return span[1] - span[0] <= 2 and toks[span[0]].low in DETERMINERS and toks[span[1]].low in r.words.org_heads


def _subject_before(r: _Reader, toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """The noun phrase ending just before ``comma`` when it can be a subject: it holds a name, pronoun
    or person noun and opens the sentence or follows a comma, quotation mark or clause opener.

    >>> # "Turnout fell, a spokeswoman, Ann Lee, said" at the comma after "spokeswoman" -> "a spokeswoman"
    >>> # "Among likely voters, ..." at the comma after "voters" -> None ("Among" opens no subject); "Well, ..." -> None
    """
    subject = _np_left(r, toks, comma - 1)
    subject = _relative_head(r, toks, subject) if subject is not None else None  # "voters who heard him speak, ..."
    if subject is None or not any(t.cap or t.low in r.words.pronouns or t.low in r.words.person_nouns
                                  for t in toks[subject[0]:subject[1] + 1]) and not _short_organisation(
                                      r, toks, subject):  # "In Leeds, the council, a Labour authority, said"
        return None
    end = subject[1]
    if (_finite_verb_in(r, toks, subject) or end) < end or (end > subject[0] and _ly_adverb(r, toks[end]) and (
            toks[end - 1].low not in DETERMINERS and toks[end - 1].low not in _NP_LINKS)):  # not "for the elderly"
        return None  # "Taxes will rise, Ann Lee, a nurse, said", "Taxes rose sharply, ...": a clause, not a subject;
        # but "Polls have, in fact, shown"
    if subject[0] == subject[1] and toks[subject[0]].low in r.ctx["interjections"]:
        return None  # "Well, if you read closely, Lee was saying ..."
    if toks[subject[0]].low.endswith("ing") and subject[0] < subject[1] and not toks[subject[0] + 1].cap and (
            subject[0] == _after_dateline(toks)):
        return None  # "Speaking on Tuesday, the coach, Pep Guardiola, said": an opening participle phrase
    if subject[0] == _after_dateline(toks) and _place_opener(r, toks, subject[0]):
        return None  # "Back in Leeds, the council, a Labour authority, said"
    if all(t.low in r.ctx["time_words"] or t.low in WEEKDAYS_MONTHS or _ly_adverb(r, t._replace(text=t.low))
           for t in toks[subject[0]:subject[1] + 1]):
        return None  # "Last year, Tom Hughes, the county's highways chief, said", "Sadly, Ann Lee, ..."
    opener = toks[0].low
    name_after_as = opener == "as" and all(t.cap or t.text == "." for t in toks[subject[0]:subject[1] + 1])
    if subject[0] == 0 or (subject[0] == 1 and (opener not in _phrase_openers() or name_after_as
                                                or opener in r.ctx["clause_subordinators"])):
        return subject  # "Ann Lee, ...", "Even the hawks, ...", "When Ann Lee, ...", "As Ann Lee, a nurse, noted";
        # not "Among voters, ...", "As a senator, ..."
    before = toks[subject[0] - 1]
    if before.text not in {",", '"', ";", ":", "-"} and before.low not in r.ctx["clause_openers"] and (
            before.low not in r.ctx["clause_subordinators"] and before.low not in {"after", "before", "since", "until"}):
        return None  # but "two days after the Post, which ..., said"
    return subject


def _has_verb_cue(r: _Reader, toks: list[_Tok], a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` (exclusive) hold a lexicon word that can be a verb there: not
    capitalised and not after a determiner ("one of the states suing" holds none).

    >>> # "one of the states suing the agency", "a swing state", "director of state parks" -> False
    >>> # "a former state legislator who" -> False; "she said" -> True
    """
    return any(toks[k].low in r.lex and not toks[k].cap and toks[k - 1].low not in DETERMINERS
               and toks[k - 1].low not in _NP_LINKS and r.lex[toks[k].low].subject != "linked"  # an adjective
               and not (r.lex[toks[k].low].noun_too and toks[k - 2].low in DETERMINERS)
               and not (k + 1 < len(toks) and toks[k + 1].low in r.words.person_nouns)  # "former state legislator"
               and not (r.lex[toks[k].low].needs and (k + 1 >= b or toks[k + 1].low not in r.lex[toks[k].low].needs))
               for k in range(max(a, 2), b))  # "The charity, recognized for its work, said": it needs a clause


def _names_a_thing(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether a naming participle gives a thing its name ("joined a group called Citizens for Lee", "built an
    app dubbed "Ferry""): it follows an indefinite noun phrase ("a"/"an" and up to three lower-case words, none
    naming a person) that a word opens no clause before, and comes before a name or a quotation. A subject keeps
    the cue: "The union called Lee a liar", "A federal judge called Lee a threat", "a decision the government
    called "final"", unless a verb follows the name (:func:`_subject_named`).

    >>> # naming: "a website called Real News"; cue: "the club called Lee a fraud", "a spokesman called Lee"
    """
    if toks[i].low not in r.ctx["naming_participles"] or i < 2 or i + 1 >= len(toks):
        return False
    article = next((k for k in range(i - 2, max(-1, i - 5), -1) if toks[k].low in {"a", "an"}), None)
    if article is None or any(not t.word or t.cap or t.low in DETERMINERS or t.low in r.words.person_nouns
                              for t in toks[article + 1:i]):
        return False  # not an indefinite noun phrase of lower-case words that name no person
    if article == 0 or not toks[article - 1].word or toks[article - 1].cap:
        return _subject_named(r, toks, i)  # the clause's subject: "A federal judge called Lee a threat"
    nxt = toks[i + 2] if toks[i + 1].low == "the" and i + 2 < len(toks) else toks[i + 1]
    return (nxt.cap and not nxt.low.endswith(("'s", "’s"))) or nxt.text == '"'


def _subject_named(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether the naming participle at ``i`` names an indefinite subject, an auxiliary or a form of "be" coming
    right after the name: "A group called Citizens for Lee is ...", "A company called Harmony has given". Limits:
    other verbs are not recognised ("A company called Harmony gave $5,000" stays a cue), since an adjective may
    follow a name too ("A judge called Lee dishonest").

    >>> # "A group called Citizens for Lee is" -> True; "A judge called Ann Lee a liar" -> False
    """
    k = i + 1
    while k < len(toks) and (toks[k].cap or toks[k].low in {"for", "of", "&", "and"} and k + 1 < len(toks)
                             and toks[k + 1].cap):
        k += 1
    return i + 1 < k < len(toks) and toks[k].low in r.ctx["finite_verbs"] and not toks[k - 1].low.endswith(("'s", "’s"))


def _verb_after(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether a verb follows token ``k`` in the sentence (an auxiliary, a cue word, an -ed form or an -s form after
    its first word): "that" before it may open a clause ("ruled that the contract was void"), else it is a
    determiner ("ruled that empire with an iron fist").

    >>> # "the contract was void" -> True; "empire with an iron fist" -> False
    """
    return any(t.low in r.ctx["finite_verbs"] or t.low in r.lex or (t.low.endswith("ed") and len(t.low) > 3) or (
        n > k and t.low.endswith("s") and not t.low.endswith(("ss", "'s")) and t.word and not t.cap)
        for n, t in enumerate(toks[k:k + 16], k) if t.word)  # a clause's verb comes within a few words


def _modifier(r: _Reader, t: _Tok) -> bool:
    """Whether ``t``, after an article that opens a sentence, reads as an adjective before an -ing noun ("A red
    warning means", "A stern warning"), not a noun the -ing word describes ("A letter warning", "A man saying",
    "A poll showing"). Inside a sentence an -ing word after an object is a participle ("traveled the globe
    pushing X"), so only the sentence's opening is read so."""
    w = r.words
    return t.word and not t.cap and not t.quoted and not t.low.endswith("ly") and t.low not in r.lex and not (
        t.low in w.person_nouns or t.low in w.document_nouns or t.low in w.evidence_nouns or t.low in w.org_heads
        or t.low in w.work_nouns or t.low.endswith("s"))


def _is_cue(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether the lexicon word at ``i`` is used as a verb of attribution here (not a noun, passive or adverbial).

    >>> # cue: "Officials said", "the report states that", "many said"
    >>> # not: "battleground states", "was reported", "for saying so", "many claims"
    """
    t = toks[i]
    cue = r.lex[t.low]
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if t.quoted or t.cap and i > 0 and t.low not in {"said", "says"} and not _title_case(toks):
        return False  # "the Claims Court"; but a headline's "Widow Defends Trump"
    if cue.needs and (nxt is None or nxt.low not in cue.needs) and not (
            nxt is not None and nxt.low in {"not", "never"} and i + 2 < len(toks) and toks[i + 2].low in cue.needs):
        return False  # "seems not to have", "declined to"
    if cue.needs and nxt is not None and nxt.low == "that" and not _verb_after(r, toks, i + 2):
        return False  # "ruled that empire", "knew that man": a determiner, no clause
    if nxt is not None and nxt.low in cue.unless and not any(t.quoted for t in toks[i + 2:i + 5]):
        return False  # "called it quits", but 'called it "shameful"': a quoted label makes it a cue
    if nxt is not None and nxt.low in _OBJECT_PRONOUNS | {"it", "you", "that"} and i + 2 < len(toks) and \
            toks[i + 2].low in cue.unless and toks[i + 2].low in r.ctx["verb_particles"]:
        return False  # a particle after an object pronoun: "ripped them away", "ripping you off", "ripped that off"
    if cue.lemma in r.ctx["name_object_lemmas"] and not _names_next(r, toks, i):
        return False  # "Sanders ripped Clinton" criticises; "the storm ripped the roof off" does not
    if _names_a_thing(r, toks, i):
        return False  # "a group called Citizens for Lee"
    if t.low.endswith("ed") and i >= 3 and prev in r.words.document_nouns and toks[i - 2].low in DETERMINERS and (
            toks[i - 3].low in {"in", "on", "via", "through", "with"}):
        return False  # "said in a statement posted on its website": a participle after a preposition's object
    counted = not cue.noun_too and (  # "five said", "many say", "another says": the number is the subject
        prev in r.ctx["quantity_words"] and not t.low.endswith("s")  # "two terms" is a plural noun
        or prev in r.ctx["singular_quantity_words"] and t.low.endswith("s"))
    adverb = prev in r.ctx["aux_adverbs"] and prev != "'s" and t.low.endswith("ed")  # "The Times later reported"
    marker = prev in r.ctx["noun_markers"] and not adverb and (cue.noun_too or not (
        _source_noun(r, prev) or prev in r.ctx["aux_adverbs"]))  # "a labor official said", "Lee first said"
    object_her = prev == "her" and i > 1 and toks[i - 2].low in r.ctx["postmodifier_preps"] and not cue.noun_too
    # "People close to her say"; but "Critics of her claims said": a cue that is also a noun is her noun
    if (marker and not object_her and (cue.noun_too or not t.low.endswith("ed")) or (prev in DETERMINERS and not object_her)
            or (prev == "to" and t.low == cue.lemma and _aspect_verb(r, toks, i - 1) is None)) and not counted:
        return False  # "the report", "new claims"; an -ed form after an adjective is still a verb
    if t.low.endswith("ing") and prev in r.ctx["ing_preps"]:
        return False
    if t.low.endswith("ing") and i >= 2 and toks[i - 2].low in {"a", "an", "the"} and _modifier(r, toks[i - 1]) and (
            i - 2 == _after_dateline(toks)):
        return False  # "A red warning means ...": a noun after an adjective opens the sentence; but "A letter warning"
    if _linking_verb(r, toks, i) is not None:
        return True  # "Lee is convinced that": a belief, not a passive
    if cue.subject == "linked":
        return False  # "came away convinced that": an adjective cue needs its linking verb
    j = _skip_aux_left(r, toks, i - 1)
    if j >= 0 and toks[j].low in r.ctx["be_forms"] and not t.low.endswith("ing") and t.low != cue.lemma:
        return False  # passive: "was reported", "were told"
    if nxt is not None and nxt.low == "by" and not t.low.endswith(("s", "ing")) and not (
            i + 2 < len(toks) and toks[i + 2].low in r.ctx["means_nouns"]):
        return False  # "was reported by the agency"; but "said by telephone"
    if cue.noun_too and t.low != cue.lemma + "ed" and not t.low.endswith(("ed", "ing")):
        b = _past_adverbs(r, toks, i - 1)  # "Mrs. Clinton regularly pledges to", "Polls respectively show"
        source_noun = _agrees_with_source_noun(r, toks[b].low, t.low, cue.lemma) or _evidence_subject(r, toks, i)
        subject_before = (toks[b].low in r.words.pronouns or source_noun or _aspect_verb(r, toks, i - 1) is not None or (
            toks[b].cap and t.low != cue.lemma and (b > 0 or toks[b].low in r.mentions.full_names))  # "Obama plans to"
            or (prev == "," and _appositive_subject(r, toks, i - 1) is not None))  # "A poll, taken in May, shows"
        if prev[:1].isdigit() or prev in r.ctx["quantity_words"] or (
                i > 1 and toks[i - 2].low in DETERMINERS and not source_noun):
            return False  # "nine states", "all reports", "a strong signal that"; but "the mayor claims", "the polls show"
        if prev in r.lex and not toks[i - 1].cap and (prev.endswith("ed") or not r.lex[prev].noun_too) and not (
                i > 1 and (toks[i - 2].low in DETERMINERS or toks[i - 2].low.endswith("ed"))):
            return False  # "denied claims that", "said reports of": the object of the verb before; not "the report
            # claims", "The revised forecast shows"
        return nxt is None or nxt.low == "that" or nxt.text in {'"', "."} or subject_before
    return True


def _past_adverbs(r: _Reader, toks: list[_Tok], j: int) -> int:
    """The index of the word at or before ``j`` past the adverbs there ("also", "regularly"), but not past the
    first word, an auxiliary, a possessive "'s" or a quantifier.

    >>> # "Mrs. Clinton regularly pledges" from "regularly" -> the index of "Clinton"; "Lee's claims" from "'s" -> "'s"
    """
    while j > 0 and not toks[j].cap and (_ly_adverb(r, toks[j]) or (
            toks[j].low in r.ctx["aux_adverbs"] and toks[j].low not in r.ctx["finite_verbs"]
            and toks[j].low not in _NOT_ADVERBS)):
        j -= 1
    return j


_NOT_ADVERBS = frozenset({"'s", "all", "both", "each", "only", "first", "herself", "himself", "themselves", "itself"})


def _linking_verb(r: _Reader, toks: list[_Tok], i: int) -> int | None:
    """Index of the linking verb before a belief adjective (``subject=linked`` in the cue list) or one of
    ``adjectival_participles`` before "that" ("Lee is convinced that", "officials remain hopeful that", "they are
    now more worried that"), or None; never after "it", "there" or a relative pronoun ("It is hoped that" names no
    one who hopes; "Parents who are worried that ..." would run into the main clause), nor before a relative "that"
    and a verb ("A ruling is expected that could ...").

    >>> # "The mayor is convinced that ..." -> the index of "is"; "He convinced them that ..." -> None
    """
    t = toks[i]
    if (r.lex[t.low].subject != "linked" and t.low not in r.ctx["adjectival_participles"]) or i + 2 >= len(toks) \
            or toks[i + 1].low != "that" or toks[i + 2].low in r.ctx["finite_verbs"]:
        return None  # not "Cuts are expected that will hit ...": a relative clause
    j = i - 1
    while j >= 0 and (toks[j].low in r.ctx["degree_words"] or toks[j].low in r.ctx["aux_adverbs"]
                      or (toks[j].low.endswith("ly") and not toks[j].cap)):
        j -= 1
    if j < 1 or toks[j].low not in r.ctx["linking_verbs"] or toks[j].low == "be":
        return None  # "if he can be convinced that": someone would convince him
    subject = _skip_aux_left(r, toks, j - 1)
    return j if subject >= 0 and toks[subject].word and toks[subject].low not in {"it", "there"} | _RELATIVES else None


def _names_next(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether a capitalised word follows the cue at ``i``, directly or after "into" ("ripped Clinton", "ripped into
    Sanders"), in a sentence that is not in title case (where every word is capitalised).

    >>> # "The union ripped Mayor Lee" -> True; "The storm ripped the roof off" -> False
    """
    k = i + 1 + (i + 1 < len(toks) and toks[i + 1].low == "into")
    return k < len(toks) and toks[k].cap and toks[k].word and (
        not _title_case(toks) or toks[k].low not in r.ctx["title_case_function_words"])


def _title_case(toks: list[_Tok]) -> bool:
    """Whether a sentence is a headline in title case: at least three words of four letters or more, all
    capitalised outside quotation marks.

    >>> # "Benghazi Widow Defends Trump Amid Controversy" -> True; "The widow defends Trump" -> False
    """
    long = [t for t in toks if t.word and not t.quoted and len(t.text) > 3]
    return len(long) >= 3 and all(t.cap for t in long)


def _evidence_subject(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether an evidence cue at ``i`` ("show", "find") has a poll, study or document as its subject a few
    words back in the same clause ("Polls in New Hampshire show", "A survey of voters aged 18 to 35 shows").

    >>> # "Polls there show Trump ahead" -> True; "a show of force" -> False
    """
    return r.lex[toks[i].low].act == "evidence" and _evidence_noun_before(r, toks, i) is not None


def _evidence_noun_before(r: _Reader, toks: list[_Tok], i: int) -> int | None:
    """The index of the nearest poll, study or document noun within eight words before ``i`` in its clause."""
    for k in range(i - 1, max(-1, i - 9), -1):
        if not toks[k].word or toks[k].low in {"that", "which", "who"}:
            return None
        if toks[k].low in r.words.evidence_nouns or toks[k].low in r.words.document_nouns:
            return k
    return None


def _evidence_phrase(r: _Reader, toks: list[_Tok], k: int, subject: tuple[int, int] | None) -> tuple[int, int] | None:
    """An evidence cue's subject reaches back to the poll or study it names ("[Polls in New Hampshire] show").

    >>> # "Polls there show" at "there" -> "Polls there"; "A survey of voters aged 18 to 35 shows" -> the whole phrase
    """
    noun = _evidence_noun_before(r, toks, k + 1)
    if noun is None or (subject is not None and subject[0] <= noun):
        return subject
    found = _np_left(r, toks, noun)
    return (found[0], k) if found is not None else subject


def _agrees_with_source_noun(r: _Reader, noun: str, verb: str, lemma: str) -> bool:
    """Whether ``noun`` + ``verb`` reads as a source and its verb: a noun that can be a source (a person,
    an organisation, a poll or a document) and a verb form that agrees with it.

    >>> # yes: "the mayor claims", "the survey shows", "the polls show"
    >>> # no: "a strong signal", "the campaign promise" (singular noun, base form: a compound noun)
    """
    if not _source_noun(r, noun):
        return False
    return verb != lemma or noun.endswith("s")


_HEARER_STOP = frozenset({"of", "for", "about", "over", "on", "to", "whether", "if", "why", "how", "what", "when"})


def _hearer(r: _Reader, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The hearer starting at token ``i`` after a cue that takes one ("told [reporters] that", "told [him]"), as a
    token span, or None ("told that ...", "urged to ...").

    >>> # "told the board on Friday that" at "the" -> the span of "the board"
    """
    if i >= len(toks) or not toks[i].word or toks[i].low in {"that", "to"}:
        return None
    return _np_right(r, toks, i, stop=_HEARER_STOP, any_noun=True) or (
        (i, i) if toks[i].low in {"him", "her", "them", "me", "us", "reporters"} else None)


def _hearer_to(r: _Reader, toks: list[_Tok], i: int) -> int | None:
    """The "that" after a hearer named with "to" at token ``i`` ("complained to the board that ..."), or None.

    The hearer is a noun phrase (a determiner, a name or an object pronoun first, no verb); a "that" followed by
    a verb opens a relative clause ("agreed to a deal that ends the strike"), not what was said.

    >>> # "wrote to the council that the road was unsafe" at "to" -> the index of "that"
    """
    n = len(toks)
    if i + 3 >= n or toks[i].low != "to" or not (toks[i + 1].low in DETERMINERS or toks[i + 1].cap or toks[i + 1].low in (
            _OBJECT_PRONOUNS | {"reporters"})):
        return None
    for k in range(i + 2, min(n - 1, i + 9)):
        t = toks[k]
        if t.low == "that":
            nxt = toks[k + 1]
            verb = nxt.low in r.ctx["finite_verbs"] or nxt.low in r.lex or (nxt.low.endswith("ed") and len(nxt.low) > 4)
            return None if verb or not nxt.word else k
        if not t.word or t.low in r.ctx["finite_verbs"] or t.low in r.lex:
            return None
    return None


def _content_start(r: _Reader, toks: list[_Tok], i: int, audience: bool) -> int | None:
    """Where the content begins after a cue ending before token ``i``, or None when nothing follows.

    Skips a hearer ("told reporters"), time words ("on Tuesday") and adjuncts that lead to
    "that" or a colon ("said in a statement that").

    The content keeps "that" ("said on Monday that taxes would rise" -> "that taxes would rise"),
    and a hearer who is asked or urged to act ("urged voters to stay home").
    """
    n = len(toks)
    hearer = i
    obj = _hearer(r, toks, i) if audience else None
    if obj:
        i = obj[1] + 1
    if i + 1 < n and toks[i].low == "on" and toks[i + 1].low in WEEKDAYS_MONTHS:
        i += 2  # "told the board on Friday that ...": a date, not what was told about
    if audience and i < n and toks[i].low in {"of", "for", "about", "over", "on"}:
        that = next((k for k in range(i + 1, min(n, i + 7)) if toks[k].low == "that" or not toks[k].word
                     or toks[k].low in r.ctx["finite_verbs"]), None)
        if that is not None and toks[that].low == "that" and toks[i].low in {"for", "on"}:
            return that  # "told reporters for the first time that ...": an adjunct before the clause
        return i + 1 if i + 1 < n else None  # "asked the mayor about the bridge"
    if audience and i < n and toks[i].low == "to":
        return hearer if i + 1 < n else None  # "urged voters to stay home"
    if audience and i < n and toks[i].low in {"whether", "if", "why", "how", "what", "when"}:
        return i if i + 1 < n else None  # "asked her whether she would run"
    while i < n and (toks[i].low in r.ctx["time_words"] or toks[i].low in WEEKDAYS_MONTHS
                     or (toks[i].low.endswith("ly") and not toks[i].cap and len(toks[i].low) > 4)):
        i += 1
    if i + 1 < n and toks[i].low == "at" and toks[i + 1].low in {"least", "most"}:
        return i  # "said at least six people died": a number, not an adjunct
    if i + 3 < n and toks[i].text == "," and toks[i + 2].text == "," and toks[i + 1].word and not toks[i + 1].cap and (
            toks[i + 3].low == "that"):
        i += 3  # "said, however, that", "said, twice, that"
    told = _hearer_to(r, toks, i) if not audience else None
    if told is not None:
        return told  # "joked to the host that ...": the hearer is not what was said
    if i < n and toks[i].low in r.ctx["adjunct_preps"] and toks[i].low != "to":
        ahead = next((k for k in range(i, min(n, i + 14)) if toks[k].low == "that" or not toks[k].word
                      or (k > i and toks[k].low in r.lex and not toks[k].cap and _is_cue(r, toks, k))), None)  # "... but added, '...'": not ours
        if (ahead is not None and ahead + 3 < n and toks[ahead].text == '"' and toks[ahead + 1].quoted
                and len(toks[ahead + 1].text.split()) <= 4 and toks[ahead + 1].text[:1].isupper()
                and toks[ahead + 2].text == '"' and toks[ahead + 3].low == "that"):
            ahead += 3  # 'said on the show "Morning Joe" that ...': the title is part of the adjunct
        if ahead is None or not (toks[ahead].low == "that" or toks[ahead].text in {":", '"'} or (
                toks[ahead].text == "," and ahead + 1 < n and toks[ahead + 1].text == '"')):
            return None
        if (toks[ahead].text == '"' and toks[ahead - 1].low.endswith("'s") and ahead + 1 < n and toks[ahead + 1].quoted
                and len(toks[ahead + 1].text.split()) <= 4):
            return None  # 'said on MSNBC's "Morning Joe."': a title, not what was said
        if (toks[ahead].text == "," and ahead + 3 == n - 1 and toks[ahead + 2].quoted and toks[n - 1].text == '"'
                and _title_like(toks[ahead + 2].text, least=2)):
            return None  # 'said in his 2012 book, "A Long Road."': a title ends the sentence
        i = ahead
    if i < n and toks[i].text == "," and i + 1 < n and toks[i + 1].text == '"':
        return i + 1
    i = _past_dash_aside(toks, i)  # "said Tuesday - speaking at a conference - that ..."
    if i < n and toks[i].text == ":":
        i += 1
    if i + 1 < n and toks[i].low == "that" and toks[i + 1].word:
        if toks[i + 1].low in r.ctx["verb_particles"] and (i + 2 >= n or not toks[i + 2].word):
            return None  # "ruled that out": a pronoun object and a particle, no clause
        return i
    if i >= n or toks[i].text in {".", ",", ";", "!", "?", ")", "-"}:
        return None  # "A, allies believe - backers she will need": an aside after a dash is no content
    if not any(t.word for t in toks[i:]):
        return None
    return i


def _content_left(r: _Reader, toks: list[_Tok], first: int, floor: int, *, least: int = 2) -> tuple[int, int] | None:
    """Offsets of the content before the attribution that starts at token ``first``
    ('"We will win," Smith said' -> 'We will win'); ``floor`` is where an earlier attribution ended.

    When the attribution opens its sentence, the content is the quotation that closes the
    sentence before it ('"Why now?" she asked.', which sentence splitting cuts in two).
    """
    b = first - 1
    while b >= 0 and toks[b].text in {",", '"', "-", ":"}:
        b -= 1
    if b < 0:
        return _quote_before(r, toks[0].start) if toks else None
    a = _dateline_end(toks) if toks[0].start >= floor else 0  # "LONDON (Reuters) - A grew, data showed": A
    while a <= b and toks[a].start < floor:
        a += 1
    quoted = b >= a and toks[b].quoted
    if b < a or _n_words(toks[a:b + 1], enough=least) < (1 if quoted else least):
        return None  # '"Really," she said' has a content; 'So, she said' has none
    return toks[a].start, toks[b].end


def _quote_before(r: _Reader, pos: int) -> tuple[int, int] | None:
    """The quotation whose closing mark ends just before ``pos`` in the same paragraph, if any."""
    i = bisect_right(r._span_starts, pos) - 1
    if i < 0:
        return None
    start, end, _ = r.spans[i]
    gap = r.norm[end:pos]
    return (start, end) if end < pos and gap.startswith('"') and not gap[1:].strip(" ,") else None


def _continues_after(toks: list[_Tok], last: int, *, clause: bool = True) -> int | None:
    """Where the content goes on after an attribution that interrupts it, else None:
    a split quotation ('"A," he said, "B."') or, when ``clause``, a clause ('The plan, she said, is dead.').

    An inverted attribution is followed by appositives ('..., said Ann Lee, 25, a nurse'), not clauses.
    """
    k = last + 1
    while k < len(toks) and toks[k].word and k - last < 8:
        k += 1
    if k + 1 >= len(toks) or toks[k].text not in {",", ":"}:
        return None
    nxt = toks[k + 1]
    if nxt.text == '"' or (nxt.text == "'" and k + 2 < len(toks) and toks[k + 2].word):
        return k + 1  # also a single mark: "‘A,’ he said, ‘B.’"
    goes_on = (clause and nxt.word and not nxt.text[0].isdigit()
               and nxt.low not in {"who", "which", "whose", "whom"} and not nxt.low.endswith("ing"))
    return k + 1 if goes_on and _n_words(toks[k + 1:], enough=2) >= 2 else None


def _quotation_resumes(r: _Reader, toks: list[_Tok], last: int) -> int | None:
    """Where a quotation interrupted by an attribution resumes after a short aside: a participle or
    adjunct closed by a comma, or a conjunction ('"A," he said during a rally in Ohio, "B."',
    '"A," she said, but "B."'). None when the aside holds a verb of its own or a cue (another attribution).

    >>> # '"We are ready," the coach said, pointing at the field, "for anything."' -> the second quotation
    """
    k = last + 1
    while k < len(toks) and k - last <= 14 and toks[k].text != '"':
        t = toks[k]
        if t.quoted or t.text in {".", ";", "!", "?"} and not (k > 0 and "." in toks[k - 1].text) or (
                t.low in r.ctx["finite_verbs"] or t.low in r.lex):
            return None
        k += 1
    if k + 1 >= len(toks) or toks[k].text != '"' or not toks[k + 1].quoted or k == last + 1:
        return None
    before = toks[k - 1]
    joined = before.text == "," or before.low in r.ctx["clause_openers"] or (
        k - 2 > last and toks[k - 2].low in r.ctx["clause_openers"] and toks[k - 2].low != "because")
    own_cue = any(t.low in r.lex or t.low == "according" for t in toks[k + 2:k + 6])  # '..., "B," said Kunin'
    return k if joined and not own_cue else None


# ---------------------------------------------------------------- constructions (one function each)


def _verb_cue(r: _Reader, toks: list[_Tok], i: int, found: list[_Att], floor: int) -> _Att | None:
    """Read a verb cue at token ``i`` with the construction its neighbours call for."""
    att = _verb_construction(r, toks, i, found, floor)
    if att is not None and r.lex[toks[i].low].subject == "document" and not _names_document(r, att):
        return None
    return att


_PREPOSITION_RE = re.compile(r" (?:on|in|at|from|by|with|outside|inside) ")


def _names_document(r: _Reader, att: _Att) -> bool:
    """Whether a cue's subject is a document or a sign: it holds a document noun before any preposition
    but "of" ("a message on the website", "a Ministry of Defense statement"), or it is "it" and the content
    a quotation ('"Still here," it read.').

    >>> r = _Reader('"Hi," it read.', '"Hi," it read.', [(1, 4, True)])
    >>> [_names_document(r, _Att("read", 10, 14, "speech", m, q_start=0, q_end=4)) for m in ("A message on the site", "The senator", "it")]
    [True, False, True]
    """
    mention = att.mention.lower()
    if mention == "it":
        return _quotes(r, att)
    return any(w in r.words.document_nouns for w in _PREPOSITION_RE.split(mention, maxsplit=1)[0].split())


_PARTICLES = frozenset({"of", "about", "out", "to", "for", "on", "up"})  # "spoke of", "pointed out", "seemed to"


def _verb_construction(r: _Reader, toks: list[_Tok], i: int, found: list[_Att], floor: int) -> _Att | None:
    """The construction that fits a verb cue at token ``i``."""
    cue = r.lex[toks[i].low]
    particles = (cue.needs & _PARTICLES) | ({"for", "on"} if cue.lemma == "call" else set())
    if cue.lemma in r.ctx["infinitive_lemmas"] and i + 2 < len(toks) and toks[i + 2].word:
        particles = particles - {"to"}  # "declined to comment": "to comment" is the content; not "declined to."
    last = i + 1 if i + 1 < len(toks) and toks[i + 1].low in particles else i
    att = _Att(r.text[toks[i].start:toks[last].end], toks[i].start, toks[last].end, cue.act)
    if cue.lemma == "quote":
        return _quoted_as_saying(r, toks, i, att)
    linking = _linking_verb(r, toks, i)
    k = _skip_aux_left(r, toks, (i if linking is None else linking) - 1)  # "Lee is convinced that": Lee
    titled = _title_comma(toks, k)
    if titled is not None:  # 'Lee, author of "A Long Road," said': the title is one word of the appositive
        return _verb_construction(r, titled, i - 1, found, floor)
    if k < 0 < i and toks[0].low in {"both", "all", "each"} and not (i == 1 and i + 1 < len(toks) and toks[2].text == ","):
        k = 0  # "Both think the plan works": the quantifier is the subject, not an adverb; not "All told, ..."
    aspect = _aspect_verb(r, toks, i - 1)
    if aspect is not None:  # "Lee continued to question whether ...": Lee is the subject
        k = _skip_aux_left(r, toks, aspect - 1)
    perfect = i > 0 and toks[i - 1].low == "having"  # "having suggested that ...": a participle too
    if (toks[i].low.endswith("ing") or perfect) and (k < 0 or toks[k].low not in r.ctx["be_forms"]):
        comma = _opening_phrase_end(r, toks, i)
        if comma is not None and _gerund_subject(r, toks, i, comma):
            return None  # "Defending the bridge is hard, the mayor said.": the gerund opens the mayor's words
        if comma is not None:
            return _opening_participle(r, toks, last, comma, att)  # "After announcing the plan, the mayor ..."
        reduced = _reduced_relative(r, toks, i, last, att)
        if reduced is not None:
            return reduced  # "the super PAC supporting Jeb Bush, spent ..."
        return _participle(r, toks, i, last, att, found)  # ", saying", "went on the record endorsing"
    if toks[i].low.endswith("ing"):  # progressive: "Lee is telling voters that", "they have been saying"
        k = _skip_aux_left(r, toks, k - 1)
    if k >= 0 and (toks[k].low in {"and", "but", "or"} or (toks[k].text == "," and toks[k + 1].low == "then")):
        return _participle(r, toks, i, last, att, found)  # "X said A and stressed that B", "Lee paused, then said": X again
    if cue.lemma in r.ctx["raising_lemmas"] and k >= 0 and toks[k].word:
        return _raising(r, toks, i, k, att)
    if k < 0 or toks[k].text == '"' or (toks[k].text == "," and _appositive_subject(r, toks, k) is None):
        inverted = _inverted(r, toks, i, last, att, floor) if cue.lemma in r.ctx["inverting_lemmas"] else None
        if inverted is None and k > 0 and toks[k].text == "," and _stray_comma(r, toks, k):
            return _subject_verb(r, toks, k - 1, last, att, floor, cue.audience)  # "Sen. Jack Reed (D-R.I.), said"
        return inverted  # None after "..., praised the mayor": the phrase after the cue is its object
    return _subject_verb(r, toks, k, last, att, floor, cue.audience)


_TITLE_LINKS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with", "&"})


def _title_like(text: str, *, least: int = 1) -> bool:
    """Whether a quotation reads as a title: ``least`` to six words, each capitalised, a number or a short link word.

    >>> _title_like("A Long Road,"), _title_like("the plan was dead"), _title_like("Yes.", least=2)
    (True, False, False)
    """
    words = text.rstrip(",.").split()
    return least <= len(words) <= 6 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_LINKS for w in words)


def _title_comma(toks: list[_Tok], k: int) -> list[_Tok] | None:
    """``toks`` with a quoted title that ends in a comma at ``k`` made one word with the comma after it, so that
    the title is part of an appositive: 'Lee, the star of "Kitchen Wars," said' reads as 'Lee, the star of
    Kitchen-Wars, said' (one token fewer). A title is at most six words, each capitalised or a short link word,
    and its opening mark follows a word ('"We won," said Lee' is a quotation, not a title). So is any quotation
    inside an aside that opens with an -ing word or a relative pronoun ('Lee, citing "the value of the site,"
    said', 'Lee, who called it "madness," said'). None otherwise.

    >>> # 'Lee, author of "A Long Road," said' at the closing mark -> [..., "of", "A Long Road", ",", "said"]
    """
    if k < 3 or toks[k].text != '"' or not toks[k - 1].quoted or toks[k - 2].text != '"' or not toks[k - 3].word:
        return None
    title = toks[k - 1].text
    comma = next((n for n in range(k - 3, max(-1, k - 20), -1) if toks[n].text in {",", '"'}), None)
    aside = comma is not None and toks[comma].text == "," and (toks[comma + 1].low.endswith("ing") or toks[comma + 1].low in {
        "who", "which", "whose"})  # ', citing "...,"', ', who called it "madness,"'
    if not title.endswith(",") or not aside and not _title_like(title):
        return None
    end = toks[k - 1].end - 1
    bare = toks[k - 1]._replace(text=title[:-1], low=title[:-1].lower(), start=toks[k - 2].start, end=end)
    return [*toks[:k - 2], bare, toks[k]._replace(text=",", low=",", start=end, end=end + 1), *toks[k + 1:]]


def _raising(r: _Reader, toks: list[_Tok], i: int, k: int, att: _Att) -> _Att | None:
    """'The senator appeared to gain ground': nobody is named as the source, so the speaker stays empty; the
    content is the subject (ending at ``k``) with what follows the cue. When a cue follows ("Trump seemed to
    suggest that ..."), the subject is its speaker.

    >>> # "The plan seems to have stalled." -> no speaker, "The plan … to have stalled."
    """
    subject = _np_left(r, toks, k)
    if subject is None or i + 2 >= len(toks):
        return None
    if toks[i + 2].low in r.lex:
        _set_mention(r, att, toks, subject)
    att.construction = "raising"
    return _subject_and_complement(toks, subject, i, att)


def _aspect_verb(r: _Reader, toks: list[_Tok], to: int) -> int | None:
    """The first token of an aspect verb ("continued", "went on") right before the "to" at ``to``, or None.

    >>> # "Lee continued to question" (at "to") -> the index of "continued"; "Lee wants to question" -> None
    """
    if to < 1 or toks[to].low != "to":
        return None
    if toks[to - 1].low in r.ctx["aspect_verbs"]:
        return to - 1
    return to - 2 if to > 1 and f"{toks[to - 2].low} {toks[to - 1].low}" in r.ctx["aspect_verbs"] else None


def _stray_comma(r: _Reader, toks: list[_Tok], comma: int) -> bool:
    """Whether the comma before a cue only follows the sentence's subject ("Sen. Jack Reed (D-R.I.), said that"):
    the words before it are one name that opens the sentence.

    >>> # "Sen. Ann Lee (D-Ohio), said ..." -> True; "The new rules cut costs, praised the mayor" -> False
    """
    subject = _subject_before(r, toks, comma)
    return (subject is not None and subject[0] == _after_dateline(toks) and subject[1] == comma - 1
            and all(t.cap or not t.word for t in toks[subject[0]:comma]))


def _participle_head(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """The noun phrase a participle phrase before a cue describes, when it is a source: in "Research published in
    Nature suggests ..." or "A report released by the ministry shows ..." the research and the report speak, not
    Nature or the ministry. The participle ends in -ed (or is "written", "shown", "given", "taken", "done", "made")
    right before a preposition that opens ``span``; the phrase before it is an evidence, document or source noun.

    >>> # "Data compiled by the council show" -> "Data"; "Fans in the stadium said" -> unchanged
    """
    a = span[0]
    if a < 3 or toks[a - 1].low not in _PARTICIPLE_PREPS:
        return span
    verb = toks[a - 2].low
    if not (verb.endswith("ed") or verb in {"written", "shown", "given", "taken", "done", "made"}) or toks[a - 2].cap:
        return span
    head = _np_left(r, toks, a - 3)
    low = toks[head[1]].low if head else ""
    if head is None or not (low in r.words.evidence_nouns or low in r.words.document_nouns or _source_noun(r, low)):
        return span
    return head


_PARTICIPLE_PREPS = frozenset({"in", "by", "on", "from", "at", "for", "with"})


def _subject_verb(r: _Reader, toks: list[_Tok], k: int, last: int, att: _Att, floor: int,
                  audience: bool) -> _Att | None:
    """'Ann Lee said (on Monday) (that) the bridge will close' and 'The bridge will close, Ann Lee said.'

    The subject is the noun phrase before the cue (``k`` is its last token), past an
    appositive or relative clause between commas; the content follows the cue when
    something does, and otherwise precedes the subject.
    """
    att.construction = "subject verb"
    subject = _appositive_subject(r, toks, k) if toks[k].text == "," else _np_left(r, toks, k)
    subject = _relative_head(r, toks, subject) if subject is not None and toks[k].text != "," else subject
    subject = _participle_head(r, toks, subject) if subject is not None and toks[k].text != "," else subject
    subject = _evidence_phrase(r, toks, k, subject) if att.act == "evidence" else subject
    if subject is None or (subject[0] == subject[1] and toks[subject[0]].low in _OBJECT_PRONOUNS - {"her"}):
        return None  # "made him question who ...": an object pronoun is no subject
    finite = _finite_verb_in(r, toks, subject)
    if finite is not None and _verb_follows(r, toks, finite, subject[1]):
        return None  # "Investors had held high hopes of": the cue word is the object of a verb before it
    subject = subject if finite is None else (subject[0], finite - 1)  # "The mayors have in the past said"
    subject = _document_author(r, toks, subject)
    _set_mention(r, att, toks, subject)
    named = _appositive_name(r, toks, subject, k) if toks[k].text == "," else None
    if named is not None:  # "One pastor supporting Mr. Cruz, Darran Whiting of Liberty Church, said"
        _name_speaks(r, toks, att, named)
        if gender_of(att.mention) and not any(w[:1].isupper() for w in att.mention.split()[1:]):
            r.mentions.genders.setdefault(att.speaker, gender_of(att.mention))  # "his wife, Gabriela Lazar,"
    quoted_before = (subject[0] >= 2 and toks[subject[0] - 1].text == '"' and toks[subject[0] - 2].start >= floor
                     and toks[subject[0] - 2].text.rstrip(" '\u2019")[-1:] in {",", "?", "!"}  # '"We won," she said'
                     and _n_words([t for t in toks[:subject[0] - 2] if not t.quoted], enough=4) < 4
                     and not (subject[0] >= 4 and toks[subject[0] - 4].word and (
                         toks[0].low.endswith("ing") or toks[0].low == "asked")))  # not 'Citing "costs," Lee told
    # not after a clause of its own: 'Asked on "This Morning," Lee said he would wait' quotes a show title

    if not quoted_before and last + 2 == len(toks) and toks[last + 1].text == ":":
        return _next_paragraph(r, att, toks[-1].end)  # 'Lee said:' with the quotation below
    start = None if quoted_before else _content_start(r, toks, last + 1, audience)
    if start is not None and r.lex[toks[last].low if toks[last].low in r.lex else att.cue.lower().split()[0]].clause and not (
            toks[start].low == "that" or toks[start].text == '"' or toks[start - 1].text in {":", '"'}):
        return None  # "The move adds more uncertainty"
    if start is not None:
        end = _quotation_only(r, toks, start) or _main_clause_start(r, toks, subject[0], start)
        att.q_start, att.q_end, att.right = toks[start].start, end, True
        return att
    first = subject[0] - (subject[0] >= 2 and toks[subject[0] - 1].low == "as" and toks[subject[0] - 2].text == ",")
    boundary = first == 0 or toks[first - 1].text in {",", '"', "-", ":"}  # also "..., as Ann Lee noted."
    long_tail = (last + 1 < len(toks) and toks[last + 1].word and _n_words(toks[last + 1:], enough=8) >= 8
                 and _continues_after(toks, last) is None and not _aside_after_cue(r, toks, last, audience))
    # "Hours before X, the ministry said at least six"; but "A, Lee told aides as he left" has A as content
    relative = toks[subject[0]].low in r.words.relative_pronouns  # "..., who has reported on X, said"
    if boundary and not relative and (quoted_before or not long_tail):
        found = _with_left_content(r, toks, first, max(last, subject[1]), att, floor)
        if found is not None:
            return found
    rest = None if relative else _rest_of_sentence(toks, last)  # "videos posted online": no content either side
    if rest is None:
        return None
    parenthetical = any(t.low == "as" for t in toks[max(0, subject[0] - 2):subject[0]])  # "As Lee reported, C"
    att.q_start, att.q_end, att.right = rest[0], toks[-1].end if parenthetical else _main_clause_start(
        r, toks, subject[0], last + 1), True
    return att


def _past_dash_aside(toks: list[_Tok], i: int) -> int:
    """The index of the "that" after an aside between dashes that opens at ``i``, else ``i``.

    >>> # "- speaking at a conference - that emissions must fall" -> the index of "that"
    """
    if i >= len(toks) or toks[i].text != "-":
        return i
    close = next((k for k in range(i + 2, min(len(toks) - 1, i + 20)) if toks[k].text == "-" and toks[k - 1].text != "-"), None)
    while close is not None and close + 1 < len(toks) and toks[close + 1].text == "-":
        close += 1  # "--"
    return close + 1 if close is not None and close + 2 < len(toks) and toks[close + 1].low == "that" else i


def _aside_after_cue(r: _Reader, toks: list[_Tok], last: int, audience: bool) -> bool:
    """Whether what follows the cue ending at ``last`` is an aside, not what was said: a dash after any date
    ("reported on Tuesday -- a development that ..."), or, after a cue that takes a hearer, a subordinate clause
    or an adjunct after the hearer ("told his aides as he left"). Limit: after "said" a preposition often opens
    the content in PolNeAR train ("sided with the Democrats"), so it is not an aside there.

    >>> # "told his closest advisers as he labored" -> True; "told reporters the plan was dead" -> False
    """
    k = last + 1
    while k < len(toks) and (toks[k].low in r.ctx["time_words"] or toks[k].low in WEEKDAYS_MONTHS
                             or toks[k].low == "on" and k + 1 < len(toks) and toks[k + 1].low in WEEKDAYS_MONTHS):
        k += 1
    if k < len(toks) and toks[k].text == "-" and _past_dash_aside(toks, k) == k:
        return True
    if _document_adjunct(r, toks, k):
        return True  # "A, Lee wrote in a memo to the inspector general"
    if not audience:
        return False
    obj = _hearer(r, toks, last + 1)
    k = obj[1] + 1 if obj is not None else len(toks)
    if k + 1 < len(toks) and toks[k].low == "at" and toks[k + 1].low in {"least", "most"}:
        return False  # "told reporters at least six ..."
    return k < len(toks) and (toks[k].low in r.ctx["subordinators"] or toks[k].low in r.ctx["adjunct_preps"]
                              and toks[k].low not in {"that", "to", "about", "of", "for"})


def _document_adjunct(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether the words from ``k`` to the sentence end only say where something was said: "in", "on" or "at" and a
    document or an occasion (``occasion_nouns``) within three words, or "during" ("in a memo to the inspector
    general", "in a statement posted on its website", "at a rally in Leeds on Friday"), with no finite verb,
    "that" or quotation after it.

    >>> # "in a memo to State Department Inspector General Steve Linick." -> True; "in a memo that ..." -> False
    """
    if k + 2 >= len(toks) or toks[k].low not in {"in", "on", "at", "during"}:
        return False
    doc = next((n for n in range(k + 1, min(len(toks), k + 4)) if toks[n].low in r.words.document_nouns
                or toks[n].low in r.ctx["occasion_nouns"] or toks[k].low == "during"), None)
    return doc is not None and not any(
        t.quoted or t.text == '"' or t.low == "that" or t.low in r.ctx["finite_verbs"] for t in toks[doc + 1:])


def _quotation_only(r: _Reader, toks: list[_Tok], start: int) -> int | None:
    """The end of a content that is one whole quoted utterance (it ends in punctuation) followed by words
    of the sentence's own ('yelled "You lie!" at the speaker', 'chanting "No more," waving flags').
    None when the content does not open with a quotation, or the quotation is a phrase that the words
    after it go on with ('"thousands" of emails', '"The plan" was dead').

    >>> # 'the crowd chanted "Lock them up," waving signs' -> ends after "Lock them up,"
    """
    if not (start + 3 < len(toks) and toks[start].text == '"' and toks[start + 1].quoted and toks[start + 2].text == '"'):
        return None
    return toks[start + 1].end if toks[start + 1].text[-1] in ",.!?;" else None


def _main_clause_start(r: _Reader, toks: list[_Tok], first: int, start: int) -> int:
    """Where a content that begins at token ``start`` ends: the sentence end, or, when the attribution
    sits in a subordinate clause ("When Lee said taxes would rise, the crowd left"; ``first`` is its
    subject's first token), the comma where the main clause begins.

    >>> # "Though he said it was safe, Ann Lee said it was not." -> "it was safe"
    """
    opener = next((k for k in range(first - 1, max(-1, first - 3), -1) if toks[k].low in r.ctx["subordinators"]), None)
    if opener is None and toks[0].low in r.ctx["clause_subordinators"] and _comma_in(toks, 1, first) is None:
        opener = 0  # "While civil rights groups like the ACLU praised X, they said ...": the subject read is short
    if opener is None or any(t.word for t in toks[:opener] if t.low not in {"but", "and", "even", "so", "yet"}):
        return toks[-1].end
    for k in range(start + 1, len(toks) - 1):
        if toks[k].text == "," and toks[k + 1].word and not (toks[k - 1].text.isdigit() and toks[k + 1].text.isdigit()
                                                             and toks[k].start == toks[k - 1].end):
            return toks[k].start  # not inside "2,400"
        if toks[k].quoted and toks[k].text.endswith(",") and toks[k + 1].text == '"' and k + 2 < len(toks) \
                and toks[k + 2].word:
            return toks[k + 1].end  # '... said it was "a disgrace," the mayor replied'
    return toks[-1].end


def _document_author(r: _Reader, toks: list[_Tok], subject: tuple[int, int]) -> tuple[int, int]:
    """'The ministry issued a statement saying ...': the ministry, not the statement, is the speaker."""
    a, b = subject
    if toks[b].low not in r.words.document_nouns or toks[b].cap or a < 2 or toks[a - 1].cap or not toks[a - 1].word \
            or toks[a - 1].low in r.ctx["stop_left"]:
        return subject  # not "the Huffington Post", not "after a statement"
    author = _np_left(r, toks, a - 2)
    return author if author is not None and any(t.cap for t in toks[author[0]:author[1] + 1]) else subject


def _next_paragraph(r: _Reader, att: _Att, colon_end: int) -> _Att | None:
    """'The mayor wrote:' ending its paragraph introduces the next paragraph, which is the content
    (None when the colon does not end the paragraph or nothing follows)."""
    line_end = r.norm.find("\n", colon_end)
    if line_end < 0 or r.norm[colon_end:line_end].strip():
        return None
    found = _NEXT_PARAGRAPH_RE.match(r.norm, line_end)
    if found is None:
        return None
    att.q_start, att.q_end, att.right = found.start(1), found.end(1), True
    return att


_NEXT_PARAGRAPH_RE = re.compile(r"\s*(\S[^\n]*\S)")


def _rest_of_sentence(toks: list[_Tok], last: int) -> tuple[int, int] | None:
    """A content read off everything after the cue when no construction placed it
    ("The office said about half of it was spent"); None when that is under five words
    ("said in a statement")."""
    rest = [t for t in toks[last + 1:] if t.word]
    return (rest[0].start, toks[-1].end) if _n_words(rest, enough=5) >= 5 else None


def _inverted(r: _Reader, toks: list[_Tok], i: int, last: int, att: _Att, floor: int) -> _Att | None:
    """'"The bridge will close," said Ann Lee' and 'The bridge will close, said the mayor's office.'"""
    att.construction = "inverted"
    starts_np = last + 1 < len(toks) and toks[last + 1].low in DETERMINERS  # "asked the boy"
    pronoun = last + 1 < len(toks) and toks[last + 1].low in r.ctx["inverted_pronouns"]  # "said he later"
    subject = (last + 1, last + 1) if pronoun else _np_right(r, toks, last + 1, any_noun=starts_np)
    if subject is None or (subject[1] + 1 < len(toks) and toks[subject[1] + 1].low in r.ctx["finite_verbs"]):
        return None  # "say the troops should go": the phrase is the content's subject
    if _pronoun_opens_clause(r, toks, subject):
        return None  # "..., said they touched on": the pronoun is the content's subject
    _set_mention(r, att, toks, subject)
    named = _appositive_name(r, toks, subject, len(toks) - 1) if subject[1] + 3 < len(toks) else None
    if named is not None and (named[1] == len(toks) - 2 or toks[named[1] + 1].text == ","):
        _name_speaks(r, toks, att, named)  # '"...," joked the harbour master, Bill Sutton.', '"...," said the coach, Ann Lee, ...'
    found = _with_left_content(r, toks, i, subject[1], att, floor, clause=False)
    if found is not None and not found.gaps:
        _predicate_after_appositive(r, toks, subject[1], found)
    after = None if found is not None else next(
        (k for k in range(subject[1] + 2, len(toks)) if toks[k].text == '"' and toks[k - 1].text in {",", ":"}), None)
    if after is not None:  # 'Said the coach, who led the team, "We are ready."'
        att.q_start, att.q_end = toks[after].start, toks[-1].end
        return att
    return found


@lru_cache(maxsize=1)
def _adjuncts() -> frozenset:
    """Words that may follow an inverted speaker without opening a clause: ``adjunct_preps``, ``time_words``
    and ``aux_adverbs`` ("said he on Tuesday", "said he afterwards", "said she always")."""
    ctx = context_words()
    return ctx["adjunct_preps"] | ctx["time_words"] | ctx["aux_adverbs"]


def _pronoun_opens_clause(r: _Reader, toks: list[_Tok], subject: tuple[int, int]) -> bool:
    """Whether a pronoun after a cue is the subject of the content, not an inverted speaker: a verb follows it
    ("..., said they touched on", "said she is"), where an inverted one ends its clause or takes an adjunct
    ('"We won," said she.', 'said he on Tuesday'). A verb is a finite form of ``finite_verbs`` or a lower-case
    word ending in -ed or -s that is no preposition, time word or adverb of ``aux_adverbs``.

    >>> # content's subject: "said they touched on", "said he would"; inverted: 'said he to reporters', 'said she.'
    """
    a, b = subject
    if a != b or toks[a].low not in r.words.pronouns or b + 1 >= len(toks):
        return False
    nxt = toks[b + 1]
    if not nxt.word or nxt.quoted or nxt.cap or nxt.low in _adjuncts():
        return False  # "said he afterwards", "said she always"
    return nxt.low in r.ctx["finite_verbs"] or nxt.low.endswith(("ed", "s"))


def _predicate_after_appositive(r: _Reader, toks: list[_Tok], last: int, att: _Att) -> None:
    """Continue a left content whose predicate follows the speaker's appositive: 'Any reading of the talks,
    said Ann Lee, an expert on the region, would call this a retreat' (the content resumes at "would")."""
    if last + 1 >= len(toks) or toks[last + 1].text != ",":
        return
    comma = _comma_in(toks, last + 2, min(len(toks), last + 20))
    if comma is not None and comma + 2 < len(toks) and toks[comma + 1].low in r.ctx["finite_verbs"]:
        att.gaps.append((att.q_end, toks[comma + 1].start))
        att.q_end, att.right = toks[-1].end, True


def _with_left_content(r: _Reader, toks: list[_Tok], first: int, last: int, att: _Att, floor: int,
                       *, clause: bool = True) -> _Att | None:
    """Content before the attribution, continued after it when the attribution interrupts it
    ('"A," he said, "B."'; with ``clause``, also 'The plan, she said, is dead.').

    A quotation goes on only as a quotation, and a clause that opens with a subordinator is the
    sentence's, not the content's: in '"We won," Lee said, as the crowd cheered.' the content ends at "won,".
    """
    more = _continues_after(toks, last, clause=clause)
    left = _content_left(r, toks, first, floor, least=1 if more is not None else 2)  # "Trump, Lee said, has ..."
    if left is None:
        return None
    if more is not None and toks[more].text != '"' and (
            r.span_at(left[1] - 1) is not None or toks[more].low in r.ctx["subordinators"]):
        more = None
    if more is None and r.span_at(left[1] - 1) is not None:
        more = _quotation_resumes(r, toks, last)
    if more is not None and more + 3 >= len(toks) - 1 and toks[more].text == '"' and more + 1 < len(toks) and (
            _title_like(toks[more + 1].text, least=2)):
        more = None  # 'A, Lee said in his book, "A Long Road."': the title names the book
    att.q_start, att.q_end = left
    if more is not None:
        att.gaps.append((att.q_end, toks[more].start))
        att.q_end = toks[-1].end
    return att


def _participle(r: _Reader, toks: list[_Tok], i: int, last: int, att: _Att, found: list[_Att]) -> _Att | None:
    """'The mayor closed the bridge, saying it was unsafe': the speaker is the clause's subject.

    Also a second verb of one subject: 'The mayor spoke and added that it was unsafe'.

    That subject is the previous attribution's speaker in the sentence, else the
    sentence's first name or pronoun outside quotation marks.
    """
    att.construction = "participle"
    start = _content_start(r, toks, last + 1, r.lex[toks[i].low].audience)
    if start is None:
        return None
    if found:
        prev = found[-1]
        att.mention, att.speaker = prev.mention, prev.speaker  # offsets stay unset: the mention is elsewhere
    else:
        subject = _open_relative(r, toks, i) or _sentence_subject(r, toks, i)
        if subject is None:
            return None
        _set_mention(r, att, toks, subject)
    att.q_start, att.q_end, att.right = toks[start].start, _quotation_only(r, toks, start) or toks[-1].end, True
    return att


def _open_relative(r: _Reader, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The "who" of a relative clause still open at the -ing cue ``i``: in "The mayor met Ann Lee, who surprised
    him by saying she would not run" the speaker is Ann Lee, not the mayor. None when a comma closed the
    clause ("Ann Lee, who is 40, left, saying ...") or there is none.

    >>> # "..., who surprised him by declaring ..." -> the "who"
    """
    k = next((k for k in range(i - 1, 0, -1) if toks[k].text == "," or toks[k].low == "who"), None)
    return (k, k) if k is not None and toks[k].low == "who" and toks[k - 1].text == "," else None


def _reduced_relative(r: _Reader, toks: list[_Tok], i: int, last: int, att: _Att) -> _Att | None:
    """'The super PAC supporting Jeb Bush spent $1 million': an -ing cue right after a noun phrase for
    people, organisations or evidence (not a document: "released a statement saying" is the releaser's) has
    that phrase as its speaker; the content runs to the next comma.

    >>> # "Outside groups backing the mayor have spent heavily" -> "Outside groups", content "the mayor"
    """
    subject = _np_left(r, toks, i - 1) if i > 0 and toks[i - 1].word and not _title_case(toks) else None
    head = toks[subject[1]].low if subject else ""
    if subject is None or head in r.words.document_nouns or not (
            _source_noun(r, head) or head in r.mentions.full_names):
        return None  # "the ministry released a statement saying ...": the ministry speaks (a participle)
    determiner = max((k for k in range(subject[0], subject[1]) if toks[k].low in DETERMINERS), default=subject[0])
    subject = (determiner, subject[1])  # "draft [a report] defending ..."
    start = _content_start(r, toks, last + 1, r.lex[toks[i].low].audience)
    if start is None:
        return None
    end = _comma_in(toks, start + 1, len(toks))
    att.construction = "reduced relative"
    _set_mention(r, att, toks, subject)
    att.q_start, att.q_end, att.right = toks[start].start, toks[end - 1].end if end else toks[-1].end, True
    return att


def _opening_phrase_end(r: _Reader, toks: list[_Tok], i: int) -> int | None:
    """The comma that closes an opening phrase holding the -ing cue at ``i`` (at most three words before
    it, none a verb, a pronoun or a comma), or None.

    >>> # "Hours before announcing the plan, the mayor said ..." -> the comma after "plan"
    >>> # "The mayor left, saying ..." and "She spoke before announcing it." -> None
    """
    before = toks[_after_dateline(toks):i]
    if len(before) > 3 or any(not t.word or t.low in r.words.pronouns or t.low in r.lex
                              or t.low in r.ctx["finite_verbs"] for t in before):
        return None
    return _comma_in(toks, i + 1, len(toks) - 2)


def _gerund_subject(r: _Reader, toks: list[_Tok], i: int, comma: int) -> bool:
    """Whether the -ing word at ``i`` opens a clause of its own that a trailing speaker reports ("Defending the
    bridge is hard, the mayor said."): the -ing verb takes no clause (not a cue of ``inverting_lemmas`` nor a
    belief: "Insisting the vote was rigged, Lee testified" is a participle), the phrase before ``comma`` has a
    finite verb after a noun (not in a "that" clause, not after a pronoun), and after the comma come at most
    six words ending with a finite cue verb that is no noun (not "..., the union broke off talks", "..., Lee
    refused to concede"). Limit: an object-taking cue before a noun and a clause ("Citing concerns the bridge
    is unsafe, officials warned.") reads as a gerund too.

    >>> # gerund: "Defending the bridge is hard, the mayor said."; participle: "Warning that it was dead, Lee conceded."
    """
    cue = r.lex[toks[i].low]
    if cue.lemma in r.ctx["inverting_lemmas"] or cue.act == "belief":
        return False  # a verb that takes a clause: "Insisting the vote was rigged, Lee testified"
    head = list(itertools.takewhile(lambda t: t.low not in r.ctx["content_clause_openers"], toks[i + 1:comma]))
    if not any(t.low in r.ctx["finite_verbs"] and p.word and p.low not in r.words.pronouns
               for p, t in zip(head, head[1:])):
        return False
    words = [t for t in toks[comma + 1:] if t.word]
    last = words[-1].low if words else ""
    return (2 <= len(words) <= 6 and last in r.lex and not r.lex[last].noun_too
            and last != r.lex[last].lemma and not last.endswith("ing"))  # "said", not "to concede"


def _opening_participle(r: _Reader, toks: list[_Tok], last: int, comma: int, att: _Att) -> _Att | None:
    """'After announcing the plan, the mayor left': the content runs to the comma and the speaker is the
    main clause's subject after it.

    >>> # "While insisting that the bridge was safe, Ann Lee closed it." -> Ann Lee, "that the bridge was safe"
    """
    att.construction = "opening participle"
    start = _content_start(r, toks, last + 1, r.lex[toks[last].low].audience if toks[last].low in r.lex else False)
    if start is None or start >= comma:
        return None
    k = comma + 1
    subject = (k, k) if toks[k].low in r.words.pronouns else _np_right(r, toks, k, any_noun=toks[k].low in DETERMINERS)
    if subject is None:
        return None
    _set_mention(r, att, toks, (subject[0], _subject_end(r, toks, *subject)))
    att.q_start, att.q_end, att.right = toks[start].start, toks[comma - 1].end, True
    return att


def _sentence_subject(r: _Reader, toks: list[_Tok], before: int) -> tuple[int, int] | None:
    """The subject of a sentence's main clause: the first name, pronoun or description outside quotations,
    after an interjection and an opening phrase that a comma closes ("In Ohio on Monday, the senator ...",
    "Well, if you read closely, Lee ...")."""
    start = _after_dateline(toks)
    opener = toks[start].low if start < len(toks) else ""
    if opener in r.words.pronouns and not toks[start].quoted:  # "He issued a statement, saying ..."
        return start, start
    if opener in r.ctx["interjections"] and start + 2 < len(toks) and toks[start + 1].text == ",":
        start += 2  # "Well, if you read closely, Lee ..."
        opener = toks[start].low
    if opener in r.ctx["stop_left"] or opener.endswith(("ing", "ed")) or opener in r.ctx["adjunct_preps"] or (
            _time_opener(r, toks, start, before) or _place_opener(r, toks, start)):
        comma = _comma_in(toks, start, before)
        start = comma + 1 if comma is not None else start
    first = next((k for k in range(start, before) if not toks[k].quoted and toks[k].word and (
        (toks[k].cap and toks[k].low not in r.ctx["stop_left"]) or toks[k].low in r.words.pronouns
        or toks[k].low in DETERMINERS)), None)
    if first is None:
        return None
    if toks[first].low in r.words.pronouns:
        return first, first
    found = _np_right(r, toks, first)
    return (found[0], _subject_end(r, toks, *found)) if found is not None else None


def _place_opener(r: _Reader, toks: list[_Tok], start: int) -> bool:
    """Whether the sentence opens with an adverb of place and a preposition ("Back in Ohio, ...", "Out on the
    trail, ..."), a phrase that is no subject.

    >>> # "Back in Leeds, the council said ..." -> True; "Back pain is common, doctors say" -> False
    """
    return (start + 1 < len(toks) and toks[start].low in r.ctx["place_adverbs"]
            and toks[start + 1].low in r.ctx["adjunct_preps"])


def _time_opener(r: _Reader, toks: list[_Tok], start: int, before: int) -> bool:
    """Whether the sentence opens at ``start`` with a time or manner phrase that a comma closes before the
    subject: an adverb in -ly, a time word, a number ("Shortly after the vote,", "Unsurprisingly,", "Two days
    later,") or a phrase ending in a time word ("Hours later,"). A name in -aly is no adverb ("Italy, ...").

    >>> # "Shortly after the vote, the union walked out" -> True; "Ann Lee, the mayor, left" -> False
    """
    comma = _comma_in(toks, start, min(before, start + 7))
    if comma is None or comma == start:
        return False
    opener, last = toks[start].low, toks[comma - 1].low
    adverb = opener.endswith("ly") and len(opener) > 4 and (opener.endswith("ally") or opener[-3] != "a")
    return (adverb or opener in r.ctx["time_words"] or opener in r.ctx["quantity_words"] or opener[:1].isdigit()
            or last in r.ctx["time_words"])


def _subject_end(r: _Reader, toks: list[_Tok], a: int, b: int) -> int:
    """The last token of the subject in tokens ``a``..``b`` read rightwards: its head noun or the end of its
    name when a lower-case word that continues neither follows (a verb: "The mayor [met survivors]").

    >>> # "The mayor met survivors" -> "mayor"; "Ann Lee met" -> "Lee"; "Lee met" -> "Lee" after "Ann Lee"
    """
    for k in range(a, b):
        here, nxt = toks[k], toks[k + 1]
        name_end = here.cap and (k > a and toks[k - 1].cap and toks[k - 1].low not in DETERMINERS
                                 or k == a and here.low in r.mentions.full_names)  # "Schlafly put", a known name
        verb_next = nxt.word and not nxt.cap and nxt.low not in _NP_LINKS and not _source_noun(r, nxt.low)
        if (_source_noun(r, here.low) or name_end) and verb_next:
            return k
        if here.cap and (nxt.low in r.ctx["irregular_past"] or nxt.low == "hit"):
            return k  # "McIlroy hit back, saying": a name before an irregular past verb
    return b


def _source_noun(r: _Reader, low: str) -> bool:
    """A noun that can head a source: a person, an organisation, a poll or a document ("mayor", "party", "poll")."""
    return (low in r.words.person_nouns or low in r.words.org_heads or low in r.words.evidence_nouns
            or low in r.words.document_nouns)


def _after_dateline(toks: list[_Tok]) -> int:
    """Where a sentence begins after its dateline ("WASHINGTON, June 24 (UPI) - ", "(Reuters) - "); 0 without one.

    >>> # "NEW YORK (AP) - The mayor said ..." -> the index of "The"
    """
    dash = next((k for k, t in enumerate(toks[:12]) if t.text == "-"), None)
    if not dash:
        return 0
    head = toks[:dash]
    capitals = any(t.text.isupper() and len(t.text) > 1 for t in head)  # "WASHINGTON"
    agency = any(t.cap and 0 < k and head[k - 1].text == "(" and toks[k + 1].text == ")" for k, t in enumerate(head))
    dated = all(t.text in {",", "(", ")", "."} or t.text[:1].isdigit() or t.cap for t in head)
    return dash + 1 if (capitals or agency) and dated else 0  # not "Ann Lee - a Democrat - said"


def _dateline_end(toks: list[_Tok]) -> int:
    """Where a sentence begins after a dateline that is surely one (:func:`_after_dateline` with a news agency in
    parentheses, or a place in capitals followed by a capitalised word and no second dash); 0 otherwise, so that
    an aside between dashes stays in the content ("NATO - the military alliance - will expand, officials said").

    >>> # "BERLIN - The vote ..." -> the index of "The"; "HSBC - Europe's biggest bank - will ..." -> 0
    """
    k = _after_dateline(toks)
    if not k or any(t.text == "(" for t in toks[:k]):
        return k
    upper = all(not t.word or t.text.isupper() or t.text[:1].isdigit() or t.low in WEEKDAYS_MONTHS for t in toks[:k - 1])
    return k if upper and k < len(toks) and toks[k].cap and not any(t.text == "-" for t in toks[k:]) else 0


def _according_to(r: _Reader, toks: list[_Tok], i: int, floor: int) -> _Att | None:
    """'According to the county clerk, turnout fell' and 'Turnout fell, according to the county clerk.'"""
    described = i + 2 < len(toks) and (toks[i + 2].low in DETERMINERS or (  # "the county clerk"; not "international law"
        toks[i + 2].word and not toks[i + 2].cap and toks[i + 2].low.endswith("s") and not toks[i + 2].low.endswith("ss")))
    # a bare plural names a source too: "according to firefighters"
    subject = _np_right(r, toks, i + 2, any_noun=described)
    if subject is None:
        return None
    j = subject[1]
    if j + 2 < len(toks) and toks[j].cap and toks[j + 1].low in {"and", "&"} and toks[j + 2].cap:
        more = _np_right(r, toks, j + 2)  # "the Agriculture and Horticulture Development Board", "Lee and Hale"
        subject = (subject[0], more[1]) if more is not None else subject
    att = _Att(r.text[toks[i].start:toks[i + 1].end], toks[i].start, toks[i + 1].end, "speech",
               construction="according to")
    _set_mention(r, att, toks, subject)
    left = _content_left(r, toks, i, toks[0].start, least=1)  # the whole sentence before it, earlier cues included
    k = subject[1] + 1
    if left is not None:
        att.q_start, att.q_end = left
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in r.words.relative_pronouns:
            k = _comma_in(toks, k + 1, len(toks)) or len(toks)  # "..., who chairs it," is about the source
        if k + 1 < len(toks) and toks[k].text == "," and _n_words(toks[k + 1:], enough=2) >= 2:
            att.gaps.append((att.q_end, toks[k + 1].start))  # "The plan, according to the aide, is dead."
            att.q_end, att.right = toks[-1].end, True
        return att
    if k < len(toks) and toks[k].text not in {",", ":"}:  # "According to X from 2010, C": the phrase ends at its comma
        comma = _comma_in(toks, k, min(len(toks), k + 16))
        k = k if comma is None else comma
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in r.words.relative_pronouns:
        k = _comma_in(toks, k + 1, len(toks)) or len(toks)  # "According to Lee, who led the study, C"
    k = _source_appositive_end(r, toks, k)
    while k < len(toks) and toks[k].text in {",", ":"}:
        k += 1
    if k >= len(toks) - 1:
        return None
    att.q_start, att.q_end, att.right = toks[k].start, toks[-1].end, True
    return att


def _source_appositive_end(r: _Reader, toks: list[_Tok], k: int) -> int:
    """The comma that closes an appositive about an "according to" source opening at the comma ``k``, else ``k``:
    a phrase of at most ten words with no verb, opening with "a" or "an", headed by a person noun, or a name of two
    to five capitalised words after a singular person noun ("According to Dr Lisa Moore, a virologist at Imperial
    College, the strain ...", "According to the museum's curator, Dr Ruth Bell, the manuscript ..."); "According
    to police, the bridge, which ..." and "According to police, John Smith, 45, was ..." keep their subjects.
    Limit: the name is not made the speaker.

    >>> # "According to Ann Lee, an economist at the bank, prices will rise" at the first comma -> the second comma
    """
    if k + 2 >= len(toks) or toks[k].text != ",":
        return k
    end = _comma_in(toks, k + 1, min(len(toks) - 2, k + 12))
    if end is None or any(t.low in r.ctx["finite_verbs"] or t.low in r.lex or t.quoted for t in toks[k + 1:end]):
        return k
    phrase = [t.low for t in toks[k + 1:end]]
    head = next((w for w, nxt in zip(phrase, phrase[1:] + [""]) if nxt in _NP_LINKS or not nxt), "")
    described = toks[k - 1].low in r.words.person_nouns and not toks[k - 1].low.endswith("s")  # "the curator"
    name = described and 2 <= len(phrase) <= 5 and all(t.cap or t.text == "." for t in toks[k + 1:end])
    return end if phrase[0] in {"a", "an"} or head in r.words.person_nouns or head in r.words.titles or name else k


def _in_evidence(r: _Reader, toks: list[_Tok], head: int, floor: int) -> _Att | None:
    """'In the new poll, Lee leads by nine' and 'Lee leads by nine points in a CNN poll released Sunday':
    the poll is the source (evidence), "in" the cue, the clause before or after it the content.

    >>> # "Trump leads Cruz by 9 points, 42%-33%, in the RealClearPolitics average of polls" -> "Trump leads Cruz ..."
    """
    start = next((k for k in range(head - 1, max(-1, head - 10), -1) if toks[k].low == "in"), None)
    if start is None or any(not t.word or t.quoted for t in toks[start + 1:head]) or (
            start > 0 and not toks[start - 1].word and toks[start - 1].text not in {",", "-"}):
        return None
    end = head
    while end + 1 < len(toks) and toks[end + 1].word and toks[end + 1].low not in r.ctx["clause_openers"] and end - head < 8:
        end += 1  # "a new Fox News poll released Thursday"
    att = _Att(toks[start].text, toks[start].start, toks[start].end, "evidence", construction="in evidence")
    opening = start == _after_dateline(toks)
    if opening and end + 2 < len(toks) and toks[end + 1].text == ",":  # "In the poll, C"
        _set_mention(r, att, toks, (start + 1, end))
        att.q_start, att.q_end, att.right = toks[end + 2].start, toks[-1].end, True
        return att
    left = None if opening else _content_left(r, toks, start, floor, least=3)
    if left is None or end + 1 < len(toks) and toks[end + 1].word:
        return None  # the poll phrase must close the sentence or a clause
    _set_mention(r, att, toks, (start + 1, end))
    att.q_start, att.q_end = left
    return att


def _passive_asked(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether "asked" at ``i`` opens a clause without a subject: "Asked about ...," at the sentence start
    or "when asked whether ..." after a subordinator.

    >>> # yes: "Asked about the bridge, Lee said", "..., she said when asked why"; no: "Lee asked why"
    """
    if i + 1 >= len(toks) or not toks[i + 1].word:
        return False
    return i == _after_dateline(toks) or toks[i - 1].low in r.ctx["subordinators"] | r.ctx["clause_subordinators"]


def _unnamed_asker(r: _Reader, toks: list[_Tok], i: int) -> _Att | None:
    """'Asked about the bridge, the mayor said ...' and '..., she said when asked whether she would run':
    a question put by someone the text does not name, so the speaker stays empty; the content is the
    question, to the next comma outside quotation marks. 'Asked by reporters whether ...' names the asker.

    >>> # "Asked about the budget on Monday, Lee said" -> cue "Asked", no speaker, "about the budget on Monday"
    """
    att = _Att(r.text[toks[i].start:toks[i].end], toks[i].start, toks[i].end, "speech", construction="asked")
    start = i + 1
    if toks[start].low == "by":
        asker = _np_right(r, toks, start + 1, stop=_HEARER_STOP)
        if asker is None:
            return None
        _set_mention(r, att, toks, asker)
        start = asker[1] + 1
    end = next((k for k in range(start, len(toks)) if toks[k].text == "," and not toks[k].quoted or (
        toks[k].quoted and toks[k].text.endswith(",") and toks[k - 1].text == '"')), len(toks) - 1)
    if end <= start or _n_words(toks[start:end], enough=2) < 2:
        return None  # the comma ends the question, also inside a closing quotation ('on "Morning Report,"')
    att.q_start, att.q_end, att.right = toks[start].start, toks[end if toks[end].quoted else end - 1].end, True
    return att


def _hearsay(r: _Reader, toks: list[_Tok]) -> _Att | None:
    """'The mayor will reportedly resign on Friday': an adverb that says the clause was reported by someone
    the text does not name, read only in a sentence without another attribution; the speaker stays empty and
    the content is the sentence (after a dateline, and after the adverb's comma when it opens the sentence).
    Not inside a relative clause ("The senator, who reportedly wept, voted against it") or a quotation.

    >>> # "Reportedly, the mayor will resign" -> cue "Reportedly", no speaker, content "the mayor will resign"
    """
    i = next((k for k, t in enumerate(toks) if t.low in r.ctx["hearsay_adverbs"] and not t.quoted), None)
    if i is None or any(t.low in r.words.relative_pronouns for t in toks[max(0, i - 2):i]):
        return None
    first = _after_dateline(toks)
    start = i + 1 + (i + 1 < len(toks) and toks[i + 1].text == ",") if i == first else first
    end = len(toks) - 1
    if end <= start or _n_words(toks[start:], enough=3) < 3:
        return None
    att = _Att(toks[i].text, toks[i].start, toks[i].end, "speech", construction="hearsay")
    att.q_start, att.q_end = toks[start].start, toks[end].end
    return att


_PASSIVE_NEXT = frozenset({"by", "to", "about", "whether", "if", "why", "how", "what"})


def _passive_opens(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether the cue form at ``i`` is a passive participle after a form of "be" that an agent or a
    complement follows ("was criticized by", "is expected to", "were asked about").

    >>> # yes: "The plan was criticized by the mayor", "The sale is expected to close"; no: "was reported."
    """
    t = toks[i]
    if t.quoted or t.low == r.lex[t.low].lemma or t.low.endswith(("s", "ing")) or i + 2 >= len(toks):
        return False
    j = _skip_aux_left(r, toks, i - 1)
    if j > 0 and toks[j].low in r.ctx["be_forms"] and (toks[i + 1].low == "that" or _clause_opens(r, toks, i + 1)):
        before = _skip_aux_left(r, toks, j - 1)
        if toks[i + 1].low != "that" and (before < 0 or toks[before].low not in {"it", "it's"}):
            return False  # "It is believed the fire started ...": only after "it"
        if before < 0 or toks[i + 2].low in {"day", "morning", "afternoon", "evening", "night", "week", "time"}:
            return False  # "He was told that day to leave"
        it = toks[before].low in {"it", "it's"}
        modal = any(x.low in {"must", "should", "could", "can", "may", "might", "would", "will"} for x in toks[before:i])
        return (it and not modal) or (not it and r.lex[t.low].audience)  # "It was reported that", "The jury was told
        # that": nobody named; not the writer's "It must be said that"
    return j > 0 and toks[j].low in r.ctx["be_forms"] and toks[i + 1].low in _PASSIVE_NEXT and (
        toks[i + 1].low != "by" or toks[i + 2].low not in r.ctx["means_nouns"])


def _clause_opens(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether a clause without "that" opens at ``k`` after an impersonal passive: a determiner or a subject pronoun
    ("It is believed the fire started", "It is understood he has signed"), not "to" or a preposition, and a verb
    (a finite form or an -ed word) follows before any punctuation ("It is called the Lachin corridor, and" names).

    >>> # "the fire started" -> True; "to have signed", "by the club", "the Lachin corridor, and" -> False
    """
    if k + 1 >= len(toks) or not (toks[k].low in DETERMINERS - {"that"} or toks[k].low in {"he", "she", "they", "we"}):
        return False
    for t in toks[k + 1:k + 9]:
        if not t.word:
            return False
        if t.low in r.ctx["finite_verbs"] or (t.low.endswith("ed") and not t.cap):
            return True
    return False


def _passive(r: _Reader, toks: list[_Tok], i: int) -> _Att | None:
    """'The plan was criticized by the mayor': the agent speaks and the subject is the content. Without an
    agent ('The sale is expected to close in May', 'Lee was asked about the bridge') the speaker stays
    empty and the content is the subject with what follows the cue.

    An expletive subject or a hearer before "that" ("It was reported that the mayor resigned", "The jury was
    told that ...") leaves the speaker empty, the content the clause. Limits: the subject is read off the words
    before "be" (no parser); an expletive subject before anything else ("It is expected to ...") gives no
    attribution.

    >>> # "The sale is expected to close in May." -> no speaker, "The sale … to close in May."
    """
    be = _skip_aux_left(r, toks, i - 1)
    head = _skip_aux_left(r, toks, be - 1)
    subject = _np_left(r, toks, head)
    if subject is None and toks[head].low == "it's":
        subject = (head, head)  # "It's been reported that ..."
    att = _Att(r.text[toks[i].start:toks[i].end], toks[i].start, toks[i].end, r.lex[toks[i].low].act,
               construction="passive")
    if subject is not None and (toks[i + 1].low == "that" or _clause_opens(r, toks, i + 1)):
        # "It is understood that ...", "It is believed the fire ...", "The jury was told that ..."
        att.q_start, att.q_end, att.right = toks[i + 1].start, toks[-1].end, True
        return att
    if subject is None or (subject[0] == subject[1] and toks[subject[0]].low in {"it", "this", "there"}):
        return None
    if toks[i + 1].low == "by":
        agent = _np_right(r, toks, i + 2, stop=_HEARER_STOP, any_noun=toks[i + 2].low in DETERMINERS)
        if agent is None:
            return None
        _set_mention(r, att, toks, agent)
        after = agent[1] + 1  # "Lee was asked by a reporter whether ...": the question, not Lee, is the content
        if r.lex[toks[i].low].audience and after + 1 < len(toks) and (
                toks[after].low in _HEARER_STOP - {"of", "for"} or toks[after].low == "that"):  # "told by doctors that"
            att.q_start, att.q_end, att.right = toks[after + (toks[after].low == "about")].start, toks[-1].end, True
            return att
        att.q_start, att.q_end = toks[subject[0]].start, toks[subject[1]].end
        return att
    if _rest_of_sentence(toks, i) is None:
        return None
    return _subject_and_complement(toks, subject, i, att)


def _as_reported_by(r: _Reader, toks: list[_Tok], i: int) -> _Att | None:
    """'As reported by the Post, the deal fell through' and 'The deal fell through, as first reported by the Post':
    the agent after "by" speaks, and the content is the clause the "as" phrase is set off from by a comma.

    >>> # "As reported by the Tribune, the mayor will resign." -> "the Tribune", "the mayor will resign."
    """
    a = i - 1
    while a >= 0 and toks[a].low in r.ctx["aux_adverbs"]:
        a -= 1  # "as first reported by"
    if a < 0 or toks[a].low != "as" or toks[i].low.endswith(("s", "ing")) or toks[i].low == r.lex[toks[i].low].lemma:
        return None
    agent = _np_right(r, toks, i + 2, stop=_HEARER_STOP, any_noun=toks[i + 2].low in DETERMINERS)
    if agent is None:
        return None
    att = _Att(r.text[toks[a].start:toks[i + 1].end], toks[a].start, toks[i + 1].end, r.lex[toks[i].low].act,
               construction="as reported by")
    _set_mention(r, att, toks, agent)
    if a == _after_dateline(toks):  # "As reported by X, C."
        comma = agent[1] + 1
        if comma + 1 >= len(toks) or toks[comma].text != ",":
            return None
        att.q_start, att.q_end, att.right = toks[comma + 1].start, toks[-1].end, True
        return att
    if a < 2 or toks[a - 1].text != ",":  # "C, as reported by X."
        return None
    left = _content_left(r, toks, a, toks[0].start)
    if left is None:
        return None
    att.q_start, att.q_end = left
    k = agent[1] + 1
    if k + 1 < len(toks) and toks[k].text == "," and _n_words(toks[k + 1:], enough=2) >= 2:
        att.gaps.append((att.q_end, toks[k + 1].start))  # "The verdict, as reported by the clerk, was unanimous."
        att.q_end, att.right = toks[-1].end, True
    return att


def _subject_and_complement(toks: list[_Tok], subject: tuple[int, int], i: int, att: _Att) -> _Att:
    """Set the content to the subject and what follows the cue at ``i``, the words between left out
    ("The sale … to close in May" of "The sale is expected to close in May")."""
    att.q_start, att.q_end, att.right = toks[subject[0]].start, toks[-1].end, True
    att.gaps.append((toks[subject[1]].end, toks[i + 1].start))
    return att


def _what_called(r: _Reader, toks: list[_Tok], i: int) -> _Att | None:
    """'what the council called "a historic vote"': a label attributed to its author."""
    k = i + 1
    while k < len(toks) and k - i <= 5 and not (toks[k].low in r.lex and r.lex[toks[k].low].lemma in
                                                 {"call", "label", "term", "dub", "describe", "claim", "brand"}):
        k += 1
    if k >= len(toks) or k - i > 5:
        return None
    subject = _np_left(r, toks, _skip_aux_left(r, toks, k - 1))
    if subject is None or subject[0] != i + 1:
        return None
    att = _Att(r.text[toks[k].start:toks[k].end], toks[k].start, toks[k].end, "speech", construction="what X called")
    _set_mention(r, att, toks, subject)
    q = k + 1 + (k + 1 < len(toks) and toks[k + 1].low in {"to", "be"}) + (k + 2 < len(toks) and toks[k + 2].low == "be")
    if q < len(toks) and toks[q].text == '"':
        span = r.span_at(toks[q].end)
        end = span[1] if span else toks[-1].end
    else:
        end = next((t.start for t in toks[q:] if t.text in {",", ".", ";", ":"}), toks[-1].end)
    if q >= len(toks):
        return None
    att.q_start, att.q_end = toks[q].start + (toks[q].text == '"'), end
    return att


def _quoted_as_saying(r: _Reader, toks: list[_Tok], i: int, att: _Att) -> _Att | None:
    """'The paper quoted a local farmer as saying the river had never been so low': the farmer speaks."""
    att.construction = "quoted as saying"
    k = next((k for k in range(i + 1, min(len(toks) - 1, i + 14)) if toks[k].low == "as"
              and toks[k + 1].low == "saying"), None)
    if k is None or k + 2 >= len(toks) or k == i + 1 or not any(t.word for t in toks[i + 1:k]):
        return None  # "Minister quoted as saying ...": nobody between the cue and "as saying"
    _set_mention(r, att, toks, (i + 1, k - 1))
    start = k + 2 + (toks[k + 2].low == "that")
    att.q_start, att.q_end, att.right = toks[min(start, len(toks) - 1)].start, toks[-1].end, True
    return att


def _headline_speaker(name: list[_Tok]) -> list[_Tok] | None:
    """The speaker's tokens before a paragraph-opening colon: all of them, at most five ("Gingrich:"), or those
    before "on" or "at" when only capitalised words follow it (a topic or an event: "Obama on Climate Change:",
    "Mukasey at RNC:"); None otherwise. :func:`_name_colon` then wants words after the colon that read as speech.

    >>> # "Mayor Lee on Flooding: ..." -> "Mayor Lee"; "Lee on the flooding: ..." and "Notes from the Trail: ..." -> None
    """
    link = next((k for k, t in enumerate(name) if k > 0 and t.text in _HEADLINE_LINKS), None)
    if link is None:
        return name if len(name) <= 5 else None
    rest = name[link + 1:]
    return name[:link] if rest and all(t.cap or t.text[:1].isdigit() for t in rest) else None


def _speechlike(r: _Reader, toks: list[_Tok]) -> bool:
    """Whether words read as someone's words: a quotation mark (single ones too), a first- or second-person
    pronoun or a modal ("The Trends Are 'Terrifying'", "Trump will reverse Roe"; not "Schools close across the
    county").
    """
    return any(t.quoted or t.text in {'"', "'"} or t.low in r.ctx["speech_markers"] for t in toks)


def _opens_first_person(toks: list[_Tok]) -> bool:
    """Whether words open with a first-person pronoun, inside a quotation or not: after a name and a colon they
    are the name's own words ("Vardy: I will never leave Leicester", "Murray: 'My hip is fine now'").

    >>> # "I will never leave" -> True; "What happens next" -> False
    """
    first = next((t for t in toks if t.word or t.quoted), None)
    word = first.text.split()[0].lower().replace("\u2019", "'") if first is not None and first.text.split() else ""
    return word.strip("'\"") in _FIRST_PERSON


_FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'll", "i'd", "we", "we're", "we've", "we'll", "we'd", "my", "our",
                           "me", "us"})
_HEADLINE_LINKS = frozenset({"on", "at", "On", "At"})



def _name_colon(r: _Reader, toks: list[_Tok]) -> _Att | None:
    """'Gingrich: Trump must pick a running mate' (a paragraph that opens with a name and a colon);
    also a transcript's speaker label in capitals ('LEE: We will vote.') once the article named Lee."""
    colon = next((k for k in range(min(len(toks), 9)) if toks[k].text == ":"), None)
    if colon is None or colon == 0 or _n_words(toks[colon + 1:]) < 3:
        return None
    name = _headline_speaker(toks[:colon])
    if name is None or (len(name) < colon and not _speechlike(r, toks[colon + 1:])):
        return None  # "Teachers on Strike: Schools close" reports an event, not words
    mention = " ".join(t.text for t in name)
    turn = mention in _turn_labels(r)  # "TAPPER:" opening two paragraphs or more
    if not all(t.cap or t.text == "." for t in name) or (
            not turn and any(t.low in r.ctx["headline_labels"] for t in name)):
        return None
    shout = mention.isupper() and len(mention) > 3  # a transcript's "TAPPER:" or a label's "UPDATE:"
    named = mention.title() if shout else mention
    full_name = r.mentions.full_names.get(named.split()[-1].lower(), named)  # "Tapper" -> "Jake Tapper"
    linked = len(name) < colon and (kind_of(named) in {"organisation", "group"} or any(
        t.low in r.words.titles or t.low in r.words.person_nouns for t in name))  # "Pentagon on X:", "CNN President On X:"
    if not turn and not linked and (kind_of(named) != "person" or not (
            person_evidence(named) or _match_speaker(named, r.speakers) or named.lower() in r.mentions.full_names
            or full_name != named or _speaks_later(r, named.split()[-1], toks[-1].end)
            or (toks[colon + 1].text != '"' and _opens_first_person(toks[colon + 1:])))):  # a quotation reads below
        return None  # "Background:", "Ohio:", "Key Points:", "FIX IS IN:" are labels
    att = _Att(":", toks[colon].start, toks[colon].end, "speech", construction="name colon")
    _set_mention(r, att, toks, (0, len(name) - 1))
    if shout:
        att.speaker = full_name
    line_end = r.norm.find("\n", toks[-1].end)
    line_end = len(r.norm) if line_end < 0 else line_end
    att.q_start, att.right = toks[colon + 1].start, True
    att.q_end = toks[-1].end + len(r.norm[toks[-1].end:line_end].rstrip())  # the whole turn, to the paragraph end
    return att


def _turn(r: _Reader, sent: corpus.Sentence, toks: list[_Tok]) -> _Att | None:
    """A transcript's turn: a paragraph that opens with one of the article's turn labels ("TAPPER:", "Matthews:")."""
    if ":" not in sent.norm[:40] or r.norm[sent.start - 1:sent.start] not in {"", "\n"}:
        return None
    label = _TURN_LABEL_RE.match(sent.norm)
    if label is None or label.group(1) not in _turn_labels(r):
        return None
    att = _name_colon(r, toks)
    if att is not None:
        att.sentence = sent
    return att


_TURN_LABEL_RE = re.compile(r"^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}):[ \t]", re.M)


def _turn_labels(r: _Reader) -> frozenset[str]:
    """Labels that open two paragraphs or more ("TAPPER:", "Matthews:"): the turns of a transcript, whoever
    speaks them. One scan per article. An interview's "Q:" and "A:" are not turns here: PolNeAR train does
    not annotate them as attributions, and its answers hold attributions of their own.

    >>> t = "LEE: Why now?\\nRAY: Because.\\nLEE: And then?\\nQ: Why?\\nQ: How?\\nUPDATE: 1.\\nUPDATE: 2."
    >>> sorted(_turn_labels(_Reader(t, t, [])))
    ['LEE']
    """
    if r.labels is None:
        counts = Counter(m.group(1) for m in _TURN_LABEL_RE.finditer(r.norm))
        r.labels = frozenset(k for k, n in counts.items() if n >= 2 and len(k) > 1
                             and k.lower() not in r.ctx["headline_labels"])  # not "UPDATE:"; not "Q:" and "A:"
    return r.labels


def _speaks_later(r: _Reader, word: str, pos: int) -> bool:
    """Whether ``word`` (a name) stands right before a cue after ``pos`` in the article ("Gowdy said"),
    which makes a headline's "Trey Gowdy: ..." a speaker, not a label. One scan per article.

    >>> r = _Reader("Trey Gowdy: Hearings go on. Gowdy said so.", "Trey Gowdy: Hearings go on. Gowdy said so.", [])
    >>> [_speaks_later(r, w, 12) for w in ("Gowdy", "Hearings")]
    [True, False]
    """
    if r.speaking is None:
        r.speaking = {found.group(1): found.start() for found in _NAME_BEFORE_CUE_RE.finditer(r.norm)
                      if found.group(2).lower() in r.lex}
    return r.speaking.get(word, -1) > pos


_NAME_BEFORE_CUE_RE = re.compile(r"\b([A-Z][\w'-]+)(?:,[^,\n]{1,60},)? ([a-z]+)")


_NOUN_LINKS = frozenset({"that", "for", "of", "about", "on", "to", "against", "over", "with"})


def _noun_cue_word(r: _Reader, low: str) -> bool:
    """Whether a lower-cased word is a noun cue (``speech_nouns`` or ``belief_nouns``: "claim", "hopes")."""
    return low in r.ctx["speech_nouns"] or low in r.ctx["belief_nouns"]


def _noun_cue(r: _Reader, toks: list[_Tok], i: int) -> _Att | None:
    """'Her claim that the vote was rigged', 'Trump's support for the wall': a noun cue after a possessor.

    The possessor (a possessive pronoun or a name with 's) is the source; the content runs from the
    word after the noun to the end of the clause. Limits: "the claim that ..." without a possessor
    and "a statement from the campaign" are not read.
    """
    k = i - 1
    while k >= 0 and toks[k].word and not toks[k].cap and toks[k].low not in _POSSESSIVES and i - k <= 2:
        k -= 1  # "his repeated calls", "her strong support"
    if k < 0 or not (toks[k].low in _POSSESSIVES
                     or (toks[k].cap and toks[k].low.endswith("'s"))):
        return None
    link = i + 1
    if link >= len(toks) - 1 or toks[link].low not in _NOUN_LINKS:
        return None
    start = link if toks[link].low == "that" else link + 1
    end = next((t.start for t in toks[start + 1:] if t.text in {",", ";", ".", ":", "(", ")", "?", "!"}
                or t.low in r.ctx["clause_openers"]), toks[-1].end)
    if not toks[start].word or end <= toks[start].start:
        return None
    act = "speech" if toks[i].low in r.ctx["speech_nouns"] else "belief"
    att = _Att(r.text[toks[i].start:toks[i].end], toks[i].start, toks[i].end, act, construction="noun cue")
    subject = (k, k)
    if toks[k].cap:
        name = _np_left(r, toks, k)
        finite = [m for m in range(name[0], k) if toks[m].low in r.ctx["finite_verbs"] and not toks[m].cap
                  ] if name else []
        if finite:  # "A loss would end Anne Lee's hopes": the possessor's name, not the clause
            name = (next(m for m in range(finite[-1] + 1, k + 1) if toks[m].cap), k)
        subject = name if name is not None else subject
    _set_mention(r, att, toks, subject)
    if toks[k].cap:
        att.mention = re.sub(r"'s$", "", att.mention)
        att.speaker = _resolve(r, att.mention, att.m_start)
    att.q_start, att.q_end = toks[start].start, end
    return att


_SIGNOFF_RE = re.compile(r"[-\u2014\u2015]\s*([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})\s*\(@\w+\)")
_QUOTE_SIGNOFF_RE = re.compile(r"-\s*([A-Z][\w'-]*(?:\.(?= ))?(?: [A-Z][\w'-]*(?:\.(?= ))?){0,4})\.?\s*$")


def _quote_signoff(r: _Reader, sent: corpus.Sentence) -> re.Match | None:
    """The signature of a quotation signed at the end of its paragraph ('"Fix it." - Ann Lee'), else None."""
    m = _QUOTE_SIGNOFF_RE.search(sent.norm)
    if m is None or not r.norm[max(0, sent.start + m.start() - 8):sent.start + m.start()].rstrip().endswith('"'):
        return None
    after = r.norm[sent.start + m.end():sent.start + m.end() + 1]
    return m if after in {"", "\n"} and kind_of(m.group(1)) == "person" else None


def _signoff(r: _Reader, sent: corpus.Sentence) -> _Att | None:
    """An embedded post signed at its end: 'The vote is today. - Ann Lee (@annlee) May 2, 2016', or a
    quotation signed at the end of its paragraph ('"Fix the bridge." - Ann Lee'); the content is the
    paragraph before the signature (after any markup of the post)."""
    m = _SIGNOFF_RE.search(sent.norm) or _quote_signoff(r, sent)
    if m is None:
        return None
    end = sent.start + m.start()
    para_start = r.norm.rfind("\n", 0, end) + 1
    start = max(para_start, r.norm.rfind(">", para_start, end) + 1)  # the paragraph, after any post markup
    if not r.norm[start:end].strip():
        return None
    att = _Att(r.text[sent.start + m.start():sent.start + m.start() + 1], sent.start + m.start(),
               sent.start + m.start() + 1, "speech", construction="sign-off")
    att.m_start, att.m_end = sent.start + m.start(1), sent.start + m.end(1)
    att.mention = r.text[att.m_start:att.m_end]
    att.speaker = _resolve(r, att.mention, att.m_start)
    att.q_start = start + len(r.norm[start:end]) - len(r.norm[start:end].lstrip())
    att.q_end = end
    return att


_COMMA_QUOTE_RE = re.compile(r',\s*"')


def _introduces_quotation(norm: str) -> bool:
    """Whether a sentence may introduce a quotation without a cue word: a colon, or a comma before a
    quotation mark ('The mayor issued a statement, "We will rebuild."').

    >>> [_introduces_quotation(s) for s in ('Lee was blunt: "No."', 'It read, "Closed."', 'Lee left, sadly.')]
    [True, True, False]
    """
    return ":" in norm or ('"' in norm and _COMMA_QUOTE_RE.search(norm) is not None)


def _colon_quote(r: _Reader, toks: list[_Tok]) -> _Att | None:
    """'The senator was blunt: "We have the votes."': a quotation introduced by a colon belongs to the
    sentence's subject (the cue is the colon). So does one that ends the sentence after a document its
    subject issued and a comma (:func:`_issued_document`), whose cue is the noun.

    >>> # 'The mayor issued a statement, "We will rebuild."' -> the mayor, cue "statement"
    """
    colon = next((k for k in range(1, len(toks) - 1) if toks[k].text == ":" and not toks[k].quoted
                  and toks[k + 1].text == '"'), None)
    if colon is None:
        colon = next((k for k in range(1, len(toks) - 1) if _issued_document(r, toks, k)), None)
    if colon is None:
        return None
    subject = _sentence_subject(r, toks, colon)
    span = r.span_at(toks[colon + 1].end)
    if subject is None or span is None:
        return None
    cue = toks[colon] if toks[colon].text == ":" else toks[colon - 1]
    att = _Att(cue.text, cue.start, cue.end, "speech", construction="colon quotation")
    _set_mention(r, att, toks, subject)
    att.q_start, att.q_end = span[0], span[1]
    return att


def _issued_document(r: _Reader, toks: list[_Tok], k: int) -> bool:
    """Whether token ``k`` is the comma in 'X issued a statement, "Q."': a document noun before it, a verb of
    issuing (``issuing_verbs``) at most four words before that, and a quotation after it to the sentence's end.
    'After the statement, "No" became a slogan' and 'Voters received a letter, "Dear ..."' are not.

    >>> # 'The mayor posted a short message, "We will rebuild."' -> True at the comma
    """
    if toks[k].text != "," or toks[k].quoted or k + 1 >= len(toks) or toks[k + 1].text != '"' or (
            toks[k - 1].low not in r.words.document_nouns):
        return False
    if not any(t.low in r.ctx["issuing_verbs"] for t in toks[max(0, k - 5):k - 1]):
        return False
    span = r.span_at(toks[k + 1].end)
    return span is not None and all(not t.word for t in toks if t.start >= span[1])


def _name_start(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without an opening phrase glued to the name before it (British style leaves out its comma): the
    words before an honorific that follows a capitalised word (``name_honorifics``), or an opening word of time
    before a capitalised word (``opening_time_words``).

    >>> # "On Tuesday Mr Ebbers said" -> "Mr Ebbers"; "Speaking in Leeds Mr Kennedy said" -> "Mr Kennedy"
    >>> # "Later Anne Lee said", "On Monday Anne Lee said" -> "Anne Lee"; "A lawyer for Mr Lee", "Sir Ed and Mr Lee",
    >>> # "Prime Minister Sir Keir Starmer", "Keurig Dr Pepper", "Tuesday Weld", "the Sunday Times editor" stay whole
    """
    a, b = span
    k = _glued_honorific([t.text for t in toks[a:b]], r.ctx)
    if k:
        return a + k, b
    # a weekday after "on", another word of time at the sentence start: not "Tuesday Weld", "the Sunday Times"
    opens = a > 0 and toks[a - 1].low == "on" if toks[a].low in WEEKDAYS_MONTHS else a == 0
    if a < b and toks[a].low in r.ctx["opening_time_words"] and toks[a + 1].text[0].isupper() and opens:
        return a + 1, b
    day = next((k for k in range(a, min(b, a + 4))
                if toks[k].low in WEEKDAYS_MONTHS and toks[k + 1].low in {"the", "a"}), None)
    if day is not None and all(t.low in r.ctx["adjunct_preps"] or t.low in r.ctx["time_words"] for t in toks[:day]):
        return day + 1, b  # "Late on Saturday the organisers said": a time phrase without its comma
    return span


def _glued_honorific(words: list[str], ctx: dict[str, frozenset]) -> int:
    """Index of the first honorific (``name_honorifics``) right after a capitalised word, 0 when there is none.

    >>> _glued_honorific(["Speaking", "in", "Leeds", "Mr", "Kennedy"], context_words())
    3
    >>> _glued_honorific(["A", "lawyer", "for", "Mr", "Lee"], context_words())
    0
    """
    return next((k for k in range(1, len(words)) if words[k].lower().rstrip(".") in ctx["name_honorifics"]
                 and not words[k].isupper() and words[k - 1][:1].isupper()  # not "The MS Society"
                 and words[k - 1].lower().rstrip(".") not in _title_words()), 0)  # not "The Mrs Brown's Boys star"


@lru_cache(maxsize=1)
def _title_words() -> frozenset:
    """Titles and determiners: a word before an honorific that keeps it inside a longer name or phrase."""
    return mention_words().titles | DETERMINERS


def _without_auxiliary(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without a finite verb and the adverbs after it at its end: a subject read back from a participle or a
    cue past an adverbial keeps its verb's auxiliary ("Airlines have criticised the levels, arguing" -> "Airlines").

    >>> # "Low-cost airlines have" -> "Low-cost airlines"; "Lee has also" -> "Lee"; "Will Rogers" stays
    """
    a, b = span
    n = _finite_verb_in(r, toks, span)
    if n is not None and all(t.low in r.ctx["aux_adverbs"] or t.low in r.ctx["time_words"] or t.low.endswith("ly")
                             for t in toks[n + 1:b + 1]):
        return a, n - 1
    return span


def _name_ends_in(toks: list[_Tok], span: tuple[int, int], head: _Tok) -> bool:
    """Whether a capitalised ``head`` ends a name in ``span`` ("the US Geological Survey") outside a title-case
    headline; a sentence's capitalised first word alone is no name ("Data from the council")."""
    return head.cap and any(t.end <= head.start and t.cap for t in toks[span[0]:span[1] + 1]) and not _title_case(toks)


def _set_mention(r: _Reader, att: _Att, toks: list[_Tok], span: tuple[int, int]) -> None:
    span = _without_auxiliary(r, toks, _name_start(r, toks, span))
    att.m_start, att.m_end = toks[span[0]].start, toks[span[1]].end
    att.mention = r.text[att.m_start:att.m_end]
    if span[0] == span[1] and toks[span[0]].low.removesuffix("'s") in {"who", "which"}:
        att.speaker = _relative_speaker(r, toks, span[0])  # the mention stays "who"
    else:
        att.speaker = _cataphora(r, toks, span) or _resolve(r, att.mention, att.m_start)
    head_tok = _head(toks, span)
    head = head_tok.low
    if head in r.words.evidence_nouns and not _name_ends_in(toks, span, head_tok):
        att.act = "evidence"  # "the poll", "Polls show"; but "the US Geological Survey said" is an organisation
    owner = _document_owner(r, toks, span, head_tok) if head in r.words.document_nouns else None
    if owner is not None:
        att.speaker = r.last_speaker = owner  # "The mayor's statement said": the mayor
    elif (head in r.words.document_nouns and head not in r.words.work_nouns and not head_tok.cap
          and toks[span[0]].low in DETERMINERS and r.last_speaker):
        att.speaker = r.last_speaker  # "the statement said": its author; not "the Huffington Post"; "the ad says": the ad
    elif att.speaker:
        r.last_speaker = att.speaker


def _document_owner(r: _Reader, toks: list[_Tok], span: tuple[int, int], head: _Tok) -> str | None:
    """The resolved possessor of a document mention ("Lee's letter", "the mayor's statement" -> Lee, the mayor),
    else None. Limit: the words before the possessive are taken whole ("the mayor's new statement" -> the mayor).

    >>> # "Donald Trump's tweet said ..." -> "Donald Trump"; "the statement said ..." -> None
    """
    k = next((k for k in range(span[0], span[1] + 1) if toks[k] is head), None)
    poss = next((j for j in range(k - 1, span[0] - 1, -1) if toks[j].low.endswith(("'s", "’s"))), None) if k else None
    if poss is None:
        return None
    owner = re.sub(r"['’]s$", "", r.text[toks[span[0]].start:toks[poss].end])
    return _resolve(r, owner, toks[span[0]].start, refers=False) or None  # "The mayor's statement": the mayor


_HEAD_LINKS = (_NP_LINKS - {"and", "in"}) | {"by"}  # "a study by the city", "one of the authors"


def _head(toks: list[_Tok], span: tuple[int, int]) -> _Tok:
    """The head word of a mention: its last word before a linking preposition.

    >>> # "a study by the city" -> "study"; "one of the authors of the report" -> "one"; "the poll" -> "poll"
    """
    link = next((k for k in range(span[0] + 1, span[1]) if toks[k].low in _HEAD_LINKS), None)
    return toks[link - 1 if link is not None else span[1]]


@lru_cache(maxsize=65536)
def _kind(mention: str, speakers: str) -> str:
    """What a mention names (:func:`helpers.mentions.kind_of`), the speaker table's type first."""
    known = _match_speaker(mention, speakers)
    if known is not None:
        return "person" if known.type == "person" else "organisation"
    return kind_of(mention)


def _relative_speaker(r: _Reader, toks: list[_Tok], who: int) -> str:
    """The speaker a relative "who" at ``who`` stands for: its antecedent, resolved ("the mayor, who said";
    "Mitt Romney, who campaigned on X and sought Y"); "" when none stands before it."""
    before = who - 1 - (who > 0 and toks[who - 1].text == ",")
    antecedent = _np_left(r, toks, before)
    verb = antecedent and next((k for k in range(antecedent[1] - 1, antecedent[0] - 1, -1)
                                if toks[k].low in r.ctx["irregular_past"] and not toks[k].cap), None)
    if verb is not None:  # "The club met the mayor, who"; "came for Bob Ray, who"
        start = next((k for k in range(verb + 1, antecedent[1] + 1) if toks[k].low not in r.ctx["adjunct_preps"]),
                     antecedent[1])
        antecedent = start, antecedent[1]
    antecedent = antecedent and _who_antecedent(r, toks, antecedent)
    if not antecedent:
        return ""
    antecedent = _described_name(r, toks, antecedent) or antecedent
    return _resolve(r, r.norm[toks[antecedent[0]].start:toks[antecedent[1]].end], toks[antecedent[0]].start,
                    salient=False)  # a relative clause's speaker is no sentence subject


def _described_name(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int] | None:
    """The name an appositive description at ``span`` follows, or None: in "Ann Lee, the league chairwoman, who"
    the relative pronoun stands for Ann Lee. The description has no capitalised word or is headed by a person noun
    ("now the Senate majority leader"; a time adverb such as "now" may open it), and the name before its comma has
    two capitalised words or is a known person.

    >>> # "Ann Lee, now the league chairwoman, who" -> the span of "Ann Lee"; "the mayor, the city's chief, who" -> None
    """
    first = span[0] + (toks[span[0]].low in r.ctx["time_words"])
    head = toks[span[1]]
    described = _person_head(r, head)
    if first < 2 or toks[first - 1].text != "," and toks[span[0] - 1].text != "," or (
            not described and any(t.cap for t in toks[first:span[1] + 1])):
        return None  # "Mitch McConnell, now the Senate majority leader, who": a person noun heads the description
    comma = span[0] - 1 if toks[span[0] - 1].text == "," else first - 1
    name = _np_left(r, toks, comma - 1)
    if name is None:
        return None
    caps = [t for t in toks[name[0]:name[1] + 1] if t.cap and t.low not in DETERMINERS]
    text = r.norm[toks[name[0]].start:toks[name[1]].end]
    return name if len(caps) >= 2 or (caps and _surely_person(r, text)) else None


def _who_antecedent(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
    """The phrase a relative "who" follows inside a noun phrase: when the phrase's head is no name and
    no person, the last phrase after a linking preposition that surely names a person; else the whole phrase.

    >>> # "a partial reversal for the Wisconsin Republican, who" -> "the Wisconsin Republican"
    >>> # "Ann Lee of Vermont, who" -> "Ann Lee"; "the mayor of Boston, who" -> "the mayor of Boston"
    >>> # "one of the few lawmakers in the state who" -> "one of the few lawmakers"
    """
    place = next((k for k in range(span[1], span[0], -1) if toks[k].low == "in"), None)
    if place is not None and not _surely_person(r, r.norm[toks[place + 1].start:toks[span[1]].end]):
        return _who_antecedent(r, toks, (span[0], place - 1))  # "the few lawmakers in the state who"
    head = next((k for k in range(span[0], span[1] + 1) if toks[k].low in _HEAD_LINKS), span[1] + 1)
    if head == span[0]:
        return span
    before = r.norm[toks[span[0]].start:toks[head - 1].end]
    names = name_words(before)
    if len(names) > 1 or names and (person_evidence(before) or names[0].lower() in r.mentions.full_names):
        return span[0], head - 1  # "Ann Lee of Vermont, who" -> "Ann Lee"
    if _surely_person(r, before):
        return span  # "the mayor of Boston, who"
    for k in range(span[1], span[0], -1):
        if toks[k - 1].low in _HEAD_LINKS:
            mention = r.norm[toks[k].start:toks[span[1]].end]
            if _surely_person(r, mention):
                return _who_antecedent(r, toks, (k, span[1]))  # "for Bob Ray of Ohio" -> "Bob Ray"
    if span[0] >= 2 and toks[span[0] - 1].low in r.ctx["adjunct_preps"] and not _surely_person(
            r, r.norm[toks[span[0]].start:toks[span[1]].end]):
        left = _np_left(r, toks, span[0] - 2)  # "the only Republicans in the state who": not the state
        if left and _surely_person(r, r.norm[toks[left[0]].start:toks[left[1]].end]):
            return _who_antecedent(r, toks, left)
    return span


def _surely_person(r: _Reader, mention: str) -> bool:
    """Whether a mention surely names people: a second reference, a title, a gendered or known given name,
    a person noun or a name the article has given in full ("the Vermont senator", "aides", "Mr. Lee")."""
    names = name_words(mention)
    return kind_of(mention) != "organisation" and (
        is_epithet(mention) or person_evidence(mention) or mention.split()[-1].lower() in r.words.person_nouns
        or bool(names) and names[-1].lower() in r.mentions.full_names)


def _cataphora(r: _Reader, toks: list[_Tok], span: tuple[int, int]) -> str:
    """A pronoun in an opening phrase refers to the main clause's subject after it:
    'To remove what they call militias, the army has moved in' ("they" = the army). "" otherwise."""
    if span[0] != span[1] or toks[span[0]].low not in r.words.pronouns:
        return ""
    comma = _comma_in(toks, 0, len(toks))
    if comma is None or comma < span[0] or toks[0].low not in r.ctx["adjunct_preps"] | {"to", "before", "after", "while"}:
        return ""
    subject = _sentence_subject(r, toks, len(toks))
    if subject is None or subject[0] <= comma or toks[subject[0]].low in r.words.pronouns:
        return ""
    mention = r.norm[toks[subject[0]].start:toks[subject[1]].end]
    return _resolve(r, mention, toks[subject[0]].start)


def _resolve(r: _Reader, mention: str, pos: int, *, salient: bool = True, refers: bool = True) -> str:
    """The name a mention stands for: a pronoun's antecedent, "the campaign"'s organisation, or the
    fullest form of the name in the article ("" when nothing can be resolved)."""
    kind = _kind(mention, r.speakers)
    if kind == "pronoun":
        return r.mentions.resolve(mention, pos) or _previous_subject(r, mention)
    if mention.split()[0].lower() in _POSSESSIVE_PRONOUNS and " " in mention:
        mention = _possessor_named(r, mention, pos)  # "his campaign" -> "Ann Lee's campaign"
        kind = _kind(mention, r.speakers)
    words = mention.lower().split()
    if not words:
        return ""
    if len(words) <= 3 and words[0] in {"the", "this"} and words[-1] in r.words.org_heads:
        earlier = next((e.name for e in reversed(r.mentions.entries[-r.mentions.window:])
                        if e.kind == "organisation" and words[-1] in e.name.lower()), None)
        if earlier:
            return earlier
    if kind == "description" and not any(w in r.words.person_nouns or w in r.words.org_heads for w in words):
        return mention  # "a big", "critics of the plan": a speaker, but nobody a pronoun can mean
    return r.mentions.add(mention, pos, kind, salient=salient, speaker=True, refers=refers)


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its"})  # not "their": groups are too often misread


def _possessor_named(r: _Reader, mention: str, pos: int) -> str:
    """A description opened by a possessive pronoun, with the pronoun's antecedent in its place: in "Ann Lee
    ... His campaign said", "His campaign" is "Ann Lee's campaign"; a name earlier in the same sentence comes
    first ("Despite Tom Hale's standing, his donors say"). The mention as written when the antecedent is no
    person's name (his, her) or no organisation (its).

    >>> # "Tom Hale spoke on Monday. His lawyer said ..." -> "Tom Hale's lawyer"
    """
    first, rest = mention.split(" ", 1)
    low = first.lower()
    want = "organisation" if low == "its" else "person"
    avoid = other_gender(low)
    here = next((e.name for e in reversed(r.mentions.entries[-r.mentions.window:]) if r.mentions.here <= e.pos < pos
                 and e.kind == want and (not avoid or r.mentions.genders.get(e.name) != avoid)), "")
    name = here or r.mentions.resolve(first, pos)
    names = name_words(name)
    if not names or not name.split()[-1][:1].isupper() or kind_of(name) != want or (
            want == "person" and len(names) < 2 and not person_evidence(name)):
        return mention  # "A friend", "the protester", "Xinhua" (one unknown word) for "his"
    mark = "'" if name.endswith("s") else "'s"  # "the Bakers' lawyer"
    return f"{name}{mark} {rest}"


def _previous_subject(r: _Reader, pronoun: str) -> str:
    """The subject of the sentence before, when it fits a pronoun nothing else resolved: in "Novak Djokovic
    arrived on Sunday. He said ..." or "The airline cancelled 40 flights. It said ..." the writer's pronoun
    names the subject no list knew as a person or an organisation. A he or she takes a name of two words or
    more, or a person noun, of no other gender (one unknown word may be a place: "Florida"); an "it" an
    organisation or a single capitalised word with no given name or title; a "they" a group or an organisation
    with no preposition. "" otherwise (no sentence before, no subject, a mismatch).

    >>> # "Ofcom fined the broadcaster. It said ..." -> "Ofcom"; "The fans left. She said ..." -> ""
    """
    before = r.before
    low = pronoun.lower().replace("\u2019", "'").removesuffix("'s")
    pronouns = r.words.person_pronouns | r.words.thing_pronouns | r.words.group_pronouns
    if before is None or low not in pronouns or _title_case_heading(r, before):
        return ""
    toks = r.tokens(before.start, before.end)
    span = _sentence_subject(r, toks, len(toks))
    if span is None or toks[span[0]].low in r.words.pronouns:
        return ""
    end = span[1]
    if end + 2 < len(toks) and toks[end + 1].low in {"and", "&"} and toks[end + 2].cap:
        end += 2  # "Mr and Mrs Patel": one subject
        while end + 1 < len(toks) and toks[end + 1].cap:
            end += 1
    mention = r.norm[toks[span[0]].start:toks[end].end]
    kind, names = kind_of(mention), name_words(mention)
    if low in r.words.person_pronouns:
        fits = kind == "person" and gender_of(mention) != other_gender(low) and not _acronym_like(mention) and (
            len(names) > 1 or person_evidence(mention) or not names)  # a single unknown name may be a place
    elif low in r.words.thing_pronouns:
        fits = kind == "organisation" or (kind == "person" and len(names) == 1 and not person_evidence(mention))
    else:
        counted = toks[span[0]].low in r.ctx["quantity_words"] or toks[span[0]].text[:1].isdigit()
        kind = "group" if kind == "description" and counted and mention.lower().endswith("s") else kind  # "Two hikers"
        fits = kind in {"group", "organisation"} and not any(
            (w in r.ctx["adjunct_preps"] or w in r.ctx["stop_left"]) and w not in {"and", "&"}
            for w in mention.lower().split()[1:])  # not "Opinions among older people"; but "Mr and Mrs Patel"
    if not fits:
        return ""
    return r.mentions.add(mention, toks[span[0]].start, "person" if low in r.words.person_pronouns else (
        kind if kind != "person" else "organisation"), salient=True, speaker=True)


def _acronym_like(mention: str) -> bool:
    """Whether a mention's one name is in capitals ("NASA", "the BBC"): an organisation, never a he or she."""
    names = name_words(mention)
    return len(names) == 1 and names[0].isupper() and len(names[0]) > 1


# ---------------------------------------------------------------- reading an article


_NEXT_WORD_RE = re.compile(r" ([a-z]+)\b")
_LOWER_WORD_RE = re.compile(r"(?<![\w'-])[a-z]{4,}")  # a lower-case word of four letters or more
_TITLE_WORD_RE = re.compile(r"(?<![\w'-])[A-Z]\w{3,}")
_NAME_RUN_RE = re.compile(r"[A-Z][\w'-]*(?:\.(?= [A-Z]))?(?: [A-Z][\w'-]*(?:\.(?= [A-Z]))?)*")


def _title_case_heading(r: _Reader, sent: corpus.Sentence) -> bool:
    """Whether a sentence is a headline or heading in title case ("Old Hands Help Russia Navigate Politics"):
    a paragraph of its own or no closing punctuation, no lower-case word of four letters or more, and at least
    three capitalised words (two when it stands alone)."""
    alone = r.norm[sent.start - 1:sent.start] in {"", "\n"} and r.norm[sent.end:sent.end + 1] in {"", "\n"}
    heading = alone or not sent.norm.rstrip().endswith((".", "!", "?", '"', ":"))
    return heading and _LOWER_WORD_RE.search(sent.norm) is None and len(_TITLE_WORD_RE.findall(sent.norm)) >= 3 - alone


def _register_names(r: _Reader, sent: corpus.Sentence) -> None:
    """Record the capitalised names of a sentence outside quotations, for pronouns and merging.

    A single capitalised word counts only when the speaker table or an earlier full name knows it
    ("Trump" after "Donald Trump"), so that "But" or "Iowa" is not taken for a person.
    """
    if _title_case_heading(r, sent):
        return  # a headline or heading in title case ("Old Hands Help Russia Navigate Politics"): no names
    first = True
    for m in _NAME_RUN_RE.finditer(r.norm, sent.start, sent.end):
        run = m.group(0)
        head = _NEXT_WORD_RE.match(r.norm, m.end(), sent.end)
        if head and head.group(1) in r.words.org_heads:
            run += head.group(0)  # "the Clinton campaign"
        name, kind, known = _name_run(run, r.speakers)
        if kind is None:
            continue
        unknown = " " not in name and not known and name.lower().removesuffix("'s") not in r.mentions.full_names
        if unknown and not (head and head.group(1) in r.words.epithet_heads):
            continue  # cheap tests first: most runs are single words nobody named before ("But", "Iowa")
        begin = m.start() + len(run) - len(name) if run.endswith(name) else m.start()
        if kind == "person" and r.norm[begin - 4:begin] in {"the ", "The "} and _second_reference(r, sent, begin, m.end()):
            continue  # "the Vermont senator" after "Vermont Sen. Bernie Sanders"
        if unknown:
            continue
        if r.span_at(m.start()) is not None or _inside_longer_name(r, m.start(), m.end(), sent):
            continue
        before = r.norm[sent.start:begin].split()  # with an opener _name_run dropped: "Unlike"
        described = _opening_appositive(r, before, m.end())  # "Kazakhstan's foreign minister, Erlan Idrissov,"
        if before and before[-1].lower() in _phrase_openers():
            subject = False  # a name in an opening phrase: "Like Trump, Rubio holds ..."
        else:
            subject = first and len(before) <= 3 or described  # "On Monday, Ann Lee ..."
            first = False  # the first name recorded: "Tennis great Ann Lee" after the skipped "Tennis"
        person = bool(_AGE_RE.match(r.norm, m.end())) or described and any(
            w.rstrip(",").lower() in r.words.person_nouns or w.rstrip(",").lower() in r.words.titles for w in before)
        r.mentions.add(name, begin, kind, salient=subject, person=person)


def _opening_appositive(r: _Reader, before: list[str], end: int) -> bool:
    """Whether a name between commas follows the sentence's opening description, so that it names the subject:
    "Kazakhstan's foreign minister, Erlan Idrissov, plays down ..." (``before``: the words before the name).

    >>> # ["The", "club's", "new", "coach,"] before "Tom Hale," -> True; "Voters in Ohio, like Ann Lee," -> False
    """
    return (2 <= len(before) <= 5 and before[-1].endswith(",") and r.norm[end:end + 1] == ","
            and before[0].lower() not in _phrase_openers() and not any(
                w.rstrip(",").lower() in r.ctx["finite_verbs"] or w.rstrip(",").lower() in r.ctx["adjunct_preps"]
                for w in before))


_AGE_RE = re.compile(r",? \(?\d{1,3}\)?,(?!\d)")  # "Yasmeen Wilkerson, 18,", "Ann Lee (52)," : a person's age


def _second_reference(r: _Reader, sent: corpus.Sentence, begin: int, end: int) -> bool:
    """Record a second reference ("the Vermont senator", "the Wisconsin Republican") at a capitalised run
    as the person an introduction names; False when it is none or nobody was introduced so."""
    if begin - 4 < sent.start:
        return False
    head = _NEXT_WORD_RE.match(r.norm, end, sent.end)
    mention = "the " + r.norm[begin:head.end() if head else end]
    return (is_epithet(mention) or is_epithet(mention := "the " + r.norm[begin:end])) and bool(
        r.mentions.second_reference(mention, begin))


_LINKED_RE = re.compile(r"[A-Z][\w'-]* (?:of|on|for|and|&) (?:the )?$")


def _inside_longer_name(r: _Reader, start: int, end: int, sent: corpus.Sentence) -> bool:
    """Whether a capitalised run is the tail of a longer name ("Commission on [Presidential Debates]")
    or a label before a colon at a paragraph's start ("[The Gap Goes On]: ..."). A person's full name after
    "and" is a name of its own ("Ann Lee and [John Kasich] spoke")."""
    link = _LINKED_RE.search(r.norm, max(sent.start, start - 40), start)
    if link and not (link.group(0).split()[1] in {"and", "&"} and " " in r.norm[start:end].strip()
                     and r.norm[start:end].split()[0].lower() in given_names()):
        return True
    return start == sent.start and r.norm[end:end + 1] == ":" and r.norm[start - 1:start] in {"", "\n"}


@lru_cache(maxsize=65536)
def _name_run(run: str, speakers: str) -> tuple[str, str | None, bool]:
    """The name in a capitalised run, what it names if anything worth recording, and whether the speaker
    table knows it: not a title or fragment, a bare "The ministry", a dateline ("MIDWAY ATOLL") or a
    sentence opener ("On Monday" -> nothing, "In Honolulu" -> "Honolulu", "Having")."""
    ctx = context_words()
    words = run.split()[-8:]  # a name is short; a longer capitalised run is a heading or a shout
    words = words[_glued_honorific(words, ctx):]  # "Harrogate Mr Kennedy" after "Speaking in": Mr Kennedy
    while len(words) > 1 and (words[0].lower() in ctx["stop_left"] or words[0].lower() in ctx["aux_adverbs"]
                              or words[0].lower() in _phrase_openers()
                              or words[0].lower() in ctx["time_words"]
                              or words[0].lower().endswith("ing")):
        words = words[1:]
    run, low = " ".join(words), words[0].lower()
    if is_fragment(run) or not name_words(run) or (run.isupper() and len(run) > 4) or low.endswith("ing"):
        return run, None, False
    kind = _kind(run, speakers)
    return run, (kind if kind in {"person", "organisation", "group"} else None), _match_speaker(run, speakers) is not None


def _nested(r: _Reader, toks: list[_Tok], att: _Att, found: list[_Att]) -> bool:
    """Whether ``att`` sits inside an earlier attribution's content without a clause break
    ('She said the man he said he saw was tall': one attribution). A relative clause is a break
    ('He announced a raid that the army said had failed': two)."""
    if att.construction == "participle":
        return _gerund_in_content(r, toks, att, found)
    if not att.right or att.construction in {"according to", "what X called"}:
        return False
    start = min(x for x in (att.cue_start, att.m_start) if x >= 0)
    holder = next((f for f in found if (f.right or f.gaps) and f.q_start <= start < f.q_end), None)
    if holder is None:  # a content that goes on after its attribution holds what follows: "A, she said, that B"
        return False
    k = next((n for n, t in enumerate(toks) if t.start >= start), 0)
    prev = toks[k - 1] if k > 0 else None
    if att.mention.lower() in {"who", "which"} and prev is not None and prev.text == ",":
        return False  # "thanked the mayor, who said ...": a relative clause set off by a comma is a clause of its own
    relative_that = prev is not None and prev.low == "that" and prev.start != holder.q_start  # "an attack that X blamed on"
    return prev is None or not (relative_that or (prev.low in r.ctx["clause_openers"] and prev.low != "because")
                                or prev.low in {"which", "who", "whom"}
                                or prev.text in {";", ":", "-"} or (
        prev.text == "," and k + 1 < len(toks) and toks[k].low in r.ctx["clause_openers"]))


def _gerund_in_content(r: _Reader, toks: list[_Tok], att: _Att, found: list[_Att]) -> bool:
    """Whether an -ing cue read as a participle is a gerund that opens the content of the cue right before it:
    in "She said finding a flat had become impossible" "finding" is part of what she said.

    >>> # "said finding a flat ..." -> True; "closed the plant, saying", "he's expecting", "only saying" -> False
    """
    k = next((n for n, t in enumerate(toks) if t.start >= att.cue_start), 0)
    return k > 0 and toks[k].low.endswith("ing") and toks[k - 1].low in r.lex and not toks[k - 1].low.endswith(
        "ing") and any(f.q_start <= att.cue_start < f.q_end for f in found)


def _end_before_but(r: _Reader, toks: list[_Tok], att: _Att) -> None:
    """End a content after its cue before ", but" opening a clause with a subject of its own (a pronoun, a
    determiner or a capitalised word), outside quotations: in "Many gardeners assume that roses need full sun, but
    that is not always true" the writer's correction is not what the gardeners assume.

    >>> # "said the plan works, but the council disagrees" -> "the plan works"; "said it was late but safe" stays whole
    """
    segment = r.norm[att.q_start:att.q_end] if att.right else ""
    if "but" not in segment and "But" not in segment and "BUT" not in segment:
        return  # the cheap test first
    for k, t in enumerate(toks[:-2]):
        if att.q_start < t.start < att.q_end and t.text == "," and not t.quoted and toks[k + 1].low == "but" and (
                toks[k + 2].low in r.words.pronouns or toks[k + 2].low in DETERMINERS or toks[k + 2].cap):
            att.q_end = t.start
            att.gaps = [g for g in att.gaps if g[1] < att.q_end]
            return


def _asks_anonymity(r: _Reader, att: _Att) -> bool:
    """Whether a content only asks for anonymity ("who asked not to be named", "requested anonymity"), with its
    reason or up to a comma ("not to be named because she was not authorised to speak", "not to be identified,
    lost 40 ewes"): a request not to be named is not what the source said (``anonymity_contents``).

    >>> # "A nurse, who did not want to be named, said ..." -> the "want" reading asks anonymity
    """
    text = r.norm[att.q_start:att.q_end].lower()
    if not text.lstrip("\"' ").startswith(("not", "to", "anonymity")):
        return False  # the cheap test first
    content = " ".join(re.findall(r"[\w'-]+", text.split(",")[0]))
    words = content.split()
    return any(" ".join(words[:n]) in r.ctx["anonymity_contents"] and (
        n == len(words) or words[n] in {"because", "as", "since", "so"}) for n in range(1, min(len(words), 7) + 1))


def _trim_joint(text: str) -> str:
    """``text`` without the punctuation and conjunction that join it to what follows.

    >>> _trim_joint("the plan was dead, and "), _trim_joint("backed the plan but has since")
    ('the plan was dead', 'backed the plan')
    """
    text = text.rstrip(" \t\n,;:-")
    joint = _JOINT_RE.search(text)
    return text[:joint.start()].rstrip(" \t\n,;:-") if joint else text


_JOINT_RE = re.compile(r"\b(?:and|but|while|which|who|as)(?:\s+(?:has|have|had|also|since|later|then|now|still))*$")


def _cut_contents(r: _Reader, found: list[_Att]) -> None:
    """A content ends where the next attribution of the sentence begins, or at its cue when its speaker
    came first: in 'Lee, who questioned whether the judge was biased, said Friday that ...' the relative
    clause's content ends before "said"."""
    for a, b in zip(found, [f for f in found if f.construction != "what X called"][1:]):
        if b.cue_start <= a.cue_end:
            continue
        if b.q_end <= b.cue_start and b.q_start <= a.start and a.q_start < b.q_end < a.q_end:
            a.q_end = b.q_end  # 'Officials expect delays, the operator said': the holder's content ends the held one
            a.gaps = [g for g in a.gaps if g[1] < a.q_end]
            continue
        cut = b.start if a.q_start < b.start < a.q_end else (
            b.cue_start if (b.m_start <= a.cue_start or _trailing_according(b)) and a.q_start < b.cue_start < a.q_end
            else None)
        if cut is not None and not _only_openers(r, r.norm[a.q_start:cut]):  # not "said that" alone
            a.q_end = a.q_start + len(_trim_joint(r.norm[a.q_start:cut]))
            a.gaps = [g for g in a.gaps if g[1] < a.q_end]


def _only_openers(r: _Reader, text: str) -> bool:
    """Whether a content cut before the next attribution would hold nothing but clause openers: in "Lee said
    that while polls showed her ahead, the race was close" or "Lee said Friday that Ray's refusal was wrong"
    the next attribution lies inside the content, which keeps it whole.

    >>> # "that " -> True; "that the plan failed, and " -> False
    """
    words = re.findall(r"[\w']+", text.lower())
    return all(w in r.ctx["clause_openers"] or w in {"that", "whether", "if"} for w in words)


def _second_predicate(r: _Reader, toks: list[_Tok], att: _Att, i: int) -> int | None:
    """Where an object content ends before a second verb of the cue's subject, or None: in "Lee praised the plan
    and vowed to fund it" the content is "the plan". Only the content of a speech cue that takes an object (not a
    cue of ``inverting_lemmas``, a hearer's cue, a belief or evidence) is cut, and only when it is a noun phrase (no
    "that", "to", quotation or verb, "-ed" forms included, before the "and"). The verb after "and" (past adverbs
    such as "also") is a finite verb, a cue form, or an "-ed" form before a determiner, pronoun, number or "to"
    ("and raised its dividend"; not "and reduced hours"); an "-ing" form only after an "-ing" cue ("praising X and
    urging Y").

    >>> # "The mayor praised the bridge and vowed to reopen it." -> the "and" after "bridge"
    """
    cue = r.lex.get(att.cue.lower().split()[0])
    if cue is None or cue.act != "speech" or cue.audience or cue.lemma in r.ctx["inverting_lemmas"]:
        return None
    k0 = next((n for n in range(i if toks[i].start <= att.q_start else 0, len(toks)) if toks[n].start >= att.q_start),
              len(toks))  # from the cue at ``i``: the content follows it
    if k0 >= len(toks) or toks[k0].low in r.ctx["content_clause_openers"] or toks[k0].low in {"that", "to"} or (
            toks[k0].low in r.words.pronouns and toks[k0].low not in _OBJECT_PRONOUNS | {"his", "their", "its"}):
        return None  # "said he recorded calls and hosted a dinner", "told police the gunman stopped and fired"
    ing = att.cue.lower().split()[0].endswith("ing")
    for k in range(k0, len(toks) - 1):
        t = toks[k]
        if t.start >= att.q_end or t.quoted or t.text in {'"', ";", ":", "-", "("} or t.low in r.ctx["finite_verbs"] or (
                t.low == "to" or (t.low in r.lex and k > k0) or (k > k0 and t.low.endswith("ed") and len(t.low) > 4)):
            return None
        if t.low not in {"and", "but"} or k == k0:
            continue
        v = k + 1
        while v < len(toks) - 1 and toks[v].low in r.ctx["aux_adverbs"] and toks[v].low not in r.ctx["finite_verbs"]:
            v += 1
        if _second_verb(r, toks, v, ing=ing):
            return toks[k - 1].end if toks[k - 1].text == "," and k > k0 + 1 else t.start
    return None


def _relative_clause_end(r: _Reader, toks: list[_Tok], att: _Att, i: int) -> int | None:
    """Where the content of a cue in a relative clause between commas ends: at the comma before the main clause's
    verb ("The mayor, who said it was safe, closed the bridge" -> "it was safe"), or None.

    >>> # "The hospital, which said it was short of nurses, hired 40 staff." -> the comma after "nurses"
    """
    if att.mention.lower() not in {"who", "which"} or att.m_start < 0:
        return None
    m = next((n for n in range(i, -1, -1) if toks[n].start == att.m_start), None)
    if m is None or m < 1 or toks[m - 1].text != ",":
        return None
    for k in range(len(toks) - 2, i, -1):  # the last such comma: "who said the bridge, which opened in 1990, was safe, left"
        nxt = toks[k + 1]
        if att.q_start <= toks[k].start < att.q_end and toks[k].text == "," and nxt.word and not nxt.cap and (
                nxt.low in r.ctx["finite_verbs"] or nxt.low in r.lex or (nxt.low.endswith("ed") and len(nxt.low) > 4)):
            return toks[k].start
    return None


def _second_verb(r: _Reader, toks: list[_Tok], v: int, *, ing: bool) -> bool:
    """Whether the word at ``v`` (after "and") is a second verb of the subject (see :func:`_second_predicate`).

    >>> # "vowed to", "raised its dividend" -> True; "reduced hours", "retired teachers" -> False
    """
    verb, nxt = toks[v], toks[v + 1] if v + 1 < len(toks) else None
    if not verb.word or verb.cap:
        return False
    if verb.low in r.ctx["finite_verbs"] or (verb.low in r.lex and not verb.low.endswith("ing")) or (ing and verb.low.endswith("ing")):
        return True
    return verb.low.endswith("ed") and len(verb.low) > 4 and nxt is not None and (
        nxt.low in DETERMINERS or nxt.low in r.words.pronouns or nxt.low == "to" or nxt.text[:1].isdigit())


def _trailing_according(att: _Att) -> bool:
    """Whether ``att`` is an "according to" that ends its sentence, its content all before it: the content
    of a cue before it stops there ("The group called for strikes, according to a monitor, which tracks ...").

    >>> a = _Att("according to", 40, 52, "speech", q_start=0, q_end=38, construction="according to")
    >>> _trailing_according(a), _trailing_according(_Att("said", 4, 8, "speech", q_start=9, q_end=30, right=True))
    (True, False)
    """
    return att.construction == "according to" and not att.right and att.q_end <= att.cue_start


def _extend_to_quotes(r: _Reader, att: _Att) -> None:
    """A content that starts or ends inside a quotation takes the whole quotation."""
    span = r.span_at(max(att.q_end - 1, att.q_start))
    if span is not None and span[1] > att.q_end:
        att.q_end = span[1]
    span = r.span_at(att.q_start)
    if span is not None and span[0] < att.q_start:
        att.q_start = span[0]


def _read_sentence(r: _Reader, sent: corpus.Sentence) -> list[_Att]:
    """Every attribution of one sentence, in text order."""
    _register_names(r, sent)
    low = sent.norm.lower()
    words = _candidates_re().finditer(low) if len(low) == len(sent.norm) else re.finditer(
        _candidates_re().pattern, sent.norm, re.I)
    candidates = [m.start() + sent.start for m in words]
    signed = "(@" in sent.norm or ("-" in sent.norm and _QUOTE_SIGNOFF_RE.search(sent.norm) is not None)
    if not candidates and not signed and not _introduces_quotation(sent.norm):
        return []  # no cue word, colon, quotation after a comma or signed post: nothing to read
    toks = r.tokens(sent.start, sent.end)
    turn = _turn(r, sent, toks)
    if turn is not None:
        return [turn]  # 'TAPPER: Believe me, ...': the cues inside a transcript's turn are the speaker's words
    at = {t.start: i for i, t in enumerate(toks)}
    found: list[_Att] = []
    floor = open_floor = sent.start  # where a content read leftwards may start (see _holding for open_floor)
    taken = 0  # the end of the last cue read, so that a cue is read once
    for i in (at[c] for c in candidates if c in at):
        t = toks[i]
        if t.quoted or not t.word or t.start < taken:
            continue
        att = None
        if t.low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            att = _according_to(r, toks, i, floor)
        elif t.low == "what":
            att = _what_called(r, toks, i)
        elif t.low == "asked" and _passive_asked(r, toks, i):
            att = _unnamed_asker(r, toks, i)
        elif t.low in r.lex and _is_cue(r, toks, i):
            att = _verb_cue(r, toks, i, found, floor)
            if open_floor == sent.start < floor and _closes_sentence(r, toks, i):
                att = _holding(r, toks, i, found, att, open_floor)
            if att is None and _noun_cue_word(r, t.low) and not any(f.q_start <= t.start < f.q_end for f in found):
                att = _noun_cue(r, toks, i)  # "a loss would end Lee's hopes to win": no verb reading, a possessor's noun
        elif t.low in r.lex and _passive_opens(r, toks, i):
            att = _passive(r, toks, i)
        elif t.low in r.lex and i + 2 < len(toks) and toks[i + 1].low == "by":
            att = _as_reported_by(r, toks, i)
        elif _noun_cue_word(r, t.low):
            att = _noun_cue(r, toks, i)
        elif t.low in r.ctx["in_evidence_heads"]:
            att = _in_evidence(r, toks, i, floor)
        end = (_second_predicate(r, toks, att, i) or _relative_clause_end(r, toks, att, i)
               ) if att is not None and att.right else None
        if end is not None:  # "praised the plan and vowed ...": the second verb is read on its own
            att.q_end = att.q_start + len(_trim_joint(r.norm[att.q_start:end]))
        if att is not None and att.q_end > att.q_start and (t.low == "what" or not _nested(r, toks, att, found)):
            found.append(att)
            taken = att.q_start if att.right else att.cue_end  # "quoted X as saying": one cue
            if att.construction != "what X called":  # a label inside a content does not end it
                clipped = att.right and att.q_end < toks[-1].end  # a subordinate clause's content
                floor = max(floor, att.cue_end, att.m_end, att.q_end if not att.right or clipped else 0)
                open_floor = floor if not att.right or clipped else open_floor
    if not found and any(word in low for word in r.ctx["hearsay_adverbs"]):
        att = _hearsay(r, toks)
        found = [att] if att else []
    if not found and toks and _introduces_quotation(sent.norm):
        att = (_name_colon(r, toks) if r.norm[sent.start - 1:sent.start] in {"", "\n"} and sent.norm.find(":") > 0
               else None) or _colon_quote(r, toks)
        found = [att] if att else []
    if not found and signed:
        att = _signoff(r, sent)
        found = [att] if att else []
    _cut_contents(r, found)
    for att in found:
        _end_before_but(r, toks, att)
    found = [att for att in found if not _asks_anonymity(r, att)]
    for att in found:
        _extend_to_quotes(r, att)
        att.sentence = sent
    return found


def _closes_sentence(r: _Reader, toks: list[_Tok], i: int) -> bool:
    """Whether the cue at ``i`` closes its sentence: at most four words after it, no "-ing" form after a preposition
    ("will insist on being himself") and no possessive before it ("Friday's tweets" is a noun).

    >>> # '..., the operator said.', '..., said the mayor on Tuesday.' -> True; '..., including Lee's tweets.' -> False
    """
    if _n_words(toks[i + 1:], enough=5) > 4 or (i > 0 and (toks[i - 1].low.endswith("'s") or toks[i - 1].low in
                                                          _POSSESSIVES)):
        return False
    return not any(toks[k].low in r.ctx["adjunct_preps"] and toks[k + 1].low.endswith("ing")
                   for k in range(i + 1, len(toks) - 1))



def _holding(r: _Reader, toks: list[_Tok], i: int, found: list[_Att], att: _Att | None, open_floor: int) -> _Att | None:
    """A closing '..., X said' after an attribution whose content runs to the sentence end holds that attribution:
    in 'Officials expect delays on the line, the operator said.' the operator's content is "Officials expect delays
    on the line" (read again from ``open_floor``, where the earlier attribution's clause may start), and
    :func:`_cut_contents` ends the officials' content before the comma. Only a content read leftwards and
    separated from the speaker and cue by a comma is taken; otherwise ``att`` (read from the usual floor) stays.

    >>> # "Lee said the race is close, the newspaper reported." -> the newspaper: "Lee said the race is close"
    """
    held = _verb_cue(r, toks, i, found, open_floor)
    if held is None or held.right or held.q_end > held.cue_start or (att is not None and held.q_start >= att.q_start):
        return att
    end = min(x for x in (held.cue_start, held.m_start) if x >= 0)  # where the speaker and cue begin
    first = next(n for n, t in enumerate(toks) if t.start >= end)
    if first > 0 and toks[first - 1].low == "as":
        return att  # "The judge believes the jury erred, as Smith argued": Smith argued only the clause
    comma = _COMMA_RE.search(r.norm, held.q_end, end) is not None  # not the comma of "1,100"
    return held if comma and _names_a_source(r, held.mention) and (att is None or not att.gaps) else att


_COMMA_RE = re.compile(r",'?\s")  # also ",' " after a single-quoted word


def _names_a_source(r: _Reader, mention: str) -> bool:
    """Whether a mention has a capitalised word or a noun for people, organisations, evidence or documents
    ("officials", "a police report"; not "given his previous" before "comments").

    >>> # "officials", "the rail operator", "Ann Lee", "records" -> True; "given his previous" -> False
    """
    w = r.words
    return any(word[:1].isupper() or _source_noun(r, low) or low in w.work_nouns or low in w.collective_nouns
               for word in mention.split() for low in (word.lower(),)) or mention.lower() in w.pronouns


def _continues_quote(r: _Reader, sent: corpus.Sentence, last: _Att | None) -> tuple[int, int, bool] | None:
    """The quotation of a sentence that only continues the last attribution's quotation
    ('"A," he said. "B."'), or None."""
    lead = len(sent.norm) - len(sent.norm.lstrip())
    if last is None or last.sentence is None or r.norm[sent.start + lead:sent.start + lead + 1] != '"':
        return None
    if last.sentence.paragraph != sent.paragraph or last.follow_on:
        return None
    if not _quotes(r, last):
        return None  # the last attribution quoted nothing
    return r.span_at(sent.start + lead + 1)


def _last_quoting(r: _Reader, found: list[_Att]) -> _Att:
    """The attribution a following quotation continues: the sentence's last one that quotes, else its last.

    In '"A," said Ann Lee, who had endorsed Kasich. "B."' B goes on with Lee's quotation,
    not with the relative clause read after it.
    """
    return ([a for a in found if _quotes(r, a)] or found)[-1]


def _quotes(r: _Reader, att: _Att) -> bool:
    """Whether an attribution's content begins or ends inside a quotation."""
    return r.span_at(att.q_start) is not None or r.span_at(att.q_end - 1) is not None


def _follow_on(r: _Reader, para: tuple[int, int], first: corpus.Sentence, previous: _Att | None) -> _Att | None:
    """A paragraph that is one quotation, with no cue outside it, continues the previous speaker."""
    start, end = para
    if previous is None or not r.norm[start:end].startswith('"'):
        return None
    span = r.span_at(start + 1)
    if span is None or r.norm[span[1]:end].strip(' ".,'):
        return None
    return _Att("", span[0], span[0], previous.act, previous.mention, -1, -1, span[0], span[1],
                speaker=previous.speaker, follow_on=True, sentence=first, construction="follow-on")


def _continues_attribution(r: _Reader, last: _Att, follow: _Att) -> bool:
    """Whether a paragraph that is only a quotation (``follow``) goes on with the attribution before it
    (``last``) as one attribution: when that attribution quoted, as the speaker's words over two paragraphs do.
    Not after a question, which the next paragraph may answer in another voice ('"Where to?" the officer asked.'
    then '"Home."'), not when the paragraph opens with a speaker's label ('"PENCE: Well, ...'), not after a
    transcript's turn, and not after an attribution that quoted nothing ("Lee said the plan failed."): then the
    paragraph is an attribution of its own, with the same speaker and no cue.

    >>> # '"We won," she said.' then '"Next year we go again."' -> True: one attribution, two parts
    """
    return (_quotes(r, last) and follow.q_start > last.q_end and last.construction not in {"turn", "name colon"}
            and not r.norm[last.q_start:last.q_end].rstrip(" \"'\u201d\u2019").endswith("?")
            and not _TURN_LABEL_RE.match(r.norm[follow.q_start:follow.q_start + 40].lstrip("\"' ")))


def article_quotes(article_id: str, outlet: str, text: str, sents: list[corpus.Sentence],
                   spans: list[dict] | None = None, *, norm: str | None = None, speakers: str | None = None) -> list[dict]:
    """Attributions in one article (see :func:`extract_quotes` for the fields).

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        sents: its :class:`helpers.corpus.Sentence` records.
        spans: its quotation spans (computed when omitted).
        norm: ``normalise(text)`` when the caller has it (computed when omitted).
        speakers: the speaker table's path (default :func:`default_speakers`).

    Returns:
        One record per attribution, in text order.
    """
    spans = article_quote_spans(article_id, text) if spans is None else spans
    r = _Reader(text, quote_marks(normalise(text) if norm is None else norm),
                [(s["start"], s["end"], bool(s["balanced"])) for s in spans], speakers=speakers or "")
    paras = _paragraph_spans(text)
    last: _Att | None = None
    current_para = -1
    previous = None
    for sent in sents:
        r.before, previous = previous, sent  # for a pronoun that names the sentence before's subject
        r.mentions.since = (r.before or sent).start  # how far back a second reference looks for its person
        r.mentions.here = sent.start
        if last is not None and last.sentence is not None and sent.start < last.q_end and (
                last.sentence.paragraph < sent.paragraph or last.construction == "name colon"):
            continue  # a paragraph a colon introduced ('Lee said:') or the rest of a turn: already content
        if sent.paragraph != current_para:
            current_para = sent.paragraph
            follow = _follow_on(r, paras[sent.paragraph], sent, last) if last is not None else None
            if follow is not None and _continues_attribution(r, last, follow):
                last.gaps.append((last.q_end, follow.q_start))  # one quotation over two paragraphs
                last.q_end = follow.q_end
                continue
            if follow is not None:  # nothing outside its quotation, so no cue either
                r.atts.append(follow)
                last = follow
                continue
        elif follow is not None and follow.q_end >= sent.end - 1:
            continue  # a sentence of the follow-on quotation
        found = _read_sentence(r, sent)
        span = None if found else _continues_quote(r, sent, last)
        if span is not None:
            if span[0] > last.q_end:
                last.gaps.append((last.q_end, span[0]))
            last.q_end = max(last.q_end, span[1])
            continue
        r.atts += found
        last = _last_quoting(r, found) if found else (last if last is not None and last.sentence is not None
                                                      and last.sentence.paragraph == sent.paragraph else None)
    return [_record(r, att, article_id, outlet) for att in sorted(r.atts, key=lambda a: a.start)]


def content_parts(start: int, end: int, gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of a content once the attribution's own words inside it are left out.

    >>> content_parts(0, 30, [(10, 18)])
    [(0, 10), (18, 30)]
    """
    parts, at = [], start
    for a, b in sorted(gaps):
        if a > at:
            parts.append((at, a))
        at = max(at, b)
    if end > at:
        parts.append((at, end))
    return parts


def _part_text(r: _Reader, a: int, b: int) -> str:
    """The text of one content part, a doubled apostrophe kept whole: quote_marks reads "''" as a mark and a
    space, so a part may start at the second apostrophe or end after the first.

    >>> # "''We won,'' she said. ''It is ours.''" -> the second part reads "It is ours.", not "'It is ours."
    >>> # "Lee said it was ''a disaster.''" -> "it was ''a disaster.''", not "it was ''a disaster.'"

    The text may so run one character past the part's offsets in ``content_spans``.
    """
    while a < b and r.norm[a].isspace():
        a += 1
    if b < len(r.text) and r.norm[b - 1] == '"' and r.text[b - 1:b + 1] == "''":
        b += 1
    return r.text[a:b].strip()


def _record(r: _Reader, att: _Att, article_id: str, outlet: str) -> dict:
    """The output row of one attribution."""
    parts = content_parts(att.q_start, att.q_end, att.gaps)
    spans = r.spans_between(att.q_start, att.q_end)
    words = sum(len(_WORD_RE.findall(r.norm, a, b)) for a, b in parts)
    quoted = sum(len(_WORD_RE.findall(r.norm, max(a, s0), min(b, s1)))
                 for a, b in parts for s0, s1, _ in spans if s0 < b and s1 > a) if spans else 0
    share = quoted / words if words else 0.0
    kind = "direct" if share >= 0.9 else "mixed" if quoted else "indirect"
    table = _match_speaker(att.mention, r.speakers) if att.mention else None
    if table is None and att.speaker:
        table = _match_speaker(att.speaker, r.speakers)
    speaker = table.canonical if table else ("" if is_fragment(att.speaker) else att.speaker)
    unbalanced = any(not s[2] for s in spans if s[0] >= att.q_start)
    sent = att.sentence
    cue_start = att.cue_start if att.cue else att.q_start
    return {
        "article_id": article_id, "outlet": outlet, "paragraph": sent.paragraph, "sentence_no": sent.sentence,
        "sentence": sent.text, "speaker": speaker, "speaker_mention": att.mention,
        "side": table.side if table else UNKNOWN_SIDE, "role": table.role if table else "", "kind": kind,
        "act": att.act, "cue": att.cue, "quote": " … ".join(_part_text(r, a, b) for a, b in parts),
        "content_spans": ";".join(f"{a}-{b}" for a, b in parts),
        "start": att.start, "end": max(att.cue_end, att.m_end, att.q_end), "cue_start": cue_start,
        "cue_end": att.cue_end if att.cue else cue_start, "quote_start": att.q_start, "quote_end": att.q_end,
        "quoted_words": quoted, "confidence": "low" if unbalanced else "high",
    }


def extract_quotes(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None,
                   speakers: str | Path | None = None) -> pd.DataFrame:
    """One row per attribution: speech, belief or evidence reported in the text.

    Args:
        articles: the articles table from :func:`helpers.corpus.load_articles`.
        sentences: precomputed :func:`helpers.corpus.sentences` (computed when omitted).
        speakers: a speaker table (CSV path); default the study in use (:func:`default_speakers`).

    Returns:
        Columns ``article_id, outlet, paragraph, sentence_no, sentence`` (full sentence text),
        ``speaker`` (resolved name: the table's canonical name, the fullest form of a person's
        name in the article, a pronoun's antecedent; empty when nothing could be resolved),
        ``speaker_mention`` (as written), ``side, role`` (from the speaker table; side ``Unknown``
        otherwise), ``kind`` (direct / mixed / indirect), ``act`` (speech / belief / evidence),
        ``cue, quote`` (the content), ``start, end`` (offsets of the whole attribution in the
        cleaned text), ``cue_start, cue_end, quote_start, quote_end, quoted_words`` and
        ``confidence`` (low when quotation marks are unbalanced).
    """
    sents = corpus.sentences_by_article(corpus.sentences(articles) if sentences is None else sentences)
    table = str(speakers or default_speakers())
    records = [r for aid, outlet, text in zip(articles["article_id"], articles["outlet"], articles["text"])
               for r in article_quotes(aid, outlet, text, sents.get(aid, []), speakers=table)]
    return pd.DataFrame(records, columns=QUOTE_COLUMNS)


# ---------------------------------------------------------------- summaries for the notebooks


def speech(quotes_: pd.DataFrame) -> pd.DataFrame:
    """The speech acts among attributions (what the side and form measures count by default).

    >>> speech(pd.DataFrame({"act": ["speech", "belief"]})).shape[0]
    1
    """
    return quotes_[quotes_["act"] == "speech"] if "act" in quotes_.columns else quotes_


def by_outlet_side(quotes_: pd.DataFrame) -> pd.DataFrame:
    """Attributions per outlet and side, with each side's share of the outlet's attributions.

    Args:
        quotes_: :func:`extract_quotes` output.

    Returns:
        Tidy columns ``outlet, side, attributions, share``.
    """
    counts = quotes_.groupby(["outlet", "side"]).size().rename("attributions").reset_index()
    counts["share"] = counts["attributions"] / counts.groupby("outlet")["attributions"].transform("sum")
    return counts


def kind_by_side(quotes_: pd.DataFrame, *, by: str = "side") -> pd.DataFrame:
    """Direct, mixed and indirect attributions per side (or per ``by``, e.g. ``outlet``), with shares within it.

    Args:
        quotes_: :func:`extract_quotes` output.
        by: the grouping column.

    Returns:
        Tidy columns ``<by>, kind, attributions, share``.
    """
    counts = quotes_.groupby([by, "kind"]).size().rename("attributions").reset_index()
    counts["share"] = counts["attributions"] / counts.groupby(by)["attributions"].transform("sum")
    return counts


def first_speakers(quotes_: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The first attribution of each article (headline included), or none.

    Args:
        quotes_: :func:`extract_quotes` output.
        articles: the articles table (articles with no attribution are listed too).

    Returns:
        Columns ``article_id, outlet, speaker, side, kind, paragraph, sentence``.
    """
    first = quotes_.sort_values(["article_id", "start"]).groupby("article_id").head(1)
    cols = ["article_id", "speaker", "side", "kind", "paragraph", "sentence"]
    merged = articles[["article_id", "outlet"]].merge(first[cols], on="article_id", how="left")
    return merged.fillna({"speaker": "(no attribution)", "side": "(none)"})


def quoted_words(quotes_: pd.DataFrame) -> pd.DataFrame:
    """Words inside quotation marks that each outlet gives each side (direct and mixed attributions).

    Args:
        quotes_: :func:`extract_quotes` output.

    Returns:
        Tidy columns ``outlet, side, quoted_words``.
    """
    return quotes_.groupby(["outlet", "side"])["quoted_words"].sum().reset_index()


def top_speakers(quotes_: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The most-attributed speakers of each outlet (resolved names; unresolved speakers left out).

    Args:
        quotes_: :func:`extract_quotes` output.
        n: speakers kept per outlet.

    Returns:
        Columns ``outlet, speaker, side, attributions, direct``, most attributions first in each outlet.

    >>> q = pd.DataFrame({"outlet": ["A", "A", "A"], "speaker": ["Lee", "Lee", ""], "side": ["Unknown"] * 3,
    ...                   "kind": ["direct", "indirect", "direct"]})
    >>> top_speakers(q).values.tolist()
    [['A', 'Lee', 'Unknown', 2, 1]]
    """
    named = quotes_[quotes_["speaker"] != ""]
    counts = (named.assign(direct=named["kind"] == "direct")
              .groupby(["outlet", "speaker", "side"]).agg(attributions=("kind", "size"), direct=("direct", "sum"))
              .reset_index())
    counts["direct"] = counts["direct"].astype(int)
    counts = counts.sort_values(["outlet", "attributions", "speaker"], ascending=[True, False, True])
    return counts.groupby("outlet").head(n).reset_index(drop=True)
