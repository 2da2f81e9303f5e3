"""Normalizers: from a rule's matched groups to a TIMEX3 type and value.

Each normalizer takes the match groups and the :class:`Context` of the article (anchor date,
text, tense cues) and returns a :class:`Resolution`, or ``None`` to reject the candidate (a month
name that is a modal verb, an impossible date). Relative values are computed from the anchor only
when there is one; otherwise they stay underspecified (``XXXX-01``) and ``anchored`` is false.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Literal

import attrs
import regex

from reportedly.extractors.dates._rules import Lexicon, Rule

Groups = Mapping[str, str | None]
Tense = Literal["past", "future"]


@attrs.frozen
class Resolution:
    """What a normalizer decided: TIMEX3 ``type`` and ``value``; ``anchored`` if the anchor was used."""

    type: str
    value: str
    anchored: bool = False
    end: int | None = None  # set to end the expression earlier than the rule's match
    #: (unit, offset) when the expression is relative to the previous specific date in the text
    #: ("the following year"); ``value`` is then the fallback, from the publication date
    relative: tuple[str, int] | None = None


@attrs.define
class Context:
    """Everything a normalizer may look at for one article."""

    text: str
    lower: str
    dct: dt.date | None
    lex: Lexicon
    prefer_future: bool
    day_first: bool
    sentence_bounds: Callable[[int], tuple[int, int]]
    start: int = 0
    end: int = 0
    #: the tense cues of each sentence (by its bounds), see :meth:`_cues`
    _cue_cache: dict[tuple[int, int], list[tuple[int, int, Tense, Tense]]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def tense(self) -> Tense | None:
        """The tense of the nearest cue to the current candidate in its sentence, if any."""
        lo, hi = self.sentence_bounds(self.start)
        cues = self._cue_cache.get((lo, hi))
        if cues is None:
            cues = self._cue_cache[(lo, hi)] = self._cues(lo, hi)
        best: tuple[int, Tense] | None = None
        for cue_start, cue_end, kind, kind_after in cues:
            if cue_end > self.start and cue_start < self.end:
                continue
            if cue_start >= self.end:
                if _CLAUSE_BREAK.search(self.text, self.end, cue_end):
                    continue  # "on Saturday and were planning to ...": the verb of another clause
                kind = kind_after
            # the governing verb usually comes first: a cue after the expression counts double
            distance = self.start - cue_end if cue_end <= self.start else 2 * (cue_start - self.end)
            if best is None or distance < best[0]:
                best = (distance, kind)
        return None if best is None else best[1]

    def _cues(self, lo: int, hi: int) -> list[tuple[int, int, Tense, Tense]]:
        """The tense cues of the sentence ``lo:hi`` with what does not depend on the candidate.

        Each is ``(start, end, tense, tense when after the candidate)``; cues that are never
        verbs (participles after "be", adjectives after a determiner) are left out. A sentence
        usually holds several candidates, so this is computed once per sentence.
        """
        cues: list[tuple[int, int, Tense, Tense]] = []
        for m in self.lex.tense_cues.finditer(self.text, lo, hi):
            word = m.group().lower()
            weak = m.group("weak") is not None
            future = m.group("future") is not None
            if not future and _PASSIVE.search(self.lower, max(lo, m.start() - 8), m.start()):
                continue  # "will be inspected", "would be paid", "to be held": a participle
            if weak and (
                word in self.lex.not_past
                or _ADJECTIVAL.search(self.lower, max(lo, m.start() - 24), m.start())
            ):
                continue  # "a still unspecified date": an adjective
            kind: Tense = "future" if future else "past"
            kind_after = kind
            if (
                kind == "future"
                and not word.endswith(("ing", "ing to"))
                and _PAST_AUXILIARY.search(self.lower, max(lo, m.start() - 36), m.start())
            ):
                # "had been scheduled to", "was due to": a past plan ("were planning to" is not)
                kind = kind_after = "past"
            elif kind == "future" and _PAST_PROMISE.fullmatch(word):
                # "speaking on Saturday, vowed to find ...": the vow is what the day dates
                kind_after = "past"
            cues.append((m.start(), m.end(), kind, kind_after))
        return cues

    def direction(self) -> Tense:
        """The tense, or the default when the sentence has no cue."""
        tense = self.tense()
        if tense is None:
            return "future" if self.prefer_future else "past"
        return tense

    def word_before(self) -> str:
        """The lower-cased word just before the candidate ("" at the start of the text)."""
        m = _WORD_BEFORE.search(self.lower, max(0, self.start - 40), self.start)
        return m.group(1) if m else ""

    def word_after(self) -> str:
        """The word just after the candidate ("" at the end of the text)."""
        m = _WORD_AFTER.match(self.text, self.end, min(len(self.text), self.end + 40))
        return m.group(1) if m else ""

    def near(self, needle: str, before: int = 400, after: int = 120) -> bool:
        """Whether ``needle`` occurs in the text around the candidate."""
        return self.lower.find(needle, max(0, self.start - before), self.end + after) >= 0


_CLAUSE_BREAK = regex.compile(r";|\b(?:and|but|while|whereas)\s+(?=\p{Ll})")
# a determiner (and an adverb) in front of an "-ed" word makes it an adjective: "the revised plan"
_ADJECTIVAL = regex.compile(
    r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:still\s+|newly\s+|widely\s+)?\Z"
)
_PAST_PROMISE = regex.compile(r"[a-z]+ed\s+to")
_PASSIVE = regex.compile(r"\b(?:be|being)\s+\Z")
_PAST_AUXILIARY = regex.compile(r"\b(?:was|were|had(?:\s+been)?)\s+(?:\w+\s+)?(?:\w+\s+to\s+)?\Z")
_WORD_BEFORE = regex.compile(r"([\w'’-]+)[^\w]*$")
_WORD_AFTER = regex.compile(r"\W*?([\w'’-]+)")
# compiled once: calling ``regex.sub(pattern, ...)`` per candidate pays for a cache lookup
_SPACES = regex.compile(r"\s+")
_DASHES_OR_SPACES = regex.compile(r"[-\s]+")
_NON_DIGIT = regex.compile(r"\D")
_LEADING_THE = regex.compile(r"^the\s+")

# Words in front of a bare month name or season that make it a date for sure ("in May").
_DATE_PREPOSITIONS = frozenset(
    {
        "in", "on", "since", "by", "until", "till", "through", "throughout", "during", "from",
        "to", "before", "after", "between", "and", "or", "of", "early", "late", "mid", "last",
        "next", "this", "each", "every", "around", "about", "as", "into", "over", "for", "at",
        "within", "a", "the", "its", "their", "his", "her",
    }
)  # fmt: skip
# After a bare month name, "of" and a capitalized word make it part of a name ("March of Dimes").
_NAME_AFTER_MONTH = regex.compile(r"\s+of\s+(?:the\s+)?\p{Lu}")
# Month names that are also common words or first names: only a date after a preposition.
_AMBIGUOUS_MONTHS = frozenset({5, 3, 4, 6, 8})


# --------------------------------------------------------------------------- date arithmetic


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by ``months`` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """The TIMEX3 week value of ``day`` ("2025-W52"), ISO 8601 week numbering."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> tuple[int, int]:
    """(year, quarter 1-4) of ``day``."""
    return day.year, (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """(year, quarter) moved by ``quarters``."""
    index = year * 4 + quarter - 1 + quarters
    return index // 4, index % 4 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether year-month-day exists in the calendar."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def parse_number(text: str, lex: Lexicon) -> float | None:
    """A cardinal in digits or words ("1,200", "twenty-four", "a couple of", "half a")."""
    raw = text.lower().replace(",", "").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        pass
    if raw in lex.numbers:
        return lex.numbers[raw]
    total = 0.0
    current = 0.0
    for word in _DASHES_OR_SPACES.split(raw):
        if word in ("and", "of", ""):
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif word == "couple":
            current += 2 if current == 0 else 0
        elif word == "half":
            current += 0.5
        elif word in ("a", "an"):
            current += 0 if current else 1
        elif word in lex.numbers:
            current += lex.numbers[word]
        else:
            return None
    total += current
    return total or None


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


# --------------------------------------------------------------------------- resolution helpers


_TENSE_PENALTY_MONTHS = 12.0


def nearest_year_for(month: int, day: int | None, ctx: Context) -> int:
    """The year that puts month(-day) on the side of the anchor the tense points to."""
    assert ctx.dct is not None
    dct = ctx.dct
    tense = ctx.tense()
    before = ctx.word_before()
    if before in ctx.lex.future_prepositions:
        tense = "future"
    elif before in ctx.lex.past_prepositions:
        # "since January": the last one that has begun, the anchor's own month included
        if day is None:
            return dct.year if month <= dct.month else dct.year - 1
        return dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
    candidate_day = day or 1
    if day is None:
        if abs(month - dct.month) <= 1:
            return dct.year  # next to the anchor's month: the tense cannot mean a year away
        if (month, dct.month) == (12, 1):
            return dct.year - 1
        if (month, dct.month) == (1, 12):
            return dct.year + 1
        if tense is None and ctx.prefer_future:
            tense = "future"
        # months away in each direction; the tense costs the other direction a penalty, so a
        # month far on the tense's side loses to one just across the anchor
        best_month_year, best_month_cost = dct.year, 99.0
        for year in (dct.year - 1, dct.year, dct.year + 1):
            delta = (year - dct.year) * 12 + month - dct.month
            cost = abs(delta) + 0.5 * (delta > 0)  # ties go to the past
            if (tense == "future" and delta < 0) or (tense == "past" and delta > 0):
                cost += _TENSE_PENALTY_MONTHS
            if cost < best_month_cost:
                best_month_year, best_month_cost = year, cost
        return best_month_year
    best_year = dct.year
    best_cost = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if not valid_day(year, month, candidate_day):
            continue
        delta = (dt.date(year, month, candidate_day) - dct).days
        cost = abs(delta)
        # within two months of the anchor the nearest date wins whatever the tense
        if (tense == "future" and delta < -60) or (tense == "past" and delta > 60):
            cost += 400
        if best_cost is None or cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def resolve_weekday(weekday: int, rel: str | None, ctx: Context) -> dt.date:
    """The date of ISO ``weekday`` near the anchor: by ``rel`` (last/next/this) or by the tense."""
    assert ctx.dct is not None
    dct = ctx.dct
    today = dct.isoweekday()
    back = (today - weekday) % 7  # days back to the most recent such weekday (0 = today)
    forward = (weekday - today) % 7
    if rel in ("last", "past", "previous", "this past"):
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming", "following"):
        return dct + dt.timedelta(days=forward or 7)
    if rel == "this":
        direction = ctx.tense() or ("future" if forward <= back else "past")
    elif ctx.word_before() in ctx.lex.past_prepositions:
        direction = "past"  # "since Monday"
    else:
        direction = ctx.direction()
    if direction == "future":
        return dct + dt.timedelta(days=forward)
    return dct - dt.timedelta(days=back)


def _easter(year: int) -> dt.date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(rule: str, year: int) -> dt.date:
    """The date of a holiday rule ("12-25", "11-4-4", "05-1--1", "easter-2") in ``year``."""
    if rule == "election":  # US: the Tuesday after the first Monday in November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(1 - first.isoweekday()) % 7 + 1)
    if rule.startswith("easter"):
        return _easter(year) + dt.timedelta(days=int(rule[6:] or 0))
    month_text, _, rest = rule.partition("-")
    month = int(month_text)
    if rest.count("-") == 0:
        return dt.date(year, month, int(rest))
    weekday_text, _, nth_text = rest.partition("-")
    weekday, nth = int(weekday_text), int(nth_text)
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))


