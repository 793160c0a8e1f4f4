"""TLS: certificates are always verified; a private certificate authority can be configured."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sync_helpers import Central, Counter

from khidmat_central.server import ServerThread
from khidmat_desk.app.sync import setup_sync


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def make_private_ca(folder: Path) -> tuple[Path, Path, Path]:
    """A CA and a certificate for 127.0.0.1 signed by it: (ca.pem, cert.pem, key.pem)."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Khidmat test CA"))
          .issuer_name(_name("Khidmat test CA")).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(hours=1))
          .not_valid_after(now + timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                       False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


@pytest.fixture
def https_server(central: Central, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ca, cert, key = make_private_ca(tmp_path)
    server = ServerThread(central.db, tls_cert=str(cert), tls_key=str(key),
                          tariff=central.tariff).start()
    yield server.url, ca
    server.stop()


def test_an_unknown_certificate_authority_is_refused_then_trusted_when_configured(
        central: Central, https_server: tuple[str, Path],
        counters: Callable[..., Counter]) -> None:
    url, ca = https_server
    assert url.startswith("https://127.0.0.1:")
    counter = counters(url, central.token())
    counter.submit(2)
    refused = counter.syncer.run_once()
    assert refused.pending == 2 and not refused.online
    assert refused.error is not None and "CERTIFICATE_VERIFY_FAILED" in refused.error
    counter.syncer.close()
    setup_sync(counter.settings, server=url, token=central.token(), ca_bundle=str(ca))
    trusted = counter.syncer.run_once()
    assert trusted.error is None and trusted.pushed == 2 and trusted.outbox_empty
