"""A plugin module for tests that need an importable plugin (worker processes import it by name)."""

from __future__ import annotations

from typing import Any

from reportedly import Analysis, Mention, hookimpl


class Caps:
    """Reports upper-case words of at least ``min_length`` letters."""

    name = "caps"
    requires = ()

    def __init__(self, min_length: int = 3) -> None:
        self.min_length = min_length

    def __call__(self, analysis: Analysis) -> Analysis:
        items = []
        offset = 0
        for word in analysis.text.split():
            start = analysis.text.index(word, offset)
            offset = start + len(word)
            if word.isupper() and len(word) >= self.min_length:
                items.append(Mention(word, start, offset))
        return analysis.with_extension(self.name, items)


@hookimpl
def reportedly_extractors(register: Any) -> None:
    register(Caps)
