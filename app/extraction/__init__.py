"""Pure text-to-structure extraction: no database, no I/O beyond what the caller passes in.

The contract types live here; ``app.extraction.pipeline.extract`` runs the extraction.
The modules may be compiled in place with mypyc (``tests/bench/compile_extraction.py``);
an extension is imported in place of its source, so one older than its source is refused."""

from pathlib import Path

from app.extraction.schemas import (
    ExtractedEntity,
    ExtractedMention,
    ExtractedQuote,
    Extraction,
)

__all__ = [
    "ExtractedEntity",
    "ExtractedMention",
    "ExtractedQuote",
    "Extraction",
    "stale_extensions",
]


def stale_extensions(here: Path = Path(__file__).parent) -> list[str]:
    """The sources edited since their modules were compiled: their edits would not run."""
    stale: list[str] = []
    for extension in here.glob("*.so"):
        source = here / f"{extension.name.split('.', 1)[0]}.py"
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(source.name)
    return sorted(stale)


if _stale := stale_extensions():
    raise ImportError(
        f"app.extraction: compiled modules older than their sources ({', '.join(_stale)}): "
        "run tests/bench/compile_extraction.py again, or with --clean for pure Python"
    )
