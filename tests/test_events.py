"""The ``events`` step, on Analyses built by hand (so the other steps' behaviour does not matter)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import attrs
import pytest
from hypothesis import given

import reportedly
from reportedly.extractors.events import EVENT_TYPES, EventExtractor
from reportedly.extractors.events.lexicon import inflect_verb, load_lexicon
from reportedly.model import (
    EVENT_STATUSES,
    Analysis,
    Article,
    Event,
    Mention,
    Quote,
    Source,
    TimeExpression,
    WeaponMention,
)
from reportedly.plugins import Vocabulary
from tests.strategies import any_text


@pytest.fixture(scope="module")
def extractor() -> EventExtractor:
    return EventExtractor()


def build(
    text: str,
    sources: Mapping[str, Sequence[str]] = {},
    weapons: Iterable[str] = (),
    dates: Mapping[str, str] = {},
    quotes: Iterable[tuple[str, str | None]] = (),
    published: str = "2026-03-10",
) -> Analysis:
    """An Analysis of ``text`` with the given mentions (every occurrence of each surface form)."""

    def spans(surface: str) -> list[tuple[int, int]]:
        pattern = r"(?<!\w)" + re.escape(surface) + r"(?!\w)"
        found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        assert found, surface
        return found

    built_sources = []
    for index, (name, surfaces) in enumerate(sources.items(), 1):
        mentions = sorted(Mention(text[s:e], s, e) for form in surfaces for s, e in spans(form))
        built_sources.append(Source(f"s{index}", name, "person", mentions=mentions))
    built_weapons = []
    for surface in weapons:
        for s, e in spans(surface):
            w_id = f"w{len(built_weapons) + 1}"
            built_weapons.append(WeaponMention(w_id, text[s:e], s, e, surface, "weapon"))
    built_dates = []
    for surface, value in dates.items():
        s, e = spans(surface)[0]
        built_dates.append(TimeExpression(f"t{len(built_dates) + 1}", surface, s, e, "DATE", value))
    built_quotes = []
    for content, source in quotes:
        s, e = spans(content)[0]
        built_quotes.append(
            Quote(f"q{len(built_quotes) + 1}", "direct", content, s, e, source=source)
        )
    return Analysis(
        Article(text, published=published),
        sources=built_sources,
        weapons=built_weapons,
        dates=built_dates,
        quotes=built_quotes,
    )


def only(analysis: Analysis, event_type: str) -> Event:
    found = [e for e in analysis.events if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in analysis.events]
    return found[0]


def text_of(analysis: Analysis, mention_id: str | None) -> str | None:
    for source in analysis.sources:
        if source.id == mention_id:
            return source.name
    for timex in analysis.dates:
        if timex.id == mention_id:
            return timex.text
    return None


def weapon_texts(analysis: Analysis, event: Event) -> list[str]:
    return [w.text for w in analysis.weapons if w.id in event.weapons]


# --------------------------------------------------------------------------- capability events


def test_production_order_with_actor_weapon_date_and_attribution(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The Iranian president has ordered higher production of attack drones after visiting "
            "a plant that assembles them, state television reported on Monday.",
            sources={
                "Iranian president": ["The Iranian president"],
                "state television": ["state television"],
            },
            weapons=["attack drones"],
            dates={"Monday": "2026-03-09"},
        )
    )
    production = only(analysis, "weapons_production")
    assert production.trigger.text == "ordered higher production of"
    assert production.status == "ordered"
    assert text_of(analysis, production.actor) == "Iranian president"
    assert weapon_texts(analysis, production) == ["attack drones"]
    assert text_of(analysis, production.attributed_to) == "state television"
    assert text_of(analysis, production.date) == "Monday"
    visit = only(analysis, "weapons_inspection")  # "visiting a plant": a military object
    assert visit.trigger.text == "visiting"
    assert text_of(analysis, visit.actor) == "Iranian president"  # the main clause's subject
    assert visit.status == "occurred"


@pytest.mark.parametrize(
    ("sentence", "event_type", "trigger", "weapon"),
    [
        (
            "The navy test-fired a new cruise missile on Friday.",
            "weapons_test",
            "test-fired",
            "cruise missile",
        ),
        (
            "The army launched two ballistic missiles into the sea.",
            "weapons_test",
            "launched",
            "ballistic missiles",
        ),
        (
            "The general inspected the howitzer battalion.",
            "weapons_inspection",
            "inspected",
            "howitzer",
        ),
        (
            "The institute is developing a hypersonic glider.",
            "weapons_development",
            "developing",
            "hypersonic glider",
        ),
        (
            "The ministry deployed air defence systems to the north.",
            "weapons_deployment",
            "deployed",
            "air defence systems",
        ),
        (
            "The government sold attack helicopters to its neighbour.",
            "weapons_transfer",
            "sold",
            "attack helicopters",
        ),
        ("The regime paraded tanks through the capital.", "weapons_display", "paraded", "tanks"),
        (
            "The navy held joint drills with the coast guard.",
            "military_exercise",
            "held joint drills",
            None,
        ),
    ],
)
def test_each_capability_type(
    extractor: EventExtractor, sentence: str, event_type: str, trigger: str, weapon: str | None
) -> None:
    weapons = [weapon] if weapon else []
    event = only(extractor(build(sentence, weapons=weapons)), event_type)
    assert event.trigger.text == trigger


def test_launch_without_a_weapon_is_not_a_test(extractor: EventExtractor) -> None:
    analysis = extractor(build("The company launched a new website for its customers."))
    assert not [e for e in analysis.events if e.type == "weapons_test"]


def test_fired_at_a_target_is_an_assault(extractor: EventExtractor) -> None:
    analysis = extractor(
        build("The rebels fired rockets at the airport overnight.", weapons=["rockets"])
    )
    event = only(analysis, "assault")
    assert event.trigger.text == "fired"


def test_deploying_troops_is_mobilize_and_deploying_missiles_is_deployment(
    extractor: EventExtractor,
) -> None:
    troops = extractor(build("The army deployed thousands of troops to the border."))
    assert only(troops, "mobilize").trigger.text == "deployed"
    missiles = extractor(
        build("The army deployed cruise missiles to the border.", weapons=["cruise missiles"])
    )
    assert only(missiles, "weapons_deployment").trigger.text == "deployed"


# --------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The army did not test the missile.", "denied"),
        ("The ministry denied testing the missile.", "denied"),
        ("The army plans to test the missile.", "planned"),
        ("The army will test the missile.", "planned"),
        ("The army is expected to test the missile.", "expected"),
        ("The army reportedly tested the missile.", "reported"),
        ("The army tested the missile.", "occurred"),
    ],
)
def test_status_from_modality_and_negation(
    extractor: EventExtractor, sentence: str, status: str
) -> None:
    event = only(extractor(build(sentence, weapons=["missile"])), "weapons_test")
    assert event.status == status


def test_future_date_makes_an_event_expected(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The regime may hold a military parade as early as April.",
            dates={"as early as April": "2026-04"},
        )
    )
    event = only(analysis, "weapons_display")
    assert event.status == "expected"
    assert text_of(analysis, event.date) == "as early as April"


def test_date_after_publication_without_a_cue(extractor: EventExtractor) -> None:
    analysis = extractor(
        build("The navy holds drills in the Yellow Sea in June.", dates={"June": "2026-06"})
    )
    assert only(analysis, "military_exercise").status == "expected"


# --------------------------------------------------------------------------- arguments


def test_location_phrases(extractor: EventExtractor) -> None:
    analysis = extractor(
        build("The navy fired a missile off the east coast on Tuesday.", weapons=["missile"])
    )
    event = only(analysis, "weapons_test")
    assert event.location is not None and event.location.text == "off the east coast"
    analysis = extractor(build("The president met the envoy in Seoul."))
    event = only(analysis, "consult")
    assert event.location is not None and event.location.text == "in Seoul"


def test_passive_takes_the_by_agent(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The missile was launched by the air force from a mobile launcher.",
            sources={"air force": ["the air force"]},
            weapons=["missile", "mobile launcher"],
        )
    )
    event = only(analysis, "weapons_test")
    assert text_of(analysis, event.actor) == "air force"
    assert "missile" in weapon_texts(analysis, event)


def test_actor_is_the_subject_not_the_object(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "Canada sold armored vehicles to Saudi Arabia last year.",
            sources={"Canada": ["Canada"], "Saudi Arabia": ["Saudi Arabia"]},
            weapons=["armored vehicles"],
        )
    )
    event = only(analysis, "weapons_transfer")
    assert text_of(analysis, event.actor) == "Canada"
    assert event.location is not None and event.location.text == "to Saudi Arabia"


def test_appositive_subject(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "Pakistan, a close ally of China, has tested a new cruise missile.",
            sources={"Pakistan": ["Pakistan"], "China": ["China"]},
            weapons=["cruise missile"],
        )
    )
    assert text_of(analysis, only(analysis, "weapons_test").actor) == "Pakistan"


def test_events_in_a_quote_are_attributed_to_its_source(extractor: EventExtractor) -> None:
    text = "\u201cWe will test more missiles next year,\u201d the commander told reporters."
    analysis = extractor(
        build(
            text,
            sources={"commander": ["the commander"]},
            weapons=["missiles"],
            quotes=[("We will test more missiles next year,", "s1")],
        )
    )
    event = only(analysis, "weapons_test")
    assert event.attributed_to == "s1"
    assert event.actor == "s1"  # "we" is the speaker's side
    assert event.status == "planned"


def test_reporting_clause_attribution(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The frigate intercepted a drone over the strait, according to the navy.",
            sources={"navy": ["the navy"]},
            weapons=["frigate", "drone"],
        )
    )
    assert [text_of(analysis, e.attributed_to) for e in analysis.events] == ["navy"]


def test_no_events_from_boilerplate_lines(extractor: EventExtractor) -> None:
    text = "The weather was mild.\nRead Also: Army test-fires new missiles near the capital\n"
    analysis = extractor(build(text, weapons=["missiles"]))
    assert analysis.events == ()


def test_nouns_and_adjectives_are_not_verb_triggers(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The visit underscored the ruling party's push, and the upgraded missiles were shown.",
            weapons=["missiles"],
        )
    )
    assert [
        e.trigger.text for e in analysis.events if e.trigger.text in ("visit", "ruling", "upgraded")
    ] == []


def test_ids_are_in_text_order_and_types_known(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The army tested a rocket on Monday. Two days later the navy held drills and the "
            "president met the envoy.",
            weapons=["rocket"],
        )
    )
    assert [e.id for e in analysis.events] == [f"e{i}" for i in range(1, len(analysis.events) + 1)]
    assert [e.trigger.start for e in analysis.events] == sorted(
        e.trigger.start for e in analysis.events
    )
    assert {e.type for e in analysis.events} <= EVENT_TYPES
    assert len(analysis.events) == 3


# --------------------------------------------------------------------------- vocabulary and settings


def test_plugin_triggers_are_merged_and_win() -> None:
    vocabulary = Vocabulary(
        event_triggers=(
            {"trigger": "zorble", "type": "weapons_test", "kind": "verb"},
            {"trigger": "paraded", "type": "protest", "kind": "phrase"},
        )
    )
    extractor = EventExtractor(vocabulary=vocabulary)
    analysis = extractor(build("The army zorbled two rockets.", weapons=["rockets"]))
    assert only(analysis, "weapons_test").trigger.text == "zorbled"
    analysis = extractor(build("Workers paraded through the city."))
    assert only(analysis, "protest").trigger.text == "paraded"


@pytest.mark.parametrize(
    "entry",
    [
        {"trigger": "zorble", "type": "weapons_tset"},
        {"trigger": "", "type": "assault"},
        {"trigger": "zorble", "type": "assault", "kind": "adverb"},
        {"trigger": "zorble", "type": "assault", "status": "maybe"},
        {"trigger": "zorble", "type": "assault", "forms": "zorbled"},
    ],
)
def test_malformed_plugin_entries_are_config_errors(entry: dict[str, object]) -> None:
    with pytest.raises(reportedly.ConfigError):
        EventExtractor(vocabulary=Vocabulary(event_triggers=(entry,)))


@pytest.mark.parametrize(
    "settings",
    [{"types": ["weapons_tset"]}, {"types": "assault"}, {"petrarch": "yes"}, {"min_priority": "x"}],
)
def test_bad_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(reportedly.ConfigError):
        EventExtractor(**settings)  # type: ignore[arg-type]


def test_types_setting_filters() -> None:
    extractor = EventExtractor(types=["weapons_test"])
    analysis = extractor(
        build("The army tested a rocket and the president met the envoy.", weapons=["rocket"])
    )
    assert [e.type for e in analysis.events] == ["weapons_test"]


def test_without_petrarch_only_curated_triggers() -> None:
    analysis = EventExtractor(petrarch=False)(build("The rebels besieged the town."))
    assert [e.type for e in analysis.events] == ["coerce"]


def test_inflection() -> None:
    assert {"tests", "tested", "testing"} <= set(inflect_verb("test"))
    assert {"agreed", "agreeing", "agrees"} <= set(inflect_verb("agree"))
    assert {"deployed", "deploys"} <= set(inflect_verb("deploy"))
    assert {"oversaw", "overseen"} <= set(inflect_verb("oversee"))
    assert {"banned"} <= set(inflect_verb("ban"))


def test_lexicon_is_compiled_once() -> None:
    assert load_lexicon().triggers["test-fired"]


# --------------------------------------------------------------------------- properties


@given(any_text)
def test_offsets_ids_and_never_raises(text: str) -> None:
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    sources = [
        Source(
            "s1", "someone", "person", mentions=[Mention(text[s:e], s, e) for s, e in words[::5]]
        )
    ]
    weapons = [
        WeaponMention(f"w{i}", text[s:e], s, e, "x", "weapon")
        for i, (s, e) in enumerate(words[1::7], 1)
    ]
    dates = [
        TimeExpression(f"t{i}", text[s:e], s, e, "DATE", "2026-01")
        for i, (s, e) in enumerate(words[2::9], 1)
    ]
    analysis = EventExtractor()(
        Analysis(
            Article(text, published="2025-12-23"), sources=sources, weapons=weapons, dates=dates
        )
    )
    source_ids = {s.id for s in analysis.sources}
    weapon_ids = {w.id for w in analysis.weapons}
    date_ids = {t.id for t in analysis.dates}
    for event in analysis.events:
        for mention in (event.trigger, event.location):
            if mention is not None:
                assert 0 <= mention.start <= mention.end <= len(text)
                assert text[mention.start : mention.end] == mention.text
        assert event.actor is None or event.actor in source_ids
        assert event.attributed_to is None or event.attributed_to in source_ids
        assert set(event.weapons) <= weapon_ids
        assert event.date is None or event.date in date_ids
        assert event.type in EVENT_TYPES
        assert event.status in EVENT_STATUSES


@given(any_text)
def test_never_raises_without_upstream_results(text: str) -> None:
    analysis = EventExtractor()(Analysis(Article(text)))
    for event in analysis.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_round_trips_through_json(extractor: EventExtractor) -> None:
    analysis = extractor(
        build("The navy test-fired a missile off the east coast.", weapons=["missile"])
    )
    assert Analysis.from_dict(analysis.to_dict()).to_dict() == analysis.to_dict()


# --------------------------------------------------------------------------- clause-dependent types


@pytest.mark.parametrize(
    ("sentence", "weapons", "expected"),
    [
        ("The navy sent two destroyers near the strait.", ["destroyers"], "weapons_deployment"),
        ("Germany sent tanks to Ukraine.", ["tanks"], "weapons_transfer"),
        ("The army sent troops to the border.", [], "mobilize"),
        ("The shipyard launched a new destroyer on Friday.", ["destroyer"], "weapons_production"),
        ("Thousands of people protested outside parliament.", [], "protest"),
        ("The minister protested the decision.", [], "disapprove"),
    ],
)
def test_clause_decides_the_type(
    extractor: EventExtractor, sentence: str, weapons: list[str], expected: str
) -> None:
    analysis = extractor(build(sentence, weapons=weapons))
    assert [e.type for e in analysis.events] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "In Singapore, stocks hit a five-year low.",
        "The charges were offset by a gain from the sale of the company's division.",
        "The company sent an envoy to the talks on Friday.",
        "Officials said the demand for workers rose.",
    ],
)
def test_no_event_without_its_context(extractor: EventExtractor, sentence: str) -> None:
    analysis = extractor(build(sentence))
    assert [e.type for e in analysis.events if e.type != "consult"] == []


def test_a_capitalized_cue_is_a_name(extractor: EventExtractor) -> None:
    text = "SEOUL (Reportedly Wire) - The navy test-fired a cruise missile on Wednesday."
    analysis = extractor(build(text, weapons=["cruise missile"]))
    assert only(analysis, "weapons_test").status == "occurred"


def test_missile_launched_from_a_ship_is_a_test(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "The missile, launched from the destroyer, hit a target barge.",
            weapons=["missile", "destroyer"],
        )
    )
    assert only(analysis, "weapons_test").trigger.text == "launched"


def test_a_comma_and_ends_a_clause_but_not_a_list(extractor: EventExtractor) -> None:
    listed = extractor(
        build(
            "The rebels launched artillery, mortar, and rocket fire against the camps.",
            weapons=["artillery", "mortar", "rocket"],
        )
    )
    assert [e.type for e in listed.events] == ["assault"]
    clauses = extractor(
        build(
            "The navy sent a destroyer near the strait, and on Monday two bombers flew past.",
            weapons=["destroyer", "bombers"],
        )
    )
    event = only(clauses, "weapons_deployment")
    assert weapon_texts(clauses, event) == ["destroyer"]


def test_plover_modality_rules(extractor: EventExtractor) -> None:
    demand = extractor(
        build(
            "The council said the government must release the prisoners.",
            sources={"council": ["The council"], "government": ["the government"]},
        )
    )
    event = only(demand, "demand")
    assert text_of(demand, event.actor) == "council"  # "X said Y must ...": X demands
    intent = extractor(build("The donors will provide food aid to the refugees."))
    assert only(intent, "agree").status == "planned"  # an intention to cooperate is agree
    refusal = extractor(build("The government will not accept more refugees."))
    assert only(refusal, "reject").status == "occurred"


def test_petrarch_patterns_are_used(extractor: EventExtractor) -> None:
    analysis = extractor(build("Students staged a demonstration outside the embassy."))
    assert [e.type for e in analysis.events] == ["protest"]


def test_subject_of_for_to_infinitive(extractor: EventExtractor) -> None:
    analysis = extractor(
        build(
            "Doors are open for Iran to negotiate with Europe.",
            sources={"Iran": ["Iran"], "Europe": ["Europe"]},
        )
    )
    assert [text_of(analysis, e.actor) for e in analysis.events] == ["Iran"]


# --------------------------------------------------------------------------- PLOVER typing rules


def test_petrarch_verb_object_patterns_match(extractor: EventExtractor) -> None:
    # "close * university" (CAMEO 172) is a PETRARCH2 pattern only: no curated trigger has it
    analysis = extractor(build("Police closed the university on Monday."))
    assert [(e.type, e.trigger.text) for e in analysis.events] == [
        ("coerce", "closed the university")
    ]


def test_derived_patterns_keep_an_object_word() -> None:
    from importlib import resources

    data = resources.files("reportedly.vocab").joinpath("events", "petrarch2_patterns.tsv")
    prepositions = {"to", "for", "with", "on", "in", "at", "of", "from", "by"}
    objects = [
        line.split("\t")[1]
        for line in data.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert objects and not [o for o in objects if set(o.split()) <= prepositions]


def test_phrasal_verb_particles_match_only_next_to_the_verb(extractor: EventExtractor) -> None:
    resigned = extractor(build("The prime minister stepped down on Friday."))
    assert [(e.type, e.trigger.text) for e in resigned.events] == [("concede", "stepped down")]
    # "support * out" (CAMEO 0874) must not reach across "the plan" to "out of loyalty"
    backed = extractor(build("The party supported the plan out of loyalty."))
    assert [(e.type, e.trigger.text) for e in backed.events] == [("support", "supported")]


def test_no_pattern_starts_at_a_verb_of_saying(extractor: EventExtractor) -> None:
    analysis = extractor(build("The minister said the deal was fair to both sides."))
    assert analysis.events == ()


def test_a_vow_folds_into_the_event_it_promises(extractor: EventExtractor) -> None:
    threat = extractor(
        build("The rebels vowed to attack the convoy.", sources={"rebels": ["The rebels"]})
    )
    assert [(e.type, e.trigger.text, e.status) for e in threat.events] == [
        ("threaten", "vowed to attack", "planned")
    ]
    assert text_of(threat, threat.events[0].actor) == "rebels"
    promise = extractor(build("The junta promised to release the detained students."))
    assert [(e.type, e.trigger.text) for e in promise.events] == [("agree", "promised to release")]
    # an agreement is an event of its own, whatever is agreed
    agreed = extractor(build("The two sides agreed to postpone the rally."))
    assert "agree" in [e.type for e in agreed.events]


def test_must_after_a_reporting_verb_is_a_demand_by_the_reporter(
    extractor: EventExtractor,
) -> None:
    analysis = extractor(
        build(
            "The ministry said the contractor must repay the loan.",
            sources={"ministry": ["The ministry"], "contractor": ["the contractor"]},
        )
    )
    event = only(analysis, "demand")
    assert event.trigger.text == "must repay"
    assert text_of(analysis, event.actor) == "ministry"
    # without someone saying it, "must" is no event
    assert extractor(build("The contractor must repay the loan.")).events == ()


def test_a_condition_makes_an_announced_step_a_threat(extractor: EventExtractor) -> None:
    plain = extractor(build("The army will withdraw its troops from the border."))
    assert [e.type for e in plain.events] == ["agree"]
    conditional = extractor(
        build("The army will withdraw its troops from the border unless the talks resume.")
    )
    assert conditional.events[0].type == "threaten"


def test_preparing_an_attack_is_a_show_of_force(extractor: EventExtractor) -> None:
    analysis = extractor(build("The army prepared to shell the rebel positions."))
    assert [e.type for e in analysis.events] == ["mobilize"]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The government imposed new restrictions on the press.", "coerce"),
        ("The two countries broke off talks in March.", "sanction"),
        ("Hackers defaced the ministry's website overnight.", "coerce"),
        ("Soldiers closed the border with the neighbouring country.", "assault"),
        ("The court found the former minister guilty of fraud.", "disapprove"),
        ("The regime suspended publication of the newspaper.", "coerce"),
        ("The delegation arrived in Cairo for talks.", "consult"),
        ("The UN will withdraw its inspectors from the country.", "threaten"),
        ("The donors pledged to provide food aid.", "agree"),
    ],
)
def test_triggers_from_cameo_code_names(
    extractor: EventExtractor, sentence: str, event_type: str
) -> None:
    assert [e.type for e in extractor(build(sentence)).events] == [event_type]


def test_petrarch_multiword_forms_split_on_commas() -> None:
    from reportedly.extractors.events.lexicon import _petrarch

    _specs, forms, _patterns = _petrarch()
    assert "," not in forms  # "cracked down , cracks down" is two forms, not ", cracks"
    assert (("cracks", "down"), "suppress") in forms["cracks"]


# --------------------------------------------------------------------------- pattern gaps


@pytest.mark.parametrize(
    "text",
    [
        # a comparative: "fixed ground" is no object of "find" (and "ground" no evidence)
        "The decoys are harder to find than fixed ground radars.",
        "The decoys are as hard to find as fixed ground radars.",
        # punctuation
        "Police found, on Monday, evidence of the plot.",
        # a subordinator
        "The inspectors tried to discover whether evidence had been destroyed.",
        # a conjunction
        "Auditors found nothing and the evidence was lost.",
        # a second verb (an irregular past; a subject pronoun with its verb)
        "Officials found the guards gave evidence to the court.",
        "Investigators said they had found he's guilty.",
        # a preposition that is not right after the verb: "of" is the risk's, not the warning's
        "The spokesman cautioned about the risk of battle.",
        # an adverbial is no object
        "The company declined as a result.",
    ],
)
def test_patterns_never_skip_across_a_clause_or_phrase_boundary(
    extractor: EventExtractor, text: str
) -> None:
    analysis = extractor(build(text))
    assert [e.trigger.text for e in analysis.events if " " in e.trigger.text] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjectives and determiners of the object
        ("Investigators found new evidence of the plot.", ("investigate", "found new evidence")),
        ("Investigators found hidden evidence.", ("investigate", "found hidden evidence")),
        # an indirect object
        (
            "The opposition leader called the minister a liar.",
            ("disapprove", "called the minister a liar"),
        ),
        # a link right before the object word or a determiner
        ("The envoy offered to help the talks.", ("agree", "offered to help")),
        ("A former aide was named as a suspect.", ("disapprove", "named as a suspect")),
        # a preposition right after the verb
        ("Both parties will fight in federal court.", ("disapprove", "fight in federal court")),
        # a measure's "of"
        (
            "Two navies launched ten days of war games.",
            ("military_exercise", "launched ten days of war games"),
        ),
        # later object words with adjectives between them; the span ends at the last one
        (
            "The tribunal found the company in breach of international law on Monday.",
            ("disapprove", "found the company in breach of international law"),
        ),
    ],
)
def test_patterns_skip_only_words_of_the_object_phrase(
    extractor: EventExtractor, text: str, expected: tuple[str, str]
) -> None:
    analysis = extractor(build(text))
    assert expected in [(e.type, e.trigger.text) for e in analysis.events]


def test_a_later_object_word_must_follow_closely(extractor: EventExtractor) -> None:
    analysis = extractor(build("The tribunal found the company in breach and the law silent."))
    assert [e.trigger.text for e in analysis.events if "law" in e.trigger.text] == []


# --------------------------------------------------------------------------- generalization


def events_of(extractor: EventExtractor, analysis: Analysis) -> list[tuple[str, str, str]]:
    return [(e.type, e.trigger.text, e.status) for e in extractor(analysis).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The government set up a commission to investigate the riots.",
            ("investigate", "investigate", "planned"),
        ),
        ("Police used tear gas to disperse the crowd.", ("coerce", "disperse", "planned")),
        (
            "The minister flew to Moscow to negotiate a new deal.",
            ("consult", "negotiate", "planned"),
        ),
        # a word of readiness or intention before "to" keeps the intention (AGREE)
        (
            "The rebels are ready to negotiate with the government.",
            ("agree", "negotiate", "planned"),
        ),
        ("The envoy made an offer to mediate.", ("agree", "mediate", "planned")),
    ],
)
def test_a_purpose_infinitive_keeps_its_type(
    extractor: EventExtractor, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in events_of(extractor, build(text))


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        ('"Our navy can hit any threat in the region," the admiral said.', ()),
        ("The plant can now produce 200 drones a month.", ("drones",)),
        ("The new missile can strike targets 2,000 kilometres away.", ("missile",)),
    ],
)
def test_a_claim_of_capability_is_no_event(
    extractor: EventExtractor, text: str, weapons: Sequence[str]
) -> None:
    assert events_of(extractor, build(text, weapons=weapons)) == []


def test_could_and_cannot_still_give_events(extractor: EventExtractor) -> None:
    analysis = build("The navy could strike the port, but it cannot attack the city.")
    assert [(t, s) for t, _trigger, s in events_of(extractor, analysis)] == [
        ("assault", "expected"),
        ("assault", "denied"),
    ]


def test_a_modal_before_a_new_subject_is_not_the_events(extractor: EventExtractor) -> None:
    analysis = build("The army can confirm it test-fired a missile on Monday.", weapons=["missile"])
    assert events_of(extractor, analysis) == [("weapons_test", "test-fired", "occurred")]


def test_a_request_is_a_demand_and_orders_what_it_asks(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("Washington asked Moscow to release the journalist."))
    assert found[0][0] == "demand"
    assert ("retreat", "release", "ordered") in found
    appeal = events_of(extractor, build("The Pope appealed to both sides to end the violence."))
    assert appeal[0][:2] == ("demand", "appealed to")


def test_a_day_may_stand_inside_a_phrasal_trigger(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("The newspaper called Thursday on Arabs to unite."))
    assert found[0][:2] == ("demand", "called Thursday on")
    found = events_of(extractor, build("The council called on Monday for a ceasefire."))
    assert found[0][:2] == ("demand", "called on Monday for")


def test_a_demand_about_a_capability_event_is_an_event_of_its_own(
    extractor: EventExtractor,
) -> None:
    analysis = build("The minister said Libya must hand over the missiles.", weapons=["missiles"])
    assert [t for t, _trigger, _s in events_of(extractor, analysis)] == [
        "demand",
        "weapons_transfer",
    ]


def test_an_amount_is_one_word(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("The United States sent 5,000 tons of aid to the region."))
    assert ("aid", "sent 5,000 tons of aid", "occurred") in found
    found = events_of(extractor, build("Japan gave $500 million in aid to the flood victims."))
    assert [t for t, _trigger, _s in found] == ["aid"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions were imposed on the country in 1990.", ("sanction", "Sanctions were imposed")),
        ("The curfew was lifted on Monday.", ("concede", "curfew was lifted")),
        ("Diplomatic ties have been severed.", ("sanction", "ties have been severed")),
    ],
)
def test_a_verb_object_trigger_matches_in_the_passive(
    extractor: EventExtractor, text: str, expected: tuple[str, str]
) -> None:
    assert expected in [(t, trigger) for t, trigger, _s in events_of(extractor, build(text))]


def test_a_nominal_event_may_be_a_document_source(extractor: EventExtractor) -> None:
    text = "An investigation has been opened into the deaths."
    analysis = build(text, sources={"investigation": ["An investigation"]})
    document = attrs.evolve(analysis.sources[0], kind="document")
    analysis = attrs.evolve(analysis, sources=(document,))
    assert [t for t, _trigger, _s in events_of(extractor, analysis)] == ["investigate"]
    # a person's name still hides its words ("Strike" in a name is no event)
    named = build("Peter Strike visited Seoul.", sources={"Peter Strike": ["Peter Strike"]})
    assert "assault" not in [t for t, _trigger, _s in events_of(extractor, named)]


def test_a_nominal_trigger_before_its_head_noun_is_a_modifier(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("A ceasefire agreement was signed by both sides."))
    assert [t for t, _trigger, _s in found] == ["support"]


def test_a_figurative_use_of_a_force_verb_is_no_event(extractor: EventExtractor) -> None:
    assert events_of(extractor, build("His uncle is fighting to keep the boy in Miami.")) == []
    assert events_of(extractor, build("Rebels are fighting for the town.")) != []


def test_a_plural_subject_before_a_present_verb(extractor: EventExtractor) -> None:
    found = events_of(
        extractor, build("Opposition parties demand the resignation of the minister.")
    )
    assert found[0][0] == "demand"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels laid down their arms.", "retreat"),
        ("The army lifted its siege of the town.", "retreat"),
        ("The newspaper attacked the minister's policy.", "disapprove"),
        ("The union charged that the company broke its promises.", "disapprove"),
        ("The minister blasted the opposition for its behaviour.", "disapprove"),
        ("The ministry issued a strong condemnation of the attack.", "disapprove"),
        ("Fighting broke out in the capital on Monday.", "assault"),
        ("Troops captured the town after a week.", "assault"),
        ("The prime minister ruled out early elections.", "reject"),
        ("The rebels brushed aside calls for talks.", "reject"),
        ("The rebels announced their rejection of the peace plan.", "reject"),
        ("The authorities expelled two foreign journalists.", "coerce"),
        ("Hundreds of students blocked the ministry.", "protest"),
        ("Students boycotted classes for a week.", "protest"),
        ("The president paid tribute to the soldiers.", "support"),
        ("The envoy urged the council to support the new government.", "support"),
        ("The two police forces have been sharing expertise.", "cooperate"),
        ("Germany has extended new credits to Poland.", "aid"),
        ("Police questioned the suspects about the bombing.", "investigate"),
        ("The king handed over power to a civilian government.", "concede"),
        ("A prisoner died as a result of torture.", "assault"),
    ],
)
def test_generic_triggers(extractor: EventExtractor, text: str, expected: str) -> None:
    found = events_of(extractor, build(text))
    assert found and found[0][0] == expected, found


def test_expelling_people_coerces_and_expelling_envoys_sanctions(
    extractor: EventExtractor,
) -> None:
    people = events_of(extractor, build("The authorities expelled two foreign journalists."))
    envoys = events_of(extractor, build("Britain expelled three Iranian diplomats."))
    assert (people[0][0], envoys[0][0]) == ("coerce", "sanction")


def test_a_refusal_governs_the_infinitive(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("The government is refusing to lift the curfew."))
    assert ("reject", "lift the curfew", "occurred") in found


def test_economic_senses_of_petrarch_verbs_are_no_events(extractor: EventExtractor) -> None:
    for text in (
        "Revenue declined 8% to $85.7 million.",
        "The results were enhanced by lower charges.",
        "Mr. Smith contributed to this article.",
        "There was no profit from discontinued operations.",
    ):
        assert events_of(extractor, build(text)) == [], text


def test_a_nominal_event_after_a_subordinator_is_its_own(extractor: EventExtractor) -> None:
    found = events_of(
        extractor, build("The army called up reservists after clashes on the border.")
    )
    assert [t for t, _trigger, _s in found] == ["mobilize", "assault"]


def test_the_group_in_thousands_of_is_the_actor(extractor: EventExtractor) -> None:
    analysis = build(
        "Thousands of Kurds demonstrated in the city on Sunday.", sources={"Kurds": ["Kurds"]}
    )
    assert [e.actor for e in extractor(analysis).events] == ["s1"]
    # after any other "of" the mention is an object
    analysis = build("The killing of Kurds angered the region.", sources={"Kurds": ["Kurds"]})
    assert [e.actor for e in extractor(analysis).events] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president ordered the army to withdraw from the city.", "demand"),
        ("The European Union told Turkey to improve its record.", "demand"),
        ("The junta has ignored calls to release the opposition leader.", "reject"),
        ("Angry residents set up roadblocks.", "protest"),
        ("Police placed the opposition leader under house arrest.", "coerce"),
        ("The donors have withdrawn their aid.", "sanction"),
        ("The country offered asylum to the dissident.", "aid"),
        ("The rebels cut off water supplies to the city.", "sanction"),
        ("The minister set up a panel to look into the riots.", "investigate"),
        ("The parliament ratified the peace treaty on Monday.", "support"),
        ("Pakistan handed over three suspects to the United States.", "cooperate"),
        ("The army returned the confiscated land to the farmers.", "retreat"),
        ("The rebels withdrew from the peace talks.", "sanction"),
        ("Troops occupied the disputed border town.", "assault"),
        ("Protesters occupied the parliament building.", "protest"),
        ("The minister held a telephone conversation with his counterpart.", "consult"),
        ("The negotiators return to Vienna next week for talks on trade.", "consult"),
        ("The first Dutch peacekeepers have arrived in the capital.", "aid"),
        ("The junta has taken steps to expand political freedoms.", "concede"),
        ("Officials have been pressuring workers of the state bus company to end it.", "demand"),
        ("The rebels gave the army an ultimatum.", "threaten"),
        ("The ministry summoned the ambassador.", "disapprove"),
    ],
)
def test_more_verbs_and_objects_of_cameo_codes(
    extractor: EventExtractor, text: str, expected: str
) -> None:
    found = events_of(extractor, build(text))
    assert found and found[0][0] == expected, found


def test_no_pattern_starts_at_a_plural_noun(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("Government forces used artillery against the town."))
    assert "mobilize" not in [t for t, _trigger, _s in found]


@pytest.mark.parametrize(
    ("text", "weapons", "expected"),
    [
        # a bomb set off is an attack, a nuclear device set off a test
        ("Militants detonated a car bomb in the city.", ("car bomb",), "assault"),
        ("The country detonated a nuclear device underground.", (), "weapons_test"),
        ("Two suicide bombers blew themselves up at a mosque.", (), "assault"),
        ("The army launched artillery attacks on the town.", ("artillery",), "assault"),
        ("Jets carried out a string of airstrikes on the city.", (), "assault"),
        # a weapon that hits something was aimed at it
        ("Rockets fired by the militia hit two border towns.", ("Rockets",), "assault"),
        ("Police fired tear gas at the crowd.", (), "coerce"),
        ("The rebel group used mustard gas against the soldiers.", (), "assault"),
        ("Three men molested the woman.", (), "assault"),
    ],
)
def test_attacks_with_improvised_or_unconventional_means(
    extractor: EventExtractor, text: str, weapons: Sequence[str], expected: str
) -> None:
    found = events_of(extractor, build(text, weapons=weapons))
    assert found and found[0][0] == expected, found


def test_a_crowd_that_gathers_protests(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("Thousands of demonstrators gathered in the square."))
    assert ("protest", "gathered", "occurred") in found
    assert events_of(extractor, build("Police gathered evidence at the scene.")) == []
    found = events_of(extractor, build("Students took part in peaceful marches on Friday."))
    assert found[0][0] == "protest"


def test_a_sentence_initial_capital_is_no_subject(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("Violent protests erupted in the capital on Tuesday."))
    assert [t for t, _trigger, _s in found] == ["protest"]


def test_an_adverb_may_stand_between_to_and_the_verb(extractor: EventExtractor) -> None:
    found = events_of(
        extractor, build("Security forces used force to violently suppress the march.")
    )
    assert "coerce" in [t for t, _trigger, _s in found]


def test_riot_police_is_no_riot(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("Riot police beat the protesters with batons."))
    assert found[0][0] == "assault"


def test_the_by_agent_of_a_passive_phrase_or_noun_is_the_actor(extractor: EventExtractor) -> None:
    analysis = build(
        "Sanctions were imposed on Iran by the European Union.",
        sources={"Iran": ["Iran"], "European Union": ["European Union"]},
    )
    assert [e.actor for e in extractor(analysis).events] == ["s2"]
    analysis = build(
        "The attack on the base was carried out by Hamas.", sources={"Hamas": ["Hamas"]}
    )
    assert [e.actor for e in extractor(analysis).events] == ["s1"]


def test_an_organization_before_its_officials_is_the_actor(extractor: EventExtractor) -> None:
    analysis = build(
        "The Farmers Union (FU) officials demanded new talks.",
        sources={"Farmers Union": ["Farmers Union"], "officials": ["officials"]},
    )
    assert next(e.actor for e in extractor(analysis).events) == "s1"


def test_attending_talks_is_consulting(extractor: EventExtractor) -> None:
    found = events_of(extractor, build("The rebels said they would attend the talks in Geneva."))
    assert found[0][:2] == ("agree", "attend the talks")


def test_arms_to_use_against_someone_are_a_threat(extractor: EventExtractor) -> None:
    analysis = build(
        "The group says it is building drones to use against the army.", weapons=["drones"]
    )
    assert "threaten" in [t for t, _trigger, _s in events_of(extractor, analysis)]
