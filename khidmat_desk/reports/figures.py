"""The day summary as plain frozen values: what the dashboard, the PDF, XLSX and CSV show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from khidmat_desk.core.shifts import Period


@dataclass(slots=True)  # thousands per summary: plain slots build several times faster
class ApplicationLine:
    """One application taken in the period (a CSV row)."""

    tracking_number: str
    uuid: str
    service_code: str
    service: str
    category: str
    status: str
    name: str
    counter: int
    officer: str
    created_at: datetime
    fee_total: int
    paid: int
    method: str  # "" when nothing was paid
    received_by: str
    expected_on: date


@dataclass(frozen=True)
class Tally:
    """A row of a breakdown: how many applications and how much was paid for them."""

    key: str
    label: str
    applications: int
    fees: int
    label_ur: str = ""  # what the Urdu counter shows; "" shows ``label``


@dataclass(frozen=True)
class OfficerCash:
    """What one officer took in the period and should hand over in cash."""

    officer: str
    full_name: str
    applications: int
    paid_by_method: dict[str, int]
    cash_received: int
    cash_refunded: int

    @property
    def cash_expected(self) -> int:
        return self.cash_received - self.cash_refunded


@dataclass(frozen=True)
class VoidLine:
    tracking_number: str
    service: str
    by: str
    at: datetime
    reason: str
    refund: int
    method: str
    paid_to: str  # the officer who took the payment (whose drawer refunds it)


@dataclass(frozen=True)
class ReprintLine:
    tracking_number: str
    document: str
    copy_no: int
    by: str
    at: datetime
    reason: str


@dataclass(slots=True)  # thousands per summary: plain slots build several times faster
class OpenLine:
    """An application not yet ready (pending), or ready but not collected."""

    tracking_number: str
    service: str
    name: str
    status: str
    police_station: str
    created_at: datetime
    expected_on: date
    since: datetime | None = None  # when it became ready (uncollected list)

    def days_over(self, as_of: date) -> int:
        return (as_of - self.expected_on).days


@dataclass(frozen=True)
class StationLoad:
    police_station: str
    pending: int
    overdue: int


@dataclass(frozen=True)
class DraftLine:
    user: str
    service: str
    updated_at: datetime


@dataclass(frozen=True)
class LateLine:
    tracking_number: str
    kind: str
    version: int
    closed_period: str
    made_at: datetime
    noted_at: datetime
    what: str


@dataclass(frozen=True)
class CloseFigures:
    """The close of a day or a shift as stored (its state may be reopened): in the day
    report, the close dialog, the list of closes and what a reopen answers."""

    day: date
    shift: str  # "" for the whole day
    state: str
    version: int
    closed_by: str
    closed_at: datetime
    cash_expected: int
    cash_counted: int
    digest: str
    explanation: str
    deposit_ref: str
    officers: tuple[tuple[str, int, int | None], ...]  # (officer, expected, counted)
    reopened_by: str  # "" while it stays closed
    reopen_reason: str

    @property
    def difference(self) -> int:
        return self.cash_counted - self.cash_expected


@dataclass(frozen=True)
class DaySummary:
    centre_code: str
    centre_name: str
    period: Period
    generated_at: datetime
    as_of: date  # open work (pending, overdue, uncollected) as it stands on this centre date
    applications: tuple[ApplicationLine, ...]
    by_category: tuple[Tally, ...]
    by_service: tuple[Tally, ...]
    by_officer: tuple[OfficerCash, ...]
    by_hour: tuple[int, ...]  # 24 counts, centre time, index = hour
    paid_by_method: dict[str, int]
    refunded_by_method: dict[str, int]
    voids: tuple[VoidLine, ...]
    reprints: tuple[ReprintLine, ...]
    pending_by_station: tuple[StationLoad, ...]
    overdue: tuple[OpenLine, ...]
    uncollected: tuple[OpenLine, ...]
    drafts: tuple[DraftLine, ...]
    late: tuple[LateLine, ...]
    versions: int
    digest: str  # "" when only counted (the dashboard)
    by_status: dict[str, int] = field(default_factory=dict)
    close: CloseFigures | None = None
    uncollected_total: int = 0  # ``uncollected`` lists only the longest waiting

    @property
    def is_closed(self) -> bool:
        """Whether the period stands closed (not reopened)."""
        return self.close is not None and self.close.state == "closed"

    @property
    def total_applications(self) -> int:
        return len(self.applications)

    @property
    def paid_total(self) -> int:
        return sum(self.paid_by_method.values())

    @property
    def refunded_total(self) -> int:
        return sum(self.refunded_by_method.values())

    @property
    def cash_expected(self) -> int:
        return self.paid_by_method.get("cash", 0) - self.refunded_by_method.get("cash", 0)

    @property
    def pending_total(self) -> int:
        return sum(s.pending for s in self.pending_by_station)
