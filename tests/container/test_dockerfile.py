"""The Dockerfile, checked outside Docker (no engine here): pinned images, and its uv sync,
CMD and HEALTHCHECK run as the image would run them (see check_dockerfile)."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.container.check_dockerfile import (
    PROJECT,
    CheckFailed,
    Image,
    Sandbox,
    build,
    free_port,
    parse,
    serve_and_probe,
)

DOCKERFILE = (PROJECT / "Dockerfile").read_text()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The image's uv environment and files, built once for the module."""
    root = tmp_path_factory.mktemp("image")
    build(parse(DOCKERFILE), Sandbox(parse(DOCKERFILE), root, 0))
    yield root


def sandbox(image: Image, root: Path) -> Sandbox:
    return Sandbox(image, root, free_port())


def test_images_are_pinned_to_exact_versions() -> None:
    image = parse(DOCKERFILE)
    assert image.froms
    for name in image.froms:
        assert re.search(r":\d+\.\d+\.\d+[\w.-]*$|@sha256:[0-9a-f]{64}$", name), name


def test_the_command_serves_and_its_health_check_sees_it(built: Path) -> None:
    image = parse(DOCKERFILE)
    serve_and_probe(image, sandbox(image, built))  # stopped again, the check must fail


def test_a_broken_command_fails_the_check(built: Path) -> None:
    image = parse(DOCKERFILE.replace('CMD ["broadsheet", "serve"', 'CMD ["broadsheet", "srve"'))
    with pytest.raises(CheckFailed, match="never passed"):
        serve_and_probe(image, sandbox(image, built))


def test_a_broken_health_check_fails_the_check(built: Path) -> None:
    broken = DOCKERFILE.replace("8000/health'", "8000/healthz'")
    assert broken != DOCKERFILE
    image = parse(broken)
    with pytest.raises(CheckFailed, match="never passed"):
        serve_and_probe(image, sandbox(image, built))
