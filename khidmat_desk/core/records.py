"""What a saved application means beyond its answers: who it is for, and how it is found.

The search box takes one line — a tracking number, CNIC, mobile, plate or name — so the
classification of that line and the keys written for each application are defined together here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from khidmat_desk.core import validators
from khidmat_desk.core.fields import Field, FieldType, Service
from khidmat_desk.core.tracking import (
    TrackingNumber,
    looks_like_tracking_number,
    parse_tracking_number,
)
from khidmat_desk.errors import KnownError

#: Longest name phrase kept in the index: "muhammad imran khan" -> 3 phrases.
MAX_NAME_WORDS = 6

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_URDU_FOLD = str.maketrans({
    "\u064a": "\u06cc",  # Arabic yeh -> Farsi/Urdu yeh
    "\u0649": "\u06cc",  # alef maksura -> yeh
    "\u0643": "\u06a9",  # Arabic kaf -> keheh
    "\u0647": "\u06c1",  # Arabic heh -> heh goal
    "\u0629": "\u06c1",  # teh marbuta -> heh goal
    "\u06c0": "\u06c1",  # heh with yeh above -> heh goal
    "\u0623": "\u0627", "\u0625": "\u0627",  # hamza on alef -> alef
})
_NOT_WORD = re.compile(r"[^\w\s]+|_")


def normalize_name(text: str) -> str:
    """Case-, diacritic- and spelling-variant-insensitive form of a name, for searching."""
    if text.isascii():  # NFKC leaves ASCII as it is, and it holds no Arabic marks or letters
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        folded = _ARABIC_MARKS.sub("", folded).translate(_URDU_FOLD)
    folded = _NOT_WORD.sub(" ", folded.replace("'", "").replace("\u2019", ""))
    return " ".join(folded.split())


def name_phrases(text: str) -> list[str]:
    """Every tail of the name, so a prefix search finds it from any word on."""
    words = normalize_name(text).split()[:MAX_NAME_WORDS]
    return [" ".join(words[i:]) for i in range(len(words))]


@dataclass(frozen=True)
class ApplicantProfile:
    """The person an application is for, kept to prefill the next application by CNIC."""

    id_type: str
    id_number: str
    name: str
    name_ur: str | None
    mobile: str | None
    details: dict[str, Any] = field(default_factory=dict)


class SearchKind(StrEnum):
    """What a line typed into the search box is, and the kinds of the search index's keys."""

    TRACKING = "tracking"
    CNIC = "cnic"
    MOBILE = "mobile"
    PLATE = "plate"
    NAME = "name"


#: Field types whose answers are exact-match search keys.
_KEYED_TYPES = {FieldType.CNIC: SearchKind.CNIC, FieldType.MOBILE: SearchKind.MOBILE,
                FieldType.PLATE: SearchKind.PLATE}


#: Per field list (by identity): the fields that give search keys, with their kind (None for
#: a searchable name), and the tables, in declaration order.
_KEY_FIELDS: dict[int, tuple[tuple[Field, ...], tuple[tuple[Field, SearchKind | None], ...]]] = {}


def _key_fields(fields: tuple[Field, ...]) -> tuple[tuple[Field, SearchKind | None], ...]:
    found = _KEY_FIELDS.get(id(fields))
    if found is None or found[0] is not fields:
        found = _KEY_FIELDS[id(fields)] = (fields, tuple(
            (f, _KEYED_TYPES.get(f.type)) for f in fields
            if f.type in _KEYED_TYPES or f.searchable_name or f.type is FieldType.GROUP))
    return found[1]


def _keys_into(keys: dict[tuple[SearchKind, str], None], fields: tuple[Field, ...],
               answers: Mapping[str, Any]) -> None:
    for f, kind in _key_fields(fields):
        value = answers.get(f.key)
        if value is None:
            continue
        if f.type is FieldType.GROUP:
            for row in value:
                _keys_into(keys, f.fields, row)
        elif kind is not None:
            keys[(kind, value)] = None
        elif f.searchable_name and isinstance(value, str):
            for phrase in name_phrases(value):
                keys[(SearchKind.NAME, phrase)] = None


