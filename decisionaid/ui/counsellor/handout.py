"""Print one step as a handout. Printing support is loaded only when a handout is printed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from decisionaid.core.escape import escape
from decisionaid.core.i18n import N_, _
from decisionaid.ui.counsellor.presenter import cited_keys, sources_html
from decisionaid.ui.iconarray_image import picture_image
from decisionaid.ui.page_view import ICON_SIDE_PX
from decisionaid.ui.safe_document import SafeTextDocument
from decisionaid.ui.theme import STANDARD, document_css

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

    from decisionaid.ui.main_window import MainWindow


NO_HANDOUT = N_(
    "This step shows the reader's own answers, so it has no handout. The summary step prints "
    "the reader's summary with its Print button."
)


def handout_caption(title: str, number: tuple[int, int] | None) -> str:
    """Where the handout comes from: its step as the reader's window numbers it, or a look-up
    page (Sources, Word list, About), which is no step of the path."""
    if number is None:
        return _(
            "From “{title}”, a look-up page. This handout holds no answers and no personal details."
        ).format(title=title)
    return _(
        "From “{title}”, step {n} of {total}. This handout holds no answers and no personal "
        "details."
    ).format(title=title, n=number[0], total=number[1])


def handout_document(window: MainWindow, index: int) -> QTextDocument:
    """The step's text, its pictures and its sources, on white paper whatever the screen shows."""
    guide = window.guide
    step = guide.steps[index]
    rendered = window.pages.render(step)
    doc = SafeTextDocument()  # only the pictures added below; never a file
    doc.setDefaultStyleSheet(document_css(STANDARD))
    colours = (STANDARD.figure_on, STANDARD.figure_off, "#ffffff")
    for a_index, array in enumerate(rendered.icon_arrays):
        if array is None:
            continue
        for g_index in range(len(array.groups)):
            image = picture_image(array, g_index, ICON_SIDE_PX, colours)
            url = QUrl(f"iconarray:{step.id}/{a_index}/{g_index}")
            doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    body = rendered.html
    if not body.strip():
        # A step that asks the reader something prints as an empty form to fill in by hand.
        from decisionaid.core.handout_forms import blank_form_html

        compare = guide.first_of_kind("compare")
        options = compare.options if compare else ()
        data = window.ctx.decision_data()
        body = blank_form_html(step.kind, data, guide.references, options) or (
            f"<p>{escape(_(NO_HANDOUT))}</p>"
        )
    keys = cited_keys(body)
    heading = "<h2>" + escape(_("Sources")) + "</h2>"
    sources = f"{heading}{sources_html(guide, keys)}" if keys else ""
    doc.setHtml(
        f"<h1>{escape(step.title)}</h1>{body}{sources}"
        f"<p class='caption'>{escape(handout_caption(guide.title, guide.step_number(index)))}"
        "</p>"
    )
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, step.title)
    return doc


def print_document(doc: QTextDocument, printer: QPrinter) -> None:
    doc.print_(printer)


def print_step(window: MainWindow, index: int | None = None, parent: QWidget | None = None) -> bool:
    """Ask where to print, over `parent` (the window asked from), then print. Returns whether
    anything was printed."""
    if not window.policy.print_dialog:
        return False
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    index = window.current_index if index is None else index
    doc = handout_document(window, index)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(window.guide.steps[index].title)
    dialog = QPrintDialog(printer, parent or window)
    dialog.setWindowTitle(_("Print this step"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_document(doc, printer)
    return True
