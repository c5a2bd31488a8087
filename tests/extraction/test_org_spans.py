"""Where an organization's name ends, on short invented texts."""

from app.extraction.entities import find_entities


def _typed(body: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in find_entities(body)}


def test_legal_form_then_of_the_and_a_country_ends_the_company() -> None:
    found = _typed("Shares of Velmar Chemical Co of the United States rose on Monday.")
    assert ("organization", "Velmar Chemical Co") in found
    assert ("country", "United States") in found


def test_bank_of_a_place_keeps_its_place() -> None:
    assert ("organization", "Bank of Ruritania") in _typed("The Bank of Ruritania cut rates.")


def test_nation_within_a_state_keeps_its_name_as_a_side() -> None:
    body = (
        "Scotland beat Wales 3-1 in the league on Saturday. The striker scored twice "
        "and the goalkeeper saved a penalty in the match."
    )
    found = _typed(body)
    assert ("organization", "Scotland") not in found
    assert any(name == "Scotland" for _, name in found)
