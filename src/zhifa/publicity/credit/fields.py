"""行政处罚信息 in the 双公示 exchange format (R-PUB-012): the columns in the standard's order and one row per
published penalty decision.

Where the values come from:
- identification of the party (名称, 类别, 代码, 法定代表人, 证件) from the party register: the record 信用中国 receives
  identifies the party. 证件类型/号码 are exchanged but "not public" (R-PUB-012), and a natural person's full name is
  exchanged too (R-PRV-003's note): a full export is therefore a personal-data export (``export``). A masked export
  carries the portal's name and masked numbers (R-PRV-006); a minor is never named (R-PRV-004).
- what the decision says (文号, 违法行为类型, 违法事实, 处罚依据, 处罚内容) from the approved snapshot: the same redacted text
  as the portal (R-PUB-007, R-PRV-001/002), withheld parts included as withheld.
- amounts from the case record, in 万元 to six places (exact: 1 分 = 0.000001 万元), as text — never a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from zhifa.catalog.choices import PenaltyKind
from zhifa.core.calendar import add_months
from zhifa.core.money import to_amount
from zhifa.parties.choices import IdKind, PartyKind, PersonalField
from zhifa.publicity.models import Publication

# 信用中国 行政处罚信息 field set (R-PUB-012 "cfg field-set version"; check against the version in force).
FIELD_SET_VERSION = "双公示行政处罚2021"
HEADERS = (
    "行政相对人名称",
    "行政相对人类别",
    "行政相对人代码_1(统一社会信用代码)",
    "行政相对人代码_2(工商注册号)",
    "行政相对人代码_3(组织机构代码)",
    "行政相对人代码_4(税务登记号)",
    "行政相对人代码_5(事业单位证书号)",
    "行政相对人代码_6(社会组织登记证号)",
    "法定代表人",
    "法定代表人证件类型",
    "法定代表人证件号码",
    "证件类型",
    "证件号码",
    "行政处罚决定书文号",
    "违法行为类型",
    "违法事实",
    "处罚依据",
    "处罚类别",
    "处罚内容",
    "罚款金额(万元)",
    "没收违法所得、没收非法财物的金额(万元)",
    "暂扣或吊销证照名称及编号",
    "处罚决定日期",
    "处罚有效期",
    "公示截止期",
    "处罚机关",
    "处罚机关统一社会信用代码",
    "数据来源单位",
    "数据来源单位统一社会信用代码",
    "备注",
)
# Exchanged with 信用中国 but never published (R-PUB-012): masked unless the export is a personal-data export.
NOT_PUBLIC = ("法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码")
DATE_FORMAT = "%Y/%m/%d"
LONG_TERM = date(2099, 12, 31)  # the standard's "长期": the record keeps no end date of the penalty's effect
TEN_THOUSAND = Decimal(10000)
WAN_PLACES = Decimal("0.000001")
ADULT_MONTHS = 18 * 12
PARTY_CATEGORIES = {
    PartyKind.LEGAL_PERSON: "法人及非法人组织",
    PartyKind.OTHER_ORGANIZATION: "法人及非法人组织",
    PartyKind.INDIVIDUAL_BUSINESS: "个体工商户",
    PartyKind.NATURAL_PERSON: "自然人",
}
ID_KINDS: dict[str, str] = {
    IdKind.RESIDENT_ID: "身份证",
    IdKind.PASSPORT: "护照号",
}  # the standard's words; others by their label
ORGANIZATIONS = (PartyKind.LEGAL_PERSON, PartyKind.OTHER_ORGANIZATION)


def wan(amount: Decimal | str | int) -> str:
    """元 → 万元 with six places (R-PUB-012): 12,345.67元 → ``1.234567``; exact, since amounts are in 分."""
    value = to_amount(amount) / TEN_THOUSAND
    assert value == value.quantize(WAN_PLACES)  # 1 分 = 0.000001 万元: nothing is rounded
    return f"{value.quantize(WAN_PLACES):f}"


def _wan_or_blank(amount: Decimal) -> str:
    return wan(amount) if amount > 0 else ""


def _day(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day is not None else ""


def _section(snapshot: dict[str, Any], key: str) -> str:
    return next((s.get("text", "") for s in snapshot.get("sections", []) if s.get("key") == key), "")


def _id_kind(kind: str) -> str:
    return ID_KINDS.get(kind, str(IdKind(kind).label) if kind in IdKind.values else "")


@dataclass(frozen=True)
class Identity:
    """The party's identifying columns: 名称, 类别, 代码_1, 法定代表人 (+证件), 证件 of a natural person."""

    name: str
    category: str
    uscc: str
    representative: str
    representative_id_kind: str
    representative_id_number: str
    id_kind: str
    id_number: str


