"""Content is semi-trusted: nothing in a page may reach the screen as live HTML or load a file.

A property-based test feeds the renderer hostile Markdown; Qt-level tests check that the page
view and the app's documents never read a local file, a data: address or the network.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.core.content import load_guide
from decisionaid.core.guide import Page
from decisionaid.core.render import PageRenderer
from tests.helpers import FIXTURE_CONTENT

# What the renderer may emit: the Markdown subset plus the app's own citation and icon markup.
ALLOWED_ATTRS: dict[str, set[str]] = {
    **{t: set() for t in ("em", "strong", "b", "i", "code", "pre", "blockquote", "br", "hr")},
    **{t: set() for t in ("ul", "li", "thead", "tbody", "tr", "sup", "h4", "h5", "h6")},
    **{t: {"id"} for t in ("h1", "h2", "h3")},
    "p": {"class"},
    "ol": {"start"},
    "a": {"href", "name", "title"},
    "img": {"src", "alt"},
    "table": {"class", "cellspacing", "cellpadding", "border", "align"},
    "th": {"align", "style"},
    "td": {"align", "valign", "class", "style"},
}
SAFE_HREF = ("step:", "ref:", "glossary:", "https://", "http://", "mailto:", "blocked:")
SAFE_HREF_EXTRA = ("external-blocked:",)
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


class TagAudit(HTMLParser):
    """Collects every problem with the tags and attributes in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = ALLOWED_ATTRS.get(tag)
        if allowed is None:
            self.problems.append(f"tag <{tag}>")
            return
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.problems.append(f"attribute {name}= on <{tag}>")
            elif name == "href":
                squashed = INVISIBLE.sub("", value).lower()
                if not squashed.startswith(SAFE_HREF + SAFE_HREF_EXTRA):
                    self.problems.append(f"href {value!r}")
            elif name == "src" and not value.startswith("iconarray:"):
                self.problems.append(f"img src {value!r}")
            elif name == "style" and not re.fullmatch(r"text-align: (left|right|center);", value):
                self.problems.append(f"style {value!r}")

    handle_startendtag = handle_starttag


def audit(rendered: str) -> list[str]:
    parser = TagAudit()
    parser.feed(rendered)
    parser.close()
    problems = parser.problems
    lower = rendered.lower()
    for needle in ("<script", "<style", "<iframe", "<object", "<embed", "<link", "<svg", "<!--"):
        if needle in lower:
            problems.append(f"raw {needle}")
    return problems


# -- hostile Markdown ------------------------------------------------------------------------

SCHEMES = st.sampled_from(
    [
        "http://evil.example/",
        "https://evil.example/",
        "file:///etc/passwd",
        "FILE:///C:/Windows/win.ini",
        "file://server/share/x.png",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:image/png;base64,iVBORw0KGgo=",
        "vbscript:msgbox(1)",
        "//evil.example/x.png",
        "/etc/passwd",
        "../../secret.png",
        "step:welcome",
        "step:nowhere",
        "ref:alpha",
        "glossary:placebo",
        "mailto:someone@example.org",
        "iconarray:welcome/0/0",
        "",
    ]
)
URLS = st.builds(lambda s, tail: s + tail, SCHEMES, st.sampled_from(["", "x.png", '"q', ")", " t"]))
RAW_HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
        '<img src="file:///etc/passwd">',
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">click</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{background:url(file:///x)}</style>",
        '<link rel="stylesheet" href="file:///tmp/x.css">',
        '<svg onload="alert(1)"/>',
        "<!-- hidden -->",
        '<b onclick="x()">bold</b>',
        '<p style="color:red">red</p>',
        "<table><tr><td background='file:///x.png'>c</td></tr></table>",
        "<div>\n<img src=https://evil.example/t.gif>\n</div>",
        "&lt;script&gt;",
        "<<script>script>",
        "<scr<script>ipt>",
    ]
)
CONTROL = st.text(alphabet=st.characters(max_codepoint=0x9F, categories=["Cc"]), max_size=3)
WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=["Cs"],
    ),
    max_size=12,
)


