"""The ``quotes`` step: layouts of direct quotes, reported speech, speakers, sources, robustness."""

from __future__ import annotations

import pytest
from hypothesis import given

import reportedly
from reportedly.errors import ConfigError
from reportedly.extractors.quotes import CueLexicon, QuoteExtractor, reportedly_extractors
from reportedly.model import Analysis, Article, Mention, Quote, Source
from reportedly.plugins import Vocabulary

from .strategies import any_text, news_like_text

STEP = QuoteExtractor()


def quotes_of(text: str, sources: tuple[Source, ...] = ()) -> tuple[Quote, ...]:
    return STEP(Analysis(Article(text), sources=sources)).quotes


def only(text: str) -> Quote:
    found = quotes_of(text)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def mention(text: str, part: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(part, start, start + len(part))


# --------------------------------------------------------------------------- direct quotes


def test_speaker_before_with_colon() -> None:
    q = only('Defence Minister Lee Jun-ho said: "Our forces are ready for anything."')
    assert q.kind == "direct"
    assert q.text == "Our forces are ready for anything."
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text == "Defence Minister Lee Jun-ho"


def test_speaker_after() -> None:
    q = only("\u201cThe talks went nowhere,\u201d Lee said.")
    assert (q.kind, q.text) == ("direct", "The talks went nowhere,")
    assert q.speaker is not None and q.speaker.text == "Lee"


def test_inverted_speaker() -> None:
    q = only('"We will not be intimidated," said Colonel Ana Ruiz.')
    assert q.speaker is not None and q.speaker.text == "Colonel Ana Ruiz"
    assert q.cue is not None and q.cue.text == "said"


def test_split_quote_is_one_quote_in_two_pieces() -> None:
    text = '"The drills are defensive," the spokeswoman said, "and they will continue."'
    q = only(text)
    assert q.kind == "direct"
    assert q.text.startswith("The drills are defensive,")
    assert q.text.endswith("and they will continue.")
    assert q.speaker is not None and q.speaker.text == "the spokeswoman"


def test_continued_quote_after_attribution() -> None:
    text = '"We saw the launch," Ortiz said. "It flew east for ten minutes."'
    q = only(text)
    assert q.text.endswith("ten minutes.")


def test_quote_across_paragraphs_with_unclosed_mark() -> None:
    text = (
        'The envoy said: "We came here to listen and to be heard.\n\n'
        '"Nobody should doubt that we mean it."\n\nThe meeting ended at noon.'
    )
    q = only(text)
    assert q.kind == "direct"
    assert q.text.startswith("We came here")
    assert q.text.endswith("we mean it.")


def test_two_speakers_stay_apart() -> None:
    found = quotes_of('"It failed," Kato said. "It did not," Mori said.')
    assert [q.speaker.text for q in found if q.speaker] == ["Kato", "Mori"]


def test_quoted_as_saying_relays() -> None:
    text = '"Production must double by spring," the agency quoted the premier as saying.'
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "the premier"
    assert q.cue is not None and "quoted" in q.cue.text and q.cue.text.endswith("as saying")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ('"We are watching closely," the official told reporters.', "told reporters"),
        ('"The border stays shut," the ministry said in a statement.', "said in a statement"),
        ('"Nothing has changed," Mira Patel wrote on X.', "wrote on X"),
        ('"And we will stay," she added.', "added"),
    ],
)
def test_cue_phrases(sentence: str, cue: str) -> None:
    q = only(sentence)
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == cue


def test_nested_single_quotes_stay_in_the_content() -> None:
    q = only("\u201cHe told me \u2018never again\u2019 and walked out,\u201d Park said.")
    assert "\u2018never again\u2019" in q.text


def test_mixed_quote() -> None:
    q = only('The senator said the plan was "dead on arrival" in its current form.')
    assert q.kind == "mixed"
    assert q.text == 'the plan was "dead on arrival" in its current form'


def test_clause_before_a_colon_introduces_the_quotation() -> None:
    q = only('The governor then turned to the crowd: "We will rebuild every house."')
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == "The governor"
    assert q.cue is not None and q.cue.text.endswith(":")


def test_any_verb_right_after_a_quotation_attributes_it() -> None:
    q = only("\u201cThat is the best news all year!\u201d Okafor beamed.")
    assert q.speaker is not None and q.speaker.text == "Okafor"
    assert q.cue is not None and q.cue.text == "beamed"


def test_quote_paragraph_after_an_attributed_one_goes_on_with_it() -> None:
    text = '"We are ready," Ito said.\n\n"And we will stay ready for as long as it takes."'
    q = only(text)
    assert q.text.endswith("as long as it takes.")


def test_quotation_introduced_after_a_full_stop_is_not_continued() -> None:
    found = quotes_of('"We won." He adds, "But the work starts now."')
    assert [q.text for q in found] == ["But the work starts now."]
    assert found[0].speaker is not None and found[0].speaker.text == "He"


def test_scare_quote_object_is_part_of_a_reported_clause() -> None:
    q = only('Critics called the plan "a giveaway to donors" at the hearing.')
    assert q.kind == "mixed"
    assert q.cue is not None and q.cue.text == "called"


def test_unattributed_quotation_is_not_a_quote() -> None:
    assert quotes_of('The ship is called "Sea Dragon" by its crew.') == ()


