"""An optional compiled module older than its source is found, so it is never run."""

import os
from pathlib import Path

from app.extraction import stale_extensions

EXTENSION = "linking.cpython-311-x86_64-linux-gnu.so"


def _files(folder: Path, source_time: int, extension_time: int) -> None:
    for name, when in (("linking.py", source_time), (EXTENSION, extension_time)):
        (folder / name).write_text("")
        os.utime(folder / name, (when, when))


def test_an_extension_older_than_its_source_is_stale(tmp_path: Path) -> None:
    _files(tmp_path, source_time=2_000, extension_time=1_000)
    assert stale_extensions(tmp_path) == ["linking.py"]


def test_an_extension_built_after_its_source_is_not(tmp_path: Path) -> None:
    _files(tmp_path, source_time=1_000, extension_time=2_000)
    (tmp_path / "compiled__mypyc.cpython-311-x86_64-linux-gnu.so").write_text("")
    assert stale_extensions(tmp_path) == []


def test_the_sources_as_checked_out_have_no_stale_extension() -> None:
    assert stale_extensions() == []
