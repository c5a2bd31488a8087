"""Faster readings of the body give exactly what the patterns they replaced give."""

import re

from hypothesis import given
from hypothesis import strategies as st

from app.extraction.entities import _lower_words

# The whole-body pattern the split of an ASCII body replaced.
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
TEXT = st.text(alphabet="abZ09_'’-.,;:!?\"“( \n\téß\x1c", max_size=60)


@given(TEXT)
def test_lower_words_as_the_whole_body_pattern(text: str) -> None:
    assert _lower_words(text) == frozenset(LOWER_WORD.findall(text))


@given(st.text(max_size=40))
def test_lower_words_of_any_ascii_text_as_the_pattern(text: str) -> None:
    ascii_text = text.encode("ascii", "replace").decode()
    assert _lower_words(ascii_text) == frozenset(LOWER_WORD.findall(ascii_text))


def test_lower_words_leave_out_capitals_digits_and_joined_words() -> None:
    text = "Ana met the mayor's aide in x-ray and B2 rooms, then left."
    assert _lower_words(text) == {"met", "the", "aide", "in", "and", "rooms", "then", "left"}
