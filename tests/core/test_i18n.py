"""The interface's words through one gettext catalogue per language, in the Qt-free core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from decisionaid.core import i18n
from decisionaid.core.i18n import _, in_language, language_name, ngettext, set_language
from decisionaid.core.iconarray import IconArray, IconGroup
from tests.helpers import ROOT
from tests.helpers.i18n import PO_ROOT, compile_catalogue

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture
def spanish(tmp_path: Path) -> Path:
    root = compile_catalogue("es", tmp_path / "locale")
    assert set_language("es", root) == ""
    return root


def extracted_messages() -> dict[str, tuple[str, ...]]:
    """Every string the code marks for translation, as `make messages` extracts it."""
    from babel.messages.extract import extract_from_dir

    found: dict[str, tuple[str, ...]] = {}
    with (ROOT / "babel.cfg").open() as f:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(f)
    for path, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "decisionaid"), method_map, options_map
    ):
        key = message if isinstance(message, str) else message[0]
        found[key] = (message,) if isinstance(message, str) else tuple(message)
        assert path
    return found


def spanish_catalogue():  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with (PO_ROOT / "es" / "LC_MESSAGES" / "decisionaid.po").open("rb") as f:
        return read_po(f, locale="es")


def test_every_string_the_code_marks_has_a_spanish_translation() -> None:
    catalogue = spanish_catalogue()
    assert not catalogue.fuzzy, "a fuzzy catalogue is never compiled"
    problems = []
    for key, forms in extracted_messages().items():
        entry = catalogue.get(forms[0])
        if entry is None:
            problems.append(f"not in the Spanish catalogue (run make messages): {key!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings) or entry.fuzzy:
            problems.append(f"no Spanish translation: {key!r}")
            continue
        wanted = set(PLACEHOLDER.findall(key))
        for s in strings:
            # A translation may leave a placeholder out ({unaffected} is English grammar), but
            # never bring in one the code does not fill.
            if not set(PLACEHOLDER.findall(s)) <= wanted | set(PLACEHOLDER.findall(forms[-1])):
                problems.append(f"placeholders differ: {key!r} -> {s!r}")
    assert problems == []


def test_the_spanish_catalogue_holds_no_string_the_code_no_longer_uses() -> None:
    used = set(extracted_messages())
    stale = [
        m.id
        for m in spanish_catalogue()
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in used
    ]
    assert stale == []


def test_a_missing_catalogue_gives_english_and_a_notice_for_staff(tmp_path: Path) -> None:
    notice = set_language("es", tmp_path / "nowhere")
    assert "translation" in notice and "English" in notice and "nowhere" in notice
    assert i18n.current_language() == "en"
    assert _("We are fairly sure of this.") == "We are fairly sure of this."


def test_a_damaged_catalogue_gives_english_and_a_notice(tmp_path: Path) -> None:
    mo = tmp_path / "es" / "LC_MESSAGES" / "decisionaid.mo"
    mo.parent.mkdir(parents=True)
    mo.write_bytes(b"not a catalogue at all")
    notice = set_language("es", tmp_path)
    assert "could not be read" in notice
    assert _("We are very unsure of this.") == "We are very unsure of this."


def test_english_needs_no_catalogue(tmp_path: Path) -> None:
    assert set_language("en", tmp_path / "nowhere") == ""
    assert ngettext("{n} question", "{n} questions", 1) == "{n} question"
    assert ngettext("{n} question", "{n} questions", 3) == "{n} questions"


def test_a_regional_locale_reads_its_languages_catalogue(spanish: Path) -> None:
    assert set_language("es_MX", spanish) == ""
    assert _("We are fairly sure of this.") == "Estamos bastante seguros de esto."


def test_each_language_is_named_in_itself_and_offered_in_its_own_words(spanish: Path) -> None:
    assert (language_name("en"), language_name("es"), language_name("es-MX")) == (
        "English",
        "Español",
        "Español",
    )
    i18n._others.clear()
    # Whatever the interface's language, each language's offer is in that language.
    assert in_language("en", "Show this guide in English") == "Show this guide in English"


def spanish_arrays() -> tuple[IconArray, IconArray]:
    treatment = IconArray(
        id="nausea",
        label="tuvieron náuseas",
        population="adultos con TEPT en 8 ensayos reunidos en una revisión (1,078 personas)",
        timeframe="2 semanas",
        certainty="low",
        source="x",
        groups=(IconGroup("Ketamina", 30), IconGroup("Espray de placebo", 8)),
    )
    common = IconArray(
        id="prevalence",
        label="tendrán TEPT en algún momento de su vida",
        population="personas en Estados Unidos",
        timeframe="toda la vida",
        certainty="moderate",
        source="x",
        groups=(IconGroup("Personas en Estados Unidos", 6),),
    )
    return treatment, common


def test_picture_sentences_read_as_spanish(spanish: Path) -> None:
    treatment, common = spanish_arrays()
    assert treatment.describe_group(treatment.groups[0]) == (
        "Unas 30 de cada 100 personas como las del estudio (adultos con TEPT en 8 ensayos "
        "reunidos en una revisión (1,078 personas)) con ketamina tuvieron náuseas, a lo largo "
        "de 2 semanas."
    )
    assert treatment.legend == (
        "Las figuras llenas son las personas que tuvieron náuseas. Los aros son las que no."
    )
    assert treatment.caption == (
        "Adultos con TEPT en 8 ensayos reunidos en una revisión (1,078 personas), a lo largo "
        "de 2 semanas."
    )
    assert treatment.describe().endswith(
        "No estamos muy seguros de esto: hay poca investigación, o la investigación tiene fallas."
    )
    assert common.shows_how_common
    assert common.describe_group(common.groups[0]) == (
        "Unas 6 de cada 100 personas en Estados Unidos tendrán TEPT en algún momento de su vida."
    )
    assert common.describe().endswith("Estamos algo seguros de esto.")


def test_picture_sentences_stay_english_in_english() -> None:
    english = IconArray(
        id="n",
        label="had nausea",
        population="adults with PTSD",
        timeframe="2 weeks",
        certainty="high",
        source="x",
        groups=(IconGroup("Ketamine", 30),),
    )
    assert english.describe() == (
        "About 30 out of 100 people like those studied (adults with PTSD) who had ketamine "
        "had nausea, over 2 weeks. We are fairly sure of this."
    )
    assert (
        english.legend
        == "A filled figure is a person who had nausea. A ring is a person who did not."
    )


def test_no_string_is_marked_inside_an_f_string() -> None:
    """Babel reads an f-string as one token on Python 3.11: a `_("...")` inside one would never
    reach the catalogue, and the words would stay English."""
    import ast

    hidden = []
    for path in sorted((ROOT / "decisionaid").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in ("_", "ngettext")
                    and any(isinstance(a, ast.Constant) for a in call.args)
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []
