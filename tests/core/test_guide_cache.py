"""The parsed guide kept between starts: the same Guide as loading, never stale, never written
in a kiosk, and no TOML parsed on a start that finds it. The one made ahead of time for every
shipped language serves the same files wherever they are installed, and only those."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.app import Options, build_parts, guide_stores
from decisionaid.core.content import load_guide
from decisionaid.core.guide_cache import GuideStore, load_guide_cached, load_guide_from
from decisionaid.core.policy import Mode, policy_for
from decisionaid.core.prebuilt import GUIDE_CACHE, build_prebuilt
from decisionaid.paths import content_dir, resources_dir, user_cache_dir
from tests.core.test_content_engine import rewrite
from tests.helpers import FIXTURE_CONTENT


def test_a_cached_guide_equals_a_loaded_one(tmp_path: Path) -> None:
    for root in (FIXTURE_CONTENT, content_dir("en")):
        store = GuideStore(tmp_path, writable=True)
        first = load_guide_cached(root, "en", [store])
        cached = store.get(root, "en")
        assert cached is not None
        assert cached == first == load_guide(root, "en")
        assert cached.steps and cached.references and cached.glossary


def test_a_guide_with_problems_is_cached_with_its_diagnostics(
    content_copy: Path, tmp_path: Path
) -> None:
    rewrite(content_copy / "pages" / "facts.md", 'id = "facts"', 'id = "other"')
    store = GuideStore(tmp_path / "cache", writable=True)
    loaded = load_guide_cached(content_copy, "en", [store])
    assert loaded.diagnostics.errors
    cached = store.get(content_copy, "en")
    assert cached is not None
    assert [str(d) for d in cached.diagnostics.items] == [str(d) for d in loaded.diagnostics.items]
    assert cached == loaded


def test_any_change_to_a_file_the_guide_was_read_from_loads_it_again(
    content_copy: Path, tmp_path: Path
) -> None:
    store = GuideStore(tmp_path / "cache", writable=True)
    load_guide_cached(content_copy, "en", [store])
    changes = [
        (content_copy / "pages" / "welcome.md", "This is a short guide.", "This is a new guide."),
        (content_copy / "guide.toml", 'title = "Test guide"', 'title = "Renamed guide"'),
    ]
    for path, old, new in changes:
        assert store.get(content_copy, "en") is not None
        rewrite(path, old, new)
        assert store.get(content_copy, "en") is None
        again = load_guide_cached(content_copy, "en", [store])
        assert again == load_guide(content_copy, "en")
    (content_copy / "glossary.toml").unlink()
    assert store.get(content_copy, "en") is None
    assert load_guide_cached(content_copy, "en", [store]) == load_guide(content_copy, "en")


def test_a_damaged_cache_only_means_loading_again(tmp_path: Path) -> None:
    store = GuideStore(tmp_path, writable=True)
    load_guide_cached(FIXTURE_CONTENT, "en", [store])
    for file in tmp_path.iterdir():
        file.write_bytes(file.read_bytes()[:100])
    assert store.get(FIXTURE_CONTENT, "en") is None
    assert load_guide_cached(FIXTURE_CONTENT, "en", [store]) == load_guide(FIXTURE_CONTENT, "en")


def test_a_read_only_store_is_never_written(tmp_path: Path) -> None:
    store = GuideStore(tmp_path / "cache", writable=False)
    load_guide_cached(FIXTURE_CONTENT, "en", [store])
    assert not (tmp_path / "cache").exists()


def test_the_kiosk_keeps_no_guide_on_disk() -> None:
    assert not any(store.writable for store in guide_stores(policy_for(Mode.KIOSK)))
    build_parts(Options(content=FIXTURE_CONTENT, kiosk=True))
    assert not (user_cache_dir() / "guide").exists()
    build_parts(Options(content=FIXTURE_CONTENT))
    assert any((user_cache_dir() / "guide").iterdir())


def test_a_start_with_the_guide_cached_parses_no_toml(tmp_path: Path) -> None:
    # A fresh interpreter each time; the private HOME keeps the cache between the two.
    code = (
        "import sys\n"
        "from decisionaid.app import build_parts\n"
        "from decisionaid.app import Options\n"
        f"build_parts(Options(content={str(FIXTURE_CONTENT)!r}))\n"
        "print('tomllib' in sys.modules)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [r.stdout.strip() for r in runs] == ["True", "False"]


def test_a_start_in_a_deleted_folder_still_loads_the_guide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    store = GuideStore(tmp_path / "cache", writable=True)
    assert load_guide_cached(FIXTURE_CONTENT, "en", [store]) == load_guide(FIXTURE_CONTENT, "en")
    assert store.get(FIXTURE_CONTENT, "en") is not None


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def installed(tmp_path: Path) -> tuple[Path, Path]:
    """The shipped content and its prebuilt caches, made in one folder and installed in another,
    as a bundle's are: (the installed content folder, the installed prebuilt folder)."""
    build_prebuilt(resources_dir() / "content", tmp_path / "build", with_sources=True)
    shutil.copytree(resources_dir() / "content", tmp_path / "opt" / "content")
    shutil.copytree(tmp_path / "build", tmp_path / "opt" / "prebuilt")
    return tmp_path / "opt" / "content", tmp_path / "opt" / "prebuilt"


