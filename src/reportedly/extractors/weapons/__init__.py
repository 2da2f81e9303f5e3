"""The ``weapons`` step: weapons and military platforms, mapped onto a taxonomy.

Each mention becomes a :class:`~reportedly.model.WeaponMention` with the canonical ``term``,
its ``weapon_class`` (``"weapon"`` or ``"platform"``), the ``category`` path from the root,
the ``designation`` when a model name is given ("Hwasong-18", "F-16", "HMS Daring") and
``attributes`` read from the words around it::

    >>> import reportedly
    >>> nlp = reportedly.Pipeline(["weapons"], plugins=False)
    >>> [(w.text, w.term, w.attributes) for w in nlp("It tested two new Hwasong-18 ICBMs.").weapons]
    [('new Hwasong-18 ICBMs', 'intercontinental ballistic missile', {'quantity': 2, 'new': True})]

What it finds, in order of preference at each token:

- ship names after a prefix ("HMS Daring", "USS Gerald R. Ford"), later bare mentions of the
  same name ("Forbin"), and hull numbers ("DDG 70"; "D 32" in brackets after a ship);
- designations from ``vocab/weapons/designations.tsv`` ("Iskander", "F-35A", "S-400"), from a
  family prefix (``families.tsv``: "Hwasong-21") or, next to a weapon word, of the shape
  ``XX-99`` / ``Type 099`` ("ZB-9 zorbulators"), with the weapon word that follows them;
- taxonomy terms and their aliases and plurals (``taxonomy.toml``), longest first.

A mention spans the modifiers a reader keeps ("nuclear powered submarine", "upgraded cruise
missiles", "Russian-made S-400 systems"), never determiners or quantities. Modifiers become
attributes (``nuclear_powered``, ``nuclear_capable``, ``nuclear_armed``, ``range``,
``upgraded``, ``new``, ``origin``, ``operator``...), the number before the mention becomes
``quantity``. Everyday words that are also weapon words are checked against context rules
(``rules.toml``: "think tank", "rocket scientist", "arms around"), and model names that are
also everyday words ("Tomahawk", "Reaper", "Patriot") need a military context: a weapon word
after them, a count or a verb of use before a plural ("59 Tomahawks", "armed with
Kalashnikovs"), a service's name ("an RAF Reaper") or a list with another weapon.

Settings (``[steps.weapons]``):

- ``extra_terms``: path to a TOML file of extra terms, an array of tables ``[[terms]]`` in the
  shape of the ``reportedly_weapon_terms`` hook;
- ``generic`` (default true): report generic words ("weapons", "arms", "munitions") with
  ``attributes["generic"] = True``;
- ``attack_nouns`` (default false): also report attack nouns ("strikes", "air strikes",
  "shelling") as re3d annotates them, with ``attributes["attack"] = True``;
- ``designations`` (default true): report designations not followed by a weapon word
  ("HIMARS", "S-400"); when false, a bare designation is only reported next to one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from reportedly.errors import ConfigError
from reportedly.extractors.weapons.lexicon import (
    END,
    GAPS,
    SPELLINGS,
    TERM_GAPS,
    TOKEN,
    Designation,
    Lexicon,
    Term,
    TermKey,
    build_lexicon,
    builtin_lexicon,
    gap_kind,
    load_extra_terms,
    spelling_ok,
    validate_term_entry,
)
from reportedly.hookspecs import hookimpl
from reportedly.model import Analysis, WeaponMention
from reportedly.plugins import Vocabulary

__all__ = ["WeaponExtractor", "find_weapons", "reportedly_extractors"]

#: Hull-classification prefixes distinctive enough to be taken outside brackets ("DDG 70").
_SAFE_HULLS = frozenset({"CVN", "DDG", "FFG", "LHD", "LHA", "LPD", "SSBN", "SSGN"})
_PARTICLES = frozenset(
    {"de", "la", "le", "of", "the", "von", "van", "da", "do", "di", "del", "der"}
)
#: Words that turn a weapon word before them into a modifier ("drone-dropped", "tank-mounted").
_PARTICIPLES = frozenset(
    {"dropped", "launched", "borne", "mounted", "fired", "delivered", "carried", "towed",
     "based", "equipped", "armed", "guided", "made", "built", "supplied", "proof", "resistant"}
)  # fmt: skip
_LIST_GAP = re.compile(r"\s+|\s*,\s*|\s*,?\s+(?:and|or)\s+")
_SENTENCE_BREAK = frozenset('.!?\n\r:;"\u201c\u2018(\u00ab')
_UNITS = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mi": "mi", "mile": "mi", "miles": "mi", "nautical mile": "nmi", "nautical miles": "nmi",
    "nm": "nmi",
}  # fmt: skip
_UNIT = r"(km|kilomet(?:re|er)s?|mi|miles?|nautical[\s-]miles?|nm)"
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_RANGE_BEFORE = re.compile(_NUMBER + r"[\s-]*" + _UNIT + r"[\s-]+range[\s-]+$", re.IGNORECASE)
_RANGE_AFTER = re.compile(
    r",?\s+(?:with|having|that\s+has|which\s+has|that\s+have|which\s+have)\s+(?:an?\s+)?"
    r"(?:(?:maximum|estimated|reported|claimed|strike|operational|flight)\s+)?range\s+of\s+"
    r"(?:(?:up\s+to|about|around|some|approximately|more\s+than|over|nearly|roughly|at\s+least)\s+)?"
    + _NUMBER
    + r"\s*"
    + _UNIT
    + r"\b",
    re.IGNORECASE,
)


def _range_value(number: str, unit: str) -> dict[str, Any]:
    value: float | int = float(number.replace(",", ""))
    if value == int(value):
        value = int(value)
    return {"value": value, "unit": _UNITS.get(re.sub(r"[\s-]+", " ", unit.lower()), unit)}


@attrs.define
class _Hit:
    """A mention being built: token range, char range, what it maps to, and its attributes."""

    first: int
    last: int  # exclusive
    term: Term
    designation: str | None = None
    alias: str | None = None
    attributes: dict[str, Any] = attrs.field(factory=dict)
    start: int = 0
    end: int = 0
    ship: tuple[str, ...] | None = None
    plural: bool = False
    listed: bool = False
    needs_context: bool = False


class _Offsets:
    """Token offsets, found left to right on first use.

    Matching looks at every token's lower-case form but needs offsets only around the few
    tokens that start a match, so they are computed lazily: a token is the first occurrence of
    its text after the previous token (the gap between tokens holds no letter or digit).
    """

    __slots__ = ("ends", "position", "starts", "text", "tokens")

    def __init__(self, text: str, tokens: list[str]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.position = 0

    def __getitem__(self, index: int) -> tuple[int, int]:
        if index >= len(self.starts):
            find = self.text.find
            tokens = self.tokens
            position = self.position
            for t in range(len(self.starts), index + 1):
                start = find(tokens[t], position)
                position = start + len(tokens[t])
                self.starts.append(start)
                self.ends.append(position)
            self.position = position
        return self.starts[index], self.ends[index]


class _Words:
    """The tokens as written (``text[start:end]``), read through :class:`_Offsets`."""

    __slots__ = ("offsets", "text")

    def __init__(self, text: str, offsets: _Offsets) -> None:
        self.text = text
        self.offsets = offsets

    def __getitem__(self, index: int) -> str:
        start, end = self.offsets[index]
        return self.text[start:end]

    def slice(self, start: int, stop: int) -> tuple[str, ...]:
        return tuple(self[k] for k in range(start, stop))


class _Scan:
    """One article's tokens and the matching over them (built per call; nothing kept)."""

    def __init__(self, text: str, lexicon: Lexicon, extractor: WeaponExtractor) -> None:
        self.text = text
        self.lex = lexicon
        self.opts = extractor
        lowered = text.lower()
        # lower-casing rarely changes a text's length ("İ"); then tokens are lowered one by one
        if len(lowered) == len(text):
            self.lowers: list[str] = TOKEN.findall(lowered)
            self.spans = _Offsets(lowered, self.lowers)
        else:
            written = TOKEN.findall(text)
            self.lowers = [w.lower() for w in written]
            self.spans = _Offsets(text, written)
        self.words = _Words(text, self.spans)
        self.n = len(self.lowers)

    # ------------------------------------------------------------------ helpers

    def gap(self, index: int) -> str:
        """The text between token ``index - 1`` and token ``index``."""
        if index <= 0:
            return self.text[: self.spans[0][0]] if self.n else ""
        return self.text[self.spans[index - 1][1] : self.spans[index][0]]

    def kind(self, index: int) -> str:
        return gap_kind(self.gap(index)) if index > 0 else "?"

    def sentence_initial(self, index: int) -> bool:
        if index == 0:
            return True
        gap = self.gap(index)
        return any(c in _SENTENCE_BREAK for c in gap)

    def _reverse(self, trie: dict[str, Any], last: int, floor: int) -> tuple[int, Any] | None:
        """Longest phrase of ``trie`` (reversed tokens) that ends at token ``last``."""
        node = trie.get(self.lowers[last]) if last >= floor else None
        best: tuple[int, Any] | None = None
        k = last
        while node is not None:
            if END in node:
                best = (k, node[END][0])
            if k - 1 < floor:
                break
            gap = self.gap(k)
            if (
                len(gap) > 2
                or "\n" in gap
                or any(c not in " .-\u2010\u2011\u2013\u00a0" for c in gap)
            ):
                break
            node = node.get(self.lowers[k - 1])
            k -= 1
        return best

    # ------------------------------------------------------------------ tries

    def term_at(self, i: int) -> tuple[int, TermKey] | None:
        node = self.lex.term_trie.get(self.lowers[i])
        candidates: list[tuple[int, list[TermKey]]] = []
        j = i + 1
        while node is not None:
            if END in node:
                candidates.append((j, node[END]))
            if j >= self.n or self.kind(j) not in TERM_GAPS:
                break
            node = node.get(self.lowers[j])
            j += 1
        attack_nouns = self.opts.attack_nouns
        for end, keys in reversed(candidates):
            for key in keys:
                # without attack nouns, "drone strike" and "mortar fire" still name a weapon
                if (attack_nouns or not key.term.attack) and self._case_ok(key, i):
                    return end, key
        return None

    def _case_ok(self, key: TermKey, i: int) -> bool:
        for offset, required in enumerate(key.cased):
            if required is None:
                continue
            # "A-bomb" needs its hyphen: "A bomb exploded" is not an atomic bomb
            if (
                len(required) == 1
                and offset + 1 < len(key.cased)
                and self.kind(i + offset + 1) != "-"
            ):
                return False
            written = self.words[i + offset]
            if written not in (required, required + "s", required.upper()) and not (
                # a long acronym may be written as a word: "Manpads", "Himars"
                len(required) >= 4 and required.isupper() and written == required.capitalize()
            ):
                return False
        return True

    def designation_at(self, i: int) -> tuple[int, Designation, bool] | None:
        node = self.lex.designation_trie.get(self.lowers[i])
        if node is None or not any(spelling_ok(s, self.words[i]) for s in node[SPELLINGS]):
            return None
        if i > 0 and self.kind(i) == "0":
            return None
        best: tuple[int, Designation, bool] | None = None
        j = i + 1
        while True:
            if END in node:
                best = (j, *node[END][0])
            if j >= self.n:
                break
            child = node.get(self.lowers[j])
            if child is None or self.kind(j) not in child.get(GAPS, ()):
                break
            if not any(spelling_ok(s, self.words[j]) for s in child[SPELLINGS]):
                break
            node = child
            j += 1
        return best

    def family_at(self, i: int) -> tuple[int, Term, str] | None:
        family = self.lex.families.get(self.lowers[i])
        if family is None or i + 1 >= self.n:
            return None
        term, low, high, prefix = family
        digits = self.words[i + 1]
        if (
            not spelling_ok(prefix, self.words[i])
            or self.kind(i + 1) != "-"
            or not digits.isdigit()
            or not low <= len(digits) <= high
            or (i > 0 and self.kind(i) == "0")
        ):
            return None
        return i + 2, term, prefix

    def pattern_at(self, i: int) -> int | None:
        """End of an unknown designation of the shape ``XX-99`` or ``Type 099`` at ``i``."""
        if i + 1 >= self.n or not self.words[i + 1].isdigit() or (i > 0 and self.kind(i) == "0"):
            return None
        word = self.words[i]
        if (
            word in ("Type", "Project")
            and self.kind(i + 1) == " "
            and 2 <= len(self.words[i + 1]) <= 4
        ):
            return i + 2
        if (
            word.isalpha()
            and word.isupper()
            and len(word) <= 4
            and self.kind(i + 1) == "-"
            and len(self.words[i + 1]) <= 4
        ):
            return i + 2
        return None

    def suffix(self, j: int) -> tuple[int, int] | None:
        """Extend a designation ending before token ``j`` over a variant suffix ("F-35A") and a
        plural "s"; return (end of mention, end of the designation proper) or None to reject it
        ("Musudan-ri" is a place)."""
        if j >= self.n:
            return j, j
        kind = self.kind(j)
        word = self.words[j]
        if kind == "0":
            if word == "s":
                return j + 1, j
            if word.isalpha() and word.isupper() and len(word) <= 4:
                j += 1
                if (
                    j < self.n
                    and self.kind(j) == "0"
                    and self.words[j].isdigit()
                    and len(self.words[j]) <= 2
                ):
                    j += 1
                if j < self.n and self.kind(j) == "0" and self.words[j] == "s":
                    return j + 1, j
                return j, j
            return None
        if kind == "-":
            if word.isalpha() and word.isupper() and len(word) <= 3:
                return j + 1, j + 1
            if word.islower() and len(word) <= 3:
                return None
        return j, j

    # ------------------------------------------------------------------ matching

    def _may_follow(self, followers: frozenset[str], j: int) -> bool:
        if "*" in followers:
            return True
        if j >= self.n:
            return False
        following = self.lowers[j]
        return following in followers or ("#" in followers and following.isdigit())

    def run(self, skip: Sequence[tuple[int, int]]) -> list[_Hit]:
        hits: list[_Hit] = []
        lex = self.lex
        starts = lex.start_tokens
        exact = lex.exact_starts
        exact_lower = lex.exact_lower
        floor = 0
        i = 0
        n = self.n
        lowers = self.lowers
        words = self.words
        while i < n:
            lower = lowers[i]
            if (
                lower not in starts
                and not (
                    lower in exact_lower
                    and self._may_follow(exact_lower[lower], i + 1)
                    and words[i] in exact
                )
                and not (
                    i + 1 < n
                    and lowers[i + 1].isdigit()
                    and len(lower) <= 7
                    and lower.isalpha()
                    and (
                        (len(lower) <= 4 and words[i].isupper()) or words[i] in ("Type", "Project")
                    )
                )
            ):
                i += 1
                continue
            hit = self.match_at(i, floor, hits)
            if hit is None:
                i += 1
                continue
            if skip and any(a <= hit.start < b for a, b in skip):
                i = hit.last
                continue
            if hit.ship and hits and hit.term.term == "warship":
                self._type_from_list(hits[-1], hit)
            hits.append(hit)
            floor = hit.last
            i = hit.last
        self.later_ship_mentions(hits, skip)
        if any(h.needs_context for h in hits):
            # "aircraft" in a story about airline fleets: kept only next to a specific weapon
            military = any(
                not h.needs_context for h in hits
            ) or not self.lex.military_words.isdisjoint(self.lowers)
            if not military:
                hits = [h for h in hits if not h.needs_context]
        return hits

    def _type_from_list(self, previous: _Hit, ship: _Hit) -> None:
        """ "the destroyers USS Porter and USS Ross": the plural word gives each ship its type."""
        between = self.text[previous.end : ship.start]
        if not _LIST_GAP.fullmatch(between):
            return
        head = previous.plural and "naval vessel" in previous.term.category
        listed = previous.ship is not None and previous.listed
        if head or (listed and previous.term.term != "warship"):
            ship.term = previous.term
            ship.listed = True

    def match_at(self, i: int, floor: int, hits: list[_Hit]) -> _Hit | None:
        hit = self.coordinated_aircraft(i)
        if hit is not None:
            self.extend_left(hit, floor)
            self.finish(hit)
            return hit
        hit = self.ship_at(i) or self.hull_at(i, hits)
        if hit is None:
            hit = self.designated_at(i, floor, hits)
        term_match = self.term_at(i)
        if term_match is not None and (hit is None or term_match[0] > hit.last):
            end, key = term_match
            hit = self.checked_term(i, end, key)
            if hit is not None:
                self.appositive(hit)
        if hit is None:
            return None
        if not self.opts.generic and hit.term.generic:
            return None
        if hit.term.attack and not self.opts.attack_nouns:
            return None
        if not self.extend_left(hit, floor):
            return None
        self.finish(hit)
        return hit

    def checked_term(self, i: int, end: int, key: TermKey) -> _Hit | None:
        # "counter-IED training", "anti-drone" written apart: not the weapon itself
        if i > 0 and self.kind(i) == "-" and self.lowers[i - 1] in ("counter", "anti", "non"):
            return None
        # "drone-dropped grenades", "helicopter-dropped barrel bombs": a modifier of what follows
        if end < self.n and self.kind(end) == "-" and self.lowers[end] in _PARTICIPLES:
            return None
        rule = self.lex.rules.get(key.alias)
        if rule is not None:
            lowers = self.lowers
            for phrase in rule.not_after:
                size = len(phrase)
                if i - size >= 0 and tuple(lowers[i - size : i]) == phrase:
                    return None
            for phrase in rule.not_before:
                size = len(phrase)
                if (
                    end + size <= self.n
                    and tuple(lowers[end : end + size]) == phrase
                    and all(self.kind(k) in TERM_GAPS for k in range(end, end + size))
                ):
                    return None
            if rule.lowercase and self.words[i][0].isupper() and not self.sentence_initial(i):
                return None
            if (
                rule.needs_modifier
                and not (key.plural and rule.modifier_singular_only)
                and self._reverse(self.lex.modifier_trie, i - 1, 0) is None
            ):
                return None
            if rule.needs_determiner and not key.plural:
                before = lowers[i - 1] if i > 0 else ""
                if not (
                    before in self.lex.determiners
                    or before in self.lex.number_words
                    or before.isdigit()
                    or self._reverse(self.lex.modifier_trie, i - 1, 0) is not None
                ):
                    return None
        hit = _Hit(i, end, key.term, alias=key.alias, plural=key.plural)
        hit.needs_context = rule is not None and rule.military_context
        if hit.term.generic:
            hit.attributes["generic"] = True
        if hit.term.attack:
            hit.attributes["attack"] = True
        return hit

    def designated_at(self, i: int, floor: int = 0, hits: Sequence[_Hit] = ()) -> _Hit | None:
        """A designation (listed, family or pattern) at ``i``, with the weapon word after it."""
        designation = self.designation_at(i)
        family = None if designation is not None else self.family_at(i)
        pattern = None
        if designation is None and family is None:
            pattern = self.pattern_at(i)
            if pattern is None:
                return None
        if designation is not None:
            end = designation[0]
        elif family is not None:
            end = family[0]
        else:
            assert pattern is not None
            end = pattern
        extended = self.suffix(end)
        if extended is None:
            return None
        end, named_end = extended
        text = self.text[self.spans[i][0] : self.spans[named_end - 1][1]]
        # "F-16 Fighting Falcons": the designation's name after it
        if designation is not None and end < self.n and self.kind(end) == " ":
            again = self.designation_at(end)
            if again is not None and again[1].name == designation[1].name:
                end = again[0]
        designation_end = end
        head: TermKey | None = None
        if end < self.n and self.kind(end) in (" ", "-"):
            after = self.term_at(end)
            if after is not None and not after[1].term.attack:
                head = after[1]
                end = after[0]
            elif self.lowers[end] in self.lex.designation_heads:
                end += 1
                # "a Scud-type missile", "Kilo-class submarines": the weapon word after it
                if end < self.n and self.kind(end) == " ":
                    after = self.term_at(end)
                    if after is not None and not after[1].term.attack:
                        head = after[1]
                        end = after[0]
        if self._lookalike_context(i, designation_end):
            return None
        if designation is not None:
            entry = designation[1]
            if (
                entry.strict
                and head is None
                and end == designation_end
                and not self._strict_context(i, end, floor, hits)
            ):
                # a maker's name before a model: "Sukhoi Su-34s", "Dassault Rafale"
                model = (
                    self.designation_span(end) if end < self.n and self.kind(end) == " " else None
                )
                if model is None:
                    return None
                model.first = i
                # "Sukhoi Su-25 jets": the weapon word after the model
                if model.last < self.n and self.kind(model.last) == " ":
                    model_head = self.term_at(model.last)
                    if model_head is not None and not model_head[1].term.attack:
                        model.last = model_head[0]
                return model
            if not self.opts.designations and head is None:
                return None
            term = entry.term
            name = entry.name if designation[2] else text
        elif family is not None:
            term = head.term if head is not None and not head.term.generic else family[1]
            name = text
        else:
            if head is None or head.term.generic:
                return None
            term = head.term
            name = text
        hit = _Hit(i, end, term, designation=name, alias=head.alias if head else None)
        return hit

    def _strict_context(self, i: int, end: int, floor: int, hits: Sequence[_Hit]) -> bool:
        """Whether the words around a strict name ("Tomahawk", "Reaper") make it a weapon.

        A count ("59 Tomahawks", "two RAF Reapers"), a verb of use ("fired Tomahawks", "armed
        with Kalashnikovs"), or a list with another weapon ("Tornados and a Reaper", "Chinook
        and Black Hawk helicopters"). A capitalised word after it means a title or a name
        ("Two Patriots Players Arrested"), never a weapon.
        """
        if end < self.n and self.kind(end) == " " and self.words[end][:1].isupper():
            return False
        context = self.lex.strict_context
        lowers = self.lowers
        # the modifiers before the name ("RAF", "Russian-made") do not change the context
        k = i
        while k - 1 >= floor and self.kind(k) in (" ", "-"):
            found = self._reverse(self.lex.modifier_trie, k - 1, floor)
            if found is None or not self.words[found[0]][:1].isupper():
                break
            if found[1][1][0] == "operator" or found[1][0].lower() in context.services:
                # a service's name is enough: "an RAF Reaper", "a Navy Super Hornet"
                return True
            k = found[0]
        plural = self.words[end - 1][-1:] == "s"
        if plural and k - 1 >= floor and self.kind(k) == " ":
            before = lowers[k - 1]
            if before.isdigit() or (before in self.lex.number_words and before != "one"):
                return True
            if self._reverse(context.verbs, k - 1, floor) is not None:
                return True
            if self._reverse(self.lex.quantity_trie, k - 1, floor) is not None:
                return True
        # a list: "Tornados and a Reaper"
        if hits:
            previous = hits[-1]
            between = self.text[previous.end : self.spans[k][0]]
            if not previous.term.generic and context.list_gap.fullmatch(between):
                return True
        # "Chinook and Black Hawk helicopters", "Tomahawk and Hellfire missiles"
        if end < self.n:
            gap = self.gap(end)
            j = end
            if gap == " " and lowers[j] in ("and", "or") and j + 1 < self.n:
                j += 1
            elif gap not in (", ", ","):
                return False
            if self.kind(j) not in (" ", "?") and j != end:
                return False
            following = self.designation_at(j)
            if following is not None and not following[1].strict:
                return True
            if following is not None:
                after = following[0]
                if after < self.n and self.kind(after) == " ":
                    head = self.term_at(after)
                    return head is not None and not head[1].term.generic
        return False

    def _lookalike_context(self, first: int, last: int) -> bool:
        """ "single-B-1 rating", "Room B-52", "Route 66": words that make a code not a weapon."""
        if first > 0 and self.kind(first) == "-":
            return True
        context = self.lex.designation_context
        before = self.lowers[first - 1] if first > 0 else ""
        after = self.lowers[last] if last < self.n else ""
        return before in context[0] or after in context[1]

    def appositive(self, hit: _Hit) -> None:
        """ "the frigate FS Forbin", "ICBM Hwasong-18": a name right after a weapon word."""
        j = hit.last
        # "the destroyers USS Porter and USS Ross": a plural word before a list of names
        if j >= self.n or self.kind(j) != " " or hit.term.generic or hit.plural:
            return
        naval = "naval vessel" in hit.term.category
        named = self.ship_at(j, after_ship_word=naval) or self.designation_span(j)
        if named is None:
            return
        hit.last = named.last
        hit.designation = named.designation
        hit.ship = named.ship
        if named.term.term != "warship":
            hit.term = named.term

    def designation_span(self, j: int) -> _Hit | None:
        designation = self.designation_at(j)
        if designation is None:
            family = self.family_at(j)
            if family is None:
                return None
            ends = self.suffix(family[0])
            if ends is None:
                return None
            name = self.text[self.spans[j][0] : self.spans[ends[1] - 1][1]]
            return _Hit(j, ends[0], family[1], designation=name)
        ends = self.suffix(designation[0])
        if ends is None:
            return None
        name = self.text[self.spans[j][0] : self.spans[ends[1] - 1][1]]
        return _Hit(
            j,
            ends[0],
            designation[1].term,
            designation=designation[1].name if designation[2] else name,
        )

    def ship_at(self, i: int, after_ship_word: bool = False) -> _Hit | None:
        words = self.words
        if words[i] not in self.lex.ship_prefixes or i + 1 >= self.n:
            return None
        if self.kind(i + 1) != " " or not words[i + 1][:1].isupper() or not words[i + 1].isalpha():
            return None
        end = i + 2
        while end < self.n and end - i < 7:
            gap = self.gap(end)
            word = words[end]
            previous = words[end - 1]
            if gap == " " and word[:1].isupper() and word.isalpha():
                end += 1
            elif (
                gap == " "
                and self.lowers[end] in _PARTICLES
                and end + 1 < self.n
                and self.gap(end + 1) == " "
                and words[end + 1][:1].isupper()
            ):
                end += 2
            elif (
                gap in (". ", ".")
                and len(previous) == 1
                and previous.isupper()
                and word[:1].isupper()
            ):
                end += 1
            else:
                break
        key = " ".join(self.lowers[i:end])
        known = self.lex.designations.get(key)
        name = self.text[self.spans[i][0] : self.spans[end - 1][1]]
        if known is not None:
            term = known.term
        elif words[i] in self.lex.ambiguous_ship_prefixes and not after_ship_word:
            return None
        else:
            class_name = self.lex.designations.get(" ".join(self.lowers[i + 1 : end]))
            term = class_name.term if class_name is not None else self.lex.terms["warship"]
        return _Hit(i, end, term, designation=name, ship=words.slice(i + 1, end))

    def hull_at(self, i: int, hits: list[_Hit]) -> _Hit | None:
        """ "DDG 70", and "(D 32)" right after a ship's name."""
        word = self.words[i]
        if i + 1 >= self.n or not self.words[i + 1].isdigit() or self.kind(i + 1) not in (" ", "-"):
            return None
        if len(self.words[i + 1]) > 4 or (i > 0 and self.kind(i) == "0"):
            return None
        end_char = self.spans[i + 1][1]
        bracketed = (
            self.text[self.spans[i][0] - 1 : self.spans[i][0]] == "("
            and self.text[end_char : end_char + 1] == ")"
        )
        term = self.lex.hull_prefixes.get(word)
        if term is not None:
            if word not in _SAFE_HULLS and not bracketed:
                return None
        else:
            term = self.lex.pennant_prefixes.get(word)
            if term is None or not bracketed or not hits or hits[-1].ship is None:
                return None
            if self.spans[i][0] - hits[-1].end > 3:
                return None
        name = self.text[self.spans[i][0] : end_char]
        return _Hit(i, i + 2, term, designation=name)

    def extend_left(self, hit: _Hit, floor: int) -> bool:
        """Take in the modifiers before the mention; False when context makes it civilian."""
        lex = self.lex
        first = hit.first
        k = first - 1
        nuclear = False
        attributes: dict[str, Any] = {}
        # "Arleigh Burke-class destroyers", "Kirov-class cruiser"
        if (
            hit.designation is None
            and k - 1 >= floor
            and self.lowers[k] == "class"
            and self.kind(k) == "-"
            and self.kind(first) == " "
            and self.words[k - 1][:1].isupper()
        ):
            name_first = k - 1
            while (
                name_first - 1 >= floor
                and name_first > k - 3
                and self.kind(name_first) == " "
                and self.words[name_first - 1][:1].isupper()
                and not self.sentence_initial(name_first)
                and not self.sentence_initial(name_first - 1)
                and self.words[name_first - 1] not in lex.ship_prefixes
            ):
                name_first -= 1
            hit.designation = self.text[self.spans[name_first][0] : self.spans[k][1]]
            first = name_first
            k = first - 1
        while k >= floor:
            gap_before = self.kind(k + 1)
            if gap_before not in (" ", "-"):
                break
            found = self._reverse(lex.modifier_trie, k, floor)
            if found is None:
                break
            begin, (_, (kind, value)) = found
            if kind in ("origin", "operator"):
                if not self.words[begin][:1].isupper():
                    break
                attributes.setdefault(kind, value)
            elif kind == "attributes":
                for name, attribute in value.items():
                    attributes.setdefault(name, attribute)
            elif kind == "nuclear":
                nuclear = True
            first = begin
            k = begin - 1
        # attributes written inside the term: "nuclear-powered submarine", "long-range bomber"
        k_inner = hit.last - 2
        while k_inner >= hit.first and hit.designation is None:
            inner = self._reverse(lex.modifier_trie, k_inner, hit.first)
            if inner is None:
                k_inner -= 1
                continue
            inner_first, (_, (inner_kind, inner_value)) = inner
            if inner_kind == "attributes":
                for name, attribute in inner_value.items():
                    attributes.setdefault(name, attribute)
            elif inner_kind == "nuclear" and "naval vessel" in hit.term.category:
                nuclear = True
            k_inner = inner_first - 1
        # "300-km-range missiles"
        start_char = self.spans[first][0]
        before = _RANGE_BEFORE.search(self.text, max(0, start_char - 40), start_char)
        if (
            before is not None
            and before.end() == start_char
            and before.start() >= (self.spans[floor - 1][1] if floor else 0)
        ):
            attributes["range"] = _range_value(before.group(1), before.group(2))
            start_char = before.start()
            while first > floor and self.spans[first - 1][0] >= start_char:
                first -= 1
        if nuclear:
            attributes[
                "nuclear_powered" if "naval vessel" in hit.term.category else "nuclear_armed"
            ] = True
        if hit.term.weapon_class == "platform" and self._civilian(first):
            return False
        quantity = self._quantity(first, floor)
        if quantity is not None:
            attributes = {"quantity": quantity, **attributes}
        hit.attributes = {**attributes, **hit.attributes}
        hit.first = first
        hit.start = start_char
        return True

    def _role_at(self, p: int) -> int | None:
        """End of the aircraft role ("attack", "remotely piloted") starting at token ``p``."""
        node = self.lex.aircraft_roles.get(self.lowers[p])
        best = None
        j = p + 1
        while node is not None:
            if END in node:
                best = j
            if j >= self.n or self.kind(j) not in (" ", "-"):
                break
            node = node.get(self.lowers[j])
            j += 1
        return best

    def coordinated_aircraft(self, i: int) -> _Hit | None:
        """ "attack, bomber, fighter and remotely piloted aircraft" as one mention."""
        if self.lowers[i] not in self.lex.aircraft_roles:
            return None
        roles: list[str] = []
        p = i
        conjunction = False
        while p < self.n:
            end = self._role_at(p)
            if end is None or end >= self.n:
                return None
            gap = self.gap(end)
            if gap in (",", ", "):
                roles.append(self.text[self.spans[p][0] : self.spans[end - 1][1]])
                p = end
                if self.lowers[p] in ("and", "or") and self.gap(p + 1) == " ":
                    conjunction = True
                    p += 1
                continue
            if gap == " " and self.lowers[end] in ("and", "or") and end + 1 < self.n:
                roles.append(self.text[self.spans[p][0] : self.spans[end - 1][1]])
                conjunction = True
                p = end + 1
                continue
            break
        if not roles or not conjunction or p >= self.n:
            return None
        head = self.term_at(p)
        if head is None:
            return None
        end, key = head
        if key.term.category[:2] != ("platform", "aircraft") or not key.alias.endswith("aircraft"):
            return None
        roles.append(self.text[self.spans[p][0] : self.spans[end - 1][1]])
        hit = _Hit(i, end, self.lex.terms["military aircraft"], alias=key.alias)
        hit.attributes["roles"] = roles
        return hit

    def _civilian(self, first: int) -> bool:
        markers = self.lex.civilian_markers
        k = first - 1
        for _ in range(3):
            if k < 0 or self.kind(k + 1) not in (" ", "-", "0"):
                return False
            if self.lowers[k] in markers:
                return True
            k -= 1
        return False

    def _quantity(self, first: int, floor: int) -> int | str | None:
        k = first - 1
        if k < floor or self.kind(k + 1) not in (" ", "-"):
            return None
        lowers = self.lowers
        if lowers[k] in ("more", "additional", "extra", "other", "new") and k - 1 >= floor:
            k -= 1
            if self.kind(k + 1) != " ":
                return None
        word = lowers[k]
        if word.isdigit():
            digits = word
            while (
                k - 1 >= floor
                and self.gap(k) == ","
                and lowers[k - 1].isdigit()
                and len(lowers[k - 1]) <= 3
                and len(digits) % 3 == 0
            ):
                k -= 1
                digits = lowers[k] + digits
            if k > 0 and self.kind(k) in ("-", "0", "."):
                return None
            return int(digits)
        if word in self.lex.number_words:
            value = self.lex.number_words[word]
            if k - 1 >= floor and lowers[k - 1] in self.lex.number_words:
                other = self.lex.number_words[lowers[k - 1]]
                if self.kind(k) == "-" and other >= 20 and value < 10:
                    value += other
                elif value in (100, 1000) and other < 100:
                    value *= other
            return value
        found = self._reverse(self.lex.quantity_trie, k, floor)
        if found is not None:
            quantity: int | str = found[1][1]
            return quantity
        return None

    def finish(self, hit: _Hit) -> None:
        if not hit.start:
            hit.start = self.spans[hit.first][0]
        hit.end = self.spans[hit.last - 1][1]
        if not hit.term.generic and not hit.term.attack and "range" not in hit.attributes:
            after = _RANGE_AFTER.match(self.text, hit.end, min(len(self.text), hit.end + 120))
            if after is not None:
                hit.attributes["range"] = _range_value(after.group(1), after.group(2))

    def later_ship_mentions(self, hits: list[_Hit], skip: Sequence[tuple[int, int]]) -> None:
        """ "Forbin is joining ...": a ship's name without its prefix, after the first mention."""
        ships = [h for h in hits if h.ship]
        if not ships:
            return
        taken = [(h.first, h.last) for h in hits]
        added: list[_Hit] = []
        for ship in ships:
            name = ship.ship
            assert name is not None
            size = len(name)
            for i in range(ship.last, self.n - size + 1):
                if self.lowers[i] != name[0].lower() or self.words.slice(i, i + size) != name:
                    continue
                if i > 0 and self.words[i - 1] in self.lex.ship_prefixes:
                    continue
                if any(a < i + size and i < b for a, b in taken):
                    continue
                if i + size < self.n and self.kind(i + size) in ("0", "-"):
                    continue
                later = _Hit(i, i + size, ship.term, designation=ship.designation)
                later.start = self.spans[i][0]
                later.end = self.spans[i + size - 1][1]
                if skip and any(a <= later.start < b for a, b in skip):
                    continue
                taken.append((i, i + size))
                added.append(later)
        if added:
            hits.extend(added)
            hits.sort(key=lambda h: h.start)


