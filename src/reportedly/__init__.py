"""reportedly: structured, checkable facts from news articles.

Quotes and their speakers, sources, dates normalized against the publication date, weapons and
military platforms on a taxonomy, and events, for English news text::

    import reportedly
    analysis = reportedly.extract(text, published="2025-12-23")
    for quote in analysis.quotes:
        print(analysis.source(quote.source).name, quote.text)
"""

from __future__ import annotations

from reportedly.errors import ConfigError, InputError, PluginError, ReportedlyError
from reportedly.hookspecs import hookimpl
from reportedly.model import (
    SCHEMA,
    Analysis,
    Article,
    Event,
    ExtractionError,
    Mention,
    Quote,
    Source,
    TimeExpression,
    WeaponMention,
)
from reportedly.pipeline import DEFAULT_STEPS, Pipeline, extract, process_records

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA",
    "Analysis",
    "Article",
    "ConfigError",
    "Event",
    "ExtractionError",
    "InputError",
    "Mention",
    "Pipeline",
    "PluginError",
    "Quote",
    "ReportedlyError",
    "Source",
    "TimeExpression",
    "WeaponMention",
    "__version__",
    "extract",
    "hookimpl",
    "process_records",
]
