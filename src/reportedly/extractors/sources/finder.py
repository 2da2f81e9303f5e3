"""Finding source mentions in one article and grouping them into sources.

The work is done in two passes over the story paragraphs (boilerplate paragraphs are skipped):

1. :func:`find_candidates` tokenizes each paragraph once and collects candidate mentions in text
   order: runs of capitalised words (names, organizations, outlets, governments, acronyms),
   common-noun phrases that name sources ("analysts", "a senior official", "state media", "the
   ministry", "the report") and pronouns. Each candidate knows whether it stands in a *source
   role*: the subject of a speech cue ("X said", "X, a specialist at Y, said", "said X"), after
   "according to", relayed ("quoted X as saying") or the owner of a speech noun ("X's statement").
2. :func:`group_sources` walks the candidates in text order and links each to a source: a name to
   the source with the same or a fuller name ("Kim" -> "Kim Jong Un"), an acronym to the
   organization with those initials ("KCNA"), a definite description to the last source it fits
   ("the ministry", "the spokesman"), a pronoun in a source role to the last compatible source in
   its paragraph or the previous one ("he" -> the last male or unknown-gender person).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, count
from operator import itemgetter, or_
from typing import Final

import attrs
import regex

from reportedly.extractors.sources.lexicon import PRONOUN_TRIGGERS, Lexicon, ascii_tokens_unsafe
from reportedly.model import Mention, Source
from reportedly.text import Segmentation

__all__ = ["Candidate", "SourceDraft", "find_candidates", "group_sources", "to_sources"]

# "al-Baghdadi", "bin-Salman", "d'Estaing": a lower-case particle joined to a name
# (searched from the joining mark, which is rare, with the particle as a look-behind: faster than
# trying the particle at every word boundary)
_PARTICLE_NAME_IN_TEXT: Final = regex.compile(
    r"[-'’](?<=\b(?:al|el|ad|an|as|ash|at|az|bin|ibn|abu|d|ul)[-'’])\p{Lu}"
)
# a looser test for ASCII text: any capital after a hyphen or apostrophe (the words are then
# checked one by one with _PARTICLE_NAME)
_ASCII_JOINED_CAPITAL: Final = re.compile(r"[-'’][A-Z]")
# a hyphen next to a digit: a designation ("F-16", "S-400", "H-1B"); letters run into digits
# ("L2", "Future45") are as often company names and are left alone
_DESIGNATION: Final = re.compile(r"-\d|\d-")
_PARTICLE_NAME: Final = regex.compile(r"(?:al|el|ad|an|as|ash|at|az|bin|ibn|abu|d|ul)[-'’]\p{Lu}")
_AUXILIARIES: Final = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may",
     "might", "should", "must", "did", "does", "do", "'s", "'re", "'ve", "'ll", "'d", "doesn't",
     "didn't", "don't", "won't", "can't", "cannot", "isn't", "wasn't", "hasn't", "haven't",
     "hadn't", "wouldn't", "couldn't", "shouldn't", "aren't", "weren't", "shall", "needs",
     "wants", "wanted", "seems", "seemed", "appears", "appeared", "tends", "hopes", "plans"}
)  # fmt: skip
_IRREGULAR_PAST: Final = frozenset(
    {"made", "took", "gave", "got", "came", "went", "saw", "knew", "thought", "told", "said",
     "met", "led", "won", "lost", "ran", "began", "brought", "bought", "held", "kept", "left",
     "sent", "spent", "stood", "wrote", "felt", "found", "heard", "meant", "paid", "put",
     "read", "set", "sought", "spoke", "struck", "taught", "understood", "became", "chose",
     "drew", "drove", "fell", "flew", "forgot", "grew", "hid", "hit", "let", "lay", "rose",
     "sat", "shook", "shot", "slept", "sold", "split", "swore", "threw", "tore", "wore",
     "withdrew", "quit", "cut", "fought", "built", "dealt", "broke", "beat", "bet", "bid",
     "cast", "cost", "hurt", "shut", "spread", "upset", "oversaw", "undertook"}
)  # fmt: skip
_NOT_VERBS: Final = frozenset(
    {"this", "his", "its", "us", "yes", "news", "was", "as", "is", "thus", "plus", "bus",
     "series", "always", "perhaps", "whereas", "less", "unless", "across", "towards", "afterwards",
     "besides", "sometimes", "needed", "indeed", "united", "interested", "concerned", "based",
     "related", "involved", "alleged", "supposed", "used", "tired", "scared", "worried",
     "pleased", "satisfied", "surprised", "shocked", "married", "aged", "red", "bed", "shed",
     "speed", "seed", "feed", "need", "proceed", "hundred", "tenured", "talented", "armed",
     "ed", "ted", "fred", "ned", "sled", "wed", "wicked", "naked", "ragged", "sacred", "rugged",
     "crooked", "learned", "beloved", "blessed", "cursed", "aforementioned", "embattled"}
)  # fmt: skip
_APOSTROPHES: Final = frozenset("'’")
_SENTENCE_OPENERS: Final = frozenset('.!?“"‘(:—–«;[')
_QUOTE_MARKS: Final = frozenset('"“”«»„')
_CLAUSE_BREAKS: Final = frozenset('.!?;:"“”«»„()[]—–')
_DETERMINERS: Final = frozenset(
    {"a", "an", "the", "one", "another", "some", "several", "many", "most", "two", "three",
     "four", "other", "these", "those", "this", "that", "his", "her", "their", "its", "our",
     "both", "all", "few", "more", "numerous", "various", "multiple", "any", "no", "each"}
)  # fmt: skip
_ADJECTIVE_ENDINGS: Final = ("ical", "ic", "ous", "ive", "ary", "ian", "ese", "ish", "ern")
_ARTICLES: Final = frozenset({"a", "an", "the", "one", "another"})
_NAME_DETERMINERS: Final = _ARTICLES | {"our", "their", "its", "his", "her", "my", "your", "this"}
_INDEFINITE: Final = frozenset({"a", "an", "one", "another", "some", "any", "no", "each"})
_QUANTIFIERS: Final = frozenset(
    {"some", "several", "many", "most", "two", "three", "four", "other", "these", "those",
     "both", "all", "few", "more", "numerous", "various", "multiple", "the", "a", "an", "any"}
)  # fmt: skip
_MODIFIERS: Final = frozenset(
    {"senior", "top", "former", "local", "foreign", "military", "government", "administration",
     "defense", "defence", "intelligence", "security", "independent", "outside", "other",
     "chief", "deputy", "acting", "then", "longtime", "veteran", "leading", "prominent",
     "campaign", "party", "state", "federal", "white", "house", "police", "ministry", "health",
     "election", "polling", "legal", "unnamed", "anonymous", "knowledgeable", "key", "high",
     "high-ranking", "ranking", "mid-level", "lower-level", "junior", "retired", "current",
     "past", "new", "recent", "latest", "private", "public", "official",
     "western", "eastern", "northern", "southern", "city", "county", "court", "trade",
     "industry", "market", "financial", "energy", "oil", "tech", "technology", "research",
     "medical", "public-health", "human", "rights", "aid", "relief", "news", "media", "think",
     "tank", "nuclear", "missile", "arms", "weapons", "policy", "foreign-policy",
     "national-security", "regional", "international", "global", "economic", "political",
     "republican", "democratic", "conservative", "liberal", "progressive", "many", "most",
     "young", "older", "elderly", "ordinary", "american", "us", "u.s.", "black",
     "hispanic", "asian", "evangelical", "catholic", "jewish", "muslim", "several", "some", "two", "three", "four", "five", "few", "numerous", "multiple", "various", "one",
     "another", "this", "that", "these", "those", "earlier", "later", "first", "second",
     "third", "same", "previous", "separate", "internal", "confidential", "classified", "leaked",
     "national", "presidential", "congressional", "senate", "gop"}
)  # fmt: skip
_POSTMODIFIER_OPENERS: Final = frozenset(
    {"familiar", "briefed", "close", "with", "at", "for", "from", "of", "in", "who",
     "involved", "knowledgeable", "speaking", "granted", "authorized", "authorised",
     "requesting", "asking", "declining", "based", "working", "closely", "inside", "within",
     "on", "aware", "privy", "directly"}
)  # fmt: skip
_ORG_CONNECTORS: Final = frozenset({"of", "for", "and", "on", "the", "&"})
_NAME_PARTICLES: Final = frozenset(
    {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin",
     "ibn", "al", "el", "abu", "dos", "das", "ter", "ten", "y", "st."}
)  # fmt: skip
_MEDIA_WORDS: Final = frozenset(
    {"News", "Press", "Times", "Post", "Journal", "Daily", "Herald", "Tribune", "Television",
     "TV", "Radio", "Broadcasting", "Gazette", "Telegraph", "Sinmun", "Ilbo", "Review",
     "Magazine", "Network", "Examiner", "Chronicle", "Observer", "Standard", "Inquirer",
     "Monitor", "Wire", "Dispatch", "Bulletin", "Courier", "Mirror", "Express", "Sun"}
)  # fmt: skip
_MEDIA_SUFFIXES: Final = frozenset(
    {"agency", "news", "press", "television", "radio", "broadcasting"}
)
_LOCATIVES: Final = frozenset(
    {"in", "at", "from", "to", "into", "across", "near", "outside", "inside", "throughout",
     "around", "toward", "towards", "via", "through", "of", "between", "within", "beyond",
     "off", "over", "visit", "visited", "visiting"}
)  # fmt: skip
_GOVERNMENT_HEADS_KIND: Final = frozenset(
    {"government", "administration", "regime", "cabinet", "military", "army", "navy",
     "authorities", "state", "country", "nation", "embassy", "consulate", "ministry"}
)  # fmt: skip
_DOCUMENT_VERBS: Final = frozenset(
    {"show", "shows", "showed", "shown", "showing", "find", "finds", "found", "suggest",
     "suggests", "suggested", "indicate", "indicates", "indicated", "say", "says", "said",
     "state", "states", "stated", "note", "notes", "noted", "conclude", "concludes",
     "concluded", "estimate", "estimates", "estimated", "warn", "warns", "warned", "predict",
     "predicts", "predicted", "claim", "claims", "claimed", "add", "adds", "added", "read",
     "reads", "reveal", "reveals", "revealed", "describe", "describes", "described", "put",
     "puts", "cite", "cites", "cited", "report", "reports", "reported", "argue", "argues",
     "argued", "allege", "alleges", "alleged", "accuse", "accuses", "accused", "call",
     "calls", "called", "urge", "urges", "urged", "recommend", "recommends", "recommended",
     "give", "gives", "gave", "had", "has", "have", "confirm", "confirms", "confirmed",
     "charge", "charges", "charged", "detail", "details", "detailed", "document",
     "documents", "documented", "highlight", "highlights", "highlighted", "point", "points",
     "pointed", "asserted", "asserts", "assert", "projects", "projected", "forecast",
     "forecasts"}
)  # fmt: skip
# what signs a quotation printed alone on its line ('"..." ― Ana Ruiz')
_SIGNATURE_DASHES: Final = frozenset({"-", "--", "\u2014", "\u2013", "\u2015"})
_CLOSING_MARKS: Final = frozenset({'"', "\u201d", "''", "\u00bb"})
_INVERTED_CUES: Final = frozenset(
    {"said", "says", "say", "added", "adds", "told", "tells", "wrote", "writes", "asked",
     "asks", "continued", "continues", "explained", "explains", "noted", "notes", "argued",
     "argues", "insisted", "insists", "stressed", "warned", "replied", "recalled", "declared",
     "observed", "countered", "concluded", "acknowledged", "admitted", "quipped", "joked",
     "tweeted", "claimed", "according", "reported", "reports", "announced", "stated",
     "conceded", "cautioned", "predicted", "suggested", "responded", "answered", "confirmed"}
)  # fmt: skip
_NP_FOLLOWERS: Final = frozenset(
    {"and", "or", "but", "that", "which", "to", "as", "than", "after", "before", "when",
     "while", "because", "if", "since", "over", "about", "against", "during", "under", "into",
     "by", "has", "had", "have", "is", "was", "were", "are", "will", "would", "could", "can",
     "may", "might", "should", "must", "did", "does", "do", "also", "not", "never"}
)  # fmt: skip
_FUNCTION_WORDS: Final = frozenset(
    {"of", "in", "for", "and", "or", "but", "with", "from", "at", "on", "to", "by", "as", "than",
     "that", "which", "who", "whom", "whose", "the", "a", "an", "this", "these", "those", "their",
     "his", "her", "its", "our", "about", "into", "over", "under", "after", "before", "during",
     "since", "until", "while", "when", "where", "if", "because", "though", "although", "like",
     "among", "against", "between", "through", "across", "around", "toward", "towards", "per",
     "via", "nor", "so", "yet", "both", "either", "neither", "all", "each", "every", "some",
     "many", "more", "most", "few", "other", "such", "no", "not", "only", "just", "even", "also",
     "too", "very", "there", "here", "alike", "themselves", "included", "including", "aged",
     "age", "abroad", "overseas", "nationwide", "statewide", "worldwide", "locally", "today",
     "tonight", "yesterday", "tomorrow", "now", "then", "ago", "whatsoever", "polled",
     "surveyed", "interviewed", "questioned", "asked", "contacted", "registered", "likely"}
)  # fmt: skip
_HEADLINE_SMALL_WORDS: Final = frozenset(
    {"To", "Is", "For", "The", "On", "Of", "In", "A", "With", "Over", "About", "At", "As", "By",
     "From", "Into", "Are", "Be", "Was", "Up", "Out", "Off", "After", "Not", "Its", "His", "Her"}
)  # fmt: skip
_NOT_SYLLABLES: Final = frozenset(
    {"won", "was", "did", "saw", "ran", "got", "led", "met", "set", "put", "lost", "went",
     "came", "left", "hit", "sat", "wins", "lose", "win", "ago", "too", "yet", "so",
     "now", "then", "here", "only", "away", "back", "out", "off", "up", "down", "on", "in",
     "at", "by", "for", "and", "or", "nor", "but", "to", "of", "a", "an", "the", "had", "has",
     "is", "are", "be", "do", "does", "fell", "rose", "took", "gave", "told", "cut", "grew"}
)  # fmt: skip
_SUBJECT_PRONOUNS: Final = frozenset({"he", "she", "they", "it", "who"})
_POSSESSIVE_PRONOUNS: Final = frozenset({"his", "her", "their", "its"})
_FIRST_PERSON: Final = frozenset({"i", "we"})
# the subject, possessive and first-person pronouns above and "which" (kept in lexicon.py, where
# the scan's stop words are compiled)
_PRONOUN_TRIGGERS: Final = PRONOUN_TRIGGERS
_PERSON_KINDS: Final = frozenset({"person", "anonymous"})
_PERSONAL_PRONOUNS: Final = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
_IMPERSONAL_PRONOUNS: Final = frozenset({"it", "its", "itself", "they", "them", "their"})


@attrs.define(slots=True)
class Candidate:
    """A possible mention of a source, before grouping.

    ``form`` is ``"name"`` (capitalised run), ``"acronym"``, ``"lexicon"`` (a listed outlet,
    organization or government), ``"place"`` (a country or capital for its government),
    ``"noun"`` (common-noun phrase) or ``"pronoun"``. ``kind`` is the source kind it would have
    on its own (``"unknown"`` for a name that may be a person). ``key`` is what grouping compares:
    the name words, the canonical lexicon name, or the head noun.
    """

    start: int
    end: int
    form: str
    kind: str
    key: tuple[str, ...]
    role: bool = False
    subject: bool = False
    evidence: bool = False
    gender: str | None = None
    description: str | None = None
    description_span: tuple[int, int] | None = None
    determiner: str = ""
    head: str = ""
    name: str = ""
    paragraph: int = 0
    quote: tuple[int, int] | None = None  # for "I" and "we": the quotation they speak in
    quoted: bool = False  # inside quotation marks
    hidden: bool = False  # inside another source's description: an antecedent, not a mention
    personal: bool = False  # a name with a title, a given name or a description: a person
    owner: bool = False  # owns the subject of its sentence ("Mr. Obama's bet is ...")


# --------------------------------------------------------------------------- tokens


class _Tokens:
    """The tokens of one paragraph as parallel lists (faster than objects in the hot loops).

    ``low`` is lower-cased with typographic apostrophes made straight; a possessive "'s" is a
    token of its own and ``possessive[k]`` marks the word before it ("Kim" of "Kim's").
    """

    __slots__ = ("cap", "end", "initial", "low", "n", "possessive", "start", "text", "words")

    def __init__(self, text: str, start: int, end: int, lex: Lexicon) -> None:
        # One C-level split gives the tokens with the gaps between them; their offsets are the
        # running sums of the pieces' lengths: no Python-level work per token but list slicing.
        chunk = text[start:end]
        ascii_safe = ascii_tokens_unsafe.search(chunk) is None
        pieces = (lex.ascii_splitter if ascii_safe else lex.token_splitter).split(chunk)
        offsets = list(accumulate(map(len, pieces), initial=start))
        words: list[str] = pieces[1::2]
        # words hold no line break, so one lower() over the joined words lowers each word
        joined = "\n".join(words).lower()
        if "’" in joined:
            joined = joined.replace("’", "'")
        low = joined.split("\n") if words else []
        self.text = text
        self.start = offsets[1:-1:2]
        self.end = offsets[2::2]
        self.words = words
        self.low = low
        self.n = n = len(words)
        self.possessive = [*map("'s".__eq__, low[1:]), False] if n else []
        cap = list(map(str.isupper, map(_first_char, words)))
        if (_ASCII_JOINED_CAPITAL if ascii_safe else _PARTICLE_NAME_IN_TEXT).search(chunk):
            for k, w in enumerate(words):
                if not cap[k] and ("-" in w or "'" in w or "’" in w):
                    cap[k] = _PARTICLE_NAME.match(w) is not None
        if "-" in chunk and _DESIGNATION.search(chunk):
            # "F-16", "S-400", "MiG-29": a capitalised token with a digit by a hyphen is a
            # designation, never part of a name (nor the start of one)
            for k, w in enumerate(words):
                if cap[k] and "-" in w and _DESIGNATION.search(w):
                    cap[k] = False
        self.cap = cap
        self.initial = [True, *map(_SENTENCE_OPENERS.__contains__, words[:-1])] if n else []


_first_char: Final = itemgetter(0)


# --------------------------------------------------------------------------- roles


def _skip_between(t: _Tokens, i: int, lex: Lexicon) -> int:
    """Index of the first token from ``i`` that is not an auxiliary or adverb ("has also said")."""
    between = lex.between
    limit = min(t.n, i + 5)
    while i < limit and (t.low[i] in between or (t.low[i].endswith("ly") and len(t.low[i]) > 4)):
        i += 1
    return i


def _skip_aside(t: _Tokens, i: int) -> int:
    """After a mention: skip ", an apposition or relative clause," and "(R-Texas)"."""
    if i < t.n and t.words[i] == "(":
        j = i + 1
        while j < t.n and j < i + 10 and t.words[j] != ")":
            j += 1
        if j < t.n and t.words[j] == ")":
            i = j + 1
    if i < t.n and t.words[i] == ",":
        j = i + 1
        limit = min(t.n, i + 30)
        while j < limit:
            w = t.words[j]
            if w == ",":
                return j + 1
            if w in _CLAUSE_BREAKS:
                break
            j += 1
    return i


def _cue_at(t: _Tokens, i: int, lex: Lexicon) -> bool:
    """Whether a speech cue (verb, or ``: "``) starts at token ``i`` (after adverbs)."""
    if i >= t.n:
        return False
    low = t.low[i]
    if low in lex.between or (low.endswith("ly") and len(low) > 4):
        i = _skip_between(t, i, lex)
        if i >= t.n:
            return False
        low = t.low[i]
    if low in lex.cue_verbs:
        return True
    if t.words[i] == ":" and i + 1 < t.n and t.words[i + 1] in _QUOTE_MARKS:
        return True
    return (
        low == "in"
        and i + 2 < t.n
        and t.low[i + 2] in lex.cue_nouns
        and t.low[i + 1] in {"a", "an", "the", "his", "her", "its", "their"}
    )


def _verb_at(t: _Tokens, i: int, lex: Lexicon, after_pronoun: bool = False) -> bool:
    """Whether a finite verb starts at token ``i`` (after adverbs): an auxiliary, a cue verb, a
    past tense, or a third-person form; the test that makes a noun phrase a subject."""
    limit = min(t.n, i + 5)
    between = lex.between
    while i < limit:
        low = t.low[i]
        if low in _AUXILIARIES and (after_pronoun or low != "'s"):
            return True  # "he's leaving"; but "Kim's push" is a possessive
        if low in between or (low.endswith("ly") and len(low) > 4):
            i += 1
            continue
        break
    if i >= t.n or t.cap[i] or not t.words[i].isalpha():
        return False
    low = t.low[i]
    if low in lex.cue_verbs or low in _IRREGULAR_PAST:
        return True
    if (
        low in _NOT_VERBS
        or low in lex.groups.singles
        or low in lex.documents
        or low in lex.equipment
    ):
        return False
    if low.endswith("ed") and len(low) > 3 and not low.endswith("eed"):
        return True  # "sued", "warned"; not "need", "speed"
    if not low.endswith("s") or low.endswith(("ss", "us", "is", "ous")) or len(low) <= 3:
        return False
    # "the ministry says" but not "military moves are": a plural noun is followed by its verb
    nxt = t.low[i + 1] if i + 1 < t.n else ""
    return nxt not in _AUXILIARIES and nxt not in {"were", "are", "have", "do"}


def _subject(t: _Tokens, last: int, lex: Lexicon, plural: bool = False) -> bool:
    """Whether the noun phrase ending at token ``last`` is the subject of a verb. After a plural
    head any lower-case word that is not a function word counts ("experts hold", "voters
    want"), since base-form verbs cannot be told apart by their ending."""
    i = last + 1
    if _verb_at(t, i, lex):
        return True
    if plural and i < t.n:
        k = _skip_between(t, i, lex)
        if (
            k < t.n
            and t.words[k].isalpha()
            and t.words[k].islower()
            and t.low[k] not in _FUNCTION_WORDS
        ):
            return True
    if i < t.n and (
        t.low[i] == "who" or (t.words[i] == "," and i + 1 < t.n and t.low[i + 1] == "who")
    ):
        return True  # "experts, who worry that ..."
    j = _skip_aside(t, i)
    return j != i and _verb_at(t, j, lex)


def _role_after(t: _Tokens, last: int, lex: Lexicon) -> bool:
    """Whether the mention ending at token ``last`` is the subject of a cue or owns a speech noun."""
    i = last + 1
    if t.possessive[last]:
        j = i + 1
        while (
            j < t.n
            and j < i + 4
            and t.low[j] not in lex.cue_nouns
            and t.cap[j] is False
            and t.words[j].isalpha()
        ):
            j += 1
        return j < t.n and t.low[j] in lex.cue_nouns
    if _cue_at(t, i, lex):
        return True
    if i >= t.n:
        return False
    w = t.words[i]
    if w == ":" and _paragraph_opening(t, last):
        return True  # "Clinton: Time for ..." (a headline or a transcript)
    if w != "," and w != "(":
        return False
    j = _skip_aside(t, i)
    return j != i and _cue_at(t, j, lex)


def _mark_role(c: Candidate, t: _Tokens, first: int, last: int, lex: Lexicon) -> None:
    """Set ``c.role`` (a cue after the mention ending at ``last``, or one before the mention
    starting at ``first``) and ``c.subject`` (a role, or the subject of a verb)."""
    c.role = _role_after(t, last, lex) or _role_before(t, first, lex)
    c.subject = c.role or _subject(t, last, lex)


def _paragraph_opening(t: _Tokens, last: int) -> bool:
    """Whether the tokens up to ``last`` are the first words of the paragraph (a name alone)."""
    return last < 6 and all(t.cap[k] or t.words[k] in ".'’-" for k in range(last + 1))


def _role_before(t: _Tokens, first: int, lex: Lexicon) -> bool:
    """Whether the mention starting at token ``first`` follows "according to", an inverted cue
    (``," said X``) or a relay verb ("quoted X as saying")."""
    if first == 0:
        return False
    low = t.low
    prev = low[first - 1]
    according = lex.according
    if prev in according.lasts and according.match_ending(low, first - 1) is not None:
        return True
    # "according to law enforcement officials": a few words the noun phrase did not take
    words = t.words
    for k in range(first - 2, max(0, first - 5), -1):
        if not words[k + 1].isalpha():
            break
        if low[k] in according.lasts and according.match_ending(low, k) is not None:
            return True
    if prev in lex.relay_verbs:
        return True
    if (
        prev == "by"
        and first >= 2
        and (t.low[first - 2] in lex.cue_verbs or t.low[first - 2].endswith("ed"))
    ):
        return True  # "was criticized by X", "later confirmed by the department"
    if prev in _INVERTED_CUES:
        if first >= 2 and t.words[first - 2] in {",", "”", '"', "’", "—"}:
            return True
        if (
            first >= 2
            and t.low[first - 2] in lex.between
            and first >= 3
            and t.words[first - 3] in {",", "”", '"'}
        ):
            return True
    # '"We stay." ― Ana Ruiz': a quotation signed with a dash. ("X told reporters" is
    # handled after; "told by X" is rare in news.)
    return prev in _SIGNATURE_DASHES and _signs_quotation(t, first)


def _signs_quotation(t: _Tokens, first: int) -> bool:
    """Whether the capitalised words from token ``first`` sign the quotation just before the
    dash in front of them: a closing mark, the dash, then a name of at most six words that
    ends its line or is followed by a comma and a description ("― Ana Ruiz, 34, a nurse"),
    not '"basement dwellers" ― a group of engineers ―'."""
    if first < 2 or t.words[first - 2] not in _CLOSING_MARKS or not t.cap[first]:
        return False
    k = first
    while k < t.n and k - first < 7 and (t.cap[k] or t.words[k] == "."):
        if k + 1 == t.n or "\n" in t.text[t.end[k] : t.start[k + 1]]:
            return True
        k += 1
    return k < t.n and k > first and t.words[k] == ","


# --------------------------------------------------------------------------- candidates


def _run_end(t: _Tokens, i: int, lex: Lexicon) -> int:
    """One past the last token of the run of capitalised words starting at ``i``."""
    n = t.n
    j = i
    took_of = False
    while j < n:
        w = t.words[j]
        if t.cap[j] and w[0].isalpha():
            if (
                t.low[j] in lex.not_names
                and j > i
                and t.low[j] not in lex.titles.singles
                # "Foreign Minister Jan Kavan", "April Ryan": a given name that is also a month
                and not (w in lex.given_names and j + 1 < n and t.cap[j + 1] and not t.initial[j])
            ):
                break
            j += 1
            if t.possessive[j - 1]:
                break  # "Kim's push": the possessive ends the name
            # "Workers’ Party": a plural possessive inside a name
            if (
                j < n
                and t.words[j] in _APOSTROPHES
                and j + 1 < n
                and t.cap[j + 1]
                and t.end[j - 1] == t.start[j]
                and t.low[j - 1].endswith("s")
            ):
                j += 1
            continue
        low = t.low[j]
        if (
            low in _NAME_PARTICLES
            and j > i
            and j + 1 < n
            and t.cap[j + 1]
            and t.end[j] + 1 == t.start[j + 1]
        ):
            j += 1
            continue
        nxt = j + 2 if low == "of" and j + 2 < n and t.low[j + 1] == "the" else j + 1
        if (
            low in _ORG_CONNECTORS
            and j > i
            and nxt < n
            and t.cap[nxt]
            and t.low[nxt] not in lex.not_names
        ):
            prev = t.low[j - 1]
            if low in ("of", "for", "on") and (
                prev in lex.organization_suffixes
                or prev in lex.titles.singles
                or prev.rstrip("s") in lex.organization_suffixes
            ):
                took_of = True
                j += 1
                if j + 1 < n and t.low[j] == "the" and t.cap[j + 1]:
                    j += 1
                continue
            if low in ("and", "&") and took_of:
                j += 1
                continue
        break
    # Korean and other romanized given names written with a lower-case last syllable: "Park Won
    # gon", "Kim Yo jong"
    if (
        j - i >= 2
        and j < n
        and t.words[j].isalpha()
        and t.words[j].islower()
        and len(t.words[j]) <= 4
        and all(len(w) <= 4 for w in t.words[i:j])
        and t.start[j] == t.end[j - 1] + 1
        and t.low[j] not in lex.not_names
        and t.low[j] not in lex.between
        and t.low[j] not in lex.cue_verbs
        and t.low[j] not in _NOT_SYLLABLES
        and (j + 1 == n or t.words[j + 1] in ",.;:)" or t.low[j + 1] in lex.cue_verbs)
    ):
        j += 1
    return j


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper() and w not in {"The"})


