"""All runtime settings, read once from ``BROADSHEET_*`` environment variables."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BROADSHEET_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./broadsheet.db",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db",
    )
    # NoDecode: a comma-separated list reads more naturally in an env var than JSON.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["*"])
    api_key: SecretStr | None = Field(default=None, description="Key for write endpoints")
    max_article_bytes: int = Field(default=2_000_000, ge=1)
    seed_dir: Path = PROJECT_ROOT / "seed"
    pool_size: int = Field(default=10, ge=1)
    echo_sql: bool = False
    response_cache_mb: float = Field(
        default=32, ge=0, description="Per-worker memory for cached GET responses; 0 turns it off"
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
