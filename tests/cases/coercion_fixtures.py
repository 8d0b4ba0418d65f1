"""Fixtures of the coercive-measure tests, loaded with ``pytest_plugins`` by tests/cases/test_coercion_*.py."""

from __future__ import annotations

import pytest

from tests.cases.coercion_support import add_item, apply, attach_av
from zhifa.cases import services


@pytest.fixture
def memory_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def approved_measure(filed_case, handler, head):
    """查封 applied by the handler, inventory listed, approved by the head on 2 March 2026."""
    measure = apply(filed_case, handler)
    add_item(measure, handler)
    return services.approve_measure(actor=head, measure=measure)


@pytest.fixture
def started_measure(memory_storage, approved_measure, handler, lead, co):
    """Carried out on Monday 2 March 2026 10:00 (Beijing): the term ends on 1 April 2026."""
    attach_av(approved_measure, handler)
    return services.start_measure(actor=handler, measure=approved_measure, officers=[lead, co])
