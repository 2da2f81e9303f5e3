"""Speed of the ``events`` step alone and of the full pipeline (all five built-in steps).

Target (issue 8): the full pipeline at >= 150 articles/s on one core.
"""

from __future__ import annotations

from pathlib import Path

import reportedly
from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, per_second
from reportedly.errors import ConfigError
from reportedly.extractors.events import EventExtractor

TARGET = 150.0


def run(data: Path | None) -> list[str]:
    """Markdown lines: articles/s of the events step alone and of the full pipeline."""
    articles = news_articles(data)
    lines = [f"{len(articles)} articles.\n", "| what | articles/s | target |", "|---|---|---|"]
    startup = best_of(EventExtractor, repeat=3)
    full: reportedly.Pipeline | None
    upstream: reportedly.Pipeline | None
    try:
        full = reportedly.Pipeline(plugins=False)
        upstream = reportedly.Pipeline(["dates", "sources", "quotes", "weapons"], plugins=False)
        missing = ""
    except ConfigError as error:
        full = None
        steps = []
        for name in ("dates", "sources", "quotes", "weapons"):
            try:
                reportedly.Pipeline([name], plugins=False)
                steps.append(name)
            except ConfigError:
                pass
        upstream = reportedly.Pipeline(steps, plugins=False) if steps else None
        missing = f" (full pipeline not available yet: {error})"
    prepared = [upstream(a) if upstream else reportedly.Analysis(a) for a in articles]
    events = EventExtractor()
    alone = per_second(events, prepared)
    lines.append(f"| events step alone (upstream results precomputed) | {alone:.0f} | |")
    if full is not None:
        rate = per_second(full, articles)
        verdict = "met" if rate >= TARGET else "NOT met"
        lines.append(
            f"| full pipeline ({', '.join(full.step_names)}) | {rate:.0f} | {TARGET:.0f} ({verdict}) |"
        )
    else:
        lines.append(f"| full pipeline | n/a{missing} | {TARGET:.0f} |")
    lines.append(
        f"\nBuilding the events step (lexicon compiled, data cached): {startup * 1000:.1f} ms."
    )
    return lines
