"""Making one set of sample answers, field by field, the way validation will read them.

Choices (enums, yes/no, districts, countries) are decided first, so that `when` conditions can
be evaluated in declaration order as `validate_answers` does; only the fields that apply are
then filled. Rules hold by construction: date pairs are ordered and birth dates fall inside
the allowed ages (`dates.DateWindow`), a CNIC's last digit matches the gender, paired values
differ, and one of an `AtLeastOne` set is always answered.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from khidmat_desk.core import reference
from khidmat_desk.core.conditions import (
    holds,
    referenced_fields,
    resolve_date_bound,
    resolve_int_bound,
)
from khidmat_desk.core.fields import (
    AtLeastOne,
    Condition,
    Field,
    FieldType,
    Periods,
    Recent,
    Service,
)
from khidmat_desk.core.rules import luhn_digit
from khidmat_desk.core.samples import words
from khidmat_desk.core.samples.dates import Clock, DateWindow, rule_index
from khidmat_desk.core.samples.pattern import text_from_pattern
from khidmat_desk.core.samples.people import (
    Citizen,
    NamePool,
    Person,
    new_person,
    person_prefix,
    returning,
)
from khidmat_desk.core.samples.scope import Scope

#: Chance that an optional field is answered (officers skip many optional boxes).
OPTIONAL_ANSWERED = 0.6
#: Chance that an optional yes/no question is answered "yes".
OPTIONAL_YES = 0.2
_CHOICE_TYPES = frozenset({FieldType.ENUM, FieldType.MULTI_ENUM, FieldType.BOOLEAN,
                           FieldType.DISTRICT, FieldType.COUNTRY})
_OPTION_WEIGHTS = {
    "id_type": {"cnic": 86.0, "b-form": 4.0, "nicop": 4.0, "poc": 3.0, "foreign-passport": 3.0},
    "gender": {"male": 64.0, "female": 34.0, "transgender": 2.0},
    # a Punjab centre's citizens mostly live in Punjab
    "province": {"punjab": 85.0, "islamabad": 4.0, "khyber-pakhtunkhwa": 3.0, "sindh": 3.0,
                 "balochistan": 1.0, "azad-kashmir": 1.5, "gilgit-baltistan": 0.5,
                 "abroad": 2.0},
}
#: "Other" is picked less often than a named option, as at a real counter.
_OTHER_WEIGHT = 0.15


class Generator:
    def __init__(self, service: Service, rng: random.Random, clock: Clock, names: NamePool, *,
                 home_district: str | None, citizen: Citizen | None, as_typed: bool) -> None:
        self.service, self.rng, self.clock, self.names = service, rng, clock, names
        self.home_district, self.citizen, self.typed = home_district, citizen, as_typed
        self.primary = service.primary_prefix
        self.rules = rule_index(service)
        self.recent = _recent_rules(service)

    def run(self) -> dict[str, Any]:
        fields = _top_fields(self.service)
        answers = self._fill(fields, top=None, group=None)
        if self.typed:
            _type_dates(fields, answers, self.rng)
        return answers

    # -- deciding what to answer -----------------------------------------------------------

    def _fill(self, fields: tuple[Field, ...], top: dict[str, Any] | None,
              group: str | None) -> dict[str, Any]:
        scope, layout = Scope(fields, top, group), _layout(fields)
        for f in layout.choices:
            scope.choices[f.key] = self._choice(f, scope)
        answered = set(layout.always)
        answered.update(k for k in layout.optional if self.rng.random() < OPTIONAL_ANSWERED)
        applicable = self._applicable(scope, answered) if layout.conditional else set(
            layout.keys)
        if top is None:
            answered |= self._forced_by_rules(scope.choices, answered & applicable, applicable)
        scope.choices = {k: v for k, v in scope.choices.items()
                         if k in answered and k in applicable}
        wanted, values, tables = applicable & answered, scope.values, not self.typed
        # a police station is named with its district: none where the district is left out
        wanted -= {station for station, district in layout.stations if district not in wanted}
        for f in fields:
            if f.key in wanted:
                values[f.key] = self._value(f, scope)
            elif tables and f.type is FieldType.GROUP and f.key in applicable:
                values[f.key] = []  # validation stores a skipped table as no rows
        return values

    def _applicable(self, scope: Scope, answered: set[str]) -> set[str]:
        """Which fields apply, as `validate_answers` decides it: in declaration order, and a
        field that does not apply cannot switch others on. Repeated with only the answers
        that will be given, because the validator never sees the ones left out."""
        given, steering = answered, _layout(scope.fields).steering
        while True:
            applicable = self._applicable_once(scope, given)
            if not (given - applicable) & steering:  # nothing left out switches others
                return applicable
            given = given & applicable

    def _applicable_once(self, scope: Scope, given: set[str]) -> set[str]:
        # Values seen by later conditions: every answer given, less those found not to apply.
        layout, choices, top = _layout(scope.fields), scope.choices, scope.top
        seen = {k: choices.get(k, "answered") for k in layout.plain if k in given}
        applicable = set(layout.keys)
        for key, when in layout.conditions:  # a field without a condition always applies
            if not (holds(when, seen) if top is None else holds(when, top, seen)):
                seen.pop(key, None)
                applicable.discard(key)
        return applicable

    def _forced_by_rules(self, choices: dict[str, Any], answered: set[str],
                         applicable: set[str]) -> set[str]:
        """An `AtLeastOne` rule whose keys were all skipped gets one of them answered."""
        known = {k: v for k, v in choices.items() if k in answered}
        forced: set[str] = set()
        for rule in self.service.rules:
            if isinstance(rule, AtLeastOne) and holds(rule.when, known):
                candidates = [k for k in rule.keys if k in applicable]
                if candidates and not answered & set(rule.keys):
                    forced.add(candidates[0])
        return forced

    # -- choices ---------------------------------------------------------------------------

    def _choice(self, f: Field, scope: Scope) -> Any:
        if f.type is FieldType.BOOLEAN:
            return True if f.required else self.rng.random() < OPTIONAL_YES
        if f.type is FieldType.DISTRICT:
            if self.home_district and self.rng.random() < 0.55:
                return self.home_district
            return self.rng.choice(reference.districts()).name
        if f.type is FieldType.COUNTRY:
            country = reference.find_country(self.rng.choice(words.COUNTRIES))
            found = country or self.rng.choice(reference.countries())
            return found.name if self.typed and self.rng.random() < 0.3 else found.code
        options = _options(f)
        values = options.values
        if f.type is FieldType.MULTI_ENUM:
            picked = set(self.rng.sample(values, self.rng.randint(1, min(3, len(values)))))
            return [v for v in values if v in picked]
        return self._option(options, scope)

    def _option(self, options: _Options, scope: Scope) -> str:
        prefix, values = options.prefix, options.values
        citizen = self.citizen if scope.top is None and prefix == self.primary else None
        if citizen is not None and options.gender and citizen.gender in values:
            return citizen.gender
        if citizen is not None and options.id_type and "cnic" in values:
            return "cnic"
        if options.relation:
            return self._relation(scope.choices.get(f"{prefix}gender"))
        return self.rng.choices(values, options.chances)[0]

    def _relation(self, gender: Any) -> str:
        if gender == "female":
            return self.rng.choice(("d/o", "d/o", "w/o"))
        return self.rng.choice(("s/o", "d/o")) if gender == "transgender" else "s/o"

    def _person(self, scope: Scope, prefix: str) -> Person:
        if prefix not in scope.people:
            if scope.top is None and prefix == self.primary and self._citizen_fits(scope):
                assert self.citizen is not None  # checked by _citizen_fits
                scope.people[prefix] = returning(self.citizen)
            else:
                scope.people[prefix] = new_person(self.rng, self.names,
                                                  scope.choices.get(prefix + "gender"),
                                                  scope.choices.get(prefix + "relation"))
        return scope.people[prefix]

    def _citizen_fits(self, scope: Scope) -> bool:
        """A returning citizen is reused only where the service accepts them as they are:
        the gender asked for, and an age its rules allow."""
        citizen = self.citizen
        if citizen is None:
            return False
        gender = scope.choices.get(self.primary + "gender", citizen.gender)
        born = next((f for f in scope.fields if f.key == self.primary + "date_of_birth"), None)
        if born is not None:
            low, high = DateWindow(self.service, self.clock, self.primary, born, scope).dates()
            if not low <= date.fromisoformat(citizen.date_of_birth) <= high:
                return False
        return bool(gender == citizen.gender)

    # -- values ----------------------------------------------------------------------------

    def _value(self, f: Field, scope: Scope) -> Any:
        if f.key in scope.choices:
            return scope.choices[f.key]
        if f.type is FieldType.GROUP:
            return self._rows(f, scope)
        make = _MAKERS[f.type]
        value = make(self, f, scope)
        others = () if scope.top is not None else self.rules.different.get(f.key, ())
        for _ in range(20 if others else 0):
            if not self._clashes(others, value, scope):
                break
            value = make(self, f, scope)
        return self._recent_enough(f, value) if f.type is FieldType.DATE else value

    def _recent_enough(self, f: Field, value: Any) -> Any:
        """A date a `Recent` rule asks to be recent (a tenant registered within 48 hours of
        possession) is drawn from that window."""
        if f.type is not FieldType.DATE or not isinstance(value, str):
            return value
        for rule in self.recent.get(f.key, ()):
            since = resolve_date_bound(rule.since, self.clock.today)
            if since is not None and date.fromisoformat(value) < since:
                value = since.isoformat()
        return value

    @staticmethod
    def _clashes(others: tuple[str, ...], value: Any, scope: Scope) -> bool:
        """A `Different` rule pairs this key with one of `others` already answered the same
        way (rows of a table are not compared)."""
        return any(other in scope.values and _plain(scope.values[other]) == _plain(value)
                   for other in others)

    def _rows(self, f: Field, scope: Scope) -> list[dict[str, Any]]:
        least = max(f.min_items, 1)
        count = self.rng.randint(least, max(least, min(f.max_items, least + 2)))
        top = scope.values if scope.top is None else scope.top
        rows = [self._fill(f.fields, top=top, group=f.key) for _ in range(count)]
        rows = [row for row in rows if row]
        for rule in self.service.rules:
            if isinstance(rule, Periods) and rule.group == f.key:
                rows = _one_after_another(rows, rule.start, rule.end)
        return rows

    def _text(self, f: Field, scope: Scope) -> str:
        prefix = person_prefix(f.key)
        if prefix is not None and (f.searchable_name or f.key.endswith("guardian_name")):
            person = self._person(scope, prefix)
            candidate = person.guardian.en if f.key.endswith("guardian_name") else person.name.en
        else:
            candidate = self._phrase(f, scope)
        return self._fit(f, candidate)

    def _phrase(self, f: Field, scope: Scope) -> str:
        rng = self.rng
        kind, answers = _phrase_kind(f)
        if kind == "multiline":
            return " ".join(rng.sample(words.SENTENCES, rng.randint(1, 3)))
        if kind == "province":  # a district outside Punjab, typed in: the address's own town
            province = scope.lookup(str(f.province_field))
            towns = words.OUTSIDE_PUNJAB.get(str(province), ("Karachi", "Peshawar"))
            address = scope.lookup(f.key.rsplit("district_other", 1)[0] + "address")
            town = str(address or "").rsplit(", ", 1)[-1]
            return town if town in towns else rng.choice(towns)
        if kind == "address":
            return self._address(scope, f.key.rsplit("address", 1)[0])
        if kind == "description":
            return rng.choice(words.LOOKS if "accused" in (scope.group or "") else words.ITEMS)
        if kind == "imei":  # 14 digits and the Luhn check digit, as on a real handset
            body = "35" + "".join(rng.choice("0123456789") for _ in range(12))
            return body + luhn_digit(body)
        if kind == "words":
            return rng.choice(answers)
        if kind == "name":
            return new_person(rng, self.names, None, None).name.en
        if kind == "number":
            letters = "".join(rng.choice("ABCDEFGHKLMP") for _ in range(2))
            return f"{letters}-{rng.randint(10**5, 10**6 - 1)}"
        return rng.choice(words.SENTENCES)[:-1]

    def _address(self, scope: Scope, prefix: str) -> str:
        """A house in the district chosen for it; where the address names its province, a
        town of that province (or the country, abroad), so the text and the choices agree."""
        district, province = scope.lookup(prefix + "district"), scope.lookup(prefix + "province")
        house, street = self.rng.randint(1, 450), self.rng.randint(1, 40)
        if not district and province == "abroad":
            country = reference.find_country(str(scope.lookup(prefix + "country") or ""))
            return f"House {house}, Street {street}, {country.name if country else 'Dubai'}"
        if not district and province in words.OUTSIDE_PUNJAB:
            district = self.rng.choice(words.OUTSIDE_PUNJAB[str(province)])
        town = str(district or self.home_district or "Lahore")
        places = self.names.localities.get(town) or words.LOCALITIES
        return f"House {house}, Street {street}, {self.rng.choice(places)}, {town}"

    def _fit(self, f: Field, candidate: str) -> str:
        """Bend a realistic candidate to the declared length and pattern; failing that, make
        one up from the pattern itself."""
        text = candidate.strip() if f.multiline else " ".join(candidate.split())
        low, high = f.min_length or 1, f.effective_max_length() or 120
        while len(text) < low:
            text = f"{text} {self.rng.choice(words.LOCALITIES)}"
        text = text[:high].rstrip()
        if f.pattern and not re.fullmatch(f.pattern, text):
            text = text_from_pattern(f.pattern, self.rng, low, high)
        return text

    def _urdu(self, f: Field, scope: Scope) -> str:
        prefix, limit = person_prefix(f.key), f.effective_max_length() or 120
        if f.key.endswith("name_ur") and prefix is not None:
            person = self._person(scope, prefix)
            if person.name.ur:
                return person.name.ur[:limit]
        return " ".join(self.rng.sample(words.URDU_PHRASES, self.rng.randint(1, 2)))[:limit]

    def _cnic(self, f: Field, scope: Scope) -> str:
        prefix = person_prefix(f.key)
        person = self._person(scope, prefix) if prefix is not None else None
        if person is not None and person.citizen is not None:
            digits = person.citizen.cnic
        else:
            district = scope.lookup((prefix or "") + "permanent_district") or self.home_district
            area = self.rng.choice(words.CNIC_AREAS.get(str(district), words.OTHER_CNIC_AREAS))
            parity = {"male": "13579", "female": "24680"}.get(person.gender if person else "")
            last = self.rng.choice(parity or "0123456789")  # NADRA: odd men, even women
            digits = f"{area}{self.rng.randint(0, 9_999_999):07d}{last}"
        if self.typed and self.rng.random() < 0.85:
            return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"
        return digits

    def _mobile(self, f: Field, scope: Scope) -> str:
        prefix = person_prefix(f.key)
        person = self._person(scope, prefix) if prefix is not None else None
        if person is not None and person.citizen is not None:
            national = person.citizen.mobile[3:]
        else:
            code = self.rng.choice(words.MOBILE_PREFIXES)
            national = f"{code}{self.rng.randint(0, 9_999_999):07d}"
        if not self.typed:
            return f"+92{national}"
        style = self.rng.random()
        if style < 0.7:
            return f"0{national[:3]}-{national[3:]}"
        return f"0{national}" if style < 0.9 else f"+92 {national[:3]} {national[3:]}"

    def _email(self, f: Field, scope: Scope) -> str:
        prefix = person_prefix(f.key)
        person = (self._person(scope, prefix) if prefix is not None
                  else new_person(self.rng, self.names, None, None))
        local = ".".join(re.sub(r"[^a-z ]", "", person.name.en.lower()).split())
        return f"{local}{self.rng.randint(1, 99)}@{self.rng.choice(words.EMAIL_DOMAINS)}"

    def _date(self, f: Field, scope: Scope) -> str:
        prefix = person_prefix(f.key)
        if f.key.endswith("date_of_birth") and prefix is not None:
            citizen = self._person(scope, prefix).citizen
            if citizen is not None:
                return citizen.date_of_birth
        low, high = DateWindow(self.service, self.clock, self.primary, f, scope).dates()
        return (low + timedelta(days=self.rng.randint(0, max(0, (high - low).days)))).isoformat()

    def _datetime(self, f: Field, scope: Scope) -> str:
        low, high = DateWindow(self.service, self.clock, self.primary, f, scope).moments()
        minutes = max(0, int((high - low).total_seconds() // 60))
        moment = low + timedelta(minutes=self.rng.randint(0, minutes))
        sep = " " if self.typed and self.rng.random() < 0.5 else "T"
        return moment.strftime(f"%Y-%m-%d{sep}%H:%M")

    def _integer(self, f: Field, scope: Scope) -> int | str:
        today = self.clock.today
        low, high = resolve_int_bound(f.min, today), resolve_int_bound(f.max, today)
        parts, this_year = f.key.split("_"), self.clock.today.year
        if "year" in parts:
            high = high if high is not None else this_year
            low = max(low if low is not None else 1900, min(high, this_year - 30))
        elif "age" in parts:
            low, high = max(low or 0, 1), min(high if high is not None else 80, 80)
        low = low if low is not None else 1
        value = self.rng.randint(low, max(low, high if high is not None else low + 20))
        return str(value) if self.typed else value

    def _money(self, f: Field, scope: Scope) -> int | str:
        usual = (8_000, 150_000) if "rent" in f.key.split("_") else (500, 200_000)
        today = self.clock.today
        least, most = resolve_int_bound(f.min, today) or 0, resolve_int_bound(f.max, today)
        most = most if most is not None else 10**9
        low, high = max(least, usual[0]), min(most, usual[1])
        if low > high:
            low, high = least, min(most, least + usual[1])
        amount = min(high, max(low, round(self.rng.randint(low, high), -2)))
        if not self.typed:
            return amount
        style = self.rng.random()
        if style < 0.6:
            return str(amount)
        return f"{amount:,}" if style < 0.85 else f"Rs {amount:,}"

    def _police_station(self, f: Field, scope: Scope) -> str:
        district = scope.lookup(f.district_field)
        known = reference.police_stations(str(district)) if district else ()
        return self.rng.choice(known or words.STATIONS)

    def _plate(self, f: Field, scope: Scope) -> str:
        rng, style = self.rng, self.rng.random()
        if style < 0.35:  # Lahore's old city series
            return f"LE{rng.choice(words.PLATE_LETTERS)}-{rng.randint(1000, 9999)}"
        series = "".join(rng.choice(words.PLATE_LETTERS) for _ in range(3))
        gap = " " if self.typed and rng.random() < 0.3 else "-"
        number = rng.randint(100, 999) if style < 0.75 else rng.randint(1000, 9999)
        return f"{series}{gap}{number}"

    def _chassis(self, f: Field, scope: Scope) -> str:
        engine = "engine" in f"{f.key} {f.label}".lower()
        model = self.rng.choice(words.ENGINE_MODELS if engine else words.CHASSIS_MODELS)
        return f"{model}-{self.rng.randint(100_000, 9_999_999)}"

    def _fir(self, f: Field, scope: Scope) -> str:
        year = self.rng.randint(self.clock.today.year - 4, self.clock.today.year)
        return f"{self.rng.randint(1, 2500)}/{year}"

    def _passport(self, f: Field, scope: Scope) -> str:
        letters = "".join(self.rng.choice(words.PASSPORT_LETTERS) for _ in range(2))
        return f"{letters}{self.rng.randint(1_000_000, 9_999_999)}"


@dataclass(frozen=True)
class _Options:
    """A choice field's options and how one is picked, worked out once per field."""

    values: list[str]
    prefix: str | None  # the person the field is about (see `person_prefix`)
    gender: bool  # somebody's gender
    id_type: bool  # somebody's kind of identity document
    relation: bool  # s/o, d/o, w/o: follows the person's gender
    chances: list[float]  # of each value, for any other choice


