//! The panels and screens, drawn with egui. UI code reads the session and writes intents; it
//! never changes the game itself.

pub mod charts;
pub mod format;
pub mod markdown;
pub mod panels;
pub mod preview;
pub mod screens;
pub mod shortcuts;

use std::collections::BTreeMap;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use demarche_ai::Difficulty;
use demarche_sim::scenario::Category;
use demarche_sim::{ActionId, RegionId, TrackId};

use crate::map::{MapCamera, MapSelection, MapState, UiPointer};
use crate::session::saves::SaveEntry;
use crate::session::{Catalog, Flow, Intent, Screen, Session, flow::Notices, flow::Paused};

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
}

impl RightTab {
    /// All tabs in order.
    pub const ALL: [RightTab; 5] = [
        RightTab::Intelligence,
        RightTab::Tracks,
        RightTab::Sanctions,
        RightTab::News,
        RightTab::Charts,
    ];

    /// Tab title.
    pub fn title(self) -> &'static str {
        match self {
            RightTab::Intelligence => "Intelligence",
            RightTab::Tracks => "Tracks",
            RightTab::Sanctions => "Sanctions",
            RightTab::News => "News",
            RightTab::Charts => "Charts",
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
}

impl Default for MenuForm {
    fn default() -> Self {
        MenuForm {
            scenario: 0,
            mode: 0,
            difficulty: Difficulty::Normal,
            personality: "historical".into(),
            seed: String::new(),
        }
    }
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
}

/// The panels and screens.
pub struct UiPlugin;

impl Plugin for UiPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<UiState>()
            .add_systems(EguiPrimaryContextPass, draw)
            .add_systems(Update, shortcuts::keys);
    }
}

/// The Japanese glyphs (a subset of Noto Sans CJK JP, SIL OFL 1.1; see assets/fonts/).
const JAPANESE_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansJP-subset.otf");

fn style(ctx: &egui::Context, window_height: f32) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "japanese".into(),
        std::sync::Arc::new(egui::FontData::from_static(JAPANESE_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("japanese".into());
    }
    ctx.set_fonts(fonts);
    ctx.set_visuals(egui::Visuals::dark());
    ctx.global_style_mut(|s| {
        use egui::{FontFamily, FontId, TextStyle};
        s.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(22.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        s.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
    // Larger text on large screens and projectors.
    ctx.set_zoom_factor(if window_height >= 1000.0 { 1.25 } else { 1.0 });
}

/// Draws the UI of the current screen and records whether the pointer is over it.
fn draw(
    mut contexts: EguiContexts,
    mut state: ResMut<UiState>,
    mut pointer: ResMut<UiPointer>,
    world: UiWorld,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let height = world.window.iter().next().map_or(720.0, |w| w.height());
    if !state.styled {
        style(&ctx, height);
        state.styled = true;
    }
    if state.saves_stale || state.saves.is_empty() {
        state.saves = crate::session::saves::list(&world.saves_dir.0);
        state.saves_stale = false;
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("root"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let mut out = Vec::new();
    match world.screen.get() {
        Screen::Menu => screens::menu::draw(&ctx, &mut root, &mut state, &world, &mut out),
        Screen::Briefing => screens::briefing::draw(&ctx, &mut root, &world, &mut out),
        Screen::Playing => screens::playing::draw(&ctx, &mut root, &mut state, &world, &mut out),
        Screen::GameOver => screens::gameover::draw(&ctx, &mut root, &world, &mut out),
    }
    panels::notices::notices(&ctx, &world);
    let free = root.available_rect_before_wrap();
    state.free = Some(free);
    let zoom = ctx.zoom_factor();
    pointer.free = Some((
        Vec2::new(free.min.x, free.min.y) * zoom,
        Vec2::new(free.max.x, free.max.y) * zoom,
    ));
    pointer.over_ui = ctx.is_pointer_over_egui()
        || ctx.egui_is_using_pointer()
        || ctx.any_popup_open()
        || *world.screen.get() != Screen::Playing
        || ctx.pointer_hover_pos().is_some_and(|p| !free.contains(p));
    for intent in out {
        if matches!(intent, Intent::Save(_)) {
            state.saves_stale = true;
        }
        intents.write(intent);
    }
    Ok(())
}
