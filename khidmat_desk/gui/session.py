"""What the counter's windows ask of the layers below. Every method runs on the background
thread (through ``TaskRunner``), never on the GUI thread, and returns plain dataclasses.

The data (settings, database, tariff, layouts, signing key, signed-in user) is one
`CounterContext`, the same object the command line opens; it exists once the database is open.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khidmat_desk.app.context import CounterContext
from khidmat_desk.app.settings import CounterSettings

if TYPE_CHECKING:
    from khidmat_desk.app.applications import (
        ApplicationDetail,
        ApplicationSummary,
        DraftInfo,
        FindResult,
        StatusChangeResult,
        SubmitResult,
    )
    from khidmat_desk.app.clock_check import ClockCheck
    from khidmat_desk.app.delivery import Handover
    from khidmat_desk.app.photos import StoredPhoto
    from khidmat_desk.app.printing import PrintableDocument, PrintedDocument
    from khidmat_desk.app.sync import PendingEntry, QuarantinedEntry
    from khidmat_desk.auth.users import UserInfo
    from khidmat_desk.core.catalogue import Tariff
    from khidmat_desk.core.intake import Intake
    from khidmat_desk.core.records import ApplicantProfile
    from khidmat_desk.printing.templates import Templates
    from khidmat_desk.store.db import Database
    from khidmat_desk.sync.client import Syncer
    from khidmat_desk.sync.status import SyncStatus


class CounterSession:
    def __init__(self, settings: CounterSettings) -> None:
        self.settings = settings
        self._ctx: CounterContext | None = None

    @property
    def ctx(self) -> CounterContext:
        if self._ctx is None:  # signed in faster than the database opened: open it now
            self.open()
        assert self._ctx is not None
        return self._ctx

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def user(self) -> UserInfo | None:
        return self.ctx.user

    @property
    def tariff(self) -> Tariff:
        return self.ctx.tariff

    @property
    def templates(self) -> Templates:
        return self.ctx.templates

    def open(self) -> None:
        """Check the database (a damaged one is never opened), then open it."""
        from khidmat_desk.app.backup import require_healthy

        if self._ctx is None:
            require_healthy(self.settings)
            ctx = CounterContext.open(self.settings)
            ctx.templates  # noqa: B018 - read now, so the first print does not wait for it
            self._ctx = ctx

    def diagnose(self) -> Any:
        """The `doctor` report, with the printers Qt sees."""
        from khidmat_desk.app.doctor import diagnose
        from khidmat_desk.gui.printer import installed_printers

        return diagnose(self.settings, printers=installed_printers, network_timeout=5.0)

    def backup(self, reason: str) -> Any:
        """A backup at start, or a periodic one when due (runs on the backup thread)."""
        from khidmat_desk.app.backup import backup_if_local, periodic_backup

        if self._ctx is None:
            return None
        return (periodic_backup(self.settings) if reason == "periodic"
                else backup_if_local(self.settings, reason))

    def restore(self, backup: Any, username: str, password: str, held: Any) -> Any:
        """At start, on a damaged database: put ``backup`` back (the in-charge signs in against
        it), the damaged database kept aside; the same use case as ``khidmat-desk restore``."""
        from khidmat_desk.app.restore import restore_backup

        if self._ctx is not None:
            raise RuntimeError("the database is open: a restore happens before it is opened")
        return restore_backup(self.settings, backup, username=username, password=password,
                              held=held)

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.close()
            self._ctx = None

    # -- people -----------------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> UserInfo:
        from khidmat_desk.auth.users import authenticate

        user = authenticate(self.db, username, password)
        self.ctx.user = user
        return user

    # -- lists ------------------------------------------------------------------------------

    def todays_queue(self) -> tuple[ApplicationSummary, ...]:
        from khidmat_desk.app.confidential import todays_queue

        return todays_queue(self.db, centre_code=self.ctx.centre_code, counter=self.ctx.counter,
                            user=self.ctx.user)

    def todays_counts(self) -> dict[str, int]:
        from khidmat_desk.app.queue import todays_counts

        return todays_counts(self.db, centre_code=self.ctx.centre_code, counter=self.ctx.counter)

    def find(self, text: str) -> FindResult:
        from khidmat_desk.app.confidential import search_applications

        return search_applications(self.db, text, self.ctx.user)

    def change_status(self, tracking: str, status: str, reason: str | None,
                      override_reason: str | None = None) -> StatusChangeResult:
        from khidmat_desk.app.applications import change_status

        return change_status(self.db, tracking, status, user=self.ctx.officer, reason=reason,
                             override_reason=override_reason)

    # -- findings, the whole centre, accounts (the use cases check the roles) -----------------

    def record_finding(self, tracking: str, answers: dict[str, Any]) -> Any:
        from khidmat_desk.app.findings import record_finding

        return record_finding(self.db, tracking, user=self.ctx.officer, **answers)

    def centre_applications(self, filters: dict[str, Any]) -> Any:
        from khidmat_desk.app.centre_view import CentreFilter, centre_applications

        return centre_applications(self.db, by=self.ctx.officer, centre_code=self.ctx.centre_code,
                                   filters=CentreFilter(**filters))

    def audit_trail(self, query: dict[str, Any]) -> Any:
        """A page of the audit trail, newest first (in-charge only: checked there)."""
        from khidmat_desk.app.audit import AuditQuery, read_audit_trail

        return read_audit_trail(self.db, self.ctx.officer, AuditQuery(**query))

    def attention(self, start: Any, end: Any) -> Any:
        """The period's events that need the in-charge's eye (checked there)."""
        from khidmat_desk.app.audit import attention_events

        return attention_events(self.db, self.ctx.officer, start, end)

    def check_audit(self) -> Any:
        """The whole chain, its checkpoints and every record against it."""
        from khidmat_desk.app.audit import check_audit_trail

        return check_audit_trail(self.db, self.ctx.secret_store(), self.ctx.centre_code)

    def list_accounts(self) -> Any:
        from khidmat_desk.app.admin import list_accounts

        return list_accounts(self.db, by=self.ctx.officer)

    def add_user(self, username: str, full_name: str, roles: frozenset[str],
                 password: str) -> Any:
        from khidmat_desk.app.admin import add_user

        return add_user(self.db, by=self.ctx.officer, username=username, full_name=full_name,
                        roles=roles, password=password)

    def set_user_roles(self, username: str, roles: frozenset[str]) -> Any:
        from khidmat_desk.app.admin import set_user_roles

        return set_user_roles(self.db, by=self.ctx.officer, username=username, roles=roles)

    def reset_password(self, username: str, password: str) -> None:
        from khidmat_desk.app.admin import reset_password

        reset_password(self.db, by=self.ctx.officer, username=username, new_password=password)

    def account_action(self, action: str, username: str) -> None:
        """unlock, disable or enable an account."""
        from khidmat_desk.app import admin

        act = {"unlock": admin.unlock_user, "disable": admin.disable_user,
               "enable": admin.enable_user}[action]
        act(self.db, by=self.ctx.officer, username=username)

    def hand_over(self, tracking: str, handover: Handover,
                  facts: Mapping[str, Any] | None = None) -> StatusChangeResult:
        """The finished document handed to the applicant or a representative (checked), with
        what the service records when it hands over (the FIR copy's attestation)."""
        from khidmat_desk.app.delivery import mark_delivered

        return mark_delivered(self.db, tracking, handover, user=self.ctx.officer, facts=facts)

    # -- intake -----------------------------------------------------------------------------

    def lookup_citizen(self, service_code: str, cnic: str
                       ) -> tuple[ApplicantProfile | None, tuple[ApplicationSummary, ...]]:
        """The citizen's last known details and their open applications for this service."""
        from khidmat_desk.app.applications import applicant_by_id, open_applications_for

        return (applicant_by_id(self.db, "cnic", cnic),
                open_applications_for(self.db, service_code, cnic))

    def save_draft(self, service_code: str, draft: dict[str, Any], step: str,
                   draft_uuid: str) -> str:
        """The wizard's whole state (answers, documents, token, payment) is the draft."""
        from khidmat_desk.app.applications import save_draft

        return save_draft(self.db, user=self.ctx.officer, service_code=service_code,
                          wizard_state=draft, step=step, draft_uuid=draft_uuid)

    def list_drafts(self) -> tuple[DraftInfo, ...]:
        from khidmat_desk.app.applications import list_drafts

        return list_drafts(self.db, self.ctx.officer)

    def discard_draft(self, draft_uuid: str) -> None:
        from khidmat_desk.app.applications import discard_draft

        discard_draft(self.db, draft_uuid)

    def submit(self, intake: Intake, draft_uuid: str) -> SubmitResult:
        from khidmat_desk.app.applications import submit_application

        return submit_application(self.ctx, intake, application_uuid=draft_uuid)

    def save_language(self, language: str) -> None:
        self.save_settings({"language": language})

    # -- the person's photograph -------------------------------------------------------------

    def attach_photo(self, tracking: str, path: Path) -> StoredPhoto:
        """Read the picture file (within its size bound), check it and keep it."""
        from khidmat_desk.app.photos import attach_photo, read_photo_file

        return attach_photo(self.db, tracking, read_photo_file(path), user=self.ctx.officer)

    def photo(self, tracking: str) -> StoredPhoto | None:
        from khidmat_desk.app.applications import get_application
        from khidmat_desk.app.confidential import check_may_see
        from khidmat_desk.app.photos import photo_of

        detail = get_application(self.db, tracking)
        check_may_see(self.ctx.user, detail)
        return photo_of(self.db, detail.uuid)

    # -- printing ---------------------------------------------------------------------------

    def printable(self, tracking: str) -> tuple[PrintableDocument, ...]:
        from khidmat_desk.app.printing import list_documents

        return list_documents(self.db, tracking, self.templates)

    def application_with_documents(
            self, tracking: str) -> tuple[ApplicationDetail, tuple[PrintableDocument, ...]]:
        """The application and what can be printed for it, reading it once."""
        from khidmat_desk.app.applications import get_application
        from khidmat_desk.app.confidential import visible_detail
        from khidmat_desk.app.printing import documents_for

        detail = get_application(self.db, tracking)
        return (visible_detail(detail, self.ctx.user),
                documents_for(self.db, detail, self.templates))

    def print_receipt(self, tracking: str, reason: str | None = None) -> PrintedDocument:
        """Render the receipt and record the copy, in one transaction."""
        from khidmat_desk.app.printing import print_receipt

        return print_receipt(self.db, tracking, user=self.ctx.officer,
                             fmt=str(self.settings.get("receipt_format")), reason=reason,
                             templates=self.templates, tariff=self.tariff,
                             base_url=self._public_url())

    def print_document(self, tracking: str, key: str,
                       reason: str | None = None) -> PrintedDocument:
        from khidmat_desk.app.printing import print_document

        return print_document(self.db, tracking, key, user=self.ctx.officer,
                              signer=self.ctx.signer(), reason=reason, templates=self.templates,
                              base_url=self._public_url(),
                              counter=int(self.settings.get("counter")))

    def prepare_copies(self, tracking: str, keys: list[str]) -> int:
        """The identity checks of each document's next copy, made now; how many were made."""
        from khidmat_desk.app.printing import prepare_copy

        return sum(prepare_copy(self.db, tracking, key, user=self.ctx.user,
                                templates=self.templates) for key in keys)

    def _public_url(self) -> str | None:
        """The central server's public verification address that QR codes open, if set."""
        return str(self.settings.get("public_verify_url")) or None

    def print_settled(self, printed: PrintedDocument, delivered: bool, note: str) -> None:
        """A sent copy reached paper (``note`` says where) or was given up (``note`` says why)."""
        from khidmat_desk.app.printing import print_delivered, print_failed

        settle = print_delivered if delivered else print_failed
        settle(self.db, printed, note, user=self.user)

    def preview(self, tracking: str, key: str) -> bytes:
        """The document as it would print, marked PREVIEW; nothing is recorded."""
        from khidmat_desk.app.printing import preview_document

        return preview_document(self.db, tracking, key,
                                fmt=str(self.settings.get("receipt_format")),
                                templates=self.templates, tariff=self.tariff,
                                user=self.ctx.user, counter=int(self.settings.get("counter")))

    def save_settings(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.settings.set(key, value)
        self.settings.save()

    # -- sync -------------------------------------------------------------------------------

    @property
    def sync_configured(self) -> bool:
        return bool(self.settings.get("sync_server"))

    def make_syncer(self) -> Syncer:
        from khidmat_desk.app.sync import make_syncer

        return make_syncer(self.settings, self.db)

    def sync_status(self) -> SyncStatus:
        from khidmat_desk.app.sync import sync_status

        return sync_status(self.db)

    def check_clock(self) -> ClockCheck:
        from khidmat_desk.app.clock_check import check_clock

        return check_clock(self.db)

    def sync_lists(self) -> tuple[tuple[PendingEntry, ...], tuple[QuarantinedEntry, ...]]:
        """Waiting records for anyone; the set-aside ones for the in-charge (the role is
        checked in the use case)."""
        from khidmat_desk.app.sync import list_pending, list_quarantined
        from khidmat_desk.core.workflow import IN_CHARGE

        user = self.ctx.officer
        quarantined = list_quarantined(self.db, user) if user.role == IN_CHARGE else ()
        return list_pending(self.db), quarantined

    # -- the in-charge's day -------------------------------------------------------------------

    def live_summary(self) -> Any:
        """Today's working day as it stands (the role is checked in the use case)."""
        from khidmat_desk.app.day_reports import live_summary

        return live_summary(self.db, self.ctx.officer, data_dir=self.settings.data_dir)

    def write_report(self, day: Any, fmt: str, out: Any, progress: Any) -> Any:
        from khidmat_desk.app.day_reports import write_report

        return write_report(self.db, self.ctx.officer, day=day, out=out, fmt=fmt,
                            data_dir=self.settings.data_dir, progress=progress)

    def shift_plan(self) -> Any:
        from khidmat_desk.app.shifts import shift_plan

        return shift_plan(self.db)

    def set_shifts(self, text: str) -> Any:
        """Replace the centre's shifts (the role is checked and the change audited there)."""
        from khidmat_desk.app.shifts import set_shifts

        return set_shifts(self.db, self.ctx.officer, text)

    def counter_board(self) -> Any:
        """Every counter's day and sync state (the role is checked in the use case)."""
        from khidmat_desk.app.counters import counter_board

        return counter_board(self.db, self.ctx.officer)

    def close_preview(self, day: Any = None, shift: str | None = None) -> Any:
        """The figures the close dialog shows (the role is checked in the use case)."""
        from khidmat_desk.app.day_reports import close_preview

        return close_preview(self.db, self.ctx.officer, day=day, shift=shift)

    def close_day(self, day: Any, shift: str, cash_counted: int | None,
                  officer_cash: dict[str, int], explanation: str, deposit_ref: str) -> Any:
        """Close the day or shift, sign the audit trail and back up (see app.day_seal)."""
        from khidmat_desk.app.day_seal import close_and_seal

        return close_and_seal(self.ctx, self.ctx.officer, day=day, shift=shift,
                              cash_counted=cash_counted, officer_cash=officer_cash,
                              explanation=explanation, deposit_ref=deposit_ref)

    def reopen_day(self, day: Any, shift: str, reason: str) -> Any:
        from khidmat_desk.app.day_close import reopen_period

        return reopen_period(self.db, self.ctx.officer, day=day, shift=shift, reason=reason)

    def working_day(self) -> Any:
        """The centre's working day now (before the first shift starts, still yesterday)."""
        from khidmat_desk.app.shifts import shift_plan
        from khidmat_desk.core.clock import utc_moment

        return shift_plan(self.db).working_day(utc_moment(None))

    def export_day_bundle(self, day: Any, out: Path) -> Any:
        """This counter's day as a signed bundle for the in-charge's PC (role checked there)."""
        from khidmat_desk.app.day_bundle import export_day_bundle

        return export_day_bundle(self.db, self.settings, self.ctx.officer, day=day, out=out)

    def import_day_bundle(self, path: Path, key: str | None) -> Any:
        """A counter's day bundle added here; ``key`` when the counter's key is not known."""
        from khidmat_desk.app.day_bundle import import_day_bundle

        return import_day_bundle(self.db, self.ctx.officer, path, trusted_key=key)

    def take_back_facts(self) -> tuple[bool, Any, Any]:
        """Whether sync is set up, the day of the backup put back last (None: none), today."""
        from khidmat_desk.app.take_back import last_restored_backup_day
        from khidmat_desk.core import clock

        return (bool(self.settings.get("sync_server")), last_restored_backup_day(self.db),
                clock.today())

    def take_back(self, since: Any, progress: Any = None) -> Any:
        """What the central server holds of this counter's applications from ``since`` on,
        merged in here (in-charge only: checked there); ``progress`` hears how many were
        read so far, page by page."""
        from khidmat_desk.app.take_back import take_back_from_central

        return take_back_from_central(self.db, self.settings, self.ctx.officer, since=since,
                                      progress=progress)

    def set_up_link(self, server: str, token: str | None) -> Any:
        """The central server's address and this counter's token, asked of the server before
        they are kept (in-charge only: checked there)."""
        from khidmat_desk.app.sync_check import set_up_link

        return set_up_link(self.settings, self.db, self.ctx.officer, server=server,
                           token=token)

    def requeue(self, entry_id: int) -> None:
        from khidmat_desk.app.sync import requeue

        requeue(self.db, self.ctx.officer, entry_id)
