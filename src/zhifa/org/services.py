"""Org services: agencies and user accounts. Each validates, checks permission and saves in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from zhifa.core.errors import PermissionDenied
from zhifa.core.permissions import require
from zhifa.ledger.services import record
from zhifa.org.choices import AgencyKind, Role
from zhifa.org.errors import OrgError
from zhifa.org.models import Agency, Region, RoleGrant, Sector, User
from zhifa.org.scope import region_q

AGENCY_FIELDS = (
    "name",
    "short_name",
    "kind",
    "uscc",
    "legal_representative",
    "address",
    "phone",
    "email",
    "complaint_phone",
    "is_judicial_bureau",
    "is_comprehensive_enforcement",
)


# Fields that change what an agency *is* (and so who supervises whom): only system or bureau admins.
STATUS_FIELDS = frozenset({"kind", "is_judicial_bureau"})


def _require(user: Any, perm: str, obj: Any = None, message: str = "您没有执行此操作的权限") -> None:
    if user is None:
        raise PermissionDenied(message)
    require(user, perm, obj, message=message)


@transaction.atomic
def create_agency(
    *,
    actor: Any,
    region: Region,
    name: str,
    uscc: str,
    legal_representative: str,
    address: str,
    phone: str,
    kind: str = AgencyKind.ADMINISTRATIVE_ORGAN,
    short_name: str = "",
    email: str = "",
    complaint_phone: str = "",
    is_judicial_bureau: bool = False,
    is_comprehensive_enforcement: bool = False,
    parent_agency: Agency | None = None,
    entrusting_agency: Agency | None = None,
    sectors: list[Sector] | None = None,
) -> Agency:
    """Register an 执法主体. Bureau admins only inside their region."""
    _require(actor, "org.add_agency", message="只有系统管理员或司法局管理员可以新增执法主体")
    if not Region.objects.filter(region_q(actor, prefix=""), pk=region.pk).exists():
        raise PermissionDenied("不能在您管辖范围以外的行政区划新增执法主体")
    agency = Agency(
        region=region,
        name=name.strip(),
        uscc=uscc,
        legal_representative=legal_representative.strip(),
        address=address.strip(),
        phone=phone,
        kind=kind,
        short_name=short_name.strip(),
        email=email.strip(),
        complaint_phone=complaint_phone,
        is_judicial_bureau=is_judicial_bureau,
        is_comprehensive_enforcement=is_comprehensive_enforcement,
        parent_agency=parent_agency,
        entrusting_agency=entrusting_agency,
    )
    agency.full_clean()
    agency.save()
    if sectors:
        agency.sectors.set(sectors)
    record(
        event_type="agency.created",
        actor=actor,
        agency=agency,
        subject=agency,
        payload={**_agency_snapshot(agency), "sectors": sorted(s.code for s in sectors or [])},
    )
    return agency


def _agency_snapshot(agency: Agency) -> dict[str, Any]:
    return {name: getattr(agency, name) for name in AGENCY_FIELDS} | {"region": agency.region.code}


@transaction.atomic
def update_agency(*, actor: Any, agency: Agency, sectors: list[Sector] | None = None, **changes: Any) -> Agency:
    """Change an agency's registered particulars (only the fields in ``AGENCY_FIELDS``)."""
    _require(actor, "org.change_agency", agency, "您没有修改该执法主体的权限")
    unknown = set(changes) - set(AGENCY_FIELDS)
    if unknown:
        raise OrgError(f"不能修改字段：{'、'.join(sorted(unknown))}", field=sorted(unknown)[0])
    status_changes = sorted(STATUS_FIELDS & {k for k, v in changes.items() if getattr(agency, k) != v})
    if status_changes:
        _require(
            actor,
            "org.add_agency",
            message="主体类别和是否司法局只能由系统管理员或司法局管理员修改",
        )
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    before = _agency_snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    locked.full_clean()
    locked.save()
    after = _agency_snapshot(locked)
    changed = {name: {"from": before[name], "to": after[name]} for name in after if before[name] != after[name]}
    if sectors is not None:
        old_codes = sorted(locked.sectors.values_list("code", flat=True))
        locked.sectors.set(sectors)
        new_codes = sorted(s.code for s in sectors)
        if old_codes != new_codes:
            changed["sectors"] = {"from": old_codes, "to": new_codes}
    if changed:
        record(event_type="agency.changed", actor=actor, agency=locked, subject=locked, payload={"changes": changed})
    return locked


@transaction.atomic
def create_user(
    *,
    actor: Any,
    username: str,
    name: str,
    agency: Agency | None,
    roles: list[str],
    password: str | None = None,
) -> User:
    """Open an account in an agency the actor manages, with its roles (validated by ``RoleGrant.clean``)."""
    if agency is None:
        _require(actor, "org.add_agency", message="只有系统管理员可以创建不属于任何单位的账号")
        if set(roles) - {Role.SYSTEM_ADMIN}:
            raise OrgError("未指定所属单位的用户只能是系统管理员", field="agency")
    else:
        _require(actor, "org.manage_users", agency, "您没有管理该单位账号的权限")
    if Role.SYSTEM_ADMIN in roles and not actor.has_role(Role.SYSTEM_ADMIN):
        raise PermissionDenied("只有系统管理员可以授予系统管理员角色")
    taken = OrgError(f"用户名“{username}”已被使用", field="username")
    if User.objects.filter(username=username).exists():
        raise taken
    user = User(username=username, name=name.strip(), agency=agency)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    # /admin/ is the system administrator's tool; everyone else works in the staff UI and API.
    user.is_staff = user.is_superuser = Role.SYSTEM_ADMIN in roles
    user.full_clean(exclude=["password"], validate_unique=False)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # the same username committed by a concurrent request after our check
        raise taken from None
    for role in roles:
        grant = RoleGrant(user=user, role=role)
        grant.full_clean(exclude=["user"])
        grant.clean()
        grant.save()
    record(
        event_type="user.created",
        actor=actor,
        agency=agency,
        subject=user,
        payload={"username": user.username, "roles": sorted(roles)},
    )
    return user
