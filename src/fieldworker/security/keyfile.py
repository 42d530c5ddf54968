"""The key file beside the database (``fieldworker.db.keys``): the data key, wrapped per credential.

JSON, written atomically. It holds no secret in the clear: each slot is the data key
encrypted under one credential (an account's password, the recovery key, the township's
public key). Account names are visible in it (the sign-in screen lists them before any
password is given); roles and everything else live inside the encrypted database.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldworker.security import crypto

FORMAT = "fieldworker-keys"
VERSION = 1
SUFFIX = ".keys"


def keyfile_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file in the same folder, fsync, rename: a power cut leaves the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _aad(kind: str, name: str, kid: str) -> bytes:
    # Binds each wrapped key to its slot, so a slot cannot be moved to another account or file.
    return f"{FORMAT}/v{VERSION}/{kind}/{name}/{kid}".encode("utf-8")


@dataclass
class KeyFile:
    key_id: str
    demo: bool = False
    slots: list[dict[str, Any]] = field(default_factory=list)

    # --- reading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> "KeyFile":
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a fieldworker key file: {path}")
        return cls(key_id=data["key_id"], demo=bool(data.get("demo")), slots=list(data["slots"]))

    def save(self, path: Path) -> None:
        body = {"format": FORMAT, "version": VERSION, "key_id": self.key_id, "demo": self.demo, "slots": self.slots}
        atomic_write(path, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))

    def accounts(self) -> list[str]:
        return [s["account"] for s in self.slots if s["kind"] == "password"]

    def slot(self, kind: str, name: str = "") -> dict[str, Any] | None:
        for s in self.slots:
            if s["kind"] == kind and s.get("account", s.get("label", "")) == name:
                return s
        return None

    def _replace(self, kind: str, name: str, slot: dict[str, Any]) -> None:
        self.slots = [s for s in self.slots if not (s["kind"] == kind and s.get("account", s.get("label", "")) == name)]
        self.slots.append(slot)

    # --- password slots ----------------------------------------------------------------------
    def set_password(self, account: str, password: str, data_key: bytes) -> None:
        salt = os.urandom(16)
        kek = crypto.password_kek(password, salt)
        nonce, wrapped = crypto.wrap(kek, data_key, _aad("password", account, self.key_id))
        self._replace("password", account, {
            "kind": "password", "account": account, "kdf": "scrypt", "n": crypto.SCRYPT_N, "r": crypto.SCRYPT_R,
            "p": crypto.SCRYPT_P, "salt": crypto.b64(salt), "nonce": crypto.b64(nonce), "wrapped": crypto.b64(wrapped)})

    def unlock_password(self, account: str, password: str) -> bytes:
        slot = self.slot("password", account)
        if slot is None:
            raise crypto.UnwrapError(f"no account {account!r}")
        kek = crypto.password_kek(password, crypto.unb64(slot["salt"]), n=slot["n"], r=slot["r"], p=slot["p"])
        return crypto.unwrap(kek, crypto.unb64(slot["nonce"]), crypto.unb64(slot["wrapped"]),
                             _aad("password", account, self.key_id))

    def remove_account(self, account: str) -> None:
        self.slots = [s for s in self.slots if not (s["kind"] == "password" and s["account"] == account)]

    # --- recovery key slot -------------------------------------------------------------------
    def set_recovery(self, recovery_key: str, data_key: bytes) -> None:
        salt = os.urandom(16)
        kek = crypto.hkdf(crypto.normalise_recovery_key(recovery_key), salt, b"fieldworker recovery v1")
        nonce, wrapped = crypto.wrap(kek, data_key, _aad("recovery", "", self.key_id))
        self._replace("recovery", "", {"kind": "recovery", "salt": crypto.b64(salt), "nonce": crypto.b64(nonce),
                                       "wrapped": crypto.b64(wrapped)})

    def unlock_recovery(self, recovery_key: str) -> bytes:
        slot = self.slot("recovery")
        if slot is None:
            raise crypto.UnwrapError("no recovery key was set up")
        kek = crypto.hkdf(crypto.normalise_recovery_key(recovery_key), crypto.unb64(slot["salt"]),
                          b"fieldworker recovery v1")
        return crypto.unwrap(kek, crypto.unb64(slot["nonce"]), crypto.unb64(slot["wrapped"]),
                             _aad("recovery", "", self.key_id))

    # --- township slot -----------------------------------------------------------------------
    def set_township(self, public_key: bytes, data_key: bytes, label: str = "township") -> None:
        sealed = crypto.seal(public_key, data_key, _aad("township", label, self.key_id))
        self._replace("township", label, {"kind": "township", "label": label,
                                          "public_key": crypto.b64(public_key),
                                          "fingerprint": crypto.fingerprint(public_key), **sealed})

    def unlock_township(self, private_key: bytes, label: str = "township") -> bytes:
        slot = self.slot("township", label)
        if slot is None:
            raise crypto.UnwrapError("the data key was not sealed to the township")
        return crypto.unseal(private_key, slot, _aad("township", label, self.key_id))
