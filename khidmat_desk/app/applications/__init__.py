"""Application use cases: submit, change status, read, and the wizard's drafts.

Each use case is one transaction and returns frozen dataclasses, never ORM objects. The
modules: `submit` (validate and save a new application), `status` (workflow moves), `reads`
(search, one application, prefill by CNIC), `drafts`, `record` (what every version writes for
the audit trail and the central server) and `results` (the dataclasses and known errors).
"""

from khidmat_desk.app.applications.drafts import discard_draft, list_drafts, save_draft
from khidmat_desk.app.applications.reads import (
    MAX_FIND_LIMIT,
    NADRA_ID_TYPES,
    applicant_by_id,
    find_applications,
    get_application,
    open_applications_for,
    summary_from_row,
)
from khidmat_desk.app.applications.record import (
    APP,
    OUTBOX_KIND,
    sync_record,
)
from khidmat_desk.app.applications.results import (
    ApplicationDetail,
    ApplicationError,
    ApplicationNotFound,
    ApplicationSummary,
    DraftInfo,
    FindResult,
    InvalidRequest,
    PaymentInfo,
    StatusChangeInfo,
    StatusChangeResult,
    SubmitResult,
    ValidationFailed,
)
from khidmat_desk.app.applications.status import (
    apply_status_change,
    change_status,
    locked_application_by_uuid,
)
from khidmat_desk.app.applications.submit import (
    MAX_TOKEN_LENGTH,
    PAYMENT_METHODS,
    add_working_days,
    centre_date,
    submit_application,
)
from khidmat_desk.core.clock import utc_moment

__all__ = [
    "APP", "MAX_FIND_LIMIT", "MAX_TOKEN_LENGTH", "NADRA_ID_TYPES",
    "OUTBOX_KIND", "PAYMENT_METHODS", "ApplicationDetail", "ApplicationError",
    "ApplicationNotFound", "ApplicationSummary", "DraftInfo", "FindResult",
    "InvalidRequest", "PaymentInfo", "StatusChangeInfo", "StatusChangeResult", "SubmitResult",
    "ValidationFailed", "add_working_days", "applicant_by_id", "apply_status_change",
    "centre_date", "change_status", "discard_draft", "find_applications",
    "get_application", "list_drafts", "locked_application_by_uuid", "open_applications_for",
    "save_draft", "submit_application", "summary_from_row", "sync_record",
    "utc_moment",
]
