"""The handover envelope: magic bytes, a small JSON header (format version, Argon2id parameters, salt,
nonce), then the payload encrypted with AES-256-GCM. Everything before the ciphertext is the associated
data, so any changed byte anywhere fails authentication. See docs/handover-format.md."""

from __future__ import annotations

import base64
import json
import secrets
import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tyokykyapp.handover.errors import (
    EmptyHandoverFile,
    HandoverDamaged,
    HandoverTooNew,
    NotAHandoverFile,
    WrongHandoverPassphrase,
)
from tyokykyapp.handover.passphrase import normalise_handover_passphrase
from tyokykyapp.vault.keyslots import KdfParams, bounded_salt

MAGIC = b"TYOKYKY-HANDOVER\x00"
FORMAT_VERSION = 2  # 2: the payload may name its recipient; files of version 1 still open
_LENGTH = struct.Struct(">I")
MAX_HEADER = 4096


def seal(payload: bytes, passphrase: str, kdf: KdfParams) -> bytes:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = json.dumps(
        {
            "format_version": FORMAT_VERSION,
            "cipher": "aes-256-gcm",
            "kdf": {
                "name": "argon2id",
                "time_cost": kdf.time_cost,
                "memory_kib": kdf.memory_kib,
                "parallelism": kdf.parallelism,
            },
            "salt": base64.b64encode(salt).decode("ascii"),
            "nonce": base64.b64encode(nonce).decode("ascii"),
        },
        sort_keys=True,
    ).encode("utf-8")
    prefix = MAGIC + _LENGTH.pack(len(header)) + header
    key = kdf.derive(normalise_handover_passphrase(passphrase), salt)
    return prefix + AESGCM(key).encrypt(nonce, payload, prefix)


def read_header(data: bytes) -> tuple[dict[str, Any], bytes, bytes]:
    """(header, associated data, ciphertext); refuses what is not a handover file of a known version."""
    if not data:
        raise EmptyHandoverFile()
    if not data.startswith(MAGIC):
        raise NotAHandoverFile()
    start = len(MAGIC) + _LENGTH.size
    if len(data) < start:
        raise HandoverDamaged()
    (length,) = _LENGTH.unpack(data[len(MAGIC) : start])
    if length > MAX_HEADER or len(data) < start + length + 16:
        raise HandoverDamaged()
    try:
        header = json.loads(data[start : start + length].decode("utf-8"))
        version = header["format_version"]
        if not isinstance(version, int) or isinstance(version, bool):
            raise TypeError("not a version number")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise HandoverDamaged() from None
    if version > FORMAT_VERSION:
        raise HandoverTooNew()
    if version < 1:
        raise HandoverDamaged()
    return header, data[: start + length], data[start + length :]


def open_envelope(data: bytes, passphrase: str) -> bytes:
    """The decrypted payload. The header is read before authentication (it says how to derive the key), so
    every cost it asks for is bounded before the derivation: anyone can make a header."""
    header, associated, ciphertext = read_header(data)
    try:
        kdf = header["kdf"]
        if kdf["name"] != "argon2id" or header["cipher"] != "aes-256-gcm":
            raise ValueError("unknown algorithm")
        params = KdfParams.bounded(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
        salt = bounded_salt(base64.b64decode(header["salt"], validate=True))
        nonce = base64.b64decode(header["nonce"], validate=True)
        if len(nonce) != 12:
            raise ValueError("parameters out of range")
    except (KeyError, TypeError, ValueError):
        raise HandoverDamaged() from None
    try:
        key = params.derive(normalise_handover_passphrase(passphrase), salt)
        return AESGCM(key).decrypt(nonce, ciphertext, associated)
    except InvalidTag:
        raise WrongHandoverPassphrase() from None