def find_weapons(
    text: str,
    lexicon: Lexicon | None = None,
    *,
    generic: bool = True,
    attack_nouns: bool = False,
    designations: bool = True,
    skip: Sequence[tuple[int, int]] = (),
) -> list[WeaponMention]:
    """The weapon mentions of ``text`` (ids ``w1``, ``w2``... in text order).

    A convenience for scripts and tests; the step does the same on an Analysis, skipping
    boilerplate lines. ``skip`` holds character ranges to ignore.
    """
    extractor = WeaponExtractor.__new__(WeaponExtractor)
    extractor.lexicon = lexicon or builtin_lexicon()
    extractor.generic = generic
    extractor.attack_nouns = attack_nouns
    extractor.designations = designations
    return extractor.find(text, skip)


class WeaponExtractor:
    """The ``weapons`` step (see the module documentation for what it finds).

    >>> step = WeaponExtractor()
    >>> [w.term for w in step.find("Two F-16 Fighting Falcons escorted the HMS Daring.")]
    ['fighter aircraft', 'destroyer']
    """

    name = "weapons"
    requires: tuple[str, ...] = ()

    def __init__(
        self,
        *,
        extra_terms: str | Path | None = None,
        generic: bool = True,
        attack_nouns: bool = False,
        designations: bool = True,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        for setting, value in (
            ("generic", generic),
            ("attack_nouns", attack_nouns),
            ("designations", designations),
        ):
            if not isinstance(value, bool):
                raise ConfigError(f"weapons: {setting} must be true or false, not {value!r}")
        if extra_terms is not None and not isinstance(extra_terms, (str, Path)):
            raise ConfigError(
                f"weapons: extra_terms must be the path of a TOML file, not {extra_terms!r}"
            )
        extra: list[dict[str, Any]] = []
        if vocabulary is not None:
            for entry in vocabulary.weapon_terms:
                extra.append(validate_term_entry(entry, "reportedly_weapon_terms"))
        if extra_terms is not None:
            extra.extend(load_extra_terms(extra_terms))
        self.lexicon: Lexicon = build_lexicon(extra) if extra else builtin_lexicon()
        self.generic = generic
        self.attack_nouns = attack_nouns
        self.designations = designations

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[WeaponMention]:
        """The weapon mentions of ``text``, ignoring the character ranges in ``skip``."""
        if not text:
            return []
        hits = _Scan(text, self.lexicon, self).run(skip)
        mentions = []
        for number, hit in enumerate(hits, 1):
            mentions.append(
                WeaponMention(
                    f"w{number}",
                    text[hit.start : hit.end],
                    hit.start,
                    hit.end,
                    hit.term.term,
                    hit.term.weapon_class,
                    hit.term.category,
                    hit.designation,
                    hit.attributes,
                )
            )
        return mentions

    def __call__(self, analysis: Analysis) -> Analysis:
        """Fill ``analysis.weapons``; mentions in boilerplate lines ("Read Also: ...") are left out."""
        skip = [(p.start, p.end) for p in analysis.segmentation.paragraphs if p.boilerplate]
        return attrs.evolve(analysis, weapons=tuple(self.find(analysis.article.text, skip)))


@hookimpl
def reportedly_extractors(register: Any) -> None:
    """Register the ``weapons`` step."""
    register(WeaponExtractor)
