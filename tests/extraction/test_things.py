"""Products and events the article names like bodies are no organizations."""

from app.extraction.pipeline import analyze


def _types(body: str) -> dict[str, str]:
    return {e.name: e.type for e in analyze(body)[0]}


def test_a_company_s_acronym_with_a_product_noun_is_a_product() -> None:
    body = (
        "Velcor said on Monday that Velcor's QVX handheld will sell in Tarnow. "
        "The QVX will cost more than rival models, Velcor added."
    )

    types = _types(body)

    assert types.get("Velcor") == "organization"
    assert "QVX" not in types


def test_a_name_in_apposition_to_a_product_noun_is_a_product() -> None:
    body = "Velcor will launch its first games console, the QVX, in May. The QVX is small."

    assert "QVX" not in _types(body)


def test_a_company_s_unit_and_a_maker_s_console_stay_bodies() -> None:
    # Ownership alone, or a product noun alone, makes no product of a name.
    body = (
        "Velcor's QVX unit reported a loss, Velcor said. Analysts said the Dranix console "
        "sold well, and Dranix said sales rose."
    )

    types = _types(body)

    assert types.get("QVX") == "organization"
    assert types.get("Dranix") == "organization"


def test_a_plural_name_with_a_ceremony_or_won_as_prizes_is_an_event() -> None:
    plain = "Ana Ruiz was at the Zennors in Tarnow, and the Zennors said so."
    ceremony = "Ana Ruiz was at the Zennors ceremony in Tarnow, and the Zennors said so."
    won = "Ana Ruiz won three Zennors in Tarnow, and the Zennors said so."

    assert _types(plain).get("Zennors") == "organization"
    assert "Zennors" not in _types(ceremony)
    assert "Zennors" not in _types(won)


def test_a_plural_name_before_a_noun_is_no_prize() -> None:
    body = "Detainees win Herons appeal. Heron MP Ana Ruiz said the Herons would fight on."

    assert _types(body).get("Herons") == "organization"


def test_a_plural_name_held_yearly_is_an_event() -> None:
    weekly = "Ana Ruiz led at last week's Zennors in Tarnow, and the Zennors said so."
    yearly = "Ana Ruiz led at this year's Zennors in Tarnow, and the Zennors said so."

    assert _types(weekly).get("Zennors") == "organization"
    assert "Zennors" not in _types(yearly)


def test_a_prize_s_plural_stays_an_event_beside_its_singular_before_a_member_noun() -> None:
    # "a Zennor nominee" reads like "a <party> candidate", and a party's member forms
    # gather into one group; a plural the article made an event is no member form.
    body = "Ana Ruiz is a Zennor nominee again. She won two Zennors in Tarnow last year."

    types = _types(body)

    assert "Zennors" not in types
    assert types.get("Ana Ruiz") == "person"


def test_a_singular_name_with_a_ceremony_or_won_with_an_article_is_a_prize() -> None:
    plain = "Ana Ruiz thanked the Zennor in Tarnow, and the Zennor said so."
    ceremony = "Ana Ruiz was at the Zennor ceremony in Tarnow, and the Zennor said so."
    won = "Ana Ruiz won a Zennor in Tarnow, and the Zennor said so."

    assert _types(plain).get("Zennor") == "organization"
    assert "Zennor" not in _types(ceremony)
    assert "Zennor" not in _types(won)


def test_a_league_is_a_contest_only_where_it_is_played() -> None:
    played = "Ana Ruiz hopes Tarnow will qualify for the Kestrel League next season."
    body = "Ana Ruiz said the Kestrel League had signed a pact with Tarnow."

    assert "Kestrel League" not in _types(played)
    assert _types(body).get("Kestrel League") == "organization"


def test_a_one_word_name_before_nominee_is_a_prize_unless_a_party_s() -> None:
    prize = "Zennor nominee Ana Ruiz flew to Tarnow, the Zennor board said."
    party = "Zennor nominee Ana Ruiz met Zennor senator Ida Voss in Tarnow."

    assert "Zennor" not in _types(prize)
    assert _types(party).get("Zennor") == "organization"
