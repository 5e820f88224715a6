//! The right-hand panel: its tabs (intelligence, tracks, sanctions, news, charts), one file each.

pub mod charts;
pub mod intelligence;
pub mod news;
pub mod sanctions;
pub mod tracks;

use bevy_egui::egui;
use demarche_sim::Side;

use self::charts::charts;
use self::intelligence::intelligence;
use self::news::news;
use self::sanctions::sanctions;
use self::tracks::tracks;
use crate::session::Session;
use crate::ui::{RightTab, UiState};

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
            RightTab::Tracks => tracks(ui, session),
            RightTab::Sanctions => sanctions(ui, session),
            RightTab::News => news(ui, session, viewer),
            RightTab::Charts => charts(ui, session, viewer),
        });
}
