"""Excel import/export of 免罚清单 entries (R-DIS-014): one row per entry. Rows naming the same issuer and list name
add to one draft list (created on the first row); a list already published takes no more entries. Publishing stays a
separate step (the list's page or API)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from zhifa.core.excel import Column, ImportSpec, choice_value, register
from zhifa.discretion import services
from zhifa.discretion.choices import CircumstanceKind, ExemptionKind, ExemptionListState, FlexibleMeasureKind
from zhifa.discretion.importers._common import (
    circumstances_by_label,
    live_item,
    optional_positive_int,
    parts,
    text,
)
from zhifa.discretion.models import ExemptionList, ExemptionListEntry
from zhifa.org.lookups import agency_by_name


def _draft_list(user: Any, row: dict[str, str]) -> ExemptionList:
    """The issuer's draft list of this name, created on the first row; a published list is refused."""
    issuer = agency_by_name(user, row["issuer"], field_name="issuer", label="发布单位")
    name = row["list_name"].strip()
    existing = ExemptionList.objects.filter(agency=issuer, name=name).order_by("-id").first()
    if existing is None:
        return services.create_exemption_list(
            user=user, agency=issuer, name=name, document_number=row.get("document_number", "")
        )
    if existing.state != ExemptionListState.DRAFT:
        raise ValidationError(
            {"list_name": f"清单“{name}”已{existing.get_state_display()}，不能再导入事项；新的清单请用新的名称"}
        )
    return existing


def _required(cell: str) -> list[str]:
    by_label = circumstances_by_label()
    codes = []
    for part in parts(cell):
        found = by_label.get(part)
        if found is None:
            raise ValidationError({"required_circumstances": f"情节“{part}”不存在"})
        if found.kind != CircumstanceKind.FLAG:
            raise ValidationError({"required_circumstances": f"“{found.name}”不是是否情节，不能作为清单的适用情节"})
        codes.append(found.code)
    return codes


@register
class ExemptionEntryImport(ImportSpec):
    kind = "discretion-exemption-entries"
    label = "免罚清单事项"
    permission = "discretion.import_exemption_entries"
    columns = [
        Column(
            "发布单位",
            "issuer",
            required=True,
            example="示范县司法局",
            help="司法局发布的清单可列入本区域各执法主体的事项",
        ),
        Column(
            "清单名称",
            "list_name",
            required=True,
            example="示范县轻微违法行为免罚清单（第一批）",
            help="同一清单各行填写相同名称；清单不存在时新建为草稿，已发布的清单不能再导入",
        ),
        Column("文号", "document_number", example="示司发〔2026〕3号", help="新建清单时填写"),
        Column("序号", "sequence", example="1", help="不填则顺延"),
        Column("实施主体", "agency", required=True, example="示范县市场监督管理局"),
        Column("事项编码", "enforcement_item", required=True, example="43019911CF0001"),
        Column("类别", "kind", required=True, example="首违不罚", help="首违不罚、轻微不罚、无主观过错不罚、从轻减轻"),
        Column("违法行为", "violation", required=True, example="首次被发现个别餐具使用前未经消毒"),
        Column("适用条件", "conditions_text", required=True, example="初次违法，危害后果轻微，并及时改正"),
        Column(
            "须具备的情节",
            "required_circumstances",
            example="初次违法；危害后果轻微；及时改正",
            help="情节名称以“；”分隔，均须为是否情节；全部具备时办案系统提示适用本项（R-DIS-014）",
        ),
        Column("法律依据", "legal_basis", example="《行政处罚法》第三十三条第一款"),
        Column("责令改正期限（日）", "correction_calendar_days", example="3"),
        Column("柔性执法措施", "measures", example="提醒；指导", help="提醒、告诫、约谈、指导、建议、劝告，以“；”分隔"),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        exemption_list = _draft_list(user, row)
        agency = agency_by_name(user, row["agency"], field_name="agency", label="实施主体")
        services.add_exemption_entry(
            user=user,
            exemption_list=exemption_list,
            enforcement_item=live_item(agency, row["enforcement_item"], field_name="enforcement_item"),
            kind=choice_value(row["kind"], ExemptionKind, field_name="kind", label="类别"),
            violation=row["violation"],
            conditions_text=row["conditions_text"],
            required_circumstances=_required(row.get("required_circumstances", "")),
            legal_basis=row.get("legal_basis", ""),
            correction_calendar_days=optional_positive_int(row, "correction_calendar_days", "责令改正期限"),
            measures=[
                choice_value(part, FlexibleMeasureKind, field_name="measures", label="柔性执法措施")
                for part in parts(row.get("measures", ""))
            ],
            sequence=optional_positive_int(row, "sequence", "序号"),
        )

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        entries = (
            ExemptionListEntry.objects.visible_to(user)
            .select_related("exemption_list__agency", "enforcement_item__agency")
            .prefetch_related("required_circumstances")
            .order_by("exemption_list__agency__name", "exemption_list_id", "sequence", "id")
        )
        for entry in entries:
            exemption_list = entry.exemption_list
            yield {
                "issuer": exemption_list.agency.name,
                "list_name": exemption_list.name,
                "document_number": exemption_list.document_number,
                "sequence": text(entry.sequence),
                "agency": entry.enforcement_item.agency.name,
                "enforcement_item": entry.enforcement_item.code,
                "kind": entry.get_kind_display(),
                "violation": entry.violation,
                "conditions_text": entry.conditions_text,
                "required_circumstances": "；".join(c.name for c in entry.required_circumstances.all()),
                "legal_basis": entry.legal_basis,
                "correction_calendar_days": text(entry.correction_calendar_days),
                "measures": "；".join(FlexibleMeasureKind(m).label for m in entry.measures or []),
            }
