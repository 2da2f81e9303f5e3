"""The cue lexicon and the grammar word lists of the ``quotes`` step, read from ``vocab/``."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from reportedly.errors import ConfigError

__all__ = ["CueForm", "CueLexicon", "Grammar", "abbreviations", "builtin_cues", "load_grammar"]


def _read_vocab(path: str) -> dict[str, Any]:
    raw = resources.files("reportedly.vocab").joinpath(path).read_text(encoding="utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def builtin_cues() -> tuple[dict[str, Any], ...]:
    """The cue tables of ``vocab/speech_cues.toml`` (shared with ``sources``) and of
    ``vocab/quotes/stance_cues.toml`` (stances and nominal cues, read by ``quotes`` only)."""
    shared = _read_vocab("speech_cues.toml").get("cue", ())
    own = _read_vocab("quotes/stance_cues.toml").get("cue", ())
    return (*shared, *own)


@attrs.frozen(slots=False)
class Grammar:
    """The word lists of ``vocab/quotes/grammar.toml``, one frozenset per key (lower case).

    ``phrasal`` is kept as ``(lemma, particle)`` pairs, ``audiences`` as their last words,
    ``no_statement`` and ``asides`` as word tuples.
    """

    words: Mapping[str, frozenset[str]]
    phrasal: frozenset[tuple[str, str]]
    audiences: frozenset[str]
    no_statement: tuple[tuple[str, ...], ...] = ()
    asides: tuple[tuple[str, ...], ...] = ()

    def __attrs_post_init__(self) -> None:
        # each word list becomes a plain attribute: the scan reads them in its inner loops,
        # where a __getattr__ call per lookup is measurable
        for key, value in self.words.items():
            if key not in ("words", "phrasal", "audiences", "no_statement", "asides"):
                object.__setattr__(self, key, value)

    def __getattr__(self, key: str) -> frozenset[str]:
        try:
            return self.words[key]
        except KeyError:
            raise AttributeError(key) from None


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """Read ``vocab/quotes/grammar.toml`` once."""
    data = _read_vocab("quotes/grammar.toml")
    words = {key: frozenset(str(word).lower() for word in values) for key, values in data.items()}
    phrasal = frozenset(
        (lemma, particle)
        for phrase in words["phrasal"]
        for lemma, _, particle in [phrase.partition(" ")]
    )
    audiences = frozenset(a.split()[-1] for a in words["audiences"])
    no_statement = tuple(
        tuple(phrase.split()) for phrase in sorted(words.get("no_statement", ()), key=len)[::-1]
    )
    asides = tuple(tuple(phrase.split()) for phrase in sorted(words.get("asides", ())))
    return Grammar(
        words=words,
        phrasal=phrasal,
        audiences=audiences,
        no_statement=no_statement,
        asides=asides,
    )


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    raw = resources.files("reportedly.vocab").joinpath("abbreviations.txt").read_text("utf-8")
    words = [w.strip().lower() for w in raw.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted({w.rstrip(".") for w in words}, key=len, reverse=True))


def _inflections(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma (over-generating is harmless: forms are looked up)."""
    forms = {lemma}
    vowels = "aeiou"
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in vowels:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@attrs.frozen
class CueForm:
    """One word form of a speech verb: its lemma, and whether it states a belief."""

    lemma: str
    belief: bool
    clause_only: bool
    participle: bool
    stance: bool = False


