"""Segmentation shared by every step: paragraphs, sentences, quotation marks, boilerplate lines.

:func:`segment` runs once per article (the :class:`~reportedly.Analysis` computes it on first
construction) and never changes the text: every span is a pair of code-point offsets into it.

- **Paragraphs** are separated by blank lines; in a text without blank-line separated blocks of
  several lines (one paragraph a line, as most wire copy arrives), each line is a paragraph, except
  that a line break inside a sentence (previous line without final punctuation, next line starting
  in lower case) is taken as a wrap.
- **Sentences** never cross a paragraph. A full stop after an abbreviation from
  ``vocab/abbreviations.txt`` ("Dr.", "Gen.", "Jan.") or an initial ("U.S.", "J.") does not end a
  sentence; closing quotation marks and brackets after ``.``, ``!`` or ``?`` stay with the sentence.
- **Quotations** pair straight and curly double quotation marks and guillemets within a paragraph;
  a paragraph break closes an open quotation (``closed`` is then false, as in a quote paragraph
  that continues in the next one). Marks that cannot be paired are listed in ``unpaired_marks``.
  A mark typed the wrong way round is read by its place (a closing mark opening a paragraph
  opens). In a text with no double mark at all, single marks are paired instead (British style).
- **Datelines** of wire copy ("SEOUL, March 12 (Reuters) -") at the start of one of the first two
  paragraphs become a paragraph of their own, flagged ``dateline`` and ``boilerplate``
  (patterns in ``vocab/datelines.txt``).
- **Boilerplate** lines that are not part of the story ("Read Also: ...", "Advertisement") match
  one of the patterns in ``vocab/boilerplate.txt``; extractors skip them.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import attrs
import regex

__all__ = ["Paragraph", "Quotation", "Segmentation", "Sentence", "segment"]


@attrs.frozen
class Paragraph:
    """A paragraph ``text[start:end]`` (no surrounding line breaks or blanks).

    ``boilerplate`` paragraphs are not part of the story and every step skips them; a wire
    dateline ("SEOUL, March 12 (Reuters) -") is one of them, with ``dateline`` set too.
    """

    start: int
    end: int
    boilerplate: bool = False
    dateline: bool = False


@attrs.frozen
class Sentence:
    """A sentence ``text[start:end]`` of paragraph number ``paragraph``."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool = False


@attrs.frozen
class Quotation:
    """A run of quoted text: marks included ``text[start:end]``, content
    ``text[content_start:content_end]``.

    When ``closed`` is false the quotation was still open at the end of its paragraph: ``end``
    and ``content_end`` are then the paragraph end.
    """

    start: int
    end: int
    closed: bool
    paragraph: int
    content_start: int
    content_end: int


