//! The panels and screens, drawn with egui. UI code reads the session and writes intents; it
//! never changes the game itself. Each screen and each panel is a plugin of its own
//! ([`screens`], [`panels`]) whose systems run in the shared egui pass, in the order [`pass`]
//! gives its steps.

pub mod charts;
pub mod fonts;
pub mod format;
pub mod markdown;
pub mod panels;
pub mod pass;
pub mod preview;
pub mod screens;
pub mod shortcuts;

use std::collections::BTreeMap;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui;
use demarche_ai::Difficulty;
use demarche_sim::scenario::Category;
use demarche_sim::{ActionId, RegionId, TrackId};

use crate::map::{MapCamera, MapSelection, MapState};
use crate::session::saves::SaveEntry;
use crate::session::{Catalog, Flow, Screen, Session, flow::Notices, flow::Paused};

/// Tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RightTab {
    /// The other side as you see it, and your belief about its resolve.
    #[default]
    Intelligence,
    /// Tracks of the relationship.
    Tracks,
    /// Sanctions in force both ways.
    Sanctions,
    /// The news feed and event log.
    News,
    /// Indicators over time.
    Charts,
    /// The record beside the game: what the sides really did in each turn played, and the
    /// record's milestones.
    History,
}

impl RightTab {
    /// All tabs in order.
    pub const ALL: [RightTab; 6] = [
        RightTab::Intelligence,
        RightTab::Tracks,
        RightTab::Sanctions,
        RightTab::News,
        RightTab::Charts,
        RightTab::History,
    ];

    /// Tab title.
    pub fn title(self) -> &'static str {
        match self {
            RightTab::Intelligence => "Intelligence",
            RightTab::Tracks => "Tracks",
            RightTab::Sanctions => "Sanctions",
            RightTab::News => "News",
            RightTab::Charts => "Charts",
            RightTab::History => "History",
        }
    }
}

/// The choices of the main menu.
#[derive(Clone, Debug)]
pub struct MenuForm {
    /// Chosen catalog entry.
    pub scenario: usize,
    /// 0: first side vs AI, 1: second side vs AI, 2: two players, 3: watch.
    pub mode: usize,
    /// AI difficulty.
    pub difficulty: Difficulty,
    /// AI personality id.
    pub personality: String,
    /// Seed, as typed.
    pub seed: String,
    /// The teacher's inject file (`None`: no injects).
    pub injects: Option<std::path::PathBuf>,
    /// The first turn the players play (the turns before play the record).
    pub start_turn: u32,
    /// How many turns the players play (0: to the end of the game).
    pub turns: u32,
    /// Whether End turn waits for the turn's memo.
    pub require_memo: bool,
    /// The inject file last checked against the chosen scenario, and what the check said (how
    /// many injects, or the first problem).
    pub injects_checked: Option<(String, std::path::PathBuf, Result<usize, String>)>,
}

impl Default for MenuForm {
    fn default() -> Self {
        MenuForm {
            scenario: 0,
            mode: 0,
            difficulty: Difficulty::Normal,
            personality: "historical".into(),
            seed: String::new(),
            injects: None,
            start_turn: 1,
            turns: 0,
            require_memo: false,
            injects_checked: None,
        }
    }
}

/// What the facilitator panel remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct FacilitatorUi {
    /// Whether the panel is open (F9).
    pub open: bool,
    /// The key as typed.
    pub key: String,
}

/// What the UI remembers between frames.
#[derive(Resource, Default)]
pub struct UiState {
    /// Open category of the actions panel.
    pub category: Option<Category>,
    /// Open tab of the right panel.
    pub tab: RightTab,
    /// Track or region chosen for actions that name one.
    pub targets: BTreeMap<ActionId, (Option<TrackId>, Option<RegionId>)>,
    /// The action whose preview is pinned open.
    pub focused: Option<ActionId>,
    /// The main menu's choices.
    pub menu: MenuForm,
    /// Saves listed in the menu and the pause window.
    pub saves: Vec<SaveEntry>,
    /// Whether the saves list needs refreshing.
    pub saves_stale: bool,
    /// The last report, reopened with R.
    pub report_open: bool,
    /// The help window.
    pub help: bool,
    /// Previews of expected effects.
    pub preview: preview::PreviewCache,
    /// Fonts and style were set.
    pub styled: bool,
    /// The area the panels left free last frame, in egui points.
    pub free: Option<egui::Rect>,
    /// The facilitator panel.
    pub facilitator: FacilitatorUi,
    /// The side panels folded away so the map takes the window (M, or the top bar's button).
    pub map_only: bool,
}

/// The world as the UI reads it.
#[derive(SystemParam)]
pub struct UiWorld<'w, 's> {
    /// The screen.
    pub screen: Res<'w, State<Screen>>,
    /// The turn's stage.
    pub flow: Res<'w, Flow>,
    /// The pause menu.
    pub paused: Res<'w, Paused>,
    /// Messages.
    pub notices: Res<'w, Notices>,
    /// Scenarios found.
    pub catalog: Res<'w, Catalog>,
    /// The game.
    pub session: Option<Res<'w, Session>>,
    /// The map.
    pub map: Res<'w, MapState>,
    /// Hovered and selected regions.
    pub selection: Res<'w, MapSelection>,
    /// The map camera.
    pub camera: Query<'w, 's, (&'static Camera, &'static GlobalTransform), With<MapCamera>>,
    /// The window.
    pub window: Query<'w, 's, &'static Window, With<PrimaryWindow>>,
    /// Where saves go.
    pub saves_dir: Res<'w, crate::session::saves::SavesDir>,
    /// The facilitator's key, and whether it was given.
    pub facilitator: Res<'w, crate::session::facilitator::Facilitator>,
}

/// The panels and screens.
pub struct UiPlugin;

impl Plugin for UiPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<UiState>().add_plugins((
            pass::plugin,
            screens::plugin,
            shortcuts::plugin,
        ));
    }
}
