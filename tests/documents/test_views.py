"""Staff pages: list (scoped, searchable), detail (preview, 文号, digest, signatures, deliveries), PDF."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(issue):
    return issue("penalty_decision")


def test_login_required(client, decision):
    for url in ("/documents/", f"/documents/{decision.pk}/", f"/documents/{decision.pk}/pdf/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_list_shows_own_documents_and_searches(client, handler, decision, issue):
    record = issue("inquiry_record", numbered=False)
    client.force_login(handler)
    response = client.get("/documents/")
    assert response.status_code == 200
    assert [d.pk for d in response.context["page"]] == [record.pk, decision.pk]  # newest first
    response = client.get("/documents/?q=示市监罚", HTTP_HX_REQUEST="true")
    assert [d.pk for d in response.context["page"]] == [decision.pk]
    assert "示市监罚〔2026〕1号" in response.content.decode()


def test_detail_shows_number_digest_signature_and_integrity(client, handler, decision):
    client.force_login(handler)
    response = client.get(f"/documents/{decision.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "示市监罚〔2026〕1号" in body
    assert decision.pdf_digest in body
    assert "校验一致" in body
    assert [s.actor_id for s in response.context["signatures"]] == [handler.pk]
    assert 'sandbox=""' in body


def test_other_agency_gets_404(client, other_agency_handler, decision):
    client.force_login(other_agency_handler)
    assert client.get(f"/documents/{decision.pk}/").status_code == 404
    assert client.get(f"/documents/{decision.pk}/pdf/").status_code == 404
    assert list(client.get("/documents/").context["page"]) == []


def test_pdf_page(client, handler, decision):
    client.force_login(handler)
    response = client.get(f"/documents/{decision.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_admin_shows_documents_read_only_and_numbering_rules_editable(client, system_admin, decision):
    client.force_login(system_admin)
    for url in (
        "/admin/documents/document/",
        f"/admin/documents/document/{decision.pk}/change/",
        "/admin/documents/documentnumber/",
        "/admin/documents/numberingrule/",
        "/admin/documents/numberingrule/add/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/documents/document/add/").status_code == 403
    assert client.get("/admin/documents/documentnumber/add/").status_code == 403
