"""Pages the window shows, rendered once and kept: in memory, in a cache made ahead of time
(shipped with the bundle, or in a source checkout's build/cache), or in the user's cache folder.

Rendering needs python-markdown and about a hundred regular expressions, which a normal start
should not pay for. Each cached page carries a key made of everything its HTML depends on (the
page, the references, the glossary, the steps and the renderer), so a page that changed is simply
rendered again. A missing, stale or unreadable cache is never an error, and a store that may not
be written (kiosk) is only read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from decisionaid.core.guide import Guide, Step
from decisionaid.core.i18n import catalogue_fingerprint
from decisionaid.core.keyed_store import KeyedStore, blake2b, code_fingerprint
from decisionaid.core.rendered_page import RenderedPage

if TYPE_CHECKING:
    from decisionaid.core.iconarray import Picture
    from decisionaid.core.policy import Policy
    from decisionaid.core.render import PageRenderer

# Raise when the renderer, its Markdown library or the file layout changes what is stored.
# 4: trial-group pictures and the icon arrays' option; 3: icon arrays in equal columns;
# 2: kiosk link addresses as text
RENDERER_VERSION = 4
# From source, the renderer's own files are part of every key, so editing them is enough.
_RENDERER_SOURCES = (
    "render.py",
    "iconarray.py",
    "trial_groups.py",
    "picture_keys.py",
    "page_cache.py",
    "keyed_store.py",
    "page_limits.py",
)


def renderer_fingerprint(*, with_sources: bool = True) -> bytes:
    """What, besides the content, decides a page's HTML."""
    return code_fingerprint(RENDERER_VERSION, _RENDERER_SOURCES, with_sources=with_sources)


class PageStore:
    """A folder of rendered pages, one file per step, each kept with its key."""

    def __init__(self, folder: Path, *, writable: bool) -> None:
        self._store = KeyedStore(folder, writable=writable)

    @property
    def writable(self) -> bool:
        return self._store.writable

    def get(self, name: str, key: str) -> RenderedPage | None:
        payload = self._store.get(name, key)
        if payload is None:
            return None
        try:
            return _decode(name, payload)
        except Exception:  # a damaged cache file only means rendering again
            return None

    def put(self, name: str, key: str, page: RenderedPage) -> None:
        self._store.put(name, key, _encode(page))


def _encode(page: RenderedPage) -> tuple[Any, ...]:
    from decisionaid.core.record import record_fields

    pictures: list[tuple[str, dict[str, Any]] | None] = []
    for picture in page.icon_arrays:
        if picture is None:
            pictures.append(None)
            continue
        fields = {f: getattr(picture, f) for f in record_fields(picture)}
        fields["groups"] = tuple(
            tuple(getattr(g, f) for f in record_fields(g)) for g in picture.groups
        )
        pictures.append((type(picture).__name__, fields))
    return (page.html, page.notes_html, pictures)


def _decode(step_id: str, payload: tuple[Any, ...]) -> RenderedPage:
    html, notes_html, raw_pictures = payload
    if not isinstance(html, str) or not isinstance(notes_html, str):
        raise TypeError("not a cached page")
    pictures: list[Picture | None] = []
    if raw_pictures:
        from decisionaid.core.iconarray import IconArray, IconGroup
        from decisionaid.core.trial_groups import TrialGroup, TrialGroups

        kinds: dict[str, tuple[type, type]] = {
            "IconArray": (IconArray, IconGroup),
            "TrialGroups": (TrialGroups, TrialGroup),
        }
        for raw in raw_pictures:
            if raw is None:
                pictures.append(None)
                continue
            name, fields = raw
            cls, group_cls = kinds[name]
            groups = tuple(group_cls(*g) for g in fields["groups"])
            pictures.append(cls(**{**fields, "groups": groups}))
    return RenderedPage(step_id, html, pictures, notes_html=notes_html)


