"""A whole re-extraction: the knowledge snapshot read once, the selected articles extracted
in worker processes, and each batch written in its own short transaction."""

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session

from app.articles.ingest import Limits
from app.errors import AppError
from app.extraction import Extraction
from app.extraction.knowledge import Knowledge
from app.knowledge.snapshot import load_snapshot
from app.reextraction import redirects, selection
from app.reextraction.apply import Applied, apply_batch
from app.reextraction.workers import Found, extract_batches
from app.writes import write
from app.writes.transaction import driver_message


@dataclass
class Summary:
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    # Deleted while the run went on: nothing left to re-extract.
    vanished: int = 0
    created: int = 0
    merged: int = 0
    orphaned: int = 0
    gone: list[int] = field(default_factory=list)  # the orphaned entities' ids
    failures: list[tuple[int, str]] = field(default_factory=list)  # (article id, why)

    def add(self, applied: Applied) -> None:
        self.changed += len(applied.changed)
        self.unchanged += len(applied.unchanged)
        self.vanished += len(applied.vanished)
        self.created += applied.created
        self.merged += applied.merged
        self.orphaned += len(applied.gone)
        self.gone += applied.gone

    def fail(self, article_ids: list[int], why: str) -> None:
        self.failed += len(article_ids)
        self.failures += [(article_id, why) for article_id in article_ids]


@dataclass(frozen=True)
class Plan:
    selection: selection.Selection
    version: str
    batch_size: int = 50
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)


Progress = Callable[[int], None]  # called with the number of articles just done


def prepare(
    engine: Engine, chosen: selection.Selection
) -> tuple[selection.Clauses, int, Knowledge]:
    """The selection's clauses, how many articles it holds, and the knowledge snapshot; one
    read. Raises ``InvalidInput`` for an unknown section or entity."""
    with Session(engine) as session:
        clauses = chosen.clauses(session)
        return clauses, selection.count(session, clauses), load_snapshot(session)


def run(engine: Engine, plan: Plan, progress: Progress = lambda _: None) -> Summary:
    clauses, _, knowledge = prepare(engine, plan.selection)
    return run_prepared(engine, plan, clauses, knowledge, progress)


def run_prepared(
    engine: Engine,
    plan: Plan,
    clauses: selection.Clauses,
    knowledge: Knowledge,
    progress: Progress = lambda _: None,
) -> Summary:
    summary = Summary()
    stored = selection.batches(engine, clauses, plan.batch_size)
    for batch in extract_batches(stored, plan.jobs, plan.limits, knowledge):
        found: dict[int, Extraction] = {}
        for article, outcome in batch:
            if isinstance(outcome, Found):
                found[article.id] = _extraction(article, outcome)
            else:
                summary.fail([article.id], outcome)
        if found:
            _write(engine, found, plan.version, summary)
        progress(len(batch))
    # An entity gone in one batch may have a successor by a later one.
    if summary.gone:
        with Session(engine) as session:
            late = write(session, redirects.revisit, summary.gone)
        summary.merged += late
        summary.orphaned -= late
    return summary


def _extraction(article: selection.Stored, found: Found) -> Extraction:
    # The body and its subheadings are the stored ones: only what is found in it changes.
    return Extraction(
        body=article.body, sections=article.sections, entities=found.entities, quotes=found.quotes
    )


def _write(engine: Engine, found: dict[int, Extraction], version: str, summary: Summary) -> None:
    with Session(engine) as session:
        try:
            summary.add(apply_batch(session, found, version))
            return
        except AppError as exc:
            why = exc.detail
        except DBAPIError as exc:
            why = f"database error: {driver_message(exc)}"
        except SQLAlchemyError as exc:
            why = f"database error: {type(exc).__name__}: {exc}"
    summary.fail(sorted(found), why)