def test_the_prebuilt_guide_serves_every_language_wherever_it_is_installed(
    installed: tuple[Path, Path],
) -> None:
    content, prebuilt = installed
    shipped = GuideStore(prebuilt / GUIDE_CACHE, writable=False, shipped=True)
    languages = sorted(p.name for p in content.iterdir())
    assert languages == ["en", "es"]
    assert sorted(p.name for p in (prebuilt / GUIDE_CACHE).iterdir()) == languages
    for locale in languages:
        guide, source = load_guide_from(content / locale, locale, [shipped])
        assert source is shipped, f"{locale}: parsed instead of read from the prebuilt cache"
        assert guide == load_guide(content / locale, locale)
        assert guide.root == content / locale
        assert all(s.page.path.is_relative_to(content / locale) for s in guide.steps if s.page)


def test_a_page_edited_after_install_is_parsed_as_now(installed: tuple[Path, Path]) -> None:
    content, prebuilt = installed
    before = _files(prebuilt)
    shipped = GuideStore(prebuilt / GUIDE_CACHE, writable=False, shipped=True)
    page = content / "en" / "pages" / "welcome.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added here.\n")
    guide, source = load_guide_from(content / "en", "en", [shipped])
    assert source is None
    assert guide == load_guide(content / "en", "en")
    assert "A sentence added here." in guide.steps[0].page.body  # type: ignore[union-attr]
    # The other language is untouched, and nothing was written to the prebuilt cache.
    assert load_guide_from(content / "es", "es", [shipped])[1] is shipped
    assert _files(prebuilt) == before


def test_a_crisis_line_corrected_after_install_is_read_as_corrected(
    installed: tuple[Path, Path],
) -> None:
    """A clinic fixing a phone number in crisis.toml, which no rendered page shows: the guide
    made at build time would still carry the old number, so it must not be served."""
    content, prebuilt = installed
    shipped = GuideStore(prebuilt / GUIDE_CACHE, writable=False, shipped=True)
    guide, source = load_guide_from(content / "en", "en", [shipped])
    assert source is shipped
    assert any(line.action == "Call or text 988" for line in guide.crisis.lines)
    rewrite(content / "en" / "crisis.toml", "Call or text 988", "Call or text 555 0100")
    guide, source = load_guide_from(content / "en", "en", [shipped])
    assert source is None
    actions = [line.action for line in guide.crisis.lines]
    assert "Call or text 555 0100" in actions and "Call or text 988" not in actions


def test_a_guide_with_problems_serves_only_the_folders_it_was_loaded_from(
    content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Its diagnostics name paths from the working folder, which a start elsewhere would not.
    rewrite(content_copy / "pages" / "facts.md", 'id = "facts"', 'id = "other"')
    store = GuideStore(tmp_path / "made", writable=True, shipped=True)
    loaded = load_guide_cached(content_copy, "en", [store])
    assert loaded.diagnostics.errors
    assert store.get(content_copy, "en") == loaded
    elsewhere = tmp_path / "elsewhere" / "en"
    shutil.copytree(content_copy, elsewhere)
    assert store.get(elsewhere, "en") is None
    monkeypatch.chdir(tmp_path)
    assert store.get(content_copy, "en") is None


def test_a_language_whose_guide_has_problems_is_left_out_and_named(
    content_copy: Path, tmp_path: Path
) -> None:
    rewrite(content_copy / "pages" / "facts.md", 'id = "facts"', 'id = "other"')
    problems = build_prebuilt(content_copy.parent, tmp_path / "made", with_sources=True)
    assert len(problems) == 1 and str(content_copy) in problems[0]
    assert not (tmp_path / "made" / GUIDE_CACHE / "en").exists()
