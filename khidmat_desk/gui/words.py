"""Words the counter shows for values that come from below (statuses, ages, search kinds), in
the officer's language: each through Qt's translation, so the Urdu counter says them in Urdu."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from khidmat_desk.core.display import LRI, PDI, format_date, isolate_numbers
from khidmat_desk.core.fields import Field, Service
from khidmat_desk.core.issues import Issue, Said
from khidmat_desk.core.shifts import Period
from khidmat_desk.paths import resource_path

log = logging.getLogger("khidmat.gui")


def status_label(status: object) -> str:
    """A workflow status as the officer reads it ("ready for collection")."""
    labels = {
        "submitted": QCoreApplication.translate("Status", "submitted"),
        "in-verification": QCoreApplication.translate("Status", "in verification"),
        "verified": QCoreApplication.translate("Status", "verified"),
        "rejected": QCoreApplication.translate("Status", "rejected"),
        "ready": QCoreApplication.translate("Status", "ready for collection"),
        "delivered": QCoreApplication.translate("Status", "delivered"),
        "voided": QCoreApplication.translate("Status", "voided"),
    }
    return _pick(labels, status)


def method_label(method: str) -> str:
    """How a fee was paid, inside a sentence ("cash", "online transfer")."""
    labels = {
        "cash": QCoreApplication.translate("Payment", "cash"),
        "card": QCoreApplication.translate("Payment", "card"),
        "online": QCoreApplication.translate("Payment", "online transfer"),
    }
    return _pick(labels, method)


def role_label(role: object) -> str:
    """Who someone is at the centre: officer, verifier, in-charge."""
    labels = {
        "officer": QCoreApplication.translate("Role", "officer"),
        "verifier": QCoreApplication.translate("Role", "verifier"),
        "in-charge": QCoreApplication.translate("Role", "in-charge"),
    }
    return _pick(labels, role)


def roles_label(roles: object) -> str:
    """Every role a person holds, highest last: "officer, verifier"."""
    held = {str(r) for r in roles} if isinstance(roles, set | frozenset | list | tuple) \
        else {str(roles)}
    return ", ".join(role_label(r) for r in ("officer", "verifier", "in-charge") if r in held)


def sentence(text: str) -> str:
    """A message worded for the command line ("the cash counted cannot be negative") as a
    window shows it: a capital first letter and a full stop (the Urdu one in Urdu)."""
    text = text[:1].upper() + text[1:]
    if text.endswith((".", "۔")):
        return text
    return text + ("۔" if any("\u0600" <= ch <= "\u06ff" for ch in text) else ".")


def file_text(path: object) -> str:
    """A file or folder as the counter names it in a sentence: kept whole, left to right, so
    an Urdu sentence around it cannot move its slashes ("/media/usb/khidmat-day-…")."""
    return f"{LRI}{path}{PDI}"


def day_text(day: date) -> str:
    """A day as the counter writes dates ("01-12-2026"), kept in order inside Urdu."""
    return isolate_numbers(format_date(day))


def period_text(period: Period) -> str:
    """A working day or one of its shifts as the counter writes it ("01-12-2026", "01-12-2026
    (night shift)"), in the counter's language and kept in order inside Urdu."""
    return _day_shift_text(period.day, period.shift)


def _day_shift_text(day: date, shift: str) -> str:
    text = format_date(day)
    if shift:
        text = QCoreApplication.translate("Period", "%1 (%2 shift)").replace(
            "%1", text).replace("%2", shift)
    return isolate_numbers(text)


def counter_label(number: int, name: str) -> str:
    """A counter as the in-charge named it; unnamed, or with the name set up gave it
    ("Counter 2"), in the counter's language."""
    if name and name != f"Counter {number}":
        return name
    return QCoreApplication.translate("Counter", "Counter %1").replace("%1", str(number))


def age_label(delta: timedelta) -> str:
    """How long ago: "35 min", "2 h 05 min", "3 days"."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("Age", "%1 min").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("Age", "%1 h %2 min").replace("%1", str(minutes // 60)) \
            .replace("%2", f"{minutes % 60:02d}")
    return QCoreApplication.translate("Age", "%1 days").replace("%1", str(minutes // 1440))


def search_kind_label(kind: object) -> str:
    """What a search was read as: tracking number, CNIC, mobile, plate or name."""
    labels = {
        "tracking": QCoreApplication.translate("Search", "tracking number"),
        "cnic": QCoreApplication.translate("Search", "CNIC"),
        "mobile": QCoreApplication.translate("Search", "mobile number"),
        "plate": QCoreApplication.translate("Search", "vehicle plate"),
        "name": QCoreApplication.translate("Search", "name"),
    }
    return _pick(labels, kind)


def _pick(labels: dict[str, str], value: object) -> str:
    """The label of a value or of an enum member; the value itself when it has none."""
    key = str(getattr(value, "value", value))
    return labels.get(key, key)


# -- what the checks say ----------------------------------------------------------------------

#: English words that stand inside a message (field labels, a service's own sentences) and
#: their Urdu, gathered from the services the counter has opened.
_URDU_WORDS: dict[str, str] = {}
_ROW = re.compile(r"^(?P<group>.+), row (?P<n>\d+): (?P<member>.+)$")


@lru_cache(maxsize=1)
def urdu_messages() -> dict[str, str]:
    """The Urdu of every message template the checks use (resources/translations)."""
    path = resource_path("translations", "messages_ur.json")
    with path.open(encoding="utf-8") as handle:
        loaded: dict[str, str] = json.load(handle)
    return loaded


def learn_word(english: str, urdu: str) -> None:
    """Remember the Urdu of one name a message may carry (a finding's reference label)."""
    if urdu:
        _URDU_WORDS.setdefault(english, urdu)


def learn_labels(service: Service) -> None:
    """Remember the Urdu of a service's field labels, for messages that name a field."""
    def walk(fields: Iterable[Field]) -> None:
        for field in fields:
            if field.label_ur:
                _URDU_WORDS.setdefault(field.label, field.label_ur)
            walk(field.fields)
    walk(service.all_fields())
    for document in service.documents:
        if document.label_ur:
            _URDU_WORDS.setdefault(document.label, document.label_ur)
    for output in service.outputs:
        if output.title_ur:
            _URDU_WORDS.setdefault(output.title, output.title_ur)


@lru_cache(maxsize=1)
def _learn_every_service() -> None:
    """Every service's labels and document titles, for a message said outside its wizard (a
    reprint refused in the application view names the certificate)."""
    from khidmat_desk.core.catalogue import all_services

    for service in all_services():
        learn_labels(service)


def _urdu_word(text: str) -> str:
    return _URDU_WORDS.get(text) or urdu_messages().get(text) or _value_word(text) or text


_PERIOD = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: \((\w+) shift\))?$")


def _value_word(text: str) -> str | None:
    """A value a message names that the counter has its own words for: a status by its label
    ("ready for collection"), a day or shift by its label ("2026-11-30 (night shift)")."""
    from khidmat_desk.core.workflow import LABELS

    for status, label in LABELS.items():
        if text == label:
            return status_label(status)
    period = _PERIOD.match(text)
    try:
        day = date.fromisoformat(period[1]) if period else None
    except ValueError:  # digits in a date's shape that name no day: said as they are
        return None
    return None if day is None or period is None else _day_shift_text(day, period[2] or "")


def urdu_word(text: str) -> str:
    """A label, a document's title or a known sentence in Urdu; the text itself when none of
    the services or messages has its Urdu."""
    _learn_every_service()
    return _urdu_word(text)


def issue_label(issue: Issue, urdu: bool) -> str:
    """The field an issue is about, as the officer's screen names it."""
    if not urdu:
        return issue.label
    row = _ROW.match(issue.label)
    if row is None:
        return _urdu_word(issue.label)
    return (f"{_urdu_word(row['group'])}، "
            + QCoreApplication.translate("Issue", "row %1").replace("%1", row["n"])
            + f": {_urdu_word(row['member'])}")


def issue_text(issue: Issue, urdu: bool) -> str:
    """What is wrong, in the officer's language (English when no translation is known)."""
    return said_text(issue.template, urdu) if urdu else issue.message


def said_text(said: Said, urdu: bool) -> str:
    """A message from below (a template and its arguments) in the officer's language; each
    argument that is itself a known sentence (a database problem) is said in Urdu too."""
    if not urdu:
        return str(said)
    template = urdu_messages().get(said.template)
    if template is None:
        log.warning("no Urdu for the message %r", said.template)
        return str(said)
    _learn_every_service()
    try:
        return template.format(**{key: _urdu_word(value) for key, value in said.args})
    except (KeyError, IndexError, ValueError):
        log.exception("the Urdu of %r does not fit its arguments", said.template)
        return str(said)
