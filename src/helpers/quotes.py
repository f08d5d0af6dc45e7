"""Quotations and speech attributions: who each outlet lets speak, and in what form.

The extractor is rule-based and works on the normalised cleaned text (offsets
are valid on the original):

1. :func:`quote_spans` finds quotation-mark spans per article, including
   quotations continued across paragraphs and unbalanced marks.
2. :func:`extract_quotes` finds reporting cues (``data/lexicons/reporting_verbs.csv``),
   finds the speaker (subject before the cue, inverted subject after it,
   "according to X", "X quoted Y as saying", "what it called"), resolves pronouns
   and anaphora ("it", "she", "the ministry", "the statement") to the most recent
   compatible speaker, maps it to the speaker table (``data/speakers.csv``), and
   decides the kind: direct, indirect or mixed. A paragraph that is only a
   quotation continuing the previous speaker becomes a follow-on row with no cue.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers import config, corpus
from helpers.text import NEVER, normalise, trie_regex

SIDES = ["Azerbaijan", "Armenia", "Nagorno-Karabakh", "Russia", "International", "Media", "Unknown"]
QUOTE_COLUMNS = [
    "article_id", "outlet", "paragraph", "sentence_no", "sentence", "speaker", "speaker_mention", "side", "role",
    "kind", "cue", "quote", "start", "end", "cue_start", "cue_end", "quote_start", "quote_end", "quoted_words", "confidence",
]
SPAN_COLUMNS = ["article_id", "start", "end", "text", "n_words", "paragraph", "continued", "balanced"]

PRONOUNS = {"it", "he", "she", "they", "its", "his", "her", "their"}
PERSON_PRONOUNS = {"he", "she"}
ANAPHORA_HEADS = {"ministry", "statement", "department", "government", "spokesperson", "spokesman", "spokeswoman",
                  "agency", "official", "officials", "authorities", "office", "military", "army"}
AUX = {"also", "has", "have", "had", "long", "previously", "further", "later", "reportedly", "earlier", "will",
       "would", "repeatedly", "again", "then", "meanwhile", "already", "not", "never", "officially",
       "publicly", "subsequently", "is", "are", "was", "were", "been", "being"}
BOUNDARY_WORDS = {"that", "and", "but", "while", "whereas", "after", "before", "because", "since", "when", "where",
                  "if", "although", "though", "so", "amid", "as", "than", "which", "who", "whom", "whose", "what",
                  "meanwhile", "however"}
RELATIVE = {"who", "which", "that", "whom"}
PASSIVE_AUX = {"is", "are", "was", "were", "been", "being", "be"}
NOUN_FORMS = {"reports", "report", "claims", "claim", "warning", "blame", "quotes", "calls", "notes", "states",
              "statement", "demands", "writes"}
ADVERBIAL_BEFORE_ING = {"before", "after", "without", "by", "while", "when", "since", "upon", "on"}


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class Speaker:
    """One row of the speaker table."""

    canonical: str
    side: str
    role: str
    type: str


@lru_cache(maxsize=4)
def speaker_table(path: str | None = None) -> pd.DataFrame:
    """The editable speaker table (``data/speakers.csv``).

    Args:
        path: another CSV with columns ``canonical, aliases, side, role, type``.

    Returns:
        One row per speaker; ``aliases`` is a list that includes the canonical name.

    Raises:
        ValueError: naming the file, when a column is missing or a side is unknown.
    """
    path = Path(path) if path else config.SPEAKERS
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"canonical", "aliases", "side", "role"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: speaker table lacks column(s) {sorted(missing)}")
    bad = sorted(set(table["side"]) - set(SIDES))
    if bad:
        raise ValueError(f"{path}: unknown side(s) {bad}; use one of {SIDES}")
    if "type" not in table.columns:
        table["type"] = "organisation"
    table["aliases"] = [[a.strip() for a in (row.aliases.split("|") + [row.canonical]) if a.strip()]
                        for row in table.itertuples()]
    return table


@lru_cache(maxsize=4)
def _alias_index(path: str | None = None) -> tuple[re.Pattern, dict[str, Speaker]]:
    table = speaker_table(path)
    lookup: dict[str, Speaker] = {}
    for row in table.itertuples():
        for alias in row.aliases:
            lookup.setdefault(normalise(alias).lower(), Speaker(row.canonical, row.side, row.role, row.type))
    lookup.pop("", None)  # an alias that is only spaces or punctuation would match everywhere
    names = sorted(lookup, key=len, reverse=True)
    if not names:
        return NEVER, lookup
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)
    return pattern, lookup


@lru_cache(maxsize=4)
def _alias_re_lower(path: str | None = None) -> re.Pattern | None:
    """The alias regex as a trie without IGNORECASE, for lower-cased ASCII text (same matches, faster)."""
    _, lookup = _alias_index(path)
    # an alias with a letter no ASCII letter matches case-insensitively ("é") cannot occur in ASCII text
    if any(not n.isascii() and all(c.isascii() or _ascii_equivalent(c) for c in n) for n in lookup):
        return None
    names = [n for n in lookup if n.isascii()]
    if not names:
        return NEVER
    return re.compile(r"(?<![\w-])" + trie_regex(names) + r"(?![\w-])")


def _ascii_equivalent(ch: str) -> bool:
    """Whether some ASCII character matches ``ch`` under IGNORECASE (the Kelvin sign matches "k")."""
    return any(re.fullmatch(re.escape(ch), chr(x), re.I) for x in range(128))


@lru_cache(maxsize=4)
def reporting_verbs(path: str | None = None) -> dict[str, str]:
    """Reporting cue forms mapped to their lemma (``data/lexicons/reporting_verbs.csv``).

    Args:
        path: another CSV with columns ``lemma, forms``.

    Returns:
        ``{form: lemma}`` for every form, lower case.
    """
    path = Path(path) if path else config.LEXICON_DIR / "reporting_verbs.csv"
    forms = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for form in row["forms"].split("|"):
                if form.strip():  # "said||says" has an empty form, which would match everywhere
                    forms[form.strip().lower()] = row["lemma"]
    return forms


@lru_cache(maxsize=4)
def _cue_re(path: str | None = None) -> re.Pattern:
    forms = sorted(reporting_verbs(path), key=len, reverse=True)
    if not forms:
        return NEVER
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)


@lru_cache(maxsize=4)
def _cue_re_lower(path: str | None = None) -> re.Pattern:
    """The cue regex without IGNORECASE, for lower-cased ASCII text (the same matches, about five times faster)."""
    forms = reporting_verbs(path)
    if not forms:
        return NEVER
    return re.compile(r"\b" + trie_regex(forms) + r"\b")  # longest form first, as _cue_re


def match_speaker(mention: str) -> Speaker | None:
    """Map a speaker mention to the speaker table by alias.

    The alias that ends last in the mention wins (the head of "the Republic of
    Azerbaijan's ministry of defense" is the ministry), then the longest.

    Args:
        mention: the noun phrase as written.

    Returns:
        The matched :class:`Speaker`, or ``None``.
    """
    pattern, lookup = _alias_index()
    text = normalise(mention)
    fast = _alias_re_lower() if text.isascii() else None
    best = None
    for m in (fast.finditer(text.lower()) if fast is not None else pattern.finditer(text)):
        key = (m.end(), m.end() - m.start())
        if best is None or key > best[0]:
            best = (key, lookup[m.group(0).lower()])
    return best[1] if best else None


# ---------------------------------------------------------------- quotation spans


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def article_quote_spans(article_id: str, text: str) -> list[dict]:
    """Spans inside quotation marks (straight or curly) in one cleaned text.

    Curly marks say which way they face; straight marks alternate. A quotation
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

    def span(start: int, end: int, paragraph: int, continued: bool, balanced: bool) -> None:
        inner = text[start:end]
        records.append({"article_id": article_id, "start": start, "end": end, "text": inner,
                        "n_words": len(inner.split()), "paragraph": paragraph, "continued": continued,
                        "balanced": balanced})

    paras = _paragraph_spans(text)
    for i, (p_start, p_end) in enumerate(paras):
        open_at = None
        for m in _MARK_RE.finditer(text, p_start, p_end):
            j, ch = m.start(), m.group(0)
            opening = ch in "\u201c\u201e\u00ab" or (ch == '"' and open_at is None)
            if ch == "\u201d" or ch == "\u00bb" or (ch == '"' and open_at is not None):
                opening = False
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
            continued = bool(nxt) and normalise(text[nxt[0]]) == '"'
            span(open_at, p_end, i, continued, continued)
    return records


_MARK_RE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")


def quote_spans(articles: pd.DataFrame) -> pd.DataFrame:
    """Quotation spans of every article (see :func:`article_quote_spans`).

    Args:
        articles: the articles table.

    Returns:
        Columns ``article_id, start, end, text, n_words, paragraph, continued, balanced``.
    """
    rows = [r for aid, text in zip(articles["article_id"], articles["text"]) for r in article_quote_spans(aid, text)]
    return pd.DataFrame(rows, columns=SPAN_COLUMNS)


# ---------------------------------------------------------------- attribution


@dataclass
class _Att:
    speaker: Speaker | None
    mention: str
    cue: str
    cue_start: int
    cue_end: int
    q_start: int
    q_end: int
    start: int
    end: int
    kind: str = "indirect"
    confidence: str = "high"
    sentence: object = None
    m_start: int = -1
    nested: bool = False
    quoted_words: int = 0


_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


def _tokens(text: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start() + offset, m.end() + offset) for m in _TOKEN_RE.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int, bool]]) -> tuple[int, int, bool] | None:
    return next((s for s in spans if s[0] <= pos < s[1]), None)