def identity(publication: Publication, *, personal: bool) -> Identity:
    case = publication.penalty_case
    assert case is not None
    party = case.party
    snapshot_name = str((publication.snapshot.get("party") or {}).get("name", ""))
    minor = party.birth_on is not None and add_months(party.birth_on, ADULT_MONTHS) > publication.decided_on
    natural = party.kind == PartyKind.NATURAL_PERSON
    # R-PRV-003 note: 双公示 exchanges full names; R-PRV-004: never a minor's; masked export: the portal's name.
    name = party.name if (personal and not minor) or not natural else snapshot_name

    def number(field: str) -> str:
        return str(getattr(party, field) or "") if personal else party.masked(field)

    representative = rep_kind = rep_number = id_kind = id_number = ""
    if party.kind in ORGANIZATIONS:
        representative = party.legal_representative
        if party.legal_representative_id_number:
            rep_kind, rep_number = ID_KINDS[IdKind.RESIDENT_ID], number(PersonalField.LEGAL_REPRESENTATIVE_ID_NUMBER)
    elif party.kind == PartyKind.INDIVIDUAL_BUSINESS:  # 经营者 in the 法定代表人 columns
        representative = party.legal_representative
        if party.id_number:
            rep_kind, rep_number = _id_kind(party.id_kind or IdKind.RESIDENT_ID), number(PersonalField.ID_NUMBER)
    elif party.id_number:
        id_kind, id_number = _id_kind(party.id_kind or IdKind.RESIDENT_ID), number(PersonalField.ID_NUMBER)
    return Identity(
        name=name,
        category=PARTY_CATEGORIES[PartyKind(party.kind)],
        uscc="" if natural else party.uscc,
        representative=representative,
        representative_id_kind=rep_kind,
        representative_id_number=rep_number,
        id_kind=id_kind,
        id_number=id_number,
    )


def credit_row(publication: Publication, *, personal: bool) -> list[str]:
    """One 行政处罚 record (``HEADERS`` order) of a published penalty decision."""
    case = publication.penalty_case
    assert case is not None
    snapshot = publication.snapshot or {}
    who = identity(publication, personal=personal)
    agency = publication.agency
    kinds = [str(PenaltyKind(k).label) for k in case.penalty_kinds if k in PenaltyKind.values]
    remark = "部分内容依法不予公开" if snapshot.get("withheld") else ""
    return [
        who.name,
        who.category,
        who.uscc,
        "",  # 工商注册号, 组织机构代码, 税务登记号, 事业单位证书号, 社会组织登记证号: replaced by the USCC, not kept
        "",
        "",
        "",
        "",
        who.representative,
        who.representative_id_kind,
        who.representative_id_number,
        who.id_kind,
        who.id_number,
        publication.document_number,
        _section(snapshot, "case_cause"),
        _section(snapshot, "facts"),
        _section(snapshot, "penalty_basis"),
        "；".join(kinds),
        str(snapshot.get("summary", "")),
        _wan_or_blank(case.fine_amount),
        _wan_or_blank(case.confiscated_gains_amount),
        "",  # 暂扣或吊销证照名称及编号: not in the case record (the decision's text names it)
        _day(publication.decided_on),
        _day(LONG_TERM),
        _day(publication.expires_on),
        agency.name,
        agency.uscc,
        agency.name,  # 数据来源单位: the agency that made the decision reports it (谁执法谁公示)
        agency.uscc,
        remark,
    ]
