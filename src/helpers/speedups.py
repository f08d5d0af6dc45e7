"""The speed tricks, kept in one place so the rest of the code reads plainly.

* :class:`PatternSet` searches many word-bounded regexes at once, trying each only where one of its
  leading words starts (:func:`_leading_words` reads them from the regex parser's tree);
* :func:`trie_regex` compiles a word list into one regex shaped as a trie;
* :func:`survives_normalise` tells whether a regex matches the same on normalised text;
* :class:`FastPunkt` and :class:`PlainReLanguageVars` make NLTK's Punkt sentence splitter faster
  with the same decisions;
* :func:`skip_iri_grammar` keeps ``jsonschema`` (imported by ``nbformat``) from building an IRI grammar
  the report build never uses (1.4 s per build).

Each trick has a test that compares it with the plain way on real and generated text
(``tests/test_text.py``). They read private parts of ``re`` and NLTK: check them after upgrading either.
"""

from __future__ import annotations

import re
import sys

try:  # the regex parser, to read the leading letters of a pattern
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from nltk.tokenize.punkt import PunktLanguageVars, PunktSentenceTokenizer

from helpers.text import _CHAR_MAP

class FastPunkt(PunktSentenceTokenizer):
    """Punkt with a shortcut for the commonest candidate break, with the same decisions.

    Punkt tests each candidate ("said. The") by tokenising and annotating the
    context. When the context is a word of two or more ASCII letters, a period,
    spaces and a next token, and the word is not a known abbreviation, Punkt's
    answer is always "a break": the first pass marks the word a sentence break; the
    second pass only revisits abbreviations, ellipses, initials (one letter),
    numbers and learned collocations, and these parameters learn none. The test
    ``test_punkt_shortcut_agrees_with_nltk`` checks the shortcut against NLTK on
    every candidate of the seeds and on generated contexts.
    """

    _SIMPLE_BREAK = re.compile(r"([A-Za-z]{2,})\. +\S+")

    def text_contains_sentbreak(self, text: str) -> bool:
        m = self._SIMPLE_BREAK.fullmatch(text)
        if m is not None and not self._params.collocations and m.group(1).lower() not in self._params.abbrev_types:
            return True
        return super().text_contains_sentbreak(text)


class PlainReLanguageVars(PunktLanguageVars):
    """Punkt's English variables, with its two per-sentence patterns compiled by the standard ``re`` module.

    NLTK 3.9+ compiles them with the third-party ``regex`` module under a timeout (a guard
    against catastrophic backtracking), whose set-up on every call makes sentence splitting
    about three times as slow. Neither pattern nests repetitions (a candidate end character
    with a look-ahead; a run of closing quotes or brackets), so ``re`` runs them in linear
    time; the same text gives the same matches.
    """

    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def period_context_re(self) -> re.Pattern:
        if getattr(self, "_plain_period_context", None) is None:
            self._plain_period_context = re.compile(
                self._period_context_fmt % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)
        return self._plain_period_context



BOUND_LEFT = r"(?<![\w-])(?:"
BOUND_RIGHT = r")(?![\w-])"
NEVER = re.compile(r"(?!)")  # matches nowhere: the pattern of an empty word list


def _leading_words(items) -> set[str] | None:
    """The word characters every match of a parsed pattern starts with, one string per alternative.

    ``None`` when some alternative can start otherwise (a character class, an optional
    part, a non-word character...), so the pattern must be searched everywhere.
    """
    lead = ""
    for op, av in items:
        if op is _sre.LITERAL:
            ch = chr(av)
            if ch.isascii() and (ch.isalnum() or ch == "_"):
                lead += ch.lower()
                continue
            break
        if lead:
            break
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width at the start: consumes nothing
        if op is _sre.BRANCH:
            parts = [_leading_words(alt) for alt in av[1]]
            return None if any(p is None for p in parts) else set().union(*parts)
        if op is _sre.SUBPATTERN:
            return _leading_words(av[-1])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            return _leading_words(av[2])
        return None
    return {lead} if lead else None


