"""Demo 法制审核 and 集体讨论 (issue #6), through the review services, dated from each case's own review date and
never after ``LAST_DAY`` (the 310号令 records of ``demo.case_measures`` carry the load date; the case's own dates,
the transfer decision's included, stay within the demo year like every other case).

The major decisions the case demo left waiting (R-REV-004) get their reviews, in every outcome:

- 示市监: the earliest one goes the whole way — 同意 before the notice, 听证 (R-HEA-004..010), a second review
  before the decision, the heads' 集体讨论 (R-PEN-014), the decision served; the next one is 补充 twice over two
  rounds (R-REV-008); the latest waits in the legal unit's queue (待受理); the crime-suspected case whose transfer
  reached the police is reviewed and decided as 移送司法机关 (R-TRN-001).
- 示环 (reviewed by the 司法局's pool, R-REV-005): 变更; 补充 disputed by the handler and put to a collective
  discussion (待讨论, R-REV-009); 移送 disputed, the discussion upholding the handler.
- 示应急: 纠正; 移送. 示发改: taken and overdue (R-REV-010). 示交 (no reviewer of its own, R-REV-012): 同意.

The named 听证 scenario and the named transfer of ``demo.cases`` stay as they were: a major decision still to be
submitted (待送审) and a transfer proposal waiting for the head.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from zhifa.cases import services as case_services
from zhifa.cases.choices import DecisionKind, PenaltyCaseState
from zhifa.cases.models import PenaltyCase
from zhifa.cases.models.transfer import SENT_STATES
from zhifa.cases.services.hearing import earliest_hearing_day
from zhifa.core.calendar import add_working_days
from zhifa.demo.case_measures import _handler_user, _head
from zhifa.demo.cases import LAST_DAY
from zhifa.demo.context import DemoContext
from zhifa.org.choices import Role
from zhifa.org.models import RoleGrant, User
from zhifa.personnel.choices import OfficerKind
from zhifa.personnel.models import Officer
from zhifa.review import services
from zhifa.review.choices import ReviewCheck
from zhifa.review.models import ExternalReviewer, LegalReview

SHANGHAI = ZoneInfo("Asia/Shanghai")
# The 司法局's legal reviewer, appointed to the agencies without a reviewer account of their own (R-REV-005).
USERS = [("sfj_reviewer", "范法审", "sfj", [Role.LEGAL_REVIEWER])]
# A deputy head of each agency that holds a 集体讨论: 负责人集体讨论 needs two heads of the agency (R-PEN-014).
DEPUTIES = {"示市监": ("scjg_deputy", "孙副局长"), "示环": ("sthj_deputy", "沈副局长")}
POOL_AGENCIES = ("sthj", "yjgl", "jtys", "fgj")
APPOINTED_ON = date(2026, 1, 5)
STATEMENT = "调查终结，事实清楚，证据确凿，拟按案件审核意见作出处理。本案属于重大执法决定，报请法制审核。"
OPINION_OK = (
    "经审核，执法主体合法，执法人员具备执法资格，事实清楚，证据确凿，适用法律准确，程序合法，裁量适当，文书齐备。"
)


def _wd(day: date, n: int) -> date:
    return min(add_working_days(day, n), LAST_DAY)


def _checks(**problems: str) -> list[services.CheckInput]:
    return [
        services.CheckInput(point, "problem" if point in problems else "ok", problems.get(point, ""))
        for point in ReviewCheck.values
    ]


class _Reviews:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.scjg_reviewer = ctx.users["scjg_reviewer"]
        self.pool = self._pool_reviewer()

    def _pool_reviewer(self) -> User:
        username, name, agency_key, roles = USERS[0]
        bureau = self.ctx.agencies[agency_key]
        user = User(username=username, name=name, agency=bureau)
        user.set_unusable_password()
        user.save()
        RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in roles])
        officer = Officer.objects.filter(agency=bureau, kind=OfficerKind.LEGAL_REVIEWER, user__isnull=True).first()
        if officer is not None:
            officer.user, officer.name = user, name
            officer.save(update_fields=["user", "name", "updated_at"])
        for key in POOL_AGENCIES:
            ExternalReviewer.objects.create(
                agency=self.ctx.agencies[key], user=user, capacity="judicial_bureau", appointed_on=APPOINTED_ON
            )
        self.ctx.users[username] = user
        return user

    def reviewer(self, case: PenaltyCase) -> User:
        return self.scjg_reviewer if case.agency.short_name == "示市监" else self.pool

    def submit(self, case: PenaltyCase, on: date) -> LegalReview:
        handler, _ = _handler_user(case)
        return services.submit_legal_review(
            actor=handler,
            case=case,
            materials=services.required_materials(case),
            statement=STATEMENT,
            declaration=True,
            submitted_on=on,
        )

    def take(self, review: LegalReview, on: date) -> LegalReview:
        return services.take_legal_review(actor=self.reviewer(review.penalty_case), review=review, started_on=on)

    def conclude(self, review: LegalReview, on: date, outcome: str = "approve", **kwargs: object) -> LegalReview:
        problems = kwargs.pop("problems", {})
        assert isinstance(problems, dict)
        return services.conclude_legal_review(
            actor=self.reviewer(review.penalty_case),
            review=review,
            outcome=outcome,
            checks=_checks(**problems),
            opinion=str(kwargs.pop("opinion", OPINION_OK)),
            concluded_on=on,
            **kwargs,  # type: ignore[arg-type]
        )

    def approve(self, case: PenaltyCase, start: date) -> LegalReview:
        review = self.take(self.submit(case, _wd(start, 1)), _wd(start, 1))
        return self.conclude(review, _wd(start, 2))

    def discuss(self, case: PenaltyCase, topic: str, question: str, on: date, review: LegalReview | None = None):
        return services.convene_discussion(
            actor=_head(case), case=case, topic=topic, question=question, legal_review=review, convened_on=on
        )

    def deputy(self, case: PenaltyCase) -> User:
        """The agency's deputy head (副局长), created the first time a discussion needs them."""
        username, name = DEPUTIES[case.agency.short_name]
        user = self.ctx.users.get(username)
        if user is None:
            user = User(username=username, name=name, agency=case.agency)
            user.set_unusable_password()
            user.save()
            RoleGrant.objects.create(user=user, role=Role.HEAD)
            self.ctx.users[username] = user
        return user

    def participants(self, case: PenaltyCase, opinions: tuple[str, str, str]) -> list[services.ParticipantInput]:
        head = _head(case)
        handler, _ = _handler_user(case)
        return [
            services.ParticipantInput(head, opinions[0], "局长"),
            services.ParticipantInput(self.deputy(case), opinions[0], "副局长"),
            services.ParticipantInput(handler, opinions[1], "承办人"),
            services.ParticipantInput(self.reviewer(case), opinions[2], "法制审核人员"),
        ]


