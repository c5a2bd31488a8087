"""The trie-shaped alternation matches what a longest-first alternation of its words does."""

import re

from app.extraction.wordsets import alternation

PHRASES = ["say", "says", "saying", "said", "point out", "pointed out", "put", "puts"]
TEXT = (
    "He says so; they said it, saying more. She pointed  out the sayings, "
    "put it plainly, puts it back, and points out nothing. Sayer, essay, output."
)


def _flat(phrases: list[str]) -> str:
    ordered = sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)
    return "|".join(ordered)


def test_alternation_finds_the_matches_of_a_longest_first_alternation() -> None:
    for template in (r"\b(?:{})\b", r"(?P<w>{})\s+\w", r"(?:{})"):
        flat = re.compile(template.format(_flat(PHRASES)))
        trie = re.compile(template.format(alternation(PHRASES)))
        expected = [(m.span(), m.group()) for m in flat.finditer(TEXT)]
        assert [(m.span(), m.group()) for m in trie.finditer(TEXT)] == expected
        assert expected  # the text does hold matches


def test_a_longer_word_wins_over_its_prefix() -> None:
    pattern = re.compile(alternation(["say", "saying", "says"]))
    assert [m.group() for m in pattern.finditer("saying says say")] == ["saying", "says", "say"]


def test_a_phrase_space_matches_any_run_of_spaces() -> None:
    pattern = re.compile(rf"\b(?:{alternation(['pointed out'])})\b")
    assert pattern.search("she pointed \n out") is not None
    assert pattern.search("she pointedout") is None


def test_regex_characters_in_words_are_literal() -> None:
    pattern = re.compile(alternation(["a.b", "c+"]))
    assert pattern.fullmatch("a.b") and pattern.fullmatch("c+")
    assert pattern.fullmatch("axb") is None and pattern.fullmatch("cc") is None
