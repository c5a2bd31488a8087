"""Nested sources: words the article has from someone else's report; short texts written
for the tests."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity


def test_a_credit_cited_from_a_report_names_the_report() -> None:
    body = (
        "The ferry will not sail, its owner said.\n\n"
        "“We have run out of fuel and patience,” Ana Ruiz said on Monday, according to "
        "the Harbour Courier."
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Harbour Courier", kind="organization")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.speaker_text) == ("Harbour Courier", "the Harbour Courier")
    assert found.rule == "cited_source+name"


def test_a_credit_with_no_cited_report_keeps_its_speaker() -> None:
    body = "“We have run out of fuel and patience,” Ana Ruiz said on Monday in the harbour."
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.rule) == ("Ana Ruiz", "trailing_cue+name")


def test_a_cue_inside_what_an_earlier_cue_reports_is_the_outer_speakers() -> None:
    body = "Ana Ruiz said on Monday that Omar Velk had once called the ferry plan “a sinking ship.”"
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.rule) == ("Ana Ruiz", "outer_source+name")


def test_a_cue_in_an_opening_clause_reports_nothing_of_the_main_one() -> None:
    body = (
        "When Ana Ruiz noted that the ferry was late again, Omar Velk snapped, "
        "“The tide does not wait for anyone.”"
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Omar Velk"


def test_a_new_clause_gives_the_later_cue_its_own_subject() -> None:
    body = (
        "Ana Ruiz said that the ferry was late, although Omar Velk insisted it was “right on time.”"
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Omar Velk"


def test_a_sentence_closing_on_a_cited_report_names_the_report() -> None:
    body = (
        "Most skippers call the new quay “a waste of good harbour” and want it gone, "
        "according to a survey by the Harbour Courier."
    )
    (found,) = find_quotes(body, [entity(body, "Harbour Courier", kind="organization")])
    assert (found.speaker_text, found.rule) == (
        "a survey by the Harbour Courier",
        "cited_source",
    )


def test_a_report_cited_after_the_quotes_sentence_ends_is_not_its_source() -> None:
    body = (
        "Ana Ruiz called the quay “a waste of good harbour.” She flew home on Friday, "
        "according to the Harbour Courier."
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Harbour Courier", kind="organization")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Ana Ruiz"


def test_direct_speech_after_a_colon_stays_the_inner_speakers() -> None:
    body = "Ana Ruiz's memoir claims that Omar Velk told the crew: “We sail at dawn or not at all.”"
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Omar Velk"


def test_a_participle_opening_the_sentence_is_no_outer_speaker() -> None:
    body = (
        "Answering claims that the quay was unsafe, Omar Velk said every plank was "
        "“checked twice over.”"
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert found.speaker == "Omar Velk"


def test_a_cited_report_names_a_source_where_the_sentence_names_none() -> None:
    body = (
        "More than 400 skippers took part in a “sail-in” at the harbour, according to "
        "the Harbour Courier."
    )
    (found,) = find_quotes(body, [entity(body, "Harbour Courier", kind="organization")])
    assert (found.speaker, found.rule) == ("Harbour Courier", "cited_source+name")


def test_a_nickname_is_no_words_a_cited_report_says() -> None:
    body = (
        "More than 400 skippers saw “Salty” Ann Ruiz win the race, according to the "
        "Harbour Courier."
    )
    people = [entity(body, "Ann Ruiz"), entity(body, "Harbour Courier", kind="organization")]
    assert find_quotes(body, people) == []


def test_a_subject_told_what_another_said_is_not_the_outer_speaker() -> None:
    body = "Ana Ruiz was told on Monday that Omar Velk had called the ferry plan “a sinking ship.”"
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Omar Velk"


def test_a_report_cited_without_a_comma_after_the_credit_names_the_report() -> None:
    body = (
        "“We have run out of fuel and patience,” Ana Ruiz said in a statement according to "
        "the Harbour Courier."
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Harbour Courier", kind="organization")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.rule) == ("Harbour Courier", "cited_source+name")