@dataclass(frozen=True)
class _Text:
    article_id: str
    outlet: str
    text: str


class _Article:
    """Per-article state: normalised text, quote spans, attributions so far."""

    def __init__(self, article: _Text, spans: list[dict], norm: str | None = None):
        self.a = article
        self.norm = normalise(article.text) if norm is None else norm
        # lower-cased copy for case-insensitive searches; only for ASCII, where lower() maps one character to one
        self.low = self.norm.lower() if self.norm.isascii() else None
        self.spans = [(r["start"], r["end"], bool(r["balanced"])) for r in spans]
        self.atts: list[_Att] = []
        self.current: list[_Att] = []  # attributions of the sentence being read

    def outside_quotes(self, pos: int) -> bool:
        return _inside(pos, self.spans) is None


def _left_np(art: _Article, sent_start: int, cue_start: int) -> tuple[str, int, int, str]:
    """Subject noun phrase to the left of a cue.

    Returns ``(mention, start, end, stop)`` where ``stop`` is the token that ended
    the scan ("" at the sentence start).
    """
    toks = _tokens(art.norm[sent_start:cue_start], sent_start)
    i = len(toks) - 1
    while i >= 0 and toks[i][0].lower() in AUX:
        i -= 1
    end_i = i
    if end_i >= 0 and toks[end_i][0].lower() in reporting_verbs():
        return "", cue_start, cue_start, toks[end_i][0].lower()
    # skip a trailing appositive or relative clause: ", a spokesperson for X," / ", who has ... ,"
    if end_i >= 0 and toks[end_i][0] == ",":
        j = end_i - 1
        while j >= 0 and toks[j][0] != ",":
            j -= 1
        inner = [t[0].lower() for t in toks[j + 1:end_i]]
        if j >= 0 and inner and (inner[0] in {"a", "an", "the", "who", "which"}):
            end_i = j - 1
        else:
            return "", cue_start, cue_start, ","
    j = end_i
    stop = ""
    while j >= 0:
        word = toks[j][0]
        low = word.lower()
        if (low in BOUNDARY_WORDS or word in {",", ";", ":", '"', "(", ")", "-"}
                or (low in reporting_verbs() and low not in NOUN_FORMS)):
            stop = low
            break
        j -= 1
    if end_i < 0 or j == end_i:
        return "", cue_start, cue_start, stop
    start, end = toks[j + 1][1], toks[end_i][2]
    return art.a.text[start:end], start, end, stop


