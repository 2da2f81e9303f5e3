"""The trigger lexicon of the ``events`` step: data files read once, compiled into token tables.

Three layers, in increasing priority: verbs and verb-object patterns derived from the PETRARCH2
CAMEO dictionaries (``petrarch2_*.tsv``), the project's own triggers (``triggers.toml``), and the
entries of ``reportedly_event_triggers`` hooks (plugins override the built-in data).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.gazetteer import locations

__all__ = [
    "CAPABILITY_TYPES",
    "EVENT_TYPES",
    "PLOVER_TYPES",
    "Lexicon",
    "Slot",
    "StatusCue",
    "TriggerSpec",
    "inflect_verb",
    "irregular_pasts",
    "irregular_simple_pasts",
    "load_lexicon",
    "token_key",
]

#: PLOVER categories (as in the PLOVER README's CAMEO table), lower case.
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "agree", "consult", "support", "concede", "cooperate", "aid", "retreat", "investigate",
        "demand", "disapprove", "reject", "threaten", "sanction", "protest", "crime", "mobilize",
        "coerce", "assault",
    }
)  # fmt: skip
#: The capability events CAMEO, PLOVER and ACLED lack.
CAPABILITY_TYPES: frozenset[str] = frozenset(
    {
        "weapons_test", "weapons_production", "weapons_inspection", "weapons_development",
        "weapons_deployment", "weapons_transfer", "weapons_display", "military_exercise",
    }
)  # fmt: skip
#: Every type an event may have.
EVENT_TYPES: frozenset[str] = PLOVER_TYPES | CAPABILITY_TYPES
_STATUSES = frozenset({"occurred", "ordered", "planned", "expected", "denied", "reported"})
_KINDS = frozenset({"verb", "noun", "phrase"})

#: Priority of each layer: on overlapping matches the higher one wins, then the longer match.
PRIORITY_PETRARCH_VERB = 0
PRIORITY_PETRARCH_PATTERN = 1
PRIORITY_BUILTIN = 2
PRIORITY_PLUGIN = 3

GAP = "*"
#: How many words a "*" in a trigger may stand for.
MAX_GAP = 3


def token_key(token: str) -> str:
    """The form a word is compared by: lower case, a regular plural ``-s``/``-ies`` removed."""
    word = token.lower().replace("\u2019", "'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@attrs.frozen
class TriggerSpec:
    """One surface pattern of a trigger: lower-case words, ``"*"`` for a gap of 0-3 words."""

    words: tuple[str, ...]
    type: str
    status: str = "occurred"
    kind: str = "verb"
    #: "" (always), "weapon" (a weapon or military object in the clause), "force" (also troops)
    #: or "crowd" (a crowd word just before the trigger)
    needs: str = ""
    weapon_type: str | None = None
    attack_type: str | None = None
    crowd_type: str | None = None
    vessel_type: str | None = None
    recipient_type: str | None = None
    priority: int = PRIORITY_BUILTIN
    origin: str = "reportedly"


#: one slot of a verb-object pattern: its one-word alternatives and its longer ones (keys)
Slot = tuple[frozenset[str], tuple[tuple[str, ...], ...]]


@attrs.frozen
class PatternSpec:
    """A PETRARCH2 verb-object pattern: slots of alternative word sequences after the verb."""

    slots: tuple[Slot, ...]
    type: str
    cameo: str


@attrs.frozen
class StatusCue:
    """Cue phrases (word tuples) that give an event ``status``; see ``status.toml``."""

    status: str
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    window: int


@attrs.frozen
class Lexicon:
    """Everything the ``events`` step looks words up in, compiled once per pipeline."""

    #: first word (lower case) -> trigger patterns starting with it, best first
    triggers: Mapping[str, tuple[TriggerSpec, ...]]
    #: verb form (tuple of words) of PETRARCH2 blocks -> block names
    petrarch_forms: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    #: block name -> first object key -> patterns
    petrarch_patterns: Mapping[str, Mapping[str, tuple[PatternSpec, ...]]]
    status_cues: tuple[StatusCue, ...]
    object_words: frozenset[str]
    attack_words: frozenset[str]
    test_words: tuple[tuple[str, ...], ...]
    crowd_words: tuple[str, ...]
    force_words: frozenset[str]
    vessel_words: frozenset[str]
    #: (name, kind) of every location in the shared gazetteer (:mod:`reportedly.gazetteer`)
    places: tuple[tuple[str, str], ...]
    #: the lists of ``clauses.toml`` as read
    clauses: Mapping[str, Any]


# --------------------------------------------------------------------------- data files


def _read(name: str) -> str:
    return resources.files("reportedly.vocab").joinpath("events", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


@lru_cache(maxsize=1)
def _irregular() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for row in _tsv("irregular_verbs.tsv"):
        lemma, past, participle = row[0], row[1].split(), row[2].split()
        table[lemma] = tuple(dict.fromkeys([*past, *participle]))
    return table


_VOWELS = "aeiou"


def inflect_verb(lemma: str) -> tuple[str, ...]:
    """The lemma and its inflected forms: ``"test"`` -> test, tests, tested, testing.

    Irregular past forms come from ``irregular_verbs.tsv``; a final consonant after a single vowel
    is also doubled ("ban" -> banned), which may add a form English does not use (harmless: it
    never occurs in text).
    """
    word = lemma.lower()
    forms = [word]
    if word.endswith(("ee", "ye", "oe")):
        forms += [word + "s", word + "d", word + "ing"]
    elif word.endswith("e"):
        forms += [word + "s", word + "d", word[:-1] + "ing"]
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms += [word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    elif word.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms += [word + "es", word + "ed", word + "ing"]
    else:
        forms += [word + "s", word + "ed", word + "ing"]
        if (
            len(word) >= 3
            and word[-1] not in _VOWELS + "wxy"
            and word[-2] in _VOWELS
            and word[-3] not in _VOWELS
        ):
            forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    forms += _irregular().get(word, ())
    return tuple(dict.fromkeys(forms))


def irregular_pasts() -> tuple[tuple[str, ...], ...]:
    """The irregular past and participle forms of ``irregular_verbs.tsv``, one tuple per verb."""
    return tuple(_irregular().values())


@lru_cache(maxsize=1)
def irregular_simple_pasts() -> frozenset[str]:
    """Irregular past tense forms that are no participle or lemma ("took", "gave", not "found",
    "hidden"): a finite verb wherever they stand, never a premodifier ("hidden weapons")."""
    rows = _tsv("irregular_verbs.tsv")
    others = {form for row in rows for form in (row[0], *row[2].split())}
    return frozenset(form for row in rows for form in row[1].split() if form not in others)


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


_PARTICLES = frozenset(
    [
        "of",
        "to",
        "on",
        "with",
        "for",
        "at",
        "in",
        "out",
        "up",
        "down",
        "off",
        "over",
        "into",
        "from",
        "by",
        "as",
    ]
)


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("\u2019", "'").split())


def _surface_forms(trigger: str, kind: str) -> list[tuple[str, ...]]:
    words = _split(trigger)
    if not words:
        return []
    if kind == "verb":
        forms = [(form, *words[1:]) for form in inflect_verb(words[0])]
        if GAP in words and words[-1] not in _PARTICLES:
            # "conduct * drill" also matches "conducted two drills"
            forms += [(*form[:-1], _plural(form[-1])) for form in forms]
        return forms
    if kind == "noun" and words[-1] != GAP:
        return [words, (*words[:-1], _plural(words[-1]))]
    return [words]


@lru_cache(maxsize=1)
def _irregular_participles() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[2].split()) for row in _tsv("irregular_verbs.tsv")}


def _past_participles(lemma: str) -> tuple[str, ...]:
    """The past participle(s) of a verb: irregular ones from ``irregular_verbs.tsv``, else the
    regular "-ed" forms ("ban" -> banned, baned: the unused one never occurs in text)."""
    word = lemma.lower()
    irregular = _irregular_participles().get(word)
    if irregular:
        return irregular
    return tuple(form for form in inflect_verb(word)[1:] if form.endswith("ed"))


#: "be" forms and auxiliaries before a participle in a passive ("sanctions were imposed")
_PASSIVE_AUXILIARIES = (
    ("was",), ("were",), ("is",), ("are",), ("has", "been"), ("have", "been"), ("had", "been"),
    ("will", "be"), ("would", "be"), ("be",), ("been",),
)  # fmt: skip
#: words after the gap that are no object of their own ("ask * to", "put * on high alert")
_NO_OBJECT = frozenset(
    {"to", "on", "of", "for", "out", "in", "at", "with", "as", "from", "into", "against", "by"}
)


def _passive_surfaces(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The passive surfaces of a verb-object trigger: "impose * sanctions" also matches
    "sanctions were imposed", "break off * relations" also "relations have been broken off"."""
    if words.count(GAP) != 1 or len(words) < 3:
        return []
    gap = words.index(GAP)
    verb, obj = words[:gap], words[gap + 1 :]
    if not verb or not obj or obj[0] in _NO_OBJECT or obj[-1] in _NO_OBJECT:
        return []
    if not all(w.replace("-", "").isalpha() for w in (*verb, *obj)):
        return []
    objects = [obj, (*obj[:-1], _plural(obj[-1]))]
    return [
        (*o, *aux, participle, *verb[1:])
        for participle in _past_participles(verb[0])
        for o in dict.fromkeys(objects)
        for aux in _PASSIVE_AUXILIARIES
    ]


