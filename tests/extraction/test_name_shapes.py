"""Names from any language, read by their shape where no name list knows them."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_rare_dictionary_word_that_is_a_given_name_stays_in_a_name() -> None:
    # "Ashraf" is in Webster's list, and a given name in the name lists.
    found = _mentions("The award went to Kadiro Ashraf of the coastal district last year.")
    assert ("person", "Kadiro Ashraf") in found


def test_given_name_written_in_lower_case_elsewhere_is_a_word() -> None:
    body = "The prize went to Dovelo Grace last year. Critics praised her grace and wit."
    assert ("person", "Dovelo Grace") not in _mentions(body)


def test_unknown_name_on_a_results_line() -> None:
    body = (
        "Men's mile\n\n1. Tavonga Murewi ( Zimbabwe ) 3:51.01\n\n"
        "2. Osego Balisane ( Kenya ) 3:52.40"
    )
    found = _mentions(body)
    assert ("person", "Tavonga Murewi") in found
    assert ("person", "Osego Balisane") in found


def test_first_of_two_surnames_stands_for_the_person() -> None:
    body = "Police held Tomas Elio Varcena Ruiloba on Monday. Later, Varcena denied it."
    found = {e.name: [m.text for m in e.mentions] for e in find_entities(body)}
    assert "Varcena" in found["Tomas Elio Varcena Ruiloba"]


def test_first_of_two_surnames_wins_over_a_town_of_that_name() -> None:
    body = "Judges heard Luis Maldonado Ferro on Monday. Later, Maldonado left the court."
    found = {(e.type, m.text) for e in find_entities(body) for m in e.mentions}
    assert ("person", "Maldonado") in found
    assert ("place", "Maldonado") not in found


def test_a_middle_given_name_is_no_surname() -> None:
    body = "Ana Luisa Pereda met officials on Monday. Later, Luisa arrived too."
    found = {e.name: [m.text for m in e.mentions] for e in find_entities(body)}
    assert "Luisa" not in found["Ana Luisa Pereda"]


def test_a_name_opening_with_an_article_is_no_person_by_shape() -> None:
    found = _mentions("Members of La Verdosa marched through the town on Monday.")
    assert ("person", "La Verdosa") not in found


def test_an_article_shaped_given_name_still_opens_a_name() -> None:
    found = _mentions("The race was won by Al Kemmerton, who led from the start.")
    assert ("person", "Al Kemmerton") in found


def test_unknown_name_after_a_body_is_cut_from_it() -> None:
    body = "Officials at the Dunmore Research Institute Kadiro Oltusi said the study was sound."
    found = _mentions(body)
    assert ("person", "Kadiro Oltusi") in found
    assert ("organization", "Dunmore Research Institute") in found


def test_a_title_after_a_body_stays_out_of_the_name() -> None:
    body = "The Dunmore Institute Secretary-General Kadiro Oltusi spoke on Monday."
    found = _mentions(body)
    assert ("person", "Kadiro Oltusi") in found
    assert not any("Secretary" in text for kind, text in found if kind == "person")