# --------------------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The mayor said that the bridge would reopen in May.", "The mayor",
         "that the bridge would reopen in May"),
        ("The mayor said the bridge would reopen in May.", "The mayor",
         "the bridge would reopen in May"),
        ("The bridge will reopen in May, the mayor said.", "the mayor",
         "The bridge will reopen in May"),
        ("According to engineers, the bridge will reopen in May.", "engineers",
         "the bridge will reopen in May"),
        ("The bridge will reopen in May, according to city engineers.", "city engineers",
         "The bridge will reopen in May"),
        ("The general stressed the need for more patrols.", "The general",
         "the need for more patrols"),
        ("Officials warned that the storm could cut power.", "Officials",
         "that the storm could cut power"),
        ("She told lawmakers the budget was balanced.", "She", "the budget was balanced"),
        ("The company announced it would cut 500 jobs.", "The company",
         "it would cut 500 jobs"),
        ("The rebels claimed they had taken the airport.", "The rebels",
         "they had taken the airport"),
        ("The ministry denied that troops had crossed the border.", "The ministry",
         "that troops had crossed the border"),
        ("Economists expect rates to fall next year.", "Economists", "rates to fall next year"),
        ("Investigators believe the fire was set deliberately.", "Investigators",
         "the fire was set deliberately"),
    ],
)  # fmt: skip
def test_indirect(text: str, speaker: str, content: str) -> None:
    q = only(text)
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.text == content


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Sanders called for a ban on assault weapons.", "Sanders", "called for",
         "a ban on assault weapons"),
        ("The senator endorsed Alvarez during a call with reporters.", "The senator", "endorsed",
         "Alvarez"),
        ("He warned voters that the economy was weak.", "He", "warned voters",
         "that the economy was weak"),
        ("Asked whether the talks had failed, Moreno said no.", "Moreno", "Asked",
         "whether the talks had failed"),
        ("He went on to say the deal was dead.", "He", "say", "the deal was dead"),
        ("Rep. Ana Diaz (D-Calif.), who chairs the panel, said that the vote would wait.",
         "Rep. Ana Diaz", "said", "that the vote would wait"),
    ],
)  # fmt: skip
def test_other_frames(text: str, speaker: str, cue: str, content: str) -> None:
    found = [q for q in quotes_of(text) if q.cue is not None and q.cue.text == cue]
    assert found, [(q.cue and q.cue.text, q.text) for q in quotes_of(text)]
    assert found[0].speaker is not None and found[0].speaker.text == speaker
    assert found[0].text == content


def test_transcript_speaker_label() -> None:
    text = "HOST: Why did the talks fail?\n\nMORENO: Nobody wanted to give ground on the border."
    found = quotes_of(text)
    assert [q.speaker.text for q in found if q.speaker] == ["HOST", "MORENO"]
    assert found[1].text == "Nobody wanted to give ground on the border"


def test_nouns_that_look_like_cues_are_not_quotes() -> None:
    text = "Rubio lost his home state after a series of terrorist attacks shook the race."
    assert quotes_of(text) == ()


def test_noun_cue_with_possessive_speaker() -> None:
    found = quotes_of("Then came the minister's claim that the shortage was over.")
    claim = [q for q in found if q.cue is not None and q.cue.text == "claim"]
    assert claim and claim[0].text == "that the shortage was over"
    assert claim[0].speaker is not None and claim[0].speaker.text == "the minister"


def test_appositive_speaker() -> None:
    q = only("Lena Varga, a security analyst at a Budapest institute, said the talks had stalled.")
    assert q.speaker is not None and q.speaker.text == "Lena Varga"
    assert q.text == "the talks had stalled"


def test_negated_and_passive_cues_are_not_quotes() -> None:
    assert quotes_of("The army has not confirmed the date of the parade.") == ()
    # an agentless expectation is reported with no speaker (test_passive_expectation_...)
    assert quotes_of("The results were announced on Friday.") == ()
    assert len(STEP.__class__(negated=True)(Analysis(Article(
        "The army did not say that the parade was cancelled."))).quotes) == 1  # fmt: skip


def test_boilerplate_lines_give_no_quotes() -> None:
    text = "Read Also: Minister says talks will resume\nThe minister said the talks would resume."
    found = quotes_of(text)
    assert len(found) == 1
    assert found[0].start > text.index("\n")


def test_ids_are_in_text_order() -> None:
    found = quotes_of('"Yes," Ito said. The mayor said the road was closed. "No," Sato said.')
    assert [q.id for q in found] == ["q1", "q2", "q3"]
    assert [q.start for q in found] == sorted(q.start for q in found)


# --------------------------------------------------------------------------- sources


def test_speaker_linked_to_source_and_relayer() -> None:
    text = '"Output must rise," KCNA quoted Kim as saying. Kim Jong Un toured the plant.'
    sources = (
        Source("s1", "KCNA", "media", mentions=(mention(text, "KCNA"),)),
        Source("s2", "Kim Jong Un", "person",
               mentions=(mention(text, "Kim"), mention(text, "Kim Jong Un"))),
    )  # fmt: skip
    q = quotes_of(text, sources)[0]
    assert q.speaker is not None and q.speaker.text == "Kim"
    assert q.source == "s2"
    assert q.relayed_by == "s1"


def test_pronoun_speaker_linked_to_its_source() -> None:
    text = 'Anna Berg spoke at noon. "We are done," she said.'
    sources = (
        Source("s1", "Anna Berg", "person",
               mentions=(mention(text, "Anna Berg"), mention(text, "she"))),
    )  # fmt: skip
    q = quotes_of(text, sources)[0]
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.source == "s1"


def test_no_source_when_nothing_overlaps() -> None:
    text = "The mayor said the road was closed."
    sources = (Source("s1", "Someone", "person", mentions=(mention(text, "road"),)),)
    assert quotes_of(text, sources)[0].source is None


# --------------------------------------------------------------------------- settings, plugins


