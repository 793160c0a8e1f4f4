"""The centre's clock: one time zone for everything an officer or a citizen reads.

A counter PC's own clock zone may be anything (a PC set up abroad, a Windows default): what the
screen shows, what a date check calls "today" or "now", the date inside a tracking number, the
SLA date, the queue's day and every printed time are the centre's local time. The zone is the
`timezone` setting (default Asia/Karachi), applied once when a counter's data folder is opened
(`set_centre_zone`); moments are stored in UTC and only turned into centre time to be read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from khidmat_desk.errors import KnownError

DEFAULT_ZONE = "Asia/Karachi"
#: How far a PC's clock may be off (behind what this counter already recorded, or off the
#: central server's) before the counter says so: every paper and tracking number is dated by it.
CLOCK_TOLERANCE = timedelta(minutes=10)

_zone = ZoneInfo(DEFAULT_ZONE)


class UnknownTimeZoneError(KnownError, ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"setting 'timezone': '{name}' is not a time zone; use a name like "
                         f"{DEFAULT_ZONE}")


def zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimeZoneError(name) from exc


def set_centre_zone(name: str) -> None:
    """Use the zone named by the `timezone` setting from now on."""
    global _zone
    _zone = zone_named(name)


def centre_zone() -> ZoneInfo:
    return _zone


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_moment(now: datetime | None) -> datetime:
    """``now`` (which must carry a time zone) in UTC, or the current moment."""
    if now is None:
        return utc_now()
    if now.tzinfo is None:
        raise ValueError("'now' must carry a time zone")
    return now.astimezone(UTC)


def local(moment: datetime) -> datetime:
    """An aware moment (a naive one is taken as UTC, as stored) in centre time."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(_zone)


def now() -> datetime:
    """The current moment in centre time (aware)."""
    return local(utc_now())


def wall_now() -> datetime:
    """The centre's wall-clock time without a zone, as the wizard's date-time answers are."""
    return now().replace(tzinfo=None)


def today() -> date:
    return now().date()


#: A moment in a file name (a backup's): the centre's wall time and its offset from UTC, so the
#: name reads as the counter's clock did and still names one moment ("20261201-172135-
#: 123456+0500"). Names written before the offset was added are in UTC.
_FILE_STAMP = "%Y%m%d-%H%M%S-%f"


def file_stamp(moment: datetime) -> str:
    return local(moment).strftime(_FILE_STAMP + "%z")


def from_file_stamp(text: str) -> datetime:
    """The moment a `file_stamp` names (ValueError if it names none)."""
    if len(text) > 22:
        return datetime.strptime(text, _FILE_STAMP + "%z").astimezone(UTC)
    return datetime.strptime(text, _FILE_STAMP).replace(tzinfo=UTC)


def day_of(moment: datetime) -> date:
    """The centre's calendar day that ``moment`` falls on."""
    return local(moment).date()


def day_start(day: date) -> datetime:
    """Midnight at the centre at the start of ``day``, in UTC (to compare with stored times)."""
    return datetime.combine(day, time.min, tzinfo=_zone).astimezone(UTC)


def from_wall(wall: datetime) -> datetime:
    """A naive centre wall-clock time as an aware UTC moment."""
    return wall.replace(tzinfo=_zone).astimezone(UTC)


def span_text(seconds: float) -> str:
    """A length of time as a person says it: "40 s", "12 min", "3 h 2 min", "2 days 4 h"."""
    whole = round(abs(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)  # to the nearest minute: a clock read to the second
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} days {hours} h" if hours else f"{days} days"
