"""Articles to benchmark on: the TBAQ newswire texts when ``../shared`` is here, else the
articles in ``examples/`` repeated. Both as :class:`reportedly.Article` with their dates."""

from __future__ import annotations

from pathlib import Path

import reportedly

ROOT = Path(__file__).resolve().parent.parent


def news_articles(data: Path | None, limit: int | None = None) -> list[reportedly.Article]:
    articles: list[reportedly.Article] = []
    if data is not None and (data / "tempeval3").is_dir():
        from evaluation import timeml

        for doc in timeml.load(data):
            published = doc.dct[:10] if len(doc.dct) >= 10 else None
            articles.append(reportedly.Article(doc.text, id=doc.name, published=published))
    if not articles:
        for path in sorted((ROOT / "examples").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            articles.extend(reportedly.Article(text, id=f"{path.stem}-{i}") for i in range(50))
    return articles[:limit] if limit else articles
