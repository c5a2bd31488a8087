"""Log lines as plain text or as one JSON object each (``BROADSHEET_LOG_FORMAT=json``)."""

import json
import logging
from datetime import UTC, datetime
from typing import Any, Literal

LogFormat = Literal["text", "json"]

# Attributes every record has; anything else on a record came as ``extra=`` and is a field.
_RECORD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",  # uvicorn's coloured copy of the message
}


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", …extra fields}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _RECORD_ATTRIBUTES:
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def log_config(fmt: LogFormat, requests: bool = True) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for uvicorn's ``log_config``, so each worker process
    applies it: uvicorn's own lines and the application's share one format, request lines
    (``app.requests``) go to stdout, the rest to stderr."""
    formatter = (
        {"()": "app.observability.logs.JsonFormatter"}
        if fmt == "json"
        else {"()": "uvicorn.logging.DefaultFormatter", "fmt": "%(levelprefix)s %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "line",
                "stream": "ext://sys.stderr",
            },
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "line",
                "stream": "ext://sys.stdout",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
            "uvicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
            "app": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "app.requests": {
                "handlers": ["stdout"],
                "level": "INFO" if requests else "WARNING",
                "propagate": False,
            },
        },
    }
