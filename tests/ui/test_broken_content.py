"""Damaged copies of the content folder: staff get `path:line: message`, readers get a calm guide.

Each damage is applied to a copy of the small test guide and to a copy of the app's real content.
check-content must name the problem and fail; the window, the start-up probe and `screenshots`
must still start, show every step that is intact, and show the calm notice where one is broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from decisionaid.cli import main
from decisionaid.core.content import load_guide
from decisionaid.paths import content_dir
from tests.helpers import FIXTURE_CONTENT, run_decisionaid

SOURCES = {"fixture": FIXTURE_CONTENT, "app": content_dir("en")}
NOTICE = "This part is not available right now."
EMPTY_GUIDE = "This guide is not available right now"


@dataclass(frozen=True)
class Expected:
    path: Path
    line: int
    message: str
    broken_step: str = ""  # the step that must show the notice instead of its page
    empty_guide: bool = False  # nothing in guide.toml is usable


def _page_step(root: Path) -> tuple[str, Path]:
    """A page step that is not the first one, so the window's opening step stays intact."""
    pages = [s for s in load_guide(root).steps if s.kind == "page" and s.page is not None]
    step = pages[1] if len(pages) > 1 else pages[0]
    assert step.page is not None
    return step.id, step.page.path


def _append(path: Path, text: str) -> int:
    """Add lines at the end of a file; return the line number of the first added line."""
    old = path.read_text(encoding="utf-8")
    if not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text + "\n", encoding="utf-8")
    return old.count("\n") + 1


def missing_page(root: Path) -> Expected:
    step, page = _page_step(root)
    page.unlink()
    return Expected(page, 1, "page is missing", step)


def invalid_utf8(root: Path) -> Expected:
    step, page = _page_step(root)
    line = _append(page, "placeholder")
    page.write_bytes(page.read_bytes().replace(b"placeholder", b"bad \xff byte"))
    return Expected(page, line, "page is not valid UTF-8", step)


def unterminated_front_matter(root: Path) -> Expected:
    step, page = _page_step(root)
    lines = page.read_text(encoding="utf-8").split("\n")
    closing = lines.index("+++", 1)
    page.write_text("\n".join(lines[:closing] + lines[closing + 1 :]), encoding="utf-8")
    return Expected(page, 1, "front matter is not closed: no second '+++' line", step)


def unknown_citation(root: Path) -> Expected:
    _, page = _page_step(root)
    line = _append(page, "A claim with no source [@no-such-source].")
    return Expected(page, line, "unknown citation key 'no-such-source'")


def broken_internal_link(root: Path) -> Expected:
    _, page = _page_step(root)
    line = _append(page, "Read [the other part](step:no-such-step).")
    return Expected(page, line, "link to unknown step 'no-such-step'")


def remote_image_and_script(root: Path) -> Expected:
    _, page = _page_step(root)
    line = _append(
        page, '<img src="https://tracker.example/p.gif"><script>alert("hi")</script> after.'
    )
    return Expected(page, line, "raw HTML is not allowed; it is shown as text")


def remote_resource(root: Path) -> Expected:
    _, page = _page_step(root)
    line = _append(page, '<img src="https://tracker.example/p.gif">')
    return Expected(page, line, "a remote or file: resource is not allowed")


def file_link(root: Path) -> Expected:
    _, page = _page_step(root)
    line = _append(page, "See [this file](file:///etc/passwd).")
    return Expected(page, line, "file: links are not allowed: 'file:///etc/passwd'")


