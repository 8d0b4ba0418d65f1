"""Staff UI of the cases app (split by subject: cases, sources, measures, hearings, transfers; forms, step tables
and next steps beside them). The record pages are routed from their modules in ``cases.urls``."""

from zhifa.cases.views.cases import case_detail, case_list, case_new, case_step, on_the_spot
from zhifa.cases.views.sources import source_detail, source_list, source_new, source_step

__all__ = [
    "case_detail",
    "case_list",
    "case_new",
    "case_step",
    "on_the_spot",
    "source_detail",
    "source_list",
    "source_new",
    "source_step",
]
