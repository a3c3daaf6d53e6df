"""Tables of options read one row at a time, for a screen too narrow for their columns.

A table that puts four options side by side needs each column as wide as its longest word. On
a portrait screen at large text there is no such room, and its words would break in the middle
("Ketami-ne"). This gives the same cells in the same order without columns: each row's heading,
then a list of the options, each named, with what the table says for it.
"""

from __future__ import annotations

import re
from html import unescape

# The tables of a rendered page (see render.py), their rows and their cells. Cells hold inline
# markup only (emphasis, citation numbers, links), never another table.
DATA_TABLE = re.compile(r'<table class="data"[^>]*>(.*?)</table>', re.DOTALL)
ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.DOTALL)
CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
LINE_BREAK = re.compile(r"<br\s*/?>")
# Fewer columns than this read well side by side at any width: a label and one value.
MIN_COLUMNS = 3


def wide_tables(html: str) -> int:
    """How many tables in `html` would be rewritten by `narrow_tables`."""
    return sum(1 for m in DATA_TABLE.finditer(html) if _columns(m.group(1)) >= MIN_COLUMNS)


def column_words(html: str) -> list[list[list[str]]]:
    """For each table `narrow_tables` would rewrite, each column's words (markup left out): a
    column is at least as wide as its longest word, or that word breaks in the middle."""
    tables = []
    for m in DATA_TABLE.finditer(html):
        rows = [CELL.findall(row) for row in ROW.findall(m.group(1))]
        if not rows or len(rows[0]) < MIN_COLUMNS:
            continue
        columns: list[list[str]] = [[] for _ in rows[0]]
        for row in rows:
            for i, cell in enumerate(row[: len(columns)]):
                # Inline tags join what they wrap to its neighbours ("[2]." is one word).
                text = TAG.sub("", LINE_BREAK.sub(" ", cell))
                columns[i].extend(unescape(text).split())
        tables.append(columns)
    return tables


def narrow_tables(html: str) -> str:
    """`html` with each table of MIN_COLUMNS or more columns written out row by row."""
    return DATA_TABLE.sub(_rows_of, html)


def _columns(table: str) -> int:
    first = ROW.search(table)
    return len(CELL.findall(first.group(1))) if first else 0


def _rows_of(match: re.Match[str]) -> str:
    rows = [CELL.findall(row) for row in ROW.findall(match.group(1))]
    if not rows or len(rows[0]) < MIN_COLUMNS:
        return match.group(0)
    names = [name.strip() for name in rows[0][1:]]
    out: list[str] = []
    for heading, *cells in rows[1:]:
        if heading.strip():
            out.append(f'<p class="rowHeading"><b>{heading.strip()}</b></p>')
        items = "".join(
            f"<li><b>{name}:</b> {cell.strip()}</li>" if name else f"<li>{cell.strip()}</li>"
            for name, cell in zip(names, cells, strict=False)
        )
        out.append(f"<ul>{items}</ul>")
    return "".join(out)
