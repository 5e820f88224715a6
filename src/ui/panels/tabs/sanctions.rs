//! The sanctions tab: measures and threats in force both ways, the coalition's expectation (when
//! the scenario has a coalition), and closed episodes.

use bevy_egui::egui;
use demarche_sim::Scenario;
use demarche_sim::Side;
use demarche_sim::scenario::ActorKind;

use crate::session::Session;
use crate::theme;

pub(crate) fn sanctions(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    for side in Side::BOTH {
        let sender = scn.actor_of(side);
        let target = scn.actor_of(side.other());
        ui.label(
            egui::RichText::new(format!(
                "{} → {}: level {:.0}",
                scn.actor(sender).name,
                scn.actor(target).name,
                view.sanc.level(sender, target)
            ))
            .strong(),
        );
        let mut any = false;
        for m in view.sanc.measures.iter().filter(|m| m.sender == sender) {
            any = true;
            ui.label(format!(
                "• {} on {} ({:.0}%, since turn {})",
                m.kind.label(),
                scn.sector(m.sector).name,
                m.size * 100.0,
                m.since
            ));
        }
        for t in view.sanc.threats.iter().filter(|t| t.sender == sender) {
            any = true;
            ui.label(
                egui::RichText::new(format!(
                    "• threat: {} on {} by turn {}",
                    t.kind.label(),
                    scn.sector(t.sector).name,
                    t.deadline
                ))
                .color(theme::ACCENT),
            );
        }
        if !any {
            ui.label(egui::RichText::new("none").color(theme::MUTED));
        }
    }
    ui.add_space(6.0);
    if let Some(names) = coalition_names(scn) {
        ui.label(format!(
            "{names} expects a sanction level of {:.0}",
            view.sanc.coalition_expectation
        ))
        .on_hover_text(format!(
            "Set by the packages of {names}; members who lag lose standing."
        ));
    }
    if !view.sanc.episodes.is_empty() {
        ui.label(egui::RichText::new("Closed episodes (TIES)").strong());
        for e in &view.sanc.episodes {
            ui.label(
                egui::RichText::new(format!(
                    "turn {}: {} on {}: {}",
                    e.turn,
                    e.kind.label(),
                    scn.sector(e.sector).name,
                    e.outcome.label()
                ))
                .small(),
            );
        }
    }
}

/// The names of the scenario's coalition actors (`"Harbour League"`, or several joined with "and"),
/// or `None` when it has no coalition.
fn coalition_names(scn: &Scenario) -> Option<String> {
    let names: Vec<&str> = scn
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Coalition)
        .map(|a| a.name.as_str())
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}
