"""What the counter's windows ask of the layers below. Every method runs on the background
thread (through ``TaskRunner``), never on the GUI thread, and returns plain dataclasses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from khidmat_desk.app.settings import CounterSettings
from khidmat_desk.core.catalogue import Tariff, load_tariff


class CounterSession:
    def __init__(self, settings: CounterSettings) -> None:
        self.settings = settings
        self.db: Any = None
        self.user: Any = None
        self._signer_cache: Any = None
        self.templates: Any = None  # layouts, with the centre's replacements, read at open
        self.tariff: Tariff | None = None

    @property
    def centre_code(self) -> str:
        return str(self.settings.get("centre_code"))

    @property
    def counter(self) -> int:
        return int(self.settings.get("counter"))

    def open(self) -> None:
        from khidmat_desk.printing.templates import load_templates
        from khidmat_desk.store.db import open_database

        self.tariff = load_tariff(self.settings.tariff_override)
        self.templates = load_templates(self.settings.templates_dir)
        self.db = open_database(self.settings.database_url, backup_dir=self.settings.backup_dir)

    def close(self) -> None:
        if self.db is not None:
            self.db.dispose()
            self.db = None

    # -- people -----------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> Any:
        from khidmat_desk.auth.users import authenticate

        if self.db is None:  # signed in faster than the database opened: open it now
            self.open()
        user = authenticate(self.db, username, password)
        self.user = user
        return user

    # -- lists ------------------------------------------------------------------------------

    def todays_queue(self) -> Any:
        from khidmat_desk.app.queue import todays_applications

        return todays_applications(self.db, centre_code=self.centre_code, counter=self.counter,
                                   now=datetime.now().astimezone())

    def todays_counts(self) -> dict[str, int]:
        from khidmat_desk.app.queue import todays_counts

        return todays_counts(self.db, centre_code=self.centre_code, counter=self.counter,
                             now=datetime.now().astimezone())

    def find(self, text: str) -> Any:
        from khidmat_desk.app.applications import find_applications

        return find_applications(self.db, text)

    def change_status(self, tracking: str, status: str, reason: str | None) -> Any:
        from khidmat_desk.app.applications import change_status

        return change_status(self.db, tracking, status, user=self.user, reason=reason)

    # -- intake -----------------------------------------------------------------------------

    def lookup_citizen(self, service_code: str, cnic: str) -> tuple[Any, tuple[Any, ...]]:
        """The citizen's last known details and their open applications for this service."""
        from khidmat_desk.app.applications import applicant_by_id, open_applications_for

        return (applicant_by_id(self.db, "cnic", cnic),
                open_applications_for(self.db, service_code, cnic))

    def save_draft(self, service_code: str, draft: dict[str, Any], step: str,
                   draft_uuid: str) -> str:
        """The wizard's whole state (answers, documents, token) is kept as the draft's answers."""
        from khidmat_desk.app.applications import save_draft

        return save_draft(self.db, user=self.user, service_code=service_code, answers=draft,
                          step=step, draft_uuid=draft_uuid)

    def list_drafts(self) -> Any:
        from khidmat_desk.app.applications import list_drafts

        return list_drafts(self.db, self.user)

    def discard_draft(self, draft_uuid: str) -> None:
        from khidmat_desk.app.applications import discard_draft

        discard_draft(self.db, draft_uuid)

    def submit(self, service_code: str, draft: dict[str, Any], draft_uuid: str) -> Any:
        from khidmat_desk.app.applications import submit_application

        return submit_application(
            self.db, service_code=service_code, answers=draft["answers"], user=self.user,
            centre_code=self.centre_code, counter=self.counter, tariff=self.tariff or load_tariff(),
            token_no=draft.get("token_no") or None,
            payment_method=draft.get("payment_method") or "cash",
            documents_received=draft.get("documents") or (), application_uuid=draft_uuid)

    def save_language(self, language: str) -> None:
        self.save_settings({"language": language})

    # -- printing ---------------------------------------------------------------------------

    def printable(self, tracking: str) -> Any:
        from khidmat_desk.app.printing import list_documents

        return list_documents(self.db, tracking, self.templates)

    def application_with_documents(self, tracking: str) -> tuple[Any, Any]:
        """The application and what can be printed for it, reading it once."""
        from khidmat_desk.app.applications import get_application
        from khidmat_desk.app.printing import documents_for

        detail = get_application(self.db, tracking)
        return detail, documents_for(self.db, detail, self.templates)

    def print_receipt(self, tracking: str, reason: str | None = None) -> Any:
        """Render the receipt and record the copy, in one transaction."""
        from khidmat_desk.app.printing import print_receipt

        return print_receipt(self.db, tracking, user=self.user,
                             fmt=str(self.settings.get("receipt_format")), reason=reason,
                             templates=self.templates, base_url=self._public_url())

    def print_document(self, tracking: str, key: str, reason: str | None = None) -> Any:
        from khidmat_desk.app.printing import print_document

        return print_document(self.db, tracking, key, user=self.user, signer=self._signer(),
                              reason=reason, templates=self.templates,
                              base_url=self._public_url())

    def _public_url(self) -> str | None:
        """The central server's public verification address that QR codes open, if set."""
        return str(self.settings.get("public_verify_url")) or None

    def preview(self, tracking: str, key: str) -> bytes:
        """The document as it would print, marked PREVIEW; nothing is recorded."""
        from khidmat_desk.app.printing import preview_document

        return preview_document(self.db, tracking, key,
                                fmt=str(self.settings.get("receipt_format")),
                                templates=self.templates)

    def _signer(self) -> Any:
        if self._signer_cache is None:
            from khidmat_desk.app.keys import load_signer
            from khidmat_desk.auth.secrets import SecretStore

            store = SecretStore(self.settings.data_dir, str(self.settings.get("secret_store")))
            self._signer_cache = load_signer(self.db, store, self.centre_code)
        return self._signer_cache

    def save_settings(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.settings.set(key, value)
        self.settings.save()

    # -- sync -------------------------------------------------------------------------------

    @property
    def sync_configured(self) -> bool:
        return bool(self.settings.get("sync_server"))

    def make_syncer(self) -> Any:
        from khidmat_desk.app.sync import make_syncer

        return make_syncer(self.settings, self.db)

    def sync_status(self) -> Any:
        from khidmat_desk.app.sync import sync_status

        return sync_status(self.db)

    def sync_lists(self) -> tuple[Any, Any]:
        """Waiting records for anyone; the set-aside ones for the in-charge (the role is
        checked in the use case)."""
        from khidmat_desk.app.sync import list_pending, list_quarantined
        from khidmat_desk.core.workflow import IN_CHARGE

        quarantined = list_quarantined(self.db, self.user) if self.user.role == IN_CHARGE else ()
        return list_pending(self.db), quarantined

    def requeue(self, entry_id: int) -> None:
        from khidmat_desk.app.sync import requeue

        requeue(self.db, self.user, entry_id)
