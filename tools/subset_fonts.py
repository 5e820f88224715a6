#!/usr/bin/env python3
"""Makes the game's bundled fonts and the table of the characters they cover.

The window draws text with egui, whose default fonts (Ubuntu Light, Noto Emoji, an emoji icon
font) cover most of Latin, Greek and Cyrillic but no CJK, Devanagari, Vietnamese letters or
arrows. This tool cuts small subsets of Noto fonts (SIL Open Font License 1.1) that fill those
gaps, loaded after egui's own in this order:

1. assets/fonts/NotoSans-subset.ttf: Latin (Vietnamese and the extended blocks included), Greek,
   Cyrillic, punctuation, currency signs and letter-like symbols egui's fonts lack;
2. assets/fonts/NotoSansCJK-subset.otf: from Noto Sans CJK JP, kana, CJK punctuation and
   full-width forms, the common ideographs of Japanese (JIS X 0208 level 1) and simplified
   Chinese (GB 2312 level 1), the Hangul syllables of KS X 1001, arrows and ticks;
3. assets/fonts/NotoSansDevanagari-subset.ttf: the Devanagari blocks.

Every character the project's data and interface use (scenarios, maps, src/) is added too, so
re-run the tool after adding text in a new script. Each subset keeps only what egui's fonts and
the subsets before it lack. egui 0.36 shapes each run of text with harfrust, so the Latin and
Devanagari subsets keep their layout tables (marks, kerning, Devanagari's conjuncts and vowel
signs); the CJK one keeps none: horizontal CJK text needs no substitution, and the tables (with
the regional and vertical forms they pull in) would double its size.

It then writes crates/demarche_sim/src/scenario/glyphs/coverage.rs: every character the window's
proportional font family draws (egui's fonts plus these subsets, with egui's own rules for tabs,
thin spaces and invisible characters), as sorted ranges. `demarche validate` warns with it about
a character no font has, without loading any font; the window's test `tests/fonts.rs` checks
that the table and egui agree on every code point.

Usage, from the repository root, on Debian (egui's default fonts are read from cargo's registry,
so build or `cargo fetch` first):
    sudo apt-get install python3-fonttools fonts-noto-core fonts-noto-cjk
    /usr/bin/python3 tools/subset_fonts.py
"""
import glob
import os
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

NOTO = "/usr/share/fonts/truetype/noto"
NOTO_SANS = f"{NOTO}/NotoSans-Regular.ttf"
NOTO_DEVANAGARI = f"{NOTO}/NotoSansDevanagari-Regular.ttf"
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FACE = "Noto Sans CJK JP"

OUT_DIR = pathlib.Path("assets/fonts")
TABLE = pathlib.Path("crates/demarche_sim/src/scenario/glyphs/coverage.rs")

# egui's proportional family, in its order (epaint's `FontDefinitions::default`).
EGUI_FONTS = ["Ubuntu-Light.ttf", "NotoEmoji-Regular.ttf", "emoji-icon-font.ttf"]
# Characters epaint never takes from its built-in fonts (`FontFace::ignore_character`).
EGUI_IGNORED = {0x534D, 0x5350, 0xE0FF, 0xEFFD, 0xF0FF, 0xF200}
# Characters epaint draws as nothing in any font (`invisible_char`), and those it draws as a
# space (tab, thin space, narrow no-break space).
EGUI_INVISIBLE = (
    {0x0D, 0xFEFF}
    | set(range(0x200B, 0x2010))
    | set(range(0x202A, 0x202F))
    | set(range(0x2060, 0x2065))
    | set(range(0x2066, 0x2070))
)
EGUI_AS_SPACE = {0x09, 0x2009, 0x202F}


def blocks(*ranges):
    """The code points of inclusive ranges."""
    return {cp for first, last in ranges for cp in range(first, last + 1)}


def encoding_rows(codec, first, last):
    """The characters of an EUC double-byte encoding's rows `first` to `last` (lead bytes)."""
    chars = set()
    for lead in range(first, last + 1):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([lead, trail]).decode(codec)))
            except UnicodeDecodeError:
                pass
    return chars


def latin_greek_cyrillic():
    return blocks(
        (0x00A0, 0x036F),  # Latin-1 to Latin Extended-B, IPA, modifiers, combining marks
        (0x0370, 0x03FF),  # Greek and Coptic
        (0x0400, 0x052F),  # Cyrillic and its supplement
        (0x1C80, 0x1C8F),  # Cyrillic Extended-C
        (0x1E00, 0x1FFF),  # Latin Extended Additional (Vietnamese), Greek Extended
        (0x2000, 0x218F),  # punctuation, super/subscripts, currency, letter-like, numbers
        (0x2C60, 0x2C7F),  # Latin Extended-C
        (0x2DE0, 0x2DFF),  # Cyrillic Extended-A
        (0xA640, 0xA69F),  # Cyrillic Extended-B
        (0xA720, 0xA7FF),  # Latin Extended-D
        (0xFB00, 0xFB06),  # Latin ligatures
    )


