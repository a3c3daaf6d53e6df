"""Counsellor handouts: any step printed on paper, a step that asks the reader as a blank form."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from tests.helpers import counsellor_window, make_window


def test_handout_holds_the_step_its_pictures_and_its_sources(qtbot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from decisionaid.ui.counsellor.handout import handout_document, print_document

    w, _ = counsellor_window(qtbot)
    index = w.guide.index_of("benefits")
    doc = handout_document(w, index)
    text = doc.toPlainText()
    step = w.guide.steps[index]
    assert step.title in text
    assert "Sources" in text and "no answers" in text
    arrays = w.pages.render(step).icon_arrays
    if arrays and arrays[0] is not None:
        image = doc.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"iconarray:{step.id}/0/0")
        )
        assert image is not None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "handout.pdf"
    printer.setOutputFileName(str(out))
    print_document(doc, printer)
    assert out.stat().st_size > 2000
    assert out.read_bytes().startswith(b"%PDF")


def test_handouts_never_print_where_the_policy_forbids_a_dialog(qtbot) -> None:
    from decisionaid.ui.counsellor.handout import print_step

    w = make_window(qtbot, content_dir("en"), Mode.KIOSK)
    assert print_step(w) is False


@pytest.mark.parametrize(
    ("step_id", "expected"),
    [
        ("sure", ["Do you feel SURE about the best choice for you?", "☐ Yes", "Légaré"]),
        ("values", ["Keeping my costs low", "☐ Extremely important", "☐ Not sure"]),
        ("leaning", ["☐ Toward keeping my current care", "☐ I am not sure yet"]),
        ("quiz", ["Is ketamine approved by the FDA to treat PTSD?", "Answers", "Sources"]),
        ("questions", ["☐ What are my options?", "My own questions"]),
    ],
)
def test_a_step_that_asks_the_reader_prints_as_a_blank_form(
    qtbot, step_id: str, expected: list[str]
) -> None:
    from decisionaid.ui.counsellor.handout import handout_document

    w, _ = counsellor_window(qtbot)
    # The reader has answered; the handout is still a blank form.
    w.session.set_leaning("current")
    w.session.set_sure("S", False)
    text = handout_document(w, w.guide.index_of(step_id)).toPlainText().replace("\u00a0", " ")
    for words in expected:
        assert words in text, (step_id, words)
    assert "☑" not in text and "☒" not in text
    assert "holds no answers and no personal details" in text


def test_the_summary_handout_points_to_the_summary_print_button(qtbot) -> None:
    from decisionaid.ui.counsellor.handout import handout_document

    w, _ = counsellor_window(qtbot)
    text = handout_document(w, w.guide.index_of("summary")).toPlainText()
    assert "prints the reader's summary with its Print button" in text


def test_a_handout_says_which_step_it_is_as_the_reader_s_window_numbers_it(qtbot) -> None:
    from decisionaid.ui.counsellor.handout import handout_document

    w, _ = counsellor_window(qtbot)
    guide = w.guide

    def caption(step_id: str) -> str:
        return handout_document(w, guide.index_of(step_id)).toPlainText().splitlines()[-1]

    n, total = guide.step_number(guide.index_of("benefits")) or (0, 0)
    assert total < len(guide.steps), "the look-up pages are outside the count"
    assert caption("benefits") == (
        f"From “{guide.title}”, step {n} of {total}. This handout holds no answers and no "
        "personal details."
    )
    assert caption("references").startswith(f"From “{guide.title}”, a look-up page.")
