import json
from pathlib import Path

import pytest

from app.extraction.entities import find_entities
from app.extraction.schemas import ExtractedEntity

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "000_372f268d1c9d2193.txt"


def _by_name(entities: list[ExtractedEntity]) -> dict[str, ExtractedEntity]:
    return {e.name: e for e in entities}


def test_offsets_point_at_mention_text() -> None:
    body = "Israel's defense minister, Benny Gantz, visited Morocco. Gantz said it went well."
    entities = find_entities(body)
    # Three entities, "Gantz" twice: else the loop below checks nothing.
    assert sum(len(entity.mentions) for entity in entities) >= 4
    for entity in entities:
        for m in entity.mentions:
            assert body[m.start : m.end] == m.text


def test_surname_links_to_full_name_and_possessive_is_excluded() -> None:
    body = "Officials met Benny Gantz on Monday.\n\nLater, Gantz’s office said it was useful."
    gantz = _by_name(find_entities(body))["Benny Gantz"]
    assert gantz.type == "person"
    assert "Gantz" in gantz.aliases
    assert [m.text for m in gantz.mentions] == ["Benny Gantz", "Gantz"]


def test_countries_share_one_entity_across_spellings_and_demonyms() -> None:
    body = "The US and the United States of America are one. American officials agreed."
    countries = [e for e in find_entities(body) if e.type == "country"]
    assert len(countries) == 1
    assert countries[0].country_code == "US"
    assert countries[0].name == "United States"


def test_title_and_role_become_description() -> None:
    body = "Meanwhile, US Secretary of State Antony Blinken praised the plan on Monday."
    people = [e for e in find_entities(body) if e.type == "person"]
    assert [p.name for p in people] == ["Antony Blinken"]
    assert people[0].description == "US Secretary of State"


def test_organization_heads_and_acronym_short_forms() -> None:
    body = (
        "The Korean People's Army (KPA) moved troops, said the Ministry of Defense. "
        "A KPA unit crossed the river."
    )
    found = _by_name(find_entities(body))
    assert found["Korean People's Army"].type == "organization"
    assert "KPA" in found["Korean People's Army"].aliases
    assert found["Ministry of Defense"].type == "organization"


def test_capital_is_a_place_with_its_country_code() -> None:
    body = "Algeria cut ties, an accusation denied by Rabat."
    rabat = _by_name(find_entities(body))["Rabat"]
    assert (rabat.type, rabat.country_code) == ("place", "MA")


def test_sentence_initial_common_words_are_not_entities() -> None:
    body = "Tensions flared in the region. Earlier this month, tensions eased."
    assert find_entities(body) == []


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not present")
def test_seed_article_people() -> None:
    body = SEED.read_text(encoding="utf-8")
    people = {e.name for e in find_entities(body) if e.type == "person"}
    assert {"Benny Gantz", "Donald Trump", "Antony Blinken", "Ned Price"} <= people
    gold = json.loads((SHARED / "eval" / "gold" / "000_372f268d1c9d2193.gold.json").read_text())
    wanted = {e["name"] for e in gold["entities"] if e["type"] == "person"}
    assert wanted <= people


def test_person_of_party_is_split_at_the_connector() -> None:
    body = "Candidates elected included Claudia Mo of the Civic Party and others."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("person", "Claudia Mo") in found
    assert ("organization", "Civic Party") in found


def test_honorific_is_left_out_of_the_mention_and_links_to_full_name() -> None:
    body = "Prime Minister John Key spoke on Monday.\n\nMr Key said the vote was close."
    key = _by_name(find_entities(body))["John Key"]
    assert [m.text for m in key.mentions] == ["John Key", "Key"]
    assert key.description == "Prime Minister"


def test_undotted_military_title_is_not_part_of_the_name() -> None:
    body = "Gen Prayut Chan-o-cha met reporters. Later Gen Prayut left."
    names = {e.name: [m.text for m in e.mentions] for e in find_entities(body)}
    assert names == {"Prayut Chan-o-cha": ["Prayut Chan-o-cha", "Prayut"]}


def test_no_place_inside_an_organization_name() -> None:
    body = "She told the Toronto Star and the Bank of Canada that the plan was sound."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("organization", "Toronto Star"), ("organization", "Bank of Canada")}


def test_surname_particle_stays_with_the_name() -> None:
    body = "Robin van Persie scored twice. Later van Persie said the team had earned it."
    found = {e.name: [m.text for m in e.mentions] for e in find_entities(body)}
    assert found["Robin van Persie"] == ["Robin van Persie", "van Persie"]
    assert "Persie" not in found


