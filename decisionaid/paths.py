"""One place that knows where the app's resources are: from source, a wheel or the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "decisionaid"


def resources_dir() -> Path:
    """The folder holding content/ and icons/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if (candidate / "content").is_dir():
            return candidate
    return here.parent / "resources"


DEFAULT_LOCALE = "en"  # the language the app always ships content for


def content_dir(locale: str = DEFAULT_LOCALE) -> Path:
    return resources_dir() / "content" / locale


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name


def prebuilt_cache_dir() -> Path:
    """Caches made ahead of time, never written by the app: the parsed guide and its rendered
    pages for every shipped language. A bundle (and the packages made from it) carries them
    in its resources; a source checkout has them in build/cache once `make` has made them.
    Each entry is checked against the files it was made from, so a stale one is only unused."""
    resources = resources_dir()
    if getattr(sys, "_MEIPASS", None) is None and resources == _CHECKOUT_RESOURCES:
        return resources.parent / "build" / "cache"
    return resources


_CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def guide_cache_dir() -> Path:
    """The parsed guide, one file per shipped language (core/guide_cache.py)."""
    return prebuilt_cache_dir() / "guide-cache"


def page_cache_dir() -> Path:
    """Every page rendered, per language and kind of link (core/page_cache.py)."""
    return prebuilt_cache_dir() / "page-cache"


def user_cache_dir() -> Path:
    """The platform's cache folder for this app (safe to delete at any time)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME
