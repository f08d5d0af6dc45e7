"""Charts shared by every notebook: one colour per outlet, counts shown, figures saved.

Each function returns a :class:`Chart`: the figure drawn once as PNG, shown in the notebook and the
report as an image with alt text that says what it shows, and saved as PNG and SVG under
``reports/figures/`` when given a ``name``. The tidy table behind a chart is written with
:func:`export_table` to ``data/processed/``.
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import Bbox

from helpers import config
from helpers.export import write_csv
from helpers.text import escape

# Okabe-Ito colour-blind-safe palette (its yellow, unreadable as text on white, replaced by Tol's wine),
# then the tab20 colours dark enough for a label on white (contrast 3:1 or more) for larger corpora.
_BASE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#882255", "#000000"]
MIN_CONTRAST = 3.0  # WCAG contrast ratio against white for an outlet colour (its name is drawn in it)
OTHER = "other"
OTHER_COLOR = "#999999"

DPI = 120  # of the saved and shown PNG; shown at 100 dpi size, so it stays sharp on high-density screens
ALT_ITEMS = 15  # values listed in a chart's alt text; beyond that it says how many more
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


@dataclass
class Chart:
    """A drawn chart: ``figure``, its ``png`` bytes, the ``alt`` text and the files written (``paths``).

    Shown in a notebook (and in the HTML report) as ``<img alt=...>``; the figure is closed, so it is not
    drawn a second time by the notebook's inline backend.
    """

    figure: plt.Figure
    png: bytes = field(repr=False)
    alt: str
    width: int = 0  # pixels at 100 dpi, the size the image is shown at
    paths: list[Path] = field(default_factory=list)

    @property
    def axes(self) -> list[plt.Axes]:
        return self.figure.axes

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return (f'<img class="chart" alt="{escape(self.alt)}" title="{escape(self.alt)}" width="{self.width}" '
                f'style="max-width:100%;height:auto" src="data:image/png;base64,{data}">')


def finish(fig: plt.Figure, *, alt: str, note: str = "", name: str | None = None, folder: Path | None = None) -> Chart:
    """Add the footnote, draw the figure once as PNG, save it (PNG and SVG) when ``name`` is given, close it.

    Args:
        fig: the figure.
        alt: what the chart shows, for readers who cannot see it (kept under a few hundred characters).
        note: a footnote, placed under everything drawn (rotated tick labels and axis labels included).
        name: file stem under ``folder``, e.g. ``"00-article-length"``; None: not saved.
        folder: default ``reports/figures``.

    Returns:
        The :class:`Chart`.

    >>> fig, ax = plt.subplots(); _ = ax.bar(["a"], [1])
    >>> finish(fig, alt="One bar").png[:4]
    b'\\x89PNG'
    """
    renderer = fig.canvas.get_renderer()
    bbox = fig.get_tightbbox(renderer)  # what bbox_inches="tight" finds, found once (in inches)
    if note:
        text = fig.text(0.01, min(bbox.y0, 0.0) / fig.get_figheight() - 0.1 / fig.get_figheight(), note,
                        ha="left", va="top", fontsize=8, color="#555555")
        bbox = Bbox.union([bbox, text.get_window_extent(renderer).transformed(fig.dpi_scale_trans.inverted())])
    bbox = bbox.padded(0.1)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches=bbox)
    chart = Chart(fig, buffer.getvalue(), alt, round(bbox.width * 100))
    if name:
        chart.paths = save(fig, name, folder=folder, png=chart.png, bbox=bbox)
    plt.close(fig)
    return chart


def save(fig: plt.Figure, name: str, *, folder: Path | None = None, png: bytes | None = None,
         bbox=None) -> list[Path]:
    """Save a figure as PNG and SVG.

    Args:
        fig: the figure.
        name: file stem, e.g. ``"00-article-length"``.
        folder: where to write; default ``reports/figures``.
        png: the PNG already drawn (written as is).
        bbox: the area to save, in inches (default: the tight box around everything drawn).

    Returns:
        The written paths.
    """
    folder = folder or config.FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{name}.png", folder / f"{name}.svg"]
    bbox = "tight" if bbox is None else bbox
    if png is None:
        fig.savefig(paths[0], bbox_inches=bbox, dpi=DPI)
    else:
        paths[0].write_bytes(png)
    fig.savefig(paths[1], bbox_inches=bbox, dpi=DPI, metadata={"Date": None})  # no date: same chart, same bytes
    return paths


def _listing(values: Mapping[str, float] | pd.Series, fmt: str) -> str:
    """"a 3; b 2 ..." for alt text: at most :data:`ALT_ITEMS` items, then how many more."""
    items = [f"{k} {fmt.format(v)}" for k, v in list(values.items())[:ALT_ITEMS]]
    more = len(values) - ALT_ITEMS
    return "; ".join(items) + (f"; and {more} more" if more > 0 else "")


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


def _ink_on(color) -> str:
    """White or black, whichever reads better on a segment of ``color``.

    >>> _ink_on("#333333"), _ink_on("#fc8d62")
    ('white', 'black')
    """
    return "white" if contrast_on_white(matplotlib.colors.to_hex(color)) >= 4.5 else "black"


def _color_ticks(ax: plt.Axes, names: Mapping[str, str], colors: Mapping[str, str]) -> None:
    """Draw each y tick label (a short label of ``names``) in its outlet's colour."""
    for tick in ax.get_yticklabels():
        tick.set_color(colors.get(names.get(tick.get_text(), ""), "black"))


