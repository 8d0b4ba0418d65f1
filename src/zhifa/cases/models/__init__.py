"""Penalty cases (行政处罚案件) and the leads they come from (案源)."""

from zhifa.cases.models.case import CaseHandler, DeadlineExtension, DefenseRecord, PenaltyCase
from zhifa.cases.models.coercion import CoerciveMeasure, InventoryItem
from zhifa.cases.models.discretion import FlexibleMeasure, UpperBenchmarkApproval
from zhifa.cases.models.execution import (
    CompulsoryExecution,
    CourtExecution,
    DemandNotice,
    DemandStatement,
    PaymentInstallment,
    PaymentPlan,
    RemedyProceeding,
)
from zhifa.cases.models.hearing import Hearing, HearingAgent, HearingRecusal
from zhifa.cases.models.source import CaseSource
from zhifa.cases.models.steps import InvestigativeStep, Payment
from zhifa.cases.models.suspension import CaseSuspension, CaseTermination
from zhifa.cases.models.transfer import CriminalTransfer

__all__ = [
    "CaseHandler",
    "CaseSource",
    "CaseSuspension",
    "CaseTermination",
    "CoerciveMeasure",
    "CompulsoryExecution",
    "CourtExecution",
    "CriminalTransfer",
    "DeadlineExtension",
    "DefenseRecord",
    "DemandNotice",
    "DemandStatement",
    "FlexibleMeasure",
    "Hearing",
    "HearingAgent",
    "HearingRecusal",
    "InventoryItem",
    "InvestigativeStep",
    "Payment",
    "PaymentInstallment",
    "PaymentPlan",
    "PenaltyCase",
    "RemedyProceeding",
    "UpperBenchmarkApproval",
]
