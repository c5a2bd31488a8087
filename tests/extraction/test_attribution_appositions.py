"""A speaker's words keep the apposition that names them: "Two analysts, Ann Lee and Bo
Diaz, found", "Sen. Ana Ruiz, D-Ore., delivered"; short texts written for the tests."""

from app.extraction.quotes import find_quotes
from app.extraction.subjects import sentence_subject
from tests.conftest import mentioned as entity


def _subject(body: str) -> str | None:
    found = sentence_subject(body, 0, body.index("“"))
    return found[0] if found else None


def test_the_names_after_a_described_subject_belong_to_it() -> None:
    body = "Two harbour pilots, Ana Ruiz and Bo Diaz, found the channel “far too shallow”."
    assert _subject(body) == "Two harbour pilots, Ana Ruiz and Bo Diaz"


def test_a_name_after_an_adjective_led_subject_belongs_to_it() -> None:
    body = "Another critic, Omar Velk, likened the plan to “a sandcastle”."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "Another critic, Omar Velk")


def test_a_party_tag_between_a_name_and_its_verb_is_no_subject() -> None:
    body = "Sen. Ana Ruiz, D-Ore., delivered a short message: “Fix the bridge first.”"
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.speaker_text) == ("Ana Ruiz", "Sen. Ana Ruiz, D-Ore.")


def test_a_relative_clause_after_a_described_subject_belongs_to_it() -> None:
    body = "The retired pilot, who flew for forty years, thinks the runway is “a death trap”."
    assert _subject(body) == "The retired pilot, who flew for forty years"


def test_a_body_named_after_by_in_the_apposition_does_not_speak() -> None:
    body = (
        "One such letter, obtained by the Gazette, includes a clause that bans staff from "
        "“speaking ill of the board”."
    )
    gazette = entity(body, "Gazette", kind="organization")
    (found,) = find_quotes(body, [gazette])
    assert (found.speaker, found.speaker_text) == (None, "One such letter, obtained by the Gazette")


def test_a_list_of_names_is_no_apposition_of_a_name() -> None:
    body = "Ana Ruiz, Bo Diaz, and Omar Velk called the plan “a sandcastle”."
    assert _subject(body) != "Ana Ruiz, Bo Diaz"


def test_a_cue_word_after_of_is_part_of_the_post() -> None:
    body = (
        "“The fleet will not wait,” Ana Voss, assistant secretary of state for harbours, "
        "fisheries and roads, said."
    )
    (found,) = find_quotes(body, [entity(body, "Ana Voss")])
    assert found.speaker_text == (
        "Ana Voss, assistant secretary of state for harbours, fisheries and roads"
    )


def test_this_before_a_noun_that_is_no_time_stays_in_the_speaker_words() -> None:
    body = "“We see no change,” said a port official who may not speak on this issue."
    (found,) = find_quotes(body, [])
    assert found.speaker_text == "a port official who may not speak on this issue"


def test_this_before_a_time_still_ends_the_speaker_words() -> None:
    body = "“We see no change,” said Ana Voss this morning."
    (found,) = find_quotes(body, [entity(body, "Ana Voss")])
    assert found.speaker_text == "Ana Voss"


def test_a_title_inside_the_apposition_after_a_quote_is_part_of_the_speaker_words() -> None:
    body = "“The ports hold the power,” said Ana Voss, author of “Tide Lines,” a history of docks."
    (found,) = find_quotes(body, [entity(body, "Ana Voss")])
    assert (found.speaker, found.speaker_text) == (
        "Ana Voss",
        "Ana Voss, author of “Tide Lines,” a history of docks",
    )


def test_a_title_inside_the_apposition_before_a_quote_is_part_of_the_speaker_words() -> None:
    body = "Voss, the co-author of “Tide Lines,” about the docks, said “one shared story” is gone."
    (found,) = find_quotes(body, [entity(body, "Voss")])
    assert found.speaker_text == "Voss, the co-author of “Tide Lines,” about the docks"


def test_a_title_in_an_opening_phrase_still_ends_that_phrase() -> None:
    body = "Sunday on the Harbour Channel’s “Dockside,” Ana Voss said the fees were “too high.”"
    (found,) = find_quotes(body, [entity(body, "Ana Voss")])
    assert (found.speaker, found.speaker_text) == ("Ana Voss", "Ana Voss")


def test_a_possessed_role_may_follow_an_ordinal_and_a_number() -> None:
    body = "Lund's first five callers pressed her on the plan: “Is it time to change course?”"
    assert _subject(body) == "Lund's first five callers"


def test_an_initial_does_not_end_the_source_after_according_to() -> None:
    body = "According to the port's former harbour master Ann B. Lund, the channel is “a trap.”"
    (found,) = find_quotes(body, [entity(body, "Ann B. Lund")])
    assert found.speaker_text == "the port's former harbour master Ann B. Lund"


def test_a_possessive_in_a_works_title_keeps_it_a_title() -> None:
    body = "“The ports hold the power,” said Ana Voss, author of “Harbour’s Last Tide,” a history."
    (found,) = find_quotes(body, [entity(body, "Ana Voss")])
    assert found.speaker_text == "Ana Voss, author of “Harbour’s Last Tide,” a history"
