"""From speaker words to the person meant (``speakers.resolve``), on short invented texts."""

from app.extraction.quotes import find_quotes
from tests.conftest import mentioned as entity
from tests.extraction.picks import quote


def test_a_name_before_its_cue_is_the_pronouns_antecedent_after_a_long_opening() -> None:
    body = (
        "“I nearly missed the boat,” said Omar Velk, the singer.\n\n"
        "Though the regatta still trails the three older races held further up the coast "
        "each spring, Mr Dorn insists it will pass them all. “We began with six boats,” he "
        "admits."
    )
    people = [entity(body, "Omar Velk"), entity(body, "Ivo Dorn", "Mr Dorn")]
    found = quote(find_quotes(body, people), "We began")
    assert (found.speaker, found.rule) == ("Ivo Dorn", "trailing_cue+pronoun")


def test_a_name_after_when_is_no_antecedent_for_a_later_pronoun() -> None:
    body = (
        "“The port stays open,” said Omar Velk.\n\n"
        "Velk smiled when the host Ivo Dorn asked him about the strike once more in the "
        "studio, Velk said. “We will not close it,” he said."
    )
    people = [entity(body, "Omar Velk", "Omar Velk", "Velk"), entity(body, "Ivo Dorn")]
    assert quote(find_quotes(body, people), "We will not").speaker == "Omar Velk"


def test_an_unnamed_spokesman_who_criticised_is_the_antecedent_of_he() -> None:
    body = (
        "Club chairman Karl Benn said the pier was “sound”. A Rowing Club spokesman "
        "criticised Karl Benn's care of the boats. He said: “The hulls are rotten.”"
    )
    found = quote(find_quotes(body, [entity(body, "Karl Benn")]), "The hulls")
    assert found.speaker is None
    assert found.speaker_text == "He"


def test_a_description_after_an_opening_phrase_is_not_its_object() -> None:
    body = (
        "Lina Opp may sail again next year. “The race is a trial run,” she said. "
        "Writing to Nova Daily, the 31-year-old skipper added: “The crowds will be smaller "
        "on the north shore.”"
    )
    people = [entity(body, "Lina Opp"), entity(body, "Nova Daily")]
    found = quote(find_quotes(body, people), "The crowds")
    assert found.speaker != "Nova Daily"


def test_an_age_description_never_resolves_to_an_organization() -> None:
    body = (
        "Skipper Shipping said the ferry would run. Later the 30-year-old skipper added: "
        "“We expect the ferry to sail on time every day.”"
    )
    shipping = entity(body, "Skipper Shipping", kind="organization")
    found = quote(find_quotes(body, [shipping]), "We expect")
    assert found.speaker is None


def test_his_brother_is_not_the_pronouns_referent() -> None:
    body = (
        "The boat sale is a win for chairman Ravi Menon. His younger brother said the sale "
        "was “rushed and quite needless”."
    )
    found = quote(find_quotes(body, [entity(body, "Ravi Menon")]), "rushed")
    assert (found.speaker, found.speaker_text) == (None, "His younger brother")


def test_his_agent_is_not_the_pronouns_referent() -> None:
    body = (
        "Ravi Menon sold the boat. His agent told a newspaper that Menon was "
        "“glad to see it go” after the race."
    )
    found = quote(find_quotes(body, [entity(body, "Ravi Menon", "Ravi Menon", "Menon")]), "glad")
    assert (found.speaker, found.speaker_text) == (None, "His agent")


def test_his_without_a_person_noun_still_resolves() -> None:
    body = (
        "Ravi Menon spoke on Monday. His statement said the sale was “rushed and quite needless”."
    )
    found = quote(find_quotes(body, [entity(body, "Ravi Menon")]), "rushed")
    assert found.speaker == "Ravi Menon"


def test_a_title_and_surname_resolve_to_the_one_earlier_person_of_that_name() -> None:
    body = (
        "Harbour spokesman Mark Tolen said the plan was “costly and late”. "
        "Mr Tolen said sailors wanted a “longer season” instead."
    )
    found = quote(find_quotes(body, [entity(body, "Mark Tolen")]), "longer season")
    assert (found.speaker, found.rule) == ("Mark Tolen", "leading_cue+surname")


def test_a_surname_two_people_share_resolves_to_nobody() -> None:
    body = (
        "Mark Tolen and Anna Tolen both spoke at the hearing on Monday. "
        "Mr Tolen said sailors wanted a “longer season” instead."
    )
    people = [entity(body, "Mark Tolen"), entity(body, "Anna Tolen")]
    assert quote(find_quotes(body, people), "longer season").speaker is None


def test_a_persons_relative_is_not_that_person() -> None:
    body = (
        "Tomas Brevik opened his garden for a cookout. “This is a big year for our next "
        "senator!” Brevik's niece shouted to the crowd."
    )
    (found,) = find_quotes(body, [entity(body, "Tomas Brevik", "Tomas Brevik", "Brevik")])
    assert (found.speaker, found.speaker_text) == (None, "Brevik's niece")


def test_a_persons_call_for_something_is_still_theirs() -> None:
    body = "Crowds cheered Tomas Brevik's call for “a fair deal for every harbour town.”"
    (found,) = find_quotes(body, [entity(body, "Tomas Brevik")])
    assert found.speaker == "Tomas Brevik"


def test_a_product_named_after_a_firm_is_no_speaker() -> None:
    body = (
        "Quillon said on Monday that Quillon Messenger would stop working on old phones. "
        "“We are sorry for any trouble this causes,” Quillon Messenger said in a notice."
    )
    firm = entity(body, "Quillon", kind="organization")
    firm.mentions = firm.mentions[:1]  # only the firm's own first mention
    product = entity(body, "Quillon Messenger")  # typed as a person, as a misread may leave it
    (found,) = find_quotes(body, [firm, product])
    assert found.speaker is None
