//! The shared egui pass: the order of its steps (a chain of system sets), the root `Ui` the
//! screens and panels draw into in that order, the intents they give, and the pass's first step
//! (style, the saves list, the root) and last (where the pointer is, what the panels left free
//! for the map, the intents sent).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::UiState;
use crate::map::UiPointer;
use crate::session::saves::SavesDir;
use crate::session::{Intent, Screen};

/// The steps of the egui pass, run in this order every frame. egui lays panels out in the order
/// they are shown, so this order is the layout: the top bar takes the top of the window, then
/// the left and right panels take the sides, and the map gets what is left; the windows come
/// after, the notices last.
#[derive(SystemSet, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiPass {
    /// Fonts and style (once), the saves list, the frame's root `Ui`.
    Begin,
    /// A screen that fills the window: the menu, the briefing, the hand-over, the game over.
    Screen,
    /// The game's top bar.
    TopBar,
    /// The game's left-hand panel (actions).
    LeftPanel,
    /// The game's right-hand panel (the tabs).
    RightPanel,
    /// Drawn over the map: labels, the hover card, the map's error banner.
    OverMap,
    /// The turn's windows: the AI thinking, the playback, the report of the turn just resolved.
    TurnWindows,
    /// The last report, reopened.
    ReopenedReport,
    /// The facilitator's panel (F9).
    Facilitator,
    /// The pause menu.
    Pause,
    /// The help window.
    Help,
    /// Notices in the corner (every screen).
    Notices,
    /// Where the pointer is, what the panels left free, the intents sent.
    End,
}

/// The frame's root `Ui` (the whole window, in egui's background layer): made in
/// [`UiPass::Begin`], drawn into by the screens and panels in pass order, dropped in
/// [`UiPass::End`].
#[derive(Resource, Default)]
pub struct UiRoot(Option<egui::Ui>);

/// The intents the screens and panels give during the pass, sent in [`UiPass::End`] in the order
/// they were given.
#[derive(Resource, Default)]
pub struct Outbox(Vec<Intent>);

/// What a screen or panel draws with: the frame's root `Ui` and the outbox of intents.
#[derive(SystemParam)]
pub struct Canvas<'w> {
    root: ResMut<'w, UiRoot>,
    outbox: ResMut<'w, Outbox>,
}

impl Canvas<'_> {
    /// The egui context, the root `Ui` and the intents given so far; `None` when this frame has
    /// no root (no egui context).
    pub fn parts(&mut self) -> Option<(egui::Context, &mut egui::Ui, &mut Vec<Intent>)> {
        let root = self.root.0.as_mut()?;
        Some((root.ctx().clone(), root, &mut self.outbox.0))
    }
}

/// The pass's resources, the order of its steps, its first and last step.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiRoot>()
        .init_resource::<Outbox>()
        .configure_sets(
            EguiPrimaryContextPass,
            (
                UiPass::Begin,
                UiPass::Screen,
                UiPass::TopBar,
                UiPass::LeftPanel,
                UiPass::RightPanel,
                UiPass::OverMap,
                UiPass::TurnWindows,
                UiPass::ReopenedReport,
                UiPass::Facilitator,
                UiPass::Pause,
                UiPass::Help,
                UiPass::Notices,
                UiPass::End,
            )
                .chain(),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (begin.in_set(UiPass::Begin), end.in_set(UiPass::End)),
        );
}

fn style(ctx: &egui::Context, window_height: f32) {
    // egui's fonts, then the bundled Noto subsets (CJK, Devanagari, more Latin and Cyrillic).
    ctx.set_fonts(super::fonts::definitions());
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

/// Styles egui (once), lists the saves again when asked, and makes the frame's root `Ui`.
fn begin(
    mut contexts: EguiContexts,
    mut state: ResMut<UiState>,
    mut root: ResMut<UiRoot>,
    window: Query<&Window, With<PrimaryWindow>>,
    saves_dir: Res<SavesDir>,
) -> Result {
    root.0 = None;
    let ctx = contexts.ctx_mut()?.clone();
    let height = window.iter().next().map_or(720.0, |w| w.height());
    if !state.styled {
        style(&ctx, height);
        state.styled = true;
    }
    if state.saves_stale || state.saves.is_empty() {
        state.saves = crate::session::saves::list(&saves_dir.0);
        state.saves_stale = false;
    }
    root.0 = Some(egui::Ui::new(
        ctx.clone(),
        egui::Id::new("root"),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    ));
    Ok(())
}

/// Records what the panels left free for the map and whether the pointer is over the UI, then
/// sends the pass's intents.
fn end(
    mut root: ResMut<UiRoot>,
    mut outbox: ResMut<Outbox>,
    mut state: ResMut<UiState>,
    mut pointer: ResMut<UiPointer>,
    screen: Res<State<Screen>>,
    mut intents: MessageWriter<Intent>,
) {
    let Some(root) = root.0.take() else {
        return;
    };
    let ctx = root.ctx().clone();
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
        || *screen.get() != Screen::Playing
        || ctx.pointer_hover_pos().is_some_and(|p| !free.contains(p));
    for intent in outbox.0.drain(..) {
        if matches!(intent, Intent::Save(_)) {
            state.saves_stale = true;
        }
        intents.write(intent);
    }
}
