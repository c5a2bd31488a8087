"""Unknown words listed among places are places."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_unknown_town_in_a_list_of_places() -> None:
    found = _mentions("Storms will hit Perth, Albany, Wirrabool and Darwin this week.")
    assert ("place", "Wirrabool") in found


def test_unknown_region_after_a_city_and_a_comma() -> None:
    found = _mentions("The shelling of Kirkuk, Varzanda. Nine people died.")
    assert ("place", "Varzanda") in found


def test_a_list_without_a_place_stays_unread() -> None:
    found = _mentions("The delegates were Wirrabool, Kandemar and Oltusi, officials said.")
    assert not any(kind == "place" for kind, _ in found)


def test_ordinary_words_and_abbreviations_in_a_list_are_no_places() -> None:
    found = _mentions("Exports went to Poland, the EU and Japan: Cardigan, Jumper and T-shirt.")
    assert not any(text in ("EU", "T-shirt", "Jumper") and kind == "place" for kind, text in found)


def test_a_name_after_a_place_and_a_comma_is_no_place_when_the_clause_goes_on() -> None:
    found = _mentions("In Paris, Varzanda told reporters the talks had failed.")
    assert ("place", "Varzanda") not in found
