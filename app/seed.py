"""Loading the articles shipped in ``seed/`` into an empty database."""

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.articles.models import Article
from app.articles.writer import find_existing, store_extraction
from app.extraction import Extraction

# A seed article may carry a hand-checked extraction beside it; it wins over the extractor.
SIDECAR_SUFFIX = ".extraction.json"
SIDECAR_VERSION = "hand-annotated"


def _extraction(path: Path) -> tuple[Extraction, str]:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.exists():
        return Extraction.model_validate_json(sidecar.read_text(encoding="utf-8")), SIDECAR_VERSION
    from app.extraction.pipeline import EXTRACTOR_VERSION, extract

    return extract(path.read_text(encoding="utf-8")), EXTRACTOR_VERSION


def load_seed(engine: Engine, seed_dir: Path) -> int:
    """Store every seed article not stored yet; returns how many were added."""
    added = 0
    for path in sorted(seed_dir.glob("*.txt")):
        extraction, version = _extraction(path)
        with Session(engine) as session:
            if find_existing(session, extraction) is None:
                store_extraction(session, extraction, version)
                session.commit()
                added += 1
    return added


def is_empty(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one() == 0
