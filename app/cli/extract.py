"""``broadsheet extract``: what extraction finds, without touching the database."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from app.articles.payload import decode_body
from app.articles.sources import FORMATS
from app.errors import AppError
from app.extraction import Extraction
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    ndjson = "ndjson"


def _summary(result: Extraction) -> str:
    lines = [
        f"title:     {result.title or '-'}",
        f"published: {result.published_at or '-'}",
        f"byline:    {result.byline or '-'}",
        f"sections:  {', '.join(result.sections) or '-'}",
        f"words:     {len(result.body.split())}",
        f"entities ({len(result.entities)}):",
    ]
    for entity in result.entities:
        code = f" [{entity.country_code}]" if entity.country_code else ""
        lines.append(f"  {entity.type:<12} {entity.name}{code}  x{len(entity.mentions)}")
    lines.append(f"quotes ({len(result.quotes)}):")
    for quote in result.quotes:
        who = quote.speaker or f"({quote.speaker_text or 'unattributed'})"
        lines.append(f"  [{quote.kind}] {who}: \u201c{quote.text}\u201d")
    return "\n".join(lines)


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files (ndjson: any number)")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.json,
    batch_knowledge: Annotated[
        bool,
        typer.Option(
            "--batch-knowledge/--no-batch-knowledge",
            help="ndjson: read every document again with what all of them established",
        ),
    ] = False,
) -> None:
    """Print what extraction finds, without touching the database.

    ``json`` and ``text`` describe one article; ``ndjson`` prints one contract object a
    line for every path, in the order given, and ``{"error": ...}`` for one it cannot read.
    With ``--batch-knowledge``, ndjson reads the documents twice: the second time with what
    all of them established together, as an archive of them would know it.
    """
    if format is OutputFormat.ndjson:
        for line in _extract_batch(paths, batch_knowledge):
            typer.echo(json.dumps(line, ensure_ascii=False))
        return
    if len(paths) != 1:
        raise typer.BadParameter(
            "give exactly one path, or use --format ndjson", param_hint="PATHS"
        )
    path = paths[0]
    if not path.is_file():
        raise typer.BadParameter(f"{path} is not a readable file", param_hint="PATHS")
    try:
        result = _extract_file(path)
    except AppError as exc:
        raise typer.BadParameter(exc.detail, param_hint="PATHS") from exc
    if format is OutputFormat.json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
    else:
        typer.echo(_summary(result))


def _extract_file(path: Path, knowledge: Knowledge = NOTHING_KNOWN) -> Extraction:
    """Decoded as ``ingest`` decodes files (byte order mark, HTML <meta charset>, else
    UTF-8), so both see the same text."""
    from app.extraction.pipeline import extract

    fmt = FORMATS.get(path.suffix.lower(), "text")
    return extract(decode_body(path.read_bytes(), fmt, ""), fmt=fmt, knowledge=knowledge)


def _extract_batch(paths: list[Path], twice: bool) -> list[dict[str, object]]:
    """One ndjson line per path; with ``twice``, the second reading's."""
    first = [_extract_or_error(path) for path in paths]
    if not twice:
        return [_line(found) for found in first]
    knowledge = Knowledge.from_extractions(f for f in first if isinstance(f, Extraction))
    return [_line(_extract_or_error(path, knowledge)) for path in paths]


def _line(found: Extraction | dict[str, object]) -> dict[str, object]:
    return found.model_dump(mode="json") if isinstance(found, Extraction) else found


def _extract_or_error(
    path: Path, knowledge: Knowledge = NOTHING_KNOWN
) -> Extraction | dict[str, object]:
    """The contract, or the ndjson line saying why this one document could not be read."""
    try:
        return _extract_file(path, knowledge)
    except AppError as exc:
        return {"error": f"{path}: {exc.detail}"}
    except (OSError, ValueError) as exc:
        return {"error": f"{path}: {type(exc).__name__}: {exc}"}


def register(cli: typer.Typer) -> None:
    cli.command("extract")(extract_command)
