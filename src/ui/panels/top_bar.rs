//! The top bar: the side, the turn and its dates, the escalation rung, the side's indicators
//! (each with last turn's causes), and the Menu, Help and End turn buttons.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;
use demarche_sim::report::Metric;
use demarche_sim::scenario::Indicator;

use crate::session::{Flow, Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{UiState, format};

/// The top bar, while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::TopBar)
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>, session: Res<Session>, flow: Res<Flow>) {
    let Some((_, root, out)) = canvas.parts() else {
        return;
    };
    let viewer = session.viewer(&flow);
    top_bar(root, &mut state, &session, viewer, &flow, out);
    super::timeline::strip(root, &session, &flow, out);
}

fn stat(
    ui: &mut egui::Ui,
    session: &Session,
    label: &str,
    value: String,
    metric: Option<Metric>,
    tip: &str,
) {
    let response = ui.label(egui::RichText::new(format!("{label} {value}")).strong());
    let why = metric
        .and_then(|m| session.game.last_report().and_then(|r| r.change_of(m)))
        .map(|c| {
            let lines: Vec<String> = c
                .causes
                .iter()
                .take(6)
                .map(|(cause, amount)| format!("{} {}", format::signed(*amount), cause.text))
                .collect();
            format!(
                "\n\nLast turn {} → {}:\n{}",
                c.before.round(),
                c.after.round(),
                lines.join("\n")
            )
        })
        .unwrap_or_default();
    response.on_hover_text(format!("{tip}{why}"));
}

pub(crate) fn top_bar(
    root: &mut egui::Ui,
    state: &mut UiState,
    session: &Session,
    viewer: Side,
    flow: &Flow,
    out: &mut Vec<Intent>,
) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let view = seen.view();
    let me = scn.actor_of(viewer);
    let turn = session.game.turn().min(scn.meta.calendar.turns);
    egui::Panel::top("top").show(root, |ui| {
        ui.horizontal(|ui| {
            let color = theme::egui(scn.actor(me).color);
            ui.label(egui::RichText::new(&scn.actor(me).name).size(18.0).strong().color(color))
                .on_hover_text("The side whose view you see.");
            ui.separator();
            ui.label(egui::RichText::new(format!(
                "Turn {turn}/{} · {} – {}",
                scn.meta.calendar.turns,
                scn.meta.calendar.turn_start(turn),
                scn.meta.calendar.turn_end(turn)
            )).strong())
            .on_hover_text("Each turn covers two weeks; both sides' orders resolve together.");
            if session.class.start_turn > 1 || session.class.turns.is_some() {
                let last = session.class.last_turn().unwrap_or(scn.meta.calendar.turns).min(scn.meta.calendar.turns);
                ui.label(egui::RichText::new(format!("class: turns {}–{last}", session.class.start_turn)).color(theme::MUTED))
                    .on_hover_text("A short class: the turns before its first were played as the record; the game stops after its last.");
            }
            ui.separator();
            let rung = &scn.ladder[usize::from(view.mil.rung)];
            ui.label(egui::RichText::new(format!("Rung {} · {}", rung.level, rung.name)).strong().color(theme::ACCENT))
                .on_hover_text(format!(
                    "The escalation ladder (after Kahn), MID hostility level {}.\n{}\nHighest so far: rung {}.",
                    rung.hostility, rung.description, view.mil.max_rung
                ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Menu").on_hover_text("Pause: save, load, quit (Esc)").clicked() {
                    out.push(Intent::TogglePause);
                }
                if ui.button("Help").on_hover_text("Keyboard shortcuts (F1)").clicked() {
                    state.help = !state.help;
                }
                let fold = if state.map_only { "Show panels (M)" } else { "Map only (M)" };
                if ui.button(fold).on_hover_text("Fold the side panels away so the map takes the window, or bring them back (M)").clicked() {
                    state.map_only = !state.map_only;
                }
                let planning = matches!(flow, Flow::Planning(_)) && session.looking_at().is_none();
                let blocked = planning.then(|| session.end_turn_blocked(viewer)).flatten();
                let end = ui.add_enabled(planning && blocked.is_none(), egui::Button::new(egui::RichText::new("End turn (Enter)").strong()).fill(egui::Color32::from_rgb(0, 90, 150)));
                if end
                    .on_hover_text("Submit your orders; both sides' orders resolve together.")
                    .on_disabled_hover_text(blocked.as_deref().unwrap_or("Waiting for the other side, the AI or the report."))
                    .clicked()
                {
                    out.push(Intent::EndTurn);
                }
                if let Some(why) = &blocked {
                    ui.label(egui::RichText::new("Memo required").color(theme::ACCENT).strong())
                        .on_hover_text(why);
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            let left = session.capital_left(viewer);
            stat(ui, session, "Capital", format!("{left:.0}"), Some(Metric::Actor(me, Indicator::Capital)), "Political capital left after your drafted orders: the budget for actions.");
            stat(ui, session, "Approval", format!("{:.0}%", view.ind.get(me, Indicator::Approval)), Some(Metric::Actor(me, Indicator::Approval)), "Public approval of your government.");
            stat(ui, session, "Economy", format!("{:.0}", view.ind.get(me, Indicator::Economy)), Some(Metric::Actor(me, Indicator::Economy)), "Health of your economy (0–100).");
            stat(ui, session, "Energy", format!("{:.0}", view.ind.get(me, Indicator::EnergyStress)), Some(Metric::Actor(me, Indicator::EnergyStress)), "Energy stress: pressure on supply and prices (0–100).");
            stat(ui, session, "Standing", format!("{:.0}", view.ind.get(me, Indicator::Standing)), Some(Metric::Actor(me, Indicator::Standing)), "International standing (0–100).");
            ui.separator();
            stat(ui, session, "Tension", format!("{:.0}", view.ind.tension), Some(Metric::Tension), "Tension between the two sides (0–100): it drives incident risk.");
            let money = &scn.meta.currency;
            stat(ui, session, "Trade", money.amount(view.ind.trade), Some(Metric::Trade), &format!("Trade between the two sides, billions of {} a year.", money.name));
            ui.separator();
            stat(ui, session, "Score", format!("{:.0}", view.status.scores[viewer.index()]), None, "Your objectives met so far, weighted (0–100).");
        });
    });
}
