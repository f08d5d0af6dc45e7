"""Score the voice of loaded terms against brat attribution annotations (PolNeAR or your own).

Nobody annotated voice in a brat corpus, but its attributions say whose words a passage is, so a
gold voice follows for every place a lexicon term occurs, by the convention of the seed study's
hand-annotated ``terms_gold.csv``:

- inside quotation marks: ``scare_quote`` when the quotation has at most
  :data:`helpers.terms.SCARE_QUOTE_MAX_WORDS` words; ``direct_quote`` when it is longer and the
  term lies in an annotated content; ``scare_quote`` otherwise;
- outside quotation marks: ``reported`` when the term lies in an annotated content, else ``author``.

Quotation marks are ``"``, ``“ ”`` and ``''`` (two apostrophes, as some newspapers print a double
quote), paired within a paragraph as in :func:`helpers.evaluation.quotation_spans`.

Limits: the gold voice is derived, not annotated, so it is only as good as the corpus's notion of
an attribution: PolNeAR annotates beliefs, evidence and stances ("X backed Y") as well as speech,
and every one of them makes a term ``reported``. A term whose place cannot be found in the raw text
(cleaning changed the text around it) is counted apart, not scored.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from helpers.evaluation import nearest_occurrence, quotation_spans, squeeze
from helpers.terms import SCARE_QUOTE_MAX_WORDS

VOICES = ("author", "reported", "direct_quote", "scare_quote")
VOICE_COLUMNS = ["article_id", "family", "match", "voice", "gold_voice", "speaker", "sentence"]
_PAD = (40, 15, 0)  # characters of context either side used to find a term in the raw text, widest first


def voice_quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotation spans for voice: :func:`helpers.evaluation.quotation_spans` with ``''`` read as ``"``.

    Example:
        >>> voice_quote_spans("He said ''no way'' twice.")
        [(9, 16)]
    """
    return quotation_spans(text.replace("''", '"\u200b'))  # same length, so offsets hold


def gold_voice(start: int, end: int, *, text: str, quotes: list[tuple[int, int]],
               contents: list[tuple[int, int]]) -> str:
    """The voice of ``text[start:end]`` given the quotation spans and the annotated content spans.

    Example:
        >>> t = 'Lee said the plan was "a disaster" and "a complete disaster for every family here."'
        >>> q, c = voice_quote_spans(t), [(9, len(t))]
        >>> [gold_voice(t.find(w), t.find(w) + 8, text=t, quotes=q, contents=c) for w in ("plan was", "disaster", "complete")]
        ['reported', 'scare_quote', 'direct_quote']
    """
    attributed = any(a <= start and end <= b for a, b in contents)
    quote = next((q for q in quotes if q[0] <= start and end <= q[1]), None)
    if quote is None:
        return "reported" if attributed else "author"
    if len(re.findall(r"\w+", text[quote[0]:quote[1]])) <= SCARE_QUOTE_MAX_WORDS:
        return "scare_quote"
    return "direct_quote" if attributed else "scare_quote"


def raw_place(clean: tuple[str, list[int]], raw: tuple[str, list[int]], start: int, end: int) -> tuple[int, int] | None:
    """Where ``[start, end)`` of the cleaned text lies in the raw text (both :func:`helpers.evaluation.squeeze`-d).

    The term is searched with 40, then 15, then 0 characters of context either side, nearest its
    relative position; ``None`` when not even the term itself is found.

    Example:
        >>> c, r = squeeze("A so-called plan."), squeeze("Title\\n\\nA  so-called plan.")
        >>> raw_place(c, r, 2, 11)
        (10, 19)
    """
    (ctext, cwhere), (rtext, rwhere) = clean, raw
    i, j = bisect_left(cwhere, start), bisect_left(cwhere, end)
    for pad in _PAD:
        a, b = max(0, i - pad), min(len(ctext), j + pad)
        pos = nearest_occurrence(rtext, ctext[a:b], a / max(len(ctext), 1) * len(rtext), 0)
        if pos >= 0 and j > i:
            return rwhere[pos + i - a], rwhere[pos + j - a - 1] + 1
    return None


