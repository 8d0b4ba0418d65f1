"""The publication page's step table (form + the ONE service each calls, same names as the API) and which steps a
user sees now; a blocked step says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import rules

from zhifa.cases.views.forms import EmptyForm
from zhifa.cases.views.next_steps import NextStep
from zhifa.cases.views.steps import StepSpec
from zhifa.publicity import services
from zhifa.publicity.choices import PublicationState
from zhifa.publicity.models import Publication
from zhifa.publicity.views import forms as f

S = PublicationState


def _publication(func: Callable[..., Any]) -> Callable[[Any, Publication, dict[str, Any]], Any]:
    def perform(user: Any, publication: Publication, data: dict[str, Any]) -> Any:
        return func(actor=user, publication=publication, **data)

    return perform


def _submit(user: Any, publication: Publication, data: dict[str, Any]) -> Any:
    return services.submit_publication(actor=user, publication=publication, **f.SubmitForm.service_data(data))


PUBLICATION_STEPS: dict[str, StepSpec] = {
    "submit": StepSpec(f.SubmitForm, _submit, "提交审核"),
    "approve": StepSpec(EmptyForm, _publication(services.approve_publication), "审核通过并公开"),
    "return": StepSpec(f.ReasonForm, _publication(services.return_publication), "退回修改"),
    "exempt": StepSpec(f.ExemptForm, _publication(services.exempt_publication), "批准不予公开"),
    "withdraw": StepSpec(f.WithdrawForm, _publication(services.withdraw_publication), "撤下"),
}

NOT_HANDLER = "需由本案承办人或本单位负责人办理"


def publication_next_steps(publication: Publication, user: Any) -> list[NextStep]:
    """The steps the publication's state allows for ``user`` (supervisors: none)."""
    submit = rules.has_perm("publicity.submit_publication", user, publication)
    head = rules.has_perm("publicity.approve_publication", user, publication)
    steps: list[NextStep] = []
    if publication.state == S.PENDING:
        steps.append(NextStep("submit", "提交脱敏后的公示内容（送审核）", "" if submit else NOT_HANDLER))
    if publication.state == S.AWAITING_APPROVAL and head:
        steps.append(NextStep("approve", "审核通过并在公示平台公开（R-PUB-006）"))
        steps.append(NextStep("return", "退回承办人修改"))
    if publication.state in (S.PENDING, S.AWAITING_APPROVAL) and head:
        steps.append(NextStep("exempt", "批准不予公开（国家秘密、商业秘密、个人隐私，R-PUB-006）"))
    if publication.state == S.PUBLISHED and head:
        steps.append(NextStep("withdraw", "撤下（决定被变更、撤销、确认违法等，R-PUB-008）"))
    return steps


def make_form(action: str, publication: Publication, user: Any, data: Any = None) -> Any:
    form_class = PUBLICATION_STEPS[action].form
    extra = {"kind": publication.kind} if form_class is f.SubmitForm else {}
    return form_class(data, case=publication.penalty_case, user=user, prefix=action, **extra)
