"""Data scope, as used by the apps above org: the implementation is ``zhifa.core.scope``."""

from zhifa.core.scope import NOTHING, Scope, agency_q, can_see_agency, region_q, scope_of

__all__ = ["NOTHING", "Scope", "agency_q", "can_see_agency", "region_q", "scope_of"]
