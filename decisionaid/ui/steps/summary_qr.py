"""The summary's QR code: a panel that takes the summary's place while it shows, with the
largest code that still reads, what it holds and how to use it, and a way through several codes
when a long list needs more than one. segno is imported only when the code is first shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.i18n import _, ngettext
from decisionaid.core.qr_payload import QrPlan, qr_code_caption, qr_codes, qr_plan
from decisionaid.core.summary import chosen_question_texts
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.steps.decision_base import announce, card


def invalidate_layouts(layout: QLayout | None) -> None:
    """Mark `layout` and every layout inside it as needing its sizes worked out again."""
    if layout is None:
        return
    layout.invalidate()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None and item.layout() is not None:
            invalidate_layouts(item.layout())


class SummaryQrPanel:
    """The QR code part of the summary step (a mixin for `SummaryStep`): it builds the panel,
    shows and hides it with the "Show QR code" button, and fits the code to its room."""

    def _build_qr_panel(self) -> None:
        # The code takes the panel's full height (height is what a wide screen is short of);
        # what it holds and how to use it sit beside it, in the width left over.
        self.qr_panel, qr_lay = card(self)
        qr_lay.setContentsMargins(16, 8, 16, 8)
        self.qr_panel.hide()
        # The code beside its words on a wide screen, above them on a tall one.
        self.qr_holder = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.qr_holder.setSpacing(24)
        side = QVBoxLayout()
        side.setSpacing(8)
        # "Hide the code" shares its row with the headline, so the words below get the height
        # that large text needs.
        top = QHBoxLayout()
        top.setSpacing(12)
        self.qr_missing = make_label("", "count", parent=self.qr_panel)
        self.qr_missing.hide()
        top.addWidget(self.qr_missing, 1)
        self.hide_qr_button = make_button(_("Hide the code"), "hideQr")
        self.hide_qr_button.clicked.connect(self._hide_qr_by_button)
        top.addWidget(
            self.hide_qr_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        side.addLayout(top)
        # A long list takes several codes, shown one at a time.
        self.code_row = QWidget(self.qr_panel)
        self.code_row.setObjectName("qrCodeRow")
        row = QHBoxLayout(self.code_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.previous_code_button = make_button(_("Previous code"), "previousQr")
        self.next_code_button = make_button(_("Next code"), "nextQr")
        self.previous_code_button.clicked.connect(lambda: self._step_code(-1))
        self.next_code_button.clicked.connect(lambda: self._step_code(+1))
        row.addWidget(self.previous_code_button)
        row.addWidget(self.next_code_button)
        row.addStretch(1)
        self.code_row.hide()
        side.addWidget(self.code_row)
        self._code_index = 0
        # The words scroll if a narrow window leaves them too little room.
        self.qr_words = QScrollArea(self.qr_panel)
        self.qr_words.setObjectName("qrWords")
        self.qr_words.setWidgetResizable(True)
        self.qr_words.setFrameShape(QFrame.Shape.NoFrame)
        self.qr_words.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.qr_words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.qr_words.viewport().setAutoFillBackground(False)
        words = QWidget()
        words.setObjectName("qrWordsBody")
        words.setAutoFillBackground(False)
        words_lay = QVBoxLayout(words)
        words_lay.setContentsMargins(0, 0, 0, 0)
        self.qr_note = make_label("", parent=words)
        words_lay.addWidget(self.qr_note)
        words_lay.addStretch(1)
        self.qr_words.setWidget(words)
        side.addWidget(self.qr_words, 1)
        self.qr_holder.addLayout(side, 1)
        qr_lay.addLayout(self.qr_holder, 1)
        self.qr_widget: QWidget | None = None

    def show_qr(self, on: bool) -> None:
        if on:
            self.hide_qr_button.setFocus(Qt.FocusReason.OtherFocusReason)
        # While the code shows it has the step to itself: the summary text, the action row
        # and any status line make way, and "Hide the code" brings them back.
        # What goes away is hidden before what comes back is shown: for a moment both would
        # ask for room, and a window made taller for that moment does not shrink back.
        if on:
            self.view.setVisible(False)
        else:
            self.qr_panel.setVisible(False)
        self.action_bar.setVisible(not on)
        self.skipped.setVisible(not on and bool(self.skipped.button_texts()))
        self.status.setVisible(not on and bool(self.status.text()))
        self.view.setVisible(not on)
        self.qr_panel.setVisible(on)
        if on:
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the panel's size now, which the code is made to fit
            self._update_qr()
        else:
            self._clear_qr()
        # A reset hides the code while this step is off screen, and Qt then keeps the nested
        # layouts' old sizes: the hidden step would go on asking for the code's height.
        invalidate_layouts(self.layout())
        self.qr_button.setText(_("Hide QR code") if on else _("Show QR code"))
        self.qr_button.setAccessibleName(self.qr_button.text())

    def _hide_qr_by_button(self) -> None:
        self.qr_button.setChecked(False)
        self.qr_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_qr(self) -> None:
        """Forget the code's questions: a hidden code holds nothing of the reader's."""
        if self.qr_widget is not None:
            self.qr_widget.set_text("")  # type: ignore[attr-defined]
            self.qr_widget.setAccessibleDescription("")
        self.qr_note.setText("")
        self.qr_missing.setText("")
        self.qr_missing.hide()
        self.code_row.hide()
        self._code_index = 0

    def _step_code(self, direction: int) -> None:
        self._code_index += direction
        self._update_qr()
        # At either end the pressed button turns off: the keyboard moves to the other one.
        pressed, other = (
            (self.next_code_button, self.previous_code_button)
            if direction > 0
            else (self.previous_code_button, self.next_code_button)
        )
        if not pressed.isEnabled():
            other.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.qr_missing.text())

    def _qr_room(self) -> int:
        """The side, in pixels, of the largest square the code may take in its panel: all of
        the panel's height beside the words on a wide screen, all of its width above them on a
        tall one, leaving the words the room they need to be read."""
        margins = self.qr_panel.layout().contentsMargins()
        width = self.qr_panel.width() - margins.left() - margins.right()
        height = self.qr_panel.height() - margins.top() - margins.bottom()
        metrics = QFontMetrics(self.qr_note.font())
        gap = self.qr_holder.spacing()
        portrait = height > width
        self.qr_holder.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if portrait:
            words = max(height // 4, 8 * metrics.lineSpacing())
            return max(0, min(width, height - words - gap))
        words = max(width * 35 // 100, 22 * metrics.averageCharWidth())
        return max(0, min(height, width - words - gap))

    def qr_plan(self) -> QrPlan:
        """How big the codes may be here: the room, and the screen's pixels per millimetre."""
        from decisionaid.ui.qr_widget import screen_px_per_mm

        screen = self.screen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        return qr_plan(self._qr_room(), screen_px_per_mm(screen), ratio)

    def _update_qr(self) -> None:
        from decisionaid.ui.qr_widget import QrCodeWidget

        if self.qr_widget is None:
            self.qr_widget = QrCodeWidget(self.qr_panel)
            self.qr_holder.insertWidget(0, self.qr_widget, 0, Qt.AlignmentFlag.AlignTop)
            self.qr_widget.show()  # the panel already shows: a layout would show it only later
        plan = self.qr_plan()
        questions = chosen_question_texts(self.ctx.session, self.data)
        guide = self.ctx.guide
        codes = qr_codes(
            questions,
            heading=guide.wording["summary.qr_heading"],
            footer=guide.qr_edition_line,
            max_bytes=plan.max_bytes,
        )
        self._code_index = max(0, min(self._code_index, len(codes) - 1))
        payload = codes[self._code_index]
        self.code_row.setVisible(payload.count > 1)
        self.previous_code_button.setEnabled(payload.index > 1)
        self.next_code_button.setEnabled(payload.index < payload.count)
        widget = self.qr_widget
        widget.set_text(payload.text)  # type: ignore[attr-defined]
        side = self._qr_room()
        across = self.qr_holder.direction() == QBoxLayout.Direction.TopToBottom
        self.qr_holder.setAlignment(
            widget,
            Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignHCenter if across else 0),  # type: ignore[operator]
        )
        widget.set_module_px(plan.module_px(widget.modules, side))  # type: ignore[attr-defined]
        missing, what_to_do = qr_code_caption(payload)
        self.qr_missing.setText(missing)
        self.qr_missing.setVisible(bool(missing))
        how = ngettext(
            "Point your phone's camera at the code to copy the question in it. It holds your "
            "question and the guide's edition: no name, no answers, no web address. Nothing is "
            "sent anywhere.",
            "Point your phone's camera at the code to copy the questions in it. It holds your "
            "questions and the guide's edition: no name, no answers, no web address. Nothing is "
            "sent anywhere.",
            payload.included,
        )
        note = " ".join(p for p in (what_to_do, how) if p)
        self.qr_note.setText(note)
        self.qr_widget.setAccessibleDescription(" ".join(p for p in (missing, note) if p))
