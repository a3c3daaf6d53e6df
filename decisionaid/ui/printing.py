"""Printing the summary, or one step on one page, and saving either as a PDF. Imported only when
the reader asks for one of them.

Where the policy forbids a print dialog (kiosk), the summary goes straight to the configured
printer, and only if that printer really exists: an unknown printer name makes QPrinter fall
back to writing a PDF file, which must never happen on a shared machine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from decisionaid.core.config import Config
from decisionaid.core.i18n import _
from decisionaid.core.page_print import page_print_css
from decisionaid.core.policy import Policy
from decisionaid.core.summary import print_css, print_font_pt
from decisionaid.ui.safe_document import SafeTextDocument

if TYPE_CHECKING:
    from decisionaid.core.iconarray import Picture

# QTextDocument.print_ adds its own 2 cm margins inside the device's printable area.
PAGE_MARGIN_MM = 0


class PrintResult(Enum):
    PRINTED = "printed"
    CANCELLED = "cancelled"
    NO_PRINTER = "no printer"


def summary_document(body_html: str, title: str, large_print: bool) -> QTextDocument:
    doc = SafeTextDocument()  # never reads a file or a data: address named in the HTML
    font = QFont(doc.defaultFont())
    font.setPointSize(print_font_pt(large_print))
    doc.setDefaultFont(font)
    # The stylesheet must be set before the HTML, or Qt ignores it.
    doc.setDefaultStyleSheet(print_css(large_print))
    doc.setHtml(body_html)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return doc


def _lay_out(device: QPagedPaintDevice, landscape: bool = False) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    device.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    device.setPageMargins(
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def save_pdf(body_html: str, path: Path, *, title: str, large_print: bool = False) -> Path:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Ketamine for PTSD decision aid")
    _lay_out(writer)
    summary_document(body_html, title, large_print).print_(writer)
    return path


def kiosk_printer(name: str) -> QPrinter | None:
    """A printer that prints on paper, or None. Never a PDF or PostScript file."""
    available = QPrinterInfo.availablePrinterNames()
    chosen = name or QPrinterInfo.defaultPrinterName()
    if not chosen or chosen not in available:
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(chosen)
    printer.setOutputFileName("")
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.isValid():
        return None
    return printer


def _choose_printer(
    *,
    title: str,
    dialog_title: str,
    landscape: bool,
    policy: Policy,
    config: Config,
    parent: QWidget | None,
) -> QPrinter | PrintResult:
    """The printer the reader chose in the print dialog, or on a kiosk its configured one;
    else why nothing will print."""
    if policy.print_dialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        _lay_out(printer, landscape)  # so the dialog offers the page the way it will print
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(dialog_title)
        dialog.setOption(
            QAbstractPrintDialog.PrintDialogOption.PrintToFile, policy.allow_file_export
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return PrintResult.CANCELLED
        return printer
    found = kiosk_printer(config.printer)
    if found is None:
        return PrintResult.NO_PRINTER
    found.setDocName(title)
    return found


def print_summary(
    body_html: str,
    *,
    title: str,
    large_print: bool,
    policy: Policy,
    config: Config,
    parent: QWidget | None = None,
) -> PrintResult:
    printer = _choose_printer(
        title=title,
        dialog_title=_("Print your summary"),
        landscape=False,
        policy=policy,
        config=config,
        parent=parent,
    )
    if isinstance(printer, PrintResult):
        return printer
    _lay_out(printer)
    summary_document(body_html, title, large_print).print_(printer)
    return PrintResult.PRINTED


# -- one step on one page ------------------------------------------------------------------------

# Body sizes tried, largest first, until the step fits on one sheet; below the last it prints
# on more than one rather than in type too small to read.
ONE_PAGE_POINTS = (12, 11, 10, 9, 8)
QT_PRINT_MARGIN_CM = 2  # QTextDocument.print_ keeps this margin inside the printable area


def page_document(
    body_html: str,
    title: str,
    body_pt: int,
    pictures: Sequence[tuple[str, int, Picture | None]] = (),
) -> QTextDocument:
    """A step's printable HTML (core/page_print.py) at `body_pt`, with its icon arrays drawn
    in black on white: `pictures` holds (step id, index, array) for each picture slot."""
    from decisionaid.ui.iconarray_image import picture_image
    from decisionaid.ui.page_view import ICON_SIDE_PX

    doc = SafeTextDocument()  # only the pictures added below; never a file
    font = QFont(doc.defaultFont())
    font.setPointSize(body_pt)
    doc.setDefaultFont(font)
    for step_id, index, array in pictures:
        if array is None:
            continue
        for g_index in range(len(array.groups)):
            image = picture_image(array, g_index, ICON_SIDE_PX, ("#000000", "#555555", "#ffffff"))
            url = QUrl(f"iconarray:{step_id}/{index}/{g_index}")
            doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
    doc.setDefaultStyleSheet(page_print_css(body_pt))
    doc.setHtml(body_html)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    return doc


def pages_when_printed(doc: QTextDocument, device: QPagedPaintDevice) -> int:
    """How many sheets `doc.print_(device)` will use: laid out as print_ lays it out, on the
    device's page at its resolution, inside print_'s own margin."""
    copy = doc.clone()
    copy.documentLayout().setPaintDevice(device)
    margin = QT_PRINT_MARGIN_CM / 2.54 * device.logicalDpiY()
    frame = copy.rootFrame().frameFormat()
    frame.setMargin(margin)
    copy.rootFrame().setFrameFormat(frame)
    copy.setPageSize(QSizeF(device.width(), device.height()))
    return copy.pageCount()


def one_page_document(
    make: Callable[[int], QTextDocument], device: QPagedPaintDevice
) -> QTextDocument:
    """The largest of ONE_PAGE_POINTS at which the document fits on one sheet of `device`."""
    doc = make(ONE_PAGE_POINTS[0])
    for points in ONE_PAGE_POINTS:
        doc = make(points)
        if pages_when_printed(doc, device) <= 1:
            break
    return doc


def save_page_pdf(
    make: Callable[[int], QTextDocument], path: Path, *, title: str, landscape: bool
) -> Path:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Ketamine for PTSD decision aid")
    _lay_out(writer, landscape)
    one_page_document(make, writer).print_(writer)
    return path


def print_page(
    make: Callable[[int], QTextDocument],
    *,
    title: str,
    landscape: bool,
    policy: Policy,
    config: Config,
    parent: QWidget | None = None,
) -> PrintResult:
    """One step on one sheet: through the print dialog, or on a kiosk straight to its
    configured printer, as the summary prints."""
    printer = _choose_printer(
        title=title,
        dialog_title=title,
        landscape=landscape,
        policy=policy,
        config=config,
        parent=parent,
    )
    if isinstance(printer, PrintResult):
        return printer
    _lay_out(printer, landscape)
    one_page_document(make, printer).print_(printer)
    return PrintResult.PRINTED