def _check_entry(entry: Mapping[str, Any], where: str) -> None:
    if not isinstance(entry.get("trigger"), str) or not entry["trigger"].strip():
        raise ConfigError(f"{where}: 'trigger' must be a non-empty string, got {entry!r}")
    if entry.get("type") not in EVENT_TYPES:
        raise ConfigError(
            f"{where}: type {entry.get('type')!r} of trigger {entry['trigger']!r} is not one of "
            f"{', '.join(sorted(EVENT_TYPES))}"
        )
    if entry.get("kind", "verb") not in _KINDS:
        raise ConfigError(f"{where}: kind {entry.get('kind')!r} is not verb, noun or phrase")
    if entry.get("needs", "") not in ("", "weapon", "force", "crowd"):
        raise ConfigError(
            f'{where}: needs {entry.get("needs")!r} is not "weapon", "force" or "crowd"'
        )
    if entry.get("status", "occurred") not in _STATUSES:
        raise ConfigError(
            f"{where}: status {entry.get('status')!r} is not one of {', '.join(sorted(_STATUSES))}"
        )
    forms = entry.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        raise ConfigError(f"{where}: 'forms' of {entry['trigger']!r} must be a list of strings")
    for key in ("weapon_type", "attack_type", "crowd_type", "vessel_type", "recipient_type"):
        if entry.get(key) is not None and entry[key] not in EVENT_TYPES:
            raise ConfigError(f"{where}: {key} {entry[key]!r} is not an event type")


