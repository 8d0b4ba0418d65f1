"""Parties services: register and change 行政相对人, and reveal personal data with an access record.

Each service checks permission (``parties.rules``), validates (``Party.clean``) and saves in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from zhifa.core.errors import PermissionDenied
from zhifa.core.permissions import require
from zhifa.ledger.services import record
from zhifa.org.models import Region
from zhifa.org.scope import region_q
from zhifa.parties.choices import PartyKind
from zhifa.parties.errors import PartyError
from zhifa.parties.models import Party, PersonalDataAccess

# Fields a caller may set through register_party/update_party (region handled separately).
EDITABLE_FIELDS = (
    "kind",
    "name",
    "uscc",
    "id_kind",
    "id_number",
    "legal_representative",
    "legal_representative_id_number",
    "address",
    "phone",
    "industry",
    "tags",
    "credit_rating",
    "risk_level",
    "is_active",
)


def _require_region_in_scope(user: Any, region: Region) -> None:
    """``user=None`` is a trusted system caller (demo loader, data migration), as in ``core.permissions``."""
    if user is not None and not Region.objects.filter(region_q(user, prefix=""), pk=region.pk).exists():
        raise PermissionDenied("所属行政区划不在您的数据范围内", field="region")


@transaction.atomic
def register_party(
    *,
    user: Any,
    region: Region,
    kind: str,
    name: str,
    uscc: str = "",
    id_kind: str = "",
    id_number: str = "",
    legal_representative: str = "",
    legal_representative_id_number: str = "",
    address: str = "",
    phone: str = "",
    industry: str = "",
    tags: str = "",
    credit_rating: str = "",
    risk_level: str = "low",
    is_active: bool = True,
) -> Party:
    """Register a 行政相对人 in ``region`` (which must be in the user's data scope)."""
    require(user, "parties.add_party", message="您没有登记行政相对人的权限")
    _require_region_in_scope(user, region)
    party = Party(
        region=region,
        kind=kind,
        name=name,
        uscc=uscc,
        id_kind=id_kind,
        id_number=id_number,
        legal_representative=legal_representative,
        legal_representative_id_number=legal_representative_id_number,
        address=address,
        phone=phone,
        industry=industry,
        tags=tags,
        credit_rating=credit_rating,
        risk_level=risk_level,
        is_active=is_active,
    )
    party.full_clean()
    party.save()
    # No personal data in the ledger: the payload names the kind and the public identifiers only.
    record(
        event_type="party.registered",
        actor=user,
        agency=getattr(user, "agency", None),
        subject=party,
        payload={"kind": party.kind, "name": _public_name(party), "uscc": party.uscc, "region": region.code},
    )
    return party


def _public_name(party: Party) -> str:
    """Natural persons' names are personal data; organizations' names are public."""
    return "" if party.kind == PartyKind.NATURAL_PERSON else party.name


@transaction.atomic
def update_party(*, user: Any, party: Party, changes: Mapping[str, Any], region: Region | None = None) -> Party:
    """Change a party's registration data. ``changes`` maps field names (``EDITABLE_FIELDS``) to new values."""
    require(user, "parties.change_party", party, message="您没有修改该行政相对人的权限")
    unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
    if unknown:
        raise PartyError(f"不能修改的字段：{'、'.join(unknown)}", field=unknown[0])
    party = Party.objects.select_for_update().get(pk=party.pk)
    if region is not None and region.pk != party.region_id:
        _require_region_in_scope(user, region)
        party.region = region
    for field, value in changes.items():
        setattr(party, field, value)
    party.full_clean()
    party.save()
    record(
        event_type="party.updated",
        actor=user,
        agency=getattr(user, "agency", None),
        subject=party,
        payload={"fields": sorted(changes) + (["region"] if region is not None else [])},
    )
    return party


@transaction.atomic
def reveal_personal_data(party: Party, *, field: str, user: Any, purpose: str) -> str:
    """The full value of one personal field, for a role that needs it; the view is recorded (R-PRV-006).

    Refused (``PermissionDenied``, nothing recorded) for supervisors, auditors, evaluators, system
    administrators and anybody outside the party's region scope.
    """
    if not party.is_personal(field):
        raise PartyError("该字段不是个人信息字段，无需申请查看", field="field")
    denied = "您的角色无权查看完整的个人信息（仅承办、审核、法制审核、负责人及执法单位管理员可查看）"
    if user is None:  # a full view is always somebody's: there is no trusted system caller here (R-PRV-006)
        raise PermissionDenied(denied)
    require(user, "parties.view_personal_data", party, message=denied)
    purpose = (purpose or "").strip()
    if not purpose:
        raise PartyError("请填写查看用途", field="purpose")
    PersonalDataAccess.objects.create(user=user, party=party, field=field, purpose=purpose[:200])
    # R-PRV-006 / R-REC-007: every full view is also a ledger event (who, when, which field, why).
    record(
        event_type="party.personal_data_viewed",
        actor=user,
        agency=getattr(user, "agency", None),
        subject=party,
        payload={"field": field, "purpose": purpose[:200]},
    )
    return str(getattr(party, field) or "")
