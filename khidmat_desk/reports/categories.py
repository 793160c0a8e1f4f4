"""Which report category (press-release heading) each service is counted under; data, not code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from khidmat_desk.core.catalogue import UnknownServiceError, get_service
from khidmat_desk.errors import KnownError
from khidmat_desk.paths import resource_path

FILENAME = "report_categories.json"


class CategoryDataError(KnownError):
    """The categories file cannot be read; the message names the file."""


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    services: tuple[str, ...]
    label_ur: str = ""  # what the Urdu counter shows; "" shows the English label


@cache
def load_categories(override_dir: Path | None = None) -> tuple[Category, ...]:
    """The centre's file when its data folder has one, else the shipped one."""
    path = resource_path("data", FILENAME)
    if override_dir is not None and (override_dir / FILENAME).is_file():
        path = override_dir / FILENAME
    try:
        document = json.loads(path.read_text("utf-8"))
        return tuple(Category(str(c["key"]), str(c["label"]), tuple(c["services"]),
                              str(c.get("label_ur", "")))
                     for c in document["categories"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CategoryDataError(f"{path}: the report categories cannot be read ({exc})") from exc


def category_of(service_code: str, categories: tuple[Category, ...]) -> Category:
    """The service's category; a service in no list stands on its own, under its own titles."""
    for category in categories:
        if service_code in category.services:
            return category
    return Category(service_code, service_title(service_code), (service_code,),
                    service_title_ur(service_code))


def service_title(service_code: str) -> str:
    try:
        return get_service(service_code).title
    except UnknownServiceError:
        return service_code


def service_title_ur(service_code: str) -> str:
    try:
        return get_service(service_code).title_ur
    except UnknownServiceError:
        return ""
