"""Load a folder of news articles, clean web boilerplate, and split into paragraphs and sentences.

Every file in the folder ends up either loaded or listed in the load report with
a reason; every line that cleaning removes is recorded with the rule that
removed it.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import operator
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from helpers import config
from helpers.speedups import survives_normalise
from helpers.text import count_words, join_continuations, normalise, read_list, read_yaml, sentence_tokenizer, squash

MANIFEST_COLUMNS = ["article_id", "outlet", "original_source", "published", "language_original", "url", "evidence"]
ARTICLE_COLUMNS = [
    "article_id", "outlet", "headline", "text", "raw_text", "n_words", "published", "original_source",
    "language_original", "url", "evidence", "page_dates", "credits", "removed", "file", "encoding",
]
REPORT_COLUMNS = ["file", "article_id", "status", "problem", "message", "encoding", "n_bytes"]
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
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
    spec = read_yaml(path)
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
    first_rule = _rule_matcher(rules)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    # normalise once: it maps one character to one and leaves line breaks alone, so lines correspond
    for line_no, (line, norm_line) in enumerate(zip(raw.split("\n"), normalise(raw).split("\n")), start=1):
        stripped = line.strip()
        probe = norm_line.strip()  # == normalise(stripped).strip(): only whitespace is stripped either way
        if not probe:
            continue
        rule = first_rule(stripped, probe)
        if rule is not None:
            out.removed.append({"line_no": line_no, "line": stripped, "rule": rule.name, "note": rule.note})
            if rule.name == "date_stamp":
                out.page_dates.append(stripped)
            elif rule.name == "source_credit":
                out.credits.append(stripped)
            continue
        key = " ".join(probe.split()).lower()  # squash(stripped)
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


@lru_cache(maxsize=8)
def _rule_matcher(rules: tuple[Rule, ...]):
    """A function ``(line, normalised line) -> first rule that matches either whole, or None``.

    The rules are joined into one alternation (one regex call per line instead of
    two per rule); the first alternative that matches the whole line is the first
    rule in file order, as in a loop over the rules. A rule that matches a line
    also matches its normalised form when :func:`helpers.speedups.survives_normalise`
    says so, so only the other rules (a "»" breadcrumb...) are tried on the line
    itself. Rules with their own groups, back-references, inline flags or flags
    other than IGNORECASE (VERBOSE, ASCII, MULTILINE... would change meaning inside
    the alternation) are looped over instead.
    """
    def loop(line: str, probe: str) -> Rule | None:
        return next((r for r in rules if r.pattern.fullmatch(line) or r.pattern.fullmatch(probe)), None)

    if not rules or any(r.pattern.groups or "(?P" in r.pattern.pattern
                        or r.pattern.flags & ~(re.IGNORECASE | re.UNICODE) for r in rules):
        return loop
    parts = [f"({'(?i:' if r.pattern.flags & re.IGNORECASE else '(?:'}{r.pattern.pattern}))" for r in rules]
    try:
        combined = re.compile("|".join(parts))
    except re.error:
        return loop
    on_line = [i for i, r in enumerate(rules) if not survives_normalise(r.pattern)]
    combined_on_line = re.compile("|".join(parts[i] for i in on_line)) if on_line else None

    def first(line: str, probe: str) -> Rule | None:
        hits = [m.lastindex - 1] if (m := combined.fullmatch(probe)) else []
        if probe != line and combined_on_line is not None and (m := combined_on_line.fullmatch(line)):
            hits.append(on_line[m.lastindex - 1])
        return rules[min(hits)] if hits else None

    return first


# ---------------------------------------------------------------- reading files


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"),  # UTF-32 before UTF-16: same start
         (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))


def _bom_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding a byte-order mark at the start of ``data`` announces, or None."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode bytes by their UTF-16/32 byte-order mark, else as UTF-8, falling back to cp1252 and then latin-1."""
    if (announced := _bom_encoding(data)) is not None:
        try:
            return data.decode(announced).lstrip("\ufeff"), announced
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


_HTML_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|br|span|script|style|article|a\s+href)\b[^>]*>", re.I)


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


# C0 controls other than tab, newline, form feed and carriage return, DEL, and C1 controls: never article text
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")


