"""Attribution steps, one behaviour each, on short texts written for these tests."""

from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedQuote
from tests.conftest import mentioned as entity


def quote(quotes: list[ExtractedQuote], start: str) -> ExtractedQuote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


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


def test_speaker_label_and_credit_line() -> None:
    body = (
        "Mara Vos: “We are ready for the storm season this year.”\n\n"
        "“Build the sea wall now, before the next flood.”\n\n"
        "— Jon Ek, writing to the council"
    )
    quotes = find_quotes(body, [entity(body, "Mara Vos"), entity(body, "Jon Ek")])
    assert quote(quotes, "We are ready").rule == "speaker_label+name"
    credited = quote(quotes, "Build the sea wall")
    assert (credited.speaker, credited.rule) == ("Jon Ek", "credit_paragraph+name")


def test_the_accused_is_not_the_speaker() -> None:
    body = "Omar Salt, 52, is accused of “directing a fraud worth millions” at the port."
    quotes = find_quotes(body, [entity(body, "Omar Salt")])
    assert all(q.speaker is None for q in quotes)


def test_a_cue_word_after_a_determiner_is_a_noun() -> None:
    body = "“Developing ports are catching up with the rich ones,” the report said."
    (found,) = find_quotes(body, [])
    assert (found.speaker_text, found.cue) == ("the report", "said")


def test_a_contracted_pronoun_speaks() -> None:
    body = "Peter Kim spoke.\n\nHe’s called it “a big, big problem for the harbour” twice."
    (found,) = find_quotes(body, [entity(body, "Peter Kim")])
    assert (found.speaker, found.speaker_text) == ("Peter Kim", "He")


def test_a_name_inside_a_relative_clause_is_not_the_speaker() -> None:
    body = (
        "The band - whose debut album Nova Lux topped the charts - thanked "
        "“all the fans who stayed with us” on stage."
    )
    album = entity(body, "Nova Lux")
    (found,) = find_quotes(body, [album])
    assert found.speaker is None


def test_a_sentence_final_quote_belongs_to_its_own_sentence() -> None:
    # The quote closes Ruiz's sentence; the next sentence, about Ek, is not its credit.
    body = (
        "Ana Ruiz called the ruling “a disgrace.” Jon Ek, the mayor, warned that the port "
        "would close."
    )
    quotes = find_quotes(body, [entity(body, "Ana Ruiz"), entity(body, "Jon Ek")])
    assert quote(quotes, "a disgrace").speaker == "Ana Ruiz"


def test_a_bare_credit_may_follow_a_sentence_final_quote() -> None:
    body = "“The port will close in May.” Jon Ek said on Monday."
    (found,) = find_quotes(body, [entity(body, "Jon Ek")])
    assert (found.speaker, found.rule) == ("Jon Ek", "trailing_cue+name")


