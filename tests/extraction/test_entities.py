"""Entity extraction on short texts written for these tests, and the seed article's people."""

import json
from pathlib import Path

import pytest

from app.extraction.entities import find_entities
from tests.extraction.picks import by_name

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "000_372f268d1c9d2193.txt"


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
    gantz = by_name(find_entities(body))["Benny Gantz"]
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
    found = by_name(find_entities(body))
    assert found["Korean People's Army"].type == "organization"
    assert "KPA" in found["Korean People's Army"].aliases
    assert found["Ministry of Defense"].type == "organization"


def test_capital_is_a_place_with_its_country_code() -> None:
    body = "Algeria cut ties, an accusation denied by Rabat."
    rabat = by_name(find_entities(body))["Rabat"]
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
    key = by_name(find_entities(body))["John Key"]
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
    ms = by_name(find_entities(body))["Microsoft"]
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
    morocco = by_name(find_entities(body))["Morocco"]
    assert [m.text for m in morocco.mentions] == ["Morocco"]


def test_title_case_headline_is_not_a_name_factory() -> None:
    body = "Senator Was Headed to Court But Turned Back.\n\nThe senator went home."
    assert all(e.type != "person" for e in find_entities(body))


def test_acronym_with_spelled_out_name_is_one_entity() -> None:
    body = "The National Security Agency (NSA) collected data. The NSA denied it."
    nsa = by_name(find_entities(body))["National Security Agency"]
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
    ministry = by_name(find_entities(body))["Ministry of Defense"]
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
