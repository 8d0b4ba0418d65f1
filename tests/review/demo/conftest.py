"""The demo is loaded on the real day: the review tests' frozen day and personas are switched off here."""

import pytest


@pytest.fixture(autouse=True)
def _today():
    yield


@pytest.fixture(autouse=True)
def _short_name():
    yield
