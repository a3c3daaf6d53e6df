"""The summary on paper: Print and Save as PDF, in large print if the reader asks, with each
question also in English for the provider when the reader reads another language. The print
support and PDF modules are imported only when a reader presses the button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from decisionaid.core.i18n import N_, _
from decisionaid.core.summary import build_summary, summary_html

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


class SummaryOnPaper:
    """Printing and the PDF for `SummaryStep` (a mixin): what goes on paper and where."""

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
