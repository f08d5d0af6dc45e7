"""Safe HTML rendering of tables and highlighted text for notebooks and reports.

Article text is untrusted: everything taken from it is escaped
(:func:`helpers.text.escape`) before it is placed in HTML or Markdown, and every
output sits in an element that math typesetting skips.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pandas as pd
from IPython.display import HTML, Markdown

from helpers import config
from helpers.text import escape


# MathJax (JupyterLab, nbconvert) typesets $...$ and \\(...\\) in the rendered page, after escaping has
# done its work; it skips elements of these classes (tex2jax_ignore: MathJax 2, mathjax_ignore: MathJax 3).
NO_MATH = "tex2jax_ignore mathjax_ignore"

_STYLE = ("<style>table.evidence td, table.evidence th {text-align: left !important; vertical-align: top; max-width: 40em}"
          " mark {background: #ffe08a}</style>")


def table(frame: pd.DataFrame, *, caption: str = "", max_rows: int = 200, index: bool = False) -> HTML:
    """Render a DataFrame as an escaped HTML table.

    Args:
        frame: the table to show; it is not modified.
        caption: a caption naming what the rows are evidence for.
        max_rows: rows shown at most; the caption says when rows were cut.
        index: show the index.

    Returns:
        An IPython ``HTML`` object.
    """
    shown = frame.head(max_rows)
    note = f" (first {max_rows} of {len(frame)} rows; full table in data/processed)" if len(frame) > max_rows else ""
    body = _STYLE + shown.to_html(escape=True, index=index, na_rep="", border=0, classes="evidence")
    cap = f"<p><b>{escape(caption)}</b>{escape(note)} &middot; {len(frame)} rows</p>" if caption or note else ""
    return HTML(_inert(cap + body))


HEADLINE_CLASS = config.HEADLINE_CLASS  # helpers.reports copies this element's text to the index


def headline(text: str) -> HTML:
    """The report's headline finding, computed by the notebook, shown at the top of its results and
    copied to ``reports/index.html``. ``text`` is plain text: it is escaped here (no Markdown).

    >>> headline("Tasnim gives <b>B</b> 40%").data
    '<div class="report-headline tex2jax_ignore mathjax_ignore"><p><b>Finding:</b> Tasnim gives &lt;b&gt;B&lt;/b&gt; 40%</p></div>'
    """
    return HTML(f'<div class="{HEADLINE_CLASS} {NO_MATH}"><p><b>Finding:</b> {escape(text)}</p></div>')


def _inert(fragment: str) -> str:
    """Wrap an HTML fragment in a block that math typesetting skips."""
    return f'<div class="{NO_MATH}">{fragment}</div>'


def md(text: str) -> Markdown:
    """Markdown for computed narrative, in a block that math typesetting skips.

    The caller escapes every untrusted part with :func:`helpers.text.escape`, which
    makes it inert as Markdown (no link, image, emphasis, code or heading); the
    wrapper keeps ``$...$`` in that text from being typeset as math.

    Args:
        text: markdown text.

    Returns:
        An IPython ``Markdown`` object.

    Example:
        >>> md("**3** articles from " + escape("[x](javascript:alert(1))")).data.count("javascript&#58;")
        1
    """
    return Markdown(f'<div class="{NO_MATH}">\n\n{text}\n\n</div>')


def kwic(frame: pd.DataFrame, *, caption: str = "", extra: list[str] | None = None, max_rows: int = 200) -> HTML:
    """Render keyword-in-context rows (``left, match, right``) with the match highlighted; all text escaped.

    Args:
        frame: rows with ``left, match, right`` and optional extra columns.
        caption: what the rows are evidence for.
        extra: columns shown before the context (default ``outlet`` if present).
        max_rows: rows shown at most.

    Returns:
        An IPython ``HTML`` object.
    """
    extra = extra if extra is not None else [c for c in ("outlet", "voice", "speaker") if c in frame.columns]
    head = "".join(f"<th>{escape(c)}</th>" for c in extra) + "<th style='text-align:right'>left</th><th>match</th><th>right</th>"
    body = []
    for _, row in frame.head(max_rows).iterrows():
        cells = "".join(f"<td>{escape(row[c])}</td>" for c in extra)
        body.append(f"<tr>{cells}<td style='text-align:right !important'>{escape(row['left'])}</td>"
                    f"<td><mark>{escape(row['match'])}</mark></td><td>{escape(row['right'])}</td></tr>")
    cut = f" (first {max_rows} of {len(frame)} rows; full table in data/processed)" if len(frame) > max_rows else ""
    cap = f"<p><b>{escape(caption)}</b>{escape(cut)} &middot; {len(frame)} rows</p>"
    return HTML(_inert(_STYLE + cap + f"<table class='evidence'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"))


def diff(text_a: str, text_b: str) -> str:
    """Word-level difference of two sentences as HTML: removed words struck through, added words underlined.

    Args:
        text_a: the first version (untrusted; escaped).
        text_b: the second version (untrusted; escaped).

    Returns:
        An HTML fragment.
    """
    ta, tb = re.findall(r"\S+", text_a), re.findall(r"\S+", text_b)
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(ta[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del style='color:#b2182b'>{escape(' '.join(ta[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins style='color:#2166ac'>{escape(' '.join(tb[j1:j2]))}</ins>")
    return " ".join(out)


def diff_table(pairs: pd.DataFrame, *, caption: str = "", max_rows: int = 100) -> HTML:
    """Aligned sentence pairs with their word-level differences highlighted.

    Args:
        pairs: rows with ``outlet_a, outlet_b, score, text_a, text_b``.
        caption: what the rows show.
        max_rows: rows shown at most.

    Returns:
        An IPython ``HTML`` object.
    """
    body = "".join(
        f"<tr><td>{escape(r.outlet_a)} &rarr; {escape(r.outlet_b)}</td><td>{r.score:.2f}</td>"
        f"<td>{diff(r.text_a, r.text_b)}</td></tr>" for r in pairs.head(max_rows).itertuples())
    cut = f" (first {max_rows} of {len(pairs)})" if len(pairs) > max_rows else ""
    return HTML(_inert(_STYLE + f"<p><b>{escape(caption)}</b>{escape(cut)} &middot; {len(pairs)} rows. "
                "<del>struck</del> = only in the first outlet, <ins>underlined</ins> = only in the second.</p>"
                f"<table class='evidence'><thead><tr><th>pair</th><th>similarity</th><th>difference</th></tr></thead>"
                f"<tbody>{body}</tbody></table>"))