def _looks_binary(data: bytes) -> bool:
    if _bom_encoding(data):
        return False
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # the control bytes that are left
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
    except OSError as exc:
        raise CorpusError(f"{path}: manifest cannot be read ({exc.strerror or exc})") from None
    missing = [c for c in ("article_id", "outlet") if c not in manifest.columns]
    if missing:
        raise CorpusError(f"{path}: manifest lacks required column(s) {missing}; it has {list(manifest.columns)}")
    dupes = manifest.loc[manifest["article_id"].duplicated(), "article_id"].tolist()
    if dupes:
        raise CorpusError(f"{path}: manifest repeats article_id {dupes}")
    for column in MANIFEST_COLUMNS:
        if column not in manifest.columns:
            manifest[column] = ""
    return manifest.apply(lambda col: col.str.replace(CONTROL_RE, "", regex=True))  # never shown, never compared


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


def _without_controls(doc: _Doc, where: str) -> tuple[str, dict, list[tuple[str, str]]]:
    """The document's text and metadata (headline, outlet, ...) without control characters (NUL, escape, ...),
    and its problems, with the removal reported."""
    problems = list(doc.problems)
    fields = {"text": doc.raw, **{k: v for k, v in doc.meta.items() if isinstance(v, str)}}
    found = {k: CONTROL_RE.findall(v) for k, v in fields.items()}
    n = sum(len(run) for runs in found.values() for run in runs)
    if not n:
        return doc.raw, doc.meta, problems
    codes = ", ".join(sorted({f"U+{ord(c):04X}" for runs in found.values() for run in runs for c in run})[:5])
    where_found = ", ".join(k for k, runs in found.items() if runs)
    problems.append(("control_characters",
                     f"{where}: {n} control character{'s' * (n != 1)} ({codes}) removed from the {where_found}"))
    meta = {k: CONTROL_RE.sub("", v) if isinstance(v, str) else v for k, v in doc.meta.items()}
    return CONTROL_RE.sub("", doc.raw), meta, problems


def _outlet_from_name(stem: str) -> str:
    """'bbc_2023-09-19' -> 'bbc': the file name up to the first underscore."""
    return re.split(r"_", stem, maxsplit=1)[0] or stem


@dataclass
class _Doc:
    """One input document before admission: a file or a table row."""

    name: str  # file name, or "file.csv#row12"
    article_id: str
    raw: str
    encoding: str = "utf-8"
    n_bytes: int = 0
    meta: dict = field(default_factory=dict)  # outlet, headline, published, url from the source itself
    problems: list = field(default_factory=list)
    failure: tuple[str, str] | None = None  # (problem, reason) when the document cannot be an article


def _published(info: dict, meta: dict, cleaned: Cleaned, where: str, problems: list) -> pd.Timestamp:
    """The publication date: the manifest's, else the source's metadata, else an ISO date printed in the
    article (the loader then tries an ISO date in the file name, :func:`_date_in_name`); an unreadable date adds an ``unreadable_date`` problem (NaT when none is readable)."""
    given = str(info.get("published") or meta.get("published") or "").strip()
    published = _parse_date(given)
    if given and pd.isna(published):
        origin = "the manifest" if info.get("published") else "the source's metadata"
        problems.append(("unreadable_date", f"{where}: published date {given!r} from {origin} is not a date; "
                                            "using a date printed in the article, if any"))
    if pd.isna(published):
        iso = [d for d in cleaned.page_dates if re.match(r"\d{4}-\d{2}-\d{2}", d)]
        published = _parse_date(iso[0][:10]) if iso else pd.NaT
        if iso and pd.isna(published):
            problems.append(("unreadable_date", f"{where}: the date printed in the article, {iso[0]!r}, "
                                                "is not a date; published left empty"))
    return published


