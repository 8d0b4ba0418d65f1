"""Authentication backend that loads the user with the agency, region chain and roles in two queries.

Every page shows the user's agency, region and roles; loading them here keeps each request's query count
constant and small (query budgets, issue 13).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from zhifa.org.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = (
            User.objects.select_related("agency__region__parent__parent__parent")
            .prefetch_related("role_grants")
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        user._role_cache = frozenset(grant.role for grant in user.role_grants.all())
        return user
