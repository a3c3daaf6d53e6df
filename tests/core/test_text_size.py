"""Body text by screen: a desk's size everywhere but a kiosk, which grows it with the panel."""

from __future__ import annotations

from decisionaid.core.text_size import DESK_BODY_PX, KIOSK_MAX_PX, body_px


def test_a_desk_keeps_its_size_whatever_the_screen() -> None:
    for side in (600, 768, 1080, 2160):
        assert body_px(side, 300.0, scale_to_screen=False) == DESK_BODY_PX


def test_a_1080p_kiosk_panel_reads_larger_than_a_laptop() -> None:
    laptop = body_px(768, None, scale_to_screen=True)
    panel = body_px(1080, None, scale_to_screen=True)
    assert laptop == DESK_BODY_PX
    assert panel == 22 and panel > laptop
    # Portrait or landscape: the shorter side decides.
    assert body_px(1080, 336.0, scale_to_screen=True) == panel


def test_a_small_dense_panel_keeps_text_a_readable_physical_size() -> None:
    # 1080 px across 150 mm (a 12-inch 1080p panel): 4.3 mm of text is 31 px.
    assert body_px(1080, 150.0, scale_to_screen=True) == 31


def test_unbelievable_physical_sizes_are_ignored_and_huge_panels_capped() -> None:
    assert body_px(1080, 0.0, scale_to_screen=True) == 22
    assert body_px(1080, 5.0, scale_to_screen=True) == 22
    assert body_px(4000, None, scale_to_screen=True) == KIOSK_MAX_PX
