"""Speaker words read from a quote's own sentence: its subject, a credit after the quote,
a cue's own clause, sentence bounds and mistyped marks; short texts written for the tests."""

from app.extraction.quotes import find_quotes
from app.extraction.subjects import sentence_subject
from tests.conftest import mentioned as entity


def test_a_capitalised_ordinary_word_opens_a_described_subject() -> None:
    body = (
        "Ana Ruiz spoke on Monday. Nuclear proliferation experts have discounted the "
        "claims as “wishful thinking” in the past."
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker_text, found.rule) == ("Nuclear proliferation experts", "sentence_subject")


def test_a_one_word_name_stays_a_name() -> None:
    body = "Velk spoke to the “entire room of people” on Monday."
    (found,) = find_quotes(body, [entity(body, "Velk")])
    assert (found.speaker, found.speaker_text) == ("Velk", "Velk")


def test_an_apposition_with_brackets_belongs_to_the_subject() -> None:
    body = (
        "Omar Velk, the United Nations High Commissioner for Refugees (UNHCR), reacted with "
        "“deep concern” to the deal."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert found.speaker == "Omar Velk"
    assert found.speaker_text == (
        "Omar Velk, the United Nations High Commissioner for Refugees (UNHCR)"
    )


def test_and_after_a_comma_opens_no_apposition() -> None:
    body = (
        "If the refugees Ana Ruiz, and other ministers want to bring here pose such a risk "
        "that the laws have changed, we should rethink the plan that “shall not be infringed.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker is None


def test_a_pronoun_after_an_abbreviation_opens_a_new_sentence() -> None:
    body = (
        "Tom Cox says the president is trying to distract people in the U.S. He says "
        "Americans need no more “emotional lectures” from anyone."
    )
    (found,) = find_quotes(body, [entity(body, "Tom Cox")])
    assert (found.speaker_text, found.rule) == ("He", "leading_cue+pronoun")


def test_a_name_after_a_dash_speaks_for_its_own_clause() -> None:
    body = (
        "When Ana Ruiz noted that Omar Velk paid no tax ― as was true for the years his "
        "returns were public ― Velk boasted, “That makes me smart.”"
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk", "Omar Velk", "Velk")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "Velk")


def test_according_to_keeps_its_source_before_a_dash() -> None:
    body = (
        "According to the Daily Post ― which saw the letter ― Velk wrote that the plan was "
        "“dead on arrival”."
    )
    people = [entity(body, "Omar Velk", "Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker_text is not None
    assert found.speaker_text.startswith("According to the Daily Post")


def test_a_closing_credit_drops_the_auxiliary_before_its_cue() -> None:
    body = "The agency made a “mistake” in the background check for the buyer, Velk has said."
    (found,) = find_quotes(body, [entity(body, "Omar Velk", "Velk")])
    assert (found.speaker, found.speaker_text, found.rule) == (
        "Omar Velk",
        "Velk",
        "closing_credit+name",
    )


def test_an_inverted_cue_keeps_a_speaker_with_a_long_relative_clause() -> None:
    body = (
        "“We were all deceived,” said one owner of a shop that sells winter coats who "
        "declined to be named for fear of trouble."
    )
    (found,) = find_quotes(body, [])
    assert found.speaker_text is not None
    assert found.speaker_text.startswith("one owner of a shop that sells winter coats who")


def test_remembered_reports_speech() -> None:
    body = "“They said no, and she did it anyway,” remembered Omar Velk, her former aide."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.cue) == ("Omar Velk", "remembered")


def test_an_opening_mark_typed_after_a_comma_closes_the_quote() -> None:
    body = "“It is unusual,“ said Omar Velk, a lawyer. “It is hard to pull off.”"
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.text, q.speaker) for q in quotes] == [
        ("It is unusual,", "Omar Velk"),
        ("It is hard to pull off.", "Omar Velk"),
    ]


def test_three_lower_case_words_may_describe_a_name_after_the_quote() -> None:
    body = "“They are moving up,” former presidential candidate Omar Velk said."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.rule) == ("Omar Velk", "trailing_cue+name")


def test_a_credit_closing_the_sentence_credits_its_earlier_quote_too() -> None:
    body = (
        "His backing will carry “a great deal of weight” and bring candidates the "
        "“grass-roots firepower” they need to win, Green Party spokesman Omar Velk said."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.speaker, q.rule) for q in quotes] == [("Omar Velk", "closing_credit+name")] * 2


def test_a_credit_followed_by_more_words_credits_no_earlier_quote() -> None:
    body = (
        "His backing will carry “a great deal of weight” and bring candidates the "
        "“grass-roots firepower” they need, Green Party spokesman Omar Velk said the plan "
        "would fail."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert quotes[0].speaker is None


def test_another_friend_comma_name_is_one_speaker_phrase() -> None:
    body = "“She is also a mother of three boys,” another friend, Mara Vos told a radio station."
    (found,) = find_quotes(body, [entity(body, "Mara Vos")])
    assert (found.speaker, found.speaker_text) == ("Mara Vos", "another friend, Mara Vos")


def test_a_sentence_read_from_a_closing_mark_finds_its_subject() -> None:
    body = "Vos said, “I do.” She followed that by saying more."
    start = body.index("”") + 1  # the space after the closing mark
    assert sentence_subject(body, start, body.index("saying")) == ("She", body.index("She"))


def test_a_participle_after_by_shares_the_sentence_subject() -> None:
    body = (
        "Asked about it, Mara Vos said, “I do take responsibility.” She followed that by "
        "saying, “I am not a natural politician.”"
    )
    quotes = find_quotes(body, [entity(body, "Mara Vos")])
    assert [(q.speaker_text, q.rule) for q in quotes] == [
        ("Mara Vos", "leading_cue+name"),
        ("She", "leading_cue+pronoun"),
    ]


def test_a_name_with_a_long_apposition_still_credits_the_quote() -> None:
    body = (
        "“Very good reporter, this guy,” Velk, the party's frontrunner nationally and the "
        "current polling leader in the state by a wide margin after winning the first two "
        "primaries, said when the reporter asked him a question."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk", "Velk")])
    assert (found.speaker, found.rule) == ("Omar Velk", "trailing_cue+name")


def test_a_long_clause_before_a_cue_is_no_speaker() -> None:
    body = (
        "Few agreed that it was “a bad idea” then. But since 2007, voters in the state have "
        "become increasingly devoted to the cause of lower taxes and smaller budgets, with "
        "the share of them saying “it matters most” up by half."
    )
    quotes = find_quotes(body, [])
    assert all(not (q.speaker_text or "").startswith("2007") for q in quotes)
