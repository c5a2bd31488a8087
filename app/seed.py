"""Loading the articles shipped in ``seed/`` into an empty database."""

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.models import Article
from app.articles.sources import FORMATS


def _ingest_one(session: Session, path: Path) -> bool:
    # Here, not at the top: `serve` asks is_empty on every start, extraction is for an empty one
    from app.articles.ingest import ingest

    fmt = FORMATS.get(path.suffix.lower(), "text")
    return ingest(session, path.read_text(encoding="utf-8"), fmt).created


def load_seed(engine: Engine, seed_dir: Path) -> int:
    """Extract and store every seed article not stored yet; returns how many were added."""
    added = 0
    for path in sorted(p for p in seed_dir.iterdir() if p.suffix.lower() in FORMATS):
        with Session(engine) as session:
            added += _ingest_one(session, path)
    return added


def is_empty(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one() == 0
