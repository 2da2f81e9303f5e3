"""The ``sources`` step: named and unnamed sources, grouping, descriptions, pronouns, settings."""

from __future__ import annotations

import re
import types
import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import reportedly
from reportedly.extractors.sources import Sources
from reportedly.extractors.sources.lexicon import ASCII_SAFE_EXTRAS, ascii_tokens_unsafe
from reportedly.model import Analysis, Article, Source
from tests.strategies import any_text, news_like_text

STEP = Sources()


def run(text: str, **settings: object) -> tuple[Source, ...]:
    step = Sources(**settings) if settings else STEP  # type: ignore[arg-type]
    return step(Analysis(Article(text))).sources


def by_name(sources: tuple[Source, ...], name: str) -> Source:
    found = [s for s in sources if s.name == name]
    assert len(found) == 1, [(s.name, s.kind) for s in sources]
    return found[0]


def texts(source: Source) -> list[str]:
    return [m.text for m in source.mentions]


# --------------------------------------------------------------------------- people


def test_full_name_surname_and_possessive_are_one_person() -> None:
    text = (
        "Philippine President Ramon Dalisay ordered a review of the port deal on Friday. "
        "Dalisay's office said the review would take a month, and Dalisay told reporters he "
        "expected no delay."
    )
    dalisay = by_name(run(text), "Ramon Dalisay")
    assert dalisay.kind == "person"
    assert dalisay.description == "Philippine President"
    assert texts(dalisay)[:3] == ["Ramon Dalisay", "Dalisay", "Dalisay"]
    assert "he" in texts(dalisay)  # "he expected": subject pronoun resolved


def test_korean_name_with_apposition_gives_the_description() -> None:
    text = (
        "Lee Min ho, a defense analyst at the Asan Institute in Seoul, said the launch was a "
        "warning. \u201cThey want attention,\u201d Lee said."
    )
    sources = run(text)
    lee = by_name(sources, "Lee Min ho")
    assert lee.description == "a defense analyst at the Asan Institute in Seoul"
    assert texts(lee) == ["Lee Min ho", "Lee"]
    # names inside the description are not sources of their own
    assert all(s.name not in {"Asan Institute", "Seoul"} for s in sources)


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Defense Secretary Mara Quill said the drills would go on.",
            "Mara Quill",
            "Defense Secretary",
        ),
        ("Gen. Oskar Brandt told lawmakers the brigade was ready.", "Oskar Brandt", "Gen."),
        (
            "Secretary of State Anna Ferris warned of new sanctions.",
            "Anna Ferris",
            "Secretary of State",
        ),
        ("Chinese leader Xi Jinping said talks were possible.", "Xi Jinping", "Chinese leader"),
        (
            "Abu Bakr al-Tamimi, a commander of the group, denied the report.",
            "Abu Bakr al-Tamimi",
            "a commander of the group",
        ),
    ],
)
def test_titles_and_appositions(text: str, name: str, description: str) -> None:
    source = by_name(run(text), name)
    assert source.kind == "person"
    assert source.description == description


def test_a_given_name_that_is_also_a_month_starts_a_name() -> None:
    text = (
        "The talks ended on Jan. 9. Polish Foreign Minister Jan Zabrowski said he was "
        "satisfied, and Zabrowski told reporters a deal was near."
    )
    jan = by_name(run(text), "Jan Zabrowski")
    assert jan.kind == "person" and jan.description == "Polish Foreign Minister"
    assert texts(jan) == ["Jan Zabrowski", "he", "Zabrowski"]


def test_honorific_is_not_a_description_and_gives_gender() -> None:
    text = (
        "Ms. Okafor has run the clinic since 2019. Officials praised the clinic. "
        "\u201cThe clinic is full every day,\u201d she said."
    )
    okafor = by_name(run(text), "Okafor")
    assert okafor.description is None
    assert texts(okafor) == ["Okafor", "she"]


def test_a_surname_seen_before_the_full_name_joins_it() -> None:
    text = "Harlan: No deal yet.\n\nSenator Ruth Harlan said on Monday that the talks had stalled."
    harlan = by_name(run(text), "Ruth Harlan")
    assert texts(harlan) == ["Harlan", "Ruth Harlan"]


# --------------------------------------------------------------------------- organizations


def test_acronym_by_initials_is_the_same_organization() -> None:
    text = (
        "The Baltic Maritime Information Center said two tankers had switched off their "
        "transponders. BMIC said it would publish the tracks."
    )
    center = by_name(run(text), "Baltic Maritime Information Center")
    assert center.kind == "organization"
    assert texts(center) == ["The Baltic Maritime Information Center", "BMIC", "it"]