def _title_split(t: _Tokens, i: int, j: int, lex: Lexicon) -> tuple[int, str | None, bool]:
    """How many leading tokens of the run ``t[i:j]`` are a title ("Defense Secretary"), its
    gender, and whether that title is a bare honorific ("Mr.")."""
    split = 0
    gender: str | None = None
    honorific = False
    k = i
    titles, low = lex.titles, t.low
    while k < j - 1:
        match = titles.match_at(low, k) if low[k] in titles.firsts else None
        if match is None or k + match[0] >= j:
            k += 1
            continue
        length, value = match
        split = k + length - i
        gender = value or gender
        honorific = t.low[k] in lex.honorifics and length == 1
        k += length
    if split:
        # "Secretary of State John Kerry", "Director of National Intelligence James Clapper"
        k = i + split
        if k < j - 1 and t.low[k] == "of":
            k += 1
            while k < j - 1 and t.words[k] not in lex.given_names:
                k += 1
            split = k - i
        # "Miss Universe Alicia Machado": words between the title and a given name belong to it
        k = i + split
        if j - k >= 3 and t.words[k] not in lex.given_names:
            for g in range(k + 1, j - 1):
                if t.words[g] in lex.given_names:
                    split, honorific = g - i, False
                    break
    return split, gender, honorific


