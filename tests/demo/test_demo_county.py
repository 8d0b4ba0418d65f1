"""The demo county: loads once (idempotent), never a fixed password, and every demo user can browse it."""

import pytest
from django.db import transaction
from django.urls import reverse

from zhifa.demo.loader import load_demo, reset_demo_passwords
from zhifa.ledger.services import verify_chain
from zhifa.org.models import Agency, User
from zhifa.parties.models import Party
from zhifa.personnel.models import Officer

pytestmark = pytest.mark.django_db

PAGES = [
    "home",
    "org:agency-list",
    "personnel:officer-list",
    "laws:law_list",
    "catalog:item_list",
    "parties:party-list",
]


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """Loaded once for the module (a load takes seconds) in a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo() is True
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_loaded, db):
    return reset_demo_passwords("demo-password-for-tests")


def test_demo_is_loaded_once_and_is_the_promised_size(demo):
    counts = (Agency.objects.count(), Officer.objects.count(), Party.objects.count())
    assert load_demo() is False
    assert (Agency.objects.count(), Officer.objects.count(), Party.objects.count()) == counts
    assert Agency.objects.filter(region__code="430199").count() >= 7
    assert 55 <= Officer.objects.count() <= 70
    assert Party.objects.filter(region__path__contains="430199/").count() >= 450


def test_demo_history_verifies_with_a_signed_checkpoint(demo):
    result = verify_chain()
    assert result.ok
    assert result.checkpoints == 1
    assert result.events == result.last_sequence


def test_passwords_are_random_unless_the_operator_sets_one(db, settings):
    load_demo()
    settings.DEMO_PASSWORD = ""
    first, _ = reset_demo_passwords()
    second, _ = reset_demo_passwords()
    assert first != second
    assert len(first) >= 16
    settings.DEMO_PASSWORD = "operator-chosen-secret"
    chosen, accounts = reset_demo_passwords()
    assert chosen == "operator-chosen-secret"
    assert User.objects.get(username="scjg_handler").check_password("operator-chosen-secret")
    assert {a.username for a in accounts} >= {"admin", "sfj_supervisor", "scjg_handler", "lx_handler"}


@pytest.mark.parametrize("username", ["scjg_handler", "sfj_supervisor", "admin", "lx_handler", "scjg_reviewer"])
def test_demo_user_logs_in_and_browses_every_page_in_chinese(demo, client, username):
    response = client.post(reverse("login"), {"username": username, "password": "demo-password-for-tests"})
    assert response.status_code == 302
    for name in PAGES:
        page = client.get(reverse(name))
        assert page.status_code == 200, name
        assert "zhifa 行政执法综合管理监督信息系统" in page.content.decode()


def test_handler_sees_own_agency_supervisor_the_county_neighbour_nothing_of_it(demo, client):
    scjg = Agency.objects.get(name="示范县市场监督管理局")
    for username, status in [
        ("scjg_handler", 200),
        ("sfj_supervisor", 200),
        ("lx_handler", 404),
        ("cgzf_handler", 404),
    ]:
        client.post(reverse("login"), {"username": username, "password": "demo-password-for-tests"})
        assert client.get(reverse("org:agency-detail", args=[scjg.pk])).status_code == status, username
        client.post(reverse("logout"))


def test_wrong_password_is_refused_in_chinese(demo, client):
    response = client.post(reverse("login"), {"username": "scjg_handler", "password": "wrong"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()
