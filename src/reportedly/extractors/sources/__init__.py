"""The built-in step ``sources``: every source of information in an article, one entry each.

A source is a person ("North Korean leader Kim Jong Un"), an organization, an outlet ("the
Korean Central News Agency", "state media"), a government ("Pyongyang", "the White House"), a
group ("analysts"), an unnamed person ("a senior official") or a document ("the report"). All the
mentions of one real-world source are grouped into one :class:`~reportedly.Source`: "Kim Jong Un",
"Kim" and the "Kim" of "Kim's"; "KCNA" and "the Korean Central News Agency"; and "he" or "she"
when it is the subject of a speech cue, resolved to the last compatible source in its paragraph or
the previous one. See ``docs/steps/sources.md`` for the rules and the data files.

    >>> import reportedly
    >>> nlp = reportedly.Pipeline(["sources"], plugins=False)
    >>> a = nlp(reportedly.Article("Defense Secretary Lloyd Austin said on Monday ..."))
    >>> [(s.name, s.kind, s.description) for s in a.sources]
    [('Lloyd Austin', 'person', 'Defense Secretary')]
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.extractors.sources.finder import find_candidates, group_sources, to_sources
from reportedly.extractors.sources.lexicon import Lexicon, load_lexicon
from reportedly.hookspecs import hookimpl
from reportedly.model import Analysis
from reportedly.plugins import Vocabulary

__all__ = ["SCOPES", "Sources", "reportedly_extractors"]

#: Values of the ``scope`` setting.
SCOPES = ("entities", "attributed")


class Sources:
    """Find the sources of an article and group their mentions (the ``sources`` step).

    Settings (the ``[steps.sources]`` table):

    ``scope`` (``"entities"``, default, or ``"attributed"``)
        ``"entities"`` reports every named person, organization, outlet and government the story
        mentions, plus unnamed sources ("analysts", "a senior official") that are in a source
        role; ``"attributed"`` reports only sources with at least one mention in a source role
        (the subject of a speech cue, after "according to", "quoted X as saying"...).
    ``resolve_pronouns`` (bool, default true)
        Link "he", "she", "they", "it" and "who" to the source they refer to when they are the
        subject of a speech cue.

    ``pronoun_window`` (int, default 2)
        How many paragraphs before the pronoun's own one are searched for its antecedent.

    ``vocabulary`` is passed by the pipeline: entries of the ``reportedly_source_descriptors`` and
    ``reportedly_speech_verbs`` hooks are merged into the lexicon.
    """

    name = "sources"
    requires: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        scope: str = "entities",
        resolve_pronouns: bool = True,
        pronoun_window: int = 2,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        if scope not in SCOPES:
            raise ConfigError(
                f"step 'sources': scope must be one of {', '.join(SCOPES)}, not {scope!r}"
            )
        if not isinstance(resolve_pronouns, bool):
            raise ConfigError(
                f"step 'sources': resolve_pronouns must be true or false, not {resolve_pronouns!r}"
            )
        if (
            isinstance(pronoun_window, bool)
            or not isinstance(pronoun_window, int)
            or pronoun_window < 0
        ):
            raise ConfigError(
                f"step 'sources': pronoun_window must be a whole number of paragraphs >= 0, "
                f"not {pronoun_window!r}"
            )
        self.pronoun_window = pronoun_window
        self.scope = scope
        self.resolve_pronouns = resolve_pronouns
        self.lexicon: Lexicon = load_lexicon(
            vocabulary.speech_verbs if vocabulary is not None else (),
            vocabulary.source_descriptors if vocabulary is not None else (),
        )
        #: Pronoun counts of the last call: ``{"pronouns": n, "resolved": n}`` (for evaluation).
        self.last_stats: dict[str, int] = {}

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with its ``sources`` filled in."""
        text = analysis.text
        candidates = find_candidates(text, analysis.segmentation, self.lexicon)
        if not self.resolve_pronouns:
            candidates = [c for c in candidates if c.form != "pronoun"]
        drafts, self.last_stats = group_sources(
            text,
            candidates,
            self.lexicon,
            scope=self.scope,
            window=self.pronoun_window,
            sentence_starts=[s.start for s in analysis.segmentation.sentences],
        )
        return attrs.evolve(analysis, sources=tuple(to_sources(text, drafts)))


@hookimpl
def reportedly_extractors(register: Callable[[type], Any]) -> None:
    """Register the built-in ``sources`` step."""
    register(Sources)