def test_media_from_the_lexicon_and_common_phrases() -> None:
    text = (
        "Yonhap reported the launch first. State media later showed the missile, and state "
        "media said the test was a success. According to the Korean Central News Agency, the "
        "leader watched. KCNA said he was pleased."
    )
    sources = run(text)
    assert by_name(sources, "Yonhap").kind == "media"
    state = by_name(sources, "state media")
    assert state.kind == "media" and len(state.mentions) == 2
    kcna = by_name(sources, "Korean Central News Agency")
    assert texts(kcna) == ["the Korean Central News Agency", "KCNA"]


def test_country_names_before_a_noun_are_modifiers() -> None:
    text = (
        "U.S. officials said the talks would resume. Yonhap news agency reported the move. "
        "Washington said it welcomed the offer."
    )
    sources = run(text)
    assert texts(by_name(sources, "U.S. officials")) == ["U.S. officials"]
    assert texts(by_name(sources, "Yonhap")) == ["Yonhap news agency"]
    assert by_name(sources, "Washington").kind == "government"
    assert all(s.name not in {"U.S.", "United States"} for s in sources)


def test_definite_description_refers_back_to_the_organization() -> None:
    text = (
        "South Korea's Ministry of National Defense said the drills would expand. "
        "The ministry added that allies had been told."
    )
    ministry = by_name(run(text), "Ministry of National Defense")
    assert texts(ministry) == ["Ministry of National Defense", "The ministry"]


def test_capitals_and_buildings_stand_for_governments_but_not_places() -> None:
    text = (
        "Pyongyang denied the claim. The White House said it was watching closely. "
        "The talks were held in Geneva and the delegates flew on to Tokyo."
    )
    sources = run(text)
    assert by_name(sources, "Pyongyang").kind == "government"
    assert by_name(sources, "White House").kind == "government"
    assert all(s.name not in {"Japan", "Geneva", "Tokyo"} for s in sources)


def test_a_capital_and_its_country_are_one_government() -> None:
    text = "North Korea fired two missiles. Pyongyang said the test was routine."
    korea = by_name(run(text), "North Korea")
    assert texts(korea) == ["North Korea", "Pyongyang"]


# --------------------------------------------------------------------------- unnamed sources


def test_groups_in_a_source_role_are_one_source_per_noun() -> None:
    text = (
        "Analysts expect the rate to fall. Diplomats familiar with the talks said a deal was "
        "close. The outlook is uncertain, according to analysts."
    )
    sources = run(text)
    analysts = by_name(sources, "Analysts")
    assert analysts.kind == "group" and len(analysts.mentions) == 2
    diplomats = by_name(sources, "Diplomats")
    assert diplomats.description == "Diplomats familiar with the talks"


def test_anonymous_sources_are_kept_apart_and_the_source_refers_back() -> None:
    text = (
        "A senior official said the plan was ready. Another source said it was not. "
        "The source added that funding was missing."
    )
    anonymous = [s for s in run(text) if s.kind == "anonymous"]
    assert [texts(s) for s in anonymous] == [
        ["A senior official"],
        ["Another source", "The source"],
    ]


def test_definite_descriptor_joins_the_person_it_describes() -> None:
    text = (
        "Tomas Reyes, a spokesman for the port authority, said the cranes were idle. "
        "The spokesman declined to say when work would resume."
    )
    reyes = by_name(run(text), "Tomas Reyes")
    assert texts(reyes) == ["Tomas Reyes", "The spokesman"]


def test_documents_that_say_things_are_sources() -> None:
    text = "The report said exports fell. A new poll shows support rising."
    kinds = {s.name: s.kind for s in run(text)}
    assert kinds == {"report": "document", "new poll": "document"}


# --------------------------------------------------------------------------- pronouns


def test_pronouns_resolve_by_gender_within_the_window() -> None:
    text = (
        "Maria Lopez met Carlos Vega at the border post.\n\n"
        "\u201cThe post needs more guards,\u201d she said. He disagreed, and he told reporters so."
    )
    sources = run(text)
    assert texts(by_name(sources, "Maria Lopez")) == ["Maria Lopez", "she"]
    assert texts(by_name(sources, "Carlos Vega")) == ["Carlos Vega", "He", "he"]


def test_unresolvable_pronouns_are_skipped() -> None:
    text = "The market opened late.\n\nIt rained.\n\nStocks fell.\n\nHe said nothing more."
    assert all("He" not in texts(s) for s in run(text))
    assert run(text, pronoun_window=0) == run(text)