_CATEGORY_RES = {
    _sre.CATEGORY_DIGIT: re.compile(r"\d"), _sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _sre.CATEGORY_SPACE: re.compile(r"\s"), _sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _sre.CATEGORY_WORD: re.compile(r"\w"), _sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def survives_normalise(pattern: re.Pattern) -> bool:
    """Whether every string ``pattern`` fully matches still matches after :func:`normalise`.

    True when each part of the pattern that can consume a character normalising
    changes (curly quote, dash, unusual space, tab, backtick) also consumes what it
    becomes, and nothing negative looks at such characters: no literal curly quote,
    no ``[^"]``, no class with "»" but not '"', no negative lookaround, no
    back-reference. Such a pattern need only be tried on the normalised text.
    ``False`` means "not shown", for anything the check does not read.

    Args:
        pattern: a compiled pattern (str).

    Returns:
        Whether matching the original text can be skipped.
    """
    try:
        items = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern is not shown safe
        return False
    return _survives(items)


def _in_class(items, ch: str) -> bool | None:
    """Whether the parsed character class ``items`` matches ``ch`` (``None`` when it cannot tell)."""
    negate, hit = False, False
    for op, av in items:
        if op is _sre.NEGATE:
            negate = True
        elif op is _sre.LITERAL:
            hit = hit or chr(av) == ch
        elif op is _sre.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is _sre.CATEGORY and av in _CATEGORY_RES:
            hit = hit or _CATEGORY_RES[av].fullmatch(ch) is not None
        else:
            return None
    return hit != negate


def _survives(items) -> bool:
    for op, av in items:
        if op is _sre.LITERAL:
            ok = chr(av) not in _CHAR_MAP  # a literal curly quote no longer matches once it is straight
        elif op is _sre.NOT_LITERAL:
            ok = chr(av) not in _CHAR_MAP.values()  # [^"] matches a curly quote, not what it becomes
        elif op is _sre.IN:
            ok = all((a := _in_class(av, k)) is not None and (b := _in_class(av, v)) is not None and (b or not a)
                     for k, v in _CHAR_MAP.items())
        elif op in (_sre.ANY, _sre.AT):
            ok = True  # normalising keeps line breaks, and maps non-word characters to non-word ones
        elif op is _sre.BRANCH:
            ok = all(_survives(alt) for alt in av[1])
        elif op in (_sre.SUBPATTERN, _sre.ATOMIC_GROUP):
            ok = _survives(av[-1] if op is _sre.SUBPATTERN else av)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            ok = _survives(av[2])
        elif op is _sre.ASSERT:
            ok = _survives(av[1])
        else:  # negative lookarounds, back-references, anything unread
            ok = False
        if not ok:
            return False
    return True


def trie_regex(words) -> str:
    """A regex alternation of literal words, shaped as a trie (one branch per next letter).

    Python's regex engine tries the alternatives of a flat ``a|b|c`` one by one at
    every position; the trie shape rejects a position after one letter. At a given
    position it matches the longest word that fits (what a longest-first flat
    alternation matches), backtracking to shorter words when what follows fails.

    Args:
        words: the literal words (non-empty strings, at least one).

    Returns:
        A non-capturing regex source.

    Raises:
        ValueError: no words, or an empty word (either would match the empty string
            everywhere).
    """
    words = list(words)
    if not words or not all(words):
        raise ValueError("trie_regex needs at least one word and no empty word, "
                         f"got {len(words)} word(s)" + (" including ''" if "" in words else ""))
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            if not alts:
                return ""
            alts.append("")  # the word may end here: tried last, so longer words win
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?:" + emit(root) + ")"


