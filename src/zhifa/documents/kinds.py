"""What each kind of document needs: its 类别字 for the 文号, its template, and its REQUIRED context keys.

``render_document`` refuses a context that lacks a required key (R-DOC-003 BLOCK for the penalty decision,
the same habit for every kind). A key written ``a|b`` is satisfied by either (a fine-only decision has
``fine_amount`` and no other ``penalties``). Keys the issuing service fills itself (agency name, 文号, date, the remedy
bodies by default) are listed in ``SUPPLIED_KEYS``; a caller may still override the remedy bodies.

Context values are JSON: text, numbers, lists of text or of small dicts; money as a string in 元
(``"10873.00"``, GLOSSARY), dates as ``date`` or ISO text (``"2026-05-12"``).
"""

from __future__ import annotations

from dataclasses import dataclass

from zhifa.documents.choices import DocumentKind as K


@dataclass(frozen=True)
class KindSpec:
    kind: str
    serial_char: str  # 类别字 of the 文号 (罚 in 示市监罚〔2026〕1号); "" = this kind is never numbered (笔录, 清单)
    required: tuple[str, ...]
    has_template: bool = True

    @property
    def label(self) -> str:
        return str(K(self.kind).label)

    @property
    def numberable(self) -> bool:
        return bool(self.serial_char)

    @property
    def requires_number(self) -> bool:
        """Decisions are never issued without a 文号 (R-DOC-002; R-SIM-005 编有号码的决定书)."""
        return self.kind in NUMBERED_KINDS


NUMBERED_KINDS = frozenset(
    {
        K.COERCIVE_MEASURE_DECISION,
        K.PENALTY_DECISION,
        K.NO_PENALTY_DECISION,
        K.ON_THE_SPOT_DECISION,
        K.COMPULSORY_EXECUTION_DECISION,
    }
)


# Every kind must name the bodies for 复议 and 诉讼 where the law asks for them (R-DOC-004).
REMEDY = ("reconsideration_body", "litigation_court")
PARTY = ("party_name", "party_address")

KEY_LABELS: dict[str, str] = {
    "agency_name": "执法主体名称",
    "document_number": "文号",
    "issued_on": "文书日期",
    "party_name": "当事人名称（姓名）",
    "party_address": "当事人住所（地址）",
    "case_cause": "案由",
    "source": "案件来源",
    "facts": "违法事实（案情）",
    "evidence": "证据",
    "handler_opinion": "承办人意见",
    "handlers": "承办人",
    "decline_reason": "不予立案理由",
    "inquiry_time": "询问时间",
    "place": "地点",
    "inquirers": "询问人",
    "recorder": "记录人",
    "interviewee_name": "被询问人",
    "qa": "询问内容（问答）",
    "inspection_time": "检查（勘验）时间",
    "inspectors": "检查（勘验）人",
    "findings": "检查（勘验）情况",
    "legal_basis": "法律依据",
    "items": "物品（财物）清单",
    "storage_place": "保存地点",
    "measure_label": "强制措施种类（查封/扣押）",
    "reason": "理由",
    "period_days": "期限（日）",
    "violated_provision": "违反的法律规定",
    "penalty_basis": "处罚依据",
    "proposal": "处理意见",
    "proposed_penalty": "拟作出的行政处罚",
    "defense_deadline": "陈述申辩期限",
    "defense_period": "陈述申辩期间",
    "hearing_time": "听证时间",
    "presiding_officer": "听证主持人",
    "proceedings": "听证经过",
    "penalties": "行政处罚的种类和内容",
    "fine_amount": "罚款金额",
    "performance": "履行方式",
    "no_penalty_reason": "不予处罚的理由",
    "recipient": "受送达人",
    "delivered_documents": "送达文书",
    "decision_summary": "处理决定",
    "execution_summary": "执行情况",
    "officers": "执法人员（姓名及执法证号）",
    "occurred_at": "违法行为时间",
    "plan_kind": "分期或延期",
    "schedule": "缴纳期限及金额",
    "performance_deadline": "履行期限",
    "amount": "金额",
    "payment_method": "给付方式",
    "execution_method": "强制执行方式",
    "execution_time": "强制执行时间",
    "court": "人民法院",
    "demand_summary": "催告情况",
    "enforcement_subject": "申请强制执行的标的",
    "head_name": "负责人（签名）",
    "checks": "审核要点及审核情况",
    "outcome": "审核意见",
    "opinion": "审核意见及理由",
    "question": "议题",
    "held_on": "讨论日期",
    "participants": "参加人员及发表的意见",
    "conclusion_text": "讨论决定",
    "reconsideration_body": "行政复议机关",
    "litigation_court": "管辖人民法院",
}

SUPPLIED_KEYS = ("agency_name", "document_number", "issued_on", *REMEDY)