def _fresh(case: PenaltyCase) -> PenaltyCase:
    return PenaltyCase.objects.select_related("agency", "party", "enforcement_item").get(pk=case.pk)


def _whole_way(r: _Reviews, case: PenaltyCase) -> None:
    """同意 → 告知 → 听证 → 决定前审核 → 集体讨论 → 决定 → 送达."""
    start = case.case_reviewed_on or case.filed_on
    r.approve(case, start)
    handler, _ = _handler_user(case)
    head = _head(case)
    notice = _wd(start, 3)
    case = case_services.serve_prior_notice(actor=handler, case=_fresh(case), served_on=notice)
    asked = _wd(notice, 2)
    case = case_services.request_hearing(actor=handler, case=case, sent_on=asked)
    investigators = set(case.handlers.values_list("officer_id", flat=True))
    chair = (
        Officer.objects.filter(agency=case.agency, kind=OfficerKind.ENFORCEMENT, is_on_post=True, user__isnull=True)
        .exclude(pk__in=investigators)
        .order_by("pk")
        .first()
    )
    assert chair is not None
    held_on = earliest_hearing_day(asked)
    held_at = datetime(held_on.year, held_on.month, held_on.day, 9, 30, tzinfo=SHANGHAI)
    hearing = case_services.schedule_hearing(
        actor=head,
        case=case,
        presiding_officer=chair,
        scheduled_at=held_at,
        place="本局三楼听证室",
        notice_sent_on=asked,
    )
    hearing = case_services.record_hearing_held(
        actor=head,
        hearing=hearing,
        held_at=held_at,
        party_attended=True,
        transcript="调查人员提出违法事实、证据和处罚建议；当事人及其代理人进行申辩和质证；笔录经当事人核对后签字。",
        transcript_signed=True,
    )
    case_services.submit_hearing_report(
        actor=head,
        hearing=hearing,
        report="经听证，违法事实清楚，证据确凿，建议维持拟作出的处罚。",
        reported_on=held_on,
    )
    case = _fresh(case)  # 待决定, 经过听证: a new review before the decision (R-REV-001)
    r.approve(case, held_on)
    case = _fresh(case)
    met = _wd(held_on, 3)
    discussion = r.discuss(case, "major_decision", "本案经听证，拟维持处罚，请负责人集体讨论决定（R-PEN-014）。", met)
    services.conclude_discussion(
        actor=head,
        discussion=discussion,
        participants=r.participants(case, ("同意承办机构意见", "维持拟作出的处罚", "法制审核已通过，同意")),
        conclusion="adopted",
        conclusion_text="同意没收违法所得并处罚款，由承办机构制作处罚决定书。",
        place="局三楼会议室",
        held_on=met,
    )
    case = case_services.decide_case(
        actor=head,
        case=_fresh(case),
        decision_kind=DecisionKind.PENALTY,
        decided_on=_wd(held_on, 4),
        penalty_kinds=case.proposed_kinds,
        fine_amount=case.proposed_fine_amount,
        confiscated_gains_amount=case.proposed_confiscation_amount,
        reasoning="经听证和法制审核，并经负责人集体讨论决定，依法作出处罚。",
    )
    case_services.serve_decision(actor=handler, case=case, served_on=_wd(held_on, 5))


