"""Markdown pages to the HTML subset QTextBrowser understands, with every problem reported.

Content is treated as semi-trusted: raw HTML is shown as text, images are dropped (icon arrays
are the only pictures), and any link that is not to a step, a reference, a glossary term or a
web address loses its target. Each page is rendered once and cached.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.escape import escape
from decisionaid.core.guide import Guide, Page, Step
from decisionaid.core.i18n import N_, _
from decisionaid.core.iconarray import (
    PLACEHOLDER_PARAGRAPH,
    Picture,
    extract_iconarrays,
)
from decisionaid.core.page_limits import check_page_limits
from decisionaid.core.rendered_page import RenderedPage
from decisionaid.core.trial_groups import TrialGroups

__all__ = ["PageRenderer", "RenderedPage", "markdown_to_html", "render_all"]

# Every pattern below runs in time linear in its line: a class never overlaps what follows it
# (link text stops at any bracket, an address at any angle bracket) and quantifiers that meet
# whitespace are possessive, so a line of 24,000 `[` or spaces cannot make them backtrack.
CITATION = re.compile(r"\[@([^\[\]\n]*+)\]")
CITATION_KEY = re.compile(r"^@?([A-Za-z0-9_:-]+)$")
GLOSSARY = re.compile(r"\[\[([^\[\]|\n]++)(?:\|([^\[\]\n]++))?\]\]")
IMAGE = re.compile(r"!\[([^\[\]\n]*+)\]\(([^)\n]*+)\)")
LINK = re.compile(r"(?<!!)\[[^\[\]\n]*+\]\(\s*+<?([^)\s>]*+)>?(?:\s++\"[^\"\n]*+\")?\s*+\)")
IMAGE_REFERENCE = re.compile(r"!\[([^\[\]\n]*+)\]\[[^\[\]\n]*+\]")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]++\]:\s*+<?([^\s>]*+)>?")
AUTOLINK = re.compile(r"<((?:https?|ftp|file|mailto):[^<>\s]*+)>", re.IGNORECASE)
RAW_HTML = re.compile(r"<\s*+/?\s*+[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>]*+|/\s*+)?>|<!--")
REMOTE_OR_FILE = re.compile(
    r"\b(?:src|href|srcset|background)\s*+=\s*+[\"']?\s*+(?:https?:|file:|//)", re.I
)
FILE_URL = re.compile(r"\bfile:", re.IGNORECASE)
HREF = re.compile(r'<a href="([^"]*)"')
EXTERNAL_ANCHOR = re.compile(
    r'<a href="((?:https?://|mailto:)[^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL
)
SAFE_SCHEMES = ("step:", "ref:", "glossary:", "https://", "http://", "mailto:")
INTERNAL_SCHEMES = ("step:", "ref:", "glossary:")
UNAVAILABLE = N_(
    "This part is not available right now. Something is wrong with it, so we are not "
    "showing it. The rest of the guide works as usual."
)


def unavailable_html() -> str:
    """What a reader sees where a page cannot be shown, in the interface's language."""
    return "<p>" + escape(_(UNAVAILABLE)) + "</p>"


_markdown: markdown.Markdown | None = None