_YEAR_RELATIVE = {"last": -1, "this": 0, "next": 1}
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "day": "MI"}


def _year(groups: Groups) -> int | None:
    text = groups.get("year") or groups.get("year2")
    if text:
        return int(text)
    return None


def _two_digit_year(text: str, ctx: Context) -> int:
    yy = int(text)
    pivot = (ctx.dct.year if ctx.dct else 2030) % 100 + 10
    return (1900 if yy > pivot else 2000) + yy


# --------------------------------------------------------------------------- normalizers


def norm_fixed(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    value = rule.value or ""
    if value.startswith("XXXX") and ctx.dct is not None and value[4:5] == "-":
        parts = value[5:].split("-")
        if parts and parts[0].isdigit():
            month = int(parts[0])
            day = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            year = nearest_year_for(month, day, ctx)
            return Resolution(rule.type, f"{year:04d}{value[4:]}", True)
    return Resolution(rule.type, value)


def norm_date(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    lex = ctx.lex
    month_name = groups.get("month")
    if month_name:
        month = lex.months.get(month_name.lower())
        if month is None:
            return None
    elif groups.get("mnum"):
        month = int(groups["mnum"] or 0)
    else:
        return None
    day_text = groups.get("day") or groups.get("dnum")
    day = _day_number(day_text, lex) if day_text else None
    if day_text and day is None:
        return None
    year = _year(groups)
    if year is None and groups.get("wordyear"):
        year = _word_year(groups["wordyear"] or "", lex)
        if year is None:
            return None
    kind = rule.type
    time = ""
    if groups.get("hour24"):
        time = f"T{groups['hour24']}:{groups['minute24']}"
        kind = "TIME"
    if year is not None:
        if day is not None and not valid_day(year, month, day):
            return None
        value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        return Resolution(kind, value + time)
    if day is None:
        # a bare month name: only a date where it cannot be a verb or a first name
        rel = (groups.get("rel") or "").lower()
        yrel = (groups.get("yrel") or "").lower()
        if not rel and not yrel and month in _AMBIGUOUS_MONTHS:
            before = ctx.word_before().rstrip("-")  # "mid-March"
            if before not in _DATE_PREPOSITIONS:
                return None
        if not rel and not yrel and (month_name or "").isupper() and len(month_name or "") < 4:
            return None
        if not rel and not yrel and _NAME_AFTER_MONTH.match(ctx.text, ctx.end):
            return None  # "the March of the Living", "March of Dimes": a name
        if ctx.dct is None:
            return Resolution(kind, f"XXXX-{month:02d}")
        dct = ctx.dct
        if yrel:
            year = dct.year + _YEAR_RELATIVE[yrel]
        elif rel in ("last", "past"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            year = dct.year if month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            year = nearest_year_for(month, None, ctx)
        return Resolution(kind, f"{year:04d}-{month:02d}", True)
    if not valid_day(2000, month, day):
        return None
    if ctx.dct is None:
        return Resolution(kind, f"XXXX-{month:02d}-{day:02d}")
    year = nearest_year_for(month, day, ctx)
    weekday = lex.weekdays.get((groups.get("weekday") or "").lower())
    if weekday is not None and valid_day(year, month, day):
        # "Saturday, April 25": the year in which April 25 is a Saturday, if one is near
        for candidate in (year, year + 1, year - 1):
            if (
                valid_day(candidate, month, day)
                and dt.date(candidate, month, day).isoweekday() == weekday
            ):
                year = candidate
                break
    if not valid_day(year, month, day):
        return None
    return Resolution(kind, f"{year:04d}-{month:02d}-{day:02d}{time}", True)


def norm_week_of(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    """ "the week of March 6": the ISO week of that day (TIMEX3 week granularity)."""
    day = norm_date(groups, ctx, rule)
    if day is None:
        return None
    specific = specific_date(day.value)
    if specific is None or specific[1] != "D":
        return attrs.evolve(day, value=day.value[:4] + "-WXX")
    return attrs.evolve(day, value=iso_week(specific[0]))


def _day_number(text: str, lex: Lexicon) -> int | None:
    if text[:1].isdigit():
        # "28", "28th", "1ST": the digits, without an ordinal suffix in any case
        digits = text.rstrip("stndrhSTNDRH")
        return int(digits) if digits.isdigit() else None
    return lex.ordinals.get(text.lower())


def norm_numeric_date(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    n1, n2, n3 = (groups.get("n1") or ""), (groups.get("n2") or ""), (groups.get("n3") or "")
    year = int(n3) if len(n3) == 4 else _two_digit_year(n3, ctx)
    first, second = int(n1), int(n2)
    if groups.get("sep") == "." and len(n3) == 2:
        return None  # "1.5.25" is more often a version or a score than a date
    day, month = (first, second) if ctx.day_first else (second, first)
    if month > 12 and day <= 12:
        day, month = month, day  # 23/12/2025 cannot be month-first
    if not valid_day(year, month, day):
        return None
    return Resolution("DATE", f"{year:04d}-{month:02d}-{day:02d}")


def norm_long_tail(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    """Absolute strings our own rules do not take apart: handed to dateparser (lazily)."""
    import dateparser  # heavy: only imported when such a string is found

    text = ctx.text[ctx.start : ctx.end]
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY" if ctx.day_first else "MDY",
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    if parsed is None:
        return None
    return Resolution("DATE", parsed.date().isoformat())


def norm_year(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    year = _year(groups)
    if year is None and groups.get("yy"):
        year = _two_digit_year(groups["yy"] or "0", ctx)
    if year is None and groups.get("wordyear"):
        year = _word_year(groups["wordyear"] or "", ctx.lex)
    if year is None or not 1000 <= year <= 2099:
        return None
    if rule.name == "year" and not (1700 <= year <= 2099):
        # a bare four-digit number far from today is more likely a count than a year
        before = ctx.word_before()
        if before not in {"in", "since", "of", "by", "from", "until", "to", "year", "around"}:
            return None
    range_end = groups.get("range_end")
    if range_end:
        # "2012-13", "1939-45", "2009-2012": a range of years when the second one follows closely
        last = int(range_end) if len(range_end) == 4 else year // 100 * 100 + int(range_end)
        if not 0 < last - year <= 20:
            return None
        return Resolution("DATE", f"{year:04d}", end=ctx.start + 4)
    return Resolution("DATE", f"{year:04d}")


def _word_year(text: str, lex: Lexicon) -> int | None:
    words = [w for w in _DASHES_OR_SPACES.split(text.lower()) if w and w not in ("and", "oh")]
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(words[2:]), lex) if words[2:] else 0
        return None if rest is None else 2000 + int(rest)
    century = lex.numbers.get(words[0])
    if century is None:
        return None
    rest_words = words[1:]
    if rest_words and rest_words[0] == "hundred":
        rest_words = rest_words[1:]
    rest = parse_number(" ".join(rest_words), lex) if rest_words else 0
    if rest is None or rest >= 100:
        return None
    return int(century) * 100 + int(rest)


_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


def norm_decade(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    if groups.get("decade"):
        decade = groups["decade"] or ""
        if decade.endswith("00") and int(decade) < 2000:
            return Resolution("DATE", decade[:2])  # "the 1800s" is a century
        return Resolution("DATE", decade[:3])
    digits = groups.get("dd") or groups.get("dd2")
    if digits:
        return Resolution("DATE", f"19{digits[0]}")
    word = (groups.get("decadeword") or "").lower()
    if word in _DECADE_WORDS:
        return Resolution("DATE", f"19{_DECADE_WORDS[word]}")
    return None


def _ordinal(text: str | None, lex: Lexicon) -> int | None:
    if not text:
        return None
    text = text.lower()
    if text[:1].isdigit():
        return int(_NON_DIGIT.sub("", text))
    return lex.ordinals.get(text)


def norm_century(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    number = _ordinal(groups.get("ord"), ctx.lex)
    if number is None or not 1 <= number <= 21:
        return None
    return Resolution("DATE", f"{number - 1:02d}")


def norm_holiday(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    spec = ctx.lex.holidays.get(
        _SPACES.sub(" ", (groups.get("holiday") or "").lower()).replace("’", "'")
    )
    if spec is None:
        return None
    year = _year(groups)
    if year is None and ctx.dct is None:
        if spec[:2].isdigit() and spec.count("-") == 1:
            return Resolution("DATE", f"XXXX-{spec}")
        return Resolution("DATE", "XXXX-XX-XX")
    anchored = year is None
    rel = (groups.get("rel") or "").lower()
    if year is None:
        assert ctx.dct is not None
        this_year = holiday_date(spec, ctx.dct.year)
        if rel == "last":
            year = ctx.dct.year if this_year < ctx.dct else ctx.dct.year - 1
        elif rel == "next":
            year = ctx.dct.year if this_year > ctx.dct else ctx.dct.year + 1
        elif rel == "this":
            year = ctx.dct.year
        else:
            year = nearest_year_for(this_year.month, this_year.day, ctx)
    return Resolution("DATE", holiday_date(spec, year).isoformat(), anchored)


_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def norm_season(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    season_word = (groups.get("season") or "").lower()
    code = ctx.lex.seasons.get(season_word)
    if code is None:
        return None
    rel = _LEADING_THE.sub("", (groups.get("rel") or "").lower())
    year = _year(groups)
    if year is None and groups.get("wordyear"):
        year = _word_year(groups["wordyear"] or "", ctx.lex)
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{code}")
    if not rel or rel in ("early", "late", "mid"):
        before = ctx.word_before()
        span = ctx.lower[ctx.start : ctx.end]
        if before not in _DATE_PREPOSITIONS or (
            season_word in ("fall", "spring") and not rel and ctx.word_after() == "of"
        ):
            return None
        if (
            season_word in ("fall", "spring")
            and not span.startswith(("the", "early", "late", "mid"))
            and before in ("to", "and", "or", "of")
        ):
            return None
    if ctx.dct is None:
        return Resolution("DATE", f"XXXX-{code}")
    dct = ctx.dct
    middle = _SEASON_MONTH[code]
    if rel in ("last", "past"):
        year = dct.year if dct.month > middle + 1 else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if dct.month < middle - 1 else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        year = nearest_year_for(middle, None, ctx)
    return Resolution("DATE", f"{year:04d}-{code}", True)


def norm_quarter(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    if rule.name == "quarter_of_year":
        return _quarter_of_year(groups, ctx)
    number = _ordinal(groups.get("qord"), ctx.lex)
    if number is None:
        digit = groups.get("qnum") or groups.get("qnum2")
        number = int(digit) if digit else None
    if number is None or not 1 <= number <= 4:
        return None
    year = _year(groups)
    if year is None and groups.get("yy"):
        year = _two_digit_year(groups["yy"] or "0", ctx)
    yrel = (groups.get("yrel") or groups.get("yrel2") or "").lower()
    if year is not None:
        return Resolution("DATE", f"{year:04d}-Q{number}")
    if ctx.dct is None:
        return Resolution("DATE", f"XXXX-Q{number}")
    dct_year, dct_quarter = quarter_of(ctx.dct)
    if yrel:
        year = dct_year + _YEAR_RELATIVE[yrel]
    else:
        year = dct_year
        if number > dct_quarter and ctx.tense() != "future":
            year -= 1
    if groups.get("qrel"):
        year -= 1  # "the year-ago third quarter"
    return Resolution("DATE", f"{year:04d}-Q{number}", True)


def _quarter_of_year(groups: Groups, ctx: Context) -> Resolution | None:
    year = _year(groups)
    if year is None:
        return None
    unit = (groups.get("unit") or "").lower()
    if unit == "quarter" or (unit == "period" and ctx.near("quarter", 800, 200)):
        if ctx.dct is None:
            return Resolution("DATE", f"{year:04d}-QX")
        _, latest = shift_quarter(*quarter_of(ctx.dct), -1)
        return Resolution("DATE", f"{year:04d}-Q{latest}", True)
    return Resolution("DATE", f"{year:04d}")


_QUARTER_OFFSETS = {
    "latest": -1, "past": -1, "last": -1, "recent": -1, "just-ended": -1, "just-completed": -1,
    "most recent": -1, "": -1, "current": 0, "this": 0, "previous": -2, "preceding": -2,
    "next": 1, "coming": 1, "year-ago": -5, "last year's": -5, "last year’s": -5, "year-earlier": -5, "prior-year": -5,
    "year-before": -5, "comparable": -5, "same": -5,
}  # fmt: skip


def norm_quarter_relative(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    qrel = _SPACES.sub(" ", (groups.get("qrel") or "").lower())
    span = ctx.lower[ctx.start : ctx.end]
    if not qrel and span.startswith("this"):
        qrel = "this"
    month = ctx.lex.months.get(qrel)
    if ctx.dct is None:
        return Resolution("DATE", "XXXX-QX")
    dct_year, dct_quarter = quarter_of(ctx.dct)
    if month is not None:
        number = (month - 1) // 3 + 1
        year = dct_year if number <= dct_quarter else dct_year - 1
        return Resolution("DATE", f"{year:04d}-Q{number}", True)
    offset = _QUARTER_OFFSETS.get(qrel)
    if groups.get("ago"):
        offset = -5 if offset is None or offset == -1 else offset - 4
    if offset is None:
        return None
    if rule.name == "period_relative" and not ctx.near("quarter", 800, 200) and qrel != "":
        if qrel == "latest":
            return None
        return Resolution("DATE", f"{ctx.dct.year - 1:04d}", True)
    if qrel in _QUARTER_ANAPHORA and not groups.get("ago"):
        # "the quarter", "the latest period" after "its fiscal first quarter": that quarter
        mentioned = _mentioned_quarter(ctx)
        if mentioned is not None:
            return Resolution("DATE", mentioned, True)
    year, quarter = shift_quarter(dct_year, dct_quarter, offset)
    return Resolution("DATE", f"{year:04d}-Q{quarter}", True)


_QUARTER_ANAPHORA = frozenset({"", "latest"})
_ORDINAL_QUARTER = regex.compile(
    r"\b(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>1[89]\d\d|20\d\d)\b)?"
)
_ANAPHORA_WINDOW = 1500  # characters back in which "the quarter" looks for the quarter it means


def _mentioned_quarter(ctx: Context) -> str | None:
    """The value of the last "<ordinal> quarter" before the candidate, if one is near."""
    assert ctx.dct is not None
    mentions = _ORDINAL_QUARTER.findall(ctx.lower, max(0, ctx.start - _ANAPHORA_WINDOW), ctx.start)
    if not mentions:
        return None
    qord, year_text = mentions[-1]
    number = _ordinal(qord, ctx.lex)
    if number is None or not 1 <= number <= 4:
        return None
    if year_text:
        return f"{year_text}-Q{number}"
    dct_year, dct_quarter = quarter_of(ctx.dct)
    if number == dct_quarter:
        return None  # the quarter under way: not the one results are reported for
    year = dct_year - 1 if number > dct_quarter else dct_year
    return f"{year:04d}-Q{number}"


def norm_half(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    word = (groups.get("hord") or "").lower()
    number = 2 if word in ("last", "latter") else _ordinal(word, ctx.lex)
    if number not in (1, 2):
        return None
    year = _year(groups)
    yrel = (groups.get("yrel") or "").lower()
    if year is None:
        if ctx.dct is None:
            return Resolution("DATE", f"XXXX-H{number}")
        year = ctx.dct.year + _YEAR_RELATIVE.get(yrel, 0)
        if not yrel and number == 2 and ctx.dct.month <= 6 and ctx.tense() != "future":
            year -= 1
        return Resolution("DATE", f"{year:04d}-H{number}", True)
    return Resolution("DATE", f"{year:04d}-H{number}")


_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "this": 0,
    "last": -1,
}


def named_day(weekday: str | None, day_word: str, rel: str | None, ctx: Context) -> dt.date | None:
    """The date a weekday name (by ``rel`` or the tense) or a day word ("yesterday") names.

    ``None`` for a weekday name the lexicon does not know. Needs the anchor (``ctx.dct``).
    """
    assert ctx.dct is not None
    if weekday:
        number = ctx.lex.weekdays.get(weekday.lower())
        return None if number is None else resolve_weekday(number, rel, ctx)
    return ctx.dct + dt.timedelta(days=_DAY_WORDS.get(day_word, 0))


def norm_day_word(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    word = (groups.get("dayword") or groups.get("rel") or groups.get("tday") or "today").lower()
    part = (groups.get("part") or groups.get("part2") or "").lower()
    weekday = groups.get("weekday")
    code = ""
    if word in ("tonight", "tonite") or part in ("overnight",):
        code = "NI"
    elif part:
        code = _PARTS.get(part, ctx.lex.parts_of_day.get(part, ""))
    if word == "last" and part == "night":
        code = "NI"
    kind = "TIME" if code else "DATE"
    if word in ("today", "tomorrow") and not code and _is_generic_day(ctx):
        return None  # "today's youth", "the people of tomorrow": not a day
    if ctx.dct is None:
        if word == "today" and not code:
            return Resolution("DATE", "PRESENT_REF")
        return Resolution(kind, "XXXX-XX-XX" + (f"T{code}" if code else ""))
    day = named_day(weekday, word, None, ctx)
    if day is None:
        return None
    return Resolution(kind, day.isoformat() + (f"T{code}" if code else ""), True)


_OF_BEFORE = regex.compile(r"\b(?:the|a)\s+[a-z]+\s+of\s+\Z")
_ENDS_PHRASE = regex.compile(
    r"\s*(?:[,.;:!?)\"'’”]|--|\s(?:and|or|but|who|which|that|is|are|was|were|will|would)\b|\Z)"
)


def _is_generic_day(ctx: Context) -> bool:
    """ "today's youth", "the world of tomorrow": "today" or "tomorrow" as the generic present."""
    possessive = _POSSESSIVE.match(ctx.text, ctx.end)
    if possessive is not None:
        m = _WORD_AFTER.match(ctx.lower, possessive.end(), min(len(ctx.text), ctx.end + 40))
        return m is not None and m.group(1) in ctx.lex.generic_nouns
    return (
        ctx.lower.startswith("tomorrow", ctx.start)
        and _OF_BEFORE.search(ctx.lower, max(0, ctx.start - 40), ctx.start) is not None
        and _ENDS_PHRASE.match(ctx.text, ctx.end) is not None
    )


def norm_weekday(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    number = ctx.lex.weekdays.get((groups.get("weekday") or "").lower())
    if number is None:
        return None
    rel = _SPACES.sub(" ", (groups.get("rel") or "").lower()) or None
    part = (groups.get("part") or "").lower()
    code = _PARTS.get(part, "")
    # "Friday night" too is a DATE, valued as the day: TimeBank-AQUAINT annotate it so more often
    # than as a TIME with a part-of-day code (the code stays when there is no anchor)
    kind = "DATE"
    suffix = f"T{code}" if code else ""
    if ctx.dct is None:
        if groups.get("drel2"):
            return Resolution(kind, "XXXX-XX-XX")
        return Resolution(kind, f"XXXX-WXX-{number}{suffix}")
    name = (groups.get("weekday") or "").lower()
    if rel in ("previous", "preceding", "following") and ctx.lower.startswith("the", ctx.start):
        # "the previous Friday" after "Friday": the week before the Friday just mentioned
        earlier = ctx.lower.rfind(name, max(0, ctx.start - _ANAPHORA_WINDOW), ctx.start)
        if earlier >= 0:
            plain = resolve_weekday(number, None, ctx)
            shift_days = 7 if rel == "following" else -7
            return Resolution(kind, (plain + dt.timedelta(days=shift_days)).isoformat(), True)
    if rel is None and not groups.get("drel2") and _is_possessive_past(ctx):
        # "Friday's close", "get around Wednesday's ruling": a weekday named as the owner of an
        # event is the one just past, whatever the tense of the sentence
        day = ctx.dct - dt.timedelta(days=(ctx.dct.isoweekday() - number) % 7)
    else:
        day = resolve_weekday(number, rel, ctx)
    around = (groups.get("drel2") or "").lower()
    if around:
        day += dt.timedelta(days=-1 if around == "before" else 1)
    return Resolution(kind, day.isoformat(), True)


_POSSESSIVE = regex.compile(r"['’]s\b")
# in front of a possessive weekday, these make it the next one: "ahead of Sunday's vote"
_AHEAD = regex.compile(r"\b(?:ahead\s+of|before|until|till|by|for|awaiting|await|awaits)\s+\Z")


def _is_possessive_past(ctx: Context) -> bool:
    """Whether the candidate is a possessive ("Friday's") that does not look ahead."""
    if _POSSESSIVE.match(ctx.text, ctx.end) is None:
        return False
    return _AHEAD.search(ctx.lower, max(0, ctx.start - 20), ctx.start) is None


_UNIT_OFFSETS = {"this": 0, "current": 0, "same": 0, "last": -1, "past": -1, "previous": -1,
                 "prior": -1, "next": 1, "coming": 1, "following": 1, "latest": -1,
                 "this past": -1, "this coming": 1}  # fmt: skip


def _at_granularity(day: dt.date, unit: str) -> str:
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "2W"):
        return iso_week(day)
    if unit == "WE":
        return iso_week(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        year, quarter = quarter_of(day)
        return f"{year:04d}-Q{quarter}"
    if unit == "DE":
        return f"{day.year:04d}"[:3]
    if unit == "CE":
        return f"{day.year:04d}"[:2]
    if unit == "ML":
        return f"{day.year:04d}"[:1]
    return f"{day.year:04d}"


_SPECIFIC = regex.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?")
_GRANULARITY_ORDER = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}


def specific_date(value: str) -> tuple[dt.date, str] | None:
    """A TIMEX3 value that names one year, month or day, as (first day, granularity)."""
    m = _SPECIFIC.fullmatch(value)
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day is not None:
            return dt.date(year, int(month or 1), int(day)), "D"
        if month is not None:
            return dt.date(year, int(month), 1), "M"
        return dt.date(year, 1, 1), "Y"
    except ValueError:
        return None


def resolve_relative(base: tuple[dt.date, str], unit: str, offset: int) -> str | None:
    """The value ``offset`` units from ``base`` at ``unit`` granularity, if ``base`` is fine enough."""
    day, granularity = base
    if _GRANULARITY_ORDER.get(granularity, 9) > _GRANULARITY_ORDER.get(unit, 9):
        return None  # "the next day" after "1995" says nothing about the day
    return _at_granularity(shift(day, unit, offset), unit)


def shift(day: dt.date, unit: str, amount: float) -> dt.date:
    """``day`` moved by ``amount`` units (fractions of months and years round to months)."""
    if unit in ("D", "H", "M_", "S"):
        return day + dt.timedelta(days=round(amount) if unit == "D" else 0)
    if unit in ("W", "WE"):
        return day + dt.timedelta(days=round(amount * 7))
    if unit == "2W":
        return day + dt.timedelta(days=round(amount * 14))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit, 12)
    year, month = shift_months(day.year, day.month, round(amount * months))
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def norm_relative_unit(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    rel = _LEADING_THE.sub("", _SPACES.sub(" ", (groups.get("rel") or "").lower()))
    unit = ctx.lex.units.get((groups.get("unit") or "").lower())
    if unit is None:
        return None
    if rule.name == "the_weekend":
        rel = "this" if ctx.lower[ctx.start : ctx.start + 4] == "this" else ""
    elif rule.name in ("unit_edge", "the_week"):
        rel = "this"
    if ctx.dct is None:
        placeholder = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}
        return Resolution("DATE", placeholder.get(unit, "XXXX"))
    offset = _UNIT_OFFSETS.get(rel)
    if unit == "WE" and not rel:
        # "the weekend": the one just past in reported news, the next one in the future tense
        dct = ctx.dct
        if ctx.direction() == "future":
            day = dct + dt.timedelta(days=(6 - dct.isoweekday()) % 7)
        else:
            day = dct - dt.timedelta(
                days=(dct.isoweekday() % 7) + (0 if dct.isoweekday() >= 6 else 1)
            )
        return Resolution("DATE", iso_week(day) + "-WE", True)
    if offset is None:
        return None
    if unit in ("DE", "CE", "ML") and rel == "past" and ctx.lower.startswith("the", ctx.start):
        # "the past century": the last hundred years
        return Resolution("DURATION", _duration_value(1, unit))
    day = shift(ctx.dct, unit, offset)
    if (rule.name == "unit_edge" and unit == "D") or rule.name == "the_week":
        # "later in the day": the day the text is telling about, if it has named one just before
        return Resolution("DATE", _at_granularity(day, unit), True, relative=(unit, 0))
    return Resolution("DATE", _at_granularity(day, unit), True)


def _amount(groups: Groups, ctx: Context) -> float | None:
    if groups.get("vague"):
        return None
    number = parse_number(groups.get("num") or "", ctx.lex)
    if number is None:
        return None
    if groups.get("half") or groups.get("half2"):
        number += 0.5
    fraction = groups.get("fraction")
    if fraction:
        number += {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "3/4": 0.75}.get(fraction, 0)
    return number


def norm_offset(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    unit = ctx.lex.units.get((groups.get("unit") or "").lower())
    if unit is None or unit in ("S",):
        return None
    direction = _SPACES.sub(" ", (groups.get("dir") or "").lower())
    if direction in ("later", "before", "after") or (
        direction == "earlier"
        and unit in ("H", "M")
        and (unit != "M" or (groups.get("unit") or "").lower().startswith("minute"))
    ):
        # TimeML: in "three days later" only "three days" is the (DURATION) expression
        trimmed = ctx.text.rfind(groups.get("dir") or "", ctx.start, ctx.end)
        duration = norm_duration(groups, ctx, rule)
        if duration is None or trimmed <= ctx.start:
            return None
        end = trimmed
        while end > ctx.start and ctx.text[end - 1].isspace():
            end -= 1
        return attrs.evolve(duration, end=end)
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    amount = _amount(groups, ctx)
    if amount is None:
        return Resolution("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit in ("H", "M") and (groups.get("unit") or "").lower().startswith(("hour", "minute")):
        # "two hours ago": the day, at least (the anchor has no time of day in most corpora)
        if ctx.dct is None:
            return Resolution("TIME", "XXXX-XX-XX")
        return Resolution("DATE", ctx.dct.isoformat(), True)
    if ctx.dct is None:
        placeholder = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}
        return Resolution("DATE", placeholder.get(unit, "XXXX"))
    if unit == "Y" and amount == 1 and direction in ("earlier", "ago") and ctx.near("quarter"):
        year, quarter = shift_quarter(*quarter_of(ctx.dct), -5)
        return Resolution("DATE", f"{year:04d}-Q{quarter}", True)
    day = shift(ctx.dct, unit, sign * amount)
    return Resolution("DATE", _at_granularity(day, unit), True)


def norm_day_relative(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    rel = (groups.get("drel") or groups.get("drel2") or "").lower()
    sign = -1 if rel in ("previous", "preceding", "before") else 1
    if ctx.dct is None:
        return Resolution("DATE", "XXXX-XX-XX", relative=("D", sign))
    fallback = (ctx.dct + dt.timedelta(days=sign)).isoformat()
    return Resolution("DATE", fallback, True, relative=("D", sign))


_ANAPHORIC_OFFSETS = {"that": 0, "the same": 0, "later": 0, "earlier": 0, "the following": 1,
                      "the previous": -1, "the preceding": -1}  # fmt: skip


def norm_anaphoric(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    """ "that year", "the following day": relative to the date the text last mentioned."""
    rel = _SPACES.sub(" ", (groups.get("arel") or groups.get("arel2") or "").lower())
    unit = ctx.lex.units.get((groups.get("unit") or groups.get("unit2") or "").lower())
    offset = _ANAPHORIC_OFFSETS.get(rel)
    if unit is None or offset is None:
        return None
    if ctx.dct is None:
        placeholder = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX")
        return Resolution("DATE", placeholder, relative=(unit, offset))
    fallback = _at_granularity(shift(ctx.dct, unit, offset), unit)
    return Resolution("DATE", fallback, True, relative=(unit, offset))


def norm_year_adjective(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    if ctx.dct is None:
        return Resolution("DATE", "XXXX")
    if ctx.near("quarter"):
        year, quarter = shift_quarter(*quarter_of(ctx.dct), -5)
        return Resolution("DATE", f"{year:04d}-Q{quarter}", True)
    return Resolution("DATE", f"{ctx.dct.year - 1:04d}", True)


def norm_year_end(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    """ "by year-end": the year (TimeML values "the end of the year" as the year, mod END)."""
    if ctx.dct is None:
        return Resolution("DATE", "XXXX")
    year = ctx.dct.year
    if ctx.word_before() == "since" or (ctx.dct.month <= 2 and ctx.tense() == "past"):
        year -= 1
    return Resolution("DATE", f"{year:04d}", True)


#: Units ISO 8601 durations do not have, in years: "two decades" is P20Y, "a century" P100Y.
_YEARS_PER_UNIT = {"DE": 10, "CE": 100, "ML": 1000}


def _duration_value(amount: float | None, unit: str) -> str:
    if amount is not None and unit in _YEARS_PER_UNIT:
        amount, unit = amount * _YEARS_PER_UNIT[unit], "Y"
    time_units = {"H": "H", "S": "S"}
    is_time = unit in time_units or unit == "MIN"
    letter = "M" if unit == "MIN" else unit
    if unit == "WE":
        letter = "WE"
    if amount is None:
        return f"PT X{letter}".replace(" ", "") if is_time else f"PX{letter}"
    if amount != int(amount):
        whole = int(amount)
        fraction = amount - whole
        smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S"), "W": (7, "D"),
                   "DE": (10, "Y")}.get(unit)  # fmt: skip
        if smaller is not None and (fraction * smaller[0]).is_integer():
            small_amount = int(fraction * smaller[0])
            small_letter = smaller[1]
            head = f"{whole}{letter}" if whole else ""
            if is_time or small_letter == "H":
                if is_time:
                    return f"PT{head}{small_amount}{small_letter}"
                return f"P{head}T{small_amount}{small_letter}"
            return f"P{head}{small_amount}{small_letter}"
        return f"P{'T' if is_time else ''}{_number_text(amount)}{letter}"
    return f"P{'T' if is_time else ''}{int(amount)}{letter}"


def unit_code(word: str, lex: Lexicon) -> str | None:
    """The duration letter of a unit word ("MIN" for minutes, to tell them from months)."""
    code = lex.units.get(word.lower())
    if code == "M" and word.lower().startswith("minute"):
        return "MIN"
    return code


def norm_duration(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    unit_word = (groups.get("unit") or "").lower()
    unit = unit_code(unit_word, ctx.lex)
    if unit is None:
        return None
    num = (groups.get("num") or "").lower()
    if unit == "S" and num in ("a", "one") and not groups.get("ddir"):
        return None  # "a second attempt"
    if unit == "Q" and num in ("a", "an") and not groups.get("ddir"):
        return None  # "more than a quarter of the market": a fraction (HeidelTime drops it too)
    if unit_word in ("night", "nights") and not num:
        return None
    if rule.name == "duration_long":
        amount = _amount(groups, ctx) if num else (None if unit_word.endswith("s") else 1.0)
        return Resolution("DURATION", _duration_value(amount, unit))
    num_digits = num.replace(",", "")
    if len(num_digits) == 4 and num_digits.isdigit() and 1800 <= int(num_digits) <= 2099:
        return None  # "the 1988 quarter" is a date, not 1,988 quarters
    unnumbered = rule.name in _UNNUMBERED_DURATIONS
    amount = None if unnumbered else _amount(groups, ctx)
    if amount is None and not groups.get("vague") and not unnumbered:
        return None
    if unit == "2W":
        unit, amount = "W", (amount or 1) * 2
    if unit == "WE" and amount is not None:
        return Resolution("DURATION", f"P{_number_text(amount * 2)}D")
    return Resolution("DURATION", _duration_value(amount, unit))


#: Rules whose durations never state a number ("for years", "the weeks ahead"): PXY, PXW, ...
_UNNUMBERED_DURATIONS = frozenset({"duration_bare_plural", "duration_ahead"})

_DURATION_FOLLOWS = regex.compile(
    r"\s*(?:that\s+|which\s+)?(?:ended|ending|ends|through|to\s+(?:date|\w+\s+\d"
    r"|(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b))"
)


def norm_the_year(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    """ "for the year" is the anchor's year; "the year ended March 31" is a one-year duration."""
    if _DURATION_FOLLOWS.match(ctx.text, ctx.end):
        return Resolution("DURATION", "P1Y")
    if ctx.dct is None:
        return Resolution("DATE", "XXXX")
    return Resolution("DATE", f"{ctx.dct.year:04d}", True)


def norm_clock(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    word = (groups.get("clockword") or "").lower()
    if word == "noon":
        hour, minute = 12, 0
    elif word == "midnight":
        hour, minute = 24, 0
    elif groups.get("hour24"):
        hour, minute = int(groups["hour24"] or 0), int(groups.get("minute24") or 0)
    else:
        hour = int(groups.get("hour") or 0)
        minute = int(groups.get("minute") or 0)
        ampm = (groups.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    clock = f"T{hour:02d}:{minute:02d}"
    month_name = groups.get("month")
    day_text = groups.get("day")
    weekday = groups.get("weekday")
    tday = (groups.get("tday") or "").lower()
    rel = None
    year_text: str | None = None
    if not (month_name or weekday or tday):
        # "10:35 a.m. (0735 GMT) Friday", "6 a.m. on Monday", "midnight on Dec. 31", "Tuesday at
        # 2 p.m.": the day named next to the time (not part of its extent)
        after = _DAY_AFTER_TIME.match(ctx.text, ctx.end) or _DAY_BEFORE_TIME.search(
            ctx.text, max(0, ctx.start - 40), ctx.start
        )
        if after is not None:
            word = after.group("word")
            if word.lower() in ("today", "tonight", "yesterday", "tomorrow"):
                tday = "" if after.group("rel") else word.lower()
            elif word[:1].isupper() and word.lower() in ctx.lex.weekdays:
                weekday, rel = word, (after.group("rel") or "").lower() or None
            elif (
                word[:1].isupper()
                and word.lower() in ctx.lex.months
                and after.group("dnum")
                and not after.group("rel")
                and valid_day(2000, ctx.lex.months[word.lower()], int(after.group("dnum")))
            ):
                month_name, day_text = word, after.group("dnum")
                year_text = after.group("year")
    day: dt.date | None = None
    anchored = False
    if month_name and day_text:
        month = ctx.lex.months.get(month_name.lower())
        day_number = _day_number(day_text, ctx.lex)
        if month is None or day_number is None or not valid_day(2000, month, day_number):
            return None
        if year_text:
            year = int(year_text)
        elif ctx.dct is None:
            return Resolution("TIME", f"XXXX-{month:02d}-{day_number:02d}{clock}")
        else:
            year = nearest_year_for(month, day_number, ctx)
            anchored = True
        if not valid_day(year, month, day_number):
            return None
        day = dt.date(year, month, day_number)
    elif ctx.dct is not None:
        anchored = True
        day = named_day(weekday, tday, rel, ctx)
        if day is None:
            return None
    if day is None:
        return Resolution("TIME", clock)
    return Resolution("TIME", day.isoformat() + clock, anchored)


# "(0735 GMT) Friday", "on Monday", "(0735 GMT) on Monday", "on Dec. 31" after a clock time
_DAY_AFTER_TIME = regex.compile(
    r"(?:\s*\([^()\n]{1,24}\)\s*(?:on\s+)?|\s+on\s+)"
    r"(?:(?P<rel>last|next|this)\s+)?(?P<word>[A-Za-z]+)\b"
    r"(?:\.?\s+(?P<dnum>\d{1,2})\b(?:\s*,?\s*(?P<year>1\d{3}|20\d\d)\b)?(?!\s*,?\s*\d))?"
)


_DAY_BEFORE_TIME = regex.compile(
    r"\b(?:(?P<rel>last|next|this)\s+)?(?P<word>[A-Za-z]+)\b"
    r"(?:\.?\s+(?P<dnum>\d{1,2})(?:\s*,\s*(?P<year>1\d{3}|20\d\d))?)?,?\s+at\s+\Z"
)


def norm_set(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    lex = ctx.lex
    if groups.get("setword"):
        value = lex.sets.get((groups.get("setword") or "").lower())
        return None if value is None else Resolution("SET", value)
    weekday = groups.get("weekday")
    if weekday:
        name = weekday.lower().rstrip("s") if weekday.lower().endswith("days") else weekday.lower()
        number = lex.weekdays.get(name)
        if number is None:
            return None
        part = (groups.get("part") or "").lower().rstrip("s")
        code = _PARTS.get(part, "")
        return Resolution("SET", f"XXXX-WXX-{number}" + (f"T{code}" if code else ""))
    month_name = groups.get("month")
    if month_name:
        month = lex.months.get(month_name.lower())
        return None if month is None else Resolution("SET", f"XXXX-{month:02d}")
    unit_word = (groups.get("unit") or "").lower()
    if unit_word in ("morning", "afternoon", "evening", "night") and not groups.get("num"):
        return Resolution("SET", f"XXXX-XX-XXT{_PARTS[unit_word]}")
    season = lex.seasons.get(unit_word)
    if season:
        return Resolution("SET", f"XXXX-{season}")
    unit = unit_code(unit_word.rstrip("s") if unit_word.endswith("s") else unit_word, lex)
    if unit is None:
        unit = unit_code(unit_word, lex)
    if unit is None:
        return None
    num = (groups.get("num") or "").lower()
    amount = 2.0 if num == "other" else (parse_number(num, lex) if num else 1.0)
    if amount is None:
        return None
    if unit == "WE":
        return Resolution("SET", "XXXX-WXX-WE")
    return Resolution("SET", _duration_value(amount, unit))


def norm_reference(groups: Groups, ctx: Context, rule: Rule) -> Resolution | None:
    key = _SPACES.sub(" ", (groups.get("ref") or "").lower())
    value = ctx.lex.references.get(key)
    if value is None:
        return None
    if key == "current" and ctx.word_after() in _NOT_CURRENT:
        return None
    if key == "soon" and (ctx.word_before() == "as" or ctx.word_after() in ("after", "as")):
        return None  # "as soon as the talks end", "soon after": a connective, not a time
    if key == "soon" and _in_past_narrative(ctx):
        return None  # "he was soon released": shortly after a past event, not the future
    if key == "now" and _DISCOURSE_NOW.match(ctx.text, ctx.start) and _starts_sentence(ctx):
        return None  # "Now, he says, ...": a discourse marker
    return Resolution("DATE", value)


_DISCOURSE_NOW = regex.compile(r"Now\s*,")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\n][\"'“‘`\s]*|[\"“‘`]\s*)\Z")


def _starts_sentence(ctx: Context) -> bool:
    return _SENTENCE_START.search(ctx.text, max(0, ctx.start - 6), ctx.start) is not None


def _in_past_narrative(ctx: Context) -> bool:
    """Whether the word right before or after the candidate is a past-tense verb ("was", "-ed")."""
    before = ctx.word_before()
    after = ctx.word_after().lower()
    cues = ctx.lex.tense_cues
    for word in (before, after):
        m = cues.fullmatch(word) if word else None
        if m is not None and m.group("future") is None and word not in ctx.lex.not_past:
            return True
    return False


_NOT_CURRENT = frozenset(
    {
        "account", "accounts", "affairs", "events", "liabilities", "assets", "law", "laws",
        "rules", "regulation", "regulations", "form", "version", "system", "systems", "members",
        "member", "generation", "president", "chairman", "leader", "leaders", "owner", "owners",
        "holders", "ratio", "price", "prices", "yield",
    }
)  # fmt: skip

#: The normalizers by the name a rule gives in its ``norm`` key.
NORMALIZERS: dict[str, Callable[[Groups, Context, Rule], Resolution | None]] = {
    "fixed": norm_fixed,
    "date": norm_date,
    "numeric_date": norm_numeric_date,
    "week_of": norm_week_of,
    "long_tail": norm_long_tail,
    "year": norm_year,
    "decade": norm_decade,
    "century": norm_century,
    "holiday": norm_holiday,
    "season": norm_season,
    "quarter": norm_quarter,
    "quarter_relative": norm_quarter_relative,
    "half": norm_half,
    "day_word": norm_day_word,
    "weekday": norm_weekday,
    "relative_unit": norm_relative_unit,
    "offset": norm_offset,
    "day_relative": norm_day_relative,
    "anaphoric": norm_anaphoric,
    "year_adjective": norm_year_adjective,
    "year_end": norm_year_end,
    "duration": norm_duration,
    "the_year": norm_the_year,
    "clock": norm_clock,
    "set": norm_set,
    "reference": norm_reference,
}
