"""The key-slot file `vault.keys`: the vault's random data key, reachable once per secret.

Each slot has its own X25519 key pair. The private key is encrypted with AES-256-GCM under a key derived from
the secret by Argon2id; the data key is sealed to the public key. Sealing needs no secret, so the data key can
be replaced (the database re-encrypted) when one secret changes, and the other secret still opens it: an old
copy of `vault.keys` then opens nothing current. A MAC under the data key covers the whole file (`check`
verifies it, and only a verified public key is ever given a new data key), and each slot carries a digest that
tells accidental damage from a wrong secret.

While the database is being re-encrypted the file holds both the current slots and the `pending` ones for the
next data key, so a crash at any moment leaves a vault the old or the new secrets open (`Vault` finishes or
undoes the change on the next unlock). Every value read from the file is bounded before any work: a slot
asking for a huge Argon2 cost is refused as damaged, never run. A slot of format 1 (the data key wrapped
directly) still opens; `Vault` converts it the first time its secret is used.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tyokykyapp.i18n import _
from tyokykyapp.vault.errors import KeyFileDamaged, KeyFileMissing, WrongSecret
from tyokykyapp.vault.files import write_atomically

FORMAT = 2
LEGACY_FORMAT = 1
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
MAX_CALIBRATED_TIME_COST = 40
TARGET_SECONDS = 0.5

# What a file (a key slot, a handover header) may ask for. New slots use 64 MiB and 3-40 passes; the upper
# bounds allow twice that and refuse anything that would run for minutes or allocate gigabytes. The lower
# bounds are Argon2's own (a weaker slot only weakens what its maker chose; its parameters are authenticated).
MAX_TIME_COST = 2 * MAX_CALIBRATED_TIME_COST
MAX_MEMORY_KIB = 4 * MIN_MEMORY_KIB
MAX_PARALLELISM = 8
MAX_WORK_KIB = MIN_MEMORY_KIB * MAX_TIME_COST  # memory × passes: about as slow as the slowest slot we make
SALT_BYTES = (16, 64)
MAX_KEY_FILE_BYTES = 64 * 1024  # a real one is about 2 KB
_SEAL_INFO = b"tyokyky vault.keys sealed data key"
_MAC_INFO = b"tyokyky vault.keys mac"


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int

    def derive(self, secret: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            secret.encode("utf-8"), salt, self.time_cost, self.memory_kib, self.parallelism, 32, Type.ID
        )

    @classmethod
    def bounded(cls, time_cost: object, memory_kib: object, parallelism: object) -> KdfParams:
        """Parameters read from a file, checked before any derivation; ValueError when out of bounds."""
        values = (time_cost, memory_kib, parallelism)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            raise ValueError("KDF parameters must be integers")
        params = cls(*values)  # type: ignore[arg-type]
        if not (
            1 <= params.time_cost <= MAX_TIME_COST
            and 1 <= params.parallelism <= MAX_PARALLELISM
            and 8 * params.parallelism <= params.memory_kib <= MAX_MEMORY_KIB
            and params.memory_kib * params.time_cost <= MAX_WORK_KIB
        ):
            raise ValueError("KDF parameters out of bounds")
        return params


def bounded_salt(salt: bytes) -> bytes:
    if not SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]:
        raise ValueError("salt length out of bounds")
    return salt


def calibrated_params() -> KdfParams:
    """At least 64 MiB and 3 passes, with more passes until one derivation takes about half a second."""
    base = KdfParams(MIN_TIME_COST, MIN_MEMORY_KIB, 2)
    started = time.perf_counter()
    base.derive("calibration", secrets.token_bytes(16))
    elapsed = max(time.perf_counter() - started, 1e-3)
    passes = max(MIN_TIME_COST, round(MIN_TIME_COST * TARGET_SECONDS / elapsed))
    return KdfParams(min(passes, MAX_CALIBRATED_TIME_COST), MIN_MEMORY_KIB, 2)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("not base64 text")
    return base64.b64decode(text, validate=True)


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _associated_data(vault_id: str, slot: str, params: KdfParams, salt: bytes, public_key: str | None) -> bytes:
    document = {"vault": vault_id, "slot": slot, "kdf": "argon2id", **asdict(params), "salt": _b64(salt)}
    if public_key is not None:
        document["public_key"] = public_key
    return json.dumps(document, sort_keys=True).encode("utf-8")


def _digest(slot: dict[str, Any]) -> str:
    """An unkeyed checksum of a slot: a changed byte reads as damage, not as a wrong secret."""
    return _b64(hashlib.sha256(_canonical({k: v for k, v in slot.items() if k != "digest"})).digest()[:16])


def _seal_key(shared: bytes, ephemeral: bytes, public: bytes, context: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_SEAL_INFO + ephemeral + public + context).derive(shared)


def _seal(public: X25519PublicKey, data_key: bytes, context: bytes) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    key = _seal_key(ephemeral.exchange(public), ephemeral_public, public.public_bytes_raw(), context)
    nonce = secrets.token_bytes(12)
    return {
        "ephemeral": _b64(ephemeral_public),
        "nonce": _b64(nonce),
        "key": _b64(AESGCM(key).encrypt(nonce, data_key, context)),
    }


def _unseal(private: X25519PrivateKey, sealed: dict[str, Any], context: bytes) -> bytes:
    ephemeral = _unb64(sealed["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    key = _seal_key(shared, ephemeral, private.public_key().public_bytes_raw(), context)
    return AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["key"]), context)


def _mac_key(data_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=_MAC_INFO).derive(data_key)


def _mac(data_key: bytes, document: object) -> str:
    return _b64(hmac.new(_mac_key(data_key), _canonical(document), hashlib.sha256).digest())


def slot_label(name: str) -> str:
    """The secret a slot holds, as the messages about a damaged slot name it."""
    return _("the recovery key") if name == RECOVERY_SLOT else _("the passphrase")


@dataclass(frozen=True)
class OpenedSlot:
    """What a secret opened: the data key and the slot's private key (None in a format-1 slot, which the
    salt, parameters and derived key then convert without a second slow derivation)."""

    data_key: bytes
    private_key: X25519PrivateKey | None
    salt: bytes
    params: KdfParams
    wrapping_key: bytes


@dataclass
class KeyFile:
    vault_id: str
    created_at: str
    slots: dict[str, dict[str, Any]]
    pending: dict[str, dict[str, Any]] | None = None
    mac: str | None = None
    pending_mac: str | None = None

    # --- making slots --------------------------------------------------------------------------------

    def _slot_context(self, name: str) -> bytes:
        return _canonical({"vault": self.vault_id, "slot": name})

    def make_slot(
        self, name: str, secret: str, data_key: bytes, params: KdfParams, *, wrapping: tuple[bytes, bytes] | None = None
    ) -> dict[str, Any]:
        """A new slot for `secret` (a new key pair) holding `data_key`. `wrapping` reuses a salt and its
        derived key (converting a format-1 slot); otherwise the secret is derived afresh."""
        if wrapping is None:
            salt = secrets.token_bytes(16)
            wrapping = salt, params.derive(secret, salt)
        salt, wrapping_key = wrapping
        private = X25519PrivateKey.generate()
        public = _b64(private.public_key().public_bytes_raw())
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(wrapping_key).encrypt(
            nonce, private.private_bytes_raw(), _associated_data(self.vault_id, name, params, salt, public)
        )
        slot: dict[str, Any] = {
            "kdf": "argon2id",
            **asdict(params),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
            "public_key": public,
            "sealed": _seal(private.public_key(), data_key, self._slot_context(name)),
        }
        slot["digest"] = _digest(slot)
        return slot

    def add_slot(self, name: str, secret: str, data_key: bytes, params: KdfParams) -> None:
        self.slots[name] = self.make_slot(name, secret, data_key, params)

    def resealed(self, name: str, data_key: bytes) -> dict[str, Any]:
        """Slot `name` holding another data key; its secret is not needed."""
        slot = dict(self.slots[name])
        if "public_key" not in slot:
            raise ValueError("a slot of format 1 cannot take another data key")
        public = X25519PublicKey.from_public_bytes(_unb64(slot["public_key"]))
        slot["sealed"] = _seal(public, data_key, self._slot_context(name))
        slot["digest"] = _digest(slot)
        return slot

    def can_reseal(self, name: str) -> bool:
        return "public_key" in self.slots.get(name, {})

    # --- opening -------------------------------------------------------------------------------------

    def open(
        self, name: str, secret: str, wrong: type[WrongSecret] = WrongSecret, *, pending: bool = False
    ) -> OpenedSlot:
        """The data key the secret opens in slot `name` (of the pending slots when `pending`)."""
        slots = self.pending if pending else self.slots
        if slots is None or name not in slots:
            raise KeyFileDamaged()
        slot = slots[name]
        if "digest" in slot and slot["digest"] != _digest(slot):
            raise KeyFileDamaged(
                _(
                    "The key file (vault.keys) is damaged in the part that {slot} opens. Restore it from a backup."
                ).format(slot=slot_label(name))
            )
        try:
            params = KdfParams.bounded(slot["time_cost"], slot["memory_kib"], slot["parallelism"])
            salt, nonce = bounded_salt(_unb64(slot["salt"])), _unb64(slot["nonce"])
            wrapped = _unb64(slot["wrapped_key"])
            public = slot.get("public_key")
            if slot["kdf"] != "argon2id" or len(nonce) != 12 or not isinstance(public, str | None):
                raise ValueError("unusable slot")
        except (KeyError, TypeError, ValueError):
            raise KeyFileDamaged() from None
        wrapping_key = params.derive(secret, salt)
        try:
            opened = AESGCM(wrapping_key).decrypt(
                nonce, wrapped, _associated_data(self.vault_id, name, params, salt, public)
            )
        except InvalidTag:
            raise wrong() from None
        if public is None:  # format 1: the data key itself
            return OpenedSlot(opened, None, salt, params, wrapping_key)
        try:
            private = X25519PrivateKey.from_private_bytes(opened)
            if _b64(private.public_key().public_bytes_raw()) != public:
                raise ValueError("the public key does not belong to the slot")
            data_key = _unseal(private, slot["sealed"], self._slot_context(name))
        except (KeyError, TypeError, ValueError, InvalidTag):
            raise KeyFileDamaged() from None
        return OpenedSlot(data_key, private, salt, params, wrapping_key)

    def unwrap(self, name: str, secret: str, wrong: type[WrongSecret] = WrongSecret) -> bytes:
        return self.open(name, secret, wrong).data_key

    # --- integrity -----------------------------------------------------------------------------------

    def _document(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "slots": self.slots,
        }
        if self.pending is not None:
            document["pending"] = self.pending
            document["pending_mac"] = self.pending_mac
        return document

    def sign(self, data_key: bytes) -> None:
        self.mac = _mac(data_key, self._document())

    def sign_pending(self, next_data_key: bytes) -> None:
        self.pending_mac = _mac(next_data_key, self.pending)

    def verified(self, data_key: bytes) -> bool:
        """Whether the whole file is as the holder of `data_key` last wrote it."""
        return self.mac is not None and hmac.compare_digest(self.mac, _mac(data_key, self._document()))

    def pending_verified(self, next_data_key: bytes) -> bool:
        return self.pending_mac is not None and hmac.compare_digest(self.pending_mac, _mac(next_data_key, self.pending))

    def problems(self, data_key: bytes) -> list[str]:
        """What `check` reports about the key file."""
        found = [
            _("The key file (vault.keys) is damaged in the part that {slot} opens.").format(slot=slot_label(name))
            for name, slot in sorted(self.slots.items())
            if "digest" in slot and slot["digest"] != _digest(slot)
        ]
        if not found and not self.verified(data_key):
            found.append(_("The key file (vault.keys) was changed or damaged outside the app."))
        return found

    # --- the file ------------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        document = self._document() | {"mac": self.mac}
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_KEY_FILE_BYTES + 1)
        except FileNotFoundError:
            raise KeyFileMissing() from None
        except OSError:
            raise KeyFileDamaged() from None
        try:
            if len(raw) > MAX_KEY_FILE_BYTES:
                raise ValueError("too large for a key file")
            document = json.loads(raw.decode("utf-8"))
            if document["format"] not in (LEGACY_FORMAT, FORMAT) or not isinstance(document["slots"], dict):
                raise ValueError("unknown key file format")
            pending = document.get("pending")
            if not (pending is None or isinstance(pending, dict)):
                raise ValueError("unusable pending slots")
            slots = [*document["slots"].values(), *(pending or {}).values()]
            if not all(isinstance(slot, dict) for slot in slots):
                raise ValueError("unusable slot")
            return cls(
                vault_id=str(document["vault_id"]),
                created_at=str(document["created_at"]),
                slots=dict(document["slots"]),
                pending=pending,
                mac=document.get("mac"),
                pending_mac=document.get("pending_mac"),
            )
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
            raise KeyFileDamaged() from None

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())
