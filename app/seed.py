"""Loading the articles shipped in ``seed/`` into an empty database."""

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.ingest import ingest, ingest_extraction
from app.articles.models import Article
from app.extraction import Extraction

# A seed article may carry a hand-checked extraction beside it; it wins over the extractor.
SIDECAR_SUFFIX = ".extraction.json"
SIDECAR_VERSION = "hand-annotated"


def _ingest_one(session: Session, path: Path) -> bool:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.exists():
        extraction = Extraction.model_validate_json(sidecar.read_text(encoding="utf-8"))
        return ingest_extraction(session, extraction, SIDECAR_VERSION).created
    return ingest(session, path.read_text(encoding="utf-8"), "text").created


def load_seed(engine: Engine, seed_dir: Path) -> int:
    """Store every seed article not stored yet, through the ingest path; returns how many."""
    added = 0
    for path in sorted(seed_dir.glob("*.txt")):
        with Session(engine) as session:
            added += _ingest_one(session, path)
    return added


def is_empty(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one() == 0
