"""Telling articles from the other files a folder holds (READMEs, empty or binary files).

Content decides; a README-like file name is only a hint that needs the content to agree,
so an article that happens to be called ``notes.txt`` or ``index.txt`` is still read."""

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

# Names that folders of documents carry besides the documents themselves.
_DOC_NAME = re.compile(
    r"^(?:read[\s_-]?me|licen[cs]e|copying|notice|authors|contributors|contributing|"
    r"change[\s_-]?log|changes|history|install|manifest|todo)\b",
    re.IGNORECASE,
)
# At least three words, then a full stop, question or exclamation mark (and closing marks).
_SENTENCE = re.compile(r"\w+(?:[\s,;:'’-]+\w+){2,}[.!?…][\"'”’)\]]*(?=\s|$)")
_CONTACT = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_WIDE_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
# A README names where to look or whom to write; one this short with no link is a note.
README_MAX_SENTENCES = 3


@dataclass(frozen=True)
class Skipped:
    """A document that is not an article, and why (picklable, from a worker process)."""

    reason: str


def binary_reason(data: bytes) -> str | None:
    """Why raw bytes are no article text, if they are not: empty, or binary. Text in an
    undeclared encoding is not binary: decoding it fails with its own reason."""
    if not data.strip():
        return "empty file"
    # UTF-16 and UTF-32 text is full of NUL bytes, and starts with a byte order mark.
    if b"\x00" in data and not data.startswith(_WIDE_BOMS):
        return "binary file (NUL bytes)"
    return None


def sentences(text: str) -> int:
    return len(_SENTENCE.findall(text))


def readme_reason(name: str, text: str) -> str | None:
    """A README-like name confirmed by README-like content: a link or an address, or only
    a few sentences."""
    if not _DOC_NAME.match(PurePath(name).stem):
        return None
    if _CONTACT.search(text) or sentences(text) < README_MAX_SENTENCES:
        return "a README or similar notes, not an article"
    return None


def body_reason(body: str) -> str | None:
    """Why an extracted body is not an article, if it is not."""
    if not body.strip():
        return "no article text"
    if not sentences(body):
        return "no sentences"
    return None