class _Admission:
    """Admit documents one by one: clean, check, merge metadata, record the outcome in the load report."""

    def __init__(self, manifest_path: Path | None, *, keep_duplicates: bool, check_language: bool):
        self.manifest_path = manifest_path
        self.meta = read_manifest(manifest_path).set_index("article_id") if manifest_path else None
        # row lookup without a pandas .loc per article (slow) or Python objects per row (heavy for large manifests)
        self.meta_cols = {c: pa.array(self.meta[c]) for c in self.meta.columns} if self.meta is not None else {}
        self.meta_seen = np.zeros(len(self.meta) if self.meta is not None else 0, dtype=bool)  # rows some input provided
        self.keep_duplicates = keep_duplicates
        self.check_language = check_language
        self.rows: list[dict] = []
        self.report: list[dict] = []
        self.seen_text: dict[bytes, str] = {}  # digest of the cleaned text -> first file with it, across chunks
        self.seen_ids: set[str] = set()

    def meta_row(self, article_id: str) -> int | None:
        """Position of the article's manifest row, or None."""
        if self.meta is None:
            return None
        try:
            pos = self.meta.index.get_loc(article_id)
        except KeyError:
            return None
        return int(pos) if isinstance(pos, (int, np.integer)) else None  # not a slice or mask: ids are unique

    def note(self, name: str, article_id: str, status: str, problem: str, message: str, encoding: str = "",
             n_bytes: int = 0) -> None:
        if (pos := self.meta_row(article_id)) is not None:
            self.meta_seen[pos] = True
        self.report.append({"file": name, "article_id": article_id, "status": status, "problem": problem,
                            "message": message, "encoding": encoding, "n_bytes": n_bytes})

    def admit(self, doc: _Doc, where: str) -> None:
        """Clean one document and either add it to the articles or list it as skipped, with the reason."""
        skip = lambda problem, message: self.note(doc.name, doc.article_id, "skipped", problem,  # noqa: E731
                                                  f"{where}: {message}", doc.encoding, doc.n_bytes)
        if doc.failure:
            return skip(*doc.failure)
        if not doc.raw.strip():
            return skip("empty", "the file is empty" if "#" not in doc.name else "the text is empty")
        raw, meta, problems = _without_controls(doc, where)
        headline = str(meta.get("headline") or "").strip()
        if headline and not raw.lstrip().startswith(headline):
            raw = headline + "\n\n" + raw
        cleaned = clean_text(raw)
        refused = self.refusal(doc, cleaned)
        if refused is not None:
            return skip(*refused)
        info = self.metadata(doc, meta, where, problems)
        published = _published(info, meta, cleaned, where, problems)
        if pd.isna(published) and "#" not in doc.name:  # a file per article, not a row of a table file
            published = _date_in_name(doc.name)
        self.rows.append({
            "article_id": doc.article_id, "outlet": info["outlet"] or _outlet_from_name(doc.article_id),
            "headline": cleaned.headline, "text": cleaned.text, "raw_text": doc.raw,
            "n_words": count_words(cleaned.text), "published": published,
            "original_source": info.get("original_source", ""), "language_original": info.get("language_original", ""),
            "url": info.get("url", ""), "evidence": info.get("evidence", ""), "page_dates": cleaned.page_dates,
            "credits": cleaned.credits, "removed": cleaned.removed, "file": doc.name, "encoding": doc.encoding,
        })
        status = "loaded_with_warning" if problems else "loaded"
        self.note(doc.name, doc.article_id, status, ";".join(p for p, _ in problems),
                  " | ".join(m for _, m in problems) or "loaded", doc.encoding, doc.n_bytes)

    def refusal(self, doc: _Doc, cleaned: Cleaned) -> tuple[str, str] | None:
        """Why a cleaned document is not loaded (``(problem, message)``): nothing left, not English, a duplicate
        text or article id; None when it is loaded. A text seen first is remembered for later duplicates."""
        if not cleaned.text:
            return "no_text", "nothing is left after removing boilerplate"
        if self.check_language:
            share, n_tokens = english_share(cleaned.text)
            if n_tokens >= 20 and share < ENGLISH_MIN_SHARE:
                return "not_english", (f"not English (English function words are {share:.0%} of "
                                       f"{n_tokens} words; English news has about 40%); not analysed")
        key = hashlib.sha1(squash(cleaned.text).encode()).digest()
        if key in self.seen_text and not self.keep_duplicates:
            return "duplicate", f"same text as {self.seen_text[key]}; skipped"
        self.seen_text.setdefault(key, doc.name)
        if doc.article_id in self.seen_ids:
            return "duplicate_id", f"article_id {doc.article_id!r} was already loaded from another file"
        self.seen_ids.add(doc.article_id)
        return None

    def metadata(self, doc: _Doc, meta: dict, where: str, problems: list) -> dict:
        """The manifest's fields for the article, or, without a manifest row, the outlet and URL from the
        source's own metadata or the file name (a ``no_manifest_row`` problem is added)."""
        info = {c: "" for c in MANIFEST_COLUMNS[1:]}
        if (row := self.meta_row(doc.article_id)) is not None:
            info.update({k: v for k, col in self.meta_cols.items() if (v := col[row].as_py()) not in ("", None)})
            return info
        source_outlet = str(meta.get("outlet") or "").strip()
        info["outlet"] = source_outlet or _outlet_from_name(doc.article_id)
        info["url"] = str(meta.get("url") or "")
        if self.manifest_path or not source_outlet:
            place = f"in {self.manifest_path}" if self.manifest_path else "(no articles.csv found)"
            origin = "the source's metadata" if source_outlet else "the file name"
            problems.append(("no_manifest_row",
                             f"{where}: no manifest row {place}; outlet taken from {origin}: {info['outlet']!r}"))
        return info

    def missing(self, folder: Path) -> None:
        """List manifest rows that no input provided."""
        if self.meta is None:
            return
        for article_id in self.meta.index[~self.meta_seen]:
            self.report.append({
                "file": f"{article_id}.txt", "article_id": article_id, "status": "missing",
                "problem": "missing_file", "encoding": "", "n_bytes": 0,
                "message": f"{self.manifest_path}: row {article_id!r} has no file {article_id}.* in {folder}"})

    def take_rows(self) -> tuple[list[dict], list[dict]]:
        """The article and report rows admitted since the last call, as dicts (duplicate memory is kept)."""
        out = self.rows, self.report
        self.rows, self.report = [], []
        return out


