"""Segmentation: paragraphs, sentences, quotation pairing and boilerplate lines."""

from __future__ import annotations

import pytest
from hypothesis import given

from reportedly.text import segment

from .strategies import any_text


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text).sentences]


def test_news_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Dr. Lee met U.S. officials on Jan. 5 in Washington. Gen. Mark A. Milley said it went well. "
        "The talks resume Monday."
    )
    assert sentences(text) == [
        "Dr. Lee met U.S. officials on Jan. 5 in Washington.",
        "Gen. Mark A. Milley said it went well.",
        "The talks resume Monday.",
    ]


def test_quote_ending_in_full_stop_stays_with_its_sentence() -> None:
    text = 'He said: "We are ready." Then he left! Was it over? "Yes," she said.'
    assert sentences(text) == [
        'He said: "We are ready."',
        "Then he left!",
        "Was it over?",
        '"Yes," she said.',
    ]


def test_paragraphs_are_lines_in_wire_copy_and_blocks_in_wrapped_text() -> None:
    wire = "First paragraph here.\nSecond one.\r\n\r\nThird.\n\n\n"
    assert [wire[p.start : p.end] for p in segment(wire).paragraphs] == [
        "First paragraph here.",
        "Second one.",
        "Third.",
    ]
    wrapped = "A long sentence that is\nwrapped over lines.\n\nNext block\nalso wrapped.\n"
    assert [wrapped[p.start : p.end] for p in segment(wrapped).paragraphs] == [
        "A long sentence that is\nwrapped over lines.",
        "Next block\nalso wrapped.",
    ]


def test_a_line_break_inside_a_sentence_is_a_wrap() -> None:
    text = "The minister said the army\nwould withdraw.\nA new paragraph."
    assert [text[p.start : p.end] for p in segment(text).paragraphs] == [
        "The minister said the army\nwould withdraw.",
        "A new paragraph.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Read Also: Leader Welcomes Troops",
        "READ MORE: the story",
        "Related: other news",
        "Advertisement",
        "Click here to subscribe",
        "Follow us on X for updates",
        "Also read - more",
    ],
)
def test_boilerplate_lines_are_flagged(line: str) -> None:
    text = f"The story begins.\n{line}\nThe story goes on."
    seg = segment(text)
    assert [p.boilerplate for p in seg.paragraphs] == [False, True, False]
    assert [s.boilerplate for s in seg.sentences] == [False, True, False]
    assert len(list(seg.story_sentences())) == 2
    assert seg.in_boilerplate(text.index(line))


def test_story_lines_that_mention_reading_are_not_boilerplate() -> None:
    text = "Readers also said the advertisement was misleading.\nRelated talks failed."
    assert not any(p.boilerplate for p in segment(text).paragraphs)


def test_quotation_marks_pair_in_every_style() -> None:
    text = 'He said "one" and \u201ctwo\u201d and \u00abthree\u00bb.'
    seg = segment(text)
    assert [text[q.content_start : q.content_end] for q in seg.quotations] == [
        "one",
        "two",
        "three",
    ]
    assert all(q.closed for q in seg.quotations)
    assert seg.unpaired_marks == ()


def test_ascii_newswire_quotes_pair() -> None:
    text = "``We are ready,'' the general said."
    (quotation,) = segment(text).quotations
    assert text[quotation.content_start : quotation.content_end] == "We are ready,"
    assert text[quotation.start : quotation.end] == "``We are ready,''"


def test_paragraph_break_closes_an_open_quotation() -> None:
    text = "\u201cWe will win, he said.\n\u201cAnd we will rebuild,\u201d he added."
    seg = segment(text)
    first, second = seg.quotations
    assert (
        not first.closed
        and text[first.content_start : first.content_end] == "We will win, he said."
    )
    assert (
        second.closed and text[second.content_start : second.content_end] == "And we will rebuild,"
    )


def test_unpaired_marks_are_flagged_not_fatal() -> None:
    text = "Stray \u201d mark and \u201copen \u201cagain\u201d."
    seg = segment(text)
    assert text.index("\u201d") in seg.unpaired_marks
    assert text.index("\u201copen") in seg.unpaired_marks
    assert [text[q.content_start : q.content_end] for q in seg.quotations] == ["again"]


def test_sentence_index_finds_the_sentence() -> None:
    text = "One two. Three four."
    seg = segment(text)
    assert seg.sentence_index(0) == 0
    assert seg.sentence_index(text.index("Three")) == 1
    assert seg.sentence_index(8) is None  # the space between them


