"""This installation's identity: role (村/社区, 乡镇, 县/区) and region."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from fieldworker.domain import codes, ids
from fieldworker.domain.errors import ValidationError
from fieldworker.store.engine import Database
from fieldworker.store.models import Region

ROLES = ("village", "township", "county")


@dataclass(frozen=True)
class InstallationInfo:
    role: str
    region_code: str
    region_name: str
    device_id: str

    @property
    def role_label(self) -> str:
        return codes.REGION_LEVEL[self.role]


def initialise(db: Database, *, role: str = "village", region_code: str, name: str,
               township_name: str = "", county_name: str = "") -> InstallationInfo:
    if role not in ROLES:
        raise ValidationError("role", f"角色应为 {'/'.join(ROLES)} 之一", "role")
    code = ids.validate_region_code(region_code)
    if not name.strip():
        raise ValidationError("region_name", "请填写区划名称", "region_name")
    if info(db) is not None:
        raise ValidationError("already_initialised", "此数据库已初始化，不能重复设置角色和区划", "role")
    with db.session() as s:
        region = s.scalar(select(Region).where(Region.code == code))
        if region is None:
            s.add(Region(code=code, name=name.strip(), level=role, township_name=township_name.strip(),
                         county_name=county_name.strip()))
    db.set_setting("role", role)
    db.set_setting("region_code", code)
    return info(db)  # type: ignore[return-value]


def info(db: Database) -> InstallationInfo | None:
    role = db.get_setting("role")
    code = db.get_setting("region_code")
    if not role or not code:
        return None
    with db.session() as s:
        region = s.scalar(select(Region).where(Region.code == code))
        name = region.name if region else ""
    return InstallationInfo(str(role), str(code), name, db.device_id)


def require(db: Database) -> InstallationInfo:
    current = info(db)
    if current is None:
        raise ValidationError("not_initialised", "数据库尚未初始化：请先运行 fieldworker init 或 fieldworker demo", "role")
    return current
