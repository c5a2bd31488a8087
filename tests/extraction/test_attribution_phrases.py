"""How the words at a cue become the speaker phrase, on short texts written for these tests."""

from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedQuote
from tests.conftest import mentioned as entity


def only(quotes: list[ExtractedQuote]) -> ExtractedQuote:
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_a_credit_may_follow_a_quote_without_its_comma() -> None:
    body = "The vote is close.\n\n“The county is a contest of small groups” Greta Lund said."
    found = only(find_quotes(body, [entity(body, "Greta Lund")]))
    assert (found.speaker, found.rule) == ("Greta Lund", "trailing_cue+name")


def test_words_going_on_after_a_quote_without_a_comma_are_no_credit() -> None:
    body = "The “new harbour wall for the town” Greta Lund said would rise was never built."
    found = only(find_quotes(body, [entity(body, "Greta Lund")]))
    assert found.speaker is None


def test_a_role_with_a_linking_word_may_follow_the_cue() -> None:
    body = "“Welcome, all of you, to the harvest fair,” said master of ceremonies Ari Tobin."
    found = only(find_quotes(body, [entity(body, "Ari Tobin")]))
    assert found.speaker == "Ari Tobin"
    assert found.speaker_text == "master of ceremonies Ari Tobin"


def test_a_participle_after_a_quote_names_no_speaker() -> None:
    body = (
        "Ana Ruiz told the board there was still “more work to do in the mills,” "
        "noting rising costs in Spain and Italy."
    )
    found = only(find_quotes(body, [entity(body, "Ana Ruiz")]))
    assert (found.speaker, found.rule) == ("Ana Ruiz", "leading_cue+name")


def test_an_opening_adverb_is_not_the_subject() -> None:
    body = (
        "Lena Park runs the port. Typically, she calls the harbour rules "
        "“a burden on every small boat” when asked."
    )
    found = only(find_quotes(body, [entity(body, "Lena Park")]))
    assert (found.speaker, found.speaker_text) == ("Lena Park", "she")


def test_an_opening_participle_is_not_the_subject() -> None:
    body = (
        "Ivo Brand sold the farm. Flying home that night, he called the sale "
        "“the end of a long and tiring year”."
    )
    found = only(find_quotes(body, [entity(body, "Ivo Brand")]))
    assert (found.speaker, found.speaker_text) == ("Ivo Brand", "he")


def test_a_plain_role_or_a_document_may_credit_a_quote() -> None:
    body = (
        "“The harm done by the scheme is beyond measure,” county prosecutors wrote.\n\n"
        "“The ferry will stop in May,” it says."
    )
    quotes = find_quotes(body, [])
    assert [q.speaker_text for q in quotes] == ["county prosecutors", "it"]
    assert all(q.speaker is None for q in quotes)


def test_a_lower_case_word_that_names_no_people_credits_nothing() -> None:
    body = "The pier is shut.\n\n“The ferry will run again next spring,” rumours said."
    assert only(find_quotes(body, [])).speaker_text is None


def test_with_and_a_participle_names_its_own_speaker() -> None:
    body = (
        "Members who back the plan were angry, with Senator Ann Vale calling it "
        "“a cheap and empty menu of promises.”"
    )
    found = only(find_quotes(body, [entity(body, "Ann Vale")]))
    assert (found.speaker, found.speaker_text) == ("Ann Vale", "Senator Ann Vale")


def test_the_agent_of_a_passive_cue_speaks() -> None:
    body = "Tom Reed was asked by Bill Marr, the host, “Will you run again next year?”"
    found = only(find_quotes(body, [entity(body, "Tom Reed"), entity(body, "Bill Marr")]))
    assert found.speaker == "Bill Marr"


def test_a_spokesman_speaks_not_the_person_whose_spokesman_he_is() -> None:
    body = "Peter Kim lost the vote. “We will appeal at once,” Kim spokesman Ana Ruiz said."
    found = only(find_quotes(body, [entity(body, "Peter Kim", "Kim"), entity(body, "Ana Ruiz")]))
    assert found.speaker == "Ana Ruiz"


def test_a_name_after_a_preposition_is_not_the_speaker() -> None:
    body = "Peter Kim lost the vote. “We will appeal at once,” a lawyer for Peter Kim said."
    found = only(find_quotes(body, [entity(body, "Peter Kim")]))
    assert (found.speaker, found.speaker_text) == (None, "a lawyer for Peter Kim")


