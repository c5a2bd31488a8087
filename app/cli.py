"""The ``broadsheet`` command line."""

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from app.extraction import Extraction
from app.extraction.pipeline import InputFormat, extract

cli = typer.Typer(
    help="Broadsheet: news articles as structured, searchable knowledge.",
    no_args_is_help=True,
)


@cli.callback()
def _root() -> None:
    """Keep sub-commands as sub-commands even while there is only one."""


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def detect_format(path: Path) -> InputFormat:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".html", ".htm"}:
        return "html"
    return "text"


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


@cli.command("extract")
def extract_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.json,
) -> None:
    """Print what extraction finds in one article, without touching the database."""
    result = extract(path.read_text(encoding="utf-8"), fmt=detect_format(path))
    if format is OutputFormat.json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
    else:
        typer.echo(_summary(result))


def main() -> None:
    cli()
