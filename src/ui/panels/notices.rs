//! Notices in the corner: saved, refused, failed to load (on every screen).

use bevy_egui::egui;

use crate::ui::UiWorld;

/// Recent notices in the corner.
pub fn notices(ctx: &egui::Context, world: &UiWorld) {
    if world.notices.items.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::new("notices"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                for (text, _) in &world.notices.items {
                    ui.label(text);
                }
            });
        });
}
