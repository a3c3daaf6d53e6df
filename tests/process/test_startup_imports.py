"""What a start may not load before its first paint: one list, checked in every mode.

Each entry was found expensive by `make bench` (instructions are cachegrind's, at the time it
was measured) or is needed only once the reader does something. A start is a fresh
interpreter run as `decisionaid [--kiosk|--counsellor] --startup-probe`, which notes what is
loaded when the window first paints; the second start in the same home finds the caches warm,
as every start after the first does. A kiosk writes no cache, so it is started both without
the caches made ahead of time and with them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from decisionaid.core.prebuilt import build_prebuilt
from decisionaid.paths import resources_dir

QT_NAMESPACE = "the Qt namespace"

NOT_BEFORE_FIRST_PAINT = {
    QT_NAMESPACE: "its first use builds all 93 of its enums, about 120 M (ui/controls.py)",
    "dataclasses": "records instead (core/record.py): defining a dataclass compiles its methods",
    "html": "core/escape.py instead: the package's entity tables are about 8 M",
    "tomllib": "the guide comes from its cache (core/guide_cache.py)",
    "markdown": "pages come from the page cache (core/page_cache.py)",
    "decisionaid.core.render": "the Markdown renderer, only for a page not in any cache",
    "decisionaid.core.decision_data": "read with the first decision step, not before",
    "decisionaid.ui.steps.decision": "the decision steps' widgets, with the first of them",
    "logging.handlers": "sockets, pickle and queues, about 40 M (logging_setup.py)",
    "hashlib": "OpenSSL, only to check a staff PIN (core/staff_pin.py)",
    "hmac": "only to check a staff PIN",
    "getpass": "only for decisionaid hash-pin",
    "ctypes": "a kiosk is marked not dumpable after the paint, about 8 M (ui/kiosk/environment.py)",
    "ctypes.util": "read-aloud looks for speech engines after the paint (ui/speech_engine_choice.py)",
    "PySide6.QtTextToSpeech": "read-aloud starts after the paint",
    "PySide6.QtPrintSupport": "printing loads when someone prints",
    "decisionaid.ui.printing": "printing loads when someone prints",
    "segno": "a QR code is made when a reader asks for one",
    "decisionaid.ui.qr_widget": "a QR code is made when a reader asks for one",
    "nltk": "no part of the app reads language with it (core/readability.py)",
    "decisionaid.ui.page_view": "the text page and PySide6's text classes, about 30 M, load with "
    "the first step built: a kiosk builds it behind its welcome after the paint",
    "decisionaid.ui.contents_list": "PySide6's list classes, about 12 M, with the contents list: "
    "a kiosk hides it at first",
    "decisionaid.ui.kiosk.idle_warning": "a kiosk's idle warning is made after the paint",
    "decisionaid.ui.kiosk.staff_exit": "a kiosk's staff PIN pad is made after the paint",
}

# Not listed: argparse, which shiboken6's own signature support imports with PySide6 (building
# the parser is what cli.window_flags_only saves).

# What a mode needs before its first paint after all, and why.
ALLOWED = {
    "personal": {
        "decisionaid.ui.page_view": "the first step shows a page",
        "decisionaid.ui.contents_list": "the contents list shows beside it",
    },
    # A kiosk writes no cache, so with none made ahead of time (a source checkout before
    # `make`) it parses its guide; its first page is rendered after the paint, behind the
    # welcome.
    "kiosk": {"tomllib": "no guide cache"},
    "counsellor": {
        QT_NAMESPACE: "the counsellor's tools and step index",
        "decisionaid.ui.page_view": "the first step shows a page",
        "decisionaid.ui.contents_list": "the contents list shows beside it",
    },
    # With the caches made ahead of time (a bundle's, or `make`'s in a source checkout), the
    # kiosk parses and renders nothing either.
    "kiosk, caches made ahead": {},
    # In Spanish the same: its catalogue is read with the standard library's gettext.
    "kiosk in Spanish, caches made ahead": {},
    "personal in Spanish": {
        "decisionaid.ui.page_view": "the first step shows a page",
        "decisionaid.ui.contents_list": "the contents list shows beside it",
    },
}
MODE_FLAGS = {
    "personal": [],
    "kiosk": ["--kiosk"],
    "counsellor": ["--counsellor"],
    "kiosk, caches made ahead": ["--kiosk"],
    "kiosk in Spanish, caches made ahead": ["--kiosk", "--locale", "es"],
    "personal in Spanish": ["--locale", "es"],
}

PROBE = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    import PySide6.QtCore as QtCore
    from decisionaid import paths
    from decisionaid.ui import main_window

    # Where the caches made ahead of time are: a test's own, or none at all.
    paths.prebuilt_cache_dir = lambda: Path(os.environ["PROBE_PREBUILT"])

    paint = main_window.MainWindow.paintEvent

    def witness(self, event):
        if not self._painted:
            loaded = sorted(sys.modules)
            if "Qt" in vars(QtCore):
                loaded.append("QT_NAMESPACE")
            print("LOADED " + json.dumps(loaded))
            print("STEPS " + json.dumps(sorted(self._step_widgets)))
        paint(self, event)

    main_window.MainWindow.paintEvent = witness
    from decisionaid.cli import main

    sys.exit(main(sys.argv[1:] + ["--startup-probe"]))
    """
).replace("QT_NAMESPACE", QT_NAMESPACE)


