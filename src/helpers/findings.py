"""Each report's headline finding, as one plain-text sentence computed from its tables.

A notebook shows it with :func:`helpers.display.headline`; :mod:`helpers.reports` copies it to the
index. The sentences state counts and shares only, never a judgement; each names the table behind it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.study import UNKNOWN_SIDE, Study


def leaders(counts: pd.Series) -> list:
    """The labels that share the highest count, alphabetically: a tie keeps them all, never one by sort order.

    >>> leaders(pd.Series({"Residents": 6, "Council": 6, "Port": 2})), leaders(pd.Series(dtype=int))
    (['Council', 'Residents'], [])
    """
    if not len(counts):
        return []
    return sorted(str(k) for k, v in counts.items() if v == counts.max())


def joined(names: list, *, limit: int = 3) -> str:
    """"A", "A and B", "A, B and C"; beyond ``limit`` names, "A, B, C and 2 more".

    >>> joined(["A"]), joined(["A", "B", "C"]), joined(["A", "B", "C", "D", "E"])
    ('A', 'A, B and C', 'A, B, C and 2 more')
    """
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def most_heard(counts: pd.Series, total: int) -> str:
    """"Council and Residents (6 of 12 each)" for the leaders of ``counts`` ("" when there are none).

    >>> most_heard(pd.Series({"Residents": 6, "Council": 6, "Port": 2}), 14)
    'Council and Residents (6 of 14 each)'
    """
    top = leaders(counts)
    if not top:
        return ""
    return f"{joined(top)} ({int(counts.max())} of {total}{' each' if len(top) > 1 else ''})"


def _dates(articles: pd.DataFrame) -> str:
    """"dated 2023-09-19 to 2023-09-20", or "" when no article has a date."""
    dates = pd.to_datetime(articles.get("published"), errors="coerce").dropna() if "published" in articles else []
    if not len(dates):
        return ""
    first, last = dates.min().strftime("%Y-%m-%d"), dates.max().strftime("%Y-%m-%d")
    return f", dated {first}" + (f" to {last}" if last != first else "")


def corpus_finding(articles: pd.DataFrame, study: Study) -> str:
    """Articles, outlets, dates and the study.

    >>> corpus_finding(pd.DataFrame({"outlet": ["A", "B"], "published": ["2024-01-02", "2024-01-05"]}),
    ...                Study(path="s", name="demo", speakers="", lexicon="", codebook=""))
    '2 articles from 2 outlets, dated 2024-01-02 to 2024-01-05; study: demo.'
    """
    n, m = len(articles), articles["outlet"].nunique()
    return (f"{n} article{'s' * (n != 1)} from {m} outlet{'s' * (m != 1)}{_dates(articles)}; "
            f"study: {study.name}.")


def frames_finding(leads: pd.DataFrame) -> str:
    """The commonest leading frame across articles.

    >>> frames_finding(pd.DataFrame({"lead_frame": ["security", "security", "(none)"]}))
    'The commonest leading frame is security, in 2 of 3 articles.'
    """
    framed = leads[leads["lead_frame"] != "(none)"]
    if not len(framed):
        return f"No headline or lead carries a frame of the codebook ({len(leads)} articles)."
    top = framed["lead_frame"].value_counts()
    return f"The commonest leading frame is {top.index[0]}, in {top.iloc[0]} of {len(leads)} articles."


def speakers_finding(quotes_: pd.DataFrame, study: Study) -> str:
    """Per outlet (at most five, the most attributions first), its most-heard side with its share of the
    outlet's attributions (sides tied for the most are all named); without sides, its most-attributed speaker.

    >>> q = pd.DataFrame({"outlet": ["A", "A", "A"], "side": ["X", "X", "Unknown"], "speaker": ["Lee", "Lee", "Ng"]})
    >>> speakers_finding(q, Study(path="s", name="d", speakers="", lexicon="", codebook="", sides=("X",)))
    'Most-heard side: A gives X 67% of its 3 attributions.'
    """
    if not len(quotes_):
        return "No attribution was found."
    parts = []
    for outlet, group in sorted(quotes_.groupby("outlet"), key=lambda g: -len(g[1]))[:5]:
        column = "side" if study.has_sides else "speaker"
        known = group[(group[column] != UNKNOWN_SIDE) & (group[column] != "")][column].value_counts()
        top = leaders(known)
        if top:
            each = " each" if len(top) > 1 else ""
            parts.append(f"{outlet} gives {joined(top)} {known.max() / len(group):.0%}{each} of its "
                         f"{len(group)} attributions")
    label = "Most-heard side" if study.has_sides else "Most-attributed speaker"
    return f"{label}: " + "; ".join(parts) + "." if parts else "No attribution has a known speaker."


def terms_finding(found: pd.DataFrame, *, naming_pairs: Iterable[str] = ()) -> str:
    """The commonest lexicon family, naming-pair families (place names) left out, and how many of its
    occurrences are in the outlets' own voice.

    >>> terms_finding(pd.DataFrame({"family": ["a", "a", "b"], "voice": ["author", "reported", "author"]}))
    "The commonest loaded-term family is a: 2 occurrences, 1 in the outlets' own voice."
    """
    found = found[~found["family"].isin(set(naming_pairs))]
    if not len(found):
        return "No term of the lexicon occurs (naming pairs aside)."
    top = found["family"].value_counts()
    own = int(((found["family"] == top.index[0]) & (found["voice"] == "author")).sum())
    return (f"The commonest loaded-term family is {top.index[0]}: {top.iloc[0]} occurrences, "
            f"{own} in the outlets' own voice.")


def comparison_finding(panels: pd.DataFrame, *, measure: str = "attributions per 1,000 words") -> str:
    """The outlets with the highest and lowest value of one measure of the comparison panels.

    >>> p = pd.DataFrame({"outlet": ["A", "B"], "measure": ["m", "m"], "value": [2.0, 1.0]})
    >>> comparison_finding(p, measure="m")
    'm: highest A (2.00), lowest B (1.00).'
    """
    sub = panels[panels["measure"] == measure].sort_values(["value", "outlet"])
    if len(sub) < 2:
        return f"{measure}: one outlet only." if len(sub) else f"{measure}: no value."
    hi, lo = sub.iloc[-1], sub.iloc[0]
    return f"{measure}: highest {hi.outlet} ({hi.value:.2f}), lowest {lo.outlet} ({lo.value:.2f})."


def reuse_finding(groups: pd.DataFrame) -> str:
    """How many articles share a report with another.

    >>> reuse_finding(pd.DataFrame({"group": [1, 1, 2], "group_size": [2, 2, 1]}))
    '2 of 3 articles derive from a report another article also uses (1 group).'
    """
    shared = groups[groups["group_size"] > 1]
    if not len(shared):
        return f"No two of the {len(groups)} articles share enough aligned sentences to derive from one report."
    n = shared["group"].nunique()
    return (f"{len(shared)} of {len(groups)} articles derive from a report another article also uses "
            f"({n} group{'s' * (n != 1)}).")


def over_time_finding(timeline_: pd.DataFrame, first_use: pd.DataFrame, *, dated: int, undated: int,
                      period: str, days: list[str]) -> str:
    """The corpus span, its busiest period and who first used the term most outlets took up.

    >>> tl = pd.DataFrame({"period": ["2016-09", "2016-10"], "outlet": ["A", "A"], "measure": ["articles"] * 2,
    ...                    "key": ["", ""], "value": [1.0, 3.0], "count": [1, 3], "total": [1, 3]})
    >>> fu = pd.DataFrame({"kind": ["term", "term"], "item": ["x", "x"], "outlet": ["A", "B"],
    ...                    "first_date": ["2016-09-02", "2016-10-05"], "order": [1, 2]})
    >>> over_time_finding(tl, fu, dated=4, undated=1, period="month", days=["2016-09-02", "2016-10-20"])
    "4 dated articles from 2016-09-02 to 2016-10-20 (1 undated); busiest month: 2016-10 (3 articles); 'x', used by 2 outlets, was first used by A (2016-09-02)."
    """
    if not dated:
        return f"No article has a readable publication date ({undated} undated), so there is no timeline."
    first, last = min(days), max(days)
    undated_note = f" ({undated} undated)" if undated else ""
    if first == last:
        when = pd.Timestamp(first).strftime("%d %B %Y").lstrip("0")
        return f"All {dated} dated articles are dated {when}{undated_note}, so there is no timeline."
    per = timeline_[timeline_["measure"] == "articles"].groupby("period")["count"].sum()
    text = (f"{dated} dated articles from {first} to {last}{undated_note}; "
            f"busiest {period}: {per.idxmax()} ({int(per.max())} articles)")
    terms_ = first_use[first_use["kind"] == "term"] if len(first_use) else first_use
    if len(terms_):
        spread = terms_.groupby("item")["outlet"].nunique().sort_values(ascending=False, kind="stable")
        item = spread.index[0]
        lead = terms_[(terms_["item"] == item) & (terms_["order"] == 1)].sort_values("outlet")
        text += (f"; '{item}', used by {int(spread.iloc[0])} outlets, was first used by "
                 f"{', '.join(lead['outlet'])} ({lead['first_date'].iloc[0]})")
    return text + "."
