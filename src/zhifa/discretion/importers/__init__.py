"""Excel import/export of the discretion app (found by ``core.excel``'s autodiscovery of ``importers``): 裁量基准
(one row per tier) and 免罚清单 entries (one row per entry), both all-or-nothing with a per-row error list."""

from zhifa.discretion.importers import benchmarks, exemptions

__all__ = ["benchmarks", "exemptions"]
