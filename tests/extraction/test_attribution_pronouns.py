"""A personal pronoun points back to a person, never to a club read as one; short texts
written for the tests."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity


def test_he_is_never_a_club_read_as_a_person() -> None:
    body = (
        "Bolton host Arsenal or Sheffield United in the next round.\n\n"
        "The manager welcomed the draw. “We are not counting on anything yet,” he said."
    )
    club = entity(body, "Sheffield United")  # typed as a person, as a misread may leave it
    (found,) = find_quotes(body, [club])
    assert (found.speaker, found.speaker_text) == (None, "he")


def test_he_still_finds_a_person_after_a_club() -> None:
    body = (
        "Omar Velk watched Sheffield United lose on Saturday. “We are not counting on "
        "anything yet,” he said."
    )
    velk = entity(body, "Omar Velk")
    club = entity(body, "Sheffield United")
    (found,) = find_quotes(body, [velk, club])
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "he")


def test_a_name_the_entity_pass_missed_still_names_the_one_person_so_called() -> None:
    body = (
        "Omar Velk criticised the harbour plan on Friday, days after Tomas Brevik unveiled "
        "it.\n\n“We expected more from the council,” Brevik said. “Our aim is to keep "
        "talking to everyone,” he added."
    )
    velk = entity(body, "Omar Velk")
    brevik = entity(body, "Tomas Brevik")  # the bare "Brevik" was not found as a mention
    first, second = find_quotes(body, [velk, brevik])
    assert (first.speaker, second.speaker) == ("Tomas Brevik", "Tomas Brevik")


def test_a_name_after_an_opening_phrase_is_the_subject_a_pronoun_points_to() -> None:
    body = (
        "Sens. Omar Velk (D-Ore.), Tomas Brevik (D-Ohio) and Kes Dunmore all backed the bill."
        "\n\nIn a statement issued on Tuesday morning, party leader Ana Ruiz was more careful. "
        "She called the plan “a costly gamble for the harbour.”"
    )
    people = [entity(body, name) for name in ("Omar Velk", "Tomas Brevik", "Kes Dunmore")]
    (found,) = find_quotes(body, [*people, entity(body, "Ana Ruiz")])
    assert (found.speaker, found.speaker_text) == ("Ana Ruiz", "She")


def test_a_pronoun_is_not_a_person_named_beside_a_role_that_speaks() -> None:
    body = (
        "As the party leader declared that Omar Velk had failed the country, the hall fell "
        "silent. “We stayed the course,” he said."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == (None, "he")


def test_a_pronoun_may_still_be_the_only_person_named() -> None:
    body = "The hall fell silent after Omar Velk lost the vote. “We stayed the course,” he said."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert found.speaker == "Omar Velk"


def test_a_pronoun_opening_the_quotes_own_clause_names_its_speaker() -> None:
    body = (
        "Omar Velk declined to close the harbour on Tuesday even though he found "
        "“a cracked keel” to the quay."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "he")


def test_a_pronoun_in_what_a_cue_reports_leaves_the_cues_subject() -> None:
    body = (
        "Ana Ruiz told the council on Monday that the quay would close because she found "
        "“a cracked keel” to it."
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.speaker_text) == ("Ana Ruiz", "Ana Ruiz")