def article_frame(rows: list[dict], *, columns: list[str] = ARTICLE_COLUMNS) -> pd.DataFrame:
    """The articles table from admitted article rows.

    Args:
        rows: admitted article rows.
        columns: the columns to keep, in order (default: those of :func:`load_articles`);
            they must include ``published`` and ``n_words``.

    Returns:
        The articles table.
    """
    articles = pd.DataFrame(rows, columns=columns)
    articles["published"] = pd.to_datetime(articles["published"])
    articles["n_words"] = articles["n_words"].astype(int)
    return articles


def report_frame(rows: list[dict]) -> pd.DataFrame:
    """The load report from report rows (the columns of :func:`load_report`)."""
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


_NAME_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _date_in_name(name: str) -> pd.Timestamp:
    """An ISO date in a file name ("breitbart_2016-09-12_stealth.txt"), the last fallback for ``published``;
    NaT when there is none or it is not a real date.

    >>> _date_in_name("breitbart_2016-09-12_stealth.txt"), _date_in_name("notes-2016-13-40.txt")
    (Timestamp('2016-09-12 00:00:00'), NaT)
    """
    found = _NAME_DATE_RE.search(Path(name).name)
    return _parse_date("-".join(found.groups())) if found else pd.NaT


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> pd.Timestamp:
    """A publication date as a naive timestamp (NaT when empty or unreadable); cached, as dates repeat."""
    if not value:
        return pd.NaT
    published = pd.to_datetime(value, errors="coerce", utc=False, format="mixed")
    if not pd.isna(published) and getattr(published, "tzinfo", None) is not None:
        published = published.tz_localize(None)
    return published


ENGLISH_MIN_SHARE = 0.15


def english_share(text: str) -> tuple[float, int]:
    """Share of words that are English function words (the shipped stopword list).

    English news prose runs at about 40%; other languages, even in Latin script,
    stay in single digits. Cheap, dependency-free, and good enough to flag articles
    that must not be analysed as English.

    Args:
        text: any text.

    Returns:
        ``(share, number of words)``.
    """
    if not text.isascii() and not _NON_ASCII_WORD_CHAR.search(text):
        text = _NON_ASCII.sub(" ", text)  # curly quotes, dashes...: separators either way, as a space is
    if text.isascii():  # the same tokens: in ASCII, [^\W\d_] is a letter and lower() keeps positions
        tokens = _ASCII_WORD_RE.findall(text.lower())
    else:
        tokens = list(map(str.lower, re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)))
    if not tokens:
        return 0.0, 0
    return sum(map(_stopwords().__contains__, tokens)) / len(tokens), len(tokens)


_ASCII_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in read_list(config.LEXICON_DIR / "stopwords.txt"))


def _read_file(where: str, name: str) -> tuple[_Doc | None, tuple[str, str] | None]:
    """Read one article file (path ``where``, file name ``name``) into a document, or return why it cannot be read.

    Only regular files are read, opened without blocking: a FIFO, socket or device named ``.txt``
    is listed, never waited on.
    """
    data, failure = _read_regular(where)
    if failure:
        return None, failure
    stem, suffix = _stem_suffix(name)
    doc = _Doc(name, stem, "", n_bytes=len(data))
    if not data.strip():
        return doc, None
    if _looks_binary(data):
        return None, ("binary", "binary data (NUL or control bytes), not text")
    raw, doc.encoding = _decode(data)
    if doc.encoding not in ("utf-8", "utf-16", "utf-32"):  # a byte-order mark names its encoding: nothing to check
        doc.problems.append(("not_utf8", f"{where}: not valid UTF-8; decoded as {doc.encoding}, check odd characters"))
    if suffix.lower() in HTML_SUFFIXES:
        extracted = extract_html(raw)
        if not extracted["text"]:
            return None, ("html_no_text", "no article text found in the HTML page (trafilatura)")
        doc.raw, doc.meta = extracted["text"], extracted
        return doc, None
    if _looks_html(raw):
        return None, ("html", "the file holds HTML markup, not plain text; save it as .html to extract the article")
    doc.raw = raw
    return doc, None


