"""The compiled vocabulary of the ``weapons`` step: taxonomy, designations, modifiers and rules.

Everything here is built once (the built-in data is cached per process) and then only read.
Lookups are token tries: a term of any length costs one dictionary lookup per token, so the
step stays fast with tens of thousands of terms.

Tokens are maximal runs of letters or of digits (``"F-35A"`` is ``F``, ``35``, ``A``); a phrase
is matched token by token, and the text between two tokens (the *gap*) must be of a kind the
phrase allows: a space or a hyphen inside a term ("anti-ship" = "anti ship"), the separator
written in the data inside a designation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.model import WEAPON_CLASSES

__all__ = [
    "END",
    "TOKEN",
    "Designation",
    "Lexicon",
    "Rule",
    "StrictContext",
    "Term",
    "TermKey",
    "build_lexicon",
    "builtin_entries",
    "gap_kind",
    "load_extra_terms",
    "plural_forms",
    "tokenize",
    "validate_term_entry",
]

#: A token: a maximal run of letters, or of digits.
TOKEN = re.compile(r"[^\W\d_]+|\d+")
#: The key under which a trie node keeps what ends there (never a token).
END = ""
#: The key under which a designation-trie node keeps the gap kinds allowed before it.
GAPS = "\x01"
#: The key under which a designation-trie node keeps the spellings of its token.
SPELLINGS = "\x02"

HYPHENS = frozenset("-\u2010\u2011\u2012\u2013")
_SPACES = frozenset(" \u00a0\u202f")


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of ``text``."""
    return [m.span() for m in TOKEN.finditer(text)]


def gap_kind(gap: str) -> str:
    """Classify the text between two tokens.

    ``"0"`` nothing, ``"-"`` a hyphen (possibly spaced: ``" - "``), ``" "`` one space,
    ``"/"``, ``"'"``, ``"&"``, ``"."`` (a full stop, possibly followed by a space), ``"?"``
    anything else (a comma, a line break, two words' worth of punctuation).
    """
    if not gap:
        return "0"
    if len(gap) == 1:
        char = gap
        if char in HYPHENS:
            return "-"
        if char in _SPACES:
            return " "
        if char == "/":
            return "/"
        if char in "'\u2019":
            return "'"
        if char == "&":
            return "&"
        if char == ".":
            return "."
        return "?"
    if len(gap) <= 3:
        core = gap.strip(" \u00a0")
        if len(core) == 1 and core in HYPHENS:
            return "-"
        if gap == ". " or gap == ".\u00a0":
            return "."
    return "?"


#: Gap kinds allowed between the tokens of a term.
TERM_GAPS = frozenset({" ", "-", "0", "/", "&", "'"})


# --------------------------------------------------------------------------- types


@attrs.frozen
class Term:
    """One taxonomy entry: the canonical ``term``, its class and its category path.

    ``generic`` marks words that name weapons in general ("weapons", "arms"); ``attack`` marks
    attack nouns ("strikes"), reported only when the step is asked to.
    """

    term: str
    weapon_class: str
    category: tuple[str, ...]
    generic: bool = False
    attack: bool = False


@attrs.frozen
class TermKey:
    """What a term-trie path ends in: the :class:`Term`, the alias it came from and how to check case.

    ``cased`` holds, per token, the spelling required in text (an acronym "SAM" must not match
    the name "Sam"), or ``None`` when any case will do. ``plural`` says the path is a plural form.
    """

    term: Term
    alias: str
    cased: tuple[str | None, ...]
    plural: bool = False


@attrs.frozen
class Designation:
    """A model name ("F-16", "Hwasong-18", "HMS Daring") and the taxonomy term it denotes.

    ``strict`` designations are also everyday words or names ("Patriot", "Javelin") and are
    only taken next to a weapon word. ``name`` is the canonical designation reported in output.
    """

    name: str
    term: Term
    strict: bool = False