@pytest.mark.parametrize(
    "settings",
    [{"beliefs": "yes"}, {"negated": 1}, {"min_words": 0}, {"min_words": True}, {"stances": None}],
)
def test_bad_settings(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        QuoteExtractor(**settings)  # type: ignore[arg-type]


def test_beliefs_can_be_turned_off() -> None:
    step = QuoteExtractor(beliefs=False)
    assert step(Analysis(Article("Economists expect rates to fall next year."))).quotes == ()


def test_speech_verbs_from_plugins() -> None:
    text = "The union harrumphed that the offer was too low."
    assert quotes_of(text) == ()
    vocabulary = Vocabulary(speech_verbs=({"cue": "harrumph", "kind": "verb"},))
    found = QuoteExtractor(vocabulary=vocabulary)(Analysis(Article(text))).quotes
    assert len(found) == 1 and found[0].text == "that the offer was too low"


@pytest.mark.parametrize(
    "entry",
    [
        {"cue": "", "kind": "verb"},
        {"cue": "x", "kind": "adverb"},
        {"cue": "x", "belief": "no"},
        "x",
    ],
)
def test_malformed_plugin_entries(entry: object) -> None:
    with pytest.raises(ConfigError, match="reportedly_speech_verbs"):
        QuoteExtractor(vocabulary=Vocabulary(speech_verbs=(entry,)))  # type: ignore[arg-type]


def test_lexicon_inflects_verbs() -> None:
    lexicon = CueLexicon.build([{"cue": "quip", "kind": "verb"}, {"cue": "deny", "kind": "verb"}])
    assert {"quip", "quips", "quipped", "quipping", "denies", "denied"} <= set(lexicon.verbs)


def test_registers_itself() -> None:
    registered: list[type] = []
    reportedly_extractors(registered.append)
    assert registered == [QuoteExtractor]
    assert QuoteExtractor.name == "quotes"
    assert QuoteExtractor.requires == ("sources",)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        'He said "we are ready.',
        "Officials said \u201d the talks failed \u201c and left.",
        '"\n\n"',
        "\u201c\u201c\u201c said said said \u201d\u201d",
        "said",
        ", said Park.",
        "according to",
        "According to",
        "''We will win,'' he said.",
        "",
    ],
)
def test_unpaired_marks_and_fragments_never_fail(text: str) -> None:
    for q in quotes_of(text):
        assert text[q.start : q.end] == q.text


@given(any_text)
def test_offsets_hold_on_any_text(text: str) -> None:
    analysis = STEP(Analysis(Article(text)))
    for q in analysis.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
    for m in analysis.mentions():
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text


@given(news_like_text)
def test_news_like_text_round_trips(text: str) -> None:
    analysis = STEP(Analysis(Article(text)))
    assert Analysis.from_dict(analysis.to_dict()).to_dict() == analysis.to_dict()


# --------------------------------------------------------------------------- the seed article


def test_seed_article_has_all_nine_attributions(seed_article: reportedly.Article) -> None:
    found = STEP(Analysis(seed_article)).quotes
    text = seed_article.text

    def find(start_of_content: str) -> Quote:
        for q in found:
            if q.text.startswith(start_of_content):
                return q
        raise AssertionError(f"no quote starts with {start_of_content!r}")

    kim = find("It is necessary to further perfect")
    assert kim.kind == "direct" and kim.speaker is not None and kim.speaker.text == "Kim"
    assert kim.cue is not None and kim.cue.text == "quoted Kim as saying"
    park = find("Next year, doors are open")
    assert park.kind == "direct" and park.speaker is not None and park.speaker.text == "Park"
    assert find("Kim’s recent activities").speaker.text == "Park Won gon"  # type: ignore[union-attr]
    assert find("the timing suggests").speaker.text == "analysts"  # type: ignore[union-attr]
    kcna = find("The visit underscores")
    assert kcna.speaker is not None and kcna.speaker.text == "the Korean Central News Agency"
    media = find("North Korean leader Kim Jong Un has ordered")
    assert media.speaker is not None and media.speaker.text == "state media"
    assert find("Kim toured a production facility").speaker.text == "KCNA"  # type: ignore[union-attr]
    assert find("the need to expand output").speaker.text == "Kim"  # type: ignore[union-attr]
    assert find("it to take place as early as January").speaker.text == "analysts"  # type: ignore[union-attr]
    # the nine attributions with a speaker, plus the agentless expectation "Those goals are
    # expected to be formally announced ..." that PolNeAR-style annotation also counts
    assert len([q for q in found if q.speaker is not None]) == 9
    agentless = [q for q in found if q.speaker is None]
    assert [q.cue.text for q in agentless if q.cue] == ["are expected"]
    assert all(text[q.start : q.end] == q.text for q in found)


def test_seed_speakers_resolve_to_full_names(seed_article: reportedly.Article) -> None:
    try:
        nlp = reportedly.Pipeline(["quotes"], plugins=False)
    except ConfigError:
        pytest.skip("the sources step is not installed")
    analysis = nlp(seed_article)
    names = {s.id: s.name for s in analysis.sources}
    by_start = {q.text[:20]: q for q in analysis.quotes}
    kim = by_start["It is necessary to f"]
    assert names.get(kim.source or "") == "Kim Jong Un"
    assert "Korean Central News Agency" in names.get(kim.relayed_by or "", "")
    assert names.get(by_start["Next year, doors are"].source or "") == "Park Won gon"
    assert names.get(by_start["Kim’s recent activit"].source or "") == "Park Won gon"
    assert all(q.source is not None for q in analysis.quotes if q.speaker is not None)


# --------------------------------------------------------------------------- later rules


def test_speaker_phrase_opened_by_one() -> None:
    q = only("\u201cThe budget will not survive the week,\u201d one senior aide said.")
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == "one senior aide"


