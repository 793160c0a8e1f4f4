"""The person's photograph for the documents that print one (character certificate, tenant,
employee registration and verification, driving-licence slip).

The counter takes it from a file (a scan or a camera's picture). It is decoded, turned upright,
reduced to at most ``MAX_SIDE`` pixels, stripped of its metadata (a phone's GPS position has
no place on a police record) and kept as JPEG with the application, one per application; a
retake replaces it. Its SHA-256 is printed beside the picture so the document's signed content
covers it, and the audit trail records who added which digest.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import delete, select

from khidmat_desk.app.applications import APP, InvalidRequest, get_application, utc_moment
from khidmat_desk.app.confidential import check_may_see
from khidmat_desk.auth.users import UserInfo, require_role
from khidmat_desk.core.catalogue import get_service
from khidmat_desk.core.workflow import OFFICER, VOIDED
from khidmat_desk.store.audit import append_event
from khidmat_desk.store.audit_state import STATE_KEY, application_state
from khidmat_desk.store.db import Database
from khidmat_desk.store.models import Photo

log = logging.getLogger("khidmat.photos")

#: Longest side kept: a 35 x 45 mm print at 300 dpi needs about 530 pixels.
MAX_SIDE = 600
#: Larger files are refused before decoding (a camera's picture is a few megabytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Larger pictures are refused before decoding (a 48-megapixel phone camera is the most a
#: counter meets; a small file claiming more is a decompression bomb).
MAX_PIXELS = 50_000_000
ACCEPTED = ("JPEG", "PNG", "WEBP", "BMP")


@dataclass(frozen=True)
class StoredPhoto:
    jpeg: bytes
    sha256: str
    width: int
    height: int


def prepare_photo(data: bytes) -> StoredPhoto:
    """The picture as it is kept: upright, at most MAX_SIDE pixels, JPEG, no metadata."""
    _check_size(len(data))
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.format not in ACCEPTED:
                raise InvalidRequest.told("A {kind} file is not a photo format the counter "
                                          "takes; use {kinds}.", kind=opened.format,
                                          kinds=", ".join(ACCEPTED))
            if opened.width * opened.height > MAX_PIXELS:
                raise InvalidRequest.told("The picture is {size} pixels; use one of at most "
                                          "{most} megapixels.",
                                          size=f"{opened.width}x{opened.height}",
                                          most=MAX_PIXELS // 1_000_000)
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        log.info("photo refused: %s", exc)
        raise InvalidRequest("The file is not a readable picture; take the photo again or "
                             "choose a JPEG or PNG file.") from exc
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    jpeg = out.getvalue()
    return StoredPhoto(jpeg, hashlib.sha256(jpeg).hexdigest(), image.width, image.height)


def read_photo_file(path: Path) -> bytes:
    """The bytes of a picture file, refused before reading when it is too large."""
    try:
        _check_size(path.stat().st_size)
        return path.read_bytes()
    except OSError as exc:
        log.info("photo file %s not read: %s", path, exc)
        raise InvalidRequest.told("Cannot read {name} ({problem}).", name=path.name,
                                  problem=exc.strerror or exc) from exc


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise InvalidRequest.told("The photo file is {size} MB; use one of at most {most} MB.",
                                  size=size // (1024 * 1024), most=MAX_FILE_BYTES // (1024 * 1024))


def needs_photo(service_code: str) -> bool:
    """Whether any document of the service prints the person's photograph."""
    return any(output.photo for output in get_service(service_code).outputs)


def attach_photo(db: Database, tracking: str, data: bytes, *, user: UserInfo,
                 now: datetime | None = None) -> StoredPhoto:
    """Keep the photograph with the application and audit it; a retake replaces the earlier
    one, and the audit trail names the digest it replaced."""
    require_role(user, OFFICER)  # taking the photograph is intake work
    detail = get_application(db, tracking)
    check_may_see(user, detail)
    service = get_service(detail.service_code)
    if not needs_photo(service.code):
        raise InvalidRequest.told("{service} prints no photograph; nothing is kept.",
                                  service=service.title)
    if detail.status == VOIDED:
        raise InvalidRequest.told("{number} was voided; no photograph is kept for it.",
                                  number=detail.tracking_number)
    photo = prepare_photo(data)
    when = utc_moment(now)
    with db.write() as session:
        app_id = session.execute(select(APP.c.id).where(APP.c.uuid == detail.uuid)
                                 .with_for_update()).scalar_one()
        earlier = session.execute(select(Photo.sha256).where(
            Photo.application_id == app_id)).scalar_one_or_none()
        session.execute(delete(Photo).where(Photo.application_id == app_id))
        session.add(Photo(application_id=app_id, sha256=photo.sha256, jpeg=photo.jpeg,
                          width=photo.width, height=photo.height, added_by=user.id,
                          added_at=when))
        details = {"tracking_number": detail.tracking_number, "sha256": photo.sha256}
        if earlier is not None:
            details["replaced_sha256"] = earlier
        append_event(session, actor=user.username,
                     action="photo-replaced" if earlier is not None else "photo-attached",
                     entity_type="application", entity_id=detail.uuid, at=when,
                     details={**details, STATE_KEY: application_state(session, detail.uuid)})
    log.info("%s: photo %s kept by %s%s", detail.tracking_number, photo.sha256[:12],
             user.username, f" (replacing {earlier[:12]})" if earlier else "")
    return photo


def photo_of(db: Database, uuid: str) -> StoredPhoto | None:
    """The photograph kept with the application, if any."""
    with db.read() as session:
        row = session.execute(select(Photo.jpeg, Photo.sha256, Photo.width, Photo.height)
                              .join(APP, APP.c.id == Photo.application_id)
                              .where(APP.c.uuid == uuid)).one_or_none()
    return None if row is None else StoredPhoto(row.jpeg, row.sha256, row.width, row.height)


def has_photo(db: Database, uuid: str) -> bool:
    """Whether a photograph is kept with the application (without reading it)."""
    with db.read() as session:
        return session.execute(select(Photo.sha256).join(APP, APP.c.id == Photo.application_id)
                               .where(APP.c.uuid == uuid)).first() is not None
