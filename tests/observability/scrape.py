"""Reading ``/metrics`` as Prometheus does, with the client library's own parser."""

from typing import Any

from prometheus_client.parser import text_string_to_metric_families


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of an exposition, keyed by name and labels."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(text: str, name: str, **labels: Any) -> float:
    """The sample's value; 0 when it is not listed yet (no event so far)."""
    key = (name, frozenset((k, str(v)) for k, v in labels.items()))
    return samples(text).get(key, 0.0)


def total(text: str, name: str, **labels: Any) -> float:
    """The sum over every sample of ``name`` whose labels include ``labels``."""
    wanted = {(k, str(v)) for k, v in labels.items()}
    return sum(v for (n, given), v in samples(text).items() if n == name and wanted <= given)
