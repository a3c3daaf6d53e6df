"""Limits that keep the work of showing one page small, checked in one pass before Markdown.

python-markdown's inline parser scans ahead from every `[` to its `]`, from every link's `(` to
its `)` and from every backtick run to the next one as long: to the end of the paragraph when
there is none. A paragraph full of unclosed ones costs the square of its length (a single
24 KB line of `[` took a minute to show). Every piece of markup also has a fixed cost. So
before a page reaches Markdown this pass adds up those scans exactly as Markdown would make
them, counts the markup, and measures lines and nesting, all in time linear in the page.

Real pages stay far inside the limits: their longest line is about 400 characters, their
length about 150 lines, their markup under 130 characters a page, their scans under 20,000 characters a page, their nesting
one level. A page outside them is not shown (the reader sees the calm "not available" notice)
and check-content names the line.
"""

from __future__ import annotations

import re
from pathlib import Path

from decisionaid.core.diagnostics import Diagnostics

MAX_LINE_CHARS = 2_000
# Markdown has a cost for every paragraph and line; real pages have about 100 lines.
MAX_PAGE_LINES = 5_000
# A paragraph, list or table: the lines between two blank lines.
MAX_BLOCK_CHARS = 20_000
# The characters that start Markdown's inline syntax: links and citations, code, emphasis,
# HTML and entities, escapes and images.
MARKUP = "[`*_<&\\!"
MAX_PAGE_MARKUP = 2_000
# Characters Markdown would scan ahead looking for a closing `]`, `)` or backtick run.
MAX_PAGE_SCAN = 200_000
# List items, quotes and indented blocks inside one another.
MAX_NESTING = 8
# Each icon array is drawn as pictures; real pages have one or two.
MAX_ICON_ARRAYS = 12
TAB_WIDTH = 4

_SCANNED = re.compile(r"\\.|`+|\]\(|[\[\]()]", re.DOTALL)


def nesting(line: str) -> int:
    """How deep a line sits: a level per four columns of indent and per quote marker."""
    columns = 0
    rest = line
    for index, char in enumerate(line):
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += TAB_WIDTH - columns % TAB_WIDTH
        else:
            rest = line[index:]
            break
    quotes = 0
    for char in rest:
        if char == ">":
            quotes += 1
        elif char not in " \t":
            break
    return columns // TAB_WIDTH + quotes


def scan_work(block: str) -> tuple[int, int]:
    """(characters Markdown scans ahead in this block, offset of the opener that scans most).

    From each `[` to its `]`, from each link's `(` to the `)` that balances it, from each run
    of backticks to the next run as long; an opener never closed scans to the block's end.
    An escaped character opens nothing.
    """
    end = len(block)
    work = 0
    worst = (0, 0)
    brackets: list[int] = []
    links: list[list[int]] = []  # [where the link's "(" is, parentheses still open]
    ticks: dict[int, int] = {}  # run length -> where the unclosed run starts

    def scanned(start: int, stop: int) -> None:
        nonlocal work, worst
        work += stop - start
        worst = max(worst, (stop - start, start))

    for match in _SCANNED.finditer(block):
        token, at = match.group(), match.start()
        if token[0] == "\\":
            continue
        if token[0] == "`":
            run = len(token)
            if run in ticks:
                scanned(ticks.pop(run), at)
            else:
                ticks[run] = at
        elif token == "[":
            brackets.append(at)
        elif token in ("]", "]("):
            if brackets:
                scanned(brackets.pop(), at)
            if token == "](":
                links.append([at + 1, 1])
        elif token == "(" and links:
            links[-1][1] += 1
        elif token == ")" and links:
            links[-1][1] -= 1
            if links[-1][1] == 0:
                scanned(links.pop()[0], at)
    for start in [*brackets, *(link[0] for link in links), *ticks.values()]:
        scanned(start, end)
    return work, worst[1]


def check_page_limits(text: str, path: Path, first_line: int, diags: Diagnostics) -> bool:
    """Report each limit the text passes, once, at the line that passes it (for the scans:
    the line of the opener that scans furthest). True when within every limit."""
    problems: dict[str, tuple[int, str]] = {}
    lines = text.split("\n")
    if len(lines) > MAX_PAGE_LINES:
        diags.error(
            path,
            first_line + MAX_PAGE_LINES,
            f"page not shown: it has {len(lines):,} lines; the limit is {MAX_PAGE_LINES:,}",
        )
        return False

    def report(rule: str, line: int, message: str) -> None:
        problems.setdefault(rule, (line, message))

    page_markup = page_scan = icon_arrays = 0
    worst_scan = (0, first_line)
    block: list[str] = []
    block_start = first_line

    def end_block() -> None:
        nonlocal page_scan, worst_scan
        text = "\n".join(block)
        if len(text) > MAX_BLOCK_CHARS:
            report(
                "block",
                block_start,
                f"the paragraph starting here is {len(text):,} characters long; the limit is "
                f"{MAX_BLOCK_CHARS:,} (put a blank line between paragraphs)",
            )
            return
        work, offset = scan_work(text)
        page_scan += work
        if work > worst_scan[0]:
            worst_scan = (work, block_start + text.count("\n", 0, offset))

    for offset, line in enumerate(lines):
        number = first_line + offset
        if not line.strip():
            end_block()
            block, block_start = [], number + 1
            continue
        block.append(line)
        if len(line) > MAX_LINE_CHARS:
            report(
                "line",
                number,
                f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}",
            )
        depth = nesting(line)
        if depth > MAX_NESTING:
            report(
                "nesting",
                number,
                f"line is nested {depth} levels deep (indents and '>' quotes); "
                f"the limit is {MAX_NESTING}",
            )
        if line.startswith("```") and "iconarray" in line:
            icon_arrays += 1
            if icon_arrays > MAX_ICON_ARRAYS:
                report("arrays", number, f"more than {MAX_ICON_ARRAYS} icon arrays on one page")
        page_markup += sum(line.count(char) for char in MARKUP)
        if page_markup > MAX_PAGE_MARKUP:
            report(
                "markup",
                number,
                f"the page has more than {MAX_PAGE_MARKUP:,} markup characters ({MARKUP}) "
                "by this line; it would take too long to show",
            )
    end_block()
    if page_scan > MAX_PAGE_SCAN:
        report(
            "scan",
            worst_scan[1],
            "brackets, parentheses or backticks here are not closed near where they open "
            "(write \\[ for a bracket on its own); the page would take too long to show",
        )
    for where, message in sorted(problems.values()):
        diags.error(path, where, f"page not shown: {message}")
    return not problems
