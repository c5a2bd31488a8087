from app.extraction.gazetteer import demonym, initials, lookup, town


def test_country_spellings_resolve_to_one_iso_code() -> None:
    for surface in ("US", "U.S.", "USA", "United States", "United States of America"):
        place = lookup(surface)
        assert place is not None and place.code == "US", surface
    assert lookup("UK") == lookup("Britain") == lookup("United Kingdom")
    assert lookup("UAE") is not None and lookup("UAE").code == "AE"  # type: ignore[union-attr]


def test_short_common_names_are_canonical() -> None:
    for surface, name in (("Russian Federation", "Russia"), ("State of Palestine", "Palestine")):
        place = lookup(surface)
        assert place is not None and place.name == name


def test_bare_iso_codes_that_are_words_are_not_countries() -> None:
    assert lookup("IN") is None
    assert lookup("IT") is None


def test_demonyms_singular_and_plural() -> None:
    for word, code in (("Moroccan", "MA"), ("Israelis", "IL"), ("Palestinians", "PS")):
        place = demonym(word)
        assert place is not None and place.code == code


def test_cities_and_regions() -> None:
    rabat = lookup("Rabat")
    assert rabat is not None and (rabat.kind, rabat.code) == ("place", "MA")
    region = lookup("North Africa")
    assert region is not None and region.code is None
    assert lookup("Price") is None


def test_initials_skip_function_words() -> None:
    assert initials("United States of America") == "USA"


def test_of_tail_of_an_official_name_when_unambiguous() -> None:
    america = lookup("America")
    assert america is not None and america.code == "US"
    assert lookup("Korea") is None


def test_first_level_regions_and_exonyms() -> None:
    scotland = lookup("Scotland")
    assert scotland is not None and scotland.code == "GB"
    mecca = lookup("Mecca")
    assert mecca is not None and mecca.code == "SA"
    assert lookup("West") is None


def test_demonym_shortened_only_when_shaped_like_one() -> None:
    saudi = demonym("Saudi")
    assert saudi is not None and saudi.code == "SA"
    assert demonym("New") is None


def test_intermediate_regions_are_places() -> None:
    for surface in ("Central America", "Western Africa", "Caribbean"):
        region = lookup(surface)
        assert region is not None and region.kind == "place" and region.code is None, surface


def test_small_towns_are_kept_apart_from_the_main_index() -> None:
    mildura = town("Mildura")
    assert mildura is not None and (mildura.kind, mildura.code) == ("place", "AU")
    assert lookup("Mildura") is None  # too small to be a place without evidence
    assert town("Paris") is None  # in the main index already
    assert town("God") is None  # a word, though a town's name folds to it
    assert town("Chelsea") is None  # a given name


def test_first_part_of_a_country_named_with_and_names_it() -> None:
    bosnia = lookup("Bosnia")
    assert bosnia is not None and bosnia.code == "BA"
    assert lookup("Turks") is None  # a people, not "Turks and Caicos Islands"
