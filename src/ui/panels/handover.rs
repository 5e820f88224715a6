//! The hand-over between two players: everything hidden until the next player has the device.

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;

use crate::session::{Flow, Intent, Screen, Session};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::screens::playing::handing_over;

/// The hand-over, filling the game screen while two players hand the device over.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Screen)
            .run_if(in_state(Screen::Playing).and_then(handing_over)),
    );
}

fn show(mut canvas: Canvas, session: Res<Session>, flow: Res<Flow>) {
    let (Some((_, root, out)), Flow::Handover(side)) = (canvas.parts(), &*flow) else {
        return;
    };
    handover(root, &session, *side, out);
}

/// Two players: everything hidden until the next player has the device.
pub fn handover(root: &mut egui::Ui, session: &Session, side: Side, out: &mut Vec<Intent>) {
    let scn = session.scenario();
    let actor = scn.actor(scn.actor_of(side));
    let rect = root.max_rect();
    root.painter()
        .rect_filled(rect, 0.0, egui::Color32::from_rgb(12, 16, 22));
    let mut ui = root.new_child(egui::UiBuilder::new().max_rect(rect.shrink(rect.width() * 0.25)));
    ui.vertical_centered(|ui| {
        ui.add_space(rect.height() * 0.2);
        ui.label(
            egui::RichText::new(format!("Pass the device to {}", actor.name))
                .size(32.0)
                .strong()
                .color(theme::egui(actor.color)),
        );
        ui.add_space(10.0);
        let other = scn.actor(scn.actor_of(side.other()));
        let text = if session.ready[side.other().index()] {
            format!(
                "{} has given its orders; they stay hidden until the turn resolves.",
                other.name
            )
        } else {
            format!("{} plays first this turn.", actor.name)
        };
        ui.label(egui::RichText::new(text).size(18.0));
        ui.add_space(16.0);
        if ui
            .add(egui::Button::new(
                egui::RichText::new(format!("I play {}: continue", actor.name)).size(20.0),
            ))
            .on_hover_text("Enter")
            .clicked()
        {
            out.push(Intent::HandoverDone);
        }
    });
}
