"""Core costs: import time, pipeline build, segmentation, JSON output."""

from __future__ import annotations

import json
import time
from pathlib import Path

from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, fresh_interpreter_seconds, per_second
from reportedly import Analysis, Pipeline
from reportedly.text import segment

_IMPORT = "import time; t = time.perf_counter(); import reportedly; print(time.perf_counter() - t)"


def run(data: Path | None) -> list[str]:
    articles = news_articles(data)
    texts = [a.article.text if hasattr(a, "article") else a.text for a in articles]
    imported = fresh_interpreter_seconds(_IMPORT)
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
