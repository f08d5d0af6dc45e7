"""Charts shared by every notebook: one colour per outlet, counts shown, figures saved.

Each function returns the matplotlib Figure and saves it as PNG and SVG under
``reports/figures/`` when given a ``name``. The tidy table behind a chart is
written with :func:`export_table` to ``data/processed/``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator

from helpers import config
from helpers.export import write_csv

# Okabe-Ito colour-blind-safe palette (its yellow, unreadable as text on white, replaced by Tol's wine),
# then the tab20 colours dark enough for a label on white (contrast 3:1 or more) for larger corpora.
_BASE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255", "#000000"]
MIN_CONTRAST = 3.0  # WCAG contrast ratio against white for an outlet colour (its name is drawn in it)
OTHER = "other"
OTHER_COLOR = "#999999"

LABEL_WIDTH = 32  # characters of an outlet or article name drawn on an axis; the tables carry the full name
# Fonts tried in order for each character: DejaVu, then any installed font with CJK coverage, then matplotlib's
# "Last Resort" font, which draws a labelled box for a character no other font has (never a missing glyph).
_FONTS = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Droid Sans Fallback",
          "Last Resort High-Efficiency"]


def _chart_style() -> None:
    """Draw corpus text literally: no mathtext from ``$``, a font for every character, reproducible SVG."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    matplotlib.rcParams.update({"text.parse_math": False, "svg.hashsalt": "helpers-charts",
                                "font.family": [f for f in _FONTS if f in installed] or ["sans-serif"]})
    if "Last Resort High-Efficiency" not in installed:  # older matplotlib: a box is drawn, the warning is noise
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from", category=UserWarning)


_chart_style()

def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One fixed colour per outlet, the same in every chart.

    Args:
        outlets: outlet names (any order; duplicates ignored). Colours follow the
            sorted order, so every notebook gets the same mapping.

    Returns:
        A mapping outlet -> hex colour; the bucket ``other`` is grey.
    """
    names = sorted({o for o in outlets if o != OTHER})
    extra = [matplotlib.colors.to_hex(c) for c in plt.get_cmap("tab20").colors]
    palette = _BASE + [c for c in extra if c not in _BASE and contrast_on_white(c) >= MIN_CONTRAST]
    colors = {name: palette[i % len(palette)] for i, name in enumerate(names)}
    colors[OTHER] = OTHER_COLOR
    return colors


def contrast_on_white(color: str) -> float:
    """WCAG 2 contrast ratio of ``color`` against white (1 to 21; 3 is the floor for large text).

    >>> round(contrast_on_white("#000000")), round(contrast_on_white("#F0E442"), 1)
    (21, 1.3)
    """
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in matplotlib.colors.to_rgb(color))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def short_labels(names: Iterable[object], *, width: int = LABEL_WIDTH) -> list[str]:
    """Names shortened to at most ``width`` characters (the middle elided), kept distinct, for axis labels.

    Example:
        >>> short_labels(["BBC", "The Very Long Name of a Regional Outlet, Evening Edition"], width=20)
        ['BBC', 'The Very Lo…Edition']
        >>> short_labels(["The Very Long Name of A", "The Very Long Name of B"], width=20)
        ['The Very Lo…ame of A', 'The Very Lo…ame of B']
    """
    out: list[str] = []
    for name in map(str, names):
        label, k = _cut(name, width), 2
        while label in out:
            label, k = _cut(name, width, suffix=f" ({k})"), k + 1
        out.append(label)
    return out


def _cut(name: str, width: int, *, suffix: str = "") -> str:
    """``name`` in at most ``width`` characters: the middle replaced by "…" when longer (the end often tells
    names apart, such as an article id), then ``suffix``."""
    room = width - len(suffix)
    if len(name) <= room:
        return name + suffix
    head = max((room - 1) * 3 // 5, 1)
    tail = max(room - 1 - head, 0)
    return name[:head].rstrip() + "…" + (name[-tail:].lstrip() if tail else "") + suffix


def save(fig: plt.Figure, name: str, *, folder: Path | None = None) -> list[Path]:
    """Save a figure as PNG and SVG.

    Args:
        fig: the figure.
        name: file stem, e.g. ``"00-article-length"``.
        folder: where to write; default ``reports/figures``.

    Returns:
        The written paths.
    """
    folder = folder or config.FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    for path in paths:  # no date in the metadata: the same chart gives the same bytes
        fig.savefig(path, bbox_inches="tight", dpi=120, metadata={"Date": None} if path.suffix == ".svg" else None)
    return paths


def export_table(frame: pd.DataFrame, name: str, *, folder: Path | None = None) -> Path:
    """Write the tidy table behind a chart as spreadsheet-safe CSV under ``data/processed`` (:mod:`helpers.export`).

    Args:
        frame: the table; it is not modified.
        name: file stem.
        folder: where to write; default ``data/processed``.

    Returns:
        The CSV path.
    """
    folder = folder or config.PROCESSED_DIR
    folder.mkdir(parents=True, exist_ok=True)
    return write_csv(frame, folder / f"{name}.csv")


def _color_ticks(ax: plt.Axes, names: Mapping[str, str], colors: Mapping[str, str]) -> None:
    """Draw each y tick label (a short label of ``names``) in its outlet's colour."""
    for tick in ax.get_yticklabels():
        tick.set_color(colors.get(names.get(tick.get_text(), ""), "black"))


