"""Penalty cases (行政处罚案件) and the leads they come from (案源)."""

from zhifa.cases.models.case import CaseHandler, DeadlineExtension, DefenseRecord, PenaltyCase
from zhifa.cases.models.source import CaseSource
from zhifa.cases.models.steps import InvestigativeStep, Payment

__all__ = [
    "CaseHandler",
    "CaseSource",
    "DeadlineExtension",
    "DefenseRecord",
    "InvestigativeStep",
    "Payment",
    "PenaltyCase",
]