def test_she_after_an_unnamed_spokeswoman_is_not_the_man_named_before() -> None:
    body = (
        "Party leader Zorvath Blythe spoke first at the meeting. A spokeswoman for the firm "
        "later added that it was sorry. “We regret the whole affair,” she said."
    )
    found = only(find_quotes(body, [entity(body, "Zorvath Blythe")]))
    assert (found.speaker, found.speaker_text) == (None, "she")


def test_a_role_that_introduces_a_name_is_that_person() -> None:
    body = "Zorvath Blythe, the chairwoman, spoke next. “We will recover by spring,” she said."
    found = only(find_quotes(body, [entity(body, "Zorvath Blythe")]))
    assert found.speaker == "Zorvath Blythe"


def test_a_possessed_speech_noun_is_its_possessors_words() -> None:
    body = "The site checked Ann Lee’s claim that there were “thousands of fires” in the city."
    found = only(find_quotes(body, [entity(body, "Ann Lee")]))
    assert (found.speaker, found.speaker_text) == ("Ann Lee", "Ann Lee’s")


def test_a_judged_speech_noun_is_the_judges_words() -> None:
    body = "Tom Hale denounced Ann Lee’s remarks as “hurtful and humiliating” at once."
    found = only(find_quotes(body, [entity(body, "Tom Hale"), entity(body, "Ann Lee")]))
    assert found.speaker != "Ann Lee"


def test_an_opening_phrase_that_runs_into_a_cue_word_is_no_speaker() -> None:
    body = (
        "On the eve of her third term as mayor in May, Greta Lund rallied the crowd by "
        "warning that “the port is in danger.”"
    )
    found = only(find_quotes(body, [entity(body, "Greta Lund")]))
    assert (found.speaker, found.speaker_text) == ("Greta Lund", "Greta Lund")


def test_an_opening_phrase_with_its_own_subject_keeps_it() -> None:
    body = "In what she called “a test of nerve,” the board held firm on the fees."
    found = only(find_quotes(body, []))
    assert "she" in (found.speaker_text or "").split()


def test_an_amount_that_opens_with_a_preposition_may_speak() -> None:
    body = "About four in ten harbour pilots said the channel felt “far too shallow.”"
    found = only(find_quotes(body, []))
    assert found.speaker_text == "About four in ten harbour pilots"


def test_a_cue_word_before_a_role_is_no_verb() -> None:
    body = (
        "“You need an organization,” said Bo Diaz, Lund's Norland state director. "
        "“You can't arrive two weeks before.”"
    )
    quotes = find_quotes(body, [entity(body, "Lund"), entity(body, "Bo Diaz")])
    assert [(q.speaker, q.speaker_text) for q in quotes] == [
        ("Bo Diaz", "Bo Diaz, Lund's Norland state director")
    ] * 2


def test_a_role_after_a_name_belongs_to_the_subject() -> None:
    body = (
        "In May, Lund's Norland state director, Bo Diaz, reached out, writing in an email: "
        "“We want to use this now.”"
    )
    found = only(find_quotes(body, [entity(body, "Lund"), entity(body, "Bo Diaz")]))
    assert found.speaker == "Bo Diaz"


def test_a_cue_word_the_credits_cue_follows_is_a_noun() -> None:
    body = "“Even the chair’s own staff knew,” the harbour report said."
    found = only(find_quotes(body, []))
    assert (found.speaker_text, found.rule) == ("the harbour report", "trailing_cue")


def test_a_pronoun_after_which_is_the_nearest_cues_subject() -> None:
    body = (
        "Omar Velk, the harbour master, told the council on Monday about the late ferry, "
        "which he added was “a disgrace to the port.”"
    )
    (found,) = find_quotes(body, [entity(body, "Omar Velk")])
    assert (found.speaker, found.speaker_text) == ("Omar Velk", "he")


def test_a_first_person_possessive_opens_a_trailing_speaker() -> None:
    body = "The boat leaked for years. “We sail at dawn or not at all,” my father often said."
    (found,) = find_quotes(body, [])
    assert (found.speaker_text, found.rule) == ("my father", "trailing_cue")


def test_as_someone_put_it_names_who_put_the_words() -> None:
    body = (
        "The ferry came back late again, and that is because, as the Harbour Courier "
        "put it, “slow boats make long faces.”"
    )
    found = find_quotes(body, [entity(body, "Harbour Courier", kind="organization")])
    assert [(q.speaker, q.speaker_text) for q in found] == [
        ("Harbour Courier", "the Harbour Courier")
    ]
