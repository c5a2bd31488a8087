"""Faster readings of the body give exactly what the patterns they replaced give."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.boilerplate import is_junk
from app.extraction.entities import _lower_words
from app.extraction.mentions import _SENTENCE_BREAK
from app.extraction.name_tokens import _CAPITAL_WORD, _UPPER, _WORD, _words_pattern, body_words
from app.extraction.quotes import quote_words
from app.extraction.sentences import _BOUNDARY

# The whole-body pattern the split of an ASCII body replaced.
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
# The token pattern as first written: a look-ahead, then the alternatives in order.
_PARTICLES = (
    "van der|van den|von der|de la|de los|de las|van|von|de|del|della|da|das|dos|di|du|"
    "bin|bint|ibn|al|el|wa"
)
PLAIN_WORD = re.compile(
    rf"(?=[{_UPPER}abdeilvw])(?<!\w)(?:"
    rf"(?:[{_UPPER}]\.){{2,}}"
    rf"|[{_UPPER}]\.(?= [{_UPPER}])"
    rf"|(?:(?:{_PARTICLES}) (?=[{_UPPER}]\w))?"
    rf"(?:(?:al|el|bin|ibn|de|d)[-'’])?[{_UPPER}][\w&]*(?:[-'’]\w+)*"
    rf"(?:(?:(?<=Channel)|(?<=Radio)|(?<=TV)) \d{{1,2}}(?![\d%-]|[.,:]\d))?)"
)
NAME_PARTS = st.lists(
    st.sampled_from(
        [
            "van",
            "der",
            "de",
            "la",
            "del",
            "bin",
            "al",
            "d",
            "wa",
            "el",
            "Ana",
            "U",
            "S",
            "J",
            "Channel",
            "TV",
            "4",
            "12",
            "x",
            "É",
            "é",
            "&",
            ".",
            "-",
            "'",
            "’",
            "_",
            "%",
            ",",
            " ",
            " ",
            "\n",
        ]
    ),
    max_size=14,
)
PLAIN_BOUNDARY = re.compile(r"[.!?…][\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n")
PLAIN_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n)")
SENTENCES = st.text(alphabet=".!?…\"'”’)“‘( \n\taZ0", max_size=40)
TEXT = st.text(alphabet="abZ09_'’-.,;:!?\"“( \n\téß\x1c", max_size=60)


@given(TEXT)
def test_lower_words_as_the_whole_body_pattern(text: str) -> None:
    assert _lower_words(text, body_words(text)) == frozenset(LOWER_WORD.findall(text))


@given(st.text(max_size=40))
def test_lower_words_of_any_ascii_text_as_the_pattern(text: str) -> None:
    ascii_text = text.encode("ascii", "replace").decode()
    assert _lower_words(ascii_text, body_words(ascii_text)) == frozenset(
        LOWER_WORD.findall(ascii_text)
    )


@settings(max_examples=500)
@given(NAME_PARTS)
def test_tokens_as_the_pattern_first_written(parts: list[str]) -> None:
    text = "".join(parts)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    assert spans == [(m.start(), m.end()) for m in PLAIN_WORD.finditer(text)]


@settings(max_examples=500)
@given(NAME_PARTS)
def test_tokens_of_the_pattern_a_body_picks_as_the_whole_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    spans = [m.span() for m in _words_pattern(body_words(text)).finditer(text)]
    assert spans == [m.span() for m in _WORD.finditer(text)]


def test_a_body_without_particles_is_scanned_for_capitals_alone() -> None:
    assert _pattern("Ana Berg met the dean in Velby.") is _CAPITAL_WORD
    assert _pattern("Ana van Berg met Omar al-Sadr.") is _WORD
    assert _pattern("(de Souza) and d'Estaing") is _WORD
    assert _pattern("Ana de Souza, née Émile") is _WORD  # not ASCII


def test_a_particle_joined_to_a_name_picks_the_whole_pattern() -> None:
    assert _pattern("Omar al-Sadr spoke.") is _WORD
    assert _pattern("Jean d'Estaing spoke.") is _WORD
    assert _pattern("Omar Sadr's well-known x-ray.") is _CAPITAL_WORD


def _pattern(body: str) -> re.Pattern[str]:
    return _words_pattern(body_words(body))


def test_tokens_keep_particles_prefixes_initials_and_channel_numbers() -> None:
    text = "van der Berg met J. Alfred, al-Sadr and d'Estaing of the U.S. on Channel 4 x"
    assert [m[0] for m in _WORD.finditer(text)] == [
        "van der Berg",
        "J.",
        "Alfred",
        "al-Sadr",
        "d'Estaing",
        "U.S.",
        "Channel 4",
    ]


@settings(max_examples=500)
@given(SENTENCES, st.integers(0, 40), st.integers(0, 40))
def test_sentence_boundaries_as_the_plain_pattern(text: str, start: int, end: int) -> None:
    spans = [m.span() for m in _BOUNDARY.finditer(text, start, end)]
    assert spans == [m.span() for m in PLAIN_BOUNDARY.finditer(text, start, end)]


@settings(max_examples=500)
@given(SENTENCES)
def test_the_last_sentence_start_as_the_plain_pattern(text: str) -> None:
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    plain = [m.end() for m in PLAIN_SENTENCE_START.finditer(text)]
    assert (ends[-1] if ends else 0) == plain[-1]


@given(TEXT)
def test_quote_words_as_the_word_pattern(text: str) -> None:
    assert quote_words(text) == re.findall(r"\w+", text)


@given(st.text(max_size=40))
def test_quote_words_of_any_ascii_text_as_the_word_pattern(text: str) -> None:
    ascii_text = text.encode("ascii", "replace").decode()
    assert quote_words(ascii_text) == re.findall(r"\w+", ascii_text)


COOKIE_WORDS = st.lists(
    st.sampled_from(["We", "accept", "ALLOW", "all", "Cookies", "cookies", "co\u212aies", "x"]),
    max_size=6,
)


@given(COOKIE_WORDS)
def test_cookie_notices_as_one_pattern_reads_them(words: list[str]) -> None:
    text = " ".join(words)
    plain = re.match(r"^(?:.{0,80}\b(?:accept|allow)\s+(?:all\s+)?cookies.*)$", text, re.I)
    assert is_junk(text) == bool(plain)


def test_cookie_notices_are_junk_and_mentions_of_cookies_are_not() -> None:
    assert is_junk("By using this site you accept all cookies.")
    assert not is_junk("The bakery sold more cookies than ever this year.")


def test_lower_words_leave_out_capitals_digits_and_joined_words() -> None:
    text = "Ana met the mayor's aide in x-ray and B2 rooms, then left."
    assert _lower_words(text, body_words(text)) == {
        "met",
        "the",
        "aide",
        "in",
        "and",
        "rooms",
        "then",
        "left",
    }
