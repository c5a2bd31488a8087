"""Where a highlight starts: found by the words' stems in growing prefixes of the text, the
same place reading every word up to the first hit finds."""

import pytest

from app.search.highlight import (
    _FIRST_READ,
    _fragment_start,
    _scanned_start,
    highlight,
    index_key,
)

FORMS = (
    "The possibility of a relational survey, hoping for generalization, was conditional. "
    "Happiness came HAPPILY to the happy ponies; the sea's ability to flood abated. "
    "Capabilities and stabilizing agreed: 42 tides, item7 and hopefulness."
)
SPREAD = "Short words go by. " * (_FIRST_READ // 19) + "Then the kelpie leapt over the weir."


def agreed(text: str, word: str) -> int:
    keys = {index_key(word)}
    start = _fragment_start(text, keys)
    assert start == _scanned_start(text, keys)
    return start


@pytest.mark.parametrize("word", FORMS.replace(",", " ").replace(".", " ").split())
def test_every_word_form_starts_where_a_full_read_does(word: str) -> None:
    agreed(FORMS, word)


def test_a_hit_past_the_first_prefix_is_found() -> None:
    start = agreed(SPREAD, "kelpies")
    assert SPREAD[start:].startswith("go by. Then the kelpie")  # four words before it


def test_a_hit_across_the_first_prefix_end_is_found() -> None:
    for shift in range(-8, 3):
        text = "x" * (_FIRST_READ + shift) + " lagoon " + "end"
        assert agreed(text, "lagoons") == 0  # "x…" and "lagoon": fewer words than kept


def test_a_word_inside_another_is_no_hit() -> None:
    text = "Relational ties bound the donations and fleets of two nations."
    assert text[agreed(text, "nation") :].startswith("and fleets")
    marked = highlight(text, ["nation"], truncated=False)
    assert marked.count("<mark>") == 1 and "<mark>nations</mark>" in marked


def test_other_letters_are_read_as_the_index_reads_them() -> None:
    text = "Cafés lined the Straße; the café’s owner left."
    assert agreed(text, "cafe") == 0
    assert agreed(text, "strasse") == 0
    assert "<mark>Straße</mark>" in highlight(text, ["strasse"], truncated=False)


def test_no_hit_starts_at_the_start() -> None:
    assert agreed(SPREAD, "dingo") == 0
    assert agreed("A tiny note.", "of") == 0  # a key too short to narrow by its stem
