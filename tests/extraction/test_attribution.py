"""Attribution steps, one behaviour each, on short texts written for these tests."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity
from tests.extraction.picks import quote


def test_every_quote_names_its_rule_and_confidence() -> None:
    body = "“The bridge opens in May,” Ana Ruiz said. The council met on Friday."
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.rule) == ("Ana Ruiz", "trailing_cue+name")
    assert found.confidence is not None and 0.5 < found.confidence <= 1


def test_a_quote_only_paragraph_continues_the_speaker_before() -> None:
    body = (
        "“We will rebuild the pier,” said Ivo Brand, the harbour master.\n\n"
        "“It will take two summers and most of the budget.”"
    )
    quotes = find_quotes(body, [entity(body, "Ivo Brand")])
    second = quote(quotes, "It will take")
    assert (second.speaker, second.rule) == ("Ivo Brand", "paragraph_continuation+name")


def test_continuation_stops_when_someone_else_becomes_the_subject() -> None:
    body = (
        "“We will rebuild the pier,” said Ivo Brand. Lena Park, the mayor, disagreed "
        "with the plan. “It will take two summers and most of the budget.”"
    )
    quotes = find_quotes(body, [entity(body, "Ivo Brand"), entity(body, "Lena Park")])
    assert quote(quotes, "It will take").speaker is None


def test_said_colon_introduces_the_next_paragraph() -> None:
    body = "The coach, Tom Hale, said:\n\n“We were not good enough in the second half.”"
    (found,) = find_quotes(body, [entity(body, "Tom Hale")])
    assert (found.speaker, found.rule) == ("Tom Hale", "colon_introduction+name")


def test_an_answer_to_a_question_goes_to_the_earlier_speaker() -> None:
    body = (
        "“The harbour will reopen in spring,” said Mara Vos, the port director.\n\n"
        "“Will the fishermen be paid for the lost season?” asked Jon Ek, a reporter.\n\n"
        "“Every one of them, in full, before the summer.”"
    )
    quotes = find_quotes(body, [entity(body, "Mara Vos"), entity(body, "Jon Ek")])
    answer = quote(quotes, "Every one of them")
    assert (answer.speaker, answer.rule) == ("Mara Vos", "alternation+name")


def test_she_goes_to_the_nearest_woman_not_the_last_man_named() -> None:
    body = (
        "Helen Sudell, the editor, met Peter Kim on Monday. Kim praised the report.\n\n"
        "“The rise is the highest we have ever recorded,” she said."
    )
    entities = [entity(body, "Helen Sudell"), entity(body, "Peter Kim", "Peter Kim", "Kim")]
    (found,) = find_quotes(body, entities)
    assert (found.speaker, found.speaker_text, found.rule) == (
        "Helen Sudell",
        "she",
        "trailing_cue+pronoun",
    )


def test_honorifics_give_gender_when_the_given_name_does_not() -> None:
    body = (
        "Mrs Okafor and Mr Lind spoke after the vote. Lind left early.\n\n"
        "“We have the numbers now,” she said."
    )
    entities = [entity(body, "Okafor", "Okafor"), entity(body, "Lind", "Lind")]
    (found,) = find_quotes(body, entities)
    assert found.speaker == "Okafor"


def test_a_pronoun_with_no_person_of_its_gender_stays_unresolved() -> None:
    body = "Peter Kim spoke first.\n\n“It was a long night for everyone,” she said."
    (found,) = find_quotes(body, [entity(body, "Peter Kim")])
    assert (found.speaker, found.speaker_text) == (None, "she")


def test_they_is_not_one_person() -> None:
    body = "Peter Kim met the union.\n\n“We want a fair deal,” they said."
    (found,) = find_quotes(body, [entity(body, "Peter Kim")])
    assert found.speaker is None


def test_a_role_description_resolves_to_the_person_introduced_with_it() -> None:
    body = (
        "Finance minister Rosa Vidal presented the budget. Jon Ek, an economist, was there.\n\n"
        "“This budget balances the books,” the minister said."
    )
    entities = [entity(body, "Rosa Vidal"), entity(body, "Jon Ek")]
    (found,) = find_quotes(body, entities)
    assert (found.speaker, found.rule) == ("Rosa Vidal", "trailing_cue+role_description")


def test_an_organization_speaks_for_itself() -> None:
    body = (
        "Northwind Freight cut 300 jobs on Monday.\n\n"
        "“The cuts were necessary to protect the business,” the company said."
    )
    firm = entity(body, "Northwind Freight", kind="organization")
    (found,) = find_quotes(body, [firm])
    assert (found.speaker, found.rule) == ("Northwind Freight", "trailing_cue+organization")


def test_a_named_ministry_speaks() -> None:
    body = "“Talks will resume next week,” the Ministry of Fisheries said."
    ministry = entity(body, "Ministry of Fisheries", kind="organization")
    (found,) = find_quotes(body, [ministry])
    assert (found.speaker, found.rule) == ("Ministry of Fisheries", "trailing_cue+name")


def test_a_clause_is_never_a_speaker() -> None:
    body = (
        "Ana Ruiz spoke at noon.\n\n"
        "The long dispute over the harbour continues to call the deal “a betrayal” of workers."
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker is None
    assert found.speaker_text is None or "continues" not in found.speaker_text


def test_the_noun_phrase_nearest_the_cue_speaks() -> None:
    body = "After the vote ended, a woman in the crowd shouted “shame on you” at the stage."
    (found,) = find_quotes(body, [])
    assert found.speaker_text == "a woman in the crowd"


def test_a_party_word_before_a_role_is_not_the_speaker() -> None:
    body = (
        "Tory leader Michael Howard visited the port.\n\n"
        "“Taxes will fall under a new government,” the Tory leader said."
    )
    tory = entity(body, "Tory", "Tory")  # a word the entity pass misread as a person
    howard = entity(body, "Michael Howard")
    (found,) = find_quotes(body, [tory, howard])
    assert found.speaker == "Michael Howard"
    assert found.rule == "trailing_cue+role_description"


def test_a_title_fragment_gives_the_person_holding_the_title() -> None:
    body = (
        "Ruth Kelly, the Secretary of State for Learning, opened the school.\n\n"
        "“Every child deserves a place,” the Secretary of State for Learning said."
    )
    fragment = entity(body, "State for Learning", "State for Learning")
    kelly = entity(body, "Ruth Kelly")
    (found,) = find_quotes(body, [fragment, kelly])
    assert (found.speaker, found.rule) == ("Ruth Kelly", "trailing_cue+title_holder")


def test_a_title_fragment_with_no_holder_gives_no_speaker() -> None:
    body = "“Every child deserves a place,” the Secretary of State for Learning said."
    fragment = entity(body, "State for Learning", "State for Learning")
    (found,) = find_quotes(body, [fragment])
    assert found.speaker is None


def test_weak_evidence_leaves_the_speaker_null() -> None:
    # Only an unnamed role is left for "the spokesman", and the one man named is the
    # subject of the story, not its spokesman: a guess would likely be wrong.
    body = (
        "Peter Kim was arrested in the port on Monday.\n\n"
        "A crowd gathered and shouted “let him go” at the officers."
    )
    (found,) = find_quotes(body, [entity(body, "Peter Kim")])
    assert found.speaker is None
    assert found.confidence is not None


def test_a_quote_with_no_cue_says_so() -> None:
    body = "“Nothing about this was planned or discussed beforehand.”\n\nPeter Kim spoke."
    (found,) = find_quotes(body, [entity(body, "Peter Kim")])
    assert (found.speaker, found.rule, found.confidence) == (None, "no_cue", 0.2)


def test_a_quote_paragraph_after_what_someone_did_is_theirs() -> None:
    body = (
        "Ana Ruiz praised the new harbour plan on Monday.\n\n"
        "“We need someone who will cut through the delays and build it.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker, found.rule) == ("Ana Ruiz", "paragraph_subject+name")


def test_a_thing_does_not_carry_a_quote_over_a_paragraph_break() -> None:
    body = (
        "The harbour closed early on Monday.\n\n"
        "“We need someone who will cut through the delays and build it.”"
    )
    (found,) = find_quotes(body, [])
    assert (found.speaker_text, found.rule) == (None, "no_cue")


def test_a_pronoun_after_a_speaker_named_only_by_a_role_stays_unresolved() -> None:
    body = (
        "Ivo Brand, the union leader, said the talks had failed. Lena Park wrote to Tom Hall "
        "on Monday. In reply, the party chairman said the letter was unfair. "
        "“We will not be lectured by anyone,” he said."
    )
    people = [entity(body, name) for name in ("Ivo Brand", "Lena Park", "Tom Hall")]
    (found,) = find_quotes(body, people)
    assert (found.speaker_text, found.speaker) == ("he", None)


def test_a_role_describing_the_only_person_named_keeps_the_pronoun() -> None:
    body = (
        "Ivo Brand opened the meeting. The union leader said the talks had failed. "
        "“We will strike in May,” he said."
    )
    (found,) = find_quotes(body, [entity(body, "Ivo Brand")])
    assert found.speaker == "Ivo Brand"


def test_continuation_stops_when_a_role_speaks_in_between() -> None:
    body = (
        "“We will strike in May,” said Ivo Brand. Later, the party spokesman said the "
        "strike was illegal. Talks resumed on Friday. “It will go ahead anyway, whatever "
        "they say.”"
    )
    quotes = find_quotes(body, [entity(body, "Ivo Brand")])
    assert quote(quotes, "It will go ahead").speaker is None


def test_an_inverted_cue_paragraph_introduces_the_quote_after_it() -> None:
    body = (
        "Ted Vance spoke at the rally on Friday.\n\n"
        "Continued Vance:\n\n"
        "“The stakes are higher this year than ever before.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ted Vance", "Ted Vance", "Vance")])
    assert (found.speaker, found.rule) == ("Ted Vance", "inverted_cue+name")
