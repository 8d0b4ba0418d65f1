"""Loads the demo county once (idempotent) and (re)sets the demo accounts' password on every run."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from zhifa.demo import (
    case_execution,
    case_measures,
    cases,
    catalog,
    discretion,
    documents,
    laws,
    ledger,
    org,
    parties,
    personnel,
    publicity,
    reviews,
)
from zhifa.demo.context import DemoContext
from zhifa.ledger.services import create_checkpoint
from zhifa.org.models import Region, User

LOADERS = [
    org.load,
    personnel.load,
    laws.load,
    catalog.load,
    parties.load,
    ledger.load,
    documents.load,
    cases.load,
    case_measures.load,
    case_execution.load,
    reviews.load,
    discretion.load,  # after the case loaders: their cases predate the benchmarks
    publicity.load,  # last: publishes the decisions the loaders above made
]
DEMO_REGION_CODE = "430199"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    name: str
    agency: str
    roles: str


def is_loaded() -> bool:
    return Region.objects.filter(code=DEMO_REGION_CODE).exists()


@transaction.atomic
def load_demo() -> bool:
    """Create the demo county if it is not there. Returns True when it was created now."""
    if is_loaded():
        return False
    ctx = DemoContext()
    for loader in LOADERS:
        loader(ctx)
    create_checkpoint()  # seal the demo's history so `zhifa ledger verify` has a signed checkpoint to check
    return True


def demo_usernames() -> list[str]:
    return [username for username, *_ in [*org.USERS, *reviews.USERS]]


@transaction.atomic
def reset_demo_passwords(password: str | None = None) -> tuple[str, list[DemoAccount]]:
    """Give every demo account the operator's password (ZHIFA_DEMO_PASSWORD) or a fresh random one.

    Never a fixed default: without the setting, each run prints a new random password.
    """
    password = password or settings.DEMO_PASSWORD or secrets.token_urlsafe(12)
    accounts: list[DemoAccount] = []
    users = User.objects.filter(username__in=demo_usernames()).select_related("agency").prefetch_related("role_grants")
    by_name = {u.username: u for u in users}
    for username in demo_usernames():
        user = by_name.get(username)
        if user is None:
            continue
        user.set_password(password)
        user.save(update_fields=["password"])
        roles = "、".join(g.get_role_display() for g in user.role_grants.all())
        accounts.append(DemoAccount(username, user.name, user.agency.name if user.agency else "—", roles))
    return password, accounts
