"""Load a folder of news articles, clean web boilerplate, and split into paragraphs and sentences.

Every file in the folder ends up either loaded or listed in the load report with
a reason; every line that cleaning removes is recorded with the rule that
removed it.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import yaml

from helpers import config
from helpers.text import count_words, normalise, sentence_spans, squash

MANIFEST_COLUMNS = ["article_id", "outlet", "original_source", "published", "language_original", "url", "evidence"]
ARTICLE_COLUMNS = [
    "article_id", "outlet", "headline", "text", "raw_text", "n_words", "published", "original_source",
    "language_original", "url", "evidence", "page_dates", "credits", "removed", "file", "encoding",
]
REPORT_COLUMNS = ["file", "article_id", "status", "problem", "message", "encoding", "n_bytes"]
TEXT_SUFFIXES = {".txt"}
HEADLINE_MAX_WORDS = 30


class CorpusError(ValueError):
    """A problem with the corpus as a whole (missing folder, bad manifest, nothing loadable)."""


class CorpusWarning(UserWarning):
    """A problem with one file that was handled (loaded with a caveat, or skipped)."""


# ---------------------------------------------------------------- cleaning


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule: a regex matched against a whole stripped line."""

    name: str
    pattern: re.Pattern
    note: str = ""


@dataclass
class Cleaned:
    """The result of cleaning one raw text."""

    text: str
    headline: str
    removed: list[dict] = field(default_factory=list)
    page_dates: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


@lru_cache(maxsize=4)
def boilerplate_rules(path: str | None = None) -> tuple[Rule, ...]:
    """Read the line rules from ``data/lexicons/boilerplate.yaml``.

    Args:
        path: another YAML file with the same layout.

    Returns:
        The rules in file order.
    """
    path = Path(path) if path else config.LEXICON_DIR / "boilerplate.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for item in spec["rules"]:
        flags = re.IGNORECASE if "i" in str(item.get("flags", "")) else 0
        try:
            rules.append(Rule(item["name"], re.compile(item["pattern"], flags), item.get("note", "")))
        except (KeyError, re.error) as exc:
            raise CorpusError(f"{path}: bad boilerplate rule {item!r}: {exc}") from None
    return tuple(rules)


def clean_text(raw: str, *, rules: tuple[Rule, ...] | None = None) -> Cleaned:
    """Remove web boilerplate line by line, keeping every line of the article body.

    One kept line is one paragraph. The first kept line is the headline when it is
    short (at most 30 words) and more text follows. A later line equal to an
    earlier kept line (e.g. a headline repeated under a breadcrumb) is removed.

    Args:
        raw: the file's text.
        rules: boilerplate rules; by default those of :func:`boilerplate_rules`.

    Returns:
        A :class:`Cleaned` with the text (paragraphs joined by a blank line), the
        headline, and a record of each removed line with its rule.
    """
    rules = boilerplate_rules() if rules is None else rules
    kept: list[str] = []
    seen: dict[str, int] = {}
    out = Cleaned(text="", headline="")
    for line_no, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = line.strip()
        if not normalise(stripped).strip():
            continue
        probe = normalise(stripped).strip()
        rule = next((r for r in rules if r.pattern.fullmatch(stripped) or r.pattern.fullmatch(probe)), None)
        if rule is not None:
            out.removed.append({"line_no": line_no, "line": stripped, "rule": rule.name, "note": rule.note})
            if rule.name == "date_stamp":
                out.page_dates.append(stripped)
            elif rule.name == "source_credit":
                out.credits.append(stripped)
            continue
        key = squash(stripped)
        if key in seen:
            first = seen[key]
            name = "repeated_headline" if first == 0 else "repeated_line"
            out.removed.append({"line_no": line_no, "line": stripped, "rule": name,
                                "note": f"same as kept paragraph {first}"})
            continue
        seen[key] = len(kept)
        kept.append(stripped)
    if len(kept) > 1 and count_words(kept[0]) <= HEADLINE_MAX_WORDS:
        out.headline = kept[0]
    out.text = "\n\n".join(kept)
    return out


