"""The parsed guide kept between starts: the same Guide as loading, never stale, never written
in a kiosk, and no TOML parsed on a start that finds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from decisionaid.app import Options, build_parts, guide_store
from decisionaid.core.content import load_guide
from decisionaid.core.guide_cache import GuideStore, load_guide_cached
from decisionaid.core.policy import Mode, policy_for
from decisionaid.paths import content_dir, user_cache_dir
from tests.core.test_content_engine import rewrite
from tests.helpers import FIXTURE_CONTENT


def test_a_cached_guide_equals_a_loaded_one(tmp_path: Path) -> None:
    for root in (FIXTURE_CONTENT, content_dir("en")):
        store = GuideStore(tmp_path, writable=True)
        first = load_guide_cached(root, "en", store)
        cached = store.get(root, "en")
        assert cached is not None
        assert cached == first == load_guide(root, "en")
        assert cached.steps and cached.references and cached.glossary


def test_a_guide_with_problems_is_cached_with_its_diagnostics(
    content_copy: Path, tmp_path: Path
) -> None:
    rewrite(content_copy / "pages" / "facts.md", 'id = "facts"', 'id = "other"')
    store = GuideStore(tmp_path / "cache", writable=True)
    loaded = load_guide_cached(content_copy, "en", store)
    assert loaded.diagnostics.errors
    cached = store.get(content_copy, "en")
    assert cached is not None
    assert [str(d) for d in cached.diagnostics.items] == [str(d) for d in loaded.diagnostics.items]
    assert cached == loaded


def test_any_change_to_a_file_the_guide_was_read_from_loads_it_again(
    content_copy: Path, tmp_path: Path
) -> None:
    store = GuideStore(tmp_path / "cache", writable=True)
    load_guide_cached(content_copy, "en", store)
    changes = [
        (content_copy / "pages" / "welcome.md", "This is a short guide.", "This is a new guide."),
        (content_copy / "guide.toml", 'title = "Test guide"', 'title = "Renamed guide"'),
    ]
    for path, old, new in changes:
        assert store.get(content_copy, "en") is not None
        rewrite(path, old, new)
        assert store.get(content_copy, "en") is None
        again = load_guide_cached(content_copy, "en", store)
        assert again == load_guide(content_copy, "en")
    (content_copy / "glossary.toml").unlink()
    assert store.get(content_copy, "en") is None
    assert load_guide_cached(content_copy, "en", store) == load_guide(content_copy, "en")


def test_a_damaged_cache_only_means_loading_again(tmp_path: Path) -> None:
    store = GuideStore(tmp_path, writable=True)
    load_guide_cached(FIXTURE_CONTENT, "en", store)
    for file in tmp_path.iterdir():
        file.write_bytes(file.read_bytes()[:100])
    assert store.get(FIXTURE_CONTENT, "en") is None
    assert load_guide_cached(FIXTURE_CONTENT, "en", store) == load_guide(FIXTURE_CONTENT, "en")


def test_a_read_only_store_is_never_written(tmp_path: Path) -> None:
    store = GuideStore(tmp_path / "cache", writable=False)
    load_guide_cached(FIXTURE_CONTENT, "en", store)
    assert not (tmp_path / "cache").exists()


def test_the_kiosk_keeps_no_guide_on_disk() -> None:
    assert guide_store(policy_for(Mode.KIOSK)) is None
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
        "build_parts(Options())\n"
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
    assert load_guide_cached(FIXTURE_CONTENT, "en", store) == load_guide(FIXTURE_CONTENT, "en")
    assert store.get(FIXTURE_CONTENT, "en") is not None
