"""Officers' SM2 e-signatures on records (R-DOC-009): signed, verifiable, forgery detected."""

import pytest
from django.core.management import call_command
from django.db import connection

from zhifa.ledger.canonical import sm3_hex
from zhifa.ledger.crypto import decrypt_private_key
from zhifa.ledger.db import drop_triggers
from zhifa.ledger.errors import LedgerError
from zhifa.ledger.models import Event, SigningKey
from zhifa.ledger.signatures import officer_key, sign_record, verify_signatures

pytestmark = pytest.mark.django_db


def test_r_doc_009_signing_records_a_verifiable_signature(handler, agency):
    digest = sm3_hex("询问笔录全文".encode())
    event = sign_record(actor=handler, subject=agency, digest=digest, purpose="inquiry_record", agency=agency)
    assert event.event_type == "signature.added"
    assert event.data["digest"] == digest
    assert event.data["algorithm"] == "SM2-SM3"
    assert event.data["key_id"] == officer_key(handler).key_id
    assert verify_signatures() is None


def test_private_key_is_encrypted_at_rest(handler, agency):
    key = officer_key(handler)
    private = decrypt_private_key(key.encrypted_private_key)
    assert len(private) == 64
    assert private not in key.encrypted_private_key
    assert officer_key(handler).pk == key.pk  # one key per officer, reused


def test_a_signature_by_another_users_key_is_detected(handler, colleague, agency):
    sign_record(actor=handler, subject=agency, digest="a" * 64, purpose="record")
    drop_triggers(connection)
    Event.objects.filter(event_type="signature.added").update(actor=colleague)
    problem = verify_signatures()
    assert problem.message.endswith("电子签名的密钥不存在或不属于签名人")


def test_an_altered_signature_fails_verification_and_the_command(handler, agency, capsys):
    event = sign_record(actor=handler, subject=agency, digest="b" * 64, purpose="record")
    drop_triggers(connection)
    data = event.data
    data["digest"] = "c" * 64  # claim the signature covers another document
    import json

    Event.objects.filter(sequence=event.sequence).update(
        payload=json.dumps(data, sort_keys=True, separators=(",", ":"))
    )
    assert verify_signatures().message == f"#{event.sequence} 电子签名无效"


def test_digest_must_be_sm3_hex(handler, agency):
    with pytest.raises(LedgerError) as excinfo:
        sign_record(actor=handler, subject=agency, digest="not-a-digest", purpose="record")
    assert excinfo.value.field == "digest"
    assert SigningKey.objects.count() == 0


def test_verify_command_reports_signatures(handler, agency, capsys):
    sign_record(actor=handler, subject=agency, digest="d" * 64, purpose="record")
    call_command("ledger", "verify")
    assert "全部电子签名有效" in capsys.readouterr().out


def test_keys_starting_with_04_sign_and_verify():
    """gmssl's own constructor mangles such keys (lstrip("04")); the provider must not."""
    from gmssl import sm2

    from zhifa.ledger.crypto import Sm2Provider

    provider = Sm2Provider()
    order = int(sm2.default_ecc_table["n"], 16)
    for private in range(1, 5000):
        public = sm2.CryptSM2(public_key="", private_key="")._kg(private, sm2.default_ecc_table["g"])
        if public.startswith("04"):
            break
    else:  # pragma: no cover - there is one within the first few thousand scalars
        pytest.fail("no key starting with 04 found")
    assert private < order
    signature = provider.sign(f"{private:064x}", public, b"data")
    assert provider.verify(public, b"data", signature) is True
    assert provider.verify(public, b"other", signature) is False
