"""A reusable accessibility audit of whatever a window shows right now.

It walks every visible widget, so step widgets added later are covered without changes here:
names and descriptions through QAccessible, keyboard focus order and traps, a visible focus
indicator (pixels change when a control takes focus), touch-size targets, state not shown by
colour alone, and custom-painted widgets exposing name and value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
STANDARD_MODULES = ("PySide6.",)


@dataclass
class Finding:
    where: str
    widget: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.widget}: {self.problem}"


@dataclass
class AuditReport:
    findings: list[Finding] = field(default_factory=list)
    controls_checked: int = 0

    def add(self, where: str, widget: QWidget, problem: str) -> None:
        self.findings.append(Finding(where, describe(widget), problem))

    def extend(self, other: AuditReport) -> None:
        self.findings.extend(other.findings)
        self.controls_checked += other.controls_checked


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    name = widget.objectName()
    return f"{type(widget).__name__}({name or text or '?'})"


def accessible(widget: QWidget, what: QAccessible.Text) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(what).strip() if iface is not None and iface.isValid() else ""


def showing(widget: QWidget) -> bool:
    """Visible and not scrolled out of, or hidden behind, its window's visible area."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets a reader can see under root (scroll bars belong to their area)."""
    found = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QScrollBar) or not isinstance(w, INTERACTIVE):
            continue
        if w.isVisible() and w.isEnabled():
            found.append(w)
    return found


def is_custom_painted(widget: QWidget) -> bool:
    """A widget written in this project that draws itself rather than using a Qt control."""
    cls = type(widget)
    if cls.__module__.startswith(STANDARD_MODULES):
        return False
    return any(
        "paintEvent" in vars(k) for k in cls.__mro__ if not k.__module__.startswith("PySide6")
    )


def audit_names(root: QWidget, where: str, report: AuditReport) -> None:
    for w in controls(root):
        report.controls_checked += 1
        name = accessible(w, QAccessible.Text.Name)
        if not name:
            report.add(where, w, "no accessible name")
        icon_only = isinstance(w, QAbstractButton) and not w.text().strip()
        if icon_only and not accessible(w, QAccessible.Text.Description) and len(name) < 4:
            report.add(where, w, "icon-only control needs a fuller name or a description")
    for w in root.findChildren(QWidget):
        if w.isVisible() and is_custom_painted(w):
            iface = QAccessible.queryAccessibleInterface(w)
            name = accessible(w, QAccessible.Text.Name)
            said = accessible(w, QAccessible.Text.Description) or accessible(
                w, QAccessible.Text.Value
            )
            if not name:
                report.add(where, w, "custom-painted widget has no accessible name")
            if not said:
                report.add(where, w, "custom-painted widget has no description or value")
            if iface is not None and iface.role() == QAccessible.Role.NoRole:
                report.add(where, w, "custom-painted widget has no role")


def audit_touch_targets(root: QWidget, where: str, target_px: int, report: AuditReport) -> None:
    for w in controls(root):
        small = w.height() < target_px or w.width() < target_px
        if isinstance(w, QAbstractButton) and showing(w) and small:
            report.add(where, w, f"target {w.width()}x{w.height()} under {target_px}px")


def audit_colour_alone(root: QWidget, where: str, report: AuditReport) -> None:
    """A toggle's state must show in its words or its indicator, not only in its colour."""
    for w in controls(root):
        if not isinstance(w, QAbstractButton) or not w.isCheckable():
            continue
        if isinstance(w, (QRadioButton, QCheckBox)):
            continue  # these draw a dot or a tick
        before = w.text()
        w.toggle()  # through `toggled`, as a reader's press would change it
        after = w.text()
        w.toggle()
        if before == after:
            report.add(where, w, "checked and unchecked look different only by colour")


