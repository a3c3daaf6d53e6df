"""Makes the Windows (.ico) and macOS (.icns) icons from the one drawn icon, the SVG.

    python packaging/make_icons.py

Needs rsvg-convert (Debian: librsvg2-bin) and Pillow. The results are committed, so building
on Windows or macOS needs neither; run this again after changing the SVG.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
SVG = HERE / "linux" / "io.github.decisionaid.DecisionAid.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int, folder: Path) -> Image.Image:
    target = folder / f"{size}.png"
    subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(SVG), "-o", str(target)],
        check=True,
    )
    return Image.open(target)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        # Each size drawn from the SVG, not scaled down from the largest, so small ones stay crisp.
        ico = [render(size, folder) for size in ICO_SIZES]
        ico[-1].save(
            HERE / "windows" / "decisionaid.ico",
            sizes=[(s, s) for s in ICO_SIZES],
            append_images=ico[:-1],
        )
        icns = [render(size, folder) for size in ICNS_SIZES]
        icns[-1].save(HERE / "macos" / "decisionaid.icns", append_images=icns[:-1])


if __name__ == "__main__":
    main()
