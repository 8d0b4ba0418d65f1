"""Excel import of agencies (执法主体)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from zhifa.core.excel import Column, ImportSpec, choice_value, register
from zhifa.org import services
from zhifa.org.choices import AgencyKind
from zhifa.org.lookups import agency_by_name
from zhifa.org.models import Agency, Region, Sector

_YES = {"是", "Y", "y", "1", "true", "TRUE"}


@register
class AgencyImport(ImportSpec):
    kind = "agencies"
    label = "执法主体"
    permission = "org.add_agency"
    columns = [
        Column("名称", "name", required=True, example="示范县市场监督管理局"),
        Column("简称", "short_name", help="文号机关代字", example="示市监"),
        Column("主体类别", "kind", required=True, help="行政机关 / 法律法规授权组织 / 受委托组织", example="行政机关"),
        Column("统一社会信用代码", "uscc", required=True, example="11430199MB0000001X"),
        Column("行政区划代码", "region", required=True, help="6位区划代码，须在您的管辖范围内", example="430199"),
        Column("法定代表人", "legal_representative", required=True, example="张三"),
        Column("地址", "address", required=True, example="示范县人民路1号"),
        Column("联系电话", "phone", required=True, example="0731-88880001"),
        Column("电子邮箱", "email", example="scjg@example.gov.cn"),
        Column("投诉监督电话", "complaint_phone", example="12345"),
        Column("执法领域", "sectors", help="多个领域用“、”分隔", example="市场监管"),
        Column("委托机关", "entrusting_agency", help="受委托组织填写委托机关全称"),
        Column("是否司法局", "is_judicial_bureau", help="是 / 否", example="否"),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        kind = choice_value(row["kind"], AgencyKind, field_name="kind", label="主体类别")
        region = Region.objects.filter(code=row["region"]).first()
        if region is None:
            raise ValidationError({"region": f"行政区划代码“{row['region']}”不存在"})
        sectors: list[Sector] = []
        for name in filter(None, (s.strip() for s in row.get("sectors", "").split("、"))):
            sector = Sector.objects.filter(name=name).first()
            if sector is None:
                raise ValidationError({"sectors": f"执法领域“{name}”不存在"})
            sectors.append(sector)
        entrusting = None
        if row.get("entrusting_agency"):
            entrusting = agency_by_name(
                user, row["entrusting_agency"], field_name="entrusting_agency", label="委托机关"
            )
        services.create_agency(
            actor=user,
            region=region,
            name=row["name"],
            uscc=row["uscc"],
            kind=kind,
            short_name=row.get("short_name", ""),
            legal_representative=row["legal_representative"],
            address=row["address"],
            phone=row["phone"],
            email=row.get("email", ""),
            complaint_phone=row.get("complaint_phone", ""),
            is_judicial_bureau=row.get("is_judicial_bureau", "") in _YES,
            entrusting_agency=entrusting,
            sectors=sectors,
        )

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        agencies = (
            Agency.objects.visible_to(user).select_related("region", "entrusting_agency").prefetch_related("sectors")
        )
        for agency in agencies:
            yield {
                "name": agency.name,
                "short_name": agency.short_name,
                "kind": agency.get_kind_display(),
                "uscc": agency.uscc,
                "region": agency.region.code,
                "legal_representative": agency.legal_representative,
                "address": agency.address,
                "phone": agency.phone,
                "email": agency.email,
                "complaint_phone": agency.complaint_phone,
                "sectors": "、".join(s.name for s in agency.sectors.all()),
                "entrusting_agency": agency.entrusting_agency.name if agency.entrusting_agency else "",
                "is_judicial_bureau": "是" if agency.is_judicial_bureau else "否",
            }