def probe_first_paint(home: Path, args: list[str], prebuilt: Path | None = None) -> dict[str, list]:
    """What the witness saw at the first paint: the modules loaded (LOADED), the steps whose
    widgets were built (STEPS)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    env["PROBE_PREBUILT"] = str(prebuilt or home / "no-prebuilt-caches")
    env["DECISIONAID_SPEECH_ENGINE"] = "mock"  # an engine to find, were it looked for early
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in ("LOADED", "STEPS"):
            seen[key] = json.loads(value)
    return seen


def loaded_at_first_paint(home: Path, args: list[str], prebuilt: Path | None = None) -> set[str]:
    return set(probe_first_paint(home, args, prebuilt)["LOADED"])


@pytest.mark.parametrize("mode", list(MODE_FLAGS))
def test_nothing_on_the_list_is_loaded_before_the_first_paint(tmp_path: Path, mode: str) -> None:
    prebuilt = None
    if "caches made ahead" in mode:
        prebuilt = tmp_path / "prebuilt"
        assert not build_prebuilt(resources_dir() / "content", prebuilt, with_sources=True)
    loaded_at_first_paint(tmp_path, MODE_FLAGS[mode], prebuilt)  # the first start fills caches
    loaded = loaded_at_first_paint(tmp_path, MODE_FLAGS[mode], prebuilt)
    assert "decisionaid.ui.main_window" in loaded  # the witness saw the real window
    early = {
        name: why
        for name, why in NOT_BEFORE_FIRST_PAINT.items()
        if name in loaded and name not in ALLOWED[mode]
    }
    assert not early, "\n".join(f"{name}: {why}" for name, why in early.items())


def test_every_allowance_names_a_listed_module() -> None:
    for allowed in ALLOWED.values():
        assert set(allowed) <= set(NOT_BEFORE_FIRST_PAINT)


@pytest.mark.parametrize(("flags", "built"), [([], [0]), (["--kiosk"], [])])
def test_a_kiosk_builds_its_first_step_after_the_first_paint(
    tmp_path: Path, flags: list[str], built: list[int]
) -> None:
    """The kiosk's welcome stands over the first step: its page (a text browser and its HTML,
    about 35 M) is built in the turn after the first paint, or when Start is tapped
    (tests/ui/test_kiosk_first_paint.py). A personal start shows it, so builds it."""
    probe_first_paint(tmp_path, flags)  # the first start fills the caches
    assert probe_first_paint(tmp_path, flags)["STEPS"] == built
