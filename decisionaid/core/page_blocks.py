"""A page's Markdown as the content rules see it: blocks (paragraphs, list items, table rows,
icon-array lines) with the line each starts on, and the running text a reader reads."""

from __future__ import annotations

import re
from collections.abc import Iterator

from decisionaid.core.guide import Guide, Page, Step
from decisionaid.core.record import record
from decisionaid.core.render import CITATION, GLOSSARY

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s*#{1,6}\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
TABLE_ROW = re.compile(r"^\s*\|")
LINK_TEXT = re.compile(r"(?<!!)\[([^\]\n]*)\]\([^)\n]*\)")
EMPHASIS = re.compile(r"[*_`]+")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@record(frozen=True)
class Block:
    """One unit of a page: a paragraph, a list item, a table row or an icon-array line."""

    line: int  # line in the page file where the block starts
    text: str  # the Markdown source of the block, lines joined with spaces
    kind: str  # "paragraph", "item", "table" or "iconarray"


def page_blocks(page: Page) -> list[Block]:
    """Split a page body into blocks, skipping headings; fenced blocks become 'iconarray' lines."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    kind = "paragraph"

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append(Block(start, " ".join(s.strip() for s in current), kind))
        current = []

    in_fence = False
    for offset, line in enumerate(page.body.split("\n")):
        n = page.body_line + offset
        if FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if line.strip():
                blocks.append(Block(n, line.strip(), "iconarray"))
            continue
        if not line.strip() or HEADING.match(line):
            flush()
            continue
        if TABLE_ROW.match(line):
            flush()
            if not re.fullmatch(r"[\s|:-]+", line):  # skip the |---|---| separator
                blocks.append(Block(n, line.strip(), "table"))
            continue
        if LIST_ITEM.match(line):
            flush()
            start, kind = n, "item"
            current = [LIST_ITEM.sub("", line, count=1)]
            continue
        if not current:
            start, kind = n, "paragraph"
        current.append(line)
    flush()
    return blocks


def plain_text(markdown_text: str) -> str:
    """Markdown with citations, glossary and link syntax and emphasis removed: what is read."""
    text = HTML_COMMENT.sub(" ", markdown_text)
    text = CITATION.sub("", text)
    text = GLOSSARY.sub(lambda m: m.group(1), text)
    text = LINK_TEXT.sub(lambda m: m.group(1), text)
    text = EMPHASIS.sub("", text)
    text = re.sub(r"^\s*>\s?", "", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def running_text(page: Page) -> str:
    """The page's running text for reading-level checks: paragraphs and list items only.

    Front matter, headings, tables, icon-array blocks and citation or glossary markers are
    left out. Each block ends as a sentence, so a list item without a full stop still counts
    as one.
    """
    sentences = []
    for block in page_blocks(page):
        if block.kind not in ("paragraph", "item"):
            continue
        text = plain_text(block.text)
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    return " ".join(sentences)


def page_steps(guide: Guide) -> Iterator[tuple[Step, Page]]:
    for step in guide.steps:
        if step.page is not None and not step.broken:
            yield step, step.page


def list_runs_into_paragraph(markdown_text: str) -> Iterator[tuple[str, str]]:
    """(paragraph line, list item) wherever a list item directly follows a paragraph line.

    Markdown reads such an item as more of the paragraph, so "Talking points" and its list
    show as one run-on paragraph. A blank line (or a heading) before the list fixes it.
    """
    previous = ""
    in_fence = False
    for line in markdown_text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif (
            not in_fence
            and LIST_ITEM.match(line)
            and previous.strip()
            and not previous[:1].isspace()  # an indented line continues a list item
            and not LIST_ITEM.match(previous)
            and not HEADING.match(previous)
            and not TABLE_ROW.match(previous)
        ):
            yield previous, line
        previous = "" if in_fence else line


def table_headings(page: Page) -> list[str]:
    """The header cells of the page's first table, as plain text, left to right (the first is
    the row headings' column, often empty). Columns are matched to data by position, never by
    their words, which differ from one language to another."""
    for block in page_blocks(page):
        if block.kind == "table":
            cells = block.text.strip().strip("|").split("|")
            return [plain_text(cell) for cell in cells]
    return []
