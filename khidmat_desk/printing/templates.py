"""Layouts as data: which answers each document prints, its wording, and the centre's branding.

The files live in ``resources/templates``; a centre may override any of them by putting a file
of the same name in ``<data-dir>/templates``. A new service that prints an existing kind of
document needs only an entry in ``documents.json``, never new code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from khidmat_desk.errors import KnownError
from khidmat_desk.paths import resource_path


class TemplateError(KnownError, ValueError):
    """A layout file is missing an entry or holds a bad one; the text names the file and key."""


@dataclass(frozen=True)
class Section:
    heading: str
    heading_ur: str
    fields: tuple[str, ...] = ()
    table: str | None = None


@dataclass(frozen=True)
class Signatory:
    title: str
    name: str = ""
    rank: str = ""


@dataclass(frozen=True)
class Variant:
    """Other wording when the answers match: ``when`` maps a field to the values it may have
    (all must match), e.g. a stolen item, a woman's gender in Urdu, a licence renewal."""

    when: dict[str, tuple[str, ...]]
    statement: str | None = None
    statement_ur: str | None = None

    def matches(self, answers: dict[str, Any]) -> bool:
        return all(str(answers.get(key)) in values for key, values in self.when.items())


@dataclass(frozen=True)
class DocumentTemplate:
    key: str
    issue_after: str
    reprint_role: str
    statement: str
    statement_ur: str
    sections: tuple[Section, ...]
    signatures: tuple[str, ...]
    validity_days: int | None = None
    #: States the police finding: printed only once one is recorded, with its own section.
    finding: bool = False
    #: Not issued until the person's photograph is kept with the application (a document
    #: that prints one and does not require it shows an empty "No photograph" frame).
    photo_required: bool = False
    #: A title of its own instead of the service's output title (a discreet slip's).
    title: str | None = None
    title_ur: str | None = None
    #: Nothing on the page or in its QR code may reveal the person or the matter.
    discreet: bool = False
    collected_later: bool = False
    variants: tuple[Variant, ...] = ()
    #: "To whom it may concern" and the like, printed above the statement.
    addressee: str = ""
    #: The office that issues the document, printed under the title.
    issuing_authority: str = ""
    #: Who signs: title, and the name and rank a centre sets.
    signatories: tuple[Signatory, ...] = ()

    def for_answers(self, answers: dict[str, Any]) -> DocumentTemplate:
        """The wording for this application: each matching variant replaces the statements
        it gives, the first match winning for each."""
        statement, statement_ur = None, None
        for variant in self.variants:
            if variant.matches(answers):
                statement = statement or variant.statement
                statement_ur = statement_ur or variant.statement_ur
        return replace(self, statement=statement or self.statement,
                       statement_ur=statement_ur or self.statement_ur)


@dataclass(frozen=True)
class ReceiptFormat:
    name: str
    page_width_mm: float
    page_height_mm: float | None
    margin_mm: float
    barcode_dpi: int
    barcode_dots: int
    barcode_height_mm: float
    tracking_size: float
    text_size: float
    half_page: bool = False


@dataclass(frozen=True)
class Templates:
    branding: dict[str, str]
    receipt: dict[str, Any]
    formats: dict[str, ReceiptFormat]
    documents: dict[str, DocumentTemplate]

    def document(self, key: str) -> DocumentTemplate:
        try:
            return self.documents[key]
        except KeyError:
            raise TemplateError(f"documents.json has no layout for '{key}'; add one") from None


def _read(name: str, override_dir: Path | None) -> dict[str, Any]:
    path = resource_path("templates", name)
    if override_dir is not None and (override_dir / name).is_file():
        path = override_dir / name
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise TemplateError(f"{path}: not a readable layout file ({exc})") from exc
    return data


def _document(key: str, entry: dict[str, Any]) -> DocumentTemplate:
    try:
        return DocumentTemplate(
            key=key, issue_after=entry["issue_after"], reprint_role=entry["reprint_role"],
            statement=entry.get("statement", ""), statement_ur=entry.get("statement_ur", ""),
            sections=tuple(Section(s["heading"], s.get("heading_ur", ""),
                                   tuple(s.get("fields", ())), s.get("table"))
                           for s in entry.get("sections", ())),
            signatures=tuple(_signatory(s).title for s in entry.get("signatures", ())),
            validity_days=entry.get("validity_days"), title=entry.get("title"),
            title_ur=entry.get("title_ur"), discreet=bool(entry.get("discreet", False)),
            collected_later=bool(entry.get("collected_later", False)),
            variants=tuple(_variant(v) for v in entry.get("variants", ())),
            addressee=str(entry.get("addressee", "")),
            issuing_authority=str(entry.get("issuing_authority", "")),
            signatories=tuple(_signatory(s) for s in entry.get("signatures", ())),
            finding=bool(entry.get("finding")),
            photo_required=bool(entry.get("photo_required")))
    except (KeyError, TypeError) as exc:
        raise TemplateError(f"documents.json: entry '{key}' lacks {exc}") from exc


def _variant(entry: dict[str, Any]) -> Variant:
    when = {str(k): tuple(str(v) for v in (values if isinstance(values, list) else [values]))
            for k, values in entry["when"].items()}
    return Variant(when, entry.get("statement"), entry.get("statement_ur"))


def _signatory(entry: str | dict[str, Any]) -> Signatory:
    """A plain title, or {"title", "name", "rank"} when the centre names who signs."""
    if isinstance(entry, str):
        return Signatory(entry)
    return Signatory(str(entry["title"]), str(entry.get("name", "")),
                     str(entry.get("rank", "")))


def load_templates(override_dir: Path | None = None) -> Templates:
    receipt = _read("receipt.json", override_dir)
    formats = {name: ReceiptFormat(name=name, page_height_mm=spec.pop("page_height_mm", None),
                                   **spec)
               for name, spec in ((n, dict(s)) for n, s in receipt["formats"].items())}
    documents = {key: _document(key, entry)
                 for key, entry in _read("documents.json", override_dir).items()
                 if not key.startswith("_")}
    return Templates(_read("branding.json", override_dir), receipt, formats, documents)
