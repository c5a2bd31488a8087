"""Publication dates as scrapers leave them: a line of its own in many spellings."""

import re
import warnings
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as date_parser
from dateutil.tz import tzoffset

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?"
)
_ZONES = r"utc|gmt|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|z"
_LABELS = r"published|posted|updated|last updated|date|on|at|first published"

# Every word of a date line must be one of these: a line that merely mentions a date
# ("Talks resume on 6 December 2021") is prose, not metadata.
_DATE_TOKEN = re.compile(
    rf"(?:{_MONTHS}|{_WEEKDAYS}|{_ZONES}|{_LABELS}|[ap]\.?m\.?|\d{{1,4}}(?:st|nd|rd|th)?"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[:.]\d{2}(?::\d{2})?|\d{1,2}/\d{1,2}/\d{2,4}|[+-]\d{2}:?\d{2})\.?",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s,|/\-–—:()]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)")
_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_DAY_OR_YEAR = re.compile(r"(?<![\d:.])\d{1,4}(?:st|nd|rd|th)?(?![\d:.])", re.IGNORECASE)
_LABEL_PREFIX = re.compile(rf"^(?:{_LABELS})\b\s*:?\s*", re.IGNORECASE)

_HOUR = 3600
_TZINFOS = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "BST": _HOUR,
    "CET": _HOUR,
    "CEST": 2 * _HOUR,
    "EST": -5 * _HOUR,
    "EDT": -4 * _HOUR,
    "ET": -5 * _HOUR,
    "CST": -6 * _HOUR,
    "CDT": -5 * _HOUR,
    "MST": -7 * _HOUR,
    "MDT": -6 * _HOUR,
    "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR,
    "PT": -8 * _HOUR,
}
_MAX_LINE = 80


def looks_like_date_line(line: str) -> bool:
    """True when the whole line is a date (with optional weekday, time and label)."""
    text = _LABEL_PREFIX.sub("", line.strip()).strip()
    if not text or len(text) > _MAX_LINE or not _YEAR.search(text):
        return False
    if _ISO.match(text):
        return True
    words = [w for w in _SEPARATORS.split(text) if w]
    if not all(_DATE_TOKEN.fullmatch(w) for w in words):
        return False
    # A month and year alone ("May 2021") is a period, not a publication date.
    return bool(_NUMERIC_DATE.search(text)) or len(_DAY_OR_YEAR.findall(text)) >= 2


def parse_date(text: str) -> date | datetime | None:
    """A date when the text gives no time of day, else a datetime; None when unreadable
    or when its instant cannot be stored (outside years 1-9999 in UTC)."""
    found = _parse(text)
    if isinstance(found, datetime) and found.tzinfo is not None:
        try:
            found.astimezone(UTC)
        except OverflowError:
            return None
    return found


def _parse(text: str) -> date | datetime | None:
    text = _LABEL_PREFIX.sub("", text.strip()).strip()
    if _ISO.match(text):
        return _parse_iso(text)
    cleaned = _MERIDIEM.sub(r"\1m", _DOTTED_TIME.sub(r"\1:\2", text))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = date_parser.parse(cleaned, tzinfos=_tz_for, default=_MIDNIGHT)
    except (ValueError, OverflowError):
        return None
    if not _has_time(cleaned):
        return parsed.date()
    return parsed


def parse_date_line(line: str) -> date | datetime | None:
    """Parse a line only when it is a date line (see ``looks_like_date_line``)."""
    return parse_date(line) if looks_like_date_line(line) else None


_MIDNIGHT = datetime(2000, 1, 1)
_TIME = re.compile(r"\d{1,2}:\d{2}|\d\s*[ap]m\b", re.IGNORECASE)


def _has_time(text: str) -> bool:
    return bool(_TIME.search(text))


def _tz_for(name: str | None, offset: int | None) -> tzoffset | None:
    seconds = _TZINFOS.get((name or "").upper()) if offset is None else offset
    return None if seconds is None else tzoffset(name, seconds)


def _parse_iso(text: str) -> date | datetime | None:
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is not None and value.utcoffset() == timedelta(0):
        value = value.replace(tzinfo=UTC)
    return value
