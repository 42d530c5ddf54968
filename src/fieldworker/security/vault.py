"""Creating, unlocking and recovering the encrypted database: the one password path.

The application and the CLI open the worker's database only through ``sign_in`` (or
``create`` on first start); ``Database.open(path)`` without a key stays for plain files.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from fieldworker.domain.errors import ValidationError
from fieldworker.security import accounts, audit, crypto, passwords
from fieldworker.security.keyfile import KeyFile, atomic_write, keyfile_path
from fieldworker.store.engine import Database, WrongKeyError, is_encrypted_database, is_plain_database

NEW, PLAIN, ENCRYPTED = "new", "plain", "encrypted"


class WrongPassword(ValidationError):
    def __init__(self, message: str = "密码错误") -> None:
        super().__init__("wrong_password", message, "password")


class DatabaseDamaged(ValidationError):
    """The credential was right but the database does not open or check: offer a backup."""

    def __init__(self, message: str) -> None:
        super().__init__("database_damaged", message, "db")


def state(db_path: Path) -> str:
    if is_encrypted_database(db_path):
        return ENCRYPTED
    if is_plain_database(db_path):
        return PLAIN
    return NEW


def load_keyfile(db_path: Path) -> KeyFile:
    path = keyfile_path(db_path)
    if not path.exists():
        raise ValidationError("no_keyfile", f"找不到密钥文件 {path.name}：请把它和数据库放在同一文件夹", "password")
    return KeyFile.load(path)


def account_names(db_path: Path) -> list[str]:
    return load_keyfile(db_path).accounts() if keyfile_path(db_path).exists() else []


def is_demo(db_path: Path) -> bool:
    return keyfile_path(db_path).exists() and load_keyfile(db_path).demo


@dataclass
class Setup:
    db: Database
    recovery_key: str


def check_new_password(password: str, account: str, *, demo: bool = False) -> None:
    if demo and password == passwords.DEMO_PASSWORD:
        return
    found = passwords.problems(password, account=account)
    if found:
        raise ValidationError("weak_password", "".join(found), "password")


def new_keyfile(*, account: str, password: str, demo: bool = False) -> tuple[KeyFile, bytes, str]:
    data_key = crypto.new_data_key()
    keys = KeyFile(key_id=crypto.key_id(data_key), demo=demo)
    keys.set_password(account, password, data_key)
    recovery_key = crypto.new_recovery_key()
    keys.set_recovery(recovery_key, data_key)
    return keys, data_key, recovery_key


def create(db_path: Path, *, account: str, password: str, role: str = "admin", demo: bool = False) -> Setup:
    """First start: a new encrypted database, its key file, the first account and a recovery key."""
    account = accounts.validate_name(account)
    if state(db_path) != NEW:
        raise ValidationError("db_exists", f"数据库已存在：{db_path}", "db")
    check_new_password(password, account, demo=demo)
    keys, data_key, recovery_key = new_keyfile(account=account, password=password, demo=demo)
    keys.save(keyfile_path(db_path))
    db = Database.open(db_path, key=data_key)
    db.account = account
    accounts.add(db, account, role)
    audit.record(db, audit.ACCOUNT, account, f"建立加密数据库，首个账户（{accounts.ROLES[role]}）")
    return Setup(db, recovery_key)


def unlock(db_path: Path, *, password: str, account: str | None = None) -> tuple[bytes, str]:
    """The data key and the account it was unlocked for; tries every account when none is named."""
    keys = load_keyfile(db_path)
    names = [account] if account else keys.accounts()
    for name in names:
        try:
            return keys.unlock_password(name, password), name
        except crypto.UnwrapError:
            continue
    raise WrongPassword("密码错误" if account or len(names) < 2 else "密码错误（与任何账户都不符）")


def open_with_key(db_path: Path, data_key: bytes, account: str) -> Database:
    """Open with an unwrapped data key. A key that unwraps but does not open means damage."""
    try:
        db = Database.open(db_path, key=data_key)
    except WrongKeyError as exc:
        raise DatabaseDamaged(f"数据库文件已损坏，无法打开：{db_path}") from exc
    except Exception as exc:  # noqa: BLE001  (sqlite reports damage as many error types)
        if "malformed" in str(exc) or "not a database" in str(exc) or "corrupt" in str(exc):
            raise DatabaseDamaged(f"数据库文件已损坏：{exc}") from exc
        raise
    db.account = account
    return db


def sign_in(db_path: Path, *, password: str, account: str | None = None, record: bool = True) -> Database:
    """Open with a password. ``record=False`` leaves the file untouched (the GUI records the
    sign-in only after its integrity check, so that a damaged file is never written to)."""
    data_key, name = unlock(db_path, password=password, account=account)
    db = open_with_key(db_path, data_key, name)
    if accounts.role_of(db, name) is None:
        db.close()
        raise WrongPassword(f"账户“{name}”已停用")
    if record:
        audit.record(db, audit.SIGN_IN, name)
    return db


# --- account and key management on an open (signed-in) database ------------------------------

def _keys_of(db: Database) -> KeyFile:
    if db.key is None:
        raise ValidationError("not_encrypted", "数据库未加密", "db")
    return load_keyfile(db.path)


def add_account(db: Database, *, name: str, password: str, role: str) -> None:
    accounts.require_admin(db)
    name = accounts.validate_name(name)
    check_new_password(password, name)
    keys = _keys_of(db)
    if keys.slot("password", name) is not None:
        raise ValidationError("account_exists", f"账户“{name}”已存在", "account")
    accounts.add(db, name, role)
    keys.set_password(name, password, db.key)  # type: ignore[arg-type]
    keys.save(keyfile_path(db.path))
    audit.record(db, audit.ACCOUNT, name, f"新增账户（{accounts.ROLES[role]}）")


def change_password(db: Database, *, new_password: str, account: str | None = None) -> None:
    """Set a new password for the signed-in account (or, for an admin, any account)."""
    target = account or db.account
    if target != db.account:
        accounts.require_admin(db)
    check_new_password(new_password, target)
    keys = _keys_of(db)
    keys.set_password(target, new_password, db.key)  # type: ignore[arg-type]
    keys.save(keyfile_path(db.path))
    audit.record(db, audit.ACCOUNT, target, "修改密码")


def replace_recovery_key(db: Database) -> str:
    """A new recovery key (the old printed sheet stops working)."""
    accounts.require_admin(db)
    keys = _keys_of(db)
    recovery_key = crypto.new_recovery_key()
    keys.set_recovery(recovery_key, db.key)  # type: ignore[arg-type]
    keys.save(keyfile_path(db.path))
    audit.record(db, audit.KEYS, "", "生成新的恢复密钥（旧恢复密钥作废）")
    return recovery_key


def reset_password_with_data_key(db_path: Path, data_key: bytes, *, account: str, new_password: str,
                                 how: str) -> Database:
    account = accounts.validate_name(account)
    check_new_password(new_password, account)
    keys = load_keyfile(db_path)
    if crypto.key_id(data_key) != keys.key_id:
        raise WrongPassword("恢复材料与此数据库不符")
    db = open_with_key(db_path, data_key, account)
    if accounts.role_of(db, account) is None:
        accounts.add(db, account, "admin")
    keys.set_password(account, new_password, data_key)
    keys.save(keyfile_path(db_path))
    audit.record(db, audit.KEYS, account, f"用{how}重设密码")
    return db


def recover_with_recovery_key(db_path: Path, *, recovery_key: str, account: str, new_password: str) -> Database:
    try:
        data_key = load_keyfile(db_path).unlock_recovery(recovery_key)
    except crypto.UnwrapError as exc:
        raise WrongPassword("恢复密钥不正确") from exc
    return reset_password_with_data_key(db_path, data_key, account=account, new_password=new_password,
                                        how="恢复密钥")


# --- township recovery -----------------------------------------------------------------------

def seal_to_township(db: Database, public_key: bytes) -> str:
    """Seal the data key to the township's X25519 public key; returns its fingerprint."""
    accounts.require_admin(db)
    keys = _keys_of(db)
    keys.set_township(public_key, db.key)  # type: ignore[arg-type]
    keys.save(keyfile_path(db.path))
    fp = crypto.fingerprint(public_key)
    audit.record(db, audit.KEYS, "", f"数据密钥已密封给乡镇（公钥指纹 {fp}）")
    return fp