def _specs(entry: Mapping[str, Any], priority: int, origin: str) -> list[TriggerSpec]:
    kind = entry.get("kind", "verb")
    surfaces = _surface_forms(entry["trigger"], kind)
    surfaces += [_split(form) for form in entry.get("forms", ())]
    passives = _passive_surfaces(_split(entry["trigger"])) if kind == "verb" else []
    return [
        TriggerSpec(
            words=words,
            type=entry["type"],
            status=entry.get("status", "occurred"),
            kind="phrase" if passive else kind,
            needs=entry.get("needs") or "",
            weapon_type=entry.get("weapon_type"),
            attack_type=entry.get("attack_type"),
            crowd_type=entry.get("crowd_type"),
            vessel_type=entry.get("vessel_type"),
            recipient_type=entry.get("recipient_type"),
            priority=priority,
            origin=origin,
        )
        for passive, group in ((False, surfaces), (True, passives))
        for words in dict.fromkeys(group)
        if words and words[0] != GAP and words[-1] != GAP
    ]


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    return tomllib.loads(_read("triggers.toml"))


def _builtin_entries() -> list[dict[str, Any]]:
    entries = []
    for group in _builtin_data().get("group", ()):
        forms = group.get("forms", [])
        for index, trigger in enumerate(group["triggers"]):
            entry = {k: v for k, v in group.items() if k not in ("triggers", "forms")}
            entry["trigger"] = trigger
            # a group's irregular forms are listed once, with its first trigger
            entry["forms"] = forms if index == 0 else []
            entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def _builtin_specs() -> tuple[TriggerSpec, ...]:
    specs: list[TriggerSpec] = []
    for entry in _builtin_entries():
        _check_entry(entry, "vocab/events/triggers.toml")
        specs.extend(_specs(entry, PRIORITY_BUILTIN, "reportedly"))
    return tuple(specs)


