//! The timeline under the top bar: the lines of play (the trunk and its branches, one current),
//! a button per turn of the current line to look at the state then (read-only), and, while an
//! earlier turn is shown, "Back to now" and "Branch from here". See [`crate::session::timeline`].

use bevy_egui::egui;

use crate::session::{Flow, Intent, Session};
use crate::theme;

/// The timeline strip, drawn below the top bar across the window.
pub(crate) fn strip(root: &mut egui::Ui, session: &Session, flow: &Flow, out: &mut Vec<Intent>) {
    let between = matches!(flow, Flow::Planning(_) | Flow::Over);
    let live = session.live_game();
    let now = live.turn().min(live.scenario().meta.calendar.turns + 1);
    let looking = session.looking_at();
    egui::Panel::top("timeline").show(root, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 3.0;
            let lines = &session.lines.lines;
            let current = &lines[session.lines.current];
            ui.label(egui::RichText::new("Timeline").strong())
                .on_hover_text("Look at any earlier turn of this line (read-only), or branch from it to play on with other orders; the line it came from is kept.");
            if lines.len() > 1 {
                egui::ComboBox::from_id_salt("lines")
                    .selected_text(&current.name)
                    .show_ui(ui, |ui| {
                        for (k, line) in lines.iter().enumerate() {
                            let turn = session.line_game(k).map_or(0, |g| g.turn());
                            let text = format!("{} · at turn {turn}", line.name);
                            if ui
                                .add_enabled(between, egui::Button::selectable(k == session.lines.current, text))
                                .clicked()
                                && k != session.lines.current
                            {
                                out.push(Intent::SwitchLine(k));
                            }
                        }
                    })
                    .response
                    .on_hover_text("The lines of play: the trunk and its branches. Choose one to play it on.");
            } else {
                ui.label(egui::RichText::new(&current.name).color(theme::MUTED));
            }
            ui.separator();
            for turn in 1..=now {
                let shown = looking.unwrap_or(now) == turn;
                let text = if turn == now { format!("{turn} now") } else { turn.to_string() };
                let button = egui::Button::selectable(shown, egui::RichText::new(text).small());
                let hover = if turn == now {
                    "The turn being played".to_owned()
                } else {
                    format!("Look at the state at the start of turn {turn} (read-only)")
                };
                if ui.add_enabled(between, button).on_hover_text(hover).clicked() && !shown {
                    out.push(if turn == now { Intent::BackToNow } else { Intent::LookAt(turn) });
                }
            }
            if let Some(turn) = looking {
                ui.separator();
                ui.label(
                    egui::RichText::new(format!("Turn {turn}, read-only"))
                        .color(theme::ACCENT)
                        .strong(),
                );
                if ui.button("Back to now").clicked() {
                    out.push(Intent::BackToNow);
                }
                if ui
                    .button(egui::RichText::new(format!("Branch from turn {turn}")).strong())
                    .on_hover_text("Play on from here with other orders, as a new branch; this line is kept as it is, and both are saved.")
                    .clicked()
                {
                    out.push(Intent::BranchHere);
                }
            }
        });
    });
}
