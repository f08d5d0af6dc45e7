"""Draw the pronoun-source sample for the hand check, and score it once a reader has written the referents.

Usage:
    python bench/pronoun_check.py PATH --split dev --seed 12 --draw OUT_DIR [--exclude EARLIER_DIR ...]
    python bench/pronoun_check.py PATH --split dev --score OUT_DIR

PATH is a PolNeAR root or a folder of brat ``.ann`` + ``.txt`` pairs (as for ``python -m helpers
evaluate-attributions``; the held-out test split is never read). The sample is ``--n`` attributions (100) drawn
with ``random.Random(seed)`` from the matched pairs (0.3 overlap) whose annotated source is a pronoun.

``--draw`` writes two files to OUT_DIR, which must lie outside the repository (they hold corpus text):
``items.csv`` for the reader (item, the annotated pronoun, cue and content, the sentence, and the article text
before it: no prediction) and
``key.csv`` (item, resolved speaker, mention). The reader fills ``referents.csv`` (item, referent), writing
each pronoun's referent from the text before it ("n/a" where the pronoun names the writer or the reader: "I",
"we", "you"). ``--score`` reads the folder again and scores the drawn items with the rules as they are now (items no longer
matched are counted apart): a resolved speaker is right when it shares a name word with the referent
(:func:`helpers.evaluation.name_words`; a description such as "the Wisconsin Republican" for Paul Ryan counts
as wrong, an empty speaker too), and prints right of applicable items.

Limits: a development tool, not part of the toolkit. A sample of about 100 moves by several points from draw
to draw; the item order depends on the extractor's matches, so a draw made by another version of the rules is
a different sample.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

from helpers import config, evaluation

PRONOUNS = {"he", "she", "they", "it", "who", "i", "we", "you", "him", "her", "them", "his", "their", "its"}
CONTEXT = 1500  # characters of article text shown before the sentence
ITEM_FIELDS = ["item", "article_id", "pronoun", "cue", "content", "sentence", "text_before"]


def matched_pronoun_pairs(path: str, *, split: str):
    """The matched pairs (0.3 overlap) whose annotated source is a pronoun, in a stable order, and the raw texts."""
    pairs = evaluation.evaluate_attributions(path, split=split)["pairs"]
    raw, _ = evaluation.read_brat(path, split=split)
    pron = pairs[(pairs.type == "match") & pairs.gold_source.fillna("").str.strip().str.lower().isin(PRONOUNS)]
    return pron.sort_values(["article_id", "sentence", "gold_content"], kind="stable"), raw


def drawn_before(folders: list[Path]) -> set[tuple[str, str, str]]:
    """The items (article, cue, content) of earlier draws, so that a new draw is a new sample."""
    keys = set()
    for folder in folders:
        try:
            with open(folder / "items.csv", newline="", encoding="utf-8") as f:
                keys |= {(r["article_id"], r["cue"], r["content"]) for r in csv.DictReader(f)}
        except (OSError, KeyError) as err:
            raise SystemExit(f"{folder}: cannot read the items.csv of an earlier draw ({err})") from None
    return keys


def draw(path: str, out: Path, *, split: str, seed: int, n: int, exclude: list[Path] = ()) -> None:
    """Write ``items.csv`` (for the reader: no prediction) and ``key.csv`` (the extractor's answers) to ``out``,
    leaving out the items of the draws in ``exclude``."""
    if out.resolve().is_relative_to(config.PROJECT_ROOT.resolve()):
        raise SystemExit(f"{out}: the draw holds corpus text; write it outside the repository")
    pron, raw = matched_pronoun_pairs(path, split=split)
    seen = drawn_before(list(exclude))
    pool = [r for r in pron.to_dict("records") if (r["article_id"], r["gold_cue"], r["gold_content"]) not in seen]
    rows = random.Random(seed).sample(pool, min(n, len(pool)))
    items = []
    for k, row in enumerate(rows, 1):
        text = raw[row["article_id"]]
        at = text.find(str(row["sentence"])[:60])
        items.append({"item": k, "article_id": row["article_id"], "pronoun": row["gold_source"].strip(),
                      "cue": row["gold_cue"], "content": row["gold_content"], "sentence": row["sentence"],
                      "text_before": text[max(0, at - CONTEXT):at] if at >= 0 else "",
                      "speaker": row["pred_speaker"], "mention": row["pred_mention"]})
    out.mkdir(parents=True, exist_ok=True)
    for name, fields in (("items.csv", ITEM_FIELDS), ("key.csv", ["item", "speaker", "mention"])):
        with open(out / name, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fields, extrasaction="ignore")
            w.writeheader()
            w.writerows(items)
    print(f"{len(pron)} matched pairs with a pronoun source, {len(pron) - len(pool)} in earlier draws;"
          f" {len(items)} drawn (seed {seed}) to {out}")


def score(path: str, folder: Path, *, split: str) -> None:
    """Score the drawn items with the rules as they are now: right when the resolved speaker shares a name word
    with the written referent; items no longer matched are counted apart."""
    try:
        with open(folder / "items.csv", newline="", encoding="utf-8") as f:
            items = list(csv.DictReader(f))
        with open(folder / "referents.csv", newline="", encoding="utf-8") as f:
            written = {int(r["item"]): r["referent"].strip() for r in csv.DictReader(f)}
    except (OSError, KeyError, ValueError) as err:
        raise SystemExit(f"{folder}: cannot read items.csv and referents.csv (item, referent) ({err})") from None
    pron, _ = matched_pronoun_pairs(path, split=split)
    now = {(r.article_id, r.gold_cue, r.gold_content): r.pred_speaker for r in pron.itertuples()}
    right = applicable = gone = 0
    for it in items:
        ref = written.get(int(it["item"]), "")
        if not ref or ref.lower() == "n/a":
            continue
        key = (it["article_id"], it["cue"], it["content"])
        if key not in now:
            gone += 1
            continue
        applicable += 1
        speaker = str(now[key] or "")
        ok = bool(evaluation.name_words(speaker) & evaluation.name_words(ref))
        right += ok
        if not ok:
            print(f"  wrong {int(it['item']):3d}: {it['pronoun']!r} -> {speaker!r}, referent {ref!r}")
    print(f"pronoun sources resolved right: {right} of {applicable} = {right / max(applicable, 1):.2f}"
          f" ({gone} drawn items no longer matched)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--draw", type=Path, help="folder outside the repository to write items.csv and key.csv to")
    ap.add_argument("--score", type=Path, help="a --draw folder with the reader's referents.csv")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="earlier --draw folders to leave out")
    args = ap.parse_args(argv)
    if args.draw:
        draw(args.path, args.draw, split=args.split, seed=args.seed, n=args.n, exclude=args.exclude)
    if args.score:
        score(args.path, args.score, split=args.split)


if __name__ == "__main__":
    main()
