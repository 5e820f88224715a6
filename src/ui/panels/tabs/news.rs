//! The news tab: every turn's headlines and events as the viewer saw them, newest first.

use bevy_egui::egui;
use demarche_sim::Side;

use crate::session::Session;
use crate::theme;

pub(crate) fn news(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    for report in session.game.history().iter().rev() {
        let report = report.visible_to(scn, viewer);
        ui.label(egui::RichText::new(format!("Turn {} · {}", report.turn, report.start)).strong());
        for h in &report.headlines {
            ui.label(egui::RichText::new(h).color(theme::ACCENT));
        }
        for e in &report.events {
            if e.kind == demarche_sim::report::ReportKind::Refused
                && e.actor != Some(scn.actor_of(viewer))
            {
                continue;
            }
            ui.label(egui::RichText::new(&e.text).small());
        }
        ui.separator();
    }
    if session.game.history().is_empty() {
        ui.label(
            egui::RichText::new("Nothing yet: the news of each turn appears here.")
                .color(theme::MUTED),
        );
    }
}
