"""Excel import/export of laws and their articles (法律法规及条款): one row per article."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from zhifa.core.excel import Column, ImportSpec, choice_value, parse_date, register
from zhifa.core.numerals import from_chinese
from zhifa.laws import services
from zhifa.laws.choices import LawLevel
from zhifa.laws.citations import title_variants
from zhifa.laws.models import Article, Law, LawVersion


def _optional_int(value: str, *, key: str, header: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = from_chinese(value.strip("第条款项目（）()"))
    except ValueError:
        raise ValidationError({key: f"{header}“{value}”不是有效的数字"}) from None
    if number < 1:
        raise ValidationError({key: f"{header}“{value}”应大于零"})
    return number


@register
class LawImport(ImportSpec):
    kind = "laws"
    label = "法律法规及条款"
    permission = "laws.import_laws"
    columns = [
        Column("法律法规名称", "title", required=True, example="中华人民共和国行政处罚法", help="全称"),
        Column("简称", "short_title", example="行政处罚法", help="法条引用中使用的名称"),
        Column("效力层级", "level", required=True, example="法律", help="、".join(map(str, LawLevel.labels))),
        Column("制定机关", "issuing_body", required=True, example="全国人民代表大会常务委员会"),
        Column(
            "制定机关所在区划代码",
            "issuing_region_code",
            example="",
            help="地方性法规、规章和地方规范性文件填写区划代码；法律、行政法规、部门规章留空",
        ),
        Column("版本", "version", required=True, example="2021年修订"),
        Column("施行日期", "effective_on", required=True, example="2021-07-15"),
        Column("条", "number", required=True, example="51", help="阿拉伯数字或中文数字"),
        Column("款", "paragraph", example="", help="整条时留空"),
        Column("项", "subparagraph", example=""),
        Column("条文", "text", required=True, example="违法事实确凿并有法定依据……"),
    ]

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        level = choice_value(row["level"], LawLevel, field_name="level", label="效力层级")
        issuing_region_code = row.get("issuing_region_code", "").strip()
        effective_on = parse_date(row["effective_on"], field_name="effective_on")
        number = _optional_int(row["number"], key="number", header="条")
        paragraph = _optional_int(row.get("paragraph", ""), key="paragraph", header="款")
        subparagraph = _optional_int(row.get("subparagraph", ""), key="subparagraph", header="项")
        law = Law.objects.filter(title__in=title_variants(row["title"])).first()
        if law is None:
            law = services.register_law(
                user=user,
                title=row["title"],
                short_title=row.get("short_title", ""),
                level=level,
                issuing_body=row["issuing_body"],
                issuing_region_code=issuing_region_code,
            )
        elif law.level != level:
            raise ValidationError({"level": f"《{law.title}》已登记为“{law.get_level_display()}”，与本行不一致"})
        elif law.issuing_region_code != issuing_region_code:
            registered = law.issuing_region_code or "空（全国性）"
            raise ValidationError(
                {"issuing_region_code": f"《{law.title}》已登记的制定机关所在区划代码为{registered}，与本行不一致"}
            )
        version = LawVersion.objects.filter(law=law, label=row["version"].strip()).first()
        if version is None:
            version = services.add_version(user=user, law=law, label=row["version"], effective_on=effective_on)
        elif version.effective_on != effective_on:
            raise ValidationError(
                {
                    "effective_on": f"版本“{version.label}”已登记的施行日期为"
                    f"{version.effective_on:%Y-%m-%d}，与本行不一致"
                }
            )
        assert number is not None
        services.add_article(
            user=user, version=version, number=number, paragraph=paragraph, subparagraph=subparagraph, text=row["text"]
        )

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        articles = (
            Article.objects.visible_to(user)
            .select_related("version__law")
            .order_by("version__law__title", "version__effective_on", "number", "paragraph", "subparagraph", "id")
        )
        for article in articles.iterator():
            law = article.version.law
            yield {
                "title": law.title,
                "short_title": law.short_title,
                "level": law.get_level_display(),
                "issuing_body": law.issuing_body,
                "issuing_region_code": law.issuing_region_code,
                "version": article.version.label,
                "effective_on": article.version.effective_on.isoformat(),
                "number": str(article.number),
                "paragraph": str(article.paragraph or ""),
                "subparagraph": str(article.subparagraph or ""),
                "text": article.text,
            }
