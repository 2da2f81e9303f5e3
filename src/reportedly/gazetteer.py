"""The shared gazetteer: ``vocab/places.tsv`` parsed once, for every step that knows places.

One row per place name: its :data:`kind <KINDS>`, the country it may stand for as a government
("Pyongyang said") and its demonyms ("Pyongyang" has none; "North Korea" has "North Korean").
Rows of kind ``"adjective"`` are not places but words such as "Republican" that open a capitalised
run without naming anyone; :func:`locations` leaves them out.

The ``sources`` step reads every column (places, governments, demonyms); the ``events`` step reads
the names of :func:`locations`. Both go through :func:`places`, which is cached, so the file is
parsed once per process. The column layout is documented in the file's header comment.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import attrs

__all__ = ["KINDS", "Place", "locations", "parse_places", "places"]

#: Every kind a row may have: places, then ``"adjective"`` for rows that are not places.
KINDS: frozenset[str] = frozenset(
    {"country", "capital", "state", "region", "city", "sea", "building", "adjective"}
)


@attrs.frozen
class Place:
    """One row of the gazetteer.

    ``name`` is matched case-sensitively as written; ``government`` is the country the name may
    stand for as a source ("" when it is never read as a government); ``demonyms`` are the
    adjectives and nouns of people derived from it, in file order.
    """

    name: str
    kind: str
    government: str = ""
    demonyms: tuple[str, ...] = ()

    @property
    def is_location(self) -> bool:
        """Whether the row names a place (every kind except ``"adjective"``)."""
        return self.kind != "adjective"


def parse_places(text: str, where: str = "places.tsv") -> tuple[Place, ...]:
    """Parse gazetteer rows from ``text`` (``name<TAB>kind[<TAB>government[<TAB>demonyms]]``).

    Blank lines and lines starting with ``#`` are skipped. Raises :class:`ValueError` naming
    ``where`` and the line number on a row with a missing name, an unknown kind, more than four
    columns, or a name already listed.
    """
    rows: list[Place] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) < 2 or len(fields) > 4 or not fields[0]:
            raise ValueError(
                f"{where}:{number}: expected name<TAB>kind[<TAB>government[<TAB>demonyms]], "
                f"got {line!r}"
            )
        name, kind = fields[0], fields[1]
        if kind not in KINDS:
            raise ValueError(
                f"{where}:{number}: {name!r} has kind {kind!r}; expected one of "
                f"{', '.join(sorted(KINDS))}"
            )
        if name in seen:
            raise ValueError(f"{where}:{number}: {name!r} is already listed on line {seen[name]}")
        seen[name] = number
        government = fields[2] if len(fields) > 2 else ""
        demonyms = fields[3] if len(fields) > 3 else ""
        rows.append(
            Place(
                name=name,
                kind=kind,
                government=government,
                demonyms=tuple(d.strip() for d in demonyms.split(",") if d.strip()),
            )
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every row of the built-in ``vocab/places.tsv``, in file order (parsed once, cached)."""
    text = resources.files("reportedly.vocab").joinpath("places.tsv").read_text(encoding="utf-8")
    return parse_places(text, "vocab/places.tsv")


@lru_cache(maxsize=1)
def locations() -> tuple[Place, ...]:
    """The rows of :func:`places` that name a place (every kind except ``"adjective"``)."""
    return tuple(place for place in places() if place.is_location)
