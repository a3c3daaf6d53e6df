"""The "Get help now" panel: crisis lines from data, over whatever step is showing."""

from __future__ import annotations

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.config import Config
from decisionaid.core.escape import escape
from decisionaid.core.guide import CrisisInfo, Guide
from decisionaid.core.i18n import _
from decisionaid.core.policy import Policy
from decisionaid.ui.controls import clear_layout, label_words, make_button, make_label, set_enum

READING_WIDTH_PX = 960  # as wide as a kiosk screen's card


class CrisisLines(QWidget):
    """The crisis lines, each what to do in large type ("Call or text 988") over who answers.

    Made where they are shown: in the help panel, and on the idle warning that comes over it.
    """

    def __init__(
        self,
        info: CrisisInfo,
        staff_line: str = "",
        parent: QWidget | None = None,
        *,
        intro: bool = True,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        if intro:
            layout.addWidget(make_label(info.intro))
        for line in info.lines:
            who = f" ({line.audience})" if line.audience else ""
            box = QFrame(self)
            box.setObjectName("crisisLine")
            lines = QVBoxLayout(box)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(2)
            # Crisis lines come from content and clinic files: shown as text, never as markup.
            action = make_label(f"<b>{escape(line.action)}</b>", "crisisAction", rich=True)
            action.setAccessibleName(line.action)
            lines.addWidget(action)
            about = make_label("\n".join(p for p in (line.name + who, line.detail) if p))
            lines.addWidget(about)
            box.setAccessibleName(f"{line.action}. {line.name}{who}. {line.detail}")
            layout.addWidget(box)
        if staff_line:
            # The clinic's contact line, straight from its configuration file.
            layout.addWidget(make_label(staff_line, "clinicContact"))

    def text_for_reading(self) -> str:
        return "\n".join(label_words(w) for w in self.findChildren(QLabel) if w.text())


class HelpPanel(QFrame):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None, *, full_width: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setAccessibleName(_("Get help now"))
        self.full_width = full_width
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(12)
        top = QHBoxLayout()
        self.heading = QLabel(_("Get help now"))
        self.heading.setObjectName("stepTitle")
        self.close_button = make_button(_("Close help"), "closeHelp", primary=True)
        self.close_button.clicked.connect(self.hide_panel)
        top.addWidget(self.heading, 1)
        top.addWidget(self.close_button)
        outer.addLayout(top)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSpacing(14)
        self.scroll.setWidget(self.body)
        if full_width:
            # Across a wide screen the words keep a readable measure, in the middle.
            self.body.setMaximumWidth(READING_WIDTH_PX)
            set_enum(self.scroll, "alignment", "AlignHCenter|AlignTop")
        outer.addWidget(self.scroll, 1)
        self._pending: tuple[CrisisInfo, str] | None = None
        self.hide()

    def place(self, area: QRect, top: int) -> None:
        """At the right of `area` (the window's middle), from `top` (the page's top) down; over
        the whole width where the panel is to be read from a step back (a kiosk)."""
        if self.full_width:
            # Close to the edges, so no sliver of the controls underneath shows around it.
            margin = 8
            width = area.width() - 2 * margin
        else:
            margin = 24
            width = min(area.width() - 2 * margin, max(560, area.width() // 2))
        self.setGeometry(
            area.right() - width - margin, top + 8, width, area.height() - top - margin
        )

    def set_crisis(self, info: CrisisInfo, staff_line: str = "") -> None:
        """Set the lines to show; their labels are made when the panel first opens."""
        self._pending = (info, staff_line)
        self.setAccessibleDescription(
            " ".join(f"{line.action}, {line.name}." for line in info.lines)
        )

    def showEvent(self, event):  # type: ignore[no-untyped-def]
        self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        if self._pending is None:
            return
        info, staff_line = self._pending
        self._pending = None
        clear_layout(self.body_layout)
        self.lines = CrisisLines(info, staff_line, self.body)
        self.body_layout.addWidget(self.lines)
        closing = make_label(
            _(
                "You can also stop reading at any time. Nothing here is urgent. "
                "Take a break, breathe slowly, and come back when you are ready."
            )
        )
        self.body_layout.addWidget(closing)
        self.body_layout.addStretch(1)

    def show_panel(self) -> None:
        self.show()
        self.raise_()
        self.close_button.setFocus()  # Qt.FocusReason.OtherFocusReason

    def hide_panel(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def text_for_reading(self) -> str:
        self._fill()
        parts = [self.heading.text()]
        for w in self.body.findChildren(QLabel):
            if w.text():
                parts.append(label_words(w))
        return "\n".join(parts)


def crisis_lines(guide: Guide, config: Config, policy: Policy) -> tuple[CrisisInfo, str]:
    """The crisis lines for the guide's language (the clinic's, where it set its own), and a
    line about the clinic's own help: its contact, or the front desk in a waiting room."""
    info = config.crisis.get(guide.locale, guide.crisis)
    if config.clinic_contact:
        return info, config.clinic_contact
    if policy.fullscreen:
        return info, _("You can also ask a member of staff at the front desk.")
    return info, ""
