"""Saints', mounts' and forts' short forms: "St.", "Mt.", "Ft." open the name after them."""

from app.extraction.entities import find_entities
from app.extraction.gazetteer import lookup
from app.extraction.name_tokens import find_tokens


def _typed(body: str) -> dict[str, str]:
    return {e.name: e.type for e in find_entities(body)}


def test_a_short_prefix_keeps_its_stop_and_opens_the_name() -> None:
    typed = _typed("The climbers reached Mt. Velbrae before the storm.")
    assert typed.get("Mt. Velbrae") == "place"
    assert "Velbrae" not in typed


def test_a_short_prefix_after_a_name_word_ends_a_street() -> None:
    tokens = [t.text for t in find_tokens("The shop on Varrow St. Police said it was shut.")]
    assert "St" in tokens and "St." not in tokens


def test_saint_spellings_meet_in_the_gazetteer() -> None:
    dotted = lookup("St. Catharines")
    assert dotted is not None
    assert lookup("St Catharines") == lookup("Saint Catharines") == dotted
    typed = _typed("Fans in St Catharines cheered the parade.")
    assert typed.get("St Catharines") == "place"


def test_initials_spelled_like_a_short_prefix_keep_no_stop() -> None:
    # "tell the FT. But …": capitals are initials (a newspaper's), not a saint's or fort's
    # short form, and the stop ends the sentence.
    tokens = [t.text for t in find_tokens("Sources tell the FT. But Velmark said no.")]
    assert "FT." not in tokens
    assert "FT" in tokens
