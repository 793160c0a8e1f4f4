"""Reference lists the forms look things up in: districts, police stations and countries.

The lists are data, not code: districts are created and police stations opened by notification,
so a centre may drop its own ``districts.json`` / ``police_stations.json`` into its data folder
(see `set_override_dir`) without waiting for a new release. Lookups forgive the ways officers
actually type ("D.G. Khan", "rahim yar khan", "pk") and always answer with the canonical spelling,
so records stay searchable and reports add up.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from khidmat_desk.errors import KnownError
from khidmat_desk.paths import resource_path

log = logging.getLogger("khidmat.reference")

DISTRICTS_FILE = "districts.json"
POLICE_STATIONS_FILE = "police_stations.json"
COUNTRIES_FILE = "countries.json"

#: Arabic-keyboard letters that look like, and stand for, the Urdu ones.
_URDU_LOOKALIKES = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ"})
_NOT_A_LETTER = re.compile(r"[\W_]+")
#: Words officers put in front of a station's name that are not part of it.
_STATION_PREFIX = re.compile(r"^(?:police station|thana|p\.?\s?s\.?)\s+", re.IGNORECASE)

_override_dir: Path | None = None


class ReferenceDataError(KnownError, ValueError):
    """A reference list (shipped or a centre's replacement) cannot be read."""


@dataclass(frozen=True)
class District:
    name: str
    name_ur: str
    division: str


@dataclass(frozen=True)
class Country:
    code: str
    name: str


def _fold(text: str) -> str:
    """Case, spaces, dots and look-alike letters removed: the key typed variants share."""
    return _NOT_A_LETTER.sub("", text.translate(_URDU_LOOKALIKES).casefold())


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"{path}: not a readable list ({exc})") from exc


def _source(filename: str) -> Path:
    """The centre's replacement file when there is one, otherwise the shipped list."""
    if _override_dir is not None and (_override_dir / filename).is_file():
        return _override_dir / filename
    return resource_path("data", filename)


def data_file(filename: str) -> Path:
    """A data file under ``resources/data``, or the centre's replacement of it."""
    return _source(filename)


# ---------------------------------------------------------------------------------------------
# Districts
# ---------------------------------------------------------------------------------------------


def _parse_districts(path: Path) -> tuple[tuple[District, ...], dict[str, District]]:
    data = _read_json(path)
    rows = data.get("districts") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise ReferenceDataError(f"{path}: needs a non-empty 'districts' list")
    found: list[District] = []
    index: dict[str, District] = {}
    for row in rows:
        try:
            district = District(str(row["name"]), str(row["name_ur"]), str(row["division"]))
            aliases = [str(alias) for alias in row.get("aliases", ())]
        except (KeyError, TypeError, AttributeError) as exc:
            raise ReferenceDataError(f"{path}: each district needs name, name_ur and division "
                                     f"(problem at {row!r})") from exc
        found.append(district)
        for spelling in (district.name, district.name_ur, *aliases):
            index.setdefault(_fold(spelling), district)
    return tuple(found), index


@cache
def _district_table() -> tuple[tuple[District, ...], dict[str, District]]:
    return _parse_districts(_source(DISTRICTS_FILE))


def districts() -> tuple[District, ...]:
    """Every district, in the order of the list (division by division)."""
    return _district_table()[0]


def find_district(text: str) -> District | None:
    """The district meant by `text` (English, Urdu or a common abbreviation), if any."""
    key = _fold(text or "")
    return _district_table()[1].get(key) if key else None


# ---------------------------------------------------------------------------------------------
# Police stations
# ---------------------------------------------------------------------------------------------


def _parse_stations(path: Path) -> dict[str, tuple[str, ...]]:
    data = _read_json(path)
    if not isinstance(data, dict):
        raise ReferenceDataError(f"{path}: expected police stations listed by district")
    table: dict[str, tuple[str, ...]] = {}
    for district, names in data.items():
        if district.startswith("_"):
            continue  # _note, _source: provenance, not stations
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ReferenceDataError(f"{path}: stations of {district} must be a list of names")
        table[_fold(district)] = tuple(names)
    return table


@cache
def _station_table() -> dict[str, tuple[str, ...]]:
    return _parse_stations(_source(POLICE_STATIONS_FILE))


def police_stations(district: str) -> tuple[str, ...]:
    """Known stations of `district` (any spelling find_district accepts); () when none known."""
    found = find_district(district)
    key = _fold(found.name if found else district or "")
    return _station_table().get(key, ())


def _station_key(text: str) -> str:
    return _fold(_STATION_PREFIX.sub("", text.strip()))


@lru_cache(maxsize=64)
def _station_index(district: str) -> dict[str, str]:
    """Folded key -> canonical spelling of the district's stations (the first spelling wins)."""
    index: dict[str, str] = {}
    for station in police_stations(district):
        index.setdefault(_station_key(station), station)
    return index


def find_police_station(district: str, text: str) -> str | None:
    """The canonical spelling of a known station; None when the list does not have it."""
    wanted = _station_key(text or "")
    if not wanted:
        return None
    return _station_index(district).get(wanted)


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


@cache
def _country_table() -> tuple[tuple[Country, ...], dict[str, Country]]:
    path = resource_path("data", COUNTRIES_FILE)
    rows = _read_json(path).get("countries", [])
    found = tuple(Country(str(r["code"]).upper(), str(r["name"])) for r in rows)
    index: dict[str, Country] = {c.code.casefold(): c for c in found}
    for row, country in zip(rows, found, strict=True):
        for spelling in (country.name, *row.get("aliases", ())):
            index.setdefault(_fold(str(spelling)), country)
    return found, index


def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, ordered by code."""
    return _country_table()[0]


def find_country(text: str) -> Country | None:
    """The country named by its two-letter code or English name (any case)."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    index = _country_table()[1]
    return index.get(cleaned.casefold()) or index.get(_fold(cleaned))


# ---------------------------------------------------------------------------------------------
# A centre's own lists
# ---------------------------------------------------------------------------------------------


def set_override_dir(path: Path | None) -> None:
    """Use the centre's district/station lists in `path` (None: the shipped lists only).

    The replacement files are read at once, so a broken file is reported when the centre's
    settings are loaded rather than halfway through an application; on error nothing changes.
    """
    global _override_dir
    replaced = [path / name for name in (DISTRICTS_FILE, POLICE_STATIONS_FILE)
                if path is not None and (path / name).is_file()]
    for file in replaced:
        (_parse_districts if file.name == DISTRICTS_FILE else _parse_stations)(file)
    _override_dir = path
    _district_table.cache_clear()
    _station_table.cache_clear()
    _station_index.cache_clear()
    for file in replaced:
        log.info("shipped %s replaced by %s", file.name, file)
