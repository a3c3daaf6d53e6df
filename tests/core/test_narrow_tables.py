"""Tables of options, read row by row on a screen too narrow for their columns: nothing lost,
nothing reordered, every cell named by its option."""

from __future__ import annotations

import re

from decisionaid.core.content import load_guide
from decisionaid.core.narrow_tables import narrow_tables, wide_tables
from decisionaid.core.render import PageRenderer
from decisionaid.paths import content_dir

TABLE = """<p>Before.</p>
<table class="data" cellspacing="0" cellpadding="6" border="1">
<thead><tr><th></th><th>Talk therapy</th><th>Medicines</th><th>Ketamine</th></tr></thead>
<tbody>
<tr><td><strong>Does it help?</strong></td><td>Yes <sup>[<a href="ref:a">1</a>]</sup>.</td>
<td>Often.</td><td>Not clear <sup>[<a href="ref:b">2</a>]</sup>.</td></tr>
<tr><td><strong>Risks?</strong></td><td>Upset for a while.</td><td>Nausea.</td><td>Dissociation.</td></tr>
</tbody></table>
<p>After.</p>"""

TWO_COLUMNS = """<table class="data" cellspacing="0" cellpadding="6" border="1">
<tr><th>Word</th><th>Meaning</th></tr><tr><td>PTSD</td><td>A condition.</td></tr></table>"""


def _words(html: str) -> list[str]:
    return re.sub(r"<[^>]+>", " ", html).split()


def test_each_row_lists_every_option_by_name_in_the_table_s_order() -> None:
    narrow = narrow_tables(TABLE)
    assert "<table" not in narrow and "<td" not in narrow
    assert narrow.startswith("<p>Before.</p>") and narrow.endswith("<p>After.</p>")
    items = re.findall(r"<li>(.*?)</li>", narrow)
    assert [re.sub(r"<[^>]+>", "", i) for i in items] == [
        "Talk therapy: Yes [1].",
        "Medicines: Often.",
        "Ketamine: Not clear [2].",
        "Talk therapy: Upset for a while.",
        "Medicines: Nausea.",
        "Ketamine: Dissociation.",
    ]
    assert narrow.index("Does it help?") < narrow.index("Yes") < narrow.index("Risks?")
    # The citation numbers still open their sources.
    assert re.findall(r'href="([^"]+)"', narrow) == ["ref:a", "ref:b"]


def test_a_table_of_two_columns_is_left_as_a_table() -> None:
    assert wide_tables(TWO_COLUMNS) == 0
    assert narrow_tables(TWO_COLUMNS) == TWO_COLUMNS


def test_the_guide_s_option_tables_keep_every_word_when_read_row_by_row() -> None:
    for locale in ("en", "es"):
        guide = load_guide(content_dir(locale))
        renderer = PageRenderer(guide)
        for step_id in ("at-a-glance", "compare"):
            html = renderer.render(guide.steps[guide.index_of(step_id)]).html
            assert wide_tables(html) == 1, (locale, step_id)
            narrow = narrow_tables(html)
            table = re.search(r'<table class="data".*?</table>', html, re.DOTALL)
            assert table is not None
            head = re.findall(r"<th>(.*?)</th>", table.group(0))[1:]
            rows = len(re.findall(r"<tr>", table.group(0))) - 1
            # Every word of the page is still there; the options are named on each row
            # instead of once above the columns.
            names = [w for name in head for w in _words(name)]
            expected = _words(html)
            for word in names:
                expected.remove(word)
            labels = [w for name in head for w in _words(name + ":")]
            assert sorted(_words(narrow)) == sorted(expected + labels * rows), (locale, step_id)


def test_each_column_s_words_are_given_without_their_markup() -> None:
    from decisionaid.core.narrow_tables import column_words

    (table,) = column_words(TABLE)
    assert table[0] == ["Does", "it", "help?", "Risks?"]
    assert table[3] == ["Ketamine", "Not", "clear", "[2].", "Dissociation."]
    assert column_words(TWO_COLUMNS) == []
