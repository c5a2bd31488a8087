"""Mentions: where each entity appears, across the archive."""
