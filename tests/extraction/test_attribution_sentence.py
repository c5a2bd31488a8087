"""Speaker words read from a quote's own sentence: its subject, a credit after the quote,
a cue's own clause, sentence bounds and mistyped marks; short texts written for the tests."""

from app.extraction.quotes import find_quotes
from app.extraction.subjects import sentence_subject
from tests.conftest import mentioned as entity


def test_a_capitalised_ordinary_word_opens_a_described_subject() -> None:
    body = (
        "Ana Ruiz spoke on Monday. Coastal erosion experts have seen the reef "
        "plan as “a sandcastle” for years."
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker_text, found.rule) == ("Coastal erosion experts", "sentence_subject")


def test_a_one_word_name_stays_a_name() -> None:
    body = "Velk waved to the “whole harbour crowd” on Monday."
    (found,) = find_quotes(body, [entity(body, "Velk")])
    assert (found.speaker, found.speaker_text) == ("Velk", "Velk")


def test_an_apposition_with_brackets_belongs_to_the_subject() -> None:
    body = (
        "Omar Velk, the head of the Northern Port Authority (NPA), greeted the ferry plan "
        "with “cautious hope” on Friday."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert found.speaker == "Omar Velk"
    assert found.speaker_text == ("Omar Velk, the head of the Northern Port Authority (NPA)")


def test_and_after_a_comma_opens_no_apposition() -> None:
    body = (
        "If the boats Ana Ruiz, and other skippers want to moor here need so much room "
        "that the quay must grow, we should rethink the old rule that “no quay shall grow.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker is None


def test_a_pronoun_after_an_abbreviation_opens_a_new_sentence() -> None:
    body = (
        "Tom Cox says the ferry firm wants to raise fares across the U.K. He says "
        "passengers need no more “hidden charges” this winter."
    )
    (found,) = find_quotes(body, [entity(body, "Tom Cox")])
    assert (found.speaker_text, found.rule) == ("He", "leading_cue+pronoun")


def test_a_name_after_a_dash_speaks_for_its_own_clause() -> None:
    body = (
        "When Ana Ruiz objected that Omar Velk never rowed ― as his crew had long "
        "suspected ― Velk insisted, “The oars were mine all along.”"
    )
    people = [entity(body, "Ana Ruiz"), entity(body, "Omar Velk", "Omar Velk", "Velk")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "Velk")


def test_according_to_keeps_its_source_before_a_dash() -> None:
    body = (
        "According to the Harbour Gazette ― which saw the letter ― Velk wrote that the pier "
        "was “a lost cause”."
    )
    people = [entity(body, "Omar Velk", "Velk")]
    (found,) = find_quotes(body, people)
    assert found.speaker_text is not None
    assert found.speaker_text.startswith("According to the Harbour Gazette")


def test_a_closing_credit_drops_the_auxiliary_before_its_cue() -> None:
    body = "The harbour board made a “blunder” when it sold the old lighthouse, Velk has said."
    (found,) = find_quotes(body, [entity(body, "Omar Velk", "Velk")])
    assert (found.speaker, found.speaker_text, found.rule) == (
        "Omar Velk",
        "Velk",
        "closing_credit+name",
    )


def test_an_inverted_cue_keeps_a_speaker_with_a_long_relative_clause() -> None:
    body = (
        "“The tide took everything,” said a baker whose ovens run all night who asked "
        "not to be named by the paper."
    )
    (found,) = find_quotes(body, [])
    assert found.speaker_text is not None
    assert found.speaker_text.startswith("a baker whose ovens run all night who")


def test_remembered_reports_speech() -> None:
    body = "“We rowed out at dawn every day,” remembered Omar Velk, the old ferryman."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.cue) == ("Omar Velk", "remembered")


def test_an_opening_mark_typed_after_a_comma_closes_the_quote() -> None:
    body = "“It rained all week,“ said Omar Velk, a fisherman. “The nets stayed dry.”"
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.text, q.speaker) for q in quotes] == [
        ("It rained all week,", "Omar Velk"),
        ("The nets stayed dry.", "Omar Velk"),
    ]


