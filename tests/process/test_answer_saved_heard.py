"""Hide answers, heard through the real Linux accessibility bus: a screen-reader user who answers
while the counsellor hides answers hears "Answer saved." and reads it on the step, and nothing
says which answer. The app runs on Xvfb with its own D-Bus and AT-SPI registry (the same set-up
as test_screen_reader_walk.py); tests/helpers/atspi_answer_saved.py is the screen reader."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.screen_reader import run_beside_app
from tests.process.test_screen_reader_walk import accessibility_bus  # noqa: F401 (a fixture)

LISTENER = Path(__file__).parents[1] / "helpers" / "atspi_answer_saved.py"


def test_a_screen_reader_hears_answer_saved_and_not_which_answer(
    accessibility_bus: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    env = dict(accessibility_bus, XDG_STATE_HOME=str(tmp_path / "state"))
    run, errors = run_beside_app(env, ["--counsellor"], [str(LISTENER), "--timeout", "30"])
    assert run.returncode == 0, f"{run.stdout}{run.stderr}\napp: {errors[-3000:]}"
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["choices"], report
    heard = report["heard"]
    assert "Answer saved." in heard, json.dumps(report)
    # The knowledge check still explains the right answer, but never whether this was it.
    verdicts = ("that's right", "not quite", "correct", "wrong")
    assert not any(v in said.lower() for said in heard for v in verdicts), heard
    saved = [text for text in report["labels"] if text.startswith("Answer saved.")]
    assert saved == ["Answer saved. Your answer is hidden on this screen."], report
    assert report["checked"] == [], "no choice reads as chosen"
    for choice in report["choices"]:
        assert choice not in saved[0]
