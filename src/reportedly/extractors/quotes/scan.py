"""The work of the ``quotes`` step on one article: tokens, quotations, frames around cues."""

from __future__ import annotations

import bisect
from functools import lru_cache

import attrs
import regex

from reportedly.extractors.quotes.lexicon import CueForm, CueLexicon, Grammar, abbreviations
from reportedly.model import Analysis, Mention, Quote

__all__ = ["QUOTE_MARKS", "Candidate", "Scan", "ScanConfig", "link", "resolve", "token_pattern"]


@attrs.frozen
class ScanConfig:
    """What a scan needs from the step: its lexicon, grammar, settings and token pattern."""

    lexicon: CueLexicon
    grammar: Grammar
    token: regex.Pattern[str]
    # lower-case words that may start a cue (verb forms, noun cues, "according"): the only
    # tokens the reported-speech pass looks at
    triggers: frozenset[str] = frozenset()
    beliefs: bool = True
    stances: bool = True
    negated: bool = False
    min_words: int = 2


_OPEN_ONLY = frozenset({"\u201c", "\u00ab", "\u201e", "``"})
_CLOSE_ONLY = frozenset({"\u201d", "\u00bb"})
_BOTH = frozenset({'"', "''"})
QUOTE_MARKS = _OPEN_ONLY | _CLOSE_ONLY | _BOTH
_TERMINATORS = frozenset({".", "!", "?", ";"})
# hyphen, em dash, en dash, horizontal bar: what signs a quotation ("― Ana Ruiz")
_SIGNATURE_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "\u2015"})
# words between a clause and a participle cue whose speaker is the clause's subject
_SUBJECT_LINKS = frozenset({",", "and", "by", "but", "then", "before", "after", "while", "when"})
# lower-case words a title may keep: "Guardians of the Galaxy", "The Art of the Deal"
_TITLE_SMALL_WORDS = frozenset(
    {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "at", "by", "from"}
)
# before "been" in a passive cue: "has been criticized by", "could be challenged by"
_PERFECT_AND_MODALS = frozenset(
    {"has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can"}
)
# words that show the subject of a passive cue is inside a subordinate clause
_CLAUSE_OPENERS = frozenset(
    {"which", "that", "who", "if", "when", "while", "after", "because", "although", "since"}
)
# particles between a verb and its object: "talked up his plans", "backed away from his pledge"
_OBJECT_PARTICLES = frozenset({"up", "for", "from", "about", "on", "against", "to", "of"})
# after a cue that follows a quotation: "screamed back", "said to a crowd", "said in Ohio"
# words that end the clause of an unknown verb after a quotation ('" Trump barked and ...')
_CLAUSE_LINKS_AFTER_VERB = frozenset({",", "and", "but", "as", "before", "while"})
_PARTICLES_AFTER_CUE = frozenset({"back", "out", "up", "on", "off", "again", "later"})
_PREPOSITIONS_AFTER_CUE = frozenset(
    {
        "to",
        "in",
        "at",
        "about",
        "of",
        "on",
        "during",
        "before",
        "after",
        "while",
        "as",
        "from",
        "with",
        "when",
        "outside",
        "inside",
        "near",
        "via",
        "through",
        "into",
        "recently",
        "then",
        "afterward",
        "afterwards",
        "earlier",
        "later",
    }
)


@lru_cache(maxsize=1)
def token_pattern() -> regex.Pattern[str]:
    """Tokens: words with inner apostrophes and hyphens, abbreviations, marks, punctuation."""
    known_words = abbreviations()
    known = "|".join(regex.escape(a) for a in known_words)
    # The abbreviation alternatives are tried only where a short run of their characters ends
    # in a full stop: most tokens fail this cheap look-ahead and skip the long alternation.
    extra = "".join(sorted({c for a in known_words for c in a if not c.isalpha()} | {"."}))
    longest = max((len(a) for a in known_words), default=1)
    guard = rf"(?=[\p{{L}}{regex.escape(extra)}]{{1,{longest}}}\.)"
    return regex.compile(
        rf"""(?x)
        {guard}(?i:(?:(?:{known})\.(?!\p{{L}}))      # Mr.  Gen.  Jan.
                 | (?:\p{{L}}\.){{2,}})                 # U.S.  a.m.
        | \p{{Lu}}\.(?=\s+\p{{Lu}})                     # the J. of "J. Smith"
        | \p{{Lu}}{{1,2}}-(?:\p{{Lu}}\.){{2,}}                # party and state: D-N.Y., R-S.C.
        | \p{{Lu}}[\p{{L}}\p{{N}}]*(?:['\u2019\-&][\p{{L}}\p{{N}}]+)*\.(?=[,)])  # R-Fla., Calif.)
        | [\p{{L}}\p{{N}}]+(?:['\u2019\-&][\p{{L}}\p{{N}}]+)*     # Kim's, well-known (not "said.)")
        | ''|``
        | \S
        """
    )


@attrs.frozen
class _Quotation:
    """A quotation found in a paragraph, as token indices of its marks."""

    open_tok: int
    close_tok: int  # the closing mark, or the paragraph's last token + 1 when left open
    start: int  # character offset of the content
    end: int
    closed: bool
    paragraph: int


def _is_word(text: str) -> bool:
    return text[:1].isalnum()


@attrs.define
class Candidate:
    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    relayer: tuple[int, int] | None
    priority: int  # 0 direct, 1 content before the cue, 2 content after it
    cue_tok: int


