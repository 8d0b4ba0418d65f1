"""Demo documents: numbered 立案审批表 of the 市场监管局, an inquiry record, and the 发改局's 10,873元 decision for
串通投标 (seed 002) with its 送达回证 and direct service. Issued through the services like real documents; fixed
dates, so the PDFs (and their SM3 digests) are the same on every machine."""

from __future__ import annotations

from datetime import date
from typing import Any

from zhifa.demo.context import DemoContext
from zhifa.documents.services import issue_document, record_delivery

FILINGS = [
    ("涉嫌销售过期食品案", "投诉举报", "在其经营场所销售超过保质期的预包装食品", date(2026, 3, 2)),
    ("涉嫌虚假宣传案", "监督检查", "在店招及宣传单上使用“全县销量第一”等无依据的用语", date(2026, 3, 16)),
    ("涉嫌未按规定公示年度报告案", "上级交办", "未按规定期限公示上一年度年度报告", date(2026, 4, 8)),
]


def _parties(ctx: DemoContext) -> list[Any]:
    parties = sorted(ctx.extra.get("parties", {}).values(), key=lambda p: p.pk)
    return [p for p in parties if p.uscc and p.region.code == "430199"]


def load(ctx: DemoContext) -> None:
    scjg, fgj = ctx.agencies["scjg"], ctx.agencies["fgj"]
    handler, fgj_handler = ctx.users["scjg_handler"], ctx.users["fgj_handler"]
    parties = _parties(ctx)
    for index, (cause, source, facts, day) in enumerate(FILINGS):
        party = parties[index * 7]
        issue_document(
            kind="filing_approval",
            agency=scjg,
            subject=party,
            context={
                "case_cause": cause,
                "source": source,
                "party_name": party.name,
                "party_identifier": party.uscc,
                "party_address": party.address,
                "facts": [f"当事人{facts}"],
                "handler_opinion": "涉嫌违法，建议立案调查。",
                "handlers": ["李承办", "周协办"],
            },
            actor=handler,
            numbered=True,
            issued_on=day,
        )
    issue_document(
        kind="inquiry_record",
        agency=scjg,
        subject=parties[0],
        context={
            "inquiry_time": "2026-03-05",
            "place": "示范县市场监督管理局询问室",
            "inquirers": ["李承办", "周协办"],
            "recorder": "周协办",
            "interviewee_name": parties[0].legal_representative or "当事人",
            "qa": [
                {"q": "货架上的预包装食品是谁负责进货的？", "a": "是我本人。"},
                {"q": "你是否知道这些食品已超过保质期？", "a": "没有注意到，是疏忽。"},
            ],
        },
        actor=handler,
        numbered=False,
        issued_on=date(2026, 3, 5),
    )
    _bid_rigging_decision(ctx, fgj, fgj_handler, parties[3])


def _bid_rigging_decision(ctx: DemoContext, fgj: Any, actor: Any, party: Any) -> None:
    """The 发改局's decision in the 串通投标 case of seed 002: 10,873元, served directly with a 送达回证."""
    decision = issue_document(
        kind="penalty_decision",
        agency=fgj,
        subject=party,
        context={
            "party_name": party.name,
            "party_identifier": party.uscc,
            "party_address": party.address or "湖南省长沙市示范县",
            "legal_representative": party.legal_representative,
            "facts": ["当事人在示范县第三中学教学楼维修工程招标中，与其他投标人相互串通投标报价"],
            "evidence": ["投标文件三份", "询问笔录两份", "招标代理机构出具的情况说明一份"],
            "violated_provision": "《中华人民共和国招标投标法》第三十二条第一款",
            "penalty_basis": "《中华人民共和国招标投标法》第五十三条",
            "discretion_reason": "鉴于当事人积极配合调查，按中标项目金额千分之五处罚",
            "fine_amount": "10873.00",
            "performance": "罚款缴至指定银行，本机关不当场收缴",
            "payment_bank": "中国农业银行示范县支行",
        },
        actor=actor,
        numbered=True,
        issued_on=date(2026, 5, 20),
    )
    receipt = issue_document(
        kind="delivery_receipt",
        agency=fgj,
        subject=party,
        context={
            "recipient": party.name,
            "delivered_documents": [{"title": decision.title, "number": decision.number_text}],
            "delivery_place": party.address or "湖南省长沙市示范县",
            "delivery_method_label": "直接送达",
            "deliverers": ["汪发改", "邓招标"],
        },
        actor=actor,
        numbered=False,
        issued_on=date(2026, 5, 20),
    )
    record_delivery(
        document=decision,
        method="direct",
        actor=actor,
        delivered_on=date(2026, 5, 21),
        receiver_name=party.legal_representative or party.name,
        place=party.address,
        receipt_document=receipt,
    )