def _right_np(art: _Article, pos: int, sent_end: int) -> tuple[str, int, int]:
    """Inverted subject after a cue: "..., said the statement of X." up to punctuation."""
    m = re.match(r"\s*([^,.;:\"()]+)", art.norm[pos:sent_end])
    if not m:
        return "", pos, pos
    start, end = pos + m.start(1), pos + m.end(1)
    text = art.a.text[start:end].strip()
    text = re.split(r"\s+(?:in|on|at|during|published|released|issued|late|earlier)\s", text)[0]
    return text, start, start + len(text)


def _compatible(speaker: Speaker | None, pronoun: str) -> bool:
    if speaker is None:
        return False
    if pronoun in PERSON_PRONOUNS:
        return speaker.type == "person"
    return speaker.type != "person"


def _mentions_outside_quotes(art: _Article, start: int, end: int) -> list[tuple[int, int, Speaker]]:
    pattern, lookup = _alias_index()
    found = []
    for m in pattern.finditer(art.norm, start, end):
        if art.outside_quotes(m.start()):
            found.append((m.start(), m.end(), lookup[m.group(0).lower()]))
    return found


def _resolve_pronoun(art: _Article, pronoun: str, sent_start: int, sent_end: int, pos: int) -> Speaker | None:
    """Most recent compatible speaker: same sentence first, then earlier attributions, then cataphora."""
    same = [t for t in art.current if t.cue_start < pos and _compatible(t.speaker, pronoun)]
    if same:
        return same[-1].speaker
    before = [s for _, _, s in _mentions_outside_quotes(art, sent_start, pos) if _compatible(s, pronoun)]
    if before:
        return before[-1]
    earlier = [t for t in art.atts if t.cue_start < pos and _compatible(t.speaker, pronoun)]
    if earlier:
        return earlier[-1].speaker
    after = [s for _, _, s in _mentions_outside_quotes(art, pos, sent_end) if _compatible(s, pronoun)]
    return after[0] if after else None


