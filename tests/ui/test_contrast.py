"""Every colour pair the app draws meets WCAG 2.2 AA contrast, in every theme.

Checked twice: against the pairs the theme lists, and against the stylesheets themselves, so a
rule that pairs two colours nobody listed cannot slip through.
"""

from __future__ import annotations

import re

import pytest

from decisionaid.ui.theme import HIGH_CONTRAST, STANDARD, THEMES, Theme, document_css, stylesheet

TEXT = 4.5  # 1.4.3 normal text
LARGE_OR_UI = 3.0  # 1.4.3 large text, 1.4.11 focus rings, borders and figures
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_every_listed_pair_has_enough_contrast(theme: Theme) -> None:
    failures = []
    for what, fg, bg, large in theme.text_pairs():
        need = LARGE_OR_UI if large else TEXT
        ratio = contrast(fg, bg)
        if ratio < need:
            failures.append(f"{what}: {fg} on {bg} is {ratio:.2f}:1, needs {need}:1")
    assert not failures, "\n".join(failures)


def _declarations(css: str) -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in RULE.findall(css):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                key, _, value = decl.partition(":")
                props[key.strip()] = value.strip()
        rules.append((selector.strip(), props))
    return rules


def _stylesheets(theme: Theme) -> list[str]:
    from decisionaid.ui.kiosk.screens import screen_stylesheet

    sheets = [stylesheet(theme, scale, target) for scale in (100, 200) for target in (44, 56)]
    sheets += [screen_stylesheet(theme, scale) for scale in (100, 200)]
    sheets.append(document_css(theme))
    try:
        from decisionaid.ui.steps.decision_base import decision_css
    except ImportError:
        return sheets
    return [*sheets, decision_css(theme, 100)]


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_stylesheet_text_on_its_own_background_has_enough_contrast(theme: Theme) -> None:
    failures = []
    for css in _stylesheets(theme):
        for selector, props in _declarations(css):
            fg = HEX.search(props.get("color", ""))
            bg = HEX.search(props.get("background", props.get("background-color", "")))
            if fg is None:
                continue
            background = bg.group(0) if bg else theme.window
            ratio = contrast(fg.group(0), background)
            if ":disabled" in selector:
                # WCAG exempts inactive controls; still, their words stay legible (3:1), a
                # standard greyed look rather than a vanishing one.
                if ratio < 3:
                    failures.append(f"{selector}: {fg.group(0)} on {background} is {ratio:.2f}:1")
                continue
            if ratio < TEXT:
                failures.append(f"{selector}: {fg.group(0)} on {background} is {ratio:.2f}:1")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_stylesheets_use_only_the_themes_colours(theme: Theme) -> None:
    palette = {str(v).lower() for v in vars(theme).values() if str(v).startswith("#")}
    for css in _stylesheets(theme):
        stray = {c.lower() for c in HEX.findall(css)} - palette
        assert not stray, f"colours outside the theme (contrast untested): {stray}"


# selection: a pressed toggle or a chosen answer tile; window: an unchosen answer tile
BUTTON_FILLS = ("secondary", "primary", "help", "selection", "window")
# What a button can sit on: the page, the header/footer/kiosk card, a notice (Start over?).
BUTTON_BACKGROUNDS = ("window", "surface", "notice")


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_focus_ring_stands_out_from_buttons_it_surrounds(theme: Theme) -> None:
    """The rings touch the background behind the button, outside and in the gaps (see
    focus_ring_css); rings and gaps together stand out from every button's fill."""
    failures = []
    for behind_name in BUTTON_BACKGROUNDS:
        behind = getattr(theme, behind_name)
        ring = contrast(theme.focus, behind)
        if ring < LARGE_OR_UI:
            failures.append(f"ring on {behind_name}: {ring:.2f}:1")
        for fill_name in BUTTON_FILLS:
            fill = getattr(theme, fill_name)
            best = max(contrast(theme.focus, fill), contrast(behind, fill))
            if best < LARGE_OR_UI:
                failures.append(f"{fill_name} button on {behind_name}: {best:.2f}:1")
    assert not failures, "\n".join(failures)


def test_focus_ring_colours_are_the_ones_the_stylesheet_draws() -> None:
    for theme in (STANDARD, HIGH_CONTRAST):
        rules = dict(_declarations(stylesheet(theme, 100, 44)))
        for selector in ("QPushButton:focus, QToolButton:focus", "QPushButton#helpButton:focus"):
            props = rules[selector]
            assert theme.focus in props["border"], (theme.name, selector)
            assert "double" in props["border"], (theme.name, selector)
            assert props["background-clip"] == "padding", (theme.name, selector)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_kiosk_screen_cards_have_enough_contrast(theme: Theme) -> None:
    from decisionaid.ui.kiosk.screens import screen_stylesheet

    rules = dict(_declarations(screen_stylesheet(theme, 100)))
    page = _hex(rules["QWidget#kioskInner, QWidget#kioskActions"]["background"])
    card = _hex(rules["QFrame#kioskCard"]["background"])
    edge = _hex(rules["QFrame#kioskCard"]["border"])
    words = _hex(rules["QFrame#kioskCard QLabel"]["color"])
    assert contrast(words, card) >= TEXT
    assert contrast(edge, page) >= LARGE_OR_UI
    assert contrast(edge, card) >= LARGE_OR_UI


def _hex(value: str) -> str:
    found = HEX.search(value)
    assert found is not None, value
    return found.group(0)
