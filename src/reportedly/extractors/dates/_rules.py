"""Loading the `dates` rules and word lists from ``reportedly/vocab/dates`` and compiling them.

The data is read and compiled once per process (:func:`builtin_rules` is cached); an extractor
only adds the patterns that plugins contribute through ``reportedly_date_patterns``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs
import regex

from reportedly.errors import ConfigError

__all__ = [
    "Lexicon",
    "Negative",
    "Prefix",
    "Rule",
    "RuleSet",
    "builtin_rules",
    "lexicon",
    "plugin_rules",
]

TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


@attrs.frozen
class Rule:
    """One compiled extraction rule: its name, pattern, TIMEX3 type and normalizer name."""

    name: str
    pattern: regex.Pattern[str]
    type: str
    norm: str
    value: str | None = None
    order: int = 0
    triggers: frozenset[str] = frozenset()
    #: a pattern that every match of ``pattern`` contains a match of: a window of text without
    #: one cannot hold a match, so the (slower) rule pattern is not run there
    requires: regex.Pattern[str] | None = None


@attrs.frozen
class Negative:
    """Spans that are never dates (phone numbers, prices): candidates overlapping one are dropped."""

    name: str
    pattern: regex.Pattern[str]
    #: as :attr:`Rule.requires`: a text without a match of it has no match of ``pattern``
    requires: regex.Pattern[str] | None = None


@attrs.frozen
class Prefix:
    """A modifier that joins the expression it precedes ("late Friday", "nearly two years")."""

    name: str
    pattern: regex.Pattern[str]
    types: frozenset[str]
    rules: frozenset[str]
    not_before: regex.Pattern[str] | None = None
    except_rules: frozenset[str] = frozenset()

    def applies_to(self, rule: Rule, kind: str, text: str) -> bool:
        """Whether this modifier may join a candidate of ``rule``/``kind`` reading ``text``."""
        if rule.name in self.except_rules:
            return False
        if kind not in self.types and rule.name not in self.rules:
            return False
        return self.not_before is None or self.not_before.match(text) is None


@attrs.frozen
class RuleSet:
    """The compiled contents of ``rules.toml``."""

    rules: tuple[Rule, ...]
    negatives: tuple[Negative, ...]
    prefixes: tuple[Prefix, ...]
    #: lower-cased word -> the trigger classes it belongs to ("digit" is every run of digits)
    trigger_words: Mapping[str, frozenset[str]]


@attrs.frozen
class Lexicon:
    """The word tables of ``lexicon.toml``, lower-cased, plus the compiled tense cues."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, float]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    seasons: Mapping[str, str]
    parts_of_day: Mapping[str, str]
    references: Mapping[str, str]
    sets: Mapping[str, str]
    holidays: Mapping[str, str]
    vague_numbers: frozenset[str]
    tense_cues: regex.Pattern[str]
    not_past: frozenset[str]
    #: words in front of a month or date that point it to the future ("by May", "until June")
    future_prepositions: frozenset[str] = frozenset()
    #: words in front of a month, date or weekday that point it to the past ("since January")
    past_prepositions: frozenset[str] = frozenset()
    #: nouns after "today's" that make it the generic present ("today's youth"), not a day
    generic_nouns: frozenset[str] = frozenset()


def _word_list(words: list[str]) -> str:
    """Tense cue words (case-insensitive, first listed wins, then a word boundary) as a trie.

    ``"plans? to"`` stands for ``"plans to"`` then ``"plan to"``; a list with any other
    pattern syntax is kept as the plain alternation.
    """
    expanded = [variant for word in words for variant in _optional_letters(word)]
    if all(regex.fullmatch(r"[a-z'’ ]+", word) for word in expanded):
        tokens = [[regex.escape(char) for char in word] for word in expanded]
        trie = _trie(tokens, str.lower, bounded=True)
        if trie is not None:
            return trie
    return "|".join(words)


def _optional_letters(word: str) -> list[str]:
    """``"plans? to"`` -> ``["plans to", "plan to"]``: the order in which the engine tries them."""
    m = regex.search(r"([a-z])\?", word)
    if m is None:
        return [word]
    with_letter = word[: m.start()] + m.group(1) + word[m.end() :]
    return _optional_letters(with_letter) + _optional_letters(word[: m.start()] + word[m.end() :])


