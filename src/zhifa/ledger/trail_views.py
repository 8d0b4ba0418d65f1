"""The record browser (全过程记录查询): who did and who read what, when — for supervisors and heads."""

from __future__ import annotations

import contextlib

import rules
from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa.core.listing import render_list
from zhifa.ledger.models import ChainHead, Checkpoint, Event

ACTIONS = {
    "created": "新建",
    "changed": "修改",
    "updated": "修改",
    "deleted": "删除",
    "viewed": "调阅",
    "personal_data_viewed": "查看完整个人信息",
    "added": "添加",
    "registered": "登记",
    "published": "发布",
    "revised": "修订",
    "superseded": "被替代",
    "suspended": "暂停/暂扣",
    "resumed": "恢复",
    "reinstated": "恢复",
    "abolished": "取消",
    "cancelled": "注销",
    "left_post": "离岗",
    "recorded": "记录",
    "repealed": "废止",
}
KINDS = [("", "全部事件"), ("reads", "调阅与查看个人信息"), ("changes", "变更")]


def describe(event: Event) -> str:
    """``personnel.officer`` + ``officer.viewed`` → 执法人员 · 调阅."""
    subject = event.event_type.split(".", 1)[0]
    if event.subject_type:
        # a subject type of an app removed since keeps its technical name
        with contextlib.suppress(LookupError):
            subject = str(apps.get_model(event.subject_type)._meta.verbose_name)
    action = event.event_type.split(".", 1)[1]
    return f"{subject} · {ACTIONS.get(action, action)}"


def _filtered(request: HttpRequest) -> QuerySet[Event]:
    events = Event.objects.visible_to(request.user).select_related("actor", "agency").order_by("-sequence")
    kind = request.GET.get("kind", "")
    if kind == "reads":
        events = events.filter(event_type__endswith="viewed")
    elif kind == "changes":
        events = events.exclude(event_type__endswith="viewed")
    actor = request.GET.get("q", "").strip()
    if actor:
        events = events.filter(actor__name__icontains=actor) | events.filter(actor__username=actor)
    subject = request.GET.get("subject", "")
    if ":" in subject:
        subject_type, subject_id = subject.split(":", 1)
        events = events.filter(subject_type=subject_type, subject_id=subject_id)
    return events


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    if not rules.has_perm("ledger.view_events", request.user):
        return render(
            request, "core/forbidden.html", {"message": "只有监督、审计人员和单位负责人可以查询全过程记录"}, status=403
        )
    context = {
        "kinds": KINDS,
        "kind": request.GET.get("kind", ""),
        "subject": request.GET.get("subject", ""),
        "head": ChainHead.objects.first(),
        "checkpoint": Checkpoint.objects.select_related("key").order_by("-sequence").first(),
    }
    return render_list(request, "ledger/event_list.html", "ledger/_event_rows.html", _filtered(request), context)
