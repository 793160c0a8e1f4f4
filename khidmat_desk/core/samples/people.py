"""The people in sample answers: names from ``names.json``, and citizens who come back."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from khidmat_desk.core.samples import words
from khidmat_desk.paths import resource_path

_FEMALE_RELATIVES = frozenset({"mother", "sister", "daughter", "wife"})
_PERSON_SUFFIXES = ("guardian_name", "date_of_birth", "foreign_id", "name_ur", "id_type",
                    "relation", "gender", "mobile", "email", "cnic", "name")


@dataclass(frozen=True)
class Name:
    en: str
    ur: str


@dataclass(frozen=True)
class NamePool:
    """Given names (Urdu spellings matching), family names and neighbourhoods by district."""

    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]
    localities: Mapping[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> NamePool:
        """The shipped ``resources/data/names.json``, read once."""
        return _load_pool()


@cache
def _load_pool() -> NamePool:
    data = json.loads(resource_path("data", "names.json").read_text("utf-8"))

    def names(key: str) -> tuple[Name, ...]:
        return tuple(Name(item["en"], item["ur"]) for item in data[key])

    localities = {k: tuple(v) for k, v in data["localities"].items()}
    return NamePool(names("male_given"), names("female_given"), names("family"), localities)


@dataclass(frozen=True)
class Citizen:
    """A person who comes back: same name, CNIC (13 digits), mobile (+92...), birth date (ISO)."""

    name: str
    name_ur: str
    gender: str
    guardian_name: str
    cnic: str
    mobile: str
    date_of_birth: str


@dataclass(frozen=True)
class Person:
    """One person inside a set of answers: every field with the same prefix describes them."""

    gender: str
    name: Name
    guardian: Name
    citizen: Citizen | None = None


def new_person(rng: random.Random, pool: NamePool, gender: object, relation: object) -> Person:
    """A person of the chosen gender (or, with none, the gender a relation implies), whose
    father's or husband's name shares their family name."""
    if gender not in ("male", "female", "transgender"):
        gender = "female" if relation in _FEMALE_RELATIVES else "male"
    given = pool.female if gender == "female" else pool.male
    if gender == "transgender":
        given = rng.choice((pool.female, pool.male))
    family = rng.choice(pool.family)
    return Person(str(gender), _join(rng.choice(given), family),
                  _join(rng.choice(pool.male), family))


def random_citizen(rng: random.Random, pool: NamePool, *, today: date,
                   home_district: str | None = None, ages: tuple[int, int] = (18, 65)) -> Citizen:
    """A new person, adult on `today`, with a Punjab CNIC whose last digit fits the gender."""
    gender = rng.choices(("male", "female"), (64, 34))[0]
    person = new_person(rng, pool, gender, None)
    area = rng.choice(words.CNIC_AREAS.get(home_district or "", words.OTHER_CNIC_AREAS))
    last = rng.choice("13579" if gender == "male" else "24680")
    cnic = f"{area}{rng.randint(0, 9_999_999):07d}{last}"
    mobile = f"+92{rng.choice(words.MOBILE_PREFIXES)}{rng.randint(0, 9_999_999):07d}"
    age = rng.randint(*ages)
    born = date(today.year - age, 1, 1) - timedelta(days=rng.randint(1, 364))
    return Citizen(person.name.en, person.name.ur, gender, person.guardian.en, cnic, mobile,
                   born.isoformat())


def returning(citizen: Citizen) -> Person:
    return Person(citizen.gender, Name(citizen.name, citizen.name_ur),
                  Name(citizen.guardian_name, ""), citizen)


def citizen_from(answers: Mapping[str, object], prefix: str) -> Citizen | None:
    """The person whose keys start with `prefix`, when every identifying answer is there."""
    keys = ("name", "gender", "guardian_name", "cnic", "mobile", "date_of_birth")
    values = [answers.get(prefix + key) for key in keys]
    if not all(isinstance(v, str) and v for v in values):
        return None
    name, gender, guardian, cnic, mobile, born = (str(v) for v in values)
    return Citizen(name, str(answers.get(prefix + "name_ur") or ""), gender, guardian,
                   re.sub(r"\D", "", cnic), "+92" + re.sub(r"\D", "", mobile)[-10:],
                   _iso_date(born))


@cache
def person_prefix(key: str) -> str | None:
    """``landlord_cnic`` -> ``landlord_``; ``guardian_name`` -> ``""``; None if not a person's."""
    for suffix in _PERSON_SUFFIXES:
        if key == suffix:
            return ""
        if key.endswith("_" + suffix):
            return key[: -len(suffix)]
    return None


def _join(given: Name, family: Name) -> Name:
    if given.en.split()[-1] == family.en:
        return given
    return Name(f"{given.en} {family.en}", f"{given.ur} {family.ur}")


def _iso_date(text: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    day, month, year = re.split(r"[/.-]", text)
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
