"""Words from content files, the clinic's configuration or a reader's typing are shown as typed.

A tag such as <img src=...> or <a href=...> in any of them must appear literally on screen and
never load a file, draw a picture or become a link.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, Qt, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel

from decisionaid.core.policy import Mode
from tests.helpers import make_window

DECISION_CONTENT = Path(__file__).parents[1] / "fixtures" / "decision" / "en"
HOSTILE = "<img src='file:///etc/hostname'> <a href='https://example.org'>tap</a>"


def shown_text(label: QLabel) -> str:
    """What a reader sees in a label: rich text rendered, plain text as it is."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def markup_shown(widget) -> list[str]:  # type: ignore[no-untyped-def]
    """Labels under `widget` that turn a hostile tag into markup instead of showing it."""
    bad = []
    for label in widget.findChildren(QLabel):
        text = label.text()
        if ("<img" in text or "<a " in text) and "<img" not in shown_text(label):
            bad.append(f"{label.objectName() or type(label.parent()).__name__}: {text[:80]}")
    return bad


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def hostile_content(tmp_path: Path) -> Path:
    root = tmp_path / "content" / "en"
    shutil.copytree(DECISION_CONTENT, root)
    replace_in(root / "values.toml", "Keeping my costs low", f"Costs {HOSTILE}")
    replace_in(root / "quiz.toml", "Is ketamine approved", f"{HOSTILE} Is ketamine approved")
    replace_in(root / "quiz.toml", "not approved for any", f"not {HOSTILE} approved for any")
    replace_in(root / "quiz.toml", '"About a year"', '"Q&A about a year"')
    replace_in(root / "sure.toml", "SURE test ©", f"{HOSTILE} SURE test ©")
    replace_in(root / "questions.toml", "What are my options?", f"Options {HOSTILE}?")
    replace_in(root / "questions.toml", '"Safety"', f'"Safety {HOSTILE}"')
    replace_in(root / "crisis.toml", "If you are in danger now:", f"Danger {HOSTILE}")
    replace_in(root / "pages" / "benefits.md", 'name = "Ketamine"', f'name = "Ketamine {HOSTILE}"')
    return root


@pytest.fixture
def hostile_config(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.toml"
    path.write_text(
        f'[clinic]\nname = "Clinic {HOSTILE}"\ncontact = "Ask at the desk {HOSTILE}"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("mode", [Mode.PERSONAL, Mode.KIOSK, Mode.COUNSELLOR])
def test_hostile_words_are_shown_as_typed_on_every_step(
    qtbot, hostile_content: Path, hostile_config: Path, mode: Mode
) -> None:
    w = make_window(qtbot, hostile_content, mode, config=hostile_config)
    for index in range(len(w.guide.steps)):
        w.go_to(index)
        step = w.current_widget()
        if w.guide.steps[index].kind == "compare":
            step.toggle.click()  # the pictures, with each group's name
        assert markup_shown(step) == [], w.guide.steps[index].id
    w.toggle_help()
    assert markup_shown(w) == []
    shown = [shown_text(label) for label in w.findChildren(QLabel)]
    for expected in (
        f"Costs {HOSTILE}",
        f"1. {HOSTILE} Is ketamine approved by the FDA to treat PTSD?",
        f"Options {HOSTILE}?",
        f"Safety {HOSTILE}",
        f"Danger {HOSTILE}",
        f"Ask at the desk {HOSTILE}",
        f"Clinic {HOSTILE}",
    ):
        assert expected in shown, expected
    for fragment in (f"Ketamine {HOSTILE}", f"{HOSTILE} SURE test ©"):
        assert any(fragment in text for text in shown), fragment
    # Read aloud says the contact as typed and the crisis lines without their tags.
    said = w.help_panel.text_for_reading()
    assert f"Ask at the desk {HOSTILE}" in said
    assert "<b>" not in said and "Call 911" in said


def test_quiz_feedback_and_a_readers_own_question_are_shown_as_typed(
    qtbot, hostile_content: Path
) -> None:
    w = make_window(qtbot, hostile_content)
    w.navigate_to("quiz")
    quiz = w.current_widget()
    quiz.groups["approved"].buttons[0].click()
    feedback = quiz.feedback["approved"]
    assert shown_text(feedback).startswith("Not quite")
    assert f"not {HOSTILE} approved" in shown_text(feedback)
    w.navigate_to("questions")
    questions = w.current_widget()
    questions.own_edit.setText(f"Mine {HOSTILE}")
    questions.add_button.click()
    assert any(
        shown_text(label) == f"1. Mine {HOSTILE}" for label in questions.findChildren(QLabel)
    )
    assert markup_shown(questions) == []


def test_an_ampersand_in_a_choice_is_shown_and_is_no_keyboard_shortcut(
    qtbot, hostile_content: Path
) -> None:
    w = make_window(qtbot, hostile_content)
    w.navigate_to("quiz")
    [button] = [
        b for b in w.current_widget().findChildren(QAbstractButton) if "Q&" in b.accessibleName()
    ]
    assert button.accessibleName() == "Q&A about a year"
    assert QKeySequence.mnemonic(button.text()).isEmpty()
