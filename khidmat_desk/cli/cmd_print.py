"""`print`, `verify` and `keys`: documents to PDF files, checking a document's QR code, and the
centre's signing key."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from khidmat_desk.cli.arguments import Commands, add_command, add_command_group, add_json_flag
from khidmat_desk.cli.context import add_auth_arguments, open_context, sign_in
from khidmat_desk.cli.errors import EXIT_BAD_INPUT, EXIT_FAILURE, BadInput, CommandError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from khidmat_desk.app.context import CounterContext
    from khidmat_desk.app.printing import PrintableDocument, PrintedDocument
    from khidmat_desk.app.verification import Verification
    from khidmat_desk.auth.users import UserInfo


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    kinds = add_command_group(commands, common, "print", help="print a receipt or document",
                              description="Write a receipt or an output document to a PDF "
                                          "file; every copy is recorded.",
                              dest="what", metavar="receipt|document|history")
    _receipt_parser(kinds, common)
    _document_parser(kinds, common)
    history = add_command(kinds, common, "history", run_history, help="copies printed so far")
    history.add_argument("tracking", metavar="TRACKING")
    add_json_flag(history, "print as JSON")
    _verify_parser(commands, common)
    _keys_parser(commands, common)


def _receipt_parser(kinds: Commands, common: argparse.ArgumentParser) -> None:
    receipt = add_command(kinds, common, "receipt", run_print_receipt,
                          help="the application receipt",
                          description="Copy 2 onwards says DUPLICATE. Without --user the "
                                      "copy is recorded as printed from the command line.")
    receipt.add_argument("tracking", metavar="TRACKING")
    receipt.add_argument("--out", required=True, metavar="FILE.pdf")
    receipt.add_argument("--format", choices=("thermal", "a4"), default="thermal",
                         help="80 mm thermal roll (default) or the top half of an A4 sheet")
    receipt.add_argument("--reason", metavar="TEXT", help="why a copy is printed again")
    add_auth_arguments(receipt, required=False)


def _document_parser(kinds: Commands, common: argparse.ArgumentParser) -> None:
    document = add_command(kinds, common, "document", run_print_document,
                           help="the service's certificate, letter, report or slip",
                           description="Signed with the centre's key. A reprint of a "
                                       "certificate, letter or report needs the in-charge.")
    document.add_argument("tracking", metavar="TRACKING")
    document.add_argument("--out", required=True, metavar="FILE.pdf")
    document.add_argument("--document", metavar="KEY",
                          help="which output document (default: the service's only one)")
    document.add_argument("--reason", metavar="TEXT", help="why a copy is printed again")
    add_auth_arguments(document)


def _verify_parser(commands: Commands, common: argparse.ArgumentParser) -> None:
    verify = add_command(
        commands, common, "verify", run_verify, help="check a document's signed QR code",
        description="Prints VALID, INVALID, or NOT THIS PERSON (a genuine document whose holder "
                    "is not the --cnic given), then every fact the code signs. For a PDF the "
                    "page's own text is compared with them. Exit 0 when valid, 1 when not, 2 "
                    "when the file cannot be read or holds no QR code.")
    verify.add_argument("file", nargs="?", metavar="FILE.pdf",
                        help="a printed document as PDF, or a scan or photo of it (PNG/JPEG)")
    verify.add_argument("--payload", metavar="TEXT", help="the QR code's text instead of a file")
    verify.add_argument("--public-key", metavar="FILE.pem",
                        help="check against this exported public key instead of this PC's "
                             "database")
    verify.add_argument("--cnic", metavar="CNIC",
                        help="also check that the document belongs to this identity number")
    add_json_flag(verify)


def _keys_parser(commands: Commands, common: argparse.ArgumentParser) -> None:
    actions = add_command_group(commands, common, "keys", help="the centre's signing key",
                                dest="action", metavar="export|create")
    export = add_command(actions, common, "export", run_keys_export,
                         help="write the public key (PEM)")
    export.add_argument("--out", metavar="FILE.pem", help="file to write (default: stdout)")
    create = add_command(
        actions, common, "create", run_keys_create, help="create the signing key (in-charge)",
        description="For a centre set up before keys existed, or to replace a lost or exposed "
                    "key (--replace). Documents signed with a replaced key stay verifiable.")
    create.add_argument("--replace", action="store_true", help="retire the current key")
    add_auth_arguments(create)


# ---------------------------------------------------------------------------------------------


def _write(path_text: str, data: bytes) -> Path:
    path = Path(path_text)
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"--out: cannot write {path} ({exc.strerror or exc})") from exc
    return path


def _public_url(ctx: CounterContext) -> str | None:
    """The central server's public verification address that QR codes open, if set."""
    return str(ctx.settings.get("public_verify_url")) or None


def _report(printed: PrintedDocument, path: Path) -> None:
    mark = f" (DUPLICATE, copy {printed.copy_no})" if printed.duplicate else ""
    sys.stdout.write(f"{printed.document_key} for {printed.tracking_number} written to "
                     f"{path}{mark}\n")