def _integer_ticks(ax: plt.Axes, values, *, axis: str = "x") -> None:
    """Whole-number ticks on the ``axis`` when every value is a whole number (counts)."""
    numbers = pd.Series(values, dtype=float).dropna()
    if len(numbers) and (numbers == numbers.round()).all():
        (ax.xaxis if axis == "x" else ax.yaxis).set_major_locator(MaxNLocator(integer=True))


def outlet_bars(values: pd.Series, *, title: str, xlabel: str, colors: Mapping[str, str],
                counts: pd.Series | None = None, note: str = "", name: str | None = None,
                fmt: str = "{:.0f}", alt: str = "") -> Chart:
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
        alt: the image's alt text; default the title, the unit and every outlet's value.

    Returns:
        The :class:`Chart`.
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
    alt = alt or f"Bar chart: {title}. {xlabel} per outlet: {_listing(values.sort_index(), fmt)}."
    return finish(fig, alt=alt, note=note, name=name)


def stacked_bars(frame: pd.DataFrame, *, title: str, xlabel: str, category_colors: Mapping[str, str] | None = None,
                 outlet_colors_: Mapping[str, str] | None = None, note: str = "", name: str | None = None,
                 show_counts: bool = True, alt: str = "") -> Chart:
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
        alt: the image's alt text; default the title, the segments and each bar's total.

    Returns:
        The :class:`Chart`.
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
                    ax.text(l0 + v / 2, y, text, ha="center", va="center", fontsize=8, color=_ink_on(color))
        left += vals
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _integer_ticks(ax, frame.to_numpy().ravel())
    if outlet_colors_:
        _color_ticks(ax, dict(zip(labels, frame.index)), outlet_colors_)
    alt = alt or (f"Stacked bar chart: {title}. Segments: {', '.join(map(str, frame.columns))}. "
                  f"Total {xlabel} per bar: {_listing(frame.sum(axis=1).sort_index(), '{:g}')}.")
    return finish(fig, alt=alt, note=note, name=name)


def heatmap(frame: pd.DataFrame, *, title: str, cbar_label: str, name: str | None = None,
            fmt: str = "{:.2f}", note: str = "", alt: str = "") -> Chart:
    """A labelled heatmap, each cell annotated with its value.

    Args:
        frame: a square or rectangular numeric table.
        title: says what is compared.
        cbar_label: the colour bar's unit.
        name: save under ``reports/figures``.
        fmt: cell label format.
        note: a footnote.
        alt: the image's alt text; default the title, the size and the highest cell off the diagonal.

    Returns:
        The :class:`Chart`.
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
    return finish(fig, alt=alt or _heatmap_alt(frame, title=title, unit=cbar_label, fmt=fmt), note=note, name=name)


def _heatmap_alt(frame: pd.DataFrame, *, title: str, unit: str, fmt: str) -> str:
    """Alt text of a heatmap: what it compares, its size, and its highest cell off the diagonal."""
    cells = frame.stack()
    cells = cells[[r != c for r, c in cells.index]]
    top = (f" Highest: {cells.idxmax()[0]} and {cells.idxmax()[1]}, {fmt.format(cells.max())}."
           if len(cells) else "")
    return f"Heatmap: {title}. {len(frame)} rows by {len(frame.columns)} columns; colour: {unit}.{top}"


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
                    shares: bool | Iterable = False, alt: str = "") -> Chart:
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
        alt: the image's alt text; default the title, the panels and, in each, the outlet with the highest value.

    Returns:
        The :class:`Chart`.
    """
    panels = panels or list(dict.fromkeys(tidy[panel]))
    outlets = sorted(tidy["outlet"].unique(), reverse=True)
    labels = short_labels(outlets)
    nrows = max(1, -(-len(panels) // ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, (0.32 * len(outlets) + 1.1) * nrows),
                             sharex=sharex, sharey=True, squeeze=False)  # outlet names in the first column only
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
    for ax in axes[:, 0]:
        _color_ticks(ax, dict(zip(labels, outlets)), colors)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    for ax in (axes.flat if not sharex else axes[-1]):
        if ax.get_visible():
            ax.set_xlabel(xlabel, fontsize=8)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))  # room for the title above the panels' own
    return finish(fig, alt=alt or _panels_alt(tidy, panel=panel, panels=panels, value=value, title=title, fmt=fmt),
                  note=note, name=name)