def search_keys(service: Service, answers: Mapping[str, Any]) -> list[tuple[SearchKind, str]]:
    """(kind, value) pairs written to the search index for one application's normalised answers
    (only the fields that can give one are looked at; the list is worked out once per service)."""
    keys: dict[tuple[SearchKind, str], None] = {}
    _keys_into(keys, service.all_fields(), answers)
    return list(keys)


def applicant_profile(service: Service, answers: Mapping[str, Any]) -> ApplicantProfile | None:
    """The primary person's identity and prefill details, or None when they gave no ID number."""
    id_type = answers.get(service.primary_id_type, "cnic")
    id_number = answers.get(service.primary_cnic) or answers.get(service.primary_foreign_id)
    name = answers.get(service.primary_name)
    if not id_number or not name:
        return None
    details = {profile: answers[key] for profile, key in service.profile_keys if key in answers}
    return ApplicantProfile(
        id_type=str(id_type), id_number=str(id_number), name=str(name),
        name_ur=answers.get(service.primary_name_ur),
        mobile=answers.get(service.primary_mobile), details=details,
    )


def display_name(service: Service, answers: Mapping[str, Any]) -> str:
    return str(answers.get(service.primary_name) or "")


def draft_name(service: Service, answers: Mapping[str, Any]) -> str:
    """Whom an unfinished application is about: its main person's name, or before that is
    typed the first person named so far (a tenant registration's landlord); "" for none."""
    for key in (service.primary_name, *_person_names(service)):
        value = answers.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _person_names(service: Service) -> tuple[str, ...]:
    """The name fields of the people a service asks about, in wizard order: a name whose
    person also has a CNIC or an identity document (not a guardian's name)."""
    keys = [f.key for f in service.all_fields()]
    known = set(keys)
    names = []
    for key in keys:
        if key == "name" or key.endswith("_name"):
            person = key[:-len("name")]
            if {person + "cnic", person + "id_type"} & known:
                names.append(key)
    return tuple(names)


def police_station(service: Service, answers: Mapping[str, Any]) -> str | None:
    """The first police station an application names, in its service's field order (where its
    verification goes), with its district: "Civil Lines (Lahore)", for five districts have a
    Civil Lines and four a Kotwali; None when it names none. Kept on the application row for
    the in-charge's open-work figures and the forwarding register (a station of at most 80
    characters and a district of the list fit the row's 120)."""
    for key, district_key in service.station_fields:
        value = answers.get(key)
        if isinstance(value, str) and value.strip():
            district = answers.get(district_key)
            if isinstance(district, str) and district.strip():
                return f"{value.strip()} ({district.strip()})"
            return value.strip()
    return None


@dataclass(frozen=True)
class Query:
    kind: SearchKind
    value: str
    tracking: TrackingNumber | None = None


class EmptyQueryError(KnownError, ValueError):
    bad_input = True

    def __str__(self) -> str:
        return ("type a tracking number, CNIC, mobile number, vehicle plate or at least two "
                "letters of a name")


def classify_query(text: str) -> Query:
    """Decide what one line typed (or scanned) into the search box is.

    Raises `TrackingNumberError` when the line is shaped like a tracking number but does not
    check out, so the officer is told the number was mistyped instead of "nothing found".
    """
    line = " ".join(str(text).split())
    if looks_like_tracking_number(line):
        number = parse_tracking_number(line)
        return Query(SearchKind.TRACKING, str(number), number)
    digits = re.sub(r"[\s-]", "", line)
    if digits.isdigit() and len(digits) == 13:
        cnic = validators.check_cnic(digits)
        if cnic.ok:
            return Query(SearchKind.CNIC, cnic.value)
    if re.fullmatch(r"[+\d][\d\s-]{8,}", line):
        mobile = validators.check_mobile(line)
        if mobile.ok:
            return Query(SearchKind.MOBILE, mobile.value)
    if re.search(r"\d", line) and re.search(r"[A-Za-z]", line):
        plate = validators.check_plate(line)
        if plate.ok:
            return Query(SearchKind.PLATE, plate.value)
    name = normalize_name(line)
    if len(name.replace(" ", "")) < 2:
        raise EmptyQueryError()
    return Query(SearchKind.NAME, name)