def huge_page(root: Path) -> Expected:
    step, page = _page_step(root)
    head = page.read_text(encoding="utf-8")
    filler = "All work and no play makes a very long page. " * 20 + "\n\n"
    page.write_text(head + filler * (5 * 1024 * 1024 // len(filler)), encoding="utf-8")
    return Expected(page, 1, "page is 5", step)  # "page is 5xxx KiB; the limit is ..."


def empty_guide(root: Path) -> Expected:
    (root / "guide.toml").write_text("", encoding="utf-8")
    return Expected(root / "guide.toml", 1, "guide.toml lists no [[steps]]", empty_guide=True)


def malformed_guide(root: Path) -> Expected:
    (root / "guide.toml").write_text('title = "Guide"\n\n[[steps]\nid = "x"\n', encoding="utf-8")
    return Expected(root / "guide.toml", 3, "invalid TOML", empty_guide=True)


def step_listed_twice(root: Path) -> Expected:
    step, page = _page_step(root)
    manifest = root / "guide.toml"
    file = page.relative_to(root).as_posix()
    line = _append(manifest, f'[[steps]]\nid = "{step}"\nkind = "page"\nfile = "{file}"')
    return Expected(manifest, line + 1, f"step '{step}' is listed twice; the second is skipped")


def page_outside_content(root: Path) -> Expected:
    step, page = _page_step(root)
    manifest = root / "guide.toml"
    text = manifest.read_text(encoding="utf-8")
    old = f'file = "{page.relative_to(root).as_posix()}"'
    assert old in text
    manifest.write_text(text.replace(old, 'file = "../../../../../../etc/hostname"'), "utf-8")
    line = next(i for i, t in enumerate(text.split("\n"), 1) if f'"{step}"' in t)
    return Expected(
        manifest, line, "page file '../../../../../../etc/hostname' must be inside", step
    )


DAMAGES: dict[str, Callable[[Path], Expected]] = {
    f.__name__: f
    for f in (
        missing_page,
        invalid_utf8,
        unterminated_front_matter,
        unknown_citation,
        broken_internal_link,
        remote_image_and_script,
        remote_resource,
        file_link,
        huge_page,
        empty_guide,
        malformed_guide,
        step_listed_twice,
        page_outside_content,
    )
}


def _copy(source: str, where: Path) -> Path:
    target = where / source / "en"
    shutil.copytree(SOURCES[source], target)
    return target


def _diagnostic_lines(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check-content", str(root), "--quiet"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out.splitlines()


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_check_content_names_the_problem_and_fails(
    source: str, damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(source, tmp_path)
    expected = DAMAGES[damage](root)
    code, lines = _diagnostic_lines(root, capsys)
    assert code == 1
    prefix = f"{expected.path}:{expected.line}: "
    hits = [line for line in lines if line.startswith(prefix) and expected.message in line]
    assert hits, f"no '{prefix}...{expected.message}...' in:\n" + "\n".join(lines)


# -- what the reader sees ---------------------------------------------------------------------

_pristine: dict[str, dict[str, bool]] = {}


def _shown(window) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    """Step id -> True where the step shows the calm notice, visiting each as a reader would."""
    from decisionaid.ui.steps.page_step import UnavailableStep

    shown = {}
    for index, step in enumerate(window.guide.steps):
        window.go_to(index)
        widget = window.current_widget()
        assert widget is not None and widget.isVisible()
        unavailable = isinstance(widget, UnavailableStep)
        if unavailable:
            assert widget.text_for_reading() == NOTICE
        shown[step.id] = unavailable
    return shown


def _pristine_view(qtbot, source: str, tmp_path: Path) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    from tests.helpers import make_window

    if source not in _pristine:
        window = make_window(qtbot, _copy(source, tmp_path / "pristine"))
        _pristine[source] = _shown(window)
        window.close()
    return _pristine[source]


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_window_shows_every_intact_step_and_a_calm_notice_for_the_broken_one(
    qtbot, source: str, damage: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers import make_window

    before = _pristine_view(qtbot, source, tmp_path)
    root = _copy(source, tmp_path)
    expected = DAMAGES[damage](root)
    window = make_window(qtbot, root)
    if expected.empty_guide:
        assert window.step_title.text() == EMPTY_GUIDE
        assert not window.next_button.isEnabled()
        window.toggle_help()
        assert window.help_panel.isVisible(), "help must work even with no guide"
    else:
        after = _shown(window)
        assert list(after) == list(before)
        wanted = {sid: was or sid == expected.broken_step for sid, was in before.items()}
        assert after == wanted
        if expected.broken_step:
            window.navigate_to(expected.broken_step)
            assert window.current_widget().text_for_reading() == NOTICE
    assert "Traceback" not in capfd.readouterr().err


def test_hostile_markup_reaches_the_reader_only_as_text(qtbot, tmp_path: Path) -> None:
    from tests.helpers import make_window

    root = _copy("fixture", tmp_path)
    remote_image_and_script(root)
    window = make_window(qtbot, root)
    step, _ = _page_step(root)
    window.navigate_to(step)
    widget = window.current_widget()
    if getattr(widget, "showing_note", False):
        widget.reveal()
    text = widget.text_for_reading()
    assert '<script>alert("hi")</script> after.' in text
    html = widget.view.document().toHtml()
    assert "<script" not in html and 'tracker.example/p.gif"' not in html


# -- the real program, started as staff would start it ----------------------------------------


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return run_decisionaid(args)


def _start_all(
    source: str, damages: list[str], tmp_path: Path, screenshots: bool
) -> list[tuple[str, Expected, list[str], Path, list[subprocess.CompletedProcess[str]]]]:
    """Apply each damage to its own copy and start the app on each, side by side."""
    jobs = []
    for name in damages:
        root = _copy(source, tmp_path / name)
        expected = DAMAGES[name](root)
        jobs.append((name, root, expected, [s.id for s in load_guide(root).steps]))

    def run_one(job):  # type: ignore[no-untyped-def]
        name, root, _, _ = job
        runs = [_run(["--content", str(root), "--startup-probe"])]
        if screenshots:
            shots = tmp_path / name / "shots"
            runs.append(
                _run(["--content", str(root), "screenshots", str(shots), "--size", "900x700"])
            )
        return runs

    with ThreadPoolExecutor(max(2, min(8, os.cpu_count() or 2))) as pool:
        results = list(pool.map(run_one, jobs))
    return [
        (name, expected, steps, tmp_path / name / "shots", runs)
        for (name, _, expected, steps), runs in zip(jobs, results, strict=True)
    ]


def _assert_started(name: str, runs: list[subprocess.CompletedProcess[str]]) -> None:
    for result in runs:
        what = " ".join(result.args[3:])
        assert result.returncode == 0, f"{name}: {what} failed:\n{result.stderr}"
        assert "Traceback" not in result.stderr, f"{name}: {what}:\n{result.stderr}"


def _assert_every_step_pictured(name: str, steps: list[str], shots: Path) -> None:
    pictures = {p.name for p in shots.glob("*.png")}
    width = len(str(len(steps)))
    missing = [s for i, s in enumerate(steps) if f"{i + 1:0{width}d}-{s}.png" not in pictures]
    assert missing == [], f"{name}: no screenshot of {missing}"


@pytest.mark.parametrize("source", ["fixture", pytest.param("app", marks=pytest.mark.slow)])
def test_app_starts_on_every_damaged_folder(source: str, tmp_path: Path) -> None:
    for name, _, _, _, runs in _start_all(source, sorted(DAMAGES), tmp_path, screenshots=False):
        _assert_started(name, runs)


@pytest.mark.parametrize(
    ("source", "damages"),
    [("fixture", ["huge_page", "missing_page", "empty_guide"]), ("app", ["missing_page"])],
)
def test_screenshots_picture_every_step_of_a_damaged_guide(
    source: str, damages: list[str], tmp_path: Path
) -> None:
    for name, expected, steps, shots, runs in _start_all(source, damages, tmp_path, True):
        _assert_started(name, runs)
        _assert_every_step_pictured(name, steps, shots)
        assert (steps == []) is expected.empty_guide


@pytest.mark.slow
@pytest.mark.parametrize("source", sorted(SOURCES))
def test_screenshots_on_every_damaged_folder(source: str, tmp_path: Path) -> None:
    for name, _, steps, shots, runs in _start_all(source, sorted(DAMAGES), tmp_path, True):
        _assert_started(name, runs)
        _assert_every_step_pictured(name, steps, shots)