def _prenominal(t: _Tokens, i: int, lex: Lexicon) -> tuple[int, str | None] | None:
    """A lower-case title right before token ``i`` ("North Korean leader Kim"): its first token
    and gender, extended left over modifiers and capitalised words."""
    if i == 0:
        return None
    before = t.low[i - 1]
    match = lex.titles.match_ending(t.low, i - 1) if before in lex.titles.lasts else None
    if match is None or t.cap[i - 1]:
        match = (
            lex.descriptors.match_ending(t.low, i - 1)
            if not t.cap[i - 1] and before in lex.descriptors.lasts
            else None
        )
    if match is None:
        return None
    k = i - match[0]
    while k > 0:
        p = k - 1
        w = t.words[p]
        low = t.low[p]
        if (
            (low in _DETERMINERS and low not in ("one",))
            or w in ',;:()"“”'
            or (t.initial[p] and not t.cap[p])
        ):
            break
        if t.cap[p] and w[0].isalpha() and low not in lex.not_names:
            k = p
            continue
        if low in _MODIFIERS or (
            not t.cap[p] and (low.endswith(("al", "ic", "ive", "ian", "ary")) or "-" in low)
        ):
            if low in lex.not_names:
                break
            k = p
            continue
        if t.possessive[p] or low == "'s":
            k = p
            continue
        break
    return k, match[1]


