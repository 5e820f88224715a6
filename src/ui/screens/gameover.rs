//! The end of the game: the outcome (or where a class stopped), both scores, each objective met or
//! missed, the record beside the game (its milestones' real dates against the game's turns, the
//! first turn each side left the record), and the indicators over the whole game.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;
use demarche_sim::rules::objectives::{self, Mark};

use crate::session::{Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::{UiWorld, charts, format};

/// The outcome, on the game-over screen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Screen)
            .run_if(in_state(Screen::GameOver)),
    );
}

fn show(mut canvas: Canvas, world: UiWorld) {
    let Some((_, root, out)) = canvas.parts() else {
        return;
    };
    draw(root, &world, out);
}

/// Draws the game-over screen.
pub fn draw(root: &mut egui::Ui, world: &UiWorld, out: &mut Vec<Intent>) {
    let Some(session) = world.session.as_deref() else {
        return;
    };
    let scn = session.scenario();
    let view = session.game.view();
    let rect = root.max_rect().shrink(24.0);
    let mut ui = root.new_child(egui::UiBuilder::new().max_rect(rect));
    egui::Frame::window(ui.style())
        .inner_margin(16.0)
        .show(&mut ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let outcome = view.status.ended.map(|o| &scn.outcomes[o.index()]);
                    let title = match (outcome, session.stopped_after()) {
                        (Some(o), _) => o.name.clone(),
                        (None, Some(last)) => format!("Stopped after turn {last}"),
                        (None, None) => "The game is over".to_owned(),
                    };
                    ui.label(
                        egui::RichText::new(title)
                            .size(34.0)
                            .strong()
                            .color(theme::ACCENT),
                    );
                    if outcome.is_none() && session.stopped_after().is_some() {
                        ui.label(
                            egui::RichText::new(
                                "The class's turns are played: the game stops here, with no ending of its own. The scores are those of the last turn.",
                            )
                            .size(16.0),
                        );
                    }
                    if let Some(o) = outcome {
                        let text = demarche_sim::rules::objectives::ending_text(&view, o);
                        ui.label(egui::RichText::new(text).size(16.0));
                    }
                    ui.label(format!(
                        "{} turns played · highest escalation rung {} ({}) · {} incident(s)",
                        session.game.history().len(),
                        view.mil.max_rung,
                        scn.ladder[usize::from(view.mil.max_rung)].name,
                        view.mil.incidents
                    ));
                    ui.add_space(8.0);
                    ui.columns(2, |cols| {
                        for side in Side::BOTH {
                            let ui = &mut cols[side.index()];
                            let actor = scn.actor_of(side);
                            ui.label(
                                egui::RichText::new(format!(
                                    "{}: score {:.0}",
                                    scn.actor(actor).name,
                                    view.status.scores[side.index()]
                                ))
                                .size(22.0)
                                .strong()
                                .color(theme::egui(scn.actor(actor).color)),
                            );
                            for (o, degree) in objectives::of_side(&view, actor) {
                                let mark = Mark::of(degree);
                                let color = match mark {
                                    Mark::Met => theme::GOOD,
                                    Mark::Partly => theme::ACCENT,
                                    Mark::Missed => theme::BAD,
                                };
                                let mark = mark.label();
                                ui.horizontal(|ui| {
                                    ui.label(egui::RichText::new(mark).color(color).strong());
                                    ui.label(format!("{} (weight {})", o.name, o.weight))
                                        .on_hover_text(&o.description);
                                });
                            }
                        }
                    });
                    ui.add_space(8.0);
                    record_beside(ui, session);
                    ui.add_space(8.0);
                    lines_of_play(ui, session, out);
                    let charts = charts::standard(scn, None, &|m| session.game.series(m));
                    let parent = session.parent_game();
                    let theirs = parent.map(|(name, g)| {
                        (name, charts::standard(scn, None, &|m| g.series(m)))
                    });
                    if let Some((name, _)) = parent {
                        ui.label(
                            egui::RichText::new(format!(
                                "{} (solid) against {name} (dashed)",
                                session.lines.lines[session.lines.current].name
                            ))
                            .strong(),
                        );
                    }
                    ui.columns(2, |cols| {
                        for (k, chart) in charts.iter().enumerate() {
                            let other = theirs
                                .as_ref()
                                .and_then(|(name, list)| list.get(k).map(|c| (*name, c)));
                            charts::draw_compared(
                                &mut cols[k % 2],
                                &format!("over_{k}"),
                                chart,
                                other,
                                170.0,
                            );
                        }
                    });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui
                            .button(egui::RichText::new("Back to the menu").size(18.0))
                            .clicked()
                        {
                            out.push(Intent::QuitToMenu);
                        }
                        if ui
                            .button("Export the debrief")
                            .on_hover_text(
                                "Write the timeline, outcome and objectives (Markdown) and every indicator per turn (CSV) to the saves folder, for class.",
                            )
                            .clicked()
                        {
                            out.push(Intent::ExportDebrief);
                        }
                        if ui
                            .button("Save this game")
                            .on_hover_text("Keep it to replay or discuss later")
                            .clicked()
                        {
                            out.push(Intent::Save(None));
                        }
                    });
                });
        });
}

/// "The record beside your game": the record's milestones, each real date beside the turn this
/// game reached it, and the first turn each side left the record.
fn record_beside(ui: &mut egui::Ui, session: &Session) {
    let scn = session.scenario();
    let record = demarche_sim::record::compare(scn, session.game.history(), true);
    ui.label(
        egui::RichText::new("The record beside your game")
            .size(22.0)
            .strong(),
    );
    if session.class.start_turn > 1 {
        ui.label(
            egui::RichText::new(format!(
                "Turns 1–{} were played as the record before the class took over.",
                session.class.start_turn - 1
            ))
            .color(theme::MUTED),
        );
    }
    crate::ui::panels::tabs::history::departures(ui, scn, &record, true);
    if record.milestones.is_empty() {
        ui.label(egui::RichText::new("The scenario names no milestones.").color(theme::MUTED));
    } else {
        crate::ui::panels::tabs::history::milestones_table(
            ui,
            &record.milestones,
            "gameover_milestones",
            session.stopped_after(),
        );
    }
}

/// The lines of play (switch to another), and a turn to look back at or branch from.
fn lines_of_play(ui: &mut egui::Ui, session: &Session, out: &mut Vec<Intent>) {
    ui.label(egui::RichText::new("Lines of play").size(22.0).strong());
    ui.horizontal_wrapped(|ui| {
        for (k, line) in session.lines.lines.iter().enumerate() {
            let turn = session.line_game(k).map_or(0, |g| g.turn());
            let current = k == session.lines.current;
            let text = format!("{} · at turn {turn}", line.name);
            if ui
                .add(egui::Button::selectable(current, text))
                .on_hover_text("Play this line on (or see its end)")
                .clicked()
                && !current
            {
                out.push(Intent::SwitchLine(k));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Look back at turn (then branch from it to play other orders):");
        let last = session.live_game().turn().saturating_sub(1).max(1);
        for turn in 1..=last {
            if ui.small_button(turn.to_string()).clicked() {
                out.push(Intent::LookAt(turn));
            }
        }
    });
}
