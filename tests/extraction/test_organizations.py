"""Organization rules: clubs, companies, parties and broadcasters, on short texts."""

from app.extraction.entities import find_entities
from app.extraction.schemas import ExtractedEntity


def _typed(body: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in find_entities(body)}


def test_towns_listed_with_a_club_in_a_sports_report_are_clubs() -> None:
    body = (
        "Hampshire beat Dorset by an innings. Title rivals Essex, Norfolk and Kent all "
        "closed in, and the bowler took four wickets against Devon in the championship."
    )
    found = _typed(body)
    for club in ("Hampshire", "Essex", "Norfolk", "Kent", "Devon"):
        assert ("organization", club) in found


def test_towns_in_a_list_outside_sport_stay_places() -> None:
    body = "The storm hit Essex, Norfolk and Kent on Monday, the agency said."
    found = _typed(body)
    assert ("organization", "Norfolk") not in found
    assert ("place", "Norfolk") in found


def test_town_with_a_plural_nickname_is_a_team_and_the_nickname_links() -> None:
    body = "The Seattle Mariners lost at home. Later the Mariners signed a new pitcher."
    entities = {e.name: e for e in find_entities(body)}
    mariners = entities["Seattle Mariners"]
    assert mariners.type == "organization"
    assert [m.text for m in mariners.mentions] == ["Seattle Mariners", "Mariners"]


def test_landform_plural_after_a_town_is_no_team() -> None:
    body = "Tourists flock to the Denver Heights every summer, officials in Denver said."
    assert all(e.type != "organization" for e in find_entities(body))


def test_town_inside_a_club_name_in_a_sports_report() -> None:
    body = (
        "Manchester United drew with Real Madrid in the league. The striker scored a "
        "penalty before half-time at Old Trafford."
    )
    found = _typed(body)
    assert {("organization", "Manchester United"), ("organization", "Real Madrid")} <= found
    assert ("organization", "Old Trafford") not in found


def test_portfolio_after_a_connector_stays_in_the_ministry_name() -> None:
    body = "Officials of the Ministry of Rural Health in Lima met the Ministry of Justice."
    found = _typed(body)
    assert ("organization", "Ministry of Rural Health") in found
    assert ("organization", "Ministry of Justice") in found


def test_legal_form_then_of_and_a_place_ends_the_company() -> None:
    body = "Orvane Motor Corp of South Korea said sales rose."
    found = _typed(body)
    assert ("organization", "Orvane Motor Corp") in found
    assert ("country", "South Korea") in found


def test_bank_of_a_place_keeps_the_place_in_its_name() -> None:
    found = _typed("Shares of Bank of Peru rose on Monday.")
    assert ("organization", "Bank of Peru") in found
    assert all(kind != "country" for kind, _ in found)


def test_wire_desk_signs_as_an_organization() -> None:
    found = _typed("Prices were steady. -- Lisbon Newsroom +351 1 555 0000")
    assert ("organization", "Lisbon Newsroom") in found


def test_capitalised_head_after_the_names_the_body() -> None:
    found = _typed("Bond prices fell after the Treasury sold more debt than expected.")
    assert ("organization", "Treasury") in found


def test_the_channel_is_no_body() -> None:
    found = _typed("Ferries crossed the Channel despite the storm.")
    assert all(kind != "organization" for kind, _ in found)


def _entity(body: str, name: str) -> ExtractedEntity:
    return next(e for e in find_entities(body) if e.name == name)


def test_party_member_noun_and_its_plural_are_one_organization() -> None:
    body = (
        "The Whigs attacked the budget on Monday. Whig MP Ann Cole said the plan would "
        "fail, and Whig plans would cost less."
    )
    whigs = _entity(body, "Whigs")
    assert whigs.type == "organization"
    assert {m.text for m in whigs.mentions} == {"Whigs", "Whig"}


def test_a_people_with_leaders_is_no_party() -> None:
    body = "The Kurds marched. A Kurd leader said the Kurds would keep marching."
    assert all(e.type != "organization" for e in find_entities(body))


