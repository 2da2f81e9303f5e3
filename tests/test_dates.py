"""Tests for the ``dates`` step: one group per rule family, with sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import reportedly
from reportedly.extractors.dates import Dates
from reportedly.model import Analysis, TimeExpression
from reportedly.plugins import Vocabulary
from tests.strategies import any_text, news_like_text

TUESDAY = dt.date(2025, 12, 23)  # a Tuesday
STEP = Dates()


def find(text: str, published: object = TUESDAY, step: Dates = STEP) -> list[TimeExpression]:
    return list(step(Analysis(reportedly.Article(text, published=published))).dates)


def spans(text: str, published: object = TUESDAY, step: Dates = STEP) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find(text, published, step)}


def only(text: str, published: object = TUESDAY, step: Dates = STEP) -> TimeExpression:
    found = find(text, published, step)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- TIMEX3 syntax

_DATE = (
    r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:\d|WE))?|-Q(?:[1-4]|X)"
    r"|-H[12]|-(?:SP|SU|FA|WI))?|\d{1,3}|(?:PRESENT|PAST|FUTURE)_REF"
)
_TIME = rf"(?:{_DATE})?T(?:\d\d(?::\d\d)?|MO|AF|EV|NI|MI)"
_DURATION = r"P(?:(?:[\d.]+|X)(?:Y|M|W|D|Q|DE|CE|ML|WE))*(?:T(?:(?:[\d.]+|X)[HMS])+)?"
VALUE_SYNTAX = {
    "DATE": re.compile(_DATE),
    "TIME": re.compile(_TIME),
    "DURATION": re.compile(_DURATION),
    "SET": re.compile(rf"{_DURATION}|{_DATE}|{_TIME}"),
}


def assert_valid(article: reportedly.Article, found: list[TimeExpression]) -> None:
    for index, t in enumerate(found):
        assert article.text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(article.text)
        assert t.id == f"t{index + 1}"
        assert VALUE_SYNTAX[t.type].fullmatch(t.value), (t.text, t.type, t.value)
        # the publication date, nothing, or an earlier expression ("that year" after "in 1995")
        assert t.anchor in (None, "published", *(e.id for e in found[:index]))
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# --------------------------------------------------------------------------- seed article


def test_seed_article(seed_article: reportedly.Article) -> None:
    found = find(seed_article.text, seed_article.published)
    by_text = {t.text: t for t in found}
    assert (by_text["Tuesday"].value, by_text["Tuesday"].anchor) == ("2025-12-23", "published")
    assert by_text["January"].value == "2026-01"
    assert by_text["Next year"].value == "2026"
    assert (by_text["recent weeks"].type, by_text["recent weeks"].value) == ("DURATION", "PXW")
    assert not any("Ninth" in t.text or "Read Also" in t.text for t in found)
    assert_valid(seed_article, found)


def test_shared_articles(shared: object) -> None:
    from tests.conftest import SHARED

    for path in sorted((SHARED / "articles").glob("*.txt")):
        article = reportedly.Article(path.read_text(encoding="utf-8"), published="2025-12-23")
        assert_valid(article, find(article.text, article.published))


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The treaty was signed on Dec. 23, 2025, in Hanoi.", "Dec. 23, 2025", "2025-12-23"),
        ("Talks resumed on 4 March 2024 after a pause.", "4 March 2024", "2024-03-04"),
        ("The border closed in August 1990 and stayed shut.", "August 1990", "1990-08"),
        ("Fighting flared in 1994 along the river.", "1994", "1994"),
        ("Output has grown since the 1990s, officials say.", "the 1990s", "199"),
        ("The dam dates from the 19th century.", "the 19th century", "18"),
        ("Revenue rose in fiscal 1998 as exports grew.", "fiscal 1998", "1998"),
        ("The filing, dated 2024-11-05, was made public.", "2024-11-05", "2024-11-05"),
        ("The drills ran through mid-2026, the ministry said.", "mid-2026", "2026"),
        ("Ministers met on Saturday, April 25, to sign it.", "Saturday, April 25", "2026-04-25"),
    ],
)
def test_absolute_dates(text: str, expected: str, value: str) -> None:
    assert spans(text)[expected] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Voters went to the polls on February 28th, 2016.", "February 28th, 2016", "2016-02-28"),
        ("The ceasefire began on March 1st.", "March 1st", "2025-03-01"),
        ("Talks are set for the 22nd of January.", "the 22nd of January", "2026-01-22"),
        ("It opened on 3rd May 2024 in Oslo.", "3rd May 2024", "2024-05-03"),
        ("The deadline is Dec. 31ST.", "Dec. 31ST", "2025-12-31"),
    ],
)
def test_ordinal_days(text: str, expected: str, value: str) -> None:
    # an ordinal suffix on the day once made the whole step fail on the article
    analysis = Dates()(Analysis(reportedly.Article(text, published=TUESDAY)))
    assert analysis.errors == ()
    assert {t.text: t.value for t in analysis.dates}[expected] == value


def test_absolute_values_need_no_anchor() -> None:
    t = only("The accord was signed on Dec. 23, 2025.", published=None)
    assert (t.value, t.anchor) == ("2025-12-23", None)


def test_numeric_dates_and_day_first() -> None:
    assert only("It was filed on 03/04/2025 in court.").value == "2025-03-04"
    day_first = Dates(day_first=True)
    assert only("It was filed on 03/04/2025 in court.", step=day_first).value == "2025-04-03"
    # a first number above 12 can only be a day, whatever the setting
    assert only("It was filed on 23/12/2025 in court.").value == "2025-12-23"


def test_long_tail_goes_to_dateparser() -> None:
    t = only("The ledger entry reads 23-Dec-2025 in red ink.")
    assert (t.text, t.value) == ("23-Dec-2025", "2025-12-23")


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert only("Voting ended Nov. 30, officials said.").value == "2025-11-30"
    assert only("The ceasefire will expire on Jan. 15.").value == "2026-01-15"


# --------------------------------------------------------------------------- relative dates


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("The minister resigned yesterday.", "yesterday", "2025-12-22"),
        ("The vote is tomorrow.", "tomorrow", "2025-12-24"),
        ("Exports will recover next year, the bank said.", "next year", "2026"),
        ("Prices rose last month.", "last month", "2025-11"),
        ("Strikes spread late last month.", "late last month", "2025-11"),
        ("The army moved three years ago.", "three years ago", "2022"),
        ("Shipments halted this week.", "this week", "2025-W52"),
        ("The plant opened last week.", "last week", "2025-W51"),
        ("Earnings fell in the second quarter.", "the second quarter", "2025-Q2"),
        ("Rates were cut earlier this year.", "earlier this year", "2025"),
        ("Sales were flat a year earlier.", "a year earlier", "2024"),
        ("The envoy arrived a day earlier.", "a day earlier", "2025-12-22"),
        ("The company will report by year-end.", "year-end", "2025"),
    ],
)
def test_relative_dates(text: str, expected: str, value: str) -> None:
    assert spans(text)[expected] == ("DATE", value)
    assert {t.anchor for t in find(text)} == {"published"}


def test_weekdays_follow_the_tense() -> None:
    # reported news: the most recent such day, the publication day itself included
    assert only("State media reported on Tuesday that the plant reopened.").value == "2025-12-23"
    assert only("The delegation arrived on Friday.").value == "2025-12-19"
    assert only("The delegation will arrive on Friday.").value == "2025-12-26"
    assert only("Officials met last Tuesday.").value == "2025-12-16"
    assert only("Officials meet next Monday.").value == "2025-12-29"


def test_bare_months_follow_the_tense() -> None:
    t = only("Analysts expect the congress to open as early as January.")
    assert (t.text, t.value) == ("January", "2026-01")
    assert only("The factory was inspected in October.").value == "2025-10"
    assert only("The factory will be inspected in October.").value == "2026-10"
    assert only("Parliament met last April.").value == "2025-04"


def test_prefer_future_only_when_the_sentence_has_no_cue() -> None:
    future = Dates(prefer_future=True)
    assert only("Talks in Geneva on Friday.", step=future).value == "2025-12-26"
    assert only("Talks in Geneva on Friday.").value == "2025-12-19"
    assert only("Talks were held in Geneva on Friday.", step=future).value == "2025-12-19"


def test_without_a_publication_date_values_stay_underspecified() -> None:
    found = spans("The ministry said on Tuesday that talks resume in January.", published=None)
    assert found == {"Tuesday": ("DATE", "XXXX-WXX-2"), "January": ("DATE", "XXXX-01")}
    assert all(t.anchor is None for t in find("Rates rose last year.", published=None))


def test_anchor_policy_none_ignores_the_publication_date() -> None:
    t = only("Rates rose last year.", step=Dates(anchor="none"))
    assert (t.value, t.anchor) == ("XXXX", None)


def test_aware_datetime_anchor_uses_its_own_calendar_date() -> None:
    published = dt.datetime(2025, 12, 23, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert only("The minister resigned yesterday.", published=published).value == "2025-12-22"


# --------------------------------------------------------------------------- durations, spans


@pytest.mark.parametrize(
    ("text", "expected", "value"),
    [
        ("Output doubled over the past two decades.", "the past two decades", "P20Y"),
        ("Tension has grown in recent weeks.", "recent weeks", "PXW"),
        ("The siege lasted nearly forty years.", "nearly forty years", "P40Y"),
        ("He served 2 1/2 years in prison.", "2 1/2 years", "P2Y6M"),
        ("The talks took a year and a half.", "a year and a half", "P1Y6M"),
        ("A two-year truce was agreed.", "two-year", "P2Y"),
        ("The vote took more than four hours.", "more than four hours", "PT4H"),
        ("Drills will run for several days.", "several days", "PXD"),
        ("Sales fell in the first nine months.", "the first nine months", "P9M"),
    ],
)
def test_durations(text: str, expected: str, value: str) -> None:
    assert spans(text)[expected] == ("DURATION", value)


def test_spans_leave_out_prepositions() -> None:
    found = find("In January, since 2019 and on Monday, during the past two years.")
    assert [t.text for t in found] == ["January", "2019", "Monday", "the past two years"]


def test_hyphenated_durations() -> None:
    assert spans("A decades-long dispute ended.")["decades-long"] == ("DURATION", "PXDE")
    assert spans("After a day-long meeting, they left.")["day-long"] == ("DURATION", "P1D")
    assert spans("They signed a 30-year lease.")["30-year"] == ("DURATION", "P30Y")


def test_ages_are_not_durations() -> None:
    assert find("Mr. Moon, 52 years old, leads the agency.") == []


# --------------------------------------------------------------------------- times and sets


def test_times_of_day() -> None:
    # the day comes from "on Friday", which stays an expression of its own
    assert spans("The blast came at 10:35 a.m. EST on Friday.") == {
        "10:35 a.m. EST": ("TIME", "2025-12-19T10:35"),
        "Friday": ("DATE", "2025-12-19"),
    }
    assert spans("Troops crossed at noon Thursday.")["noon Thursday"] == (
        "TIME",
        "2025-12-18T12:00",
    )
    assert spans("Shelling resumed this morning.")["this morning"] == ("TIME", "2025-12-23TMO")
    # a weekday with a part of the day is the day (TimeBank-AQUAINT practice)
    assert spans("Rockets hit the port on Friday night.")["Friday night"] == ("DATE", "2025-12-19")
    assert only("Rockets hit the port on Friday night.", published=None).value == "XXXX-WXX-5TNI"
    assert find("The score was 14:30 at half time.") == []  # a 24-hour clock needs "at", "by"...
    assert only("They met at 14:30 in Kyiv.", published=None).value == "T14:30"


def test_sets() -> None:
    assert spans("Patrols run daily along the coast.")["daily"] == ("SET", "P1D")
    assert spans("The council meets every Thursday.")["every Thursday"] == ("SET", "XXXX-WXX-4")
    assert spans("Drills take place twice a year.")["twice a year"] == ("SET", "P1Y")
    assert spans("The plan costs $4 million a year.")["a year"] == ("SET", "P1Y")
    assert spans("It adds 700 more seats a week.")["a week"] == ("SET", "P1W")


def test_references() -> None:
    assert spans("The army is now on alert.")["now"] == ("DATE", "PRESENT_REF")
    assert spans("Relations may improve in the future.")["the future"] == ("DATE", "FUTURE_REF")
    assert spans("The plant was recently expanded.")["recently"] == ("DATE", "PAST_REF")


def test_holidays() -> None:
    assert only("Shops closed for Christmas.").value == "2025-12-25"
    assert only("Families gathered on Thanksgiving.").value == "2025-11-27"
    assert only("Turnout fell on Election Day.").value == "2025-11-04"
    assert only("The ferry sank last Thanksgiving.", published="2026-02-01").value == "2025-11-27"


def test_anaphoric_expressions_follow_the_previous_date() -> None:
    found = find("The mill opened in 1995. The following year it doubled its output.")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("1995", "1995", None),
        ("The following year", "1996", "t1"),
    ]
    found = find("Troops crossed on March 3, 2024. Later that day the town fell.")
    assert (found[1].text, found[1].value, found[1].anchor) == (
        "Later that day",
        "2024-03-03",
        "t1",
    )
    # with nothing to refer to, the publication date is the anchor
    t = only("The rebels withdrew the following day.")
    assert (t.value, t.anchor) == ("2025-12-24", "published")


# --------------------------------------------------------------------------- tense and anaphora


def test_irregular_past_tenses_are_cues() -> None:
    # "sold" sits next to the month; the "will" of the relative clause is further away
    assert only("In March, the company sold its stake, which will help it grow.").value == "2025-03"
    # a participle after "be" is not a past tense
    assert only("In March, the stake will be sold to a rival.").value == "2026-03"


def test_adjectival_participles_are_not_cues() -> None:
    text = "The dividend would be paid on a still unspecified date in March."
    assert only(text).value == "2026-03"


def test_an_agreement_to_act_points_to_the_future() -> None:
    assert only("Acme agreed to buy the unit in March.").value == "2026-03"
    assert only("Acme bought the unit in March.").value == "2025-03"


def test_since_points_to_the_past() -> None:
    assert only("Shares have fallen 30% since January.").value == "2025-01"
    assert only("Talks have stalled since Dec. 1.").value == "2025-12-01"
    assert only("Prices have risen since Monday.").value == "2025-12-22"


def test_died_is_a_past_cue() -> None:
    found = spans("Between March and May, 300 people died.")
    assert (found["March"], found["May"]) == (("DATE", "2025-03"), ("DATE", "2025-05"))


def test_as_soon_as_points_to_the_future() -> None:
    assert only("The team could leave as soon as Friday.").value == "2025-12-26"


def test_a_plan_in_the_progressive_stays_in_the_future() -> None:
    assert only("Protesters were planning to march on Saturday.").value == "2025-12-27"


def test_a_verb_of_another_clause_is_not_a_cue() -> None:
    text = "Officials announced the plan on Friday and will publish details later."
    assert only(text).value == "2025-12-19"


def test_by_a_month_is_a_deadline_ahead() -> None:
    found = spans("The talks, which began last week, should end by May.")
    assert found["May"] == ("DATE", "2026-05")


def test_the_quarter_refers_to_the_quarter_just_named() -> None:
    found = find("Acme reported a loss for its fiscal first quarter. Sales in the quarter fell 3%.")
    assert [(t.text, t.value) for t in found] == [
        ("fiscal first quarter", "2025-Q1"),
        ("the quarter", "2025-Q1"),
    ]


def test_the_previous_weekday_after_that_weekday() -> None:
    found = spans("Shares closed lower on Friday, down 2% from the previous Friday.")
    assert found["Friday"] == ("DATE", "2025-12-19")
    assert found["the previous Friday"] == ("DATE", "2025-12-12")


def test_a_possessive_weekday_is_the_one_just_past() -> None:
    # the sentence's "would" does not make Friday's ruling a future one
    found = spans("Rebel leaders said they would try to overturn Friday's ruling in court.")
    assert found == {"Friday": ("DATE", "2025-12-19")}
    # ... unless the text looks ahead to it
    assert spans("Parties held rallies ahead of Sunday's vote.") == {
        "Sunday": ("DATE", "2025-12-28")
    }


def test_the_following_morning_is_the_next_day() -> None:
    text = "The minister was arrested on Dec. 10 and appeared in court the following morning."
    found = find(text)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("Dec. 10", "2025-12-10", "published"),
        ("the following morning", "2025-12-11", "t1"),
    ]


def test_later_in_the_day_is_the_day_just_named() -> None:
    found = find("The ship docked on Dec. 19 and unloaded its cargo later in the day.")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("Dec. 19", "2025-12-19", "published"),
        ("later in the day", "2025-12-19", "t1"),
    ]
    assert spans("Talks resumed later in the day.") == {"later in the day": ("DATE", "2025-12-23")}


def test_the_week_is_the_week_just_named() -> None:
    found = find("Stocks fell on Dec. 5. For the week, the index lost 2%.")
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("Dec. 5", "2025-12-05", "published"),
        ("the week", "2025-W49", "t1"),
    ]
    assert spans("It was the week's busiest session.") == {"the week": ("DATE", "2025-W52")}
    assert find("Sales rose in the week before the holiday.") == []


def test_british_weekday_day_month() -> None:
    assert spans("Talks resume on Monday 29 December, aides said.") == {
        "Monday 29 December": ("DATE", "2025-12-29")
    }
    assert spans("It opened on Friday, 5 December 2025.") == {
        "Friday, 5 December 2025": ("DATE", "2025-12-05")
    }


def test_us_time_zones_without_standard_or_daylight() -> None:
    assert spans("Markets closed at 4 p.m. ET.") == {"4 p.m. ET": ("TIME", "2025-12-23T16:00")}
    assert spans("The launch is set for 9 a.m. PT.") == {"9 a.m. PT": ("TIME", "2025-12-23T09:00")}


def test_mid_month() -> None:
    assert spans("Output fell in mid-March.") == {"mid-March": ("DATE", "2025-03")}


def test_year_ranges_give_the_first_year() -> None:
    assert spans("He coached them in the 2014-15 season.") == {"2014": ("DATE", "2014")}
    assert spans("The 1939-1945 war changed Europe.") == {"1939": ("DATE", "1939")}
    assert find("Call 2012-3456 for tickets.") == []


def test_a_day_range_gives_its_first_day() -> None:
    found = spans("The summit is scheduled for March 2-3.")
    assert found == {"March 2": ("DATE", "2026-03-02")}
    found = spans("The talks ran Nov. 12-14, 2024, in Paris.")
    assert found["Nov. 12"] == ("DATE", "2024-11-12")
    assert find("Shares rose May 5-7% on the news.") == []


def test_the_fiscal_year_with_its_year() -> None:
    assert spans("Sales in the 2024 fiscal year rose.") == {
        "the 2024 fiscal year": ("DATE", "2024")
    }


def test_a_decade_with_an_apostrophe_after_a_conjunction() -> None:
    found = spans("In the 1980s and '90s, crime rose.")
    assert found == {"the 1980s": ("DATE", "198"), "'90s": ("DATE", "199")}


def test_the_year_to_a_month_is_a_year_long() -> None:
    found = spans("The economy grew 2% in the year to November.")
    assert found["the year"] == ("DURATION", "P1Y")


def test_a_month_in_a_name_is_not_a_date() -> None:
    assert find("She walked at the head of the March of the Living.") == []
    assert spans("It rained in March of that year.")["March"] == ("DATE", "2025-03")


def test_a_plan_in_the_past_perfect_is_past() -> None:
    # "had been scheduled to expire": the expiry was planned, and is past
    found = spans("The offer had been scheduled to expire Friday, but it was extended.")
    assert found == {"Friday": ("DATE", "2025-12-19")}


def test_a_year_after_pre_or_post() -> None:
    assert spans("The post-2008 rules were tightened again.") == {"post-2008": ("DATE", "2008")}
    assert spans("Its pre-1990 records were lost.") == {"pre-1990": ("DATE", "1990")}


def test_generic_today_and_tomorrow_are_not_days() -> None:
    assert find("Teachers say today's teenagers read fewer books.") == []
    assert find("The cars of tomorrow, engineers said, will be electric.") == []
    assert spans("Today's meeting was cancelled.") == {"Today": ("DATE", "2025-12-23")}
    assert spans("Tomorrow's vote is close.") == {"Tomorrow": ("DATE", "2025-12-24")}


def test_soon_in_a_past_narrative_is_not_the_future() -> None:
    assert find("The mayor was soon forced to resign, and the protests soon faded.") == []
    assert spans("The council will soon vote on the budget.") == {"soon": ("DATE", "FUTURE_REF")}


def test_now_as_a_discourse_marker_is_not_a_time() -> None:
    assert find("Now, the company says, profits are rising.") == []
    assert spans("Now officials are looking at new rules.") == {"Now": ("DATE", "PRESENT_REF")}
    assert spans("Prices are now, analysts say, too high.") == {"now": ("DATE", "PRESENT_REF")}


def test_a_numbered_period_or_term_is_one_duration() -> None:
    found = spans("He served a three-year term in the senate before a two-week break.")
    assert found == {"a three-year term": ("DURATION", "P3Y"), "two-week": ("DURATION", "P2W")}


def test_the_day_before_a_weekday() -> None:
    text = "The day before last Tuesday's hearing, lawyers met."
    assert spans(text) == {"day before last Tuesday": ("DATE", "2025-12-15")}
    assert spans(text, published=None) == {"day before last Tuesday": ("DATE", "XXXX-XX-XX")}


def test_a_clock_time_takes_the_day_named_after_its_conversion() -> None:
    found = spans("The blast occurred at 10:35 a.m. (0735 GMT) Friday in the capital.")
    assert found["10:35 a.m."] == ("TIME", "2025-12-19T10:35")


# --------------------------------------------------------------------------- granularity


@pytest.mark.parametrize(
    ("text", "expected", "kind", "value"),
    [
        ("It rained in January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE",
         "1997-01"),
        ("Prices peaked in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "DATE", "1994-WI"),
        ("The hearing is set for the week of Jan. 12, 2026.", "the week of Jan. 12, 2026", "DATE",
         "2026-W03"),
        ("Analysts say the region will one day be a hub.", "one day", "DATE", "FUTURE_REF"),
        ("Investors fear the near term.", "the near term", "DATE", "FUTURE_REF"),
        ("The shares will be sold at a later date.", "a later date", "DATE", "FUTURE_REF"),
        ("Prices may rise in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
        ("Over the years the firm grew.", "the years", "DURATION", "PXY"),
        ("He ended a several-year tenure.", "several-year", "DURATION", "PXY"),
        ("A decade of growth ended.", "A decade", "DURATION", "P10Y"),
        ("It was the worst war of the past century.", "the past century", "DURATION", "P100Y"),
        ("Sales kept the trend of the last half of the '80s.", "the last half of the '80s", "DATE",
         "198"),
        ("Net for the year-earlier nine months rose.", "the year-earlier nine months", "DURATION",
         "P9M"),
    ],
)  # fmt: skip
def test_granularity_and_references(text: str, expected: str, kind: str, value: str) -> None:
    assert spans(text)[expected] == (kind, value)


def test_last_the_verb_is_not_part_of_a_duration() -> None:
    found = spans("The trial is expected to last three weeks.")
    assert found == {"three weeks": ("DURATION", "P3W")}
    assert spans("It rained for the last two days.") == {"the last two days": ("DURATION", "P2D")}


def test_a_clock_time_takes_the_date_after_on() -> None:
    assert spans("The deadline is midnight on Dec. 31.")["midnight"] == ("TIME", "2025-12-31T24:00")
    assert spans("The raid began at 6 a.m. on Monday.")["6 a.m."] == ("TIME", "2025-12-22T06:00")
    # an ordinal day in words does not break the time
    assert spans("He arrived at 9 a.m. Dec. first.") == {
        "9 a.m. Dec. first": ("TIME", "2025-12-01T09:00")
    }


def test_a_clock_time_takes_the_day_named_before_at() -> None:
    found = spans("A memorial service will be held Thursday at 2 p.m.")
    assert found == {"Thursday": ("DATE", "2025-12-25"), "2 p.m.": ("TIME", "2025-12-25T14:00")}


def test_a_participle_after_be_is_not_a_past_cue() -> None:
    # "held" is a past tense, but not in "will be held"
    assert only("The vote will be held on Saturday.").value == "2025-12-27"


def test_a_vow_after_the_day_dates_the_speech() -> None:
    text = "The minister, speaking in Geneva on Saturday, vowed to find the killers."
    assert only(text).value == "2025-12-20"


def test_a_converted_time_before_last_weekday() -> None:
    found = spans("The raid began at 10:30 a.m. local time (0730 GMT) last Friday.")
    assert found["10:30 a.m. local time"] == ("TIME", "2025-12-19T10:30")


def test_a_quarter_of_something_is_not_a_duration() -> None:
    assert find("The fund holds more than a quarter of the market.") == []


# --------------------------------------------------------------------------- false alarms


@pytest.mark.parametrize(
    "text",
    [
        "The ministry may announce new sanctions.",
        "May the talks succeed, the envoy said.",
        "Protesters march through the capital.",
        "March on, the crowd chanted.",
        "Goals will be set at the Ninth Congress of the party.",
        "The 1st Armored Division moved north.",
        "Leaders of the G-7 met in Rome.",
        "Cases of COVID-19 rose sharply.",
        "Sun Yat-sen is revered in Taipei.",
        "Call 555-2010 or (202) 555-1990 for details.",
        "Tickets cost $1990 each.",
        "The Sunday Times reported the story.",
        "April Glaspie met the president.",
        "An F-16 and a Hwasong-18 were shown.",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find(text) == []


def test_read_also_lines_are_skipped() -> None:
    text = "Talks began on Monday.\nRead Also: Leaders to meet on Friday\nThe envoy left."
    assert [t.text for t in find(text)] == ["Monday"]


# --------------------------------------------------------------------------- settings, plugins


@pytest.mark.parametrize(
    "settings",
    [{"prefer_future": "yes"}, {"day_first": 1}, {"anchor": "clock"}],
)
def test_bad_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(reportedly.ConfigError, match=r"steps\.dates\."):
        Dates(**settings)  # type: ignore[arg-type]


def test_plugin_patterns_are_merged() -> None:
    vocabulary = Vocabulary(
        date_patterns=({"pattern": r"\bTet\b", "type": "DATE", "value": "XXXX-01-29"},)
    )
    step = Dates(vocabulary=vocabulary)
    t = only("Markets close for Tet.", step=step)
    assert (t.text, t.value, t.anchor) == ("Tet", "2026-01-29", "published")
    assert only("Markets close for Tet.", published=None, step=step).value == "XXXX-01-29"


@pytest.mark.parametrize(
    "entry",
    [
        {"pattern": "(", "type": "DATE", "value": "XXXX-01-29"},
        {"pattern": "Tet", "type": "DAY", "value": "XXXX-01-29"},
        {"pattern": "Tet", "type": "DATE", "value": "late January"},
        {"type": "DATE", "value": "XXXX-01-29"},
    ],
)
def test_bad_plugin_patterns_are_config_errors(entry: dict[str, str]) -> None:
    with pytest.raises(reportedly.ConfigError, match="reportedly_date_patterns"):
        Dates(vocabulary=Vocabulary(date_patterns=(entry,)))


def test_pipeline_and_json() -> None:
    analysis = reportedly.Pipeline(["dates"])(
        reportedly.Article("Officials said on Tuesday that talks end next year.", published=TUESDAY)
    )
    assert [d["text"] for d in analysis.to_dict()["dates"]] == ["Tuesday", "next year"]
    assert analysis.to_dict()["dates"][0] == {
        "id": "t1", "text": "Tuesday", "start": 18, "end": 25, "type": "DATE",
        "value": "2025-12-23", "anchor": "published",
    }  # fmt: skip


# --------------------------------------------------------------------------- properties


@given(
    text=any_text,
    published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31))),
)
def test_never_raises_and_keeps_offsets(text: str, published: dt.date | None) -> None:
    article = reportedly.Article(text, published=published)
    assert_valid(article, find(text, published))


@given(text=news_like_text, day_first=st.booleans(), prefer_future=st.booleans())
def test_values_are_valid_timex3_on_news_like_text(
    text: str, day_first: bool, prefer_future: bool
) -> None:
    step = Dates(day_first=day_first, prefer_future=prefer_future)
    article = reportedly.Article(text, published=TUESDAY)
    assert_valid(article, find(text, TUESDAY, step))


# --------------------------------------------------------------------------- speed devices
# The step avoids work (a `requires` pre-check, tries instead of long alternations, ASCII token
# scans); each must find exactly what the plain form would.

_REQUIRES_SAMPLES = [
    "The talks ended three weeks ago, and a deal may come two days later, at 4:30 p.m. EST.",
    "Shares rose 5 percent a year in the '90s; the 1990s and the sixties saw Q3 and 2Q 2024 gains.",
    "He left at noon; she came back at midnight, at 10 o'clock and then at 14h30 on 3/4/2025.",
    "The year-end figures for the third quarter came at the end of the year, on 12 March 2024.",
    "Call +44 20 7946 0958 or (212) 555-0199 before the offer of $4.5 million ends.",
    "Sales grew 3% per month, a two-year-old plan said, unlike the 30-year bond.",
    "She served a three-year term and then a two-week stretch as acting mayor.",
]


@given(text=news_like_text)
def test_requires_never_rejects_a_stretch_with_a_match(text: str) -> None:
    for sample in [text, *_REQUIRES_SAMPLES]:
        for rule in STEP._rules:
            if rule.requires is None:
                continue
            for m in rule.pattern.finditer(sample):
                assert rule.requires.search(sample, m.start(), m.end()), (rule.name, m.group())
        for negative in STEP._negatives:
            if negative.requires is None:
                continue
            for m in negative.pattern.finditer(sample):
                assert negative.requires.search(sample, m.start(), m.end()), negative.name


def test_requires_samples_exercise_the_rules() -> None:
    # the samples above are only a check if the rules with `requires` do match them
    matched = {
        rule.name
        for rule in STEP._rules
        if rule.requires is not None
        for sample in _REQUIRES_SAMPLES
        if rule.pattern.search(sample)
    }
    assert {
        "offset", "clock_time", "decade", "set_rate", "quarter_code", "day_month_year",
        "duration_period",
    } <= matched  # fmt: skip


_KEY = st.text(alphabet="abk s'", min_size=1, max_size=5).filter(lambda k: k.strip() == k)


@given(
    keys=st.lists(_KEY, min_size=1, max_size=8), text=st.text(alphabet="abkKſ s'’-", max_size=40)
)
def test_trie_alternation_matches_like_the_plain_one(keys: list[str], text: str) -> None:
    from reportedly.extractors.dates._rules import _alternation, _phrase

    plain = "|".join(_phrase(k) for k in sorted(set(keys), key=lambda k: (-len(k), k)))
    for tail in ("", r"\b", r"(?:\s+b)?", r"(?!a)"):
        ours = regex.compile(f"(?:{_alternation(keys)}){tail}", regex.IGNORECASE)
        theirs = regex.compile(f"(?:{plain}){tail}", regex.IGNORECASE)
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


@given(
    words=st.lists(st.text(alphabet="abs '", min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(alphabet="abAsS '’.", max_size=40),
)
def test_ordered_word_list_trie_matches_like_the_plain_one(words: list[str], text: str) -> None:
    from reportedly.extractors.dates._rules import _word_list

    words = [w for w in words if w.strip() == w and "  " not in w]
    if not words:
        return
    frame = r"(?<![\w'’])(?:(?P<cue>{}))(?![\w'’])"
    ours = regex.compile(frame.format(_word_list(words)), regex.IGNORECASE)
    theirs = regex.compile(frame.format("|".join(map(regex.escape, words))), regex.IGNORECASE)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


@given(text=news_like_text)
def test_ascii_trigger_scan_finds_the_same_hits(text: str) -> None:
    for sample in (text, "In 1997 and the 90s, 3 days ago: Monday, MAY 5, new YEAR's eve 20x"):
        if not sample.isascii():
            continue
        fast = STEP._ascii_trigger_hits(sample)
        slow = STEP._token_trigger_hits(sample)
        assert {k: sorted(v) for k, v in fast.items()} == {k: sorted(v) for k, v in slow.items()}


_TRIE_KEYS = ["a", "ab", "a b", "b", "ab s", "s", "abk", "ak", "Abk", "abk s"]
_TRIE_TEXTS = ["a b", "ab s", "abk a", "ab", "a  b s", "ak ab", "A B", "aK s", "abſ", "ab's", "b-a"]


@pytest.mark.parametrize("size", [1, 2, 3])
def test_tries_match_like_the_plain_alternations_exhaustively(size: int) -> None:
    from reportedly.extractors.dates._rules import _alternation, _phrase, _word_list

    frame = r"(?<![\w'’])(?:{})(?![\w'’])"
    for keys in itertools.permutations(_TRIE_KEYS, size):
        plain = "|".join(_phrase(k) for k in sorted(set(keys), key=lambda k: (-len(k), k)))
        ordered = "|".join(map(regex.escape, keys))
        for ours, theirs in (
            (f"(?:{_alternation(keys)})", f"(?:{plain})"),
            (f"(?:{_alternation(keys)})(?:\\s+b)?", f"(?:{plain})(?:\\s+b)?"),
            (frame.format(_word_list(list(keys))), frame.format(ordered)),
        ):
            fast, slow = regex.compile(ours, regex.I), regex.compile(theirs, regex.I)
            for text in _TRIE_TEXTS:
                found = [m.span() for m in fast.finditer(text)]
                assert found == [m.span() for m in slow.finditer(text)], (keys, text, ours)
