"""Speed of the ``dates`` step against ``dateparser.search.search_dates`` on the same documents.

The step is timed on every benchmark article (TBAQ when ``../shared`` is here), once with the
segmentation already computed (the step alone, as in a pipeline where it is shared) and once
including it. ``search_dates`` is much slower, so it is timed on the first documents only and the
two are compared per document, in the same run.
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.corpus import news_articles
from benchmarks.timing import best_of
from reportedly.extractors.dates import Dates
from reportedly.model import Analysis

DATEPARSER_DOCS = 20
TARGET_DOCS_PER_SECOND = 300
TARGET_RATIO = 10


def run(data: Path | None) -> list[str]:
    articles = news_articles(data)
    step = Dates()
    analyses = [Analysis(article) for article in articles]
    for analysis in analyses:  # warm caches (compiled rules) before timing
        step(analysis)
    alone = best_of(lambda: [step(a) for a in analyses], repeat=3)
    with_segmentation = best_of(lambda: [step(Analysis(a)) for a in articles], repeat=3)
    step_rate = len(articles) / alone
    step_rate_segmented = len(articles) / with_segmentation
    found = sum(len(step(a).dates) for a in analyses)
    characters = sum(len(a.text) for a in articles)

    lines = [
        f"{len(articles)} documents, {characters:,} characters, {found} time expressions found.",
        "",
        "| what | documents/s | ms/document |",
        "|---|---:|---:|",
        f"| `dates` step alone (segmentation shared) | {step_rate:,.0f} | {1000 / step_rate:.2f} |",
        f"| `dates` step + segmentation | {step_rate_segmented:,.0f} | "
        f"{1000 / step_rate_segmented:.2f} |",
    ]
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dateparser is a dependency
        lines.append("\ndateparser is not installed: no comparison.")
        return lines
    subset = articles[:DATEPARSER_DOCS]
    search_dates(subset[0].text[:200], languages=["en"])  # load its language data first
    started = time.perf_counter()
    for article in subset:
        search_dates(article.text, languages=["en"])
    dateparser_rate = len(subset) / (time.perf_counter() - started)
    ratio = step_rate / dateparser_rate
    lines.append(
        f"| `dateparser.search.search_dates` (first {len(subset)} documents) | "
        f"{dateparser_rate:,.1f} | {1000 / dateparser_rate:.1f} |"
    )
    lines += [
        "",
        f"Ratio (per document, same run): the `dates` step is **{ratio:,.0f}x** faster than "
        f"`search_dates` (target >= {TARGET_RATIO}x); step alone **{step_rate:,.0f}** "
        f"documents/s (target >= {TARGET_DOCS_PER_SECOND}).",
    ]
    return lines
