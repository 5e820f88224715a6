//! The right-hand panel: its tabs (intelligence, tracks, sanctions, news, charts, history), one
//! file each.

pub mod charts;
pub mod history;
pub mod intelligence;
pub mod news;
pub mod sanctions;
pub mod tracks;

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;

use self::charts::charts;
use self::history::history;
use self::intelligence::intelligence;
use self::news::news;
use self::sanctions::sanctions;
use self::tracks::tracks;
use crate::session::{Flow, Screen, Session};
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::game_shown;
use crate::ui::{RightTab, UiState};

/// The right-hand panel, while the game is shown.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::RightPanel)
            .run_if(in_state(Screen::Playing).and_then(game_shown)),
    );
}

fn show(mut canvas: Canvas, mut state: ResMut<UiState>, session: Res<Session>, flow: Res<Flow>) {
    let Some((_, root, _)) = canvas.parts() else {
        return;
    };
    if state.map_only {
        return;
    }
    let (state, session) = (&mut *state, &*session);
    let viewer = session.viewer(&flow);
    egui::Panel::right("intel")
        .resizable(true)
        .default_size(320.0)
        .min_size(250.0)
        .max_size(400.0)
        .show(root, |ui| {
            right_panel(ui, state, session, viewer);
        });
}

pub(crate) fn right_panel(ui: &mut egui::Ui, state: &mut UiState, session: &Session, viewer: Side) {
    ui.horizontal_wrapped(|ui| {
        for tab in RightTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.title())
                .on_hover_text("Tab cycles the tabs");
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("right")
        .auto_shrink([false, false])
        .show(ui, |ui| match state.tab {
            RightTab::Intelligence => intelligence(ui, session, viewer),
            RightTab::Tracks => tracks(ui, session, viewer),
            RightTab::Sanctions => sanctions(ui, session, viewer),
            RightTab::News => news(ui, session, viewer),
            RightTab::Charts => charts(ui, session, viewer),
            RightTab::History => history(ui, session, viewer),
        });
}