# ---------------------------------------------------------------- reading files


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, falling back to cp1252 and then latin-1."""
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


_HTML_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|br|span|script|style|article|a\s+href)\b[^>]*>", re.I)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls > max(8, len(sample) // 20)


def _looks_html(text: str) -> bool:
    return text.lstrip().startswith("<") and bool(_HTML_RE.search(text[:4096])) or len(_HTML_RE.findall(text[:20000])) >= 3


def read_manifest(path: str | Path) -> pd.DataFrame:
    """Read and validate a manifest CSV (one row per article).

    Args:
        path: the CSV file; it needs at least ``article_id`` and ``outlet``.

    Returns:
        The manifest with every column of ``MANIFEST_COLUMNS`` (missing optional
        ones are empty).

    Raises:
        CorpusError: naming the file, when it cannot be parsed, lacks a required
            column, or repeats an ``article_id``.
    """
    path = Path(path)
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: manifest cannot be read as CSV ({exc.__class__.__name__}: {exc})") from None
    missing = [c for c in ("article_id", "outlet") if c not in manifest.columns]
    if missing:
        raise CorpusError(f"{path}: manifest lacks required column(s) {missing}; it has {list(manifest.columns)}")
    dupes = manifest.loc[manifest["article_id"].duplicated(), "article_id"].tolist()
    if dupes:
        raise CorpusError(f"{path}: manifest repeats article_id {dupes}")
    for column in MANIFEST_COLUMNS:
        if column not in manifest.columns:
            manifest[column] = ""
    return manifest


def find_manifest(folder: Path) -> Path | None:
    """Find ``articles.csv`` in the folder or its parent (``data/raw`` -> ``data``).

    Args:
        folder: the folder of articles.

    Returns:
        The manifest path, or ``None`` when there is none.
    """
    for candidate in (folder / "articles.csv", folder.parent / "articles.csv"):
        if candidate.is_file():
            return candidate
    return None


def _outlet_from_name(stem: str) -> str:
    """'bbc_2023-09-19' -> 'bbc': the file name up to the first underscore."""
    return re.split(r"_", stem, maxsplit=1)[0] or stem


def read_corpus(data_dir: str | Path | None = None, *, manifest: str | Path | None = None,
                keep_duplicates: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load every ``.txt`` article in a folder, without emitting warnings.

    Args:
        data_dir: folder of articles; default ``DATA_DIR`` or ``data/raw``.
        manifest: manifest CSV; default ``articles.csv`` beside or above the folder.
        keep_duplicates: load a file whose cleaned text repeats an earlier file's.

    Returns:
        ``(articles, report)``: the articles table (see :func:`load_articles`) and
        the load report, one row per file (and per manifest row without a file)
        with ``status`` loaded / loaded_with_warning / skipped / missing.

    Raises:
        CorpusError: when the folder does not exist or the manifest is malformed.
    """
    folder = config.data_dir(data_dir)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: the article folder does not exist (set DATA_DIR or pass data_dir)")
    manifest_path = Path(manifest) if manifest else find_manifest(folder)
    meta = read_manifest(manifest_path).set_index("article_id") if manifest_path else None

    report: list[dict] = []
    rows: list[dict] = []
    seen_text: dict[str, str] = {}

    def note(path: Path, status: str, problem: str, message: str, encoding: str = "", n_bytes: int = 0) -> None:
        report.append({"file": path.name, "article_id": path.stem if path.suffix else path.name, "status": status,
                       "problem": problem, "message": message, "encoding": encoding, "n_bytes": n_bytes})

    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if path.is_dir():
            note(path, "skipped", "folder", f"{path}: a sub-folder; only files directly in {folder} are read")
            continue
        if manifest_path and path.resolve() == manifest_path.resolve():
            note(path, "manifest", "", f"{path}: the manifest")
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES:
            note(path, "skipped", "unsupported_type", f"{path}: not a .txt file; save articles as UTF-8 .txt")
            continue
        data = path.read_bytes()
        n_bytes = len(data)
        if not data.strip():
            note(path, "skipped", "empty", f"{path}: the file is empty", n_bytes=n_bytes)
            continue
        if _looks_binary(data):
            note(path, "skipped", "binary", f"{path}: binary data (NUL or control bytes), not text", n_bytes=n_bytes)
            continue
        raw, encoding = _decode(data)
        problems: list[tuple[str, str]] = []
        if encoding != "utf-8":
            problems.append(("not_utf8", f"{path}: not valid UTF-8; decoded as {encoding}, check odd characters"))
        if _looks_html(raw):
            note(path, "skipped", "html",
                 f"{path}: the file holds HTML markup, not plain text; extract the article text first", encoding, n_bytes)
            continue
        cleaned = clean_text(raw)
        if not cleaned.text:
            note(path, "skipped", "no_text", f"{path}: nothing is left after removing boilerplate", encoding, n_bytes)
            continue
        key = hashlib.sha1(squash(cleaned.text).encode()).hexdigest()
        if key in seen_text and not keep_duplicates:
            note(path, "skipped", "duplicate", f"{path}: same text as {seen_text[key]}; skipped", encoding, n_bytes)
            continue
        seen_text.setdefault(key, path.name)
        article_id = path.stem
        if meta is not None and article_id in meta.index:
            info = meta.loc[article_id].to_dict()
        else:
            info = {c: "" for c in MANIFEST_COLUMNS[1:]}
            info["outlet"] = _outlet_from_name(article_id)
            where = f"in {manifest_path}" if manifest_path else "(no articles.csv found)"
            problems.append(("no_manifest_row",
                             f"{path}: no manifest row {where}; outlet taken from the file name: {info['outlet']!r}"))
        published = pd.to_datetime(info.get("published") or None, errors="coerce")
        if pd.isna(published):
            iso = [d for d in cleaned.page_dates if re.match(r"\d{4}-\d{2}-\d{2}", d)]
            published = pd.to_datetime(iso[0][:10]) if iso else pd.NaT
        rows.append({
            "article_id": article_id, "outlet": info["outlet"] or _outlet_from_name(article_id),
            "headline": cleaned.headline, "text": cleaned.text, "raw_text": raw, "n_words": count_words(cleaned.text),
            "published": published, "original_source": info.get("original_source", ""),
            "language_original": info.get("language_original", ""), "url": info.get("url", ""),
            "evidence": info.get("evidence", ""), "page_dates": cleaned.page_dates, "credits": cleaned.credits,
            "removed": cleaned.removed, "file": path.name, "encoding": encoding,
        })
        status = "loaded_with_warning" if problems else "loaded"
        note(path, status, ";".join(p for p, _ in problems), " | ".join(m for _, m in problems) or "loaded",
             encoding, n_bytes)

    if meta is not None:
        present = {Path(r["file"]).stem for r in report}
        for article_id in meta.index:
            if article_id not in present:
                report.append({"file": f"{article_id}.txt", "article_id": article_id, "status": "missing",
                               "problem": "missing_file",
                               "message": f"{manifest_path}: row {article_id!r} has no file {article_id}.txt in {folder}",
                               "encoding": "", "n_bytes": 0})
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"])
    articles["n_words"] = articles["n_words"].astype(int)
    return articles, pd.DataFrame(report, columns=REPORT_COLUMNS)


