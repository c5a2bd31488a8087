"""Closed word classes, written as plain space-separated text to stay readable."""


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())
