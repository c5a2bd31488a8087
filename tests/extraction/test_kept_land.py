"""Land kept for nature: a reserve, refuge or sanctuary named for wildlife or birds."""

from app.extraction.entities import find_entities


def _names(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_wildlife_refuge_is_a_place() -> None:
    names = _names("Visitors flocked to the Velmar Wildlife Refuge last week.")
    assert names.get("Velmar Wildlife Refuge") == "place"


def test_a_bird_sanctuary_is_a_place() -> None:
    names = _names("Rangers counted cranes at the Kesso Bird Sanctuary on Sunday.")
    assert names.get("Kesso Bird Sanctuary") == "place"
