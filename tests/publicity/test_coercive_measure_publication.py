"""Coercive measures (R-PUB-004 "other decisions": 20 working days): ``zhifa tick`` opens the publication of a
measure once it was approved and carried out — a measure only applied for is not published — and the snapshot
is the measure's decision read from the record, redacted."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.publicity.support import publish
from zhifa.publicity.choices import PublicationKind
from zhifa.publicity.models import Publication
from zhifa.publicity.scheduled import open_missing

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.cases.coercion_fixtures"]  # approved_measure, started_measure


def test_a_measure_only_approved_is_not_published_yet(approved_measure):
    assert open_missing(date(2026, 3, 2)) == []


def test_r_pub_004_a_carried_out_measure_is_published_within_20_working_days(started_measure, handler, head):
    assert open_missing(date(2026, 3, 2)) == ["已生成待公示记录1条（R-PUB-005）"]
    assert open_missing(date(2026, 3, 3)) == []
    publication = Publication.objects.get(coercive_measure=started_measure)
    assert (publication.kind, publication.penalty_case_id, publication.publication_deadline) == (
        PublicationKind.COERCIVE_MEASURE,
        started_measure.penalty_case_id,
        date(2026, 3, 30),
    )
    published = publish(publication, handler, head)
    sections = {s["key"]: s["text"] for s in published.snapshot["sections"]}
    assert sections["measure_label"] == "查封"
    assert sections["items"] == "过期牛奶 250ml/盒 12 盒"
    assert published.publicity_period_months == 36
    html = Client().get(f"/gongshi/decisions/{published.pk}/").content.decode()
    assert "查封决定书" in html and "示范县好味道餐饮有限公司后厨仓库" in html
