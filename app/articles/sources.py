"""Finding articles to ingest on disk: files, directories and NDJSON (one JSON per line)."""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.articles.payload import decode_body
from app.articles.screen import binary_reason, readme_reason
from app.errors import Unprocessable
from app.extraction.schemas import InputFormat
from app.extraction.section import normalize_section

FORMATS: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}
LINE_FORMATS = {".ndjson", ".jsonl"}


@dataclass(frozen=True)
class Document:
    name: str  # where it came from, for progress and error reports
    raw: str
    format: InputFormat
    error: str | None = None  # why it could not be read, if it could not
    skip: str | None = None  # why it is not an article, if it is not
    section: str | None = None  # the desk, when taken from the folder


def _unreadable(name: str, reason: str) -> Document:
    return Document(name, "", "text", error=reason)


def _skipped(name: str, reason: str) -> Document:
    return Document(name, "", "text", skip=reason)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in FORMATS.keys() | LINE_FORMATS
            )
        else:
            yield path


def documents(paths: Iterable[Path], *, section_from_folder: bool = False) -> Iterator[Document]:
    """Each document found, including those that could not be read (``error`` set) and
    those that are no article (``skip`` set). With ``section_from_folder`` each takes its
    folder's name as its section, over any the document itself names."""
    for path in _files(paths):
        suffix = path.suffix.lower()
        fmt = "json" if suffix in LINE_FORMATS else FORMATS.get(suffix, "text")
        try:
            data = path.read_bytes()
            if reason := binary_reason(data):
                yield _skipped(str(path), reason)
                continue
            # Files have no Content-Type: a byte order mark or an HTML <meta charset> may
            # name the encoding, else UTF-8 (the rules posted articles follow).
            text = decode_body(data, fmt, "")
        except OSError as exc:
            yield _unreadable(str(path), f"unreadable: {exc}")
            continue
        except Unprocessable as exc:
            yield _unreadable(str(path), f"unreadable: {exc.detail}")
            continue
        section = normalize_section(path.resolve().parent.name) if section_from_folder else None
        if suffix in LINE_FORMATS:
            yield from _lines(path, text, section)
        elif fmt == "text" and (reason := readme_reason(path.name, text)):
            yield _skipped(str(path), reason)
        else:
            yield Document(str(path), text, fmt, section=section)


def _lines(path: Path, text: str, section: str | None) -> Iterator[Document]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name = f"{path}:{number}"
        try:
            json.loads(line)
        except json.JSONDecodeError as exc:
            yield _unreadable(name, f"invalid JSON: {exc.msg}")
            continue
        yield Document(name, line, "json", section=section)
