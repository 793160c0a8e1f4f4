"""The service catalogue: every service module, found by code, plus the fee and SLA tariff.

Fees and SLAs change by notification, not by release, so they live in a data file
(`resources/data/tariff.json`) that a centre can override with `tariff.json` in its data
directory; only the keys present in the override replace the shipped figures.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from khidmat_desk.core.declarations import declaration_problems
from khidmat_desk.core.fields import Service
from khidmat_desk.errors import KnownError
from khidmat_desk.paths import resource_path

log = logging.getLogger("khidmat.catalogue")

#: Stable service codes, in launcher order. Other tools depend on these strings.
SERVICE_CODES: tuple[str, ...] = (
    "police-verification",
    "character-certificate",
    "tenant-registration",
    "medico-legal",
    "vehicle-verification",
    "protection-assistance",
    "lost-report",
    "crime-report",
    "fir-copy",
    "women-violence-report",
    "employee-registration",
    "employee-verification",
    "driving-licence",
    "arms-licence",
    "community-policing",
)


class UnknownServiceError(KnownError, KeyError):
    bad_input = True

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"unknown service '{self.code}'; known services: {', '.join(SERVICE_CODES)}"


def _module_name(code: str) -> str:
    return "khidmat_desk.core.services." + code.replace("-", "_")


@cache
def get_service(code: str) -> Service:
    if code not in SERVICE_CODES:
        raise UnknownServiceError(code)
    service: Service = importlib.import_module(_module_name(code)).SERVICE
    if service.code != code:
        raise RuntimeError(f"module for {code} declares code {service.code}")
    problems = declaration_problems(service)
    if problems:
        raise RuntimeError("; ".join(problems))
    return service


def all_services() -> tuple[Service, ...]:
    return tuple(get_service(code) for code in SERVICE_CODES)


# ---------------------------------------------------------------------------------------------
# Tariff: fees and SLAs as data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeeItem:
    key: str
    label: str
    amount: int
    #: False when the tariff has no figure for it yet: an unknown fee, not a free service.
    set: bool = True
    #: The label in Urdu ("" when the tariff gives none: the Urdu counter shows ``label``).
    label_ur: str = ""


@dataclass(frozen=True)
class FeeQuote:
    items: tuple[FeeItem, ...]

    @property
    def not_set(self) -> tuple[FeeItem, ...]:
        return tuple(item for item in self.items if not item.set)

    @property
    def total(self) -> int:
        """What is taken at the counter: nothing while any part of the fee is not set."""
        if self.not_set:
            return 0
        return sum(item.amount for item in self.items)

    @property
    def free(self) -> bool:
        return not self.not_set and self.total == 0


def fee_not_set_message(quote: FeeQuote) -> str:
    """What the officer is told when a fee cannot be taken yet."""
    names = ", ".join(item.label for item in quote.not_set)
    return (f"The fee for {names} is not set at this centre, so no money can be taken. "
            "Save the application without payment and ask the in-charge to set the fee "
            "(its \"pkr\" figure in tariff.json in the centre's data folder).")


@dataclass(frozen=True)
class Tariff:
    fees: dict[str, dict[str, Any]]
    sla_days: dict[str, int]

    def fee(self, key: str) -> int | None:
        """The figure in rupees; None when there is none (``"pkr": null``): not set, not free."""
        entry = self.fees.get(key)
        if entry is None:
            return None
        amount = entry.get("pkr")
        return int(amount) if amount is not None else None

    def charged_once(self, key: str) -> bool:
        """``"charge": "once"``: one fee whatever the number of categories chosen."""
        entry = self.fees.get(key) or {}
        return entry.get("charge") == "once"

    def label(self, key: str) -> str:
        entry = self.fees.get(key) or {}
        return str(entry.get("label") or key)

    def label_ur(self, key: str) -> str:
        """The Urdu label; "" when there is none (a centre's own entry may give only
        ``label``)."""
        entry = self.fees.get(key) or {}
        return str(entry.get("label_ur") or "")


def _shipped_tariff() -> dict[str, Any]:
    text = resource_path("data", "tariff.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_tariff(override: Path | None = None) -> Tariff:
    """The shipped tariff with a centre's override file merged over it, key by key."""
    data = _shipped_tariff()
    fees: dict[str, dict[str, Any]] = dict(data["fees"])
    sla: dict[str, int] = {k: int(v) for k, v in data["sla_days"].items()}
    if override is not None and override.exists():
        try:
            extra = json.loads(override.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise TariffError(f"{override}: not a readable tariff file ({exc})") from exc
        for key, entry in (extra.get("fees") or {}).items():
            _known_key(override, "fee", key, fees)
            if not isinstance(entry, dict) or "pkr" not in entry:
                raise TariffError(f"{override}: fee '{key}' needs a 'pkr' figure")
            merged = {**fees.get(key, {}), **entry}
            if "label" in entry and "label_ur" not in entry:
                merged.pop("label_ur", None)  # the centre's own name, not the shipped Urdu one
            fees[key] = merged
        for key, days in (extra.get("sla_days") or {}).items():
            _known_key(override, "SLA", key, sla)
            sla[key] = int(days)
        log.info("tariff override applied from %s", override)
    return Tariff(fees=fees, sla_days=sla)


class TariffError(KnownError, ValueError):
    """A tariff override that cannot be used; ``str()`` says what is wrong with it."""


def _known_key(override: Path, what: str, key: str, shipped: Mapping[str, Any]) -> None:
    """A centre may change a figure, not invent a key no service reads (a misspelt key would
    silently leave the shipped figure in force)."""
    if key not in shipped:
        raise TariffError(f"{override}: '{key}' is not a {what} key of the tariff; the keys "
                          f"are: {', '.join(sorted(shipped))}")


def quote_fee(service: Service, answers: dict[str, Any], tariff: Tariff) -> FeeQuote:
    """The fee for these answers, item by item, as the tariff says today."""
    rule = service.fee
    keys: list[str]
    prefix = rule.key
    if rule.by and answers.get(rule.by):
        prefix = f"{rule.key}/{answers[rule.by]}"
    if rule.per and answers.get(rule.per) and not tariff.charged_once(prefix):
        keys = [f"{prefix}/{value}" for value in answers[rule.per]]
    elif rule.by and answers.get(rule.by):
        keys = [f"{rule.key}/{answers[rule.by]}"]
    else:
        keys = [rule.key]
    items = []
    for key in keys:
        found = _most_specific(tariff, key)
        amount = tariff.fee(found)
        items.append(FeeItem(key=found, label=tariff.label(found), amount=amount or 0,
                             set=amount is not None, label_ur=tariff.label_ur(found)))
    return FeeQuote(items=tuple(items))


def _most_specific(tariff: Tariff, key: str) -> str:
    """``a/b/c`` falls back to ``a/b`` then ``a``: a missing figure never invents a fee."""
    parts = key.split("/")
    while parts:
        candidate = "/".join(parts)
        if candidate in tariff.fees:
            return candidate
        parts.pop()
    return key


def sla_days(service: Service, tariff: Tariff) -> int:
    return tariff.sla_days.get(service.sla_key, 0)
