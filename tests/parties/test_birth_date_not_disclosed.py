"""R-PRV-006: the birth date derived from an ID number is not shown where the ID number is masked (with the
masked number's first and last four digits it gives back most of the hidden ones); the reveal form asks for a
purpose instead of offering one."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_r_prv_006_api_list_and_detail_have_no_birth_date(api_client, supervisor, handler, person):
    for user in (supervisor, handler):
        api_client.force_authenticate(user)
        rows = api_client.get("/api/v1/parties/").json()["results"]
        detail = api_client.get(f"/api/v1/parties/{person.pk}/").json()
        assert ("birth_on" in rows[0], "birth_on" in detail) == (False, False)
        assert "1992-03-15" not in str(rows) + str(detail)


def test_r_prv_006_admin_does_not_show_the_birth_date(client, system_admin, person):
    client.force_login(system_admin)
    body = client.get(f"/admin/parties/party/{person.pk}/change/").content.decode()
    assert ("出生日期" in body, "1992" in body) == (False, False)


def test_r_prv_006_reveal_form_does_not_prefill_the_purpose(client, handler, person):
    client.force_login(handler)
    body = client.get(reverse("parties:party-detail", args=[person.pk])).content.decode()
    assert body.count('name="purpose" value=""') == 3
    assert "执法办案需要" not in body
    assert body.count('placeholder="查看用途，如：办理案件需核对当事人身份"') == 3
