"""Outlet comparison: one summary row per outlet and tidy panels for small multiples."""

from __future__ import annotations

import pandas as pd

from helpers import findings, frames, quotes, terms
from helpers.study import UNKNOWN_SIDE, Study, choose_study

MEASURES = {  # the measures every study gets; a study adds its own (helpers.study, ``measures``)
    "words": "words in the cleaned text",
    "attributions per 1,000 words": "attributions per 1,000 words",
    "direct-quotation share of attributions": "share of attributions (0-1)",
    "loaded terms per 1,000 words": "lexicon occurrences per 1,000 words",
    "author-voice share of charged terms": "share of charged-term occurrences (0-1), naming-pair names excluded",
    "quoted or distanced share of charged terms": "share of charged-term occurrences (0-1), naming-pair names excluded",
}


def _ratio(num: pd.Series, den: pd.Series, outlets) -> pd.Series:
    num, den = num.reindex(outlets, fill_value=0), den.reindex(outlets, fill_value=0)
    return (num / den.where(den > 0)).fillna(0.0)


def panels(articles: pd.DataFrame, results: dict[str, pd.DataFrame], *, study: Study | None = None) -> pd.DataFrame:
    """One value per outlet and measure (the general :data:`MEASURES`, then the study's), with the raw
    count behind it. A study measure whose inputs never occur in the corpus (no speaker of its sides,
    no term of its family, no sentence of its frame) is left out rather than charted as zeros.

    Args:
        articles: the articles table.
        results: :func:`helpers.pipeline.analyze` output.
        study: the study whose measures are added (default :func:`helpers.study.choose_study`).

    Returns:
        Tidy columns ``outlet, measure, value, count, unit``.
    """
    study = choose_study(study)
    outlets = sorted(articles["outlet"].unique())
    words = articles.groupby("outlet")["n_words"].sum().reindex(outlets)
    q, t = quotes.speech(results["quotes"]), results["terms"]
    n_q = q.groupby("outlet").size().reindex(outlets, fill_value=0)
    charged = t[~t["family"].isin(_name_families(study))]
    n_charged = charged.groupby("outlet").size().reindex(outlets, fill_value=0)
    count = lambda series: series.reindex(outlets, fill_value=0)  # noqa: E731
    direct = q[q["kind"] == "direct"].groupby("outlet").size()
    author = charged[charged["voice"] == "author"].groupby("outlet").size()
    held = charged[charged["quoted"] | charged["distanced"]].groupby("outlet").size()
    values = {  # measure -> (value, count) per outlet
        "words": (words.astype(float), words),
        "attributions per 1,000 words": (1000 * n_q / words, n_q),
        "direct-quotation share of attributions": (_ratio(direct, n_q, outlets), count(direct)),
        "loaded terms per 1,000 words": (1000 * n_charged / words, n_charged),
        "author-voice share of charged terms": (_ratio(author, n_charged, outlets), count(author)),
        "quoted or distanced share of charged terms": (_ratio(held, n_charged, outlets), count(held)),
    }
    units = dict(MEASURES)
    for spec in study.measures:
        num, den = _study_measure(spec, q, results)
        if den.sum() > 0:
            values[spec["measure"]] = (_ratio(num, den, outlets), count(num))
            units[spec["measure"]] = spec["unit"]
    rows = [{"outlet": o, "measure": m, "value": float(v[o]), "count": int(c[o]), "unit": units[m]}
            for m, (v, c) in values.items() for o in outlets]
    return pd.DataFrame(rows, columns=["outlet", "measure", "value", "count", "unit"])