@attrs.frozen
class Rule:
    """Context that turns a match of an ambiguous alias into a non-weapon ("think tank")."""

    not_after: tuple[tuple[str, ...], ...] = ()
    not_before: tuple[tuple[str, ...], ...] = ()
    lowercase: bool = False
    needs_determiner: bool = False
    needs_modifier: bool = False
    modifier_singular_only: bool = False
    military_context: bool = False

    def merged(self, other: Rule) -> Rule:
        """Both rules at once (several ``[[rule]]`` tables may name the same alias)."""
        return Rule(
            self.not_after + other.not_after,
            self.not_before + other.not_before,
            self.lowercase or other.lowercase,
            self.needs_determiner or other.needs_determiner,
            self.needs_modifier or other.needs_modifier,
            self.modifier_singular_only or other.modifier_singular_only,
            self.military_context or other.military_context,
        )


@attrs.frozen
class StrictContext:
    """What makes a strict name ("Tomahawk", "Reaper") a weapon without a weapon word after it.

    ``verbs`` is a reversed phrase trie of the verbs of use before it ("fired", "armed with");
    ``list_gap`` matches the text between two items of a list (", ", " and a "); ``services``
    holds armed services written before a name ("Navy", "Air Force"), lower case.
    """

    verbs: dict[str, Any]
    list_gap: re.Pattern[str]
    services: frozenset[str] = frozenset()


@attrs.define
class Lexicon:
    """The compiled vocabulary. Built by :func:`build_lexicon`; read-only afterwards."""

    terms: dict[str, Term]
    term_trie: dict[str, Any]
    designation_trie: dict[str, Any]
    designations: dict[str, Designation]
    families: dict[str, tuple[Term, int, int, str]]
    rules: dict[str, Rule]
    modifier_trie: dict[str, Any]
    number_words: dict[str, int]
    quantity_trie: dict[str, Any]
    determiners: frozenset[str]
    designation_heads: dict[str, str]
    aircraft_roles: dict[str, Any]
    ship_prefixes: frozenset[str]
    hull_prefixes: dict[str, Term]
    pennant_prefixes: dict[str, Term]
    civilian_markers: frozenset[str]
    designation_context: tuple[frozenset[str], frozenset[str]]
    ambiguous_ship_prefixes: frozenset[str]
    military_words: frozenset[str]
    strict_context: StrictContext
    start_tokens: frozenset[str]
    exact_starts: frozenset[str]
    exact_lower: dict[str, frozenset[str]]
    conflicts: list[str] = attrs.field(factory=list)

    @property
    def size(self) -> int:
        """How many terms the taxonomy holds."""
        return len(self.terms)


# --------------------------------------------------------------------------- data files


def _read_text(name: str) -> str:
    return resources.files("reportedly.vocab").joinpath("weapons", name).read_text(encoding="utf-8")


def _read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_read_text(name))


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in _read_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _split_names(cell: str) -> list[str]:
    return [name.strip() for name in cell.split("|") if name.strip()]


_ENTRY_KEYS = frozenset(
    {"term", "class", "category", "aliases", "plurals", "designations", "generic"}
)


