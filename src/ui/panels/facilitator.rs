//! The facilitator's panel (F9, for the teacher): locked until the facilitator key is given
//! (once per run); then the inject file's injects not fired yet, each with "Fire now" (it fires
//! when the turn resolves) or, once fired this turn, "Take back"; the "Require a memo" switch;
//! and the injects that have fired.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::report::ReportKind;

use crate::session::facilitator::{Facilitator, InjectStatus, status};
use crate::session::{Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::{FacilitatorUi, UiState};

/// The hint in the key field.
pub const KEY_HINT: &str = "facilitator key";

/// The facilitator's panel, over the game screen while it is open.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Facilitator).run_if(
            in_state(Screen::Playing)
                .and_then(|session: Option<Res<Session>>| session.is_some())
                .and_then(|state: Res<UiState>| state.facilitator.open),
        ),
    );
}

fn show(
    mut canvas: Canvas,
    mut state: ResMut<UiState>,
    session: Res<Session>,
    facilitator: Res<Facilitator>,
) {
    let Some((ctx, _, out)) = canvas.parts() else {
        return;
    };
    panel(&ctx, &mut state.facilitator, &session, &facilitator, out);
}

/// The panel: the key first, then the class's switches and injects.
pub fn panel(
    ctx: &egui::Context,
    form: &mut FacilitatorUi,
    session: &Session,
    facilitator: &Facilitator,
    out: &mut Vec<Intent>,
) {
    let screen = ctx.viewport_rect();
    let mut open = form.open;
    egui::Window::new("Facilitator")
        .id(egui::Id::new("facilitator"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(480.0)
        .default_pos(egui::pos2(screen.center().x - 240.0, screen.top() + 90.0))
        .show(ctx, |ui| {
            if facilitator.unlocked {
                unlocked(ui, session, out);
            } else {
                locked(ui, form, facilitator, out);
            }
        });
    form.open = open;
}

fn locked(
    ui: &mut egui::Ui,
    form: &mut FacilitatorUi,
    facilitator: &Facilitator,
    out: &mut Vec<Intent>,
) {
    ui.add(
        egui::Label::new(
            "This panel is for the teacher. Give the facilitator key: Démarche printed it in \
             its terminal when it started (\"facilitator key: …\"), unless DEMARCHE_TEACHER_KEY \
             sets it.",
        )
        .wrap(),
    );
    let mut given = false;
    ui.horizontal(|ui| {
        let field = ui.add(
            egui::TextEdit::singleline(&mut form.key)
                .id_salt("facilitator_key")
                .password(true)
                .hint_text(KEY_HINT)
                .desired_width(160.0),
        );
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            given = true;
        }
        if ui.button("Unlock").clicked() {
            given = true;
        }
    });
    if given && !form.key.trim().is_empty() {
        out.push(Intent::UnlockFacilitator(std::mem::take(&mut form.key)));
    }
    if facilitator.refused > 0 {
        ui.label(egui::RichText::new("That is not the key.").color(theme::BAD));
    }
}

fn unlocked(ui: &mut egui::Ui, session: &Session, out: &mut Vec<Intent>) {
    let scn = session.scenario();
    let turn = session.game.turn();
    let mut require = session.class.require_memo;
    if ui
        .checkbox(&mut require, "Require a memo before End turn")
        .on_hover_text(
            "The players' End turn waits until they have written why they chose their orders.",
        )
        .changed()
    {
        out.push(Intent::SetRequireMemo(require));
    }
    let last = session.class.last_turn();
    ui.label(
        egui::RichText::new(match last {
            Some(last) => format!(
                "Class: turns {}–{last} · the game is at turn {turn}",
                session.class.start_turn
            ),
            None => format!("The game is at turn {turn} of {}", scn.meta.calendar.turns),
        })
        .color(theme::MUTED),
    );
    ui.separator();
    ui.heading("Injects");
    match &session.class.injects {
        None => {
            ui.label(
                egui::RichText::new(
                    "No inject file: choose one in the menu before the game starts.",
                )
                .color(theme::MUTED),
            );
        }
        Some(path) => {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            ui.label(egui::RichText::new(format!("From {name}")).small())
                .on_hover_text(path.display().to_string());
            ui.label(
                egui::RichText::new(format!(
                    "An inject fired now goes off when turn {turn} resolves; take it back before then."
                ))
                .small()
                .color(theme::MUTED),
            );
            let mut any = false;
            for entry in &session.inject_file {
                let inject = &entry.inject;
                let state = status(session, &inject.key);
                if matches!(state, InjectStatus::Fired(_)) {
                    continue;
                }
                any = true;
                ui.group(|ui| {
                    ui.horizontal_top(|ui| {
                        match state {
                            InjectStatus::Queued => {
                                if ui
                                    .button("Take back")
                                    .on_hover_text("It will not fire this turn.")
                                    .clicked()
                                {
                                    out.push(Intent::TakeBackInject(inject.key.clone()));
                                }
                            }
                            _ => {
                                if ui
                                    .add_enabled(!session.finished(), egui::Button::new("Fire now"))
                                    .on_hover_text(format!("It fires when turn {turn} resolves."))
                                    .clicked()
                                {
                                    out.push(Intent::FireInject(inject.key.clone()));
                                }
                            }
                        }
                        ui.vertical(|ui| {
                            ui.add(
                                egui::Label::new(egui::RichText::new(&inject.title).strong())
                                    .wrap(),
                            )
                            .on_hover_text(&inject.text);
                            let when = match (&state, inject.turn) {
                                (InjectStatus::Queued, _) => {
                                    format!("fires when turn {turn} resolves")
                                }
                                (InjectStatus::Unscheduled, _) => {
                                    "not scheduled: fired only from here".to_owned()
                                }
                                (_, Some(t)) => format!("scheduled for turn {t}"),
                                (_, None) => "fires when its condition first holds".to_owned(),
                            };
                            let color = if state == InjectStatus::Queued {
                                theme::ACCENT
                            } else {
                                theme::MUTED
                            };
                            ui.label(egui::RichText::new(when).small().color(color));
                            if let Some(decision) = &inject.decision {
                                ui.label(
                                    egui::RichText::new(format!(
                                        "asks {}: {}",
                                        scn.actor(decision.side).name,
                                        decision.question
                                    ))
                                    .small(),
                                );
                            }
                        });
                    });
                });
            }
            if !any {
                ui.label(
                    egui::RichText::new("Every inject of the file has fired.").color(theme::MUTED),
                );
            }
        }
    }
    ui.separator();
    ui.label(egui::RichText::new("Fired").strong());
    let mut fired = false;
    for report in session.game.history() {
        for event in report
            .events
            .iter()
            .filter(|e| e.kind == ReportKind::Inject)
        {
            fired = true;
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("turn {}: {}", report.turn, event.text)).small(),
                )
                .wrap(),
            );
        }
    }
    if !fired {
        ui.label(egui::RichText::new("none yet").small().color(theme::MUTED));
    }
}
