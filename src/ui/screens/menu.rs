//! The main menu: scenario, side, difficulty, seed, and the saves to load.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_ai::{AiSpec, Difficulty};
use demarche_sim::Side;

use super::centered;
use crate::session::{Intent, Mode, Screen};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::{UiState, UiWorld};

/// The menu, on the menu screen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Screen).run_if(in_state(Screen::Menu)),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>, world: UiWorld) {
    let Some((_, root, out)) = canvas.parts() else {
        return;
    };
    draw(root, &mut state, &world, out);
}

/// The main menu.
pub fn draw(root: &mut egui::Ui, state: &mut UiState, world: &UiWorld, out: &mut Vec<Intent>) {
    centered(root, 760.0, |ui| {
        ui.label(egui::RichText::new("Démarche").size(40.0).strong());
        ui.label(
            egui::RichText::new("Sanctions, talks and military signalling, turn by turn")
                .size(18.0)
                .color(theme::MUTED),
        );
        ui.add_space(12.0);
        let entries = &world.catalog.entries;
        if entries.is_empty() {
            ui.colored_label(
                theme::BAD,
                format!("No scenarios found in {}.", world.catalog.root.display()),
            );
            return;
        }
        ui.heading("Scenario");
        for (i, entry) in entries.iter().enumerate() {
            match &entry.loaded {
                Ok(s) => {
                    let label = format!(
                        "{} ({} turns of {} days)",
                        s.meta.title, s.meta.calendar.turns, s.meta.calendar.days_per_turn
                    );
                    ui.radio_value(&mut state.menu.scenario, i, label)
                        .on_hover_text(&s.meta.summary);
                }
                Err(e) => {
                    ui.add_enabled(
                        false,
                        egui::RadioButton::new(false, entry.dir.display().to_string()),
                    )
                    .on_disabled_hover_text(format!(
                        "This scenario has problems: {e}. Run `demarche validate {}`.",
                        entry.dir.display()
                    ));
                }
            }
        }
        let chosen = entries
            .get(state.menu.scenario)
            .and_then(|e| e.loaded.as_ref().ok().map(|s| (e, s.clone())));
        let Some((entry, scenario)) = chosen else {
            ui.colored_label(theme::BAD, "Choose a scenario that loads.");
            return;
        };
        ui.label(egui::RichText::new(&scenario.meta.summary).color(theme::MUTED));
        ui.add_space(10.0);
        ui.heading("Who plays");
        let first = &scenario.actor(scenario.actor_of(Side::First)).name;
        let second = &scenario.actor(scenario.actor_of(Side::Second)).name;
        let modes = [
            (
                format!("Play {first} against the AI"),
                format!("You give {first}'s orders; the AI plays {second}."),
            ),
            (
                format!("Play {second} against the AI"),
                format!("You give {second}'s orders; the AI plays {first}."),
            ),
            (
                "Two players on this machine".to_owned(),
                "Each side's orders stay hidden from the other; a hand-over screen sits between them."
                    .to_owned(),
            ),
            (
                "Watch the AI play both sides".to_owned(),
                "Useful in class: pause on each report and discuss.".to_owned(),
            ),
        ];
        for (i, (label, tip)) in modes.iter().enumerate() {
            ui.radio_value(&mut state.menu.mode, i, label.as_str())
                .on_hover_text(tip.as_str());
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label("AI personality");
            egui::ComboBox::from_id_salt("personality")
                .selected_text(scenario.personalities.iter().find(|p| p.key == state.menu.personality).map_or("historical", |p| p.name.as_str()))
                .show_ui(ui, |ui| {
                    for p in &scenario.personalities {
                        ui.selectable_value(&mut state.menu.personality, p.key.clone(), &p.name).on_hover_text(&p.description);
                    }
                })
                .response
                .on_hover_text("How the AI leans: toward what the state really did, or more hawkish or dovish.");
            ui.label("Difficulty");
            for (d, name, tip) in [
                (Difficulty::Easy, "Easy", "A shallow look ahead with noisy judgement."),
                (Difficulty::Normal, "Normal", "Looks three turns ahead over several imagined futures."),
                (Difficulty::Hard, "Hard", "Looks four turns ahead over many futures."),
            ] {
                ui.radio_value(&mut state.menu.difficulty, d, name).on_hover_text(tip);
            }
        });
        ui.horizontal(|ui| {
            ui.label("Seed");
            if state.menu.seed.is_empty() {
                state.menu.seed = scenario.meta.default_seed.to_string();
            }
            ui.add(egui::TextEdit::singleline(&mut state.menu.seed).desired_width(120.0))
                .on_hover_text("The same seed and the same orders always give the same game.");
        });
        let seed = state.menu.seed.trim().parse::<u64>();
        ui.add_space(8.0);
        let start = ui.add_enabled(
            seed.is_ok(),
            egui::Button::new(egui::RichText::new("Start").size(20.0))
                .min_size(egui::vec2(160.0, 40.0)),
        );
        let start = start
            .on_hover_text("Read your briefing, then play.")
            .on_disabled_hover_text("The seed must be a whole number.");
        if start.clicked()
            && let Ok(seed) = seed
        {
            let mode = match state.menu.mode {
                0 => Mode::Play(Side::First),
                1 => Mode::Play(Side::Second),
                2 => Mode::TwoPlayers,
                _ => Mode::Watch,
            };
            out.push(Intent::NewGame {
                scenario: scenario.clone(),
                dir: entry.dir.clone(),
                seed,
                mode,
                ai: AiSpec {
                    personality: state.menu.personality.clone(),
                    difficulty: state.menu.difficulty,
                },
            });
        }
        ui.add_space(14.0);
        ui.heading("Load a saved game");
        load_list(ui, state, out);
        ui.add_space(14.0);
        if ui.button("Quit").on_hover_text("Leave Démarche.").clicked() {
            out.push(Intent::Exit);
        }
        ui.add_space(6.0);
        for credit in &scenario.meta.credits {
            ui.label(egui::RichText::new(credit).small().color(theme::MUTED));
        }
    });
}

/// The saves with a Load button each.
pub fn load_list(ui: &mut egui::Ui, state: &mut UiState, out: &mut Vec<Intent>) {
    if state.saves.is_empty() {
        ui.label(egui::RichText::new("No saves yet.").color(theme::MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("saves")
        .max_height(160.0)
        .show(ui, |ui| {
            for save in state.saves.iter().rev() {
                ui.horizontal(|ui| {
                    if ui
                        .button("Load")
                        .on_hover_text(save.path.display().to_string())
                        .clicked()
                    {
                        out.push(Intent::Load(save.path.clone()));
                    }
                    ui.label(&save.name);
                });
            }
        });
    if ui
        .small_button("Refresh")
        .on_hover_text("List the saves again.")
        .clicked()
    {
        state.saves_stale = true;
    }
}