def test_speaker_phrase_with_a_preposition_before_a_name() -> None:
    q = only('"The figures speak for themselves," a spokesman for council Democrats said.')
    assert q.speaker is not None and q.speaker.text == "a spokesman for council Democrats"


def test_opening_mark_typed_as_closing_mark() -> None:
    q = only("\u201cThe port will reopen on Friday,\u201c said Harbour Master Ines Vale.")
    assert q.text == "The port will reopen on Friday,"
    assert q.speaker is not None and q.speaker.text == "Harbour Master Ines Vale"


def test_colon_taken_by_a_second_cue_keeps_the_first_attribution() -> None:
    text = '"We will rebuild the bridge," Vale said before adding: "It will take a year."'
    found = quotes_of(text)
    assert [q.text for q in found] == ["We will rebuild the bridge,", "It will take a year."]
    assert found[0].speaker is not None and found[0].speaker.text == "Vale"


def test_cue_of_a_relative_clause_is_skipped() -> None:
    text = '"I back the new port," Vale, who has not endorsed anyone, told reporters in Lisbon.'
    q = only(text)
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "told reporters"
    assert q.speaker is not None and q.speaker.text == "Vale"


def test_sentence_opened_by_a_capitalized_cue() -> None:
    q = only('The river rose overnight. Said Mayor Okafor, "We have never seen it this high."')
    assert (q.kind, q.text) == ("direct", "We have never seen it this high.")
    assert q.cue is not None and q.cue.text == "Said"
    assert q.speaker is not None and q.speaker.text == "Mayor Okafor"


def test_quotation_ending_its_sentence_keeps_the_frame_before() -> None:
    text = 'He added, "The levee held." The city council praised the crews on Friday.'
    q = quotes_of(text)[0]
    assert (q.kind, q.text) == ("direct", "The levee held.")
    assert q.cue is not None and q.cue.text == "added"


def test_quote_paragraph_goes_on_after_a_long_attribution() -> None:
    text = (
        '"The river is calm now," said Ines Vale, the harbour master in Porto.\n\n'
        '"But we will keep watch all week."'
    )
    q = only(text)
    assert q.kind == "direct"
    assert q.text.endswith("all week.")


def test_passive_cue_with_an_agent() -> None:
    q = only("On Monday, the new tariff was sharply criticized by several farm groups.")
    assert q.text == "the new tariff"
    assert q.cue is not None and q.cue.text == "was sharply criticized"
    assert q.speaker is not None and q.speaker.text == "several farm groups"


def test_passive_cue_without_a_named_agent_is_not_a_quote() -> None:
    assert quotes_of("The proposal was praised by many in the hall.") == ()


def test_passive_expectation_without_a_speaker() -> None:
    q = only("The harbour master is expected to reopen the port next week.")
    assert q.text == "The harbour master is expected to reopen the port next week"
    assert q.cue is not None and q.cue.text == "is expected"
    assert q.speaker is None
    off = QuoteExtractor(beliefs=False)
    assert off(Analysis(Article("The port is expected to reopen next week."))).quotes == ()


def test_verb_taking_a_noun_cue_is_the_cue() -> None:
    q = only("Okafor rubbished the minister's claim that the dam was safe.")
    assert q.cue is not None and q.cue.text == "rubbished"
    assert q.speaker is not None and q.speaker.text == "Okafor"
    assert q.text.startswith("the minister's claim")


def test_noun_cue_in_an_adjunct_is_not_the_cue() -> None:
    q = only("In Okafor's speech to the council, she cited the flood data.")
    assert q.cue is not None and q.cue.text == "cited"


def test_participle_between_commas_yields_to_the_main_cue() -> None:
    q = only("The Tribune, citing court records, reported that the dam was never inspected.")
    assert q.cue is not None and q.cue.text == "reported"
    assert q.speaker is not None and q.speaker.text == "The Tribune"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Northern Electric says it paid its suppliers in full.", "Northern Electric"),
        ("One survey found little change, while another says prices rose.", "another"),
    ],
)
def test_present_tense_cues_after_names_and_another(text: str, speaker: str) -> None:
    found = [q for q in quotes_of(text) if q.speaker is not None and q.speaker.text == speaker]
    assert len(found) == 1


def test_token_pattern_keeps_abbreviations_and_initials() -> None:
    from reportedly.extractors.quotes.scan import token_pattern

    text = "Gen. Ruiz met Mr. J. Smith at 9 a.m. in the U.S. on Sept. 3, R-Fla., then left."
    tokens = token_pattern().findall(text)
    for token in ("Gen.", "Mr.", "J.", "a.m.", "U.S.", "Sept.", "R-Fla."):
        assert token in tokens
    assert "left" in tokens and tokens[-1] == "."


def test_title_in_quotation_marks_is_not_a_quote() -> None:
    text = 'The actor, who starred in "Harbour Lights" and "Guardians of the North," posted it.'
    assert [q for q in quotes_of(text) if q.kind == "direct"] == []


def test_quote_goes_on_after_an_attribution_that_ends_in_a_title() -> None:
    text = (
        '"The port is safe," Vale said on "Morning Report." '
        '"We checked every pier twice this week."'
    )
    q = only(text)
    assert q.kind == "direct"
    assert q.text.startswith("The port is safe") and q.text.endswith("twice this week.")


def test_quotation_running_into_unquoted_words_is_not_a_continuation() -> None:
    text = (
        '"The levee held," Vale said. "We cannot rebuild until we prove to people" '
        "that the river is calm."
    )
    first = quotes_of(text)[0]
    assert first.text == "The levee held,"


