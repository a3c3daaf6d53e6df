"""Setup problems shown on screen where staff run the app themselves (counsellor mode).

A kiosk shows them on its staff panel, behind the hidden gesture; personal use logs them. A
counsellor is staff, so they see what went wrong in the clinic's configuration, and what was
used instead, the first time the app opens, and can put the bar away.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from decisionaid.core.escape import escape
from decisionaid.core.i18n import _
from decisionaid.ui.controls import make_button, set_enum


class StaffNoticeBar(QFrame):
    def __init__(self, notices: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        words = QVBoxLayout()
        heading = QLabel(
            "<b>" + escape(_("For staff: the clinic’s settings have problems")) + "</b>"
        )
        heading.setObjectName("noticeHeading")
        words.addWidget(heading)
        self.notices_label = QLabel("\n".join(notices))
        set_enum(self.notices_label, "textFormat", "PlainText")  # paths and values, as typed
        self.notices_label.setWordWrap(True)
        words.addWidget(self.notices_label)
        words.addWidget(
            QLabel(_("Each setting named here uses its safe default until it is fixed."))
        )
        layout.addLayout(words, 1)
        self.dismiss = make_button(_("Dismiss"), "dismissStaffNotices", tip=_("hide these notices"))
        self.dismiss.clicked.connect(self.hide)
        layout.addWidget(self.dismiss)
        self.setAccessibleName(_("Notices for staff"))
        self.setAccessibleDescription(" ".join(notices))
