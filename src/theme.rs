//! Colours and sizes, chosen to read on a classroom projector and to stay distinct for
//! colour-blind players (Okabe–Ito palette for the sides).

use bevy::prelude::Color;
use bevy_egui::egui::Color32;

/// The sea.
pub const SEA: [u8; 3] = [16, 38, 58];
/// Land of a third country or unknown.
pub const LAND_OTHER: [u8; 3] = [150, 156, 160];
/// Outline of land.
pub const COAST: [u8; 3] = [230, 235, 238];
/// The coastline stroked around every land feature.
pub const COASTLINE: [u8; 3] = [20, 34, 48];
/// Incidents marked on the map.
pub const INCIDENT: [u8; 3] = [213, 94, 0];
/// Highlight of the hovered region.
pub const HOVER: [u8; 3] = [255, 255, 255];
/// The selected region.
pub const SELECTED: [u8; 3] = [240, 228, 66];
/// Panel text that must stand out.
pub const ACCENT: Color32 = Color32::from_rgb(240, 228, 66);
/// Good news.
pub const GOOD: Color32 = Color32::from_rgb(86, 180, 233);
/// Bad news.
pub const BAD: Color32 = Color32::from_rgb(230, 159, 0);
/// Muted text.
pub const MUTED: Color32 = Color32::from_rgb(160, 168, 176);

/// A Bevy colour from RGB bytes.
pub fn bevy(rgb: [u8; 3]) -> Color {
    Color::srgb_u8(rgb[0], rgb[1], rgb[2])
}

/// An egui colour from RGB bytes.
pub fn egui(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// A lighter tint of a colour, for land (mixes toward white).
pub fn tint(rgb: [u8; 3], amount: f32) -> [u8; 3] {
    let mix = |c: u8| (f32::from(c) + (255.0 - f32::from(c)) * amount).round() as u8;
    [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])]
}
