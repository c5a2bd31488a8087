"""All runtime settings, read once from ``BROADSHEET_*`` environment variables."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from limits import parse_many
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


_LIMIT_FIELDS = ("rate_limit_reads", "rate_limit_search", "rate_limit_export", "rate_limit_writes")


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
    max_article_items: int = Field(
        default=20_000,
        ge=1,
        description="Quotes and mentions one article may hold; a news article holds hundreds",
    )
    max_extraction_seconds: float = Field(
        default=10,
        ge=0,
        description="Time one article's extraction may take before it is refused; 0: no limit",
    )
    knowledge_ttl_seconds: float = Field(
        default=60,
        ge=0,
        description="How long an API process extracts with one snapshot of the archive "
        "before checking the change feed for news",
    )
    seed_dir: Path = PROJECT_ROOT / "seed"
    shutdown_timeout_seconds: int = Field(
        default=10,
        ge=0,
        description="On SIGTERM, how long requests in flight get to finish before they are cut",
    )
    pool_size: int = Field(default=10, ge=1)
    echo_sql: bool = False
    log_format: Literal["text", "json"] = Field(
        default="text", description="Server log lines as plain text, or one JSON object each"
    )
    export_chunk_size: int = Field(
        default=1000, ge=1, le=100_000, description="Rows read per query by NDJSON/CSV exports"
    )
    sqlite_busy_ms: int = Field(
        default=10_000, ge=0, description="How long a SQLite writer waits for the write lock"
    )
    response_cache_mb: float = Field(
        default=32, ge=0, description="Per-worker memory for cached GET responses; 0 turns it off"
    )
    # NoDecode as for cors_origins: comma-separated. Unset: reads are open to all.
    read_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list, description="Keys of which reads need one in X-API-Key"
    )
    # Off by default: a load test or a single trusted client should not meet a limit it
    # never asked for. Limits count per API key, else per client address.
    rate_limit_enabled: bool = False
    rate_limit_storage: str = Field(
        default="memory://",
        description="memory:// (one process) or redis://host:port/db (shared by all workers)",
    )
    rate_limit_reads: str = "50/second;1000/minute"
    rate_limit_search: str = "10/second;300/minute"
    rate_limit_export: str = "2/second;30/minute"
    rate_limit_writes: str = "10/second;300/minute"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @field_validator("read_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [key.strip() for key in value.split(",") if key.strip()]
        return value

    @field_validator(*_LIMIT_FIELDS)
    @classmethod
    def _check_limits(cls, value: str) -> str:
        parse_many(value)  # "10/second;300/minute": a ValueError names what is wrong
        return value

    @property
    def extraction_limit(self) -> float | None:
        return self.max_extraction_seconds or None

    @property
    def rate_limited(self) -> bool:
        """Limits apply when switched on, or when any limit is set: an operator who sets
        ``BROADSHEET_RATE_LIMIT_READS`` means it to hold."""
        return self.rate_limit_enabled or bool(self.model_fields_set & set(_LIMIT_FIELDS))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
