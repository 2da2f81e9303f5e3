"""The ``events`` step: what happened, who did it, with what, when, where and according to whom.

Each story sentence is matched against the trigger lexicon (:mod:`.lexicon`); every trigger that
survives its checks becomes an :class:`~reportedly.Event` whose arguments come from the steps that
ran before (``sources``, ``dates``, ``weapons``, ``quotes``) and from the sentence itself:

- ``actor``: the source mentioned in subject position of the trigger's clause (the ``by`` agent of
  a passive; the speaker for "we" inside a quotation; the main clause's subject for "after
  inspecting ...");
- ``weapons``: weapon mentions in the trigger's clause;
- ``date``: the date expression of the clause, else one elsewhere in the sentence that no other
  event claims (often the reporting date: "..., state media reported on Tuesday"), else none;
- ``location``: a place phrase from the gazetteer ("in Seoul", "off the east coast");
- ``attributed_to``: the source of the quotation that contains the trigger, else of a reporting
  clause in the sentence ("state media reported", "according to KCNA");
- ``status``: from negation and modality cues (``vocab/events/status.toml``), else the trigger's
  own (``ordered`` for "ordered higher production of"), else ``expected`` when the event's date
  lies after the publication date, else ``occurred``.

Example::

    >>> nlp = reportedly.Pipeline(["events"])
    >>> analysis = nlp(reportedly.Article(text, published="2025-12-23"))
    >>> [(e.type, e.trigger.text, e.status) for e in analysis.events]
    [('weapons_production', 'ordered higher production of', 'ordered'), ...]
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import attrs

from reportedly.errors import ConfigError
from reportedly.extractors.events.lexicon import (
    CAPABILITY_TYPES,
    EVENT_TYPES,
    GAP,
    MAX_GAP,
    PLOVER_TYPES,
    PRIORITY_PETRARCH_PATTERN,
    PRIORITY_PETRARCH_VERB,
    Lexicon,
    Slot,
    TriggerSpec,
    load_lexicon,
    token_key,
)
from reportedly.extractors.events.lexicon import (
    irregular_pasts as _irregular_pasts,
)
from reportedly.extractors.events.lexicon import (
    irregular_simple_pasts as _irregular_simple_pasts,
)
from reportedly.hookspecs import hookimpl
from reportedly.model import Analysis, Event, Mention, Quote, TimeExpression
from reportedly.plugins import Vocabulary
from reportedly.text import Sentence

__all__ = ["CAPABILITY_TYPES", "EVENT_TYPES", "PLOVER_TYPES", "EventExtractor"]

#: a word (an amount with thousands separators or a currency sign is one: "5,000", "$20")
_TOKEN = re.compile(
    r"([$\u00a3\u20ac]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|[$\u00a3\u20ac]\d+(?:\.\d+)?(?!\w)"
    r"|\w+(?:[-'\u2019]\w+)*)|[^\w\s]"
)
_BOUNDARY_PUNCT = frozenset(';:()[]\u2014\u2013"\u201c\u201d\u00ab\u00bb')
_WORD = re.compile(r"\w")
_QUOTE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb')
_WEEKDAYS_MONTHS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "dawn",
        "midnight",
        "noon",
        "night",
        "morning",
        "evening",
        "afternoon",
        "weekend",
        "week",
        "month",
        "year",
    ]
)
#: day words that may stand inside a phrasal trigger ("called Thursday on", "met today with")
_DAYS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "yesterday", "tonight",
    }
)  # fmt: skip
_DATED_TYPES = frozenset({"DATE", "TIME"})
#: adverb particles of phrasal verbs ("step down", "call off")
_PARTICLES = frozenset({"up", "out", "down", "off", "back", "over", "away"})
#: origin of the demand events made for "X said Y must <verb>" (see ``_reported_demands``)
_REPORTED_DEMAND = "reported-demand"
#: Subject pronouns: a status cue before one belongs to another clause ("can confirm it tested")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "we", "they", "i"})
#: How far (in tokens) a clause may reach from its trigger: keeps run-on text linear.
_MAX_SCOPE = 60


@attrs.define
class _Tokens:
    """The words of one sentence: offsets into the article, lower-case text and comparison keys."""

    starts: list[int]
    ends: list[int]
    lower: list[str]
    is_word: list[bool]
    n: int
    #: words that are reporting verbs here (a capitalized "States" is not one); see ``annotate``
    reporting: list[bool] = attrs.field(factory=list)
    #: the words as status cues see them: "" for a capitalized word inside the sentence, a name
    #: ("(Reportedly Wire)")
    cue_words: list[str] = attrs.field(factory=list)

    @classmethod
    def of(cls, folded: str, start: int, end: int) -> _Tokens:
        """Tokens of ``folded[start:end]``; ``folded`` is the text lower-cased, same length."""
        matches = list(_TOKEN.finditer(folded, start, end))
        return cls(
            [m.start() for m in matches],
            [m.end() for m in matches],
            [m.group() for m in matches],
            [m.lastindex == 1 for m in matches],
            len(matches),
        )

    def annotate(self, text: str, reporting: frozenset[str]) -> None:
        """Fill ``reporting`` and ``cue_words`` (only for sentences that have a trigger)."""
        lower, is_word = self.lower, self.is_word
        capital = [text[start].isupper() for start in self.starts]
        self.reporting = [
            word in reporting and (not capital[i] or i == 0 or not is_word[i - 1])
            for i, word in enumerate(lower)
        ]
        self.cue_words = [
            word if not capital[i] or i == 0 or lower[i - 1] in _QUOTE_MARKS else ""
            for i, word in enumerate(lower)
        ]

    def key(self, index: int) -> str:
        """The comparison key of token ``index`` (see :func:`token_key`)."""
        return _key(self.lower[index])

    def __len__(self) -> int:
        return self.n

    def index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset``."""
        return bisect.bisect_right(self.ends, offset)


_Span = TypeVar("_Span", bound=tuple[Any, ...])
#: a PETRARCH2 pattern's slots: per slot the one-word keys and the longer alternatives
_Slots = tuple[Slot, ...]
#: first object key -> (slots, event type) of the patterns of one PETRARCH2 verb block
_PatternTable = dict[str, tuple[tuple[_Slots, str], ...]]
#: first word (or "first second" for triggers of several words without a gap) -> (spec, its
#: words when they hold no gap, else None, and for a gap its index and the word after it: that
#: word must follow within ``MAX_GAP`` words), best first
_TriggerTable = dict[str, tuple[tuple[TriggerSpec, list[str] | None, tuple[int, str] | None], ...]]
#: first word -> the PETRARCH2 verb forms starting with it whose block has patterns, with them
_PetrarchTable = dict[str, tuple[tuple[tuple[str, ...], _PatternTable], ...]]
#: (id of a lexicon, min priority) -> (that lexicon, its tables); the lexicon is kept so that
#: its id is not reused
_TABLES: dict[tuple[int, int], tuple[Lexicon, _TriggerTable, _PetrarchTable]] = {}


def _within(spans: list[_Span], start: int, end: int) -> list[_Span]:
    """The spans (sorted by start) that lie within ``start..end``."""
    low = bisect.bisect_left(spans, (start,))
    high = bisect.bisect_left(spans, (end,))
    return [span for span in spans[low:high] if span[1] <= end]


def _indexes_within(spans: list[_Span], start: int, end: int) -> range:
    """Indexes of the spans (sorted by start) that start within ``start..end``."""
    return range(
        bisect.bisect_left(spans, (start,)), bisect.bisect_right(spans, (end, float("inf")))
    )


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return token_key(word)


def _fold(text: str) -> str:
    """The text lower-cased with curly apostrophes straightened, when that keeps every offset."""
    folded = text.lower().replace("\u2019", "'")
    if len(folded) != len(text):
        # a few characters change length when lower-cased ("\u0130"); fold them one by one
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        folded = folded.replace("\u2019", "'")
    return folded


@attrs.define
class _Candidate:
    first: int  # token index of the first word
    last: int  # token index after the last word
    spec: TriggerSpec
    event_type: str
    #: token index where the trigger text starts when an intention verb leads it ("vowed to")
    lead: int = -1


def _phrase_at(words: Sequence[str], lower: Sequence[str], at: int, limit: int) -> bool:
    return at + len(words) <= limit and all(lower[at + k] == w for k, w in enumerate(words))


