"""Outlet comparison: one summary row per outlet and tidy panels for small multiples."""

from __future__ import annotations

import pandas as pd

from helpers import frames, quotes
from helpers.pipeline import analyze

MEASURES = {
    "words": "words in the cleaned text",
    "attributions per 1,000 words": "attributions per 1,000 words",
    "Azerbaijan-side share of attributions": "share of attributions (0-1)",
    "Armenia + Nagorno-Karabakh share of attributions": "share of attributions (0-1)",
    "direct-quotation share of attributions": "share of attributions (0-1)",
    "loaded terms per 1,000 words": "lexicon occurrences per 1,000 words",
    "author-voice share of charged terms": "share of charged-term occurrences (0-1), place names excluded",
    "quoted or distanced share of charged terms": "share of charged-term occurrences (0-1), place names excluded",
    "Khankendi share of capital names": "Khankendi / (Khankendi + Stepanakert)",
    "lead sentences with counter-terrorism frame": "share of headline + lead sentences (0-1)",
    "sentences with humanitarian frame": "share of all sentences (0-1)",
}
NAME_FAMILIES = {"capital_name", "region_name"}


def analyse(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every analysis the comparison needs (see :func:`helpers.pipeline.analyze`).

    Args:
        articles: the articles table.

    Returns:
        The pipeline's tables.
    """
    return analyze(articles)


def _ratio(num: pd.Series, den: pd.Series, outlets) -> pd.Series:
    num, den = num.reindex(outlets, fill_value=0), den.reindex(outlets, fill_value=0)
    return (num / den.where(den > 0)).fillna(0.0)


def panels(articles: pd.DataFrame, results: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One value per outlet and measure (see ``MEASURES``), with the raw count behind it.

    Args:
        articles: the articles table.
        results: :func:`analyse` output.

    Returns:
        Tidy columns ``outlet, measure, value, count, unit``.
    """
    outlets = sorted(articles["outlet"].unique())
    words = articles.groupby("outlet")["n_words"].sum().reindex(outlets)
    q, t, f, s = quotes.speech(results["quotes"]), results["terms"], results["frames"], results["sentences"]
    n_q = q.groupby("outlet").size().reindex(outlets, fill_value=0)
    charged = t[~t["family"].isin(NAME_FAMILIES)]
    n_charged = charged.groupby("outlet").size().reindex(outlets, fill_value=0)
    caps = t[t["family"] == "capital_name"]
    n_caps = caps.groupby("outlet").size().reindex(outlets, fill_value=0)
    lead_s = s[s["role"].isin(frames.LEAD_ROLES)].groupby("outlet").size()
    all_s = s.groupby("outlet").size()
    terror_lead = f[(f["frame"] == "terrorism_justification") & f["role"].isin(frames.LEAD_ROLES)].groupby("outlet").size()
    humanitarian = f[f["frame"] == "humanitarian"].groupby("outlet").size()
    count = lambda series: series.reindex(outlets, fill_value=0)  # noqa: E731
    aze = q[q["side"] == "Azerbaijan"].groupby("outlet").size()
    arm = q[q["side"].isin(["Armenia", "Nagorno-Karabakh"])].groupby("outlet").size()
    direct = q[q["kind"] == "direct"].groupby("outlet").size()
    author = charged[charged["voice"] == "author"].groupby("outlet").size()
    held = charged[charged["quoted"] | charged["distanced"]].groupby("outlet").size()
    khan = caps[caps["term"] == "Khankendi"].groupby("outlet").size()
    values = {
        "words": (words.astype(float), words),
        "attributions per 1,000 words": (1000 * n_q / words, n_q),
        "Azerbaijan-side share of attributions": (_ratio(aze, n_q, outlets), count(aze)),
        "Armenia + Nagorno-Karabakh share of attributions": (_ratio(arm, n_q, outlets), count(arm)),
        "direct-quotation share of attributions": (_ratio(direct, n_q, outlets), count(direct)),
        "loaded terms per 1,000 words": (1000 * n_charged / words, n_charged),
        "author-voice share of charged terms": (_ratio(author, n_charged, outlets), count(author)),
        "quoted or distanced share of charged terms": (_ratio(held, n_charged, outlets), count(held)),
        "Khankendi share of capital names": (_ratio(khan, n_caps, outlets), count(khan)),
        "lead sentences with counter-terrorism frame": (_ratio(terror_lead, lead_s, outlets), count(terror_lead)),
        "sentences with humanitarian frame": (_ratio(humanitarian, all_s, outlets), count(humanitarian)),
    }
    rows = [{"outlet": o, "measure": m, "value": float(v[o]), "count": int(c[o]), "unit": MEASURES[m]}
            for m, (v, c) in values.items() for o in outlets]
    return pd.DataFrame(rows)


def summary(articles: pd.DataFrame, results: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One descriptive row per outlet.

    Args:
        articles: the articles table.
        results: :func:`analyse` output.

    Returns:
        Columns ``outlet, articles, words, sentences, attributions, most_heard_side, direct_share,
        charged_terms, charged_author_voice, distanced, capital_names, region_names, lead_frames``.
    """
    q, t, f, s = quotes.speech(results["quotes"]), results["terms"], results["frames"], results["sentences"]
    leads = frames.lead_frames(f, articles)
    rows = []
    for outlet, group in articles.groupby("outlet"):
        oq, ot = q[q["outlet"] == outlet], t[t["outlet"] == outlet]
        charged = ot[~ot["family"].isin(NAME_FAMILIES)]
        sides = oq["side"].value_counts()
        names = lambda fam: ", ".join(f"{k} {v}" for k, v in ot[ot["family"] == fam]["term"].value_counts().items())  # noqa: E731
        rows.append({
            "outlet": outlet, "articles": len(group), "words": int(group["n_words"].sum()),
            "sentences": int((s["outlet"] == outlet).sum()), "attributions": len(oq),
            "most_heard_side": f"{sides.index[0]} ({sides.iloc[0]} of {len(oq)})" if len(oq) else "",
            "direct_share": round(float((oq["kind"] == "direct").mean()), 2) if len(oq) else 0.0,
            "charged_terms": len(charged), "charged_author_voice": int((charged["voice"] == "author").sum()),
            "distanced": int(charged["distanced"].sum()),
            "capital_names": names("capital_name"), "region_names": names("region_name"),
            "lead_frames": "; ".join(leads[leads["outlet"] == outlet]["lead_frame"]),
        })
    return pd.DataFrame(rows)
