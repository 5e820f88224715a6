//! Keyboard shortcuts for the common actions (listed in the help window, F1).

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use demarche_sim::scenario::Category;

use super::{RightTab, UiState};
use crate::session::{Flow, Intent, Screen, flow::Paused};

/// Reading the keyboard, every frame.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, keys);
}

/// The shortcuts, for the help window.
pub const HELP: [(&str, &str); 14] = [
    (
        "Enter",
        "end your turn · continue past a report or hand-over",
    ),
    ("Space", "skip the playback of a turn"),
    ("Esc", "pause menu (save, load, quit)"),
    ("1 – 4", "actions: diplomatic, sanctions, talks, military"),
    ("Tab", "next tab of the right panel"),
    ("R", "reopen the last turn report"),
    ("Ctrl+S", "save the game"),
    ("Arrows / WASD", "pan the map"),
    ("+ / −, wheel", "zoom the map"),
    ("Drag", "pan the map"),
    ("Click", "select a region"),
    (
        "M",
        "fold the side panels away (the map takes the window), or bring them back",
    ),
    ("F1", "this help"),
    ("F9", "the facilitator's panel (with the teacher's key)"),
];

/// Reads the keyboard (unless a text field has it).
#[allow(clippy::too_many_arguments)]
pub fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    wants: Option<Res<EguiWantsInput>>,
    screen: Res<State<Screen>>,
    flow: Res<Flow>,
    paused: Res<Paused>,
    mut state: ResMut<UiState>,
    mut intents: MessageWriter<Intent>,
) {
    if wants.is_some_and(|w| w.wants_any_keyboard_input()) {
        return;
    }
    let ctrl = keys.pressed(KeyCode::ControlLeft) || keys.pressed(KeyCode::ControlRight);
    if keys.just_pressed(KeyCode::F1) {
        state.help = !state.help;
    }
    if *screen.get() != Screen::Playing {
        if keys.just_pressed(KeyCode::Enter) && *screen.get() == Screen::Briefing {
            intents.write(Intent::BeginPlay);
        }
        return;
    }
    if keys.just_pressed(KeyCode::F9) {
        state.facilitator.open = !state.facilitator.open;
    }
    if keys.just_pressed(KeyCode::Escape) {
        intents.write(Intent::TogglePause);
    }
    if paused.0 {
        return;
    }
    if ctrl && keys.just_pressed(KeyCode::KeyS) {
        intents.write(Intent::Save(None));
    }
    if keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter) {
        match *flow {
            Flow::Planning(_) => {
                intents.write(Intent::EndTurn);
            }
            Flow::Handover(_) => {
                intents.write(Intent::HandoverDone);
            }
            Flow::Report => {
                intents.write(Intent::DismissReport);
            }
            _ => {}
        }
    }
    if keys.just_pressed(KeyCode::Space) && matches!(*flow, Flow::Playback { .. }) {
        intents.write(Intent::SkipPlayback);
    }
    for (key, category) in [
        (KeyCode::Digit1, Category::Diplomatic),
        (KeyCode::Digit2, Category::Sanctions),
        (KeyCode::Digit3, Category::Talks),
        (KeyCode::Digit4, Category::Military),
    ] {
        if keys.just_pressed(key) {
            state.category = if state.category == Some(category) {
                None
            } else {
                Some(category)
            };
        }
    }
    if keys.just_pressed(KeyCode::Tab) {
        let i = RightTab::ALL
            .iter()
            .position(|t| *t == state.tab)
            .unwrap_or(0);
        state.tab = RightTab::ALL[(i + 1) % RightTab::ALL.len()];
    }
    if keys.just_pressed(KeyCode::KeyM) {
        state.map_only = !state.map_only;
    }
    if keys.just_pressed(KeyCode::KeyR) && !ctrl {
        state.report_open = !state.report_open;
    }
}