def _resolve(art: _Article, mention: str, sent_start: int, sent_end: int, pos: int) -> Speaker | None:
    """Map a mention to a speaker: alias, "the country's X", pronoun, or anaphora ("the ministry")."""
    low = normalise(mention).lower().strip()
    words = low.split()
    if low in PRONOUNS:
        return _resolve_pronoun(art, low, sent_start, sent_end, pos)
    if "the country's" in low:
        context = next((t.speaker for t in reversed(art.atts)
                        if t.speaker and t.speaker.side in {"Azerbaijan", "Armenia", "Russia"}), None)
        if context:
            found = match_speaker(low.replace("the country's", f"{context.side}'s"))
            if found:
                return found
    found = match_speaker(mention)
    if found:
        return found
    if words and words[0] == "the" and words[-1] in ANAPHORA_HEADS:
        # "the ministry": the latest organisation whose name has the head noun, else the latest organisation
        earlier = [t for t in art.atts + art.current if t.speaker and t.speaker.type != "person"]
        fitting = [t for t in earlier if words[-1] in t.speaker.canonical.lower()] if len(words) <= 3 else []
        if fitting or earlier:
            return (fitting or earlier)[-1].speaker
    return None


def _quote_adjacent(art: _Article, cue_start: int, cue_end: int, mention_start: int, mention_end: int,
                    sent_start: int, sent_end: int) -> tuple[int, int, bool] | None:
    """A quotation that ends just before the speaker/cue, or starts just after the cue."""
    left = min(cue_start, mention_start)
    for s in art.spans:
        if sent_start <= s[1] and 0 <= left - s[1] <= 4:  # cheap tests first
            gap = art.norm[s[1]:left]
            if re.fullmatch(r'[\s,!?"]*', gap) and re.search(r"[,!?]", art.norm[s[1] - 1] + gap):
                return s
    right = max(cue_end, mention_end)
    for s in art.spans:
        if s[0] < sent_end and 0 < s[0] - right <= 4:
            gap = art.norm[right:s[0]]
            if re.fullmatch(r'[\s,:"]*', gap) and re.search(r'[,:]\s*"', gap):
                return s
    return None


_ADJUNCT_RE = re.compile(
    r"^\s*(?:(?:in|on|at)\s+(?:a|an|the|its|their)?\s*(?:[\w-]+\s+){0,2}?(?:statement|interview|briefing|"
    r"conference|ground|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|late\s+\w+|earlier|"
    r"also|on\s+\w+day)", re.I)