def test_inverted_cue_inside_the_sentence_before_the_quotation() -> None:
    q = only('The crews left. But, said Harbour Master Vale, "the pier will hold."')
    assert q.speaker is not None and q.speaker.text == "Harbour Master Vale"
    assert q.cue is not None and q.cue.text == "said"


def test_participle_after_before_takes_the_clause_subject() -> None:
    q = only('Okafor dodged questions about the dam before saying, "It is time to move on."')
    assert q.cue is not None and q.cue.text == "saying"
    assert q.speaker is not None and q.speaker.text == "Okafor"


def test_thing_that_says_the_quotation_speaks() -> None:
    q = only('Vale stood under a banner that said, "The port is open."')
    assert q.speaker is not None and q.speaker.text == "a banner"


def test_quotation_paragraph_signed_by_the_next_paragraph() -> None:
    text = (
        'The mayor repeated it.\n\n"The river has never been this high."\n\n- Ines Vale.\n\nIt was.'
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["The river has never been this high."]
    assert direct[0].speaker is not None and direct[0].speaker.text == "Ines Vale"


def test_quotations_signed_on_their_own_line() -> None:
    # reader testimonials: each line a quotation, a dash (here the horizontal bar) and a name
    text = (
        "Readers wrote in after the debate.\n\n"
        "\u201cThe port deserves better than this.\u201d \u2015 Ana Ruiz\n"
        "\u201cI have never seen the river this high.\u201d\u2015 Tomas K. Lind.\n"
        "\u201cNobody asked us.\u201d \u2014 Mirela Okafor"
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "The port deserves better than this.",
        "I have never seen the river this high.",
        "Nobody asked us.",
    ]
    assert [q.speaker.text if q.speaker else None for q in direct] == [
        "Ana Ruiz",
        "Tomas K. Lind",
        "Mirela Okafor",
    ]
    assert all(q.cue is not None and q.cue.text in "\u2015\u2014" for q in direct)


def test_a_signature_may_go_on_with_a_description() -> None:
    text = (
        "Readers wrote in.\n\n"
        "\u201cThe port deserves better than this.\u201d \u2015 Ana Ruiz, 34, a nurse in Leeds"
    )
    q = only(text)
    assert (q.kind, q.speaker.text if q.speaker else None) == ("direct", "Ana Ruiz")


def test_a_dash_after_a_quotation_inside_a_sentence_signs_nothing() -> None:
    # the quotation does not open its line, and the words after the dash are not a name
    text = 'The crowd jeered, "Do svidaniya!" - Russian for goodbye.'
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "-"]
    text = '"We stay." - the words of a sign on the door.'
    assert not [q for q in quotes_of(text) if q.cue is not None and q.cue.text == "-"]


def test_whoever_is_told_is_not_the_speaker_of_a_participle_cue() -> None:
    q = only(
        "The Vale campaign shrugged off the remarks, telling reporters, "
        '"We are focused on the district."'
    )
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text != "reporters"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of the main clause, after a leading clause of any length
        ("By Sunday, she had changed her plans, citing a need to rest.", "she"),
        (
            "When the minister suggested that the port would close for the whole of the "
            'winter season, Mayor Ortiz fired back: "We will keep it open."',
            "Mayor Ortiz",
        ),
        # no main clause before the participle: the subordinate clause's subject speaks
        ('Even as he defended the plan, saying, "It will work."', "he"),
    ],
)
def test_a_leading_clause_is_skipped_to_find_the_speaking_subject(text: str, speaker: str) -> None:
    last = quotes_of(text)[-1]  # the statement of the cue nearest the end
    assert last.speaker is not None and last.speaker.text == speaker


def test_party_and_state_label_between_speaker_and_cue() -> None:
    q = quotes_of(
        "\u201cThey have nothing to worry about,\u201d Sen. Ana Ruiz (D-N.Y.) said Tuesday. "
        "\u201cIf they did, they should be held accountable.\u201d"
    )
    assert [(x.kind, x.speaker.text if x.speaker else None) for x in q] == [
        ("direct", "Sen. Ana Ruiz")
    ]
    assert q[0].text.endswith("held accountable.")


def test_a_sentence_with_its_own_attribution_ends_a_split_quote() -> None:
    text = (
        '"We think the state went too far," Ines Vale, the group\'s lawyer, said by phone. '
        'The group will watch the case closely, Vale says. "If they can pick our words, '
        'nobody is safe."'
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [(q.text, q.speaker.text if q.speaker else None) for q in direct] == [
        ("We think the state went too far,", "Ines Vale"),
        # the quotation after that sentence is its speaker's, not lost
        ("If they can pick our words, nobody is safe.", "Vale"),
    ]
    # with narration but no attribution between, the quotation still goes on
    text = '"Those are small towns," Vale said. They lie far from any city. "It is a hard area."'
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("a hard area.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We have to win the county," Will Estrada said.', "Will Estrada"),
        ('"We have to win the county," Will Estrada, the party chairman, said.', "Will Estrada"),
        ('"We have to win the county," May Lee wrote.', "May Lee"),
        ('"We have to win the county," From said.', "From"),
    ],
)
def test_a_name_spelled_like_a_modal_or_preposition_after_a_quotation(
    text: str, speaker: str
) -> None:
    q = only(text)
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_subordinator_after_a_quotation_is_not_part_of_the_next_speaker() -> None:
    text = 'Vale called him "unfit." When Mr. Thiel revealed he backed the plan, others balked.'
    assert all(q.speaker is None or not q.speaker.text.startswith("When") for q in quotes_of(text))


