"""One clock: the centre's time zone, whatever zone the PC's own clock is set to.

Every test here runs with the PC's zone set to New York (TZ), ten hours behind Lahore, so
anything that still read the PC's zone would show or check the wrong time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from intake_helpers import counter_context, intake
from pytestqt.qtbot import QtBot

from khidmat_desk.app.applications import get_application, submit_application
from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.queue import todays_applications
from khidmat_desk.app.settings import CounterSettings, SettingsError
from khidmat_desk.auth.users import UserInfo
from khidmat_desk.cli.output import stamp
from khidmat_desk.core import clock
from khidmat_desk.core.catalogue import Tariff, get_service
from khidmat_desk.core.display import format_moment
from khidmat_desk.core.validation import validate_answers
from khidmat_desk.store.db import Database


@pytest.fixture(autouse=True)
def pc_in_new_york() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_the_pc_is_really_elsewhere_and_the_centre_clock_is_not() -> None:
    assert datetime.now().astimezone().utcoffset() in (timedelta(hours=-5), timedelta(hours=-4))
    assert clock.now().utcoffset() == timedelta(hours=5)
    moment = datetime(2026, 3, 6, 20, 30, tzinfo=UTC)  # 15:30 in New York, 01:30 next day here
    assert clock.day_of(moment).isoformat() == "2026-03-07"
    assert format_moment(moment) == "07-03-2026 01:30"
    assert stamp(moment) == "2026-03-07 01:30"  # the command line's history and lists
    assert clock.day_start(clock.day_of(moment)) == datetime(2026, 3, 6, 19, 0, tzinfo=UTC)


def test_a_moment_just_past_at_the_centre_is_not_in_the_future() -> None:
    """The wizard's "cannot be after now" is the centre's now (it was the PC's)."""
    service = get_service("crime-report")
    wall = clock.wall_now()
    earlier = wall - timedelta(minutes=5)
    just_past = {**service.example, "incident_at": f"{earlier:%Y-%m-%dT%H:%M}"}
    assert not validate_answers(service, just_past).issues_for(["incident_at"])
    ahead = {**service.example, "incident_at": f"{wall + timedelta(hours=2):%Y-%m-%dT%H:%M}"}
    [issue] = validate_answers(service, ahead).issues_for(["incident_at"])
    assert "cannot be after" in issue.message and f" {wall:%H}:" in issue.message  # centre hour


def test_tracking_date_queue_day_and_sla_follow_the_centre(db: Database, officer: UserInfo,
                                                           tariff: Tariff) -> None:
    evening_in_new_york = datetime(2026, 3, 7, 20, 30, tzinfo=UTC)  # Sunday 01:30 at the centre
    result = submit_application(counter_context(db, officer, tariff), intake("police-verification"),
                                now=evening_in_new_york)
    assert "-260308-" in result.tracking_number
    assert result.expected_on.isoformat() == "2026-03-11"  # 3 working days from Sunday the 8th
    queue = todays_applications(db, centre_code="LHR01", counter=7,
                                now=evening_in_new_york + timedelta(hours=1))
    assert [a.tracking_number for a in queue] == [result.tracking_number]
    yesterday_there = evening_in_new_york - timedelta(hours=2)  # still the 7th at the centre
    assert todays_applications(db, centre_code="LHR01", counter=7, now=yesterday_there) == ()


def test_the_timezone_setting_is_the_clock(tmp_path: Path, centre_folder: Path) -> None:
    settings = CounterSettings.load(centre_folder)
    settings.set("timezone", "Asia/Dubai")
    with CounterContext.open(settings):
        assert clock.now().utcoffset() == timedelta(hours=4)
    with pytest.raises(SettingsError, match="'Mars/Olympus' is not a time zone"):
        settings.set("timezone", "Mars/Olympus")


def test_the_application_view_shows_centre_time(qtbot: QtBot, counter_session: object) -> None:
    from gui_driver import PASSWORD
    from PySide6.QtWidgets import QLabel

    from khidmat_desk.gui.application_view import ApplicationView
    from khidmat_desk.gui.session import CounterSession

    assert isinstance(counter_session, CounterSession)
    counter_session.authenticate("incharge", PASSWORD)
    moment = datetime(2026, 3, 6, 20, 30, tzinfo=UTC)  # 15:30 on the 6th on this PC
    tracking = submit_application(counter_session.ctx, intake("lost-report"),
                                  now=moment).tracking_number
    view = ApplicationView("in-charge")
    qtbot.addWidget(view)
    view.show_detail(get_application(counter_session.db, tracking))
    shown = " | ".join(label.text() for label in view.findChildren(QLabel))
    assert "07-03-2026 01:30" in shown and "15:30" not in shown


@pytest.mark.parametrize(("seconds", "said"), [
    (0.4, "0 s"), (59, "59 s"), (-59.6, "1 min"), (600, "10 min"), (7199, "2 h"),
    (-7199.4, "2 h"), (3 * 3600 + 125, "3 h 2 min"), (47 * 3600 + 59 * 60 + 40, "2 days"),
    (400 * 86400 + 5 * 3600, "400 days 5 h")])
def test_a_length_of_time_is_said_to_the_nearest_minute(seconds: float, said: str) -> None:
    """How far a PC's clock is off, read from the server's Date to the second."""
    assert clock.span_text(seconds) == said
