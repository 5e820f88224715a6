//! The news tab: every turn's headlines and report lines as the viewer saw them, newest first,
//! each line tagged with what it is (a historical event, a model roll with its probability, an
//! order, a teacher's inject, the model); an event that recurs is folded into one line at its
//! first turn, with its count and turns (`demarche_sim::timeline`).

use bevy_egui::egui;
use demarche_sim::Side;
use demarche_sim::timeline::{Entry, timeline};

use crate::session::Session;
use crate::theme;

pub(crate) fn news(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let seen = session.side_view(viewer);
    let entries = timeline(seen.history());
    for report in seen.history().iter().rev() {
        ui.label(egui::RichText::new(format!("Turn {} · {}", report.turn, report.start)).strong());
        for h in &report.headlines {
            ui.label(egui::RichText::new(h).color(theme::ACCENT));
        }
        for entry in entries.iter().filter(|e| e.turn == report.turn) {
            tagged_line(ui, entry, true);
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

/// A report line with its tag before it: "[historical event] …", "[model roll (p = 5 %), × 4,
/// turns 2–9] …"; `small`: in small text.
pub(crate) fn tagged_line(ui: &mut egui::Ui, entry: &Entry, small: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        ui.label(
            egui::RichText::new(format!("[{}]", entry.tag()))
                .small()
                .color(tag_color(entry)),
        )
        .on_hover_text(tag_tip(entry));
        let mid = entry.mid.map(|m| format!(" [MID {m}]")).unwrap_or_default();
        let text = egui::RichText::new(format!("{}{mid}", entry.text));
        ui.label(if small { text.small() } else { text });
    });
}

fn tag_color(entry: &Entry) -> egui::Color32 {
    use demarche_sim::report::Provenance;
    match entry.provenance {
        Provenance::Record { .. } => theme::GOOD,
        Provenance::Roll { .. } => theme::ACCENT,
        Provenance::Inject => egui::Color32::from_rgb(204, 121, 167),
        Provenance::Order(_) | Provenance::Model => theme::MUTED,
    }
}

fn tag_tip(entry: &Entry) -> &'static str {
    use demarche_sim::report::Provenance;
    match entry.provenance {
        Provenance::Record { .. } => {
            "A dated event of the historical record, as the scenario's sources tell it."
        }
        Provenance::Roll { .. } => {
            "A roll of the model's dice, with the chance it had this turn: another game may not see it."
        }
        Provenance::Order(_) => "A side's order, carried out.",
        Provenance::Inject => "An event the teacher added to this game.",
        Provenance::Model => "Worked out by the model's rules.",
    }
}
