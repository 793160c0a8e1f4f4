"""The declarative vocabulary every service module is written in.

A service is data: steps of fields, conditions that switch fields on and off, and cross-field
rules. The wizard, the CLI, the JSON export, the demo generator and the GUI all read the same
declarations, so a rule can never live only in a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeAlias

from khidmat_desk.core.issues import IssueLevel


class FieldType(StrEnum):
    TEXT = "text"
    URDU_TEXT = "urdu_text"
    CNIC = "cnic"
    MOBILE = "mobile"
    EMAIL = "email"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    MULTI_ENUM = "multi_enum"
    INTEGER = "integer"
    MONEY = "money"
    DISTRICT = "district"
    POLICE_STATION = "police_station"
    COUNTRY = "country"
    PLATE = "plate"
    CHASSIS = "chassis"
    FIR = "fir"
    PASSPORT = "passport"
    BOOLEAN = "boolean"
    GROUP = "group"


#: Default longest accepted input per type, so nothing unbounded reaches the database.
DEFAULT_MAX_LENGTH: dict[FieldType, int] = {
    FieldType.TEXT: 120,
    FieldType.URDU_TEXT: 120,
    FieldType.EMAIL: 254,
    FieldType.POLICE_STATION: 80,
    FieldType.PASSPORT: 20,
}
#: Longest narrative (multi-line text) accepted.
NARRATIVE_MAX_LENGTH = 4000


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    label_ur: str = ""


# ---------------------------------------------------------------------------------------------
# Conditions: when a field (or step) applies. Serialisable, so other tools can evaluate them.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """`field` compared with `value` using `op`.

    ops: ``eq``, ``ne``, ``in``, ``not_in``, ``contains`` (a multi_enum holds value),
    ``contains_any`` (a multi_enum holds any of value), ``truthy``, ``falsy``.
    Inside a group item, `field` names a sibling in the same item first, then a top-level field.
    """

    field: str
    op: str = "eq"
    value: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "op": self.op}
        if self.op not in ("truthy", "falsy"):
            out["value"] = list(self.value) if isinstance(self.value, tuple) else self.value
        return out


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Condition, ...]

    def to_json(self) -> dict[str, Any]:
        return {"all": [c.to_json() for c in self.conditions]}


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]

    def to_json(self) -> dict[str, Any]:
        return {"any": [c.to_json() for c in self.conditions]}


Condition: TypeAlias = When | AllOf | AnyOf


def is_true(key: str) -> When:
    return When(key, "truthy")


def is_blank(key: str) -> When:
    """The answer is not given (an optional date left empty, a box not ticked)."""
    return When(key, "falsy")


def equals(key: str, value: Any) -> When:
    return When(key, "eq", value)


def one_of(key: str, *values: Any) -> When:
    return When(key, "in", tuple(values))


def not_in(key: str, *values: Any) -> When:
    return When(key, "not_in", tuple(values))


def has(key: str, *values: Any) -> When:
    """A multi_enum field holds any of `values`."""
    return When(key, "contains_any", tuple(values))


# ---------------------------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------------------------

#: Date bounds are ISO dates or tokens relative to today: ``today``, ``today-120y``,
#: ``today+30d``, ``today-6m``. They are resolved at validation time.
DateBound: TypeAlias = str


@dataclass(frozen=True, kw_only=True)
class Field:
    key: str
    type: FieldType
    label: str
    label_ur: str = ""
    required: bool = True
    help: str = ""
    options: tuple[Option, ...] = ()
    min: int | DateBound | None = None
    max: int | DateBound | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    multiline: bool = False
    fields: tuple[Field, ...] = ()  # group members
    min_items: int = 0
    max_items: int = 20
    when: Condition | None = None
    #: This field holds a person's name that the search box should find (prefix, any word).
    searchable_name: bool = False
    #: Key in the applicant profile this field reads from / writes to (prefill by CNIC).
    profile: str | None = None
    #: The answer is confidential (e.g. a survivor's details): masked in lists and exports.
    confidential: bool = False
    #: A police station's: the key of the district field whose stations it lists.
    district_field: str = ""
    #: A CNIC's: the key of the field saying which card was shown (CNIC, B-Form, NICOP).
    id_type_field: str = ""
    #: A relation's ("son of", "wife of"): the key of the guardian's name it is read with.
    guardian_field: str = ""
    #: A district typed in (outside Punjab): the key of the province field it belongs to.
    province_field: str = ""
    #: An address's part: the key of the same part of another address on the page that it is
    #: often the same as (the permanent address's present one); the form copies them in one go.
    same_as: str = ""

    def effective_max_length(self) -> int | None:
        if self.max_length is not None:
            return self.max_length
        if self.type in (FieldType.TEXT, FieldType.URDU_TEXT) and self.multiline:
            return NARRATIVE_MAX_LENGTH
        return DEFAULT_MAX_LENGTH.get(self.type)

    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)


def text(key: str, label: str, label_ur: str = "", **kw: Any) -> Field:
    return Field(key=key, type=FieldType.TEXT, label=label, label_ur=label_ur, **kw)


def enum(key: str, label: str, label_ur: str, options: tuple[Option, ...], **kw: Any) -> Field:
    return Field(key=key, type=FieldType.ENUM, label=label, label_ur=label_ur, options=options,
                 **kw)


def options(*triples: tuple[str, str, str]) -> tuple[Option, ...]:
    """``options(("cnic", "CNIC", "شناختی کارڈ"), ...)``"""
    return tuple(Option(v, en, ur) for v, en, ur in triples)


# ---------------------------------------------------------------------------------------------
# Cross-field rules
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateOrder:
    """`end` must not be before `start` (or must be strictly after when `strict`).

    With `group`, the rule applies inside every item of that group.
    """

    start: str
    end: str
    group: str | None = None
    strict: bool = False
    when: Condition | None = None


@dataclass(frozen=True)
class AgeRange:
    """The person born on `dob` must be at least `min_years` (and at most `max_years`) old today."""

    dob: str
    min_years: int | None = None
    max_years: int | None = None
    when: Condition | None = None
    reason: str = ""


@dataclass(frozen=True)
class CnicGender:
    """Warn when the last CNIC digit (odd male, even female) disagrees with the chosen gender."""

    cnic: str
    gender: str
    group: str | None = None


@dataclass(frozen=True)
class Different:
    """Two fields must not hold the same value (e.g. landlord and tenant CNIC)."""

    first: str
    second: str
    level: IssueLevel = IssueLevel.WARNING
    message: str = ""


@dataclass(frozen=True)
class AtLeastOne:
    """At least one of `keys` must be answered."""

    keys: tuple[str, ...]
    message: str = ""
    when: Condition | None = None


@dataclass(frozen=True)
class DateWithin:
    """`field` must lie within `days` days of `other` (before or after, per `direction`)."""

    field: str
    other: str
    min_days: int | None = None
    max_days: int | None = None
    message: str = ""
    when: Condition | None = None


@dataclass(frozen=True)
class Periods:
    """Rows of `group` running from `start` to `end` (periods of residence or stay): a period
    that starts before the person born on `dob` was born, and two periods that overlap, are
    pointed out (a warning by default: the officer checks with the citizen)."""

    group: str
    start: str = "from"
    end: str = "to"
    dob: str | None = "date_of_birth"
    level: IssueLevel = IssueLevel.WARNING


@dataclass(frozen=True)
class CheckDigit:
    """`field` (in every row of `group`, if given) must end in a valid check digit by `scheme`
    ("luhn": IMEI numbers, so a mistyped digit is caught before the police search for it)."""

    field: str
    group: str | None = None
    scheme: str = "luhn"


@dataclass(frozen=True)
class Recent:
    """The date in `field` must not be before `since` (a date bound such as ``today-6m``):
    a learner permit still valid, a tenant registered within the days the law gives."""

    field: str
    since: DateBound
    message: str
    level: IssueLevel = IssueLevel.ERROR
    when: Condition | None = None


Rule: TypeAlias = (DateOrder | AgeRange | CnicGender | Different | AtLeastOne | DateWithin
                   | Periods | CheckDigit | Recent)


# ---------------------------------------------------------------------------------------------
# Steps, documents, fees, outputs, services
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Step:
    key: str
    title: str
    title_ur: str = ""
    fields: tuple[Field, ...]
    when: Condition | None = None


@dataclass(frozen=True)
class DocumentRequirement:
    key: str
    label: str
    label_ur: str = ""
    required: bool = True
    when: Condition | None = None


@dataclass(frozen=True)
class FeeRule:
    """How the fee is found in the tariff.

    `key` names a tariff entry (left empty, the service's code). When `by` names an enum
    field, the entry is looked up as ``key/<value>``; when `per` names a multi_enum field,
    one ``key/<value>`` is charged per chosen value. Missing entries fall back to ``key``.
    """

    key: str = ""
    by: str | None = None
    per: str | None = None


@dataclass(frozen=True)
class OutputDocument:
    key: str
    title: str
    title_ur: str = ""
    kind: str = "slip"  # receipt | certificate | report | slip | letter | record
    #: The document prints the person's photograph (taken at the counter or from a file).
    photo: bool = False


#: The holder keys a service names (``Service.primary_<part>``).
HOLDER_PARTS = ("cnic", "id_type", "foreign_id", "name", "name_ur", "mobile")


def person_key(person: str, part: str) -> str:
    """The key of one detail of a person: ``name`` for the applicant (``person`` empty),
    ``tenant_name`` for the tenant. `person_fields` and the holder keys follow it."""
    return f"{person}_{part}" if person else part


@dataclass(frozen=True, kw_only=True)
class Service:
    code: str
    title: str
    title_ur: str
    short_title: str
    group: str  # launcher group: verification | registration | reports | licensing | welfare
    description: str
    steps: tuple[Step, ...]
    rules: tuple[Rule, ...] = ()
    documents: tuple[DocumentRequirement, ...] = ()
    #: The tariff entry (by default the one named by the service's code).
    fee: FeeRule = FeeRule()
    #: The processing-time entry (by default the service's code).
    sla_key: str = ""
    outputs: tuple[OutputDocument, ...] = ()
    shortcut: str = ""  # e.g. "Ctrl+1"
    #: The main person, as `person_fields` names a person's keys: "" for the applicant's own
    #: (``cnic``, ``name``...), "tenant" for ``tenant_cnic``, ``tenant_name``...
    primary_person: str = ""
    #: Field keys identifying the main person (prefill profile, search index, the holder on
    #: printed documents): CNIC, the kind of card shown, a passport or Proof-of-Registration
    #: number instead of a CNIC, name, name in Urdu, mobile. Left empty, each is the
    #: `primary_person`'s key of that name.
    primary_cnic: str = ""
    primary_id_type: str = ""
    primary_foreign_id: str = ""
    primary_name: str = ""
    primary_name_ur: str = ""
    primary_mobile: str = ""
    example: dict[str, Any] = field(default_factory=dict)
    #: What is recorded when the document the citizen came for is handed over (e.g. who
    #: attested the FIR copy); kept in the answers under "handover".
    handover: Step | None = None

    def __post_init__(self) -> None:
        if not self.fee.key:
            object.__setattr__(self, "fee", replace(self.fee, key=self.code))
        if not self.sla_key:
            object.__setattr__(self, "sla_key", self.code)
        for part in HOLDER_PARTS:
            if not getattr(self, f"primary_{part}"):
                object.__setattr__(self, f"primary_{part}", person_key(self.primary_person, part))

    @property
    def primary_prefix(self) -> str:
        """What the main person's keys start with ("" or e.g. "tenant_")."""
        return person_key(self.primary_person, "")

    def all_fields(self) -> tuple[Field, ...]:
        return self._all_fields

    @cached_property
    def _all_fields(self) -> tuple[Field, ...]:
        """Worked out once: every save and every check asks for it (steps never change)."""
        return tuple(f for step in self.steps for f in step.fields)

    @cached_property
    def fields_by_key(self) -> Mapping[str, Field]:
        """`field_map`, made once and read-only."""
        return MappingProxyType(self.field_map())

    @cached_property
    def profile_keys(self) -> tuple[tuple[str, str], ...]:
        """(profile detail, field key) of each field kept on the person's profile, in order."""
        return tuple((f.profile, f.key) for f in self.all_fields() if f.profile)

    @cached_property
    def station_keys(self) -> tuple[str, ...]:
        """The police-station fields, in the order the wizard asks them."""
        return tuple(key for key, _ in self.station_fields)

    @cached_property
    def station_fields(self) -> tuple[tuple[str, str], ...]:
        """Each police-station field with the district field it names, in wizard order."""
        return tuple((f.key, f.district_field) for f in self.all_fields()
                     if f.type == FieldType.POLICE_STATION)

    @cached_property
    def document_labels(self) -> Mapping[str, str]:
        """Document key -> label, in checklist order."""
        return MappingProxyType({d.key: d.label for d in self.documents})

    def field_map(self) -> dict[str, Field]:
        return {f.key: f for f in self.all_fields()}

    def step_of(self, key: str) -> Step:
        for step in self.steps:
            if any(f.key == key for f in step.fields):
                return step
        raise KeyError(key)
