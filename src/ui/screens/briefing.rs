//! The briefing of the side the player plays (both sides' in a two-player game), and the
//! scenario's notes for teachers (folded).

use bevy::prelude::*;
use bevy_egui::{EguiPrimaryContextPass, egui};
use demarche_sim::Side;

use super::centered;
use crate::session::{Intent, Mode, Screen};
use crate::theme;
use crate::ui::pass::{Canvas, UiPass};
use crate::ui::{UiWorld, markdown};

/// The briefing, on the briefing screen.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        show.in_set(UiPass::Screen)
            .run_if(in_state(Screen::Briefing)),
    );
}

fn show(mut canvas: Canvas, world: UiWorld) {
    let Some((_, root, out)) = canvas.parts() else {
        return;
    };
    draw(root, &world, out);
}

/// The briefing of the side the player plays (both sides' in a two-player game).
pub fn draw(root: &mut egui::Ui, world: &UiWorld, out: &mut Vec<Intent>) {
    let Some(session) = world.session.as_deref() else {
        return;
    };
    let scn = session.scenario();
    centered(root, 860.0, |ui| {
        ui.label(egui::RichText::new(&scn.meta.title).size(28.0).strong());
        let sides: Vec<Side> = match session.mode {
            Mode::Play(side) => vec![side],
            _ => Side::BOTH.to_vec(),
        };
        for side in sides {
            let actor = scn.actor_of(side);
            ui.separator();
            ui.label(
                egui::RichText::new(format!("Briefing: {}", scn.actor(actor).name))
                    .size(20.0)
                    .color(theme::egui(scn.actor(actor).color)),
            );
            markdown::show(ui, &scn.meta.briefings[side.index()]);
            // Two people at one screen would read each other's agenda here: theirs is shown
            // only to a single player and to an audience watching the AI.
            let agenda = (session.mode != Mode::TwoPlayers)
                .then(|| session.game.agenda(side))
                .flatten()
                .and_then(|key| scn.agendas.iter().find(|a| a.key == key));
            if let Some(agenda) = agenda {
                ui.label(
                    egui::RichText::new(format!("Your government's agenda: {}", agenda.name))
                        .strong(),
                );
                ui.label(&agenda.description);
                ui.label(
                    egui::RichText::new(
                        "The other side does not know it; you do not know theirs, except from what they do.",
                    )
                    .italics(),
                );
            }
            ui.label(egui::RichText::new("Objectives (weights count in the final score)").strong());
            let view = session.game.view();
            for (i, o) in scn
                .objectives
                .iter()
                .enumerate()
                .filter(|(_, o)| o.side == actor)
            {
                ui.label(format!(
                    "• {} (weight {}): {}",
                    o.name,
                    view.status.weight(scn, i),
                    o.description
                ));
            }
        }
        if let Some(notes) = &scn.meta.teacher_notes {
            ui.separator();
            egui::CollapsingHeader::new("Teacher's notes")
                .id_salt("teacher_notes")
                .show(ui, |ui| markdown::show(ui, notes))
                .header_response
                .on_hover_text(
                    "How to run a class with this scenario, and questions for the debrief",
                );
        }
        ui.add_space(10.0);
        if ui
            .add(
                egui::Button::new(egui::RichText::new("Begin").size(20.0))
                    .min_size(egui::vec2(160.0, 40.0)),
            )
            .on_hover_text("Enter")
            .clicked()
        {
            out.push(Intent::BeginPlay);
        }
    });
}