def _read_regular(where: str) -> tuple[bytes, tuple[str, str] | None]:
    """The bytes of the regular file ``where``, or ``(b"", (problem, reason))`` when it is not one or cannot be read."""
    try:
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return b"", _unreadable(where, exc)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b"", ("not_a_file", "not a regular file (a FIFO, socket or device); not read")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(), None
    except OSError as exc:
        return b"", _unreadable(where, exc)
    finally:
        os.close(fd)


def _unreadable(where: str, exc: OSError) -> tuple[str, str]:
    """``(problem, reason)`` for a file that could not be opened or read."""
    if exc.errno == errno.ENOENT and os.path.islink(where):
        return "broken_link", f"a symbolic link to {os.readlink(where)!r}, which does not exist"
    if exc.errno == errno.ELOOP:
        return "link_loop", "a symbolic link that leads back to itself (a loop)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "unreadable", "permission denied: the file cannot be read by this user"
    return "unreadable", f"cannot be read ({exc.strerror or exc})"


def extract_html(html: str) -> dict:
    """Main text and metadata of an HTML page, with trafilatura.

    Args:
        html: the page source.

    Returns:
        ``text`` (paragraphs one per line), ``headline, published, outlet`` (site name), ``author, url``;
        empty strings when absent.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                      favor_precision=True)
    if doc is None:
        return {"text": "", "headline": "", "published": "", "outlet": "", "author": "", "url": ""}
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    return {"text": get("text") or "", "headline": get("title") or "", "published": get("date") or "",
            "outlet": get("sitename") or "", "author": get("author") or "", "url": get("url") or ""}


def progress_bar(items, *, total: int, desc: str, progress: bool | None):
    """Wrap an iterable in a tqdm bar for long work (auto: 1,000 items or more, unless HELPERS_PROGRESS=0)."""
    show = progress if progress is not None else (total >= 1000 and os.environ.get("HELPERS_PROGRESS", "1") != "0")
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, total=total, desc=desc, unit="article")


def read_corpus(data_dir: str | Path | None = None, *, manifest: str | Path | None = None,
                keep_duplicates: bool = False, check_language: bool = True, progress: bool | None = None,
                columns: dict[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load every article in a folder (``.txt``, ``.md``, ``.html``) or a table file, without emitting warnings.

    Args:
        data_dir: a folder of articles, or a CSV / JSONL / Parquet file with one article per row;
            default ``DATA_DIR`` or ``data/raw``.
        manifest: manifest CSV; default ``articles.csv`` beside or above the folder.
        keep_duplicates: load an article whose cleaned text repeats an earlier one's.
        check_language: skip (and list) articles that are not English.
        progress: show a progress bar (default: for 1,000 inputs or more).
        columns: for table files, the column names to use (see :func:`read_table`).

    Returns:
        ``(articles, report)``: the articles table (see :func:`load_articles`) and
        the load report, one row per input (and per manifest row without a file)
        with ``status`` loaded / loaded_with_warning / skipped / missing.

    Raises:
        CorpusError: when the folder or file does not exist, a table lacks its text column,
            or the manifest is malformed.
    """
    chunks = list(iter_corpus(data_dir, manifest=manifest, keep_duplicates=keep_duplicates,
                              check_language=check_language, progress=progress, columns=columns, chunk=None))
    if len(chunks) == 1:
        return chunks[0]
    articles = pd.concat([c[0] for c in chunks], ignore_index=True)
    return articles, pd.concat([c[1] for c in chunks], ignore_index=True)


def iter_corpus(data_dir: str | Path | None = None, *, chunk: Chunking = 2000,
                manifest: str | Path | None = None,
                keep_duplicates: bool = False, check_language: bool = True, progress: bool | None = None,
                columns: dict[str, str] | None = None):
    """Load a corpus in chunks of ``chunk`` inputs, for corpora too large to hold at once.

    Duplicate detection spans chunks. ``chunk`` is a number of inputs, a list of chunk
    sizes (inputs beyond their sum form the last chunk), or a function of the number of
    inputs returning either; ``None`` loads everything as one chunk. Other arguments are
    those of :func:`read_corpus`.

    Yields:
        ``(articles, report)`` per chunk; the last chunk also lists manifest rows with no file.
    """
    for rows, report in iter_corpus_rows(data_dir, chunk=chunk, manifest=manifest, keep_duplicates=keep_duplicates,
                                         check_language=check_language, progress=progress, columns=columns):
        yield article_frame(rows), report_frame(report)


