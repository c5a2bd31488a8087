"""Which type a name gets and where it ends, on short texts written for these tests."""

from app.extraction.entities import find_entities
from tests.extraction.picks import by_name


def test_dotted_honorific_marks_a_person_mid_sentence() -> None:
    body = "The minister Mr. Varlesi says ferries will raise their fares."
    assert {(e.type, e.name) for e in find_entities(body)} == {("person", "Varlesi")}


def test_legal_form_or_trade_word_ends_a_company_name() -> None:
    body = "He sold Camvert SA and Guosheng Securities to Lindqvist AB on Friday."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {
        ("organization", "Camvert SA"),
        ("organization", "Guosheng Securities"),
        ("organization", "Lindqvist AB"),
    }


def test_two_unknown_name_words_from_any_language_are_a_person() -> None:
    body = "The deputy premier, Qubad Talabani, revealed the toll on Saturday."
    assert {(e.type, e.name) for e in find_entities(body)} == {("person", "Qubad Talabani")}


def test_plural_of_an_ordinary_word_is_no_name_word() -> None:
    body = "He rode with the Hells Angels through the town."
    assert all(e.type != "person" for e in find_entities(body))


def test_place_opener_and_head_first_organization() -> None:
    body = "It flew from Cape Canaveral while he studied at Instituto Gonzaga in the city."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("place", "Cape Canaveral"), ("organization", "Instituto Gonzaga")}


def test_surname_after_full_name_beats_a_same_named_town() -> None:
    body = "George W Bush met his aides. Bush said no. Later George Bush left."
    found = [(e.type, e.name, len(e.mentions)) for e in find_entities(body)]
    assert found == [("person", "George W Bush", 3)]


def test_small_town_that_reports_is_the_company_named_after_it() -> None:
    body = "Toyota said sales rose. Toyota is based in Japan."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("organization", "Toyota") in found
    assert all(kind != "place" for kind, _ in found)


def test_channel_names_with_numbers() -> None:
    body = "It was shown on Channel 4, BBC1 and ITV1, not on the X200 or the A380."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {
        ("organization", "Channel 4"),
        ("organization", "BBC1"),
        ("organization", "ITV1"),
    }


def test_club_before_a_role_at_a_sentence_end_is_an_organization() -> None:
    body = "It was his first title as Chelsea manager. Yet Chelsea lost the next game."
    assert {(e.type, e.name) for e in find_entities(body)} == {("organization", "Chelsea")}


def test_party_name_before_leader_is_no_person() -> None:
    body = "Meanwhile Lib Dem leader Charles Kennedy spoke. The Lib Dems plan to oppose it."
    entities = find_entities(body)
    found = {(e.type, e.name) for e in entities}
    # The singular and the plural are one party.
    party = next(e for e in entities if e.name == "Lib Dems")
    assert party.type == "organization" and party.aliases == ["Lib Dem"]
    assert not any(kind == "person" and "Lib" in name for kind, name in found)


def test_title_before_a_word_the_article_writes_in_lower_case_is_no_person() -> None:
    body = "They will act closer to the General Election. The election is near."
    assert find_entities(body) == []


def test_portfolio_after_a_title_is_no_name_and_a_month_can_be_a_surname() -> None:
    body = "The Shadow Secretary of State for the Family, Theresa May, said no on Monday."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("person", "Theresa May")}


def test_month_after_a_function_word_is_no_surname() -> None:
    body = "In May Smith left the firm she had run with Anna Smith."
    assert all(e.name != "May Smith" for e in find_entities(body))


def test_country_is_named_as_the_article_writes_it_with_the_common_name_as_alias() -> None:
    body = "US officials met envoys in the U.S. capital on Monday."
    [us] = find_entities(body)
    assert (us.name, us.country_code) == ("U.S.", "US")
    assert "United States" in us.aliases


def test_recurring_ordinary_word_and_table_labels_are_no_organizations() -> None:
    body = "Courses:\nKnitting\nWelding\nThe Knitting class and the Welding class.\nTotal 23"
    assert find_entities(body) == []


def test_organization_name_goes_on_after_and() -> None:
    body = (
        "The Bagerhat Chamber of Commerce and Industry met the Chenwu Banking and "
        "Regulatory Commission. The Ministry of Health and Ministry of Finance agreed "
        "with Britain and France."
    )
    orgs = {e.name for e in find_entities(body) if e.type == "organization"}
    assert orgs == {
        "Bagerhat Chamber of Commerce and Industry",
        "Chenwu Banking and Regulatory Commission",
        "Ministry of Health",
        "Ministry of Finance",
    }


def test_body_of_a_titled_person_is_split_from_the_person() -> None:
    body = "The Cabinet of Prime Minister Taro Aso fell. The Ministry of Defense agreed."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("person", "Taro Aso") in found
    assert ("organization", "Ministry of Defense") in found


def test_hyphenated_title_is_not_part_of_the_name() -> None:
    body = "UN Secretary-General Antonio Guterres spoke on Monday."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("person", "Antonio Guterres"), ("organization", "UN")}


def test_plural_group_and_region_adjective_are_no_organizations() -> None:
    body = "Analysts said the Securities and Exchange Commission would act. European shares fell."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("organization", "Securities and Exchange Commission")}


