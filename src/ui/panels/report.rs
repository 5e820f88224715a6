//! The turn report: the headlines; what each side did and what happened (each line tagged with
//! what it is: a historical event, a model roll, a teacher's inject…), with the other side's AI
//! reasons and their memos (the viewer's own; both once the game is over), and the milestones
//! of the record reached; and beside it every number that changed with its causes ("why?").

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;
use demarche_sim::report::{ReportKind, TurnReport};
use demarche_sim::timeline::timeline;

use crate::session::{Flow, Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{UiState, format};

/// The report of the turn just resolved (Continue goes on), and the last report reopened with R
/// (Close closes it), while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        (
            show_resolved
                .in_set(UiPass::TurnWindows)
                .run_if(resource_equals(Flow::Report)),
            show_reopened.in_set(UiPass::ReopenedReport).run_if(
                |state: Res<UiState>, flow: Res<Flow>| state.report_open && *flow != Flow::Report,
            ),
        )
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show_resolved(mut canvas: Canvas, session: Res<Session>, flow: Res<Flow>) {
    let Some((ctx, _, out)) = canvas.parts() else {
        return;
    };
    let viewer = session.viewer(&flow);
    if let Some(r) = session.game.last_report() {
        window(&ctx, &session, r, viewer, true, out);
    }
}

fn show_reopened(
    mut canvas: Canvas,
    mut state: ResMut<UiState>,
    session: Res<Session>,
    flow: Res<Flow>,
) {
    let Some((ctx, _, out)) = canvas.parts() else {
        return;
    };
    let viewer = session.viewer(&flow);
    if let Some(r) = session.game.last_report() {
        if window(&ctx, &session, r, viewer, false, out) {
            state.report_open = false;
        }
    } else {
        state.report_open = false;
    }
}

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
    let report = report.visible_to(scn, viewer, session.finished());
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
        (screen.width() * 0.62).max(560.0),
        screen.height() * 0.72,
    ))
    .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
    .show(ctx, |ui| {
        for headline in &report.headlines {
            ui.label(
                egui::RichText::new(headline)
                    .size(17.0)
                    .strong()
                    .color(theme::ACCENT),
            );
        }
        ui.separator();
        let height = screen.height() * 0.5;
        ui.columns(2, |cols| {
            egui::ScrollArea::vertical()
                .id_salt("happened")
                .max_height(height)
                .auto_shrink([false, true])
                .show(&mut cols[0], |ui| {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        happened(ui, session, &report);
                        milestones(ui, session, &report, viewer);
                    })
                });
            egui::ScrollArea::vertical()
                .id_salt("why")
                .max_height(height)
                .auto_shrink([false, true])
                .show(&mut cols[1], |ui| {
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        why(ui, session, &report)
                    })
                });
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

/// What each side did, and the events and consequences of the turn.
fn happened(ui: &mut egui::Ui, session: &Session, report: &TurnReport) {
    let scn = session.scenario();
    for side in Side::BOTH {
        let actor = scn.actor_of(side);
        let mine: Vec<_> = report
            .events
            .iter()
            .filter(|e| matches!(e.kind, ReportKind::Order(_)) && e.actor == Some(actor))
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
            let private = if e.visibility == demarche_sim::scenario::Visibility::Private {
                " (private)"
            } else {
                ""
            };
            let text = e.text.split_once(": ").map_or(e.text.as_str(), |(_, t)| t);
            let label = ui.label(format!("• {text}{private}"));
            if let Some(c) = e.concepts.first() {
                let concept = &scn.concepts[c.index()];
                label.on_hover_text(format!("{}: {}", concept.term, concept.definition));
            }
        }
        memo(ui, session, report, side);
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
        ui.add_space(4.0);
    }
    ui.label(egui::RichText::new("Events and consequences").strong())
        .on_hover_text("Each line says what it is: a historical event, a roll of the model's dice (with its chance), a teacher's inject, or the model's rules.");
    for entry in timeline(std::slice::from_ref(report))
        .iter()
        .filter(|e| !matches!(e.kind, ReportKind::Order(_)))
    {
        crate::ui::panels::tabs::news::tagged_line(ui, entry, false);
    }
}

/// A side's memo for the turn, where the viewer may see it (its own; the other side's once the
/// game is over).
fn memo(ui: &mut egui::Ui, session: &Session, report: &TurnReport, side: Side) {
    let memo = &report.memos[side.index()];
    if memo.is_empty() {
        return;
    }
    let scn = session.scenario();
    let actor = scn.actor(scn.actor_of(side));
    ui.label(
        egui::RichText::new(format!("{}'s memo: why these orders", actor.name))
            .small()
            .color(theme::egui(actor.color)),
    );
    if let Some(note) = &memo.note {
        ui.add(egui::Label::new(egui::RichText::new(note).italics()).wrap());
    }
    for order in &memo.orders {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!(
                    "• {}: {}",
                    format::raw_order(scn, &order.order),
                    order.text
                ))
                .italics(),
            )
            .wrap(),
        );
    }
}

/// The milestones of the record this game reached in the turn, with their real dates where the
/// game has played their turn.
fn milestones(ui: &mut egui::Ui, session: &Session, report: &TurnReport, viewer: Side) {
    if report.milestones.is_empty() {
        return;
    }
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let rows = demarche_sim::record::compare(scn, seen.history(), seen.is_over()).milestones;
    ui.add_space(4.0);
    ui.label(egui::RichText::new("Milestones of the record reached").strong())
        .on_hover_text("Turning points of the real record that this game reached this turn (see the History tab).");
    for id in &report.milestones {
        let Some(milestone) = scn.milestones.get(id.index()) else {
            continue;
        };
        let row = rows.iter().find(|r| r.key == milestone.key);
        let when = match row.map(|r| (r.real_date, r.real_turn)) {
            Some((Some(date), Some(turn))) => format!(" (really: {date}, turn {turn})"),
            Some((Some(date), None)) => format!(" (really: {date})"),
            _ => " (its real date is told later)".to_owned(),
        };
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("• {}{when}", milestone.text)).color(theme::ACCENT),
            )
            .wrap(),
        );
    }
}

/// Every number that changed, biggest moves open, each with its causes and amounts.
fn why(ui: &mut egui::Ui, session: &Session, report: &TurnReport) {
    let scn = session.scenario();
    ui.label(egui::RichText::new("What changed, and why").strong())
        .on_hover_text("Every number that moved this turn, with each cause and its amount. Click a line to open it.");
    let mut order: Vec<usize> = (0..report.changes.len()).collect();
    order.sort_by(|&a, &b| {
        let size = |i: usize| (report.changes[i].after - report.changes[i].before).abs();
        size(b).total_cmp(&size(a))
    });
    for (rank, &i) in order.iter().enumerate() {
        let change = &report.changes[i];
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
        .default_open(rank < 3)
        .show(ui, |ui| {
            for (cause, amount) in &change.causes {
                ui.label(format!("{}  {}", format::signed(*amount), cause.text));
            }
        });
    }
}