Chunking = int | Sequence[int] | Callable[[int], int | Sequence[int]] | None


def _chunk_ends(chunk: int | Sequence[int] | None) -> Iterator[int]:
    """Input counts after which a chunk ends: every ``chunk`` inputs, or after each of the given sizes."""
    if chunk is None or (isinstance(chunk, Sequence) and not chunk):  # one chunk
        return iter(())
    if isinstance(chunk, Sequence):
        return itertools.accumulate(max(1, operator.index(size)) for size in chunk)
    step = operator.index(chunk)  # an int, numpy's too; not 2.5
    return itertools.count(step, step) if step > 0 else iter(())


def iter_corpus_rows(data_dir: str | Path | None = None, *, chunk: Chunking = 2000,
                     manifest: str | Path | None = None, keep_duplicates: bool = False, check_language: bool = True,
                     progress: bool | None = None, columns: dict[str, str] | None = None):
    """:func:`iter_corpus` without the DataFrames: article rows and report rows as lists of dicts.

    For streaming, where building two DataFrames per chunk costs more than the rows are used for.
    :func:`article_frame` and :func:`report_frame` turn the rows into the tables of :func:`iter_corpus`.

    Yields:
        ``(article_rows, report_rows)`` per chunk.
    """
    source = config.data_dir(data_dir)
    table = source.is_file() and source.suffix.lower() in TABLE_SUFFIXES
    if not table and not source.is_dir():
        raise CorpusError(f"{source}: the article folder does not exist (set DATA_DIR or pass data_dir)")
    manifest_path = Path(manifest) if manifest else (None if table else find_manifest(source))
    adm = _Admission(manifest_path, keep_duplicates=keep_duplicates, check_language=check_language)
    manifest_target = manifest_path.resolve() if manifest_path and not table else None
    if table:
        inputs = _table_docs(source, **(columns or {}))
    else:
        try:
            names = sorted(e.name for e in os.scandir(source) if not e.name.startswith("."))  # str: light for big folders
        except OSError as exc:
            raise CorpusError(f"{source}: the article folder cannot be read ({exc.strerror or exc})") from None
        inputs = itertools.chain([(len(names), None)], ((name, None) for name in names))
    inputs = iter(inputs)
    total = next(inputs)[0]
    ends = _chunk_ends(chunk(total) if callable(chunk) else chunk)
    end = next(ends, None)
    for i, (item, _) in enumerate(progress_bar(inputs, total=total, desc="loading", progress=progress), start=1):
        if table:
            doc, where = item
            adm.admit(doc, where)
        else:
            _admit_path(adm, source, item, manifest_target)
        if i == end:
            yield adm.take_rows()
            end = next(ends, None)
    if not table:
        adm.missing(source)
    yield adm.take_rows()


def _stem_suffix(name: str) -> tuple[str, str]:
    """``(Path(name).stem, Path(name).suffix)``, by the same rule, without building a Path."""
    i = name.rfind(".")
    return (name[:i], name[i:]) if 0 < i < len(name) - 1 else (name, "")


def _same_file(where: str, name: str, target: Path) -> bool:
    """Whether the file ``where`` (named ``name``) is the already resolved ``target``.

    It is resolved only when the names could agree: one resolve per file is slow.
    """
    try:
        return (name == target.name or os.path.islink(where)) and Path(where).resolve() == target
    except (OSError, RuntimeError):  # a link loop: not the manifest; reading it reports the loop
        return False


def _admit_path(adm: _Admission, folder: Path, name: str, manifest_target: Path | None) -> None:
    """Admit the file ``name`` of a folder, or list it with the reason it is not an article.

    ``manifest_target`` is the manifest's resolved path (resolved once per run, so a
    later change of working folder cannot make a relative path point elsewhere).
    Paths are plain strings here: pathlib interns every path part it parses, in a
    table that grows with the number of files and never shrinks.
    """
    where = os.path.join(folder, name)  # str(folder / name): the folder is resolved (absolute, normalised)
    stem, suffix = _stem_suffix(name)
    if os.path.isdir(where):
        adm.note(name, name, "skipped", "folder", f"{where}: a sub-folder; only files directly in {folder} are read")
    elif manifest_target and _same_file(where, name, manifest_target):
        adm.note(name, name, "manifest", "", f"{where}: the manifest")
    elif suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
        hint = ("a table: pass the file itself as DATA_DIR" if suffix.lower() in TABLE_SUFFIXES
                else "save articles as UTF-8 .txt, .md or .html")
        adm.note(name, stem, "skipped", "unsupported_type", f"{where}: not an article file; {hint}")
    else:
        doc, failure = _read_file(where, name)
        if failure:
            adm.note(name, stem, "skipped", failure[0], f"{where}: {failure[1]}",
                     "utf-8" if failure[0].startswith("html") else "", _size(where))
        else:
            adm.admit(doc, where)


