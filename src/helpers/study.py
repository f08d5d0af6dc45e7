"""Studies: everything that makes the analysis about one event, kept as data.

A study is a folder with a ``study.yaml`` that names its parts, each a file in the folder:

* ``sides``: the sides speakers belong to, in chart order, each with a colour readable on white
  (a side used in the speaker table but not listed comes after the listed ones, with a palette colour);
* ``speakers``: the speaker table (``canonical, aliases, side, role, type``);
* ``lexicon``: the loaded-term lexicon (families, distancing markers, naming pairs);
* ``codebook``: the frame codebook;
* ``measures``: the comparison measures of notebook 04 that belong to this event;
* ``key_families``: the lexicon families notebook 03 shows in context first;
* ``gold``: a folder of hand-annotated gold files, when the study has them.

Two studies ship in ``data/studies/``: the seed study (:data:`helpers.config.SEED_STUDY`, the default
for the seed articles in ``data/raw``) and ``generic`` (any other corpus without a study of its own:
Media Frames Corpus dimensions, loaded-language markers that hold across topics, no sides).

Limits: a study does not change how attributions are found (the cue words in
``data/lexicons/`` are general English); it only names, groups and colours what is found.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from helpers import config
from helpers.text import read_yaml

UNKNOWN_SIDE = "Unknown"  # speakers not in the table, or in it without a side
UNKNOWN_COLOR = "#C8C8C8"
MEASURE_KINDS = {
    "side_share": "share of attributions (0-1)",
    "term_share": "share of the family's occurrences (0-1)",
    "frame_share": "share of all sentences (0-1)",
    "lead_frame_share": "share of headline + lead sentences (0-1)",
}
_COLOR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
# Colours for sides a study does not list (Okabe-Ito, readable on white and for colour-blind readers).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#7F3C8D")


class StudyError(ValueError):
    """A study folder or one of its files is malformed (the message names the file)."""


@dataclass(frozen=True)
class Study:
    """One study: its folder, its files and the settings of ``study.yaml`` (see the module docstring)."""

    path: str
    name: str
    speakers: str
    lexicon: str
    codebook: str
    sides: tuple[str, ...] = ()
    colors: dict = field(default_factory=dict, hash=False, compare=False)
    measures: tuple[dict, ...] = ()
    key_families: tuple[str, ...] = ()
    gold: str = ""
    description: str = ""

    @property
    def has_sides(self) -> bool:
        """Whether the study assigns speakers to sides (the generic study does not)."""
        return bool(self.sides)

    @property
    def side_order(self) -> list[str]:
        """The sides in chart order, ``Unknown`` last."""
        return [*self.sides, UNKNOWN_SIDE]

    @property
    def side_colors(self) -> dict[str, str]:
        """Side -> colour, ``Unknown`` grey."""
        return {**self.colors, UNKNOWN_SIDE: UNKNOWN_COLOR}

    def gold_file(self, name: str) -> Path | None:
        """``gold/<name>.csv`` of the study, or None when it has none."""
        if not self.gold:
            return None
        path = Path(self.gold) / f"{name}.csv"
        return path if path.is_file() else None


def _part(folder: Path, spec: dict, key: str, default: Path) -> str:
    """The path of one study file: ``spec[key]`` relative to the folder, else ``default``."""
    value = spec.get(key)
    if value is None:
        return str(default)
    if not isinstance(value, str) or not value.strip():
        raise StudyError(f"{folder / 'study.yaml'}: '{key}' must be a file name, not {value!r}")
    path = (folder / value).resolve()
    if not path.exists():
        raise StudyError(f"{folder / 'study.yaml'}: '{key}' names {value}, which does not exist in {folder}")
    return str(path)


def _sides(source: Path, spec: dict) -> tuple[tuple[str, ...], dict]:
    """``sides:`` as a tuple of names and a name -> colour map."""
    names, colors = [], {}
    for item in spec.get("sides") or []:
        if not isinstance(item, dict) or not isinstance(item.get("side"), str) or not item["side"].strip():
            raise StudyError(f"{source}: each side needs a 'side' name, e.g. {{side: Democrats, color: '#1F77B4'}}; "
                             f"got {item!r}")
        name, color = item["side"].strip(), str(item.get("color", ""))
        if name == UNKNOWN_SIDE or name in names:
            raise StudyError(f"{source}: side {name!r} is listed twice or is the reserved name {UNKNOWN_SIDE!r}")
        if not _COLOR_RE.fullmatch(color):
            raise StudyError(f"{source}: side {name!r} needs a colour like '#1F77B4', not {color!r}")
        names.append(name)
        colors[name] = color
    return tuple(names), colors


def _measures(source: Path, spec: dict) -> tuple[dict, ...]:
    """``measures:`` checked: each has a name and a known kind with its fields."""
    needs = {"side_share": ("sides",), "term_share": ("family", "terms"), "frame_share": ("frame",),
             "lead_frame_share": ("frame",)}
    out = []
    for item in spec.get("measures") or []:
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in needs or not isinstance(item.get("measure"), str):
            raise StudyError(f"{source}: a measure needs 'measure' (its name) and 'kind' (one of "
                             f"{', '.join(needs)}); got {item!r}")
        missing = [k for k in needs[kind] if not item.get(k)]
        if missing:
            raise StudyError(f"{source}: measure {item['measure']!r} ({kind}) needs {', '.join(missing)}")
        out.append({**item, "unit": item.get("unit") or MEASURE_KINDS[kind]})
    return tuple(out)


def load_study(path: str | os.PathLike) -> Study:
    """Read a study folder (or its ``study.yaml``).

    Args:
        path: the folder, or the ``study.yaml`` in it.

    Returns:
        The :class:`Study`; files the YAML does not name default to ``speakers.csv``,
        ``loaded_terms.yaml``, ``frames.yaml`` and ``gold/`` in the folder, and, when absent
        there, to the generic study's.

    Raises:
        StudyError: naming the file, when the folder has no ``study.yaml``, a named file is
            missing, or a side, colour or measure is malformed.

    >>> load_study(config.GENERIC_STUDY).has_sides
    False
    """
    folder = Path(path).expanduser().resolve()
    if folder.is_file():
        folder = folder.parent
    source = folder / "study.yaml"
    if not source.is_file():
        raise StudyError(f"{folder}: not a study (no study.yaml in it); draft one with "
                         "'python -m helpers init-study CORPUS --out FOLDER'")
    speakers = folder / "speakers.csv"  # its sides are read too: an edited table is read again
    return _load_study(str(folder), source.stat().st_mtime_ns, speakers.stat().st_mtime_ns if speakers.exists() else 0)


def _speaker_sides(path: str) -> list[str]:
    """The sides used in a speaker table, in order of first use (empty cells and ``Unknown`` left out)."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise StudyError(f"{path}: cannot read the speaker table ({exc})") from None
    sides = [(row.get("side") or "").strip() for row in rows]
    return list(dict.fromkeys(s for s in sides if s and s != UNKNOWN_SIDE))


