"""Properties of the whole pipeline on arbitrary and news-like text.

Every span obeys ``text[start:end] == text``, every id an item refers to exists in the same
Analysis, no step raises, and the JSON round trip is exact.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportedly import Analysis, Article, Pipeline

from .strategies import any_text, news_like_text


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(plugins=False)


def check(analysis: Analysis) -> None:
    text = analysis.text
    assert analysis.errors == ()
    for mention in analysis.mentions():
        assert 0 <= mention.start <= mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    source_ids = {s.id for s in analysis.sources}
    date_ids = {t.id for t in analysis.dates}
    weapon_ids = {w.id for w in analysis.weapons}
    for items in (
        analysis.sources,
        analysis.dates,
        analysis.weapons,
        analysis.quotes,
        analysis.events,
    ):
        ids = [item.id for item in items]
        assert len(set(ids)) == len(ids), ids
    for quote in analysis.quotes:
        assert quote.source is None or quote.source in source_ids
        assert quote.relayed_by is None or quote.relayed_by in source_ids
    for event in analysis.events:
        assert event.actor is None or event.actor in source_ids
        assert event.attributed_to is None or event.attributed_to in source_ids
        assert event.date is None or event.date in date_ids
        assert set(event.weapons) <= weapon_ids
    for items, prefix in (
        (analysis.sources, "s"),
        (analysis.dates, "t"),
        (analysis.weapons, "w"),
        (analysis.quotes, "q"),
        (analysis.events, "e"),
    ):
        assert all(item.id.startswith(prefix) for item in items)
    data = json.loads(json.dumps(analysis.to_dict()))
    assert Analysis.from_dict(data).to_dict() == data


@given(text=any_text)
def test_whole_pipeline_on_arbitrary_text(nlp: Pipeline, text: str) -> None:
    check(nlp(Article(text)))


@given(
    text=news_like_text,
    published=st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))),
)
def test_whole_pipeline_on_news_like_text(
    nlp: Pipeline, text: str, published: dt.date | None
) -> None:
    check(nlp(Article(text, published=published)))


def test_seed_article_is_clean(nlp: Pipeline, seed_article: Article) -> None:
    analysis = nlp(seed_article)
    check(analysis)
    read_also = seed_article.text.index("Read Also:")
    line_end = seed_article.text.index("\n", read_also)
    for mention in analysis.mentions():
        assert not (read_also <= mention.start < line_end), mention


def test_example_article_is_clean(nlp: Pipeline, example_article: Article) -> None:
    check(nlp(example_article))