def _nothing_follows(rest: str, lemma: str) -> bool:
    """True when no content clause follows a cue: only adjuncts ("in a statement on Tuesday") or punctuation."""
    if lemma == "tell":
        rest = re.sub(r"^\s*(?:[A-Z][\w'-]*\s*)+", "", rest)
    previous = None
    while previous != rest:
        previous = rest
        rest = _ADJUNCT_RE.sub("", rest, count=1)
    rest = rest.strip()
    return rest == "" or rest[0] in ",.;:!?\"" or rest.lower().startswith(("adding", "stressing", "saying"))


def _quotes_in(art: _Article, start: int, end: int) -> list[tuple[int, int, bool]]:
    return [s for s in art.spans if s[0] >= start and s[1] <= end + 1 and s[0] < end]


def _finish(art: _Article, att: _Att, sent) -> None:
    content = art.a.text[att.q_start:att.q_end].strip(" ,.\"\u201c\u201d")
    att.sentence = sent.start
    if not content and att.kind != "direct":
        att.q_start = att.q_end = att.cue_end
    art.atts.append(att)


_WORD_RUN_RE = re.compile(r"[\w']+")


def _last_word(text: str) -> str:
    """The last run of word characters and apostrophes in ``text``, lower-cased ("" when none)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] in "_'"):
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "_'"):
        start -= 1
    return text[start:end].lower()


_ACCORDING_RE = re.compile(r"\baccording to\s+([^,.;:\"]+)", re.I)
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(.+?)\s+as\s+saying\b", re.I)
_READ_RE = re.compile(r"\bread\s+((?:a|the|an)\s+[^,.;:\"]{0,60}?statement(?:\s+(?:by|from|of)\s+[^,.;:\"]+)?)")
_WHAT_RE = re.compile(r"\bwhat\s+(it|they|he|she|[A-Z][\w' -]{1,40}?)\s+(?:has\s+|had\s+|have\s+)?"
                      r"(called|labeled|labelled|termed|dubbed|described as|claims?|claimed)(\s+to\s+be)?\b")


def _attributions_in_sentence(art: _Article, sent) -> None:
    s_start, s_end = sent.start, sent.end
    text = art.norm[s_start:s_end]
    low = art.low[s_start:s_end] if art.low is not None else None
    consumed: list[tuple[int, int]] = []
    art.current = []
    pending: list[_Att] = art.current

    def is_consumed(pos: int) -> bool:
        return any(a <= pos < b for a, b in consumed)

    # "according to X" (the substring tests only skip regexes that cannot match)
    for m in (_ACCORDING_RE.finditer(text) if low is None or "according to" in low else ()):
        mention = m.group(1).strip()
        mention = re.split(r"\s+(?:on|in|at)\s+the\s+ground\b", mention)[0]
        if mention.lower().startswith(("international law", "the law", "law", "data", "figures", "estimates", "a source")):
            continue
        c0, c1 = s_start + m.start(), s_start + m.start() + len("according to")
        n0 = s_start + m.start(1)
        speaker = _resolve(art, mention, s_start, s_end, c0)
        at_start = m.start() <= 2
        q0, q1 = (n0 + len(mention), s_end) if at_start else (s_start, c0)
        pending.append(_Att(speaker, art.a.text[n0:n0 + len(mention)], "according to", c0, c1, q0, q1,
                            min(c0, q0), max(c1, q1, n0 + len(mention))))
        consumed.append((c0, n0 + len(mention)))

    # "X quoted Y as saying"
    for m in (_QUOTED_AS_RE.finditer(text) if low is None or "quoted" in low else ()):
        c0, c1 = s_start + m.start(), s_start + m.start() + len("quoted")
        y0, y1 = s_start + m.start(1), s_start + m.end(1)
        speaker = _resolve(art, art.a.text[y0:y1], s_start, s_end, c0)
        q0 = s_start + m.end()
        q0 += len(re.match(r"\s*(?:that\s+)?", art.norm[q0:s_end]).group(0))
        pending.append(_Att(speaker, art.a.text[y0:y1], "quoted", c0, c1, q0, s_end, s_start, s_end))
        consumed.append((c0, s_start + m.end()))

    # "..., read a Ministry of Defense statement" / "read a statement by X"
    for m in (_READ_RE.finditer(text) if "read" in text else ()):
        c0, c1 = s_start + m.start(), s_start + m.start() + len("read")
        n0, n1 = s_start + m.start(1), s_start + m.end(1)
        mention = art.a.text[n0:n1]
        speaker = _resolve(art, mention, s_start, s_end, c0)
        adjacent = _quote_adjacent(art, c0, c1, n0, n1, s_start, s_end)
        if adjacent is None:
            continue
        pending.append(_Att(speaker, mention, "read", c0, c1, adjacent[0], adjacent[1], adjacent[0], n1, "direct",
                            "high" if adjacent[2] else "low"))
        consumed.append((c0, n1))

    # "what it called X", "what it has labeled X", "what they claim (to be) X"
    for m in (_WHAT_RE.finditer(text) if "what" in text else ()):
        c0, c1 = s_start + m.start(2), s_start + m.end(2)
        if is_consumed(c0):
            continue
        mention = m.group(1)
        speaker = _resolve(art, mention, s_start, s_end, s_start + m.start(1))
        q0 = s_start + m.end()
        phrase = re.match(r"\s*(?:[\w'-]+\s+)?\"[^\"]*\"?|\s*[^,.;]+", art.norm[q0:s_end])
        q1 = q0 + (phrase.end() if phrase else 0)
        q0 += len(art.norm[q0:q1]) - len(art.norm[q0:q1].lstrip())
        pending.append(_Att(speaker, art.a.text[s_start + m.start(1):s_start + m.end(1)], m.group(2).lower(),
                            c0, c1, q0, q1, s_start + m.start(), q1, m_start=s_start + m.start(1), nested=True))
        consumed.append((s_start + m.start(), c1))

    # general cues
    for m in (_cue_re().finditer(text) if low is None else _cue_re_lower().finditer(low)):
        c0, c1 = s_start + m.start(), s_start + m.end()
        if is_consumed(c0):
            continue
        form = m.group(0).lower()
        lemma = reporting_verbs()[form]
        before = art.norm[s_start:c0]
        after = art.norm[c1:s_end]
        prev_word = _last_word(before)
        next_word = (m_next.group(0).lower() if (m_next := _WORD_RUN_RE.search(after)) else "")
        if form == "states" and prev_word == "united":
            continue
        if lemma == "call" or lemma == "quote":
            continue  # only in the constructions above
        if lemma == "label" and prev_word != "has":
            continue
        if prev_word in PASSIVE_AUX or (next_word == "by" and form.endswith("ed")):
            continue  # passive: "were reported", "declared by"
        if lemma == "declare" and next_word in {"independent", "independence"}:
            continue
        if form.endswith("ing") and prev_word in ADVERBIAL_BEFORE_ING:
            continue  # "before announcing the offensive"
        if form in {"reports", "claims", "warning", "report", "blame", "claim"} and prev_word in {
                "the", "a", "an", "amid", "of", "these", "those", "such", "new", "unconfirmed"}:
            continue  # nouns
        if not art.outside_quotes(c0):
            inner = _inside(c0, art.spans)
            if inner and (inner[1] - inner[0]) < 80:
                continue  # a cue word inside a short quoted fragment is part of the fragment
        is_participle = form.endswith("ing")
        mention, n0, n1, stop = ("", c0, c0, "") if is_participle else _left_np(art, s_start, c0)
        inverted = False
        speaker = None
        same_sentence = [t for t in art.atts + pending if t.sentence in (None, s_start) and t.cue_start < c0
                         and s_start <= t.cue_start]
        if mention and mention.lower() in {"who", "which", "that"}:
            continue
        if not mention:
            gap = before.rstrip()
            if is_participle or stop == "and":
                # "..., stressing that": the subject of the sentence or of the previous cue
                if same_sentence:
                    prev = same_sentence[-1]
                    speaker, mention = prev.speaker, prev.mention
                else:
                    found = _mentions_outside_quotes(art, s_start, c0)
                    if not found:
                        continue
                    n0, n1, speaker = found[0]
                    mention = art.a.text[n0:n1]
            elif gap.endswith((",", '"', ",\"")) or gap == "":
                mention, n0, n1 = _right_np(art, c1, s_end)
                inverted = True
                if not mention:
                    continue
                speaker = _resolve(art, mention, s_start, s_end, c0)
            else:
                continue
        else:
            speaker = _resolve(art, mention, s_start, s_end, n0)
        if speaker is None and not mention:
            continue
        # content span
        adjacent = _quote_adjacent(art, c0, c1, n0, n1, s_start, s_end)
        before_text = art.norm[s_start:min(n0, c0)].strip()
        cue_after = inverted or (n0 < c0 and before_text.endswith((",", '"')) and len(before_text) > 15
                                 and _nothing_follows(art.norm[c1:s_end], lemma))
        if adjacent is not None:
            q0, q1, balanced = adjacent
            kind = "direct"
        elif cue_after:
            q0 = s_start
            prior = [t for t in same_sentence if t.q_end <= min(n0, c0) and not t.nested]
            if prior:
                q0 = max(t.cue_end for t in prior)
            q1 = min(n0, c0)
            kind = "indirect"
            balanced = True
        else:
            q0 = c1
            q0 += len(re.match(r"\s*(?:that\s+)?", art.norm[q0:s_end]).group(0))
            q1 = s_end
            kind = "indirect"
            balanced = True
        att = _Att(speaker, mention, art.a.text[c0:c1], c0, c1, q0, q1, min(q0, c0, n0), max(q1, c1, n1), kind,
                   "high" if balanced else "low", m_start=n0 if n0 < c0 else c0, nested=stop in {"which", "who"})
        pending.append(att)

    # a content span after its cue ends where the next (non-nested) attribution of the sentence begins
    pending.sort(key=lambda t: t.cue_start)
    for i, att in enumerate(pending):
        if att.kind == "direct" or att.q_start < att.cue_start:
            continue
        later = [t for t in pending[i + 1:] if not t.nested and t.cue_start > att.q_start]
        if later:
            nxt = later[0]
            cut = nxt.m_start if nxt.m_start > att.q_start else nxt.cue_start
            if cut < att.q_end:
                trimmed = re.sub(r"[\s,;]*(?:\b(?:and|while|but|which|who)\b)?[\s,;]*$", "", art.norm[att.q_start:cut])
                att.q_end = att.q_start + len(trimmed)
                att.end = max(att.cue_end, att.q_end)
    for att in pending:
        if att.nested and att.kind != "direct":
            comma = art.norm.find(",", att.q_start, att.q_end)
            if comma > att.q_start:
                att.q_end = comma
        if att.kind != "direct":
            nested = [(t.q_start, t.q_end) for t in pending
                      if t is not att and att.q_start <= t.cue_start < att.q_end]
            inner = [q for q in _quotes_in(art, att.q_start, att.q_end)
                     if not any(a <= q[0] and q[1] <= b + 1 for a, b in nested)]
            if inner:
                att.kind = "mixed"
                att.quoted_words = sum(len(art.norm[a:b].split()) for a, b, _ in inner)
                if not all(q[2] for q in inner):
                    att.confidence = "low"
        else:
            att.quoted_words = len(art.norm[att.q_start:att.q_end].split())
        _finish(art, att, sent)


def _follow_on(art: _Article, para: corpus.Paragraph, sents_in_para: list[corpus.Sentence]) -> None:
    """A paragraph that is one quotation, with no cue outside it, continues the previous speaker."""
    p_text = art.norm[para.start:para.end]
    if not p_text.startswith('"'):
        return
    inner = [s for s in art.spans if s[0] == para.start + 1]
    if not inner:
        return
    span = inner[0]
    tail = art.norm[span[1]:para.end].strip(' ".,')
    if tail:
        return  # something outside the quotation: it carries its own cue (or none)
    if any(t.cue_start >= para.start and t.cue_start < para.end and art.outside_quotes(t.cue_start) for t in art.atts):
        return
    previous = [t for t in art.atts if t.cue_start < para.start and t.speaker is not None]
    if not previous:
        return
    prev = previous[-1]
    sent = sents_in_para[0]
    att = _Att(prev.speaker, "", "", span[0], span[0], span[0], span[1], span[0], span[1], "direct",
               "high" if span[2] else "low", quoted_words=len(art.norm[span[0]:span[1]].split()))
    att.sentence = sent.start
    art.atts.append(att)


def article_quotes(article_id: str, outlet: str, text: str, sents: list[corpus.Sentence],
                   spans: list[dict] | None = None, *, norm: str | None = None) -> list[dict]:
    """Attributions in one article (see :func:`extract_quotes` for the fields).

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        sents: its :class:`helpers.corpus.Sentence` records.
        spans: its quotation spans (computed when omitted).
        norm: ``normalise(text)`` when the caller has it (computed when omitted).

    Returns:
        One record per attribution, in text order.
    """
    art = _Article(_Text(article_id, outlet, text), article_quote_spans(article_id, text) if spans is None else spans,
                   norm)
    by_para: dict[int, list[corpus.Sentence]] = {}
    for sent in sents:
        by_para.setdefault(sent.paragraph, []).append(sent)
    role = {s.paragraph: s.role for s in sents}
    for para_no, start, end in ((i, a, b) for i, (a, b) in enumerate(_paragraph_spans(text))):
        in_para = by_para.get(para_no, [])
        for sent in in_para:
            _attributions_in_sentence(art, sent)
        if in_para:
            _follow_on(art, corpus.Paragraph(article_id, outlet, para_no, role.get(para_no, ""), text[start:end],
                                             start, end), in_para)
    by_start = {s.start: s for s in sents}
    records = []
    for att in sorted(art.atts, key=lambda t: t.cue_start):
        sent = by_start[att.sentence]
        sp = att.speaker
        records.append({
            "article_id": article_id, "outlet": outlet, "paragraph": sent.paragraph,
            "sentence_no": sent.sentence, "sentence": sent.text,
            "speaker": sp.canonical if sp else (att.mention or "unknown"),
            "speaker_mention": att.mention, "side": sp.side if sp else "Unknown", "role": sp.role if sp else "",
            "kind": att.kind, "cue": att.cue, "quote": text[att.q_start:att.q_end].strip(),
            "start": att.start, "end": att.end, "cue_start": att.cue_start, "cue_end": att.cue_end,
            "quote_start": att.q_start, "quote_end": att.q_end, "quoted_words": att.quoted_words,
            "confidence": att.confidence,
        })
    return records


def extract_quotes(articles: pd.DataFrame, *, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attribution (a speech act reported in the text).

    Args:
        articles: the articles table from :func:`helpers.corpus.load_articles`.
        sentences: precomputed :func:`helpers.corpus.sentences` (computed when omitted).

    Returns:
        Columns ``article_id, outlet, paragraph, sentence_no, sentence`` (full
        sentence text), ``speaker`` (canonical; the mention itself when unknown),
        ``speaker_mention, side, role, kind`` (direct / indirect / mixed),
        ``cue, quote`` (the reported content), ``start, end`` (offsets of the whole
        attribution in the cleaned text), ``cue_start, cue_end, quote_start,
        quote_end, quoted_words`` and ``confidence`` (low when quotation marks are unbalanced).
    """
    sents = corpus.sentences_by_article(corpus.sentences(articles) if sentences is None else sentences)
    records = [r for aid, outlet, text in zip(articles["article_id"], articles["outlet"], articles["text"])
               for r in article_quotes(aid, outlet, text, sents.get(aid, []))]
    return pd.DataFrame(records, columns=QUOTE_COLUMNS)


# ---------------------------------------------------------------- summaries for the notebooks


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


def kind_by_side(quotes_: pd.DataFrame) -> pd.DataFrame:
    """Direct, mixed and indirect attributions per side, with shares within the side.

    Args:
        quotes_: :func:`extract_quotes` output.

    Returns:
        Tidy columns ``side, kind, attributions, share``.
    """
    counts = quotes_.groupby(["side", "kind"]).size().rename("attributions").reset_index()
    counts["share"] = counts["attributions"] / counts.groupby("side")["attributions"].transform("sum")
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
