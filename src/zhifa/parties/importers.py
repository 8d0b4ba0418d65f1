"""Excel import of 行政相对人. Rows are matched by USCC, or — for natural persons and individual businesses
without one — by (kind, ID kind, ID number): an existing party in the user's scope is updated, otherwise a new
one is registered. Only the user's scope is searched, so a row never reveals whether a party is registered
elsewhere (finding 8). All-or-nothing (core.excel)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, TextChoices

from zhifa.core.excel import Column, ImportSpec, choice_value, register
from zhifa.core.validators import normalize_id_number, normalize_uscc
from zhifa.org.models import Region
from zhifa.parties import services
from zhifa.parties.choices import CreditRating, IdKind, PartyKind, RiskLevel
from zhifa.parties.models import Party


def _optional_choice(
    choices: type[TextChoices], text: str, *, key: str, header: str, aliases: dict[str, str] | None = None
) -> str:
    """An optional choice cell: '' stays ''; short forms in ``aliases`` are accepted besides the labels."""
    text = text.strip()
    if not text:
        return ""
    return choice_value((aliases or {}).get(text, text), choices, field_name=key, label=header)


def _region(text: str, *, user: Any) -> Region:
    regions = list(Region.objects.visible_to(user).filter(Q(code=text) | Q(name=text))[:2])
    if not regions:
        raise ValidationError({"region": f"所属区划“{text}”不存在或不在您的数据范围内"})
    if len(regions) > 1:
        raise ValidationError({"region": f"区划名称“{text}”不唯一，请填写区划代码"})
    return regions[0]


# Kinds identified by a person's ID number when there is no USCC (the person; the operator of the business).
_ID_NUMBER_KINDS = (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS)


def _existing(*, user: Any, kind: str, uscc: str, id_kind: str, id_number: str) -> Party | None:
    """The party the row describes, searched only inside ``visible_to(user)`` (finding 8)."""
    visible = Party.objects.visible_to(user)
    if uscc:
        match = visible.filter(uscc=uscc).first()
        if match is not None or kind != PartyKind.INDIVIDUAL_BUSINESS:
            return match
        visible = visible.filter(uscc="")  # an individual business registered before it had a USCC
    if kind in _ID_NUMBER_KINDS and id_number:
        # Finding 16: an individual business without USCC is found by its operator's ID, like a person.
        matches = list(visible.filter(kind=kind, id_kind=id_kind, id_number=id_number).order_by("id")[:2])
        if len(matches) > 1:
            raise ValidationError(
                {"id_number": "该证件号码在您的数据范围内对应多个相对人，请填写统一社会信用代码以区分"}
            )
        return matches[0] if matches else None
    return None


@register
class PartyImport(ImportSpec):
    kind = "parties"
    label = "行政相对人"
    permission = "parties.import_parties"
    columns = [
        Column("类别", "kind", required=True, help="法人 / 其他组织 / 个体工商户 / 自然人", example="法人"),
        Column("名称", "name", required=True, help="单位名称或自然人姓名", example="示范县鑫源餐饮有限公司"),
        Column("统一社会信用代码", "uscc", help="法人、其他组织必填；个体工商户有则填写", example="91430181MA4L00011X"),
        Column(
            "证件类型",
            "id_kind",
            help="居民身份证 / 港澳台居民居住证 / 护照 / 外国人永久居留身份证 / 其他证件；未填视为居民身份证",
        ),
        Column("证件号码", "id_number", help="自然人必填；个体工商户填写经营者证件号码。不接受15位旧号码"),
        Column("法定代表人", "legal_representative", help="法人必填；个体工商户填写经营者姓名", example="张三"),
        Column("地址", "address", example="湖南省长沙市示范县人民路1号"),
        Column("电话", "phone", help="手机11位，座机如 0731-12345678", example="0731-88881234"),
        Column("所属区划", "region", required=True, help="区划代码或名称，须在您的数据范围内", example="430199"),
        Column("行业", "industry", example="餐饮"),
        Column("信用等级", "credit_rating", help="A / B / C / D，可空"),
        Column(
            "风险等级",
            "risk_level",
            help="低风险 / 中风险 / 高风险（也可填 低 / 中 / 高），空为低风险",
            example="低风险",
        ),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        kind = choice_value(row["kind"], PartyKind, field_name="kind", label="类别")
        id_number = normalize_id_number(row.get("id_number", ""))
        id_kind = _optional_choice(IdKind, row.get("id_kind", ""), key="id_kind", header="证件类型")
        if id_number and not id_kind:
            id_kind = IdKind.RESIDENT_ID
        values: dict[str, Any] = {
            "kind": kind,
            "name": row["name"],
            "uscc": normalize_uscc(row.get("uscc", "")),
            "id_kind": id_kind,
            "id_number": id_number,
            "legal_representative": row.get("legal_representative", ""),
            "address": row.get("address", ""),
            "phone": row.get("phone", ""),
            "industry": row.get("industry", ""),
            "credit_rating": _optional_choice(
                CreditRating, row.get("credit_rating", "").upper(), key="credit_rating", header="信用等级"
            ),
            "risk_level": _optional_choice(
                RiskLevel,
                row.get("risk_level", ""),
                key="risk_level",
                header="风险等级",
                aliases={"低": RiskLevel.LOW, "中": RiskLevel.MEDIUM, "高": RiskLevel.HIGH},
            )
            or RiskLevel.LOW,
        }
        region = _region(row["region"], user=user)
        existing = _existing(user=user, kind=kind, uscc=values["uscc"], id_kind=id_kind, id_number=id_number)
        if existing is None:
            services.register_party(user=user, region=region, **values)
            return
        services.update_party(user=user, party=existing, changes=values, region=region)

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        """Exports keep personal fields masked (R-PRV-006): a full export would be an unlogged bulk view."""
        for party in Party.objects.visible_to(user).select_related("region"):
            yield {
                "kind": party.get_kind_display(),
                "name": party.name,
                "uscc": party.uscc,
                "id_kind": party.get_id_kind_display() if party.id_kind else "",
                "id_number": party.masked_id_number,
                "legal_representative": party.legal_representative,
                "address": party.masked_address,
                "phone": party.masked_phone,
                "region": party.region.code,
                "industry": party.industry,
                "credit_rating": party.credit_rating,
                "risk_level": party.get_risk_level_display(),
            }
