from django import template

from zhifa.ledger.models import Event
from zhifa.ledger.trail_views import describe

register = template.Library()


@register.filter
def event_label(event: Event) -> str:
    """``officer.viewed`` → 执法人员 · 调阅."""
    return describe(event)
