"""The content engine: loading, rendering, markers, and a precise diagnostic for each problem."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest

from decisionaid.core.checker import check_content
from decisionaid.core.content import load_guide
from decisionaid.core.render import PageRenderer
from tests.helpers import FIXTURE_CONTENT


def messages(root: Path) -> list[str]:
    return [str(d) for d in check_content(root).diagnostics.items]


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_in(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def test_fixture_guide_is_clean() -> None:
    result = check_content(FIXTURE_CONTENT)
    assert [str(d) for d in result.diagnostics.errors] == []
    assert [s.id for s in result.guide.steps] == [
        "welcome",
        "facts",
        "numbers",
        "references",
        "glossary",
    ]


def test_pages_take_titles_from_front_matter() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    facts = guide.step("facts")
    assert facts is not None and facts.page is not None
    assert facts.title == "Some facts"
    assert facts.content_note == "This page talks about hard things."
    assert facts.page.reviewed is not None and facts.page.reviewed.year == 2026


def test_citations_become_numbered_links_in_file_order() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    html = PageRenderer(guide).render(guide.step("facts")).html  # type: ignore[arg-type]
    assert '<sup>[<a href="ref:alpha">1</a>]</sup>' in html
    assert '<sup>[<a href="ref:alpha">1</a>, <a href="ref:beta">2</a>]</sup>' in html
    assert "[@" not in html


def test_glossary_markers_link_to_their_term() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    html = PageRenderer(guide).render(guide.step("facts")).html  # type: ignore[arg-type]
    assert '<a href="glossary:placebo">placebo</a>' in html
    assert '<a href="glossary:placebo">the word list</a>' in html


def test_internal_links_point_at_steps() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    html = PageRenderer(guide).render(guide.step("welcome")).html  # type: ignore[arg-type]
    assert '<a href="step:facts">the facts</a>' in html


def test_icon_array_block_becomes_pictures_and_words() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    rendered = PageRenderer(guide).render(guide.step("numbers"))  # type: ignore[arg-type]
    assert 'src="iconarray:numbers/0/0"' in rendered.html
    assert 'src="iconarray:numbers/0/1"' in rendered.html
    array = rendered.icon_arrays[0]
    assert array is not None
    assert array.describe_group(array.groups[0]) == (
        "About 67 out of 100 people like those studied (adults in one small trial (30 people)) "
        "who had ketamine felt better, over 2 weeks."
    )
    assert "iconarray" not in rendered.html.split("<table")[0]


def test_tables_render() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    html = PageRenderer(guide).render(guide.step("numbers")).html  # type: ignore[arg-type]
    assert '<table class="data"' in html and "<th>Option</th>" in html


def test_references_and_glossary_steps_are_built_from_data() -> None:
    guide = load_guide(FIXTURE_CONTENT)
    renderer = PageRenderer(guide)
    refs = renderer.render(guide.step("references")).html  # type: ignore[arg-type]
    assert '<a name="ref-alpha"></a><b>[1]</b> Alpha A, Beta B (2021).' in refs
    assert "https://doi.org/10.1000/alpha" in refs
    assert "https://pubmed.ncbi.nlm.nih.gov/123456/" in refs
    words = renderer.render(guide.step("glossary")).html  # type: ignore[arg-type]
    assert "A dummy treatment" in words


def test_pages_render_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import decisionaid.core.render as render

    calls = []
    original = render.markdown_to_html
    monkeypatch.setattr(render, "markdown_to_html", lambda t: calls.append(t) or original(t))
    guide = load_guide(FIXTURE_CONTENT)
    renderer = PageRenderer(guide)
    step = guide.step("welcome")
    assert step is not None
    first = renderer.render(step)
    assert renderer.render(step) is first
    assert len(calls) == 1


# -- one precise diagnostic per problem ------------------------------------------------------


def test_missing_page_file(content_copy: Path) -> None:
    (content_copy / "pages" / "numbers.md").unlink()
    assert f"{content_copy / 'pages' / 'numbers.md'}:1: page is missing" in messages(content_copy)


def test_invalid_utf8_names_the_line(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    page.write_bytes(page.read_bytes() + b"\nbad byte \xff here\n")
    line = page.read_bytes().split(b"\n").index(b"bad byte \xff here") + 1
    assert any(
        m.startswith(f"{page}:{line}: page is not valid UTF-8") for m in messages(content_copy)
    )


def test_unterminated_front_matter(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "reviewed = 2026-11-01\n+++", "reviewed = 2026-11-01\n")
    assert f"{page}:1: front matter is not closed: no second '+++' line" in messages(content_copy)


def test_invalid_front_matter_toml_names_its_line(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, 'summary = "What this test guide is."', "summary = What this")
    line = line_in(page, "summary = What this")
    assert any(m.startswith(f"{page}:{line}: invalid TOML") for m in messages(content_copy))


def test_missing_front_matter_field(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "reviewed = 2026-11-01\n", "")
    assert f"{page}:1: front matter has no 'reviewed'" in messages(content_copy)


def test_unknown_citation_key(content_copy: Path) -> None:
    page = content_copy / "pages" / "facts.md"
    rewrite(page, "[@alpha; @beta]", "[@alpha; @nosuch]")
    line = line_in(page, "@nosuch")
    assert f"{page}:{line}: unknown citation key 'nosuch'" in messages(content_copy)


def test_unknown_glossary_term(content_copy: Path) -> None:
    page = content_copy / "pages" / "facts.md"
    rewrite(page, "A [[placebo]]", "A [[nocebo]]")
    line = line_in(page, "[[nocebo]]")
    assert f"{page}:{line}: unknown glossary term 'nocebo'" in messages(content_copy)


def test_broken_internal_link(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "(step:facts)", "(step:nowhere)")
    line = line_in(page, "step:nowhere")
    assert f"{page}:{line}: link to unknown step 'nowhere'" in messages(content_copy)


def test_raw_html_is_reported_and_escaped(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "This is a short guide.", 'This is <b onclick="x()">bold</b>.')
    line = line_in(page, "<b onclick")
    assert f"{page}:{line}: raw HTML is not allowed; it is shown as text" in messages(content_copy)
    guide = load_guide(content_copy)
    html = PageRenderer(guide).render(guide.step("welcome")).html  # type: ignore[arg-type]
    assert "<b onclick" not in html and "&lt;b onclick" in html


def test_remote_image_is_reported_and_dropped(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "This is a short guide.", "![tracker](https://example.com/t.png)")
    line = line_in(page, "tracker")
    assert (
        f"{page}:{line}: images are not allowed in pages: 'https://example.com/t.png'"
        in messages(content_copy)
    )
    guide = load_guide(content_copy)
    html = PageRenderer(guide).render(guide.step("welcome")).html  # type: ignore[arg-type]
    assert "<img" not in html


def test_file_link_is_reported_and_disarmed(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "(step:facts)", "(file:///etc/passwd)")
    line = line_in(page, "file:///")
    assert f"{page}:{line}: file: links are not allowed: 'file:///etc/passwd'" in messages(
        content_copy
    )
    guide = load_guide(content_copy)
    html = PageRenderer(guide).render(guide.step("welcome")).html  # type: ignore[arg-type]
    assert "file:" not in html


def test_remote_resource_in_raw_html(content_copy: Path) -> None:
    page = content_copy / "pages" / "welcome.md"
    rewrite(page, "This is a short guide.", '<img src="http://evil.example/x.png">')
    line = line_in(page, "evil.example")
    found = messages(content_copy)
    assert f"{page}:{line}: a remote or file: resource is not allowed" in found


def test_bad_icon_array_denominator(content_copy: Path) -> None:
    page = content_copy / "pages" / "numbers.md"
    rewrite(page, 'timeframe = "2 weeks"', 'timeframe = "2 weeks"\ndenominator = 1000')
    line = line_in(page, "```iconarray")
    assert f"{page}:{line}: icon array denominator must be 100, the same everywhere" in messages(
        content_copy
    )


def test_an_icon_array_group_out_of_range_is_named(content_copy: Path) -> None:
    page = content_copy / "pages" / "numbers.md"
    rewrite(page, "numerator = 20", "numerator = 120")
    line = line_in(page, "```iconarray")
    assert (
        f"{page}:{line}: icon array group 'Midazolam' needs 'numerator', a whole number from "
        "0 to 100"
    ) in messages(content_copy)


def test_step_listed_twice_and_unknown_kind(content_copy: Path) -> None:
    manifest = content_copy / "guide.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text + '\n[[steps]]\nid = "welcome"\nkind = "page"\nfile = "pages/welcome.md"\n'
        '\n[[steps]]\nid = "odd"\nkind = "dance"\n',
        encoding="utf-8",
    )
    found = messages(content_copy)
    assert any("step 'welcome' is listed twice; the second is skipped" in m for m in found)
    assert any("step 'odd' has unknown kind 'dance'" in m for m in found)
    assert [s.id for s in load_guide(content_copy).steps].count("welcome") == 1


def test_malformed_guide_toml_never_raises(content_copy: Path) -> None:
    (content_copy / "guide.toml").write_text("title = [unclosed\n", encoding="utf-8")
    guide = load_guide(content_copy)
    assert guide.steps == []
    assert any("invalid TOML" in str(d) for d in guide.diagnostics.items)


def test_broken_step_does_not_break_others(content_copy: Path) -> None:
    (content_copy / "pages" / "facts.md").write_bytes(b"\xff\xfe")
    guide = load_guide(content_copy)
    assert guide.step("facts").broken  # type: ignore[union-attr]
    assert not guide.step("welcome").broken  # type: ignore[union-attr]
    assert not guide.step("numbers").broken  # type: ignore[union-attr]


def test_icon_array_caption_keeps_acronyms() -> None:
    from decisionaid.core.iconarray import IconArray, IconGroup

    array = IconArray(
        "x",
        "improved",
        "adults with PTSD in one US trial",
        "2 weeks",
        "low",
        "a",
        (IconGroup("Ketamine", 67),),
    )
    assert array.caption == "Adults with PTSD in one US trial, over 2 weeks."


REAL_CONTENT = Path(__file__).parents[2] / "resources" / "content" / "en"


@pytest.mark.parametrize("external_links", [True, False])
def test_each_source_is_listed_once_and_reads_cleanly(external_links: bool) -> None:
    """The citation carries no address: the list shows the link once, on its own line."""
    guide = load_guide(REAL_CONTENT)
    html = PageRenderer(guide, external_links=external_links).references_html()
    for ref in guide.references.values():
        assert ref.link, ref.key
        for address in (ref.link, ref.doi, ref.pmid, ref.url):
            if address:
                assert address not in ref.citation, ref.key
        # Shown once as text; a link also carries it in its href.
        assert html.count(f">{escape(ref.link)}<") == 1, ref.key
        for doubled in ("?.", "!.", ".."):
            assert doubled not in ref.citation, (ref.key, ref.citation)


def test_citation_punctuation() -> None:
    from decisionaid.core.guide import Reference

    ref = Reference(
        key="q",
        number=1,
        authors="Foa EB, et al.",
        year=2002,
        title="Does imaginal exposure exacerbate PTSD symptoms?",
        source="Journal 70(4):1022-1028",
        doi="10.1037/x",
    )
    assert ref.citation == (
        "Foa EB, et al. (2002). Does imaginal exposure exacerbate PTSD symptoms? "
        "Journal 70(4):1022-1028."
    )
    assert ref.link == "https://doi.org/10.1037/x"


def _real_array(array_id: str):  # type: ignore[no-untyped-def]
    guide = load_guide(REAL_CONTENT)
    renderer = PageRenderer(guide)
    for step in guide.steps:
        if step.kind == "page" and step.page is not None:
            rendered = renderer.render(step)
            for array in rendered.icon_arrays:
                if array is not None and array.id == array_id:
                    return array, rendered.html
    raise AssertionError(f"no icon array {array_id}")


def test_a_picture_of_how_common_ptsd_is_reads_as_one_plain_sentence() -> None:
    from decisionaid.core.iconarray import CERTAINTY_WORDS

    array, html = _real_array("ptsd-lifetime")
    sentence = "About 6 out of 100 people in the United States will have PTSD at some point in their lives."
    assert array.describe_group(array.groups[0]) == sentence
    assert array.describe() == f"{sentence} {CERTAINTY_WORDS[array.certainty]}"
    assert f'alt="{sentence}"' in html, "the page's picture says the same to a screen reader"
    assert array.legend == (
        "A filled figure is a person who will have PTSD at some point in their lives. "
        "A ring is a person who will not."
    )


def test_treatment_pictures_keep_naming_what_each_group_had() -> None:
    feder, _ = _real_array("feder-response")
    who = "people like those studied (adults with long-lasting PTSD in one small trial (30 people))"
    assert [feder.describe_group(g) for g in feder.groups] == [
        f"About 67 out of 100 {who} who had ketamine had their PTSD symptoms drop by 30 percent "
        "or more, over 2 weeks.",
        f"About 20 out of 100 {who} who had midazolam (a comparison drug) had their PTSD "
        "symptoms drop by 30 percent or more, over 2 weeks.",
    ]
    assert feder.legend.endswith("A ring is a person who did not.")
    # One group can be a treatment too: it still says what those people had.
    infusions, _ = _real_array("ketamine-severe-blood-pressure")
    assert "who had ketamine infusions had a very high rise" in infusions.describe_group(
        infusions.groups[0]
    )


def test_group_names_lose_only_a_capital_first_letter_never_an_acronym() -> None:
    from decisionaid.core.iconarray import IconArray, IconGroup

    groups = (IconGroup("Esketamine and an SSRI", 40), IconGroup("PE", 30))
    array = IconArray("x", "felt better", "adults", "8 weeks", "low", "alpha", groups)
    assert "who had esketamine and an SSRI felt better" in array.describe_group(groups[0])
    assert "who had PE felt better" in array.describe_group(groups[1])
    us = IconArray(
        "y", "had PTSD", "US veterans", "a year", "low", "alpha", (IconGroup("US veterans", 12),)
    )
    assert us.describe_group(us.groups[0]) == "About 12 out of 100 people (US veterans) had PTSD."


def test_steps_without_a_page_take_counsellor_notes_from_guide_toml(content_copy: Path) -> None:
    manifest = content_copy / "guide.toml"
    rewrite(
        manifest,
        'kind = "glossary"\n',
        'kind = "glossary"\ncounsellor_notes = """\nTalking points\n\n- Ask which word was new [@alpha].\n"""\n',
    )
    result = check_content(content_copy)
    assert not [str(d) for d in result.diagnostics.items if "guide.toml" in str(d)]
    step = result.guide.step("glossary")
    assert step is not None and step.counsellor_notes.startswith("Talking points")
    notes = PageRenderer(result.guide).render(step).notes_html
    assert "<li>Ask which word was new" in notes and 'href="ref:alpha"' in notes


def test_counsellor_notes_in_guide_toml_are_checked(content_copy: Path) -> None:
    manifest = content_copy / "guide.toml"
    rewrite(
        manifest,
        'kind = "glossary"\n',
        'kind = "glossary"\ncounsellor_notes = "See [@nobody]."\n',
    )
    rewrite(
        manifest, 'file = "pages/facts.md"\n', 'file = "pages/facts.md"\ncounsellor_notes = "x"\n'
    )
    rewrite(manifest, 'kind = "references"\n', 'kind = "references"\ncounsellor_notes = 3\n')
    found = messages(content_copy)
    assert (
        f"{manifest}:{line_in(manifest, 'See [@nobody]')}: unknown citation key 'nobody'" in found
    )
    misplaced = line_in(manifest, 'counsellor_notes = "x"')
    assert any(f"{manifest}:{misplaced}: warning: step 'facts' has a page" in m for m in found)
    assert any("step 'references' counsellor_notes must be text" in m for m in found), found


def test_side_by_side_pictures_share_the_page_width_equally() -> None:
    guide = load_guide(REAL_CONTENT)
    html = PageRenderer(guide).render(guide.step("risks")).html  # type: ignore[arg-type]
    tables = re.findall(r'<table class="iconarrays"([^>]*)>(.*?)</table>', html, re.S)
    assert len(tables) >= 2
    for attributes, row in tables:
        assert 'width="100%"' in attributes
        cells = re.findall(r'<td[^>]*class="iconarray"[^>]*>', row)
        assert all(f'width="{100 // len(cells)}%"' in cell for cell in cells)