def cjk():
    return (
        blocks(
            (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
            (0x3130, 0x318F),  # Hangul compatibility jamo
            (0x31F0, 0x31FF),  # katakana phonetic extensions
            (0xFF00, 0xFFEF),  # half-width and full-width forms
            (0x2190, 0x21FF),  # arrows
        )
        | {ord(c) for c in "✓✗≥≤⏎"}
        | encoding_rows("euc_jp", 0xB0, 0xCF)  # JIS X 0208 level 1 kanji (2,965)
        | encoding_rows("gb2312", 0xB0, 0xD7)  # GB 2312 level 1 hanzi (3,755)
        | encoding_rows("euc_kr", 0xB0, 0xC8)  # KS X 1001 Hangul syllables (2,350)
    )


def devanagari():
    return blocks(
        (0x0900, 0x097F),  # Devanagari
        (0x1CD0, 0x1CFF),  # Vedic extensions
        (0xA8E0, 0xA8FF),  # Devanagari Extended
        (0x25CC, 0x25CC),  # dotted circle, which marks stand on
    )


def project_text():
    """Every non-ASCII character of the project's data and interface."""
    chars = set()
    patterns = ("scenarios/**/*.ron", "scenarios/**/*.md", "assets/maps/**/*.ron", "src/**/*.rs")
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            text = pathlib.Path(path).read_text(encoding="utf-8")
            chars.update(ord(ch) for ch in text if ord(ch) > 0x7F)
    return chars


def egui_fonts_dir():
    """epaint_default_fonts' folder in cargo's registry, at the version Cargo.lock pins."""
    lock = pathlib.Path("Cargo.lock").read_text(encoding="utf-8")
    found = re.search(r'name = "epaint_default_fonts"\nversion = "([^"]+)"', lock)
    if not found:
        sys.exit("Cargo.lock names no epaint_default_fonts")
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    pattern = f"{home}/registry/src/*/epaint_default_fonts-{found.group(1)}/fonts"
    dirs = sorted(glob.glob(pattern))
    if not dirs:
        sys.exit(f"no {pattern}: run `cargo fetch` first")
    return pathlib.Path(dirs[0])


def cmap(font):
    """The code points a font maps to a glyph other than .notdef."""
    notdef = font.getGlyphOrder()[0]
    return {cp for cp, glyph in font.getBestCmap().items() if glyph != notdef}


def load_source(path, face):
    if face is None:
        return TTFont(path, recalcTimestamp=False)
    font = next(f for f in TTCollection(path).fonts if f["name"].getDebugName(4) == face)
    font.recalcTimestamp = False
    return font


def write_subset(font, chars, out, layout):
    options = subset.Options()
    if layout:
        options.layout_features = ["*"]
        options.layout_scripts = ["*"]
    else:
        options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    font.save(str(out))


def ranges(points):
    points = sorted(points)
    out = []
    for cp in points:
        if out and cp == out[-1][1] + 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def write_table(covered, sources):
    lines = [
        "//! Generated by `tools/subset_fonts.py`: do not edit, run the tool again.",
        "//!",
        "//! Every character the window's proportional font family draws: egui's default fonts",
        f"//! ({', '.join(EGUI_FONTS)}), then {', '.join(sources)}",
        "//! (assets/fonts), with egui's rules for tabs, thin spaces and invisible characters.",
        "",
        "/// The characters the window's fonts draw: sorted, disjoint, inclusive code-point ranges.",
        "#[rustfmt::skip]",
        "pub const COVERED: &[(u32, u32)] = &[",
    ]
    pairs = [f"(0x{a:04X}, 0x{b:04X})," for a, b in ranges(covered)]
    for i in range(0, len(pairs), 5):
        lines.append("    " + " ".join(pairs[i : i + 5]))
    lines.append("];")
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(pairs)


def main():
    egui_dir = egui_fonts_dir()
    covered = set()
    for name in EGUI_FONTS:
        covered |= cmap(TTFont(str(egui_dir / name))) - EGUI_IGNORED
    extra = project_text()
    # (file, source, face in a collection, characters wanted, keep the layout tables)
    bundled = [
        ("NotoSans-subset.ttf", NOTO_SANS, None, latin_greek_cyrillic(), True),
        ("NotoSansCJK-subset.otf", NOTO_CJK, CJK_FACE, cjk(), False),
        ("NotoSansDevanagari-subset.ttf", NOTO_DEVANAGARI, None, devanagari(), True),
    ]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    missing = set(extra)
    for out, path, face, wanted, layout in bundled:
        font = load_source(path, face)
        # The characters this font is the first in the chain to have.
        has = cmap(font)
        take = ((wanted | extra) & has) - covered
        write_subset(font, take, OUT_DIR / out, layout)
        written = cmap(TTFont(str(OUT_DIR / out)))
        covered |= written
        missing -= written
        size = (OUT_DIR / out).stat().st_size
        print(f"wrote {OUT_DIR / out}: {len(written)} characters, {size} bytes")
    covered |= EGUI_INVISIBLE
    if 0x20 in covered:
        covered |= EGUI_AS_SPACE
    count = write_table(covered, [out for out, _, _, _, _ in bundled])
    print(f"wrote {TABLE}: {len(covered)} characters in {count} ranges")
    missing -= covered
    if missing:
        listed = " ".join(f"U+{cp:04X}" for cp in sorted(missing))
        print(f"the project uses characters no font has: {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