def test_a_quoted_phrase_in_the_lead_in_is_not_the_first_piece_of_the_quote() -> None:
    text = (
        'Praising the mayor\'s "quiet persistence," Okafor said, "She never gave up on the '
        'harbour."'
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["She never gave up on the harbour."]
    assert direct[0].speaker is not None and direct[0].speaker.text == "Okafor"


def test_a_quote_in_parentheses_keeps_its_attribution() -> None:
    text = 'The series returns. ("We persuaded the original crew to finish it," he said.) It airs.'
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [(q.text, q.cue.text if q.cue else None) for q in direct] == [
        ("We persuaded the original crew to finish it,", "said")
    ]


def test_british_single_quotation_marks() -> None:
    text = (
        "\u2018We are ready to respond,\u2019 the defence minister said. \u2018We don\u2019t "
        "want a war.\u2019\n\n"
        "She called the launch \u2018a grave provocation\u2019 and said the officials\u2019 "
        "families were safe.\n\n"
        "'We have the allies' backing,' an aide said."
    )
    found = quotes_of(text)
    direct = [(q.text, q.speaker.text if q.speaker else None) for q in found if q.kind == "direct"]
    assert direct == [
        ("We are ready to respond,\u2019 the defence minister said. \u2018We don\u2019t want a war.",
         "the defence minister"),
        ("We have the allies' backing,", "an aide"),
    ]  # fmt: skip
    # a possessive mark does not close the scare quote, and no span leaves the text
    assert all(text[q.start : q.end] == q.text for q in found)


def test_single_marks_stay_nested_or_headline_marks_in_american_copy() -> None:
    # double marks anywhere: single ones are quotes inside quotes or a headline's, not quotations
    text = (
        "Lee: 'We will not back down'\n\n"
        "\"He told me, 'Hold the line,' and I did,\" the sergeant said."
    )
    direct = [q.text for q in quotes_of(text) if q.kind == "direct"]
    assert direct == ["He told me, 'Hold the line,' and I did,"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The defence ministry said its forces had taken the village, a claim that could "
            "not be verified.",
            "its forces had taken the village",
        ),
        (
            "The army said it had destroyed 12 tanks, a figure disputed by Kyiv.",
            "it had destroyed 12 tanks",
        ),
    ],
)
def test_a_comment_on_the_reported_clause_is_not_part_of_it(text: str, content: str) -> None:
    assert only(text).text == content


def test_a_relative_clause_cue_ends_at_the_clause_comma() -> None:
    q = only('The strikes, which the Pentagon described as "defensive", hit three sites.')
    assert q.text == 'as "defensive"'
    assert q.speaker is not None and q.speaker.text == "the Pentagon"


def test_modifiers_before_the_speech_noun_stay_in_the_cue() -> None:
    q = only("Lindqvist said in a nightly video address that the city needed more air defence.")
    assert q.cue is not None and q.cue.text == "said in a nightly video address"
    assert q.text == "that the city needed more air defence"


def test_asking_not_to_be_identified_is_no_statement() -> None:
    text = (
        "The source, who asked not to be identified because talks are private, said it was close."
    )
    assert [(q.text, q.cue.text if q.cue else None) for q in quotes_of(text)] == [
        ("it was close", "said")
    ]


def test_a_quotation_opened_with_a_closing_mark() -> None:
    text = (
        "Vale said the words lump the many with the few.\n\n"
        "\u201d \u2026 what I learned from these families is that it matters,\u201d he said."
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "\u2026 what I learned from these families is that it matters,"
    ]


def test_a_split_quote_with_the_stop_after_its_attribution_left_out() -> None:
    text = '"We will build the bridge. It is simple," Vale said "The river will not stop us."'
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.endswith("will not stop us.")


def test_narration_with_a_speech_verb_does_not_lose_the_next_quotation() -> None:
    text = '"We won," Vale said. He noted the crowd. "We will keep going."'
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert direct and direct[-1].text.endswith("We will keep going.")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('But, warned Senator Ana Ruiz, "We are not there yet."', "Senator Ana Ruiz"),
        ('Then, promised the mayor, "We will rebuild."', "the mayor"),
    ],
)
def test_inverted_object_taking_verbs_keep_their_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Russia has lost 50,000 troops, the assessment said.",
            "Russia has lost 50,000 troops",
            "the assessment",
        ),
        (
            "Russia has lost 50,000 troops, the charge sheet said.",
            "Russia has lost 50,000 troops",
            "the charge sheet",
        ),
    ],
)
def test_a_comment_noun_that_speaks_is_an_attribution(
    text: str, content: str, speaker: str
) -> None:
    q = only(text)
    assert (q.text, q.speaker.text if q.speaker else None) == (content, speaker)


def test_a_prepositional_lead_gives_no_speaker() -> None:
    q = only('After the vote, saying "We are done," she left.')
    assert q.speaker is None or q.speaker.text != "the vote"


def test_single_marks_close_at_the_nearest_mark() -> None:
    text = "The minister called it a \u2018historic\u2019 deal. The opposition said it was \u2018a disaster\u2019."
    found = quotes_of(text)
    assert [q.speaker.text if q.speaker else None for q in found] == [
        "The minister",
        "The opposition",
    ]
    assert all(". The" not in q.text for q in found)


def test_a_list_of_titles_with_their_authors_gives_no_quotes() -> None:
    text = "Films of the year:\n\n\u201cBarbie\u201d \u2014 Greta Gerwig\n\u201cOppenheimer\u201d \u2014 Christopher Nolan"
    assert quotes_of(text) == ()


def test_a_stray_closing_mark_opening_a_paragraph_is_ignored() -> None:
    q = only("Smith spoke.\n\n\u201d Smith said on Tuesday the plan was dead.")
    assert q.text == "the plan was dead"


def test_as_x_put_it_introduces_a_quotation() -> None:
    q = only("As the harbour master put it: \u201cThe tide does not wait for permits.\u201d")
    assert (q.kind, q.text) == ("direct", "The tide does not wait for permits.")
    assert q.speaker is not None and q.speaker.text == "the harbour master"