@given(any_text)
def test_segmentation_offsets_property(text: str) -> None:
    seg = segment(text)
    previous_end = 0
    for p in seg.paragraphs:
        assert 0 <= previous_end <= p.start < p.end <= len(text)
        chunk = text[p.start : p.end]
        assert chunk == chunk.strip() and chunk
        previous_end = p.end
    previous_end = 0
    for s in seg.sentences:
        paragraph = seg.paragraphs[s.paragraph]
        assert paragraph.start <= s.start < s.end <= paragraph.end
        assert previous_end <= s.start
        assert s.boilerplate == paragraph.boilerplate
        previous_end = s.end
    for q in seg.quotations:
        paragraph = seg.paragraphs[q.paragraph]
        assert paragraph.start <= q.start < q.end <= paragraph.end
        assert q.start <= q.content_start <= q.content_end <= q.end
        # a closing mark opens too when it is typed where an opening one belongs
        assert text[q.start : q.content_start] in (
            '"',
            "\u201c",
            "\u201e",
            "\u00ab",
            "``",
            "\u201d",
            "\u00bb",
            # single marks, in a text with no double mark at all
            "\u2018",
            "'",
        )
    for mark in seg.unpaired_marks:
        assert text[mark] in "\"\u201c\u201d\u201e\u00ab\u00bb`'"
    # every non-space character of the text lies in some paragraph
    covered = set()
    for p in seg.paragraphs:
        covered.update(range(p.start, p.end))
    assert all(
        text[i].isspace() or i in covered
        for i in range(len(text))
        if text[i] not in "\x1c\x1d\x1e\x85"
    )


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "SEOUL, March 12 (Reportedly Wire) - The navy fired a missile.",
            "SEOUL, March 12 (Reportedly Wire) -",
        ),
        ("WASHINGTON (AP) -- Senators met on Monday.", "WASHINGTON (AP) --"),
        ("BUFFALO, N.Y. (AP) --\nA doctor was shot.", "BUFFALO, N.Y. (AP) --"),
        ("NEW YORK — Stocks fell.", "NEW YORK —"),
        ("Kyiv, May 2 (Reuters) - Drones hit a depot.", "Kyiv, May 2 (Reuters) -"),
    ],
)
def test_wire_datelines_become_a_skipped_paragraph(text: str, dateline: str) -> None:
    seg = segment(text)
    first = seg.paragraphs[0]
    assert text[first.start : first.end] == dateline
    assert first.dateline and first.boilerplate
    assert not seg.paragraphs[1].boilerplate and not seg.paragraphs[1].dateline


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance - met.",
        "The US: a view.",
        "Officials (who asked not to be named) - said so.",
        "AK-47 rifles were seized.",
    ],
)
def test_story_openings_are_not_datelines(text: str) -> None:
    assert not any(p.dateline for p in segment(text).paragraphs)


def test_a_dateline_with_no_break_spaces_is_split_off() -> None:
    text = "SEOUL\u00a0(Reuters)\u00a0-\u00a0North Korea fired two missiles on Tuesday."
    seg = segment(text)
    assert [(p.dateline, text[p.start : p.end]) for p in seg.paragraphs] == [
        (True, "SEOUL\u00a0(Reuters)\u00a0-"),
        (False, "North Korea fired two missiles on Tuesday."),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "\u201d \u2026 what I learned is that it matters,\u201d he said.",
            " \u2026 what I learned is that it matters,",
        ),
        ("He said \u201dWe stay.\u201d Then he left.", "We stay."),
    ],
)
def test_a_closing_mark_typed_as_an_opening_one(text: str, content: str) -> None:
    # first in its paragraph, or after a blank and glued to a word: it can only open
    (quotation,) = segment(text).quotations
    assert text[quotation.content_start : quotation.content_end] == content
    assert segment(text).unpaired_marks == ()


def test_a_stray_closing_mark_after_a_word_stays_unpaired() -> None:
    seg = segment("It was fine\u201d and then it ended.")
    assert seg.quotations == () and seg.unpaired_marks == (11,)


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # last in its paragraph, an opening mark can only close
        (
            "\u201cThey see it,\u201d he said. \u201cThey see that. \u201c",
            ["They see it,", "They see that. "],
        ),
        # glued to the stop before it and followed by a blank
        ("He said \u201cfor her here,\u201c said Vale.", ["for her here,"]),
    ],
)
def test_an_opening_mark_typed_as_a_closing_one(text: str, contents: list[str]) -> None:
    seg = segment(text)
    assert [text[q.content_start : q.content_end] for q in seg.quotations] == contents
    assert all(q.closed for q in seg.quotations) and seg.unpaired_marks == ()


def test_single_marks_pair_in_a_text_with_no_double_marks() -> None:
    text = (
        "\u2018We are ready,\u2019 he said. \u2018We don\u2019t want a war.\u2019\n\n"
        "She called it a \u2018historic\u2019 deal. The officials\u2019 families said it was "
        "\u2018a disaster\u2019.\n\n"
        "'We have the allies' backing,' an aide said. He grew up in the \u201890s and gave "
        "\u2019em hell."
    )
    contents = [text[q.content_start : q.content_end] for q in segment(text).quotations]
    assert contents == [
        "We are ready,",
        "We don\u2019t want a war.",
        "historic",
        "a disaster",
        "We have the allies' backing,",
    ]
    # with a double mark anywhere, single marks are nested quotes or a headline's: not paired
    seg = segment("Lee: 'We stay'\n\n\"Yes,\" he said.")
    assert len(seg.quotations) == 1 and seg.quotations[0].content_start == 17
