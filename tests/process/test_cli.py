"""The command line: check-content, screenshots, and the module entry point."""

from __future__ import annotations

import os
from pathlib import Path

from decisionaid.app import Options
from decisionaid.cli import main
from tests.helpers import FIXTURE_CONTENT, run_decisionaid


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
    # _shots asserts the command succeeds with no traceback.
    assert _shots(out, content=content_copy) == STEP_SHOTS
    from PySide6.QtGui import QImage

    image = QImage(str(out / "3-numbers.png"))
    assert (image.width(), image.height()) == (800, 600)


def _shots(out: Path, *args: str, content: Path = FIXTURE_CONTENT) -> list[str]:
    env = dict(os.environ, DECISIONAID_SPEECH_ENGINE="none")
    result = run_decisionaid(
        ["--content", str(content), "screenshots", str(out), *args, "--size", "800x600"], env
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return sorted(p.name for p in out.glob("*.png"))


STEP_SHOTS = [
    "1-welcome.png",
    "2-facts-note.png",
    "2-facts.png",
    "3-numbers.png",
    "4-references.png",
    "5-glossary.png",
]


def _lightness(path: Path, x: int, y: int) -> int:
    from PySide6.QtGui import QImage

    return QImage(str(path)).pixelColor(x, y).lightness()


def test_screenshots_in_kiosk_mode_add_the_welcome_help_and_idle_warnings(tmp_path: Path) -> None:
    names = _shots(tmp_path, "--kiosk", "--high-contrast")
    assert names == [
        *STEP_SHOTS,
        "6-kiosk-welcome.png",
        "7-kiosk-help.png",
        "8-kiosk-idle-warning.png",
        "9-kiosk-idle-warning-over-help.png",
    ]
    assert _lightness(tmp_path / "3-numbers.png", 5, 5) < 60  # high contrast: dark
    # The steps are photographed, not the welcome screen that covers them when a kiosk starts.
    from PySide6.QtGui import QImage

    first = QImage(str(tmp_path / "1-welcome.png"))
    welcome = QImage(str(tmp_path / "6-kiosk-welcome.png"))
    warning = QImage(str(tmp_path / "8-kiosk-idle-warning.png"))
    over_help = QImage(str(tmp_path / "9-kiosk-idle-warning-over-help.png"))
    assert first != welcome and welcome != warning and warning != over_help


def test_screenshots_in_counsellor_mode_add_the_index_and_presenter_view(tmp_path: Path) -> None:
    names = _shots(tmp_path, "--counsellor")
    assert names == [
        *STEP_SHOTS,
        "6-counsellor-index.png",
        "7-counsellor-presenter-view.png",
    ]
    from PySide6.QtGui import QImage

    presenter = QImage(str(tmp_path / "7-counsellor-presenter-view.png"))
    assert (presenter.width(), presenter.height()) == (800, 600)
    assert presenter != QImage(str(tmp_path / "1-welcome.png"))


def test_screenshots_show_a_wrapped_title_whole_at_200_percent(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    """Each picture is taken once the layout has settled: the long step title, wrapped onto
    two lines at 200%, is not cut off."""
    from PySide6.QtWidgets import QLabel

    from decisionaid import screenshots
    from decisionaid.paths import content_dir

    monkeypatch.setenv("DECISIONAID_SPEECH_ENGINE", "none")
    seen: dict[str, tuple[int, int]] = {}
    grab = screenshots._grab

    def checking_grab(widget, path: Path) -> Path:  # type: ignore[no-untyped-def]
        written = grab(widget, path)
        title = widget.findChild(QLabel, "stepTitle")
        if title is not None:
            seen[path.name] = (title.height(), title.heightForWidth(title.width()))
        return written

    monkeypatch.setattr(screenshots, "_grab", checking_grab)
    screenshots.take_screenshots(
        Options(content=content_dir("en")), tmp_path, (1280, 800), scale=200
    )
    height, needed = seen["04-proven-treatments-note.png"]
    assert needed > 0 and height >= needed, (height, needed)
    cut = {name: hw for name, hw in seen.items() if hw[0] < hw[1]}
    assert not cut, cut


def test_kiosk_and_counsellor_together_are_a_usage_error(tmp_path: Path) -> None:
    assert main(["--kiosk", "screenshots", str(tmp_path), "--counsellor"]) == 2


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
