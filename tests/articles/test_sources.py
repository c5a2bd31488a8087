"""Finding articles on disk: what is skipped as no article, and sections from folders."""

from collections import Counter
from pathlib import Path

import pytest

from app.articles.ingest import extract_document
from app.articles.screen import Skipped, binary_reason, body_reason, readme_reason
from app.articles.sources import documents
from tests.conftest import SHARED

ARTICLE = (
    "The council of Valdoria approved a new pier on Monday. Work is due to start in the "
    "spring, officials said.\n\nThe pier will take about two years to build."
)
README = "Articles from the harbour desk, 2024.\nSee https://example.org/data for more.\n"
BBC = SHARED / "data" / "bbc"


def test_binary_files_are_told_by_content() -> None:
    assert binary_reason(ARTICLE.encode()) is None
    assert binary_reason(b" \n\t") == "empty file"
    assert binary_reason(b"GIF89a\x00\x01\x02") == "binary file (NUL bytes)"
    assert binary_reason("A pier opened.".encode("utf-16")) is None  # NULs, but a BOM
    assert binary_reason("café".encode("latin-1")) is None  # text; decoding says what


def test_a_readme_name_needs_readme_content() -> None:
    assert readme_reason("README.TXT", README) is not None
    assert readme_reason("readme.md", "Two short notes.") is not None
    # The name alone is a weak hint: a real article under it is still read.
    assert readme_reason("README.txt", ARTICLE + "\n\n" + ARTICLE.replace("pier", "quay")) is None
    assert readme_reason("notes.txt", README) is None


def test_bodies_without_sentences_are_not_articles() -> None:
    assert body_reason("") == "no article text"
    assert body_reason("Harbour News\n\nPage 2") == "no sentences"
    assert body_reason(ARTICLE) is None


def test_documents_skip_what_is_no_article(tmp_path: Path) -> None:
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "pier.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.TXT").write_text(README, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "headings.txt").write_text("Harbour News\nPage 2\n", encoding="utf-8")
    found = {Path(d.name).name: extract_document(d) for d in documents([tmp_path])}
    skipped = {name: r.reason for name, r in found.items() if isinstance(r, Skipped)}
    assert skipped == {
        "README.TXT": "a README or similar notes, not an article",
        "empty.txt": "empty file",
        "image.txt": "binary file (NUL bytes)",
        "headings.txt": "no article text",
    }
    assert not isinstance(found["pier.txt"], Skipped | str)


def test_section_from_folder_overrides_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "Sport"
    folder.mkdir()
    (folder / "a.json").write_text('{"text": "A pier opened today.", "section": "news"}')
    (folder / "b.ndjson").write_text('{"text": "A quay opened today."}\n')
    plain = [extract_document(d) for d in documents([folder])]
    assert [getattr(e, "section", "?") for e in plain] == ["news", None]
    by_folder = [extract_document(d) for d in documents([folder], section_from_folder=True)]
    assert [getattr(e, "section", "?") for e in by_folder] == ["sport", "sport"]


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not in ../shared")
def test_bbc_corpus_one_section_per_folder_and_the_readme_skipped() -> None:
    docs = list(documents([BBC], section_from_folder=True))
    skipped = [Path(d.name).name for d in docs if d.skip]
    assert skipped == ["README.TXT"]
    per_folder = Counter(p.parent.name for p in BBC.glob("*/*.txt"))
    assert Counter(d.section for d in docs if not d.skip) == per_folder