def located_terms(found: pd.DataFrame, raw_texts: dict[str, str], articles: pd.DataFrame) -> Iterator[tuple]:
    """Each row of ``found`` (a named tuple) with its ``(start, end)`` in the raw text, or ``None`` when its
    article is not among ``raw_texts`` and ``articles`` or the term cannot be found there (:func:`raw_place`).

    Example:
        >>> found = pd.DataFrame([{"article_id": "a", "start": 2, "end": 11}, {"article_id": "b", "start": 0, "end": 1}])
        >>> [place for _, place in located_terms(found, {"a": "Title\\n\\nA so-called plan."},
        ...                                      pd.DataFrame({"article_id": ["a"], "text": ["A so-called plan."]}))]
        [(9, 18), None]
    """
    clean = {aid: squeeze(text) for aid, text in zip(articles["article_id"], articles["text"])}
    raws: dict[str, tuple[str, list[int]]] = {}
    for term in found.itertuples():
        aid = term.article_id
        if aid not in raw_texts or aid not in clean:
            yield term, None  # an article of another corpus: nothing to score it against
            continue
        if aid not in raws:
            raws[aid] = squeeze(raw_texts[aid])
        yield term, raw_place(clean[aid], raws[aid], int(term.start), int(term.end))


def score_voice(found: pd.DataFrame, raw_texts: dict[str, str], gold: pd.DataFrame,
                articles: pd.DataFrame) -> dict:
    """Voice accuracy of :func:`helpers.terms.find_terms` rows against voices derived from brat gold.

    Args:
        found: the terms found in ``articles`` (``article_id, family, match, voice, speaker, sentence, start, end``).
        raw_texts: ``{article_id: raw text}`` from :func:`helpers.evaluation.read_brat`.
        gold: its gold table (``article_id, content_spans``).
        articles: the cleaned articles the terms were found in (``article_id, text``).

    Returns:
        ``voice_accuracy`` (``nan`` without terms), ``n_voice`` (scored terms), ``n_voice_unlocated`` (terms
        not found in the raw text, or of an article it does not hold),
        ``voice_recall`` ``{gold voice: (right, of)}`` and ``voice_rows`` (:data:`VOICE_COLUMNS`, one row per
        scored term).
    """
    contents: dict[str, list[tuple[int, int]]] = {}
    for aid, spans in zip(gold["article_id"], gold["content_spans"]):
        contents.setdefault(aid, []).extend(spans)
    quotes, rows, unlocated = {}, [], 0
    for term, place in located_terms(found, raw_texts, articles):
        if place is None:
            unlocated += 1
            continue
        aid = term.article_id
        if aid not in quotes:
            quotes[aid] = voice_quote_spans(raw_texts[aid])
        want = gold_voice(*place, text=raw_texts[aid], quotes=quotes[aid], contents=contents.get(aid, []))
        rows.append((aid, term.family, term.match, term.voice, want, term.speaker, term.sentence))
    table = pd.DataFrame(rows, columns=VOICE_COLUMNS)
    accuracy, recall = voice_agreement(table["voice"], table["gold_voice"])
    return {"voice_accuracy": accuracy, "n_voice": len(table),
            "n_voice_unlocated": unlocated, "voice_recall": recall, "voice_rows": table}


def voice_agreement(voice: pd.Series, wanted: pd.Series) -> tuple[float, dict[str, tuple[int, int]]]:
    """Accuracy of ``voice`` against ``wanted`` (``nan`` when empty) and, per wanted voice, ``(right, of)``.

    Example:
        >>> voice_agreement(pd.Series(["author", "reported"]), pd.Series(["author", "author"]))
        (0.5, {'author': (1, 2), 'reported': (0, 0), 'direct_quote': (0, 0), 'scare_quote': (0, 0)})
    """
    right = voice == wanted
    recall = {v: (int(right[wanted == v].sum()), int((wanted == v).sum())) for v in VOICES}
    return (float(right.mean()) if len(right) else float("nan")), recall


def _recall_text(recall: dict[str, tuple[int, int]]) -> str:
    """``"author 1 of 2, reported 0 of 1"``: the voices that occur, with how many got them."""
    return ", ".join(f"{v} {r} of {n}" for v, (r, n) in recall.items() if n)


def format_voice(result: dict, *, lexicon: str = "") -> str:
    """One paragraph: the voice accuracy and how many terms of each gold voice got it.

    Example:
        >>> print(format_voice({"voice_accuracy": 0.5, "n_voice": 2, "n_voice_unlocated": 0,
        ...                     "voice_recall": {"author": (1, 1), "reported": (0, 1)}}))
        voice of loaded terms: accuracy 0.50 (of 2 occurrences); right by gold voice: author 1 of 1, reported 0 of 1
    """
    if not result["n_voice"] and result["n_voice_unlocated"]:
        return f"voice of loaded terms: none scored ({result['n_voice_unlocated']} not found in the raw text)"
    if not result["n_voice"]:
        return "voice of loaded terms: no lexicon term occurs in these articles"
    where = f" of {lexicon}" if lexicon else ""
    by = _recall_text(result["voice_recall"])
    missing = f"; {result['n_voice_unlocated']} not found in the raw text" if result["n_voice_unlocated"] else ""
    return (f"voice of loaded terms{where}: accuracy {result['voice_accuracy']:.2f} (of {result['n_voice']} "
            f"occurrences{missing}); right by gold voice: {by}")


