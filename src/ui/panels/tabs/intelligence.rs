//! The intelligence tab: the other side as we see it, our estimate of its resolve, our own
//! government, and relations.

use bevy_egui::egui;
use demarche_sim::Side;
use demarche_sim::report::Metric;
use demarche_sim::scenario::Indicator;

use crate::session::Session;
use crate::theme;
use crate::ui::format;

pub(crate) fn intelligence(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    let other = scn.actor_of(viewer.other());
    ui.heading(format!("{} as we see it", scn.actor(other).name));
    egui::Grid::new("other")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for indicator in [
                Indicator::Economy,
                Indicator::Approval,
                Indicator::Standing,
                Indicator::Readiness,
                Indicator::Hawks,
                Indicator::Doves,
                Indicator::EnergyStress,
            ] {
                ui.label(indicator.label());
                ui.label(format!("{:.0}", view.ind.get(other, indicator)));
                ui.end_row();
            }
            ui.label("political capital");
            ui.label(egui::RichText::new("unknown").color(theme::MUTED))
                .on_hover_text("The other side's budget is not public.");
            ui.end_row();
        });
    ui.add_space(6.0);
    let (alpha, beta) = view.intel.beliefs[viewer.index()];
    let mean = alpha / (alpha + beta);
    let sd = (alpha * beta / ((alpha + beta).powi(2) * (alpha + beta + 1.0))).sqrt();
    ui.label(egui::RichText::new("Our estimate of their resolve").strong());
    ui.add(egui::ProgressBar::new(mean as f32).text(format!("{:.0}% ± {:.0}", mean * 100.0, sd * 100.0)))
        .on_hover_text("Updated only by costly signals (sunk costs, tied hands) and by climb-downs; cheap talk moves nothing (Fearon 1997). The true value stays hidden.");
    if let Some(change) = seen
        .last_report()
        .and_then(|r| r.change_of(Metric::Belief(viewer)))
    {
        for (cause, amount) in &change.causes {
            ui.label(
                egui::RichText::new(format!("{} {}", format::signed(*amount), cause.text)).small(),
            );
        }
    }
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Our own government").strong());
    let me = scn.actor_of(viewer);
    ui.label(format!(
        "Resolve {:.0}% (private) · audience costs {:.0} · hawks {:.0} · doves {:.0}",
        view.intel.resolve[viewer.index()] * 100.0,
        view.ind.get(me, Indicator::AudienceCost),
        view.ind.get(me, Indicator::Hawks),
        view.ind.get(me, Indicator::Doves)
    ))
    .on_hover_text("Resolve lowers what economic pain costs you in approval. Audience costs are what backing down from public commitments would now cost.");
    ui.add_space(6.0);
    ui.label(egui::RichText::new("Relations").strong());
    for (i, actor) in scn.actors.iter().enumerate() {
        let id = demarche_sim::ActorId::from_index(i);
        if id != me {
            ui.label(format!(
                "{} – {}: {:.0}",
                scn.actor(me).name,
                actor.name,
                view.ind.relation(me, id)
            ));
        }
    }
}
