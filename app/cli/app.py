"""The typer application every command module registers on."""

import typer

cli = typer.Typer(
    help="Broadsheet: news articles as structured, searchable knowledge.",
    no_args_is_help=True,
)


@cli.callback()
def _root() -> None:
    """Keep sub-commands as sub-commands even while there is only one."""
