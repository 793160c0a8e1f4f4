"""Secrets never land in a plain file by accident: keyring, or the explicitly chosen file store."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from khidmat_desk.auth.secrets import FILE, KEYRING, SecretStore, SecretsUnavailable


def test_without_a_keyring_the_operator_is_told_what_to_do(tmp_path: Path,
                                                          no_keyring: None) -> None:
    store = SecretStore(tmp_path, KEYRING)
    with pytest.raises(SecretsUnavailable, match="--secret-store file"):
        store.put("sync-token", "abc")
    with pytest.raises(SecretsUnavailable):
        store.get("sync-token")
    assert not (tmp_path / "secrets").exists()


def test_file_store_round_trip_is_private(tmp_path: Path) -> None:
    store = SecretStore(tmp_path, FILE)
    assert store.get("signing-key") is None
    store.put("signing-key", "s3cret")
    store.put("signing-key", "s3cret-2")
    path = tmp_path / "secrets" / "signing-key"
    assert store.get("signing-key") == "s3cret-2"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["signing-key"]
    store.delete("signing-key")
    assert store.get("signing-key") is None


def test_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    store = SecretStore(tmp_path, FILE)
    store.put("sync-token", "t")
    os.chmod(tmp_path / "secrets" / "sync-token", 0o644)
    with pytest.raises(SecretsUnavailable, match="chmod 600"):
        store.get("sync-token")


@pytest.mark.parametrize("name", ["", "../x", "A B", "x" * 100])
def test_bad_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="bad secret name"):
        SecretStore(tmp_path, FILE).put(name, "v")


def test_unknown_backend_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="keyring"):
        SecretStore(tmp_path, "plaintext")
