"""How reliable is a candidate cue form? Precision of its readings on annotated articles, and a ranking test.

Usage:
    python bench/cue_readings.py PATH --forms "see|know|backed" [--split train] [--rank]
    python bench/cue_readings.py ~/polnear --forms @bench/cue_candidates.txt --rank

PATH is a PolNeAR root or a folder of brat ``.ann`` + ``.txt`` pairs (as for ``python -m helpers
evaluate-attributions``; the held-out test split is never read). Each form not yet in
``data/lexicons/reporting_verbs.csv`` is added for this run only (as a belief verb with no conditions), the
extractor reads the articles, and for every added form the script prints how many of its readings matched an
annotated attribution at 0.3 overlap (the evaluation protocol of :mod:`helpers.evaluation`). The cue list keeps
a form when at least 60% of its readings (at least eight) matched on PolNeAR train.

With ``--rank`` it also trains a Naive Bayes classifier (NLTK; no data download) on the added forms' readings
(features: the form, the word before it, the two words after it, whether the next word is capitalised, the kind
of subject, the position in the sentence) with five-fold cross-validation by article, and prints the precision
of the readings it ranks highest, per 100. This is the measurement behind "What the rules cannot reach" in the
README (``bench/cue_candidates.txt``: verb forms that head missed PolNeAR train cues; forms only, no text).

Limits: a development tool, not part of the toolkit; it replaces ``helpers.quotes.cue_lexicon`` in this process.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys

import nltk

from helpers import evaluation, quotes

PRONOUNS = {"he", "she", "they", "i", "we", "you", "who", "it"}


def add_forms(forms: list[str]) -> dict[str, quotes.CueWord]:
    """Add the forms not yet in the cue list, for this process; return the added ones."""
    base = quotes.cue_lexicon()
    added = {f: quotes.CueWord("candidate", "belief", False, False, frozenset(), frozenset(), "", False)
             for f in forms if f and f not in base}
    merged = {**base, **added}
    quotes.cue_lexicon = lambda path=None: merged  # noqa: E731
    quotes._candidates_re.cache_clear()
    return added


def features(row) -> dict:
    """The features of one reading (a row of the evaluation's pairs table)."""
    sentence, cue = str(row.sentence), str(row.pred_cue)
    at = sentence.find(cue)
    before = re.findall(r"[\w']+|[^\w\s]", sentence[:at]) if at >= 0 else []
    after = re.findall(r"[\w']+|[^\w\s]", sentence[at + len(cue):]) if at >= 0 else []
    mention = str(row.pred_mention)
    subject = ("empty" if mention in ("", "nan") else "pronoun" if mention.lower() in PRONOUNS
               else "name" if mention[:1].isupper() else "phrase")
    return {"form": cue.lower().split()[0], "prev": before[-1].lower() if before else "^",
            "next": after[0].lower() if after else "$", "next2": after[1].lower() if len(after) > 1 else "$",
            "next_cap": bool(after and after[0][:1].isupper()), "subject": subject,
            "position": "start" if len(before) < 4 else "later"}


def rank(data: list[tuple[dict, bool, str]], *, folds: int = 5, seed: int = 0) -> list[tuple[float, bool]]:
    """Cross-validated probabilities (by article) that each reading is right, highest first."""
    articles = sorted({a for _, _, a in data})
    random.Random(seed).shuffle(articles)
    scored = []
    for k in range(folds):
        held = set(articles[k::folds])
        model = nltk.NaiveBayesClassifier.train([(f, y) for f, y, a in data if a not in held])
        scored += [(model.prob_classify(f).prob(True), y) for f, y, a in data if a in held]
    return sorted(scored, key=lambda x: -x[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--forms", required=True, help="forms separated by |, or @FILE with one form per line")
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--rank", action="store_true")
    args = parser.parse_args(argv)
    forms = open(args.forms[1:], encoding="utf-8").read().split() if args.forms.startswith("@") else args.forms.split("|")
    added = add_forms([f.strip().lower() for f in forms])
    result = evaluation.evaluate_attributions(args.path, split=args.split)
    print(f"{len(added)} forms added; precision {result['precision_03']:.4f}, recall {result['recall_03']:.4f}, "
          f"indirect recall {result['recall_indirect']:.4f}, {result['n_pred']} readings in all")
    pairs = result["pairs"]
    readings = [r for r in pairs[pairs.type != "miss"].itertuples()
                if str(r.pred_cue).lower().split()[:1] and str(r.pred_cue).lower().split()[0] in added]
    counts = collections.defaultdict(lambda: [0, 0])
    for r in readings:
        counts[str(r.pred_cue).lower().split()[0]][r.type == "match"] += 1
    for form, (wrong, right) in sorted(counts.items(), key=lambda kv: -sum(kv[1])):
        print(f"  {form:16s} readings {right + wrong:4d}  matched {right:4d}  precision {right / (right + wrong):.2f}")
    print(f"{len(readings)} readings of the added forms, {sum(r.type == 'match' for r in readings)} matched")
    if args.rank and len({r.article_id for r in readings}) < 5:
        print("--rank needs readings from at least five articles (five-fold cross-validation by article): skipped")
    elif args.rank:
        scored = rank([(features(r), r.type == "match", r.article_id) for r in readings])
        right = 0
        for n, (_, y) in enumerate(scored, 1):
            right += y
            if n % 100 == 0:
                print(f"  top {n}: precision {right / n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
