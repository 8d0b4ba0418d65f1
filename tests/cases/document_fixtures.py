"""Fixtures of the case-document tests, loaded with ``pytest_plugins`` by tests/cases/test_case_documents*.py."""

from __future__ import annotations

import pytest

from tests.cases.conftest import investigate
from tests.laws.factories import ArticleFactory, LawFactory, LawVersionFactory
from zhifa.cases import services


# Not autouse: a plugin's fixtures are global — the modules that need these name them in ``usefixtures``.
@pytest.fixture
def in_memory_documents(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def item_basis(item, agency):
    """The item's provisions: what was violated and what the penalty rests on (printed on every document)."""
    version = LawVersionFactory(law=LawFactory(title="中华人民共和国食品安全法", short_title="食品安全法"))
    item.establishing_basis.set([ArticleFactory(version=version, number=34, text="禁止生产经营下列食品……")])
    item.penalty_basis.set([ArticleFactory(version=version, number=124, paragraph=1, text="违反本法规定……")])
    agency.short_name = "示市监"  # the 机关代字 of its 文号
    agency.save(update_fields=["short_name"])
    return item


@pytest.fixture
def reviewed_case(filed_case, handler, head, lead, co):
    """Investigated (site inspection on 2 March 2026), case review: warning + 10,000元."""
    investigate(filed_case, handler, lead, co)
    return services.complete_case_review(actor=head, case=filed_case, route="penalty", facts_clear=True, opinion="同意")
