"""Readers for articles (.txt, .json, .jsonl, stdin) and writers for analyses (JSON, JSONL).

Readers never stop at a bad record: :func:`read_articles` yields an :class:`Article` for each good
one and a :class:`ReadProblem` (with the file and line) for each bad one, so a caller can report
it and go on. Bytes that are not UTF-8 are decoded with replacement characters and a
:class:`DecodeWarning`, never a crash.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import attrs

from reportedly.errors import InputError, ReportedlyError
from reportedly.model import Analysis, Article, parse_published

__all__ = [
    "DecodeWarning",
    "ReadProblem",
    "decode",
    "read_articles",
    "write_json",
    "write_jsonl",
]


class DecodeWarning(UserWarning):
    """Input was not valid UTF-8 and was decoded with replacement characters."""


@attrs.frozen
class ReadProblem:
    """A record that could not be read: ``where`` it is (``file:line``) and ``message``."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def decode(data: bytes, where: str) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped); invalid bytes become U+FFFD with a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        warnings.warn(
            f"{where}: not valid UTF-8 (first bad byte at {error.start}); "
            "decoded with replacement characters",
            DecodeWarning,
            stacklevel=2,
        )
        return data.decode("utf-8-sig", errors="replace")


def _record_article(
    record: object, where: str, published: object, text_key: str
) -> Article | ReadProblem:
    if not isinstance(record, Mapping):
        return ReadProblem(where, f"a record must be a JSON object, not {type(record).__name__}")
    if published is not None and record.get("published") is None:
        record = {**record, "published": published}
    try:
        return Article.from_dict(record, text_key=text_key)
    except ReportedlyError as error:
        return ReadProblem(where, str(error))


def _from_text(
    text: str, name: str, stem: str, suffix: str, published: object, text_key: str
) -> Iterator[Article | ReadProblem]:
    if suffix == ".jsonl" or (suffix == "" and text.lstrip().startswith("{") and "\n{" in text):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield ReadProblem(where, f"malformed JSON: {error.msg} (column {error.colno})")
                continue
            yield _record_article(record, where, published, text_key)
    elif suffix == ".json" or (suffix == "" and text.lstrip()[:1] in ("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            yield ReadProblem(f"{name}:{error.lineno}", f"malformed JSON: {error.msg}")
            return
        records = data if isinstance(data, list) else [data]
        for index, record in enumerate(records):
            where = f"{name}[{index}]" if isinstance(data, list) else name
            yield _record_article(record, where, published, text_key)
    else:
        yield Article(text, id=stem, published=parse_published(published))


def read_articles(
    paths: Iterable[str | Path],
    *,
    published: object = None,
    text_key: str = "text",
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | ReadProblem]:
    """Yield the articles in ``paths``, in order, with a :class:`ReadProblem` for each bad record.

    - ``.txt`` (and any other suffix): the whole file is one article, its id the file stem;
    - ``.json``: one record (object) or a list of records;
    - ``.jsonl``: one record per line (blank lines skipped);
    - ``-``: standard input, read as JSONL/JSON when it starts with ``{`` or ``[``, else as text.

    A record has ``text_key`` (default ``"text"``) and optionally ``id``, ``title``,
    ``published``, ``url``, ``outlet``, ``language``. ``published`` is used for articles that
    do not give their own. A missing or unreadable file raises :class:`~reportedly.InputError`.
    """
    for path in paths:
        if str(path) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            text = decode(stream.read(), "<stdin>")
            yield from _from_text(text, "<stdin>", "stdin", "", published, text_key)
            continue
        file = Path(path)
        try:
            raw = file.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{file}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{file}: is a directory, not a file") from None
        except OSError as error:
            raise InputError(f"{file}: cannot be read ({error.strerror})") from None
        text = decode(raw, str(file))
        yield from _from_text(text, str(file), file.stem, file.suffix.lower(), published, text_key)


def write_jsonl(analyses: Iterable[Analysis], stream: IO[str], *, include_text: bool = True) -> int:
    """Write one compact JSON object per line; return how many were written."""
    count = 0
    for analysis in analyses:
        stream.write(json.dumps(analysis.to_dict(include_text=include_text), ensure_ascii=False))
        stream.write("\n")
        count += 1
    return count


def write_json(analyses: Iterable[Analysis], stream: IO[str], *, include_text: bool = True) -> int:
    """Write indented JSON: one object for one analysis, a list for several; return the count."""
    items: list[dict[str, Any]] = [a.to_dict(include_text=include_text) for a in analyses]
    payload: Any = items[0] if len(items) == 1 else items
    json.dump(payload, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(items)
