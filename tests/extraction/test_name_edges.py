"""Words at the edges of a person's name that are no part of it: letters after it,
a plural or a glued compound of ordinary words before it."""

from app.extraction.entities import find_entities


def _people(body: str) -> set[str]:
    return {e.name for e in find_entities(body) if e.type == "person"}


def test_letters_after_a_name_behind_a_body_are_no_part_of_it() -> None:
    body = "Head of the Harbour Audit Committee Tomas Venright MP said the plan was late."
    assert _people(body) == {"Tomas Venright"}


def test_a_plural_of_an_ordinary_word_before_a_name_is_no_part_of_it() -> None:
    body = "The Minister for Schools and Libraries Orla Denvick said funds would rise."
    assert _people(body) == {"Orla Denvick"}


def test_a_glued_compound_before_a_known_surname_is_no_part_of_the_name() -> None:
    body = (
        "Kiran Holvath scored early for the visitors. "
        "Tryscorer Holvath was pleased with the win, the coach said."
    )
    people = [e for e in find_entities(body) if e.type == "person"]
    assert [(e.name, [m.text for m in e.mentions]) for e in people] == [
        ("Kiran Holvath", ["Kiran Holvath", "Holvath"])
    ]


def test_a_place_and_one_name_word_before_letters_name_a_seat_not_a_person() -> None:
    body = "The Leeds Arnold MP, who left the party, said he would stand again."
    assert not _people(body)
