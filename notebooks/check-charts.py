#!/usr/bin/env python3
"""Checks the notebooks' charts: every chart a notebook saves (each `save(fig, "NAME")` call in its code) must
exist as CHARTS/NAME.png and must not be blank. Blank means: too small, (nearly) one flat colour, or no
coloured "data ink" at all (axes and text alone are grey; every civnet chart draws its data in colour).

    check-charts.py CHARTS_DIR notebooks/*.ipynb
"""
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
from PIL import Image

SAVE = re.compile(r"""\bsave\(\s*fig\s*,\s*["']([^"']+)["']\s*\)""")
MIN_WIDTH, MIN_HEIGHT = 300, 200
MIN_STD = 0.03            # standard deviation of pixel values (0..1): a flat image is near 0
MIN_COLOURS = 32          # distinct RGB colours (antialiased text alone gives a few dozen greys)
MIN_DATA_INK = 0.002      # share of pixels in colour (saturation above 0.2): bars, lines, nodes


def problems(png: Path):
    if not png.is_file():
        return ["missing"]
    with Image.open(png) as image:
        pixels = np.asarray(image.convert("RGB"), dtype=np.float64) / 255.0
    height, width, _ = pixels.shape
    found = []
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        found.append(f"only {width}x{height} pixels")
    if pixels.std() < MIN_STD:
        found.append(f"nearly flat (standard deviation {pixels.std():.4f})")
    colours = len(np.unique((pixels * 255).astype(np.uint8).reshape(-1, 3), axis=0))
    if colours < MIN_COLOURS:
        found.append(f"only {colours} distinct colours")
    ink = ((pixels.max(axis=2) - pixels.min(axis=2)) > 0.2).mean()
    if ink < MIN_DATA_INK:
        found.append(f"no data drawn in colour ({ink:.3%} of pixels)")
    return found


def main(charts: Path, notebooks):
    failures, checked = [], 0
    for notebook in notebooks:
        code = "\n".join(c.source for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")
        names = SAVE.findall(code)
        if not names:
            failures.append(f"{notebook}: saves no chart")
        for name in names:
            checked += 1
            png = charts / f"{name}.png"
            for problem in problems(png):
                failures.append(f"{notebook}: {png}: {problem}")
    for failure in failures:
        print("   CHART " + failure, file=sys.stderr)
    if failures:
        sys.exit(f"{len(failures)} chart problem(s)")
    print(f"   {checked} charts present and not blank in {charts}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), sys.argv[2:])
