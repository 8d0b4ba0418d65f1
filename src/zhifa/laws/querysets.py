"""Query sets of the laws app. Laws are shared master data: every signed-in user reads them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import Q


def _authenticated(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


class LawQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> LawQuerySet:
        return self.all() if _authenticated(user) else self.none()

    def search(self, text: str) -> LawQuerySet:
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(title__icontains=text) | Q(short_title__icontains=text) | Q(issuing_body__icontains=text))


class LawVersionQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> LawVersionQuerySet:
        return self.all() if _authenticated(user) else self.none()

    def effective_by(self, day: date) -> LawVersionQuerySet:
        """Versions whose 施行日期 is on or before ``day`` (the latest of them is the candidate in force)."""
        return self.filter(effective_on__lte=day)


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ArticleQuerySet:
        return self.all() if _authenticated(user) else self.none()

    def with_law(self) -> ArticleQuerySet:
        return self.select_related("version__law")


class ViolationTypeQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> ViolationTypeQuerySet:
        return self.all() if _authenticated(user) else self.none()