def validate_term_entry(entry: object, origin: str) -> dict[str, Any]:
    """Check one entry in the ``reportedly_weapon_terms`` shape; return a clean copy.

    Raises :class:`~reportedly.ConfigError` naming ``origin`` and the entry when it is malformed.
    """

    def fail(message: str) -> ConfigError:
        return ConfigError(f"{origin}: weapon term {entry!r}: {message}")

    if not isinstance(entry, Mapping):
        raise fail("must be a dict")
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_ENTRY_KEYS))})")
    term = entry.get("term")
    if not isinstance(term, str) or not term.strip():
        raise fail("'term' must be a non-empty str")
    weapon_class = entry.get("class")
    if weapon_class not in WEAPON_CLASSES:
        raise fail(f"'class' must be one of {sorted(WEAPON_CLASSES)}, not {weapon_class!r}")
    category = entry.get("category")
    if (
        not isinstance(category, (list, tuple))
        or not category
        or not all(isinstance(c, str) and c.strip() for c in category)
    ):
        raise fail("'category' must be a non-empty list of str")
    if category[0] != weapon_class:
        raise fail(f"'category' must start with the class {weapon_class!r}, not {category[0]!r}")
    clean: dict[str, Any] = {
        "term": term.strip(),
        "class": weapon_class,
        "category": tuple(c.strip() for c in category),
        "generic": False,
    }
    for key in ("aliases", "plurals", "designations"):
        value = entry.get(key, [])
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise fail(f"'{key}' must be a list of str")
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"'{key}' must be a list of non-empty str")
        clean[key] = [v.strip() for v in value]
    generic = entry.get("generic", False)
    if not isinstance(generic, bool):
        raise fail("'generic' must be true or false")
    clean["generic"] = generic
    return clean


