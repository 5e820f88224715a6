//! The history tab: the record beside the game. For each turn played, what each side really did
//! (the record's orders, its note and sources) beside what it did in this game, with a mark
//! where a side left the record; and the record's milestones, each with its real date and the
//! turn this game reached it. Built with `record::compare` from the viewing side's reports, so it
//! never tells the record of a turn not yet played.

use bevy_egui::egui;
use demarche_sim::record::{Comparison, MilestoneRow, RecordTurn, compare};
use demarche_sim::{Scenario, Side};

use crate::session::Session;
use crate::theme;
use crate::ui::format;

pub(crate) fn history(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let record = compare(scn, seen.history(), seen.is_over());
    if record.turns.is_empty() {
        ui.label(
            egui::RichText::new(
                "Nothing played yet: after each turn, what the two governments really did in \
                 those two weeks appears here beside your game.",
            )
            .color(theme::MUTED),
        );
        return;
    }
    departures(ui, scn, &record, false);
    ui.add_space(4.0);
    ui.label(egui::RichText::new("Milestones of the record").strong())
        .on_hover_text(
            "Turning points of the real record. A real date is told once your game has played \
             its turn; the game's turn is the one after which the milestone first held.",
        );
    if record.milestones.is_empty() {
        ui.label(
            egui::RichText::new("none reached or due yet")
                .small()
                .color(theme::MUTED),
        );
    } else {
        milestones_table(ui, &record.milestones, "history_milestones", None);
    }
    ui.separator();
    for turn in record.turns.iter().rev() {
        egui::CollapsingHeader::new(
            egui::RichText::new(format!(
                "Turn {} · {} – {}",
                turn.turn, turn.start, turn.end
            ))
            .strong(),
        )
        .id_salt(("history_turn", turn.turn))
        .default_open(true)
        .show(ui, |ui| {
            for side in Side::BOTH {
                record_side(ui, scn, turn, side, record.departed[side.index()]);
            }
        });
    }
}

/// One side's turn: the record (orders, note, sources) and this game (orders, memo).
fn record_side(
    ui: &mut egui::Ui,
    scn: &Scenario,
    turn: &RecordTurn,
    side: Side,
    departed: Option<u32>,
) {
    let s = &turn.sides[side.index()];
    let actor = scn.actor(scn.actor_of(side));
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(&actor.name)
                .strong()
                .color(theme::egui(actor.color)),
        );
        if !scn.has_record(side) {
            ui.label(
                egui::RichText::new("no record to follow")
                    .small()
                    .color(theme::MUTED),
            );
        } else if departed == Some(turn.turn) {
            ui.label(
                egui::RichText::new("leaves the record here")
                    .strong()
                    .color(theme::BAD),
            )
            .on_hover_text("The first turn whose orders differ from what this side really did.");
        } else if s.on_record {
            ui.label(
                egui::RichText::new("✔ as the record")
                    .small()
                    .color(theme::GOOD),
            );
        } else {
            ui.label(
                egui::RichText::new("differs from the record")
                    .small()
                    .color(theme::ACCENT),
            );
        }
    });
    ui.add(
        egui::Label::new(format!(
            "Really: {}",
            format::raw_orders(scn, &s.record, "no recorded orders")
        ))
        .wrap(),
    );
    if let Some(note) = &s.note {
        ui.add(egui::Label::new(egui::RichText::new(note).small()).wrap());
    }
    sources(ui, scn, &s.sources);
    ui.add(
        egui::Label::new(format!(
            "In this game: {}",
            format::raw_orders(scn, &s.played, "no orders")
        ))
        .wrap(),
    );
    if let Some(note) = &s.memo.note {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("Memo: {note}"))
                    .small()
                    .italics(),
            )
            .wrap(),
        );
    }
    for memo in &s.memo.orders {
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!(
                    "• {}: {}",
                    format::raw_order(scn, &memo.order),
                    memo.text
                ))
                .small()
                .italics(),
            )
            .wrap(),
        );
    }
    ui.add_space(4.0);
}

/// The sources of a note: each citation, with its address on hover (a click opens it).
pub(crate) fn sources(ui: &mut egui::Ui, scn: &Scenario, keys: &[String]) {
    for key in keys {
        let (citation, url) = format::source(scn, key);
        let label = ui.add(
            egui::Label::new(
                egui::RichText::new(format!("Source: {citation}"))
                    .small()
                    .color(theme::MUTED),
            )
            .wrap()
            .sense(egui::Sense::click()),
        );
        match url {
            Some(url) => {
                if label
                    .on_hover_text(&url)
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .clicked()
                {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(url));
                }
            }
            None => {
                label.on_hover_text(format!("{key}: no address recorded"));
            }
        }
    }
}

