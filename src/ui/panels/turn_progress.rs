//! The turn in progress: the AI thinking, and the playback with a way to skip it.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;

use crate::session::{Flow, Intent, Screen, Session};
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;

/// The AI thinking, and the playback, while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            show_thinking.run_if(resource_equals(Flow::Thinking)),
            show_playback.run_if(|flow: Res<Flow>| matches!(*flow, Flow::Playback { .. })),
        )
            .in_set(UiPass::TurnWindows)
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show_thinking(mut canvas: Canvas, session: Res<Session>) {
    let Some((ctx, _, _)) = canvas.parts() else {
        return;
    };
    thinking(&ctx, &session);
}

fn show_playback(mut canvas: Canvas) {
    let Some((ctx, _, out)) = canvas.parts() else {
        return;
    };
    playback_hint(&ctx, out);
}

/// The AI is deciding.
pub fn thinking(ctx: &egui::Context, session: &Session) {
    let scn = session.scenario();
    let names: Vec<&str> = Side::BOTH
        .iter()
        .filter(|s| !session.is_human(**s) && !session.ready[s.index()])
        .map(|s| scn.actor(scn.actor_of(*s)).name.as_str())
        .collect();
    egui::Window::new("thinking")
        .title_bar(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(if names.is_empty() {
                    "Resolving the turn…".to_owned()
                } else {
                    format!("{} deciding…", names.join(" and "))
                });
            });
        });
}

/// The playback of the turn, with a way to skip it.
pub fn playback_hint(ctx: &egui::Context, out: &mut Vec<Intent>) {
    egui::Window::new("playback")
        .title_bar(false)
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -20.0))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("The turn plays out on the map…");
                if ui.button("Skip").on_hover_text("Space").clicked() {
                    out.push(Intent::SkipPlayback);
                }
            });
        });
}
