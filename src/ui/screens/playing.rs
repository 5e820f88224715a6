//! The game screen: the hand-over between two players, or the map with its panels and windows
//! (see [`crate::ui::panels`]).

use bevy_egui::egui;

use crate::session::{Flow, Intent};
use crate::ui::panels::{
    actions, handover, help, map_overlay, pause, report, tabs, top_bar, turn_progress,
};
use crate::ui::{UiState, UiWorld};

/// Draws the game screen.
pub fn draw(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    state: &mut UiState,
    world: &UiWorld,
    out: &mut Vec<Intent>,
) {
    let Some(session) = world.session.as_deref() else {
        return;
    };
    let flow = &*world.flow;
    if let Flow::Handover(side) = flow {
        handover::handover(root, session, *side, out);
        return;
    }
    let viewer = session.viewer(flow);
    top_bar::top_bar(root, state, session, viewer, flow, out);
    egui::Panel::left("actions")
        .resizable(true)
        .default_size(340.0)
        .min_size(260.0)
        .max_size(420.0)
        .show(root, |ui| {
            actions::actions_panel(ui, state, session, viewer, flow, out);
        });
    egui::Panel::right("intel")
        .resizable(true)
        .default_size(320.0)
        .min_size(250.0)
        .max_size(400.0)
        .show(root, |ui| {
            tabs::right_panel(ui, state, session, viewer);
        });
    map_overlay::map_labels(ctx, root, session, world);
    map_overlay::hover_card(ctx, session, world, state.free);
    if let Some(error) = &world.map.error {
        map_overlay::banner(ctx, error);
    }
    match flow {
        Flow::Thinking => turn_progress::thinking(ctx, session),
        Flow::Playback { .. } => turn_progress::playback_hint(ctx, out),
        Flow::Report => {
            if let Some(r) = session.game.last_report() {
                report::window(ctx, session, r, viewer, true, out);
            }
        }
        _ => {}
    }
    if state.report_open && *flow != Flow::Report {
        if let Some(r) = session.game.last_report() {
            if report::window(ctx, session, r, viewer, false, out) {
                state.report_open = false;
            }
        } else {
            state.report_open = false;
        }
    }
    if world.paused.0 {
        pause::pause(ctx, state, out);
    }
    if state.help {
        help::help(ctx, &mut state.help);
    }
}
