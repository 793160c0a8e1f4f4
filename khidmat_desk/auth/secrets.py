"""Secrets of this counter (the sync token, the centre's signing key) kept out of plain files.

The OS keyring (Windows Credential Manager, GNOME Keyring / KWallet via Secret Service) is the
home of every secret. A PC without one (a service install, a bare Linux box) gets a clear
message instead of a silent plaintext file. The documented fallback is the *protected file
store*: one file per secret in ``<data-dir>/secrets/`` readable by this Windows/Linux user only
(folder 0700, files 0600). It is chosen explicitly with the ``secret_store`` setting ("file"),
and every use of it is logged as a warning, so nobody ends up with it by accident.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path
from typing import Any

from khidmat_desk.errors import KnownError
from khidmat_desk.files import write_atomically

log = logging.getLogger("khidmat.secrets")

SERVICE = "khidmat-desk"
KEYRING, FILE = "keyring", "file"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,80}$")

HOW_TO_FALL_BACK = (
    "No system keyring is available on this PC, so the secret cannot be stored safely. "
    "Start the desktop's keyring (Windows Credential Manager, GNOME Keyring or KWallet), or "
    "choose the protected file store with 'khidmat-desk init --secret-store file' (secrets are "
    "then kept in files readable only by this user; see README, 'Secrets').")


class SecretsUnavailable(KnownError):  # noqa: N818 - public name, read as a message
    """No safe place for secrets; ``str()`` says what the operator can do."""


class SecretStore:
    """Named secrets for one counter: ``get``/``put``/``delete`` over the keyring or the file store.

    ``scope`` separates counters sharing one Windows/Linux account (the data folder's path is a
    natural choice); it becomes part of the keyring entry's user name.
    """

    def __init__(self, data_dir: Path, backend: str = KEYRING) -> None:
        if backend not in (KEYRING, FILE):
            raise ValueError(f"secret store must be '{KEYRING}' or '{FILE}', not '{backend}'")
        self.data_dir = Path(data_dir)
        self.backend = backend

    def describe(self) -> str:
        if self.backend == FILE:
            return f"protected files in {self._folder()}"
        import keyring

        return f"system keyring ({type(keyring.get_keyring()).__module__})"

    def get(self, name: str) -> str | None:
        _check_name(name)
        if self.backend == FILE:
            return self._read_file(name)
        keyring, errors = _keyring()
        try:
            found = keyring.get_password(SERVICE, self._account(name))
            return None if found is None else str(found)
        except errors.KeyringError as exc:
            log.warning("keyring refused to read %s: %s", name, exc)
            raise SecretsUnavailable(HOW_TO_FALL_BACK) from exc

    def put(self, name: str, value: str) -> None:
        _check_name(name)
        if not value:
            raise ValueError("a secret cannot be empty")
        if self.backend == FILE:
            self._write_file(name, value)
            return
        keyring, errors = _keyring()
        try:
            keyring.set_password(SERVICE, self._account(name), value)
        except errors.KeyringError as exc:
            log.warning("keyring refused to store %s: %s", name, exc)
            raise SecretsUnavailable(HOW_TO_FALL_BACK) from exc
        log.info("secret %s stored in the system keyring", name)

    def delete(self, name: str) -> None:
        _check_name(name)
        if self.backend == FILE:
            (self._folder() / name).unlink(missing_ok=True)
            return
        keyring, errors = _keyring()
        try:
            keyring.delete_password(SERVICE, self._account(name))
        except errors.PasswordDeleteError:
            log.info("secret %s was not in the keyring", name)
        except errors.KeyringError as exc:
            raise SecretsUnavailable(HOW_TO_FALL_BACK) from exc

    # -- keyring ---------------------------------------------------------------------------

    def _account(self, name: str) -> str:
        return f"{name}@{self.data_dir.resolve()}"

    # -- protected file store --------------------------------------------------------------

    def _folder(self) -> Path:
        return self.data_dir / "secrets"

    def _read_file(self, name: str) -> str | None:
        path = self._folder() / name
        if not path.exists():
            return None
        _refuse_if_exposed(path)
        log.warning("secret %s read from the protected file store (no keyring in use)", name)
        return path.read_text("utf-8").strip() or None

    def _write_file(self, name: str, value: str) -> None:
        folder = self._folder()
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        write_atomically(folder / name, value.encode("utf-8"), mode=0o600)
        log.warning("secret %s written to the protected file store %s (no keyring in use)",
                    name, folder)


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ValueError(f"bad secret name '{name}'")


def _keyring() -> tuple[Any, Any]:
    import keyring
    import keyring.errors

    return keyring, keyring.errors


def _refuse_if_exposed(path: Path) -> None:
    """A secret file others can read has been tampered with or copied carelessly: say so."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise SecretsUnavailable(
            f"{path} can be read by other users (mode {mode:o}); run 'chmod 600 {path}' "
            "and check who copied it")
