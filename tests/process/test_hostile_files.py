"""Files that are not what they claim: a named pipe, /dev/zero, a link out of the content folder.

Each used to hang start-up or check-content for ever (a pipe blocks the read, /dev/zero never
ends). Every one must now be refused before a byte is read, with a `path:line` message, and the
app must start and finish its probe. Each run is a fresh process with a time limit, so a hang
fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import FIXTURE_CONTENT, run_decisionaid

# Far above what these take (a second or two) and far below "for ever".
TIME_LIMIT_S = 90

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return run_decisionaid(args, timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"decisionaid {' '.join(args)} was still running after {TIME_LIMIT_S} s")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content" / "en"
    shutil.copytree(FIXTURE_CONTENT, root)
    return root


def _fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def _link(path: Path, target: str) -> Path:
    path.unlink(missing_ok=True)
    path.symlink_to(target)
    return path


@needs_fifo
@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("glossary.toml", "glossary file"),
        ("references.toml", "references file"),
        ("crisis.toml", "crisis lines file"),
        ("guide.toml", "guide manifest"),
        ("pages/facts.md", "page"),
    ],
)
def test_a_named_pipe_in_the_content_is_refused_not_waited_on(
    content: Path, name: str, what: str
) -> None:
    pipe = _fifo(content / name)
    result = _run(["check-content", str(content), "--quiet"])
    assert result.returncode == 1
    assert f"{pipe}:1: {what} is a named pipe, not a regular file; it is not read" in result.stdout


@needs_fifo
def test_the_app_starts_past_a_named_pipe_in_its_content(content: Path) -> None:
    # The personal mode's guide cache reads every content file for its key: that read too.
    _fifo(content / "glossary.toml")
    result = _run(["--content", str(content), "--startup-probe"])
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["references.toml", "glossary.toml", "crisis.toml"])
def test_a_link_to_dev_zero_is_refused_before_reading(content: Path, name: str) -> None:
    link = _link(content / name, "/dev/zero")
    result = _run(["check-content", str(content), "--quiet"])
    assert result.returncode == 1
    assert f"{link}:1: " in result.stdout
    assert "/dev/zero, outside the content folder; it is not read" in result.stdout


def test_a_link_to_a_regular_file_outside_the_content_is_refused(
    content: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.toml"
    shutil.copy(content / "glossary.toml", outside)
    link = _link(content / "glossary.toml", str(outside))
    result = _run(["check-content", str(content), "--quiet"])
    assert f"{link}:1: glossary file leads to {outside}, outside the content folder" in (
        result.stdout
    )


def test_a_link_inside_the_content_folder_is_still_read(content: Path) -> None:
    (content / "terms.toml").write_bytes((content / "glossary.toml").read_bytes())
    _link(content / "glossary.toml", "terms.toml")
    result = _run(["check-content", str(content), "--quiet"])
    assert "glossary file" not in result.stdout


@needs_fifo
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_configuration_that_is_a_pipe_or_a_device_is_refused(
    content: Path, tmp_path: Path, kind: str
) -> None:
    config = tmp_path / "clinic.toml"
    if kind == "fifo":
        _fifo(config)
        expected = "configuration file is a named pipe, not a regular file; it is not read"
    else:
        _link(config, "/dev/zero")
        expected = "configuration file is a device, not a regular file; it is not read"
    result = _run(["--config", str(config), "--content", str(content), "--startup-probe"])
    assert result.returncode == 0, result.stderr
    assert f"{config}:1: {expected}" in result.stderr


def test_an_oversized_data_file_is_refused_with_its_size(content: Path) -> None:
    big = content / "references.toml"
    big.write_text("# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    result = _run(["check-content", str(content), "--quiet"])
    assert f"{big}:1: references file is 3073 KiB; the limit is 2048 KiB" in result.stdout