def _two_rounds(r: _Reviews, case: PenaltyCase) -> None:
    """补充 (round 1) → 再次送审 → 同意 (round 2)."""
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    review = r.conclude(
        review,
        _wd(start, 2),
        "supplement",
        problems={"evidence_sufficient": "缺少涉案食品的检验报告和货值金额的计算依据"},
        opinion="证据不足，请补充后再次送审。",
    )
    handler, _ = _handler_user(case)
    review = services.resubmit_legal_review(
        actor=handler,
        review=review,
        materials=services.required_materials(_fresh(case)),
        statement=STATEMENT,
        supplement_note="已补充县食品检验检测中心检验报告及进货、销售台账，货值金额据此计算。",
        declaration=True,
        submitted_on=_wd(start, 4),
    )
    r.conclude(r.take(review, _wd(start, 4)), _wd(start, 5))


def _waiting(r: _Reviews, case: PenaltyCase) -> None:
    """送审, not yet taken: in the legal unit's 待我审核 queue."""
    r.submit(case, _wd(case.case_reviewed_on or case.filed_on, 1))


def _transfer_decision(r: _Reviews, case: PenaltyCase) -> None:
    """决定前审核 of the transfer, then 移送司法机关 (R-REV-004, R-TRN-001)."""
    r.approve(case, case.case_reviewed_on or case.filed_on)
    case_services.decide_case(
        actor=_head(case),
        case=_fresh(case),
        decision_kind=DecisionKind.TRANSFER,
        decided_on=LAST_DAY,
        reasoning="涉嫌犯罪，已移送公安机关，依法移送司法机关。",
    )


def _amend(r: _Reviews, case: PenaltyCase) -> None:
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    fine = (case.proposed_fine_amount * Decimal("0.9")).quantize(Decimal("100"))
    r.conclude(
        review,
        _wd(start, 3),
        "amend",
        problems={"discretion_appropriate": "当事人主动停止违法并配合调查，按裁量基准应从轻处罚"},
        opinion="拟处罚偏重，建议从轻。",
        changes=f"罚款由{case.proposed_fine_amount}元变更为{fine}元",
        amended_kinds=list(case.proposed_kinds),
        amended_fine_amount=fine,
        amended_confiscation_amount=case.proposed_confiscation_amount,
    )


def _disputed_supplement(r: _Reviews, case: PenaltyCase) -> None:
    """补充; the handler disagrees; the head puts it to a collective discussion, not yet held."""
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    review = r.conclude(
        review,
        _wd(start, 2),
        "supplement",
        problems={"facts_clear": "超标排放的持续时间未查清"},
        opinion="请补充调查超标排放的持续时间。",
    )
    handler, _ = _handler_user(case)
    review = services.dispute_legal_review(
        actor=handler,
        review=review,
        reason="在线监测数据已完整记录超标时段，事实已经查清，无需补充。",
        disputed_on=_wd(start, 3),
    )
    r.discuss(
        _fresh(case),
        "review_dispute",
        "承办机构不同意补充调查的意见，议题：是否维持法制审核意见。",
        _wd(start, 3),
        review,
    )


