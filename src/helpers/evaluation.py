"""Score the extractors against a study's hand-annotated gold files (its ``gold/`` folder).

Gold rows locate an item by ``context``: a verbatim snippet of the article
(unique in its cleaned text) that contains the item. A predicted row matches a
gold row in the same article when its position falls inside that snippet and
its words agree (the cue's first word for quotes; the matched text for terms).
Matching is one-to-one and greedy, in text order.

The second half scores the attribution extractor against brat standoff
annotations (PolNeAR, or a researcher's own brat / INCEpTION export):
:func:`read_brat`, :func:`score_attributions` and :func:`evaluate_attributions`
(``python -m helpers evaluate-attributions PATH``). Content is compared as sets
of word-token positions in the raw text, matched one-to-one by overlap at 0.3
and 0.8; see the comment above :data:`THRESHOLDS` for the protocol.
"""

from __future__ import annotations

import re
import tempfile
import textwrap
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers import config, corpus
from helpers.export import write_csv
from helpers.mentions import kind_of
from helpers.study import Study, choose_study
from helpers.text import normalise, read_list

class GoldError(ValueError):
    """A gold file is missing, or a gold row cannot be located in the cleaned text."""


def read_gold(name: str, *, folder: Path | None = None) -> pd.DataFrame:
    """Read ``<gold folder>/<name>.csv``.

    Args:
        name: ``quotes_gold`` or ``terms_gold``.
        folder: the gold folder; default the ``gold/`` folder of the study in use
            (:func:`helpers.study.choose_study`).

    Returns:
        The gold table, empty strings for blanks.

    Raises:
        GoldError: when the study has no such gold file.
    """
    path = Path(folder) / f"{name}.csv" if folder else choose_study().gold_file(name)
    if path is None or not path.is_file():
        raise GoldError(f"{path or choose_study().path}: no gold file {name}.csv for this study")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def locate(gold: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``ctx_start, ctx_end``: where each gold context lies in the cleaned text.

    Args:
        gold: a gold table with ``article_id, context``.
        articles: the articles table.

    Returns:
        A copy of ``gold`` with the two offset columns.

    Raises:
        GoldError: naming the row, when the context is missing.
    """
    texts = {a.article_id: normalise(a.text) for a in articles.itertuples()}
    starts, ends = [], []
    for i, row in enumerate(gold.itertuples()):
        text = texts.get(row.article_id)
        if text is None:
            raise GoldError(f"gold row {i}: article {row.article_id} is not loaded")
        ctx = normalise(row.context)
        pos = text.find(ctx)  # a context repeated in the text is taken at its first place
        if pos < 0:
            raise GoldError(f"gold row {i} ({row.article_id}): context not in the cleaned text: {row.context!r}")
        starts.append(pos)
        ends.append(pos + len(ctx))
    return gold.assign(ctx_start=starts, ctx_end=ends)


def _head(value: str) -> str:
    words = normalise(str(value)).lower().split()
    return words[0] if words else ""


def match(gold: pd.DataFrame, pred: pd.DataFrame, *, pos_col: str, key_gold, key_pred) -> pd.DataFrame:
    """One-to-one greedy matching of predictions to located gold rows.

    Args:
        gold: located gold rows (see :func:`locate`).
        pred: predictions with ``article_id`` and the position column.
        pos_col: the prediction's position column (e.g. ``cue_start``).
        key_gold: function(gold row) -> comparison key.
        key_pred: function(pred row) -> comparison key.

    Returns:
        Columns ``gold_index, pred_index`` (either may be missing: a miss or a false alarm).
    """
    pairs, used = [], set()
    for gi, g in gold.iterrows():
        candidates = pred[(pred["article_id"] == g["article_id"]) & (pred[pos_col] >= g["ctx_start"])
                          & (pred[pos_col] < g["ctx_end"])]
        hit = next((pi for pi, p in candidates.iterrows() if pi not in used and key_pred(p) == key_gold(g)), None)
        if hit is not None:
            used.add(hit)
        pairs.append({"gold_index": gi, "pred_index": hit})
    pairs += [{"gold_index": None, "pred_index": pi} for pi in pred.index if pi not in used]
    return pd.DataFrame(pairs, columns=["gold_index", "pred_index"])


def side_by_side(gold: pd.DataFrame, pred: pd.DataFrame, pairs: pd.DataFrame, *, fields: dict[str, str],
                 context_pred: str) -> pd.DataFrame:
    """Gold and predicted rows side by side, misses and false alarms included.

    Args:
        gold: located gold rows.
        pred: predictions.
        pairs: :func:`match` output.
        fields: output name -> column name, present in both tables (e.g. ``{"cue": "cue"}``);
            each becomes ``gold_<name>`` and ``pred_<name>``.
        context_pred: the prediction column shown as context for false alarms.

    Returns:
        Columns ``article_id, context`` and a gold/pred pair per field.
    """
    rows = []
    for pr in pairs.itertuples():
        g = gold.loc[pr.gold_index] if pd.notna(pr.gold_index) else None
        p = pred.loc[pr.pred_index] if pd.notna(pr.pred_index) else None
        row = {"article_id": (g if g is not None else p)["article_id"],
               "context": g["context"] if g is not None else p[context_pred]}
        for name, column in fields.items():
            row[f"gold_{name}"] = g[column] if g is not None else None
            row[f"pred_{name}"] = p[column] if p is not None else None
        rows.append(row)
    return pd.DataFrame(rows)


def score_quotes(pred: pd.DataFrame, articles: pd.DataFrame, *, gold: pd.DataFrame | None = None,
                 acts: tuple[str, ...] = ("speech",)) -> dict:
    """Precision and recall of attributions, and speaker accuracy on the matched ones.

    Args:
        pred: :func:`helpers.quotes.extract_quotes` output.
        articles: the articles table.
        gold: default the study's ``gold/quotes_gold.csv``.
        acts: the acts scored (the gold file annotates speech acts only; beliefs and evidence are
            left out of the predictions unless named here).

    Returns:
        ``precision, recall, speaker_accuracy, side_accuracy, kind_accuracy, n_gold, n_pred, n_matched`` and
        ``table``: gold and predicted rows side by side (misses and false alarms included).
    """
    gold = locate(read_gold("quotes_gold") if gold is None else gold, articles)
    if "act" in pred.columns:
        pred = pred[pred["act"].isin(acts)]
    pred = pred.assign(_pos=[p.cue_start if p.cue else p.quote_start for p in pred.itertuples()])
    pairs = match(gold, pred, pos_col="_pos", key_gold=lambda g: _head(g["cue"]), key_pred=lambda p: _head(p["cue"]))
    matched = pairs.dropna()
    table = side_by_side(gold, pred, pairs, context_pred="sentence",
                         fields={"cue": "cue", "speaker": "speaker", "kind": "kind", "side": "side"})
    both = table.dropna(subset=["gold_cue", "pred_cue"])
    n = len(matched)
    return {
        "precision": n / len(pred) if len(pred) else 0.0,
        "recall": n / len(gold) if len(gold) else 0.0,
        "speaker_accuracy": float(((both.gold_speaker == both.pred_speaker) & (both.gold_side == both.pred_side)).mean()) if n else 0.0,
        "side_accuracy": float((both.gold_side == both.pred_side).mean()) if n else 0.0,
        "kind_accuracy": float((both.gold_kind == both.pred_kind).mean()) if n else 0.0,
        "n_gold": len(gold), "n_pred": len(pred), "n_matched": n, "table": table,
    }


def score_terms(pred: pd.DataFrame, articles: pd.DataFrame, *, gold: pd.DataFrame | None = None) -> dict:
    """Recall and precision of term occurrences, and voice / distanced accuracy on the matched ones.

    Args:
        pred: :func:`helpers.terms.find_terms` output.
        articles: the articles table.
        gold: default the study's ``gold/terms_gold.csv``.

    Returns:
        ``recall, precision, voice_accuracy, distanced_accuracy, family_accuracy, n_gold, n_pred, n_matched``
        and ``table`` (gold and predicted side by side).
    """
    gold = locate(read_gold("terms_gold") if gold is None else gold, articles)
    key = lambda row: normalise(str(row["match"])).lower()  # noqa: E731
    pairs = match(gold, pred, pos_col="start", key_gold=key, key_pred=key)
    gold = gold.assign(distanced=gold["distanced"].str.lower() == "true")
    pred = pred.assign(distanced=pred["distanced"].astype(bool))
    table = side_by_side(gold, pred, pairs, context_pred="sentence",
                         fields={"match": "match", "family": "family", "voice": "voice", "distanced": "distanced"})
    both = table.dropna(subset=["gold_match", "pred_match"])
    n = len(both)
    return {
        "recall": n / len(gold) if len(gold) else 0.0,
        "precision": n / len(pred) if len(pred) else 0.0,
        "voice_accuracy": float((both.gold_voice == both.pred_voice).mean()) if n else 0.0,
        "distanced_accuracy": float((both.gold_distanced == both.pred_distanced).mean()) if n else 0.0,
        "family_accuracy": float((both.gold_family == both.pred_family).mean()) if n else 0.0,
        "n_gold": len(gold), "n_pred": len(pred), "n_matched": n, "table": table,
    }


# ---------------------------------------------------------------- attributions against brat standoff annotations
#
# The protocol of the PolNeAR evaluation (kept fixed so figures compare across runs):
# gold = every brat event with a Content* span; content, source and cue are the unions of their role spans.
# Predictions are located in the raw .txt, then compared as sets of word-token positions (``\w+``):
# overlap = shared / max(|pred|, |gold|), matched one-to-one greedily by overlap, at 0.3 and 0.8.

THRESHOLDS = (0.3, 0.8)
FORMS = ("direct", "mixed", "indirect")
SPLITS = ("train", "dev")  # PolNeAR's held-out "test" compartment is never read
ROLES = ("Content", "Source", "Cue")
TITLES = frozenset({"mr", "mrs", "ms", "dr"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every",
                         "another", "other", "such", "no"})
PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
                      "its", "they", "them", "their", "who", "whom", "whose", "which"})
GOLD_COLUMNS = ["article_id", "event", "ann_file", "content_spans", "source_spans", "cue_spans",
                "content", "source", "cue", "form"]
PAIR_COLUMNS = ["type", "article_id", "form", "gold_cue", "gold_source", "gold_content", "pred_cue", "pred_speaker",
                "pred_mention", "pred_content", "sentence", "pred_act", "located", "overlap", "source_right"]
ERROR_COLUMNS = ["type", "article_id", "form", "gold_cue", "gold_source", "gold_content", "pred_cue",
                 "pred_speaker", "pred_content", "sentence", "pred_act", "overlap"]
FIGURE_KEYS = ["precision_03", "recall_03", "f1_03", "precision_08", "recall_08", "f1_08", "recall_direct",
               "recall_mixed", "recall_indirect", "source_accuracy", "n_gold", "n_gold_direct", "n_gold_mixed",
               "n_gold_indirect", "n_pred", "n_articles", "n_unlocated", "n_matched_03", "n_matched_08",
               "n_source_pairs", "source_accuracy_named_quotes", "n_named_quote_pairs"]
_ID_LINE = re.compile(r"[A-Z*#]\w*\t")  # brat ids: T1, E1, A1, R1, N1, #1, *
_QUOTE_MARK = re.compile('["\u201c\u201d]')
_SPAN = re.compile(r"(\d+) (\d+)")
_ROLE = re.compile(r"(Content|Source|Cue)\d*")


class BratError(ValueError):
    """A path without brat ``.ann``/``.txt`` pairs, a held-out split, or a malformed ``.ann`` line."""


class _Tokens(NamedTuple):
    """The ``\\w+`` tokens of one raw text: start and end offsets, and whether each is inside quotation marks."""

    starts: list[int]
    ends: list[int]
    quoted: list[bool]


def _layout(path: Path, split: str) -> tuple[Path, Path, bool]:
    """``(text folder, annotation folder, whether the layout is PolNeAR's)`` for the three accepted layouts."""
    if split not in SPLITS:
        raise BratError(f"split {split!r} is not evaluated; use one of {list(SPLITS)} (PolNeAR's test is held out)")
    if path.name == "test" and any((path.parent / s).is_dir() for s in SPLITS):
        raise BratError(f"{path}: the held-out test compartment is never evaluated")
    for base in (path / "data" / split, path / split):
        if (base / "text").is_dir() and (base / "attributions").is_dir():
            return base / "text", base / "attributions", True
    if not any(path.glob("*.ann")) and any((path / name).is_dir() for name in ("data", *SPLITS)):
        raise BratError(f"{path}: looks like a PolNeAR root or data folder, but has no {split} split "
                        f"(looked for data/{split}/text and data/{split}/attributions, and {split}/...)")
    return path, path, False


def brat_pairs(path: str | Path, *, split: str = "dev",
               texts_only: bool = False) -> list[tuple[str, Path, Path | None]]:
    """The annotated articles under ``path``: ``(article_id, .txt file, .ann file)``, sorted by id.

    ``path`` is the PolNeAR root (``data/<split>/{text,attributions}``), its ``data`` folder, or a
    plain folder of ``NAME.txt`` + ``NAME.ann`` (``split`` is then ignored). An ``.ann`` file may
    also be named ``NAME_<annotator>.ann``; with several annotators the alphabetically first file is
    used. A ``.txt`` without annotations is not evaluated. With ``texts_only``, a plain folder of
    ``.txt`` files and no ``.ann`` at all gives every text with ``None`` for its annotations (a corpus
    labelled only for voice).

    Raises:
        BratError: naming the path, when it holds no pair, or asks for the held-out test split.
    """
    path = Path(path).expanduser()
    if not path.is_dir():
        raise BratError(f"{path}: not a folder")
    text_dir, ann_dir, polnear = _layout(path, split)
    exact, first = {}, {}  # stem -> NAME.ann; stem -> alphabetically first NAME_<annotator>.ann
    for name in sorted(p.name for p in ann_dir.iterdir() if p.suffix == ".ann" and p.is_file()):
        exact[name[:-4]] = name
        first.setdefault(name[:-4].rsplit("_", 1)[0], name)
    texts = sorted(p for p in text_dir.iterdir() if p.suffix == ".txt" and p.is_file())
    stems = {p.stem for p in texts}
    for stem in list(first):  # report_2.ann is report_2.txt's, never report.txt's annotator file
        if first[stem][:-4] in stems:
            first.pop(stem)
    pairs = []
    for txt in texts:
        chosen = exact.get(txt.stem) or first.get(txt.stem)
        if chosen:
            pairs.append((txt.stem, txt, ann_dir / chosen))
    if not pairs and texts_only and texts and not polnear and not exact:
        return [(txt.stem, txt, None) for txt in texts]
    if not pairs:
        where = f"{text_dir} and {ann_dir}" if polnear else str(path)
        raise BratError(f"{where}: no brat .ann/.txt pairs found (expected NAME.txt with NAME.ann or "
                        "NAME_<annotator>.ann, or a PolNeAR root with data/<split>/text and "
                        "data/<split>/attributions; a folder of .txt files alone only with a hand voice file)")
    return pairs


def _spans(field: str, size: int) -> list[tuple[int, int]] | None:
    """``"10 20;25 40"`` -> ``[(10, 20), (25, 40)]``; ``None`` when malformed or beyond the text."""
    spans = []
    for part in field.split(";"):
        m = _SPAN.fullmatch(part.strip())
        if not m or not int(m[1]) <= int(m[2]) <= size:
            return None
        spans.append((int(m[1]), int(m[2])))
    return spans


def _read_utf8(path: Path) -> str:
    """The file's text, without newline translation (brat offsets count every character).

    Raises:
        BratError: naming the file, when it is not UTF-8.
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise BratError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") from None


def _ann_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The annotation lines of an ``.ann`` file with their line numbers, blank lines skipped.

    A span text that runs over a line break (brat writes it as it is) continues the text-bound
    line before it: those continuation lines are skipped.

    Raises:
        BratError: naming file and line, for text that is neither an annotation line nor such a continuation.
    """
    after_text = False
    for no, line in enumerate(_read_utf8(path).split("\n"), start=1):
        line = line.rstrip("\r")
        if _ID_LINE.match(line):
            after_text = line[0] == "T"
            yield no, line
        elif line.strip() and (not after_text or re.match(r"[TE]\d+\s", line)):
            raise BratError(f"{path} line {no}: not a brat annotation line ('ID<TAB>...'): {line[:120]!r}")


def parse_ann(path: Path, size: int) -> list[dict[str, list[tuple[int, int]]]]:
    """The events of one ``.ann`` file, each as ``{"event", "Content", "Source", "Cue"}`` span lists.

    Role spans are unions over numbered roles (``Content``, ``Content2``...). Lines other than
    ``T`` and ``E`` are ignored, as are other roles and roles pointing to non-text annotations
    (relations, attributes, notes; nested events).

    Args:
        path: the ``.ann`` file (UTF-8).
        size: the length of its text, to check the offsets.

    Raises:
        BratError: naming file and line, for a malformed ``T`` or ``E`` line or an unknown reference.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    events, other_ids = [], set()
    for no, line in _ann_lines(path):
        fields = line.split("\t")
        bad = lambda why: BratError(f"{path} line {no}: {why}: {line[:120]!r}")  # noqa: B023, E731
        if line[:1] == "T":
            head = fields[1].split(" ", 1) if len(fields) >= 2 else []
            found = _spans(head[1], size) if len(head) == 2 else None
            if found is None:
                raise bad("a text-bound annotation needs 'ID<TAB>TYPE START END[;START END...]' within the text")
            spans[fields[0]] = found
        elif line[:1] == "E":
            args = fields[1].split() if len(fields) >= 2 else []
            if not args or any(":" not in a for a in args):
                raise bad("an event needs 'ID<TAB>TYPE:TRIGGER ROLE:ID...'")
            events.append((no, line, fields[0], args[1:]))
        else:
            other_ids.add(fields[0])
    out = []
    for no, line, event, args in events:
        item = {"event": event, **{role: [] for role in ROLES}}
        for role, ref in (a.split(":", 1) for a in args):
            m = _ROLE.fullmatch(role)
            if ref not in spans and ref not in other_ids and not ref.startswith("E"):
                raise BratError(f"{path} line {no}: role {role} points to {ref}, which is not defined: {line[:120]!r}")
            if m and ref in spans:
                item[m[1]] += spans[ref]
        out.append(item)
    return out


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans between quotation marks, paragraph by paragraph (a paragraph is the text between newlines).

    Straight ``"`` alternate open / close; curly ``“`` opens and ``”`` closes (a ``”`` with nothing
    open, or a ``“`` inside an open quotation, is ignored). A mark still open runs to the paragraph
    end. Single quotes, guillemets and quotations continued across paragraphs are not considered.
    """
    found = []
    for para in re.finditer(r"[^\n]+", text):
        open_at = None
        for m in _QUOTE_MARK.finditer(para[0]):
            pos = para.start() + m.start()
            if open_at is None and m[0] != "\u201d":
                open_at = pos + 1
            elif open_at is not None and m[0] != "\u201c":
                found.append((open_at, pos))
                open_at = None
        if open_at is not None:
            found.append((open_at, para.end()))
    return found


def token_index(text: str) -> _Tokens:
    """The ``\\w+`` tokens of a raw text, and whether each lies inside quotation marks (:func:`quotation_spans`)."""
    starts, ends = [], []
    for m in re.finditer(r"\w+", text):
        starts.append(m.start())
        ends.append(m.end())
    quoted = [False] * len(starts)
    for a, b in quotation_spans(text):
        for i in range(bisect_right(ends, a), bisect_left(starts, b)):
            quoted[i] = True
    return _Tokens(starts, ends, quoted)


def token_set(tokens: _Tokens, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Positions of the tokens that overlap any of ``spans`` (character offsets into the raw text)."""
    return frozenset(i for a, b in spans for i in range(bisect_right(tokens.ends, a), bisect_left(tokens.starts, b)))


def form_of(tokens: _Tokens, content: frozenset[int]) -> str:
    """``direct`` when at least 90% of the content tokens are inside quotation marks, ``mixed`` when some are,
    else ``indirect`` (also for content without tokens)."""
    inside = sum(tokens.quoted[i] for i in content)
    if content and inside >= 0.9 * len(content):
        return "direct"
    return "mixed" if inside else "indirect"


def _span_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The text of the spans in order, whitespace collapsed, fragments joined by `` ... ``."""
    return " ... ".join(" ".join(text[a:b].split()) for a, b in sorted(spans))


def read_brat(folder_or_root: str | Path, *, split: str = "dev",
              texts_only: bool = False) -> tuple[dict[str, str], pd.DataFrame]:
    """Read brat attribution annotations (see :func:`brat_pairs` for the accepted layouts and ``texts_only``).

    Texts are read as UTF-8 without newline translation (offsets are character offsets into the
    file). Events without a Content span are dropped; an event without Source keeps an empty
    ``source_spans`` (it counts for content only).

    Returns:
        ``(raw_texts, gold)``: ``{article_id: raw text}`` and one gold row per event with
        ``article_id, event, ann_file, content_spans, source_spans, cue_spans`` (lists of
        ``(start, end)``), ``content, source, cue`` (their text, fragments joined by `` ... ``) and ``form``.

    Raises:
        BratError: no pairs under the path, the test split, or a malformed ``.ann`` line (file and line named).
    """
    raw_texts, rows = {}, []
    for article_id, txt, ann in brat_pairs(folder_or_root, split=split, texts_only=texts_only):
        text = raw_texts[article_id] = _read_utf8(txt)
        tokens = token_index(text)
        for ev in parse_ann(ann, len(text)) if ann else ():
            if not ev["Content"]:
                continue
            rows.append({"article_id": article_id, "event": ev["event"], "ann_file": ann.name,
                         "content_spans": sorted(ev["Content"]), "source_spans": sorted(ev["Source"]),
                         "cue_spans": sorted(ev["Cue"]), "content": _span_text(text, ev["Content"]),
                         "source": _span_text(text, ev["Source"]), "cue": _span_text(text, ev["Cue"]),
                         "form": form_of(tokens, token_set(tokens, ev["Content"]))})
    return raw_texts, pd.DataFrame(rows, columns=GOLD_COLUMNS)


# ---------------------------------------------------------------- locating predictions in the raw text


def squeeze(text: str) -> tuple[str, list[int]]:
    """Normalise for locating: curly quotes straight, dashes ``-``, whitespace runs one space.

    Returns:
        ``(squeezed text, where)``: ``where[i]`` is the offset in ``text`` of squeezed character ``i``
        (one more entry, ``len(text)``, closes the list).
    """
    norm = normalise(text)
    parts, where = [], []
    for m in re.finditer(r"\s+|\S+", norm):
        if m[0][0].isspace():
            parts.append(" ")
            where.append(m.start())
        else:
            parts.append(m[0])
            where.extend(range(m.start(), m.end()))
    where.append(len(text))
    return "".join(parts), where


def nearest_occurrence(hay: str, needle: str, expected: float, after: int) -> int:
    """The occurrence of ``needle`` at or after ``after`` nearest ``expected`` (any occurrence if none is after); -1."""
    found, pos = [], hay.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = hay.find(needle, pos + 1)
    later = [p for p in found if p >= after] or found
    return min(later, key=lambda p: abs(p - expected)) if later else -1


def _locate_one(raw: tuple[str, list[int]], needle: str, expected: float, after: int) -> tuple[int, int, int] | None:
    """``(squeezed position, raw start, raw end)`` of ``needle`` (already squeezed) in the squeezed raw text;
    retried without the surrounding quote marks and punctuation; ``None`` when absent."""
    hay, where = raw
    for probe in dict.fromkeys((needle, needle.strip(" \"'.,;:!?-()[]"))):
        pos = nearest_occurrence(hay, probe, expected, after) if probe else -1
        if pos >= 0:
            return pos, where[pos], where[pos + len(probe) - 1] + 1
    return None


def locate_predictions(pred: pd.DataFrame, raw_texts: dict[str, str], articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``raw_start, raw_end, located`` and ``pred_text``: where each prediction's content lies in the raw text.

    The content is ``articles.text[quote_start:quote_end]`` (cleaned text); it is searched in the raw
    text after :func:`squeeze` on both, preferring the occurrence nearest the prediction's relative
    position, at or after the previous prediction's place (rows are returned sorted by article and
    content start). An empty content is located by its cue
    (``located`` is then true but it has no tokens). Limits: a content that crosses a line the
    cleaner removed, or whose text the cleaner changed otherwise, is not found (``located`` false).
    """
    clean = dict(zip(articles["article_id"], articles["text"]))
    pred = pred.sort_values(["article_id", "quote_start"], kind="stable").reset_index(drop=True)
    squeezed = {aid: squeeze(text) for aid, text in raw_texts.items()}
    out, previous = [], {}
    for row in pred.itertuples():
        text, raw = clean.get(row.article_id, ""), squeezed.get(row.article_id)
        content = text[int(row.quote_start):int(row.quote_end)].strip()
        probe = content or text[int(row.cue_start):int(row.cue_end)].strip()
        needle = squeeze(probe)[0].strip()
        found = None
        if raw is not None and needle:
            expected = int(row.quote_start if content else row.cue_start) / max(len(text), 1) * len(raw[0])
            found = _locate_one(raw, needle, expected, previous.get(row.article_id, 0))
        if found:
            previous[row.article_id] = found[0]
        out.append((*(found[1:] if found else (-1, -1)), found is not None, content))
    return pred.assign(raw_start=[o[0] for o in out], raw_end=[o[1] for o in out],
                       located=[o[2] for o in out], pred_text=[o[3] for o in out])


# ---------------------------------------------------------------- matching and scoring


@lru_cache(maxsize=1)
def _name_stopwords() -> frozenset[str]:
    """Words that do not identify a speaker: the project's stopwords, determiners and titles."""
    return frozenset(w.lower() for w in read_list(config.LEXICON_DIR / "stopwords.txt")) | DETERMINERS | TITLES


def name_words(text: str) -> set[str]:
    """The words that identify a speaker: lower-cased ``\\w+`` tokens minus stopwords, determiners and titles."""
    return set(re.findall(r"\w+", normalise(text).lower())) - _name_stopwords()


def _is_pronoun(text: str) -> bool:
    """Whether ``text`` has words and all are pronouns (:data:`PRONOUNS`)."""
    found = re.findall(r"\w+", text.lower())
    return bool(found) and all(w in PRONOUNS for w in found)


def source_right(speaker: object, mention: object, gold_source: str) -> bool:
    """Whether a predicted speaker agrees with a gold source.

    Right when the predicted ``speaker`` or ``speaker_mention`` shares a word with the gold source
    (see :func:`name_words`), or when both a prediction and the gold source are pronouns
    (the gold pronoun's antecedent is not annotated, so it cannot be checked). An empty or
    ``unknown`` speaker is wrong. Limits: surname-only agreement counts ("Mr. Smith" = "Anna Smith"),
    and two different people sharing a word would both count as right.
    """
    guesses = [v.strip() for v in (speaker, mention) if isinstance(v, str) and v.strip().lower() not in ("", "unknown")]
    if not guesses:
        return False
    if _is_pronoun(gold_source) and any(map(_is_pronoun, guesses)):
        return True
    gold = name_words(gold_source)
    return any(name_words(g) & gold for g in guesses)


def candidate_pairs(gold_sets: list[frozenset[int]], gold_ids: list[str], pred_sets: list[frozenset[int]],
                    pred_ids: list[str]) -> list[tuple[float, int, int]]:
    """``(overlap, gold index, pred index)`` for every gold/prediction pair of one article that share a token,
    best first (ties by gold then prediction order); overlap = shared / max(|pred|, |gold|)."""
    by_article: dict[str, list[int]] = {}
    for pi, (aid, tokens) in enumerate(zip(pred_ids, pred_sets)):
        if tokens:
            by_article.setdefault(aid, []).append(pi)
    pairs = []
    for gi, (aid, tokens) in enumerate(zip(gold_ids, gold_sets)):
        for pi in by_article.get(aid, ()):
            shared = len(tokens & pred_sets[pi])
            if shared:
                pairs.append((shared / max(len(tokens), len(pred_sets[pi])), gi, pi))
    return sorted(pairs, key=lambda t: (-t[0], t[1], t[2]))


def greedy_match(pairs: list[tuple[float, int, int]], threshold: float) -> dict[int, tuple[int, float]]:
    """One-to-one greedy matching over :func:`candidate_pairs`: ``{gold index: (pred index, overlap)}``
    for the pairs with overlap >= ``threshold`` whose members are both still free."""
    out: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for overlap, gi, pi in pairs:
        if overlap < threshold:
            break
        if gi not in out and pi not in used:
            out[gi] = (pi, overlap)
            used.add(pi)
    return out


def _cell(row: object, name: str) -> object:
    """A prediction field, ``""`` when the column is absent or the value missing."""
    value = getattr(row, name, "")
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _side_by_side(gold: pd.DataFrame, pred: pd.DataFrame, matched: dict[int, tuple[int, float]]) -> pd.DataFrame:
    """Every gold row with its match at the lower threshold (``type`` match / miss), then the unmatched
    predictions (``false_positive``); ``source_right`` is filled for matches whose gold has a source."""
    pred_rows = list(pred.itertuples())
    pred_cols = lambda p: {"pred_cue": _cell(p, "cue"), "pred_speaker": _cell(p, "speaker"),  # noqa: E731
                           "pred_mention": _cell(p, "speaker_mention"), "pred_content": p.pred_text,
                           "sentence": _cell(p, "sentence"), "pred_act": _cell(p, "act"), "located": p.located}
    rows = []
    for gi, g in enumerate(gold.itertuples()):
        row = {"article_id": g.article_id, "form": g.form, "gold_cue": g.cue, "gold_source": g.source,
               "gold_content": g.content, "type": "miss", "overlap": 0.0, "source_right": None}
        if gi in matched:
            p = pred_rows[matched[gi][0]]
            row.update(pred_cols(p), type="match", overlap=round(matched[gi][1], 3))
            if g.source_spans:
                row["source_right"] = source_right(_cell(p, "speaker"), _cell(p, "speaker_mention"), g.source)
        rows.append(row)
    used = {pi for pi, _ in matched.values()}
    rows += [{"article_id": p.article_id, "type": "false_positive", **pred_cols(p)}
             for pi, p in enumerate(pred_rows) if pi not in used]
    return pd.DataFrame(rows, columns=PAIR_COLUMNS)


def _ratio(part: float, whole: float) -> float:
    """``part / whole``, 0 when ``whole`` is 0."""
    return part / whole if whole else 0.0


def _figures(gold: pd.DataFrame, n_pred: int, matched: dict[float, dict], table: pd.DataFrame) -> dict:
    """Precision, recall and F1 per threshold; recall by form and source accuracy at the lower threshold."""
    out: dict[str, float] = {}
    for t in THRESHOLDS:
        key, n = f"{round(t * 10):02d}", len(matched[t])
        p, r = _ratio(n, n_pred), _ratio(n, len(gold))
        out.update({f"precision_{key}": p, f"recall_{key}": r, f"f1_{key}": _ratio(2 * p * r, p + r),
                    f"n_matched_{key}": n})
    low = matched[THRESHOLDS[0]]
    for form in FORMS:
        ids = [i for i, f in enumerate(gold["form"]) if f == form]
        out[f"recall_{form}"] = _ratio(sum(i in low for i in ids), len(ids))
        out[f"n_gold_{form}"] = len(ids)
    judged = table["source_right"].dropna()
    out["source_accuracy"] = _ratio(int(judged.astype(bool).sum()), len(judged))
    out["n_source_pairs"] = len(judged)
    named = [i for i, (form, source) in enumerate(zip(gold["form"], gold["source"]))
             if form in ("direct", "mixed") and _is_name(source)]
    quoted = table["source_right"].iloc[named].dropna()  # the first len(gold) rows are the gold rows, in order
    out["source_accuracy_named_quotes"] = _ratio(int(quoted.astype(bool).sum()), len(quoted))
    out["n_named_quote_pairs"] = len(quoted)
    return out


def _is_name(source: str) -> bool:
    """Whether a gold source is a name ("Ann Lee", "the Pentagon"), not a pronoun or a description ("officials").

    >>> [_is_name(s) for s in ("Ann Lee", "he", "senior officials", "the Pentagon", "", "a spokesman for Lee")]
    [True, False, False, True, False, False]
    """
    words = [w for w in source.split() if w.lower().rstrip(".") not in DETERMINERS | TITLES]
    return bool(words) and words[0][:1].isupper() and kind_of(source) in {"person", "organisation", "group"}


def _gap_tokens(pred: object, clean: str, raw: str, tokens: _Tokens) -> frozenset[int]:
    """Tokens of the attribution's own words inside a content that it interrupts ('"A," he said, "B"'):
    the gaps between the parts of ``content_spans`` ("a-b;c-d", cleaned-text offsets), found again
    inside the located content."""
    spans = str(getattr(pred, "content_spans", "") or "")
    parts = [tuple(int(x) for x in part.split("-")) for part in spans.split(";") if "-" in part]
    gaps = set()
    hay, where = squeeze(raw[pred.raw_start:pred.raw_end])
    for (_, end), (start, _) in zip(parts, parts[1:]):
        needle = squeeze(clean[end:start])[0].strip()
        pos = hay.find(needle) if needle else -1
        if pos >= 0:
            a = pred.raw_start + where[pos]
            gaps |= token_set(tokens, [(a, pred.raw_start + where[pos + len(needle) - 1] + 1)])
    return frozenset(gaps)


def score_attributions(pred: pd.DataFrame, raw_texts: dict[str, str], gold: pd.DataFrame,
                       articles: pd.DataFrame) -> dict:
    """Score predicted attributions against brat gold by content-token overlap (the module's protocol).

    Args:
        pred: :func:`helpers.quotes.extract_quotes` output (``article_id, quote_start, quote_end,
            cue_start, cue_end`` needed; ``speaker, speaker_mention, cue, sentence, act`` used when present).
        raw_texts: ``{article_id: raw text}`` from :func:`read_brat`.
        gold: the gold table from :func:`read_brat`.
        articles: the articles the predictions were made on (``article_id, text``), for the cleaned text.

    Returns:
        The :data:`FIGURE_KEYS` figures, and tables ``pairs`` (gold and predictions side by side at
        0.3), ``errors`` (misses, false positives, wrong sources; :data:`ERROR_COLUMNS`) and
        ``missed_cues`` (the 15 commonest lower-cased cues of gold items missed at 0.3).
        Limits: predictions that cannot be located are false positives; a gold row whose
        article has no prediction is a miss.
    """
    pred = locate_predictions(pred, raw_texts, articles)
    gold = gold.reset_index(drop=True)
    index = {aid: token_index(text) for aid, text in raw_texts.items()}
    gold_sets = [token_set(index[a], spans) for a, spans in zip(gold["article_id"], gold["content_spans"])]
    clean = dict(zip(articles["article_id"], articles["text"]))
    pred_sets = [token_set(index[p.article_id], [(p.raw_start, p.raw_end)])
                 - _gap_tokens(p, clean.get(p.article_id, ""), raw_texts[p.article_id], index[p.article_id])
                 if p.located and p.pred_text else frozenset() for p in pred.itertuples()]
    pairs = candidate_pairs(gold_sets, list(gold["article_id"]), pred_sets, list(pred["article_id"]))
    matched = {t: greedy_match(pairs, t) for t in THRESHOLDS}
    table = _side_by_side(gold, pred, matched[THRESHOLDS[0]])
    figures = _figures(gold, len(pred), matched, table)
    missed = table.loc[table["type"] == "miss", "gold_cue"].map(lambda c: " ".join(c.lower().split()) or "(no cue)")
    counts = missed.value_counts().rename_axis("cue").reset_index(name="count")
    counts = counts.sort_values(["count", "cue"], ascending=[False, True]).head(15).reset_index(drop=True)
    return {**figures, "n_gold": len(gold), "n_pred": len(pred), "n_articles": len(raw_texts),
            "n_unlocated": int((~pred["located"]).sum()) if len(pred) else 0,
            "pairs": table, "errors": _errors(table), "missed_cues": counts}


def _errors(table: pd.DataFrame) -> pd.DataFrame:
    """Misses, false positives and wrong-source matches, in :data:`ERROR_COLUMNS`."""
    wrong = (table["type"] == "match") & (table["source_right"] == False)  # noqa: E712 - None is not judged
    errors = table[table["type"].isin(["miss", "false_positive"]) | wrong].copy()
    errors.loc[wrong[wrong].index, "type"] = "wrong_source"
    return errors.reindex(columns=ERROR_COLUMNS).astype(object).fillna("").reset_index(drop=True)


def write_errors(errors: pd.DataFrame, path: str | Path) -> None:
    """Write the errors table as UTF-8 CSV, every text cell made spreadsheet-safe (:func:`helpers.export.write_csv`)."""
    write_csv(errors, path)


def evaluate_attributions(path: str | Path, *, split: str = "dev",
                          extract: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                          study: Study | str | Path | None = None, voice_gold: str | Path | None = None) -> dict:
    """Run an attribution extractor on brat-annotated articles and score it (see :func:`score_attributions`).

    The ``.txt`` files are copied to a temporary folder and loaded with
    :func:`helpers.corpus.load_articles` (article id = file stem; duplicates kept); articles the
    loader skips (e.g. not English) get no predictions, so their gold items are misses.

    Args:
        path: a PolNeAR root, its ``data`` folder, or a folder of ``.ann``/``.txt`` pairs (:func:`brat_pairs`);
            with ``voice_gold``, also a folder of ``.txt`` files with no ``.ann`` at all (voice only).
        split: ``dev`` (default) or ``train``; ignored for a plain folder. The test split is refused.
        extract: callable(articles) -> predictions; default :func:`helpers.quotes.extract_quotes` with
            the speaker table of ``study``.
        study: default :func:`helpers.study.choose_study` for ``path`` (the generic study unless
            ``STUDY`` is set or a study lies beside the annotated texts).
        voice_gold: a CSV of voices labelled by hand for these texts (:func:`helpers.brat_voice.read_hand_voice`),
            scored as well (:func:`helpers.brat_voice.score_hand_voice`: ``hand_voice_accuracy``, ...).

    Returns:
        :func:`score_attributions` output, plus ``n_not_loaded`` and ``split`` (``None`` for a plain folder),
        and the voice of the study's loaded terms against voices derived from the gold
        (:func:`helpers.brat_voice.score_voice`: ``voice_accuracy``, ``voice_rows``, ...; left out
        for an ``extract`` whose rows lack ``quote_start, quote_end, speaker, side``).

    Raises:
        BratError: see :func:`read_brat`. CorpusError: when no article could be loaded.
        VoiceGoldError: a ``voice_gold`` file that cannot be read or does not fit the texts.
    """
    raw_texts, gold = read_brat(path, split=split, texts_only=voice_gold is not None)
    labels = _read_hand(voice_gold)  # a bad file fails before the slow part
    chosen = choose_study(study, data_dir=path)
    if extract is None:
        from helpers.quotes import extract_quotes  # late: the extractor is the slow, changing part

        extract = lambda articles: extract_quotes(articles, speakers=chosen.speakers)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="brat-eval-") as tmp:
        folder = Path(tmp) / "text"  # a sub-folder, so no articles.csv above it is taken as a manifest
        folder.mkdir()
        for article_id, text in raw_texts.items():
            with open(folder / f"{article_id}.txt", "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        try:
            articles = corpus.load_articles(folder, warn=False, keep_duplicates=True)
        except corpus.CorpusError:  # its message names the temporary copy, not the folder the user gave
            raise corpus.CorpusError(f"{path}: none of its {len(raw_texts)} .txt files could be loaded as an "
                                     "article (empty, or not text)") from None
    pred = extract(articles)
    result = score_attributions(pred, raw_texts, gold, articles)
    polnear = _layout(Path(path).expanduser(), split)[2]
    return {**result, **_voice(pred, raw_texts, gold, articles, lexicon=chosen.lexicon, hand=labels,
                               hand_source=str(voice_gold or "")),
            "n_not_loaded": len(raw_texts) - len(articles), "split": split if polnear else None}


def _read_hand(path: str | Path | None) -> pd.DataFrame | None:
    """:func:`helpers.brat_voice.read_hand_voice` of ``path``, None without one."""
    from helpers import brat_voice  # late: it imports the extractor

    return brat_voice.read_hand_voice(path) if path else None


def _voice(pred: pd.DataFrame, raw_texts: dict[str, str], gold: pd.DataFrame, articles: pd.DataFrame, *,
           lexicon: str | Path, hand: pd.DataFrame | None = None, hand_source: str = "") -> dict:
    """Voice of the lexicon's terms, from these attributions, against the brat gold (:mod:`helpers.brat_voice`)
    and against ``hand`` labels (:func:`helpers.brat_voice.read_hand_voice`) when given; ``{}`` when the
    predictions lack the columns the voice needs (an extractor other than this project's)."""
    from helpers import brat_voice, terms  # late: terms imports the extractor

    if not {"quote_start", "quote_end", "speaker", "side"} <= set(pred.columns):
        return {}
    found = terms.find_terms(articles, lexicon, quotes_=pred)
    out = {**brat_voice.score_voice(found, raw_texts, gold, articles), "voice_lexicon": str(lexicon)}
    if hand is not None:
        out.update(brat_voice.score_hand_voice(found, raw_texts, articles, hand, source=hand_source),
                   hand_voice_source=hand_source)
    return out


def format_report(result: dict, *, title: str = "") -> str:
    """The figures of :func:`evaluate_attributions` as a small plain-text table."""
    r = result
    not_loaded = f"; {r['n_not_loaded']} articles not loaded" if r.get("n_not_loaded") else ""
    lines = [title] if title else []
    if not r["n_gold"]:
        return "\n".join(lines + _voice_only_report(r, not_loaded))
    lines += [f"{r['n_articles']} articles, {r['n_gold']} gold attributions, {r['n_pred']} predictions "
              f"({r['n_unlocated']} could not be located in the raw text{not_loaded})",
              "", f"{'content overlap':<18}{'precision':>10}{'recall':>8}{'F1':>7}{'matched':>9}"]
    for key, label in (("03", ">= 0.3"), ("08", ">= 0.8")):
        lines.append(f"{label:<18}{r[f'precision_{key}']:>10.2f}{r[f'recall_{key}']:>8.2f}{r[f'f1_{key}']:>7.2f}"
                     f"{r[f'n_matched_{key}']:>9}")
    forms = ", ".join(f"{f} {r[f'recall_{f}']:.2f} (of {r[f'n_gold_{f}']})" for f in FORMS)
    lines += ["", f"recall by form (>= 0.3): {forms}",
              f"source accuracy (>= 0.3): {r['source_accuracy']:.2f} "
              f"(of {r['n_source_pairs']} matched pairs with a gold source); "
              f"{r['source_accuracy_named_quotes']:.2f} on direct and mixed quotations whose source is a name "
              f"(of {r['n_named_quote_pairs']})"]
    if "n_voice" in r:
        from helpers.brat_voice import format_voice

        lexicon = Path(r["voice_lexicon"])
        lines += ["", textwrap.fill(format_voice(r, lexicon=f"{lexicon.parent.name}/{lexicon.name}"), width=100,
                                    subsequent_indent="  ")]
    lines += _hand_voice_lines(r)
    cues = r["missed_cues"]
    if len(cues):
        listed = ", ".join(f"{cue} {n}" for cue, n in zip(cues["cue"], cues["count"]))
        lines += ["", textwrap.fill(f"most frequent missed cues (>= 0.3): {listed}", width=100, subsequent_indent="  ")]
    return "\n".join(lines)


def _hand_voice_lines(result: dict) -> list[str]:
    """The paragraph on the voice against the hand labels (after a blank line), or nothing without them."""
    if "n_hand_voice" not in result:
        return []
    from helpers.brat_voice import format_hand_voice

    return ["", textwrap.fill(format_hand_voice(result, source=Path(result["hand_voice_source"]).name), width=100,
                              subsequent_indent="  ")]


def _voice_only_report(result: dict, not_loaded: str) -> list[str]:
    """The report for texts with no annotated attribution: no content, form or source figures (nothing to
    compare with), no voice derived from annotations; the hand voice when given."""
    return [f"{result['n_articles']} articles with no annotated attribution{not_loaded}: content, form and "
            f"source figures need brat attribution annotations ({result['n_pred']} predictions not scored)",
            *_hand_voice_lines(result)]
