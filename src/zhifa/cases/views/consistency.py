"""同事不同罚 page (R-DIS-015): for supervisors of the 司法局 (their region) and agency heads (their agency). Figures
per group only, none per officer or agency (R-DAT-005)."""

from __future__ import annotations

import rules
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from zhifa.cases.models import PenaltyCase
from zhifa.cases.services import consistency
from zhifa.core.listing import paginate


@login_required
def consistency_page(request: HttpRequest) -> HttpResponse:
    if not rules.has_perm("cases.view_consistency", request.user):
        raise PermissionDenied("只有司法局监督人员和执法单位负责人可以查看同事不同罚分析")
    report = consistency.consistency(PenaltyCase.objects.visible_to(request.user))
    groups = report.groups
    only_outliers = request.GET.get("outliers") == "1"
    records = consistency.outliers(groups) if only_outliers else [r for g in groups for r in g.records]
    context = {
        "groups": groups,
        "excluded": report.excluded,
        "page": paginate(records, request),  # type: ignore[arg-type]
        "only_outliers": only_outliers,
        "outlier_count": len(consistency.outliers(groups)),
        "rule": {
            "k": consistency.K,
            "min_group": consistency.MIN_GROUP_SIZE,
            "floor": int(consistency.MIN_SCALE_SHARE * 100),
        },
    }
    return render(request, "cases/consistency.html", context)


def outlier_count(user: object) -> int:
    """For the navigation tile: flagged fines the user may see (0 for users without the permission)."""
    if not rules.has_perm("cases.view_consistency", user):
        return 0
    return len(consistency.outliers(consistency.consistency_report(PenaltyCase.objects.visible_to(user))))
