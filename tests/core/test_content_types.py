"""A value of the wrong type is named with its field and line, never quietly turned into text.

`title = 12345` used to become the title "12345"; `file = 42` was reported as a missing page
"42"; `action = true` in a clinic's crisis line was shown to readers as "True". The
configuration's crisis lines are capped, and its one-line texts stay on one line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from decisionaid.core.config import load_config
from decisionaid.core.content import load_guide
from decisionaid.core.crisis_file import MAX_CRISIS_LINES
from tests.helpers import FIXTURE_CONTENT, make_window


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content" / "en"
    shutil.copytree(FIXTURE_CONTENT, root)
    return root


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == text)


def _problems(root: Path) -> list[str]:
    return [str(d) for d in load_guide(root).diagnostics.items]


def _replace(path: Path, old: str, new: str) -> int:
    """Put `new` where `old` first is; return its line."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return _line_of(path, new)


def test_a_number_for_a_step_title_is_named_with_its_field_and_line(content: Path) -> None:
    manifest = content / "guide.toml"
    line = _replace(manifest, 'title = "Sources"', "title = 12345")
    problems = _problems(content)
    assert (
        f"{manifest}:{line}: step 'references': 'title' must be text in quotes, "
        "not the number 12345" in problems
    )
    guide = load_guide(content)
    step = guide.step("references")
    assert step is not None and step.title != "12345"


def test_a_number_for_a_page_file_is_named_not_looked_for(content: Path) -> None:
    manifest = content / "guide.toml"
    line = _replace(manifest, 'file = "pages/facts.md"', "file = 42")
    problems = _problems(content)
    assert (
        f"{manifest}:{line}: step 'facts': 'file' must be text in quotes, not the number 42"
        in problems
    )
    assert not any("42:1" in p or "page is missing" in p for p in problems)
    step = load_guide(content).step("facts")
    assert step is not None and step.broken


def test_a_guide_title_that_is_not_text_is_named(content: Path) -> None:
    manifest = content / "guide.toml"
    _replace(manifest, 'title = "Test guide"', "title = 7")
    assert f"{manifest}:1: 'title' must be text in quotes, not the number 7" in _problems(content)
    assert load_guide(content).title != "7"


def test_wrong_types_in_references_glossary_and_crisis_lines_are_named(content: Path) -> None:
    glossary = content / "glossary.toml"
    text = glossary.read_text(encoding="utf-8")
    first_definition = next(line for line in text.split("\n") if line.startswith("definition"))
    glossary.write_text(text.replace(first_definition, "definition = 3.5", 1), encoding="utf-8")
    crisis = content / "crisis.toml"
    _replace(crisis, 'action = "Call 911"', "action = true")
    problems = _problems(content)
    line = _line_of(glossary, "definition = 3.5")
    assert any(
        p.startswith(f"{glossary}:{line}: glossary term ")
        and "'definition' must be text in quotes, not the decimal 3.5" in p
        for p in problems
    )
    line = _line_of(crisis, "action = true")
    assert (
        f"{crisis}:{line}: crisis line 'Emergency': 'action' must be text in quotes, "
        "not true/false" in problems
    )
    actions = [c.action for c in load_guide(content).crisis.lines]
    assert "True" not in actions


def test_a_crisis_action_of_true_never_reaches_the_reader(qtbot, content: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "clinic.toml"
    config.write_text(
        '[crisis.en]\n[[crisis.en.lines]]\nname = "Clinic line"\naction = true\n'
        '[[crisis.en.lines]]\nname = "Front desk"\naction = "Ask at the desk"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    notices = "\n".join(loaded.staff_notices)
    assert f"{config}:4: crisis.en: crisis line 'Clinic line': 'action' must be text" in notices
    # The clinic's other line is used, so the notice must not claim the app's own are.
    assert "the app's own lines are used" not in notices
    window = make_window(qtbot, content, config=config)
    window.toggle_help()
    shown = window.help_panel.text_for_reading()
    assert "Front desk" in shown and "Clinic line" not in shown
    assert "True" not in shown


def test_when_no_clinic_line_is_usable_the_notice_says_the_apps_own_are_used(
    tmp_path: Path,
) -> None:
    config = tmp_path / "clinic.toml"
    config.write_text('[crisis.en]\n[[crisis.en.lines]]\nname = "Only"\naction = 1\n', "utf-8")
    notices = "\n".join(load_config(config).staff_notices)
    assert "the app's own lines are used instead" in notices


def test_thousands_of_crisis_lines_are_capped_with_a_notice(qtbot, content: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "clinic.toml"
    entries = "".join(
        f'[[crisis.en.lines]]\nname = "Line {n}"\naction = "Call {n}"\n' for n in range(2000)
    )
    config.write_text(
        '[crisis.en]\n[[crisis.en.lines]]\nname = "Emergency"\naction = "Call 911"\n'
        "emergency = false\n" + entries + "\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert len(loaded.crisis["en"].lines) == MAX_CRISIS_LINES
    first_left_out = 6 + 3 * (MAX_CRISIS_LINES - 1)  # the header of the first line not shown
    assert (
        f"{config}:{first_left_out}: crisis.en: 2001 crisis lines are listed; only "
        f"{MAX_CRISIS_LINES} are shown" in "\n".join(loaded.staff_notices)
    )
    window = make_window(qtbot, content, config=config)
    window.toggle_help()
    assert window.help_panel.text_for_reading().count("Call ") == MAX_CRISIS_LINES


def test_a_line_break_in_the_clinic_name_does_not_stretch_the_header(
    qtbot, content: Path, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "clinic.toml"
    config.write_text('[clinic]\nname = "Riverside\\n\\n\\n\\n\\n\\nClinic"\n', encoding="utf-8")
    loaded = load_config(config)
    assert loaded.clinic_name == "Riverside Clinic"
    assert f"{config}:2: warning: 'clinic.name' must be one line" in "\n".join(loaded.staff_notices)
    window = make_window(qtbot, content, config=config)
    plain = make_window(qtbot, content)
    header = window.title_label.parentWidget()
    plain_header = plain.title_label.parentWidget()
    assert header.height() <= plain_header.height() * 1.5
