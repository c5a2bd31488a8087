"""Trades that end a company's or a gang's name: "Velmar Cement", "Norvado Cartel"."""

from app.extraction.entities import find_entities


def _names(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_trade_word_ends_a_company_name() -> None:
    assert _names("Shares in Velmar Cement rose after the results.").get("Velmar Cement") == (
        "organization"
    )


def test_a_cartel_is_a_body() -> None:
    assert _names("He led the Norvado Cartel for a decade.").get("Norvado Cartel") == (
        "organization"
    )
