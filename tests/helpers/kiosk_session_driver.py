"""One whole kiosk session in a fresh process, for tests/process/test_kiosk_disk.py.

Usage: python kiosk_session_driver.py PRINT_SINK.pdf
Prints a JSON report of what the session did.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from decisionaid.ui.kiosk.environment import prepare_kiosk_environment

prepare_kiosk_environment()  # as `decisionaid --kiosk` does, before Qt starts

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QCheckBox  # noqa: E402

from decisionaid.app import (  # noqa: E402
    Options,
    build_app,
    build_parts,
    ensure_qapplication,
    show_window,
)
from decisionaid.core.policy import Mode, policy_for  # noqa: E402
from decisionaid.ui.kiosk.controller import KioskController  # noqa: E402


def main(sink: Path) -> dict[str, object]:
    parts = build_parts(Options(kiosk=True))  # the app's own content and platform config folder
    parts.policy = policy_for(Mode.KIOSK, idle_timeout_seconds=1, idle_warning_seconds=1)
    app = ensure_qapplication()
    window = build_app(parts).window
    show_window(window, parts.policy)
    kiosk = window.findChild(KioskController)
    assert kiosk is not None
    report: dict[str, object] = {}
    kiosk.start_reading()
    for index in range(len(window.guide.steps)):
        window.go_to(index)
        app.processEvents()
    window.set_text_scale(150)
    QApplication.clipboard().setText("copied by the reader")

    questions = window.guide.first_of_kind("questions")
    if questions is not None:
        window.navigate_to(questions.id)
        boxes = window.current_widget().findChildren(QCheckBox)  # type: ignore[union-attr]
        if boxes:
            boxes[0].click()
        report["ticked"] = list(window.session.state.question_order)

    from PySide6.QtPrintSupport import QPrinter

    import decisionaid.ui.printing as printing

    def fake_printer(_name: str) -> QPrinter:
        # Stands in for the clinic's printer: the "paper" lands outside HOME, where we look.
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(sink))
        return printer

    printing.kiosk_printer = fake_printer  # type: ignore[assignment]
    summary = window.guide.first_of_kind("summary")
    if summary is not None:
        window.navigate_to(summary.id)
        widget = window.current_widget()
        widget.print_summary()  # type: ignore[union-attr]
        report["printed"] = sink.is_file() and sink.stat().st_size > 0

    loop = QEventLoop()
    window.sessionReset.connect(loop.quit)
    QTimer.singleShot(15_000, loop.quit)
    loop.exec()  # untouched: idle, warning, then the full reset
    report["reset"] = window.session.is_empty() and kiosk.welcome.isVisible()
    report["clipboard"] = QApplication.clipboard().text()
    report.update(_speech_probe(window))
    kiosk.lockdown.allow_close()  # type: ignore[union-attr]
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.close()
    app.processEvents()
    return report


def _speech_probe(window: object) -> dict[str, object]:
    """Wait for the kiosk's look for a speech engine (it runs after the first paint), so
    whatever it starts or writes happens inside the session; say what it found."""
    from PySide6.QtCore import QDeadlineTimer

    from decisionaid.ui.display_tools import DisplayTools

    tools = window.findChild(DisplayTools)  # type: ignore[attr-defined]
    read_aloud = tools.read_aloud
    deadline = QDeadlineTimer(60_000)
    while not read_aloud._probed and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    daemon = read_aloud.daemon
    return {
        "speech_probed": read_aloud._probed,
        "speech_engine": read_aloud.engine_name,
        "private_speech_daemon": daemon is not None and daemon.ready,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
