"""Finding 11: a saved law text and its dates are read-only in the admin and nothing is deleted there."""

from __future__ import annotations

from datetime import date

import pytest

from tests.laws.factories import ArticleFactory, LawVersionFactory
from zhifa.laws.models import Article, LawVersion

pytestmark = pytest.mark.django_db


def test_article_text_is_read_only_once_saved(client, system_admin):
    article = ArticleFactory()
    client.force_login(system_admin)
    url = f"/admin/laws/article/{article.pk}/change/"
    response = client.post(url, {"version": article.version_id, "number": 52, "text": "篡改后的条文"})
    assert response.status_code == 302
    saved = Article.objects.get(pk=article.pk)
    assert (saved.number, saved.text) == (51, article.text)


def test_articles_and_versions_cannot_be_deleted_in_the_admin(client, system_admin):
    article = ArticleFactory()
    client.force_login(system_admin)
    assert client.post(f"/admin/laws/article/{article.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/laws/lawversion/{article.version_id}/delete/", {"post": "yes"}).status_code == 403
    assert (Article.objects.count(), LawVersion.objects.count()) == (1, 1)


def test_version_dates_are_read_only_once_saved(client, system_admin):
    version = LawVersionFactory()
    client.force_login(system_admin)
    response = client.post(
        f"/admin/laws/lawversion/{version.pk}/change/",
        {"law": version.law_id, "label": "2026年", "effective_on": "2026-01-01", "repealed_on": "2026-02-01"},
    )
    assert response.status_code == 302
    saved = LawVersion.objects.get(pk=version.pk)
    assert (saved.label, saved.effective_on, saved.repealed_on) == ("2021年修订", date(2021, 7, 15), None)


def test_versions_are_read_only_inline_on_the_law_page(client, system_admin):
    version = LawVersionFactory()
    client.force_login(system_admin)
    response = client.get(f"/admin/laws/law/{version.law_id}/change/")
    inline = response.context["inline_admin_formsets"][0]
    assert (inline.has_add_permission, inline.has_delete_permission) == (False, False)
    assert set(inline.readonly_fields) == {"label", "promulgated_on", "effective_on", "repealed_on"}


def test_a_new_article_can_still_be_added(client, system_admin):
    version = LawVersionFactory()
    client.force_login(system_admin)
    response = client.post("/admin/laws/article/add/", {"version": version.pk, "number": 9, "text": "行政处罚的种类："})
    assert response.status_code == 302
    assert Article.objects.get().citation == "《行政处罚法》第九条"
