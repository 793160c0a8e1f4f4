"""One rotating log file per data directory, named loggers per subsystem ("khidmat.<area>").

The log is read by whoever looks after the PC, so it carries no personal data and no secrets,
whatever a caller passes it: every line goes through `LogScrubber`, which blanks CNICs, bearer
tokens and any secret registered with `hide` (the sync token, a password typed for a command),
and writes control characters, line breaks and bidi overrides as visible escapes, so a value
typed at the counter can never start a forged line of its own.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from datetime import UTC, datetime
from pathlib import Path

from khidmat_desk.core import clock

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"
CNIC_MASK = "[CNIC]"
SECRET_MASK = "[hidden]"  # noqa: S105 - what replaces a secret, not a secret
#: Secrets shorter than this are not searched for (they would blank ordinary words).
_MIN_SECRET = 6

_CNIC = re.compile(r"(?<![0-9])[0-9]{5}-?[0-9]{7}-?[0-9](?![0-9])")
#: "Authorization: Bearer xyz", "Bearer xyz", "token=xyz", "password: xyz".
_CREDENTIALS = (
    re.compile(r"(?i)\b(authorization\s*[=:]\s*)(?:[a-z]+\s+)?(?!\[hidden\])[^\s,;'\"]+"),
    re.compile(r"(?i)\b(bearer\s+)(?!\[hidden\])[^\s,;'\"]+"),
    re.compile(r"(?i)\b((?:token|password|passwd|secret)\s*[=:]\s*)(?!\[hidden\])"
               r"[^\s,;'\"]+"),
)
#: C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def hide(secret: str | None) -> None:
    """Never let ``secret`` reach the log (a token or password held by this process)."""
    if secret and len(secret.strip()) >= _MIN_SECRET:
        with _secrets_lock:
            _secrets.add(secret.strip())


def scrub(text: str) -> str:
    """``text`` with CNICs, tokens and hidden secrets blanked; one line, controls escaped."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, SECRET_MASK)
    text = _hide_credentials(text)
    text = _CNIC.sub(CNIC_MASK, text)
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return named.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100
                               else f"\\u{ord(char):04x}")


class LogScrubber(logging.Formatter):
    """The house format, every record scrubbed; a traceback's own lines are indented with a
    bar so no line of it can pass for a record of its own. Times are the centre's clock with
    its offset ("2026-12-01 10:43:17,901+0500"), whatever zone the PC is set to, so the counter
    window's lines and a command's read alike in one file."""

    def formatTime(self, record: logging.LogRecord,  # noqa: N802 - logging's own name
                   datefmt: str | None = None) -> str:
        moment = clock.local(datetime.fromtimestamp(record.created, UTC))
        return f"{moment:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}{moment:%z}"

    def format(self, record: logging.LogRecord) -> str:
        message = scrub(record.getMessage())
        saved = record.msg, record.args, record.exc_text
        record.msg, record.args = message, None
        try:
            if record.exc_info and not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = "\n".join(
                    "  | " + _UNSAFE.sub(_escape, _CNIC.sub(CNIC_MASK, line))
                    for line in _hide_known(record.exc_text).splitlines())
            return super().format(record)
        finally:
            record.msg, record.args, record.exc_text = saved


def _hide_known(text: str) -> str:
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, SECRET_MASK)
    return _hide_credentials(text)


def _hide_credentials(text: str) -> str:
    for pattern in _CREDENTIALS:
        text = pattern.sub(lambda m: f"{m.group(1)}{SECRET_MASK}", text)
    return text


def setup_logging(data_dir: Path | None, *, verbose: bool = False) -> Path | None:
    """Log to data_dir/logs/khidmat.log (5 x 2 MB); warnings also reach stderr when verbose."""
    root = logging.getLogger("khidmat")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    path = None
    if data_dir is not None and data_dir.is_dir():
        (data_dir / "logs").mkdir(exist_ok=True, mode=0o700)
        path = data_dir / "logs" / "khidmat.log"
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        file_handler.setFormatter(LogScrubber(LOG_FORMAT))
        root.addHandler(file_handler)
        path.chmod(0o600)
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(LogScrubber(LOG_FORMAT))
        root.addHandler(stream)
    return path
