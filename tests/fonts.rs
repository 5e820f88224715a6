//! The window's fonts on a bare egui context: region names in each covered script (Latin with
//! Vietnamese, Greek, Cyrillic, Japanese, simplified Chinese, Korean, Devanagari) lay out with
//! every glyph, Devanagari shaped (a conjunct is one glyph), Tibetan, Ethiopic and Khmer get the
//! replacement glyph; and egui draws exactly the characters of the table the validator warns
//! with (`demarche_sim::scenario::glyphs::COVERED`, written by `tools/subset_fonts.py`), so that
//! its warning fires when, and only when, the window would show ◻.

use std::collections::BTreeSet;

use bevy_egui::egui;
use demarche::ui::fonts;
use demarche_sim::scenario::glyphs;

/// A context with the window's fonts loaded (egui loads them at the start of a pass; the pass is
/// never ended, so no texture update is left to hand over).
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.set_fonts(fonts::definitions());
    ctx.begin_pass(egui::RawInput::default());
    ctx
}

/// Whether egui draws `c` with a glyph of its own, not the replacement glyph: `has_glyph` says
/// so, or a font of the family maps it (`has_glyph` answers no for every character of the font
/// that also holds the replacement glyph ◻, egui's Noto Emoji, although it draws them).
fn draws(ctx: &egui::Context, font: &egui::FontId, chars: &BTreeSet<char>, c: char) -> bool {
    chars.contains(&c) || ctx.fonts_mut(|f| f.has_glyph(font, c))
}

/// Every character a font of the family maps.
fn mapped(ctx: &egui::Context, font: &egui::FontId) -> BTreeSet<char> {
    ctx.fonts_mut(|f| {
        f.fonts
            .font(&font.family)
            .characters()
            .keys()
            .copied()
            .collect()
    })
}

const COVERED_NAMES: [(&str, &str); 9] = [
    ("Latin", "Gull Island, Île d'Oléron, Łódź"),
    ("Vietnamese", "Việt Nam, Đà Nẵng"),
    ("Greek", "Αλεξανδρούπολη"),
    ("Cyrillic", "Кунашир, Южно-Сахалинск, Київ, Ґорґани"),
    ("Japanese", "国後島, 択捉島, ハボマイ"),
    ("Simplified Chinese", "北京, 上海, 黑龙江"),
    ("Korean", "서울, 부산, 독도"),
    ("Devanagari", "मुंबई, नई दिल्ली, लद्दाख"),
    ("Arrows and ticks", "→ ← ✓ ≥ ≤"),
];

#[test]
fn region_names_in_each_covered_script_have_every_glyph() {
    let ctx = context();
    let font = egui::FontId::proportional(13.5);
    let chars = mapped(&ctx, &font);
    for (script, name) in COVERED_NAMES {
        let missing: Vec<char> = name
            .chars()
            .filter(|&c| !draws(&ctx, &font, &chars, c))
            .collect();
        assert!(
            missing.is_empty(),
            "{script}: no glyph for {missing:?} in {name:?}"
        );
        let galley = ctx
            .fonts_mut(|f| f.layout_no_wrap(name.to_owned(), font.clone(), egui::Color32::WHITE));
        assert_eq!(galley.rows.len(), 1, "{script}");
        assert!(galley.size().x > 0.0, "{script}");
        // The validator agrees: no warning for these names.
        assert!(name.chars().all(glyphs::drawable), "{script}");
    }
}

#[test]
fn devanagari_is_shaped_with_its_conjuncts() {
    let ctx = context();
    let font = egui::FontId::proportional(15.0);
    // क्ष (ka, virama, ssa) is one conjunct glyph: the layout tables were kept.
    let galley =
        ctx.fonts_mut(|f| f.layout_no_wrap("क्ष".into(), font.clone(), egui::Color32::WHITE));
    let drawn = galley.rows[0]
        .row
        .glyphs
        .iter()
        .filter(|g| g.advance_width > 0.0)
        .count();
    assert_eq!(drawn, 1, "{:?}", galley.rows[0].row.glyphs);
}

#[test]
fn scripts_without_a_font_get_the_replacement_glyph_and_a_warning() {
    let ctx = context();
    let font = egui::FontId::proportional(13.5);
    let chars = mapped(&ctx, &font);
    for (script, name) in [
        ("Tibetan", "ལྷ་ས"),
        ("Ethiopic", "አዲስ አበባ"),
        ("Khmer", "ភ្នំពេញ"),
    ] {
        let letter = name.chars().next().unwrap_or_default();
        assert!(!draws(&ctx, &font, &chars, letter), "{script}");
        assert!(!glyphs::drawable(letter), "{script}");
    }
}

#[test]
fn the_validators_table_is_what_egui_draws() {
    let ctx = context();
    let font = egui::FontId::proportional(15.0);
    let chars = mapped(&ctx, &font);
    // Every code point but the line break (the validator lets it through: it breaks the line).
    let mismatches: Vec<String> = (0..=u32::from(char::MAX))
        .filter_map(char::from_u32)
        .filter(|&c| c != '\n')
        .filter_map(|c| {
            let egui = draws(&ctx, &font, &chars, c);
            (egui != glyphs::drawable(c)).then(|| format!("U+{:04X} egui {egui}", u32::from(c)))
        })
        .take(20)
        .collect();
    assert!(
        mismatches.is_empty(),
        "the table and egui disagree (run tools/subset_fonts.py again): {mismatches:?}"
    );
}
