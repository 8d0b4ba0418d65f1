"""Excel import/export of enforcement items (执法事项). Imported items are published (in force)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from zhifa.catalog import services
from zhifa.catalog.choices import ItemKind, ItemLevel
from zhifa.catalog.models import EnforcementItem
from zhifa.core.excel import Column, ImportSpec, choice_value, register
from zhifa.laws import services as law_services
from zhifa.laws.errors import LawsError
from zhifa.laws.models import Article
from zhifa.org.lookups import agency_by_name
from zhifa.org.models import Sector

# Short forms accepted in the 事项层级 column besides the labels (国家级 …) and identifiers.
_LEVEL_ALIASES = {
    "国家": ItemLevel.NATIONAL,
    "省": ItemLevel.PROVINCIAL,
    "市": ItemLevel.MUNICIPAL,
    "县": ItemLevel.COUNTY,
}
_SEPARATORS = re.compile(r"[；;\n]+")


def _citations(text: str, *, key: str) -> list[Article]:
    articles: list[Article] = []
    for citation in (part.strip() for part in _SEPARATORS.split(text or "")):
        if not citation:
            continue
        try:
            articles.append(law_services.lookup_article(citation))
        except LawsError as exc:
            raise ValidationError({key: f"“{citation}”：{exc.message}"}) from None
    return articles


@register
class ItemImport(ImportSpec):
    kind = "items"
    label = "执法事项"
    permission = "catalog.import_items"
    columns = [
        Column("事项编码", "code", required=True, example="430199-XZCF-0001", help="省级清单中的事项编码"),
        Column("事项名称", "name", required=True, example="对生产经营不符合食品安全标准的食品的行政处罚"),
        Column("事项类型", "kind", required=True, example="行政处罚", help="、".join(map(str, ItemKind.labels))),
        Column("实施主体", "agency", required=True, example="示范县市场监督管理局", help="执法主体全称"),
        Column("执法领域", "sector", required=True, example="市场监管"),
        Column("事项层级", "item_level", example="县级", help="国家级、省级、市级、县级；默认县级"),
        Column("设定依据", "establishing_basis", example="《食品安全法》第三十四条", help="多个依据以“；”分隔"),
        Column(
            "处罚依据", "penalty_basis", example="《食品安全法》第一百二十四条", help="行政处罚事项必填，多个以“；”分隔"
        ),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        kind = choice_value(row["kind"], ItemKind, field_name="kind", label="事项类型")
        level_text = row.get("item_level", "") or ItemLevel.COUNTY
        item_level = choice_value(
            _LEVEL_ALIASES.get(level_text, level_text), ItemLevel, field_name="item_level", label="事项层级"
        )
        # Finding 15: agency names are unique only within a region; look up inside the user's scope.
        agency = agency_by_name(user, row["agency"], field_name="agency", label="实施主体")
        sector = Sector.objects.filter(name=row["sector"]).first() or Sector.objects.filter(code=row["sector"]).first()
        if sector is None:
            raise ValidationError({"sector": f"未找到执法领域“{row['sector']}”"})
        establishing = _citations(row.get("establishing_basis", ""), key="establishing_basis")
        penalty = _citations(row.get("penalty_basis", ""), key="penalty_basis")
        item = services.create_item(
            user=user,
            agency=agency,
            sector=sector,
            code=row["code"],
            name=row["name"],
            kind=kind,
            item_level=item_level,
            establishing_basis=establishing,
            penalty_basis=penalty,
        )
        services.publish_item(user=user, item=item)

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        items = (
            EnforcementItem.objects.visible_to(user)
            .filter(state__in=["in_force", "suspended"])
            .select_related("agency", "sector")
            .prefetch_related("establishing_basis__version__law", "penalty_basis__version__law")
            .order_by("agency__name", "code")
        )
        for item in items:
            yield {
                "code": item.code,
                "name": item.name,
                "kind": item.get_kind_display(),
                "agency": item.agency.name,
                "sector": item.sector.name,
                "item_level": item.get_item_level_display(),
                "establishing_basis": "；".join(a.citation for a in item.establishing_basis.all()),
                "penalty_basis": "；".join(a.citation for a in item.penalty_basis.all()),
            }
