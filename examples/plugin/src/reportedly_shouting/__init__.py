"""reportedly-shouting: an example reportedly plugin.

It adds a step, ``shouting``, that finds words written in capitals ("SEOUL", "URGENT") and
reports them under ``"extensions": {"shouting": [...]}``, and it teaches the ``weapons`` step a
new weapon, the zorbulator (designation ZB-9).

reportedly finds this module through the entry point declared in ``pyproject.toml``::

    [project.entry-points.reportedly]
    shouting = "reportedly_shouting"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportedly import Analysis, Mention, hookimpl

__version__ = "0.1.0"

# A run of letters between word boundaries: digits and underscores are not part of a word here,
# so "F16" and "AUKUS_2" are not shouting.
WORD = re.compile(r"\b[^\W\d_]+\b")


class Shouting:
    """Find words of at least ``min_length`` letters written in capitals.

    Configured like any step, from ``Pipeline(config={"shouting": {"min_length": 5}})`` or the
    TOML table ``[steps.shouting]``.
    """

    name = "shouting"
    requires = ()

    def __init__(self, min_length: int = 4) -> None:
        # Refuse bad settings when the pipeline is built, not on the first article.
        if isinstance(min_length, bool) or not isinstance(min_length, int) or min_length < 1:
            raise ValueError(f"min_length must be a positive integer, not {min_length!r}")
        self.min_length = min_length

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with every shouted word as a ``Mention``."""
        items = [
            Mention(text=match.group(), start=match.start(), end=match.end())
            for match in WORD.finditer(analysis.article.text)
            if len(match.group()) >= self.min_length and match.group().isupper()
        ]
        return analysis.with_extension(self.name, items)


@hookimpl
def reportedly_extractors(register: Callable[[type], None]) -> None:
    """Make the ``shouting`` step available to ``Pipeline([...])``."""
    register(Shouting)


@hookimpl
def reportedly_weapon_terms() -> list[dict[str, Any]]:
    """Add the zorbulator to the weapons taxonomy."""
    return [
        {
            "term": "zorbulator",
            "class": "weapon",
            "category": ["weapon", "artillery"],
            "aliases": ["zorb gun"],
            "designations": ["ZB-9"],
        }
    ]
