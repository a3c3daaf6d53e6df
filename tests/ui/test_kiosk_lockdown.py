"""No way out of the kiosk: quit keys, closing, context menus, dialogs and links all fail."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QToolTip, QWidget

from decisionaid.app import show_window
from decisionaid.core.policy import Mode
from decisionaid.ui.settle import settle_window
from tests.helpers.kiosk import make_kiosk

QUIT_KEYS = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
]


def test_every_escape_attempt_leaves_the_kiosk_window_in_place(qtbot) -> None:
    window, kiosk = make_kiosk(qtbot)
    kiosk.start_reading()
    page = window.current_widget().view  # type: ignore[union-attr]
    for key, modifier in QUIT_KEYS:
        for target in (window, page):
            qtbot.keyClick(target, key, modifier)
    # What a window manager does for Alt+F4 or a close button, and what Qt does on "quit".
    # A close, queued or not, would close the last window.
    with qtbot.assertNotEmitted(QApplication.instance().lastWindowClosed, wait=50):
        assert window.close() is False
        QApplication.closeAllWindows()
        for target in (window, page.viewport(), window.title_label):
            global_pos = target.mapToGlobal(QPoint(10, 10))
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), global_pos)
            QApplication.sendEvent(target, event)
    assert window.isVisible()
    assert QApplication.activePopupWidget() is None
    assert QApplication.activeModalWidget() is None


def test_no_tooltips_appear_on_a_touchscreen(qtbot) -> None:
    window, _ = make_kiosk(qtbot)
    button = window.help_button
    assert button.toolTip()  # it has one in personal mode...
    event = QHelpEvent(QHelpEvent.Type.ToolTip, QPoint(5, 5), button.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(button, event)
    assert not QToolTip.isVisible()  # ...but hover-only help never shows in a kiosk


def test_external_links_open_nothing(qtbot) -> None:
    window, _ = make_kiosk(qtbot)
    window.open_external("https://example.org")
    assert QApplication.activeModalWidget() is None
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is not window)


def test_a_file_dialog_that_ever_appears_closes_by_itself(qtbot) -> None:
    window, _ = make_kiosk(qtbot)
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.open()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert window.isVisible()


def test_kiosk_shows_full_screen_and_frameless(qtbot) -> None:
    window, _ = make_kiosk(qtbot)
    show_window(window, window.policy)
    qtbot.waitUntil(window.isFullScreen)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


def _visible_buttons(root: QWidget) -> list[tuple[str, QRect]]:
    found = []
    for button in root.findChildren(QPushButton):
        if button.isVisible():
            top_left = button.mapTo(root, QPoint(0, 0))
            found.append((button.objectName() or button.text(), QRect(top_left, button.size())))
    return found


def _assert_touch_friendly(root: QWidget) -> None:
    for _ in range(3):  # let pending layout requests settle before measuring
        QApplication.processEvents()
    buttons = _visible_buttons(root)
    assert buttons
    for name, rect in buttons:
        assert rect.height() >= 48 and rect.width() >= 48, (name, rect)
    for (a, ra), (b, rb) in combinations(buttons, 2):
        dx = max(rb.left() - ra.right(), ra.left() - rb.right(), 0) - 1
        dy = max(rb.top() - ra.bottom(), ra.top() - rb.bottom(), 0) - 1
        assert max(dx, dy) >= 8, (a, ra, b, rb)


@pytest.mark.parametrize("scale", [100, 200])
def test_kiosk_screens_have_touch_sized_targets_with_gaps(qtbot, scale: int) -> None:
    window, kiosk = make_kiosk(qtbot)
    window.set_text_scale(scale)
    settle_window(window)
    _assert_touch_friendly(window)  # welcome
    kiosk.screens.show(kiosk.warning)
    kiosk.warning.start(30)
    qtbot.waitUntil(kiosk.warning.isVisible)
    _assert_touch_friendly(window)
    kiosk.warning.stop()
    kiosk.screens.hide(kiosk.warning)
    kiosk.start_reading()
    qtbot.waitUntil(window.body.isVisible)
    _assert_touch_friendly(window)


def test_staff_pad_is_touch_sized(qtbot, tmp_path) -> None:
    from decisionaid.core.staff_pin import hash_pin

    config = tmp_path / "clinic.toml"
    config.write_text(
        f'[kiosk]\nstaff_pin_hash = "{hash_pin("2468", iterations=100_000)}"\n', encoding="utf-8"
    )
    window, kiosk = make_kiosk(qtbot, config=config)
    kiosk.open_staff_panel()
    qtbot.waitUntil(kiosk.staff.isVisible)
    _assert_touch_friendly(window)


def test_personal_mode_has_no_kiosk_parts_and_closes_normally(qtbot) -> None:
    from decisionaid.ui.kiosk.controller import KioskController
    from tests.helpers import FIXTURE_CONTENT, make_window

    window = make_window(qtbot, FIXTURE_CONTENT, Mode.PERSONAL)
    assert window.findChild(KioskController) is None
    assert window.close() is True
