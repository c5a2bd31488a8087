"""Organization mentions on short invented texts: clubs in results, lone names by context."""

from app.extraction.entities import find_entities


def _typed(body: str) -> set[tuple[str, str]]:
    return {(e.type, m.text) for e in find_entities(body) for m in e.mentions}


def test_both_names_of_a_results_line_are_sides() -> None:
    body = (
        "Results of Tarsley league matches on Saturday :\n"
        "Marsh 2 Tarsley Wanderers 1\n"
        "Velby Rovers 0 Kelmouth 3\n"
    )
    found = _typed(body)
    for side in ("Marsh", "Tarsley Wanderers", "Velby Rovers", "Kelmouth"):
        assert ("organization", side) in found


def test_a_line_with_one_score_is_no_result() -> None:
    body = "Velby Rovers 0 Kelmouth Mills\nVelby Rovers 0 Kelmouth Mills 3\n"
    found = _typed(body)
    assert ("organization", "Kelmouth Mills") in found
    body = "Velby Rovers 0 Kelmouth Mills\n"
    assert ("organization", "Kelmouth Mills") not in _typed(body)


_MATCH = (
    "The Kelby Hawks beat Ardley 4-2 in the league on Sunday. Striker Ann Velt scored "
    "twice as the Marlocks blanked the Hawks in the first half, and the goalkeeper "
    "saved a penalty. The Chechens in the crowd cheered."
)


def test_a_plural_nickname_after_the_in_a_sports_report_is_a_side() -> None:
    found = _typed(_MATCH)
    assert ("organization", "Marlocks") in found
    assert not any(text == "Chechens" for kind, text in found if kind == "organization")


def test_a_plural_after_the_outside_sports_is_left_alone() -> None:
    body = "Officials said the Marlocks had left the valley before the floods."
    assert ("organization", "Marlocks") not in _typed(body)


def test_a_lone_name_before_news_agency_or_daily_is_an_outlet() -> None:
    body = (
        "Troops left the border town on Friday, Korvax news agency said. The figures "
        "were first printed by Pelmora daily. Ann Velt of Ardley told reporters."
    )
    found = _typed(body)
    assert ("organization", "Korvax") in found
    assert ("organization", "Pelmora") in found


def test_a_lone_name_in_brackets_that_open_or_close_a_story_is_its_source() -> None:
    body = (
        "TARSLEY, July 18 (Korvax) -- Officials met on Monday.\n\n"
        "The talks between the two sides will go on next week in the capital, the "
        "statement said. (Pelmora)\n\n"
        "Ann Velt (Ardley) spoke later, and Ben Holt (R-Texas) said so too."
    )
    found = _typed(body)
    assert ("organization", "Korvax") in found
    assert ("organization", "Pelmora") in found
    assert not any(text in ("Ardley", "R-Texas") for kind, text in found if kind == "organization")


def test_a_lone_name_owning_a_person_in_wire_spacing_is_a_body() -> None:
    body = "The game was tight .\nDervolt 's Ann Velt went close before half-time ."
    assert ("organization", "Dervolt") in _typed(body)


def test_a_word_after_of_in_a_name_is_no_surname() -> None:
    body = (
        "Voters backed the young candidates. Dervolt's Ann Velt won a seat in the east.\n\n"
        "Ann Velt of Dervolt"
    )
    assert ("organization", "Dervolt") in _typed(body)


def test_a_post_after_a_name_makes_it_a_body_but_not_a_peoples_adjective() -> None:
    body = (
        "We met Kelvar Orbis CEO Ann Velt at dinner. Later Pelmora co-owner Ben Holt "
        "spoke, and Tarsilian president Joe Marr waved."
    )
    found = _typed(body)
    assert ("organization", "Kelvar Orbis") in found
    assert ("organization", "Pelmora") in found
    assert ("organization", "Tarsilian") not in found


def test_what_one_joins_is_a_body() -> None:
    body = (
        "She left home at fourteen and joined the Korvan Watchers, and her brother later "
        "joined Pelmora. Years after, she joined Ann Velt on a tour."
    )
    found = _typed(body)
    assert ("organization", "Korvan Watchers") in found
    assert ("organization", "Pelmora") in found
    assert ("person", "Ann Velt") in found


def test_in_a_sports_report_a_town_a_player_joins_is_a_club() -> None:
    body = (
        "The striker, who joined Ipswich for a record fee, scored twice in the league "
        "match. The goalkeeper saved a penalty and the coach praised the squad."
    )
    assert ("organization", "Ipswich") in _typed(body)


def test_a_lone_name_that_tells_or_learns_is_a_body() -> None:
    body = (
        "Of the thousands at the fair, Korvax told a visitor from the coast to wait. "
        "Pelmora has learned that the talks failed. Recent reports have said so too."
    )
    found = _typed(body)
    assert ("organization", "Korvax") in found
    assert ("organization", "Pelmora") in found
    assert not any(text == "Recent" for _, text in found)


def test_a_peoples_adjective_before_a_squad_role_is_no_side() -> None:
    body = (
        "Kelby beat Ardley 2-1 in the league. The winner came late from Velmish captain "
        "Ann Velt, and the goalkeeper saved a penalty before half-time."
    )
    found = _typed(body)
    assert ("organization", "Velmish") not in found
    assert ("organization", "Kelby") in found


def test_an_ordinal_opens_a_company_name_that_ends_with_a_legal_form() -> None:
    body = (
        "Shares of First Dervolt Corp rose, said an analyst at Kelvar Orbis Inc. "
        "First Nations leaders met on Monday."
    )
    names = {text for kind, text in _typed(body) if kind == "organization"}
    assert "First Dervolt Corp" in names
    assert "Dervolt Corp" not in names
    assert "First Nations" not in names


def test_a_lone_head_noun_after_the_opening_a_sentence_is_a_body() -> None:
    body = "The Navy has one submarine in service. Officials expect two more by 2030."
    assert ("organization", "Navy") in _typed(body)


def test_in_a_sports_report_a_town_owning_a_player_is_a_club() -> None:
    body = (
        "The coach named his squad for the league match on Friday. Ipswich 's Ann Velt "
        "was picked ahead of the striker who scored twice, and the goalkeeper is fit."
    )
    assert ("organization", "Ipswich") in _typed(body)


def test_a_body_noun_owning_a_title_names_the_body() -> None:
    body = "Oskar Pell spoke first. Coalition's Deputy Leader Ann Rhee spoke next."
    found = _typed(body)
    assert ("organization", "Coalition") in found
    assert ("person", "Ann Rhee") in found


def test_a_plain_word_owning_an_office_names_no_body() -> None:
    body = "Oskar Pell spoke first. Harvest's Festival Queen was crowned later."
    assert not any(text == "Harvest" for _, text in _typed(body))
