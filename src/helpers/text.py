"""Text utilities shared by every analysis: normalisation, sentence splitting, word tokens.

Normalisation maps typographic variants (curly quotes, dashes, odd spaces) to
plain ASCII one character for one character, so offsets computed on the
normalised text are valid on the original text, which is kept for display.
"""

from __future__ import annotations

import re

from functools import lru_cache

import yaml
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from helpers import config

_CHAR_MAP = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t", " "),
}
_PAIRS = tuple(_CHAR_MAP.items())

WORD_RE = r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*"
_word_tokenizer = RegexpTokenizer(WORD_RE)
_WORD = re.compile(WORD_RE)  # the same tokens; stdlib re counts them about twice as fast
# Tokens for comparing and parsing sentences (attribution rules, reuse alignment and edits): a word with its inner
# apostrophes, dots and hyphens ("U.S.", "don't", "pro-Kremlin", "Müller"), or any one other non-space character.
TOKEN_RE = re.compile(r"\w+(?:['.-]\w+)*|[^\s\w]")


def normalise(text: str) -> str:
    """Map curly quotes, dashes and unusual spaces to ASCII, keeping the length.

    Args:
        text: any text.

    Returns:
        Text of the same length, so offsets carry over to the original.
    """
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    for char, plain in _PAIRS:  # str.replace per present character is much faster than str.translate
        if char in text:
            text = text.replace(char, plain)
    return text


def words(text: str) -> list[str]:
    """Word tokens (letters/digits, inner hyphens and apostrophes kept).

    Args:
        text: any text; it is normalised first.

    Returns:
        The list of word tokens in order, as written.
    """
    return _word_tokenizer.tokenize(normalise(text))


def count_words(text: str) -> int:
    """Number of word tokens in ``text``.

    Args:
        text: any text.

    Returns:
        The count of :func:`words` tokens.
    """
    return len(_WORD.findall(normalise(text)))


def read_yaml(path) -> object:
    """Parse a YAML file with the safe loader, in C (libyaml) when PyYAML has it (ten times faster).

    Args:
        path: the file to read (UTF-8).

    Returns:
        The parsed document (``None`` for an empty file).

    Raises:
        ValueError: naming the file, when it is not valid YAML.
    """
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loaders
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML: {exc}") from None


def read_list(path) -> list[str]:
    """Read a one-item-per-line word list, skipping ``#`` comments and blanks.

    Args:
        path: the file to read.

    Returns:
        The items, stripped, in file order.
    """
    items = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return items


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK Punkt with the project's abbreviation list and no downloaded model.

    Returns:
        A ready :class:`PunktSentenceTokenizer` (with a shortcut for plain breaks,
        see :class:`helpers.speedups.FastPunkt`).
    """
    from helpers.speedups import FastPunkt, PlainReLanguageVars  # late: speedups reads this module's character map

    params = PunktParameters()
    params.abbrev_types = set(read_list(config.LEXICON_DIR / "abbreviations.txt"))
    return FastPunkt(params, lang_vars=PlainReLanguageVars())


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences.

    Splitting runs on the normalised text (Punkt only knows straight quotes) and
    the spans are valid on the original.

    Args:
        paragraph: one paragraph; paragraphs are never merged.

    Returns:
        ``(start, end)`` spans into ``paragraph``.
    """
    text = normalise(paragraph)
    return join_continuations(text, sentence_tokenizer().span_tokenize(text))


_CONTINUING = frozenset(",;:!?.)")  # a sentence does not start with one of these


def join_continuations(text: str, spans) -> list[tuple[int, int]]:
    """Join a sentence that starts with a lower-case word or with punctuation to the one before it.

    Punkt breaks after a period it does not know as an abbreviation ("Rep. Earl Blumenauer (D-Ore.)
    said.") and inside "!!!,"; a sentence does not start with "said" or "!,".

    >>> text = "Rep. Ann Lee (D-Ore.) said. Next."
    >>> [text[a:b] for a, b in join_continuations(text, [(0, 21), (22, 27), (28, 33)])]
    ['Rep. Ann Lee (D-Ore.) said.', 'Next.']
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (text[start:start + 1].islower() or text[start:start + 1] in _CONTINUING):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# Characters that HTML or Markdown would read as markup, as numeric character references. A reference
# renders as the character but is never syntax: no tag, link, image, emphasis, code, heading, list or table
# cell; a newline reference does not start a Markdown block.
_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
    **{c: f"&#{ord(c)};" for c in "\\`*_[](){}!#|~$:@"}, "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
_WWW_RE = re.compile(r"(?i)(www)\.")  # a bare www. address becomes a link in GitHub-flavoured Markdown
_LEAD_RE = re.compile(r"^(?:[-+= ]|\d+\.)")  # a list item, heading underline or code indent at a line's start


def _lead_reference(match: re.Match) -> str:
    return match[0][:-1] + f"&#{ord(match[0][-1])};"


def escape(value: object) -> str:
    """Make untrusted article text inert in HTML and in Markdown.

    HTML special characters become entities, and so do the characters Markdown
    reads as syntax (links, images, emphasis, code, math delimiters, headings,
    tables, autolinks): the text renders as written but is never markup. Math
    typesetting works on the rendered page, so narrative that holds corpus text is
    also wrapped by :func:`helpers.display.md` in a class MathJax skips.

    Args:
        value: any value; ``None`` becomes an empty string.

    Returns:
        Text safe to put in HTML, in an HTML attribute, or in Markdown.

    Example:
        >>> escape("[x](javascript:alert(1)) **b** $x$")
        '&#91;x&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#42;&#42;b&#42;&#42; &#36;x&#36;'
    """
    if value is None:
        return ""
    text = _WWW_RE.sub(r"\1&#46;", str(value).translate(_ESCAPES))
    return _LEAD_RE.sub(_lead_reference, text, count=1)


def squash(text: str) -> str:
    """Normalise and collapse whitespace, lower-cased: a key for comparing texts.

    Args:
        text: any text.

    Returns:
        The comparison key.
    """
    return " ".join(normalise(text).split()).lower()  # str.split and re's \\s share one whitespace set


# ---------------------------------------------------------------- word-bounded patterns, searched only where they can match
