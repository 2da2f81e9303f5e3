"""Shared timing helpers for the benchmarks: best-of-N wall time on one core."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs of ``fn()``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def per_second(fn: Callable[[Any], Any], items: Sequence[Any], repeat: int = 3) -> float:
    """Items per second of ``fn`` applied to each of ``items`` (best of ``repeat``)."""
    seconds = best_of(lambda: [fn(item) for item in items], repeat)
    return len(items) / seconds if seconds else float("inf")


def fresh_interpreter_seconds(code: str, repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs of ``code`` in a new interpreter; ``code`` prints seconds.

    For costs paid once per process (imports, the first pipeline build), which an in-process
    timer sees only the first time.
    """
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return min(runs)