class PatternSet:
    r"""Several word-bounded, case-insensitive patterns, each searched only where it can match.

    Each pattern has the form ``(?<![\w-])(?:BODY)(?![\w-])`` with ``re.I`` (how the
    lexicon and the codebook compile their families). For ASCII text, one fast scan
    (lower-cased, case-sensitive literals) finds the word starts where some
    pattern's leading letters occur; each pattern is then tried only there, in
    order, skipping positions inside its previous match. The result is exactly what
    each pattern's own ``finditer`` gives, at a fraction of the cost. Patterns whose
    leading letters cannot be read off (character classes, optional starts...),
    and all non-ASCII text, fall back to ``finditer``.
    """

    def __init__(self, patterns: dict[str, re.Pattern]):
        self.patterns = dict(patterns)
        self.names = list(self.patterns)
        self.gated: dict[str, set[str]] = {}
        for name, p in self.patterns.items():
            words = None
            if p.pattern.startswith(BOUND_LEFT) and p.pattern.endswith(BOUND_RIGHT):
                try:
                    words = _leading_words(_sre_parse.parse(p.pattern, p.flags))
                except Exception:  # noqa: BLE001 - an unreadable pattern is simply searched everywhere
                    words = None
            if words:
                self.gated[name] = words
        self.plain = [name for name in self.patterns if name not in self.gated]
        self.by_word: dict[str, list[str]] = {}
        for name, words in self.gated.items():
            for w in words:
                self.by_word.setdefault(w, []).append(name)
        # the hit at a word start is the longest lead there
        self.scan = re.compile(r"(?<![\w-])" + trie_regex(self.by_word)) if self.by_word else None
        self._pats = [self.patterns[name] for name in self.names]
        self._plain_slots = [i for i, name in enumerate(self.names) if name not in self.gated]
        self._slots: dict[str, tuple[int, ...]] = {}

    def names_for(self, hit: str) -> list[str]:
        """Gated patterns whose leading letters are a prefix of ``hit``, in pattern order."""
        return [self.names[i] for i in self._slots_for(hit)]

    def _slots_for(self, hit: str) -> tuple[int, ...]:
        slots = self._slots.get(hit)
        if slots is None:
            wanted = {n for i in range(1, len(hit) + 1) for n in self.by_word.get(hit[:i], ())}
            slots = self._slots[hit] = tuple(i for i, n in enumerate(self.names) if n in wanted)
        return slots

    def may_match(self, text: str) -> bool:
        """False only when no pattern can match ``text`` (a cheap test before a search).

        Args:
            text: the text to test.

        Returns:
            Whether some pattern may match.
        """
        if self.plain or self.scan is None or not text.isascii():
            return True
        return self.scan.search(text.lower()) is not None

    def find(self, text: str) -> dict[str, list[re.Match]]:
        """Matches of every pattern in ``text``, exactly as each pattern's ``finditer`` gives them.

        Args:
            text: the text to search.

        Returns:
            ``{name: [match, ...]}`` in pattern order, matches in text order.
        """
        if self.scan is None or not text.isascii():
            return {name: list(p.finditer(text)) for name, p in self.patterns.items()}
        pats = self._pats
        lists: list[list[re.Match]] = [[] for _ in pats]
        for i in self._plain_slots:
            lists[i] = list(pats[i].finditer(text))
        last = [0] * len(pats)
        slots = self._slots
        for hit in self.scan.finditer(text.lower()):
            pos = hit.start()
            word = hit.group()
            for i in slots.get(word) or self._slots_for(word):
                if pos >= last[i]:
                    m = pats[i].match(text, pos)
                    if m is not None:
                        lists[i].append(m)
                        end = m.end()
                        last[i] = end if end > pos else pos + 1
        return dict(zip(self.names, lists))


def skip_iri_grammar() -> None:
    """Make ``import rfc3987_syntax`` fail, so ``jsonschema`` skips its optional IRI format checker.

    ``jsonschema`` imports ``rfc3987_syntax`` when it is installed (JupyterLab's ``jupyter-events`` installs it),
    and that builds a Lark grammar on import: 1.4 s in every process that imports ``nbformat``. Notebook
    validation never checks the "iri" format, so nothing changes but the time. Call before importing
    ``nbformat``; a process that already imported it is left as it is.

    >>> skip_iri_grammar()
    >>> import importlib.util, sys
    >>> sys.modules.get("rfc3987_syntax", None) is None
    True
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # None in sys.modules: the import raises ImportError
