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
    for entity in find_entities(body):
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
