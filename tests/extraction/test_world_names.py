"""Names that Europe- and America-centred lists miss: bodies named after a country, parts
of the world named by the compass, people known by an age, countries that no longer
exist, names inside possessives and lists."""

from app.extraction.entities import find_entities


def _mentions(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_a_country_and_an_unknown_word_name_a_body() -> None:
    found = _mentions("Investors backed Peru Velcora last year, the filings show.")
    assert ("organization", "Peru Velcora") in found
    assert ("country", "Peru") not in found


def test_a_country_and_a_plain_word_name_a_body_when_the_pair_recurs() -> None:
    body = "Aid came from Chile Harvest in May. Chile Harvest sent more food in June."
    assert ("organization", "Chile Harvest") in _mentions(body)


def test_a_country_and_a_plain_word_said_once_stay_the_country() -> None:
    found = _mentions("Visitors to the fair met Chile Harvest staff in May.")
    assert ("organization", "Chile Harvest") not in found
    assert ("country", "Chile") in found


def test_a_country_before_a_given_name_country_stays_a_person() -> None:
    found = _mentions("The ball went to Chad Rovelle, who scored.")
    assert not any(kind == "organization" for kind, _ in found)


def test_a_basin_is_a_place() -> None:
    assert ("place", "Niger Basin") in _mentions("The rains filled the Niger Basin early.")


def test_the_west_and_the_far_east_are_places() -> None:
    body = (
        "Nurses moved to the West in search of better pay. Trade with the Far East grew, "
        "and storms hit the Midwest."
    )
    found = _mentions(body)
    assert {("place", "West"), ("place", "Far East"), ("place", "Midwest")} <= found


def test_a_lone_compass_word_without_its_article_is_no_place() -> None:
    found = _mentions('Orin West said the deal was done. "We agree," West said.')
    assert ("place", "West") not in found


def test_the_west_as_a_power_is_no_place() -> None:
    found = _mentions("The talks aim to reassure their rivals, the West, and the public.")
    assert ("place", "West") not in found


def test_a_lone_name_with_an_age_is_a_person() -> None:
    body = "Three pilgrims, namely Velu (26), Orvi (23) and Duke (31), were hurt."
    found = _mentions(body)
    assert {("person", "Velu"), ("person", "Orvi"), ("person", "Duke")} <= found


def test_a_name_after_a_year_old_is_a_person() -> None:
    found = _mentions("The match was won by 20-year-old Kesh, who had trained for years.")
    assert ("person", "Kesh") in found


def test_a_thousands_figure_is_no_age() -> None:
    found = _mentions("The fleet carries sailors and Marines, 7,500 in all, to the Gulf.")
    assert ("person", "Marines") not in found


def test_a_body_owning_a_body_gives_two_bodies() -> None:
    found = _mentions("The Ministry of Trade's Audit Bureau fined the firm on Monday.")
    assert {("organization", "Ministry of Trade"), ("organization", "Audit Bureau")} <= found


def test_a_country_that_no_longer_exists_is_a_place() -> None:
    found = _mentions("She was born in Upper Volta in 1961 and moved away.")
    assert ("place", "Upper Volta") in found


def test_a_given_name_that_a_small_town_bears_opens_a_full_name() -> None:
    found = _mentions("The prize went to Leon Mark Rovel, a teacher, on Friday.")
    assert ("person", "Leon Mark Rovel") in found


def test_a_land_is_a_place_and_ends_before_a_name() -> None:
    found = _mentions("A ranger from Kolva Land Tamsin Reed said the herd had moved.")
    assert {("place", "Kolva Land"), ("person", "Tamsin Reed")} <= found


def test_a_lone_name_after_a_kin_noun_is_a_person() -> None:
    found = _mentions("The minister's daughter Nomvelo posted the news on Sunday.")
    assert ("person", "Nomvelo") in found


def test_a_name_after_kin_and_of_is_a_person() -> None:
    found = _mentions("The victim was named as the son of Banyan Ravo of a nearby village.")
    assert ("person", "Banyan Ravo") in found


def test_a_lone_word_after_the_and_an_age_is_no_person() -> None:
    found = _mentions("Rovel won again. The 25-year-old Velmishman joins a top field next week.")
    assert ("person", "Velmishman") not in found