def test_infinitive_cue_before_a_quotation_takes_the_clause_subject() -> None:
    q = only('Councillor Baptiste was prompted to say, "Nobody reads these reports."')
    assert (q.kind, q.text) == ("direct", "Nobody reads these reports.")
    assert q.cue is not None and q.cue.text == "say"
    assert q.speaker is not None and q.speaker.text == "Councillor Baptiste"


def test_unknown_verb_after_a_quotation_may_end_its_clause_with_and() -> None:
    text = "\u201cStep away from the gate,\u201d Moreau growled and the crowd fell silent."
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ["Step away from the gate,"]
    assert direct[0].cue is not None and direct[0].cue.text == "growled"
    assert direct[0].speaker is not None and direct[0].speaker.text == "Moreau"


def test_infinitive_in_the_speakers_description_is_not_the_cue() -> None:
    q = only(
        '"The audit is finished," an official, who was not authorized to speak publicly, '
        "told reporters."
    )
    assert (q.kind, q.text) == ("direct", "The audit is finished,")
    assert q.cue is not None and q.cue.text.startswith("told")
    assert q.speaker is not None and q.speaker.text == "an official"


def test_lower_case_quotation_ending_a_reported_clause_is_mixed() -> None:
    text = (
        "Mayor Osei said that whatever the unions are going to make, "
        "\u201cthe libraries will stay open.\u201d"
    )
    q = only(text)
    assert q.kind == "mixed"
    assert q.text.startswith("that whatever the unions")
    assert q.cue is not None and q.cue.text == "said"


def test_connective_before_an_interrupting_attribution_stays_outside() -> None:
    q = only("Still, she added, \u201cwe cannot ignore what the floods cost.\u201d")
    assert (q.kind, q.text) == ("direct", "we cannot ignore what the floods cost.")


def test_fronted_adverbial_before_a_sentence_quotation_stays_outside() -> None:
    text = 'As for the ferry schedule, "We will publish it on Friday," the operator said.'
    q = only(text)
    assert (q.kind, q.text) == ("direct", "We will publish it on Friday,")
    assert q.speaker is not None and q.speaker.text == "the operator"


def test_adverb_after_a_question_quotation_keeps_the_frame() -> None:
    q = only("\u201cWho is going to pay for the bridge?\u201d she asked pointedly.")
    assert (q.kind, q.text) == ("direct", "Who is going to pay for the bridge?")
    assert q.speaker is not None and q.speaker.text == "she"


def test_but_clause_after_the_attribution_keeps_the_next_quotation_apart() -> None:
    text = (
        '"The budget is tight," Osei said, but despite the long session, '
        '"we will pass it by Friday."'
    )
    first = quotes_of(text)[0]
    assert (first.kind, first.text) == ("direct", "The budget is tight,")


def test_told_an_outlet_with_its_kind_after_the_name() -> None:
    q = only('"Who can say?" Vale told Norway\u2019s NRK television station in an interview.')
    assert (q.kind, q.text) == ("direct", "Who can say?")
    assert q.cue is not None and q.cue.text == "told Norway\u2019s NRK television station"
    assert q.speaker is not None and q.speaker.text == "Vale"


def test_sentence_going_on_to_another_act_does_not_take_the_quotation() -> None:
    text = (
        '"I back the mayor," Vale said, "and I back her budget." She went on to praise the council.'
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.text for q in direct] == ['I back the mayor," Vale said, "and I back her budget.']


def test_exclamation_right_after_a_cue_is_a_quote_not_a_title() -> None:
    q = only("The doors opened at noon. Some chanted \u201cVale! Vale!\u201d")
    assert (q.kind, q.text) == ("direct", "Vale! Vale!")
    assert q.speaker is not None and q.speaker.text == "Some"
    assert quotes_of('She starred in "Harbour Lights," a drama.') == ()


def test_s_form_after_a_noun_glued_to_a_sentence_quotation_is_a_verb() -> None:
    q = only("The flyer claims \u201cOsei is the only candidate who reads the budget.\u201d")
    assert (q.kind, q.text) == ("direct", "Osei is the only candidate who reads the budget.")
    assert q.speaker is not None and q.speaker.text == "The flyer"


def test_sentence_opened_by_the_cue_with_a_long_description_of_the_speaker() -> None:
    text = (
        "Said Marta Ines Vale, who has fished the harbour since she was a girl, "
        "\u201cI have never seen the water this low.\u201d"
    )
    q = only(text)
    assert (q.kind, q.text) == ("direct", "I have never seen the water this low.")
    assert q.speaker is not None and q.speaker.text == "Marta Ines Vale"


def test_question_put_to_someone_is_a_quote_without_speaker() -> None:
    q = only('At the forum, Vale was asked, "Will the ferry run in winter?"')
    assert (q.kind, q.text) == ("direct", "Will the ferry run in winter?")
    assert q.cue is not None and q.cue.text == "asked"
    assert q.speaker is None


def test_unknown_verb_after_a_quotation_with_a_determiner_before_the_name() -> None:
    q = only('"The harbour will reopen," a furious Vale bristled.')
    assert (q.kind, q.text) == ("direct", "The harbour will reopen,")
    assert q.speaker is not None and q.speaker.text == "a furious Vale"


# --------------------------------------------------------------------------- later refinements


def test_condition_of_anonymity_introduces_no_statement() -> None:
    text = (
        "A senior border official, who spoke on condition of anonymity because he was not "
        "cleared to talk to reporters, said the crossing would reopen on Monday."
    )
    q = only(text)
    assert q.text == "the crossing would reopen on Monday"
    assert q.speaker is not None and q.speaker.text == "A senior border official"