class Scan:
    """Everything the step works out for one article."""

    def __init__(self, cfg: ScanConfig, analysis: Analysis) -> None:
        self.cfg = cfg
        self.g = cfg.grammar
        self.lex = cfg.lexicon
        self.text = text = analysis.article.text
        seg = analysis.segmentation
        self.seg = seg
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        para_of: list[int] = []
        self.para_first: list[int] = []
        self.para_last: list[int] = []
        finditer = cfg.token.finditer
        for p_index, para in enumerate(seg.paragraphs):
            self.para_first.append(len(starts))
            if not para.boilerplate:
                found = list(finditer(text, para.start, para.end))
                starts.extend([m.start() for m in found])
                ends.extend([m.end() for m in found])
                words.extend([m.group() for m in found])
                para_of.extend([p_index] * len(found))
            self.para_last.append(len(starts) - 1)
        if not any(w in QUOTE_MARKS for w in words):
            # no double mark anywhere: quotations in single marks, as the segmentation paired
            # them (British style), are read as double ones; offsets stay those of the text
            token_at = {start: i for i, start in enumerate(starts)}
            for quotation in seg.quotations:
                if text[quotation.start] not in "\u2018\u2019'":
                    continue
                opening = token_at.get(quotation.start)
                closing = token_at.get(quotation.end - 1) if quotation.closed else None
                if opening is None or (quotation.closed and closing is None):
                    continue
                words[opening] = "\u201c"
                if closing is not None:
                    words[closing] = "\u201d"
        # the sentence of each token: one walk, since tokens and sentences are both in order
        sent_of: list[int] = []
        sentence_starts = [s.start for s in seg.sentences]
        sentence, following = -1, 0
        for start in starts:
            while following < len(sentence_starts) and sentence_starts[following] <= start:
                sentence, following = following, following + 1
            sent_of.append(sentence)
        self.starts = starts
        self.ends = ends
        self.words = words
        self.low = [w.lower() for w in words]
        self.para_of = para_of
        self.sent_of = sent_of
        self.n = len(words)
        self.claimed = [False] * self.n  # tokens used as cue or speaker of a found quote
        self.source_spans = [
            (m.start, m.end)
            for source in analysis.sources
            if source.kind in ("person", "media", "organization", "government")
            for m in source.mentions
        ]
        self.quotations = self._find_quotations()
        self.inside = [False] * self.n  # tokens inside some quotation (marks included)
        for q in self.quotations:
            for i in range(q.open_tok, min(q.close_tok + 1, self.n)):
                self.inside[i] = True
        self.sent_first: dict[int, int] = {}
        self.sent_last: dict[int, int] = {}
        for i, s in enumerate(sent_of):
            self.sent_first.setdefault(s, i)
            self.sent_last[s] = i

    # ------------------------------------------------------------------ quotations

    def _find_quotations(self) -> list[_Quotation]:
        found: list[_Quotation] = []
        for p_index in range(len(self.para_first)):
            first, last = self.para_first[p_index], self.para_last[p_index]
            open_at: int | None = None
            for i in range(first, last + 1):
                w = self.words[i]
                if w not in QUOTE_MARKS:
                    continue
                if open_at is None:
                    if w not in _CLOSE_ONLY or self._opens_despite_shape(i, first, last):
                        open_at = i
                elif w in _BOTH or w in _CLOSE_ONLY or self._closes_as_opener(i):
                    found.append(
                        _Quotation(open_at, i, self.ends[open_at], self.starts[i], True, p_index)
                    )
                    open_at = None
                else:
                    open_at = i  # a second opening mark: the first was never closed
            if open_at is not None and open_at < last:
                found.append(
                    _Quotation(
                        open_at, last + 1, self.ends[open_at], self.ends[last], False, p_index
                    )
                )
        return found

    def _opens_despite_shape(self, i: int, first: int, last: int) -> bool:
        """Whether the closing mark at ``i`` is typed where an opening one belongs: first in its
        paragraph, where it can close nothing ('”… what I learned,” he said'), or
        after a blank and glued to the next word ('said ”We stay.”')."""
        if i == last:
            return False
        if i == first:
            # only when a mark later in the paragraph can close it ('” Smith said ...' with
            # no other mark is a stray one)
            return any(
                self.words[t] in _BOTH or self.words[t] in _CLOSE_ONLY
                for t in range(i + 1, last + 1)
            )
        return self.ends[i - 1] != self.starts[i] and self.ends[i] == self.starts[i + 1]

    def _closes_as_opener(self, i: int) -> bool:
        """Whether the opening mark at ``i`` is typed where a closing one belongs: last in its
        paragraph ('... They see that. “'), or glued to the word or stop before it and
        followed by a blank or the paragraph's end ('... for her here,“ said Clyburn')."""
        if self.words[i] not in _OPEN_ONLY or i == 0:
            return False
        if i == self.para_last[self.para_of[i]]:
            return True
        if self.ends[i - 1] != self.starts[i]:
            return False
        if self.words[i - 1] in QUOTE_MARKS:
            return False
        at = self.ends[i]
        return at >= len(self.text) or not self.text[at].isalnum()

    # ------------------------------------------------------------------ token helpers

    def is_cue(self, i: int) -> bool:
        """Whether token ``i`` is a speech cue here (a verb form used as a verb, "according to")."""
        if self.low[i] in self.lex.verbs:
            if self.capitalized(i):
                return False
            prev = self.low[i - 1] if i > 0 and self.para_of[i - 1] == self.para_of[i] else ""
            past = self.low[i].endswith("ed") or self.low[i] in self.g.irregular_past
            if (
                prev in self.g.inner_prepositions
                and self.words[i - 1][:1].isupper()
                and i > 1
                and self.words[i - 2] in QUOTE_MARKS
                and self.para_of[i - 2] == self.para_of[i]
            ):
                return True  # '"...," From said.': a name spelled like a preposition
            return not (
                prev in ("the", "a", "an")
                or (prev in self.g.noun_markers and not past)
                or (prev in self.g.inner_prepositions and prev != "to")
                or prev.endswith(("'s", "’s"))
            )
        return self._according_len(i) > 0

    def _according_len(self, i: int) -> int:
        for words, role in self.lex.phrases.get(self.low[i], ()):
            if role == "according" and self._matches(i, words):
                return len(words)
        return 0

    def _matches(self, i: int, words: tuple[str, ...]) -> bool:
        if i + len(words) > self.n:
            return False
        p = self.para_of[i]
        for k, word in enumerate(words):
            if self.low[i + k] != word or self.para_of[i + k] != p:
                return False
        return True

    def is_ly(self, word: str) -> bool:
        """An adverb in -ly ("formally", "repeatedly"), as far as spelling can tell."""
        return (
            len(word) > 4
            and word.endswith("ly")
            and word.islower()
            and word not in self.g.not_adverbs
        )

    def _inflected_cue(self, i: int) -> bool:
        form = self.lex.verbs.get(self.low[i])
        return form is not None and form.lemma != self.low[i] and not self.capitalized(i)

    def capitalized(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper() or w[:1].isdigit()

    def _skip_left(self, j: int, floor: int) -> tuple[int, bool]:
        """Skip adverbs, auxiliaries, negations and time phrases left of a cue."""
        g = self.g
        negated = False
        while j >= floor:
            w = self.low[j]
            if w in g.negations or w.endswith(("n't", "n’t")):
                negated = True
                j -= 1
            elif (
                w in g.auxiliaries
                or (w in g.adverbs and w not in g.determiners)
                or self.is_ly(self.words[j])
            ):
                j -= 1
            elif w in g.days:
                j -= 1
                if j >= floor and self.low[j] == "on":
                    j -= 1
            elif (
                w in self.lex.nouns
                and j - 2 >= floor
                and self.low[j - 1] in ("a", "an", "the", "his", "her", "its", "their")
                and self.low[j - 2] == "in"
            ):
                j -= 3
            else:
                break
        return j, negated

    def speaker_left(self, cue: int, floor: int) -> tuple[int, int] | None:
        """The speaker phrase that ends right before the cue (adverbs skipped), as tokens."""
        j, _ = self._skip_left(cue - 1, floor)
        if j >= floor + 1 and self.low[j] == "to" and self._catenative(j - 1, cue):
            j, _ = self._skip_left(j - 2, floor)
        elif j >= floor and j + 1 < cue and self.low[j + 1] == "to" and self._catenative(j, cue):
            j, _ = self._skip_left(j - 1, floor)  # "interjected to say", "went on to say"
        if j < floor:
            return None
        if self.low[j] in ("who", "which") and j < cue - 1 + 1:
            return (j, j)  # "officials who said ...": the relative pronoun stands for them
        if self.words[j] == ",":
            # "Park Won gon, a specialist at ..., said": the name is before the appositive(s);
            # take the leftmost comma whose left side is a phrase that starts the clause
            commas = []
            k = j - 1
            while k >= floor and j - k <= 30:
                w = self.words[k]
                if w in _TERMINATORS or w in QUOTE_MARKS or w == ":":
                    break
                if w == ",":
                    commas.append(k)
                k -= 1
            clause_start = k + 1
            for comma in reversed(commas):
                if comma - 1 < clause_start:
                    continue
                np = self._np_left(comma - 1, clause_start)
                if np is not None and (
                    np[0] == clause_start or self.words[np[0] - 1] in (",", "\u2014", "--")
                ):
                    return np
            if commas and j - 1 > commas[0]:
                # "One delegate not on the slate, Kelly Schmidt, told ...": the name between commas
                np = self._np_left(j - 1, commas[0] + 1)
                if np is not None and np[0] == commas[0] + 1 and self.capitalized(np[0]):
                    return np
            return None
        return self._np_left(j, floor)

    def _np_left(self, j: int, floor: int) -> tuple[int, int] | None:
        g = self.g
        if self.words[j] == ")":
            k = j - 1
            while k > floor and self.words[k] != "(" and j - k < 24:
                k -= 1
            if self.words[k] == "(" and k > floor:
                j = k - 1
        end = j
        if not _is_word(self.words[j]):
            return None
        if self.low[j] in g.pronouns:
            return (j, j)
        count = 0
        while j >= floor and count < 10:
            w = self.words[j]
            low = self.low[j]
            if not _is_word(w):
                if w in ("&", "-", "\u2013") and j > floor:
                    j -= 1
                    continue
                if w == ")" and j != end:
                    # "Rep. Hank Johnson (D-Ga.) said"
                    k = j - 1
                    while k > floor and self.words[k] != "(" and j - k < 24:
                        k -= 1
                    if self.words[k] == "(" and k > floor:
                        j = k - 1
                        continue
                break
            if low in g.pronouns and j != end and low != "one":
                break  # ("one" opens a phrase too: "one senior official said")
            if (
                low in g.boundaries
                and self.words[j][:1].isupper()
                and (j > floor or self._name_after_quotation(j, end))
            ):
                pass  # "Will Doyle said": a name inside the sentence, not a modal
            elif low in g.boundaries:
                if (
                    low == "and"
                    and j > floor
                    and self.capitalized(j - 1)
                    and self.capitalized(j + 1)
                ) or (
                    low in g.inner_prepositions
                    and j > floor
                    and j < end
                    and _is_word(self.words[j - 1])
                    and self.low[j - 1] not in g.boundaries
                    and (
                        self.capitalized(j + 1)
                        or self.low[j + 1] in g.determiners
                        or self.low[j - 1] in self.g.quantifiers
                        or self.low[j - 1] in ("percent", "majority", "half", "members")
                        # "a spokesman for committee Democrats said"
                        or (
                            self.capitalized(end)
                            and j - 2 >= floor
                            and self.low[j - 2] in ("a", "an", "the")
                        )
                    )
                ):
                    pass
                else:
                    break
            if j != end and self._inflected_cue(j):
                break
            j -= 1
            count += 1
        start = j + 1
        while (
            start <= end
            and self.low[start] in g.boundaries
            and not self._name_after_quotation(start, end)
        ):
            start += 1
        if start > end:
            return None
        return (start, end)

    def _name_after_quotation(self, j: int, end: int) -> bool:
        """Whether token ``j``, a capitalized word spelled like a modal, opens a name right
        after a quotation ('"...," Will Estrada, the chairman, said'; not '... But Mr. Ryan')."""
        return (
            0 < j < end
            and self.low[j] in self.g.auxiliaries
            and self.words[j][:1].isupper()
            and self.capitalized(j + 1)
            and self.words[j - 1] in QUOTE_MARKS
            and self.para_of[j - 1] == self.para_of[j]
        )

    def _subject(self, a: int, limit: int) -> tuple[int, int] | None:
        """The subject that opens the clause at ``a`` ("Carly Fiorina threw ..., saying ...")."""
        g = self.g
        t = a
        if (
            t + 1 < limit
            and self.low[t] in g.focus_words
            and self.low[t + 1] in g.leading_adverbials
        ):
            t += 1  # "Even as he ...", "Just after the vote, ...": the focus word goes with it
        opener = self.low[t] if t < limit else ""
        if (
            opener in self.g.leading_adverbials
            or opener in self.g.adverbs
            or opener in self.g.time_words
            or opener in self.g.months
            or opener in self.g.days
        ):
            # "Earlier this week, Todd pressed ...": skip the adverbial before the comma
            # a subordinate clause ("When Trump suggested that ..., Rubio fired back:") may run
            # longer than a prepositional phrase
            reach = 30 if opener in g.subordinators else 8
            comma = t
            while comma < limit and comma - t < reach and self.words[comma] != ",":
                comma += 1
            if comma + 1 < limit and self.words[comma] == ",":
                t = comma + 1
            elif (
                opener in g.subordinators
                and "," not in self.words[t:limit]
                and t + 1 < limit
                and (self.low[t + 1] in g.pronouns or self.capitalized(t + 1))
            ):
                # "As he defended the plan, saying ...": no clause but the subordinate one,
                # whose subject speaks (a pronoun or a name: "After the vote" has none)
                t += 1
            elif opener in self.g.leading_adverbials:
                return None
        while t < limit and self.low[t] in self.g.connectives:
            t += 1
        if t >= limit or not _is_word(self.words[t]):
            return None
        if self.low[t] in g.pronouns:
            return (t, t)
        end = t
        if self.low[t] in g.determiners and t + 1 < limit and not self.capitalized(t + 1):
            # "the minister declined ...": a determiner and the nouns before the verb
            end = t + 1
            while (
                end + 1 < limit
                and end - t < 2
                and _is_word(self.words[end + 1])
                and self.low[end + 1] not in self.lex.verbs
                and self.low[end + 1] not in g.auxiliaries
                and self.low[end + 1] not in g.boundaries
                and self.low[end + 1] not in g.determiners
                and not self.low[end + 1].endswith(("ed", "ly"))
            ):
                end += 1
            return (t, end) if _is_word(self.words[end]) else None
        if self.low[t] in g.determiners:
            end = t + 1
        while (
            end + 1 < limit
            and _is_word(self.words[end + 1])
            and (self.capitalized(end + 1) or self.words[end + 1].endswith("."))
        ):
            end += 1
        if end >= limit or not (self.capitalized(end) or self.low[end] in g.pronouns):
            return None if not self.capitalized(t) else (t, t)
        return (t, end)

    def plausible_speaker(self, np: tuple[int, int] | None, cue: int) -> bool:
        """Whether a phrase found left of a cue can be its subject, not a verb's object
        ("launched petitions calling on ...") or a noun phrase ("his harsh attacks")."""
        if np is None:
            return False
        g = self.g
        first = self.low[np[0]]
        form = self.low[cue]
        past = form.endswith("ed") or form in self.g.irregular_past
        if first in ("his", "her", "their", "its", "our", "my", "your") and not past:
            return False
        if first in ("a", "an") and not past and not form.endswith("s"):
            return False
        if (
            first in g.pronouns
            or first in g.determiners
            or self.capitalized(np[0])
            or first in self.g.quantifiers
        ):
            return True
        if any(self.is_ly(self.words[t]) for t in range(np[0], np[1] + 1)) or (
            self.low[np[1]].endswith("ed") and not self.capitalized(np[1])
        ):
            return False  # "typically used to outline ...": a verb phrase, not a subject
        before = self.words[np[0] - 1] if np[0] > 0 else ""
        return (
            np[0] == 0
            or self.para_of[np[0] - 1] != self.para_of[np[0]]
            or before in (",", ";", ":", "(", "\u2014", "--")
            or before in QUOTE_MARKS
            or self.low[np[0] - 1]
            in (
                "and",
                "but",
                "that",
                "while",
                "as",
                "because",
                "so",
                "although",
                "though",
                "when",
                "if",
                "since",
                "or",
            )
        )

    def speaker_right(self, i: int, ceiling: int, limit: int = 12) -> tuple[int, int] | None:
        """The speaker phrase that starts at token ``i`` ("said Park", "according to X")."""
        g = self.g
        if i > ceiling or not _is_word(self.words[i]):
            return None
        if self.low[i] in g.pronouns:
            return (i, i)
        j = i
        while j <= ceiling and j - i < limit:
            w = self.words[j]
            low = self.low[j]
            if not _is_word(w):
                if w in ("&",) and j + 1 <= ceiling:
                    j += 1
                    continue
                break
            if low in g.boundaries and self.words[j][:1].isupper():
                pass  # "said Will Doyle", "according to May": a name, not a modal
            elif low in g.boundaries and j > i:
                if (
                    low == "and"
                    and self.capitalized(j - 1)
                    and j + 1 <= ceiling
                    and self.capitalized(j + 1)
                ) or (
                    low in g.inner_prepositions
                    and j + 1 <= ceiling
                    and _is_word(self.words[j + 1])
                    and self.low[j + 1] not in g.boundaries
                ):
                    pass
                else:
                    break
            elif low in g.boundaries:
                return None
            if j > i and self._inflected_cue(j):
                break
            j += 1
        if j == i:
            return None
        end = j - 1
        while end > i and self.low[end] in g.boundaries:
            end -= 1
        if (
            end > i
            and end == j - 1
            and j <= ceiling
            and self.low[j] in g.boundaries
            and self.words[end].islower()
            and self.low[end].endswith("ed")
        ):
            end -= 1  # "according to budget documents submitted to parliament": a participle
        return (i, end)

    def cue_extension(self, i: int, ceiling: int) -> int:
        """Index of the last token of the cue at ``i`` ("told reporters", "said in a statement")."""
        end = i
        for words, role in self.lex.phrases.get(self.low[i], ()):
            if role == "verb" and self._matches(i, words) and i + len(words) - 1 <= ceiling:
                end = i + len(words) - 1
                break
        k = end + 1
        # "said in a statement", "wrote on Twitter"
        for words, role in self.lex.phrases.get(self.low[k] if k <= ceiling else "", ()):
            if role == "adjunct" and self._matches(k, words) and k + len(words) - 1 <= ceiling:
                return k + len(words) - 1
        if k + 2 <= ceiling and self.low[k] == "in" and self.low[k + 1] in (
            "a", "an", "his", "her", "its", "their", "the"
        ):  # fmt: skip
            # "in a statement", "in a nightly video address", "in a written statement": up to
            # two modifiers before the speech noun
            for j in range(k + 2, min(k + 4, ceiling) + 1):
                if self.low[j] in self.lex.nouns:
                    while j + 1 <= ceiling and self.low[j + 1] in self.lex.nouns:
                        j += 1  # "a video address"
                    return j
                if not _is_word(self.words[j]) or self.low[j] in self.g.boundaries:
                    break
        if k + 1 <= ceiling and self.low[k] == "on" and self.low[k + 1] in self.g.media_platforms:
            j = k + 1
            while j + 1 <= ceiling and self.low[j + 1] in self.g.media_platforms and j - k < 3:
                j += 1
            return j
        return end

    def skip_adjuncts(self, k: int, ceiling: int) -> int:
        """Skip time words after a cue ("said on Tuesday that")."""
        g = self.g
        while k <= ceiling:
            low = self.low[k]
            if low in g.time_words or low in g.days:
                k += 1
            elif (
                (low == "on" and k + 1 <= ceiling and self.low[k + 1] in g.days)
                or (
                    low == "in"
                    and k + 1 <= ceiling
                    and (self.low[k + 1][:1].isdigit() or self.low[k + 1] in self.g.months)
                )
                or (
                    low in ("last", "this", "earlier", "late")
                    and k + 1 <= ceiling
                    and self.low[k + 1]
                    in ("week", "month", "year", "night", "morning", "afternoon", "evening")
                )
            ):
                k += 2
            else:
                break
        return k

    def told_object(self, k: int, ceiling: int) -> int:
        """After "told": skip the person told ("told POLITICO", "told reporters"); next index."""
        g = self.g
        if k > ceiling:
            return k
        low = self.low[k]
        if low in g.complementizers:
            return k
        if low in g.object_pronouns or low in self.g.audiences:
            return k + 1
        j = k
        if low in g.determiners:
            j += 1
        if j <= ceiling and self.capitalized(j):
            while j <= ceiling and (self.capitalized(j) or self.low[j] in ("of", "the", "&")):
                j += 1
            # "told Britain's ITV television station": the kind of outlet after its name
            while j <= ceiling and self.low[j] in g.outlet_nouns:
                j += 1
            # "told Republican lawmakers": a group named by a capitalized modifier
            if j <= ceiling and self.low[j] in g.audiences:
                j += 1
            return j
        if j > k and j <= ceiling and _is_word(self.words[j]):
            # "told the newspaper", "told a news conference"
            while j <= ceiling and _is_word(self.words[j]) and j - k < 4:
                if self.low[j] in g.complementizers or self.low[j] in g.pronouns:
                    break
                j += 1
            return j
        return k

    def relay_after(self, i: int, ceiling: int) -> tuple[tuple[int, int], int] | None:
        """ "quoted Kim as saying": the quoted speaker and the last token of the cue."""
        if self.lex.verbs.get(self.low[i], None) is None:
            return None
        if self.lex.verbs[self.low[i]].lemma not in ("quote", "cite"):
            return None
        for j in range(i + 1, min(ceiling, i + 14) + 1):
            if self.low[j] == "as" and j + 1 <= ceiling and self.low[j + 1] in self.lex.verbs:
                speaker = self.speaker_right(i + 1, j - 1, limit=14)
                if speaker is None:
                    return None
                return speaker, j + 1
            if not _is_word(self.words[j]) and self.words[j] != ",":
                return None
        return None

    def _noun_compound(self, cue: int) -> bool:
        """Whether a present-tense cue form is the head of a noun phrase: "his home state",
        "a turning point", "terrorist attacks", "repeated requests" (a base form right after a
        singular word, or an -s form right after an adjective-like word)."""
        form = self.low[cue]
        entry = self.lex.verbs[form]
        if (
            form.endswith(("ed", "ing"))
            or form in self.g.irregular_past
            or (form != entry.lemma and (not form.endswith("s")))
        ):
            return False
        prev_word = self.words[cue - 1]
        prev = self.low[cue - 1]
        if not _is_word(prev_word) or prev in self.g.pronouns or prev in ("who", "which", "that"):
            return False
        if (
            prev in self.g.auxiliaries
            or prev in self.g.adverbs
            or prev in self.g.negations
            or prev.endswith(("n't", "n’t"))
            or prev in self.g.collectives
            or self.is_ly(prev_word)
        ):
            return False
        if (
            form in self.lex.nouns
            and not prev_word[:1].isupper()
            and prev not in self.g.quantifiers
        ):
            return True  # "the perceived media attacks", "his campaign plans": a noun
        if form == entry.lemma:
            return not (
                prev.endswith(("s", "ed"))
                or prev_word[:1].isupper()
                or prev in self.g.quantifiers
                or prev in self.g.determiners
            )
        if prev_word[:1].isupper():
            return False  # "General Electric says": a name is the subject, not an adjective
        return prev.endswith(("al", "ic", "ous", "ive", "ist", "ed", "est", "ful"))

    def negated_or_passive(self, cue: int, floor: int) -> bool:
        """Whether the cue is negated, passive, an infinitive, or a noun ("the state")."""
        prev = self.low[cue - 1] if cue > floor else ""
        inflected = self.low[cue] != self.lex.verbs[self.low[cue]].lemma
        if (
            (prev in self.g.noun_markers and not (prev in ("another", "each") and inflected))
            or prev in self.g.inner_prepositions
            # "2 points", but "six in 10 say": a share of people speaks
            or (prev[:1].isdigit() and not (cue - 2 >= floor and self.low[cue - 2] == "in"))
            or prev.endswith(("'s", "’s"))
        ):
            return True
        if cue > floor and self._noun_compound(cue):
            return True
        _, negated = self._skip_left(cue - 1, floor)
        if negated and not self.cfg.negated:
            return True
        k = cue - 1
        while (
            k >= floor
            and (
                self.low[k] in self.g.adverbs
                or self.is_ly(self.words[k])
                or self.low[k] in self.g.degree_words
            )
            and (self.low[k] not in self.g.be)
        ):
            k -= 1
        if k >= floor and self.low[k] in self.g.be:
            form = self.low[cue]
            if not form.endswith("ing"):
                return True  # "is expected", "was told": no one is named as speaking
        # "is expected to announce": no speaker; "went on to say", "vowed to fight": the
        # subject of the verb before "to" speaks
        return (
            k >= floor
            and self.low[k] == "to"
            and not (k - 1 >= floor and self._catenative(k - 1, cue))
        )

    def _catenative(self, j: int, cue: int) -> bool:
        """Whether the verb at ``j``, before "to" + the cue, keeps its subject as the speaker:
        "went on to say", "vowed to fight", "interjected to say"; "is expected to say" does
        not (a passive names no speaker)."""
        low = self.low[j]
        if low in self.g.catenatives:
            return True
        return (
            low.endswith("ed")
            and self.lex.verbs.get(self.low[cue]) is not None
            and self.lex.verbs[self.low[cue]].lemma in self.g.bare_quote_verbs
            and j - 1 >= 0
            and self.low[j - 1] not in self.g.be
        )

    # ------------------------------------------------------------------ direct quotes

    def run(self) -> list[Candidate]:
        found = self._direct()
        found.extend(self._reported(found))
        return resolve(found)

    def _direct(self) -> list[Candidate]:
        out: list[Candidate] = []
        quotations = self.quotations
        used = [False] * len(quotations)
        for index, q in enumerate(quotations):
            if used[index] or self._is_title(q):
                continue
            frame = self._frame_before(q)
            saved = self.claimed[:] if frame is not None else None
            lead_phrase = frame is None and self._may_be_lead_phrase(index)
            before_after = self.claimed[:] if lead_phrase else None
            after = self._frame_after(q)
            if lead_phrase and after is not None and self._phrase_before_split(index, after[4]):
                assert before_after is not None
                # 'Remarking on his "genuine empathy," Starr said, "Leave aside ..."': the
                # attribution introduces the quotation after it, not the quoted phrase before
                self.claimed = before_after
                continue
            if frame is not None and after is not None:
                if q.closed and self.words[q.close_tok - 1] in (".", "!", "?"):
                    # 'He added, "... ordinary." The government refused ...': a quotation
                    # that ends its sentence belongs to the attribution before it
                    assert saved is not None
                    self.claimed = saved
                    after = None
                else:
                    # 'he warned, "...," Trump told NBC': the attribution after the quotation
                    # names the speaker; the words before it only introduce it
                    frame = None
            signed = False
            if frame is None and after is None:
                after = self._signed_below(q)
                signed = after is not None
            if frame is None and after is None and index > 0 and used[index - 1]:
                # a quote that its attribution could not continue: see _attributed_sentence_between
                after = self._trailing_frame(q)
            if frame is None and after is None:
                continue
            pieces = [index]
            used[index] = True
            if frame is not None:
                cue, speaker, relayer, cue_tok = frame
                last_tok = q.close_tok
            else:
                assert after is not None
                cue, speaker, relayer, cue_tok, last_tok = after
            # pieces that continue this quote: "A," he said, "B." / "A," he said. "B." / open
            # quote paragraph continued by the next paragraph's opening mark; a signed quotation
            # ends at its signature
            cur = q
            nxt = index + 1
            while nxt < len(quotations) and not used[nxt] and not signed:
                r = quotations[nxt]
                if not cur.closed:
                    ok = (
                        r.paragraph == cur.paragraph + 1
                        and r.open_tok == self.para_first[r.paragraph]
                    )
                elif r.paragraph == cur.paragraph:
                    if self._embedded(r) and nxt + 1 < len(quotations):
                        # a title or scare quote inside the attribution ("told NBC's "Today"")
                        nxt += 1
                        continue
                    ok = self._continues(cur, r, last_tok)
                elif r.paragraph == cur.paragraph + 1:
                    ok = self._next_paragraph_goes_on(cur, r, last_tok)
                else:
                    ok = False
                if not ok:
                    break
                pieces.append(nxt)
                used[nxt] = True
                cur = r
                last_tok = r.close_tok
                nxt += 1
            first, last = quotations[pieces[0]], quotations[pieces[-1]]
            start, end, kind = first.start, last.end, "direct"
            if frame is None and not signed:
                # a signed quotation stands on its own line: nothing before it is its content
                lead = self._unquoted_lead(first)
                if lead is not None:
                    start, kind = self.starts[lead], "mixed"
                    end = last.end if not last.closed else self.ends[last.close_tok]
            else:
                start, end, kind = self._widen_before_frame(first, last, cue_tok, speaker)
            out.append(Candidate(kind, start, end, cue, speaker, relayer, 0, cue_tok))
        return out

    def _may_be_lead_phrase(self, index: int) -> bool:
        """The cheap half of :meth:`_phrase_before_split`: a short closed quotation in lower
        case after a word of its sentence, with another quotation after it."""
        q = self.quotations[index]
        return (
            q.closed
            and q.close_tok - q.open_tok <= 7
            and q.open_tok > self.para_first[q.paragraph]
            and _is_word(self.words[q.open_tok - 1])
            and self.text[q.start : q.start + 1].islower()
            and index + 1 < len(self.quotations)
        )

    def _phrase_before_split(self, index: int, last_tok: int) -> bool:
        """Whether quotation ``index``, which passed :meth:`_may_be_lead_phrase`, is a short
        quoted phrase inside the words that lead to an attribution whose quotation follows it
        ('Remarking on his "genuine empathy," Starr said, "Leave aside ..."'): the next
        quotation, capitalized, opens right after the attribution."""
        q, r = self.quotations[index], self.quotations[index + 1]
        gap = self.words[last_tok + 1 : r.open_tok]
        return (
            r.paragraph == q.paragraph
            and gap in ([","], [":"])
            and self.text[r.start : r.start + 1].isupper()
        )

    def _widen_before_frame(
        self,
        first: _Quotation,
        last: _Quotation,
        cue_tok: int,
        speaker: tuple[int, int] | None,
    ) -> tuple[int, int, str]:
        """Content of a quotation introduced by its attribution, widened to the clause when the
        quotation is only part of it: "Instead, Axelrod said, "she started ..."" (the words
        before the speaker belong to the statement when the quotation goes on in lower case),
        "he called it "a disaster" in an interview" (words after the closing mark)."""
        start, end, kind = first.start, last.end, "direct"
        text = self.text
        if (
            speaker is not None
            and first.start < len(text)
            and text[first.start : first.start + 1].islower()
        ):
            first_tok = bisect.bisect_left(self.starts, speaker[0])
            j = first_tok - 1
            p_first = self.para_first[self.para_of[cue_tok]]
            if j >= p_first and self.words[j] == ",":
                k = j - 1
                while (
                    k >= p_first
                    and self.words[k] not in _TERMINATORS
                    and (self.words[k] not in QUOTE_MARKS)
                ):
                    k -= 1
                if (
                    k + 1 < j
                    and self.low[k + 1] not in self.g.leading_adverbials
                    and not all(
                        self.low[t] in self.g.frame_connectives or self.words[t] == ","
                        for t in range(k + 1, j)
                    )
                ):
                    # "At the same time, the person added, "you saw ..."" stays direct
                    start, kind = self.starts[k + 1], "mixed"
        if last.closed:
            t = last.close_tok + 1
            p_last = self.para_last[last.paragraph]
            ended = self.words[last.close_tok - 1] in ("!", "?", ".", "\u2026", ",")
            if t <= p_last and not ended and _is_word(self.words[t]) and not self.is_cue(t):
                stop = t
                while (
                    stop <= p_last
                    and self.words[stop] not in _TERMINATORS
                    and (self.words[stop] not in QUOTE_MARKS)
                ):
                    stop += 1
                end, kind = self.ends[stop - 1], "mixed"
                if start == first.start:
                    start = self.starts[first.open_tok]
        if kind == "mixed" and start == first.start:
            start = self.starts[first.open_tok]
        return start, end, kind

    def _next_paragraph_goes_on(self, cur: _Quotation, r: _Quotation, last_tok: int) -> bool:
        """Whether a paragraph that is only a quotation, with no attribution of its own, goes on
        with the quote that ended the paragraph before ('..." he said.' then '"...."')."""
        if r.open_tok != self.para_first[r.paragraph] or not r.closed:
            return False
        end = self.para_last[r.paragraph]
        if any(_is_word(self.words[t]) for t in range(r.close_tok + 1, end + 1)):
            return False
        prev_last = self.para_last[cur.paragraph]
        # the attribution may go on ('" said Tatum, a pastor in Texas.', '" he said to an
        # enormous cheer.'), but a sentence of narration after it ends the quote
        # a quotation that ends its sentence with no attribution after it ('interjecting, "Only
        # her." But Kelly was relentless.'): the words that follow are narration
        sentence_over = last_tok <= cur.close_tok and self.words[cur.close_tok - 1] in (
            ".",
            "!",
            "?",
        )
        for t in range(max(last_tok, cur.close_tok) + 1, prev_last + 1):
            w = self.words[t]
            if w in _TERMINATORS:
                sentence_over = True
            elif w in QUOTE_MARKS or (sentence_over and _is_word(w) and not self.claimed[t]):
                return False
        return self._continues(cur, r, last_tok, across=True)

    def _runs_into_words(self, r: _Quotation) -> bool:
        """Whether the sentence goes on in unquoted words after quotation ``r`` ('"You
        can't begin until you prove to people" that the border is secure'): ``r`` is then
        part of a mixed statement, not the next piece of a direct quote."""
        if not r.closed or self.words[r.close_tok - 1] in (".", ",", "!", "?", "\u2026", ";"):
            return False
        t = r.close_tok + 1
        return (
            t <= self.para_last[r.paragraph]
            and _is_word(self.words[t])
            and not self.capitalized(t)
            and not self.is_cue(t)
        )

    def _signed_below(
        self, q: _Quotation
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int, int] | None:
        """A quotation alone on its line, signed with a dash and a name, as quote boxes, fact
        checks and reader testimonials print them: on the same line ('"...." ― Ana Ruiz')
        or as the next paragraph ("- Bernie Sanders."). The dash is the cue."""
        if not q.closed or not self._line_starts(q.open_tok):
            return None
        if self._title_like(q):
            return None  # a title with its author ('"Barbie" — Greta Gerwig'), not a quote
        last = self.para_last[q.paragraph]
        if q.close_tok < last and self.words[q.close_tok + 1] in _SIGNATURE_DASHES:
            end = q.close_tok + 1
            while end < last and not self._line_ends(end):
                end += 1
            return self._signature(q.close_tok + 1, end)
        if q.open_tok != self.para_first[q.paragraph] or q.close_tok < last - 1:
            return None
        nxt = q.paragraph + 1
        if nxt >= len(self.para_first):
            return None
        return self._signature(self.para_first[nxt], self.para_last[nxt])

    def _title_like(self, q: _Quotation) -> bool:
        """Whether closed quotation ``q`` is too short to be a statement unless it ends like
        one: fewer than four words and no final stop ('"Barbie"', but '"Yes."' is one)."""
        words = sum(1 for t in range(q.open_tok + 1, q.close_tok) if _is_word(self.words[t]))
        return words < 4 and self.words[q.close_tok - 1] not in (".", "!", "?", "\u2026")

    def _line_starts(self, t: int) -> bool:
        """Whether token ``t`` is the first of its line (paragraphs may hold several lines)."""
        return (
            t == self.para_first[self.para_of[t]]
            or "\n" in self.text[self.ends[t - 1] : self.starts[t]]
        )

    def _line_ends(self, t: int) -> bool:
        """Whether token ``t`` is the last of its line."""
        return (
            t == self.para_last[self.para_of[t]]
            or "\n" in self.text[self.ends[t] : self.starts[t + 1]]
        )

    def _signature(
        self, first: int, last: int
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int, int] | None:
        """A dash then a name of at most six capitalized words, ending the line (tokens
        ``first`` to ``last``), maybe followed by a description after a comma ("― Ana Ruiz,
        34, a nurse in Leeds"); the dash is claimed as cue and the name as speaker."""
        if first > last or self.words[first] not in _SIGNATURE_DASHES:
            return None
        end = first
        while (
            end + 1 <= last
            and end - first < 6
            and self.capitalized(end + 1)
            and _is_word(self.words[end + 1])
        ):
            end += 1
        if end == first:
            return None
        rest = self.words[end + 1 : last + 1]
        if rest and rest != ["."] and rest[0] != ",":
            return None  # '"..." - Russian for goodbye': words that do not sign it
        self._claim(first, end)
        return (
            (self.starts[first], self.ends[first]),
            (self.starts[first + 1], self.ends[end]),
            None,
            first,
            last,
        )

    def _is_title(self, q: _Quotation) -> bool:
        """Whether quotation ``q`` names a work or a slogan inside a sentence ('starred in
        "Guardians of the Galaxy,"', 'a book called "This Kind of War"'): short, closed,
        after a word, with every content word capitalized."""
        if not q.closed or q.open_tok == 0 or q.close_tok - q.open_tok > 10:
            return False
        before = self.words[q.open_tok - 1]
        after = q.close_tok + 1
        if (
            q.close_tok - q.open_tok <= 3
            and after <= self.para_last[q.paragraph]
            and _is_word(self.words[after])
            and self.words[after].islower()
            and self.low[after] not in self.g.pronouns
            and not self.is_cue(after)
            and all(_is_word(self.words[t]) for t in range(q.open_tok + 1, q.close_tok))
        ):
            return True  # 'waging "sexist" attacks', 'her "clawback" plan': a scare quote
        if before == "," and q.open_tok >= 2 and self.low[q.open_tok - 2] in self.g.work_nouns:
            pass  # 'in his 2012 book, "An American Son."': the work's name in apposition
        elif (
            q.close_tok - q.open_tok <= 5
            and after <= self.para_last[q.paragraph]
            and _is_word(self.words[after])
            and self.words[after].islower()
            and not self.is_cue(after)
            and not any(
                self.words[t] in (",", ".", "!", "?") for t in range(q.open_tok, q.close_tok)
            )
        ):
            pass  # '"Daily Show" host Trevor Noah': a name used as a modifier
        elif not (_is_word(before) or before == "("):
            return False
        if self.is_cue(q.open_tok - 1) and self.words[q.close_tok - 1] in ("!", "?"):
            return False  # 'Some chanted "USA! USA!"': an exclamation after a cue, not a name
        words = [t for t in range(q.open_tok + 1, q.close_tok) if _is_word(self.words[t])]
        if not words:
            return False
        return all(
            self.words[t][:1].isupper() or self.words[t][:1].isdigit()
            for t in words
            if self.low[t] not in _TITLE_SMALL_WORDS or t == words[0]
        )

    def _embedded(self, r: _Quotation) -> bool:
        """Whether quotation ``r`` sits inside a sentence (after a word), short and closed."""
        before = self.words[r.open_tok - 1] if r.open_tok > 0 else ""
        return r.closed and _is_word(before) and r.close_tok - r.open_tok <= 8

    def _continues(
        self, cur: _Quotation, r: _Quotation, last_tok: int, *, across: bool = False
    ) -> bool:
        """Whether quotation ``r`` goes on with the quote that ended at ``cur``.

        It does when it opens a sentence or follows the attribution's comma, has no cue between
        it and the attribution, and no attribution of its own ("A," he said. "B," she said).
        """
        before = self.words[r.open_tok - 1] if r.open_tok > 0 else ""
        if before.endswith(".") and len(before) > 1:
            before = "."  # "... in Fort Mill, S.C. "It seems ...""
        elif (
            before in QUOTE_MARKS
            and r.open_tok > 1
            and self.words[r.open_tok - 2] in (".", "!", "?")
        ):
            before = "."  # a title ends the attribution: 'he said on "This Week." "But ...""
        if (
            before not in (".", "!", "?", ",", ";", "\u2014", "-")
            and r.open_tok != cur.close_tok + 1
            and not (r.open_tok == last_tok + 1 and self.text[r.start : r.start + 1].isupper())
        ):
            # ('"A," Trump said "B."': a stop left out after the attribution is still one)
            return False
        if self._runs_into_words(r) or self._is_title(r):
            return False
        if not across and (
            self._new_clause_between(max(last_tok, cur.close_tok) + 1, r.open_tok)
            or self._attributed_sentence_between(max(last_tok, cur.close_tok) + 1, r.open_tok)
        ):
            return False
        if self._second_attribution_between(max(last_tok, cur.close_tok) + 1, r.open_tok):
            return False
        saved = self.claimed[:]
        try:
            frame = self._frame_before(r)
            if frame is not None and not self._aside_participle(
                frame[3], max(last_tok, cur.close_tok) + 1, r.open_tok
            ):
                return False
            return self._frame_after(r) is None
        finally:
            self.claimed = saved

    def _aside_participle(self, cue: int, a: int, b: int) -> bool:
        """Whether the cue at ``cue`` opens an aside between an attribution and the next piece
        of its quote ('"A," said Park, speaking of the talks, "b."'): it names the topic, it
        introduces no statement of its own."""
        if not a < cue < b or self.words[cue - 1] != ",":
            return False
        return any(self._matches(cue, phrase) and cue + len(phrase) < b for phrase in self.g.asides)

    def _second_attribution_between(self, a: int, b: int) -> bool:
        """Whether a statement of its own sits between an attribution and the next quotation
        ('"A," he said, adding that the vote was close. "B."'): the next quotation then starts
        a quote of its own."""
        for t in range(a + 1, b - 1):
            if self.words[t - 1] != ",":
                continue
            form = self.lex.verbs.get(self.low[t])
            if form is not None and form.participle and self.low[t + 1] == "that":
                return True
        return False

    def _new_clause_between(self, a: int, b: int) -> bool:
        """Whether a clause of its own starts between an attribution and the next quotation
        ('"A," she said, but despite the fractious tone, "b ..."'): a coordinating "but" after
        a comma, followed by words; the next quotation then belongs to that clause."""
        return any(
            self.words[t - 1] == "," and self.low[t] == "but" and _is_word(self.words[t + 1])
            for t in range(a + 1, b - 1)
        )

    def _attributed_sentence_between(self, a: int, b: int) -> bool:
        """Whether a sentence ending in an attribution of its own comes between an attribution
        and the next quotation ('"A," Santos said. The group will watch the case, Santos says.
        "B."'): the next quotation goes to that attribution (:meth:`_trailing_frame`), not to
        the first. A sentence that only has a speech verb in it ('He noted the crowd.') is
        narration, which a quote may run over."""
        return self._trailing_attribution_cue(a, b - 1, after_stop=True) is not None

    def _trailing_attribution_cue(self, a: int, end: int, *, after_stop: bool) -> int | None:
        """The cue of a sentence that ends at token ``end`` with ", X says." or ", says X."
        (time words allowed after it); with ``after_stop``, only one after a full stop in
        ``a..end`` (not the attribution that ends the first quotation's own sentence)."""
        if end < a or self.words[end] not in (".", "!", "?"):
            return None
        t = end - 1
        while t > a and (
            self.low[t] in self.g.time_words
            or self.low[t] in self.g.days
            or (self.low[t] == "on" and self.low[t + 1] in self.g.days)
        ):
            t -= 1  # "..., the agency said on Tuesday."
        # ", Santos says." : the cue last; ", says Santos." : the speaker last
        cue = t if self.is_cue(t) else None
        if cue is None:
            k = t
            while k > a and self.capitalized(k) and t - k < 4:
                k -= 1
            if k < t and self.is_cue(k) and self.words[k - 1] == ",":
                cue = k
        elif self.words[cue - 1] != "," and not self._comma_before_subject(cue, a):
            cue = None
        if cue is None or self.claimed[cue] or self.inside[cue]:
            return None
        if after_stop and not any(self.words[u] in _TERMINATORS for u in range(a, cue)):
            return None  # the attribution of the first quotation itself
        return cue

    def _comma_before_subject(self, cue: int, a: int) -> bool:
        """Whether a comma stands right before the subject that ends at ``cue`` - 1
        ('..., Santos says', '..., the group's lawyer says')."""
        speaker = self.speaker_left(cue, a)
        return speaker is not None and speaker[0] > a and self.words[speaker[0] - 1] == ","

    def _trailing_frame(
        self, q: _Quotation
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int, int] | None:
        """The attribution of a quotation that opens right after a sentence ending in its own
        attribution, after an earlier quote of the paragraph ('"A," Santos said. The group
        will watch the case, Santos says. "B."'): the speaker of that sentence goes on."""
        first = self.para_first[q.paragraph]
        if q.open_tok - 1 < first + 2 or self.words[q.open_tok - 1] not in (".", "!", "?"):
            return None
        sentence_start = q.open_tok - 2
        while sentence_start > first and self.words[sentence_start - 1] not in _TERMINATORS:
            sentence_start -= 1
        cue = self._trailing_attribution_cue(sentence_start, q.open_tok - 1, after_stop=False)
        if cue is None:
            return None
        if self.words[cue - 1] == ",":
            speaker = self.speaker_right(cue + 1, q.open_tok - 2, 6)
        else:
            speaker = self.speaker_left(cue, sentence_start)
        if speaker is None:
            return None
        return (
            (self.starts[cue], self.ends[cue]),
            self._span(speaker),
            None,
            cue,
            q.close_tok,
        )

    def _tokens_of(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The tokens that a character span covers (the inverse of :meth:`_span`)."""
        first = bisect.bisect_left(self.starts, span[0])
        last = bisect.bisect_left(self.starts, span[1]) - 1
        return (first, last) if first <= last else None

    def _span(self, toks: tuple[int, int] | None) -> tuple[int, int] | None:
        if toks is None:
            return None
        return (self.starts[toks[0]], self.ends[toks[1]])

    def _claim(self, a: int, b: int) -> None:
        for t in range(a, b + 1):
            self.claimed[t] = True

    def _unquoted_lead(self, q: _Quotation) -> int | None:
        """First token of unquoted words before ``q`` in its sentence ("He called it "...")."""
        first = self.para_first[q.paragraph]
        j = q.open_tok - 1
        lead = None
        while j >= first:
            w = self.words[j]
            if (
                w in _TERMINATORS
                or w in QUOTE_MARKS
                or w in (":", "-", "--", "\u2014", "\u2013", "(")
            ):
                break
            if _is_word(w):
                lead = j
            j -= 1
        if (
            lead is not None
            and self.low[lead] in self.g.connectives
            and all(not _is_word(self.words[t]) for t in range(lead + 1, q.open_tok))
        ):
            return None  # "Yet, "it is hard ..."": a connective, not part of the statement
        if (
            lead is not None
            and self.words[q.open_tok - 1] == ","
            and self.text[q.start : q.start + 1].isupper()
            and any(self.is_cue(t) for t in range(lead, q.open_tok - 1))
        ):
            # 'he warned, "Certainly ...," Trump told NBC': words that hold a speech verb and
            # end in a comma before a capitalized quotation introduce it; they are no content
            return None
        if (
            lead is not None
            and self.words[q.open_tok - 1] == ","
            and self.text[q.start : q.start + 1].isupper()
            and self.low[lead] in self.g.leading_adverbials
            and not any(self.is_cue(t) for t in range(lead, q.open_tok))
            and any(
                self.words[t].islower() and self.low[t] not in _TITLE_SMALL_WORDS
                for t in range(q.open_tok + 1, q.close_tok if q.closed else q.open_tok + 12)
                if t < len(self.words)
            )
        ):
            # "As for his harsher remarks, "I write them off," he said": a fronted adverbial
            # sets the scene; the quotation is a sentence of its own
            return None
        return lead

    def _frame_after(
        self, q: _Quotation
    ) -> tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None, int, int] | None:
        """``"...," Park said`` / ``said Park`` / ``KCNA quoted Kim as saying``."""
        if not q.closed:
            return None
        k = q.close_tok + 1
        last = self.para_last[q.paragraph]
        if k <= last and self.words[k] in ("'", "\u2019"):
            k += 1  # a single mark that closes a quotation nested in this one
        if k <= last and self.words[k] == ",":
            k += 1
        if k > last:
            return None
        ceiling = k
        while ceiling <= last and ceiling - k < 40:
            w = self.words[ceiling]
            if w in _TERMINATORS or w in QUOTE_MARKS or w == ":":
                break
            ceiling += 1
        ceiling -= 1
        for m in range(k, ceiling + 1):
            if not self.is_cue(m):
                continue
            according = self._according_len(m)
            if according:
                speaker = self.speaker_right(m + according, ceiling)
                cue = (m, m + according - 1)
                self._claim(m, m + according - 1)
                if speaker:
                    self._claim(*speaker)
                end_tok = speaker[1] if speaker else cue[1]
                return (self._span(cue), self._span(speaker), None, m, end_tok)  # type: ignore[return-value]
            if (
                m - 2 >= k
                and self.low[m - 1] == "to"
                and not self._catenative(m - 2, m)
                and self.lex.verbs[self.low[m]].lemma == self.low[m]
            ):
                # '"...," an aide, who was not authorized to speak publicly, told ...': an
                # infinitive inside the speaker's description, not the attribution's verb
                continue
            relayer: tuple[int, int] | None = None
            if m == k:
                # inverted: "said Park", "added the official"
                cue_end = self.cue_extension(m, ceiling)
                speaker = self.speaker_right(self.skip_adjuncts(cue_end + 1, ceiling), ceiling, 8)
                if speaker is None:
                    return None
            else:
                speaker = self.speaker_left(m, k)
                if speaker is None or speaker[0] > self._skip_left_start(k, speaker[0]):
                    speaker = self._coordinated_speaker(k, m) or speaker
                if speaker is None and m == k + 1 and self.capitalized(k) and m != ceiling + 1:
                    # '"...," From said.', '"..." Will wrote.': right after the quotation a
                    # capitalized word before the cue is a name, even one spelled like a
                    # preposition or a modal
                    speaker = (k, k)
                if speaker is None or speaker[0] > self._skip_left_start(k, speaker[0]):
                    if speaker is not None and self.low[speaker[0]] in ("who", "which"):
                        # '"...," Warren, who has not endorsed anyone, told reporters': the
                        # cue of a relative clause; the attribution's own cue comes later
                        continue
                    return None
                cue_end = self.cue_extension(m, ceiling)
                relay = self.relay_after(m, ceiling)
                if relay is not None:
                    relayer = speaker
                    speaker, cue_end = relay
                elif self.lex.verbs[self.low[m]].lemma in self.g.takes_object:
                    obj = self.told_object(cue_end + 1, ceiling)
                    cue_end = max(cue_end, obj - 1)
            # a cue followed by ":" introduces the next quotation, not this one
            nxt = ceiling + 1
            if (
                nxt <= last
                and self.words[nxt] == ":"
                and not any(self.is_cue(t) for t in range(max(m, cue_end) + 1, nxt))
            ):
                # (unless another cue takes the colon: '"...," he said before adding: "..."')
                return None
            if self.words[q.close_tok - 1] in ("!", "?", ".") and m != k:
                # "... unhinged." Sen. Rubio called Trump ...: after a full stop inside the
                # marks, only a short frame ("Trump said.") still belongs to the quotation
                done = self.skip_adjuncts(
                    max(cue_end, speaker[1] if speaker else cue_end) + 1, last
                )
                while done <= last and (
                    self.low[done] in _PARTICLES_AFTER_CUE or self.is_ly(self.words[done])
                ):
                    done += 1  # "the audience screamed back.", "he asks rhetorically."
                if (
                    done <= last
                    and self.words[done] not in (".", ",", "!", "?", ";", ":")
                    and (self.words[done] not in QUOTE_MARKS)
                    and self.low[done] not in _PREPOSITIONS_AFTER_CUE
                ):
                    return None
                if self._infinitive_follows(done, last):
                    # '"... re-election." He went on to endorse Ayotte.': the sentence
                    # goes on to another act, it does not attribute the quotation
                    return None
                if (
                    done + 1 <= last
                    and self.words[done] in (",", ":")
                    and self.words[done + 1] in QUOTE_MARKS
                ):
                    return None  # '"A." He adds, "B."': the attribution introduces B
            self._claim(m, cue_end)
            if speaker is not None:
                self._claim(*speaker)
            if relayer is not None:
                self._claim(*relayer)
            end_tok = max(cue_end, speaker[1] if speaker else cue_end)
            return (
                (self.starts[m], self.ends[cue_end]),
                self._span(speaker),
                self._span(relayer),
                m,
                end_tok,
            )
        return self._unknown_verb_after(q, k, ceiling, last)

    def _coordinated_speaker(self, k: int, m: int) -> tuple[int, int] | None:
        """The whole phrase between a quotation and its cue when it is one description joined
        by "and" ('"...," the Ohio senator and presidential candidate said'): a determiner
        opens it and only words stand between it and the cue, so "and" cannot start a clause."""
        end, _ = self._skip_left(m - 1, k)
        if end - k < 3 or end - k > 10 or self.low[k] not in ("the", "a", "an"):
            return None
        inner = range(k + 1, end + 1)
        if not any(self.low[t] == "and" for t in inner) or self.low[end] == "and":
            return None
        if not all(_is_word(self.words[t]) and not self.is_cue(t) for t in inner):
            return None
        return (k, end)

    def _unknown_verb_after(
        self, q: _Quotation, k: int, ceiling: int, last: int
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int, int] | None:
        """``"...," Smith harrumphed.``: right after a quotation that ends with a comma, "!" or
        "?", a name or pronoun and one past-tense or present verb that end the sentence are
        an attribution whatever the verb ("beamed", "shot back"). A past-tense verb may also
        end its clause at a coordinating word or a comma ('"...," Trump barked and a guard
        led him out')."""
        if self.words[q.close_tok - 1] not in (",", "!", "?"):
            return None
        word = self.words[k]
        if _is_word(word) and word.islower() and word.endswith("ed") and k < ceiling:
            # inverted: '"...," reacted Trump.', '"...," recalled Roy Verley, a former aide.'
            speaker = self.speaker_right(k + 1, ceiling, 8)
            if (
                speaker is not None
                and (speaker[1] == ceiling or self.words[speaker[1] + 1] == ",")
                and (
                    self.capitalized(speaker[0])
                    or (self.low[speaker[0]] in self.g.determiners and speaker[1] == ceiling)
                )
                and (ceiling + 1 > last or self.words[ceiling + 1] in (".", "!", "?", ";"))
            ):
                self._claim(k, speaker[1])
                return ((self.starts[k], self.ends[k]), self._span(speaker), None, k, speaker[1])
        verbs: list[int] = []
        if ceiling - k <= 6 and (
            ceiling + 1 > last or self.words[ceiling + 1] in (".", "!", "?", ";")
        ):
            verbs.append(ceiling)
        verbs.extend(
            t
            for t in range(k + 1, min(ceiling, k + 6))
            if self.low[t + 1] in _CLAUSE_LINKS_AFTER_VERB and self.low[t].endswith("ed")
        )
        for verb in verbs:
            word = self.words[verb]
            if not (_is_word(word) and word.islower() and (word.endswith(("ed", "s")))):
                continue
            speaker = self.speaker_right(k, verb - 1, 6)
            if speaker is None or speaker[1] != verb - 1:
                continue
            if not (
                self.capitalized(speaker[0])
                or self.low[speaker[0]] in self.g.pronouns
                or (self.low[speaker[0]] in self.g.determiners and self.capitalized(speaker[1]))
            ):
                # ('an angry Hollande retaliated': a determiner before a name)
                continue
            self._claim(k, verb)
            return ((self.starts[verb], self.ends[verb]), self._span(speaker), None, verb, verb)
        return None

    def _skip_left_start(self, k: int, start: int) -> int:
        """Tokens between the quotation and the speaker may only be "," or adverbs."""
        j = k
        while j < start and (self.low[j] in self.g.adverbs or self.words[j] == ","):
            j += 1
        return j

    def _frame_before(
        self, q: _Quotation
    ) -> tuple[tuple[int, int], tuple[int, int] | None, tuple[int, int] | None, int] | None:
        """``Park said: "..."`` / ``he told reporters, "..."`` / a paragraph ending in ``said:``."""
        first = self.para_first[q.paragraph]
        k = q.open_tok - 1
        if k < first:
            # a quote paragraph introduced by a previous paragraph that ends with "said:"
            if q.paragraph == 0 or q.open_tok != first:
                return None
            k = self.para_last[q.paragraph - 1]
            if k < 0 or self.words[k] != ":" or (q.closed and self._title_like(q)):
                return None  # ('Films of the year:' then '"Barbie" - ...': a list of titles)
            first = self.para_first[q.paragraph - 1]
        punct = self.words[k] if k >= first and not _is_word(self.words[k]) else ""
        if punct in (":", ","):
            k -= 1
        elif punct:
            return None  # a full stop, a dash, a bracket: the quotation starts on its own
        # find the cue within a few tokens before the mark
        floor = k
        while floor > first and k - floor < 8:
            w = self.words[floor - 1]
            if w in _TERMINATORS or w in QUOTE_MARKS or w == ":":
                break
            floor -= 1
        for m in range(k, floor - 1, -1):
            if not self.is_cue(m) or self.claimed[m]:
                continue
            if self.inside[m]:
                return None
            according = self._according_len(m)
            if according:
                speaker = self.speaker_right(m + according, k)
                if speaker is None or speaker[1] != k:
                    return None
                self._claim(m, k)
                return (
                    (self.starts[m], self.ends[m + according - 1]),
                    self._span(speaker),
                    None,
                    m,
                )
            sentence_quote = (
                q.closed
                and self.text[q.start : q.start + 1].isupper()
                and self.words[q.close_tok - 1] in (".", "!", "?")
            )
            if punct == "" and (
                m != k
                or (
                    self.lex.verbs[self.low[m]].lemma not in self.g.bare_quote_verbs
                    and not sentence_quote
                )
            ):
                # 'what he called "sophisticated adversaries"': a quoted phrase as the object
                # of the verb is part of a reported clause, not a quotation on its own
                return None
            if self.low[m + 1] in self.g.complementizers and m < k:
                return None
            # the sentence this cue is in
            s_floor = m
            p_first = self.para_first[self.para_of[m]]
            while (
                s_floor > p_first
                and self.words[s_floor - 1] not in _TERMINATORS
                and self.words[s_floor - 1] not in QUOTE_MARKS
            ):
                s_floor -= 1
            if self._inside_reported_clause(q, s_floor, m):
                return None
            infinitive = self._infinitive_intro(m, k, punct, s_floor)
            asked = self._asked_question(q, m, k, punct)
            if (
                not infinitive
                and not asked
                and self.negated_or_passive(m, s_floor)
                and not self._verb_before_sentence_quote(m, k, s_floor, sentence_quote)
            ):
                return None
            speaker = self.speaker_left(m, s_floor) if not (infinitive or asked) else None
            if infinitive:
                speaker = self._subject(s_floor, m - 1)
            cue_end = k
            if (
                speaker is None
                and m < k
                and not self.capitalized(m)
                and not (
                    self.low[m].endswith("ing")
                    and self.lex.verbs[self.low[m]].lemma in self.g.takes_object
                )
            ):
                # "But, said Solovey, "..."", "warned Senator Graham, "..."" (but "...,
                # telling reporters, "..."": whoever a participle tells is not the speaker)
                after_cue = self.speaker_right(m + 1, k, 8)
                if after_cue is not None and after_cue[1] == k and after_cue[0] == m + 1:
                    speaker, cue_end = after_cue, m
            if speaker is None:
                j, _ = self._skip_left(m - 1, s_floor)
                if j >= s_floor and self.low[j] in _SUBJECT_LINKS:
                    # "Warren endorsed Clinton, saying, "..."", "... before saying, "..."": the
                    # clause's subject speaks
                    speaker = self._subject(s_floor, j)
                elif (
                    j - 1 >= s_floor
                    and self.low[j] == "that"
                    and _is_word(self.words[j - 1])
                    and not self.capitalized(j - 1)
                ):
                    # "a headline that said, "..."": the thing that says it
                    speaker = self._np_left(j - 1, s_floor)
            relayer = None
            relay = self.relay_after(m, k)
            if relay is not None:
                relayer = speaker
                speaker = relay[0]
            self._claim(m, max(cue_end, speaker[1] if speaker else cue_end))
            if speaker is not None:
                self._claim(*speaker)
            if relayer is not None:
                self._claim(*relayer)
            return (
                (self.starts[m], self.ends[cue_end]),
                self._span(speaker),
                self._span(relayer),
                m,
            )
        if punct == ",":
            inverted = self._inverted_before(floor, k)
            if inverted is None:
                # 'Said Dorothy Poynter, who grew up with him, "..."': the cue and speaker
                # open the sentence, a description of the speaker runs up to the quotation
                start = floor
                while (
                    start > first
                    and k - start < 40
                    and self.words[start - 1] not in _TERMINATORS
                    and self.words[start - 1] not in QUOTE_MARKS
                ):
                    start -= 1
                if start < floor:
                    inverted = self._inverted_before(start, k, described=True)
            if inverted is not None:
                return inverted
        if punct == ":":
            return self._colon_frame(k + 1, first)
        return None

    def _inside_reported_clause(self, q: _Quotation, floor: int, m: int) -> bool:
        """Whether quotation ``q``, going on in lower case, ends a reported clause that an
        earlier cue opened ('Bolton said that whatever choice voters make, "they should ..."'):
        the quotation is part of that indirect statement (mixed), not a quote of cue ``m``."""
        if not self.text[q.start : q.start + 1].islower():
            return False
        return any(
            self.is_cue(t) and self.low[t + 1] in self.g.complementizers for t in range(floor, m)
        )

    def _infinitive_follows(self, k: int, last: int) -> bool:
        """Whether token ``k`` is "to" before a verb ("went on to endorse") rather than a
        preposition before the person spoken to ("said to reporters", "said to the crowd")."""
        if k + 1 > last or self.low[k] != "to":
            return False
        nxt, word = self.low[k + 1], self.words[k + 1]
        return (
            _is_word(word)
            and word.islower()
            and nxt not in self.g.determiners
            and nxt not in self.g.pronouns
            and nxt not in self.g.object_pronouns
            and nxt not in self.g.audiences
        )

    def _verb_before_sentence_quote(self, m: int, k: int, floor: int, sentence_quote: bool) -> bool:
        """Whether an -s cue form glued to a quotation that is a whole sentence is a verb even
        after a noun ('The ad claims "Jeb is the one you can trust."'), where elsewhere "ad
        claims" would read as a noun phrase."""
        if not sentence_quote or m != k or m - 1 < floor:
            return False
        prev = self.low[m - 1]
        return (
            self.low[m].endswith("s")
            and _is_word(self.words[m - 1])
            and prev not in self.g.noun_markers
            and prev not in self.g.quantifiers
            and not prev.endswith(("'s", "\u2019s", "s"))
            and not self._skip_left(m - 1, floor)[1]
        )

    def _asked_question(self, q: _Quotation, m: int, k: int, punct: str) -> bool:
        """Whether ``q`` is a question put to someone ("Trump was asked, "Why ...?""): the
        words of an unnamed asker, quoted; the quote has no speaker."""
        return (
            m == k
            and punct in (",", ":")
            and self.low[m] == "asked"
            and m - 1 >= 0
            and self.low[m - 1] in self.g.be
            and q.closed
            and self.words[q.close_tok - 1] == "?"
        )

    def _infinitive_intro(self, m: int, k: int, punct: str, floor: int) -> bool:
        """Whether cue ``m`` is an infinitive that introduces the quotation right after it
        ("Trump was prompted to say, "..."", "he rose to announce: "...""): whatever verb
        comes before "to", someone is quoted, and the clause's subject is who says it."""
        if m != k or punct not in (",", ":") or m - 1 < floor or self.low[m - 1] != "to":
            return False
        form = self.lex.verbs.get(self.low[m])
        return (
            form is not None
            and self.low[m] == form.lemma
            and not form.belief
            and not form.stance
            and m - 2 >= floor
            and _is_word(self.words[m - 2])
        )

    def _inverted_before(
        self, a: int, k: int, *, described: bool = False
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int] | None:
        """``Said Comey, "..."``: a sentence opened by a capitalized cue and its speaker, with
        the comma before the quotation at ``k + 1``. ``described``: the speaker must then be
        followed by a comma (an appositive or a relative clause runs up to the quotation)."""
        if a >= k or self.claimed[a] or not self.capitalized(a):
            return None
        if a > self.para_first[self.para_of[a]] and self.words[a - 1] not in _TERMINATORS:
            return None
        form = self.lex.verbs.get(self.low[a])
        if form is None or form.participle or form.belief or form.stance:
            return None
        speaker = self.speaker_right(a + 1, k)
        if speaker is None or speaker[0] != a + 1:
            return None
        if described and (speaker[1] + 1 > k or self.words[speaker[1] + 1] != ","):
            return None
        self._claim(a, a)
        self._claim(*speaker)
        return ((self.starts[a], self.ends[a]), self._span(speaker), None, a)

    def _colon_frame(
        self, colon: int, first: int
    ) -> tuple[tuple[int, int], tuple[int, int] | None, None, int] | None:
        """``She then addressed the crowd: "..."``, ``Fiorina: "..."``: the clause before a
        colon introduces the quotation; its subject speaks and the rest, with the colon, is the
        cue."""
        start = colon - 1
        while start > first and colon - start < 24:
            w = self.words[start - 1]
            if w in _TERMINATORS or w in QUOTE_MARKS or w == ":":
                break
            start -= 1
        if start >= colon or self.claimed[colon]:
            return None
        if self.low[start] in self.g.colon_stopwords:
            return None
        speaker = self._subject(start, colon)
        if speaker is None or self.low[speaker[0]] in ("it", "this", "there"):
            return None
        cue_first = speaker[1] + 1
        self._claim(cue_first, colon)
        self._claim(*speaker)
        return ((self.starts[cue_first], self.ends[colon]), self._span(speaker), None, colon)

    # ------------------------------------------------------------------ reported speech

    def _labelled(self) -> list[Candidate]:
        """``BENENSON: Senator Sanders doesn't get to decide ...``: a paragraph opened by a
        name and a colon (transcripts, headline quotes) is that speaker's statement."""
        out = []
        for p_index, first in enumerate(self.para_first):
            last = self.para_last[p_index]
            if first > last:
                continue
            colon = first
            while colon <= last and colon - first < 5 and self.words[colon] != ":":
                if not _is_word(self.words[colon]) or not self.capitalized(colon):
                    break
                colon += 1
            if colon > last or colon == first or self.words[colon] != ":":
                continue
            if self.low[first] in self.g.colon_stopwords or self.claimed[colon]:
                continue
            name = (self.starts[first], self.ends[colon - 1])
            transcript = (
                colon == first + 1 and self.words[first].isupper() and len(self.words[first]) > 2
            )
            if not transcript and not self._names_source(name):
                continue
            content = self._content(colon + 1, last)
            if content is None:
                continue
            self._claim(first, colon)
            out.append(
                Candidate(content[2], content[0], content[1],
                           (self.starts[colon], self.ends[colon]),
                           (self.starts[first], self.ends[colon - 1]), None, 1, colon)
            )  # fmt: skip
        return out

    def _names_source(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` is (within) a mention of a person or outlet the sources step found."""
        return any(start <= span[0] and span[1] <= end for start, end in self.source_spans)

    def _reported(self, direct: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = self._labelled()
        triggers = self.cfg.triggers
        for i in [i for i, w in enumerate(self.low) if w in triggers]:
            if self.claimed[i] or self.inside[i]:
                continue
            low = self.low[i]
            sent = self.sent_of[i]
            a, b = self.sent_first[sent], self.sent_last[sent]
            if self._in_comment(i, a):
                continue  # "..., a claim that could not be verified": nobody's statement
            # sentences never cross paragraphs; keep to this paragraph's tokens
            according = self._according_len(i)
            if according:
                cand = self._according(i, according, a, b)
                if cand is not None:
                    out.append(cand)
                continue
            form = self.lex.verbs.get(low)
            if form is not None:
                if (form.belief and not self.cfg.beliefs) or (form.stance and not self.cfg.stances):
                    continue
                if (
                    self.capitalized(i)
                    and i != a
                    and not (
                        self._title_case(a, b)
                        and not form.stance
                        and not form.belief
                        and low != form.lemma
                        and not form.participle
                    )
                ):
                    continue  # "Says" in a name: not a cue mid-sentence (but in a headline)
                if low == "asked" and (i == a or (i == a + 1 and self.low[a] == "when")):
                    cand = self._asked(i, b)
                else:
                    cand = self._verb(i, form, a, b, [*direct, *out])
                if cand is not None:
                    out.append(cand)
                    continue
            if low in self.lex.nouns and i + 1 <= b and not self.capitalized(i):
                cand = self._noun(i, a, b)
                if cand is not None:
                    out.append(cand)
        return out

    def _comment_head(self, comma: int) -> int | None:
        """The noun after ``comma`` when it opens the writer's comment on a reported clause
        ("..., a claim that could not be verified"; nouns in ``content_comments``)."""
        t = comma + 1
        if t < self.n and self.low[t] in ("a", "an", "the"):
            t += 1
        if t < self.n and self.low[t] in self.g.content_comments and not self.inside[t]:
            return t
        return None

    def _in_comment(self, i: int, a: int) -> bool:
        """Whether token ``i`` is in such a comment: its noun, or after it up to the next
        comma of the sentence."""
        t = i
        while t > a and self.words[t] != ",":
            t -= 1
        if self.words[t] != ",":
            return False
        head = self._comment_head(t)
        if head is None or head > i:
            return False
        if i == head:
            return True  # the noun itself ("a claim that ...")
        j = head + 1
        while (
            j < i
            and self.words[j].isalpha()
            and self.words[j].islower()
            and self.low[j] not in self.g.complementizers
            and not self.is_cue(j)
        ):
            j += 1  # "the charge sheet"
        if j == i:
            # a cue right after the noun phrase: its verb ("..., the assessment said") unless a
            # passive participle with its agent ("..., a figure disputed by Kyiv")
            return i + 1 < self.n and self.low[i + 1] == "by"
        return True

    def _content(
        self, a: int, b: int, *, min_words: int | None = None
    ) -> tuple[int, int, str] | None:
        """The character span and kind of the content tokens ``a..b`` (trailing stops trimmed)."""
        while b >= a and self.words[b] in (".", ",", ";", ":", "!", "?", "-", "\u2014", "\u2013"):
            b -= 1
        while a <= b and self.words[a] in (",", ":", ";", "-", "\u2014", "\u2013"):
            a += 1
        if b < a:
            return None
        for q in self.quotations:
            if a < q.open_tok <= b < q.close_tok and q.closed:
                # 'argues that "only Cruz can win. The math won't work."': a clause that
                # opens a quotation takes all of it, not its first sentence
                b = q.close_tok
                break
        words = sum(1 for t in range(a, b + 1) if _is_word(self.words[t]))
        if words < (self.cfg.min_words if min_words is None else min_words):
            return None
        marks = [t for t in range(a, b + 1) if self.words[t] in QUOTE_MARKS]
        kind = "mixed" if marks else "indirect"
        start, end = self.starts[a], self.ends[b]
        if marks and marks[0] == a and marks[-1] == b and len(marks) == 2:
            return (self.ends[a], self.starts[b], "direct")
        return (start, end, kind)

    def _right_end(self, k: int, b: int) -> int:
        """Last token of a reported clause that starts at ``k``: the sentence end, or a clause
        break (", but analysts ...") or a trailing attribution (", according to X")."""
        g = self.g
        for t in range(k, b + 1):
            w = self.words[t]
            if w == ";" and not self.inside[t]:
                return t - 1
            if w == "," and not self.inside[t] and t + 1 <= b:
                nxt = self.low[t + 1]
                if self._according_len(t + 1):
                    return t - 1
                if nxt in g.clause_breaks and t + 2 <= b and nxt != "and":
                    return t - 1
                form = self.lex.verbs.get(nxt)
                if form is not None and form.participle and t + 2 <= b:
                    return t - 1  # "..., calling it ...": the participle is a statement of its own
                if self._comment_head(t) is not None:
                    return t - 1  # "..., a claim Reuters could not verify": the writer's comment
            if (
                w in QUOTE_MARKS
                and t + 1 <= b
                and self.words[t - 1] == ","
                and t - 1 > k
                and (form := self.lex.verbs.get(self.low[t + 1])) is not None
                and form.participle
            ):
                return t  # '... "expanded the party," claiming ...': after the closing mark
            if self.low[t] in ("and", "but") and t > k and not self.inside[t]:
                # "has slammed the comments and vowed not to vote": a second statement
                u = t + 1
                while (
                    u <= b
                    and u - t <= 3
                    and (
                        self.low[u] in g.adverbs
                        or self.low[u] in g.pronouns
                        or self.words[u] == ","
                    )
                ):
                    u += 1
                form = self.lex.verbs.get(self.low[u]) if u <= b else None
                if (
                    form is not None
                    and not form.participle
                    and self.low[u] != form.lemma
                    and not self.capitalized(u)
                ):
                    return t - 1
        return b

    def _verb(
        self, i: int, form: CueForm, a: int, b: int, found: list[Candidate]
    ) -> Candidate | None:
        g = self.g
        if self.negated_or_passive(i, a):
            return self._passive_by(i, a, b) or self._passive_to(i, a, b)
        if form.participle and self._parenthetical(i, b):
            return None
        cue_end = self.cue_extension(i, b)
        relay = self.relay_after(i, b)
        relayer: tuple[int, int] | None = None
        if relay is not None:
            cue_end = relay[1]
        elif form.lemma in self.g.takes_object:
            cue_end = max(cue_end, self.told_object(cue_end + 1, b) - 1)
        after = self.skip_adjuncts(cue_end + 1, b)
        if (
            self.low[i] in ("went", "goes", "go", "continued", "continues", "began", "begins")
            and after + 1 <= b
            and self.low[after] == "to"
            and self.low[after + 1] in self.lex.verbs
        ):
            return None  # "went on to say ...": the cue after "to" is the statement's
        j, _ = self._skip_left(i - 1, a)
        ends_here = (
            after > b
            or self.words[after] in _TERMINATORS
            or (
                self.words[after] == ","
                and not (after + 1 <= b and self.low[after + 1] in ("that", "however"))
            )
        )
        # participles after a comma take the subject of their clause: ", adding that ..."
        if form.participle and j >= a and self.words[j] == ",":
            speaker = None
            for c in reversed(found):
                if c.speaker is not None and a <= c.cue_tok < i:
                    speaker = c.speaker
                    break
            if speaker is None:
                speaker = self._span(self._subject(a, j))
            content = self._content(after, self._right_end(after, b))
            if content is None or self._needs_clause(form, after, b):
                return None
            self._claim(i, cue_end)
            return Candidate(content[2], content[0], content[1], (self.starts[i], self.ends[cue_end]),
                              speaker, None, 2, i)  # fmt: skip
        if j >= a and self.words[j] == ",":
            # "..., said Park." / "..., said Mark Kantrowitz, an expert who ..."
            speaker = self.speaker_right(self.skip_adjuncts(cue_end + 1, b), b, 8)
            if speaker is not None:
                stop = speaker[1] + 1
                if (
                    stop > b
                    or self.words[stop] in _TERMINATORS
                    or self.words[stop] == ","
                    or self.low[stop] in ("who", "whose", "whom", "which")
                ):
                    content = self._content(a, j - 1)
                    if content is None:
                        return None
                    self._claim(i, cue_end)
                    self._claim(*speaker)
                    return Candidate(content[2], content[0], content[1],
                                      (self.starts[i], self.ends[cue_end]),
                                      self._span(speaker), None, 1, i)  # fmt: skip
        if ends_here and j >= a and self.words[j] != ",":
            speaker = self._np_left(j, a)
            if not self.plausible_speaker(speaker, i):
                speaker = None
            if speaker is not None and any(
                self.low[t] in self.lex.nouns
                and not self.capitalized(t)
                and (
                    self.capitalized(t + 1)
                    or self.low[t + 1] in g.pronouns
                    or self.low[t + 1] in g.determiners
                )
                for t in range(speaker[0], speaker[1])
            ):
                # "..., a claim Moscow has denied.": a relative clause on a statement noun; the
                # verb's object is the noun, not the clause before the comma
                return None
            if speaker is not None and speaker[0] - 1 > a and self.words[speaker[0] - 1] == ",":
                comma = speaker[0] - 1
                content_end = comma - 1
                # "A deal, she said, is near": a short subject, then the rest of the clause
                hull_end = None
                if (
                    after <= b
                    and self.words[after] == ","
                    and comma - a <= 5
                    and after + 1 <= b
                    and self.low[after + 1] not in g.clause_breaks
                    and self.low[after + 1] not in self.lex.verbs
                ):
                    hull_end = b
                content = self._content(a, hull_end if hull_end is not None else content_end)
                if content is None:
                    return None
                if relay is not None:
                    relayer, speaker = speaker, relay[0]
                self._claim(i, cue_end)
                self._claim(*speaker)
                return Candidate(content[2], content[0], content[1],
                                  (self.starts[i], self.ends[cue_end]),
                                  self._span(speaker), self._span(relayer), 1, i)  # fmt: skip
        # content after the cue: "KCNA said Kim toured ...", "analysts expect it to ..."
        speaker = self.speaker_left(i, a)
        if not self.plausible_speaker(speaker, i):
            speaker = None
            if j >= a and self.low[j] in ("and", "but"):
                # "He called the actions lawful, and said ...": the clause's subject speaks
                for c in reversed(found):
                    if c.speaker is not None and a <= c.cue_tok < i:
                        speaker = self._tokens_of(c.speaker)
                        break
                if speaker is None:
                    speaker = self._subject(a, j)
            if speaker is None:
                return None
        k = after
        if k <= b and self.words[k] in (",", ":"):
            k += 1
        for phrase in g.no_statement:
            if self._matches(k, phrase):
                # "spoke on condition of anonymity because ...": how, not what, was said
                k += len(phrase)
                if k <= b and self.words[k] == ",":
                    k += 1
                if k > b or not (self.low[k] in g.complementizers or self.words[k] in QUOTE_MARKS):
                    return None
                break
        if k > b:
            return None
        if (form.lemma, self.low[k]) in self.g.phrasal and k < b:
            # phrasal cues: "called for ...", "talked about ...", "pointed to ..."
            cue_end = k
            k += 1
        elif self._needs_clause(form, k, b):
            return None
        content_end = self._right_end(k, b)
        trailing = self._trailing_attribution(k, content_end)
        if trailing is not None:
            return None
        min_words = None
        if speaker is not None and (
            self.low[speaker[0]] in ("who", "which")
            or (
                speaker[0] - 2 >= a
                and self.low[speaker[0] - 1] in ("which", "whom")
                and self.words[speaker[0] - 2] == ","
            )
        ):
            # "officials, who said ..., left", "the strikes, which the Pentagon described as
            # "defensive", hit ...": the relative clause ends at its comma
            content_end = self._phrase_end(k, content_end, lists=False)
        elif form.stance and self.low[k] not in self.g.complementizers and self.low[k] != "to":
            # a stance takes a noun phrase, maybe of one word: "Obama endorsed Clinton during
            # a call ..."
            content_end = self._phrase_end(k, content_end, lists=True)
            min_words = 1
        content = self._content(k, content_end, min_words=min_words)
        if content is None:
            return None
        if relay is not None:
            relayer, speaker = speaker, relay[0]
        self._claim(i, cue_end)
        return Candidate(content[2], content[0], content[1], (self.starts[i], self.ends[cue_end]),
                          self._span(speaker), self._span(relayer), 2, i)  # fmt: skip

    def _trailing_attribution(self, k: int, b: int) -> int | None:
        """The comma before a closing attribution of the sentence ("..., the official said." /
        "..., said Park."), searched from token ``k``: the clause before it is that cue's content,
        so an earlier verb of the clause ("Washington agreed to ...") is no cue of its own."""
        last = b
        while last > k and self.words[last] in _TERMINATORS:
            last -= 1
        for t in range(max(k, last - 10), last):
            if self.words[t] != "," or self.inside[t]:
                continue
            for v in range(t + 1, min(last, t + 8) + 1):
                form = self.lex.verbs.get(self.low[v])
                if form is None or form.belief or form.stance or form.participle:
                    continue
                if (
                    self.low[v] != "said"
                    and self.low[v] not in self.g.irregular_past
                    and not (self.low[v].endswith(("ed", "s")))
                ):
                    continue
                end = self.cue_extension(v, last)
                if v == t + 1:
                    # "..., said Park."
                    sp = self.speaker_right(end + 1, last, 8)
                    if sp is not None and sp[1] == last:
                        return t
                    continue
                if end != last:
                    continue
                np = self._np_left(v - 1, t + 1)
                if np is not None and np[0] == t + 1 and self.plausible_speaker(np, v):
                    return t
        return None

    def _parenthetical(self, i: int, b: int) -> bool:
        """Whether the participle cue at ``i`` sits between commas before the clause's own
        cue ("The Journal, citing internal documents, reported that ..."): that cue is the
        attribution's."""
        if i == 0 or self.words[i - 1] != ",":
            return False
        for t in range(i + 1, min(b, i + 14) + 1):
            w = self.words[t]
            if w in _TERMINATORS or w in QUOTE_MARKS:
                return False
            if w == ",":
                k = t + 1
                while k <= b and (self.low[k] in self.g.adverbs or self.is_ly(self.words[k])):
                    k += 1
                form = self.lex.verbs.get(self.low[k]) if k <= b else None
                return form is not None and not form.participle and not self.capitalized(k)
        return False

    def _passive_to(self, i: int, a: int, b: int) -> Candidate | None:
        """``The vote is expected to pass``, ``he is said to be furious``: an expectation or
        report with no one named. The content runs from the subject over the cue to the end
        of the infinitive clause (as PolNeAR marks it); there is no speaker."""
        if not self.cfg.beliefs or i + 2 > b or self.low[i + 1] != "to":
            return None
        if self.lex.verbs[self.low[i]].lemma not in self.g.passive_belief:
            return None
        if not _is_word(self.words[i + 2]) or self.capitalized(i + 2):
            return None
        be = i - 1
        while be > a and (self.is_ly(self.words[be]) or self.low[be] in self.g.degree_words):
            be -= 1
        if be < a or self.low[be] not in self.g.be:
            return None
        if be - 1 >= a and self.low[be - 1] in self.g.negations:
            return None
        cue_start = be
        if be - 1 >= a and self.low[be - 1] in _PERFECT_AND_MODALS:
            cue_start = be - 1
        start = a
        for t in range(a, cue_start):
            if self.low[t] in ("who", "which", "that") and t > a:
                start = t  # "delegates who are expected to ...": the relative pronoun
        if cue_start == start or (cue_start - start == 1 and self.low[start] == "it"):
            start = i + 1  # "It is expected to rise": only the infinitive clause
        end = self._right_end(i + 1, b)
        content = self._content(start, end)
        if content is None:
            return None
        self._claim(cue_start, i)
        return Candidate("indirect", content[0], content[1],
                         (self.starts[cue_start], self.ends[i]), None, None, 2, i)  # fmt: skip

    def _passive_by(self, i: int, a: int, b: int) -> Candidate | None:
        """``The plan was criticized by several senators``: a passive cue whose agent follows
        "by" is that agent's statement about the subject (the content)."""
        low = self.low[i]
        if not (low.endswith("ed") or low in self.g.irregular_past) or i + 2 > b:
            return None
        be = i - 1
        while be > a and (self.is_ly(self.words[be]) or self.low[be] in self.g.degree_words):
            be -= 1
        if be <= a or self.low[be] not in self.g.be or self.low[be - 1] in self.g.negations:
            return None
        by = i + 1
        if self.low[by] != "by":
            return None
        speaker = self.speaker_right(by + 1, b, 8)
        if speaker is None or (
            speaker[0] == speaker[1] and self.low[speaker[0]] in ("the", "a", "an")
        ):
            return None
        head, first = self.low[speaker[1]], self.low[speaker[0]]
        if head.endswith("ing") or head in self.g.time_words:
            return None  # "was hit by flooding", "confirmed by now"
        if first in self.g.not_agents and (
            speaker[0] == speaker[1] or self.low[speaker[0] + 1] in self.g.inner_prepositions
        ):
            return None  # "was praised by many (in the hall)": no one in particular
        if self.lex.verbs[low].lemma == "ask":
            return None  # "was asked by the host": the question, not a statement about it
        cue_start = be
        if be - 1 > a and self.low[be - 1] in _PERFECT_AND_MODALS:
            cue_start = be - 1  # "has been rebuked by"
        # the subject: after a leading adverbial ("In Vermont, Sanders was backed by ...")
        start = a
        for t in range(a, cue_start):
            if self.words[t] == ",":
                start = t + 1
        while start < cue_start and (
            not _is_word(self.words[start]) or self.low[start] in self.g.connectives
        ):
            start += 1
        if cue_start - start > 12 or any(
            self.low[t] in _CLAUSE_OPENERS for t in range(start, cue_start)
        ):
            return None
        content = self._content(start, cue_start - 1, min_words=1)
        if content is None:
            return None
        self._claim(cue_start, i)
        self._claim(*speaker)
        return Candidate(content[2], content[0], content[1],
                         (self.starts[cue_start], self.ends[i]),
                         self._span(speaker), None, 1, i)  # fmt: skip

    def _asked(self, i: int, b: int) -> Candidate | None:
        """``Asked whether ..., Smith said ...``: the question is a statement put to the
        subject of the main clause, who is its speaker."""
        comma = i + 1
        while comma <= b and self.words[comma] != "," and not self.inside[comma]:
            comma += 1
        if comma > b or comma == i + 1:
            return None
        content = self._content(i + 1, comma - 1)
        if content is None:
            return None
        speaker = self._subject(comma + 1, b + 1)
        self._claim(i, i)
        return Candidate(content[2], content[0], content[1], (self.starts[i], self.ends[i]),
                         self._span(speaker), None, 2, i)  # fmt: skip

    def _phrase_end(self, k: int, end: int, *, lists: bool) -> int:
        """Last token of the noun phrase that starts at ``k``: it ends at a comma (unless the
        comma continues a list: "voters, lawmakers and thinkers"), a dash or bracket, or a
        preposition that starts an adjunct ("during a call", "at every rally")."""
        for t in range(k + 1, end + 1):
            w = self.low[t]
            if self.inside[t]:
                continue
            if w in (";", "(", "\u2014", "--", "-", ":"):
                return t - 1
            if w == ",":
                if (
                    lists
                    and t + 2 <= end
                    and (
                        self.words[t + 2] == ","
                        or self.low[t + 1] in ("and", "or")
                        or (t + 3 <= end and self.low[t + 2] in ("and", "or"))
                    )
                ):
                    continue
                return t - 1
            if w in self.g.adjunct_prepositions:
                return t - 1
        return end

    def _needs_clause(self, form: CueForm, k: int, b: int) -> bool:
        """Whether a clause-only cue ("added", "noted") lacks a clause after it.

        A clause starts with a complementizer, a subject pronoun or a quotation, or is a
        phrase followed soon by a finite auxiliary ("reported the Secret Service had ...");
        "see/view/describe X as Y" counts too. "added 300 jobs" is no clause.
        """
        if not form.clause_only or k > b:
            return False
        low = self.low[k]
        g = self.g
        if low in g.complementizers or low in g.pronouns or self.words[k] in QUOTE_MARKS:
            return False
        for t in range(k + 1, min(b, k + 9) + 1):
            w = self.low[t]
            if w in (",", ";", ":") or w in g.complementizers:
                break
            if w in self.g.finite:
                return False
            if w == "as" and form.lemma in self.g.as_verbs:
                return False
        return True

    def _title_case(self, a: int, b: int) -> bool:
        """Whether sentence ``a..b`` is a headline in title case."""
        words = [t for t in range(a, b + 1) if _is_word(self.words[t])]
        if len(words) < 4:
            return False
        upper = sum(1 for t in words if self.capitalized(t))
        return upper >= 0.7 * len(words)

    def _according(self, i: int, length: int, a: int, b: int) -> Candidate | None:
        after = i + length
        speaker = self.speaker_right(after, b, 14)
        if speaker is None:
            return None
        cue = (self.starts[i], self.ends[after - 1])
        stop = speaker[1] + 1
        j = i - 1
        while j >= a and self.low[j] in ("and", "but", "yet", "so", "also", "even"):
            j -= 1
        if j < a:
            # "According to X, ..."
            if stop <= b and self.words[stop] == ",":
                stop += 1
            content = self._content(stop, self._right_end(stop, b))
        elif self.words[j] == ",":
            # "..., according to X." / "The visit, according to X, is ..."
            content = self._content(a, j - 1)
            if (
                stop <= b
                and self.words[stop] == ","
                and stop + 1 <= b
                and self.low[stop + 1] not in self.g.clause_breaks
                and self.low[stop + 1] not in ("which", "who", "where", "when")
                # "..., according to X, a claim Moscow denies": an appositive to the statement
                and self.low[stop + 1] not in ("a", "an")
                and not (
                    self.low[stop + 1] in self.lex.verbs and self.low[stop + 1].endswith("ing")
                )
            ):
                content = self._content(a, self._right_end(stop + 1, b))
        else:
            content = self._content(a, j)
        if content is None:
            return None
        self._claim(i, after - 1)
        self._claim(*speaker)
        return Candidate(content[2], content[0], content[1], cue, self._span(speaker), None, 1, i)

    def _noun(self, i: int, a: int, b: int) -> Candidate | None:
        """Noun cues: ``the claim that ...``, ``the minister's claim that ...``, ``Trump's
        attacks on the press``, ``his refusal to disavow ...`` (a possessor speaks)."""
        possessor = self._possessor(i, a)
        if self._in_adjunct(i, a):
            return None
        nxt = self.low[i + 1]
        if nxt == "that":
            content = self._content(i + 1, self._right_end(i + 1, b))
        elif possessor is None:
            return None
        elif nxt == "to" and i + 2 <= b and _is_word(self.words[i + 2]):
            content = self._content(i + 1, self._right_end(i + 1, b))
        elif nxt in ("on", "of", "about", "for", "against", "with", "over", "toward", "towards"):
            start = i + 2
            if start > b:
                return None
            content = self._content(start, self._phrase_end(start, self._right_end(start, b),
                                                            lists=True), min_words=1)  # fmt: skip
        else:
            return None
        if content is None:
            return None
        governed = self._governing_verb(i, a)
        if governed is not None:
            # "Biden rubbished Trump's claim to ...": the verb that takes the noun phrase is
            # the cue, its subject the speaker, and the noun phrase part of the content
            verb, verb_end, np_start, speaker = governed
            self._claim(verb, verb_end)
            self._claim(*speaker)
            return Candidate(content[2], self.starts[np_start], content[1],
                             (self.starts[verb], self.ends[verb_end]), self._span(speaker),
                             None, 2, verb)  # fmt: skip
        self._claim(i, i)
        return Candidate(content[2], content[0], content[1], (self.starts[i], self.ends[i]),
                         possessor, None, 2, i)  # fmt: skip

    def _in_adjunct(self, i: int, a: int) -> bool:
        """Whether the noun cue at ``i`` heads an adjunct of place or occasion ("Bush, in a
        Medium post, said ...", "In his speech to the convention, she cited ..."): the verb
        of the clause is the cue then, not the noun."""
        j = i - 1
        while j >= a and i - j <= 4 and _is_word(self.words[j]):
            if self.low[j] in ("in", "during", "at"):
                return True
            if self.low[j] in self.g.boundaries:
                return False
            j -= 1
        return False

    def _governing_verb(self, i: int, a: int) -> tuple[int, int, int, tuple[int, int]] | None:
        """The finite verb whose object is the noun phrase of the noun cue at ``i``
        ("repeated his promise", "talked up his plans", "backed away from Trump's pledge"),
        with its last token (a particle), the noun phrase's first token and the subject."""
        j = i - 1
        np_start = i
        while j >= a and i - j <= 4:
            low = self.low[j]
            if not _is_word(self.words[j]):
                return None
            if low in self.g.determiners or low.endswith(("'s", "\u2019s")) or self.is_ly(low):
                np_start = j
                j -= 1
                continue
            if self.capitalized(j) or low in self.g.boundaries:
                break
            if self._verb_like(low):
                break
            np_start = j  # an adjective: "his early assessment"
            j -= 1
        if j < a:
            return None
        verb_end = j
        if self.low[j] in _OBJECT_PARTICLES and j - 1 >= a:
            j -= 1
            if self.low[j] == "away" and j - 1 >= a:
                j -= 1
        low = self.low[j]
        if self.capitalized(j) or not self._verb_like(low) or low in self.g.auxiliaries:
            return None
        speaker = self.speaker_left(j, a)
        if speaker is None or not self.plausible_speaker(speaker, j):
            return None
        return j, verb_end, np_start, speaker

    def _verb_like(self, low: str) -> bool:
        """A finite or past verb form, as far as the word tells ("repeated", "told")."""
        form = self.lex.verbs.get(low)
        if form is not None:
            return not form.participle
        return (low.endswith("ed") and len(low) > 4) or low in self.g.irregular_past

    def _possessor(self, i: int, a: int) -> tuple[int, int] | None:
        """The owner of the noun at ``i``: "the minister's claim" gives "the minister", "his
        refusal" gives "his" (adjectives between are skipped), as a character span."""
        j = i - 1
        while j >= a and j >= i - 3 and _is_word(self.words[j]):
            low = self.low[j]
            if low in ("his", "her", "their", "its", "our", "my"):
                # "Trump is keeping up his criticism of ...": the subject it refers to speaks
                subject = self._subject(a, j)
                if subject is not None and self.low[subject[0]] not in self.g.pronouns:
                    return self._span(subject)
                return (self.starts[j], self.ends[j])
            if low.endswith(("'s", "’s")):
                first = j
                while first - 1 >= a and self.capitalized(first - 1) and self.capitalized(j):
                    first -= 1
                if first - 1 >= a and self.low[first - 1] in self.g.determiners:
                    first -= 1
                return (self.starts[first], self.ends[j] - 2)
            if low in self.g.boundaries or low in self.g.determiners:
                return None
            j -= 1
        return None


def resolve(found: list[Candidate]) -> list[Candidate]:
    """Keep each statement once: a cue inside another statement's content is part of it.

    Kept contents do not overlap, so each candidate is checked against its neighbours among
    them by start (bisection), not against all of them."""
    ordered = sorted(found, key=lambda c: (c.priority != 0, -(c.end - c.start)))
    kept: list[Candidate] = []
    starts: list[int] = []  # kept contents, sorted by start
    spans: list[tuple[int, int]] = []
    for c in ordered:
        cue_start = c.cue[0] if c.cue else c.start
        at_cue = bisect.bisect_right(starts, cue_start)
        at_end = bisect.bisect_left(starts, c.end)
        clash = any(
            k_start <= cue_start < k_end for k_start, k_end in spans[max(0, at_cue - 3) : at_cue]
        ) or any(
            # overlapping contents: the one already kept wins
            c.start < k_end and k_start < c.end
            for k_start, k_end in spans[max(0, at_end - 3) : at_end]
        )
        if not clash:
            kept.append(c)
            at = bisect.bisect_left(starts, c.start)
            starts.insert(at, c.start)
            spans.insert(at, (c.start, c.end))
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def link(analysis: Analysis, found: list[Candidate]) -> list[Quote]:
    """Turn candidates into Quotes with ids, linking speakers to sources by overlap."""
    text = analysis.article.text
    mentions = sorted(
        (m.start, m.end, source.id) for source in analysis.sources for m in source.mentions
    )
    mention_starts = [start for start, _, _ in mentions]
    longest = max((end - start for start, end, _ in mentions), default=0)

    def source_of(span: tuple[int, int] | None) -> str | None:
        # only the mentions that can overlap the span: those starting less than the longest
        # mention before it, up to its end (sorted by start, found by bisection)
        if span is None:
            return None
        best, best_overlap = None, 0
        low = bisect.bisect_left(mention_starts, span[0] - longest)
        high = bisect.bisect_left(mention_starts, span[1])
        for start, end, sid in mentions[low:high]:
            overlap = min(end, span[1]) - max(start, span[0])
            if overlap > best_overlap:
                best, best_overlap = sid, overlap
        return best

    quotes = []
    for number, c in enumerate(found, 1):
        start, end = c.start, c.end
        while start < end and text[start].isspace():
            start += 1  # '” … what I learned': the blank after a mark is no content
        while end > start and text[end - 1].isspace():
            end -= 1
        cue = Mention(text[c.cue[0] : c.cue[1]], c.cue[0], c.cue[1]) if c.cue else None
        speaker = (
            Mention(text[c.speaker[0] : c.speaker[1]], c.speaker[0], c.speaker[1])
            if c.speaker
            else None
        )
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=c.kind,
                text=text[start:end],
                start=start,
                end=end,
                cue=cue,
                speaker=speaker,
                source=source_of(c.speaker),
                relayed_by=source_of(c.relayer),
            )
        )
    return quotes
