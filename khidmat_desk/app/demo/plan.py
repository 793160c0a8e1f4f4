"""When demo applications arrive, which services they ask for, and what happens to them next.

Pure functions of a seeded `random.Random`: the same seed gives the same centre. The shape
follows real centres: fewer visitors on Saturday and fewer still on Sunday, morning and
afternoon peaks between 08:00 and 20:00, police verification and character certificates
about seventy percent of the work, and each application moving on along the workflow as the
days pass (today's still open, older ones mostly delivered).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from khidmat_desk.core import workflow

#: Share of each service at a large centre (PKM figures for 2024, rounded).
SERVICE_MIX: dict[str, float] = {
    "police-verification": 45.0, "character-certificate": 25.0, "tenant-registration": 9.0,
    "medico-legal": 6.0, "protection-assistance": 4.0, "fir-copy": 4.0, "lost-report": 3.0,
    "vehicle-verification": 1.5, "crime-report": 0.8, "employee-verification": 0.6,
    "employee-registration": 0.5, "driving-licence": 0.4, "community-policing": 0.3,
    "arms-licence": 0.2, "women-violence-report": 0.2,
}
#: Visitors by weekday, Monday first; Sunday is the weekly holiday.
WEEKDAY_WEIGHT = (1.0, 1.0, 1.0, 1.0, 0.9, 0.7, 0.35)
#: Arrivals by hour of the day, 08:00 to 19:00 (the doors close at 20:00).
HOUR_WEIGHT = (0.5, 0.9, 1.2, 1.3, 1.1, 0.8, 1.1, 1.1, 0.9, 0.7, 0.5, 0.3)
OPENING_HOUR = 8
#: How often things do not go the straight way.
VOID_SHARE, REJECT_SHARE, UNCOLLECTED_SHARE = 0.012, 0.04, 0.08
#: Rejected applications whose letter nobody has come for yet.
REJECTED_LEFT = 0.4
VOID_REASONS = ("Entered twice by mistake", "Citizen withdrew the application",
                "Wrong service selected; a new application was made")
REJECT_REASONS = ("Criminal record found in the district records",
                  "Address could not be verified; citizen informed",
                  "Documents incomplete; citizen informed")


@dataclass(frozen=True)
class StatusEvent:
    """One status change after submission, at a centre-local moment."""

    at: datetime
    to: str
    by_in_charge: bool
    reason: str | None = None


def day_counts(total: int, days: list[date], last_day_share: float) -> list[int]:
    """Split `total` over `days` by weekday (largest remainders, so the sum is exact); the last
    day (today) counts only the part of it already gone."""
    weights = [WEEKDAY_WEIGHT[d.weekday()] for d in days]
    weights[-1] *= last_day_share
    if sum(weights) == 0:
        weights[-1] = 1.0
    exact = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(days)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def opening_window(day: date, now_local: datetime) -> tuple[datetime, datetime]:
    """The part of a day's opening hours (08:00-20:00) that has already happened."""
    start = datetime.combine(day, time(OPENING_HOUR))
    end = min(start + timedelta(hours=len(HOUR_WEIGHT)), now_local)
    if end <= start:  # before opening today: the night shift's last hours
        start = max(datetime.combine(day, time.min), end - timedelta(hours=2))
    return start, max(start, end)


def arrivals(rng: random.Random, count: int, window: tuple[datetime, datetime]) -> list[datetime]:
    """`count` sorted arrival moments inside `window`, busiest late morning and afternoon."""
    start, end = window
    span = (end - start).total_seconds()
    if span <= 0:
        return [start] * count
    hours = [h for h in range(len(HOUR_WEIGHT))
             if start + timedelta(hours=h) < end] or [0]
    picked: list[datetime] = []
    for hour in rng.choices(hours, [HOUR_WEIGHT[h] for h in hours], k=count):
        offset = hour * 3600 + rng.random() * 3600
        picked.append(start + timedelta(seconds=min(offset, span - 1e-3)))
    return sorted(picked)


def pick_services(rng: random.Random, count: int) -> list[str]:
    codes = list(SERVICE_MIX)
    return rng.choices(codes, [SERVICE_MIX[c] for c in codes], k=count)


def status_events(rng: random.Random, submitted: datetime, sla: int,
                  expected_on: date, now_local: datetime) -> list[StatusEvent]:
    """What has happened to one application since it was submitted, up to `now_local`."""
    return [e for e in _whole_story(rng, submitted, sla, expected_on) if e.at <= now_local]


def _whole_story(rng: random.Random, submitted: datetime, sla: int,
                 expected_on: date) -> Iterator[StatusEvent]:
    if rng.random() < VOID_SHARE:
        yield StatusEvent(submitted + timedelta(minutes=rng.randint(5, 120)), workflow.VOIDED,
                          True, rng.choice(VOID_REASONS))
        return
    checked = submitted + timedelta(minutes=rng.randint(10, 180))
    yield StatusEvent(checked, workflow.IN_VERIFICATION, False)
    if sla <= 0:  # settled while the citizen waits
        decided = checked + timedelta(minutes=rng.randint(15, 90))
        ready = decided + timedelta(minutes=rng.randint(2, 20))
        delivered = ready + timedelta(minutes=rng.randint(1, 30))
    else:
        decided = max(checked, _during_hours(rng, expected_on - timedelta(days=rng.randint(0, 1))))
        ready = max(decided, _during_hours(rng, decided.date() + timedelta(days=rng.randint(0, 1))))
        delivered = max(ready, _during_hours(rng, ready.date() + timedelta(days=rng.randint(0, 9))))
    if rng.random() < REJECT_SHARE:
        # Decisions come with the police finding, recorded by the verifier (see story).
        yield StatusEvent(decided, workflow.REJECTED, True, rng.choice(REJECT_REASONS))
        if rng.random() < REJECTED_LEFT:
            return  # the citizen has not come back for the letter
        ready = max(ready, _during_hours(rng, decided.date() + timedelta(days=rng.randint(1, 5))))
        delivered = max(delivered, ready)
    else:
        yield StatusEvent(decided, workflow.VERIFIED, True)
    yield StatusEvent(ready, workflow.READY, rng.random() < 0.5)
    if rng.random() >= UNCOLLECTED_SHARE:
        yield StatusEvent(delivered, workflow.DELIVERED, False)


def _during_hours(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(9)) + timedelta(seconds=rng.randint(0, 10 * 3600))


def uuid7_at(moment: datetime, rng: random.Random) -> str:
    """A version 7 UUID for a record made at `moment` (past records keep time order too)."""
    millis = int(moment.timestamp() * 1000)
    value = ((millis & (2**48 - 1)) << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) \
        | (0b10 << 62) | rng.getrandbits(62)
    hexed = f"{value:032x}"  # as str(uuid.UUID(int=value)) spells it, without the object
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def local_days(now_local: datetime, days: int) -> list[date]:
    today = now_local.date()
    return [today - timedelta(days=n) for n in range(days - 1, -1, -1)]


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """An aware moment as naive centre-local time (what validation and tracking dates use)."""
    return moment.astimezone(zone).replace(tzinfo=None)