class Pages:
    """Every page of a guide as HTML: from memory, from a store, or rendered now and stored."""

    def __init__(
        self,
        guide: Guide,
        *,
        external_links: bool = True,
        stores: Sequence[PageStore] = (),
        fingerprint: bytes | None = None,
    ) -> None:
        self.guide = guide
        self.external_links = external_links
        self.stores = list(stores)
        self._fingerprint = fingerprint
        self._guide_digest: bytes | None = None
        self._memory: dict[str, RenderedPage] = {}
        self._renderer: PageRenderer | None = None
        self.from_cache = 0  # pages found in a store
        self.rendered = 0  # pages rendered with Markdown

    @property
    def renderer(self) -> PageRenderer:
        """The Markdown renderer, loaded the first time a page is not in any store."""
        if self._renderer is None:
            from decisionaid.core.render import PageRenderer

            self._renderer = PageRenderer(self.guide, external_links=self.external_links)
        return self._renderer

    def render(self, step: Step) -> RenderedPage:
        page = self._memory.get(step.id)
        if page is not None:
            return page
        key = self.key(step)
        for store in self.stores:
            page = store.get(step.id, key)
            if page is not None:
                self.from_cache += 1
                break
        else:
            page = self.renderer.render(step)
            self.rendered += 1
            if not _failed(page):
                for store in self.stores:
                    store.put(step.id, key, page)
        self._memory[step.id] = page
        return page

    def render_all(self) -> None:
        """Render and store every page now (used when a bundle is built)."""
        for step in self.guide.steps:
            if not step.broken:
                self.render(step)

    def key(self, step: Step) -> str:
        h = blake2b(self._digest_of_guide(), digest_size=16)
        page = step.page
        for part in (
            step.id,
            step.kind,
            page.body if page else "",
            page.body_line if page else 0,
            step.counsellor_notes,
            step.counsellor_notes_line,
        ):
            h.update(f"{part}\0".encode())
        return h.hexdigest()

    def _digest_of_guide(self) -> bytes:
        """What every page depends on: citations, glossary links, step links and the renderer."""
        if self._guide_digest is None:
            fingerprint = self._fingerprint
            if fingerprint is None:
                fingerprint = renderer_fingerprint()
            guide = self.guide
            h = blake2b(fingerprint, digest_size=16)
            h.update(f"{self.external_links}\0{guide.locale}\0".encode())
            h.update(f"{catalogue_fingerprint()}\0".encode())  # the pictures' sentences
            h.update(repr(list(guide.references.values())).encode())
            h.update(repr(sorted(guide.glossary.items())).encode())
            h.update(repr([(s.id, s.kind) for s in guide.steps]).encode())
            self._guide_digest = h.digest()
        return self._guide_digest


def _failed(page: RenderedPage) -> bool:
    # A page the renderer could not handle is shown as "not available": try it again next time.
    from decisionaid.core.render import unavailable_html

    return page.html == unavailable_html()


def variant(guide: Guide, external_links: bool) -> str:
    return f"{guide.locale}-{'links' if external_links else 'no-links'}"


def app_pages(guide: Guide, policy: Policy) -> Pages:
    """The window's pages: the cache made ahead of time first, then the user's cache where
    allowed."""
    from decisionaid.paths import page_cache_dir, user_cache_dir

    external = policy.may_open_external_links
    name = variant(guide, external)
    stores = [PageStore(page_cache_dir() / name, writable=False)]
    if policy.cache_pages:
        stores.append(PageStore(user_cache_dir() / "pages" / name, writable=True))
    return Pages(guide, external_links=external, stores=stores)


def build_page_cache(guide: Guide, folder: Path, *, with_sources: bool = False) -> list[Path]:
    """Write every page, with and without live web links, for a bundle to ship (no sources:
    a bundle has none to add to the key) or for a source checkout's build/cache."""
    written = []
    for external in (True, False):
        target = folder / variant(guide, external)
        store = PageStore(target, writable=True)
        pages = Pages(
            guide,
            external_links=external,
            stores=[store],
            fingerprint=renderer_fingerprint(with_sources=with_sources),
        )
        pages.render_all()
        written.extend(sorted(target.iterdir()))
    return written
