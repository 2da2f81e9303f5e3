"""The ``weapons`` step: terms, classes, category paths, designations, attributes and spans."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import reportedly
from reportedly import ConfigError, hookimpl
from reportedly.extractors.weapons import WeaponExtractor, find_weapons
from reportedly.model import WeaponMention
from tests.strategies import any_text, news_like_text

STEP = WeaponExtractor()


def mentions(text: str, **settings: Any) -> list[WeaponMention]:
    step = WeaponExtractor(**settings) if settings else STEP
    found = step.find(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def one(text: str, **settings: Any) -> WeaponMention:
    found = mentions(text, **settings)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


def texts(text: str, **settings: Any) -> list[str]:
    return [m.text for m in mentions(text, **settings)]


# --------------------------------------------------------------------------- the issue's examples

ISSUE_EXAMPLES = [
    # sentence, mention text, term, class, category
    (
        "The leader ordered more multiple rocket launchers for the army.",
        "multiple rocket launchers", "multiple rocket launcher", "weapon",
        ("weapon", "artillery", "rocket artillery"),
    ),
    (
        "Photos showed large rocket launcher vehicles lined up in a hangar.",
        "large rocket launcher vehicles", "rocket launcher vehicle", "platform",
        ("platform", "armoured vehicle", "launcher vehicle"),
    ),
    (
        "He inspected a nuclear powered submarine under construction.",
        "nuclear powered submarine", "nuclear-powered submarine", "platform",
        ("platform", "naval vessel", "submarine"),
    ),
    (
        "State television showed upgraded cruise missiles on Monday.",
        "upgraded cruise missiles", "cruise missile", "weapon",
        ("weapon", "missile", "cruise missile"),
    ),
    (
        "The unit tested artillery rocket systems near the coast.",
        "artillery rocket systems", "rocket artillery", "weapon",
        ("weapon", "artillery", "rocket artillery"),
    ),
    (
        "The plan stresses long range artillery and air power.",
        "long range artillery", "artillery", "weapon", ("weapon", "artillery"),
    ),
    (
        "Pyongyang launched the Hwasong-18 ICBM before dawn.",
        "Hwasong-18 ICBM", "intercontinental ballistic missile", "weapon",
        ("weapon", "missile", "ballistic missile"),
    ),
    (
        "Two F-16 Fighting Falcons landed at the base.",
        "F-16 Fighting Falcons", "fighter aircraft", "platform", ("platform", "aircraft"),
    ),
    (
        "The navy sent HMS Daring to the gulf.",
        "HMS Daring", "destroyer", "platform", ("platform", "naval vessel"),
    ),
    (
        "A checkpoint was hit by a VBIED on Sunday.",
        "VBIED", "vehicle-borne improvised explosive device", "weapon",
        ("weapon", "munition", "improvised explosive device"),
    ),
    (
        "Russia launched Shahed-136 drones at the city overnight.",
        "Shahed-136 drones", "loitering munition", "weapon",
        ("weapon", "munition", "loitering munition"),
    ),
    (
        "Moscow moved S-400 batteries to the border.",
        "S-400 batteries", "surface-to-air missile system", "weapon",
        ("weapon", "air defence"),
    ),
    (
        "Kyiv asked for more HIMARS this spring.",
        "HIMARS", "multiple rocket launcher", "weapon",
        ("weapon", "artillery", "rocket artillery"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "span", "term", "weapon_class", "category"), ISSUE_EXAMPLES)
def test_issue_examples(
    sentence: str, span: str, term: str, weapon_class: str, category: tuple[str, ...]
) -> None:
    found = one(sentence)
    assert (found.text, found.term, found.weapon_class, found.category) == (
        span, term, weapon_class, category,
    )  # fmt: skip


def test_designations_and_quantities_of_the_issue_examples() -> None:
    assert one("Two F-16 Fighting Falcons landed.").designation == "F-16"
    assert one("Two F-16 Fighting Falcons landed.").attributes["quantity"] == 2
    assert one("They launched the Hwasong-18 ICBM.").designation == "Hwasong-18"
    assert one("It sent S-400 batteries.").designation == "S-400"
    assert one("The navy sent HMS Daring.").designation == "HMS Daring"
    assert one("Kyiv wants HIMARS.").designation == "HIMARS"


def test_mentions_have_ids_in_text_order() -> None:
    found = mentions("Tanks, then missiles, then drones.")
    assert [m.id for m in found] == ["w1", "w2", "w3"]
    assert [m.term for m in found] == ["tank", "missile", "unmanned aerial vehicle"]


# --------------------------------------------------------------------------- attributes


@pytest.mark.parametrize(
    ("sentence", "span", "attributes"),
    [
        ("It unveiled a nuclear-powered submarine.", "nuclear-powered submarine", {"nuclear_powered": True}),
        ("It is building a nuclear submarine.", "nuclear submarine", {"nuclear_powered": True}),
        ("It tested nuclear-capable cruise missiles.", "nuclear-capable cruise missiles", {"nuclear_capable": True}),
        ("It fielded nuclear-armed drones.", "nuclear-armed drones", {"nuclear_armed": True}),
        ("They fear nuclear torpedoes.", "nuclear torpedoes", {"nuclear_armed": True}),
        ("They fired short-range missiles.", "short-range missiles", {"range": "short"}),
        ("The army wants intermediate-range rockets.", "intermediate-range rockets", {"range": "intermediate"}),
        ("It fired a 300-km-range missile.", "300-km-range missile", {"range": {"value": 300, "unit": "km"}}),
        ("They fired a missile with a range of up to 1,500 km.", "missile", {"range": {"value": 1500, "unit": "km"}}),
        ("They showed off upgraded tanks.", "upgraded tanks", {"upgraded": True}),
        ("It tested a new-type cruise missile.", "new-type cruise missile", {"new": True}),
        ("Rebels used Russian-made rifles.", "Russian-made rifles", {"origin": "Russia"}),
        ("They saw North Korean artillery shells.", "North Korean artillery shells", {"origin": "North Korea"}),
        ("U.S.-made howitzers arrived.", "U.S.-made howitzers", {"origin": "United States"}),
        ("Saudi-led coalition jets struck the port.", "Saudi-led coalition jets", {"operator": "Saudi Arabia"}),
    ],
)  # fmt: skip
def test_modifiers_become_attributes(sentence: str, span: str, attributes: dict[str, Any]) -> None:
    found = one(sentence)
    assert found.text == span
    assert found.attributes == attributes


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("The army bought two tanks.", 2),
        ("It fired 34 rockets.", 34),
        ("It fired 1,200 rockets.", 1200),
        ("Officials counted twenty-five drones.", 25),
        ("Dozens of missiles hit the city.", "dozens"),
        ("A battery of howitzers opened fire.", "a battery"),
        ("The navy deployed two more destroyers.", 2),
        ("Hundreds of drones were launched.", "hundreds"),
        ("A single missile hit the ship.", 1),
    ],
)
def test_quantities_are_attributes_not_part_of_the_span(sentence: str, quantity: object) -> None:
    found = one(sentence)
    assert found.attributes["quantity"] == quantity
    assert not found.text[0].isdigit()
    assert found.text.split()[0].lower() not in {"two", "a", "dozens", "hundreds", "twenty"}


@pytest.mark.parametrize(
    "sentence",
    [
        "He saw the submarine.",
        "He saw a submarine.",
        "He saw these submarines.",
        "He saw its submarine.",
    ],
)
def test_determiners_stay_out_of_the_span(sentence: str) -> None:
    assert one(sentence).text.lower().startswith("submarine")


# --------------------------------------------------------------------------- generic words and traps


def test_generic_words_are_reported_with_a_generic_term() -> None:
    found = one("The factory makes the weapons system for the army.")
    assert (found.text, found.term, found.attributes) == (
        "weapons system",
        "weapon",
        {"generic": True},
    )
    assert one("It sells arms to both sides.").attributes == {"generic": True}
    assert one("They smuggled weapons across the border.").term == "weapon"


def test_generic_words_can_be_turned_off() -> None:
    assert texts("They smuggled weapons and tanks.", generic=False) == ["tanks"]


def test_weapon_words_used_as_modifiers_still_count() -> None:
    assert texts("The arms control talks resumed.") == ["arms"]
    assert texts("He visited a missile test oversight team.") == ["missile"]
    assert one("Nuclear arms are the topic.").term == "nuclear weapon"


@pytest.mark.parametrize(
    "sentence",
    [
        "A rocket scientist explained the plan.",
        "Food prices rocketed in March.",
        "Shares rocket to a record high.",
        "She held the baby in her arms.",
        "He opened his arms wide.",
        "A think tank in Washington published the report.",
        "The coal mine closed last year.",
        "That decision is mine, she said.",
        "The fuel tank was empty.",
        "Investors said Shell reported higher profits.",
        "The agency warned of a bomb threat at the school.",
        "He wore a bomber jacket.",
        "The suicide bomber was identified by police.",
        "Passenger jets were diverted.",
        "A delivery drone dropped the parcel.",
        "It was a smoking gun for investigators.",
        "Bricks and mortar shops are closing.",
        "He dodged a bullet when the deal collapsed.",
        "The band played at the Arsenal stadium.",
        "Fighters from the group attacked the village.",
        "The police received counter-IED training.",
        "Rebels were up in arms about the decision.",
        "ISIL fighters held the town.",
    ],
)
def test_everyday_words_are_not_weapons(sentence: str) -> None:
    assert mentions(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "COVID-19 spread quickly.",
        "The G-7 met in Japan.",
        "It kept an A-1 rating.",
        "They drove Route 66.",
        "PM2.5 levels rose.",
        "The airline flies Boeing 737 jets.",
        "Windows 11 was released.",
        "She needs an H-1B visa.",
    ],
)
def test_designation_lookalikes_are_not_weapons(sentence: str) -> None:
    assert mentions(sentence) == []


def test_acronyms_keep_their_case() -> None:
    assert texts("Sam said the SAM missed.") == ["SAM"]
    assert one("Militants planted IEDs on the road.").text == "IEDs"


def test_attack_nouns_only_on_request() -> None:
    sentence = "Coalition forces conducted 34 strikes near the city."
    assert mentions(sentence) == []
    found = one(sentence, attack_nouns=True)
    assert (found.text, found.term, found.attributes) == (
        "strikes", "strike", {"quantity": 34, "attack": True},
    )  # fmt: skip
    assert mentions("Teachers went on strike.", attack_nouns=True) == []


# --------------------------------------------------------------------------- designations, ships


def test_designation_variants_and_plurals() -> None:
    assert one("The F-35A arrived.").designation == "F-35A"
    assert one("Two F-16s landed.").designation == "F-16"
    assert one("Two F-16s landed.").attributes == {"quantity": 2}
    assert one("A Su-30MKI crashed.").term == "fighter aircraft"
    assert one("The Mig-29 took off.").designation == "Mig-29"


def test_family_and_pattern_designations() -> None:
    found = one("North Korea fired a Hwasong-21 missile.")
    assert (found.designation, found.term) == ("Hwasong-21", "missile")
    found = one("It fired a KN-99 ballistic missile.")
    assert (found.text, found.designation, found.term) == (
        "KN-99 ballistic missile", "KN-99", "ballistic missile",
    )  # fmt: skip
    found = one("China is building a Type 099 destroyer.")
    assert (found.designation, found.term) == ("Type 099", "destroyer")
    assert mentions("The XY-7 summit was held.") == []


def test_strict_names_need_a_weapon_word() -> None:
    assert one("Patriot batteries fired.").term == "surface-to-air missile system"
    assert one("They fired Javelin missiles.").designation == "Javelin"
    assert mentions("The Patriot Act was renewed.") == []
    assert mentions("A tornado hit the town.") == []


def test_ship_names_hull_numbers_and_later_mentions() -> None:
    text = (
        "The French frigate FS Forbin joined USS Hopper (DDG 70) and HMS Daring (D 32). "
        "Forbin will stay until May."
    )
    found = mentions(text)
    assert [(m.text, m.term, m.designation) for m in found] == [
        ("French frigate FS Forbin", "frigate", "FS Forbin"),
        ("USS Hopper", "destroyer", "USS Hopper"),
        ("DDG 70", "destroyer", "DDG 70"),
        ("HMS Daring", "destroyer", "HMS Daring"),
        ("D 32", "destroyer", "D 32"),
        ("Forbin", "frigate", "FS Forbin"),
    ]
    assert one("The carrier USS Gerald R. Ford sailed.").designation == "USS Gerald R. Ford"
    assert one("USS Nowhere sailed.").term == "warship"


def test_class_names_before_a_ship_word() -> None:
    found = one("Two Kirov-class cruisers sailed.")
    assert (found.text, found.designation, found.term) == (
        "Kirov-class cruisers", "Kirov-class", "cruiser",
    )  # fmt: skip


def test_coordinated_aircraft_roles_are_one_mention() -> None:
    found = one("Forces used attack, bomber, fighter and remotely piloted aircraft.")
    assert found.text == "attack, bomber, fighter and remotely piloted aircraft"
    assert found.term == "military aircraft"
    assert found.attributes["roles"] == ["attack", "bomber", "fighter", "remotely piloted aircraft"]


# --------------------------------------------------------------------------- plugins, settings


def _zorbulator_plugin() -> types.ModuleType:
    module = types.ModuleType("zorbulator_plugin")

    @hookimpl
    def reportedly_weapon_terms() -> list[dict[str, Any]]:
        return [
            {
                "term": "zorbulator",
                "class": "weapon",
                "category": ["weapon", "artillery"],
                "aliases": ["zorb gun"],
                "designations": ["ZB-9"],
            }
        ]

    module.reportedly_weapon_terms = reportedly_weapon_terms  # type: ignore[attr-defined]
    return module


def test_plugin_terms_are_merged() -> None:
    nlp = reportedly.Pipeline(["weapons"], plugins=[_zorbulator_plugin()])
    (found,) = nlp("Satellite images show two ZB-9 zorbulators near the border.").weapons
    assert (found.text, found.term, found.designation, found.attributes) == (
        "ZB-9 zorbulators", "zorbulator", "ZB-9", {"quantity": 2},
    )  # fmt: skip
    assert found.category == ("weapon", "artillery")
    (alias,) = nlp("A zorb gun fired.").weapons
    assert alias.term == "zorbulator"


def test_plugin_term_overrides_a_builtin_one() -> None:
    module = types.ModuleType("tank_plugin")

    @hookimpl
    def reportedly_weapon_terms() -> list[dict[str, Any]]:
        return [{"term": "tank", "class": "platform", "category": ["platform", "tracked"]}]

    module.reportedly_weapon_terms = reportedly_weapon_terms  # type: ignore[attr-defined]
    nlp = reportedly.Pipeline(["weapons"], plugins=[module])
    (found,) = nlp("A tank rolled in.").weapons
    assert found.category == ("platform", "tracked")


def test_malformed_plugin_terms_fail_the_build() -> None:
    module = types.ModuleType("bad_terms")

    @hookimpl
    def reportedly_weapon_terms() -> list[dict[str, Any]]:
        return [{"term": "zorbulator", "class": "weapon", "category": ["platform"]}]

    module.reportedly_weapon_terms = reportedly_weapon_terms  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match="reportedly_weapon_terms.*zorbulator.*start with"):
        reportedly.Pipeline(["weapons"], plugins=[module])


def test_extra_terms_file(tmp_path: Path) -> None:
    path = tmp_path / "terms.toml"
    path.write_text(
        '[[terms]]\nterm = "sky lance"\nclass = "weapon"\n'
        'category = ["weapon", "missile"]\ndesignations = ["SL-4"]\n',
        encoding="utf-8",
    )
    nlp = reportedly.Pipeline(
        ["weapons"], config={"weapons": {"extra_terms": str(path)}}, plugins=False
    )
    found = nlp("They fired three SL-4 sky lances.").weapons
    assert [(m.text, m.term, m.designation) for m in found] == [
        ("SL-4 sky lances", "sky lance", "SL-4")
    ]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"generic": "yes"}, "generic must be true or false"),
        ({"attack_nouns": 1}, "attack_nouns must be true or false"),
        ({"extra_terms": 3}, "extra_terms must be the path"),
        ({"extra_terms": "/nonexistent/terms.toml"}, "does not exist"),
        ({"colour": "red"}, "does not take colour"),
    ],
)
def test_bad_settings_are_config_errors(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        reportedly.Pipeline(["weapons"], config={"weapons": settings}, plugins=False)


def test_bad_extra_terms_file(tmp_path: Path) -> None:
    path = tmp_path / "terms.toml"
    path.write_text('[[terms]]\nterm = "x"\nclass = "gun"\ncategory = ["gun"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'class' must be one of"):
        WeaponExtractor(extra_terms=str(path))
    path.write_text("terms = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"array of tables \[\[terms\]\]"):
        WeaponExtractor(extra_terms=path)


# --------------------------------------------------------------------------- pipeline, invariants


def test_boilerplate_lines_are_skipped() -> None:
    text = "The army bought tanks.\nRead Also: Missiles Fly Over The Sea\nThe navy bought frigates."
    analysis = reportedly.Pipeline(["weapons"], plugins=False)(reportedly.Article(text))
    assert [w.text for w in analysis.weapons] == ["tanks", "frigates"]


def test_json_round_trip() -> None:
    nlp = reportedly.Pipeline(["weapons"], plugins=False)
    analysis = nlp(reportedly.Article("Two new Hwasong-18 ICBMs and 300 drones were shown."))
    data = analysis.to_dict()
    assert data["weapons"][0]["class"] == "weapon"
    assert data["weapons"][0]["category"] == ["weapon", "missile", "ballistic missile"]
    assert reportedly.Analysis.from_dict(data).to_dict() == data


def test_find_weapons_helper() -> None:
    assert [m.term for m in find_weapons("Tanks and weapons.", generic=False)] == ["tank"]


@given(any_text)
def test_offsets_hold_on_any_text(text: str) -> None:
    for m in STEP.find(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.weapon_class in ("weapon", "platform")
        assert m.category[0] == m.weapon_class


@given(news_like_text)
def test_step_never_raises_on_news_like_text(text: str) -> None:
    analysis = STEP(reportedly.Analysis(reportedly.Article(text)))
    previous_end = -1
    for m in analysis.weapons:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end


# --------------------------------------------------------------------------- the seed article


def test_seed_article(seed_article: reportedly.Article) -> None:
    nlp = reportedly.Pipeline(["weapons"], plugins=False)
    found = {w.text: w for w in nlp(seed_article).weapons}
    expected = {
        "multiple rocket launchers": ("multiple rocket launcher", "weapon"),
        "weapons system": ("weapon", "weapon"),
        "long range artillery": ("artillery", "weapon"),
        "large rocket launcher vehicles": ("rocket launcher vehicle", "platform"),
        "nuclear powered submarine": ("nuclear-powered submarine", "platform"),
        "upgraded cruise missiles": ("cruise missile", "weapon"),
        "new artillery rocket systems": ("rocket artillery", "weapon"),
    }
    for text, (term, weapon_class) in expected.items():
        assert text in found, sorted(found)
        assert (found[text].term, found[text].weapon_class) == (term, weapon_class)
    assert found["nuclear powered submarine"].attributes["nuclear_powered"] is True
    assert found["long range artillery"].attributes["range"] == "long"
    assert found["missile"].term == "missile"
    assert found["nuclear arms"].term == "nuclear weapon"
    assert "Read Also" not in " ".join(found)


def test_a_plural_ship_word_types_the_ships_listed_after_it() -> None:
    found = mentions("Missiles came from the destroyers USS Porter and USS Nowhere.")
    assert [(m.text, m.term) for m in found] == [
        ("Missiles", "missile"),
        ("destroyers", "destroyer"),
        ("USS Porter", "destroyer"),
        ("USS Nowhere", "destroyer"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The company was rated single-B-1 by the agency.",
        "Patients wait in Room B-52 on the second floor.",
        "A bomb blast shook the square.",  # a bomb, not an A-bomb
        "INS Commissioner Doris Meissner announced the decision.",
        "Adviser Uzi Arad met the delegation.",
        "The airline will refurbish three aircraft next year.",
        "A Corvette won the classic car show, and the jet landed safely.",
        "Investigators found the bombers had rented a flat.",
    ],
)
def test_context_keeps_lookalikes_out(sentence: str) -> None:
    found = mentions(sentence)
    assert [m.term for m in found] in ([], ["bomb"]), [m.text for m in found]
    assert all(m.term != "nuclear weapon" for m in found)


def test_aircraft_are_kept_in_a_military_story() -> None:
    assert one("Coalition aircraft struck the bridge.").term == "military aircraft"
    assert one("Troops said helicopters flew over the town.").term == "helicopter"


def test_offsets_when_lower_casing_changes_the_length() -> None:
    text = "İİ İstanbul saw two F-16s and Ⅻ drones; İ tanks."
    found = mentions(text)
    assert [m.text for m in found] == ["F-16s", "drones", "tanks"]
    assert found[0].attributes == {"quantity": 2}


# --------------------------------------------------------------------------- conflict news
# Sentences in the style of Syria/Iraq war reporting and coalition strike releases, written
# for these tests: (sentence, [(mention text, term), ...]) for every mention expected.

CONFLICT_NEWS = [
    (
        "Witnesses said regime helicopters dropped chlorine-filled barrel bombs on the suburb.",
        [("regime helicopters", "helicopter"), ("chlorine-filled barrel bombs", "chemical weapon")],
    ),
    (
        "Medics said the patients showed signs of exposure to chlorine after the shelling.",
        [("chlorine", "chemical weapon")],
    ),
    (
        "Doctors blamed poisonous gas fired by the militants for the deaths.",
        [("poisonous gas", "chemical weapon")],
    ),
    (
        "Rebels fired hell cannons and elephant rockets at the government-held district.",
        [("hell cannons", "improvised artillery"),
         ("elephant rockets", "improvised rocket-assisted munition")],
    ),
    (
        "The jihadists sent explosives-packed cars and a suicide truck at the advancing troops.",
        [("explosives-packed cars", "vehicle-borne improvised explosive device"),
         ("suicide truck", "vehicle-borne improvised explosive device")],
    ),
    (
        "Militants in technicals overran the army checkpoint.",
        [("technicals", "gun truck")],
    ),
    (
        "Russian planes bombed a market in the rebel-held town, activists said.",
        [("Russian planes", "military aircraft")],
    ),
    (
        "IS fighters used drone-dropped grenades and weaponised drones against the troops.",
        [("drone-dropped grenades", "grenade"), ("weaponised drones", "combat drone")],
    ),
    (
        "Near Mosul, four strikes destroyed an ISIL rocket rail and an ISIL anti-aircraft "
        "artillery piece.",
        [("rocket rail", "rocket launcher"), ("anti-aircraft artillery piece", "anti-aircraft gun")],
    ),
    (
        "Soldiers found TNT, dynamite and several ammunitions in the tunnel.",
        [("TNT", "explosive device"), ("dynamite", "explosive device"), ("ammunitions", "munition")],
    ),
    (
        "The Houthis fired a Scud-type missile and a Qaher-II rocket at the city.",
        [("Scud-type missile", "short-range ballistic missile"),
         ("Qaher-II rocket", "short-range ballistic missile")],
    ),
    (
        "Russian jets dropped OFAB-250 bombs and RBK-500 cluster bombs on the villages.",
        [("Russian jets", "military aircraft"), ("OFAB-250 bombs", "bomb"),
         ("RBK-500 cluster bombs", "cluster munition")],
    ),
    (
        "A US Navy F/A-18 Super Hornet shot down a Syrian Su-22 near the town.",
        [("US Navy F/A-18 Super Hornet", "fighter aircraft"), ("Syrian Su-22", "attack aircraft")],
    ),
    (
        "The air force used Russian-made Sukhoi Su-25 ground-attack jets.",
        [("Russian-made Sukhoi Su-25 ground-attack jets", "attack aircraft")],
    ),
    (
        "The rebels have SPG-9 recoilless rifles and BRDM-2 scout cars.",
        [("SPG-9 recoilless rifles", "recoilless rifle"), ("BRDM-2 scout cars", "armoured vehicle")],
    ),
    (
        "The Mi-24 Hind gunships and Su-24 Fencers flew low over the town.",
        [("Mi-24 Hind gunships", "attack helicopter"), ("Su-24 Fencers", "attack aircraft")],
    ),
    (
        "Government forces shelled the town with mortars and tanks.",
        [("mortars", "mortar"), ("tanks", "tank")],
    ),
    (
        "Fighters captured BMP infantry fighting vehicles and Humvees.",
        [("BMP infantry fighting vehicles", "infantry fighting vehicle"),
         ("Humvees", "armoured vehicle")],
    ),
    (
        "Turkey shot down the Russian plane, saying it had violated its airspace.",
        [("Russian plane", "military aircraft")],
    ),
    (
        "Rebels said the shells contained poisonous gas and chlorine munitions hit the town.",
        [("shells", "artillery shell"), ("poisonous gas", "chemical weapon"),
         ("chlorine munitions", "chemical weapon")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CONFLICT_NEWS)
def test_conflict_news(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.term) for m in mentions(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "span", "designation", "quantity"),
    [
        ("The US fired 59 Tomahawks at the air base.", "Tomahawks", "Tomahawk", 59),
        ("Six Tornados flew over the city.", "Tornados", "Tornado GR4", 6),
        ("Two RAF Typhoons struck an oil field.", "RAF Typhoons", "Eurofighter Typhoon", 2),
        ("Dozens of Reapers patrol the skies.", "Reapers", "MQ-9", "dozens"),
        ("Gunmen armed with Kalashnikovs stormed the hotel.", "Kalashnikovs", "AK-47", None),
        ("The navy launched Tomahawks overnight.", "Tomahawks", "Tomahawk", None),
        ("An RAF Reaper destroyed the truck.", "RAF Reaper", "Reaper", None),
        ("A US Navy Super Hornet shot it down.", "US Navy Super Hornet", "Super Hornet", None),
    ],
)
def test_strict_names_in_military_context(
    sentence: str, span: str, designation: str, quantity: object
) -> None:
    found = one(sentence)
    assert (found.text, found.designation) == (span, designation)
    assert found.attributes.get("quantity") == quantity


def test_strict_names_in_a_list_with_another_weapon() -> None:
    found = mentions("Two Tornados and a Reaper attacked the convoy.")
    assert [(m.text, m.term) for m in found] == [
        ("Tornados", "attack aircraft"),
        ("Reaper", "combat drone"),
    ]
    found = mentions("Chinook and Black Hawk helicopters carried the troops.")
    assert [m.designation for m in found] == ["Chinook", "Black Hawk"]
    found = mentions("Kurdish fighters used Javelin and TOW missiles.")
    assert [m.designation for m in found] == ["Javelin", "TOW"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Patriots beat the Jets on Sunday.",
        "Two Patriots Players Arrested After Brawl.",
        "Six Tornadoes Hit Kansas.",
        "Three tornadoes hit the state overnight.",
        "He fired Javelin throws of 80 metres at the trials.",
        "The Hornets won the game in overtime.",
        "The company said the Reaper software would be updated.",
        "Chlorine levels in the water were normal, the council said.",
        "A plane carrying tourists landed in Antalya.",
        "The plane crash killed all passengers.",
        "Brick and mortar shops are closing across the country.",
        "Residents fled after poisonous gas leaked from a factory.",
        "Analysts watch the technicals of the market closely.",
        "Soldiers wore body armour and helmets.",
        "Firefighters aimed jets of water at the flames.",
        "A plane carrying aid landed in the capital.",
    ],
)
def test_conflict_lookalikes_are_not_weapons(sentence: str) -> None:
    assert mentions(sentence) == [], [m.text for m in mentions(sentence)]


def test_chlorine_needs_military_context() -> None:
    assert mentions("Swimming pools use chlorine to kill germs.") == []
    assert one("Rebels said the regime used chlorine in the attack.").term == "chemical weapon"
