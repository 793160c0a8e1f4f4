"""The fees the server holds counters to: the counter's own tariff data, loaded, never copied.

By default the server uses the tariff shipped with the counter (resources/data/tariff.json).
An operator points it at an override file (``serve --tariff FILE`` or
``$KHIDMAT_CENTRAL_TARIFF``) in the same format as a centre's override; an optional
``"centres"`` object in that file gives one centre's own figures, the way that centre's
counters carry them in their data folder::

    {"fees": {"medico-legal": {"pkr": 200}},
     "centres": {"LHR01": {"fees": {"vehicle-verification": {"pkr": 1000}}}}}
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khidmat_desk.core.catalogue import Tariff, TariffError, load_tariff

log = logging.getLogger("khidmat.central.tariff")

TARIFF_ENV = "KHIDMAT_CENTRAL_TARIFF"


@dataclass(frozen=True)
class CentralTariff:
    """The province's tariff with each centre's own figures merged over it."""

    base: Tariff
    centres: dict[str, Tariff] = field(default_factory=dict)
    #: Fees already worked out from these figures, by (centre, service, the answers the fee
    #: depends on): most records of a day ask for the same few.
    quotes: dict[tuple[Any, ...], int] = field(default_factory=dict, compare=False, repr=False)

    def for_centre(self, centre_code: str) -> Tariff:
        return self.centres.get(centre_code, self.base)


def resolve_tariff_path(explicit: str | None) -> Path | None:
    chosen = explicit or os.environ.get(TARIFF_ENV)
    return Path(chosen) if chosen else None


def load_central_tariff(path: Path | None = None) -> CentralTariff:
    """The shipped tariff, with ``path`` (if given) merged over it; `TariffError` if unreadable."""
    if path is None:
        return CentralTariff(load_tariff())
    if not path.is_file():
        raise TariffError(f"{path}: no such tariff file")
    base = load_tariff(path)
    try:
        centres: Any = json.loads(path.read_text("utf-8")).get("centres") or {}
    except (OSError, ValueError, AttributeError) as exc:
        raise TariffError(f"{path}: not a readable tariff file ({exc})") from exc
    if not isinstance(centres, dict):
        raise TariffError(f"{path}: 'centres' must map centre codes to tariff overrides")
    own = {str(code).upper(): _merged(base, entry, f"{path}: centre {code}")
           for code, entry in centres.items()}
    log.info("tariff loaded from %s (%d centres with their own figures)", path, len(own))
    return CentralTariff(base, own)


def _merged(base: Tariff, override: Any, where: str) -> Tariff:
    if not isinstance(override, dict):
        raise TariffError(f"{where}: must be an object with 'fees' and/or 'sla_days'")
    fees = dict(base.fees)
    for key, entry in (override.get("fees") or {}).items():
        if not isinstance(entry, dict) or "pkr" not in entry:
            raise TariffError(f"{where}: fee '{key}' needs a 'pkr' figure")
        fees[key] = {**fees.get(key, {}), **entry}
    sla = {**base.sla_days, **{k: int(v) for k, v in (override.get("sla_days") or {}).items()}}
    return Tariff(fees=fees, sla_days=sla)
