"""Staff UI of 行政强制措施: the agency's list (即将到期 highlighted), the measure page (决定, 清单, 期限, 延长, 检测期间,
解除 / 依法处理, timeline), one POST per step, 申请 and 紧急实施 from a case, the 清单 rows (htmx "增加一行") and the
全程音像记录 upload. Thin: each step calls ONE service in ``cases.services.coercion`` (R-COE-001..009, R-REC-003).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from zhifa.cases import services
from zhifa.cases.choices import CoerciveMeasureState
from zhifa.cases.models import CoerciveMeasure, PenaltyCase
from zhifa.cases.services.coercion import ACTIVE_STATES, AV_STEP
from zhifa.cases.views import record_forms as rf
from zhifa.cases.views.cases import Panel, panels, refusal_banner, timeline_rows
from zhifa.cases.views.forms import EmptyForm, StepForm
from zhifa.cases.views.queries import measure_detail_queryset, measure_rows, visible_case
from zhifa.cases.views.record_steps import expiry_horizon, measure_entry_block, measure_next_steps
from zhifa.cases.views.stepping import post_step
from zhifa.cases.views.steps import Perform, StepSpec
from zhifa.core.calendar import today
from zhifa.core.errors import DomainError
from zhifa.core.listing import render_list
from zhifa.ledger.api.uploads import spool_uploads_to_disk
from zhifa.ledger.evidence import store_evidence
from zhifa.ledger.models import EvidenceFile
from zhifa.ledger.services import subject_label

M = CoerciveMeasureState
STATE_BADGE = {M.RELEASED: "ok", M.DISPOSED: "ok", M.AWAITING_RETRO_APPROVAL: "warn", M.PENDING_APPROVAL: "warn"}
EVENT_LABELS = {
    "coercive_measure.applied": "报请批准",
    "coercive_measure.approved": "负责人批准",
    "coercive_measure.inventory_item_added": "清单增加物品",
    "coercive_measure.started": "实施",
    "coercive_measure.emergency_taken": "情况紧急当场实施",
    "coercive_measure.retro_approved": "补办批准手续",
    "coercive_measure.disapproved": "不予批准并解除",
    "coercive_measure.extended": "延长期限",
    "coercive_measure.testing_period_recorded": "登记检测期间",
    "coercive_measure.released": "解除",
    "coercive_measure.disposed": "依法处理",
    "evidence.added": "上传音像记录",
}


def _measure(func: Callable[..., Any], *, officers: bool = False) -> Perform:
    def perform(user: Any, measure: CoerciveMeasure, data: dict[str, Any]) -> Any:
        if officers:
            data = {**data, "officers": list(data["officers"])}
        return func(actor=user, measure=measure, **data)

    return perform


MEASURE_STEPS: dict[str, StepSpec] = {
    "approve": StepSpec(EmptyForm, _measure(services.approve_measure), "批准"),
    "start": StepSpec(rf.StartMeasureForm, _measure(services.start_measure, officers=True), "实施"),
    "retro-approve": StepSpec(EmptyForm, _measure(services.retro_approve_measure), "补办批准"),
    "disapprove": StepSpec(rf.DisapproveMeasureForm, _measure(services.disapprove_measure), "不予批准"),
    "testing-period": StepSpec(rf.TestingPeriodForm, _measure(services.record_testing_period), "登记"),
    "extend": StepSpec(rf.ExtendMeasureForm, _measure(services.extend_measure), "批准延长"),
    "dispose": StepSpec(rf.DisposeMeasureForm, _measure(services.dispose_measure), "依法处理"),
    "release": StepSpec(rf.ReleaseMeasureForm, _measure(services.release_measure), "解除"),
}


# --- list -----------------------------------------------------------------------------------------------------


@login_required
def measure_list(request: HttpRequest) -> HttpResponse:
    """The agency's measures (the region's for supervisors); ``state`` and ``expiring`` (即将到期) filters."""
    day = today()
    horizon = expiry_horizon(day)
    measures = measure_rows(request.user)
    state = request.GET.get("state", "")
    if state in M.values:
        measures = measures.filter(state=state)
    expiring = request.GET.get("expiring", "") in ("1", "true", "on")
    if expiring:
        measures = measures.filter(state__in=ACTIVE_STATES, due_on__lte=horizon)
    context = {
        "states": M.choices,
        "selected": {"state": state, "expiring": expiring},
        "querystring": request.GET.copy(),
        "today": day,
        "horizon": horizon,
        "active_states": list(ACTIVE_STATES),
    }
    return render_list(request, "cases/measure_list.html", "cases/_measure_rows.html", measures, context)


# --- detail and steps -----------------------------------------------------------------------------------------


def _lookup(request: HttpRequest, pk: int) -> CoerciveMeasure:
    return get_object_or_404(measure_detail_queryset(request.user), pk=pk)


def _inventory_panel(measure: CoerciveMeasure, step: Any, formset: Any | None) -> dict[str, Any] | None:
    if step is None:
        return None
    if formset is None and step.allowed:
        formset = rf.InventoryFormSet(prefix=rf.INVENTORY_PREFIX)
    return {"step": step, "formset": formset, "url": reverse("cases:measure-inventory", args=[measure.pk])}


def _orphan_errors(step: Any, formset: Any | None) -> list[str]:
    """A refused 清单 post when the 清单 card is no longer on the page (e.g. the measure was carried out)."""
    if formset is None or step is not None:
        return []
    return [str(e) for form in formset.forms for e in form.non_field_errors()]


def _detail_context(
    request: HttpRequest,
    measure: CoerciveMeasure,
    bound: dict[str, StepForm],
    *,
    formset: Any | None = None,
    av_form: rf.AvRecordForm | None = None,
) -> dict[str, Any]:
    day = today()
    case = measure.penalty_case
    steps = measure_next_steps(measure, request.user, on=day)
    inventory_step = next((s for s in steps if s.action == "inventory-items"), None)
    steps = [s for s in steps if s.action != "inventory-items"]
    forms = {
        s.action: MEASURE_STEPS[s.action].form(case=case, user=request.user, prefix=s.action)
        for s in steps
        if s.allowed
    }
    shown: list[Panel] = panels(
        steps, url_name="cases:measure-step", pk=measure.pk, table=MEASURE_STEPS, forms={**forms, **bound}
    )
    read_only = getattr(request.user, "agency_id", None) != case.agency_id
    can_upload = not read_only and measure.state in (M.PENDING_APPROVAL, M.AWAITING_RETRO_APPROVAL, *ACTIVE_STATES)
    return {
        "measure": measure,
        "case": case,
        "today": day,
        "horizon": expiry_horizon(day),
        "active": measure.state in ACTIVE_STATES,
        "badge": STATE_BADGE.get(M(measure.state), ""),
        "panels": shown,
        "refusals": refusal_banner(bound, shown) + _orphan_errors(inventory_step, formset),
        "inventory_panel": _inventory_panel(measure, inventory_step, formset),
        "av_form": (av_form or rf.AvRecordForm(prefix="av")) if can_upload else None,
        "av_records": EvidenceFile.objects.visible_to(request.user)
        .filter(subject_type=subject_label(measure), subject_id=str(measure.pk), step=AV_STEP)
        .order_by("pk"),
        "read_only": read_only,
        "events": timeline_rows(measure, EVENT_LABELS),
    }


def _page(
    request: HttpRequest, measure: CoerciveMeasure, bound: dict[str, StepForm], status: int = 200, **kw: Any
) -> HttpResponse:
    context = _detail_context(request, measure, bound, **kw)
    return render(request, "cases/measure_detail.html", context, status=status)


@login_required
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    measure = _lookup(request, pk)
    services.open_case_file(viewer=request.user, case=measure.penalty_case)  # R-REC-007: part of the case file
    return _page(request, measure, {})


@login_required
@require_POST
def measure_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    spec = MEASURE_STEPS.get(action)
    if spec is None:
        raise Http404("没有这个强制措施办理步骤")
    measure = _lookup(request, pk)
    form = spec.form(request.POST, case=measure.penalty_case, user=request.user, prefix=action)
    return post_step(
        request,
        action=action,
        spec=spec,
        target=measure,
        form=form,
        url_name="cases:measure-step",
        pk=pk,
        success_url=lambda _: reverse("cases:measure-detail", args=[pk]),
        render_page=lambda bound, status: _page(request, measure, bound, status),
    )


# --- 清单: rows added in one go (R-COE-006) ----------------------------------------------------------------------


@login_required
@require_POST
def measure_inventory(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the filled rows, all or none: a refused row is shown with its message and nothing is listed."""
    measure = _lookup(request, pk)
    formset = rf.InventoryFormSet(request.POST, prefix=rf.INVENTORY_PREFIX)
    status = 400
    if formset.is_valid():
        rows = [f for f in formset.forms if not f.is_blank()]
        if not rows:
            formset.forms[0].add_error("name", "请至少填写一行物品")
        else:
            current = rows[0]
            try:
                with transaction.atomic():
                    for current in rows:
                        services.add_inventory_item(actor=request.user, measure=measure, **current.cleaned_data)
            except DomainError as exc:
                field = exc.field if exc.field in current.fields else None
                current.add_error(field, exc.message)
                status = exc.status
            else:
                messages.success(request, f"清单已增加{len(rows)}项物品")
                return redirect("cases:measure-detail", pk)
    return _page(request, measure, {}, status, formset=formset)


