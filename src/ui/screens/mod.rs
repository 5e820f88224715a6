//! The screens of the window, one file each: the main menu, the briefing, the game (whose panels
//! are in [`super::panels`]) and the game over.

pub mod briefing;
pub mod gameover;
pub mod menu;
pub mod playing;

use bevy::prelude::*;
use bevy_egui::egui;

/// The four screens.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        menu::plugin,
        briefing::plugin,
        playing::plugin,
        gameover::plugin,
    ));
}

fn centered(root: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    let rect = root.max_rect();
    let w = width.min(rect.width() - 40.0);
    let area = egui::Rect::from_min_size(
        egui::pos2(rect.center().x - w / 2.0, rect.top() + 24.0),
        egui::vec2(w, rect.height() - 48.0),
    );
    let mut ui = root.new_child(egui::UiBuilder::new().max_rect(area));
    egui::Frame::window(ui.style())
        .inner_margin(16.0)
        .show(&mut ui, |ui| {
            ui.set_max_width(w - 32.0);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, add);
        });
}
