from datetime import date, datetime

import pytest

from app.extraction.cleaning import ExtractionInputError, clean
from app.extraction.dates import parse_date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mon. Dec 6th, 2021", date(2021, 12, 6)),
        ("2021-12-06", date(2021, 12, 6)),
        ("6 December 2021", date(2021, 12, 6)),
        ("December 6, 2021", date(2021, 12, 6)),
        ("Published: December 6, 2021 10:30 AM", datetime(2021, 12, 6, 10, 30)),
        ("Talks resume on 6 December 2021", None),
        ("May 2021", None),
    ],
)
def test_date_lines(line: str, expected: date | None) -> None:
    assert parse_date_line(line) == expected


def test_plain_text_header_byline_and_boilerplate() -> None:
    raw = (
        "Harbour plan approved\n\nMarch 3, 2022\n\nBy Jane Roe\n\n"
        "The council approved the plan on Monday.\n\nIt will cost more than expected.\n\n"
        "Source link\n\nBy admin\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *"
    )
    article = clean(raw)
    assert article.title == "Harbour plan approved"
    assert article.published_at == date(2022, 3, 3)
    assert article.byline == "Jane Roe"
    assert article.body == (
        "The council approved the plan on Monday.\n\nIt will cost more than expected."
    )


def test_placeholder_byline_is_not_an_author() -> None:
    article = clean("The vote passed.\n\nIt was close.\n\nBy staff")
    assert article.byline is None
    assert "By staff" not in article.body


def test_malformed_json_is_an_input_error() -> None:
    with pytest.raises(ExtractionInputError):
        clean("{not json", "json")
    with pytest.raises(ValueError):
        clean("[1, 2]", "json")
