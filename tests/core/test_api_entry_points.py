"""Token auth, OpenAPI schema, Swagger UI served from local assets, admin in Chinese."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_token_is_issued_for_valid_credentials_and_authenticates(api_client, handler):
    handler.set_password("correct-horse-battery")
    handler.save()
    response = api_client.post("/api/v1/auth/token/", {"username": "handler", "password": "correct-horse-battery"})
    assert response.status_code == 200
    token = response.json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = api_client.get(reverse("me"))
    assert me.status_code == 200
    assert me.json() == {
        "id": handler.pk,
        "username": "handler",
        "name": "李承办",
        "agency": handler.agency_id,
        "roles": ["handler"],
    }


def test_token_is_refused_for_a_wrong_password(api_client, handler):
    response = api_client.post("/api/v1/auth/token/", {"username": "handler", "password": "wrong"})
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["无法使用提供的认证信息登录。"]}


def test_openapi_schema_is_served(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"openapi: 3" in response.content
    assert b"/api/v1/agencies/" in response.content


def test_swagger_ui_uses_local_assets_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower()
    assert "http://" not in html and "https://" not in html


def test_admin_login_page_is_in_chinese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "zhifa 行政执法综合管理监督信息系统" in response.content.decode()
    assert "用户名" in response.content.decode()


def test_system_admin_can_open_the_admin(client, system_admin):
    client.force_login(system_admin)
    response = client.get("/admin/org/agency/")
    assert response.status_code == 200


def test_home_page_shows_tiles_for_the_users_scope(client, handler, other_agency):
    client.force_login(handler)
    response = client.get("/")
    assert response.status_code == 200
    tiles = {t["label"]: t["count"] for t in response.context["tiles"]}
    assert tiles["执法主体"] == 1


def test_token_endpoint_is_throttled(api_client, handler, settings):
    from django.core.cache import cache

    cache.clear()
    for _ in range(20):
        api_client.post("/api/v1/auth/token/", {"username": "handler", "password": "wrong"})
    response = api_client.post("/api/v1/auth/token/", {"username": "handler", "password": "wrong"})
    assert response.status_code == 429
    cache.clear()