def test_party_adjective_and_members_join_the_party_name() -> None:
    body = (
        "The Radical Party won the vote. Radicals celebrated, and a Radical MP said "
        "the Radicals would govern alone."
    )
    party = _entity(body, "Radical Party")
    assert {m.text for m in party.mentions} == {"Radical Party", "Radicals", "Radical"}


def test_clipped_words_of_a_party_name_link_to_it() -> None:
    body = "The Social Democrats won. Soc Dems leader Jan Berg said the Soc Dem vote rose."
    party = _entity(body, "Social Democrats")
    assert party.type == "organization"
    assert {"Soc Dems", "Soc Dem"} <= set(party.aliases)


def test_ordinary_word_with_a_manifesto_or_a_government_is_a_party() -> None:
    body = (
        "Voters doubted Progress's manifesto. The labour market was calm, but the "
        "Progress government raised taxes."
    )
    assert ("organization", "Progress") in _typed(body)


def test_a_leader_s_government_is_no_party() -> None:
    body = "The Moreno government fell. Critics of the Moreno government cheered."
    assert all(e.type != "organization" for e in find_entities(body))


def test_town_named_firm_after_a_firm_noun_or_cue_is_a_company() -> None:
    body = "Car maker Kariya said exports rose, and Kariya's chief executive was pleased."
    found = _typed(body)
    assert ("organization", "Kariya") in found
    assert ("place", "Kariya") not in found


def test_small_town_listed_among_firms_is_a_firm() -> None:
    body = "Plants run by Hyundai Motor Co, Kariya and General Motors were shut on Monday."
    assert ("organization", "Kariya") in _typed(body)


def test_shares_in_a_name_make_it_a_company() -> None:
    assert ("organization", "Zorvex") in _typed("Shares in Zorvex fell 5% on Monday.")


def test_letter_and_number_that_meet_is_a_group() -> None:
    found = _typed("G9 finance ministers met in Rome. The G9 agreed on a plan.")
    assert ("organization", "G9") in found
    assert ("organization", "A380") not in _typed("The A380 flew over Paris.")


def test_a_name_used_as_a_time_is_no_organization() -> None:
    body = "Shops were busy during Diwali. Sales rose until Diwali, and then Diwali ended."
    assert all(e.type != "organization" for e in find_entities(body))


def test_a_competition_in_a_sports_report_is_no_organization() -> None:
    body = (
        "Chelsea beat Everton 2-0 in the Super League. The striker scored a penalty "
        "before half-time and the goalkeeper was booked."
    )
    found = _typed(body)
    assert ("organization", "Super League") not in found
    assert ("organization", "Chelsea") in found


def test_a_league_outside_sport_is_a_body() -> None:
    found = _typed("The Arab League condemned the attack on Monday.")
    assert ("organization", "Arab League") in found


def test_a_name_before_a_time_noun_is_no_organization() -> None:
    body = "Retailers said Hanukkah sales were weak. The Hanukkah period was slow for shops."
    assert all(e.type != "organization" for e in find_entities(body))


def test_match_words_alone_make_a_sports_report() -> None:
    body = (
        "The coach said the Elite League title was the goal this season. The club's fans "
        "cheered the players after the match."
    )
    assert ("organization", "Elite League") not in _typed(body)


def test_a_plural_name_after_the_is_a_group_not_a_person() -> None:
    body = "The Free Dems warned voters on Monday, and the Free Dems said so again."
    assert ("organization", "Free Dems") in _typed(body)


def test_leader_of_a_two_word_member_noun_joins_its_plural() -> None:
    body = "The Green Lefts gained seats. Green Left leader Mia Holm said the vote was fair."
    party = _entity(body, "Green Lefts")
    assert {m.text for m in party.mentions} == {"Green Lefts", "Green Left"}


def test_newspapers_named_in_their_own_language_are_organizations() -> None:
    body = (
        "The report ran in the Hokuriku Shimbun and in Diario Montanes, and the Tagliani "
        "Zeitung quoted it on Monday."
    )
    orgs = {e.name for e in find_entities(body) if e.type == "organization"}
    assert {"Hokuriku Shimbun", "Diario Montanes", "Tagliani Zeitung"} <= orgs
