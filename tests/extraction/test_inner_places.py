"""Places named inside a longer name are mentions of their own."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_city_inside_a_bank_name_is_a_place() -> None:
    found = _mentions("Depositors queued outside Harbin Bank on Monday, officials said.")
    assert ("organization", "Harbin Bank") in found
    assert ("place", "Harbin") in found


def test_city_inside_an_institute_after_of() -> None:
    found = _mentions("A report by the University of Stockholm was published on Monday.")
    assert ("place", "Stockholm") in found


def test_a_place_name_holds_no_smaller_place() -> None:
    found = _mentions("The delegation flew to New York on Monday.")
    assert ("place", "York") not in found


def test_a_plain_noun_in_a_site_name_is_no_place() -> None:
    found = _mentions("Visitors came to Tarnby Lake Reserve and the Metro Zoo on Sunday.")
    assert not any(text in ("Lake", "Metro") for _, text in found)


def test_legal_form_closing_a_firm_is_no_country() -> None:
    found = _mentions("Shares in Vellor Holdings SA rose on Monday, traders said.")
    assert not any(text == "SA" and kind in ("country", "place") for kind, text in found)


def test_club_names_its_team_not_its_town() -> None:
    body = "Leeds United 2 Arsenal 1\nChelsea 0 Manchester City 3\nEverton 1 Leeds United 1"
    found = _mentions(body)
    assert ("place", "Manchester") not in found


def test_compass_point_before_a_place_names_part_of_it() -> None:
    found = {(e.type, e.name, e.country_code) for e in find_entities("Floods hit South China.")}
    assert ("place", "South China", "CN") in found
    assert not any(name == "China" for _, name, _ in found)


def test_compass_point_before_a_people_word_is_no_place() -> None:
    found = _mentions("North Korean troops crossed the line on Monday.")
    assert not any(kind == "place" for kind, _ in found)
