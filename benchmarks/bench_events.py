"""Speed of the ``events`` step alone and of the full pipeline (all five built-in steps).

Target (issue 8): the full pipeline at >= 150 articles/s on one core.
"""

from __future__ import annotations

from pathlib import Path

import reportedly
from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, per_second
from reportedly.extractors.events import EventExtractor

TARGET = 150.0


def run(data: Path | None) -> list[str]:
    """Markdown lines: articles/s of the events step alone and of the full pipeline."""
    articles = news_articles(data)
    lines = [f"{len(articles)} articles.\n", "| what | articles/s | target |", "|---|---|---|"]
    startup = best_of(EventExtractor, repeat=3)
    full = reportedly.Pipeline(plugins=False)
    upstream = reportedly.Pipeline(["dates", "sources", "quotes", "weapons"], plugins=False)
    prepared = [upstream(a) for a in articles]
    events = EventExtractor()
    alone = per_second(events, prepared)
    lines.append(f"| events step alone (upstream results precomputed) | {alone:.0f} | |")
    rate = per_second(full, articles)
    verdict = "met" if rate >= TARGET else "NOT met"
    lines.append(
        f"| full pipeline ({', '.join(full.step_names)}) | {rate:.0f} | {TARGET:.0f} ({verdict}) |"
    )
    lines.append(
        f"\nBuilding the events step (lexicon compiled, data cached): {startup * 1000:.1f} ms."
    )
    return lines
