"""Bulk export of the lists as NDJSON or CSV, streamed in keyset chunks."""
