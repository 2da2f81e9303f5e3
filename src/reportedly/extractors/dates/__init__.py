"""The built-in ``dates`` step: TimeML TIMEX3 expressions, normalized against the publication date.

Candidates are found by the rules in ``reportedly/vocab/dates/rules.toml`` (patterns built from
the word lists in ``lexicon.toml``), overlapping candidates are resolved longest first, modifiers
that TimeML keeps inside the extent ("late", "nearly", "the end of") are attached, and each
expression is normalized by its rule's normalizer. Relative expressions ("Tuesday", "next year",
"as early as January") are resolved against ``Article.published``; weekdays and bare months go to
the past or the future by the tense of their sentence. Without a publication date they keep an
underspecified value (``XXXX-01``) and ``anchor`` is ``None``::

    >>> import reportedly
    >>> analysis = reportedly.extract("State media reported on Tuesday.", published="2025-12-23")
    >>> [(t.text, t.type, t.value, t.anchor) for t in analysis.dates]
    [('Tuesday', 'DATE', '2025-12-23', 'published')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.extractors.dates._normalize import (
    NORMALIZERS,
    Context,
    Resolution,
    resolve_relative,
    specific_date,
)
from reportedly.extractors.dates._rules import Rule, builtin_rules, lexicon, plugin_rules
from reportedly.hookspecs import hookimpl
from reportedly.model import Analysis, TimeExpression
from reportedly.plugins import Vocabulary

__all__ = ["ANCHOR_POLICIES", "Dates", "reportedly_extractors"]

#: Values of the ``anchor`` setting: resolve relative expressions against ``Article.published``,
#: or never (relative values then stay underspecified, as when the date is unknown).
ANCHOR_POLICIES = ("published", "none")

_WINDOW = 300  # characters either side used as the "sentence" when segmentation has none
# Characters either side of a trigger word that a rule's match may reach (longer than any
# expression the rules describe, so no match is cut short by its window).
_MARGIN = 80
# How far back (characters) "that year", "the next day" look for the date they refer to.
_ANAPHORA_REACH = 600
_TOKEN = re.compile(r"[^\W\d_]+|\d+")  # the standard library's engine is faster for this
_ASCII_DIGITS = re.compile(r"[0-9]+")
_ASCII_WORD = re.compile(r"[a-z]+")  # a word token of lower-cased ASCII text


@attrs.frozen
class _Candidate:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]


class Dates:
    """Find TIMEX3 time expressions and normalize them (step ``dates``, fills ``Analysis.dates``).

    Settings (TOML table ``[steps.dates]`` or ``config={"dates": {...}}``):

    - ``prefer_future`` (bool, default ``False``): when a sentence has no tense cue, resolve
      weekdays and bare months to the next occurrence instead of the last one;
    - ``day_first`` (bool, default ``False``): read ``03/04/2025`` as 3 April, not March 4
      (a first number above 12 is always a day);
    - ``anchor`` (``"published"`` or ``"none"``, default ``"published"``): what relative
      expressions are resolved against.

    Extra patterns come from the ``reportedly_date_patterns`` hook (``vocabulary``)::

        >>> step = Dates(prefer_future=True)
        >>> step.name
        'dates'
    """

    name = "dates"
    requires: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        prefer_future: bool = False,
        day_first: bool = False,
        anchor: str = "published",
        vocabulary: Vocabulary | None = None,
    ) -> None:
        for setting, value in (("prefer_future", prefer_future), ("day_first", day_first)):
            if not isinstance(value, bool):
                raise ConfigError(f"steps.dates.{setting} must be true or false, not {value!r}")
        if anchor not in ANCHOR_POLICIES:
            raise ConfigError(
                f"steps.dates.anchor must be one of {', '.join(map(repr, ANCHOR_POLICIES))}, "
                f"not {anchor!r}"
            )
        self.prefer_future = prefer_future
        self.day_first = day_first
        self.anchor = anchor
        ruleset = builtin_rules()
        extra = vocabulary.date_patterns if vocabulary is not None else ()
        self._plugin_rules = plugin_rules(extra, -len(extra))
        # plugin patterns come first so that they win ties against the built-in rules
        self._rules = self._plugin_rules + ruleset.rules
        self._negatives = ruleset.negatives
        self._prefixes = ruleset.prefixes
        self._lexicon = lexicon()
        self._trigger_words = ruleset.trigger_words

    def __repr__(self) -> str:
        return (
            f"Dates(prefer_future={self.prefer_future!r}, day_first={self.day_first!r}, "
            f"anchor={self.anchor!r})"
        )

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with ``dates`` filled, in text order with ids ``t1``, ``t2``, ..."""
        return attrs.evolve(analysis, dates=tuple(self.find(analysis)))

    # ------------------------------------------------------------------ internals

    def find(self, analysis: Analysis) -> list[TimeExpression]:
        """The time expressions of ``analysis.article`` (what ``__call__`` stores)."""
        text = analysis.article.text
        if not text:
            return []
        segmentation = analysis.segmentation
        # a dateline's date ("SEOUL, March 12 (Reuters) -") is a date of the story: keep it
        blocked = [
            (p.start, p.end) for p in segmentation.paragraphs if p.boilerplate and not p.dateline
        ]
        for negative in self._negatives:
            if negative.requires is None or negative.requires.search(text) is not None:
                blocked.extend(m.span() for m in negative.pattern.finditer(text))
        blocked.sort()
        blocked_starts = [b[0] for b in blocked]
        blocked_ends = _running_max([b[1] for b in blocked])

        def is_blocked(start: int, end: int) -> bool:
            i = bisect.bisect_left(blocked_starts, end)
            return i > 0 and blocked_ends[i - 1] > start

        hits = self._trigger_hits(text)
        candidates: list[_Candidate] = []
        windows_by_triggers: dict[frozenset[str], list[tuple[int, int]]] = {}
        for rule in self._rules:
            windows = windows_by_triggers.get(rule.triggers)
            if windows is None:
                windows = self._windows(rule, hits, len(text))
                windows_by_triggers[rule.triggers] = windows
            requires = rule.requires
            for window_start, window_end in windows:
                if requires is not None and requires.search(text, window_start, window_end) is None:
                    continue
                for m in rule.pattern.finditer(text, window_start, window_end):
                    start, end = m.span()
                    if start == end or is_blocked(start, end):
                        continue
                    candidates.append(_Candidate(start, end, rule, m.groupdict()))
        if not candidates:
            return []
        context = Context(
            text=text,
            lower=text.lower(),
            dct=self._anchor_date(analysis),
            lex=self._lexicon,
            prefer_future=self.prefer_future,
            day_first=self.day_first,
            sentence_bounds=_sentence_bounds(analysis, len(text)),
        )
        candidates.sort(key=lambda c: (c.start - c.end, c.rule.order, c.start))
        chosen: list[tuple[int, int, Rule, Resolution]] = []
        taken: list[tuple[int, int]] = []
        for candidate in candidates:
            i = bisect.bisect_left(taken, (candidate.start, candidate.end))
            if i > 0 and taken[i - 1][1] > candidate.start:
                continue
            if i < len(taken) and taken[i][0] < candidate.end:
                continue
            resolution = self._normalize(candidate, context)
            if resolution is None:
                continue
            taken.insert(i, (candidate.start, candidate.end))
            chosen.append((candidate.start, candidate.end, candidate.rule, resolution))
        chosen.sort(key=lambda c: c[0])
        expressions: list[TimeExpression] = []
        previous_end = 0
        last_specific: tuple[str, int, tuple[dt.date, str]] | None = None  # id, end, date
        for start, end, rule, resolution in chosen:
            if resolution.end is not None:
                end = resolution.end
            start = self._extend(text, start, end, previous_end, rule, resolution.type)
            previous_end = end
            identifier = f"t{len(expressions) + 1}"
            value = resolution.value
            anchor = "published" if resolution.anchored else None
            if resolution.relative is not None and last_specific is not None:
                # "the following year" after "in 1995": resolved against that date instead
                previous_id, previous_at, base = last_specific
                if start - previous_at <= _ANAPHORA_REACH:
                    relative = resolve_relative(base, *resolution.relative)
                    if relative is not None:
                        value, anchor = relative, previous_id
            if resolution.type in ("DATE", "TIME"):
                specific = specific_date(value)
                if specific is not None:
                    last_specific = (identifier, end, specific)
            expressions.append(
                TimeExpression(
                    id=identifier,
                    text=text[start:end],
                    start=start,
                    end=end,
                    type=resolution.type,
                    value=value,
                    anchor=anchor,
                )
            )
        return expressions

    def _trigger_hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Where each trigger class occurs: the words every rule's match must contain."""
        if text.isascii():
            return self._ascii_trigger_hits(text)
        return self._token_trigger_hits(text)

    def _token_trigger_hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """:meth:`_trigger_hits` for any text: every token looked up in turn."""
        hits: dict[str, list[tuple[int, int]]] = {}
        words = self._trigger_words
        for m in _TOKEN.finditer(text):
            token = m.group()
            if token[0].isdigit():
                span = m.span()
                hits.setdefault("digit", []).append(span)
                if len(token) <= 2:
                    hits.setdefault("small", []).append(span)
                    if token[-1] == "0":
                        hits.setdefault("decade", []).append(span)  # "the '90s"
                elif len(token) == 4 and token[0] in "12":
                    hits.setdefault("year", []).append(span)
                continue
            classes = words.get(token.lower())
            if classes:
                span = m.span()
                for name in classes:
                    hits.setdefault(name, []).append(span)
        return hits

    def _ascii_trigger_hits(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """:meth:`_trigger_hits` for ASCII text: the same hits, from two scans in C.

        In ASCII text a word token is a run of ``[A-Za-z]`` and ``lower()`` keeps offsets, so
        the few distinct trigger words of the text are picked by a set intersection and then
        located with ``str.find`` instead of a Python loop over every token (the classes' span
        lists are only ever used sorted, so their order does not matter).
        """
        hits: dict[str, list[tuple[int, int]]] = {}
        digit: list[tuple[int, int]] = []
        small: list[tuple[int, int]] = []
        decade: list[tuple[int, int]] = []
        year: list[tuple[int, int]] = []
        for m in _ASCII_DIGITS.finditer(text):
            span = m.span()
            digit.append(span)
            length = span[1] - span[0]
            if length <= 2:
                small.append(span)
                if text[span[1] - 1] == "0":
                    decade.append(span)  # "the '90s"
            elif length == 4 and text[span[0]] in "12":
                year.append(span)
        for name, spans in (("digit", digit), ("small", small), ("decade", decade), ("year", year)):
            if spans:
                hits[name] = spans
        lower = text.lower()
        words = self._trigger_words
        length = len(text)
        for word in words.keys() & _ASCII_WORD.findall(lower):
            size = len(word)
            at = lower.find(word)
            while at >= 0:
                end = at + size
                if (at == 0 or not _is_ascii_letter(lower[at - 1])) and (
                    end == length or not _is_ascii_letter(lower[end])
                ):
                    for name in words[word]:
                        hits.setdefault(name, []).append((at, end))
                at = lower.find(word, at + 1)
        return hits

    @staticmethod
    def _windows(
        rule: Rule, hits: dict[str, list[tuple[int, int]]], length: int
    ) -> list[tuple[int, int]]:
        """The stretches of text worth trying ``rule`` on (all of it when it has no triggers)."""
        if not rule.triggers:
            return [(0, length)]
        if len(rule.triggers) == 1:
            spans = sorted(hits.get(next(iter(rule.triggers)), ()))
        else:
            spans = sorted(span for name in rule.triggers for span in hits.get(name, ()))
        windows: list[tuple[int, int]] = []
        low, high = -1, -_MARGIN - 1  # the window being grown: none yet (reaches no span)
        for start, end in spans:
            if start - _MARGIN <= high:
                if end + _MARGIN > high:
                    high = min(length, end + _MARGIN)
            else:
                if low >= 0:
                    windows.append((low, high))
                low, high = max(0, start - _MARGIN), min(length, end + _MARGIN)
        if low >= 0:
            windows.append((low, high))
        return windows

    def _anchor_date(self, analysis: Analysis) -> dt.date | None:
        published = analysis.article.published
        if self.anchor == "none" or published is None:
            return None
        if isinstance(published, dt.datetime):
            return published.date()
        return published

    def _normalize(self, candidate: _Candidate, context: Context) -> Resolution | None:
        normalizer = NORMALIZERS.get(candidate.rule.norm)
        if normalizer is None:
            return None
        context.start, context.end = candidate.start, candidate.end
        return normalizer(candidate.groups, context, candidate.rule)

    def _extend(self, text: str, start: int, end: int, floor: int, rule: Rule, kind: str) -> int:
        """Move ``start`` back over a modifier TimeML keeps in the extent, never past ``floor``."""
        window_start = max(floor, start - 40)
        for prefix in self._prefixes:
            if not prefix.applies_to(rule, kind, text[start:end]):
                continue
            m = prefix.pattern.search(text, window_start, start)
            if m is not None and m.end() == start:
                return m.start()
        return start


def _is_ascii_letter(char: str) -> bool:
    return "a" <= char <= "z"


def _running_max(values: list[int]) -> list[int]:
    result = []
    current = -1
    for value in values:
        current = max(current, value)
        result.append(current)
    return result


def _sentence_bounds(analysis: Analysis, length: int) -> Callable[[int], tuple[int, int]]:
    segmentation = analysis.segmentation

    def bounds(offset: int) -> tuple[int, int]:
        index = segmentation.sentence_index(offset)
        if index is not None:
            sentence = segmentation.sentences[index]
            return sentence.start, sentence.end
        return max(0, offset - _WINDOW), min(length, offset + _WINDOW)

    return bounds


@hookimpl
def reportedly_extractors(register: Callable[[type], Any]) -> None:
    """Register the built-in ``dates`` step."""
    register(Dates)
