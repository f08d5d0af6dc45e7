"""Frames: which framing dimensions each sentence carries, weighted by prominence (headline and lead).

The codebook lives in ``data/lexicons/frames.yaml`` (adapted from the Media
Frames Corpus and SemEval-2023 Task 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from helpers import corpus
from helpers.study import choose_study
from helpers.speedups import PatternSet
from helpers.text import read_yaml

FRAME_COLUMNS = ["article_id", "outlet", "paragraph", "role", "sentence_no", "sentence", "frame", "cues", "n_cues"]
LEAD_ROLES = ("headline", "lead")


class CodebookError(ValueError):
    """The frame codebook is malformed."""


@dataclass(frozen=True)
class Codebook:
    """Frames in codebook order, with one compiled regex per frame."""

    frames: pd.DataFrame  # frame, label, source
    cues: pd.DataFrame  # frame, cue, note
    patterns: dict
    path: str

    @cached_property
    def pattern_set(self) -> PatternSet:
        """All frame patterns, searched together (same matches as each pattern's ``finditer``)."""
        return PatternSet(self.patterns)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and compile the frame codebook.

    Args:
        path: a YAML file; default the study in use (:func:`helpers.study.choose_study`).

    Returns:
        The compiled :class:`Codebook`.

    Raises:
        CodebookError: naming the file and the frame, when a field is missing or a cue regex is invalid.
    """
    return _load_codebook(str(path or choose_study().codebook))


@lru_cache(maxsize=8)
def _load_codebook(path: str) -> Codebook:
    path = Path(path)
    spec = read_yaml(path) or {}
    frames, cues, patterns = [], [], {}
    for f in spec.get("frames", []):
        if "frame" not in f or not f.get("cues"):
            raise CodebookError(f"{path}: a frame needs 'frame' and 'cues': {f!r}")
        parts = []
        for c in f["cues"]:
            try:
                re.compile(c["cue"])
            except (KeyError, re.error) as exc:
                raise CodebookError(f"{path}: frame {f['frame']}: bad cue {c!r}: {exc}") from None
            parts.append(f"(?:{c['cue']})")
            cues.append({"frame": f["frame"], "cue": c["cue"], "note": c.get("note", "")})
        patterns[f["frame"]] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)
        frames.append({"frame": f["frame"], "label": f.get("label", f["frame"]), "source": f.get("source", "")})
    return Codebook(pd.DataFrame(frames), pd.DataFrame(cues), patterns, str(path))


def tag_frames(articles: pd.DataFrame, codebook: str | Path | Codebook | None = None, *,
               sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence and frame, with the cue words that triggered it.

    Args:
        articles: the articles table.
        codebook: a codebook path or :class:`Codebook`; default the project codebook.
        sentences: precomputed :func:`helpers.corpus.sentences`.

    Returns:
        Columns ``article_id, outlet, paragraph, role`` (headline / lead / body),
        ``sentence_no, sentence, frame, cues`` (matched words, "; "-joined) and ``n_cues``.
    """
    book = codebook if isinstance(codebook, Codebook) else load_codebook(str(codebook) if codebook else None)
    sents = corpus.sentences(articles) if sentences is None else sentences
    records = list(sents[list(corpus.Sentence._fields)].itertuples(index=False, name=None))
    return pd.DataFrame(article_frames([corpus.Sentence(*r) for r in records], book), columns=FRAME_COLUMNS)


def article_frames(sents: list[corpus.Sentence], book: Codebook) -> list[dict]:
    """Frame rows for a list of sentences (see :func:`tag_frames` for the fields).

    Args:
        sents: :class:`helpers.corpus.Sentence` records.
        book: the codebook.

    Returns:
        One record per sentence and frame.
    """
    rows = []
    patterns = book.pattern_set
    for s in sents:
        for frame, matches in patterns.find(s.norm).items():
            if matches:
                hits = [s.text[m.start():m.end()] for m in matches]
                rows.append({"article_id": s.article_id, "outlet": s.outlet, "paragraph": s.paragraph, "role": s.role,
                             "sentence_no": s.sentence, "sentence": s.text, "frame": frame,
                             "cues": "; ".join(hits), "n_cues": len(hits)})
    return rows


def frame_shares(tagged: pd.DataFrame, sentences: pd.DataFrame, *, lead_only: bool = False,
                 codebook: Codebook | None = None) -> pd.DataFrame:
    """Share of each outlet's sentences that carry each frame.

    Args:
        tagged: :func:`tag_frames` output.
        sentences: :func:`helpers.corpus.sentences` output (the denominators).
        lead_only: count only headline and lead sentences.
        codebook: for the frame order; default the project codebook.

    Returns:
        Tidy columns ``outlet, frame, sentences_with_frame, sentences, share, where`` (all / lead);
        every outlet x frame pair is present (0 when absent).
    """
    book = codebook or load_codebook()
    if lead_only:
        tagged = tagged[tagged["role"].isin(LEAD_ROLES)]
        sentences = sentences[sentences["role"].isin(LEAD_ROLES)]
    totals = sentences.groupby("outlet").size().rename("sentences")
    hits = tagged.groupby(["outlet", "frame"])["sentence_no"].size().rename("sentences_with_frame")
    grid = pd.MultiIndex.from_product([totals.index, book.frames["frame"]], names=["outlet", "frame"])
    table = hits.reindex(grid, fill_value=0).reset_index().merge(totals.reset_index(), on="outlet")
    table["share"] = table["sentences_with_frame"] / table["sentences"]
    table["where"] = "lead" if lead_only else "all"
    return table


def lead_frames(tagged: pd.DataFrame, articles: pd.DataFrame, *, codebook: Codebook | None = None) -> pd.DataFrame:
    """The leading frame of each article: most cues in the headline and lead, ties broken by codebook order.

    Args:
        tagged: :func:`tag_frames` output.
        articles: the articles table (articles with no frame in the lead are listed too).
        codebook: for the tie order.

    Returns:
        Columns ``article_id, outlet, lead_frame, lead_cues, lead_frames`` (all frames in the lead with cue counts).
    """
    book = codebook or load_codebook()
    order = {f: i for i, f in enumerate(book.frames["frame"])}
    lead = tagged[tagged["role"].isin(LEAD_ROLES)]
    rows = []
    for a in articles.itertuples():
        sub = lead[lead["article_id"] == a.article_id]
        counts = sub.groupby("frame")["n_cues"].sum()
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
        cues = "; ".join(sub[sub["frame"] == ranked[0][0]]["cues"]) if ranked else ""
        rows.append({"article_id": a.article_id, "outlet": a.outlet,
                     "lead_frame": ranked[0][0] if ranked else "(none)", "lead_cues": cues,
                     "lead_frames": ", ".join(f"{f} ({n})" for f, n in ranked)})
    return pd.DataFrame(rows)
