"""What the reader takes away: the summary on screen, the PDF, printing and the QR code."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from decisionaid.core.policy import Mode
from tests.helpers import make_window

DECISION_CONTENT = Path(__file__).parents[1] / "fixtures" / "decision" / "en"
OWN = "Can my partner come with me to the sessions?"


def _summary(qtbot, mode: Mode = Mode.PERSONAL, config: Path | None = None):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, DECISION_CONTENT, mode, config)
    s = w.session
    s.set_value("quick-relief", 3)
    s.set_leaning("unsure")
    s.set_question_chosen("q-monitor", True)
    s.set_question_chosen("q-options", True)
    s.add_own_question(OWN)
    for letter, yes in zip("SURE", (True, False, True, True), strict=True):
        s.set_sure(letter, yes)
    w.navigate_to("summary")
    return w, w.current_widget()


def pdf_text(path: Path) -> str:
    """The PDF's text, by pdftotext where installed, else from its content streams."""
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        )
        return out.stdout
    pytest.skip("pdftotext is not installed (make test installs poppler-utils)")
    return ""


def test_summary_shows_values_leaning_sure_and_questions(qtbot) -> None:
    _, step = _summary(qtbot)
    text = step.view.toPlainText()
    assert "Who watches me during and after a session?" in text
    assert OWN in text
    assert "Very important" in text
    assert "I am not sure yet" in text
    assert "yes to 3 of 4" in text
    assert "Find out more" in text
    assert text.index("Who watches me") < text.index("What are my options?"), "reader's order"