def load_extra_terms(path: str | Path) -> list[dict[str, Any]]:
    """Read a TOML file of extra terms: an array of tables ``[[terms]]`` in the hook's shape."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"weapons: extra_terms file {str(path)!r} does not exist") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"weapons: cannot read extra_terms file {str(path)!r}: {error}") from None
    terms = data.get("terms")
    if not isinstance(terms, list):
        raise ConfigError(
            f"weapons: extra_terms file {str(path)!r} must hold an array of tables [[terms]]"
        )
    return [validate_term_entry(entry, f"extra_terms {path.name}") for entry in terms]


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[tuple[dict[str, Any], ...], frozenset[str], frozenset[str]]:
    """The shipped taxonomy as hook-shaped entries, plus the uncountable words and attack terms."""
    data = _read_toml("taxonomy.toml")
    entries: list[dict[str, Any]] = []
    attack_terms: set[str] = set()
    for block in data["category"]:
        path = list(block["path"])
        for item in block["terms"]:
            entry = validate_term_entry(
                {"class": path[0], "category": path, **item}, "vocab/weapons/taxonomy.toml"
            )
            entries.append(entry)
            if block.get("attack", False):
                attack_terms.add(entry["term"])
    return tuple(entries), frozenset(data.get("uncountable", ())), frozenset(attack_terms)


# --------------------------------------------------------------------------- inflection


def plural_forms(phrase: str, uncountable: frozenset[str] = frozenset()) -> list[str]:
    """Regular plurals of a phrase, inflecting its last word ("rocket launcher" -> "...launchers").

    Acronyms take "s" ("IED" -> "IEDs"); words in ``uncountable`` ("aircraft") take none.
    """
    spans = tokenize(phrase)
    if not spans:
        return []
    start, end = spans[-1]
    word = phrase[start:end]
    if word.lower() in uncountable or word.isdigit():
        return []
    head, tail = phrase[:start], phrase[end:]
    if word.isupper() and len(word) > 1:
        forms = [word + "s"]
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms = [word + "es"]
    elif word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        forms = [word[:-1] + "ies"]
    elif word.endswith("o"):
        forms = [word + "s", word + "es"]
    elif word.endswith("man") and len(word) > 3:
        forms = [word[:-3] + "men"]
    else:
        forms = [word + "s"]
    return [head + form + tail for form in forms]


# --------------------------------------------------------------------------- tries


def _phrase_tokens(phrase: str) -> tuple[list[str], list[str]]:
    """The tokens of ``phrase`` and the gaps between them (``len(gaps) == len(tokens) - 1``)."""
    spans = tokenize(phrase)
    tokens = [phrase[s:e] for s, e in spans]
    gaps = [phrase[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    return tokens, gaps


def _variants(phrase: str) -> Iterator[str]:
    """The phrase, and (when it has hyphens) the phrase written solid ("anti-ship" -> "antiship")."""
    yield phrase
    if "-" in phrase:
        solid = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", "", phrase)
        if solid != phrase:
            yield solid


def _insert(trie: dict[str, Any], tokens: Sequence[str], value: Any) -> None:
    node = trie
    for token in tokens:
        node = node.setdefault(token, {})
    node.setdefault(END, []).append(value)


def _cased(tokens: Sequence[str]) -> tuple[str | None, ...]:
    """Per token, the spelling required in text: acronyms and names keep their case."""
    return tuple(t if any(c.isupper() for c in t) else None for t in tokens)


def _gap_kinds_allowed(data_gap: str, previous_token: str) -> frozenset[str]:
    kind = gap_kind(data_gap)
    if kind == "0":
        return frozenset({"0", "-"})
    if kind == "-":
        # "U-2", "B-2": a one-letter prefix needs its hyphen ("U2" is a band, "B2" a vitamin)
        if len(previous_token) == 1 and previous_token.isalpha():
            return frozenset({"-"})
        return frozenset({"-", "0"})
    if kind == " ":
        return frozenset({" ", "-"})
    return frozenset({kind})


def _insert_designation(
    trie: dict[str, Any], phrase: str, value: Designation, plural: bool = False
) -> None:
    tokens, gaps = _phrase_tokens(phrase)
    if not tokens:
        return
    node = trie
    for index, token in enumerate(tokens):
        child = node.setdefault(token.lower(), {})
        child.setdefault(SPELLINGS, set()).add(token)
        if index > 0:
            allowed = _gap_kinds_allowed(gaps[index - 1], tokens[index - 1])
            child[GAPS] = child.get(GAPS, frozenset()) | allowed
        node = child
    node.setdefault(END, []).append((value, plural))


def spelling_ok(required: str, written: str) -> bool:
    """Whether ``written`` is an acceptable spelling of the designation token ``required``.

    Digits must be equal. Short letter parts ("F", "Su", "MiG") keep a capital initial
    ("SU-57" and "Mig-29" are fine, "su-57" is not); acronyms of four letters or more may be
    written capitalised ("Himars"); longer names match in any case but keep a capital initial.
    """
    if required == written:
        return True
    if required.isdigit() or written.lower() != required.lower():
        return False
    if not required[0].isupper():
        return True
    if not written[0].isupper():
        return False
    if len(required) <= 3:
        return True
    if required.isupper():
        return written.isupper() or written == required.capitalize()
    return True


# --------------------------------------------------------------------------- building


def _term_of(terms: Mapping[str, Term], name: str, origin: str) -> Term:
    term = terms.get(name)
    if term is None:
        raise ConfigError(f"{origin}: {name!r} is not a term of the taxonomy")
    return term


def _reversed_phrase_trie(
    phrases: Iterable[tuple[str, Any]], trie: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A trie of phrases keyed by their tokens, lower case, LAST token first (to match leftwards)."""
    trie = {} if trie is None else trie
    for phrase, value in phrases:
        for variant in _variants(phrase):
            tokens, _ = _phrase_tokens(variant)
            if tokens:
                _insert(trie, [t.lower() for t in reversed(tokens)], (phrase, value))
    return trie


