"""The command line: check-content, screenshots, and the module entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from decisionaid.cli import main
from tests.conftest import FIXTURE_CONTENT


def test_check_content_is_clean_on_good_content(capsys) -> None:
    assert main(["check-content", str(FIXTURE_CONTENT)]) == 0


def test_check_content_prints_diagnostics_and_fails(capsys, content_copy: Path) -> None:
    (content_copy / "pages" / "numbers.md").unlink()
    assert main(["check-content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert f"{content_copy / 'pages' / 'numbers.md'}:1: page is missing" in out


def test_the_apps_own_content_is_clean(capsys) -> None:
    code = main(["check-content"])
    out = capsys.readouterr().out
    assert code == 0, out


def test_screenshots_writes_one_png_per_step_named_after_it(
    tmp_path: Path, content_copy: Path
) -> None:
    (content_copy / "pages" / "numbers.md").write_text("no front matter", encoding="utf-8")
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "decisionaid",
            "--content",
            str(content_copy),
            "screenshots",
            str(out),
            "--size",
            "800x600",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "1-welcome.png",
        "2-facts-note.png",
        "2-facts.png",
        "3-numbers.png",
        "4-references.png",
        "5-glossary.png",
    ]
    from PySide6.QtGui import QImage

    image = QImage(str(out / "3-numbers.png"))
    assert (image.width(), image.height()) == (800, 600)


def test_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["screenshots", str(tmp_path), "--size", "big"]) == 2


def test_a_launch_with_window_flags_alone_gets_what_argparse_would_give() -> None:
    import itertools

    from decisionaid.cli import _options, _parser, window_flags_only

    flags = ["--kiosk", "--counsellor", "--startup-probe", "--startup-probe"]
    lines = [list(line) for n in range(4) for line in itertools.permutations(flags, n)]
    for argv in lines:
        quick = window_flags_only(argv)
        if "--kiosk" in argv and "--counsellor" in argv:
            assert quick is None  # argparse reports the clash
        else:
            assert quick == _options(_parser().parse_args(argv)), argv
    for argv in (["--kiosk", "check-content"], ["--locale", "en"], ["--kio"], ["--help"], ["-h"]):
        assert window_flags_only(argv) is None
