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
