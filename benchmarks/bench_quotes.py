"""Speed of the ``quotes`` step (with ``sources``, which it requires) on the benchmark articles.

Figures on one core, best of 3: the ``sources`` + ``quotes`` pipeline from text (segmentation
included: the target is >= 200 articles/s), the ``quotes`` step alone on analyses whose
segmentation is already computed, the same pipeline on the articles flattened into one ~200 KB
article with no paragraph breaks (once; it must stay linear in the article's size), and, when
textacy and a spaCy English model happen to be installed (neither is a dependency), textacy's
``direct_quotations`` on the same texts, which only finds direct quotations.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, per_second
from reportedly import Analysis, Article, Pipeline
from reportedly.errors import ConfigError
from reportedly.extractors.quotes import QuoteExtractor

TARGET = 200.0


def _pipeline() -> tuple[Callable[[Article], Any], str]:
    try:
        nlp = Pipeline(["sources", "quotes"], plugins=False)
    except ConfigError:
        # the `sources` step is not installed yet: time `quotes` alone, from text
        step = QuoteExtractor()
        return (lambda article: step(Analysis(article))), "`quotes` (no `sources` installed)"
    return nlp, "`sources` + `quotes`"


def _textacy(texts: list[str]) -> str | None:
    try:
        import spacy  # type: ignore[import-not-found]
        from textacy.extract import triples  # type: ignore[import-not-found]

        nlp = spacy.load("en_core_web_sm")
    except Exception:  # noqa: BLE001 - optional comparison: anything missing means skip
        return None
    sample = texts[:50]
    failures = 0

    def one(text: str) -> None:
        nonlocal failures
        try:
            list(triples.direct_quotations(nlp(text)))
        except Exception:  # noqa: BLE001 - counting its crashes is the point
            failures += 1

    rate = per_second(one, sample, repeat=1)
    return (
        f"| textacy `direct_quotations` (spaCy en_core_web_sm, parsing included) "
        f"| {rate:,.1f} articles/s | {failures}/{len(sample)} articles raised |"
    )


def run(data: Path | None) -> list[str]:
    articles = news_articles(data)
    pipeline, label = _pipeline()
    rate = per_second(pipeline, articles)
    step = QuoteExtractor()
    ready = [Analysis(a) for a in articles]
    step_rate = per_second(step, ready)
    found = sum(len(step(a).quotes) for a in ready)
    lines = [
        "| measure | speed | note |",
        "| --- | --- | --- |",
        f"| {label}, from text (segmentation included) | {rate:,.0f} articles/s "
        f"| target >= {TARGET:.0f}: {'met' if rate >= TARGET else 'NOT met'} |",
        f"| `quotes` alone, segmentation done | {step_rate:,.0f} articles/s "
        f"| {found} quotes in {len(articles)} articles |",
    ]
    # the benchmark articles with their paragraph breaks removed, joined into one ~200 KB
    # article: a scraped page with no breaks must stay linear in its size
    flat = Article(" ".join(" ".join(a.text.split()) for a in articles)[:200_000])
    flat_seconds = best_of(lambda: pipeline(flat), 1)
    lines.append(
        f"| {label} on one {len(flat.text) // 1000} KB article with no paragraph breaks "
        f"| {flat_seconds:.2f} s | must grow linearly with size |"
    )
    textacy_line = _textacy([a.text for a in articles])
    if textacy_line is None:
        lines.append(
            "| textacy `direct_quotations` | not installed | optional comparison skipped |"
        )
    else:
        lines.append(textacy_line)
    return lines
