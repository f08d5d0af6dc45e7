"""Draft a study from a corpus (``python -m helpers init-study CORPUS --out STUDY``), for a researcher to finish.

The draft holds:

* ``speakers.csv``: the speakers the generic study finds, ranked by attributions, one person's
  mentions merged (the resolved ``speaker``; its mentions become aliases), with an empty ``side``
  to fill in, the type, the count and an example sentence;
* ``candidate_terms.csv``: words each outlet over-uses (keyness), with keyword-in-context lines,
  as candidates for the loaded-term lexicon;
* ``loaded_terms.yaml`` and ``frames.yaml``: copies of the generic study's lexicon and codebook to edit;
* ``study.yaml``: the settings, with no sides yet.

Fill in the ``side`` column, rerun with ``STUDY=FOLDER``, and the charts by side appear (sides not
listed in ``study.yaml`` get a palette colour). Corpus text in the CSV files is made
spreadsheet-safe (:func:`helpers.export.write_csv`).

Limits: speakers are what the extractor finds (see :mod:`helpers.quotes`): unresolved pronouns are
left out, and two spellings of one organisation stay two rows until merged by hand.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from helpers import config, corpus, outputs, quotes, terms
from helpers.export import write_csv
from helpers.mentions import DETERMINERS, is_fragment, kind_of, mention_words
from helpers.study import load_study

SPEAKER_COLUMNS = ["canonical", "aliases", "side", "role", "type", "attributions", "example", "note"]
STUDY_TEMPLATE = """\
# A draft study made by `python -m helpers init-study` from {n_articles} articles. Finish it by hand:
# fill in the side column of speakers.csv (and merge rows that name one speaker), add the event's
# loaded terms to loaded_terms.yaml (candidate_terms.csv lists each outlet's key words in context),
# edit frames.yaml, then run the reports with STUDY=<this folder>. See helpers.study for every key.
name: {name}
description: ''

# Sides in chart order, each {{side: Name, color: '#RRGGBB'}} (readable on white). A side filled in
# speakers.csv but not listed here comes after the listed ones, with a colour from a palette.
sides: []

speakers: speakers.csv
lexicon: loaded_terms.yaml
codebook: frames.yaml

# Lexicon families shown in context first in notebook 03 (default: the first ones found).
key_families: []

