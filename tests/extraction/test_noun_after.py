"""The lower-case noun after a longer name that no other pass read says what it names."""

from app.extraction.entities import find_entities


def _names(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_place_noun_after_a_longer_name_makes_it_a_place() -> None:
    names = _names("Fighting spread in the mountainous Kestra Varrak region on Monday.")
    assert names.get("Kestra Varrak") == "place"


def test_an_outlet_noun_after_a_longer_name_makes_it_a_body() -> None:
    names = _names("He was quoted by the Le Varmin newspaper on Friday.")
    assert names.get("Le Varmin") == "organization"
