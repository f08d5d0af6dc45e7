"""Text utilities shared by every analysis: normalisation, sentence splitting, word tokens.

Normalisation maps typographic variants (curly quotes, dashes, odd spaces) to
plain ASCII one character for one character, so offsets computed on the
normalised text are valid on the original text, which is kept for display.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

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


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of :func:`words` tokens.

    Args:
        text: any text.

    Returns:
        ``(start, end)`` pairs into ``text``.
    """
    return list(_word_tokenizer.span_tokenize(normalise(text)))


def count_words(text: str) -> int:
    """Number of word tokens in ``text``.

    Args:
        text: any text.

    Returns:
        The count of :func:`words` tokens.
    """
    return len(words(text))


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
        A ready :class:`PunktSentenceTokenizer`.
    """
    params = PunktParameters()
    params.abbrev_types = set(read_list(config.LEXICON_DIR / "abbreviations.txt"))
    return PunktSentenceTokenizer(params)


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentences.

    Splitting runs on the normalised text (Punkt only knows straight quotes) and
    the spans are valid on the original.

    Args:
        paragraph: one paragraph; paragraphs are never merged.

    Returns:
        ``(start, end)`` spans into ``paragraph``.
    """
    return list(sentence_tokenizer().span_tokenize(normalise(paragraph)))


def escape(value: object) -> str:
    """HTML-escape untrusted article text for display.

    Args:
        value: any value; ``None`` becomes an empty string.

    Returns:
        Escaped text safe to put in HTML.
    """
    return "" if value is None else html.escape(str(value), quote=True)


_SPACE_RE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Normalise and collapse whitespace, lower-cased: a key for comparing texts.

    Args:
        text: any text.

    Returns:
        The comparison key.
    """
    return _SPACE_RE.sub(" ", normalise(text)).strip().lower()
