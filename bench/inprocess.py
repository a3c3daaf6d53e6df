"""In-process timings the outside clock cannot see: rendering, first visits and page switches.

Run by bench/run.py in a fresh interpreter on the offscreen platform; prints one JSON object.
A page switch is what a reader waits for after pressing Next: the step is swapped in, then
the pending layout and the repaint of everything that changed are done.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def measure_rendering(options) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from decisionaid.app import build_parts
    from decisionaid.core.checker import apps_content, check_languages
    from decisionaid.core.render import PageRenderer

    parts = build_parts(options)
    times = []
    for _ in range(5):
        renderer = PageRenderer(parts.guide)
        start = time.perf_counter()
        for step in parts.guide.steps:
            if not step.broken:
                renderer.render(step)
        times.append(time.perf_counter() - start)
    check = []
    for _ in range(5):
        start = time.perf_counter()
        # As check-content's command does: every language of the app's own content by default.
        check_languages(options.content or apps_content(options.locale), options.locale)
        check.append(time.perf_counter() - start)
    return {
        "render_all_ms": [_ms(t) for t in times],
        "check_content_inprocess_ms": [_ms(t) for t in check],
    }


def measure_window(options, switches: int) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from decisionaid.app import build_app, build_parts, ensure_qapplication

    app = ensure_qapplication()
    parts = build_parts(options)
    window = build_app(parts).window
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.repaint()
    steps = parts.guide.steps
    total = len(steps)

    def switch_to(index: int) -> float:
        start = time.perf_counter()
        window.go_to(index)
        # Layout and the repaint of whatever changed are posted events: this runs them all.
        QApplication.processEvents()
        return time.perf_counter() - start

    first_visit: dict[str, float] = {}
    samples: list[tuple[str, float]] = []
    # A reader walks forward and back; every switch lands on a different step. The first pass
    # includes each step's first visit (its widget is built then), as a real reader's would.
    order = list(range(1, total)) + list(range(total - 2, -1, -1)) if total > 1 else [0]
    i = 0
    while len(samples) < switches:
        index = order[i % len(order)]
        i += 1
        elapsed = switch_to(index)
        step_id = steps[index].id
        if step_id not in first_visit:
            first_visit[step_id] = elapsed
        samples.append((step_id, elapsed))
    with_arrays = sorted(
        step.id for step in steps if not step.broken and window.pages.render(step).icon_arrays
    )
    kinds = {step.id: step.kind for step in steps}
    built = {
        step.id: type(window.step_widget(i)).__name__
        for i, step in enumerate(steps)
        if i in window._step_widgets
    }
    all_ms = [_ms(t) for _, t in samples]
    array_ms = [_ms(t) for sid, t in samples if sid in with_arrays]
    window.close()
    return {
        "switches": len(samples),
        "switch_ms": all_ms,
        "switch_iconarray_ms": array_ms,
        "first_visit_ms": {k: _ms(v) for k, v in first_visit.items()},
        "steps_with_icon_arrays": with_arrays,
        "step_kinds": kinds,
        "step_widgets": built,
        "maxrss_kb_after_tour": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--switches", type=int, default=500)
    parser.add_argument("--kiosk", action="store_true")
    parser.add_argument("--content", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from decisionaid.app import Options

    options = Options(content=args.content, kiosk=args.kiosk)
    result: dict[str, object] = {}
    result.update(measure_rendering(options))
    result.update(measure_window(options, args.switches))
    result["switch_median_ms"] = statistics.median(result["switch_ms"])  # type: ignore[arg-type]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
