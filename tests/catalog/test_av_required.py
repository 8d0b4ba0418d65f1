"""R-REC-003/004: which steps need an audio/video record."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tests.catalog.factories import EnforcementItemFactory
from zhifa.catalog.errors import CatalogError
from zhifa.catalog.models import AvRequirement
from zhifa.catalog.services import av_required

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("step", ["coercive_measure", "forced_demolition", "land_expropriation", "case_handling_room"])
def test_r_rec_003_steps_are_always_mandatory(step):
    assert av_required(step) is True


def test_r_rec_003_defaults_are_seeded():
    assert sorted(AvRequirement.objects.filter(agency=None, rule_id="R-REC-003").values_list("step", flat=True)) == [
        "case_handling_room",
        "coercive_measure",
        "forced_demolition",
        "land_expropriation",
    ]


def test_r_rec_003_a_row_cannot_make_them_optional(agency):
    row = AvRequirement(agency=agency, step="forced_demolition", is_mandatory=False)
    with pytest.raises(ValidationError) as raised:
        row.full_clean()
    assert raised.value.message_dict == {
        "is_mandatory": ["“强制拆除”依规定必须全程音像记录（R-REC-003），不能设为非必须"]
    }


def test_r_rec_004_other_steps_follow_the_agency_list(agency, other_agency):
    AvRequirement.objects.create(agency=agency, step="on_site_inspection", is_mandatory=True)
    assert av_required("on_site_inspection", agency=agency) is True
    assert av_required("on_site_inspection", agency=other_agency) is False
    assert av_required("on_site_inspection") is False


def test_r_rec_004_item_row_beats_agency_row_beats_default(agency):
    item = EnforcementItemFactory(agency=agency, in_force=True)
    AvRequirement.objects.create(agency=None, step="hearing", is_mandatory=True)
    assert av_required("hearing", agency=agency) is True
    AvRequirement.objects.create(agency=agency, step="hearing", is_mandatory=False)
    assert av_required("hearing", agency=agency) is False
    AvRequirement.objects.create(agency=agency, step="hearing", item=item, is_mandatory=True)
    assert av_required("hearing", item=item) is True
    assert av_required("hearing", agency=agency) is False


def test_unknown_step_is_refused():
    with pytest.raises(CatalogError) as raised:
        av_required("dancing")
    assert raised.value.message == "执法环节“dancing”无效"
