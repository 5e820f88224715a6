//! Notices in the corner: saved, refused, failed to load (on every screen).

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::ui::UiWorld;
use crate::ui::pass::{Canvas, UiPass};

/// The notices, on every screen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show.in_set(UiPass::Notices));
}

fn show(mut canvas: Canvas, world: UiWorld) {
    let Some((ctx, _, _)) = canvas.parts() else {
        return;
    };
    notices(&ctx, &world);
}

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
