"""The reader-visible text of the data files, each piece with the file and line it is on, so the
content rules (marketing words, reading grade, editorial flags) read it as they read pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import Guide
from decisionaid.core.record import record
from decisionaid.core.textfile import line_of, load_toml_file, read_text
from decisionaid.core.wording import WORDING_FILE, wording_lines

# file -> (table of entries or None for the top level, the reader-visible fields in it).
DATA_TEXT: dict[str, tuple[tuple[str | None, tuple[str, ...]], ...]] = {
    "questions.toml": (("topics", ("title",)), ("questions", ("text",))),
    "quiz.toml": (("items", ("question", "choices", "explanation")),),
    "values.toml": ((None, ("scale", "not_sure")), ("statements", ("text", "reflect"))),
    "sure.toml": (("items", ("text",)),),
    "leaning.toml": ((None, ("intro", "question", "note")), ("choices", ("label",))),
    "sure-next-steps.toml": (("steps", ("suggestion", "button")),),
}
# Written for this guide (the SURE items are a published test, quoted word for word).
OWN_WORDS = ("leaning.toml", "sure-next-steps.toml", WORDING_FILE)


@record(frozen=True)
class DataText:
    path: Path
    line: int
    text: str


def _entries(data: dict[str, Any], table: str | None) -> list[dict[str, Any]]:
    if table is None:
        return [data]
    entries = data.get(table, [])
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def data_texts(guide: Guide, files: tuple[str, ...] | None = None) -> Iterator[DataText]:
    """Each reader-visible piece of text in the data files (all, or those named in `files`)."""
    for filename, tables in DATA_TEXT.items():
        if files is not None and filename not in files:
            continue
        path = guide.root / filename
        if not path.is_file():
            continue
        quiet = Diagnostics()  # the file's own validity is reported by its loader
        data = load_toml_file(path, quiet, filename)
        text = read_text(path, quiet) or ""
        if data is None:
            continue
        for table, fields in tables:
            for entry in _entries(data, table):
                for name in fields:
                    value = entry.get(name)
                    for item in value if isinstance(value, list) else [value]:
                        if isinstance(item, str) and item.strip():
                            yield DataText(path, line_of(text, item), item)
        if filename == "leaning.toml" and isinstance(data.get("reflect"), dict):
            for value in data["reflect"].values():
                if isinstance(value, str) and value.strip():
                    yield DataText(path, line_of(text, value), value)
    if files is None or WORDING_FILE in files:
        yield from _wording_texts(guide)


def _wording_texts(guide: Guide) -> Iterator[DataText]:
    path = guide.root / WORDING_FILE
    text = read_text(path, Diagnostics()) if path.is_file() else None
    if text is None:
        return
    lines = wording_lines(text)
    words = guide.wording
    for key, value in words.texts.items():
        yield DataText(path, lines.get(key, 1), value)
    for key, values in words.lists.items():
        for value in values:
            yield DataText(path, line_of(text, value, lines.get(key, 1)), value)