def test_initial_and_surname_in_a_scorecard_are_a_person() -> None:
    body = "Surrey 429-7 ( C. Lewis 80 not out , M. Butcher 70 ) ."
    people = {e.name for e in find_entities(body) if e.type == "person"}
    assert people == {"C. Lewis", "M. Butcher"}


def test_unknown_word_where_things_are_is_a_place_but_not_a_holding_or_language() -> None:
    body = "Floods hit a village in Kamonyi. He bought shares in Yukos. It is in English."
    assert {(e.type, e.name) for e in find_entities(body)} == {
        ("place", "Kamonyi"),
        ("organization", "Yukos"),
    }


def test_unknown_word_before_a_kind_of_place_is_a_place_but_not_a_peoples_word() -> None:
    body = "Floods hit the Kavandi district and Mirvale village, and the Velmish region."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("place", "Kavandi") in found
    assert ("place", "Mirvale") in found
    assert not any(name == "Velmish" for _, name in found)
    assert not find_entities("Rain fell on the Central district and the Western region.")


def test_lone_name_cited_as_a_source_is_an_organization() -> None:
    body = "The fund lost money last year, according to Zorvex. Markets fell on Monday."
    assert by_name(find_entities(body))["Zorvex"].type == "organization"


def test_lone_name_owning_a_title_or_a_person_is_an_organization() -> None:
    body = "Prices rose. Kelvora's Chief Engineer Ana Ruiz spoke to reporters on Monday."
    found = by_name(find_entities(body))
    assert found["Kelvora"].type == "organization"
    assert found["Ana Ruiz"].type == "person"


def test_lone_word_without_such_evidence_stays_unreported() -> None:
    body = "Prices rose. Kelvora spoke to reporters on Monday."
    assert "Kelvora" not in by_name(find_entities(body))


def test_small_town_after_at_or_from_is_a_place() -> None:
    body = "Prices rose. The plane landed at Mildura on Monday."
    assert by_name(find_entities(body))["Mildura"].type == "place"


def test_recurring_small_town_is_a_place_unless_it_acts_as_a_body() -> None:
    town = "Visitors left Mildura early. The buses to Mildura were full."
    assert by_name(find_entities(town))["Mildura"].type == "place"
    firm = "Rain fell. Mildura said it would cut jobs. Mildura shares fell."
    assert by_name(find_entities(firm))["Mildura"].type == "organization"


def test_words_listed_before_a_joined_name_share_its_head() -> None:
    body = (
        "The Seed and Soil Research and Outreach Institute met the Marine, Coastal and "
        "Inland Fisheries Board on Monday."
    )
    orgs = {e.name for e in find_entities(body) if e.type == "organization"}
    assert orgs == {
        "Seed and Soil Research and Outreach Institute",
        "Marine, Coastal and Inland Fisheries Board",
    }


def test_places_and_sentence_openers_are_not_listed_into_a_name() -> None:
    body = "Yesterday, Trade and Industry Council staff met. Peru, Chile and Fisheries Board met."
    orgs = {e.name for e in find_entities(body) if e.type == "organization"}
    assert "Trade and Industry Council" in orgs
    assert "Fisheries Board" in orgs


def test_ordinary_word_owning_a_name_is_no_organization() -> None:
    body = "Prices rose. The Children's Commissioner Ana Ruiz spoke on Monday."
    assert "Children" not in by_name(find_entities(body))


def test_a_single_letter_is_never_a_recurring_name() -> None:
    body = "Prices were N / A on Monday and N / A again on Tuesday, traders said."
    assert find_entities(body) == []


def test_dateline_place_is_a_place_even_when_it_is_a_given_name() -> None:
    dateline = "Markets\nGENEVA 2024-05-03\n\nOfficials met on Friday."
    assert by_name(find_entities(dateline))["GENEVA"].type == "place"
    person = "Markets rose.\nGeneva Smith won the race on Friday."
    assert {e.name for e in find_entities(person)} == {"Geneva Smith"}


def test_short_day_name_breaks_a_name_only_before_a_date() -> None:
    paper = "He told the Harrowgate Sun on Friday that prices rose."
    assert by_name(find_entities(paper))["Harrowgate Sun"].type == "organization"
    dated = "Prices rose. The match in Leeds moved to Sun 5 May."
    assert {e.name for e in find_entities(dated)} == {"Leeds"}


def test_lone_given_name_that_speaks_or_has_a_role_once_is_a_person() -> None:
    body = "The flood reached the farm, and Tamsin said it was bad. His colleague Orla left."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("person", "Tamsin") in found
    assert ("person", "Orla") in found


def test_compass_words_before_a_region_spelled_like_a_given_name_name_the_region() -> None:
    body = "Aid reached farmers across South East Asia. Later West Ham won at home."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("place", "South East Asia") in found
    assert not any(name == "West Ham" and kind == "place" for kind, name in found)


def test_lone_given_name_after_kin_is_a_person() -> None:
    body = "The storm hit the coast. Their baby, Orla, was safe, and his uncle Tamsin helped."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("person", "Orla") in found
    assert ("person", "Tamsin") in found


def test_a_given_name_after_an_article_is_a_noun_not_a_person() -> None:
    # "Scot" is a listed given name, but "the Scot admitted" names a nationality.
    body = "Coach Ivo Parlane picked Dirk Asmund, but the Scot admitted he was unsure."
    assert ("person", "Scot") not in {(e.type, e.name) for e in find_entities(body)}