def test_save_as_pdf_holds_the_chosen_questions(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    _, step = _summary(qtbot)
    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    qtbot.mouseClick(step.pdf_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "mine.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert f"Saved as {saved}." == step.status.text()
    text = " ".join(pdf_text(saved).split())
    assert "My questions and notes for my provider" in text
    assert "1. Who watches me during and after a session?" in text
    assert f"3. {OWN}" in text
    assert "Very important" in text


def _words_on_page_one(path: Path) -> list[tuple[str, float, float]]:
    """Each word on page 1 with its top and bottom, in points."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (make test installs poppler-utils)")
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r'yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>', out)
    return [(html.unescape(word), float(top), float(bottom)) for top, bottom, word in found]


def _word_height(path: Path) -> float:
    """The usual height of a word on page 1, in points (the median, so headings do not count)."""
    heights = sorted(bottom - top for _, top, bottom in _words_on_page_one(path))
    return heights[len(heights) // 2]


def test_large_print_pdf_has_bigger_text(qtbot, tmp_path: Path) -> None:
    _, step = _summary(qtbot)
    step.save_pdf(tmp_path / "normal.pdf")
    qtbot.mouseClick(step.large_print, Qt.MouseButton.LeftButton)
    assert step.large_print.isChecked()
    step.save_pdf(tmp_path / "large.pdf")
    assert _word_height(tmp_path / "large.pdf") > 1.3 * _word_height(tmp_path / "normal.pdf")


def test_pdf_headings_stand_apart_from_the_text_above(qtbot, tmp_path: Path) -> None:
    """Each section of the PDF starts with clear space above its heading, as on screen (Qt's
    rich text drew margins given in points far too small on a 300-dpi page)."""
    _, step = _summary(qtbot)
    step.save_pdf(tmp_path / "summary.pdf")
    words = _words_on_page_one(tmp_path / "summary.pdf")
    line = _word_height(tmp_path / "summary.pdf")
    names = [w for w, _, _ in words]
    for heading in ("What matters to me", "Where I am leaning"):
        parts = heading.split()
        first = next(i for i in range(len(names)) if names[i : i + len(parts)] == parts)
        top = words[first][1]
        above = max(bottom for _, _, bottom in words if bottom <= top)
        assert top - above >= 0.6 * line, f"{heading!r} sits on the text above it"


def test_kiosk_offers_no_pdf(qtbot) -> None:
    _, step = _summary(qtbot, Mode.KIOSK)
    assert step.pdf_button is None


def test_kiosk_prints_without_a_dialog_and_never_to_a_file(
    qtbot, tmp_path: Path, monkeypatch, private_home: Path
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    from decisionaid.ui import printing

    config = tmp_path / "clinic.toml"
    config.write_text('mode = "kiosk"\n[kiosk]\nprinter = "front-desk-laser"\n', encoding="utf-8")
    # Pretend the configured printer exists, so QPrinter is really asked to use it.
    monkeypatch.setattr(
        QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["front-desk-laser"])
    )

    def no_dialog(*args: object) -> int:
        raise AssertionError("kiosk mode must never show a print dialog")

    monkeypatch.setattr(QPrintDialog, "exec", no_dialog)
    built: list[QPrinter] = []
    real = printing.kiosk_printer

    def spy(name: str) -> QPrinter | None:
        printer = real(name)
        if printer is not None:
            built.append(printer)
        return printer

    monkeypatch.setattr(printing, "kiosk_printer", spy)
    before = set(private_home.rglob("*"))
    _, step = _summary(qtbot, Mode.KIOSK, config)
    qtbot.mouseClick(step.print_button, Qt.MouseButton.LeftButton)
    for printer in built:
        assert printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        assert printer.outputFileName() == ""
    if not built:
        # No real print system here: Qt could only have written a PDF, so nothing printed.
        assert "No printer is ready here" in step.status.text()
    assert not [p for p in set(private_home.rglob("*")) - before if p.suffix in (".pdf", ".ps")]
    assert not list(Path.cwd().glob("*.pdf"))


def test_kiosk_refuses_an_unknown_printer(qtbot) -> None:
    from decisionaid.ui.printing import kiosk_printer

    assert kiosk_printer("no-such-printer-anywhere") is None


def test_personal_print_uses_the_dialog(qtbot, monkeypatch) -> None:
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    seen: list[bool] = []

    def fake_exec(dialog: QPrintDialog) -> int:
        seen.append(dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile))
        return 0  # the reader cancels

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    _, step = _summary(qtbot)
    qtbot.mouseClick(step.print_button, Qt.MouseButton.LeftButton)
    assert seen == [True]
    assert step.status.text() == "Printing was cancelled. Nothing was printed."


def test_qr_code_holds_only_the_questions_and_is_drawn_sharp(qtbot) -> None:
    import segno

    from decisionaid.core.qr_payload import QR_ERROR
    from decisionaid.ui.qr_widget import QUIET_ZONE

    _, step = _summary(qtbot, Mode.KIOSK)
    step.qr_button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert step.qr_panel.isVisible()
    widget = step.qr_widget
    expected = (
        "Questions to ask my provider:\n"
        "1. Who watches me during and after a session?\n"
        "2. What are my options?\n"
        f"3. {OWN}\n"
        # Which edition of the guide, and when its evidence was searched: nothing of the reader.
        "Guide 2026.12, evidence 2026-12"
    )
    assert widget.text == expected
    # The painted modules are exactly segno's code for that text, on whole pixels.
    matrix = segno.make(expected, error=QR_ERROR, micro=False, boost_error=False).matrix
    image = widget.grab().toImage()
    px = widget.px
    assert px >= 6, "modules big enough to scan at arm's length"
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            x, y = (c + QUIET_ZONE) * px, (r + QUIET_ZONE) * px
            corners = {
                image.pixelColor(x, y).name(),
                image.pixelColor(x + px - 1, y + px - 1).name(),
            }
            assert corners == ({"#000000"} if dark else {"#ffffff"}), (r, c)
    note = step.qr_note.text()
    assert "no name" in note and "no web address" in note
    assert widget.accessibleDescription() == note
    qtbot.mouseClick(step.hide_qr_button, Qt.MouseButton.LeftButton)
    assert not step.qr_panel.isVisible()
    assert widget.text == "" and widget.matrix == [], "a hidden code keeps no questions"
    assert step.view.isVisible()


def test_reset_hides_the_qr_code_and_clears_the_summary(qtbot) -> None:
    w, step = _summary(qtbot)
    step.qr_button.setChecked(True)
    step.large_print.setChecked(True)
    w.session.reset()
    assert not step.qr_panel.isVisibleTo(step)
    assert not step.large_print.isChecked()
    assert OWN not in step.view.toPlainText()


def test_print_document_has_no_identifiers(qtbot) -> None:
    _, step = _summary(qtbot)
    html = step.print_html()
    assert "http" not in html and "www." not in html


def _choose_questions(window, count: int) -> None:  # type: ignore[no-untyped-def]
    bank = window.current_widget().data.questions
    chosen = [q for t in bank.topics for q in bank.in_topic(t.id)][:count]
    assert len(chosen) == count
    for q in chosen:
        window.session.set_question_chosen(q.id, True)


def _settle() -> None:
    # Let posted layout requests run, as the event loop would before the next paint.
    for _ in range(3):
        QApplication.processEvents()


def test_reset_forgets_the_qr_code_and_the_next_reader_keeps_a_screen_sized_window(
    qtbot,
) -> None:
    from PySide6.QtCore import QPoint, QRect, QSize

    from tests.helpers.kiosk import make_kiosk

    window, kiosk = make_kiosk(qtbot, content=None)  # the real guide: 34 questions to pick
    kiosk.start_reading()
    window.navigate_to("summary")
    step = window.current_widget()
    _settle()
    size_before, step_min_before = window.size(), step.minimumSizeHint()
    assert size_before == QSize(1280, 800)
    _choose_questions(window, 10)
    qtbot.mouseClick(step.qr_button, Qt.MouseButton.LeftButton)
    assert step.qr_widget.isVisible() and step.qr_widget.text
    _settle()

    with qtbot.waitSignal(window.sessionReset, timeout=2000):
        kiosk.full_reset()
    # Nothing of the last reader's questions is left in the code or its note.
    assert step.qr_widget.text == ""
    assert step.qr_widget.matrix == []
    assert step.qr_note.text() == ""
    assert step.qr_widget.accessibleDescription() == ""

    # The next reader opens the summary: the window still fits the 1280x800 screen.
    kiosk.start_reading()
    window.navigate_to("summary")
    _settle()
    assert window.size() == size_before
    assert window.minimumSizeHint().height() <= 800
    assert step.minimumSizeHint() == step_min_before
    screen = QRect(0, 0, 1280, 800)
    for button in (window.start_over_button, window.back_button, window.next_button):
        assert button.isVisible()
        assert screen.contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size()))


@pytest.mark.parametrize("mode", [Mode.KIOSK, Mode.PERSONAL], ids=["kiosk", "personal"])
@pytest.mark.parametrize("scale", [100, 200])
def test_the_longest_list_of_own_questions_shows_whole_without_stretching_the_window(
    qtbot, mode: Mode, scale: int
) -> None:
    from PySide6.QtCore import QPoint, QRect, QSize

    from decisionaid.core.qr_payload import QUIET_ZONE
    from decisionaid.core.session import OWN_QUESTION_MAX_CHARS

    w = make_window(qtbot, DECISION_CONTENT, mode)
    w.set_text_scale(scale)
    for i in range(8):  # own questions as long as the field takes
        w.session.add_own_question(
            (f"Question {i}: will someone stay with me " * 20)[:OWN_QUESTION_MAX_CHARS]
        )
    w.navigate_to("summary")
    step = w.current_widget()
    qtbot.mouseClick(step.qr_button, Qt.MouseButton.LeftButton)
    _settle()

    widget = step.qr_widget
    assert w.size() == QSize(1280, 800), "the code does not stretch the window"
    assert widget.px >= step.qr_plan().min_module_px, "modules big enough to scan"
    side = widget.modules * widget.px
    assert widget.size() == QSize(side, side)
    top_left = widget.mapTo(w, QPoint(0, 0))
    assert QRect(0, 0, 1280, 800).contains(QRect(top_left, QSize(side, side)))
    assert top_left.y() + side <= w.next_button.mapTo(w, QPoint(0, 0)).y()
    # The bottom-left finder pattern is painted: its last row of modules is black.
    image = widget.grab().toImage()
    n = len(widget.matrix)
    y = (QUIET_ZONE + n - 1) * widget.px + widget.px - 1
    for col in range(7):
        assert image.pixelColor((QUIET_ZONE + col) * widget.px, y).name() == "#000000"
    # Every word of the note is in view without scrolling, and "Hide the code" too.
    assert step.qr_note.isVisible()
    assert step.qr_words.verticalScrollBar().maximum() == 0
    assert step.hide_qr_button.isVisible()
    # The action row makes way while the code shows, and comes back with the focus.
    assert not step.qr_button.isVisible()
    qtbot.mouseClick(step.hide_qr_button, Qt.MouseButton.LeftButton)
    assert step.qr_button.isVisible() and step.qr_button.hasFocus()


def test_the_pdf_and_the_printout_name_and_cite_the_sure_test_beside_its_result(
    qtbot, tmp_path: Path
) -> None:
    _, step = _summary(qtbot)
    citation = step.data.sure.citation
    assert citation.startswith("SURE test © O'Connor & Légaré, 2008.")
    step.save_pdf(tmp_path / "summary.pdf")
    # NFKC undoes the PDF's ligatures ("conﬂict").
    text = " ".join(unicodedata.normalize("NFKC", pdf_text(tmp_path / "summary.pdf")).split())
    sure = text[text.index("How sure I feel (the SURE test)") :]
    assert sure.startswith("How sure I feel (the SURE test) You answered yes to 3 of 4 questions.")
    assert " ".join(citation.split()) in sure, "the full citation, in the SURE section"
    assert sure.index("Canadian Family Physician 2010") < sure.index("This list is for you")
    # Printing sends the same HTML to the printer as the PDF gets.
    assert html.escape(citation) in step.print_html()
    # The summary on screen names it too.
    assert citation in step.view.toPlainText()


def test_a_kiosk_with_no_printer_named_offers_the_qr_code_as_the_main_action(qtbot) -> None:
    w, step = _summary(qtbot, Mode.KIOSK)
    assert not step.print_button.isVisibleTo(w), "no Print where nothing can print"
    assert not step.large_print.isVisibleTo(w), "nothing is printed or saved here"
    assert step.qr_button.property("role") == "primary"
    assert step.first_focus() is step.qr_button
    qtbot.mouseClick(step.qr_button, Qt.MouseButton.LeftButton)
    assert step.qr_panel.isVisible() and step.qr_widget.text


def test_a_kiosk_prints_only_when_the_clinic_names_a_printer(qtbot, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\nprinter = "Front desk"\n', encoding="utf-8")
    w, step = _summary(qtbot, Mode.KIOSK, config)
    assert step.print_button.isVisibleTo(w) and step.print_button.property("role") == "primary"
    assert step.qr_button.property("role") != "primary"
    assert step.large_print.isVisibleTo(w)
    assert step.first_focus() is step.print_button
    # Personal use has a print dialog, so Print is there too.
    w2, step2 = _summary(qtbot, Mode.PERSONAL)
    assert step2.print_button.isVisibleTo(w2)
