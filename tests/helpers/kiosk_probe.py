"""The real kiosk, started as `decisionaid --kiosk ARGS` starts it, with a probe for tests.

Usage: python -m tests.helpers.kiosk_probe [--policy JSON] -- [decisionaid options]

The probe reads one JSON command per line on standard input and answers with one JSON line on
standard output (the kiosk itself writes only to standard error):

  {"cmd": "state"}  resets so far and of which kind, resident memory, the step, which screens
                    show
  {"cmd": "scan"}   every place a canary (reader_traces.CANARY) is held: the widget tree with
                    its documents, undo histories and models, and live Python strings. The
                    answer names the places and counts the strings, but never repeats a canary:
                    a copy of one in this process would be found by the next search of its
                    memory.

Two things differ from a clinic's kiosk, each standing in for the kiosk's hardware: a physical
keyboard is taken to be attached (Xvfb has none to find, and a reader must be able to type their
own question), and `--policy` may shorten the idle times below what a clinic may set, so a short
run still sees idle resets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from decisionaid.ui.kiosk.environment import prepare_kiosk_environment

prepare_kiosk_environment()  # as `decisionaid --kiosk` does, before Qt starts


class Probe:
    def __init__(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        self.resets = 0
        self.reset_kinds: dict[str, int] = {}
        self.last_reset_kind = ""
        self.pending_kind = ""  # set by the kiosk's own reset (see _watch_kiosk_resets)
        self._window: Any = None
        self._buffer = b""
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._read)

    def window(self) -> Any:
        """The window showing now: a language switch puts a new one in the old one's place."""
        import shiboken6

        if (
            self._window is None
            or not shiboken6.isValid(self._window)
            or (not self._window.isVisible())
        ):
            from PySide6.QtWidgets import QApplication

            from decisionaid.ui.main_window import MainWindow

            found = [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and shiboken6.isValid(w) and w.isVisible()
            ]
            if found and found[0] is not self._window:
                self._window = found[0]
                self._window.sessionReset.connect(self._count_reset)
        return self._window

    def _count_reset(self) -> None:
        # A reset the kiosk did not start itself is the reader's "Start over".
        kind = self.pending_kind or "start over"
        self.pending_kind = ""
        self.resets += 1
        self.last_reset_kind = kind
        self.reset_kinds[kind] = self.reset_kinds.get(kind, 0) + 1

    def _read(self) -> None:
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.notifier.setEnabled(False)
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            answer = self.answer(json.loads(line))
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()

    def answer(self, command: dict[str, Any]) -> dict[str, Any]:
        window = self.window()
        if window is None:
            return {"error": "no window yet"}
        if command["cmd"] == "state":
            return self.state(window)
        if command["cmd"] == "scan":
            from tests.helpers.reader_traces import find_in_qt, live_python_strings

            return {
                "qt": sorted({where for where, _ in find_in_qt()}),
                "python": len(live_python_strings()),
            }
        return {"error": f"unknown command {command['cmd']!r}"}

    def state(self, window: Any) -> dict[str, Any]:
        from decisionaid.ui.kiosk.controller import KioskController

        kiosk = window.findChild(KioskController)
        with open("/proc/self/statm") as statm:
            resident = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        return {
            "resets": self.resets,
            "reset_kinds": self.reset_kinds,
            "last_reset_kind": self.last_reset_kind,
            "rss_mib": resident / (1024 * 1024),
            "step": window.current_index,
            "step_id": (window.current_step().id if window.current_step() else ""),
            "steps": len(window.guide.steps),
            "questions_at": window.guide.index_of("questions"),
            "welcome": kiosk.welcome.isVisible(),
            "warning": kiosk.warning.isVisible(),
            "help": window.help_panel.isVisible(),
            "restores": kiosk.keeper.restores,
            "empty": window.session.is_empty(),
        }


def _watch_kiosk_resets(probe: Probe) -> None:
    """Note why the kiosk resets itself: the idle warning ran out (over the help panel or not),
    the reader chose "Start over" on the warning, or an idle welcome screen put back the text
    size. Set on the class before the kiosk connects its signals to the method."""
    from decisionaid.ui.kiosk.controller import KioskController

    full_reset = KioskController.full_reset

    def noted(self: KioskController) -> None:
        warning = self.warning
        if not warning.isVisible():
            probe.pending_kind = "idle on the welcome screen"
        elif warning.remaining > 0:
            probe.pending_kind = "start over on the warning"
        else:
            probe.pending_kind = "idle, warning over help" if warning.over_help else "idle"
        full_reset(self)

    KioskController.full_reset = noted  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--policy", default="{}", help="policy values, as JSON")
    parser.add_argument("args", nargs="*", help="decisionaid's own options")
    options = parser.parse_args(argv)

    import decisionaid.app as app
    import decisionaid.ui.keyboard as keyboard
    from decisionaid.cli import _options, _parser
    from decisionaid.core.record import replace

    keyboard.physical_keyboard_present = lambda: True
    overrides = json.loads(options.policy)
    build_parts = app.build_parts

    def shortened(opts: app.Options) -> app.AppParts:
        parts = build_parts(opts)
        if overrides:
            parts.policy = replace(parts.policy, **overrides)
        return parts

    app.build_parts = shortened  # type: ignore[assignment]
    app.ensure_qapplication()
    probe = Probe()
    _watch_kiosk_resets(probe)
    code = app.run(_options(_parser().parse_args(["--kiosk", *options.args])))
    probe.notifier.setEnabled(False)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
