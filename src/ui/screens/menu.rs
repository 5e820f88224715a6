//! The main menu: scenario, side, difficulty, seed, a class's settings (the teacher's inject file,
//! the turn to start at and how many to play, memos required), and the saves to load.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_ai::{AiSpec, Difficulty};
use demarche_sim::Side;

use super::centered;
use crate::session::{ClassSettings, Intent, Mode, Screen, class};
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
                (Difficulty::Easy, "Easy", "Looks one turn ahead with noisy judgement, and plays some turns by routine, without looking ahead."),
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
        ui.add_space(6.0);
        let injects_ok = class_settings(ui, state, &entry.dir, &scenario);
        ui.add_space(8.0);
        let start = ui.add_enabled(
            seed.is_ok() && injects_ok,
            egui::Button::new(egui::RichText::new("Start").size(20.0))
                .min_size(egui::vec2(160.0, 40.0)),
        );
        let start = start
            .on_hover_text("Read your briefing, then play.")
            .on_disabled_hover_text(if injects_ok {
                "The seed must be a whole number."
            } else {
                "The inject file does not fit this scenario: choose another, or none."
            });
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
                class: ClassSettings {
                    start_turn: state.menu.start_turn.max(1),
                    turns: (state.menu.turns > 0).then_some(state.menu.turns),
                    require_memo: state.menu.require_memo,
                    injects: state.menu.injects.clone(),
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

/// The class's settings: the inject file (checked against the scenario), the turn to start at,
/// how many turns to play, and whether End turn waits for a memo. Returns whether the chosen
/// inject file (if any) fits the scenario.
fn class_settings(
    ui: &mut egui::Ui,
    state: &mut UiState,
    dir: &std::path::Path,
    scenario: &demarche_sim::Scenario,
) -> bool {
    let menu = &mut state.menu;
    let turns = scenario.meta.calendar.turns.max(1);
    ui.heading("For a class");
    let mut files = class::inject_files(dir);
    if let Some(chosen) = &menu.injects
        && !files.contains(chosen)
    {
        files.push(chosen.clone());
    }
    let name = |p: &std::path::Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    ui.horizontal(|ui| {
        ui.label("Injects");
        egui::ComboBox::from_id_salt("injects")
            .selected_text(menu.injects.as_deref().map_or("none".to_owned(), name))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut menu.injects, None, "none");
                for file in &files {
                    ui.selectable_value(&mut menu.injects, Some(file.clone()), name(file))
                        .on_hover_text(file.display().to_string());
                }
            })
            .response
            .on_hover_text("A teacher's events for this game (the .ron files of the scenario's injects/ folder): they fire in their turn or when their condition holds, and the facilitator's panel (F9) fires them at will.");
    });
    let mut fits = true;
    if let Some(path) = menu.injects.clone() {
        let key = (scenario.meta.id.clone(), path.clone());
        let stale = menu
            .injects_checked
            .as_ref()
            .is_none_or(|(id, p, _)| (id, p) != (&key.0, &key.1));
        if stale {
            let checked = class::read_injects(scenario, &path).map(|i| i.len());
            menu.injects_checked = Some((key.0, key.1, checked));
        }
        match menu.injects_checked.as_ref().map(|(_, _, r)| r) {
            Some(Ok(n)) => {
                ui.label(
                    egui::RichText::new(format!("{n} inject(s); the facilitator's panel is F9"))
                        .small()
                        .color(theme::MUTED),
                );
            }
            Some(Err(why)) => {
                fits = false;
                ui.add(egui::Label::new(egui::RichText::new(why).small().color(theme::BAD)).wrap());
            }
            None => {}
        }
    }
    menu.start_turn = menu.start_turn.clamp(1, turns);
    let left = turns - menu.start_turn + 1;
    menu.turns = menu.turns.min(left);
    ui.horizontal(|ui| {
        ui.label("Start at turn");
        ui.add(egui::DragValue::new(&mut menu.start_turn).range(1..=turns))
            .on_hover_text("The turns before it play the record's orders for both sides, so a short class starts in the middle of the story.");
        ui.label("Turns to play");
        ui.add(
            egui::DragValue::new(&mut menu.turns)
                .range(0..=left)
                .custom_formatter(|n, _| {
                    if n < 0.5 {
                        "all".to_owned()
                    } else {
                        format!("{n:.0}")
                    }
                })
                .custom_parser(|text| {
                    if text.trim().eq_ignore_ascii_case("all") {
                        Some(0.0)
                    } else {
                        text.trim().parse::<f64>().ok()
                    }
                }),
        )
        .on_hover_text("After these turns the game stops (no ending of its own) and shows the game-over screen; \"all\" plays to the end.");
    });
    ui.checkbox(&mut menu.require_memo, "Require a memo before End turn")
        .on_hover_text("Players write why they chose their orders before they end each turn; the memos stay in the reports and the debrief.");
    fits
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