def load_articles(data_dir: str | Path | None = None, *, manifest: str | Path | None = None,
                  warn: bool = True, keep_duplicates: bool = False) -> pd.DataFrame:
    """Load and clean a folder of ``.txt`` articles into one row per article.

    Args:
        data_dir: folder of articles; default ``DATA_DIR`` or ``data/raw``.
        manifest: manifest CSV; default ``articles.csv`` beside or above the folder.
        warn: emit a :class:`CorpusWarning` naming the file for each problem.
        keep_duplicates: load a file whose cleaned text repeats an earlier file's.

    Returns:
        Columns ``article_id, outlet, headline, text`` (cleaned body, headline
        first), ``raw_text, n_words, published, original_source`` and provenance
        columns (``page_dates, credits, removed, file, encoding``).

    Raises:
        CorpusError: when the folder is missing, the manifest malformed, or no
            article could be loaded (the message lists each file's problem).
    """
    articles, report = read_corpus(data_dir, manifest=manifest, keep_duplicates=keep_duplicates)
    if warn:
        for row in report.itertuples():
            if row.status in {"loaded_with_warning", "skipped", "missing"}:
                warnings.warn(row.message, CorpusWarning, stacklevel=2)
    if articles.empty:
        detail = "\n".join(f"  {r.file}: {r.status} ({r.problem})" for r in report.itertuples()) or "  (no files)"
        raise CorpusError(f"{config.data_dir(data_dir)}: no article could be loaded:\n{detail}")
    return articles


def load_report(data_dir: str | Path | None = None, *, manifest: str | Path | None = None) -> pd.DataFrame:
    """The load report alone: one row per file with its status and the reason.

    Args:
        data_dir: folder of articles.
        manifest: manifest CSV.

    Returns:
        Columns ``file, article_id, status, problem, message, encoding, n_bytes``.
    """
    return read_corpus(data_dir, manifest=manifest)[1]


def removed_lines(articles: pd.DataFrame) -> pd.DataFrame:
    """Every line that cleaning removed, with the rule that removed it.

    Args:
        articles: the output of :func:`load_articles`.

    Returns:
        Columns ``article_id, outlet, line_no, rule, line, note``.
    """
    records = [
        {"article_id": a.article_id, "outlet": a.outlet, **r}
        for a in articles.itertuples() for r in a.removed
    ]
    return pd.DataFrame(records, columns=["article_id", "outlet", "line_no", "rule", "line", "note"])


