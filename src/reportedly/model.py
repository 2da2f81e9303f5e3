"""The core types: what goes in (:class:`Article`) and what comes out (:class:`Analysis`).

Every class here is a frozen, slotted ``attrs`` class. Offsets are half-open code-point offsets into
``Article.text`` exactly as given, so for every mention ``m``::

    article.text[m.start:m.end] == m.text

:meth:`Analysis.to_dict` writes the JSON output contract (schema ``"reportedly/1"``) and
:meth:`Analysis.from_dict` reads it back.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal

import attrs

from reportedly.errors import InputError
from reportedly.text import Segmentation, segment

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "Event",
    "ExtractionError",
    "Mention",
    "Quote",
    "Source",
    "TimeExpression",
    "WeaponMention",
]

#: The value of ``"schema"`` in every serialized :class:`Analysis`.
SCHEMA = "reportedly/1"

QuoteKind = Literal["direct", "mixed", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
SourceKind = Literal[
    "person", "organization", "media", "government", "group", "anonymous", "document"
]
WeaponClass = Literal["weapon", "platform"]
EventStatus = Literal["occurred", "ordered", "planned", "expected", "denied", "reported"]

QUOTE_KINDS: frozenset[str] = frozenset({"direct", "mixed", "indirect"})
TIMEX_TYPES: frozenset[str] = frozenset({"DATE", "TIME", "DURATION", "SET"})
SOURCE_KINDS: frozenset[str] = frozenset(
    {"person", "organization", "media", "government", "group", "anonymous", "document"}
)
WEAPON_CLASSES: frozenset[str] = frozenset({"weapon", "platform"})
EVENT_STATUSES: frozenset[str] = frozenset(
    {"occurred", "ordered", "planned", "expected", "denied", "reported"}
)


# --------------------------------------------------------------------------- input


def _check_text(value: object, name: str = "text", article_id: object = None) -> str:
    where = f"article {article_id!r}: " if article_id is not None else ""
    if not isinstance(value, str):
        raise InputError(f"{where}{name} must be a str, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"{where}{name} contains a lone surrogate at offset {error.start}; "
            "decode the input with errors='replace' first"
        ) from None
    return value


def parse_published(value: object, article_id: object = None) -> _dt.date | None:
    """Turn what a user may give as ``published`` into a ``date`` or an aware ``datetime``.

    Accepts ``None``, a ``datetime.date``, a timezone-aware ``datetime.datetime`` or an ISO 8601
    string (``"2025-12-23"``, ``"2025-12-23T09:30:00+09:00"``, ``"2025-12-23T00:30:00Z"``).
    Anything else raises :class:`~reportedly.InputError` naming the field.
    """
    where = f"article {article_id!r}: " if article_id is not None else ""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InputError(
                f"{where}published must be a date or a timezone-aware datetime; "
                f"got naive datetime {value.isoformat()!r} (add tzinfo, or pass .date())"
            )
        return value
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        raw = value.strip()
        try:
            if len(raw) == 10:
                return _dt.date.fromisoformat(raw)
            parsed = _dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise InputError(
                f"{where}published {value!r} is not an ISO 8601 date (YYYY-MM-DD) or datetime"
            ) from None
        if parsed.tzinfo is None:
            raise InputError(
                f"{where}published {value!r} is a datetime without a timezone; "
                "add an offset such as +00:00 or give the date alone"
            )
        return parsed
    raise InputError(
        f"{where}published must be a date, an aware datetime or an ISO string, "
        f"not {type(value).__name__}"
    )


def _published_converter(value: object) -> _dt.date | None:
    return parse_published(value)


def _optional_str(name: str) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be a str or None, not {type(value).__name__}")

    return check


@attrs.frozen
class Article:
    """A news article: the text exactly as given, and what is known about it.

    ``published`` is the anchor for relative dates ("on Tuesday", "next year"). It accepts a
    ``date``, a timezone-aware ``datetime`` or an ISO string, and is stored as a ``date`` or
    ``datetime``::

        >>> Article("Officials said on Tuesday ...", published="2025-12-23").published
        datetime.date(2025, 12, 23)

    ``text`` must be a ``str`` that can be written as UTF-8 (no lone surrogates); it is never
    normalized, so offsets in the output always index into it.
    """

    text: str = attrs.field(validator=lambda _i, _a, v: _check_text(v))
    id: str | None = attrs.field(default=None, validator=_optional_str("id"))
    title: str | None = attrs.field(default=None, validator=_optional_str("title"))
    published: _dt.date | None = attrs.field(default=None, converter=_published_converter)
    url: str | None = attrs.field(default=None, validator=_optional_str("url"))
    outlet: str | None = attrs.field(default=None, validator=_optional_str("outlet"))
    language: str = attrs.field(default="en", validator=_optional_str("language"))

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The ``"article"`` object of the output contract."""
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published is not None else None,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
        }
        if include_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text_key: str = "text") -> Article:
        """Build an Article from a record; unknown keys are ignored, a missing text is an error."""
        if not isinstance(data, Mapping):
            raise InputError(f"an article record must be an object, not {type(data).__name__}")
        article_id = data.get("id")
        if text_key not in data:
            where = f"article {article_id!r}: " if article_id is not None else ""
            raise InputError(f"{where}record has no {text_key!r} field")
        _check_text(data[text_key], text_key, article_id)
        try:
            return cls(
                text=data[text_key],
                id=None if article_id is None else str(article_id),
                title=data.get("title"),
                published=parse_published(data.get("published"), article_id),
                url=data.get("url"),
                outlet=data.get("outlet"),
                language=data.get("language") or "en",
            )
        except InputError as error:
            if article_id is not None and not str(error).startswith("article "):
                raise InputError(f"article {article_id!r}: {error}") from None
            raise


