"""Excel import/export of officers and certificates (执法人员及执法证): one row per officer + certificate."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.excel import Column, ImportSpec, choice_value, parse_date, parse_decimal, register
from zhifa.core.masking import mask_id_number
from zhifa.core.validators import normalize_id_number, validate_id_number
from zhifa.org.lookups import agency_by_name
from zhifa.org.models import Agency, Sector
from zhifa.personnel import services
from zhifa.personnel.choices import CertificateKind, OfficerKind
from zhifa.personnel.models import ExamResult, Officer
from zhifa.personnel.services._common import ID_NUMBER_TAKEN

SECTOR_SEPARATORS = re.compile(r"[、，,；;\s]+")


def _collect(errors: dict[str, str], exc: ValidationError) -> None:
    errors.update({key: messages[0] for key, messages in exc.message_dict.items()})


@contextmanager
def _columns(mapping: Mapping[str | None, str]) -> Iterator[None]:
    """Re-key a service's field errors to this sheet's column keys."""
    try:
        yield
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise ValidationError({mapping.get(k, k): v for k, v in exc.error_dict.items()}) from None
        raise
    except DomainError as exc:
        exc.field = mapping.get(exc.field, exc.field)
        raise


OFFICER_FIELDS = {None: "agency"}
CERTIFICATE_FIELDS = {
    "number": "certificate_number",
    "kind": "certificate_kind",
    "officer": "certificate_number",
    None: "certificate_number",
}
EXAM_FIELDS = {
    "name": "exam_name",
    "held_on": "exam_held_on",
    "score": "exam_score",
    "pass_score": "exam_score",
    None: "exam_name",
}


@register
class OfficerImport(ImportSpec):
    kind = "officers"
    label = "执法人员及执法证"
    permission = "personnel.import_officers"
    columns = [
        Column("姓名", "name", required=True, example="张三"),
        Column(
            "所属单位", "agency", required=True, help="执法主体全称，须在您的数据范围内", example="示范县市场监督管理局"
        ),
        Column("人员类别", "kind", required=True, help="执法人员 / 执法辅助人员 / 法制审核人员", example="执法人员"),
        Column("身份证号", "id_number", required=True, help="18位公民身份号码", example="430199198503150017"),
        Column("职务", "position", example="科员"),
        Column("执法证号", "certificate_number", help="执法辅助人员不填", example="湘43019920001"),
        Column("发证机关", "issuing_authority", example="湖南省人民政府"),
        Column("证件类别", "certificate_kind", help="地方证 / 国务院部门证", example="地方证"),
        Column("有效期起", "effective_on", example="2024-01-01"),
        Column("有效期止", "expires_on", help="已过期的证件不能导入", example="2029-12-31"),
        Column("执法领域", "sectors", help="多个领域用、分隔", example="市场监管"),
        Column(
            "资格考试名称",
            "exam_name",
            help="登记执法证须有合格的执法资格考试成绩（R-PER-002）",
            example="2023年湖南省行政执法资格考试",
        ),
        Column("考试日期", "exam_held_on", example="2023-10-21"),
        Column("考试成绩", "exam_score", example="86"),
    ]

    def _agency(self, name: str, user: Any, errors: dict[str, str]) -> Agency | None:
        try:
            return agency_by_name(user, name, field_name="agency", label="所属单位")
        except ValidationError as exc:
            _collect(errors, exc)
            return None

    def _choice(self, text: str, choices: Any, key: str, label: str, errors: dict[str, str]) -> str | None:
        try:
            return choice_value(text, choices, field_name=key, label=label)
        except ValidationError as exc:
            _collect(errors, exc)
            return None

    def _sectors(self, text: str, errors: dict[str, str]) -> list[Sector]:
        names = [n for n in SECTOR_SEPARATORS.split(text) if n]
        found = {s.name: s for s in Sector.objects.filter(name__in=names)}
        unknown = [n for n in names if n not in found]
        if unknown:
            errors["sectors"] = f"执法领域不存在：{'、'.join(unknown)}"
        if not names:
            errors["sectors"] = "登记执法证须填写执法领域"
        return [found[n] for n in names if n in found]

    def _date(self, row: dict[str, str], key: str, header: str, errors: dict[str, str]) -> date | None:
        if not row.get(key):
            errors[key] = f"登记执法证须填写“{header}”"
            return None
        try:
            return parse_date(row[key], field_name=key)
        except ValidationError as exc:
            _collect(errors, exc)
            return None

    def import_row(self, row: dict[str, str], *, user: Any) -> None:
        errors: dict[str, str] = {}
        agency = self._agency(row["agency"], user, errors)
        kind = self._choice(row["kind"], OfficerKind, "kind", "人员类别", errors)
        id_number = normalize_id_number(row["id_number"])
        try:
            validate_id_number(id_number)
        except ValidationError as exc:
            errors["id_number"] = exc.messages[0]
        certificate: dict[str, Any] | None = None
        if row.get("certificate_number"):
            if kind == OfficerKind.AUXILIARY:
                errors["certificate_number"] = "执法辅助人员不得持有行政执法证（R-PER-004）"
            certificate_kind = self._choice(
                row.get("certificate_kind") or CertificateKind.LOCAL.label,
                CertificateKind,
                "certificate_kind",
                "证件类别",
                errors,
            )
            if not row.get("issuing_authority"):
                errors["issuing_authority"] = "登记执法证须填写“发证机关”"
            effective_on = self._date(row, "effective_on", "有效期起", errors)
            expires_on = self._date(row, "expires_on", "有效期止", errors)
            if expires_on and expires_on < today():
                errors["expires_on"] = "执法证已过期"
            certificate = {
                "number": row["certificate_number"],
                "issuing_authority": row.get("issuing_authority", ""),
                "kind": certificate_kind,
                "effective_on": effective_on,
                "expires_on": expires_on,
                "sectors": self._sectors(row.get("sectors", ""), errors),
            }
        exam: dict[str, Any] | None = None
        if row.get("exam_name"):
            exam = {"name": row["exam_name"], "held_on": self._date(row, "exam_held_on", "考试日期", errors)}
            if not row.get("exam_score"):
                errors["exam_score"] = "填写了资格考试名称时须填写“考试成绩”"
            else:
                try:
                    exam["score"] = parse_decimal(row["exam_score"], field_name="exam_score")
                except ValidationError as exc:
                    errors["exam_score"] = exc.messages[0]
        if errors:
            raise ValidationError(errors)
        assert agency is not None and kind is not None
        officer = self._officer(row, user=user, agency=agency, kind=kind, id_number=id_number)
        if exam is not None:
            self._exam(officer, exam, user=user)
        if certificate is not None:
            with _columns(CERTIFICATE_FIELDS):
                services.register_certificate(actor=user, officer=officer, **certificate)

    def _officer(self, row: dict[str, str], *, user: Any, agency: Agency, kind: str, id_number: str) -> Officer:
        existing = Officer.objects.filter(id_number=id_number).first()
        if existing is not None:
            # The same person re-imported (same agency, same name): reuse. Any other match gets the one
            # neutral message of ``register_officer``, which never says where (or under which name) the
            # number is registered — the match may lie outside the importer's data scope.
            if existing.agency_id != agency.pk or existing.name != row["name"]:
                raise ValidationError({"id_number": ID_NUMBER_TAKEN})
            return existing
        with _columns(OFFICER_FIELDS):
            return services.register_officer(
                actor=user,
                agency=agency,
                name=row["name"],
                kind=kind,
                id_number=id_number,
                position=row.get("position", ""),
            )

    def _exam(self, officer: Officer, exam: dict[str, Any], *, user: Any) -> None:
        with _columns(EXAM_FIELDS):
            sitting = services.register_exam(actor=user, name=exam["name"], held_on=exam["held_on"])
            if not ExamResult.objects.filter(exam=sitting, officer=officer).exists():
                services.record_exam_result(actor=user, exam=sitting, officer=officer, score=Decimal(exam["score"]))

    def export_rows(self, user: Any) -> Iterable[dict[str, str]]:
        officers = (
            Officer.objects.visible_to(user)
            .with_certificates()
            .prefetch_related("exam_results__exam")
            .order_by("agency__name", "name", "id")
        )
        for officer in officers:
            passed = [r for r in officer.exam_results.all() if r.is_qualified]
            result = passed[-1] if passed else None
            base = {
                "name": officer.name,
                "agency": officer.agency.name,
                "kind": officer.get_kind_display(),
                # Always masked (R-PRV-006): an export is a list; full values only through a recorded reveal.
                "id_number": mask_id_number(officer.id_number),
                "position": officer.position,
                "exam_name": result.exam.name if result else "",
                "exam_held_on": result.exam.held_on.isoformat() if result else "",
                "exam_score": str(result.score) if result else "",
            }
            certificates = list(officer.certificates.all())
            if not certificates:
                yield base
            for certificate in certificates:
                yield {
                    **base,
                    "certificate_number": certificate.number,
                    "issuing_authority": certificate.issuing_authority,
                    "certificate_kind": certificate.get_kind_display(),
                    "effective_on": certificate.effective_on.isoformat(),
                    "expires_on": certificate.expires_on.isoformat(),
                    "sectors": "、".join(s.name for s in certificate.sectors.all()),
                }