def _size(where: str) -> int:
    """The size in bytes of ``where``, 0 when it cannot be read (a broken link, a loop)."""
    try:
        return os.stat(where).st_size
    except OSError:
        return 0


TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".parquet"}


def read_table(path: str | Path, *, text_col: str = "text", id_col: str | None = None, outlet_col: str = "outlet",
               title_col: str = "title", date_col: str = "date", url_col: str = "url",
               manifest: str | Path | None = None, keep_duplicates: bool = False, check_language: bool = True,
               progress: bool | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load a CSV, JSONL or Parquet export with one article per row (e.g. Media Cloud or GDELT).

    Args:
        path: the file (``.csv``, ``.jsonl``/``.ndjson`` or ``.parquet``).
        text_col: column with the article text (required).
        id_col: column with a unique id; default ``<file stem>-<row number>``.
        outlet_col: column with the outlet (optional; else the manifest or the id).
        title_col: column with the headline (optional).
        date_col: column with the publication date (optional).
        url_col: column with the URL (optional).
        manifest: a manifest CSV to override metadata by id (optional).
        keep_duplicates: load a row whose cleaned text repeats an earlier one's.
        check_language: skip (and list) rows that are not English.
        progress: show a progress bar (default: for 1,000 rows or more).

    Returns:
        ``(articles, report)`` as :func:`read_corpus`, one report row per table row.

    Raises:
        CorpusError: naming the file, when it cannot be read or lacks the text column.
    """
    columns = dict(text_col=text_col, id_col=id_col, outlet_col=outlet_col, title_col=title_col,
                   date_col=date_col, url_col=url_col)
    return read_corpus(path, manifest=manifest, keep_duplicates=keep_duplicates, check_language=check_language,
                       progress=progress, columns=columns)


def _table_docs(path: Path, *, text_col: str = "text", id_col: str | None = None, outlet_col: str = "outlet",
                title_col: str = "title", date_col: str = "date", url_col: str = "url"):
    """Yield the row count, then one ``(document, where)`` per row of a table file."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False)
        elif suffix in {".jsonl", ".ndjson"}:
            table = pd.read_json(path, lines=True, dtype=False)
        else:
            table = pd.read_parquet(path)
    except (ValueError, OSError, pd.errors.ParserError, UnicodeDecodeError, ImportError) as exc:
        raise CorpusError(f"{path}: cannot be read as {suffix[1:].upper()} ({exc.__class__.__name__}: {exc})") from None
    if text_col not in table.columns:
        raise CorpusError(f"{path}: no text column {text_col!r}; columns are {list(table.columns)} "
                          "(pass text_col=... to name it)")
    if id_col and id_col not in table.columns:
        raise CorpusError(f"{path}: no id column {id_col!r}; columns are {list(table.columns)}")

    def value(row: dict, column: str) -> str:
        v = row.get(column, "")
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)

    yield len(table), None
    for i, row in enumerate(table.to_dict("records")):
        article_id = value(row, id_col) if id_col else f"{path.stem}-{i:06d}"
        text = row.get(text_col)
        doc = _Doc(f"{path.name}#row{i}", article_id, text if isinstance(text, str) else value(row, text_col),
                   meta={"outlet": value(row, outlet_col), "headline": value(row, title_col),
                         "published": value(row, date_col), "url": value(row, url_col)})
        doc.n_bytes = len(doc.raw.encode("utf-8"))
        if not isinstance(text, str) and doc.raw:
            doc.failure = ("not_text", f"the {text_col!r} value is of type {type(text).__name__}, not text; not analysed")
        yield (doc, f"{path} row {i}"), None


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
    return require_articles(articles, report, data_dir=data_dir)


