"""The ``quotes`` step: every attributed statement, with its kind, cue, speaker and source.

It finds direct quotations (``"...," Park said``), mixed ones (``he called it "a disaster"``),
reported speech (``KCNA said Kim toured ...``, ``..., according to analysts``) and attributed
beliefs (``analysts expect ...``), and gives each a :class:`~reportedly.model.Quote`:

- ``text``/``start``/``end``: the content, without enclosing quotation marks. A quotation split
  by its attribution (``"A," he said, "B."``) or continued after it (``"A," he said. "B."``, or a
  quote paragraph left open and continued in the next) is ONE quote whose span runs from the
  first piece's start to the last piece's end, so it includes the attribution in between; a
  reported clause interrupted by its attribution (``A deal, she said, is near``) likewise.
- ``kind``: ``direct`` (all content inside quotation marks), ``mixed`` (reported speech that
  quotes some words), ``indirect``.
- ``cue``: the speech verb and what belongs to it ("said", "told reporters", "said in a
  statement", "quoted Kim as saying", "according to").
- ``speaker``: the mention that names the speaker at the cue ("Park", "he", "KCNA", "analysts").
- ``source``: the id of the :class:`~reportedly.model.Source` (from the ``sources`` step) with a
  mention overlapping the speaker; ``relayed_by`` the source that relays it ("KCNA quoted Kim as
  saying": speaker Kim, relayed by KCNA).

Cues are data (``vocab/speech_cues.toml``, extended by the ``reportedly_speech_verbs`` hook);
the function words used to find speakers and content are in ``vocab/quotes/grammar.toml``.
Nothing here needs a model: the step works on tokens, the shared segmentation and a few frames.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.extractors.quotes.lexicon import CueForm, CueLexicon, builtin_cues, load_grammar
from reportedly.extractors.quotes.scan import Scan, ScanConfig, link, token_pattern
from reportedly.hookspecs import hookimpl
from reportedly.model import Analysis
from reportedly.plugins import Vocabulary

__all__ = ["CueForm", "CueLexicon", "QuoteExtractor", "reportedly_extractors"]


class QuoteExtractor:
    """The built-in ``quotes`` step (requires ``sources`` to link speakers to sources).

    Settings (``[steps.quotes]``):

    - ``beliefs`` (bool, default true): report attributed beliefs and expectations
      ("analysts expect ...", "officials believe ...") as indirect quotes, and passive
      expectations with no one named ("the vote is expected to pass") as quotes without a
      speaker.
    - ``stances`` (bool, default true): report stances ("Obama criticized the bill",
      "Republicans want new laws"), as attribution corpora such as PolNeAR do.
    - ``negated`` (bool, default false): report negated cues ("did not say", "has not
      confirmed") too; off by default since they attribute no statement.
    - ``min_words`` (int >= 1, default 2): the fewest words a reported clause may have.

    Example::

        nlp = reportedly.Pipeline(["quotes"], config={"quotes": {"beliefs": False}})
        for quote in nlp(article).quotes:
            print(quote.kind, quote.speaker and quote.speaker.text, quote.text)
    """

    name = "quotes"
    requires = ("sources",)

    def __init__(
        self,
        *,
        beliefs: bool = True,
        stances: bool = True,
        negated: bool = False,
        min_words: int = 2,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        if not isinstance(beliefs, bool):
            raise ConfigError(f"quotes: beliefs must be true or false, not {beliefs!r}")
        if not isinstance(stances, bool):
            raise ConfigError(f"quotes: stances must be true or false, not {stances!r}")
        if not isinstance(negated, bool):
            raise ConfigError(f"quotes: negated must be true or false, not {negated!r}")
        if not isinstance(min_words, int) or isinstance(min_words, bool) or min_words < 1:
            raise ConfigError(f"quotes: min_words must be an integer >= 1, not {min_words!r}")
        self.beliefs = beliefs
        self.stances = stances
        self.negated = negated
        self.min_words = min_words
        entries: list[Mapping[str, Any]] = list(builtin_cues())
        if vocabulary is not None:
            entries.extend(vocabulary.speech_verbs)
        self.lexicon = CueLexicon.build(entries, where="reportedly_speech_verbs")
        self._config = ScanConfig(
            lexicon=self.lexicon,
            grammar=load_grammar(),
            token=token_pattern(),
            triggers=self.lexicon.triggers(),
            beliefs=beliefs,
            stances=stances,
            negated=negated,
            min_words=min_words,
        )

    # ------------------------------------------------------------------ entry point

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with ``quotes`` filled in (ids ``q1``, ``q2``... in text order)."""
        candidates = Scan(self._config, analysis).run()
        return attrs.evolve(analysis, quotes=tuple(link(analysis, candidates)))


@hookimpl
def reportedly_extractors(register: Any) -> None:
    """Register the built-in ``quotes`` step."""
    register(QuoteExtractor)