def test_anonymity_followed_by_a_that_clause_still_reports() -> None:
    q = only("One aide said on condition of anonymity that the budget would be cut.")
    assert q.text == "that the budget would be cut"


def test_closing_attribution_takes_the_whole_clause() -> None:
    q = only("Ottawa agreed last year to lend two frigates to the mission, the minister said.")
    assert q.text == "Ottawa agreed last year to lend two frigates to the mission"
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None and q.speaker.text == "the minister"


def test_inverted_unknown_verb_after_a_quotation() -> None:
    q = only('"Nobody asked me about the deal," grumbled Senator Ada Vance.')
    assert (q.kind, q.text) == ("direct", "Nobody asked me about the deal,")
    assert q.cue is not None and q.cue.text == "grumbled"
    assert q.speaker is not None and q.speaker.text == "Senator Ada Vance"


def test_title_in_apposition_to_a_work_noun_is_no_quote() -> None:
    assert quotes_of('The general wrote in his 2019 memoir, "Cold River Nights."') == ()
    text = '"There will be no retreat," the general wrote in his 2019 memoir, "Cold River Nights."'
    q = only(text)
    assert (q.kind, q.text) == ("direct", "There will be no retreat,")


def test_title_used_as_a_modifier_is_no_quote() -> None:
    assert quotes_of('"Morning Desk" anchor Ron Bell interviewed the admiral on Friday.') == ()


def test_scare_quote_before_a_noun_is_no_quote() -> None:
    text = 'The senator denounced what she called a "ghost" budget on Friday.'
    assert all(q.kind != "direct" for q in quotes_of(text))


def test_according_to_followed_by_an_appositive_keeps_the_clause_alone() -> None:
    text = "The rebels seized the airport overnight, according to local officials, a claim the army denied."
    q = only(text)
    assert q.text == "The rebels seized the airport overnight"
    assert q.cue is not None and q.cue.text == "according to"


def test_aside_between_the_pieces_of_a_split_quote() -> None:
    text = '"They know how to stall," said Ruiz, speaking of the negotiators, "and they enjoy it."'
    q = only(text)
    assert q.kind == "direct"
    assert q.text.startswith("They know how to stall,") and q.text.endswith("they enjoy it.")
    assert q.speaker is not None and q.speaker.text == "Ruiz"


def test_relative_clause_on_a_statement_noun_is_no_speaker() -> None:
    text = "The port was mined in March, a claim the navy has denied."
    assert all(q.cue is None or q.cue.text != "denied" for q in quotes_of(text))


def test_capitalized_noun_in_a_closing_speaker_is_a_name() -> None:
    q = only("The frigate left port on Monday, the Defence Ministry said, a day after the storm.")
    assert q.speaker is not None and q.speaker.text == "the Defence Ministry"
    assert q.text == "The frigate left port on Monday"


def test_participle_after_a_speaker_on_the_right_stays_outside() -> None:
    text = "The army will hire 900 cadets, according to spending papers submitted to the assembly."
    q = only(text)
    assert q.speaker is not None and q.speaker.text == "spending papers"


def test_adding_that_between_quotations_ends_the_quote() -> None:
    text = (
        '"The vote was close," Mayor Ito said, adding that a recount was likely. '
        '"We will respect the result."'
    )
    found = quotes_of(text)
    direct = [q.text for q in found if q.kind == "direct"]
    assert direct == ["The vote was close,"]  # the next quotation is not its second piece
    assert any(q.text == "that a recount was likely" for q in found)


def test_words_with_a_speech_verb_before_a_quotation_only_introduce_it() -> None:
    text = (
        "After the mayor criticized him, he warned, "
        '"Certainly if they cut the budget, that will be a fight," Lane told local radio.'
    )
    q = only(text)
    assert q.kind == "direct"
    assert q.text == "Certainly if they cut the budget, that will be a fight,"
    assert q.speaker == mention(text, "Lane")


def test_closing_speaker_described_with_and() -> None:
    text = (
        "The council met on Monday.\n\n"
        '"We lost the argument on trade," the Ohio senator and party chairman said in a '
        "statement."
    )
    q = only(text)
    assert q.kind == "direct"
    assert q.text == "We lost the argument on trade,"
    assert q.speaker == mention(text, "the Ohio senator and party chairman")


def test_narration_after_a_quotation_that_ends_its_sentence_ends_the_quote() -> None:
    text = (
        'The mayor interjected, "Only the budget." But the reporter pressed on.\n\n'
        '"Does that sound like a plan voters can trust?"'
    )
    found = quotes_of(text)
    assert [(q.kind, q.text) for q in found] == [("direct", "Only the budget.")]


def test_reported_clause_takes_the_whole_quotation_it_opens() -> None:
    text = 'The union argues that "only the mayor can fix this. The council cannot do it."'
    q = only(text)
    assert q.kind == "mixed"
    assert q.text == 'that "only the mayor can fix this. The council cannot do it."'
    assert q.speaker == mention(text, "The union")


def test_group_named_by_a_capitalized_modifier_after_asked() -> None:
    text = '"Why are you still backing him?" the governor asked Democratic lawmakers.'
    q = only(text)
    assert q.kind == "direct"
    assert q.text == "Why are you still backing him?"
    assert q.speaker == mention(text, "the governor")


def test_capitalized_modal_right_after_a_quotation_is_a_name() -> None:
    text = 'The review was harsh.\n\n"The plan has no money behind it," May wrote.'
    q = only(text)
    assert q.kind == "direct"
    assert q.text == "The plan has no money behind it,"
    assert q.speaker == mention(text, "May")
