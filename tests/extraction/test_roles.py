"""Words before a name that say what the person is, not what they are called."""

from app.extraction.entities import find_entities
from app.extraction.people import common_noun


def _people(body: str) -> set[str]:
    return {e.name for e in find_entities(body) if e.type == "person"}


def test_an_ordinary_word_opening_a_sentence_before_a_name_is_a_role() -> None:
    people = _people("The pack held firm. Prop Dario Velmonte scored twice before the break.")
    assert people == {"Dario Velmonte"}


def test_an_ordinary_word_after_a_comma_before_a_name_is_a_role() -> None:
    people = _people("In the second half, Winger Tom Ardlow ran in a try from halfway.")
    assert people == {"Tom Ardlow"}


def test_a_compound_of_lower_case_words_is_a_role() -> None:
    people = _people("Fly-half Anna Kestrane kicked the conversion. Stand-in Ian Folt ran.")
    assert people == {"Anna Kestrane", "Ian Folt"}


def test_a_word_that_is_also_a_given_name_stays_in_the_name() -> None:
    assert _people("Rose Ann Tully said the plan would work.") == {"Rose Ann Tully"}


def test_a_given_name_before_an_ordinary_noun_names_a_thing() -> None:
    assert not _people("Sales of Bright Ivy Lantern kits rose in the spring.")


def test_initials_and_double_names_are_no_common_nouns() -> None:
    assert common_noun("Scrum-half") and common_noun("Stand-in")
    assert not any(common_noun(w) for w in ("CA", "Jay-Jay", "Winter", "Rose"))


def test_a_given_name_and_a_surname_that_is_also_a_word_follow_a_role() -> None:
    assert _people("Producer Dana Trowel presented the award on Sunday.") == {"Dana Trowel"}


def test_no_role_opens_a_name_after_an_article() -> None:
    body = "Shares fell on Monday across the region. The Copper Jones Average rose by two points."
    assert not _people(body)


def test_a_compound_of_words_before_a_surname_leaves_the_surname_to_its_person() -> None:
    body = "Tom Ardlow joined in May. Stand-in Ardlow kicked four goals on Saturday."
    people = {e.name: [m.text for m in e.mentions] for e in find_entities(body)}
    assert people["Tom Ardlow"] == ["Tom Ardlow", "Ardlow"]


def test_an_ordinary_word_before_a_title_belongs_to_the_title() -> None:
    body = "The audit was late. Surveyor General Sir Tom Pellow said the figures were wrong."
    assert _people(body) == {"Tom Pellow"}


def test_a_groups_member_word_before_a_name_is_no_part_of_it() -> None:
    body = "The Velists lost two seats on Monday. Voters cheered when Velist Tom Ardlow spoke."
    assert _people(body) == {"Tom Ardlow"}


def test_ordinary_words_between_titles_belong_to_the_title() -> None:
    body = "The vote was close on Monday. Later, Chief Ranger Tom Reedley said it was fair."
    assert _people(body) == {"Tom Reedley"}
    assert _people("Critics were heard. Supreme Bench Justice Ana Ruiz agreed.") == {"Ana Ruiz"}


def test_a_plural_noun_before_a_name_is_no_part_of_it() -> None:
    body = "The final was close on Monday. Sprinters Tom Ardlow and Ana Ruiz ran well."
    assert _people(body) == {"Tom Ardlow", "Ana Ruiz"}
    body = "Police said so. The Office of Water Relations Ana Ruiz spoke later."
    assert "Ana Ruiz" in _people(body)
