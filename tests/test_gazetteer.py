"""The shared gazetteer (``vocab/places.tsv``): the file, its parser, and both steps reading it."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from reportedly.extractors.events import EventExtractor
from reportedly.extractors.events.lexicon import load_lexicon as load_events_lexicon
from reportedly.extractors.sources import Sources
from reportedly.extractors.sources.lexicon import load_lexicon as load_sources_lexicon
from reportedly.gazetteer import KINDS, Place, locations, parse_places, places
from reportedly.model import Analysis, Article

KIND_OF = {place.name: place.kind for place in places()}

# --------------------------------------------------------------------------- the file


def test_the_file_parses_with_one_row_per_name_and_valid_kinds() -> None:
    rows = places()
    assert len(rows) > 500
    counts = Counter(place.name for place in rows)
    assert [name for name, n in counts.items() if n > 1] == []
    assert {place.kind for place in rows} == KINDS  # every kind is used, no other kind
    for place in rows:
        assert place.name == place.name.strip() and place.name
        assert all(d and d == d.strip() for d in place.demonyms)


def test_governments_belong_to_countries_and_capitals() -> None:
    for place in places():
        if place.government:
            assert place.kind in ("country", "capital"), place


def test_kinds_where_the_old_gazetteers_disagreed() -> None:
    assert KIND_OF["Kiev"] == "capital"
    assert KIND_OF["Georgia"] == "country"
    assert KIND_OF["Pacific"] == "sea"
    assert KIND_OF["Ohio"] == "state"
    assert KIND_OF["The Hague"] == "capital"


def test_one_gazetteer_only() -> None:
    vocab = resources.files("reportedly.vocab")
    assert vocab.joinpath("places.tsv").is_file()
    assert not vocab.joinpath("events", "places.tsv").is_file()
    assert not vocab.joinpath("sources", "places.tsv").is_file()


def test_locations_leave_out_adjectives() -> None:
    assert all(place.kind != "adjective" for place in locations())
    assert len(locations()) == sum(1 for place in places() if place.is_location)
    assert "Republican" in KIND_OF and "Republican" not in {p.name for p in locations()}


def test_parse_places_reads_optional_columns() -> None:
    text = "# comment\n\nNorth Korea\tcountry\tNorth Korea\tNorth Korean\nOhio\tstate\nArab\tadjective\n"
    assert parse_places(text) == (
        Place("North Korea", "country", "North Korea", ("North Korean",)),
        Place("Ohio", "state"),
        Place("Arab", "adjective"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ohio\tprovince\n", "kind 'province'"),
        ("Ohio\tstate\nOhio\tcity\n", "already listed on line 1"),
        ("Ohio\n", "expected name<TAB>kind"),
        ("Ohio\tstate\t\t\textra\n", "expected name<TAB>kind"),
    ],
)
def test_parse_places_refuses_bad_rows(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        parse_places(text, "test.tsv")
    assert "test.tsv:" in str(error.value)


# --------------------------------------------------------------------------- both steps

#: (kind, place, a sentence with the place after a preposition that only takes gazetteer names,
#: the expected location phrase)
EVENT_SENTENCES = [
    ("country", "Myanmar", "The army held drills across Myanmar on Monday.", "across Myanmar"),
    ("capital", "Pyongyang", "The envoy met the minister at Pyongyang.", "at Pyongyang"),
    ("state", "Ohio", "Thousands of workers protested across Ohio on Saturday.", "across Ohio"),
    ("region", "Crimea", "The navy held drills off Crimea on Tuesday.", "off Crimea"),
    ("city", "Odessa", "Drones attacked targets around Odessa on Sunday.", "around Odessa"),
    (
        "sea",
        "Sea of Japan",
        "The navy fired a missile into the Sea of Japan.",
        "into the Sea of Japan",
    ),
    ("building", "Pentagon", "The minister met the envoy at the Pentagon.", "at the Pentagon"),
]


@pytest.mark.parametrize(("kind", "name", "sentence", "location"), EVENT_SENTENCES)
def test_events_find_a_place_of_every_kind(
    kind: str, name: str, sentence: str, location: str
) -> None:
    assert KIND_OF[name] == kind
    events = EventExtractor()(Analysis(Article(sentence))).events
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events]
    found = events[0].location
    assert found is not None and found.text == location


def test_events_do_not_find_an_unknown_name_after_at() -> None:
    # the control: the same sentence shape with a name the gazetteer lacks has no location
    events = EventExtractor()(Analysis(Article("The envoy met the minister at Zorvania."))).events
    assert [e.location for e in events] == [None]


def test_events_lexicon_holds_every_location_and_no_adjective() -> None:
    names = {name for name, _kind in load_events_lexicon().places}
    assert names == {place.name for place in locations()}


def run_sources(text: str) -> list[tuple[str, str, list[str]]]:
    found = Sources()(Analysis(Article(text))).sources
    return [(s.name, s.kind, [m.text for m in s.mentions]) for s in found]


@pytest.mark.parametrize(("kind", "name"), [("country", "Myanmar"), ("capital", "Pyongyang")])
def test_sources_read_countries_and_capitals_as_governments(kind: str, name: str) -> None:
    assert KIND_OF[name] == kind
    found = run_sources(f"{name} announced new rules on Monday.")
    assert [(kind, mentions) for _name, kind, mentions in found] == [("government", [name])]


@pytest.mark.parametrize(
    ("kind", "name"),
    [("state", "Ohio"), ("region", "Crimea"), ("city", "Odessa"), ("sea", "Sea of Japan")],
)
def test_sources_read_other_places_as_places_not_speakers(kind: str, name: str) -> None:
    assert KIND_OF[name] == kind
    assert run_sources(f"{name} announced new rules on Monday.") == []
    # the control: a name the gazetteer lacks, in the same place, is a source
    assert run_sources("Zorvania announced new rules on Monday.") != []


def test_sources_read_adjective_rows_as_modifiers() -> None:
    assert KIND_OF["Republican"] == "adjective"
    assert run_sources("Republican lawmakers announced new rules on Monday.") == [
        ("Republican lawmakers", "group", ["Republican lawmakers"])
    ]
    lexicon = load_sources_lexicon()
    assert "Republican" in lexicon.demonyms and "Republican" not in lexicon.places
    assert lexicon.places["Pyongyang"] == ("capital", "North Korea")
    assert lexicon.places["Ohio"] == ("state", "")
    assert "North Korean" in lexicon.demonyms
