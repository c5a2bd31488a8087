"""Re-extraction writes through real, committed transactions on a scratch database of each
backend, as the race tests do."""

from tests.writes.conftest import race_engine, race_settings

__all__ = ["race_engine", "race_settings"]
