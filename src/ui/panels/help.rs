//! The help window: the keyboard shortcuts.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::session::Screen;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{UiState, shortcuts};

/// The help window, while the game is shown and help is open (F1, or the Help button).
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Help).run_if(
            in_state(Screen::Playing)
                .and_then(game_shown)
                .and_then(|state: Res<UiState>| state.help),
        ),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>) {
    let Some((ctx, _, _)) = canvas.parts() else {
        return;
    };
    help(&ctx, &mut state.help);
}

/// The keyboard shortcuts.
pub fn help(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("keys")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (key, what) in shortcuts::HELP {
                        ui.label(egui::RichText::new(key).strong());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}
