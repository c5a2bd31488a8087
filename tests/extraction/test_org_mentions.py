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