def test_particle_opening_a_sentence_links_to_the_full_name() -> None:
    body = "Osama bin Laden was found. Bin Laden had hidden there."
    people = [e for e in find_entities(body) if e.type == "person"]
    assert len(people) == 1 and people[0].name == "Osama bin Laden"


def test_body_with_an_opener_then_a_titled_person_is_split() -> None:
    body = "Security Council President Tono Eitel of Germany said the talks would go on."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("organization", "Security Council") in found
    assert ("person", "Tono Eitel") in found


def test_recurring_lone_name_becomes_an_organization() -> None:
    body = "Users said Microsoft was slow. Later that year, Microsoft replaced the browser."
    ms = _by_name(find_entities(body))["Microsoft"]
    assert ms.type == "organization"
    assert len(ms.mentions) == 2


def test_one_or_two_demonyms_do_not_make_a_country_but_three_do() -> None:
    once = find_entities("A Gabonese team took part in the event.")
    assert not [e for e in once if e.type == "country"]
    twice = find_entities("Gabonese officials met. A Gabonese team took part.")
    assert not [e for e in twice if e.type == "country"]
    thrice = find_entities(
        "Palestinian officials met. The Palestinian cause was raised by Palestinian envoys."
    )
    assert [e.country_code for e in thrice if e.type == "country"] == ["PS"]


def test_named_countries_keep_names_not_demonyms_as_mentions() -> None:
    body = "Morocco and Algeria argued. Moroccan officials left early."
    morocco = _by_name(find_entities(body))["Morocco"]
    assert [m.text for m in morocco.mentions] == ["Morocco"]


def test_title_case_headline_is_not_a_name_factory() -> None:
    body = "Senator Was Headed to Court But Turned Back.\n\nThe senator went home."
    assert all(e.type != "person" for e in find_entities(body))


def test_acronym_with_spelled_out_name_is_one_entity() -> None:
    body = "The National Security Agency (NSA) collected data. The NSA denied it."
    nsa = _by_name(find_entities(body))["National Security Agency"]
    assert nsa.type == "organization"
    assert "NSA" in nsa.aliases


def test_shouted_words_and_handles_are_not_organizations() -> None:
    body = "He posted from his @POTUS account, UNLESS it was hacked, said the aide."
    assert find_entities(body) == []


def test_titled_form_before_full_name_still_joins_it() -> None:
    body = "Mr Key arrived late.\n\nPrime Minister John Key said the vote was fine. Key left."
    people = [e for e in find_entities(body) if e.type == "person"]
    assert [p.name for p in people] == ["John Key"]
    assert [m.text for m in people[0].mentions] == ["Key", "John Key", "Key"]


def test_place_possessor_adds_a_qualified_mention_but_not_the_name() -> None:
    body = "Israel’s Ministry of Defense oversees exports. The Ministry of Defense said so."
    ministry = _by_name(find_entities(body))["Ministry of Defense"]
    assert "Israel’s Ministry of Defense" in ministry.aliases
    assert len(ministry.mentions) == 3


def test_capitals_headline_and_dateline_give_places_not_organizations() -> None:
    body = "SOCCER - JAPAN GET LUCKY WIN .\nBELGRADE 1996-08-30\nThe team flew home on Friday ."
    found = {(e.type, m.text) for e in find_entities(body) for m in e.mentions}
    assert found == {("country", "JAPAN"), ("place", "BELGRADE")}


def test_abbreviation_in_a_capitals_line_counts_when_used_in_the_text() -> None:
    body = "NATO TALKS STALL\nNATO officials met in Brussels on Monday."
    nato = [e for e in find_entities(body) if e.name == "NATO"]
    assert len(nato) == 1 and len(nato[0].mentions) == 2


def test_ordinary_word_that_is_a_town_needs_a_preposition() -> None:
    assert [e.name for e in find_entities("The shop held a Sale on Friday.")] == []
    found = {(e.type, e.name) for e in find_entities("He grew up in Sale, near the city.")}
    assert ("place", "Sale") in found


def test_small_capital_city_is_a_place_without_a_preposition() -> None:
    body = "Names will be engraved on a monument in the nation's capital, Wellington."
    assert {(e.type, e.name) for e in find_entities(body)} == {("place", "Wellington")}


