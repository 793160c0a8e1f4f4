"""Words the counter shows for values that come from below (statuses, ages, search kinds), in
the officer's language: each through Qt's translation, so the Urdu counter says them in Urdu."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication


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