def test_pronoun_window_limits_how_far_back_a_pronoun_looks() -> None:
    text = "Anna Berg spoke first.\n\nThe hall was full.\n\nThe room was cold.\n\nShe said no."
    near = run(text, pronoun_window=1)
    far = run(text, pronoun_window=3)
    assert texts(by_name(near, "Anna Berg")) == ["Anna Berg"]
    assert texts(by_name(far, "Anna Berg")) == ["Anna Berg", "She"]


def test_first_person_in_a_quotation_is_its_speaker() -> None:
    text = (
        "\u201cI will not resign,\u201d Governor Elena Marsh told reporters. I doubt she will last."
    )
    marsh = by_name(run(text), "Elena Marsh")
    # the "I" of the quotation is Marsh; the writer's "I" outside the marks is nobody's
    assert texts(marsh) == ["I", "Elena Marsh", "she"]


def test_a_name_signing_a_quotation_on_its_line_is_a_person_and_its_we() -> None:
    text = (
        "Readers wrote in.\n\n"
        "\u201cNobody asked us.\u201d\u2015 Jacklyn Ashley\u00a0\n"
        "\u201cWe stay.\u201d - Krystal Correa."
    )
    sources = run(text)
    assert by_name(sources, "Jacklyn Ashley").kind == "person"
    # the "We" of a signed line is its signer, not the signer of the line above
    assert texts(by_name(sources, "Krystal Correa")) == ["We", "Krystal Correa"]


def test_a_dash_after_a_quotation_that_opens_an_aside_signs_nothing() -> None:
    text = (
        "Rosa Ilves was one of the \u201cbasement dwellers\u201d \u2015 a group of engineers "
        "who seldom left the office \u2015 and she liked it."
    )
    assert [s.name for s in run(text)] == ["Rosa Ilves"]


def test_a_subject_beats_a_later_object_and_quoted_people_are_skipped() -> None:
    text = (
        "Rafael Ortega sued Bruno Castillo in March. He is now asking for damages.\n\n"
        "\u201cI told Bruno Castillo to pay,\u201d he said."
    )
    sources = run(text)
    assert texts(by_name(sources, "Rafael Ortega")) == ["Rafael Ortega", "He", "I", "he"]
    assert texts(by_name(sources, "Bruno Castillo")) == ["Bruno Castillo", "Bruno Castillo"]


def test_the_owner_of_a_sentence_subject_is_salient_for_a_later_he() -> None:
    text = (
        "Former mayor Tom Berg praised the plan on Monday. Governor Ivan Lind's bet is that "
        "the new rules will hold. He says that the courts will agree."
    )
    assert texts(by_name(run(text), "Ivan Lind")) == ["Ivan Lind", "He"]


def test_a_subject_or_speaker_beats_the_owner_in_the_same_sentence() -> None:
    text = 'Ivan Lind\'s grasp of policy is worrying, Tom Berg said. "I do not see it," he said.'
    assert texts(by_name(run(text), "Tom Berg")) == ["Tom Berg", "I", "he"]


def test_religions_and_ideologies_are_not_sources() -> None:
    names = [s.name for s in run("Ana Ruiz said Islam is not the enemy and Communism failed.")]
    assert names == ["Ana Ruiz"]


def test_who_links_to_the_mention_before_it() -> None:
    text = "The bill was backed by Senator Lena Ortiz, who said it would pass."
    assert texts(by_name(run(text), "Lena Ortiz")) == ["Lena Ortiz", "who"]


# --------------------------------------------------------------------------- the article as a whole


def test_boilerplate_lines_give_nothing() -> None:
    text = "Read Also: Admiral Jonas Pike Says Fleet Is Ready\nThe weather was calm on Sunday."
    assert run(text) == ()


def test_ids_follow_the_first_mention() -> None:
    text = "Officials said the bridge was safe. Later, Mayor Ines Duarte said it was not."
    sources = run(text)
    assert [s.id for s in sources] == ["s1", "s2"]
    assert sources[0].mentions[0].start < sources[1].mentions[0].start


def test_scope_attributed_keeps_only_sources_in_a_source_role() -> None:
    text = "Ines Duarte visited the plant. Analysts said output would rise."
    assert {s.name for s in run(text)} == {"Ines Duarte", "Analysts"}
    assert {s.name for s in run(text, scope="attributed")} == {"Analysts"}


def test_resolve_pronouns_can_be_turned_off() -> None:
    text = "Ines Duarte visited the plant. She said output would rise."
    assert texts(by_name(run(text, resolve_pronouns=False), "Ines Duarte")) == ["Ines Duarte"]


