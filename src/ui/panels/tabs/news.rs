//! The news tab: every turn's headlines and events as the viewer saw them, newest first.

use bevy_egui::egui;
use demarche_sim::Side;

use crate::session::Session;
use crate::theme;

pub(crate) fn news(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let seen = session.side_view(viewer);
    for report in seen.history().iter().rev() {
        ui.label(egui::RichText::new(format!("Turn {} · {}", report.turn, report.start)).strong());
        for h in &report.headlines {
            ui.label(egui::RichText::new(h).color(theme::ACCENT));
        }
        for e in &report.events {
            ui.label(egui::RichText::new(&e.text).small());
        }
        ui.separator();
    }
    if seen.history().is_empty() {
        ui.label(
            egui::RichText::new("Nothing yet: the news of each turn appears here.")
                .color(theme::MUTED),
        );
    }
}