def _study_measure(spec: dict, q: pd.DataFrame, results: dict[str, pd.DataFrame]) -> tuple[pd.Series, pd.Series]:
    """Numerator and denominator per outlet of one study measure (see :data:`helpers.study.MEASURE_KINDS`).

    >>> # {kind: side_share, sides: [A]}: attributions to side A / all attributions, per outlet
    """
    kind = spec["kind"]
    if kind == "side_share":
        return q[q["side"].isin(spec["sides"])].groupby("outlet").size(), q.groupby("outlet").size()
    if kind == "term_share":
        t = results["terms"]
        family = t[t["family"] == spec["family"]]
        return family[family["term"].isin(spec["terms"])].groupby("outlet").size(), family.groupby("outlet").size()
    f, s = results["frames"], results["sentences"]
    if kind == "lead_frame_share":
        f, s = f[f["role"].isin(frames.LEAD_ROLES)], s[s["role"].isin(frames.LEAD_ROLES)]
    tagged = f[f["frame"] == spec["frame"]]
    den = s.groupby("outlet").size() if len(tagged) else s.iloc[0:0].groupby("outlet").size()
    return tagged.groupby("outlet").size(), den


def _name_families(study: Study) -> set[str]:
    """The lexicon families that are naming pairs (place names), which are not charged terms."""
    return set(terms.load_lexicon(study.lexicon).naming_pairs)


def summary(articles: pd.DataFrame, results: dict[str, pd.DataFrame], *, study: Study | None = None) -> pd.DataFrame:
    """One descriptive row per outlet.

    Args:
        articles: the articles table.
        results: :func:`helpers.pipeline.analyze` output.
        study: the study (default :func:`helpers.study.choose_study`): its sides and naming pairs add columns.

    Returns:
        Columns ``outlet, articles, words, sentences, attributions, direct_share, charged_terms,
        charged_author_voice, distanced, lead_frames`` (the five commonest leading frames of its
        articles, with counts); with sides, ``most_heard_side`` (speakers of
        unknown side left out); one column per naming pair (e.g. ``capital_name``: "Oldtown 3, Newtown 1").
    """
    study = choose_study(study)
    q, t, f, s = quotes.speech(results["quotes"]), results["terms"], results["frames"], results["sentences"]
    leads = frames.lead_frames(f, articles)
    pairs = sorted(_name_families(study))
    rows = []
    for outlet, group in articles.groupby("outlet"):
        oq, ot = q[q["outlet"] == outlet], t[t["outlet"] == outlet]
        charged = ot[~ot["family"].isin(pairs)]
        sides = oq.loc[oq["side"] != UNKNOWN_SIDE, "side"].value_counts()
        names = lambda fam: ", ".join(f"{k} {v}" for k, v in ot[ot["family"] == fam]["term"].value_counts().items())  # noqa: E731
        row = {
            "outlet": outlet, "articles": len(group), "words": int(group["n_words"].sum()),
            "sentences": int((s["outlet"] == outlet).sum()), "attributions": len(oq),
            "direct_share": round(float((oq["kind"] == "direct").mean()), 2) if len(oq) else 0.0,
            "charged_terms": len(charged), "charged_author_voice": int((charged["voice"] == "author").sum()),
            "distanced": int(charged["distanced"].sum()),
            "lead_frames": _top_counts(leads.loc[leads["outlet"] == outlet, "lead_frame"]),
        }
        if study.has_sides:
            row["most_heard_side"] = findings.most_heard(sides, len(oq))  # a tie names every leading side
        rows.append({**row, **{fam: names(fam) for fam in pairs}})
    return pd.DataFrame(rows)


def without_all_zero(panels_: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The panels of measures with a non-zero value for some outlet, and the names of the others
    (a chart of zeros says nothing; the report names what it left out).

    >>> p = pd.DataFrame({"measure": ["a", "a", "b", "b"], "value": [0.0, 0.0, 0.0, 2.0]})
    >>> without_all_zero(p)[1]
    ['a']
    """
    nonzero = panels_.groupby("measure", sort=False)["value"].apply(lambda v: bool((v != 0).any()))
    return panels_[panels_["measure"].map(nonzero)].reset_index(drop=True), list(nonzero[~nonzero].index)


def _top_counts(values: pd.Series, *, n: int = 5) -> str:
    """The ``n`` commonest values with their counts, most first ("political 70; economic 12").

    >>> _top_counts(pd.Series(["a", "b", "a"]))
    'a 2; b 1'
    """
    counts = values.value_counts()
    return "; ".join(f"{k} {v}" for k, v in counts.head(n).items())