def _note(fig: plt.Figure, note: str) -> None:
    """The footnote, under everything already drawn (rotated tick labels and axis labels included)."""
    if note:
        bottom = fig.get_tightbbox(fig.canvas.get_renderer()).y0 / fig.get_figheight()  # inches -> figure fraction
        fig.text(0.01, min(bottom, 0.0) - 0.1 / fig.get_figheight(), note, ha="left", va="top", fontsize=8,
                 color="#555555", wrap=True)


def _integer_ticks(ax: plt.Axes, values) -> None:
    """Whole-number ticks on the x axis when every value is a whole number (counts)."""
    numbers = pd.Series(values, dtype=float).dropna()
    if len(numbers) and (numbers == numbers.round()).all():
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def outlet_bars(values: pd.Series, *, title: str, xlabel: str, colors: Mapping[str, str],
                counts: pd.Series | None = None, note: str = "", name: str | None = None,
                fmt: str = "{:.0f}") -> plt.Figure:
    """Horizontal bars, one per outlet in its own colour, each labelled with its value.

    Args:
        values: a Series indexed by outlet.
        title: says what is compared.
        xlabel: with units, e.g. "occurrences per 1,000 words".
        colors: from :func:`outlet_colors`.
        counts: raw counts shown beside each bar as "n = ..." (small corpora).
        note: a footnote, e.g. the corpus size.
        name: save under ``reports/figures/<name>.png|svg``.
        fmt: format of the value labels.

    Returns:
        The figure.
    """
    values = values.sort_index(ascending=False)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(values) + 1.4))
    bars = ax.barh(short_labels(values.index), values.to_numpy(),
                   color=[colors.get(o, OTHER_COLOR) for o in values.index])
    for bar, outlet, value in zip(bars, values.index, values.to_numpy()):
        label = fmt.format(value)
        if counts is not None and outlet in counts.index:
            label += f"  (n = {int(counts[outlet])})"
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + label, va="center", fontsize=9)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_xlim(0, max(float(values.max()) * 1.35, 1e-9))
    _integer_ticks(ax, values)
    ax.spines[["top", "right"]].set_visible(False)
    _note(fig, note)
    if name:
        save(fig, name)
    return fig


def stacked_bars(frame: pd.DataFrame, *, title: str, xlabel: str, category_colors: Mapping[str, str] | None = None,
                 outlet_colors_: Mapping[str, str] | None = None, note: str = "", name: str | None = None,
                 show_counts: bool = True) -> plt.Figure:
    """Stacked horizontal bars: one bar per outlet (rows), one segment per category (columns).

    Segment labels show the raw value when ``show_counts``; outlet names on the
    axis are drawn in the outlet's colour.

    Args:
        frame: index = outlets, columns = categories, values = counts or shares.
        title: says what is compared.
        xlabel: with units.
        category_colors: colour per category; default a qualitative map.
        outlet_colors_: colour per outlet for the tick labels.
        note: a footnote.
        name: save under ``reports/figures``.
        show_counts: write each non-zero value inside its segment.

    Returns:
        The figure.
    """
    frame = frame.sort_index(ascending=False)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(frame) + 1.6))
    left = pd.Series(0.0, index=frame.index)
    labels = short_labels(frame.index)
    cmap = plt.get_cmap("Set2")
    for i, column in enumerate(frame.columns):
        color = (category_colors or {}).get(column, cmap(i % 8))
        vals = frame[column].astype(float)
        ax.barh(labels, vals, left=left, color=color, label=str(column), edgecolor="white")
        if show_counts:
            for y, (v, l0) in enumerate(zip(vals, left)):
                if v > 0:
                    text = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
                    ax.text(l0 + v / 2, y, text, ha="center", va="center", fontsize=8)
        left += vals
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _integer_ticks(ax, frame.to_numpy().ravel())
    if outlet_colors_:
        _color_ticks(ax, dict(zip(labels, frame.index)), outlet_colors_)
    _note(fig, note)
    if name:
        save(fig, name)
    return fig