def takes_tab(widget: QWidget) -> bool:
    """A control Tab can stop on, where a reader can see it."""
    return (
        showing(widget)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def _place_in(widget: QWidget) -> tuple[int, int] | None:
    """Where the keyboard is inside a text area (it moves through links on Tab)."""
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        cursor = widget.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()
    return None


def tab_cycle(window: QWidget, limit: int = 400) -> tuple[list[QWidget], bool]:
    """Press Tab from the current focus until focus comes back; (order, came back).

    Tab that stays on one control is fine while a text area moves through its links, and on a
    screen with a single control (Tab comes back to it at once). It is a trap when the control
    keeps the keyboard without moving, and other controls are there to go to."""
    QApplication.processEvents()
    start = QApplication.focusWidget()
    if start is None:
        window.focusNextChild()
        start = QApplication.focusWidget()
    order: list[QWidget] = []
    current = start
    place = _place_in(current) if current is not None else None
    for _ in range(limit):
        if current is None:
            return order, False
        if not order or order[-1] is not current:
            order.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        following = QApplication.focusWidget()
        if following is current:
            moved_on = _place_in(current)
            if moved_on is not None and moved_on != place:
                place = moved_on
                continue  # a text area moves through its links first, then lets Tab go on
            others = [
                w
                for w in window.findChildren(QWidget)
                if w is not current and w.window() is window and takes_tab(w)
            ]
            return order, not others  # alone, Tab comes back to it; else it holds the keyboard
        if following is start:
            return order, True
        if following in order:
            return order, False  # a loop that never comes back to the start is a trap
        current = following
        place = _place_in(current) if current is not None else None
    return order, False


def audit_focus_order(
    window: QWidget,
    root: QWidget,
    where: str,
    report: AuditReport,
    keyboard_roots: Sequence[QWidget] | None = None,
) -> None:
    """Tab reaches every control inside keyboard_roots (all of root if None) and none outside:
    a panel lying over the rest keeps the keyboard out of what it covers."""
    order, closed = tab_cycle(window)
    if not closed:
        last = describe(order[-1]) if order else "nothing"
        report.findings.append(Finding(where, last, "Tab never returns to the start (focus trap)"))
    reached = set(map(id, order))
    for w in controls(root):
        inside = keyboard_roots is None or any(r is w or r.isAncestorOf(w) for r in keyboard_roots)
        if not inside:
            if id(w) in reached:
                report.add(where, w, "Tab reaches it behind the open panel")
            continue
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and id(w) not in reached:
            if isinstance(w, QRadioButton) and _group_reached(w, reached):
                continue  # arrow keys move within a radio group, as on every platform
            report.add(where, w, "Tab never reaches it")


def _group_reached(button: QRadioButton, reached: set[int]) -> bool:
    group = button.group()
    members = (
        group.buttons()
        if group is not None
        else [b for b in button.parentWidget().findChildren(QRadioButton) if b.autoExclusive()]
    )
    return any(id(b) in reached for b in members)


def _image(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def audit_focus_visible(window: QWidget, root: QWidget, where: str, report: AuditReport) -> None:
    """Each control looks different with focus than without it."""
    parking = _parking_spots(window)
    for w in controls(root):
        if not showing(w) or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        spot = parking[1] if w is parking[0] else parking[0]
        spot.setFocus(Qt.FocusReason.TabFocusReason)
        plain = _image(w)
        w.setFocus(Qt.FocusReason.TabFocusReason)
        if QApplication.focusWidget() is not w:
            continue
        focused = _image(w)
        if plain == focused:
            report.add(where, w, "no visible change when it has keyboard focus")


def _parking_spots(window: QWidget) -> tuple[QWidget, QWidget]:
    """Two controls to hold focus while another is photographed without it."""
    first = window.findChild(QWidget, "helpButton") or window
    second = window.findChild(QWidget, "nextButton") or window
    return first, second


def audit(
    window: QWidget,
    where: str,
    target_px: int,
    *,
    focus: bool = True,
    keyboard_roots: Sequence[QWidget] | None = None,
) -> AuditReport:
    report = AuditReport()
    root = window
    audit_names(root, where, report)
    audit_touch_targets(root, where, target_px, report)
    if focus:
        audit_focus_order(window, root, where, report, keyboard_roots)
        audit_focus_visible(window, root, where, report)
    # Last: toggling each toggle acts as a press would, and some presses change what shows
    # (Presentation closes the counsellor's step index), so the other checks see the screen
    # as it was asked for.
    audit_colour_alone(root, where, report)
    return report
