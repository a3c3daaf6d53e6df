"""Buttons a page step may carry above its text: on the first step, the short path ("At a
glance") for a reader with only a few minutes; on a step marked `print` in guide.toml, "Print
this page", on one sheet with the guide's edition, where printing is offered at all.

The words come from the guide's step-wording.toml ([short_path], [print_page]); printing loads
only when the reader presses Print.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from decisionaid.core.guide import Step
from decisionaid.core.page_print import page_print_html, printing_offered
from decisionaid.ui.announce import announce
from decisionaid.ui.controls import make_button, make_label
from decisionaid.ui.steps.base import StepContext


def wanted(ctx: StepContext, step: Step) -> bool:
    """Whether `step` carries any of these buttons."""
    return _offers_short_path(ctx, step) or _offers_print(ctx, step)


def _offers_short_path(ctx: StepContext, step: Step) -> bool:
    guide = ctx.guide
    first = guide.steps[0] if guide.steps else None
    return bool(
        first is step
        and guide.short_path
        and guide.short_path != step.id
        and guide.wording["short_path.button"]
    )


def _offers_print(ctx: StepContext, step: Step) -> bool:
    return bool(
        step.print_layout
        and printing_offered(ctx.policy, ctx.config)
        and ctx.guide.wording["print_page.button"]
    )


class PageActions(QWidget):
    """The row of buttons, above the page they belong to, and a line for what printing did."""

    def __init__(self, ctx: StepContext, step: Step, page: QWidget) -> None:
        super().__init__()
        self.ctx = ctx
        self.step = step
        words = ctx.guide.wording
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        row = QHBoxLayout()
        row.setContentsMargins(24, 12, 24, 4)
        row.setSpacing(ctx.policy.control_gap_px)
        self.short_path_button = None
        self.print_button = None
        if _offers_short_path(ctx, step):
            self.short_path_button = make_button(words["short_path.button"], "shortPath")
            self.short_path_button.clicked.connect(lambda: ctx.navigate(ctx.guide.short_path, ""))
            row.addWidget(self.short_path_button)
        if _offers_print(ctx, step):
            self.print_button = make_button(words["print_page.button"], "printPage")
            self.print_button.clicked.connect(self.print_page)
            row.addWidget(self.print_button)
        row.addStretch(1)
        column.addLayout(row)
        self.status = make_label("", "count")
        self.status.setContentsMargins(24, 0, 24, 4)
        self.status.hide()
        column.addWidget(self.status)
        column.addWidget(page, 1)

    # -- printing ----------------------------------------------------------------------------

    def print_html(self) -> str:
        rendered = self.ctx.pages.render(self.step)
        return page_print_html(self.ctx.guide, self.step, rendered.html)

    def document_maker(self):  # type: ignore[no-untyped-def]
        """A function from a body size in points to the printable document."""
        from decisionaid.ui.printing import page_document

        html = self.print_html()
        arrays = self.ctx.pages.render(self.step).icon_arrays
        pictures = [(self.step.id, i, a) for i, a in enumerate(arrays)]
        return lambda points: page_document(html, self.step.title, points, pictures)

    @property
    def landscape(self) -> bool:
        return self.step.print_layout == "landscape"

    def print_page(self) -> None:
        from decisionaid.ui.printing import PrintResult, print_page

        result = print_page(
            self.document_maker(),
            title=self.step.title,
            landscape=self.landscape,
            policy=self.ctx.policy,
            config=self.ctx.config,
            parent=self,
        )
        words = self.ctx.guide.wording
        key = {
            PrintResult.PRINTED: "print_page.printed",
            PrintResult.CANCELLED: "print_page.cancelled",
            PrintResult.NO_PRINTER: "print_page.no_printer",
        }[result]
        self.say(words[key])

    def save_pdf(self, path):  # type: ignore[no-untyped-def]
        """The printout as a PDF file (for the tests and the screenshots; readers print)."""
        from decisionaid.ui.printing import save_page_pdf

        return save_page_pdf(
            self.document_maker(), path, title=self.step.title, landscape=self.landscape
        )

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
        if text:
            announce(self.status, text)

    def reset(self) -> None:
        self.say("")