def run_print_receipt(args: argparse.Namespace) -> int:
    from khidmat_desk.app.printing import print_receipt

    with open_context(args) as ctx:
        user = sign_in(ctx, args) if args.user else None
        printed = print_receipt(ctx.db, args.tracking, user=user, fmt=args.format,
                                reason=args.reason, templates=ctx.templates, tariff=ctx.tariff,
                                base_url=_public_url(ctx))
        path = _deliver(ctx, printed, args.out, user)
    _report(printed, path)
    return 0


def _deliver(ctx: CounterContext, printed: PrintedDocument, out: str,
             user: UserInfo | None) -> Path:
    """Write the copy to --out; only a written file counts as a copy."""
    from khidmat_desk.app.printing import print_delivered, print_failed

    try:
        path = _write(out, printed.pdf)
    except CommandError as exc:
        print_failed(ctx.db, printed, str(exc), user=user)
        raise
    print_delivered(ctx.db, printed, str(path), user=user)
    return path


def run_print_document(args: argparse.Namespace) -> int:
    from khidmat_desk.app.printing import list_documents, print_document

    with open_context(args) as ctx:
        key = _chosen_output(list_documents(ctx.db, args.tracking, ctx.templates),
                             args.document)
        user = sign_in(ctx, args)
        printed = print_document(ctx.db, args.tracking, key, user=user, signer=ctx.signer(),
                                 reason=args.reason, templates=ctx.templates,
                                 base_url=_public_url(ctx),
                                 counter=int(ctx.settings.get("counter")))
        path = _deliver(ctx, printed, args.out, user)
    _report(printed, path)
    return 0


def _chosen_output(documents: tuple[PrintableDocument, ...], chosen: str | None) -> str:
    """The --document asked for, or the service's only output document."""
    keys = [d.key for d in documents if d.kind != "receipt"]
    if chosen in keys or (chosen is None and len(keys) == 1):
        return chosen or keys[0]
    raise BadInput(f"--document: choose one of: {', '.join(keys) or 'none'} (the receipt is "
                   "printed with 'print receipt')")


def run_history(args: argparse.Namespace) -> int:
    from khidmat_desk.app.printing import print_history
    from khidmat_desk.cli.output import stamp

    with open_context(args) as ctx:
        records = print_history(ctx.db, args.tracking)
    if args.json:
        sys.stdout.write(json.dumps([asdict(r) for r in records], default=str, indent=2) + "\n")
        return 0
    for r in records:
        why = f"  - {r.reason}" if r.reason else ""
        state = "" if r.state == "delivered" else f"  [{r.state}]"
        sys.stdout.write(f"{stamp(r.printed_at)}  {r.document_key} ({r.format})  copy "
                         f"{r.copy_no}  by {r.printed_by}{state}{why}\n")
    if not records:
        sys.stdout.write("nothing printed yet\n")
    return 0


# ---------------------------------------------------------------------------------------------
# verify
# ---------------------------------------------------------------------------------------------


def run_verify(args: argparse.Namespace) -> int:
    from khidmat_desk.app.verification import VALID, verify_payload

    if (args.file is None) == (args.payload is None):
        raise BadInput("FILE: give a document file or --payload TEXT (one of them)")
    if args.payload is not None:
        payloads, page_text = [args.payload], None
    else:
        payloads, page_text = _payloads_in(Path(args.file))
    keys = _verification_keys(args)
    results = [verify_payload(text, keys, cnic=args.cnic, page_text=page_text)
               for text in payloads]
    for result in results:
        _show(result, args.json, cnic_given=args.cnic is not None)
    return 0 if all(r.verdict == VALID for r in results) else EXIT_FAILURE


def _payloads_in(path: Path) -> tuple[list[str], str | None]:
    from khidmat_desk.printing.qrread import UnreadableFile, read_file

    try:
        found = read_file(path)
    except UnreadableFile as exc:
        raise BadInput(f"FILE: {exc}") from exc
    if not found.qr_texts:
        raise BadInput(f"FILE: no QR code could be read in {path}")
    return found.qr_texts, found.page_text


def _verification_keys(
        args: argparse.Namespace) -> dict[str, tuple[str, Ed25519PublicKey]]:
    """The exported key given with --public-key, else every key in this PC's database."""
    from khidmat_desk.app.keys import known_public_keys
    from khidmat_desk.printing.signing import PayloadError, key_id_of, public_key_from_pem

    if args.public_key:
        try:
            public = public_key_from_pem(Path(args.public_key).read_bytes())
        except (OSError, ValueError, PayloadError) as exc:
            raise BadInput(f"--public-key: {args.public_key} is not a readable public key "
                           f"({exc})") from exc
        return {key_id_of(public): (_centre_named_in(Path(args.public_key)), public)}
    with open_context(args) as ctx:
        return dict(known_public_keys(ctx.db))


#: First line of an exported key file: says whose key it is (PEM readers skip it).
KEY_FILE_HEADER = "Khidmat Desk signing key of centre {centre}, key id {key_id}"