def heatmap(frame: pd.DataFrame, *, title: str, cbar_label: str, name: str | None = None,
            fmt: str = "{:.2f}", note: str = "") -> plt.Figure:
    """A labelled heatmap, each cell annotated with its value.

    Args:
        frame: a square or rectangular numeric table.
        title: says what is compared.
        cbar_label: the colour bar's unit.
        name: save under ``reports/figures``.
        fmt: cell label format.
        note: a footnote.

    Returns:
        The figure.
    """
    fig, ax = plt.subplots(figsize=(1.1 * len(frame.columns) + 3, 0.7 * len(frame) + 1.8))
    image = ax.imshow(frame.to_numpy(dtype=float), cmap="Blues", vmin=0)
    ax.set_xticks(range(len(frame.columns)), short_labels(frame.columns), rotation=35, ha="right")
    ax.set_yticks(range(len(frame.index)), short_labels(frame.index))
    top = float(frame.to_numpy(dtype=float).max()) or 1.0
    for i in range(len(frame.index)):
        for j in range(len(frame.columns)):
            v = float(frame.iat[i, j])
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * top else "black")
    fig.colorbar(image, ax=ax, label=cbar_label, shrink=0.8)
    ax.set_title(title)
    _note(fig, note)
    if name:
        save(fig, name)
    return fig


def corpus_note(articles: pd.DataFrame) -> str:
    """A footnote stating the corpus size, for every chart.

    Args:
        articles: the articles table.

    Returns:
        E.g. "Corpus: 5 articles, 5 outlets, 2,053 words. Small counts: read the evidence tables."
    """
    return (f"Corpus: {len(articles)} articles, {articles['outlet'].nunique()} outlets, "
            f"{int(articles['n_words'].sum()):,} words. Small counts: read the evidence tables.")


def wide(tidy: pd.DataFrame, *, index: str, columns: str, values: str, order: list | None = None) -> pd.DataFrame:
    """Pivot a tidy table for :func:`stacked_bars`, filling gaps with 0.

    Args:
        tidy: long table.
        index: column for the bars (e.g. ``outlet``).
        columns: column for the segments (e.g. ``side``).
        values: the numbers.
        order: segment order; categories absent from the data are dropped.

    Returns:
        A wide table.
    """
    table = tidy.pivot_table(index=index, columns=columns, values=values, aggfunc="sum", fill_value=0)
    if order:
        table = table[[c for c in order if c in table.columns] + [c for c in table.columns if c not in order]]
    table.columns.name = None
    return table


def small_multiples(tidy: pd.DataFrame, *, panel: str, value: str, colors: Mapping[str, str], title: str,
                    xlabel: str, panels: list | None = None, count: str | None = None, ncols: int = 3,
                    note: str = "", name: str | None = None, fmt: str = "{:.1f}", sharex: bool = True,
                    shares: bool | Iterable = False) -> plt.Figure:
    """One small bar chart per panel (e.g. per family), outlets as bars in their fixed colours, shared x axis.

    Args:
        tidy: long table with ``outlet``, the panel column and the value column.
        panel: column that defines the panels.
        value: column plotted.
        colors: outlet colours from :func:`outlet_colors`.
        title: says what is compared.
        xlabel: with units.
        panels: panel order (default: order of appearance).
        count: column of raw counts shown as "(n)" beside each bar.
        ncols: panels per row.
        note: a footnote.
        name: save under ``reports/figures``.
        fmt: value label format.
        sharex: one x scale for all panels (same unit); False when panels have different units.
        shares: the values are shares (0 to 1), so no axis runs past 1; or the panels that hold shares.

    Returns:
        The figure.
    """
    panels = panels or list(dict.fromkeys(tidy[panel]))
    outlets = sorted(tidy["outlet"].unique(), reverse=True)
    labels = short_labels(outlets)
    nrows = max(1, -(-len(panels) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, (0.32 * len(outlets) + 1.1) * nrows),
                             sharex=sharex, squeeze=False)
    top = float(tidy[value].max()) if len(tidy) else 1.0
    share_panels = set(panels) if shares is True else set(shares or ())
    for ax, key in zip(axes.flat, panels):
        sub = tidy[tidy[panel] == key].set_index("outlet").reindex(outlets)
        vals = sub[value].fillna(0)
        ax.barh(labels, vals, color=[colors.get(o, OTHER_COLOR) for o in outlets])
        for y, outlet in enumerate(outlets):
            label = fmt.format(vals[outlet])
            if count:
                label += f" ({int(sub[count].fillna(0)[outlet])})"
            ax.text(vals[outlet], y, " " + label, va="center", fontsize=7)
        ax.set_title(str(key), fontsize=10)
        right = max((top if sharex else float(vals.max())) * 1.45, 1e-9)
        ax.set_xlim(0, min(right, 1.0) if key in share_panels else max(right, 1.0))
        if key not in share_panels:
            _integer_ticks(ax, tidy[value] if sharex else vals)
        ax.tick_params(labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        _color_ticks(ax, dict(zip(labels, outlets)), colors)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    for ax in (axes.flat if not sharex else axes[-1]):
        if ax.get_visible():
            ax.set_xlabel(xlabel, fontsize=8)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))  # room for the title above the panels' own
    _note(fig, note)
    if name:
        save(fig, name)
    return fig
