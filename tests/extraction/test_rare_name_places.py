"""A word after "in" that only the rarer given names hold is a place: "in Hedvika"."""

from app.extraction.entities import find_entities


def _typed(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_rare_given_name_after_in_is_a_place() -> None:
    # A name in the first-name dictionary, but in no census list of first names or
    # surnames: where things happen, it names a place.
    typed = _typed("The river burst its banks in Hedvika on Monday, officials said.")
    assert typed.get("Hedvika") == "place"


def test_a_common_given_name_after_in_is_no_place() -> None:
    typed = _typed("The crowd believed in Maria after the vote, officials said.")
    assert typed.get("Maria") != "place"
