"""The summary: what matters to you, your leaning, how sure you feel and your questions.

Print, Save as PDF and the QR code are offered as the policy allows; their modules (print
support, PDF, segno) are imported only when a reader presses the button.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Step
from decisionaid.core.i18n import N_, _, ngettext
from decisionaid.core.qr_payload import QrPlan, qr_code_caption, qr_codes, qr_plan
from decisionaid.core.session import Change
from decisionaid.core.summary import (
    build_summary,
    chosen_question_texts,
    summary_html,
    summary_text,
)
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.reading_measure import TextMeasure
from decisionaid.ui.safe_document import SafeTextDocument, blocked_resource
from decisionaid.ui.skipped_parts import SkippedParts
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import DecisionStep, announce, card
from decisionaid.ui.theme import document_css

PDF_NAME = N_("my-questions.pdf")


def provider_data(guide):  # type: ignore[no-untyped-def]
    """The English guide's decision data, for the provider's copy of the questions; None when
    the reader reads English, or the app has no English guide beside this one."""
    from decisionaid.core.provider_copy import PROVIDER_LANGUAGE, english_decision_data
    from decisionaid.paths import content_dir

    english = content_dir(PROVIDER_LANGUAGE)
    if guide.locale == PROVIDER_LANGUAGE or not (english / "questions.toml").is_file():
        return None
    return english_decision_data(english)


def invalidate_layouts(layout: QLayout | None) -> None:
    """Mark `layout` and every layout inside it as needing its sizes worked out again."""
    if layout is None:
        return
    layout.invalidate()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None and item.layout() is not None:
            invalidate_layouts(item.layout())


class SummaryView(QTextBrowser):
    """Read-only summary text; it loads nothing, not even images."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Returning nothing from the widget's loadResource is not enough: Qt's own document
        # would then read a file named in the HTML itself.
        self.setDocument(SafeTextDocument(self))
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(16)
        self.setAccessibleName(_("Your summary"))
        self.measure = TextMeasure(self, 16)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return blocked_resource(kind)