def _centre_named_in(path: Path) -> str:
    from khidmat_desk.app.verification import ANY_CENTRE

    first = path.read_text("ascii", errors="replace").splitlines()[:1]
    words = first[0].split() if first else []
    if len(words) > 6 and words[:6] == ["Khidmat", "Desk", "signing", "key", "of", "centre"]:
        return words[6].rstrip(",")
    return ANY_CENTRE


def _show(result: Verification, as_json: bool, *, cnic_given: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(_as_json(result), indent=2, ensure_ascii=False) + "\n")
        return
    first = result.reason
    if result.verdict == "NOT THIS PERSON":
        first = ("the identity number given is not the holder's; the document itself is "
                 f"genuine ({result.reason})")
    sys.stdout.write(f"{result.verdict}: {first}\n")
    for label, value in _header_lines(result):
        sys.stdout.write(f"  {label + ':':19}{value}\n")
    if result.document is not None and result.document.facts:
        from khidmat_desk.app.verification import fact_lines

        sys.stdout.write("  Signed content (compare each line with the paper):\n")
        for label, value in fact_lines(result.document):
            mark = "  <- NOT as signed on the page" if label in result.page_differs else ""
            sys.stdout.write(f"    {label}: {value}{mark}\n")
    if result.document is not None and result.cnic_matches is None and cnic_given:
        sys.stdout.write("  Identity number:   this document carries none to compare with\n")
    if result.cnic_matches is not None:
        sys.stdout.write("  Identity number:   " + (
            "matches the holder of this document\n" if result.cnic_matches
            else "DOES NOT match the holder of this document\n"))


def _header_lines(result: Verification) -> list[tuple[str, str]]:
    from khidmat_desk.core.catalogue import SERVICE_CODES, get_service
    from khidmat_desk.printing.signing import format_short_code

    content, document = result.content, result.document
    source = document or content
    if source is None:
        return []
    service = (get_service(source.service_code).title
               if source.service_code in SERVICE_CODES else "not named on this document")
    lines = [("Tracking number", source.tracking_number), ("Service", service)]
    if content is not None:
        lines += [("Name", content.name), ("Issued on", content.issued_on),
                  ("Status at issue", content.status)]
    if document is not None:
        lines += [("Issued on", document.issued_on), ("Copy", str(document.copy_no))]
    lines += [("Centre", source.centre_code), ("Key", source.key_id)]
    if result.code:
        lines.append(("Verification code", format_short_code(result.code)))
    return lines


def _as_json(result: Verification) -> dict[str, object]:
    from khidmat_desk.app.verification import fact_lines

    document = result.document
    return {
        "verdict": result.verdict, "valid": result.valid, "reason": result.reason,
        "cnic_matches": result.cnic_matches,
        "content": asdict(result.content) if result.content else None,
        "document": None if document is None else {
            "format": 2, "key_id": document.key_id,
            "tracking_number": document.tracking_number,
            "service_code": document.service_code, "document_key": document.document_key,
            "issued_on": document.issued_on, "copy_no": document.copy_no,
            "centre_code": document.centre_code, "verification_code": result.code,
            "facts": [{"label": label, "value": value}
                      for label, value in fact_lines(document)]},
        "page_checked": result.page_checked, "page_differs": list(result.page_differs)}


# ---------------------------------------------------------------------------------------------
# keys
# ---------------------------------------------------------------------------------------------


def run_keys_export(args: argparse.Namespace) -> int:
    from khidmat_desk.app.keys import current_key

    with open_context(args) as ctx:
        key = current_key(ctx.db, ctx.centre_code)
    if key is None:
        raise CommandError(f"centre {ctx.centre_code} has no signing key yet; the in-charge "
                           "creates one with 'khidmat-desk keys create'")
    text = KEY_FILE_HEADER.format(centre=key.centre_code, key_id=key.key_id) + "\n" + \
        key.public_pem
    if args.out:
        path = _write(args.out, text.encode("ascii"))
        sys.stdout.write(f"public key {key.key_id} of centre {key.centre_code} written to "
                         f"{path}\n")
    else:
        sys.stdout.write(text)
    return 0


def run_keys_create(args: argparse.Namespace) -> int:
    from khidmat_desk.app.keys import create_signing_key, current_key, replace_signing_key
    from khidmat_desk.auth.users import require_role
    from khidmat_desk.core.workflow import IN_CHARGE

    with open_context(args) as ctx:
        existing = current_key(ctx.db, ctx.centre_code)
        if existing is not None and not args.replace:
            raise BadInput(f"--replace: centre {ctx.centre_code} already has key "
                           f"{existing.key_id}; add --replace to retire it")
        user = sign_in(ctx, args)
        require_role(user, IN_CHARGE)
        store = ctx.secret_store()
        if existing is None:
            with ctx.db.write() as session:
                key = create_signing_key(session, store, ctx.centre_code,
                                         actor=user.username)
        else:
            key = replace_signing_key(ctx.db, store, ctx.centre_code, actor=user.username)
    sys.stdout.write(f"signing key {key.key_id} created for centre {key.centre_code} "
                     f"({store.describe()})\n")
    return 0


__all__ = ["EXIT_BAD_INPUT", "register"]
