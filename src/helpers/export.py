"""Writing tables that hold corpus text: CSV a spreadsheet opens without running formulas, written whole or not at all.

Article text is untrusted. A CSV cell starting with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return) is run as a formula by Excel, LibreOffice and
Google Sheets ("CSV injection"); every such text cell gets a leading apostrophe,
which spreadsheets hide and treat as "this is text". Numbers are untouched. A
reader that loads the CSV with pandas sees the apostrophe: strip it with
``frame[col].str.removeprefix("'")`` where it matters.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Prefix an apostrophe to text a spreadsheet would run as a formula.

    Example:
        >>> spreadsheet_safe('=HYPERLINK("http://x")'), spreadsheet_safe("plain"), spreadsheet_safe(-3)
        ('\\'=HYPERLINK("http://x")', 'plain', -3)
    """
    return "'" + value if _is_formula(value) else value


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def spreadsheet_safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and column name made :func:`spreadsheet_safe` (the frame given is unchanged).

    Only the text columns that hold such a cell are copied; categorical columns and repeated column
    names are handled like any other.

    Example:
        >>> spreadsheet_safe_frame(pd.DataFrame({"a": ["=1+1", "x"], "n": [1, 2]}, index=[0, 0]))["a"].tolist()
        ["'=1+1", 'x']
    """
    out = frame.copy(deep=False)
    for j in range(out.shape[1]):
        values = out.iloc[:, j]
        if not (values.dtype == object or isinstance(values.dtype, pd.CategoricalDtype)
                or pd.api.types.is_string_dtype(values)):
            continue
        values = values.astype(object)
        if values.map(_is_formula).any():
            out.isetitem(j, values.map(spreadsheet_safe))
    out.columns = [spreadsheet_safe(c) for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as spreadsheet-safe UTF-8 CSV, via a temporary file, so a failed write leaves the old file.

    Args:
        frame: the table; it is not modified.
        path: the CSV path.

    Returns:
        The path.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        spreadsheet_safe_frame(frame).to_csv(tmp, index=False, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