@pytest.mark.parametrize(
    "settings",
    [
        {"scope": "all"},
        {"resolve_pronouns": "yes"},
        {"pronoun_window": -1},
        {"pronoun_window": 1.5},
    ],
)
def test_bad_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(reportedly.ConfigError, match="sources"):
        Sources(**settings)  # type: ignore[arg-type]


def test_vocabulary_hooks_extend_the_lexicon() -> None:
    plugin = types.ModuleType("zorbo_plugin")

    @reportedly.hookimpl
    def reportedly_source_descriptors() -> list[dict[str, object]]:
        return [
            {"term": "Zorbo Wire", "role": "media", "aliases": ["ZW"]},
            {"term": "quartermaster", "role": "descriptor", "gender": "female"},
        ]

    @reportedly.hookimpl
    def reportedly_speech_verbs() -> list[dict[str, object]]:
        return [{"cue": "grumble", "kind": "verb"}]

    plugin.reportedly_source_descriptors = reportedly_source_descriptors  # type: ignore[attr-defined]
    plugin.reportedly_speech_verbs = reportedly_speech_verbs  # type: ignore[attr-defined]
    nlp = reportedly.Pipeline(["sources"], plugins=[plugin])
    text = "Zorbo Wire reported the fire. ZW grumbled about access. The quartermaster grumbled too."
    sources = nlp(reportedly.Article(text)).sources
    wire = by_name(sources, "Zorbo Wire")
    assert wire.kind == "media" and texts(wire) == ["Zorbo Wire", "ZW"]
    assert any(s.kind == "anonymous" and texts(s) == ["The quartermaster"] for s in sources)


def test_a_malformed_descriptor_entry_is_a_config_error() -> None:
    plugin = types.ModuleType("bad_plugin")

    @reportedly.hookimpl
    def reportedly_source_descriptors() -> list[dict[str, object]]:
        return [{"term": "thing", "role": "wizard"}]

    plugin.reportedly_source_descriptors = reportedly_source_descriptors  # type: ignore[attr-defined]
    with pytest.raises(reportedly.ConfigError, match="wizard"):
        reportedly.Pipeline(["sources"], plugins=[plugin])


# --------------------------------------------------------------------------- not sources


def test_a_wire_dateline_is_not_a_source() -> None:
    text = (
        "HANOI, June 3 (Metro Wire) - Vietnam's coast guard detained a fishing trawler near the "
        "Paracel Islands on Tuesday, the Foreign Ministry said."
    )
    sources = run(text)
    assert all(m.text not in {"HANOI", "Metro Wire"} for s in sources for m in s.mentions)
    assert by_name(sources, "Foreign Ministry").kind == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "A pair of Russian Tu-95 bombers flew along the coast on Sunday, the ministry said.",
        "Two Chinese J-16 jets shadowed the patrol plane, the navy said.",
        "Stoltberg MK-7 said nothing, according to the ministry.",
    ],
)
def test_designations_are_never_part_of_a_name(text: str) -> None:
    sources = run(text)
    names = {s.name for s in sources}
    assert not any(any(ch.isdigit() for ch in name) for name in names), names
    assert all(s.kind != "person" for s in sources if s.name != "Stoltberg")


def test_an_acronym_or_name_before_a_weapon_noun_is_a_weapon() -> None:
    text = (
        "The battalion fired ATACMS rockets at the depot and moved Patriot batteries closer to "
        "the front, while a Type 071 destroyer stood offshore, the general staff said."
    )
    names = {s.name for s in run(text)}
    assert not names & {"ATACMS", "Patriot", "Type"}, names


def test_equipment_after_a_person_noun_is_not_its_verb() -> None:
    text = "The air force scrambled four F-35 fighter jets and two tanker planes on Friday."
    assert all(s.kind != "anonymous" for s in run(text))
    # a person noun followed by a verb is still a source
    assert by_name(run("A fighter said the unit had run out of water."), "fighter").kind == (
        "anonymous"
    )


def test_a_single_word_that_speaks_with_no_person_evidence_is_an_organization() -> None:
    text = "Nordvik said on Monday that third-quarter sales of its heat pumps fell 8 percent."
    assert by_name(run(text), "Nordvik").kind == "organization"
    # "he", a title or a full name elsewhere make it a person
    assert by_name(run("Ostrander said he would not run again."), "Ostrander").kind == "person"
    assert by_name(run("Dr. Ostrander said the trial was over."), "Ostrander").kind == "person"
    text = "Mayor Lena Ostrander spoke first. Ostrander said the budget was tight."
    assert by_name(run(text), "Lena Ostrander").kind == "person"