_OPTIONS: dict[int, tuple[Field, _Options]] = {}


def _options(f: Field) -> _Options:
    found = _OPTIONS.get(id(f))
    if found is None or found[0] is not f:
        values, key = list(f.option_values()), f.key
        prefix = person_prefix(key)
        kind = next((k for k in _OPTION_WEIGHTS if key.endswith(k)), "")
        weights = _OPTION_WEIGHTS.get(kind, {})
        found = _OPTIONS[id(f)] = (f, _Options(
            values, prefix, key.endswith("gender"), key.endswith("id_type"),
            prefix is not None and {"s/o", "d/o", "w/o"} <= set(values),
            [weights.get(v, _OTHER_WEIGHT if v == "other" else 1.0) for v in values]))
    return found[1]


_RECENT: dict[int, tuple[Service, dict[str, tuple[Recent, ...]]]] = {}


def _recent_rules(service: Service) -> dict[str, tuple[Recent, ...]]:
    """The service's `Recent` rules by the date they ask to be recent."""
    found = _RECENT.get(id(service))
    if found is None or found[0] is not service:
        by_field: dict[str, tuple[Recent, ...]] = {}
        for rule in service.rules:
            if isinstance(rule, Recent):
                by_field[rule.field] = (*by_field.get(rule.field, ()), rule)
        found = _RECENT[id(service)] = (service, by_field)
    return found[1]