# --------------------------------------------------------------------------- output


def _mention_dict(m: Mention | None) -> dict[str, Any] | None:
    return None if m is None else {"text": m.text, "start": m.start, "end": m.end}


def _mention_from(data: Mapping[str, Any] | None) -> Mention | None:
    return None if data is None else Mention(data["text"], data["start"], data["end"])


# Converters that let callers pass any iterable where a tuple is stored (typed one by one,
# since the attrs mypy plugin cannot check a generic converter).
def _mentions(items: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _quotes(items: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(items)


def _dates(items: Iterable[TimeExpression]) -> tuple[TimeExpression, ...]:
    return tuple(items)


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(items)


def _weapons(items: Iterable[WeaponMention]) -> tuple[WeaponMention, ...]:
    return tuple(items)


def _events(items: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(items)


def _errors(items: Iterable[ExtractionError]) -> tuple[ExtractionError, ...]:
    return tuple(items)


@attrs.frozen
class Mention:
    """A span of the article: ``text`` is ``article.text[start:end]``."""

    text: str
    start: int
    end: int


@attrs.frozen
class TimeExpression:
    """A TimeML TIMEX3 expression: ``type`` DATE, TIME, DURATION or SET and its normalized ``value``.

    ``anchor`` says what a relative value was resolved against: ``"published"``, the id of
    another time expression (``"t3"``), or ``None`` when nothing anchored it (the value then
    stays underspecified, e.g. ``"XXXX-01"``).
    """

    id: str
    text: str
    start: int
    end: int
    type: str
    value: str
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "type": self.type, "value": self.value, "anchor": self.anchor,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> TimeExpression:
        return cls(d["id"], d["text"], d["start"], d["end"], d["type"], d["value"], d.get("anchor"))


@attrs.frozen
class Source:
    """One real-world source of information and every mention of it.

    ``kind`` is one of person, organization, media, government, group, anonymous, document.
    ``description`` is how the article describes the source ("a North Korea specialist at ...").
    """

    id: str
    name: str
    kind: str
    description: str | None = None
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "description": self.description,
            "mentions": [_mention_dict(m) for m in self.mentions],
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Source:
        mentions = tuple(Mention(m["text"], m["start"], m["end"]) for m in d.get("mentions", ()))
        return cls(d["id"], d["name"], d["kind"], d.get("description"), mentions)


@attrs.frozen
class Quote:
    """An attributed statement: its content span, kind, cue, speaker and resolved source.

    ``text``/``start``/``end`` are the content without its enclosing quotation marks. ``kind`` is
    ``direct``, ``mixed`` or ``indirect``. ``speaker`` is the mention at the cue ("Park", "he");
    ``source`` the id of the resolved :class:`Source`; ``relayed_by`` the id of a source that
    relays the speaker ("KCNA quoted Kim as saying").
    """

    id: str
    kind: str
    text: str
    start: int
    end: int
    cue: Mention | None = None
    speaker: Mention | None = None
    source: str | None = None
    relayed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "text": self.text, "start": self.start,
            "end": self.end, "cue": _mention_dict(self.cue), "speaker": _mention_dict(self.speaker),
            "source": self.source, "relayed_by": self.relayed_by,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        return cls(
            d["id"], d["kind"], d["text"], d["start"], d["end"], _mention_from(d.get("cue")),
            _mention_from(d.get("speaker")), d.get("source"), d.get("relayed_by"),
        )  # fmt: skip


@attrs.frozen
class WeaponMention:
    """A weapon or military platform mapped onto the taxonomy.

    ``term`` is the canonical taxonomy entry, ``weapon_class`` ("class" in JSON) is ``weapon`` or
    ``platform``, ``category`` the path from the root, ``designation`` a model name when present
    ("KN-25"), ``attributes`` things like ``nuclear_powered``, ``range``, ``quantity``.
    """

    id: str
    text: str
    start: int
    end: int
    term: str
    weapon_class: str
    category: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    designation: str | None = None
    attributes: dict[str, Any] = attrs.field(factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "term": self.term, "class": self.weapon_class, "category": list(self.category),
            "designation": self.designation, "attributes": dict(self.attributes),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> WeaponMention:
        return cls(
            d["id"], d["text"], d["start"], d["end"], d["term"], d["class"],
            tuple(d.get("category", ())), d.get("designation"), dict(d.get("attributes") or {}),
        )  # fmt: skip


@attrs.frozen
class Event:
    """Something that happened (or was ordered, planned, expected, denied), with its arguments.

    Arguments are ids into the same :class:`Analysis`: ``actor`` and ``attributed_to`` are source
    ids, ``weapons`` weapon ids, ``date`` a time-expression id; ``location`` is a span.
    """

    id: str
    type: str
    trigger: Mention
    actor: str | None = None
    weapons: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    date: str | None = None
    location: Mention | None = None
    attributed_to: str | None = None
    status: str = "occurred"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "trigger": _mention_dict(self.trigger),
            "actor": self.actor, "weapons": list(self.weapons), "date": self.date,
            "location": _mention_dict(self.location), "attributed_to": self.attributed_to,
            "status": self.status,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Event:
        trigger = _mention_from(d["trigger"])
        assert trigger is not None
        return cls(
            d["id"], d["type"], trigger, d.get("actor"), tuple(d.get("weapons", ())),
            d.get("date"), _mention_from(d.get("location")), d.get("attributed_to"),
            d.get("status", "occurred"),
        )  # fmt: skip


@attrs.frozen
class ExtractionError:
    """Something that failed on one article: which step, the exception type and its message."""

    extractor: str
    type: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"extractor": self.extractor, "type": self.type, "message": self.message}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ExtractionError:
        return cls(d["extractor"], d["type"], d["message"])

    @classmethod
    def from_exception(cls, extractor: str, error: BaseException) -> ExtractionError:
        return cls(extractor, type(error).__name__, str(error))


def _extension_item_to_json(item: Any) -> Any:
    if isinstance(item, Mention):
        return _mention_dict(item)
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if attrs.has(type(item)):
        return attrs.asdict(item)
    return item


def _extension_item_from_json(item: Any) -> Any:
    if isinstance(item, Mapping) and set(item) == {"text", "start", "end"}:
        return Mention(item["text"], item["start"], item["end"])
    return item


def _check_offsets(text: str, item: Any, where: str) -> None:
    data = item if isinstance(item, Mapping) else None
    if data is None and (attrs.has(type(item))) and hasattr(item, "start"):
        data = {"text": getattr(item, "text", None), "start": item.start, "end": item.end}
    if data is None or not {"text", "start", "end"} <= set(data):
        return
    start, end, span = data["start"], data["end"], data["text"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise InputError(f"{where}: offsets {start!r}..{end!r} are outside the article")
    if text[start:end] != span:
        raise InputError(f"{where}: text {span!r} is not article.text[{start}:{end}]")


@attrs.frozen
class Analysis:
    """Everything extracted from one :class:`Article`; immutable, built up step by step.

    Built-in steps fill their own field with ``attrs.evolve(analysis, dates=...)``; a third
    party's step adds its items with :meth:`with_extension`. ``segmentation`` (paragraphs,
    sentences, quotation marks, boilerplate lines) is computed once from the text and shared by
    every step; it is not part of the JSON.
    """

    article: Article
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    dates: tuple[TimeExpression, ...] = attrs.field(default=(), converter=_dates)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    weapons: tuple[WeaponMention, ...] = attrs.field(default=(), converter=_weapons)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    errors: tuple[ExtractionError, ...] = attrs.field(default=(), converter=_errors)
    extensions: Mapping[str, tuple[Any, ...]] = attrs.field(factory=dict, hash=False)
    segmentation: Segmentation = attrs.field(
        default=attrs.Factory(lambda self: segment(self.article.text), takes_self=True),
        eq=False,
        repr=False,
    )

    _FIELDS: ClassVar[tuple[str, ...]] = ("quotes", "dates", "sources", "weapons", "events")

    @property
    def text(self) -> str:
        """Shorthand for ``analysis.article.text``."""
        return self.article.text

    def with_extension(self, name: str, items: Iterable[Any]) -> Analysis:
        """Return a new Analysis that carries a third-party step's ``items`` under ``name``.

        Items may be :class:`Mention` objects, attrs instances or JSON-ready dicts; any item
        with ``text``/``start``/``end`` must obey the offset rule, or
        :class:`~reportedly.InputError` is raised::

            analysis = analysis.with_extension("shouting", [Mention("WAR", 10, 13)])
        """
        if not isinstance(name, str) or not name:
            raise InputError("an extension name must be a non-empty str")
        items = tuple(items)
        for index, item in enumerate(items):
            _check_offsets(self.article.text, item, f"extension {name!r} item {index}")
        extensions = dict(self.extensions)
        extensions[name] = items
        return attrs.evolve(self, extensions=extensions)

    def add_error(self, extractor: str, error: BaseException) -> Analysis:
        """Return a new Analysis with an :class:`ExtractionError` for ``error`` appended."""
        entry = ExtractionError.from_exception(extractor, error)
        return attrs.evolve(self, errors=(*self.errors, entry))

    def source(self, source_id: str | None) -> Source | None:
        """The :class:`Source` with id ``source_id``, or ``None``."""
        for candidate in self.sources:
            if candidate.id == source_id:
                return candidate
        return None

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The JSON-ready output contract (schema ``"reportedly/1"``)."""
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(include_text=include_text),
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [t.to_dict() for t in self.dates],
            "sources": [s.to_dict() for s in self.sources],
            "weapons": [w.to_dict() for w in self.weapons],
            "events": [e.to_dict() for e in self.events],
            "extensions": {
                name: [_extension_item_to_json(item) for item in items]
                for name, items in self.extensions.items()
            },
            "errors": [e.to_dict() for e in self.errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        """Read back what :meth:`to_dict` wrote; ``from_dict(a.to_dict()).to_dict() == a.to_dict()``.

        Extension items come back as :class:`Mention` when they have exactly the keys ``text``,
        ``start`` and ``end``, and as plain dicts otherwise.
        """
        if data.get("schema") != SCHEMA:
            raise InputError(f"not a {SCHEMA} document (schema is {data.get('schema')!r})")
        if "text" not in data["article"]:
            raise InputError("the document was written without the article text (--no-text)")
        return cls(
            article=Article.from_dict(data["article"]),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            dates=tuple(TimeExpression.from_dict(t) for t in data.get("dates", ())),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            weapons=tuple(WeaponMention.from_dict(w) for w in data.get("weapons", ())),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            errors=tuple(ExtractionError.from_dict(e) for e in data.get("errors", ())),
            extensions={
                name: tuple(_extension_item_from_json(i) for i in items)
                for name, items in data.get("extensions", {}).items()
            },
        )

    def mentions(self) -> Iterable[Mention]:
        """Every span in this Analysis, as a :class:`Mention` (for checking the offset rule)."""
        for q in self.quotes:
            yield Mention(q.text, q.start, q.end)
            if q.cue is not None:
                yield q.cue
            if q.speaker is not None:
                yield q.speaker
        for t in self.dates:
            yield Mention(t.text, t.start, t.end)
        for s in self.sources:
            yield from s.mentions
        for w in self.weapons:
            yield Mention(w.text, w.start, w.end)
        for e in self.events:
            yield e.trigger
            if e.location is not None:
                yield e.location
        for items in self.extensions.values():
            for item in items:
                if isinstance(item, Mention):
                    yield item