def _highest(tidy: pd.DataFrame, *, panel: str, panels: list, value: str, where: str = "") -> dict:
    """``{"<panel>: highest <outlet>[ in <where>]": value}`` for each panel with a value above zero (alt text).

    >>> _highest(pd.DataFrame({"p": ["a", "a"], "outlet": ["X", "Y"], "v": [1, 3]}), panel="p", panels=["a"], value="v")
    {'a: highest Y': 3.0}
    """
    tops = {}
    for key in panels:
        sub = tidy[tidy[panel] == key]
        if len(sub) and sub[value].max() > 0:
            best = sub.sort_values(value, kind="stable").iloc[-1]
            tops[f"{key}: highest {best['outlet']}" + (f" in {best[where]}" if where else "")] = float(best[value])
    return tops


def _panels_alt(tidy: pd.DataFrame, *, panel: str, panels: list, value: str, title: str, fmt: str) -> str:
    """Alt text of small multiples: what they compare and, per panel, the outlet with the highest value."""
    tops = _highest(tidy, panel=panel, panels=panels, value=value)
    return (f"Bar charts, one panel per {panel} ({len(panels)}), one bar per outlet: {title}. "
            + (_listing(tops, fmt) + "." if tops else "Every value is zero."))


def timeline_panels(tidy: pd.DataFrame, *, panel: str, value: str, colors: Mapping[str, str], title: str,
                    ylabel: str, panels: list | None = None, periods: list | None = None, ncols: int = 2,
                    note: str = "", name: str | None = None, shares: bool = False, panel_titles: bool = True,
                    alt: str = "") -> Chart:
    """One line chart per panel (a side, a family, a frame): periods across, one line per outlet in its colour.

    Args:
        tidy: long table with ``period``, ``outlet``, the panel column and the value column; a period in
            which an outlet has no row is a gap in its line, not a zero.
        panel: column that defines the panels (a constant column gives one panel).
        value: column plotted.
        colors: outlet colours from :func:`outlet_colors`.
        title: says what is compared.
        ylabel: with units.
        panels: panel order (default: order of appearance).
        periods: the periods across, in order (default: those in ``tidy``); pass the whole span
            (:func:`helpers.timeline.all_periods`) so that the axis is even in time.
        ncols: panels per row.
        note: a footnote.
        name: save under ``reports/figures``.
        shares: the values are shares, so the axis runs from 0 to 1.
        panel_titles: title each panel with its key (off for a single panel the figure title names).
        alt: the image's alt text; default the title, the periods and, per panel, the highest point.

    Returns:
        The :class:`Chart`.
    """
    panels = panels or list(dict.fromkeys(tidy[panel]))
    periods = list(periods) if periods is not None else sorted(tidy["period"].unique())
    outlets = sorted(tidy["outlet"].unique())
    ncols = max(1, min(ncols, len(panels)))
    nrows = max(1, -(-len(panels) // ncols))
    wide_ = ncols == 1  # a single column gets the page's width
    fig, axes = plt.subplots(nrows, ncols, figsize=(9.5 if wide_ else 6.2 * ncols, (3.6 if wide_ else 2.9) * nrows),
                             sharex=True, squeeze=False)
    x = {p: i for i, p in enumerate(periods)}
    for ax, key in zip(axes.flat, panels):
        sub = tidy[tidy[panel] == key]
        for outlet in outlets:
            line = sub[sub["outlet"] == outlet].set_index("period")[value].reindex(periods)
            ax.plot([x[p] for p in periods], line.to_numpy(dtype=float), marker="o", markersize=3, linewidth=1.4,
                    color=colors.get(outlet, OTHER_COLOR), label=outlet)
        if panel_titles:
            ax.set_title(str(key), fontsize=10)
        ax.set_ylim(0, 1.0 if shares else max(float(sub[value].max()) * 1.15 if len(sub) else 1.0, 1e-9))
        if not shares:
            _integer_ticks(ax, sub[value], axis="y")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=8)
    step = max(1, len(periods) // 8)  # at most about eight period labels on an axis
    for ax in axes.flat:
        ax.set_xticks(range(0, len(periods), step), [periods[i] for i in range(0, len(periods), step)],
                      rotation=35, ha="right")
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel, fontsize=8)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, short_labels(labels), loc="upper left", bbox_to_anchor=(1.0, 0.95), fontsize=8, frameon=False)
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))
    return finish(fig, alt=alt or _timeline_alt(tidy, panel=panel, panels=panels, value=value, title=title,
                                                periods=periods), note=note, name=name)


def _timeline_alt(tidy: pd.DataFrame, *, panel: str, panels: list, value: str, title: str, periods: list) -> str:
    """Alt text of timeline panels: the periods covered and, per panel, the outlet and period of the highest point."""
    tops = _highest(tidy, panel=panel, panels=panels, value=value, where="period")
    span = f"{periods[0]} to {periods[-1]}" if periods else "no period"
    return (f"Line charts, one panel per {panel} ({len(panels)}), one line per outlet, {span}: {title}. "
            + (_listing(tops, "{:.3g}") + "." if tops else "Every value is zero."))
