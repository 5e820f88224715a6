#!/usr/bin/env python3
"""Makes the game's small Japanese font: the glyphs that scenarios and maps use, cut from
Noto Sans CJK JP (SIL Open Font License 1.1).

The egui default fonts cover Latin and Cyrillic but not Japanese. Shipping the whole CJK font
would add about 16 MB; this keeps only the characters the project's data contains (plus kana and
common punctuation), a few kilobytes.

Usage (from the repository root; needs `pip install fonttools` and Debian's fonts-noto-cjk):
    python3 tools/subset_font.py
Re-run it after adding Japanese (or Chinese, Korean) text to a scenario or a map.
"""
import glob
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = pathlib.Path("assets/fonts/NotoSansJP-subset.otf")


def cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x3000 <= cp <= 0x30FF  # CJK punctuation, hiragana, katakana
        or 0x3400 <= cp <= 0x9FFF  # CJK ideographs
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
    )



def main() -> int:
    text = set()
    for pattern in ("scenarios/**/*.ron", "scenarios/**/*.md", "assets/maps/*.ron", "src/**/*.rs"):
        for path in glob.glob(pattern, recursive=True):
            text.update(ch for ch in pathlib.Path(path).read_text(encoding="utf-8") if cjk(ch))
    text.update(chr(cp) for cp in range(0x3041, 0x3097))  # hiragana
    text.update(chr(cp) for cp in range(0x30A1, 0x30FB))  # katakana
    text.update("。、・「」『』（）〜ー")
    # Symbols the default egui fonts lack: arrows, ticks, comparison signs.
    text.update(chr(cp) for cp in range(0x2190, 0x2200))
    text.update("✓✗≥≤⏎")
    collection = TTCollection(SOURCE)
    font = next(f for f in collection.fonts if "JP" in f["name"].getDebugName(4))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(text)))
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(f"wrote {OUT} with {len(text)} characters ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
