"""A complete, realistic context for every kind with a template (the 串通投标 case of seed 002 and friends)."""

from __future__ import annotations

from datetime import date

PARTY = {
    "party_name": "长沙某某建设工程有限公司",
    "party_address": "湖南省长沙市示范县建设路18号",
    "party_identifier": "91430181MA4L00011X",
    "legal_representative": "王某某",
}
REMEDY = {"reconsideration_body": "示范县人民政府", "litigation_court": "示范县人民法院"}
FACTS = ["当事人在示范县第三中学教学楼维修工程招标中，与其他投标人相互串通投标报价"]
EVIDENCE = ["投标文件三份", "对王某某的询问笔录一份", "招标代理机构出具的情况说明一份"]
BASIS = {
    "violated_provision": "《中华人民共和国招标投标法》第三十二条第一款",
    "penalty_basis": "《中华人民共和国招标投标法》第五十三条",
}

CONTEXTS: dict[str, dict] = {
    "filing_approval": {
        **PARTY,
        "case_cause": "涉嫌串通投标案",
        "source": "投诉举报",
        "facts": FACTS,
        "handler_opinion": "涉嫌违法，建议立案调查。",
        "handlers": ["李承办", "周协办"],
    },
    "decline_filing_approval": {
        **PARTY,
        "case_cause": "涉嫌无照经营案",
        "source": "12345热线",
        "facts": ["经核查，当事人已于投诉前办理营业执照"],
        "handler_opinion": "不符合立案条件。",
        "decline_reason": "违法事实不成立",
    },
    "inquiry_record": {
        "inquiry_time": "2026-05-12",
        "place": "示范县发展和改革局三楼询问室",
        "inquirers": ["李承办", "周协办"],
        "recorder": "周协办",
        "interviewee_name": "王某某",
        "interviewee_info": "长沙某某建设工程有限公司法定代表人",
        "qa": [{"q": "你公司是否参与了该项目投标？", "a": "参与了。"}],
    },
    "site_inspection_record": {
        **PARTY,
        "inspection_time": "2026-05-10",
        "place": "示范县建设路18号",
        "inspectors": ["李承办", "周协办"],
        "recorder": "周协办",
        "findings": ["现场查见投标文件底稿三份"],
    },
    "preservation_notice": {
        **PARTY,
        "reason": "证据可能灭失",
        "legal_basis": "《中华人民共和国行政处罚法》第五十六条",
        "items": [{"name": "投标文件底稿", "spec": "A4", "quantity": "3", "unit": "份"}],
        "storage_place": "当事人办公室",
    },
    "coercive_measure_decision": {
        **PARTY,
        **REMEDY,
        "measure_label": "扣押",
        "reason": "当事人涉嫌销售不符合安全标准的产品。",
        "legal_basis": "《中华人民共和国产品质量法》第十八条",
        "items": [{"name": "电动车充电器", "spec": "48V", "quantity": "120", "unit": "个"}],
        "place": "示范县市场监督管理局物证仓库",
        "period_days": 30,
    },
    "inventory": {"party_name": PARTY["party_name"], "items": ["投标文件底稿 3份"]},
    "investigation_report": {
        **PARTY,
        **BASIS,
        "case_cause": "串通投标案",
        "facts": FACTS,
        "evidence": EVIDENCE,
        "proposal": "建议处中标项目金额千分之五的罚款。",
    },
    "prior_notice": {
        **PARTY,
        **BASIS,
        "facts": FACTS,
        "evidence": EVIDENCE,
        "proposed_penalty": "罚款",
        "fine_amount": "10873.00",
        "defense_deadline": date(2026, 5, 29),
    },
    "hearing_right_notice": {
        **PARTY,
        **BASIS,
        "facts": FACTS,
        "evidence": EVIDENCE,
        "proposed_penalty": "罚款",
        "fine_amount": "100000.00",
    },
    "hearing_record": {
        "party_name": PARTY["party_name"],
        "case_cause": "串通投标案",
        "hearing_time": "2026-06-10",
        "place": "示范县发展和改革局会议室",
        "presiding_officer": "冯法制",
        "recorder": "周协办",
        "proceedings": [{"speaker": "主持人", "text": "现在开始听证。"}],
    },
    "penalty_decision": {
        **PARTY,
        **REMEDY,
        **BASIS,
        "facts": FACTS,
        "evidence": EVIDENCE,
        "fine_amount": "10873.00",
        "performance": "罚款缴至指定银行，本机关不当场收缴",
        "payment_bank": "中国农业银行示范县支行",
    },
    "no_penalty_decision": {
        **PARTY,
        **REMEDY,
        "facts": ["当事人未按规定公示年度报告，系初次违法"],
        "evidence": ["询问笔录一份"],
        "no_penalty_reason": "当事人初次违法且危害后果轻微并及时改正。",
        "legal_basis": "《中华人民共和国行政处罚法》第三十三条第一款",
    },
    "delivery_receipt": {
        "recipient": PARTY["party_name"],
        "delivered_documents": [{"title": "行政处罚决定书", "number": "示发改罚〔2026〕1号"}],
        "delivery_place": PARTY["party_address"],
    },
    "closing_report": {
        "party_name": PARTY["party_name"],
        "case_cause": "串通投标案",
        "decision_summary": "罚款10,873.00元",
        "execution_summary": "当事人已于2026年6月20日缴清罚款。",
    },
    "on_the_spot_decision": {
        **REMEDY,
        "party_name": "张某某",
        "facts": ["占用人行道摆摊经营"],
        "occurred_at": "2026-05-12",
        "place": "示范县人民路与解放路交叉口",
        "violated_provision": "《城市市容和环境卫生管理条例》第十四条",
        "penalty_basis": "《城市市容和环境卫生管理条例》第三十四条",
        "penalties": ["警告"],
        "fine_amount": "50.00",
        "officers": [
            {"name": "李承办", "certificate_number": "43019900101"},
            {"name": "周协办", "certificate_number": "43019900102"},
        ],
    },
    # 执行 (R-PEN-025, R-COE-010/011/016)
    "payment_plan_decision": {
        **PARTY,
        **REMEDY,
        "decision_summary": "本机关于2026年6月15日对你（单位）作出行政处罚决定（示发改罚〔2026〕1号），罚款10,873.00元",
        "applied_on": "2026-06-20",
        "plan_kind": "分期",
        "schedule": [
            {"due_on": "2026-07-15", "amount": "5000.00"},
            {"due_on": "2026-08-15", "amount": "5873.00"},
        ],
    },
    "demand_notice": {
        **PARTY,
        "decision_summary": "本机关于2026年6月15日对你（单位）作出行政处罚决定（示发改罚〔2026〕1号），罚款10,873.00元，"
        "该决定书已于2026年6月16日送达",
        "performance_deadline": "2026-08-10",
        "performance": "一次性缴纳罚款及加处罚款",
        "amount": "21746.00",
        "late_penalty_amount": "10873.00",
        "amount_as_of": "2026-07-31",
        "payment_method": "缴至示范县财政局非税收入汇缴结算户，或者通过湖南省非税收入电子缴款系统缴纳",
        "is_court_route": True,
    },
    "compulsory_execution_decision": {
        **PARTY,
        **REMEDY,
        "decision_summary": "本机关于2026年6月15日对你（单位）作出行政处罚决定（示发改罚〔2026〕1号），罚款10,873.00元",
        "demand_summary": "本机关于2026年7月31日向你（单位）送达催告书，你（单位）逾期仍未履行",
        "reason": "你（单位）逾期不缴纳罚款，加处罚款已超过三十日，经催告仍不履行。",
        "legal_basis": "《中华人民共和国税收征收管理法》第四十条",
        "execution_method": "划拨存款、汇款",
        "execution_time": "2026-08-20",
        "amount": "21746.00",
    },
    "court_execution_application": {
        **PARTY,
        "court": "示范县人民法院",
        "head_name": "郑负责",
        "decision_summary": "申请人于2026年3月2日对被申请人作出行政处罚决定（示发改罚〔2026〕1号），罚款10,873.00元，"
        "该决定书已于2026年3月3日送达",
        "demand_summary": "申请人于2026年9月28日向被申请人送达催告书，催告其于2026年10月12日前缴纳罚款及加处罚款",
        "enforcement_subject": "罚款10,873.00元及加处罚款10,873.00元，共计21,746.00元",
        "materials": [
            "强制执行申请书",
            "行政处罚决定书及作出决定的事实、理由和依据",
            "当事人的意见及催告情况",
            "申请强制执行标的情况",
        ],
    },
}
