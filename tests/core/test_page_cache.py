"""Pre-rendered pages: the same HTML as rendering, never stale, never written in a kiosk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from decisionaid.core.content import load_guide
from decisionaid.core.guide import Guide
from decisionaid.core.page_cache import (
    Pages,
    PageStore,
    app_pages,
    build_page_cache,
    renderer_fingerprint,
    variant,
)
from decisionaid.core.policy import Mode, policy_for
from decisionaid.core.render import PageRenderer
from decisionaid.paths import user_cache_dir
from tests.core.test_content_engine import rewrite
from tests.helpers import FIXTURE_CONTENT


def _pages(guide: Guide, folder: Path, *, writable: bool = True) -> Pages:
    return Pages(guide, stores=[PageStore(folder, writable=writable)])


def _html(pages: Pages, guide: Guide, step_id: str) -> str:
    step = guide.step(step_id)
    assert step is not None
    return pages.render(step).html


def test_cached_pages_match_freshly_rendered_ones(tmp_path: Path) -> None:
    guide = load_guide(FIXTURE_CONTENT)
    _pages(guide, tmp_path).render_all()
    again = _pages(load_guide(FIXTURE_CONTENT), tmp_path, writable=False)
    fresh = PageRenderer(guide)
    for step in guide.steps:
        cached, rendered = again.render(step), fresh.render(step)
        assert cached.html == rendered.html
        assert cached.notes_html == rendered.notes_html
        assert cached.icon_arrays == rendered.icon_arrays
    assert any(again.render(s).icon_arrays for s in guide.steps), "fixture has an icon array"
    assert again._renderer is None, "every page came from the cache"


def test_a_changed_page_is_rendered_again(content_copy: Path, tmp_path: Path) -> None:
    _pages(load_guide(content_copy), tmp_path).render_all()
    rewrite(content_copy / "pages" / "welcome.md", "This is a short guide", "Hello there")
    guide = load_guide(content_copy)
    assert "Hello there" in _html(_pages(guide, tmp_path), guide, "welcome")


def test_changed_notes_in_guide_toml_are_rendered_again(content_copy: Path, tmp_path: Path) -> None:
    manifest = content_copy / "guide.toml"
    rewrite(manifest, 'kind = "glossary"\n', 'kind = "glossary"\ncounsellor_notes = "First."\n')
    _pages(load_guide(content_copy), tmp_path).render_all()
    rewrite(manifest, 'counsellor_notes = "First."', 'counsellor_notes = "Second."')
    guide = load_guide(content_copy)
    step = guide.step("glossary")
    assert step is not None
    assert "Second." in _pages(guide, tmp_path).render(step).notes_html


def test_a_changed_reference_renumbers_citations_on_cached_pages(
    content_copy: Path, tmp_path: Path
) -> None:
    guide = load_guide(content_copy)
    _pages(guide, tmp_path).render_all()
    assert '<a href="ref:alpha">1</a>' in _html(_pages(guide, tmp_path), guide, "facts")
    # Moving "beta" first makes "alpha" the second reference.
    refs = content_copy / "references.toml"
    text = refs.read_text(encoding="utf-8")
    first, rest = text.split("[[references]]", 2)[1:]
    refs.write_text(f"[[references]]{rest}\n[[references]]{first}", encoding="utf-8")
    guide = load_guide(content_copy)
    assert '<a href="ref:alpha">2</a>' in _html(_pages(guide, tmp_path), guide, "facts")


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    guide = load_guide(FIXTURE_CONTENT)
    expected = _html(_pages(guide, tmp_path), guide, "welcome")
    (tmp_path / "welcome").write_bytes(b"\x00not a page")
    assert _html(_pages(guide, tmp_path), guide, "welcome") == expected


def test_an_unwritable_cache_folder_still_shows_the_page(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    guide = load_guide(FIXTURE_CONTENT)
    assert "short guide" in _html(_pages(guide, blocker / "pages"), guide, "welcome")


def test_kiosk_reads_the_shipped_cache_and_writes_none() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    kiosk = app_pages(guide, policy_for(Mode.KIOSK))
    assert kiosk.stores and not any(store.writable for store in kiosk.stores)
    kiosk.render_all()
    assert not user_cache_dir().exists()
    personal = app_pages(guide, policy_for(Mode.PERSONAL))
    personal.render_all()
    assert any((user_cache_dir() / "pages").rglob("welcome"))


def test_kiosk_pages_keep_web_addresses_inert_from_the_cache(tmp_path: Path) -> None:
    guide = load_guide(FIXTURE_CONTENT)
    build_page_cache(guide, tmp_path)
    for external in (True, False):
        store = PageStore(tmp_path / variant(guide, external), writable=False)
        pages = Pages(
            guide,
            external_links=external,
            stores=[store],
            fingerprint=renderer_fingerprint(with_sources=False),
        )
        html = _html(pages, guide, "references")
        assert ('<a href="https://' in html) is external
        assert pages._renderer is None


def test_a_second_start_does_not_load_markdown(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from decisionaid.app import build_app, build_parts, ensure_qapplication\n"
        "from decisionaid.app import Options\n"
        f"parts = build_parts(Options(content=__import__('pathlib').Path({str(FIXTURE_CONTENT)!r})))\n"
        "app = ensure_qapplication()\n"
        "window = build_app(parts).window\n"
        "print('markdown' in sys.modules, window.step_title.text())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert runs[0].stdout.split() == ["True", "Welcome"]
    assert runs[1].stdout.split() == ["False", "Welcome"]
