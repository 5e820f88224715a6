//! The window's fonts: egui's defaults (Latin, Greek, Cyrillic, emoji), then the bundled Noto
//! subsets as fallbacks, in a fixed order, for both font families. Every text of the window goes
//! through them: panels, the briefings' Markdown, the hover card and the map's labels (drawn
//! by egui over the map).
//!
//! The subsets are made by `tools/subset_fonts.py` (see `assets/fonts/README.md`), which also
//! writes the table of the characters they cover that `demarche validate` warns with
//! (`demarche_sim::scenario::glyphs`); `tests/fonts.rs` checks that the two agree. egui 0.36
//! shapes each run of text (the characters one font draws) with harfrust, so Devanagari's
//! conjuncts and vowel signs take their forms; runs are laid out left to right, which is why no
//! right-to-left script is bundled.

use bevy_egui::egui;

/// The bundled fonts, in the order egui falls back to them after its own: the name each is
/// registered under, and its bytes.
pub const BUNDLED: [(&str, &[u8]); 3] = [
    (
        "noto-sans-subset",
        include_bytes!("../../assets/fonts/NotoSans-subset.ttf"),
    ),
    (
        "noto-sans-cjk-subset",
        include_bytes!("../../assets/fonts/NotoSansCJK-subset.otf"),
    ),
    (
        "noto-sans-devanagari-subset",
        include_bytes!("../../assets/fonts/NotoSansDevanagari-subset.ttf"),
    ),
];

/// egui's default fonts with the bundled fonts appended to both families, in [`BUNDLED`]'s order.
pub fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    for (name, bytes) in BUNDLED {
        fonts.font_data.insert(
            name.to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .push(name.to_owned());
        }
    }
    fonts
}
