"""Excel import of 裁量基准 (one row per tier): all-or-nothing, each bad row listed with its column and message."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from tests.discretion.factories import published_benchmark
from zhifa.core.excel import ImportFailed, export_workbook, get_spec, import_workbook
from zhifa.discretion.models import DiscretionBenchmark

pytestmark = pytest.mark.django_db

SPEC = get_spec("discretion-benchmarks")
HEADERS = [c.header for c in SPEC.columns]


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([row.get(h, "") for h in HEADERS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def _row(agency, item, tier, **extra):
    return {
        "实施主体": agency.name,
        "事项编码": item.code,
        "处罚依据": "《行政处罚法》第一百二十六条",
        "阶次": tier,
        **extra,
    }


def _four_tiers(agency, item):
    lighter = _row(
        agency,
        item,
        "从轻",
        情节条件="积极配合调查，如实陈述违法事实；货值金额≤1000",
        罚款下限="5000",
        罚款上限="15000",
        可选处罚种类="警告；罚款",
    )
    return [
        _row(
            agency,
            item,
            "不予处罚",
            基准名称="餐具消毒裁量基准",  # the first row of a benchmark names it and gives the legal range
            法定罚款下限="5000",
            法定罚款上限="50000",
            情节条件="初次违法；危害后果轻微；及时改正",
            情节关系="全部满足",
        ),
        lighter,
        _row(agency, item, "一般", 罚款下限="15000", 罚款上限="35000", 可选处罚种类="警告；罚款"),
        _row(agency, item, "从重", 情节条件="货值金额≥10000", 罚款下限="35000", 罚款上限="50000", 可选处罚种类="罚款"),
    ]


def test_rows_make_one_draft_with_its_tiers_and_conditions(agency_admin, agency, item, article):
    result = import_workbook(SPEC, _xlsx(_four_tiers(agency, item)), user=agency_admin)
    assert result.rows == 4
    benchmark = DiscretionBenchmark.objects.with_tiers().get()
    assert (benchmark.state, benchmark.title, benchmark.legal_fine_max_amount) == ("draft", "餐具消毒裁量基准", 50000)
    assert [(t.tier, t.match_mode, t.conditions_summary) for t in benchmark.ordered_tiers()] == [
        ("no_penalty", "all", "初次违法且危害后果轻微且及时改正"),
        ("lighter", "any", "积极配合调查，如实陈述违法事实或货值金额1,000.00元以下"),
        ("standard", "any", ""),
        ("heavier", "any", "货值金额10,000.00元以上"),
    ]


def test_a_bad_row_saves_nothing_and_every_row_error_is_listed(agency_admin, agency, item, article, other_agency):
    rows = _four_tiers(agency, item)
    rows[2]["阶次"] = "普通"
    rows[3]["情节条件"] = "运气不好"
    rows.append(_row(agency, item, "从轻", 罚款下限="5000", 罚款上限="15000", 可选处罚种类="罚款"))
    rows.append({**_row(agency, item, "一般"), "事项编码": "NOPE"})
    rows.append({**_row(other_agency, item, "一般")})
    with pytest.raises(ImportFailed) as failed:
        import_workbook(SPEC, _xlsx(rows), user=agency_admin)
    assert [(e.row, e.column, e.message) for e in failed.value.errors] == [
        (4, "阶次", "阶次“普通”无效，应为：不予处罚、减轻、从轻、一般、从重"),
        (5, "情节条件", "情节“运气不好”无法识别：请填写情节名称，金额情节写作“货值金额≥1000”"),
        (6, "阶次", "该裁量基准已有从轻阶次"),
        (7, "事项编码", f"{agency.name}没有事项编码为“NOPE”的有效事项"),
        (8, "实施主体", f"实施主体“{other_agency.name}”不存在或不在您的数据范围内"),
    ]
    assert DiscretionBenchmark.objects.count() == 0


def test_rows_for_a_published_benchmark_make_its_next_version(agency_admin, agency, item, article):
    live = published_benchmark(item, article=article)
    import_workbook(SPEC, _xlsx(_four_tiers(agency, item)), user=agency_admin)
    draft = DiscretionBenchmark.objects.get(state="draft")
    assert (draft.version, draft.previous_version_id, draft.tiers.count()) == (2, live.pk, 4)


def test_handler_may_not_import(handler, agency, item, article):
    from zhifa.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_workbook(SPEC, _xlsx(_four_tiers(agency, item)), user=handler)
    assert DiscretionBenchmark.objects.count() == 0


def test_export_reads_back(agency_admin, item, article):
    published_benchmark(item, article=article)
    content = export_workbook(SPEC, agency_admin)
    from openpyxl import load_workbook

    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADERS)
    assert [(r[9], r[11]) for r in rows[1:]] == [
        ("不予处罚", "初次违法；危害后果轻微；及时改正"),
        ("从轻", "积极配合调查，如实陈述违法事实；主动消除或者减轻违法行为危害后果；货值金额≤1000"),
        ("一般", None),
        ("从重", "一定期限内再次实施同一违法行为；货值金额≥10000"),
    ]