RECOVERY_FILE_FORMAT = "fieldworker-township-recovery"


def write_township_recovery(keyfile: Path, private_key: bytes, destination: Path,
                            village_public_key: bytes | None = None) -> Path:
    """At the township: open a village's key file with the township's private key and write a
    recovery file the village uses once to set a new password.

    With the village device's public key the data key is sealed to it again (only that laptop
    can use the file); without it the file holds the key in the clear and must be carried by
    hand and deleted after use.
    """
    keys = KeyFile.load(keyfile)
    try:
        data_key = keys.unlock_township(private_key)
    except crypto.UnwrapError as exc:
        raise WrongPassword("乡镇私钥不能打开此密钥文件") from exc
    body: dict[str, object] = {"format": RECOVERY_FILE_FORMAT, "version": 1, "key_id": keys.key_id}
    if village_public_key:
        body["sealed"] = crypto.seal(village_public_key, data_key, keys.key_id.encode())
    else:
        body["data_key"] = base64.b64encode(data_key).decode("ascii")
    atomic_write(destination, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
    return destination


def read_township_recovery(path: Path, village_private_key: bytes | None = None) -> bytes:
    body = json.loads(path.read_text(encoding="utf-8"))
    if body.get("format") != RECOVERY_FILE_FORMAT:
        raise ValidationError("not_recovery_file", "不是乡镇恢复文件", "file")
    if "sealed" in body:
        if village_private_key is None:
            raise ValidationError("sealed_recovery", "此恢复文件已加密给本机设备密钥", "file")
        return crypto.unseal(village_private_key, body["sealed"], body["key_id"].encode())
    return base64.b64decode(body["data_key"])


def recover_with_township_file(db_path: Path, recovery_file: Path, *, account: str, new_password: str,
                               village_private_key: bytes | None = None) -> Database:
    data_key = read_township_recovery(recovery_file, village_private_key)
    return reset_password_with_data_key(db_path, data_key, account=account, new_password=new_password,
                                        how="乡镇恢复文件")
