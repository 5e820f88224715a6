//! The turn report: what happened, the headlines, the other side's AI reasons, and every number
//! that changed with its causes ("why?").

use bevy_egui::egui;
use demarche_sim::Side;
use demarche_sim::report::{ReportKind, TurnReport};

use super::format;
use crate::session::{Intent, Session};
use crate::theme;

/// Shows the report window. With `modal`, Continue dismisses the report for the turn loop;
/// otherwise Close just closes it. Returns whether it was closed.
pub fn window(
    ctx: &egui::Context,
    session: &Session,
    report: &TurnReport,
    viewer: Side,
    modal: bool,
    out: &mut Vec<Intent>,
) -> bool {
    let scn = session.scenario();
    let report = report.visible_to(scn, viewer);
    let mut closed = false;
    let screen = ctx.viewport_rect();
    egui::Window::new(format!(
        "Turn {} report · {} to {}",
        report.turn, report.start, report.end
    ))
    .id(egui::Id::new("report"))
    .collapsible(false)
    .resizable(true)
    .default_size(egui::vec2(
        (screen.width() * 0.5).max(520.0),
        screen.height() * 0.7,
    ))
    .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
    .show(ctx, |ui| {
        egui::ScrollArea::vertical()
            .max_height(screen.height() * 0.62)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for headline in &report.headlines {
                    ui.label(
                        egui::RichText::new(headline)
                            .size(18.0)
                            .strong()
                            .color(theme::ACCENT),
                    );
                }
                ui.add_space(4.0);
                for side in Side::BOTH {
                    let actor = scn.actor_of(side);
                    let mine: Vec<_> = report
                        .events
                        .iter()
                        .filter(|e| {
                            matches!(e.kind, ReportKind::Order(_)) && e.actor == Some(actor)
                        })
                        .collect();
                    let color = theme::egui(scn.actor(actor).color);
                    ui.label(
                        egui::RichText::new(format!("{} did", scn.actor(actor).name))
                            .strong()
                            .color(color),
                    );
                    if mine.is_empty() {
                        ui.label(egui::RichText::new("nothing new").color(theme::MUTED));
                    }
                    for e in mine {
                        let private = if e.visibility == demarche_sim::scenario::Visibility::Private
                        {
                            " (private)"
                        } else {
                            ""
                        };
                        let label = ui.label(format!(
                            "• {}{private}",
                            e.text.split_once(": ").map_or(e.text.as_str(), |(_, t)| t)
                        ));
                        if let Some(c) = e.concepts.first() {
                            let concept = &scn.concepts[c.index()];
                            label
                                .on_hover_text(format!("{}: {}", concept.term, concept.definition));
                        }
                    }
                    if !session.is_human(side) && !session.ai_reasons[side.index()].is_empty() {
                        ui.collapsing(
                            format!("Why {} did this (AI)", scn.actor(actor).name),
                            |ui| {
                                for r in &session.ai_reasons[side.index()] {
                                    ui.label(egui::RichText::new(r).small());
                                }
                            },
                        );
                    }
                }
                ui.add_space(4.0);
                ui.label(egui::RichText::new("Events and consequences").strong());
                for e in report
                    .events
                    .iter()
                    .filter(|e| !matches!(e.kind, ReportKind::Order(_)))
                {
                    if e.kind == ReportKind::Refused && e.actor != Some(scn.actor_of(viewer)) {
                        continue;
                    }
                    let mid = e.mid.map(|m| format!(" [MID {m}]")).unwrap_or_default();
                    ui.label(format!("• {}{mid}", e.text));
                }
                ui.add_space(4.0);
                ui.label(egui::RichText::new("What changed, and why").strong())
                    .on_hover_text(
                        "Every number that moved this turn, with each cause and its amount.",
                    );
                for change in &report.changes {
                    let delta = change.after - change.before;
                    let color = if delta >= 0.0 {
                        theme::GOOD
                    } else {
                        theme::BAD
                    };
                    egui::CollapsingHeader::new(
                        egui::RichText::new(format!(
                            "{}: {:.1} → {:.1} ({})",
                            change.metric.label(scn),
                            change.before,
                            change.after,
                            format::signed(delta)
                        ))
                        .color(color),
                    )
                    .id_salt(("why", change.metric.key(scn)))
                    .show(ui, |ui| {
                        for (cause, amount) in &change.causes {
                            ui.label(format!("{}  {}", format::signed(*amount), cause.text));
                        }
                    });
                }
            });
        ui.separator();
        let label = if modal { "Continue (Enter)" } else { "Close" };
        if ui
            .button(egui::RichText::new(label).strong())
            .on_hover_text("Enter")
            .clicked()
        {
            if modal {
                out.push(Intent::DismissReport);
            }
            closed = true;
        }
    });
    closed
}
