"""`apply`, `find`, `status`: the counter's use cases from a terminal or a script."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khidmat_desk.cli.arguments import Commands, add_command, add_json_flag
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import BadInput, CommandError
from khidmat_desk.cli.output import print_json, print_result, print_table, stamp, warn

if TYPE_CHECKING:
    from khidmat_desk.app.context import CounterContext

#: At most this many problems are named in the one-line message; the rest are counted.
SHOWN_PROBLEMS = 3
#: Answers are an object of fields, groups are lists of objects: a few levels; allow some room.
MAX_ANSWER_DEPTH = 8


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    apply = add_command(
        commands, common, "apply", run_apply,
        help="submit an application from a JSON answers file",
        description="Validate exactly as the counter's wizard does, save, print the tracking "
                    "number.")
    apply.add_argument("service", metavar="SERVICE", help="service code (see 'services')")
    apply.add_argument("--answers", required=True, metavar="FILE.json",
                       help="answers as {field_key: value}; groups as lists of objects; ISO dates")
    apply.add_argument("--documents", default="all", metavar="all|none|KEY,KEY",
                       help="documents received (default: all of the service's checklist)")
    apply.add_argument("--token", metavar="TOKEN", help="queue token number")
    add_json_flag(apply)
    add_auth_arguments(apply)

    find = add_command(
        commands, common, "find", run_find, help="find applications",
        description="QUERY is a tracking number, CNIC, mobile number, vehicle plate or name "
                    "prefix. Exit 0 when something was found, 1 when nothing was.")
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--limit", type=int, default=50, help="most results to show (default 50)")
    add_json_flag(find, "print results as JSON")

    status = add_command(
        commands, common, "status", run_status,
        help="show or change an application's status",
        description="Without --set, show the status and its history.")
    status.add_argument("tracking", metavar="TRACKING")
    status.add_argument("--set", metavar="STATUS", dest="new_status",
                        help="new status: in-verification, verified, rejected, ready, delivered, "
                             "voided")
    status.add_argument("--reason", metavar="TEXT", help="reason (required to reject or void)")
    status.add_argument("--override-reason", metavar="TEXT",
                        help="in-charge: why an application of a closed day is voided")
    add_json_flag(status)
    add_auth_arguments(status, required=False)

    handover = add_command(
        commands, common, "handover", run_handover,
        help="hand a finished document over; mark it delivered",
        description="Who collected it (the applicant, whose CNIC must match, or a "
                    "representative) and, for a service that records its handover (the FIR "
                    "copy: pages, attested by, rank, date), those facts.")
    handover.add_argument("tracking", metavar="TRACKING")
    handover.add_argument("--collected-by", choices=("self", "representative"), default="self")
    handover.add_argument("--cnic", required=True, help="CNIC of the person collecting")
    handover.add_argument("--name", default="", help="representative's name")
    handover.add_argument("--answers", metavar="FILE.json",
                          help="the handover facts as {field_key: value}")
    add_json_flag(handover)
    add_auth_arguments(handover)

    photo = add_command(
        commands, common, "photo", run_photo,
        help="keep the person's photograph with an application",
        description="For the documents that print one (character certificate, tenant, "
                    "employee registration and verification, driving-licence slip): a JPEG "
                    "or PNG, reduced and stripped of its metadata; a retake replaces it.")
    photo.add_argument("tracking", metavar="TRACKING")
    photo.add_argument("--file", required=True, metavar="PICTURE", help="JPEG or PNG file")
    add_auth_arguments(photo)


def _load_answers(path_text: str) -> dict[str, Any]:
    path = Path(path_text)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise BadInput(f"--answers: cannot read {path} ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise BadInput(f"--answers: {path} is not UTF-8 text") from exc
    try:
        answers = json.loads(text)
    except RecursionError as exc:
        raise BadInput(f"--answers: {path} nests its values too deeply; an answers file has "
                       f"at most {MAX_ANSWER_DEPTH} levels") from exc
    except ValueError as exc:
        raise BadInput(f"--answers: {path} is not valid JSON ({exc})") from exc
    if not isinstance(answers, dict):
        raise BadInput(f"--answers: {path} must hold one JSON object of field names and values")
    if _depth(answers) > MAX_ANSWER_DEPTH:
        raise BadInput(f"--answers: {path} nests its values too deeply; an answers file has "
                       f"at most {MAX_ANSWER_DEPTH} levels")
    return answers


def _depth(value: Any) -> int:
    """How deeply lists and objects nest (without recursion, whatever the depth)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level <= MAX_ANSWER_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                pending.extend((child, level + 1) for child in children)
    return deepest


def _documents(option: str, service_docs: tuple[str, ...]) -> tuple[str, ...]:
    if option == "all":
        return service_docs
    if option == "none":
        return ()
    chosen = tuple(k.strip() for k in option.split(",") if k.strip())
    unknown = [k for k in chosen if k not in service_docs]
    if unknown:
        raise BadInput(f"--documents: '{unknown[0]}' is not on this service's checklist "
                       f"({', '.join(service_docs)})")
    return chosen