def _converter() -> markdown.Markdown:
    """One Markdown instance, built once, with raw HTML switched off."""
    global _markdown
    if _markdown is None:
        md = markdown.Markdown(
            extensions=[TableExtension(), SaneListExtension()], output_format="html"
        )
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # Pictures come only from icon-array blocks. Reference-style and <...> images would
        # otherwise slip past the image check, so Markdown never makes an <img> at all.
        for name in ("image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(name)
        _markdown = md
    return _markdown


def markdown_to_html(text: str) -> str:
    md = _converter()
    md.reset()
    return str(md.convert(text))


class PageRenderer:
    """Renders the guide's pages; results are cached per step."""

    def __init__(self, guide: Guide, *, external_links: bool = True) -> None:
        self.guide = guide
        self.external_links = external_links
        self._cache: dict[str, RenderedPage] = {}

    def render(self, step: Step) -> RenderedPage:
        cached = self._cache.get(step.id)
        if cached is not None:
            return cached
        if step.kind == "references":
            result = RenderedPage(step.id, self.references_html())
        elif step.kind == "glossary":
            result = RenderedPage(step.id, self.glossary_html())
        elif step.page is not None:
            try:
                result = self.render_page(step.page)
            except Exception as exc:  # a page the renderer cannot handle must not stop the guide
                result = RenderedPage(step.id, unavailable_html())
                result.diagnostics.error(
                    step.page.path, step.page.body_line, f"page cannot be shown: {exc!r}"
                )
        else:
            result = RenderedPage(step.id, "")
        if step.page is None and step.notes:
            # Talking points for a step the app draws itself come from guide.toml.
            result.notes_html = self._notes_html(
                step.notes, self.guide.root / "guide.toml", step.notes_line, result.diagnostics
            )
        self._cache[step.id] = result
        return result

    def render_page(self, page: Page) -> RenderedPage:
        diags = Diagnostics()
        # Bounded work first: a page past the limits is never given to Markdown.
        if not check_page_limits(page.body, page.path, page.body_line, diags):
            return RenderedPage(page.id, unavailable_html(), [], diags)
        body, arrays = extract_iconarrays(
            page.body, page.body_line, page.path, diags, self.guide.references
        )
        result = RenderedPage(page.id, "", arrays, diags)
        result.html = self.render_markdown(body, page.path, page.body_line, diags, page.id, arrays)
        if page.counsellor_notes:
            result.notes_html = self._notes_html(
                page.counsellor_notes, page.path, page.counsellor_notes_line, diags
            )
        return result

    def _notes_html(self, text: str, path: Path, line: int, diags: Diagnostics) -> str:
        if not check_page_limits(text, path, line, diags):
            return unavailable_html()
        return self.render_markdown(text, path, line, diags, "", [])

    # -- markdown with markers ------------------------------------------------------------

    def render_markdown(
        self,
        text: str,
        path: Path,
        first_line: int,
        diags: Diagnostics,
        step_id: str,
        arrays: list[Picture | None],
    ) -> str:
        self.check_lines(text, path, first_line, diags)
        text = IMAGE.sub(lambda m: m.group(1), text)
        text = CITATION.sub(self._citation_markdown, text)
        text = GLOSSARY.sub(self._glossary_markdown, text)
        out = markdown_to_html(text)
        out = HREF.sub(self._safe_href, out)
        # A link that cannot go anywhere is shown as plain words, not as a dead link to tap.
        out = re.sub(r'<a href="blocked:"[^>]*>(.*?)</a>', r"\1", out, flags=re.DOTALL)
        out = re.sub(
            r'<a href="ref:([^"]*)">\[(\d+)\]</a>', r'<sup>[<a href="ref:\1">\2</a>]</sup>', out
        )
        # Neighbouring citations read as one group: [3, 7] rather than [3][7].
        out = out.replace("]</sup><sup>[", ", ")
        out = EXTERNAL_ANCHOR.sub(self._external_anchor, out)
        out = out.replace(
            "<table>", '<table class="data" cellspacing="0" cellpadding="6" border="1">'
        )
        return PLACEHOLDER_PARAGRAPH.sub(
            lambda m: self._iconarray_html(step_id, arrays, int(m.group(1))), out
        )

    def check_lines(self, text: str, path: Path, first_line: int, diags: Diagnostics) -> None:
        """Report each problem at its own line, before the text is transformed."""
        for offset, line in enumerate(text.split("\n")):
            n = first_line + offset
            for m in CITATION.finditer(line):
                keys = [k.strip() for k in m.group(1).split(";")]
                for key in keys:
                    km = CITATION_KEY.match(key)
                    if not km:
                        diags.error(path, n, f"malformed citation '[@{m.group(1)}]'")
                    elif km.group(1) not in self.guide.references:
                        diags.error(path, n, f"unknown citation key '{km.group(1)}'")
            for m in GLOSSARY.finditer(line):
                term = (m.group(2) or m.group(1)).strip().lower()
                if term not in self.guide.glossary:
                    diags.error(path, n, f"unknown glossary term '{term}'")
            for m in IMAGE.finditer(line):
                diags.error(path, n, f"images are not allowed in pages: '{m.group(2)}'")
            for m in IMAGE_REFERENCE.finditer(line):
                diags.error(path, n, f"images are not allowed in pages: '{m.group(0)}'")
            for m in LINK_DEFINITION.finditer(line):
                self._check_target(m.group(1), path, n, diags)
            for m in LINK.finditer(line):
                self._check_target(m.group(1), path, n, diags)
            for m in AUTOLINK.finditer(line):
                self._check_target(m.group(1), path, n, diags)
            stripped = AUTOLINK.sub("", line)
            if RAW_HTML.search(stripped):
                diags.error(path, n, "raw HTML is not allowed; it is shown as text")
            if REMOTE_OR_FILE.search(stripped):
                diags.error(path, n, "a remote or file: resource is not allowed")
            elif FILE_URL.search(stripped) and not (
                LINK.search(line) or LINK_DEFINITION.search(line)
            ):
                diags.error(path, n, "file: addresses are not allowed")

    def _check_target(self, target: str, path: Path, line: int, diags: Diagnostics) -> None:
        lower = target.lower()
        if lower.startswith("step:"):
            step_id = target[5:].split("#", 1)[0]
            if self.guide.step(step_id) is None:
                diags.error(path, line, f"link to unknown step '{step_id}'")
        elif lower.startswith("file:"):
            diags.error(path, line, f"file: links are not allowed: '{target}'")
        elif lower.startswith(("http://", "https://", "mailto:")):
            if lower.startswith("http://"):
                diags.warning(path, line, f"use https for web addresses: '{target}'")
        elif target.startswith("#") or not target:
            diags.error(path, line, f"link target '{target}' is not a step (use step:ID)")
        else:
            diags.error(path, line, f"link target '{target}' is not a step or a web address")

    def _citation_markdown(self, m: re.Match[str]) -> str:
        parts = []
        for key in (k.strip().lstrip("@") for k in m.group(1).split(";")):
            ref = self.guide.references.get(key)
            if ref is not None:
                parts.append(f"[\\[{ref.number}\\]](ref:{key})")
        return "".join(parts)

    def _glossary_markdown(self, m: re.Match[str]) -> str:
        shown = m.group(1).strip()
        term = (m.group(2) or m.group(1)).strip().lower()
        if term not in self.guide.glossary:
            return shown
        return f"[{shown}](glossary:{term})"

    def _safe_href(self, m: re.Match[str]) -> str:
        href = html.unescape(m.group(1))
        if href.lower().startswith(SAFE_SCHEMES):
            # Re-escaped plainly, so a scheme hidden in character references is seen below.
            return f'<a href="{escape(href, quote=True)}"'
        return '<a href="blocked:"'

    def _external_anchor(self, m: re.Match[str]) -> str:
        if self.external_links:
            return m.group(0)
        # Where links must not open (kiosk), the words stay and the address follows them as
        # plain text, so a reader can still note it down: "the VA page (www.ptsd.va.gov)".
        address = readable_address(html.unescape(m.group(1)))
        words = m.group(2)
        plain_words = html.unescape(re.sub(r"<[^>]*>", "", words)).strip()
        if readable_address(plain_words) == address:
            return escape(address)  # the words were the address already
        return f"{words} ({escape(address)})"

    # -- generated steps -----------------------------------------------------------------

    def _iconarray_html(self, step_id: str, arrays: list[Picture | None], index: int) -> str:
        array = arrays[index] if index < len(arrays) else None
        if array is None:
            missing = escape(_("This picture is not available right now."))
            return f'<p class="unavailable">{missing}</p>'
        if isinstance(array, TrialGroups):
            return self._trial_groups_html(step_id, array, index)
        cells = []
        # Equal columns across the page, so two short labels never read as one line.
        width = 100 // max(1, len(array.groups))
        for g_index, group in enumerate(array.groups):
            alt = escape(array.describe_group(group), quote=True)
            cells.append(
                f'<td align="center" valign="top" class="iconarray" width="{width}%">'
                f'<img src="iconarray:{step_id}/{index}/{g_index}" alt="{alt}" />'
                f"<br/><b>{escape(group.name)}</b>"
                "<br/>"
                + escape(
                    _("{n} out of {d} {label}").format(
                        n=group.numerator, d=array.denominator, label=array.label
                    )
                )
                + "</td>"
            )
        ref = self.guide.references.get(array.source)
        cite = f' <sup><a href="ref:{array.source}">[{ref.number}]</a></sup>' if ref else ""
        return (
            f'<table class="iconarrays" cellspacing="12" cellpadding="4" width="100%">'
            f"<tr>{''.join(cells)}</tr></table>"
            f'<p class="caption">{escape(array.caption)} '
            f"{escape(_certainty_line(array))}{cite}</p>"
        )

    def _trial_groups_html(self, step_id: str, picture: TrialGroups, index: int) -> str:
        """The groups side by side, each its real size, with the result in words under them.
        The words carry the picture's weight: title above, result in bold below."""
        width = 100 // max(1, len(picture.groups))
        cells = "".join(
            f'<td align="center" valign="top" class="iconarray" width="{width}%">'
            f'<img src="iconarray:{step_id}/{index}/{g_index}" '
            f'alt="{escape(picture.describe_group(group), quote=True)}" />'
            f"<br/><b>{escape(group.name)}</b><br/>{group.people}</td>"
            for g_index, group in enumerate(picture.groups)
        )
        ref = self.guide.references.get(picture.source)
        cite = f' <sup><a href="ref:{picture.source}">[{ref.number}]</a></sup>' if ref else ""
        return (
            f'<p class="picture-title"><b>{escape(picture.title)}</b></p>'
            f'<table class="iconarrays" cellspacing="12" cellpadding="4" width="100%">'
            f"<tr>{cells}</tr></table>"
            f"<p>{escape(picture.legend)} <b>{escape(picture.result)}</b>{cite}</p>"
            f'<p class="caption">{escape(picture.caption)} '
            f"{escape(_certainty_line(picture))}</p>"
        )

    def references_html(self) -> str:
        items = []
        for ref in self.guide.references.values():
            link = ref.link
            where = ""
            if link:
                escaped = escape(link)
                where = (
                    f'<br/><a href="{escaped}">{escaped}</a>'
                    if self.external_links
                    else f"<br/>{escaped}"
                )
            note = f"<br/><i>{escape(ref.note)}</i>" if ref.note else ""
            items.append(
                f'<p><a name="ref-{escape(ref.key)}"></a><b>[{ref.number}]</b> '
                f"{escape(ref.citation)}{where}{note}</p>"
            )
        if not items:
            return "<p>" + escape(_("No sources are listed.")) + "</p>"
        intro = _(
            "These are the studies and official documents this guide draws on. "
            "The numbers in square brackets in the guide point here."
        )
        return f"<p>{escape(intro)}</p>" + "".join(items)

    def glossary_html(self) -> str:
        terms = sorted(self.guide.glossary.values(), key=lambda t: t.term.lower())
        if not terms:
            return "<p>" + escape(_("No terms are listed.")) + "</p>"
        rows = "".join(
            f'<p><a name="term-{escape(t.id)}"></a><b>{escape(t.term)}</b><br/>'
            f"{escape(t.definition)}</p>"
            for t in terms
        )
        return "<p>" + escape(_("What the harder words in this guide mean.")) + "</p>" + rows


def readable_address(url: str) -> str:
    """A web or e-mail address as a person would write it down: no scheme, no final slash."""
    text = url.strip()
    for scheme in ("https://", "http://", "mailto:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
            break
    return text[:-1] if text.endswith("/") and text.count("/") == 1 else text


def _certainty_line(array: Picture) -> str:
    from decisionaid.core.picture_keys import certainty_words

    return certainty_words(array.certainty)


def render_all(guide: Guide, renderer: PageRenderer | None = None) -> Diagnostics:
    """Render every step once; return what rendering found (for check-content)."""
    renderer = renderer or PageRenderer(guide)
    diags = Diagnostics()
    for step in guide.steps:
        if step.broken:
            continue
        diags.extend(renderer.render(step).diagnostics)
    return diags
