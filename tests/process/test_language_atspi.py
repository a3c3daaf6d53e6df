"""A screen-reader user switches the guide to Spanish over the real Linux accessibility bus,
and the app then tells the screen reader its words are Spanish, so speech takes a Spanish voice.

Uses the accessibility bus of the screen-reader walk (test_screen_reader_walk.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.screen_reader import run_beside_app
from tests.process.test_screen_reader_walk import accessibility_bus  # noqa: F401 (a fixture)

SWITCHER = Path(__file__).parents[1] / "helpers" / "atspi_language.py"


def test_a_screen_reader_hears_the_language_switch(
    accessibility_bus: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    env = dict(accessibility_bus, XDG_STATE_HOME=str(tmp_path / "state"))
    switch, errors = run_beside_app(
        env,
        ["--locale", "en"],
        [str(SWITCHER), "--press", "Español", "--expect", "English"],
        timeout=120,
    )
    assert switch.returncode == 0, f"{switch.stdout}{switch.stderr}\napp: {errors[-2000:]}"
    report = json.loads(switch.stdout.strip().splitlines()[-1])
    before, after = report["before"], report["after"]
    # Before: English, with the offer of Spanish said in Spanish.
    assert before["locale"].startswith("en"), before
    assert before["buttons"]["Español"].startswith("es"), before["buttons"]
    # After: one window, Spanish, and the offer of English said in English.
    assert after["frames"] == 1, after
    assert after["locale"].startswith("es"), after
    assert after["buttons"]["English"].startswith("en"), after["buttons"]
    names = sorted(after["buttons"])
    assert any(n.startswith("Pedir ayuda ahora") for n in names), names
    assert any(n.startswith("Siguiente") for n in names), names
    assert not any(n.startswith(("Next", "Get help")) for n in names), names
    assert "Ketamina" in after["title"] or "ketamina" in after["title"], after["title"]
