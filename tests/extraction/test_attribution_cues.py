"""The speaker phrase at a cue: which words name who spoke, on short invented texts."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity
from tests.extraction.picks import quote


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


def test_a_cue_verb_before_an_infinitive_is_no_bare_credit() -> None:
    # "to" after a credit's cue says to whom ("said to reporters"); before a verb the
    # words are a new sentence about the company, and the quote stays with its speaker.
    body = (
        "“We chose the K9 after a long look,” said a Norland Air spokesman. “It fits "
        "what we need.” Velmark continues to build ships for the navy."
    )
    people = [entity(body, "Velmark", kind="organization")]
    first, second = find_quotes(body, people)
    assert second.speaker is None
    assert second.speaker_text == first.speaker_text == "a Norland Air spokesman"
    said_to = "“The port will close in May.” Jon Ek said to reporters."
    (found,) = find_quotes(said_to, [entity(said_to, "Jon Ek")])
    assert found.speaker == "Jon Ek"


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