def require_articles(articles: pd.DataFrame, report: pd.DataFrame, *,
                     data_dir: str | Path | None = None) -> pd.DataFrame:
    """``articles`` unchanged, or a :class:`CorpusError` when there are none: :func:`nothing_loaded`, then
    the first 20 entries of the load report.

    Example:
        >>> listed = pd.DataFrame({"file": ["a.pdf"], "status": ["skipped"], "problem": ["unsupported_type"]})
        >>> try:
        ...     require_articles(article_frame([]), listed, data_dir="/corpus")
        ... except CorpusError as exc:
        ...     print(exc)
        no article could be loaded from /corpus: 1 file skipped (1 not an article file type); see helpers.corpus.load_report('/corpus') for each file's reason
          a.pdf: skipped (unsupported_type)
    """
    if len(articles):
        return articles
    problems = report.loc[report["status"].isin(["skipped", "missing"]), "problem"].value_counts() if len(report) else {}
    detail = "".join(f"\n  {r.file}: {r.status} ({r.problem})" for r in report.head(20).itertuples())
    more = f"\n  ... and {len(report) - 20} more" if len(report) > 20 else ""
    raise CorpusError(nothing_loaded(config.data_dir(data_dir), dict(problems)) + detail + more)


_PROBLEMS = {"not_english": "not English", "no_text": "no text left after boilerplate", "duplicate": "duplicate text",
             "duplicate_id": "duplicate article_id", "html": "HTML markup in a text file",
             "html_no_text": "HTML without article text", "unsupported_type": "not an article file type",
             "folder": "sub-folder", "missing_file": "manifest row without a file"}


def nothing_loaded(source: Path, skipped: Mapping[str, int]) -> str:
    """The one-line reason no article could be loaded from ``source``, from the count of each load-report problem.

    Example:
        >>> nothing_loaded(Path("/corpus"), {"not_english": 2, "binary": 1})
        "no article could be loaded from /corpus: 3 files skipped (2 not English, 1 binary); see helpers.corpus.load_report('/corpus') for each file's reason"
    """
    kind = "rows" if source.is_file() else "files"
    if not skipped:
        why = "the table has no rows" if source.is_file() else "the folder holds no article files"
    else:
        reasons = ", ".join(f"{n} {_PROBLEMS.get(p, p.replace('_', ' ') or 'unreadable')}"
                            for p, n in sorted(skipped.items(), key=lambda kv: -kv[1]))
        n = sum(skipped.values())
        why = f"{n} {kind if n != 1 else kind[:-1]} skipped ({reasons})"
    return (f"no article could be loaded from {source}: {why}; see helpers.corpus.load_report('{source}') "
            f"for each {kind[:-1]}'s reason")



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


def article_sentences(article_id: str, outlet: str, text: str, headline: str, *,
                      norm: str | None = None) -> list[Sentence]:
    """Sentences of one cleaned text, split with Punkt inside each paragraph.

    Args:
        article_id: the article's id.
        outlet: its outlet.
        text: the cleaned text.
        headline: the headline ("" when none).
        norm: ``normalise(text)`` when the caller has it (it maps character to character, so
            its slices are the normalised paragraphs).

    Returns:
        :class:`Sentence` records in order, numbered from 0.
    """
    out = []
    punkt = sentence_tokenizer()
    for p in article_paragraphs(article_id, outlet, text, headline):
        # as sentence_spans does; normalising maps one character to one
        norm_p = normalise(p.text) if norm is None else norm[p.start:p.end]
        for a, b in join_continuations(norm_p, punkt.span_tokenize(norm_p)):
            out.append(Sentence(article_id, outlet, p.paragraph, p.role, len(out), p.text[a:b], norm_p[a:b],
                                p.start + a, p.start + b))
    return out


def article_records(articles: pd.DataFrame) -> list[tuple[str, str, str, str]]:
    """``(article_id, outlet, text, headline)`` per article, the input of the per-article functions.

    Args:
        articles: the articles table (``headline`` optional).

    Returns:
        One tuple per article, in order.
    """
    headlines = articles["headline"].fillna("") if "headline" in articles.columns else [""] * len(articles)
    return list(zip(articles["article_id"], articles["outlet"], articles["text"], headlines))


def row_records(rows: list[dict]) -> list[tuple[str, str, str, str]]:
    """:func:`article_records` for article rows from :func:`iter_corpus_rows` (no DataFrame needed).

    Args:
        rows: admitted article rows.

    Returns:
        One ``(article_id, outlet, text, headline)`` tuple per row, in order.
    """
    return [(r["article_id"], r["outlet"], r["text"], r["headline"] or "") for r in rows]


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph of the cleaned text.

    Args:
        articles: the output of :func:`load_articles`.

    Returns:
        Columns ``article_id, outlet, paragraph, role, text, start, end``, where
        ``role`` is headline, lead (first body paragraph) or body, and
        ``start``/``end`` are offsets into the article's cleaned ``text``.
    """
    rows = [p for rec in article_records(articles) for p in article_paragraphs(*rec)]
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
    rows = [s for rec in article_records(articles) for s in article_sentences(*rec)]
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