/// Per side: the first turn it left the record, that it kept to it, or that the scenario has
/// no record for it. `over`: the game is over (it kept to it "throughout", not "so far").
pub(crate) fn departures(ui: &mut egui::Ui, scn: &Scenario, record: &Comparison, over: bool) {
    for side in Side::BOTH {
        let actor = scn.actor(scn.actor_of(side));
        let (text, color) = match (scn.has_record(side), record.departed[side.index()]) {
            (false, _) => (
                format!("{}: the scenario has no record to follow", actor.name),
                theme::MUTED,
            ),
            (true, Some(turn)) => (
                format!("{} left the record in turn {turn}", actor.name),
                theme::BAD,
            ),
            (true, None) if over => (
                format!("{} kept to the record throughout", actor.name),
                theme::GOOD,
            ),
            (true, None) => (
                format!("{} has kept to the record so far", actor.name),
                theme::GOOD,
            ),
        };
        ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap())
            .on_hover_text(
                "A side leaves the record in the first turn whose orders differ from what it \
                 really did.",
            );
    }
}

/// The milestones: what happened, the real date, and this game's turn (or "not reached"), with
/// how far the game was from the record; a table of three columns where the width allows, else
/// one milestone under the other. `stopped`: the class stopped after this turn.
pub(crate) fn milestones_table(
    ui: &mut egui::Ui,
    rows: &[MilestoneRow],
    id: &str,
    stopped: Option<u32>,
) {
    let cells: Vec<(&str, String, String, egui::Color32)> = rows
        .iter()
        .map(|row| {
            let really = match (row.real_date, row.real_turn) {
                (Some(date), Some(turn)) => format!("{date} (turn {turn})"),
                (Some(date), None) => format!("{date} (outside the game)"),
                (None, _) => "not told yet".to_owned(),
            };
            let (game, color) = match (row.game_turn, row.real_turn) {
                (Some(turn), Some(real)) => {
                    (format!("turn {turn} ({})", gap(turn, real)), theme::ACCENT)
                }
                (Some(turn), None) => (format!("turn {turn}"), theme::ACCENT),
                (None, _) => match stopped {
                    Some(last) => (
                        format!("not reached (stopped after turn {last})"),
                        theme::MUTED,
                    ),
                    None => ("not reached".to_owned(), theme::MUTED),
                },
            };
            (row.text.as_str(), really, game, color)
        })
        .collect();
    const UNTOLD: &str = "Its real date is told once your game has played its turn.";
    if ui.available_width() < 600.0 {
        for (text, really, game, color) in cells {
            ui.add(egui::Label::new(egui::RichText::new(format!("• {text}")).small()).wrap());
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                ui.add_space(10.0);
                ui.label(
                    egui::RichText::new(format!("really {really}"))
                        .small()
                        .color(theme::MUTED),
                )
                .on_hover_text(UNTOLD);
                ui.label(egui::RichText::new("·").small().color(theme::MUTED));
                ui.label(
                    egui::RichText::new(format!("this game: {game}"))
                        .small()
                        .color(color),
                );
            });
        }
        return;
    }
    let text_width = (ui.available_width() - 420.0).max(200.0);
    egui::Grid::new(id)
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label(egui::RichText::new("Milestone").strong());
            ui.label(egui::RichText::new("Really").strong());
            ui.label(egui::RichText::new("Your game").strong());
            ui.end_row();
            for (text, really, game, color) in cells {
                ui.vertical(|ui| {
                    ui.set_max_width(text_width);
                    ui.add(egui::Label::new(text).wrap());
                });
                ui.label(really).on_hover_text(UNTOLD);
                ui.label(egui::RichText::new(game).color(color));
                ui.end_row();
            }
        });
}

/// How far the game's turn is from the record's: "same turn", "2 turns later", "1 turn earlier".
fn gap(game: u32, real: u32) -> String {
    let turns = |n: u32| {
        if n == 1 {
            "1 turn".to_owned()
        } else {
            format!("{n} turns")
        }
    };
    match game.cmp(&real) {
        std::cmp::Ordering::Equal => "same turn".into(),
        std::cmp::Ordering::Greater => format!("{} later", turns(game - real)),
        std::cmp::Ordering::Less => format!("{} earlier", turns(real - game)),
    }
}

#[cfg(test)]
mod tests {
    use super::gap;

    #[test]
    fn the_gap_reads_in_turns() {
        assert_eq!(gap(3, 3), "same turn");
        assert_eq!(gap(4, 3), "1 turn later");
        assert_eq!(gap(2, 5), "3 turns earlier");
    }
}