def build_lexicon(extra_entries: Iterable[Mapping[str, Any]] = ()) -> Lexicon:
    """Compile the shipped vocabulary plus ``extra_entries`` (hook-shaped dicts, already valid).

    An extra entry whose ``term`` the taxonomy already has replaces it.
    """
    entries, uncountable, attack_terms = builtin_entries()
    by_term: dict[str, dict[str, Any]] = {entry["term"]: entry for entry in entries}
    conflicts: list[str] = []
    if len(by_term) != len(entries):
        seen: set[str] = set()
        for entry in entries:
            if entry["term"] in seen:
                conflicts.append(f"term {entry['term']!r} is listed twice")
            seen.add(entry["term"])
    plugin_terms: set[str] = set()
    for extra in extra_entries:
        by_term[str(extra["term"])] = dict(extra)
        plugin_terms.add(str(extra["term"]))

    terms: dict[str, Term] = {}
    term_trie: dict[str, Any] = {}
    owner: dict[tuple[str, ...], str] = {}
    extra_designations: list[tuple[str, Term]] = []
    for name, entry in by_term.items():
        term = Term(
            name,
            entry["class"],
            tuple(entry["category"]),
            bool(entry.get("generic", False)),
            name in attack_terms and name not in plugin_terms,
        )
        terms[name] = term
        singulars = [name, *entry.get("aliases", ())]
        forms: list[tuple[str, str, bool]] = []
        for alias in singulars:
            forms.append((alias, alias, False))
            forms.extend((plural, alias, True) for plural in plural_forms(alias, uncountable))
        forms.extend((plural, name, True) for plural in entry.get("plurals", ()))
        for form, alias, plural in forms:
            for variant in _variants(form):
                tokens, _ = _phrase_tokens(variant)
                if not tokens:
                    continue
                key = tuple(t.lower() for t in tokens)
                previous = owner.get(key)
                if previous is not None and previous != name:
                    if name in plugin_terms and previous not in plugin_terms:
                        _drop(term_trie, key)
                    elif previous in plugin_terms and name not in plugin_terms:
                        continue
                    else:
                        conflicts.append(f"{variant!r} names both {previous!r} and {name!r}")
                        continue
                elif previous == name:
                    node = _find(term_trie, key)
                    if node is not None and any(
                        k.cased == _cased(tokens) for k in node.get(END, ())
                    ):
                        continue
                owner[key] = name
                _insert(term_trie, key, TermKey(term, alias.lower(), _cased(tokens), plural))
        extra_designations.extend((d, term) for d in entry.get("designations", ()))

    designation_trie: dict[str, Any] = {}
    designations: dict[str, Designation] = {}
    for row in _read_tsv("designations.tsv"):
        name, term_name = row[0], row[1]
        names = _split_names(row[2]) if len(row) > 2 else []
        strict = len(row) > 3 and row[3] == "strict"
        term = _term_of(terms, term_name, "vocab/weapons/designations.tsv")
        for spelling in (name, *names):
            # only names that are words ("Patriot", "Raptor") need context; "F-22" never does
            designation = Designation(name, term, strict and not any(c.isdigit() for c in spelling))
            lookup = " ".join(t.lower() for t in _phrase_tokens(spelling)[0])
            if lookup in designations and designations[lookup].name != name:
                conflicts.append(
                    f"designation {spelling!r} names both {designations[lookup].name!r} and {name!r}"
                )
                continue
            designations[lookup] = designation
            _insert_designation(designation_trie, spelling, designation)
            if not spelling[-1].isdigit() and not spelling.endswith("-class"):
                for plural_spelling in plural_forms(spelling):
                    _insert_designation(designation_trie, plural_spelling, designation, plural=True)
    for spelling, term in extra_designations:
        designation = Designation(spelling, term)
        designations[" ".join(t.lower() for t in _phrase_tokens(spelling)[0])] = designation
        _insert_designation(designation_trie, spelling, designation)

    families: dict[str, tuple[Term, int, int, str]] = {}
    for row in _read_tsv("families.tsv"):
        prefix, term_name, low, high = row[0], row[1], int(row[2]), int(row[3])
        term = _term_of(terms, term_name, "vocab/weapons/families.tsv")
        families[prefix.lower()] = (term, low, high, prefix)

    rules: dict[str, Rule] = {}
    for raw in _read_toml("rules.toml")["rule"]:

        def phrases(key: str, raw: Mapping[str, Any] = raw) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(t.lower() for t in _phrase_tokens(p)[0]) for p in raw.get(key, ()))

        rule = Rule(
            phrases("not_after"),
            phrases("not_before"),
            bool(raw.get("lowercase", False)),
            bool(raw.get("needs_determiner", False)),
            bool(raw.get("needs_modifier", False)),
            raw.get("needs_modifier") == "singular",
            bool(raw.get("military_context", False)),
        )
        for alias in raw["aliases"]:
            key = alias.lower()
            rules[key] = rules[key].merged(rule) if key in rules else rule

    modifiers = _read_toml("modifiers.toml")
    modifier_phrases: list[tuple[str, Any]] = []
    for phrase, attributes in modifiers["attributes"].items():
        modifier_phrases.append((phrase, ("attributes", dict(attributes))))
    modifier_phrases.append((modifiers["nuclear"]["word"], ("nuclear", None)))
    for phrase in modifiers["kept"]["words"]:
        modifier_phrases.append((phrase, ("kept", None)))
    suffixes = modifiers["origin"]["suffixes"]
    for adjective, country in modifiers["origins"].items():
        modifier_phrases.append((adjective, ("origin", country)))
        for suffix in suffixes:
            modifier_phrases.append((f"{adjective}-{suffix}", ("origin", country)))
        for suffix in ("led", "backed", "operated", "flown", "controlled"):
            modifier_phrases.append((f"{adjective}-{suffix}", ("operator", country)))
    for name, country in modifiers.get("operators", {}).items():
        modifier_phrases.append((name, ("operator", country)))
    modifier_trie = _reversed_phrase_trie(modifier_phrases)

    number_words = {k: int(v) for k, v in modifiers["numbers"].items() if " " not in k}
    quantity_phrases: list[tuple[str, Any]] = [
        (k, int(v)) for k, v in modifiers["numbers"].items() if " " in k
    ]
    quantity_phrases.extend(modifiers["vague_quantities"].items())
    quantity_trie = _reversed_phrase_trie(quantity_phrases)

    heads: dict[str, str] = {}
    for word in modifiers["designation_heads"]["words"]:
        heads[word] = word
        for plural_word in plural_forms(word):
            heads[plural_word.lower()] = word
    roles: dict[str, Any] = {}
    for role in modifiers["aircraft_roles"]["words"]:
        for variant in _variants(role):
            _insert(roles, [t.lower() for t in _phrase_tokens(variant)[0]], role)
    warship = _term_of(terms, "warship", "vocab/weapons/modifiers.toml")
    hulls = {
        prefix: _term_of(terms, name, "vocab/weapons/modifiers.toml")
        for prefix, name in modifiers["hull_prefixes"].items()
    }
    pennants = {
        prefix: _term_of(terms, name, "vocab/weapons/modifiers.toml")
        for prefix, name in modifiers["pennant_prefixes"].items()
    }
    del warship
    ship_prefixes = frozenset(modifiers["ship_prefixes"]["words"])
    civilian = frozenset(w.lower() for w in modifiers["civilian_markers"]["words"])

    strict = modifiers["strict_context"]
    listed_words = sorted(
        {*modifiers["determiners"]["words"], *number_words, *strict["list_words"]},
        key=len,
        reverse=True,
    )
    strict_context = StrictContext(
        verbs=_reversed_phrase_trie((verb, verb) for verb in strict["verbs"]),
        list_gap=re.compile(
            r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)(?:(?:"
            + "|".join(re.escape(w) for w in listed_words)
            + r")\s+)?",
            re.IGNORECASE,
        ),
        services=frozenset(word.lower() for word in strict["services"]),
    )

    # Tokens that may start a match in any case, and spellings that may start one as written
    # (acronyms, designation prefixes: "AT" starts "AT4" but "at" starts nothing).
    start_tokens: set[str] = set()
    exact_starts: set[str] = set(ship_prefixes) | set(hulls) | set(pennants)
    for first, node in term_trie.items():
        term_keys = _all_keys(node)
        if any(term_key.cased[0] is None for term_key in term_keys):
            start_tokens.add(first)
        for term_key in term_keys:
            first_spelling = term_key.cased[0]
            if first_spelling is not None:
                exact_starts.update(_spellings(first_spelling))
    for node in designation_trie.values():
        for spelling in node[SPELLINGS]:
            exact_starts.update(_spellings(spelling))
    for _, _, _, prefix in families.values():
        exact_starts.update(_spellings(prefix))
    return Lexicon(
        terms=terms,
        term_trie=term_trie,
        designation_trie=designation_trie,
        designations=designations,
        families=families,
        rules=rules,
        modifier_trie=modifier_trie,
        number_words=number_words,
        quantity_trie=quantity_trie,
        determiners=frozenset(modifiers["determiners"]["words"]),
        designation_heads=heads,
        aircraft_roles=roles,
        ship_prefixes=ship_prefixes,
        hull_prefixes=hulls,
        pennant_prefixes=pennants,
        civilian_markers=civilian,
        designation_context=(
            frozenset(modifiers["designation_context"]["not_after"]),
            frozenset(modifiers["designation_context"]["not_before"]),
        ),
        ambiguous_ship_prefixes=frozenset(modifiers["ambiguous_ship_prefixes"]["words"]),
        military_words=frozenset(modifiers["military_context"]["words"]),
        strict_context=strict_context,
        start_tokens=frozenset(start_tokens),
        exact_starts=frozenset(exact_starts),
        exact_lower=_followers(exact_starts, term_trie, designation_trie, families, ship_prefixes),
        conflicts=conflicts,
    )


def _followers(
    exact_starts: Iterable[str],
    term_trie: dict[str, Any],
    designation_trie: dict[str, Any],
    families: Mapping[str, Any],
    ship_prefixes: Iterable[str],
) -> dict[str, frozenset[str]]:
    """For each case-checked start (lower case), the lower-case tokens that may follow it.

    ``"#"`` stands for any number and ``"*"`` for anything (the start can be a whole match, or
    starts a ship name). The scanner looks at the spelling of such a token only when what follows
    fits, so common words ("a", "at", "as") cost one set lookup.
    """
    followers: dict[str, set[str]] = {}
    for spelling in exact_starts:
        lower = spelling.lower()
        found = followers.setdefault(lower, set())
        for trie in (term_trie, designation_trie):
            node = trie.get(lower)
            if node is None:
                continue
            if END in node:
                found.add("*")
            for token in node:
                if token in (END, GAPS, SPELLINGS):
                    continue
                found.add("#" if token.isdigit() else token)
        if lower in families:
            found.add("#")
        if lower not in term_trie and lower not in designation_trie and lower not in families:
            found.update({"#", "*"})
    for prefix in ship_prefixes:
        followers.setdefault(prefix.lower(), set()).add("*")
    return {lower: frozenset(tokens) for lower, tokens in followers.items()}


def _all_keys(node: dict[str, Any]) -> list[TermKey]:
    """Every TermKey at or below ``node``."""
    found: list[TermKey] = list(node.get(END, ()))
    for token, child in node.items():
        if token != END:
            found.extend(_all_keys(child))
    return found


def _spellings(token: str) -> set[str]:
    """How a case-checked first token may be written: as is, plural, capitalised, in capitals."""
    return {token, token + "s", token.upper(), token.capitalize(), token[:1].upper() + token[1:]}


def _find(trie: dict[str, Any], key: Sequence[str]) -> dict[str, Any] | None:
    node: dict[str, Any] | None = trie
    for token in key:
        if node is None:
            return None
        node = node.get(token)
    return node


def _drop(trie: dict[str, Any], key: Sequence[str]) -> None:
    node = _find(trie, key)
    if node is not None:
        node.pop(END, None)


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The lexicon of the shipped data alone (cached: built once per process)."""
    return build_lexicon()