def _fragment() -> st.SearchStrategy[str]:
    return st.one_of(
        WORDS,
        CONTROL,
        RAW_HTML,
        URLS,
        st.builds(lambda t, u: f"[{t}]({u})", WORDS, URLS),
        st.builds(lambda t, u: f"[{t}](<{u}>)", WORDS, URLS),
        st.builds(lambda t, u: f'[{t}]({u} "title")', WORDS, URLS),
        st.builds(lambda u: f"<{u.split(':', 1)[-1].strip('/') or 'x'}@example.org>", URLS),
        st.builds(lambda t, u: f"![{t}]({u})", WORDS, URLS),
        st.builds(lambda t, u: f"![{t}][r]\n\n[r]: {u}\n", WORDS, URLS),
        st.builds(lambda t, u: f"[{t}][r]\n\n[r]: {u}\n", WORDS, URLS),
        st.builds(lambda u: f"<{u}>", URLS),
        st.builds(lambda h: f"`{h}`", RAW_HTML),
        st.builds(lambda h: f"\n```\n{h}\n```\n", RAW_HTML),
        st.builds(lambda u: f"\n```iconarray\nid = 'x'\nsource = '{u}'\n```\n", URLS),
        st.sampled_from(["[@alpha]", "[@alpha; @nosuch]", "[[placebo]]", "[[x|<b>y</b>]]"]),
        st.sampled_from(
            ["\n\n# ", "\n\n- ", "\n\n1. ", "\n\n> ", "\n\n| a | b |\n|---|:-:|\n| ", "\n"]
        ),
    )


MARKDOWN = st.lists(_fragment(), max_size=25).map("".join)


@pytest.fixture(scope="module")
def renderer() -> PageRenderer:
    return PageRenderer(load_guide(FIXTURE_CONTENT), external_links=True)


def _page(body: str) -> Page:
    return Page(
        id="welcome",
        title="T",
        short_title="T",
        summary="S",
        reviewed=dt.date(2026, 1, 1),
        body=body,
        body_line=6,
        path=Path("pages/hostile.md"),
        counsellor_notes=body,
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=MARKDOWN)
def test_nothing_hostile_escapes_the_renderer(renderer: PageRenderer, body: str) -> None:
    rendered = renderer.render_page(_page(body))
    for out in (rendered.html, rendered.notes_html):
        problems = audit(out)
        assert not problems, f"{problems}\n--- markdown ---\n{body!r}\n--- html ---\n{out}"


@settings(max_examples=100, deadline=None)
@given(body=MARKDOWN)
def test_kiosk_rendering_leaves_no_live_web_link(body: str) -> None:
    kiosk = PageRenderer(load_guide(FIXTURE_CONTENT), external_links=False)
    out = kiosk.render_page(_page(body)).html
    assert not audit(out)
    hrefs = re.findall(r'href="([^"]*)"', out)
    assert not [h for h in hrefs if html.unescape(h).lower().startswith(("http", "mailto"))]


@pytest.mark.parametrize(
    "markdown",
    [
        "![tracker][r]\n\n[r]: https://evil.example/t.png",
        "![a](<file:///etc/passwd x.png>)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](data:text/html,<script>alert(1)</script>)",
    ],
)
def test_tricky_markdown_is_disarmed_and_reported(renderer: PageRenderer, markdown: str) -> None:
    rendered = renderer.render_page(_page(markdown))
    assert not audit(rendered.html)
    assert "<img" not in rendered.html
    assert rendered.diagnostics.errors, "a problem must be reported to staff"


# -- Qt: nothing is ever read from disk or the network --------------------------------------


@pytest.fixture
def secret_png(tmp_path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    path = tmp_path / "secret.png"
    image = QImage(7, 5, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path))
    (tmp_path / "style.css").write_text("p { color: red; }", encoding="utf-8")
    return path


def _hostile_html(secret: Path) -> tuple[str, list[str]]:
    file_url = secret.as_uri()
    css_url = (secret.parent / "style.css").as_uri()
    urls = [file_url, str(secret), "http://127.0.0.1:9/x.png", "data:image/png;base64,iVBORw0KGgo="]
    body = "".join(f'<img src="{u}">' for u in urls)
    return (
        f'<html><head><link rel="stylesheet" href="{css_url}"></head><body><p>x{body}</p></body>'
        "</html>",
        [*urls, css_url],
    )


