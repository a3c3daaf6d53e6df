"""references.toml and glossary.toml: the lists a page's citations and defined words point
into. An entry that cannot be used is left out, with a diagnostic."""

from __future__ import annotations

from pathlib import Path

from decisionaid.core.content_tables import array_tables as _tables
from decisionaid.core.content_tables import text_value as _str
from decisionaid.core.diagnostics import Diagnostics
from decisionaid.core.guide import GlossaryTerm, Reference
from decisionaid.core.textfile import describe_value, key_line, line_of, load_toml_with_text


def load_references(root: Path, diags: Diagnostics) -> dict[str, Reference]:
    path = root / "references.toml"
    data, text = load_toml_with_text(path, diags, "references file", inside=root)
    if data is None:
        return {}
    refs: dict[str, Reference] = {}
    text_keys = ("key", "authors", "title", "source", "doi", "pmid", "url", "note")
    for entry, table_line in _tables(
        data, "references", (path, text), diags, "reference", text_keys
    ):
        key = _str(entry, "key")
        line = line_of(text, f'"{key}"') if key else table_line
        if not key:
            diags.error(path, line, "a reference has no 'key'")
            continue
        if key in refs:
            diags.error(path, line, f"reference key '{key}' is listed twice")
            continue
        for needed in ("authors", "year", "title", "source"):
            if needed not in entry:
                diags.error(path, line, f"reference '{key}' has no '{needed}'")
        if not any(entry.get(k) for k in ("doi", "pmid", "url")):
            diags.warning(path, line, f"reference '{key}' has no doi, pmid or url")
        url = _str(entry, "url")
        if url and not url.startswith("https://"):
            diags.error(path, line, f"reference '{key}' url must start with https://")
        year = entry.get("year", "")
        if isinstance(year, bool) or not isinstance(year, int | str):
            diags.error(
                path,
                key_line(text, table_line, "year"),
                f"reference '{key}': 'year' must be a year such as 2024, "
                f"not {describe_value(year)}",
            )
            year = ""
        refs[key] = Reference(
            key=key,
            number=len(refs) + 1,
            authors=_str(entry, "authors"),
            year=year,
            title=_str(entry, "title"),
            source=_str(entry, "source"),
            doi=_str(entry, "doi"),
            pmid=_str(entry, "pmid"),
            url=url,
            note=_str(entry, "note"),
            line=line,
            type=_str(entry, "type"),
        )
    return refs


def load_glossary(root: Path, diags: Diagnostics) -> dict[str, GlossaryTerm]:
    path = root / "glossary.toml"
    data, text = load_toml_with_text(path, diags, "glossary file", inside=root)
    if data is None:
        return {}
    terms: dict[str, GlossaryTerm] = {}
    text_keys = ("id", "term", "definition")
    for entry, table_line in _tables(
        data, "terms", (path, text), diags, "glossary term", text_keys
    ):
        term_id = _str(entry, "id")
        line = line_of(text, f'"{term_id}"') if term_id else table_line
        if not term_id or not entry.get("term") or not entry.get("definition"):
            diags.error(path, line, "a glossary term needs 'id', 'term' and 'definition'")
            continue
        if term_id in terms:
            diags.error(path, line, f"glossary id '{term_id}' is listed twice")
            continue
        terms[term_id] = GlossaryTerm(term_id, _str(entry, "term"), _str(entry, "definition"), line)
    return terms