def _apposition(t: _Tokens, last: int, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of an apposition after the name ending at ``last``: ", a specialist at Y,"."""
    i = last + 1
    if i >= t.n or t.words[i] != "," or i + 1 >= t.n:
        return None
    first = i + 1
    low = t.low[first]
    if low in {
        "who",
        "which",
        "that",
        "and",
        "but",
        "or",
        "said",
        "says",
        "he",
        "she",
        "they",
        "it",
    }:
        return None
    if t.low[first] in lex.cue_verbs and not t.cap[first]:
        return None
    has_head = False
    j = first
    limit = min(t.n, first + 25)
    while j < limit:
        w = t.words[j]
        if w in ",;:" or w in _CLAUSE_BREAKS:
            break
        low = t.low[j]
        if not t.cap[j] and low in lex.cue_verbs and j > first:
            break
        if not has_head and (low in lex.titles.singles or low in lex.descriptors.singles):
            has_head = True
        j += 1
    if not has_head or j == first:
        return None
    if (
        j < t.n
        and t.words[j] not in {",", ".", ";", "—", "–", ":", "(", ")", "!", "?"}
        and j != t.n
    ):
        return None
    return first, j


def _noun_phrase_start(t: _Tokens, head: int, floor: int, lex: Lexicon) -> int:
    """First token of the noun phrase ending in ``head`` ("a senior U.S. official")."""
    k = head
    while k > floor:
        p = k - 1
        w = t.words[p]
        low = t.low[p]
        if low in _DETERMINERS:
            k = p
            break
        if t.cap[p] and w[0].isalpha() and not t.initial[p] and low not in lex.not_names:
            k = p
            continue
        if t.cap[p] and t.initial[p] and (w in lex.demonyms or low in _MODIFIERS or _is_acronym(w)):
            k = p
            continue
        if low in _MODIFIERS or _is_acronym(w) or w in lex.demonyms:
            k = p
            continue
        if (
            not t.cap[p]
            and w[0].isalpha()
            and (low.endswith(("al", "ic", "ive", "ian", "ary", "ese")) or "-" in low)
            and low not in lex.not_names
        ):
            k = p
            continue
        if low == "'s":
            break  # "Bush's sons": the owner is a mention of its own
        if (w == "-" or w[0].isdigit()) and p > floor:
            k = p  # "the recent 50-state poll"
            continue
        break
    while k < head and not t.words[k][0].isalpha():
        k += 1
    return k


def _after_postmodifier(t: _Tokens, head: int, end: int, asides: list[tuple[int, int]]) -> int:
    """Where scanning goes on after a noun phrase whose postmodifier ends before ``end``: right
    after the head, so that "a spokesman for the Unification Ministry" still finds the ministry,
    as a name inside a description (an antecedent for "the ministry", not a source)."""
    if end > head + 1:
        asides.append((t.start[head + 1], t.end[end - 1]))
    return head + 1


def _noun_candidate(
    t: _Tokens,
    first: int,
    head: int,
    kind: str,
    role: bool,
    subject: bool,
    determiner: str,
    paragraph: int,
    name_skip: frozenset[str],
    *,
    gender: str | None = None,
    description: str | None = None,
) -> Candidate:
    """A common-noun candidate ``first..head`` keyed and named by its head word."""
    word = t.low[head]
    return Candidate(
        t.start[first],
        t.end[head],
        "noun",
        kind,
        (word,),
        role=role,
        subject=subject,
        determiner=determiner,
        head=word,
        gender=gender,
        description=description,
        name=_slice_name(t, first, head, name_skip),
        paragraph=paragraph,
    )


def _slice_name(t: _Tokens, first: int, last: int, skip: frozenset[str]) -> str:
    """The text of tokens ``first..last`` without leading words in ``skip`` ("a", "some")."""
    while first < last and t.low[first] in skip:
        first += 1
    return t.text[t.start[first] : t.end[last]]


def _postmodifier_end(t: _Tokens, head: int, lex: Lexicon) -> int:
    """One past the last token of a postmodifier ("familiar with the talks") after ``head``."""
    i = head + 1
    if i >= t.n or t.low[i] not in _POSTMODIFIER_OPENERS:
        return i
    j = i
    limit = min(t.n, i + 16)
    while j < limit:
        w = t.words[j]
        if w in _CLAUSE_BREAKS or w == ",":
            break
        if (
            j > i
            and t.low[j] in lex.cue_verbs
            and not t.cap[j]
            and t.low[j - 1] not in _DETERMINERS
        ):
            break  # "familiar with the talks said": "talks" after "the" is a noun
        j += 1
    return j


def find_candidates(text: str, segmentation: Segmentation, lex: Lexicon) -> list[Candidate]:
    """Every candidate source mention in the story paragraphs of ``text``, in text order."""
    out: list[Candidate] = []
    headlines: list[int] = []
    for index, paragraph in enumerate(segmentation.paragraphs):
        if paragraph.boilerplate:
            continue
        if _title_case(text, paragraph.start, paragraph.end):
            headlines.append(index)
            continue
        _scan_paragraph(text, paragraph.start, paragraph.end, index, lex, out)
    quotes = segmentation.quotations
    starts = [q.start for q in quotes]
    keep = []
    for c in out:
        k = bisect.bisect_right(starts, c.start) - 1
        c.quoted = k >= 0 and quotes[k].content_start <= c.start < quotes[k].content_end
        if c.form == "pronoun" and c.key[0] in _FIRST_PERSON:
            if not c.quoted:
                continue  # "I" outside quotation marks is the writer
            c.quote = (quotes[k].start, quotes[k].end)  # the quotation whose speaker "I" is
        keep.append(c)
    out = keep
    if headlines:
        known: dict[tuple[str, ...], Candidate] = {}
        for c in out:
            if c.form in ("name", "lexicon", "acronym") and (
                c.kind != "unknown" or c.evidence or c.role
            ):
                known.setdefault(c.key, c)
                if c.form == "name" and c.kind == "unknown" and len(c.key) > 1:
                    known.setdefault((c.key[-1],), c)
        if known:
            for index in headlines:
                paragraph = segmentation.paragraphs[index]
                _scan_headline(text, paragraph.start, paragraph.end, index, lex, known, out)
            out.sort(key=lambda c: c.start)
    return out


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether the paragraph is a headline in title case ("Trump Calls On Obama To Resign")."""
    if end - start > 200:
        return False
    split = text[start:end].split()
    # headline style capitalises small words too: "Calls On Obama To Resign"
    if not any(w in _HEADLINE_SMALL_WORDS for w in split[1:]):
        return False
    words = [w for w in split if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)


def _scan_headline(
    text: str,
    start: int,
    end: int,
    index: int,
    lex: Lexicon,
    known: dict[tuple[str, ...], Candidate],
    out: list[Candidate],
) -> None:
    """In a title-case headline every word has a capital, so runs cannot be trusted: look for
    the names the story itself uses ("Donald Trump Calls Out Ted Cruz ...")."""
    t = _Tokens(text, start, end, lex)
    longest = max(len(k) for k in known)
    i = 0
    while i < t.n:
        if not t.cap[i]:
            i += 1
            continue
        for size in range(min(longest, t.n - i), 0, -1):
            key = tuple(t.words[i : i + size])
            found = known.get(key)
            if found is None:
                continue
            last = i + size - 1
            nxt = t.words[last + 1] if last + 1 < t.n else ""
            role = nxt == ":" or nxt.lower() in lex.cue_verbs or _role_before(t, i, lex)
            out.append(
                Candidate(
                    t.start[i],
                    t.end[last],
                    found.form,
                    found.kind,
                    found.key,
                    role=role,
                    subject=True,
                    evidence=True,
                    name=found.name,
                    paragraph=index,
                )
            )
            i = last
            break
        i += 1


def _scan_paragraph(
    text: str, start: int, end: int, index: int, lex: Lexicon, out: list[Candidate]
) -> None:
    t = _Tokens(text, start, end, lex)
    n = t.n
    words, low, cap = t.words, t.low, t.cap
    asides: list[tuple[int, int]] = []  # apposition spans (offsets) whose names are not sources
    first_candidate = len(out)
    triggers = lex.scan_triggers
    not_names = lex.not_names
    # the tokens worth a look: capitalised words, pronouns and the first words of common-noun
    # sources (every other word is skipped without entering the loop)
    stops = lex.scan_stops
    media_only = lex.media_only_stops
    media_common = lex.media_common
    i = 0
    for at in list(compress(count(), map(or_, map(stops.__contains__, low), cap))):
        if at < i:
            continue  # inside what the last candidate took
        i = at
        lw = low[i]
        if lw in media_only and not cap[i] and media_common.match_at(low, i) is None:
            continue  # "the" not followed by "agency", "newspaper"...
        w = words[i]
        if lw in _POSSESSIVE_PRONOUNS and i + 1 < n:
            # "his call for", "her remarks": the owner of a speech or stance noun is a source
            k = i + 1
            while (
                k < n
                and k < i + 3
                and not cap[k]
                and low[k] not in lex.owner_nouns
                and words[k].isalpha()
                and not _verb_at(t, k, lex)
            ):
                k += 1
            if (
                k < n
                and low[k] in lex.owner_nouns
                and (k + 1 >= n or low[k + 1] not in lex.owner_nouns)
            ):
                out.append(
                    Candidate(
                        t.start[i],
                        t.end[i],
                        "pronoun",
                        "pronoun",
                        (lw,),
                        role=True,
                        paragraph=index,
                    )
                )
            i += 1
            continue
        if (
            lw == "which"
            and i > 1
            and words[i - 1] == ","
            and (_cue_at(t, i + 1, lex) or _verb_at(t, i + 1, lex))
        ):
            c = Candidate(
                t.start[i],
                t.end[i],
                "pronoun",
                "pronoun",
                (lw,),
                role=_cue_at(t, i + 1, lex),
                subject=True,
                paragraph=index,
            )
            out.append(c)
            i += 1
            continue
        if lw in _FIRST_PERSON:
            if _verb_at(t, i + 1, lex, after_pronoun=True) or (
                i + 1 < n and words[i + 1].isalpha() and words[i + 1].islower()
            ):
                out.append(
                    Candidate(
                        t.start[i],
                        t.end[i],
                        "pronoun",
                        "pronoun",
                        (lw,),
                        role=_cue_at(t, i + 1, lex),
                        subject=True,
                        paragraph=index,
                    )
                )
            i += 1
            continue
        if lw in _SUBJECT_PRONOUNS:
            role = _cue_at(t, i + 1, lex) or (
                i > 1 and low[i - 1] in _INVERTED_CUES and words[i - 2] in {",", "”", '"'}
            )
            # he, she, they and who are subjects wherever they stand; "it" is too often empty
            subject = lw != "it" and _verb_at(t, i + 1, lex, after_pronoun=True)
            if role or subject:
                c = Candidate(
                    t.start[i],
                    t.end[i],
                    "pronoun",
                    "pronoun",
                    (lw,),
                    role=role,
                    subject=subject,
                    paragraph=index,
                )
                out.append(c)
            i += 1
            continue
        if cap[i] and w[0].isalpha():
            if (
                lw in not_names
                and lw not in triggers
                and t.initial[i]
                and (i + 1 == n or not cap[i + 1])
            ):
                i += 1  # "The", "But", "In" opening a sentence: nothing to classify
                continue
            j = _run_end(t, i, lex)
            taken = _named(t, i, j, index, lex, out, asides)
            i = max(j, taken)
            continue
        taken = _common(t, i, index, lex, out, asides)
        i = max(i + 1, taken)
    if not asides:
        return
    for c in out[first_candidate:]:
        if c.form != "pronoun" and any(s <= c.start and c.end <= e for s, e in asides):
            # a name inside a description ("a spokesman for the Unification Ministry said") is
            # not reported, and the cue after it is the head's, but "the ministry" may refer back
            # to it later
            c.hidden = True
            c.role = False


def _named(
    t: _Tokens,
    i: int,
    j: int,
    index: int,
    lex: Lexicon,
    out: list[Candidate],
    asides: list[tuple[int, int]],
) -> int:
    """Classify the capitalised run ``t[i:j]`` and append its candidate(s); returns the index
    scanning should continue from."""
    words, low = t.words, t.low
    # a sentence-initial word that is not a name: "The", "But", "According"
    while i < j and (low[i] in lex.not_names and (t.initial[i] or low[i] in {"the", "a", "an"})):
        i += 1
    # trailing words that cannot end a name
    while j > i and low[j - 1] in lex.not_names and low[j - 1] not in lex.titles.singles:
        j -= 1
    if i >= j:
        return j
    opening = t.initial[i]  # the run opens its sentence (a title included: "Mr. Obama's bet")
    # a common-noun source written with a capital at the start of a sentence ("Analysts said")
    if (
        j - i == 1
        and t.initial[i]
        and (
            lex.groups.match_at(low, i) is not None
            or low[i] in lex.media_heads
            or low[i] in lex.documents
            or lex.media_common.match_at(low, i) is not None
        )
    ):
        return _common(t, i, index, lex, out, asides)
    # known names: outlets, organizations, governments ("the White House")
    k = i
    named_firsts = lex.named_words.firsts
    while k < j:
        match = lex.named_words.match_at(low, k) if low[k] in named_firsts else None
        if match is not None:
            length, surface = match
            # the first word as listed ("WHO" is not "Who"); the others in any case ("Yonhap
            # news agency")
            if words[k] == surface.split()[0]:
                kind, canonical = lex.named[surface]
                if k > i:
                    _named(t, i, k, index, lex, out, asides)
                first, last = k, k + length - 1
                s = t.start[first]
                if (first > 0 and low[first - 1] == "the" and not t.cap[first - 1]) or (
                    first > 0 and words[first - 1] == "The" and first - 1 >= i - 1
                ):
                    s = t.start[first - 1]
                c = Candidate(
                    s,
                    t.end[last],
                    "lexicon",
                    kind,
                    (canonical,),
                    evidence=True,
                    name=canonical,
                    paragraph=index,
                )
                _mark_role(c, t, first if s == t.start[first] else first - 1, last, lex)
                out.append(c)
                if k + length < j:
                    return _named(t, k + length, j, index, lex, out, asides)
                return max(j, k + length)
        k += 1
    split, gender, honorific = _title_split(t, i, j, lex)
    description: str | None = None
    description_span: tuple[int, int] | None = None
    evidence = split > 0
    if split:
        if not honorific:
            description = t.text[t.start[i] : t.end[i + split - 1]]
            description_span = (t.start[i], t.end[i + split - 1])
        i += split
    else:
        pre = _prenominal(t, i, lex)
        if pre is not None:
            k, gender = pre
            description = t.text[t.start[k] : t.end[i - 1]]
            description_span = (t.start[k], t.end[i - 1])
            evidence = True
    name_words = words[i:j]
    surface = " ".join(name_words)
    first, last = i, j - 1
    s, e = t.start[first], t.end[last]
    display = t.text[s:e]
    # a name that is a place
    place = lex.places.get(surface) or (
        lex.places.get(surface[4:]) if surface.startswith("The ") else None
    )
    if place is not None and not split:
        kind, country = place
        if kind in ("country", "capital") and country:
            prev = low[first - 1] if first > 0 else ""
            prev_the = prev == "the" and first > 1
            locative = (low[first - 2] if prev_the else prev) in _LOCATIVES
            nxt = low[last + 1] if last + 1 < t.n and not t.cap[last + 1] else ""
            modifier = (
                prev in {"a", "an"}
                or (first > 0 and t.possessive[first - 1])
                # "U.S. officials", "Seoul's", "the North Korea specialist": a modifier
                or nxt in lex.groups.singles
                or nxt in lex.descriptors.singles
                or (nxt in lex.government_heads and nxt != "state")
            )
            if not locative and not modifier:
                s0 = t.start[first - 1] if prev == "the" else s
                c = Candidate(
                    s0,
                    e,
                    "place",
                    "government",
                    (country,),
                    evidence=True,
                    name=surface,
                    paragraph=index,
                )
                _mark_role(c, t, first - 1 if prev == "the" else first, last, lex)
                out.append(c)
        return j
    if (
        surface in lex.demonyms
        or (
            (name_words[0] in lex.demonyms or name_words[0] in lex.places)
            and all(w in lex.demonyms or w in lex.places for w in name_words)
        )
    ) and not (len(name_words) == 1 and not t.initial[first] and _role_after(t, last, lex)):
        return j  # "Cuban said" is a person; "Cuban officials" is not
    if len(name_words) > 1 and low[last] in lex.place_suffixes:
        # "Burke County", "Times Square": a place; a local government when it speaks
        if _role_after(t, last, lex) or _role_before(t, first, lex):
            c = Candidate(
                s,
                e,
                "name",
                "government",
                tuple(name_words),
                role=True,
                subject=True,
                evidence=True,
                name=display,
                paragraph=index,
            )
            out.append(c)
        return j
    if j < t.n and not t.cap[j]:
        # "HIMARS launchers", "Patriot missiles", "a Type 055 destroyer": a weapon or a model
        nxt = low[j]
        if nxt in lex.equipment or (
            nxt[0].isdigit() and j + 1 < t.n and low[j + 1] in lex.equipment
        ):
            return j
    if len(name_words) == 1 and _is_acronym(surface):
        c = Candidate(
            s,
            e,
            "acronym",
            "organization",
            (surface.replace(".", ""),),
            evidence=True,
            name=surface,
            paragraph=index,
        )
        _mark_role(c, t, first, last, lex)
        out.append(c)
        return j
    last_low = low[last]
    if (
        last_low in lex.organization_suffixes
        or (
            len(name_words) > 1
            and (
                any(x in lex.organization_suffixes for x in low[i:j] if x != low[i] or j - i > 2)
                and ("of" in low[i:j] or "for" in low[i:j])
            )
        )
        or (name_words[-1] in _MEDIA_WORDS and len(name_words) > 1)
    ):
        kind = "organization"
        if name_words[-1] in _MEDIA_WORDS or (
            last_low in _MEDIA_SUFFIXES
            and {x.lower() for x in name_words}
            & {"news", "press", "television", "broadcasting", "radio"}
        ):
            kind = "media"
        if len(name_words) == 1 and t.initial[first]:
            return j  # "Congress", "Police" opening a sentence: too ambiguous alone
        if s > 0 and first > 0 and low[first - 1] == "the":
            s = t.start[first - 1]
        c = Candidate(
            s, e, "name", kind, tuple(name_words), evidence=True, name=display, paragraph=index
        )
        _mark_role(c, t, first, last, lex)
        out.append(c)
        return j
    # "The Clinton campaign", "the Trump administration": a name then an organization noun
    if (
        j < t.n
        and not t.cap[j]
        and low[j] in lex.government_heads
        and low[j]
        in {"campaign", "administration", "government", "team", "camp", "family", "foundation"}
    ):
        s0 = t.start[first - 1] if first > 0 and low[first - 1] == "the" else s
        kind = "government" if low[j] in ("administration", "government") else "organization"
        full = t.text[s0 : t.end[j]]
        c = Candidate(
            s0,
            t.end[j],
            "noun",
            kind,
            (full.lower().removeprefix("the "),),
            evidence=True,
            name=full,
            head=low[j],
            determiner="the",
            paragraph=index,
        )
        _mark_role(c, t, first, j, lex)
        out.append(c)
        return j + 1
    # a group or a person described by a capitalised noun: "House Republicans", "one New
    # Hampshire Democrat"
    if last_low in lex.groups.singles or (
        last_low in lex.descriptors.singles and first > 0 and low[first - 1] in _DETERMINERS
    ):
        first_np = (
            _noun_phrase_start(t, first, 0, lex)
            if first > 0 and low[first - 1] in _DETERMINERS
            else first
        )
        role = _role_after(t, last, lex) or _role_before(t, first_np, lex)
        subject = role or _subject(t, last, lex, plural=last_low in lex.groups.singles)
        if subject:
            kind = "group" if last_low in lex.groups.singles else "anonymous"
            det = low[first_np] if low[first_np] in _DETERMINERS else ""
            key = tuple(x for x in low[first_np : last + 1] if x not in _QUANTIFIERS)
            name = _slice_name(t, first_np, last, _QUANTIFIERS)
            out.append(
                Candidate(
                    t.start[first_np],
                    e,
                    "noun",
                    kind,
                    key if kind == "group" else (last_low,),
                    role=role,
                    subject=subject,
                    determiner=det,
                    head=last_low,
                    name=name,
                    paragraph=index,
                )
            )
        return j
    # a person, or a capitalised run we know nothing about
    if name_words[0] in lex.given_names:
        evidence = True
        gender = gender or lex.given_names[name_words[0]]
    appos = _apposition(t, last, lex)
    if appos is not None:
        a0, a1 = appos
        a_text = t.text[t.start[a0] : t.end[a1 - 1]]
        asides.append((t.start[a0], t.end[a1 - 1]))
        if description is None or not split:
            description = a_text
            description_span = (t.start[a0], t.end[a1 - 1])
        evidence = True
        for x in range(a0, a1):
            g = lex.descriptors.get(low[x]) or lex.titles.get(low[x])
            if g:
                gender = gender or g
    role = _role_after(t, last, lex) or _role_before(t, first, lex)
    if first > 1 and low[first - 1] == "'s" and j - first > 1:
        # "noted NBC's Dante Chinni": a name owned by an outlet or a party is a person, and the
        # cue before the owner is his
        evidence = True
        role = role or _role_before(t, first - 2, lex)
    subject = role or _subject(t, last, lex)
    # a subject is evidence of a person, except a single word opening a sentence ("Congress",
    # "Iowa"), which is as likely to be a place or an institution
    if j - first == 1 and low[first].endswith(_ADJECTIVE_ENDINGS) and not role:
        return j  # "Biblical", "Satanic": adjectives, not names
    # a subject, or the owner of something ("Clinton's campaign"), is evidence of a name,
    # except for a single word opening a sentence ("Congress", "Iowa"), as likely an institution
    owner = t.possessive[last]
    # "Mr. Obama's bet is that ...": the owner of the sentence's subject is what the sentence
    # is about, salient for a later "he" (but "Trump's lawyer said" is the lawyer's sentence)
    owns_subject = owner and opening and not subject and not _owns_a_speaker(t, last, lex)
    # a title, a given name, a description, or "he"/"she" next: evidence of a person
    personal = evidence or (
        j - first == 1 and (subject or owner) and _personal_pronoun_after(t, last)
    )
    evidence = evidence or ((subject or owner) and (not t.initial[first] or j - first > 1))
    c = Candidate(
        s,
        e,
        "name",
        "unknown",
        tuple(name_words),
        role=role,
        subject=subject,
        evidence=evidence,
        gender=gender,
        description=description,
        description_span=description_span,
        name=display,
        paragraph=index,
        personal=personal,
        owner=owns_subject,
    )
    out.append(c)
    return j


def _owns_a_speaker(t: _Tokens, last: int, lex: Lexicon) -> bool:
    """Whether what the possessive name ending at ``last`` owns is a speaker of its own:
    "Trump's lawyer", "Clinton's campaign", "Obama's spokesman Josh Earnest"."""
    k = last + 2  # the word after "'s"
    while k < t.n and k - last < 5 and not t.cap[k] and t.low[k] not in lex.descriptors.singles:
        if t.low[k] in lex.government_heads or t.low[k] in lex.groups.singles:
            return True
        if not t.words[k].isalpha() or t.low[k] in lex.titles.singles:
            break
        k += 1
    return k < t.n and (
        t.cap[k] or t.low[k] in lex.descriptors.singles or t.low[k] in lex.titles.singles
    )


def _personal_pronoun_after(t: _Tokens, last: int, reach: int = 30) -> bool:
    """Whether "he", "she", "his", "her"... follows the name ending at ``last`` before any other
    name, "it" or "they" ("Obama said he would veto it": Obama is a person)."""
    low, cap, initial = t.low, t.cap, t.initial
    for k in range(last + 1, min(t.n, last + 1 + reach)):
        word = low[k]
        if word in _PERSONAL_PRONOUNS:
            return True
        if word in _IMPERSONAL_PRONOUNS or (cap[k] and not initial[k]):
            return False
    return False


def _common(
    t: _Tokens,
    i: int,
    index: int,
    lex: Lexicon,
    out: list[Candidate],
    asides: list[tuple[int, int]],
) -> int:
    """A common-noun source starting or ending at token ``i``; returns the next index to scan."""
    low = t.low
    lw = low[i]
    # multiword media phrases first ("state media", "state-run television")
    match = lex.media_common.match_at(low, i) if lw in lex.media_common.firsts else None
    if match is not None and (
        i + match[0] >= t.n or not (t.cap[i + match[0]] and lex.titles.get(low[i + match[0]]))
    ):
        length = match[0]
        last = i + length - 1
        head = low[last]
        first = i
        if first > 0 and low[first - 1] in _DETERMINERS and low[i] not in {"the", "a", "an"}:
            first -= 1
        phrase = " ".join(low[i : last + 1]).removeprefix("the ")
        if head in lex.media_heads and phrase.split()[0] in {
            "agency",
            "newspaper",
            "paper",
            "broadcaster",
            "network",
            "magazine",
            "outlet",
            "daily",
            "station",
            "website",
            "publication",
            "channel",
        }:
            det = low[i] if low[i] == "the" else (low[first] if first < i else "")
        else:
            det = ""
        role = _role_after(t, last, lex) or _role_before(t, first, lex)
        if role or phrase in {
            "state media",
            "state-run media",
            "state television",
            "state tv",
            "official media",
        }:
            out.append(
                Candidate(
                    t.start[first],
                    t.end[last],
                    "noun",
                    "media",
                    (phrase,),
                    role=role,
                    determiner=det,
                    head=head,
                    name=phrase,
                    paragraph=index,
                )
            )
        return last + 1
    is_group = lex.groups.match_at(low, i) if lw in lex.groups.firsts else None
    if (is_group is not None and is_group[0] == 1 and not t.cap[i]) or (
        is_group is not None and is_group[0] == 1 and t.initial[i]
    ):
        # plural heads: skip quantifier pronouns unless they are subjects ("some said")
        if lw in {"some", "many", "most", "several", "both", "all", "few", "others"} and (
            not _cue_at(t, i + 1, lex) or (i > 0 and low[i - 1] in _DETERMINERS)
        ):
            return i + 1
        if lw in ("percent", "%") and (i + 1 < t.n and low[i + 1] == "of"):
            # "47 percent of voters said": the head is the noun after "of"
            return i + 1
        if i + 1 < t.n and (
            low[i + 1] in lex.groups.singles
            or (low[i + 1] in lex.descriptors.singles and not t.cap[i + 1])
        ):
            return i + 1  # a modifier of the next noun ("police officials")
        first = _noun_phrase_start(t, i, 0, lex)
        end = _postmodifier_end(t, i, lex)
        role = _role_after(t, end - 1, lex) or _role_before(t, first, lex)
        subject = role or _subject(t, end - 1, lex, plural=end == i + 1)
        if subject and (role or lw not in lex.cue_only_groups):
            det = low[first] if low[first] in _DETERMINERS else ""
            mods = [x for x in low[first:i] if x not in _QUANTIFIERS and x != "'s"]
            key = (*mods, lw)
            desc = t.text[t.start[first] : t.end[end - 1]] if end > i + 1 else None
            name = _slice_name(t, first, i, _QUANTIFIERS)
            out.append(
                Candidate(
                    t.start[first],
                    t.end[i],
                    "noun",
                    "group",
                    key,
                    role=role,
                    subject=subject,
                    determiner=det,
                    head=lw,
                    description=desc,
                    name=name or t.words[i],
                    paragraph=index,
                )
            )
        return _after_postmodifier(t, i, end, asides)
    if t.cap[i] and not t.initial[i]:
        return i + 1
    descriptor = lex.descriptors.get(lw, False)
    is_descriptor = descriptor is not False and lw in lex.descriptors.singles
    is_document = lw in lex.documents
    is_org_head = lw in lex.government_heads or lw in lex.media_heads
    if not (is_descriptor or is_document or is_org_head):
        return i + 1
    if (
        i + 1 < t.n
        and not t.cap[i + 1]
        and t.words[i + 1].isalpha()
        and not (
            _verb_at(t, i + 1, lex)
            or low[i + 1] in lex.cue_verbs
            or low[i + 1] in lex.between
            or low[i + 1] in _POSTMODIFIER_OPENERS
            or low[i + 1] in _NP_FOLLOWERS
        )
    ):
        return i + 1  # a modifier of a noun that follows ("campaign spokesman", "party congress")
    if (
        i + 1 < t.n
        and t.cap[i + 1]
        and t.words[i + 1][0].isalpha()
        and low[i + 1] not in lex.not_names
    ):
        return i + 1  # a title before a name: the name's candidate carries it
    first = _noun_phrase_start(t, i, 0, lex)
    det = low[first] if low[first] in _DETERMINERS else ""
    if det in ("these", "those"):
        return i + 1  # "these military moves": a singular word after "these" is a modifier
    if not det and first > 0 and low[first - 1] == "'s":
        det = "'s"  # "the president's spokesman"
    if not det and not (lw.endswith("s") and is_document):
        return i + 1  # bare singular nouns are not mentions ("official visit")
    end = _postmodifier_end(t, i, lex)
    role = _role_after(t, end - 1, lex) or _role_before(t, first, lex)
    subject = role or _subject(t, end - 1, lex)
    if is_document:
        if subject:
            out.append(
                _noun_candidate(t, first, i, "document", role, subject, det, index, _QUANTIFIERS)
            )
        return _after_postmodifier(t, i, end, asides)
    if is_descriptor:
        out.append(
            _noun_candidate(
                t,
                first,
                i,
                "anonymous",
                role,
                subject,
                det,
                index,
                _ARTICLES,
                gender=descriptor if isinstance(descriptor, str) else None,
                description=(
                    t.text[t.start[first] : t.end[end - 1]]
                    if (end > i + 1 or first < i - 1)
                    else None
                ),
            )
        )
        return _after_postmodifier(t, i, end, asides)
    kind = (
        "media"
        if lw in lex.media_heads and lw not in lex.government_heads
        else ("government" if lw in _GOVERNMENT_HEADS_KIND else "organization")
    )
    # "our navy" is named "navy": a possessive is not part of an institution's name
    out.append(_noun_candidate(t, first, i, kind, role, subject, det, index, _NAME_DETERMINERS))
    return _after_postmodifier(t, i, end, asides)


# --------------------------------------------------------------------------- grouping


@attrs.define(slots=True)
class SourceDraft:
    """A source being built: its mentions so far and what grouping compares against."""

    kind: str
    name: str
    words: tuple[str, ...]
    gender: str | None = None
    description: str | None = None
    description_span: tuple[int, int] | None = None
    heads: set[str] = attrs.Factory(set)
    mentions: list[tuple[int, int]] = attrs.Factory(list)
    speaking: list[tuple[int, int, int]] = attrs.Factory(list)  # role mentions, with paragraph
    role: bool = False
    subject: bool = False
    evidence: bool = False
    last: int = 0
    paragraphs: list[int] = attrs.Factory(list)
    salient: list[int] = attrs.Factory(
        list
    )  # per mention: 3 in a source role, 2 a subject, 1 owner of the subject
    quoted: list[bool] = attrs.Factory(list)  # per mention: inside quotation marks
    hidden: set[tuple[int, int]] = attrs.Factory(set)  # spans inside descriptions: not output
    named: bool = True
    acronym: str = ""
    personal: bool = False  # some mention has a title, a given name or a description
    country: str = ""  # a government named by its country once: the name it is reported under

    def add(self, c: Candidate) -> None:
        """Add the candidate's span (and what it says about the source)."""
        if c.hidden:
            self.hidden.add((c.start, c.end))
        if c.personal:
            self.personal = True
        self.mentions.append((c.start, c.end))
        self.role = self.role or c.role
        if c.role:
            self.speaking.append((c.start, c.end, c.paragraph))
        self.subject = self.subject or c.subject
        self.evidence = self.evidence or c.evidence
        self.last = c.end
        self.paragraphs.append(c.paragraph)
        self.salient.append(3 if c.role else 2 if c.subject else 1 if c.owner else 0)
        self.quoted.append(c.quoted)
        if c.gender and not self.gender:
            self.gender = c.gender
        if c.description and not self.description:
            self.description = c.description
            self.description_span = c.description_span
            for word in c.description.lower().replace(",", " ").split():
                self.heads.add(word)
        if c.head:
            self.heads.add(c.head)
        if c.form in ("name", "lexicon", "place") and (
            len(c.name) > len(self.name) or self.name.replace(".", "").isupper()
        ):
            self.name = c.name


def _plural_name(word: str, demonyms: set[str]) -> bool:
    """Whether a capitalised word reads as a plural noun: a demonym plus "s" ("Syrians",
    "Cuban-Americans", "Latinos"), or a word ending in "s" but not "ss", "us", "is", "as", "os"
    ("Texas", "Carlos") with no capital after the first letter ("PACs" is a name)."""
    if not word.endswith("s") or len(word) <= 3:
        return False
    last = word.rsplit("-", 1)[-1]
    if last[:-1] in demonyms:
        return True
    return not last.endswith(("ss", "us", "is", "as", "os")) and last[1:] == last[1:].lower()


def _descriptor_heads(description: str | None) -> set[str]:
    return set(description.lower().split()) if description else set()


def group_sources(
    text: str,
    candidates: list[Candidate],
    lex: Lexicon,
    *,
    scope: str = "entities",
    window: int = 1,
    sentence_starts: Sequence[int] = (),
) -> tuple[list[SourceDraft], dict[str, int]]:
    """Group ``candidates`` into sources; returns the drafts and counts of pronoun resolution
    (``{"pronouns": seen, "resolved": linked}``)."""
    drafts: list[SourceDraft] = []
    persons: list[SourceDraft] = []  # the named persons of ``drafts``, for name lookups
    by_key: dict[tuple[str, ...], SourceDraft] = {}
    stats = {"pronouns": 0, "resolved": 0}
    # full person names anywhere in the article, so that a surname seen first (in a headline,
    # "Trump: ...") still joins "Donald Trump"
    full_names: dict[str, tuple[str, ...]] = {}
    for c in candidates:
        if c.form == "name" and c.kind == "unknown" and len(c.key) > 1 and (c.evidence or c.role):
            for word in (c.key[0], c.key[-1]):
                full_names.setdefault(word, c.key)
    first_person: list[Candidate] = []
    for c in candidates:
        if c.form == "pronoun" and c.quote is not None:
            first_person.append(c)
            continue
        if c.form == "pronoun":
            stats["pronouns"] += 1
            target = _resolve_pronoun(text, c, drafts, lex, window, sentence_starts)
            if target is not None:
                stats["resolved"] += 1
                c.gender = lex.pronouns.get(c.key[0], (None, frozenset()))[0]
                target.add(c)
            continue
        target = _find(c, drafts, persons, by_key, lex)
        if target is None:
            if (
                c.form == "name"
                and c.kind == "unknown"
                and len(c.key) == 1
                and c.key[0] in full_names
            ):
                full = full_names[c.key[0]]
                target = SourceDraft("person", " ".join(full), full)
                drafts.append(target)
                persons.append(target)
                target.add(c)
                continue
            if c.form == "name" and c.kind == "unknown" and not (c.role or c.evidence):
                continue
            if c.form == "noun" and not (c.role or c.subject):
                continue
            kind = "person" if c.kind == "unknown" else c.kind
            words = c.key if c.form in ("name", "acronym") else (c.name,)
            target = SourceDraft(kind, c.name, words, named=c.form != "noun")
            if c.form == "acronym":
                target.acronym = c.key[0]
            if c.form in ("lexicon", "place", "noun"):
                by_key[(c.form, *c.key)] = target
            drafts.append(target)
            if kind == "person" and target.named:
                persons.append(target)
        elif (
            c.form == "name"
            and len(c.key) > len(target.words)
            and target.kind in ("person",)
            and c.kind == "unknown"
        ):
            target.words = c.key
            target.name = c.name
        elif c.form in ("name", "lexicon") and target.acronym and target.kind != "person":
            # the full name of an organization first seen by its acronym
            target.name, target.words, target.acronym = c.name, c.key, ""
            if c.kind in ("media", "organization") and target.kind == "organization":
                target.kind = c.kind
        if c.form == "place" and c.name in lex.places and lex.places[c.name][0] == "country":
            target.name = target.country = c.name  # "North Korea" rather than "Pyongyang"
        target.add(c)
    speaking = _speaking_index(drafts) if first_person else {}
    for c in first_person:
        stats["pronouns"] += 1
        target = _quote_speaker(text, c, speaking)
        if target is not None:
            stats["resolved"] += 1
            target.add(c)
            if c.role:  # "I said": a role mention for the quotations after it, as any other
                starts, items = speaking.setdefault(c.paragraph, ([], []))
                at = bisect.bisect_left(starts, c.start)
                starts.insert(at, c.start)
                items.insert(at, (c.start, c.end, target))
    keep = []
    for d in drafts:
        if len(d.hidden) == len(set(d.mentions)):
            continue  # only ever named inside a description
        if (
            d.kind == "person"
            and d.named
            and len(d.words) == 1
            and not d.personal
            and d.gender is None
            and d.description is None
        ):
            # One capitalised word that speaks, with no title, given name, description or "he"
            # or "she" anywhere in the story: news introduces people by their full name, so
            # this is an organization without a suffix ("Apple said", "Samsung declined"), or,
            # in the plural, a group ("Syrians", "Cuban-Americans", "Nationalists")
            d.kind = "group" if _plural_name(d.words[0], lex.demonyms) else "organization"
        if scope == "attributed" and not d.role:
            continue
        if d.kind == "person" and not (d.role or d.evidence):
            continue
        keep.append(d)
    return keep, stats


def _find(
    c: Candidate,
    drafts: list[SourceDraft],
    persons: list[SourceDraft],
    by_key: dict[tuple[str, ...], SourceDraft],
    lex: Lexicon,
) -> SourceDraft | None:
    """The existing source ``c`` refers to, or ``None`` for a new one."""
    if c.form in ("lexicon", "place"):
        found = by_key.get((c.form, *c.key))
        if found is None and c.form == "lexicon":
            # "KCNA" seen before "the Korean Central News Agency", or the other way round
            for d in reversed(drafts):
                if d.kind in ("organization", "media") and (
                    d.acronym == c.key[0]
                    or _initials(list(d.words)) == c.key[0].replace(".", "")
                    or d.name == c.name
                ):
                    return d
            for d in reversed(drafts):
                if d.acronym and d.acronym == _initials(c.key[0].split()):
                    by_key[(c.form, *c.key)] = d
                    return d
        return found
    if c.form == "acronym":
        acronym = c.key[0]
        for d in reversed(drafts):
            if d.kind in ("organization", "media", "government") and (
                d.acronym == acronym or (len(d.words) > 1 and _initials(list(d.words)) == acronym)
            ):
                return d
        return None
    if c.form == "name":
        words = c.key
        if c.kind in ("organization", "media", "government"):
            for d in reversed(drafts):
                if d.kind in ("organization", "media", "government") and (
                    d.words == words or (d.acronym and d.acronym == _initials(list(words)))
                ):
                    return d
            return None
        # a person name (``persons`` are the drafts of named persons, in order)
        for d in reversed(persons):
            if d.words == words:
                return d
        if len(words) == 1:
            # a surname or given name alone: the person with that name mentioned most often so
            # far ("Clinton" is Hillary Clinton in a story that names Bill Clinton once)
            word = words[0]
            best: SourceDraft | None = None
            for d in reversed(persons):
                if word in d.words and (best is None or len(d.mentions) > len(best.mentions)):
                    best = d
            if best is not None:
                return best
            for d in reversed(drafts):
                if (
                    d.kind in ("organization", "media")
                    and d.named
                    and (
                        d.words[-1:] == words
                        or d.acronym == word
                        # "Apple" after "Apple Inc."
                        or (
                            len(d.words) > 1
                            and d.words[0] == word
                            and d.words[-1].lower().rstrip(".") in lex.organization_suffixes
                        )
                    )
                ):
                    return d
            return None
        # "Donald Trump" after "Trump": a single-word person becomes the full name
        for d in reversed(persons):
            if len(d.words) == 1 and d.words[0] in (words[0], words[-1]):
                return d
        return None
    # common nouns
    head = c.head
    det = c.determiner
    if c.kind == "group":
        found = by_key.get(("noun", *c.key))
        if found is not None:
            return found
        if len(c.key) == 1 and c.description is None:
            # "officials" after "U.S. officials"; but "officials in Seoul" are others
            for d in reversed(drafts):
                if d.kind == "group" and head in d.heads:
                    return d
        return None
    if (
        c.kind == "media"
        and c.key
        and c.key[0] in ("state media", "state-run media", "official media")
    ):
        return by_key.get(("noun", "state media")) or by_key.get(("noun", *c.key))
    definite = det in ("the", "this", "that")
    if c.kind == "anonymous":
        if not definite:
            return None
        for d in reversed(drafts):
            if d.kind in _PERSON_KINDS and head in d.heads:
                return d
        return None
    if c.kind == "document":
        if not definite:
            return None
        for d in reversed(drafts):
            if d.kind == "document" and head in d.heads:
                return d
        return None
    # organization, government and media heads: "the ministry", "the agency", "the newspaper"
    if definite or det == "'s":
        if c.key and " " in c.key[0]:  # "clinton campaign"
            return by_key.get(("noun", *c.key))
        for d in reversed(drafts):
            if d.kind in ("organization", "media", "government") and (
                head in {w.lower() for w in d.words} or head in d.heads
            ):
                return d
        if head in lex.media_heads:
            for d in reversed(drafts):
                if d.kind == "media":
                    return d
        if head in ("government", "regime", "administration", "authorities"):
            for d in reversed(drafts):
                if d.kind == "government":
                    return d
        return by_key.get(("noun", head))
    return None


def _speaking_index(
    drafts: list[SourceDraft],
) -> dict[int, tuple[list[int], list[tuple[int, int, SourceDraft]]]]:
    """Every mention in a source role, by paragraph and sorted by start (with the starts apart
    for bisection), for :func:`_quote_speaker`."""
    by_paragraph: dict[int, list[tuple[int, int, SourceDraft]]] = {}
    for d in drafts:
        for s, e, p in d.speaking:
            by_paragraph.setdefault(p, []).append((s, e, d))
    index = {}
    for p, items in by_paragraph.items():
        items.sort(key=lambda item: (item[0], item[1]))
        index[p] = ([item[0] for item in items], items)
    return index


def _quote_speaker(
    text: str,
    c: Candidate,
    speaking: dict[int, tuple[list[int], list[tuple[int, int, SourceDraft]]]],
) -> SourceDraft | None:
    """The speaker of the quotation an "I" or "we" stands in: the source in a source role
    closest to the quotation in its paragraph, one on the quotation's own line before any
    other (testimonials print one signed quotation a line), else the last one of the previous
    paragraph. The nearest role mention on each side is enough: a line break between the
    quotation and it is between the quotation and any mention farther out too."""
    assert c.quote is not None
    q_start, q_end = c.quote
    kinds = _PERSON_KINDS if c.key[0] == "i" else None

    def fits(d: SourceDraft) -> bool:
        return kinds is None or d.kind in kinds

    best: SourceDraft | None = None
    best_distance = 10**9
    starts, items = speaking.get(c.paragraph, ([], []))
    at = bisect.bisect_left(starts, q_start)
    for j in range(at - 1, -1, -1):  # before the quotation: the one ending nearest to it
        s, e, d = items[j]
        if e <= q_start and fits(d):
            distance = q_start - e + (len(text) if "\n" in text[e:q_start] else 0)
            if distance < best_distance:
                best, best_distance = d, distance
            break
    for j in range(bisect.bisect_left(starts, q_end), len(items)):  # after it
        s, e, d = items[j]
        if fits(d):
            distance = s - q_end + (len(text) if "\n" in text[q_end:s] else 0)
            if distance < best_distance:
                best, best_distance = d, distance
            break
    if best is not None:
        return best
    _, previous = speaking.get(c.paragraph - 1, ([], []))
    for _s, _e, d in reversed(previous):
        if fits(d):
            return d
    return None


def _sentence_break(text: str, start: int, end: int) -> bool:
    return any(ch in ".!?\n" for ch in text[start:end])


#: How far back, in characters, a pronoun's antecedent may be, whatever the paragraphs (an
#: article with no paragraph breaks must not make every pronoun read every mention before it).
_PRONOUN_REACH: Final = 3000


def _resolve_pronoun(
    text: str,
    c: Candidate,
    drafts: list[SourceDraft],
    lex: Lexicon,
    window: int,
    sentence_starts: Sequence[int] = (),
    window_chars: int = 90,
) -> SourceDraft | None:
    """The last compatible source for the pronoun ``c`` in its paragraph or the previous one."""
    pronoun = c.key[0]
    gender, kinds = lex.pronouns.get(pronoun, (None, frozenset()))
    if pronoun == "which":
        # only right after the mention: "the report, which said"
        for d in drafts:
            if d.kind in kinds and any(0 <= c.start - e <= 3 for _, e in d.mentions[-3:]):
                return d
        return None
    if pronoun == "who":
        # the closest mention before "who" in the same sentence: "Park, a specialist at Y, who"
        best_who: SourceDraft | None = None
        best_end = -1
        for d in drafts:
            for span in reversed(d.mentions):
                if span in d.hidden:
                    continue
                e = span[1]
                if e <= c.start:
                    if e > best_end:
                        best_who, best_end = d, e
                    break
        if (
            best_who is None
            or c.start - best_end > window_chars
            or _sentence_break(text, best_end, c.start)
        ):
            return None
        return best_who if best_who.kind in kinds else None
    # Among compatible sources mentioned in the window: one that is a subject or a speaker
    # beats one that is only an object ("Zimmerman shot Martin. He ..." is Zimmerman); then the
    # most recent sentence wins, and within a sentence the first subject, which is usually the
    # main clause's ("Scott joked that Trump ranks fourth. '...,' he said" is Scott).
    best: SourceDraft | None = None
    best_at: tuple[int, int, int, int] = (-1, -1, 0, 0)
    for d in drafts:
        if d.kind not in kinds:
            continue
        if gender is not None and d.gender is not None and d.gender != gender:
            continue
        if pronoun in ("they", "their") and d.kind in ("person", "anonymous"):
            continue
        for k in range(len(d.mentions) - 1, -1, -1):
            s, p = d.mentions[k][0], d.paragraphs[k]
            if s >= c.start:
                continue
            if p < c.paragraph - window or c.start - s > _PRONOUN_REACH:
                break
            if d.quoted[k] and not c.quoted:
                continue  # "'... make Kaine defend ...,' he wrote": not the people quoted about
            if d.mentions[k] in d.hidden:
                continue
            salient = 1 if d.salient[k] else 0
            sentence = bisect.bisect_right(sentence_starts, s) if sentence_starts else s
            # within a sentence a subject or a speaker beats the owner of a subject ("Trump's
            # grasp of policy is worrying, Cuban said. '...,' he said" is Cuban), then the
            # first one
            key = (salient, sentence, 0 if d.salient[k] == 1 else 1, -s if salient else s)
            if key > best_at:
                best, best_at = d, key
    if best is not None and pronoun in ("he", "she", "his", "her") and best.gender is None:
        best.gender = gender
    return best


def to_sources(text: str, drafts: list[SourceDraft]) -> Iterator[Source]:
    """The final :class:`Source` objects, numbered ``s1``, ``s2``... by first mention."""
    ordered = sorted(drafts, key=lambda d: min(set(d.mentions) - d.hidden))
    for number, d in enumerate(ordered, 1):
        spans = sorted(set(d.mentions) - d.hidden)
        mentions = tuple(Mention(text[s:e], s, e) for s, e in spans)
        yield Source(f"s{number}", d.country or d.name, d.kind, d.description, mentions)