_PHRASES: dict[int, tuple[Field, tuple[str, tuple[str, ...]]]] = {}


def _phrase_kind(f: Field) -> tuple[str, tuple[str, ...]]:
    """Which kind of phrase a free-text field gets (from its key and label alone), and the
    answers to pick from where the kind has a list of its own."""
    found = _PHRASES.get(id(f))
    if found is None or found[0] is not f:
        found = _PHRASES[id(f)] = (f, _phrase_kind_of(f))
    return found[1]


def _phrase_kind_of(f: Field) -> tuple[str, tuple[str, ...]]:
    about = f"{f.key} {f.label}".lower()
    if f.multiline:
        return "multiline", ()
    if f.province_field:
        return "province", ()
    if any(w in about for w in ("address", "premises", "place")):
        return "address", ()
    if "description" in about:
        return "description", ()
    if f.key == "imei":
        return "imei", ()
    for keys, answers in words.BY_WORDS:
        if any(k in about for k in keys):
            return "words", answers
    if "name" in about:
        return "name", ()
    if "number" in about or "no." in about or f.key.endswith(("_no", "_ref")):
        return "number", ()
    return "sentence", ()


@dataclass(frozen=True)
class _Layout:
    """What a field list always needs, worked out once per list (samples are made by the
    hundred thousand)."""

    fields: tuple[Field, ...]
    keys: tuple[str, ...]
    choices: tuple[Field, ...]  # genders first: relations and names follow the gender
    always: frozenset[str]  # required, or yes/no (a blank yes/no is stored as "no")
    optional: tuple[str, ...]
    conditional: bool
    steering: frozenset[str]  # keys that conditions in this list look at
    plain: tuple[str, ...]  # keys of the fields that are not tables
    conditions: tuple[tuple[str, Condition], ...]  # (key, condition) of conditional fields
    stations: tuple[tuple[str, str], ...]  # (police station, its district) in this list