@lru_cache(maxsize=1)
def _petrarch() -> tuple[
    tuple[TriggerSpec, ...],
    dict[str, tuple[tuple[tuple[str, ...], str], ...]],
    dict[str, dict[str, tuple[PatternSpec, ...]]],
]:
    excluded = {w.lower() for w in _builtin_data().get("exclude", {}).get("words", ())}
    members: dict[str, set[tuple[str, ...]]] = {}
    for name, member in _tsv("petrarch2_synsets.tsv"):
        members.setdefault(name, set()).add(tuple(token_key(w) for w in member.split()))
    synsets: dict[str, Slot] = {
        name: (
            frozenset(m[0] for m in alternatives if len(m) == 1),
            tuple(sorted(m for m in alternatives if len(m) > 1)),
        )
        for name, alternatives in members.items()
    }
    specs: list[TriggerSpec] = []
    forms_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for block, lemma, irregular, _cameo, event_type in _tsv("petrarch2_verbs.tsv"):
        lemma_words = _split(lemma)
        forms = {(form, *lemma_words[1:]) for form in inflect_verb(lemma_words[0])}
        forms |= {_split(f) for f in irregular.split(" ") if f} if " " not in lemma else set()
        if " " in lemma and irregular:
            if "," in irregular:
                # "cracked down , cracks down": comma-separated forms of any length
                forms |= {_split(f) for f in irregular.split(",") if f.strip()}
            else:
                # multiword forms are listed whole: "met with meets with meeting with"
                tokens = irregular.split()
                size = len(lemma_words)
                forms |= {tuple(tokens[i : i + size]) for i in range(0, len(tokens), size)}
        for form in forms:
            if not form:
                continue
            forms_by_first.setdefault(form[0], []).append((form, block))
            if event_type and " ".join(form) not in excluded and lemma not in excluded:
                specs.append(
                    TriggerSpec(
                        form, event_type, priority=PRIORITY_PETRARCH_VERB, origin="petrarch2"
                    )
                )
    patterns: dict[str, dict[str, list[PatternSpec]]] = {}
    for block, obj, cameo, event_type in _tsv("petrarch2_patterns.tsv"):
        slots: list[Slot] = []
        for word in obj.split():
            if word.startswith("&"):
                slots.append(synsets.get(word, (frozenset(), ())))
            else:
                slots.append((frozenset({token_key(word)}), ()))
        if not slots or not all(singles or longer for singles, longer in slots):
            continue
        spec = PatternSpec(tuple(slots), event_type, cameo)
        singles, longer = slots[0]
        for first in singles | {alt[0] for alt in longer}:
            patterns.setdefault(block, {}).setdefault(first, []).append(spec)
    return (
        tuple(specs),
        {k: tuple(dict.fromkeys(v)) for k, v in forms_by_first.items()},
        {b: {k: tuple(v) for k, v in table.items()} for b, table in patterns.items()},
    )


@lru_cache(maxsize=1)
def _status_cues() -> tuple[StatusCue, ...]:
    data = tomllib.loads(_read("status.toml"))
    return tuple(
        StatusCue(
            status=cue["status"],
            before=tuple(_split(p) for p in cue.get("before", ())),
            after=tuple(_split(p) for p in cue.get("after", ())),
            window=int(cue.get("window", 6)),
        )
        for cue in data["cue"]
    )


@lru_cache(maxsize=1)
def _clauses() -> dict[str, Any]:
    return tomllib.loads(_read("clauses.toml"))


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, str], ...]:
    # the shared gazetteer (vocab/places.tsv) without its adjective rows: (name, kind)
    return tuple((place.name, place.kind) for place in locations())


def _sorted_table(specs: Iterable[TriggerSpec]) -> dict[str, tuple[TriggerSpec, ...]]:
    table: dict[str, list[TriggerSpec]] = {}
    for spec in specs:
        table.setdefault(spec.words[0], []).append(spec)
    return {
        first: tuple(sorted(items, key=lambda s: (-s.priority, -len(s.words))))
        for first, items in table.items()
    }


def load_lexicon(
    plugin_entries: Sequence[Mapping[str, Any]] = (), *, use_petrarch: bool = True
) -> Lexicon:
    """Compile the built-in data plus ``plugin_entries`` (hook shape) into a :class:`Lexicon`.

    Raises :class:`~reportedly.ConfigError` naming the entry when a plugin entry is malformed.
    """
    if not plugin_entries:
        return _builtin_lexicon(use_petrarch)
    return _compile_lexicon(plugin_entries, use_petrarch)


@lru_cache(maxsize=2)
def _builtin_lexicon(use_petrarch: bool) -> Lexicon:
    return _compile_lexicon((), use_petrarch)


def _compile_lexicon(plugin_entries: Sequence[Mapping[str, Any]], use_petrarch: bool) -> Lexicon:
    specs: list[TriggerSpec] = list(_builtin_specs())
    petrarch_specs, petrarch_forms, petrarch_patterns = _petrarch()
    if use_petrarch:
        specs.extend(petrarch_specs)
    for entry in plugin_entries:
        _check_entry(entry, "reportedly_event_triggers")
        specs.extend(_specs(entry, PRIORITY_PLUGIN, "plugin"))
    data = _builtin_data().get("exclude", {})
    return Lexicon(
        triggers=_sorted_table(specs),
        petrarch_forms=petrarch_forms if use_petrarch else {},
        petrarch_patterns=petrarch_patterns if use_petrarch else {},
        status_cues=_status_cues(),
        object_words=frozenset(w.lower() for w in data.get("object_words", ())),
        attack_words=frozenset(w.lower() for w in data.get("attack_words", ())),
        test_words=tuple(_split(w) for w in data.get("test_words", ())),
        crowd_words=tuple(w.lower() for w in data.get("crowd_words", ())),
        force_words=frozenset(w.lower() for w in data.get("force_words", ())),
        vessel_words=frozenset(w.lower() for w in data.get("vessel_words", ())),
        places=_places(),
        clauses=_clauses(),
    )
