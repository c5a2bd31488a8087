"""The ``broadsheet`` command line: one module per command group, registered here."""

from app.cli import admin, export, extract, ingest
from app.cli import reextract as reextraction
from app.cli.app import cli

for module in (extract, ingest, reextraction, export, admin):
    module.register(cli)


def main() -> None:
    cli()


__all__ = ["cli", "main"]
