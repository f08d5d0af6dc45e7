"""Explorer cells: choose an outlet, a side, a speaker, a term family or a voice and read the matching lines.

In JupyterLab an :class:`Explorer` is a small form (one drop-down per filter column and a text search)
above a keyword-in-context table that follows the choices. In an exported HTML report, where no kernel
runs, the same output is a plain table of every row (the report's own script makes long tables
searchable and sortable). Both come from one display: the widget for a live frontend and the HTML
table for everything else (:func:`helpers.reports.to_html` keeps only the table).

Limits: the live table shows the first ``max_rows`` matching rows; the full rows are in the CSV the
notebook writes to ``data/processed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers import display

ALL = "(all)"


def sentence_kwic(rows: pd.DataFrame, *, sentence: str = "sentence", match: str = "quote") -> pd.DataFrame:
    """Keyword-in-context columns ``left, match, right`` from a sentence and a part of it.

    The match is the first place ``rows[match]`` occurs in ``rows[sentence]``; when it does not occur
    (a content span that runs over two sentences), the whole sentence is ``left`` and ``match`` is empty.
    The rows given are not modified.

    >>> sentence_kwic(pd.DataFrame({"sentence": ["The mayor said the bridge is safe."],
    ...                             "quote": ["the bridge is safe"]}))[["left", "match", "right"]].values.tolist()
    [['The mayor said ', 'the bridge is safe', '.']]
    """
    out = rows.copy()
    found = [s.find(m) if m else -1 for s, m in zip(out[sentence].astype(str), out[match].astype(str))]
    texts, parts = out[sentence].astype(str).tolist(), out[match].astype(str).tolist()
    out["left"] = [t[:i] if i >= 0 else t for t, i in zip(texts, found)]
    out["match"] = [p if i >= 0 else "" for p, i in zip(parts, found)]
    out["right"] = [t[i + len(p):] if i >= 0 else "" for t, p, i in zip(texts, parts, found)]
    return out


def choose(rows: pd.DataFrame, choices: dict[str, str], *, search: str = "") -> pd.DataFrame:
    """The rows matching every choice (:data:`ALL` matches anything) and containing ``search`` in their
    context (case-insensitive).

    >>> rows = pd.DataFrame({"outlet": ["A", "B"], "left": ["x", "y"], "match": ["war", "peace"], "right": ["", ""]})
    >>> choose(rows, {"outlet": "B"})["match"].tolist(), choose(rows, {"outlet": ALL}, search="WAR")["match"].tolist()
    (['peace'], ['war'])
    """
    keep = pd.Series(True, index=rows.index)
    for column, value in choices.items():
        if value != ALL:
            keep &= rows[column].astype(str) == value
    if search:
        context = rows["left"].astype(str) + rows["match"].astype(str) + rows["right"].astype(str)
        keep &= context.str.contains(search, case=False, regex=False)
    return rows[keep]


@dataclass
class Explorer:
    """Rows with ``left, match, right`` and the filter columns; shown as a form in JupyterLab and as a
    table in a report (see the module docstring). Build with :func:`explorer`."""

    rows: pd.DataFrame
    filters: list[str]
    extra: list[str]
    caption: str
    max_rows: int = 200
    _widget: object = field(default=None, repr=False)
    _all: str | None = field(default=None, repr=False)

    def table(self, choices: dict[str, str] | None = None, *, search: str = "") -> str:
        """The matching rows as escaped HTML (keyword in context, the match highlighted); the table of every
        row, which both the report and the form's first view show, is rendered once."""
        if not search and all(value == ALL for value in (choices or {}).values()):
            if self._all is None:
                self._all = display.kwic(self.rows, caption=self.caption, extra=self.extra, max_rows=self.max_rows).data
            return self._all
        chosen = choose(self.rows, choices, search=search)
        return display.kwic(chosen, caption=self.caption, extra=self.extra, max_rows=self.max_rows).data

    def widget(self):
        """The live form: a drop-down per filter column, a search box and the table they select."""
        if self._widget is None:
            import ipywidgets as widgets  # only a live notebook needs it

            boxes = {c: widgets.Dropdown(description=c, options=_options(self.rows[c]), value=ALL)
                     for c in self.filters}
            search = widgets.Text(description="contains", placeholder="a word in the line")
            out = widgets.HTML(self.table())

            def update(_change=None) -> None:
                out.value = self.table({c: b.value for c, b in boxes.items()}, search=search.value)

            for box in [*boxes.values(), search]:
                box.observe(update, names="value")
            self._widget = widgets.VBox([widgets.HBox(list(boxes.values())), search, out])
        return self._widget

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/plain": f"Explorer: {len(self.rows)} rows"}
        try:
            bundle.update(self.widget()._repr_mimebundle_(include=include, exclude=exclude) or {})
        except ImportError:  # no ipywidgets: the table alone
            pass
        bundle["text/html"] = self.table()  # every row, for a report (no kernel) and any frontend without widgets
        return bundle


def _options(values: pd.Series) -> list[tuple[str, str]]:
    """Drop-down options: "(all)" then each value with its row count, commonest first."""
    counts = values.astype(str).value_counts()
    return [(f"{ALL} ({int(counts.sum())})", ALL)] + [(f"{v} ({n})", v) for v, n in counts.items()]


def explorer(rows: pd.DataFrame, *, filters: list[str], caption: str, extra: list[str] | None = None,
             max_rows: int = 200) -> Explorer:
    """An explorer over keyword-in-context rows.

    Args:
        rows: a table with ``left, match, right`` (:func:`sentence_kwic`, :func:`helpers.terms.kwic_terms`)
            and the filter columns; not modified.
        filters: the columns to choose by, e.g. ``["outlet", "family", "voice"]``; a missing column is skipped.
        caption: what the rows are.
        extra: columns shown before the context (default: the filter columns).
        max_rows: rows shown at most.

    Returns:
        An :class:`Explorer`; display it (``display(explorer(...))``).
    """
    filters = [c for c in filters if c in rows.columns]
    shown = [c for c in (extra if extra is not None else filters) if c in rows.columns]
    return Explorer(rows.reset_index(drop=True), filters, shown, caption, max_rows)
