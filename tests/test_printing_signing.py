"""The signed QR payload: what is signed verifies, and no changed character ever does."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from khidmat_desk.app.verification import ANY_CENTRE, verify_payload
from khidmat_desk.printing.signing import (
    PayloadContent,
    Signer,
    cnic_digest,
    key_id_of,
    public_key_from_pem,
    public_key_from_text,
    public_key_pem,
    public_key_text,
)

TRACKING = "LHR07-261123-03-0002-5"


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer.generate()


def content(signer: Signer, **changes: str) -> PayloadContent:
    fields = dict(key_id=signer.key_id, tracking_number=TRACKING,
                  service_code="character-certificate", name="Muhammad Imran",
                  issued_on="2026-11-23", status="ready", centre_code="LHR07",
                  cnic_digest=cnic_digest(TRACKING, "3520212345671"))
    return PayloadContent(**{**fields, **changes})


def keys_of(signer: Signer, centre: str = "LHR07") -> dict[str, tuple[str, Ed25519PublicKey]]:
    return {signer.key_id: (centre, signer.public_key)}


def test_a_signed_payload_verifies_and_reads_back(signer: Signer) -> None:
    payload = signer.sign(content(signer))
    result = verify_payload(payload, keys_of(signer))
    assert result.valid, result.reason
    assert result.content == content(signer)
    assert len(payload) < 250  # small enough for a QR a phone reads off a folded page


def test_every_single_character_change_is_invalid(signer: Signer) -> None:
    payload = signer.sign(content(signer))
    keys = keys_of(signer)
    for i, original in enumerate(payload):
        for replacement in {"A", "a", "0", "|", "-", "_"} - {original}:
            tampered = payload[:i] + replacement + payload[i + 1:]
            result = verify_payload(tampered, keys)
            assert not result.valid, (i, replacement)


def test_dropping_or_adding_a_character_is_invalid(signer: Signer) -> None:
    payload = signer.sign(content(signer))
    keys = keys_of(signer)
    for i in range(len(payload)):
        assert not verify_payload(payload[:i] + payload[i + 1:], keys).valid
    assert not verify_payload(payload + "A", keys).valid


def test_the_spare_bits_of_the_signature_cannot_be_changed(signer: Signer) -> None:
    """86 base64 characters hold 516 bits for a 512-bit signature: a lenient decoder would
    accept a last character that differs only in the 4 spare bits."""
    payload = signer.sign(content(signer))
    last = payload[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    same_bits = [c for c in alphabet if alphabet.index(c) >> 4 == alphabet.index(last) >> 4]
    for c in same_bits:
        if c != last:
            assert not verify_payload(payload[:-1] + c, keys_of(signer)).valid


def test_another_centres_key_or_claim_is_invalid(signer: Signer) -> None:
    other = Signer.generate()
    forged = other.sign(content(other))
    assert "not a key this PC knows" in verify_payload(forged, keys_of(signer)).reason
    claimed = other.sign(content(other, centre_code="LHR07"))
    result = verify_payload(claimed, {other.key_id: ("RWP01", other.public_key)})
    assert not result.valid and "belongs to centre RWP01" in result.reason
    assert verify_payload(claimed, {other.key_id: (ANY_CENTRE, other.public_key)}).valid


def test_text_that_is_no_payload_is_invalid_not_an_error(signer: Signer) -> None:
    for text in ("", "hello", "PKM1|x", "PKM2" + signer.sign(content(signer))[4:]):
        result = verify_payload(text, keys_of(signer))
        assert not result.valid and result.content is None


def test_the_cnic_digest_matches_only_the_holder(signer: Signer) -> None:
    payload = signer.sign(content(signer))
    keys = keys_of(signer)
    assert verify_payload(payload, keys, cnic="35202-1234567-1").cnic_matches is True
    assert verify_payload(payload, keys, cnic="35202-1234567-3").cnic_matches is False
    assert "3520212345671" not in payload
    assert cnic_digest("LHR07-261123-03-0003-8", "3520212345671") != content(signer).cnic_digest


def test_keys_survive_their_text_forms(signer: Signer) -> None:
    assert Signer.from_secret(signer.secret_text()).key_id == signer.key_id
    assert key_id_of(public_key_from_text(public_key_text(signer.public_key))) == signer.key_id
    pem = public_key_pem(signer.public_key).encode()
    assert key_id_of(public_key_from_pem(b"a line before the key\n" + pem)) == signer.key_id


def test_a_field_cannot_smuggle_the_separator(signer: Signer) -> None:
    payload = signer.sign(content(signer, name="Imran|ready"))
    result = verify_payload(payload, keys_of(signer))
    assert result.valid and result.content is not None
    assert result.content.name == "Imran/ready"
