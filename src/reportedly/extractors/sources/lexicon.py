"""The ``sources`` lexicon: the data files of ``vocab/sources`` and the vocabulary hooks, merged.

Everything here is loaded once per :class:`Lexicon` (built when the step is built); the step
itself only looks things up in the sets and dicts below.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs
import regex

from reportedly.errors import ConfigError
from reportedly.gazetteer import Place
from reportedly.gazetteer import places as gazetteer_places

__all__ = ["PRONOUN_TRIGGERS", "Lexicon", "PhraseTable", "inflections", "load_lexicon", "plural"]

#: The roles a ``reportedly_source_descriptors`` entry may have.
DESCRIPTOR_ROLES = frozenset(
    {
        "title",
        "descriptor",
        "organization",
        "organization_suffix",
        "media",
        "government",
        "group",
        "anonymous",
        "equipment",
    }
)
_GENDERS = frozenset({"male", "female"})
#: Pronouns the scan stops at: subjects, possessives, first person and "which".
PRONOUN_TRIGGERS = frozenset(
    {"he", "she", "they", "it", "who", "his", "her", "their", "its", "i", "we", "which"}
)


class PhraseTable:
    """Lower-cased word sequences (one or more words) mapped to a value, looked up by token index.

    ``match_at(words, i)`` finds the longest phrase starting at ``words[i]``; ``match_ending(words,
    j)`` the longest one ending at ``words[j]``. Both return ``(length, value)`` or ``None``.
    """

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], Any] = {}
        self.longest = 0
        #: first (last) word of the phrases -> the lengths of the phrases it starts (ends), longest
        #: first: a word not in here starts (ends) no phrase, which callers test before calling
        #: (a dict lookup is cheaper than a call), and a lookup tries only lengths that exist
        self.firsts: dict[str, tuple[int, ...]] = {}
        self.lasts: dict[str, tuple[int, ...]] = {}
        self.singles: dict[str, Any] = {}  # one-word phrases, for fast lookups

    def add(self, phrase: str, value: Any = True) -> None:
        """Add ``phrase`` (split on spaces, lower-cased); a later value for it wins."""
        key = tuple(phrase.lower().split())
        if key:
            self._phrases[key] = value
            size = len(key)
            self.longest = max(self.longest, size)
            for table, word in ((self.firsts, key[0]), (self.lasts, key[-1])):
                lengths = table.get(word, ())
                if size not in lengths:
                    table[word] = tuple(sorted((*lengths, size), reverse=True))
            if size == 1:
                self.singles[key[0]] = value

    def __contains__(self, phrase: object) -> bool:
        if isinstance(phrase, str):
            if " " not in phrase:
                return phrase.lower() in self.singles
            return tuple(phrase.lower().split()) in self._phrases
        return phrase in self._phrases

    def get(self, phrase: str, default: Any = None) -> Any:
        """The value of ``phrase`` or ``default``."""
        if " " not in phrase:
            return self.singles.get(phrase.lower(), default)
        return self._phrases.get(tuple(phrase.lower().split()), default)

    def match_at(self, words: list[str], i: int) -> tuple[int, Any] | None:
        """The longest phrase that starts at ``words[i]`` (``words`` lower-cased)."""
        lengths = self.firsts.get(words[i])
        if lengths is None:
            return None
        phrases = self._phrases
        room = len(words) - i
        for n in lengths:
            if n <= room:
                key = tuple(words[i : i + n])
                if key in phrases:
                    return n, phrases[key]
        return None

    def match_ending(self, words: list[str], j: int) -> tuple[int, Any] | None:
        """The longest phrase that ends at ``words[j]`` (``words`` lower-cased)."""
        lengths = self.lasts.get(words[j])
        if lengths is None:
            return None
        phrases = self._phrases
        for n in lengths:
            if n <= j + 1:
                key = tuple(words[j - n + 1 : j + 1])
                if key in phrases:
                    return n, phrases[key]
        return None

    def phrases(self) -> Iterable[tuple[str, ...]]:
        """Every phrase, as a tuple of words."""
        return self._phrases.keys()


def inflections(lemma: str) -> set[str]:
    """The regular inflections of an English verb (over-generating is harmless for lookups)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (
        len(lemma) >= 3
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def plural(noun: str) -> str:
    """The regular plural of a (lower-case) English noun."""
    if noun.endswith(("man", "woman")):
        return noun[:-3] + "men"
    if noun.endswith("person"):
        return noun[:-6] + "people"
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@attrs.define
class Lexicon:
    """Every word list the ``sources`` step uses, lower-cased unless said otherwise."""

    titles: PhraseTable = attrs.Factory(PhraseTable)  # value: gender or None
    honorifics: set[str] = attrs.Factory(set)
    descriptors: PhraseTable = attrs.Factory(PhraseTable)  # singular; value: gender or None
    groups: PhraseTable = attrs.Factory(PhraseTable)  # plural heads; value: True
    anonymous: set[str] = attrs.Factory(set)
    cue_only_groups: set[str] = attrs.Factory(set)  # "percent", "some": sources only with a cue
    organization_suffixes: set[str] = attrs.Factory(set)
    #: surface form (case-sensitive, without a leading "the") -> (kind, canonical name)
    named: dict[str, tuple[str, str]] = attrs.Factory(dict)
    named_words: PhraseTable = attrs.Factory(PhraseTable)  # lower-cased keys of ``named``
    media_common: PhraseTable = attrs.Factory(PhraseTable)
    media_heads: set[str] = attrs.Factory(set)
    government_heads: set[str] = attrs.Factory(set)
    place_suffixes: set[str] = attrs.Factory(set)  # "County", "Square": the run is a place
    documents: set[str] = attrs.Factory(set)
    #: place name (case-sensitive) -> (type, government name or "")
    places: dict[str, tuple[str, str]] = attrs.Factory(dict)
    place_words: PhraseTable = attrs.Factory(PhraseTable)
    demonyms: set[str] = attrs.Factory(set)  # case-sensitive
    given_names: dict[str, str | None] = attrs.Factory(dict)  # case-sensitive -> gender
    cue_verbs: set[str] = attrs.Factory(set)  # inflected forms
    cue_nouns: set[str] = attrs.Factory(set)
    between: set[str] = attrs.Factory(set)
    relay_verbs: set[str] = attrs.Factory(set)
    according: PhraseTable = attrs.Factory(PhraseTable)
    pronouns: dict[str, tuple[str | None, frozenset[str]]] = attrs.Factory(dict)
    not_names: set[str] = attrs.Factory(set)
    #: weapons and equipment nouns ("launchers", "jets"): never a verb, and the capitalised name
    #: before one is a weapon, not a source
    equipment: set[str] = attrs.Factory(set)
    owner_nouns: set[str] = attrs.Factory(set)
    #: the tokenizer: abbreviations with their full stop ("Gen.", "U.S."), possessive and
    #: contracted endings as tokens of their own ("'s", "'re"), words, numbers, other characters
    token_pattern: regex.Pattern[str] = attrs.field(default=None)
    #: the same pattern in a capturing group, for ``split``: tokens at odd indexes, gaps at even
    token_splitter: regex.Pattern[str] = attrs.field(default=None)
    #: ``token_splitter`` for text that ``ascii_tokens`` does not reject (same tokens, faster)
    ascii_splitter: re.Pattern[str] = attrs.field(default=None)
    #: words that may start or end a common-noun source, for skipping every other word quickly
    triggers: frozenset[str] = frozenset()  # speech nouns and stance nouns ("his call for")
    #: ``triggers`` and the pronouns
    scan_triggers: frozenset[str] = frozenset()
    #: the lower-case words the paragraph scan stops at: pronouns and the words a common-noun
    #: source can start with; ``media_only_stops`` start nothing but a ``media_common`` phrase
    scan_stops: frozenset[str] = frozenset()
    media_only_stops: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ merging

    def add_named(self, term: str, kind: str, aliases: Iterable[str] = ()) -> None:
        """Add a named source (an organization, outlet or government) and its aliases."""
        canonical = _strip_the(term)
        for surface in (term, *aliases):
            surface = _strip_the(surface)
            self.named[surface] = (kind, canonical)
            self.named_words.add(surface, surface)

    def add_descriptor_entry(self, entry: Mapping[str, Any], where: str) -> None:
        """Merge one ``reportedly_source_descriptors`` entry (see hookspecs.py)."""
        term = entry.get("term")
        role = entry.get("role")
        if not isinstance(term, str) or not term.strip():
            raise ConfigError(f"{where}: entry {dict(entry)!r} has no str 'term'")
        if role not in DESCRIPTOR_ROLES:
            raise ConfigError(
                f"{where}: entry {term!r} has role {role!r}; expected one of "
                f"{', '.join(sorted(DESCRIPTOR_ROLES))}"
            )
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{where}: entry {term!r}: 'aliases' must be a list of str")
        gender = entry.get("gender")
        if gender is not None and gender not in _GENDERS:
            raise ConfigError(f"{where}: entry {term!r}: gender must be 'male' or 'female'")
        term = " ".join(term.split())
        low = term.lower()
        if role == "title":
            self.titles.add(low, gender)
        elif role == "descriptor":
            self.descriptors.add(low, gender)
            self.groups.add(plural(low))
        elif role == "organization_suffix":
            self.organization_suffixes.add(low)
        elif role in ("organization", "government"):
            if role == "government" and (term.islower() or low.startswith("the ")):
                self.government_heads.add(low.removeprefix("the "))
            self.add_named(term, role, aliases)
        elif role == "media":
            if term.islower():
                self.media_common.add(low)
            else:
                self.add_named(term, "media", aliases)
        elif role == "group":
            self.groups.add(low)
        elif role == "equipment":
            self.equipment.add(low)
        elif role == "anonymous":
            words = low.split()
            self.anonymous.add(words[-1])
            self.descriptors.add(words[-1], gender)

    def finish(self) -> None:
        """Compile the tokenizer and the trigger words once everything has been merged."""
        dotted = {"jr.", "sr.", "st.", "inc.", "corp.", "co.", "ltd.", "bros.", "mt.", "no."}
        for phrase in self.titles.phrases():
            dotted |= {word for word in phrase if word.endswith(".") and word[:-1].isalpha()}
        dotted |= {h for h in self.honorifics if h.endswith(".")}
        abbreviations = "|".join(
            regex.escape(word[:-1]) for word in sorted(dotted, key=len, reverse=True)
        )
        longest = max(len(word) for word in dotted) - 1
        self.token_pattern = regex.compile(
            _token_pattern(r"\p{L}", r"\p{Lu}", r"\p{M}", r"\p{N}", abbreviations, longest)
        )
        self.token_splitter = regex.compile(f"({self.token_pattern.pattern})")
        # The same tokenizer for text whose letters and digits are all ASCII, in the standard
        # library's engine, which is faster on it (the classes are then exactly [A-Za-z], [A-Z],
        # [0-9] and no marks): see ``ascii_tokens``.
        self.ascii_splitter = re.compile(
            f"({_token_pattern('A-Za-z', 'A-Z', '', '0-9', abbreviations, longest)})"
        )
        triggers: set[str] = set(self.documents | self.government_heads | self.media_heads)
        for table in (self.descriptors, self.groups, self.media_common):
            for phrase in table.phrases():
                triggers.add(phrase[0])
                triggers.add(phrase[-1])
        self.triggers = frozenset(triggers)
        self.scan_triggers = self.triggers | PRONOUN_TRIGGERS
        noun_starts = (
            set(self.groups.firsts)
            | {p[0] for p in self.descriptors.phrases() if len(p) == 1}
            | self.documents
            | self.government_heads
            | self.media_heads
            | PRONOUN_TRIGGERS
        )
        self.media_only_stops = frozenset(set(self.media_common.firsts) - noun_starts)
        self.scan_stops = frozenset(noun_starts | set(self.media_common.firsts))


def _token_pattern(
    letter: str, upper: str, mark: str, digit: str, abbreviations: str, longest: int
) -> str:
    """The tokenizer's pattern over the given character classes (the contents of ``[...]``)."""
    # a plain word not followed by "." cannot be an abbreviation, an initial or "U.S.": tried
    # first (possessively, so that it does not back off to a shorter word), it takes most tokens
    # without trying the other branches; the abbreviation branch is only tried where a few
    # letters and a full stop follow
    inner = f"[{letter}{mark}{digit}]"
    word = (
        rf"[{letter}{mark}]{inner}*+"
        rf"(?:-{inner}+|['’](?![sS]\b|re\b|ve\b|ll\b|d\b){inner}+)*+"
    )
    return (
        rf"{word}(?!\.)"
        rf"|(?:[{upper}]\.){{2,}}"  # U.S., U.N.
        rf"|(?=[{letter}]{{1,{longest}}}\.)(?i:(?:{abbreviations})\.)(?![{letter}])"  # Gen.
        rf"|[{upper}]\.(?=\s+[{upper}])"  # an initial: "J. Smith"
        rf"|(?<=[{letter}])['’](?:[sS]|re|ve|ll|d)\b"  # "'s", "'re"
        rf"|{word}"
        rf"|[{digit}]+(?:[.,:][{digit}]+)*"
        r"|\S"
    )


#: Characters outside ASCII that are neither letters, marks nor digits (nor word characters or
#: spaces to either regular-expression engine): text with no other non-ASCII character is
#: tokenized by ``Lexicon.ascii_splitter``.
ASCII_SAFE_EXTRAS = "’‘“”—–…«»„•"
#: Finds a character that makes a text unsafe for ``Lexicon.ascii_splitter``: beyond ASCII,
#: the separators U+001C-U+001F, which are spaces to ``re`` but not to ``regex``.
ascii_tokens_unsafe = re.compile(rf"[^\x00-\x1b\x20-\x7f{ASCII_SAFE_EXTRAS}]")


def _strip_the(term: str) -> str:
    return term[4:] if term[:4] in ("the ", "The ") else term


def _read(name: str) -> str:
    return resources.files("reportedly.vocab").joinpath("sources", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _base_data() -> tuple[dict[str, Any], tuple[Place, ...], dict[str, list[str]], dict[str, Any]]:
    lexicon = tomllib.loads(_read("lexicon.toml"))
    places = gazetteer_places()  # the shared vocab/places.tsv
    names: dict[str, list[str]] = {}
    section = ""
    for line in _read("given_names.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        names.setdefault(section, []).extend(line.split())
    cues = tomllib.loads(
        resources.files("reportedly.vocab").joinpath("speech_cues.toml").read_text(encoding="utf-8")
    )
    return lexicon, places, names, cues


def _add_speech_entry(lexicon: Lexicon, entry: Mapping[str, Any], where: str) -> None:
    kind = entry.get("kind")
    cues = entry.get("cues")
    if cues is None:
        cue = entry.get("cue")
        if not isinstance(cue, str) or not cue.strip():
            raise ConfigError(f"{where}: entry {dict(entry)!r} has no str 'cue'")
        cues = [cue]
    forms = entry.get("forms") or []
    if kind not in ("verb", "noun", "phrase"):
        raise ConfigError(
            f"{where}: entry {cues!r} has kind {kind!r}; expected verb, noun or phrase"
        )
    if isinstance(forms, str) or not all(isinstance(f, str) for f in forms):
        raise ConfigError(f"{where}: entry {cues!r}: 'forms' must be a list of str")
    for cue in cues:
        words = str(cue).lower().split()
        if not words:
            continue
        if kind == "verb":
            # the subject test looks at the first word: "point" of "point out"
            lexicon.cue_verbs |= inflections(words[0])
        elif kind == "noun":
            lexicon.cue_nouns.add(words[-1])
    for form in forms:
        if form.split():
            lexicon.cue_verbs.add(form.lower().split()[0])


def load_lexicon(
    speech_verbs: Iterable[Mapping[str, Any]] = (),
    source_descriptors: Iterable[Mapping[str, Any]] = (),
) -> Lexicon:
    """Build the lexicon from ``vocab/sources``, ``vocab/speech_cues.toml`` and the shared
    gazetteer (:mod:`reportedly.gazetteer`), then add entries from the
    ``reportedly_speech_verbs`` and ``reportedly_source_descriptors`` hooks."""
    data, places, names, cues = _base_data()
    lex = Lexicon()
    titles = data["titles"]
    for gender in ("neutral", "male", "female"):
        for term in titles.get(gender, []):
            lex.titles.add(term, None if gender == "neutral" else gender)
    lex.honorifics = {h.lower() for h in titles.get("honorifics", [])}
    descriptors = data["descriptors"]
    for gender in ("neutral", "male", "female"):
        for term in descriptors.get(gender, []):
            lex.descriptors.add(term, None if gender == "neutral" else gender)
            lex.groups.add(plural(term.lower()))
    for term in data["groups"]["terms"]:
        lex.groups.add(term)
    lex.cue_only_groups = {t.lower() for t in data["groups"].get("cue_only", [])}
    lex.anonymous = {t.lower() for t in data["anonymous"]["terms"]}
    lex.organization_suffixes = {t.lower() for t in data["organization_suffixes"]["terms"]}
    for entry in data["organizations"]["entries"]:
        lex.add_named(entry["term"], "organization", entry.get("aliases", ()))
    media = data["media"]
    for entry in media["entries"]:
        lex.add_named(entry["term"], "media", entry.get("aliases", ()))
    for term in media["common"]:
        lex.media_common.add(term)
    lex.media_heads = {t.lower() for t in media["heads"]}
    government = data["government"]
    for term in government["metonyms"]:
        lex.add_named(term, "government")
    lex.government_heads = {t.lower() for t in government["heads"]}
    lex.place_suffixes = {t.lower() for t in government.get("place_suffixes", [])}
    lex.documents = {t.lower() for t in data["documents"]["terms"]}
    for place in places:
        if place.is_location:
            lex.places.setdefault(place.name, (place.kind, place.government))
            lex.place_words.add(place.name, place.name)
        else:  # an adjective row: "Republican" opens a run without naming anyone
            lex.demonyms.add(place.name)
        lex.demonyms.update(place.demonyms)
    genders: dict[str, set[str]] = {}
    for section, listed in names.items():
        for name in listed:
            genders.setdefault(name, set()).add(section)
    for name, sections in genders.items():
        lex.given_names[name] = (
            next(iter(sections)) if len(sections) == 1 and "unisex" not in sections else None
        )
    for entry in cues.get("cue", []):
        _add_speech_entry(lex, entry, "vocab/speech_cues.toml")
    roles = data["roles"]
    for verb in roles["extra_verbs"]:
        lex.cue_verbs |= inflections(verb)
    lex.cue_verbs |= {f.lower() for f in roles["extra_forms"]}
    lex.between = {w.lower() for w in roles["between"]}
    lex.relay_verbs = {w.lower() for w in roles["relay_verbs"]}
    for phrase in roles["according"]:
        lex.according.add(phrase)
    for entry in data["pronouns"]["entries"]:
        lex.pronouns[entry["term"]] = (entry.get("gender"), frozenset(entry["kinds"]))
    lex.not_names = {w.lower() for w in data["capitalised"]["not_names"]}
    lex.equipment = {w.lower() for w in data.get("equipment", {}).get("nouns", [])}
    lex.owner_nouns = {w.lower() for w in data["pronouns"].get("owner_nouns", [])} | lex.cue_nouns
    for entry in speech_verbs:
        if not isinstance(entry, Mapping):
            raise ConfigError(f"reportedly_speech_verbs returned {entry!r}, which is not a dict")
        _add_speech_entry(lex, entry, "reportedly_speech_verbs")
    for entry in source_descriptors:
        if not isinstance(entry, Mapping):
            raise ConfigError(
                f"reportedly_source_descriptors returned {entry!r}, which is not a dict"
            )
        lex.add_descriptor_entry(entry, "reportedly_source_descriptors")
    lex.finish()
    return lex
