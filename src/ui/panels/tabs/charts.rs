//! The charts tab: the standard indicator charts, with the viewer's belief.

use bevy_egui::egui;
use demarche_sim::Side;

use crate::session::Session;

pub(crate) fn charts(ui: &mut egui::Ui, session: &Session, viewer: Side) {
    let scn = session.scenario();
    let seen = session.side_view(viewer);
    for (k, chart) in crate::ui::charts::standard(scn, Some(viewer))
        .iter()
        .enumerate()
    {
        crate::ui::charts::draw(ui, &|m| seen.series(m), &format!("chart_{k}"), chart, 140.0);
    }
}
