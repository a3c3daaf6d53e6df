"""Printing the summary and saving it as a PDF. Imported only when the reader asks for either.

Where the policy forbids a print dialog (kiosk), the summary goes straight to the configured
printer, and only if that printer really exists: an unknown printer name makes QPrinter fall
back to writing a PDF file, which must never happen on a shared machine.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QMarginsF
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
from decisionaid.core.policy import Policy
from decisionaid.core.summary import print_css, print_font_pt
from decisionaid.ui.safe_document import SafeTextDocument

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


def _lay_out(device: QPagedPaintDevice) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
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


def print_summary(
    body_html: str,
    *,
    title: str,
    large_print: bool,
    policy: Policy,
    config: Config,
    parent: QWidget | None = None,
) -> PrintResult:
    if policy.print_dialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print your summary")
        dialog.setOption(
            QAbstractPrintDialog.PrintDialogOption.PrintToFile, policy.allow_file_export
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return PrintResult.CANCELLED
    else:
        found = kiosk_printer(config.printer)
        if found is None:
            return PrintResult.NO_PRINTER
        printer = found
        printer.setDocName(title)
    _lay_out(printer)
    summary_document(body_html, title, large_print).print_(printer)
    return PrintResult.PRINTED