def summarise(issues: tuple[Any, ...]) -> str:
    shown = "; ".join(str(i) for i in issues[:SHOWN_PROBLEMS])
    more = len(issues) - SHOWN_PROBLEMS
    return shown + (f" (and {more} more)" if more > 0 else "")


def run_apply(args: argparse.Namespace) -> int:
    from khidmat_desk.app.applications import submit_application
    from khidmat_desk.core.catalogue import get_service
    from khidmat_desk.core.issues import IssueLevel
    from khidmat_desk.core.wizard import REVIEW_STEP, Wizard

    service = get_service(args.service)
    wizard = Wizard(service, answers=_load_answers(args.answers), token_no=args.token or "")
    for key in _documents(args.documents, tuple(d.key for d in service.documents)):
        wizard.set_document(key, True)
    problems = tuple(i for i in wizard.step_issues(REVIEW_STEP) if i.level == IssueLevel.ERROR)
    if problems:
        raise BadInput(f"answers: {summarise(problems)}")
    with open_context(args) as ctx, _answers_checked():
        sign_in(ctx, args)
        result = submit_application(ctx, wizard.intake())
    for issue in result.warnings:
        warn(str(issue))
    if result.late:
        warn("saved after the in-charge closed this day (or shift): it is a late record there, "
             "and its fee is not in that close's count")
    print_result(args.json, result, result.tracking_number)
    return 0


@contextmanager
def _answers_checked() -> Iterator[None]:
    """Answers the save refuses are bad input, named like the pre-check names them."""
    from khidmat_desk.app.applications import ValidationFailed

    try:
        yield
    except ValidationFailed as exc:
        raise BadInput(f"answers: {summarise(exc.result.errors)}") from exc


def run_handover(args: argparse.Namespace) -> int:
    from khidmat_desk.app.delivery import Handover, mark_delivered

    facts = _load_answers(args.answers) if args.answers else None
    collector = Handover(args.collected_by, args.cnic, args.name)
    with open_context(args) as ctx, _answers_checked():
        user = sign_in(ctx, args)
        result = mark_delivered(ctx.db, args.tracking, collector, user=user, facts=facts)
    print_result(args.json, result,
                 f"{result.tracking_number}: handed over, now {result.to_status}")
    return 0


def run_photo(args: argparse.Namespace) -> int:
    from khidmat_desk.app.applications import InvalidRequest
    from khidmat_desk.app.photos import attach_photo, read_photo_file

    try:
        data = read_photo_file(Path(args.file))
    except InvalidRequest as exc:
        raise BadInput(f"--file: {exc}") from exc
    with open_context(args) as ctx:
        user = sign_in(ctx, args)
        kept = attach_photo(ctx.db, args.tracking, data, user=user)
    sys.stdout.write(f"{args.tracking}: photo kept ({kept.width}x{kept.height}, "
                     f"sha256 {kept.sha256})\n")
    return 0


def run_find(args: argparse.Namespace) -> int:
    from khidmat_desk.app.confidential import search_applications

    if args.limit < 1:
        raise BadInput("--limit: must be 1 or more")
    with open_context(args) as ctx:
        found = search_applications(ctx.db, args.query, None, limit=args.limit)
    if args.json:
        print_json({"kind": found.kind, "items": found.items})
    else:
        print_table(("TRACKING", "SUBMITTED", "SERVICE", "NAME", "STATUS"), [
            (s.tracking_number, stamp(s.created_at), s.service_code, s.name,
             s.status) for s in found.items])
    if not found.items:
        sys.stderr.write(f"no application matches this {found.kind}\n")
        return 1
    return 0


def run_status(args: argparse.Namespace) -> int:
    from khidmat_desk.app.applications import change_status
    from khidmat_desk.app.confidential import view_application

    if args.new_status is None and (args.reason or args.user):
        raise BadInput("--set: give the new status, or leave out --reason and --user")
    with open_context(args) as ctx:
        user = None
        if args.new_status is not None:
            _precheck_transition(ctx, args)
            user = sign_in(ctx, args)
            change_status(ctx.db, args.tracking, args.new_status, user=user, reason=args.reason,
                          override_reason=args.override_reason)
        detail = view_application(ctx.db, args.tracking, user)
    if args.json:
        print_json(detail)
        return 0
    sys.stdout.write(f"{detail.tracking_number}  {detail.status}  (version {detail.version})\n")
    for change in detail.history:
        reason = f"  - {change.reason}" if change.reason else ""
        sys.stdout.write(f"  {stamp(change.at)}  {change.from_status or '-'} -> "
                         f"{change.to_status}  by {change.user}{reason}\n")
    return 0


def _precheck_transition(ctx: CounterContext, args: argparse.Namespace) -> None:
    """Refuse an impossible change before signing in, so a refused command writes nothing
    (a successful sign-in is itself recorded)."""
    from khidmat_desk.app.applications import get_application
    from khidmat_desk.auth.users import list_users, normalize_username
    from khidmat_desk.core.workflow import check_transition

    current = get_application(ctx.db, args.tracking).status
    wanted = normalize_username(args.user or "")
    roles = [u.roles for u in list_users(ctx.db) if u.username == wanted]
    if roles:
        check_transition(current, args.new_status, roles[0], args.reason)


__all__ = ["CommandError", "register"]
