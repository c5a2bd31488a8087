"""Person and place names: one rule per test, on short texts written for it."""

from app.extraction.entities import find_entities, read_spans
from app.extraction.gazetteer import lookup


def _people(body: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in find_entities(body) if e.type == "person"}


def test_a_capitalised_particle_goes_on_with_the_name_before_it() -> None:
    people = _people("Fans cheered when Paul Van Dorne scored , said the coach .")
    assert "Paul Van Dorne" in people
    assert "Van Dorne" not in people


def test_a_lower_case_particle_joins_an_african_name() -> None:
    people = _people("The late President Tembo wa Kaluba was buried on Friday.")
    assert list(people) == ["Tembo wa Kaluba"]


def test_a_title_word_after_a_given_name_is_a_surname() -> None:
    assert list(_people("Prime Minister Peter Major says the plan will work.")) == ["Peter Major"]


def test_a_surname_from_the_census_makes_a_name_of_an_unknown_given_name() -> None:
    people = _people("Top seed Rashid Khan beat Omendra de Silva in the final.")
    assert set(people) == {"Rashid Khan", "Omendra de Silva"}


def test_a_surname_after_at_names_a_place_not_a_person() -> None:
    assert _people("The match was played at Dunmore Hill on Sunday.") == {}


def test_an_article_and_a_surname_name_a_paper_not_a_person() -> None:
    assert _people("Readers of Der Baker were told on Monday.") == {}


def test_a_name_used_only_as_a_films_is_not_a_person() -> None:
    body = "The film Nora Lane won a prize. Nora Lane star Kim Boyd said she was proud."
    assert list(_people(body)) == ["Kim Boyd"]


def test_a_person_who_also_has_a_film_stays_a_person() -> None:
    body = "The director Mark Fenn said his film was done. The Mark Fenn film opens today."
    assert list(_people(body)) == ["Mark Fenn"]


def test_a_name_ending_with_an_event_is_no_person() -> None:
    assert _people("Spain won the Morris Cup on Sunday and the Harlan Open in May.") == {}


def test_a_word_said_twice_is_no_person() -> None:
    assert _people("Tara Tara played their old hits to a full hall.") == {}


def test_a_given_name_alone_that_never_acts_as_a_person_is_no_person() -> None:
    body = "Arsenal face Chelsea on Sunday. Fans hope the team can beat Chelsea at home."
    assert "Chelsea" not in _people(body)


def test_who_after_a_name_marks_a_person() -> None:
    assert list(_people("Tiger Stone , who won last year , shot a 68 .")) == ["Tiger Stone"]


def test_an_opening_adjective_before_a_people_stays_out_of_the_name() -> None:
    people = _people("Outspoken Canadian Anna Birch called the ruling unfair.")
    assert list(people) == ["Anna Birch"]


def test_a_title_with_its_portfolio_names_no_one() -> None:
    body = (
        "Ruth Kelly, the Minister of State for the Family, opened it. "
        "The Minister of State for the Family said no."
    )
    assert list(_people(body)) == ["Ruth Kelly"]


def test_a_title_before_an_ordinary_word_is_an_adjective() -> None:
    body = "Labour hopes to win the General Election. President Bush met General Jackson."
    people = _people(body)
    assert "Election" not in people
    assert {"Bush", "Jackson"} <= set(people)


def test_a_province_named_like_a_person_needs_a_preposition() -> None:
    paul, victoria = lookup("Paul"), lookup("Victoria")
    assert paul is not None and not paul.major
    assert victoria is not None and victoria.major


def test_every_span_records_the_pass_that_decided_it() -> None:
    spans, _ = read_spans(
        "Prime Minister Peter Major met French officials. Spain won the Morris Cup."
    )
    decided = {f.text: (f.kind, f.decided_by) for f in spans}
    assert decided["Peter Major"] == ("person", "titled_person")
    assert decided["Morris Cup"] == ("other", "works")
    assert decided["French"][1] == "whole_span"


def test_a_film_named_by_a_given_name_leaves_the_person_of_that_name_alone() -> None:
    body = "The film 'Rosa' tells the life of Rosa Calder. Rosa Calder grew up by the sea."
    assert list(_people(body)) == ["Rosa Calder"]


def test_a_quoted_nickname_stays_inside_the_name() -> None:
    body = "Police arrested Ramón “El Toro” Ortega on Monday. Ortega denied it."
    assert _people(body) == {"Ramón “El Toro” Ortega": ["Ramón “El Toro” Ortega", "Ortega"]}


def test_a_tokenised_nickname_stays_inside_the_name_too() -> None:
    body = 'Boxer Felix " Hammer " Soto won on points .'
    assert list(_people(body)) == ['Felix " Hammer " Soto']


def test_a_style_of_address_is_a_title_before_a_long_arabic_name() -> None:
    body = "They met His Highness Sheikh Hamad bin Khalid Al Sabah on Sunday."
    assert list(_people(body)) == ["Hamad bin Khalid Al Sabah"]


def test_the_town_of_an_unknown_word_is_a_place() -> None:
    found = {e.name: e.type for e in find_entities("Shells fell on the town of Ashcombe.")}
    assert found == {"Ashcombe": "place"}


def test_a_compound_region_gives_each_of_its_regions() -> None:
    latin, caribbean = lookup("Latin America"), lookup("Caribbean")
    assert latin is not None and caribbean is not None


def test_an_events_name_holds_no_place() -> None:
    assert find_entities("She won the Peruvian Open and later the Chilean Grand Prix.") == []


def test_a_portfolio_after_a_title_belongs_to_the_title() -> None:
    body = (
        "Ana Ruiz, the Minister of Foreign Affairs and Trade, resigned as Foreign Affairs minister."
    )
    assert list(_people(body)) == ["Ana Ruiz"]


def test_a_title_going_on_after_and_the_is_a_works() -> None:
    body = "Nora Lane and the Silver Key of Avalon won the prize, Tom Hale said."
    people = _people(body)
    assert "Nora Lane" not in people
    assert "Tom Hale" in people


def test_a_person_beside_a_group_or_body_after_and_the_stays_a_person() -> None:
    body = "Polls say Anna Hale and the Tories lead. Anna Hale and the Green Party agree."
    assert list(_people(body)) == ["Anna Hale"]


def test_what_one_plays_a_role_in_is_a_work() -> None:
    body = "She won praise for her role in Nora Lane. Nora Lane was a hit."
    assert _people(body) == {}


def test_the_verb_of_an_inverted_cue_is_no_part_of_the_speakers_name() -> None:
    body = 'Sales fell. Said Mr Fenwick: "It was a bad year." Added Ana Ruiz: "Worse than 2003."'

    assert {(e.name, e.type) for e in find_entities(body)} == {
        ("Fenwick", "person"),
        ("Ana Ruiz", "person"),
    }


def test_a_given_name_spelt_like_a_reporting_verb_stays_a_name() -> None:
    body = "Said Belkadi won the race in record time."

    assert [e.name for e in find_entities(body) if e.type == "person"] == ["Said Belkadi"]