class _PhraseSet:
    """Word sequences looked up by their first word."""

    def __init__(self, phrases: Sequence[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                self.by_first.setdefault(phrase[0], []).append(phrase)

    def found(self, lower: Sequence[str], start: int, stop: int) -> bool:
        """Whether one of the phrases lies entirely within ``lower[start:stop]``."""
        by_first = self.by_first
        for i in range(max(start, 0), stop):
            for phrase in by_first.get(lower[i], ()):
                if _phrase_at(phrase, lower, i, stop):
                    return True
        return False


def _parse_value(value: str) -> _dt.date | None:
    """The first day a TIMEX3 value denotes, when it is a plain calendar value."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m is None:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _match_tables(lexicon: Lexicon, min_priority: int) -> tuple[_TriggerTable, _PetrarchTable]:
    """The lexicon's triggers and PETRARCH2 patterns laid out for matching (see ``_candidates``).

    Cached for the first few lexicons, which include the built-in ones (the same object for every
    pipeline without plugin triggers), so building a step costs nothing after the first.
    """
    cache_key = (id(lexicon), min_priority)
    cached = _TABLES.get(cache_key)
    if cached is not None and cached[0] is lexicon:
        return cached[1], cached[2]
    # per first word: (spec, its words when they hold no gap, else None), best first; triggers of
    # several words without a gap are filed under "first second" (no token holds a space), so
    # that a common word ("aid", "sanctions") does not walk every phrase starting with it
    triggers: _TriggerTable = {}
    for first, specs in lexicon.triggers.items():
        triggers.setdefault(first, ())
        for spec in specs:
            if spec.priority < min_priority:
                continue
            if GAP in spec.words:
                gap = spec.words.index(GAP)
                entry: tuple[TriggerSpec, list[str] | None, tuple[int, str] | None] = (
                    spec,
                    None,
                    (gap, spec.words[gap + 1]),
                )
                key = first
            else:
                entry = (spec, list(spec.words), None)
                key = first if len(spec.words) == 1 else f"{first} {spec.words[1]}"
            triggers[key] = (*triggers.get(key, ()), entry)
    # per first word: the PETRARCH2 verb forms whose block has verb-object patterns, with
    # those patterns (slots split into one-word keys and longer alternatives)
    petrarch: _PetrarchTable = {}
    compiled: dict[str, _PatternTable] = {}
    for first, forms in lexicon.petrarch_forms.items():
        with_patterns: list[tuple[tuple[str, ...], _PatternTable]] = []
        for form, block in forms:
            table = lexicon.petrarch_patterns.get(block)
            if not table:
                continue
            if block not in compiled:
                compiled[block] = {
                    key: tuple((pattern.slots, pattern.type) for pattern in patterns)
                    for key, patterns in table.items()
                }
            with_patterns.append((form, compiled[block]))
        if with_patterns:
            petrarch[first] = tuple(with_patterns)
    if len(_TABLES) < 8:
        _TABLES[cache_key] = (lexicon, triggers, petrarch)
    return triggers, petrarch


class EventExtractor:
    """The built-in ``events`` step (see the module documentation for what each argument means).

    Settings (``[steps.events]`` in a TOML config):

    - ``types``: only output events of these types (default: every type);
    - ``petrarch``: use the triggers derived from the PETRARCH2 dictionaries (default ``True``;
      ``False`` keeps the project's own triggers and the plugins' ones only);
    - ``min_priority``: ``"builtin"`` drops the PETRARCH2-derived bare verbs but keeps their
      verb-object patterns (default ``"all"``).
    """

    name = "events"
    requires = ("sources", "dates", "weapons", "quotes")

    def __init__(
        self,
        *,
        types: Sequence[str] | None = None,
        petrarch: bool = True,
        min_priority: str = "all",
        vocabulary: Vocabulary | None = None,
    ) -> None:
        if types is not None:
            if isinstance(types, str) or not all(isinstance(t, str) for t in types):
                raise ConfigError("events: 'types' must be a list of event type names")
            unknown = sorted(set(types) - EVENT_TYPES)
            if unknown:
                raise ConfigError(
                    f"events: unknown type(s) {', '.join(unknown)} in 'types'; "
                    f"known: {', '.join(sorted(EVENT_TYPES))}"
                )
        if not isinstance(petrarch, bool):
            raise ConfigError(f"events: 'petrarch' must be true or false, not {petrarch!r}")
        if min_priority not in ("all", "builtin"):
            raise ConfigError(
                f'events: \'min_priority\' must be "all" or "builtin", not {min_priority!r}'
            )
        self.types: frozenset[str] | None = frozenset(types) if types is not None else None
        self._min_priority = 1 if min_priority == "builtin" else 0
        entries = vocabulary.event_triggers if vocabulary is not None else ()
        self.lexicon: Lexicon = load_lexicon(entries, use_petrarch=petrarch)
        self._triggers, self._petrarch = _match_tables(self.lexicon, self._min_priority)
        self._first_words = frozenset(self._triggers) | frozenset(self._petrarch)
        clauses = self.lexicon.clauses
        self._subordinators = frozenset(clauses["subordinators"])
        self._relatives = frozenset(clauses["relatives"])
        self._reporting = frozenset(clauses["reporting"])
        self._be = frozenset(clauses["be_forms"])
        self._object_preps = frozenset(clauses["object_prepositions"])
        self._speaker_pronouns = frozenset(clauses["speaker_pronouns"])
        self._intention = frozenset(clauses.get("intention_verbs", ()))
        self._demand_modals = frozenset(clauses.get("demand_modals", ()))
        self._speech_verbs = frozenset(clauses.get("speech_verbs", ()))
        self._no_pattern_forms = frozenset(clauses.get("no_pattern_forms", ()))
        self._intent_before_to = frozenset(clauses.get("intent_before_to", ()))
        self._modified_heads = frozenset(clauses.get("modified_heads", ()))
        self._unarmed_after = frozenset(clauses.get("unarmed_after", ()))
        self._group_heads = frozenset(clauses.get("group_heads", ()))
        self._owned_groups = frozenset(clauses.get("owned_groups", ()))
        capability = clauses.get("capability", {})
        self._capability_modals = frozenset(capability.get("modals", ()))
        self._capability_adverbs = frozenset(capability.get("adverbs", ()))
        self._claim_types = frozenset(capability.get("types", ()))
        # the types whose intention PLOVER codes as AGREE or THREATEN (the ``planned`` modality
        # rules); "agreed to postpone the rally" stays two events
        self._intended_types = frozenset(
            t
            for rule in clauses.get("modality", ())
            if "planned" in rule.get("statuses", ()) and not rule.get("after")
            for t in (*rule["types"], rule["type"])
        )
        self._generic = _PhraseSet([tuple(p.split()) for p in clauses["generic"]])
        self._test_words = _PhraseSet(self.lexicon.test_words)
        self._crowd = _PhraseSet([tuple(w.split()) for w in self.lexicon.crowd_words])
        self._status_cues = tuple(
            (cue.status, _PhraseSet(cue.before), _PhraseSet(cue.after), cue.window)
            for cue in self.lexicon.status_cues
        )
        self._cue_window = max((cue.window for cue in self.lexicon.status_cues), default=0) + 1
        forms = clauses["verb_forms"]
        self._determiners = frozenset(forms["determiners"])
        self._base_before = frozenset(forms["base_before"])
        self._s_before = frozenset(forms["s_before"])
        self._ing_before = frozenset(forms["ing_before"])
        self._adjective_after = frozenset(forms.get("adjective_after", ()))
        self._past_forms = frozenset(form for forms_ in _irregular_pasts() for form in forms_)
        gap = clauses["pattern_gap"]
        self._gap_before_first = int(gap["before_first"])
        self._gap_between = int(gap["between"])
        # words a pattern never skips: they end the object phrase or start another clause
        self._gap_blockers = (
            frozenset(gap["blockers"])
            | self._subordinators
            | self._relatives
            | self._be
            | self._reporting
            | _irregular_simple_pasts()
            | frozenset(gap["prepositions"])
        ) - frozenset(gap["links"])
        self._gap_links = frozenset(gap["links"])
        self._gap_prepositions = frozenset(gap["prepositions"])
        self._gap_measures = frozenset(gap["measures"])
        self._gap_adverbials = _PhraseSet([tuple(a.split()) for a in gap["adverbials"]])
        # a pattern starting with one of these attaches to the verb only when no preposition was
        # skipped before it
        self._slot_prepositions = self._gap_prepositions | {"of", "to", "as"}
        self._gap_determiners = frozenset(gap["determiners"])
        self._location = self._compile_locations(clauses["location"])
        self._location_prepositions = frozenset(clauses["location"]["prepositions"])
        fallback = clauses["location"]["fallback_prepositions"]
        self._fallback_prepositions = frozenset(fallback)
        relations = "|".join(
            sorted(map(re.escape, clauses["location"]["relations"]), key=len, reverse=True)
        )
        self._named_place = re.compile(
            rf"(?:{'|'.join(map(re.escape, fallback))})\s+(?:the\s+)?(?:(?:{relations})\s+)?"
            r"((?:[A-Z][\w'\u2019-]+)(?:\s+[A-Z][\w'\u2019-]+){0,2})(?![\w-])"
        )
        self._not_places = frozenset(w.lower() for w in clauses["location"]["not_places"])
        self._modality = tuple(
            (
                _PhraseSet([tuple(c.split()) for c in rule.get("cues", ())]),
                frozenset(rule.get("statuses", ())),
                frozenset(rule["types"]),
                rule["type"],
                rule.get("status"),
                _PhraseSet([tuple(c.split()) for c in rule.get("after", ())]),
            )
            for rule in clauses.get("modality", ())
        )

    # ------------------------------------------------------------------ compile

    def _compile_locations(self, data: Mapping[str, Any]) -> re.Pattern[str]:
        def alternation(items: Sequence[str]) -> str:
            ordered = sorted({re.escape(i) for i in items}, key=len, reverse=True)
            return "|".join(ordered)

        preps = alternation(data["prepositions"])
        directions = alternation(data["directions"])
        relations = alternation(data["relations"])
        names = alternation([name for name, _kind in self.lexicon.places])
        generic = alternation(data["generic_places"])
        determiners = r"(?i:the|its|their|his|her|our)"
        facilities = alternation(data["facilities"])
        place = rf"(?:(?:{names})|(?i:{directions})\s+(?:{names}))"
        named = (
            rf"(?i:{preps})\s+(?:{determiners}\s+)?"
            rf"(?:(?:(?i:{directions})\s+)?(?i:{relations})\s+(?:(?i:the)\s+)?)?"
            rf"{place}(?:\s+(?i:{facilities}))?(?![\w-])(?!\s+[A-Z])"
        )
        # "off the east coast", "near the border": only when no noun follows ("border village")
        unnamed = (
            rf"(?i:{preps})\s+{determiners}\s+(?:(?i:{directions})\s+)?(?i:{generic})"
            r"(?![\w-])(?!\s+[a-z]+(?<!with)(?<!of)(?<!and)(?<!in)(?<!on)(?<!to)(?<!near)\b)"
        )
        return re.compile(rf"{named}|{unnamed}")

    # ------------------------------------------------------------------ run

    def __call__(self, analysis: Analysis) -> Analysis:
        """Return ``analysis`` with ``events`` filled in, in text order (ids ``e1``, ``e2``, ...)."""
        text = analysis.article.text
        segmentation = analysis.segmentation
        mentions = sorted(
            (m.start, m.end, source.id) for source in analysis.sources for m in source.mentions
        )
        weapons = sorted((w.start, w.end, w.id) for w in analysis.weapons)
        dates = sorted(
            ((t.start, t.end, t) for t in analysis.dates if t.type in _DATED_TYPES),
            key=lambda item: item[:2],
        )
        quotes = sorted(analysis.quotes, key=lambda q: (q.start, q.end))
        # "an investigation found ...": a document source may be a nominal event itself
        documents = frozenset(s.id for s in analysis.sources if s.kind == "document")
        folded = _fold(text)
        published = analysis.article.published
        if isinstance(published, _dt.datetime):
            published = published.date()
        events: list[Event] = []
        for sentence in segmentation.sentences:
            if sentence.boilerplate:
                continue
            events.extend(
                self._sentence_events(
                    text, folded, sentence, mentions, weapons, dates, quotes, published, documents
                )
            )
        if self.types is not None:
            events = [e for e in events if e.type in self.types]
        numbered = [attrs.evolve(e, id=f"e{i}") for i, e in enumerate(events, 1)]
        return attrs.evolve(analysis, events=tuple(numbered))

    # ------------------------------------------------------------------ triggers

    def _match(self, spec: TriggerSpec, tokens: _Tokens, at: int) -> int:
        """Token index after ``spec`` matched at ``at``, or -1."""
        words, lower, n = spec.words, tokens.lower, len(tokens)
        j, k = at, 0
        while k < len(words):
            word = words[k]
            if word == GAP:
                following = words[k + 1]
                for gap in range(MAX_GAP + 1):
                    if j + gap >= n:
                        return -1
                    if lower[j + gap] == following:
                        j, k = j + gap + 1, k + 2
                        break
                    if not self._may_skip(tokens, j + gap, j):
                        return -1  # "found he's guilty" is no "find * guilty"
                else:
                    return -1
                continue
            if j < n and lower[j] == word:
                j, k = j + 1, k + 1
            else:
                return -1
        return j

    def _petrarch_candidates(
        self,
        tokens: _Tokens,
        at: int,
        entries: tuple[tuple[tuple[str, ...], _PatternTable], ...],
    ) -> list[_Candidate]:
        """Matches of the PETRARCH2 verb-object patterns of the verb forms starting at ``at``.

        The first object word follows the verb after at most ``before_first`` words of the
        object's own phrase (see :meth:`_may_skip`); the trigger runs from the verb to the last
        object word matched.
        """
        found: list[_Candidate] = []
        lower, n = tokens.lower, len(tokens)
        for form, table in entries:
            if len(form) > 1 and not _phrase_at(form, lower, at, n):
                continue
            after = at + len(form)
            skipped_preposition = False
            for start in range(after, min(after + self._gap_before_first + 1, n)):
                patterns = table.get(_key(lower[start])) if tokens.is_word[start] else None
                for slots, event_type in patterns or ():
                    if start > after and len(slots) == 1 and slots[0][0] <= _PARTICLES:
                        continue  # a phrasal verb's particle follows it: "stepped down"
                    if skipped_preposition and not slots[0][0].isdisjoint(self._slot_prepositions):
                        continue  # "cautioning about the risk of battle": "of" is not the verb's
                    end = self._match_slots(slots, tokens, start)
                    if end > 0:
                        spec = TriggerSpec(
                            (*form, GAP, *lower[start:end]),
                            event_type,
                            priority=PRIORITY_PETRARCH_PATTERN,
                            origin="petrarch2",
                        )
                        found.append(_Candidate(at, end, spec, event_type))
                if found:
                    return found
                if not self._may_skip(tokens, start, after):
                    break
                skipped_preposition |= lower[start] in self._gap_prepositions
        return found

    def _may_skip(
        self, tokens: _Tokens, index: int, gap_start: int, *, preposition: bool = True
    ) -> bool:
        """Whether a gap that starts at ``gap_start`` (right after the verb) may skip token
        ``index`` on its way to an object word (see ``[pattern_gap]`` in ``clauses.toml``).

        Used for the PETRARCH2 patterns and the ``*`` of the other triggers. A preposition only
        right after the verb ("fight in federal court"), when ``preposition``; "of" only after a
        measure ("ten days of war games"); a word after a link ("to", "as") only when it is a
        determiner ("named as a suspect"; the object word itself is tried before this); never
        the start of an adverbial ("as a result"); else what :meth:`_skippable` allows.
        """
        lower = tokens.lower
        word = lower[index]
        if any(
            _phrase_at(phrase, lower, index, len(tokens))
            for phrase in self._gap_adverbials.by_first.get(word, ())
        ):
            return False
        if (
            index > gap_start
            and lower[index - 1] in self._gap_links
            and word not in self._gap_determiners
        ):
            return False  # "as hard to find as fixed ground"
        if word in self._gap_prepositions:
            return preposition and index == gap_start
        if word == "of" and index > gap_start:
            return lower[index - 1] in self._gap_measures  # "ten days of war games"
        return self._skippable(tokens, index)

    def _skippable(self, tokens: _Tokens, index: int) -> bool:
        """Whether a pattern may skip token ``index`` on its way to an object word.

        Only words of the object phrase qualify: never punctuation, a comparative ("than"),
        conjunction, preposition, subordinator, relative, modal, subject pronoun or a second verb
        (a be-form, a reporting verb, an irregular past). A link ("to", "as") passes here; the
        caller keeps it only before a determiner or the object word itself.
        """
        if not tokens.is_word[index]:
            return False
        word = tokens.lower[index]
        # "he's", "they'd" are a subject and a verb
        return word not in self._gap_blockers and word.split("'", 1)[0] not in self._gap_blockers

    def _match_slots(self, slots: _Slots, tokens: _Tokens, start: int) -> int:
        """Token index after the pattern's slots matched from ``start`` (the first slot right
        there, each later one after at most ``between`` premodifier words), or -1."""
        j = start
        n = len(tokens)
        for index, (singles, longer) in enumerate(slots):
            matched = -1
            for skip in range(1 if index == 0 else self._gap_between + 1):
                at = j + skip
                if at >= n:
                    break
                if tokens.key(at) in singles:
                    matched = at + 1
                    break
                for alternative in longer:
                    size = len(alternative)
                    if at + size <= n and all(
                        tokens.key(at + k) == word for k, word in enumerate(alternative)
                    ):
                        matched = at + size
                        break
                if (
                    matched > 0
                    or tokens.lower[at] in self._gap_links
                    or not self._may_skip(tokens, at, j, preposition=False)
                ):
                    break
            if matched < 0:
                return -1
            j = matched
        return j

    @staticmethod
    def _day_after(lower: Sequence[str], at: int) -> int:
        """How many words of a day ("Thursday", "on Monday", "today") follow token ``at``."""
        following = lower[at + 1] if at + 1 < len(lower) else ""
        if following in _DAYS:
            return 1
        if following == "on" and at + 2 < len(lower) and lower[at + 2] in _DAYS:
            return 2
        return 0

    def _candidates(self, tokens: _Tokens) -> list[_Candidate]:
        found: list[_Candidate] = []
        triggers = self._triggers
        petrarch = self._petrarch
        first_words = self._first_words
        lower = tokens.lower
        n = len(tokens)
        if first_words.isdisjoint(lower):
            return found
        for at, word in enumerate(lower):
            if word not in first_words:
                continue
            # "called Thursday on Arabs to unite": newswire puts the day inside a phrasal verb
            day = self._day_after(lower, at)
            if at + 1 < n:
                for spec, plain, _anchor in triggers.get(f"{word} {lower[at + 1]}", ()):
                    assert plain is not None
                    size = len(plain)
                    if lower[at : at + size] == plain:
                        found.append(_Candidate(at, at + size, spec, spec.type))
                if day and at + 1 + day < n:
                    for spec, plain, _anchor in triggers.get(f"{word} {lower[at + 1 + day]}", ()):
                        assert plain is not None
                        size = len(plain)
                        if lower[at + 1 + day : at + size + day] == plain[1:]:
                            found.append(_Candidate(at, at + size + day, spec, spec.type))
            for spec, plain, anchor in triggers.get(word, ()):
                if plain is not None:
                    found.append(_Candidate(at, at + 1, spec, spec.type))  # one word
                    continue
                if (
                    anchor is not None
                    and anchor[1] not in lower[at + anchor[0] : at + anchor[0] + MAX_GAP + 1]
                ):
                    continue  # the word after the gap is not there: no need to walk it
                end = self._match(spec, tokens, at)
                if end > 0:
                    found.append(_Candidate(at, end, spec, spec.type))
            entries = petrarch.get(word)
            if (
                entries is not None
                and word not in self._speech_verbs
                and word not in self._no_pattern_forms
            ):
                # "said the deal ...": a reporting verb's object is what was said, no event
                found.extend(self._petrarch_candidates(tokens, at, entries))
        return found

    # ------------------------------------------------------------------ sentences

    def _sentence_events(
        self,
        text: str,
        folded: str,
        sentence: Sentence,
        mentions: list[tuple[int, int, str]],
        weapons: list[tuple[int, int, str]],
        dates: list[tuple[int, int, TimeExpression]],
        quotes: list[Quote],
        published: _dt.date | None,
        documents: frozenset[str] = frozenset(),
    ) -> list[Event]:
        tokens = _Tokens.of(folded, sentence.start, sentence.end)
        if not tokens.starts:
            return []
        candidates = self._candidates(tokens)
        if not candidates and self._demand_modals.isdisjoint(tokens.lower):
            return []
        tokens.annotate(text, self._reporting)
        s_mentions = _within(mentions, sentence.start, sentence.end)
        s_weapons = _within(weapons, sentence.start, sentence.end)
        s_dates = _within(dates, sentence.start, sentence.end)
        date_tokens = self._covered(tokens, s_dates)
        mention_tokens = self._covered(tokens, s_mentions)
        weapon_tokens = self._covered(tokens, s_weapons)

        # resolve types that depend on the clause, drop what fails its checks, then keep the best
        # of overlapping matches
        kept: list[_Candidate] = []
        auxiliaries = self._be | {"have", "has", "had", "do", "does", "did"}
        verb_ends = {
            c.last - 1
            for c in candidates
            if c.spec.kind == "verb" and tokens.lower[c.last - 1] not in auxiliaries
        }
        # words whose own trigger lacks the arms or forces it needs and is followed by a word of
        # a figurative use ("fighting to keep the boy", "fought for freedom")
        unmet: set[int] = set()
        for cand in candidates:
            if any(
                at in mention_tokens and s_mentions[mention_tokens[at]][2] not in documents
                for at in (cand.first, cand.last - 1)
            ):
                continue  # a word of a source's name ("Strike Command"), not of a document's
            c_start, c_end = tokens.starts[cand.first], tokens.ends[cand.last - 1]
            if any(
                w_start < c_end and c_start < w_end and not (c_start <= w_start and w_end <= c_end)
                for w_start, w_end, _w in s_weapons
            ):
                continue  # a word of a weapon's name ("attack drones", "Strike Eagle")
            if cand.spec.kind == "verb" and not self._verbal(
                cand, tokens, text, mention_tokens, verb_ends
            ):
                continue
            if self._is_generic(cand, tokens):
                continue
            if (
                (cand.spec.kind == "noun" or cand.first == 0)
                and cand.last < len(tokens)
                and tokens.lower[cand.last] in self._modified_heads
            ):
                # "a ceasefire agreement", "Riot police beat ...": a modifier, not the event
                continue
            stop = self._right_stop(tokens, cand.last, mention_tokens, ())
            armed = self._armed(cand, tokens, stop, weapon_tokens)
            if cand.spec.needs == "crowd":
                if not self._crowd.found(tokens.lower, max(cand.first - 6, 0), cand.first):
                    continue  # "thousands gathered", not "police gathered evidence"
            elif cand.spec.needs and not (
                armed or (cand.spec.needs == "force" and self._forces(tokens, cand.first, stop))
            ):
                if cand.last < len(tokens) and tokens.lower[cand.last] in self._unarmed_after:
                    unmet.add(cand.first)
                continue
            event_type = cand.spec.type
            if cand.spec.crowd_type and self._crowd.found(
                tokens.lower, max(cand.first - 6, 0), cand.first
            ):
                event_type = cand.spec.crowd_type  # "thousands of people protested"
            if armed and cand.spec.weapon_type:
                event_type = cand.spec.weapon_type
                if cand.spec.recipient_type and self._recipient(
                    tokens, cand.last, stop, mention_tokens, text
                ):
                    event_type = cand.spec.recipient_type  # "sent tanks to Ukraine"
            if cand.spec.vessel_type and self._launches_vessel(tokens, cand, stop):
                event_type = cand.spec.vessel_type
            elif (
                armed
                and cand.spec.attack_type
                and self._aimed(tokens, cand.last, stop, date_tokens)
            ):
                event_type = cand.spec.attack_type
            if event_type in self._claim_types and self._claims_capability(tokens, cand.first):
                continue  # "our navy can hit any threat": a claim of capability, not an event
            cand.event_type = event_type
            kept.append(cand)
        if unmet:
            # the PETRARCH2 bare verb of such a word is no event either
            kept = [
                c for c in kept if c.spec.priority != PRIORITY_PETRARCH_VERB or c.first not in unmet
            ]
        kept.sort(key=lambda c: (-c.spec.priority, -(c.last - c.first), c.first))
        taken: list[_Candidate] = []
        used: set[int] = set()
        for cand in kept:
            span = set(range(cand.first, cand.last))
            if span & used:
                continue
            used |= span
            taken.append(cand)
        # "X said Iran must hand over the missiles": a capability event keeps its type, and the
        # demand is an event of its own
        plover_used = {
            k for c in taken if c.event_type in PLOVER_TYPES for k in range(c.first, c.last)
        }
        taken.extend(self._reported_demands(tokens, plover_used, mention_tokens))
        taken.sort(key=lambda c: c.first)
        taken = [
            c
            for index, c in enumerate(taken)
            if not (
                index
                and tokens.lower[c.first].endswith("ing")
                and tokens.lower[c.first - 1] == ","
                and taken[index - 1].event_type == c.event_type
            )
        ]
        taken = self._merge_intentions(taken, tokens)
        if not taken:
            return []
        # a PLOVER noun that is the object of a PLOVER event is part of it: "called for a
        # ceasefire" is one demand (a capability noun stays: "condemned the missile launch")
        attached = [
            self._attached(c, taken[index - 1] if index else None, tokens)
            for index, c in enumerate(taken)
        ]
        kept_taken: list[_Candidate] = []
        for index, c in enumerate(taken):
            if (
                attached[index]
                and c.event_type in PLOVER_TYPES
                and kept_taken
                and kept_taken[-1].event_type in PLOVER_TYPES
            ):
                continue
            kept_taken.append(c)
        attached = [
            self._attached(c, kept_taken[index - 1] if index else None, tokens)
            for index, c in enumerate(kept_taken)
        ]
        taken = kept_taken
        starts = frozenset(c.first for index, c in enumerate(taken) if not attached[index])

        s_locations = []
        taken_spans = [(m[0], m[1]) for m in s_mentions + s_weapons] + [d[:2] for d in s_dates]
        for i, word in enumerate(tokens.lower):
            if word in self._location_prepositions:
                found = self._location.match(text, tokens.starts[i], sentence.end)
                if found is None and word in self._fallback_prepositions:
                    # "near Semnan": a capitalized name the gazetteer lacks
                    found = self._named_place.match(text, tokens.starts[i], sentence.end)
                    if found is not None and (
                        found.group(1).split()[0].lower() in self._not_places
                        or any(s0 < found.end(1) and found.start(1) < s1 for s0, s1 in taken_spans)
                    ):
                        found = None
                if found is not None:
                    s_locations.append((found.start(), found.end()))
        reporters = self._reporters(tokens, s_mentions)
        events: list[Event] = []
        right_scopes: list[tuple[int, int]] = []
        claims: list[set[int]] = [set() for _ in s_dates]
        for index, cand in enumerate(taken):
            stop = self._right_stop(tokens, cand.last, mention_tokens, starts)
            right_scopes.append((cand.last, stop))
            if stop > cand.last:
                scope_end = tokens.ends[stop - 1]
                for j in _indexes_within(s_dates, tokens.starts[cand.last], scope_end):
                    if s_dates[j][1] <= scope_end:
                        claims[j].add(index)
        for index, cand in enumerate(taken):
            first, last = cand.first, cand.last
            stop = right_scopes[index][1]
            left, inherits = self._left_start(tokens, first, cand.spec.kind != "noun")
            start_offset, end_offset = tokens.starts[first], tokens.ends[last - 1]
            lead_offset = tokens.starts[cand.lead] if cand.lead >= 0 else start_offset
            trigger = Mention(text[lead_offset:end_offset], lead_offset, end_offset)
            quote = self._quote_of(quotes, start_offset, end_offset)
            passive = self._is_passive(tokens, first)
            actor = self._actor(
                tokens,
                first,
                last,
                stop,
                left,
                inherits,
                passive or self._passive_after(tokens, cand),
                s_mentions,
                quote,
                reporters,
            )
            weapon_ids = self._weapons(tokens, cand, left, stop, s_weapons, passive)
            date = self._date(tokens, first, last, left, stop, s_dates, claims, index)
            location = self._location_of(text, tokens, first, left, stop, s_locations)
            attributed = self._attribution(quote, reporters, tokens, first, mention_tokens)
            previous = taken[index - 1] if index else None
            status, purpose = self._status(tokens, cand, stop, date, published, previous)
            event_type = cand.event_type
            if cand.spec.origin == _REPORTED_DEMAND:
                # "the ministry said Iran must stop ...": the demand is the reporter's
                earlier = [r for r in reporters if r[0] < first]
                actor = max(earlier)[1] if earlier else actor
            # "set up a commission to investigate": the purpose of an action is no promise
            for cues, statuses, types, new_type, new_status, after in self._modality:
                if event_type not in types:
                    continue
                if after.by_first:
                    # a conditional later in the sentence: "will withdraw ... unless ..."
                    if purpose:
                        continue
                    if status in statuses and after.found(tokens.lower, last, len(tokens)):
                        event_type, status = new_type, new_status or status
                        break
                    continue
                if cues.found(tokens.lower, first - 3, first):
                    # "X said Y must Z": the demand is X's
                    earlier = [r for r in reporters if r[0] < first]
                    if earlier:
                        actor = max(earlier)[1]
                    event_type, status = new_type, new_status or status
                    break
                if status in statuses and not purpose:
                    event_type, status = new_type, new_status or status
                    break
            events.append(
                Event(
                    id="",
                    type=event_type,
                    trigger=trigger,
                    actor=actor,
                    weapons=weapon_ids,
                    date=date.id if date is not None else None,
                    location=location,
                    attributed_to=attributed,
                    status=status,
                )
            )
        return events

    @staticmethod
    def _covered(tokens: _Tokens, spans: Sequence[tuple[int, int, Any]]) -> dict[int, int]:
        """Token index -> index in ``spans`` of the span that covers it."""
        covered: dict[int, int] = {}
        for index, span in enumerate(spans):
            i = bisect.bisect_left(tokens.starts, span[0])
            while i < len(tokens) and tokens.ends[i] <= span[1]:
                covered.setdefault(i, index)
                i += 1
        return covered

    def _verbal(
        self,
        cand: _Candidate,
        tokens: _Tokens,
        text: str,
        mention_tokens: Mapping[int, int],
        verb_ends: set[int],
    ) -> bool:
        """Whether the first word of a verb trigger is used as a verb here (see clauses.toml)."""
        at = cand.first
        word = tokens.lower[at]
        if at > 0 and text[tokens.starts[at]].isupper() and tokens.is_word[at - 1]:
            return False  # a capitalized word inside a sentence is a name: "United", "Strike Force"
        previous = tokens.lower[at - 1] if at > 0 else ""
        if previous in self._determiners or previous.endswith(("'s", "s'")):
            return False  # "the visit", "Kim's push": a noun
        # a capitalized word is a name ("Russia deploys"), except the sentence's first word
        # ("Violent protests erupted")
        subject_before = (at - 1) in mention_tokens or (
            at > 1 and tokens.is_word[at - 1] and text[tokens.starts[at - 1]].isupper()
        )
        if word.endswith("ing"):
            following = tokens.lower[cand.last] if cand.last < len(tokens) else ""
            return (
                previous in self._ing_before
                or previous == ","
                or (at - 1) in mention_tokens
                or following == "that"  # "a declaration demanding that ..."
            )
        if word.endswith("ed") or word in self._past_forms:
            # "showcased upgraded missiles": a participle right after a verb is an adjective, and
            # so is one right after a preposition ("profit from discontinued operations")
            return (at - 1) not in verb_ends and previous not in self._adjective_after
        if word.endswith("s") and not word.endswith("ss"):
            return previous in self._s_before or subject_before or previous in (")", ",")
        if at == 0 or previous in self._base_before or subject_before:
            return True
        if previous.endswith("ly") and at >= 2 and tokens.lower[at - 2] in self._base_before:
            return True  # an adverb between: "to violently suppress", "will strongly condemn"
        # "opposition parties demand", "the two sides agree": a plural subject before a present
        # tense verb, as in headlines and newswire ("the arms deal" stays a noun: the word
        # before must be a plural and a determiner or adjective before it, not a noun compound)
        return (
            at >= 2
            and len(previous) > 3
            and previous.endswith("s")
            and not previous.endswith(("ss", "us", "is", "'s"))
            and tokens.is_word[at - 1]
            and cand.last < len(tokens)
            and tokens.lower[cand.last] in self._determiners
        )

    def _launches_vessel(self, tokens: _Tokens, cand: _Candidate, stop: int) -> bool:
        """Whether the clause launches a ship ("launched a destroyer"), not a missile from one."""
        lower = tokens.lower
        for i in range(self._left_start(tokens, cand.first)[0], stop):
            if lower[i] in self.lexicon.vessel_words and not {"from", "aboard", "by"} & set(
                lower[max(i - 4, 0) : i]
            ):
                return True
        return False

    def _forces(self, tokens: _Tokens, first: int, stop: int) -> bool:
        """Whether armed forces are named in the trigger's clause ("sent troops", "rebels fought")."""
        lower = tokens.lower
        words = self.lexicon.force_words
        start = self._left_start(tokens, first)[0]
        return any(lower[i] in words for i in range(start, stop))

    def _recipient(
        self, tokens: _Tokens, after: int, stop: int, mention_tokens: Mapping[int, int], text: str
    ) -> bool:
        """Whether "to" + a source or a gazetteer place follows in the clause."""
        for i in range(after, stop - 1):
            if tokens.lower[i] == "to":
                if (i + 1) in mention_tokens:
                    return True
                if self._location.match(text, tokens.starts[i], tokens.ends[stop - 1]):
                    return True
        return False

    def _is_generic(self, cand: _Candidate, tokens: _Tokens) -> bool:
        lower = tokens.lower
        if cand.spec.kind == "noun" and self._generic.found(lower, cand.first - 4, cand.first):
            return True
        if (
            cand.first > 0
            and lower[cand.first - 1] == "to"
            and self._generic.found(lower, cand.first - 4, cand.first)
        ):
            return True  # "a way to strike", "the ability to produce": a capability
        before = lower[cand.first - 1] if cand.first > 0 else ""
        word = lower[cand.first]
        # "a factory that manufactures the weapons system": a habitual description, not an event
        return (
            before in self._relatives
            and cand.spec.kind == "verb"
            and word.endswith("s")
            and not word.endswith("ss")
        )

    def _claims_capability(self, tokens: _Tokens, first: int) -> bool:
        """Whether a modal of ability governs the trigger ("can hit", "can also strike"): what a
        force or a weapon can do is a claim about it, not an event (see ``[capability]``)."""
        lower = tokens.lower
        at = first - 1
        while at >= 0 and (lower[at] in self._capability_adverbs or lower[at].endswith("ly")):
            at -= 1
        return at >= 0 and at >= first - 3 and lower[at] in self._capability_modals

    @staticmethod
    def _in_list(lower: Sequence[str], after: int, comma: int) -> bool:
        """Whether the comma at ``comma`` closes a short list item ("artillery, mortar, and ...")."""
        for back in range(1, 4):
            at = comma - back
            if at < after:
                return False
            if lower[at] == ",":
                return back <= 3
        return False

    def _reported_demands(
        self, tokens: _Tokens, used: set[int], mention_tokens: Mapping[int, int]
    ) -> list[_Candidate]:
        """``demand`` events for "X said Y must <verb>" where the verb names no event itself.

        CAMEO codes a statement that someone must do something as a demand by the speaker; when
        the verb after "must" is a trigger, the modality rules already turn it into one.
        """
        lower, n = tokens.lower, len(tokens)
        found: list[_Candidate] = []
        if self._demand_modals.isdisjoint(lower):
            return found
        for i, word in enumerate(lower):
            if word not in self._demand_modals or i + 1 >= n or not tokens.is_word[i + 1]:
                continue
            if not any(tokens.reporting[j] for j in range(max(i - 12, 0), i)):
                continue
            if i == 0 or not (tokens.is_word[i - 1] or (i - 1) in mention_tokens):
                continue
            if any(k in used for k in range(i, min(i + 4, n))):
                continue  # the verb is a trigger of its own ("must withdraw")
            spec = TriggerSpec(
                (word, lower[i + 1]), "demand", kind="phrase", origin=_REPORTED_DEMAND
            )
            found.append(_Candidate(i, i + 2, spec, "demand"))
        return found

    def _merge_intentions(self, taken: list[_Candidate], tokens: _Tokens) -> list[_Candidate]:
        """Fold an intention verb into the PLOVER event it governs: "vowed to fight" is one event.

        The intended event keeps its own type, arguments and status (a "vowed to" cue makes it
        ``planned``); only its trigger text starts at the intention verb.
        """
        lower = tokens.lower
        merged: list[_Candidate] = []
        for cand in taken:
            previous = merged[-1] if merged else None
            if (
                previous is not None
                and previous.lead < 0
                and cand.event_type in self._intended_types
                and lower[previous.first] in self._intention
                and (
                    (cand.first == previous.last and lower[previous.last - 1] == "to")
                    or (cand.first == previous.last + 1 and lower[previous.last] == "to")
                )
            ):
                cand.lead = previous.first
                merged[-1] = cand
                continue
            merged.append(cand)
        return merged

    def _attached(self, cand: _Candidate, previous: _Candidate | None, tokens: _Tokens) -> bool:
        """Whether a nominal trigger is the object or setting of the one before it.

        "oversaw the test-firing of ...", "showcased tanks at an arms exhibition": the earlier
        event's clause goes on through it; "after clashes on the border" starts another one.
        """
        if cand.spec.kind != "noun" or previous is None:
            return False
        before = tokens.lower[max(cand.first - 2, 0) : cand.first]
        if any(word in ("at", "during", "amid", "in") for word in before):
            return True
        if any(
            word in self._subordinators and word not in ("during", "amid")
            for word in tokens.lower[previous.last : cand.first]
        ):
            return False
        return previous.last >= cand.first - 2

    def _right_stop(
        self,
        tokens: _Tokens,
        after: int,
        mention_tokens: Mapping[int, int],
        trigger_starts: Collection[int],
    ) -> int:
        """Token index where the trigger's clause ends, looking right from ``after``."""
        lower = tokens.lower
        n = len(tokens)
        for i in range(after, min(n, after + _MAX_SCOPE)):
            word = lower[i]
            if word in _BOUNDARY_PUNCT or word in self._subordinators or word in self._relatives:
                return i
            if tokens.reporting[i] and i > after:
                return i
            if i in trigger_starts and i >= after:
                return i
            if (
                word in ("and", "but")
                and i > after
                and lower[i - 1] == ","
                and not self._in_list(lower, after, i - 1)
            ):
                return i - 1  # ", and on March 3 a pair of bombers flew ...": a new clause
            if (
                word in ("and", "but", "or")
                and i + 1 < n
                and (lower[i + 1].endswith("ed") or lower[i + 1] in self._past_forms)
            ):
                return i  # "toured a base and spoke with crews": a new verb phrase
            if (
                word == ","
                and i + 1 < n
                and (
                    (i + 1) in mention_tokens or lower[i + 1] in ("according", "said", "officials")
                )
            ):
                return i
        return min(n, after + _MAX_SCOPE)

    def _left_start(self, tokens: _Tokens, first: int, verbal: bool = True) -> tuple[int, bool]:
        """Where the trigger's clause starts, and whether the trigger inherits a subject.

        Only a verb inherits the main clause's subject ("after inspecting a factory"); a noun
        does not ("after clashes on the border").
        """
        lower = tokens.lower
        # "during a visit to a defence plant": the visit is the main subject's
        inherits = (not verbal and "during" in lower[max(first - 3, 0) : first]) or (
            verbal
            and first > 0
            and (
                lower[first - 1] in ("to", "after", "before", "while", "by", "when", "without")
                or lower[first].endswith("ing")
            )
        )
        floor = max(first - _MAX_SCOPE, 0)
        for i in range(first - 1, floor - 1, -1):
            word = lower[i]
            if word in _BOUNDARY_PUNCT or tokens.reporting[i]:
                return i + 1, inherits
            if word in self._subordinators or (word in self._relatives and word != "that"):
                return i + 1, inherits or (verbal and i == first - 1)
            if word == "that":
                return i + 1, inherits
        return floor, inherits

    def _passive_after(self, tokens: _Tokens, cand: _Candidate) -> bool:
        """Whether a phrase or noun trigger is (or is followed by) a passive: "sanctions were
        imposed (by ...)", "the attack was carried out by ...": its actor is the ``by`` agent."""
        lower, n = tokens.lower, len(tokens)
        if cand.spec.kind == "phrase" and cand.last - cand.first >= 3:
            at = cand.last - 1  # "sanctions were imposed": the trigger ends in the participle
            while at > cand.first and lower[at] in _PARTICLES:
                at -= 1
            return lower[at - 1] in self._be and self._participle(lower[at])
        if cand.spec.kind != "noun":
            return False
        # the be-form may follow the noun's own phrase ("the attack on the base was carried out")
        for at in range(cand.last, min(cand.last + 5, n - 1)):
            if lower[at] in ("has", "have", "had") and lower[at + 1] == "been":
                continue
            if lower[at] in self._be:
                return self._participle(lower[at + 1])
            if not tokens.is_word[at] or tokens.reporting[at]:
                return False
        return False

    def _participle(self, word: str) -> bool:
        return word.endswith(("ed", "en", "wn")) or word in self._past_forms

    def _is_passive(self, tokens: _Tokens, first: int) -> bool:
        word = tokens.lower[first]
        if not (
            word.endswith(("ed", "en", "wn"))
            or word in ("held", "built", "sold", "sent", "hit", "struck", "shot", "met", "fought")
        ):
            return False
        if first + 1 < len(tokens) and tokens.lower[first + 1] == "to":
            return False  # "is prepared to", "was forced to": the subject still acts
        return any(first - back >= 0 and tokens.lower[first - back] in self._be for back in (1, 2))

    def _armed(
        self, cand: _Candidate, tokens: _Tokens, stop: int, weapon_tokens: Mapping[int, int]
    ) -> bool:
        """Whether a weapon or a military object is in the trigger's clause."""
        low = max(cand.first - 3, 0)
        window = range(low, max(stop, cand.last))
        objects = self.lexicon.object_words
        return any(i in weapon_tokens or tokens.lower[i] in objects for i in window)

    def _aimed(
        self, tokens: _Tokens, after: int, stop: int, date_tokens: Mapping[int, int]
    ) -> bool:
        """Whether the clause aims the weapon at something ("fired rockets at the town")."""
        lower = tokens.lower
        for i in range(after, stop):
            if lower[i] not in self.lexicon.attack_words:
                continue
            following = i + 1
            while following < stop and lower[following] in ("the", "a", "an"):
                following += 1
            if following >= stop:
                continue
            if following in date_tokens or lower[following] in _WEEKDAYS_MONTHS:
                continue
            # "into the sea" is where a test shot lands, not a target
            return not self._test_words.found(lower, following, min(following + 3, stop))
        return False

    # ------------------------------------------------------------------ arguments

    def _actor(
        self,
        tokens: _Tokens,
        first: int,
        last: int,
        stop: int,
        left: int,
        inherits: bool,
        passive: bool,
        mentions: list[tuple[int, int, str]],
        quote: Quote | None,
        reporters: list[tuple[int, str]],
    ) -> str | None:
        start_offset = tokens.starts[first]
        if passive:
            for i in range(last, stop - 1):
                if tokens.lower[i] == "by":
                    following = tokens.starts[i + 1]
                    by_end = tokens.ends[min(i + 3, stop - 1)]
                    for j in _indexes_within(mentions, following, by_end):
                        m_start, _m_end, source_id = mentions[j]
                        if m_start >= following and m_start <= tokens.ends[min(i + 3, stop - 1)]:
                            return source_id
            return None
        low_offset = tokens.starts[left] if left < len(tokens) else start_offset
        if inherits:
            low_offset = tokens.starts[0]
            if quote is not None:
                low_offset = max(low_offset, quote.start)
        best: tuple[int, str] | None = None
        appositive = self._appositive_subject(tokens, first, mentions, low_offset)
        if appositive is not None:
            return appositive
        for m_start, m_end, source_id in _within(mentions, low_offset, start_offset):
            if m_end > start_offset or m_start < low_offset:
                continue
            if quote is not None and not (quote.start <= m_start < quote.end):
                continue
            if quote is None and self._in_quote_span(m_start, tokens, first):
                continue
            before = self._word_before(tokens, m_start)
            if (
                before in self._object_preps
                and not (
                    before == "for"
                    and first > 0
                    and tokens.lower[first - 1] == "to"
                    and tokens.ends[first - 2] == m_end
                )
                and not (before == "of" and self._group_of(tokens, m_start))
            ):
                # an object, except "for North Korea to negotiate" and the group in "thousands
                # of Kurds demonstrated"
                continue
            if best is None or m_start > best[0]:
                best = (m_start, source_id)
        if best is not None:
            return self._owner(tokens, best[0], mentions) or best[1]
        # "Iraq said it would allow ...": an unresolved pronoun after a reporting verb is the reporter
        for i in range(first - 1, max(left - 1, -1), -1):
            if tokens.lower[i] in ("it", "they", "he", "she", "we"):
                for index, source_id in reporters:
                    if i - 5 <= index < i:
                        return source_id
                if quote is not None and quote.kind == "indirect" and quote.source is not None:
                    return quote.source
                break
        # "Pyongyang denied supplying shells": the speaker of the reported clause acts
        if (
            inherits
            and quote is not None
            and quote.kind == "indirect"
            and quote.source
            and tokens.starts[max(first - 2, 0)] <= quote.start
        ):
            return quote.source
        if quote is not None and quote.source is not None:
            # "We will respond," the minister said: the speaker acts
            for i in range(first - 1, max(first - 6, -1), -1):
                if tokens.starts[i] < quote.start:
                    break
                if tokens.lower[i] in self._speaker_pronouns:
                    return quote.source
        return None

    def _owner(
        self, tokens: _Tokens, offset: int, mentions: list[tuple[int, int, str]]
    ) -> str | None:
        """The organization right before a bare group word at ``offset`` ("Hamas officials",
        "the Association (AKK) officials"): the group acts for it (``owned_groups``)."""
        i = tokens.index_at(offset)
        if i >= len(tokens) or tokens.lower[i] not in self._owned_groups or i == 0:
            return None
        j = i - 1
        if tokens.lower[j] == ")":
            while j > 0 and tokens.lower[j] != "(":
                j -= 1
            j -= 1
        if j < 0:
            return None
        end = tokens.ends[j]
        for _m_start, m_end, source_id in _within(mentions, tokens.starts[max(j - 8, 0)], end):
            if m_end == end:
                return source_id
        return None

    def _appositive_subject(
        self, tokens: _Tokens, first: int, mentions: list[tuple[int, int, str]], low_offset: int
    ) -> str | None:
        """The subject before an appositive: "Pakistan, a key U.S. ally, has refused"."""
        lower = tokens.lower
        # the appositive must close at most three words before the trigger ("..., has also refused")
        close = next((i for i in range(first - 1, max(first - 4, -1), -1) if lower[i] == ","), None)
        if close is None:
            return None
        if any(not tokens.is_word[i] for i in range(close + 1, first)):
            return None
        for open_ in range(close - 1, -1, -1):
            if lower[open_] == ",":
                break
            if not tokens.is_word[open_] and lower[open_] not in (".", "-", "'"):
                return None
        else:
            return None
        if open_ == 0 or tokens.starts[open_ - 1] < low_offset:
            return None
        end = tokens.ends[open_ - 1]
        for m_start, m_end, source_id in _within(mentions, tokens.starts[max(open_ - 12, 0)], end):
            if m_end == end and self._word_before(tokens, m_start) not in self._object_preps:
                return source_id
        return None

    @staticmethod
    def _in_quote_span(offset: int, tokens: _Tokens, first: int) -> bool:
        # a mention and a trigger separated by a quotation mark are in different voices
        for i in range(first - 1, -1, -1):
            if tokens.ends[i] <= offset:
                return False
            if tokens.lower[i] in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb"):
                return True
        return False

    def _group_of(self, tokens: _Tokens, offset: int) -> bool:
        """Whether the mention at ``offset`` follows "of" after a word that counts or heads a
        group of it ("thousands of Kurds", "supporters of the party"): the group acts."""
        i = tokens.index_at(offset)
        return i >= 2 and tokens.lower[i - 2] in self._group_heads

    @staticmethod
    def _word_before(tokens: _Tokens, offset: int) -> str:
        i = tokens.index_at(offset)
        return tokens.lower[i - 1] if i > 0 else ""

    def _weapons(
        self,
        tokens: _Tokens,
        cand: _Candidate,
        left: int,
        stop: int,
        weapons: list[tuple[int, int, str]],
        passive: bool,
    ) -> tuple[str, ...]:
        trigger_start = tokens.starts[cand.first]
        right_end = tokens.ends[stop - 1] if stop > 0 else trigger_start
        right_end = max(right_end, tokens.ends[cand.last - 1])
        inside = [w[2] for w in _within(weapons, trigger_start, right_end)]
        if inside and not passive:
            return tuple(dict.fromkeys(inside))
        low = tokens.starts[left if passive else max(left, cand.first - 3)]
        before = [w[2] for w in _within(weapons, low, trigger_start)]
        return tuple(dict.fromkeys([*before, *inside]))

    def _date(
        self,
        tokens: _Tokens,
        first: int,
        last: int,
        left: int,
        stop: int,
        dates: list[tuple[int, int, TimeExpression]],
        claims: list[set[int]],
        index: int,
    ) -> TimeExpression | None:
        """The clause's date, else the nearest one no other event's clause holds (see module)."""
        if not dates:
            return None
        right_low = tokens.starts[last] if last < len(tokens) else tokens.ends[-1]
        right_high = tokens.ends[stop - 1] if stop > last else right_low
        inside_right = _within(dates, right_low, right_high)
        if inside_right:
            return inside_right[0][2]
        trigger_start = tokens.starts[first]
        left_low = tokens.starts[left] if left < len(tokens) else trigger_start
        inside_left = _within(dates, left_low, trigger_start)
        if inside_left:
            return inside_left[-1][2]
        # else a date before the trigger or in a reporting clause ("..., KCNA said on Tuesday")
        low = tokens.starts[max(first - _MAX_SCOPE, 0)]
        high = tokens.ends[min(first + _MAX_SCOPE, len(tokens) - 1)]
        near_reporting = [
            (tokens.starts[max(i - 1, 0)], tokens.ends[min(i + 4, len(tokens) - 1)])
            for i in range(max(first - _MAX_SCOPE, 0), min(first + _MAX_SCOPE, len(tokens)))
            if tokens.reporting[i]
        ]
        low_index = bisect.bisect_left(dates, (low,))
        best: tuple[int, TimeExpression] | None = None
        for j in range(low_index, len(dates)):
            d_start, d_end, timex = dates[j]
            if d_start > high:
                break
            if claims[j] - {index}:
                continue
            if d_end > trigger_start and not any(
                r0 <= d_start and d_end <= r1 for r0, r1 in near_reporting
            ):
                continue
            distance = abs(d_start - trigger_start)
            if best is None or distance < best[0]:
                best = (distance, timex)
        return best[1] if best is not None else None

    @staticmethod
    def _location_of(
        text: str,
        tokens: _Tokens,
        first: int,
        left: int,
        stop: int,
        locations: list[tuple[int, int]],
    ) -> Mention | None:
        trigger_start = tokens.starts[first]
        high = tokens.ends[stop - 1] if stop > 0 else trigger_start
        right = _within(locations, trigger_start, high)
        if right:
            start, end = right[0]
            return Mention(text[start:end], start, end)
        low = tokens.starts[left] if left < len(tokens) else trigger_start
        before = _within(locations, low, trigger_start)
        if before:
            start, end = before[-1]
            return Mention(text[start:end], start, end)
        return None

    @staticmethod
    def _quote_of(quotes: list[Quote], start: int, end: int) -> Quote | None:
        best: Quote | None = None
        for quote in quotes:
            inside = quote.start <= start and end <= quote.end
            if inside and (best is None or quote.end - quote.start < best.end - best.start):
                best = quote
        return best

    def _reporters(
        self, tokens: _Tokens, mentions: list[tuple[int, int, str]]
    ) -> list[tuple[int, str]]:
        """(token index of the reporting word, source id) for each reporting clause."""
        found: list[tuple[int, str]] = []
        lower = tokens.lower
        for i, word in enumerate(lower):
            if not tokens.reporting[i]:
                continue
            if word == "according":
                if i + 1 < len(tokens) and lower[i + 1] == "to":
                    low = tokens.starts[min(i + 2, len(tokens) - 1)]
                    high = tokens.ends[min(i + 6, len(tokens) - 1)]
                    hits = _indexes_within(mentions, low, high)
                    if hits:
                        found.append((i, mentions[hits[0]][2]))
                continue
            # the reporter's mention ends at most three words before the verb ("KCNA has said")
            low = tokens.ends[max(i - 4, 0)]
            candidates = [
                (m_end, source_id)
                for _m_start, m_end, source_id in _within(
                    mentions, tokens.starts[max(i - 30, 0)], tokens.starts[i]
                )
                if low <= m_end
            ]
            if candidates:
                found.append((i, max(candidates)[1]))
            elif i + 1 < len(tokens):
                # inverted: ", said KCNA"
                following = _indexes_within(
                    mentions, tokens.starts[i + 1], tokens.ends[min(i + 2, len(tokens) - 1)]
                )
                if following:
                    found.append((i, mentions[following[0]][2]))
        return found

    def _attribution(
        self,
        quote: Quote | None,
        reporters: list[tuple[int, str]],
        tokens: _Tokens,
        first: int,
        mention_tokens: Mapping[int, int],
    ) -> str | None:
        if quote is not None:
            return quote.source or quote.relayed_by
        if not reporters:
            return None
        # the reporting clause nearest to the trigger
        return min(reporters, key=lambda r: abs(r[0] - first))[1]

    def _purpose_infinitive(self, tokens: _Tokens, first: int) -> bool:
        """Whether the trigger at ``first`` is a purpose infinitive: "sent a team to investigate",
        "used tear gas to disperse the crowd", "flew to Moscow to negotiate".

        The infinitive says why something was done, so PLOVER codes it as the event itself, not
        as an intention (AGREE) or a threat: only when no status cue governs it (those are
        matched first) and the word before "to" is no word of readiness or intention ("ready to
        negotiate", "an offer to mediate", "for North Korea to negotiate" stay intentions).
        """
        lower = tokens.lower
        if first < 2 or lower[first - 1] != "to" or not tokens.is_word[first - 2]:
            return False
        before = lower[first - 2]
        if before in self._intent_before_to or before in self._be:
            return False
        # "for the rebels to negotiate": the infinitive has its own subject
        return "for" not in lower[max(first - 6, 0) : first - 1]

    def _status(
        self,
        tokens: _Tokens,
        cand: _Candidate,
        stop: int,
        date: TimeExpression | None,
        published: _dt.date | None,
        previous: _Candidate | None = None,
    ) -> tuple[str, bool]:
        """The event's status, and whether it is a purpose infinitive (see
        :meth:`_purpose_infinitive`; then the modality rules leave its type alone)."""
        lower = tokens.lower
        floor = 0
        if previous is not None:
            # a cue before an earlier event belongs to it, unless that event governs this one
            # directly ("refused to deploy")
            floor = previous.first if cand.first - previous.last <= 2 else previous.last
        for i in range(cand.first - 1, max(cand.first - self._cue_window, 0) - 1, -1):
            word = lower[i]
            if word in (";", ":") or word in self._subordinators:
                floor = max(floor, i + 1)
                break
        # a modal before a new subject is that clause's: "the army can confirm it test-fired"
        # (a denial or an order governs the clause after it: "denied that it had built")
        modal_floor = floor
        for i in range(cand.first - 1, max(cand.first - self._cue_window, floor) - 1, -1):
            if lower[i] in _SUBJECT_PRONOUNS:
                modal_floor = i + 1
                break
        cues = tokens.cue_words
        for cue_status, before, after, window in self._status_cues:
            low = modal_floor if cue_status in ("planned", "expected") else floor
            if before.found(cues, max(low, cand.first - window), cand.first):
                return cue_status, False
            if after.found(cues, cand.last, stop):
                return cue_status, False
        status = cand.spec.status
        if status == "occurred" and cand.first > 0 and lower[cand.first - 1] == "to":
            # an infinitive is not (yet) an event: "for North Korea to negotiate"
            return "planned", self._purpose_infinitive(tokens, cand.first)
        if status == "occurred" and date is not None and published is not None:
            day = _parse_value(date.value)
            if day is not None and day > published:
                return "expected", False
        return status, False


@hookimpl
def reportedly_extractors(register: Any) -> None:
    """Register the built-in ``events`` step."""
    register(EventExtractor)