@attrs.frozen
class Segmentation:
    """Paragraphs, sentences, quotations and unpaired quotation marks of one text."""

    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    quotations: tuple[Quotation, ...]
    unpaired_marks: tuple[int, ...]
    _sentence_starts: tuple[int, ...] = attrs.field(repr=False, eq=False)

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence that contains ``offset``, or ``None`` (between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    def story_sentences(self) -> Iterator[Sentence]:
        """The sentences that are not in boilerplate lines."""
        return (s for s in self.sentences if not s.boilerplate)

    def in_boilerplate(self, offset: int) -> bool:
        """Whether ``offset`` lies in a boilerplate paragraph."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.boilerplate
        return False


# --------------------------------------------------------------------------- data


def _vocab_lines(name: str) -> list[str]:
    raw = resources.files("reportedly.vocab").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(line.lower() for line in _vocab_lines("abbreviations.txt"))


@lru_cache(maxsize=1)
def _dateline_pattern() -> regex.Pattern[str]:
    alternatives = "|".join(f"(?:{line})" for line in _vocab_lines("datelines.txt"))
    return regex.compile(rf"(?:{alternatives})", regex.VERBOSE | regex.V1)


@lru_cache(maxsize=1)
def _boilerplate_pattern() -> regex.Pattern[str]:
    alternatives = "|".join(f"(?:{line})" for line in _vocab_lines("boilerplate.txt"))
    return regex.compile(rf"\s*(?:{alternatives})", regex.IGNORECASE | regex.V1)


# Opening and closing double quotation marks; `` and '' are the ASCII marks of older newswire.
CLOSING = frozenset({"\u201d", "\u00bb", "''"})
STRAIGHT = '"'
_QUOTE_MARKS = regex.compile("``|''|[\"\u201c\u201d\u00ab\u00bb\u201e]")
_CLOSING_MARKS = regex.compile("''|[\"\u201d\u00bb]")
_LINE = regex.compile(
    r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]*(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85])?"
)
_SENTENCE_END = regex.compile(
    r"""[.!?]+ ['"\u2019\u201d\u00bb)\]]* (?=\s+ ['"`\u2018\u201c\u00ab(\[]* [\p{Lu}\p{N}])""",
    regex.VERBOSE,
)
_CLOSERS = "'\"\u2019\u201d\u00bb)]"
_DOTTED_INITIALS = regex.compile(r"(?:\p{L}\.)+\p{L}")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$")
_TERMINAL = regex.compile(r"""[.!?:;'"\u2019\u201d\u00bb)\]]\s*$""")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, line terminators excluded."""
    spans = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        spans.append((m.start(), m.start() + len(content)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    lines = [_trim(text, s, e) for s, e in _lines(text)]
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        if s == e:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s, e))
    blocks = [b for b in blocks if b]
    # Hard-wrapped text (blank lines between paragraphs, line breaks inside them) is told from
    # one-paragraph-a-line copy by its line breaks: most of them fall mid-sentence.
    inner = [(a, b) for block in blocks for a, b in itertools.pairwise(block)]
    mid_sentence = sum(1 for (s, e), _ in inner if not _TERMINAL.search(text, s, e))
    wrapped = len(blocks) > 1 and bool(inner) and 2 * mid_sentence >= len(inner)
    if wrapped:
        return [(b[0][0], b[-1][1]) for b in blocks]
    spans: list[tuple[int, int]] = []
    for block in blocks:
        for s, e in block:
            if (
                spans
                and text[s].islower()
                and not _TERMINAL.search(text, spans[-1][0], spans[-1][1])
            ):
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return spans


def _is_abbreviation(text: str, para_start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(para_start, dot - 20), dot + 1)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if _DOTTED_INITIALS.fullmatch(word):
        return True  # "U.S.", "a.m." (ambiguous at a sentence end; usually inside one in news)
    return word.lower() in _abbreviations()


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        # a lone full stop (not "?!" or "...") may close an abbreviation instead of a sentence
        if m.group().rstrip(_CLOSERS) == "." and _is_abbreviation(text, start, m.start()):
            continue
        s, e = _trim(text, begin, m.end())
        if s < e:
            spans.append((s, e))
        begin = m.end()
    s, e = _trim(text, begin, end)
    if s < e:
        spans.append((s, e))
    return spans


def _opens_despite_shape(text: str, start: int, end: int, p_start: int, p_end: int) -> bool:
    """Whether a closing mark typed where an opening one belongs opens a quotation: at the start
    of its paragraph, where it can close nothing (”… what I learned,” he said), or
    after a blank and glued to the word after it (said ”We stay.”). A closing "''" never
    does: it also ends an opening "``"."""
    if text[start:end] == "''" or end >= len(text):
        return False
    if start == p_start:
        # only when a mark later in the paragraph can close it ('” Smith said ...' with no
        # other mark is a stray one)
        return _CLOSING_MARKS.search(text, end, p_end) is not None
    return text[start - 1].isspace() and not text[end].isspace()


def _closes_despite_shape(text: str, start: int, end: int, p_end: int) -> bool:
    """Whether an opening mark, while a quotation is open, is typed where a closing one belongs:
    last in its paragraph ('They see that. “'), or glued to the word or stop before it and
    not followed by a letter or digit ('for her here,“ said Clyburn')."""
    if text[end:p_end].strip() == "":
        return True
    glued = start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"“”«»'`"
    return glued and not text[end].isalnum()


def _pair_quotes(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list[Quotation], list[int]]:
    quotations: list[Quotation] = []
    unpaired: list[int] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_length = 0
        for m in _QUOTE_MARKS.finditer(text, p_start, p_end):
            mark, at = m.group(), m.start()
            if open_at is None:
                if mark in CLOSING and not _opens_despite_shape(text, at, m.end(), p_start, p_end):
                    unpaired.append(at)
                else:
                    open_at, open_length = at, len(mark)
            elif (
                mark == STRAIGHT
                or mark in CLOSING
                or _closes_despite_shape(text, at, m.end(), p_end)
            ):
                # any closing or straight mark closes what is open: writers mix styles
                quotations.append(
                    Quotation(open_at, m.end(), True, index, open_at + open_length, at)
                )
                open_at = None
            else:
                # a second opening mark while one is open: the first was never closed
                unpaired.append(open_at)
                open_at, open_length = at, len(mark)
        if open_at is not None:
            quotations.append(Quotation(open_at, p_end, False, index, open_at + open_length, p_end))
    return quotations, unpaired


_SINGLE_MARKS = "\u2018\u2019'"
# words written with a leading apostrophe that is no quotation mark ("\u2019em", "'til")
_ELISIONS = frozenset({"em", "til", "cause", "n", "tis", "twas", "bout", "round", "nuff", "kay"})
_WORD_AT = regex.compile(r"[\p{L}\p{N}]+")


def _pair_single_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """Quotations in single marks, for an article with no double mark at all (British style:
    \u2018We are ready,\u2019 he said); see :func:`_single_quotations_in`."""
    quotations: list[Quotation] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        quotations.extend(_single_quotations_in(text, index, p_start, p_end))
    return quotations


_NEXT_VISIBLE = regex.compile(r"\s*(\S)")


def _single_quotations_in(text: str, index: int, p_start: int, p_end: int) -> list[Quotation]:
    """The quotations in single marks of paragraph ``index`` (``text[p_start:p_end]``).

    Only marks that can be quotation marks count: an opening one at the start of a word, before a
    letter (not "the \u201890s", "\u2019em"); a closing one glued to the word before it and not
    followed by a letter or digit ("don\u2019t" is inside a word). An opening mark closes at the
    first closing candidate after a stop or before anything but a lower-case word ("\u2018We won,\u2019
    he said"), else at its first candidate ("a \u2018historic\u2019 deal"), looking no further than
    the next opening mark: "the officials\u2019 families" is a possessive only when a better mark
    follows. A mark left open runs to the end of its paragraph, as a double one does. One pass.
    """
    marks = [i for i in range(p_start, p_end) if text[i] in _SINGLE_MARKS]
    if not marks:
        return []

    def opens(i: int) -> bool:
        if text[i] == "\u2019" or i + 1 >= p_end or not text[i + 1].isalpha():
            return False
        if i > p_start and not (text[i - 1].isspace() or text[i - 1] in "([\u2014\u2013-"):
            return False
        word = _WORD_AT.match(text, i + 1)
        return word is None or word.group().lower() not in _ELISIONS

    def closes(i: int) -> bool:
        return (
            text[i] != "\u2018"
            and i > p_start
            and not text[i - 1].isspace()
            and (i + 1 >= p_end or not text[i + 1].isalnum())
        )

    def preferred(i: int) -> bool:
        if text[i - 1] in ",.?!\u2026" or i + 1 >= p_end:
            return True
        after = _NEXT_VISIBLE.match(text, i + 1, p_end)
        return after is None or not (after.group(1).isalpha() and after.group(1).islower())

    quotations: list[Quotation] = []
    k, n = 0, len(marks)
    while k < n:
        i = marks[k]
        k += 1
        if not opens(i):
            continue
        fallback = close = None
        m = k
        while m < n:
            j = marks[m]
            if closes(j):
                if preferred(j):
                    close = j
                    break
                if fallback is None:
                    fallback = j
            elif opens(j):
                break  # a new quotation opens: this one closed at its candidate, if any
            m += 1
        close = close if close is not None else fallback
        if close is None:
            if m >= n:  # open to the paragraph's end
                quotations.append(Quotation(i, p_end, False, index, i + 1, p_end))
            continue
        quotations.append(Quotation(i, close + 1, True, index, i + 1, close))
        while k < n and marks[k] <= close:
            k += 1
    return quotations


def _split_dateline(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """Split a wire dateline off the start of one of the first two paragraphs.

    Returns the new spans and the index of the dateline paragraph (-1 when there is none).
    """
    pattern = _dateline_pattern()
    for index, (start, end) in enumerate(spans[:2]):
        m = pattern.match(text, start, end)
        if m is None:
            continue
        rest, rest_end = _trim(text, m.end(), end)
        head = (start, m.end())
        if rest < rest_end:
            return [*spans[:index], head, (rest, rest_end), *spans[index + 1 :]], index
        return [*spans[:index], head, *spans[index + 1 :]], index
    return spans, -1


def segment(text: str) -> Segmentation:
    """Split ``text`` into paragraphs, sentences and quotations (see the module docs)."""
    para_spans, dateline_index = _split_dateline(text, _paragraph_spans(text))
    boiler = _boilerplate_pattern()
    paragraphs = []
    sentences = []
    for index, (p_start, p_end) in enumerate(para_spans):
        is_dateline = index == dateline_index
        is_boiler = is_dateline or boiler.match(text, p_start, p_end) is not None
        paragraphs.append(Paragraph(p_start, p_end, is_boiler, is_dateline))
        for s, e in _sentence_spans(text, p_start, p_end):
            sentences.append(Sentence(s, e, index, is_boiler))
    quotations, unpaired = _pair_quotes(text, para_spans)
    if not quotations and not unpaired and ("\u2018" in text or "'" in text or "\u2019" in text):
        # no double mark anywhere: the article may quote in British style, with single marks
        # (American copy keeps single marks for headlines and quotes inside quotes)
        quotations = _pair_single_quotes(text, para_spans)
    return Segmentation(
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        quotations=tuple(quotations),
        unpaired_marks=tuple(unpaired),
        sentence_starts=tuple(s.start for s in sentences),
    )