@lru_cache(maxsize=16)
def _load_study(where: str, mtime: int, speakers_mtime: int) -> Study:
    """:func:`load_study` for a folder known to hold ``study.yaml`` (cached until the file changes)."""
    folder = Path(where)
    source = folder / "study.yaml"
    try:
        spec = read_yaml(source) or {}
    except Exception as exc:  # a YAML syntax error: name the file
        raise StudyError(f"{source}: cannot be read as YAML ({exc})") from None
    if not isinstance(spec, dict):
        raise StudyError(f"{source}: expected a mapping of settings, found {type(spec).__name__}")
    own = lambda name: folder / name if (folder / name).exists() else config.GENERIC_STUDY / name  # noqa: E731
    sides, colors = _sides(source, spec)
    gold = folder / "gold"
    study = Study(
        path=str(folder), name=str(spec.get("name") or folder.name), description=str(spec.get("description") or ""),
        speakers=_part(folder, spec, "speakers", own("speakers.csv")),
        lexicon=_part(folder, spec, "lexicon", own("loaded_terms.yaml")),
        codebook=_part(folder, spec, "codebook", own("frames.yaml")),
        sides=sides, colors=colors, measures=_measures(source, spec),
        key_families=tuple(spec.get("key_families") or ()),
        gold=_part(folder, spec, "gold", gold) if spec.get("gold") or gold.is_dir() else "",
    )
    extra = [side for side in _speaker_sides(study.speakers) if side not in sides]
    if extra:  # sides filled in the table but not listed: after the listed ones, in table order
        palette = [c for c in PALETTE if c.lower() not in {v.lower() for v in colors.values()}] or list(PALETTE)
        colors = {**colors, **{side: palette[i % len(palette)] for i, side in enumerate(extra)}}
        study = replace(study, sides=(*sides, *extra), colors=colors)
    return study


def beside(data_dir: str | os.PathLike) -> Path | None:
    """The study kept beside a corpus: a ``study/`` folder or ``study.yaml`` in the corpus folder or its parent."""
    folder = Path(data_dir).expanduser().resolve()
    for place in (folder, folder.parent):
        for candidate in (place / "study", place):
            if (candidate / "study.yaml").is_file():
                return candidate
    return None


def choose_study(study: str | os.PathLike | Study | None = None, *, data_dir: str | os.PathLike | None = None) -> Study:
    """The study to use, first found of: ``study`` (a folder or a :class:`Study`); the ``STUDY``
    environment variable; a study beside the corpus (:func:`beside`); the shipped seed study
    (:data:`helpers.config.SEED_STUDY`) for the seed articles in ``data/raw``; the generic study.

    >>> choose_study(data_dir=config.RAW_DIR).path == str(config.SEED_STUDY.resolve())
    True
    """
    if isinstance(study, Study):
        return study
    chosen = study or os.environ.get("STUDY")
    if chosen:
        return load_study(chosen)
    folder = config.data_dir(data_dir)
    found = beside(folder)
    if found is not None:
        return load_study(found)
    if folder == config.RAW_DIR.resolve():
        return load_study(config.SEED_STUDY)
    return load_study(config.GENERIC_STUDY)