def test_a_people_in_the_plural_is_a_group() -> None:
    sources = run("At the border crossing, Syrians said they wanted to go home.")
    assert by_name(sources, "Syrians").kind == "group"
    sources = run("In interviews this week, Cuban-Americans said the embargo should stay.")
    assert by_name(sources, "Cuban-Americans").kind == "group"
    sources = run("Outside the palace, Monarchists said the vote was rigged.")
    assert by_name(sources, "Monarchists").kind == "group"


def test_a_company_alone_joins_its_full_name() -> None:
    text = "Brakkel Inc. reported a loss on Thursday. Brakkel said demand would recover."
    brakkel = by_name(run(text), "Brakkel Inc.")
    assert brakkel.kind == "organization" and texts(brakkel) == ["Brakkel Inc.", "Brakkel"]


def test_a_government_seen_as_country_and_capital_keeps_the_country_name() -> None:
    text = "Cuba's navy seized the boat, and Havana said it would protest. The navy said little."
    cuba = [s for s in run(text) if s.kind == "government" and "Havana" in texts(s)]
    assert len(cuba) == 1 and cuba[0].name == "Cuba", [(s.name, texts(s)) for s in run(text)]


# --------------------------------------------------------------------------- properties


@given(any_text)
def test_offsets_are_exact_and_the_step_never_raises(text: str) -> None:
    analysis = STEP(Analysis(Article(text)))
    for number, source in enumerate(analysis.sources, 1):
        assert source.id == f"s{number}"
        assert source.mentions
        for m in source.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text


_TOKEN_PIECES = st.sampled_from(
    ["Gen.", "gen.", "U.S.", "J.", " Smith", "Kim's", "don't", "F-16", "al-Assad", "O'Neil", "3.5",
     "Mr.", "St.", "No. 2", "’s", "’re", "co.", "a", "B", "--", " ", "\n", "(AP)", "said", "."]
)  # fmt: skip
_ASCII_SAFE_TEXT = st.text(
    alphabet=st.sampled_from([chr(c) for c in range(128)] + list(ASCII_SAFE_EXTRAS)), max_size=60
)


def test_the_ascii_safe_extras_are_neither_letters_digits_nor_word_characters() -> None:
    for ch in ASCII_SAFE_EXTRAS:
        assert unicodedata.category(ch)[0] not in "LMN", ch
        assert not re.match(r"[\w\s]", ch) and not regex.match(r"[\w\s]", ch), ch


@given(st.one_of(_ASCII_SAFE_TEXT, st.lists(_TOKEN_PIECES, max_size=30).map("".join)))
def test_the_ascii_tokenizer_agrees_with_the_unicode_one(text: str) -> None:
    lex = STEP.lexicon
    if ascii_tokens_unsafe.search(text) is None:
        assert lex.ascii_splitter.split(text) == lex.token_splitter.split(text)


@given(news_like_text)
def test_no_mention_is_in_two_sources(text: str) -> None:
    spans = [(m.start, m.end) for s in STEP(Analysis(Article(text))).sources for m in s.mentions]
    assert len(spans) == len(set(spans))


# --------------------------------------------------------------------------- the seed article


def test_seed_article(seed_article: reportedly.Article) -> None:
    sources = STEP(Analysis(seed_article)).sources
    kim = by_name(sources, "Kim Jong Un")
    assert kim.kind == "person" and kim.description == "North Korean leader"
    text = seed_article.text
    story_end = text.index("Read Also:")
    story_kims = [i for i in range(len(text)) if text.startswith("Kim", i) and i < story_end]
    after = text.index("\n", story_end)
    story_kims += [i for i in range(after, len(text)) if text.startswith("Kim", i)]
    assert sorted(m.start for m in kim.mentions if m.text.startswith("Kim")) == story_kims
    kcna = by_name(sources, "Korean Central News Agency")
    assert kcna.kind == "media"
    assert {"KCNA", "the Korean Central News Agency"} <= set(texts(kcna))
    park = by_name(sources, "Park Won gon")
    assert park.kind == "person"
    assert park.description == "a North Korea specialist at Ewha Womans University in Seoul"
    assert by_name(sources, "analysts").kind == "group"
    assert by_name(sources, "state media").kind == "media"
    read_also = (story_end, after)
    for source in sources:
        for m in source.mentions:
            assert not (read_also[0] <= m.start < read_also[1])