_LAYOUTS: dict[int, _Layout] = {}
_TOP: dict[int, tuple[Service, tuple[Field, ...]]] = {}


def _layout(fields: tuple[Field, ...]) -> _Layout:
    found = _LAYOUTS.get(id(fields))
    if found is None or found.fields is not fields:
        choices = [f for f in fields if f.type in _CHOICE_TYPES]
        always = {f.key for f in fields if f.required or f.type is FieldType.BOOLEAN}
        found = _LAYOUTS[id(fields)] = _Layout(
            fields, tuple(f.key for f in fields),
            tuple(sorted(choices, key=lambda f: not f.key.endswith("gender"))),
            frozenset(always), tuple(f.key for f in fields if f.key not in always),
            any(f.when is not None for f in fields),
            frozenset().union(*(referenced_fields(f.when) for f in fields)),
            tuple(f.key for f in fields if f.type is not FieldType.GROUP),
            tuple((f.key, f.when) for f in fields if f.when is not None),
            tuple((f.key, f.district_field) for f in fields
                  if f.type is FieldType.POLICE_STATION
                  and any(g.key == f.district_field for g in fields)))
    return found


def _top_fields(service: Service) -> tuple[Field, ...]:
    """The same tuple every time, so its layout is found again."""
    found = _TOP.get(id(service))
    if found is None or found[0] is not service:
        found = _TOP[id(service)] = (service, service.all_fields())
    return found[1]


