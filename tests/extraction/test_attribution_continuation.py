"""A later sentence of a paragraph that is about a person speaks for them; a quote in the
same sentence as the one before it continues that one; short texts written for the tests."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity


def test_a_pronoun_subject_of_a_later_sentence_names_the_speaker() -> None:
    body = (
        "“The vote was a step forward,” Omar Velk said on Monday. He cited the seat rules "
        "as “a serious obstacle to any real reform”."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.speaker, q.speaker_text) for q in quotes] == [
        ("Omar Velk", "Omar Velk"),
        ("Omar Velk", "He"),
    ]


def test_a_person_named_as_a_later_subject_takes_the_quote() -> None:
    body = (
        "Bo Diaz said the harbour deal must stop “treating the island like a colony.” Meanwhile, "
        "Ana Ruiz backed the deal, although she has “serious doubts” about it."
    )
    quotes = find_quotes(body, [entity(body, "Bo Diaz"), entity(body, "Ana Ruiz")])
    assert [q.speaker for q in quotes] == ["Bo Diaz", "Ana Ruiz"]


def test_a_later_quote_of_the_same_sentence_continues_the_speaker() -> None:
    body = (
        "Omar Velk said the vote was “an important step,” though the seat rules were "
        "“far from perfect” for the region."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("Omar Velk", "leading_cue+name"),
        ("Omar Velk", "same_paragraph+name"),
    ]


def test_a_thing_as_a_later_subject_leaves_the_continuation() -> None:
    body = (
        "“The vote was a step forward,” Omar Velk said on Monday. The seat rules remain "
        "“a serious obstacle to any real reform”."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("Omar Velk", "trailing_cue+name"),
        ("Omar Velk", "same_paragraph+name"),
    ]


def test_a_pronoun_after_the_reporters_clause_is_the_whole_speaker() -> None:
    body = (
        "Omar Velk opened the harbour on Monday. Pointing to the empty quays, he said the "
        "town had “waited far too long for ships”."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "he")


def test_a_retort_credits_the_one_who_shot_back() -> None:
    body = (
        "“The bridge is a scandal,” Ana Ruiz said.\n\n"
        "“The bridge will open on time, whatever she says,” Bo Diaz shot back."
    )
    quotes = find_quotes(body, [entity(body, "Ana Ruiz"), entity(body, "Bo Diaz")])
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Bo Diaz"]


def test_reiterated_is_a_reporting_verb() -> None:
    body = "Ana Ruiz spoke first. Bo Diaz reiterated: “The bridge will open on time.”"
    quotes = find_quotes(body, [entity(body, "Ana Ruiz"), entity(body, "Bo Diaz")])
    assert [(q.speaker, q.rule) for q in quotes] == [("Bo Diaz", "leading_cue+name")]


def test_reacted_after_a_quote_credits_its_subject() -> None:
    body = "“Why would the bridge close on a Sunday?” reacted Bo Diaz."
    (found,) = find_quotes(body, [entity(body, "Bo Diaz")])
    assert (found.speaker, found.speaker_text) == ("Bo Diaz", "Bo Diaz")


def test_a_quote_after_a_paragraph_of_reported_speech_is_the_reporters_source() -> None:
    body = (
        "The harbour will stay shut until spring, but the ferries will run, Omar Velk said.\n\n"
        "“What is happening is that the quay is being rebuilt from the ground up.”"
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.rule) == ("Omar Velk", "reported_before+name")


def test_reported_speech_after_the_last_quote_of_a_paragraph_carries_on() -> None:
    body = (
        "“It is a scandal,” Bo Diaz said. Later, Omar Velk said the quay was being rebuilt.\n\n"
        "“What is happening is that the quay is being rebuilt from the ground up.”"
    )
    quotes = find_quotes(body, [entity(body, "Bo Diaz"), entity(body, "Omar Velk")])
    assert [q.speaker for q in quotes] == ["Bo Diaz", "Omar Velk"]


def test_a_role_introduced_after_the_last_speaker_is_someone_new() -> None:
    body = (
        "“It is a scandal,” Bo Diaz said.\n\n"
        "Later, the mayor's official spokesman urged calm. The rules were clear, the "
        "spokesman said.\n\n"
        "“We have been exploring how we can open the quay again,” the spokesman added."
    )
    quotes = find_quotes(body, [entity(body, "Bo Diaz")])
    assert [q.speaker for q in quotes] == ["Bo Diaz", None]


def test_a_committee_is_no_person_the_last_speaker_could_be() -> None:
    body = (
        "“It is a scandal,” Bo Diaz said.\n\n"
        "The committee called the plan “deeply worrying” for the town."
    )
    quotes = find_quotes(body, [entity(body, "Bo Diaz")])
    assert [q.speaker for q in quotes] == ["Bo Diaz", None]


def test_a_quote_that_is_its_sentences_subject_continues_nobody() -> None:
    body = (
        "“We are proud of every song on it,” said Ana Ruiz.\n\n"
        "“Tide Lines and Harbour Lights” was written by Omar Velk in 1999."
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    first, second = find_quotes(body, people)
    assert first.speaker == "Ana Ruiz"
    assert second.speaker is None


def test_who_after_an_inverted_credit_is_the_credits_speaker() -> None:
    body = (
        "“We sail at dawn,” said Ana Ruiz, a port lawyer and friend of Omar Velk who has "
        "argued that the tide is late. “We cannot wait for anyone at all.”"
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk")]
    _, second = find_quotes(body, people)
    assert second.speaker == "Ana Ruiz"
    assert second.speaker_text == "Ana Ruiz, a port lawyer and friend of Omar Velk who"
