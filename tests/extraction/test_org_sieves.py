"""Organization sieve steps on short invented texts: currencies, names joined by 'and'."""

from app.extraction.entities import find_entities


def _typed(body: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in find_entities(body)}


def test_currency_code_is_no_organization() -> None:
    body = "The Velmora Trust keeps its accounts in USD and pays the Orvane Agency in EUR."
    found = _typed(body)
    assert not any(name in ("USD", "EUR") for _, name in found)
    assert ("organization", "Velmora Trust") in found


def test_letters_before_an_amount_or_a_currency_sign_are_money() -> None:
    body = "The Orvane Agency was fined NT$500,000 and paid QX 3.5 billion to the KLT."
    names = {name for _, name in _typed(body)}
    assert "NT" not in names
    assert "QX" not in names
    assert "KLT" in names


def test_body_after_and_stops_at_a_title_and_keeps_its_holder() -> None:
    body = "Dunmere Chamber of Commerce and Industry President Halvard Quist said it would."
    found = _typed(body)
    assert ("organization", "Dunmere Chamber of Commerce and Industry") in found
    assert ("person", "Halvard Quist") in found


def test_body_after_a_title_and_of_the_goes_on_after_and() -> None:
    body = (
        "Ann Velt, Executive Director of the Tarsley Research and Innovation Council "
        "(TRIC), spoke on Monday."
    )
    found = _typed(body)
    assert ("organization", "Tarsley Research and Innovation Council") in found
    assert not any(name.startswith("Ann Velt,") for _, name in found)


def test_portfolio_after_and_stays_in_the_ministry_name() -> None:
    body = "The Ministry of Education and Higher Education said exams would go ahead."
    assert ("organization", "Ministry of Education and Higher Education") in _typed(body)


def test_place_and_medium_before_a_noun_name_no_broadcaster() -> None:
    body = "Ann Velt made her US TV debut in May. The head of US TV network Orvane quit."
    found = _typed(body)
    assert not any(name == "US TV" for _, name in found)
    assert ("country", "US") in found


def test_place_and_medium_that_reports_is_a_broadcaster() -> None:
    body = "Syrian TV said the talks had failed, and Czech Television reported the same."
    found = _typed(body)
    assert ("organization", "Syrian TV") in found
    assert ("organization", "Czech Television") in found


def test_format_before_sales_is_no_company() -> None:
    body = "He is owed a share of DVD sales, the Orvane Studios lawyer said."
    assert not any(name == "DVD" for _, name in _typed(body))


def test_competition_played_is_no_body_outside_a_sports_report() -> None:
    body = "Ann Velt misses the Velmor League final. The Arab League said it would meet."
    found = _typed(body)
    assert not any(name == "Velmor League" for _, name in found)
    assert ("organization", "Arab League") in found


def test_person_shaped_band_after_band_or_before_a_member_is_a_body() -> None:
    assert ("organization", "Tarvin Holloway") in _typed(
        "Scottish rock band Tarvin Holloway won two awards on Sunday."
    )
    assert ("organization", "Tarvin Holloway") in _typed(
        "Tarvin Holloway frontman Ned Arlo called for lower taxes."
    )


def test_a_person_shaped_name_winning_best_group_is_a_band() -> None:
    assert ("organization", "Tarvin Holloway") in _typed(
        "Tarvin Holloway picked up best British group at the Velm awards."
    )
    # A person wins best actress, never best group.
    assert ("person", "Ann Velt") in _typed("Ann Velt won best actress at the Velm awards.")


def test_plural_verb_makes_a_band_only_outside_a_list() -> None:
    assert ("organization", "Tarvin Holloway") in _typed("Tarvin Holloway have won two prizes.")
    listed = _typed("Ann Velt and Prime Minister Tarvin Holloway were at the summit.")
    assert ("person", "Tarvin Holloway") in listed


def test_bank_after_a_cardinal_point_is_land_and_other_banks_lend() -> None:
    body = "Settlers moved to the West Bank. The Southern Bank and Velmor Bank lent more."
    found = _typed(body)
    assert ("place", "West Bank") in found
    assert ("organization", "Southern Bank") in found
    assert ("organization", "Velmor Bank") in found


def test_word_opening_a_standings_row_is_a_side() -> None:
    body = (
        "Soccer league standings after Saturday's matches:\n"
        "Barnsley 3 3 0 0 8 2 9\nHull 4 2 2 0 4 2 8\nTotal 23\n"
    )
    found = _typed(body)
    assert ("organization", "Hull") in found
    assert not any(name == "Total" for _, name in found)


