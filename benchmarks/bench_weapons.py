"""Speed of the ``weapons`` step: one core, full taxonomy, segmentation computed beforehand.

Measured: articles per second of the step alone on the benchmark articles (TBAQ newswire when
``../shared`` is here), the same with 20,000 extra plugin terms merged in (the trie must not
slow down with the vocabulary), and the pipeline build time with the taxonomy (first build,
which compiles the data, and later builds, which reuse it). Targets: >= 2,000 articles/s,
build < 0.5 s.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.corpus import news_articles
from benchmarks.timing import best_of, fresh_interpreter_seconds, per_second
from reportedly import Analysis, Pipeline
from reportedly.extractors.weapons import WeaponExtractor
from reportedly.extractors.weapons.lexicon import build_lexicon

_FIRST_BUILD = (
    "import time; import reportedly; t = time.perf_counter(); "
    "reportedly.Pipeline(['weapons'], plugins=False); print(time.perf_counter() - t)"
)


def _extra_terms(count: int) -> list[dict[str, Any]]:
    return [
        {
            "term": f"widget {n}", "class": "weapon", "category": ["weapon", "widget"],
            "aliases": [f"gizmo mark {n}"], "plurals": [], "designations": [f"WG-{n}"],
            "generic": False,
        }
        for n in range(count)
    ]  # fmt: skip


def run(data: Path | None) -> list[str]:
    articles = news_articles(data)
    analyses = [Analysis(a) for a in articles]
    for analysis in analyses:
        analysis.segmentation  # noqa: B018 - computed once, shared by every step
    step = WeaponExtractor()
    rate = per_second(step, analyses)
    found = sum(len(step(a).weapons) for a in analyses)
    big = WeaponExtractor()
    started_big = best_of(lambda: build_lexicon(_extra_terms(20000)), repeat=1)
    big.lexicon = build_lexicon(_extra_terms(20000))
    big_rate = per_second(big, analyses)
    first_build = fresh_interpreter_seconds(_FIRST_BUILD)
    later_build = best_of(lambda: Pipeline(["weapons"], plugins=False))
    characters = sum(len(a.text) for a in articles) / max(1, len(articles))
    return [
        "| measure | value | target |",
        "| --- | --- | --- |",
        f"| `weapons` step alone, full taxonomy ({len(articles)} articles, "
        f"{characters:,.0f} characters on average, {found} mentions) "
        f"| {rate:,.0f} articles/s | >= 2,000 articles/s |",
        f"| same with 20,000 extra plugin terms ({big.lexicon.size:,} terms) "
        f"| {big_rate:,.0f} articles/s | no slower |",
        f"| compiling 20,000 extra terms | {started_big:.2f} s | |",
        f"| first `Pipeline(['weapons'])` build (fresh interpreter, compiles the taxonomy) "
        f"| {first_build * 1000:.0f} ms | < 500 ms |",
        f"| later builds (taxonomy cached) | {later_build * 1000:.1f} ms | |",
    ]