# ---------------------------------------------------------------- paragraphs and sentences


class Paragraph(NamedTuple):
    """One paragraph of an article's cleaned text."""

    article_id: str
    outlet: str
    paragraph: int
    role: str
    text: str
    start: int
    end: int


class Sentence(NamedTuple):
    """One sentence of an article's cleaned text (``norm`` is the normalised text, same offsets)."""

    article_id: str
    outlet: str
    paragraph: int
    role: str
    sentence: int
    text: str
    norm: str
    start: int
    end: int


def _roles(n: int, has_headline: bool) -> list[str]:
    roles = []
    body_seen = False
    for i in range(n):
        if i == 0 and has_headline:
            roles.append("headline")
        elif not body_seen:
            roles.append("lead")
            body_seen = True
        else:
            roles.append("body")
    return roles


def article_paragraphs(article_id: str, outlet: str, text: str, headline: str) -> list[Paragraph]:
    """Paragraphs of one cleaned text (one per line), with their role.

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        headline: the headline ("" when none): the first paragraph is then the headline.

    Returns:
        :class:`Paragraph` records in order.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [Paragraph(article_id, outlet, i, role, text[a:b], a, b)
            for i, ((a, b), role) in enumerate(zip(spans, _roles(len(spans), bool(headline))))]


def article_sentences(article_id: str, outlet: str, text: str, headline: str) -> list[Sentence]:
    """Sentences of one cleaned text, split with Punkt inside each paragraph.

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        headline: the headline ("" when none).

    Returns:
        :class:`Sentence` records in order, numbered from 0.
    """
    out = []
    for p in article_paragraphs(article_id, outlet, text, headline):
        for a, b in sentence_spans(p.text):
            sent = p.text[a:b]
            out.append(Sentence(article_id, outlet, p.paragraph, p.role, len(out), sent, normalise(sent),
                                p.start + a, p.start + b))
    return out


def _records(articles: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    headlines = articles["headline"].fillna("") if "headline" in articles.columns else [""] * len(articles)
    return list(zip(articles["article_id"], articles["outlet"], articles["text"], headlines))


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph of the cleaned text.

    Args:
        articles: the output of :func:`load_articles`.

    Returns:
        Columns ``article_id, outlet, paragraph, role, text, start, end``, where
        ``role`` is headline, lead (first body paragraph) or body, and
        ``start``/``end`` are offsets into the article's cleaned ``text``.
    """
    rows = [p for rec in _records(articles) for p in article_paragraphs(*rec)]
    return pd.DataFrame(rows, columns=list(Paragraph._fields))


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence, split with NLTK Punkt inside each paragraph.

    A headline is its own paragraph, so it is never merged into the first
    sentence; abbreviations from ``data/lexicons/abbreviations.txt`` do not end
    a sentence.

    Args:
        articles: the output of :func:`load_articles`.

    Returns:
        Columns ``article_id, outlet, paragraph, role, sentence`` (0-based number
        within the article), ``text, norm`` (normalised text for matching),
        ``start, end`` (offsets into the cleaned text).
    """
    rows = [s for rec in _records(articles) for s in article_sentences(*rec)]
    return pd.DataFrame(rows, columns=list(Sentence._fields))


def sentences_by_article(sentences_: pd.DataFrame) -> dict[str, list[Sentence]]:
    """Group a sentences table back into :class:`Sentence` records per article.

    Args:
        sentences_: :func:`sentences` output.

    Returns:
        ``{article_id: [Sentence, ...]}``.
    """
    out: dict[str, list[Sentence]] = {}
    for row in sentences_[list(Sentence._fields)].itertuples(index=False, name=None):
        out.setdefault(row[0], []).append(Sentence(*row))
    return out


def bucket_outlets(articles: pd.DataFrame, *, top: int = 12, other: str = "other") -> pd.DataFrame:
    """Keep the ``top`` outlets with most articles and relabel the rest ``other`` (for readable charts).

    Args:
        articles: the articles table; it is not modified.
        top: outlets kept by name.
        other: the label of the bucket.

    Returns:
        A copy with ``outlet`` bucketed and the original name in ``outlet_original``.
    """
    out = articles.copy()
    out["outlet_original"] = out["outlet"]
    counts = out["outlet"].value_counts()
    if len(counts) > top:
        keep = set(counts.sort_index().sort_values(ascending=False, kind="stable").index[:top])
        out["outlet"] = out["outlet"].where(out["outlet"].isin(keep), other)
    return out
