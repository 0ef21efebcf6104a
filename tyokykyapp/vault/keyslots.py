"""The key-slot file `vault.keys`: the vault's random data key, wrapped once per secret.

Each slot holds the data key encrypted with AES-256-GCM under a key derived from the secret by Argon2id.
The associated data binds the slot to this vault, its name and its KDF parameters, so a slot cannot be
moved to another vault or have its parameters weakened unnoticed. The file is rewritten atomically.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tyokykyapp.vault.errors import KeyFileDamaged, KeyFileMissing, WrongSecret
from tyokykyapp.vault.files import write_atomically

FORMAT = 1
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int

    def derive(self, secret: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret.encode("utf-8"), salt, self.time_cost, self.memory_kib, self.parallelism, 32, Type.ID
        )


def calibrated_params() -> KdfParams:
    """At least 64 MiB and 3 passes, with more passes until one derivation takes about half a second."""
    base = KdfParams(MIN_TIME_COST, MIN_MEMORY_KIB, 2)
    started = time.perf_counter()
    base.derive("calibration", secrets.token_bytes(16))
    elapsed = max(time.perf_counter() - started, 1e-3)
    passes = max(MIN_TIME_COST, round(MIN_TIME_COST * TARGET_SECONDS / elapsed))
    return KdfParams(min(passes, 40), MIN_MEMORY_KIB, 2)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def _associated_data(vault_id: str, slot: str, params: KdfParams, salt: bytes) -> bytes:
    return json.dumps(
        {"vault": vault_id, "slot": slot, "kdf": "argon2id", **asdict(params), "salt": _b64(salt)},
        sort_keys=True,
    ).encode("utf-8")


@dataclass
class KeyFile:
    vault_id: str
    created_at: str
    slots: dict[str, dict[str, Any]]

    def add_slot(self, name: str, secret: str, data_key: bytes, params: KdfParams) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        wrapping_key = params.derive(secret, salt)
        wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, _associated_data(self.vault_id, name, params, salt))
        self.slots[name] = {
            "kdf": "argon2id",
            **asdict(params),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
        }

    def unwrap(self, name: str, secret: str, wrong: type[WrongSecret] = WrongSecret) -> bytes:
        try:
            slot = self.slots[name]
            params = KdfParams(int(slot["time_cost"]), int(slot["memory_kib"]), int(slot["parallelism"]))
            salt, nonce, wrapped = _unb64(slot["salt"]), _unb64(slot["nonce"]), _unb64(slot["wrapped_key"])
            if slot["kdf"] != "argon2id" or params.memory_kib < 8 or params.time_cost < 1 or len(nonce) != 12:
                raise ValueError("unusable slot")
        except (KeyError, TypeError, ValueError):
            raise KeyFileDamaged() from None
        try:
            return AESGCM(params.derive(secret, salt)).decrypt(
                nonce, wrapped, _associated_data(self.vault_id, name, params, salt)
            )
        except InvalidTag:
            raise wrong() from None

    def to_bytes(self) -> bytes:
        document = {"format": FORMAT, "vault_id": self.vault_id, "created_at": self.created_at, "slots": self.slots}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyFileMissing() from None
        except OSError:
            raise KeyFileDamaged() from None
        try:
            document = json.loads(raw.decode("utf-8"))
            if document["format"] != FORMAT or not isinstance(document["slots"], dict):
                raise ValueError("unknown key file format")
            return cls(str(document["vault_id"]), str(document["created_at"]), dict(document["slots"]))
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            raise KeyFileDamaged() from None

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())


def new_data_key() -> bytes:
    return secrets.token_bytes(32)