# Measures notebook 04 adds for this event, e.g.
#   - {{measure: Party A share of attributions, kind: side_share, sides: [Party A]}}
#   - {{measure: lead sentences with economic frame, kind: lead_frame_share, frame: economic}}
measures: []
"""


class DraftError(ValueError):
    """The draft cannot be written (the message names the folder)."""


def _aliases(mentions: pd.Series, speaker: str) -> list[str]:
    """Distinct mentions of one speaker that can serve as aliases: not pronouns, fragments or possessives,
    ending in the speaker's last word (a party in brackets may follow), naming one person, and not
    opening with a determiner or a lower-case word other than a title ("the timing of Lee" is no alias).

    >>> _aliases(pd.Series(["Mr. Lee", "he", "Ann Lee", "Lee's", "the timing of Lee", "Ann Lee went", "Sen. Ann Lee (D)"]),
    ...          "Ann Lee")
    ['Mr. Lee', 'Ann Lee', 'Sen. Ann Lee (D)']
    """
    last = speaker.split()[-1].lower() if speaker.split() else ""
    titles = mention_words().titles
    kept = []
    for m in (str(m).replace("|", " ").strip() for m in mentions if isinstance(m, str)):
        words = m.split()
        tail = m.rsplit("(", 1)[0].split() if m.endswith(")") else words  # "Sen. Ann Lee (D-Ohio)"
        if (not words or not tail or kind_of(m) == "pronoun" or is_fragment(m) or m.endswith(("'s", "\u2019s"))
                or tail[-1].lower().strip(".,") != last or " and " in m or words[0].lower() in DETERMINERS
                or (words[0][:1].islower() and words[0].lower().rstrip(".") not in titles)):
            continue  # not ending in the name ("Ann Lee went"), two people, "A spokesman for Ann Lee"
        kept.append(m)
    return list(dict.fromkeys(kept))


def _person_key(name: str) -> tuple[str, str] | None:
    """First and last word of a person's name, titles and initials left out ("Donald J. Trump" and
    "Donald Trump" share one; "Trump" alone has none).

    >>> _person_key("Donald J. Trump"), _person_key("Gov. Chris Christie"), _person_key("Trump")
    (('donald', 'trump'), ('chris', 'christie'), None)
    """
    titles = mention_words().titles
    words = [w for w in name.replace(".", ". ").split() if w[:1].isupper() and len(w.rstrip(".")) > 1
             and w.lower().rstrip(".") not in titles]
    return (words[0].lower(), words[-1].lower()) if len(words) >= 2 else None


def _merge_people(table: pd.DataFrame) -> pd.DataFrame:
    """Merge rows that name one person across articles: the same first and last name, or a surname alone
    that only one listed person has ("Trump" into "Donald Trump" when no other Trump is listed).
    The row with the most attributions gives the canonical name; aliases are pooled."""
    rows = table.to_dict("records")
    keys = {i: _person_key(r["canonical"]) if r["type"] == "person" else None for i, r in enumerate(rows)}
    target: dict[int, int] = {}
    first_of: dict[tuple, int] = {}
    for i, key in keys.items():  # rows are ranked: the first of a key is the most attributed
        if key is not None:
            target[i] = first_of.setdefault(key, i)
    surnames: dict[str, set] = {}
    for i, key in keys.items():
        if key is not None:
            surnames.setdefault(key[1], set()).add(target[i])
    for i, r in enumerate(rows):
        words = r["canonical"].split()
        if r["type"] == "person" and len(words) == 1 and len(surnames.get(words[0].lower(), ())) == 1:
            target[i] = next(iter(surnames[words[0].lower()]))
    merged: dict[int, dict] = {}
    for i, r in enumerate(rows):
        t = target.get(i, i)
        if t not in merged:
            merged[t] = dict(rows[t], aliases=[], attributions=0)
        merged[t]["aliases"] += r["aliases"] + ([r["canonical"]] if t != i else [])
        merged[t]["attributions"] += r["attributions"]
    out = pd.DataFrame(merged.values(), columns=SPEAKER_COLUMNS)
    return out.sort_values(["attributions", "canonical"], ascending=[False, True]).reset_index(drop=True)


def _unique_aliases(table: pd.DataFrame) -> pd.Series:
    """Each alias kept only in the most attributed row that has it (an alias must name one speaker)."""
    seen: set[str] = set()
    out = []
    for canonical, aliases in zip(table["canonical"], table["aliases"]):
        mine = [a for a in dict.fromkeys(aliases) if a.lower() not in seen and a != canonical]
        seen.update(a.lower() for a in mine)
        out.append("|".join(mine))
    return pd.Series(out, index=table.index)


def draft_speakers(quotes_: pd.DataFrame, *, limit: int = 300) -> pd.DataFrame:
    """One row per speaker, most attributions first (ties by name).

    Mentions of one person are merged within an article by the extractor (the resolved ``speaker``),
    and across articles here (:func:`_merge_people`). An alias is listed under one speaker only.

    Args:
        quotes_: :func:`helpers.quotes.extract_quotes` output (any study).
        limit: rows kept.

    Returns:
        :data:`SPEAKER_COLUMNS`: ``canonical`` (the resolved name), ``aliases`` (its mentions),
        empty ``side`` and ``role``, ``type`` (person / organisation / group / description),
        ``attributions``, ``example`` (the sentence of its first attribution) and ``note``.

    >>> q = pd.DataFrame({"speaker": ["Ann Lee", "Ann Lee", "", "Lee"], "speaker_mention": ["Ann Lee", "Lee", "he", "Lee"],
    ...                   "sentence": ["Ann Lee said so.", "Lee agreed.", "He left.", "Lee said no."]})
    >>> draft_speakers(q)[["canonical", "aliases", "attributions"]].values.tolist()
    [['Ann Lee', 'Lee', 3]]
    """
    named = quotes_[quotes_["speaker"].fillna("") != ""]
    rows = [{"canonical": speaker, "aliases": _aliases(group["speaker_mention"], speaker), "side": "", "role": "",
             "type": kind_of(speaker), "attributions": len(group), "example": group["sentence"].iloc[0], "note": ""}
            for speaker, group in named.groupby("speaker", sort=False)]
    table = pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    table = table.sort_values(["attributions", "canonical"], ascending=[False, True]).reset_index(drop=True)
    table = _merge_people(table)
    return table.assign(aliases=_unique_aliases(table)).head(limit).reset_index(drop=True)


def candidate_terms(articles: pd.DataFrame, *, lexicon: terms.Lexicon, top: int = 15, examples: int = 3,
                    width: int = 40) -> pd.DataFrame:
    """Each outlet's key words (:func:`helpers.terms.keyness`) with up to ``examples`` lines in context.

    Returns:
        The keyness columns plus ``kwic`` (lines joined by ``" | "``, the word in brackets).
    """
    key = terms.keyness(articles, top=top, lexicon=lexicon)
    lines = []
    for row in key.itertuples():
        hits = terms.kwic(articles[articles["outlet"] == row.outlet], rf"(?<![\w-]){row.word}(?![\w-])", width=width)
        lines.append(" | ".join(f"{h.left}[{h.match}]{h.right}".replace("\n", " ") for h in hits.head(examples).itertuples()))
    return key.assign(kwic=lines)


def draft_study(source: str | os.PathLike, out: str | os.PathLike, *, name: str = "") -> dict[str, int]:
    """Write a draft study for the corpus at ``source`` into the new folder ``out``.

    Args:
        source: a corpus folder or table (as :func:`helpers.corpus.load_articles` takes).
        out: the study folder to create; it must not exist or be empty.
        name: the study's name (default: the folder's name).

    Returns:
        ``{"articles", "speakers", "candidate_terms"}`` counts.

    Raises:
        DraftError: when ``out`` exists and is not empty, or cannot be written.
        helpers.corpus.CorpusError: when no article could be loaded.
    """
    out = Path(os.path.abspath(out))
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DraftError(f"{out}: exists and is not an empty folder; choose a new folder for the draft")
    articles, report = corpus.read_corpus(source)
    articles = corpus.require_articles(articles, report, data_dir=source)
    generic = load_study(config.GENERIC_STUDY)
    found = quotes.extract_quotes(articles, speakers=generic.speakers)
    speakers = draft_speakers(found)
    candidates = candidate_terms(articles, lexicon=terms.load_lexicon(generic.lexicon))
    staging = outputs.beside(out, "partial")
    try:
        staging.mkdir(parents=True)
        write_csv(speakers, staging / "speakers.csv")
        write_csv(candidates, staging / "candidate_terms.csv")
        shutil.copyfile(generic.lexicon, staging / "loaded_terms.yaml")
        shutil.copyfile(generic.codebook, staging / "frames.yaml")
        title = " ".join((name or out.name).split()).replace("'", "''")  # one line, YAML single-quoted
        (staging / "study.yaml").write_text(STUDY_TEMPLATE.format(n_articles=len(articles), name=f"'{title}'"),
                                           encoding="utf-8")
        if out.exists():
            out.rmdir()
        staging.rename(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DraftError(f"{out}: cannot write the draft study ({exc.strerror or exc})") from None
    return {"articles": len(articles), "speakers": len(speakers), "candidate_terms": len(candidates)}