# ---------------------------------------------------------------- voice labelled by hand

HAND_COLUMNS = ["article_id", "start", "end", "match", "voice"]
HAND_VOICE_COLUMNS = ["article_id", "start", "end", "match", "voice", "hand_voice", "speaker", "sentence"]


class VoiceGoldError(ValueError):
    """A hand voice file that cannot be read or does not fit the texts it labels (the message names the file)."""


def read_hand_voice(path: str | Path) -> pd.DataFrame:
    """Read voice labels written by hand, keyed by character offsets into the raw ``.txt`` files.

    The CSV has :data:`HAND_COLUMNS` (others are ignored): ``article_id`` (the ``.txt`` stem), ``start``
    and ``end`` (offsets of the term in that file), ``match`` (the text there, checked when scoring) and
    ``voice`` (one of :data:`VOICES`). No corpus text beyond the term itself is needed, so labels for a
    corpus that may not be redistributed can be shared. Blank lines are skipped; a ``line`` column keeps
    each row's line in the file for messages.

    Raises:
        VoiceGoldError: a missing file or column, a row with a bad offset or voice, or a place labelled
            twice (file and line named).
    """
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skip_blank_lines=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise VoiceGoldError(f"{path}: cannot read the hand voice file: {exc}") from None
    missing = [c for c in HAND_COLUMNS if c not in table.columns]
    if missing:
        raise VoiceGoldError(f"{path}: missing column(s) {', '.join(missing)} (need {', '.join(HAND_COLUMNS)})")
    table = table.assign(line=range(2, len(table) + 2))[HAND_COLUMNS + ["line"]]
    table = table[(table[HAND_COLUMNS] != "").any(axis=1)]
    seen: dict[tuple, int] = {}
    for row in table.itertuples():
        if not (_OFFSET_RE.fullmatch(row.start) and _OFFSET_RE.fullmatch(row.end) and int(row.start) < int(row.end)):
            raise VoiceGoldError(f"{path}, line {row.line}: start and end must be offsets with start < end, "
                                 f"not {row.start!r}, {row.end!r}")
        if row.voice not in VOICES:
            raise VoiceGoldError(f"{path}, line {row.line}: voice {row.voice!r} is not one of {', '.join(VOICES)}")
        key = (row.article_id, int(row.start), int(row.end))
        if key in seen:
            raise VoiceGoldError(f"{path}, line {row.line}: the same place as line {seen[key]} is labelled again")
        seen[key] = row.line
    return table.assign(start=table["start"].astype(int), end=table["end"].astype(int)).reset_index(drop=True)


_OFFSET_RE = re.compile(r"[0-9]+")


def score_hand_voice(found: pd.DataFrame, raw_texts: dict[str, str], articles: pd.DataFrame,
                     hand: pd.DataFrame, *, source: str = "the hand voice file") -> dict:
    """Voice accuracy of :func:`helpers.terms.find_terms` rows against voices labelled by hand.

    A found term and a hand row pair up one to one (:func:`pair_hand_rows`). Hand rows no found term
    reaches are counted as ``n_hand_not_found`` (a term the lexicon missed); found terms in a labelled
    article without a hand row as ``n_hand_unlabelled``, and those whose place in the raw text could not
    be found as ``n_hand_unplaced``; none of these is scored.

    Example:
        >>> raw = {"a": "Lee said it was a disaster."}
        >>> found = pd.DataFrame([{"article_id": "a", "start": 18, "end": 26, "match": "disaster",
        ...                        "voice": "reported", "speaker": "Lee", "sentence": raw["a"]}])
        >>> hand = pd.DataFrame([{"article_id": "a", "start": 18, "end": 26, "match": "disaster", "voice": "reported"}])
        >>> r = score_hand_voice(found, raw, pd.DataFrame({"article_id": ["a"], "text": raw["a"]}), hand)
        >>> r["hand_voice_accuracy"], r["n_hand_voice"], r["n_hand_not_found"]
        (1.0, 1, 0)

    Raises:
        VoiceGoldError: a hand row whose article is not among ``raw_texts`` or whose offsets do not hold its ``match``.
    """
    _check_hand_rows(hand, raw_texts, source=source)
    labelled = set(hand["article_id"])
    placed: dict[str, list] = {}
    unplaced = 0
    for term, place in located_terms(found, raw_texts, articles):
        if place is not None:
            placed.setdefault(term.article_id, []).append((place, term))
        elif term.article_id in labelled:
            unplaced += 1
    pairs = pair_hand_rows(hand, placed)
    rows = [(h.article_id, h.start, h.end, h.match, t.voice, h.voice, t.speaker, t.sentence) for h, t in pairs]
    paired = {id(t) for _, t in pairs}
    unlabelled = sum(id(t) not in paired for aid, terms in placed.items() if aid in labelled for _, t in terms)
    table = pd.DataFrame(rows, columns=HAND_VOICE_COLUMNS)
    accuracy, recall = voice_agreement(table["voice"], table["hand_voice"])
    return {"hand_voice_accuracy": accuracy, "n_hand_voice": len(table),
            "n_hand_not_found": len(hand) - len(table), "n_hand_unlabelled": unlabelled,
            "n_hand_unplaced": unplaced, "hand_voice_recall": recall, "hand_voice_rows": table}


