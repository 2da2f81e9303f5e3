"""Speed of the ``sources`` step (target: >= 500 articles/s on one core)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.corpus import news_articles
from benchmarks.timing import per_second
from reportedly import Analysis, Pipeline
from reportedly.extractors.sources import Sources

TARGET = 500


def _cpu_per_second(fn: Callable[[Any], Any], items: Sequence[Any], repeat: int = 5) -> float:
    """Like ``timing.per_second`` but in CPU time of this process: steadier than wall time on a
    machine that other work shares."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - started)
    return len(items) / best if best else float("inf")


def run(data: Path | None) -> list[str]:
    """Articles per second of the step alone and of ``Pipeline(["sources"])``."""
    articles = news_articles(data)
    started = time.perf_counter()
    step = Sources()
    built = time.perf_counter() - started
    analyses = [Analysis(a) for a in articles]  # segmentation computed once, outside the timing
    step_rate = per_second(step, analyses, repeat=5)
    nlp = Pipeline(["sources"], plugins=False)
    pipeline_rate = per_second(nlp, articles, repeat=5)
    step_cpu = _cpu_per_second(step, analyses)
    pipeline_cpu = _cpu_per_second(nlp, articles)
    words = sum(len(a.text.split()) for a in articles) / max(1, len(articles))
    found = sum(len(step(a).sources) for a in analyses)
    verdict = "meets" if pipeline_rate >= TARGET else "MISSES"
    return [
        "| measure | value |",
        "| --- | --- |",
        f"| articles (mean words) | {len(articles)} ({words:.0f}) |",
        f"| step built (lexicon loaded) | {built * 1000:.0f} ms |",
        f"| `sources` step alone, segmentation done | {step_rate:,.0f} articles/s |",
        f'| `Pipeline(["sources"])` incl. segmentation | {pipeline_rate:,.0f} articles/s |',
        f"| the same two in CPU time | {step_cpu:,.0f} and {pipeline_cpu:,.0f} articles/s |",
        f"| sources found | {found} ({found / max(1, len(articles)):.1f} per article) |",
        f"| target | >= {TARGET} articles/s on one core ({verdict}) |",
    ]
