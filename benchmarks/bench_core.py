"""Core costs: import time, pipeline build, segmentation, JSON output."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, per_second
from reportedly import Analysis, Pipeline
from reportedly.text import segment


def _import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import reportedly; print(time.perf_counter() - t)"
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return min(runs)


def run(data: Path | None) -> list[str]:
    articles = news_articles(data)
    texts = [a.article.text if hasattr(a, "article") else a.text for a in articles]
    imported = _import_seconds()
    started = time.perf_counter()
    Pipeline(plugins=False)
    built = time.perf_counter() - started
    segment_rate = per_second(segment, texts)
    analyses = [Analysis(a) for a in articles]
    json_rate = per_second(lambda a: json.dumps(a.to_dict()), analyses)
    cached_build = best_of(lambda: Pipeline(plugins=False))
    return [
        "| measure | value |",
        "| --- | --- |",
        f"| `import reportedly` (fresh interpreter, best of 3) | {imported * 1000:.0f} ms |",
        f"| first `Pipeline()` build, all built-in steps | {built * 1000:.0f} ms |",
        f"| later `Pipeline()` builds (data cached) | {cached_build * 1000:.1f} ms |",
        f"| segmentation | {segment_rate:,.0f} articles/s |",
        f"| `to_dict` + `json.dumps` | {json_rate:,.0f} articles/s |",
        f"| articles | {len(articles)} |",
    ]
