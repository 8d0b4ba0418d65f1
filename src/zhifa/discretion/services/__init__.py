"""Services of the discretion app: the life of a benchmark (create → add tiers → publish → revise/suspend/abolish,
R-DIS-001/002/003), the 免罚清单 (R-DIS-014), and the lookups cases use (which benchmark applies on a day)."""

from zhifa.discretion.services._common import circumstance_by_code, circumstances
from zhifa.discretion.services.benchmarks import (
    ConditionInput,
    TierInput,
    add_tier,
    create_benchmark,
    publish_benchmark,
)
from zhifa.discretion.services.exemptions import (
    abolish_exemption_list,
    add_exemption_entry,
    create_exemption_list,
    exemption_entries_for,
    publish_exemption_list,
)
from zhifa.discretion.services.lifecycle import (
    abolish_benchmark,
    resume_benchmark,
    revise_benchmark,
    suspend_benchmark,
)
from zhifa.discretion.services.lookups import (
    Candidates,
    Misfit,
    applicable_for,
    benchmarks_for,
    candidates_for,
    misfit,
    stale_benchmarks,
    unfit_refinements,
    upper_benchmark,
)

__all__ = [
    "Candidates",
    "ConditionInput",
    "Misfit",
    "TierInput",
    "abolish_benchmark",
    "abolish_exemption_list",
    "add_exemption_entry",
    "add_tier",
    "applicable_for",
    "benchmarks_for",
    "candidates_for",
    "circumstance_by_code",
    "circumstances",
    "create_benchmark",
    "create_exemption_list",
    "exemption_entries_for",
    "misfit",
    "publish_benchmark",
    "publish_exemption_list",
    "resume_benchmark",
    "revise_benchmark",
    "stale_benchmarks",
    "suspend_benchmark",
    "unfit_refinements",
    "upper_benchmark",
]