class SummaryStep(DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        policy = ctx.policy
        # The summary text scrolls on its own, so the step's own column does not scroll.
        self.outer.removeWidget(self.scroll)
        self.scroll.hide()

        # The action row is one widget, so it can make way for the code while that shows.
        self.action_bar = QWidget(self)
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(24, 12, 24, 8)
        actions.setSpacing(policy.control_gap_px)
        # "Print" only where there is a way to print (a dialog, or the clinic's printer);
        # otherwise the QR code is the main way to take the list along.
        self.print_button = make_button(
            _("Print"), "printSummary", primary=policy.offers_print, tip=_("print your summary")
        )
        self.print_button.clicked.connect(self.print_summary)
        if policy.offers_print:
            actions.addWidget(self.print_button)
        else:
            self.print_button.setParent(self)
            self.print_button.hide()
        self.pdf_button = None
        if policy.allow_file_export:
            self.pdf_button = make_button(
                _("Save as PDF"), "savePdf", tip=_("save your summary as a PDF file")
            )
            self.pdf_button.clicked.connect(self.ask_save_pdf)
            actions.addWidget(self.pdf_button)
        self.qr_button = make_button(
            _("Show QR code"),
            "showQr",
            primary=not policy.offers_print,
            tip=_("show your questions as a code your phone can read"),
        )
        self.qr_button.setCheckable(True)
        self.qr_button.toggled.connect(self.show_qr)
        actions.addWidget(self.qr_button)
        self.large_print = QCheckBox(_("Large print"), self)
        self.large_print.setAccessibleName(_("Large print, for printing and saving"))
        self.large_print.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if policy.offers_print or policy.allow_file_export:
            actions.addWidget(self.large_print)
        else:
            self.large_print.hide()  # nothing here is printed or saved
        actions.addStretch(1)
        self.outer.addWidget(self.action_bar)
        self.status = make_label("", "count")
        self.status.setContentsMargins(24, 0, 24, 0)
        self.status.hide()
        self.outer.addWidget(self.status)
        # Parts skipped at their content note, each a button back to it.
        self.skipped = SkippedParts(ctx.guide, lambda step_id: ctx.navigate(step_id, ""), self)
        self.outer.addWidget(self.skipped)

        # The code replaces the summary text while shown, so it always has room to be whole.
        # Whichever of the two is hidden takes no room: a plain layout skips hidden widgets,
        # where a stacked layout would keep the hidden page's minimum size.
        self.pages = QVBoxLayout()
        self.pages.setContentsMargins(0, 0, 0, 0)
        self.view = SummaryView(self)
        self.pages.addWidget(self.view)
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
        self.pages.addWidget(self.qr_panel)
        holder = QHBoxLayout()
        holder.setContentsMargins(12, 0, 12, 0)
        holder.addLayout(self.pages)
        self.outer.addLayout(holder, 1)
        self.qr_widget: QWidget | None = None

    # -- what the summary says -------------------------------------------------------------

    def summary(self):  # type: ignore[no-untyped-def]
        return build_summary(self.ctx.session, self.data, self.ctx.guide)

    @property
    def print_title(self) -> str:
        return self.ctx.guide.wording["summary.print_title"]

    def print_html(self) -> str:
        """What goes on paper: for a reader in another language than English, each question
        with its English wording under it, for the provider."""
        summary = build_summary(
            self.ctx.session, self.data, self.ctx.guide, english=provider_data(self.ctx.guide)
        )
        return summary_html(summary, self.ctx.guide.wording, title=self.print_title)

    def listens_to(self) -> tuple[Change, ...]:
        return (
            Change.VALUES,
            Change.LEANING,
            Change.SURE_ANSWERS,
            Change.QUESTIONS,
            Change.HIDE_ANSWERS,
            Change.SKIPPED_PARTS,
        )

    def refresh(self) -> None:
        hidden = self.ctx.session.state.hide_answers
        wording = self.ctx.guide.wording
        body = summary_html(
            self.summary(),
            wording,
            title="",
            hide_answers=hidden,
            for_paper=False,
        )
        self.view.document().setDefaultStyleSheet(document_css(self.ctx.theme()))
        self.view.setHtml(body)
        self.view.measure.fit()
        self.skipped.show_parts(self.ctx.session.state.skipped_parts)
        has_questions = bool(self.ctx.session.state.question_order)
        self.qr_button.setEnabled(has_questions)
        if not has_questions and self.qr_button.isChecked():
            self.qr_button.setChecked(False)
        elif self.qr_button.isChecked():
            self._update_qr()

    def reset(self) -> None:
        self.qr_button.setChecked(False)
        self._clear_qr()
        self.large_print.setChecked(False)
        self.status.hide()
        forget_reader_text(self.status)
        super().reset()

    def apply_theme(self) -> None:
        super().apply_theme()
        if hasattr(self, "view"):
            self.refresh()

    def _say(self, text: str) -> None:
        show_reader_text(self.status, text, name=text)  # e.g. where the reader saved a PDF
        self.status.show()
        announce(self.status, text)

    # -- actions ---------------------------------------------------------------------------

    def print_summary(self) -> None:
        from decisionaid.ui.printing import PrintResult, print_summary

        result = print_summary(
            self.print_html(),
            title=self.print_title,
            large_print=self.large_print.isChecked(),
            policy=self.ctx.policy,
            config=self.ctx.config,
            parent=self,
        )
        messages = {
            PrintResult.PRINTED: _("Your summary was sent to the printer."),
            PrintResult.CANCELLED: _("Printing was cancelled. Nothing was printed."),
            PrintResult.NO_PRINTER: _(
                "No printer is ready here. Please ask a member of staff, "
                "or use the QR code to take your questions with you."
            ),
        }
        self._say(messages[result])

    def ask_save_pdf(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        path, _kind = QFileDialog.getSaveFileName(
            self,
            _("Save your summary as a PDF"),
            str(Path(folder) / _(PDF_NAME)),
            _("PDF files (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        from decisionaid.ui.printing import save_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            save_pdf(
                self.print_html(),
                path,
                title=self.print_title,
                large_print=self.large_print.isChecked(),
            )
        except OSError:
            self._say(_("The PDF could not be saved there. Please choose another folder."))
            return
        self._say(_("Saved as {path}.").format(path=path))

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.qr_panel.isVisible():
            self._update_qr()  # a new room: maybe another module size, or fewer codes

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

    def first_focus(self) -> QWidget | None:
        return self.print_button if self.ctx.policy.offers_print else self.qr_button

    def text_for_reading(self) -> str:
        wording = self.ctx.guide.wording
        return summary_text(self.summary(), wording, title=wording["summary.title"])
