"""The parts of the main window, top to bottom: header, progress, contents and page, the bars
that show under the page, and the footer. Each builds its own widgets; the window wires them.

Widgets are made in reading order, so Tab visits them in the order they are laid out. The
parts with a background are QFrames: a style sheet paints a plain QWidget subclass's background
only with WA_StyledBackground set, which takes the `Qt` namespace (see controls.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QMoveEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Guide
from decisionaid.core.i18n import _
from decisionaid.core.policy import Policy
from decisionaid.ui.controls import make_button, set_enum

if TYPE_CHECKING:
    from decisionaid.ui.contents_list import ContentsList


class ProgressRow(QFrame):
    """The step's title, "Step N of M" and a progress bar."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("progressRow")
        p = QVBoxLayout(self)
        p.setContentsMargins(16, 0, 16, 10)
        p.setSpacing(4)
        labels = QHBoxLayout()
        self.counter_label = QLabel()
        self.counter_label.setObjectName("stepCounter")
        self.step_title = QLabel()
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        set_enum(self.step_title, "textFormat", "PlainText")  # titles come from files
        labels.addWidget(self.step_title, 1)
        # At its own width beside the stretching title, so at the right; a label centres its
        # text vertically by default.
        labels.addWidget(self.counter_label, 0)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Progress through the guide"))
        self.progress.setTextVisible(False)
        kept = self.progress.sizePolicy()
        kept.setRetainSizeWhenHidden(True)  # a look-up page hides it without moving the page
        self.progress.setSizePolicy(kept)
        p.addLayout(labels)
        p.addWidget(self.progress)

    def show_step(self, title: str, number: tuple[int, int] | None) -> None:
        """`number` is (N, M) for "Step N of M", or None for a look-up page (Sources, Word
        list, About), which is no step of the path: the bar keeps its place, empty of words."""
        self.step_title.setText(title)
        if number is None:
            self.counter_label.setText(_("Look-up page"))
            self.counter_label.setAccessibleName(_("Look-up page: {title}").format(title=title))
            self.progress.setVisible(False)
            return
        n, total = number
        counter = _("Step {n} of {total}").format(n=n, total=total)
        self.counter_label.setText(counter)
        self.counter_label.setAccessibleName(counter)
        # QProgressBar.setValue repaints at once; with updates paused the new value is drawn in
        # the window's next paint, together with the new step, instead of in a pass of its own.
        self.progress.setUpdatesEnabled(False)
        self.progress.setRange(0, total)
        self.progress.setValue(n)
        self.progress.setUpdatesEnabled(True)
        self.progress.setAccessibleDescription(counter)
        self.progress.setVisible(True)

    def show_empty(self) -> None:
        self.step_title.setText(_("This guide is not available right now"))
        self.counter_label.setText("")


class Central(QWidget):
    """The window's middle, under which the panels lie: says when it is resized."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class Body(QWidget):
    """The contents list beside the step.

    The list is made the first time something asks for it (`contents`): a kiosk hides it at
    first, and its welcome need not wait for PySide6 to build its list classes (QListWidget,
    QListView, QAbstractItemView and their enums, about 12 M instructions)."""

    placed = Signal()  # moved or resized

    def __init__(
        self,
        guide: Guide,
        go_to: Callable[[int], None],
        columns: list[QVBoxLayout],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._guide = guide
        self._go_to = go_to
        self._contents: ContentsList | None = None
        b = QHBoxLayout(self)
        b.setContentsMargins(12, 12, 12, 0)
        b.setSpacing(12)
        self._row = b
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stepArea")
        b.addWidget(self.stack, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.placed.emit()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.placed.emit()  # the page moves down when the header grows

    @property
    def contents_made(self) -> bool:
        return self._contents is not None

    @property
    def contents(self) -> ContentsList:
        if self._contents is None:
            from decisionaid.ui.contents_list import ContentsList

            contents = ContentsList(self._guide, self._go_to, self)
            contents.hide()  # until the window shows it
            self._row.insertWidget(0, contents)
            # Where it would be, made before the step area: first among the body's children
            # (a screen reader's order) and right after the body in the Tab order.
            contents.stackUnder(self.stack)
            set_enum(self, "focusPolicy", "TabFocus")  # setTabOrder ignores a NoFocus widget
            QWidget.setTabOrder(self, contents)
            set_enum(self, "focusPolicy", "NoFocus")
            self._contents = contents
        return self._contents

    def show_empty(self) -> None:
        """A guide with no usable step: say so calmly where the step would be."""
        if self.stack.count() == 0:
            label = QLabel(
                _(
                    "Something is wrong with the guide's files, so it cannot be shown. "
                    "Please tell a member of staff. The help button above still works."
                )
            )
            label.setWordWrap(True)
            set_enum(label, "alignment", "AlignCenter")
            self.stack.addWidget(label)


class StartOverBar(QFrame):
    """Asks once before wiping the reader's answers; part of the window, never a popup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        label = QLabel(
            _("Start over? This clears everything you chose and goes back to the start.")
        )
        label.setWordWrap(True)
        # The choice that wipes everything is never the inviting one: keeping going is.
        self.cancel = make_button(_("Keep going"), "cancelStartOver", primary=True)
        self.confirm = make_button(_("Yes, start over"), "confirmStartOver")
        self.cancel.clicked.connect(self.hide)
        layout.addWidget(label, 1)
        layout.addWidget(self.cancel)
        layout.addWidget(self.confirm)
        self.setAccessibleName(_("Start over?"))
        self.hide()


class Footer(QFrame):
    """ "Start over" at the left, Back and Next at the right, and room between them for the
    tools a mode adds."""

    def __init__(self, policy: Policy, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        f = QHBoxLayout(self)
        f.setContentsMargins(16, 10, 16, 10)
        f.setSpacing(policy.control_gap_px)
        self._row = f
        self.start_over_button = make_button(
            _("Start over"), "startOver", tip=_("clear your answers and go back to the start")
        )
        self.back_button = make_button(_("Back"), "backButton", tip=_("previous step"))
        self.next_button = make_button(_("Next"), "nextButton", primary=True, tip=_("next step"))
        f.addWidget(self.start_over_button)
        f.addStretch(1)
        f.addWidget(self.back_button)
        f.addWidget(self.next_button)

    def add_tools(self, bar: QWidget, buttons: list[QPushButton]) -> None:
        """`bar` takes the room between "Start over" and Back; its `buttons` follow "Start
        over" in Tab order."""
        stretch = self._row.itemAt(1)
        if stretch is not None and stretch.spacerItem() is not None:
            self._row.takeAt(1)
        self._row.insertWidget(1, bar, 1)
        previous: QWidget = self.start_over_button
        for b in buttons:
            QWidget.setTabOrder(previous, b)
            previous = b


def add_shortcuts(
    window: QWidget,
    bindings: Sequence[tuple[str, Callable[[], object]]],
    *,
    quit: Callable[[], object] | None,
) -> None:
    """Window shortcuts (Qt's default context) for `bindings`, and, with `quit`, every key
    the platform binds to Quit."""
    for keys, slot in bindings:
        QShortcut(QKeySequence(keys), window).activated.connect(slot)
    if quit is not None:
        from PySide6.QtGui import QAction  # its enums cost start-up time where unused

        action = QAction(window)  # not QAction(text, window): see make_button
        action.setText(_("Quit"))
        # setShortcut() would look up the `Qt` namespace (see controls.py).
        action.setShortcuts(QKeySequence.StandardKey.Quit)
        action.triggered.connect(quit)
        window.addAction(action)