@login_required
@require_GET
def measure_inventory_row(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx "增加一行": one empty 清单 row with index ``index``, plus the formset's new total (out of band)."""
    measure = _lookup(request, pk)
    raw = request.GET.get("index", "")
    index = int(raw) if raw.isdigit() else 0
    if index >= rf.InventoryFormSet.max_num:
        return HttpResponse(status=204)
    row = rf.InventoryFormSet(prefix=rf.INVENTORY_PREFIX).empty_form
    row.prefix = f"{rf.INVENTORY_PREFIX}-{index}"
    context = {"row": row, "index": index, "next_index": index + 1, "measure": measure}
    return render(request, "cases/_inventory_row.html", context)


# --- 全程音像记录 (R-REC-003) ------------------------------------------------------------------------------------


@csrf_exempt
@login_required
def measure_av_record(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload handlers are set before the CSRF check reads the body (as ``ledger.views.evidence_upload``)."""
    if request.method != "POST":
        return redirect("cases:measure-detail", pk)
    spool_uploads_to_disk(request)
    return _av_record(request, pk)


@csrf_protect
def _av_record(request: HttpRequest, pk: int) -> HttpResponse:
    """``store_evidence`` decides who may attach evidence (the agency's own staff) and checks the file."""
    measure = _lookup(request, pk)
    form = rf.AvRecordForm(request.POST, request.FILES, prefix="av")
    status = 400
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            store_evidence(
                fileobj=upload,
                original_name=upload.name or "",
                actor=request.user,
                agency=measure.penalty_case.agency,
                subject=measure,
                step=AV_STEP,
                device_id=form.cleaned_data["device_id"],
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else "file", exc.message)
            status = exc.status
        except ValidationError as exc:
            form.add_error("file", "；".join(exc.messages))
        else:
            messages.success(request, "全程音像记录已上传")
            return redirect("cases:measure-detail", pk)
    return _page(request, measure, {}, status, av_form=form)


# --- 申请 and 紧急实施 from the case ------------------------------------------------------------------------------


def _case_form_page(
    request: HttpRequest, case: PenaltyCase, form: StepForm, *, title: str, note: str, status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "title": title,
        "note": note,
        "case": case,
        "entry_block": measure_entry_block(case, request.user),
        "back_url": reverse("cases:case-detail", args=[case.pk]),
    }
    return render(request, "cases/form_page.html", context, status=status)


def _create(
    request: HttpRequest,
    pk: int,
    form_class: type[StepForm],
    call: Callable[..., CoerciveMeasure],
    *,
    title: str,
    note: str,
) -> HttpResponse:
    case = visible_case(request.user, pk)
    if request.method != "POST":
        return _case_form_page(request, case, form_class(case=case, user=request.user), title=title, note=note)
    form = form_class(request.POST, case=case, user=request.user)
    status = 400
    if form.is_valid():
        try:
            measure = call(actor=request.user, case=case, **dict(form.cleaned_data))
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
            status = exc.status
        else:
            messages.success(request, f"已{title}：{measure}")
            return redirect("cases:measure-detail", measure.pk)
    return _case_form_page(request, case, form, title=title, note=note, status=status)


@login_required
def measure_new(request: HttpRequest, pk: int) -> HttpResponse:
    """报请负责人批准采取行政强制措施 (R-COE-002)."""
    note = (
        "采取查封、扣押等行政强制措施，应当事先报经本单位负责人批准；须写明理由和法律依据。"
        "冻结存款、汇款只能由法律规定的行政机关实施（R-COE-001、R-COE-002、R-COE-009）。"
    )
    return _create(request, pk, rf.ApplyMeasureForm, services.apply_for_measure, title="申请强制措施", note=note)


def _take_emergency(*, actor: Any, case: PenaltyCase, **data: Any) -> CoerciveMeasure:
    return services.take_emergency_measure(actor=actor, case=case, **{**data, "officers": list(data["officers"])})


@login_required
def measure_emergency(request: HttpRequest, pk: int) -> HttpResponse:
    """情况紧急，当场实施 (R-COE-003): report to the head and obtain approval within 24 hours."""
    note = (
        "情况紧急需要当场实施的，应当在24小时内向本单位负责人报告并补办批准手续；负责人认为不应当采取的，"
        "应当立即解除。实施须由2名以上持证执法人员进行，并全程音像记录（R-COE-003、R-COE-004、R-REC-003）。"
    )
    return _create(request, pk, rf.EmergencyMeasureForm, _take_emergency, title="紧急当场实施", note=note)
