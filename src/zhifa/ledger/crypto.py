"""Electronic signatures behind a small interface (a CA certificate or a hardware key can replace it).

``Sm2Provider`` implements SM2 with SM3 (GB/T 32918, GM/T 0009 user id) using gmssl. Private keys are kept
encrypted at rest with SM4-CBC under a key derived from the server secret (R-DOC-009: reliable e-signatures).
"""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from dataclasses import dataclass

from django.conf import settings
from gmssl import sm2, sm4


@dataclass(frozen=True)
class KeyPair:
    public_key: str  # hex, uncompressed x‖y (128 hex chars)
    private_key: str  # hex


class SignatureProvider(ABC):
    algorithm: str

    @abstractmethod
    def generate(self) -> KeyPair: ...

    @abstractmethod
    def sign(self, private_key: str, public_key: str, data: bytes) -> str: ...

    @abstractmethod
    def verify(self, public_key: str, data: bytes, signature: str) -> bool: ...


class Sm2Provider(SignatureProvider):
    algorithm = "SM2-SM3"

    def generate(self) -> KeyPair:
        order = int(sm2.default_ecc_table["n"], 16)
        private = secrets.randbelow(order - 2) + 1
        private_hex = f"{private:064x}"
        signer = sm2.CryptSM2(public_key="", private_key=private_hex)
        public_hex = signer._kg(private, sm2.default_ecc_table["g"])
        return KeyPair(public_key=public_hex, private_key=private_hex)

    def sign(self, private_key: str, public_key: str, data: bytes) -> str:
        return str(_crypt(public_key, private_key).sign_with_sm3(data, secrets.token_hex(32)))

    def verify(self, public_key: str, data: bytes, signature: str) -> bool:
        try:
            return bool(_crypt(public_key, "").verify_with_sm3(signature, data))
        except (ValueError, TypeError, IndexError):
            return False


def _crypt(public_key: str, private_key: str) -> sm2.CryptSM2:
    """gmssl strips a leading "04" with ``str.lstrip("04")``, which also eats any following 0 and 4 digits of
    x (a key starting 04…, 1 in 256): set the 128-digit x‖y key after construction instead."""
    if len(public_key) != 128:
        raise ValueError("SM2 public key must be 128 hex digits (x‖y)")
    crypt = sm2.CryptSM2(public_key="", private_key=private_key)
    crypt.public_key = public_key
    return crypt


def provider() -> SignatureProvider:
    return Sm2Provider()


def _wrapping_key() -> bytes:
    return hashlib.new("sm3", ("zhifa-ledger-key:" + settings.SECRET_KEY).encode("utf-8")).digest()[:16]


def encrypt_private_key(private_key_hex: str) -> str:
    """SM4-CBC with a random IV; returns iv‖ciphertext as hex."""
    iv = secrets.token_bytes(16)
    cipher = sm4.CryptSM4()
    cipher.set_key(_wrapping_key(), sm4.SM4_ENCRYPT)
    return (iv + bytes(cipher.crypt_cbc(iv, bytes.fromhex(private_key_hex)))).hex()


def decrypt_private_key(stored: str) -> str:
    raw = bytes.fromhex(stored)
    cipher = sm4.CryptSM4()
    cipher.set_key(_wrapping_key(), sm4.SM4_DECRYPT)
    return bytes(cipher.crypt_cbc(raw[:16], raw[16:])).hex()


def key_id_for(public_key: str) -> str:
    return hashlib.new("sm3", bytes.fromhex(public_key)).hexdigest()[:32]
