"""Hypothesis strategies for text: arbitrary unicode and news-like prose with quotes and dates."""

from __future__ import annotations

from hypothesis import strategies as st

#: Any text an Article accepts: every code point but lone surrogates, with line breaks,
#: NUL, quotation marks of every style, and combining characters mixed in.
arbitrary_text = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(list("\n\r\x00`\"\u201c\u201d\u2018\u2019\u00ab\u00bb'.,:;!? \t-")),
    ),
    max_size=300,
)

_WORDS = [
    "the",
    "officials",
    "said",
    "missiles",
    "rocket",
    "launchers",
    "Kim",
    "Jong",
    "Un",
    "analysts",
    "expect",
    "that",
    "on",
    "Tuesday",
    "next",
    "year",
    "in",
    "January",
    "2025",
    "March",
    "may",
    "fired",
    "tested",
    "drones",
    "according",
    "to",
    "state",
    "media",
    "KCNA",
    "Gen.",
    "Smith",
    "U.S.",
    "Defense",
    "Secretary",
    "told",
    "reporters",
    "he",
    "she",
    "they",
    "three",
    "years",
    "ago",
    "last",
    "week",
    "the",
    "1990s",
    "12:30",
    "p.m.",
    "F-16",
    "Hwasong-18",
    "HIMARS",
    "S-400",
    "a",
    "senior",
    "official",
    "Pyongyang",
    "Seoul",
    "nuclear-powered",
    "submarine",
    "said:",
    "quoted",
    "as",
    "saying,",
    "warned",
    "denied",
    "ordered",
    "production",
    "of",
    "Read",
    "Also:",
    "Advertisement",
    "5",
    "percent",
    "$4",
    "million",
    "23/12/2025",
    "Dec.",
    "23",
    "COVID-19",
    "G-7",
]

_PUNCT = st.sampled_from(
    [" ", " ", " ", ", ", ". ", '"', "\u201c", "\u201d", ".\n", "\n\n", ": ", "'s "]
)

#: Prose built from news vocabulary, punctuation and quotation marks in random order.
news_like_text = st.lists(st.tuples(st.sampled_from(_WORDS), _PUNCT).map("".join), max_size=80).map(
    "".join
)

#: Either of the above.
any_text = st.one_of(arbitrary_text, news_like_text)
