"""Speakers named by what they are (``described_speakers``), on short invented texts."""

from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedEntity, ExtractedQuote
from tests.conftest import mentioned as entity


def speaker_of(body: str, entities: list[ExtractedEntity], start: str) -> ExtractedQuote:
    found = [q for q in find_quotes(body, entities) if q.text.startswith(start)]
    assert len(found) == 1
    return found[0]


def test_the_club_is_the_one_body_introduced_as_a_club() -> None:
    body = (
        "Shares in rowing club Velmar Oarsmen fell after Dunmore Bank cut its loans.\n\n"
        "The club, which has lost money for years, said it faced “a very hard winter”."
    )
    club = entity(body, "Velmar Oarsmen", kind="organization")
    bank = entity(body, "Dunmore Bank", kind="organization")
    found = speaker_of(body, [club, bank], "a very hard")
    assert (found.speaker, found.rule) == ("Velmar Oarsmen", "leading_cue+organization_kind")


def test_the_club_is_nobody_when_two_clubs_were_named() -> None:
    body = (
        "Rowing club Velmar Oarsmen beat rowing club Tarn Scullers in the final.\n\n"
        "The club, which has lost money for years, said it faced “a very hard winter”."
    )
    clubs = [
        entity(body, "Velmar Oarsmen", kind="organization"),
        entity(body, "Tarn Scullers", kind="organization"),
    ]
    assert speaker_of(body, clubs, "a very hard").speaker is None


def test_a_plural_member_form_is_the_party_named_by_its_singular() -> None:
    body = (
        "A Whigg candidate lost the seat to Ann Lee.\n\n"
        "The Whiggs have called for a recount if the margin stays “far too narrow”."
    )
    party = entity(body, "Whigg", kind="organization")
    lee = entity(body, "Ann Lee")
    found = speaker_of(body, [party, lee], "far too narrow")
    assert (found.speaker, found.rule) == ("Whigg", "leading_cue+party_members")


def test_a_description_after_a_quote_is_the_one_person_just_named() -> None:
    body = (
        "Tom Reddle won the race for Harbourton Wheelers.\n\n"
        "Reddle agreed it had been a hard year. “I nearly gave up in May,” said the "
        "Norbury-born cyclist."
    )
    reddle = entity(body, "Tom Reddle", "Tom Reddle", "Reddle")
    found = speaker_of(body, [reddle], "I nearly")
    assert (found.speaker, found.rule) == ("Tom Reddle", "trailing_cue+recent_person")


def test_a_description_after_a_quote_is_nobody_when_two_people_were_just_named() -> None:
    body = (
        "Tom Reddle beat Ivo Marsk in the sprint. “I nearly gave up in May,” said the "
        "Norbury-born cyclist."
    )
    people = [entity(body, "Tom Reddle"), entity(body, "Ivo Marsk")]
    assert speaker_of(body, people, "I nearly").speaker is None


def test_a_description_after_a_quote_is_nobody_when_its_gender_rules_the_person_out() -> None:
    body = (
        "Mr Tom Reddle agreed it had been a hard year. “I nearly gave up in May,” said the "
        "Norbury sportswoman."
    )
    reddle = entity(body, "Tom Reddle")
    assert speaker_of(body, [reddle], "I nearly").speaker is None


def test_a_description_holding_a_name_is_not_that_person() -> None:
    body = (
        "Tom Reddle lost the vote. “We will try again in May,” said the senior Reddle campaigner."
    )
    reddle = entity(body, "Tom Reddle", "Tom Reddle", "Reddle")
    assert speaker_of(body, [reddle], "We will try").speaker is None


def test_a_description_after_a_quote_is_not_a_person_a_role_spoke_of() -> None:
    body = (
        "Tom Reddle quit the board. A club spokesman said his exit followed a dispute. "
        "“He did not like what he saw,” the spokesman added."
    )
    reddle = entity(body, "Tom Reddle")
    assert speaker_of(body, [reddle], "He did not").speaker is None


def test_a_passive_agent_description_is_not_the_one_spoken_of() -> None:
    body = (
        "Tom Reddle lost his appeal. Reddle was called “a danger to the public” by the "
        "sentencing judge."
    )
    reddle = entity(body, "Tom Reddle", "Tom Reddle", "Reddle")
    assert speaker_of(body, [reddle], "a danger").speaker is None


def test_a_subject_before_a_quote_goes_before_a_name_after_it_with_no_comma() -> None:
    body = "The Greens criticised “reckless” Whigg promises on housing."
    greens = entity(body, "Greens", kind="organization")
    whigg = entity(body, "Whigg", kind="organization")
    found = speaker_of(body, [greens, whigg], "reckless")
    assert found.speaker == "Greens"


def test_the_company_is_not_a_name_that_modifies_a_noun() -> None:
    body = (
        "Dunmore Tools has said it will recall its Velmar drills.\n\n"
        "The company said the recall was a “simple precaution” after two small fires."
    )
    firm = entity(body, "Dunmore Tools", kind="organization")
    product = entity(body, "Velmar", kind="organization")
    found = speaker_of(body, [firm, product], "simple precaution")
    assert found.speaker == "Dunmore Tools"


def test_he_is_never_a_lone_given_name_of_a_woman() -> None:
    body = (
        "Party leader Mark Dalby spoke on the radio. During the interview Mr Dalby revealed "
        "he would plan the campaign around the birth of his child. The baby and his wife "
        "Sarah would be “priority number one” even in the campaign, he said."
    )
    dalby = entity(body, "Mark Dalby", "Mr Dalby", kind="person")
    sarah = entity(body, "Sarah", kind="person")
    assert speaker_of(body, [dalby, sarah], "priority").speaker == "Mark Dalby"
