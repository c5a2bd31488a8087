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
