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


def test_lone_dotted_initials_are_a_body_but_a_state_code_is_not() -> None:
    body = "The end of a three-year R.T.A. trade embargo came. Officials in N.H. agreed."
    found = _typed(body)
    assert ("organization", "R.T.A.") in found
    assert not any(name == "N.H." for _, name in found)


def test_bracketed_dotted_initials_are_left_to_the_name_they_spell() -> None:
    body = "1990 - Historian Ann Beth Cole ( A.B. ) Smith died in Tarlow."
    assert ("organization", "A.B.") not in _typed(body)


def test_dotted_initials_are_a_body_at_a_sentence_start_and_before_a_title() -> None:
    body = (
        "Talks in Velmora stalled. A R.T.A. official said so. R.T.A. Envoy Ann Brel "
        "arrived on Monday."
    )
    found = _typed(body)
    assert ("organization", "R.T.A.") in found
    assert ("person", "Ann Brel") in found


def test_dotted_initials_labelling_a_field_are_no_body() -> None:
    body = "Rates held.\nK.P. : Orvane & Dell , Tarlow\nR.T. : Velmar Trust , Tarlow\n"
    names = {name for _, name in _typed(body)}
    assert "Velmar Trust" in names
    assert not names & {"K.P.", "R.T."}