def test_town_that_beats_another_is_a_club_throughout_the_article() -> None:
    body = "Portsmouth beat Leeds 2-0 on Saturday. He has lived in Portsmouth for years."
    found = {(e.type, e.name, len(e.mentions)) for e in find_entities(body)}
    assert ("organization", "Portsmouth", 2) in found
    assert ("organization", "Leeds", 1) in found


def test_results_table_names_clubs_and_a_dateline_is_no_score() -> None:
    body = (
        "LONDON 1996-08-30\nResults on Friday :\nWigan 42 Bradford 36\nSurrey 429-7 ( C. Lewis 80 )"
    )
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("place", "LONDON") in found
    assert {("organization", "Wigan"), ("organization", "Bradford")} <= found
    assert ("organization", "Surrey") in found


def test_town_with_a_squad_role_after_it_is_a_club() -> None:
    body = "Newcastle striker Alan Shearer scored. Alan Shearer said it was easy."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("organization", "Newcastle") in found


def test_number_inside_a_product_name_is_no_score() -> None:
    body = "The browser was called Internet Explorer 9 Beta by the company."
    assert all(e.type != "organization" for e in find_entities(body))


def test_player_surname_before_a_tennis_score_stays_a_person() -> None:
    body = "Roger Federer lost to Andy Roddick. Roddick beat Federer 6-3 6-4 in the final."
    assert {e.type for e in find_entities(body)} == {"person"}


def test_lone_company_name_that_speaks_is_an_organization() -> None:
    body = "Microsoft said on Monday it would cut prices. A source told Reuters by phone."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("organization", "Microsoft"), ("organization", "Reuters")}


def test_surname_that_speaks_stays_with_its_person() -> None:
    body = "The court heard from Anna Kowalczyk. Kowalczyk said she was tired."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert found == {("person", "Anna Kowalczyk")}


def test_party_word_before_mps_or_leader_is_an_organization() -> None:
    body = "Labour said the plans would fail, and Tory MPs agreed with Labour leaders."
    found = {(e.type, e.name) for e in find_entities(body)}
    assert ("organization", "Tory") in found
    assert ("organization", "Labour") in found
    assert all(kind != "person" for kind, _ in found)


def test_party_short_name_joins_the_full_party_name() -> None:
    body = "Labour said the plans would fail. Labour leaders met. He backed the Labour Party."
    orgs = [e for e in find_entities(body) if e.type == "organization"]
    assert [(o.name, len(o.mentions)) for o in orgs] == [("Labour Party", 3)]


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
    assert _by_name(find_entities(body))["Zorvex"].type == "organization"


def test_lone_name_owning_a_title_or_a_person_is_an_organization() -> None:
    body = "Prices rose. Kelvora's Chief Engineer Ana Ruiz spoke to reporters on Monday."
    found = _by_name(find_entities(body))
    assert found["Kelvora"].type == "organization"
    assert found["Ana Ruiz"].type == "person"


def test_lone_word_without_such_evidence_stays_unreported() -> None:
    body = "Prices rose. Kelvora spoke to reporters on Monday."
    assert "Kelvora" not in _by_name(find_entities(body))


def test_small_town_after_at_or_from_is_a_place() -> None:
    body = "Prices rose. The plane landed at Mildura on Monday."
    assert _by_name(find_entities(body))["Mildura"].type == "place"


def test_recurring_small_town_is_a_place_unless_it_acts_as_a_body() -> None:
    town = "Visitors left Mildura early. The buses to Mildura were full."
    assert _by_name(find_entities(town))["Mildura"].type == "place"
    firm = "Rain fell. Mildura said it would cut jobs. Mildura shares fell."
    assert _by_name(find_entities(firm))["Mildura"].type == "organization"


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
    assert "Children" not in _by_name(find_entities(body))


def test_a_single_letter_is_never_a_recurring_name() -> None:
    body = "Prices were N / A on Monday and N / A again on Tuesday, traders said."
    assert find_entities(body) == []


def test_dateline_place_is_a_place_even_when_it_is_a_given_name() -> None:
    dateline = "Markets\nGENEVA 2024-05-03\n\nOfficials met on Friday."
    assert _by_name(find_entities(dateline))["GENEVA"].type == "place"
    person = "Markets rose.\nGeneva Smith won the race on Friday."
    assert {e.name for e in find_entities(person)} == {"Geneva Smith"}


def test_short_day_name_breaks_a_name_only_before_a_date() -> None:
    paper = "He told the Harrowgate Sun on Friday that prices rose."
    assert _by_name(find_entities(paper))["Harrowgate Sun"].type == "organization"
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
