"""What the clinical revision changed on screen and on paper: the values scale in one ordered
row, the knowledge check's marked right answer, the edition on every printout, the short path
("At a glance") from the welcome and on one printed page, and the comparison's pictures option
by option, in any language."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from decisionaid.core.policy import Mode
from decisionaid.paths import content_dir
from decisionaid.ui.settle import settle_layouts
from tests.helpers import DECISION_CONTENT, make_window
from tests.ui.test_decision_output import pdf_text

EDITION = "Ketamine for PTSD guide, edition 2026.12, evidence searched December 2026"


def _at(widget, window) -> QPoint:  # type: ignore[no-untyped-def]
    return widget.mapTo(window, QPoint(0, 0))


def spanish_window(qtbot):  # type: ignore[no-untyped-def]
    from decisionaid.app import Options, build_app, build_parts

    window = build_app(build_parts(Options(locale="es"))).window
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def sized_window(qtbot, mode: Mode, size: tuple[int, int], scale: int, locale: str = "en"):  # type: ignore[no-untyped-def]
    """The real guide in a window of `size` at `scale` percent text, on a screen that size."""
    w = make_window(qtbot, content_dir(locale), mode, screen=size)
    w.setFixedSize(*size)
    w.set_text_scale(scale)
    return w


# --- the values scale ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "mode", "size", "scale", "in_a_row"),
    [
        # Where five points fit across, each its indicator above its words, a word to a line.
        ("en", Mode.PERSONAL, (1280, 800), 100, True),
        ("en", Mode.PERSONAL, (1366, 768), 150, True),
        ("en", Mode.PERSONAL, (1366, 768), 200, True),
        ("en", Mode.PERSONAL, (1280, 720), 200, True),
        ("en", Mode.KIOSK, (1080, 1920), 100, True),
        ("es", Mode.KIOSK, (1080, 1920), 100, True),
        # Where even that is too wide: one above the other.
        ("en", Mode.KIOSK, (1080, 1920), 200, False),
        ("es", Mode.PERSONAL, (1280, 720), 150, False),
        ("es", Mode.PERSONAL, (1366, 768), 200, False),
    ],
)
def test_the_values_scale_keeps_its_order_with_not_sure_apart(
    qtbot, locale: str, mode: Mode, size: tuple[int, int], scale: int, in_a_row: bool
) -> None:
    w = sized_window(qtbot, mode, size, scale, locale)
    w.navigate_to("values")
    step = w.current_widget()
    group = step.groups["quick-relief"]
    *points, apart = group.buttons

    def laid_out() -> bool:
        settle_layouts()
        spots = [_at(b, w) for b in points]
        return len({p.y() for p in spots}) == 1 or len({p.x() for p in spots}) == 1

    qtbot.waitUntil(laid_out)
    values = step.data.values
    assert [b.accessibleName() for b in points] == list(values.scale)
    spots = [_at(b, w) for b in points]
    if group.in_row:  # one row, least to most, left to right
        assert len({p.y() for p in spots}) == 1
        assert [p.x() for p in spots] == sorted(p.x() for p in spots)
        assert not any(b.beside for b in points), "each indicator above its words"
    else:  # too narrow for five across: one above the other, least first
        assert len({p.x() for p in spots}) == 1
        assert [p.y() for p in spots] == sorted(p.y() for p in spots)
        # Each indicator beside its words, as "Not sure" has it: a short list, not five tall
        # tiles, its indicators in line with "Not sure"'s.
        assert all(b.beside and b.height() <= apart.height() + 2 for b in points)
    # "Not sure" is no point on the scale: below all of them, after a gap.
    last = points[-1]
    assert _at(apart, w).y() >= _at(last, w).y() + last.height() + 8
    # Nothing runs off the side, at any size: the page never scrolls sideways.
    assert step.scroll.horizontalScrollBar().maximum() == 0
    for b in group.buttons:  # every word shows whole, even drawn bold as a chosen answer
        assert b.width() >= b.sizeHint().width() - 1, f"{b.accessibleName()!r} is cut short"
    assert group.in_row is in_a_row


def test_a_tap_anywhere_on_a_point_of_the_scale_chooses_it(qtbot) -> None:
    w = sized_window(qtbot, Mode.KIOSK, (1080, 1920), 100)
    w.navigate_to("values")
    group = w.current_widget().groups["quick-relief"]
    point = group.buttons[2]
    qtbot.waitUntil(lambda: point.isVisible() and group.in_row)
    # Near the tile's corner, well away from its indicator and words.
    qtbot.mouseClick(
        point, Qt.MouseButton.LeftButton, pos=QPoint(point.width() - 5, point.height() - 5)
    )
    assert w.session.state.values["quick-relief"] == 2
    assert point.isChecked()
    assert point.accessibleName() == "Somewhat important", "a screen reader hears its words"


# --- the knowledge check's right answer ------------------------------------------------------------


def test_the_right_answer_is_marked_with_a_tick_and_words(qtbot) -> None:
    w = make_window(qtbot, DECISION_CONTENT)
    w.navigate_to("quiz")
    step = w.current_widget()
    group = step.groups["approved"]
    assert all(b.icon().isNull() for b in group.buttons), "nothing is marked before an answer"
    qtbot.mouseClick(group.buttons[0], Qt.MouseButton.LeftButton)  # "Yes": not right
    right = group.buttons[1]
    assert not right.icon().isNull(), "a tick beside the right answer"
    assert right.text().replace("\n", " ") == "No Right answer"
    assert right.accessibleName() == "No: Right answer", "a screen reader hears it too"
    assert all(b.icon().isNull() for b in (group.buttons[0], group.buttons[2]))
    feedback = step.feedback["approved"].text()
    assert feedback.count(": No.") == 1 and "No. No" not in feedback, "named once"


def test_with_answers_hidden_the_right_answer_is_still_marked(qtbot) -> None:
    w = make_window(qtbot, DECISION_CONTENT, Mode.COUNSELLOR)
    w.navigate_to("quiz")
    step = w.current_widget()
    w.session.answer_quiz("approved", 0)
    w.session.set_hide_answers(True)
    group = step.groups["approved"]
    assert not group.buttons[1].icon().isNull()
    assert not any(b.isChecked() for b in group.buttons), "the reader's own answer is hidden"
    assert step.feedback["approved"].text().startswith("The right answer is: No.")


# --- the edition on paper ----------------------------------------------------------------------------


def test_the_printed_summary_says_its_edition(qtbot, tmp_path: Path) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.navigate_to("summary")
    step = w.current_widget()
    assert EDITION in step.print_html()
    assert EDITION in step.view.toPlainText(), "on screen too"
    step.save_pdf(tmp_path / "summary.pdf")
    assert EDITION in " ".join(pdf_text(tmp_path / "summary.pdf").split())


def test_the_summary_in_spanish_says_its_edition_in_spanish(qtbot) -> None:
    w = spanish_window(qtbot)
    w.navigate_to("summary")
    step = w.current_widget()
    html = step.print_html()
    assert "Guía sobre la ketamina para el TEPT, edición 2026.12, pruebas buscadas en" in html
    assert "diciembre de 2026" in html
    assert "Mis preguntas" in html and "My questions" not in html


# --- the short path ---------------------------------------------------------------------------------


def test_the_welcome_step_has_a_button_to_the_short_path(qtbot) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.go_to(0)
    step = w.current_widget()
    button = step.actions.short_path_button
    assert button is not None and button.isVisible()
    assert button.text() == "At a glance: about 5 minutes"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.current_step().id == "at-a-glance"
    assert step.actions.print_button is None, "the welcome itself is not for printing"


def test_at_a_glance_prints_on_one_landscape_page_with_its_edition(qtbot, tmp_path: Path) -> None:
    w = make_window(qtbot, content_dir("en"))
    w.navigate_to("at-a-glance")
    step = w.current_widget()
    assert step.actions.print_button is not None and step.actions.print_button.isVisible()
    assert step.actions.short_path_button is None
    pdf = step.actions.save_pdf(tmp_path / "glance.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    assert "792 x 612 pts" in info.stdout, "landscape letter"
    text = " ".join(pdf_text(pdf).split())
    assert EDITION in text
    assert "Does it help PTSD?" in text and "What does it cost?" in text, "the whole table"
    assert "Sources: [1] Ehlers A" in text


def test_a_kiosk_offers_printing_only_with_a_configured_printer(qtbot, tmp_path: Path) -> None:
    from tests.helpers.kiosk import make_kiosk

    window, kiosk = make_kiosk(qtbot, content=None)
    kiosk.start_reading()
    window.navigate_to("at-a-glance")
    assert window.current_widget().actions is None, "no printer: no Print button at all"

    config = tmp_path / "config.toml"
    config.write_text('[kiosk]\nprinter = "Front desk"\n', encoding="utf-8")
    window, kiosk = make_kiosk(qtbot, content=None, config=config)
    kiosk.start_reading()
    window.navigate_to("at-a-glance")
    actions = window.current_widget().actions
    assert actions is not None and actions.print_button is not None
    # That printer does not exist on this machine: the reader is told, and nothing is written.
    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    assert actions.status.text() == "No printer is ready here. Please ask a member of staff."


# --- the comparison's pictures, option by option -------------------------------------------------------


def test_pictures_follow_the_columns_in_any_language(qtbot) -> None:
    w = spanish_window(qtbot)
    w.navigate_to("compare")
    step = w.current_widget()
    # The button's words are the guide's, as its page names them.
    assert step.toggle.text() == "Mostrar los números en imágenes"
    assert f'"{step.toggle.text()}"' in step.page.text_for_reading()
    qtbot.mouseClick(step.toggle, Qt.MouseButton.LeftButton)
    assert step.toggle.text() == "Mostrar la tabla"
    # Matched by position: the Spanish headings, in the table's order.
    assert [h.text() for h in step.option_headings] == [
        "Terapia de conversación centrada en el trauma",
        "Medicamentos para el TEPT",
        "Ketamina o esketamina",
        "Seguir con su atención actual",
    ]
    ids = [p.array.id for p in step.panels]
    assert ids.index("abdallah-groups") < ids.index("feder-response"), "the largest trial first"
    assert step.pictures.widget().findChild(type(step.option_headings[0]), "optionHeading")


def test_the_largest_trial_picture_is_as_plain_to_a_screen_reader(qtbot) -> None:
    from PySide6.QtGui import QAccessible

    w = make_window(qtbot, content_dir("en"))
    w.navigate_to("compare")
    step = w.current_widget()
    qtbot.mouseClick(step.toggle, Qt.MouseButton.LeftButton)
    panel = next(p for p in step.panels if p.array.id == "abdallah-groups")
    assert panel.accessibleName() == "The largest trial: 158 people in three groups"
    assert panel.accessibleDescription().startswith(
        "A picture of the 158 people in the largest trial, one figure each: 51 had the usual "
        "dose of ketamine, 53 had a lower dose, and 54 had a placebo. PTSD symptoms changed "
        "about the same in all three groups."
    )
    sizes = [g.sizeHint() for g in panel.grids]
    assert len({s.width() for s in sizes}) == 1 and len({s.height() for s in sizes}) == 1
    iface = QAccessible.queryAccessibleInterface(panel.grids[0])
    assert iface.role() == QAccessible.Role.Graphic
    assert iface.text(QAccessible.Text.Name) == "Ketamine, usual dose: 51"


@pytest.mark.parametrize(
    ("mode", "size", "scale"),
    [
        (Mode.PERSONAL, (1280, 720), 150),
        (Mode.PERSONAL, (1280, 720), 200),
        (Mode.KIOSK, (1080, 1920), 200),
    ],
)
def test_pictures_of_three_groups_fit_the_width_at_large_text(
    qtbot, mode: Mode, size: tuple[int, int], scale: int
) -> None:
    w = sized_window(qtbot, mode, size, scale)
    w.navigate_to("compare")
    step = w.current_widget()
    qtbot.mouseClick(step.toggle, Qt.MouseButton.LeftButton)
    viewport = step.pictures.viewport()

    def inside(widget) -> bool:  # type: ignore[no-untyped-def]
        return widget.mapTo(viewport, QPoint(widget.width(), 0)).x() <= viewport.width()

    qtbot.waitUntil(lambda: settle_layouts() or all(inside(p) for p in step.panels))
    # The therapy trial's three groups and the largest trial's three stay side by side and
    # whole: the figures shrink rather than push the page sideways.
    assert step.pictures.horizontalScrollBar().maximum() == 0
    for panel in step.panels:
        tops = {g.mapTo(viewport, QPoint(0, 0)).y() for g in panel.grids}
        assert len(tops) == 1, "side by side"
        assert all(inside(g) for g in panel.grids)
