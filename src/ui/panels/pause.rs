//! The pause menu: resume, save, export the debrief, load, quit.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};

use crate::session::flow::Paused;
use crate::session::{Intent, Screen};
use crate::ui::UiState;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;

/// The pause menu, while the game is shown and paused.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Pause).run_if(
            in_state(Screen::Playing)
                .and_then(game_shown)
                .and_then(resource_equals(Paused(true))),
        ),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>) {
    let Some((ctx, _, out)) = canvas.parts() else {
        return;
    };
    pause(&ctx, &mut state, out);
}

/// The pause menu: resume, save, load, quit.
pub fn pause(ctx: &egui::Context, state: &mut UiState, out: &mut Vec<Intent>) {
    egui::Window::new("Paused")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            if ui.button("Resume").on_hover_text("Esc").clicked() {
                out.push(Intent::TogglePause);
            }
            if ui
                .button("Save")
                .on_hover_text("A new save in the saves folder (Ctrl+S); earlier saves are kept.")
                .clicked()
            {
                out.push(Intent::Save(None));
            }
            if ui
                .button("Export the debrief")
                .on_hover_text("The timeline so far (Markdown) and the indicators per turn (CSV), in the saves folder.")
                .clicked()
            {
                out.push(Intent::ExportDebrief);
            }
            ui.separator();
            ui.label("Load");
            crate::ui::screens::menu::load_list(ui, state, out);
            ui.separator();
            if ui
                .button("Quit to the menu")
                .on_hover_text("The autosave of the last turn stays in the saves folder.")
                .clicked()
            {
                out.push(Intent::QuitToMenu);
            }
            if ui
                .button("Exit Démarche")
                .on_hover_text("The autosave of the last turn stays in the saves folder.")
                .clicked()
            {
                out.push(Intent::Exit);
            }
        });
}
