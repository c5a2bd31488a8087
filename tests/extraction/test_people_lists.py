"""Unread names listed among people's full names are people."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_an_unread_name_listed_among_people_is_a_person() -> None:
    found = _mentions("The prize went to Ann Velt, Tavonga Murewi and Kavi Ann Rell.")
    assert ("person", "Kavi Ann Rell") in found


def test_an_events_name_listed_among_people_stays_no_person() -> None:
    found = _mentions("Winners were Ann Velt, John Carter and Kavi Oak Cup.")
    assert ("person", "Kavi Oak Cup") not in found
