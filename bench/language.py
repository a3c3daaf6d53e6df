"""Switching language on a content step: what a reader waits for after choosing "Español".

Run by bench/run.py in a fresh interpreter on the offscreen platform; prints one JSON object.
One switch is the reader's choice (`Session.set_locale`), the window built again in the other
language on the same session (app.LanguageSwitch), and every posted layout and paint done, as
after a page switch (bench/inprocess.py). The switches go English -> Spanish -> English ..., on
the same content step each time, with answers and questions chosen as a reader would have.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONTENT_STEP = "what-is-ketamine"


def measure(switches: int, kiosk: bool) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from decisionaid.app import LanguageSwitch, Options, build_app, build_parts, ensure_qapplication

    app = ensure_qapplication()
    parts = build_parts(Options(locale="en", kiosk=kiosk))
    built = build_app(parts)
    switch = LanguageSwitch(parts, built)
    window = built.window
    window.resize(1280, 800)
    window.show()
    if built.kiosk is not None:
        built.kiosk.start_reading()
    session = parts.session
    session.set_question_chosen(next(q.id for q in _questions(window)), True)
    session.add_own_question("Can someone drive me home?")
    index = max(0, parts.guide.index_of(CONTENT_STEP))
    window.go_to(index)
    app.processEvents()
    window.repaint()
    samples = []
    languages = ("es", "en")
    for i in range(switches):
        start = time.perf_counter()
        session.set_locale(languages[i % 2])
        while switch.app.window.guide.locale != languages[i % 2]:
            QApplication.processEvents()
        QApplication.processEvents()  # layout and the new window's first paint
        samples.append(time.perf_counter() - start)
        QApplication.sendPostedEvents(None, 0)  # the old window's deferred deletion
        assert switch.app.window.current_index == index
    notices = [n for n in parts.config.staff_notices if "translation" in n]
    switch.app.window.close()
    return {"language_switch_ms": [round(s * 1000, 3) for s in samples], "notices": notices}


def _questions(window):  # type: ignore[no-untyped-def]
    data = window.ctx.decision_data()
    return data.questions.questions if data.questions else []


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--switches", type=int, default=60)
    parser.add_argument("--kiosk", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(measure(args.switches, args.kiosk)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
