"""The core types: Article validation, the JSON contract and its round trip, extensions."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportedly
from reportedly import (
    Analysis,
    Article,
    Event,
    ExtractionError,
    InputError,
    Mention,
    Quote,
    ReportedlyError,
    Source,
    TimeExpression,
    WeaponMention,
)

from .strategies import any_text


def test_article_keeps_text_exactly() -> None:
    text = "  Line one\r\nLine two\x00 \u201cquoted\u201d  "
    assert Article(text).text == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 12, 23), dt.date(2025, 12, 23)),
        ("2025-12-23", dt.date(2025, 12, 23)),
        (
            "2025-12-23T09:30:00+09:00",
            dt.datetime(2025, 12, 23, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=9))),
        ),
        ("2025-12-23T00:30:00Z", dt.datetime(2025, 12, 23, 0, 30, tzinfo=dt.UTC)),
        (None, None),
    ],
)
def test_published_accepts_dates_aware_datetimes_and_iso(value: object, expected: object) -> None:
    assert Article("x", published=value).published == expected


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2025-13-01",
        "2025-12-23T09:30:00",
        dt.datetime(2025, 12, 23, 9),
        20251223,
        3.5,
        ["2025"],
    ],
)
def test_published_rejects_everything_else_naming_the_field(value: object) -> None:
    with pytest.raises(ReportedlyError, match="published"):
        Article("x", published=value)


@pytest.mark.parametrize("text", [None, b"bytes", 42, ["a"]])
def test_text_must_be_str(text: object) -> None:
    with pytest.raises(InputError, match="text must be a str"):
        Article(text)  # type: ignore[arg-type]


def test_lone_surrogates_are_rejected_cleanly() -> None:
    with pytest.raises(InputError, match="lone surrogate at offset 3"):
        Article("abc\ud800def")


def test_record_errors_name_the_article() -> None:
    with pytest.raises(InputError, match="article 'a7'.*published"):
        Article.from_dict({"id": "a7", "text": "x", "published": "soon"})
    with pytest.raises(InputError, match="article 'a8'.*no 'text'"):
        Article.from_dict({"id": "a8", "body": "x"})


def test_types_are_frozen_and_slotted() -> None:
    mention = Mention("Kim", 0, 3)
    with pytest.raises(AttributeError):
        mention.start = 1  # type: ignore[misc]
    for cls in (
        Article,
        Mention,
        Quote,
        TimeExpression,
        Source,
        WeaponMention,
        Event,
        ExtractionError,
        Analysis,
    ):
        assert "__slots__" in cls.__dict__, cls


TEXT = "Kim Jong Un said on Tuesday that \u201ctwo KN-25 launchers\u201d were tested. Read Also: x"


def _full_analysis() -> Analysis:
    article = Article(TEXT, id="k1", title="T", published="2025-12-23", url="http://x", outlet="O")
    return Analysis(
        article,
        quotes=[
            Quote(
                "q1",
                "mixed",
                "two KN-25 launchers",
                34,
                53,
                Mention("said", 12, 16),
                Mention("Kim Jong Un", 0, 11),
                "s1",
                None,
            )
        ],
        dates=[TimeExpression("t1", "Tuesday", 20, 27, "DATE", "2025-12-23", "published")],
        sources=[
            Source(
                "s1",
                "Kim Jong Un",
                "person",
                "North Korean leader",
                [Mention("Kim Jong Un", 0, 11)],
            )
        ],
        weapons=[
            WeaponMention(
                "w1",
                "KN-25 launchers",
                38,
                53,
                "multiple rocket launcher",
                "weapon",
                ("weapon", "artillery", "rocket artillery"),
                "KN-25",
                {"quantity": 2},
            )
        ],
        events=[
            Event(
                "e1",
                "weapons_test",
                Mention("tested", 60, 66),
                "s1",
                ("w1",),
                "t1",
                None,
                "s1",
                "occurred",
            )
        ],
        errors=[ExtractionError("x", "ValueError", "boom")],
    ).with_extension("caps", [Mention("KN", 38, 40), {"label": "other"}])


def test_to_dict_is_the_contract() -> None:
    data = _full_analysis().to_dict()
    assert list(data) == [
        "schema",
        "article",
        "quotes",
        "dates",
        "sources",
        "weapons",
        "events",
        "extensions",
        "errors",
    ]
    assert data["schema"] == "reportedly/1"
    assert data["article"] == {
        "id": "k1",
        "title": "T",
        "published": "2025-12-23",
        "url": "http://x",
        "outlet": "O",
        "language": "en",
        "text": TEXT,
    }
    assert data["weapons"][0]["class"] == "weapon"
    assert data["weapons"][0]["category"] == ["weapon", "artillery", "rocket artillery"]
    assert data["quotes"][0]["speaker"] == {"text": "Kim Jong Un", "start": 0, "end": 11}
    assert data["events"][0]["trigger"] == {"text": "tested", "start": 60, "end": 66}
    assert data["extensions"] == {
        "caps": [{"text": "KN", "start": 38, "end": 40}, {"label": "other"}]
    }
    assert data["errors"] == [{"extractor": "x", "type": "ValueError", "message": "boom"}]
    for mention in _full_analysis().mentions():
        assert TEXT[mention.start : mention.end] == mention.text
    json.dumps(data)


def test_round_trip_is_lossless() -> None:
    analysis = _full_analysis()
    data = json.loads(json.dumps(analysis.to_dict()))
    again = Analysis.from_dict(data)
    assert again == analysis
    assert again.to_dict() == data


def test_no_text_output_cannot_be_read_back() -> None:
    data = _full_analysis().to_dict(include_text=False)
    assert "text" not in data["article"]
    with pytest.raises(InputError, match="without the article text"):
        Analysis.from_dict(data)


def test_from_dict_rejects_other_schemas() -> None:
    with pytest.raises(InputError, match="reportedly/1"):
        Analysis.from_dict({"schema": "other/2", "article": {"text": ""}})


def test_with_extension_checks_offsets() -> None:
    analysis = Analysis(Article("Hello WORLD"))
    assert analysis.with_extension("caps", [Mention("WORLD", 6, 11)]).extensions["caps"] == (
        Mention("WORLD", 6, 11),
    )
    with pytest.raises(InputError, match="not article.text"):
        analysis.with_extension("caps", [Mention("WORLD", 5, 10)])
    with pytest.raises(InputError, match="outside the article"):
        analysis.with_extension("caps", [{"text": "x", "start": 10, "end": 40}])
    assert analysis.extensions == {}  # the original is untouched


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(any_text)
    published = draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))

    def span() -> Mention:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        return Mention(text[start:end], start, end)

    def maybe(value: st.SearchStrategy[object]) -> object:
        return draw(st.one_of(st.none(), value))

    words = st.text(max_size=12)
    quotes = []
    for i in range(draw(st.integers(0, 3))):
        m = span()
        quotes.append(
            Quote(
                f"q{i + 1}",
                draw(st.sampled_from(["direct", "mixed", "indirect"])),
                m.text,
                m.start,
                m.end,
                span() if draw(st.booleans()) else None,
                span() if draw(st.booleans()) else None,
                maybe(words),
                maybe(words),
            )
        )  # type: ignore[arg-type]
    dates = []
    for i in range(draw(st.integers(0, 3))):
        m = span()
        dates.append(
            TimeExpression(f"t{i + 1}", m.text, m.start, m.end, "DATE", draw(words), maybe(words))
        )  # type: ignore[arg-type]
    sources = [
        Source(
            f"s{i + 1}",
            draw(words),
            "person",
            maybe(words),
            [span() for _ in range(draw(st.integers(0, 3)))],
        )  # type: ignore[arg-type]
        for i in range(draw(st.integers(0, 2)))
    ]
    weapons = []
    for i in range(draw(st.integers(0, 2))):
        m = span()
        weapons.append(
            WeaponMention(
                f"w{i + 1}",
                m.text,
                m.start,
                m.end,
                draw(words),
                "weapon",
                tuple(draw(st.lists(words, max_size=3))),
                maybe(words),
                draw(
                    st.dictionaries(
                        words, st.one_of(st.booleans(), st.integers(), words), max_size=3
                    )
                ),
            )
        )  # type: ignore[arg-type]
    events = [
        Event(
            f"e{i + 1}",
            "weapons_test",
            span(),
            maybe(words),
            tuple(draw(st.lists(words, max_size=2))),
            maybe(words),  # type: ignore[arg-type]
            span() if draw(st.booleans()) else None,
            maybe(words),
            "occurred",
        )  # type: ignore[arg-type]
        for i in range(draw(st.integers(0, 2)))
    ]
    analysis = Analysis(
        Article(text, published=published),
        quotes=quotes,
        dates=dates,
        sources=sources,
        weapons=weapons,
        events=events,
    )
    if draw(st.booleans()):
        analysis = analysis.with_extension("ext", [span() for _ in range(draw(st.integers(0, 3)))])
    return analysis


@given(analyses())
def test_json_round_trip_property(analysis: Analysis) -> None:
    data = json.loads(json.dumps(analysis.to_dict()))
    again = Analysis.from_dict(data)
    assert again == analysis
    assert again.to_dict() == data
    for mention in again.mentions():
        assert again.text[mention.start : mention.end] == mention.text


def test_version_is_exposed() -> None:
    assert reportedly.__version__.count(".") == 2