def _loaded_images(document, urls: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QPixmap, QTextDocument

    leaked = []
    for url in urls:
        value = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
        drawn = isinstance(value, QImage | QPixmap) and value.width() > 1
        if drawn or (isinstance(value, bytes | bytearray) and value):
            leaked.append(url)
    return leaked


def test_page_view_load_resource_returns_nothing_for_outside_addresses(
    qtbot, secret_png: Path
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from decisionaid.ui.page_view import PageView
    from decisionaid.ui.theme import STANDARD

    view = PageView(STANDARD)
    qtbot.addWidget(view)
    kinds = (
        QTextDocument.ResourceType.ImageResource,
        QTextDocument.ResourceType.HtmlResource,
        QTextDocument.ResourceType.StyleSheetResource,
        QTextDocument.ResourceType.MarkdownResource,
    )
    for url in (secret_png.as_uri(), str(secret_png), "https://example.org/x.png", "http://x/"):
        for kind in kinds:
            value = view.loadResource(kind, QUrl(url))
            if isinstance(value, QImage):
                assert value.width() <= 1, url
            else:
                assert not value, (url, kind, value)


def test_page_view_never_reads_local_files_or_data_urls(qtbot, secret_png: Path) -> None:
    from decisionaid.ui.page_view import PageView
    from decisionaid.ui.theme import STANDARD

    view = PageView(STANDARD)
    qtbot.addWidget(view)
    markup, urls = _hostile_html(secret_png)
    view.show_html(markup, [], "")
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert _loaded_images(view.document(), urls) == []
    assert "color: red" not in view.document().toHtml()


def test_plain_qt_document_would_read_the_file(qtbot, secret_png: Path) -> None:
    """Why SafeTextDocument exists: Qt's own document reads local files on its own."""
    from PySide6.QtGui import QTextDocument

    plain = QTextDocument()
    markup, urls = _hostile_html(secret_png)
    plain.setHtml(markup)
    assert _loaded_images(plain, urls[:1]) == urls[:1]


def test_safe_document_for_printing_reads_nothing(qtbot, secret_png: Path) -> None:
    from PySide6.QtGui import QPainter, QPixmap

    from decisionaid.ui.safe_document import SafeTextDocument

    document = SafeTextDocument()
    markup, urls = _hostile_html(secret_png)
    document.setHtml(markup)
    canvas = QPixmap(400, 300)
    painter = QPainter(canvas)
    document.drawContents(painter)
    painter.end()
    assert _loaded_images(document, urls) == []


def test_icon_arrays_still_draw_through_the_safe_document(qtbot) -> None:
    from decisionaid.core.content import load_guide as load
    from decisionaid.ui.page_view import PageView
    from decisionaid.ui.theme import STANDARD

    guide = load(FIXTURE_CONTENT)
    rendered = PageRenderer(guide).render(guide.step("numbers"))  # type: ignore[arg-type]
    view = PageView(STANDARD)
    qtbot.addWidget(view)
    view.show_html(rendered.html, rendered.icon_arrays, "")
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    image = view.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("iconarray:numbers/0/0")
    )
    assert isinstance(image, QImage) and image.width() > 100


def test_content_strings_never_become_live_rich_text_in_labels(qtbot, content_copy: Path) -> None:
    """Titles, notes and crisis lines come from files; Qt labels would render them as HTML."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as QtGui
    from PySide6.QtWidgets import QLabel

    from tests.helpers import make_window

    hostile = '<img src="file:///etc/hostile.png"><b>bold</b>'
    page = content_copy / "pages" / "facts.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace('title = "Some facts"', f"title = '{hostile}'", 1)
    text = text.replace(
        'content_note = "This page talks about hard things."', f"content_note = '{hostile}'", 1
    )
    page.write_text(text, encoding="utf-8")
    crisis = content_copy / "crisis.toml"
    crisis.write_text(
        f"intro = '{hostile}'\n[[lines]]\nname = '{hostile}'\naction = '{hostile}'\n"
        f"detail = '{hostile}'\nemergency = true\n",
        encoding="utf-8",
    )
    window = make_window(qtbot, content_copy)
    window.navigate_to("facts")
    window.toggle_help()
    live = []
    for label in window.findChildren(QLabel):
        shown = label.text()
        if "<img" not in shown:
            continue
        fmt = label.textFormat()
        rich = fmt == Qt.TextFormat.RichText or (
            fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(shown)
        )
        if rich:
            live.append(f"{label.objectName() or type(label.parent()).__name__}: {shown}")
    assert live == [], "\n".join(live)


def test_every_text_view_of_the_app_reads_nothing_from_outside(qtbot, secret_png: Path) -> None:
    """The same hostile HTML, put into every rich-text view a reader can reach, loads nothing."""
    from PySide6.QtWidgets import QTextEdit

    from tests.helpers import make_window

    window = make_window(qtbot, Path(__file__).parents[2] / "resources" / "content" / "en")
    for index in range(len(window.guide.steps)):
        window.go_to(index)
    views = window.findChildren(QTextEdit)
    kinds = {type(view).__name__ for view in views}
    assert {"PageView", "SummaryView"} <= kinds
    markup, urls = _hostile_html(secret_png)
    for view in views:
        view.setHtml(markup)
        view.show()
        view.resize(400, 300)
        view.viewport().repaint()
        assert _loaded_images(view.document(), urls) == [], type(view).__name__
        assert "color: red" not in view.document().toHtml(), type(view).__name__
