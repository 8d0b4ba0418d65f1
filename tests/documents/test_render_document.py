"""Rendering: every kind with a template renders; missing required keys are refused by name (R-DOC-003);
the penalty decision carries Art. 59 content (R-DOC-003/004, R-PEN-024/027, R-PUB-013), the on-the-spot form
R-SIM-006 content."""

import re

import pytest

from tests.documents.conftest import context_for
from tests.documents.contexts import CONTEXTS
from zhifa.documents.errors import DocumentError
from zhifa.documents.kinds import KINDS, REQUIRED_KEYS
from zhifa.documents.services import render_document

BASE = {"agency_name": "示范县发展和改革局", "document_number": "示发改罚〔2026〕1号", "issued_on": "2026-06-15"}
TEMPLATED = sorted(kind for kind, spec in KINDS.items() if spec.has_template)


def _text(html: str) -> str:
    """The visible text of the body, without tags or white space."""
    return re.sub(r"<[^>]+>|\s+", "", html.split("<body>", 1)[1])


def test_every_kind_the_issue_names_has_a_template_and_a_test_context():
    named = {
        "filing_approval", "decline_filing_approval", "inquiry_record", "site_inspection_record",
        "preservation_notice", "coercive_measure_decision", "inventory", "investigation_report", "prior_notice",
        "hearing_right_notice", "hearing_record", "penalty_decision", "no_penalty_decision", "delivery_receipt",
        "closing_report", "on_the_spot_decision",
        # 执行 (R-PEN-025, R-COE-010/011/016)
        "payment_plan_decision", "demand_notice", "compulsory_execution_decision", "court_execution_application",
        # 法制审核意见书 and 集体讨论记录 (issue 6: R-REV-011, R-PEN-014)
        "legal_review_opinion", "discussion_minutes",
    }  # fmt: skip
    assert set(TEMPLATED) == named == set(CONTEXTS)


@pytest.mark.parametrize("kind", TEMPLATED)
def test_each_kind_renders_with_its_required_context(kind):
    html = render_document(kind, {**BASE, **CONTEXTS[kind]})
    text = _text(html)
    headings = {"coercive_measure_decision": "扣押决定书", "payment_plan_decision": "分期缴纳罚款决定书"}
    heading = headings.get(kind, KINDS[kind].label)
    assert text.startswith(f"示范县发展和改革局{heading}")


@pytest.mark.parametrize("kind", TEMPLATED)
def test_r_doc_003_each_required_key_is_enforced(kind):
    for key in REQUIRED_KEYS[kind]:
        context = {**BASE, **CONTEXTS[kind]}
        for name in key.split("|"):
            context.pop(name, None)
        with pytest.raises(DocumentError) as excinfo:
            render_document(kind, context)
        assert excinfo.value.code == "document_incomplete"
        assert excinfo.value.field == key.split("|")[0]


def test_r_doc_003_penalty_decision_names_every_missing_key_in_chinese():
    context = {**BASE, **context_for("penalty_decision")}
    for key in ("party_address", "performance", "fine_amount"):
        del context[key]
    context["facts"] = "  "
    with pytest.raises(DocumentError) as excinfo:
        render_document("penalty_decision", context)
    assert excinfo.value.message == (
        "《行政处罚决定书》缺少必填内容：当事人住所（地址）（party_address）、违法事实（案情）（facts）、"
        "行政处罚的种类和内容（penalties）或罚款金额（fine_amount）、履行方式（performance）"
    )
    assert excinfo.value.field == "party_address"


def test_kind_without_a_template_is_refused():
    with pytest.raises(DocumentError) as excinfo:
        render_document("hearing_report", {})
    assert excinfo.value.message == "《听证报告》尚无统一模板，暂不能在系统中制作"


def test_r_doc_003_penalty_decision_content_of_article_59():
    text = _text(render_document("penalty_decision", {**BASE, **context_for("penalty_decision")}))
    for expected in [
        "当事人：长沙某某建设工程有限公司",
        "住所（地址）：湖南省长沙市示范县建设路18号",
        "经查明，当事人在示范县第三中学教学楼维修工程招标中，与其他投标人相互串通投标报价。",
        "上述事实，有以下证据证明：投标文件三份对王某某的询问笔录一份",
        "违反了《中华人民共和国招标投标法》第三十二条第一款的规定",
        "依据《中华人民共和国招标投标法》第五十三条的规定",
        "罚款10,873.00元（壹万零捌佰柒拾叁元整）",
        # R-PEN-024 and R-PEN-027: 15 days, designated bank, 3% per day capped at the fine.
        "应当自收到本决定书之日起十五日内，将罚没款缴至中国农业银行示范县支行",
        "每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额",
        # R-DOC-004: 60 days / 6 months, naming the bodies.
        "六十日内向示范县人民政府申请行政复议",
        "六个月内依法向示范县人民法院提起行政诉讼",
        "示发改罚〔2026〕1号",
        "2026年6月15日",
        "（印章）",
    ]:
        assert expected in text, expected


def test_r_pub_013_publication_clause_is_on_by_default_and_can_be_turned_off():
    clause = "本行政处罚决定信息将通过行政执法信息公示平台依法向社会公示"
    context = {**BASE, **context_for("penalty_decision"), "publication_notice": True}
    context["publication_channel"] = "行政执法信息公示平台"
    assert clause in _text(render_document("penalty_decision", context))
    context["publication_notice"] = False
    assert clause not in _text(render_document("penalty_decision", context))


def test_warning_only_decision_has_no_payment_clause():
    context = {**BASE, **context_for("penalty_decision", penalties=["警告"], performance="本决定书送达之日起执行")}
    del context["fine_amount"]
    text = _text(render_document("penalty_decision", context))
    assert "作出如下行政处罚：警告履行方式和期限" in text
    assert "十五日内" not in text
    assert "履行方式和期限：本决定书送达之日起执行。" in text


def test_r_sim_006_on_the_spot_decision_content():
    text = _text(render_document("on_the_spot_decision", {**BASE, **context_for("on_the_spot_decision")}))
    for expected in [
        "你（单位）于2026年5月12日在示范县人民路与解放路交叉口，占用人行道摆摊经营。",
        "违反了《城市市容和环境卫生管理条例》第十四条的规定",
        "依据《城市市容和环境卫生管理条例》第三十四条的规定，决定当场给予如下行政处罚：警告，罚款50.00元（伍拾元整）",
        "六十日内向示范县人民政府申请行政复议",
        "六个月内依法向示范县人民法院提起行政诉讼",
        "李承办（执法证号：43019900101）、周协办（执法证号：43019900102）",
        "执法人员签名",
    ]:
        assert expected in text, expected


def test_context_values_are_escaped():
    context = {**BASE, **context_for("inventory", party_name="<script>alert(1)</script>")}
    html = render_document("inventory", context)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