def test_three_lower_case_words_may_describe_a_name_after_the_quote() -> None:
    body = "“The tide is turning,” retired city council member Omar Velk said."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.rule) == ("Omar Velk", "trailing_cue+name")


def test_a_credit_closing_the_sentence_credits_its_earlier_quote_too() -> None:
    body = (
        "The new quay will bring “a steady trade” and give the fleet the “deep water” "
        "it has long lacked, Harbour Board spokesman Omar Velk said."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert [(q.speaker, q.rule) for q in quotes] == [("Omar Velk", "closing_credit+name")] * 2


def test_a_credit_followed_by_more_words_credits_no_earlier_quote() -> None:
    body = (
        "The new quay will bring “a steady trade” and give the fleet the “deep water” "
        "it lacks, Harbour Board spokesman Omar Velk said the plan would cost too much."
    )
    quotes = find_quotes(body, [entity(body, "Omar Velk")])
    assert quotes[0].speaker is None


def test_another_neighbour_comma_name_is_one_speaker_phrase() -> None:
    body = "“She sailed every summer,” another neighbour, Mara Vos told the radio."
    (found,) = find_quotes(body, [entity(body, "Mara Vos")])
    assert (found.speaker, found.speaker_text) == ("Mara Vos", "another neighbour, Mara Vos")


def test_a_sentence_read_from_a_closing_mark_finds_its_subject() -> None:
    body = "Vos said, “Yes.” She ended the talk by waving."
    start = body.index("”") + 1  # the space after the closing mark
    assert sentence_subject(body, start, body.index("waving")) == ("She", body.index("She"))


def test_a_participle_after_by_shares_the_sentence_subject() -> None:
    body = (
        "Asked about the storm, Mara Vos said, “The fault is mine.” She ended the meeting "
        "by saying, “I am no sailor.”"
    )
    quotes = find_quotes(body, [entity(body, "Mara Vos")])
    assert [(q.speaker_text, q.rule) for q in quotes] == [
        ("Mara Vos", "leading_cue+name"),
        ("She", "leading_cue+pronoun"),
    ]


def test_a_name_with_a_long_apposition_still_credits_the_quote() -> None:
    body = (
        "“A fine crew, this one,” Velk, the club's captain for six seasons and the fastest "
        "rower on the river by a long way since joining it as a boy of ten, said when a "
        "visitor asked him about the race."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk", "Velk")])
    assert (found.speaker, found.rule) == ("Omar Velk", "trailing_cue+name")


def test_a_long_clause_before_a_cue_is_no_speaker() -> None:
    body = (
        "Few called the pier “a folly” then. But since 1998, sailors on the coast have "
        "grown ever more fond of the long pier and its lamps and benches, with the share "
        "of them calling it “the best in the north” up by half."
    )
    quotes = find_quotes(body, [])
    assert all(not (q.speaker_text or "").startswith("1998") for q in quotes)


def test_the_one_asked_did_not_ask_the_question() -> None:
    body = (
        "In a long interview with a weekly magazine, Senator Darla Fennick was asked, "
        "“What is the hardest part of the job?”"
    )
    (found,) = find_quotes(body, [entity(body, "Darla Fennick")])
    assert (found.speaker, found.speaker_text) == (None, None)


def test_the_one_accused_did_not_say_the_words() -> None:
    body = "Darla Fennick was accused of “lying to every voter in the state” on Monday."
    (found,) = find_quotes(body, [entity(body, "Darla Fennick")])
    assert (found.speaker, found.speaker_text) == (None, None)


def test_a_progressive_judging_cue_keeps_its_subject() -> None:
    body = "Darla Fennick is labeling the harbour plan “a costly folly” this week."
    (found,) = find_quotes(body, [entity(body, "Darla Fennick")])
    assert found.speaker == "Darla Fennick"


def test_a_credit_line_credits_the_parts_a_nested_quote_splits_off() -> None:
    body = (
        "Voters told us what they thought of the debate on Tuesday night.\n\n"
        "“The whole night was a circus and I could not watch more than an hour of it.” "
        "― Pella Vantreek\n\n"
        "“As a nurse, I would rather live in what he calls “chaos” than in his world.” "
        "― Ormi Tashgar\n"
    )
    people = [entity(body, "Pella Vantreek"), entity(body, "Ormi Tashgar")]
    first, *rest = find_quotes(body, people)
    assert first.speaker == "Pella Vantreek"
    assert [q.speaker for q in rest] == ["Ormi Tashgar", "Ormi Tashgar"]


def test_a_quote_in_a_joined_clause_is_that_clauses_subjects() -> None:
    body = (
        "Governor Omar Velk signed an order to close the harbour, while Ana Ruiz, the "
        "former mayor, proposed “a toll on every ferry” instead."
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk"), entity(body, "Ana Ruiz")])
    assert found.speaker == "Ana Ruiz"


def test_a_short_quote_the_one_accused_did_not_say_is_still_kept() -> None:
    body = "Darla Fennick was accused of “lying” on Monday."
    (found,) = find_quotes(body, [entity(body, "Darla Fennick")])
    assert (found.text, found.speaker, found.speaker_text) == ("lying", None, None)


def test_the_subject_after_an_as_clause_is_the_sentences() -> None:
    body = (
        "As they walked the halls, some delegates could be heard grumbling that the "
        "“fake” brochures were everywhere."
    )
    (found,) = find_quotes(body, [])
    assert found.speaker_text == "some delegates"


def test_an_as_clause_the_quote_follows_at_once_names_its_source() -> None:
    body = "As the Harbour Singers sang in 1985, “Nobody leaves the quay before the tide turns.”"
    (found,) = find_quotes(body, [])
    assert found.speaker_text is not None
    assert found.speaker_text.startswith("the Harbour Singers")


def test_a_quote_inside_an_opening_clause_is_not_the_main_clauses() -> None:
    body = (
        "Omar Velk spoke for an hour. When a man in the crowd shouted, “Tomas,” Velk "
        "joked, “Not today, friend.”"
    )
    shout, reply = find_quotes(body, [entity(body, "Omar Velk", "Omar Velk", "Velk")])
    assert (shout.speaker, shout.speaker_text) == (None, "a man in the crowd")
    assert reply.speaker == "Omar Velk"


def test_an_opening_clause_cue_with_no_speaker_phrase_names_nobody() -> None:
    body = "When someone in the crowd shouted, “Tomas,” Omar Velk joked about it."
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == (None, None)


def test_the_one_said_to_be_something_did_not_say_it() -> None:
    body = "Party chair Darla Fennick was said to be “furious” with the harbour board."
    (found,) = find_quotes(body, [entity(body, "Darla Fennick")])
    assert (found.speaker, found.speaker_text) == (None, None)


def test_a_joined_clause_with_its_own_subject_governs_its_quote() -> None:
    body = (
        "Omar Velk said the ferry plan was weak, but his lawyer, Ana Ruiz, told reporters "
        "the deal was fair and added: “We will win this case in court with ease.”"
    )
    people = [entity(body, "Omar Velk"), entity(body, "Ana Ruiz")]
    (found,) = find_quotes(body, people)
    assert (found.speaker, found.speaker_text) == ("Ana Ruiz", "his lawyer, Ana Ruiz")


def test_a_quote_in_a_relative_clause_is_the_name_before_who() -> None:
    body = (
        "The inquiry would involve Ana Ruiz, who told the council when asked about it: "
        "“That matter is for the harbour police to settle.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.speaker_text) == ("Ana Ruiz", "Ana Ruiz, who")
    assert found.rule == "relative_clause+name"


def test_a_relative_clause_closed_before_a_cue_leaves_the_main_subject() -> None:
    body = (
        "Ana Ruiz, who chairs the port board said: “We will sail at dawn and not a minute later.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.rule == "leading_cue+name"


def test_an_inverted_cue_after_an_opening_clause_names_the_speaker() -> None:
    body = (
        "Because of how the harbour was built, explained Ana Ruiz, “with the season over by "
        "spring, the ferries will stop.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.rule) == ("Ana Ruiz", "inverted_cue+name")