def _read_toml(name: str) -> dict[str, Any]:
    raw = resources.files("reportedly.vocab").joinpath("dates", name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _phrase(key: str) -> str:
    """A lexicon key as a pattern: spaces match any whitespace, apostrophes either form."""
    parts = []
    for char in key:
        if char == " ":
            parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(regex.escape(char))
    return "".join(parts)


def _alternation(keys: Iterable[str]) -> str:
    """The keys (case-insensitive) as one alternation that prefers the longest, as a trie."""
    unique = sorted(set(keys), key=lambda k: (-len(k), k))
    trie = _trie([[_phrase(char) for char in key] for key in unique], str.lower)
    return trie if trie is not None else "|".join(_phrase(k) for k in unique)


_WORDLIKE = regex.compile(r"\\?[\w'’]")  # a token for one word character or apostrophe


class _Overlap(Exception):
    """Two branches of a trie node could match the same text: the trie would not be exact."""


def _trie(keys: list[list[str]], fold: Callable[[str], str], bounded: bool = False) -> str | None:
    r"""Token sequences ``keys`` (each token one character class) factored as a trie, or ``None``.

    ``a|ab|b`` tried in turn costs the engine a comparison per key at every position; the
    trie ``(?:ab?|b)`` costs one per distinct first character. Keys that match at the same
    position are prefixes of one another, and each node tries them in the order of ``keys``
    (stopping first or last), as the alternation does, so both find the same matches.
    ``fold`` maps a token to what it matches (``str.lower`` when case is ignored); ``None``
    when that cannot be kept: siblings that overlap, or a key ordered between its extensions.
    ``bounded``: the pattern goes on with ``(?![\w'’])``, so a key and an extension of it by a
    letter or apostrophe never both match and their order does not matter.
    """
    if not keys or any(not key for key in keys):
        return None
    try:
        return _trie_node(list(enumerate(keys)), fold, bounded)
    except _Overlap:
        return None


def _trie_node(keys: list[tuple[int, list[str]]], fold: Callable[[str], str], bounded: bool) -> str:
    ends = [index for index, key in keys if not key]
    children: dict[str, list[tuple[int, list[str]]]] = {}
    for index, key in keys:
        if key:
            children.setdefault(key[0], []).append((index, key[1:]))
    if not children:
        return ""
    if len({fold(token) for token in children}) != len(children):
        raise _Overlap
    branches = [token + _trie_node(rest, fold, bounded) for token, rest in children.items()]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if not ends:
        return body
    longer = [index for index, key in keys if key and not (bounded and _WORDLIKE.fullmatch(key[0]))]
    group = body if len(branches) > 1 else "(?:" + body + ")"
    if not longer or min(ends) > max(longer):
        return group + "?"  # the longer keys come first: try them first
    if min(ends) < min(longer):
        return group + "??"  # this key comes first: stop here first
    raise _Overlap


def _cased(names: Iterable[str]) -> str:
    """Title Case and UPPER CASE forms only (case-sensitive), longest first."""
    forms: set[str] = set()
    for name in names:
        forms.add(name.title())
        forms.add(name.upper())
    ordered = sorted(forms, key=lambda k: (-len(k), k))
    trie = _trie([list(form) for form in ordered], str) if all(map(str.isalpha, forms)) else None
    return "(?-i:" + (trie if trie is not None else "|".join(ordered)) + ")"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word tables, read once."""
    data = _read_toml("lexicon.toml")
    months = {**data["months"], **data["month_abbreviations"]}
    weekdays = {**data["weekdays"], **data["weekday_abbreviations"]}
    tense = data["tense"]
    cues = regex.compile(
        r"(?<![\w'’])(?:(?P<future>"
        + _word_list(tense["future"])
        + r")|(?P<past>"
        + _word_list(tense["past"])
        + r")|(?P<weak>[a-z]\w{2,}ed|"
        + _word_list(tense["irregular_past"])
        + r"))(?![\w'’])",
        regex.IGNORECASE,
    )
    return Lexicon(
        months=months,
        weekdays=weekdays,
        numbers={k: float(v) for k, v in data["numbers"].items()},
        ordinals=dict(data["ordinals"]),
        units=dict(data["units"]),
        seasons=dict(data["seasons"]),
        parts_of_day=dict(data["parts_of_day"]),
        references=dict(data["references"]),
        sets=dict(data["sets"]),
        holidays=dict(data["holidays"]),
        vague_numbers=frozenset(data["vague_numbers"]),
        tense_cues=cues,
        not_past=frozenset(tense["not_past"]),
        future_prepositions=frozenset(tense["future_prepositions"]),
        past_prepositions=frozenset(tense["past_prepositions"]),
        generic_nouns=frozenset(data["generic_present"]["nouns"]),
    )


def _macros(lex: Lexicon) -> dict[str, str]:
    data = _read_toml("lexicon.toml")
    full_months = list(data["months"])
    abbreviations = list(data["month_abbreviations"])
    # no word of a list is the start of another, so their tries keep the plain lists' matches
    small = _alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
    teens = _alternation(
        [
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
    tens = _alternation(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    basic = rf"(?:(?:{tens})(?:[-\s](?:{small}))?|{teens}|{small})"
    word_number = (
        rf"(?:(?:a\s+)?couple(?:\s+of)?|a\s+dozen|dozens?|half\s+an?|a\s+(?:hundred|thousand)"
        rf"|(?:{basic}|an?)(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{basic})?)?)"
    )
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    ordinal_words = _alternation(lex.ordinals)
    return {
        "MONTH": f"(?P<month>{_cased(full_months + abbreviations)})",
        "MONTH_NAME": f"(?P<month>{_cased(full_months)})",
        "WEEKDAY": f"(?P<weekday>{_cased(data['weekdays'])})",
        "WEEKDAY_ABBR": f"(?P<weekday>{_cased(data['weekday_abbreviations'])})",
        "DAY": (
            rf"(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
            rf"|(?:{ordinal_words})(?![\w-]))"
        ),
        "YEAR": r"(?P<year>1\d\d\d|20\d\d)(?!\d)",
        "WORDYEAR": _WORD_YEAR,
        "NUM": rf"(?P<num>{digits}|{word_number})",
        "VAGUE": f"(?P<vague>{_alternation(lex.vague_numbers)})",
        "UNIT": f"(?P<unit>{_alternation(lex.units)})",
        "ORD": rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal_words})",
        "SEASON": f"(?P<season>{_alternation(lex.seasons)})",
        "PART": f"(?P<part>{_alternation(lex.parts_of_day)})",
        "REF": f"(?P<ref>{_alternation(lex.references)})",
        "SETWORD": f"(?P<setword>{_alternation(lex.sets)})",
        "HOLIDAY": f"(?P<holiday>{_alternation(lex.holidays)})",
        "ZONE": (
            r"(?P<zone>(?-i:[ECMPA][SD]T|[ECMP]T|GMT|UTC|BST|CET|CEST|EET|MSK|KST|JST|IST|HKT|SGT)"
            r"|local\s+time)"
        ),
    }


# A year in words: "nineteen ninety-seven", "nineteen hundred and five", "two thousand one"
# (not "two thousand years"); group "wordyear".
_WORD_YEAR = (
    r"(?P<wordyear>(?:nineteen|eighteen|seventeen)(?:\s+hundred)?(?:\s+and)?(?:\s+(?:"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:oh\s+)?(?:one|two|three|four|five|six|seven|eight|nine)))"
    r"|two\s+thousand"
    r"(?!\s+(?:years|decades|centuries|people|dollars|troops|soldiers|miles|tons|of)\b)"
    r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?))?)"
)

_MACRO = regex.compile(r"\{([A-Z_]+)\}")


def _expand(pattern: str, macros: Mapping[str, str], where: str) -> str:
    def replace(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise ConfigError(f"{where}: unknown macro {{{name}}} (known: {', '.join(macros)})")
        return macros[name]

    return _MACRO.sub(replace, pattern)


def _compile(pattern: str, where: str, flags: int = regex.IGNORECASE) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, flags | regex.V0)
    except regex.error as error:
        raise ConfigError(f"{where}: bad regular expression: {error}") from None


@lru_cache(maxsize=1)
def builtin_rules() -> RuleSet:
    """The compiled rules and negative patterns of ``rules.toml``, read once per process."""
    lex = lexicon()
    macros = _macros(lex)
    data = _read_toml("rules.toml")
    rules = []
    for order, entry in enumerate(data["rule"]):
        where = f"vocab/dates/rules.toml rule {entry['name']!r}"
        pattern = _compile(_expand(entry["pattern"], macros, where), where)
        triggers = frozenset(entry.get("triggers", ()))
        unknown = triggers - TRIGGER_CLASSES
        if unknown:
            raise ConfigError(f"{where}: unknown trigger classes {sorted(unknown)}")
        requires = (
            _compile(_expand(entry["requires"], macros, where), where)
            if "requires" in entry
            else None
        )
        rules.append(
            Rule(
                entry["name"], pattern, entry["type"], entry["norm"], entry.get("value"), order,
                triggers, requires,
            )
        )  # fmt: skip
    negatives = tuple(
        Negative(
            entry["name"],
            _compile(_expand(entry["pattern"], macros, entry["name"]), entry["name"]),
            _compile(_expand(entry["requires"], macros, entry["name"]), entry["name"])
            if "requires" in entry
            else None,
        )
        for entry in data.get("negative", ())
    )
    prefixes = tuple(
        Prefix(
            entry["name"],
            _compile(f"(?:{_expand(entry['pattern'], macros, entry['name'])})\\Z", entry["name"]),
            frozenset(entry.get("types", ())),
            frozenset(entry.get("rules", ())),
            _compile(entry["not_before"], entry["name"]) if "not_before" in entry else None,
            frozenset(entry.get("except_rules", ())),
        )
        for entry in data.get("prefix", ())
    )
    return RuleSet(tuple(rules), negatives, prefixes, _trigger_words(lex))


TRIGGER_CLASSES = frozenset(
    {
        "digit", "small", "year", "fiscal", "month", "weekday", "unit", "quarter", "half",
        "season", "holiday", "part", "dayword", "setword", "every", "reference", "decade",
        "century", "yearword",
    }
)  # fmt: skip


_COMMON_WORDS = frozenset({"the", "a", "an", "as", "at", "of", "s", "day", "days", "year", "new"})


def _trigger_words(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Which trigger classes each word belongs to (multi-word entries by each of their words)."""
    classes: dict[str, set[str]] = {}

    def add(words: Iterable[str], name: str) -> None:
        for phrase in words:
            tokens = regex.findall(r"[^\W\d_]+", phrase.lower())
            # a rule only needs one word of each phrase it matches: leave out the common ones
            # ("the", "day") when the phrase has a rarer one, so the rule is tried less often
            distinctive = [t for t in tokens if t not in _COMMON_WORDS] or tokens[:1]
            for word in distinctive:
                classes.setdefault(word, set()).add(name)

    add(lex.months, "month")
    add(lex.weekdays, "weekday")
    add((f"{day}s" for day in lex.weekdays), "weekday")
    add(lex.units, "unit")
    add(("quarter", "quarters", "period"), "quarter")
    add(("half",), "half")
    add(lex.seasons, "season")
    add(lex.holidays, "holiday")
    add((*lex.parts_of_day, "noon", "midnight", "overnight", "tonight", "tonite", "m"), "part")
    add(("today", "tonight", "tonite", "yesterday", "tomorrow"), "dayword")
    add(lex.sets, "setword")
    add(("every", "each", "per", "once", "twice", "thrice", "times"), "every")
    add(lex.references, "reference")
    add(("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
         "nineties"), "decade")  # fmt: skip
    add(("fiscal", "fy", "calendar", "model", "tax", "school"), "fiscal")
    add(("century", "centuries"), "century")
    add(("seventeen", "eighteen", "nineteen", "thousand"), "yearword")
    return {word: frozenset(names) for word, names in classes.items()}


_VALUE = regex.compile(
    r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W\d\d|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T\d\d(?::\d\d)?)?|\d{1,3}|P[\dX.YMWDHSTQE]+|(?:PRESENT|PAST|FUTURE)_REF|T\d\d(?::\d\d)?"
)


def plugin_rules(entries: Iterable[Mapping[str, Any]], first_order: int) -> tuple[Rule, ...]:
    """Compile the ``reportedly_date_patterns`` entries; a malformed one is a ConfigError."""
    rules = []
    for index, entry in enumerate(entries):
        where = f"reportedly_date_patterns entry {index} ({dict(entry)!r})"
        pattern, kind, value = entry.get("pattern"), entry.get("type"), entry.get("value")
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(f"{where}: 'pattern' must be a non-empty regular expression")
        if kind not in TIMEX_TYPES:
            raise ConfigError(f"{where}: 'type' must be one of {', '.join(sorted(TIMEX_TYPES))}")
        if not isinstance(value, str) or not _VALUE.fullmatch(value):
            raise ConfigError(f"{where}: 'value' must be a TIMEX3 value such as 'XXXX-01-29'")
        compiled = _compile(pattern, where, 0)
        rules.append(Rule(f"plugin:{index}", compiled, kind, "fixed", value, first_order + index))
    return tuple(rules)
