"""The summary: what matters to you, your leaning, how sure you feel and your questions.

Print, Save as PDF and the QR code are offered as the policy allows; their modules (print
support, PDF, segno) are imported only when a reader presses the button.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from decisionaid.core.guide import Step
from decisionaid.core.i18n import _
from decisionaid.core.session import Change
from decisionaid.core.summary import build_summary, summary_html, summary_text
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.reader_text import forget_reader_text, show_reader_text
from decisionaid.ui.reading_measure import TextMeasure
from decisionaid.ui.safe_document import SafeTextDocument, blocked_resource
from decisionaid.ui.skipped_parts import SkippedParts
from decisionaid.ui.steps.base import StepContext
from decisionaid.ui.steps.decision_base import DecisionStep, announce
from decisionaid.ui.steps.summary_paper import SummaryOnPaper
from decisionaid.ui.steps.summary_qr import SummaryQrPanel
from decisionaid.ui.theme import document_css

# The least room between the step's edges and its buttons and notes.
SIDE_PX = 24


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


class SummaryStep(SummaryQrPanel, SummaryOnPaper, DecisionStep):
    def __init__(self, ctx: StepContext, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(ctx, step, parent)
        policy = ctx.policy
        # The summary text scrolls on its own, so the step's own column does not scroll.
        self.outer.removeWidget(self.scroll)
        self.scroll.hide()

        # The action row is one widget, so it can make way for the code while that shows.
        self.action_bar = QWidget(self)
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(SIDE_PX, 12, SIDE_PX, 8)
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
        self.status.setContentsMargins(SIDE_PX, 0, SIDE_PX, 0)
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
        self._build_qr_panel()
        self.pages.addWidget(self.qr_panel)
        holder = QHBoxLayout()
        holder.setContentsMargins(12, 0, 12, 0)
        holder.addLayout(self.pages)
        self.outer.addLayout(holder, 1)
        self.view.measure.fitted.connect(self._line_up)

    def _line_up(self) -> None:
        """The buttons, the notes and the skipped parts above the summary start where its
        words do, so the eye finds them on the same edge; never so far in that the buttons
        would no longer fit their row."""
        measure = self.view.measure
        left, right = measure.column()
        origin = measure.viewport.mapTo(self, QPoint(0, 0)).x()
        row = self.action_bar.layout()
        margins = row.contentsMargins()
        buttons = row.sizeHint().width() - margins.left() - margins.right()
        start = max(SIDE_PX, min(origin + left, self.width() - SIDE_PX - buttons))
        end = max(SIDE_PX, self.width() - origin - right)
        if start == margins.left() and end == margins.right():
            return
        row.setContentsMargins(start, margins.top(), end, margins.bottom())
        self.status.setContentsMargins(start, 0, end, 0)
        self.skipped.set_sides(start, end)

    # -- what the summary says -------------------------------------------------------------

    def summary(self):  # type: ignore[no-untyped-def]
        return build_summary(self.ctx.session, self.data, self.ctx.guide)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.qr_panel.isVisible():
            self._update_qr()  # a new room: maybe another module size, or fewer codes

    def first_focus(self) -> QWidget | None:
        return self.print_button if self.ctx.policy.offers_print else self.qr_button

    def text_for_reading(self) -> str:
        wording = self.ctx.guide.wording
        return summary_text(self.summary(), wording, title=wording["summary.title"])
