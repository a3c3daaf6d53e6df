"""Hostile or broken Markdown never hangs the app: the work of showing any page is bounded.

python-markdown and the renderer's own patterns used to take time growing with the square of a
paragraph's length on unclosed brackets, backticks or link parentheses: a single 24 KB line
of `[` froze the window for most of a minute and check-content for longer. Hypothesis builds
pages out of the worst shapes (bracket and emphasis runs, backticks, nested lists and quotes,
long lines, all mixed) up to the size limit, and each must load and render, or be refused
with a `path:line` message, within a bound far below what they used to take and far above
what they take now, so a loaded machine does not make the test flaky.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.core.content import load_guide
from decisionaid.core.page_file import MAX_PAGE_BYTES
from decisionaid.core.render import PageRenderer, unavailable_html
from tests.helpers import FIXTURE_CONTENT, make_window

# Today a page within the limits takes well under half a second even on a loaded machine,
# and a refused one a few milliseconds; before, these shapes took from seconds to minutes.
SECONDS_PER_PAGE = 5.0
FRONT_MATTER = (
    '+++\nid = "facts"\ntitle = "Facts"\nshort_title = "Facts"\nsummary = "s"\n'
    "reviewed = 2026-01-01\n+++\n"
)
MARKUP_CHARS = "[]()`*_<>&!\\@|#-+=\"':/ \t\n1aZ."

_folder = Path(tempfile.mkdtemp(prefix="hostile-md-"))
_content = _folder / "en"
shutil.copytree(FIXTURE_CONTENT, _content)
_page = _content / "pages" / "facts.md"


def _warm_up() -> None:
    """Load and render once, so no page's time includes importing Markdown."""
    guide = load_guide(_content)
    renderer = PageRenderer(guide)
    for step in guide.steps:
        renderer.render(step)


_warm_up()


def _fill(motif: str, size: int, line_every: int | None) -> str:
    text = (motif * (size // max(1, len(motif)) + 1))[:size]
    if line_every:
        text = "\n".join(text[i : i + line_every] for i in range(0, len(text), line_every))
    return text


@st.composite
def hostile_bodies(draw: st.DrawFn) -> str:
    size = draw(st.integers(min_value=2_000, max_value=MAX_PAGE_BYTES - 1_000))
    shape = draw(
        st.sampled_from(
            ["motif", "nested-list", "nested-quote", "nested-brackets", "runs", "mix", "sparse"]
        )
    )
    if shape == "sparse":
        # As heavy as a page may be and still be shown: markup spread thin through long text.
        motif = draw(st.text(alphabet=MARKUP_CHARS, min_size=1, max_size=12))
        count = min(1_900 // len(motif), size // (len(motif) + 5))
        filler = "word " * max(1, (size // count - len(motif)) // 5)
        paragraph = draw(st.sampled_from([300, 1_800]))
        text = (motif + filler) * count
        text = "\n\n".join(text[i : i + paragraph] for i in range(0, len(text), paragraph))
        return text[:size]
    if shape == "motif":
        motif = draw(st.text(alphabet=MARKUP_CHARS, min_size=1, max_size=24))
        line_every = draw(st.sampled_from([None, 60, 400, 1_999, 5_000]))
        return _fill(motif, size, line_every)
    if shape == "nested-list":
        depth = draw(st.integers(min_value=2, max_value=3_000))
        marker = draw(st.sampled_from(["- ", "* ", "1. ", "> "]))
        return "".join("  " * i + marker + "x [a](" + "\n" for i in range(depth))[:size]
    if shape == "nested-quote":
        depth = draw(st.integers(min_value=2, max_value=size))
        return ">" * depth + " text"
    if shape == "nested-brackets":
        depth = draw(st.integers(min_value=2, max_value=size // 2))
        closed = draw(st.booleans())
        return "[" * depth + "a" + ("]" * depth if closed else "")
    if shape == "runs":
        char = draw(st.sampled_from(list("*_`[(<!&\\")))
        run = draw(st.integers(min_value=1, max_value=64))
        between = draw(st.sampled_from(["a", " a ", "\n", "a\n\n"]))
        return _fill(char * run + between, size, None)
    parts = draw(
        st.lists(st.text(alphabet=MARKUP_CHARS, min_size=1, max_size=200), min_size=1, max_size=8)
    )
    line_every = draw(st.sampled_from([None, 80, 1_500]))
    return _fill("".join(parts), size, line_every)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same pages on every run: a failure is never a matter of luck
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=hostile_bodies())
def test_any_page_loads_and_renders_or_is_refused_in_bounded_time(body: str) -> None:
    _page.write_text(FRONT_MATTER + body + "\n", encoding="utf-8")
    started = time.perf_counter()
    guide = load_guide(_content)
    step = guide.step("facts")
    assert step is not None
    if not step.broken:
        html = PageRenderer(guide).render(step).html
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_PAGE, f"{elapsed:.1f} s for a {len(body):,}-character page"
    problems = [str(d) for d in guide.diagnostics.items if str(d).startswith(str(_page))]
    if step.broken:
        # Refused: staff are told where, in the page itself.
        assert problems
    else:
        assert (html and html != unavailable_html()) or not body.strip()


@pytest.mark.parametrize("size", [24_000, 200_000])
def test_check_content_refuses_a_line_of_brackets_at_once(
    size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from decisionaid.cli import main

    root = tmp_path / "en"
    shutil.copytree(FIXTURE_CONTENT, root)
    page = root / "pages" / "facts.md"
    text = page.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    page.write_text(text + "\n" + "[" * size + "\n", encoding="utf-8")
    started = time.perf_counter()
    code = main(["check-content", str(root), "--quiet"])
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert code == 1
    assert f"{page}:{line}: page not shown: line is {size:,} characters long" in out
    assert elapsed < SECONDS_PER_PAGE * 2


def test_the_window_shows_a_hostile_step_as_not_available_without_freezing(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "en"
    shutil.copytree(FIXTURE_CONTENT, root)
    page = root / "pages" / "facts.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "[" * 24_000 + "\n", "utf-8")
    window = make_window(qtbot, root)
    started = time.perf_counter()
    window.navigate_to("facts")
    qtbot.waitUntil(lambda: "not available" in window.current_widget().text_for_reading())
    assert time.perf_counter() - started < SECONDS_PER_PAGE