_SPECS = [
    KindSpec(K.FILING_APPROVAL, "立", ("case_cause", "source", "party_name", "facts", "handler_opinion")),
    KindSpec(K.DECLINE_FILING_APPROVAL, "不立", ("case_cause", "source", "party_name", "facts", "decline_reason")),
    KindSpec(K.INQUIRY_RECORD, "", ("inquiry_time", "place", "inquirers", "recorder", "interviewee_name", "qa")),
    KindSpec(
        K.SITE_INSPECTION_RECORD, "", ("inspection_time", "place", "inspectors", "recorder", "party_name", "findings")
    ),
    KindSpec(K.PRESERVATION_NOTICE, "先保", (*PARTY, "reason", "legal_basis", "items", "storage_place")),
    KindSpec(K.PRESERVATION_DECISION, "先处", (*PARTY, "decision_summary"), has_template=False),
    KindSpec(
        K.COERCIVE_MEASURE_DECISION,
        "强制",
        (*PARTY, "measure_label", "reason", "legal_basis", "items", "place", "period_days", *REMEDY),
    ),
    KindSpec(K.INVENTORY, "", ("party_name", "items")),
    KindSpec(K.EXTENSION_DECISION, "延", (*PARTY, "reason"), has_template=False),
    KindSpec(K.RELEASE_DECISION, "解", (*PARTY, "reason"), has_template=False),
    KindSpec(
        K.INVESTIGATION_REPORT,
        "",
        ("case_cause", "party_name", "facts", "evidence", "violated_provision", "penalty_basis", "proposal"),
    ),
    # R-REV-007/008/011: the checklist, the outcome and the reasons, filed in the case (numbered, 法审).
    KindSpec(K.LEGAL_REVIEW_OPINION, "法审", ("case_cause", "party_name", "proposal", "checks", "outcome", "opinion")),
    # R-PEN-014: who took part, what each said, the conclusion.
    KindSpec(K.DISCUSSION_MINUTES, "", ("case_cause", "question", "held_on", "participants", "conclusion_text")),
    KindSpec(
        K.PRIOR_NOTICE,
        "罚告",
        (
            *PARTY,
            "facts",
            "evidence",
            "violated_provision",
            "penalty_basis",
            "proposed_penalty",
            "defense_deadline|defense_period",
        ),
    ),
    KindSpec(K.DEFENSE_RECORD, "", ("party_name", "proceedings"), has_template=False),
    KindSpec(
        K.HEARING_RIGHT_NOTICE,
        "听告",
        (*PARTY, "facts", "evidence", "violated_provision", "penalty_basis", "proposed_penalty"),
    ),
    KindSpec(K.HEARING_NOTICE, "听通", (*PARTY, "hearing_time", "place", "presiding_officer"), has_template=False),
    KindSpec(
        K.HEARING_RECORD,
        "",
        ("case_cause", "hearing_time", "place", "presiding_officer", "recorder", "party_name", "proceedings"),
    ),
    KindSpec(K.HEARING_REPORT, "", ("case_cause", "proceedings", "proposal"), has_template=False),
    # R-DOC-003 (处罚法 第59条): party, facts and evidence, kind and basis, performance, remedies, agency, date.
    KindSpec(
        K.PENALTY_DECISION,
        "罚",
        (
            *PARTY,
            "facts",
            "evidence",
            "violated_provision",
            "penalty_basis",
            "penalties|fine_amount",
            "performance",
            *REMEDY,
        ),
    ),
    KindSpec(K.NO_PENALTY_DECISION, "不罚", (*PARTY, "facts", "evidence", "no_penalty_reason", "legal_basis", *REMEDY)),
    # R-SIM-006 (处罚法 第52条): act, kind and basis, amount, time, place, remedies, agency, officers' signatures.
    KindSpec(
        K.ON_THE_SPOT_DECISION,
        "简罚",
        (
            "party_name",
            "facts",
            "occurred_at",
            "place",
            "violated_provision",
            "penalty_basis",
            "penalties|fine_amount",
            "officers",
            *REMEDY,
        ),
    ),
    KindSpec(K.ADDRESS_CONFIRMATION, "", ("party_name",), has_template=False),
    KindSpec(K.DELIVERY_RECEIPT, "", ("recipient", "delivered_documents")),
    # R-PEN-025 (处罚法 第66条): which relief, the dates and amounts that replace the payment deadline.
    KindSpec(K.PAYMENT_PLAN_DECISION, "缓", (*PARTY, "decision_summary", "plan_kind", "schedule", *REMEDY)),
    # R-COE-010 (行政强制法 第35条): deadline, manner, amount and way to pay; the right to state and defend is fixed text.
    KindSpec(
        K.DEMAND_NOTICE,
        "催",
        (*PARTY, "decision_summary", "performance_deadline", "performance", "amount", "payment_method"),
    ),
    # R-COE-011 (行政强制法 第37条): reasons and basis, manner and time, remedies, agency, seal, date.
    KindSpec(
        K.COMPULSORY_EXECUTION_DECISION,
        "强执",
        (*PARTY, "reason", "legal_basis", "execution_method", "execution_time", *REMEDY),
    ),
    # R-COE-016 (行政强制法 第55条): signed by the head; the decision, the 催告 and the subject of enforcement.
    KindSpec(
        K.COURT_EXECUTION_APPLICATION,
        "执申",
        ("party_name", "court", "decision_summary", "demand_summary", "enforcement_subject", "head_name"),
    ),
    KindSpec(K.CASE_TRANSFER_LETTER, "移", ("case_cause", "reason"), has_template=False),
    KindSpec(K.CRIMINAL_TRANSFER_LETTER, "刑移", ("case_cause", "reason"), has_template=False),
    KindSpec(K.CLOSING_REPORT, "", ("case_cause", "party_name", "decision_summary", "execution_summary")),
]

KINDS: dict[str, KindSpec] = {str(spec.kind): spec for spec in _SPECS}

# The REQUIRED context keys per kind (the brief's "dict per kind").
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {kind: spec.required for kind, spec in KINDS.items()}

# R-DOC-008 (强制法 第38条): these are served directly first; other methods only after direct service failed.
DIRECT_FIRST_KINDS = frozenset({K.DEMAND_NOTICE, K.COMPULSORY_EXECUTION_DECISION})