@attrs.frozen
class CueLexicon:
    """Speech cues compiled for lookup: verb forms, noun cues and multiword phrases.

    Built from ``vocab/speech_cues.toml`` plus the ``reportedly_speech_verbs`` hook entries with
    :meth:`build`. ``phrases`` maps a phrase's first word to ``(words, role)`` pairs, where role
    is ``according`` ("according to"), ``relay`` ("as saying"), ``verb`` (a multiword cue that
    starts with a verb form: "told reporters") or ``adjunct`` ("in a statement").
    """

    verbs: Mapping[str, CueForm]
    nouns: frozenset[str]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]

    @classmethod
    def build(
        cls, entries: Iterable[Mapping[str, Any]], *, where: str = "speech cues"
    ) -> CueLexicon:
        """Compile cue entries (the TOML tables' or the hook's shape) into a lexicon.

        An entry has ``kind`` ("verb", "noun" or "phrase"), ``cue`` (one string) or ``cues`` (a
        list), optional ``forms`` (irregular inflections) and ``belief``. A malformed entry
        raises :class:`~reportedly.ConfigError` naming ``where`` and the entry.
        """
        clause_only = load_grammar().clause_only
        verbs: dict[str, CueForm] = {}
        nouns: set[str] = set()
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}

        def add_phrase(words: tuple[str, ...], role: str) -> None:
            bucket = phrases.setdefault(words[0], [])
            if (words, role) not in bucket:
                bucket.append((words, role))

        for entry in entries:
            if not isinstance(entry, Mapping):
                raise ConfigError(f"{where}: entry {entry!r} is not a table/dict")
            kind = entry.get("kind", "verb")
            if kind not in ("verb", "noun", "phrase"):
                raise ConfigError(
                    f"{where}: entry {dict(entry)!r} has kind {kind!r}; "
                    "expected 'verb', 'noun' or 'phrase'"
                )
            raw = entry.get("cues", entry.get("cue"))
            cues = [raw] if isinstance(raw, str) else raw
            if (
                not isinstance(cues, list | tuple)
                or not cues
                or not all(isinstance(c, str) and c.strip() for c in cues)
            ):
                raise ConfigError(f"{where}: entry {dict(entry)!r} needs a non-empty 'cue' string")
            forms = entry.get("forms", ())
            if not isinstance(forms, list | tuple) or not all(isinstance(f, str) for f in forms):
                raise ConfigError(f"{where}: entry {dict(entry)!r}: 'forms' must be a list of str")
            belief = entry.get("belief", False)
            stance = entry.get("stance", False)
            if not isinstance(belief, bool) or not isinstance(stance, bool):
                raise ConfigError(
                    f"{where}: entry {dict(entry)!r}: 'belief' and 'stance' must be true or false"
                )
            for cue in cues:
                words = tuple(cue.lower().split())
                if kind == "noun":
                    nouns.add(" ".join(words))
                    if len(words) > 1:
                        add_phrase(words, "adjunct")
                elif kind == "phrase" or len(words) > 1:
                    add_phrase(words, _phrase_role(words, verbs))
                else:
                    lemma = words[0]
                    for form in _inflections(lemma):
                        verbs[form] = CueForm(
                            lemma, belief, lemma in clause_only, form.endswith("ing"), stance
                        )
            for form in forms:
                words = tuple(form.lower().split())
                if not words:
                    continue
                if len(words) > 1:
                    add_phrase(words, "verb")
                    if words[0] not in verbs:
                        # "went on": the first word is a cue only together with the rest
                        verbs[words[0]] = CueForm(words[0], belief, True, False, stance)
                elif words[0] not in verbs:
                    verbs[words[0]] = CueForm(
                        words[0], belief, words[0] in clause_only, words[0].endswith("ing"), stance
                    )
        # a phrase that starts with a verb form is that verb plus what belongs to it
        for first, bucket in phrases.items():
            phrases[first] = [
                (w, "verb" if role == "adjunct" and first in verbs else role) for w, role in bucket
            ]
        return cls(
            verbs=verbs,
            nouns=frozenset(nouns),
            phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
        )

    def triggers(self) -> frozenset[str]:
        """The lower-case words that can start a cue: verb forms, noun cues and the first word
        of an "according to" phrase. Any other token can be skipped when looking for cues."""
        according = {
            first
            for first, bucket in self.phrases.items()
            if any(role == "according" for _, role in bucket)
        }
        return frozenset(self.verbs) | self.nouns | according


def _phrase_role(words: tuple[str, ...], verbs: Mapping[str, CueForm]) -> str:
    if words[:2] == ("according", "to") or words[:3] == ("in", "the", "words"):
        return "according"
    if "as" in words and words[-1] in ("saying", "telling", "stating", "writing"):
        return "relay"
    return "adjunct"
