//! The tracks tab: each track of the relationship, its stage, pending proposals, and the
//! back-channel.

use bevy_egui::egui;
use demarche_sim::Side;
use demarche_sim::scenario::TrackStatus;

use crate::session::Session;
use crate::theme;

/// The width kept beside a track's name for its status.
const STATUS_WIDTH: f32 = 80.0;

pub(crate) fn tracks(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    for (i, track) in scn.tracks.iter().enumerate() {
        let state = &view.dip.tracks[i];
        let id = demarche_sim::TrackId::from_index(i);
        ui.group(|ui| {
            ui.horizontal_top(|ui| {
                // The name wraps in what the status leaves of the panel's width.
                ui.scope(|ui| {
                    ui.set_max_width((ui.available_width() - STATUS_WIDTH).max(80.0));
                    ui.add(egui::Label::new(egui::RichText::new(&track.name).strong()).wrap())
                        .on_hover_text(format!("{}\n\n{}", track.name, track.description));
                });
                let (text, color) = match state.status {
                    TrackStatus::Active => ("active", theme::GOOD),
                    TrackStatus::Suspended => ("suspended", theme::BAD),
                    TrackStatus::Terminated => ("terminated", egui::Color32::from_rgb(213, 94, 0)),
                };
                ui.label(egui::RichText::new(text).color(color));
            });
            ui.add(
                egui::ProgressBar::new((state.progress / 100.0) as f32).text(format!(
                    "{} · {:.0}",
                    track.stage_at(state.progress),
                    state.progress
                )),
            );
            if let Some(by) = state.halted_by {
                ui.label(egui::RichText::new(format!("halted by {}", scn.actor(by).name)).small());
            }
            for p in view.dip.proposals.iter().filter(|p| p.track == id) {
                ui.label(
                    egui::RichText::new(format!(
                        "proposal pending from {} (turn {})",
                        scn.actor(p.from).name,
                        p.turn
                    ))
                    .small()
                    .color(theme::ACCENT),
                );
            }
            if state.status == TrackStatus::Active
                && let Err(why) = demarche_sim::rules::talks::can_advance(&view, id)
            {
                ui.label(
                    egui::RichText::new(format!("cannot advance: {why}"))
                        .small()
                        .color(theme::MUTED),
                );
            }
        });
    }
    ui.label(format!("Back-channel trust: {:.0}", view.dip.back_channel))
        .on_hover_text("Private contact: agreed proposals go further, incidents are less likely.");
}