def test_institution_named_by_its_head_stays_a_body_beside_its_plural() -> None:
    body = (
        "Support for the Velmor Cabinet fell below the Orvane Cabinet's. Voters said the "
        "Cabinet had failed them, though past Cabinets fared worse, and the Cabinet answered."
    )
    found = {(e.type, m.text) for e in find_entities(body) for m in e.mentions}
    assert ("organization", "Cabinet") in found


def test_people_named_in_singular_and_plural_are_no_body() -> None:
    body = "Crowds of Velmorans cheered. A Velmoran leader spoke, and other Velmoran leaders."
    assert not any(e.type == "organization" for e in find_entities(body))


def test_programme_or_initiative_is_no_body_unless_it_acts_as_one() -> None:
    body = (
        "Farmers joined the Velmor Energy Efficiency Program and the Sun and Sea "
        "Initiative. The Orvane Relief Programme said aid was late."
    )
    found = _typed(body)
    assert not any("Efficiency" in name or "Initiative" in name for _, name in found)
    assert ("organization", "Orvane Relief Programme") in found


def test_ministry_of_projects_stays_a_body() -> None:
    body = "The Ministry of Planning and Projects published its plan on Monday."
    assert ("organization", "Ministry of Planning and Projects") in _typed(body)


def test_reserve_kept_for_nature_is_land_and_a_reserve_bank_a_body() -> None:
    body = "Hikers reached the Tarsley Wildlife Reserve. The Federal Reserve raised rates."
    found = _typed(body)
    assert ("place", "Tarsley Wildlife Reserve") in found
    assert ("organization", "Federal Reserve") in found


def test_word_read_as_a_place_after_in_is_the_body_it_acts_as_elsewhere() -> None:
    body = (
        "Ana Velt spent ten years in Zorbanity. An attorney for Zorbanity said she had "
        "left, and Zorbanity said it would appeal."
    )
    found = _typed(body)
    assert ("organization", "Zorbanity") in found
    assert ("place", "Zorbanity") not in found


def test_trade_before_and_goes_on_to_an_institution_but_two_outlets_stay_apart() -> None:
    found = _typed("The Tarsley Publishing and Advertising Agency raised its prices.")
    assert ("organization", "Tarsley Publishing and Advertising Agency") in found
    apart = _typed("Velmor Radio and Orvane News reported the fire.")
    assert {("organization", "Velmor Radio"), ("organization", "Orvane News")} <= apart


def test_format_before_players_is_no_club() -> None:
    body = "The Orvane Studios lock works in nearly all current DVD players, it said."
    assert not any(name == "DVD" for _, name in _typed(body))


def test_lone_name_that_does_a_firms_deed_is_a_company() -> None:
    # "Olympus" is a word the dictionary writes capitalised; "Quorvex" no list knows.
    found = _typed(
        "Olympus has launched a camera for divers. Prices rose as Quorvex bought rival stock."
    )
    assert ("organization", "Olympus") in found
    assert ("organization", "Quorvex") in found


def test_lone_names_listed_after_a_plural_firm_noun_are_companies() -> None:
    found = _typed("Prices fell at retailers such as Velbix, Orvanta and Quorvex on Monday.")
    assert {("organization", n) for n in ("Velbix", "Orvanta", "Quorvex")} <= found


def test_a_sentences_first_ordinary_word_before_a_deed_is_no_company() -> None:
    found = _typed("Management bought the shares. Staff sold them on Friday. Ann Velt quit.")
    assert not any(kind == "organization" for kind, _ in found)


def test_plain_word_before_a_trimmed_title_leaves_the_body_named() -> None:
    body = (
        "Aid stalled after the Arvel Union High Commissioner for Migrants spoke. "
        "Later the OVR Special Envoy said no."
    )
    found = _typed(body)
    assert ("organization", "Arvel Union") in found
    assert ("organization", "OVR") in found


def test_a_surname_that_is_a_dictionary_word_stays_before_letters_after_a_name() -> None:
    # "MSP" is a letter after a name, no title a plain word could qualify.
    body = "The party's finance spokesman, Tomas Gable MSP, said the tax was unfair."
    assert ("person", "Tomas Gable") in _typed(body)


def test_plain_words_after_the_ending_the_phrase_name_a_body() -> None:
    found = _typed("A plan backed by the Amber Cross in May failed, officials said.")
    assert ("organization", "Amber Cross") in found
    assert ("organization", "Danish Amber Cross") in _typed("Later the Danish Amber Cross said no.")


def test_a_name_after_the_that_qualifies_a_noun_is_no_body() -> None:
    found = _typed("Fans of the Rose Carter film laughed. Rose Carter said she was glad.")
    assert ("organization", "Rose Carter") not in found


def test_plain_words_after_the_ending_in_an_event_head_stay_an_event() -> None:
    found = _typed("Spain won the Amber Cup. The team flew home.")
    assert ("organization", "Amber Cup") not in found
