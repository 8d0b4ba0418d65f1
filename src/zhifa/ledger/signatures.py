"""Officers' electronic signatures (电子签名) on records and documents (R-DOC-009, R-REC-005).

Each user who signs gets an SM2 key pair on first use (private key encrypted at rest, see ``crypto``).
Signing puts the signature in a ``signature.added`` ledger event that names what was signed (an SM3 digest,
e.g. of an issued PDF or a 笔录), the signer's key and the purpose. ``verify_signatures`` re-checks every
signature against the stored public key; ``zhifa ledger verify`` runs it.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from zhifa.ledger import crypto
from zhifa.ledger.canonical import canonical_bytes
from zhifa.ledger.errors import LedgerError
from zhifa.ledger.models import Event, SigningKey
from zhifa.ledger.services import VerifyProblem, record, subject_label

SIGNATURE_EVENT = "signature.added"


def officer_key(user: Any) -> SigningKey:
    """The user's active signing key, created on first use."""
    key = SigningKey.objects.filter(owner=user, purpose=SigningKey.Purpose.OFFICER, is_active=True).first()
    if key is not None:
        return key
    pair = crypto.provider().generate()
    return SigningKey.objects.create(
        key_id=crypto.key_id_for(pair.public_key),
        purpose=SigningKey.Purpose.OFFICER,
        owner=user,
        public_key=pair.public_key,
        encrypted_private_key=crypto.encrypt_private_key(pair.private_key),
    )


def signed_bytes(*, digest: str, subject_type: str, subject_id: str, key_id: str, purpose: str) -> bytes:
    return canonical_bytes(
        {"digest": digest, "subject_type": subject_type, "subject_id": subject_id, "key_id": key_id, "purpose": purpose}
    )


@transaction.atomic
def sign_record(*, actor: Any, subject: models.Model, digest: str, purpose: str, agency: Any = None) -> Event:
    """Sign the SM3 ``digest`` of something belonging to ``subject`` (e.g. a 笔录 or an issued document)."""
    if actor is None or not getattr(actor, "pk", None):
        raise LedgerError("电子签名必须由已登录的人员作出", field="actor")
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise LedgerError("待签名内容的摘要应为64位小写十六进制 SM3 值", field="digest")
    key = officer_key(actor)
    data = signed_bytes(
        digest=digest,
        subject_type=subject_label(subject),
        subject_id=str(subject.pk),
        key_id=key.key_id,
        purpose=purpose,
    )
    provider = crypto.provider()
    signature = provider.sign(crypto.decrypt_private_key(key.encrypted_private_key), key.public_key, data)
    return record(
        event_type=SIGNATURE_EVENT,
        actor=actor,
        agency=agency,
        subject=subject,
        payload={
            "digest": digest,
            "key_id": key.key_id,
            "algorithm": provider.algorithm,
            "purpose": purpose,
            "signature": signature,
        },
    )


def verify_signatures() -> VerifyProblem | None:
    """Every signature event: the key exists, belongs to the actor, and the signature verifies."""
    provider = crypto.provider()
    keys = {k.key_id: k for k in SigningKey.objects.filter(purpose=SigningKey.Purpose.OFFICER)}
    events = Event.objects.filter(event_type=SIGNATURE_EVENT).order_by("sequence")
    for event in events.iterator(chunk_size=2000):
        data = event.data
        key = keys.get(data.get("key_id", ""))
        if key is None or key.owner_id != event.actor_id:
            return VerifyProblem(event.sequence, f"#{event.sequence} 电子签名的密钥不存在或不属于签名人")
        message = signed_bytes(
            digest=data["digest"],
            subject_type=event.subject_type,
            subject_id=event.subject_id,
            key_id=key.key_id,
            purpose=data["purpose"],
        )
        if not provider.verify(key.public_key, message, data["signature"]):
            return VerifyProblem(event.sequence, f"#{event.sequence} 电子签名无效")
    return None