def _disputed_transfer(r: _Reviews, case: PenaltyCase) -> None:
    """移送; the handler disagrees; the discussion upholds the handler: the proposal as submitted is approved."""
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    review = r.conclude(
        review,
        _wd(start, 2),
        "transfer",
        problems={"crime_suspected": "排放数据显示可能涉嫌污染环境罪，建议移送公安机关"},
        opinion="建议移送司法机关。",
    )
    handler, _ = _handler_user(case)
    review = services.dispute_legal_review(
        actor=handler,
        review=review,
        reason="经核，超标倍数和持续时间均未达到污染环境罪的立案追诉标准。",
        disputed_on=_wd(start, 3),
    )
    met = _wd(start, 3)
    discussion = r.discuss(_fresh(case), "review_dispute", "是否维持法制审核“移送”的意见（R-REV-009）。", met, review)
    services.conclude_discussion(
        actor=_head(case),
        discussion=discussion,
        participants=r.participants(case, ("未达到追诉标准，不移送", "不移送，依法处罚", "保留意见")),
        conclusion="rejected",
        conclusion_text="不维持移送意见，按承办机构意见依法给予行政处罚。",
        place="局会议室",
        held_on=met,
    )


def _correct(r: _Reviews, case: PenaltyCase) -> None:
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    r.conclude(
        review,
        _wd(start, 2),
        "correct",
        problems={"documents_complete": "事先告知书代拟稿引用的罚则条款项号有误"},
        opinion="同意处理意见，文书须纠正。",
        changes="更正事先告知书代拟稿引用的罚则条款项号",
    )


def _transfer(r: _Reviews, case: PenaltyCase) -> None:
    start = case.case_reviewed_on or case.filed_on
    review = r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))
    r.conclude(
        review,
        _wd(start, 2),
        "transfer",
        problems={"crime_suspected": "事故隐患长期未消除且已造成人员受伤，涉嫌重大责任事故罪"},
        opinion="建议移送司法机关。",
    )


def _overdue(r: _Reviews, case: PenaltyCase) -> None:
    start = case.case_reviewed_on or case.filed_on
    r.take(r.submit(case, _wd(start, 1)), _wd(start, 1))


def _approve(r: _Reviews, case: PenaltyCase) -> None:
    r.approve(case, case.case_reviewed_on or case.filed_on)


Scenario = Callable[[_Reviews, PenaltyCase], None]
PENALTY_SCENARIOS: dict[str, list[Scenario]] = {  # in the order of the cases' review dates
    "示市监": [_whole_way, _two_rounds, _waiting],
    "示环": [_amend, _disputed_supplement, _disputed_transfer],
    "示应急": [_correct, _transfer],
    "示发改": [_overdue],
    "示交": [_approve],
}


def load(ctx: DemoContext) -> None:
    reviews = _Reviews(ctx)
    named = {case.pk for case in ctx.extra.get("cases", {}).values()}
    waiting = (
        PenaltyCase.objects.filter(requires_legal_review=True)
        .exclude(pk__in=named)
        .select_related("agency", "party", "enforcement_item")
        .order_by("case_reviewed_on", "pk")
    )
    by_agency: dict[str, list[PenaltyCase]] = {}
    for case in waiting.filter(state=PenaltyCaseState.UNDER_CASE_REVIEW, route=DecisionKind.PENALTY):
        by_agency.setdefault(case.agency.short_name, []).append(case)
    for short_name, scenarios in PENALTY_SCENARIOS.items():
        for scenario, case in zip(scenarios, by_agency.get(short_name, []), strict=False):
            scenario(reviews, case)
    transferred = waiting.filter(
        state=PenaltyCaseState.AWAITING_DECISION,
        route=DecisionKind.TRANSFER,
        criminal_transfers__state__in=SENT_STATES,
    ).first()
    if transferred is not None:
        _transfer_decision(reviews, transferred)
