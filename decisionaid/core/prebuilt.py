"""The caches made ahead of time: every shipped language's parsed guide and rendered pages.

A kiosk writes nothing to disk, so without these it would parse its guide and render its first
page with Markdown at every start. `build.spec` makes them for the bundle (and so for every
package made from it), where they are read-only; `make` makes them in a source checkout's
build/cache. The app only ever reads them (paths.prebuilt_cache_dir), and every entry is checked
against the files it was made from, so content edited since is loaded as if there were no cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from decisionaid.core.content import load_guide
from decisionaid.core.guide_cache import GuideStore, loader_fingerprint
from decisionaid.core.i18n import SOURCE_LANGUAGE, set_language
from decisionaid.core.page_cache import build_page_cache

GUIDE_CACHE = "guide-cache"
PAGE_CACHE = "page-cache"


def shipped_languages(content: Path) -> list[Path]:
    """The content folders under `content` (resources/content): one per language."""
    return sorted(p.parent for p in content.glob("*/guide.toml"))


def build_prebuilt(
    content: Path, target: Path, *, with_sources: bool, catalogues: Path | None = None
) -> list[str]:
    """Fill target/guide-cache and target/page-cache for every language under `content`, and
    return what could not be kept, one line each (empty when everything was). Each language's
    pages are rendered with its own catalogue of the interface's words (from `catalogues`,
    else the app's): the pictures' sentences come from it.

    `with_sources`: key the entries to the app's source files too, as a source checkout does
    when it reads them; a bundle has no sources, so its caches are made without.
    """
    for made in (GUIDE_CACHE, PAGE_CACHE):  # nothing left from a language or page since removed
        shutil.rmtree(target / made, ignore_errors=True)
    guides = GuideStore(
        target / GUIDE_CACHE,
        writable=True,
        shipped=True,
        fingerprint=loader_fingerprint(with_sources=with_sources),
    )
    problems = []
    for root in shipped_languages(content):
        guide = load_guide(root, root.name)
        if guide.diagnostics.items:
            # Diagnostics name paths from the working folder, so such a guide cannot be kept
            # for wherever it is installed; the app loads it from its files instead.
            problems.append(f"{root}: {len(guide.diagnostics.items)} problems; not kept")
            continue
        if not guides.put(guide):
            problems.append(f"{root}: the parsed guide could not be written to {target}")
        notice = set_language(root.name, catalogues)
        if notice:  # pages rendered now would keep English sentences for good
            problems.append(f"{root}: pages not kept: {notice}")
            continue
        build_page_cache(guide, target / PAGE_CACHE, with_sources=with_sources)
    set_language(SOURCE_LANGUAGE)
    return problems
