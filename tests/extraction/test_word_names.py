"""Names made of plain English words (``word_names``), on short invented texts."""

from app.extraction.entities import find_entities


def _typed(body: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in find_entities(body)}


def test_given_name_and_a_plain_noun_name_a_body() -> None:
    body = "Volunteers from Hope Relief handed out blankets on Monday, Hope Relief said."
    found = _typed(body)
    assert ("organization", "Hope Relief") in found
    assert ("person", "Hope Relief") not in found


def test_plain_word_that_is_a_surname_stays_a_person() -> None:
    body = "Grace Baker, a nurse from Tarlow, said the ward was full."
    assert ("person", "Grace Baker") in _typed(body)


def test_name_no_dictionary_knows_stays_a_person() -> None:
    body = "Hope Valdrenko said the ward was full."
    assert ("person", "Hope Valdrenko") in _typed(body)


def test_plain_words_after_a_title_stay_a_person() -> None:
    body = "The prize went to Dr Hope Relief, who said she was moved."
    assert ("organization", "Hope Relief") not in _typed(body)


def test_recurring_word_ending_in_a_number_designates_no_body() -> None:
    body = (
        "Cases of Orvix-19 rose in March. Doctors said Orvix-19 spreads in winter. "
        "Staff at Zelmora said the clinic was full, and Zelmora hired nurses."
    )
    found = _typed(body)
    assert not any(name == "Orvix-19" for _, name in found)
    assert ("organization", "Zelmora") in found


def test_saint_opening_a_name_makes_no_person() -> None:
    body = "The frescoes of Santo Orvieno were restored, and Santo Orvieno reopened."
    assert not any(kind == "person" for kind, _ in _typed(body))


def test_name_ending_in_a_plural_noun_is_a_firm() -> None:
    body = "Shares were bought by Velmar Trustees, Velmar Trustees said on Friday."
    assert ("organization", "Velmar Trustees") in _typed(body)


def test_given_name_before_a_plural_surname_shape_stays_a_person() -> None:
    body = "Hazel Tumblers, a teacher from Tarlow, said the school was full."
    assert ("person", "Hazel Tumblers") in _typed(body)


def test_recurring_word_the_dictionary_capitalises_is_no_body() -> None:
    body = (
        "The play casts a Visigoth as its hero. Later a second Visigoth joins him, "
        "and in the last act a third Visigoth sings."
    )
    assert ("organization", "Visigoth") not in _typed(body)


def test_recurring_irregular_plural_of_a_word_is_no_body() -> None:
    body = (
        "At the meeting Women spoke first. Later the Witnesses gave evidence, Women "
        "asked questions and the Witnesses left early."
    )
    names = {name for _, name in _typed(body)}
    assert "Women" not in names
    assert "Witnesses" not in names
