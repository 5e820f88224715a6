//! The charts tab: the standard indicator charts, with the viewer's belief.

use bevy_egui::egui;
use demarche_sim::Side;

use crate::session::Session;

pub(crate) fn charts(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    let charts = crate::ui::charts::standard(scn, Some(viewer), &|m| seen.series(m));
    for (k, chart) in charts.iter().enumerate() {
        crate::ui::charts::draw(ui, &format!("chart_{k}"), chart, 140.0);
    }
}
