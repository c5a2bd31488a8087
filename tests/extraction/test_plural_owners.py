"""A plural common noun's apostrophe inside a body's name: "Norland Teachers' Union"."""

from app.extraction.entities import find_entities


def _names(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_plural_owner_inside_a_body_name_keeps_the_name_whole() -> None:
    names = _names("She joined the Norland Teachers' Union last year, its records show.")
    assert names.get("Norland Teachers' Union") == "organization"


def test_a_surname_apostrophe_owns_no_body_name() -> None:
    names = _names("Reporters asked about Waters' Council seat on Friday.")
    assert not any(name.startswith("Waters") and "Council" in name for name in names)