def _check_hand_rows(hand: pd.DataFrame, raw_texts: dict[str, str], *, source: str) -> None:
    """Raise :class:`VoiceGoldError` for a hand row whose article is missing or whose offsets do not hold its match."""
    for n, row in enumerate(hand.itertuples(), start=2):
        line = getattr(row, "line", n)
        text = raw_texts.get(row.article_id)
        if text is None:
            raise VoiceGoldError(f"{source}, line {line}: article {row.article_id!r} is not among the annotated texts")
        if text[row.start:row.end] != row.match:
            raise VoiceGoldError(f"{source}, line {line}: {row.article_id} [{row.start}:{row.end}] holds "
                                 f"{text[row.start:row.end]!r}, not {row.match!r}")


def pair_hand_rows(hand: pd.DataFrame, placed: dict[str, list]) -> list[tuple]:
    """Hand rows paired one to one with found terms ``{article_id: [((start, end), term), ...]}``: first the
    terms at exactly a hand row's offsets, then, for the rows left, the first free term that overlaps it.

    Example:
        >>> hand = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 0], "end": [20, 9], "match": ["x", "y"]})
        >>> placed = {"a": [((0, 9), "so-called"), ((10, 20), "disaster")]}
        >>> [(h.end, t) for h, t in pair_hand_rows(hand, placed)]  # in the hand file's order
        [(20, 'disaster'), (9, 'so-called')]
    """
    rows = list(hand.itertuples())
    taken: set[int] = set()
    paired: dict[int, object] = {}
    for exact in (True, False):
        for k, row in enumerate(rows):
            if k in paired:
                continue
            term = next((t for (a, b), t in placed.get(row.article_id, ()) if id(t) not in taken and (
                (a, b) == (row.start, row.end) if exact else a < row.end and row.start < b)), None)
            if term is not None:
                paired[k] = term
                taken.add(id(term))
    return [(rows[k], paired[k]) for k in sorted(paired)]


def format_hand_voice(result: dict, *, source: str = "") -> str:
    """One paragraph: voice accuracy against the hand labels, and terms missing on either side.

    Example:
        >>> print(format_hand_voice({"hand_voice_accuracy": 0.5, "n_hand_voice": 2, "n_hand_not_found": 1,
        ...                          "n_hand_unlabelled": 0, "hand_voice_recall": {"author": (1, 1), "reported": (0, 1)}},
        ...                         source="dev_voice.csv"))
        voice against the hand labels of dev_voice.csv: accuracy 0.50 (of 2 occurrences; 1 labelled term not found); right by hand voice: author 1 of 1, reported 0 of 1
    """
    counts = (("n_hand_not_found", "labelled term{} not found"), ("n_hand_unlabelled", "found term{} without a label"),
              ("n_hand_unplaced", "found term{} not placed in the raw text"))
    gaps = [f"{result[key]} {text.format('s' * (result[key] != 1))}" for key, text in counts if result.get(key)]
    gaps_text = "".join(f"; {g}" for g in gaps if g)
    by = _recall_text(result["hand_voice_recall"])
    where = f" of {source}" if source else ""
    if not result["n_hand_voice"]:
        return f"voice against the hand labels{where}: none scored{gaps_text}"
    return (f"voice against the hand labels{where}: accuracy {result['hand_voice_accuracy']:.2f} "
            f"(of {result['n_hand_voice']} occurrences{gaps_text}); right by hand voice: {by}")
