from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedEntity, ExtractedMention, ExtractedQuote
from tests.conftest import mentioned as person


def only(quotes: list[ExtractedQuote], text: str) -> ExtractedQuote:
    found = [q for q in quotes if q.text == text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_offsets_exclude_the_marks() -> None:
    body = "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday."
    (quote,) = find_quotes(body, [person(body, "Ana Ruiz")])
    assert body[quote.start : quote.end] == quote.text
    assert quote.text == "We will rebuild the bridge by spring,"
    assert quote.speaker == "Ana Ruiz"
    assert quote.speaker_text == "Mayor Ana Ruiz"
    assert quote.cue == "said"
    assert quote.kind == "direct"


def test_said_before_the_speaker_and_straight_marks() -> None:
    body = '"The budget is balanced," said Tom Hale, the county treasurer.'
    (quote,) = find_quotes(body, [person(body, "Tom Hale")])
    assert quote.speaker == "Tom Hale"
    assert quote.speaker_text is not None and quote.speaker_text.startswith("Tom Hale")


def test_colon_introduction_and_follow_on_quote() -> None:
    body = (
        'Lena Park said: "The plant will close in May."\n\n'
        "Workers were told on Friday.\n\n"
        "“It is a hard day for the town,” she said. “We did what we could.”"
    )
    quotes = find_quotes(body, [person(body, "Lena Park", "Lena Park")])
    assert only(quotes, "The plant will close in May.").speaker == "Lena Park"
    hard = only(quotes, "It is a hard day for the town,")
    assert (hard.speaker, hard.speaker_text) == ("Lena Park", "she")
    assert only(quotes, "We did what we could.").speaker == "Lena Park"


def test_pronoun_prefers_the_subject_over_a_possessive_in_passing() -> None:
    body = (
        "Omar Salt, a port engineer, said the timing of Ivo Brand’s visit mattered.\n\n"
        "“It changes everything for the harbour,” he said."
    )
    entities = [person(body, "Omar Salt"), person(body, "Ivo Brand")]
    (quote,) = find_quotes(body, entities)
    assert quote.speaker == "Omar Salt"


def test_a_bare_possessive_apostrophe_leaves_the_named_role_to_speak() -> None:
    body = (
        "Sprinter Nikos Varelas faces two charges.\n\n"
        "The charges were filed on Monday. Varelas' lawyer Ravi Pemberton told reporters: "
        "“We refute both charges.”"
    )
    entities = [
        person(body, "Nikos Varelas", "Nikos Varelas", "Varelas"),
        person(body, "Ravi Pemberton"),
    ]
    (quote,) = find_quotes(body, entities)
    assert (quote.speaker, quote.speaker_text) == (
        "Ravi Pemberton",
        "Varelas' lawyer Ravi Pemberton",
    )


def test_unnamed_source_keeps_its_words_without_a_speaker() -> None:
    body = (
        "The deal aims to “end years of delay on the northern line”, says a person close to "
        "the talks.\n\n“Nobody expected it this fast,” the person said."
    )
    quotes = find_quotes(body, [])
    first = only(quotes, "end years of delay on the northern line")
    assert (first.speaker, first.speaker_text) == (None, "a person close to the talks")
    assert only(quotes, "Nobody expected it this fast,").speaker is None


def test_possessive_office_speaks_for_its_owner() -> None:
    body = (
        "Rosa Vidal will travel to the coast. She will “open the new clinic in the valley,” "
        "her office said."
    )
    (quote,) = find_quotes(body, [person(body, "Rosa Vidal")])
    assert (quote.speaker, quote.speaker_text) == ("Rosa Vidal", "her office")


def test_according_to_and_description() -> None:
    body = (
        "Karl Ode praised the ruling.\n\n"
        "According to Ode, while the court was slow, “the outcome is fair to everyone”.\n\n"
        "“We will not appeal,” the retired judge said."
    )
    quotes = find_quotes(body, [person(body, "Karl Ode", "Karl Ode", "Ode")])
    fair = only(quotes, "the outcome is fair to everyone")
    assert (fair.speaker, fair.speaker_text, fair.kind) == ("Karl Ode", "Ode", "direct")
    assert only(quotes, "We will not appeal,").speaker == "Karl Ode"


def test_partial_quote_inside_a_sentence() -> None:
    body = "Senator Pia Lund called the proposal “a gift to landlords” on Tuesday."
    (quote,) = find_quotes(body, [person(body, "Pia Lund")])
    assert quote.kind == "partial"
    assert quote.speaker == "Pia Lund"
    assert quote.cue == "called"


def test_quote_continues_across_paragraphs() -> None:
    body = (
        "“The river rose faster than any model predicted.\n\n"
        "“We moved everyone out by midnight,” said Chief Dana Kerr."
    )
    quotes = find_quotes(body, [person(body, "Dana Kerr")])
    assert [q.text for q in quotes] == [
        "The river rose faster than any model predicted.",
        "We moved everyone out by midnight,",
    ]
    assert all(q.speaker == "Dana Kerr" for q in quotes)


def test_apostrophes_and_unattributed_scare_quotes_are_not_quotes() -> None:
    body = "The ‘reset’ plan didn’t work. Voters’ anger grew, and the “fix” failed."
    assert find_quotes(body, []) == []


def test_titles_of_works_are_not_quotes() -> None:
    body = 'Governor Eli Marsh said on "Meet The Press" that taxes would not rise.'
    assert find_quotes(body, [person(body, "Eli Marsh")]) == []


def test_doubled_apostrophes_as_quote_marks() -> None:
    body = "''We are being kept in the dark,'' the club chairman told reporters."
    (quote,) = find_quotes(body, [])
    assert quote.text == "We are being kept in the dark,"
    assert quote.speaker_text == "the club chairman"
    assert quote.cue == "told"


def test_new_quote_opened_without_closing_the_previous() -> None:
    body = 'Ms Hale said: "We have doubled it. "We will extend it to nine months."'
    quotes = find_quotes(body, [])
    assert [q.text for q in quotes] == ["We have doubled it.", "We will extend it to nine months."]
    assert {q.speaker_text for q in quotes} == {"Ms Hale"}


def test_credit_line_after_a_quote() -> None:
    body = "“The debate changed my mind about the whole race.” ― Maria Olsen"
    (quote,) = find_quotes(body, [])
    assert quote.speaker_text == "Maria Olsen"


def test_mixed_marks_and_nested_quotes() -> None:
    body = (
        'Police found “no evidence" yet of a plot, Chief Ada Stone said. '
        '“He told me "never again" and left,” said Bo Lind.'
    )
    quotes = find_quotes(body, [])
    assert [q.text for q in quotes] == ["no evidence", 'He told me "never again" and left,']
    assert quotes[0].speaker_text == "Chief Ada Stone"
    assert quotes[1].speaker_text == "Bo Lind"


def test_demonyms_and_nouns_do_not_speak() -> None:
    body = (
        "Rita Holm spoke first.\n\n"
        "The Danish-Swedish dispute drew a call for “an end to quota cuts” from the fleet."
    )
    country = ExtractedEntity(
        name="Denmark",
        type="country",
        mentions=[ExtractedMention(text="Danish", start=body.find("Danish"), end=body.find("-Sw"))],
    )
    (quote,) = find_quotes(body, [person(body, "Rita Holm"), country])
    assert quote.speaker is None
    assert quote.cue is None


def test_a_short_unattributed_sentence_of_its_own_is_a_quote() -> None:
    body = "The crowd rose as the results came in.\n\n“We won!” beamed one fan in a red cap."
    (quote,) = find_quotes(body, [])
    assert (quote.text, quote.kind) == ("We won!", "direct")


def test_a_short_unattributed_term_inside_a_sentence_is_not() -> None:
    # A capital and a full stop inside the marks, but the sentence began before them.
    body = "In the end, it was the “Reform.” that did it."
    assert find_quotes(body, []) == []


def test_quoted_single_letters_are_not_quotes() -> None:
    body = "Many voters simply pick “R,” or “D,” on the ballot, Ana Ruiz said."
    assert find_quotes(body, [person(body, "Ana Ruiz")]) == []


def test_a_title_after_the_kind_of_work_it_names_is_not_a_quote() -> None:
    body = (
        "Lena Park, a former host of the cooking show “Salt And Smoke,” said the studio "
        "closed. She wrote about it in her memoir, “Last Orders.”"
    )
    assert find_quotes(body, [person(body, "Lena Park")]) == []


def test_a_slogan_is_still_a_quote() -> None:
    body = "The Harbour Party printed its slogan, “Build The Bridge Now,” on every flyer."
    assert [q.text for q in find_quotes(body, [])] == ["Build The Bridge Now,"]


def test_a_direction_mark_before_a_quotation_mark_is_invisible() -> None:
    body = "\u202a”The ferry was late again,” posted Ana Ruiz."
    (quote,) = find_quotes(body, [person(body, "Ana Ruiz")])
    assert (quote.text, quote.speaker) == ("The ferry was late again,", "Ana Ruiz")


def test_a_closing_mark_that_opens_a_paragraph_opens_a_quote() -> None:
    body = "Ana Ruiz spoke at length.\n\n” … and then the lights went out,” she said in May."
    (quote,) = find_quotes(body, [person(body, "Ana Ruiz")])
    assert (quote.text, quote.speaker) == ("… and then the lights went out,", "Ana Ruiz")


def test_an_opening_mark_typed_after_the_last_word_closes_the_quote() -> None:
    body = "Ana Ruiz called the levy “reckless“ in a post on Sunday, and the council agreed."
    quotes = find_quotes(body, [person(body, "Ana Ruiz")])
    assert [(q.text, q.speaker) for q in quotes] == [("reckless", "Ana Ruiz")]


def test_a_nickname_between_given_name_and_surname_is_not_a_quote() -> None:
    body = (
        "The club named Marta “Tiger” Velden as coach. She said the team would "
        "“fight to the end” on Saturday."
    )
    quotes = find_quotes(body, [person(body, "Marta Velden")])
    assert [q.text for q in quotes] == ["fight to the end"]


def test_a_title_before_the_kind_of_work_it_names_is_not_a_quote() -> None:
    body = (
        "Ravi Pemberton, who joined the cast of the “Harbour Nights” reboot this year, "
        "said the script was “sharper than ever.”"
    )
    quotes = find_quotes(body, [person(body, "Ravi Pemberton")])
    assert [q.text for q in quotes] == ["sharper than ever."]


def test_a_headline_credited_to_its_writer_is_not_a_quote() -> None:
    body = (
        "WEEKEND READING.\n\n"
        "—“Ferry fares to rise again as fuel costs bite,” by the Gazette’s Ana Ruiz: "
        "“Passengers on the island route will pay more from May.”"
    )
    quotes = find_quotes(body, [person(body, "Ana Ruiz")])
    assert [q.text for q in quotes] == ["Passengers on the island route will pay more from May."]


def test_a_quoted_word_between_capitals_that_name_no_one_is_no_nickname() -> None:
    body = "Rita Holm said the Harbour “Reckless” Award was a joke."
    quotes = find_quotes(body, [person(body, "Rita Holm")])
    assert [q.text for q in quotes] == ["Reckless"]