def _plain(value: Any) -> str:
    return re.sub(r"[^0-9A-Za-z\u0600-\u06ff]", "", str(value)).upper()


def _type_dates(fields: tuple[Field, ...], answers: dict[str, Any], rng: random.Random) -> None:
    """Officers write dates day first (25/12/2023) about half the time."""
    for f in fields:
        value = answers.get(f.key)
        if f.type is FieldType.GROUP and value:
            for row in value:
                _type_dates(f.fields, row, rng)
        elif f.type is FieldType.DATE and value and rng.random() < 0.5:
            answers[f.key] = date.fromisoformat(value).strftime("%d/%m/%Y")


_MAKERS: dict[FieldType, Any] = {
    FieldType.TEXT: Generator._text,
    FieldType.URDU_TEXT: Generator._urdu,
    FieldType.CNIC: Generator._cnic,
    FieldType.MOBILE: Generator._mobile,
    FieldType.EMAIL: Generator._email,
    FieldType.DATE: Generator._date,
    FieldType.DATETIME: Generator._datetime,
    FieldType.INTEGER: Generator._integer,
    FieldType.MONEY: Generator._money,
    FieldType.POLICE_STATION: Generator._police_station,
    FieldType.PLATE: Generator._plate,
    FieldType.CHASSIS: Generator._chassis,
    FieldType.FIR: Generator._fir,
    FieldType.PASSPORT: Generator._passport,
}


def _one_after_another(rows: list[dict[str, Any]], start: str, end: str
                       ) -> list[dict[str, Any]]:
    """Periods (of residence, of stay) as people live them: one after another, covering the
    same span the rows were drawn over, so none overlaps another."""
    dated = [r for r in rows if isinstance(r.get(start), str) and isinstance(r.get(end), str)]
    if len(dated) < 2:
        return rows
    first = min(date.fromisoformat(r[start]) for r in dated)
    last = max(date.fromisoformat(r[end]) for r in dated)
    step = max((last - first).days // len(dated), 1)
    for n, row in enumerate(dated):
        begins = first + timedelta(days=n * step)
        ends = last if n == len(dated) - 1 else first + timedelta(days=(n + 1) * step)
        row[start], row[end] = begins.isoformat(), max(begins, ends).isoformat()
    return rows
