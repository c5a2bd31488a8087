"""Abbreviations defined in brackets (``acronyms``), on short invented texts."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_unread_pieces_before_their_initials_join_into_one_body() -> None:
    body = "A report of the Intergovernmental Panel on Orbital Debris (IPOD) came out. IPOD said."
    found = _mentions(body)
    assert ("organization", "Intergovernmental Panel on Orbital Debris") in found
    assert ("organization", "IPOD") in found


def test_initials_of_a_site_are_the_site() -> None:
    body = "Tours of the Velmora Space Center (VSC) in Tarlow resumed, the VSC said."
    found = _mentions(body)
    assert ("place", "VSC") in found
    assert not any(kind == "organization" for kind, _ in found)


def test_initials_of_lower_case_words_name_no_body() -> None:
    body = "It helps qualified offshore lenders (QOL) invest abroad. QOL rules changed."
    assert not any(text == "QOL" for _, text in _mentions(body))


def test_initials_of_a_lower_case_team_still_name_a_body() -> None:
    body = "Police said the special inquiry team (SIT) met. The SIT said it would report."
    assert ("organization", "SIT") in _mentions(body)


def test_name_whose_first_word_was_dropped_gives_its_initials_no_type() -> None:
    body = "Rowing Peru (RP) banned her. RP said rowing needs rules."
    assert ("country", "RP") not in _mentions(body)


def test_initials_that_keep_a_small_word_in_lower_case_name_the_body() -> None:
    found = _mentions("Ana Ruiz accused the Bank of Norland (BoN) of printing money.")
    assert ("organization", "BoN") in found


def test_plural_initials_name_the_body() -> None:
    found = _mentions("Delegates from the Velmar Farmers Union (VFUs) met on Friday.")
    assert ("organization", "VFUs") in found


def test_a_lower_case_letter_that_no_small_word_starts_makes_no_initials() -> None:
    found = _mentions("Ana Ruiz praised the Bank of Norland (BxN) on Friday.")
    assert ("organization", "BxN") not in found