def test_a_pronoun_and_its_verb_give_the_pronoun() -> None:
    body = (
        "Ana Ruiz spoke on Monday.\n\n"
        "She thanked the crew after the vote, calling them “the best in the country.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker_text, found.speaker) == ("She", "Ana Ruiz")


def test_an_apposition_after_a_cue_names_the_speaker() -> None:
    body = "“We will appeal,” said Ana Ruiz, a lawyer for the crew during the long strike."
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker_text == "Ana Ruiz, a lawyer for the crew during the long strike"


def test_time_after_the_name_ends_the_speaker_words() -> None:
    body = "“We will appeal,” said Ana Ruiz, a lawyer, on Monday, adding that time was short."
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker_text == "Ana Ruiz, a lawyer"


def test_a_cue_inside_a_hyphenated_word_is_no_cue() -> None:
    body = "Jon Ek, a self-described “friend of the harbour,” lost the vote on Monday."
    (found,) = find_quotes(body, [entity(body, "Jon Ek")])
    assert (found.speaker_text, found.rule) == ("Jon Ek", "sentence_subject+name")


def test_a_noun_ending_in_ly_is_not_an_adverb() -> None:
    body = "Jon Ek, a Ruiz ally, called the plan “a waste of public money.”"
    (found,) = find_quotes(body, [entity(body, "Jon Ek")])
    assert found.speaker_text == "Jon Ek, a Ruiz ally"


def test_a_participle_shares_the_subject_of_its_sentence() -> None:
    body = (
        "“We have the votes,” said Ana Ruiz, the party whip, explaining why the bill "
        "would pass. “Nobody is wavering.”"
    )
    quotes = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert quote(quotes, "We have").speaker_text == "Ana Ruiz, the party whip"
    follow_on = quote(quotes, "Nobody is wavering")
    assert (follow_on.speaker, follow_on.rule) == ("Ana Ruiz", "same_paragraph+name")


def test_the_subject_after_an_opening_phrase_speaks() -> None:
    body = (
        "Early in the campaign, Ana Ruiz attacked the plan, calling it “a gift to the "
        "harbour owners.”"
    )
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert (found.speaker_text, found.speaker) == ("Ana Ruiz", "Ana Ruiz")


def test_a_described_name_is_one_subject() -> None:
    body = "Harbour union leader Ana Ruiz quickly took to the radio, saying “we will strike.”"
    (found,) = find_quotes(body, [entity(body, "Ana Ruiz")])
    assert found.speaker_text == "Harbour union leader Ana Ruiz"


def test_a_long_possessive_makes_the_cue_word_a_noun() -> None:
    # "Gallagher’s comments": a noun, not Gallagher commenting; Ruiz told the radio.
    body = "Ana Ruiz told the radio that Gallagher’s comments “show no respect.”"
    entities = [entity(body, "Ana Ruiz"), entity(body, "Tom Gallagher", "Gallagher")]
    (found,) = find_quotes(body, entities)
    assert (found.speaker_text, found.speaker) == ("Ana Ruiz", "Ana Ruiz")


def test_who_before_a_cue_speaks_for_the_phrase_before_it() -> None:
    body = (
        "The book cites a memoir by a former harbour pilot who wrote about the “endless "
        "fog” of the northern channel."
    )
    (found,) = find_quotes(body, [])
    assert found.speaker_text == "a former harbour pilot who"


def test_a_relative_clause_belongs_to_the_speaker_phrase() -> None:
    body = "One council official who attended the talks said the deal was “all but done.”"
    (found,) = find_quotes(body, [])
    assert found.speaker_text == "One council official who attended the talks"


def test_a_role_nobody_was_introduced_with_stays_unresolved() -> None:
    body = (
        "Jon Ek, the harbour master, opened the port with Ana Ruiz.\n\n"
        "Later the prime minister called the delays “difficult for any government.”"
    )
    (found,) = find_quotes(body, [entity(body, "Jon Ek"), entity(body, "Ana Ruiz")])
    assert (found.speaker_text, found.speaker) == ("the prime minister", None)


def test_the_object_of_a_verb_is_not_the_subject_a_pronoun_means() -> None:
    body = (
        "Dr Paul Fox accused Mr Tom Blair of spreading lies on Monday. "
        "“It is going to be fear and smear,” he told the radio."
    )
    entities = [entity(body, "Paul Fox", "Paul Fox"), entity(body, "Tom Blair", "Tom Blair")]
    (found,) = find_quotes(body, entities)
    assert found.speaker == "Paul Fox"


def test_a_cue_inside_an_opening_when_clause_is_not_the_quotes() -> None:
    body = (
        "When a pupil asked Jon Ek about the harbour, the minister answered with a joke: "
        "“I am sure nobody here has ever been late.”"
    )
    (found,) = find_quotes(body, [entity(body, "Jon Ek")])
    assert found.speaker_text == "the minister"


def test_a_role_and_name_after_and_speak_not_the_first_clauses_subject() -> None:
    body = (
        "Arno Pell sustained a knee injury in the cup defeat at Hull and manager Joss Marlow said: "
        "“He cannot run, so he is out.”"
    )
    people = [entity(body, "Arno Pell"), entity(body, "Joss Marlow")]
    (found,) = find_quotes(body, people)
    assert found.speaker == "Joss Marlow"
    assert found.speaker_text == "manager Joss Marlow"


def test_a_fronted_phrase_naming_someone_else_is_not_the_speaker() -> None:
    body = (
        "Ahead of Mr Orsino's launch, a party spokesperson said: "
        "“The sums in this plan do not add up.”"
    )
    (found,) = find_quotes(body, [entity(body, "Dag Orsino", "Mr Orsino")])
    assert found.speaker_text == "a party spokesperson"
    assert found.speaker is None


def test_the_agent_after_a_passive_judgement_said_the_words() -> None:
    body = (
        "Mayor Lena Park spoke on Monday. Her plan was described as “reckless” and "
        "“costly” by the Harbour Traders Guild (HTG)."
    )
    quotes = find_quotes(
        body,
        [entity(body, "Lena Park"), entity(body, "Harbour Traders Guild", kind="organization")],
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("reckless", "Harbour Traders Guild"),
        ("costly", "Harbour Traders Guild"),
    ]
    assert quote(quotes, "reckless").rule.startswith("passive_agent")


def test_an_age_or_date_may_open_the_speaker_phrase() -> None:
    body = (
        "“The count was fair,” said 9/11 widow Rita Sand.\n\n"
        "34-year-old Ivan Holt echoed:\n\n"
        "“Nobody asked me about the count.”"
    )
    quotes = find_quotes(body, [entity(body, "Rita Sand"), entity(body, "Ivan Holt")])
    assert quote(quotes, "The count").speaker_text == "9/11 widow Rita Sand"
    assert quote(quotes, "Nobody").speaker == "Ivan Holt"


def test_a_share_of_people_is_not_an_age() -> None:
    body = "“The bill will pass this week,” said 75 percent of Voters United members."
    (found,) = find_quotes(body, [])
    assert found.speaker_text != "75 percent of Voters United members"


def test_a_credit_after_a_new_sentence_is_not_the_closed_quotes() -> None:
    body = (
        "“We will act on the report soon,” said Mr Adams, the trade secretary.\n\n"
        "“The law is clear and the deadline stays.” The unions still want more time, "
        "Mr Brown said."
    )
    people = [entity(body, "Tom Adams", "Mr Adams"), entity(body, "Ian Brown", "Mr Brown")]
    found = quote(find_quotes(body, people), "The law is clear")
    assert (found.speaker, found.rule) == ("Tom Adams", "paragraph_continuation+name")


def test_a_credit_closing_the_quotes_own_sentence_names_its_speaker() -> None:
    body = "The talks were a “vital step towards a lasting peace” in the region, Mr Adams said."
    (found,) = find_quotes(body, [entity(body, "Tom Adams", "Mr Adams")])
    assert (found.speaker, found.rule) == ("Tom Adams", "closing_credit+name")


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


def test_a_capitalised_word_that_is_no_cue_introduces_nothing() -> None:
    body = "Ted Vance spoke at the rally.\n\nEveryone Vance:\n\n“The stakes are higher this year.”"
    (found,) = find_quotes(body, [entity(body, "Ted Vance", "Ted Vance", "Vance")])
    assert found.rule != "inverted_cue+name"


def test_a_clause_joined_before_the_speaker_is_not_part_of_it() -> None:
    body = (
        "The vote set off a panic within party circles this week, and Party Chairman Ivo "
        "Brand is “furious” about it."
    )
    (found,) = find_quotes(body, [entity(body, "Ivo Brand")])
    assert (found.speaker, found.speaker_text) == ("Ivo Brand", "Party Chairman Ivo Brand")
