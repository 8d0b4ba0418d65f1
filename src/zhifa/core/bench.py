"""Benchmarks (``zhifa bench <name>``): speed and memory targets are measured here, never in unit tests.

Each app may declare benchmarks in its ``bench.py`` with ``@benchmark("name")``; a benchmark receives the
parsed options and returns lines to print. ``zhifa bench`` runs them against a throw-away test database,
never against the real data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import autodiscover_modules

Benchmark = Callable[[dict[str, Any]], list[str]]
_REGISTRY: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    def decorate(function: Benchmark) -> Benchmark:
        _REGISTRY[name] = function
        return function

    return decorate


def benchmarks() -> dict[str, Benchmark]:
    autodiscover_modules("bench")
    return dict(sorted(_REGISTRY.items()))
